"""Tiny random pairs in SD-1.x / BK-SDM and SDXL / Koala shapes, built in-process for tests.

No download: the CLIP tokenizer is built locally as a byte-level BPE vocabulary with no
merges (every byte is a token, as in OpenAI's SimpleTokenizer before merges), which is
enough for distinct prompts to give distinct conditionings. Weights are seeded, so two
processes build bit-identical pairs (the HTTP tests rely on it).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import torch

from obclip.models.registry import SD_SCHEDULER_CONFIG, PairSpec

_TEXT_DIM = 32
_MAX_LENGTH = 16


def _bytes_to_unicode() -> list[str]:
    """OpenAI CLIP's reversible byte -> printable-character table."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs, n = bs[:], 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return [chr(c) for c in cs]


@cache
def local_clip_tokenizer(max_length: int = _MAX_LENGTH):
    """A CLIPTokenizer with CLIP's byte alphabet and special tokens but no merges (514 tokens)."""
    from transformers import CLIPTokenizer

    chars = _bytes_to_unicode()
    vocab = chars + [c + "</w>" for c in chars] + ["<|startoftext|>", "<|endoftext|>"]
    folder = Path(tempfile.mkdtemp(prefix="obclip-tok-"))
    (folder / "vocab.json").write_text(json.dumps({tok: i for i, tok in enumerate(vocab)}))
    (folder / "merges.txt").write_text("#version: 0.2\n")
    return CLIPTokenizer(
        str(folder / "vocab.json"), str(folder / "merges.txt"), pad_token="<|endoftext|>", model_max_length=max_length
    )


def _text_encoder(with_projection: bool, seed: int) -> torch.nn.Module:
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection

    torch.manual_seed(seed)
    config = CLIPTextConfig(
        vocab_size=514,
        hidden_size=_TEXT_DIM,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        max_position_embeddings=_MAX_LENGTH,
        projection_dim=_TEXT_DIM,
        bos_token_id=512,
        eos_token_id=513,
        pad_token_id=513,
    )
    cls = CLIPTextModelWithProjection if with_projection else CLIPTextModel
    return cls(config).eval()


def _unet(device: bool, sdxl: bool, seed: int, guidance_dim: int | None = None) -> torch.nn.Module:
    from diffusers import UNet2DConditionModel

    torch.manual_seed(seed)
    kwargs: dict = {
        "sample_size": 8,
        "in_channels": 4,
        "out_channels": 4,
        "norm_num_groups": 8,
        "block_out_channels": (16, 32),
        "attention_head_dim": 4,
        "down_block_types": ("DownBlock2D", "CrossAttnDownBlock2D"),
        "up_block_types": ("CrossAttnUpBlock2D", "UpBlock2D"),
        "cross_attention_dim": 2 * _TEXT_DIM if sdxl else _TEXT_DIM,
        "layers_per_block": 1 if device else 2,
        "mid_block_type": None if device else "UNetMidBlock2DCrossAttn",
        "time_cond_proj_dim": guidance_dim,
    }
    if sdxl:
        kwargs.update(
            addition_embed_type="text_time",
            addition_time_embed_dim=8,
            projection_class_embeddings_input_dim=_TEXT_DIM + 6 * 8,
            transformer_layers_per_block=(1, 2 if not device else 1),
        )
    return UNet2DConditionModel(**kwargs).eval()


def _vae(seed: int) -> torch.nn.Module:
    from diffusers import AutoencoderKL

    torch.manual_seed(seed)
    return AutoencoderKL(
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D",) * 3,
        up_block_types=("UpDecoderBlock2D",) * 3,
        block_out_channels=(8, 8, 8),
        latent_channels=4,
        norm_num_groups=4,
        sample_size=32,
    ).eval()


@dataclass(frozen=True)
class TinyComponents:
    """The parts `obclip.models.pair.load_pair` assembles into a `ModelPair`."""

    tokenizers: list[Any]
    encoders: list[torch.nn.Module]
    max_length: int
    sdxl: bool
    cloud_unet: torch.nn.Module
    device_unet: torch.nn.Module
    vae: torch.nn.Module
    scheduler_config: dict[str, Any]


def tiny_components(spec: PairSpec) -> TinyComponents:
    """The random pair `spec` describes (family tiny-sd1 or tiny-sdxl); 32x32 images, 8x8 latents.
    An LCM pair's cloud UNet embeds the guidance scale, as LCM-SDXL's does."""
    sdxl = spec.family == "tiny-sdxl"
    tokenizer = local_clip_tokenizer()
    encoders = [_text_encoder(False, 10)] + ([_text_encoder(True, 11)] if sdxl else [])
    cloud = _unet(False, sdxl, 20, guidance_dim=16 if spec.cloud_sampler == "lcm" else None)
    return TinyComponents(
        tokenizers=[tokenizer] * len(encoders),
        encoders=encoders,
        max_length=_MAX_LENGTH,
        sdxl=sdxl,
        cloud_unet=cloud,
        device_unet=_unet(True, sdxl, 21),
        vae=_vae(30),
        scheduler_config=dict(SD_SCHEDULER_CONFIG),
    )
