"""The per-session runtime: one :class:`~reactive.session.session.Session` per page socket.

It joins the frozen definition graph, the scheduler and the protocol; the server pumps bytes
into it and nothing below it imports it.
"""
