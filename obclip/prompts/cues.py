"""Word lists and small helpers the parser reads as cues (which words introduce a name, a place, an age).

Kept apart from the lexicon (`data/`, built from WordNet) because these are parsing heuristics, not facts
about words: each list says in its name what it cues.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable

from obclip.prompts import grammar as g
from obclip.prompts.tokens import Token

HAIR_TYPE_HEADS = frozenset({"hair", "curls", "curl", "coils"})  # what a hair-type code ("4c", "3b") describes


def hair_type_head(tokens: list[Token], k: int) -> int | None:
    """The hair a type code ending before token k describes: "4c hair", or with a word or two that describe the
    hair between ("4c coily hair", "3b loose curls"); None when no hair follows."""
    for j in range(k, min(k + 3, len(tokens))):
        if tokens[j].low in HAIR_TYPE_HEADS:
            return j
        if not tokens[j].is_word or tokens[j].core in g.CLOSED:
            return None
    return None


# styles by which a person is named with a possessive pronoun: "Her Majesty", "His Royal Highness", "His Holiness"
HONORIFICS = frozenset("majesty highness grace holiness excellency eminence honour honor worship".split())
# adverbs before "3 days old", "10 years old" that say it of someone already named, no "a 5 year old" person
AGE_ADVERBS = frozenset("only just barely yet still already not almost nearly now of".split())
GENDERED_PRONOUNS = frozenset("he she his her him hers himself herself".split())  # what says someone is here
COLLECTIVES = frozenset("couple couples family families crowd crowds group groups team teams pair pairs twins folks".split())
CURRENT_YEAR = 2026  # birth years become ages against this year (pinned so that a set never changes with the date)
YEAR_OLD = re.compile(r"^(\d+|[a-z]+(?:-[a-z]+)?)-(years?|yrs?|months?|mos?|weeks?|wks?|days?)-olds?$")  # "3-yr-old"
SOMETHING = re.compile(r"^(\d)0-?(?:something|plus)$")  # "a 40-something woman", "a 50-plus man": the decade's middle
TIME_NOUNS = frozenset("morning night evening eve day afternoon dawn week weekend".split())  # "Diwali night"
# what "every", "each", "last", "next" count when they say when ("visits her every Sunday", not "her every move")
TIME_WORDS = TIME_NOUNS | frozenset(
    "sunday monday tuesday wednesday thursday friday saturday month year summer winter spring autumn fall time".split())
# a number's rank in words: a day's ("the fourth of July"), a school year's ("a first grader"), a count's
ORDINAL_WORDS = frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth""".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
WHEN_WORDS = frozenset("every each last next this on until till since by from".split())  # "every Sunday", "on Tuesday"
ISH = re.compile(r"^([a-z0-9]+?)-?ish$")  # "30ish", "30-ish", "thirty-ish", "fortyish": about that many years


def ish_years(low: str) -> int | None:
    """The years an "-ish" number writes ("thirty-ish" -> 30), or None ("fish", "English" write none)."""
    if (m := ISH.match(low)) is None:
        return None
    base = m.group(1)
    value = int(base) if base.isdigit() else g.number_value(base)
    return value if value is not None and 0 < value <= 120 else None
# people named by their age group: "20-somethings", "a thirtysomething", "over-60s", "under-5s"
AGE_GROUP = re.compile(r"^(?:(\d)0-?somethings?|(twenty|thirty|forty|fifty|sixty|seventy|eighty)-?somethings?"
                       r"|(over|under)-(\d{1,2})s)$")
AGE_UNITS = frozenset("year years yr yrs month months week weeks day days".split())
ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
YO_ABBREVIATIONS = frozenset({"yo", "y/o", "y.o", "y.o.", "y/o."})  # "8 yo", "50 y.o.": years old
YO = YO_ABBREVIATIONS | {"yrs", "yr", "years", "year"}
DECADE_NUM = re.compile(r"^(\d)0['’]?s$")
# decades as typed: "twentys", "fourties", "fortys"
DECADE_TYPOS = {**{f"{w[:-3]}ys": w for w in ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                                "eighties", "nineties")}, "fourties": "forties", "fourtys": "forties"}
STYLE_MARKERS = frozenset({"by", "artist", "painter", "photographer"})
def listed_singular(word: str, table: dict | frozenset) -> str | None:
    """The entry of `table` a plural `word` is the plural of ("hijabs" -> "hijab", "samosas" -> "samosa", "sashes"
    -> "sash"), or None; "brass" is no plural of "bras"."""
    if word.endswith("ss"):
        return None
    for one in (word.removesuffix("es"), word.removesuffix("s")) if word.endswith("hes") else (word.removesuffix("s"),):
        if one != word and one in table:
            return one
    return None


SAINTS = frozenset({"st", "saint"})  # a saint's title: "St. George", "Saint Francis", "St Paul's Cathedral"
# An artist's work named by its maker: "Hokusai's version of ...", "Van Gogh's painting of ...". The maker is not in
# the picture, so the name is kept as written (as "in the style of Cezanne" is).
WORK_NOUNS = frozenset("""version versions painting paintings rendition interpretation take style drawing sketch print
    woodblock woodcut etching masterpiece artwork work works mural fresco sculpture""".split())
# Words around lettering on a thing: "a mug that says Live Laugh Love", "a shirt with Carpe Diem printed on it". The
# capitalised words between are text on the thing, not a person; a first name among them is still held back.
TEXT_BEFORE = frozenset("says say saying words slogan lettering caption inscription inscribed text".split())
TEXT_AFTER = frozenset("written printed painted embroidered engraved spelled spelt lettered scrawled stitched".split())
STYLE_NOUNS = frozenset("lighting style painting paintings portrait photo photograph photography art artwork colors colours palette aesthetic quote".split())
PLACE_PREPOSITIONS = frozenset("through to in from at across around over near visiting of into towards toward".split())
# words that grade the adjective after them ("very pale skin"): held back with it, as "heavily pregnant" is
INTENSIFIERS = frozenset("very really so quite extremely super slightly somewhat rather pretty more most".split())
INTRODUCERS = frozenset("with in wearing sporting has having and".split()) | g.CHAT_WITH  # "a man wit a beard"
NAME_LIKE_CLOSED = frozenset({"will", "may", "june", "sunny"})
COMPOUND_TAILS = frozenset("owned led run only friendly founded operated majority dominated pattern".split())
# words after which a capitalised word names a festival or a season, not someone: "celebrating Diwali",
# "during Ramadan", "on Burns Night"
EVENT_MARKERS = frozenset("during throughout celebrating celebrate celebrates celebrated observing observe".split())
EVENT_HEADS = frozenset("day night eve festival feast week holiday holidays".split())  # "Burns Night", "Boxing Day"
# someone's occasions and pictures: "a 40th birthday party" is someone's; "Mary & John's wedding" is theirs
OCCASIONS = frozenset("birthday party celebration anniversary portrait photoshoot milestone".split())
POSSESSIVE_DETERMINERS = frozenset("his her their my your our its mi".split())  # "mi": Spanish "my" ("old mi woman" was
# sent for "mi abuela", round 68)
PERSON_SLOT_WORDS = frozenset("of with and meet meeting featuring starring".split())
CONTRACTED_PRONOUN = re.compile(r"^(she|he)(?:'(?:s|ll|d|ve|re)|s|z)$")
# subject pronouns without a gender with their copula glued on: an attribute said after one is said of a person
SPEAKER_COPULAS = {"i'm": "i", "im": "i", "we're": "we", "they're": "they", "theyre": "they"}


def glued_subject(low: str) -> bool:
    """A subject pronoun with its copula glued on, as typed ("shes", "he's", "they're", "im")."""
    return low in SPEAKER_COPULAS or CONTRACTED_PRONOUN.match(low) is not None

# verbs of seeming after an object pronoun: "make him look 70", "make her look like she is 70"
LOOK_VERBS = frozenset("look looks looking looked seem seems appear appears".split())
# a copula after "I", "we", "they", or glued to one ("im"): what follows may be their age (`copula_subject`)
SPEAKER_FORMS = frozenset({*SPEAKER_COPULAS, "am", "are", "r", "were"})
# gendered words people glue into hashtags and coinages ("#girldad", "tradwife"); "man", "son", "men"
# are left out, as they end too many surnames and words the lexicon lacks
GLUED_ROOTS = tuple("""grandma grandpa granny daughter mother father sister brother husband mommy daddy
    woman women ladies lady girl boy wife bride groom queen king aunt uncle mom mum dad bro sis gal guy""".split())
# body parts that a preposition and a possessive put on the clause's subject ("in her arms", "on his lap")
BODY_PARTS = frozenset("""arms arm shoulders shoulder lap hands hand back side chest knees knee hip hips neck head
    feet foot legs""".split())
# verbs a prompt opens with to ask for a picture ("Draw Maria ...", "Paint John ..."): a capital after one is a name's
PICTURE_REQUESTS = frozenset("""draw paint show make create generate render imagine illustrate sketch depict picture
    photograph design visualize visualise""".split())
# attribute words of other languages that English prompts borrow and English dictionaries lack, by what they say
# ("a hombre viejo playing chess", "a mujer joven": the noun was read, the adjective went out as written, round 59);
# the nouns English prompts borrow ("abuela", "nonna", "chica") are in the lexicon and varied
FOREIGN_ATTRIBUTE_WORDS = {
    **dict.fromkeys("viejo vieja viejos viejas anciano anciana ancianos ancianas vieux vieille vieilles velho velha "
                    "velhos velhas vecchio vecchia vecchi vecchie alte alter alten".split(), "old"),
    **dict.fromkeys("joven jóvenes jeune jeunes jovem jovens giovane giovani junge jungen".split(), "young"),
    **dict.fromkeys("mulher mulheres".split(), "woman"), **dict.fromkeys("homem homens".split(), "man"),
    **dict.fromkeys("menina meninas".split(), "girl"), **dict.fromkeys("menino meninos".split(), "boy"),
    # gendered adjectives of Spanish, Italian and Portuguese that prompts borrow ("a chica bonita": round 64 sent
    # "an old man bonita")
    **dict.fromkeys("bonita bonitas guapa guapas hermosa hermosas preciosa bellissima".split(), "pretty woman"),
    **dict.fromkeys("guapo guapos hermoso hermosos bellissimo".split(), "handsome man"),
    **dict.fromkeys("rubia rubias".split(), "blonde woman"), **dict.fromkeys("rubio rubios".split(), "blond man"),
}
# the attribute words people type most, whose one-typo misspellings ("daugther", "womn", "elderley") are
# refused: a misspelt word is one the device cannot vary, so it would reach the cloud as written (rarer
# words are left out: a one-letter change of "mormor" or "chap" is more often another word)
TYPO_TARGETS = frozenset("""man men woman women girl girls boy boys lady ladies gentleman gentlemen guy guys people
    mother father mom mum dad mommy daddy mama papa daughter daughters son sons sister sisters brother brothers
    wife husband bride groom aunt uncle niece nephew grandmother grandfather grandma grandpa granny grandson
    granddaughter grandchildren boyfriend girlfriend king queen prince princess female male feminine masculine
    young younger old older elderly little senior teenager teenage teen child children kid kids baby toddler infant
    adult middle-aged asian african caucasian european indian chinese japanese korean black white latina
    latino hispanic""".split())
# lexicon classes of relatives (and "person", which the grand relations join): a name after them is theirs
KIN_CLASSES = frozenset("""person parent sibling aunt-uncle niece-nephew offspring spouse grandparent godparent stepparent
    stepsibling half-sibling parent-in-law sibling-in-law child-in-law godchild stepchild foster-parent partner fiance""".split())
NAMING_WORDS = frozenset("named called nicknamed christened".split())
# who call someone by another name, in "who everyone calls Tess", "whom her friends call Bea"
CALLERS = frozenset("everyone everybody people we they all her his their my our friends family kids".split())
COORDINATORS = frozenset("and & or vs vs. versus".split())  # what joins a name to its like ("Chad vs virgin")
AFTER_NAME = frozenset("and with is was has had who smiles smiling stands sits walks looks holds".split())
ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X)$")
PLACE_WORDS = frozenset("lake mount mt isle island saint st fort cape river port bay lac loch glen".split())
AGE_COMPARATIVES = frozenset({"older", "younger"})  # "look older", "no older than", "forty years younger"
# a person noun that also names the time of life it is the person of: after an owner ("his youth") the time
STAGE_NOUNS = frozenset({"youth"})
# "someone" as prose and chat write it ("sum1", "some1" are two tokens: `mark_someone_described` reads them)
SOMEONE = frozenset({"someone", "somebody", "sumone", "sumbody"})
CLAUSE_WORDS = frozenset("and or but while as who whom whose which that when because so then whereas although though if since until".split())
PREDICATE_LINKS = frozenset("""is are was were isn't aren't wasn't weren't not no longer looks look looking seems seem
    does doesn't do don't did didn't
    appears appear very quite rather like , and but""".split())  # "who's like really old": a hedge


def is_emoji(t: Token) -> bool:
    return t.kind == "punct" and all(
        unicodedata.category(c) in ("So", "Sk", "Cf", "Mn") or 0x1F000 <= ord(c) <= 0x1FAFF for c in t.text
    ) and not t.text.isascii()


def plain(word: str) -> str:
    """`word` without accents ("léman" -> "leman")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def age_in_years(written: str, unit: str = "years") -> int:
    value = g.number_value(written)
    return 0 if value is None or not unit.startswith(("year", "yr")) else value


def name_gender(value: str) -> str | None:
    return value if value in ("male", "female") else None


def decade_years(t: Token) -> int | None:
    """A decade's middle year: "70s" 75, "mid-thirties" 35; "twenties-thirties" is its lower bound's."""
    low = t.low
    if "-" in low and not low.startswith(("early-", "mid-", "late-")):
        low = low.split("-")[0]
    for prefix in ("early-", "mid-", "late-"):
        low = low.removeprefix(prefix)
    low = DECADE_TYPOS.get(low, low)  # "in her early twentys", "in his late fourties": as the decade (round 56: sent)
    if low in g.DECADES:
        return g.DECADES[low]
    m = DECADE_NUM.match(t.low)
    return int(m.group(1)) * 10 + 5 if m else None


def proxy_message(reveals: tuple[str, ...]) -> str:
    what = " and ".join(reveals) or "a sensitive attribute"
    return (
        f"this word hints at {what} and would reach the cloud unchanged under --proxies refuse; leave it out, "
        "or use --proxies drop to keep it on the device only"
    )


# Verbs of dressing up before "as": what follows names a costume ("a cat dressed as napoleon", "a man dressed as
# santa claus").
COSTUMED = frozenset("dressed disguised costumed dresses dress cosplaying cosplayed".split())
# generations said before a person, and the age a reader gives them today (2026)
COHORTS = {("gen", "z"): 20, ("generation", "z"): 20, ("gen", "alpha"): 8, ("gen", "y"): 38, ("gen", "x"): 52,
           ("millennial",): 38, ("zoomer",): 20, ("boomer",): 70, ("gen-z",): 20, ("genz",): 20,
           ("baby", "boomer"): 70}  # fmt: skip


def dropped_g(t: Token, lex) -> bool:
    """ "waitin", "drinkin", "chillin": a verb's -ing form as chat writes it, no name ("a lady waitin 4 the subway" read
    "Lady Waitin", a titled name, round 94)."""
    return t.core.endswith("in") and not lex.tags(t.core) and ing_form(t.core + "g", lex) and bool(lex.tags(t.core + "g"))


def ing_form(core: str, lex) -> bool:
    """`core` is a verb's -ing form ("walking", "making", "running"), not a word that merely ends so ("king",
    "ring", "sibling", "morning"). A word the lexicon does not know is read as one, as people coin them."""
    if not core.endswith("ing") or len(core) < 5:
        return False
    if not lex.tags(core):
        return True
    stem = core[:-3]
    stems = {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())
    if stem.endswith("y"):
        stems.add(stem[:-1] + "ie")  # "tying", "lying", "dying"
    return any("v" in lex.tags(s) for s in stems)

# Words that bind a number to a person as an approximate age ("around 40", "over 70").
APPROXIMATE = frozenset("around about over under nearly almost roughly approximately maybe perhaps probably barely".split())
# a word that hedges a number said of someone, as chat writes it too: "prob like 15", "shes like 80 and korean"
HEDGES = APPROXIMATE | frozenset("like prob probs prolly only just".split())
# Verbs that say what a person's age is or seems: "is about 60", "looks 80", "must be 90", "seems around 70".
GLUED_RELATIVES = frozenset({"who's", "whos", "that's", "thats"})  # "who is" written as one word
COPULAS = frozenset("is was turned turns 's she's he's shes hes".split()) | GLUED_RELATIVES  # "shes like 23": typed
# without "'"; "a kid who's 8" (sent as written, round 78)
BEING_VERBS = COPULAS | frozenset("looks look looked seems seem seemed appears appear appeared be".split())
# the words before an age group said of someone ("she is forty-something", "a man aged thirty something", "im
# twenty-something"): it is their age, not a person of its own
SAID_AN_AGE = frozenset("is was am aged age she's he's shes hes i'm im".split())

# nouns of rank that stand before a name as a title does ("queen elizabeth", "prince harry", "lady gaga")
RANKS = frozenset("monarch royal-child noble duke emperor knight gentleman".split())
# -ing words that are count nouns of an event or a time, not a person's doing: "a Yoruba wedding", "a Korean morning"
ING_EVENTS = frozenset("wedding meeting gathering offering blessing morning evening outing".split())

# words that make a picture sexual: beside them no candidate may be a child ("a hot girl at the beach" was written "a
# hot little girl" in the cloud view; "girl" alone is a young woman there, and a stated child is refused)
SEXUAL_WORDS = frozenset("""sexy seductive sensual erotic nsfw nude naked topless lingerie busty cleavage provocative
    lewd sultry voluptuous""".split())


# what a decoy writes for a person after "hot" ("a hot little girl", "a hot old Asian man"): read alike in every one
HOT_PERSON_WORDS = frozenset("""girl girls boy boys woman women man men person people child children guy guys babe
    lady ladies""".split())
DECOY_ADJECTIVES = frozenset(w.lower() for table in (g.AGE_ADJECTIVE, g.ETHNICITY_ADJECTIVE, g.GENDER_ADJECTIVE)
                             for w in table.values()) | {"middle", "aged"}  # fmt: skip


def sexual(text: str, said: Container[str] = frozenset(), nouns: Container[str] = frozenset()) -> bool:
    """Whether `text` asks for a sexual picture: a word of `SEXUAL_WORDS`, or "hot" before a person ("a hot girl"; the
    words a decoy writes between are skipped, so every candidate reads alike, and so are the attribute words `said`
    that the user's own prompt may hold there: "a hot latina girl", whose decoy "a hot little girl" was refused;
    not "hot chocolate"). The person may be any of the lexicon's `nouns` ("a hot gurl", round 94: refused as its
    decoy "a hot little girl" was)."""
    words = re.findall(r"[a-z]+", text.lower())
    if any(w in SEXUAL_WORDS for w in words):
        return True
    for k, w in enumerate(words):
        if w == "hot":
            j = k + 1
            while j < len(words) and (words[j] in DECOY_ADJECTIVES or words[j] in said):
                j += 1
            if j < len(words) and (words[j] in HOT_PERSON_WORDS or words[j] in nouns):
                return True
    return False


def deletion_index(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """`words` indexed by themselves and by each form with one letter deleted: two words one edit apart share a key
    (symmetric deletion)."""
    index: dict[str, set[str]] = {}
    for w in words:
        for key in {w} | {w[:k] + w[k + 1 :] for k in range(len(w))}:
            index.setdefault(key, set()).add(w)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1 or transposed(a, b)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def transposed(a: str, b: str) -> bool:
    """`a` is `b` with two neighbouring letters exchanged ("mna", "man"): not merely two neighbours differing."""
    diff = [k for k in range(len(a)) if a[k] != b[k]] if len(a) == len(b) else []
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
# the small words inside a surname ("Leonardo da Vinci", "Maria de Souza", "Ludwig van Beethoven")
SURNAME_PARTICLES = frozenset("van von de da del della di du le la al el bin ibn ben mac st".split())
