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

The app is engine-agnostic and split by job: this file assembles it (state, middleware, error
handlers) and serves it; `auth.py` is the gate that runs before a body is read; `routes.py` holds the
routes; `admission.admit` turns a body into an admitted group, a plain function; an admitted group
goes to a `GroupRunner` (`runner.py`), this process's batcher by default, or a Ray Serve replica's
batched method when the same app is the `@serve.ingress` of `ray_app.py`. Every setting lives in
`config.py`.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import ssl
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from obclip.cloud.engine import CloudEngine
from obclip.models.pair import ModelPair
from obclip.server.admission import AdmissionError, Budget, Quotas, calibrated_budget
from obclip.server.auth import Gate
from obclip.server.batcher import Batcher, LocalRunner
from obclip.server.config import DeployConfig, ServerConfig
from obclip.server.drain import RETRY_AFTER_SECONDS, Drain, DrainingServer
from obclip.server.routes import ServerState, router
from obclip.server.runner import NO_METRICS, GroupRunner, Metrics
from obclip.server.security import AuthThrottle, open_private
from obclip.server.transport import guarded_protocol, install_log_limits

log = logging.getLogger("obclip.server")


def _version() -> str:
    """The installed package's version (pyproject.toml is its one home)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("obclip")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


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
               proxy_sets_request_id: bool = False, drain: Drain | None = None,
               quotas: Quotas | None = None, throttle: AuthThrottle | None = None,
               gate: Gate | None = None) -> FastAPI:  # fmt: skip
    """Builds the app around one loaded pair: its state, the middleware, the error handlers and the routes.

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
        quotas (`Quotas`, optional): the per-key buckets; this process's by default, the app's shared ledger on
            Ray (`ray_tenants.GlobalQuotas`).
        throttle (`AuthThrottle`, optional): failed authentications per address; this process's by default, the
            app's shared ledger on Ray (`ray_tenants.GlobalThrottle`).
        gate (`Gate`, optional): keys, the throttle and the per-key cap on requests in flight; built from `config`
            and `throttle` by default, the app's (`ray_tenants.GlobalGate`) on Ray.
    """
    if runner is None:
        engine = engine or CloudEngine(pair, count_flops=True)
        runner = LocalRunner(Batcher(engine.run_batch, config.batcher), metrics)
    budget = budget or calibrated_budget(pair, config.max_request_seconds, config.batcher.max_batch_seconds,
                                         config.memory_fraction, config.throughput, config.recalibrate)  # fmt: skip
    state = ServerState(pair, config, budget, runner, metrics, gate or Gate(config, throttle), drain or Drain(),
                        quotas or Quotas(config.quotas),
                        open_private(config.audit_log, "a") if config.audit_log else None)  # fmt: skip

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        state.runner.close()
        if state.audit is not None:
            state.audit.close()

    app = FastAPI(title="ObCLIP cloud", version=_version(), description=__doc__, lifespan=lifespan)
    app.state.server = state
    _install_middleware(app, state, proxy_sets_request_id)
    _install_error_handlers(app, metrics)
    app.include_router(router)
    return app


def _fail(metrics: Metrics, status: int, code: str, message: str, rid: str,
          retry_after: float | None = None) -> JSONResponse:  # fmt: skip
    metrics.error(code, status)
    return _error(status, code, message, rid, retry_after)


def _install_middleware(app: FastAPI, state: ServerState, proxy_sets_request_id: bool) -> None:
    """One HTTP middleware, in this order: the request id, the drain (503), the gate (`auth.py`: keys, the
    per-key cap, the body's declared size, all before the body is read), then the route, whose unforeseen
    errors still answer JSON; every answer is counted and carries the request id."""
    metrics, drain = state.metrics, state.drain

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
        path = request.url.path
        counted = path.startswith("/v1/")  # the work a drain waits for
        if (path == "/healthz" and drain.draining) or (counted and not drain.enter()):
            # 503, never 404 or a refused connection: clients retry, a load balancer takes this node out
            return finish(_fail(metrics, 503, "draining", "the server is shutting down; retry shortly", rid,
                                retry_after=RETRY_AFTER_SECONDS), path, rid)  # fmt: skip
        try:
            response = await _gated(request, call_next, rid) if counted else await _route(request, call_next, rid)
        finally:
            if counted:
                drain.leave()
        return finish(response, path, rid)

    async def _gated(request: Request, call_next, rid: str) -> Response:
        address = request.client.host if request.client else "unknown"
        try:
            tenant = request.state.tenant = await state.gate.admit_async(request.method, request.headers, address, rid)
        except AdmissionError as exc:
            return _fail(metrics, exc.status, exc.code, exc.message, rid, exc.retry_after)
        try:
            async with state.gate.holding_async(tenant):  # on Ray: a place among the key's requests on every replica
                return await _route(request, call_next, rid)
        except AdmissionError as exc:  # the app-wide cap (Ray) refused it, or its ledger is restarting
            return _fail(metrics, exc.status, exc.code, exc.message, rid, exc.retry_after)

    async def _route(request: Request, call_next, rid: str) -> Response:
        try:
            return await call_next(request)
        except Exception as exc:  # every error is JSON with a request id, even one we did not foresee
            log.error("request %s failed: %s", rid, type(exc).__name__)
            return _fail(metrics, 500, "internal", f"internal error ({type(exc).__name__}); request id {rid}", rid)


def _install_error_handlers(app: FastAPI, metrics: Metrics) -> None:
    """Validation errors, HTTP errors and refusals all answer `{"error": {"code", "message", "request_id"}}`."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
        return _fail(metrics, 422, "invalid_request", message, _rid(request))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _fail(metrics, exc.status_code, "http_error", str(exc.detail), _rid(request))

    @app.exception_handler(AdmissionError)
    async def refused(request: Request, exc: AdmissionError) -> JSONResponse:
        return _fail(metrics, exc.status, exc.code, exc.message, _rid(request), exc.retry_after)


def _rid(request: Request) -> str:
    return getattr(request.state, "request_id", "") or _request_id(request)


def run_server(app: FastAPI, deploy: DeployConfig, config: ServerConfig) -> None:
    """Serves `app` with uvicorn behind the connection guards, over TLS when a cert is given. X-Forwarded-For is
    read only from `config.trusted_proxies` (uvicorn's own default trusts it from 127.0.0.1, so that any local
    process, or an attacker on loopback, could pose as many addresses). SIGTERM drains first (`drain.py`)."""
    import uvicorn

    limits, trusted = config.transport, config.trusted_proxies
    tls = None
    if deploy.tls_cert:  # terminated by the connection guard, which counts a TLS connection from its accept on
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(deploy.tls_cert, deploy.tls_key)
    protocol = guarded_protocol(limits, app.state.server.transport_stats, tls)
    server = DrainingServer(uvicorn.Config(
        app, host=deploy.host, port=deploy.port, log_level="warning", access_log=False, http=protocol,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        timeout_keep_alive=5, timeout_graceful_shutdown=30,
        proxy_headers=bool(trusted), forwarded_allow_ips=list(trusted) or None,
        loop="asyncio" if tls else "auto",  # asyncio's TLS protocol (the guard's) on asyncio's own loop
    ), app.state.server.drain, config.drain_seconds)  # fmt: skip
    install_log_limits()  # after uvicorn.Config, which replaces its loggers' handlers
    server.run()
