"""English agreement rules shared by everything that writes text: articles and letter case.

One source for the a/an rule: the prompt transformation and the synthetic world's captions
both use `indefinite_article`, so training captions and candidates never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from obclip.prompts.tokens import Token

# Words spelled with a vowel but said with a consonant sound, and the reverse.
_CONSONANT_SOUND = ("eu", "uni", "use", "usu", "uti", "uto", "one", "once", "ubiq", "ukr", "ura", "uro")
_VOWEL_SOUND = ("hour", "honest", "honou", "honor", "heir")


def indefinite_article(word: str) -> str:
    """The indefinite article English uses before `word`: "an old", "a young", "a European".

    Args:
        word (`str`): the word that follows the article (any case; a hyphenated word counts by its start).

    Returns:
        `str`: "a" or "an", lower case.
    """
    raw = word.lstrip("\"'(")
    core = raw.split("-")[0]
    spelled = len(core) == 1 and core.isupper() and "-" in raw  # "an X-ray", "a U-turn", "an A-list actor"
    # capitals opening on two consonants are read letter by letter ("an HBCU", "an FBI agent"; "a NASA rocket")
    initialism = 1 < len(core) <= 5 and core.isupper() and core.isalpha() and not any(c in "AEIOUY" for c in core[:2])
    if spelled or initialism or (len(core) > 1 and core[:1].isalpha() and any(c.isdigit() for c in core)):
        return "an" if core[:1].upper() in "AEFHILMNORSX" else "a"  # read letter by letter: "an F1", "a B52", "an HBCU"
    w = raw.lower()
    if w[:1].isdigit():
        return "an" if w.startswith(("8", "11", "18")) and not w.startswith(("110", "111", "180")) else "a"
    if w.startswith(_CONSONANT_SOUND):
        return "a"
    if w.startswith(_VOWEL_SOUND):
        return "an"
    first = unicodedata.normalize("NFKD", w[:1])[:1]  # "an áo dài", "an éclair": the letter under its accent
    return "an" if first in ("a", "e", "i", "o", "u") else "a"


# --- letter case ---------------------------------------------------------------------------------
UPPER, TITLE, SENTENCE, LOWER = "upper", "title", "sentence", "lower"


def apply_case(text: str, casing: str) -> str:
    """`text` written in `casing` (UPPER, TITLE, SENTENCE or LOWER; LOWER keeps `text` as given)."""
    if casing == UPPER:
        return text.upper()
    if casing == TITLE:
        return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in text.split(" "))
    if casing == SENTENCE:
        return text[:1].upper() + text[1:]
    return text


def token_case(word: str) -> str:
    """The case of one written word: UPPER ("HER", not "I"), SENTENCE ("Her") or LOWER."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return UPPER
    return SENTENCE if word[:1].isupper() else LOWER


# --- pronouns --------------------------------------------------------------------------------------
PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
PRONOUN_FORMS = {
    "subject": {"male": "he", "female": "she"},
    "object": {"male": "him", "female": "her"},
    "possessive": {"male": "his", "female": "her"},
    "standalone": {"male": "his", "female": "hers"},
    "reflexive": {"male": "himself", "female": "herself"},
}

# --- closed word classes (complete lists; the open classes come from WordNet) ------------------------
DETERMINERS = frozenset(
    "a an the this that these those some any every each no another either neither all both half my your our "
    "their its whose what which several many few mi".split()  # "mi abuela": Spanish "my", written in English prompts
)
PREPOSITIONS = frozenset(
    "about above across after against along alongside amid amidst among amongst around as at atop before behind "
    "below beneath beside besides between beyond by despite down during except for from in inside into like near "
    "of off on onto out outside over past per round since than through throughout till to toward towards under "
    "underneath until unto up upon via with within without away together apart aside forward forwards ahead "
    "backward backwards upstairs downstairs overhead".split()
)
CHAT_WITH = frozenset({"wit", "wif", "wiv", "w"})  # "with" as chat writes it ("a grl wit long brown hair", "a dude w a mustache")
CONJUNCTIONS = frozenset(
    "and or but nor so yet because although though while whereas if unless when whenever where wherever once "
    "whether then".split()
)
PERSONAL_PRONOUNS = frozenset(
    "i me you he him she her it we us they them myself yourself himself herself itself ourselves themselves "
    "someone somebody everyone everybody anyone nobody".split()
)
AUXILIARIES = frozenset(
    "is are was were be been being am do does did have has had can could will would shall should may might must "
    "'s 're 've 'll 'd not".split()
)
WH_WORDS = frozenset("who whom whose what which why how".split())
CLOSED_ADVERBS = frozenset(
    "again too also very so just only even still always never often here there now later soon today tonight "
    "tomorrow yesterday really quite rather almost already ever yet first else".split()
)
# the past forms of irregular verbs (a closed class) that are spelt like a noun: after a singular noun they are its
# verb ("The Lonely Girl sat on the porch", "a boy saw a ghost"), where a base form could only be a compound's noun
# ("a viking ship")
IRREGULAR_PAST = frozenset(
    """sat saw felt fell rose left found lay led wound ground bore bound struck shot cast set cut hit beat hurt let
    quit spread shed split bet bid fed fought caught bought brought taught thought meant kept slept swept wept dealt
    built sent spent lent bent lit won ran sang swam drank began rang sank spun stung swung clung hung dug stole froze
    chose woke wore tore swore drove rode wrote strode shone gave ate came became knew grew threw blew drew flew
    told sold held stood made paid said heard had did went got sought spoke broke shook took""".split()
)
# what chat adds to a request ("a girl with bubble tea pls"): no name, no surname ("tea pls" was read as a person's
# full name, round 69)
CHAT_WORDS = frozenset("""pls plz plez thx thnx ty lol lmao lmfao rofl omg idk tbh ngl imo btw haha hahaha hehe lolol xd jk
    rn tho smh""".split())  # "a warrior queen haha" held "queen haha" as a titled name (round 78)
CLOSED = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | PERSONAL_PRONOUNS | AUXILIARIES | WH_WORDS | CLOSED_ADVERBS | CHAT_WORDS
# adverbs that complete a phrasal verb ("storms off", "walks away", "looks up")
VERB_PARTICLES = frozenset("off away out up down back over around along about aside ahead".split())
# words after "her"/"his" that are nouns after a preposition ("on her back") and particles after a verb ("bring her back")
NOUN_OR_PARTICLE = frozenset("back home inside outside left right front side".split())
# determiners that can follow a possessive ("his many inventions", "her every move")
POSSESSIVE_QUANTIFIERS = frozenset("many every several few other various numerous countless two three".split())
# adjectives that only ever follow a possessive ("her own", "his best")
POSSESSIVE_ONLY = frozenset("own best worst utmost".split())
# verbs after which "her" + a noun-or-verb word is ambiguous ("watching her dance", "let her cook")
CAUSATIVE_OR_PERCEPTION = frozenset(
    "let lets letting make makes made making help helps helped helping watch watches watched watching see sees "
    "saw seeing seen hear hears heard hearing have has had having bid feel feels felt feeling notice notices "
    "noticed noticing".split()
)
CAUSATIVE = frozenset("let lets letting make makes made making help helps helped helping bid".split())
MOTION_VERBS = frozenset(
    "bring brings brought bringing take takes took taking taken drive drives drove driving walk walks walked "
    "walking carry carries carried carrying send sends sent sending welcome welcomes welcomed welcoming call calls "
    "called calling lead leads led leading follow follows followed following pull pulls pulled pulling".split()
)
# verbs after which "her" + a number is ambiguous ("gave her 3 roses" vs "holding her 3 kids")
DITRANSITIVE = frozenset(
    "give gives gave giving given hand hands handed handing show shows showed showing shown bring brings brought "
    "bringing offer offers offered offering send sends sent sending buy buys bought buying tell tells told telling "
    "teach teaches taught teaching pass passes passed passing throw throws threw throwing thrown pay pays paid "
    "paying sell sells sold selling serve serves served serving get gets got getting".split()
)
# verbs of giving: "bringing her flowers" gives them to her, where "selling her paintings" sells hers
GIVING = frozenset(
    "give gives gave giving hand hands handed handing bring brings brought bringing offer offers offered offering "
    "send sends sent sending buy buys bought buying serve serves served serving pour pours poured pouring".split()
)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen".split()
)

# --- canonical words of the cloud view: one wording per value ------------------------------------------
GENDER_ADJECTIVE = {"male": "male", "female": "female"}
# a child is written with the child nouns where the class allows (`CHILD_NOUN`), else "little" ("a little dancer")
AGE_ADJECTIVE = {"child": "little", "young": "young", "middle-aged": "middle-aged", "old": "old"}
AGE_PREDICATE = {**AGE_ADJECTIVE, "child": "underage"}  # "she is little" would not read back as an age
AGE_TAG = {**AGE_ADJECTIVE, "child": "teenage"}  # an age that is a whole tag ("1girl, blue eyes, teenage")
ETHNICITY_ADJECTIVE = {
    "caucasian": "Caucasian", "african": "African", "asian": "Asian", "indian": "Indian", "european": "European",
}  # fmt: skip
# a class's gendered form no one writes for the other value ("a manservant", "a househusband"): a decoy with it marks
# itself, so both values write the neutral noun with a gender word ("a female servant", "a male servant")
MARKED_FORMS = frozenset({"manservant", "manservants", "househusband", "househusbands"})
# a person known by age alone or by a kin word that is only age and gender ("her baby", "his grandmother") is
# written after a possessive as a friend: "his old woman" or "her middle-aged person" would read as slang or not
# at all, and "a little boy with his little boy" as impossible, so the decoys would mark themselves
POSSESSED_NOUN = {"sg": "friend", "pl": "friends"}
OWNER_DETERMINERS = frozenset({"my", "your", "our", "their", "mi"})  # a phrase's own determiner; "his"/"her" are slots
CHILD_NOUN = {
    "sg": {"male": "boy", "female": "girl", "none": "child"},
    "pl": {"male": "boys", "female": "girls", "none": "children"},
}
# a count glued to "girl"/"boy" is a booru tag of SD front-ends ("1girl", "2boys"): one or two characters of
# that gender, no age (an anime "girl" is as often a young woman); the cloud view writes it as a tag again
TAG_CLASS = "tag"
TAG_NOUN = {"sg": {"male": "boy", "female": "girl"}, "pl": {"male": "boys", "female": "girls"}}
AGE_DECADE = {"child": "childhood", "young": "twenties", "middle-aged": "forties", "old": "seventies"}
AGE_YEARS = {"child": "10", "young": "25", "middle-aged": "45", "old": "75"}
BIRTH_YEAR = {"child": "2016", "young": "2001", "middle-aged": "1981", "old": "1951"}
AGE_ORDINAL = {"child": "10th", "young": "25th", "middle-aged": "45th", "old": "75th"}
DECADES = {
    "childhood": 10, "teens": 15, "twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65, "seventies": 75,
    "eighties": 85, "nineties": 95,
}  # fmt: skip


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
    "seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def number_value(word: str) -> int | None:
    """The integer a written number stands for ("7", "ten", "ninety-five", "a hundred" -> None), else None."""
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS.index(w)
    if w in _TENS:
        return _TENS[w]
    tens, _, unit = w.partition("-")
    if tens in _TENS and unit in _UNITS[1:10]:
        return _TENS[tens] + _UNITS.index(unit)
    return 100 if w == "hundred" else None


_ROMAN_NUMERAL = re.compile(r"^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_DIGITS = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def roman_value(text: str) -> int | None:
    """The integer a Roman numeral in capitals writes ("XXV" -> 25), else None ("xxv", "MIX" is 1009 all the same:
    callers read it only where a number stands, after "aged")."""
    if not _ROMAN_NUMERAL.match(text):
        return None
    digits = [_ROMAN_DIGITS[c] for c in text]
    return sum(-d if k + 1 < len(digits) and d < digits[k + 1] else d for k, d in enumerate(digits))


def two_word_number(first: Token, second: Token) -> int | None:
    """The number two word tokens write together ("twenty one" -> 21), else None."""
    tens = number_value(first.text) if first.is_word else None
    ones = number_value(second.text) if second.is_word else None
    if tens is None or ones is None or not (20 <= tens <= 90 and tens % 10 == 0 and 0 < ones < 10):
        return None
    return tens + ones


def age_value(years: int) -> str:
    """The age value of a person `years` old: a child below 18, young below 40, middle-aged below 60, else old.

    A scale without "child" (the paper's) folds it into "young" (`obclip.prompts.candidates`)."""
    return "child" if years < 18 else "young" if years < 40 else "middle-aged" if years < 60 else "old"
