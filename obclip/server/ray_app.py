"""The cloud service on Ray Serve: the same app on many replicas and machines.

`obclip serve --engine ray` and `serve run deploy/serve_config.yaml` both deploy `ObclipReplica`:
each replica loads the pair once, measures its budget, and serves the very FastAPI app of
`obclip serve` (`app.create_app`, as `@serve.ingress`), so the HTTP API, OpenAPI schema, keys,
limits and error codes are the same. The `GroupRunner` is the same too: each replica runs the
single-process server's `LocalRunner` around its own `Batcher` (`batcher.py`): start-time fair
order across keys, batches bounded in prompts and estimated seconds, whole groups, per-group
isolation (`run_groups`), preemption between steps for a group owed service, and a running batch
that stops between steps once all its clients have gone. Ray tells a replica that a client left by
cancelling the request's task (`asyncio.CancelledError`), which `LocalRunner.run` turns into the
same two cases as a closed connection: a queued group is dropped, a running one leaves its batch.
Ray's `@serve.batch` was used before; it is first come, first served, bounded in prompts only,
and cannot stop or pause a batch it has handed to the engine. Ray's proxy routes requests across
replicas, adopts or makes `X-Request-ID`, and restarts a replica that dies.

Per-key quotas, the failed-auth throttle, the fair-queueing clock, the queue's bounds, a key's share of
them and the per-key cap on requests in flight are the app's, not each replica's: one named actor
(`ray_tenants.TenantLedger`) holds the buckets, the failure counts, the clock and the reservations
(leases a dead replica cannot hold for ever), so a key gets its quota, its share of the queue and its
requests in flight once across the replicas, a guesser is throttled after as many wrong keys as on one
replica, and a key that had its share on one replica comes after the others on every replica.

Differences from the single-process server (also in docs/ray.md): /v1/stats is per replica; connection
limits and read timeouts are the Ray proxy's; TLS is Ray's `http_options` (`ssl_certfile`, `ssl_keyfile`)
or the load balancer's.

Ray is imported lazily: `import obclip` and `obclip --help` never import it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable

from obclip.protocol import CloudRequest, Handoff
from obclip.server.batcher import Batcher, Job, LocalRunner
from obclip.server.config import RayOptions, ServerConfig
from obclip.server.runner import Metrics, QueueFull, ShareFull, check_room

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
        self._runner = LocalRunner(Batcher(self.engine.run_batch, config.batcher), self.metrics)
        self._runner.batcher.on_batch = self._on_batch
        from obclip.server.ray_tenants import GlobalGate, GlobalQuotas, GlobalThrottle, Reservations, ledger_actor

        self._replica = serve.get_replica_context().replica_id.unique_id
        # quotas, throttle, fair clock, the queue's bounds and the per-key cap on requests in flight: the app's
        self._ledger = ledger_actor(config)
        self._quotas = GlobalQuotas(config.quotas, self._ledger)
        self._throttle = GlobalThrottle(config.throttle, self._ledger)
        self._reservations = Reservations(self._ledger, self._replica)
        self._gate = GlobalGate(config, self._throttle, self._reservations)
        self._runner.batcher.on_virtual = lambda tag: self._ledger.advance.remote(tag)  # fire and forget
        self._trace = os.environ.get(TRACE_ENV)
        from obclip.server.drain import Drain
        from obclip.server.ray_drain import watch

        self._drain = Drain()  # raised cluster-wide by `obclip serve --engine ray` on SIGTERM (ray_drain.py)
        watch(self._drain, self._replica)

    def __serve_build_asgi_app__(self):
        from obclip.server.app import create_app

        return create_app(self.pair, self.config, budget=self.budget, runner=self, metrics=self.metrics,
                          proxy_sets_request_id=True, drain=self._drain, quotas=self._quotas,
                          throttle=self._throttle, gate=self._gate)  # fmt: skip

    async def run(self, request: CloudRequest, tenant: str, seconds: float, rid: str,
                  client_gone: Callable[[], bool]) -> Handoff:  # fmt: skip
        """`GroupRunner.run`: this replica's fair batcher, as in `obclip serve`, ordered by the app's clock, in the
        app's queue: the ledger reserves the group's place (the app-wide bound and the key's share of it) and gives
        its start tag in one call; the place is given back when its batch starts (`_on_batch`) or, at the latest,
        when this call ends however it ends (answered, failed, refused, or cancelled because the client left)."""
        batcher = self._runner.batcher
        # this replica's queue is part of the app's: a refusal here is the app's too, and costs no call
        check_room(batcher.config, batcher.waiting(), tenant, seconds)
        ticket, start_tag = await self._reservations.reserve(tenant, seconds)
        try:
            return await self._runner.run(request, tenant, seconds, rid, client_gone, start_tag, ticket)
        except (QueueFull, ShareFull):  # this replica's queue filled since the check: never queued, nor charged
            self._ledger.untag.remote(tenant, start_tag, seconds)
            raise
        finally:
            self._reservations.release([ticket])  # a no-op if its batch already did

    def _on_batch(self, jobs: list[Job]) -> None:
        """Each batch the engine thread starts: metrics, the optional trace, a log line with its request ids."""
        self._reservations.release([job.ticket for job in jobs])  # they left the queue: the app's bound counts waiting
        prompts = sum(job.request.n for job in jobs)
        self.metrics.batch(len(jobs), prompts)
        if self._trace:
            with open(self._trace, "a") as f:  # request ids and sizes only, never a prompt
                f.write(json.dumps({"replica": self._replica, "prompts": prompts,
                                    "groups": [[j.rid, j.request.n] for j in jobs]}) + "\n")  # fmt: skip
        log.info("batch of %d groups, %d prompts (requests %s)", len(jobs), prompts, ",".join(j.rid for j in jobs))

    def stats(self) -> dict:
        """`GroupRunner.stats`: this replica's counters."""
        return self._runner.stats() | {"replica": self._replica}

    def close(self) -> None:
        """`GroupRunner.close`: Ray drains the replica first (`graceful_shutdown_timeout_s`)."""
        self._runner.close()


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
