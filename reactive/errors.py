"""The one exception tree of ``reactive``.

::

    ReactiveError
    ├── DefinitionError          the app is defined wrongly (raised at import time)
    ├── ProtocolError            a frame broke the wire protocol
    │   ├── LocalProtocolError   ... we were about to send it (a bug on our side)
    │   └── RemoteProtocolError  ... the peer sent it (carries the error code for the client)
    ├── InvalidValue             a value from the page does not fit its component
    ├── OutputError              a function returned something its output cannot show
    ├── UserError                raised by app code (``rx.Error``): its message is shown as is
    ├── AppLoadError             ``reactive run`` could not load or serve the app
    └── ClientError              ``rx.Client`` could not connect, or a call was refused
        ├── CallError            ... the call's run failed (the server's message)
        └── CallCancelled        ... the call was cancelled or superseded

    UserWarning
    └── CompatibilityWarning     a Gradio argument reactive accepts but ignores (named in it)

    BaseException
    └── Cancelled                ``rx.checkpoint()`` in a superseded run (like trio.Cancelled)

Cancellation is never part of the ``ReactiveError`` tree: a superseded async run is stopped with
:class:`asyncio.CancelledError`, a sync one that asks with ``rx.checkpoint()`` with
:class:`Cancelled`; both are ``BaseException``, which no handler here swallows.
"""

from __future__ import annotations


class ReactiveError(Exception):
    """Base class of every error raised by reactive."""


class DefinitionError(ReactiveError):
    """An app definition mistake: wrong arity, unknown component, duplicate id, ..."""


class ProtocolError(ReactiveError):
    """A frame that breaks the wire protocol."""


class LocalProtocolError(ProtocolError):
    """We tried to encode a message the protocol does not allow."""


class RemoteProtocolError(ProtocolError):
    """The client sent a bad frame.

    ``code`` is the protocol's error code (docs/protocol.md); ``close_code`` is set when the
    socket must be closed rather than answered with an error message.
    """

    def __init__(
        self,
        code: str,
        message: str,
        component: str | None = None,
        close_code: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.component = component
        self.close_code = close_code


class InvalidValue(ReactiveError):
    """A value from the page that its component does not accept."""


class OutputError(ReactiveError):
    """A function returned a value that its output component cannot display."""


class UserError(ReactiveError):
    """Raise it in app code to show ``message`` on the function's outputs, as written.

    ``duration`` (seconds), ``visible`` and ``title`` are accepted for Gradio compatibility;
    ``title`` prefixes the message when given.
    """

    def __init__(
        self,
        message: str = "Error",
        duration: float | None = None,
        visible: bool = True,
        title: str = "",
    ) -> None:
        super().__init__(f"{title}: {message}" if title else message)
        self.duration = duration
        self.visible = visible


class AppLoadError(ReactiveError):
    """The CLI could not load or serve an app (missing file, no app in it, port in use)."""


class CompatibilityWarning(UserWarning):
    """A Gradio argument that reactive accepts but ignores; the warning names it."""


class Cancelled(BaseException):
    """Raised by ``rx.checkpoint()`` in a run that was superseded.

    A ``BaseException``, so ``except Exception`` in app code does not swallow it. Let it
    propagate: the run ends as cancelled and nothing of it reaches the page.
    """


class ClientError(ReactiveError):
    """``rx.Client`` could not reach the app, lost its session, or was refused a call.

    ``code`` is the server's error code when it sent one (``unknown_function``, ``bad_value``,
    ``busy``; docs/protocol.md), else None.
    """

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class CallError(ClientError):
    """A call's run failed on the server: its message is the one the page would show."""


class CallCancelled(ClientError):
    """A call was cancelled (``job.cancel()``) or superseded by a newer call of its function."""
