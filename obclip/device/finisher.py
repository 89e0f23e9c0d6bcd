"""Device finisher: selects the real candidate locally, runs steps k..T with the small UNet
on the real prompt, decodes with the VAE. The selection never leaves the device."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import torch

from obclip.denoise import denoise, initial_noise
from obclip.flops import FlopMeter
from obclip.models.pair import ModelPair
from obclip.protocol import Handoff
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


def finish(
    pair: ModelPair,
    handoff: Handoff,
    index: int,
    prompt: str,
    count_flops: bool = True,
    on_step: Callable[[int], None] | None = None,
) -> DeviceResult:
    """Continues candidate `index` of `handoff` to the end of the grid on the real `prompt`."""
    req = handoff.request
    if not 0 <= index < req.n:
        raise IndexError(f"candidate index {index} outside [0, {req.n})")
    prev = None if handoff.prev_denoised is None else handoff.prev_denoised[index : index + 1]
    return run_device(
        pair, handoff.latents[index : index + 1], SamplerState(prev), handoff.step, prompt,
        req.sampler, req.steps, req.guidance, req.height, req.width, count_flops, on_step,
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
    return DeviceResult(latent, image, meter.total, time.perf_counter() - started, meter.steps())
