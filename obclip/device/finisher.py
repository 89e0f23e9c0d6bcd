"""Device finisher: selects the real candidate locally, runs steps k..T with the small UNet
on the real prompt, decodes with the VAE. The selection never leaves the device.

When the cloud ran a different grid (an LCM cloud model, the paper's LCM-SDXL + Koala pair),
the device resumes on its own T-step grid at index k + delta-t, with a first-order restart
(`ResumePlan`): LCM keeps no solver history to hand over.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import torch

from obclip.denoise import denoise, initial_noise
from obclip.flops import FlopMeter
from obclip.models.pair import ModelPair
from obclip.protocol import CloudRequest, Handoff
from obclip.sampling import SamplerState, Schedule


@dataclass(frozen=True)
class DeviceResult:
    """The device's output.

    Attributes:
        latent (`torch.Tensor`): (1, C, h, w) final latent, float32.
        image (`torch.Tensor`): (3, H, W) decoded image in [0, 1].
        device_flops (`int`): counted FLOPs of the device UNet.
        device_seconds (`float`): device wall time (encoding, steps, decoding).
        flops_per_step (`tuple[int, ...]`): counted FLOPs per device step.
    """

    latent: torch.Tensor
    image: torch.Tensor
    device_flops: int
    device_seconds: float
    flops_per_step: tuple[int, ...] = ()


@dataclass(frozen=True)
class ResumePlan:
    """Where the device picks up a hand-off.

    Attributes:
        sampler (`str`): the device's sampler.
        steps (`int`): length of the device's grid.
        start (`int`): first device step (== steps: decode only).
        restart (`bool`): the latent comes from another grid; no solver history.
    """

    sampler: str
    steps: int
    start: int
    restart: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.steps:
            raise ValueError(f"the device would resume at step {self.start}, outside its {self.steps}-step grid")


def resume_plan(
    pair: ModelPair, request: CloudRequest, device_steps: int | None = None, device_sampler: str = "dpm",
    delta_t: int | None = None,
) -> ResumePlan:  # fmt: skip
    """The device's part of `request`: the same grid from step k, or for an LCM cloud the
    device grid (`device_steps`, the pair's T by default) from index k + delta-t.

    Args:
        pair (`ModelPair`): the pair (its spec holds the default delta-t).
        request (`CloudRequest`): what the cloud ran.
        device_steps (`int`, optional): device grid length after an LCM cloud.
        device_sampler (`str`, defaults to "dpm"): device sampler after an LCM cloud.
        delta_t (`int`, optional): index offset after an LCM cloud; the pair's by default.
    """
    if request.sampler != "lcm":
        return ResumePlan(request.sampler, request.steps, request.k)
    steps = pair.spec.steps if device_steps is None else device_steps
    if request.k == request.steps:  # the consistency model ran to the end: decode only
        return ResumePlan(device_sampler, steps, steps)
    if request.k == 0:
        return ResumePlan(device_sampler, steps, 0)
    offset = pair.spec.device_timestep_offset if delta_t is None else delta_t
    if offset < 0 or request.k + offset >= steps:
        raise ValueError(
            f"delta-t {offset} after k={request.k} LCM steps leaves no device step on a {steps}-step grid "
            f"(need 0 <= k + delta-t < {steps})"
        )
    return ResumePlan(device_sampler, steps, request.k + offset, restart=True)


def finish(
    pair: ModelPair,
    handoff: Handoff,
    index: int,
    prompt: str,
    count_flops: bool = True,
    on_step: Callable[[int], None] | None = None,
    plan: ResumePlan | None = None,
) -> DeviceResult:
    """Continues candidate `index` of `handoff` to the end of the grid on the real `prompt`.

    `plan` says where to resume; `resume_plan(pair, handoff.request)` by default.
    """
    req = handoff.request
    if not 0 <= index < req.n:
        raise IndexError(f"candidate index {index} outside [0, {req.n})")
    plan = plan or resume_plan(pair, req)
    prev = None if handoff.prev_denoised is None or plan.restart else handoff.prev_denoised[index : index + 1]
    return run_device(
        pair, handoff.latents[index : index + 1], SamplerState(prev, restart=plan.restart), plan.start, prompt,
        plan.sampler, plan.steps, req.guidance, req.height, req.width, count_flops, on_step,
    )  # fmt: skip


def run_device(
    pair: ModelPair,
    x: torch.Tensor | None,
    state: SamplerState,
    start: int,
    prompt: str,
    sampler: str,
    steps: int,
    guidance: float,
    height: int,
    width: int,
    count_flops: bool = True,
    on_step: Callable[[int], None] | None = None,
    seed: int | None = None,
) -> DeviceResult:
    """Runs device steps [start, steps) from latent `x` (or from fresh noise of `seed` if
    `x` is None, the device-only mode) and decodes."""
    started = time.perf_counter()
    if x is None:
        if seed is None:
            raise ValueError("device-only generation needs a seed")
        x = initial_noise(seed, pair.latent_shape(height, width))
    schedule = Schedule.create(sampler, pair.scheduler_config, steps)
    meter = FlopMeter(enabled=count_flops)
    latent, _ = denoise(
        pair.device_unet, x.float(), pair.text([prompt]), pair.text([""]), schedule, start, steps, guidance, state,
        added=lambda emb: pair.added_conditions(emb, height, width), meter=meter, on_step=on_step,
    )  # fmt: skip
    image = pair.decode(latent)[0]
    return DeviceResult(latent.cpu(), image, meter.total, time.perf_counter() - started, meter.steps())
