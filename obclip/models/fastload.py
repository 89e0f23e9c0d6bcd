"""Loading the embedded pair's diffusers models without the rest of diffusers.

`from diffusers import UNet2DConditionModel` runs the package ``__init__`` of
`diffusers.models.unets`, `.transformers` and `.autoencoders`, which import every model family
diffusers ships (audio, video and DiT transformers, their loaders, scipy): over a second of a
CLI command that needs two classes. `diffusers_classes` imports only the two modules that define
them, with the three package ``__init__`` files replaced by empty namespace packages *while it
imports*; the placeholders are removed afterwards, so a later ``import diffusers.models.unets``
in the same process runs the real ``__init__`` and finds the very same classes.

`build` skips `from_pretrained` too (hub-path validation, per-file checks): the model is built
on the meta device from its config and the weights of the single safetensors file are assigned
to it, cast to float32 (fp16 on disk, slow fp16 kernels on the CPU). Strict loading fails on any
missing or unexpected key, so a folder this shortcut cannot read fails loudly.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
import types
from pathlib import Path
from typing import Any

import torch

_LIGHT_PACKAGES = ("diffusers.models.transformers", "diffusers.models.unets", "diffusers.models.autoencoders")


def diffusers_classes() -> tuple[type, type]:
    """(`UNet2DConditionModel`, `AutoencoderKL`), importing only the modules defining them."""
    done = sys.modules.get("diffusers.models.unets.unet_2d_condition")
    if done is None:
        root = Path(importlib.util.find_spec("diffusers").origin).parent  # type: ignore[arg-type,union-attr]
        placeholders = {}
        for name in _LIGHT_PACKAGES:
            if name not in sys.modules:  # a real package already imported stays as it is
                module = types.ModuleType(name)
                module.__path__ = [str(root.joinpath(*name.split(".")[1:]))]
                placeholders[name] = sys.modules[name] = module
        try:
            importlib.import_module("diffusers.models.unets.unet_2d_condition")
            importlib.import_module("diffusers.models.autoencoders.autoencoder_kl")
        finally:
            for name, module in placeholders.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
    unet = sys.modules["diffusers.models.unets.unet_2d_condition"].UNet2DConditionModel
    vae = sys.modules["diffusers.models.autoencoders.autoencoder_kl"].AutoencoderKL
    return unet, vae


def build(cls: type, folder: Path) -> Any:
    """An eval-mode float32 `cls` from `folder`'s config.json and diffusion_pytorch_model.safetensors."""
    from safetensors.torch import load_file

    config = json.loads((folder / "config.json").read_text())
    with torch.device("meta"):  # no random init of weights about to be overwritten
        model = cls.from_config(config)
    weights = {k: v.float() for k, v in load_file(folder / "diffusion_pytorch_model.safetensors").items()}
    model.load_state_dict(weights, strict=True, assign=True)
    return model.eval()
