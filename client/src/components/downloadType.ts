// The type a downloaded file's blob carries. A blob URL opened in a tab ("open link in new
// tab", a middle click) is rendered as its type, in the app's origin: an HTML, SVG or XML file
// there would run its script with the page's socket. Pictures (raster), sounds and films keep
// their type, which the browser only ever shows; anything else becomes
// application/octet-stream, which the browser only saves.

const SHOWN = /^(image\/(png|jpeg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;

export const SAVE_ONLY = "application/octet-stream";

export function downloadType(mime: string): string {
  const base = (mime.split(";", 1)[0] ?? "").trim().toLowerCase();
  return SHOWN.test(base) ? mime : SAVE_ONLY;
}
