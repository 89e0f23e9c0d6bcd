#!/usr/bin/env python3
"""Build `obclip/prompts/data/senses.json`: what WordNet says words *refer to*, for the prompt parser.

The people lexicon (`scripts/build_lexicon.py`) says which words *can* describe a person; this file
says when they usually do not, so the parser judges a word by its reading in the sentence, not by
its spelling:

    named_phrases      multiword names of things, places, works, foods and species that hold a
                       word the parser would otherwise read as a person cue ("Statue of Liberty",
                       "New York", "Bloody Mary", "French bulldog", "baby grand"): WordNet
                       multiword noun lemmas whose most frequent sense is not a person
    person_names       people WordNet names in several words whose first is no first name or title
                       ("Genghis Khan", "Sitting Bull", "Joan of Arc"), written with WordNet's capitals
    weak_person_nouns  person nouns whose most frequent sense is not a person ("robot", "pole",
                       "fan", "giant"): a person only where the sentence makes it one
    automata           weak ones with a WordNet sense under automaton ("robot"): dressed up, still things
    animal_senses      person nouns with any sense that is an animal ("kid"): after an animal's "her", its young
    animals            animals, toys and robots ("beaver", "teddy bear"): "the raccoon king" is a raccoon
    creatures          those, and what prompts dress up and make act ("a tiger", "a radish in a tutu"):
                       a pronoun may refer to them, a proxy may be worn by them
    beings             gods, angels, elves, aliens ("the Egyptian god Anubis"): not people
    colours            colours that are no skin colour ("green", "purple"): "a green alien" is no person
    person_senses      nouns outside the people lexicon with a person sense ("idol"): "a Korean idol" may be someone
    chessmen           chess pieces ("queen", "bishop"): in a prompt about chess they are pieces
    garments           what one wears ("costume", "hat"): a person noun before one names its kind
    hairdos            ways to wear hair ("ponytail", "bun"): "with gray hair in a bun" describes the hair
    place_heads        nouns for places and structures ("river", "bridge"): a name may end on them
    depiction_nouns    nouns for pictures and figures ("portrait", "statue"): "a portrait of X"
                       may name a person, "a bowl of X" does not
    child_nouns        person nouns for children ("boy", "toddler", "kids", "teenager"): age value "child"
    child_adjectives   age adjectives for children ("little", "teenage")
    adjective_compounds  nouns of an adjective and a noun ("high school", "real estate"): before a person noun
                       they stay together ("a young high school teacher", not "a high young school teacher")
    adult_nouns        person nouns that imply an adult ("wife", "grandmother", "politician"):
                       a child is not a plausible decoy for them
    gender_things      what one wears, carries or puts on whose gloss says one gender does ("blouse",
                       "handbag", "tuxedo"): proxies of gender
    agent_verbs        -ing forms of verbs whose most frequent sense takes a person as its subject and
                       never a thing (WordNet's verb frames are all "Somebody ----s ..."): "reading",
                       "planting", "smiling"; not "breaking", "blooming", "covering", "sitting" (a house sits)
    places             place names -> the origin value of the country WordNet puts them in ("naples": european)
    named_places       the same for names that are common nouns too ("manila": asian, "berlin": european):
                       a place only where capitalised
    public_figures     everyone WordNet names (people, gods, legends: "Abraham Lincoln", "Cleopatra",
                       "Santa Claus"), in lower case: what such a person does in a prompt may name them
    languages          languages WordNet names in one word ("spanish", "gaelic", "tagalog"): "a book in Spanish"
                       is written in one, and no one is there
    regional           things -> the origin value their gloss gives ("kilt": european, "sushi": asian), and
                       those of curated/regional.toml that WordNet lacks or glosses with no origin ("pho")

How to run (from the repo root; build-time needs as for build_lexicon.py: Debian wordnet-base, nltk, lemminflect)
    python scripts/build_senses.py           # write the file
    python scripts/build_senses.py --check   # exit 1 if the committed file differs from a rebuild
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_lexicon import find_names_file, load_curated, load_wordnet  # noqa: E402  (same WordNet reader, no nltk download)
from lemminflect import getInflection  # noqa: E402  (build time only, as in build_lexicon.py)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "obclip" / "prompts" / "data"
OUT = DATA / "senses.json"

# Lexicographer files of senses that name a *thing* a phrase can stand for without describing a person.
# States, times and attributes are left out on purpose: "old age", "childhood", "womanhood" describe a person.
THING_LEXNAMES = frozenset(
    "noun.artifact noun.location noun.object noun.food noun.animal noun.plant noun.substance "
    "noun.communication noun.group noun.event noun.phenomenon noun.shape".split()
)
# WordNet's verb frames whose subject is a thing ("Something ----s", "It is ----ing", "Something ----s
# something", ...); the others all begin "Somebody ----s".
SOMETHING_FRAMES = frozenset({1, 3, 4, 5, 6, 10, 11, 12, 34, 35})
# "Something ----s", "It is ----ing": a verb whose usual sense has only these is what a thing does, with no object
# and no place ("glow", "sparkle", "bloom"; not "lie" or "float", which a person does somewhere too)
THING_ONLY_FRAMES = frozenset({1, 3})
# Things people personify in prompts that WordNet files as artifacts (toys, figures, machines).
ANIMATE_ARTIFACTS = ("plaything.n.01", "automaton.n.02", "robot.n.01", "doll.n.01", "puppet.n.01", "dummy.n.03")  # a mannequin in a window
# Pictures and figures of someone: hyponym closures.
# pictures named by words newer than WordNet 3.0 (2006), whose "meme" is an idea and "poster" a bill: "a Drake
# meme", "a Tom Hanks poster", "a selfie of ..." show someone as a portrait does
PICTURES_SINCE_WORDNET = frozenset({"meme", "memes", "poster", "posters", "selfie", "selfies", "sticker", "gif"})
# ways to wear hair that WordNet 3.0 lacks, or files under another sense first ("bun" is only bread there): "with
# gray hair in a bun" describes the hair, not where the person is
HAIRDOS_SINCE_WORDNET = frozenset({"bun", "buns", "updo", "updos", "topknot", "knot", "cornrows", "locs", "plaits", "puff", "puffs"})
# animals named by words WordNet 3.0 lacks: "koi swimming in a pond" read "koi" as a lower-case first name, and sent
# "A person swimming in a pond" (round 67)
ANIMALS_SINCE_WORDNET = frozenset({"koi", "labradoodle", "goldendoodle", "cockapoo", "maltipoo", "shih tzu"})
DEPICTIONS = ("picture.n.01", "image.n.01", "portrait.n.02", "caricature.n.01", "photograph.n.01", "sculpture.n.01", "statue.n.01",
              "drawing.n.02", "painting.n.01", "portrayal.n.01", "likeness.n.02", "icon.n.03")
# Names of things that WordNet 3.0 lacks or files under a person first ("Bloody Mary" is Mary I there),
# kept as data beside the derived ones.
NAMED_EXTRA = ("Bloody Mary", "Mona Lisa", "Eiffel Tower", "Empire State Building", "Boston Red Sox",
               "Sydney Opera House", "Arc de Triomphe", "Sagrada Familia", "Golden Gate", "Rube Goldberg machine",
               "Starry Night", "Chinese checkers", "Flying Dutchman", "Young Men's Christian Association",
               "Young Women's Christian Association")  # (games are acts in WordNet, beside "baby sitting")
# Colours people's skin, hair or eyes are described with: they never mark a non-person ("a tan surfer").
SKIN_AND_HAIR = frozenset("blond blonde tan olive caramel chestnut hazel amber bronze copper honey auburn ginger red "
                          "yellow buff drab dun sanguine straw rose ruby cherry coral salmon umber ocher ochre".split())
# Beings of belief and story: hyponym closures ("god.n.01" is the monotheists' God, with no hypernym).
FIGURE_NAME_MAX_BEARERS = 50_000  # a one-word public figure borne by this many as a given name is a first name
BEINGS = ("spiritual_being.n.01", "imaginary_being.n.01", "extraterrestrial_being.n.01", "god.n.01")
# Places and structures a name can end on ("Charles River", "Grace Hall"): hyponym closures.
PLACES = ("structure.n.01", "geological_formation.n.01", "body_of_water.n.01", "location.n.01", "way.n.06",
          "facility.n.01", "land.n.04", "stream.n.01", "institution.n.01")  # "Howard University", "St. Mary's school"
ABSTRACT_LEXNAMES = frozenset("noun.communication noun.act noun.cognition noun.attribute noun.state".split())
CHILD_SYNSETS = ("child.n.01", "male_child.n.01", "female_child.n.01", "infant.n.01", "toddler.n.01",
                 "adolescent.n.01",  # a minor is a child here: "a teenage girl" must not become "a young woman"
                 "grandchild.n.01")  # a grandchild is drawn as a child: "her grandson" was "her young man"
# Age adjectives of the people lexicon that describe children, not young adults ("a little girl", "teenage").
CHILD_ADJECTIVES = ("little", "lil", "wee", "tiny", "small", "teenage", "teenaged", "prepubescent", "pubescent",
                    "school-age", "school-aged", "underage", "gen alpha", "petit")
# WordNet senses whose members are adults by definition: grown-ups, spouses, parents, grandparents, workers
# and office holders, and kin a reader takes for grown (uncles, in-laws). A child decoy for them ("a child
# politician", "a little grandmother", "a little uncle carrying his niece") marks itself.
ADULT_SYNSETS = ("adult.n.01", "spouse.n.01", "parent.n.01", "grandparent.n.01", "worker.n.01",
                 "professional.n.01", "politician.n.01", "politician.n.02", "lawgiver.n.01", "serviceman.n.01",
                 "old_person.n.01", "retiree.n.01", "employee.n.01", "expert.n.01", "executive.n.01",
                 "uncle.n.01", "aunt.n.01", "brother-in-law.n.01", "sister-in-law.n.01", "godparent.n.01",
                 "businessperson.n.01")  # merchants, shopkeepers (not "capitalist": a cashier is a teller there)


KIND_LEXNAMES = frozenset(
    "noun.artifact noun.communication noun.location noun.food noun.substance noun.object".split()
)


def build(wordnet_dir: str) -> str:
    wn, tmp = load_wordnet(wordnet_dir)
    try:
        people = json.loads((DATA / "people.json").read_text(encoding="utf-8"))
        return json.dumps(_senses(wn, people), ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _closure(wn, names: tuple[str, ...]) -> set:
    out = set()
    for name in names:
        s = wn.synset(name)
        out |= {s} | set(s.closure(lambda x: x.hyponyms()))
    return out


def _senses(wn, people: dict) -> dict:
    persons = _closure(wn, ("person.n.01",))
    risky = set(people["nouns"]) | set(people["adjectives"]) | set(people["first_names"]) | set(people["titles"])
    risky |= {w for w in people["proxies"] if " " not in w}

    def first(word: str):
        ss = wn.synsets(word.replace(" ", "_"), "n")
        return ss[0] if ss else None

    named = set()
    for syn in wn.all_synsets("n"):
        for lemma in syn.lemmas():
            name = lemma.name()
            if "_" not in name:
                continue
            words = name.lower().replace("_", " ").split()
            possessed = [w.removesuffix("'s") for w in words]  # "baby's breath" holds "baby"
            if not any(w in risky for w in words + possessed) or name.lower().replace("_", " ") in people["nouns"]:
                continue
            top = first(name)  # the lemma's most frequent sense decides, not this synset
            if top is None or top in persons or top.lexname() not in THING_LEXNAMES:
                continue
            if top.lexname() == "noun.group" and not name[:1].isupper():
                continue  # "girl scouts" as members are people; "Boston Red Sox" is a name
            if words[-1] in people["proxies"] or " ".join(words) in people["proxies"]:
                continue  # "wedding dress" is a proxy, held back beside a person, not a name
            stated = lambda w: any(people["nouns"].get(w, {}).get(a) for a in ("gender", "age", "ethnicity"))  # noqa: E731
            describable = lambda w: w in people["adjectives"] or w in people["nouns"] or bool(wn.synsets(w, "a"))  # noqa: E731
            if stated(words[-1]) and (top.lexname() == "noun.group" or any(describable(w) for w in words[:-1])):
                continue  # "American elder" is a shrub, but "a Native American elder" is someone, and "a poor boy" is
                # a sandwich and a boy: what can describe a person stays a description of the person noun it heads, and a
                # group headed so is of people ("the Marx Brothers");
                # "a sea urchin", "a box elder", "a bush baby": a noun before it makes one name of a thing
            gendered = any(stated(w) for w in words)
            if gendered and top.lexname() == "noun.communication":
                continue  # "The Old Man and the Sea": a title that says who is in it
            named.add(name.replace("_", " "))  # as WordNet writes it: a capitalised name must be written so

    named |= set(NAMED_EXTRA)
    # "Genghis Khan", "Sitting Bull", "Joan of Arc": people WordNet knows by a name of several words, the first of
    # them no first name, title or person noun (those open a name by themselves: "Julius Caesar", "Lady Godiva")
    opens_alone = set(people["first_names"]) | set(people["titles"]) | set(people["nouns"]) | {"saint", "st", "st."}
    person_names = set()
    for syn in wn.all_synsets("n"):
        if not any(h in persons for h in syn.instance_hypernyms()):
            continue
        for lemma in syn.lemmas():
            words = lemma.name().split("_")
            if len(words) > 1 and words[0][:1].isupper() and words[0].lower() not in opens_alone and all(
                    s in persons or set(s.instance_hypernyms()) & persons for s in wn.synsets(lemma.name(), "n")):
                person_names.add(" ".join(words))  # as WordNet writes it: its capitals are the name's; a name that
                # is a thing's too ("Bloody Mary", the cocktail; "Sleeping Beauty", the tale) is left to the things
    # "Abraham Lincoln giving the Gettysburg Address": a deed of someone the world knows names them, so their
    # deed stays on the device with the name (`obclip.prompts.deeds`); every capitalised lemma of an instance of a
    # person or of a being of belief or legend
    # person or of a being of belief or legend; one word only where few bear it as a given name ("Cleopatra",
    # "Athena", "Moses"; not "Elizabeth", "Lincoln", "Jesus": a private person's name as often)
    figures = persons | _closure(wn, BEINGS)
    bearers = json.loads(names_file.read_text()) if (names_file := find_names_file()) is not None else {}
    public = {name for syn in wn.all_synsets("n") if set(syn.instance_hypernyms()) & figures for lem in syn.lemmas()
              if lem.name()[:1].isupper() and ((name := lem.name().replace("_", " ").lower()).count(" ")
                                               or bearers.get(name, [0, 0])[1] < FIGURE_NAME_MAX_BEARERS)}  # fmt: skip
    weak = set()
    for word, entry in people["nouns"].items():
        top = first(wn.morphy(word, "n") or word)
        if top is None or top.lexname() in ("noun.person", "noun.Tops", "noun.group"):
            continue
        neutral = not (entry.get("gender") or entry.get("age") or entry.get("ethnicity"))
        if neutral or top.lexname() in ("noun.artifact", "noun.food"):  # "a robot", "a fan"; "a pole"
            weak.add(word)
    # a canonical form of a class is written by the cloud view and must read back as a person ("sultana")
    weak -= {f for cls in people["classes"].values() for forms in cls.values() for f in forms.values() if f}
    # a plural is weak only with its singular ("poles"; not "judges", whose own first sense is a book)
    weak = {w for w in weak if people["nouns"][w]["number"] == "sg" or w[:-1] in weak or w[:-2] in weak}
    # person nouns whose first sense is an animal ("chicks", "queen"): an animal where the prompt is about animals
    animal_first = {w for w in people["nouns"] if (top := first(wn.morphy(w, "n") or w)) is not None
                    and top.lexname() == "noun.animal"}
    # person nouns with any sense that is an animal ("kids", young goats): after an animal's "her" ("a nanny goat and
    # her kids") they are its young
    animal_senses = {w for w in people["nouns"] if any(s.lexname() == "noun.animal" for s in wn.synsets(wn.morphy(w, "n") or w, "n"))}

    animate_syns = _closure(wn, ANIMATE_ARTIFACTS)
    # "a robot wearing a tuxedo" is a dressed-up machine; "a model wearing a hijab" is someone (`weak_is_person`)
    automata = {w for w in weak if any(s in animate_syns for s in wn.synsets(wn.morphy(w, "n") or w, "n"))}
    animals, creatures = set(), set()  # animals and toys; and everything a prompt may dress up and make act
    for syn in wn.all_synsets("n"):
        if syn.lexname() not in ("noun.animal", "noun.plant", "noun.food") and syn not in animate_syns:
            continue
        for lemma in syn.lemmas():
            name = lemma.name().lower().replace("_", " ")
            top = first(name)
            if top is None or name in people["nouns"]:
                continue  # the people lexicon decides persons
            if syn.lexname() == "noun.animal" or syn in animate_syns:
                if top.lexname() in ("noun.animal", "noun.substance", "noun.food") or top in animate_syns:
                    animals.add(name)  # "beaver" and "raccoon" are first their fur, "chicken" its meat
                    creatures.add(name)
                elif top.lexname() in ("noun.person", "noun.attribute") and not wn.synsets(name, "a"):
                    creatures.add(name)  # "tiger" is first "a fierce person" in WordNet, "sloth" laziness
            elif top.lexname() == syn.lexname():
                creatures.add(name)  # a plant or a food when that is what the word first means ("an orange")

    animals |= ANIMALS_SINCE_WORDNET
    creatures |= ANIMALS_SINCE_WORDNET

    place_syns = _closure(wn, PLACES)
    built = _closure(wn, ("structure.n.01", "facility.n.01"))
    places = set()
    for syn in place_syns:
        for lemma in syn.lemmas():
            name = lemma.name().lower()
            abstract_first = first(name) is not None and first(name).lexname() in ABSTRACT_LEXNAMES and syn in built and (
                name not in people["first_names"])  # not "Bill", "Chase"
            if "_" not in name and (first(name) in place_syns or abstract_first):
                places.add(name)  # "Jefferson Memorial": a memorial is first a message, but a name ends on the structure
    for syn in _closure(wn, ("educational_institution.n.01",)):  # "university" is first its people in WordNet,
        places.update(lem.name().lower() for lem in syn.lemmas() if "_" not in lem.name())  # but a name ends on it
    beings = set()  # gods, angels, elves, ghosts: beings of belief and story, not people
    being_syns = _closure(wn, BEINGS) - {wn.synset("saint.n.01")}  # WordNet files canonised people under deity
    for syn in being_syns:
        for lemma in syn.lemmas():
            name = lemma.name().lower().replace("_", " ")
            if name in people["nouns"] and first(name) in being_syns:
                beings.add(name)
                plural = [w for w, e in people["nouns"].items() if e["number"] == "pl" and w.rstrip("s") == name]
                beings.update(plural)
    person_senses = set()  # nouns the people lexicon lacks whose first or second sense is a person ("idol")
    for syn in wn.all_synsets("n"):
        if syn.lexname() == "noun.person":
            for lem in syn.lemmas():
                name = lem.name().lower()
                if "_" not in name and syn in wn.synsets(name, "n")[:2]:
                    person_senses.add(name)
    person_senses -= set(people["nouns"])
    chess = {lem.name().lower() for s in _closure(wn, ("chessman.n.01",)) for lem in s.lemmas()}
    # what one wears: a person noun before it names its kind ("a princess costume", "a cowboy hat")
    garment_syns = _closure(wn, ("clothing.n.01", "headdress.n.01", "footwear.n.02"))
    garments = {lem.name().lower() for s in garment_syns for lem in s.lemmas()
                if "_" not in lem.name() and first(lem.name().lower()) in garment_syns}
    # and what one wears as jewellery ("a kara bracelet", "a princess necklace"), whose usual sense may come second
    # to another (WordNet's first "bracelet" is a watchband); not a stone ("ruby", "pearl": first names too) nor a
    # word that is a verb too ("pin", "bead")
    jewels = _closure(wn, ("jewelry.n.01",)) - _closure(wn, ("jewel.n.01", "gem.n.02"))
    garments |= {lem.name().lower() for s in jewels for lem in s.lemmas()
                 if "_" not in lem.name() and set(wn.synsets(lem.name(), "n")[:2]) & jewels
                 and not wn.synsets(lem.name(), "v") and not wn.synsets(lem.name(), "a")}
    colours = {lem.name().lower() for s in _closure(wn, ("chromatic_color.n.01",)) for lem in s.lemmas()
               if "_" not in lem.name() and wn.synsets(lem.name(), "a")} - set(people["adjectives"]) - set(people["proxies"])
    colours -= SKIN_AND_HAIR
    depictions = {lem.name().lower().replace("_", " ") for s in _closure(wn, DEPICTIONS) for lem in s.lemmas()}
    depictions |= PICTURES_SINCE_WORDNET
    hairdos = {lem.name().lower() for s in _closure(wn, ("hairdo.n.01",)) for lem in s.lemmas() if "_" not in lem.name()}
    hairdos |= {w + ("es" if w.endswith(("ch", "sh", "x")) else "s") for w in hairdos if not w.endswith("s")}
    hairdos |= HAIRDOS_SINCE_WORDNET
    body_syns = _closure(wn, ("body_part.n.01", "body_covering.n.01"))
    body = {lem.name().lower() for s in body_syns for lem in s.lemmas()
            if "_" not in lem.name() and first(lem.name()) in body_syns}  # "hand", "face", "hair": its first sense
    body |= {w + "s" for w in body if not w.endswith("s")} | {"feet", "teeth"}  # plurals, two irregular
    # things a possessive can name a kind of ("a kids' menu", "a boy's bicycle"): made things, writings, places,
    # foods, stuff; not an event, a group or a feeling, which have the people in them ("old ladies' tea party")
    kinds = {lem.name().lower() for syn in wn.all_synsets("n") for lem in syn.lemmas()
             if "_" not in lem.name() and syn.lexname() in KIND_LEXNAMES and first(lem.name()) == syn}
    child_syns, adult_syns = _closure(wn, CHILD_SYNSETS), _closure(wn, ADULT_SYNSETS)
    child, adult = set(), set()
    for word, entry in people["nouns"].items():
        lemma = wn.morphy(word, "n") or wn.morphy(word.removeprefix("great-"), "n") or word  # "great-grandson"
        senses = [s for s in wn.synsets(lemma, "n") if s in persons][:2]
        childish = word.endswith(("-grader", "-graders")) or word.rstrip("s") in ("kiddo", "preteen", "tween", "bambina", "grader", "schooler", "high-schooler", "highschooler", "middle-schooler", "grade-schooler",
                                                             "garçon", "garcon", "niño", "niña", "enfant", "ragazzo", "ragazza")
        childish = childish or word in ("grandkid", "grandkids", "grandbaby", "grandbabies", "great-grandkid",
                                        "great-grandkids")  # a grandchild's variants WordNet lacks, drawn as it is
        if entry.get("age") == "young" and (childish or any(s in child_syns for s in senses)):
            child.add(word)
        elif senses and all(s in adult_syns for s in senses[:1]) and entry.get("age") != "young":
            adult.add(word)
    compounds = set()  # "high school", "real estate": an adjective and a noun that name one thing together
    for syn in wn.all_synsets("n"):
        if syn.lexname() != "noun.person":
            for lemma in syn.lemmas():
                parts = lemma.name().split("_")
                if len(parts) == 2 and lemma.name().islower() and wn.synsets(parts[0], "a") and wn.synsets(parts[1], "n"):
                    compounds.add(" ".join(parts))
    ing_compounds = set()  # "greeting card", "fishing rod": an -ing word and a noun that name one thing together
    for syn in wn.all_synsets("n"):
        for lemma in syn.lemmas():
            parts = lemma.name().split("_")
            if len(parts) == 2 and lemma.name().islower() and parts[0].endswith("ing") and len(parts[0]) > 4:
                ing_compounds.add(" ".join(parts))
    bound = set()  # "kung fu", "tai chi": a phrase one of whose words WordNet knows only inside it (no misspelling)
    for lemma_name in wn.all_lemma_names("n"):
        parts = lemma_name.split("_")
        if len(parts) == 2 and lemma_name.replace("_", "").isalpha() and lemma_name.islower() and any(
                not wn.synsets(part) for part in parts):
            bound.add(" ".join(parts))
    ing_compounds |= {"nesting doll"}  # round 53: "A Russian nesting doll set" read as a Russian nesting (refused);
    # WordNet names the doll "matryoshka" only
    agents = set()  # "faith reading a bible": a word that can be a first name is one before what only a person does
    thing_verbs = set()  # "Paris glowing at night": a place's name before what only a thing does
    for name in wn.all_lemma_names("v"):
        lemmas = [lem for syn in wn.synsets(name, "v") for lem in syn.lemmas() if lem.name() == name]
        if "_" in name or not lemmas:
            continue
        usual = max(lemmas, key=lambda lem: lem.count())  # the most frequent sense; on a tie, the first listed
        frames = set(usual.frame_ids()) | set(usual.synset().frame_ids())
        if frames and not frames & SOMETHING_FRAMES:
            agents.update(getInflection(name, "VBG"))
        if frames and frames <= THING_ONLY_FRAMES and usual.count() > 0:  # a sense seen in WordNet's corpus
            thing_verbs.update(getInflection(name, "VBG"))
    return {
        "places": (place_values := (found := _places(wn, people))[0]),
        "named_places": found[1],
        "regional": _regional(wn, people, place_values),
        "languages": sorted({lem.name().lower() for syn in _closure(wn, ("language.n.01",))
                             if syn.lexname() == "noun.communication" for lem in syn.lemmas()
                             if lem.name()[:1].isupper() and "_" not in lem.name()}),
        "agent_verbs": sorted(agents),
        "thing_verbs": sorted(thing_verbs),
        "adjective_compounds": sorted(compounds),
        "ing_compounds": sorted(ing_compounds),
        "bound_phrases": sorted(bound),
        "named_phrases": sorted(named),
        "person_names": sorted(person_names),
        "public_figures": sorted(public),
        "weak_person_nouns": sorted(weak),
        "automata": sorted(automata),
        "animal_first": sorted(animal_first),
        "animal_senses": sorted(animal_senses),
        "animals": sorted(animals),
        "creatures": sorted(creatures),
        "depiction_nouns": sorted(depictions),
        "body_parts": sorted(body),
        "kind_heads": sorted(kinds),
        "place_heads": sorted(places),
        "beings": sorted(beings),
        "chessmen": sorted(chess),
        "garments": sorted(garments),
        "hairdos": sorted(hairdos),
        "person_senses": sorted(person_senses),
        "colours": sorted(colours),
        "child_nouns": sorted(child),
        "child_adjectives": sorted(CHILD_ADJECTIVES),
        "baby_things": _baby_things(wn, people),
        "role_names": _role_names(wn, people),
        "child_games": _child_games(wn, people),
        "gender_things": _gender_things(wn, people),
        "adult_nouns": sorted(adult),
    }


# what a baby's gloss says it is for ("crib: baby bed with high sides", "highchair: a chair for feeding a very young
# child"); "child" alone is not enough (a rocking horse, a piggy bank, a school bus: "a child's ..." things adults use)
BABY_GLOSS = re.compile(r"\b(baby|babies|baby's|infant|infants|infant's|newborns?|very young child|preschool children)\b")


def _baby_things(wn, people: dict) -> list[str]:
    """Things made for babies, by their gloss's first eight words (a cradle, a bassinet, a playpen, a nursery): beside
    a person whose age is varied they say "a baby" as "swaddled" does ("an old person asleep in a crib" is a decoy
    no one writes). Artifacts only, not fabrics ("nainsook: muslin used especially for babies"); a word's usual
    sense; plurals too."""
    fabrics = _closure(wn, ("fabric.n.01",))
    out = set()
    for syn in _closure(wn, ("artifact.n.01",)) - fabrics:
        if not BABY_GLOSS.search(" ".join(re.sub(r"\([^)]*\)", "", syn.definition()).split()[:8])):
            continue
        for lemma in syn.lemmas():
            name = lemma.name().lower().replace("_", " ")
            if wn.synsets(lemma.name(), "n")[0] == syn and name not in people["nouns"] and name not in people["adjectives"]:
                *head, last = name.split()
                out |= {name} | {" ".join([*head, plural]) for plural in (getInflection(last, "NNS") if not last.endswith("s") else ())}
    return sorted(out)


# who a thing's gloss says wears or uses it ("blouse: a top worn by women", "handbag: ... (especially by women)",
# "tuxedo: semiformal evening dress for men", "sari: a dress worn primarily by Hindu women")
GENDER_GLOSS = re.compile(r"\b(?:by|for) (?:a |young |some |many )?(?:[A-Z]\w+ )?(women|woman|girls|men|man|boys)\b"
                          r"|\b(women|men)'s (?:clothing|undergarment|hats?|underwear)\b")
BOTH_GLOSS = re.compile(r"\b(women|woman|girls)\b.*\b(men|man|boys)\b|\b(men|man|boys)\b.*\b(women|woman|girls)\b"
                        r"|\bboth\b|\bopposite sex\b")


def _gloss_gender(definition: str) -> str | None:
    """The one gender a gloss says its thing is worn or used by, else None ("by men and women": no one gender)."""
    if BOTH_GLOSS.search(definition):
        return None
    said = {"female" if w in ("women", "woman", "girls") else "male"
            for m in GENDER_GLOSS.finditer(definition) for w in m.groups() if w}  # fmt: skip
    return said.pop() if len(said) == 1 else None


def _gender_things(wn, people: dict) -> list[str]:
    """What one wears, carries or puts on whose gloss says one gender does (a blouse, a handbag, a tuxedo, a nightgown,
    cold cream): beside a person whose gender is varied they say who it is ("a man with his handbag", "a man in a
    nightgown" are decoys no one writes, round 92). The word's usual sense; no word that is a verb or an adjective
    too ("stole", "tie"), nor the plural of another noun ("drawers", "pants"); every sense of it that is worn says
    the same gender ("kirtle" is a man's tunic and a woman's dress: neither)."""
    worn = _closure(wn, ("covering.n.02", "adornment.n.01", "toiletry.n.01", "bag.n.04"))
    living = _closure(wn, ("organism.n.01",))  # "capuchin" is a cloak and a monkey
    out = set()
    for syn in worn:
        gender = _gloss_gender(syn.definition())
        if gender is None:
            continue
        for lemma in syn.lemmas():
            name, senses = lemma.name().lower().replace("_", " "), wn.synsets(lemma.name(), "n")
            if senses[0] != syn or name in people["nouns"] or name in people["adjectives"] or not re.fullmatch(
                    r"[a-z][a-z -]+", name) or any(wn.synsets(lemma.name(), pos) for pos in "vas"):  # fmt: skip
                continue
            stem = wn.synsets(lemma.name()[:-1], "n") if name.endswith("s") else []
            if stem and stem[0] != syn or any(_gloss_gender(o.definition()) != gender for o in senses if o in worn) or (
                    living.intersection(senses)):  # fmt: skip
                continue
            *head, last = name.split()
            out |= {name} | {" ".join([*head, plural]) for plural in (getInflection(last, "NNS") if not last.endswith("s") else ())}
    return sorted(out)


def _child_games(wn, people: dict) -> list[str]:
    """Children's games and customs (WordNet's kinds of "child's game", and acts whose gloss opens on what children
    do: "trick or treat: a request by children on Halloween"), in the forms prompts write them ("hide-and-seek",
    "trick-or-treating"): beside a person whose age is varied they say "a child" ("old people ... trick-or-treating"
    is a decoy no one writes, round 90)."""
    games = _closure(wn, ("child's_game.n.01",)) - {wn.synset("child's_game.n.01")}
    by_children = re.compile(r"\b(by|for) children\b|\bchildren's (game|custom)\b")
    customs = {syn for syn in _closure(wn, ("act.n.02",)) if by_children.search(" ".join(syn.definition().split()[:8]))}
    out = set()
    for syn in games | customs:
        for lemma in syn.lemmas():
            name = lemma.name().lower().replace("_", " ")
            if wn.synsets(lemma.name(), "n")[0] != syn or name in people["nouns"] or len(name) < 4 or (
                    wn.morphy(lemma.name(), "n") != lemma.name()):  # fmt: skip
                continue  # "tag", "it": a game's name that is first something else; "jacks", a plural of "jack"
            for form in {name, name.replace(" ", "-")}:
                *head, last = re.split(r"([ -])", form)
                out.add(form)
                if syn in customs and " or " in name:  # "trick or treat", a custom of two verbs, is done: "-ing"
                    out |= {"".join(head) + ing for ing in getInflection(last, "VBG") or ()}
    return sorted(out)


def _role_names(wn, people: dict) -> dict[str, list[str]]:
    """Role nouns -> the other role nouns that may name the same person again with "the": its synonyms and the
    kinds it is a kind of, two steps up WordNet's hypernyms from its usual sense ("boxer" -> "fighter", "chef" ->
    "cook", "surgeon" -> "doctor", "physician"). Role nouns are the lexicon's nouns that say no class, gender or age
    ("nurse", not "woman" or "king": those are named again by their class)."""
    roles = {w for w, e in people["nouns"].items() if e.get("class") is None and e["number"] == "sg" and not (
        e.get("gender") or e.get("age")) and "_" not in w and " " not in w}  # fmt: skip
    out: dict[str, list[str]] = {}
    person = wn.synset("person.n.01")
    for word in sorted(roles):
        synsets = wn.synsets(word, "n")
        if not synsets:
            continue
        usual = synsets[0]
        kinds = {usual} | set(usual.closure(lambda x: x.hypernyms(), depth=2))
        names = {lem.name().lower() for syn in kinds - {person} for lem in syn.lemmas()} & roles - {word}
        names = {n for n in names if wn.synsets(n, "n")[0] != person}  # "the individual" is anyone, as "the person"
        if names:
            out[word] = sorted(names)
    return out


# what a place must be an instance of to count as one ("Accra": a national capital; "Naples": a port and a city)
PLACE_KINDS = ("location.n.01", "region.n.03")
MAX_HOLONYM_DEPTH = 6
# regions whose adjective the lexicon maps to a value narrower than the region: "asian" is the East Asian value, and
# a place WordNet puts only in Asia ("Dubai", "Kabul") is not East Asian; a place that reaches one names no value
BROAD_REGIONS = frozenset({"asia.n.01", "eurasia.n.01"})


def _places(wn, people: dict) -> tuple[dict[str, str], dict[str, str]]:
    """Place names -> the origin value their country says, by reference: WordNet's part holonyms lead from the
    place to its region, country and continent ("Naples" -> Campania -> Italy -> Europe), and the nearest of those
    whose adjective ("Italian", by derivation or by an adjective that pertains to it) our people lexicon gives a
    value names the place's value ("european"); a country whose origin the lexicon never varies but holds back
    ("American", "Mexican") gives "held". Names WordNet knows as nothing but instances, whose usual sense is a place;
    and, apart (the second table), names that are common nouns too, in lower case ("manila" paper, a "berlin"), while
    the place is capitalised: a place only where written as a name. A name that is an adjective or a verb too ("Nice",
    "Mobile") is neither."""
    origins = {w: e["value"] for w, e in people["adjectives"].items() if e.get("attribute") == "ethnicity"}
    # a people WordNet names and our lists do not ("Irelander") is held by default (build_lexicon.py), which says
    # nothing of its country: Ireland's places take the value of the island's "Irish" ("Galway" was held, and sent
    # beside an African decoy of "an Irish man"); a country our lists hold ("Mexican") stays held
    curated = load_curated()
    listed = {w for w, (v, _, _) in curated["DEMONYMS"].items() if v == "held"} | {
        w for w, v in curated["ADJECTIVES"].items() if v[1] == "held"}  # fmt: skip
    defaulted = {w for w, v in origins.items() if v == "held" and w not in listed}
    pertain: dict[str, set[str]] = {}
    for pos in ("a", "s"):
        for syn in wn.all_synsets(pos):
            for lemma in syn.lemmas():
                for target in lemma.pertainyms():
                    pertain.setdefault(target.synset().name(), set()).add(lemma.name().lower())
    countries = set(wn.synset("country.n.02").closure(lambda x: x.hyponyms())) | {wn.synset("country.n.02")}
    kinds = set().union(*(set(wn.synset(k).closure(lambda x: x.hyponyms())) | {wn.synset(k)} for k in PLACE_KINDS))

    def said_of(s, whole: bool = False) -> set[str]:
        """The values the adjectives of synset `s` give: by derivation first ("Italy" -> "Italian"), else those
        that pertain to it; "South_Korean" counts as "korean"; not "anglo-indian", "afro-asian" (a mix)."""
        derived = {d.name().lower() for lem in s.lemmas() for d in lem.derivationally_related_forms()}
        # its people, where no adjective says it: WordNet's "Chinese" pertains to Taiwan, but China's member is
        # "Chinese" (a native of China)
        people_of = {lem.name().lower() for m in s.member_meronyms() for lem in m.lemmas()}
        said = [{origins.get(w, None if whole else origins.get(w.split("_")[-1])) for w in words if "-" not in w} - {None}
                for words in (derived, pertain.get(s.name(), set()))]  # whole: "East_Indian" is no Indian
        for found in said:
            if found - {"held"}:
                return found  # "Ireland": its derived "Irelander" is held, its pertaining "Irish" European: a value
        for found in said:
            if found:
                return found
        return {origins[w] for w in people_of if w in origins}  # whole names only: a "West Indian" is not Indian

    def value_of(syn) -> str | None:
        """The value of the nearest level of holonyms that says one; all synsets of a level are read together and
        in name order, so a place WordNet puts in two continents ("Byzantium") has none, whatever the order."""
        frontier, seen = [syn], {syn}
        fallback, in_country = None, False
        for _ in range(MAX_HOLONYM_DEPTH):
            level: set[str] = set()
            for s in frontier:
                if s.name() in BROAD_REGIONS:
                    # "Dubai" -> the United Arab Emirates -> ... -> Asia: the continent says no one value, but the
                    # country on the way, whose people no adjective of ours names, is an origin never varied, which
                    # its places still tell ("in a majlis in Dubai" beside a held dishdasha)
                    return fallback or ("held" if in_country else None)
                in_country = in_country or bool(set(s.instance_hypernyms()) & countries)
                found = said_of(s, whole=fallback is not None)
                if found == {"held"} and set(s.instance_hypernyms()) & countries:
                    if not defaulted_only(s):
                        level.add("held")  # "Atlanta" -> Georgia -> the United States: an origin never varied
                    else:
                        fallback = "held"  # held only by default ("Irelander"): a level above may say a value
                level |= found - {"held"}  # "Neapolitan", "Georgian": a city's or a state's people; on to the country
            if level:
                return level.pop() if len(level) == 1 else None  # two values for one place: none
            frontier = sorted({h for s in frontier for h in s.part_holonyms()} - seen, key=lambda h: h.name())
            seen.update(frontier)
        return fallback

    def defaulted_only(s) -> bool:
        """Synset `s`'s held value comes only from peoples our lists do not name, held by default ("Irelander"):
        Ireland's places then take the island's "Irish" (european); "Galway" was held, and sent beside an African
        decoy of "an Irish man". A country our lists hold ("Mexican") stays held."""
        words = {d.name().lower() for lem in s.lemmas() for d in lem.derivationally_related_forms()} | pertain.get(
            s.name(), set()) | {lem.name().lower() for m in s.member_meronyms() for lem in m.lemmas()}  # fmt: skip
        held = {w for w in words if origins.get(w, origins.get(w.split("_")[-1])) == "held"}
        return bool(held) and held <= defaulted

    def written(s, name: str) -> list[str]:
        return [lem.name() for lem in s.lemmas() if lem.name().lower() == name]

    places, named = {}, {}
    for name in wn.all_lemma_names("n"):
        synsets = wn.synsets(name, "n")
        if not synsets or wn.synsets(name, "a") or wn.synsets(name, "v"):
            continue
        instances = [s for s in synsets if s.instance_hypernyms()]
        common = [s for s in synsets if not s.instance_hypernyms()]
        # "Manila", "Berlin", "Wales": a place whose name is also a common noun ("manila paper", "a berlin", "wales"),
        # written in lower case there and capitalised for the place, is the place where written as a name
        as_name = bool(instances and common) and len(name) > 2 and all(
            w[0].isupper() for s in instances for w in written(s, name)) and not any(
            w[0].isupper() for s in common for w in written(s, name))  # fmt: skip
        if common and not as_name:
            continue
        usual = instances[0]
        if not any(h in kinds or set(h.closure(lambda x: x.hypernyms())) & kinds for h in usual.instance_hypernyms()):
            continue
        value = value_of(usual)
        if value is not None:
            (named if common else places)[name.lower().replace("_", " ")] = value
    return dict(sorted(places.items())), dict(sorted(named.items()))


# What a thing of one origin is: dishes, garments and headwear, instruments, dances, festivals, dwellings.
REGIONAL_KINDS = ("dish.n.02", "baked_goods.n.01", "garment.n.01", "headdress.n.01", "footwear.n.01",
                  "musical_instrument.n.01", "dance.n.01", "folk_dancing.n.01", "festival.n.01", "dwelling.n.01",
                  "language.n.01")  # "telling stories in Gaelic" beside decoys of every origin
# a country's money, drinks and houses of worship ("naira notes", "ouzo", "a pagoda"): kinds whose words are often
# other words too ("sent", an Estonian coin; "plonk", a noise; "penny", any coin), so a word counts only where every
# sense WordNet gives it, of any part of speech, is of the kind
SOLE_SENSE_KINDS = ("monetary_unit.n.01", "beverage.n.01", "place_of_worship.n.01")
GLOBAL_THINGS = frozenset({"pizza", "pizza pie"})  # born in one country, eaten in all: no one's origin


def _regional(wn, people: dict, places: dict[str, str]) -> dict[str, str]:
    """Things -> the origin value their WordNet gloss or region gives ("kilt": "... the traditional dress in the
    Highlands of northern Scotland" -> european; "sushi", of WordNet's region Japan -> asian; "burrito", of
    Mexico -> held): a capitalised origin adjective or place of one value near the gloss's start (its first
    eight words), or anywhere in a gloss that says the thing is traditional or national; not "native to" (a
    plant's range) nor a word's dialect ("British term"). Only a word's usual sense, and no person word."""
    origins = {w: e["value"] for w, e in people["adjectives"].items() if e.get("attribute") == "ethnicity"}
    kinds = set().union(*(set(wn.synset(k).closure(lambda x: x.hyponyms())) | {wn.synset(k)} for k in REGIONAL_KINDS))
    languages = _closure(wn, ("language.n.01",))
    sole = _closure(wn, SOLE_SENSE_KINDS)
    out: dict[str, str] = {}
    for syn in sorted(kinds | sole, key=lambda x: x.name()):
        gloss = re.sub(r"\([^)]*\)", "", syn.definition())
        spoken = syn in languages  # a language's gloss says where it is spoken, often late ("... official in Kenya")
        text = gloss if spoken or re.search(r"\btradition|\bnational\b", gloss) else " ".join(gloss.split()[:8])
        if re.search(r"native to|\bterm\b|introduced", text):
            continue
        values = {origins.get(w.lower()) or places.get(w.lower())
                  for w in re.findall(r"[A-Z][A-Za-z-]*(?: [A-Z][a-z]+)*", text)} - {None}  # fmt: skip
        values |= {places.get(lem.name().lower().replace("_", " ")) for d in syn.region_domains()
                   for lem in d.lemmas()} - {None}  # fmt: skip  # WordNet's region: "sushi" -> Japan
        if len(values) != 1:
            continue
        value = values.pop()
        for lemma in syn.lemmas():
            name = lemma.name().lower().replace("_", " ")
            if wn.synsets(lemma.name(), "n")[0] != syn or len(name) < 4 or name in GLOBAL_THINGS:
                continue  # not its usual sense ("tam"), too short to be sure of, or eaten everywhere
            if syn not in kinds and not set(wn.synsets(lemma.name())) <= sole:
                continue
            if name not in people["nouns"] and name not in people["adjectives"]:
                out[name] = value
    for value, names in load_curated()["REGIONAL"].items():
        for name in names:  # what WordNet lacks ("pho", "djembe") or glosses with no origin ("flamenco", "bagpipe")
            if name not in out and name not in people["nouns"] and name not in people["adjectives"]:
                out[name] = value
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file differs from a rebuild")
    ap.add_argument("--wordnet", default=os.environ.get("WORDNET_DICT", "/usr/share/wordnet"))
    args = ap.parse_args(argv)
    text = build(args.wordnet)
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"out of date: {OUT.relative_to(ROOT)} (run python scripts/build_senses.py)", file=sys.stderr)
            return 1
        print("senses up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text.encode()) / 1e6:.2f} MB): "
          + ", ".join(f"{k} {len(v)}" for k, v in data.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
