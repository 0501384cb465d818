"""The components a function can take as inputs, return to as outputs, or be triggered by."""

from reactive.components.annotated_image import AnnotatedImage
from reactive.components.base import Component
from reactive.components.browser_state import BrowserState
from reactive.components.button import Button
from reactive.components.buttons import ClearButton, DownloadButton, DuplicateButton, LoginButton
from reactive.components.chat_message import ChatMessage
from reactive.components.chatbot import Chatbot
from reactive.components.choice import Checkbox, CheckboxGroup, Dropdown, Radio
from reactive.components.data import JSON
from reactive.components.dataframe import DataFrame, Dataframe
from reactive.components.dataset import Dataset, Examples
from reactive.components.datetime import DateTime
from reactive.components.deep_link import DeepLinkButton
from reactive.components.dialogue import Dialogue, ParamViewer
from reactive.components.display import ColorPicker, Label
from reactive.components.editor_options import Brush, Eraser, LayerOptions, WebcamOptions
from reactive.components.editor_templates import ImageMask, Paint, Sketchpad
from reactive.components.file import File
from reactive.components.file_explorer import FileExplorer
from reactive.components.gallery import Gallery
from reactive.components.highlighted import HighlightedText
from reactive.components.image import Image
from reactive.components.image_editor import ImageEditor
from reactive.components.image_slider import ImageSlider
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
from reactive.components.waveform import WaveformOptions

__all__ = [
    "HTML",
    "JSON",
    "AnnotatedImage",
    "Audio",
    "BarPlot",
    "BrowserState",
    "Brush",
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
    "DeepLinkButton",
    "Dialogue",
    "DownloadButton",
    "Dropdown",
    "DuplicateButton",
    "Eraser",
    "Examples",
    "File",
    "FileExplorer",
    "Gallery",
    "HighlightedText",
    "Image",
    "ImageEditor",
    "ImageMask",
    "ImageSlider",
    "Label",
    "LayerOptions",
    "LinePlot",
    "LoginButton",
    "Markdown",
    "Model3D",
    "MultimodalTextbox",
    "Navbar",
    "Number",
    "Paint",
    "ParamViewer",
    "Plot",
    "Radio",
    "ScatterPlot",
    "Sketchpad",
    "Slider",
    "State",
    "Text",
    "TextArea",
    "Textbox",
    "UploadButton",
    "Video",
    "WaveformOptions",
    "WebcamOptions",
]
