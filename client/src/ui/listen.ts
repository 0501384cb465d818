// The events a Blocks app's listeners wait for besides values and clicks (the welcome's
// `app.listen`): focus and blur, release (a slider let go), select (a table cell, a gallery
// image, text selected in a textbox, a chat message, a point clicked on an image: its pixel
// [x, y]), key_up (a dropdown's key), copy (a copy button pressed) and the media events (play, pause, end, a recording started
// or stopped). Only listened components get these DOM listeners, so other pages send nothing
// more. Chatbot like / edit are sent by its own view through ctx.trigger.

import { COPY_EVENT } from "../components/copyButton";
import type { TriggerEvent, Value } from "../protocol/messages";

export type SendEvent = (c: string, e: TriggerEvent, d?: Value) => void;

/** Adds the DOM listeners `events` need on component `id`'s root. */
export function listen(id: string, root: HTMLElement, events: readonly string[], send: SendEvent): void {
  for (const event of events) {
    if (event === "focus") root.addEventListener("focusin", (e) => enters(root, e) && send(id, "focus"));
    else if (event === "blur") root.addEventListener("focusout", (e) => enters(root, e) && send(id, "blur"));
    else if (event === "release") root.addEventListener("change", (e) => released(e) && send(id, "release"));
    else if (event === "select") listenSelect(id, root, send);
    else if (event === "key_up") root.addEventListener("keyup", (e) => send(id, "key_up", keyUpData(e)));
    else if (event === "copy") root.addEventListener(COPY_EVENT, (e) => send(id, "copy", copiedData(e)));
    else if (event in MEDIA_EVENTS) listenMedia(id, root, event as MediaEvent, send);
  }
}

type MediaEvent = "play" | "pause" | "stop" | "end" | "start_recording" | "pause_recording" | "stop_recording";

/** The DOM event behind each media listener: the media element's own (they do not bubble, so
 * they are caught on the way down), or the recorder's (recorder.ts). Gradio's stop and end both
 * mean the media played to its end. */
const MEDIA_EVENTS: Record<MediaEvent, string> = {
  play: "play",
  pause: "pause",
  stop: "ended",
  end: "ended",
  start_recording: "rx-recording-start",
  pause_recording: "rx-recording-pause",
  stop_recording: "rx-recording-stop",
};

function listenMedia(id: string, root: HTMLElement, event: MediaEvent, send: SendEvent): void {
  root.addEventListener(MEDIA_EVENTS[event], (e) => {
    if (e.target instanceof HTMLMediaElement && e.target.classList.contains("rx-rec-live")) return; // the webcam's live view
    send(id, event);
  }, true);
}

/** gr.CopyData: what the copy button put on the clipboard. */
function copiedData(e: Event): Value {
  const detail: unknown = e instanceof CustomEvent ? e.detail : null;
  const value = typeof detail === "object" && detail !== null && "value" in detail ? detail.value : null;
  return { value: typeof value === "string" ? value : null };
}

/** gr.KeyUpData: the key, and the text in the field as it is now. */
function keyUpData(e: KeyboardEvent): Value {
  const field = e.target;
  const text = field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : "";
  return { key: e.key, input_value: text };
}

/** Focus moved in from (or out to) outside the component, not between its own parts. */
function enters(root: HTMLElement, e: FocusEvent): boolean {
  return !(e.relatedTarget instanceof Node && root.contains(e.relatedTarget));
}

function released(e: Event): boolean {
  return e.target instanceof HTMLInputElement && e.target.type === "range";
}

function listenSelect(id: string, root: HTMLElement, send: SendEvent): void {
  root.addEventListener("click", (e) => {
    const data = root.dataset["component"] === "image" ? clickedPixel(e) : clickedData(e.target);
    if (data !== null) send(id, "select", data);
  });
  root.addEventListener("select", (e) => {
    const field = e.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? start;
    send(id, "select", { index: [start, end], value: field.value.slice(start, end), selected: true });
  });
}

/** A click on a picture: {index: [x, y]} in the picture's own pixels (Gradio's), value null. */
export function clickedPixel(e: MouseEvent): Value | null {
  const img = e.target;
  if (!(img instanceof HTMLImageElement) || img.naturalWidth === 0) return null;
  const box = img.getBoundingClientRect();
  const index = pixelAt(e.clientX - box.left, e.clientY - box.top, box.width, box.height, img.naturalWidth, img.naturalHeight);
  return index === null ? null : { index, value: null, selected: true };
}

/** The pixel under a point of a box showing a picture with object-fit: contain (null: outside). */
export function pixelAt(x: number, y: number, w: number, h: number, nw: number, nh: number): [number, number] | null {
  const scale = Math.min(w / nw, h / nh);
  const px = (x - (w - nw * scale) / 2) / scale;
  const py = (y - (h - nh * scale) / 2) / scale;
  if (px < 0 || py < 0 || px >= nw || py >= nh) return null;
  return [Math.floor(px), Math.floor(py)];
}

/** A table cell: {index: [row, column], value}; a gallery item: {index, value: {image | video, caption}};
 * a chat message: {index, value: its text}. */
function clickedData(target: EventTarget | null): Value | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest("td");
  const row = cell?.parentElement;
  if (cell !== null && row instanceof HTMLTableRowElement && row.parentElement?.tagName === "TBODY") {
    const field = cell.querySelector("input");
    const text = field !== null ? field.value : (cell.textContent ?? "");
    const value = cell.classList.contains("rx-num") && text.trim() !== "" ? Number(text) : text;
    return { index: [row.sectionRowIndex, cell.cellIndex], value, selected: true };
  }
  const message = target.closest(".rx-msg-row");
  if (message instanceof HTMLElement && target.closest("button, textarea, a") === null) {
    const index = Number(message.dataset["index"]);
    const text = message.querySelector(".rx-msg")?.textContent ?? "";
    return Number.isInteger(index) ? { index, value: text, selected: true } : null;
  }
  const thumb = target.closest("figure.rx-thumb");
  if (thumb !== null && thumb.parentElement !== null) {
    const index = [...thumb.parentElement.children].indexOf(thumb);
    const media = thumb.querySelector("img, video");
    const caption = thumb.querySelector("figcaption")?.textContent ?? null;
    const kind = media instanceof HTMLVideoElement ? "video" : "image";
    const url = media instanceof HTMLImageElement || media instanceof HTMLVideoElement ? media.src : "";
    return { index, value: { [kind]: { url }, caption }, selected: true };
  }
  return null;
}
