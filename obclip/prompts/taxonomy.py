"""Sensitive attributes as data: value spaces and the paradigms of words that express them.

A *paradigm* is a row of surface forms, one per value (or per value combination, for words
such as "girl" that carry gender and age at once). The candidate set swaps a word for the
other cells of its own paradigm. The guarantee `candidates(c) == candidates(p)` needs every
word to belong to exactly one paradigm, so that a candidate parses back to the same
paradigms; `Taxonomy` checks this on construction and refuses a taxonomy that breaks it.

Users extend the default with a JSON file of the same shape as `DEFAULT_TAXONOMY`
(`Taxonomy.from_file`) or a Python dict (`Taxonomy.from_dict`).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_TAXONOMY: dict[str, Any] = {
    "attributes": {
        "gender": ["male", "female"],
        "age": ["young", "middle-aged", "old"],
        "ethnicity": ["caucasian", "african", "asian", "indian", "european"],
    },
    # kind: "noun" heads a person mention; "adjective" modifies the next person noun.
    # number: "singular" nouns bind he/she pronouns, "plural" ones do not.
    "paradigms": [
        {"attributes": ["gender"], "kind": "adjective", "forms": ["male", "female"]},
        {"attributes": ["age"], "kind": "adjective", "forms": ["young", "middle-aged", "old"]},
        {"attributes": ["age"], "kind": "adjective", "forms": ["youthful", "mature", "elderly"]},
        {"attributes": ["ethnicity"], "kind": "adjective", "forms": ["caucasian", "african", "asian", "indian", "european"]},
        *[
            {"attributes": ["gender"], "kind": "noun", "number": number, "forms": pair}
            for number, pairs in {
                "singular": [
                    ["man", "woman"], ["gentleman", "lady"], ["father", "mother"], ["son", "daughter"],
                    ["husband", "wife"], ["king", "queen"], ["actor", "actress"], ["brother", "sister"],
                    ["uncle", "aunt"], ["grandfather", "grandmother"], ["grandson", "granddaughter"],
                    ["grandpa", "grandma"], ["dad", "mom"], ["nephew", "niece"], ["prince", "princess"],
                    ["groom", "bride"], ["boyfriend", "girlfriend"], ["waiter", "waitress"],
                    ["businessman", "businesswoman"], ["policeman", "policewoman"], ["monk", "nun"],
                    ["schoolboy", "schoolgirl"], ["boy", "girl"],
                ],
                "plural": [
                    ["men", "women"], ["gentlemen", "ladies"], ["fathers", "mothers"], ["sons", "daughters"],
                    ["husbands", "wives"], ["kings", "queens"], ["actors", "actresses"], ["brothers", "sisters"],
                    ["uncles", "aunts"], ["grandfathers", "grandmothers"], ["grandsons", "granddaughters"],
                    ["nephews", "nieces"], ["princes", "princesses"], ["grooms", "brides"], ["waiters", "waitresses"],
                    ["businessmen", "businesswomen"], ["policemen", "policewomen"], ["monks", "nuns"],
                    ["schoolboys", "schoolgirls"], ["boys", "girls"],
                ],
            }.items()
            for pair in pairs
        ],
        # "girl" and "boy" also say "young": without an age word of their own they form a joint
        # gender x age paradigm whose other cells use words that appear in no other paradigm.
        {"attributes": ["age", "gender"], "kind": "noun", "number": "singular", "joint_of": ["boy", "girl"],
         "forms": ["boy", "girl", "grown man", "grown woman", "senior man", "senior woman"]},
        {"attributes": ["age", "gender"], "kind": "noun", "number": "plural", "joint_of": ["boys", "girls"],
         "forms": ["boys", "girls", "grown men", "grown women", "senior men", "senior women"]},
    ],
    # Person nouns that carry no attribute; attribute adjectives before them still count.
    "neutral_nouns": [
        "person", "people", "individual", "adult", "adults", "child", "children", "kid", "kids", "teenager", "teenagers",
        "doctor", "doctors", "nurse", "nurses", "teacher", "teachers", "student", "students", "scientist", "engineer",
        "chef", "artist", "painter", "musician", "singer", "dancer", "athlete", "farmer", "soldier", "officer", "pilot",
        "worker", "workers", "friend", "friends", "tourist", "tourists", "model", "writer", "programmer", "lawyer",
        "patient", "customer", "player", "runner", "surfer", "skier", "cyclist", "climber", "hiker", "photographer",
        "professor", "researcher", "firefighter", "judge", "priest", "baby", "toddler",
    ],
}  # fmt: skip


class TaxonomyError(ValueError):
    """A taxonomy that could not keep the candidate-set guarantee."""


@dataclass(frozen=True)
class Paradigm:
    """One row of interchangeable forms.

    Attributes:
        attributes (`tuple[str, ...]`): attributes the row varies, e.g. ("gender",) or ("age", "gender").
        kind (`str`): "noun" or "adjective".
        number (`str`): "singular" or "plural" (nouns); adjectives are "any".
        cells (`dict`): value tuple (in `attributes` order) -> surface form (lower case).
        joint_of (`tuple[str, ...]`): for a joint row, the single-attribute row it extends.
    """

    attributes: tuple[str, ...]
    kind: str
    number: str
    cells: tuple[tuple[tuple[str, ...], str], ...]
    joint_of: tuple[str, ...] = ()

    def form(self, values: tuple[str, ...]) -> str:
        return dict(self.cells)[values]

    def values_of(self, form: str) -> tuple[str, ...]:
        return {f: v for v, f in self.cells}[form]


@dataclass(frozen=True)
class Taxonomy:
    """Attributes, their value spaces and paradigms; validated on construction."""

    attributes: tuple[tuple[str, tuple[str, ...]], ...]
    paradigms: tuple[Paradigm, ...]
    neutral_nouns: frozenset[str]
    only: tuple[str, ...] | None = None  # protect just these attributes (None: all)

    def __post_init__(self) -> None:
        spaces = dict(self.attributes)
        seen: dict[str, Paradigm] = {}
        for p in self.paradigms:
            for name in p.attributes:
                if name not in spaces:
                    raise TaxonomyError(f"paradigm {p.cells[0][1]!r} uses unknown attribute {name!r}")
            expected = set(itertools.product(*(spaces[a] for a in p.attributes)))
            if {v for v, _ in p.cells} != expected or len(p.cells) != len(expected):
                raise TaxonomyError(
                    f"paradigm {[f for _, f in p.cells]} must have one form per value of {p.attributes}"
                )
            for _, form in p.cells:
                if p.joint_of and form in p.joint_of:
                    continue  # a joint row re-uses its base row's words, told apart by context
                if form in seen:
                    raise TaxonomyError(f"form {form!r} is in two paradigms; candidates would not parse back uniquely")
                seen[form] = p
        clash = self.neutral_nouns & set(seen)
        if clash:
            raise TaxonomyError(f"words {sorted(clash)} are both neutral nouns and attribute forms")

    @property
    def protected(self) -> tuple[str, ...]:
        """Attributes whose values are varied, in taxonomy order."""
        return tuple(a for a, _ in self.attributes if self.only is None or a in self.only)

    def values(self, attribute: str) -> tuple[str, ...]:
        return dict(self.attributes)[attribute]

    def restricted(self, names: list[str]) -> Taxonomy:
        """The taxonomy protecting only `names` (other attributes are left as written)."""
        unknown = set(names) - {a for a, _ in self.attributes}
        if unknown:
            raise TaxonomyError(
                f"unknown attribute(s) {', '.join(sorted(unknown))}; known: {', '.join(a for a, _ in self.attributes)}"
            )
        return Taxonomy(self.attributes, self.paradigms, self.neutral_nouns, tuple(names))

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Taxonomy:
        spaces = {name: tuple(values) for name, values in data["attributes"].items()}
        paradigms = []
        for row in data["paradigms"]:
            attrs = tuple(row["attributes"])
            combos = list(itertools.product(*(spaces[a] for a in attrs))) if all(a in spaces for a in attrs) else []
            if len(combos) != len(row["forms"]):
                raise TaxonomyError(f"paradigm {row['forms']} needs {len(combos)} forms for {attrs}")
            cells = tuple(zip(combos, (f.lower() for f in row["forms"]), strict=True))
            paradigms.append(
                Paradigm(attrs, row["kind"], row.get("number", "any"), cells, tuple(row.get("joint_of", ())))
            )
        return Taxonomy(
            tuple(spaces.items()), tuple(paradigms), frozenset(n.lower() for n in data.get("neutral_nouns", ()))
        )

    @staticmethod
    def from_file(path: str | Path) -> Taxonomy:
        """Loads a JSON taxonomy; a file with only extra paradigms/attributes extends the default."""
        data = json.loads(Path(path).read_text())
        if data.get("extends", "default") == "default":
            merged = {
                "attributes": {**DEFAULT_TAXONOMY["attributes"], **data.get("attributes", {})},
                "paradigms": DEFAULT_TAXONOMY["paradigms"] + data.get("paradigms", []),
                "neutral_nouns": DEFAULT_TAXONOMY["neutral_nouns"] + data.get("neutral_nouns", []),
            }
            return Taxonomy.from_dict(merged)
        return Taxonomy.from_dict(data)


def default_taxonomy() -> Taxonomy:
    return Taxonomy.from_dict(DEFAULT_TAXONOMY)
