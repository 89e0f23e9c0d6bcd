"""Draining `obclip serve` (local engine) on SIGTERM/SIGINT without failing clients.

uvicorn's own graceful shutdown closes the listening socket at once: a request sent during the
shutdown meets "connection refused" and a load balancer learns nothing. `DrainingServer` first
drains: the socket stays open, every new `/v1/` request and `/healthz` is answered 503
`draining` with `Retry-After` (the client retries within `--retry-for`; a balancer takes the
node out), the requests already admitted finish, and once none is left (or `drain_seconds` have
passed) uvicorn's usual shutdown runs. A second signal skips the drain.
"""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType

import uvicorn

RETRY_AFTER_SECONDS = 2.0  # a restart of the tiny pairs takes a few seconds; the client caps it by --retry-for


class Drain:
    """Whether the server is draining, and how many admitted requests it still owes an answer."""

    def __init__(self) -> None:
        self.since: float | None = None  # monotonic time the drain began
        self._inflight = 0
        self._lock = threading.Lock()

    @property
    def draining(self) -> bool:
        return self.since is not None

    @property
    def inflight(self) -> int:
        return self._inflight

    def begin(self) -> None:
        if self.since is None:
            self.since = time.monotonic()

    def enter(self) -> bool:
        """Counts a request in; False (and nothing counted) once draining."""
        with self._lock:
            if self.since is not None:
                return False
            self._inflight += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self._inflight -= 1


class DrainingServer(uvicorn.Server):
    """uvicorn's server with a drain before its shutdown (see the module docstring)."""

    def __init__(self, config: uvicorn.Config, drain: Drain, drain_seconds: float) -> None:
        super().__init__(config)
        self.drain, self.drain_seconds = drain, drain_seconds

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.drain.draining or sig not in (signal.SIGTERM, signal.SIGINT):
            super().handle_exit(sig, frame)  # a second signal: stop now (uvicorn's own graceful shutdown)
            return
        self._captured_signals.append(sig)  # re-raised after shutdown, as uvicorn does: the exit status tells
        self.drain.begin()

    async def on_tick(self, counter: int) -> bool:
        if await super().on_tick(counter):
            return True
        since = self.drain.since
        if since is None:
            return False
        return self.drain.inflight == 0 or time.monotonic() - since >= self.drain_seconds
