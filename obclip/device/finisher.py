"""Device finisher: selects the real candidate locally, runs steps k..T with the small UNet
on the real prompt, decodes with the VAE. The selection never leaves the device.

Where the device resumes (the same grid at step k, or after an LCM cloud its own T-step grid
at index k + delta-t with a first-order restart) is the `SplitPlan`'s call (`obclip.plan`).
`finish_batch` finishes many hand-offs of one plan as one batch (the evaluation harness);
`finish` is the single-request case of it, so both compute the same thing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import torch

from obclip.denoise import denoise, initial_noise
from obclip.flops import FlopMeter
from obclip.models.pair import ModelPair
from obclip.plan import SplitPlan, plan_for_request
from obclip.protocol import Handoff
from obclip.sampling import SamplerState, Schedule


@dataclass(frozen=True)
class DeviceResult:
    """The device's output.

    Attributes:
        latent (`torch.Tensor`): (B, C, h, w) final latents, float32 (B = 1 from `finish`).
        image (`torch.Tensor`): (3, H, W) decoded image in [0, 1] from `finish`; (B, 3, H, W)
            from `finish_batch` and `run_device`.
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
    *,
    plan: SplitPlan | None = None,
    count_flops: bool = True,
    on_step: Callable[[int], None] | None = None,
    negative: str = "",
) -> DeviceResult:
    """Continues candidate `index` of `handoff` to the end of the device's grid on `prompt`.

    Args:
        pair (`ModelPair`): the pair (its device UNet, text stack and VAE are used).
        handoff (`Handoff`): what the cloud returned.
        index (`int`): position of the real candidate in the request (never sent).
        prompt (`str`): the device's text, the user's exact prompt; it may differ from the
            text the cloud ran for candidate `index`.
        plan (`SplitPlan`, optional): where to resume; `plan_for_request(pair.spec, handoff.request)` if None.
        count_flops (`bool`, defaults to True): count the device UNet's FLOPs.
        on_step (`Callable[[int], None]`, optional): progress callback, called with each step index.
        negative (`str`, defaults to ""): the device's negative prompt, the user's whole one (the
            cloud got only its attribute-free tags).
    """
    result = finish_batch(
        pair, [handoff], indices=[index], prompts=[prompt], plan=plan, count_flops=count_flops, on_step=on_step,
        negatives=[negative],
    )
    return replace(result, image=result.image[0])


def finish_batch(
    pair: ModelPair,
    handoffs: Sequence[Handoff],
    *,
    indices: Sequence[int],
    prompts: Sequence[str],
    plan: SplitPlan | None = None,
    count_flops: bool = False,
    on_step: Callable[[int], None] | None = None,
    negatives: Sequence[str] | None = None,
) -> DeviceResult:
    """`finish` for several hand-offs of one plan at once: one device batch, B = len(handoffs).

    Args:
        pair (`ModelPair`): the pair.
        handoffs (`Sequence[Handoff]`): answers to requests sharing every setting but candidates and seed.
        indices (`Sequence[int]`): the real candidate of each hand-off.
        prompts (`Sequence[str]`): the device's text for each.
        plan (`SplitPlan`, optional): where to resume; the first request's `plan_for_request` if None.
        count_flops (`bool`, defaults to False): count the device UNet's FLOPs (summed over the batch).
        on_step (`Callable[[int], None]`, optional): progress callback.
        negatives (`Sequence[str]`, optional): the device's negative prompt per hand-off; "" for each if None.

    Returns:
        `DeviceResult`: latents (B, C, h, w) and images (B, 3, H, W).
    """
    if not len(handoffs) == len(indices) == len(prompts) > 0:
        raise ValueError("finish_batch needs one index and one prompt per hand-off, and at least one hand-off")
    first = handoffs[0].request
    plan = plan or plan_for_request(pair.spec, first)
    for h, i in zip(handoffs, indices, strict=True):
        req = h.request
        if not plan.matches(req) or (req.guidance, req.height, req.width) != (
            first.guidance,
            first.height,
            first.width,
        ):
            raise ValueError("hand-offs finished together must share the plan's grid, guidance and size")
        if not 0 <= i < req.n:
            raise IndexError(f"candidate index {i} outside [0, {req.n})")
    x = torch.cat([h.latents[i : i + 1] for h, i in zip(handoffs, indices, strict=True)])
    history = [h.prev_denoised for h in handoffs]
    prev = None
    if not plan.restart and all(p is not None for p in history):
        prev = torch.cat([p[i : i + 1] for p, i in zip(history, indices, strict=True)])
    return run_device(
        pair,
        prompts,
        plan=plan,
        guidance=first.guidance,
        height=first.height,
        width=first.width,
        x=x,
        state=SamplerState(prev, restart=plan.restart),
        count_flops=count_flops,
        on_step=on_step,
        negatives=negatives,
    )


def run_device(
    pair: ModelPair,
    prompts: Sequence[str],
    *,
    plan: SplitPlan,
    guidance: float,
    height: int,
    width: int,
    x: torch.Tensor | None = None,
    seeds: Sequence[int] | None = None,
    state: SamplerState | None = None,
    count_flops: bool = True,
    on_step: Callable[[int], None] | None = None,
    negatives: Sequence[str] | None = None,
) -> DeviceResult:
    """Runs device steps [plan.device_start, plan.steps) on latents `x` (or, device-only, on fresh
    noise of `seeds`) conditioned on `prompts`, and decodes.

    Args:
        pair (`ModelPair`): the pair.
        prompts (`Sequence[str]`): the device's text per latent.
        plan (`SplitPlan`): the device's grid, sampler and first step.
        guidance (`float`): CFG scale.
        height (`int`), width (`int`): image size in pixels.
        x (`torch.Tensor`, optional): (B, C, h, w) latents at `plan.device_start`.
        seeds (`Sequence[int]`, optional): initial-noise seeds when `x` is None.
        state (`SamplerState`, optional): sampler history at `plan.device_start`; none by default.
        count_flops (`bool`, defaults to True): count the device UNet's FLOPs.
        on_step (`Callable[[int], None]`, optional): progress callback.
        negatives (`Sequence[str]`, optional): the negative prompt per latent (the unconditional
            branch's text); the empty prompt for every latent if None.
    """
    if negatives is not None and len(negatives) != len(prompts):
        raise ValueError(f"{len(negatives)} negative prompts for {len(prompts)} prompts")
    started = time.perf_counter()
    if x is None:
        if seeds is None or len(seeds) != len(prompts):
            raise ValueError("device-only generation needs one seed per prompt")
        x = torch.cat([initial_noise(seed, pair.latent_shape(height, width)) for seed in seeds])
    schedule = Schedule.create(plan.sampler, pair.scheduler_config, plan.steps)
    meter = FlopMeter(enabled=count_flops)
    latent, _ = denoise(
        pair.device_unet,
        x.float(),
        pair.text(list(prompts)),
        pair.text(list(negatives) if negatives is not None and any(negatives) else [""]),
        schedule,
        plan.device_start,
        plan.steps,
        guidance,
        state or SamplerState(),
        added=lambda emb: pair.added_conditions(emb, height, width),
        meter=meter,
        on_step=on_step,
    )
    images = pair.decode(latent)
    return DeviceResult(latent.cpu(), images, meter.total, time.perf_counter() - started, meter.steps())
