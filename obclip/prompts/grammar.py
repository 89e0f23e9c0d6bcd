"""English agreement rules shared by everything that writes text: articles and letter case.

One source for the a/an rule: the prompt transformation and the synthetic world's captions
both use `indefinite_article`, so training captions and candidates never disagree.
"""

from __future__ import annotations

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
    w = word.lower().lstrip("\"'(")
    if w[:1].isdigit():
        return "an" if w.startswith(("8", "11", "18")) and not w.startswith(("110", "111", "180")) else "a"
    if w.startswith(_CONSONANT_SOUND):
        return "a"
    if w.startswith(_VOWEL_SOUND):
        return "an"
    return "an" if w[:1] in ("a", "e", "i", "o", "u") else "a"
