"""Model pairs as data: which cloud and device UNets share a latent space, and how to run them.

Every pair shares one VAE, one text encoder stack and one noise schedule between its two
UNets (the device UNet is distilled or pruned from the cloud one). Real pairs load from the
Hugging Face cache by id (`obclip.models.pair.load_pair`); nothing is downloaded unless the
user sets ``OBCLIP_ALLOW_DOWNLOAD=1``. ``default`` is the embedded pair trained by
``scripts/train_default.sh``; the ``tiny-*`` pairs are random, built in-process, for tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Family = Literal["sd1", "sdxl", "embedded", "tiny-sd1", "tiny-sdxl"]

# Stable Diffusion's training noise schedule (a diffusers scheduler config): the embedded pair is
# trained on it (`obclip.world.train` ships it with the weights) and the tiny pairs use it.
SD_SCHEDULER_CONFIG: dict[str, Any] = {
    "num_train_timesteps": 1000,
    "beta_start": 0.00085,
    "beta_end": 0.012,
    "beta_schedule": "scaled_linear",
    "prediction_type": "epsilon",
    "clip_sample": False,
    "set_alpha_to_one": False,
    "steps_offset": 1,
    "timestep_spacing": "leading",
}


@dataclass(frozen=True)
class PairSpec:
    """One cloud/device pair.

    Attributes:
        name (`str`): registry key used by `--pair`.
        family (`Family`): how the components are assembled.
        base (`str`): repo id (or folder) holding the VAE, text encoder(s), tokenizer(s), scheduler.
        cloud_unet (`str`): "repo[:subfolder]" of the large UNet.
        device_unet (`str`): "repo[:subfolder]" of the small UNet.
        resolution (`int`): image side in pixels.
        steps (`int`, defaults to 25): default number of denoising steps T.
        k (`int`, defaults to 10): default switch point (cloud steps run; on the cloud grid).
        guidance (`float`, defaults to 7.0): default classifier-free guidance scale.
        vae (`str | None`): "repo[:subfolder]" of the VAE when `base` has none.
        cloud_sampler (`str | None`): sampler of the cloud UNet when it differs (LCM).
        cloud_steps (`int | None`): length of the cloud grid when it differs from the device's.
        device_timestep_offset (`int`, defaults to 0): the paper's delta-t, an index offset on
            the device grid at which the device resumes (LCM-SDXL + Koala: 8).
        note (`str`): where the weights come from.
    """

    name: str
    family: Family
    base: str
    cloud_unet: str
    device_unet: str
    resolution: int
    steps: int = 25
    k: int = 10
    guidance: float = 7.0
    vae: str | None = None
    cloud_sampler: str | None = None
    cloud_steps: int | None = None
    device_timestep_offset: int = 0
    note: str = ""

    def __post_init__(self) -> None:
        if not 0 < self.k < self.steps:
            raise ValueError(f"pair {self.name}: default k={self.k} must lie in (0, steps={self.steps})")
        if self.resolution % 8:
            raise ValueError(f"pair {self.name}: resolution {self.resolution} is not a multiple of 8")
        if (self.cloud_sampler is None) != (self.cloud_steps is None) or self.cloud_sampler not in (None, "lcm"):
            raise ValueError(f"pair {self.name}: a cloud sampler ('lcm') and its grid length go together")
        if self.cloud_steps is not None and not (
            0 < self.k < self.cloud_steps and self.k + self.device_timestep_offset < self.steps
        ):
            raise ValueError(
                f"pair {self.name}: k={self.k} must lie inside the {self.cloud_steps}-step cloud grid "
                f"and k + delta-t inside the {self.steps}-step device grid"
            )

    def hub_ids(self) -> list[str]:
        """Every Hugging Face repo the pair needs."""
        parts = [self.base, self.cloud_unet, self.device_unet] + ([self.vae] if self.vae else [])
        return sorted({p.split(":")[0] for p in parts})


_SD14 = "CompVis/stable-diffusion-v1-4"
_SDXL = "stabilityai/stable-diffusion-xl-base-1.0"

PAIRS: dict[str, PairSpec] = {
    spec.name: spec
    for spec in (
        PairSpec(
            "default",
            "embedded",
            "obclip/models/default",
            "cloud_unet",
            "device_unet",
            64,
            guidance=5.0,
            note="embedded pair: 64-px portraits of one person from a synthetic world (any prompt gives one), "
                 "trained offline by scripts/train_default.sh",
        ),
        PairSpec("sd-v1.4+bk-sdm-small", "sd1", _SD14, f"{_SD14}:unet", "nota-ai/bk-sdm-small:unet", 512),
        PairSpec("sd-v1.4+bk-sdm-tiny", "sd1", _SD14, f"{_SD14}:unet", "nota-ai/bk-sdm-tiny:unet", 512),
        PairSpec(
            "realistic-vision-v4+small-sd",
            "sd1",
            "segmind/small-sd",
            "SG161222/Realistic_Vision_V4.0_noVAE:unet",
            "segmind/small-sd:unet",
            512,
            vae="stabilityai/sd-vae-ft-mse",
            note="RV 4.0 ships without a VAE; small-sd's tokenizer/text encoder are RV's (its teacher)",
        ),
        PairSpec("sdxl+koala-700m", "sdxl", _SDXL, f"{_SDXL}:unet", "etri-vilab/koala-700m:unet", 1024),
        PairSpec(
            "lcm-sdxl+koala-700m",
            "sdxl",
            _SDXL,
            "latent-consistency/lcm-sdxl",
            "etri-vilab/koala-700m:unet",
            1024,
            k=4,
            cloud_sampler="lcm",
            cloud_steps=8,
            device_timestep_offset=8,
            note="8-step LCM cloud, 25-step DPM-Solver++ device resuming at index k + 8 (paper, Table 4)",
        ),
        PairSpec("tiny-sd", "tiny-sd1", "", "", "", 32, steps=6, k=3, note="random SD-1.x / BK-SDM shapes, for tests"),
        PairSpec("tiny-sdxl", "tiny-sdxl", "", "", "", 32, steps=6, k=3, note="random SDXL shapes, for tests"),
        PairSpec(
            "tiny-lcm-sdxl",
            "tiny-sdxl",
            "",
            "",
            "",
            32,
            steps=6,
            k=2,
            cloud_sampler="lcm",
            cloud_steps=4,
            device_timestep_offset=1,
            note="random SDXL shapes, guidance-embedded LCM cloud UNet, for tests",
        ),
    )
}


def get_spec(name: str) -> PairSpec:
    """The registered pair called `name`, or the local pair `name` names (`local_spec`), or a `KeyError` listing
    the known names."""
    if name in PAIRS:
        return PAIRS[name]
    if LOCAL_SEPARATOR in name or Path(name).expanduser().is_dir():
        return local_spec(name)
    raise KeyError(
        f"unknown pair {name!r}; known pairs: {', '.join(PAIRS)}, or local diffusers folders CLOUD{LOCAL_SEPARATOR}DEVICE"
    ) from None


LOCAL_SEPARATOR = "+"


def local_spec(ref: str) -> PairSpec:
    """A pair from two local diffusers folders, "CLOUD_DIR+DEVICE_DIR" (e.g. what `hf download
    CompVis/stable-diffusion-v1-4 --local-dir sd14` and `hf download nota-ai/bk-sdm-small --local-dir bk` wrote):
    the cloud folder is a whole pipeline (unet, vae, text encoder(s), tokenizer(s), scheduler), the device folder
    needs only its `unet`. A single folder serves as both (the same UNet on each side). SDXL when the cloud folder
    has `text_encoder_2`; the resolution is the VAE's `sample_size`.

    The pair's name, which requests carry and a server checks, is "local:" and the two folder names, never the
    paths: a server started on its own copies of the same folders answers it, and no path leaves the device.

    Raises:
        KeyError: a folder is missing or is not a diffusers layout (the message says which part).
    """
    cloud, _, device = ref.partition(LOCAL_SEPARATOR)
    cloud_dir, device_dir = Path(cloud).expanduser(), Path(device or cloud).expanduser()
    for role, folder, parts in (("cloud", cloud_dir, ("unet", "vae", "text_encoder", "tokenizer", "scheduler")),
                                ("device", device_dir, ("unet",))):  # fmt: skip
        if not folder.is_dir():
            raise KeyError(f"pair {ref!r}: the {role} folder {str(folder)!r} does not exist")
        missing = [part for part in parts if not (folder / part).is_dir()]
        if missing:
            raise KeyError(f"pair {ref!r}: the {role} folder {str(folder)!r} is not a diffusers layout (no "
                           f"{', '.join(missing)}/); download a whole repository with `hf download ID --local-dir DIR`")  # fmt: skip
    try:
        vae_config = json.loads((cloud_dir / "vae" / "config.json").read_text())
        resolution = int(vae_config.get("sample_size", 512))
    except (OSError, ValueError) as exc:
        raise KeyError(f"pair {ref!r}: cannot read {cloud_dir / 'vae' / 'config.json'} ({exc})") from None
    sdxl = (cloud_dir / "text_encoder_2").is_dir()
    name = f"local:{cloud_dir.resolve().name}{LOCAL_SEPARATOR}{device_dir.resolve().name}"
    return PairSpec(name, "sdxl" if sdxl else "sd1", str(cloud_dir), f"{cloud_dir}:unet", f"{device_dir}:unet",
                    resolution - resolution % 8, note=f"local diffusers folders {cloud_dir} and {device_dir}")  # fmt: skip
