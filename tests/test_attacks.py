"""The privacy attacks: their building blocks, and a small end-to-end run against the three schemes."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from obclip.eval.attacks import (
    ATTRIBUTES,
    AttackSizes,
    BigramLM,
    _attribute_hits,
    _views,
    naive_decoy,
    run,
    sample_users,
    wilson,
)
from obclip.prompts import transform


def test_wilson_interval_matches_the_textbook_values() -> None:
    """Wilson (1927) for 20/100 at 95%: [0.1334, 0.2888]; at 0/10 the lower end is 0 and the upper 0.2775."""
    p, lo, hi = wilson(20, 100)
    assert p == 0.2 and lo == pytest.approx(0.1334, abs=1e-4) and hi == pytest.approx(0.2888, abs=1e-4)
    _, lo, hi = wilson(0, 10)
    assert lo == 0.0 and hi == pytest.approx(0.2775, abs=1e-4)


@given(st.integers(0, 500), st.integers(1, 500))
def test_wilson_interval_is_symmetric_in_failures(successes: int, n: int) -> None:
    """Counting failures instead of successes mirrors the interval about 1/2."""
    successes = min(successes, n)
    _, lo, hi = wilson(successes, n)
    _, lo_f, hi_f = wilson(n - successes, n)
    assert lo == pytest.approx(1 - hi_f, abs=1e-9) and hi == pytest.approx(1 - lo_f, abs=1e-9)


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


def test_attribute_inference_reads_the_picked_candidate() -> None:
    """A pick carrying the real gender but another age scores one gender hit and no age hit."""
    spec = sample_users(1, 5, prior=False)[0][0]
    real_gender_word = "woman" if spec.gender == "female" else "man"
    other_age = next(a for a in ("young", "middle-aged", "old") if a != spec.age)
    other_gender_word = "man" if spec.gender == "female" else "woman"
    users = [(spec, "unused")]
    views = [([f"a photo of an {other_age} {real_gender_word}", f"a {spec.age} {other_gender_word}"], 0)]
    assert _attribute_hits(users, views, [0]) == {"gender": 1}
    assert _attribute_hits(users, views, [1]) == {"age": 1}


def test_server_views_point_at_the_real_prompt() -> None:
    """Each scheme's view holds the real prompt at the index the attack scores against."""
    users = sample_users(30, 6, prior=False)
    for scheme, size in (("obclip", 6), ("naive-decoy", 2), ("hybrid", 1)):
        views = _views(users, scheme, seed=1)
        for (_, prompt), (cands, real) in zip(users, views, strict=True):
            # ObCLIP sends the real prompt in its canonical cloud wording, like its decoys
            sent = transform(prompt, ATTRIBUTES).cloud_prompt if scheme == "obclip" else prompt
            assert len(cands) == size and cands[real] == sent
        if scheme != "hybrid":  # the real prompt's position varies: a fixed slot would be a leak
            assert len({real for _, real in views}) > 1


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
    # Hybrid SD's only candidate carries every real attribute: attribute inference must read it so
    assert results["schemes"]["hybrid"]["uniform users"]["plausibility LM"]["attribute_inference"] == {
        "gender": 1.0,
        "age": 1.0,
    }
    probe = results["latent_probe"]
    assert probe["n"] == sizes.probe_test and probe["pair"] == "tiny-sd" and probe["k"] == sizes.k
    _, lo, hi = wilson(round(probe["accuracy"] * probe["n"]), probe["n"], z=3.29)
    assert lo <= 1 / 6 <= hi, probe  # shared noise and a closed set: the latents tell the probe nothing
