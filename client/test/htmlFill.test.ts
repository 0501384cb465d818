import assert from "node:assert/strict";
import { test } from "node:test";
import { compileTemplate } from "../src/components/htmlFill";

test("an HTML template: nested template literals, {{name}} and {{#each}}", () => {
  const stars = compileTemplate("<h2>${label}</h2>${Array.from({length: 3}, (_, i) => `<i class='${i < value ? 'on' : 'off'}'></i>`).join('')}");
  assert.equal(stars({ label: "Food", value: 2 }), "<h2>Food</h2><i class='on'></i><i class='on'></i><i class='off'></i>");
  const list = compileTemplate("Hi {{value}}! `q` <ul>{{#each value}}<li>{{this}}</li>{{/each}}</ul>");
  assert.equal(list({ value: ["a", "b"] }), "Hi a,b! `q` <ul><li>a</li><li>b</li></ul>");
  assert.match(compileTemplate("${")({}), /template error/);
});
