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
    pair, accel: AccelConfig, candidates=CANDS, k: int = 8, guidance: float = 5.0, seed: int = 3, factors=()
) -> CloudRequest:
    size = pair.spec.resolution
    return CloudRequest(candidates, seed, 12, k, guidance, size, size, "dpm", pair.name, accel, factors)


def test_no_acceleration_is_the_core_bit_for_bit(tiny_pair) -> None:
    before = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig.exact()))
    install(tiny_pair.cloud_unet)  # hooks installed, no request accelerated: stock code path
    after = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig.exact()))
    assert torch.equal(before.latents, after.latents)
    assert torch.equal(before.prev_denoised, after.prev_denoised)
    assert before.flops_per_step == after.flops_per_step


@pytest.mark.parametrize("guidance", [5.0, 1.0])
def test_reuse_with_one_candidate_is_exact(tiny_pair, guidance: float) -> None:
    """N = 1: the pivot map is the row's own map in each CFG half, so reuse changes nothing.
    (Mixing the unconditional and conditional halves' maps would break this.)"""
    plain = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig.exact(), CANDS[:1], guidance=guidance))
    reuse = CloudEngine(tiny_pair).run(
        _request(tiny_pair, AccelConfig.mechanisms("cache+reuse", r=8, s=8), CANDS[:1], guidance=guidance)
    )
    assert (plain.latents - reuse.latents).abs().max() < 1e-4


def test_reuse_broadcasts_the_pivot_map_over_own_values(tiny_sd) -> None:
    attn = tiny_sd.cloud_unet.down_blocks[1].attentions[0].transformer_blocks[0].attn2
    install(tiny_sd.cloud_unet)
    gen = torch.Generator().manual_seed(0)
    hidden = torch.randn(6, 16, attn.to_q.in_features, generator=gen)  # CFG batch of 3 candidates
    context = torch.randn(6, 5, attn.to_k.in_features, generator=gen)
    state = AccelState(AccelConfig.mechanisms("cache+reuse", r=4, s=6, pivot=1), (3,), True, 8)
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
        m: CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig.mechanisms(m, r=3, s=5)))
        for m in ("none", "cache", "cache+reuse")
    }
    full = runs["none"].flops_per_step
    cache, reuse = runs["cache"].flops_per_step, runs["cache+reuse"].flops_per_step
    assert cache[0] < full[0]  # step 0: the unconditional branch is computed once per group (exact)
    assert cache[1:3] == full[1:3]  # then, before r, nothing changes without reuse
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
        with accelerated(unet, AccelConfig.mechanisms(mode, r=8, s=3), (2,), True, 8) as (hook, model):
            out, _ = denoise(model, x, cond, uncond, schedule, 0, 8, 5.0, SamplerState(), meter=meter, on_step=hook)
        metered[mode] = (out, meter.steps())
    assert metered["cache"][1][0] < metered["none"][1][0]  # step 0: uncond branch once (exact)
    assert metered["cache"][1][1:3] == metered["none"][1][1:3]
    assert all(c < f for c, f in zip(metered["cache"][1][3:], metered["none"][1][3:], strict=True))
    assert torch.isfinite(metered["cache"][0]).all()


def test_concurrent_requests_never_share_a_cache(tiny_sd) -> None:
    engine = CloudEngine(tiny_sd, count_flops=False)
    requests = [
        _request(tiny_sd, AccelConfig.mechanisms("cache+reuse", r=2, s=4), CANDS, seed=1),
        _request(tiny_sd, AccelConfig.mechanisms("cache", r=3, s=5), ("a man", "a woman"), seed=2),
        _request(tiny_sd, AccelConfig.mechanisms("cache+reuse", r=3, s=6, pivot=1), CANDS[1:], seed=3),
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
    paper = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig.mechanisms("cache", r=3, s=5, skip_up=0)))
    deeper = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig.mechanisms("cache", r=3, s=5, skip_up=1)))
    assert paper.flops_per_step[:5] == deeper.flops_per_step[:5]
    assert all(d < p for d, p in zip(deeper.flops_per_step[5:], paper.flops_per_step[5:], strict=True))
    assert torch.isfinite(deeper.latents).all()


@pytest.mark.parametrize("mode", ["none", "cache", "cache+reuse", "adaptive"])
def test_memoised_flop_counts_equal_counting_every_call(tiny_pair, mode: str) -> None:
    """The meter counts each code path once and reuses the count: same figures as counting all."""
    schedule = Schedule.create("dpm", tiny_pair.scheduler_config, 12)
    cond, uncond = tiny_pair.text(list(CANDS)), tiny_pair.text([""])
    size = tiny_pair.spec.resolution
    x = initial_noise(3, tiny_pair.latent_shape(size, size)).repeat(3, 1, 1, 1)
    counted = {}
    for memo in (False, True, True):  # the second memoised run reads every count from the memo
        meter = FlopMeter(memo=memo)
        config = AccelConfig.mechanisms("cache+reuse", r=3, adaptive=0.05) if mode == "adaptive" else AccelConfig.mechanisms(mode, r=3, s=5)
        with accelerated(tiny_pair.cloud_unet, config, (3,), True, 8) as (hook, unet):
            added = lambda emb: tiny_pair.added_conditions(emb, size, size)  # noqa: E731
            denoise(unet, x, cond, uncond, schedule, 0, 8, 5.0, SamplerState(), added=added, meter=meter, on_step=hook)
        counted.setdefault(memo, []).append(meter.steps())
    assert counted[True][0] == counted[True][1] == counted[False][0]


def test_uncond_shared_at_step_0_equals_unshared(tiny_pair) -> None:
    """At step 0 every candidate of a group has the same latent and the same empty prompt: computing
    its unconditional branch once is exact (float rounding of a smaller batch), and cheaper."""
    k = 4
    plain = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig.exact(), k=k))
    shared = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig.mechanisms("cache", r=k, s=k), k=k))
    assert (plain.latents - shared.latents).abs().max() < 1e-4
    assert (plain.prev_denoised - shared.prev_denoised).abs().max() < 1e-4
    assert shared.flops_per_step[0] < plain.flops_per_step[0]
    assert shared.flops_per_step[1:] == plain.flops_per_step[1:]
    unshared = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig.mechanisms("cache", r=k, s=k, share_uncond=False), k=k))
    assert unshared.flops_per_step == plain.flops_per_step


def test_uncond_all_shares_every_step_and_is_approximate(tiny_sd) -> None:
    k = 4
    plain = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig.exact(), k=k))
    every = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig.mechanisms("cache", r=k, s=k, uncond_all=True), k=k))
    assert all(e < p for e, p in zip(every.flops_per_step, plain.flops_per_step, strict=True))
    assert (plain.latents - every.latents).abs().max() > 1e-4  # the pivot's branch stands in after step 0
    assert torch.isfinite(every.latents).all()


def _adaptive_state(pair, threshold: float, k: int = 6) -> tuple[AccelState, torch.Tensor, list[int]]:
    schedule = Schedule.create("dpm", pair.scheduler_config, 12)
    cond, uncond = pair.text(list(CANDS)), pair.text([""])
    size = pair.spec.resolution
    x = initial_noise(3, pair.latent_shape(size, size)).repeat(3, 1, 1, 1)
    meter, states = FlopMeter(), []
    config = AccelConfig.mechanisms("cache", r=k, adaptive=threshold)
    with accelerated(pair.cloud_unet, config, (3,), True, k) as (hook, unet):

        def on_step(i: int) -> None:
            hook(i)
            states.append(_STATE.get())

        out, _ = denoise(unet, x, cond, uncond, schedule, 0, k, 5.0, SamplerState(), meter=meter, on_step=on_step)
    return states[0], out, list(meter.steps())


def test_adaptive_cache_refreshes_only_past_its_threshold(tiny_sd) -> None:
    """A threshold nothing stays under recomputes every step (the same result as no block cache);
    one nothing exceeds serves the deep blocks from step 1's cache after it; in between, the
    deep blocks are recomputed at some steps only, and those steps cost more."""
    k = 6
    exact = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig.mechanisms("cache", r=k, s=k), k=k))
    always, latents, full_flops = _adaptive_state(tiny_sd, 1e-9, k)
    assert always.full_steps == list(range(k))
    assert (latents - exact.latents).abs().max() < 1e-5
    never, _, lazy_flops = _adaptive_state(tiny_sd, 9.0, k)
    assert never.full_steps == [0, 1]  # step 1 measures the first drift rate
    assert lazy_flops[:2] == full_flops[:2] and all(a < b for a, b in zip(lazy_flops[2:], full_flops[2:], strict=True))
    drifts = []
    for threshold in (0.02, 0.1):
        state, _, flops = _adaptive_state(tiny_sd, threshold, k)
        drifts.append(len(state.full_steps))
        cheap = [f for i, f in enumerate(flops) if i not in state.full_steps]
        assert all(c < min(flops[i] for i in state.full_steps) for c in cheap)
    assert k >= drifts[0] >= drifts[1] >= 2


# a 2 x 2 product (framing x age): the tiny test tokenizer reads "woman" and "man" alike, not these
PRODUCT = ("a photo of a young woman", "a portrait of a young man", "a photo of an old woman", "a portrait of an old man")
LABELS = ((1, 0), (0, 0), (1, 1), (0, 1))  # value indices per attribute; base: the young man's portrait


@pytest.mark.parametrize("order", [(3, 2, 1, 0), (1, 3, 0, 2), (2, 0, 3, 1)])
def test_default_policy_depends_on_the_set_not_the_order_sent(tiny_pair, order: tuple[int, ...]) -> None:
    """Every default on: the server's work is the same whichever order the candidates arrive in,
    i.e. wherever the real one landed. Each candidate's latent and the counted FLOPs do not move
    (the pivot, the adaptive refreshes and the candidates computed exactly depend on the set)."""
    cands = PRODUCT
    base = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig(), cands, factors=LABELS))
    sent = tuple(cands[i] for i in order)
    labels = tuple(LABELS[i] for i in order)
    other = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig(), sent, factors=labels))
    for position, i in enumerate(order):
        assert torch.equal(other.latents[position], base.latents[i])
        assert torch.equal(other.prev_denoised[position], base.prev_denoised[i])
    assert other.server_flops == base.server_flops and other.flops_per_step == base.flops_per_step
    exact = CloudEngine(tiny_pair).run(_request(tiny_pair, AccelConfig.exact(), cands))
    assert not torch.equal(exact.latents, base.latents)  # the policy does accelerate


def test_factorial_composition_computes_the_main_effects_and_adds_their_differences(tiny_sd) -> None:
    """A 2 x 2 set: the base and one candidate per attribute are computed (3 of 4); the fourth is
    base + (first attribute's difference) + (second's), for latents and solver history alike, and
    costs less than computing all four. Without factor labels, or with mode "none", nothing is composed."""
    composed = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig(), PRODUCT, factors=LABELS))
    full = CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig(compose=False), PRODUCT, factors=LABELS))
    assert composed.request.computed == 3 and full.request.computed == 4
    base, first, second, both = (LABELS.index(f) for f in ((0, 0), (1, 0), (0, 1), (1, 1)))
    for field in ("latents", "prev_denoised"):
        x, y = getattr(composed, field), getattr(full, field)
        assert torch.allclose(x[both], x[first] + x[second] - x[base], atol=1e-5)
        assert min((x[i] - x[base]).abs().max() for i in (first, second)) > 1e-2  # the identity is not trivial
        assert (y[both] - x[both]).abs().max() > 1e-3  # composition approximates; fidelity.py measures how well
    assert composed.server_flops < 0.9 * full.server_flops  # 3 conditional rows of 4 (+ one shared uncond row)
    exact = _request(tiny_sd, AccelConfig.exact(), PRODUCT, factors=LABELS)
    assert exact.computed == 4 and _request(tiny_sd, AccelConfig(), PRODUCT).computed == 4


@pytest.mark.parametrize(
    "labels",
    [((0, 0), (0, 1), (1, 0)), ((0, 0), (0, 1), (1, 0), (1, 0)), ((0, 0), (0, 2), (1, 0), (1, 2)), ((0,), (1,), (2, 0), (3,))],
)
def test_factor_labels_must_describe_a_full_product(tiny_sd, labels) -> None:
    from obclip.protocol import ProtocolError

    cands = tuple(f"a portrait number {i}" for i in range(len(labels)))
    with pytest.raises(ProtocolError, match="factor labels"):
        _request(tiny_sd, AccelConfig(), cands, factors=labels if len(labels) == 4 else labels + ((9, 9),))


def _computed_rows(monkeypatch) -> list[tuple[int, tuple[int, ...]]]:
    """Records, for every UNet call of an accelerated batch, (step, canonical rows the UNet ran)."""
    seen: list[tuple[int, tuple[int, ...]]] = []
    original = AccelState.layout

    def layout(self: AccelState, shared: bool, lean: bool = False) -> None:
        original(self, shared, lean)
        if shared or lean:  # the wrapper's call; begin_step's reset (shared=False) is not a UNet call
            every = range(2 * self.total if self.cfg else self.total)
            seen.append((self.step, tuple(every) if self.rows is None else tuple(self.rows.tolist())))

    monkeypatch.setattr(AccelState, "layout", layout)
    return seen


@pytest.mark.parametrize("order", [(3, 2, 1, 0), (1, 3, 0, 2)])
def test_difference_reuse_runs_the_same_rows_whichever_candidate_is_real(tiny_pair, monkeypatch, order) -> None:
    """Reusing main-effect differences between refreshes: which rows the server computes at which step
    depends on the set (its base) and the step only. Sending the set in another order, i.e. with the real
    candidate elsewhere, runs the same rows at the same steps, counts the same FLOPs and answers each
    candidate with the same latent; lean steps run fewer rows than refresh steps."""
    config = AccelConfig(diff_refresh=3, diff_dense=0.4)
    seen = _computed_rows(monkeypatch)
    base = CloudEngine(tiny_pair).run(_request(tiny_pair, config, PRODUCT, factors=LABELS))
    first = list(seen)
    seen.clear()
    sent, labels = tuple(PRODUCT[i] for i in order), tuple(LABELS[i] for i in order)
    other = CloudEngine(tiny_pair).run(_request(tiny_pair, config, sent, factors=labels))
    assert seen == first and [s for s, _ in first] == list(range(8))
    refreshes = {0, 1, 2, 4, 7}  # the first 0.4 x 8 steps (rounded down), the last and every third before it
    assert all(len(rows) < len(first[0][1]) for s, rows in first if s not in refreshes)  # lean steps
    assert all(len(rows) == len(first[0][1]) for s, rows in first if s in refreshes)
    assert other.flops_per_step == base.flops_per_step
    for position, i in enumerate(order):
        assert torch.equal(other.latents[position], base.latents[i])
        assert torch.equal(other.prev_denoised[position], base.prev_denoised[i])


SCHEDULE = {"diff_refresh": 4, "diff_dense": 0.2}


@pytest.mark.parametrize(
    ("k", "settings", "refreshes"),
    [
        (10, SCHEDULE, {0, 1, 5, 9}),  # dense start (0.2 x 10 = 2 steps), then every 4th back from the last
        (5, SCHEDULE, {0, 4}),
        (25, SCHEDULE, {0, 1, 2, 3, 4, 8, 12, 16, 20, 24}),
        (10, {"diff_refresh": 2, "diff_dense": 0.0}, {0, 1, 3, 5, 7, 9}),
        (10, {"diff_refresh": 1}, set(range(10))),  # no reuse
    ],
)
def test_difference_refresh_schedule_is_a_function_of_k_and_the_config(k, settings, refreshes) -> None:
    """Which steps compute every main-effect row: step 0, the first diff_dense x k steps (the early steps
    part the trajectories fastest) and the last step with every diff_refresh-th step before it. Nothing
    else (not the candidates' order, not which one is real) enters."""
    state = AccelState(AccelConfig(**settings), (4,), True, k, bases=(1,), alpha_bars=(0.5,) * k)
    computed = set()
    for i in range(k):
        state.begin_step(i)
        if not state.lean:
            computed.add(i)
    assert computed == refreshes


@pytest.mark.parametrize("diff_refresh", [4, 1])
def test_adaptive_drift_with_reused_differences_follows_the_rows_that_run_every_step(diff_refresh: int) -> None:
    """Between refreshes the non-base rows keep an old reference, so their drift would follow the refresh
    schedule, not the denoising: with differences reused, the adaptive cache measures only the rows that run
    every step (the base's conditional and unconditional rows). Here the other rows jump between steps 0
    and 1 while the base's stay: step 2 is then served from the cache; without reuse it is recomputed."""
    config = AccelConfig(adaptive=0.3, diff_refresh=diff_refresh)
    state = AccelState(config, (4,), True, 8, bases=(1,), alpha_bars=(0.5,) * 8)  # rows [uncond x 4, cond x 4]
    assert state.drift_rows().tolist() == [False, True, False, False, False, True, False, False]
    hidden = torch.ones(8, 2, 3, 3)
    for step in (0, 1):
        state.begin_step(step)
        assert state.full  # the first two steps always are
        moved = hidden.clone()
        if step == 1:
            moved[[0, 2, 3, 4, 6, 7]] += 10.0
        state.observe_shallow(moved)
    state.begin_step(2)
    assert state.full == (diff_refresh == 1)


def test_difference_reuse_only_in_sets_of_few_attributes(tiny_sd) -> None:
    """A set that varies more attributes than `diff_attributes` is computed every step (a composed candidate
    would add one held difference per attribute): the same latents and FLOPs as without reuse. Allowing its
    three attributes reuses the differences (fewer FLOPs, other latents)."""
    cands = tuple(f"{c} {place}" for c in PRODUCT for place in ("at home", "outdoors"))
    labels = tuple((*f, j) for f in LABELS for j in (0, 1))

    def run(config: AccelConfig):
        return CloudEngine(tiny_sd).run(_request(tiny_sd, config, cands, factors=labels))

    plain, capped, allowed = run(AccelConfig(diff_refresh=1)), run(AccelConfig()), run(AccelConfig(diff_attributes=3))
    assert AccelConfig().diff_attributes == 2 and AccelConfig().diff_refresh > 1
    assert torch.equal(capped.latents, plain.latents) and capped.flops_per_step == plain.flops_per_step
    assert allowed.server_flops < plain.server_flops and not torch.equal(allowed.latents, plain.latents)


def test_difference_reuse_is_deterministic_and_counts_only_the_rows_it_runs(tiny_sd) -> None:
    """The same seed twice gives identical latents with every default on. Without batch reuse or an
    adaptive cache (fixed phases), a lean step counts exactly the FLOPs of one candidate with the shared
    unconditional branch (the base and the pivot's branch), a refresh step those of every main effect; the
    answer differs from recomputing every row each step (it approximates) and is finite."""
    runs = [CloudEngine(tiny_sd).run(_request(tiny_sd, AccelConfig(), PRODUCT, factors=LABELS)) for _ in range(2)]
    assert torch.equal(runs[0].latents, runs[1].latents) and torch.equal(runs[0].prev_denoised, runs[1].prev_denoised)
    fixed = {"r": 1, "s": 9, "uncond_all": True}
    lean = AccelConfig.mechanisms("cache", diff_refresh=4, **fixed)
    every = AccelConfig.mechanisms("cache", **fixed)
    reused = CloudEngine(tiny_sd).run(_request(tiny_sd, lean, PRODUCT, factors=LABELS))
    full = CloudEngine(tiny_sd).run(_request(tiny_sd, every, PRODUCT, factors=LABELS))
    alone = CloudEngine(tiny_sd).run(_request(tiny_sd, every, PRODUCT[:1]))
    for i, flops in enumerate(reused.flops_per_step):
        assert flops == (full.flops_per_step[i] if i in (0, 3, 7) else alone.flops_per_step[i])
    assert reused.server_flops < full.server_flops
    assert (reused.latents - full.latents).abs().max() > 1e-4 and torch.isfinite(reused.latents).all()
