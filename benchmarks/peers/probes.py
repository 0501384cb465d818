"""The JavaScript that drives a peer's page; it times with the same helpers as ours.

A peer's DOM is not reactive's, so an element is named by a *spec*: ``{sel, value, enter}``,
a CSS selector looked up afresh each time (frameworks replace nodes), read through ``.value``
(form fields, which Svelte and Vue set as a property: no DOM mutation) or ``textContent``.
``PEER_INSTALL`` (after ``page_probes.INSTALL``, whose ``afterPaint`` and ``onPaint`` it uses)
defines ``window.__peer``: ``until(test)`` resolves when ``test()`` first holds after a DOM
mutation anywhere in the document or a set of an input's or textarea's ``value``.
"""

PEER_INSTALL = """() => {
  if (window.__peer) return;
  const checks = new Set();
  const notify = () => { for (const check of [...checks]) check(); };
  const setters = new Map();
  for (const proto of [HTMLInputElement.prototype, HTMLTextAreaElement.prototype]) {
    const own = Object.getOwnPropertyDescriptor(proto, "value");
    setters.set(proto, own.set);
    Object.defineProperty(proto, "value", {
      configurable: true,
      get() { return own.get.call(this); },
      set(v) { own.set.call(this, v); if (checks.size) notify(); },
    });
  }
  new MutationObserver(notify).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true,
  });
  const P = {
    el: (spec) => document.querySelector(spec.sel),
    read(spec) {
      const el = P.el(spec);
      if (!el) return null;
      return (spec.value ? el.value : el.textContent).trim();
    },
    until(test, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!test()) return;
          const t = performance.now();
          checks.delete(check);
          clearTimeout(timer);
          resolve(t);
        };
        const timer = setTimeout(() => {
          checks.delete(check);
          reject(new Error(`no matching change in ${timeoutMs} ms`));
        }, timeoutMs);
        checks.add(check);
      });
    },
    watch(fn) { checks.add(fn); return () => checks.delete(fn); },
    // The native setter, so that React's and Vue's own value tracking see a change.
    type(spec, text) {
      const el = P.el(spec);
      setters.get(Object.getPrototypeOf(el)).call(el, text);
      const t = performance.now();
      el.dispatchEvent(new Event("input", { bubbles: true }));
      if (spec.enter) {
        const key = { key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true };
        el.dispatchEvent(new KeyboardEvent("keydown", key));
        el.dispatchEvent(new KeyboardEvent("keypress", key));
        el.dispatchEvent(new KeyboardEvent("keyup", key));
      }
      return t;
    },
  };
  window.__peer = P;
}"""

# Workload 1, as page_probes.KEYSTROKES: one keystroke at a time, the next after the paint.
KEYSTROKES = """async ({ input, output, count, gapMs, timeoutMs }) => {
  const B = window.__bench, P = window.__peer;
  const painted = [];
  let text = P.read(input) ?? "";
  B.startFrames();
  try {
    for (let i = 0; i < count; i++) {
      if (text.length >= 24) text = "";
      text += "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)];
      const expected = text.toUpperCase();
      const changed = P.until(() => P.read(output) === expected, timeoutMs);
      const t0 = P.type(input, text);
      await changed;
      painted.push((await B.afterPaint()) - t0);
      await B.sleep(gapMs[0] + Math.random() * (gapMs[1] - gapMs[0]));
    }
  } finally {
    B.stopFrames();
  }
  return painted;
}"""

# Workload 2, as page_probes.TYPING: 20 keys 30 ms apart, last key → final output painted.
TYPING = """async ({ input, output, keys, intervalMs, timeoutMs }) => {
  const B = window.__bench, P = window.__peer;
  let word = "";
  while (word.length < keys) word += Math.random().toString(36).slice(2).replace(/[0-9]/g, "");
  word = word.slice(0, keys);
  const expected = word.toUpperCase();
  const shown = [];
  const unwatch = P.watch(() => {
    const text = P.read(output);
    if (text && shown[shown.length - 1] !== text) shown.push(text);
  });
  const final = P.until(() => P.read(output) === expected, timeoutMs);
  B.startFrames();
  try {
    const start = performance.now();
    let last = 0;
    for (let i = 0; i < keys; i++) {
      await B.sleepUntil(start + i * intervalMs);
      last = P.type(input, word.slice(0, i + 1));
    }
    await final;
    const painted = await B.afterPaint();
    return { painted: painted - last, stale: shown.filter((s) => s !== expected).length };
  } finally {
    B.stopFrames();
    unwatch();
  }
}"""

# Workload 3: a click streams "run-N " and 2000 tokens; the run's text differs from the last.
STREAM = """async ({ button, output, tokens, timeoutMs }) => {
  const B = window.__bench, P = window.__peer;
  const before = P.read(output) ?? "";
  const fresh = () => { const t = P.read(output); return t && t !== before ? t : null; };
  let firstPainted = null;
  const first = P.until(() => fresh() !== null, timeoutMs).then(() => B.afterPaint());
  first.then((t) => { firstPainted = t; }, () => {});
  const done = P.until(() => (fresh() ?? "").endsWith(tokens.slice(-8)), timeoutMs);
  B.startFrames();
  try {
    const t0 = performance.now();
    P.el(button).click();
    await done;
    const painted = await B.afterPaint();
    await first;
    const text = P.read(output);
    return {
      firstPainted: firstPainted - t0, painted: painted - t0, length: text.length,
      ok: text.replace(/^run-[0-9]+ /, "") === tokens,
    };
  } finally {
    B.stopFrames();
  }
}"""

# Workload 4: a click streams 31 images into one image output (the first <img> under `image`).
# An image is painted when a rendering happens while it is the current, loaded picture; the run
# ends once the src has not changed for quietMs and the last one was painted.
IMAGES = """async ({ button, image, quietMs, timeoutMs }) => {
  const B = window.__bench, P = window.__peer;
  const img = () => document.querySelector(`${image} img`);
  const srcOf = () => { const el = img(); return el ? el.currentSrc || el.src : ""; };
  const before = srcOf();
  let seen = before, sets = 0, lastSet = null;
  const unwatch = P.watch(() => {
    const src = srcOf();
    if (src && src !== seen) { seen = src; sets += 1; lastSet = performance.now(); }
  });
  const paintedAt = new Map();
  const offPaint = B.onPaint(() => {
    const el = img();
    const src = el ? el.currentSrc || el.src : "";
    // The run's last image may be the one shown before it (the images are the same each run).
    if (!src || sets === 0 || !el.complete || el.naturalWidth === 0) return null;
    if (paintedAt.has(src)) return null;
    paintedAt.set(src, null);
    return (t) => paintedAt.set(src, t);
  });
  B.startFrames();
  const t0 = performance.now();
  try {
    P.el({ sel: button }).click();
    for (;;) {
      await B.sleep(20);
      const now = performance.now();
      if (now - t0 > timeoutMs) throw new Error(`images not settled in ${timeoutMs} ms`);
      if (lastSet !== null && now - lastSet >= quietMs && paintedAt.get(seen)) break;
    }
  } finally {
    B.stopFrames();
    offPaint();
    unwatch();
  }
  const lastPainted = paintedAt.get(seen) - t0;
  return { sets, painted: paintedAt.size, lastSet: lastSet - t0, lastPainted };
}"""
