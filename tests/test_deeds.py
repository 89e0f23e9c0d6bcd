"""A named person's deed, from the attacker's side: what a public figure does names them.

Red team 48 and 49: with the name held, "Abraham Lincoln giving the Gettysburg Address" went out as "A man giving
the Gettysburg Address" beside "A woman giving the Gettysburg Address", a decoy history contradicts; "Gandalf saying
you shall not pass" (the issue's own case) as "A woman saying you shall not pass"; 8 strong leaks of 15 named people
in round 49. `obclip.prompts.deeds` holds the deed with the name; these tests check that no candidate carries it,
that the set stays closed, and that private people and a public figure's things keep their words.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from obclip.prompts import transform
from obclip.prompts.deeds import public_figure
from obclip.prompts.lexicon import default_lexicon
from obclip.prompts.template import DetectionError
from tests.test_prompts import accepted

LEX = default_lexicon()


@pytest.mark.parametrize(
    ("prompt", "name", "tell"),
    [("Abraham Lincoln giving the Gettysburg Address, daguerreotype style", "Abraham Lincoln", "Gettysburg"),
     ("Cleopatra sailing down the Nile on a golden barge.", "Cleopatra", "Nile"),
     ("Santa Claus sliding down a chimney with a sack of presents", "Santa Claus", "chimney"),
     ("Wonder Woman deflecting bullets with her bracelets, comic book art", "Wonder Woman", "bracelets"),
     ("Sherlock Holmes and Dr. Watson examining a footprint in foggy London", "Sherlock Holmes", "foggy London"),
     ("Zeus hurling a lightning bolt from the top of Mount Olympus.", "Zeus", "Olympus"),
     ("Martin Luther King Jr. delivering his I Have a Dream speech at the Lincoln Memorial.", "King", "Dream"),
     ("a bronze statue of Queen Victoria in a town square", "Queen Victoria", "town square"),
     ("A marble statue of the goddess Athena holding a spear and shield.", "Athena", "spear"),
     ("Cleopatra, bathing in milk, ancient Egypt, cinematic", "Cleopatra", "milk"),
     ("zeus throwing lightning bolts", "zeus", "lightning")],
)  # fmt: skip
def test_a_public_figures_deed_stays_on_the_device_with_the_name(prompt: str, name: str, tell: str) -> None:
    group = accepted(prompt)  # closed, uniform, grammatical
    assert not any(tell in c or name in c for c in group.order), group.order
    assert any(tell in h for h in group.held_back) and any(name in h for h in group.held_back), group.held_back


def test_the_style_of_the_picture_is_sent_and_a_lower_case_name_is_listed_as_written() -> None:
    group = accepted("Abraham Lincoln giving the Gettysburg Address, daguerreotype style")
    assert all(c.endswith(", daguerreotype style") for c in group.order), group.order
    group = accepted("cinderella in a pumpkin carriage")  # read as "Cinderella" without its deed
    assert "cinderella" in group.held_back and "Cinderella" not in group.held_back and group.n == 2


@pytest.mark.parametrize(
    ("prompt", "scene"),
    [("Hiroshi and his son at the beach", "at the beach"), ("Mr. Johnson grading papers", "grading papers"),
     ("Elizabeth reading a book in the park", "reading a book in the park"),
     ("Professor Park giving a lecture", "giving a lecture"), ("a Tom Hanks mug on a desk", "mug on a desk"),
     ("a Queen Victoria mug", "mug")],
)  # fmt: skip
def test_a_private_persons_scene_and_a_public_figures_things_are_sent(prompt: str, scene: str) -> None:
    """A given name, a title before a surname ("Mr. Johnson": WordNet's Johnson is a president) and a one-word
    surname after a role noun ("Professor Park") are anyone's; "a Tom Hanks mug" names a thing, not a deed."""
    group = accepted(prompt)
    assert all(scene in c for c in group.order), group.order


@pytest.mark.parametrize(
    ("prompt", "words"),
    [("Gandalf saying you shall not pass", "shall not pass"),
     ("Gandalf the Grey saying 'you shall not pass' on a bridge", "shall not pass"),
     ("Priya said 'hello' to her neighbour", "hello")],
)  # fmt: skip
def test_what_a_named_person_says_stays_on_the_device(prompt: str, words: str) -> None:
    """The issue's case: "Gandalf saying you shall not pass", the quote names him; a line anyone is known by is
    held with the name, whoever the name is."""
    group = accepted(prompt)
    assert not any(words in c for c in group.order) and any(words in h for h in group.held_back), group.order


def test_a_name_read_as_one_only_with_its_verb_keeps_the_verb() -> None:
    """ "Einstein" alone is no one's name to the parser; "Einstein writing" is. The -ing verb stays, the rest of
    the deed goes; a name that would reach the cloud as written is never the way out."""
    group = accepted("Einstein writing on a blackboard")
    assert not any("Einstein" in c or "blackboard" in c for c in group.order), group.order


@pytest.mark.parametrize(
    ("name", "known"),
    [("Abraham Lincoln", True), ("Queen Elizabeth II", True), ("Dr. Martin Luther King Jr.", True),
     ("Cleopatra", True), ("Wonder Woman", True), ("Elizabeth", False), ("Mr. Johnson", False),
     ("Hiroshi", False), ("Lincoln", False)],
)  # fmt: skip
def test_who_the_world_knows(name: str, known: bool) -> None:
    """One word is a public figure only where few bear it as a given name ("Lincoln" is a boy's name as often)."""
    assert public_figure(name, LEX) is known


FIGURES = sorted(n for n in LEX.senses.public_figures if n.count(" ") == 1 and n.replace(" ", "").isalpha())
DEEDS = ["riding a white horse across the desert", "giving a speech to a crowd", "in a library full of old books",
         "painting a mural on a wall", "standing on a mountain at dawn"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIGURES), st.sampled_from(DEEDS))
def test_no_held_public_figures_deed_reaches_the_cloud(figure: str, deed: str) -> None:
    """Property: for a two-word name WordNet knows, written as a name, before a deed: either the prompt is refused,
    or the name is read as no one's (a god's), or it is held and no candidate carries the deed (on 200 such names, 171 were varied, 28 sent as "a
    person" and 1 refused; none sent its deed)."""
    name = " ".join(w.capitalize() for w in figure.split())
    try:
        group = transform(f"{name} {deed}")
    except DetectionError:
        return
    if any(name.split()[-1] in h for h in group.held_back):  # read as someone's name ("Ahura Mazda", a god, is not)
        assert not any(deed in c for c in group.order), (name, group.order)
    if any(deed.split(" ", 1)[1] in h for h in group.held_back):  # a name the deed showed to be one is never sent
        assert not any(name in c for c in group.order), (name, group.order)  # once the deed is held ("Citizen Genet")


@pytest.mark.parametrize(("prompt", "name", "tell"), [
    ("English Hippocrates riding a white horse across the desert", "Hippocrates", "desert"),
    ("Little John giving a speech to a crowd", "John", "crowd")])  # fmt: skip
def test_a_public_figures_phrase_with_a_word_before_the_name_holds_the_deed(prompt: str, name: str, tell: str) -> None:
    """CI's run of the property above found "English Hippocrates riding a white horse" sending its deed beside
    "An African person": the person's phrase was the origin's word and the name, not the name alone; "Little
    John" (a legend's name WordNet knows whole) then went out as written once its deed was held."""
    group = accepted(prompt)
    assert not any(name in c or tell in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "tell"), [
    ("Taylor Swift performing on stage during the Eras Tour.", "Eras Tour"),
    ("Princess Leia holding a blaster on the Death Star", "Death Star"),
    ("Harry Potter casting a spell at Hogwarts", "Hogwarts")])  # fmt: skip
def test_a_full_names_deed_at_a_named_place_or_event_stays_on_the_device(prompt: str, tell: str) -> None:
    """Red teams 51 and 52: figures WordNet does not know kept their deeds ("A person performing on stage during the
    Eras Tour" said who). A full name doing something at a named place, work or event is held with its deed."""
    group = accepted(prompt)
    assert not any(tell in c for c in group.order) and any(tell in h for h in group.held_back), group.order


@pytest.mark.parametrize(("prompt", "scene"), [
    ("Maria sipping espresso on a balcony in Naples", "in Naples"), ("Dr. Patel examining an X-ray", "an X-ray"),
    ("Hiroshi Tanaka walking a dog in the park", "walking a dog in the park")])  # fmt: skip
def test_a_first_names_place_and_a_full_names_common_deed_are_sent(prompt: str, scene: str) -> None:
    """A first name is anyone's, and a deed with no named place ("an X-ray" is a common noun) names no one."""
    assert all(scene in c for c in accepted(prompt).order)
