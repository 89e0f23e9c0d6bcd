"""Loading the embedded pair's diffusers models without the rest of diffusers.

`from diffusers import UNet2DConditionModel` runs the package ``__init__`` of
`diffusers.models.unets`, `.transformers` and `.autoencoders`, which import every model family
diffusers ships (audio, video and DiT transformers, their loaders, scipy): over a second of a
CLI command that needs two classes. `diffusers_classes` imports only the two modules that define
them, with the three package ``__init__`` files replaced by empty namespace packages *while it
imports*; the placeholders are removed afterwards, so a later ``import diffusers.models.unets``
in the same process runs the real ``__init__`` and finds the very same classes. `transformers.models`
gets the same treatment (`light_packages`): its ``__init__`` reads the source of all ~560 model
families to index them (0.19 s), and both the diffusers import (through its quantizer configs) and
the MiniLM text encoder (`obclip.models.text.load_minilm`) reach into it for one or two families.

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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import torch

# package __init__ files that only import or index every model family a library ships
_DIFFUSERS_PACKAGES = ("diffusers.models.transformers", "diffusers.models.unets", "diffusers.models.autoencoders")
TRANSFORMERS_MODELS = "transformers.models"


@contextmanager
def light_packages(*names: str) -> Iterator[None]:
    """While the block runs, each package of `names` not imported yet is an empty namespace package on its
    folder, so importing one of its submodules skips the package ``__init__``; the placeholders are then
    removed, and a later ``import`` of a package runs its real ``__init__`` (which finds the submodules
    already loaded in ``sys.modules``). A package already imported stays as it is. The placeholders are
    process-wide while the block runs: another thread importing a submodule meanwhile gets it through the
    placeholder's folder too (the same module); only a name read from the package itself would be missing."""
    placeholders = {}
    for name in names:
        if name in sys.modules:
            continue
        top, *rest = name.split(".")
        spec = importlib.util.find_spec(top)  # a top-level spec: finds, imports nothing
        if spec is None or not spec.submodule_search_locations:
            continue  # not installed: the import inside the block fails as it would have
        module = types.ModuleType(name)
        module.__path__ = [str(Path(spec.submodule_search_locations[0]).joinpath(*rest))]
        placeholders[name] = sys.modules[name] = module
    try:
        yield
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def diffusers_classes() -> tuple[type, type]:
    """(`UNet2DConditionModel`, `AutoencoderKL`), importing only the modules defining them."""
    if "diffusers.models.unets.unet_2d_condition" not in sys.modules:
        # the diffusers import reaches transformers.models.auto through its quantizer configs
        with light_packages(*_DIFFUSERS_PACKAGES, TRANSFORMERS_MODELS):
            importlib.import_module("diffusers.models.unets.unet_2d_condition")
            importlib.import_module("diffusers.models.autoencoders.autoencoder_kl")
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
