"""``ChatInterface(flagging_mode="manual")``: the person flags an answer; a CSV row records it.

The chat view shows ``flagging_options`` under each answer. A click sends the flag through a
hidden message box (``{"index", "flag"}`` as JSON) to :meth:`Flagger.flag`, which appends the
conversation up to that answer, the answer, the flag and the time to
``<flagging_dir>/dataset.csv`` (made when the first flag arrives).
"""

from __future__ import annotations

import csv
import json
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reactive.components.chatbot import as_history
from reactive.errors import DefinitionError, InvalidValue

FLAG_MODES = ("never", "manual")
HEADER = ["conversation", "message", "flag", "timestamp"]


class Flagger:
    def __init__(self, folder: str | Path, options: Sequence[str] | None) -> None:
        self.path = Path(folder) / "dataset.csv"
        self.options = tuple(options) if options else ("Like", "Dislike")
        if not all(isinstance(o, str) and o for o in self.options):
            raise DefinitionError("ChatInterface flagging_options is a list of labels (str).")
        self._lock = threading.Lock()  # two sessions flagging at once write whole rows

    def flag(self, payload: str, history: Any) -> None:
        """Record one flag; a flag that was taken back (``flag`` nil) is recorded as ""."""
        try:
            data = json.loads(payload)
            index, flag = int(data["index"]), data.get("flag")
        except (ValueError, KeyError, TypeError):
            raise InvalidValue("a flag is {index, flag}.") from None
        if flag is not None and flag not in self.options:
            raise InvalidValue(f"{flag!r} is not one of the flagging options {self.options}.")
        messages = as_history(history)
        if not 0 <= index < len(messages):
            raise InvalidValue(f"there is no message {index} to flag.")
        row = [
            json.dumps(messages[: index + 1], default=str, ensure_ascii=False),
            json.dumps(messages[index]["content"], default=str, ensure_ascii=False),
            flag or "",
            datetime.now(UTC).isoformat(timespec="seconds"),
        ]
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            new = not self.path.exists()
            with self.path.open("a", newline="", encoding="utf-8") as file:
                writer = csv.writer(file)
                if new:
                    writer.writerow(HEADER)
                writer.writerow(row)


def check_mode(mode: str | None) -> bool:
    """Whether flagging is on; anything but "never" / "manual" is refused."""
    if mode not in (None, *FLAG_MODES):
        raise DefinitionError(
            f"ChatInterface flagging_mode is 'never' or 'manual', got {mode!r} "
            f"('auto' is not supported)."
        )
    return mode == "manual"
