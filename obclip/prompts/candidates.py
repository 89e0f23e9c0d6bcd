"""Oblivious transformation: a prompt becomes the closed set of its N candidates.

Guarantee (paper, Theorem 1), checked here at run time rather than assumed:
- the real prompt is one of the candidates;
- every candidate c yields the same set: `candidate_set(c) == candidate_set(p)`, so the
  server's view is identical whichever candidate is real;
- N is the product of the value-space sizes of the attribute slots found, never fewer
  (a prompt over the budget is refused, not trimmed);
- the order sent is a uniformly random permutation drawn from `secrets`; a retry reuses the
  same `CandidateGroup`, so the same set in the same order goes out again.
"""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from functools import cache

from obclip.prompts.detect import DetectionError, Detector, Parse, parse
from obclip.prompts.realise import realise
from obclip.prompts.taxonomy import Taxonomy, default_taxonomy

DEFAULT_MAX_CANDIDATES = 64


class CandidateBudgetExceeded(DetectionError):
    """N would exceed the configured budget."""


@dataclass(frozen=True)
class Slot:
    """One independent choice: attribute `name` of person `person`, written at [start, end)."""

    person: int
    name: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class CandidateGroup:
    """The device's view of one transformed prompt. Only `order` is ever sent.

    Attributes:
        prompt (`str`): the real prompt.
        slots (`tuple[Slot, ...]`): the attribute slots found, in text order.
        order (`tuple[str, ...]`): the N candidates in the order they are sent.
        real_index (`int`): position of `prompt` in `order` (stays on the device).
    """

    prompt: str
    slots: tuple[Slot, ...]
    order: tuple[str, ...]
    real_index: int

    def __post_init__(self) -> None:
        if self.order[self.real_index] != self.prompt:
            raise ValueError("real_index does not point at the real prompt")
        if len(set(self.order)) != len(self.order):
            raise ValueError("candidates must be distinct")

    @property
    def n(self) -> int:
        return len(self.order)

    def revealed_attributes(self) -> list[str]:
        """Attribute types whose presence (not value) the server learns."""
        return sorted({s.name for s in self.slots})

    def server_view(self) -> dict:
        """Exactly what leaves the device, and what it means."""
        n = self.n
        return {
            "candidates": list(self.order),
            "n": n,
            "attribute_types_revealed": self.revealed_attributes(),
            "persons_with_attributes": len({s.person for s in self.slots}),
            "guarantee": (
                f"The server sees these {n} prompts and nothing that tells them apart: each of them would have "
                f"produced this same set. Its posterior over the {n} value combinations equals its prior; under a "
                f"uniform prior it guesses the real prompt with probability 1/{n}."
                if n > 1
                else "No sensitive attribute was found: the prompt is sent as it is (N = 1)."
            ),
            "not_hidden": "which attribute types occur, every other word of the prompt, the request's timing",
        }


def _slots(parsed: Parse, prompt: str, taxonomy: Taxonomy) -> list[Slot]:
    protected = taxonomy.protected
    slots = []
    for j, person in enumerate(parsed.persons):
        attrs = person.attributes()
        for name in protected:
            spans = [(parsed.tokens[m.first].start, parsed.tokens[m.last].end, dict(zip(m.paradigm.attributes, m.values, strict=True)))
                     for m in person.mentions if name in m.paradigm.attributes]  # fmt: skip
            if spans:
                slots.append(Slot(j, name, attrs[name], spans[0][0], spans[0][1]))
            elif name == "gender" and person.pronouns:
                from obclip.prompts.detect import PRONOUNS

                tok = parsed.tokens[person.pronouns[0]]
                slots.append(Slot(j, name, PRONOUNS[tok.core][0], tok.start, tok.end))
    return sorted(slots, key=lambda s: (s.start, s.name))


def _expand(
    prompt: str, taxonomy: Taxonomy, detector: Detector | None, max_candidates: int
) -> tuple[list[Slot], list[str]]:
    if not prompt.strip():
        raise DetectionError("the prompt is empty")
    parsed = parse(prompt, taxonomy, detector)
    slots = _slots(parsed, prompt, taxonomy)
    sizes = [len(taxonomy.values(s.name)) for s in slots]
    n = 1
    for size in sizes:
        n *= size
    if n > max_candidates:
        raise CandidateBudgetExceeded(
            f"this prompt needs N = {n} candidates ({' x '.join(map(str, sizes))} for "
            f"{', '.join(s.name for s in slots)}), over the budget of {max_candidates}; raise --max-candidates "
            "or protect fewer attributes (--attributes)"
        )
    out = []
    for combo in itertools.product(*(taxonomy.values(s.name) for s in slots)):
        assignment: list[dict[str, str]] = [{} for _ in parsed.persons]
        for slot, value in zip(slots, combo, strict=True):
            assignment[slot.person][slot.name] = value
        out.append(realise(parsed, prompt, assignment))
    return slots, out


@cache
def _candidate_set(prompt: str, taxonomy: Taxonomy, detector: Detector | None, max_candidates: int) -> frozenset[str]:
    return frozenset(_expand(prompt, taxonomy, detector, max_candidates)[1])


def candidate_set(
    prompt: str,
    taxonomy: Taxonomy | None = None,
    detector: Detector | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
) -> frozenset[str]:
    """The set P of candidates of `prompt` (no order, no checks beyond the parse)."""
    return _candidate_set(prompt, taxonomy or default_taxonomy(), detector, max_candidates)


def transform(
    prompt: str,
    attributes: list[str] | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
    taxonomy: Taxonomy | None = None,
    detector: Detector | None = None,
) -> CandidateGroup:
    """Turns `prompt` into a verified, shuffled candidate group.

    Args:
        prompt (`str`): the user's prompt.
        attributes (`list[str]`, optional): attributes to protect; all of the taxonomy's by default.
        max_candidates (`int`, defaults to 64): refuse prompts whose N exceeds this.
        taxonomy (`Taxonomy`, optional): defaults to the paper's (gender, age, ethnicity).
        detector (`Detector`, optional): extra model-based detector; its spans must be covered.

    Raises:
        DetectionError: the prompt is empty, ambiguous, or would not give a closed set.
        CandidateBudgetExceeded: N > `max_candidates`.
    """
    tax = taxonomy or default_taxonomy()
    if attributes is not None:
        tax = tax.restricted(attributes)
    slots, cands = _expand(prompt, tax, detector, max_candidates)
    if len(set(cands)) != len(cands):
        raise DetectionError("two value combinations give the same text; the taxonomy cannot hide this prompt")
    if prompt not in cands:
        raise DetectionError(
            "the prompt does not survive its own rewriting (check the article before each attribute word, "
            "e.g. 'an old', 'a European'); rephrase it"
        )
    expected = frozenset(cands)
    for c in cands:  # closure, checked: every candidate must give back this very set
        if candidate_set(c, tax, detector, max_candidates) != expected:
            raise DetectionError(
                f"candidate {c!r} would produce a different set, so the server could tell candidates apart; "
                "rephrase the prompt (pronoun roles such as 'giving him flowers' are a common cause)"
            )
    order = list(cands)
    secrets.SystemRandom().shuffle(order)
    return CandidateGroup(prompt, tuple(slots), tuple(order), order.index(prompt))
