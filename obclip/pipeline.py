"""`ObclipPipeline`: ObCLIP behind diffusers' calling convention.

A diffusers user's first script works with the import changed:

    from obclip.pipeline import ObclipPipeline

    pipe = ObclipPipeline.from_pretrained("default")          # a registry pair (`obclip models`)
    image = pipe("a portrait of an old man", negative_prompt="blurry",
                 num_inference_steps=25, guidance_scale=7.0,
                 generator=torch.Generator().manual_seed(0)).images[0]
    image.save("out.png")
    print(pipe.last_output.server_view)                      # exactly what left the device

Keyword names are diffusers' where they mean the same thing: `prompt`, `negative_prompt`,
`num_inference_steps`, `guidance_scale`, `generator` (its `initial_seed()` is the seed of the
shared initial noise: ObCLIP draws its noise from the seed, not from the generator's stream),
`height`/`width` (square only), `num_images_per_prompt`, `output_type` ("pil" or "pt"),
`return_dict`. ObCLIP's own settings (mode, switch point k, accelerations, a remote cloud) are
constructor arguments. `from_pipes` builds the pair from two loaded diffusers pipelines that share
a VAE, text encoder and noise schedule (the cloud's are used).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch

from obclip.config import AccelConfig
from obclip.generate import MODES, GenerationResult, generate, to_pil
from obclip.models.pair import ModelPair, TextStack, load_pair
from obclip.models.registry import PairSpec


@dataclass(frozen=True)
class ObclipPipelineOutput:
    """What a call returns, shaped like diffusers' `StableDiffusionPipelineOutput`.

    Attributes:
        images (`list`): PIL images (``output_type="pil"``) or (3, H, W) tensors in [0, 1] (``"pt"``).
        server_view (`list[dict]`): per image, what the server received: the candidates, their number,
            the negative prompt's sent tags and what stayed on the device.
        results (`list[GenerationResult]`): per image, the full record (FLOPs, timing, settings).
        nsfw_content_detected (`None`): no safety checker runs (diffusers' field, kept for scripts that read it).
    """

    images: list[Any]
    server_view: list[dict] = field(default_factory=list)
    results: list[GenerationResult] = field(default_factory=list)
    nsfw_content_detected: None = None

    def __post_init__(self) -> None:
        if len(self.server_view) != len(self.images) or len(self.results) != len(self.images):
            raise ValueError("one server view and one result per image")


class ObclipPipeline:
    """Text-to-image through ObCLIP (cloud candidates, device finish) with diffusers' keywords.

    Args:
        pair (`ModelPair`): the loaded pair.
        mode (`str`, defaults to "obclip"): one of `obclip.generate.MODES`.
        k (`int`, optional): cloud steps (the pair's default if None).
        accel (`AccelConfig`, optional): server accelerations (the defaults if None).
        cloud (`Callable`, optional): sends a request to a cloud (`obclip.client.RemoteCloud`); in-process if None.
    """

    def __init__(self, pair: ModelPair, mode: str = "obclip", k: int | None = None,
                 accel: AccelConfig | None = None, cloud=None) -> None:  # fmt: skip
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        self.pair, self.mode, self.k, self.accel, self.cloud = pair, mode, k, accel, cloud
        self.last_output: ObclipPipelineOutput | None = None

    @classmethod
    def from_pretrained(cls, pair: str = "default", *, server: str | None = None, api_key: str | None = None,
                        **kwargs: Any) -> ObclipPipeline:  # fmt: skip
        """The registry pair `pair` (`obclip models`); with `server`, the cloud steps run on that
        `obclip serve` (the device checks every hand-off, as `obclip generate --server` does)."""
        models = load_pair(pair)
        cloud = None
        if server is not None:
            from obclip.client import RemoteCloud
            from obclip.device.verify import HandoffCheck

            cloud = RemoteCloud(server, api_key=api_key, verify=HandoffCheck(models))
        return cls(models, cloud=cloud, **kwargs)

    @classmethod
    def from_pipes(cls, cloud_pipe: Any, device_pipe: Any, name: str = "custom", steps: int = 25, k: int = 10,
                   guidance: float = 7.0, **kwargs: Any) -> ObclipPipeline:  # fmt: skip
        """A pair from two loaded diffusers pipelines (SD-1.x or SDXL): the cloud pipeline's UNet, the device
        pipeline's UNet, and the cloud pipeline's VAE, text encoder(s) and scheduler config for both (the two
        UNets must share that latent space and schedule, as a distilled or pruned device UNet does)."""
        sdxl = getattr(cloud_pipe, "text_encoder_2", None) is not None
        tokenizers = [cloud_pipe.tokenizer] + ([cloud_pipe.tokenizer_2] if sdxl else [])
        encoders = [cloud_pipe.text_encoder] + ([cloud_pipe.text_encoder_2] if sdxl else [])
        if cloud_pipe.unet.config.in_channels != device_pipe.unet.config.in_channels:
            raise ValueError("the two pipelines' UNets do not share a latent space (in_channels differ)")
        scale = 2 ** (len(cloud_pipe.vae.config.block_out_channels) - 1)
        spec = PairSpec(name=name, family="sdxl" if sdxl else "sd1", base="(in memory)", cloud_unet="(in memory)",
                        device_unet="(in memory)", resolution=cloud_pipe.unet.config.sample_size * scale, steps=steps,
                        k=k, guidance=guidance, note="built from two diffusers pipelines")  # fmt: skip
        text = TextStack(tokenizers, [e.eval() for e in encoders], tokenizers[0].model_max_length, sdxl)
        config = {k: v for k, v in dict(cloud_pipe.scheduler.config).items() if not k.startswith("_")}
        pair = ModelPair(spec, text, cloud_pipe.unet.eval(), device_pipe.unet.eval(), cloud_pipe.vae.eval(), config)
        return cls(pair, **kwargs)

    def to(self, device: str | torch.device) -> ObclipPipeline:
        """Moves the pair's components to `device` (the device's side; a remote cloud is unaffected)."""
        self.pair.to(device)
        return self

    def __call__(
        self,
        prompt: str | list[str],
        negative_prompt: str | list[str] | None = None,
        num_inference_steps: int | None = None,
        guidance_scale: float | None = None,
        generator: torch.Generator | list[torch.Generator] | None = None,
        height: int | None = None,
        width: int | None = None,
        num_images_per_prompt: int = 1,
        output_type: str = "pil",
        return_dict: bool = True,
    ) -> ObclipPipelineOutput | tuple:
        """Generates `num_images_per_prompt` images per prompt (see the module docstring for the keywords)."""
        prompts = [prompt] if isinstance(prompt, str) else list(prompt)
        negatives = _per_prompt(negative_prompt, len(prompts), "negative_prompt")
        if height is not None and width is not None and height != width:
            raise ValueError(f"ObCLIP generates square images; got height={height}, width={width}")
        if output_type not in ("pil", "pt"):
            raise ValueError(f"output_type must be 'pil' or 'pt', got {output_type!r}")
        if num_images_per_prompt < 1:
            raise ValueError(f"num_images_per_prompt must be >= 1, got {num_images_per_prompt}")
        total = len(prompts) * num_images_per_prompt
        seeds = _seeds(generator, total)
        results = [
            generate(p, self.mode, self.pair, steps=num_inference_steps, k=self.k, seed=seeds[i * num_images_per_prompt + j],
                     guidance=guidance_scale, size=height or width, accel=self.accel, cloud=self.cloud, negative=n)
            for i, (p, n) in enumerate(zip(prompts, negatives, strict=True))
            for j in range(num_images_per_prompt)
        ]  # fmt: skip
        images = [to_pil(r.image) if output_type == "pil" else r.image for r in results]
        output = ObclipPipelineOutput(images, [_server_view(r) for r in results], results)
        self.last_output = output
        return output if return_dict else (images, None)


def _per_prompt(value: str | list[str] | None, n: int, name: str) -> list[str | None]:
    if value is None or isinstance(value, str):
        return [value] * n
    if len(value) != n:
        raise ValueError(f"{len(value)} entries in {name} for {n} prompts")
    return list(value)


def _seeds(generator: torch.Generator | list[torch.Generator] | None, total: int) -> list[int]:
    """One seed per image: a generator's `initial_seed()` (each image of one generator gets the next seed, so
    they differ), one generator per image, or random ones as diffusers draws without a generator."""
    if isinstance(generator, list):
        if len(generator) != total:
            raise ValueError(f"{len(generator)} generators for {total} images")
        return [g.initial_seed() % 2**63 for g in generator]
    if generator is None:
        return [int(torch.randint(0, 2**62, (1,))) for _ in range(total)]
    base = generator.initial_seed() % 2**63
    return [(base + i) % 2**63 for i in range(total)]


def _server_view(result: GenerationResult) -> dict:
    """What the server received for one image."""
    return {
        "mode": result.mode,
        "candidates": list(result.candidates),
        "n": result.n_candidates,
        "negative": result.negative_sent,
        "negative_held_back_on_device": list(result.negative_held),
    }
