"""Server accelerations: each mechanism, the no-acceleration identity, per-request isolation."""

from __future__ import annotations

import threading

import pytest
import torch

from obclip.cloud.accel import _STATE, AccelState, accelerated, install
from obclip.cloud.engine import CloudEngine
from obclip.denoise import denoise, initial_noise
from obclip.flops import FlopMeter
from obclip.protocol import AccelConfig, CloudRequest
from obclip.sampling import SamplerState, Schedule

CANDS = ("a portrait of a young woman", "a portrait of a young man", "a portrait of an old woman")


def _request(
    pair, accel: AccelConfig, candidates=CANDS, k: int = 8, guidance: float = 5.0, seed: int = 3
) -> CloudRequest:
    size = pair.spec.resolution
    return CloudRequest(candidates, seed, 12, k, guidance, size, size, "dpm", pair.name, accel)


def test_no_acceleration_is_the_core_bit_for_bit(tiny_pair) -> None:
    before = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig("none")))
    install(tiny_pair.cloud_unet)  # hooks installed, no request accelerated: stock code path
    after = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig("none")))
    assert torch.equal(before.latents, after.latents)
    assert torch.equal(before.prev_denoised, after.prev_denoised)
    assert before.flops_per_step == after.flops_per_step


@pytest.mark.parametrize("guidance", [5.0, 1.0])
def test_reuse_with_one_candidate_is_exact(tiny_pair, guidance: float) -> None:
    """N = 1: the pivot map is the row's own map in each CFG half, so reuse changes nothing.
    (Mixing the unconditional and conditional halves' maps would break this.)"""
    plain = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig("none"), CANDS[:1], guidance=guidance))
    reuse = CloudEngine(tiny_pair).run(
        _request(tiny_pair, AccelConfig("cache+reuse", r=8, s=8), CANDS[:1], guidance=guidance)
    )
    assert (plain.latents - reuse.latents).abs().max() < 1e-4


def test_reuse_broadcasts_the_pivot_map_over_own_values(tiny_sd) -> None:
    attn = tiny_sd.cloud_unet.down_blocks[1].attentions[0].transformer_blocks[0].attn2
    install(tiny_sd.cloud_unet)
    gen = torch.Generator().manual_seed(0)
    hidden = torch.randn(6, 16, attn.to_q.in_features, generator=gen)  # CFG batch of 3 candidates
    context = torch.randn(6, 5, attn.to_k.in_features, generator=gen)
    state = AccelState(AccelConfig("cache+reuse", r=4, s=6, pivot=1), (3,), True, 8)
    state.begin_step(0)
    token = _STATE.set(state)
    try:
        out = attn(hidden, encoder_hidden_states=context)
    finally:
        _STATE.reset(token)
    heads = attn.heads

    def split(x):
        return x.view(x.shape[0], x.shape[1], heads, -1).transpose(1, 2)

    for half in (0, 3):
        pivot = half + 1
        q, k = split(attn.to_q(hidden[pivot : pivot + 1])), split(attn.to_k(context[pivot : pivot + 1]))
        probs = (q @ k.transpose(-1, -2) * attn.scale).softmax(-1)
        for row in range(half, half + 3):
            v = split(attn.to_v(context[row : row + 1]))
            expected = attn.to_out[0]((probs @ v).transpose(1, 2).reshape(1, 16, -1))
            assert torch.allclose(out[row : row + 1], expected, atol=1e-5)


def test_each_mechanism_cuts_counted_flops(tiny_pair) -> None:
    runs = {
        m: CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig(m, r=3, s=5)))
        for m in ("none", "cache", "cache+reuse")
    }
    full = runs["none"].flops_per_step
    cache, reuse = runs["cache"].flops_per_step, runs["cache+reuse"].flops_per_step
    assert cache[:3] == full[:3]  # before r nothing changes without reuse
    assert cache[3] == full[3]  # step r refreshes the attention cache
    assert cache[4] < full[4]  # step r + 1 reads it
    assert cache[5] < cache[4]  # from s the down and mid blocks are skipped too
    assert all(r < f for r, f in zip(reuse[:3], full[:3], strict=True))  # batch reuse before r
    assert reuse[3:] == cache[3:]
    assert runs["cache+reuse"].server_flops < runs["cache"].server_flops < runs["none"].server_flops


def test_block_skip_without_mid_block(tiny_sd) -> None:
    """BK-SDM shape (no mid block): the skip still runs only conv_in and the up blocks."""
    unet = tiny_sd.device_unet
    assert unet.mid_block is None
    schedule = Schedule.create("ddim", tiny_sd.scheduler_config, 8)
    cond, uncond = tiny_sd.text(list(CANDS[:2])), tiny_sd.text([""])
    x = initial_noise(1, tiny_sd.latent_shape(32, 32)).repeat(2, 1, 1, 1)
    metered = {}
    for mode in ("none", "cache"):
        meter = FlopMeter()
        with accelerated(unet, AccelConfig(mode, r=8, s=3), (2,), True, 8) as (hook, model):
            out, _ = denoise(model, x, cond, uncond, schedule, 0, 8, 5.0, SamplerState(), meter=meter, on_step=hook)
        metered[mode] = (out, meter.steps())
    assert metered["cache"][1][:3] == metered["none"][1][:3]
    assert all(c < f for c, f in zip(metered["cache"][1][3:], metered["none"][1][3:], strict=True))
    assert torch.isfinite(metered["cache"][0]).all()


def test_concurrent_requests_never_share_a_cache(tiny_sd) -> None:
    engine = CloudEngine(tiny_sd, count_flops=False)
    requests = [
        _request(tiny_sd, AccelConfig("cache+reuse", r=2, s=4), CANDS, seed=1),
        _request(tiny_sd, AccelConfig("cache", r=3, s=5), ("a man", "a woman"), seed=2),
        _request(tiny_sd, AccelConfig("cache+reuse", r=3, s=6, pivot=1), CANDS[1:], seed=3),
    ]
    serial = [engine.run(r).latents for r in requests]
    results: dict[int, torch.Tensor] = {}

    def worker(i: int) -> None:
        for _ in range(2):
            results[i] = engine.run(requests[i]).latents

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(requests))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    for i, expected in enumerate(serial):
        assert torch.allclose(results[i], expected, atol=1e-5), i
    assert _STATE.get() is None


def test_skip_up_serves_deepest_up_blocks_from_cache(tiny_sd) -> None:
    paper = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig("cache", r=3, s=5, skip_up=0)))
    deeper = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig("cache", r=3, s=5, skip_up=1)))
    assert paper.flops_per_step[:5] == deeper.flops_per_step[:5]
    assert all(d < p for d, p in zip(deeper.flops_per_step[5:], paper.flops_per_step[5:], strict=True))
    assert torch.isfinite(deeper.latents).all()


@pytest.mark.parametrize("mode", ["none", "cache", "cache+reuse"])
def test_memoised_flop_counts_equal_counting_every_call(tiny_pair, mode: str) -> None:
    """The meter counts each code path once and reuses the count: same figures as counting all."""
    schedule = Schedule.create("dpm", tiny_pair.scheduler_config, 12)
    cond, uncond = tiny_pair.text(list(CANDS)), tiny_pair.text([""])
    size = tiny_pair.spec.resolution
    x = initial_noise(3, tiny_pair.latent_shape(size, size)).repeat(3, 1, 1, 1)
    counted = {}
    for memo in (False, True, True):  # the second memoised run reads every count from the memo
        meter = FlopMeter(memo=memo)
        with accelerated(tiny_pair.cloud_unet, AccelConfig(mode, r=3, s=5), (3,), True, 8) as (hook, unet):
            added = lambda emb: tiny_pair.added_conditions(emb, size, size)  # noqa: E731
            denoise(unet, x, cond, uncond, schedule, 0, 8, 5.0, SamplerState(), added=added, meter=meter, on_step=hook)
        counted.setdefault(memo, []).append(meter.steps())
    assert counted[True][0] == counted[True][1] == counted[False][0]
