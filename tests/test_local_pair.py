"""A pair from local diffusers folders (`--pair CLOUD_DIR+DEVICE_DIR`): the tiny SD-1.x pair written with
`save_pretrained` as two repositories would be downloaded, loaded back by path, gives the in-process pair's image;
bad folders are one-line errors; the offline message names `hf download` and no path leaves the device."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from obclip.generate import generate
from obclip.models.pair import PairUnavailable, load_pair
from obclip.models.registry import PAIRS, get_spec


def _write_folders(root: Path) -> tuple[Path, Path]:
    """tiny-sd's components as a whole SD pipeline folder (cloud) and a UNet-only folder (device)."""
    pair = load_pair("tiny-sd")
    cloud, device = root / "tiny-cloud", root / "tiny-device"
    pair.cloud_unet.save_pretrained(cloud / "unet")
    pair.vae.save_pretrained(cloud / "vae")
    pair.text.encoders[0].save_pretrained(cloud / "text_encoder")
    pair.text.tokenizers[0].save_pretrained(cloud / "tokenizer")
    (cloud / "scheduler").mkdir()
    (cloud / "scheduler" / "scheduler_config.json").write_text(
        json.dumps({"_class_name": "DDIMScheduler", **pair.scheduler_config})
    )
    pair.device_unet.save_pretrained(device / "unet")
    return cloud, device


def test_local_folders_give_the_in_process_pair_image(tmp_path) -> None:
    cloud, device = _write_folders(tmp_path)
    ref = f"{cloud}+{device}"
    spec = get_spec(ref)
    assert spec.name == "local:tiny-cloud+tiny-device" and spec.family == "sd1" and spec.resolution == 32
    assert str(tmp_path) not in spec.name  # requests carry the name, never a path
    local = load_pair(ref)
    args = {"steps": 6, "k": 3, "seed": 2, "count_flops": False}
    a = generate("a portrait of a young woman", "obclip", local, **args)
    b = generate("a portrait of a young woman", "obclip", load_pair("tiny-sd"), **args)
    assert a.pair == "local:tiny-cloud+tiny-device"
    assert torch.equal(a.image, b.image)


@pytest.mark.parametrize("which", ["missing", "not-diffusers"])
def test_bad_folders_are_one_line_errors(tmp_path, which: str) -> None:
    folder = tmp_path / "weights"
    if which == "not-diffusers":
        folder.mkdir()
        (folder / "model.safetensors").write_bytes(b"")
    ref = f"{folder}+{folder}"
    with pytest.raises(KeyError, match="does not exist" if which == "missing" else "not a diffusers layout"):
        get_spec(ref)
    out = subprocess.run([sys.executable, "-m", "obclip.cli", "generate", "a cat", "--pair", ref, "--out",
                          str(tmp_path / "x.png")], capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_offline_message_names_hf_and_knows_when_downloads_are_allowed(monkeypatch) -> None:
    real = next(name for name, spec in PAIRS.items() if spec.family == "sd1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("OBCLIP_ALLOW_DOWNLOAD", raising=False)
    load_pair.cache_clear()
    with pytest.raises(PairUnavailable) as offline:
        load_pair(real)
    assert "`hf download <id>`" in str(offline.value) and "huggingface-cli" not in str(offline.value)
    monkeypatch.setenv("OBCLIP_ALLOW_DOWNLOAD", "1")
    load_pair.cache_clear()
    with pytest.raises(PairUnavailable) as allowed:
        load_pair(real)
    assert "OBCLIP_ALLOW_DOWNLOAD=1 is set" in str(allowed.value) and "or set OBCLIP_ALLOW_DOWNLOAD" not in str(
        allowed.value
    )
    load_pair.cache_clear()
