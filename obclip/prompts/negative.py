"""Negative prompts: which comma-separated tags the cloud may read, and which stay on the device.

Policy (hold back): a negative prompt is split at commas into tags. A tag that holds anything the
prompt parser would protect or hold back in a prompt (a person noun, an attribute adjective such
as "old" or "asian", a title, a first name, a pronoun, a proxy such as "beard" or "wrinkles"), or
that the parser refuses to read, is kept on the device only; the cloud gets the remaining tags, in
their order, joined by ", ". The device runs its own steps with the whole negative prompt.

Why the server learns nothing more: the cloud text is a function of the negative prompt alone,
never of the prompt or of which candidate is real, and the same text is the unconditional branch
of every candidate of the group, so it tells the candidates no more apart than the empty prompt
did; and no word the parser treats as attribute-bearing reaches it. What is lost: the held-back
tags steer only the device's steps [k, T), where the layout is already set (docs/privacy.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from obclip.prompts import grammar as g
from obclip.prompts.candidates import transform
from obclip.prompts.lexicon import Lexicon, default_lexicon
from obclip.prompts.template import DetectionError

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class NegativeSplit:
    """A negative prompt as the device keeps it and as the cloud sees it.

    Attributes:
        negative (`str`): the user's whole negative prompt (device only).
        cloud (`str`): the attribute-free tags sent with the request ("" when none are left).
        held (`tuple[str, ...]`): the tags kept on the device.
    """

    negative: str
    cloud: str
    held: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.cloud and any(t.strip() in self.held for t in self.cloud.split(",")):
            raise ValueError("a held-back tag cannot also be sent")


def _words(tag: str) -> list[str]:
    return [w.lower().rstrip("'’").removesuffix("'s").removesuffix("’s") for w in _WORD.findall(tag)]


def attribute_words(tag: str, lex: Lexicon) -> list[str]:
    """Words and two-word phrases of `tag` that the lexicon ties to a person or an attribute."""
    words = _words(tag)
    grams = words + [" ".join(p) for p in zip(words, words[1:], strict=False)]
    values = {v.lower() for space in lex.values.values() for v in space}
    tables = (lex.nouns, lex.adjectives, lex.titles, lex.first_names, lex.proxies, g.PRONOUN_GENDER)
    return [w for w in grams if w in values or any(w in t for t in tables)]


def _parser_holds(tag: str, lex: Lexicon) -> bool:
    """Whether the prompt parser, reading the tag as a prompt, would vary, hold back or refuse it."""
    try:
        group = transform(tag, lexicon=lex)
    except DetectionError:
        return True
    return group.n > 1 or bool(group.held_back) or group.cloud_prompt != group.prompt


def split_negative(negative: str, lexicon: Lexicon | None = None) -> NegativeSplit:
    """Splits `negative` into the cloud's attribute-free tags and the tags the device keeps."""
    lex = lexicon or default_lexicon()
    tags = [t.strip() for t in negative.split(",") if t.strip()]
    held = tuple(t for t in tags if attribute_words(t, lex) or _parser_holds(t, lex))
    return NegativeSplit(negative, ", ".join(t for t in tags if t not in held), held)
