"""Loaded model pairs: the components one request needs on the cloud and on the device.

`load_pair(name)` assembles a `ModelPair` from the registry: the embedded default from the
package folder, real pairs from the local Hugging Face cache (a one-line `PairUnavailable`
error says which weights are missing and how to get them), tiny pairs in-process.
Loaded pairs are cached per process; they are read-only during generation.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from obclip.models.registry import PairSpec, get_spec
from obclip.models.text import PromptEmbeddings, encode_sdxl, encode_single

DEFAULT_DIR = Path(__file__).resolve().parent / "default"


def default_dir() -> Path:
    """Folder of the embedded default pair (``OBCLIP_DEFAULT_DIR`` overrides it)."""
    return Path(os.environ.get("OBCLIP_DEFAULT_DIR", DEFAULT_DIR))


class PairUnavailable(RuntimeError):
    """The weights of a registered pair are not on this machine."""


@dataclass
class TextStack:
    """Tokenizer(s) and text encoder(s) of a pair; calling it encodes prompts."""

    tokenizers: list[Any]
    encoders: list[torch.nn.Module]
    max_length: int = 77
    sdxl: bool = False

    def __call__(self, prompts: list[str]) -> PromptEmbeddings:
        if self.sdxl:
            return encode_sdxl(self.tokenizers, self.encoders, prompts)
        return PromptEmbeddings(encode_single(self.tokenizers[0], self.encoders[0], prompts, self.max_length))


@dataclass
class ModelPair:
    """Everything both parties load. The cloud uses `text`, `cloud_unet`; the device `text`,
    `device_unet`, `vae`. Components are float32 on the CPU unless moved by the caller."""

    spec: PairSpec
    text: TextStack
    cloud_unet: torch.nn.Module
    device_unet: torch.nn.Module
    vae: torch.nn.Module
    scheduler_config: dict[str, Any] = field(repr=False)

    @property
    def name(self) -> str:
        return self.spec.name

    def to(self, device: str | torch.device) -> ModelPair:
        """Moves every component to `device` (in place: `load_pair` hands out one pair per process)."""
        device = torch.device(device)
        for module in (*self.text.encoders, self.cloud_unet, self.device_unet, self.vae):
            module.to(device)
        return self

    @property
    def latent_scale(self) -> int:
        return 2 ** (len(self.vae.config.block_out_channels) - 1)

    def latent_shape(self, height: int, width: int) -> tuple[int, int, int]:
        """(C, h, w) of the latent for an image of `height` x `width` pixels."""
        s = self.latent_scale
        if height % s or width % s:
            raise ValueError(f"image size {height}x{width} must be a multiple of {s} for pair {self.name}")
        return (self.cloud_unet.config.in_channels, height // s, width // s)

    def added_conditions(self, emb: PromptEmbeddings, height: int, width: int) -> dict[str, torch.Tensor] | None:
        """SDXL's extra UNet inputs (pooled text and size/crop time ids); None for SD-1.x."""
        if emb.pooled is None:
            return None
        ids = torch.tensor([[height, width, 0, 0, height, width]], dtype=emb.pooled.dtype, device=emb.pooled.device)
        return {"text_embeds": emb.pooled, "time_ids": ids.repeat(len(emb), 1)}

    @torch.no_grad()
    def decode(self, latents: torch.Tensor) -> torch.Tensor:
        """VAE-decodes scaled latents to images in [0, 1], (B, 3, H, W) float32 on the CPU."""
        param = next(self.vae.parameters())
        images = self.vae.decode(latents.to(param.device, param.dtype) / self.vae.config.scaling_factor).sample
        return (images.float().cpu() / 2 + 0.5).clamp(0, 1)


def _split(ref: str) -> tuple[str, str | None]:
    """"repo[:subfolder]" -> (repo, subfolder); a folder path may hold a colon of its own ("C:\\models")."""
    repo, sep, sub = ref.rpartition(":")
    if not sep or not sub or "/" in sub or "\\" in sub:
        return ref, None
    return repo, sub


def _from_hub(spec: PairSpec) -> ModelPair:
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from transformers import CLIPTextModel, CLIPTextModelWithProjection, CLIPTokenizer

    local_only = os.environ.get("OBCLIP_ALLOW_DOWNLOAD") != "1"

    def load(cls: Any, ref: str, default_sub: str | None = None) -> Any:
        repo, sub = _split(ref)
        return cls.from_pretrained(repo, subfolder=sub or default_sub, local_files_only=local_only)

    try:
        tokenizers = [load(CLIPTokenizer, spec.base, "tokenizer")]
        encoders = [load(CLIPTextModel, spec.base, "text_encoder")]
        if spec.family == "sdxl":
            tokenizers.append(load(CLIPTokenizer, spec.base, "tokenizer_2"))
            encoders.append(load(CLIPTextModelWithProjection, spec.base, "text_encoder_2"))
        vae = load(AutoencoderKL, spec.vae or spec.base, None if spec.vae else "vae")
        cloud, device = load(UNet2DConditionModel, spec.cloud_unet), load(UNet2DConditionModel, spec.device_unet)
        from diffusers import DDIMScheduler

        scheduler_config = dict(
            DDIMScheduler.load_config(spec.base, subfolder="scheduler", local_files_only=local_only)
        )
    except (OSError, ValueError) as exc:
        raise PairUnavailable(_unavailable(spec, local_only, exc)) from None
    text = TextStack(tokenizers, [e.eval() for e in encoders], tokenizers[0].model_max_length, spec.family == "sdxl")
    return ModelPair(spec, text, cloud.eval(), device.eval(), vae.eval(), scheduler_config)


def _unavailable(spec: PairSpec, local_only: bool, exc: Exception) -> str:
    """Why a hub or folder pair did not load, and the one thing to do about it."""
    cause = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}" if str(exc) else type(exc).__name__
    if spec.name.startswith("local:"):
        return f"pair {spec.name!r} ({spec.note}) did not load ({cause})"
    if not local_only:
        return (f"pair {spec.name!r}: downloading {', '.join(spec.hub_ids())} failed (OBCLIP_ALLOW_DOWNLOAD=1 is set; "
                f"no connection to the Hugging Face hub?) ({cause})")  # fmt: skip
    return (f"pair {spec.name!r} needs {', '.join(spec.hub_ids())} in the Hugging Face cache; fetch them on a "
            f"connected machine with `hf download <id>` (from huggingface_hub), or set OBCLIP_ALLOW_DOWNLOAD=1 to let "
            f"obclip download them, or pass local folders as --pair CLOUD_DIR+DEVICE_DIR ({cause})")  # fmt: skip


def _embedded(spec: PairSpec) -> ModelPair:
    import json

    from obclip.models.fastload import build, diffusers_classes
    from obclip.models.text import load_minilm

    folder = default_dir()
    if not (folder / "cloud_unet").exists():
        raise PairUnavailable(
            f"the embedded default pair is missing from {folder}; train it with scripts/train_default.sh"
        )
    unet_cls, vae_cls = diffusers_classes()
    tokenizer, encoder = load_minilm()
    cloud, device, vae = (
        build(unet_cls, folder / "cloud_unet"),
        build(unet_cls, folder / "device_unet"),
        build(vae_cls, folder / "vae"),
    )
    scheduler_config = json.loads((folder / "scheduler_config.json").read_text())
    text_config = json.loads((folder / "text_config.json").read_text())  # shipped with the weights it was trained with
    text = TextStack([tokenizer], [encoder], text_config["max_length"])
    return ModelPair(spec, text, cloud, device, vae, scheduler_config)


@functools.cache
def load_pair(name: str) -> ModelPair:
    """Loads (once per process) the registered pair `name`.

    Raises:
        KeyError: `name` is not registered.
        PairUnavailable: its weights are not on this machine.
    """
    spec = get_spec(name)
    if spec.family == "embedded":
        return _embedded(spec)
    if spec.family.startswith("tiny"):  # test-only: imported when a tiny pair is asked for
        from obclip.models.tiny import tiny_components

        parts = tiny_components(spec)
        text = TextStack(parts.tokenizers, parts.encoders, parts.max_length, parts.sdxl)
        return ModelPair(spec, text, parts.cloud_unet, parts.device_unet, parts.vae, parts.scheduler_config)
    return _from_hub(spec)
