"""The components a function can take as inputs, return to as outputs, or be triggered by."""

from reactive.components.base import Component
from reactive.components.button import Button
from reactive.components.choice import Checkbox, Dropdown
from reactive.components.data import JSON
from reactive.components.image import Image
from reactive.components.number import Number, Slider
from reactive.components.text import Markdown, Text, Textbox

__all__ = [
    "JSON",
    "Button",
    "Checkbox",
    "Component",
    "Dropdown",
    "Image",
    "Markdown",
    "Number",
    "Slider",
    "Text",
    "Textbox",
]
