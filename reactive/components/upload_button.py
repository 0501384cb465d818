"""UploadButton: a button that opens the file picker; the files chosen are its value.

Example::

    with gr.Blocks() as demo:
        files = gr.File()
        button = gr.UploadButton("Upload images", file_types=["image"], file_count="multiple")
        button.upload(lambda paths: paths, button, files)

As an input it gives what a ``gr.File`` gives (paths, or bytes with ``type="binary"``); its
``.upload`` runs once the chosen files arrive, its ``.click`` when it is pressed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from reactive.components.base import warn_unsupported
from reactive.components.file import File, FileCount, FileType
from reactive.errors import DefinitionError

_VARIANTS = ("primary", "secondary", "stop")


class UploadButton(File):
    """Gradio's ``gr.UploadButton(label, file_types=, file_count=, type=)``."""

    type = "uploadbutton"
    updatable: ClassVar[frozenset[str]] = frozenset({"file_types", "variant"})

    def __init__(
        self,
        label: str = "Upload a File",
        value: Any = None,
        *,
        variant: str = "secondary",
        file_count: FileCount = "single",
        file_types: list[str] | None = None,
        type: FileType = "filepath",
        size: str | None = None,
        icon: str | None = None,
        **kwargs: Any,
    ) -> None:
        if variant not in _VARIANTS:
            raise DefinitionError(
                f"UploadButton variant must be 'primary', 'secondary' or 'stop', got {variant!r}."
            )
        cosmetic = {k: v for k, v in (("size", size), ("icon", icon)) if v is not None}
        if cosmetic:
            warn_unsupported("UploadButton", cosmetic)
        super().__init__(value, file_count=file_count, file_types=file_types, type=type, **kwargs)
        self.button_text = label
        self.variant = variant

    def extra_props(self) -> dict[str, Any]:
        return {**super().extra_props(), "text": self.button_text, "variant": self.variant}
