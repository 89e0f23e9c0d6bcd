"""Draining the Ray app without 404s (#25 item 4): new requests get 503 `draining` with Retry-After.

Deleting a Serve app removes its route from Ray's proxy at once: every new request got a bare 404
"Path not found" while the replicas finished their work. So `obclip serve --engine ray` drains
first: on SIGTERM it starts a `DrainFlag`, a named actor that is Ray's own shared state (no store of
ours); every replica polls it (`watch`) every `POLL_SECONDS`, reporting its requests in flight, and
once it reads "draining" answers new requests as the local server does (`drain.Drain`). When every
replica has reported nothing in flight since, or after `--drain-seconds`, the app is deleted; the
short 404 window left between the delete and the proxy's stop is retried by the client too.

Imported only on the Ray paths (it imports `ray`).
"""

from __future__ import annotations

import threading
import time

import ray

from obclip.server.drain import Drain

DRAIN_ACTOR, NAMESPACE = "obclip-drain", "obclip"
POLL_SECONDS = 0.5


@ray.remote(num_cpus=0)
class DrainFlag:
    """Whether the app drains, and each replica's last report of its requests in flight."""

    def __init__(self) -> None:
        self.since = time.time()
        self.reports: dict[str, tuple[int, float]] = {}  # replica -> (in flight, reported at)

    def report(self, replica: str, in_flight: int) -> bool:
        self.reports[replica] = (in_flight, time.time())
        return True

    def idle(self) -> bool:
        """Every replica has reported, after seeing the flag, that nothing is in flight."""
        settled = self.since + 3 * POLL_SECONDS  # a replica's report after it read the flag and began to drain
        return bool(self.reports) and all(n == 0 and at >= settled for n, at in self.reports.values())


def begin_drain():
    """Raises the flag; returns its handle (`ray.kill` it once the app is deleted)."""
    return DrainFlag.options(name=DRAIN_ACTOR, namespace=NAMESPACE).remote()


def wait_idle(flag, seconds: float) -> bool:
    """Waits until every replica is idle or `seconds` pass; whether they went idle."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ray.get(flag.idle.remote(), timeout=10):
            return True
        time.sleep(POLL_SECONDS)
    return False


def watch(drain: Drain, replica: str) -> threading.Thread:
    """A replica's daemon thread: polls the flag; once it is up, `drain` begins and the reports go on."""

    def poll() -> None:
        while True:
            time.sleep(POLL_SECONDS)
            try:
                flag = ray.get_actor(DRAIN_ACTOR, namespace=NAMESPACE)
                if ray.get(flag.report.remote(replica, drain.inflight), timeout=5):
                    drain.begin()
            except ValueError:  # no flag: not draining
                continue
            except Exception:  # noqa: BLE001 (the flag went away mid-call: the app is being deleted)
                continue

    thread = threading.Thread(target=poll, name="obclip-drain-watch", daemon=True)
    thread.start()
    return thread
