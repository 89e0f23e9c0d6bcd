"""Captions for the synthetic portrait world, in the style of the paper's candidate-prompt set.

Templates and paraphrases vary word order and phrasing; some captions leave out the age or the
ethnicity (the model then samples that field), and a few use pronouns, so that the oblivious
transformation (``obclip.prompts``) applies to training captions and user prompts alike.
"""

from __future__ import annotations

import random
import re
from functools import cache

from obclip.prompts import grammar as g
from obclip.prompts.grammar import indefinite_article
from obclip.world.render import FIELDS, GENDERS, PortraitSpec

_NOUNS = {"male": ("man", "man", "gentleman", "male person"), "female": ("woman", "woman", "lady", "female person")}
_POSSESSIVE = {"male": "his", "female": "her"}
_SCENE = {
    "garden": ("in a garden", "in a flower garden", "outdoors in a garden"),
    "beach": ("on a beach", "at the beach", "by the sea"),
    "office": ("in an office", "at the office", "in an office with a window"),
    "city": ("in the city at night", "in a city", "downtown at night"),
    "studio": ("in a studio", "in a photo studio", "against a plain studio backdrop"),
}
_ACCESSORY = {
    "none": ("",),
    "glasses": ("wearing glasses", "with glasses"),
    "hat": ("wearing a hat", "with a brown hat"),
}

_TEMPLATES = (
    "a portrait photo of {person} wearing a {color} shirt{acc} {scene}",
    "headshot of {person} in a {color} shirt{acc}, {scene}",
    "a {expr} portrait of {person}{acc} {scene}, {color} clothes",
    "high-quality face portrait photo of {person}{acc}, {expr}, wearing {color} {scene}",
    "photo of {person} {scene}, {expr}, {poss} shirt is {color}{acc}",
    "{person_cap} {scene}, {expr}, in a {color} top{acc}",
    "close-up portrait of {person}, {expr}, with {poss} {color} shirt{acc}, {scene}",
)


def describe_person(spec: PortraitSpec, rng: random.Random, drop: float = 0.15) -> str:
    """'a young asian woman', with age or ethnicity left out with probability `drop` each."""
    words = []
    if rng.random() >= drop:
        words.append(spec.age)
    if rng.random() >= drop:
        words.append(spec.ethnicity)
    words.append(rng.choice(_NOUNS[spec.gender]))
    return f"{indefinite_article(words[0])} {' '.join(words)}"


def caption(spec: PortraitSpec, rng: random.Random, drop: float = 0.15) -> str:
    """One randomly phrased caption of `spec`; age and ethnicity are each left out with
    probability `drop` (0 for evaluation prompts), the expression by the templates without it."""
    person = describe_person(spec, rng, drop)
    acc = rng.choice(_ACCESSORY[spec.accessory])
    return rng.choice(_TEMPLATES).format(
        person=person,
        person_cap=person[0].upper() + person[1:],
        color=spec.clothing,
        acc=f" {acc}" if acc else "",
        scene=rng.choice(_SCENE[spec.scene]),
        expr=spec.expression,
        poss=_POSSESSIVE[spec.gender],
    )


@cache
def world_vocabulary() -> frozenset[str]:
    """Every word the default pair's training captions use: what its world holds."""
    texts = [*(w for nouns in _NOUNS.values() for w in nouns), *(p for ps in _SCENE.values() for p in ps),
             *(a for accs in _ACCESSORY.values() for a in accs), *_TEMPLATES, *GENDERS, *_POSSESSIVE.values(),
             *(v for values in FIELDS.values() for v in values)]  # fmt: skip
    return frozenset(w for t in texts for w in re.findall(r"[a-z]+(?:-[a-z]+)*", t.lower()))


def outside_world(prompt: str) -> list[str]:
    """The prompt's content words the default pair never saw in training ("sports", "car"), in order; function
    words, numbers and the prompt's person and attribute words aside (those the transformation handles)."""
    seen, out = world_vocabulary(), []
    for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", prompt):
        low = word.lower()
        if len(low) > 2 and low not in seen and low not in g.CLOSED and low not in out:
            out.append(low)
    return out
