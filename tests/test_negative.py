"""Negative prompts: the device/cloud split of their tags, the engine's unconditional branch, and the
image they change, in process and through a real `obclip serve` on loopback."""

from __future__ import annotations

import re

import pytest
import torch

from obclip.cloud.engine import CloudEngine
from obclip.generate import generate
from obclip.prompts import default_lexicon
from obclip.prompts.negative import attribute_words, split_negative
from obclip.protocol import AccelConfig, CloudRequest

SETTINGS = {"steps": 6, "k": 3, "size": 32, "guidance": 5.0, "seed": 3}
PROMPT = "a portrait of an old man"


@pytest.mark.parametrize(
    ("negative", "sent"),
    [
        ("old, wrinkles, beard", ""),
        ("asian", ""),
        ("man", ""),
        ("blurry, old, lowres", "blurry, lowres"),
        ("ugly, deformed hands, extra fingers, watermark", "ugly, deformed hands, extra fingers, watermark"),
        ("makeup, a woman, her smile, Hiroshi, grey hair, text", "text"),
    ],
)
def test_split_keeps_person_and_attribute_tags_on_the_device(negative: str, sent: str) -> None:
    split = split_negative(negative)
    assert split.cloud == sent
    assert set(split.held) | set(filter(None, sent.split(", "))) == {t.strip() for t in negative.split(",")}
    lex = default_lexicon()
    assert not attribute_words(split.cloud, lex)
    for word in ("old", "wrinkles", "beard", "asian", "man", "woman", "her", "hiroshi", "grey hair"):
        assert not re.search(rf"\b{word}\b", split.cloud.lower())


def test_request_negative_round_trips_and_old_bodies_default_to_empty() -> None:
    request = CloudRequest(("a cat",), 1, 6, 3, 5.0, 32, 32, pair="tiny-sd", negative="blurry")
    assert CloudRequest.from_json(request.to_json()) == request
    old = {k: v for k, v in request.to_json().items() if k != "negative"}
    assert CloudRequest.from_json(old).negative == ""


def test_engine_batches_groups_with_different_negatives_as_if_alone(tiny_sd) -> None:
    engine = CloudEngine(tiny_sd, count_flops=False)
    base = {"steps": 6, "k": 3, "guidance": 5.0, "height": 32, "width": 32, "pair": "tiny-sd"}
    one = CloudRequest(("a young woman", "an old woman"), seed=1, negative="blurry", **base)
    two = CloudRequest(("a young man", "an old man"), seed=2, negative="", **base)
    together = engine.run_batch([one, two])
    for request, batched in zip((one, two), together, strict=True):
        assert torch.allclose(batched.latents, engine.run(request).latents, atol=1e-5)
    plain = engine.run(CloudRequest(one.candidates, seed=1, **base))
    assert (plain.latents - together[0].latents).abs().max() > 1e-3  # the negative steers the cloud steps


@pytest.mark.parametrize("accel", [AccelConfig.exact(), AccelConfig()])
def test_negative_changes_the_image_and_only_its_free_tags_are_sent(tiny_sd, accel: AccelConfig) -> None:
    sent: list[CloudRequest] = []
    engine = CloudEngine(tiny_sd)

    def cloud(request: CloudRequest):  # the real engine; records what would cross the network
        sent.append(request)
        return engine.run(request)

    plain = generate(PROMPT, pair=tiny_sd, accel=accel, **SETTINGS)
    mixed = generate(PROMPT, pair=tiny_sd, accel=accel, negative="blurry, old, wrinkles, beard", cloud=cloud, **SETTINGS)
    held = generate(PROMPT, pair=tiny_sd, accel=accel, negative="old, wrinkles, beard", cloud=cloud, **SETTINGS)
    assert [r.negative for r in sent] == ["blurry", ""]
    assert mixed.negative_held == held.negative_held == ("old", "wrinkles", "beard")
    assert (plain.image - mixed.image).abs().max() > 1e-2
    assert (plain.image - held.image).abs().max() > 1e-3  # held-back tags still steer the device's steps
    assert mixed.server_flops == plain.server_flops  # one shared unconditional text: same server work


def test_device_mode_uses_the_negative(tiny_sd) -> None:
    plain = generate(PROMPT, "device", pair=tiny_sd, **SETTINGS)
    negative = generate(PROMPT, "device", pair=tiny_sd, negative="old, blurry", **SETTINGS)
    assert (plain.image - negative.image).abs().max() > 1e-2 and negative.negative_sent == ""


@pytest.mark.slow
def test_negative_through_a_loopback_server(tmp_path) -> None:
    import httpx

    from obclip.client import RemoteCloud
    from tests.test_server import KEY, Server

    srv = Server(tmp_path)
    try:
        remote = RemoteCloud(srv.url, KEY, wire_dtype="float32")
        with_neg = generate(PROMPT, pair="tiny-sd", negative="blurry, beard", cloud=remote, **SETTINGS)
        without = generate(PROMPT, pair="tiny-sd", cloud=remote, **SETTINGS)
        local = generate(PROMPT, pair="tiny-sd", negative="blurry, beard", **SETTINGS)
        body = CloudRequest(("a cat", "a dog"), 1, 6, 3, 5.0, 32, 32, pair="tiny-sd").to_json()
        too_long = httpx.post(f"{srv.url}/v1/denoise", json=body | {"negative": "blurry " * 100},
                              headers={"authorization": f"Bearer {KEY}"}, timeout=60)  # fmt: skip
        wrong_type = httpx.post(f"{srv.url}/v1/denoise", json=body | {"negative": ["blurry"]},
                                headers={"authorization": f"Bearer {KEY}"}, timeout=60)  # fmt: skip
    finally:
        srv.stop()
    assert with_neg.negative_sent == "blurry" and "beard" not in srv.log.read_text()
    assert (with_neg.image - without.image).abs().max() > 1e-2
    assert torch.allclose(with_neg.image, local.image, atol=2e-3)
    assert too_long.status_code == 422 and "negative prompt" in too_long.json()["error"]["message"]
    assert wrong_type.status_code == 422


def test_audit_checks_negative_prompts(tmp_path, capsys) -> None:
    from obclip.cli import main

    prompts = tmp_path / "prompts.txt"
    prompts.write_text("a photo of a woman\n")
    assert main(["audit", str(prompts), "--out", str(tmp_path / "ok"), "--negatives",
                 "obclip/eval/corpora/negatives.tsv"]) == 0  # fmt: skip
    assert "20 negative prompts: 3 sent whole, 8 kept whole on the device, 0 leak" in capsys.readouterr().out
    # a word the file labels as revealing but the lexicon does not know goes out: the audit must say so
    unknown = tmp_path / "negatives.tsv"
    unknown.write_text("prompt\treveals\tfamily\nzanzibarian, blurry\tzanzibarian\tattribute\n")
    assert main(["audit", str(prompts), "--out", str(tmp_path / "bad"), "--negatives", str(unknown)]) == 1
    assert "1 leak a revealing word" in capsys.readouterr().out


@pytest.mark.slow
def test_swap_check_follows_the_sent_negative() -> None:
    """The device's swap check (#25) recomputes the cloud steps with the request's own negative prompt, so
    honest answers to a request with a negative pass it on the default pair."""
    import random

    from obclip.device.verify import SwapCheck
    from obclip.models.pair import load_pair
    from obclip.prompts import transform

    pair = load_pair("default")
    engine = CloudEngine(pair, count_flops=False)
    for seed, prompt in enumerate(["a portrait of a young woman", "an old man in a garden"]):
        group = transform(prompt)
        request = CloudRequest(group.order, seed, 25, 10, pair.spec.guidance, 64, 64, factors=group.factors,
                               negative=split_negative("blurry, lowres, beard").cloud)  # fmt: skip
        honest = engine.run(request)
        assert SwapCheck(pair, rng=random.Random(seed))(honest, group.real_index) is honest
