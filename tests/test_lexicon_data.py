"""The committed lexicon data (obclip/prompts/data/people.json, pos.txt) keeps its invariants.

Loads only the committed files: no WordNet, no builder tools. The data is built by
scripts/build_lexicon.py; `python scripts/build_lexicon.py --check` verifies it is up to date.
"""

from __future__ import annotations

import copy
import gzip
import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "obclip" / "prompts" / "data"
HELD = "held"
NOUN_KEYS = {"class", "number", "gender", "age", "ethnicity"}
TOKEN = re.compile(r"^[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_'\-]*)*$")


@pytest.fixture(scope="module")
def people() -> dict:
    return json.loads((DATA / "people.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pos() -> dict[str, str]:
    path = DATA / "pos.txt"
    text = path.read_text(encoding="utf-8") if path.exists() else gzip.open(DATA / "pos.txt.gz", "rt", encoding="utf-8").read()
    out = {}
    for line in text.splitlines():
        word, tags = line.split("\t")
        out[word] = tags
    return out


def violations(p: dict) -> list[str]:
    """Every invariant of people.json; an empty list means the data is valid."""
    errs: list[str] = []
    vals, nouns, classes = p["values"], p["nouns"], p["classes"]
    if vals != {
        "gender": ["male", "female"],
        "age": ["young", "middle-aged", "old"],
        "ethnicity": ["caucasian", "african", "asian", "indian", "european"],
    }:
        errs.append(f"values changed: {vals}")
    for c, forms in classes.items():
        if set(forms) != {"sg", "pl"}:
            errs.append(f"class {c}: numbers {sorted(forms)}")
            continue
        for num in ("sg", "pl"):
            if set(forms[num]) != {"male", "female", "none"}:
                errs.append(f"class {c} {num}: {sorted(forms[num])}")
                continue
            for g, w in forms[num].items():
                if w is None:
                    if g != "none":
                        errs.append(f"class {c} {num} {g} is null")
                    continue
                want = {"class": c, "number": num, "gender": None if g == "none" else g, "age": None, "ethnicity": None}
                if nouns.get(w) != want:
                    errs.append(f"canonical {w!r} of {c}/{num}/{g} is {nouns.get(w)}, want {want}")
    for w, e in nouns.items():
        if w != w.lower() or not TOKEN.match(w):
            errs.append(f"noun key {w!r} is not a lower-case single token")
        if set(e) != NOUN_KEYS:
            errs.append(f"noun {w}: keys {sorted(e)}")
            continue
        if e["class"] is not None and e["class"] not in classes:
            errs.append(f"noun {w}: unknown class {e['class']}")
        if e["number"] not in ("sg", "pl"):
            errs.append(f"noun {w}: number {e['number']}")
        if e["gender"] not in (None, *vals["gender"]):
            errs.append(f"noun {w}: gender {e['gender']}")
        if e["age"] not in (None, *vals["age"]):
            errs.append(f"noun {w}: age {e['age']}")
        if e["ethnicity"] not in (None, HELD, *vals["ethnicity"]):
            errs.append(f"noun {w}: ethnicity {e['ethnicity']}")
        if (e["age"] is not None or e["ethnicity"] is not None) and e["class"] != "person":
            errs.append(f"noun {w} implies an age/ethnicity but its class is {e['class']}")
        if e["class"] is None and (e["gender"] or e["age"] or e["ethnicity"]):
            errs.append(f"neutral noun {w} carries an attribute")
    for w in sorted(set(nouns) & set(p["titles"])):
        errs.append(f"{w} is both a noun and a title")
    for w, a in p["adjectives"].items():
        if w != w.lower() or w.count(" ") > 1:
            errs.append(f"adjective key {w!r}")
        if set(a) != {"attribute", "value", "strength"} or a["attribute"] not in vals:
            errs.append(f"adjective {w}: {a}")
            continue
        if a["value"] not in vals[a["attribute"]] + ([HELD] if a["attribute"] == "ethnicity" else []):
            errs.append(f"adjective {w}: value {a['value']}")
        if a["strength"] not in ("strong", "weak"):
            errs.append(f"adjective {w}: strength {a['strength']}")
        if w in nouns and a["attribute"] != "ethnicity" and w not in ("female", "male"):
            errs.append(f"adjective {w} is also a noun")
    for w, g in p["titles"].items():
        if w != w.lower() or g not in (None, *vals["gender"]):
            errs.append(f"title {w}: {g}")
    for w, g in p["first_names"].items():
        if w != w.lower() or g not in ("male", "female", "unisex"):
            errs.append(f"first name {w}: {g}")
    for w, pr in p["proxies"].items():
        if w != w.lower() or pr.get("kind") not in ("adj", "attr", "noun") or not pr.get("reveals") or not set(pr["reveals"]) <= set(vals):
            errs.append(f"proxy {w}: {pr}")
        if w in nouns and nouns[w]["class"] is None:
            errs.append(f"proxy {w} is also a neutral person noun (the proxy must win)")
        if w in p["first_names"]:
            errs.append(f"proxy {w} is also a first name")
    if p["non_person_phrases"] != sorted(set(p["non_person_phrases"])):
        errs.append("non_person_phrases not sorted/unique")
    return errs


def test_invariants(people):
    assert violations(people) == []


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda p: p["nouns"]["girl"].update(**{"class": "offspring"}),  # a class that implies an age
        lambda p: p["nouns"].pop("woman"),  # canonical form missing
        lambda p: p["classes"]["parent"]["pl"].update(female=None),  # null gendered form
        lambda p: p["titles"].update(man="male"),  # noun and title
        lambda p: p["nouns"]["doctor"].update(gender="female"),  # neutral noun with an attribute
        lambda p: p["adjectives"]["elderly"].update(value="ancient"),  # value outside the space
        lambda p: p["nouns"]["asians"].update(ethnicity="martian"),
        lambda p: p["nouns"].update(stroller={"class": None, "number": "sg", "gender": None, "age": None, "ethnicity": None}),
    ],
)
def test_checker_catches_corruption(people, corrupt):
    broken = copy.deepcopy(people)
    corrupt(broken)
    assert violations(broken)


def test_provenance(people):
    prov = people["provenance"]
    assert prov["built_by"] == "scripts/build_lexicon.py"
    assert "3.0" in prov["wordnet"]
    assert "nomquamgender" in prov["names"] and "MIT" in prov["names"]
    assert {"nltk", "inflect", "lemminflect"} <= set(prov["tools"])


def test_json_is_stable(people):
    text = (DATA / "people.json").read_text(encoding="utf-8")
    assert text == json.dumps(people, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


EXPECT = {
    # word: (class, number, gender, age, ethnicity)
    "man": ("person", "sg", "male", None, None),
    "women": ("person", "pl", "female", None, None),
    "people": ("person", "pl", None, None, None),
    "widow": ("widowed", "sg", "female", None, None),
    "widowers": ("widowed", "pl", "male", None, None),
    "mum": ("parent", "sg", "female", None, None),
    "daddy": ("parent", "sg", "male", None, None),
    "wives": ("spouse", "pl", "female", None, None),
    "hubby": ("spouse", "sg", "male", None, None),
    "grannies": ("person", "pl", "female", "old", None),
    "step-mother": ("stepparent", "sg", "female", None, None),
    "mothers-in-law": ("parent-in-law", "pl", "female", None, None),
    "girl": ("person", "sg", "female", "young", None),
    "boys": ("person", "pl", "male", "young", None),
    "schoolgirl": ("person", "sg", "female", "young", None),
    "teenager": ("person", "sg", None, "young", None),
    "children": ("person", "pl", None, "young", None),
    "pensioners": ("person", "pl", None, "old", None),
    "frenchman": ("person", "sg", "male", None, "european"),
    "asians": ("person", "pl", None, None, "asian"),
    "chinese": ("person", "pl", None, None, "asian"),
    "nigerians": ("person", "pl", None, None, "african"),
    "pakistani": ("person", "sg", None, None, "indian"),
    "latina": ("person", "sg", "female", None, "held"),
    "doctor": (None, "sg", None, None, None),
    "nurses": (None, "pl", None, None, None),
    "human": (None, "sg", None, None, None),
    "manager": (None, "sg", None, None, None),
    "chairman": ("chairperson", "sg", "male", None, None),
    "spokeswoman": ("spokesperson", "sg", "female", None, None),
    "guy": ("person", "sg", "male", None, None),
    "guys": ("person", "pl", "male", None, None),
    "bloke": ("person", "sg", "male", None, None),
    "gal": ("person", "sg", "female", None, None),
    "lady": ("gentleman", "sg", "female", None, None),
    "female": ("person", "sg", "female", None, None),
    "waitress": ("waiter", "sg", "female", None, None),
    "actresses": ("actor", "pl", "female", None, None),
    "policemen": ("police-officer", "pl", "male", None, None),
    "queen": ("monarch", "sg", "female", None, None),
    # added after the 740-prompt audit
    "chicks": ("person", "pl", "female", None, None),
    "bf": ("partner", "sg", "male", None, None),
    "gf": ("partner", "sg", "female", None, None),
    "nonna": ("person", "sg", "female", "old", None),
    "gma": ("person", "sg", "female", "old", None),
    "womans": ("person", "sg", "female", None, None),
    "ladys": ("gentleman", "pl", "female", None, None),
    "grl": ("person", "sg", "female", "young", None),
    "freshmen": ("person", "pl", None, "young", None),
    "landlady": ("landlord", "sg", "female", None, None),
    "salaryman": ("person", "sg", "male", None, "asian"),
    "samurai": ("person", "sg", "male", None, "asian"),
    "geisha": ("person", "sg", "female", None, "asian"),
    "pharaoh": ("person", "sg", "male", None, "held"),
    "sikhs": ("person", "pl", None, None, "indian"),
    "tuareg": ("person", "sg", None, None, "held"),
    "professionals": (None, "pl", None, None, None),
    "ninja": (None, "sg", None, None, None),
    # slang, generations, grades, hyphenated identities
    "milf": ("person", "sg", "female", "middle-aged", None),
    "babes": ("person", "pl", "female", None, None),
    "she-devil": ("person", "sg", "female", None, None),
    "bro": ("person", "sg", "male", None, None),
    "dude": ("person", "sg", "male", None, None),
    "boomers": ("person", "pl", None, "old", None),
    "millennials": ("person", "pl", None, "young", None),
    "zoomer": ("person", "sg", None, "young", None),
    "graders": ("person", "pl", None, "young", None),
    "third-grader": ("person", "sg", None, "young", None),
    "tomboy": ("person", "sg", "female", "young", None),
    "imam": ("person", "sg", "male", None, "held"),
    "rabbi": ("person", "sg", None, None, "held"),
    "nun": ("monastic", "sg", "female", None, None),
    "sheikha": ("sheikh", "sg", "female", None, None),
    "maharani": ("rajah", "sg", "female", None, None),
    "dame": ("knight", "sg", "female", None, None),
    "lord": ("noble", "sg", "male", None, None),
    "grandad": ("person", "sg", "male", "old", None),
    "grandchildren": ("person", "pl", None, "young", None),
    "grandparents": ("person", "pl", None, "old", None),
    "african-american": ("person", "sg", None, None, "african"),
    "asian-americans": ("person", "pl", None, None, "asian"),
    "mexican-americans": ("person", "pl", None, None, "held"),
    "south-african": ("person", "sg", None, None, "held"),
    "west-africans": ("person", "pl", None, None, "african"),
    "afro-latina": ("person", "sg", "female", None, "held"),
    "pacific-islanders": ("person", "pl", None, None, "held"),
}


@pytest.mark.parametrize("word", sorted(EXPECT))
def test_known_nouns(people, word):
    e = people["nouns"][word]
    assert (e["class"], e["number"], e["gender"], e["age"], e["ethnicity"]) == EXPECT[word]


AGE_WORDS = """girl boy lad lass schoolgirl schoolboy teenager teen kid child children baby toddler infant
    newborn youngster adolescent youth senior elder pensioner retiree octogenarian""".split()


@pytest.mark.parametrize("word", AGE_WORDS)
def test_age_words_are_class_person(people, word):
    e = people["nouns"][word]
    assert e["class"] == "person" and e["age"] is not None


def test_coverage(people):
    nouns = people["nouns"]
    required = """mum mom mommy mummy mama dad daddy papa granny grandma grandpa gramps nana stepmother stepfather
        step-mother stepdaughter stepson half-sister godmother godfather mother-in-law father-in-law sister-in-law
        brother-in-law sis bro hubby wife missus fiancée fiancee widow widower bride groom bridegroom bridesmaid
        spinster bachelor maid matron patriarch matriarch heir heiress lord lady duke duchess count countess baron
        baroness emperor empress tsar tsarina chairman chairwoman spokeswoman stewardess waitress hostess actress
        seamstress headmistress headmaster businessman salesman saleswoman policeman fireman fisherman cameraman
        weatherman congressman anchorman cowboy cowgirl paperboy schoolboy schoolgirl choirboy usherette aviatrix
        comedienne masseuse masseur guy guys lad lads lass gal dude bloke chap fella fellow gent asian asians
        african africans european europeans caucasian caucasians indian indians chinese japanese korean koreans
        vietnamese thai thais filipino filipinos filipina filipinas nigerian nigerians kenyan kenyans ghanaian
        ghanaians ethiopian ethiopians somali somalis french frenchman frenchwoman englishman englishwoman irishman
        scotsman german germans italian italians spaniard spaniards swede swedes norwegian norwegians dane danes
        russian russians pole poles greek greeks pakistani pakistanis bangladeshi bangladeshis latino latinos latina
        latinas hispanic hispanics arab arabs persian persians turk turks mexican mexicans brazilian brazilians
        american americans canadian canadians australian australians doctor nurse teacher student chef friend
        tourist athlete model""".split()
    assert [w for w in required if w not in nouns] == []
    for adj in ["female", "male", "elderly", "little", "chinese", "white", "black", "brown", "hispanic",
                "middle aged", "middle-aged", "native american", "sri lankan", "young", "old"]:
        assert adj in people["adjectives"], adj
    assert people["adjectives"]["little"]["strength"] == "weak"
    assert people["adjectives"]["white"] == {"attribute": "ethnicity", "value": "caucasian", "strength": "strong"}
    assert people["adjectives"]["hispanic"]["value"] == HELD


def test_non_person_senses(people):
    nouns = people["nouns"]
    for w in ["snowman", "mankind", "humankind", "madam", "sir", "miss", "cat", "manhole", "stroller", "printer",
              "jumper", "toaster", "blonde", "redhead", "mannequin", "cookies"]:
        assert w not in nouns, w
    for w, g in {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male", "madam": "female", "dr": None}.items():
        assert people["titles"][w] == g
    for ph in ["isle of man", "man of war", "no man's land", "lake leman", "mother's day", "fathers day",
               "earl grey", "lady grey", "his and hers", "old man of storr", "grandfather clock", "baby chick"]:
        assert ph in people["non_person_phrases"]


def test_names_and_proxies(people):
    names = people["first_names"]
    assert names["maria"] == "female" and names["john"] == "male" and names["taylor"] == "unisex" and "alex" in names
    for n in ["hiroshi", "priya", "aisha", "jose", "josé", "olga", "mohammed", "kwame", "sven"]:
        assert n in names, n
    # a name is no person noun, except a character named by a neutral one ("Sherlock", a detective; "Hulk")
    for w in set(names) & set(people["nouns"]):
        assert people["nouns"][w]["gender"] is None and people["nouns"][w]["age"] is None, w
    # ... or a given name far more often than a word ("Donna", "Harper", "Malik"; scripts/build_lexicon.py)
    assert len(set(names) & set(people["nouns"])) <= 15
    assert {"donna", "harper"} <= set(names) and not {"hunter", "doctor", "judge"} & set(names)
    pr = people["proxies"]
    assert pr["pregnant"] == {"kind": "adj", "reveals": ["gender"]}
    assert pr["hijab"]["reveals"] == ["ethnicity", "gender"]
    assert pr["grey hair"]["reveals"] == ["age"]
    for w in ["dress", "sundress", "evening gown", "makeup", "red lips", "mutton chops", "bikini", "stilettos"]:
        assert pr[w]["reveals"] == ["gender"], w
    for w in ["wrinkle", "age spots", "grizzled", "onesie", "stroller", "pram", "old timer", "little one"]:
        assert pr[w]["reveals"] == ["age"], w
    assert pr["redhead"] == {"kind": "noun", "reveals": ["ethnicity"]}
    assert pr["blonde"] == {"kind": "adj", "reveals": ["ethnicity", "gender"]}
    assert pr["henna"]["reveals"] == ["ethnicity", "gender"] and "henna" not in names
    # common neutral clothing and looks are never proxies: they would be dropped from the cloud text
    for w in ["tie", "shirt", "suit", "hair", "glasses", "jeans", "hat", "poncho", "dummy"]:
        assert w not in pr, w
    adj = people["adjectives"]
    for w in ["of color", "of colour", "mixed race", "mixed-race", "multiethnic", "multiracial"]:
        assert adj[w] == {"attribute": "ethnicity", "value": HELD, "strength": "strong"}, w


def test_slang_proxies_and_multiword_ethnicity(people):
    nouns, adj, pr, names = people["nouns"], people["adjectives"], people["proxies"], people["first_names"]
    for w in ["lesbian", "lesbians", "bobby", "sombrero", "cougar", "gay"]:
        assert w not in nouns, w
    assert pr["lesbian"] == {"kind": "adj", "reveals": ["gender"]} and pr["lesbians"]["kind"] == "noun"
    assert pr["silver fox"]["reveals"] == ["age", "gender"]
    for w in ["bar mitzvah", "bat mitzvah", "quinceañera", "quinceanera"]:
        assert pr[w]["reveals"] == ["age", "ethnicity", "gender"], w
    for w in ["first day of school", "first day at school", "three generations", "newborn photography"]:
        assert pr[w]["reveals"] == ["age"], w
    for w in ["hijabi", "niqab", "burqa", "chador", "kippah", "yarmulke", "turban", "dastar", "bindi"]:
        assert pr[w]["reveals"] == ["ethnicity", "gender"], w
    for w in ["kimono", "hanbok", "dashiki", "kente", "ta moko", "tā moko", "moko", "feather headdress", "war bonnet"]:
        assert "ethnicity" in pr[w]["reveals"], w
    assert pr["tutu"]["reveals"] == pr["dres"]["reveals"] == ["gender"]
    for w in ["beautifull", "cougar", "nursing mother"]:  # ("sombrero" joined the garments with kimono, round 4)
        assert w not in pr, w
    for w, v in {"gen z": "young", "gen-z": "young", "gen x": "middle-aged"}.items():
        assert adj[w] == {"attribute": "age", "value": v, "strength": "strong"}, w
    for w, v in {"african american": "african", "african-american": "african", "asian american": "asian",
                 "asian-american": "asian", "mexican american": HELD, "chinese american": "asian",
                 "south african": HELD, "south asian": "indian", "east asian": "asian", "southeast asian": "asian",
                 "west african": "african", "east african": "african", "north african": HELD,
                 "native american": HELD, "native-american": HELD, "middle eastern": HELD, "pacific islander": HELD,
                 "first nations": HELD, "afro-latina": HELD, "afro-latino": HELD}.items():
        assert adj[w] == {"attribute": "ethnicity", "value": v, "strength": "strong"}, w
    want = {"bobby": "male", "billy": "male", "jimmy": "male", "mona": "female", "lisa": "female",
            "hermione": "female", "harry": "male", "elizabeth": "female", "bob": "male", "will": "male",
            "grace": "female", "rose": "female", "mark": "male", "hope": "female", "joy": "female",
            "amber": "female", "ruby": "female", "autumn": "female", "rosa": "female"}
    assert {n: names.get(n) for n in want} == want
    for ph in ["millennial pink", "road grader", "motor grader"]:
        assert ph in people["non_person_phrases"]


def test_pos(pos):
    assert all(re.fullmatch(r"[nvarpPNdicoxw]+", t) for t in pos.values())
    # "N": a first name whose common reading is rare in WordNet's sense counts; "summer" stays a word
    assert "N" in pos["maria"] and "N" in pos["mike"] and "N" not in pos["summer"] and "N" not in pos["dog"]
    for w, t in {"dog": "n", "dogs": "n", "ran": "v", "running": "v", "happier": "a", "quickly": "r",
                 "einstein": "p", "tokyo": "P", "the": "d", "up": "i", "and": "c", "him": "o", "can": "x",
                 "why": "w", "again": "r", "women": "n", "geese": "n", "went": "v"}.items():
        assert t in pos[w], (w, pos[w])
    assert "n" not in pos["the"] and "n" not in pos["him"]
    assert (DATA / "pos.txt").stat().st_size < 5_000_000 if (DATA / "pos.txt").exists() else True


# ---------------------------------------------------------------- curated input (obclip/prompts/data/curated/)
# The builder's hand-curated tables, loaded through its own loader (no WordNet, no builder tools needed).

BUILDER = Path(__file__).resolve().parent.parent / "scripts" / "build_lexicon.py"
CURATED = DATA / "curated"


@pytest.fixture(scope="module")
def builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_lexicon_under_test", BUILDER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_curated_files_parse_and_are_all_read(builder):
    import tomllib

    files = {p.name for p in CURATED.iterdir() if p.is_file()}
    read = set(re.findall(r'f\["([^"]+)"\]', BUILDER.read_text(encoding="utf-8")))
    assert files == read, "every curated file is read by load_curated() and every file it reads exists"
    for name in sorted(files):
        if name.endswith(".toml"):
            with (CURATED / name).open("rb") as fh:
                assert tomllib.load(fh), name
        else:
            assert name.endswith(".txt") and builder.read_words(CURATED / name), name
    tables = builder.load_curated(CURATED)
    assert all(tables.values()), [k for k, v in tables.items() if not v]


def test_curated_word_lists(builder):
    for name in ("non_person_phrases.txt", "not_gendered.txt", "neutral_allow.txt", "neutral_deny.txt"):
        words = builder.read_words(CURATED / name)
        assert len(words) == len(set(words)), f"{name}: duplicates"
        assert all(w == w.lower().strip() and "  " not in w for w in words), name
    assert not builder.NEUTRAL_ALLOW & builder.NEUTRAL_DENY, "a word is both forced in and forced out"
    assert not set(builder.PROXIES) & builder.NEUTRAL_ALLOW, "a proxy is never a neutral person noun"


def test_curated_tables_use_known_classes_and_values(builder):
    b = builder
    vals = b.VALUES
    ages, genders, eths = set(vals["age"]), set(vals["gender"]), set(vals["ethnicity"]) | {b.HELD}
    assert set(b.AGE_OF_RELATION) <= set(b.CLASSES) and set(b.AGE_OF_RELATION.values()) <= ages
    for name, (m, f, n) in b.CLASSES.items():
        assert m and f and m != f and n not in (m, f), name
    for w, (cls, g) in b.VARIANTS.items():
        assert cls in b.CLASSES and g in genders | {None}, w
    for w, (cls, num, g, a) in b.TYPOS.items():
        assert cls in b.CLASSES and num in ("sg", "pl") and g in genders | {None} and a in ages | {None}, w
    for w, (g, a, e) in b.PERSON_WORDS.items():
        assert g in genders | {None} and a in ages | {None} and e in eths | {None}, w
    for w, (v, sg, pl) in b.DEMONYMS.items():
        assert v in eths and (sg is None or " " not in sg) and (pl is None or " " not in pl), w
    assert b.DEMONYM_NOUNS_ONLY <= set(b.DEMONYMS)
    assert set(b.DEMONYM_GENDER.values()) <= genders | {None}
    for w, (attr, v, strength) in b.ADJECTIVES.items():
        assert attr in vals and v in set(vals[attr]) | ({b.HELD} if attr == "ethnicity" else set()), w
        assert strength in ("strong", "weak"), w
    assert set(b.TITLES.values()) <= genders | {None}
    for w, (kind, reveals) in b.PROXIES.items():
        assert kind in ("adj", "attr", "noun") and reveals and set(reveals) <= set(vals), w
    assert set(b.CLOSED) == set("dicoxw")
    assert not {k for k, v in b.CHARACTER_NAMES.items() if v not in genders}
    assert all(v is None or v.isascii() for v in b.ACCENTED_NAMES.values())
    assert set(b.AGE_WORDS) <= set(b.REQUIRED) and not set(b.NOT_PERSON) & set(b.REQUIRED)
    assert {k for want in b.REQUIRED.values() for k in want} <= NOUN_KEYS


@pytest.mark.parametrize("name, old, new", [
    ("classes.toml", 'gentleman = ["gentleman", "lady", false]', 'gentleman = ["gentleman", "lady"]'),
    ("person_words.toml", 'girl = {gender = "female", age = "young"}', 'girl = {gender = "female", agee = "young"}'),
    ("proxies.toml", 'pregnant = {kind = "adj", reveals = ["gender"]}', 'pregnant = {kind = "adj"}'),
    ("variants.toml", 'guy = ["person", "male"]', 'guy = ["person", "male"'),
])
def test_curated_loader_names_a_malformed_entry(builder, tmp_path, name, old, new):
    import shutil

    folder = tmp_path / "curated"
    shutil.copytree(CURATED, folder)
    text = (folder / name).read_text(encoding="utf-8")
    assert old in text
    (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SystemExit, match=re.escape(name.split(".")[0])):
        builder.load_curated(folder)
