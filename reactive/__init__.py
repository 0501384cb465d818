"""reactive: decorated Python functions become live browser apps.

Example::

    import reactive as rx

    app = rx.App(title="Shout")

    @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), live=True)
    def shout(text: str) -> str:
        return text.upper()

Serve it with ``reactive run app.py``.
"""

from typing import TYPE_CHECKING, Any

from reactive import media, themes
from reactive.components import (
    HTML,
    JSON,
    AnnotatedImage,
    Audio,
    BarPlot,
    BrowserState,
    Brush,
    Button,
    Chatbot,
    ChatMessage,
    Checkbox,
    CheckboxGroup,
    ClearButton,
    Code,
    ColorPicker,
    Component,
    DataFrame,
    Dataframe,
    Dataset,
    DateTime,
    DeepLinkButton,
    Dialogue,
    DownloadButton,
    Dropdown,
    DuplicateButton,
    Eraser,
    Examples,
    File,
    FileExplorer,
    Gallery,
    HighlightedText,
    Image,
    ImageEditor,
    ImageMask,
    ImageSlider,
    Label,
    LayerOptions,
    LinePlot,
    LoginButton,
    Markdown,
    Model3D,
    MultimodalTextbox,
    Navbar,
    Number,
    Paint,
    ParamViewer,
    Plot,
    Radio,
    ScatterPlot,
    Sketchpad,
    Slider,
    State,
    Text,
    TextArea,
    Textbox,
    UploadButton,
    Video,
    WaveformOptions,
    WebcamOptions,
)
from reactive.definition.app import App
from reactive.definition.event_data import (
    CopyData,
    DeletedFileData,
    EditData,
    EventData,
    KeyUpData,
    LikeData,
    OAuthProfile,
    OAuthToken,
    Request,
    RetryData,
    SelectData,
    UndoData,
)
from reactive.definition.i18n import I18n
from reactive.definition.update import skip, update
from reactive.errors import (
    Cancelled,
    CompatibilityWarning,
    DefinitionError,
    InvalidValue,
    OutputError,
    ReactiveError,
)
from reactive.errors import UserError as Error
from reactive.gradio import mcp
from reactive.gradio.api_function import api
from reactive.gradio.blocks import Blocks
from reactive.gradio.caching import Cache, cache
from reactive.gradio.chat_interface import ChatInterface
from reactive.gradio.csv_logger import CSVLogger
from reactive.gradio.events import on
from reactive.gradio.gradio_app import NO_RELOAD
from reactive.gradio.interface import Interface, media_class
from reactive.gradio.layouts import (
    Accordion,
    Column,
    Draggable,
    Group,
    Row,
    Sidebar,
    Step,
    Tab,
    TabItem,
    Tabs,
    Walkthrough,
)
from reactive.gradio.missing import missing_feature
from reactive.gradio.mount import mount_gradio_app
from reactive.gradio.render import render
from reactive.gradio.tabbed_interface import TabbedInterface
from reactive.gradio.timer import Timer
from reactive.gradio.validation import validate
from reactive.media.paths import set_static_paths
from reactive.media.samples import get_audio, get_file, get_image, get_model3d, get_video
from reactive.messages import Info, Warning

if TYPE_CHECKING:  # loaded on first use (see __getattr__): an app never needs the client
    from reactive.client import AsyncClient, Client
from reactive.progress import Progress
from reactive.scheduler.cancel import cancelled, checkpoint

Json = JSON  # Gradio's other spelling

__version__ = "0.1.0"

__all__ = [
    "HTML",
    "JSON",
    "NO_RELOAD",
    "Accordion",
    "AnnotatedImage",
    "App",
    "AsyncClient",
    "Audio",
    "BarPlot",
    "Blocks",
    "BrowserState",
    "Brush",
    "Button",
    "CSVLogger",
    "Cache",
    "Cancelled",
    "ChatInterface",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "ClearButton",
    "Client",
    "Code",
    "ColorPicker",
    "Column",
    "CompatibilityWarning",
    "Component",
    "CopyData",
    "DataFrame",
    "Dataframe",
    "Dataset",
    "DateTime",
    "DeepLinkButton",
    "DefinitionError",
    "DeletedFileData",
    "Dialogue",
    "DownloadButton",
    "Draggable",
    "Dropdown",
    "DuplicateButton",
    "EditData",
    "Eraser",
    "Error",
    "EventData",
    "Examples",
    "File",
    "FileExplorer",
    "Gallery",
    "Group",
    "HighlightedText",
    "I18n",
    "Image",
    "ImageEditor",
    "ImageMask",
    "ImageSlider",
    "Info",
    "Interface",
    "InvalidValue",
    "Json",
    "KeyUpData",
    "Label",
    "LayerOptions",
    "LikeData",
    "LinePlot",
    "LoginButton",
    "Markdown",
    "Model3D",
    "MultimodalTextbox",
    "Navbar",
    "Number",
    "OAuthProfile",
    "OAuthToken",
    "OutputError",
    "Paint",
    "ParamViewer",
    "Plot",
    "Progress",
    "Radio",
    "ReactiveError",
    "Request",
    "RetryData",
    "Row",
    "ScatterPlot",
    "SelectData",
    "Sidebar",
    "Sketchpad",
    "Slider",
    "State",
    "Step",
    "Tab",
    "TabItem",
    "TabbedInterface",
    "Tabs",
    "Text",
    "TextArea",
    "Textbox",
    "Timer",
    "UndoData",
    "UploadButton",
    "Video",
    "Walkthrough",
    "Warning",
    "WaveformOptions",
    "WebcamOptions",
    "__version__",
    "api",
    "cache",
    "cancelled",
    "checkpoint",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_video",
    "mcp",
    "media",
    "mount_gradio_app",
    "on",
    "render",
    "set_static_paths",
    "skip",
    "themes",
    "update",
    "validate",
]


def __getattr__(name: str) -> Any:
    """``rx.Audio`` / ``rx.Video`` once the media components exist, else a clear error;
    ``rx.Client`` / ``rx.AsyncClient`` loaded on first use (an app never needs them)."""
    if name in ("Client", "AsyncClient"):
        from reactive import client

        return getattr(client, name)
    if name in ("Audio", "Video"):
        try:
            return media_class(name)
        except DefinitionError as exc:
            raise AttributeError(str(exc)) from None
    raise AttributeError(missing_feature(name))
