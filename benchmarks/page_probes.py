"""The JavaScript run inside the page: every figure is timed there, with performance.now().

``INSTALL`` defines ``window.__bench``, which the workload probes use:

- ``until(node, test)``: a MutationObserver on ``node``; resolves with the time of the first
  mutation after which ``test()`` holds ("the output changed in the DOM").
- ``afterPaint()``: resolves with the time the first rendering that includes the page as it is
  now has been done ("painted"). While a probe runs, a rAF loop marks each frame: its callback
  (the frame's first) starts frame N and posts a message, which the page handles once frame N is
  rendered; a ResizeObserver on a marker resized every frame ends frame N's rAF phase (it runs
  after all rAF callbacks and layout, just before paint). A change made during frame N's rAF
  phase (reactive applies its batches in a rAF callback) is painted in frame N; any other change
  (the floor writes in its socket handler) in frame N + 1. So neither page is a frame early or
  late.
- ``onPaint(sample)``: calls ``sample()`` with the page as frame N paints it and then the
  function it returns with the time frame N was rendered, for every frame while a probe runs.
"""

INSTALL = """() => {
  if (window.__bench) return;
  const channel = new MessageChannel();
  const marker = document.createElement("div");
  marker.style.cssText = "position:absolute;left:-10px;top:0;width:1px;height:1px";
  document.body.append(marker);
  let users = 0, scheduled = false, frame = 0, inFrame = false;
  let waiters = [], samplers = [], sampled = new Map();
  new ResizeObserver(() => {
    if (!inFrame) return;
    inFrame = false;
    sampled.set(frame, samplers.map((sample) => sample()).filter((done) => done));
  }).observe(marker);
  channel.port1.onmessage = (e) => {
    const rendered = e.data, t = performance.now();
    for (const done of sampled.get(rendered) ?? []) done(t);
    sampled.delete(rendered);
    const later = [];
    for (const w of waiters) if (w.frame <= rendered) w.resolve(t); else later.push(w);
    waiters = later;
  };
  const tick = () => {
    scheduled = false;
    if (users === 0) return;
    frame += 1;
    inFrame = true;
    marker.style.width = frame % 2 ? "2px" : "1px";
    channel.port2.postMessage(frame);
    scheduled = true;
    requestAnimationFrame(tick);
  };
  // The size of every blob shown through an object URL: the page's CSP (connect-src 'self')
  // forbids fetching a blob: URL back.
  const blobSizes = new Map(), createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const url = createObjectURL.call(URL, blob);
    blobSizes.set(url, blob.size);
    return url;
  };
  const B = {
    blobSizes,
    startFrames() {
      users += 1;
      if (!scheduled) { scheduled = true; requestAnimationFrame(tick); }
    },
    stopFrames() { users = Math.max(0, users - 1); },
    afterPaint: () => new Promise((resolve) => {
      waiters.push({ frame: inFrame ? frame : frame + 1, resolve });
    }),
    onPaint(sample) {
      samplers.push(sample);
      return () => { samplers = samplers.filter((s) => s !== sample); };
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    sleepUntil: (t) => B.sleep(Math.max(0, t - performance.now())),
    value: (id) => document.querySelector(`#${id} .rx-value`),
    textLength(el) {
      const only = el.childNodes.length === 1 ? el.firstChild : null;
      const direct = only !== null && only.nodeType === Node.TEXT_NODE;
      return direct ? only.length : el.textContent.length;
    },
    until(node, test, timeoutMs) {
      return new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (!test()) return;
          const t = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          resolve(t);
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no matching change in ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe(node, { subtree: true, childList: true, characterData: true });
      });
    },
    type(field, text) {
      field.value = text;
      const t = performance.now();
      field.dispatchEvent(new Event("input", { bubbles: true }));
      return t;
    },
  };
  window.__bench = B;
}"""

# Workload 1: one keystroke at a time; the next after the output is painted and a random gap.
KEYSTROKES = """async ({ input, output, count, gapMs, timeoutMs }) => {
  const B = window.__bench, field = B.value(input), out = B.value(output);
  const dom = [], painted = [];
  let text = field.value;
  B.startFrames();
  try {
    for (let i = 0; i < count; i++) {
      if (text.length >= 24) text = "";
      text += "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)];
      const expected = text.toUpperCase();
      const changed = B.until(out, () => out.textContent === expected, timeoutMs);
      const t0 = B.type(field, text);
      dom.push((await changed) - t0);
      painted.push((await B.afterPaint()) - t0);
      await B.sleep(gapMs[0] + Math.random() * (gapMs[1] - gapMs[0]));
    }
  } finally {
    B.stopFrames();
  }
  return { dom, painted };
}"""

# Workload 2: keystrokes at fixed intervals into a slow function; the final output is timed from
# the last keystroke. Every distinct text the output shows meanwhile is kept (stale results).
TYPING = """async ({ input, output, keys, intervalMs, timeoutMs }) => {
  const B = window.__bench, field = B.value(input), out = B.value(output);
  let word = "";
  while (word.length < keys) word += Math.random().toString(36).slice(2).replace(/[0-9]/g, "");
  word = word.slice(0, keys);
  const expected = word.toUpperCase();
  const shown = [];
  const watcher = new MutationObserver(() => {
    const text = out.textContent;
    if (shown[shown.length - 1] !== text) shown.push(text);
  });
  watcher.observe(out, { subtree: true, childList: true, characterData: true });
  const final = B.until(out, () => out.textContent === expected, timeoutMs);
  B.startFrames();
  try {
    const start = performance.now();
    let last = 0;
    for (let i = 0; i < keys; i++) {
      await B.sleepUntil(start + i * intervalMs);
      last = B.type(field, word.slice(0, i + 1));
    }
    const changed = await final;
    const painted = await B.afterPaint();
    return { final: changed - last, painted: painted - last, shown };
  } finally {
    B.stopFrames();
    watcher.disconnect();
  }
}"""

# Workload 3: a click starts a stream of growing text; first text and complete text are timed.
STREAM = """async ({ tagInput, button, output, tag, expected, timeoutMs }) => {
  const B = window.__bench, out = B.value(output), go = B.value(button);
  B.type(B.value(tagInput), tag);
  await B.sleep(20);
  let first = null, firstPainted = null, mutations = 0;
  const watcher = new MutationObserver(() => {
    mutations += 1;
    if (first !== null || B.textLength(out) === 0) return;
    first = performance.now();
    B.afterPaint().then((t) => { firstPainted = t; });
  });
  watcher.observe(out, { subtree: true, childList: true, characterData: true });
  const done = B.until(out, () => B.textLength(out) === expected.length, timeoutMs);
  B.startFrames();
  try {
    const t0 = performance.now();
    go.click();
    const final = await done;
    const painted = await B.afterPaint();
    return {
      first: first - t0, firstPainted: firstPainted - t0, final: final - t0,
      painted: painted - t0, mutations, ok: out.textContent === expected,
    };
  } finally {
    B.stopFrames();
    watcher.disconnect();
  }
}"""

# Workload 4: a click starts a stream of images into one <img>. Every src change counts as shown;
# an image counts as painted when a rendering happens while it is the img's current, fully
# loaded picture. The run ends once the src has not changed for quietMs.
IMAGES = """async ({ button, image, quietMs, timeoutMs }) => {
  const B = window.__bench, img = B.value(image), go = B.value(button);
  const before = img.currentSrc;
  let sets = 0, lastSet = null, loads = 0;
  const paintedAt = new Map();
  const watcher = new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName === "src") { sets += 1; lastSet = performance.now(); }
    }
  });
  watcher.observe(img, { attributes: true, attributeFilter: ["src"] });
  const onLoad = () => { loads += 1; };
  img.addEventListener("load", onLoad);
  const offPaint = B.onPaint(() => {
    const src = img.currentSrc;
    if (!src || src === before || !img.complete || paintedAt.has(src)) return null;
    paintedAt.set(src, null);
    return (t) => paintedAt.set(src, t);
  });
  B.startFrames();
  const t0 = performance.now();
  try {
    go.click();
    for (;;) {
      await B.sleep(20);
      const now = performance.now();
      if (now - t0 > timeoutMs) throw new Error(`images not settled in ${timeoutMs} ms`);
      if (lastSet !== null && now - lastSet >= quietMs && paintedAt.get(img.src)) break;
    }
  } finally {
    B.stopFrames();
    offPaint();
    watcher.disconnect();
    img.removeEventListener("load", onLoad);
  }
  const finalBytes = B.blobSizes.get(img.src) ?? (await (await fetch(img.src)).blob()).size;
  return {
    sets, loads, painted: paintedAt.size, lastSet: lastSet - t0,
    lastPainted: paintedAt.get(img.src) - t0, finalBytes,
  };
}"""
