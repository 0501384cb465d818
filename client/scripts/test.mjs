// Runs the unit tests: compiles each test/*.test.ts with esbuild into a temp dir, then runs them
// with node's built-in test runner (`node --test`). Extra arguments go to node --test.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const esbuild = await import("esbuild").catch(() => {
  console.error("esbuild is not installed: run `npm --prefix client ci` first");
  process.exit(2);
});

const client = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tests = readdirSync(join(client, "test")).filter((n) => n.endsWith(".test.ts")).sort();
const out = mkdtempSync(join(tmpdir(), "rx-client-tests-"));
let status = 1;
try {
  await esbuild.build({
    absWorkingDir: client,
    entryPoints: tests.map((n) => `test/${n}`),
    outdir: out,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "inline",
    logLevel: "warning",
  });
  const files = tests.map((n) => join(out, n.replace(/\.ts$/, ".mjs")));
  const run = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...process.argv.slice(2), ...files], {
    cwd: client,
    stdio: "inherit",
    env: { ...process.env, RX_GOLDEN_DIR: resolve(client, "../tests/golden") },
  });
  status = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(status);
