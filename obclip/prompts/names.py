"""Names and titles: which capitalised (or lower-case) words name a person, and the phrase that replaces them.

A name is held back on the device and its person becomes a slot ("Hiroshi and his son" -> "A man and his
son"); a word that only looks like a name ("Rose petals", "shot on Canon") stays a word.
"""

from __future__ import annotations

from typing import NamedTuple

from obclip.prompts import grammar as g
from obclip.prompts.cues import (
    AFTER_NAME,
    CALLERS,
    COLLECTIVES,
    COORDINATORS,
    COSTUMED,
    EVENT_MARKERS,
    GENDERED_PRONOUNS,
    HONORIFICS,
    ING_EVENTS,
    KIN_CLASSES,
    MONTHS,
    NAME_LIKE_CLOSED,
    NAMING_WORDS,
    OCCASIONS,
    ORDINAL,
    ORDINAL_WORDS,
    PERSON_SLOT_WORDS,
    PICTURE_REQUESTS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    POSSESSIVE_DETERMINERS,
    RANKS,
    ROMAN,
    SAINTS,
    STYLE_MARKERS,
    STYLE_NOUNS,
    SURNAME_PARTICLES,
    TEXT_AFTER,
    TEXT_BEFORE,
    TIME_WORDS,
    WHEN_WORDS,
    WORK_NOUNS,
    YEAR_OLD,
    dropped_g,
    listed_singular,
    name_gender,
    plain,
)
from obclip.prompts.lexicon import Noun
from obclip.prompts.template import Held, Person, Phrase
from obclip.prompts.tokens import Token

WHERE_PREPOSITIONS = frozenset("in across through around near visiting into towards toward over".split())
# words of a Stable Diffusion prompt's medium or art site, after which a bare full name is an artist
ART_CUES = frozenset("""artstation deviantart pixiv behance cgsociety trending illustration painting art artwork
    render octane unreal concept watercolor watercolour gouache""".split())
MAKE = "a make: a name before the thing made under it"
PICTURE_NOUNS = frozenset("photo picture image painting drawing sketch statue bust portrait selfie pic pics shoot photoshoot "
                          "headshot snapshot".split())  # "a fashion shoot of kate moss", "pic of jess n me" (round N1)
# the first word of a surname, never a first name before one ("van gogh", "de niro", "da vinci")
AGE_OF_THINGS = frozenset({"old", "older", "oldest", "ancient"})  # ages said of things too ("an old Ford Mustang")
NAME_ARTICLES = frozenset("la el los las il lo der die das".split())  # articles opening names of places and things


class NameCue(NamedTuple):
    """Why a word may be a name (`NamesMixin.name_cue`)."""

    title: bool  # "Mrs", "Dr"
    noun: Noun | None  # the word as a person noun, if it is one
    noun_title: bool  # a gendered noun before a first name: "Queen Elizabeth", "Grandma Rose"
    first: bool  # a first name, capitalised or where only a name fits
    famous: bool  # a capitalised proper noun of WordNet


# words after a name that make it a brand's ("martha stewart branded cookware", "a gordon ramsay brand knife")
BRAND_WORDS = frozenset("branded brand brands signature-series licensed".split())
LOCATIVES = frozenset("in across throughout inside outside".split())  # a capitalised name after them is a place


# honorifics written after a name ("tanaka-san", "Yuki-chan", "Kim-ssi"): the word before them is a person's name
PLACE_KEPT = "a place: what one walks or lives in"  # a name read as a place by where it stands ("in Gion")
LIKENESS_SUFFIXES = frozenset("like style esque type inspired lookalike".split())  # "an Oprah-style host"
HONORIFIC_SUFFIXES = frozenset("san sama kun chan sensei senpai ssi nim".split())


NICKNAME_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’"}  # what opens a nickname inside a name -> what closes it


# adverbs that stand between a subject and its verb ("Maria still dances")
FREQUENCY_ADVERBS = frozenset("still also always often never just even sometimes usually again now rarely".split())


# places that keep a likeness of whom they are named after ("the Martin Luther King Jr. memorial" has his statue)
LIKENESS_PLACES = frozenset({"memorial", "monument", "shrine", "tomb", "mausoleum", "grave"})
# places whose first sense in WordNet is a person, so `senses.place_heads` lacks them ("Joe's Diner" is a place)
PLACES_FIRST_PEOPLE = frozenset({"diner"})


class NamesMixin:
    """Passes of `obclip.prompts.parse._Parser` that find names (mixed in; reads its token state)."""

    def mark_names(self) -> None:
        """Titles and first names: the person is kept (canonical phrase), the name itself held back.

        Three sweeps: artists whose style is asked for ("by John Singer Sargent", "in the style of Cézanne",
        "Alphonse Mucha style") stay as written; a word after "named"/"called" is a name whatever its case;
        then every other word that reads as a name, a title or a gendered title noun ("Queen Elizabeth")."""
        self.mark_artists()
        self.mark_named_after()
        for i, t in enumerate(self.tokens):
            stem, _, suffix = t.core.rpartition("-")
            if self.free(i) and t.is_word and suffix in HONORIFIC_SUFFIXES and len(stem) > 1 and stem.isalpha() and (
                    not (self.thing_noun(i + 1) and not self.ing(self.tokens[i + 1]))):  # fmt: skip  # not "a hello
                # kitty-chan sticker"
                # "tanaka-san bowing", "Yuki-chan": a name with its honorific is someone, whatever the case; the
                # name and its suffix (which says where the name is from) are held back, the person is "a person"
                self.unknown_name_phrase(i, i)
        self.hold_likenesses()
        for i in range(len(self.tokens)):
            if (end := self.capital_name_before_agent(i)) is not None:
                self.unknown_name_phrase(i, end)
        self.hold_tag_names()
        self.hold_names_before_nouns()
        for i, t in enumerate(self.tokens):
            if self.free(i) and t.is_word:
                self.read_name(i)

    def hold_likenesses(self) -> None:
        """ "an Oprah-style talk show host", "a Gandalf-like wizard": a person's name made a word of likeness says
        whom the person looks or acts like, and so who they are (round 86: sent beside a decoy of the other gender).
        It stays on the device as a name does; the person after it is varied. Before a thing ("a Mucha-style
        poster", "a Rembrandt-style portrait") it is a style, as "in the style of" is, and goes as written."""
        for i, t in enumerate(self.tokens):
            stem, _, suffix = t.core.rpartition("-")
            if not (self.free(i) and t.is_word and suffix in LIKENESS_SUFFIXES and t.text[:1].isupper() and (
                    plain(stem) in self.lex.first_names or stem in self.lex.senses.public_figures)):  # fmt: skip
                continue
            j = i + 1
            while j < min(i + 4, len(self.tokens) - 1) and self.noun(self.tokens[j]) is None and (
                    self.thing_noun(j) or self.tokens[j].core in self.lex.adjectives):  # fmt: skip
                j += 1  # "talk show host", "old professor": the phrase's head is the person
            if (w := self.tok(j)) is not None and w.is_word and self.free(j) and self.noun(w) is not None:
                self.claim(i, i, Held(t.text, "name"))

    def hold_names_before_nouns(self) -> None:
        """ "Athena goddess of wisdom with her owl", "Maria teacher of the year": a capitalised first name opening a
        phrase right before a lower-case person noun names that person; the name is held and its gender joins the
        noun's ("Athena" was sent as written beside "Athena god of wisdom with his owl")."""
        if self.title_mode or self.upper_mode:
            return
        for i, t in enumerate(self.tokens[:-1]):
            prev, nxt, after = self.tok(i - 1), self.tokens[i + 1], self.tok(i + 2)
            found = self.noun(nxt) if nxt.is_word and not nxt.capitalised else None
            if not (self.free(i) and self.free(i + 1) and t.is_word and t.capitalised and not t.possessive) or (
                    found is None or found[0].number != "sg" or plain(t.core) not in self.lex.first_names
                    or t.core in g.CLOSED or (set(self.lex.tags(t.core)) & set("nva") and "N" not in self.lex.tags(
                        t.core))):  # fmt: skip  # "Rose gardener": a common word first; "Maria" a name first
                continue
            if prev is not None and not (prev.text in ",;:(" or prev.low == "and") or (
                    after is not None and after.is_word and self.noun(after) is not None):  # fmt: skip
                continue
            gender = name_gender(self.lex.first_names.get(plain(t.core), ""))
            self.claim(i, i, Held(t.text, "name"))
            self.apposition[i] = ({"gender": gender} if gender else {}, plain(t.core), False)

    def mark_known_people(self) -> None:
        """ "Genghis Khan leading his army", "Sitting Bull": a person WordNet names in several words, none of which
        opens a name by itself (`Senses.person_names`), written with its capitals (or in a lower-case prompt, with a
        word that is only a name), is someone, named: held back, "a person" whose gender the prompt's own words give
        (the name went out in clear beside decoys of "her army"). Read before capitalised runs are kept as things'
        names ("Sitting Bull" was one)."""
        for i, t in enumerate(self.tokens):
            if not (t.is_word and self.free(i) and (t.capitalised or self.lower_mode)) or self.upper_mode:
                continue
            for words in self.lex.person_name_index.get(t.core, ()):
                end = i + len(words) - 1
                if end >= len(self.tokens) or not all(self.free(k) for k in range(i, end + 1)):
                    continue
                toks = self.tokens[i : end + 1]
                if (self.lower_mode or self.title_mode) and all(set(self.lex.tags(w.core)) - {"p", "P", "N"} for w in toks):
                    continue  # "a crazy horse running": in lower case (or in title case, "Portrait of Genghis Khan"
                    # is his), words that are all common words are those
                if all(w.core == word.lower() and (w.capitalised == word[:1].isupper() or self.lower_mode)
                       for w, word in zip(toks, words, strict=True)):  # fmt: skip
                    self.unknown_name_phrase(i, end)
                    break

    def mark_figures_in_common_words(self, lower: bool = False) -> None:
        """ "peter pan flying over london", "robin hood shooting an arrow", "Little Red Riding Hood meeting the wolf": a
        figure WordNet names (`Senses.public_figures`) in two to four words that are each a common word too (no
        word of it is read as a name, and `mark_known_people` leaves these to common words), written
        all in lower case or all capitalised where a name stands (no article or owner before it: "a crazy horse" is a
        horse), with a verb, a clause's end or "and"/"with" after it, is that figure: held, "a person" (it went out as
        written, naming its gender and age; round 64). Not where its last word is an animal ("crazy horse running").
        Capitalised runs are read before things' names (`lower` False), lower-case ones after the names pass (`lower`),
        which reads "tom hanks" and "young bill gates" as it did."""
        if self.title_mode or self.upper_mode or (lower and not self.lower_mode):
            return
        figures = self.lex.senses.public_figures
        for i, t in enumerate(self.tokens):
            prev = self.tok(i - 1)
            if not (t.is_word and self.free(i)) or (prev is not None and prev.is_word and (
                    prev.core in g.DETERMINERS or prev.core in POSSESSIVE_DETERMINERS or prev.possessive
                    or prev.low == "as")):  # fmt: skip  # "dressed as santa claus": a costume
                continue
            for end in range(min(i + 3, len(self.tokens) - 1), i, -1):
                words = self.tokens[i : end + 1]
                if not all(w.is_word and self.free(i + k) for k, w in enumerate(words)):
                    continue
                capitals = {w.capitalised for w in words}
                if not all(set(self.lex.tags(w.core)) - {"p", "P", "N"} for w in words) or (
                        t.capitalised and (plain(t.core) in self.lex.first_names or t.core.rstrip(".") in self.lex.titles)):  # fmt: skip
                    continue  # "Nelson Mandela", "Albert Einstein", "Queen Elizabeth": read as names are (`read_name`);
                    # in lower case "peter pan" and "robin hood" are read as no name
                if " ".join(w.core for w in words) not in figures or capitals != {not lower} or (
                        words[-1].core in self.lex.senses.animals or words[-1].possessive):  # fmt: skip
                    continue  # "Saint Peter's": a church named for him
                nxt = self.tok(end + 1)
                if nxt is None or not nxt.is_word or self.ing(nxt) or nxt.low in ("and", "with") or (
                        "v" in self.lex.tags(nxt.core) and nxt.low.endswith("s") and self.noun(nxt) is None):  # fmt: skip
                    self.unknown_name_phrase(i, end)
                    break

    def mark_characters(self) -> None:
        """ "Wonder Woman standing on a rooftop", "Iron Man flying", "Bat Girl on a rooftop": a capitalised thing
        noun before a capitalised gendered person noun, two words alone, is a character's name, as "Spider-Man" is:
        held, "a woman" whose gender is varied ("Wonder Woman" went out as written beside "Wonder Man"). Not after
        an article or a capitalised word ("a Business Woman", "the Old Man of the Mountain"), not before a thing
        noun ("a Wonder Woman costume" names the costume's kind), not after "as" (a costume), not in title or upper
        case; only "man", "woman", "girl", "boy" and their like ("Burger King" is a brand, "Dear Mom" a greeting)."""
        if self.title_mode or self.upper_mode:
            return
        for i, t in enumerate(self.tokens):
            found, prev = self.noun(t), self.tok(i - 1)
            if found is None or not t.capitalised or not self.free(i) or t.possessive or found[0].cls != "person" or (
                    found[0].gender is None or found[0].number != "sg" or t.core in ("man", "woman", "girl", "boy")
                    or found[0].ethnicity is not None  # "Dutchman", "Frenchman": a people's word
                    or not t.core.endswith(("man", "woman", "girl", "boy"))):  # fmt: skip
                continue
            if prev is not None and prev.is_word and (prev.core in g.DETERMINERS or prev.core in POSSESSIVE_DETERMINERS
                                                     or prev.low == "as" or prev.core in self.lex.adjectives):  # fmt: skip
                continue
            # "Superman flying over Metropolis", "Batman on a rooftop": a capitalised compound of "man" with no article
            # is a character's name, as "Spider-Man" is ("Man flying over Metropolis" was sent)
            self.character(i, i, found[0].gender)
        for i, t in enumerate(self.tokens[:-1]):
            nxt, prev, after = self.tokens[i + 1], self.tok(i - 1), self.tok(i + 2)
            found = self.noun(nxt) if nxt.is_word and nxt.capitalised and not t.possessive else None
            if found is None or found[0].gender is None or found[0].cls != "person" or found[0].number != "sg" or not (
                    t.is_word and t.capitalised):  # fmt: skip  # "Burger King", "Dear Mom": a rank, a kin word
                continue
            if not (self.free(i) and self.free(i + 1)) or "n" not in self.lex.tags(t.core) or t.core in self.lex.nouns or (
                    t.core in self.lex.adjectives or plain(t.core) in self.lex.first_names or t.core in g.CLOSED
                    or t.core.rstrip(".") in self.lex.titles):  # fmt: skip
                continue
            if prev is not None and prev.is_word and (prev.capitalised or prev.core in g.DETERMINERS or prev.low == "as"
                                                     or prev.core in POSSESSIVE_DETERMINERS):  # fmt: skip
                continue  # "cosplaying as Wonder Woman": a costume, which the fan wears
            if after is not None and after.is_word and (after.capitalised or (
                    "n" in self.lex.tags(after.core) and after.core not in g.CLOSED and not self.ing(after)
                    and "v" not in self.lex.tags(after.core))):  # fmt: skip
                continue
            self.character(i, i + 1, found[0].gender)

    def character(self, first: int, last: int, gender: str) -> None:
        """Claims tokens first..last as a character's name: someone named, whose gender the last word says."""
        person = Person(cls="person", number="sg", anchor=first, named=True)
        person.state("gender", gender, True, self.tokens[last].text)
        person.in_phrase.add("gender")
        casing = self.phrase_case(first, last, named=True)
        self.claim(first, last, Phrase(self.new_person(person), "a", (), self.tokens[last].possessive, casing))
        self.named_spans.append((first, last))

    def mark_artists(self) -> None:
        for i, t in enumerate(self.tokens):
            if t.capitalised and self.free(i) and (i == 0 or not self.tokens[i - 1].capitalised):
                j = i
                while self.free(j + 1) and self.tokens[j + 1].capitalised and self.tokens[j + 1].is_word:
                    j += 1
                style = self.tok(j + 1)
                obj = self.tok(j + 2)  # "Priya lighting a candle": what she does to a thing, not an artist's light
                acting = obj is not None and obj.is_word and obj.core not in g.PREPOSITIONS and (
                    obj.core not in g.CONJUNCTIONS)  # fmt: skip  # "Priya lighting diyas": an object (it was kept as
                # an artist's lighting, and her name sent); "Rembrandt lighting on a face, bokeh" is a style
                if style is not None and style.low in ("style", "-style", "lighting", "aesthetic") and not self.upper_mode \
                        and not acting:  # fmt: skip
                    self.claim(i, j, Held(self.prompt[t.start : self.tokens[j].end], "not a person"))
                    continue  # "Alphonse Mucha style", "Rembrandt lighting": an artist whose style is asked for
                if style is not None and style.low in WORK_NOUNS and self.tokens[j].possessive and not self.upper_mode \
                        and (j > i or plain(self.tokens[j].core) not in self.lex.first_names):  # fmt: skip
                    self.claim(i, j, Held(self.prompt[t.start : self.tokens[j].end], "not a person"))
                    continue  # "Hokusai's version of", "Van Gogh's painting of"; "Sarah's painting" stays a name
            style_of = t.low == "of" and i > 0 and self.tokens[i - 1].low in ("style", "manner")
            if (t.low == "by" or style_of) and self.free(i + 1):
                # "by Greg Rutkowski and Alphonse Mucha", "by greg rutkowski, artgerm": each maker of the list
                j = i + 1
                while (end := self.artist_end(j)) is not None:
                    self.claim(j, end, Held(self.prompt[self.tokens[j].start : self.tokens[end].end], "not a person"))
                    joint = self.tok(end + 1)
                    if joint is None or joint.low not in ("and", "&", ","):
                        break
                    j = end + 2
        self.mark_artist_tags()

    def artist_end(self, j: int) -> int | None:
        """The last token of an artist's name from token j (after "by", "style of" or a list's "and"), or None:
        capitalised words, or in a prompt written in lower case words that can only be names ("greg
        rutkowski": a first name, a proper name of WordNet, a word no dictionary knows)."""
        end = j
        first, surname = self.tok(j), self.tok(j + 1)
        if self.lower_mode and first is not None and first.is_word and self.free(j) and (
                plain(first.core) in self.lex.first_names and surname is not None and surname.is_word
                and self.free(j + 1) and self.name_word(surname)):  # fmt: skip
            end = j + 1  # "by norman rockwell": a first name that is a word too ("Norman"), before a surname
        while self.free(end) and (t := self.tokens[end]).is_word and (t.capitalised or self.upper_mode or (
                self.lower_mode and self.name_word(t)) or (end > j and (k := self.particles_end(end)) is not None)):  # fmt: skip
            end = end + 1 if t.capitalised or self.upper_mode or self.lower_mode and self.name_word(t) else k + 1
            # "by Vincent van Gogh": the particle and the surname after it are the artist's ("by Vincent van a person")
        return end - 1 if end > j else None

    def name_word(self, t: Token) -> bool:
        """A lower-case word that reads only as (part of) a name: a first name that is no common word, a proper
        name of WordNet that is no verb or adjective, or a word no dictionary knows."""
        if t.core in g.CLOSED or self.noun(t) is not None or t.core in self.lex.adjectives or len(t.core) < 3:
            return False
        tags = set(self.lex.tags(t.core))
        return not tags - {"p", "P", "N"} or (plain(t.core) in self.lex.first_names and not tags & set("va"))

    def mark_artist_tags(self) -> None:
        """Stable Diffusion prompts list their artists as tags after the medium or the art site ("portrait of a
        woman, artstation, greg rutkowski, alphonse mucha"): a comma part that is only a full name, after a part
        that names a medium, an art site or an artist, is that artist. It is kept as written: read as a person it
        put two men in the picture ("..., a man, a man")."""
        parts, start = [], 0
        for k, t in enumerate([*self.tokens, None]):
            if t is None or t.text == ",":
                parts.append((start, k - 1))
                start = k + 1
        cue = False
        for a, b in parts:
            words = self.tokens[a : b + 1]
            if cue and 2 <= len(words) <= 3 and self.bare_name(a, b):
                self.claim(a, b, Held(self.prompt[words[0].start : words[-1].end], "not a person"))
            cue = cue or any(w.low in ART_CUES for w in words) or any(
                not self.free(k) and self.tokens[k - 1].low == "by" for k in range(max(a, 1), b + 1))

    def bare_name(self, a: int, b: int) -> bool:
        """Tokens a..b are a free full name and nothing else: a first name or a capitalised word, then name words."""
        words = self.tokens[a : b + 1]
        if not all(self.free(k) and self.tokens[k].is_word for k in range(a, b + 1)):
            return False
        return (plain(words[0].core) in self.lex.first_names or words[0].capitalised) and all(
            (w.capitalised and self.capital_name_part(w)) or (self.lower_mode and self.name_word(w)) for w in words[1:])

    def titled_unknown(self, i: int, things_only: bool = False) -> int | None:
        """The last token of a name opened by a capitalised title or gendered noun at token i whose capitalised
        words after it are no dictionary word and no first name ("Lady Gaga", "Sir Mix"), or name a thing
        ("Mrs Potato Head toy"): the name is held back whole. None otherwise ("Queen Elizabeth" is a titled
        first name, read by `name_cue`; "the Queen" alone is a noun)."""
        t = self.tokens[i]
        noun = self.noun(t)
        if not t.capitalised or self.title_mode or self.upper_mode or not (
                t.core.rstrip(".") in self.lex.titles or (noun is not None and noun[0].gender is not None)):
            return None
        end = i
        while self.free(end + 1) and self.tokens[end + 1].is_word and self.tokens[end + 1].capitalised:
            end += 1
        if end == i:
            return None
        words = self.tokens[i + 1 : end + 1]
        unknown = any("n" not in self.lex.tags(w.core) and plain(w.core) not in self.lex.first_names
                      and self.noun(w) is None for w in words)  # fmt: skip  # "Gaga" is only an adjective
        after = self.tok(end + 1)  # "Señora Gutiérrez selling tamales": an -ing word there is what she does
        thing = self.thing_noun(end + 1) and not self.ing(after) and not any(
            plain(w.core) in self.lex.first_names for w in words)
        return end if thing or (unknown and not things_only) else None

    def in_lettering(self, i: int) -> bool:
        """Whether token i is in a capitalised run of words written on a thing (`TEXT_BEFORE` / `TEXT_AFTER`)."""
        if not self.tokens[i].capitalised:
            return False
        first, last = i, i
        while first > 0 and self.tokens[first - 1].is_word and self.tokens[first - 1].capitalised:
            first -= 1
        while last + 1 < len(self.tokens) and self.tokens[last + 1].is_word and self.tokens[last + 1].capitalised:
            last += 1
        before, after = self.tok(first - 1), self.tok(last + 1)
        return (before is not None and before.low in TEXT_BEFORE) or (after is not None and after.low in TEXT_AFTER)

    def mark_named_after(self) -> None:
        """"a man named Bob", "a woman called maria": the name is held back, whatever its case."""
        for i, t in enumerate(self.tokens):
            nxt = self.tok(i + 1)
            if t.low in ("call", "calls") and self.called_by_others(i):
                continue
            if t.low in NAMING_WORDS and self.free(i) and self.thing_noun(i - 1) and not self.creature(i - 1) and (
                    (end := self.thing_name_end(i + 1)) is not None):  # fmt: skip
                self.keep(i + 1, end, f"it names the {self.tokens[i - 1].core} before it")
                continue  # "A ship named 'Queen Mary' docked": the ship's name (round 96: "named 'a king'" was a decoy)
            if t.low in NAMING_WORDS and self.free(i) and self.free(i + 1) and nxt.is_word and nxt.core not in g.CLOSED and (
                    plain(nxt.core) in self.lex.first_names or (nxt.capitalised and not self.lex.tags(nxt.core))
                    or (nxt.capitalised and (b := self.tok(i - 1)) is not None and self.noun(b) is not None)):  # fmt: skip
                self.hold_name(i, i + 1)  # "a boy named Hunter": after a person, a capitalised word is a name
                self.named_after.append((i, plain(nxt.core)))

    def thing_name_end(self, j: int) -> int | None:
        """The last token of a capitalised name from token j, with its quotes if it opens on one ("'Queen Mary'"),
        else None."""
        quote = (q := self.tok(j)) is not None and q.text in NICKNAME_QUOTES
        k = j + quote
        while (w := self.tok(k)) is not None and w.is_word and w.capitalised and self.free(k):
            k += 1
        if k == j + quote:
            return None
        if quote and (c := self.tok(k)) is not None and c.text in NICKNAME_QUOTES.values():
            return k
        return None if quote else k - 1

    def called_by_others(self, i: int) -> bool:
        """ "My aunt Theresa, who everyone calls Tess, ...": a relative clause giving the person's other name is held
        whole (with its commas), and the name said again later is that person (`name_again_after_named`); read as a
        name of its own, "Tess" became a second person varied apart ("My aunt, who everyone calls a man")."""
        name = self.tok(i + 1)
        if name is None or not name.is_word or not name.capitalised or not self.free(i + 1):
            return False
        k = i - 1
        while k > i - 4 and (w := self.tok(k)) is not None and w.is_word and w.low in CALLERS:
            k -= 1
        who = self.tok(k)
        if k == i - 1 or who is None or who.low not in ("who", "whom") or not all(self.free(m) for m in range(k, i)):
            return False
        first, last = k, i + 1
        if (c := self.tok(k - 1)) is not None and c.text == "," and (e := self.tok(i + 2)) is not None and e.text == ",":
            first, last = k - 1, i + 2  # "My aunt, who everyone calls Tess, leans": "My aunt leans"
        self.claim(first, last, Held(self.prompt[self.tokens[first].start : self.tokens[last].end], "name"))
        self.named_after.append((i, plain(name.core)))
        return True

    def hold_name(self, first: int, end: int) -> None:
        """Holds back tokens first..end and the capitalised name parts after them ("Will Smith")."""
        while self.free(end + 1) and self.tokens[end + 1].capitalised and self.capital_name_part(self.tokens[end + 1]):
            end += 1
        self.claim(first, end, Held(self.prompt[self.tokens[first].start : self.tokens[end].end], "name"))

    def named_business_end(self, i: int) -> int | None:
        """The last word of a capitalised name of a place or a thing after the possessive name at token i ("Joe's
        Diner", "Tony's Pizza Place"), if any; not a likeness ("Lincoln's Tomb") nor a person ("John's Wife")."""
        j, last = i + 1, None
        while j <= i + 3 and (w := self.tok(j)) is not None and w.is_word and w.capitalised and not w.possessive and (
                self.free(j)):  # fmt: skip
            last, j = j, j + 1
        if last is None or self.title_mode or self.upper_mode:
            return None
        head = self.tokens[last].core
        senses = self.lex.senses
        if head in LIKENESS_PLACES or (self.noun(self.tokens[last]) is not None and head not in PLACES_FIRST_PEOPLE):
            return None
        return last if head in senses.place_heads or head in senses.kind_heads or head in PLACES_FIRST_PEOPLE else None

    def read_name(self, i: int) -> None:
        """Token i as a name: held back, made a person's phrase, or left alone (with why, in each branch)."""
        t, prev = self.tokens[i], self.tok(i - 1)
        if any(key == plain(t.core) and k < i for k, key in self.named_after) and (
                prev is None or prev.low not in LOCATIVES):  # fmt: skip
            return  # "a boy named Leo ... Leo is wearing his cap": the boy again (`name_again_after_named`); not "a
            # girl named Paris ... in Paris"
        if t.possessive and (nxt := self.tok(i + 1)) is not None and f"{t.low} {nxt.core}" in self.lex.proxies:
            return  # "a prominent Adam's apple": a listed feature, no one's name (`mark_proxies` reads it)
        if (end := self.ampersand_make_end(i)) is not None or (
                t.possessive and prev is not None and prev.text == "&" and self.ampersand_make_end(i - 2) == i):  # fmt: skip
            self.keep(i, end, MAKE) if end is not None else self.keep(i - 2, i, MAKE)
            return  # "A Ben & Jerry's ice cream tub" (round 101: "A Ben & a man's ice cream tub"), "a pint of Ben &
            # Jerry's ice cream" (names round: Ben read first, as a name); "Mary & John's wedding" and "Tom & Anna's
            # portrait" are theirs
        if t.possessive and t.capitalised and (end := self.named_business_end(i)) is not None:
            self.keep(i, end, "the name of a place or a thing named after its owner: no one is pictured")
            return  # "Joe's Diner at night", "Mel's Pizza": the owner's name names the place (red team 63: "A man at
            # night" was sent)
        if t.capitalised and (end := self.opponent_end(i)) is not None:
            self.keep(i, end, "a name of a thing, a place, a work or an artist")
            return  # "Golden State Warriors vs Boston Celtics": the other side of "vs" is a team as the first is
            # ("... vs a man" was sent, round 69)
        if t.capitalised and self.pet_name(i):
            self.keep(i, i, "an animal's name")
            return  # "walking her dog Max" ("walking his dog a man" was sent, round 68), "my golden retriever Charlie"
            # (refused as a person's name, round 69)
        if t.core in HONORIFICS and prev is not None and prev.core in ("his", "her", "their"):
            return  # "Her Grace nods", "Her Majesty waved": a style, not a name; its pronoun is the person's
        if t.core in NAME_ARTICLES and t.capitalised and (after := self.tok(i + 1)) is not None and after.capitalised:
            return  # "La Sagrada Familia", "El Capitan", "Las Vegas": another language's article opening a name
        quoted = (q := self.tok(i - 2)) is not None and q.text in ('"', "“", "'")  # 'Dwayne "The Rock" Johnson'
        if prev is not None and prev.low == "the" and t.capitalised and not t.possessive and i - 1 not in self.starts and not quoted and (
                (after := self.tok(i + 1)) is None or not after.is_word or not (after.capitalised or self.noun(after))):  # fmt: skip
            return  # "along the Hudson", "aboard the Victoria": a name after "the" names a river, a ship, a place
        opening = prev is None and (t.core.rstrip(".") in self.lex.titles or (
            (found := self.noun(t)) is not None and found[0].cls not in KIN_CLASSES))  # "Queen Elizabeth hospital"
        if (opening or (prev is not None and prev.low == "the")) and t.capitalised and not self.title_mode and (
                not self.upper_mode) and (end := self._title_span_end(i)) is not None and self.thing_noun(end + 1) and (
                thing := self.tokens[end + 1]).core not in self.lex.senses.depiction and not self.ing(thing) and (
                not ("v" in self.lex.tags(thing.core) and thing.low.endswith(("s", "ed")))) and (
                thing.core not in g.IRREGULAR_PAST and thing.core not in g.AUXILIARIES) and (
                t.core.rstrip(".") in self.lex.titles or self.noun(t) is not None):  # fmt: skip  # not "The Old Man sat"
            if thing.core in self.lex.senses.place_heads and thing.core not in LIKENESS_PLACES:
                self.keep(i, end, f"the name of the {thing.core}, a place named after someone: no one is pictured")
                return  # "The Mother Teresa bridge in Tirana", "the King George hotel lobby" (round 58: "The bridge")
            self.claim(i, end, Held(self.prompt[t.start : self.tokens[end].end], "name"))  # "the Queen Mary ship",
            return  # "the Lady Gaga concert poster": a name, held, and no one stands in for it ("the queen ship" was
            # sent, with "the king ship"); "the Queen Elizabeth statue" shows her
        if t.capitalised and prev is not None and prev.low == "from" and not self.title_mode and not self.upper_mode and (
                any(b == i - 2 for _, b in self.named_spans)):  # fmt: skip
            end = i
            while self.free(end + 1) and self.tokens[end + 1].is_word and self.tokens[end + 1].capitalised:
                end += 1  # "Hermione from Harry Potter", "Woody from Toy Story": the work the character is from,
            self.claim(i - 1, end, Held(self.prompt[prev.start : self.tokens[end].end], "proxy"))  # no second person;
            return  # it names the character as well as her name does, so it stays on the device with the name
        lower_full = t.core in NAME_LIKE_CLOSED and self.lower_mode and self.name_opens(i, after_person=False) and (
            self.lower_surname(i + 1))  # "will ferrell running": a surname after it makes it a first name
        after_kin = t.core in NAME_LIKE_CLOSED and prev is not None and self.free(i - 1) and (
            (kin := self.noun(prev)) is not None and kin[0].cls in KIN_CLASSES and kin[0].number == "sg") and (
            not self.modal_here(i))  # fmt: skip
        if t.core in g.CLOSED and not lower_full and not after_kin and not (
                t.core in NAME_LIKE_CLOSED and t.capitalised and (i not in self.starts or self.acts_like_person(i))):
            return  # "Will and his dog" is a name; "will" is not; "aunt may baking a pie" is her name
        common = bool(set(self.lex.tags(t.core)) & set("nvar"))  # "dawn walking her dog at dawn": the time
        if plain(t.core) in self.names and plain(t.core) in self.lex.first_names and (
                t.capitalised or self.lower_mode) and (t.possessive or not common or i in self.starts or self.name_opens(i)) and (
                not (prev is not None and prev.low in PLACE_PREPOSITIONS and "P" in self.lex.tags(t.core))) and (
                prev is None or prev.low not in ("a", "an")):  # fmt: skip
            # (not after a preposition of place, where a place's name stands: "Emma and Jordan hiking in Jordan"; nor
            # after "a", where a make's does: "past a Jordan sneaker store", round 70 sent "past a the person ...")
            # "John and Mary at the beach. John waves.": a first name read as someone's earlier names that person
            # again, whatever follows it ("John waves" had been read as a kind of waves and sent as written); so
            # does its possessive ("John is a painter. ... John's studio" went out as written, round 59)
            self.name_phrase(i, False, None)
            return
        if plain(t.core) in self.apposed_names and self.apposed_names[plain(t.core)] < i and (
                t.capitalised or self.lower_mode):  # fmt: skip
            self.names_again.append(i)  # "Maria, a nurse, walks in. ... Maria checks the charts": the nurse again,
            return  # once her appositive has made her a person (`name_again_after_named`; was a second person)
        if self.names_its_thing(i):
            end = self._title_span_end(i) or i  # the capitalised run, as a title's
            self.keep(i, end, f"it names the {self.tokens[i - 1].core} before it")
            return  # "the old ship Victoria", "The ocean liner Queen Mary": the name of that thing, whole
        if (prev is not None and prev.low in STYLE_MARKERS) or self.place_word(i):
            return  # "the Greek letter Omega"
        if not t.capitalised and plain(t.core) in self.lex.first_names and "a" not in self.lex.tags(t.core) and (
                len(self.tokens[i + 2].core) > 2 if i + 2 < len(self.tokens) else False) and self.brand_name(i):  # fmt: skip
            # not "a long grey beard" (an adjective), "kim jong un" (an abbreviation is no make's thing)
            self.keep(i, i + 1, "a make: a name before the thing made under it")
            return  # "louis vuitton bag", "martha stewart branded cookware": no one is in the picture
        if (last := self.unknown_full_name(i)) is not None:
            self.unknown_name_phrase(i, last)
            return  # "a photo of oprah winfrey laughing": two words no dictionary knows, before what a person does
        if (end := self.costume_name(i)) is not None:
            self.keep(i, end, "a character someone is dressed as: a costume")
            return  # "a man dressed as santa claus ringing a bell": the man is there, the character is his costume
        # in a prompt written in lower case a word that is no English word tells its case no more than "Gion" would
        unwritten = not t.capitalised and self.lower_mode and not set(self.lex.tags(t.core)) - {"p"} and (
            t.core not in self.lex.proxies and listed_singular(t.core, self.lex.proxies) is None  # "in hanboks"
            and t.low not in self.lex.proxy_starts  # "in agbada": a garment
            and t.core not in self.lex.senses.garments and t.core.removesuffix("s") not in self.lex.senses.garments)
        if (end := self.place_after_at(i)) is not None:
            self.keep(i, end, "a place: where someone or something is at")
            return  # "painting in her garden at Casa Azul", "a girl at Hogwarts" (round 86: "at a woman" was sent)
        end = self.place_name_end(i)
        if end > i and prev is not None and prev.low in LOCATIVES | PLACE_PREPOSITIONS:
            self.keep(i, end, PLACE_KEPT)
            return  # "football fans in Buenos Aires celebrating": a place WordNet knows by several words (round 56:
            # "Aires" read as a name, "in a person" was sent)
        if prev is not None and prev.low in LOCATIVES and (t.capitalised or unwritten) and not t.possessive and (
                (nxt := self.tok(i + 1)) is None or not nxt.capitalised) and self.noun(t) is None and (
                t.core not in self.lex.adjectives and not self.title_mode and not self.upper_mode):  # fmt: skip
            self.keep(i, i, PLACE_KEPT)
            return  # "a geisha walking in Gion at dusk", "... in gion": no one walks in a person
        if prev is not None and prev.low in LOCATIVES and t.capitalised and not t.possessive and self.noun(t) is None and (
                plain(t.core) not in self.lex.first_names and not self.title_mode and not self.upper_mode) and (
                end := self._title_span_end(i)) is not None and not self.tokens[end].possessive:  # fmt: skip
            self.keep(i, end, PLACE_KEPT)
            return  # "at dawn in Chiang Mai": a name of several words in which one lives or walks, whose first word
            # is no given name (round 87: "Mai" read as one, "in a woman" was sent)
        if prev is not None and prev.low in EVENT_MARKERS and t.capitalised and not t.possessive and (
                "n" in self.lex.tags(t.core) and t.core not in self.lex.adjectives and self.noun(t) is None):  # fmt: skip
            self.keep(i, i, "a festival or a season, after a word that takes one")
            return  # "during Ramadan", "celebrating Easter": a common noun that is also a given name
        if self.in_lettering(i):
            tags = self.lex.tags(t.core)  # "P": a place ("America", "Georgia"), "p": a person's name
            if self.lex.first_names.get(plain(t.core)) in ("female", "male") and ("p" in tags or "P" not in tags):
                self.claim(i, i, Held(t.text, "name"))  # "Happy Birthday Sarah": her name stays here; "Happy", "Diem" are unisex
            return  # "Carpe Diem written on it": words on a thing
        ungendered = (found := self.noun(t)) is None or not found[0].states()  # "Singer", not "Woman"
        acting = plain(t.core) in self.lex.first_names and self.present_verb(i + 1)  # "Maria dances salsa": her
        # verb (read as a kind of dances, the name went out as written, N = 1)
        if t.capitalised and not acting and (i not in self.starts or i == 0) and not self.title_mode and (
                not self.upper_mode) and (
                ungendered and "a" not in self.lex.tags(t.core) and t.core not in self.lex.adjectives
                and t.core not in self.lex.proxies and self.brand_slot(i, i + 1, bare_start=True) and not (
                    self.tokens[i + 1].low in SURNAME_PARTICLES and (w := self.tok(i + 2)) is not None and w.capitalised)):  # fmt: skip
            if t.possessive and plain(t.core) in self.lex.first_names:
                self.claim(i, i, Held(t.text, "name"))  # "Tom's car parked in the driveway", "Emma's birthday cake": a
                return  # given name's possessive is someone's or a brand's ("Wendy's drive-thru sign"); either way it
                # says nothing the cloud needs, and it went out as written: held, no one added (as `name_before_thing`)
            self.keep(i, i, f"it names the kind of {self.tokens[i + 1].core} after it")
            return  # "a Barbie doll", "a Spider-Man action figure": the name of a kind of thing, between its article and it
        if (end := self.titled_brand(i)) is not None:
            self.keep(i, end, "a brand: a titled name where a thing's name stands")
            return  # "a Mr. Clean bottle", "a can of Mr. Pibb"
        if self.name_before_thing(i):
            self.claim(i, i, Held(t.text, "name"))  # "a Chanel perfume bottle": a brand or a person, held back
            return
        if self.role_before_surname(i):
            return  # "Officer Ramirez": the surname is held (`role_before_surname`), the officer stays a person
        if (end := self.titled_unknown(i, things_only=True)) is not None:
            self.claim(i, end, Held(self.prompt[t.start : self.tokens[end].end], "name"))
            return  # "a Mrs Potato Head toy": a titled name of a thing (a brand), held back whole
        cue = self.name_cue(i)
        if (cue.noun_title or cue.title) and self.free(i + 1) and self.name_before_thing(i + 1, titled=True):
            self.claim(i, i + 1, Held(self.prompt[t.start : self.tokens[i + 1].end], "name"))
            return  # "Aunt Jemima pancakes": a brand with a title, held back whole
        if not (cue.title or cue.noun_title or cue.first or cue.famous):
            return
        if cue.first and prev is not None and prev.text == "(" and (close := self.tok(i + 1)) is not None and (
                close.text == ")" and (who := self.tok(i - 2)) is not None and who.is_word and self.noun(who) is not None
                and self.free(i - 1) and self.free(i + 1)):  # fmt: skip
            self.claim(i - 1, i + 1, Held(self.prompt[prev.start : close.end], "name"))  # "draw mom (linda) as a
            self.named_after.append((i, plain(t.core)))  # superhero": her name in brackets, held whole (names round:
            return  # "draw father (a woman)" was a decoy)
        appositive = (cue.first or cue.famous) and cue.noun is None and not self.title_mode and not self.upper_mode
        if appositive and prev is not None and self.lex.nouns.get(prev.core) is not None and (
                cue.first or (prev.capitalised and not prev.possessive and not self.lex.nouns[prev.core].states())):  # fmt: skip
            self.hold_name(i, i)  # "her great-grandson Will": the name of the person just named; "Captain Ahab", a
            # name WordNet knows after a capitalised role that says no gender ("Captain a person" was sent; "Aunt May",
            # "King Jr." are read as titled names)
            self.named_after.append((i, plain(t.core)))  # "his sister Emily ... Emily decorates": the sister again
            return  # (round 93: a third person, varied apart, so half the decoys named a brother "Emily")
        if not (cue.title or cue.noun_title) and self.not_a_name(i, cue):
            return
        if cue.first and not cue.famous and not t.capitalised and prev is not None and prev.text == "," and (
                (nxt := self.tok(i + 1)) is None or nxt.text == ",") and any(
                w.is_word and self.noun(w) is not None for w in self.tokens[:i]):  # fmt: skip
            # "a samurai, (male:1.1), armor, katana, ...": a lower-case first name alone in a tag list after a person
            # is that person's name or a thing; never a second person. Either way it stays on the device
            self.claim(i, i, Held(t.text, "name"))
            return
        self.name_phrase(i, cue.title, cue.noun if cue.noun_title else None)

    def role_surname(self, j: int) -> bool:
        """In a lower-case prompt, token j is a singular person noun after a given name of one gender that is no
        other English word than a noun whose common reading is rare or that WordNet also knows as a person ("emma",
        "john"; not "blade"), where a name opens: "emma singer", "john baker", "stephen king", "hermione granger" name
        someone, whether the noun is their surname or what they are, and go whole (held, the person varied; with the
        name alone held, "granger reading" and "king typing a novel" went out); not after a word that is also a verb
        or an adjective ("bill collector", "ruby red", "page boy"), nor a kin noun ("uncle bob" is the other way)."""
        t, nxt = self.tok(j - 1), self.tok(j)
        if not self.lower_mode or t is None or t.capitalised or t.possessive or nxt is None or not nxt.is_word or (
                not self.free(j)):  # fmt: skip
            return False
        found = self.noun(nxt)
        return found is not None and found[0].number == "sg" and found[0].cls not in KIN_CLASSES and (
            not nxt.possessive
            and set(tags := self.lex.tags(t.core)) <= set("nNpP") and ("p" in tags or "P" not in tags)  # not "brooklyn girl"
            and ("n" not in tags or "N" in tags or "p" in tags)  # a thing's noun first ("blade runner"): no name
            and t.core not in self.lex.adjectives
            and name_gender(self.lex.first_names.get(plain(t.core), "")) is not None
            and self.name_opens(j - 1, after_person=False))  # fmt: skip

    def unknown_role(self, j: int) -> bool:
        """Token j, after "Name the", is a lower-case word no dictionary here knows, before what a person does or
        the clause's end ("Giuseppe the pizzaiolo spinning dough"): the person's kind, as "Mike the plumber" is
        (round 87: "A man the pizzaiolo spinning dough" was sent)."""
        w, after = self.tok(j), self.tok(j + 1)
        return w is not None and w.is_word and w.core.isalpha() and not w.capitalised and not self.lex.tags(w.core) and (
            after is None or not after.is_word or self.ing(after))  # fmt: skip

    def place_after_at(self, i: int) -> int | None:
        """The last token of a capitalised name at token i that follows "at" after a noun ("a woman at Casa Azul",
        "her garden at Casa Azul"): where that person or thing is, a place; one is "at" a person only after a verb
        ("smiling at Maria", "looks at Kenji"). None where the name is someone's ("at Maria's"), goes on with "and",
        or the prompt is written in capitals."""
        t, prev, noun, before = self.tokens[i], self.tok(i - 1), self.tok(i - 2), self.tok(i - 3)
        if not t.capitalised or self.title_mode or self.upper_mode or prev is None or prev.low != "at" or (
                noun is None or not noun.is_word or self.ing(noun)):  # fmt: skip
            return None
        if self.noun(noun) is None and (before is None or not (
                before.core in g.DETERMINERS or before.core in POSSESSIVE_DETERMINERS)):  # fmt: skip
            return None
        end = self._title_span_end(i) or i
        after = self.tok(end + 1)
        if self.tokens[end].possessive or (after is not None and (after.low in ("and", "&") or (
                after.capitalised and after.possessive))):  # fmt: skip  # "at John Smith's house": someone's
            return None
        return end

    def opponent_end(self, i: int) -> int | None:
        """The last capitalised word of a team's name right after "vs"/"versus": two names of several capitalised
        words, one of them ending in a plural ("Golden State Warriors vs Boston Celtics"), or after a thing's name kept
        as written; else None ("Ali vs Frazier" are two people)."""
        j = i - 1
        if (w := self.tok(j)) is not None and w.text == ".":
            j -= 1
        if (vs := self.tok(j)) is None or vs.low not in ("vs", "versus") or (other := self.tok(j - 1)) is None:
            return None
        end = i
        while (w := self.tok(end + 1)) is not None and w.is_word and w.capitalised and self.free(end + 1):
            end += 1
        kept = (k := self.used.get(j - 1)) is not None and isinstance(self.spans[k][2], Held) and (
            self.spans[k][2].why == "not a person")  # fmt: skip
        team = end > i and other.capitalised and (w := self.tok(j - 2)) is not None and w.capitalised and (
            other.core.endswith("s") or self.tokens[end].core.endswith("s"))  # fmt: skip
        return end if kept or team else None

    def pet_name(self, i: int) -> bool:
        """Token i names the animal right before it, owned or with an article: "her dog Max", "our cat Luna", "my
        golden retriever Charlie" (an animal noun that is no person noun or adjective: not "a young Maria")."""
        prev = self.tok(i - 1)
        if prev is None or not prev.is_word or prev.possessive or prev.core not in self.lex.senses.animals or (
                prev.core in self.lex.nouns or prev.core in self.lex.adjectives or "a" in self.lex.tags(prev.core)):  # fmt: skip
            return False
        k = i - 2
        while (w := self.tok(k)) is not None and w.is_word and not w.possessive and self.noun(w) is None and (
                w.core in self.lex.senses.animals or "a" in self.lex.tags(w.core)) and w.core not in g.DETERMINERS:  # fmt: skip
            k -= 1  # "my golden retriever Charlie", "our old German shepherd Rex"
        owner = self.tok(k)
        return owner is not None and (owner.core in POSSESSIVE_DETERMINERS or owner.core in g.DETERMINERS or owner.possessive)

    def costume_name(self, i: int) -> int | None:
        """The last token of a name right after "dressed as", "disguised as" (no article between: "a woman dressed
        as wonder woman", "a man dressed as santa claus"), which names a character worn as a costume; or None.
        With an article ("dressed as a woman") the words describe how the person looks, and are read as such."""
        k = i - 1
        words = [w.low for w in self.tokens[max(0, k - 2) : k + 1] if w.is_word]
        if words[-1:] != ["as"] or not set(words[:-1]) & COSTUMED:
            return None
        end = i
        while (w := self.tok(end + 1)) is not None and w.is_word and self.free(end + 1) and w.core not in g.CLOSED and (
                w.capitalised == self.tokens[i].capitalised) and (
                plain(w.core) in self.lex.first_names or not set(self.lex.tags(w.core)) - {"p", "N"}):  # fmt: skip
            end += 1  # "santa claus", "Darth Vader": the rest of the name
        if (w := self.tok(end + 1)) is not None and w.is_word and self.free(end + 1) and self.noun(w) is not None and (
                w.capitalised == self.tokens[i].capitalised):  # fmt: skip
            end += 1  # "wonder woman", "Spider Man": a character's name that ends in a person noun
        return end

    def titled_brand(self, i: int) -> int | None:
        """The last token of a name opened by an abbreviated title at token i ("Mr. Clean", "Mrs. Meyer") that
        stands where a thing's name does: between an article and a made thing ("a Mr. Clean bottle") or as what
        a container holds ("a can of Mr. Pibb"). None elsewhere ("Mr. Smith waving" is someone)."""
        t = self.tokens[i]
        if not t.capitalised or t.core.rstrip(".") not in self.lex.titles or self.title_mode or self.upper_mode:
            return None
        title = i
        k = i + 1 + ((d := self.tok(i + 1)) is not None and d.text == ".")
        if (a := self.tok(k)) is not None and a.low in ("and", "&") and (other := self.tok(k + 1)) is not None and (
                other.capitalised and other.core.rstrip(".") in self.lex.titles and self.free(k) and self.free(k + 1)):  # fmt: skip
            title = k + 1  # "Mr. and Mrs. Potato Head toys": two titles of one name ("A man and a woman Potato Head
            # toys" was sent, round 68)
        end, j = title, title + 1
        named = []  # "a Mr. Potato Head toy": the words after the title were read as a thing's name already
        while (w := self.tok(j)) is not None and (self.free(j) or self.named_thing_from(j, named)) and (
                w.text == "." and j == title + 1 or (w.is_word and w.capitalised)):  # fmt: skip
            end = j if w.is_word else end
            j += 1
            if w.possessive:
                break  # "a vintage Mrs. Butterworth's syrup bottle": the brand's possessive ends it
        if end == title:
            return None
        held = self.container_before(i) is not None
        if self.tokens[end].possessive:  # "a vintage Mrs. Butterworth's syrup bottle": an article before the
            # title, over the thing's modifiers, is the thing's, so the name is a brand ("Mr. Smith's car" is his)
            k = i - 1
            while (w := self.tok(k)) is not None and w.is_word and not w.capitalised and w.core not in g.CLOSED and (
                    set(self.lex.tags(w.core)) & set("an")):  # fmt: skip
                k -= 1
            art, thing = self.tok(k), self.tok(end + 1)
            if art is None or art.low not in ("a", "an") or thing is None or not thing.is_word or (
                    self.noun(thing) is not None):  # fmt: skip
                return None
        elif not (held or self.brand_slot(i, end + 1, adjectives=False, bare_start=True) or (
                named and (thing := self.tok(end + 1)) is not None and thing.is_word and (
                    listed_singular(thing.core, self.lex.senses.kind_heads) is not None))):  # fmt: skip
            # "Mr. and Mrs. Potato Head toys": a thing's name with its titles, before things of its kind ("toys" is
            # no verb of theirs)
            return None
        for first in named:
            self.release_named(first)  # the title and the name are one brand, kept together
        return end

    def named_thing_from(self, j: int, named: list[int]) -> bool:
        """Token j is inside a name read as a thing's (a "not a person" span); its first token is noted in `named`."""
        k = self.used.get(j)
        if k is None or not isinstance(self.spans[k][2], Held) or self.spans[k][2].why != "not a person":
            return False
        if self.spans[k][0] not in named:
            named.append(self.spans[k][0])
        return True

    def role_before_surname(self, i: int) -> bool:
        """"Officer Ramirez", "Nurse Okafor": a capitalised role noun that states no gender, before capitalised
        words no dictionary or names list knows, is addressed by its surname; the surname is held back (it can
        tell an ethnicity) and the role noun is read as the person's phrase by the later passes."""
        t = self.tokens[i]
        noun = self.noun(t)
        if not t.capitalised or self.title_mode or self.upper_mode or noun is None or noun[0].states():
            return False
        end = i
        while self.free(end + 1) and (w := self.tokens[end + 1]).is_word and w.capitalised and not self.lex.tags(w.core) and (
                plain(w.core) not in self.lex.first_names and self.noun(w) is None):  # fmt: skip
            end += 1
        if end == i:
            return False
        self.claim(i + 1, end, Held(self.prompt[self.tokens[i + 1].start : self.tokens[end].end], "name"))
        return True

    def names_its_thing(self, i: int) -> bool:
        """"the Greek letter Omega": a capitalised word after a thing noun that has an article and an adjective."""
        t, prev, before, first_word = self.tokens[i], self.tok(i - 1), self.tok(i - 2), self.tok(i - 3)
        return t.capitalised and prev is not None and self.thing_noun(i - 1) and before is not None and (
            before.core in self.lex.adjectives or "a" in self.lex.tags(before.core) or self.thing_noun(i - 2)) and (
            first_word is not None and first_word.core in g.DETERMINERS)  # fmt: skip  # "The ocean liner Queen Mary"
        # (round 84: "The ocean liner a queen docked at night" was sent)

    def name_cue(self, i: int) -> NameCue:
        """What makes token i look like a name: a title ("Mrs"), a gendered noun before a first name
        ("Queen Elizabeth"), a first name (capitalised, or lower-case where only a name fits), a proper noun."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        capital = t.capitalised or self.upper_mode
        noun = self.lex.nouns.get(t.core)
        noun_title = (capital and noun is not None and noun.gender is not None and nxt is not None
                      and nxt.capitalised and (plain(nxt.core) in self.lex.first_names
                                               or self.titled_unknown(i) is not None))  # fmt: skip  # "Lady Gaga"
        # in lower case, a title ("sir elton john") or a rank's noun ("queen elizabeth ii", "prince harry", "lady
        # gaga") before a first name or a word that names nothing opens a name as a capital does
        lower_title = self.lower_mode and not t.capitalised and self.lower_name_after(i) and (
            t.core.rstrip(".") in self.lex.titles or (noun is not None and noun.cls in RANKS))  # fmt: skip
        if lower_title and noun is not None and noun.cls in RANKS:
            noun_title = True
        glued = nxt is not None and nxt.start == t.end and nxt.kind == "num"  # "R5", "EOS"
        acronym = t.text.isupper() and not self.upper_mode and not t.shouted
        # "a photo of jessica": a first name that is no English word is a name in any case
        unknown = not capital and len(t.core) > 2 and plain(t.core) in self.lex.first_names and (
            t.core not in self.lex.nouns) and self.lowercase_name(i)
        first = (capital or unknown) and plain(t.core) in self.lex.first_names and len(t.core) > 1 and (
            not glued and not acronym)
        title = (capital or lower_title) and t.core.rstrip(".") in self.lex.titles or self.saint_title(i)
        return NameCue(title, noun, noun_title, first,
                       t.capitalised and not self.upper_mode and "p" in self.lex.tags(t.core))  # fmt: skip

    def saint_title(self, i: int) -> bool:
        """ "St. George slaying the dragon", "a statue of Saint Francis": "St"/"Saint" before a capitalised name is a
        saint's title, one person with the name (not a person "St" and another "George"); not "a Saint Bernard" (an
        article takes a breed, not a saint), not "Main St." (a street after its name)."""
        t, prev = self.tokens[i], self.tok(i - 1)
        k = i + 1 + ((dot := self.tok(i + 1)) is not None and dot.text == ".")
        name = self.tok(k)
        return t.capitalised and t.core in SAINTS and not self.title_mode and not self.upper_mode and (
            name is not None and name.is_word and name.capitalised and name.core not in g.CLOSED and self.free(k)
            and plain(name.core) in self.lex.first_names) and not (
            prev is not None and (prev.core in g.DETERMINERS or (prev.is_word and prev.capitalised)))  # fmt: skip

    def lower_name_after(self, i: int) -> bool:
        """In a lower-case prompt, the word after token i can be a name: a first name, or a word that names no
        thing and is no person noun, verb form, attribute or closed-class word ("gaga", "voldemort"); after a title's
        full stop too ("mr. rogers", "dr. fauci")."""
        dotted = (dot := self.tok(i + 1)) is not None and dot.text == "." and self.tokens[i].core in self.lex.titles
        i += dotted
        nxt, after = self.tok(i + 1), self.tok(i + 2)
        if nxt is None or not nxt.is_word or not self.free(i + 1) or nxt.core in g.CLOSED or self.ing(nxt) or (
                self.noun(nxt) is not None or nxt.core in self.lex.adjectives or nxt.core in self.lex.proxies
                or self.tokens[i].possessive):  # fmt: skip  # "the emperor's new clothes"
            return False
        if self.thing_noun(i + 2) and not self.ing(after) and not ROMAN.match(after.text.upper()) and not (
                self.lower_surname(i + 2)):  # fmt: skip  # "queen elizabeth ii", "sir elton john"
            return False  # "a queen anne chair", "princess leia action figure": the name of a kind of thing
        if dotted:  # "mrs. smith", "mr. bean": after a title and its full stop the word is a surname; not where
            # the word after it is an auxiliary used as a noun ("dr. pepper can on a table")
            beyond = self.tok(i + 3)
            return after is None or after.core not in g.AUXILIARIES or (
                beyond is not None and beyond.is_word and beyond.core not in g.CLOSED)
        tags = set(self.lex.tags(nxt.core))
        gendered = name_gender(self.lex.first_names.get(plain(nxt.core), "")) is not None
        # a word no dictionary knows as a thing, a verb or a common noun ("elizabeth", "gaga"), or a gendered first
        # name whose common reading is rare ("harry"); not "dr pepper", "lady bird", "the queen seated"
        titled = self.tokens[i].core.rstrip(".") in self.lex.titles and "p" in tags  # "madame curie", "frau weber"
        return not tags - {"p", "P", "N", "a"} and not nxt.core.endswith("ed") or (gendered and "N" in tags) or titled

    def not_a_name(self, i: int, cue: NameCue) -> bool:
        """A word that looks like a name but is not one here: an attribute word ("a Black woman"), a common
        word that is also a surname, a modifier of the person noun after it, a place, or a common word
        where no name stands ("Rose petals")."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        if cue.first and t.capitalised and not t.possessive and nxt is not None and nxt.is_word and nxt.capitalised and (
                nxt.possessive and self.free(i + 1) and not self.title_mode and not self.upper_mode):  # fmt: skip
            return False  # "a dog in John Smith's house": a first name and a surname's possessive, someone's ("in John
            # a person's house" was sent: "John" read as a place after "in", "Smith's" as a person)
        if "a" in self.lex.tags(t.core) and (i + 1) in self.used and isinstance(
                (named := self.spans[self.used[i + 1]][2]), Held) and named.why == "not a person":  # fmt: skip
            return True  # "Red Chinese lanterns hanging": a word said of the named thing after it (round 79: "A person
            # Chinese lanterns" was sent)
        if self.place_after_preposition(i) and not (nxt is not None and nxt.capitalised):
            return True  # "a toddler boy from Kenya taking his first steps": a place ("from a person" was sent)
        if t.core in TIME_WORDS and prev is not None and prev.low in WHEN_WORDS:
            return True  # "visits her every Sunday", "on Tuesday": a day, not a name ("every person" was sent)
        if self.date_month(i):
            return True  # "the 4th of July", "June 5th": a month
        if nxt is not None and nxt.low == "the" and (kind := self.tok(i + 2)) is not None and kind.is_word and (
                kind.core in self.lex.senses.animals and kind.core not in self.lex.nouns):  # fmt: skip
            return True  # "Felix the cat", "Rex the dog": an animal's name ("Mike the plumber" is a person's)
        j = i - 1
        while (w := self.tok(j)) is not None and w.is_word and w.core not in g.DETERMINERS and (
                "a" in self.lex.tags(w.core) or w.core in self.lex.adjectives or (
                    "n" in self.lex.tags(w.core) and not w.capitalised and self.noun(w) is None
                    and w.core not in g.CLOSED) or (
                    w.capitalised and w.core in self.lex.senses.places and "p" not in self.lex.tags(w.core))):  # fmt: skip
            j -= 1  # "a vintage Ford Mustang": a noun as a modifier; "a Riyadh majlis": a place's
        described = any(  # "a smiling Jack Black", "a young Jack Black": words said of a person, not of a car
            (said := self.lex.adjectives.get(w.core)) is not None and said.attribute in ("age", "gender")
            and w.core not in AGE_OF_THINGS or w.core in self.lex.senses.agents for w in self.tokens[j + 1 : i])
        model = nxt is not None and nxt.is_word and nxt.capitalised and set(self.lex.tags(nxt.core)) & {"n", "a"} and (
            plain(nxt.core) not in self.lex.first_names) and not (
            (after := self.tok(i + 2)) is not None and after.core in self.lex.senses.agents)  # fmt: skip
        # "an old Ford Mustang", "a black Lincoln Continental"; "a young Maria Lopez" is her, and so is "a young Jack
        # Black smiling" (what follows is what a person does)
        if model and (w := self.tok(j)) is not None and w.core in POSSESSIVE_DETERMINERS and j == i - 1:
            return True  # "washing his Ford Mustang": a make and a model, owned
        single = cue.first and (nxt is None or not nxt.is_word or not (nxt.capitalised or self.ing(nxt)))
        if j == i - 1 and prev is not None and prev.core in ("a", "an") and "n" in self.lex.tags(t.core) and not (
                nxt is not None and nxt.is_word and nxt.capitalised):  # fmt: skip  # "a Maria Lopez" has a surname
            return True  # "a cowboy in a Stetson roping cattle": a thing a name takes no article before
        if (w := self.tok(j)) is not None and w.core in ("a", "an") and (not cue.first or model or single) and (
                not (described and cue.first)):  # fmt: skip  # "a smiling John": someone
            return True  # "a rusty Land Rover", "an old Ford Mustang", "a shiny Mercedes parked": a name takes no
            # article; a make or a model does ("a young Maria Lopez" is her: her surname follows)
        named_noun = cue.first and cue.noun is not None and cue.noun.gender is None and t.capitalised and (
            i not in self.starts or self.acts_like_person(i))  # "Bobby, Billy and Jimmy"
        if t.core in self.lex.adjectives or (cue.noun is not None and not named_noun):
            return True  # "a Black woman", "Asian": an attribute word, not a name
        if "a" in self.lex.tags(t.core) and nxt is not None and nxt.is_word and self.free(i + 1) and (
                said := self.lex.adjectives.get(nxt.core)) is not None and said.attribute in ("ethnicity", "age", "gender") and (
                (after := self.tok(i + 2)) is not None and after.is_word and (
                    self.noun(after) is not None or after.core in self.lex.adjectives or after.core in COLLECTIVES)):  # fmt: skip
            return True  # "Happy Asian woman", "Happy african american family": an adjective before the person's own
            # attribute word opens their phrase (Happy is a first name too)
        shown = prev is not None and prev.low == "of" and (b := self.tok(i - 2)) is not None and (
            b.core in self.lex.senses.depiction)  # "a portrait of Einstein": the person a picture shows
        if cue.famous and not cue.first and (set(self.lex.tags(t.core)) & set("nvar")) and not (
                self.acts_like_person(i) or shown or self.figure_by_surname(i)):
            return True  # a common word that is also someone's surname ("Black"), unless used as one
        surname = nxt is not None and nxt.capitalised and not self.title_mode and not self.upper_mode
        if nxt is not None and nxt.is_word and self.noun(nxt) is not None and not surname and not (
                cue.first and t.possessive) and not self.role_surname(i + 1):  # fmt: skip  # "Sarah's husband": her
            # husband, not a kind of one; "john baker smiling": his name
            return True  # "Asian woman": a modifier of the person noun after it
        tags = self.lex.tags(t.core)
        # "a photo of John": a first name that is also a person of WordNet ("p") after a picture's "of" names the
        # person it shows; "a map of Georgia", "a postcard from Victoria" stay places
        pictured = cue.first and prev is not None and prev.low == "of" and self.of_a_person(i) and (
            "p" in tags or self.acts_like_person(i))  # "a photo of Georgia smiling" is her; "a photo of Georgia" a place
        # a gendered first name that is also a person of WordNet ("John", "Victoria") is a name unless a
        # preposition of place stands before it ("in Victoria"); other place names ("Georgia") the other way round
        person_first = cue.first and "p" in tags and name_gender(self.lex.first_names.get(plain(t.core), "")) is not None
        at_place = prev is not None and prev.low in (WHERE_PREPOSITIONS if person_first else PLACE_PREPOSITIONS)
        if at_place and prev.low in ("through", "across") and "p" not in tags and not self.acts_like_person(i):
            return True  # "walking through Gion": one walks through a place; a name no person of WordNet is that place
        names_place = nxt is not None and nxt.is_word and not nxt.capitalised and nxt.core in self.lex.senses.place_heads and (
            not self.surname_by_deed(i + 1))  # "jonah hill and channing tatum": a surname, by what follows the two
        joined = cue.first and prev is not None and prev.low in ("and", "&") and self.named_at(i - 2)
        # "Taylor and Jordan on a couch": a first name joined to a name held just before it is a name too (the country
        # was read, and "Jordan" sent, round 68)
        place = "P" in tags and not pictured and not joined and not (cue.first and self.apposed_person(i)) and (
            at_place or names_place or self.apposed_person(i, thing=True)  # "Victoria station", "Victoria, the capital"
            or (not person_first and not self.acts_like_person(i)))
        return place or (not cue.first and self.modifies_next(i)) or not self.looks_like_name(i)

    def date_month(self, i: int) -> bool:
        """A month's name in a date: after "the 4th of" / "fourth of", or next to a day's number ("July 4th", "5
        June"). "at the 4th of july bbq" went out as "at the 4th of a man" (round 93: "july bbq" read as a name)."""
        if self.tokens[i].core not in MONTHS:
            return False
        prev, before, nxt = self.tok(i - 1), self.tok(i - 2), self.tok(i + 1)

        def day(w: Token | None) -> bool:
            return w is not None and (w.low.isdigit() or ORDINAL.match(w.low) is not None or w.low.rpartition("-")[2] in ORDINAL_WORDS)

        return (prev is not None and prev.low == "of" and day(before)) or day(prev) or day(nxt)

    def figure_by_surname(self, i: int) -> bool:
        """ "Young Einstein as a schoolboy", "Mozart at the piano": a capitalised word that WordNet gives as someone
        it knows (`Senses.public_figures`) and otherwise only as a noun ("an einstein", a genius), standing where a
        name stands: no article before it, no noun after it that it would name the kind of ("a Napoleon pastry").
        It went out as written beside decoys of another gender and age (round 55)."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        tags = set(self.lex.tags(t.core))
        if not t.capitalised or self.title_mode or self.upper_mode or t.core not in self.lex.senses.public_figures:
            return False
        if tags & set("varP") or (prev is not None and prev.text not in ",;(" and prev.core not in ("and", "as") and (
                (a := self.lex.adjectives.get(prev.core)) is None or a.attribute != "age")):  # fmt: skip
            return False  # where a name stands: opening the sentence, after "Young", in a list; not "drinking Guinness"
        return nxt is None or not nxt.is_word or (nxt.core in g.CLOSED and not nxt.capitalised)

    def lowercase_name(self, i: int) -> bool:
        """A first name written in lower case: "jessica" (no English word), "karen asking" (a rare word
        where a name stands), "uncle bob", "my son jayden" (any first name right after a person noun)."""
        t, prev = self.tokens[i], self.tok(i - 1)
        tags = set(self.lex.tags(t.core))
        if prev is not None and (prev.core in g.DETERMINERS or prev.core in POSSESSIVE_DETERMINERS):
            return False  # "his katana", "a tesla": a thing
        if self.date_month(i):
            return False  # "the 4th of july bbq": a date
        if prev is not None and plain(f"{prev.low} {t.low}") in self.lex.senses.regional:
            return False  # "in an áo dài selling phở": the second word of a garment's name ("a person" stood for "dài")
        j = i - 1
        while (w := self.tok(j)) is not None and w.is_word and ("a" in self.lex.tags(w.core) or w.core in self.lex.adjectives
                                                                or (w.capitalised and "P" in self.lex.tags(w.core))):
            j -= 1
        if j < i - 1 and (w := self.tok(j)) is not None and w.core in ("a", "an", "every", "each", "this", "that"):
            return False  # "a Japanese katana", "a shiny new tesla", "a Dubai majlis" (round 78: "in a woman" was
            # sent): a name takes no article, not even after a place's name
        if self.brand_name(i):
            return False  # "louis vuitton bag": a make
        if self.surname_by_deed(i + 1):
            return True  # "tom cruise smiling", "a portrait of emma stone"
        joined = self.tok(i - 2)
        if prev is not None and prev.low == "and" and joined is not None and not self.free(i - 2) and (
                plain(joined.core) in self.lex.first_names and (
                    name_gender(self.lex.first_names[plain(t.core)]) or self.named_pair(i - 2))):  # fmt: skip
            return True  # "emily and josh": a first name joined to a name held just before it is one too
        later = set(self.lex.tags(self.tokens[i + 1].core)) if i + 1 < len(self.tokens) else set()
        # "canon eos" is a camera: a first name WordNet knows only as a thing's word, before a word that names no
        # person ("Eos", a goddess), is no one's name (round 98: "a man" stood for it); "bill gates" still is
        thing_first = bool(tags) and not tags & set("pP") and not ("p" in later or not later)
        if self.lower_surname(i + 1) and not tags & set("av") and not thing_first:
            return True  # "barack obama giving a speech", "john smith with a dog"; not "a café con leche"
        if "a" not in tags and self.name_opens(i) and self.lower_surname(i + 1) and not thing_first and (
                "p" in later or not later - {"P", "N"}):  # fmt: skip
            return True  # "bob dylan", "bill gates", "mark zuckerberg": a first name that is also a verb, before
            # a word WordNet knows as a person, or no English word
        if self.person_only(i):
            return True  # "faith reading a bible", "summer and her dog": what follows only a person does or has
        if self.name_opens(i, after_person=False) and self.present_verb(i + 1) and (o := self.tok(i + 2)) is not None and (
                o.core in g.DETERMINERS or o.core in POSSESSIVE_DETERMINERS or o.core in g.PERSONAL_PRONOUNS) and (
                tags <= set("nNpP") and ("n" not in tags or "N" in tags)) and name_gender(self.lex.first_names[plain(t.core)]):  # fmt: skip
            return True  # "ana helps her grandma make tamales": a name whose common reading is rare, before its verb and
            # the verb's object (round N1: sent as written in every candidate, read as a kind of helps)
        nxt = self.tok(i + 1)
        if self.thing_noun(i + 1) and not self.ing(nxt) and not (
                prev is not None and self.free(i - 1) and self.noun(prev) is not None and self.noun(prev)[0].cls in KIN_CLASSES):
            return False  # "a koi pond", "surprised pikachu face": a word before a thing names its kind
        after_person = prev is not None and prev.is_word and self.free(i - 1) and (
            self.lex.nouns.get(prev.core) is not None) and prev.core not in self.lex.adjectives and not self.weak(i - 1) and (
            not prev.possessive and not ("v" in tags and "n" not in tags))  # "a man drew" is a verb
        nxt = self.tok(i + 1)
        if "v" in tags and nxt is not None and (nxt.core in g.DETERMINERS or nxt.core in POSSESSIVE_DETERMINERS):
            return False  # "helping a woman cross the street": a verb with its object, not a name; "The girl ties
            # her shoes" ("ties" was held as her name: "The little girl her shoes", round 78)
        modifies = nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core) and (
            nxt.core not in g.CLOSED and not self.ing(nxt)) and not (  # "a king ocean liner"
            "v" in self.lex.tags(nxt.core) and (o := self.tok(i + 2)) is not None and (
                o.core in g.DETERMINERS or o.core in POSSESSIVE_DETERMINERS or o.low in ("like", "at", "into")))  # fmt: skip
        # (not "make my bf tyler look like a viking": his verb, round N1 sent "tyler" in every candidate)
        kin = after_person and self.noun(prev)[0].cls in KIN_CLASSES  # "uncle bob", "grandma rose", "my son jayden"
        k = i - 2
        while (w := self.tok(k)) is not None and w.is_word and "a" in self.lex.tags(w.core) and w.core not in g.DETERMINERS:
            k -= 1
        if kin and (w := self.tok(k)) is not None and w.low in ("a", "an"):
            return False  # "a dad joke": an article takes the compound, never a person's name ("a grandma rose" is not said)
        if after_person and t.core not in self.lex.adjectives and not self.ing(t) and not modifies and (
                (kin and t.core not in self.lex.senses.animals) or not (
                    t.core in self.lex.senses.animals or ("n" in tags and "N" not in tags))):
            # not "a passenger jet", "a wizard cat", "a kachina doll", "a mother cat": a thing, an animal, a toy
            return True
        where_a_name_stands = self.acts_like_person(i) or (
            prev is not None and prev.low in PERSON_SLOT_WORDS and self.of_a_person(i))
        if "N" in tags and "a" not in tags and self.pictured(i) and name_gender(self.lex.first_names[plain(t.core)]):
            return True  # "a photo of mike at the park": a first name whose common reading is rare, as whom a picture shows
        if not tags and t.core in self.lex.senses.animals and not (
                nxt is not None and nxt.low == "and" and (o := self.tok(i + 2)) is not None and o.low in ("her", "his")):  # fmt: skip
            return False  # "koi swimming in a pond": an animal the dictionary lacks (`Senses.animals` adds it); "koi
            # and her mom at the beach" is a person
        if tags <= {"p"}:
            return self.lex.first_names[plain(t.core)] in ("male", "female") or where_a_name_stands
        # "karen asking" where a name stands; "salt and pepper", "a yellow tiger with", "lava pouring" are no names
        opens = prev is None or prev.text in ",;:(" or prev.low in ("and", "meet", "meeting", "featuring", "starring")
        if "p" in tags and tags <= {"n", "p", "N"} and opens and nxt is not None and (
                nxt.low in g.PREPOSITIONS or self.acts_like_person(i)):  # fmt: skip
            return True  # "napoleon on a white horse", "cinderella in a carriage": a person WordNet knows, no verb
        if t.core in self.lex.senses.creatures and nxt is not None and self.ing(nxt) and (
                nxt.core not in self.lex.senses.agents):  # fmt: skip
            return False  # "heather covering the hills", "basil growing in a pot": what the plant itself does
        return "N" in tags and "a" not in tags and opens and self.acts_like_person(i) and (
            self.lower_mode or not ("n" in tags and self.tokens[i + 1].core.endswith("s") and (
                (w := self.tok(i + 2)) is None or not w.is_word or "r" in self.lex.tags(w.core) or self.ing(w))))  # fmt: skip
        # not "moody lighting"; nor in a prompt with capitals a noun before a plural ("Two women at a pride parade,
        # rainbow flags everywhere": "a person flags" was sent, round 84)

    def person_only(self, i: int) -> bool:
        """In a lower-case prompt, a first name that is also a word ("faith", "dawn", "summer", "rob", "river")
        is the name where it opens a clause or follows a person noun ("my buddy rob") and what follows is
        what only a person does or has: an -ing verb whose usual sense takes a person as its subject
        ("reading a bible", "planting tulips"; WordNet's verb frames, `Senses.agents`), or "and her/his ...", or
        an -ing verb with "her"/"his" later in its sentence ("hope walking her dog"), with no one before it to
        own that. Its own sense (a time, a virtue, a stone) does none of that. An animal might, in a prompt, so
        animals stay words ("robin singing"); a plant or a food only with "her"/"his" ("rose cooking dinner for
        her family"; not "ivy climbing the wall")."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        if not self.lower_mode or plain(t.core) not in self.lex.first_names or nxt is None:
            return False
        if t.core in self.lex.senses.animals or t.core in self.lex.adjectives or self.noun(t) is not None:
            return False
        if not self.name_opens(i):
            return False
        after = self.tok(i + 2)
        alone = not any(self.noun(self.tokens[k]) is not None or self.tokens[k].core in g.PERSONAL_PRONOUNS
                        for k in range(i))  # fmt: skip  # no one before it to own "her" or "his"
        if nxt.low == "and":  # "summer and her dog", "grace and river playing in the yard"
            return alone and ((after is not None and after.low in ("her", "his")) or self.named_pair(i))
        if not self.ing(nxt) or (after is not None and after.low == "of"):
            return False  # "summer painting of a meadow": the -ing is a noun, a picture of something
        end = self.clause_end(i + 2)
        owned = alone and any(self.tokens[k].low in ("her", "his") and (o := self.tok(k + 1)) is not None and (
            o.is_word and o.core not in g.CLOSED) for k in range(i + 2, end))  # fmt: skip  # not "rain falling on her"
        gendered = name_gender(self.lex.first_names[plain(t.core)]) is not None  # not "winter driving", "blue frosting"
        if owned or nxt.core not in self.lex.senses.agents or t.core in self.lex.senses.creatures:
            return owned
        # where a thing and an -ing that is also a thing make a compound ("jade carving on a shelf"), the verb must
        # take its object ("ruby painting a fence")
        takes = after is not None and after.is_word and (
            after.core in g.DETERMINERS or after.core in POSSESSIVE_DETERMINERS or after.core in g.PERSONAL_PRONOUNS)
        if t.core in self.lex.senses.kind_heads and nxt.core in self.lex.senses.kind_heads:
            return takes
        bare_noun = after is not None and after.is_word and "n" in self.lex.tags(after.core) and not (
            after.core.endswith("s") or after.core in g.PREPOSITIONS)  # fmt: skip  # "a dancing queen"-like compound
        if not gendered:  # a name of either gender ("sky", "river") only where the verb takes an object: "sky playing
            # guitar", "river reading a book"; not "winter driving tips", "blue frosting", "sky diving"
            beyond = self.tok(i + 3)
            return takes or (bare_noun and (beyond is None or not beyond.is_word or beyond.core in g.CLOSED))
        return takes or not bare_noun

    def capital_name_before_agent(self, i: int) -> int | None:
        """The last token of a capitalised name at token i that only the verb after it shows to be someone's, or None:
        "Usain Bolt sprinting past a cheetah" (a first word no dictionary or name list knows, a second capitalised
        word, then what only a person does); "a photo of Sting walking his dog" (one capitalised word inside the
        sentence, no animal's name, before an -ing verb and "his"/"her" later in the clause). Not after an article ("the
        Hulk smashing his fists" is a character's kind), nor where capitals say nothing."""
        t, prev = self.tokens[i], self.tok(i - 1)
        if not t.is_word or not t.capitalised or not self.free(i) or self.upper_mode or self.title_mode:
            return None
        if self.place_name_end(i) > i:
            return None  # "fans in Buenos Aires celebrating a goal": a place WordNet knows
        unknown = not self.lex.tags(t.core) and plain(t.core) not in self.lex.first_names and len(t.core) > 2 and (
            "-" not in t.core and self.noun(t) is None and not t.possessive)  # fmt: skip
        if prev is not None and (prev.core in g.DETERMINERS or prev.core in POSSESSIVE_DETERMINERS or prev.text == "."
                                 or prev.capitalised or prev.core.rstrip(".") in self.lex.titles):  # fmt: skip
            return None  # "Mr. Johnson teaching": the title's name, read with it (`read_name`)
        if prev is not None and prev.is_word and not prev.possessive and self.noun(prev) is not None and (
                plain(t.core) in self.lex.first_names):  # fmt: skip
            return None  # "my friend Priya smiling at her graduation": the friend's name, held as an appositive is
            # (`read_name`; round 67: a second person, "my friend a person smiling")
        nxt, after = self.tok(i + 1), self.tok(i + 2)
        if self.three_word_name(i) and all(self.free(k) for k in range(i, i + 3)):
            return i + 2  # "Lil Nas X riding a horse" (round 56: sent as written, N = 1)
        if (nxt is not None and nxt.is_word and nxt.capitalised and self.free(i + 1) and after is not None
                and after.core in self.lex.senses.agents and not self.lex.tags(t.core)
                and plain(t.core) not in self.lex.first_names and self.noun(nxt) is None):  # fmt: skip
            return i + 1
        if i in self.starts and nxt is not None and nxt.core in self.lex.senses.agents and not self.lex.tags(t.core) and (
                plain(t.core) not in self.lex.first_names and self.free(i + 1) and len(t.core) > 2 and "-" not in t.core
                and (after is None or after.low != "of")):  # fmt: skip  # not "Oil-on-canvas painting of a sky"
            return i  # "Pelé juggling a football": a word no dictionary knows, opening the sentence before what only a
            # person does, is a name (it was refused as one the device could not place)
        if unknown and prev is not None and prev.is_word and self.noun(prev) is not None and not prev.possessive and (
                nxt is not None and (nxt.core in self.lex.senses.agents or nxt.text in ",.;")) and self.free(i):  # fmt: skip
            self.hold_name(i, i)  # "her grandma Wong making dumplings": the grandma's name (round 88: refused)
            return None
        if unknown and nxt is not None and nxt.low in ("is", "was") and after is not None and (
                after.core in self.lex.senses.agents) and self.free(i + 1):  # fmt: skip
            if prev is not None and prev.is_word and self.noun(prev) is not None and not prev.possessive:
                self.hold_name(i, i)  # "his friend Amaka is filming him": the friend's name (an appositive)
                return None
            return i  # "Lagos: Chidi is laughing": a word no dictionary knows before "is" and what only a person
            # does is someone's name, of no gender it says (round 87: refused as a name the device could not place)
        if i in self.starts or nxt is None or not self.ing(nxt) or self.noun(t) is not None or (
                t.core in self.lex.adjectives or t.core in g.CLOSED or t.core in self.lex.senses.creatures):  # fmt: skip
            return None
        if self.place_after_preposition(i):
            return None  # "a toddler boy from Kenya taking his first steps": his, the boy's; Kenya a place
        end = self.clause_end(i + 2)
        owned = any(self.tokens[k].low in ("his", "her") for k in range(i + 2, end))
        return i if owned else None

    def three_word_name(self, i: int) -> bool:
        """Tokens i..i+2 are three capitalised words, one no dictionary knows and none a thing's noun (first names,
        adjectives, single letters), before what only a person does: someone's name ("Lil Nas X riding a horse")."""
        words, verb = self.tokens[i : i + 3], self.tok(i + 3)
        return len(words) == 3 and verb is not None and verb.core in self.lex.senses.agents and all(
            w.is_word and w.capitalised and (plain(w.core) in self.lex.first_names or set(self.lex.tags(w.core)) <= {"a"}
                                             or len(w.core) == 1) for w in words
        ) and any(not self.lex.tags(w.core) for w in words)  # fmt: skip

    def place_name_end(self, i: int) -> int:
        """The last token of a place WordNet knows by two or three capitalised words from token i ("Buenos Aires",
        "Rio de Janeiro"), or i itself."""
        for n in (3, 2):
            words = self.tokens[i : i + n]
            if len(words) == n and words[0].capitalised and words[-1].capitalised and all(
                    self.free(k) for k in range(i, i + n)) and " ".join(w.core for w in words) in self.lex.senses.places:
                return i + n - 1
        return i

    def place_after_preposition(self, i: int) -> bool:
        """Token i is a place of `Senses.places` after "from"/"in" ("a toddler from Kenya"): no name."""
        prev = self.tok(i - 1)
        return prev is not None and prev.low in ("from", "in") and self.tokens[i].core in self.lex.senses.places

    def clause_end(self, k: int) -> int:
        """The first punctuation token that ends a clause from token k on, or the prompt's end."""
        return next((j for j in range(k, len(self.tokens)) if self.tokens[j].text in ".;!?,"), len(self.tokens))

    def modal_here(self, i: int) -> bool:
        """ "aunt may bake a pie", "uncle will fix it": a modal's verb follows, in its bare form (no -ing, no -s,
        no past), so "may" and "will" are no names there."""
        nxt = self.tok(i + 1)
        if nxt is None or not nxt.is_word:
            return False
        return nxt.low in ("be", "not", "have", "never", "always") or (
            "v" in self.lex.tags(nxt.core) and not self.ing(nxt) and nxt.low == nxt.core and not nxt.low.endswith(("s", "ed")))

    def named_pair(self, i: int) -> bool:
        """ "grace and river playing in the backyard", "summer and autumn, two sisters, running": two lower-case first
        names that are also words, joined by "and", before what only people do (an agent's -ing verb) or an
        appositive that counts people ("two sisters"), are two people's names. Words that are plants, animals or
        attributes stay words ("ivy and holly climbing", "salt and pepper")."""
        names = [self.tok(i), self.tok(i + 2)]
        if not all(w is not None and w.is_word and not w.capitalised and plain(w.core) in self.lex.first_names
                   and w.core not in self.lex.senses.creatures and w.core not in self.lex.adjectives
                   and self.noun(w) is None for w in names):  # fmt: skip
            return False
        beyond, count, who = self.tok(i + 3), self.tok(i + 4), self.tok(i + 5)
        if beyond is not None and beyond.core in self.lex.senses.agents:
            return True
        return beyond is not None and beyond.text == "," and count is not None and (
            count.low.isdigit() or g.number_value(count.low) is not None or count.low == "both") and (
            who is not None and (found := self.noun(who)) is not None and found[0].number == "pl")  # fmt: skip

    def unknown_full_name(self, i: int) -> int | None:
        """In a lower-case prompt, the last token of two words no dictionary or name list knows ("oprah winfrey"),
        where a name opens, right before an -ing verb only a person does (`Senses.agents`): someone's name, whose
        gender the words do not say. None otherwise ("shiba inu", "pho bo" do nothing a person does)."""
        words = [self.tok(i), self.tok(i + 1)]
        verb = self.tok(i + 2)
        if not self.lower_mode or verb is None or verb.core not in self.lex.senses.agents or not self.free(i + 1):
            return None
        if not all(w is not None and w.is_word and not w.capitalised and len(w.core) > 2 and not self.lex.tags(w.core)
                   and plain(w.core) not in self.lex.first_names and w.core not in self.lex.proxies for w in words):  # fmt: skip
            return None
        return i + 1 if self.name_opens(i, after_person=False) else None

    def hold_tag_names(self) -> None:
        """ "1girl, hatsune miku, twintails", "asuka langley, plugsuit, 1girl": in a tag list, a whole tag of two or
        three lower-case words, one a first name and the others words no dictionary has but as names, is a
        character's name. It stays on the device whole (the tag's character is the count tag's, or no one the cloud
        sees): sent, it fixed the gender beside "1boy"; apposed to the count tag it was refused. So does a name tag
        after a tag that names a person ("old lady, smiling, greg rutkowski, alphonse mucha"): an artist's name, whose
        style the tag asks for, or the person's own; either way no one more (round 98: each was "a man" or "a woman",
        two people the user never asked for, varied)."""
        if sum(t.text == "," for t in self.tokens) < 2:
            return
        counted = any(self.booru_tag(k) or t.low == "solo" for k, t in enumerate(self.tokens))
        # with no count tag and no person before it, a name tag is read below as its person's ("george clooney, ..."
        # -> "A man")
        bounds = [-1] + [k for k, t in enumerate(self.tokens) if t.text == ","] + [len(self.tokens)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            words = range(a + 1, b)
            if not 2 <= len(words) <= 3 or not all(self.free(k) and self.tokens[k].is_word for k in words):
                continue
            after_person = any(w.is_word and self.noun(w) is not None for w in self.tokens[: a + 1])
            if not counted and not after_person:
                continue
            toks = [self.tokens[k] for k in words]
            common = [set(self.lex.tags(t.core)) - {"p", "P", "N"} for t in toks]  # the word's senses as no name
            if (any(t.capitalised for t in toks) and not after_person) or not any(
                    plain(t.core) in self.lex.first_names and not c for t, c in zip(toks, common, strict=True)):  # fmt: skip
                continue  # "cherry blossom", "blue onesie": first names that are common words first; after a person
                # capitals too ("((elderly woman)), knitting, Greg Rutkowski, Alphonse Mucha", round 100)
            if all(not c or set(self.lex.tags(t.core)) & {"p", "P"} for t, c in zip(toks, common, strict=True)) and (
                    any(not self.lex.tags(t.core) for t in toks) or after_person):  # fmt: skip  # a word only a name
                # is ("miku"); "george clooney", known to the dictionary, is read as a person's name below ("A man")
                self.claim(a + 1, b - 1, Held(self.prompt[toks[0].start : toks[-1].end], "name"))

    def unknown_name_phrase(self, first: int, last: int) -> None:
        """Claims tokens first..last as one person's name, with no gender of its own ("a person")."""
        key = " ".join(self.tokens[k].core for k in range(first, last + 1))
        if key in self.names:
            person_id, det = self.names[key], "the"
        else:
            person_id, det = self.new_person(Person(cls="person", number="sg", anchor=first, named=True)), "a"
            self.names[key] = person_id
        casing = self.phrase_case(first, last, named=True)
        self.claim(first, last, Phrase(person_id, det, (), self.tokens[last].possessive, casing))
        self.named_spans.append((first, last))

    def name_opens(self, i: int, after_person: bool = True) -> bool:
        """Token i stands where a lower-case name can begin a person's mention: it opens the prompt or a clause
        (after punctuation, "and", "meet", a request's verb: "make elon musk on a horse"), after a picture's "of", or right
        after a person noun ("my
        buddy rob"; unless not `after_person`), attribute words allowed between ("young bill gates"); not after a
        word that makes it part of a thing's name ("surprised pikachu face")."""
        j = i - 1
        while (w := self.tok(j)) is not None and w.is_word and w.core in self.lex.adjectives:
            j -= 1
        prev = self.tok(j)
        return prev is None or prev.text in ",;:(" or prev.low in ("and", "meet", "meeting") or prev.low in PICTURE_REQUESTS or (
            self.pictured(j + 1) or (prev.is_word and self.free(j) and self.lex.nouns.get(prev.core) is not None
                                     and not prev.possessive and j == i - 1 and after_person))  # fmt: skip

    def lower_surname(self, j: int, middle: bool = False) -> bool:
        """In a prompt written in lower case, token j is the surname after a first name ("barack obama", "tom
        hanks", "emma watson"): a word no dictionary knows, or one WordNet knows as a person's or a place's name
        and not as a verb, or another first name; never a word before a thing it would name with the first name
        ("john deere tractor", "mary jane shoes"). Capitals say this in other prompts; here the words must."""
        after = self.tok(j + 1)
        return self.surname_word(j, middle) and (not (self.thing_noun(j + 1) and not self.ing(after)) or (
            not middle and self.surname_by_deed(j)))  # "megan fox read a book": "read" is her verb

    def surname_by_deed(self, j: int) -> bool:
        """In a lower-case prompt, token j is the surname after the first name before it where a name opens (a
        clause's start, a request's verb), after a picture's "of", or, for a first name that is no English word, as a
        verb's object ("watching megan fox read a book"), and what comes next is what a person does, plays or wears
        ("tom cruise smiling", "emma stone in a red dress", "jack black as a pirate", "a portrait of kate moss"):
        whatever else the word means (a stone, a colour, a cruise), the pair refers to someone, and was sent as
        written. A word WordNet also knows as a surname ("black", "stone") may follow any first name; no other word
        follows a first name that is a plant's or a colour's ("daisy chain", "rose petals", "ruby red") but before a
        verb whose usual subject is a person (`Senses.agents`); never an animal's kind after a first name that is an
        English word, a plural, or a person's noun (`role_surname` reads "john baker")."""
        t, first, nxt = self.tok(j), self.tok(j - 1), self.tok(j + 1)
        if t is None or first is None or not t.is_word or t.core in g.CLOSED or self.ing(t) or self.noun(t) is not None:
            return False
        if first.core in self.lex.senses.animals or first.core in self.lex.adjectives or self.noun(first) is not None:
            return False  # "koi fish swimming"
        tags, first_sense = set(self.lex.tags(t.core)), set(self.lex.tags(first.core)) - set("NpP")
        verb = self.tok(j - 2)  # "a dog watching megan fox read a book": a name no English word is, a verb's object
        object_of = not first_sense and verb is not None and verb.is_word and self.free(j - 2) and (
            self.ing(verb) or (verb.low.endswith("s") and "v" in self.lex.tags(verb.core))) and self.noun(verb) is None
        if not (self.name_opens(j - 1, after_person=False) or self.pictured(j - 1) or object_of):
            return False
        if "p" not in tags and (t.core in self.lex.adjectives or (t.core in self.lex.senses.creatures and first_sense)
                                or (t.low.endswith("s") and not t.low.endswith("ss") and "n" in self.lex.tags(t.low[:-1]))):  # fmt: skip
            return False  # "jack old", "jack rabbit", "lily pads"; not "jack black", "ryan gosling", "chris evans"
        if t.core in self.lex.proxies or t.core in self.lex.senses.garments:
            return False
        agent = nxt is not None and self.ing(nxt) and nxt.core in self.lex.senses.agents
        if not first_sense:  # "emma", "keanu": no English word
            return agent or self.follows_a_person(j)
        if "a" in first_sense or first.core in self.lex.senses.creatures:
            return agent  # "ruby red lips", "rose bush growing", "daisy chain hanging"; "tom cruise smiling"
        return agent or ("p" in tags and self.follows_a_person(j))  # "a portrait of jack black"; not "summer rain falling"

    def follows_a_person(self, j: int) -> bool:
        """What comes after token j is what a person does or wears, or ends the picture that shows them: an -ing verb
        that is not a thing's ("smiling", not "glowing"), a verb in the present, "as" a role, "in" or "wearing" a
        garment, "dressed", a bare verb before its object (after a verb of seeing), or, after "a portrait of", the end
        of the phrase."""
        nxt = self.tok(j + 1)
        if nxt is None or not nxt.is_word:
            return self.pictured(j - 1)
        worn = any((w := self.tok(k)) is not None and w.core in self.lex.senses.garments for k in range(j + 2, j + 6))
        if self.ing(nxt) and nxt.core not in self.lex.senses.thing_verbs:
            return nxt.low != "wearing" or worn
        if nxt.low in ("in", "wearing"):
            return worn
        bare = (o := self.tok(j + 2)) is not None and "v" in self.lex.tags(nxt.core) and not nxt.low.endswith(("s", "ed")) and (
            o.core in g.DETERMINERS or o.core in POSSESSIVE_DETERMINERS) and self.noun(nxt) is None  # "watching X read a book"
        joined = nxt.low in ("and", "&") and (w := self.tok(j + 2)) is not None and w.is_word and (
            plain(w.core) in self.lex.first_names and not self.lex.tags(w.core).strip("NpP"))  # "jonah hill and channing tatum"
        return nxt.low in ("as", "dressed") or bare or joined or self.present_verb(j + 1) or (
            self.pictured(j - 1) and nxt.low in g.PREPOSITIONS)  # "johnny cash dressed in black"

    def brand_name(self, i: int) -> bool:
        """In a prompt written in lower case, a first name and a surname before a thing name its make ("louis
        vuitton bag", "calvin klein billboard", "jimmy choo heels"): no one is in the picture."""
        after, then = self.tok(i + 2), self.tok(i + 3)
        if then is not None and (then.core in g.DETERMINERS or then.core in POSSESSIVE_DETERMINERS) and after is not None and (
                "v" in self.lex.tags(after.core)):  # fmt: skip
            return False  # "watching megan fox read a book": the word after the name is its verb, with its object
        return self.surname_word(i + 1) and after is not None and not self.ing(after) and (
            self.thing_noun(i + 2, after_modifier=True) or after.low in BRAND_WORDS)  # fmt: skip  # "heels" after its maker is the noun

    def surname_word(self, j: int, middle: bool = False) -> bool:
        """Token j reads as a surname after the first name before it (`lower_surname`, `brand_name`); with
        `middle`, after a first name and a middle name ("ruth bader ginsburg"; not "kim kardashian selfie")."""
        t, first = self.tok(j), self.tok(j - 2 if middle else j - 1)
        if not self.lower_mode or t is None or first is None or not t.is_word or not self.free(j) or len(t.core) < 3:
            return False
        if plain(first.core) not in self.lex.first_names or first.core in SURNAME_PARTICLES or first.possessive or (
                t.core in g.CLOSED or not self.of_a_person(j - 2 if middle else j - 1)):  # fmt: skip  # "a bottle of jack daniels"
            return False
        if set(self.lex.tags(first.core)) - {"N", "p", "P"} == {"r"}:
            return False  # "neon, kinda lofi": an adverb first is no first name (round 87: "a woman" was sent)
        if not middle and self.surname_by_deed(j):
            return True
        tags, noun = set(self.lex.tags(t.core)), self.noun(t)
        surname_noun = noun is not None and noun[0].gender is None and "p" in tags  # "john smith", "harry potter"
        only_a_name = not set(self.lex.tags(first.core)) - {"N", "p"} and not middle and (  # "elon", "keanu"
            self.name_opens(j - 1, after_person=False))  # not "a queen anne chair": a title's name, a style
        if not middle and noun is not None and self.role_surname(j):
            return True  # "john baker smiling", "stephen king typing a novel"
        if (noun is not None and not surname_noun) or t.core in self.lex.adjectives or self.ing(t) or (
                t.core in self.lex.proxies or t.core in self.lex.senses.garments):  # fmt: skip
            return False  # "emma singer", "jack old", "rose crying": a person noun, an attribute, a verb, a proxy;
            # "kara bracelet", "santa hat": what one wears, of the kind the word before names
        # after a first name that is no English word, a noun is its surname ("elon musk", "keanu reeves"); not an
        # animal or a place's noun, which the word before it names a kind of ("koi pond", "koi fish")
        return not tags - {"p", "P", "N"} or ("p" in tags and ("v" not in tags or "N" in tags)) or (
            only_a_name and "n" in tags and "a" not in tags and t.core not in self.lex.senses.creatures
            and t.core not in self.lex.senses.place_heads)  # fmt: skip

    def name_before_thing(self, i: int, titled: bool = False) -> bool:
        """A first name right before a thing it names ("a Chanel perfume bottle", "surprised pikachu face"): a
        brand or a person; either way it says nothing the cloud needs, so it is held back, never made a person."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        if plain(t.core) not in self.lex.first_names or self.noun(t) is not None or t.core in self.lex.adjectives:
            return False
        shown = nxt is not None and nxt.core in self.lex.senses.depiction and name_gender(
            self.lex.first_names.get(plain(t.core), "")) is not None  # "Drake meme": whom the picture shows
        if set(self.lex.tags(t.core)) - {"N"} and not shown:
            return False  # a word or a known proper name ("Snow mountain", "the Orion constellation"): kept as written
        if not titled and prev is not None and (self.noun(prev) is not None or prev.core.rstrip(".") in self.lex.titles):
            return False  # a title and its name: `mark_names` holds "Aunt Jemima pancakes" whole
        if not self.thing_noun(i + 1) or nxt.capitalised or self.ing(nxt):
            return False
        if "v" in self.lex.tags(nxt.core) and (o := self.tok(i + 2)) is not None and (
                o.core in g.DETERMINERS or o.core in POSSESSIVE_DETERMINERS):  # fmt: skip
            return False  # "Emma and Liam build a snowman": a verb and its object (Liam was held as a brand, "A woman and
            # build a snowman" sent)
        return t.capitalised  # a brand is written with a capital; "koi pond" is a pond

    def of_a_person(self, i: int) -> bool:
        """After "of", a name names a person only where the noun before is a picture or a person ("a portrait
        of X", "a friend of X"), not a thing ("a bowl of Pho", "swirls of blu")."""
        prev, before = self.tok(i - 1), self.tok(i - 2)
        if prev is None or prev.low != "of" or before is None or not before.is_word:
            return True
        return self.pictured(i) or self.noun(before) is not None

    def pictured(self, i: int) -> bool:
        """Token i follows "of" after a picture ("a photo of", "a portrait of"): where the person shown stands."""
        prev, before = self.tok(i - 1), self.tok(i - 2)
        return prev is not None and prev.low == "of" and before is not None and before.is_word and (
            before.core in self.lex.senses.depiction or before.core in PICTURE_NOUNS)

    def apposed_person(self, i: int, thing: bool = False) -> bool:
        """"John, a retired firefighter, ...": token i is followed by a comma and a noun phrase headed by a person
        noun, which says what the name names; with `thing`, by a thing noun ("Victoria, the capital of ...")."""
        comma, j = self.tok(i + 1), i + 2
        if comma is None or comma.text != ",":
            return False
        while (t := self.tok(j)) is not None and (t.is_word or t.kind == "num") and self.noun(t) is None and (
                t.core in g.DETERMINERS or t.core in self.lex.adjectives or t.kind == "num"
                or ("-" in t.core and all(self.lex.tags(part) for part in t.core.split("-")))  # "night-shift"
                or (("a" in self.lex.tags(t.core) or "n" in self.lex.tags(t.core)) and (
                    "n" not in self.lex.tags(t.core) or ((u := self.tok(j + 1)) is not None and u.is_word and (
                        "n" in self.lex.tags(u.core) or self.noun(u) is not None))))):  # "the history teacher"; "the capital of"
            j += 1
        t = self.tok(j)
        if thing:
            return t is not None and t.is_word and j > i + 2 and self.noun(t) is None and self.thing_noun(j)
        if self.age_set_off(i + 2) and self.tok(i + 2).low in ("a", "an"):
            return True  # "Emma, an 8-year-old, reading": the age is the person's phrase ("A little girl reading")
        # one name, one person: "Summer and Autumn, two sisters, ..." says who the two are, not who Autumn is
        return t is not None and t.is_word and (found := self.noun(t)) is not None and j > i + 2 and (
            found[0].number == "sg")

    def acts_like_person(self, i: int) -> bool:
        """The word after token i is what follows a person's name ("Bob fixing", "Will and", "Bob's")."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        if t.possessive:
            return True
        if nxt is None:
            return False
        if nxt.text == "," and self.apposed_person(i):
            return True  # "Ana, the night-shift nurse, ...": an appositive says who she is
        if nxt.text == "," and self.age_set_off(i + 2):
            return True  # "Willow, 8, reading", "Willow, an 8-year-old, ...": an age set off after a name is a person's
        if nxt.text == ",":  # "Bobby, Billy and Jimmy" (where capitals mean something)
            after = self.tok(i + 2)
            return after is not None and after.capitalised and not self.title_mode and not self.upper_mode and (
                plain(after.core) in self.lex.first_names and "P" not in self.lex.tags(after.core))  # not "Paris, France"
        if nxt.low in COORDINATORS:
            # "Chad vs virgin", "Chad and his dog": a name joined to a person is one; "Paris and London" joins places
            k = i + 2
            while (w := self.tok(k)) is not None and w.is_word and w.core in g.DETERMINERS:
                k += 1
            other = self.tok(k)
            if other is not None and other.is_word and other.capitalised and "P" in self.lex.tags(other.core) and (
                    not self.title_mode and not self.upper_mode):  # fmt: skip
                # unless both are first names before what only people do: "Dakota and Savannah picking wildflowers"
                # (Dakota read as a place, a decoy "Dakota and a man" read it as a name: refused, round 77)
                deed = self.tok(k + 1)
                return k == i + 2 and deed is not None and deed.core in self.lex.senses.agents and all(
                    plain(w.core) in self.lex.first_names for w in (t, other))  # fmt: skip
            if nxt.low != "and":
                return other is not None and other.is_word and (
                    self.noun(other) is not None or other.core in POSSESSIVE_DETERMINERS
                    or (other.capitalised and plain(other.core) in self.lex.first_names))  # fmt: skip
        if nxt.low == "the" and (epithet := self.tok(i + 2)) is not None and epithet.is_word and (
                (epithet.core in self.lex.nouns or self.unknown_role(i + 2)) and not epithet.possessive):  # fmt: skip
            return True  # "Bob the builder", "Mike the plumber": a name and the person's kind, one person
        surname = (nxt.capitalised and not nxt.text.isupper() and not self.title_mode and not self.upper_mode
                   and nxt.core not in g.CLOSED) or self.lower_surname(i + 1)  # fmt: skip
        again = any(key == plain(t.core) for _, key in self.named_after)  # "a boy named Leo ... and Leo grins": his
        # (`name_again_after_named`)
        # "Paris glowing at night", "Sydney sparkling": a place does what things do, and nothing after it is his or
        # her ("Paris and London glowing at night" was refused: London read as someone, Paris a place); a name of one
        # gender ("Georgia glowing with pride") stays someone's, so that a reading as a place never sends a gender
        place_verb = "P" in self.lex.tags(t.core) and nxt.core in self.lex.senses.thing_verbs and not name_gender(
            self.lex.first_names.get(plain(t.core), "")) and not any(
            w.core in GENDERED_PRONOUNS for w in self.tokens[i + 1 :])  # fmt: skip
        return nxt.is_word and ((self.ing(nxt) and not place_verb) or nxt.core in AFTER_NAME or surname or (
            self.present_verb(i + 1) and not again and (not ("P" in (tags := self.lex.tags(t.core)) and "p" not in tags) or (
                name_gender(self.lex.first_names.get(plain(t.core), "")) is not None and (o := self.tok(i + 2)) is not None
                and (o.core in POSSESSIVE_DETERMINERS or o.core in g.PERSONAL_PRONOUNS)))))  # "ana helps her grandma"
        # (not "Mars rises on the horizon": a planet's or a place's name, never a person's to WordNet)

    def present_verb(self, j: int) -> bool:
        """Token j, after a name, is its verb in the present ("Maria dances salsa", "Tom paints a fence", "Maria still
        reads"): a verb's -s form, an adverb allowed before it. Those names are common nouns too (lunar maria, a tom
        cat), and went out as written, N = 1; "Jordan shoes", a garment's plural, name a make."""
        if (w := self.tok(j)) is not None and w.is_word and "r" in self.lex.tags(w.core) and (
                w.core.endswith("ly") or w.core in FREQUENCY_ADVERBS):  # fmt: skip
            j += 1  # "still", "often"
        v = self.tok(j)
        return v is not None and v.is_word and not v.capitalised and "v" in self.lex.tags(v.core) and (
            v.low.endswith("s") and not v.low.endswith("ss") and v.core not in g.CLOSED
            and v.core.removesuffix("s") not in self.lex.senses.garments)  # fmt: skip

    def age_set_off(self, j: int) -> bool:
        """Tokens from j are an age between commas: "8," or "an 8-year-old," (a person's years, not a count)."""
        k = j + ((t := self.tok(j)) is not None and t.low in ("a", "an"))
        age, comma = self.tok(k), self.tok(k + 1)
        if age is None or comma is None or comma.text != ",":
            return False
        if k > j:
            return (m := YEAR_OLD.match(age.low)) is not None and g.number_value(m.group(1)) is not None
        return age.kind == "num" and age.text.isdigit() and 0 < int(age.text) < 120

    def nickname_adjective(self, w: Token) -> bool:
        """A capitalised adjective that may open a nickname before a first name ("Big Mike", "Old Tom", "Fat
        Tony"): no person's noun ("Nurse Joy" is a title) and no first name itself ("Rose Mary" is two names)."""
        return (w.capitalised and "a" in self.lex.tags(w.core) and self.noun(w) is None
                and plain(w.core) not in self.lex.first_names)  # fmt: skip

    def ampersand_make_end(self, i: int) -> int | None:
        """Token i opens "Name & Name's" before a thing's noun (no event, no picture): a make, and the index of the
        possessive name; else None."""
        t, amp, second = self.tok(i), self.tok(i + 1), self.tok(i + 2)
        if t is None or amp is None or second is None or amp.text != "&" or not (t.capitalised and t.is_word) or (
                not second.capitalised or not second.possessive or self.title_mode or not self.free(i)):  # fmt: skip
            return None
        thing = self.tok(i + 3)
        return i + 2 if thing is not None and self.thing_noun(i + 3) and thing.core not in ING_EVENTS and (
            thing.core not in OCCASIONS and thing.core not in self.lex.senses.depiction) else None

    def particles_end(self, j: int) -> int | None:
        """The capitalised surname after one or two lower-case particles from token j ("de Souza", "de la Cruz", "van
        Gogh"), or None."""
        k = j
        while k < j + 2 and (w := self.tok(k)) is not None and w.is_word and w.text in SURNAME_PARTICLES and self.free(k):
            k += 1
        surname = self.tok(k)
        return k if k > j and surname is not None and surname.is_word and surname.capitalised and self.free(k) else None

    def name_phrase(self, i: int, title: bool, noun: Noun | None) -> None:
        """Claims a name with its title and surname as one person phrase ("a woman", "a queen")."""
        t = self.tokens[i]
        first_tok = i
        if not title and noun is None and not self.upper_mode and not self.title_mode:
            while self.free(first_tok - 1) and self.tokens[first_tok - 1].capitalised and (
                first_tok - 1 not in self.starts or not self.lex.tags(self.tokens[first_tok - 1].core)
            ) and not (set(self.lex.tags(self.tokens[first_tok - 1].core)) & set("nvardicoxw")):
                first_tok -= 1  # "Mona Lisa": an unknown capitalised word before a first name
            if first_tok == i and first_tok - 1 in self.starts and self.free(first_tok - 1) and (
                    (w := self.tokens[first_tok - 1]) and self.nickname_adjective(w) and w.core not in self.lex.adjectives
                    and not self.adverb_before_name(first_tok - 1)):  # fmt: skip  # not "Later Maria sets the table"
                first_tok -= 1  # "Big Tony fixing a car", "Fat Tony": a nickname's adjective is the name's ("Big a man"
                # was sent); an attribute word stays the person's ("Old Tom fishing" -> "An old man fishing")
        last = i
        gender = self.lex.titles.get(t.core.rstrip(".")) if title else (noun.gender if noun else None)
        if title and self.tok(last + 1) is not None and self.tokens[last + 1].text == ".":
            last += 1
        j = start = last + 1  # after the title's full stop: "mr. rogers"
        name_words: list[Token] = [] if (title or noun) else [t]
        if not (title or noun) and (dot := self.tok(first_tok - 1)) is not None and dot.text == "." and (
                (initial := self.tok(first_tok - 2)) is not None and len(initial.text) == 1 and initial.text.isupper()
                and (given := self.tok(first_tok - 3)) is not None and given.is_word and given.capitalised
                and all(self.free(k) for k in range(first_tok - 3, first_tok))):  # fmt: skip
            first_tok -= 3  # "John F. Kennedy": the first name and the initial before the surname are the name too
            name_words.insert(0, given)
        name_first = first_tok if first_tok < i else i  # where the name's own words start
        if not (title or noun) and (quote := self.tok(j)) is not None and quote.text in NICKNAME_QUOTES and self.free(j):
            k = j + 1
            while k < j + 4 and (w := self.tok(k)) is not None and w.is_word and w.capitalised and self.free(k):
                k += 1
            close, surname = self.tok(k), self.tok(k + 1)
            if k > j + 1 and close is not None and close.text == NICKNAME_QUOTES[quote.text] and self.free(k) and (
                    surname is not None and surname.is_word and surname.capitalised and self.free(k + 1)):  # fmt: skip
                last, j = k, k + 1  # "Dwayne 'The Rock' Johnson": a quoted nickname inside the name is the name's
        lower_titled = (title or noun is not None) and not t.capitalised and self.lower_mode
        while self.free(j) and self.tokens[j].is_word and (self.tokens[j].capitalised or self.upper_mode or (
                not (title or noun) and t.capitalised and self.particles_end(j) is not None) or (
                lower_titled and (j == start or (j == start + 1 and self.lower_surname(j)))
                and not dropped_g(self.tokens[j], self.lex)) or (
                j <= i + 2 and not (title or noun) and len(name_words) == j - i and self.lower_surname(j, j == i + 2)
                and (j == i + 1 or plain(self.tokens[j - 1].core) in self.lex.first_names)) or (
                self.tokens[j].text in ("of", "the") and (not title or t.core in SAINTS or self.tokens[j].text == "the")
                and self.free(j + 1)
                and (epithet := self.tok(j + 1)) is not None and epithet.is_word and len(name_words) == 1 and (
                    (epithet.capitalised and not self.title_mode and epithet.core not in g.CLOSED
                     and self.noun(epithet) is None)
                    or (self.tokens[j].text == "the" and (epithet.core in self.lex.nouns or self.unknown_role(j + 1))
                        and not epithet.possessive and (
                            (not title and plain(t.core) in self.lex.first_names) or (title and len(name_words) == 1)))))):  # fmt: skip
            if not (title or noun) and (k := self.particles_end(j)) is not None:
                last, j = k, k + 1  # "Maria de Souza", "Maria de la Cruz": the particles and the surname after them
                name_words.append(self.tokens[last])  # are the name's ("Maria de Souza" was kept whole as a thing's
                continue  # name and sent, names round)
            if self.tokens[j].text in ("of", "the") and not self.tokens[j].capitalised:
                last, j = j + 1, j + 2  # "Joan of Arc", "Gandalf the Grey", "Mike the plumber": the epithet is
                # part of the name
                name_words.append(self.tokens[last])
                continue
            nxt = self.tokens[j]
            dot, after = self.tok(j + 1), self.tok(j + 2)
            if len(nxt.text) == 1 and nxt.text.isupper() and dot is not None and dot.text == "." and self.free(j + 1) and (
                    after is not None and after.is_word and after.capitalised and self.free(j + 2)):  # fmt: skip
                last, j = j + 1, j + 2  # "George W. Bush": a middle initial and its full stop are part of the name
                continue
            noun_word = self.lex.nouns.get(nxt.core) is not None and (self.title_mode or self.upper_mode)
            if nxt.core in g.CLOSED or noun_word or len(name_words) >= 3 or (nxt.text.isupper() and not self.upper_mode):
                break
            if self.upper_mode and set(self.lex.tags(nxt.core)) & set("nvar") and plain(nxt.core) not in self.lex.first_names:
                break
            name_words.append(nxt)
            last = j
            j += 1
        if self.free(j) and (ROMAN.match(self.tokens[j].text) or (
                lower_titled and len(self.tokens[j].text) > 1 and ROMAN.match(self.tokens[j].text.upper()))):  # fmt: skip
            last = j  # "Elizabeth II"
        if (suffix := self.tok(last + 1)) is not None and suffix.low in ("jr", "sr") and self.free(last + 1):
            last += 1  # "Martin Luther King Jr.": the generation is the name's
        if self.tokens[last].low in ("jr", "sr") and (dot := self.tok(last + 1)) is not None and dot.text == "." and (
                self.free(last + 1)):  # fmt: skip
            last += 1  # and so is its full stop ("A man. giving a speech" was sent)
        for k, w in enumerate(name_words[:1]):
            if gender is None and plain(w.core) in self.lex.first_names:
                gender = name_gender(self.lex.first_names[plain(w.core)])
            after = name_words[k + 1] if len(name_words) > k + 1 else None
            if w.core in self.lex.nouns and after is not None and (
                    said := name_gender(self.lex.first_names.get(plain(after.core), ""))) is not None:  # fmt: skip
                gender = said  # "Judge Judy", "Sailor Moon": a person noun before a first name is its epithet
        key = " ".join(plain(w.core) for w in name_words) or t.core
        if key not in self.names and not self.title_mode and not self.upper_mode and self.apposed_person(last):
            # "John, a retired firefighter, sits": the appositive says who the name is, and becomes the person's
            # phrase ("A retired male firefighter sits"); the name and its commas stay on the device, so no decoy
            # reads "A woman, a firefighter" as two people
            self.claim(first_tok, last + 1, Held(self.prompt[self.tokens[first_tok].start : self.tokens[last].end],
                                                 "name"))  # fmt: skip
            self.apposition[last + 1] = ({"gender": gender} if gender else {}, key, bool(title or noun))
            self.apposed_names.setdefault(key, last)
            return
        if key in self.names:
            person_id, det = self.names[key], "the"
        else:
            person = Person(cls=noun.cls if noun else "person", number="sg", anchor=i, named=not (title or noun))
            if gender:  # a first name's usual gender is weak: the prompt's own pronoun wins ("Alex and her ...")
                person.state("gender", gender, bool(title or noun), t.text)
                person.in_phrase.add("gender")
            while self.free(first_tok - 1) and (w := self.tokens[first_tok - 1]).is_word and not w.possessive and (
                    w.core in self.lex.adjectives):  # fmt: skip
                adjective = self.lex.adjectives[w.core]  # "old John fishing", "young Jessica": her age, varied
                person.state(adjective.attribute, adjective.value, adjective.strong, w.text)
                person.in_phrase.add(adjective.attribute)
                first_tok -= 1
            k = first_tok - 1
            while (w := self.tok(k)) is not None and w.is_word and self.free(k) and w.core not in g.DETERMINERS and (
                    "a" in self.lex.tags(w.core) or w.core in self.lex.senses.agents):  # fmt: skip
                k -= 1  # "a smiling Jack Black": the article before the words said of him is his ("a smiling a man")
            before = self.tok(k)
            owned = before is not None and (before.core in POSSESSIVE_DETERMINERS or before.core in g.DETERMINERS)
            person_id, det = self.new_person(person), "" if owned else "a"  # "My Daughter Aaliyah": "my" stays
            self.names[key] = person_id
        casing = g.TITLE if self.title_mode and not self.upper_mode else self.phrase_case(first_tok, last, named=True)
        if casing == g.TITLE and det == "a":
            det = "A"  # the stand-in's own article, in the title case it is written in ("Her Husband, A Man,")
        self.claim(first_tok, last, Phrase(person_id, det, (), self.tokens[last].possessive, casing))
        self.named_spans.append((name_first, last))  # the name's words, not the attribute words before it ("old John")

    def modifies_next(self, i: int) -> bool:
        """A capitalised word followed by a common noun ("Rembrandt lighting", "Eiffel Tower")."""
        nxt = self.tok(i + 1)
        if nxt is None or not nxt.is_word or self.tokens[i].possessive or self.noun(nxt) is not None:
            return False
        tags = self.lex.tags(nxt.core)
        if nxt.capitalised and not self.upper_mode and not self.title_mode:
            return bool(set(tags) & set("nva")) and not set(tags) & set("pP")
        style = nxt.core in STYLE_NOUNS and "p" in self.lex.tags(self.tokens[i].core)
        return style or ("n" in tags and "v" not in tags)

    def place_word(self, i: int) -> bool:
        prev = self.tok(i - 1)
        return prev is not None and prev.low in PLACE_WORDS and prev.capitalised

    def looks_like_name(self, i: int) -> bool:
        """A capitalised first name used as a name, not a common word where every word has a capital
        ("Rose petals", "Mark the spot", "HOPE"): such a word is a name only where a name would stand."""
        t, prev = self.tokens[i], self.tok(i - 1)
        tags = self.lex.tags(t.core)
        common = bool(set(tags) & set("nvar"))
        nxt = self.tok(i + 1)
        before_noun = nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core)
        compound = prev is not None and prev.is_word and prev.capitalised and prev.core not in g.CLOSED and (
            plain(prev.core) not in self.lex.first_names) and not (
            i - 1 in self.starts and prev.core in PICTURE_REQUESTS)  # "New York", "Fort Lily"; not "Draw Maria"
        if common and "N" in tags and not before_noun and not compound:
            return True  # "Maria at the beach": a name first, its common reading is rare ("Teddy Bear" stays)
        said = prev is not None and (a := self.lex.adjectives.get(prev.core)) is not None and a.attribute == "age"
        if common and (not compound or said) and self.figure_by_surname(i):
            return True  # "Mozart at the piano", "Einstein as a boy", "Young Einstein" (an age said of him)
        if common and "p" in tags and t.capitalised and not before_noun and not compound and name_gender(
                self.lex.first_names.get(plain(t.core), "")) is not None:
            return True  # "Napoleon on a white horse": a person WordNet knows by this name (a napoleon is a pastry)
        if common and not (self.title_mode or self.upper_mode or before_noun) and any(
                u.low == t.low and not u.capitalised for u in self.tokens):
            return True  # "Dawn at dawn": the word is written both ways, so the capital marks a name
        if common and (self.title_mode or self.upper_mode or i in self.starts):
            return self.acts_like_person(i)
        if common:  # "shot on Canon", "Amber jewelry": a word; "with Amber", "Amber smiling": a name
            return self.acts_like_person(i) or (prev is not None and prev.low in PERSON_SLOT_WORDS)
        return True

    def capital_name_part(self, t: Token) -> bool:
        tags = self.lex.tags(t.core)
        return not (set(tags) & set("nvardicoxw")) or "p" in tags or "N" in tags

    def maybe_name(self, i: int) -> bool:
        """An unknown capitalised word in a person's place: "with Zendaya", "Zendaya smiling", "Zendaya's"."""
        t = self.tokens[i]
        if self.lex.tags(t.core) or t.core in self.lex.nouns or t.core in self.lex.adjectives or len(t.core) < 3:
            return False
        if (t.text.isupper() or (t.text[:-1].isupper() and t.text[-1] == "s" and len(t.text) > 2)) and not self.upper_mode and (
                not t.shouted):  # fmt: skip
            return False  # an acronym, or its plural ("studying for the SATs", "old DVDs")
        prev, nxt = self.tok(i - 1), self.tok(i + 1)
        j = i - 1
        while (w := self.tok(j)) is not None and w.is_word and "a" in self.lex.tags(w.core) and w.core not in g.CLOSED:
            j -= 1  # "a red Porsche and a man": over the modifiers to the article
        if (w := self.tok(j)) is not None and w.core in ("a", "an", "this", "these", "those", "every", "each"):
            return False  # "a Stegasaurus eating": a name takes no article
        if prev is not None and prev.low in EVENT_MARKERS and not t.possessive:
            return False  # "celebrating Diwali", "during Eid": a festival
        if "-" in t.core and all(self.lex.tags(part) for part in t.core.split("-")):
            return False  # "Oil-on-canvas painting": a compound of words
        if not self.of_a_person(i):
            return False  # "a bowl of Pho", "the Hall of Karnak"; but "a portrait of Zendaya"
        if nxt is not None and nxt.is_word and nxt.capitalised:
            return False  # part of a longer proper name or brand ("Unreal Engine")
        if t.possessive or (nxt is not None and nxt.is_word and (self.ing(nxt) or nxt.core in AFTER_NAME)):
            return True
        ends = nxt is None or (not nxt.is_word and nxt.text in ".!?;")
        return prev is not None and prev.low in PERSON_SLOT_WORDS and ends
