"""reactive: decorated Python functions become live browser apps.

Example::

    import reactive as rx

    app = rx.App(title="Shout")

    @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), live=True)
    def shout(text: str) -> str:
        return text.upper()

Serve it with ``reactive run app.py``.
"""

from reactive.app import App
from reactive.components import (
    JSON,
    Button,
    Checkbox,
    Component,
    Dropdown,
    Image,
    Markdown,
    Number,
    Slider,
    Text,
    Textbox,
)
from reactive.errors import (
    DefinitionError,
    InvalidValue,
    OutputError,
    ReactiveError,
)
from reactive.errors import UserError as Error

__version__ = "0.1.0"

__all__ = [
    "JSON",
    "App",
    "Button",
    "Checkbox",
    "Component",
    "DefinitionError",
    "Dropdown",
    "Error",
    "Image",
    "InvalidValue",
    "Markdown",
    "Number",
    "OutputError",
    "ReactiveError",
    "Slider",
    "Text",
    "Textbox",
    "__version__",
]
