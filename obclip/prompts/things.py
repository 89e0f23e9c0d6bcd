"""Named things and things that look like people, found before any word is read as a person.

A word is a person only where its reading in the sentence is a person. This pass runs first and keeps
as written (never rewritten, held back or refused) the phrases whose words only *look* like person cues:

- multiword names of things, places, works, foods and species from WordNet ("Statue of Liberty",
  "New York", "Bloody Mary", "French bulldog", "baby grand"; `data/senses.json`) and the lexicon's own
  list ("Isle of Man"); a proper name counts only where it is written with a capital, so "the Black Hand"
  is a name and "a black hand" is not;
- capitalised spans whose last word is a common noun that is not a person ("Sydney Opera House",
  "Ha Long Bay", "Oriental Pearl"): a name of a thing, unless it opens with a first name and is two
  words long ("Emma Stone" is a person; "Charles River" is a place, as "river" is a place noun);
- a model name: a word and its number ("Porsche 911", "Boeing 747");
- the name a thing or an animal is given ("a ship named Queen Mary", "a dog called Max");
- a capitalised name right before an animal noun, a breed or the animal's own name ("a Jack Russell
  terrier", "a King Charles spaniel"), and one that opens with no first name or title before a picture
  noun, a work ("the Little Mermaid statue"; "Emma Stone portrait" is still a person's name).

It also decides, for the later passes, when a person noun whose usual sense is not a person ("robot",
"pole", "fan") is a person here (`weak_is_person`), and when a noun is a thing (`thing_noun`).
"""

from __future__ import annotations

from obclip.prompts import grammar as g
from obclip.prompts.cues import (
    AGE_UNITS,
    COHORTS,
    COLLECTIVES,
    CONTRACTED_PRONOUN,
    EVENT_HEADS,
    HONORIFICS,
    NAMING_WORDS,
    PICTURE_REQUESTS,
    POSSESSIVE_DETERMINERS,
    SAINTS,
    SURNAME_PARTICLES,
    YEAR_OLD,
    YO,
    hair_type_head,
    listed_singular,
    name_gender,
    plain,
)
from obclip.prompts.template import Held
from obclip.prompts.tokens import ABBREVIATIONS


def years_of_someone(word: str) -> bool:
    """ "30-year-old", "7-year-old": an age in years a person can have (a model ship is seldom 30 years old)."""
    m = YEAR_OLD.match(word)
    return m is not None and (n := g.number_value(m.group(1))) is not None and 0 < n <= 110


RELEASED = "released"  # a span given back to the other passes; dropped from the template
NAMED = "a name of a thing, a place, a work or an artist"  # the reason a named thing is kept, unless told
# Function words that may sit inside a capitalised name ("Statue of Liberty", "Rio de Janeiro").
NAME_JOINERS = frozenset("of de del da di du la le von van the and".split())
# Attribute adjectives that describe things as often as people (colours, "old"): they do not make a
# weak person noun a person ("a white robot", "an old fan"); "female", "young", "Asian" do.
# ("old" and "little" are not among them: the cloud view writes every age with them, and a decoy must read back alike.)
THING_ADJECTIVES = frozenset("white black brown yellow red baby big giant".split())
# Buildings a saint's name is given to that WordNet's place heads lack ("St. Mary's Church", "St Luke's School").
SHOOTING_VERBS = frozenset("shot taken filmed captured photographed".split())  # "shot on arri alexa"
FEAST_WORDS = frozenset({"day", "eve", "feast"})  # "St. Lucia day", "St. Nicholas eve": a saint's feast
SAINT_PLACES = frozenset("church churches school college hospital square cross road".split())
COMPASS = frozenset("north south east west northern southern eastern western".split())
PLACE_OPENERS = frozenset({"san", "são", "sankt", "mount", "mt"})  # a saint's or a mountain's name ("San Jose")
FAMILY_WORDS = frozenset("family families clan household".split())
# small words a capitalised title runs over ("The Girl with a Pearl Earring", "Death of a Salesman")
TITLE_SMALL_WORDS = frozenset("the a an and with in on at for from to by of".split())
WORK_BY_MAKER = "a work named by its maker: the title after a famous maker's name"
LOCATIVE_WORDS = frozenset("in on at from to by".split())  # after a title they say where it is, not what
SHOP_PREPOSITIONS = frozenset("at from to outside inside near".split())  # "at McDonald's": its shop
READING_VERBS = frozenset("reading reads watching watches".split())  # a work's title follows them
# works whose title follows them ("the film Little Women", "the novel Emma", "the song Billie Jean")
WORKS = frozenset(
    "film movie book novel song album show series sitcom play musical opera poem game track single".split()
)
TITLE_JOINTS = frozenset("the and of &".split())  # "THE OLD MAN AND THE SEA", "LORD OF THE RINGS"
MEDIA = frozenset("dvd vhs cd vinyl record comic".split())  # what carries a work: "a dvd cover", "a vinyl cover"
# what is made of a work, after it: "a book cover", "a movie poster", "an album cover", "a tv show logo"
WORK_PARTS = frozenset("cover covers poster posters still stills logo soundtrack trailer title artwork jacket".split())


class ThingsMixin:
    """Passes of `obclip.prompts.parse._Parser` that keep named things as written (mixed in)."""

    def mark_named_things(self) -> None:
        self.mark_known_people()  # "Sitting Bull": someone, before capitalised runs are read as things' names
        self.mark_figures_in_common_words()  # "peter pan flying", "Little Red Riding Hood meeting the wolf"
        self.mark_numbered_landmarks()
        self.mark_family_names()
        self.mark_named_phrases()
        self.mark_characters()  # "Wonder Woman", "Superman": characters, after the names WordNet gives things
        self.mark_saints_places()
        self.mark_given_names()
        self.mark_work_titles()
        self.mark_titles_after_their_kind()
        self.mark_titles_before_their_kind()
        self.mark_bare_titles()
        self.mark_possessive_brands()
        self.mark_title_spans()
        self.mark_model_names()
        self.mark_viewer()
        self.mark_framing()
        self.mark_cameras()
        self.mark_all_of_one_kind()

    def mark_all_of_one_kind(self) -> None:
        """ "an all-boys boarding school", "an all-girls choir": "all-" and people before a thing says whom the thing
        is for, as "a boys' school" does; no one is there (round 61: "a little all-boys boarding school", N = 64)."""
        for i, t in enumerate(self.tokens):
            head, _, who = t.core.partition("-")
            if head != "all" or not who or not self.free(i) or (found := self.lex.nouns.get(who)) is None or (
                    found.number != "pl" or not found.states()) or not self.thing_noun(i + 1):  # fmt: skip
                continue
            j = i + 1
            while self.thing_noun(j + 1):
                j += 1  # "an all-boys boarding school": the compound's head
            place = self.tokens[j].core
            if place in self.lex.senses.place_heads or place in self.lex.senses.kind_heads:
                self.keep(i, i, f"it names a kind of {place}, one for {who}")  # not "an all-women choir": its people

    def mark_cameras(self) -> None:
        """ "shot on arri alexa", "taken with a Leica M6", "shot on Canon EOS R5": after a verb of taking a picture
        and "on"/"with", the words up to the tag's end name the camera or the film ("alexa" is no one there)."""
        for i, t in enumerate(self.tokens[:-2]):
            if t.low not in SHOOTING_VERBS or self.tokens[i + 1].low not in ("on", "with"):
                continue
            first = i + 2 + (self.tokens[i + 2].low in ("a", "an"))
            last = first - 1
            while (w := self.tok(last + 1)) is not None and w.is_word and self.free(last + 1) and last - first < 3 and (
                    w.core not in g.CLOSED and self.noun(w) is None and w.core not in self.lex.adjectives):  # fmt: skip
                last += 1
            named = any(w.capitalised or w.kind == "num" or not self.lex.tags(w.core) for w in self.tokens[first : last + 1])
            if last >= first and named and ((w := self.tok(last + 1)) is None or w.text in ",.;|"):  # not "a beach"
                self.keep(first, last, "a camera or a film: what the picture was taken with")

    def mark_framing(self) -> None:
        """ "1girl, cowboy shot, smiling": a front-end's framing tag (how much of the body the picture shows, from
        westerns' holster height), a whole tag of its own or "cowboy shot of ..."; no cowboy is there ("a cowboy shot
        in a western" is one)."""
        for i, t in enumerate(self.tokens[:-1]):
            prev, shot, after = self.tok(i - 1), self.tokens[i + 1], self.tok(i + 2)
            if t.core == "cowboy" and shot.low in ("shot", "shots") and self.free(i) and (
                    prev is None or prev.text in ",(") and (after is None or after.text in ",)" or after.low == "of"):  # fmt: skip
                self.keep(i, i + 1, "a framing tag: how much of the body the picture shows")

    def mark_viewer(self) -> None:
        """ "1girl, looking at viewer", "smiling at the viewer", "eye contact with viewer": the viewer is whoever
        looks at the picture, outside it; an SD tag for where the subject looks, no person of the image."""
        for i, t in enumerate(self.tokens):
            if t.core not in ("viewer", "viewers") or not self.free(i) or i == 0:
                continue
            j = i - 1 if self.tokens[i - 1].low == "the" else i
            if j > 0 and self.tokens[j - 1].low in ("at", "to", "toward", "towards", "with", "facing"):
                self.keep(i, i, "the one who looks at the picture, not in it")

    def mark_family_names(self) -> None:
        """ "the Patel family", "the Nguyens' house": a surname before "family" names the family, and a surname can
        tell its ethnicity; it stays on the device like a first name ("the family celebrating Diwali")."""
        for i, t in enumerate(self.tokens[1:-1], start=1):
            prev, nxt = self.tokens[i - 1], self.tokens[i + 1]
            if t.capitalised and self.free(i) and prev.low == "the" and nxt.core in FAMILY_WORDS and not (
                    self.title_mode or self.upper_mode or set(self.lex.tags(t.core)) & set("var")):  # fmt: skip
                self.claim(i, i, Held(t.text, "name"))

    def mark_saints_places(self) -> None:
        """ "St. Mary's Church", "Saint Peter's Basilica", "St Paul's Cathedral": a saint's name before a place or
        building names that place; no person of the picture. So does a saint's name with "'s" before anything
        ("St. Mary's hospital", "St. Patrick's Day", "a mass at St. Jude's"): a church, a school, a feast."""
        heads = self.lex.senses.place_heads | SAINT_PLACES
        for i, t in enumerate(self.tokens):
            if not (t.capitalised and t.core in SAINTS):
                continue
            j = i + 1 + (self.tok(i + 1) is not None and self.tokens[i + 1].text == ".")
            if not self.free(i) and (k := self.used.get(i)) is not None and self.spans[k][1] == j and (
                    (w := self.tok(j + 1)) is not None and w.core in FEAST_WORDS):  # fmt: skip
                self.release_named(i)  # "Saint Lucia" (an island) before "day" is the saint's
            if not self.free(i):
                continue
            if (name := self.tok(j)) is not None and name.is_word and name.capitalised and name.possessive and (
                    self.free(j)):  # fmt: skip
                feast = self.tok(j + 1)
                if feast is not None and feast.is_word and f"st {name.low} {feast.core}" in self.lex.proxies:
                    self.saint_feasts.append((i, j + 1))  # "St. Patrick's Day": a feast of one origin, a proxy where
                    j += 1  # someone is there (`mark_proxies`); the dot keeps it from the proxy phrases' match
                self.keep(i, j, "a saint's name in the name of a church, a feast or a place")
                continue
            feast = self.tok(j + 1)
            if name is not None and name.is_word and name.capitalised and feast is not None and (
                    feast.core in FEAST_WORDS and not name.possessive):  # fmt: skip
                if all(self.free(k) for k in range(i, j + 2)):
                    keys = (f"st {name.low}'s {feast.core}", f"{name.low} {feast.core}", f"saint {name.low} {feast.core}")
                    if any(k in self.lex.proxies or k in self.lex.senses.regional for k in keys):
                        self.saint_feasts.append((i, j + 1))  # "St. Lucia day" beside a Swedish girl, as "St.
                        # Patrick's Day" beside an Irish man: a feast of one origin
                    self.keep(i, j + 1, "a saint's feast")  # "St. Nicholas day" is a day: no one is there ("on a
                    continue  # woman day" was sent)
            if (street := self.tok(i - 1)) is not None and street.is_word and street.capitalised and (
                    self.free(i - 1) and street.core not in g.CLOSED and self.lex.titles.get(street.core, "") == ""):  # fmt: skip
                self.keep(i - 1, i, "a street's name")  # "Main St", "on Elm St. A woman waves": the street
                continue
            end = j
            while self.free(end) and (w := self.tok(end)) is not None and w.is_word and w.capitalised:
                if w.core in heads and end > j:
                    self.keep(i, end)
                    break
                end += 1

    def mark_numbered_landmarks(self) -> None:
        """ "the Three Sisters rock formation", "the Seven Sisters cliffs": "the", a capitalised number and capitalised
        people, then a thing that is no person, name a landmark after people; no one is there ("the person cliffs"
        and "the Three brothers rock formation" were sent)."""
        for i, t in enumerate(self.tokens[1:], start=1):
            if t.core not in g.NUMBER_WORDS or not t.capitalised or self.tokens[i - 1].low != "the" or not self.free(i):
                continue
            end = i + 1
            while (w := self.tok(end)) is not None and w.is_word and w.capitalised and self.free(end):
                end += 1
            if end > i + 1 and self.thing_noun(end) and not self.ing(self.tokens[end]):
                self.keep(i, end - 1, f"it names the {self.tokens[end].core} after it")

    def keep(self, first: int, last: int, why: str = NAMED) -> None:
        start = self.tokens[first].start
        self.claim(first, last, Held(self.prompt[start : self.tokens[last].end], "not a person"))
        self.named_why[start] = why

    def creature(self, j: int) -> bool:
        """Token j is an animal, a toy or a dressed-up food ("terrier", "cats", "teddy")."""
        t = self.tok(j)
        creatures = self.lex.senses.creatures
        return t is not None and t.is_word and (t.core in creatures or t.core.removesuffix("s") in creatures)

    def mark_given_names(self) -> None:
        """ "a ship named Queen Mary", "a dog called Max": after a thing or an animal, "named" gives its name,
        whatever the name looks like; "the film Little Women", "the song Billie Jean": after a work, its title."""
        for i, t in enumerate(self.tokens[:-1]):
            if (
                t.low in WORKS
                and not t.capitalised
                and self.free(i + 1)
                and self.tokens[i + 1].capitalised
                and (i > 0 and self.tokens[i - 1].low == "the")
                and (  # "a book Sarah wrote": her book
                    not self.title_mode and not self.upper_mode
                )
            ):
                first = i + 2 if self.tokens[i + 1].core == "the" and i + 2 < len(self.tokens) else i + 1
                self.keep(i + 1, self._title_span_end(first) or first, f"the title of the {t.low}")
        for i, t in enumerate(self.tokens[:-2]):
            if t.low in READING_VERBS and not self.title_mode and not self.upper_mode and self.free(i + 1) and (
                    end := self._title_span_end(i + 1)) is not None:  # fmt: skip
                self.keep(i + 1, end, f"the title of the work after '{t.low}'")
                # "a woman reading Little Women", "watching Mean Girls": two capitalised words after "reading" name a work
        for i, t in enumerate(self.tokens[1:-1], start=1):
            if t.low not in NAMING_WORDS or not (self.thing_noun(i - 1) or self.creature(i - 1)):
                continue
            first = i + 2 if self.tokens[i + 1].low == "the" else i + 1
            if first >= len(self.tokens) or not self.free(first) or not self.tokens[first].capitalised:
                continue
            end = self._title_span_end(first) or first
            self.keep(i + 1, end, f"the name given to the {self.tokens[i - 1].core}")

    def mark_work_titles(self) -> None:
        """ "the cover of The Old Man and the Sea", "The Girl with a Pearl Earring hanging in a museum": a title
        written in title case, opened by "The", that holds a person noun is the name of a work, kept as written
        (its decoys would be titles no one wrote). It is a title where "The" has its capital mid-sentence, or
        where the capitals run on past a small word into a thing ("... with a Pearl Earring", "... and the
        Sea"); "The Old Man sat on the porch" and "The King and Queen of Spain" are people."""
        if self.title_mode or self.upper_mode:
            return
        small = TITLE_SMALL_WORDS
        for i, t in enumerate(self.tokens[:-2]):
            if t.text != "The" or not self.free(i):
                continue
            end, crossed, person, j = None, False, False, i + 1
            while (w := self.tok(j)) is not None and w.is_word and self.free(j):
                if w.capitalised:
                    found = self.noun(w)
                    person = person or (found is not None and w.core not in self.lex.adjectives)
                    if end is not None and end < j - 1 and found is None and "n" in self.lex.tags(w.core):
                        crossed = crossed or self.tokens[j - 1].low != "of"  # "with a Pearl", "and the Sea"
                    end = j
                elif w.low not in small:
                    break
                j += 1
            if end is None or not person or end == i + 1:
                continue
            if i not in self.starts or crossed:
                self.keep(i, end, "the title of a work")

    def mark_titles_after_their_kind(self) -> None:
        """ "a poster for the movie the godfather", "a first edition of the book little women": after "the movie",
        "the book", "the song" the words that follow (an article or a person's words first, not a compound such as
        "the movie star") are the work's title, in any letter case, up to a comma, a place or an action; a title
        that holds a person word is kept as written (its decoys would be titles no one wrote)."""
        for i, t in enumerate(self.tokens[:-1]):
            prev, nxt = self.tok(i - 1), self.tokens[i + 1]
            close = {'"': '"', "“": "”", "'": "'"}.get(nxt.text)
            if t.core in WORKS and close is not None and self.free(i + 1):
                # "the film "Little Women"": the quoted words in capitals after the word for a work are its title
                # (round 81: "Little Women" went out as "Little Girls", "Old Men"); not a picture's caption ("a photo
                # "my grandma at 90"" describes who is in it)
                end = next((j for j in range(i + 2, len(self.tokens)) if self.tokens[j].text == close), None)
                if end is not None and end > i + 2 and self.tokens[i + 2].capitalised and all(
                        self.free(j) for j in range(i + 2, end)) and any(
                        self.noun(w) is not None for w in self.tokens[i + 2 : end]):  # fmt: skip
                    self.keep(i + 2, end - 1, "the title of a work, quoted after the word for the work")
                continue
            if t.core in MEDIA | {"album", "song", "single"} and nxt.low == "of" and (
                    (the := self.tok(i + 2)) is not None and the.low == "the" and self.free(i + 1)):  # fmt: skip
                i, nxt = i + 1, the  # "a vinyl record of the girl from ipanema": the song's title after "of"
            elif t.core not in WORKS or prev is None or prev.low != "the" or not nxt.is_word or not self.free(i + 1):
                continue
            if f"{t.core} {nxt.core}" in self.lex.senses.compounds or nxt.core in g.PREPOSITIONS - {"the"}:
                continue  # "the movie star", "the song of ..."
            after = self.tok(i + 2)
            if not (nxt.low in ("the", "a", "an") or (nxt.core in self.lex.adjectives and self.noun(nxt) is None and (
                    after is not None and after.is_word and self.noun(after) is not None))):  # fmt: skip
                continue  # "the movie poster", "the movie star", "the book cover": a compound, no title
            end, j = None, i + 1
            while (w := self.tok(j)) is not None and w.is_word and self.free(j) and not self.ing(w) and (
                    w.low not in LOCATIVE_WORDS and w.low not in ("at", "with", "for", "near")):  # fmt: skip
                end, j = j, j + 1
            if end is not None and end > i + 1 and any(self.noun(w) is not None for w in self.tokens[i + 1 : end + 1]):
                self.keep(i + 1, end, "the title of a work, after the word for the work")

    def mark_titles_before_their_kind(self) -> None:
        """ "LITTLE WOMEN BOOK COVER", "spice girls album cover", "the godfather movie poster": words that hold a
        person noun right before a work and the thing made of it (`WORKS` or `MEDIA`, then `WORK_PARTS`) are that
        work's title or genre, not someone in the picture, and are kept as written (a decoy "OLD MEN BOOK COVER"
        is a title no one wrote). In any letter case: a decoy is written in the case of the prompt's words, not of
        its title. The title runs back over nouns, adjectives, names and `TITLE_JOINTS`, so an article ("a little
        women book cover"), a comma, an -ing word or another preposition ends it."""
        for k in range(1, len(self.tokens) - 1):
            work, part = self.tokens[k], self.tokens[k + 1]
            if work.core not in WORKS | MEDIA or part.core not in WORK_PARTS or not self.free(k):
                continue
            first = k
            while (w := self.tok(first - 1)) is not None and w.is_word and self.free(first - 1) and (
                    w.low in TITLE_JOINTS or (not self.ing(w) and w.low not in g.PREPOSITIONS
                                              and set(self.lex.tags(w.core)) & set("nap"))):  # fmt: skip
                first -= 1
            if first < k and any(self.noun(w) is not None for w in self.tokens[first:k]):
                self.keep(first, k - 1, f"the title of the {work.core} after it")

    def mark_bare_titles(self) -> None:
        """ "a marquee showing Mean Girls", "a poster of Gone Girl", "a sign to Boys Town", "a copy of Death of a
        Salesman", "Ladies' Mile in Manhattan": in a prompt written in lower case, a run of capitalised words
        that holds a person noun and a word that says nothing of a person ("Mean", "Gone", "Town", "Death") is the
        title or name of something, not a person described with capitals: "a photo of Old Asian Woman" holds
        only words that describe people, and "Queen Mary", "Uncle Ben" open with a title before a name."""
        if self.title_mode or self.upper_mode:
            return
        small = TITLE_SMALL_WORDS | {"n"}  # "Boyz n the Hood"
        i = 0
        while i < len(self.tokens):
            t, prev = self.tokens[i], self.tok(i - 1)
            if not (t.is_word and t.capitalised and self.free(i)) or t.core in ("the", "a", "an") or (
                    t.core in g.NUMBER_WORDS and i in self.starts) or (  # "Two Chinese-Canadian sisters": a count
                    prev is not None and prev.is_word and (
                    prev.capitalised or (prev.core in g.DETERMINERS and prev.low != "the")
                    or prev.core in POSSESSIVE_DETERMINERS)):  # fmt: skip
                i += 1
                continue
            after_the = prev is not None and prev.low == "the"  # "the Girl with a Pearl Earring painting"
            end, j = i, i + 1
            while (w := self.tok(j)) is not None and w.is_word and self.free(j) and (w.capitalised or w.low in small):
                end = j if w.capitalised else end
                j += 1
            words = [w for w in self.tokens[i : end + 1] if w.capitalised]
            people = [w for w in words if self.noun(w) is not None and w.core not in self.lex.adjectives]
            opener = self.noun(t)
            plural_opener = opener is not None and opener[0].number == "pl"  # "Kings Cross", "Boys Town"
            foreign = [
                w for w in words
                if self.noun(w) is None and w.core not in self.lex.adjectives and w.core.rstrip(".") not in self.lex.titles
                and w.core not in ("jr", "sr")  # "Martin Luther King Sr.": a generation, the name's
                and plain(w.core) not in self.lex.first_names and not self.ing(w) and (
                    set(self.lex.tags(w.core)) & set("nva") or w.core in g.NUMBER_WORDS)
            ]  # fmt: skip
            after_opener = self.tok(i + 1)
            named = after_opener is not None and after_opener.capitalised and (
                plain(after_opener.core) in self.lex.first_names or "n" not in self.lex.tags(after_opener.core))
            # "Queen Mary", "Uncle Ben", "Mr Clean": a title or a person noun before a name is someone's name
            titled = t.core.rstrip(".") in self.lex.titles or (opener is not None and not plural_opener and named)
            nxt = self.tok(end + 1)
            acts = nxt is not None and nxt.is_word and (self.ing(nxt) or nxt.core in g.AUXILIARIES or (
                "v" in self.lex.tags(nxt.core) and nxt.core not in self.lex.senses.kind_heads))
            # capitals that run on past a small word into a word no person is ("Girl with a Pearl Earring") are a
            # title even before a verb: the work hangs, the character does not
            crossed = any(
                not w.capitalised and any(v.capitalised and v in foreign for v in self.tokens[k + 1 : end + 1])
                for k, w in enumerate(self.tokens[i : end + 1], start=i)
            )
            works = self.lex.senses.depiction | WORKS
            framed = (nxt is not None and nxt.core in works) or (
                (of := self.tok(i - 2)) is not None and of.low == "of" and (w := self.tok(i - 3)) is not None
                and w.core in works)  # fmt: skip
            depicts = t.core in self.lex.senses.depiction and (w := self.tok(i + 1)) is not None and w.low == "of"
            # a sentence's first word has its capital from the sentence: "Kids in Halloween costumes", "Women in Paris
            # cafes" are people, not titles (round 80: sent as written), one capital past a small word saying no more
            # than a name's; "Girl with a Pearl Earring", "Elder Scrolls", "Mean Girls" capitalise more
            lone = i in self.starts and len(words) < 3 and not ((w := self.tok(i + 1)) is not None and w.capitalised)
            if len(words) >= 2 and people and not lone and (foreign or plural_opener) and not titled and (not acts or crossed) and (
                    not after_the or (crossed and framed)) and not depicts:  # fmt: skip
                # ("Portrait of a Young Girl with a Pearl Earring", "Portrait of an Old Man": the picture shows them)
                # after "the" only a title that runs past a small word and names a work: "the Girl with a Pearl
                # Earring painting", "a print of the Old Man and the Sea" ("the Old Woman with a Blue Hat" is hers)
                # "Iron Man flying", "Wonder Woman is ...": a character who acts is someone in the picture
                self.keep(i, end, "the title or name of something, written in capitals")
            i = end + 1

    def mark_possessive_brands(self) -> None:
        """ "a Wendy's drive-through", "a bottle of Jack Daniel's", "a jar of Uncle Ben's rice": a capitalised
        name with a possessive, between an article and a noun (an article cannot determine someone's name: it
        goes with the thing), or as what a container holds, names a brand, not someone. A person noun's
        possessive ("a plate of Grandma's cookies") and a picture's ("a photo of Sarah's dog") stay someone's."""
        if self.title_mode or self.upper_mode:
            return
        for i, t in enumerate(self.tokens):
            if not (t.is_word and t.capitalised and t.possessive and self.free(i)):
                continue
            nxt = self.tok(i + 1)
            if self.noun(t) is not None:
                end = i
                while (w := self.tok(end + 1)) is not None and w.is_word and w.capitalised and self.free(end + 1) and (
                        "n" in self.lex.tags(w.core) and self.noun(w) is None):  # fmt: skip
                    end += 1
                if end > i:  # "King's Cross station", "Bachelor's Walk", "Mother's Day": a name, its own capitals
                    self.keep(i, end, "a place or a thing named after someone, written in capitals")
                continue
            if "p" in self.lex.tags(t.core) and nxt is not None and nxt.is_word and nxt.capitalised:
                # "Michelangelo's David", "Rodin's The Thinker", "Vermeer's Girl with a Pearl Earring": an artist's (a
                # dictionary's famous person's) possessive before a capitalised title names the work, not a sitter
                if not self.free(i + 1):  # the title is read already ("The Thinker"): the maker's name goes with it
                    self.keep(i, i, WORK_BY_MAKER)
                    continue
                end = i + 1
                while True:
                    k = end + 1
                    while (w := self.tok(k)) is not None and w.is_word and w.low in TITLE_SMALL_WORDS - LOCATIVE_WORDS:
                        k += 1  # "Lady with an Ermine": small words inside a title, before its next capital
                    if (w := self.tok(k)) is None or not w.is_word or not w.capitalised or not self.free(k):
                        break  # "... David in Florence": where it stands is no part of its title
                    end = k
                self.keep(i, end, WORK_BY_MAKER)
                continue
            if nxt is not None and f"{t.low} {nxt.core}" in self.lex.proxies:
                continue  # "a prominent Adam's apple": a listed feature (round 56: kept as a brand, sent beside women)
            first = i
            while first > 0 and self.free(first - 1) and self.tokens[first - 1].capitalised or (
                    first > 1 and self.tokens[first - 1].text in (".", "&") and self.tokens[first - 2].capitalised
                    and self.free(first - 2)):  # fmt: skip
                first -= 1  # "Jack Daniel's", "Mrs. Butterworth's", "Uncle Ben's", a firm's "Ben & Jerry's"
            if first in self.starts:
                continue
            # "an empty Ben & Jerry's truck": the adjectives describe the thing, as the article goes with it
            before = self.tok(self.before_adjectives(first - 1))
            if before is not None and before.low in SHOP_PREPOSITIONS and (nxt is None or not nxt.is_word):
                self.keep(first, i, "a shop or a place: a name with a possessive and no noun after it")
                continue  # "a Happy Meal box from McDonald's", "lunch at Wendy's"
            tags = self.lex.tags(nxt.core) if nxt is not None else ""
            noun_after = nxt is not None and nxt.is_word and not nxt.capitalised and ("n" in tags or not tags) \
                and self.noun(nxt) is None and nxt.core not in g.CLOSED  # fmt: skip  # "drive-through" is unlisted
            held = self.container_before(first) is not None
            if (before is not None and before.low in ("a", "an") and noun_after) or held:
                self.keep(first, i, "a brand: a name with a possessive where a thing's name stands")

    def release_named(self, j: int) -> None:
        """Frees the named thing that starts at token j, for a pass that reads it otherwise (an origin)."""
        k = self.used.get(j)
        if k is None:
            return
        first, last, seg = self.spans[k]
        if first == j and isinstance(seg, Held) and seg.why == "not a person":
            for m in range(first, last + 1):
                del self.used[m]
            self.spans[k] = (-1, -1, Held("", RELEASED))

    def mark_named_phrases(self) -> None:
        cores = [plain(t.core) for t in self.tokens]
        lows = [plain(t.low) for t in self.tokens]  # a possessive may be part of the name ("baby's breath")
        lower_prompt = not any(c.isupper() for c in self.prompt)
        index = self.lex.named_index
        for i, t in enumerate(self.tokens):
            if not t.is_word or not self.free(i):
                continue
            # a name that opens with a gendered person's word is a name in the other gender's words too, when
            # WordNet has only one ("a man's hat" as "a woman's hat"): else the decoy would read otherwise
            other = self.lex.counterpart(cores[i]) if t.possessive else None
            owned = (prev := self.tok(i - 1)) is not None and (prev.low == "the" or prev.core in POSSESSIVE_DETERMINERS)
            described = prev is not None and prev.core in self.lex.adjectives and self.free(i - 1) and not (
                (w := self.tok(i + 2)) is not None and w.is_word and "n" in self.lex.tags(w.core)
                and w.core not in g.CLOSED)  # fmt: skip  # "an old man's hat": his; "an old lady's slipper orchid"
            if other is not None and (owned or described) and self.lex.nouns[cores[i]].number == "sg":
                continue  # "the man's hat", "her mother's hat": someone's, not WordNet's kind ("a woman's hat"); "the
                # ladies' room" is one
            firsts = [(cores[i], lows[i])] + ([(other, lows[i].replace(cores[i], other, 1))] if other else [])
            for words, proper, first in [(w, p, f) for f in firsts for key in dict.fromkeys(f)
                                         for w, p in index.get(key, ())]:  # fmt: skip
                n = len(words)
                if len(cores[i : i + n]) < n or not all(
                        w in ((cores[k], lows[k]) if k > i else first) or (
                            k == i + n - 1 and n > 1 and cores[k] in (w + "s", w + "es"))
                        for k, w in enumerate(words, start=i)):  # fmt: skip  # "Chinese lanterns": a plural
                    continue
                if not all(self.free(j) for j in range(i, i + n)):
                    continue
                common = cores[i] not in self.lex.adjectives and "P" not in self.lex.tags(cores[i])  # not "Chinese"
                if proper and not (lower_prompt or any(w.capitalised and (k not in self.starts or n == 1 or not common)
                                                       for k, w in enumerate(self.tokens[i : i + n], start=i))):  # fmt: skip
                    continue  # "a black hand" is a hand; "the Black Hand" a name; "Boy scouts around a campfire": the
                    # sentence's capital only (it went out as the organisation's name, N = 1)
                said, after = self.lex.adjectives.get(cores[i]), self.tok(i + n)
                if n > 1 and said is not None and after is not None and after.is_word and not t.capitalised and (
                        self.noun(after) is not None and not self.tokens[i + n - 1].possessive):  # fmt: skip
                    break  # "a young bird watcher": the age is the watcher's, whose compound the bird opens
                members = self.noun(self.tokens[i + n - 1])
                counted = prev is not None and self.free(i - 1) and (g.number_value(prev.low) or prev.low in (
                    "some", "several", "many", "few") or (prev.low == "of" and (b := self.tok(i - 2)) is not None
                                                          and b.core in COLLECTIVES | {"troop", "bunch"}))  # fmt: skip
                if n > 1 and members is not None and members[0].number == "pl" and counted:
                    break  # "A group of Boy Scouts around a campfire": the members, people, not the organisation
                    # (round 95: kept as its name, N = 1)
                if owned and f"{prev.low} {' '.join(lows[i : i + n])}" in self.lex.proxies:
                    break  # "at her baby shower": her own, the mother-to-be's, a proxy (`mark_proxies`); "a baby shower" a venue
                if n > 1 and all(plain(c) in self.lex.first_names for c in cores[i : i + n]) and not owned and (
                        prev is None or prev.core not in g.DETERMINERS) and (
                        after is not None and after.low in self.lex.senses.agents):  # fmt: skip
                    break  # "Mona Lisa smiling in a modern cafe": a work named by first names, doing what only a person
                    # does, is its sitter, read as a name (round 65: kept as the painting, a woman sent in clear); "the
                    # mona lisa wearing a cowboy hat" is the painting, as before
                self.keep(i, i + n - 1)
                break

    def kin_or_pet_after(self, j: int) -> bool:
        """A person or an animal is named within the few words from token j ("his little sister", "his dog")."""
        for k in range(j, j + 3):
            w = self.tok(k)
            if w is None or not w.is_word:
                return False
            if self.noun(w) is not None or w.core in self.lex.senses.animals:
                return True
        return False

    def mark_title_spans(self) -> None:
        if self.title_mode or self.upper_mode:
            return  # where every word has a capital, capitals say nothing
        i = 0
        while i < len(self.tokens):
            end = self.title_span_end(i)
            if end is None:
                i += 1
                continue
            if (self.tokens[i].core, self.tokens[end].core) in COHORTS:
                i = end + 1  # "Gen Z": a generation, an age the person phrase after it reads
                continue
            if self.tokens[i].possessive and (w := self.tok(i - 1)) is not None and w.is_word and w.capitalised and (
                    plain(w.core) in self.lex.first_names and self.free(i - 1)):  # fmt: skip
                i += 1  # "Maria Lopez's garden": the possessive of a full name, someone's (round 87 beside it: "A
                continue  # woman Lopez's garden" was sent, the surname kept with the garden as a place's name
            if self.tokens[i].core in ("his", "her", "their") and self.tokens[end].core in HONORIFICS:
                i = end + 1  # "Her Majesty waved", "His Holiness smiled": a person's style, whose pronoun is theirs
                continue  # (kept as a name, "Her Majesty" went out beside "The king stood on the balcony")
            if i in self.starts and self.tokens[i].core in PICTURE_REQUESTS and i < end:
                i += 1  # "Draw Maria at her kitchen table", "Show Priya dancing": a request opens the sentence, and
                continue  # the capitals after it are read on their own (round 60: "Draw Maria" was kept as a title)
            if end > i + 1 and plain(self.tokens[i].core) in self.lex.first_names and (
                    self.tokens[i + 1].low in SURNAME_PARTICLES and self.tokens[i + 1].text.islower()) and (
                    not self.thing_noun(end + 1)):  # fmt: skip
                i += 1  # "Maria de Souza at the beach", "Leonardo da Vinci painting": a given name, a particle and a
                continue  # surname are someone's (kept as a thing's name, "Maria de Souza" was sent, names round)
            if end == i + 2 and self.tokens[i + 1].low in ("and", "&") and all(
                    self.tokens[k].core in self.lex.senses.public_figures or plain(self.tokens[k].core) in self.lex.first_names
                    for k in (i, end)) and (v := self.tok(end + 1)) is not None and self.ing(v) and (
                    v.core not in self.lex.senses.thing_verbs):  # fmt: skip
                i += 1  # "Einstein and Tesla playing chess", "Beethoven and Mozart having a piano battle": two people
                continue  # WordNet knows, doing something (kept as a work's name and sent, names round 2)
            if i in self.starts and self.adverb_before_name(i):
                i += 1  # "Later Maria sets the table", "Suddenly Tom laughs": an adverb opens the sentence, and the name
                continue  # after it is read on its own (round 102: "Later Maria" kept as a thing's name and sent)
            if self.tokens[i].core in self.lex.senses.depiction and i + 2 <= end and self.tokens[i + 1].low == "of":
                i += 2  # "Portrait of Abraham Lincoln reading": a picture of whom the capitals after "of" name, read
                continue  # on their own (a name is someone; "Portrait of the Artist's Mother" holds a person noun)
            if end == i + 1 and plain(self.tokens[end].core) in self.lex.first_names and "a" in self.lex.tags(
                    self.tokens[i].core) and (((c := self.tok(end + 1)) is not None and c.text == "," and (
                    d := self.tok(end + 2)) is not None and d.low in ("the", "a", "an") and (
                    self.modifiers_to_noun(end + 3) is not None or (
                        (w := self.tok(end + 3)) is not None and self.noun(w) is not None))) or (
                    i in self.starts and self.present_verb(end + 1))):  # fmt: skip
                i = end + 1  # "Big Mike, the bouncer, ...": a nickname, named by the appositive after it as someone's
                continue  # (round 92: kept as a thing's name and sent, N = 1); "Big Mike fixes cars in his garage":
                # by the verb after it (kept and sent beside "in her garage")
            said = self.lex.adjectives.get(self.tokens[i].core)
            rest = range(i + 1, end + 1)  # "Asian American", "Aboriginal Australian": one origin, no team
            if (
                said is not None
                and said.attribute == "ethnicity"
                and ((after := self.tok(end + 1)) is not None and after.is_word and self.noun(after) is not None)
                and all(
                    self.tokens[k].core not in self.lex.adjectives and self.noun(self.tokens[k]) is None for k in rest
                )
            ):
                self.keep(i + 1, end)  # "a Nigerian Super Eagles player": the origin is the player's, not the team's
            elif self.tokens[end].core in self.lex.adjectives and (after := self.tok(end + 1)) is not None and (
                    after.is_word and (self.noun(after) is not None or after.core in COLLECTIVES)):  # fmt: skip
                pass  # "Cheerful African family", "Happy Asian woman": a caption's capitals before an origin and the
                # people it describes; the origin is theirs (kept as a family's name, "African" went out unvaried)
            elif said is not None and said.attribute == "age" and end == i + 1 and (
                    self.tokens[end].core in self.lex.senses.public_figures) and (
                    (after := self.tok(end + 1)) is None or not after.is_word or after.core in g.CLOSED):  # fmt: skip
                pass  # "Young Mozart at the piano", "Young Einstein": an age said of someone WordNet knows, read with
                # names (kept as a work's title, the name went out beside decoys of another age and gender)
            elif self.names_a_thing(i, end):
                self.keep(i, end)
            elif self.names_before(i, end):
                self.keep(i, end, f"it names the {self.tokens[end + 1].core} after it")
            elif (box := self.container_before(i)) is not None and not (
                    self.tok(end + 1) is not None and self.ing(self.tokens[end + 1])):  # fmt: skip
                self.keep(i, end, f"it names what the {box} holds")  # "a bottle of Jim Beam", "a copy of ..."
            i = end + 1

    def title_span_end(self, i: int) -> int | None:
        end = self._title_span_end(i)
        nxt = self.tok(i + 1)
        prev = self.tok(i - 1)
        named = prev is not None and prev.low in NAMING_WORDS  # "a boy named Kenji flies": a name, then a verb
        if end is None and nxt is not None and i not in self.starts and self.tokens[i].capitalised and self.free(i) and (
                self.free(i + 1)) and (
                nxt.core in self.lex.senses.place_heads and not set(self.lex.tags(self.tokens[i].core)) & set("nvar")
                and not named):  # fmt: skip
            return i + 1  # "Eiffel tower", "Golden Gate bridge": a name and its place noun
        return end

    def adverb_before_name(self, i: int) -> bool:
        """Token i is an adverb of time or manner and the word after it a first name ("Later Maria", "Then Tom",
        "Suddenly Aisha"): an adverb is no part of a name; an adjective that is also an adverb ("Big Mike", "Little
        John") may open a nickname, so only a comparative ("Later") or one that joins clauses ("Then") counts."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        tags = set(self.lex.tags(t.core))
        return nxt is not None and nxt.capitalised and plain(nxt.core) in self.lex.first_names and "r" in tags and (
            tags <= set("arci")) and ("a" not in tags or "c" in tags or t.core.endswith("er"))  # fmt: skip

    def _title_span_end(self, i: int) -> int | None:
        """The last token of a run of two or more capitalised words from token i (inner "of", "de" allowed)."""
        t = self.tokens[i]
        if not (t.capitalised and self.free(i)) or t.core in g.DETERMINERS or t.core in g.NUMBER_WORDS:
            return None  # "Two Chinese-Canadian sisters": a count opens the sentence, not a name
        end, j, words = i, i + 1, 1
        while self.free(j) and self.tokens[j].start - self.tokens[j - 1].end <= 1 and (self.tokens[j].is_word or (
                self.tokens[j].text == "." and self.tokens[j - 1].low in ("st", "mt") and j > i
                and (w := self.tok(j + 1)) is not None and w.capitalised)):  # fmt: skip  # "Mount St. Helens"
            w = self.tokens[j]
            if not w.is_word:
                j += 1
                continue
            if w.capitalised and not w.possessive:
                end, words = j, words + 1
            elif w.low not in NAME_JOINERS:
                break
            j += 1
        return end if words >= 2 else None

    def verb_with_object(self, j: int) -> bool:
        """The -ing word at token j takes an object ("at a Bar Mitzvah dancing the hora", "Aisha building a
        sandcastle"): a verb, no compound's head ("a Diwali greeting to his mother")."""
        obj = self.tok(j + 1)
        return obj is not None and (obj.core in g.DETERMINERS or obj.core in POSSESSIVE_DETERMINERS)

    def names_a_thing(self, first: int, last: int) -> bool:
        """A capitalised span names a thing when its last word is a common noun that is not a person."""
        head, opener = self.tokens[last], self.tokens[first]
        if not head.capitalised and self.ing(head) and self.verb_with_object(last) and plain(opener.core) in (
                self.lex.first_names):  # fmt: skip
            return False  # "his daughter Aisha building a sandcastle": her name and what she does, no building (round
            # 87: kept as a place's name, sent beside "his son")
        if not head.capitalised:
            return True  # "Eiffel tower": chosen by `title_span_end` for its place noun
        after = self.tok(last + 1)
        if last == first + 1 and after is not None and after.core in self.lex.senses.agents and (
                plain(opener.core) in self.lex.first_names or not self.lex.tags(opener.core)):  # fmt: skip
            return False  # "Faith Hill singing", "Usain Bolt sprinting": a first name or a word no dictionary knows,
            # and a second word, before what only a person does, are someone's name (not a hill, not a bolt)
        if last == first + 2 and self.three_word_name(first):
            return False  # "Lil Nas X riding a horse" (`names.three_word_name`; round 56: kept as a work's name)
        epithet = after is not None and after.low == "the" and (w := self.tok(last + 2)) is not None and w.is_word and (
            self.noun(w) is not None)  # "Big Mike the bouncer standing at the door"
        joined = epithet or after is not None and after.low in ("and", "&") and (w := self.tok(last + 2)) is not None and (
            w.capitalised and plain(w.core) in self.lex.first_names or w.low in ("his", "her") and (
                plain(head.core) not in self.lex.senses.creatures or self.kin_or_pet_after(last + 3)))
        # "Big Mike and his sister", "Old Tom and his dog"; not "Wild Rose and her petals"
        if last == first + 1 and first in self.starts and after is not None and (self.ing(after) or joined) and self.nickname_adjective(
                opener) and plain(head.core) in self.lex.first_names and (
                plain(head.core) not in self.lex.senses.creatures or after.core in self.lex.senses.agents or epithet
                or any((w := self.tok(k)) is not None and w.low in ("his", "her") for k in range(last + 2, last + 5))):  # fmt: skip
            return False  # "Big Mike grilling burgers", "Old Tom fishing": an adjective and a first name opening the
            # prompt before what a person does or a person's "his", a nickname ("Wild Rose growing by the fence" is a flower)
        place_opener = (opener.core in self.lex.senses.place_heads or opener.core in PLACE_OPENERS) and (
            self.noun(opener) is None
            and "a" not in self.lex.tags(opener.core)  # "Middle Eastern" is an adjective
            and self.lex.first_names.get(plain(opener.core)) in (None, "unisex")
        )  # "John and Mary": "john" is a room
        if place_opener:
            return True  # "Lake Louise", "Mount Victoria", "San Luis Obispo": a place named after someone
        if opener.core in COMPASS and last == first + 1 and self.weak(last):
            return True  # "the North Pole", "the South Pole": a place; "South African", "East Indian" are people
        if self.noun(head) is not None or "n" not in self.lex.tags(head.core) or head.core in g.CLOSED:
            return False
        gendered_title = (said := self.noun(opener)) is not None and "gender" in said[0].states()
        honorific = not gendered_title and (opener.core.rstrip(".") in self.lex.titles or said is not None)  # "Dr"
        joined_names = (
            any(t.low in ("and", "&") for t in self.tokens[first:last]) and plain(head.core) in self.lex.first_names
        )
        if (
            head.core in self.lex.senses.place_heads
            and not head.core.endswith("s")
            and not honorific
            and not joined_names
        ):
            return True  # "Queen Street", "Old Lady Lane", "Kings Cross": a place named after someone ("Professor Park" is not)
        if opener.core.rstrip(".") in self.lex.titles or (
            self.noun(opener) is not None and opener.core not in self.lex.adjectives
        ):
            return False  # "Queen Mary", "Mr Stone", "Professor Chen": a title opens a person's name
        if head.core in self.lex.adjectives or head.core.rstrip(".") in ABBREVIATIONS:
            return False  # "Snow White", "Martin Luther King Jr."
        if any(
            self.noun(t) is not None and self.noun(t)[0].states() and t.core not in self.lex.adjectives
            for t in self.tokens[first : last + 1]
        ):
            return False  # "The Old Man and the Sea": a title that says who is in it
        joined = any(t.low in ("and", "&") for t in self.tokens[first:last])
        if joined and plain(opener.core) in self.lex.first_names and plain(head.core) in self.lex.first_names:
            return False  # "Mary and John at the beach": people's names ("john" is also a place noun)
        if plain(opener.core) in self.lex.first_names and (
            not set(self.lex.tags(opener.core)) - set("pN")
            or "N" in self.lex.tags(opener.core)
            or (last == first + 1 and "p" in self.lex.tags(head.core))
        ):  # "Rosa Parks"; but "Deep Learning" is deep  # "Charles River", "Sydney Opera House"; "Emma Stone", "Rosa Parks" are people
            # "Will Smith", "Bill Gates": a first name that is also a word, before a word WordNet knows as someone's
            # surname (an instance that is a person), is that person's name, as "Emma Stone" is (a first name and a
            # word before what only a person does, "Mark Twain reading", returned above)
            return (head.core in self.lex.senses.place_heads and not head.core.endswith("s")) or (
                head.core in EVENT_HEADS)  # "Burns Night": a festival named after someone
        return True

    def names_before(self, first: int, last: int) -> bool:
        """A capitalised name before an animal noun names the breed or the animal ("a Jack Russell terrier");
        before a picture noun, a work, unless the name opens with a first name or a title ("the Little Mermaid
        statue"; "Emma Stone portrait" and "Queen Victoria statue" are people's names); before another thing
        noun, the thing's brand or kind ("a Big Boy burger")."""
        nxt = self.tok(last + 1)
        if nxt is None or not nxt.is_word or nxt.capitalised:
            return False
        if not self.free(last + 1):
            return self.named_thing_at(last + 1)  # "a Baby Ruth candy bar": before a named thing, its brand
        after = self.tok(last + 2)
        if self.ing(nxt) and nxt.core not in self.lex.senses.depiction and (after is None or not after.is_word or after.core in g.PREPOSITIONS or (
                after.core in g.DETERMINERS or after.core in g.PERSONAL_PRONOUNS)):  # fmt: skip
            return False  # "Serena Williams serving at Wimbledon": what the one named does, not a kind of thing
            # (but "a Madonna and Child painting in a chapel": a picture noun is the work's)
        if self.ing(nxt) and after is not None and after.is_word and not after.possessive and (
                after.core.endswith("s") and "n" in self.lex.tags(after.core) + self.lex.tags(after.core[:-1])):  # fmt: skip
            return False  # "A young Albert Einstein writing equations": a verb with its object, what he does (kept as a
            # writing's name, N = 1, round 73)
        pair = [w for w in self.tokens[first : last + 1] if w.is_word and w.low not in ("and", "&")]
        if self.ing(nxt) and len(pair) == 2 and all(name_gender(self.lex.first_names.get(plain(w.core), "")) for w in pair):
            return False  # "Mohammed and Fatima serving tea in their shop": two people's first names, then what they
            # do (round 95: kept as the name of a kind of serving, N = 1)
        if self.creature(last + 1) and self.noun(nxt) is None:
            return True
        opener = self.tokens[first]
        title = opener.core.rstrip(".") in self.lex.titles or (
            self.noun(opener) is not None and plain(self.tokens[first + 1].core) in self.lex.first_names
        )
        given = plain(opener.core) in self.lex.first_names and "a" not in self.lex.tags(opener.core)  # not "Jolly"
        if nxt.core in self.lex.senses.depiction:  # "Emma Stone portrait", "a Lady Gaga poster": someone shown
            return not (given or title or opener.core.rstrip(".") in self.lex.titles or self.noun(opener) is not None)
        joined = any(t.low in ("and", "&") for t in self.tokens[first:last])
        if given and not title and not joined and nxt.core in self.lex.senses.kind_heads and not self.ing(nxt) and (
                self.noun(nxt) is None and last > first and nxt.core not in g.CLOSED and "v" not in self.lex.tags(nxt.core)):  # fmt: skip
            return True  # "a John Deere tractor", "a Karen Millen handbag": a maker's full name on a made thing
        gendered = any((f := self.noun(w)) is not None and f[0].states() for w in self.tokens[first : last + 1])
        if self.brand_slot(first, last + 1, adjectives=not gendered, bare_start=not gendered):  # "a young Asian Woman dress" is hers
            return True  # "a Queen Anne chair", "a Dutch Boy paint can": a name between an article and a made thing
        if given or title or opener.core.rstrip(".") in self.lex.titles or self.noun(opener) is not None:
            return False  # "Queen Victoria visiting", "a Lady Gaga concert": a title's name stays someone's
        opens = first - 1 in self.starts and self.tokens[first - 1].core == "the"  # "a Big Boy crown" is a brand
        described = all("a" in self.lex.tags(self.tokens[k].core) for k in range(first, last))
        if opens and described and self.noun(self.tokens[last]) is not None and "v" in self.lex.tags(nxt.core):
            return False  # "The Old Man sat on the porch": a described person and its verb ("the Burger King crown")
        # before any other thing noun a name that opens with neither a given name nor a title is the thing's brand
        # or kind ("a Big Boy burger", "the Burger King crown", "a Baby Ruth wrapper"): the prompt shows the thing.
        # A verb there makes the name its subject; joined names ("Mary and John walk") are people.
        tags = self.lex.tags(nxt.core)
        joined = any(t.low in ("and", "&") for t in self.tokens[first:last])
        verb = "v" in tags and (nxt.low.endswith(("s", "ed")) or joined or self.ing(nxt))
        return self.noun(nxt) is None and "n" in tags and nxt.core not in g.CLOSED and not verb and not nxt.possessive

    def before_adjectives(self, k: int) -> int:
        """The token before the lower-case adjectives that end at token k ("an old | Singer sewing machine"): the
        article of the thing they describe, if any."""
        while (w := self.tok(k)) is not None and w.is_word and not w.capitalised and self.free(k) and (
                "a" in self.lex.tags(w.core) and w.core not in g.DETERMINERS):  # fmt: skip
            k -= 1
        return k

    def brand_slot(self, first: int, j: int, adjectives: bool = True, bare_start: bool = False) -> bool:
        """The name from token `first` stands between an article and a made thing at token j, in the slot of a
        brand or a kind ("a Queen Anne chair", "a Dutch Boy paint can", "a Mr Clean bottle", "a Jolly Green Giant
        can of peas", "a Lady Gaga concert poster"): the article goes with the thing, so the name describes it, not
        someone. Not right before a picture ("an Emma Stone portrait" shows her), nor before a person ("a Sikh
        taxi driver"), an event or a verb ("the Old Man sat"). Adjectives may stand between the article and the
        name ("an old Singer sewing machine"): they describe the thing."""
        k = self.before_adjectives(first - 1) if adjectives else first - 1
        art, t, after = self.tok(k), self.tok(j), self.tok(j + 1)
        opens = bare_start and k < 0  # "Mr. Clean bottle next to a mop": a prompt that drops its article
        owned = art is not None and art.low in ("his", "her", "my", "your", "our", "their")  # "in his Spider-Man suit"
        if (not opens and (art is None or (art.low not in ("a", "an") and not owned))) or t is None or not t.is_word or (
                t.capitalised):  # fmt: skip
            return False
        if opens and (self.ing(t) or self.present_verb(j)):
            return False  # "Sir Ian reading poetry", "Taylor Swift playing guitar", "Mrs. Tanaka pours tea for her
            # guests" (round 56: kept as a brand of pours): a name and what it does
        if t.core == "can" and (after is None or not after.is_word or after.low in g.PREPOSITIONS):
            return True  # "a ... can of peas", "a Dr Pepper can on ice": the noun; the modal is followed by a verb
        if t.core in self.lex.senses.depiction:
            return False
        senses = self.lex.senses
        compound = [j]  # the nouns of the thing's compound ("an action figure", "a tobacco tin", "a box set")
        while (w := self.tok(compound[-1] + 1)) is not None and w.is_word and not w.capitalised and (
                "n" in self.lex.tags(w.core) and w.core not in g.CLOSED and not self.ing(w)
                and not self.tokens[compound[-1]].possessive):  # fmt: skip
            compound.append(compound[-1] + 1)
        words = [self.tokens[k] for k in compound]
        head = words[-1].core
        if any(self.noun(w) is not None for w in words) or (
                head in senses.person_senses and head not in senses.kind_heads):  # fmt: skip
            return False  # "a Sikh taxi driver", "a Korean pop idol": a person ("a concert poster" is a thing)
        made = any(w.core in senses.kind_heads or w.core in senses.garments or (
            listed_singular(w.core, senses.kind_heads) is not None) for w in words)  # "Mr. Potato Head toys"
        return (
            made
            and t.core not in senses.place_heads  # "a Queen Street house" is Queen Street's; places take names alike
            and t.core not in g.CLOSED
            and not t.possessive
            and not (self.ing(t) and len(compound) == 1)  # "a Singer sewing machine": a modifier
        ) or (self.named_thing_at(j) and self.noun(t) is None)

    def container_before(self, i: int) -> str | None:
        """The made thing whose contents the words from token i name, after its "of" ("a bottle of Jim Beam", "a
        can of Mr. Pibb", "a jar of Uncle Ben's rice"), or None; a picture's "of" shows someone ("a photo of")."""
        of, box = self.tok(i - 1), self.tok(i - 2)
        if of is None or of.low != "of" or box is None:
            return None
        senses = self.lex.senses
        held = box.core in senses.kind_heads and box.core not in senses.depiction and self.noun(box) is None
        return box.core if held else None

    def named_thing_at(self, j: int) -> bool:
        """Token j lies in a span already judged the name of a thing ("candy bar", "Blue cat")."""
        k = self.used.get(j)
        return k is not None and isinstance(self.spans[k][2], Held) and self.spans[k][2].why == "not a person"

    def mark_model_names(self) -> None:
        """ "Porsche 911", "a Boeing 747", "sony a7iii", "Nikon D850": a word before a model number or code names a
        product."""
        for i, t in enumerate(self.tokens[:-1]):
            end = self.model_code_end(i + 1)
            if end is not None and hair_type_head(self.tokens, end + 1) is not None:
                continue  # "natural 4c hair", "type 3b loose curls": a hair type (`proxies.mark_hair_types`), no model
            if end is not None and (t.text == "BREAK" or self.booru_tag(end)):
                continue  # "BREAK 1boy, old man": a front-end's chunk break before a count tag, no "BREAK 1" product
            if end is not None and t.core in POSSESSIVE_DETERMINERS and self.free(i + 1) and self.tokens[i + 1].low[:1].isalpha():
                self.keep(i + 1, end)  # "on his ps5": the owner's word is his pronoun, varied with him (round 62: "his
                continue  # ps5" was kept as a product's name beside "an old woman playing fortnite"); "my 16yo" is an age
            if (
                end is not None
                and t.is_word
                and self.free(i)
                and self.noun(t) is None
                and t.core not in g.CLOSED
                and (t.low not in NAMING_WORDS)
            ):
                self.keep(i, end)
                continue
            num = self.tokens[i + 1]
            if not (t.is_word and self.free(i) and self.free(i + 1) and num.kind == "num"):
                continue
            first = i  # a capitalised name before the number: "Queen Mary 2", "Air Force 1" (a ship, a plane)
            while first > 0 and self.free(first - 1) and self.tokens[first - 1].is_word and \
                    self.tokens[first - 1].capitalised and self.tokens[first].capitalised:  # fmt: skip
                first -= 1
            if num.start - t.end != 1 or not num.low.isdigit() or (len(num.low) < 2 and first == i):
                continue
            after = self.tok(i + 2)
            if after is not None and (after.low in AGE_UNITS or after.low in YO or after.low == "old"):
                continue
            if first < i and not self.upper_mode:
                self.keep(first, i + 1)  # a person's age follows a comma ("Mary, 2"), never glued to her name
                continue
            if self.noun(t) is not None or t.core in g.CLOSED or t.core in g.NUMBER_WORDS or t.core in self.lex.titles or (
                    CONTRACTED_PRONOUN.match(t.low) or t.low in ("im", "i'm", "i’m")):  # fmt: skip  # "my bf hes 28": his
                # age (round 57: a model); "I'm 30": the asker's
                continue
            if t.capitalised or not set(self.lex.tags(t.core)) - set("pN"):
                self.keep(i, i + 1)  # "Porsche 911", "porsche 356"; not "age 33"

    def model_code_end(self, j: int) -> int | None:
        """The last token of a model code starting at token j: letters and digits glued together, both present
        ("a7iii", "D850", "X100V"), after a space."""
        if j >= len(self.tokens) or j == 0 or self.tokens[j].start == self.tokens[j - 1].end:
            return None
        end = j
        while (
            end + 1 < len(self.tokens)
            and self.tokens[end + 1].start == self.tokens[end].end
            and (self.tokens[end + 1].kind in ("word", "num"))
        ):
            end += 1
        kinds = {self.tokens[k].kind for k in range(j, end + 1)}
        if kinds != {"word", "num"} or not all(self.free(k) for k in range(j, end + 1)):
            return None
        if end == j + 1 and self.tokens[j].low.isdigit() and self.tokens[end].low in YO:
            return None  # "a tall 50yo man": an age glued to its unit, no model (it was kept as "tall 50yo")
        if any(
            len(w.core) > 2 and plain(w.core) in self.lex.first_names for w in self.tokens[j : end + 1] if w.is_word
        ):
            return None  # "Mia3": a name with a number is still a name
        return end

    def thing_noun(self, j: int, after_modifier: bool = False) -> bool:
        """Token j is a common noun that is not a person ("restaurant", "gate", "painting"), not a verb; after
        a modifier ("Indian spices") a plural that is also a verb's form is the noun."""
        t = self.tok(j)
        if t is None or not t.is_word or t.core in g.CLOSED or t.possessive or t.core in self.lex.adjectives:
            return False
        if t.core in COLLECTIVES:
            return False  # "a Chinese family": a group of people
        if self.noun(t) is not None and not self.weak(j):
            return False
        tags = self.lex.tags(t.core)
        if (nxt := self.tok(j + 1)) is not None and any(f"{t.core} {w}" in self.lex.senses.ing_compounds for w in (
                nxt.core, nxt.core.removesuffix("s"))):  # fmt: skip
            return True  # "a Russian nesting doll": one thing's name, an -ing word first
        if "n" not in tags:
            return False
        verb_form = "v" in tags and t.core.endswith(("s", "ed")) and not t.core.endswith("ss")
        return not verb_form or (after_modifier and t.core.endswith("s"))

    def weak(self, j: int) -> bool:
        """A person noun whose usual sense is not a person ("robot", "pole", "fan")."""
        return self.tokens[j].core in self.lex.senses.weak

    def weak_is_person(self, j: int, owned: bool = True) -> bool:
        """Whether the weak person noun at token j is a person here: written with a capital mid-sentence
        ("a Pole"), or described by a word that only describes people ("a female model", "a young fan")."""
        t = self.tokens[j]
        if t.capitalised and j not in self.starts and not self.title_mode and not self.upper_mode:
            return True
        found = self.noun(t)
        if found is not None and found[0].ethnicity is not None and not t.capitalised and not self.lower_mode and (
                not self.upper_mode):  # fmt: skip
            return False  # "with her poles": a people's name is written with its capital ("European people" was sent)
        k = j - 1
        while self.free(k) and (self.tokens[k].is_word or years_of_someone(self.tokens[k].low)) and (
                self.tokens[k].core not in g.DETERMINERS and self.tokens[k].core not in POSSESSIVE_DETERMINERS and (
                    j - k <= 4)):  # fmt: skip  # "a mother hen leading her chicks": the phrase opens at "her"
            w = self.tokens[k].core
            if (w in self.lex.adjectives and w not in THING_ADJECTIVES) or (
                years_of_someone(self.tokens[k].low) and t.core not in self.lex.senses.creatures) or (
                self.noun(self.tokens[k]) is not None
                and (self.lex.nouns.get(w) is not None and self.lex.nouns[w].states())
            ):
                return True  # "a female model", "a woman climber", "a 30-year-old model"
            k -= 1
        if found is not None and found[0].states() and t.core not in self.lex.senses.creatures and self.agent_after(j):
            return True  # "a babushka in a headscarf selling sunflower seeds": what only a person does, said of a word
            # that states an attribute (round 64: kept as the scarf, and an old woman sent in clear); "a robot wearing
            # a tuxedo" states none, and stays a robot
        if (w := self.tok(j + 1)) is not None and w.low == "with" and any(
                " ".join(x.low for x in self.tokens[a : a + n]) in self.lex.proxies
                for a in (j + 2, j + 3) for n in (2, 3)):  # fmt: skip
            return True  # "a model with dark skin", "a model with deep dark skin": skin only a person's says who
            # (round 70: kept as no person, and the skin sent as written)
        if t.core not in self.lex.senses.automata and self.dressed(j):
            return True  # "a model wearing a hijab", "a model with braided cornrows": what one wears or how one's
            # hair is done makes the wearer someone (round 97: kept as a model of a thing, the hijab sent in clear);
            # "a robot wearing a tuxedo" is a machine dressed up
        det, comma, name = self.tok(j - 1), self.tok(j - 2), self.tok(j - 3)
        if det is not None and det.low in ("a", "an", "the") and comma is not None and comma.text == "," and (
                name is not None and name.capitalised and plain(name.core) in self.lex.first_names):  # fmt: skip
            return True  # "Olga, a babushka, selling pickles": the appositive of a name is that person (round 92:
            # kept as a headscarf, "A babushka" was sent, N = 1)
        prev = self.tok(j - 1)
        return owned and prev is not None and prev.core in POSSESSIVE_DETERMINERS  # "my babushka": a relative

    def dressed(self, j: int) -> bool:
        """A garment right after token j, after "in", "wearing" or "dressed in" ("in a sari", "wearing a hijab"), or
        a way to wear hair after "with" ("with braided cornrows"), behind at most three describing words."""
        k = j + 1
        if (w := self.tok(k)) is not None and w.low == "dressed":
            k += 1
        if (w := self.tok(k)) is None or w.low not in ("in", "wearing", "with") or not self.free(k):
            return False
        senses = self.lex.senses
        worn = (senses.hairdos,) if w.low == "with" else (senses.garments, senses.gender_things)
        for m in range(k + 1, k + 5):
            if (w := self.tok(m)) is None or not w.is_word or not self.free(m):
                return False
            if any(form in table for table in worn for form in (w.core, w.core.removesuffix("s"))):
                return True
            if w.core in g.CLOSED and w.core not in g.DETERMINERS:
                return False
        return False

    def agent_after(self, j: int) -> bool:
        """An -ing verb only a person does ("selling", "knitting") right after token j, or after a short "in"/"with"
        phrase ("in a headscarf selling")."""
        k = j + 1
        if (w := self.tok(k)) is not None and w.low in ("in", "with") and self.free(k):
            k += 1
            while k <= j + 4 and (w := self.tok(k)) is not None and w.is_word and self.free(k) and (
                    w.low not in self.lex.senses.agents):  # fmt: skip
                k += 1
        w = self.tok(k)
        return w is not None and w.is_word and w.low in self.lex.senses.agents
