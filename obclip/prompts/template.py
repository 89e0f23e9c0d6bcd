"""What a parse produces: person slots and the segments that replace token spans in every candidate.

A `Template` is the prompt with its people cut out; `obclip.prompts.render` fills it with one value
combination. The errors a parse raises live here too, so that every module of the parser shares them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from obclip.prompts import grammar as g

RACE_WORDS = frozenset({"black", "white", "brown", "caucasian"})  # beside a nationality ("Black British"), the value
OUTSIDE = "held"  # `lexicon.HELD`: an ethnicity outside the value space (the lexicon imports this module)


class DetectionError(ValueError):
    """The prompt cannot be transformed without leaking; the message says why and what to do."""


class AmbiguousPronoun(DetectionError):
    """A pronoun whose role or referent would differ between candidates."""


class Misspelt(DetectionError):
    """A person word one slip of the keyboard from an attribute word ("womn", "daugther"): `start`..`end` in the
    text parsed, and the word it reads as (`correction`)."""

    def __init__(self, message: str, start: int = 0, end: int = 0, correction: str = "", fixable: bool = False) -> None:
        super().__init__(message)
        self.start, self.end, self.correction, self.fixable = start, end, correction, fixable


class ProxyRefused(DetectionError):
    """A word that hints at an attribute, refused under the `refuse` proxy policy."""




@dataclass
class Person:
    """One referent of the prompt and what the prompt states about it.

    Attributes:
        cls (`str | None`): lexicon class of the head noun (None: a neutral noun, kept as written).
        head (`str`): the neutral head noun as written (lower case) when `cls` is None.
        number (`str`): "sg" or "pl".
        states (`dict[str, str]`): attribute -> the value the prompt gives (HELD: outside the value space).
        in_phrase (`set[str]`): attributes the person's own noun phrase expresses (rendered in it).
        pronoun_only (`bool`): known only through pronouns.
    """

    cls: str | None = "person"
    head: str = ""
    number: str = "sg"
    states: dict[str, str] = field(default_factory=dict)
    strength: dict[str, bool] = field(default_factory=dict)
    in_phrase: set[str] = field(default_factory=set)
    pronoun_only: bool = False
    in_years: bool = False  # its age was given as a number of years ("a 30-year-old girl" is an adult)
    named: bool = False  # introduced by a name ("Emma"), written "a woman" in the cloud view
    anchor: int = 0  # token index that orders persons for binding (head, or first pronoun)
    mentions: list[int] = field(default_factory=list)  # token indices of its head and bound pronouns
    said: dict[str, str] = field(default_factory=dict)  # attribute -> the word that stated its value

    def __post_init__(self) -> None:
        self.mentions.append(self.anchor)

    def state(self, attribute: str, value: str, strong: bool, word: str) -> None:
        old = self.states.get(attribute)
        if attribute == "age" and {old, value} == {"child", "young"} and strong == self.strength.get(attribute):
            self.states[attribute] = "child"  # "a wee lass", "a flapper girl": young among children is a child
            return
        if attribute == "ethnicity" and OUTSIDE not in (old, value) and old not in (None, value) and (
                (self.said.get(attribute, "") in RACE_WORDS) != (word.lower() in RACE_WORDS)):  # fmt: skip
            # "a Black British teenager", "a white Russian man": a race word says the value, a nationality beside it
            # where the person is from (it was refused as two values); the race word's value is the person's
            if word.lower() in RACE_WORDS:
                self.states[attribute], self.said[attribute] = value, word.lower()
            self.strength[attribute] = self.strength.get(attribute, False) or strong
            return
        if attribute == "ethnicity" and value == OUTSIDE and old not in (None, value):
            # "a Black American woman", "a white Canadian girl": a nationality outside the value space (held back
            # as a word) after a value says nothing against it; the value is the person's (it was refused). Not
            # the other way round: in "South African" the held pair comes first and its own "African" says no value
            self.strength[attribute] = self.strength.get(attribute, False) or strong
            return
        if old is None or (strong and not self.strength.get(attribute)):
            self.states[attribute], self.strength[attribute], self.said[attribute] = value, strong, word.lower()
        elif old != value and strong == self.strength.get(attribute):
            raise DetectionError(
                f"{word!r} makes one person both {old} and {value} ({attribute}); rephrase so that each person "
                "has one value"
            )


# --- segments of a template (what replaces a token span in every candidate) -----------------------------
@dataclass(frozen=True)
class Phrase:
    """A person's noun phrase: determiner, other modifiers as written, then canonical attribute words.

    `noun` is set on a second mention of a person ("She is *a doctor*", "*The man* looks angry"): its own
    class, noun, number and the attributes its words state, as (cls, head, number, in_phrase); a first
    mention renders from its `Person`."""

    person: int
    det: str
    mods: tuple[str, ...]
    possessive: str
    casing: str
    noun: tuple[str | None, str, str, frozenset[str]] | None = None


@dataclass(frozen=True)
class Pronoun:
    person: int
    role: str
    casing: str
    suffix: str = ""  # a verb glued to a subject pronoun, as written ("'ll" in "she'll")


@dataclass(frozen=True)
class Predicate:
    """An attribute adjective used predicatively ("she is old"), bound to a person."""

    person: int
    attribute: str
    casing: str
    tag: bool = False  # a whole comma-separated tag ("1girl, blonde, teenage"), written as a tag is


@dataclass(frozen=True)
class AgePhrase:
    """An age expression ("in her 70s", "aged 45", "70 years old") rendered with a canonical number."""

    person: int
    kind: str  # "decade", "aged", "years", "bare", "ish", "born", "ordinal", "of", "turning", an APPROXIMATE word
    casing: str
    pronoun_casing: str = g.LOWER
    word: str = ""  # the "in"/"aged" word as written
    plural: bool = False  # "in their 30s": the pronoun stays "their"
    pronoun: str = ""  # "in my 40s", "in our 70s": the asker's possessive, written as it is


@dataclass(frozen=True)
class Held:
    """Words left out of the cloud view (restored on the device). `stand_in` is what the cloud view writes in
    their place, where leaving nothing would break the sentence ("a mother breastfeeding her baby" -> "a mother
    with her baby"): a function word that says nothing of anyone, the same in every candidate."""

    text: str
    why: str
    stand_in: str = ""


Segment = Phrase | Pronoun | Predicate | AgePhrase | Held


@dataclass(frozen=True)
class Template:
    """A prompt with its person slots cut out: every candidate renders the same template.

    Attributes:
        prompt (`str`): the text parsed.
        spans (`tuple[tuple[int, int, Segment], ...]`): (start, end) character spans and what replaces them.
        persons (`tuple[Person, ...]`): the referents, in order of appearance.
        kept (`tuple[tuple[int, int, str], ...]`): character spans of words that look like person cues but were
            judged to be about no person, kept as written, each with its reason ("a French restaurant").
        names (`tuple[str, ...]`): names the cloud view writes as a person's phrase ("taylor swift" -> "a
            person"): left out of every candidate as held-back words are, and listed with them.
    """

    prompt: str
    spans: tuple[tuple[int, int, Segment], ...]
    persons: tuple[Person, ...]
    kept: tuple[tuple[int, int, str], ...] = ()
    names: tuple[str, ...] = ()

    @property
    def held(self) -> tuple[Held, ...]:
        return tuple(s for _, _, s in self.spans if isinstance(s, Held))

    def mentions(self) -> tuple[Mention, ...]:
        """Every span the parse decided on, in text order: what it refers to and why (the parse's account)."""
        out = []
        for start, end, seg in self.spans:
            if start < 0:
                continue
            text = self.prompt[start:end]
            if isinstance(seg, Held):
                out.append(Mention(start, end, text, "held back", None, (), seg.why))
            else:
                p = self.persons[seg.person]
                kind = {Phrase: "person", Pronoun: "pronoun", AgePhrase: "age", Predicate: "predicate"}[type(seg)]
                out.append(Mention(start, end, text, kind, seg.person, tuple(sorted(p.states)), ""))
        for start, end, why in self.kept:
            kind = "named thing" if why.startswith("a name of") else "no person"
            out.append(Mention(start, end, self.prompt[start:end], kind, None, (), why))
        return tuple(sorted(out, key=lambda m: (m.start, m.end)))


@dataclass(frozen=True)
class Mention:
    """One decided span of a prompt: a mention of a person (its phrase, a pronoun, an age phrase, a predicate),
    a word held back, or a person-like word kept as written because it refers to no person.

    Attributes:
        start (`int`), end (`int`): the characters.
        text (`str`): the words as written.
        kind (`str`): "person", "pronoun", "age", "predicate", "held back", "named thing" or "no person".
        person (`int | None`): the referent, for the person kinds; its other mentions share the number.
        attributes (`tuple[str, ...]`): what the prompt states about the referent.
        why (`str`): the reason, for held-back and kept words.
    """

    start: int
    end: int
    text: str
    kind: str
    person: int | None
    attributes: tuple[str, ...]
    why: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if (self.person is None) != (self.kind in ("held back", "named thing", "no person")):
            raise ValueError(f"a {self.kind} mention {'needs' if self.person is None else 'has no'} person")
