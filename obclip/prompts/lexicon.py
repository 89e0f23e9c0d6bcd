"""The words that carry sensitive attributes, loaded from data built from WordNet 3.0.

`data/people.json` (rebuilt by `scripts/build_lexicon.py`; provenance in `data/README.md`)
lists person nouns with the gender, age and ethnicity they state and the *class* whose
canonical forms the cloud view uses ("mum" -> class parent -> "mother"/"father"), attribute
adjectives, titles, first names, proxy words and non-person phrases ("Isle of Man").
`data/pos.txt` gives parts of speech (WordNet plus closed classes) for deciding pronoun roles.

Users extend the lexicon with a JSON file of the same shape (`Lexicon.extended`): more words, and
new attributes with their value spaces ("values": {"religion": [...]}) whose adjectives become slots.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, NamedTuple

DATA = Path(__file__).parent / "data"
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "gender": ("male", "female"),
    "age": ("child", "young", "middle-aged", "old"),
    "ethnicity": ("caucasian", "african", "asian", "indian", "european"),
}
PAPER_AGES = ("young", "middle-aged", "old")  # the paper's scale (App. B.3): a child folds into "young"
HELD = "held"  # an ethnicity outside the value space: left out of the cloud view, never varied


class LexiconError(ValueError):
    """A lexicon file that breaks the rules the candidate guarantee relies on."""


class Noun(NamedTuple):
    """A person noun: its class (None: a neutral noun rendered as itself) and what it states. A named tuple,
    not a dataclass: the lexicon builds twelve thousand of them at every start."""

    cls: str | None
    number: str  # "sg" or "pl"
    gender: str | None = None
    age: str | None = None
    ethnicity: str | None = None

    def states(self) -> dict[str, str]:
        return {a: v for a, v in (("gender", self.gender), ("age", self.age), ("ethnicity", self.ethnicity)) if v}

    def names_nothing(self) -> bool:
        """The noun has no class and states no attribute ("twin", "official"): it names no kind of person."""
        return self.cls is None and not self.states()

    def says_who(self) -> bool:
        """The noun states a gender or an age ("woman", "boy"), not only an origin or nothing ("asian", "person")."""
        return self.gender is not None or self.age is not None


@dataclass(frozen=True)
class Adjective:
    attribute: str
    value: str
    strong: bool = True


@dataclass(frozen=True)
class Proxy:
    kind: str  # "adj", "noun", or "attr": an adjective that hints only right before a person noun ("a ginger lad")
    reveals: tuple[str, ...]


@dataclass(frozen=True)
class Senses:
    """What words usually refer to (`data/senses.json`, built from WordNet by `scripts/build_senses.py`).

    Attributes:
        named (`dict[str, tuple[tuple[tuple[str, ...], bool], ...]]`): multiword names of things by first word,
            longest first, each with whether it is a proper name that must be written with a capital
            ("statue" -> (("statue", "of", "liberty"), True)).
        weak (`frozenset[str]`): person nouns whose usual sense is not a person ("robot", "pole", "fan").
        automata (`frozenset[str]`): weak ones with a sense that is a made figure ("robot"): dressed up, still things.
        animals (`frozenset[str]`): animals, toys and robots ("beaver", "teddy bear").
        creatures (`frozenset[str]`): those, and plants and foods prompts dress up ("a radish in a tutu").
        depiction (`frozenset[str]`): pictures and figures ("portrait", "statue").
        body (`frozenset[str]`): parts and coverings of a body ("hand", "face", "hair").
        animal_first (`frozenset[str]`): person nouns whose first sense is an animal ("chicks", "queen").
        animal_senses (`frozenset[str]`): person nouns with any sense that is an animal ("kids": young goats).
        kind_heads (`frozenset[str]`): things, writings, places and foods, singular ("menu", "bicycle"): what a
            possessive may name a kind of ("a kids' menu"); not events or groups ("a tea party").
        place_heads (`frozenset[str]`): places and structures a name may end on ("river", "bridge").
        beings (`frozenset[str]`): gods, angels, elves, aliens: beings of belief and story, not people.
        chessmen (`frozenset[str]`): chess pieces ("queen", "bishop").
        garments (`frozenset[str]`): what one wears, by first sense ("costume", "hat", "sweatshirt").
        hairdos (`frozenset[str]`): ways to wear hair ("ponytail", "braids", "bun").
        colours (`frozenset[str]`): colours no person's skin has ("green", "purple").
        person_senses (`frozenset[str]`): nouns outside the people lexicon that can mean a person ("idol").
        child (`frozenset[str]`): person nouns for children ("boy", "toddler").
        child_adjectives (`frozenset[str]`): adjectives that make a person a child ("little", "teenage").
        baby_things (`frozenset[str]`): things made for babies, by gloss ("cradle", "playpen"): proxies of an age.
        child_games (`frozenset[str]`): children's games and customs ("hopscotch", "trick-or-treating"): the same.
        gender_things (`frozenset[str]`): what one wears, carries or puts on whose gloss says one gender does
            ("blouse", "handbag", "tuxedo"): proxies of gender.
        adult (`frozenset[str]`): person nouns that imply an adult ("wife", "politician").
        compounds (`frozenset[str]`): nouns of an adjective and a noun ("high school"), kept together.
        ing_compounds (`frozenset[str]`): nouns of an -ing word and a noun ("greeting card"): no verb and object.
        person_names (`frozenset[str]`): people WordNet names in several words, the first no first name, title or
            person noun ("Genghis Khan", "Sitting Bull"), with WordNet's capitals.
        public_figures (`frozenset[str]`): everyone WordNet names, people, gods and legends, in lower case
            ("abraham lincoln", "cleopatra", "santa claus"): their deeds may name them.
        bound_phrases (`frozenset[str]`): two-word nouns with a word WordNet knows only in them ("kung fu")
        agents (`frozenset[str]`): -ing forms of verbs only a person does, by their usual sense ("reading",
            "planting"; not "blooming", "breaking").
        thing_verbs (`frozenset[str]`): -ing forms of verbs only a thing does, by their usual sense, with no object
            and no place after them ("glowing", "sparkling", "blooming"): "Paris glowing at night" is the city.
        places (`dict[str, str]`): place names -> the origin value of the country WordNet puts them in ("accra" ->
            "african", "naples" -> "european"); places in countries of an origin never varied have none.
        named_places (`dict[str, str]`): the same for names that are common nouns too ("manila" paper, "a berlin"):
            the place only where the name is written as one, capitalised.
        languages (`frozenset[str]`): languages named in one word ("spanish", "gaelic"): "a book in Spanish".
        role_names (`dict[str, frozenset[str]]`): role nouns -> the role nouns that may name that person again with
            "the", its synonyms and kinds ("boxer" -> "fighter", "chef" -> "cook").
    """

    named: dict[str, tuple[tuple[tuple[str, ...], bool], ...]] = field(default_factory=dict)
    weak: frozenset[str] = frozenset()
    automata: frozenset[str] = frozenset()
    animals: frozenset[str] = frozenset()
    creatures: frozenset[str] = frozenset()
    depiction: frozenset[str] = frozenset()
    body: frozenset[str] = frozenset()
    kind_heads: frozenset[str] = frozenset()
    animal_first: frozenset[str] = frozenset()
    animal_senses: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    beings: frozenset[str] = frozenset()
    chessmen: frozenset[str] = frozenset()
    garments: frozenset[str] = frozenset()
    hairdos: frozenset[str] = frozenset()
    colours: frozenset[str] = frozenset()
    person_senses: frozenset[str] = frozenset()
    child: frozenset[str] = frozenset()
    child_adjectives: frozenset[str] = frozenset()
    baby_things: frozenset[str] = frozenset()
    child_games: frozenset[str] = frozenset()
    gender_things: frozenset[str] = frozenset()
    adult: frozenset[str] = frozenset()
    compounds: frozenset[str] = frozenset()
    ing_compounds: frozenset[str] = frozenset()
    person_names: frozenset[str] = frozenset()
    public_figures: frozenset[str] = frozenset()
    bound_phrases: frozenset[str] = frozenset()
    agents: frozenset[str] = frozenset()
    thing_verbs: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    places: dict[str, str] = field(default_factory=dict)
    named_places: dict[str, str] = field(default_factory=dict)
    regional: dict[str, str] = field(default_factory=dict)  # "kilt": european, "sushi": asian (from glosses)
    role_names: dict[str, frozenset[str]] = field(default_factory=dict)

    def body_part(self, word: str) -> bool:
        """`word` names a part of the body, singular or plural ("face", "hands")."""
        return word in self.body or word.removesuffix("s") in self.body


@dataclass(frozen=True, eq=False)  # hashed by identity: transformations are cached per lexicon
class Lexicon:
    """Lookups over the attribute lexicon; validated on construction.

    Attributes:
        nouns (`dict[str, Noun]`): person nouns by lower-case surface form.
        classes (`dict[str, dict]`): class -> number -> gender ("male"/"female"/"none") -> canonical form.
        adjectives (`dict[str, Adjective]`): attribute adjectives (keys may hold one space).
        titles (`dict[str, str | None]`): "mrs" -> "female", "dr" -> None.
        first_names (`dict[str, str]`): "hiroshi" -> "male" ("unisex" when both are usual).
        proxies (`dict[str, Proxy]`): words that hint at an attribute ("pregnant", "beard").
        non_person (`tuple[tuple[str, ...], ...]`): phrases whose person word is no person.
        pos (`dict[str, str]`): word -> part-of-speech letters (n v a r, d i c o x w closed classes, p P proper,
            N a first name whose common reading is rare).
    """

    nouns: dict[str, Noun]
    classes: dict[str, dict[str, dict[str, str | None]]]
    adjectives: dict[str, Adjective]
    titles: dict[str, str | None]
    first_names: dict[str, str]
    proxies: dict[str, Proxy]
    non_person: tuple[tuple[str, ...], ...]
    pos: dict[str, str] = field(repr=False)
    values: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(ATTRIBUTES))
    canonical: dict[str, dict[str, str]] = field(default_factory=dict)  # extra attributes: value -> word
    senses: Senses = field(default_factory=lambda: Senses(), repr=False)

    def __post_init__(self) -> None:
        for attr, space in ATTRIBUTES.items():
            if self.values.get(attr) != space:
                raise LexiconError(f"the value space of {attr} is fixed to {list(space)}; add new attributes instead")
        for word, noun in self.nouns.items():
            if noun.cls is not None and noun.cls not in self.classes:
                raise LexiconError(f"noun {word!r} names unknown class {noun.cls!r}")
            for attr, value in noun.states().items():
                if value not in self.values[attr] and not (attr == "ethnicity" and value == HELD):
                    raise LexiconError(f"noun {word!r}: {value!r} is not a value of {attr}")
        for cls, numbers in self.classes.items():
            for number in ("sg", "pl"):
                for gender in ("male", "female"):
                    form = numbers.get(number, {}).get(gender)
                    entry = self.nouns.get(form or "")
                    if entry is None or (entry.cls, entry.number, entry.gender, entry.age) != (cls, number, gender, None):
                        raise LexiconError(f"class {cls!r}: canonical {number} {gender} form {form!r} is not its own noun")
        for word, adj in self.adjectives.items():
            if adj.value not in self.values.get(adj.attribute, ()) and adj.value != HELD:
                raise LexiconError(f"adjective {word!r}: {adj.value!r} is not a value of {adj.attribute!r}")

    @cached_property
    def named_index(self) -> dict[str, tuple[tuple[tuple[str, ...], bool], ...]]:
        """Names of things by first word, longest first: the lexicon's own list (lower case, never proper) and
        WordNet's (`Senses.named`), each with whether it must be written with a capital. Built once."""
        from obclip.prompts.cues import plain  # cues imports grammar only; kept local to keep this module a leaf

        index: dict[str, list[tuple[tuple[str, ...], bool]]] = {k: list(v) for k, v in self.senses.named.items()}
        for words in self.non_person:
            phrase = tuple(plain(w[:-2] if w.endswith(("'s", "’s")) else w) for w in words)
            index.setdefault(phrase[0], []).append((phrase, False))
        return {k: tuple(sorted(v, key=lambda e: len(e[0]), reverse=True)) for k, v in index.items()}

    @cached_property
    def person_name_index(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """`Senses.person_names` by their first word in lower case, longest first. Built once."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for name in self.senses.person_names:
            words = tuple(name.split())
            index.setdefault(words[0].lower(), []).append(words)
        return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}

    @cached_property
    def proxy_starts(self) -> dict[str, frozenset[int]]:
        """First word of each multiword proxy -> the phrase lengths it opens ("salt" -> {4}). Built once."""
        starts: dict[str, set[int]] = {}
        for phrase in self.proxies:
            words = phrase.split()
            if len(words) > 1:
                starts.setdefault(words[0], set()).add(len(words))
        return {k: frozenset(v) for k, v in starts.items()}

    def adjective(self, attribute: str, value: str) -> str:
        """The canonical word for `value` of an attribute added by a lexicon file (the value itself by default)."""
        return self.canonical.get(attribute, {}).get(value, value)

    def form(self, cls: str, number: str, gender: str | None) -> str | None:
        """The canonical noun of `cls` for `number` and `gender` (None: the neutral form, if any)."""
        return self.classes.get(cls, {}).get(number, {}).get(gender or "none")  # None for a class of the grammar ("tag")

    def counterpart(self, word: str) -> str | None:
        """The canonical noun of the other gender in `word`'s class and number ("man" -> "woman", "boyfriend"
        -> "girlfriend"), or None for a word that states no gender."""
        noun = self.nouns.get(word)
        if noun is None or noun.cls is None or noun.gender not in ("male", "female"):
            return None
        return self.form(noun.cls, noun.number, "female" if noun.gender == "male" else "male")

    def tags(self, word: str) -> str:
        """Part-of-speech letters of a lower-case word ("" when unknown); an accented spelling has its plain
        word's ("café" is "cafe"), as the people tables fold accents too."""
        found = self.pos.get(word)
        if found is None and not word.isascii():
            found = self.pos.get(_plain(word))
        return found or ""

    def extended(self, data: dict[str, Any]) -> Lexicon:
        """A lexicon with the entries of `data` (same shape as people.json) added or overriding."""
        merged = dict(_raw_people())  # a copy: the parsed data is shared
        for key in ("classes", "nouns", "adjectives", "titles", "first_names", "proxies"):
            merged[key] = {**merged.get(key, {}), **{k.lower(): v for k, v in data.get(key, {}).items()}}
        merged["non_person_phrases"] = merged.get("non_person_phrases", []) + data.get("non_person_phrases", [])
        merged["values"] = {**merged.get("values", {}), **data.get("values", {})}
        merged["canonical"] = data.get("canonical", {})
        return _build(merged, self.pos)

    @staticmethod
    def from_file(path: str | Path) -> Lexicon:
        """The default lexicon extended by a JSON file."""
        try:
            data = json.loads(Path(path).read_text())
        except (OSError, json.JSONDecodeError) as exc:
            raise LexiconError(f"cannot read lexicon file {path}: {exc}") from exc
        return default_lexicon().extended(data)


@cache
def _data() -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
    """The three data files, parsed: people.json, pos.txt and senses.json.

    Parsing them is a third of `obclip candidates`'s start, so the parsed form is kept in the user's cache
    directory as a `marshal` file (plain data, no code) named by the files' sizes and times; any trouble
    with the cache falls back to the files."""
    files = [DATA / "people.json", DATA / "pos.txt", DATA / "senses.json"]
    stamp = "-".join(f"{f.stat().st_size}.{f.stat().st_mtime_ns}" if f.exists() else "0" for f in files)
    cache_file = _cache_dir() / f"lexicon-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.marshal"
    try:
        return marshal.loads(cache_file.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    people = json.loads(files[0].read_text(encoding="utf-8"))
    # one "word<TAB>tags" line per word (the builder writes each word once): a dict in one pass
    pos = dict(line.split("\t", 1) for line in files[1].read_text(encoding="utf-8").splitlines() if "\t" in line)
    senses = json.loads(files[2].read_text(encoding="utf-8")) if files[2].exists() else {}
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((people, pos, senses)))
        os.replace(tmp, cache_file)
    except OSError:
        pass  # a read-only home: parse the files each time
    return people, pos, senses


def _cache_dir() -> Path:
    """`$OBCLIP_CACHE_DIR`, else `$XDG_CACHE_HOME/obclip`, else `~/.cache/obclip` (as the device store)."""
    if os.environ.get("OBCLIP_CACHE_DIR"):
        return Path(os.environ["OBCLIP_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "obclip"


def _raw_people() -> dict[str, Any]:
    return _data()[0]


def _pos() -> dict[str, str]:
    return _data()[1]


# `Senses` field -> its key in senses.json (the word sets; `named` is indexed apart)
SENSE_KEYS = {
    "weak": "weak_person_nouns", "automata": "automata", "animals": "animals", "creatures": "creatures", "depiction": "depiction_nouns",
    "body": "body_parts", "kind_heads": "kind_heads", "animal_first": "animal_first", "animal_senses": "animal_senses",
    "place_heads": "place_heads", "beings": "beings", "chessmen": "chessmen", "garments": "garments", "hairdos": "hairdos",
    "colours": "colours",
    "person_senses": "person_senses", "child": "child_nouns", "child_adjectives": "child_adjectives",
    "baby_things": "baby_things", "child_games": "child_games", "gender_things": "gender_things",
    "adult": "adult_nouns", "compounds": "adjective_compounds", "agents": "agent_verbs",
    "thing_verbs": "thing_verbs",
    "ing_compounds": "ing_compounds", "person_names": "person_names", "languages": "languages",
    "public_figures": "public_figures", "bound_phrases": "bound_phrases",
}  # fmt: skip


@cache
def _senses() -> Senses:
    raw = _data()[2]
    if not raw:
        return Senses()
    named: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for phrase in raw["named_phrases"]:
        words = tuple(phrase.lower().split())
        named.setdefault(words[0], []).append((words, phrase[:1].isupper()))
    return Senses(
        named={k: tuple(sorted(v, key=lambda e: len(e[0]), reverse=True)) for k, v in named.items()},
        **{name: frozenset(raw[key]) for name, key in SENSE_KEYS.items()},
        places=dict(raw.get("places", {})),
        named_places=dict(raw.get("named_places", {})),
        regional=dict(raw.get("regional", {})),
        role_names={k: frozenset(v) for k, v in raw.get("role_names", {}).items()},
    )


class _Folded(dict):
    """A table of lower-case words that finds an accented spelling under its plain word ("māori" is "maori", as
    "café" is "cafe" in `Lexicon.tags`), so that a diacritic never keeps an attribute word from being read."""

    def get(self, key, default=None):  # type: ignore[override]
        found = dict.get(self, key)
        if found is None and isinstance(key, str) and not key.isascii():
            found = dict.get(self, _plain(key))
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (
            isinstance(key, str) and not key.isascii() and dict.__contains__(self, _plain(key)))  # fmt: skip

    def __getitem__(self, key):  # type: ignore[override]
        if not dict.__contains__(self, key) and isinstance(key, str) and not key.isascii():
            return dict.__getitem__(self, _plain(key))
        return dict.__getitem__(self, key)


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _build(raw: dict[str, Any], pos: dict[str, str]) -> Lexicon:
    senses = _senses()

    def age(word: str, value: str | None, child: frozenset[str]) -> str | None:
        return "child" if value == "young" and word in child else value  # the senses file knows the children

    nouns = _Folded({
        w.lower(): Noun(e.get("class"), e["number"], e.get("gender"), age(w.lower(), e.get("age"), senses.child),
                        e.get("ethnicity"))
        for w, e in raw["nouns"].items()
    })
    adjectives = _Folded({
        w.lower(): Adjective(e["attribute"], age(w.lower(), e["value"], senses.child_adjectives) or e["value"],
                             e.get("strength", "strong") == "strong")
        for w, e in raw["adjectives"].items()
    })
    # "coworker", "greatgrandmother", "exwife": a person noun WordNet spells with one hyphen, written solid, is
    # the same noun (round 58: "Two coworkers" were no one, and "She" was read as the coffee machine's)
    solid = {w.replace("-", ""): w for w in nouns if w.count("-") == 1 and w.replace("-", "") not in nouns
             and w.replace("-", "") not in pos}  # fmt: skip
    nouns.update({joined: nouns[w] for joined, w in solid.items()})
    pos = {**dict.fromkeys(solid, "n"), **pos}  # as a noun only: "a coworker", not "an afrolatinx style"
    proxies = {w.lower(): Proxy(e.get("kind", "noun"), tuple(e.get("reveals", ()))) for w, e in raw["proxies"].items()}
    # things made for babies and children's games, by WordNet ("a cradle", "hopscotch"), tell an age as "crib" does
    proxies = {**{w: Proxy("noun", ("age",)) for w in senses.baby_things | senses.child_games}, **proxies}
    # and a thing WordNet says one gender wears or carries ("a blouse", "a handbag") tells a gender as "bra" does
    proxies = {**{w: Proxy("noun", ("gender",)) for w in senses.gender_things}, **proxies}
    phrases = tuple(tuple(p.lower().split()) for p in raw.get("non_person_phrases", []))
    return Lexicon(
        nouns=nouns,
        classes=raw["classes"],
        adjectives=adjectives,
        titles={k.lower().rstrip("."): v for k, v in raw.get("titles", {}).items()},
        first_names={k.lower(): v for k, v in raw.get("first_names", {}).items()},
        proxies=proxies,
        non_person=phrases,
        pos=pos,
        values={a: tuple(v) for a, v in {**raw.get("values", {}), **ATTRIBUTES}.items()},
        canonical=raw.get("canonical", {}),
        senses=senses,
    )


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with ObCLIP (loaded once per process)."""
    return _build(_raw_people(), _pos())
