"""Oblivious transformation: a prompt becomes the closed set of its N cloud candidates.

Guarantee (paper, Theorem 1), checked here at run time rather than assumed:
- the cloud view of the real prompt (`cloud_prompt`) is one of the candidates, worded exactly
  like its decoys (one canonical wording per value combination; `obclip.prompts.render`);
- every candidate c yields the same set: `candidate_set(c) == candidate_set(p)`, so the
  server's view is identical whichever candidate is real;
- every protected attribute of every person takes each of its values equally often (the set is the full
  product of the slots' values; `obclip audit` reads the values back from every candidate);
- N is the product of the value-space sizes of the slots found; over the budget the prompt
  is refused, never trimmed;
- the order sent is a uniformly random permutation from `secrets`; a retry reuses the group;
- with a `GroupStore`, a prompt sent again is never sent with fewer attributes protected, so
  two requests cannot be intersected.
The device keeps `prompt` (the user's exact words) for its own steps.
"""

from __future__ import annotations

import itertools
import re
import secrets
from dataclasses import dataclass, replace
from functools import lru_cache

from obclip.options import DEFAULT_MAX_CANDIDATES
from obclip.prompts.cues import COLLECTIVES, SAID_AN_AGE, sexual
from obclip.prompts.deeds import capitalised, deeds, likenesses, name_of, verb_kept, without
from obclip.prompts.grammar import CLOSED, DECADES, TAG_CLASS, number_value
from obclip.prompts.lexicon import ATTRIBUTES, HELD, Lexicon, default_lexicon
from obclip.prompts.parse import parse
from obclip.prompts.render import render
from obclip.prompts.store import GroupStore, content_key
from obclip.prompts.template import (
    AgePhrase,
    AmbiguousPronoun,
    DetectionError,
    Held,
    Mention,
    Misspelt,
    Phrase,
    Predicate,
    Pronoun,
    Template,
)

PROXY_POLICIES = ("drop", "refuse")


class CandidateBudgetExceeded(DetectionError):
    """N would exceed the configured budget."""


@dataclass(frozen=True)
class Slot:
    """One independent choice: attribute `name` of person `person` (real value `value`, one of `values`), first
    written at characters [start, end) of the prompt (or of a pronoun, for a person known only by one)."""

    person: int
    name: str
    value: str
    start: int
    end: int
    values: tuple[str, ...] = ()  # the values this slot takes (empty: the attribute's whole space, `ATTRIBUTES`)

    def __post_init__(self) -> None:
        if self.values and self.value not in self.values:
            raise ValueError(f"slot value {self.value!r} is not one of {self.values}")

    @property
    def space(self) -> tuple[str, ...]:
        return self.values or ATTRIBUTES[self.name]

    @property
    def values_count(self) -> int:
        return len(self.space)


@dataclass(frozen=True)
class CandidateGroup:
    """The device's view of one transformed prompt. Only `order` and `factors` are ever sent.

    Attributes:
        prompt (`str`): the user's exact prompt; the device's own steps use it.
        slots (`tuple[Slot, ...]`): the varied attributes, in text order.
        order (`tuple[str, ...]`): the N cloud candidates in the order they are sent.
        real_index (`int`): position of the real prompt's cloud view in `order` (stays on the device).
        attributes (`tuple[str, ...]`): the attributes protected.
        held_back (`tuple[str, ...]`): words left out of every candidate (names, proxies), kept on the device.
        kept (`tuple[tuple[str, str], ...]`): words that look like person cues but refer to no person here, sent
            as written, each with the reason ("Statue of Liberty": a name of a thing).
        note (`str`): what the device decided on the user's behalf (e.g. attributes pinned by the store).
    """

    prompt: str
    slots: tuple[Slot, ...]
    order: tuple[str, ...]
    real_index: int
    attributes: tuple[str, ...] = tuple(ATTRIBUTES)
    held_back: tuple[str, ...] = ()
    note: str = ""
    kept: tuple[tuple[str, str], ...] = ()  # person-like words kept as written, with why ("French", "it describes ...")
    mentions: tuple[Mention, ...] = ()  # the parse's account of every span it decided on (`Template.mentions`)
    factors: tuple[tuple[int, ...], ...] = ()  # per candidate in `order`: its value index in each slot's space

    def __post_init__(self) -> None:
        if not 0 <= self.real_index < len(self.order):
            raise ValueError("real_index must point into order")
        if len(set(self.order)) != len(self.order):
            raise ValueError("candidates must be distinct")
        expected = 1
        for slot in self.slots:
            expected *= slot.values_count
        if expected != len(self.order):
            raise ValueError(f"{len(self.order)} candidates for slots that need {expected}")
        if self.factors and len(self.factors) != len(self.order):
            raise ValueError(f"{len(self.factors)} factor labels for {len(self.order)} candidates")

    @property
    def n(self) -> int:
        return len(self.order)

    @property
    def cloud_prompt(self) -> str:
        """The real prompt as the cloud view renders it (equal to `prompt` when nothing is rewritten)."""
        return self.order[self.real_index]

    def revealed_attributes(self) -> list[str]:
        """Attribute types whose presence (not value) the server learns."""
        return sorted({s.name for s in self.slots})

    def server_view(self) -> dict:
        """Exactly what leaves the device, and what it means."""
        n = self.n
        return {
            "candidates": list(self.order),
            "factors": [list(f) for f in self.factors],
            "n": n,
            "attribute_types_revealed": self.revealed_attributes(),
            "persons_with_attributes": len({s.person for s in self.slots}),
            "held_back_on_device": list(self.held_back),
            "guarantee": (
                f"The server sees these {n} prompts and nothing that tells them apart: each of them would have "
                f"produced this same set, worded the same way. Under a uniform prior it guesses the real one with "
                f"probability 1/{n}."
                if n > 1
                else "No protected attribute was found: one prompt is sent (N = 1)."
            ),
            "not_hidden": "which attribute types occur, every other word of the cloud view, the request's timing",
        }


def _first_span(template: Template, person: int) -> tuple[int, int]:
    for start, end, seg in template.spans:
        if getattr(seg, "person", None) == person and start >= 0:
            return start, end
    return 0, 0


DEFAULT_AGES = ATTRIBUTES["age"]  # child, young, middle-aged, old; `PAPER_AGES` is the paper's scale


def check_ages(ages: tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """The age scale asked for, validated: two or more of child, young, middle-aged, old, in that order."""
    if ages is None:
        return DEFAULT_AGES
    scale = tuple(a.strip() for a in ages if a.strip())
    unknown = [a for a in scale if a not in DEFAULT_AGES]
    if unknown or len(scale) < 2 or len(set(scale)) != len(scale):
        raise DetectionError(
            f"--ages must name two or more of {', '.join(DEFAULT_AGES)} once each (got {', '.join(scale) or 'none'})"
        )
    return tuple(a for a in DEFAULT_AGES if a in scale)


def fold_age(value: str, scale: tuple[str, ...]) -> str:
    """`value` on `scale`: a value the scale lacks becomes its nearest neighbour ("child" -> "young")."""
    if value in scale or value not in DEFAULT_AGES:
        return value
    rank = DEFAULT_AGES.index(value)
    return min(scale, key=lambda a: (abs(DEFAULT_AGES.index(a) - rank), DEFAULT_AGES.index(a)))


def slot_values(template: Template, person: int, name: str, lex: Lexicon, ages: tuple[str, ...]) -> tuple[str, ...]:
    """The values a slot takes. Age follows the scale, without "child" for someone only an adult can be
    ("a politician", "a wife"): a child decoy for them would mark itself. The rule reads the template
    only (the noun's class or the neutral noun as written), so every candidate gives the same spaces."""
    if name != "age":
        return lex.values[name]
    p = template.persons[person]
    if "age" not in p.in_phrase and p.cls == "person":
        adult = True  # the age is told apart from the noun ("a woman in her 70s"): "a woman in her childhood" reads oddly
    elif p.cls is None:
        adult = p.head.lower() in lex.senses.adult or p.head.lower() in ADULT_GROUPS  # "a little couple" marks itself
    else:
        forms = [lex.form(p.cls, p.number, gender) for gender in ("male", "female")]
        adult = p.cls != "person" and all(f in lex.senses.adult for f in forms if f)
    # no child decoy in a sexual picture (`parse.no_child_in_a_sexual_picture`)
    adult = adult or sexual(template.prompt, lex.adjectives.keys(), lex.nouns)
    return tuple(a for a in ages if not ((adult or _owns_adult_kin(template, person)) and a == "child"))


# groups only adults make up: "a boomer couple" had the decoy "a little couple", which no one writes
ADULT_GROUPS = frozenset({"couple", "couples", "newlyweds"})
# kin only an adult has: "his wife", "her son", "their grandchildren", "her fiancé"; a child decoy who has one
# marks itself ("A little boy ... goes home to his wife")
ADULTS_KIN = frozenset("spouse offspring stepchild child-in-law ex-spouse fiance newlywed godchild".split())


def _owns_adult_kin(template: Template, person: int) -> bool:
    """Whether `person`'s possessive ("his", "the man's") stands right before a person of `ADULTS_KIN`. It reads
    the template's segments, which every candidate shares, so the space is the same for the whole set."""
    spans = [s for s in template.spans if s[0] >= 0]
    for (_, end, seg), (start, _, nxt) in zip(spans, spans[1:], strict=False):  # each span and the next
        owner = (isinstance(seg, Pronoun) and seg.role == "possessive") or (isinstance(seg, Phrase) and seg.possessive)
        if owner and seg.person == person and isinstance(nxt, Phrase) and not template.prompt[end:start].strip() and (
                template.persons[nxt.person].cls in ADULTS_KIN):  # fmt: skip
            return True
    return False


def _template(prompt: str, protected: tuple[str, ...], lex: Lexicon, proxies: str, ages: tuple[str, ...]) -> Template:
    """The parse of `prompt`, its ages folded onto each slot's scale (the parser speaks the full one)."""
    if not prompt.strip():
        raise DetectionError("the prompt is empty")
    template = parse(prompt, lex, proxies, "gender" in protected)
    for j, person in enumerate(template.persons):
        if "age" in person.states and person.states["age"] != HELD:
            space = slot_values(template, j, "age", lex, ages)
            apart = "age" not in person.in_phrase  # a "teen mom" in one phrase folds to a young mother, as written
            if person.states["age"] == "child" and apart and "child" in ages and "child" not in space:
                # "Mary, 2, on a swing": her phrase reads as an adult's ("a woman"), so her slot has no child value;
                # folding her age to "young" would turn a child into an adult in the cloud's view
                if person.cls == TAG_CLASS:  # no booru character gets a child decoy (docs/privacy.md)
                    raise DetectionError("a booru tag such as '1girl' or '2boys' is never given a child's age, so a "
                                         "child's age said apart from it cannot be varied; write the person as one "
                                         "phrase (\"a teenage girl\", \"two teenage boys\") instead of the tag")  # fmt: skip
                raise DetectionError("a child's age is given apart from a word that reads as an adult's; say it in "
                                     "one phrase (\"a 2-year-old girl named Mary\", \"a little girl\")")  # fmt: skip
            person.states["age"] = fold_age(person.states["age"], space)
    return template


def _signature(template: Template, protected: tuple[str, ...]) -> tuple:
    """Everything `render` and `slot_values` read from a template except the protected values: the text between
    segments, the segments, and each person's class, noun, number, phrase attributes and unprotected states.
    Two templates with one signature render the same set (the closure check's fast path)."""
    texts, cursor = [], 0
    for start, end, _ in template.spans:
        if start >= 0:
            texts.append(template.prompt[cursor:start])
            cursor = end
    texts.append(template.prompt[cursor:])
    persons = tuple(
        (p.cls, p.head, p.number, frozenset(p.in_phrase), frozenset(p.states) & frozenset(protected),
         tuple(sorted((a, v) for a, v in p.states.items() if a not in protected)))
        for p in template.persons
    )
    return tuple(texts), tuple(seg for _, _, seg in template.spans), persons


def _expand(
    prompt: str, protected: tuple[str, ...], lex: Lexicon, proxies: str, max_candidates: int,
    ages: tuple[str, ...] = DEFAULT_AGES,
) -> tuple[Template, list[Slot], list[str], str, tuple[int, ...], tuple[str, ...]]:
    """(template, slots, candidates in product order, real candidate, persons whose ethnicity was held back, age
    words held back)."""
    template = _template(prompt, protected, lex, proxies, ages)
    slots = _slots(template, protected, lex, ages)
    n = _product(s.values_count for s in slots)
    held = _hold_origins(template, slots, max_candidates) if n > max_candidates else ()
    if held:
        slots = _slots(template, protected, lex, ages)
        n = _product(s.values_count for s in slots)
    ages_held = _hold_ages(template, slots, max_candidates, lex) if n > max_candidates else ()
    if ages_held:
        slots = _slots(template, protected, lex, ages)
        n = _product(s.values_count for s in slots)
    sizes = [s.values_count for s in slots]
    if n > max_candidates:
        raise CandidateBudgetExceeded(
            f"this prompt needs N = {n} candidates ({' x '.join(map(str, sizes))} for "
            f"{', '.join(s.name for s in slots)}), over the budget of {max_candidates}; raise --max-candidates, "
            "or protect fewer attributes with --attributes (the ones left out then reach the server as written)"
        )
    real = tuple({a: v for a, v in p.states.items()} for p in template.persons)
    out = []
    for combo in itertools.product(*(s.space for s in slots)):
        values = tuple(dict(v) for v in real)
        for slot, value in zip(slots, combo, strict=True):
            values[slot.person][slot.name] = value
        out.append(render(template, values, lex))
    return template, slots, out, render(template, real, lex), held, ages_held


def _slots(template: Template, protected: tuple[str, ...], lex: Lexicon, ages: tuple[str, ...]) -> list[Slot]:
    slots: list[Slot] = []
    for j, person in enumerate(template.persons):
        start, end = _first_span(template, j)
        for name in protected:
            value = person.states.get(name)
            if value is not None and value != HELD:
                slots.append(Slot(j, name, value, start, end, slot_values(template, j, name, lex, ages)))
    return slots


def _product(sizes) -> int:
    n = 1
    for size in sizes:
        n *= size
    return n


def _hold_origins(template: Template, slots: list[Slot], budget: int) -> tuple[int, ...]:
    """Over the budget, holds back ethnicity words on the device instead of refusing ("A Black father and his
    white wife" would need 100 candidates): from the last person back, an ethnicity said only in the person's own
    phrase leaves that phrase (the cloud view names no ethnicity for them, so nothing about it is sent) until N
    fits. Decided from the template's structure (which persons, which slots), never from the values, so every
    candidate parses to the set it came from. Returns the persons whose ethnicity was held back."""
    predicated = {seg.person for _, _, seg in template.spans if isinstance(seg, Predicate) and seg.attribute == "ethnicity"}
    n, held = _product(s.values_count for s in slots), ()
    for slot in reversed(slots):
        if n <= budget:
            break
        person = template.persons[slot.person]
        if slot.name != "ethnicity" or slot.person in predicated or "ethnicity" not in person.in_phrase:
            continue
        del person.states["ethnicity"]
        person.in_phrase.discard("ethnicity")
        n, held = n // slot.values_count, (*held, slot.person)
    return held


def _hold_ages(template: Template, slots: list[Slot], budget: int, lex: Lexicon) -> tuple[str, ...]:
    """Still over the budget after origins, holds back age adjectives on the device as `_hold_origins` does origins
    ("In the painting, a mother holds her baby while her elderly father ..." needed 96): from the last person back,
    an age said by an adjective in the person's own phrase ("elderly", "old", "middle-aged") leaves it, where the
    person's noun says no age of its own ("her elderly father" -> "her father"; never "a teenage girl" -> "a girl",
    whose noun is a child's, nor an age said in years or in a clause of its own). From the template's structure,
    never its values. Returns the age words held back."""
    said_apart = {seg.person for _, _, seg in template.spans if isinstance(seg, (Predicate, AgePhrase))}
    n, held = _product(s.values_count for s in slots), ()
    for slot in reversed(slots):
        if n <= budget:
            break
        person = template.persons[slot.person]
        word = person.said.get("age", "").lower()
        noun = lex.nouns.get(person.said.get("gender", "").lower() or person.head.lower() or "")
        adjective = lex.adjectives.get(word)
        if slot.name != "age" or slot.person in said_apart or "age" not in person.in_phrase or (
                adjective is None or adjective.attribute != "age" or noun is None or noun.age is not None):  # fmt: skip
            continue
        del person.states["age"]
        person.in_phrase.discard("age")
        n, held = n // slot.values_count, (*held, word)
    return held


def _held_note(whose: str, budget: int) -> str:
    """What the group's note says of an attribute held on the device over the budget ("one person's age ('old')")."""
    return (f"{whose} stays on the device (varying it too would need more than {budget} candidates; raise "
            "--max-candidates to vary it instead)")


def _origin_words(template: Template, persons: tuple[int, ...], lex: Lexicon) -> tuple[str, ...]:
    """The ethnicity words of the persons `_hold_origins` held back, as written in their phrases, so that the list of
    what stays on the device names them (the note says why)."""
    words = []
    for start, end, seg in template.spans:
        if isinstance(seg, Phrase) and seg.person in persons and start >= 0:
            for word in re.findall(r"[\w-]+", template.prompt[start:end]):
                said = lex.adjectives.get(word.lower())
                noun = lex.nouns.get(word.lower())
                if getattr(said, "attribute", None) == "ethnicity" or (noun is not None and noun.ethnicity):
                    words.append(word)
    return tuple(words)


@lru_cache(maxsize=4096)
def _cloud_set(
    prompt: str, protected: tuple[str, ...], lex: Lexicon, proxies: str, budget: int, ages: tuple[str, ...]
) -> frozenset[str]:
    return frozenset(_expand(prompt, protected, lex, proxies, budget, ages)[2])


def candidate_set(
    prompt: str,
    attributes: list[str] | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
    lexicon: Lexicon | None = None,
    proxies: str = "drop",
    ages: tuple[str, ...] | list[str] | None = None,
) -> frozenset[str]:
    """The set P of cloud candidates of `prompt` (no order, no checks beyond the parse)."""
    lex = lexicon or default_lexicon()
    return _cloud_set(prompt, _protected(attributes, lex), lex, proxies, max_candidates, check_ages(ages))


def _protected(attributes: list[str] | tuple[str, ...] | None, lex: Lexicon) -> tuple[str, ...]:
    if attributes is None:
        return tuple(lex.values)
    unknown = set(attributes) - set(lex.values)
    if unknown:
        raise DetectionError(f"unknown attribute(s) {', '.join(sorted(unknown))}; known: {', '.join(lex.values)}")
    return tuple(a for a in lex.values if a in attributes)


MAX_TYPO_FIXES = 3  # misspelt person words read as the word they miss ("womn" -> "woman"); more is refused


def transform(
    prompt: str,
    attributes: list[str] | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
    *,
    lexicon: Lexicon | None = None,
    proxies: str = "drop",
    detector=None,
    store: GroupStore | None = None,
    ages: tuple[str, ...] | list[str] | None = None,
) -> CandidateGroup:
    """Turns `prompt` into a verified, shuffled candidate group (arguments as in `_transform`).

    A person word with a letter dropped, doubled or swapped ("a beautiful womn", "my daugther") is read as the
    word it misses, up to `MAX_TYPO_FIXES` times: the word is rendered canonically, so the misspelling never
    reaches the cloud, and the group's `note` says what was read. A changed letter ("mage" / "male") is refused.
    The group's `prompt` stays the user's own text: the device finishes on it.
    """

    def read(text: str) -> tuple[CandidateGroup, str, list[str]]:
        text, fixes = _ages_in_words(text, lexicon or default_lexicon())
        while True:
            try:
                return _transform(text, attributes, max_candidates, lexicon=lexicon, proxies=proxies,
                                  detector=detector, store=store, ages=ages), text, fixes  # fmt: skip
            except Misspelt as exc:
                if not exc.fixable or len(fixes) == MAX_TYPO_FIXES:
                    raise
                written = text[exc.start : exc.end]
                fixed = exc.correction.upper() if written.isupper() else (
                    exc.correction.capitalize() if written[:1].isupper() else exc.correction)  # fmt: skip
                text, fixes = text[: exc.start] + fixed + text[exc.end :], [*fixes, f"'{written}' as '{fixed}'"]

    group, text, fixes = read(prompt)
    # "Abraham Lincoln giving the Gettysburg Address": a public figure's deed names them, so it stays on the
    # device with the name, and the rest is transformed again (`obclip.prompts.deeds`)
    lex = lexicon or default_lexicon()
    held = deeds(text, group.mentions, group.held_back, lex)
    # "a woman looking like Marilyn Monroe at a party": whom she looks like stays on the device with its name; what
    # follows is the woman's, not a deed of the name's
    alike = likenesses(text, group.held_back, lex)
    ends = [text.find(a) + len(a) for a in alike]
    held = tuple(d for d in held if not any(h in d or d in h for h in alike) and not any(
        text[e : text.find(d, e)].strip(" ,") == "" for e in ends if text.find(d, e) >= 0)) + alike  # fmt: skip
    notes = [group.note] if group.note else []
    if held:
        # the names left in the sentence (a name inside a deed goes with it: "shaking hands with Spiderman")
        names = tuple(dict.fromkeys(n for m in group.mentions if (n := name_of(m, group.held_back)) is not None
                                    and not any(n in h for h in held)))  # fmt: skip

        def lost(reduced: CandidateGroup) -> list[str]:  # names the reduced prompt no longer reads as names
            return [n for n in names if n not in reduced.held_back and capitalised(n) not in reduced.held_back]

        try:
            reduced, _, more = read(without(text, held, names))
        except DetectionError:
            reduced = None
        if reduced is None or lost(reduced):
            held = verb_kept(held, lex)  # "Einstein" alone is read as no one's name, "Einstein writing" as one
            reduced, _, more = read(without(text, held, names))
        group = reduced
        if missing := lost(group):
            raise DetectionError(
                f"what the prompt says {missing[0]!r} does would name them to the server (a public figure's deed, or "
                "one at a named place or event), "
                "but without it the name is no longer read as a person's; write the scene without the name, or with a "
                "plain noun for the person ('a scientist', 'a queen')"
            )
        fixes += more
        notes = [group.note] if group.note else []
        notes.append(f"what a named person does or says held back: {', '.join(repr(h) for h in held)}")
        as_written = {capitalised(n): n for n in names if n.islower()}  # "cinderella", read as "Cinderella"
        group = replace(group, held_back=tuple(dict.fromkeys(
            tuple(as_written.get(h, h) for h in group.held_back) + held)))  # fmt: skip
    if fixes:
        notes.append("read " + ", ".join(fixes))
    return replace(group, prompt=prompt, note="; ".join(notes)) if (held or fixes) else group


DECADE_DIGITS = {str(years // 10): word for word, years in DECADES.items() if years >= 20}  # "3" -> "thirties"


def _ages_in_words(text: str, lex: Lexicon) -> tuple[str, list[str]]:
    """ "A mid-30s mechanic" read as "A mid-thirties mechanic", as it is written in words (the digits split from
    "mid-" and were refused as a stray number, round 79): a decade with its part before a person's noun. A decade
    before anything else ("a car from the mid-80s") stays as written. "thirty something", in two words, is read
    as "thirty-something" wherever it is written; "turned sweet sixteen" as "turned sixteen"; "two and a half years
    old" as "two years old" (an age in whole years is all a candidate writes)."""
    fixes: list[str] = []

    def words(m: re.Match) -> str:
        if lex.nouns.get(m.group(3).lower()) is None and m.group(3).lower() not in COLLECTIVES:
            return m.group(0)
        fixes.append(f"'{m.group(1)}-{m.group(2)}0s' as '{m.group(1)}-{DECADE_DIGITS[m.group(2)]}'")
        return f"{m.group(1)}-{DECADE_DIGITS[m.group(2)]} {m.group(3)}"

    text = re.sub(r"\b(early|mid|late)-([2-9])0'?s (\w+)", words, text, flags=re.IGNORECASE)

    def sixteen(m: re.Match) -> str:  # "a girl who just turned sweet sixteen" (round 95: "turned sweet" was sent)
        fixes.append(f"'sweet {m.group(2)}' as '{m.group(2)}'")
        return f"{m.group(1)} {m.group(2)}"

    text = re.sub(r"\b(turn(?:ed|s|ing)?|is|was)\s+sweet\s+(sixteen|16)\b", sixteen, text, flags=re.IGNORECASE)

    def half(m: re.Match) -> str:  # "A toddler around two and a half years old" (round 95: refused as a stray number)
        if number_value(m.group(1)) is None:
            return m.group(0)
        fixes.append(f"'{m.group(1)} and a half' as '{m.group(1)}'")
        return m.group(1)

    text = re.sub(r"\b([\w-]+) and a half(?=\s+(?:years?|yrs?)\b|\s*[,)])", half, text, flags=re.IGNORECASE)

    def joined(m: re.Match) -> str:  # "A thirty something guy" (round 90: sent as written beside every decoy)
        after = (m.group(3) or "").lower()
        before = (text[: m.start()].split() or [""])[-1].lower()
        if m.group(2).lower() == "something" and lex.nouns.get(after) is None and after not in lex.adjectives and (
                after not in COLLECTIVES) and before not in SAID_AN_AGE:  # fmt: skip
            return m.group(0)  # "forty something dollars": no one's age; "she is forty something" is hers
        fixes.append(f"'{m.group(1)} {m.group(2)}' as '{m.group(1)}-{m.group(2)}'")
        return f"{m.group(1)}-{m.group(2)}"  # the word after is only looked at, not consumed

    return re.sub(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|[2-9]0)\s+(somethings?)\b(?=(?:\s+(\w+))?)",
                  joined, text, flags=re.IGNORECASE), fixes


def _transform(
    prompt: str,
    attributes: list[str] | None = None,
    max_candidates: int = DEFAULT_MAX_CANDIDATES,
    *,
    lexicon: Lexicon | None = None,
    proxies: str = "drop",
    detector=None,
    store: GroupStore | None = None,
    ages: tuple[str, ...] | list[str] | None = None,
) -> CandidateGroup:
    """Turns `prompt` into a verified, shuffled candidate group.

    Args:
        prompt (`str`): the user's prompt.
        attributes (`list[str]`, optional): attributes to protect; gender, age and ethnicity by default.
        max_candidates (`int`, defaults to 64): refuse prompts whose N exceeds this.
        lexicon (`Lexicon`, optional): the attribute lexicon; the shipped one by default.
        proxies (`str`, defaults to "drop"): "drop" keeps proxy words ("pregnant", "beard") on the device only;
            "refuse" refuses prompts that contain one.
        detector (`Callable[[str], list[tuple[int, int]]]`, optional): a model-based detector; a span it flags
            must lie inside a slot or a held-back word, or the prompt is refused.
        store (`GroupStore`, optional): the device's record of attributes already protected per prompt.
        ages (`tuple[str, ...]`, optional): the age scale; child, young, middle-aged, old by default
            (`PAPER_AGES` is the paper's, where a child folds into "young").

    Raises:
        DetectionError: the prompt is empty, ambiguous, or would not give a closed set (nothing is sent).
        CandidateBudgetExceeded: N > `max_candidates`.
    """
    if proxies not in PROXY_POLICIES:
        raise DetectionError(f"unknown proxy policy {proxies!r}; choose {' or '.join(PROXY_POLICIES)}")
    lex = lexicon or default_lexicon()
    protected, note, scale = _protected(attributes, lex), "", check_ages(ages)
    if store is not None:
        template = parse(prompt, lex, proxies) if prompt.strip() else None
        if template is not None:
            protected, note = store.protect(content_key(template), protected, tuple(lex.values))
    template, slots, cands, real, origins_held, ages_held = _expand(prompt, protected, lex, proxies, max_candidates, scale)
    if origins_held:
        # "a black man and a white woman": the note names the words ("white"); they are not listed in `held_back`,
        # which names words in no candidate, and another person's value may be written with the same word
        words = ", ".join(repr(w) for w in _origin_words(template, origins_held, lex))
        whose = "one person's" if len(origins_held) == 1 else f"{len(origins_held)} people's"
        whose += f" ethnicity ({words})" if words else " ethnicity"
        note = "; ".join(filter(None, [note, _held_note(whose, max_candidates)]))
    if ages_held:
        whose = "one person's" if len(ages_held) == 1 else f"{len(ages_held)} people's"
        whose += f" age ({', '.join(repr(w) for w in ages_held)})"
        note = "; ".join(filter(None, [note, _held_note(whose, max_candidates)]))
    if not any(ch.isalnum() for ch in real):
        raise DetectionError("every word of this prompt is held back on the device (it hints at someone's attribute), "
                             "so nothing would be left to send; say more of what the picture shows (\"a woman in a hijab "
                             "at a market\")")  # fmt: skip  # "a cane and": the decoys were refused as empty prompts
    if len(set(cands)) != len(cands):
        raise DetectionError("two value combinations give the same text, so the set cannot hide this prompt; rephrase")
    if real not in cands:
        raise DetectionError("the prompt does not survive its own rewriting; rephrase it")
    _check_closure(prompt, template, cands, protected, lex, proxies, max(max_candidates, len(cands)), scale)
    if detector is not None:
        _check_detector(prompt, detector, cands)
    labels = dict(zip(cands, itertools.product(*(range(s.values_count) for s in slots)), strict=True))
    order = list(cands)
    secrets.SystemRandom().shuffle(order)
    held = tuple(seg.text for _, _, seg in template.spans if isinstance(seg, Held) and (
        any(c.isalnum() for c in seg.text) or seg.why == "emoji") and (
        seg.text.lower() not in CLOSED or seg.why == "name"))  # fmt: skip  # an orphaned "at" or a comma left with a
    # held word is no word; a name that is also one ("aunt may") is
    # "taylor swift" -> "a person": the name stays on the device, and is listed unless the same word is sent as a
    # thing's ("Lily pad pond with Lily"), where the list would name a word the cloud does see
    held = tuple(dict.fromkeys(held + tuple(n for n in template.names if n not in real)))
    kept = tuple((prompt[a:b], why) for a, b, why in template.kept)
    return CandidateGroup(
        prompt, tuple(slots), tuple(order), order.index(real), protected, held, note, kept, template.mentions(),
        tuple(labels[c] for c in order) if slots else (),
    )


def _check_closure(
    prompt: str, template: Template, cands: list[str], protected: tuple[str, ...], lex: Lexicon, proxies: str,
    budget: int, scale: tuple[str, ...],
) -> None:
    """Every candidate must give back this very set, or nothing is sent."""
    expected, signature = frozenset(cands), _signature(template, protected)
    for c in cands:
        try:  # a candidate parsed to the real template's signature renders the same set; else render it in full
            same = _signature(_template(c, protected, lex, proxies, scale), protected) == signature or (
                _cloud_set(c, protected, lex, proxies, budget, scale) == expected)
        except DetectionError as exc:  # the message names the user's words only, never a decoy's
            raise DetectionError(f"this prompt's decoys would themselves be refused: {_own_words(exc, prompt)}; "
                                 "rephrase the prompt") from exc  # fmt: skip
        if not same:
            raise DetectionError(
                "a decoy of this prompt reads differently from the prompt itself (the words around a person "
                "change how the decoy is read), so the server could tell candidates apart; rephrase the prompt, "
                "e.g. name each person with a plain noun"
            )


def _own_words(exc: DetectionError, prompt: str) -> str:
    """A refusal of a decoy, said without the decoy's words: its reason, after the quoted word."""
    text = str(exc)
    quoted = re.search(r"'([^']+)'", text.split("): ", 1)[1] if "): " in text else "")
    if isinstance(exc, AmbiguousPronoun) and quoted is not None and len(parts := quoted.group(1).split()) >= 3:
        # "his grandson watches him work": a decoy's "her work" is hers or her working; said in the user's words
        # (it read "a word is unreadable", red team 56)
        own = re.search(rf"\b{re.escape(parts[0])}\s+(?:him|his|her)\s+{re.escape(parts[-1])}\b", prompt, re.IGNORECASE)
        if own is not None:
            return (f"'{own.group(0)}' reads two ways once its pronoun is another gender's (a thing of theirs, or them "
                    "doing it), so its decoys cannot be written; say it one way only (\"him at work\", \"him as he works\")")
    reason = text.split("): ", 1)[1] if "): " in text else text
    return reason if "'" not in reason or all(q in prompt for q in reason.split("'")[1::2]) else "a word is unreadable"


def _check_detector(prompt: str, detector, cands: list[str]) -> None:
    """A span the detector flags must not reach the cloud as written in every candidate."""
    for start, end in detector(prompt):
        word = prompt[start:end].strip().lower()
        if word and all(word in c.lower() for c in cands):
            raise DetectionError(
                f"the detector flagged {prompt[start:end]!r} as sensitive but no rule varies or holds it back; add it "
                "to a lexicon file (--lexicon FILE) or rephrase"
            )
