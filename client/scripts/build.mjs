// Builds the client bundle: src/index.ts -> reactive/static/app.js (one minified ES module),
// src/model3d/viewer.ts -> reactive/static/model3d.js (three.js: loaded only by a page that
// shows a Model3D), src/worklet/pcmCapture.ts -> capture-worklet.js and src/styles.css ->
// reactive/static/app.css. Deterministic: no timestamps, paths or source maps,
// so unchanged sources give identical bytes.
//
//   node scripts/build.mjs           write ../reactive/static/app.{js,css}
//   node scripts/build.mjs --check   build into a temp dir; exit 1 if the committed files differ

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const esbuild = await import("esbuild").catch(() => {
  console.error("esbuild is not installed: run `npm --prefix client ci` first");
  process.exit(2);
});

const client = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const staticDir = resolve(client, "../reactive/static");
const FILES = ["app.js", "model3d.js", "app.css", "capture-worklet.js"];

const common = {
  absWorkingDir: client,
  bundle: true,
  minify: true,
  write: false,
  sourcemap: false,
  legalComments: "eof",
  charset: "ascii",
  logLevel: "warning",
};

async function build(outDir) {
  const js = await esbuild.build({
    ...common,
    entryPoints: ["src/index.ts"],
    outfile: join(outDir, "app.js"),
    format: "esm",
    platform: "browser",
    target: ["es2022", "chrome100", "firefox100", "safari15"],
    define: { "process.env.NODE_ENV": '"production"' },
  });
  // The microphone's AudioWorklet: a module of its own, loaded from beside app.js.
  const worklet = await esbuild.build({
    ...common,
    entryPoints: ["src/worklet/pcmCapture.ts"],
    outfile: join(outDir, "capture-worklet.js"),
    format: "esm",
    platform: "browser",
    target: ["es2022", "chrome100", "firefox100", "safari15"],
  });
  const viewer = await esbuild.build({
    ...common,
    entryPoints: ["src/model3d/viewer.ts"],
    outfile: join(outDir, "model3d.js"),
    format: "esm",
    platform: "browser",
    target: ["es2022", "chrome100", "firefox100", "safari15"],
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const css = await esbuild.build({
    ...common,
    entryPoints: ["src/styles.css"],
    outfile: join(outDir, "app.css"),
    target: ["chrome100", "firefox100", "safari15"],
  });
  mkdirSync(outDir, { recursive: true });
  for (const file of [...js.outputFiles, ...viewer.outputFiles, ...worklet.outputFiles, ...css.outputFiles]) writeFileSync(file.path, file.contents);
}

async function check() {
  const tmp = mkdtempSync(join(tmpdir(), "rx-client-"));
  try {
    await build(tmp);
    const stale = FILES.filter((name) => {
      const committed = join(staticDir, name);
      return !existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(tmp, name)));
    });
    if (stale.length > 0) {
      console.error(`reactive/static is stale (${stale.join(", ")}): run \`npm --prefix client run build\``);
      process.exit(1);
    }
    console.log(`reactive/static is up to date (${FILES.join(", ")})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv.includes("--check")) {
  await check();
} else {
  await build(staticDir);
  for (const name of FILES) console.log(`wrote reactive/static/${name} (${readFileSync(join(staticDir, name)).length} bytes)`);
}
