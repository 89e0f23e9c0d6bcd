"""Tokens of a prompt: words, numbers and punctuation with their character spans.

Words are Unicode letter runs joined by inner hyphens or apostrophes ("middle-aged",
"woman's", "Léman"); a trailing apostrophe after an s is a plural possessive ("ladies'").
A front-end's extra-network tag ("<lora:add_detail:0.8>", "<hypernet:anime:1>", bare "lora:officelady_v2") is one
token.
Numbers keep their suffixes and compounds ("70s", "70's", "3rd", "30ish", "70-year-old"); "y/o" and "y.o." (years old)
are one word. An em or en dash that sets off a phrase between words reads as a comma; an underscore between
letters (a booru tag's "old_woman") as a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_TOKEN = re.compile(
    r"(?P<network><[A-Za-z][\w.-]*:[^<>\n]{1,160}?>"  # a front-end's extra network: "<lora:add_detail:0.8>",
    r"|(?<![\w<])(?i:lora|lyco|lycoris|locon|loha|hypernet|embedding):[\w.-]+(?::-?\d+(?:\.\d+)?)?)|"  # or bare
    r"(?P<word>[yY][/.][oO](?:\.(?!\w))?(?!\w)|(?:[oO]ver|[uU]nder)-\d{1,2}['’]?s\b|[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:['’](?![^\W\d_]))?)"
    r"|(?P<num>\d+(?:[.,]\d+)*(?i:['’]?s\b|st\b|nd\b|rd\b|th\b|ish\b)?(?:-[^\W\d_]+)*)"
    r"|(?P<punct>[^\w\s]|_)"
)


@dataclass(frozen=True)
class Token:
    """One token of a prompt.

    Attributes:
        text (`str`): the token as written.
        start (`int`), end (`int`): its character span in the prompt.
        kind (`str`): "word", "num", "punct", or "network" (a front-end's extra-network tag, "<lora:name:0.8>",
            one token whatever its inside).
        shouted (`bool`): written in capitals within a stretch of them in a prompt otherwise in lower case
            ("OLD MAN FISHING, golden hour"), where a capital marks no name.
    """

    text: str
    start: int
    end: int
    kind: str
    shouted: bool = False

    @cached_property
    def low(self) -> str:
        """Lower case, with typographic apostrophes made plain."""
        return self.text.lower().replace("’", "'")

    @cached_property
    def core(self) -> str:
        """The word without a possessive ending ("woman's" -> "woman", "ladies'" -> "ladies")."""
        w = self.low
        if self.kind != "word":
            return w
        if w.endswith("'s"):
            return w[:-2]
        return w[:-1] if w.endswith("'") else w

    @property
    def possessive(self) -> str:
        """The possessive ending as written ("'s", "’s", "'" or ""). A trailing apostrophe after no "s" marks a
        letter left out ("an ol' man", "feelin'"), no owner."""
        ending = self.text[len(self.core) :] if self.kind == "word" else ""
        return "" if ending in ("'", "’") and not self.core.endswith("s") else ending

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def capitalised(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper() and not self.shouted


def tokenize(prompt: str) -> tuple[Token, ...]:
    """Splits `prompt` into tokens; whitespace is not a token (spans keep it recoverable).

    A trailing apostrophe closes a quotation a lone opening one began ("the words 'KEEP OFF THE GRASS'"),
    so it is no plural possessive there."""
    out: list[Token] = []
    quote_open = False
    breaks = "BREAK" in prompt and not _shouting(prompt)  # a front-end's chunk break, read once per prompt
    for m in _TOKEN.finditer(prompt):
        kind, text, start = m.lastgroup or "punct", m.group(), m.start()
        if kind == "punct" and text in "'‘" and (start == 0 or not prompt[start - 1].isalnum()):
            quote_open = True
        elif kind == "word" and quote_open and text[-1] in "'’" and len(text) > 1:
            out.append(Token(text[:-1], start, m.end() - 1, kind))
            out.append(Token(text[-1], m.end() - 1, m.end(), "punct"))
            quote_open = False
            continue
        if text == "_" and 0 < start and prompt[start - 1].isalpha() and prompt[m.end() : m.end() + 1].isalpha():
            continue  # a booru tag's words ("old_woman", "dark_skin"): the underscore stands for a space
        if text in EMPHASIS and _emphasis(prompt, start):
            continue  # markdown's "*elderly*", "**an** _old woman_": emphasis, no word; read through, so the age is
            # the person's and "a" agrees with the decoy's word ("a *elderly* man" was sent beside "a *elderly* woman")
        if breaks and kind == "word" and text == "BREAK" and not prompt[m.end() : m.end() + 1].isalnum():
            out.append(Token(",", start, m.end(), "punct"))  # "photo of a woman BREAK african, curly hair": a front-end's
            continue  # chunk break parts tags as a comma does (the tag after it was read as someone new, refused)
        if kind == "punct" and text in SETTING_OFF_DASHES and _sets_off(prompt, start, m.end()):
            text = ","  # "a woman—elderly—sitting", "a man – 70 – fishing": read as the commas they stand for
            # (the candidates copy the prompt's own characters, so the dash is still what is sent)
        out.append(Token(text, start, m.end(), kind))
    return tuple(out)


EMPHASIS = frozenset({"*", "_"})  # markdown around words
SETTING_OFF_DASHES = "—–"  # an em or en dash between words sets off a phrase as a comma does


def _shouting(prompt: str) -> bool:
    """The prompt writes words in capitals besides its "BREAK"s ("GIVE ME A BREAK"): a "BREAK" there is a word, not a
    front-end's keyword."""
    capitals = [w for w in re.findall(r"[^\W\d_]+", prompt) if w.isupper() and len(w) > 1]
    return sum(w != "BREAK" for w in capitals) > 1


def _emphasis(prompt: str, i: int) -> bool:
    """The "*" or "_" at i belongs to a run of them that touches a letter ("*elderly*", "**an**"), not ":*"."""
    a, b = i, i + 1
    while a > 0 and prompt[a - 1] in EMPHASIS:
        a -= 1
    while b < len(prompt) and prompt[b] in EMPHASIS:
        b += 1
    return (a > 0 and prompt[a - 1].isalpha()) or (b < len(prompt) and prompt[b].isalpha())


def _sets_off(prompt: str, start: int, end: int) -> bool:
    """The dash at start..end stands between words, not in a range of numbers ("30–40", "1990 – 2000")."""
    before, after = prompt[:start].rstrip()[-1:], prompt[end:].lstrip()[:1]
    return bool(before) and bool(after) and not (before.isdigit() and after.isdigit())


WEIGHT_BRACKETS = {"(": ")", "[": "]"}  # a front-end's emphasis "(word:1.2)", "(word)" and de-emphasis "[word]"


def weight_group(tokens: tuple[Token, ...], opener: int) -> tuple[int, int, int] | None:
    """(first word, last word, closing bracket) of the prompt weight that token `opener` opens: "(old:1.2)",
    "(middle aged)", "[young]", "(50 year old:1.1)", holding up to four words or numbers and nothing else. None if `opener` opens none."""
    if opener >= len(tokens) or (close := WEIGHT_BRACKETS.get(tokens[opener].text)) is None:
        return None
    if (inner := weight_group(tokens, opener + 1)) is not None:  # "((old))", "((old:1.2))": nested emphasis
        j = inner[2] + 1
        if close == ")" and j + 1 < len(tokens) and tokens[j].text == ":" and tokens[j + 1].kind == "num":
            j += 2
        return (inner[0], inner[1], j) if j < len(tokens) and tokens[j].text == close else None
    j = opener + 1
    while j < len(tokens) and j - opener <= 4 and (tokens[j].kind in ("word", "num") or tokens[j].text == "-"):
        j += 1  # "(50 year old:1.2)"; "-" joins words the tokenizer split ("(50-year old)")
    last = j - 1
    decade = tokens[last].kind == "num" and tokens[last].low.endswith("s")  # "(mid-40s:1.2)", "((70s))"
    if last <= opener or not (tokens[last].is_word or decade):
        return None
    if close == ")" and j + 1 < len(tokens) and tokens[j].text == ":" and tokens[j + 1].kind == "num":
        j += 2  # the weight, a plain number ("1.2", "0.8")
    return (opener + 1, last, j) if j < len(tokens) and tokens[j].text == close else None


def weight_group_ending(tokens: tuple[Token, ...], closer: int) -> tuple[int, int, int] | None:
    """(opening bracket, first word, last word) of the prompt weight that token `closer` closes, or None."""
    for opener in range(closer - 1, max(-1, closer - 8), -1):
        if (group := weight_group(tokens, opener)) is not None and group[2] == closer:
            return opener, group[0], group[1]
    return None


ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "mx", "dr", "st", "jr", "sr", "prof", "rev", "capt", "gen", "col", "lt",
                           "sen", "rep", "gov", "sgt", "pres", "fr", "det", "cpl", "pvt", "maj", "adm", "insp", "cmdr", "supt"})
# (a title's full stop ends no sentence: "Sen. Elizabeth Warren speaking" was "A person. A woman speaking")


def sentence_starts(tokens: tuple[Token, ...]) -> frozenset[int]:
    """Indices of tokens that open a sentence: the first, and any after . ! ? (not after "Mrs.")."""
    starts = {0}
    for i, t in enumerate(tokens[:-1]):
        if t.text in ("!", "?") or (t.text == "." and not (i and tokens[i - 1].low in ABBREVIATIONS)):
            starts.add(i + 1)
    return frozenset(starts)
