"""Where components write uploaded files: the folder of the session preprocessing the value.

The session's :class:`~reactive.session.uploads.Uploads` owns that folder (made on first use,
deleted with the session) and sets it here, with :func:`writing_to`, around each preprocess of a
component that ``saves_uploads``; worker threads see it too (``asyncio.to_thread`` copies the
context). Outside a session, components fall back to a fresh temporary folder.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

upload_dir: contextvars.ContextVar[Path | None] = contextvars.ContextVar(
    "reactive_upload_dir", default=None
)


@contextmanager
def writing_to(folder: Path) -> Iterator[None]:
    """Uploads preprocessed inside the ``with`` are written under ``folder``."""
    token = upload_dir.set(folder)
    try:
        yield
    finally:
        upload_dir.reset(token)
