"""`ObclipPipeline` as a diffusers user's first script uses it, on the embedded default and the tiny pairs,
and built from two real diffusers pipelines."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

from obclip.pipeline import ObclipPipeline


@pytest.mark.slow
def test_first_script_on_the_default_pair(tmp_path) -> None:
    pipe = ObclipPipeline.from_pretrained("default")
    prompt = "a portrait of an old man in a garden"
    out = pipe(prompt, negative_prompt="blurry, beard", num_inference_steps=8, guidance_scale=7.0,
               generator=torch.Generator().manual_seed(0))  # fmt: skip
    image = out.images[0]
    image.save(tmp_path / "out.png")
    assert isinstance(image, Image.Image) and image.size == (pipe.pair.spec.resolution,) * 2
    assert Image.open(tmp_path / "out.png").size == image.size
    view = out.server_view[0]
    assert view["n"] > 1 and view["negative"] == "blurry" and view["negative_held_back_on_device"] == ["beard"]
    assert pipe.last_output is out
    kw = {"negative_prompt": "blurry, beard", "num_inference_steps": 8, "guidance_scale": 7.0}
    again = pipe(prompt, generator=torch.Generator().manual_seed(0), **kw)
    other = pipe(prompt, generator=torch.Generator().manual_seed(1), **kw)
    assert np.array_equal(np.asarray(again.images[0]), np.asarray(image))
    assert not np.array_equal(np.asarray(other.images[0]), np.asarray(image))


@pytest.mark.parametrize("name", ["tiny-sd", "tiny-sdxl"])
def test_tiny_pairs_batch_keywords(name: str) -> None:
    pipe = ObclipPipeline.from_pretrained(name)
    out = pipe(["a young woman reading", "a red car"], negative_prompt=["old", None], num_inference_steps=4,
               guidance_scale=5.0, generator=torch.Generator().manual_seed(3), height=32, width=32,
               num_images_per_prompt=2, output_type="pt")  # fmt: skip
    assert len(out.images) == 4 and all(i.shape == (3, 32, 32) for i in out.images)
    assert [v["n"] > 1 for v in out.server_view] == [True, True, False, False]
    assert out.server_view[0]["negative_held_back_on_device"] == ["old"] and out.server_view[0]["negative"] == ""
    assert not torch.equal(out.images[0], out.images[1])  # two images of one prompt get two seeds
    with pytest.raises(ValueError, match="square"):
        pipe("a cat", height=32, width=64)


def test_from_two_diffusers_pipelines_equals_the_registry_pair() -> None:
    from diffusers import DDIMScheduler, StableDiffusionPipeline

    from obclip.models.pair import load_pair
    from obclip.models.registry import get_spec
    from obclip.models.tiny import tiny_components

    parts = tiny_components(get_spec("tiny-sd"))
    scheduler = DDIMScheduler.from_config(load_pair("tiny-sd").scheduler_config)

    def sd(unet):
        return StableDiffusionPipeline(vae=parts.vae, text_encoder=parts.encoders[0], tokenizer=parts.tokenizers[0],
                                       unet=unet, scheduler=scheduler, safety_checker=None, feature_extractor=None,
                                       requires_safety_checker=False)  # fmt: skip

    pipe = ObclipPipeline.from_pipes(sd(parts.cloud_unet), sd(parts.device_unet), steps=6, k=3)
    reference = ObclipPipeline.from_pretrained("tiny-sd", k=3)
    kw = {"negative_prompt": "blurry", "num_inference_steps": 6, "guidance_scale": 5.0, "output_type": "pt"}
    mine = pipe("a red car on a street", generator=torch.Generator().manual_seed(2), **kw).images[0]
    theirs = reference("a red car on a street", generator=torch.Generator().manual_seed(2), **kw).images[0]
    assert pipe.pair.spec.resolution == 32 and torch.allclose(mine, theirs, atol=1e-5)
