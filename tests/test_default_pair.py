"""End to end on the embedded default pair: the README's main command, offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from obclip.eval.common import attribute_accuracy, heldout_prompts, load_classifier
from obclip.flops import FlopMeter
from obclip.generate import generate_batch
from obclip.models.pair import load_pair

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("scheduler", ["dpm", "ddim"])
def test_obclip_and_hybrid_same_pixels_on_the_default(tmp_path, scheduler: str) -> None:
    env = os.environ | {"HF_HUB_OFFLINE": "1"}
    outputs = {}
    for mode in ("obclip", "hybrid"):
        out = tmp_path / f"{mode}.png"
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "obclip.cli",
                "generate",
                "a portrait of a young woman",
                "--mode",
                mode,
                "--seed",
                "7",
                "--scheduler",
                scheduler,
                "--accel",
                "none",  # the exact comparison: accelerations are on by default
                "--out",
                str(out),
                "--json",
                "--no-progress",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        assert proc.returncode == 0, proc.stderr
        outputs[mode] = (json.loads(proc.stdout), Image.open(out).tobytes())
    (ob, a), (hy, b) = outputs["obclip"], outputs["hybrid"]
    assert max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 1
    assert ob["n_candidates"] == 8 and hy["n_candidates"] == 1
    assert ob["server_flops"] == 8 * hy["server_flops"] and ob["device_flops"] == hy["device_flops"]


def test_device_is_a_third_of_the_cloud_or_less() -> None:
    import torch

    pair = load_pair("default")
    costs = []
    for unet in (pair.cloud_unet, pair.device_unet):
        meter = FlopMeter()
        with torch.no_grad(), meter.measure(0):
            unet(torch.randn(2, 4, 16, 16), 500, encoder_hidden_states=torch.randn(2, 32, 384))
        costs.append(meter.total)
    assert costs[1] <= costs[0] / 3
    assert pair.device_unet.mid_block is None


def test_generated_portraits_match_their_prompts() -> None:
    """The cloud model draws what it is asked: the classifier reads gender and clothing far above chance."""
    prompts = heldout_prompts(16, seed=4242)
    images = generate_batch(load_pair("default"), [p.prompt for p in prompts], "cloud", seeds=list(range(16)))
    acc = attribute_accuracy(load_classifier(), images, prompts)
    assert acc["gender"] >= 0.75 and acc["clothing"] >= 0.5, acc
