"""Who runs an admitted group: the seam between the HTTP app and an engine, and the rules every runner shares.

The app (`app.py`, `routes.py`, `admission.admit`) does everything that is the same for every engine
— auth, limits, validation, budget, quotas, error codes, request ids — and hands each admitted group
to a `GroupRunner`. Two implement it:

- `LocalRunner` (`batcher.py`): this process's fair, bounded batcher, one worker thread;
- `ObclipReplica` (`ray_app.py`): a Ray Serve replica, which runs a `LocalRunner` of its own.

Both take a group only if `check_room` lets it into their queue (the queue's bound, 503, and the
tenant's share of it, 429), and both feed `run_groups`, so batching and per-group isolation exist
once. `Metrics` is what the app and the runners report to; `NO_METRICS` does nothing (the
single-process server), `ray_app.RayMetrics` exports to Prometheus through Ray. No metric
carries a prompt, a key or a request id as a label: only counts, sizes, seconds and codes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from obclip.cloud.engine import batch_key
from obclip.protocol import CloudRequest, Handoff
from obclip.server.admission import AdmissionError
from obclip.server.config import BatcherConfig

log = logging.getLogger("obclip.server")


class Metrics:
    """Observations the service reports; this base class ignores them (no exporter)."""

    def request(self, route: str, status: int) -> None:
        """One HTTP answer (`route` is a fixed route name, never the raw path)."""

    def error(self, code: str, status: int) -> None:
        """One error answer with our error code."""

    def group(self, candidates: int, queue_seconds: float, server_seconds: float, server_flops: int) -> None:
        """One group served: its N, its wait for a batch, its share of the engine's seconds and FLOPs."""

    def batch(self, groups: int, prompts: int) -> None:
        """One engine batch: how many groups and prompts (candidates) it held."""


NO_METRICS = Metrics()


class GroupRunner(Protocol):
    """Runs one admitted candidate group and returns its hand-off (or raises `AdmissionError`)."""

    async def run(self, request: CloudRequest, tenant: str, seconds: float, rid: str,
                  client_gone: Callable[[], bool]) -> Handoff: ...  # fmt: skip

    def stats(self) -> dict:
        """Counters for /v1/stats."""
        ...

    def close(self) -> None:
        """Stops taking work (in-flight groups finish)."""
        ...


def group_failed(rid: str, exc: BaseException) -> AdmissionError:
    """The 500 a group gets when it failed inside the engine (alone: the others were answered)."""
    log.error("request %s: group failed in the engine (%s)", rid, type(exc).__name__)
    return AdmissionError(500, "group_failed", f"this group failed on the server ({type(exc).__name__}); "
                          "other groups were not affected")  # fmt: skip


class BatchStopped(Exception):
    """A running batch stopped between two denoising steps because every client it served has gone."""


def run_groups(run_batch: Callable[[list[CloudRequest]], list[Handoff]],
               requests: Sequence[CloudRequest]) -> list[Handoff | Exception]:  # fmt: skip
    """Runs groups as one batch; if the batch fails, bisects so each failing group fails alone.

    The one place where a list of groups meets the cloud engine, for every engine (this
    process's batcher, a Ray Serve replica). Groups whose settings differ (`batch_key`) cannot
    share a UNet batch: they run as consecutive batches, one per setting, in order of first
    appearance (the batcher only ever passes one setting; a caller that mixes them still gets each its own batch).

    Returns one entry per request, in order: its hand-off, or the exception of running it alone.
    A poison group among n good ones costs about log2(n) extra batches, and the good groups'
    results equal those of a clean batch (each group's numerics are independent of the others').
    """
    keys = [batch_key(r) for r in requests]
    if len(set(keys)) > 1:
        results: list[Handoff | Exception | None] = [None] * len(requests)
        for key in dict.fromkeys(keys):
            index = [i for i, k in enumerate(keys) if k == key]
            for i, result in zip(index, run_groups(run_batch, [requests[i] for i in index]), strict=True):
                results[i] = result
        return results  # type: ignore[return-value]
    try:
        return list(run_batch(list(requests)))
    except BatchStopped as exc:  # every client left: nothing to bisect, nobody to answer
        return [exc] * len(requests)
    except Exception as exc:  # reported per group, never kills the caller
        if len(requests) == 1:
            return [exc]
    mid = len(requests) // 2
    return run_groups(run_batch, requests[:mid]) + run_groups(run_batch, requests[mid:])


class QueueFull(AdmissionError):
    """The queue holds as much work as it may; retry after about `retry_after` seconds."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(503, "overloaded", message, retry_after=retry_after)


class ShareFull(AdmissionError):
    """This tenant's share of the queue is full (429): the others still have theirs."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(429, "queue_share_full", message, retry_after=retry_after)


def check_room(config: BatcherConfig, waiting: list[tuple[str, float]], tenant: str, seconds: float) -> None:
    """Whether a group of `tenant` estimated at `seconds` may join a queue holding `waiting` (tenant, seconds):
    the queue's bounds (else `QueueFull`, 503) and the tenant's share of them (else `ShareFull`, 429). The one
    admission rule of both engines (this process's batcher, a Ray replica's queue)."""
    total = sum(s for _, s in waiting)
    if len(waiting) >= config.max_queued or total + seconds > config.max_queued_seconds:
        raise QueueFull(f"the server's queue is full ({len(waiting)} groups, ~{total:.0f}s of work)",
                        retry_after=max(1.0, min(total, 60.0)))  # fmt: skip
    mine = [s for t, s in waiting if t == tenant]
    share = config.tenant_share
    if len(mine) + 1 > max(1.0, share * config.max_queued) or (
            mine and sum(mine) + seconds > share * config.max_queued_seconds):  # a lone large group may wait
        raise ShareFull(f"this key's share of the queue is full ({len(mine)} groups, ~{sum(mine):.0f}s of work)",
                        retry_after=max(1.0, min(sum(mine), 60.0)))  # fmt: skip
