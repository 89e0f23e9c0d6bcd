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
    hand-curated parts are the explicit Python tables in the CURATED section below. The derived
    parts are always overridden by the curated ones.

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
# CURATED (hand-written) DATA. Everything in this section is a human decision.
# =====================================================================================

# Gendered person classes: name -> (male sg, female sg, none sg or None). Canonical forms are
# plain, common words. Plurals come from pluralise() (irregulars in PLURAL_OVERRIDES).
# Classes never imply an age or an ethnicity (those words are class "person").
CLASSES: dict[str, tuple[str, str, str | None]] = {
    "person": ("man", "woman", "person"),
    "gentleman": ("gentleman", "lady", None),
    "parent": ("father", "mother", "parent"),
    "stepparent": ("stepfather", "stepmother", "stepparent"),
    "godparent": ("godfather", "godmother", "godparent"),
    "foster-parent": ("foster-father", "foster-mother", "foster-parent"),
    "parent-in-law": ("father-in-law", "mother-in-law", "parent-in-law"),
    "spouse": ("husband", "wife", "spouse"),
    "ex-spouse": ("ex-husband", "ex-wife", "ex-spouse"),
    "widowed": ("widower", "widow", None),
    "sibling": ("brother", "sister", "sibling"),
    "half-sibling": ("half-brother", "half-sister", "half-sibling"),
    "stepsibling": ("stepbrother", "stepsister", "stepsibling"),
    "sibling-in-law": ("brother-in-law", "sister-in-law", None),
    "offspring": ("son", "daughter", None),  # "child" implies an age, so it is class person
    "stepchild": ("stepson", "stepdaughter", "stepchild"),
    "godchild": ("godson", "goddaughter", "godchild"),
    "child-in-law": ("son-in-law", "daughter-in-law", None),
    # grand- and great-grand- relations imply an age; see AGE_OF_RELATION
    "grandparent": ("grandfather", "grandmother", "grandparent"),
    "great-grandparent": ("great-grandfather", "great-grandmother", "great-grandparent"),
    "grandchild": ("grandson", "granddaughter", "grandchild"),
    "great-grandchild": ("great-grandson", "great-granddaughter", "great-grandchild"),
    "aunt-uncle": ("uncle", "aunt", None),
    "merperson": ("merman", "mermaid", None),
    "niece-nephew": ("nephew", "niece", None),
    "partner": ("boyfriend", "girlfriend", None),
    "ex-partner": ("ex-boyfriend", "ex-girlfriend", None),
    "fiance": ("fiance", "fiancee", None),
    "newlywed": ("groom", "bride", None),
    "wedding-attendant": ("groomsman", "bridesmaid", None),
    "unmarried": ("bachelor", "spinster", None),
    "household-head": ("patriarch", "matriarch", None),
    "monarch": ("king", "queen", "monarch"),
    "royal-child": ("prince", "princess", None),
    "emperor": ("emperor", "empress", None),
    "tsar": ("tsar", "tsarina", None),
    "sultan": ("sultan", "sultana", None),
    "rajah": ("maharaja", "maharani", None),
    "sheikh": ("sheikh", "sheikha", None),
    "noble": ("nobleman", "noblewoman", "noble"),
    "duke": ("duke", "duchess", None),
    "archduke": ("archduke", "archduchess", None),
    "count": ("count", "countess", None),
    "viscount": ("viscount", "viscountess", None),
    "baron": ("baron", "baroness", None),
    "marquis": ("marquis", "marchioness", None),
    "knight": ("knight", "dame", None),
    "heir": ("heir", "heiress", None),
    "waiter": ("waiter", "waitress", "server"),
    "actor": ("actor", "actress", None),
    "host": ("host", "hostess", None),
    "steward": ("steward", "stewardess", None),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "chairperson": ("chairman", "chairwoman", "chairperson"),
    "businessperson": ("businessman", "businesswoman", "businessperson"),
    "salesperson": ("salesman", "saleswoman", "salesperson"),
    "police-officer": ("policeman", "policewoman", None),
    "firefighter": ("fireman", "firewoman", "firefighter"),
    "congressperson": ("congressman", "congresswoman", "congressperson"),
    "anchor": ("anchorman", "anchorwoman", None),
    "camera-operator": ("cameraman", "camerawoman", None),
    "weather-presenter": ("weatherman", "weatherwoman", None),
    "fisher": ("fisherman", "fisherwoman", None),
    "head-teacher": ("headmaster", "headmistress", "headteacher"),
    "schoolteacher": ("schoolmaster", "schoolmistress", "schoolteacher"),
    "craftsperson": ("craftsman", "craftswoman", "craftsperson"),
    "sportsperson": ("sportsman", "sportswoman", "sportsperson"),
    "layperson": ("layman", "laywoman", "layperson"),
    "tradesperson": ("tradesman", "tradeswoman", "tradesperson"),
    "councillor": ("councilman", "councilwoman", None),
    "alderman": ("alderman", "alderwoman", None),
    "assembly-member": ("assemblyman", "assemblywoman", None),
    "statesperson": ("statesman", "stateswoman", None),
    "clergy": ("clergyman", "clergywoman", None),
    "newsperson": ("newsman", "newswoman", "newsperson"),
    "horse-rider": ("horseman", "horsewoman", None),
    "foreperson": ("foreman", "forewoman", "foreperson"),
    "postal-worker": ("postman", "postwoman", None),
    "servant": ("manservant", "maid", "servant"),
    "homemaker": ("househusband", "housewife", "homemaker"),
    "cowhand": ("cowboy", "cowgirl", None),
    "monastic": ("monk", "nun", None),
    "abbot": ("abbot", "abbess", None),
    "priest": ("priest", "priestess", None),
    "hero": ("hero", "heroine", None),

    "god": ("god", "goddess", "deity"),
    "wizard": ("wizard", "witch", None),
    "sorcerer": ("sorcerer", "sorceress", None),
    "usher": ("usher", "usherette", None),
    "aviator": ("aviator", "aviatrix", None),
    "comedian": ("comedian", "comedienne", None),
    "masseur": ("masseur", "masseuse", None),
    "shepherd": ("shepherd", "shepherdess", None),




    "ballet-dancer": ("ballerino", "ballerina", None),
    "alumnus": ("alumnus", "alumna", None),
    "showperson": ("showman", "showwoman", None),
    "frontperson": ("frontman", "frontwoman", None),
    "yachtsperson": ("yachtsman", "yachtswoman", None),
    "countryperson": ("countryman", "countrywoman", None),
    "kinsperson": ("kinsman", "kinswoman", None),
    "service-member": ("serviceman", "servicewoman", None),
    "ombudsperson": ("ombudsman", "ombudswoman", "ombudsperson"),
    "mad-person": ("madman", "madwoman", None),
    "church-member": ("churchman", "churchwoman", None),
    "washer": ("washerman", "washerwoman", None),
    "barperson": ("barman", "barmaid", "bartender"),
    "landlord": ("landlord", "landlady", None),



}

# A grandparent is not young and a grandchild is usually young: a relation that implies an age states
# it, so it cannot keep its kinship wording on the cloud (every decoy would need "a young grandfather",
# which marks itself). Its words become class "person" with that age, like "retiree" or "child": the
# cloud sees "an old woman" for "grandma", and every value in the same generic words.
AGE_OF_RELATION = {"grandparent": "old", "great-grandparent": "old", "grandchild": "young", "great-grandchild": "young"}
# "lord" has no free counterpart ("lady" is class gentleman): it is a male variant of "noble".

# Extra surface forms of a class: word -> (class, gender). Gender None = the class's neutral sense.
VARIANTS: dict[str, tuple[str, str | None]] = {
    # person (no age implied)
    "guy": ("person", "male"), "dude": ("person", "male"), "bloke": ("person", "male"),
    "chap": ("person", "male"), "fella": ("person", "male"), "feller": ("person", "male"),
    "fellow": ("person", "male"), "gent": ("person", "male"), "male": ("person", "male"),
    "gal": ("person", "female"), "female": ("person", "female"), "gentlewoman": ("gentleman", "female"),
    "he-man": ("person", "male"), "hombre": ("person", "male"), "sheila": ("person", "female"),
    # casual: "bro" in prompts is mostly "guy" (tech bro, gym bros), not a sibling; "babe" is casual
    # female (the name/"babe in arms" senses lose)
    "bro": ("person", "male"), "babe": ("person", "female"),
    "persons": ("person", None),
    # parent
    "mum": ("parent", "female"), "mom": ("parent", "female"), "mommy": ("parent", "female"),
    "mummy": ("parent", "female"), "mama": ("parent", "female"), "mamma": ("parent", "female"),
    "momma": ("parent", "female"), "mammy": ("parent", "female"), "ma": ("parent", "female"),
    "mother": ("parent", "female"), "dad": ("parent", "male"), "daddy": ("parent", "male"),
    "papa": ("parent", "male"), "pappa": ("parent", "male"), "pa": ("parent", "male"),
    "dada": ("parent", "male"), "mother-to-be": ("parent", "female"), "father-to-be": ("parent", "male"),
    "step-mother": ("stepparent", "female"), "step-father": ("stepparent", "male"),
    "step-parent": ("stepparent", None), "stepmom": ("stepparent", "female"),
    "stepmum": ("stepparent", "female"), "stepdad": ("stepparent", "male"),
    "god-mother": ("godparent", "female"), "god-father": ("godparent", "male"),
    "foster-mother": ("foster-parent", "female"),
    # spouse
    "hubby": ("spouse", "male"), "missus": ("spouse", "female"), "missis": ("spouse", "female"),
    "wifey": ("spouse", "female"),
    "widowman": ("widowed", "male"),
    "stepbrother": ("stepsibling", "male"), "step-brother": ("stepsibling", "male"),
    "step-sister": ("stepsibling", "female"),
    "half-brother": ("half-sibling", "male"),
    # sibling
    "sis": ("sibling", "female"),
    "stepson": ("stepchild", "male"), "step-son": ("stepchild", "male"),
    "step-daughter": ("stepchild", "female"),
    # grandparent
    "granny": ("grandparent", "female"), "grannie": ("grandparent", "female"),
    "grandma": ("grandparent", "female"), "grandmom": ("grandparent", "female"),
    "grandmama": ("grandparent", "female"), "gran": ("grandparent", "female"),
    "nana": ("grandparent", "female"), "nan": ("grandparent", "female"), "nanna": ("grandparent", "female"),
    "grandpa": ("grandparent", "male"), "granddad": ("grandparent", "male"), "grandad": ("grandparent", "male"),
    "granddaddy": ("grandparent", "male"), "grandpapa": ("grandparent", "male"),
    "gramps": ("grandparent", "male"), "grampa": ("grandparent", "male"),
    "grandsire": ("grandparent", "male"),
    "auntie": ("aunt-uncle", "female"), "aunty": ("aunt-uncle", "female"),
    "great-aunt": ("aunt-uncle", "female"), "great-uncle": ("aunt-uncle", "male"),
    "fiancé": ("fiance", "male"), "fiancée": ("fiance", "female"),
    "bridegroom": ("newlywed", "male"), "bride-to-be": ("newlywed", "female"), "groom-to-be": ("newlywed", "male"),
    # nobility / royalty
    "lord": ("noble", "male"), "earl": ("count", "male"), "marquess": ("marquis", "male"),
    "czar": ("tsar", "male"), "tzar": ("tsar", "male"), "czarina": ("tsar", "female"),
    "tzarina": ("tsar", "female"), "tsaritsa": ("tsar", "female"),
    "maharajah": ("rajah", "male"), "rajah": ("rajah", "male"), "raja": ("rajah", "male"),
    "rani": ("rajah", "female"), "ranee": ("rajah", "female"), "maharanee": ("rajah", "female"),
    "sheik": ("sheikh", "male"), "sheika": ("sheikh", "female"),
    "sovereign": ("monarch", None),
    # occupations
    "waitperson": ("waiter", None), "waitstaff": ("waiter", None),
    "air-hostess": ("steward", "female"), "chairperson": ("chairperson", None),
    "cop": ("police-officer", None), "policeperson": ("police-officer", None),
    "fire-fighter": ("firefighter", None),
    "weathergirl": ("weather-presenter", "female"),
    "fisherfolk": ("fisher", None),
    "headmistress": ("head-teacher", "female"), "schoolmarm": ("schoolteacher", "female"),
    "craftsperson": ("craftsperson", None),
    "mailman": ("postal-worker", "male"), "postie": ("postal-worker", None),
    "housemaid": ("servant", "female"), "chambermaid": ("servant", "female"),
    "maidservant": ("servant", "female"), "handmaid": ("servant", "female"), "handmaiden": ("servant", "female"),
    "manservant": ("servant", "male"), "footman": ("servant", "male"),
    "house-husband": ("homemaker", "male"),
    "cowpoke": ("cowhand", "male"), "cowman": ("cowhand", "male"),
    "friar": ("monastic", "male"),
    "warlock": ("wizard", "male"),
    "enchanter": ("sorcerer", "male"), "enchantress": ("sorcerer", "female"),
    "barwoman": ("barperson", "female"), "barkeep": ("barperson", None),

    "sportswoman": ("sportsperson", "female"),
    # casual, abbreviated and foreign-language forms seen in prompts
    "chick": ("person", "female"),  # bird senses guarded by NON_PERSON_PHRASES ("baby chick", ...)
    "bf": ("partner", "male"), "gf": ("partner", "female"),
    "gma": ("grandparent", "female"), "grandmaa": ("grandparent", "female"), "granma": ("grandparent", "female"),
    "gramma": ("grandparent", "female"), "nonna": ("grandparent", "female"), "nonno": ("grandparent", "male"),
    "abuela": ("grandparent", "female"), "abuelita": ("grandparent", "female"), "abuelo": ("grandparent", "male"),
    "abuelito": ("grandparent", "male"), "oma": ("grandparent", "female"),
    # family words of other languages that English prompts use as they are ("my lola", "my nani"): each
    # reveals a gender and, through its language, an ethnicity, so the cloud sees the English class word
    "lola": ("grandparent", "female"), "lolo": ("grandparent", "male"),
    "nainai": ("grandparent", "female"), "laolao": ("grandparent", "female"), "waipo": ("grandparent", "female"),
    "yeye": ("grandparent", "male"), "laoye": ("grandparent", "male"), "waigong": ("grandparent", "male"),
    "halmeoni": ("grandparent", "female"), "halmoni": ("grandparent", "female"),
    "harabeoji": ("grandparent", "male"), "harabuji": ("grandparent", "male"),
    "obaachan": ("grandparent", "female"), "obaasan": ("grandparent", "female"),
    "ojiichan": ("grandparent", "male"), "ojiisan": ("grandparent", "male"),
    "dadi": ("grandparent", "female"), "nani": ("grandparent", "female"), "nanaji": ("grandparent", "male"),
    "dadaji": ("grandparent", "male"), "teta": ("grandparent", "female"), "sitti": ("grandparent", "female"),
    "sito": ("grandparent", "female"), "jiddo": ("grandparent", "male"), "jeddo": ("grandparent", "male"),
    "sido": ("grandparent", "male"), "yiayia": ("grandparent", "female"), "yaya": ("grandparent", "female"),
    "papou": ("grandparent", "male"), "pappous": ("grandparent", "male"),
    "mormor": ("grandparent", "female"), "farmor": ("grandparent", "female"),
    "morfar": ("grandparent", "male"), "farfar": ("grandparent", "male"),
    "opa": ("grandparent", "male"), "ouma": ("grandparent", "female"), "oupa": ("grandparent", "male"),
    "gogo": ("grandparent", "female"), "mkhulu": ("grandparent", "male"),
    "babushka": ("grandparent", "female"), "dedushka": ("grandparent", "male"),
    "bubbe": ("grandparent", "female"), "bubbie": ("grandparent", "female"), "bobe": ("grandparent", "female"),
    "zayde": ("grandparent", "male"), "zaide": ("grandparent", "male"),
    "mamá": ("parent", "female"), "papá": ("parent", "male"), "ammi": ("parent", "female"),
    "amma": ("parent", "female"), "umma": ("parent", "female"), "eomma": ("parent", "female"),
    "appa": ("parent", "male"), "okaasan": ("parent", "female"), "otousan": ("parent", "male"),
    "maman": ("parent", "female"), "mutti": ("parent", "female"), "vati": ("parent", "male"),
    "tita": ("aunt-uncle", "female"), "tito": ("aunt-uncle", "male"), "tía": ("aunt-uncle", "female"),
    "tia": ("aunt-uncle", "female"), "tío": ("aunt-uncle", "male"), "tio": ("aunt-uncle", "male"),
    "zia": ("aunt-uncle", "female"), "zio": ("aunt-uncle", "male"), "tante": ("aunt-uncle", "female"),
    "onkel": ("aunt-uncle", "male"), "chacha": ("aunt-uncle", "male"), "chachi": ("aunt-uncle", "female"),
    "mausi": ("aunt-uncle", "female"), "masi": ("aunt-uncle", "female"), "khala": ("aunt-uncle", "female"),
    "khalu": ("aunt-uncle", "male"), "mamu": ("aunt-uncle", "male"),
    "kuya": ("sibling", "male"), "oppa": ("sibling", "male"), "hyung": ("sibling", "male"),
    "unni": ("sibling", "female"), "unnie": ("sibling", "female"), "noona": ("sibling", "female"),
    "didi": ("sibling", "female"), "bhaiya": ("sibling", "male"), "bhai": ("sibling", "male"),
    "hermano": ("sibling", "male"), "hermana": ("sibling", "female"),
}

# Misspelt forms with a fixed number (no plural derived): word -> (class, number, gender, age).
# "womans" is a possessive typed without the apostrophe ("mans" is left out: "he mans the helm");
# "ladys" is a misspelt plural.
TYPOS: dict[str, tuple[str, str, str | None, str | None]] = {
    "womans": ("person", "sg", "female", None),
    "womens": ("person", "pl", "female", None), "mens": ("person", "pl", "male", None),
    "ladys": ("gentleman", "pl", "female", None), "childrens": ("person", "pl", None, "young"),
    "mans": ("person", "sg", "male", None), "gurl": ("person", "sg", "female", "young"),
    "gurls": ("person", "pl", "female", "young"), "boi": ("person", "sg", "male", "young"),
    "bois": ("person", "pl", "male", "young"), "granmother": ("person", "sg", "female", "old"),
    "grandmther": ("person", "sg", "female", "old"), "granfather": ("person", "sg", "male", "old"),
    "grandfther": ("person", "sg", "male", "old"), "grandmom": ("person", "sg", "female", "old"),
}

# Gendered person nouns with no counterpart: class "person". word -> (gender, age, ethnicity).
PERSON_WORDS: dict[str, tuple[str | None, str | None, str | None]] = {
    # gender + young
    "girl": ("female", "young", None), "boy": ("male", "young", None), "lad": ("male", "young", None),
    "laddie": ("male", "young", None), "lass": ("female", "young", None), "lassie": ("female", "young", None),
    "schoolgirl": ("female", "young", None), "schoolboy": ("male", "young", None),
    "paperboy": ("male", "young", None), "papergirl": ("female", "young", None),
    "choirboy": ("male", "young", None), "choirgirl": ("female", "young", None),
    "ploughboy": ("male", "young", None), "plowboy": ("male", "young", None),
    "stableboy": ("male", "young", None), "busboy": ("male", "young", None),
    "newsboy": ("male", "young", None), "bellboy": ("male", "young", None),
    "maiden": ("female", "young", None), "damsel": ("female", "young", None),
    "tomboy": ("female", "young", None), "missy": ("female", "young", None),
    "colleen": ("female", "young", None),
    "youngster": (None, "young", None), "sonny": ("male", "young", None),
    "boyo": ("male", "young", None), "stripling": ("male", "young", None),
    "debutante": ("female", "young", None), "ingenue": ("female", "young", None),
    "bobbysoxer": ("female", "young", None), "nymphet": ("female", "young", None),
    "grl": ("female", "young", None),
    # generations and school grades ("third grader": "third" + "grader"; hyphen forms are tokens)
    "millennial": (None, "young", None), "zoomer": (None, "young", None), "grader": (None, "young", None),
    "first-grader": (None, "young", None), "second-grader": (None, "young", None),
    "third-grader": (None, "young", None), "fourth-grader": (None, "young", None),
    "fifth-grader": (None, "young", None), "sixth-grader": (None, "young", None),
    "seventh-grader": (None, "young", None), "eighth-grader": (None, "young", None),
    "ninth-grader": (None, "young", None), "tenth-grader": (None, "young", None),
    "eleventh-grader": (None, "young", None), "twelfth-grader": (None, "young", None),
    "boomer": (None, "old", None),
    "milf": ("female", "middle-aged", None),
    "freshman": (None, "young", None), "sophomore": (None, "young", None),  # students (MAN_NOT_MALE: not male)
    # age only
    "teenager": (None, "young", None), "teen": (None, "young", None), "preteen": (None, "young", None),
    "tween": (None, "young", None), "kid": (None, "young", None), "kiddo": (None, "young", None),
    "kiddie": (None, "young", None), "kiddy": (None, "young", None),
    "child": (None, "young", None), "baby": (None, "young", None), "toddler": (None, "young", None),
    "infant": (None, "young", None), "newborn": (None, "young", None), "adolescent": (None, "young", None),
    "youth": (None, "young", None), "juvenile": (None, "young", None), "minor": (None, "young", None),
    "tot": (None, "young", None), "schoolchild": (None, "young", None), "schoolkid": (None, "young", None),
    "preschooler": (None, "young", None), "kindergartner": (None, "young", None),
    "kindergartener": (None, "young", None), "nipper": (None, "young", None), "tyke": (None, "young", None),
    "tike": (None, "young", None), "bairn": (None, "young", None), "urchin": (None, "young", None),
    "brat": (None, "young", None), "sprog": (None, "young", None), "youngling": (None, "young", None),
    "neonate": (None, "young", None), "bambino": (None, "young", None),
    "senior": (None, "old", None), "elder": (None, "old", None), "pensioner": (None, "old", None),
    "retiree": (None, "old", None), "octogenarian": (None, "old", None), "nonagenarian": (None, "old", None),
    "centenarian": (None, "old", None), "supercentenarian": (None, "old", None),
    "septuagenarian": (None, "old", None), "sexagenarian": (None, "old", None),
    "oldster": (None, "old", None), "old-timer": (None, "old", None), "oldtimer": (None, "old", None),
    "oap": (None, "old", None), "dotard": (None, "old", None),
    "geezer": ("male", "old", None), "codger": ("male", "old", None), "gaffer": ("male", "old", None),
    "greybeard": ("male", "old", None), "graybeard": ("male", "old", None),
    "crone": ("female", "old", None), "hag": ("female", "old", None), "beldam": ("female", "old", None),
    "beldame": ("female", "old", None), "dowager": ("female", "old", None),
    "quadragenarian": (None, "middle-aged", None), "quinquagenarian": (None, "middle-aged", None),
    "middle-ager": (None, "middle-aged", None),
    "twentysomething": (None, "young", None), "thirtysomething": (None, "young", None),
    # found by the third red team (realistic prompts): types and peoples people ask for
    "highlander": (None, None, "european"), "baddie": ("female", None, None), "karen": ("female", "middle-aged", None),
    # offices that state a gender, an age or a community (the cloud sees a person of those values)
    "pope": ("male", "old", None), "rabbi": (None, None, "held"), "imam": ("male", None, "held"),
    # gender only, no counterpart
    "seamstress": ("female", None, None), "matron": ("female", None, None),
    "housemother": ("female", None, None), "housefather": ("male", None, None),
    "materfamilias": ("female", None, None), "paterfamilias": ("male", None, None),
    "divorcee": ("female", None, None), "divorcé": ("male", None, None), "divorcée": ("female", None, None),
    "bachelorette": ("female", None, None), "mistress": ("female", None, None), "milkmaid": ("female", None, None),
    "milkman": ("male", None, None), "poetess": ("female", None, None), "giantess": ("female", None, None),
    "mayoress": ("female", None, None), "huntress": ("female", None, None), "patroness": ("female", None, None),
    "murderess": ("female", None, None), "seductress": ("female", None, None), "villainess": ("female", None, None),
    "brunette": ("female", None, None), "suffragette": ("female", None, None), "majorette": ("female", None, None),
    "executrix": ("female", None, None), "dominatrix": ("female", None, None), "doyenne": ("female", None, None),
    "chanteuse": ("female", None, None), "equestrienne": ("female", None, None), "tragedienne": ("female", None, None),
    "adventuress": ("female", None, None), "authoress": ("female", None, None), "sculptress": ("female", None, None),
    "proprietress": ("female", None, None), "manageress": ("female", None, None), "songstress": ("female", None, None),
    "laundress": ("female", None, None), "deaconess": ("female", None, None), "prioress": ("female", None, None),
    "postmistress": ("female", None, None), "ogress": ("female", None, None), "benefactress": ("female", None, None),
    "conductress": ("female", None, None), "instructress": ("female", None, None), "traitress": ("female", None, None),
    "geisha": ("female", None, "asian"), "courtesan": ("female", None, None), "concubine": ("female", None, None),
    "odalisque": ("female", None, None), "belle": ("female", None, None), "wench": ("female", None, None),
    "temptress": ("female", None, None), "virago": ("female", None, None),
    "nursemaid": ("female", None, None), "governess": ("female", None, None),
    "eunuch": ("male", None, None), "castrato": ("male", None, None),
    "womanizer": ("male", None, None), "womaniser": ("male", None, None),
    "philanderer": ("male", None, None), "beau": ("male", None, None), "swain": ("male", None, None),
    "dandy": ("male", None, None), "fop": ("male", None, None), "hunk": ("male", None, None),
    "gigolo": ("male", None, None), "manchild": ("male", None, None), "man-child": ("male", None, None),
    "begum": ("female", None, None), "bey": ("male", None, None), "memsahib": ("female", None, None),
    "sahib": ("male", None, None), "she-devil": ("female", None, None),
    "lady-in-waiting": ("female", None, None), "fishwife": ("female", None, None),
    "man-at-arms": ("male", None, None), "man-about-town": ("male", None, None),
    # roles that state an ethnicity (and a gender): the cloud sees the canonical person instead
    "salaryman": ("male", None, "asian"), "samurai": ("male", None, "asian"), "pharaoh": ("male", None, HELD),
    "mestiza": ("female", None, HELD), "mestizo": ("male", None, HELD),
}

# Ethnic/national words. adjective -> (value, noun singular or None, noun plural or None).
# Invariant nouns ("the Chinese", "the French") are plural only. "held": outside the five values.
DEMONYMS: dict[str, tuple[str, str | None, str | None]] = {
    # race words used as nouns and adjectives
    "caucasian": ("caucasian", "caucasian", "caucasians"),
    "asian": ("asian", "asian", "asians"), "african": ("african", "african", "africans"),
    "european": ("european", "european", "europeans"), "indian": ("indian", "indian", "indians"),
    "oriental": ("asian", "oriental", "orientals"),
    "african-american": ("african", "african-american", "african-americans"),
    "afro-american": ("african", "afro-american", "afro-americans"),
    "asian-american": ("asian", "asian-american", "asian-americans"),
    "indian-american": ("indian", "indian-american", "indian-americans"),
    "european-american": ("caucasian", "european-american", "european-americans"),
    "afro-caribbean": ("african", "afro-caribbean", "afro-caribbeans"),
    "anglo": ("caucasian", "anglo", "anglos"), "anglo-saxon": ("caucasian", "anglo-saxon", "anglo-saxons"),
    # East / South-East / Central Asia
    "chinese": ("asian", None, "chinese"), "japanese": ("asian", None, "japanese"),
    "korean": ("asian", "korean", "koreans"), "vietnamese": ("asian", None, "vietnamese"),
    "thai": ("asian", "thai", "thais"), "filipino": ("asian", "filipino", "filipinos"),
    "filipina": ("asian", "filipina", "filipinas"), "indonesian": ("asian", "indonesian", "indonesians"),
    "malaysian": ("asian", "malaysian", "malaysians"), "malay": ("asian", "malay", "malays"),
    "cambodian": ("asian", "cambodian", "cambodians"), "khmer": ("asian", None, None),
    "laotian": ("asian", "laotian", "laotians"), "lao": ("asian", None, None),
    "burmese": ("asian", None, "burmese"), "taiwanese": ("asian", None, "taiwanese"),
    "mongolian": ("asian", "mongolian", "mongolians"), "tibetan": ("asian", "tibetan", "tibetans"),
    "singaporean": ("asian", "singaporean", "singaporeans"), "hmong": ("asian", None, "hmong"),
    "cantonese": ("asian", None, "cantonese"), "han": ("asian", None, None),
    "kazakh": ("asian", "kazakh", "kazakhs"), "uzbek": ("asian", "uzbek", "uzbeks"),
    "east asian": ("asian", None, None), "southeast asian": ("asian", None, None),
    "south-east asian": ("asian", None, None),
    # South Asia
    "pakistani": ("indian", "pakistani", "pakistanis"), "bangladeshi": ("indian", "bangladeshi", "bangladeshis"),
    "sri lankan": ("indian", None, None), "lankan": ("indian", "lankan", "lankans"),
    "nepali": ("indian", "nepali", "nepalis"), "nepalese": ("indian", None, "nepalese"),
    "bengali": ("indian", "bengali", "bengalis"), "punjabi": ("indian", "punjabi", "punjabis"),
    "tamil": ("indian", "tamil", "tamils"), "gujarati": ("indian", "gujarati", "gujaratis"),
    "sinhalese": ("indian", None, "sinhalese"), "bhutanese": ("indian", None, "bhutanese"),
    "south asian": ("indian", None, None), "desi": ("indian", "desi", "desis"),
    "sikh": ("indian", "sikh", "sikhs"),  # Sikhs are overwhelmingly Punjabi (punjabi -> indian)
    # Sub-Saharan Africa and race
    "black": ("african", None, None), "nigerian": ("african", "nigerian", "nigerians"),
    "kenyan": ("african", "kenyan", "kenyans"), "ghanaian": ("african", "ghanaian", "ghanaians"),
    "ethiopian": ("african", "ethiopian", "ethiopians"), "somali": ("african", "somali", "somalis"),
    "somalian": ("african", "somalian", "somalians"), "sudanese": ("african", None, "sudanese"),
    "ugandan": ("african", "ugandan", "ugandans"), "tanzanian": ("african", "tanzanian", "tanzanians"),
    "rwandan": ("african", "rwandan", "rwandans"), "congolese": ("african", None, "congolese"),
    "senegalese": ("african", None, "senegalese"), "malian": ("african", "malian", "malians"),
    "cameroonian": ("african", "cameroonian", "cameroonians"), "angolan": ("african", "angolan", "angolans"),
    "zimbabwean": ("african", "zimbabwean", "zimbabweans"), "zambian": ("african", "zambian", "zambians"),
    "eritrean": ("african", "eritrean", "eritreans"), "ivorian": ("african", "ivorian", "ivorians"),
    "zulu": ("african", "zulu", "zulus"), "yoruba": ("african", None, "yoruba"),
    "igbo": ("african", None, "igbo"), "maasai": ("african", None, "maasai"), "masai": ("african", None, "masai"),
    "sub-saharan": ("african", None, None), "mozambican": ("african", "mozambican", "mozambicans"),
    "malawian": ("african", "malawian", "malawians"), "botswanan": ("african", "botswanan", "botswanans"),
    "namibian": ("african", "namibian", "namibians"), "liberian": ("african", "liberian", "liberians"),
    "haitian": ("african", "haitian", "haitians"), "jamaican": ("african", "jamaican", "jamaicans"),
    # Europe
    "white": ("caucasian", None, None), "french": ("european", None, "french"),
    "frenchman": ("european", "frenchman", "frenchmen"), "english": ("european", None, "english"),
    "british": ("european", None, "british"), "briton": ("european", "briton", "britons"),
    "brit": ("european", "brit", "brits"), "irish": ("european", None, "irish"),
    "scottish": ("european", None, None), "scot": ("european", "scot", "scots"),
    "welsh": ("european", None, "welsh"), "german": ("european", "german", "germans"),
    "italian": ("european", "italian", "italians"), "spanish": ("european", None, "spanish"),
    "spaniard": ("european", "spaniard", "spaniards"), "portuguese": ("european", None, "portuguese"),
    "dutch": ("european", None, "dutch"), "belgian": ("european", "belgian", "belgians"),
    "swiss": ("european", None, "swiss"), "austrian": ("european", "austrian", "austrians"),
    "swedish": ("european", None, None), "swede": ("european", "swede", "swedes"),
    "norwegian": ("european", "norwegian", "norwegians"), "danish": ("european", None, None),
    "dane": ("european", "dane", "danes"), "finnish": ("european", None, None), "finn": ("european", "finn", "finns"),
    "icelandic": ("european", None, None), "icelander": ("european", "icelander", "icelanders"),
    "russian": ("european", "russian", "russians"), "ukrainian": ("european", "ukrainian", "ukrainians"),
    "polish": ("european", None, None), "pole": ("european", "pole", "poles"),
    "czech": ("european", "czech", "czechs"), "slovak": ("european", "slovak", "slovaks"),
    "hungarian": ("european", "hungarian", "hungarians"), "romanian": ("european", "romanian", "romanians"),
    "bulgarian": ("european", "bulgarian", "bulgarians"), "serbian": ("european", "serbian", "serbians"),
    "serb": ("european", "serb", "serbs"), "croatian": ("european", "croatian", "croatians"),
    "croat": ("european", "croat", "croats"), "bosnian": ("european", "bosnian", "bosnians"),
    "slovenian": ("european", "slovenian", "slovenians"), "albanian": ("european", "albanian", "albanians"),
    "greek": ("european", "greek", "greeks"), "lithuanian": ("european", "lithuanian", "lithuanians"),
    "latvian": ("european", "latvian", "latvians"), "estonian": ("european", "estonian", "estonians"),
    "belarusian": ("european", "belarusian", "belarusians"), "scandinavian": ("european", "scandinavian", "scandinavians"),
    "nordic": ("european", None, None), "slavic": ("european", None, None), "slav": ("european", "slav", "slavs"),
    "celtic": ("european", None, None), "celt": ("european", "celt", "celts"),
    "mediterranean": ("european", None, None), "maltese": ("european", None, "maltese"),
    "cypriot": ("european", "cypriot", "cypriots"), "luxembourgish": ("european", None, None),
    "moldovan": ("european", "moldovan", "moldovans"), "macedonian": ("european", "macedonian", "macedonians"),
    "basque": ("european", "basque", "basques"), "catalan": ("european", "catalan", "catalans"),
    "sicilian": ("european", "sicilian", "sicilians"), "viking": ("european", "viking", "vikings"),
    "englishman": ("european", "englishman", "englishmen"), "irishman": ("european", "irishman", "irishmen"),
    "scotsman": ("european", "scotsman", "scotsmen"), "welshman": ("european", "welshman", "welshmen"),
    "dutchman": ("european", "dutchman", "dutchmen"), "norseman": ("european", "norseman", "norsemen"),
    "frenchwoman": ("european", "frenchwoman", "frenchwomen"),
    "englishwoman": ("european", "englishwoman", "englishwomen"),
    "irishwoman": ("european", "irishwoman", "irishwomen"), "scotswoman": ("european", "scotswoman", "scotswomen"),
    "welshwoman": ("european", "welshwoman", "welshwomen"), "dutchwoman": ("european", "dutchwoman", "dutchwomen"),
    # outside the value space: held
    "brown": (HELD, None, None), "latino": (HELD, "latino", "latinos"), "latina": (HELD, "latina", "latinas"),
    "latinx": (HELD, "latinx", None), "hispanic": (HELD, "hispanic", "hispanics"),
    "chicano": (HELD, "chicano", "chicanos"), "chicana": (HELD, "chicana", "chicanas"),
    "mexican": (HELD, "mexican", "mexicans"), "brazilian": (HELD, "brazilian", "brazilians"),
    "argentinian": (HELD, "argentinian", "argentinians"), "argentine": (HELD, "argentine", "argentines"),
    "colombian": (HELD, "colombian", "colombians"), "peruvian": (HELD, "peruvian", "peruvians"),
    "chilean": (HELD, "chilean", "chileans"), "venezuelan": (HELD, "venezuelan", "venezuelans"),
    "cuban": (HELD, "cuban", "cubans"), "puerto rican": (HELD, None, None), "dominican": (HELD, "dominican", "dominicans"),
    "latin american": (HELD, None, None), "caribbean": (HELD, None, None),
    "arab": (HELD, "arab", "arabs"), "arabian": (HELD, None, None), "arabic": (HELD, None, None),
    "persian": (HELD, "persian", "persians"), "iranian": (HELD, "iranian", "iranians"),
    "iraqi": (HELD, "iraqi", "iraqis"), "syrian": (HELD, "syrian", "syrians"),
    "lebanese": (HELD, None, "lebanese"), "jordanian": (HELD, "jordanian", "jordanians"),
    "palestinian": (HELD, "palestinian", "palestinians"), "israeli": (HELD, "israeli", "israelis"),
    "saudi": (HELD, "saudi", "saudis"), "yemeni": (HELD, "yemeni", "yemenis"), "emirati": (HELD, "emirati", "emiratis"),
    "kuwaiti": (HELD, "kuwaiti", "kuwaitis"), "qatari": (HELD, "qatari", "qataris"), "omani": (HELD, "omani", "omanis"),
    "turkish": (HELD, None, None), "turk": (HELD, "turk", "turks"), "kurdish": (HELD, None, None),
    "kurd": (HELD, "kurd", "kurds"), "armenian": (HELD, "armenian", "armenians"),
    "georgian": (HELD, "georgian", "georgians"), "azerbaijani": (HELD, "azerbaijani", "azerbaijanis"),
    "afghan": (HELD, "afghan", "afghans"), "egyptian": (HELD, "egyptian", "egyptians"),
    "moroccan": (HELD, "moroccan", "moroccans"), "algerian": (HELD, "algerian", "algerians"),
    "tunisian": (HELD, "tunisian", "tunisians"), "libyan": (HELD, "libyan", "libyans"),
    "berber": (HELD, "berber", "berbers"), "bedouin": (HELD, "bedouin", "bedouins"),
    "tuareg": (HELD, "tuareg", "tuaregs"),
    "middle eastern": (HELD, None, None), "middle-eastern": (HELD, None, None),
    "north african": (HELD, None, None), "jewish": (HELD, None, None), "jew": (HELD, "jew", "jews"),
    "american": (HELD, "american", "americans"), "canadian": (HELD, "canadian", "canadians"),
    "australian": (HELD, "australian", "australians"), "aussie": (HELD, "aussie", "aussies"),
    "new zealander": (HELD, None, None), "kiwi": (HELD, None, None),
    "native american": (HELD, None, None), "native-american": (HELD, "native-american", "native-americans"),
    "american indian": (HELD, None, None), "amerindian": (HELD, "amerindian", "amerindians"),
    "indigenous": (HELD, None, None), "aboriginal": (HELD, "aboriginal", "aboriginals"),
    "aborigine": (HELD, "aborigine", "aborigines"), "inuit": (HELD, None, "inuit"), "inuk": (HELD, "inuk", None), "eskimo": (HELD, "eskimo", "eskimos"),
    "maori": (HELD, "maori", "maoris"), "polynesian": (HELD, "polynesian", "polynesians"),
    "hawaiian": (HELD, "hawaiian", "hawaiians"), "samoan": (HELD, "samoan", "samoans"),
    "pacific islander": (HELD, None, None), "mixed-race": (HELD, None, None), "biracial": (HELD, None, None),
    "multiracial": (HELD, None, None), "mulatto": (HELD, "mulatto", "mulattos"),
    "multi-racial": (HELD, None, None), "mixed race": (HELD, None, None), "bi-racial": (HELD, None, None),
    "multiethnic": (HELD, None, None), "multi-ethnic": (HELD, None, None),
    # postnominal: "a person of color", "women of colour" (the code must look right of the head noun)
    "of color": (HELD, None, None), "of colour": (HELD, None, None),
    "romani": (HELD, "romani", "romanis"), "roma": (HELD, None, None), "gypsy": (HELD, "gypsy", "gypsies"),
    # Hyphenated American (and similar) identities: the hyphen form is one token, so it is a noun
    # ("an African-American", "Asian-Americans") and an adjective; the spaced form is a two-word
    # adjective only (nouns are single tokens). The ethnicity is the first part's; "Mexican" and
    # "Arab" stay held.
    "african american": ("african", None, None), "afro american": ("african", None, None),
    "asian american": ("asian", None, None), "indian american": ("indian", None, None),
    "european american": ("caucasian", None, None),
    "mexican american": (HELD, None, None), "mexican-american": (HELD, "mexican-american", "mexican-americans"),
    "chinese american": ("asian", None, None), "chinese-american": ("asian", "chinese-american", "chinese-americans"),
    "japanese american": ("asian", None, None),
    "japanese-american": ("asian", "japanese-american", "japanese-americans"),
    "korean american": ("asian", None, None), "korean-american": ("asian", "korean-american", "korean-americans"),
    "filipino american": ("asian", None, None),
    "filipino-american": ("asian", "filipino-american", "filipino-americans"),
    "vietnamese american": ("asian", None, None),
    "vietnamese-american": ("asian", "vietnamese-american", "vietnamese-americans"),
    "arab american": (HELD, None, None), "arab-american": (HELD, "arab-american", "arab-americans"),
    "italian american": ("european", None, None),
    "italian-american": ("european", "italian-american", "italian-americans"),
    "irish american": ("european", None, None), "irish-american": ("european", "irish-american", "irish-americans"),
    # regions: hyphen forms are nouns too ("a South-Asian", "East-Africans"). "South African" is a
    # nationality (white, Black, Indian and Coloured South Africans): held, like American.
    "south african": (HELD, None, None), "south-african": (HELD, "south-african", "south-africans"),
    "south-asian": ("indian", "south-asian", "south-asians"),
    "east-asian": ("asian", "east-asian", "east-asians"),
    "southeast-asian": ("asian", "southeast-asian", "southeast-asians"),
    "south-east-asian": ("asian", None, None),
    "west african": ("african", None, None), "west-african": ("african", "west-african", "west-africans"),
    "east african": ("african", None, None), "east-african": ("african", "east-african", "east-africans"),
    "central african": ("african", None, None),
    "central-african": ("african", "central-african", "central-africans"),
    "north-african": (HELD, "north-african", "north-africans"),
    "pacific-islander": (HELD, "pacific-islander", "pacific-islanders"), "pasifika": (HELD, None, None),
    "first nations": (HELD, None, None), "first-nations": (HELD, None, None),
    "afro-latina": (HELD, "afro-latina", "afro-latinas"), "afro-latino": (HELD, "afro-latino", "afro-latinos"),
    "afro-latinx": (HELD, "afro-latinx", None),
}
# Demonym nouns that also mark gender.
DEMONYM_GENDER = {
    "frenchman": "male", "englishman": "male", "irishman": "male", "scotsman": "male", "welshman": "male",
    "dutchman": "male", "norseman": "male", "frenchwoman": "female", "englishwoman": "female",
    "irishwoman": "female", "scotswoman": "female", "welshwoman": "female", "dutchwoman": "female",
    "latino": "male", "latina": "female", "filipino": None, "filipina": "female", "chicano": "male",
    "chicana": "female", "mestizo": "male", "mestiza": "female", "afro-latino": "male", "afro-latina": "female",
}
# Ethnic adjectives that only make sense as modifiers (no noun); black/white/brown must modify a
# person noun to count, which the code decides.

# Attribute adjectives other than ethnicity: key -> (attribute, value, strength).
ADJECTIVES: dict[str, tuple[str, str, str]] = {
    "female": ("gender", "female", "strong"), "male": ("gender", "male", "strong"),
    "young": ("age", "young", "strong"), "younger": ("age", "young", "weak"), "youngest": ("age", "young", "weak"),
    "youthful": ("age", "young", "strong"), "teenage": ("age", "young", "strong"), "teenaged": ("age", "young", "strong"),

    "underage": ("age", "young", "strong"),
    "little": ("age", "young", "weak"),
    "small": ("age", "young", "weak"), "tiny": ("age", "young", "weak"), "pubescent": ("age", "young", "strong"),
    "prepubescent": ("age", "young", "strong"), "school-age": ("age", "young", "strong"),
    "school-aged": ("age", "young", "strong"),
    "middle-aged": ("age", "middle-aged", "strong"), "middle aged": ("age", "middle-aged", "strong"),
    "mature": ("age", "middle-aged", "strong"), "grown": ("age", "middle-aged", "weak"),

    "twenty-something": ("age", "young", "strong"), "thirty-something": ("age", "young", "strong"),
    "sixty-something": ("age", "old", "strong"), "seventy-something": ("age", "old", "strong"),
    "college-age": ("age", "young", "strong"), "college-aged": ("age", "young", "strong"),
    "wee": ("age", "young", "weak"), "lil": ("age", "young", "weak"),
    "aztec": ("ethnicity", "held", "strong"), "mughal": ("ethnicity", "indian", "strong"),
    "midlife": ("age", "middle-aged", "strong"), "forty-something": ("age", "middle-aged", "strong"),
    "fortysomething": ("age", "middle-aged", "strong"), "fifty-something": ("age", "middle-aged", "strong"),
    "old": ("age", "old", "strong"), "older": ("age", "old", "weak"), "oldest": ("age", "old", "weak"),
    "elderly": ("age", "old", "strong"), "aged": ("age", "old", "strong"), "aging": ("age", "old", "weak"),
    "ageing": ("age", "old", "weak"), "geriatric": ("age", "old", "strong"),
    "ancient": ("age", "old", "weak"),


    "old-aged": ("age", "old", "strong"), "aged-looking": ("age", "old", "weak"),
    # generations (the nouns boomer, millennial, zoomer are nouns only)
    "gen z": ("age", "young", "strong"), "gen-z": ("age", "young", "strong"), "genz": ("age", "young", "strong"),
    "generation z": ("age", "young", "strong"), "gen alpha": ("age", "young", "strong"),
    "gen x": ("age", "middle-aged", "strong"), "gen-x": ("age", "middle-aged", "strong"),
    "genx": ("age", "middle-aged", "strong"), "generation x": ("age", "middle-aged", "strong"),
}

TITLES: dict[str, str | None] = {
    "mr": "male", "mister": "male", "sir": "male", "monsieur": "male", "messrs": "male",
    "herr": "male", "senor": "male", "señor": "male", "signor": "male", "signore": "male", "signior": "male",
    "mrs": "female", "ms": "female", "miss": "female", "madam": "female",
    "madame": "female", "ma'am": "female", "mme": "female", "mlle": "female", "mademoiselle": "female",
    "mesdames": "female", "frau": "female", "fraulein": "female", "fräulein": "female",
    "senora": "female", "señora": "female", "senorita": "female", "señorita": "female",
    "signora": "female", "signorina": "female", "dona": "female", "doña": "female",
    "mx": None, "dr": None, "prof": None, "rev": None,
    "reverend": None, "fr": None,
}

# Words and phrases that reveal an attribute without naming it. kind: "adj" or "noun".
PROXIES: dict[str, tuple[str, list[str]]] = {
    "pregnant": ("adj", ["gender"]), "pregnancy": ("noun", ["gender"]), "breastfeeding": ("adj", ["gender"]),
    "beard": ("noun", ["gender"]), "bearded": ("adj", ["gender"]), "moustache": ("noun", ["gender"]),
    "mustache": ("noun", ["gender"]), "moustached": ("adj", ["gender"]), "mustached": ("adj", ["gender"]),
    "mustachioed": ("adj", ["gender"]), "goatee": ("noun", ["gender"]), "stubble": ("noun", ["gender"]),
    "stubbly": ("adj", ["gender"]), "sideburns": ("noun", ["gender"]), "clean-shaven": ("adj", ["gender"]),
    "lipstick": ("noun", ["gender"]), "mascara": ("noun", ["gender"]), "eyeliner": ("noun", ["gender"]),
    "bra": ("noun", ["gender"]), "bikini": ("noun", ["gender"]), "skirt": ("noun", ["gender"]),
    "miniskirt": ("noun", ["gender"]), "gown": ("noun", ["gender"]), "ball gown": ("noun", ["gender"]),
    "dress": ("noun", ["gender"]), "dresses": ("noun", ["gender"]), "sundress": ("noun", ["gender"]),
    "sundresses": ("noun", ["gender"]), "gowns": ("noun", ["gender"]), "ballgown": ("noun", ["gender"]),
    "ballgowns": ("noun", ["gender"]), "ball gowns": ("noun", ["gender"]), "evening gown": ("noun", ["gender"]),
    "evening gowns": ("noun", ["gender"]), "wedding dresses": ("noun", ["gender"]), "bras": ("noun", ["gender"]),
    "bikinis": ("noun", ["gender"]), "skirts": ("noun", ["gender"]), "miniskirts": ("noun", ["gender"]),
    "stiletto": ("noun", ["gender"]), "makeup": ("noun", ["gender"]), "make-up": ("noun", ["gender"]),
    "red lips": ("noun", ["gender"]), "mutton chops": ("noun", ["gender"]), "muttonchops": ("noun", ["gender"]),
    "mutton-chop": ("adj", ["gender"]),
    "wedding dress": ("noun", ["gender"]), "high heels": ("noun", ["gender"]), "stilettos": ("noun", ["gender"]),
    "ponytail": ("noun", ["gender"]), "pigtails": ("noun", ["gender", "age"]), "tuxedo": ("noun", ["gender"]),
    "feminine": ("adj", ["gender"]), "masculine": ("adj", ["gender"]), "effeminate": ("adj", ["gender"]),
    "womanly": ("adj", ["gender"]), "manly": ("adj", ["gender"]), "girlish": ("adj", ["gender", "age"]),
    "boyish": ("adj", ["gender", "age"]), "ladylike": ("adj", ["gender"]), "handsome": ("adj", ["gender"]),
    "bald": ("adj", ["gender", "age"]), "balding": ("adj", ["gender", "age"]),
    "receding hairline": ("noun", ["gender", "age"]),
    "grey hair": ("noun", ["age"]), "gray hair": ("noun", ["age"]), "white hair": ("noun", ["age"]),
    # found by the realistic-corpus audit and the red team (a stereotype strong enough to mark a decoy)
    "lumberjack": ("noun", ["gender"]), "lumberjacks": ("noun", ["gender"]), "school backpack": ("noun", ["age"]),
    "braids": ("noun", ["gender", "ethnicity"]), "red hair": ("noun", ["ethnicity"]),
    "haenyeo": ("noun", ["gender", "ethnicity"]),
    "cheerleader": ("noun", ["gender", "age"]), "cheerleaders": ("noun", ["gender", "age"]),
    "silver hair": ("noun", ["age"]), "grey-haired": ("adj", ["age"]), "gray-haired": ("adj", ["age"]),
    "white-haired": ("adj", ["age"]), "silver-haired": ("adj", ["age"]), "wrinkles": ("noun", ["age"]), "wrinkle": ("noun", ["age"]),
    "wrinkled": ("adj", ["age"]), "wrinkly": ("adj", ["age"]), "age spots": ("noun", ["age"]),
    "liver spots": ("noun", ["age"]), "grizzled": ("adj", ["age"]), "salt-and-pepper": ("adj", ["age"]),
    "salt-and-pepper hair": ("noun", ["age"]), "salt and pepper hair": ("noun", ["age"]),  # 4 words: see README
    "old timer": ("noun", ["age"]), "old timers": ("noun", ["age"]), "little one": ("noun", ["age"]),
    "little ones": ("noun", ["age"]), "onesies": ("noun", ["age"]), "strollers": ("noun", ["age"]),
    "prams": ("noun", ["age"]), "pushchair": ("noun", ["age"]), "pushchairs": ("noun", ["age"]), "walking stick": ("noun", ["age"]),
    "walking frame": ("noun", ["age"]), "zimmer frame": ("noun", ["age"]), "dentures": ("noun", ["age"]),
    "hearing aid": ("noun", ["age"]), "retired": ("adj", ["age"]), "retirement": ("noun", ["age"]),
    "frail": ("adj", ["age"]), "diaper": ("noun", ["age"]), "nappy": ("noun", ["age"]),
    "pacifier": ("noun", ["age"]), "onesie": ("noun", ["age"]),
    "school uniform": ("noun", ["age"]), "acne": ("noun", ["age"]), "pimples": ("noun", ["age"]),
    "braces": ("noun", ["age"]), "crib": ("noun", ["age"]), "stroller": ("noun", ["age"]),
    "pram": ("noun", ["age"]),
    "hijab": ("noun", ["gender", "ethnicity"]), "niqab": ("noun", ["gender", "ethnicity"]),
    "burqa": ("noun", ["gender", "ethnicity"]), "burka": ("noun", ["gender", "ethnicity"]),
    "chador": ("noun", ["gender", "ethnicity"]), "headscarf": ("noun", ["gender"]),
    "sari": ("noun", ["gender", "ethnicity"]), "saree": ("noun", ["gender", "ethnicity"]),
    "bindi": ("noun", ["gender", "ethnicity"]), "salwar": ("noun", ["gender", "ethnicity"]),
    "lehenga": ("noun", ["gender", "ethnicity"]), "kurta": ("noun", ["ethnicity"]),
    "agbada": ("noun", ["gender", "ethnicity"]), "gele": ("noun", ["gender", "ethnicity"]),
    "headwrap": ("noun", ["gender", "ethnicity"]), "head wrap": ("noun", ["gender", "ethnicity"]),
    "henna": ("noun", ["gender", "ethnicity"]), "mehndi": ("noun", ["gender", "ethnicity"]),
    "dhoti": ("noun", ["gender", "ethnicity"]), "lungi": ("noun", ["gender", "ethnicity"]),
    "turban": ("noun", ["gender", "ethnicity"]), "kimono": ("noun", ["ethnicity"]),
    "hanbok": ("noun", ["ethnicity"]), "qipao": ("noun", ["gender", "ethnicity"]),
    "cheongsam": ("noun", ["gender", "ethnicity"]), "ao dai": ("noun", ["gender", "ethnicity"]),
    "dashiki": ("noun", ["ethnicity"]), "kente": ("noun", ["ethnicity"]),
    "kilt": ("noun", ["gender", "ethnicity"]),
    "lederhosen": ("noun", ["gender", "ethnicity"]), "dirndl": ("noun", ["gender", "ethnicity"]),
    "yarmulke": ("noun", ["gender", "ethnicity"]), "kippah": ("noun", ["gender", "ethnicity"]),
    "keffiyeh": ("noun", ["gender", "ethnicity"]), "thobe": ("noun", ["gender", "ethnicity"]),
    "abaya": ("noun", ["gender", "ethnicity"]), "afro": ("noun", ["ethnicity"]),
    "cornrows": ("noun", ["ethnicity"]), "dreadlocks": ("noun", ["ethnicity"]),
    "dark-skinned": ("adj", ["ethnicity"]), "dark skin": ("noun", ["ethnicity"]),
    "fair-skinned": ("adj", ["ethnicity"]), "fair skin": ("noun", ["ethnicity"]),
    "pale-skinned": ("adj", ["ethnicity"]), "olive-skinned": ("adj", ["ethnicity"]),
    "brown-skinned": ("adj", ["ethnicity"]), "light-skinned": ("adj", ["ethnicity"]),
    "freckles": ("noun", ["ethnicity"]), "freckled": ("adj", ["ethnicity"]),
    "blonde": ("adj", ["ethnicity", "gender"]), "blond": ("adj", ["ethnicity"]),
    "blondes": ("noun", ["ethnicity", "gender"]), "blonds": ("noun", ["ethnicity"]),
    "redhead": ("noun", ["ethnicity"]), "redheads": ("noun", ["ethnicity"]), "red-haired": ("adj", ["ethnicity"]),
    # found by the second red team (2026-11-26): dress, hair, body and pregnancy words left in clear
    "kufi": ("noun", ["gender", "ethnicity"]), "payot": ("noun", ["gender", "ethnicity"]),
    "payos": ("noun", ["gender", "ethnicity"]), "peyot": ("noun", ["gender", "ethnicity"]),
    "hanfu": ("noun", ["ethnicity"]), "kebaya": ("noun", ["gender", "ethnicity"]),
    "huipil": ("noun", ["gender", "ethnicity"]), "tilak": ("noun", ["ethnicity"]),
    "sacred thread": ("noun", ["gender", "ethnicity"]), "barong": ("noun", ["gender", "ethnicity"]),
    "high top fade": ("noun", ["gender", "ethnicity"]), "360 waves": ("noun", ["gender", "ethnicity"]),
    "fu manchu": ("noun", ["gender", "ethnicity"]), "nose ring": ("noun", ["gender"]),
    "bangles": ("noun", ["gender", "ethnicity"]), "ebony skin": ("noun", ["ethnicity"]),
    "pale skin": ("noun", ["ethnicity"]), "olive skin": ("noun", ["ethnicity"]),
    "almond-shaped": ("adj", ["ethnicity"]), "preggo": ("adj", ["gender"]), "preggers": ("adj", ["gender"]),
    "mom-to-be": ("noun", ["gender"]), "mum-to-be": ("noun", ["gender"]), "mother-to-be": ("noun", ["gender"]),
    "bun in the oven": ("noun", ["gender"]), "baby bump": ("noun", ["gender"]), "red nails": ("noun", ["gender"]),
    "busty": ("adj", ["gender"]), "cleavage": ("noun", ["gender"]), "beer belly": ("noun", ["gender", "age"]),
    "chest hair": ("noun", ["gender"]), "crow's feet": ("noun", ["age"]), "hairy legs": ("noun", ["gender"]),
    "curlers": ("noun", ["gender", "age"]), "missing front teeth": ("noun", ["age"]),
    "menopause": ("noun", ["gender", "age"]), "menopausal": ("adj", ["gender", "age"]),
    "mammogram": ("noun", ["gender"]), "prostate": ("noun", ["gender"]), "in labor": ("noun", ["gender"]),
    "in labour": ("noun", ["gender"]), "man bun": ("noun", ["gender"]), "twintails": ("noun", ["gender", "age"]),
    "mom jeans": ("noun", ["gender"]), "boyfriend jeans": ("noun", ["gender"]),
    "bachelor party": ("noun", ["gender"]), "bachelorette party": ("noun", ["gender"]),
    "hen party": ("noun", ["gender"]), "stag party": ("noun", ["gender"]), "hen do": ("noun", ["gender"]),
    "stag do": ("noun", ["gender"]), "boy band": ("noun", ["gender", "age"]), "girl band": ("noun", ["gender", "age"]),
    "girl group": ("noun", ["gender", "age"]), "period cramps": ("noun", ["gender"]),
    "on her period": ("noun", ["gender"]), "on his period": ("noun", ["gender"]),
    # religions and their offices: they mark an ethnicity (and an office a gender) strongly enough that
    # a decoy of another ethnicity would stand out, so they stay on the device like dress and hair
    "hindu": ("adj", ["ethnicity"]), "sikh": ("adj", ["ethnicity"]), "muslim": ("adj", ["ethnicity"]),
    "jewish": ("adj", ["ethnicity"]), "hasidic": ("adj", ["ethnicity"]), "amish": ("adj", ["ethnicity"]),
    "mennonite": ("adj", ["ethnicity"]), "buddhist": ("adj", ["ethnicity"]), "shinto": ("adj", ["ethnicity"]),
    "sumo": ("adj", ["gender", "ethnicity"]),
    "convent": ("noun", ["gender"]),
    "sisterhood": ("noun", ["gender"]), "brotherhood": ("noun", ["gender"]),
    "motherly": ("adj", ["gender"]), "fatherly": ("adj", ["gender"]),
    # slang for a kind of person that is not a plain person noun
    "silver fox": ("noun", ["gender", "age"]), "silver foxes": ("noun", ["gender", "age"]),
    "lesbian": ("adj", ["gender"]), "lesbians": ("noun", ["gender"]),
    "hijabi": ("adj", ["gender", "ethnicity"]), "hijabis": ("noun", ["gender", "ethnicity"]),
    # rites and occasions
    "bar mitzvah": ("noun", ["gender", "age", "ethnicity"]), "bat mitzvah": ("noun", ["gender", "age", "ethnicity"]),
    "bar mitzvahs": ("noun", ["gender", "age", "ethnicity"]), "bat mitzvahs": ("noun", ["gender", "age", "ethnicity"]),
    "quinceañera": ("noun", ["gender", "age", "ethnicity"]), "quinceanera": ("noun", ["gender", "age", "ethnicity"]),
    "quinceañeras": ("noun", ["gender", "age", "ethnicity"]), "quinceaneras": ("noun", ["gender", "age", "ethnicity"]),
    "sweet sixteen": ("noun", ["gender", "age"]),
    "first day of school": ("noun", ["age"]), "first day at school": ("noun", ["age"]),  # 4 words: see README
    "three generations": ("noun", ["age"]), "four generations": ("noun", ["age"]),
    "multigenerational": ("adj", ["age"]), "multi-generational": ("adj", ["age"]),
    "newborn photography": ("noun", ["age"]), "newborn photoshoot": ("noun", ["age"]),
    "breast-feeding": ("adj", ["gender"]),
    # garments, marks and looks
    "dastar": ("noun", ["gender", "ethnicity"]), "tutu": ("noun", ["gender"]), "tutus": ("noun", ["gender"]),
    "dres": ("noun", ["gender"]),  # a common misspelling of "dress"
    "ta moko": ("noun", ["ethnicity"]), "tā moko": ("noun", ["ethnicity"]), "moko": ("noun", ["ethnicity"]),
    "moko kauae": ("noun", ["gender", "ethnicity"]),
    "feather headdress": ("noun", ["ethnicity"]), "feathered headdress": ("noun", ["ethnicity"]),
    "war bonnet": ("noun", ["ethnicity"]),
}
# Skin tones and hair textures are proxies of ethnicity whichever value they point to: one rule for every tone
# ("white-skinned" is held back as "dark-skinned" is), so no cue is sent in clear for one group and held for
# another. Each tone makes "<tone>-skinned", "<tone> skin" and "<tone> complexion"; each texture "<texture> hair".
SKIN_TONES = """white light fair pale porcelain ivory olive tan tanned brown dark black ebony caramel bronze
    golden honey chocolate mocha cocoa copper""".split()
HAIR_TEXTURES = "kinky coily afro-textured nappy tightly-coiled wavy-coily".split()
for _tone in SKIN_TONES:
    PROXIES.setdefault(f"{_tone}-skinned", ("adj", ["ethnicity"]))
    PROXIES.setdefault(f"{_tone} skin", ("noun", ["ethnicity"]))
    PROXIES.setdefault(f"{_tone} complexion", ("noun", ["ethnicity"]))
for _texture in HAIR_TEXTURES:
    PROXIES.setdefault(f"{_texture} hair", ("noun", ["ethnicity"]))

NON_PERSON_PHRASES: list[str] = [
    "fisherman sweater", "fisherman sweaters", "fisherman's sweater", "isle of man", "man of war", "man-of-war", "man o' war", "man o war", "no man's land", "no mans land",
    "lake leman", "man made", "man hours", "man-hours", "man hour", "man-hour", "man power", "man cave",
    "man page", "man pages", "man in the middle", "man in the moon", "pac-man", "pac man", "man utd",
    "man united", "man city", "straw man", "straw men", "snow man", "gingerbread man", "gingerbread men",
    "old man's beard", "mother board", "mother nature", "mother tongue", "mother ship", "mothership",
    "mother lode", "mother of pearl", "mother-of-pearl", "mother earth", "father time", "sister city",
    "sister cities", "sister company", "sister ship", "sister site", "brother printer", "old wives' tale",
    "old wives tale", "old wives' tales", "ladies room", "ladies' room", "men's room", "mens room",
    "gents toilet", "lady finger", "lady fingers", "ladyfinger", "lady's slipper", "lady bird", "ladybird",
    "ladybug", "lady beetle", "king size", "king-size", "king sized", "queen size", "queen-size",
    "queen sized", "queen bee", "king cobra", "king crab", "king penguin", "king prawn", "king salmon",
    "queen anne's lace", "king of hearts", "queen of hearts", "king of spades", "queen of spades",
    "king of clubs", "queen of clubs", "king of diamonds", "queen of diamonds", "black widow",
    "widow's peak", "widow maker", "nanny goat", "billy goat", "mother hen", "girl power",
    "boy band", "old boys network", "son of a gun", "man overboard", "dutch oven", "french fries",
    "french toast", "french horn", "french kiss", "french door", "french doors", "swiss cheese",
    "swiss army knife", "chinese food", "indian food", "mexican food", "italian food", "thai food",
    "spanish omelette", "german shepherd", "irish setter", "english breakfast", "english muffin",
    "turkish delight", "persian cat", "persian rug", "indian ocean", "indian summer", "black hole",
    "white house", "white board", "whiteboard", "black board", "blackboard", "brown bear", "white wine",
    "red indian",
    # written as typed; the parser strips a possessive 's from phrase words and tokens alike
    "mother's day", "father's day", "mothers day", "fathers day", "lady grey", "earl grey", "his-and-hers",
    "his and hers", "old man of storr", "lady bug", "lady bugs", "lady birds", "grandfather clock",
    "grandfather clocks", "queen bed", "king bed", "queen beds", "king beds", "cowboy hat", "cowboy hats",
    "cowboy boot", "cowboy boots", "bachelor's degree", "bachelors degree", "bachelor degree", "lady luck",
    "roma tomato", "roma tomatoes", "baby chick", "baby chicks", "yellow chick", "yellow chicks",
    "fluffy chick", "fluffy chicks", "little chick", "little chicks", "newborn chick", "newborn chicks",
    "easter chick", "easter chicks", "hen and chicks", "hen with chicks", "chick flick", "chick flicks",
    "millennial pink", "road grader", "road graders", "motor grader", "motor graders",
]

# Person nouns that WordNet lists under woman/man but that are not gendered in current use, or
# whose common sense is not a person: never derived as gendered.
NOT_GENDERED = {
    "nurse", "nanny", "homemaker", "sweetheart", "paramour", "ex", "baby", "babe", "rover", "scouter",
    "antique", "buster", "knockout", "looker", "stunner", "smasher", "eyeful", "hustler", "ravisher",
    "flirt", "tease", "stiff", "cub", "shaver", "bozo", "cuss", "blighter", "galoot", "strapper", "stud",
    "bruiser", "masher", "ironside", "posseman", "ejaculator", "jilt", "vamp", "vamper", "broad", "tart",
    "deb", "lulu", "minx", "chit", "peri", "houri", "cyprian", "sylph", "maenad", "vestal", "amah",
    "mantrap", "catamite", "midwife", "caregiver", "fille", "gamine", "donna", "dame", "inamorata",
    "inamorato", "mammy", "ux.", "uxor", "mill-girl", "nullipara", "primigravida", "secundigravida",
    "tertigravida", "signora", "signorina", "signor", "signore", "signior", "sir", "madam", "madame",
    "ma'am", "miss", "master", "macaroni", "mod", "rocker", "punk", "silly", "throwaway", "boarder",
    "orphan", "pupil", "rascal", "scamp", "waif", "ragamuffin", "guttersnipe", "tatterdemalion",
    "scalawag", "scallywag", "rapscallion", "changeling", "gamin", "hobbledehoy", "younker", "yearling",
    "chebab", "pachuco", "picaninny", "piccaninny", "pickaninny", "tiddler", "dayboy", "daygirl",
    "foster-child", "foster-daughter", "foster-son", "fosterling", "coxcomb", "gallant", "adonis",
    "ironman", "father-figure", "gentleman-at-arms", "ex-boyfriend", "ex-husband", "ex-wife",
    "nymphet", "bobby-socker", "mother-figure", "amazon", "macho", "prostitute",
}

# Neutral person nouns forced in (WordNet's first sense is not the person sense, or the POS filter
# would drop them), and WordNet person lemmas forced out (non-person common sense, or function word).
NEUTRAL_ALLOW = {
    "model", "judge", "guide", "cook", "coach", "fan", "star", "guard", "pilot", "officer", "worker",
    "player", "runner", "surfer", "skier", "cyclist", "climber", "hiker", "photographer", "professor",
    "researcher", "scientist", "engineer", "chef", "artist", "painter", "musician", "singer", "dancer",
    "athlete", "farmer", "soldier", "writer", "programmer", "lawyer", "patient", "customer", "friend",
    "tourist", "teacher", "student", "doctor", "nurse", "individual", "human", "adult", "grownup",
    "grown-up", "midwife", "nanny", "sweetheart", "partner", "colleague", "neighbor", "neighbour",
    "stranger", "passenger", "driver", "rider", "swimmer", "boxer", "wrestler", "golfer", "skater",
    "gamer", "vlogger", "blogger", "influencer", "youtuber", "streamer", "barista", "cashier",
    "clerk", "mechanic", "plumber", "carpenter", "electrician", "builder", "baker", "butcher", "barber",
    "hairdresser", "tailor", "astronaut", "detective", "spy", "agent", "ninja", "pirate",
    "knight", "warrior", "hunter", "sailor", "captain", "chief", "leader", "boss", "manager", "ceo",
    "president", "politician", "senator", "diplomat", "journalist", "reporter", "editor", "author",
    "poet", "novelist", "actor", "director", "producer", "comedian", "magician", "clown", "juggler",
    "acrobat", "gymnast", "referee", "umpire", "guest", "visitor", "traveler", "traveller", "backpacker",
    "pedestrian", "shopper", "vendor", "seller", "buyer", "owner", "tenant", "resident", "citizen",
    "immigrant", "refugee", "prisoner", "inmate", "criminal", "thief", "robber", "burglar", "suspect",
    "victim", "survivor", "witness", "hero", "villain", "monk", "priest", "pastor", "rabbi",
    "vicar", "bishop", "pope", "cardinal", "saint", "angel", "vampire", "zombie", "ghost", "robot",
    "cyborg", "alien", "elf", "dwarf", "giant", "troll", "ogre", "fairy", "mermaid",
    "ex", "veteran", "volunteer", "intern", "trainee", "apprentice", "graduate", "undergraduate",
    "scholar", "lecturer", "tutor", "dean", "janitor", "cleaner", "housekeeper",
    "gardener", "landscaper", "lifeguard", "paramedic", "surgeon", "dentist", "pharmacist", "therapist",
    "psychologist", "psychiatrist", "vet", "veterinarian", "chemist", "physicist",
    "biologist", "mathematician", "architect", "designer", "illustrator", "sculptor", "potter",
    "weaver", "knitter", "fisher", "rancher", "shepherd", "herder", "nomad", "explorer", "adventurer",
    "mountaineer", "diver", "snowboarder", "skateboarder", "jogger", "sprinter", "marathoner",
    "footballer", "cricketer", "batsman", "goalkeeper", "quarterback", "pitcher", "catcher", "bowler",
    "archer", "fencer", "rower", "jockey", "cowhand", "sergeant", "colonel",
    "lieutenant", "admiral", "marine", "sniper", "medic", "firefighter", "sheriff", "deputy", "ranger",
    "bodyguard", "bouncer", "chauffeur", "courier", "porter", "bellhop", "concierge", "receptionist",
    "secretary", "assistant", "accountant", "banker", "broker", "trader", "investor", "entrepreneur",
    "founder", "executive", "employee", "employer", "staffer", "mayor", "governor",
    "monarch", "member", "professional",
}
NEUTRAL_DENY = {
    "lumberjack", "lumberjacks", "cheerleader", "cheerleaders",  # proxies (see PROXIES)
    "one", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "no-one",
    "self", "i", "he", "she", "they", "we", "you", "me", "him", "her", "them", "us", "who", "whom",
    "other", "others", "all", "each", "few", "many", "some", "any", "both", "none", "this", "that",
    "head", "hand", "body", "mind", "soul", "heart", "brain", "eye", "ear", "face", "lead", "light",
    "match", "cat", "dog", "fox", "bear", "pig", "chicken", "goose", "lamb", "kitten", "pet", "duck",
    "ace", "card", "block", "case", "type", "number", "crack", "cracker", "sucker", "toast", "drip",
    "drag", "bag", "fish", "jack", "jerk", "joker", "king", "queen", "knave", "nut", "pill", "pistol",
    "rat", "shrimp", "skunk", "snake", "swine", "toad", "wolf", "worm", "bull", "cow", "mule", "ox",
    "lion", "tiger", "eagle", "hawk", "dove", "chick", "bird", "beast", "brute", "creature", "thing",
    "article", "hood", "mate", "date", "pick", "draw", "sub", "temp", "second", "first",
    "host", "patron", "guy", "man", "woman", "person", "people", "ass", "bitch", "dick", "prick",
    "cunt", "twat", "bastard", "hostess", "actress", "waitress", "stewardess", "giantess", "poetess",
    "heiress", "priestess", "abbess", "goddess", "princess", "duchess", "countess", "baroness", "empress",
    "mistress", "seamstress", "governess", "shepherdess", "huntress", "mayoress", "murderess",
    "negress", "jewess", "quakeress", "sorceress", "enchantress", "temptress", "adventuress",
    "authoress", "sculptress", "conductress", "instructress", "manageress", "proprietress",
    "patroness", "songstress", "traitress", "benefactress", "villainess", "ogress", "laundress",
    "deaconess", "prioress", "tailoress", "lioness", "votaress", "postmistress",
    "mulatto", "nigger", "coon", "chink", "gook", "spic", "wetback", "kike", "dago", "wop", "jap",
    "paki", "polack", "kraut", "frog", "limey", "gringo", "honky", "redneck", "darky",
    "darkey", "darkie", "nigga", "squaw", "injun", "redskin", "yid", "hebe", "sheeny", "raghead",
    "towelhead", "dink", "slant", "slope", "zipperhead", "chinaman", "spade", "pickaninny",
    "colored", "coloured", "half-breed", "halfbreed", "mestizo", "mestiza", "aussie", "brit", "babe",
    "homeless", "poor", "rich", "dead", "living", "wounded", "unemployed", "blind", "deaf",
    # WordNet's first sense is a person but the common sense (in prompts) is a thing or an animal: as
    # person nouns they would make "a black jumper" or "an old printer" a person to vary.
    # Hair words are proxies instead (held back, restored on the device).
    "stroller", "blond", "blonde", "redhead", "dummy", "pacifier", "mannequin", "manikin", "mannikin",
    "manakin", "carrier", "printer", "scanner", "router", "browser", "calculator", "compiler", "juicer",
    "peeler", "shaker", "putter", "plunger", "hanger", "coaster", "lounger", "toaster", "trailer", "tuner",
    "wiper", "washer", "winder", "sprayer", "slicer", "skimmer", "stirrer", "synthesizer", "synthesiser",
    "trimmer", "tipper", "wrecker", "trawler", "excavator", "digger", "harvester", "cultivator", "cutter",
    "sleeper", "diner", "comforter", "choker", "jumper", "loafer", "romper", "tumbler", "sharpie", "spoiler",
    "stepper", "shifter", "shaver", "scrubber", "scrambler", "seeder", "sorter", "sender", "selector",
    "slider", "spinner", "decoder", "adapter", "accumulator", "booster", "beater", "baster", "fastener",
    "divider", "kneeler", "weekender", "hummer", "torpedo", "tourer", "transmitter", "tester", "rake",
    "screw", "cog", "decoy", "quad", "ensign", "finder", "primus", "backscratcher", "doormat", "smoothie",
    "hotdog", "fruitcake", "macaroni", "sage", "cooky", "snapper", "roaster", "fossil", "ward",
    "ostrich", "gopher", "cub", "bunny", "canary", "cuckoo", "loon", "hog", "gull", "hammerhead", "setter",
    "warbler", "weasel", "vixen", "shrew", "piranha", "dodo", "thoroughbred", "yearling", "watchdog",
    "vermin", "varmint", "squealer", "grunter", "gobbler", "harrier", "chameleon", "packrat", "omnivore",
    "predator", "butterball",
    # first name far more often than WordNet's sense (British policeman): "Bobby" is a male name
    "bobby",
    # a proxy (adjective "lesbian", noun "lesbians"), like "blonde": see PROXIES
    "lesbian",
}
# -man words under person.n.01 that are not male-marked (everything else ending in -man is).
MAN_NOT_MALE = {"human", "shaman", "freshman", "middleman", "batsman", "yeoman", "talisman", "hetman", "ataman",
                "brahman", "musulman", "superhuman", "subhuman", "caiman", "ottoman", "cousin-german",
                "strawman", "chessman", "walkman"}
FEMALE_SUFFIXES = ("woman", "ess", "ette", "trix", "enne", "euse")

# Plurals that neither lemminflect nor inflect gets right for these words. None = no plural.
PLURAL_OVERRIDES: dict[str, str | None] = {
    "person": "people", "sis": "sisters", "gramps": None, "pops": None, "passer-by": "passers-by",
    "fiancé": "fiancés", "fiancée": "fiancées", "divorcé": "divorcés", "divorcée": "divorcées",
    "waitstaff": None, "fisherfolk": None, "elderly": None, "hombre": "hombres", "bambino": "bambini",
    "mamma": "mammas", "pa": "pas", "ma": "mas", "nan": "nans", "oap": "oaps",
    "bro": "bros", "missus": "missuses", "missis": "missises", "czarina": "czarinas",
    "man-child": "men-children", "manchild": "menchildren", "he-man": "he-men", "human": "humans",
    "great-aunt": "great-aunts", "great-uncle": "great-uncles", "mother-to-be": "mothers-to-be",
    "father-to-be": "fathers-to-be", "bride-to-be": "brides-to-be", "king-maker": "king-makers",
    "fellow-traveler": "fellow-travelers", "lady": "ladies", "maharaja": "maharajas",
    "dada": "dadas", "sheik": "sheiks", "castrato": "castrati", "alumnus": "alumni",
    "alumna": "alumnae", "lady-in-waiting": "ladies-in-waiting", "man-at-arms": "men-at-arms",
    "man-about-town": "men-about-town", "samurai": None, "geisha": "geishas", "grl": "grls", "fishwife": "fishwives",
}

# =====================================================================================
# CLOSED-CLASS WORDS for pos.txt. Tags: d determiner, i preposition/particle, c conjunction,
# o pronoun, x auxiliary/modal, w wh-word.
# =====================================================================================
CLOSED = {
    "d": """a an the this that these those my your his her its our their whose every each either neither
        some any no all both half several many much more most few fewer fewest little less least enough such
        what which whatever whichever another other own same certain various sundry umpteen thy thine yon
        yonder ye""",
    "i": """aboard about above absent according across after against ahead along alongside amid amidst among
        amongst anti apart around as aside astride at atop away back bar barring before behind below beneath
        beside besides between beyond but by circa concerning considering despite down during except
        excepting excluding failing following for forth from given gone in including inside instead into
        less like minus near nearer nearest notwithstanding of off on onto opposite out outside over past
        pending per plus pro re regarding respecting round save saving since than through throughout thru
        till to toward towards under underneath unlike until unto up upon upward upwards versus via vs
        with within without worth together apart along aloud home abroad ago away again too also back
        forward forwards backward backwards downward downwards inward outward onward onwards overboard
        underway aside apart around about""",
    "c": """and or but nor so yet for because although though while whilst whereas if unless until since
        when whenever where wherever whether once as than that lest till provided providing supposing
        assuming considering given either neither both whereupon whereby wherein hence thus therefore
        however moreover furthermore otherwise nevertheless nonetheless meanwhile besides also then plus
        'cause cos coz""",
    "o": """i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it
        its itself we us our ours ourselves they them their theirs themselves one oneself ones someone
        somebody something anyone anybody anything everyone everybody everything no-one nobody nothing
        none noone who whom whose what which that this these those each either neither both all another
        other others such y'all ya thee thou thy thine ye em 'em""",
    "x": """be am is are was were been being isn't aren't wasn't weren't ain't have has had having haven't
        hasn't hadn't do does did doing done don't doesn't didn't can could may might must shall should
        will would ought need dare used can't cannot couldn't mayn't mightn't mustn't shan't shouldn't
        won't wouldn't oughtn't needn't daren't 'd 'll 're 's 've 'm i'm you're he's she's it's we're
        they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll
        it'll we'll they'll gonna wanna gotta""",
    "w": """who whom whose what which when where why how whatever whoever whomever whichever whenever
        wherever however whereby wherein whither whence""",
}
# Adverbs that matter for "her" + next word (they are never nouns in context). Tagged r.
CLOSED_ADVERBS = """again too also very really quite rather so just only even still already yet soon now then
    here there today tonight tomorrow yesterday always never often sometimes usually seldom rarely ever
    once twice almost nearly not n't maybe perhaps please anyway instead later earlier else"""

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
        if w.endswith("man") and w not in {"human", "shaman", "german", "roman", "norman", "talisman", "caiman",
                                           "ottoman", "walkman", "cayman", "dolman", "brahman", "musulman",
                                           "desman", "lehman", "leman", "hetman", "ataman", "turkoman",
                                           "turkman", "oman", "shuman", "pullman", "tasman", "ahriman"}:
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
        add_sg_pl(w, None, None, source="wordnet-neutral")
        neutral += 1
    notes.append(f"neutral person nouns (sg): {neutral}")

    # 5. adjectives
    adjectives: dict[str, dict] = {}
    for w, (attr, val, strength) in sorted(ADJECTIVES.items()):
        adjectives[w] = {"attribute": attr, "value": val, "strength": strength}
    for adj, (val, _sg, _pl) in sorted(DEMONYMS.items()):
        if adj in {"frenchman", "englishman", "irishman", "scotsman", "welshman", "dutchman", "norseman",
                   "frenchwoman", "englishwoman", "irishwoman", "scotswoman", "welshwoman", "dutchwoman",
                   "briton", "brit", "spaniard", "swede", "dane", "finn", "pole", "icelander", "turk", "kurd",
                   "scot", "croat", "serb", "slav", "celt", "jew", "aborigine", "viking", "aussie"}:
            continue
        adjectives[adj] = {"attribute": "ethnicity", "value": val, "strength": "strong"}

    # 6. first names (the names list, then characters people ask for by one name)
    first_names, names_note = load_names(names_path, set(nouns) | set(TITLES) | set(adjectives) | set(PROXIES))
    for w, gender in CHARACTER_NAMES.items():
        if w not in nouns and w not in adjectives:
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
NAME_MIN_SOURCES = 3
NAME_FEMALE_P = 0.9
NAME_MALE_P = 0.1
ACCENTED_NAMES = {  # accented spellings whose ASCII form is in the name data
    "josé": "jose", "andré": "andre", "rené": "rene", "renée": "renee", "zoë": "zoe", "chloé": "chloe",
    "françois": "francois", "françoise": "francoise", "hélène": "helene", "léa": "lea", "noël": "noel",
    "björn": "bjorn", "søren": "soren", "jürgen": "jurgen", "jörg": "jorg", "josé-luis": None,
    "maría": "maria", "sofía": "sofia", "lucía": "lucia", "inés": "ines", "raúl": "raul", "jesús": "jesus",
    "ángel": "angel", "óscar": "oscar", "héctor": "hector", "iñaki": "inaki", "joão": "joao",
    "zoé": "zoe", "éric": "eric", "céline": "celine", "mélanie": "melanie", "agnès": "agnes",
    "thérèse": "therese", "göran": "goran", "åsa": "asa", "mónica": "monica", "verónica": "veronica",
    "bárbara": "barbara", "nicolás": "nicolas", "tomás": "tomas", "martín": "martin", "adrián": "adrian",
    "joaquín": "joaquin", "sebastián": "sebastian", "zoltán": "zoltan", "dóra": "dora", "anaïs": "anais",
}


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


# Characters, deities and stage names that prompts use as a person's name (the second red team's
# "fiction" family): each states a gender (and often an ethnicity), so it is held back like a first name.
CHARACTER_NAMES: dict[str, str] = {w: "male" for w in """gandalf dumbledore frodo bilbo aragorn legolas gimli
    sauron voldemort hagrid snape goku vegeta naruto sasuke luffy zoro ichigo pikachu mario luigi bowser
    batman superman spiderman spider-man ironman aquaman hulk thor loki odin zeus poseidon hades apollo ares
    hermes krishna shiva vishnu ganesha rama hanuman buddha napoleon tarzan dracula frankenstein sherlock
    gatsby hamlet othello macbeth romeo pinocchio aladdin simba mufasa shrek yoda vader skywalker kratos
    geralt dante ezio""".split()} | {w: "female" for w in """cinderella rapunzel ariel belle jasmine mulan
    moana elsa anna pocahontas tiana merida aurora snow-white supergirl batgirl catwoman wonderwoman
    hermione galadriel arwen eowyn zelda peach daenerys katniss athena aphrodite hera artemis persephone
    medusa durga kali lakshmi saraswati parvati cleopatra nefertiti juliet ophelia alice dorothy lara
    beyonce rihanna madonna shakira adele""".split()}


# -------------------------------------------------------------------------------------- pos.txt

# Closed-class words keep their WordNet n/v/p/P tags only when the open-class reading is common;
# otherwise WordNet's letters, abbreviations and symbols ("a" vitamin A, "in" inch, "he" helium,
# "it" information technology, "or" Oregon) would make them look like nouns.
OPEN_TOO = set("""will can back down up out might need dare round past like inside outside bar home worth
    opposite must others ones one other saving following plus minus pro little much more less half well
    still present close near have do use used being doing done kind sort set second even save pending
    right left head top bottom front rear side spring fall rest times given gone""".split())


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
    for w in extra_nouns:
        put(w, "n")
    for w in extra_adjs:
        put(w, "a")
    closed = {w for words in CLOSED.values() for w in words.split()}
    for w in closed - OPEN_TOO:
        if w in tags:
            tags[w] -= {"n", "v", "p", "P"}
    for t, words in CLOSED.items():
        for w in words.split():
            put(w, t)
    for w in CLOSED_ADVERBS.split():
        if w in tags and w not in OPEN_TOO:
            tags[w] -= {"n", "v", "p", "P"}
        put(w, "r")
    for w in first_names:  # "N": a name first (see RARE_WORD_COUNT)
        if tags.get(w, set()) & set("nvar") and sum(
                lem.count() for syn in wn.synsets(w) for lem in syn.lemmas() if lem.name().lower() == w) < RARE_WORD_COUNT:
            tags[w].add("N")
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
        if pr["kind"] not in ("adj", "noun") or not pr["reveals"] or not set(pr["reveals"]) <= set(vals):
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


REQUIRED: dict[str, dict] = {
    "man": {"class": "person", "gender": "male"}, "women": {"class": "person", "number": "pl", "gender": "female"},
    "people": {"class": "person", "number": "pl", "gender": None}, "children": {"class": "person", "number": "pl", "age": "young"},
    "widow": {"class": "widowed", "gender": "female"}, "widowers": {"class": "widowed", "number": "pl", "gender": "male"},
    "mum": {"class": "parent", "gender": "female"}, "girl": {"class": "person", "gender": "female", "age": "young"},
    "teenager": {"class": "person", "gender": None, "age": "young"},
    "frenchman": {"class": "person", "gender": "male", "ethnicity": "european"},
    "asians": {"class": "person", "number": "pl", "ethnicity": "asian"},
    "latina": {"class": "person", "gender": "female", "ethnicity": HELD},
    "doctor": {"class": None, "gender": None}, "nurse": {"class": None, "gender": None},
    "human": {"class": None}, "manager": {"class": None, "gender": None},
    "chairman": {"class": "chairperson", "gender": "male"}, "guy": {"class": "person", "gender": "male"},
    "lady": {"gender": "female"}, "gentleman": {"gender": "male"}, "wives": {"class": "spouse", "number": "pl"},
    "geese": {} if False else {},
}
REQUIRED.pop("geese")
for _w in """mum mom mommy mummy mama dad daddy papa granny grandma grandpa gramps nana stepmother stepfather
    step-mother stepdaughter stepson half-sister godmother godfather mother-in-law father-in-law sister-in-law
    brother-in-law sis bro hubby wife missus fiancée fiancee widow widower bride groom bridegroom bridesmaid
    spinster bachelor maid matron patriarch matriarch heir heiress lord lady duke duchess count countess baron
    baroness emperor empress tsar tsarina chairman chairwoman spokeswoman stewardess waitress hostess actress
    seamstress headmistress headmaster businessman salesman saleswoman policeman fireman fisherman cameraman
    weatherman congressman anchorman cowboy cowgirl paperboy schoolboy schoolgirl choirboy usherette aviatrix
    comedienne masseuse masseur guy guys lad lads lass gal dude bloke chap fella fellow gent teenager teen kid
    child children baby toddler infant newborn youngster adolescent youth senior elder pensioner retiree
    octogenarian asian asians african africans european europeans caucasian caucasians indian indians chinese
    japanese korean koreans vietnamese thai thais filipino filipinos filipina filipinas nigerian nigerians kenyan
    kenyans ghanaian ghanaians ethiopian ethiopians somali somalis french frenchman frenchwoman englishman
    englishwoman irishman scotsman german germans italian italians spaniard spaniards swede swedes norwegian
    norwegians dane danes russian russians pole poles greek greeks pakistani pakistanis bangladeshi bangladeshis
    latino latinos latina latinas hispanic hispanics arab arabs persian persians turk turks mexican mexicans
    brazilian brazilians american americans canadian canadians australian australians doctor nurse teacher
    student chef friend tourist athlete model men women girls boys kids babies teens seniors elders""".split():
    REQUIRED.setdefault(_w, {})
AGE_WORDS = """girl boy lad lass schoolgirl schoolboy teenager teen kid child children baby toddler infant newborn
    youngster adolescent youth senior elder pensioner retiree octogenarian""".split()
for _w in AGE_WORDS:
    REQUIRED[_w] = {**REQUIRED.get(_w, {}), "class": "person"}
NOT_PERSON = ["snowman", "mankind", "humankind", "madam", "sir", "miss", "cat", "broad", "manhole", "stroller",
              "printer", "jumper", "blonde", "redhead"]


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
