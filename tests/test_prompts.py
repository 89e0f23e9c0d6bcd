"""The oblivious transformation: its guarantee as properties, its grammar as tables."""

from __future__ import annotations

import math
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from obclip.prompts import (
    AmbiguousPronoun,
    CandidateBudgetExceeded,
    DetectionError,
    Taxonomy,
    TaxonomyError,
    candidate_set,
    default_taxonomy,
    transform,
)
from obclip.prompts.detect import PRONOUNS, parse, tokenize

TAX = default_taxonomy()
SIZES = {"gender": 2, "age": 3, "ethnicity": 5}

# --- a generator of realistic prompts -------------------------------------------------------
_AGE = st.sampled_from(["", "young ", "middle-aged ", "old ", "elderly ", "youthful "])
_ETH = st.sampled_from(["", "asian ", "african ", "european ", "indian ", "caucasian ", "Asian ", "European "])
_NOUN = st.sampled_from(["man", "woman", "lady", "gentleman", "father", "mother", "girl", "boy", "doctor", "nurse",
                         "teacher", "queen", "actor", "sister", "grandfather"])  # fmt: skip
_SCENE = st.sampled_from(["in a garden", "on a beach", "at night", "in the city", "", "wearing glasses"])


@st.composite
def person(draw) -> str:
    words = draw(_AGE) + draw(_ETH) + draw(_NOUN)
    article = "an" if words[0].lower() in "aeiou" and not words.lower().startswith("eu") else "a"
    return f"{article} {words}"


@st.composite
def prompts(draw) -> str:
    p1, p2, scene = draw(person()), draw(person()), draw(_SCENE)
    g1 = _gender_of(p1)
    subj, poss, obj = _pron(g1)
    templates = [
        f"a portrait photo of {p1} {scene}",
        f"{p1} holding {poss} cat {scene}",
        f"headshot of {p1}, {subj} is smiling",
        f"{p1} looking at {obj}self in a mirror",
        f"{p1} and {p2} {scene}",
        f"B&W photo of {p1}, shot from the side {scene}",
        f"{p1} walking {poss} dog while {subj} talks on the phone",
    ]
    text = draw(st.sampled_from(templates))
    return re.sub(r"\s+", " ", text).strip().replace(" ,", ",")


def _gender_of(phrase: str) -> str | None:
    last = phrase.split()[-1]
    for paradigm in TAX.paradigms:
        if paradigm.attributes == ("gender",) and last in dict((f, v) for v, f in paradigm.cells):
            return paradigm.values_of(last)[0]
    return None


def _pron(gender: str | None) -> tuple[str, str, str]:
    return ("she", "her", "her") if gender == "female" else ("he", "his", "him")


def _transform_or_skip(prompt: str):
    try:
        return transform(prompt, max_candidates=200)
    except (AmbiguousPronoun, CandidateBudgetExceeded):
        return None  # refused on purpose: no closed set exists, or N is over the budget


# --- the guarantee ---------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(prompts())
def test_real_prompt_in_set_and_set_closed(prompt: str) -> None:
    group = _transform_or_skip(prompt)
    if group is None:
        return
    assert prompt in group.order
    assert group.order[group.real_index] == prompt
    expected = set(group.order)
    for c in group.order:
        assert candidate_set(c, max_candidates=200) == expected, c


@settings(max_examples=150, deadline=None)
@given(prompts())
def test_n_is_the_product_of_value_spaces(prompt: str) -> None:
    group = _transform_or_skip(prompt)
    if group is None:
        return
    assert group.n == math.prod(SIZES[s.name] for s in group.slots)
    assert len(set(group.order)) == group.n


@settings(max_examples=100, deadline=None)
@given(prompts())
def test_articles_and_pronouns_agree_in_every_candidate(prompt: str) -> None:
    group = _transform_or_skip(prompt)
    if group is None:
        return
    for c in group.order:
        tokens = tokenize(c)
        for a, b in zip(tokens, tokens[1:], strict=False):
            if a.core in ("a", "an") and b.is_word:
                vowel = b.core[0] in "aeiou" and not b.core.startswith(("eu", "uni", "one"))
                assert a.core == ("an" if vowel else "a"), f"{a.text} {b.text} in {c!r}"
        parsed = parse(c, TAX)  # raises AmbiguousPronoun if a pronoun disagreed with its person
        for p in parsed.persons:
            gender = p.attributes().get("gender")
            pron = {PRONOUNS[parsed.tokens[i].core][0] for i in p.pronouns}
            assert len(pron) <= 1 and (gender is None or pron <= {gender}), c


@settings(max_examples=60, deadline=None)
@given(prompts())
def test_retry_sends_the_same_set(prompt: str) -> None:
    first, second = _transform_or_skip(prompt), _transform_or_skip(prompt)
    if first is None:
        return
    assert set(first.order) == set(second.order)


def test_order_is_a_uniform_permutation() -> None:
    """Chi-square test on the real prompt's position over 1,200 transformations (N = 6)."""
    n, draws = 6, 1200
    counts = Counter(transform("a portrait of a young woman").real_index for _ in range(draws))
    chi2 = sum((counts[i] - draws / n) ** 2 / (draws / n) for i in range(n))
    assert chi2 < 20.5, counts  # 99.9th percentile of chi-square with 5 degrees of freedom
    assert set(counts) == set(range(n))


def test_budget_refuses_instead_of_trimming() -> None:
    with pytest.raises(CandidateBudgetExceeded, match="N = 30"):
        transform("an old asian man", max_candidates=10)
    assert transform("an old asian man", max_candidates=30).n == 30


# --- grammar tables --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("prompt", "attributes", "expected"),
    [
        ("a woman holding her cat", ["gender"], {"a man holding his cat", "a woman holding her cat"}),
        ("a woman and her son", ["gender"],
         {"a woman and her son", "a man and his son", "a woman and her daughter", "a man and his daughter"}),
        ("she hugged him", ["gender"], {"she hugged him", "he hugged him", "she hugged her", "he hugged her"}),
        ("the book is hers, says the woman", ["gender"], None),
        ("a man and the bike of his", ["gender"], {"a man and the bike of his", "a woman and the bike of hers"}),
        ("a man who cut himself", ["gender"], {"a man who cut himself", "a woman who cut herself"}),
        ("an old man", ["age"], {"a young man", "a middle-aged man", "an old man"}),
        ("a European woman", ["ethnicity"],
         {"a European woman", "a Caucasian woman", "an African woman", "an Asian woman", "an Indian woman"}),
        ("An Asian Woman", ["gender"], {"An Asian Woman", "An Asian Man"}),
        ("a WOMAN", ["gender"], {"a WOMAN", "a MAN"}),
        ("the woman's hat", ["gender"], {"the woman's hat", "the man's hat"}),
        ("two old women", ["gender", "age"],
         {f"two {a} {g}" for a in ("young", "middle-aged", "old") for g in ("men", "women")}),
        ("a middle-aged doctor", ["age"], {"a young doctor", "a middle-aged doctor", "an old doctor"}),
        ("a doctor and her patient", ["gender"], {"a doctor and her patient", "a doctor and his patient"}),
        ("an old car", ["age"], {"an old car"}),
        ("a girl", ["gender", "age"], {"a girl", "a boy", "a grown woman", "a grown man", "a senior woman", "a senior man"}),
        ("a young girl", ["gender", "age"],
         {f"{art} {a} {g}" for a, art in (("young", "a"), ("middle-aged", "a"), ("old", "an")) for g in ("girl", "boy")}),
    ],
)  # fmt: skip
def test_grammar_table(prompt: str, attributes: list[str], expected: set[str] | None) -> None:
    group = transform(prompt, attributes)
    if expected is not None:
        assert set(group.order) == expected
    assert prompt in group.order


def test_two_people_are_independent_slots() -> None:
    group = transform("an old man and a young woman", ["gender", "age"])
    assert group.n == 36
    assert len({s.person for s in group.slots}) == 2
    assert {
        "a young woman and a young woman",
        "an old man and an old man",
        "a middle-aged woman and a young man",
    } <= set(group.order)


def test_pronoun_that_cannot_be_bound_is_refused() -> None:
    with pytest.raises(AmbiguousPronoun, match="does not agree"):
        transform("a man and a woman, he reads while she sleeps")
    assert transform("a man and a woman, he reads while she sleeps", ["age", "ethnicity"]).n == 1


def test_no_attribute_gives_n_one() -> None:
    group = transform("a photo of a red sneaker")
    assert group.n == 1 and group.order == ("a photo of a red sneaker",)
    assert "N = 1" in group.server_view()["guarantee"]


def test_server_view_reveals_types_not_values() -> None:
    view = transform("a portrait of an old asian woman").server_view()
    assert view["n"] == 30 and view["attribute_types_revealed"] == ["age", "ethnicity", "gender"]
    assert "1/30" in view["guarantee"]


def test_empty_prompt_and_unknown_attribute() -> None:
    with pytest.raises(DetectionError, match="empty"):
        transform("   ")
    with pytest.raises(TaxonomyError, match="unknown attribute"):
        transform("a man", ["religion"])


def test_taxonomy_refuses_a_form_in_two_paradigms() -> None:
    data = {"attributes": {"gender": ["male", "female"]},
            "paradigms": [{"attributes": ["gender"], "kind": "noun", "forms": ["man", "woman"]},
                          {"attributes": ["gender"], "kind": "noun", "forms": ["guy", "woman"]}]}  # fmt: skip
    with pytest.raises(TaxonomyError, match="two paradigms"):
        Taxonomy.from_dict(data)


def test_user_extends_the_taxonomy_from_a_file(tmp_path) -> None:
    extra = tmp_path / "tax.json"
    extra.write_text('{"attributes": {"religion": ["christian", "muslim", "buddhist"]},'
                     ' "paradigms": [{"attributes": ["religion"], "kind": "adjective",'
                     ' "forms": ["christian", "muslim", "buddhist"]}]}')  # fmt: skip
    tax = Taxonomy.from_file(extra)
    group = transform("a muslim woman praying", taxonomy=tax)
    assert group.n == 6
    assert "a buddhist man praying" in group.order


def test_detector_hook_refuses_uncovered_spans() -> None:
    def detector(prompt: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(r"blonde", prompt)]

    with pytest.raises(DetectionError, match="no taxonomy paradigm covers"):
        transform("a blonde woman", detector=detector)
    assert transform("a woman", detector=detector).n == 2
