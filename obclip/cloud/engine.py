"""Cloud engine: N candidate prompts in, N step-k latents (plus sampler state) out.

All N candidates start from the *same* initial noise and are denoised in one batch with
classifier-free guidance, so the only difference between their trajectories is the prompt.
The engine is a plain object over a loaded pair; the HTTP server wraps it.

Each group is computed in its **canonical order** (candidates sorted as strings) and answered in
the order it was sent. Every sharing decision of the accelerations (the pivot whose attention maps
and unconditional branch are broadcast, the cached blocks) therefore depends on the candidate set
and the seed only, never on the device's random order, i.e. on where the real prompt landed: the
same prompt and seed give the same image, and the server's work is the same whichever candidate
is real.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import torch

from obclip.cloud.accel import accelerated
from obclip.denoise import denoise, initial_noise, step_noise, uses_cfg
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
        return self.run_batch([request], on_step)[0]

    def run_batch(self, requests: list[CloudRequest], on_step: Callable[[int], None] | None = None) -> list[Handoff]:
        """Runs several candidate groups with identical settings as one batch.

        Each group keeps its own initial noise, candidates and acceleration pivots (the
        accelerations see group boundaries), so a group's result equals the group served
        alone up to float rounding. Counted FLOPs and wall time are charged to each group in
        proportion to the number of candidates computed for it (`layout`).
        """
        first = requests[0]
        if any(batch_key(r) != batch_key(first) for r in requests):
            raise ProtocolError("requests batched together must share every setting but candidates and seed")
        if first.pair != self.pair.name:
            raise ProtocolError(f"this engine serves pair {self.pair.name!r}, not {first.pair!r}")
        check_sampler(self.pair, first.sampler, first.steps)
        started = time.perf_counter()
        pair, h, w = self.pair, first.height, first.width
        shape = pair.latent_shape(h, w)
        schedule = Schedule.create(first.sampler, pair.scheduler_config, first.steps)
        layouts = [layout(r) for r in requests]
        cond = pair.text([r.candidates[i] for r, (rows, _) in zip(requests, layouts, strict=True) for i in rows])
        groups = tuple(len(rows) for rows, _ in layouts)
        bases = tuple(base_row(r, rows) for r, (rows, _) in zip(requests, layouts, strict=True))
        alphas = tuple(float(a) for a in schedule.alpha_bars)
        # each group's negative prompt is its unconditional branch, the same text for all its rows, so
        # sharing that branch across a group (`share_uncond`) stays exact at step 0 as with ""
        negatives = sorted({r.negative for r in requests})
        uncond = pair.text(negatives)
        if len(negatives) > 1:
            uncond = uncond.select([negatives.index(r.negative) for r, m in zip(requests, groups, strict=True) for _ in range(m)])
        x = torch.cat([initial_noise(r.seed, shape).repeat(m, 1, 1, 1) for r, m in zip(requests, groups, strict=True)])
        meter = FlopMeter(enabled=self.count_flops)

        def noise(i: int) -> torch.Tensor:  # each group re-noised with its own seed, shared by its rows
            sized = zip(requests, groups, strict=True)
            return torch.cat([step_noise(r.seed, i, shape).repeat(m, 1, 1, 1) for r, m in sized])

        cfg = uses_cfg(pair.cloud_unet, first.guidance)
        with accelerated(pair.cloud_unet, first.accel, groups, cfg, first.k, bases, alphas) as (hook, unet):
            x, state = denoise(
                unet,
                x,
                cond,
                uncond,
                schedule,
                0,
                first.k,
                first.guidance,
                SamplerState(),
                added=lambda emb: pair.added_conditions(emb, h, w),
                meter=meter,
                on_step=_chain(hook, on_step),
                noise=noise,
            )
        keep_history = first.sampler == "dpm" and 0 < first.k < first.steps
        seconds, total = time.perf_counter() - started, sum(groups)
        out, offset = [], 0
        for r, (_, combine), m in zip(requests, layouts, groups, strict=True):
            part = slice(offset, offset + m)
            share = m / total
            out.append(
                Handoff(
                    request=r,
                    step=r.k,
                    latents=_answer(x[part], combine).cpu().clone(),
                    prev_denoised=_answer(state.prev_denoised[part], combine).cpu().clone() if keep_history else None,
                    server_flops=round(meter.total * share),
                    server_seconds=seconds,
                    flops_per_step=tuple(round(f * share) for f in meter.steps()),
                )
            )
            offset += m
        return out


def canonical_order(candidates: tuple[str, ...]) -> list[int]:
    """Positions of `candidates` in sorted order: a function of the set, not of the order sent."""
    return sorted(range(len(candidates)), key=candidates.__getitem__)


def layout(request: CloudRequest) -> tuple[list[int], torch.Tensor]:
    """Which candidates the engine computes (indices into `request.candidates`, in sorted order)
    and how the answer is made of them: answer = combine @ computed, (N, M).

    Without composition every candidate is computed and `combine` is the permutation back to the
    order sent. With it (`AccelConfig.compose`, an accelerated mode, factor labels of two or more
    attributes), only the main-effect candidates are computed, the base (every attribute at value
    index 0) and each candidate that differs from it in one attribute, and every other candidate
    is composed as base + the sum of its attributes' differences from the base. The choice depends
    on the labels only, so it is the same whichever candidate is real.
    """
    n, factors = request.n, request.factors
    if not request.composes:
        rows = canonical_order(request.candidates)
        combine = torch.zeros(n, n)
        combine[rows, torch.arange(n)] = 1.0
        return rows, combine
    index = {f: i for i, f in enumerate(factors)}
    base = index[(0,) * len(factors[0])]
    mains = [i for i, f in enumerate(factors) if sum(v > 0 for v in f) <= 1]
    rows = sorted(mains, key=request.candidates.__getitem__)
    column = {i: c for c, i in enumerate(rows)}
    assert len(rows) == request.computed
    combine = torch.zeros(n, len(rows))
    for i, labels in enumerate(factors):
        varied = [a for a, v in enumerate(labels) if v > 0]
        combine[i, column[base]] += 1.0 - len(varied)
        for a in varied:
            one = tuple(v if b == a else 0 for b, v in enumerate(labels))
            combine[i, column[index[one]]] += 1.0
    return rows, combine


def base_row(request: CloudRequest, rows: list[int]) -> int | None:
    """Position among the computed `rows` of the base candidate (every attribute at value index 0),
    the row main-effect differences are taken against (`AccelConfig.diff_refresh`); None without
    factor labels or acceleration, or for a set of more than `AccelConfig.diff_attributes` attributes,
    whose rows are then all computed every step. A function of the labels, the same whichever candidate
    is real."""
    if request.accel.mode == "none" or not request.factors or len(request.factors[0]) > request.accel.diff_attributes:
        return None
    return rows.index(request.factors.index((0,) * len(request.factors[0])))


def _answer(computed: torch.Tensor, combine: torch.Tensor) -> torch.Tensor:
    """The N answered rows from the M computed ones. A row that copies one computed row is copied
    bit for bit (no matmul rounding), so the exact path stays exact."""
    single = (combine != 0).sum(dim=1) == 1
    out = torch.einsum("nm,m...->n...", combine.to(computed.dtype), computed)
    out[single] = computed[combine[single].argmax(dim=1)]
    return out


def check_sampler(pair: ModelPair, sampler: str, steps: int) -> None:
    """A consistency-distilled cloud UNet runs only its own sampler, and only it runs LCM, on a
    grid no longer than the one it was distilled on."""
    expected = pair.spec.cloud_sampler
    if expected is not None and sampler != expected:
        raise ProtocolError(
            f"pair {pair.name!r} has a {expected.upper()} cloud model; its requests use sampler {expected!r}"
        )
    if expected is None and sampler == "lcm":
        raise ProtocolError(f"pair {pair.name!r} has no LCM cloud model; use sampler 'dpm' or 'ddim'")
    distilled = pair.scheduler_config.get("original_inference_steps", 50)
    if sampler == "lcm" and steps > distilled:
        raise ProtocolError(f"an LCM grid has at most {distilled} steps (its distillation grid), got {steps}")


def batch_key(request: CloudRequest) -> tuple:
    """Settings that must be equal for requests to share a batch."""
    r = request
    return (r.pair, r.steps, r.k, r.sampler, r.guidance, r.height, r.width, r.accel)


def _chain(*fns: Callable[[int], None] | None) -> Callable[[int], None]:
    live = [f for f in fns if f is not None]
    return lambda i: [f(i) for f in live] and None
