"""The denoising loop both parties run, over a slice [start, stop) of one step grid.

One function, read top to bottom: classifier-free guidance on a 2B batch laid out as
[uncond x B, cond x B], the UNet's noise prediction, one sampler update. The cloud calls it
for [0, k) on N candidates, the device for [k, T) on the real prompt; a one-process Hybrid SD
run is the same two calls without the network in between.

Two model conventions are handled here rather than in the callers: a UNet distilled with an
embedded guidance scale (LCM-SDXL: `time_cond_proj_dim` set) receives the scale as
`timestep_cond` and runs no unconditional batch, as diffusers' SDXL pipeline does; and LCM's
per-step re-noising draws from `step_noise(seed, i)`, one (1, C, h, w) tensor per step shared by
every candidate, so a candidate's trajectory never depends on its position in the batch.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch

from obclip.flops import FlopMeter
from obclip.models.text import PromptEmbeddings
from obclip.sampling import SamplerState, Schedule, step


def initial_noise(seed: int, shape: tuple[int, int, int]) -> torch.Tensor:
    """The shared z_T: (1, C, h, w) standard normal from a CPU generator seeded with `seed`."""
    return torch.randn((1, *shape), generator=torch.Generator().manual_seed(seed))


def step_generator(seed: int, i: int) -> torch.Generator:
    """The CPU generator of step `i`'s fresh noise, a pure function of (seed, i)."""
    state = np.random.SeedSequence([seed, i + 1]).generate_state(1, dtype=np.uint64)[0]
    return torch.Generator().manual_seed(int(state) & (2**63 - 1))


def step_noise(seed: int, i: int, shape: tuple[int, int, int]) -> torch.Tensor:
    """Fresh noise added after step `i` by samplers that re-noise (LCM): (1, C, h, w),
    independent of the initial noise and of every other step's."""
    return torch.randn((1, *shape), generator=step_generator(seed, i))


def uses_cfg(unet: torch.nn.Module, guidance: float) -> bool:
    """Whether the loop runs an unconditional batch: guidance > 1 and not embedded in the UNet."""
    return guidance > 1.0 and getattr(unet.config, "time_cond_proj_dim", None) is None


def guidance_embedding(guidance: float, dim: int, batch: int) -> torch.Tensor:
    """Sinusoidal embedding of w = guidance - 1 for guidance-distilled UNets (LCM), (batch, dim);
    the formula of diffusers' `get_guidance_scale_embedding`."""
    w = torch.full((batch,), (guidance - 1.0) * 1000.0)
    half = dim // 2
    freqs = torch.exp(torch.arange(half, dtype=torch.float32) * -(torch.log(torch.tensor(10000.0)) / (half - 1)))
    emb = w[:, None] * freqs[None, :]
    return torch.nn.functional.pad(torch.cat([emb.sin(), emb.cos()], dim=1), (0, dim % 2))


def _flop_key(
    unet: torch.nn.Module,
    x: torch.Tensor,
    tokens: torch.Tensor,
    extra: dict[str, torch.Tensor] | None,
    timestep_cond: torch.Tensor | None,
) -> tuple[torch.nn.Module, tuple]:
    """The module a call's FLOPs are memoised on and the call's signature: input shapes, dtype,
    device and, for an accelerated UNet, the code path of this step (`flop_phase`)."""
    phase = getattr(unet, "flop_phase", None)
    shapes = (tuple(x.shape), tuple(tokens.shape), tokens.dtype, x.device.type, timestep_cond is None)
    extra_shapes = None if extra is None else tuple((k, tuple(v.shape)) for k, v in sorted(extra.items()))
    base = getattr(unet, "base_unet", unet)
    return base, (shapes, extra_shapes, phase() if phase is not None else None)


@torch.no_grad()
def denoise(
    unet: torch.nn.Module,
    x: torch.Tensor,
    cond: PromptEmbeddings,
    uncond: PromptEmbeddings,
    schedule: Schedule,
    start: int,
    stop: int,
    guidance: float,
    state: SamplerState,
    added: Callable[[PromptEmbeddings], dict | None] = lambda emb: None,
    meter: FlopMeter | None = None,
    on_step: Callable[[int], None] | None = None,
    noise: Callable[[int], torch.Tensor] | None = None,
) -> tuple[torch.Tensor, SamplerState]:
    """Runs steps [start, stop) of `schedule` on a batch of B latents.

    Args:
        unet (`torch.nn.Module`): an ε-prediction `UNet2DConditionModel`.
        x (`torch.Tensor`): (B, C, h, w) latents at step `start`.
        cond (`PromptEmbeddings`): B prompt embeddings, one per latent.
        uncond (`PromptEmbeddings`): the unconditional branch's embedding: batch 1 (the empty or one
            negative prompt, for every latent) or batch B (one per latent).
        schedule (`Schedule`): the step grid.
        start (`int`), stop (`int`): step slice, 0 <= start <= stop <= schedule.steps.
        guidance (`float`): CFG scale; <= 1 runs the conditional branch only. A UNet with an
            embedded guidance scale gets it as `timestep_cond` instead (no unconditional batch).
        state (`SamplerState`): sampler history at `start` (from the hand-off).
        added (`Callable`, optional): extra UNet inputs for an embedding batch (SDXL).
        meter (`FlopMeter`, optional): records counted FLOPs per step.
        on_step (`Callable[[int], None]`, optional): called before each step (caches, progress).
        noise (`Callable[[int], torch.Tensor]`, optional): fresh noise after step i, broadcastable
            to `x`; required by LCM schedules.

    Returns:
        `tuple[torch.Tensor, SamplerState]`: latents at step `stop` and the sampler state there,
        on the UNet's device (inputs on another device are moved there).
    """
    if not 0 <= start <= stop <= schedule.steps:
        raise ValueError(f"step slice [{start}, {stop}) is outside the {schedule.steps}-step grid")
    batch = x.shape[0]
    use_cfg = uses_cfg(unet, guidance)
    if len(uncond) not in (1, batch):
        raise ValueError(f"{len(uncond)} unconditional embeddings for {batch} latents")
    uncond = uncond.select([0] * batch) if len(uncond) == 1 else uncond
    emb = PromptEmbeddings.cat([uncond, cond]) if use_cfg else cond
    extra = added(emb)
    param = next(unet.parameters())
    dtype, device = param.dtype, param.device
    tokens = emb.tokens.to(device, dtype)
    extra = None if extra is None else {k: v.to(device, dtype) for k, v in extra.items()}
    x = x.to(device)
    if state.prev_denoised is not None:
        state = SamplerState(state.prev_denoised.to(device), state.restart)
    cond_dim = getattr(unet.config, "time_cond_proj_dim", None)
    timestep_cond = None if cond_dim is None else guidance_embedding(guidance, cond_dim, len(emb)).to(device, dtype)
    meter = meter or FlopMeter(enabled=False)
    for i in range(start, stop):
        if on_step is not None:
            on_step(i)
        t = schedule.timesteps[i]
        x_in = torch.cat([x, x]) if use_cfg else x
        with meter.measure(i, *_flop_key(unet, x_in, tokens, extra, timestep_cond)):
            eps = unet(
                x_in.to(dtype), t, encoder_hidden_states=tokens, added_cond_kwargs=extra, timestep_cond=timestep_cond
            ).sample.float()
        if use_cfg:
            eps_uncond, eps_cond = eps.chunk(2)
            eps = eps_uncond + guidance * (eps_cond - eps_uncond)
        fresh = (
            noise(i).to(device) if noise is not None and schedule.sampler == "lcm" and i < schedule.steps - 1 else None
        )
        x, state = step(schedule, i, x, eps, state, fresh)
    return x, state
