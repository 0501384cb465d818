// Entry point of the bundle (reactive/static/app.js, a module script): finds #rx-root and
// connects to the page's own server at /ws.

import { App } from "./app";

function main(): void {
  let root = document.getElementById("rx-root");
  if (root === null) {
    root = document.createElement("div");
    root.id = "rx-root";
    document.body.append(root);
  }
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  // The page's query string rides along: gr.Request.query_params reads it.
  new App(root, `${scheme}://${location.host}/ws${location.search}`).start();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main, { once: true });
else main();
