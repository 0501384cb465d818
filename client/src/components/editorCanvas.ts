// The image editor's pictures: a background and drawing layers, all one size, and the strokes
// drawn on the active layer. A brush stroke is drawn whole on a scratch canvas and laid on the
// layer with its opacity when it ends (so a half-transparent stroke does not darken where it
// crosses itself); the eraser cuts into the layer as it moves.

export interface Layer {
  name: string;
  canvas: HTMLCanvasElement;
}

export interface Pen {
  readonly color: string;
  readonly opacity: number;
  readonly radius: number;
  readonly erase: boolean;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

type Point = readonly [number, number];

/** The pictures as they were before an edit (Undo puts them back). */
export interface Snapshot {
  readonly width: number;
  readonly height: number;
  readonly background: HTMLCanvasElement | null; // never drawn into, only replaced: kept as is
  readonly layers: readonly Layer[];
  readonly active: number;
}

/** How many edits Undo can take back (each holds a copy of every layer). */
const UNDO_DEPTH = 10;

export function blankCanvas(w: number, h: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(w));
  canvas.height = Math.max(1, Math.round(h));
  return canvas;
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext("2d");
  if (ctx === null) throw new Error("no 2d canvas context");
  return ctx;
}

/** `source` drawn into a new canvas of `w`×`h` at (`x`, `y`) (a crop, or a grown canvas). */
function moved(source: HTMLCanvasElement, w: number, h: number, x = 0, y = 0): HTMLCanvasElement {
  const canvas = blankCanvas(w, h);
  context(canvas).drawImage(source, -x, -y);
  return canvas;
}

export class EditorCanvas {
  width: number;
  height: number;
  background: HTMLCanvasElement | null = null;
  layers: Layer[] = [];
  active = 0;
  private stroke: { pen: Pen; points: Point[]; scratch: HTMLCanvasElement } | null = null;
  private readonly history: Snapshot[] = [];

  constructor(width: number, height: number, names: readonly string[]) {
    this.width = width;
    this.height = height;
    for (const name of names) this.addLayer(name);
  }

  /** Keep the pictures as they are now, before an edit changes them. */
  remember(): void {
    const layers = this.layers.map((l) => ({ name: l.name, canvas: moved(l.canvas, this.width, this.height) }));
    this.history.push({ width: this.width, height: this.height, background: this.background, layers, active: this.active });
    if (this.history.length > UNDO_DEPTH) this.history.shift();
  }

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  /** The pictures as they were before the last edit; false if there is none to take back. */
  undo(): boolean {
    const last = this.history.pop();
    if (last === undefined) return false;
    this.stroke = null;
    ({ width: this.width, height: this.height, background: this.background, active: this.active } = last);
    this.layers = [...last.layers];
    return true;
  }

  /** A new value from the server, or a clear: nothing before it to go back to. */
  forget(): void {
    this.history.length = 0;
  }

  addLayer(name: string): void {
    this.layers.push({ name, canvas: blankCanvas(this.width, this.height) });
    this.active = this.layers.length - 1;
  }

  /** Every layer blank and no picture; the canvas back to `w`×`h`. */
  clear(w: number, h: number): void {
    this.stroke = null;
    this.background = null;
    this.resize(w, h, false);
    for (const layer of this.layers) context(layer.canvas).clearRect(0, 0, this.width, this.height);
  }

  /** A new picture under the layers: the canvas takes its size, or (`fit`) it is fitted in. */
  setBackground(image: CanvasImageSource & { width: number; height: number }, fit: boolean): void {
    if (!fit) this.resize(image.width, image.height, true);
    const canvas = blankCanvas(this.width, this.height);
    const scale = fit ? Math.min(this.width / image.width, this.height / image.height) : 1;
    const w = image.width * scale;
    const h = image.height * scale;
    context(canvas).drawImage(image, (this.width - w) / 2, (this.height - h) / 2, w, h);
    this.background = canvas;
  }

  /** Layers from pictures (the server's value), each drawn at the top left. */
  setLayers(images: readonly CanvasImageSource[], names: readonly string[]): void {
    this.layers = [];
    const count = Math.max(images.length, 1);
    for (let i = 0; i < count; i += 1) {
      this.addLayer(names[i] ?? `Layer ${i + 1}`);
      const image = images[i];
      if (image !== undefined) context(this.layers[i]!.canvas).drawImage(image, 0, 0);
    }
    this.active = 0;
  }

  private resize(w: number, h: number, keep: boolean): void {
    const width = Math.max(1, Math.round(w));
    const height = Math.max(1, Math.round(h));
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    for (const layer of this.layers) {
      const next = keep ? moved(layer.canvas, width, height) : blankCanvas(width, height);
      layer.canvas = next;
    }
  }

  /** Keep only `r` of every picture. */
  crop(r: Rect): void {
    // the frame may have been dragged past the canvas's edges: keep the part inside
    const x = Math.max(0, Math.round(r.x));
    const y = Math.max(0, Math.round(r.y));
    const w = Math.min(this.width, Math.round(r.x + r.w)) - x;
    const h = Math.min(this.height, Math.round(r.y + r.h)) - y;
    if (w < 1 || h < 1) return;
    if (this.background !== null) this.background = moved(this.background, w, h, x, y);
    for (const layer of this.layers) {
      layer.canvas = moved(layer.canvas, w, h, x, y);
    }
    this.width = w;
    this.height = h;
  }

  begin(pen: Pen, at: Point): void {
    this.stroke = { pen, points: [at], scratch: blankCanvas(this.width, this.height) };
    this.drawStroke();
  }

  move(at: Point): void {
    if (this.stroke === null) return;
    this.stroke.points.push(at);
    this.drawStroke();
  }

  /** The stroke laid on the active layer; false if none was going. */
  end(): boolean {
    const stroke = this.stroke;
    const layer = this.layers[this.active];
    this.stroke = null;
    if (stroke === null || layer === undefined) return false;
    if (!stroke.pen.erase) layOn(layer.canvas, stroke.scratch, stroke.pen.opacity);
    return true;
  }

  private drawStroke(): void {
    const stroke = this.stroke;
    if (stroke === null) return;
    const { pen, points } = stroke;
    const layer = this.layers[this.active];
    if (pen.erase && layer !== undefined) {
      const last = points.slice(-2);
      tracePath(context(layer.canvas), last, pen, "destination-out");
      return;
    }
    const ctx = context(stroke.scratch);
    ctx.clearRect(0, 0, this.width, this.height);
    tracePath(ctx, points, pen, "source-over");
  }

  /** Background, then every layer (the active one with the stroke being drawn). */
  paint(target: CanvasRenderingContext2D): void {
    target.clearRect(0, 0, this.width, this.height);
    if (this.background !== null) target.drawImage(this.background, 0, 0);
    this.layers.forEach((layer, i) => {
      target.drawImage(layer.canvas, 0, 0);
      const stroke = this.stroke;
      if (i === this.active && stroke !== null && !stroke.pen.erase) {
        target.globalAlpha = stroke.pen.opacity;
        target.drawImage(stroke.scratch, 0, 0);
        target.globalAlpha = 1;
      }
    });
  }

  /** Everything flattened, as the person sees it (without a stroke still being drawn). */
  composite(): HTMLCanvasElement {
    const canvas = blankCanvas(this.width, this.height);
    const ctx = context(canvas);
    if (this.background !== null) ctx.drawImage(this.background, 0, 0);
    for (const layer of this.layers) ctx.drawImage(layer.canvas, 0, 0);
    return canvas;
  }
}

function tracePath(ctx: CanvasRenderingContext2D, points: readonly Point[], pen: Pen, op: GlobalCompositeOperation): void {
  const first = points[0];
  if (first === undefined) return;
  ctx.save();
  ctx.globalCompositeOperation = op;
  ctx.strokeStyle = pen.erase ? "#000" : pen.color;
  ctx.lineWidth = pen.radius * 2;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.beginPath();
  ctx.moveTo(first[0], first[1]);
  if (points.length === 1) ctx.lineTo(first[0] + 0.01, first[1]);
  for (const [x, y] of points.slice(1)) ctx.lineTo(x, y);
  ctx.stroke();
  ctx.restore();
}

function layOn(target: HTMLCanvasElement, source: HTMLCanvasElement, opacity: number): void {
  const ctx = context(target);
  ctx.globalAlpha = opacity;
  ctx.drawImage(source, 0, 0);
  ctx.globalAlpha = 1;
}

/** A canvas as PNG bytes (what the server decodes like an uploaded picture). */
export async function pngBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
  if (blob === null) throw new Error("the canvas could not be encoded");
  return new Uint8Array(await blob.arrayBuffer());
}
