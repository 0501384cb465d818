"""reactive: decorated Python functions become live browser apps.

Example::

    import reactive as rx

    app = rx.App(title="Shout")

    @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), live=True)
    def shout(text: str) -> str:
        return text.upper()

Serve it with ``reactive run app.py``.
"""

from typing import Any

from reactive import media, themes
from reactive.components import (
    HTML,
    JSON,
    Audio,
    BarPlot,
    Button,
    Chatbot,
    Checkbox,
    CheckboxGroup,
    ClearButton,
    ColorPicker,
    Component,
    DataFrame,
    Dataframe,
    Dataset,
    DownloadButton,
    Dropdown,
    Examples,
    File,
    Gallery,
    HighlightedText,
    Image,
    Label,
    LinePlot,
    Markdown,
    Model3D,
    Number,
    Plot,
    Radio,
    ScatterPlot,
    Slider,
    State,
    Text,
    Textbox,
    Video,
)
from reactive.definition.app import App
from reactive.definition.update import update
from reactive.errors import (
    Cancelled,
    CompatibilityWarning,
    DefinitionError,
    InvalidValue,
    OutputError,
    ReactiveError,
)
from reactive.errors import UserError as Error
from reactive.gradio.chat_interface import ChatInterface
from reactive.gradio.interface import Interface, media_class
from reactive.messages import Info, Warning
from reactive.progress import Progress
from reactive.scheduler.cancel import cancelled, checkpoint

__version__ = "0.1.0"

__all__ = [
    "HTML",
    "JSON",
    "App",
    "Audio",
    "BarPlot",
    "Button",
    "Cancelled",
    "ChatInterface",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "ClearButton",
    "ColorPicker",
    "CompatibilityWarning",
    "Component",
    "DataFrame",
    "Dataframe",
    "Dataset",
    "DefinitionError",
    "DownloadButton",
    "Dropdown",
    "Error",
    "Examples",
    "File",
    "Gallery",
    "HighlightedText",
    "Image",
    "Info",
    "Interface",
    "InvalidValue",
    "Label",
    "LinePlot",
    "Markdown",
    "Model3D",
    "Number",
    "OutputError",
    "Plot",
    "Progress",
    "Radio",
    "ReactiveError",
    "ScatterPlot",
    "Slider",
    "State",
    "Text",
    "Textbox",
    "Video",
    "Warning",
    "__version__",
    "cancelled",
    "checkpoint",
    "media",
    "themes",
    "update",
]


def __getattr__(name: str) -> Any:
    """``rx.Audio`` / ``rx.Video`` once the media components exist, else a clear error."""
    if name in ("Audio", "Video"):
        try:
            return media_class(name)
        except DefinitionError as exc:
            raise AttributeError(str(exc)) from None
    raise AttributeError(f"module 'reactive' has no attribute {name!r}")
