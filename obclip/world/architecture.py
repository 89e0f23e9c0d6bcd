"""Architectures of the embedded default pair, as data.

One frozen VAE (64x64 RGB <-> 4x16x16 latents) and one frozen MiniLM text encoder are shared
by a cloud UNet and a device UNet. The device UNet follows BK-SDM: narrower, one layer per
block and no mid block. Both add a pooled text embedding to the time embedding
(``addition_embed_type="text"``), which lets global attributes such as skin tone be learnt
quickly from the text; they remain plain ``UNet2DConditionModel`` instances.
"""

from __future__ import annotations

from typing import Any

from obclip.models.registry import SD_SCHEDULER_CONFIG

TEXT_MAX_LENGTH = 32
TEXT_DIM = 384
IMAGE_SIZE = 64
LATENT_SIZE = 16

VAE_CONFIG: dict[str, Any] = {
    "in_channels": 3,
    "out_channels": 3,
    "down_block_types": ["DownEncoderBlock2D"] * 3,
    "up_block_types": ["UpDecoderBlock2D"] * 3,
    "block_out_channels": [32, 64, 128],
    "layers_per_block": 1,
    "latent_channels": 4,
    "norm_num_groups": 16,
    "sample_size": IMAGE_SIZE,
    "mid_block_add_attention": False,
}

_UNET_COMMON: dict[str, Any] = {
    "sample_size": LATENT_SIZE,
    "in_channels": 4,
    "out_channels": 4,
    "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"],
    "up_block_types": ["CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"],
    "cross_attention_dim": TEXT_DIM,
    "attention_head_dim": 8,
    "norm_num_groups": 16,
    "addition_embed_type": "text",
    "addition_embed_type_num_heads": 8,
}

CLOUD_UNET_CONFIG: dict[str, Any] = {
    **_UNET_COMMON,
    "block_out_channels": [64, 128, 192],
    "layers_per_block": 2,
    "mid_block_type": "UNetMidBlock2DCrossAttn",
}

DEVICE_UNET_CONFIG: dict[str, Any] = {
    **_UNET_COMMON,
    "block_out_channels": [32, 64, 128],
    "layers_per_block": 1,
    "mid_block_type": None,
}

# Stable Diffusion's training noise schedule, so the pair behaves like an SD-1.x pair.
SCHEDULER_CONFIG: dict[str, Any] = SD_SCHEDULER_CONFIG
