import assert from "node:assert/strict";
import { test } from "node:test";
import { layoutChart, readChart } from "../src/components/chart";

const col = (name: string, type: string, values: (number | string | null)[]) => ({ name, type, values });

test("a line chart: one path per colour group, dots at the scaled points, a legend", () => {
  const chart = readChart({
    kind: "line", x: col("t", "quantitative", [0, 1, 2, 0, 1, 2]), y: col("v", "quantitative", [0, 5, 10, 10, 5, 0]),
    color: col("g", "nominal", ["a", "a", "a", "b", "b", "b"]), tooltip: ["t", "v"], color_map: { b: "#000000" },
  });
  assert.ok(chart);
  const layout = layoutChart(chart, 400, 300);
  const paths = layout.marks.filter((m) => m.shape === "path");
  assert.equal(paths.length, 2);
  assert.deepEqual(layout.legend.map(([g]) => g), ["a", "b"]);
  assert.equal(layout.legend[1]?.[1], "#000000");
  const dots = layout.marks.filter((m) => m.shape === "dot");
  assert.equal(dots.length, 6);
  // y grows upwards: the point at v=10 is above the one at v=0
  assert.ok((dots[2]?.y ?? 0) < (dots[0]?.y ?? 0));
  assert.ok((dots[2]?.x ?? 0) > (dots[0]?.x ?? 0));
});

test("bars of one x stack by colour and start at zero", () => {
  const chart = readChart({
    kind: "bar", x: col("k", "nominal", ["p", "p", "q"]), y: col("n", "quantitative", [2, 3, 4]),
    color: col("g", "nominal", ["a", "b", "a"]),
  });
  assert.ok(chart);
  const bars = layoutChart(chart, 400, 300).marks.filter((m) => m.shape === "rect");
  assert.equal(bars.length, 3);
  const [p1, p2, q] = bars;
  assert.ok(p1 && p2 && q);
  assert.equal(p1.x, p2.x);
  assert.ok(Math.abs(p2.y + p2.h - p1.y) < 1e-6, "the second bar sits on the first");
  assert.ok(Math.abs(p2.h / p1.h - 1.5) < 1e-6, "heights in proportion to 3 : 2");
  assert.ok(q.x > p1.x);
});

test("temporal x gets date ticks; a non-chart is refused", () => {
  const day = 86_400_000;
  const chart = readChart({ kind: "scatter", x: col("d", "temporal", [0, day * 10]), y: col("v", "quantitative", [1, 2]) });
  assert.ok(chart);
  const ticks = layoutChart(chart, 500, 300).xTicks;
  assert.ok(ticks.length >= 2);
  assert.ok(ticks.some((t) => /Jan/.test(t.text) || /\d/.test(t.text)));
  assert.equal(readChart({ kind: "pie", x: col("a", "nominal", []), y: col("b", "nominal", []) }), null);
});

test("a brush across a time axis gives Gradio's seconds; a click is no brush", async () => {
  const { brushRange } = await import("../src/components/brush");
  const day = 86_400_000;
  const chart = readChart({ kind: "line", x: col("d", "temporal", [0, day * 10]), y: col("v", "quantitative", [1, 2]) });
  assert.ok(chart);
  const layout = layoutChart(chart, 500, 300);
  const { left, right } = layout.plot;
  const range = brushRange(chart, layout, left, right) as { index: number[] };
  assert.deepEqual(range.index.map(Math.round), [0, 864_000]);
  assert.equal(brushRange(chart, layout, left + 10, left + 11), null);
});

test("binned bars span their step on a linear axis; limits with an open end", () => {
  const chart = readChart({
    kind: "bar", x: col("w", "quantitative", [0, 10, 20]), y: col("n", "quantitative", [1, 2, 3]),
    x_step: 10, x_lim: [10, null],
  });
  assert.ok(chart);
  const layout = layoutChart(chart, 400, 300);
  const bars = layout.marks.filter((m) => m.shape === "rect");
  const [, b, c] = bars;
  assert.ok(b && c);
  assert.ok(Math.abs(b.x - layout.plot.left) < 1e-6, "x_lim starts the axis at 10");
  assert.ok(Math.abs(c.x - b.x - b.w / 0.9) < 1e-6, "a bar is 90 % of its bin");
  assert.ok(Math.abs((layout.xAt(layout.plot.right) as number) - 30) < 1e-6, "the open end: the last bin's end");
});
