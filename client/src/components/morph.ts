// Patch an element's children to match new HTML in place: nodes at the same place with the
// same tag are kept (their attributes and text updated), so listeners a templated HTML's
// js_on_load added to them survive a redraw; the rest are replaced.

export function morphChildren(target: Element, html: string): void {
  const next = document.createElement("template");
  next.innerHTML = html;
  patch(target, next.content);
}

function patch(target: Element | DocumentFragment, source: Element | DocumentFragment): void {
  const want = [...source.childNodes];
  want.forEach((node, i) => {
    const have = target.childNodes[i];
    if (have === undefined) target.appendChild(node.cloneNode(true));
    else if (!same(have, node)) target.replaceChild(node.cloneNode(true), have);
    else if (have instanceof Element && node instanceof Element) {
      attributes(have, node);
      patch(have, node);
    } else if (have.nodeValue !== node.nodeValue) have.nodeValue = node.nodeValue;
  });
  while (target.childNodes.length > want.length) target.lastChild?.remove();
}

function same(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName;
}

function attributes(have: Element, want: Element): void {
  for (const { name } of [...have.attributes]) if (!want.hasAttribute(name)) have.removeAttribute(name);
  for (const { name, value } of [...want.attributes]) if (have.getAttribute(name) !== value) have.setAttribute(name, value);
}
