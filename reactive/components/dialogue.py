"""Dialogue and ParamViewer: Gradio's transcript of speakers' lines, and a table of parameters.

A dialogue travels as ``[{speaker, text}]``; the function receives it as text, one
``[speaker] text`` line per entry joined by ``separator`` (``type="text"``, Gradio's default),
or as that list (``type="list"``). A ParamViewer shows ``{name: {type, description, default}}``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Literal

from reactive.components.base import Component, require_type, warn_unsupported
from reactive.errors import DefinitionError, OutputError

Line = dict[str, str]


class Dialogue(Component):
    """Lines of a conversation, each said by one of ``speakers``; Enter in a line submits."""

    type = "dialogue"
    updatable: ClassVar[frozenset[str]] = frozenset({"speakers", "placeholder"})

    def __init__(
        self,
        value: Sequence[Mapping[str, str]] | str | None = None,
        *,
        type: Literal["list", "text"] = "text",
        speakers: Sequence[str] | None = None,
        formatter: Callable[[str, str], str] | None = None,
        separator: str = "\n",
        label: str | None = "Dialogue",
        placeholder: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("list", "text"):
            raise DefinitionError(f"Dialogue type must be 'list' or 'text'; got {type!r}.")
        cosmetic: dict[str, Any] = {
            k: kwargs.pop(k) for k in ("tags", "color_map", "ui_mode") if k in kwargs
        }
        if cosmetic:  # typing aids and colours of the speakers: the lines work without them
            warn_unsupported("Dialogue", cosmetic)
        super().__init__(value, label=label, **kwargs)
        self.dialogue_type = type
        self.speakers = list(speakers or [])
        self.formatter = formatter or (lambda speaker, text: f"[{speaker}] {text}")
        self.separator = separator
        self.placeholder = placeholder

    def extra_props(self) -> dict[str, Any]:
        return {"speakers": self.speakers, "placeholder": self.placeholder}

    def postprocess(self, value: Any) -> list[Line]:
        if value is None:
            return []
        if isinstance(value, str):
            return [_parse(line, self.speakers) for line in value.split(self.separator) if line]
        if not isinstance(value, Sequence) or not all(isinstance(v, Mapping) for v in value):
            raise OutputError(f"{self!r} shows a list of {{speaker, text}} or text; got {value!r}.")
        return [
            {"speaker": str(v.get("speaker", "")), "text": str(v.get("text", ""))} for v in value
        ]

    def initial_python_value(self) -> Any:
        return self.preprocess(self.postprocess(self.value))

    def preprocess(self, value: Any) -> str | list[Line]:
        require_type(self, value, (list,), "a list of lines {speaker, text}")
        lines: list[Line] = []
        for line in value:
            require_type(self, line, (dict,), "a line {speaker, text}")
            speaker, text = line.get("speaker", ""), line.get("text", "")
            if not isinstance(speaker, str) or not isinstance(text, str):
                raise self.invalid("a line's speaker and text must be strings.")
            lines.append({"speaker": speaker, "text": text})
        if self.dialogue_type == "list":
            return lines
        said = [line for line in lines if line["text"]]
        return self.separator.join(self.formatter(x["speaker"], x["text"]) for x in said)


def _parse(line: str, speakers: list[str]) -> Line:
    """``[speaker] text`` back into its parts (the first speaker when none is named)."""
    line = line.strip()
    if line.startswith("[") and "]" in line:
        end = line.index("]")
        return {"speaker": line[1:end], "text": line[end + 1 :].strip()}
    return {"speaker": speakers[0] if speakers else "", "text": line}


class ParamViewer(Component):
    """A function's parameters: ``{name: {type, description, default}}``, each drawn with its
    type and default and its description below."""

    type = "paramviewer"
    accepts_input: ClassVar[bool] = False

    def postprocess(self, value: Any) -> list[dict[str, str | None]]:
        if value is None:
            return []
        if not isinstance(value, Mapping):
            raise OutputError(f"{self!r} shows {{name: {{type, description, default}}}}.")
        rows: list[dict[str, str | None]] = []
        for name, info in value.items():
            fields = info if isinstance(info, Mapping) else {}
            row = {key: _text(fields.get(key)) for key in ("type", "description", "default")}
            rows.append({"name": str(name), **row})
        return rows


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
