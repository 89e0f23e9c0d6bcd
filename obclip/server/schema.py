"""The request body of `POST /v1/denoise` and the per-request limits checked on it.

Shared by every engine (`app.py` is the ingress of both `obclip serve` and the Ray Serve app),
so the OpenAPI schema and every 4xx message are the same whichever engine runs the group.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, Literal, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from obclip.config import ACCEL_MODES, AccelConfig, settings
from obclip.models.pair import ModelPair
from obclip.options import DEFAULT_MAX_CANDIDATES, SAMPLERS
from obclip.protocol import CloudRequest
from obclip.server.config import Limits


def _accel_body() -> type[BaseModel]:
    """The HTTP model of `AccelConfig`, generated from its fields: defaults, bounds and descriptions
    have one home, and the dataclass's own check runs on every body (its message becomes the 422)."""
    hints = get_type_hints(AccelConfig)
    spec: dict[str, Any] = {}
    for name, default, meta in settings(AccelConfig):
        lo, hi = meta["bounds"] or (None, None)
        kind = Literal[ACCEL_MODES] if name == "mode" else hints[name]
        spec[name] = (kind, Field(default, ge=lo, le=hi, description=meta["help"]))

    def check(body: BaseModel) -> BaseModel:
        AccelConfig(**body.model_dump())  # ConfigError is a ValueError: pydantic reports it as a 422
        return body

    return create_model(
        "AccelBody",
        __config__=ConfigDict(extra="forbid"),
        __validators__={"check": model_validator(mode="after")(check)},
        **spec,
    )


AccelBody = _accel_body()


# What the HTTP body says differently from `CloudRequest`, as data: these settings may be left out (the served
# pair's defaults fill them, `admission.admit`), the pair must be named, and the wire precision is the client's.
PAIR_DEFAULTS = ("steps", "k", "guidance")
WIRE = {"wire_dtype": (Literal["float16", "float32"], Field("float32", description="precision of the latents sent back"))}


def _request_body() -> type[BaseModel]:
    """The HTTP model of `CloudRequest`, generated from its fields: types, defaults, bounds and descriptions have
    one home (`protocol.py`), and what a group must satisfy beyond them (distinct candidates, k within the grid,
    factor labels) is checked once, by `CloudRequest` itself in `admission.admit`, whose message is the 422."""
    hints = get_type_hints(CloudRequest)
    spec: dict[str, Any] = {}
    for f in fields(CloudRequest):
        meta, kind = f.metadata, hints[f.name]
        lo, hi = meta.get("bounds") or (None, None)
        extra: dict[str, Any] = {"ge": lo, "le": hi, "description": meta.get("help")}
        if f.name == "candidates":
            kind, extra["min_length"] = list[str], 1
        elif f.name == "factors":
            kind, extra["max_length"] = list[list[int]], DEFAULT_MAX_CANDIDATES * 16
        elif f.name == "sampler":
            kind = Literal[SAMPLERS]
        elif f.name == "accel":
            kind = AccelBody
        if f.name == "accel":
            spec[f.name] = (kind, Field(default_factory=AccelBody, description=extra["description"]))
        elif f.name in PAIR_DEFAULTS:
            help_ = f"{extra.pop('description')}; the served pair's default if absent"
            spec[f.name] = (kind | None, Field(None, description=help_, **extra))
        elif f.name == "pair" or f.default is MISSING:
            spec[f.name] = (kind, Field(..., **extra))
        else:
            spec[f.name] = (kind, Field(list(f.default) if isinstance(f.default, tuple) else f.default, **extra))
    return create_model("DenoiseBody", __config__=ConfigDict(extra="forbid"), __doc__=(
        "One candidate group. The server never learns which candidate is real."), **spec, **WIRE)


DenoiseBody = _request_body()


def check_limits(body: DenoiseBody, pair: ModelPair, limits: Limits) -> str | None:
    """The first limit `body` breaks, as a message, or None."""
    if body.pair != pair.name:
        return f"this server serves pair {pair.name!r}, not {body.pair!r}"
    if len(body.candidates) > limits.max_candidates:
        return f"{len(body.candidates)} candidates exceed the limit of {limits.max_candidates}"
    longest = max(len(c) for c in body.candidates)
    if longest > limits.max_prompt_chars:
        return f"a candidate has {longest} characters, over the limit of {limits.max_prompt_chars}"
    if len(body.negative) > limits.max_prompt_chars:
        return f"the negative prompt has {len(body.negative)} characters, over the limit of {limits.max_prompt_chars}"
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
