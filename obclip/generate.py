"""Every baseline of the paper through one code path: cloud, device, hybrid, obclip, vanilla-og.

- ``cloud``: the large UNet runs all T steps on the real prompt (N = 1).
- ``device``: the small UNet runs all T steps on the device; nothing is sent.
- ``hybrid``: Hybrid SD, the real prompt alone, cloud steps [0, k) then device steps [k, T).
- ``obclip``: the N candidates on the cloud for [0, k), the device keeps the real one.
- ``vanilla-og``: the N candidates on the cloud for all T steps; the device picks and decodes.

For a pair whose cloud model is consistency-distilled (LCM), the cloud runs k steps of its own
short grid and the device resumes its T-step grid at index k + delta-t (`resume_plan`); the
``cloud`` and ``vanilla-og`` modes run the whole LCM grid and the device only decodes.

`generate` is the one-call API; the CLI and the benchmarks use it. A `cloud` callable lets
the same flow run against the HTTP server instead of the in-process engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import torch

from obclip.cloud.engine import CloudEngine
from obclip.device.finisher import DeviceResult, finish, resume_plan, run_device
from obclip.models.pair import ModelPair, load_pair
from obclip.prompts import CandidateGroup, transform
from obclip.protocol import AccelConfig, CloudRequest, Handoff
from obclip.sampling import SamplerState

MODES = ("obclip", "hybrid", "cloud", "device", "vanilla-og")


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
            step it resumed at (k + delta-t).
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

    def summary(self) -> dict:
        """The JSON fields of ``obclip generate --json`` (without `image`)."""
        return {
            "mode": self.mode, "pair": self.pair, "steps": self.steps, "k": self.k, "n_candidates": self.n_candidates,
            "seed": self.seed, "guidance": self.guidance, "scheduler": self.sampler,
            "server_flops": self.server_flops, "device_flops": self.device_flops,
            "server_seconds": round(self.server_seconds, 4), "device_seconds": round(self.device_seconds, 4),
            **self.cloud_grid,
        }  # fmt: skip


CloudFn = Callable[[CloudRequest], Handoff]


def generate(
    prompt: str,
    mode: str = "obclip",
    pair: str | ModelPair = "default",
    steps: int | None = None,
    k: int | None = None,
    sampler: str = "dpm",
    seed: int = 0,
    guidance: float | None = None,
    size: int | None = None,
    accel: AccelConfig | None = None,
    group: CandidateGroup | None = None,
    attributes: list[str] | None = None,
    cloud: CloudFn | None = None,
    count_flops: bool = True,
    on_step: Callable[[str, int], None] | None = None,
    delta_t: int | None = None,
) -> GenerationResult:
    """Generates one image for `prompt` in `mode`.

    Args:
        prompt (`str`): the real prompt (never sent in ``obclip``/``vanilla-og`` modes except as
            one candidate among N).
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
        cloud (`Callable`, optional): sends a request to a cloud and returns its hand-off;
            the in-process engine by default.
        count_flops (`bool`, defaults to True): count UNet FLOPs on both sides.
        on_step (`Callable[[str, int], None]`, optional): progress callback ("server"/"device", step).
        delta_t (`int`, optional): LCM pairs: device index offset; the pair's default if None.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    if not prompt or not prompt.strip():
        raise ValueError("the prompt is empty")
    models = load_pair(pair) if isinstance(pair, str) else pair
    spec = models.spec
    steps = spec.steps if steps is None else steps
    # the grid the cloud runs: the device's own, or a distilled model's short one (LCM)
    cloud_sampler, cloud_steps = (spec.cloud_sampler, spec.cloud_steps) if spec.cloud_sampler else (sampler, steps)
    k = min(spec.k, cloud_steps) if k is None else k
    guidance = spec.guidance if guidance is None else guidance
    size = spec.resolution if size is None else size
    if steps < 1:
        raise ValueError(f"steps must be >= 1, got {steps}")
    if not 0 <= k <= cloud_steps:
        raise ValueError(f"k must lie in [0, {cloud_steps}] (the cloud's {cloud_sampler} grid), got {k}")
    progress = (lambda side: lambda i: on_step(side, i)) if on_step else (lambda side: None)

    if mode == "device":
        dev = run_device(models, None, SamplerState(), 0, prompt, sampler, steps, guidance, size, size,
                         count_flops, progress("device"), seed=seed)  # fmt: skip
        return _result(dev, None, mode, models, steps, 0, seed, guidance, sampler, ())

    if mode in ("obclip", "vanilla-og"):
        group = group or transform(prompt, attributes)
        candidates, index = group.order, group.real_index
    else:
        candidates, index = (prompt,), 0
    cloud_k = {"cloud": cloud_steps, "vanilla-og": cloud_steps}.get(mode, k)
    request = CloudRequest(
        candidates, seed, cloud_steps, cloud_k, guidance, size, size, cloud_sampler, models.name, accel or AccelConfig()
    )
    plan = resume_plan(models, request, steps, sampler, delta_t)  # before sending: a bad delta-t fails early
    if cloud is None:
        engine = CloudEngine(models, count_flops=count_flops)
        handoff = engine.run(request, on_step=progress("server"))
    else:
        handoff = cloud(request)
    if handoff.request != request:
        raise RuntimeError("the cloud answered a different request")
    dev = finish(models, handoff, index, prompt, count_flops, progress("device"), plan)
    result = _result(dev, handoff, mode, models, steps, cloud_k, seed, guidance, sampler, candidates)
    if cloud_sampler == sampler and cloud_steps == steps:
        return result
    grid = {"cloud_scheduler": cloud_sampler, "cloud_steps": cloud_steps, "device_start": plan.start}
    return replace(result, cloud_grid=grid)


def _result(
    dev: DeviceResult, handoff: Handoff | None, mode: str, models: ModelPair, steps: int, k: int, seed: int,
    guidance: float, sampler: str, candidates: tuple[str, ...],
) -> GenerationResult:  # fmt: skip
    return GenerationResult(
        image=dev.image, latent=dev.latent, mode=mode, pair=models.name, steps=steps, k=k, seed=seed,
        guidance=guidance, sampler=sampler, n_candidates=len(candidates),
        server_flops=handoff.server_flops if handoff else 0, device_flops=dev.device_flops,
        server_seconds=handoff.server_seconds if handoff else 0.0, device_seconds=dev.device_seconds,
        candidates=candidates,
        flops_per_step={"server": list(handoff.flops_per_step) if handoff else [], "device": list(dev.flops_per_step)},
    )  # fmt: skip


def to_pil(image: torch.Tensor):
    """(3, H, W) float image in [0, 1] -> PIL RGB image."""
    from PIL import Image

    array = (image.clamp(0, 1) * 255).round().to(torch.uint8).permute(1, 2, 0).numpy()
    return Image.fromarray(array)
