"""The device's context check, from the attacker's side: shared words that state an age or an ethnicity
are held back or refused, ordinary prompts pass untouched, and the decision does not depend on which
candidate is real."""

from __future__ import annotations

from pathlib import Path

import pytest

from obclip.device.context import THRESHOLD, default_attacker, guard, shared_context
from obclip.prompts import transform
from obclip.prompts.template import DetectionError


def _guarded(prompt: str):
    return guard(transform(prompt), transform)


def test_a_context_that_states_the_age_is_refused_in_the_users_words() -> None:
    with pytest.raises(DetectionError, match="age is likely child") as info:
        _guarded("a group of toddlers in a daycare")
    assert "--no-context-check" in str(info.value) and "toddler" not in str(info.value).split(";")[-1]


def test_a_tag_that_states_the_age_is_held_back_on_the_device() -> None:
    prompt = "an old man in a nursing home, dementia ward"
    group = _guarded(prompt)
    assert group.prompt == prompt and "dementia ward" in group.held_back
    assert not any("dementia" in c for c in group.order) and group.n > 1
    leak = default_attacker().leak(group)
    assert leak is None  # what is sent now passes the check


@pytest.mark.parametrize(
    "prompt",
    ["a young woman in a garden", "an old man reading a newspaper", "portrait of a smiling woman, 85mm, bokeh",
     "an African man in a suit at the office", "a middle-aged teacher in a classroom"],
)  # fmt: skip
def test_ordinary_prompts_pass_untouched(prompt: str) -> None:
    group = transform(prompt)
    assert guard(group, transform) is group


def test_the_decision_is_the_same_whichever_candidate_is_real() -> None:
    """The check reads only what every candidate shares, so each candidate, taken as the real prompt,
    holds back the same tag and sends the same set."""
    first = transform("an old man in a nursing home, dementia ward")
    guarded = guard(first, transform)
    for candidate in first.order[:4]:
        other = guard(transform(candidate), transform)
        assert shared_context(transform(candidate)) == shared_context(first)
        assert set(other.order) == set(guarded.order) and other.held_back == guarded.held_back


def test_the_threshold_is_a_probability() -> None:
    assert 1 / 5 < THRESHOLD < 1


def test_attacker_accuracy_reports_an_interval_against_the_prior() -> None:
    from obclip.device.context import attacker_accuracy, wilson

    low, high = wilson(50, 100)
    assert 0.40 < low < 0.41 and 0.59 < high < 0.60 and wilson(0, 0) == (0.0, 1.0)
    groups = [transform(p) for p in ("a group of toddlers playing in a daycare", "an old man in a nursing home",
                                     "a young woman in a garden", "an Asian man in Tokyo")]  # fmt: skip
    report = attacker_accuracy(groups)
    assert set(report) == {"age", "ethnicity"} and report["age"]["slots"] == 3
    assert report["age"]["prior"] == pytest.approx(1 / 4) and report["ethnicity"]["prior"] == pytest.approx(1 / 5)
    assert report["age"]["ci95"][0] <= report["age"]["accuracy"] <= report["age"]["ci95"][1]


def test_the_shared_context_is_a_function_of_the_set_on_a_corpus() -> None:
    """Property over prompts people write: every candidate, taken as the real prompt, gives the same shared
    context, so whatever the check holds back or refuses cannot depend on which one is real."""
    from obclip.eval.audit import load_prompts

    items = load_prompts(Path(__file__).resolve().parents[1] / "obclip/eval/corpora/realistic.tsv")
    checked = 0
    for item in items[::4]:
        try:
            group = transform(item.prompt)
        except DetectionError:
            continue
        for candidate in group.order[:3] if group.n > 1 else ():
            assert shared_context(transform(candidate)) == shared_context(group), (item.prompt, candidate)
            checked += 1
    assert checked > 200
