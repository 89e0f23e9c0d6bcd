"""The privacy attacks: their building blocks, and a small end-to-end run against the three schemes."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from obclip.eval.attacks import ATTRIBUTES, AttackSizes, BigramLM, naive_decoy, run, sample_users, wilson
from obclip.prompts import transform


@given(st.integers(0, 500), st.integers(1, 500))
def test_wilson_interval_contains_the_estimate(successes: int, n: int) -> None:
    successes = min(successes, n)
    p, lo, hi = wilson(successes, n)
    assert 0.0 <= lo <= p <= hi <= 1.0
    assert p == successes / n


def test_wilson_interval_narrows_with_more_users() -> None:
    _, lo_small, hi_small = wilson(20, 100)
    _, lo_big, hi_big = wilson(200, 1000)
    assert hi_big - lo_big < hi_small - lo_small


def test_attack_sizes_are_validated() -> None:
    with pytest.raises(ValueError, match="test"):
        AttackSizes(corpus=10, train=10, test=1, probe_train=4, probe_test=4)
    with pytest.raises(ValueError, match="k <= steps"):
        AttackSizes(corpus=10, train=10, test=10, probe_train=4, probe_test=4, steps=5, k=6)


def test_naive_decoy_swaps_the_noun_but_not_the_pronoun() -> None:
    decoy = naive_decoy("photo of a young woman in a garden, her shirt is red", random.Random(0))
    assert " man " in decoy and " woman " not in decoy
    assert "her shirt" in decoy  # the leak the paper's Fig. 4 strawman leaves for an attacker


def test_plausibility_lm_prefers_what_its_corpus_says() -> None:
    lm = BigramLM(["an old man in a garden", "a young man in a garden"] * 5)
    assert lm.score("an old man in a garden") > lm.score("a old man in a garden")


def test_any_attacker_is_exactly_at_chance_over_a_closed_group() -> None:
    """Whichever candidate of a group is real, the server's view is the same set, so an attacker's
    pick (any function of that set) is right for exactly one of the N users who could have sent it."""
    corpus = [p for _, p in sample_users(500, 3, prior=True)]
    lm = BigramLM(corpus)
    for _, prompt in sample_users(20, 4, prior=False):
        group = transform(prompt, ATTRIBUTES)
        hits = 0
        for real in group.order:
            view = transform(real, ATTRIBUTES)
            assert set(view.order) == set(group.order)
            pick = max(view.order, key=lambda c: (lm.score(c), c))  # ties broken by content, not position
            hits += pick == real
        assert hits == 1


@pytest.mark.slow
def test_attack_run_puts_obclip_at_chance_and_baselines_above(tmp_path) -> None:
    sizes = AttackSizes(corpus=1500, train=150, test=300, probe_train=24, probe_test=24, steps=6, k=3)
    results = run(tmp_path, sizes, pair="tiny-sd")
    saved = json.loads((tmp_path / "attacks.json").read_text())
    assert saved["schemes"].keys() == results["schemes"].keys() == {"obclip", "naive-decoy", "hybrid"}
    assert "| obclip | uniform users | embedding classifier |" in (tmp_path / "attacks.md").read_text()

    obclip = results["schemes"]["obclip"]["uniform users"]
    assert obclip["chance"] == pytest.approx(1 / 6)
    for attacker in ("plausibility LM", "embedding classifier"):
        hits = round(obclip[attacker]["accuracy"] * sizes.test)
        _, lo, hi = wilson(hits, sizes.test, z=3.29)  # 99.9%: a seeded but secrets-shuffled run must not flake
        assert lo <= 1 / 6 <= hi, (attacker, obclip[attacker])
    prior_row = results["schemes"]["obclip"]["users from the prior"]
    for attacker in ("plausibility LM", "embedding classifier"):  # nobody beats guessing the prior's mode
        _, lo, _ = wilson(round(prior_row[attacker]["accuracy"] * sizes.test), sizes.test, z=3.29)
        assert lo <= prior_row["prior_bound"], (attacker, prior_row[attacker])
    # the naive decoy's pronoun and article slips are visible to a language model; Hybrid SD hides nothing
    assert results["schemes"]["naive-decoy"]["uniform users"]["plausibility LM"]["ci95"][0] > 0.5
    assert results["schemes"]["hybrid"]["uniform users"]["plausibility LM"]["accuracy"] == 1.0
    probe = results["latent_probe"]
    assert probe["n"] == sizes.probe_test and probe["pair"] == "tiny-sd" and 0.0 <= probe["accuracy"] <= 1.0
