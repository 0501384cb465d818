// The image editor's toolbar: brush, eraser and crop, the palette (and a picker when the
// colors are only defaults), the size, the layers, Clear and Upload. It holds the choices;
// the view asks it for the pen and hears its actions.

import type { Props, Value } from "../protocol/messages";
import { isMap } from "../protocol/codec";
import { el } from "./dom";

export type Tool = "brush" | "eraser" | "crop";

export interface ToolActions {
  clear(): void;
  undo(): void;
  upload(file: File): void;
  webcam(): void;
  layer(index: number): void;
  addLayer(): void;
  /** The tool changed (crop shows its frame). */
  tool(tool: Tool): void;
  /** The radius "auto" means: 1/50 of the canvas's shorter side. */
  autoRadius(): number;
}

export interface BrushProps {
  readonly colors: [string, number][];
  readonly color: [string, number];
  readonly size: number | null; // null: "auto"
  readonly fixed: boolean;
}

function sizeOf(v: Value | undefined): number | null {
  return typeof v === "number" && v > 0 ? v : null;
}

function colorOf(v: Value | undefined): [string, number] | null {
  if (!Array.isArray(v) || typeof v[0] !== "string") return null;
  return [v[0], typeof v[1] === "number" ? v[1] : 1];
}

export function brushProps(v: Value | undefined): BrushProps | null {
  if (!isMap(v)) return null;
  const raw = Array.isArray(v["colors"]) ? v["colors"] : [];
  const colors = raw.map(colorOf).filter((c): c is [string, number] => c !== null);
  const color = colorOf(v["default_color"]) ?? colors[0] ?? ["#000000", 1];
  return { colors, color, size: sizeOf(v["default_size"]), fixed: v["color_mode"] === "fixed" };
}

export class EditorTools {
  readonly root: HTMLElement;
  tool: Tool | null = null;
  color: [string, number] = ["#000000", 1];
  private readonly sizeInput: HTMLInputElement;
  private readonly layerSelect: HTMLSelectElement;
  private readonly buttons = new Map<Tool, HTMLButtonElement>();
  private readonly brushSize: number | null;
  private readonly eraserSize: number | null;

  constructor(props: Props, private readonly actions: ToolActions) {
    this.root = el("div", "rx-editor-tools");
    const brush = brushProps(props["brush"]);
    const eraser = isMap(props["eraser"]) ? props["eraser"] : null;
    this.brushSize = brush?.size ?? null;
    this.eraserSize = eraser === null ? null : sizeOf(eraser["default_size"]);
    if (brush !== null) this.addTool("brush", "Brush");
    if (eraser !== null) this.addTool("eraser", "Eraser");
    const transforms = Array.isArray(props["transforms"]) ? props["transforms"] : [];
    if (transforms.includes("crop")) this.addTool("crop", "Crop");
    if (brush !== null) this.addPalette(brush);
    this.sizeInput = el("input", "rx-editor-size");
    this.sizeInput.type = "range";
    this.sizeInput.min = "1";
    this.sizeInput.max = "100";
    this.sizeInput.title = "Size";
    this.sizeInput.setAttribute("aria-label", "Brush size");
    this.layerSelect = el("select", "rx-editor-layer");
    this.layerSelect.setAttribute("aria-label", "Layer");
    this.layerSelect.addEventListener("change", () => actions.layer(this.layerSelect.selectedIndex));
    this.sizeInput.hidden = brush === null; // nothing to size without a brush
    this.root.append(this.sizeInput, this.layerSelect);
    this.addLayerControls(props);
    this.addFileControls(props);
    if (brush !== null) {
      this.color = brush.color;
      this.select("brush");
    }
  }

  private addTool(tool: Tool, text: string): void {
    const button = el("button", "rx-editor-tool", text);
    button.type = "button";
    button.dataset["tool"] = tool;
    button.addEventListener("click", () => this.select(tool));
    this.buttons.set(tool, button);
    this.root.append(button);
  }

  select(tool: Tool): void {
    this.tool = tool;
    for (const [name, button] of this.buttons) button.setAttribute("aria-pressed", String(name === tool));
    const size = tool === "eraser" ? this.eraserSize : this.brushSize;
    this.sizeInput.value = String(size ?? this.actions.autoRadius());
    this.sizeInput.hidden = tool === "crop";
    this.actions.tool(tool);
  }

  /** The pen's radius in pixels, as the size slider shows it. */
  get radius(): number {
    return Number(this.sizeInput.value);
  }

  private addPalette(brush: BrushProps): void {
    const palette = el("div", "rx-editor-palette");
    const pick = (color: [string, number], swatch: HTMLElement | null): void => {
      this.color = color;
      for (const s of palette.children) s.setAttribute("aria-pressed", String(s === swatch));
      if (this.tool !== "brush") this.select("brush");
    };
    for (const color of brush.colors) {
      const swatch = el("button", "rx-editor-color");
      swatch.type = "button";
      swatch.title = color[0];
      swatch.style.background = color[0];
      swatch.style.opacity = String(Math.max(0.25, color[1]));
      swatch.dataset["color"] = color[0];
      swatch.addEventListener("click", () => pick(color, swatch));
      palette.append(swatch);
    }
    if (!brush.fixed) {
      const custom = el("input", "rx-editor-picker");
      custom.type = "color";
      custom.setAttribute("aria-label", "Brush color");
      custom.addEventListener("input", () => pick([custom.value, 1], custom));
      palette.append(custom);
    }
    this.root.append(palette);
  }

  private addLayerControls(props: Props): void {
    const layers = isMap(props["layers"]) ? props["layers"] : {};
    const shown = layers["shown"] !== false;
    this.layerSelect.hidden = !shown;
    if (shown && layers["allow_additional"] === true) {
      const add = el("button", "rx-editor-add-layer", "+ Layer");
      add.type = "button";
      add.addEventListener("click", () => this.actions.addLayer());
      this.root.append(add);
    }
  }

  private addFileControls(props: Props): void {
    const sources = Array.isArray(props["sources"]) ? props["sources"] : [];
    if (sources.includes("upload")) {
      const label = el("label", "rx-editor-upload", "Upload");
      const file = el("input");
      file.type = "file";
      file.accept = "image/*";
      file.addEventListener("change", () => {
        const picked = file.files?.[0];
        if (picked !== undefined) this.actions.upload(picked);
        file.value = "";
      });
      label.append(file);
      this.root.append(label);
    }
    if (sources.includes("webcam")) {
      const webcam = el("button", "rx-editor-webcam-open", "Webcam");
      webcam.type = "button";
      webcam.addEventListener("click", () => this.actions.webcam());
      this.root.append(webcam);
    }
    const undo = el("button", "rx-editor-undo", "Undo");
    undo.type = "button";
    undo.title = "Undo (Ctrl+Z)";
    undo.addEventListener("click", () => this.actions.undo());
    this.root.append(undo);
    const clear = el("button", "rx-clear", "Clear");
    clear.type = "button";
    clear.addEventListener("click", () => this.actions.clear());
    this.root.append(clear);
  }

  showLayers(names: readonly string[], active: number): void {
    this.layerSelect.replaceChildren(...names.map((name) => el("option", undefined, name)));
    this.layerSelect.selectedIndex = active;
  }
}
