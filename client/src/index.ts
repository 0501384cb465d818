// Entry point of the bundle (reactive/static/app.js, a module script): finds #rx-root and
// connects to the socket next to the bundle (`<prefix>/ws`, see transport/endpoint.ts).

import { App } from "./app";
import { appBase, socketUrl } from "./transport/endpoint";

function main(): void {
  let root = document.getElementById("rx-root");
  if (root === null) {
    root = document.createElement("div");
    root.id = "rx-root";
    document.body.append(root);
  }
  // The page's query string rides along: gr.Request.query_params reads it.
  new App(root, socketUrl(appBase(import.meta.url), location.search)).start();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main, { once: true });
else main();
