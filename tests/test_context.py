"""The device's context check, from the attacker's side: shared words that state an age or an ethnicity
are held back or refused, ordinary prompts pass untouched, and the decision does not depend on which
candidate is real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from obclip.device.context import (
    THRESHOLD,
    THRESHOLDS,
    Leak,
    default_attacker,
    guard,
    objects_of,
    shared_context,
    spans_of,
    verbs_of,
)
from obclip.prompts import transform
from obclip.prompts.template import DetectionError


def _guarded(prompt: str):
    return guard(transform(prompt), transform)


def test_a_context_that_states_the_age_is_refused_in_the_users_words() -> None:
    # "full of" opens no adjunct the sentence stands without, so nothing can be held back ("a kindergarten class"
    # was the example until round 43 made "kindergarten" an age proxy, held)
    with pytest.raises(DetectionError, match="age is likely child") as info:
        _guarded("a preschool class full of toddlers")
    assert "--no-context-check" in str(info.value) and "toddler" not in str(info.value).split(";")[-1]


@pytest.mark.parametrize(
    ("prompt", "span"),
    [("a group of toddlers in a daycare", "in a daycare"),
     ("portrait of an elderly Chinese man playing mahjong", "playing mahjong")],
)  # fmt: skip
def test_an_adjunct_that_states_the_value_is_held_back_and_the_people_stay(prompt: str, span: str) -> None:
    """A phrase the sentence stands without is held back instead of refusing the prompt; the people it
    varies are the same as before."""
    before = transform(prompt)
    group = _guarded(prompt)
    assert group.held_back[-1] == span and not any(span in c for c in group.order)
    assert [(s.name, s.value) for s in group.slots] == [(s.name, s.value) for s in before.slots] and group.n > 1
    assert default_attacker().leak(group) is None


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [("senior couple dancing in the living room", "living room"),  # an -ing word after "the" is a modifier
     ("elderly man with a walker in a nursing home", "nursing home"),
     ('a teacher writing "Welcome back, 3rd graders!" on the board', "Welcome back")],  # quotes are not split
)  # fmt: skip
def test_spans_never_break_a_phrase(prompt: str, kept: str) -> None:
    assert not any(s == kept or s.endswith(kept.split()[0]) or s.startswith(kept.split()[-1]) for s in spans_of(prompt))
    assert all(s in prompt for s in spans_of(prompt))


def test_a_span_that_names_a_person_is_never_held_back() -> None:
    """The occlusion may only hold back words that name no one: "holding his grandmother's hand" is the one
    adjunct of the first prompt, and removing it would drop a varied person, so the driver finds nothing
    (the check refuses rather than drop her); the other prompts' adjuncts name no one and are found ("in a daycare"
    ends where the clause of what the toddler does begins: round 79)."""
    attacker = default_attacker()
    for prompt, expected in [("a toddler holding his grandmother's hand", None),
                             ("a toddler in a daycare holding his grandmother's hand", "in a daycare"),
                             ("a toddler holding a red balloon", "holding a red balloon")]:  # fmt: skip
        group = transform(prompt)
        leak = Leak("age", "child", 0.99, shared_context(group))
        assert attacker.driver(leak, group, transform) == expected, prompt


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
    first = transform("an old man at bingo night, dementia ward")  # ("nursing home" is a proxy: held before the check)
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


@pytest.mark.parametrize(("prompt", "span"), [("my granny knitting", "knitting"), ("an old man feeding ducks", None)])
def test_a_one_word_clause_at_the_end_may_be_held_back(prompt: str, span: str | None) -> None:
    """ "my granny knitting" was refused: "knitting" told the model the age was old, and a held span had to be two
    words or more. An -ing word alone at a part's end is a clause the sentence stands without; it is offered,
    not necessarily taken (the model decides), and a preposition is never offered alone."""
    spans = spans_of(prompt)
    assert (span in spans) if span else ("feeding ducks" in spans and "ducks" not in spans)
    assert all(len(s.split()) > 1 or s.endswith("ing") for s in spans_of("a woman in a park knitting"))


def test_the_shipped_calibration_is_that_of_the_current_rules() -> None:
    """The calibration is the encoder's mean over the realistic corpus' shared contexts, which the transformation's
    rules shape: after a rule change it must be rebuilt (it had drifted unnoticed; `scripts/context_baseline.py`)."""
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "scripts" / "context_baseline.py"
    spec = importlib.util.spec_from_file_location("context_baseline_under_test", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from obclip.device.context import BASELINE_PATH

    built, shipped = json.loads(module.build()), json.loads(BASELINE_PATH.read_text(encoding="utf-8"))
    # the same contexts give the same means up to the last rounded digit: the encoder's float sums differ between
    # CPUs (0.232453 here, 0.232454 on another machine); a rule change moves the corpus' contexts, and the means by far more
    assert {k: v for k, v in built.items() if not isinstance(v, list)} == {
        k: v for k, v in shipped.items() if not isinstance(v, list)}, "run scripts/context_baseline.py"  # fmt: skip
    assert all(built[k] == pytest.approx(v, abs=1e-5) for k, v in shipped.items() if isinstance(v, list)), (
        "run scripts/context_baseline.py")  # fmt: skip


@pytest.mark.parametrize(("prompt", "span"), [("[[child]] playing with a puppy", "with a puppy"),
                                              ("(old chinese man:1.3) playing mahjong, [smoke], dim light", "playing mahjong"),
                                              ("a (newborn:1.2), (nicu:1.3), (hospital:1.1)", "(nicu:1.3)")])  # fmt: skip
def test_a_prompt_with_weights_still_has_spans_to_hold(prompt: str, span: str) -> None:
    """Red team round 15 and my probes: "[[child]] playing with a puppy" was refused by the context check: a part with a
    bracket anywhere in it offered no span. Now only a span with a bracket inside is never split, and a weighted tag
    whose brackets close inside it is a span of its own."""
    assert span in spans_of(prompt)


def test_an_adjunct_runs_through_a_conjunction_inside_its_object() -> None:
    """ "a person eating kimchi and bibimbap at home" held "eating kimchi" and sent "a person and bibimbap at home":
    the adjunct stopped at "and". It stops there only where a new phrase follows."""
    assert "eating kimchi" not in spans_of("a girl eating kimchi and bibimbap at home")
    assert "eating kimchi and bibimbap at home" in spans_of("a girl eating kimchi and bibimbap at home")
    assert "on a park bench" in spans_of("an old man sitting on a park bench and a dog sleeping")


@pytest.mark.parametrize(("prompt", "span"), [("a japanese woman in a kimono at a tea ceremony", "tea ceremony"),
                                              ("a french woman in paris", "in paris"),
                                              ("a white man at a country club golf course", "at a country club golf course"),
                                              ("a young asian woman with a boba tea in taipei", "in taipei")])  # fmt: skip
def test_an_origins_world_is_held_from_a_lower_threshold(prompt: str, span: str) -> None:
    """My probes: "at a tea ceremony", "in paris", "at a country club" went out beside decoys of every origin; the
    attacker read them at 0.77-0.87, under the age threshold of 0.92. Origins are read from `THRESHOLDS`. (Since
    session 12 "tea ceremony" is also a proxy, held as such.)"""
    from obclip.device.outbound import PrivacyOptions, protect

    assert THRESHOLDS["ethnicity"] < THRESHOLD
    group = protect(prompt, PrivacyOptions())
    assert any(span in h for h in group.held_back) and not any(span in c for c in group.order), group.order


def test_an_ordinary_scene_of_someone_of_stated_origin_is_sent() -> None:
    from obclip.device.outbound import PrivacyOptions, protect

    group = protect("an indian woman reading a book in a library", PrivacyOptions())
    assert group.held_back == () and group.cloud_prompt == "an Indian woman reading a book in a library"


def test_the_years_old_frame_is_not_context() -> None:
    """My probes: "a woman, 70 y/o, gardening" was refused, the attacker reading "old" of "25 years old", which every
    candidate writes as its frame, as an old person's world."""
    from obclip.device.outbound import PrivacyOptions, protect

    group = transform("a woman, 70 y/o, gardening")
    assert "old" not in shared_context(group).split()
    assert protect("a woman, 70 y/o, gardening", PrivacyOptions()).n > 1


def test_an_ing_word_before_its_adjunct_may_be_held_alone() -> None:
    """Red team 18: "An elderly woman knitting in a rocking chair next to a window." was refused: the -ing clause
    ran past the adjunct limit and "knitting" alone was no span. The -ing word before a preposition is one now;
    held alone, its adjunct then says where the person is."""
    prompt = "An elderly woman knitting in a rocking chair next to a window."
    assert "knitting" in spans_of(prompt)
    group = _guarded(prompt)
    assert group.held_back == ("knitting",) and group.cloud_prompt == "An old woman in a rocking chair next to a window."
    assert "living" not in spans_of("senior couple dancing in the living room")


def test_three_adjuncts_that_state_one_age_are_held_back_not_refused() -> None:
    """Red team round 24: "A newborn sleeping in a hospital bassinet under a heat lamp" was refused: after two
    spans ("sleeping", "under a heat lamp") the bassinet still said child. Three adjuncts may be held (MAX_SPANS);
    the newborn is still varied, and what is sent no longer states the age. (Session 31: a bassinet, made for
    babies by WordNet's gloss, is held by the parser, and the attacker then finds nothing more to hold; an
    incubator, which no gloss gives to babies, still takes the three spans.)"""
    group = _guarded("A newborn sleeping in a hospital bassinet under a heat lamp")
    assert group.n > 1 and default_attacker().leak(group) is None and not any("bassinet" in c for c in group.order)
    group = _guarded("A newborn sleeping in a hospital incubator under a heat lamp")
    assert len(group.held_back) == 3 and group.n > 1 and default_attacker().leak(group) is None, group.held_back
    assert not any("incubator" in c for c in group.order)


def test_an_item_of_a_long_list_tag_may_be_held_back() -> None:
    """Red team round 33: "an old man with liver spots, a cane and a flat cap" was refused: after "with liver spots"
    the cane still said old, inside a tag of six words, too long to hold whole. An item of such a list is a span
    with its "and" ("a cane and"), so the rest of the list reads on; a list short enough is still one tag."""
    prompt = "an old man with liver spots, a cane and a flat cap"
    assert {"a cane and", "and a flat cap"} <= set(spans_of(prompt))
    # since round 69 the held first item leaves its "with" to the rest of the list, and the view reads as the prompt
    # without it: "an old man with a cane and a flat cap", which the attacker passes as it passes that prompt
    assert _guarded(prompt).cloud_prompt == _guarded("an old man with a cane and a flat cap").cloud_prompt
    group = _guarded("an old man, liver spots, a cane and a flat cap")  # a list of tags: the cane's item is held
    assert group.n > 1 and not any("cane" in c for c in group.order) and default_attacker().leak(group) is None
    assert spans_of("a man, hat and cane") == ["hat and cane"]


def test_a_span_may_take_an_attribute_only_it_stated() -> None:
    """Red team round 39: "a baby boomer reading the newspaper on his porch" was refused: "on his porch" said old, but
    its "his" stated the gender, so holding it changed the slots and no span was allowed. The same people with an
    attribute only the span stated left out is allowed (the gender goes to the device with "his"); a span that names
    a person is still never held (`test_a_span_that_names_a_person_is_never_held_back`)."""
    group = _guarded("a baby boomer reading the newspaper on his porch")
    assert group.held_back[-1] == "on his porch" and group.n > 1 and not any("porch" in c for c in group.order)
    assert {s.name for s in group.slots} == {"age"}


def test_a_verb_may_be_held_alone_when_every_adjunct_names_someone() -> None:
    """Round 77: "A 25-year-old Latina hiking in Patagonia with her husband" was refused ("hiking" read as young),
    its one adjunct naming the husband. The verb goes alone, before its preposition, and the people stay; a verb
    before its object never does ("holding his grandmother's hand" would leave the hand dangling). Since session 30
    "in Patagonia" is held beside the Latina as a place of her origin, and "hiking" then says nothing: the same
    prompt with "backpacking", whose one adjunct names the husband, exercises the verb."""
    prompt = "A 25-year-old Latina backpacking with her husband."
    group = guard(transform(prompt), transform)
    assert "backpacking" in group.held_back and not any("backpacking" in c for c in group.order), group.order
    assert [s.name for s in group.slots] == [s.name for s in transform(prompt).slots]
    assert default_attacker().leak(group) is None
    assert "holding" not in verbs_of("a toddler in a daycare holding his grandmother's hand")


def test_a_phrase_before_what_the_person_does_may_be_held() -> None:
    """Round 79: "A teenage girl in a graduation gown hugging her younger brother" was refused ("graduation" read as
    young): its one trailing adjunct names the brother. The phrase before the clause is held, the people stay."""
    prompt = "A teenage girl in a graduation gown hugging her younger brother."
    assert "in a graduation gown" in spans_of(prompt)
    group = guard(transform(prompt), transform)
    assert "in a graduation gown" in group.held_back and not any("gown" in c for c in group.order), group.order
    assert default_attacker().leak(group) is None


def test_a_closing_infinitive_may_be_held_where_nothing_else_can() -> None:
    """Round 80: "An elderly Japanese man teaching a young Brazilian woman to play go" was refused ("teaching" read as
    a child's world, 93%), both ages stated, its one adjunct naming the woman. The closing infinitive is held."""
    prompt = "An elderly Japanese man teaching a young Brazilian woman to play go."
    group = guard(transform(prompt), transform)
    assert "to play go" in group.held_back and not any("play go" in c for c in group.order), group.order
    assert default_attacker().leak(group) is None


@pytest.mark.parametrize(("prompt", "held"), [
    ("An old Korean woman paints calligraphy.", "calligraphy"),
    ("a japanese woman plays the shamisen", "the shamisen"),
])  # fmt: skip
def test_session_32_a_closing_object_may_be_held_where_nothing_else_can(prompt: str, held: str) -> None:
    """Held-out round 93: "A retired Korean teacher, 70, paints calligraphy. ..." was refused ("calligraphy" 97%
    Asian), with no adjunct, verb or infinitive to hold. A clause's closing object after its verb is held instead
    (`objects_of`), the clause standing without it, and the context then says no value."""
    assert held not in spans_of(prompt) + verbs_of(prompt)  # nothing else would hold it
    group = guard(transform(prompt), transform)
    assert held in group.held_back and not any(held in c for c in group.order), group.order
    assert default_attacker().leak(group) is None


@pytest.mark.parametrize(("prompt", "objects"), [
    ("a man eats a bowl of pho", ["a bowl of pho"]),
    ("a boy plays the drum kit, smiling", ["the drum kit"]),
    ("lil kid crying bc he dropped his ice cream", ["his ice cream"]),  # not "cream" after "ice" (a verb too)
    ("a woman wearing a red dress", []),  # an -ing clause: `spans_of` holds it
    ("A retired teacher paints", []),  # no object; "retired" is no verb of the clause
])  # fmt: skip
def test_session_32_objects_of(prompt: str, objects: list[str]) -> None:
    assert objects_of(prompt) == objects


def test_session_33_the_span_that_states_the_value_is_not_held_for_its_context() -> None:
    """Held-out round 98: "a lady w a cane at the bus stop, shes super old" held "shes super old" itself: with the age
    slot gone nothing was left to check, and "w a cane" told the server she is old. A span stating the leaking value
    never counts as bringing it under; chat's "w" opens an adjunct as "with" does, so the cane is held and the age
    varied."""
    prompt = "a lady w a cane at the bus stop, shes super old"
    assert "w a cane" in spans_of("a lady w a cane, shes super old")
    group = guard(transform(prompt), transform)
    assert any(s.name == "age" for s in group.slots) and group.n > 2, group.order
    assert not any("cane" in c for c in group.order), group.order
    assert default_attacker().leak(group) is None
