"""Parsing a prompt into a value-free template: person slots, pronouns, age phrases, held-back words.

The template is what every candidate shares. Each *person* (a noun phrase, a name, or someone
known only by pronouns) becomes a slot; the words that state its gender, age or ethnicity are
absorbed into the slot, so the cloud sees one canonical wording per value combination
(`obclip.prompts.render`) instead of the user's own words. What cannot be varied is held back
(left out of the cloud view and restored on the device): names, proxies such as "pregnant",
ethnicities outside the value space. Where a role or a binding cannot be decided the parse
refuses (`DetectionError`), naming the word: nothing is sent.

Rules, each decided from the lexicon and syntax rather than the next word's spelling:
- a person noun heads a phrase; its determiner and modifiers to the left belong to it, and
  the attribute words among them move into the slot ("a little girl" -> young, female);
- a gendered pronoun binds to the nearest singular person before it, whatever the genders,
  so every candidate has the same binding; a pronoun that disagrees with that person is
  refused; a pronoun with no person before it is a person of its own ("she and her sister");
- the case of "her" (possessive or object) and "his" (possessive or standalone) follows the
  part of speech of what comes next (`pronoun_role`); ambiguous readings are refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from obclip.prompts import grammar as g
from obclip.prompts.lexicon import HELD, Lexicon, Noun
from obclip.prompts.tokens import Token, sentence_starts, tokenize


class DetectionError(ValueError):
    """The prompt cannot be transformed without leaking; the message says why and what to do."""


class AmbiguousPronoun(DetectionError):
    """A pronoun whose role or referent would differ between candidates."""


class ProxyRefused(DetectionError):
    """A word that hints at an attribute, refused under the `refuse` proxy policy."""


COLLECTIVES = frozenset("couple couples family families crowd crowds group groups team teams pair pairs twins".split())
CURRENT_YEAR = 2026  # birth years become ages against this year (pinned so that a set never changes with the date)
_YEAR_OLD = re.compile(r"^(\d+|[a-z]+(?:-[a-z]+)?)-(years?|months?|weeks?|days?)-olds?$")
_SOMETHING = re.compile(r"^(\d)0-?something$")
_AGE_UNITS = frozenset("year years yr yrs month months week weeks day days".split())
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_YO = frozenset({"yo", "y/o", "yrs", "yr", "years", "year"})
_DECADE_NUM = re.compile(r"^(\d)0['’]?s$")
_STYLE_MARKERS = frozenset({"by", "artist", "painter", "photographer"})
_STYLE_NOUNS = frozenset("lighting style painting paintings portrait photo photograph photography art artwork colors colours palette aesthetic quote".split())
_PLACE_PREPOSITIONS = frozenset("through to in from at across around over near visiting of into towards toward".split())
_INTRODUCERS = frozenset("with in wearing sporting has having and".split())
_NAME_LIKE_CLOSED = frozenset({"will", "may", "june", "sunny"})
_COMPOUND_TAILS = frozenset("owned led run only friendly founded operated majority dominated".split())
_POSSESSIVE_DETERMINERS = frozenset("his her their my your our its".split())
_PERSON_SLOT_WORDS = frozenset("of with and meet meeting featuring starring".split())
_CONTRACTED_PRONOUN = re.compile(r"^(she|he)(?:'(?:s|ll|d|ve|re)|s|z)$")
_NAMING_WORDS = frozenset("named called nicknamed christened".split())
_AFTER_NAME = frozenset("and with is was has had who smiles smiling stands sits walks looks holds".split())
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X)$")
_PLACE_WORDS = frozenset("lake mount mt isle island saint st fort cape river port bay lac loch glen".split())
_CLAUSE_WORDS = frozenset("and or but while as who whom which that when because so then whereas although though if since until".split())
_PREDICATE_LINKS = frozenset("is are was were looks look looking seems seem appears appear very quite rather , and but".split())


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
    anchor: int = 0  # token index that orders persons for binding (head, or first pronoun)
    mentions: list[int] = field(default_factory=list)  # token indices of its head and bound pronouns

    def __post_init__(self) -> None:
        self.mentions.append(self.anchor)

    def state(self, attribute: str, value: str, strong: bool, word: str) -> None:
        old = self.states.get(attribute)
        if old is None or (strong and not self.strength.get(attribute)):
            self.states[attribute], self.strength[attribute] = value, strong
        elif old != value and strong == self.strength.get(attribute):
            raise DetectionError(
                f"{word!r} makes one person both {old} and {value} ({attribute}); rephrase so that each person "
                "has one value"
            )


# --- segments of a template (what replaces a token span in every candidate) -----------------------------
@dataclass(frozen=True)
class Phrase:
    """A person's noun phrase: determiner, other modifiers as written, then canonical attribute words."""

    person: int
    det: str
    mods: tuple[str, ...]
    possessive: str
    casing: str


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


@dataclass(frozen=True)
class AgePhrase:
    """An age expression ("in her 70s", "aged 45", "70 years old") rendered with a canonical number."""

    person: int
    kind: str  # "decade" | "aged" | "years"
    casing: str
    pronoun_casing: str = g.LOWER
    word: str = ""  # the "in"/"aged" word as written
    plural: bool = False  # "in their 30s": the pronoun stays "their"


@dataclass(frozen=True)
class Held:
    """Words left out of the cloud view (restored on the device)."""

    text: str
    why: str


Segment = Phrase | Pronoun | Predicate | AgePhrase | Held


@dataclass(frozen=True)
class Template:
    """A prompt with its person slots cut out: every candidate renders the same template.

    Attributes:
        prompt (`str`): the text parsed.
        spans (`tuple[tuple[int, int, Segment], ...]`): (start, end) character spans and what replaces them.
        persons (`tuple[Person, ...]`): the referents, in order of appearance.
    """

    prompt: str
    spans: tuple[tuple[int, int, Segment], ...]
    persons: tuple[Person, ...]

    @property
    def held(self) -> tuple[Held, ...]:
        return tuple(s for _, _, s in self.spans if isinstance(s, Held))


# --- the parser ------------------------------------------------------------------------------------------
class _Parser:
    def __init__(self, prompt: str, lex: Lexicon, proxies: str, gender_protected: bool = True) -> None:
        self.prompt, self.lex, self.proxies = prompt, lex, proxies
        self.gender_protected = gender_protected
        self.tokens = tokenize(prompt)
        self.starts = sentence_starts(self.tokens)
        letters = [c for c in prompt if c.isalpha()]
        self.upper_mode = bool(letters) and not any(c.islower() for c in letters)
        words = [t for t in self.tokens if t.is_word and len(t.text) > 1]
        capitals = [t for t in words if t.capitalised]
        common = [t for t in capitals if set(lex.tags(t.core)) & set("nvar") and _plain(t.core) not in lex.first_names]
        self.title_mode = (len(words) >= 3 and len(capitals) >= 0.7 * len(words) and len(common) >= 2
                           and all(t.capitalised for t in words if len(t.text) > 3))  # fmt: skip
        self.used: dict[int, int] = {}  # token index -> span id
        self.spans: list[tuple[int, int, Segment]] = []  # token spans (first, last, segment)
        self.persons: list[Person] = []
        self.names: dict[str, int] = {}

    # helpers
    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and i not in self.used

    def claim(self, first: int, last: int, segment: Segment) -> None:
        for i in range(first, last + 1):
            self.used[i] = len(self.spans)
        self.spans.append((first, last, segment))

    def phrase_case(self, first: int, last: int, named: bool = False) -> str:
        if self.upper_mode:
            return g.UPPER
        words = [t for t in self.tokens[first : last + 1] if t.is_word]
        if not named and len(words) > 1 and all(t.capitalised for t in words):
            return g.TITLE
        if named:
            return g.SENTENCE if first in self.starts else g.LOWER
        return g.SENTENCE if words and words[0].capitalised else g.LOWER

    def noun(self, t: Token) -> tuple[Noun, str] | None:
        """The person noun `t` is, with a hyphenated prefix kept ("ex-wife" -> wife, "ex-")."""
        entry = self.lex.nouns.get(t.core)
        if entry is not None:
            return entry, ""
        if self.lex.titles.get(t.core) and not t.capitalised:
            return Noun("person", "sg", self.lex.titles[t.core]), ""  # "a portrait of a madam"
        if "-" in t.core:
            prefix, _, last = t.core.rpartition("-")
            entry = self.lex.nouns.get(last)
            if entry is not None and prefix not in ("year", "years"):
                return entry, t.text[: len(prefix) + 1]
        return None

    def refuse(self, t: Token, why: str, exc: type[DetectionError] = DetectionError) -> DetectionError:
        return exc(f"{t.text!r} (character {t.start}): {why}")

    # passes
    def run(self) -> Template:
        self.check_script()
        self.check_alternatives()
        self.mark_emoji()
        self.mark_non_person()
        self.mark_proxies(person_words_only=True)
        self.mark_gendered_compounds()
        self.mark_names()
        self.mark_noun_phrases()
        self.mark_age_phrases()
        self.mark_predicates()
        self.mark_proxies()
        self.mark_origins()
        self.mark_pronouns()
        self.check_residue()
        order = sorted(range(len(self.spans)), key=lambda k: self.spans[k][0])
        spans = tuple(
            (self.tokens[first].start, self.tokens[last].end, seg) if first >= 0 else (-1, -1, seg)
            for first, last, seg in (self.spans[k] for k in order)
        )
        spans = tuple(s for s in spans if not (isinstance(s[2], Held) and s[2].why == "not a person"))
        # persons numbered by where they first appear, so that a candidate parses back to the same numbering
        first_seen = {}
        for start, _, seg in spans:
            pid = getattr(seg, "person", None)
            if pid is not None and start >= 0:
                first_seen.setdefault(pid, start)
        order = sorted(range(len(self.persons)), key=lambda k: (first_seen.get(k, 1 << 30), self.persons[k].anchor))
        new_id = {old: new for new, old in enumerate(order)}
        spans = tuple(
            (a, b, replace(seg, person=new_id[seg.person]) if hasattr(seg, "person") else seg) for a, b, seg in spans
        )
        return Template(self.prompt, spans, tuple(self.persons[k] for k in order))

    def check_script(self) -> None:
        """Refuses text the lexicon cannot read: look-alike letters from another script inside a word
        ("wоman" with a Cyrillic о), full-width letters, and prompts that are mostly not English."""
        for k, c in enumerate(self.prompt):
            if unicodedata.category(c) == "Cf" and not (c == "\u200d" and k and not self.prompt[k - 1].isascii()):
                raise DetectionError(
                    f"the prompt holds an invisible character (U+{ord(c):04X}, character {k}) that can hide a word "
                    "from the device; remove it"
                )
        unknown = 0
        words = [t for t in self.tokens if t.is_word]
        for t in words:
            if unicodedata.normalize("NFKC", t.text) != t.text:
                raise self.refuse(t, "written with full-width or compatibility letters; retype it in plain letters")
            scripts = {unicodedata.name(c, "?").split()[0] for c in t.text if c.isalpha()}
            if len(scripts) > 1:
                raise self.refuse(t, f"mixes letters of several scripts ({', '.join(sorted(scripts))}); retype it")
            if len(t.core) > 1 and not (self.lex.tags(t.core) or t.core in self.lex.nouns or _plain(t.core) in
                                        self.lex.first_names or t.core in self.lex.adjectives):  # fmt: skip
                unknown += 1
        if len(words) >= 4 and unknown > 0.5 * len(words):
            raise DetectionError(
                f"{unknown} of the {len(words)} words of this prompt are not English words the device knows; "
                "ObCLIP's lexicon reads English prompts only: write the prompt in English"
            )

    def mark_emoji(self) -> None:
        """Emoji (people, skin tones, joiners) can show gender, age and ethnicity: held back on the device."""
        i = 0
        while i < len(self.tokens):
            if _is_emoji(self.tokens[i]):
                j = i
                while j + 1 < len(self.tokens) and _is_emoji(self.tokens[j + 1]):
                    j += 1
                self.claim(i, j, Held(self.prompt[self.tokens[i].start : self.tokens[j].end], "emoji"))
                i = j + 1
            else:
                i += 1

    def mark_gendered_compounds(self) -> None:
        """"a woman-owned business", "female-led": a person word inside a compound about a thing; held back."""
        for i, t in enumerate(self.tokens):
            if self.free(i) and t.is_word and "-" in t.core:
                head, _, rest = t.core.partition("-")
                entry = self.lex.nouns.get(head) or self.lex.adjectives.get(head)
                if entry is not None and rest.split("-")[0] in _COMPOUND_TAILS:
                    self.claim(i, i, Held(t.text, "proxy"))

    def mark_non_person(self) -> None:
        cores = [_plain(t.core) for t in self.tokens]
        for words in self.lex.non_person:
            phrase = tuple(_plain(w[:-2] if w.endswith(("'s", "’s")) else w) for w in words)
            n = len(phrase)
            for i in range(len(cores) - n + 1):
                if tuple(cores[i : i + n]) == phrase and all(self.free(j) for j in range(i, i + n)):
                    self.claim(i, i + n - 1, Held(" ".join(t.text for t in self.tokens[i : i + n]), "not a person"))

    def new_person(self, person: Person) -> int:
        self.persons.append(person)
        return len(self.persons) - 1

    def check_alternatives(self) -> None:
        """Refuses gendered words offered as alternatives ("s/he", "(s)he", "man/woman", "him|her"): each
        side would be varied on its own, and decoys such as "she/she" or "s/she" would mark themselves."""
        for i, t in enumerate(self.tokens):
            if t.text not in ("/", "|", "\\", ")") or t.end - t.start != 1:
                continue
            prev, nxt = self.tok(i - 1), self.tok(i + 1)
            if prev is None or nxt is None or not (prev.is_word and nxt.is_word):
                continue
            if prev.end != t.start or nxt.start != t.end:
                continue
            sides = [w.core for w in (prev, nxt)]
            gendered = [w in g.PRONOUN_GENDER or getattr(self.lex.nouns.get(w), "gender", None) is not None
                        for w in sides]  # fmt: skip
            if all(gendered) or (sides[0] == "s" and sides[1] == "he"):
                raise self.refuse(t, f"'{prev.text}{t.text}{nxt.text}' offers genders as alternatives; write one "
                                  "(or \"they\", \"a person\") so every candidate can say it")  # fmt: skip

    def mark_names(self) -> None:
        """Titles and first names: the person is kept (canonical phrase), the name itself held back.

        A name after "by" ("by John Singer Sargent") names an artist whose style is asked for, not a
        person in the picture: it stays as written.
        """
        for i, t in enumerate(self.tokens):
            if t.low == "by" and self.free(i + 1):
                j = i + 1
                while self.free(j) and self.tokens[j].is_word and (self.tokens[j].capitalised or self.upper_mode):
                    j += 1
                if j > i + 1:
                    text = self.prompt[self.tokens[i + 1].start : self.tokens[j - 1].end]
                    self.claim(i + 1, j - 1, Held(text, "not a person"))
        for i, t in enumerate(self.tokens):  # "a man named Bob", "a woman called maria": a name, whatever its case
            nxt = self.tok(i + 1)
            if t.low in _NAMING_WORDS and self.free(i) and self.free(i + 1) and nxt.is_word and nxt.core not in g.CLOSED and (
                    _plain(nxt.core) in self.lex.first_names or (nxt.capitalised and not self.lex.tags(nxt.core))):
                end = i + 1
                while self.free(end + 1) and self.tokens[end + 1].capitalised and self.capital_name_part(
                        self.tokens[end + 1]):
                    end += 1
                self.claim(i, end, Held(self.prompt[t.start : self.tokens[end].end], "name"))
        for i, t in enumerate(self.tokens):
            if not self.free(i) or not t.is_word:
                continue
            prev, nxt = self.tok(i - 1), self.tok(i + 1)
            if t.core in g.CLOSED and not (t.core in _NAME_LIKE_CLOSED and t.capitalised and (
                    i not in self.starts or self.acts_like_person(i))):
                continue  # "Will and his dog" is a name; "will" is not
            if (prev is not None and prev.low in _STYLE_MARKERS) or self.place_word(i):
                continue
            capital = t.capitalised or self.upper_mode
            title = capital and t.core.rstrip(".") in self.lex.titles
            noun = self.lex.nouns.get(t.core)
            # "Queen Elizabeth II", "Grandma Rose", "Aunt Jemima": a gendered noun used as a title
            noun_title = (capital and noun is not None and noun.gender is not None and nxt is not None
                          and nxt.capitalised and _plain(nxt.core) in self.lex.first_names)  # fmt: skip
            glued = nxt is not None and nxt.start == t.end and nxt.kind == "num"  # "R5", "EOS"
            acronym = t.text.isupper() and not self.upper_mode
            # "a photo of jessica": a first name that is no English word is a name in any case
            unknown = not capital and len(t.core) > 2 and _plain(t.core) in self.lex.first_names and (
                t.core not in self.lex.nouns) and self.lowercase_name(i)
            first = (capital or unknown) and _plain(t.core) in self.lex.first_names and len(t.core) > 1 and (
                not glued and not acronym)
            famous = t.capitalised and not self.upper_mode and "p" in self.lex.tags(t.core)
            if not (title or noun_title or first or famous):
                continue
            appositive = first and noun is None and not self.title_mode and not self.upper_mode
            if appositive and prev is not None and self.lex.nouns.get(prev.core) is not None:
                end = i
                while self.free(end + 1) and self.tokens[end + 1].capitalised and self.capital_name_part(
                        self.tokens[end + 1]):
                    end += 1  # "her great-grandson Will": the name of the person just named; held back
                self.claim(i, end, Held(self.prompt[t.start : self.tokens[end].end], "name"))
                continue
            if not (title or noun_title):
                named_noun = first and noun is not None and noun.gender is None and t.capitalised and (
                    i not in self.starts or self.acts_like_person(i))  # "Bobby, Billy and Jimmy"
                if t.core in self.lex.adjectives or (noun is not None and not named_noun):
                    continue  # "a Black woman", "Asian": an attribute word, not a name
                if famous and not first and (set(self.lex.tags(t.core)) & set("nvar")) and not self.acts_like_person(i):
                    continue  # a common word that is also someone's surname ("Black"), unless used as one
                surname = nxt is not None and nxt.capitalised and not self.title_mode and not self.upper_mode
                if nxt is not None and nxt.is_word and self.noun(nxt) is not None and not surname:
                    continue  # "Asian woman": a modifier of the person noun after it
                acts = self.acts_like_person(i)
                place = "P" in self.lex.tags(t.core) and (
                    not acts or (prev is not None and prev.low in _PLACE_PREPOSITIONS))
                if place or (not first and self.modifies_next(i)) or not self.looks_like_name(i):
                    continue
            self.name_phrase(i, title, noun if noun_title else None)

    def lowercase_name(self, i: int) -> bool:
        """A first name written in lower case: "jessica" (no English word), "karen asking" (a rare word
        where a name stands), "uncle bob", "my son jayden" (any first name right after a person noun)."""
        t, prev = self.tokens[i], self.tok(i - 1)
        tags = set(self.lex.tags(t.core))
        if prev is not None and (prev.core in g.DETERMINERS or prev.core in _POSSESSIVE_DETERMINERS):
            return False  # "his katana", "a tesla": a thing
        after_person = prev is not None and prev.is_word and self.free(i - 1) and (
            self.lex.nouns.get(prev.core) is not None) and (
            not prev.possessive and not ("v" in tags and "n" not in tags))  # "a man drew" is a verb
        nxt = self.tok(i + 1)
        modifies = nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core) and (
            nxt.core not in g.CLOSED and not nxt.core.endswith("ing"))  # "a king ocean liner"
        if after_person and t.core not in self.lex.adjectives and not t.core.endswith("ing") and not modifies:
            return True
        where_a_name_stands = self.acts_like_person(i) or (prev is not None and prev.low in _PERSON_SLOT_WORDS)
        if tags <= {"p"}:
            return self.lex.first_names[_plain(t.core)] in ("male", "female") or where_a_name_stands
        return "N" in tags and self.acts_like_person(i)  # "karen asking"; "salt and pepper" is no name

    def acts_like_person(self, i: int) -> bool:
        """The word after token i is what follows a person's name ("Bob fixing", "Will and", "Bob's")."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        if t.possessive:
            return True
        if nxt is None:
            return False
        if nxt.text == ",":  # "Bobby, Billy and Jimmy" (where capitals mean something)
            after = self.tok(i + 2)
            return after is not None and after.capitalised and not self.title_mode and not self.upper_mode
        surname = (nxt.capitalised and not nxt.text.isupper() and not self.title_mode and not self.upper_mode
                   and nxt.core not in g.CLOSED)  # fmt: skip
        return nxt.is_word and (nxt.core.endswith("ing") or nxt.core in _AFTER_NAME or surname)

    def name_phrase(self, i: int, title: bool, noun: Noun | None) -> None:
        """Claims a name with its title and surname as one person phrase ("a woman", "a queen")."""
        t = self.tokens[i]
        first_tok = i
        if not title and noun is None and not self.upper_mode and not self.title_mode:
            while self.free(first_tok - 1) and self.tokens[first_tok - 1].capitalised and (
                first_tok - 1 not in self.starts or not self.lex.tags(self.tokens[first_tok - 1].core)
            ) and not (set(self.lex.tags(self.tokens[first_tok - 1].core)) & set("nvardicoxw")):
                first_tok -= 1  # "Mona Lisa": an unknown capitalised word before a first name
        last = i
        gender = self.lex.titles.get(t.core.rstrip(".")) if title else (noun.gender if noun else None)
        if title and self.tok(last + 1) is not None and self.tokens[last + 1].text == ".":
            last += 1
        j = last + 1
        name_words: list[Token] = [] if (title or noun) else [t]
        while self.free(j) and self.tokens[j].is_word and (self.tokens[j].capitalised or self.upper_mode):
            nxt = self.tokens[j]
            noun_word = self.lex.nouns.get(nxt.core) is not None and (self.title_mode or self.upper_mode)
            if nxt.core in g.CLOSED or noun_word or len(name_words) >= 3 or (nxt.text.isupper() and not self.upper_mode):
                break
            if self.upper_mode and set(self.lex.tags(nxt.core)) & set("nvar") and _plain(nxt.core) not in self.lex.first_names:
                break
            name_words.append(nxt)
            last = j
            j += 1
        if self.free(j) and _ROMAN.match(self.tokens[j].text):
            last = j  # "Elizabeth II"
        for w in name_words[:1]:
            if gender is None and _plain(w.core) in self.lex.first_names:
                gender = _name_gender(self.lex.first_names[_plain(w.core)])
        key = " ".join(_plain(w.core) for w in name_words) or t.core
        if key in self.names:
            person_id, det = self.names[key], "the"
        else:
            person = Person(cls=noun.cls if noun else "person", number="sg", anchor=i)
            if gender:  # a first name's usual gender is weak: the prompt's own pronoun wins ("Alex and her ...")
                person.state("gender", gender, bool(title or noun), t.text)
                person.in_phrase.add("gender")
            person_id, det = self.new_person(person), "a"
            self.names[key] = person_id
        casing = self.phrase_case(first_tok, last, named=True)
        self.claim(first_tok, last, Phrase(person_id, det, (), self.tokens[last].possessive, casing))

    def modifies_next(self, i: int) -> bool:
        """A capitalised word followed by a common noun ("Rembrandt lighting", "Eiffel Tower")."""
        nxt = self.tok(i + 1)
        if nxt is None or not nxt.is_word or self.tokens[i].possessive or self.noun(nxt) is not None:
            return False
        tags = self.lex.tags(nxt.core)
        if nxt.capitalised and not self.upper_mode and not self.title_mode:
            return bool(set(tags) & set("nva")) and not set(tags) & set("pP")
        style = nxt.core in _STYLE_NOUNS and "p" in self.lex.tags(self.tokens[i].core)
        return style or ("n" in tags and "v" not in tags)

    def place_word(self, i: int) -> bool:
        prev = self.tok(i - 1)
        return prev is not None and prev.low in _PLACE_WORDS and prev.capitalised

    def looks_like_name(self, i: int) -> bool:
        """A capitalised first name used as a name, not a common word where every word has a capital
        ("Rose petals", "Mark the spot", "HOPE"): such a word is a name only where a name would stand."""
        t, prev = self.tokens[i], self.tok(i - 1)
        tags = self.lex.tags(t.core)
        common = bool(set(tags) & set("nvar"))
        nxt = self.tok(i + 1)
        before_noun = nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core)
        compound = prev is not None and prev.is_word and prev.capitalised and prev.core not in g.CLOSED and (
            _plain(prev.core) not in self.lex.first_names)  # "New York", "Fort Lily"
        if common and "N" in tags and not before_noun and not compound:
            return True  # "Maria at the beach": a name first, its common reading is rare ("Teddy Bear" stays)
        if common and not (self.title_mode or self.upper_mode or before_noun) and any(
                u.low == t.low and not u.capitalised for u in self.tokens):
            return True  # "Dawn at dawn": the word is written both ways, so the capital marks a name
        if common and (self.title_mode or self.upper_mode or i in self.starts):
            return self.acts_like_person(i)
        if common:  # "shot on Canon", "Amber jewelry": a word; "with Amber", "Amber smiling": a name
            return self.acts_like_person(i) or (prev is not None and prev.low in _PERSON_SLOT_WORDS)
        return True

    def capital_name_part(self, t: Token) -> bool:
        tags = self.lex.tags(t.core)
        return not (set(tags) & set("nvardicoxw")) or "p" in tags or "N" in tags

    def mark_noun_phrases(self) -> None:
        for i, t in enumerate(self.tokens):
            spelled = self.years_old_at(i) if self.free(i) else None
            if spelled is not None:
                end = spelled[1]
                nxt = self.tok(end + 1)
                if all(self.free(k) for k in range(i, end + 1)) and (nxt is None or self.noun(nxt) is None) and (
                        nxt is None or not nxt.is_word or nxt.core in g.CLOSED or nxt.core.endswith("s")):
                    noun = Noun("person", "pl" if self.tokens[end].low == "olds" else "sg", age=g.age_value(spelled[0]))
                    self.noun_phrase(end, (noun, ""), False)  # "her 5 year old": a person
                continue
            if self.free(i) and (m := _YEAR_OLD.match(t.low)) and g.number_value(m.group(1)) is not None:
                nxt = self.tok(i + 1)
                if nxt is None or self.noun(nxt) is None:  # "twin 3-year-olds": the number is the person
                    plural = t.low.endswith("s")
                    noun = Noun("person", "pl" if plural else "sg", age=g.age_value(_years(m.group(1), m.group(2))))
                    self.noun_phrase(i, (noun, ""), False)
                continue
            if not self.free(i) or not t.is_word:
                continue
            found = self.noun(t)
            if found is not None and found[0].cls is None and t.core in self.lex.proxies:
                found = None  # "blonde pigtails": the proxy reading wins over a neutral person noun
            nxt = self.tok(i + 1)
            if found is not None and t.core in self.lex.adjectives and nxt is not None and nxt.is_word and (
                    self.noun(nxt) is not None or nxt.core in self.lex.adjectives) and not t.possessive:
                continue  # "a Japanese woman": the adjective reading, the next noun heads
            collective = t.core in COLLECTIVES
            if found is None and not collective:
                continue
            if found is not None and nxt is not None and nxt.is_word and self.free(i + 1) and not t.possessive:
                if self.noun(nxt) is not None and self.compound_modifier(found[0]):
                    continue  # "baby girl": the next noun heads, this one modifies it
                tags = self.lex.tags(nxt.core)
                thing = self.noun(nxt) is None and "n" in tags and "v" not in tags and nxt.core not in g.CLOSED
                age_only = found[0].age is not None and found[0].gender is None and found[0].ethnicity is None
                if thing and age_only and not nxt.core.endswith("ing"):
                    continue  # "a baby stroller": an age-only word describing a thing (gendered words stay persons)
            self.noun_phrase(i, found, collective)

    def compound_modifier(self, noun: Noun) -> bool:
        return noun.cls == "person" and noun.number == "sg"

    def noun_phrase(self, head: int, found: tuple[Noun, str] | None, collective: bool, force: bool = False) -> None:
        t = self.tokens[head]
        first, det = head, ""
        j = head - 1
        while self.free(j) and head - j <= 6:
            w = self.tokens[j]
            if w.is_word and w.core in g.DETERMINERS:
                first, det = j, w.text
                break
            if not self.modifier(j):
                break
            first = j
            j -= 1
        person = Person(number="sg", anchor=head)
        mods: list[str] = []
        held_words: list[str] = []
        k = first + (1 if det else 0)
        while k <= head:
            w = self.tokens[k]
            pair = f"{w.core} {self.tokens[k + 1].core}" if k < head else ""
            if pair and pair in self.lex.adjectives:
                adj = self.lex.adjectives[pair]
                self.absorb(person, adj.attribute, adj.value, adj.strong, w.text)
                k += 2
                continue
            if k == head:
                break
            years = _YEAR_OLD.match(w.low)
            after = self.tokens[k + 1] if k + 1 < head else None
            spelled = self.years_old_at(k)
            if spelled is not None:  # "a 35 year old woman", "a seven year old girl"
                self.absorb(person, "age", g.age_value(spelled[0]), True, w.text)
                k = spelled[1] + 1
                continue
            if years:
                self.absorb(person, "age", g.age_value(_years(years.group(1), years.group(2))), True, w.text)
            elif (m := _SOMETHING.match(w.low)) is not None:
                self.absorb(person, "age", g.age_value(int(m.group(1)) * 10 + 5), True, w.text)  # "a 40-something woman"
            elif w.kind == "num" and w.low.isdigit() and after is not None and after.low in _YO:
                self.absorb(person, "age", g.age_value(int(w.low)), True, w.text)  # "a 5 yo girl"
                k += 2
                continue
            elif w.core in self.lex.adjectives:
                adj = self.lex.adjectives[w.core]
                self.absorb(person, adj.attribute, adj.value, adj.strong, w.text)
                if adj.value == HELD:
                    held_words.append(w.text)
            elif (noun := self.noun(w)) is not None:
                for a, v in noun[0].states().items():
                    self.absorb(person, a, v, a != "age", w.text)
            elif self.proxy_compound(w.core) in self.lex.proxies:
                if self.proxies == "refuse":
                    reveals = self.lex.proxies[self.proxy_compound(w.core)].reveals
                    raise self.refuse(w, _proxy_message(reveals), ProxyRefused)
                held_words.append(w.text)
            else:
                mods.append(w.text)
            k += 1
        if found is not None:
            noun, prefix = found
            for a, v in noun.states().items():  # an age the noun implies, or a held ethnicity, yields to a stated one
                self.absorb(person, a, v, a != "age" and v != HELD, t.text)
            person.cls, person.number = noun.cls, noun.number
            person.head = t.core if noun.cls is None else ""
            if prefix:
                mods.append(prefix.rstrip("-") + "-")
        else:
            if not person.states and not force:
                return  # "a family", "a crowd": no attribute stated, nothing to vary
            person.cls, person.head, person.number = None, t.core, "pl" if t.core.endswith("s") else "sg"
        if collective:
            person.number = "pl"  # a group never binds he/she
        end = head
        of, what = self.tok(head + 1), self.tok(head + 2)
        if of is not None and what is not None and of.low == "of" and f"of {what.core}" in self.lex.adjectives:
            adj = self.lex.adjectives[f"of {what.core}"]  # "a person of color": a postmodifier of the phrase
            self.absorb(person, adj.attribute, adj.value, adj.strong, what.text)
            if adj.value == HELD:
                held_words.append(f"{of.text} {what.text}")
            end = head + 2
        person.in_phrase = set(person.states)
        pid = self.new_person(person)
        casing = self.phrase_case(first, head)
        self.claim(first, end, Phrase(pid, det, tuple(mods), self.tokens[end].possessive, casing))
        if held_words:
            self.held_in_phrase(held_words)

    def years_old_at(self, k: int) -> tuple[int, int] | None:
        """(years, index of "old") for "N year(s) old" / "N month(s) old" starting at token k, else None."""
        n, unit, old = self.tok(k), self.tok(k + 1), self.tok(k + 2)
        if n is None or unit is None or old is None or old.low not in ("old", "olds"):
            return None
        value = g.number_value(n.text)
        if value is None or unit.low not in _AGE_UNITS:
            return None
        return (value if unit.low.startswith(("year", "yr")) else 0), k + 2

    def held_in_phrase(self, words: list[str]) -> None:
        self.spans.append((-1, -1, Held(" ".join(words), "proxy")))

    def absorb(self, person: Person, attribute: str, value: str, strong: bool, word: str) -> None:
        person.state(attribute, value, strong, word)

    def modifier(self, j: int) -> bool:
        """Whether token j can be a pre-modifier inside a person's noun phrase."""
        w = self.tokens[j]
        if w.kind == "num" or _YEAR_OLD.match(w.low):
            return bool(_YEAR_OLD.match(w.low) or _SOMETHING.match(w.low)) or w.low.isdigit()
        if w.low in _YO or w.low in _AGE_UNITS:
            return True
        if not w.is_word or w.possessive:
            return False
        core = w.core
        if core in g.CLOSED or core in g.PRONOUN_GENDER:
            return False
        if core in self.lex.adjectives or self.proxy_compound(core) in self.lex.proxies or core in g.NUMBER_WORDS:
            return True
        if (noun := self.noun(w)) is not None:
            return self.compound_modifier(noun[0])
        tags = self.lex.tags(core)
        if not tags:
            return core.isalpha() and not w.capitalised
        return "a" in tags or "n" in tags or (core.endswith(("ing", "ed")) and "v" in tags)

    def mark_age_phrases(self) -> None:
        toks = self.tokens
        for i, t in enumerate(toks):
            if not self.free(i) or not t.is_word:
                continue
            if t.low == "in" and self.free(i + 1) and (p := self.tok(i + 1)) is not None:
                if p.core in ("his", "her", "their"):
                    j = i + 2
                    if self.free(j) and toks[j].low in ("early", "mid", "mid-", "late"):
                        j += 1
                    decade = self.tok(j)
                    years = _decade_years(decade) if decade is not None and self.free(j) else None
                    dash, upper = self.tok(j + 1), self.tok(j + 2)
                    if years is not None and dash is not None and dash.text == "-" and upper is not None:
                        if _decade_years(upper) is not None:
                            j += 2  # "in her 20s-30s": the lower bound speaks for the range
                    if years is not None:
                        pid = self.bind(i + 1, plural=p.core == "their")
                        person = self.persons[pid]
                        self.check_agreement(person, p, i + 1)
                        person.state("age", g.age_value(years), True, decade.text)
                        seg = AgePhrase(pid, "decade", self.phrase_case(i, j), g.token_case(p.text), t.text,
                                        plural=p.core == "their")
                        self.claim(i, j, seg)
            elif t.low in ("aged", "age") and (n := self.tok(i + 1)) is not None and n.low.isdigit():
                if self.free(i + 1) and (pid := self.nearest_person(i)) is not None:
                    self.persons[pid].state("age", g.age_value(int(n.low)), True, n.text)
                    self.claim(i, i + 1, AgePhrase(pid, "aged", self.phrase_case(i, i + 1), word=t.text))
        for i, t in enumerate(toks):
            if not self.free(i):
                continue
            if t.low in ("of", "turning", "pushing") and (pid := self.person_ending_at(i - 1 if t.low == "of" else None, i)) is not None:
                j = i + 1
                if self.free(j) and toks[j].low in ("about", "around", "nearly", "almost", "roughly"):
                    j += 1
                years = g.number_value(toks[j].text) if self.free(j) and j < len(toks) else None
                nxt = self.tok(j + 1)
                nxt_tags = self.lex.tags(nxt.core) if nxt is not None else ""
                counted = nxt is not None and nxt.is_word and (self.noun(nxt) is not None or (
                    "n" in nxt_tags and not nxt.core.endswith("ing") and nxt.core not in g.CLOSED))  # "of two children"
                if years is not None and not counted:
                    self.persons[pid].state("age", g.age_value(years), True, toks[j].text)
                    self.claim(i, j, AgePhrase(pid, t.low, g.LOWER, word=t.text))
                continue
            if t.kind == "num" and (m := _ORDINAL.match(t.low)) and (b := self.tok(i + 1)) is not None:
                if b.low in ("birthday", "birthdays") and self.free(i + 1):
                    pid = self.nearest_person(i) if self.nearest_person(i) is not None else self.next_person(i)
                    if pid is None:
                        raise self.refuse(t, "a birthday with no person to attach it to; name the person or leave it out")
                    self.persons[pid].state("age", g.age_value(int(m.group(1))), True, t.text)
                    self.claim(i, i, AgePhrase(pid, "ordinal", g.LOWER))
                    continue
        for i, t in enumerate(toks):
            if not (self.free(i) and t.kind == "num"):
                continue
            prev, nxt = self.tok(i - 1), self.tok(i + 1)
            if t.low.isdigit() and prev is not None and prev.low == "in" and (b := self.tok(i - 2)) is not None:
                if b.low == "born" and 1900 <= int(t.low) <= CURRENT_YEAR:  # "a man born in 1950"
                    pid = self.nearest_person(i)
                    if pid is not None:
                        self.persons[pid].state("age", g.age_value(CURRENT_YEAR - int(t.low)), True, t.text)
                        self.claim(i, i, AgePhrase(pid, "born", g.LOWER))
                        continue
            bare = t.low.isdigit() and 0 < int(t.low) <= 120 and prev is not None and (
                (prev.text == "(" and nxt is not None and nxt.text == ")")
                or (prev.text == "," and (nxt is None or nxt.text in ",;.)!?" or (nxt.is_word and nxt.core.endswith("ing"))))
                or prev.low in ("is", "was", "turned", "turns", "'s", "aged"))  # fmt: skip
            if bare:  # "a man, 42,", "a woman (29)", "she is 32", "who just turned 5"
                j = i - 2 if prev.text in ",(" else i - 2
                while j >= 0 and self.free(j) and self.tokens[j].low in ("just", "who", "is", "was", "she", "he"):
                    j -= 1
                owner = self.owner_at(j) if prev.text in ",(" else self.subject_before(i)
                if owner is not None:
                    self.persons[owner].state("age", g.age_value(int(t.low)), True, t.text)
                    self.claim(i, i, AgePhrase(owner, "bare", g.LOWER))
                    continue
            if (m := _ORDINAL.match(t.low)) and prev is not None and prev.core in ("his", "her", "their"):
                if nxt is None or not nxt.is_word or nxt.core in g.CLOSED:  # "celebrating her 90th"
                    pid = self.bind(i - 1, plural=prev.core == "their")
                    self.persons[pid].state("age", g.age_value(int(m.group(1))), True, t.text)
                    self.claim(i, i, AgePhrase(pid, "ordinal", g.LOWER))
                    continue
        for i, t in enumerate(toks):
            if self.free(i) and t.kind == "num" and t.low.isdigit():
                y, o = self.tok(i + 1), self.tok(i + 2)
                if y is not None and y.low in ("yo", "y/o") and self.free(i + 1):  # "a girl, 8 yo"
                    pid = self.nearest_person(i)
                    if pid is None:
                        raise self.refuse(t, "an age with no person to attach it to; name the person it describes")
                    self.persons[pid].state("age", g.age_value(int(t.low)), True, t.text)
                    self.claim(i, i + 1, AgePhrase(pid, "years", g.LOWER))
                    continue
                if y is not None and o is not None and y.low in ("years", "year", "yrs", "yr") and o.low == "old":
                    pid = self.nearest_person(i)
                    if pid is None:
                        raise self.refuse(t, "an age with no person to attach it to; name the person it describes")
                    self.persons[pid].state("age", g.age_value(int(t.low)), True, t.text)
                    self.claim(i, i + 2, AgePhrase(pid, "years", g.LOWER))

    def subject_before(self, i: int) -> int | None:
        """The person a "... is 32" clause is about: the pronoun or phrase that opens the clause."""
        j = self.clause_start(i)
        if j >= 2 and self.tokens[j - 1].low in ("who", "that", "which"):
            owner = self.owner_at(j - 2)  # "a boy who just turned 5"
            if owner is not None:
                return owner
        for k in range(j, i):
            owner = self.owner_at(k)
            if owner is not None:
                return owner
            t = self.tokens[k]
            if t.is_word and t.core in ("he", "she") and self.free(k):
                return self.bind(k, role="subject")
        return None

    def person_ending_at(self, j: int | None, i: int) -> int | None:
        """The person whose phrase ends at token j ("a boy | of ten"), or for j None the nearest before i."""
        if j is None:
            return self.nearest_person(i)
        if j in self.used:
            first, last, seg = self.spans[self.used[j]]
            if isinstance(seg, Phrase) and last == j:
                return seg.person
        return None

    def next_person(self, i: int) -> int | None:
        after = [(first, seg.person) for first, _, seg in self.spans if isinstance(seg, Phrase) and first > i]
        return min(after)[1] if after else None

    def nearest_person(self, i: int) -> int | None:
        """The person whose phrase ends closest before token i in the same sentence."""
        best = None
        for _, last, seg in self.spans:
            if isinstance(seg, Phrase) and last < i and not any(s in self.starts for s in range(last + 1, i + 1)):
                if best is None or last > best[0]:
                    best = (last, seg.person)
        return best[1] if best else None

    def mark_predicates(self) -> None:
        for i, t in enumerate(self.tokens):
            if not self.free(i) or not t.is_word or t.core not in self.lex.adjectives:
                continue
            adj = self.lex.adjectives[t.core]
            if adj.attribute not in self.lex.values or not adj.strong:
                continue
            nxt = self.tok(i + 1)
            if nxt is not None and nxt.is_word and nxt.core not in g.CLOSED:
                continue  # it modifies a thing ("an old car", "Chinese food")
            j = i - 1
            while j >= 0 and self.free(j) and (self.tokens[j].low in _PREDICATE_LINKS or self.adverb(j)):
                j -= 1
            owner = self.owner_at(j)
            if owner is None or j == i - 1:
                continue
            if adj.value == HELD:
                self.claim(i, i, Held(t.text, "ethnicity outside the value space"))
                continue
            self.persons[owner].state(adj.attribute, adj.value, True, t.text)
            self.claim(i, i, Predicate(owner, adj.attribute, g.token_case(t.text)))

    def adverb(self, j: int) -> bool:
        tags = self.lex.tags(self.tokens[j].core)
        return tags == "r" or (self.tokens[j].core.endswith("ly") and "r" in tags)

    def owner_at(self, j: int) -> int | None:
        """The person whose phrase or pronoun ends at token j."""
        if j < 0:
            return None
        if j in self.used:
            seg = self.spans[self.used[j]][2]
            if isinstance(seg, Phrase | Pronoun) and self.spans[self.used[j]][1] == j:
                return seg.person
            return None
        t = self.tokens[j]
        if t.is_word and t.core in ("he", "she"):
            return self.bind(j, role="subject")
        return None

    def mark_pronouns(self) -> None:
        if not self.gender_protected:
            return  # pronouns stay as written
        for i, t in enumerate(self.tokens):
            if not self.free(i) or not t.is_word:
                continue
            contracted = _CONTRACTED_PRONOUN.match(t.low)
            if t.core not in g.PRONOUN_GENDER and not contracted:
                continue
            # "she's", "he'll", "shes": a subject pronoun with its verb glued on, which every candidate keeps
            role, suffix = ("subject", t.text[len(contracted.group(1)):]) if contracted else (
                pronoun_role(self.tokens, i, self.lex), "")
            pid = self.bind(i, role=role)
            self.check_agreement(self.persons[pid], t, i)
            self.persons[pid].mentions.append(i)
            self.claim(i, i, Pronoun(pid, role, g.token_case(t.text), suffix))

    def bind(self, i: int, plural: bool = False, role: str = "possessive") -> int:
        """The person a pronoun at token i refers to, decided without looking at any gender.

        An object pronoun never refers to a person mentioned in its own clause ("a man hugging her":
        her is someone else); any other pronoun refers to the nearest person before it ("a woman and her
        son, he ..."). With nobody to refer to, the pronoun is a person of its own. "their" refers to
        the nearest group before it.
        """
        t = self.tokens[i]
        if plural:  # "their": the nearest group, or one person spoken of as "they" ("a person in their 30s")
            before = [k for k, p in enumerate(self.persons) if p.number == "pl" and p.anchor < i]
            before = before or [k for k, p in enumerate(self.persons) if p.anchor < i]
            if not before:
                group = [k for k in range(i - 1, -1, -1) if self.free(k) and self.tokens[k].core in COLLECTIVES]
                if group:  # "a couple in their 70s": the group becomes a person slot
                    self.noun_phrase(group[0], None, True, force=True)
                    before = [k for k, p in enumerate(self.persons) if p.anchor == group[0]]
            if not before:
                raise self.refuse(t, "'their' with nobody before it; name the people it refers to")
            return max(before, key=lambda k: self.persons[k].anchor)
        before = [k for k, p in enumerate(self.persons) if p.number == "sg" and p.anchor < i]
        if role == "object":
            clause = self.clause_start(i)
            before = [k for k in before if not any(clause <= m < i for m in self.persons[k].mentions)]
        if before:
            return max(before, key=lambda k: self.persons[k].anchor)
        return self.new_person(Person(cls=None, pronoun_only=True, anchor=i))

    def clause_start(self, i: int) -> int:
        j = i - 1
        while j >= 0 and not (self.tokens[j].text in ",;:.!?()" or self.tokens[j].low in _CLAUSE_WORDS):
            j -= 1
        return j + 1

    def check_agreement(self, person: Person, t: Token, i: int) -> None:
        if t.core == "their":
            return
        contracted = _CONTRACTED_PRONOUN.match(t.low)
        gender = g.PRONOUN_GENDER[contracted.group(1) if contracted else t.core]
        if not self.gender_protected:  # pronouns stay as written: no binding needs to hold in every candidate
            person.states.setdefault("gender", gender)
            return
        known = person.states.get("gender")
        if known is not None and known != gender and not person.strength.get("gender", True):
            person.state("gender", gender, True, t.text)  # the pronoun corrects a name's usual gender
            return
        if known is not None and known != gender:
            raise self.refuse(
                t,
                f"this pronoun is {gender} but the person it must refer to is {known}: candidates bind pronouns "
                "by position (to the nearest person before them; an object pronoun to someone outside its own "
                "clause), never by gender, so this prompt has no closed candidate set. Name the person "
                "again instead of the pronoun (e.g. \"the woman sleeps\")",
                AmbiguousPronoun,
            )
        person.state("gender", gender, True, t.text)

    def mark_proxies(self, person_words_only: bool = False) -> None:
        """Proxy words and phrases, held back (or refused). With `person_words_only`, only phrases that
        hold a person word ("man bun", "mom jeans", "bachelor party"), before person phrases are found."""
        toks = self.tokens
        for i, t in enumerate(toks):
            if not self.free(i) or not t.is_word:
                continue
            key, last, kind = "", i, ""
            for n in (4, 3, 2) if person_words_only else (4, 3, 2, 1):  # the longest phrase ("salt and pepper hair")
                if i + n <= len(toks) and all(self.free(k) and toks[k].is_word for k in range(i, i + n)):
                    words = " ".join(toks[k].core for k in range(i, i + n))
                    if person_words_only and not any(toks[k].core in self.lex.nouns for k in range(i, i + n)):
                        continue
                    if n == 1 and words not in self.lex.proxies:
                        words = self.proxy_compound(words)
                        kind = "adj"  # "turban-clad", "hijabed" describe a person as an adjective does
                    if words in self.lex.proxies:
                        key, last = words, i + n - 1
                        kind = kind or self.lex.proxies[words].kind
                        break
            if not key:
                continue
            if self.proxies == "refuse":
                raise self.refuse(t, _proxy_message(self.lex.proxies[key].reveals), ProxyRefused)
            prev, nxt = self.tok(i - 1), self.tok(last + 1)
            nominal = prev is not None and prev.core in ("a", "an", "the") and self.free(i - 1) and (
                nxt is None or not nxt.is_word or nxt.core in g.CLOSED or nxt.core.endswith("ing"))
            if kind == "adj" and nominal:  # "a blonde in a convertible": a person
                pid = self.new_person(Person(cls="person", anchor=i))
                self.claim(i - 1, last, Phrase(pid, prev.text, (), toks[last].possessive, self.phrase_case(i - 1, last)))
                self.held_in_phrase([self.prompt[t.start : toks[last].end]])
                continue
            first, last = self.proxy_extent(i, last, kind)
            self.claim(first, last, Held(self.prompt[toks[first].start : toks[last].end], "proxy"))

    def mark_origins(self) -> None:
        """Where a person comes from ("a woman from Nigeria", "a man born in Ghana") states an ethnicity
        as a demonym does; it stays on the device like a proxy (refused under --proxies refuse)."""
        for i, t in enumerate(self.tokens):
            j = i + 1
            if t.low == "born" and self.tok(i + 1) is not None and self.tokens[i + 1].low == "in":
                j = i + 2
            elif t.low not in ("from", "of") or (t.low == "of" and self.tok(i - 1) is not None
                                                  and self.tokens[i - 1].low != "native"):  # fmt: skip
                continue
            k = i - 1 - (t.low == "of")
            while k >= 0 and self.tokens[k].text == ",":
                k -= 1
            if self.owner_at(k) is None:
                continue  # "a letter from Kenya": not a person's origin
            end = j
            while self.free(end) and self.tokens[end].is_word and (
                    (self.tokens[end].capitalised and (not self.lex.tags(self.tokens[end].core) or (
                        end > j and not self.upper_mode)))
                    or "P" in self.lex.tags(self.tokens[end].core)):  # fmt: skip
                end += 1
            if end == j or not all(self.free(m) for m in range(i, end)):
                continue
            if self.proxies == "refuse":
                raise self.refuse(t, _proxy_message(("ethnicity",)), ProxyRefused)
            first = i - (t.low == "of") if t.low == "of" else i
            self.claim(first, end - 1, Held(self.prompt[self.tokens[first].start : self.tokens[end - 1].end], "proxy"))

    def proxy_compound(self, word: str) -> str:
        """The proxy a compound is built on ("hijab-wearing", "turban-clad", "turbaned", "pregnant-looking"),
        or `word` itself. A compound describes its person as the proxy does, so it is held back likewise."""
        if word in self.lex.proxies:
            return word
        head = word.split("-")[0]
        if "-" in word and head in self.lex.proxies:
            return head
        for stem in (word[:-2], word[:-2] + "e", word[:-3], word[:-2] + "s") if word.endswith("ed") else ():
            if stem in self.lex.proxies and self.lex.proxies[stem].kind == "noun":
                return stem  # "turbaned", "hijabed"
        return word

    def proxy_extent(self, first: int, last: int, kind: str) -> tuple[int, int]:
        """The words to leave out with a proxy: its determiner and modifiers, and the word that introduces it."""
        if kind != "noun":
            return first, last
        j = first - 1
        while self.free(j) and self.tokens[j].is_word and (
            self.tokens[j].core in g.DETERMINERS or self.tokens[j].core in _POSSESSIVE_DETERMINERS
            or (self.modifier(j) and self.tokens[j].core not in g.CLOSED)
        ):  # fmt: skip
            first = j
            if self.tokens[j].core in g.DETERMINERS or self.tokens[j].core in _POSSESSIVE_DETERMINERS:
                break  # "her first day at school" leaves with its "her"
            j -= 1
        nxt, prev = self.tok(last + 1), self.tok(first - 1)
        if nxt is not None and self.free(last + 1) and nxt.low in ("and", "or"):
            return first, last + 1  # "a hijab and glasses" -> "glasses"
        if prev is not None and self.free(first - 1) and prev.low in ("and", "or"):
            return first - 1, last
        if prev is not None and self.free(first - 1) and prev.low in _INTRODUCERS:
            return first - 1, last  # "a man with a beard" -> "a man"
        if nxt is not None and self.free(last + 1) and nxt.text == ",":
            return first, last + 1  # one item of a comma list
        return first, last

    def check_residue(self) -> None:
        """Fails closed on attribute words no rule placed (they would reach the cloud as written)."""
        for i, t in enumerate(self.tokens):
            if not self.free(i):
                continue
            if _YEAR_OLD.match(t.low):
                raise self.refuse(t, "an age that could not be attached to a person; write it before the person "
                                  "(\"a 70-year-old man\") or leave it out")  # fmt: skip
            if self.persons and self.stray_age(i):
                raise self.refuse(t, "a number next to a person may state an age; write it as an age before the "
                                  "person (\"a 40-year-old woman\", \"a woman in her 40s\") or leave it out")  # fmt: skip
            if not t.is_word:
                continue
            if t.core in self.lex.titles and t.capitalised and self.lex.titles[t.core]:
                raise self.refuse(t, "a title that reveals gender could not be placed; rephrase")
            if t.capitalised and not self.title_mode and self.maybe_name(i):
                raise self.refuse(
                    t,
                    "looks like a person's name, which can reveal gender or ethnicity; replace it with a "
                    'description ("a woman") or add it to a lexicon file (--lexicon)',
                )

    def stray_age(self, i: int) -> bool:
        """A number no rule placed that may be a person's age: right after the person ("a woman, 30s",
        "a man at 80", "kids under 10"), after "age"/"aged" ("age: 35", "aged seven"), or a decade
        before a person ("a 90s kid"). "3 dogs", "35mm", "the 90s", "80s fashion" are not ages."""
        t, prev = self.tokens[i], self.tok(i - 1)
        digits = re.fullmatch(r"(\d{1,3})(?:\.\d+)?(?:['’]?s)?(?:-\d{1,3})?", t.low) if t.kind == "num" else None
        number = (digits is not None and int(digits.group(1)) <= 120) or (
            t.is_word and t.core in g.NUMBER_WORDS and t.core not in ("one", "a"))
        after = self.tok(i + 1)
        if not number or (after is not None and after.text in ("'", "’", '"', "′", "″", "%")):
            return False  # "6'2\"" is a height, "2049" and "1980s" are years
        j = i - 1
        while j >= 0 and self.tokens[j].text in (",", ":", "(", "-"):
            j -= 1
        if j >= 0 and self.tokens[j].low in ("age", "aged", "ages"):
            return True
        if j >= 0 and self.tokens[j].low in ("over", "under", "at", "of", "around", "about", "nearly", "almost"):
            j -= 1
        if self.owner_at(j) is not None and (prev is None or prev.low not in ("with", "and")):
            nxt = self.tok(i + 1)
            return nxt is None or not nxt.is_word or nxt.core in ("years", "year", "yrs", "y.o", "yo") or (
                ("n" not in self.lex.tags(nxt.core) or nxt.core in g.CLOSED) and nxt.core not in self.lex.nouns)
        nxt = self.tok(i + 1)
        decade = _DECADE_NUM.match(t.low) is not None
        return decade and (prev is None or prev.low not in ("the", "'")) and nxt is not None and (
            self.owner_at(i + 1) is not None or (self.used.get(i + 1) is not None and isinstance(
                self.spans[self.used[i + 1]][2], Phrase)))

    def maybe_name(self, i: int) -> bool:
        """An unknown capitalised word in a person's place: "with Zendaya", "Zendaya smiling", "Zendaya's"."""
        t = self.tokens[i]
        if self.lex.tags(t.core) or t.core in self.lex.nouns or t.core in self.lex.adjectives or len(t.core) < 3:
            return False
        if t.text.isupper() and not self.upper_mode:
            return False  # an acronym
        prev, nxt = self.tok(i - 1), self.tok(i + 1)
        if nxt is not None and nxt.is_word and nxt.capitalised:
            return False  # part of a longer proper name or brand ("Unreal Engine")
        if t.possessive or (nxt is not None and nxt.is_word and (nxt.core.endswith("ing") or nxt.core in _AFTER_NAME)):
            return True
        ends = nxt is None or (not nxt.is_word and nxt.text in ".!?;")
        return prev is not None and prev.low in _PERSON_SLOT_WORDS and ends


def _is_emoji(t: Token) -> bool:
    return t.kind == "punct" and all(
        unicodedata.category(c) in ("So", "Sk", "Cf", "Mn") or 0x1F000 <= ord(c) <= 0x1FAFF for c in t.text
    ) and not t.text.isascii()


def _plain(word: str) -> str:
    """`word` without accents ("léman" -> "leman")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _years(written: str, unit: str = "years") -> int:
    value = g.number_value(written)
    return 0 if value is None or not unit.startswith("year") else value


def _name_gender(value: str) -> str | None:
    return value if value in ("male", "female") else None


def _decade_years(t: Token) -> int | None:
    low = t.low
    for prefix in ("early-", "mid-", "late-"):
        low = low.removeprefix(prefix)
    if low in g.DECADES:
        return g.DECADES[low]
    m = _DECADE_NUM.match(t.low)
    return int(m.group(1)) * 10 + 5 if m else None


def _proxy_message(reveals: tuple[str, ...]) -> str:
    what = " and ".join(reveals) or "a sensitive attribute"
    return (
        f"this word hints at {what} and would reach the cloud unchanged under --proxies refuse; leave it out, "
        "or use --proxies drop to keep it on the device only"
    )


def pronoun_role(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> str:
    """The case role of the gendered pronoun at token i, from the parts of speech around it.

    Raises:
        AmbiguousPronoun: "her"/"his" whose role the context does not decide ("watching her dance").
    """
    word = tokens[i].core
    fixed = {"he": "subject", "she": "subject", "him": "object", "hers": "standalone", "himself": "reflexive",
             "herself": "reflexive"}  # fmt: skip
    if word in fixed:
        return fixed[word]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    follows_preposition = prev is not None and prev.core in g.PREPOSITIONS
    if nxt is None or nxt.kind == "punct":
        return "object" if word == "her" else "standalone"
    if nxt.kind == "num":
        if follows_preposition or prev is None or prev.core not in g.DITRANSITIVE:
            return "possessive"
        raise _ambiguous(tokens[i], f"'{tokens[i].text} {nxt.text}' after '{prev.text}'")
    core = nxt.core
    if core in g.POSSESSIVE_ONLY or core in g.NUMBER_WORDS or core in lex.nouns:
        return "possessive"
    if core in g.POSSESSIVE_QUANTIFIERS:  # "his many inventions", "her every move"
        if word == "her" and prev is not None and prev.core in g.DITRANSITIVE:
            raise _ambiguous(tokens[i], f"'{prev.text} {tokens[i].text} {nxt.text}'")
        return "possessive"
    if core in g.NOUN_OR_PARTICLE:
        if follows_preposition:
            return "possessive"
        if prev is not None and prev.core in g.MOTION_VERBS and core in ("home", "back", "down", "inside", "outside"):
            return "object"  # "bring her home", "drive him back"
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if after is not None and after.is_word and "n" in lex.tags(after.core) and after.core not in g.CLOSED:
            return "possessive"  # "her left hand"
        raise _ambiguous(tokens[i], f"'{tokens[i].text} {nxt.text}' (a possessive before a noun, or an object "
                         "before a particle)")  # fmt: skip
    closed = core in g.CLOSED
    if (closed or not set(lex.tags(core)) & set("na")) and _noun_after_modifiers(tokens, i + 1, lex):
        # "his only son", "her very first date", "his rocking chair": a closed or verb-like word before a noun
        if word == "his" or (prev is None or prev.core not in g.DITRANSITIVE | g.CAUSATIVE_OR_PERCEPTION):
            return "possessive"
        raise _ambiguous(tokens[i], f"'{prev.text} {tokens[i].text} {nxt.text}' (her {nxt.text} ... as a thing, "
                         "or an object before it)")  # fmt: skip
    if closed:
        return "object" if word == "her" else "standalone"
    tags = lex.tags(core)
    if "n" in tags:
        if "v" in tags and prev is not None and prev.core in g.CAUSATIVE:
            return "object"  # "make her look", "let her go": a causative takes an object and a bare verb
        if "v" in tags and prev is not None and prev.core in g.CAUSATIVE_OR_PERCEPTION:
            raise _ambiguous(tokens[i], f"'{prev.text} {tokens[i].text} {nxt.text}' (her {nxt.text} as a thing, or "
                             f"her doing it)")  # fmt: skip
        return "possessive"
    if "a" in tags or (nxt.core.endswith("ly") and "r" in tags):
        k = i + 1
        while k < len(tokens) and tokens[k].is_word and (set(lex.tags(tokens[k].core)) & set("ar")) and "n" not in lex.tags(tokens[k].core):
            k += 1
        head = tokens[k] if k < len(tokens) else None
        if head is not None and head.is_word and ("n" in lex.tags(head.core) or head.core in lex.nouns):
            if head.core not in g.CLOSED:
                return "possessive"
        return "object" if word == "her" else "standalone"
    if "v" in tags or "r" in tags:
        return "object" if word == "her" else "standalone"
    return "possessive"  # an unknown word after her/his is a noun: a brand, a name, a typo ("her iPhone")


def _noun_after_modifiers(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """A noun within three words of token k, reached only over modifiers ("only", "very first", "rocking")."""
    for j in range(k, min(k + 4, len(tokens))):
        t = tokens[j]
        if not t.is_word:
            return False
        tags = lex.tags(t.core)
        if j > k and ("n" in tags or t.core in lex.nouns) and t.core not in g.CLOSED and not (
                t.core.endswith("ing") and j + 1 < len(tokens) and tokens[j + 1].is_word):
            return True
        if not ("a" in tags or t.core.endswith("ing") or (j == k and t.core in g.CLOSED and "r" in tags)):
            return False
    return False


def _ambiguous(t: Token, what: str) -> AmbiguousPronoun:
    return AmbiguousPronoun(
        f"{t.text!r} (character {t.start}): the role of {what} is ambiguous, so its counterpart could be "
        "either 'his' or 'him'; rephrase (e.g. 'her own dance', 'her, dancing')"
    )


def parse(prompt: str, lex: Lexicon, proxies: str = "drop", gender_protected: bool = True) -> Template:
    """The value-free template of `prompt`.

    Args:
        prompt (`str`): the user's prompt.
        lex (`Lexicon`): the attribute lexicon.
        proxies (`str`, defaults to "drop"): "drop" leaves proxy words out of the cloud view (the device
            restores them); "refuse" refuses a prompt that contains one.
        gender_protected (`bool`, defaults to True): with gender unprotected, pronouns stay as written.

    Raises:
        DetectionError: the prompt cannot be made oblivious; the message names the word and suggests a fix.
    """
    if proxies not in ("drop", "refuse"):
        raise DetectionError(f"unknown proxy policy {proxies!r}; choose drop or refuse")
    return _Parser(prompt, lex, proxies, gender_protected).run()
