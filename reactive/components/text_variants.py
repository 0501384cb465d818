"""TextArea and Code: Gradio's text fields that are a Textbox drawn differently."""

from __future__ import annotations

from typing import Any, ClassVar

from reactive.components.base import warn_unsupported
from reactive.components.text import Textbox
from reactive.errors import DefinitionError


class TextArea(Textbox):
    """Gradio's ``gr.TextArea``: a Textbox with seven lines by default."""

    def __init__(self, value: str | None = "", *, lines: int = 7, **kwargs: Any) -> None:
        super().__init__(value, lines=lines, **kwargs)


class Code(Textbox):
    """Source code in a multi-line text field (monospace); the function receives a ``str``.

    ``language`` is kept as a property for the page (no highlighting: nothing loads from a CDN);
    a returned ``gr.Code(language=..., value=...)`` may change it.
    """

    updatable = Textbox.updatable | {"language"}
    #: The language names Gradio's Code takes (kept as the page's property; no highlighting).
    languages: ClassVar[list[str]] = [
        "python", "c", "cpp", "markdown", "latex", "json", "html", "css", "javascript",
        "jinja2", "typescript", "yaml", "dockerfile", "shell", "r", "sql", "sql-msSQL",
        "sql-mySQL", "sql-mariaDB", "sql-sqlite", "sql-cassandra", "sql-plSQL", "sql-hive",
        "sql-pgSQL", "sql-gql", "sql-gpSQL", "sql-sparkSQL", "sql-esper",
    ]  # fmt: skip  (Gradio's list ends with None, "no language": a Dropdown refuses a None choice)

    def __init__(
        self,
        value: str | None = "",
        language: str | None = None,
        *,
        lines: int = 5,
        max_lines: int | None = None,
        wrap_lines: bool = False,
        **kwargs: Any,
    ) -> None:
        classes = kwargs.pop("elem_classes", None)
        classes = [classes] if isinstance(classes, str) else list(classes or [])
        if language is not None and language not in self.languages:
            names = ", ".join(str(name) for name in self.languages if name)
            raise DefinitionError(
                f"Code language must be one of {names} or None; got {language!r}."
            )
        super().__init__(
            value, lines=max(lines, 2), max_lines=max_lines, elem_classes=[*classes, "rx-code"],
            **kwargs,
        )  # fmt: skip
        self.language = language
        if wrap_lines:  # the field wraps long lines already
            warn_unsupported("Code", {"wrap_lines": wrap_lines})

    def extra_props(self) -> dict[str, Any]:
        return {**super().extra_props(), "language": self.language}
