import assert from "node:assert/strict";
import { test } from "node:test";
import { compileTemplate } from "../src/components/htmlFill";
import { markAuthorIds, newMarker } from "../src/components/templateIds";

test("an HTML template: nested template literals, {{name}} and {{#each}}", () => {
  const stars = compileTemplate("<h2>${label}</h2>${Array.from({length: 3}, (_, i) => `<i class='${i < value ? 'on' : 'off'}'></i>`).join('')}");
  assert.equal(stars({ label: "Food", value: 2 }), "<h2>Food</h2><i class='on'></i><i class='on'></i><i class='off'></i>");
  const list = compileTemplate("Hi {{value}}! `q` <ul>{{#each value}}<li>{{this}}</li>{{/each}}</ul>");
  assert.equal(list({ value: ["a", "b"] }), "Hi a,b! `q` <ul><li>a</li><li>b</li></ul>");
  assert.match(compileTemplate("${")({}), /template error/);
});

test("a template's own literal ids and names are marked; ids from expressions and text are not", () => {
  const marked = markAuthorIds(
    `<p>id="text"</p><div id='tree'></div><button class="b" id="load" name=go>x</button><li id="row-\${value}">\${value}</li>`,
    "rxM-",
  );
  assert.equal(
    marked,
    `<p>id="text"</p><div id='rxM-tree'></div><button class="b" id="rxM-load" name=rxM-go>x</button><li id="row-\${value}">\${value}</li>`,
  );
  // a value's own id stays as the value wrote it: the marker goes on the template, not the fill
  const filled = compileTemplate(markAuthorIds(`<b id="own">\${value}</b>`, "rxM-"))({ value: `<i id="own">` });
  assert.equal(filled, `<b id="rxM-own"><i id="own"></b>`);
  assert.match(newMarker(), /^rx[0-9a-f]{16}-$/);
  assert.notEqual(newMarker(), newMarker());
});
