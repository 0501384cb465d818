// Where the page's server is: the socket URL is built relative to where the bundle was served
// (`<prefix>/static/app.js`), so an app mounted under a prefix or behind a proxy that strips one
// reaches its own socket, never the host's root.

/** The app's base URL (ending in "/") from the bundle's own URL, `<base>static/app.js`. */
export function appBase(bundleUrl: string): URL {
  return new URL("../", bundleUrl);
}

/** The session socket of the app at `base`: `ws(s)://host<prefix>/ws`, with the page's own
 * query string (`search`, which gr.Request.query_params reads). */
export function socketUrl(base: URL, search = ""): string {
  const url = new URL("ws", base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.search = search;
  url.hash = "";
  return url.href;
}
