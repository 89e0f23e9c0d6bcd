"""Cloud engine: N candidate prompts in, N step-k latents (plus sampler state) out.

All N candidates start from the *same* initial noise and are denoised in one batch with
classifier-free guidance, so the only difference between their trajectories is the prompt.
The engine is a plain object over a loaded pair; the HTTP server wraps it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from obclip.denoise import denoise, initial_noise
from obclip.flops import FlopMeter
from obclip.models.pair import ModelPair
from obclip.protocol import CloudRequest, Handoff, ProtocolError
from obclip.sampling import SamplerState, Schedule


class CloudEngine:
    """Runs cloud steps for one pair.

    Args:
        pair (`ModelPair`): the loaded pair; only its text stack and cloud UNet are used.
        count_flops (`bool`, defaults to True): count UNet FLOPs (slower; off for timing runs).
    """

    def __init__(self, pair: ModelPair, count_flops: bool = True) -> None:
        self.pair = pair
        self.count_flops = count_flops

    def run(self, request: CloudRequest, on_step: Callable[[int], None] | None = None) -> Handoff:
        """Denoises every candidate of `request` for its first `k` steps."""
        if request.pair != self.pair.name:
            raise ProtocolError(f"this engine serves pair {self.pair.name!r}, not {request.pair!r}")
        started = time.perf_counter()
        pair, h, w = self.pair, request.height, request.width
        shape = pair.latent_shape(h, w)
        schedule = Schedule.create(request.sampler, pair.scheduler_config, request.steps)
        cond, uncond = pair.text(list(request.candidates)), pair.text([""])
        x = initial_noise(request.seed, shape).repeat(request.n, 1, 1, 1)
        meter = FlopMeter(enabled=self.count_flops)
        from obclip.cloud.accel import accelerated

        with accelerated(pair.cloud_unet, request.accel, (request.n,), request.guidance > 1.0, request.k) as (
            hook,
            unet,
        ):
            x, state = denoise(
                unet, x, cond, uncond, schedule, 0, request.k, request.guidance, SamplerState(),
                added=lambda emb: pair.added_conditions(emb, h, w), meter=meter,
                on_step=_chain(hook, on_step),
            )  # fmt: skip
        keep_history = request.sampler == "dpm" and 0 < request.k < request.steps
        return Handoff(
            request=request,
            step=request.k,
            latents=x,
            prev_denoised=state.prev_denoised if keep_history else None,
            server_flops=meter.total,
            server_seconds=time.perf_counter() - started,
            flops_per_step=meter.steps(),
        )


def _chain(*fns: Callable[[int], None] | None) -> Callable[[int], None]:
    live = [f for f in fns if f is not None]
    return lambda i: [f(i) for f in live] and None
