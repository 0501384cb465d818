// model3d: a 3D model ({name, mime, data}: .obj, .glb, .gltf, .stl) drawn by three.js, which
// lives in its own file (/static/model3d.js) imported on first use, never from a CDN. Drag to
// orbit, wheel to zoom. When interactive, a drop zone uploads a model ({mime, data, name}).

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import type { Viewer, ViewerOptions } from "../model3d/viewer";
import { el, highlightDrops, setText } from "./dom";
import { MAX_UPLOAD_BYTES } from "./imageValue";
import { num } from "./props";
import { ComponentView, type ViewContext } from "./view";

type ViewerModule = typeof import("../model3d/viewer");
const VIEWER_URL = "/static/model3d.js";
let viewerModule: Promise<ViewerModule> | null = null;

function loadViewer(): Promise<ViewerModule> {
  // a URL in a variable: esbuild leaves the import to the browser, so three.js stays its own file
  const url: string = VIEWER_URL;
  viewerModule ??= import(/* webpackIgnore: true */ url) as Promise<ViewerModule>;
  return viewerModule;
}

export class Model3DView extends ComponentView {
  private readonly canvas: HTMLElement;
  private readonly note: HTMLElement;
  private viewer: Viewer | null = null;
  private drawn = 0;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "model3d", props, ctx);
    const box = el("div", "rx-model3d");
    this.canvas = el("div", "rx-model3d-canvas");
    this.canvas.style.height = `${num(props, "height") ?? 360}px`;
    this.note = el("div", "rx-info");
    box.append(this.canvas, this.note);
    this.mount(box);
    if (props["interactive"] === true) this.addPicker(box);
    this.update(props["value"] ?? null);
  }

  update(v: Value): void {
    this.show(v);
    if (this.props["interactive"] === true) this.ctx.reset(this.id, v);
  }

  override dispose(): void {
    this.viewer?.stop();
  }

  private show(v: Value): void {
    const turn = ++this.drawn;
    this.viewer?.stop();
    this.viewer = null;
    this.canvas.replaceChildren();
    this.root.dataset["meshes"] = "0";
    if (!isMap(v) || !(v["data"] instanceof Uint8Array)) return setText(this.note, "");
    const name = typeof v["name"] === "string" ? v["name"] : "model.glb";
    const ext = (name.split(".").pop() ?? "").toLowerCase();
    setText(this.note, `Loading ${name}…`);
    const data = v["data"];
    loadViewer()
      .then((module) => module.mount(this.canvas, data, ext, this.options()))
      .then((viewer) => {
        if (turn !== this.drawn) return viewer.stop(); // a newer model came meanwhile
        this.viewer = viewer;
        this.root.dataset["meshes"] = String(viewer.meshes);
        setText(this.note, name);
      })
      .catch((e: unknown) => setText(this.note, `${name} could not be shown: ${e instanceof Error ? e.message : String(e)}`));
  }

  private options(): ViewerOptions {
    const colour = this.props["clear_color"];
    const camera = this.props["camera_position"];
    const nums = (v: Value | undefined, n: number): (number | null)[] => [...Array(n).keys()].map((i) => (Array.isArray(v) && typeof v[i] === "number" ? (v[i] as number) : null));
    const c = nums(colour, 4);
    return {
      clearColor: c.every((x) => x !== null) ? (c as [number, number, number, number]) : null,
      camera: nums(camera, 3) as [number | null, number | null, number | null],
      zoomSpeed: num(this.props, "zoom_speed") ?? 1,
      panSpeed: num(this.props, "pan_speed") ?? 1,
    };
  }

  private addPicker(box: HTMLElement): void {
    const zone = el("label", "rx-drop", "Drop a 3D model (.obj, .glb, .gltf, .stl) here or click to upload");
    const input = el("input");
    input.type = "file";
    input.accept = ".obj,.glb,.gltf,.stl";
    input.id = `${this.id}--control`;
    zone.append(input);
    const pick = async (file: File): Promise<void> => {
      if (file.size > MAX_UPLOAD_BYTES) return this.showLocalError(`${file.name} is larger than 16 MiB`);
      const value = { mime: file.type || "application/octet-stream", data: new Uint8Array(await file.arrayBuffer()), name: file.name };
      this.show(value);
      this.changed(value);
    };
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (file !== undefined) void pick(file);
    });
    highlightDrops(zone, (f) => void pick(f));
    box.append(zone);
  }
}
