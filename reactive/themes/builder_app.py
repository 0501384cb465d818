"""Gradio's ``gradio.themes.builder_app`` (its theme editor, as an app): refused on import."""

from __future__ import annotations

from reactive.errors import DefinitionError
from reactive.themes import BUILDER_REFUSED

raise DefinitionError(BUILDER_REFUSED)
