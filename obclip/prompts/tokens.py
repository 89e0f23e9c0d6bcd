"""Tokens of a prompt: words, numbers and punctuation with their character spans.

Words are Unicode letter runs joined by inner hyphens or apostrophes ("middle-aged",
"woman's", "Léman"); a trailing apostrophe after an s is a plural possessive ("ladies'").
Numbers keep their suffixes and compounds ("70s", "70's", "3rd", "70-year-old"); "y/o" and "y.o." (years old)
are one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_TOKEN = re.compile(
    r"(?P<word>[yY][/.][oO](?:\.(?!\w))?(?!\w)|(?:[oO]ver|[uU]nder)-\d{1,2}['’]?s\b|[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:['’](?![^\W\d_]))?)"
    r"|(?P<num>\d+(?:[.,]\d+)*(?:['’]?s\b|st\b|nd\b|rd\b|th\b)?(?:-[^\W\d_]+)*)"
    r"|(?P<punct>[^\w\s]|_)"
)


@dataclass(frozen=True)
class Token:
    """One token of a prompt.

    Attributes:
        text (`str`): the token as written.
        start (`int`), end (`int`): its character span in the prompt.
        kind (`str`): "word", "num" or "punct".
    """

    text: str
    start: int
    end: int
    kind: str

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
        """The possessive ending as written ("'s", "’s", "'" or "")."""
        return self.text[len(self.core) :] if self.kind == "word" else ""

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def capitalised(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()


def tokenize(prompt: str) -> tuple[Token, ...]:
    """Splits `prompt` into tokens; whitespace is not a token (spans keep it recoverable).

    A trailing apostrophe closes a quotation a lone opening one began ("the words 'KEEP OFF THE GRASS'"),
    so it is no plural possessive there."""
    out: list[Token] = []
    quote_open = False
    for m in _TOKEN.finditer(prompt):
        kind, text, start = m.lastgroup or "punct", m.group(), m.start()
        if kind == "punct" and text in "'‘" and (start == 0 or not prompt[start - 1].isalnum()):
            quote_open = True
        elif kind == "word" and quote_open and text[-1] in "'’" and len(text) > 1:
            out.append(Token(text[:-1], start, m.end() - 1, kind))
            out.append(Token(text[-1], m.end() - 1, m.end(), "punct"))
            quote_open = False
            continue
        out.append(Token(text, start, m.end(), kind))
    return tuple(out)


ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "mx", "dr", "st", "jr", "sr", "prof", "rev", "capt", "gen", "col", "lt"})


def sentence_starts(tokens: tuple[Token, ...]) -> frozenset[int]:
    """Indices of tokens that open a sentence: the first, and any after . ! ? (not after "Mrs.")."""
    starts = {0}
    for i, t in enumerate(tokens[:-1]):
        if t.text in ("!", "?") or (t.text == "." and not (i and tokens[i - 1].low in ABBREVIATIONS)):
            starts.add(i + 1)
    return frozenset(starts)
