"""Realisation: writes a parsed prompt back with other attribute values, grammatically.

Forms come from the word's own paradigm; pronouns follow their person's gender and keep
their case role (subject he/she, object him/her, possessive his/her, standalone his/hers,
reflexive himself/herself); the indefinite article before a changed word agrees with it
("an old man", "a young man", "a European"); capitalisation and possessive endings are kept.
"""

from __future__ import annotations

from obclip.prompts.detect import PRONOUNS, STOP_WORDS, Parse, Token
from obclip.prompts.grammar import indefinite_article

_PRONOUN_FORMS = {
    "subject": {"male": "he", "female": "she"},
    "object": {"male": "him", "female": "her"},
    "possessive": {"male": "his", "female": "her"},
    "standalone": {"male": "his", "female": "hers"},
    "reflexive": {"male": "himself", "female": "herself"},
}


def article_for(word: str) -> str:
    """'an' before a vowel sound, else 'a' (`obclip.prompts.grammar.indefinite_article`)."""
    return indefinite_article(word)


def match_case(template: str, word: str) -> str:
    """`word` in the capitalisation pattern of `template` (lower, Title or UPPER)."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def pronoun_role(tokens: tuple[Token, ...], i: int) -> str:
    """Case role of the pronoun at token i, read from its own form and the next token."""
    word = tokens[i].core
    gender_role = PRONOUNS[word][1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    determiner = nxt is not None and nxt.is_word and nxt.core not in STOP_WORDS and not nxt.core.endswith("ly")
    if word == "her":
        return "possessive" if determiner else "object"
    if word == "his":
        return "possessive" if determiner else "standalone"
    return gender_role


def realise(parsed: Parse, prompt: str, assignment: list[dict[str, str]]) -> str:
    """The prompt with person j's attributes set to `assignment[j]` (missing keys unchanged)."""
    tokens = parsed.tokens
    replaced: dict[int, tuple[int, str]] = {}  # first token -> (last token, new text)
    for person, values in zip(parsed.persons, assignment, strict=True):
        for m in person.mentions:
            cell = tuple(values.get(a, v) for a, v in zip(m.paradigm.attributes, m.values, strict=True))
            form = m.paradigm.form(cell)
            first, last = tokens[m.first], tokens[m.last]
            suffix = last.text[len(last.core) :] if last.text.lower() != last.core else ""
            replaced[m.first] = (m.last, match_case(first.text, form) + suffix)
        gender = values.get("gender")
        for i in person.pronouns:
            if gender is not None:
                replaced[i] = (i, match_case(tokens[i].text, _PRONOUN_FORMS[pronoun_role(tokens, i)][gender]))
    out, cursor = [], 0
    for i, t in enumerate(tokens):
        if i in replaced:
            last, text = replaced[i]
            out.append(prompt[cursor : t.start] + text)
            cursor = tokens[last].end
        elif t.core in ("a", "an") and i + 1 in replaced:
            out.append(prompt[cursor : t.start] + match_case(t.text, article_for(replaced[i + 1][1])))
            cursor = t.end
    out.append(prompt[cursor:])
    return "".join(out)
