"""DateTime: a date (and time) the person types as ``YYYY-MM-DD HH:MM:SS``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reactive.components.base import Component, require_type
from reactive.errors import DefinitionError

DateTimeType = Literal["timestamp", "datetime", "string"]
_RELATIVE = re.compile(r"^now\s*([+-])\s*(\d+(?:\.\d+)?)\s*([smhdw])$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class DateTime(Component):
    """A date and time field, drawn as a text field with the format as placeholder.

    The function receives a string ``"YYYY-MM-DD HH:MM:SS"`` (``type="string"``, without the time
    when ``include_time=False``), a float Unix timestamp (``"timestamp"``, Gradio's default) or a
    ``datetime.datetime`` (``"datetime"``). ``timezone`` names the zone the text is read in
    (local time when None). An output takes any of those forms. ``"now"`` means the current
    time, ``"now - 24h"`` (s, m, h, d, w) one relative to it.
    """

    type = "textbox"
    updatable: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self,
        value: float | str | dt.datetime | None = None,
        *,
        include_time: bool = True,
        type: DateTimeType = "timestamp",
        timezone: str | None = None,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("timestamp", "datetime", "string"):
            raise DefinitionError(
                f"DateTime type must be 'timestamp', 'datetime' or 'string', got {type!r}."
            )
        try:
            self.zone = None if timezone is None else ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise DefinitionError(
                f"DateTime timezone {timezone!r} is not a known zone: use a name such as "
                f"'Europe/Paris' or 'UTC'."
            ) from None
        self.include_time = include_time
        self.value_type: DateTimeType = type
        super().__init__(value, label=label, **kwargs)

    @property
    def _format(self) -> str:
        return "%Y-%m-%d %H:%M:%S" if self.include_time else "%Y-%m-%d"

    def extra_props(self) -> dict[str, Any]:
        shape = "YYYY-MM-DD HH:MM:SS" if self.include_time else "YYYY-MM-DD"
        return {"lines": 1, "placeholder": shape}

    def initial_python_value(self) -> Any:
        return None if self.value is None else self._convert(self.postprocess(self.value))

    def preprocess(self, value: Any) -> Any:
        if value is None or value == "":
            return None
        require_type(self, value, (str,), "a date as text")
        return self._convert(value.strip())

    def _convert(self, text: str) -> Any:
        moment = self._parse(text)
        if self.value_type == "string":
            return moment.strftime(self._format)
        if self.value_type == "datetime":
            return moment
        return moment.timestamp()

    def _parse(self, text: str) -> dt.datetime:
        if text.lower() == "now":
            return dt.datetime.now(self.zone).replace(microsecond=0)
        relative = _RELATIVE.match(text)
        if relative is not None:  # Gradio's "now - 24h", "now + 30m"
            sign, amount, unit = relative.groups()
            shift = dt.timedelta(seconds=float(amount) * _UNIT_SECONDS[unit.lower()])
            now = dt.datetime.now(self.zone).replace(microsecond=0)
            return now - shift if sign == "-" else now + shift
        for fmt in (self._format, "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
            try:
                moment = dt.datetime.strptime(text, fmt)
            except ValueError:
                continue
            return moment.replace(tzinfo=self.zone) if self.zone else moment
        raise self.invalid(f"{text!r} is not a date like {self._format_hint()}.")

    def _format_hint(self) -> str:
        return "2024-05-31 13:45:00" if self.include_time else "2024-05-31"

    def postprocess(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            moment = value.astimezone(self.zone) if value.tzinfo and self.zone else value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            moment = dt.datetime.fromtimestamp(value, self.zone)
        elif isinstance(value, str):
            moment = self._parse(value.strip())
        else:
            raise self.invalid(f"expected a timestamp, datetime or date text, got "
                               f"{type(value).__name__}.")  # fmt: skip
        return moment.strftime(self._format)
