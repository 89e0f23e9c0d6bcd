"""`obclip serve`: the cloud half of the protocol over HTTP (FastAPI on uvicorn).

Endpoints:
    GET  /healthz              liveness
    GET  /v1/models            the pair served and every limit a request must respect
    POST /v1/denoise           one candidate group (JSON) -> N step-k latents + hand-off state
                               (safetensors, `application/vnd.obclip.handoff+safetensors`)
    GET  /openapi.json         the published schema

Bearer API keys (file or OBCLIP_API_KEYS), compared in constant time: 401 without a key,
403 with a wrong one. Every bad request gets a 4xx JSON error `{"error": {"code", "message"}}`.
Prompts are never logged unless an audit log is configured.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from obclip.cloud.engine import CloudEngine, check_sampler
from obclip.models.pair import ModelPair
from obclip.options import ACCEL_MODES, DEFAULT_MAX_CANDIDATES, SAMPLERS
from obclip.plan import PlanError, received_plan
from obclip.protocol import AccelConfig, CloudRequest, ProtocolError
from obclip.server.batcher import Batcher

log = logging.getLogger("obclip.server")
HANDOFF_MEDIA_TYPE = "application/vnd.obclip.handoff+safetensors"


@dataclass(frozen=True)
class Limits:
    """Bounds on one request, published by /v1/models."""

    max_candidates: int = DEFAULT_MAX_CANDIDATES
    max_prompt_chars: int = 400
    max_steps: int = 100
    max_size: int = 1024
    max_guidance: float = 30.0
    max_body_bytes: int = 256 * 1024


@dataclass
class ServerConfig:
    """Everything `obclip serve` is started with."""

    api_keys: tuple[str, ...] = ()
    insecure_no_auth: bool = False
    limits: Limits = field(default_factory=Limits)
    max_batch_candidates: int = 32
    max_wait_ms: float = 20.0
    batching: bool = True
    audit_log: Path | None = None


class AccelBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mode: Literal[ACCEL_MODES] = "none"
    r: int = Field(4, ge=1, le=1000)
    s: int = Field(6, ge=1, le=1000)
    refresh: int = Field(5, ge=1, le=1000)
    pivot: int = Field(0, ge=0, le=1000)
    share_uncond: bool = True
    skip_up: int = Field(1, ge=0, le=16)


class DenoiseBody(BaseModel):
    """One candidate group. The server never learns which candidate is real."""

    model_config = ConfigDict(extra="forbid")
    candidates: list[str] = Field(..., min_length=1, description="the N candidate prompts, in the device's order")
    seed: int = Field(..., ge=0, lt=2**63)
    steps: int | None = Field(None, ge=1, description="the cloud grid's length; the served pair's default if absent")
    k: int | None = Field(None, ge=0, description="cloud steps to run; the served pair's default if absent")
    guidance: float | None = Field(None, ge=0.0, description="CFG scale; the served pair's default if absent")
    height: int = Field(..., ge=8)
    width: int = Field(..., ge=8)
    sampler: Literal[SAMPLERS] = "dpm"
    pair: str
    accel: AccelBody = Field(default_factory=AccelBody)
    wire_dtype: Literal["float16", "float32"] = "float16"

    @field_validator("candidates")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("candidate prompts must be distinct")
        if any(not c.strip() for c in value):
            raise ValueError("candidate prompts must be non-empty")
        return value


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _check_limits(body: DenoiseBody, pair: ModelPair, limits: Limits) -> str | None:
    """The first limit `body` breaks, as a message, or None."""
    if body.pair != pair.name:
        return f"this server serves pair {pair.name!r}, not {body.pair!r}"
    if len(body.candidates) > limits.max_candidates:
        return f"{len(body.candidates)} candidates exceed the limit of {limits.max_candidates}"
    longest = max(len(c) for c in body.candidates)
    if longest > limits.max_prompt_chars:
        return f"a candidate has {longest} characters, over the limit of {limits.max_prompt_chars}"
    if body.steps > limits.max_steps:
        return f"steps={body.steps} exceeds the limit of {limits.max_steps}"
    if max(body.height, body.width) > limits.max_size:
        return f"size {body.height}x{body.width} exceeds the limit of {limits.max_size}"
    scale = pair.latent_scale
    if body.height % scale or body.width % scale:
        return f"height and width must be multiples of {scale}"
    if body.guidance > limits.max_guidance:
        return f"guidance={body.guidance} exceeds the limit of {limits.max_guidance}"
    return None


def create_app(pair: ModelPair, config: ServerConfig, engine: CloudEngine | None = None) -> FastAPI:
    """Builds the app around one loaded pair (the engine runs in the batcher's thread)."""
    if not config.api_keys and not config.insecure_no_auth:
        raise ValueError("no API key configured: pass --api-key-file, set OBCLIP_API_KEYS, or --insecure-no-auth")
    engine = engine or CloudEngine(pair, count_flops=True)
    batcher = Batcher(engine, config.max_batch_candidates, config.max_wait_ms / 1000, config.batching)
    keys = [k.encode() for k in config.api_keys]
    limits = config.limits
    audit = config.audit_log.open("a") if config.audit_log else None

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        batcher.close()
        if audit is not None:
            audit.close()

    app = FastAPI(title="ObCLIP cloud", version="0.1.0", description=__doc__, lifespan=lifespan)
    app.state.batcher = batcher

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if request.url.path.startswith("/v1/"):
            auth = request.headers.get("authorization", "")
            if not config.insecure_no_auth:
                if not auth.lower().startswith("bearer ") or not auth[7:].strip():
                    return _error(401, "unauthorized", "missing bearer API key (Authorization: Bearer <key>)")
                given = auth[7:].strip().encode()
                if not any(hmac.compare_digest(given, key) for key in keys):  # every key compared: constant time
                    return _error(403, "forbidden", "API key not accepted")
            length = request.headers.get("content-length")
            if request.method == "POST" and length is None:
                return _error(411, "length_required", "send a Content-Length header")
            if length is not None and (not length.isdigit() or int(length) > limits.max_body_bytes):
                return _error(413, "body_too_large", f"request body over {limits.max_body_bytes} bytes")
        return await call_next(request)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return _error(422, "invalid_request", f"{where}: {first.get('msg')}" if where else str(first.get("msg")))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "http_error", str(exc.detail))

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
            "limits": limits.__dict__,
            "batching": {"enabled": config.batching, "max_candidates": config.max_batch_candidates,
                         "max_wait_ms": config.max_wait_ms},
        }  # fmt: skip

    @app.post(
        "/v1/denoise",
        response_class=Response,
        responses={200: {"content": {HANDOFF_MEDIA_TYPE: {}}, "description": "N latents + hand-off state"}},
    )
    async def denoise(body: DenoiseBody) -> Response:
        spec = pair.spec
        body = body.model_copy(  # absent settings: the served pair's defaults
            update={
                "steps": spec.cloud_steps or spec.steps if body.steps is None else body.steps,
                "k": spec.k if body.k is None else body.k,
                "guidance": spec.guidance if body.guidance is None else body.guidance,
            }
        )
        problem = _check_limits(body, pair, limits)
        if problem:
            return _error(422, "limit", problem)
        try:  # the split this request implies must be one the pair can run: k on its grid, its sampler
            received_plan(spec, sampler=body.sampler, steps=body.steps, k=body.k, n=len(body.candidates))
        except PlanError as exc:
            return _error(422, "invalid_request", str(exc))
        try:
            request = CloudRequest(
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
            )
            check_sampler(pair, request.sampler, request.steps)
        except ProtocolError as exc:
            return _error(422, "invalid_request", str(exc))
        rid = uuid.uuid4().hex[:12]
        started = time.perf_counter()
        if audit is not None:
            audit.write(json.dumps({"id": rid, "candidates": body.candidates}) + "\n")
            audit.flush()
        handoff = await asyncio.wrap_future(batcher.submit(request))
        blob = handoff.to_bytes(body.wire_dtype)
        log.info("request %s: N=%d steps=%d k=%d accel=%s in %.3fs", rid, request.n, request.steps, request.k,
                 request.accel.mode, time.perf_counter() - started)  # fmt: skip
        return Response(blob, media_type=HANDOFF_MEDIA_TYPE, headers={"x-obclip-request-id": rid})

    return app


def load_api_keys(path: str | None, env_value: str | None) -> tuple[str, ...]:
    """API keys from a file (one per line, '#' comments) and/or a comma-separated env value."""
    keys: list[str] = []
    if path:
        for line in Path(path).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                keys.append(line)
    if env_value:
        keys.extend(k.strip() for k in env_value.split(",") if k.strip())
    return tuple(keys)
