"""Every baseline of the paper through one code path: cloud, device, hybrid, obclip, vanilla-og.

- ``cloud``: the large UNet runs all T steps on the real prompt (N = 1).
- ``device``: the small UNet runs all T steps on the device; nothing is sent.
- ``hybrid``: Hybrid SD, the real prompt alone, cloud steps [0, k) then device steps [k, T).
- ``obclip``: the N candidates on the cloud for [0, k), the device keeps the real one.
- ``vanilla-og``: the N candidates on the cloud for all T steps; the device picks and decodes.

Who runs which steps is the `SplitPlan`'s call (`obclip.plan`), including pairs whose cloud
model is consistency-distilled (LCM). Every mode is the same three moves: transform the prompt
(obclip, vanilla-og), the cloud's `run_batch`, the device's `finish_batch`.

`generate` is the one-call API (the CLI uses it; a `cloud` callable lets the same flow run
against the HTTP server instead of the in-process engine); `generate_batch` runs many prompts
in chunks through the same functions, for the benchmarks.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import torch

from obclip.cloud.engine import CloudEngine
from obclip.device.finisher import DeviceResult, finish, finish_batch, run_device
from obclip.models.pair import ModelPair, load_pair
from obclip.options import DEFAULT_MAX_CANDIDATES
from obclip.plan import MODES, PlanError, SplitPlan, split_plan
from obclip.prompts import CandidateGroup, transform
from obclip.protocol import AccelConfig, CloudRequest, Handoff

__all__ = ["MODES", "GenerationResult", "cloud_requests", "generate", "generate_batch", "to_pil"]


@dataclass(frozen=True)
class GenerationResult:
    """One generated image and what it cost.

    Attributes:
        image (`torch.Tensor`): (3, H, W) in [0, 1].
        latent (`torch.Tensor`): (1, C, h, w) final latent.
        mode, pair, steps, k, seed, guidance, sampler: the settings used.
        n_candidates (`int`): N sent to the cloud (0 for ``device``).
        server_flops (`int`), device_flops (`int`): counted UNet FLOPs.
        server_seconds (`float`), device_seconds (`float`): wall time on each side.
        candidates (`tuple[str, ...]`): what was sent, in order.
        flops_per_step (`dict`): "server" and "device" per-step FLOPs.
        cloud_grid (`dict`): LCM pairs only: the cloud's scheduler and steps, and the device
            step it resumed at (k + delta-t); `SplitPlan.grid_summary`.
        negative (`str`): the negative prompt the device used (never sent whole in obclip/vanilla-og).
        negative_sent (`str`): the negative prompt's tags the cloud got (`obclip.prompts.negative`).
        negative_held (`tuple[str, ...]`): its tags kept on the device.
    """

    image: torch.Tensor
    latent: torch.Tensor
    mode: str
    pair: str
    steps: int
    k: int
    seed: int
    guidance: float
    sampler: str
    n_candidates: int
    server_flops: int
    device_flops: int
    server_seconds: float
    device_seconds: float
    candidates: tuple[str, ...] = ()
    flops_per_step: dict[str, list[int]] = field(default_factory=dict)
    cloud_grid: dict[str, int | str] = field(default_factory=dict)
    negative: str = ""
    negative_sent: str = ""
    negative_held: tuple[str, ...] = ()

    def to_pil(self):
        """The image as a PIL RGB image."""
        return to_pil(self.image)

    def png(self) -> bytes:
        """The image as PNG file bytes."""
        buffer = io.BytesIO()
        self.to_pil().save(buffer, format="PNG")
        return buffer.getvalue()

    def save(self, path: str | Path) -> Path:
        """Writes the image to `path` (format from the suffix, e.g. .png) and returns the path."""
        path = Path(path)
        self.to_pil().save(path)
        return path

    def summary(self) -> dict:
        """The JSON fields of ``obclip generate --json`` (without `image`)."""
        return {
            "mode": self.mode,
            "pair": self.pair,
            "steps": self.steps,
            "k": self.k,
            "n_candidates": self.n_candidates,
            "seed": self.seed,
            "guidance": self.guidance,
            "scheduler": self.sampler,
            "server_flops": self.server_flops,
            "device_flops": self.device_flops,
            "server_seconds": round(self.server_seconds, 4),
            "device_seconds": round(self.device_seconds, 4),
            **self.cloud_grid,
            **({"negative_sent": self.negative_sent, "negative_held": list(self.negative_held)} if self.negative else {}),
        }


CloudFn = Callable[[CloudRequest], Handoff]


def progress_bars(total_by_side: dict[str, int]) -> Callable[[str, int], None]:
    """An `on_step(side, i)` callback drawing one tqdm bar per side ("server", "device") on stderr."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def on_step(side: str, i: int) -> None:
        if side not in bars:
            for other in bars.values():
                other.close()
            bars[side] = tqdm(total=total_by_side.get(side), desc=f"{side} steps", file=sys.stderr, delay=1.0, leave=False)
        bars[side].update(1)

    return on_step


def generate(
    prompt: str,
    mode: str = "obclip",
    pair: str | ModelPair = "default",
    *,
    steps: int | None = None,
    k: int | None = None,
    sampler: str = "dpm",
    seed: int = 0,
    guidance: float | None = None,
    size: int | None = None,
    accel: AccelConfig | None = None,
    group: CandidateGroup | None = None,
    attributes: list[str] | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
    ages: tuple[str, ...] | None = None,
    cloud: CloudFn | None = None,
    count_flops: bool = True,
    on_step: Callable[[str, int], None] | None = None,
    delta_t: int | None = None,
    cloud_prompt: str | None = None,
    progress: bool = False,
    negative: str | None = None,
    plan: SplitPlan | None = None,
) -> GenerationResult:
    """Generates one image for `prompt` in `mode`.

    Args:
        prompt (`str`): the user's prompt; the device conditions its own steps on it (never sent
            in ``obclip``/``vanilla-og`` modes except as the cloud text of one candidate among N).
        mode (`str`, defaults to "obclip"): one of `MODES`.
        pair (`str | ModelPair`, defaults to "default"): registry name or a loaded pair.
        steps (`int`, optional): T; the pair's default if None. For an LCM pair, the device grid.
        k (`int`, optional): switch point; the pair's default if None. Ignored by cloud/device.
            For an LCM pair, the number of steps of the cloud's LCM grid.
        sampler (`str`, defaults to "dpm"): "dpm" or "ddim" (the device's, for an LCM pair).
        seed (`int`, defaults to 0): seed of the shared initial noise.
        guidance (`float`, optional): CFG scale; the pair's default if None.
        size (`int`, optional): image side in pixels; the pair's resolution if None.
        accel (`AccelConfig`, optional): server accelerations (obclip / vanilla-og / hybrid).
        group (`CandidateGroup`, optional): reuse a transformed prompt (retries send the same set).
        attributes (`list[str]`, optional): attributes to protect (all by default).
        max_candidates (`int`, defaults to `DEFAULT_MAX_CANDIDATES`): the candidate budget.
        ages (`tuple[str, ...]`, optional): the age scale; child, young, middle-aged, old by default
            (`obclip.prompts.PAPER_AGES` is the paper's three values).
        cloud (`Callable`, optional): sends a request to a cloud and returns its hand-off;
            the in-process engine by default.
        count_flops (`bool`, defaults to True): count UNet FLOPs on both sides.
        on_step (`Callable[[str, int], None]`, optional): progress callback ("server"/"device", step).
        delta_t (`int`, optional): LCM pairs: device index offset; the pair's default if None.
        cloud_prompt (`str`, optional): ``hybrid`` and ``cloud`` modes: the text sent to the
            cloud when it differs from the device's `prompt` (a canonical wording); `prompt` if None.
        progress (`bool`, defaults to False): draw a progress bar per side on stderr (when `on_step` is None).
        negative (`str`, optional): negative prompt, the unconditional branch of guidance. The device uses it
            whole; in ``obclip``/``vanilla-og`` the cloud gets only its tags free of person and attribute
            words (`obclip.prompts.negative.split_negative`); ``hybrid``/``cloud`` send it as written.
        plan (`SplitPlan`, optional): the split a caller already worked out (the CLI validates it before any
            model loads); then `mode`, `steps`, `k`, `sampler` and `delta_t` are ignored.
    """
    models = load_pair(pair) if isinstance(pair, str) else pair
    if plan is None:
        plan = split_plan(models.spec, mode=mode, steps=steps, k=k, sampler=sampler, delta_t=delta_t)
    guidance = models.spec.guidance if guidance is None else guidance
    size = models.spec.resolution if size is None else size
    candidates, index, factors = _sent(plan, prompt, cloud_prompt, group, attributes, max_candidates, ages)
    negative, sent, held = _negative(plan, negative)
    if progress and on_step is None:
        on_step = progress_bars(plan.progress_totals())
    progress = (lambda side: lambda i: on_step(side, i)) if on_step else (lambda side: None)
    if not plan.uses_cloud:
        dev = run_device(
            models,
            [prompt],
            plan=plan,
            guidance=guidance,
            height=size,
            width=size,
            seeds=[seed],
            count_flops=count_flops,
            on_step=progress("device"),
            negatives=[negative],
        )
        return replace(_result(dev, None, plan, models, seed, guidance, ()), negative=negative, negative_held=held)
    (request,) = cloud_requests(
        plan, [candidates], pair=models.name, seeds=[seed], guidance=guidance, size=size, accel=accel,
        factors=[factors], negatives=[sent],
    )
    if cloud is None:
        handoff = CloudEngine(models, count_flops=count_flops).run(request, on_step=progress("server"))
    else:
        handoff = cloud(request)
    if handoff.request != request:
        raise RuntimeError("the cloud answered a different request")
    dev = finish(
        models, handoff, index, prompt, plan=plan, count_flops=count_flops, on_step=progress("device"), negative=negative
    )
    result = _result(dev, handoff, plan, models, seed, guidance, candidates)
    return replace(result, negative=negative, negative_sent=sent, negative_held=held)


def generate_batch(
    pair: ModelPair,
    prompts: list[str],
    mode: str,
    *,
    steps: int | None = None,
    k: int | None = None,
    sampler: str = "dpm",
    seeds: list[int] | None = None,
    guidance: float | None = None,
    accel: AccelConfig | None = None,
    attributes: list[str] | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
    ages: tuple[str, ...] | None = None,
    groups: list[CandidateGroup] | None = None,
    cloud_prompts: list[str] | None = None,
    delta_t: int | None = None,
    chunk: int = 8,
    negatives: list[str] | None = None,
) -> torch.Tensor:
    """Images for `prompts` in `mode`, in chunks of candidate groups: transform -> the cloud's
    `run_batch` -> the device's `finish_batch`, the path `generate` takes for one prompt
    (FLOPs counting off). Arguments as in `generate`, one per prompt where plural;
    `groups` reuses transformed prompts.

    Returns:
        `torch.Tensor`: (B, 3, H, W) images in [0, 1] at the pair's resolution.
    """
    plan = split_plan(pair.spec, mode=mode, steps=steps, k=k, sampler=sampler, delta_t=delta_t)
    seeds = list(range(len(prompts))) if seeds is None else seeds
    negatives = negatives or [""] * len(prompts)
    split = [_negative(plan, n) for n in negatives]
    named = (("seeds", seeds), ("groups", groups), ("cloud_prompts", cloud_prompts), ("negatives", negatives))
    for name, given in named:
        if given is not None and len(given) != len(prompts):
            raise ValueError(f"{len(given)} {name} for {len(prompts)} prompts")
    guidance = pair.spec.guidance if guidance is None else guidance
    size = pair.spec.resolution
    engine = CloudEngine(pair, count_flops=False)
    images = []
    for start in range(0, len(prompts), chunk):
        part = range(start, min(start + chunk, len(prompts)))
        ps, ss = [prompts[i] for i in part], [seeds[i] for i in part]
        if not plan.uses_cloud:
            images.append(
                run_device(
                    pair, ps, plan=plan, guidance=guidance, height=size, width=size, seeds=ss, count_flops=False,
                    negatives=[split[i][0] for i in part],
                ).image
            )
            continue
        sent = [
            _sent(
                plan, prompts[i], cloud_prompts and cloud_prompts[i], groups and groups[i], attributes, max_candidates, ages
            )
            for i in part
        ]
        requests = cloud_requests(
            plan, [c for c, _, _ in sent], pair=pair.name, seeds=ss, guidance=guidance, size=size, accel=accel,
            factors=[f for _, _, f in sent], negatives=[split[i][1] for i in part],
        )
        handoffs = engine.run_batch(requests)
        dev = finish_batch(
            pair, handoffs, indices=[i for _, i, _ in sent], prompts=ps, plan=plan, negatives=[split[i][0] for i in part]
        )
        images.append(dev.image)
    return torch.cat(images)


def cloud_requests(
    plan: SplitPlan,
    candidates: list[tuple[str, ...]],
    *,
    pair: str,
    seeds: list[int],
    guidance: float,
    size: int,
    accel: AccelConfig | None = None,
    factors: list[tuple[tuple[int, ...], ...]] | None = None,
    negatives: list[str] | None = None,
) -> list[CloudRequest]:
    """The cloud's part of `plan` for each candidate tuple: its grid, its k, the shared settings
    and, where given, the candidates' factor labels (`CandidateGroup.factors`) and the negative prompt
    the cloud may read (already split: `_negative`)."""
    return [
        CloudRequest(
            candidates=c,
            seed=seed,
            steps=plan.cloud_steps,
            k=plan.cloud_k,
            guidance=guidance,
            height=size,
            width=size,
            sampler=plan.cloud_sampler,
            pair=pair,
            accel=accel or AccelConfig(),
            factors=f,
            negative=neg,
        )
        for c, seed, f, neg in zip(
            candidates, seeds, factors or [()] * len(candidates), negatives or [""] * len(candidates), strict=True
        )
    ]


def _negative(plan: SplitPlan, negative: str | None) -> tuple[str, str, tuple[str, ...]]:
    """(the device's negative prompt, the cloud's, the tags held back). In obclip and vanilla-og the cloud
    gets only tags free of person and attribute words; hybrid and cloud send the prompt, and so the negative
    prompt, as written; device sends nothing."""
    negative = (negative or "").strip()
    if not negative or not plan.uses_cloud:
        return negative, "", ()
    if plan.mode in ("obclip", "vanilla-og"):
        from obclip.prompts.negative import split_negative

        split = split_negative(negative)
        return negative, split.cloud, split.held
    return negative, negative, ()


def _sent(
    plan: SplitPlan,
    prompt: str,
    cloud_prompt: str | None,
    group: CandidateGroup | None,
    attributes: list[str] | None,
    max_candidates: int,
    ages: tuple[str, ...] | None = None,
) -> tuple[tuple[str, ...], int, tuple[tuple[int, ...], ...]]:
    """What the cloud gets for `prompt` and where the real candidate sits: the group's order, index
    and factor labels (obclip, vanilla-og), or the cloud text alone (hybrid, cloud)."""
    if not prompt or not prompt.strip():
        raise PlanError("the prompt is empty")
    if plan.mode in ("obclip", "vanilla-og"):
        if cloud_prompt is not None:
            raise PlanError(
                f"cloud_prompt applies to the hybrid and cloud modes; {plan.mode} sends its candidate group"
            )
        group = group or transform(prompt, attributes, max_candidates, ages=ages)
        return group.order, group.real_index, group.factors
    if group is not None:
        raise PlanError(f"mode {plan.mode} sends no candidate group")
    return (prompt if cloud_prompt is None else cloud_prompt,), 0, ()


def _result(
    dev: DeviceResult,
    handoff: Handoff | None,
    plan: SplitPlan,
    models: ModelPair,
    seed: int,
    guidance: float,
    candidates: tuple[str, ...],
) -> GenerationResult:
    return GenerationResult(
        image=dev.image if dev.image.dim() == 3 else dev.image[0],
        latent=dev.latent,
        mode=plan.mode,
        pair=models.name,
        steps=plan.steps,
        k=plan.cloud_k,
        seed=seed,
        guidance=guidance,
        sampler=plan.sampler,
        n_candidates=len(candidates),
        server_flops=handoff.server_flops if handoff else 0,
        device_flops=dev.device_flops,
        server_seconds=handoff.server_seconds if handoff else 0.0,
        device_seconds=dev.device_seconds,
        candidates=candidates,
        flops_per_step={"server": list(handoff.flops_per_step) if handoff else [], "device": list(dev.flops_per_step)},
        cloud_grid=plan.grid_summary(),
    )


def to_pil(image: torch.Tensor):
    """(3, H, W) float image in [0, 1] -> PIL RGB image."""
    from PIL import Image

    array = (image.clamp(0, 1) * 255).round().to(torch.uint8).permute(1, 2, 0).numpy()
    return Image.fromarray(array)
