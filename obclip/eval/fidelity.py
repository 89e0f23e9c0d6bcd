"""Paired fidelity: every candidate's final image under an acceleration policy against the exact path.

FID on a few dozen 64-px images cannot tell two acceleration settings apart (its noise is larger than
their difference); a paired measure can. For one prompt and seed, the same candidate group goes to the
cloud twice, once with `AccelConfig.exact()` and once with the policy under test, in the same order, and
every candidate is finished on the device (the real one on the user's words, a decoy on its own text).
Each pair of final images gives a PSNR (dB, images in [0, 1]) and an SSIM (Gaussian window 11, sigma
1.5, on luma). Reported for the real candidate (the user's image) and over all candidates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from obclip.cloud.engine import CloudEngine
from obclip.config import AccelConfig
from obclip.device.finisher import finish_batch
from obclip.generate import cloud_requests
from obclip.models.pair import ModelPair
from obclip.plan import SplitPlan, split_plan
from obclip.prompts import CandidateGroup, transform
from obclip.protocol import Handoff

PSNR_CAP = 100.0  # identical images: reported as 100 dB, not infinity, so that means stay finite


def psnr(a: torch.Tensor, b: torch.Tensor) -> float:
    """Peak signal-to-noise ratio of two images in [0, 1], in dB (capped at `PSNR_CAP`)."""
    mse = float(((a.clamp(0, 1) - b.clamp(0, 1)) ** 2).mean())
    return PSNR_CAP if mse == 0 else min(PSNR_CAP, 10 * math.log10(1.0 / mse))


def ssim(a: torch.Tensor, b: torch.Tensor, window: int = 11, sigma: float = 1.5) -> float:
    """Structural similarity of two (3, H, W) images in [0, 1], on luma (Wang et al. 2004's constants)."""
    weights = torch.tensor([0.299, 0.587, 0.114]).view(3, 1, 1)
    x, y = ((img.clamp(0, 1) * weights).sum(0)[None, None] for img in (a, b))
    g = torch.exp(-((torch.arange(window) - window // 2) ** 2) / (2 * sigma**2))
    kernel = (g[:, None] * g[None, :] / g.sum() ** 2)[None, None]

    def blur(t: torch.Tensor) -> torch.Tensor:
        return F.conv2d(t, kernel)

    mx, my = blur(x), blur(y)
    vx, vy, cov = blur(x * x) - mx**2, blur(y * y) - my**2, blur(x * y) - mx * my
    c1, c2 = 0.01**2, 0.03**2
    s = ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx**2 + my**2 + c1) * (vx + vy + c2))
    return float(s.mean())


@dataclass(frozen=True)
class Fidelity:
    """PSNR and SSIM of a policy against the exact path, over prompts (real) and candidates (all).

    Attributes:
        real_psnr (`tuple[float, ...]`), real_ssim: one value per prompt, the real candidate's.
        all_psnr (`tuple[float, ...]`), all_ssim: one value per candidate of every prompt.
        server_flops (`int`), exact_flops (`int`): counted cloud FLOPs of the policy and of the exact path.
    """

    real_psnr: tuple[float, ...]
    real_ssim: tuple[float, ...]
    all_psnr: tuple[float, ...]
    all_ssim: tuple[float, ...]
    server_flops: int
    exact_flops: int

    def __post_init__(self) -> None:
        if not self.real_psnr or len(self.all_psnr) < len(self.real_psnr):
            raise ValueError("fidelity needs at least one prompt and its candidates")

    def summary(self) -> dict[str, float]:
        mean = lambda v: sum(v) / len(v)  # noqa: E731
        return {
            "real_psnr_mean": mean(self.real_psnr),
            "real_psnr_worst": min(self.real_psnr),
            "real_ssim_mean": mean(self.real_ssim),
            "all_psnr_mean": mean(self.all_psnr),
            "all_psnr_worst": min(self.all_psnr),
            "all_ssim_worst": min(self.all_ssim),
        }


def final_images(
    pair: ModelPair, engine: CloudEngine, plan: SplitPlan, group: CandidateGroup, seed: int, accel: AccelConfig
) -> tuple[torch.Tensor, Handoff]:
    """Every candidate's final image (in the group's order) under `accel`, the device finishing each from its
    own latent with the words it would use (the user's own for the real one), and the cloud's answer."""
    (request,) = cloud_requests(
        plan, [group.order], pair=pair.name, seeds=[seed], guidance=pair.spec.guidance,
        size=pair.spec.resolution, accel=accel, factors=[group.factors],
    )  # fmt: skip
    handoff = engine.run(request)
    texts = [group.prompt if j == group.real_index else c for j, c in enumerate(group.order)]
    finished = finish_batch(pair, [handoff] * group.n, indices=range(group.n), prompts=texts, plan=plan)
    return finished.image, handoff


def paired_fidelity(
    pair: ModelPair,
    prompts: Sequence[str],
    policy: AccelConfig,
    *,
    k: int | None = None,
    steps: int | None = None,
    seed: int = 0,
    attributes: list[str] | None = None,
    ages: tuple[str, ...] | None = None,
) -> Fidelity:
    """Runs each prompt's candidate group exactly and under `policy` and compares every final image."""
    plan = split_plan(pair.spec, mode="obclip", steps=steps, k=k)
    engine = CloudEngine(pair)
    real_psnr, real_ssim, all_psnr, all_ssim, flops, exact_flops = [], [], [], [], 0, 0
    for i, prompt in enumerate(prompts):
        group = transform(prompt, attributes, ages=ages)
        images = []
        for accel in (AccelConfig.exact(), policy):
            finished, handoff = final_images(pair, engine, plan, group, seed + i, accel)
            images.append(finished)
            if accel.mode == "none":
                exact_flops += handoff.server_flops
            else:
                flops += handoff.server_flops
        for j in range(group.n):
            p, s = psnr(images[0][j], images[1][j]), ssim(images[0][j], images[1][j])
            all_psnr.append(p)
            all_ssim.append(s)
            if j == group.real_index:
                real_psnr.append(p)
                real_ssim.append(s)
    return Fidelity(tuple(real_psnr), tuple(real_ssim), tuple(all_psnr), tuple(all_ssim), flops, exact_flops)
