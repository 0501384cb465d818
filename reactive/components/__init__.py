"""The components a function can take as inputs, return to as outputs, or be triggered by."""

from reactive.components.base import Component
from reactive.components.browser_state import BrowserState
from reactive.components.button import Button
from reactive.components.buttons import ClearButton, DownloadButton, DuplicateButton
from reactive.components.chat_message import ChatMessage
from reactive.components.chatbot import Chatbot
from reactive.components.choice import Checkbox, CheckboxGroup, Dropdown, Radio
from reactive.components.data import JSON
from reactive.components.dataframe import DataFrame, Dataframe
from reactive.components.dataset import Dataset, Examples
from reactive.components.datetime import DateTime
from reactive.components.display import ColorPicker, Label
from reactive.components.file import File
from reactive.components.file_explorer import FileExplorer
from reactive.components.gallery import Gallery
from reactive.components.highlighted import HighlightedText
from reactive.components.image import Image
from reactive.components.media import Audio, Video
from reactive.components.model3d import Model3D
from reactive.components.multimodal import MultimodalTextbox
from reactive.components.native_plot import BarPlot, LinePlot, ScatterPlot
from reactive.components.navbar import Navbar
from reactive.components.number import Number, Slider
from reactive.components.plot import Plot
from reactive.components.state import State
from reactive.components.text import HTML, Markdown, Text, Textbox
from reactive.components.text_variants import Code, TextArea
from reactive.components.upload_button import UploadButton

__all__ = [
    "HTML",
    "JSON",
    "Audio",
    "BarPlot",
    "BrowserState",
    "Button",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "ClearButton",
    "Code",
    "ColorPicker",
    "Component",
    "DataFrame",
    "Dataframe",
    "Dataset",
    "DateTime",
    "DownloadButton",
    "Dropdown",
    "DuplicateButton",
    "Examples",
    "File",
    "FileExplorer",
    "Gallery",
    "HighlightedText",
    "Image",
    "Label",
    "LinePlot",
    "Markdown",
    "Model3D",
    "MultimodalTextbox",
    "Navbar",
    "Number",
    "Plot",
    "Radio",
    "ScatterPlot",
    "Slider",
    "State",
    "Text",
    "TextArea",
    "Textbox",
    "UploadButton",
    "Video",
]
