"""The cloud service on Ray Serve: the same app on many replicas and machines.

`obclip serve --engine ray` and `serve run deploy/serve_config.yaml` both deploy `ObclipReplica`:
each replica loads the pair once, measures its budget, and serves the very FastAPI app of
`obclip serve` (`app.create_app`, as `@serve.ingress`), so the HTTP API, OpenAPI schema, keys,
limits and error codes are the same. Only the `GroupRunner` differs: an admitted group is one
item of a `@serve.batch` queue whose `batch_size_fn` counts prompts, so a batch holds whole
groups up to `max_batch` candidates (a group larger than that runs alone), and the batch goes
through `admission.run_groups` — the function the local batcher uses — in the replica's one
engine thread. Ray's proxy routes requests across replicas, adopts or makes `X-Request-ID`,
and restarts a replica that dies.

Differences from the single-process server (also in docs/ray.md): quotas, the failed-auth
throttle, the queue bound and /v1/stats are per replica (with R replicas a key gets up to R
times its quota); the queue is first-come first-served, not fair across keys; batches are
bounded in prompts only; connection limits and read timeouts are the Ray proxy's; TLS is Ray's
`http_options` (`ssl_certfile`, `ssl_keyfile`) or the load balancer's.

Ray is imported lazily: `import obclip` and `obclip --help` never import it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from obclip.protocol import CloudRequest, Handoff
from obclip.server.config import RayOptions, ServerConfig
from obclip.server.runner import Metrics, check_room, group_failed, run_groups

log = logging.getLogger("obclip.server")
RAY_MISSING = "Ray Serve is not installed: pip install 'obclip[ray]'"
APP_NAME = "obclip"
TRACE_ENV = "OBCLIP_BATCH_TRACE"  # debugging and tests: append one JSON line per batch (request ids and N only)


def import_serve():
    """`ray.serve`, or an ImportError whose message says how to install it."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never phone home (and no network here)
    try:
        from ray import serve
    except ImportError:
        raise ImportError(RAY_MISSING) from None
    return serve


class RayMetrics(Metrics):
    """Prometheus metrics through `ray.serve.metrics` (Ray adds deployment, replica and application tags).

    Every label is a fixed route name, an HTTP status or one of our error codes: never a prompt,
    a key, an address or a request id (unbounded label values would also blow up Prometheus).
    """

    def __init__(self) -> None:
        from ray.serve.metrics import Counter, Histogram

        sizes = [1, 2, 4, 8, 16, 32, 64, 128]
        seconds = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120]
        self.requests = Counter("obclip_requests", "HTTP answers, by route and status", tag_keys=("route", "status"))
        self.errors = Counter("obclip_errors", "error answers, by error code", tag_keys=("code", "status"))
        self.candidates = Histogram("obclip_candidates_per_request", "N of each served group", boundaries=sizes)
        self.batch_prompts = Histogram("obclip_batch_prompts", "candidates (prompts) per engine batch", boundaries=sizes)
        self.batch_groups = Histogram("obclip_batch_groups", "groups per engine batch", boundaries=sizes)
        self.queue = Histogram("obclip_queue_seconds", "wait of a group for its batch", boundaries=seconds)
        self.server = Histogram("obclip_server_seconds", "engine seconds charged to a group", boundaries=seconds)
        self.flops = Counter("obclip_server_flops", "UNet FLOPs counted for served groups")

    def request(self, route: str, status: int) -> None:
        self.requests.inc(tags={"route": route, "status": str(status)})

    def error(self, code: str, status: int) -> None:
        self.errors.inc(tags={"code": code, "status": str(status)})

    def group(self, candidates: int, queue_seconds: float, server_seconds: float, server_flops: int) -> None:
        self.candidates.observe(candidates)
        self.queue.observe(queue_seconds)
        self.server.observe(server_seconds)
        if server_flops > 0:
            self.flops.inc(server_flops)

    def batch(self, groups: int, prompts: int) -> None:
        self.batch_prompts.observe(prompts)
        self.batch_groups.observe(groups)


@dataclass(eq=False)  # identity: two equal requests are two groups in the queue
class _Item:
    """One admitted group in a replica's batch queue."""

    request: CloudRequest
    rid: str
    seconds: float
    tenant: str = ""
    arrived: float = field(default_factory=time.monotonic)
    started: float | None = None
    counted: bool = True  # still counted in the replica's queue bound


def _prompts(items: list[_Item]) -> int:
    """`batch_size_fn`: a batch is as big as its candidates, and an item is a whole group."""
    return sum(item.request.n for item in items)


class ObclipReplica:
    """One Ray Serve replica: the pair, its engine thread, and the `GroupRunner` the shared app calls."""

    def __init__(self, pair_name: str, config: ServerConfig, options: RayOptions = RayOptions()) -> None:
        import torch

        from obclip.cloud.engine import CloudEngine
        from obclip.models.pair import load_pair
        from obclip.server.admission import calibrated_budget

        serve = import_serve()
        _log_through_serve()
        torch.set_num_threads(options.threads or max(1, int(options.cpus_per_replica)))
        device = "cuda" if options.gpus_per_replica > 0 else options.device
        self.config, self.pair = config, load_pair(pair_name).to(torch.device(device))  # weights: once per replica
        self.engine = CloudEngine(self.pair, count_flops=True)
        self.budget = calibrated_budget(self.pair, config.max_request_seconds, config.batcher.max_batch_seconds,
                                        config.memory_fraction, config.throughput, config.recalibrate)  # fmt: skip
        self.metrics = RayMetrics()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="obclip-engine")  # one engine at a time
        self._lock = threading.Lock()
        self._queued, self._queued_seconds = 0, 0.0
        self._waiting: list[_Item] = []  # admitted groups not yet in a batch, for the queue's bounds and shares
        self._stats = {"batches": 0, "groups": 0, "prompts": 0, "failed": 0, "cancelled": 0}
        b = config.batcher
        self._batched = serve.batch(max_batch_size=b.max_candidates, batch_wait_timeout_s=b.max_wait,
                                    max_concurrent_batches=1, batch_size_fn=_prompts)(self._run_batch)  # fmt: skip
        self._trace = os.environ.get(TRACE_ENV)
        self._replica = serve.get_replica_context().replica_id.unique_id
        from obclip.server.drain import Drain
        from obclip.server.ray_drain import watch

        self._drain = Drain()  # raised cluster-wide by `obclip serve --engine ray` on SIGTERM (ray_drain.py)
        watch(self._drain, self._replica)

    def __serve_build_asgi_app__(self):
        from obclip.server.app import create_app

        return create_app(self.pair, self.config, budget=self.budget, runner=self, metrics=self.metrics,
                          proxy_sets_request_id=True, drain=self._drain)  # fmt: skip

    async def run(self, request: CloudRequest, tenant: str, seconds: float, rid: str,
                  client_gone: Callable[[], bool]) -> Handoff:  # fmt: skip
        """`GroupRunner.run`: queue the group (bounded like the local batcher's), await its hand-off."""
        b = self.config.batcher
        item = _Item(request, rid, seconds, tenant)
        with self._lock:
            check_room(b, [(i.tenant, i.seconds) for i in self._waiting], tenant, seconds)  # this replica's queue
            self._waiting.append(item)
            self._queued, self._queued_seconds = self._queued + 1, self._queued_seconds + seconds
        try:
            if b.enabled and request.n <= b.max_candidates:
                result = await self._batched(item)
            else:  # batching off, or a group larger than a batch: it runs alone, on the same engine thread
                result = (await self._run_batch([item]))[0]
        except asyncio.CancelledError:  # the client left and Ray cancelled us; a queued group never runs
            self._stats["cancelled"] += item.started is None
            log.info("request %s: client left", rid)
            raise
        except Exception as exc:
            raise group_failed(rid, exc) from None
        finally:
            self._dequeue(item)
        if isinstance(result, Exception):
            raise group_failed(rid, result)
        self.metrics.group(request.n, (item.started or item.arrived) - item.arrived, result.server_seconds,
                           result.server_flops)  # fmt: skip
        return result

    async def _run_batch(self, items: list[_Item]) -> list[Handoff | Exception]:
        """The batched method: whole groups in, one hand-off (or that group's own error) per group out."""
        started = time.monotonic()
        for item in items:
            item.started = started
            self._dequeue(item)
        prompts = _prompts(items)
        self.metrics.batch(len(items), prompts)
        if self._trace:
            with open(self._trace, "a") as f:  # request ids and sizes only, never a prompt
                f.write(json.dumps({"replica": self._replica, "prompts": prompts,
                                    "groups": [[i.rid, i.request.n] for i in items]}) + "\n")  # fmt: skip
        loop = asyncio.get_running_loop()
        results = await loop.run_in_executor(self._pool, run_groups, self.engine.run_batch, [i.request for i in items])
        self._stats["batches"] += 1
        self._stats["groups"] += len(items)
        self._stats["prompts"] += prompts
        self._stats["failed"] += sum(isinstance(r, Exception) for r in results)
        log.info("batch of %d groups, %d prompts in %.3fs (requests %s)", len(items), prompts,
                 time.monotonic() - started, ",".join(i.rid for i in items))  # fmt: skip
        return results

    def _dequeue(self, item: _Item) -> None:
        with self._lock:
            if item.counted:
                item.counted = False
                self._waiting.remove(item)
                self._queued, self._queued_seconds = self._queued - 1, self._queued_seconds - item.seconds

    def stats(self) -> dict:
        """`GroupRunner.stats`: this replica's counters."""
        return {"batcher": dict(self._stats), "queued_seconds": self._queued_seconds, "replica": self._replica}

    def close(self) -> None:
        """`GroupRunner.close`: Ray drains the replica first (`graceful_shutdown_timeout_s`)."""
        self._pool.shutdown(wait=True)


def _log_through_serve() -> None:
    """Our records go to the replica's log file through Ray Serve's handlers, which prefix every line
    with the deployment, the replica and the request id of the request being served."""
    ours, theirs = logging.getLogger("obclip"), logging.getLogger("ray.serve")
    ours.setLevel(logging.INFO)
    for handler in theirs.handlers:
        if handler not in ours.handlers:
            ours.addHandler(handler)
    ours.propagate = not theirs.handlers


def build(pair_name: str, config: ServerConfig, options: RayOptions = RayOptions()):
    """The Ray Serve `Application` of the service (bind it, then `serve.run` it)."""
    serve = import_serve()
    deployment = serve.deployment(serve.ingress()(ObclipReplica), name="ObclipCloud")
    return deployment.options(**options.deployment_options(config)).bind(pair_name, config, options)
