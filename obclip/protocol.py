"""The wire protocol between device and cloud: what goes up, what comes down.

Up (`CloudRequest`): the N candidate prompts in the order the device chose, the seed of the
shared initial noise, the step grid (sampler, T, k), guidance, image size, pair and
acceleration settings. Never the index of the real prompt.

Down (`Handoff`): the N latents after step k, plus the scheduler state the device needs to
continue *exactly* as a one-process run would. For DDIM that is nothing; for DPM-Solver++
(2M) it is the previous step's data prediction of each candidate, which doubles the
download: 2 x N x C x h x w values (SD-1.x at 512 px, fp16: 2 x 32 KiB per candidate).
Tensors travel as one safetensors blob, fp16 by default, fp32 on request; metadata rides in
the safetensors header.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field

import torch

from obclip.config import AccelConfig, ConfigError, check_bounds, required, setting
from obclip.options import MAX_STEPS, SAMPLERS

WIRE_DTYPES = {"float16": torch.float16, "float32": torch.float32}


class ProtocolError(ConfigError):
    """A request or response that breaks the protocol's contract."""


@dataclass(frozen=True)
class CloudRequest:
    """One candidate group: everything the cloud needs, nothing about which prompt is real.

    Attributes:
        candidates (`tuple[str, ...]`): the N prompts, in the order the device sends them.
        seed (`int`): seed of the initial noise shared by all N candidates.
        steps (`int`): length T of the step grid.
        k (`int`): number of steps the cloud runs (k == steps: run to the end, Vanilla OG).
        guidance (`float`): classifier-free guidance scale (<= 1 disables guidance).
        height (`int`), width (`int`): image size in pixels.
        sampler (`str`): "dpm", "ddim", or "lcm" for a pair with an LCM cloud model (then
            `steps` is the length of the LCM grid and the device resumes on its own grid).
        pair (`str`): registry name of the model pair.
        accel (`AccelConfig`): server accelerations.
        factors (`tuple[tuple[int, ...], ...]`): for each candidate, its value index per varied
            attribute (empty: not given). The set is a full product, so these labels are a function
            of the set, the same whichever candidate is real; they let the server compute the
            main-effect candidates only (`AccelConfig.compose`).
        negative (`str`, defaults to ""): the negative prompt of the unconditional branch, the same for
            every candidate (the attribute-free tags only, `obclip.prompts.negative`); "" is the empty prompt.
    """

    candidates: tuple[str, ...] = required("the N candidate prompts, in the device's order")
    seed: int = required("seed of the initial noise every candidate shares", (0, 2**63 - 1))
    steps: int = required("the cloud grid's length", (1, MAX_STEPS))
    k: int = required("cloud steps to run", (0, MAX_STEPS))
    guidance: float = required("CFG scale", (0.0, 1e6))
    height: int = required("image height in pixels", (8, 1 << 16))
    width: int = required("image width in pixels", (8, 1 << 16))
    sampler: str = setting("dpm", "the step grid: dpm, ddim, or lcm for a pair with an LCM cloud model", flag="")
    pair: str = setting("default", "registry name of the model pair", flag="")
    accel: AccelConfig = field(default_factory=AccelConfig, metadata={"help": "server accelerations"})
    factors: tuple[tuple[int, ...], ...] = setting(
        (), "per candidate, its value index in each varied attribute (a full product); empty: not given", flag="")
    negative: str = setting(
        "", "negative prompt of the unconditional branch, shared by every candidate; empty: none", flag="")

    def __post_init__(self) -> None:
        if not isinstance(self.negative, str):
            raise ProtocolError("the negative prompt must be a string")
        if not self.candidates:
            raise ProtocolError("a request needs at least one candidate prompt")
        if any(not isinstance(c, str) or not c.strip() for c in self.candidates):
            raise ProtocolError("candidate prompts must be non-empty strings")
        if len(set(self.candidates)) != len(self.candidates):
            raise ProtocolError("candidate prompts must be distinct")
        try:
            check_bounds(self)  # the fields' declared bounds, which the HTTP schema publishes (`server/schema.py`)
        except ConfigError as exc:
            raise ProtocolError(str(exc)) from None
        if self.k > self.steps:
            raise ProtocolError(f"k must lie in [0, steps={self.steps}], got {self.k}")
        if self.sampler not in SAMPLERS:
            raise ProtocolError(f"sampler must be one of {', '.join(SAMPLERS)}, got {self.sampler!r}")
        if self.factors:
            check_factors(self.factors, self.n)

    @property
    def n(self) -> int:
        return len(self.candidates)

    @property
    def composes(self) -> bool:
        """Whether the cloud computes only the main-effect candidates (`AccelConfig.compose`)."""
        return self.accel.compose and self.accel.mode != "none" and bool(self.factors) and len(self.factors[0]) >= 2

    @property
    def computed(self) -> int:
        """How many candidates the cloud computes: N, or 1 + sum(values - 1) when composing."""
        if not self.composes:
            return self.n
        return 1 + sum(max(f[a] for f in self.factors) for a in range(len(self.factors[0])))

    def to_json(self) -> dict:
        return {**asdict(self), "candidates": list(self.candidates)}

    @staticmethod
    def from_json(data: dict) -> CloudRequest:
        data = dict(data)
        data["candidates"] = tuple(data["candidates"])
        data["accel"] = AccelConfig(**data.get("accel", {}))
        data["factors"] = tuple(tuple(f) for f in data.get("factors", ()))
        data["negative"] = data.get("negative", "")
        return CloudRequest(**data)


def check_factors(factors: tuple[tuple[int, ...], ...], n: int) -> None:
    """Factor labels must describe a full product: every combination of value indices exactly once."""
    if len(factors) != n:
        raise ProtocolError(f"{len(factors)} factor labels for {n} candidates")
    width = len(factors[0])
    if any(len(f) != width for f in factors) or any(v < 0 for f in factors for v in f):
        raise ProtocolError("factor labels must be tuples of one non-negative index per attribute")
    sizes = [max(f[i] for f in factors) + 1 for i in range(width)]
    if math.prod(sizes) != n or len(set(factors)) != n:
        raise ProtocolError("factor labels must give each combination of attribute values exactly once")


@dataclass(frozen=True)
class Handoff:
    """What the cloud returns: candidate i's latent after `step` steps is `latents[i]`.

    Attributes:
        request (`CloudRequest`): the request this answers.
        step (`int`): how many steps were run (= request.k).
        latents (`torch.Tensor`): (N, C, h, w), scaled latent space.
        prev_denoised (`torch.Tensor | None`): (N, C, h, w) DPM-Solver++ data prediction of
            step `step - 1`; None for DDIM, at step 0, or after the last step.
        server_flops (`int`): FLOPs the cloud UNet ran for this request (counted).
        server_seconds (`float`): cloud wall time.
        flops_per_step (`tuple[int, ...]`): counted FLOPs of each cloud step.
    """

    request: CloudRequest
    step: int
    latents: torch.Tensor
    prev_denoised: torch.Tensor | None = None
    server_flops: int = 0
    server_seconds: float = 0.0
    flops_per_step: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.latents.shape[0] != self.request.n:
            raise ProtocolError(f"{self.latents.shape[0]} latents for {self.request.n} candidates")
        if self.prev_denoised is not None and self.prev_denoised.shape != self.latents.shape:
            raise ProtocolError("prev_denoised must have the shape of latents")

    def to_bytes(self, dtype: str = "float16") -> bytes:
        """Serialises to one safetensors blob (tensors in `dtype`, metadata in the header)."""
        from safetensors.torch import save

        if dtype not in WIRE_DTYPES:
            raise ProtocolError(f"wire dtype must be one of {', '.join(WIRE_DTYPES)}, got {dtype!r}")
        tensors = {"latents": self.latents.to(WIRE_DTYPES[dtype]).contiguous()}
        if self.prev_denoised is not None:
            tensors["prev_denoised"] = self.prev_denoised.to(WIRE_DTYPES[dtype]).contiguous()
        meta = {
            "request": json.dumps(self.request.to_json()),
            "step": str(self.step),
            "server_flops": str(self.server_flops),
            "server_seconds": repr(self.server_seconds),
            "flops_per_step": json.dumps(list(self.flops_per_step)),
        }
        return save(tensors, metadata=meta)

    @staticmethod
    def from_bytes(blob: bytes) -> Handoff:
        """Parses `to_bytes` output; tensors come back as float32."""
        from safetensors.torch import load

        try:
            tensors = load(blob)
            header_len = int.from_bytes(blob[:8], "little")  # safetensors: u64 length, JSON header
            meta = json.loads(blob[8 : 8 + header_len])["__metadata__"]
            prev = tensors.get("prev_denoised")
            return Handoff(
                request=CloudRequest.from_json(json.loads(meta["request"])),
                step=int(meta["step"]),
                latents=tensors["latents"].float(),
                prev_denoised=None if prev is None else prev.float(),
                server_flops=int(meta["server_flops"]),
                server_seconds=float(meta["server_seconds"]),
                flops_per_step=tuple(json.loads(meta["flops_per_step"])),
            )
        except Exception as exc:  # untrusted bytes: any parse failure is a protocol error
            raise ProtocolError(f"malformed hand-off blob: {exc}") from None
