"""`obclip serve`: the cloud half of the protocol over HTTP (FastAPI on uvicorn).

Endpoints:
    GET  /healthz              liveness
    GET  /v1/models            the pair served and every limit a request must respect
    POST /v1/denoise           one candidate group (JSON) -> N step-k latents + hand-off state
                               (safetensors, `application/vnd.obclip.handoff+safetensors`)
    GET  /v1/stats             batches, failed and cancelled groups, shed connections
    GET  /openapi.json         the published schema

Bearer API keys (stored as SHA-256 digests, see `security.py`), checked in constant time:
401 without a key, 403 with a wrong one, 429 once an address has failed too often. A group is
admitted only after it passed, alone, every check that could fail a batch and its estimated
cost fits the server's budget and the key's quota (`admission.py`); it then waits in a fair,
bounded queue (`batcher.py`). Every error, 4xx or 5xx, is JSON
`{"error": {"code", "message", "request_id"}}` and every response carries `X-Request-ID`
(the client's own if it sent a sane one). Prompts are never logged unless an audit log is
configured.

The app is engine-agnostic: an admitted group goes to a `GroupRunner` (`runner.py`), this
process's batcher by default, or a Ray Serve replica's batched method when the same app is the
`@serve.ingress` of `ray_app.py`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import re
import ssl
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from obclip.cloud.engine import CloudEngine
from obclip.config import ACCEL_MODES
from obclip.models.pair import ModelPair
from obclip.options import SAMPLERS
from obclip.plan import PlanError, received_plan
from obclip.protocol import AccelConfig, CloudRequest, ProtocolError
from obclip.server.admission import AdmissionError, Budget, QuotaConfig, Quotas, calibrated_budget, prevalidate
from obclip.server.batcher import Batcher, BatcherConfig
from obclip.server.drain import RETRY_AFTER_SECONDS, Drain, DrainingServer
from obclip.server.runner import NO_METRICS, GroupRunner, LocalRunner, Metrics
from obclip.server.schema import DenoiseBody, Limits, check_limits
from obclip.server.security import AuthThrottle, KeyRing, ThrottleConfig, open_private
from obclip.server.transport import CLIENT_GONE, TransportLimits, guarded_protocol, install_log_limits

log = logging.getLogger("obclip.server")


def _version() -> str:
    """The installed package's version (pyproject.toml is its one home)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("obclip")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
HANDOFF_MEDIA_TYPE = "application/vnd.obclip.handoff+safetensors"
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


@dataclass(frozen=True)
class ServerConfig:
    """Everything `obclip serve` is started with.

    Attributes:
        key_digests (`tuple[str, ...]`): SHA-256 hex digests of the accepted API keys.
        insecure_no_auth (`bool`): no keys at all (loopback only; never together with keys).
        limits (`Limits`): per-request bounds on the body.
        batcher (`BatcherConfig`): batch and queue bounds.
        max_request_seconds (`float`): estimated compute one request may take.
        memory_fraction (`float`): share of the device's memory one batch's activations may use.
        quotas (`QuotaConfig`): per-key requests and candidate-steps per minute.
        throttle (`ThrottleConfig`): failed-auth throttling per client address.
        transport (`TransportLimits`): connections, read timeouts, header size.
        audit_log (`Path | None`): append received candidate sets here (off by default; the file is 0600).
        trusted_proxies (`tuple[str, ...]`): addresses whose X-Forwarded-For is believed (none by default:
            the peer's own address is the client's, so rotating the header cannot dodge the auth throttle).
        throughput (`float | None`): the operator's FLOP/s for the cost budget; measured once and stored if None
            (`admission.calibrated_budget`).
        recalibrate (`bool`): measure the throughput again instead of reading the stored one.
        drain_seconds (`float`, defaults to 30): on SIGTERM, how long admitted requests may take to finish while
            new ones are answered 503 `draining` with Retry-After (`drain.py`; local engine).
    """

    key_digests: tuple[str, ...] = ()
    insecure_no_auth: bool = False
    limits: Limits = field(default_factory=Limits)
    batcher: BatcherConfig = field(default_factory=BatcherConfig)
    max_request_seconds: float = 60.0
    memory_fraction: float = 0.25
    quotas: QuotaConfig = field(default_factory=QuotaConfig)
    throttle: ThrottleConfig = field(default_factory=ThrottleConfig)
    transport: TransportLimits = field(default_factory=TransportLimits)
    audit_log: Path | None = None
    trusted_proxies: tuple[str, ...] = ()
    throughput: float | None = None
    recalibrate: bool = False
    drain_seconds: float = 30.0

    def __post_init__(self) -> None:
        if self.drain_seconds < 0:
            raise ValueError(f"--drain-seconds must be >= 0, got {self.drain_seconds:g}")
        if self.throughput is not None and self.throughput <= 0:
            raise ValueError(f"--throughput must be > 0 GFLOP/s, got {self.throughput / 1e9:g}")
        if self.insecure_no_auth and self.key_digests:
            raise ValueError("--insecure-no-auth together with API keys would silently disable them; pass one")
        if not self.key_digests and not self.insecure_no_auth:
            raise ValueError("no API key configured: pass --api-key-file, set OBCLIP_API_KEYS, or --insecure-no-auth")
        if self.max_request_seconds <= 0 or not 0 < self.memory_fraction <= 1:
            raise ValueError("max_request_seconds must be > 0 and memory_fraction in (0, 1]")


def _error(
    status: int, code: str, message: str, request_id: str = "", retry_after: float | None = None
) -> JSONResponse:
    headers = {"x-request-id": request_id} if request_id else {}
    if retry_after is not None:
        headers["retry-after"] = str(max(1, math.ceil(retry_after)))
    body = {"error": {"code": code, "message": message, "request_id": request_id}}
    return JSONResponse(body, status_code=status, headers=headers)


def _request_id(request: Request) -> str:
    """The client's X-Request-ID if it is a sane token, else a fresh one."""
    given = request.headers.get("x-request-id", "")
    return given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:16]


_ROUTES = ("/healthz", "/v1/models", "/v1/stats", "/v1/denoise", "/openapi.json", "/docs")


def create_app(pair: ModelPair, config: ServerConfig, engine: CloudEngine | None = None,
               budget: Budget | None = None, runner: GroupRunner | None = None, metrics: Metrics = NO_METRICS,
               proxy_sets_request_id: bool = False, drain: Drain | None = None) -> FastAPI:  # fmt: skip
    """Builds the app around one loaded pair.

    Args:
        pair (`ModelPair`): the pair served (its cloud UNet does the work).
        config (`ServerConfig`): keys, limits, batching, quotas.
        engine (`CloudEngine`, optional): the engine the default runner feeds (a FLOP-counting one on `pair`).
        budget (`Budget`, optional): defaults to `calibrated_budget` (measured once per machine and stored, or
            the operator's throughput).
        runner (`GroupRunner`, optional): who runs admitted groups; defaults to this process's batcher
            (`LocalRunner`) in one worker thread. Ray Serve passes its batched replica method (`ray_app.py`).
        metrics (`Metrics`): where requests, errors and groups are reported (nowhere by default).
        proxy_sets_request_id (`bool`): a proxy in front (Ray Serve's) already adopts or makes the
            request id and adds `X-Request-ID` to every answer; the app then reads it and does not
            add a second header.
        drain (`Drain`, optional): the draining state (begun by `DrainingServer` on SIGTERM, or on Ray by
            `ray_drain.watch`); a fresh one by default.
    """
    if runner is None:
        engine = engine or CloudEngine(pair, count_flops=True)
        runner = LocalRunner(Batcher(engine.run_batch, config.batcher), metrics)
    budget = budget or calibrated_budget(pair, config.max_request_seconds, config.batcher.max_batch_seconds,
                                         config.memory_fraction, config.throughput, config.recalibrate)  # fmt: skip
    keys, throttle, quotas = KeyRing(config.key_digests), AuthThrottle(config.throttle), Quotas(config.quotas)
    limits = config.limits
    audit = open_private(config.audit_log, "a") if config.audit_log else None
    transport_stats: dict = {}
    in_flight: dict[str, int] = {}  # key's tenant -> its requests from headers to answer (TransportLimits)
    drain = drain or Drain()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        runner.close()
        if audit is not None:
            audit.close()

    app = FastAPI(title="ObCLIP cloud", version=_version(), description=__doc__, lifespan=lifespan)
    app.state.runner, app.state.budget, app.state.transport_stats = runner, budget, transport_stats
    app.state.drain = drain

    def fail(status: int, code: str, message: str, rid: str, retry_after: float | None = None) -> JSONResponse:
        metrics.error(code, status)
        return _error(status, code, message, rid, retry_after)

    def finish(response: Response, path: str, rid: str) -> Response:
        metrics.request(path if path in _ROUTES else "other", response.status_code)
        if proxy_sets_request_id:
            del response.headers["x-request-id"]  # the proxy adds it; two headers would read "id, id"
        else:
            response.headers["x-request-id"] = rid
        return response

    @app.middleware("http")
    async def guard(request: Request, call_next):
        given = request.headers.get("x-request-id", "")
        # behind Ray's proxy the id it adopted (or made) is the one on the answer: the body must say the same
        sane = proxy_sets_request_id and _REQUEST_ID.fullmatch(given)  # never a raw header into logs or bodies
        rid = request.state.request_id = given if sane else _request_id(request)
        request.state.tenant = "anonymous"
        path = request.url.path
        counted = path.startswith("/v1/")  # the work a drain waits for
        if (path == "/healthz" and drain.draining) or (counted and not drain.enter()):
            # 503, never 404 or a refused connection: clients retry, a load balancer takes this node out
            return finish(fail(503, "draining", "the server is shutting down; retry shortly", rid,
                               retry_after=RETRY_AFTER_SECONDS), path, rid)  # fmt: skip
        try:
            response = await _guarded(request, call_next, rid)
        finally:
            if counted:
                drain.leave()
        return finish(response, path, rid)

    async def _guarded(request: Request, call_next, rid: str) -> Response:
        if request.url.path.startswith("/v1/"):
            if not config.insecure_no_auth:
                address = request.client.host if request.client else "unknown"
                auth = request.headers.get("authorization", "")
                if not auth.lower().startswith("bearer ") or not auth[7:].strip():
                    return fail(401, "unauthorized", "missing bearer API key (Authorization: Bearer <key>)", rid)
                tenant = keys.match(auth[7:].strip())
                if tenant is None:
                    # Throttled per address; a valid key still passes, so one tenant's typos cannot lock out
                    # everyone behind the same NAT (with >= 128-bit keys the throttle bounds cost and log
                    # volume; guessing is hopeless either way).
                    wait = throttle.blocked_for(address)
                    if wait > 0:
                        return fail(429, "auth_throttled", "too many failed authentications from this address",
                                      rid, retry_after=wait)  # fmt: skip
                    failures = throttle.fail(address)
                    log.warning("request %s: auth failed from %s (%d failures in the last %gs)", rid, address, failures,
                                config.throttle.window)  # fmt: skip
                    return fail(403, "forbidden", "API key not accepted", rid)
                request.state.tenant = tenant
                if in_flight.get(tenant, 0) >= config.transport.max_key_connections:
                    # before the body is read: slow bodies under one key cannot hold every connection
                    return fail(429, "too_many_connections", f"this key already has {in_flight[tenant]} requests in "
                                "flight (the server's limit per key); retry when one is answered", rid,
                                retry_after=1)  # fmt: skip
            length = request.headers.get("content-length")
            if request.method == "POST" and length is None:
                return fail(411, "length_required", "send a Content-Length header", rid)
            if length is not None and (not length.isdigit() or int(length) > limits.max_body_bytes):
                return fail(413, "body_too_large", f"request body over {limits.max_body_bytes} bytes", rid)
        tenant = request.state.tenant if request.url.path.startswith("/v1/") and not config.insecure_no_auth else None
        if tenant is not None:
            in_flight[tenant] = in_flight.get(tenant, 0) + 1  # one event loop: no lock needed
        try:
            response = await call_next(request)
        except Exception as exc:  # every error is JSON with a request id, even one we did not foresee
            log.error("request %s failed: %s", rid, type(exc).__name__)
            return fail(500, "internal", f"internal error ({type(exc).__name__}); request id {rid}", rid)
        finally:
            if tenant is not None:
                in_flight[tenant] -= 1
                if not in_flight[tenant]:
                    del in_flight[tenant]
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
        return fail(422, "invalid_request", message, _rid(request))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return fail(exc.status_code, "http_error", str(exc.detail), _rid(request))

    @app.exception_handler(AdmissionError)
    async def refused(request: Request, exc: AdmissionError) -> JSONResponse:
        return fail(exc.status, exc.code, exc.message, _rid(request), exc.retry_after)

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok", "pair": pair.name}

    @app.get("/v1/models")
    async def models() -> dict:
        spec = pair.spec
        return {
            "pairs": [{"name": spec.name, "resolution": spec.resolution, "default_steps": spec.steps,
                       "default_k": spec.k, "default_guidance": spec.guidance,
                       "samplers": [spec.cloud_sampler] if spec.cloud_sampler else [s for s in SAMPLERS if s != "lcm"],
                       "cloud_steps": spec.cloud_steps,
                       "accel_modes": list(ACCEL_MODES), "latent_scale": pair.latent_scale}],
            "limits": asdict(limits),
            "budget": budget.to_json(),
            "quotas": asdict(config.quotas),
            "batching": {"enabled": config.batcher.enabled, "max_candidates": config.batcher.max_candidates,
                         "max_wait_ms": config.batcher.max_wait * 1000,
                         "max_batch_seconds": config.batcher.max_batch_seconds},
            "queue": {"max_groups": config.batcher.max_queued, "max_seconds": config.batcher.max_queued_seconds},
            "transport": asdict(config.transport),
        }  # fmt: skip

    @app.get("/v1/stats")
    async def stats() -> dict:
        # requests in flight besides this one (what a drain waits for), and whether the server drains
        return runner.stats() | {"transport": dict(transport_stats), "in_flight": drain.inflight - 1,
                                 "draining": drain.draining}  # fmt: skip

    @app.post(
        "/v1/denoise",
        response_class=Response,
        responses={200: {"content": {HANDOFF_MEDIA_TYPE: {}}, "description": "N latents + hand-off state"}},
    )
    async def denoise(body: DenoiseBody, request: Request) -> Response:
        rid, tenant = request.state.request_id, request.state.tenant
        spec = pair.spec
        body = body.model_copy(  # absent settings: the served pair's defaults
            update={
                "steps": spec.cloud_steps or spec.steps if body.steps is None else body.steps,
                "k": spec.k if body.k is None else body.k,
                "guidance": spec.guidance if body.guidance is None else body.guidance,
            }
        )
        problem = check_limits(body, pair, limits)
        if problem:
            raise AdmissionError(422, "limit", problem)
        try:  # the split this request implies must be one the pair can run: k on its grid, its sampler
            received_plan(spec, sampler=body.sampler, steps=body.steps, k=body.k, n=len(body.candidates))
        except PlanError as exc:
            raise AdmissionError(422, "invalid_request", str(exc)) from None
        try:
            cloud_request = CloudRequest(
                candidates=tuple(body.candidates),
                seed=body.seed,
                steps=body.steps,
                k=body.k,
                guidance=body.guidance,
                height=body.height,
                width=body.width,
                sampler=body.sampler,
                pair=body.pair,
                accel=AccelConfig(**body.accel.model_dump()),
                factors=tuple(tuple(f) for f in body.factors),
                negative=body.negative,
            )
        except ProtocolError as exc:
            raise AdmissionError(422, "invalid_request", str(exc)) from None
        prevalidate(cloud_request, pair)  # this group alone: nothing it holds can fail a batch
        cost = budget.cost(cloud_request, pair)
        refusal = budget.refusal(cost)
        if refusal:
            raise AdmissionError(422, "over_budget", refusal)
        quotas.charge(tenant, cost.candidate_steps)
        started = time.perf_counter()
        if audit is not None:
            audit.write(json.dumps({"id": rid, "candidates": body.candidates}) + "\n")
            audit.flush()
        handoff = await runner.run(cloud_request, tenant, cost.seconds, rid, lambda: _client_gone(request))
        blob = handoff.to_bytes(body.wire_dtype)
        log.info("request %s: N=%d steps=%d k=%d accel=%s in %.3fs", rid, cloud_request.n, cloud_request.steps,
                 cloud_request.k, cloud_request.accel.mode, time.perf_counter() - started)  # fmt: skip
        return Response(blob, media_type=HANDOFF_MEDIA_TYPE)

    return app


def _client_gone(request: Request) -> bool:
    """Whether the client closed its connection: from the connection guard (`transport.py`), which
    sees the close even where Starlette's `is_disconnected` cannot (behind an HTTP middleware)."""
    probe = request.scope.get("extensions", {}).get(CLIENT_GONE)
    return bool(probe and probe())


def _rid(request: Request) -> str:
    return getattr(request.state, "request_id", "") or _request_id(request)


def run_server(app: FastAPI, host: str, port: int, limits: TransportLimits, tls_cert: str | None = None,
               tls_key: str | None = None, trusted_proxies: tuple[str, ...] = (),
               drain_seconds: float = 30.0) -> None:  # fmt: skip
    """Serves `app` with uvicorn behind the connection guards, over TLS when a cert is given. X-Forwarded-For is
    read only from `trusted_proxies` (uvicorn's own default trusts it from 127.0.0.1, so that any local process,
    or an attacker on loopback, could pose as many addresses). SIGTERM drains first (`drain.py`)."""
    import uvicorn

    tls = None
    if tls_cert:  # terminated by the connection guard, which counts a TLS connection from its accept on
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(tls_cert, tls_key)
    protocol = guarded_protocol(limits, app.state.transport_stats, tls)
    server = DrainingServer(uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, http=protocol,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        timeout_keep_alive=5, timeout_graceful_shutdown=30,
        proxy_headers=bool(trusted_proxies), forwarded_allow_ips=list(trusted_proxies) or None,
        loop="asyncio" if tls_cert else "auto",  # asyncio's TLS protocol (the guard's) on asyncio's own loop
    ), app.state.drain, drain_seconds)  # fmt: skip
    install_log_limits()  # after uvicorn.Config, which replaces its loggers' handlers
    server.run()
