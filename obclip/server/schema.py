"""The request body of `POST /v1/denoise` and the per-request limits checked on it.

Shared by every engine (`app.py` is the ingress of both `obclip serve` and the Ray Serve app),
so the OpenAPI schema and every 4xx message are the same whichever engine runs the group.
"""

from __future__ import annotations

from typing import Any, Literal, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from obclip.config import ACCEL_MODES, AccelConfig, settings
from obclip.models.pair import ModelPair
from obclip.options import DEFAULT_MAX_CANDIDATES, SAMPLERS
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


class DenoiseBody(BaseModel):
    """One candidate group. The server never learns which candidate is real.

    The schema states the fields' types and bounds (they document the API); what a group must satisfy beyond
    them (distinct, non-empty candidates, k within the grid, factor labels) is checked once, by `CloudRequest`
    in `admission.admit`, whose message is the 422."""

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
    factors: list[list[int]] = Field(
        default_factory=list,
        max_length=DEFAULT_MAX_CANDIDATES * 16,
        description="per candidate, its value index in each varied attribute (a full product); empty: not given",
    )
    wire_dtype: Literal["float16", "float32"] = "float32"
    negative: str = Field(
        "", description="negative prompt of the unconditional branch, shared by every candidate; empty: none"
    )


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
