"""The denoising loop both parties run, over a slice [start, stop) of one step grid.

One function, read top to bottom: classifier-free guidance on a 2B batch laid out as
[uncond x B, cond x B], the UNet's noise prediction, one sampler update. The cloud calls it
for [0, k) on N candidates, the device for [k, T) on the real prompt; a one-process Hybrid SD
run is the same two calls without the network in between.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from obclip.flops import FlopMeter
from obclip.models.text import PromptEmbeddings
from obclip.sampling import SamplerState, Schedule, step


def initial_noise(seed: int, shape: tuple[int, int, int]) -> torch.Tensor:
    """The shared z_T: (1, C, h, w) standard normal from a CPU generator seeded with `seed`."""
    return torch.randn((1, *shape), generator=torch.Generator().manual_seed(seed))


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
) -> tuple[torch.Tensor, SamplerState]:
    """Runs steps [start, stop) of `schedule` on a batch of B latents.

    Args:
        unet (`torch.nn.Module`): an ε-prediction `UNet2DConditionModel`.
        x (`torch.Tensor`): (B, C, h, w) latents at step `start`.
        cond (`PromptEmbeddings`): B prompt embeddings, one per latent.
        uncond (`PromptEmbeddings`): the empty prompt's embedding (batch 1).
        schedule (`Schedule`): the step grid.
        start (`int`), stop (`int`): step slice, 0 <= start <= stop <= schedule.steps.
        guidance (`float`): CFG scale; <= 1 runs the conditional branch only.
        state (`SamplerState`): sampler history at `start` (from the hand-off).
        added (`Callable`, optional): extra UNet inputs for an embedding batch (SDXL).
        meter (`FlopMeter`, optional): records counted FLOPs per step.
        on_step (`Callable[[int], None]`, optional): called before each step (caches, progress).

    Returns:
        `tuple[torch.Tensor, SamplerState]`: latents at step `stop` and the sampler state there.
    """
    if not 0 <= start <= stop <= schedule.steps:
        raise ValueError(f"step slice [{start}, {stop}) is outside the {schedule.steps}-step grid")
    batch = x.shape[0]
    use_cfg = guidance > 1.0
    emb = PromptEmbeddings.cat([uncond.select([0] * batch), cond]) if use_cfg else cond
    extra = added(emb)
    dtype = next(unet.parameters()).dtype
    tokens = emb.tokens.to(dtype)
    extra = None if extra is None else {k: v.to(dtype) for k, v in extra.items()}
    meter = meter or FlopMeter(enabled=False)
    for i in range(start, stop):
        if on_step is not None:
            on_step(i)
        t = schedule.timesteps[i]
        x_in = torch.cat([x, x]) if use_cfg else x
        with meter.measure(i):
            eps = unet(x_in.to(dtype), t, encoder_hidden_states=tokens, added_cond_kwargs=extra).sample.float()
        if use_cfg:
            eps_uncond, eps_cond = eps.chunk(2)
            eps = eps_uncond + guidance * (eps_cond - eps_uncond)
        x, state = step(schedule, i, x, eps, state)
    return x, state
