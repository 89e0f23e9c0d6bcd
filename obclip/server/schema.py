"""The request body of `POST /v1/denoise` and the per-request limits checked on it.

Shared by every engine (`app.py` is the ingress of both `obclip serve` and the Ray Serve app),
so the OpenAPI schema and every 4xx message are the same whichever engine runs the group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from obclip.models.pair import ModelPair
from obclip.options import ACCEL_MODES, DEFAULT_ACCEL, DEFAULT_MAX_CANDIDATES, SAMPLERS


@dataclass(frozen=True)
class Limits:
    """Bounds on one request, published by /v1/models."""

    max_candidates: int = DEFAULT_MAX_CANDIDATES
    max_prompt_chars: int = 400
    max_steps: int = 100
    max_size: int = 1024
    max_guidance: float = 30.0
    max_body_bytes: int = 256 * 1024


class AccelBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mode: Literal[ACCEL_MODES] = DEFAULT_ACCEL["mode"]
    r: int = Field(4, ge=1, le=1000)
    s: int = Field(6, ge=1, le=1000)
    refresh: int = Field(5, ge=1, le=1000)
    pivot: int = Field(0, ge=0, le=1000)
    share_uncond: bool = True
    skip_up: int = Field(1, ge=0, le=16)
    uncond_all: bool = DEFAULT_ACCEL["uncond_all"]
    adaptive: float = Field(DEFAULT_ACCEL["adaptive"], ge=0.0, lt=10.0)


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


def check_limits(body: DenoiseBody, pair: ModelPair, limits: Limits) -> str | None:
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
