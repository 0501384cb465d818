"""How each peer is served and where its workloads live in its page.

A spec names an element as ``{"sel": CSS, "value": read .value, "enter": press Enter after}``.
A workload a peer cannot do idiomatically is listed in ``missing`` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

APPS = Path(__file__).parent / "apps"
Spec = dict[str, str | bool]


def _text(sel: str) -> Spec:
    return {"sel": sel, "value": False}


def _field(sel: str, enter: bool = False) -> Spec:
    return {"sel": sel, "value": True, "enter": enter}


@dataclass(frozen=True)
class PeerSpec:
    name: str
    #: The command after the venv's python, and the app's file; ``{port}`` is filled in.
    command: tuple[str, ...]
    ready: str  # a JS expression true once the page is connected and drawn
    key_in: Spec
    key_out: Spec
    typing_in: Spec | None
    typing_out: Spec | None
    stream_go: str
    stream_out: Spec
    images_go: str
    images_paced_go: str
    images_out: str  # the <img> is the first under this selector
    #: workload → why the peer cannot do it idiomatically
    missing: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)


GRADIO = PeerSpec(
    name="gradio",
    command=("gradio_app.py",),
    ready="!!document.querySelector('#images_paced_go')"
    " && !!document.querySelector('#key_in textarea, #key_in input')",
    key_in=_field("#key_in textarea, #key_in input"),
    key_out=_field("#key_out textarea, #key_out input"),
    typing_in=_field("#typing_in textarea, #typing_in input"),
    typing_out=_field("#typing_out textarea, #typing_out input"),
    stream_go="#stream_go",
    stream_out=_field("#stream_out textarea, #stream_out input"),
    images_go="#images_go",
    images_paced_go="#images_paced_go",
    images_out="#images_out",
    missing={"audio": "not in this run (gr.Audio(streaming=True) would do it)"},
    env={"GRADIO_ANALYTICS_ENABLED": "False"},
)

SHINY = PeerSpec(
    name="shiny",
    command=("-m", "shiny", "run", "--host", "127.0.0.1", "--port", "{port}", "shiny_app.py"),
    ready="!!(window.Shiny && Shiny.shinyapp && Shiny.shinyapp.isConnected())"
    " && !!document.querySelector('#key_out.shiny-bound-output')",
    key_in=_field("#key_in"),
    key_out=_text("#key_out"),
    typing_in=_field("#typing_in"),
    typing_out=_text("#typing_out"),
    stream_go="#stream_go",
    stream_out=_text("#stream_out"),
    images_go="#images_go",
    images_paced_go="#images_paced_go",
    images_out="#images_out",
    missing={"audio": "n/a: no streaming audio output"},
)

STREAMLIT = PeerSpec(
    name="streamlit",
    command=(
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.port",
        "{port}",
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ),
    ready="!!document.querySelector('.st-key-images_paced_go button')",
    key_in=_field(".st-key-key_in input", enter=True),
    key_out=_text(".st-key-key_out"),
    typing_in=None,
    typing_out=None,
    stream_go=".st-key-stream_go button",
    stream_out=_text(".st-key-stream_out"),
    images_go=".st-key-images_go button",
    images_paced_go=".st-key-images_paced_go button",
    images_out=".st-key-images_out",
    missing={
        "typing": "n/a: st.text_input sends its value on Enter or blur, not while typing",
        "audio": "n/a: st.audio plays a whole file, no streaming",
    },
)

NICEGUI = PeerSpec(
    name="nicegui",
    command=("nicegui_app.py",),
    ready="!!document.querySelector('.images_paced_go')"
    " && !!(window.socket && window.socket.connected)",
    key_in=_field(".key_in input"),
    key_out=_text(".key_out"),
    typing_in=_field(".typing_in input"),
    typing_out=_text(".typing_out"),
    stream_go=".stream_go",
    stream_out=_text(".stream_out"),
    images_go=".images_go",
    images_paced_go=".images_paced_go",
    images_out=".images_out",
    missing={"audio": "n/a: ui.audio plays a source URL, no streaming"},
)

SPECS = {spec.name: spec for spec in (GRADIO, SHINY, STREAMLIT, NICEGUI)}
