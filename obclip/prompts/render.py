"""The cloud view: a template rendered with one value combination, in one canonical wording.

Every slot is written the same way whatever the user typed: determiner, the other modifiers
as written, then age, ethnicity and (for a neutral noun) gender words from fixed tables, then
the class's canonical noun ("mum" -> "mother"/"father"; "a little girl" -> "a young woman"); a person owned by
someone and known by age alone is a friend ("her baby" -> "her little friend", "his old male friend").
So the real candidate is phrased exactly like its decoys; the device finishes its own steps
with the user's exact prompt. Pronouns keep their role and letter case; articles agree.
"""

from __future__ import annotations

import re
from dataclasses import replace

from obclip.prompts import grammar as g
from obclip.prompts.ages import APPROXIMATE
from obclip.prompts.lexicon import HELD, Lexicon
from obclip.prompts.template import AgePhrase, Held, Person, Phrase, Predicate, Pronoun, Template

Assignment = tuple[dict[str, str], ...]  # per person: attribute -> value

_ARTICLE = re.compile(r"\b(a|an|A|An|AN)(\s+[(\[]*)([^\W_][\w'’-]*)")  # through a weight: "an (old man:1.2)"
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)])")
_SPACE_AFTER = re.compile(r"([(])\s+")
_DOUBLE_COMMA = re.compile(r"([,;])\s*(?:[,;]\s*)+")
_COMMA_BEFORE_END = re.compile(r"[,;]\s*(?=[.!?](?:\s|$))")


def render(template: Template, assignment: Assignment, lex: Lexicon) -> str:
    """The cloud text of `template` with person j's attributes set to `assignment[j]`."""
    out, cursor, owner, described = [], 0, False, []
    for start, end, seg in template.spans:
        if start < 0:
            continue  # a proxy inside a phrase: the phrase's rendering already leaves it out
        out.append(template.prompt[cursor:start])
        possessed = owner and not template.prompt[cursor:start].strip()
        if isinstance(seg, Phrase):
            person = template.persons[seg.person]
            if re.search(r"[.!?\"“”]", template.prompt[cursor:start]):
                described.clear()  # "another" looks back within a sentence only
            seg = _another(seg, person, assignment[seg.person], described)
            out.append(_phrase(seg, person, assignment[seg.person], lex, possessed))
        else:
            out.append(_segment(seg, template.persons, assignment, lex))
        owner = (isinstance(seg, Pronoun) and seg.role == "possessive") or (isinstance(seg, Phrase) and bool(seg.possessive))
        cursor = end
    out.append(template.prompt[cursor:])
    text = normalise("".join(out))
    # a prompt that opens with a capital keeps one when its first words were held back ("John, a firefighter,
    # sits" -> "A firefighter sits"), so the cloud view opens alike for every value
    opening = next((c for c in template.prompt if c.isalpha()), "")
    if opening.isupper() and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def _another(seg: Phrase, person: Person, values: dict[str, str], described: list[tuple]) -> Phrase:
    """`seg` with "another" for "a" where an earlier person's phrase says the same ("two men and another man"),
    and "a" for the user's "another" where none does; `described` gathers each phrase's description.

    A decoy of "two men and a woman" read "two women and a woman", which no one writes: the server could tell it
    from the real one (round 92). The article follows the values rendered, never the user's word, so "a man and
    another man" and "a woman and a man" give one set."""
    mods = tuple(m.lower() for m in seg.mods if g.number_value(m) is None)  # "two men" describes as "a man" does
    said = tuple(sorted((a, v) for a in person.in_phrase if (v := values.get(a)) not in (None, HELD)))  # as rendered
    key = (person.cls, person.head, mods, said)
    same = any(k == key and j != seg.person for j, k in described)
    if seg.noun is None:
        described.append((seg.person, key))
    if seg.noun is not None or person.number != "sg" or seg.det.lower() not in ("a", "an", "another"):
        return seg
    det = "another" if same else "a"  # "a" agrees with its next word in `normalise`
    return replace(seg, det=det.capitalize() if seg.det[:1].isupper() else det)


def _segment(seg: object, persons: tuple[Person, ...], assignment: Assignment, lex: Lexicon) -> str:
    if isinstance(seg, Held):
        return seg.stand_in
    if isinstance(seg, Phrase):
        return _phrase(seg, persons[seg.person], assignment[seg.person], lex)
    if isinstance(seg, Pronoun):
        gender = assignment[seg.person].get("gender") or persons[seg.person].states["gender"]
        return g.apply_case(g.PRONOUN_FORMS[seg.role][gender], seg.casing) + seg.suffix
    if isinstance(seg, Predicate):
        value = assignment[seg.person][seg.attribute]
        ages = g.AGE_TAG if seg.tag else g.AGE_PREDICATE
        word = ages[value] if seg.attribute == "age" else _adjective(seg.attribute, value, lex)
        return g.apply_case(word, seg.casing)
    if isinstance(seg, AgePhrase):
        values = assignment[seg.person]
        if seg.kind == "decade":
            gender = values.get("gender")
            poss = seg.pronoun or ("their" if seg.plural or gender is None else g.PRONOUN_FORMS["possessive"][gender])
            text = f"{seg.word} {g.apply_case(poss, seg.pronoun_casing)} {g.AGE_DECADE[values['age']]}"
            return g.apply_case(text, g.UPPER) if seg.casing == g.UPPER else text
        if seg.kind in ("aged", "of", "turning", "pushing", *APPROXIMATE):
            return f"{seg.word} {g.AGE_YEARS[values['age']]}"
        if seg.kind == "ordinal":
            return g.apply_case(g.AGE_ORDINAL[values["age"]], seg.casing)  # "80TH" -> "75TH"
        if seg.kind == "bare":
            return g.AGE_YEARS[values["age"]]
        if seg.kind == "ish":
            return f"{g.AGE_YEARS[values['age']]}-ish"  # "a guy thirty-ish" -> "a man 45-ish": said after the noun
        if seg.kind == "born":
            return g.BIRTH_YEAR[values["age"]]
        return g.apply_case(f"{g.AGE_YEARS[values['age']]} years old", seg.casing)
    raise TypeError(f"unknown segment {seg!r}")


def _adjective(attribute: str, value: str, lex: Lexicon) -> str:
    table = {"gender": g.GENDER_ADJECTIVE, "age": g.AGE_ADJECTIVE, "ethnicity": g.ETHNICITY_ADJECTIVE}.get(attribute)
    return table[value] if table is not None else lex.adjective(attribute, value)


def _phrase(seg: Phrase, person: Person, values: dict[str, str], lex: Lexicon, possessed: bool = False) -> str:
    if seg.noun is not None:  # a second mention speaks with its own noun: the person's values, its words
        cls, head_word, number, in_phrase = seg.noun
        # an attribute held on the device over the budget after this mention was read ("A young father ... his
        # wife": "young" held, the noun again "the father's") is said by neither mention (round 100: KeyError 'age')
        person = Person(cls=cls, head=head_word, number=number, in_phrase=set(in_phrase) & set(values), anchor=person.anchor)
    words = [seg.det] if seg.det else []
    mods = [m for m in seg.mods if not m.endswith("-")]
    split = len(mods)  # nouns used as modifiers stay next to the head: "a young tennis player", not "a tennis young"
    while split and (_noun_modifier(mods[split - 1], lex) or (  # "high school" stays whole before its noun
            split < len(mods) and f"{mods[split - 1]} {mods[split]}".lower() in lex.senses.compounds)):
        split -= 1
    words += mods[:split]
    gender = values.get("gender") if "gender" in person.in_phrase else None
    # a child of class person is a boy, a girl or a child; "little" stays before it, as the age word of every
    # other value does, so the phrase opens alike for every value (its letter case reads back the same). Without
    # it ("a teenage girl" sent as "a girl", tried twice) the device's swap check refuses honest answers on the
    # embedded pair, which learnt "little" as the child cue (docs/privacy.md, "Children, tried and reverted")
    child_noun = "age" in person.in_phrase and values["age"] == "child" and person.cls == "person"
    # "her baby", "his grandmother": a friend of any age and gender reads naturally after any owner
    owned = possessed and not seg.det or seg.det.lower() in g.OWNER_DETERMINERS  # "her baby", "my grandmother"
    befriended = owned and "age" in person.in_phrase and person.cls == "person"
    if "age" in person.in_phrase:
        words.append(g.AGE_ADJECTIVE[values["age"]])
    if "ethnicity" in person.in_phrase and values.get("ethnicity", HELD) != HELD:
        words.append(g.ETHNICITY_ADJECTIVE[values["ethnicity"]])
    for attribute in sorted(person.in_phrase - {"gender", "age", "ethnicity"}):  # attributes a lexicon file added
        words.append(lex.adjective(attribute, values[attribute]))
    if person.cls == g.TAG_CLASS:  # "1girl" -> "1boy": the count stays glued to the noun, as a tag is written
        head = g.TAG_NOUN[person.number].get(gender or "", person.head)
        if words and words[-1].isdigit():
            head = words.pop() + head
    elif befriended:
        head = g.POSSESSED_NOUN[person.number]
        if gender is not None:
            words.append(g.GENDER_ADJECTIVE[gender])
    elif child_noun:
        head = g.CHILD_NOUN[person.number][gender or "none"]
    elif person.cls is not None:
        head = lex.form(person.cls, person.number, gender)
        neutral = lex.form(person.cls, person.number, None)
        if gender is not None and neutral and any(lex.form(person.cls, person.number, v) in g.MARKED_FORMS
                                                  for v in ("male", "female")):  # fmt: skip
            words.append(g.GENDER_ADJECTIVE[gender])  # "a maid" -> "a female servant" beside "a male servant"
            head = neutral
        if head is None:  # a class with no neutral noun ("widow") always states gender
            head = lex.form("person", person.number, None) or "person"
    else:
        head = person.head
        if gender is not None:
            words.append(g.GENDER_ADJECTIVE[gender])
    words += mods[split:]
    prefix = "".join(m for m in seg.mods if m.endswith("-"))
    words.append(prefix + head)
    text = " ".join(words)
    if seg.possessive:
        apostrophe = "’" if "’" in seg.possessive else "'"
        text += apostrophe if text.endswith("s") and person.number == "pl" else apostrophe + "s"
    if seg.casing == g.TITLE and seg.det in ("a", "an"):  # "a Girl And Her Grandpa": the article stays as written
        return seg.det + " " + g.apply_case(text.removeprefix(seg.det + " "), seg.casing)
    return g.apply_case(text, seg.casing)


def _noun_modifier(word: str, lex: Lexicon) -> bool:
    """A word that is a noun and no adjective ("tennis", "construction"): part of a compound with the head."""
    tags = lex.tags(word.lower())
    return "n" in tags and "a" not in tags


def normalise(text: str) -> str:
    """Spacing and articles made regular after words were left out or replaced (idempotent)."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(r"\1 ", text)
    text = _COMMA_BEFORE_END.sub("", text)  # "A toddler, about 18 months old, taking her first steps." -> "A little
    # child." once both are held ("A little child, ." read back as "A little child,.": refused, round 93)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    text = text.lstrip(",;: ").rstrip(",;: ")
    shouting = not any(c.islower() for c in text)  # in an all-caps prompt capitals say nothing about acronyms
    return _ARTICLE.sub(lambda m: _agree(m, shouting), text)


def _agree(m: re.Match[str], shouting: bool = False) -> str:
    article, space, word = m.group(1), m.group(2), m.group(3)
    before = m.string[: m.start()].rstrip(" ")
    if article in ("A", "An") and before[-1:].isalpha() and before.split()[-1][:1].isupper() and word[:1].islower():
        return m.group(0)  # "past Hoi An lanterns": a capital between a capitalised word and a lower-case one is a
        # name's ("Hoi A" was sent); in title case ("Portrait Of An Old Man") the article still agrees
    if (word[:2].isupper() and not shouting) or (len(word.split("-")[0]) == 1 and word[:1].isalpha()):
        return m.group(0)  # "an SUV", "an X-ray": letters read aloud as the user reads them, kept as written
    right = g.indefinite_article(word)
    if article == "AN" or (article == "A" and word.isupper() and len(word) > 1):
        right = right.upper()
    elif article[0].isupper():
        right = right.capitalize()
    return f"{right}{space}{word}"
