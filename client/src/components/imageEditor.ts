// imageeditor (gr.ImageEditor, Sketchpad, Paint, ImageMask): a canvas to draw on over a picture.
// The value from the server is {background, layers: [image], composite} of image values; when
// the person finishes a stroke, an erase, a crop, an upload or a clear, the page sends (after a
// short pause, so a quick run of strokes is one message) {background, layers, composite, edit},
// each picture an encoded PNG {mime, data, name} as binary, as an uploaded picture travels, and
// edit "upload" (a new background since the last send) or "apply"; nil when cleared.

import type { Props, Value } from "../protocol/messages";
import { isMap } from "../protocol/codec";
import { el, highlightDrops } from "./dom";
import { blankCanvas, EditorCanvas, pngBytes, type Rect } from "./editorCanvas";
import { EditorTools, type Tool } from "./editorTools";
import { WebcamSnapshot, webcamOptions } from "./editorWebcam";
import { MAX_UPLOAD_BYTES, toImage } from "./imageValue";
import { cssLength } from "./props";
import { ComponentView, type ViewContext } from "./view";

/** The pause after the last edit before the value is sent. */
const SEND_DELAY_MS = 150;
const TOOL_PROPS = new Set(["brush", "eraser", "layers", "transforms", "sources", "canvas_size", "fixed_canvas"]);

type Picture = ImageBitmap | HTMLImageElement;

async function picture(v: Value | undefined): Promise<Picture | null> {
  const image = toImage(v);
  if (image !== null) return createImageBitmap(new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.mime }));
  if (!isMap(v) || typeof v["url"] !== "string" || !/^https?:\/\//.test(v["url"])) return null;
  const img = new Image();
  img.crossOrigin = "anonymous"; // else the canvas is tainted and cannot be sent
  img.src = v["url"];
  await img.decode();
  return img;
}

function layerNames(props: Props): string[] {
  const layers = props["layers"];
  const names = isMap(layers) && Array.isArray(layers["names"]) ? layers["names"] : [];
  const given = names.filter((n): n is string => typeof n === "string");
  return given.length > 0 ? given : ["Layer 1"];
}

export class ImageEditorView extends ComponentView {
  private readonly view: HTMLCanvasElement;
  private readonly model: EditorCanvas;
  private tools: EditorTools | null = null;
  private cropFrom: [number, number] | null = null;
  private cropRect: Rect | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private shown = 0; // the newest server value being loaded (an older one that loads late is dropped)
  private touched = false; // the person drew since the server's last value
  private uploaded = false; // a new background since the last send
  private backgroundPng: { canvas: HTMLCanvasElement; bytes: Uint8Array } | null = null;
  private placeholder: HTMLElement | null = null; // shown until there is a picture or a stroke
  private webcam: WebcamSnapshot | null = null;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "imageeditor", props, ctx);
    const [w, h] = this.canvasSize();
    this.model = new EditorCanvas(w, h, layerNames(props));
    this.view = blankCanvas(w, h);
    this.view.className = "rx-editor-canvas";
    this.view.style.maxHeight = cssLength(props, "height") ?? "";
    this.view.style.maxWidth = cssLength(props, "width") ?? "";
    const stage = el("div", "rx-editor-stage");
    stage.append(this.view);
    const placeholder = typeof props["placeholder"] === "string" ? props["placeholder"] : "";
    if (placeholder !== "") {
      this.placeholder = el("div", "rx-editor-placeholder", placeholder);
      stage.append(this.placeholder);
    }
    this.mount(stage);
    if (this.interactive) {
      this.tools = this.makeTools();
      stage.before(this.tools.root);
      this.listen();
    }
    this.repaint();
    void this.show(props["value"]);
  }

  private canvasSize(): [number, number] {
    const size = this.props["canvas_size"];
    if (Array.isArray(size) && typeof size[0] === "number" && typeof size[1] === "number") return [size[0], size[1]];
    return [800, 800];
  }

  private get fits(): boolean {
    return this.props["fixed_canvas"] === true;
  }

  private makeTools(): EditorTools {
    return new EditorTools(this.props, {
      clear: () => this.clearAll(),
      undo: () => this.undo(),
      upload: (file) => void this.upload(file),
      webcam: () => void this.openWebcam(),
      layer: (index) => (this.model.active = index),
      addLayer: () => {
        this.model.remember();
        this.model.addLayer(`Layer ${this.model.layers.length + 1}`);
        this.showLayers();
      },
      tool: (tool: Tool) => {
        this.view.dataset["tool"] = tool;
        this.cropRect = null;
        this.repaint();
      },
      autoRadius: () => Math.max(1, Math.round(Math.min(this.model.width, this.model.height) / 50)),
    });
  }

  private listen(): void {
    this.showLayers();
    this.view.addEventListener("pointerdown", (e) => this.down(e));
    this.view.addEventListener("pointermove", (e) => this.moveTo(e));
    this.view.addEventListener("pointerup", (e) => this.up(e));
    this.view.addEventListener("pointercancel", (e) => this.up(e));
    const sources = Array.isArray(this.props["sources"]) ? this.props["sources"] : [];
    if (sources.includes("upload")) highlightDrops(this.view, (file) => void this.upload(file));
    this.root.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !e.shiftKey) {
        e.preventDefault();
        this.undo();
      }
    });
    this.root.addEventListener("paste", (e) => {
      if (!sources.includes("clipboard")) return;
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith("image/"));
      if (file === undefined) return;
      e.preventDefault();
      void this.upload(file);
    });
  }

  private showLayers(): void {
    this.tools?.showLayers(this.model.layers.map((l) => l.name), this.model.active);
  }

  /** A pointer event's place on the canvas, in the canvas's own pixels. */
  private at(e: PointerEvent): [number, number] {
    const box = this.view.getBoundingClientRect();
    return [((e.clientX - box.left) * this.view.width) / box.width, ((e.clientY - box.top) * this.view.height) / box.height];
  }

  private down(e: PointerEvent): void {
    const tools = this.tools;
    if (tools === null || tools.tool === null || e.button !== 0) return;
    this.view.setPointerCapture(e.pointerId);
    e.preventDefault();
    if (tools.tool === "crop") {
      this.cropFrom = this.at(e);
      return;
    }
    const [color, opacity] = tools.color;
    this.model.remember();
    this.model.begin({ color, opacity, radius: tools.radius, erase: tools.tool === "eraser" }, this.at(e));
    this.repaint();
  }

  private moveTo(e: PointerEvent): void {
    if (this.cropFrom !== null) {
      const [x, y] = this.at(e);
      const [x0, y0] = this.cropFrom;
      this.cropRect = { x: Math.min(x, x0), y: Math.min(y, y0), w: Math.abs(x - x0), h: Math.abs(y - y0) };
      this.repaint();
      return;
    }
    this.model.move(this.at(e));
    this.repaint();
  }

  private up(e: PointerEvent): void {
    if (this.view.hasPointerCapture(e.pointerId)) this.view.releasePointerCapture(e.pointerId);
    if (this.cropFrom !== null) {
      this.cropFrom = null;
      const rect = this.cropRect;
      this.cropRect = null;
      if (rect !== null && rect.w >= 2 && rect.h >= 2) {
        this.model.remember();
        this.model.crop(rect);
        this.edited();
      }
      this.repaint();
      return;
    }
    if (this.model.end()) this.edited();
    this.repaint();
  }

  private repaint(): void {
    const view = this.view;
    if (this.placeholder !== null) this.placeholder.hidden = this.model.background !== null || this.touched;
    if (view.width !== this.model.width || view.height !== this.model.height) {
      view.width = this.model.width;
      view.height = this.model.height;
    }
    const ctx = view.getContext("2d");
    if (ctx === null) return;
    this.model.paint(ctx);
    const r = this.cropRect;
    if (r !== null) {
      ctx.save();
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = Math.max(1, view.width / 400);
      ctx.strokeStyle = "#fff";
      ctx.strokeRect(r.x, r.y, r.w, r.h);
      ctx.strokeStyle = "#000";
      ctx.lineDashOffset = 5;
      ctx.strokeRect(r.x, r.y, r.w, r.h);
      ctx.restore();
    }
  }

  /** Back to the pictures before the last edit (Undo, or Ctrl+Z on the editor). */
  private undo(): void {
    if (!this.model.undo()) return;
    this.showLayers();
    this.repaint();
    this.edited();
  }

  private clearAll(): void {
    const [w, h] = this.canvasSize();
    this.model.clear(w, h);
    this.model.forget();
    this.model.setLayers([], layerNames(this.props)); // the layers the app named, blank
    this.showLayers();
    this.repaint();
    this.cancelSend();
    this.touched = false;
    this.uploaded = false;
    this.changed(null);
  }

  /** The camera's live picture in place of the canvas until Capture (or Cancel). */
  private async openWebcam(): Promise<void> {
    if (this.webcam !== null) return;
    const stage = this.view.parentElement;
    if (stage === null) return;
    const snapshot = new WebcamSnapshot(webcamOptions(this.props["webcam_options"]), (picture, problem) => {
      this.webcam = null;
      stage.hidden = false;
      if (problem !== undefined) return this.showLocalError(problem);
      if (picture === null) return;
      this.model.remember();
      this.model.setBackground(picture, this.fits);
      this.uploaded = true;
      this.repaint();
      this.edited();
    });
    this.webcam = snapshot;
    stage.hidden = true;
    stage.before(snapshot.root);
    await snapshot.open();
  }

  override dispose(): void {
    this.webcam?.close();
    this.cancelSend();
  }

  private async upload(file: File): Promise<void> {
    if (file.size > MAX_UPLOAD_BYTES) return this.showLocalError(`${file.name} is larger than 16 MiB`);
    try {
      const image = await createImageBitmap(file);
      this.model.remember();
      this.model.setBackground(image, this.fits);
      this.uploaded = true;
    } catch {
      return this.showLocalError(`${file.name} is not a picture this browser can open`);
    }
    this.repaint();
    this.edited();
  }

  /** The person changed the picture: send it once the edits pause. */
  private edited(): void {
    this.touched = true;
    this.cancelSend();
    this.timer = setTimeout(() => void this.send(), SEND_DELAY_MS);
  }

  private cancelSend(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The background as PNG, encoded once per picture (a stroke leaves it as it was). */
  private async backgroundBytes(): Promise<Uint8Array | null> {
    const canvas = this.model.background;
    if (canvas === null) return null;
    if (this.backgroundPng?.canvas !== canvas) this.backgroundPng = { canvas, bytes: await pngBytes(canvas) };
    return this.backgroundPng.bytes;
  }

  private async send(): Promise<void> {
    this.timer = null;
    const model = this.model;
    try {
      const background = await this.backgroundBytes();
      const layers = await Promise.all(model.layers.map((l) => pngBytes(l.canvas)));
      const composite = await pngBytes(model.composite());
      if (this.timer !== null) return; // edited again meanwhile: that send follows
      const size = [background, composite, ...layers].reduce((n, b) => n + (b?.length ?? 0), 0);
      if (size > MAX_UPLOAD_BYTES) {
        const mib = (size / 1048576).toFixed(1);
        return this.showLocalError(`the picture and its layers take ${mib} MiB, more than the 16 MiB one value may: use a smaller picture`);
      }
      const file = (data: Uint8Array, name: string): Value => ({ mime: "image/png", data, name });
      const edit = this.uploaded ? "upload" : "apply";
      this.uploaded = false;
      this.changed({
        edit,
        background: background === null ? null : file(background, "background.png"),
        layers: layers.map((data, i) => file(data, `layer-${i + 1}.png`)),
        composite: file(composite, "composite.png"),
      });
    } catch {
      this.showLocalError("the picture could not be read (a picture from another site without CORS?)");
    }
  }

  update(v: Value): void {
    this.touched = false;
    this.cancelSend();
    void this.show(v);
    this.ctx.reset(this.id, v);
  }

  /** Draw a value from the server: its background, its layers (composite alone: as the picture). */
  private async show(v: Value | undefined): Promise<void> {
    const shown = (this.shown += 1);
    if (!isMap(v)) {
      if (v === null || v === undefined) {
        const [w, h] = this.canvasSize();
        this.model.clear(w, h);
        this.model.setLayers([], layerNames(this.props));
        this.showLayers();
        this.repaint();
      }
      return;
    }
    const rawLayers = Array.isArray(v["layers"]) ? v["layers"] : [];
    let background: Picture | null;
    let layers: (Picture | null)[];
    try {
      background = await picture(v["background"]);
      layers = await Promise.all(rawLayers.map((l) => picture(l)));
      if (background === null && layers.length === 0) background = await picture(v["composite"]);
    } catch {
      return this.showLocalError("a picture of this value could not be loaded");
    }
    if (shown !== this.shown || this.touched) return; // a newer value, or the person drew since
    const drawn = layers.filter((l): l is Picture => l !== null);
    const [w, h] = this.canvasSize();
    this.model.clear(w, h);
    this.model.forget();
    const first = background ?? drawn[0];
    if (first !== undefined) this.model.setBackground(first, this.fits);
    if (background === null) this.model.background = null; // sized by the first layer only
    this.model.setLayers(drawn, layerNames(this.props));
    this.showLayers();
    this.repaint();
  }

  override setProps(p: Props): void {
    const tools = Object.keys(p).filter((k) => TOOL_PROPS.has(k));
    super.setProps(Object.fromEntries(Object.entries(p).filter(([k]) => !TOOL_PROPS.has(k))));
    if (tools.length === 0) return;
    this.props = { ...this.props, ...p };
    if (this.tools !== null) {
      const previous = this.tools.root;
      this.tools = this.makeTools();
      previous.replaceWith(this.tools.root);
      this.showLayers();
    }
  }
}
