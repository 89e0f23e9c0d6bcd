"""The routes of the cloud service, one `APIRouter` shared by both engines.

Every route reads the server's state through the `server` dependency, and every /v1/ route takes the
authenticated tenant through the `tenant` dependency (the gate in `auth.py` found it from the headers
before the body was read). `denoise` is thin: `admission.admit` checks the body and charges the quota,
the runner (`GroupRunner`: this process's batcher or a Ray replica) computes, and the answer is the
hand-off blob.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, field
from typing import IO, Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from obclip.config import ACCEL_MODES
from obclip.models.pair import ModelPair
from obclip.options import SAMPLERS
from obclip.server.admission import AdmissionError, Budget, Quotas, admit
from obclip.server.auth import Gate
from obclip.server.config import ServerConfig
from obclip.server.drain import Drain
from obclip.server.runner import GroupRunner, Metrics
from obclip.server.schema import DenoiseBody
from obclip.server.transport import CLIENT_GONE

log = logging.getLogger("obclip.server")
HANDOFF_MEDIA_TYPE = "application/vnd.obclip.handoff+safetensors"


@dataclass
class ServerState:
    """What the routes and the middleware share: built once by `create_app`, kept on `app.state.server`."""

    pair: ModelPair
    config: ServerConfig
    budget: Budget
    runner: GroupRunner
    metrics: Metrics
    gate: Gate
    drain: Drain
    quotas: Quotas
    audit: IO[str] | None = None
    transport_stats: dict = field(default_factory=dict)


def server(request: Request) -> ServerState:
    """Dependency: the app's `ServerState`."""
    return request.app.state.server


def tenant(request: Request) -> str:
    """Dependency of every /v1/ route: the tenant the gate authenticated. A route reached without the gate
    (an app assembled without its middleware) is refused rather than served as nobody."""
    found = getattr(request.state, "tenant", None)
    if found is None:
        raise AdmissionError(401, "unauthorized", "this request was not authenticated")
    return found


State = Annotated[ServerState, Depends(server)]
Tenant = Annotated[str, Depends(tenant)]
router = APIRouter()


@router.get("/healthz")
async def healthz(state: State) -> dict:
    return {"status": "ok", "pair": state.pair.name}


@router.get("/v1/models")
async def models(state: State, _: Tenant) -> dict:
    spec, config = state.pair.spec, state.config
    return {
        "pairs": [{"name": spec.name, "resolution": spec.resolution, "default_steps": spec.steps,
                   "default_k": spec.k, "default_guidance": spec.guidance,
                   "samplers": [spec.cloud_sampler] if spec.cloud_sampler else [s for s in SAMPLERS if s != "lcm"],
                   "cloud_steps": spec.cloud_steps,
                   "accel_modes": list(ACCEL_MODES), "latent_scale": state.pair.latent_scale}],
        "limits": asdict(config.limits),
        "budget": state.budget.to_json(),
        "quotas": asdict(config.quotas),
        "batching": {"enabled": config.batcher.enabled, "max_candidates": config.batcher.max_candidates,
                     "max_wait_ms": config.batcher.max_wait * 1000,
                     "max_batch_seconds": config.batcher.max_batch_seconds},
        "queue": {"max_groups": config.batcher.max_queued, "max_seconds": config.batcher.max_queued_seconds},
        "transport": asdict(config.transport),
    }  # fmt: skip


@router.get("/v1/stats")
async def stats(state: State, _: Tenant) -> dict:
    # requests in flight besides this one (what a drain waits for), and whether the server drains
    return state.runner.stats() | {"transport": dict(state.transport_stats), "in_flight": state.drain.inflight - 1,
                                   "draining": state.drain.draining}  # fmt: skip


@router.post(
    "/v1/denoise",
    response_class=Response,
    responses={200: {"content": {HANDOFF_MEDIA_TYPE: {}}, "description": "N latents + hand-off state"}},
)
async def denoise(body: DenoiseBody, request: Request, state: State, who: Tenant) -> Response:
    rid = request.state.request_id
    admitted = admit(body, state.pair, state.config.limits, state.budget, None, who)
    await state.quotas.take(who, admitted.cost.candidate_steps)  # on Ray: the app's ledger, shared by the replicas
    group = admitted.request
    started = time.perf_counter()
    if state.audit is not None:
        state.audit.write(json.dumps({"id": rid, "candidates": body.candidates}) + "\n")
        state.audit.flush()
    handoff = await state.runner.run(group, who, admitted.cost.seconds, rid, lambda: client_gone(request))
    blob = handoff.to_bytes(body.wire_dtype)
    log.info("request %s: N=%d steps=%d k=%d accel=%s in %.3fs", rid, group.n, group.steps, group.k,
             group.accel.mode, time.perf_counter() - started)  # fmt: skip
    return Response(blob, media_type=HANDOFF_MEDIA_TYPE)


def client_gone(request: Request) -> bool:
    """Whether the client closed its connection: from the connection guard (`transport.py`), which
    sees the close even where Starlette's `is_disconnected` cannot (behind an HTTP middleware)."""
    probe = request.scope.get("extensions", {}).get(CLIENT_GONE)
    return bool(probe and probe())
