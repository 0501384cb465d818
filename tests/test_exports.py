"""The public API is exactly what ``reactive.__all__`` says."""

from __future__ import annotations

import reactive as rx

EXPECTED = {
    "Timer",
    "BrowserState",
    "render",
    "Blocks",
    "Row",
    "Column",
    "Tab",
    "Tabs",
    "TabItem",
    "TabbedInterface",
    "I18n",
    "api",
    "mcp",
    "Group",
    "Accordion",
    "EventData",
    "SelectData",
    "LikeData",
    "EditData",
    "Request",
    "on",
    "skip",
    "App",
    "AsyncClient",
    "Client",
    "Cancelled",
    "cancelled",
    "checkpoint",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_video",
    "Audio",
    "Video",
    "ChatInterface",
    "ChatMessage",
    "Chatbot",
    "CheckboxGroup",
    "ColorPicker",
    "CompatibilityWarning",
    "DataFrame",
    "Dataframe",
    "File",
    "Gallery",
    "HTML",
    "Info",
    "Interface",
    "Label",
    "Plot",
    "Progress",
    "Radio",
    "State",
    "Warning",
    "themes",
    "media",
    "update",
    "Button",
    "Checkbox",
    "Component",
    "DefinitionError",
    "Dropdown",
    "Error",
    "Image",
    "InvalidValue",
    "JSON",
    "Json",
    "Code",
    "DateTime",
    "DuplicateButton",
    "Sidebar",
    "TextArea",
    "Markdown",
    "MultimodalTextbox",
    "Number",
    "OutputError",
    "ReactiveError",
    "Slider",
    "Text",
    "Textbox",
    "HighlightedText",
    "BarPlot",
    "LinePlot",
    "ScatterPlot",
    "ClearButton",
    "DownloadButton",
    "Dataset",
    "Examples",
    "Model3D",
    "__version__",
}


def test_exported_names_are_locked() -> None:
    assert set(rx.__all__) == EXPECTED


def test_every_exported_name_exists() -> None:
    for name in rx.__all__:
        assert hasattr(rx, name), name


def test_errors_share_one_base() -> None:
    for error in (rx.DefinitionError, rx.InvalidValue, rx.OutputError, rx.Error):
        assert issubclass(error, rx.ReactiveError)
