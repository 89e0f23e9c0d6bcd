"""Detection: which words of a prompt carry sensitive values, and which person each belongs to.

The parse is built so that every candidate parses back to the same structure:
- words are matched against the taxonomy's paradigms (longest match, case-insensitive,
  possessive "'s" / "'" kept aside), hyphenated words are single tokens ("middle-aged");
- a *person* is headed by a gendered noun ("woman") or a neutral person noun ("doctor");
  attribute adjectives attach to the person noun that follows them in the same phrase, or,
  used predicatively ("a woman, old and tired"), to the person before them;
- a gendered pronoun binds to the nearest singular person before it (after it, if none is
  before). This rule ignores gender, so it gives the same binding in every candidate. When
  the prompt's own pronoun disagrees with that person's gender ("a man and a woman, he ..."),
  no closed candidate set exists and `AmbiguousPronoun` asks for a rephrase.

A model-based detector can be plugged in (`Detector`): its spans must map to taxonomy forms,
otherwise the prompt is refused rather than sent with an unprotected attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from obclip.prompts.taxonomy import Paradigm, Taxonomy

_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:'s|’s|'|’)?|[^\sA-Za-z]")
STOP_WORDS = frozenset(
    "a an the this that these those his her their its my your our and or but with without while as of in on at to "
    "for by from near under over into onto behind beside between who which whom whose is are was were be being "
    "been has have had holding wearing".split()
)  # fmt: skip
PRONOUNS = {  # form -> (gender, role)
    "he": ("male", "subject"), "she": ("female", "subject"),
    "him": ("male", "object"), "his": ("male", "possessive"),
    "hers": ("female", "standalone"), "himself": ("male", "reflexive"), "herself": ("female", "reflexive"),
    "her": ("female", "object-or-possessive"),
}  # fmt: skip
_CLAUSE_END = frozenset(".,;:!?()")


class DetectionError(ValueError):
    """The prompt cannot be transformed without leaking; the message says why and what to do."""


class AmbiguousPronoun(DetectionError):
    """A pronoun whose referent would differ between candidates."""


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def core(self) -> str:
        """The word without a possessive suffix, lower case."""
        w = self.text.lower().replace("’", "'")
        return w[:-2] if w.endswith("'s") else w[:-1] if w.endswith("'") else w

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


@dataclass(frozen=True)
class Mention:
    """A matched form: tokens [first, last] realise `values` of `paradigm`."""

    first: int
    last: int
    paradigm: Paradigm
    values: tuple[str, ...]


@dataclass
class Person:
    """One referent: its head noun (if gendered), attribute adjectives and bound pronouns."""

    head: int  # token index of the head noun (or of the adjective, for a nominal "an Asian")
    plural: bool
    mentions: list[Mention] = field(default_factory=list)
    pronouns: list[int] = field(default_factory=list)

    def attributes(self) -> dict[str, str]:
        return {a: v for m in self.mentions for a, v in zip(m.paradigm.attributes, m.values, strict=True)}


@dataclass(frozen=True)
class Parse:
    tokens: tuple[Token, ...]
    persons: tuple[Person, ...]


class Detector(Protocol):
    """Pluggable detector: returns (start, end) character spans it deems sensitive."""

    def __call__(self, prompt: str) -> list[tuple[int, int]]: ...


def tokenize(prompt: str) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(prompt))


def _match_forms(tokens: tuple[Token, ...], taxonomy: Taxonomy) -> list[tuple[int, int, str]]:
    """Longest-match (first, last, form) of every taxonomy form, left to right."""
    forms = {form for p in taxonomy.paradigms for _, form in p.cells}
    longest = max((len(f.split()) for f in forms), default=1)
    found, i = [], 0
    while i < len(tokens):
        for n in range(longest, 0, -1):
            window = tokens[i : i + n]
            if len(window) < n or not all(t.is_word for t in window):
                continue
            if any(t.core != t.text.lower().replace("’", "'") for t in window[:-1]):
                continue  # a possessive can only end a form
            words = " ".join(t.core for t in window)
            if words in forms and _single_spaced(window):
                found.append((i, i + n - 1, words))
                i += n
                break
        else:
            i += 1
    return found


def _single_spaced(window: tuple[Token, ...]) -> bool:
    return all(b.start == a.end + 1 for a, b in zip(window, window[1:], strict=False))


def _paradigm_for(form: str, taxonomy: Taxonomy, age_adjective_before: bool, protected: set[str]) -> Paradigm | None:
    """The one paradigm a form belongs to in its context (joint rows only without an age adjective)."""
    rows = [p for p in taxonomy.paradigms if form in {f for _, f in p.cells}]
    joint = [p for p in rows if len(p.attributes) > 1]
    single = [p for p in rows if len(p.attributes) == 1]
    if joint and (not single or ("age" in protected and not age_adjective_before)):
        return joint[0]
    return single[0] if single else None


def parse(prompt: str, taxonomy: Taxonomy, detector: Detector | None = None) -> Parse:
    """Finds the persons of `prompt` and the attribute words and pronouns of each.

    Raises:
        AmbiguousPronoun: a pronoun disagrees with the person it binds to.
        DetectionError: `detector` flagged a span no taxonomy form covers.
    """
    tokens = tokenize(prompt)
    protected = set(taxonomy.protected)
    matches = _match_forms(tokens, taxonomy)
    mentions: list[Mention] = []
    for first, last, form in matches:
        age_adj = any(
            m.paradigm.kind == "adjective"
            and "age" in m.paradigm.attributes
            and first - 4 <= m.last < first
            and all(t.is_word and t.core not in STOP_WORDS for t in tokens[m.last + 1 : first])
            for m in mentions
        )  # an age adjective in the same phrase: the noun's own age reading is overridden
        row = _paradigm_for(form, taxonomy, age_adj, protected)
        if row is not None:
            mentions.append(Mention(first, last, row, row.values_of(form)))

    persons: dict[int, Person] = {}
    for m in mentions:
        if m.paradigm.kind == "noun":
            persons[m.last] = Person(m.last, m.paradigm.number == "plural", [m])
    for i, t in enumerate(tokens):
        if t.is_word and t.core in taxonomy.neutral_nouns and i not in persons:
            persons[i] = Person(i, t.core.endswith("s") or t.core in {"people", "children"})

    for m in (m for m in mentions if m.paradigm.kind == "adjective"):
        owner = _owner_of_adjective(m, tokens, persons)
        if owner is None:
            continue  # modifies a thing ("an old car"): not a personal attribute
        if owner not in persons:
            persons[owner] = Person(owner, False)
        persons[owner].mentions.append(m)

    ordered = [persons[k] for k in sorted(persons)]
    for person in ordered:
        seen: dict[str, str] = {}
        for m in person.mentions:
            for a, v in zip(m.paradigm.attributes, m.values, strict=True):
                if seen.setdefault(a, v) != v:
                    raise DetectionError(f"{tokens[person.head].text!r} is described as both {seen[a]} and {v} ({a})")
    if "gender" in protected:  # pronouns only change, and only need a binding, when gender does
        _bind_pronouns(tokens, ordered)
    if detector is not None:
        _check_detector(prompt, detector, tokens, ordered)
    kept = tuple(p for p in ordered if _varied(p, protected))
    return Parse(tokens, kept)


def _varied(person: Person, protected: set[str]) -> bool:
    return bool(set(person.attributes()) & protected) or bool(person.pronouns and "gender" in protected)


def _owner_of_adjective(m: Mention, tokens: tuple[Token, ...], persons: dict[int, Person]) -> int | None:
    """Token index of the person an attribute adjective describes, or None."""
    j = m.last + 1
    while j < len(tokens) and j <= m.last + 3 and tokens[j].is_word and tokens[j].core not in STOP_WORDS:
        if j in persons:
            return j
        j += 1
    nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
    predicative = nxt is None or not nxt.is_word or nxt.core in STOP_WORDS
    if not predicative:
        return None
    before = [k for k in persons if k < m.first and not _clause_break(tokens, k, m.first, sentence_only=True)]
    return max(before) if before else m.first  # nominal use ("an Asian") is a person of its own


def _clause_break(tokens: tuple[Token, ...], a: int, b: int, sentence_only: bool = False) -> bool:
    stops = {".", "!", "?", ";"} if sentence_only else _CLAUSE_END
    return any(tokens[i].text in stops for i in range(a + 1, b))


def _bind_pronouns(tokens: tuple[Token, ...], persons: list[Person]) -> None:
    singular = [p for p in persons if not p.plural]
    for i, t in enumerate(tokens):
        if not t.is_word or t.core not in PRONOUNS:
            continue
        before = [p for p in singular if p.head < i]
        after = [p for p in singular if p.head > i]
        target = before[-1] if before else (after[0] if after else None)
        if target is None:
            continue  # a pronoun with no person in the prompt is a person of its own
        gender = PRONOUNS[t.core][0]
        known = target.attributes().get("gender") or _pronoun_gender(tokens, target)
        if known is not None and known != gender:
            noun = tokens[target.head].text
            raise AmbiguousPronoun(
                f"pronoun {t.text!r} (character {t.start}) does not agree with {noun!r}, the nearest person before it; "
                "candidates bind each pronoun to the nearest person before it, whatever the genders, so this prompt "
                'has no closed candidate set: rephrase (e.g. name the person again: "the man\'s hand") or leave '
                "gender unprotected (--attributes age,ethnicity)"
            )
        target.pronouns.append(i)
    for i, t in enumerate(tokens):  # unbound pronouns: a person known only by pronouns
        if t.is_word and t.core in PRONOUNS and not any(i in p.pronouns for p in persons):
            persons.append(Person(i, False, pronouns=[i]))
    persons.sort(key=lambda p: min([p.head, *p.pronouns]))


def _pronoun_gender(tokens: tuple[Token, ...], person: Person) -> str | None:
    return PRONOUNS[tokens[person.pronouns[0]].core][0] if person.pronouns else None


def _check_detector(prompt: str, detector: Detector, tokens: tuple[Token, ...], persons: list[Person]) -> None:
    covered = set()
    for p in persons:
        for m in p.mentions:
            covered.update(range(tokens[m.first].start, tokens[m.last].end))
        for i in p.pronouns:
            covered.update(range(tokens[i].start, tokens[i].end))
    for start, end in detector(prompt):
        if not set(range(start, end)) <= covered:
            raise DetectionError(
                f"the detector flagged {prompt[start:end]!r} as sensitive but no taxonomy paradigm covers it; "
                "add its forms to the taxonomy (--taxonomy FILE) or rephrase"
            )
