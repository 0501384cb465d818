"""Measure how many of Gradio's own demo apps load on reactive with one import changed.

Usage::

    git -C /path/to/gradio ls-tree ...   # or any checkout of Gradio's repository
    python scripts/gradio_compat.py /tmp/gradio-demos/demo [--browser 20] [--json out.json]

Each ``<demo>/run.py`` is copied to a temporary folder (with the demo's other files) with
``import gradio as gr`` replaced by ``import reactive as gr`` (in run.py and the demo's other
modules) and loaded in its own process with ``reactive.cli.load_app`` (``demo.launch()`` does
nothing there, as under ``reactive run``).
Demos that need the network, model weights or API keys (they import ``transformers``, ``openai``,
``requests``, ... or call ``gr.load``) are skipped, as are those needing a package that is not
installed. ``--browser N`` also serves the first N that load and opens each in Chromium, checking
that the page draws with no page error, then clicks its first button with the inputs as the page
starts (a smoke interaction, not each demo's own) and reports any page error, server-side
exception or error shown. Nothing is copied into this repository.
"""

from __future__ import annotations

import argparse
import ast
import collections
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

#: Imports that mean a model, the network or an API key.
NEEDS_NETWORK = {
    "transformers", "torch", "torchaudio", "torchvision", "tensorflow", "keras", "diffusers",
    "openai", "anthropic", "requests", "httpx", "aiohttp", "urllib", "huggingface_hub",
    "gradio_client", "langchain", "langchain_openai", "datasets", "spacy", "nltk", "boto3",
    "sentence_transformers", "whisper", "timm", "onnxruntime", "replicate", "google",
    "smolagents", "llama_index", "fastrtc", "websockets", "socket", "sqlalchemy", "wandb",
}  # fmt: skip
NETWORK_CALLS = re.compile(r"\bgr\.load\(|\.from_pipeline\(|hf_token|HF_TOKEN|api_key")
IMPORT_LINE = re.compile(r"^(\s*)import gradio as gr\s*$", re.M)
FROM_LINE = re.compile(r"^(\s*)from gradio(\.| )", re.M)  # from gradio import ChatMessage
#: Failures on what a branch under way adds (components, the sample-media helpers): counted apart.
UNDER_WAY = re.compile(
    r"'(HighlightedText|LinePlot|BarPlot|ScatterPlot|ClearButton|DownloadButton|Model3D|Examples"
    r"|Dataset|get_image|get_audio|get_video|get_model3d|get_file|MEDIA_ROOT|MEDIA_PATHS)'"
    r"|Gallery is display-only|row_count|col_count"
)
CHROMIUM = os.environ.get("REACTIVE_CHROMIUM", "/usr/bin/chromium")

_WORKER = r"""
import json, sys, warnings, traceback
warnings.simplefilter("always")
result = {"status": "load", "warnings": []}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        from reactive.cli import load_app
        app = load_app(sys.argv[1])
    except BaseException as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        result = {"status": "fail", "error": f"{type(exc).__name__}: {first}"}
    result["warnings"] = sorted({str(w.message).splitlines()[0][:160] for w in caught
                                 if w.category.__name__ == "CompatibilityWarning"})
if result["status"] == "load" and sys.argv[2] == "1":
    import logging
    from playwright.sync_api import sync_playwright
    from reactive.cli import background_server

    class Errors(logging.Handler):  # a function's exception, logged by the session
        def __init__(self):
            super().__init__(logging.ERROR)
            self.seen = []
        def emit(self, record):
            exc = record.exc_info[1] if record.exc_info else None
            what = f"{type(exc).__name__}: {exc}" if exc else record.getMessage()
            self.seen.append(what.splitlines()[0][:200])

    logged = Errors()
    logging.getLogger("reactive").addHandler(logged)
    errors = []
    try:
        with background_server(app) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=sys.argv[3], headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url)
            page.wait_for_selector("html[data-rx-state=ready]", timeout=15000)
            drawn = page.locator("#app *").count() or page.locator("body *").count()
            result["browser"] = "draws" if drawn and not errors else f"page error: {errors[:1]}"
            if result["browser"] == "draws":
                result["click"] = _click_first_button(page, errors, logged.seen)
            browser.close()
    except Exception as exc:
        first = str(exc).splitlines()[0][:160]
        result["browser"] = f"browser failed: {type(exc).__name__}: {first}"
print("RESULT " + json.dumps(result))
"""

_WORKER_HELPERS = r"""
def _click_first_button(page, errors, logged):
    # The smoke interaction: click the first visible button (Submit, Run, ...) with the inputs as
    # the page starts, wait until no component is queued or running, and report what went wrong.
    button = page.locator("button.rx-btn:visible").first
    if button.count() == 0:
        return "no button"
    button.click(timeout=5000)
    try:
        page.wait_for_function(
            "() => !document.querySelector('[data-status=running], [data-status=queued]')",
            timeout=20000,
        )
    except Exception:
        return "still running after 20 s"
    shown = page.locator("[data-status=error] .rx-error").all_inner_texts()
    if errors:
        return f"page error: {errors[0][:160]}"
    if logged:
        return f"server error: {logged[0]}"
    if shown:
        return f"error shown: {shown[0][:160]}"
    return "ok"
"""


def imports_of(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def skip_reason(folder: Path, source: str) -> str | None:
    """Why a demo is left out (network, a model, an API key, a package not installed)."""
    if "import gradio as gr" not in source:
        return "does not `import gradio as gr`"
    requirements = (
        (folder / "requirements.txt").read_text() if (folder / "requirements.txt").exists() else ""
    )
    needed = imports_of(source) | {
        re.split(r"[<>=\[ ;]", line.strip())[0].replace("-", "_")
        for line in requirements.splitlines()
        if line.strip()
    }
    network = sorted(needed & NEEDS_NETWORK)
    if network:
        return f"needs {', '.join(network)}"
    if NETWORK_CALLS.search(source):
        return "loads from the Hub or needs a key"
    local = {p.stem for p in folder.iterdir()}
    for name in sorted(imports_of(source) - {"gradio", "__future__"} - local):
        if importlib.util.find_spec(name) is None:
            return f"needs {name} (not installed)"
    return None


def one_import_changed(source: str) -> str:
    """``source`` with ``import gradio as gr`` (and ``from gradio...``) naming reactive."""
    return FROM_LINE.sub(r"\1from reactive\2", IMPORT_LINE.sub(r"\1import reactive as gr", source))


def measure(demo: Path, browser: bool, timeout: float) -> dict[str, object]:
    source = (demo / "run.py").read_text(encoding="utf-8", errors="replace")
    reason = skip_reason(demo, source)
    if reason is not None:
        return {"demo": demo.name, "status": "skip", "reason": reason}
    kind = (
        "chat" if "ChatInterface" in source else "blocks" if "gr.Blocks" in source else "interface"
    )
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / demo.name
        shutil.copytree(demo, copy)
        for module in copy.glob("*.py"):  # run.py and the demo's own helper modules
            text = module.read_text(encoding="utf-8", errors="replace")
            module.write_text(one_import_changed(text))
        command = [
            sys.executable,
            "-c",
            _WORKER_HELPERS + _WORKER,
            str(copy / "run.py"),
            "1" if browser else "0",
            CHROMIUM,
        ]
        try:
            done = subprocess.run(
                command, cwd=copy, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            return {
                "demo": demo.name,
                "kind": kind,
                "status": "fail",
                "error": "timeout while loading",
            }
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {
            "demo": demo.name,
            "kind": kind,
            "status": "fail",
            "error": f"crashed: {tail[:160]}",
        }
    result = {"demo": demo.name, "kind": kind, **json.loads(line[len("RESULT ") :])}
    absent = re.match(r"ModuleNotFoundError: No module named '(\w+)", str(result.get("error", "")))
    if absent and absent.group(1) not in ("gradio", "reactive"):  # the environment, not reactive
        return {
            "demo": demo.name,
            "status": "skip",
            "reason": f"needs {absent.group(1)} (not installed)",
        }
    return result


def missing_name(error: str) -> str:
    """The Gradio feature an error names (an attribute, an import, a listener, gr.render, ...),
    else the error's first words."""
    for pattern in (
        r"has no attribute '([^']+)'",
        r"cannot import name '([^']+)'",
        r"No module named '([^']+)'",
        r"unexpected keyword argument '([^']+)'",
        r"^DefinitionError: (gr\.render|gr\.\w+\(\.\.\.\) inside)",
        r"^DefinitionError: (\w+\.\w+)\(\.\.\.\)",
        r"^DefinitionError: (.*? is display-only)",
        r"^DefinitionError: (.*? parameter\(s\))",
        r"^DefinitionError: (Two components use elem_id)",
        r"does not support ([\w=, ]+)",
    ):
        found = re.search(pattern, error)
        if found:
            return found.group(1)
    return error[:70]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "demos", type=Path, help="a folder of Gradio demo folders, each with run.py"
    )
    parser.add_argument(
        "--browser", type=int, default=0, help="open the first N that load in Chromium"
    )
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--timeout", type=float, default=120.0)  # a loaded machine is slow
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    demos = sorted(p for p in args.demos.iterdir() if (p / "run.py").is_file())
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda d: measure(d, False, args.timeout), demos))
    loaded = [r for r in results if r["status"] == "load"]
    with ThreadPoolExecutor(args.jobs) as pool:
        opened = loaded[: args.browser]
        checks = pool.map(
            lambda r: measure(args.demos / str(r["demo"]), True, args.timeout), opened
        )
        for result, check in zip(opened, checks, strict=True):
            result.update(check)
    report(results, args.browser)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


def report(results: list[dict[str, object]], browser: int) -> None:
    tried = [r for r in results if r["status"] != "skip"]
    failed = [r for r in tried if r["status"] == "fail"]
    print(
        f"demos: {len(results)}, skipped: {len(results) - len(tried)}, tried: {len(tried)}, "
        f"load: {len(tried) - len(failed)}, fail: {len(failed)}"
    )
    for kind in ("blocks", "interface", "chat"):
        group = [r for r in tried if r.get("kind") == kind]
        ok = sum(r["status"] == "load" for r in group)
        print(f"  {kind}: {ok} of {len(group)} load")
    if browser:
        checked = [r for r in tried if "browser" in r]
        draws = sum(r["browser"] == "draws" for r in checked)
        print(f"browser: {draws} of {len(checked)} draw with no page error")
        for r in checked:
            if r["browser"] != "draws":
                print(f"  {r['demo']}: {r['browser']}")
        clicked = [r for r in checked if r.get("click") not in (None, "no button")]
        ok = sum(r["click"] == "ok" for r in clicked)
        print(
            f"first button clicked with the starting inputs: {ok} of {len(clicked)} end with no "
            f"error ({sum(r.get('click') == 'no button' for r in checked)} have no button)"
        )
        for r in clicked:
            if r["click"] != "ok":
                print(f"  {r['demo']}: {r['click']}")
    under_way = [r for r in failed if UNDER_WAY.search(str(r["error"]))]
    print(f"of the failures, {len(under_way)} are on components or media helpers under way")
    counts = collections.Counter(missing_name(str(r["error"])) for r in failed)
    print("most common failures:")
    for name, count in counts.most_common(25):
        print(f"  {count:3d}  {name}")
    for r in failed:
        print(f"  {r['demo']}: {r['error']}")


if __name__ == "__main__":
    raise SystemExit(main())
