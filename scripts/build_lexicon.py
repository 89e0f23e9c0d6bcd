#!/usr/bin/env python3
"""Build ObCLIP's lexical data files (person nouns, attribute words, names, parts of speech).

What it is
    A deterministic builder for the data that `obclip/prompts/` uses to find person phrases and
    their sensitive attributes (gender, age, ethnicity). It writes

        obclip/prompts/data/people.json   person nouns, classes, attribute adjectives, titles,
                                          first names, proxies, non-person phrases
        obclip/prompts/data/pos.txt       word<TAB>tags (WordNet parts of speech incl. inflected
                                          forms, proper-noun flags, curated closed classes)

    Derived parts come from WordNet 3.0, lemminflect/inflect and the `nomquamgender` name data;
    hand-curated parts are data files in obclip/prompts/data/curated/ (see below). The derived
    parts are always overridden by the curated ones. This script holds only the logic.

Curated data (obclip/prompts/data/curated/, build-time input only: obclip never reads it)
    classes.toml        gendered person classes [classes]; relations that imply an age [age_of_relation]
    variants.toml       extra surface forms of a class (mum, guy, abuela, ...)
    person_words.toml   class-"person" nouns with gender/age/ethnicity [person_words]; [typos]
    demonyms.toml       ethnic and national words, their nouns, gendered demonyms, nouns-only keys
    adjectives.toml     gender and age adjectives with strength
    titles.toml         titles before a name
    proxies.toml        words that reveal an attribute; skin tones and hair textures
    morphology.toml     female suffixes, -man words that are not male / not -men, plural overrides
    names.toml          character names, accented spellings of names
    closed_class.toml   closed-class words for pos.txt
    checks.toml         what check_people asserts (required nouns, age words, non-persons)
    non_person_phrases.txt, not_gendered.txt, neutral_allow.txt, neutral_deny.txt   word lists
    TOML files are read with tomllib; `false` stands for none (TOML has no null) and a field left
    out of an inline table is none. Word lists hold one entry per line; `#` starts a comment.
    Comments say why an entry is there: keep them when you edit. load_curated() reads every file
    (and stops with the file and key on a malformed entry); after an edit, rebuild and commit the
    rebuilt people.json/pos.txt together with the data file.

How to run (from the repo root)
    python scripts/build_lexicon.py           # rebuild and write the files
    python scripts/build_lexicon.py --check   # rebuild in memory; exit 1 if committed files differ

What it needs (build time only, not runtime dependencies of obclip)
    apt-get install -y wordnet-base           # WordNet 3.0 dict files in /usr/share/wordnet
    pip install nltk==3.10.4 inflect==7.6.0 lemminflect==0.2.3 nomquamgender==0.1.4
    (`nomquamgender` is only read as a data file; it is not imported, so its numpy/pandas
    requirements are not needed: `pip install --no-deps nomquamgender==0.1.4` is enough.)
    Override the WordNet folder with WORDNET_DICT=/path/to/dict.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import time
import tomllib
import unicodedata
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "obclip" / "prompts" / "data"
PEOPLE = DATA / "people.json"
POS = DATA / "pos.txt"

VALUES = {
    "gender": ["male", "female"],
    "age": ["young", "middle-aged", "old"],
    "ethnicity": ["caucasian", "african", "asian", "indian", "european"],
}
HELD = "held"  # an ethnicity stated in the prompt but outside the five values above

# =====================================================================================
# CURATED (hand-written) DATA. Every table is a human decision and lives in a file of
# obclip/prompts/data/curated/ (TOML, or a word list with one entry per line); this section
# only loads them. Edit the files, then rebuild.
# =====================================================================================
CURATED = DATA / "curated"


def _none(v):
    """TOML has no null: `false` in a curated file means none."""
    if v is False:
        return None
    if isinstance(v, list):
        return [_none(x) for x in v]
    if isinstance(v, dict):
        return {k: _none(x) for k, x in v.items()}
    return v


def read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return _none(tomllib.load(fh))
    except tomllib.TOMLDecodeError as e:
        raise SystemExit(f"{path}: {e}") from None


def read_words(path: Path) -> list[str]:
    """A word list: one entry per line; `#` starts a comment; blank lines are skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


def _rows(table: dict, n: int, where: str) -> dict[str, tuple]:
    """word = [n fixed fields] -> word: tuple."""
    for k, v in table.items():
        if not isinstance(v, list) or len(v) != n:
            raise SystemExit(f"{where}: {k!r} must be a list of {n} items, got {v!r}")
    return {k: tuple(v) for k, v in table.items()}


def _fields(table: dict, fields: tuple[str, ...], where: str, required: bool = False) -> dict[str, tuple]:
    """word = {field = value, ...} (a field left out is none, unless `required`) -> word: tuple in `fields` order."""
    out = {}
    for k, v in table.items():
        if not isinstance(v, dict) or set(v) - set(fields) or (required and set(v) != set(fields)):
            raise SystemExit(f"{where}: {k!r} must be an inline table with fields from {fields}, got {v!r}")
        out[k] = tuple(v.get(f) for f in fields)
    return out


def load_curated(folder: Path = CURATED) -> dict:
    """Every hand-curated table from `folder`, with the Python types the build logic below uses."""
    f = {p.name: p for p in folder.iterdir()}
    classes, variants = read_toml(f["classes.toml"]), read_toml(f["variants.toml"])
    person, demonyms = read_toml(f["person_words.toml"]), read_toml(f["demonyms.toml"])
    proxies, morph = read_toml(f["proxies.toml"]), read_toml(f["morphology.toml"])
    names, closed = read_toml(f["names.toml"]), read_toml(f["closed_class.toml"])
    checks = read_toml(f["checks.toml"])
    chars = names["characters"]
    return {
        "CLASSES": _rows(classes["classes"], 3, "classes.toml [classes]"),
        "AGE_OF_RELATION": classes["age_of_relation"],
        "VARIANTS": _rows(variants["variants"], 2, "variants.toml [variants]"),
        "PERSON_WORDS": _fields(person["person_words"], ("gender", "age", "ethnicity"), "person_words.toml"),
        "TYPOS": _fields(person["typos"], ("class", "number", "gender", "age"), "person_words.toml [typos]"),
        "DEMONYMS": _fields(demonyms["demonyms"], ("value", "sg", "pl"), "demonyms.toml"),
        "DEMONYM_GENDER": demonyms["gender"],
        "DEMONYM_NOUNS_ONLY": set(demonyms["nouns_only"]),
        "DEMONYM_WORDNET_SKIP": set(demonyms["wordnet_skip"]),
        "ADJECTIVES": _rows(read_toml(f["adjectives.toml"])["adjectives"], 3, "adjectives.toml"),
        "TITLES": read_toml(f["titles.toml"])["titles"],
        "PROXIES": {k: (kind, reveals) for k, (kind, reveals) in
                    _fields(proxies["proxies"], ("kind", "reveals"), "proxies.toml", required=True).items()},
        "SKIN_TONES": proxies["skin_tones"],
        "HAIR_TEXTURES": proxies["hair_textures"],
        "NON_PERSON_PHRASES": read_words(f["non_person_phrases.txt"]),
        "NOT_GENDERED": set(read_words(f["not_gendered.txt"])),
        "NEUTRAL_ALLOW": set(read_words(f["neutral_allow.txt"])),
        "NEUTRAL_DENY": set(read_words(f["neutral_deny.txt"])),
        "REGIONAL": read_toml(f["regional.toml"]),  # value -> things of one origin (read by build_senses.py)
        "MAN_NOT_MALE": set(morph["man_not_male"]),
        "MAN_NOT_MEN": set(morph["man_not_men"]),
        "FEMALE_SUFFIXES": tuple(morph["female_suffixes"]),
        "PLURAL_OVERRIDES": morph["plural_overrides"],
        "CLOSED": {tag: words.split() for tag, words in closed["closed"].items()},
        "CLOSED_ADVERBS": closed["adverbs"].split(),
        "OPEN_TOO": set(closed["open_too"].split()),
        "NEW_VERBS": closed["new_verbs"].split(),
        "ACCENTED_NAMES": names["accented"],
        "CHARACTER_NAMES": {w: "male" for w in chars["male"]} | {w: "female" for w in chars["female"]},
        "REQUIRED": checks["required"],
        "REQUIRED_NOUNS": checks["required_nouns"],
        "AGE_WORDS": checks["age_words"],
        "NOT_PERSON": checks["not_person"],
    }


_C = load_curated()
# Gendered person classes: name -> (male sg, female sg, none sg or None); relations that imply an age.
CLASSES: dict[str, tuple[str, str, str | None]] = _C["CLASSES"]
AGE_OF_RELATION: dict[str, str] = _C["AGE_OF_RELATION"]
# Extra surface forms of a class: word -> (class, gender); gender None = the class's neutral sense.
VARIANTS: dict[str, tuple[str, str | None]] = _C["VARIANTS"]
# Misspelt forms with a fixed number: word -> (class, number, gender, age).
TYPOS: dict[str, tuple[str, str, str | None, str | None]] = _C["TYPOS"]
# Class-person nouns: word -> (gender, age, ethnicity).
PERSON_WORDS: dict[str, tuple[str | None, str | None, str | None]] = _C["PERSON_WORDS"]
# Ethnic/national words: adjective -> (value, noun sg or None, noun pl or None); nouns that mark gender;
# keys that are nouns only (never adjectives).
DEMONYMS: dict[str, tuple[str, str | None, str | None]] = _C["DEMONYMS"]
DEMONYM_GENDER: dict[str, str | None] = _C["DEMONYM_GENDER"]
DEMONYM_NOUNS_ONLY: set[str] = _C["DEMONYM_NOUNS_ONLY"]
DEMONYM_WORDNET_SKIP: set[str] = _C["DEMONYM_WORDNET_SKIP"]
# Attribute adjectives other than ethnicity: key -> (attribute, value, strength).
ADJECTIVES: dict[str, tuple[str, str, str]] = _C["ADJECTIVES"]
TITLES: dict[str, str | None] = _C["TITLES"]
# Words and phrases that reveal an attribute without naming it: key -> (kind "adj"|"noun", attributes).
PROXIES: dict[str, tuple[str, list[str]]] = _C["PROXIES"]
SKIN_TONES: list[str] = _C["SKIN_TONES"]
HAIR_TEXTURES: list[str] = _C["HAIR_TEXTURES"]
for _tone in SKIN_TONES:
    PROXIES.setdefault(f"{_tone}-skinned", ("adj", ["ethnicity"]))
    PROXIES.setdefault(f"{_tone} skin", ("noun", ["ethnicity"]))
    PROXIES.setdefault(f"{_tone} complexion", ("noun", ["ethnicity"]))
for _texture in HAIR_TEXTURES:
    for _hair in ("hair", "curls", "locks", "coils"):
        PROXIES.setdefault(f"{_texture} {_hair}", ("noun", ["ethnicity"]))
NON_PERSON_PHRASES: list[str] = _C["NON_PERSON_PHRASES"]
NOT_GENDERED: set[str] = _C["NOT_GENDERED"]
NEUTRAL_ALLOW: set[str] = _C["NEUTRAL_ALLOW"]
NEUTRAL_DENY: set[str] = _C["NEUTRAL_DENY"]
MAN_NOT_MALE: set[str] = _C["MAN_NOT_MALE"]  # -man person nouns that are not male-marked
MAN_NOT_MEN: set[str] = _C["MAN_NOT_MEN"]  # -man words whose plural is not -men
FEMALE_SUFFIXES: tuple[str, ...] = _C["FEMALE_SUFFIXES"]
PLURAL_OVERRIDES: dict[str, str | None] = _C["PLURAL_OVERRIDES"]  # None = no plural
# Closed-class words for pos.txt: tag -> words (d determiner, i preposition/particle, c conjunction,
# o pronoun, x auxiliary/modal, w wh-word); adverbs tagged r; closed words whose open reading is common.
CLOSED: dict[str, list[str]] = _C["CLOSED"]
CLOSED_ADVERBS: list[str] = _C["CLOSED_ADVERBS"]
OPEN_TOO: set[str] = _C["OPEN_TOO"]
NEW_VERBS: list[str] = _C["NEW_VERBS"]  # verbs WordNet 3.0 lacks ("text"), tagged v with their inflections
ACCENTED_NAMES: dict[str, str | None] = _C["ACCENTED_NAMES"]  # accented spelling -> ASCII form in the name data
CHARACTER_NAMES: dict[str, str] = _C["CHARACTER_NAMES"]  # characters and stage names used as first names

# =====================================================================================
# DERIVED DATA
# =====================================================================================

TOKEN_RE = re.compile(r"^[a-zà-öø-ÿ][a-zà-öø-ÿ'\-]*$")
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
    "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()


def load_wordnet(src: str):
    """WordNet 3.0 from a Debian `wordnet-base` dict folder via NLTK, without any nltk download.

    Debian ships no `lexnames` file and NLTK refuses paths outside its data roots, so the dict
    files are copied to a private temporary folder with the standard lexnames table added.
    """
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    tmp = tempfile.mkdtemp(prefix="wn30-")
    for f in sorted(os.listdir(src)):
        if f.startswith(("data.", "index.")) or f.endswith(".exc") or f == "cntlist.rev":
            shutil.copyfile(os.path.join(src, f), os.path.join(tmp, f))
    with open(os.path.join(tmp, "lexnames"), "w") as fh:
        for i, name in enumerate(LEXNAMES):
            kind = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}[name.split(".")[0]]
            fh.write(f"{i:02d}\t{name}\t{kind}\n")
    nltk.data.path[:0] = [tmp]

    class Reader(WordNetCorpusReader):
        def map_wn(self, version="wordnet"):  # no cross-version mapping (would need nltk_data)
            return None

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wn = Reader(tmp, None)
    return wn, tmp


class Plural:
    def __init__(self):
        import inflect
        from lemminflect import getInflection

        self.inflect = inflect.engine()
        self.lemminflect = getInflection

    def __call__(self, w: str) -> str | None:
        if w in PLURAL_OVERRIDES:
            return PLURAL_OVERRIDES[w]
        if w.endswith("-in-law"):
            head = w[: -len("-in-law")]
            return self(head) + "-in-law"
        if "-" in w:
            pre, _, last = w.rpartition("-")
            p = self(last)
            return None if p is None else f"{pre}-{p}"
        if w.endswith("woman"):
            return w[:-5] + "women"
        if w.endswith("man") and w not in MAN_NOT_MEN:
            return w[:-3] + "men"
        if w.endswith("child"):
            return w + "ren"
        got = self.lemminflect(w, "NNS")
        return got[0] if got else self.inflect.plural_noun(w)


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def build_people(wn, tools: dict, names_path: Path | None) -> tuple[dict, list[str]]:
    plural = Plural()
    notes: list[str] = []
    person = wn.synset("person.n.01")
    person_closure = {person} | set(person.closure(lambda s: s.hyponyms()))

    def closure(name):
        s = wn.synset(name)
        return {s} | set(s.closure(lambda x: x.hyponyms()))

    def first_sense_person(w):
        ss = wn.synsets(w, "n")
        return bool(ss) and ss[0] in person_closure

    def slur(w):
        """WordNet marks the sense as an ethnic slur or as disparaging: never a neutral noun."""
        for s in wn.synsets(w, "n"):
            if s in person_closure and any(d.name().split(".")[0] in ("ethnic_slur", "disparagement", "obscenity")
                                          for d in s.usage_domains()):
                return True
        return False

    def noun_dominant(w):
        """The person-noun reading is not swamped by adjective/verb/adverb readings (SemCor counts)."""
        n = sum(lem.count() for s in wn.synsets(w, "n") if s in person_closure for lem in s.lemmas() if lem.name().lower() == w)
        other = sum(lem.count() for pos in "vars" for s in wn.synsets(w, pos) for lem in s.lemmas() if lem.name().lower() == w)
        return other <= max(2, 2 * n)

    nouns: dict[str, dict] = {}
    classes: dict[str, dict] = {}

    def add(word, cls, number, gender=None, age=None, eth=None, source="curated", force=False):
        word = word.lower()
        if not TOKEN_RE.match(word):
            raise SystemExit(f"not a single token: {word!r}")
        entry = {"class": cls, "number": number, "gender": gender, "age": age, "ethnicity": eth}
        if word in nouns and nouns[word] != entry:
            if not force:
                notes.append(f"kept {word}: {nouns[word]} over {source} {entry}")
                return
        nouns[word] = entry

    def add_sg_pl(word, cls, gender=None, age=None, eth=None, source="curated", force=False):
        add(word, cls, "sg", gender, age, eth, source, force)
        pl = plural(word)
        if pl and pl != word and TOKEN_RE.match(pl):
            add(pl, cls, "pl", gender, age, eth, source, force)

    # 1. classes and their canonical forms (highest priority)
    for name, (m, f, n) in sorted(CLASSES.items()):
        forms = {"sg": {"male": m, "female": f, "none": n}, "pl": {}}
        for g, w in forms["sg"].items():
            forms["pl"][g] = plural(w) if w else None
        classes[name] = forms
        for num in ("sg", "pl"):
            for g, w in forms[num].items():
                if w:
                    add(w, name, num, None if g == "none" else g, force=True)
    canonical = {w for c in classes.values() for num in c.values() for w in num.values() if w}
    # 2. curated variants, person words, demonyms
    for w, (cls, g) in sorted(VARIANTS.items()):
        if w in canonical:
            continue
        add_sg_pl(w, cls, g)
    for w, (g, a, e) in sorted(PERSON_WORDS.items()):
        add_sg_pl(w, "person", g, a, e, force=True)
    for adj, (val, sg, pl) in sorted(DEMONYMS.items()):
        g = DEMONYM_GENDER.get(sg or adj)
        if sg:
            add(sg, "person", "sg", g, None, val, force=True)
        if pl:
            add(pl, "person", "pl", DEMONYM_GENDER.get(sg or adj) if sg else None, None, val, force=True)
    for w, (cls, num, g, a) in sorted(TYPOS.items()):
        add(w, cls, num, g, a, force=True)
    curated_words = set(nouns)

    # 3. WordNet: gendered nouns from the man/woman/girl/boy closures (class person, or a class
    #    found by -man/-woman morphology), age words from juvenile/old_person closures.
    female_syn = closure("woman.n.01") | closure("female.n.02") | closure("girl.n.01") | closure("female_child.n.01")
    male_syn = closure("man.n.01") | closure("male.n.02") | closure("boy.n.01") | closure("male_child.n.01")
    young_syn = closure("juvenile.n.01") | closure("child.n.01") | closure("girl.n.01") | closure("boy.n.01")
    old_syn = closure("old_person.n.01")

    def lemmas_of(syns):
        out = {}
        for s in sorted(syns, key=lambda s: s.name()):
            for lem in s.lemmas():
                w = lem.name()
                if "_" in w or not w.islower() or not TOKEN_RE.match(w):
                    continue
                out.setdefault(w, s)
        return out

    all_person = lemmas_of(person_closure)
    fem, mal = lemmas_of(female_syn), lemmas_of(male_syn)
    derived_gendered = 0
    for w in sorted(set(fem) | set(mal)):
        if w in curated_words or w in NOT_GENDERED or w in NEUTRAL_DENY or w in TITLES or w in ADJECTIVES:
            continue
        if not first_sense_person(w) or not noun_dominant(w):
            continue
        g = "female" if w in fem and w not in mal else "male" if w in mal and w not in fem else None
        if g is None:
            continue
        syn = fem.get(w) or mal.get(w)
        age = "young" if syn in young_syn else "old" if syn in old_syn else None
        add_sg_pl(w, "person", g, age, None, source="wordnet-gendered")
        derived_gendered += 1
    # -man/-woman/-ess words anywhere under person.n.01 that no curated table covers
    morph = 0
    for w in sorted(all_person):
        if w in nouns or w in NOT_GENDERED or w in NEUTRAL_DENY or w in TITLES:
            continue
        if not first_sense_person(w):
            continue
        g = None
        if w.endswith("woman") and len(w) > 5:
            g = "female"
        elif w.endswith("man") and w[:-3] + "woman" in all_person:
            g = "male"
        if g:
            if w.endswith("man") and not w.endswith("woman"):
                m, f = w, w[:-3] + "woman"
            else:
                m, f = w[:-5] + "man", w
            none = w[:-5 if g == "female" else -3] + "person"
            if m in all_person and f in all_person and m not in nouns and f not in nouns:
                cname = none if none in all_person else m
                classes[cname] = {
                    "sg": {"male": m, "female": f, "none": none if none in all_person else None},
                    "pl": {"male": plural(m), "female": plural(f), "none": plural(none) if none in all_person else None},
                }
                for num in ("sg", "pl"):
                    for gg, ww in classes[cname][num].items():
                        if ww:
                            add(ww, cname, num, None if gg == "none" else gg, source="wordnet-morph", force=True)
                morph += 1
            elif w not in nouns:
                add_sg_pl(w, "person", g, source="wordnet-morph")
    notes.append(f"wordnet gendered (class person): {derived_gendered}; morphology classes: {morph}")

    # 3b. peoples WordNet knows beyond the curated demonyms ("Cajun", "Pashtun", "Roman", "Texan"): where a
    #     person is from, held like any ethnicity outside the five values (see demonyms.toml, wordnet_skip)
    inhabitant = closure("inhabitant.n.01") | closure("amerindian.n.01") | closure("native.n.01")  # "Cherokee", "Hopi"
    languages_and_peoples = ("noun.communication", "noun.group", "adj.pert")
    wordnet_peoples: set[str] = set()
    all_names, names_note = load_names(names_path, set())  # "Dorian", "Sami", "Saxon": the given name wins
    for s in sorted(inhabitant, key=lambda s: s.name()):
        for lem in s.lemmas():
            name = lem.name()
            w = name.lower()
            if not name[:1].isupper() or not TOKEN_RE.match(w) or w in DEMONYM_WORDNET_SKIP:
                continue
            if w in nouns or w in DEMONYMS or w in ADJECTIVES or w in PROXIES or w in all_names or slur(w):
                continue
            if any(o.lexname() == "noun.location" and o.lemmas()[0].name().lower() == w for o in wn.synsets(w, "n")):
                continue  # "Omaha", "Ottawa", "Iowa": a place's own name, where "a trip to Omaha" must stay a trip
                # (not "Tajik", which WordNet also gives Tajikistan as a second name)
            top = wn.synsets(w, "n")[0]
            if top not in inhabitant and top.lexname() != "noun.communication":
                continue  # "Badger" (of Wisconsin) is first an animal; "Cherokee" is first the people's language
            if any(o not in inhabitant and o.lexname() not in languages_and_peoples and
                   any(x.name() == w for x in o.lemmas()) for o in wn.synsets(w)):  # fmt: skip
                continue  # a common word spells it too ("same", "frank", "federal")
            gender = "female" if w.endswith(("woman", "ienne")) else "male" if w.endswith("man") else None
            add_sg_pl(w, "person", gender, None, HELD, source="wordnet-people")
            wordnet_peoples.add(w)
    notes.append(f"wordnet peoples (ethnicity held): {len(wordnet_peoples)}")

    # 4. neutral person nouns: WordNet hyponyms of person.n.01, common sense a person
    neutral = 0
    for w in sorted(set(all_person) | NEUTRAL_ALLOW):
        if w in nouns or w in NEUTRAL_DENY or w in TITLES:
            continue
        if w not in NEUTRAL_ALLOW:
            if w in NOT_GENDERED and w not in all_person:
                continue
            if not first_sense_person(w) or not noun_dominant(w):
                continue
            if w in ADJECTIVES or (slur(w) and not w.endswith(FEMALE_SUFFIXES + ("man", "girl", "boy"))):
                continue
            if w.endswith(FEMALE_SUFFIXES) and not w.endswith(("ness", "less")):
                add_sg_pl(w, "person", "female", source="wordnet-suffix")
                continue
            if w.endswith("girl"):
                add_sg_pl(w, "person", "female", source="wordnet-suffix")
                continue
            if w.endswith("boy"):
                add_sg_pl(w, "person", "male", source="wordnet-suffix")
                continue
            if w.endswith("man") and w not in MAN_NOT_MALE:
                add_sg_pl(w, "person", "male", source="wordnet-suffix")
                continue
        top = wn.synsets(w, "n")[0] if wn.synsets(w, "n") else None
        if top in old_syn and w not in NOT_GENDERED and "-" not in w:  # "fogey", "dodderer": old, as "elderly" says
            add_sg_pl(w, "person", None, "old", None, source="wordnet-old")
            continue
        add_sg_pl(w, None, None, source="wordnet-neutral")
        neutral += 1
    notes.append(f"neutral person nouns (sg): {neutral}")
    # two-word person nouns written as one ("rockstar", "popstar" for WordNet's "rock star", "pop star"): a person
    # noun like its spaced form, where the joined spelling is no word of its own
    joined = 0
    for syn in sorted(person_closure, key=lambda s: s.name()):
        for lem in syn.lemmas():
            parts = lem.name().split("_")
            word = "".join(parts).lower()
            if len(parts) != 2 or not lem.name().islower() or not TOKEN_RE.match(word) or word in nouns:
                continue
            if wn.synsets(word) or wn.synsets(parts[0], "a") or not wn.synsets(parts[0], "n") or len(word) > 12:
                continue  # a word of its own; "abandoned infant", "best friend" are phrases, not one noun's spelling
            if parts[1] not in nouns:
                continue  # the head must name a person itself: not "guinea pig", "night owl", "lightning rod"
            if wn.synsets(lem.name(), "n")[0] != syn:
                continue  # the spaced form's first sense must be this person
            head = nouns.get(parts[1])
            gender = head["gender"] if head else None
            add_sg_pl(word, "person" if gender else None, gender, source="wordnet-joined")
            joined += 1
    notes.append(f"two-word person nouns written as one: {joined}")

    # 5. adjectives
    adjectives: dict[str, dict] = {}
    for w, (attr, val, strength) in sorted(ADJECTIVES.items()):
        adjectives[w] = {"attribute": attr, "value": val, "strength": strength}
    for adj, (val, _sg, _pl) in sorted(DEMONYMS.items()):
        if adj in DEMONYM_NOUNS_ONLY:
            continue
        adjectives[adj] = {"attribute": "ethnicity", "value": val, "strength": "strong"}
    for w in sorted(wordnet_peoples):
        if not w.endswith(("man", "woman")) and w not in adjectives:  # "a Cajun fisherman", not "a Scotchman man"
            adjectives[w] = {"attribute": "ethnicity", "value": HELD, "strength": "strong"}

    # 6. first names (the names list, then characters people ask for by one name)
    # a person noun that names no class, gender or age and is far more often a given name than a word ("Donna",
    # "Victor", "Harper", "Malik": borne by >= NOUN_NAME_MIN_COUNT in the names data, < RARE_WORD_COUNT SemCor
    # uses as a noun) is a first name too, read as one where capitalised ("Harper sitting at a café with her
    # laptop" was sent as written); "hunter", "doctor", "judge", "ninja", "dj" stay nouns
    bearers = json.loads(names_path.read_text()) if names_path is not None else {}
    noun_names = {w for w, e in nouns.items() if e["class"] is None and e["gender"] is None and e["age"] is None
                  and w in bearers and bearers[w][1] >= NOUN_NAME_MIN_COUNT and sum(
                      lem.count() for syn in wn.synsets(w) for lem in syn.lemmas() if lem.name().lower() == w
                  ) < RARE_WORD_COUNT}  # fmt: skip
    taken = (set(nouns) - noun_names) | set(TITLES) | set(adjectives) | set(PROXIES)  # the names file is read once, above
    first_names = {k: v for k, v in all_names.items() if k not in taken and ascii_fold(k) not in taken}
    for w, gender in CHARACTER_NAMES.items():  # a neutral person noun may name one too ("Sherlock", a detective)
        if (w not in nouns or nouns[w]["gender"] is None and nouns[w]["age"] is None) and w not in adjectives:
            first_names[w] = gender
    first_names = {k: first_names[k] for k in sorted(first_names)}
    tools["names"] = names_note

    # 7. relations that imply an age are age statements (class person), as "retiree" and "child" are
    for entry in nouns.values():
        if entry["class"] in AGE_OF_RELATION:
            entry.update({"class": "person", "age": entry["age"] or AGE_OF_RELATION[entry["class"]]})
    for name in AGE_OF_RELATION:
        classes.pop(name, None)

    people = {
        "provenance": {},
        "values": VALUES,
        "classes": classes,
        "nouns": nouns,
        "adjectives": adjectives,
        "titles": {k: TITLES[k] for k in sorted(TITLES)},
        "first_names": first_names,
        "proxies": {k: {"kind": v[0], "reveals": sorted(v[1])} for k, v in sorted(PROXIES.items())},
        "non_person_phrases": sorted(set(NON_PERSON_PHRASES)),
    }
    return people, notes


# First names: nomquamgender (MIT) name_data.json: name -> [sources, count, p(gender=female), ...]
NAME_MIN_COUNT = 300
NOUN_NAME_MIN_COUNT = 50_000  # a person noun is a first name too only where this many bear it (see build_people)
NAME_MIN_SOURCES = 3
NAME_FEMALE_P = 0.9
NAME_MALE_P = 0.1


def find_names_file() -> Path | None:
    spec = importlib.util.find_spec("nomquamgender")
    if spec and spec.submodule_search_locations:
        p = Path(list(spec.submodule_search_locations)[0]) / "name_data.json"
        if p.exists():
            return p
    return None


def load_names(path: Path | None, exclude: set[str]) -> tuple[dict, str]:
    if path is None:
        raise SystemExit("nomquamgender is not installed: pip install --no-deps nomquamgender==0.1.4")
    data = json.loads(path.read_text())
    out: dict[str, str] = {}
    for name, info in data.items():
        if not re.fullmatch(r"[a-z][a-z'\-]*[a-z]", name):
            continue
        sources, count, pgf = info[0], info[1], info[2]
        if count < NAME_MIN_COUNT or sources < NAME_MIN_SOURCES or name in exclude:
            continue
        out[name] = "female" if pgf >= NAME_FEMALE_P else "male" if pgf <= NAME_MALE_P else "unisex"
    for acc, base in ACCENTED_NAMES.items():
        if base and base in out and acc not in exclude:
            out[acc] = out[base]
    ver = importlib.metadata.version("nomquamgender")
    note = (f"nomquamgender {ver} (PyPI, MIT licence, (c) 2022 Ian Van Buskirk) name_data.json; names with "
            f">= {NAME_MIN_SOURCES} sources and >= {NAME_MIN_COUNT} occurrences; p(female) >= {NAME_FEMALE_P} "
            f"female, <= {NAME_MALE_P} male, else unisex; ASCII-folded keys plus curated accented spellings")
    return {k: out[k] for k in sorted(out)}, note


# -------------------------------------------------------------------------------------- pos.txt

# A first name that is also a rare common word ("Maria", "Anna", "Lily", "Mike") reads as a name
# wherever it is capitalised, even at the start of a sentence: below this many sense-tagged uses in
# WordNet's SemCor counts (cntlist) its common reading is too rare to outweigh the name ("Summer" 58,
# "Dawn" 13 and "Rose" 6 stay words unless their context makes them names).
RARE_WORD_COUNT = 3


def build_pos(wn, extra_nouns=(), extra_adjs=(), first_names=()) -> str:
    from lemminflect import getAllInflections

    tags: dict[str, set[str]] = {}

    def put(w, t):
        w = w.lower()
        if TOKEN_RE.match(w):
            tags.setdefault(w, set()).add(t)

    person = wn.synset("person.n.01")
    upos = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}
    for pos in "nvar":
        for lemma in wn.all_lemma_names(pos):
            if "_" in lemma:
                continue
            base_pos = pos
            syns = wn.synsets(lemma, pos)
            # proper nouns: capitalised lemma forms
            if pos == "n":
                common = False
                for s in syns:
                    for lem in s.lemmas():
                        if lem.name().lower() != lemma:
                            continue
                        if lem.name()[0].isupper():
                            if s.instance_hypernyms():
                                is_person = any(person in p for p in s.instance_hypernyms() for p in [set(p.closure(lambda x: x.hypernyms())) | {p}])
                                put(lemma, "p" if is_person else "P")
                            else:
                                common = True  # class-like capitalised nouns (Asian, Monday, Frenchman) are nouns
                        else:
                            common = True
                if not common:
                    continue
            put(lemma, base_pos)
            for forms in getAllInflections(lemma, upos=upos[pos]).values():
                for f in forms:
                    put(f, base_pos)
    # WordNet exception lists (irregular inflections)
    for pos in "nvar":  # noun.exc, verb.exc, adj.exc, adv.exc as loaded by NLTK
        for form in sorted(wn._exception_map[pos]):
            put(form, pos)
    for lemma in NEW_VERBS:
        plural = lemma + ("es" if lemma.endswith(("x", "s", "sh", "ch")) else "s")
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        stem += lemma[-1] if lemma.endswith("g") and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou" else ""
        for form in (lemma, plural, stem + "ing", stem + "ed"):
            put(form, "v")  # "texts", "texting", "vlogging", "photobombed": lemminflect does not know them all
        for form in (lemma, plural):
            put(form, "n")
    for w in extra_nouns:
        put(w, "n")
    for w in extra_adjs:
        put(w, "a")
    closed = {w for words in CLOSED.values() for w in words}
    for w in closed - OPEN_TOO:
        if w in tags:
            tags[w] -= {"n", "v", "p", "P"}
    for t, words in CLOSED.items():
        for w in words:
            put(w, t)
    for w in CLOSED_ADVERBS:
        if w in tags and w not in OPEN_TOO:
            tags[w] -= {"n", "v", "p", "P"}
        put(w, "r")
    for w in first_names:  # "N": a name first (see RARE_WORD_COUNT)
        if tags.get(w, set()) & set("nvar") and sum(
                lem.count() for syn in wn.synsets(w) for lem in syn.lemmas() if lem.name().lower() == w) < RARE_WORD_COUNT:
            tags[w].add("N")
    for w in CHARACTER_NAMES:  # a character people ask for by one name is someone, not a place ("Athena", "Cinderella")
        if any(s.lexname() == "noun.animal" and "genus" not in s.definition() for s in wn.synsets(w, "n")):
            continue  # "Hanuman" is also a monkey of that name: "a statue of Hanuman" is no person's picture
        if w in first_names:
            tags.setdefault(w, set()).difference_update({"P"})
            tags[w].add("p")
    order = "nvarpPNdicoxw"
    lines = [f"{w}\t{''.join(sorted(ts, key=order.index))}" for w, ts in sorted(tags.items())]
    return "\n".join(lines) + "\n"


# -------------------------------------------------------------------------------------- checks

def check_people(p: dict) -> list[str]:
    """The invariants of people.json. Returns a list of violations (empty = valid)."""
    errs = []
    vals = p["values"]
    nouns, classes = p["nouns"], p["classes"]
    for c, forms in classes.items():
        for num in ("sg", "pl"):
            for g in ("male", "female", "none"):
                w = forms[num].get(g)
                if g != "none" and not w:
                    errs.append(f"class {c} {num} {g} missing")
                if w:
                    e = nouns.get(w)
                    want = {"class": c, "number": num, "gender": None if g == "none" else g, "age": None, "ethnicity": None}
                    if e != want:
                        errs.append(f"canonical {w} of {c}/{num}/{g}: {e} != {want}")
    for w, e in nouns.items():
        if w != w.lower() or " " in w:
            errs.append(f"noun key {w!r} not a lower-case single token")
        if set(e) != {"class", "number", "gender", "age", "ethnicity"}:
            errs.append(f"noun {w} keys {sorted(e)}")
        if e["class"] is not None and e["class"] not in classes:
            errs.append(f"noun {w} unknown class {e['class']}")
        if e["number"] not in ("sg", "pl"):
            errs.append(f"noun {w} number {e['number']}")
        if e["gender"] not in (None, *vals["gender"]):
            errs.append(f"noun {w} gender {e['gender']}")
        if e["age"] not in (None, *vals["age"]):
            errs.append(f"noun {w} age {e['age']}")
        if e["ethnicity"] not in (None, HELD, *vals["ethnicity"]):
            errs.append(f"noun {w} ethnicity {e['ethnicity']}")
        if (e["age"] or e["ethnicity"]) and e["class"] != "person":
            errs.append(f"noun {w} implies age/ethnicity but class is {e['class']}")
        if e["class"] is None and (e["gender"] or e["age"] or e["ethnicity"]):
            errs.append(f"neutral noun {w} carries an attribute")
    for w in set(nouns) & set(p["titles"]):
        errs.append(f"{w} is both noun and title")
    for w, a in p["adjectives"].items():
        if w in nouns and not (a["attribute"] == "ethnicity" or w in ("female", "male")):
            errs.append(f"adjective {w} is also a noun")
        if a["attribute"] not in vals or a["strength"] not in ("strong", "weak"):
            errs.append(f"adjective {w}: {a}")
        allowed = vals[a["attribute"]] + ([HELD] if a["attribute"] == "ethnicity" else [])
        if a["value"] not in allowed:
            errs.append(f"adjective {w} value {a['value']}")
        if w.count(" ") > 1:
            errs.append(f"adjective {w} has more than one space")
    for w, g in p["titles"].items():
        if g not in (None, *vals["gender"]):
            errs.append(f"title {w}: {g}")
    for w, g in p["first_names"].items():
        if g not in ("male", "female", "unisex"):
            errs.append(f"name {w}: {g}")
    for w, pr in p["proxies"].items():
        if pr["kind"] not in ("adj", "attr", "noun") or not pr["reveals"] or not set(pr["reveals"]) <= set(vals):
            errs.append(f"proxy {w}: {pr}")
        if w in nouns and nouns[w]["class"] is None:
            errs.append(f"proxy {w} is also a neutral person noun")
        if w in p["first_names"]:
            errs.append(f"proxy {w} is also a first name")
    # required coverage
    for w, want in REQUIRED.items():
        e = nouns.get(w)
        if e is None:
            errs.append(f"required noun {w} missing")
            continue
        for k, v in want.items():
            if e[k] != v:
                errs.append(f"required noun {w}: {k}={e[k]} != {v}")
    for w in NOT_PERSON:
        if w in nouns:
            errs.append(f"{w} must not be a person noun")
    return errs


# What check_people asserts (checks.toml): nouns with required fields (None = must be null), nouns that
# must exist, age words that must be class person, words that must not be person nouns.
REQUIRED: dict[str, dict] = _C["REQUIRED"]
for _w in _C["REQUIRED_NOUNS"]:
    REQUIRED.setdefault(_w, {})
AGE_WORDS: list[str] = _C["AGE_WORDS"]
for _w in AGE_WORDS:
    REQUIRED[_w] = {**REQUIRED.get(_w, {}), "class": "person"}
NOT_PERSON: list[str] = _C["NOT_PERSON"]


def render_people(p: dict) -> str:
    return json.dumps(p, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def tool_versions() -> dict:
    out = {}
    for pkg in ("nltk", "inflect", "lemminflect", "nomquamgender"):
        try:
            out[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            out[pkg] = None
    return out


def build(wordnet_dir: str) -> tuple[str, str, list[str]]:
    wn, tmp = load_wordnet(wordnet_dir)
    try:
        tools = tool_versions()
        people, notes = build_people(wn, tools, find_names_file())
        errs = check_people(people)
        if errs:
            raise SystemExit("people.json invariants failed:\n  " + "\n  ".join(errs[:100]))
        people["provenance"] = {
            "wordnet": f"WordNet {wn.get_version()} (Princeton), Debian package wordnet-base, read with NLTK WordNetCorpusReader",
            "names": tools.pop("names"),
            "tools": {k: v for k, v in sorted(tools.items())},
            "built_by": "scripts/build_lexicon.py",
        }
        pos = build_pos(wn, people["nouns"], [a for a in people["adjectives"] if " " not in a], people["first_names"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return render_people(people), pos, notes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed files differ from a rebuild")
    ap.add_argument("--wordnet", default=os.environ.get("WORDNET_DICT", "/usr/share/wordnet"))
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    people, pos, notes = build(args.wordnet)
    if args.verbose:
        for n in notes:
            print(n, file=sys.stderr)
    outputs = {PEOPLE: people, POS: pos}
    if args.check:
        bad = [str(p.relative_to(ROOT)) for p, text in outputs.items() if not p.exists() or p.read_text() != text]
        if bad:
            print("out of date: " + ", ".join(bad) + " (run python scripts/build_lexicon.py)", file=sys.stderr)
            return 1
        print(f"lexicon up to date ({time.time() - t0:.1f}s)")
        return 0
    DATA.mkdir(parents=True, exist_ok=True)
    for p, text in outputs.items():
        p.write_text(text)
        print(f"wrote {p.relative_to(ROOT)} ({len(text.encode()) / 1e6:.2f} MB)")
    print(f"done in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
