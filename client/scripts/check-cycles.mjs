// Fails when the client's own modules import each other in a cycle (house rule: no cycles).
// Reads every .ts file under the given folder, follows relative imports (type-only ones too),
// and prints each cycle found as a chain of files.
//
//   node scripts/check-cycles.mjs src

import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "src");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

function resolveImport(from, spec) {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${relative(root, from)}: cannot resolve import "${spec}"`);
}

export function graph(paths) {
  const edges = new Map();
  for (const path of paths) {
    const text = readFileSync(path, "utf8");
    const deps = new Set();
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(path, m[1] ?? m[2] ?? m[3]);
      if (target !== null) deps.add(target);
    }
    edges.set(path, [...deps]);
  }
  return edges;
}

export function cycles(edges) {
  const found = [];
  const state = new Map(); // undefined: new, 1: on the stack, 2: done
  const stack = [];
  const visit = (node) => {
    state.set(node, 1);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 1) found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 2);
  };
  for (const node of edges.keys()) if (state.get(node) === undefined) visit(node);
  return found;
}

const edges = graph(files(root));
const found = cycles(edges);
if (found.length > 0) {
  console.error(`import cycles in ${relative(process.cwd(), root) || "."}:`);
  for (const cycle of found) console.error("  " + cycle.map((p) => relative(root, p)).join(" -> "));
  process.exit(1);
}
console.log(`no import cycles among ${edges.size} modules`);
