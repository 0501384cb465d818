"""What a listener may ask for besides its inputs: the event's data and the page's request.

A parameter annotated ``gr.EventData`` (or ``SelectData``, ``LikeData``, ``EditData``) receives
the event that started the run; one annotated ``gr.Request`` receives the page's request (headers,
client host, query parameters, session id). They are not counted as inputs.

``gr.OAuthProfile`` and ``gr.OAuthToken`` (the Hugging Face user signed in with
``gr.LoginButton``) exist so apps written for Spaces run: sign-in is not available when running
locally, so a parameter annotated ``gr.OAuthProfile | None`` always gets None.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """What the server knew of the page's WebSocket request (set once per session)."""

    headers: Mapping[str, str] = field(default_factory=dict)
    client_host: str | None = None
    query_params: Mapping[str, str] = field(default_factory=dict)


class Request:
    """The page's request, as ``gr.Request``: ``request.headers``, ``request.client.host``,
    ``request.query_params`` and ``request.session_hash``."""

    def __init__(self, info: RequestInfo, session_hash: str) -> None:
        self.headers = dict(info.headers)
        self.client = _Client(info.client_host)
        self.query_params = dict(info.query_params)
        self.session_hash = session_hash
        self.username: str | None = None

    def __repr__(self) -> str:
        return f"Request(client={self.client.host!r}, session_hash={self.session_hash!r})"


@dataclass(frozen=True, slots=True)
class _Client:
    host: str | None


class EventData:
    """The event that started a run: ``target`` (the component) and ``_data`` (its raw data)."""

    def __init__(self, target: Any, data: Any) -> None:
        self.target = target
        self._data = data

    def _get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default) if isinstance(self._data, dict) else default

    def __getattr__(self, name: str) -> Any:
        """A key of the event's data (``evt.clicked`` from ``trigger('click', {clicked})``)."""
        data = self.__dict__.get("_data")
        if isinstance(data, dict) and name in data:
            return data[name]
        raise AttributeError(f"{type(self).__name__} has no {name!r}")


class SelectData(EventData):
    """A ``.select`` event: ``index`` (a choice's, a row's, ``[row, column]`` of a cell),
    ``value`` and ``selected``."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        index = self._get("index")
        self.index: Any = list(index) if isinstance(index, tuple) else index
        self.value: Any = self._get("value")
        self.selected: bool = bool(self._get("selected", True))
        self.row_value: Any = self._get("row_value")
        self.col_value: Any = self._get("col_value")


class LikeData(EventData):
    """A ``.like`` event of a Chatbot: the message's ``index`` and ``value``, and ``liked``
    (True, False, or None for a removed vote)."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = self._get("index")
        self.value: Any = self._get("value")
        self.liked: bool | None = self._get("liked", True)


class EditData(EventData):
    """An ``.edit`` event of a Chatbot: the message's ``index``, its new ``value`` and the
    ``previous_value``."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = self._get("index")
        self.value: Any = self._get("value")
        self.previous_value: Any = self._get("previous_value")


class RetryData(EventData):
    """A ``.retry`` event of a Chatbot (its Retry button under the last answer): ``index``, the
    position of the user message to ask again, and ``value``, that message's content."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = self._get("index")
        self.value: Any = self._get("value")


class UndoData(RetryData):
    """A ``.undo`` event of a Chatbot (its Undo button under the last answer): ``index``, the
    position of the user message to take back, and ``value``, that message's content."""


class KeyUpData(EventData):
    """A ``.key_up`` event of a Dropdown: the ``key`` let go and the ``input_value`` typed."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.key: str | None = self._get("key")
        self.input_value: str = str(self._get("input_value", "") or "")


class CopyData(EventData):
    """A ``.copy`` event: the copy button of a Textbox or Markdown was pressed; ``value`` is
    what it put on the clipboard."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.value: Any = self._get("value")


class DeletedFile:
    """The file a ``.delete`` removed: ``path`` on the server, ``orig_name``, ``size``."""

    def __init__(self, path: str | None, orig_name: str | None, size: int | None) -> None:
        self.path = path
        self.orig_name = orig_name
        self.size = size

    def __repr__(self) -> str:
        return f"DeletedFile(path={self.path!r})"


class DeletedFileData(EventData):
    """A ``.delete`` event of a File: ``file`` (its ``path``, ``orig_name``) was removed."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        path = self._get("path")
        self.file = DeletedFile(path, self._get("orig_name"), self._get("size"))
        self.value: Any = self.file


class OAuthProfile(dict[str, Any]):
    """The Hugging Face user signed in (Gradio's ``gr.OAuthProfile``): ``name``, ``username``,
    ``profile``, ``picture``. Sign-in is not available when running locally, so a listener
    annotated ``gr.OAuthProfile | None`` gets None."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.name: str | None = data.get("name")
        self.username: str | None = data.get("preferred_username")
        self.profile: str | None = data.get("profile")
        self.picture: str | None = data.get("picture")


@dataclass(frozen=True, slots=True)
class OAuthToken:
    """The signed-in user's Hugging Face token (Gradio's ``gr.OAuthToken``); None when running
    locally, as :class:`OAuthProfile` is."""

    token: str
    scope: str = ""
    expires_at: int | None = None


#: Injected only as None: nobody is signed in with Hugging Face when running locally.
SIGN_IN = (OAuthProfile, OAuthToken)
