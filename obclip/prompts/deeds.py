"""What a named person does, when it names them: held back on the device with the name.

A name is held back and its person varied ("Hiroshi and his son" -> "A man and his son" / "A woman and her
son"). That hides who it is only if the rest of the sentence does not say it: "Abraham Lincoln giving the
Gettysburg Address" went out as "A man giving the Gettysburg Address" beside "A woman giving the Gettysburg
Address", a decoy history contradicts; "Gandalf saying you shall not pass" as "A woman saying you shall not
pass". Two kinds of deed name someone:

- **a public figure's**: everyone WordNet names (`Senses.public_figures`: people, gods and legends, 8,318:
  "Abraham Lincoln", "Cleopatra", "Santa Claus", "Sherlock Holmes") and the characters named by a capitalised
  person noun ("Wonder Woman", "Superman"). What the sentence says such a person does or where is theirs: the
  rest of the name's clause, and the comma parts that go on with it (an -ing verb or a preposition first,
  "Cleopatra, bathing in milk, ancient Egypt"), stay on the device. The style tags after it are sent
  ("daguerreotype style"), and so is a person's own appositive ("Athena, goddess of wisdom, ...").
- **anyone's words**: what a named person says, a speech verb's complement or a quotation ("saying you shall
  not pass"), is a line someone is known by.

A single word is a public figure only where few bear it as a given name ("Cleopatra", "Einstein", "Moses"; not
"Elizabeth", "Lincoln", "Jesus"): a private person's deed says nothing the world knows. The reduced prompt is transformed again; the
device's own steps use the whole prompt. Figures WordNet does not know ("Princess Leia", "Mario") keep their
deeds: no rule here knows them.
"""

from __future__ import annotations

import re

from obclip.prompts import grammar as g
from obclip.prompts.cues import ing_form, plain
from obclip.prompts.lexicon import Lexicon
from obclip.prompts.template import Mention

# a verb of speech after a name opens what they say ("Gandalf saying you shall not pass")
SPEECH = frozenset("""say says said saying shout shouts shouting yell yells yelling whisper whispers whispering
    exclaim exclaims exclaiming declare declares declaring quote quotes quoting recite recites reciting
    proclaim proclaims proclaiming utter utters uttering""".split())
QUOTE_MARKS = "\"“”‘’'«»"
# abbreviations a name may hold or be followed by, whose full stop ends no sentence ("Dr. Watson", "King Jr.")
ABBREVIATIONS = frozenset("dr mr mrs ms st jr sr prof rev gen col capt lt sgt mt vs".split())
TITLE_WORDS = frozenset("""the sir dame lady lord king queen prince princess emperor empress pope saint st st. dr dr. mr
    mr. mrs mrs. ms ms. miss madame president general captain colonel jr jr. sr sr. ii iii iv""".split())


def public_figure(name: str, lex: Lexicon, after_noun: bool = False) -> bool:
    """Whether `name` (a held person name as written) is someone the world knows: a WordNet person, god or
    legend, with or without its titles, or a character named by a capitalised person noun ("Wonder Woman").
    `after_noun`: the name follows a person noun ("the goddess Athena"), where one word that is a common word
    too is a surname ("Professor Park", not Mungo Park)."""
    words = [w for w in re.findall(r"[\w.'’-]+", name) if w]
    words[-1:] = [re.sub(r"['’]s$", "", words[-1])] if words else []
    known = lex.senses.public_figures
    titled = list(words)
    while titled and titled[0].lower() in TITLE_WORDS:  # "Queen Elizabeth II" -> "Elizabeth II"
        titled.pop(0)
    bare = [w for w in titled if w.lower() not in TITLE_WORDS]  # "Martin Luther King Jr." -> "Martin Luther King"
    # "Abraham Lincoln", "Queen Victoria", "Dr. Jane Goodall", "Einstein"; a surname after a title is anyone's
    # ("Mr. Johnson", "Mrs. Smith": WordNet's Johnson is a president)
    for form in (words, titled, bare):
        text = " ".join(form).lower()
        if (len(form) > 1 or form == words and not (after_noun and set(lex.tags(text)) & set("nva"))) and (
                plain(text) in known):  # fmt: skip
            return True
    last = lex.nouns.get(words[-1].lower()) if words else None
    return bool(words) and all(w[:1].isupper() for w in words) and last is not None and last.cls == "person" and (
        last.gender is not None and words[-1].lower().endswith(("man", "woman", "girl", "boy")))


def name_of(m: Mention, held: tuple[str, ...]) -> str | None:
    """The held name `m` mentions: a name held after a person noun ("the goddess Athena"), or a person's phrase that
    is a held name or ends on one ("Abraham Lincoln"; "English Hippocrates", an origin's word before it)."""
    if m.kind == "held back":
        return m.text.rstrip(",;: ") if m.why == "name" else None  # "Ali Khan, a taxi driver": its span takes the comma
    return next((h for h in held if m.kind == "person" and (m.text == h or m.text.endswith(" " + h))), None)


def deeds(text: str, mentions: tuple[Mention, ...], held: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """The spans of `text` to hold back with a held name: a public figure's deed, anyone's words."""
    people = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
    # a name is a person's phrase held whole ("Abraham Lincoln") or held after a person noun ("the goddess Athena")
    names = [m for m in mentions if name_of(m, held) is not None]
    out: list[tuple[int, int]] = []
    for m in sorted(names, key=lambda m: m.start):
        end = m.end
        for p in people:  # "Santa Claus and Mrs. Claus wrapping presents": after the people the name is listed with
            if p.start >= end and re.fullmatch(r"\s*(,|and|&|,\s*and)?\s*", text[end : p.start]):
                end = p.end
        stop = _part_end(text, end)
        noun = next((p for p in people if m.kind == "held back" and p.end < m.start and not text[p.end : m.start].strip()), None)
        titled = noun is not None and public_figure(text[noun.start : m.end], lex)  # "Citizen Genet", "Mahatma Gandhi"
        public = titled or public_figure(name_of(m, held) or m.text, lex, after_noun=noun is not None) or (
            m.kind == "person" and public_figure(m.text, lex))  # fmt: skip
        entry = lex.nouns.get(noun.text.lower()) if noun is not None else None
        if titled and entry is not None and not entry.states():
            out.append((noun.start, noun.end))  # "Mahatma" names him as "Gandhi" does: sent, it said who
        first = re.match(r"\s*([\w'’-]+)\s*", text[end:stop])
        word = first.group(1).lower() if first is not None else ""
        speech = word in SPEECH
        # what someone does opens with a verb or a preposition; "a Tom Hanks mug", "Elvis and his guitar" name a
        # thing of theirs, which says no more than the name
        acts = word in g.PREPOSITIONS or ing_form(word, lex) or ("v" in lex.tags(word) and "n" not in lex.tags(word))
        # "Athena, goddess of wisdom, holding a spear": a name alone in its part may be followed by an appositive,
        # whose "of" phrase is its own
        alone = not any(c.isalnum() for c in text[end:stop]) or word == "of"
        # "Harry Potter casting a spell at Hogwarts", "Taylor Swift ... during the Eras Tour": a full name's deed at a
        # named place, work or event ties the name to a record the world keeps, whoever WordNet knows (a private full
        # name's is held too, at the cost of its place on the server's steps); a first name is anyone's ("Maria
        # sipping espresso in Naples" keeps its place)
        deed = re.findall(r"[\w'’-]+", re.sub("|".join(map(re.escape, held)) or "$^", " ", text[end:stop]))
        full = len(re.findall(r"\b[A-Z][\w'’.-]*", name_of(m, held) or m.text)) > 1
        named = full and acts and not speech and not any(q in text[end:stop] for q in QUOTE_MARKS) and any(
            _named_word(deed, k, lex) for k in range(1, len(deed))) and any(w[:1].islower() for w in deed)  # fmt: skip
        # (not in title case, where every word has a capital)
        public = public or named
        if not (public or speech) or not (alone or acts or speech):
            continue
        if not alone:
            out.append((end, stop))
        while public and stop < len(text) and text[stop] == ",":  # the comma parts that go on with the deed
            nxt = _part_end(text, stop + 1)
            head = re.match(r"\s*([\w'’-]+)", text[stop + 1 : nxt])
            if head is None:
                break
            word = head.group(1).lower()
            if ing_form(word, lex) or word in g.PREPOSITIONS - {"of"}:
                out.append((stop + 1, nxt))
            elif not alone:  # an appositive right after a name alone in its part is the name's; anything else ends it
                break
            alone, stop = False, nxt
    return tuple(dict.fromkeys(text[a:b].strip() for a, b in out if text[a:b].strip()))


def _named_word(words: list[str], k: int, lex: Lexicon) -> bool:
    """`words[k]` is written as a name: a capital on a word that is no common one ("Hogwarts", "Wimbledon", "Osaka")
    or one of several capitalised words together ("the Death Star", "the Great Hall"); not "an X-ray", "his Mini"."""
    w = words[k]
    if not w[:1].isupper():
        return False
    beside = [words[j] for j in (k - 1, k + 1) if 0 < j < len(words)]
    return not set(lex.tags(w.lower())) & set("nva") or any(b[:1].isupper() for b in beside)


def _part_end(text: str, start: int) -> int:
    """Where the clause that goes on at `start` ends: a comma, semicolon or line break, or a sentence's full
    stop (not an abbreviation's, "Dr."), outside quotation marks."""
    quoted = False
    for k in range(start, len(text)):
        c = text[k]
        if c in QUOTE_MARKS and not (c in "'’" and 0 < k < len(text) - 1 and text[k - 1].isalnum() and text[k + 1].isalnum()):
            quoted = not quoted
        if quoted:
            continue
        if c in ",;\n":
            return k
        if c in ".!?" and (k + 1 == len(text) or text[k + 1].isspace()):
            word = re.search(r"([\w]+)$", text[start:k])
            if c != "." or word is None or word.group(1).lower() not in ABBREVIATIONS:
                return k
    return len(text)


def verb_kept(spans: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """`spans` with an opening -ing verb left in the sentence ("writing on a blackboard" -> "on a blackboard"):
    "Einstein" alone is no one's name to the parser, "Einstein writing" is; the verb alone names no one."""
    out = []
    for span in spans:
        head, _, rest = span.partition(" ")
        out.append(rest if rest and ing_form(head.lower(), lex) else span)
    return tuple(out)


def capitalised(name: str) -> str:
    """ "bob dylan" -> "Bob Dylan": a lower-case name as a name is written."""
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" "))


# "looking like Gandalf", "a woman who looks like Frida Kahlo", "dressed like Elsa": whom someone looks like
LIKENESS = re.compile(r"(?:\b(?:who|that)\s+)?\b(?:look|looks|looked|looking|lookin'?|dressed|dresses|dressing)\s+"
                      r"(?:just\s+|exactly\s+|a\s+bit\s+|kinda\s+)?(?:like|as)\s+", re.IGNORECASE)


def likenesses(text: str, held: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """The spans of `text` that say whom someone looks like, a held name ("an old dude lookin like gandalf"): the
    likeness tells who the one described is (their gender, age, origin), so it stays on the device with the name;
    sent with the name's stand-in it read "an old man lookin like a man" beside "a little girl lookin like a man"
    (round 90)."""
    out = []
    for m in LIKENESS.finditer(text):
        rest = text[m.end() :]
        name = next((h for h in sorted(held, key=len, reverse=True) if rest.startswith(h) and (
            len(rest) == len(h) or not rest[len(h)].isalnum())), None)  # fmt: skip
        figure = re.match(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", rest)  # "looking like Einstein": no name alone
        if name is None and figure is not None and plain(figure.group(0).lower()) in lex.senses.public_figures:
            name = figure.group(0)
        if name is not None:
            out.append(text[m.start() : m.end() + len(name)])
    return tuple(out)


def without(text: str, spans: tuple[str, ...], names: tuple[str, ...] = ()) -> str:
    """`text` with each of `spans` removed once, and the punctuation left around them tidied; each of `names`
    capitalised, so that a name written in lower case is read as one without the deed that showed it was
    ("cinderella in a pumpkin carriage" -> "Cinderella"; the name is held back, never sent, in any case)."""
    for span in spans:
        text = text.replace(span, "", 1)
    for name in names:
        if name.islower():
            text = text.replace(name, capitalised(name), 1)
    text = re.sub(r"\s+([,.;!?])", r"\1", text)
    text = re.sub(r",\s*(,\s*)+", ", ", text)
    return re.sub(r"\s{2,}", " ", text).strip(" ,")
