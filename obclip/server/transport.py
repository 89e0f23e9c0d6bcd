"""Connection-level defences of `obclip serve`: connection cap, read timeouts, JSON 400s, log limits.

uvicorn accepts every connection and waits forever for a request's headers, so slow clients
can hold every file descriptor. `guarded_protocol` wraps uvicorn's h11 protocol:

- at most `max_connections` open connections; a new one beyond the cap evicts the oldest
  connection still waiting for its request (a slow or idle client), or is closed at once if
  every connection is busy with a request;
- a connection must deliver a request's headers within `header_timeout` seconds (from
  accept, or from the end of its previous response) and its body within `body_timeout`
  seconds of the headers, or it is closed;
- a malformed or oversized header (over `max_header_bytes`) gets a JSON 400 with a request id;
- over TLS, a connection counts from the moment it is accepted, not from the end of its handshake
  (uvicorn's TLS hands the connection to the protocol only after the handshake, so an idle flood on
  the TLS port was never counted and ran the process out of file descriptors): `guarded_protocol`
  wraps each connection in asyncio's TLS protocol itself, a handshake must finish within
  `header_timeout`, and one still pending is the first to give way to a new connection.

The per-key cap on requests in flight (`max_key_connections`, one request per HTTP/1.1 connection)
is applied by the app once the key is known (`app.py`).

`RateLimitFilter` keeps a flood from flooding the log: each message template is logged at most
`burst` times per `window` seconds, then one line counts what was dropped.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import threading
import time
import uuid
from asyncio.sslproto import SSLProtocol
from collections import OrderedDict
from collections.abc import Callable

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from obclip.server.config import TransportLimits

log = logging.getLogger("obclip.server")
CLIENT_GONE = "obclip.client_gone"  # scope extension: () -> bool, True once the client closed the connection


def guarded_protocol(limits: TransportLimits, stats: dict | None = None,
                     tls: ssl.SSLContext | None = None) -> Callable[..., asyncio.Protocol]:  # fmt: skip
    """A protocol factory for `uvicorn.Config(http=...)` enforcing `limits`; with `tls`, it also terminates TLS
    (then give uvicorn no certificate of its own)."""
    counters = stats if stats is not None else {}
    counters.setdefault("shed", 0)
    counters.setdefault("timed_out", 0)
    handshaking: dict[SSLProtocol, float] = {}  # TLS connections accepted, handshake not finished: since

    def make_room(connections: set, newcomer: Callable[[], None]) -> bool:
        """Over the cap: the oldest connection that is not in a request (a pending handshake or one waiting for
        its headers) is closed, else the newcomer. False if the newcomer was."""
        if len(connections) + len(handshaking) <= limits.max_connections:
            return True
        counters["shed"] += 1
        idle = [(c._waiting_since, c.transport.abort) for c in connections
                if getattr(c, "_body_since", 0) is None and (c.cycle is None or c.cycle.response_complete)]  # fmt: skip
        idle += [(since, tls_conn._raw.abort) for tls_conn, since in handshaking.items()]
        if not idle:
            newcomer()
            return False
        min(idle, key=lambda pair: pair[0])[1]()  # a slow client gives way to a new one
        return True

    class Guarded(H11Protocol):
        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._timer = None
            self._body_since: float | None = 0.0  # not idle: a newcomer is never its own victim
            handshaking.pop(getattr(self, "_tls", None), None)  # counted since accept; no new count
            if not make_room(self.connections, transport.abort):
                return
            self._waiting_since = time.monotonic()  # waiting for a request's headers since
            self._body_since = None
            self._arm(limits.header_timeout)

        def _arm(self, delay: float) -> None:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = self.loop.call_later(delay, self._check)

        def _check(self) -> None:
            self._timer = None
            if self.transport.is_closing():
                return
            now = time.monotonic()
            cycle = self.cycle
            if cycle is None or cycle.response_complete:  # between requests: waiting for headers
                if self._body_since is not None:  # a response just completed: a new wait starts
                    self._body_since, self._waiting_since = None, now
                left = self._waiting_since + limits.header_timeout - now
            elif cycle.more_body and not cycle.disconnected:  # headers in, body arriving
                left = (self._body_since or now) + limits.body_timeout - now
            else:  # request read; the app is working on it
                self._arm(limits.header_timeout)
                return
            if left <= 0:
                counters["timed_out"] += 1
                self.transport.abort()
            else:
                self._arm(left)

        def on_response_complete(self) -> None:
            self._body_since, self._waiting_since = None, time.monotonic()
            super().on_response_complete()

        def connection_lost(self, exc) -> None:
            if getattr(self, "_timer", None) is not None:
                self._timer.cancel()
            super().connection_lost(exc)

        def send_400_response(self, msg: str) -> None:
            rid = uuid.uuid4().hex[:16]
            body = json.dumps({"error": {"code": "bad_http", "message": f"{msg} (malformed or oversized "
                               f"headers; the limit is {limits.max_header_bytes} bytes)", "request_id": rid}}).encode()  # fmt: skip
            headers = [(b"content-type", b"application/json"), (b"connection", b"close"),
                       (b"content-length", str(len(body)).encode()),
                       (b"x-request-id", rid.encode())]  # fmt: skip
            try:
                events = (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"), h11.Data(data=body),
                          h11.EndOfMessage())  # fmt: skip
                self.transport.write(b"".join(self.conn.send(event) or b"" for event in events))
            except h11.LocalProtocolError:
                pass  # a response was already started on this connection
            # lingering close: closing with unread input would reset the connection and lose the answer
            self._discarding = True
            if self.transport.can_write_eof():
                self.transport.write_eof()
            self.loop.call_later(1.0, self.transport.close)

        def data_received(self, data: bytes) -> None:
            if getattr(self, "_discarding", False):
                return
            before = self.cycle
            super().data_received(data)
            if self.cycle is not before and self.cycle is not None:  # a request's headers completed
                self._body_since = time.monotonic()
                cycle = self.cycle
                cycle.scope.setdefault("extensions", {})[CLIENT_GONE] = lambda: cycle.disconnected

    class CountedTLS(SSLProtocol):
        """asyncio's TLS protocol, counted against the cap from the TCP accept on."""

        def connection_made(self, transport) -> None:  # type: ignore[override]
            self._raw = transport
            super().connection_made(transport)
            handshaking[self] = time.monotonic()
            make_room(self._connections, transport.abort)

        def connection_lost(self, exc) -> None:
            handshaking.pop(self, None)
            super().connection_lost(exc)

    if tls is None:
        return Guarded

    def tls_factory(**kwargs) -> asyncio.Protocol:
        http = Guarded(**kwargs)
        wrapper = CountedTLS(kwargs.get("_loop") or asyncio.get_running_loop(), http, tls, None, server_side=True,
                             ssl_handshake_timeout=limits.header_timeout)  # fmt: skip
        wrapper._connections = kwargs["server_state"].connections
        http._tls = wrapper
        return wrapper

    return tls_factory


class RateLimitFilter(logging.Filter):
    """At most `burst` records per message template per `window` seconds; counts the rest."""

    def __init__(self, burst: int = 20, window: float = 60.0, max_templates: int = 1000) -> None:
        super().__init__()
        self.burst, self.window, self.max_templates = burst, window, max_templates
        self._seen: OrderedDict[tuple, list] = OrderedDict()  # template -> [window start, count, dropped]
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, str(record.msg)[:200])
        now = time.monotonic()
        with self._lock:
            entry = self._seen.get(key)
            if entry is None or now - entry[0] >= self.window:
                dropped = entry[2] if entry else 0
                self._seen[key] = [now, 1, 0]
                self._seen.move_to_end(key)
                while len(self._seen) > self.max_templates:
                    self._seen.popitem(last=False)
                if dropped:
                    record.msg = f"{record.msg} [{dropped} similar messages suppressed in the last {self.window:g}s]"
                return True
            entry[1] += 1
            if entry[1] <= self.burst:
                return True
            entry[2] += 1
            return False


def install_log_limits(burst: int = 20, window: float = 60.0) -> RateLimitFilter:
    """Puts one shared `RateLimitFilter` on every root handler (uvicorn's and asyncio's records pass there)."""
    limiter = RateLimitFilter(burst, window)
    for handler in logging.getLogger().handlers:
        handler.addFilter(limiter)
    for name in ("uvicorn", "uvicorn.error", "asyncio"):
        for handler in logging.getLogger(name).handlers:
            handler.addFilter(limiter)
    return limiter
