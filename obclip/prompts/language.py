"""Is this English the device can read? The transformation knows English words only, so anything else fails closed.

A word in another script, a look-alike letter, a full-width letter, an invisible character, or a prompt
written in another language (its function words outnumber English ones, or most of its words are
unknown) is refused before anything is parsed, with one line that says so. Without this check a
Chinese prompt went out word for word as "no protected attribute found", and a Spanish one had its
"Una" read as a name.
"""

from __future__ import annotations

import unicodedata

from obclip.prompts import grammar as g
from obclip.prompts.cues import plain
from obclip.prompts.lexicon import Lexicon
from obclip.prompts.template import DetectionError
from obclip.prompts.tokens import Token

ENGLISH_ONLY = "ObCLIP reads English prompts only: write the prompt in English"
# Function words of the languages people most often write prompts in besides English, none of them an
# English function word: two of them, and more of them than English ones, make a prompt another language.
FUNCTION_WORDS = frozenset(
    # Spanish
    "el la los las un una unos unas en del y con por para que es muy su sus al esta este como pero sin sobre entre "
    # French
    "le les une des du et avec dans sur est au aux ou qui ce cette ses chez sous très mais "
    # German
    "der das ein eine einer einem und mit auf ist im dem den zu von nicht sehr für aus bei "
    # Italian
    "il lo gli della delle degli con che di nel nella sulla sul è sono "
    # Portuguese
    "os um uma com em do da dos das não muito pelo pela".split()
) - g.CLOSED


# articles of other languages that say a noun's grammatical gender, in lower case: "la abuela", "ein alter Mann"
# ("die" and "las" are English words too; "La Sagrada Familia" is a name in capitals)
GENDERED_ARTICLES = frozenset("la el los le les der das ein eine einen une il lo gli una".split())
# person nouns of those languages that English does not borrow (after one of those articles): "une vieille femme",
# "Ein alter Mann" went out as written ("femme" is no English person noun: "a femme fatale")
FOREIGN_PERSON_NOUNS = frozenset("""femme femmes fille filles homme hommes garçon frau frauen mann männer mädchen junge
    mujer mujeres hombre hombres niña niño chica chico donna uomo ragazza ragazzo bambino bambina signora""".split())


def check_english(prompt: str, tokens: tuple[Token, ...], lex: Lexicon) -> None:
    """Raises `DetectionError` unless `prompt` is English text in plain Latin letters."""
    for k, c in enumerate(prompt):
        if unicodedata.category(c) == "Cf" and not (c == "\u200d" and k and not prompt[k - 1].isascii()):
            raise DetectionError(
                f"the prompt holds an invisible character (U+{ord(c):04X}, character {k}) that can hide a word "
                "from the device; remove it"
            )
    words = [t for t in tokens if t.is_word]
    for t in words:
        if unicodedata.normalize("NFKC", t.text) != t.text:
            raise _refuse(t, "written with full-width or compatibility letters; retype it in plain letters")
        scripts = {unicodedata.name(c, "?").split()[0] for c in t.text if c.isalpha()}
        if len(scripts) > 1:
            raise _refuse(t, f"mixes letters of several scripts ({', '.join(sorted(scripts))}); retype it")
        if scripts and scripts != {"LATIN"}:
            raise _refuse(t, f"is written in {next(iter(scripts)).title()} letters; {ENGLISH_ONLY}")
    foreign = len({t.low for t in words if t.low in FUNCTION_WORDS})  # "la la land" repeats one word
    english = sum(t.low in g.CLOSED for t in words)
    if foreign >= 2 and foreign >= english:
        raise DetectionError(f"this prompt reads as another language ({foreign} of its function words are not "
                             f"English); {ENGLISH_ONLY}")  # fmt: skip
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if t.text not in GENDERED_ARTICLES and not (
                t.low in GENDERED_ARTICLES and nxt is not None and nxt.is_word and not nxt.capitalised):  # fmt: skip
            continue  # only an article's next words are looked up ("Ein alter Mann" opens a sentence)
        person = next((w for w in tokens[k + 1 : k + 3] if w.is_word and (
            lex.nouns.get(w.core) is not None or w.core in lex.titles or (w.capitalised and lex.tags(w.core) == "p")
            or w.low in FOREIGN_PERSON_NOUNS)), None)  # fmt: skip  # "eine alte Frau": a title of address counts
        if person is not None:
            said = prompt[t.start : person.end]
            raise _refuse(t, f"an article of another language before a person ('{said}') says the person's "
                          f"grammatical gender, which the device cannot vary; {ENGLISH_ONLY}")  # fmt: skip
    unknown = sum(len(t.core) > 1 and not _known(t, lex) for t in words)
    if len(words) >= 4 and unknown > 0.5 * len(words):
        raise DetectionError(
            f"{unknown} of the {len(words)} words of this prompt are not English words the device knows; {ENGLISH_ONLY}"
        )


def _known(t: Token, lex: Lexicon) -> bool:
    core = t.core
    return bool(lex.tags(core) or core in lex.nouns or plain(core) in lex.first_names or core in lex.adjectives)


def _refuse(t: Token, why: str) -> DetectionError:
    return DetectionError(f"{t.text!r} (character {t.start}): {why}")
