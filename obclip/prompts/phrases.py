"""Person noun phrases and predicates: the head noun, its determiner and modifiers, and "she is old".

Attribute words among the modifiers move into the slot ("a little girl" -> young, female); other
modifiers stay as written.
"""

from __future__ import annotations

from obclip.prompts import grammar as g
from obclip.prompts.cues import (
    AGE_ADVERBS,
    AGE_GROUP,
    AGE_UNITS,
    APPROXIMATE,
    BEING_VERBS,
    COHORTS,
    COLLECTIVES,
    CONTRACTED_PRONOUN,
    GLUED_RELATIVES,
    HEDGES,
    INTENSIFIERS,
    KIN_CLASSES,
    LOOK_VERBS,
    OCCASIONS,
    ORDINAL,
    ORDINAL_WORDS,
    PICTURE_REQUESTS,
    POSSESSIVE_DETERMINERS,
    PREDICATE_LINKS,
    SAID_AN_AGE,
    SOMEONE,
    SOMETHING,
    SPEAKER_COPULAS,
    SPEAKER_FORMS,
    YEAR_OLD,
    YO,
    YO_ABBREVIATIONS,
    age_in_years,
    decade_years,
    glued_subject,
    ish_years,
    plain,
    proxy_message,
)
from obclip.prompts.lexicon import HELD, Adjective, Noun
from obclip.prompts.template import AgePhrase, DetectionError, Held, Person, Phrase, Predicate, ProxyRefused
from obclip.prompts.things import THING_ADJECTIVES
from obclip.prompts.tokens import Token, weight_group, weight_group_ending

SEXUALISED_CHILD_TAGS = frozenset({"loli", "lolis", "lolicon", "shota", "shotas", "shotacon"})
TAG_CHARACTERS = frozenset("girl boy girls boys".split())  # nouns SD front-ends use for a drawn character of any age
POSSESSIVE_WORDS = frozenset("his her their my our your".split())  # a possessive determiner before a person noun
ORDINAL_REFERENCE = ("former", "latter")  # the first and the second of two people named before

# classes whose nouns anyone can be called ("the man", "the kid", "the lady"): a second mention by such a noun
# may name an earlier person introduced by another noun ("a businessman ... the man")
GENERAL_CLASSES = frozenset({"person", "gentleman"})
# classes that name someone by a relation to another person: "mother, daughter" in a tag list are two people
RELATIVES = frozenset("""parent offspring sibling aunt-uncle stepparent spouse godparent stepsibling stepchild partner
    fiance ex-spouse parent-in-law foster-parent godchild half-sibling sibling-in-law newlywed""".split())
RANK_WORDS = frozenset("senior seniors junior juniors elder".split())  # "a senior engineer": a rank at work
SCHOOL_YEARS = frozenset("senior seniors junior juniors".split())  # a student's year where a school is named
SCHOOLS = frozenset("school college university uni campus class prom graduation".split())
BARE_POSSESSIVES = frozenset("womans mans womens mens childrens".split())  # the lexicon's apostrophe-less typos
NEGATORS = frozenset("not neither nor".split())  # before a person phrase: what the person is not
COPULAS = frozenset("is was becomes became".split())
DENIALS = frozenset({("no", "longer"), ("far", "from")})  # "no longer young", "far from young": an age denied as past
# verbs whose object takes a bare infinitive: "helping a patient walk down the hall", "watching her son play in the park"
BARE_INFINITIVE_VERBS = frozenset("""help helps helped helping let lets letting make makes made making watch watches
    watched watching see sees saw seeing hear hears heard hearing""".split())
LINKING_VERBS = frozenset("look looks looked seem seems seemed appear appears appeared".split())  # "looks Asian"
SUBORDINATORS = frozenset(
    "while as when because so then whereas although though if since until after before".split()
)  # "she is a doctor": the phrase after it names the subject


# Stages of school before "schooler": a pupil's age is in the noun ("a high schooler" is a child, as a teenager is)
SCHOOL_STAGES = frozenset("high middle grade elementary primary junior senior secondary".split())


BECOMING = frozenset("be been become became becomes becoming".split())  # "used to be a ballerina": one person
GROUP_QUANTIFIERS = frozenset("neither none both all each".split())  # "neither of them young"


# a sibling's place in the family ("her older brother", "my little sister"): relative to another person, not an age
SIBLING_ORDER = frozenset(
    "big bigger biggest older oldest elder eldest younger youngest little littler littlest baby kid".split()
)
SIBLINGS = frozenset({"sibling", "half-sibling", "stepsibling"})
GROWN = frozenset({"grown", "adult", "grown-up", "grownup"})  # before a child noun: offspring who are adults
FIELD_KEYS = frozenset("origin ethnicity race nationality heritage descent".split())
DESCENT_WORDS = frozenset("descent origin origins heritage ancestry extraction background roots".split())
ONE_DETERMINERS = frozenset({"a", "an", "one", "each", "every", "another", "this", "that"})
MULTIPLE_BIRTHS = frozenset("twin triplet quadruplet quintuplet".split())  # "twin babies": no role, how they came
MIXED_ORIGIN = "a mixed origin"  # the reason a mixed origin is held (read by `proxies.mixed_origin`)
MIXED_GROUP = "the origins of a mixed group, whose is whose no candidate could vary"  # held as a mixed origin is
SHARES = frozenset({"half", "part", "quarter", "one-half", "one-quarter"})  # "half Irish", "part Cherokee": a share
MIX_JOINS = frozenset({",", "and", "/", "&", "-", "+"})  # between the origins of one person ("half Irish, half Ghanaian")
# a copula after the pronoun it agrees with ("I am", "we are", "he is"; "we r" typed so)
PRONOUN_COPULAS = frozenset({("am", "i"), ("are", "we"), ("are", "they"), ("r", "we"), ("r", "they"), ("is", "he"),
                             ("is", "she"), ("was", "i"), ("was", "he"), ("was", "she"), ("were", "we"), ("were", "they")})
NEGATED_COPULAS = {"isn't": "is", "isnt": "is", "wasn't": "was", "wasnt": "was", "aren't": "are", "weren't": "were"}
SMALL_WORDS = frozenset({"little", "littler", "littlest", "baby", "kid"})  # "two little sisters" may be small girls;
# "his little sister" is the younger one

class PhrasesMixin:
    """Passes of `obclip.prompts.parse._Parser` that find person phrases (mixed in)."""

    def mark_place_origins(self) -> None:
        """ "a Tokyo salaryman", "a Brooklyn girl": a place's name right before a person noun says where that person
        is from, as "Japanese" does; it stays on the device (an origin, like "from Nigeria"). A place of several
        words ("a New York cop") is a named thing WordNet does not tag as a place word by word, and is left."""
        for i, t in enumerate(self.tokens[:-1]):
            nxt = self.tokens[i + 1]
            if not (nxt.is_word and self.free(i + 1) and (found := self.noun(nxt)) is not None and found[0].cls != "x"):
                continue
            if not self.person_reading(i + 1) or nxt.core in self.lex.senses.weak:
                continue
            if nxt.core in self.lex.adjectives or f"{t.core} {nxt.core}" in self.lex.adjectives:
                continue  # "a South Asian man", "a Pacific Islander": one origin word of two
            tags = set(self.lex.tags(t.core))
            place = (
                t.is_word
                and "P" in tags
                and t.core not in self.lex.adjectives
                and self.noun(t) is None
                and (tags == {"P"} or (t.capitalised and not self.title_mode and not self.upper_mode))
            )
            if place and self.free(i) and not t.possessive:
                self.claim(i, i, Held(t.text, "origin"))

    def mixed_origin_word(self, k: int, share: bool) -> bool:
        """Token k is an origin word of a mixed origin: "Irish", or with `share` glued to its share ("half-Korean")."""
        t = self.tok(k)
        if t is None or not t.is_word or not self.free(k):
            return False
        head, _, tail = t.core.partition("-")
        core = (tail if head in SHARES else "") if share else t.core
        said = self.lex.adjectives.get(core) if core else None
        return said is not None and said.attribute == "ethnicity"

    def mixed_origin_end(self, i: int) -> int | None:
        """The last token of a mixed origin from token i ("half Irish half Ghanaian", "half-Korean", "mixed Irish and
        Nigerian"), or None: a share or "mixed", then origin words joined by "and", commas or slashes."""
        t = self.tokens[i]
        if self.mixed_origin_word(i, share=True):
            end = i
        elif t.is_word and self.free(i) and (t.core in SHARES or t.core == "mixed") and self.mixed_origin_word(i + 1, False):
            end = i + 1
        else:
            return None
        while True:
            k = end + 1
            if (j := self.tok(k)) is not None and j.text in MIX_JOINS | {"and"} and self.free(k):
                k += 1
            if self.mixed_origin_word(k, share=True):
                end = k
            elif (w := self.tok(k)) is not None and w.is_word and w.core in SHARES and self.mixed_origin_word(k + 1, False):
                end = k + 1
            elif k == end + 2 and self.mixed_origin_word(k, False):
                end = k  # "mixed Irish and Nigerian", "half Japanese/Mexican"
            else:
                return end

    def mark_mixed_origins(self) -> None:
        """ "a teenage boy, half Irish half Ghanaian", "a half-Korean man", "of mixed Irish and Nigerian descent": a
        person of two origins, or of a share of one, has no one value of the ethnicity slot. Like "biracial", the
        whole phrase stays on the device and the person's ethnicity is not varied; read word by word it went out as
        "half European people half person" and "an Asian man". A share of a thing ("half Mexican food") is left,
        and so is a share where the prompt names no one."""
        anyone = any(t.is_word and (self.noun(t) is not None or t.core in g.PERSONAL_PRONOUNS) for t in self.tokens)
        i = 0
        while i < len(self.tokens):
            end = self.mixed_origin_end(i)
            if end is None and anyone and self.bare_mixed(i):  # "my son (hes 5, mixed, curly hair)"
                c = self.tok(i - 1)  # "my son is mixed" -> "my son": the copula goes with its predicate
                first = i - 1 if c is not None and c.low in ("is", "was", "are", "am") and self.free(i - 1) else i
                last = i + (first < i and (a := self.tok(i + 1)) is not None and a.low == "and" and self.free(i + 1))
                self.claim(first, last, Held(self.prompt[self.tokens[first].start : self.tokens[last].end], MIXED_ORIGIN))
            if end is None:
                i += 1
                continue
            first, nxt = i, self.tok(end + 1)
            if nxt is not None and nxt.is_word and nxt.core in DESCENT_WORDS and self.free(end + 1):
                end += 1  # "of mixed Irish and Nigerian descent": the whole phrase
                if (of := self.tok(first - 1)) is not None and of.low == "of" and self.free(first - 1):
                    first -= 1
            elif nxt is not None and nxt.is_word and self.noun(nxt) is None and self.thing_noun(end + 1):
                i = end + 1
                continue  # "half Mexican food"
            if not (anyone or self.persons):
                i = end + 1
                continue
            who, copula = self.tok(first - 2), self.tok(first - 1)
            if who is not None and copula is not None and who.low == "who" and copula.low in ("is", "was", "'s") and (
                    self.free(first - 1) and self.free(first - 2)):  # fmt: skip
                first -= 2  # "a woman who is half Japanese, half Mexican": no "a woman who is" left behind
            self.claim(first, end, Held(self.prompt[self.tokens[first].start : self.tokens[end].end], MIXED_ORIGIN))
            i = end + 1

    def bare_mixed(self, i: int) -> bool:
        """ "mixed" alone said of someone: before a person noun ("a mixed boy"), after a copula ("my son is mixed",
        "hes mixed"), or a tag of its own among a person's ("(hes 5, mixed, curly hair)"): a mixed origin, no value
        of the slot (round 87: sent as written beside every decoy). Not "mixed media", "mixed feelings"."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        if not (t.is_word and t.low == "mixed" and self.free(i)):
            return False
        before_person = nxt is not None and nxt.is_word and (found := self.noun(nxt)) is not None and (
            found[0].cls == "person" or found[0].gender is not None)  # fmt: skip
        predicate = prev is not None and (prev.low in ("is", "was", "'s", "are", "am") or CONTRACTED_PRONOUN.match(prev.low)
                                          or prev.low in SPEAKER_COPULAS) and (
                                              nxt is None or not nxt.is_word or nxt.low == "and")
        tag = prev is not None and prev.text in ",(" and (nxt is None or nxt.text in ",);") and any(
            w.is_word and (self.noun(w) is not None or w.core in g.PERSONAL_PRONOUNS or CONTRACTED_PRONOUN.match(w.low))
            for w in self.tokens[:i])  # fmt: skip
        return before_person or predicate or tag

    def mark_someone_described(self) -> None:
        """ "someone old laughing", "somebody Asian cooking": an indefinite pronoun with the attribute words after it
        is a person those words describe, written as a phrase ("an old person laughing") whose decoys vary them
        (round 55: "someone old" went out with N = 1, as written)."""
        for i, t in enumerate(self.tokens):
            one = self.tok(i + 1)
            glued = t.low in ("sum", "some") and one is not None and one.text == "1" and one.start == t.end  # "sum1"
            if (t.low not in SOMEONE and not glued) or not self.free(i):
                continue
            said: list[tuple[Adjective, Token]] = []
            k = i + 2 if glued else i + 1
            while (w := self.tok(k)) is not None and w.is_word and self.free(k):
                adj = self.lex.adjectives.get(w.core)
                number = (n := self.tok(k + 1)) is not None and (n.kind == "num" or g.number_value(n.low) is not None)
                if adj is not None and adj.attribute in ("age", "gender", "ethnicity") and adj.value != HELD and (
                        not number):  # fmt: skip  # "somebody aged 80": an age phrase reads it
                    said.append((adj, w))
                    k += 1
                elif said and w.low in ("and", "n", "&") and (a := self.tok(k + 1)) is not None and (
                        a.core in self.lex.adjectives):  # fmt: skip
                    k += 1  # "someone old and frail": the words go on after "and"
                else:
                    break
            last = k - 1
            if not said or (self.tokens[last].low in ("and", "n", "&")):
                continue
            person = Person(cls="person", anchor=i)
            for adj, w in said:
                person.state(adj.attribute, adj.value, adj.strong, w.text)
                person.in_phrase.add(adj.attribute)
            pid = self.new_person(person)
            det = "A" if t.text[:1].isupper() else "a"
            self.claim(i, last, Phrase(pid, det, (), self.tokens[last].possessive, self.phrase_case(i, last)))

    def mark_noun_phrases(self) -> None:
        self.mark_place_origins()
        self.mark_mixed_origins()
        self.mark_someone_described()
        for i, t in enumerate(self.tokens):
            spelled = self.years_old_at(i) if self.free(i) else None
            if spelled is not None and self.dated_by_event(i):
                continue  # "retired at 55 years old": the age leaves with the event it dates (`age_at_event`)
            if spelled is not None:
                end = spelled[1]
                nxt = self.tok(end + 1)
                prev = self.tok(i - 1)
                # "her 5 year old", "a 35 year old", "5 year olds": a person; "a woman, 50 years old," is her age
                before = self.tok(i - 2)
                upper = (
                    prev is not None
                    and prev.low in ("and", "to", "or")
                    and before is not None
                    and (before.low.isdigit() or g.number_value(before.text) is not None)
                )  # "between 30 and 40 years old"
                # "she is 60 years old", "looks about 70 years old", "a woman 60 years old": said of someone, her age
                said = prev is not None and (prev.low in BEING_VERBS or prev.low in APPROXIMATE or self.noun(prev) is not None
                                             or prev.low in AGE_ADVERBS or prev.low in SPEAKER_FORMS
                                             or self.said_after_and(i))  # "is only 3 days old", "not yet 10 years
                # old", "I am 70 years old", "the car is red and 30 years old" (was "red and young person")
                named = ((prev is not None and prev.is_word) or self.tokens[end].low == "olds") and not upper and not said
                if (
                    named
                    and all(self.free(k) for k in range(i, end + 1))
                    and (nxt is None or self.noun(nxt) is None)
                    and (
                        nxt is None
                        or not nxt.is_word
                        or nxt.core in g.CLOSED
                        or (nxt.core.endswith("s") or self.ing(nxt))
                        or self.headless_proxy(end + 1)
                    )
                ):
                    noun = Noun("person", "pl" if self.tokens[end].low == "olds" else "sg", age=g.age_value(spelled[0]))
                    self.noun_phrase(end, (noun, ""), False)  # "her 5 year old": a person
                continue
            if self.free(i) and (m := YEAR_OLD.match(t.low)) and g.number_value(m.group(1)) is not None:
                if self.dated_by_event(i):
                    continue  # "retired at 55-years-old": as above
                nxt, j = self.tok(i + 1), i + 1
                while self.thing_noun(j) and (w := self.tok(j + 1)) is not None and w.is_word and not self.ing(w) and (
                        self.thing_noun(j + 1) or self.noun(w) is not None):  # fmt: skip
                    j += 1  # "a 70-year-old marathon runner": a compound before the person noun it describes; not
                    # into a verb ("a 30-year-old model posing": the model is the one who poses)
                if j > i + 1 and (head := self.tok(j)) is not None and self.noun(head) is not None:
                    nxt = head
                k = i + 1
                while k < i + 4 and (w := self.tok(k)) is not None and w.is_word and self.free(k) and self.noun(w) is None and (
                        w.core in self.lex.adjectives or "a" in self.lex.tags(w.core)):  # fmt: skip
                    k += 1  # "a 34-year-old Black woman", "a 7-year-old shy girl": her words before her noun
                if k > i + 1 and (head := self.tok(k)) is not None and self.noun(head) is not None:
                    nxt = head
                elif not t.low.endswith("s") and ((k > i + 1 and self.thing_noun(k) and not self.weak(k)) or (
                        self.named_thing_at(k))) and (head := self.tok(k)) is not None and (
                        head.core not in OCCASIONS):  # fmt: skip  # "a 40-year-old red wine": a name WordNet gives
                    self.keep(i, i, f"the age of the {head.core}, not of a person")
                    continue  # "a 3-year-old black dog", "a 40-year-old red wine" ("a little child black dog" was sent)
                if not t.low.endswith("s") and self.thing_noun(i + 1) and not self.ing(self.tokens[i + 1]) and (
                        self.tokens[j].is_word) and (
                        self.noun(self.tokens[j]) is None or (self.weak(j) and not self.weak_is_person(j))):  # fmt: skip
                    if any(self.tokens[k].core in OCCASIONS for k in range(i + 1, j + 1)):
                        self.claim(i, i, Held(t.text, "an age of someone the prompt does not name"))
                    else:
                        self.keep(i, i, f"the age of the {self.tokens[j].core}, not of a person")
                    continue  # "a 3-year-old dog", "a 40-year-old whiskey bottle": a thing's age; "a 3-year-old
                    # birthday party": a child's, whom the prompt names no other way (held back)
                if nxt is not None and nxt.is_word and nxt.core in COLLECTIVES:
                    continue  # "a sixty-year-old couple": the couple's age, a modifier of the group (round 79: "A
                    # sixty-year-old" was read as someone, "couple" left beside them, refused)
                if nxt is None or self.noun(nxt) is None:  # "twin 3-year-olds": the number is the person
                    plural = t.low.endswith("s")
                    noun = Noun(
                        "person", "pl" if plural else "sg", age=g.age_value(age_in_years(m.group(1), m.group(2)))
                    )
                    self.noun_phrase(i, (noun, ""), False)
                continue
            nxt = self.tok(i + 1)
            k = i + 1  # "a thirty-something office worker": the noun after a thing noun is the one it describes
            while k <= i + 2 and (w := self.tok(k)) is not None and w.is_word and self.noun(w) is None and (
                    self.thing_noun(k)):  # fmt: skip
                k += 1
            worker = k > i + 1 and (w := self.tok(k)) is not None and w.is_word and self.noun(w) is not None
            aged = (a := self.tok(i - 1)) is not None and a.low in SAID_AN_AGE and (a.low in ("aged", "age") or "-" in t.low)
            # "a man aged forty-something", "she is forty-something": his or her age (read by the age pass; "she is
            # middle-aged person" was sent, a second person)
            if self.free(i) and (m := AGE_GROUP.match(t.low)) and (nxt is None or self.noun(nxt) is None) and not worker and (
                    self.modifiers_to_noun(i + 1) is None) and (  # fmt: skip  # "a thirty-something Swedish dad" (round 88)
                    not aged) and not (nxt is not None and nxt.core in COLLECTIVES) and not (  # "a 60-something couple"
                    not t.low.endswith("s") and self.thing_noun(i + 1)):  # fmt: skip  # "forty-something dollars"
                years = group_years(m)  # "20-somethings at a bar"; "a 40-something woman" is read as her modifier
                if years is not None:
                    plural = t.low.endswith("s")
                    self.noun_phrase(i, (Noun("person", "pl" if plural else "sg", age=g.age_value(years)), ""), False)
                    continue
            if not self.free(i) or not t.is_word:
                continue
            found = self.noun(t)
            if found is not None and t.core in g.DECADES and self.in_her_decade(i):
                continue  # "in his early teens": an age of the person before, read by the age pass
            if found is not None and aged and "-" in t.core:
                continue  # "a woman aged thirty-something": her age, read by the age pass
            if found is not None and found[0].cls is None and t.core in self.lex.proxies:
                found = None  # "blonde pigtails": the proxy reading wins over a neutral person noun
            said = self.lex.adjectives.get(t.core)
            if found is not None and said is not None and said.attribute == "ethnicity" and self.named_thing_at(i + 1) and (
                    (head := self.tok(self.spans[self.used[i + 1]][1] + 1)) is not None and head.is_word
                    and self.noun(head) is not None):  # fmt: skip
                # "a Korean boy band member": before a named thing that is a person's kind, it is that person's origin
                self.claim(i, i, Held(t.text, "origin"))
                continue
            if found is not None and not self.person_reading(i):
                continue  # "a white robot", "a French restaurant", "aviator goggles" on a penguin: not a person here
            nxt = self.tok(i + 1)
            prev = self.tok(i - 1)
            if found is not None and said is not None and said.attribute == "ethnicity" and prev is not None and (
                    prev.low in COPULAS or prev.low in ("am", "are", "'s") or prev.low in LINKING_VERBS
                    or CONTRACTED_PRONOUN.match(prev.low) or prev.low in SPEAKER_COPULAS or prev.low in GLUED_RELATIVES
                    or self.said_after_and(i) or (
                        prev.low in ("both", "all") and (c := self.tok(i - 2)) is not None and (
                            c.low in ("are", "were", "r") or c.low in SPEAKER_COPULAS)) or (
                        "a" in self.lex.tags(prev.core) and self.noun(prev) is None and (c := self.tok(i - 2)) is not None
                        and (c.low in COPULAS or c.low in SPEAKER_FORMS or CONTRACTED_PRONOUN.match(c.low)))) and (
                    nxt is None or not nxt.is_word or nxt.core in g.CLOSED or CONTRACTED_PRONOUN.match(nxt.low)
                    or nxt.low == "n"):  # fmt: skip  # "my mom is turkish n shes 55" (round 88: sent as written)
                # ("im latina hes black": a new clause after it; round 87: "im hes African" was sent)
                continue  # "she is Korean", "my mom shes indian", "I'm Korean", "we are both latino": a predicate
                # adjective (`mark_predicates`), not "she is a Korean person" ("we r both man" was sent, round 72)
            if found is not None and said is not None and said.attribute in ("ethnicity", "gender") and len(self.persons) == 1 and (
                    self.persons[0].states.get(said.attribute, said.value) == said.value) and (
                    self.persons[0].number == "sg" and self.lone_tag(*self.weighted_alone(i, i))):  # fmt: skip
                continue  # "1girl, caucasian, smile": said of the one the tags describe, as "1girl, swedish" is; "a
                # samurai, (male:1.1)" is the samurai, no second person ("a samurai, female" still reads as two)
            if (
                found is not None
                and t.core in self.lex.adjectives
                and nxt is not None
                and nxt.capitalised
                and (
                    self.noun(nxt) is None
                    and plain(nxt.core) not in self.lex.first_names
                    and not t.possessive
                    and not self.title_mode
                    and not self.upper_mode
                    and not self.person_after_name(i + 1)
                )
            ):
                continue  # "the Italian Alps", "the Roman Colosseum": it says which named place or thing, no person
                # (but "a Korean BTS fan", "a Nigerian Super Eagles player" are people)
            if said is not None and said.attribute == "ethnicity" and not t.possessive and (
                    t.core not in THING_ADJECTIVES and (found is None or found[0].gender is None)
                    and nxt is not None and nxt.is_word and self.free(i + 1) and self.noun(nxt) is None
                    and nxt.core in self.lex.senses.person_senses and set(self.lex.tags(nxt.core)) == {"n"}
                    and nxt.core not in self.lex.senses.creatures and not nxt.possessive):  # fmt: skip
                # not "a white cat", "a black dog" (colours, animals), "a Filipina domestic worker" (her own noun)
                # "a Korean idol": a noun with a person sense heads the phrase the origin describes, written as
                # itself ("an Asian idol"), not a second noun after "an Asian person"
                after = self.tok(i + 2)
                if after is not None and after.is_word and self.free(i + 2) and (noun := self.noun(after)) is not None:
                    self.noun_phrase(i + 2, noun, False)  # "a korean idol boy": the boy, an idol, is Korean
                    continue
                number = "pl" if nxt.low.endswith("s") and not nxt.low.endswith("ss") else "sg"
                self.noun_phrase(i + 1, (Noun(None, number), ""), False)
                continue
            if found is not None and t.core in self.lex.adjectives and nxt is not None and nxt.is_word and (
                    self.noun(nxt) is not None or nxt.core in self.lex.adjectives or nxt.core in COLLECTIVES) \
                    and not t.possessive:  # fmt: skip
                continue  # "a Japanese woman", "an African family": the adjective reading, the next noun heads
            if found is not None and (found[0].gender is None or found[0].ethnicity is not None) and (
                    t.core in self.lex.adjectives and not t.possessive and self.modifiers_to_noun(i + 1) is not None):  # fmt: skip
                # ("A Filipina domestic worker on her day off": her origin, said of the worker; round 87: two people,
                # "An Asian Woman domestic worker" was sent)
                continue  # "a Scandinavian blonde woman": a run of her modifiers comes between the adjective and the
                # noun it describes (a decoy "a European person woman" was refused as reading differently)
            if found is not None and t.core in self.lex.adjectives and (k := self.after_weight(i)) is not None and (
                    (w := self.tok(k)) is not None and (weight_group(self.tokens, k) is not None or w.is_word and (
                        self.noun(w) is not None or w.core in self.lex.adjectives))):  # fmt: skip
                continue  # "a young (asian:1.2) woman": a prompt weight on the adjective of the noun after it
            if found is not None and said is not None and said.attribute == "ethnicity" and not t.possessive and (
                    nxt is not None and nxt.is_word and self.free(i + 1) and not self.lex.tags(nxt.core)
                    and self.noun(nxt) is None and not nxt.capitalised) and (
                    self.thing_noun(i + 2) and not self.ing(self.tokens[i + 2]) and not any(
                        k != i and w.is_word and (self.noun(w) is not None or w.core in g.PRONOUN_GENDER)
                        for k, w in enumerate(self.tokens))):  # fmt: skip
                self.keep(i, i, f"it names the style of the {self.tokens[i + 2].core} after it")
                continue  # "A Russian matryoshka doll set": with no one in the prompt, a thing's style (round 95: held)
            if found is not None and said is not None and said.attribute == "ethnicity" and not t.possessive and (
                    nxt is not None and nxt.is_word and self.free(i + 1) and not self.lex.tags(nxt.core)
                    and self.noun(nxt) is None and not nxt.capitalised):  # fmt: skip
                # "a Georgian townhouse", "an Asian influencer": before a word the lexicon does not know, the
                # origin word is a thing's style or a person's origin; either way it stays on the device
                self.claim(i, i, Held(t.text, "origin"))
                continue
            collective = t.core in COLLECTIVES
            if found is None and not collective and self.nominal_adjective(i):
                adjective = self.lex.adjectives[t.core]  # "the elderly": the people it describes
                number = "pl" if self.tokens[i - 1].low == "the" else "sg"  # "an elderly 👵 knitting": one person
                self.noun_phrase(i, (Noun("person", number, **{adjective.attribute: adjective.value}), ""), False)
                continue
            if found is None and not collective:
                continue
            if found is not None and self.kind_before_plural(i, found[0]):
                continue  # "her twin toddlers", "twin babies", "twin 3-year-olds": the twins' kind (round 63: "her twin
                # old people" was sent, "babies" read as a verb; "twin 3-year-olds" reads as its decoy "twin little
                # children" does)
            if found is not None and nxt is not None and nxt.is_word and self.free(i + 1) and not t.possessive:
                if self.grown_offspring(i):
                    continue  # "her adult children": the offspring's age, read with the noun after it
                if ((self.noun(nxt) is not None or nxt.core in COLLECTIVES) and self.compound_modifier(found[0], t.core)
                        or self.role_before_person(i)) and not self.agreeing_verb(i + 1):  # fmt: skip
                    continue  # "baby girl", "a teen couple": the next noun heads, this one modifies it ("a boy
                    # cooks dinner": not "cooks", his verb)
                tags = self.lex.tags(nxt.core)
                thing = self.noun(nxt) is None and "n" in tags and "v" not in tags and nxt.core not in g.CLOSED and (
                    len(nxt.core) > 1)  # fmt: skip  # "a child w/ a dog": a letter is no thing
                age_only = found[0].age is not None and found[0].gender is None and found[0].ethnicity is None
                if thing and age_only and not self.ing(nxt) and nxt.core not in self.lex.senses.depiction:
                    continue  # "a baby stroller": an age-only word describing a thing (gendered words stay persons;
                    # "a baby photo" shows the baby)
                if self.compound_head(i + 1, found[0]):
                    continue  # "the old guard tower", "a pilot light": the noun after it heads a compound
            if (worn := self.worn_kind(i, found[0] if found is not None else None)) is not None:
                self.claim(worn, i, Held(self.prompt[self.tokens[worn].start : t.end], "proxy"))
                continue  # "a woman in a little girl dress": the garment's kind, said of whoever wears it (red team 63:
                # read as a second person, "a woman in an old man" was sent)
            self.noun_phrase(i, found, collective)

    def worn_kind(self, i: int, noun: Noun | None) -> int | None:
        """Where the singular person noun at token i, with its modifiers, names the kind of a garment worn right after
        it ("in a little girl dress", "wearing a little boy costume"), the first of those words; else None."""
        garment = self.tok(i + 1)
        if noun is None or noun.number != "sg" or not noun.states() or garment is None or not garment.is_word or (
                not self.free(i + 1) or garment.core not in self.lex.senses.garments):  # fmt: skip
            return None  # "a clown costume", "a nurse uniform": a kind that says nothing of its wearer (kept as before)
        first, det = self.phrase_start(i)
        opener = self.tok(first - 1) if det else None
        # "A little prince costume on a four year old": a costume put on someone, its kind said with a modifier (round
        # 95: "A middle-aged princess costume on an old person"); not "the man's hat on a table"
        put_on = (w := self.tok(i + 2)) is not None and w.low in ("on", "for") and det and first + 1 < i and (
            not self.tokens[i].possessive)
        if not put_on and (opener is None or opener.low not in ("in", "wearing", "wears", "wore", "dressed")):
            return None
        return first + 1

    def kind_before_plural(self, i: int, noun: Noun) -> bool:
        """The singular noun at token i names nothing ("twin") and stands before a plural person noun, past its
        modifiers ("twin toddlers", "twin little children", "twin 3-year-olds"): it names their kind."""
        nxt = self.tok(i + 1)
        if noun.number != "sg" or not noun.names_nothing() or self.tokens[i].possessive or nxt is None or not self.free(i + 1):
            return False
        if YEAR_OLD.match(nxt.low) is not None and nxt.low.endswith("s"):
            return True
        if not nxt.is_word:
            return False
        head = i + 1 if self.noun(nxt) is not None else self.modifiers_to_noun(i + 1)
        if head is not None and (found := self.noun(self.tokens[head])) is not None and (
                self.compound_modifier(found[0], self.tokens[head].core)) and (  # fmt: skip
                (w := self.tok(head + 1)) is not None and w.is_word and self.noun(w) is not None):
            head += 1  # "twin baby boys": the baby modifies the boys, whose kind the twin names
        return head is not None and (after := self.noun(self.tokens[head])) is not None and after[0].number == "pl"

    def modifiers_to_noun(self, j: int) -> int | None:
        """The person noun that a run of up to three free pre-modifiers from token j leads to, if any ("blonde" in
        "a Scandinavian blonde woman"; not "a Scandinavian selling fish")."""
        for k in range(j, j + 3):
            w = self.tok(k)
            if w is None or not w.is_word or not self.free(k) or w.possessive:
                return None
            if self.noun(w) is not None:
                return k if k > j else None
            if not self.modifier(k) or self.ing(w):
                return None
        return None

    def compound_head(self, j: int, noun: Noun) -> bool:
        """Token j, right after a singular person noun that states nothing of its own ("guard", "pilot"), is the
        head of a compound the person noun modifies ("a guard tower", "a pilot light", "a farmer market"): a
        common noun in its base form, which after a singular subject cannot be its verb ("a guard towers over"
        can), and neither a picture ("a soldier statue" shows the soldier) nor a body ("a swimmer body")."""
        t = self.tok(j)
        if t is None or not t.is_word or noun.number != "sg" or noun.states() or noun.cls is not None or (
                t.capitalised or t.possessive):  # fmt: skip
            return False  # a class noun ("person") is how a decoy writes anyone: "a young person shower" is someone
        tags = self.lex.tags(t.core)
        after = self.tok(j + 1)
        word = after is not None and after.is_word
        if ("v" in tags or "r" in tags) and not (
            after is not None and (after.core in g.PREPOSITIONS or after.text in ",;")
        ):
            return False  # "helping a patient walk", "a star backstage": a verb or an adverb may end the clause there
        if "v" in tags and self.coordinated(j - 1):
            return False  # "a father and his friend walk in": two subjects, whose verb has the base form
        if "v" in tags and (before := self.tok(self.phrase_start(j - 1)[0] - 1)) is not None and (
                before.low in BARE_INFINITIVE_VERBS):  # fmt: skip
            return False  # "a nurse helping an elderly patient walk down the hall": the patient's verb
        if "a" in tags and after is not None and after.core in ("to", "from", "of"):
            return False  # "her friend close to her", "a soldier proud of his medal": an adjective said of the person
        start = self.phrase_start(j - 1)[0]
        start -= (w := self.tok(start - 1)) is not None and w.low in POSSESSIVE_DETERMINERS  # "teaching her old friend"
        if (verb := self.tok(start - 1)) is not None and verb.low in g.DITRANSITIVE:
            return False  # "teaching her old friend calligraphy": taught whom, then what (a decoy of "her teenage grandson
            # calligraphy" read as friend calligraphy, no one, so the set was not closed; round 73)
        if word and (
            self.noun(after) is not None
            or (
                "v" in tags
                and (  # "The detective lit his pipe": its object
                    after.core in g.DETERMINERS or after.core in g.PERSONAL_PRONOUNS or after.core in ("his", "her")
                )
            )
        ):
            return False  # fmt: skip
        return (self.noun(t) is None and "n" in tags and t.core not in g.CLOSED and not self.ing(t)
                and t.core not in self.lex.adjectives  # "a philosopher young ...": an attribute word is no compound
                and not t.low.endswith(("s", "ed")) and t.core not in self.lex.senses.depiction
                and t.core not in self.lex.senses.body and t.core not in COLLECTIVES)  # fmt: skip

    def coordinated(self, i: int) -> bool:
        """The noun at token i is the second of two subjects joined by "and" ("a father and his friend"): an
        "and" among the few words before it, with no stop between."""
        for k in range(i - 1, max(i - 5, -1), -1):
            t = self.tokens[k]
            if t.low in ("and", "&"):
                return True
            if not t.is_word:
                return False
        return False

    def person_after_name(self, j: int) -> bool:
        """Whether a person noun follows the run of capitalised words starting at token `j` ("BTS fan")."""
        while (t := self.tok(j)) is not None and t.capitalised:
            j += 1
        return (t := self.tok(j)) is not None and t.is_word and self.noun(t) is not None

    def role_before_person(self, j: int) -> bool:
        """The role noun at token j, which states nothing ("skater", "refugee"), stands right before a plain person
        noun ("boy", "woman", "kids"): it says what kind of boy, one person ("a young skater boy", "a 16 y/o surfer
        girl"; round 87: read as two people, "a little skater little boy" was sent; "two Sudanese refugee kids")."""
        k = j + 1
        while k < j + 3 and (w := self.tok(k)) is not None and w.is_word and w.core in self.lex.adjectives and (
                self.noun(w) is None):  # fmt: skip
            k += 1  # "a gamer little girl": how a decoy writes "a gamer girl" (the age word between)
        found, head = self.noun(self.tokens[j]), self.tok(k)
        after = self.noun(head) if head is not None and head.is_word and not self.tokens[j].possessive else None
        if self.tokens[j].core in MULTIPLE_BIRTHS:
            return False  # "her twin babies": how they were born, read by `kind_before_plural`
        return found is not None and found[0].cls is None and found[0].number == "sg" and not found[0].states() and (
            after is not None and (after[0].cls in ("person", "gentleman") or (
                after[0].cls is None and after[0].number == "pl"))  # "Syrian refugee students": a plural head
            and self.tokens[j].core not in self.lex.senses.adult)  # fmt: skip  # not "a professional woman", whose
        # role only an adult has, and whom a child decoy would contradict (read as before)

    def compound_modifier(self, noun: Noun, core: str) -> bool:
        """A singular person noun that modifies a person noun after it: "baby girl", "a teen couple", "a lady doctor"
        (round 90: "a gentleman doctor" was a decoy), and a being
        of story that states nothing ("a young elf princess", "a vampire hunter": the princess is an elf)."""
        return noun.number == "sg" and (noun.cls in GENERAL_CLASSES or (core in self.lex.senses.beings and noun.gender is None))

    def nominal_adjective(self, i: int) -> bool:
        """ "the elderly", "the young and the old": an age or origin adjective after "the" with no noun after it
        names the people it describes; after "a"/"an" the one person ("an elderly 👵 knitting a scarf", whose emoji
        is dropped)."""
        t, prev, j = self.tokens[i], self.tok(i - 1), i + 1
        while j < len(self.tokens) and not self.free(j) and not self.tokens[j].is_word:
            j += 1  # a held emoji between: "an elderly 👵 knitting"; not a kept name ("a Turkish Angora cat walking")
        nxt = self.tok(j)
        adjective = self.lex.adjectives.get(t.core)
        if adjective is None or adjective.attribute not in ("age", "ethnicity") or t.possessive:
            return False
        if adjective.attribute == "age" and t.core.endswith(("er", "est")) and any(
                p.number == "pl" and p.anchor < i for p in self.persons):  # fmt: skip
            return False  # "Two sisters ..., the older one teaching the younger to surf": a comparison within a group
            # names one of it, no people of an age ("teaching the old people" was sent, round 69)
        if prev is None or prev.low not in ("the", "a", "an") or not self.free(i - 1):
            return False
        if t.capitalised and "P" in (tags := self.lex.tags(t.core)) and "n" not in tags:
            return False  # "in the Caribbean", "the Mediterranean": WordNet names a place so, and no people ("in the
            # people" was sent)
        if nxt is None:
            return True
        if prev.low != "the":  # "an elderly knitting a scarf"; not "an old knitting needle", "a Jewish wedding, ..."
            after = self.tok(j + 1)
            return nxt.is_word and self.ing(nxt) and after is not None and after.is_word and (
                after.core in g.DETERMINERS or after.core in g.PREPOSITIONS or after.core in POSSESSIVE_DETERMINERS
                or (after.core.endswith("s") and not {f"{nxt.core} {after.core}", f"{nxt.core} {after.core[:-1]}"}
                    & self.lex.senses.ing_compounds))  # fmt: skip
            # "an elderly feeding ducks": a verb and its object, unless WordNet names the two as one thing ("an old
            # knitting needles set")
        if not nxt.is_word:
            return True
        return nxt.core in g.CLOSED or nxt.core in g.PREPOSITIONS or self.ing(nxt)

    def group_appositive(self, first: int, head: int, found: tuple[Noun, str] | None) -> bool:
        """ "Summer and Autumn, two sisters, jumping": a plural person phrase set off after two people joined by "and"
        says who they are; as a group of its own its gender was varied apart from theirs ("A man and a man, two
        sisters"). It is held back on the device (as "neither of them young" is); True when it was."""
        prev, after = self.tok(first - 1), self.tok(head + 1)
        if found is None or found[0].number != "pl" or not found[0].states() or prev is None or prev.text != "," or (
                after is None or after.text != ","):  # fmt: skip
            return False
        last_owner, k = self.owner_at(first - 2), first - 3
        while k >= 0 and not self.free(k) and self.owner_at(k) == last_owner:
            k -= 1  # back over the second person's phrase
        joiner = self.tok(k)
        if last_owner is None or joiner is None or joiner.low not in ("and", "&") or self.owner_at(k - 1) is None:
            return False
        self.claim(first, head, Held(self.prompt[self.tokens[first].start : self.tokens[head].end],
                                     "an appositive said of several people"))  # fmt: skip
        return True

    def headless_proxy(self, k: int) -> bool:
        """Token k is a proxy adjective, or a proxy noun that names a person ("redhead"), that ends its phrase ("a 25
        year old blonde hiking", "a 30 year old redhead"): the person it describes, who has no noun, is the one the
        age before it is of (round 86: refused as an age of no one)."""
        t, after = self.tok(k), self.tok(k + 1)
        proxy = self.lex.proxies.get(t.core) if t is not None and t.is_word else None
        names_one = proxy is not None and proxy.kind == "noun" and t.core in self.lex.senses.person_senses  # "redhead"
        return proxy is not None and (proxy.kind == "adj" or names_one) and (
            after is None or not after.is_word or after.core in g.CLOSED or self.ing(after))  # fmt: skip

    def noun_phrase(self, head: int, found: tuple[Noun, str] | None, collective: bool, force: bool = False) -> None:
        """The person phrase headed by token `head`: its determiner and modifiers to the left (attribute words move
        into the person, other modifiers stay as written), the head noun, and a postmodifier ("of color")."""
        first, det = self.phrase_start(head)
        before = self.tok(first - 1)
        negator = before if before is not None and before.low in NEGATORS else self.tokens[first]
        known = negator.low in ("neither", "nor") and (
            (named := self.tokens[first + (1 if negator is self.tokens[first] else 0)].low) in POSSESSIVE_DETERMINERS
            or named in ("the", "this", "that"))  # fmt: skip
        if negator.low in NEGATORS and not known:  # "neither the boy nor his father noticed": two people, both there
            # "not a man but a woman", "neither man nor woman": the denied word says which value is not the
            # person's, so a decoy that varies it contradicts itself ("not a man but a man")
            raise self.refuse(self.tokens[head], "a person word after a negation says what the person is not; "
                              "say only what the person is")  # fmt: skip
        if self.group_appositive(first, head, found):
            return
        if first == head and self.field_value(head) and found is not None and found[0].ethnicity is not None and (
                self.tokens[head].core in self.lex.adjectives):  # fmt: skip
            return  # "origin: japanese": the field's value, said of the sheet's person (`mark_fields`), not people
        person = Person(number="sg", anchor=head)
        mods, held_words = self.read_modifiers(person, first + (1 if det else 0), head)
        opening = next((k for k, t in enumerate(self.tokens) if t.text == ","), len(self.tokens))  # the first tag
        if found is not None and found[0].age == "child" and self.tokens[head].core in TAG_CHARACTERS and not det and (
                "age" not in person.states and head < opening and sum(t.text == "," for t in self.tokens) >= 2
                and not any(w.core in g.NUMBER_WORDS or w.core in g.DETERMINERS or w.low in ("and", "&", "or", "with")
                            for w in self.tokens[:head])  # "a mother and girl, park": two people, one a child
                and not any(t.low in AGE_UNITS or t.low in YO or t.low == "aged" or t.low.isdigit()
                            or (k != head and (found_k := self.noun(t)) is not None and (
                                k > head or bool(found_k[0].states())))  # "woman, girl, park", "toddler boy"
                            for k, t in enumerate(self.tokens))):  # fmt: skip
            # "pinup girl, 1950s style, red lipstick", "cyberpunk hacker girl, neon": a bare "girl" or "boy" in the
            # tag that opens a list of tags, the one person in it, names a drawn character, as "1girl" does, not a
            # child's age (it went out as "pinup little girl"); an age or a number said anywhere still counts
            # ("young girl, farm", "girl, 6, laughing"), as does anyone else named ("child, girl, meadow")
            found = (found[0]._replace(age=None), found[1])
        elif found is not None and found[0].age == "child" and self.tokens[head].core in TAG_CHARACTERS and not det and (
                "age" not in person.states and before is not None and before.text == ","
                and any(p.cls == g.TAG_CLASS for p in self.persons)):  # fmt: skip
            # "1girl, twin tails, magical girl, star wand": after a booru character, a bare tag on "girl" or "boy"
            # says what kind of character it is (the genre's "magical girl"), no child's age
            found = (found[0]._replace(age=None), found[1])
        elif found is not None and found[0].age == "child" and self.tokens[head].core in ("girls", "boys") and (
                head > 0 and self.tokens[head - 1].low == "multiple" and "age" not in person.states):  # fmt: skip
            # "multiple girls, 3girls, beach volleyball": the booru tag for several characters of one gender, no
            # child's age (it went out as "multiple little girls")
            found = (found[0]._replace(age=None), found[1])
        if found is not None and found[0].cls == "gentleman" and mods and (
                tags := self.lex.tags(mods[-1].lower())) and "n" in tags and "a" not in tags:  # fmt: skip
            # "office lady", "a lunch lady", "a cat lady": after a noun that names her kind the counterpart is a man
            # ("an office gentleman" was a decoy no one writes); the cloud reads "office woman" / "office man"
            found = (found[0]._replace(cls="person"), found[1])
        if not self.take_head(person, head, found, mods, force):
            return  # "a family", "a crowd": no attribute stated, nothing to vary
        if collective:
            person.number = "pl"  # a group never binds he/she
        end = self.postmodifier(person, head, held_words)
        comma = next(
            (
                c
                for c in self.apposition
                if c < head and not any(self.noun(self.tokens[k]) is not None and self.tokens[k].core not in self.lex.adjectives
                                        for k in range(c + 1, head))  # fmt: skip
            ),
            None,
        )  # the name's comma before it; an origin's word before the noun is its modifier ("Maria, a Mexican grandmother,":
        # round 102 sent "An old woman, stirs", the name's states not carried)
        named = self.apposition.pop(comma) if comma is not None else None
        if named is not None:  # the appositive of a held-back name: it states what the name did ("John": male)
            states, key, strong = named
            for a, v in states.items():
                person.state(a, v, strong, self.tokens[head].text)
            if self.tok(end + 1) is not None and self.tokens[end + 1].text == "," and self.free(end + 1):
                self.claim(end + 1, end + 1, Held(",", "name"))  # "John, a firefighter, sits": "A firefighter sits"
        person.in_phrase = set(person.states)
        pid, noun = self.corefer(first, det, head, person), None
        if pid is not None and self.persons[pid].cls == g.TAG_CLASS and person.states.get("age") == "child" and (
                set(person.states) <= {"age", "gender"}) and not self.sexualised():  # fmt: skip
            # "1girl, child, sundress": no booru character gets a child decoy (docs/privacy.md), so the tag that
            # names the character a child stays on the device (it was refused); the count tag's gender is varied
            first, end = self._weighted(first, end)  # "(teen:1.2)" leaves whole
            self.claim(first, end, Held(self.prompt[self.tokens[first].start : self.tokens[end].end], "age"))
            return
        if pid is None and det.lower() == "the" and person.cls not in (None, *GENERAL_CLASSES) and any(
                not p.pronoun_only and p.number == person.number and p.cls == person.cls and p.anchor < head
                and self.introduced(k) and self.apart(k, first) for k, p in enumerate(self.persons)):  # fmt: skip
            det = "A" if det[:1].isupper() else "a"  # "The king sits on his throne while the queen whispers ...": a
            # decoy's "the king ... the king" names the king again, one person, so the set was not closed (refused,
            # round 73); someone new of the same kind is written "a queen" in every candidate
        if pid is None:
            pid = self.new_person(person)
            if named is not None:
                self.names[named[1]] = pid  # "John" again later names this person
        else:  # a second mention: its attributes join the person's, it keeps its own noun
            for a, v in person.states.items() if head not in self.by_order else ():  # "the latter" says none
                self.persons[pid].state(a, v, person.strength.get(a, True), self.tokens[head].text)
            self.persons[pid].mentions.append(head)
            said = set(person.in_phrase)
            if person.cls == "person" and "age" in self.persons[pid].in_phrase:
                said.add("age")  # "a young man ... the young man": a child's decoy says "the little boy" again
            noun = (person.cls, person.head, person.number, frozenset(said))
            pair = self.pair_before(first)
            if head in self.by_order or (
                det.lower() == "the" and not mods and pid in pair
                and len({(self.persons[k].cls, self.persons[k].cls or self.persons[k].head) for k in pair}) == 1
            ):  # (a neutral noun keeps its word in every candidate: "a teacher" and "a student" never read alike)
                # "a king and a queen ..., the queen holds a scepter": a decoy with two queens could not say which
                # one; two people of one class named again by their noun are written "the former" / "the latter",
                # which binds by order in every candidate (as a pronoun only gender binds is)
                noun = (None, ORDINAL_REFERENCE[pair.index(pid)], person.number, frozenset())
        # "a womans hand": a possessive typed without its apostrophe is written with one ("a man's hand", not
        # "a man hand"), in every candidate
        owned = (w := self.tok(end + 1)) is not None and w.is_word and "n" in self.lex.tags(w.core) and (
            w.core not in g.CLOSED)  # "the mans in the field" is a man
        bare = self.tokens[end].core in BARE_POSSESSIVES and owned
        possessive = self.tokens[end].possessive or ("'s" if bare else "")
        seg = Phrase(pid, det, tuple(mods), possessive, self.phrase_case(first, head), noun)
        self.claim(first, end, seg)
        if held_words:
            self.held_in_phrase(held_words)

    def hold_count_tags(self) -> None:
        """ "1girl, 1boy, couple, (indian woman:1.1), (white man:1.1)", "2boys, (old man:1.3), (young boy:1.1)":
        booru count tags that announce two or more characters, in a prompt that names two or more people by nouns
        that say who they are, count those people again. Varied apart from the nouns, a decoy contradicts itself
        ("1boy, 1boy, ..., (woman), (woman)") and the real candidate is the consistent one; which tag is which noun
        cannot be read from the tags. So the tags are held back on the device, before any phrase is read (the
        decoys, which lack them, must parse as the prompt does), and the nouns carry the people. One tag ("1girl,
        solo, (old woman:1.2)") is that person and stays. Two one-character tags ("1boy, 1girl, holding hands")
        are held too: varied apart they wrote "1boy, 1boy", where a user writes "2boys"."""
        tags = [i for i, t in enumerate(self.tokens) if self.free(i) and self.free(i - 1) and self.booru_tag(i)]
        count = sum(int(self.tokens[i - 1].low) for i in tags)
        nouns = [found[0] for i, t in enumerate(self.tokens) if i not in tags and self.free(i) and t.is_word
                 and (found := self.noun(t)) is not None and found[0].says_who()]  # fmt: skip
        singles = [i for i in tags if self.tokens[i - 1].low == "1"]
        if count < 2 or (sum(2 if n.number == "pl" else 1 for n in nouns) < 2 and len(singles) < 2):
            return  # "multiple girls, 4girls": a plural noun names two or more
        # "1girl, 1boy, couple": two one-character tags varied apart gave the decoys "1boy, 1boy", which no one
        # writes ("2boys"), so the mixed pair was the real one; held, no tag tells the genders
        for i in tags:
            first, last = i - 1, i
            nxt, prev = self.tok(last + 1), self.tok(first - 1)
            if nxt is not None and nxt.text == "," and self.free(last + 1) and (prev is None or not prev.is_word):
                last += 1  # one item of the tag list leaves with its comma
            text = self.prompt[self.tokens[first].start : self.tokens[last].end]
            self.claim(first, last, Held(text, "a count tag of the people the prompt names by noun"))

    def possessed_phrase(self, end: int) -> bool:
        """The person phrase that ends at token `end` is owned ("her baby", "the woman's son")."""
        k = self.used.get(end)
        if k is None or not isinstance(self.spans[k][2], Phrase):
            return False
        before = self.tok(self.spans[k][0] - 1)
        return before is not None and (before.core in POSSESSIVE_DETERMINERS or before.possessive)

    def corefer(self, first: int, det: str, head: int, person: Person) -> int | None:
        """The earlier person a phrase names again, or None for a new one.

        "She is a doctor": a phrase after a copula names the clause's subject. "A man ... The man looks angry":
        "the" and the very noun an earlier person was introduced with ("a", "an") name that person (decoys
        write both mentions with one value, so they keep the same noun); with several such persons, which one
        is meant would show in the decoys, so the prompt is refused."""
        prev = self.tok(first - 1)
        tags = [k for k, p in enumerate(self.persons) if p.cls == g.TAG_CLASS]
        if (len(tags) == 1 and len(self.persons) == 1 and self.persons[0].number == person.number == "sg"
                and person.cls != g.TAG_CLASS  # "1boy, 1girl": two characters
                and det.lower() in ("", "a", "an") and prev is not None and prev.text in (",", "(")
                and all(self.persons[0].states.get(a) in (None, v) for a, v in person.states.items())):  # fmt: skip
            # "1boy, (old man:1.3), beard": a tag list that names its one character again names the tag's character
            # (a second one would be tagged "1girl" or "2boys"); with two genders they are two people
            return 0
        if self.tag_again(first, det, head, person):
            # "(old man:1.3), weathered face, fisherman, rain", "young kid, boy, 8yo": a bare tag that names a person
            # after one person, saying nothing against what the first said, describes that person again; as two
            # people their values were varied apart ("(little boy:1.3), ..., fisherwoman"), a decoy that contradicts
            # itself. Relatives ("mother, daughter") are two by what the words mean.
            return 0
        if prev is not None and self.free(first - 1) and (prev.low in COPULAS or prev.low in GLUED_RELATIVES) and (
                det.lower() in ("a", "an")):  # fmt: skip  # "a grandma whos a DJ" (round 84: the DJ a second person)
            owner = self.owner_at(first - 2)
            who = self.tok(first - 2)
            if owner is None and who is not None and who.low in ("who", "that") and self.free(first - 2):
                k = first - 3 - ((c := self.tok(first - 3)) is not None and c.text == ",")
                owner = self.owner_at(k)  # "The doctor, who was an older man, ...": the relative clause's subject
            if owner is not None and self.persons[owner].number == person.number:
                return owner
        if prev is not None and prev.low in ("herself", "himself", "themselves") and det.lower() in ("a", "an") and (
                (c := self.tok(first - 2)) is not None and c.text == ","):  # fmt: skip
            owner = self.owner_at(first - 3)  # "A nurse, herself a mother of three": the nurse (as two people, the
            if owner is None:  # mother was varied apart: "A nurse, himself a mother of three")
                owner = self.nearest_person(first - 2)  # "A man in a wheelchair, himself a veteran" (round 74)
            if owner is not None and self.persons[owner].number == person.number:
                return owner
        if prev is not None and self.free(first - 1) and prev.low in BECOMING | {"is", "was"} and det.lower() in ("a", "an"):
            owner = self.subject_before(first - 1)  # "a woman who used to be a ballerina": what the subject was; "The
            # guy at the bar is a young Irish lad": who the subject is (round 102: two people, refused over the budget)
            if owner is not None and self.persons[owner].number == person.number and (  # (a decoy "ballerino" was sent)
                    prev.low in BECOMING or (not self.tokens[head].possessive  # "Lincoln is a boy's name": the boy's
                                             and all(self.persons[owner].states.get(a) in (None, v) for a, v in person.states.items())
                                             and (person.states.get("age") != "child" or self.persons[owner].states.get("age") == "child"))):  # fmt: skip
                return owner  # not "The girl in the photo is a young woman now": who she has become, said apart; nor "The
                # guy is a lad", where one noun's age would fold into a noun that reads as an adult's
        comma = head + 1
        if (w := self.tok(comma)) is not None and w.core in g.PREPOSITIONS:  # "a toddler in a yellow raincoat, ..."
            while (w := self.tok(comma)) is not None and w.is_word and comma - head <= 6 and self.noun(w) is None:
                comma += 1
        if (w := self.tok(comma)) is not None and w.low in ("herself", "himself", "themselves"):
            comma += 1  # "her mother, a dancer herself, watches": the reflexive is the appositive's own
        after, then = self.tok(comma), self.tok(comma + 1)
        # "her mother, once a dancer herself, watches": what she was (round 78: two people, "his father, once a dancer
        # herself"); the comma before the appositive stands before the adverb
        lead = first - 1 - (prev is not None and prev.low in APPOSITIVE_ADVERBS and self.free(first - 1))
        # what follows the appositive is the sentence's verb: "washing", or a verb's present "sits" ("My grandfather, a
        # retired sailor, sits on the dock. He ...": as two people, "He" was bound to the sailor and varied apart)
        said = self.tok(first - 2)  # a pronoun's appositive is its own rule (`apposed_after`): "She, a nurse, smiles"
        acting = then is not None and then.is_word and (self.ing(then) or (
            then.core.endswith("s") and "v" in self.lex.tags(then.core) and then.core not in self.lex.nouns
            and said is not None and said.core not in ("he", "she")))  # fmt: skip
        if (c := self.tok(lead)) is not None and c.text == "," and det.lower() in ("a", "an") and (
                after is not None and after.text == "," and acting and not self.title_mode and not self.upper_mode):  # fmt: skip
            owner = self.owner_at(lead - 1)  # "a man, a retired firefighter, washing his truck": an appositive
            if owner is not None and self.persons[owner].number == person.number and (  # says who he is, one person
                    not person.states or (self.persons[owner].cls not in ("person", None)
                                          and not set(person.states) & set(self.persons[owner].states))):  # fmt: skip
                return owner  # "her son, a toddler, jumping": a kin word's person, whose age the appositive adds
                # (not "a woman, a child, playing", a list of two)
        ends = after is None or after.text in (".", ";", "!", "?")  # "yelling at his employee, a young woman."
        goes_on = after is not None and after.text == "," and then is not None and then.is_word and (
            then.low in COPULAS or self.ing(then))  # fmt: skip
        if prev is not None and prev.text == "," and det.lower() in ("a", "an") and (ends or goes_on) and (
                not self.title_mode and not self.upper_mode and (owner := self.owner_at(first - 2)) is not None
                and self.possessed_phrase(first - 2) and self.persons[owner].number == person.number
                and all(self.persons[owner].states.get(a) in (None, v) for a, v in person.states.items())
                and set(person.states) - set(self.persons[owner].states)):  # fmt: skip
            return owner  # "her baby, a little boy, is asleep": the appositive adds what it agrees with (was two people;
            # so was a possessed noun's appositive ending the sentence, its gender varied apart from "his employee")
        named = first - 2
        while named in self.used and isinstance(seg := self.spans[self.used[named]][2], Held) and seg.why == "proxy":
            named = self.spans[self.used[named]][0] - 1  # "Aisha from the Gulf, a young Saudi woman": past her origin
        if prev is not None and prev.text == "," and det.lower() in ("a", "an", "the") and self.named_at(named):
            owner = self.owner_at(named)  # "John, a retired firefighter, ...": an appositive names the name
            if owner is not None and self.persons[owner].number == person.number:
                return owner
        again = self.same_kin_again(first, det, head, person)
        if again is None:
            again = self.member_of_kin_group(first, det, head, person)
        if again is None:
            again = self.relative_again(first, det, head, person)
        if again is None:
            again = self.kin_called_again(first, det, head, person)
        if again is not None:
            return again
        if det.lower() not in ("the", "this", "that") or any(
            self.tokens[k].is_word and self.tokens[k].core not in self.lex.adjectives for k in range(first + 1, head)
        ):
            return None  # "the eldest son and the youngest daughter": words of their own tell people apart
        word = self.tokens[head].core
        called = any(self.tokens[p.anchor].core == word for p in self.persons if p.anchor < head)
        same = [
            k
            for k, p in enumerate(self.persons)
            if not p.pronoun_only
            and p.number == person.number
            and p.anchor < head
            and (self.tokens[p.anchor].core == word or self.same_kind(p.anchor, head) or (
                not called and word in self.lex.senses.role_names.get(self.tokens[p.anchor].core, ())))
            # "A boxer wraps his hands ... The fighter has a scar": the kind a role is of names it again (round 90:
            # a second person, whose pronouns were varied apart); not beside one called by the word itself
            and all(p.states.get(a) in (None, v) for a, v in person.states.items())  # "A young man carries his
            # elderly father ..., the old man's cane": not the young man (refused as one man both young and old,
            # round 69); which one it is, is then read as for any noun (`meant_of_pair`)
            and (
                (self.introduced(k) and self.apart(k, first))
                or (self.tokens[head].possessive and (self.tokens[p.anchor].possessive or (
                    self.introduced(k) and (self.apart(k, first) or self.indefinite(k)))))
            )  # "a woman's husband kissing the woman's forehead", "a widower ... with the widower's two sons": one
            # owner named twice (as the view writes "her" where the pronoun binds by position to someone else); in
            # its own clause a "the" phrase's noun again is someone else ("The bride adjusts the groom's tie" had the
            # decoy "The bride adjusts the bride's tie", read as one person, and was refused, round 68)
        ]
        if len(same) > 1:
            raise self.refuse(self.tokens[head], "names again one of several people it could mean, and which one "
                              "would show in the decoys; name each person once, or tell them apart by other words "
                              "(\"the one with the hat\")")  # fmt: skip
        found = self.noun(self.tokens[head])
        kind_word = person.cls is not None and person.cls not in GENERAL_CLASSES and found is not None and (
            found[0].gender is None and any(p.cls == person.cls and p.anchor < head for p in self.persons))  # fmt: skip
        # "a Ghanaian king seated on a stool; the monarch wears kente": the word for his class that says no gender
        # names him again, as "the man" does anyone (round 87: a second person, "his" varied apart from the king)
        if same or (person.cls not in GENERAL_CLASSES and not kind_word):
            return same[0] if same else None
        # "A businessman checks his watch; the man is late", "An old fisherman ...; the old man": "the" and a noun
        # anyone can be called name again the one person before them. Decided by structure, never by the values
        # (a decoy gives the two mentions one value, and must read as one person as the prompt does); so with
        # several people before, or one whose stated values this noun contradicts ("A woman waits; the man ..."),
        # which reading is meant would show in the decoys, and the prompt is refused.
        if self.noun(self.tokens[head]) is None:
            return None  # "the young and the old": adjectives naming groups, not a noun naming someone again
        earlier = [k for k, p in enumerate(self.persons) if p.number == person.number and p.anchor < head]
        earlier = [k for k in earlier if self.apart(k, first) and (not kind_word or self.persons[k].cls == person.cls)]
        if not earlier:
            return None  # "a man with the woman", "the young and the old": joined in one clause, two people
        # one named in this clause is not the one this phrase names again ("a grandmother and her granddaughter ...,
        # the old woman guiding the girl": the girl is the granddaughter; was read as a third person, round 68)
        words = self.prompt[self.tokens[first].start : self.tokens[head].end]
        if len(earlier) > 1 and (meant := self.meant_of_pair(earlier, first, head, person)) is not None:
            self.by_order.add(head)
            return meant
        if len(earlier) > 1:
            raise self.refuse(self.tokens[head], f"'{words}' could name again any of the people before it, and which "
                              "one would show in the decoys; tell them apart (\"the taller man\") or name each "
                              "person once")  # fmt: skip
        states = self.persons[earlier[0]].states
        clash = [a for a, v in person.states.items() if states.get(a) not in (None, v)]
        if clash:
            raise self.refuse(self.tokens[head], f"'{words}' reads as someone new, but the decoys would make it name "
                              f"again the person before it (its {clash[0]} differs only in this prompt); introduce "
                              "the new person with \"a\" (\"a man arrives\")")  # fmt: skip
        return earlier[0]

    def same_kind(self, a: int, b: int) -> bool:
        """The person nouns at tokens a and b are one word of the lexicon in two spellings ("mother", "mum"; "father",
        "dad"): one class, one gender, one number, a class no one general ("person") is. "A mother of twins ...
        The mum wears a knitted hat" names her again (round 87: "A mother wears" was sent, a second person)."""
        x, y = self.noun(self.tokens[a]), self.noun(self.tokens[b])
        return x is not None and y is not None and x[0].cls is not None and x[0].cls not in GENERAL_CLASSES and (
            (x[0].cls, x[0].gender, x[0].number) == (y[0].cls, y[0].gender, y[0].number))  # fmt: skip

    def same_kin_again(self, first: int, det: str, head: int, person: Person) -> int | None:
        """ "John and his brother fix the roof. John holds the ladder while his brother climbs up", "a girl and her
        aunt baking bread, her aunt kneads": the same possessive word and the same noun, in a later clause, name
        the one person named so before (decoys write both from one slot: "her sister ... her sister"); as two
        people their values were varied apart and a decoy contradicted itself ("his brother ... her sister")."""
        owner = self.tok(first - 1)
        if det or owner is None or owner.low not in POSSESSIVE_WORDS or not self.free(first - 1):
            return None
        word = self.tokens[head].core
        same = [k for k, p in enumerate(self.persons)
                if not p.pronoun_only and p.number == person.number and p.anchor < head
                and self.tokens[p.anchor].core == word and p.anchor > 0
                and self.tokens[self.phrase_start(p.anchor)[0] - 1].low == owner.low
                and self.apart(k, first)]  # fmt: skip
        if len(same) != 1:
            return None
        self.same_owner[first - 1] = self.phrase_start(self.persons[same[0]].anchor)[0] - 1  # one owner, both times
        return same[0]

    def member_of_kin_group(self, first: int, det: str, head: int, person: Person) -> int | None:
        """ "Two sisters at a temple; the younger one holds her sister's hand": one kinship noun, after "her"/"his", in a
        later clause, whose plural named the one group of that kin before, names one of that group (decoys write both
        from one slot: "two brothers ... his brother's hand"); as a new person its gender was varied apart, and a decoy
        read "Two sisters ...; the younger one holds her brother's hand" (round 68). By class and structure only."""
        owner = self.tok(first - 1)
        if det or person.number != "sg" or owner is None or owner.low not in POSSESSIVE_WORDS or (
                person.cls not in KIN_CLASSES - {"person"}):  # fmt: skip
            return None
        groups = [k for k, p in enumerate(self.persons)
                  if not p.pronoun_only and p.number == "pl" and p.cls == person.cls and p.anchor < head]  # fmt: skip
        if len(groups) != 1 or not self.apart(groups[0], first) or any(
                self.persons[groups[0]].states.get(a) not in (None, v) for a, v in person.states.items()):  # fmt: skip
            return None
        return groups[0]

    def kin_called_again(self, first: int, det: str, head: int, person: Person) -> int | None:
        """"my dad fixing the car. Dad laughs": a kinship noun with no article or owner, in a later clause, is what the
        speaker calls their one relative of that kind named before with "my" or "our" (as a second person it was
        varied apart: "my father ... Mother laughs"). By the noun's entry and structure, never by a value."""
        owner, entry = self.tok(first - 1), self.noun(self.tokens[head])
        kin = entry is not None and entry[0].cls in KIN_CLASSES - {"person"}  # not "Grandma": a decoy writes "my
        # old female friend" first and "Old Woman" then, which reads as two (refused, not sent)
        if det or first != head or not kin or (
                owner is not None and owner.is_word and (owner.low in POSSESSIVE_WORDS or owner.possessive)):  # fmt: skip
            return None
        same = [k for k, p in enumerate(self.persons)
                if not p.pronoun_only and p.number == person.number and p.anchor < head
                and self.noun(self.tokens[p.anchor]) is not None and self.noun(self.tokens[p.anchor])[0] == entry[0]
                and (o := self.tok(self.phrase_start(p.anchor)[0] - 1)) is not None and o.low in ("my", "our")
                and self.apart(k, first)]  # fmt: skip
        return same[0] if len(same) == 1 else None

    def relative_again(self, first: int, det: str, head: int, person: Person) -> int | None:
        """ "A mother and daughter walk on the beach. The daughter is taller than her mom": "her" and a kinship noun
        in a later clause, where the one earlier person of that kinship class ("a mother") is not the one "her"
        binds to, name that person again. As a second person its values were varied apart, and a decoy read "A
        mother and son ... The son is taller than his father". Decided by class and structure, never by a value;
        the owner still binds by position ("her" -> the daughter) in every candidate."""
        owner = self.tok(first - 1)
        if det or owner is None or owner.low not in POSSESSIVE_WORDS or not self.free(first - 1) or (
                person.cls not in KIN_CLASSES - {"person"}):  # fmt: skip
            return None
        same = [k for k, p in enumerate(self.persons)
                if not p.pronoun_only and p.number == person.number and p.anchor < head and p.cls == person.cls]  # fmt: skip
        if len(same) != 1 or not self.apart(same[0], first):
            return None
        clause = self.clause_start(first)
        speaker = [k for k, p in enumerate(self.persons)
                   if k != same[0] and any(clause <= m < first - 1 for m in p.mentions)]  # fmt: skip
        by_order = any(self.tokens[m].low in ORDINAL_REFERENCE and self.tokens[m - 1].low == "the"
                       for m in range(max(clause, 1), first - 1))  # fmt: skip  # as the cloud view writes "The boy"
        if not speaker and not by_order:
            return None  # "a mother with her baby; her mother watches": whose mother is not said by the clause
        return same[0]

    def meant_of_pair(self, earlier: list[int], first: int, head: int, person: Person) -> int | None:
        """Which of exactly two people before it a "the" phrase names again, when what its words say fits one and
        contradicts the other: "a mother braiding her daughter's hair, the girl is crying" (a mother is no girl),
        "a boy and his grandfather fishing; the old man ..." (the boy is not old). The cloud view writes it "the
        former" / "the latter", which binds by order in every candidate, so the choice made here from the real
        values never shows; with both or neither fitting, None (the prompt is refused as ambiguous)."""
        if sorted(earlier) != sorted(self.pair_before(first)):
            return None
        fits = [k for k in earlier if self.may_be(k, head, person)]
        return fits[0] if len(fits) == 1 else None

    def may_be(self, k: int, head: int, person: Person) -> bool:
        """Whether person k may be the one the phrase at `head` describes: no value both state differs, and no
        child is named by a noun only an adult is called ("a man", "a mother", "a teacher"; WordNet's adults)."""
        other = self.persons[k]
        if any(other.states.get(a) not in (None, v) and {other.states.get(a), v} != {"child", "young"}
               for a, v in person.states.items()):  # fmt: skip
            return False  # "a grandmother and her grandson, the boy ...": a grandson may be a boy
        adult = self.lex.senses.adult
        return not (
            (person.states.get("age") == "child" and self.tokens[other.anchor].core in adult)
            or (other.states.get("age") == "child" and self.tokens[head].core in adult)
        )

    def tag_again(self, first: int, det: str, head: int, person: Person) -> bool:
        """The phrase from token `first` to its head is a whole bare tag ("..., fisherman, ...") after exactly one
        person, singular like it, neither a relative, and no attribute of the two differs."""
        prev, after = self.tok(first - 1), self.tok(head + 1)
        if det or prev is None or prev.text not in (",", "(") or len(self.persons) != 1:
            return False
        if after is not None and after.text not in (",", ")", ":", ".", ";"):
            return False
        other = self.persons[0]
        nouns = (self.tokens[head].core, self.tokens[other.anchor].core)
        solo = any(t.low == "solo" for t in self.tokens)  # a booru tag: one character in the picture
        role = any(self.tokens[k].is_word and self.tokens[k].core not in self.lex.adjectives and "n" in self.lex.tags(
            self.tokens[k].core) for k in range(first, head))  # fmt: skip  # "office lady": a kind of worker
        if person.cls in GENERAL_CLASSES and not solo and not role and (
                set(person.states) <= {"gender", "age"} or "gender" in person.states):  # fmt: skip
            # "man, woman, beach", "old man, boy", "(asian woman:1.2), (black man:1.2)": a noun that says only who is
            # there names someone new, whatever origin it is given
            return False
        drawn = other.cls == g.TAG_CLASS and self.tokens[head].core in TAG_CHARACTERS  # "1girl, magical girl"
        if other.number != "sg" or person.number != "sg" or (other.cls == g.TAG_CLASS and not drawn) or (
                person.cls == g.TAG_CLASS):  # fmt: skip
            return False
        if other.cls in RELATIVES or person.cls in RELATIVES or any(w.startswith(("grand", "great")) for w in nouns):
            return False
        clash = [a for a, v in person.states.items() if other.states.get(a) not in (None, v)]
        if clash:
            # "old man, fisherwoman": a role after someone describes them, but this one differs in a value, and a
            # decoy giving both one value would read as one person
            words = self.prompt[self.tokens[first].start : self.tokens[head].end]
            raise self.refuse(self.tokens[head], f"the tag '{words}' may describe the person before it or someone "
                              f"else (its {' and '.join(clash)} differ), and the decoys would read otherwise; say who it "
                              "is in one phrase (\"an old man and a fisherwoman\", \"an old fisherman\")")  # fmt: skip
        return True

    def apart(self, k: int, first: int) -> bool:
        """A clause boundary (punctuation or a subordinating word) stands between person k's last mention and
        token `first`: only then can a "the" phrase name k again ("A man waits. The man ..."); within one clause
        ("a woman with the woman", "the young and the old") it is someone else."""
        last = max((m for m in self.persons[k].mentions if m < first), default=-1)
        if first > last + 1 and self.tokens[first - 1].low == "and" and self.opens_clause(first):
            return True  # "The waiter refills the man's coffee and the man thanks him": "and" opens a clause of its
            # own (round 82 was refused: a decoy wrote the man's pronouns so, and read them as a second man)
        return any(t.text in ",;:.!?" or t.low in SUBORDINATORS for t in self.tokens[last + 1 : first])

    def named_at(self, j: int) -> bool:
        """Token j ends a person's name ("John", "Mrs. Smith"): a capitalised first name or title in a claimed span."""
        t = self.tok(j)
        return (
            t is not None
            and j in self.used
            and t.capitalised
            and not self.title_mode
            and not self.upper_mode
            and (
                plain(t.core) in self.lex.first_names
                or t.core.rstrip(".") in self.lex.titles
                or "p" in self.lex.tags(t.core)
            )
        )

    def first_named(self, k: int) -> tuple[int, str] | None:
        """(first token, determiner in lower case) of person k's first phrase, or None."""
        for first, _, seg in self.spans:
            if isinstance(seg, Phrase) and seg.person == k and first >= 0:
                return first, seg.det.lower()
        return None

    def introduced(self, k: int) -> bool:
        """Person k was first named with "a"/"an", an owner's word ("my aunt", round 55), no article, or "the" opening
        the prompt ("The old fisherman pulls his net. The fisherman's face ...": round 62, varied apart): a later
        "the" + noun may name them again."""
        if (named := self.first_named(k)) is None:
            return False
        first, det = named
        return det in ("a", "an", "") or det in POSSESSIVE_WORDS or (det == "the" and first == 0)

    def indefinite(self, k: int) -> bool:
        """Person k was first named with "a"/"an"."""
        return (named := self.first_named(k)) is not None and named[1] in ("a", "an")

    def phrase_start(self, head: int) -> tuple[int, str]:
        """(first token, determiner as written) of the phrase that `head` ends: modifiers back to a determiner."""
        first, j, brackets = head, head - 1, 0
        while self.free(j) and head - j <= 6 + brackets:
            w = self.tokens[j]
            if w.is_word and w.core in g.DETERMINERS:
                return j, w.text
            if (group := self.weighted_modifiers(j)) is not None:  # "a (middle aged:1.3) black man"
                opener = weight_group_ending(self.tokens, j)[0]  # nested ones open further left: "(((old)))"
                brackets += j - opener + 1 - (group[1] - group[0] + 1)
                first, j = opener, opener - 1
                continue
            if w.low in ("birthday", "bday", "b-day") and (o := self.tok(j - 1)) is not None and (
                    ORDINAL.match(o.low) or o.low in ORDINAL_WORDS):  # fmt: skip
                break  # "happy 80th birthday grandma": her 80th birthday, said to her; no "birthday girl" (round 99
                # material: "happy 80th little birthday girl" was sent)
            if w.is_word and w.core in INTENSIFIERS and j < head - 1 and self.modifier(j + 1):
                first, j = j, j - 1  # "a very pregnant woman": the adverb grades her modifier ("a very woman" was sent)
                continue
            if not self.modifier(j) or self.agreeing_verb(j) or self.acted_on(j) or (
                    self.ing(w) and j > 0 and not self.free(j - 1) and self.tokens[j - 1].is_word) or (
                    w.core in PICTURE_REQUESTS and j < head - 1):  # fmt: skip
                # "pls draw old guy w/ beard": the request's verb, before the person's own words ("pls old draw
                # man" was sent, round 69)
                # "Mary holding baby Jesus": an -ing word right after someone named is what they do (round 60:
                # "the Virgin little holding child")
                break  # "a teenager texts friends": "texts" is the teenager's verb, no modifier of the friends;
                # "with gray stubble briefing rookies": "briefing" is a verb after a noun, no modifier of the rookies
            first, j = j, j - 1
        while first < head and self.acted_on(first):
            first += 1  # "a nun teaching children": "teaching" is what the nun does, not how the children are
        return first, ""

    def acted_on(self, k: int) -> bool:
        """Token k is an -ing verb right after a person's phrase or a noun ("a man feeding children", "a dog
        chasing kids"): the verb of the one before, whose object follows, not a modifier of the object."""
        w, prev = self.tokens[k], self.tok(k - 1)
        if prev is not None and self.owner_at(k - 1) is not None and self.agreeing_verb(k):
            return True  # "a mother hugs children": her verb, not a kind of children
        if not (self.ing(w) and "v" in self.lex.tags(w.core)) or prev is None or not prev.is_word:
            return False
        if self.owner_at(k - 1) is not None:
            return True
        tags = self.lex.tags(prev.core)
        return self.free(k - 1) and "n" in tags and "a" not in tags and prev.core not in g.CLOSED and (
            prev.kind != "num" and prev.core not in g.NUMBER_WORDS)  # fmt: skip

    def after_weight(self, i: int) -> int | None:
        """The token after the prompt weight that wraps token i ("(asian:1.2) woman" -> "woman"), or None."""
        after = None
        for opener in range(i - 1, max(-1, i - 7), -1):
            if (group := weight_group(self.tokens, opener)) is not None and group[0] <= i <= group[1]:
                after = group[2] + 1  # the outermost of nested ones ("((asian)) woman")
        return after

    def weighted_modifiers(self, closer: int) -> tuple[int, int, int] | None:
        """(first word, last word, closer) of a front-end's prompt weight that token `closer` closes and that
        wraps only free modifiers of a person noun after it ("(middle aged:1.3)", "[young]"), else None."""
        if self.tokens[closer].text not in (")", "]") or (group := weight_group_ending(self.tokens, closer)) is None:
            return None
        opener, first, last = group
        inside = range(first, last + 1)
        if not all(self.free(k) for k in range(opener, closer + 1)) or not all(
                self.modifier(k) or self.tokens[k].text == "-" for k in inside):  # fmt: skip
            return None
        return first, last, closer

    def read_modifiers(self, person: Person, k: int, head: int) -> tuple[list[str], list[str]]:
        """Reads tokens k..head-1 into `person`; returns (modifiers kept as written, words held back).

        A prompt weight around modifiers ("a (middle aged:1.3) black man") is read through: the attribute words
        in it move into the person like any (a decoy cannot keep a weight on the user's value; the device's own
        steps keep the user's prompt, weights and all), and the other modifiers keep their weight as written."""
        mods: list[str] = []
        held_words: list[str] = []
        while k < head:
            group = weight_group(self.tokens, k)
            if group is None or self.weighted_modifiers(group[2]) is None:
                k = self.read_run(person, k, head, mods, held_words)
                continue
            first, last, closer = group
            before = len(mods)
            self.read_run(person, first, last + 1, mods, held_words, inside=True)
            if len(mods) > before:  # "a (beautiful:1.2) woman": the weight stays on the words it wraps
                mods[before] = self.prompt[self.tokens[k].start : self.tokens[first].start] + mods[before]
                mods[-1] += self.prompt[self.tokens[last].end : self.tokens[closer].end]
            k = closer + 1
        return mods, held_words

    def read_run(self, person: Person, k: int, stop: int, mods: list[str], held_words: list[str],
                 inside: bool = False) -> int:  # fmt: skip
        """Reads modifiers from token k until token `stop` or a prompt weight; returns the next token to read."""
        while k < stop and weight_group(self.tokens, k) is None:
            w = self.tokens[k]
            # a pair may end on the head ("a native american"), but not run out of a weight
            pair = f"{w.core} {self.tokens[k + 1].core}" if k + 1 < stop or (k < stop and not inside) else ""
            if pair and pair in self.lex.adjectives:  # "middle aged"
                adj = self.lex.adjectives[pair]
                self.absorb(person, adj.attribute, adj.value, adj.strong, w.text)
                person.in_years |= (w.core, self.tokens[k + 1].core) in COHORTS  # "a Gen Z girl": a young woman
                if adj.value == HELD:  # "Middle Eastern": outside the value space, listed as held back
                    held_words.append(self.prompt[w.start : self.tokens[k + 1].end])
                k += 2
            else:
                k = self.read_modifier(person, k, stop, mods, held_words)
        return k

    def read_modifier(self, person: Person, k: int, head: int, mods: list[str], held_words: list[str]) -> int:
        """One modifier at token k: an age ("a 35 year old", "70-year-old", "40-something", "5 yo"), an attribute
        adjective, a person noun used as one ("baby girl"), a proxy (held back), or a word kept as written.
        Returns the next token to read."""
        w = self.tokens[k]
        for n in range(min(4, head - k), 1, -1):  # "a bar mitzvah boy", "a 5th grade boy": a listed phrase as a modifier
            phrase = self.lex.proxies.get(" ".join(self.tokens[j].low for j in range(k, k + n)))
            if phrase is not None:  # inside the phrase, before its noun, an "attr" proxy says it of the person too
                if self.proxies == "refuse":
                    raise self.refuse(w, proxy_message(phrase.reveals), ProxyRefused)
                held_words.append(self.prompt[w.start : self.tokens[k + n - 1].end])
                return k + n
        if k + 1 == head and self.grown_offspring(k):
            # "her adult children", "five grown children": offspring who are adults (the noun names the relation);
            # read as a child's age beside "adult" the view said "her adult little children", or was refused
            if (h := self.noun(self.tokens[head])) is not None and h[0].age != "child":
                held_words.append(w.text)  # "his adult daughter": her age is no one's to vary (decoys gave "a young
                return k + 1  # man with his old son"); the parent's slot has no child value beside her (ADULTS_KIN)
            said = self.lex.adjectives.get(w.core)
            self.absorb(person, "age", said.value if said is not None and said.attribute == "age" else "young", True,
                        w.text)  # fmt: skip
            person.in_years = True
            return k + 1
        if k + 1 == head and (cohort := COHORTS.get((w.core, self.tokens[head].core.removesuffix("s")))) is not None:
            self.absorb(person, "age", g.age_value(cohort), True, w.text)
            return head  # "a baby boomer": one generation's name, whose noun heads the phrase ("baby" is no child)
        after = self.tokens[k + 1] if k + 1 < head else None
        cohort = COHORTS.get((w.core, after.core) if after is not None else ()) or COHORTS.get((w.core,))
        if cohort is not None:  # "a Gen Z man", "a millennial mom": a generation is an age
            self.absorb(person, "age", g.age_value(cohort), True, w.text)
            person.in_years = True  # as a number is: "a zoomer girl" is a young woman, not a little girl
            return k + (2 if (w.core, getattr(after, "core", "")) in COHORTS else 1)
        if (spelled := self.years_old_at(k)) is not None:  # "a 35 year old woman", "a seven year old girl"
            self.absorb(person, "age", g.age_value(spelled[0]), True, w.text)
            person.in_years = True
            return spelled[1] + 1
        if years := YEAR_OLD.match(w.low):
            self.absorb(person, "age", g.age_value(age_in_years(years.group(1), years.group(2))), True, w.text)
            person.in_years = True
        elif (m := SOMETHING.match(w.low)) is not None:
            self.absorb(person, "age", g.age_value(int(m.group(1)) * 10 + 5), True, w.text)  # "a 40-something woman"
            person.in_years = True
        elif w.low.startswith(("early-", "mid-", "late-")) and (years := decade_years(w)) is not None:
            self.absorb(person, "age", g.age_value(years), True, w.text)  # "a mid-thirties businesswoman" (was sent)
            person.in_years = True
        elif (ish := ish_years(w.low)) is not None:
            self.absorb(person, "age", g.age_value(ish), True, w.text)  # "a thirty-ish woman", "a fortyish man"
            person.in_years = True
        elif after is not None and ((
            w.kind == "num"
            and w.low.isdigit()
            and (after.low in YO or (after.low == "ish" and after.start == w.end))
        ) or (w.kind != "num" and after.low in YO_ABBREVIATIONS and g.number_value(w.text) is not None)):
            # "a 5 yo girl", "a 30ish woman", "a twelve yo boy" (round 64: "a twelve yo old man" was sent)
            years = int(w.low) if w.low.isdigit() else g.number_value(w.text)
            self.absorb(person, "age", g.age_value(years), True, w.text)
            person.in_years = True
            return k + 2
        elif w.core in SIBLING_ORDER and k + 1 == head and (h := self.noun(self.tokens[head])) is not None and (
                h[0].cls in SIBLINGS and not (w.capitalised and self.tokens[head].capitalised)) and (
                w.core not in SMALL_WORDS or self.owned(k)):  # fmt: skip
            held_words.append(w.text)  # "my big sis", "her older brother", "his little sister": which sibling is
            # older, said of two people, no age of one ("her old brother" beside a little girl read as his age);
            # held whichever way it points (not in a name: "Big Brother is watching you")
        elif k + 1 <= head and self.tokens[k + 1].core in ("grader", "graders") and (
                ORDINAL.match(w.low) or w.low in ORDINAL_WORDS):  # fmt: skip
            pass  # "a sixth grader": the grade is in the noun, whose age the person takes
        elif k + 1 <= head and self.tokens[k + 1].core in ("schooler", "schoolers") and w.low in SCHOOL_STAGES:
            pass  # "a high schooler", "middle schoolers": likewise the stage of school; before the head too ("a
            # middle schooler boy": "a middle little boy" was sent, round 99)
        elif w.core in self.lex.adjectives:
            adj = self.lex.adjectives[w.core]
            self.absorb(person, adj.attribute, adj.value, adj.strong, w.text)
            if adj.value == HELD:
                held_words.append(w.text)
        elif (origin := self.origin_compound(w.core)) is not None:  # "an Indian-born CEO": went out as written
            self.absorb(person, "ethnicity", origin.value, True, w.text)
            if origin.value == HELD:
                held_words.append(w.text)
        elif self.age_compound(w.core):
            held_words.append(w.text)  # "a not-yet-teenage girl", "a forever-young man": an age the scale has no
            # value for, said with it; varied it would be wrong, sent it would be told
        elif (noun := self.noun(w)) is not None and self.rank(w, head, noun[0]):
            mods.append(w.text)  # "a senior software engineer", "a junior partner": a rank, not an age
        elif (noun := self.noun(w)) is not None and w.core in self.lex.senses.beings and not noun[0].states():
            mods.append(w.text)  # "a young elf princess": the kind of being the person is, kept as written
        elif (noun := self.noun(w)) is not None and not noun[0].states() and self.role_before_person(k):
            mods.append(w.text)  # "a young skater boy": the role, kept as written
        elif (noun := self.noun(w)) is not None:
            for a, v in noun[0].states().items():  # "a samurai woman": the head noun's gender wins over a modifier's
                self.absorb(person, a, v, a not in ("age", "gender"), w.text)
        elif self.proxy_compound(w.core) in self.lex.proxies and not (
            self.lex.proxies[self.proxy_compound(w.core)].kind == "attr"
            and (b := self.tok(k - 1)) is not None
            and b.is_word
            and self.noun(b) is not None
        ):  # "a man expecting guests": a verb, not "expecting" of them
            if self.proxies == "refuse":
                raise self.refuse(w, proxy_message(self.lex.proxies[self.proxy_compound(w.core)].reveals), ProxyRefused)
            adverb = (
                mods[-1] if mods and ((mods[-1].lower().endswith("ly") and "r" in self.lex.tags(mods[-1].lower())) or (
                    mods[-1].lower() in INTENSIFIERS)) else ""  # fmt: skip  # "a very pregnant woman" ("a very woman")
            )
            if adverb:
                mods.pop()  # "a heavily pregnant lady": the adverb goes with the word it modifies
            held_words.append(f"{adverb} {w.text}".strip())
        else:
            mods.append(w.text)
        return k + 1

    def rank(self, w: Token, head: int, noun: Noun) -> bool:
        """An age-only person noun before a role noun names a rank there ("senior engineer", "senior partner"),
        unless the role is anyone's ("senior citizen": an old person)."""
        role = self.noun(self.tokens[head])
        if w.core not in RANK_WORDS:
            return False  # "an octogenarian swimmer" is an old swimmer; only a rank word names a rank
        return (
            noun.states().keys() == {"age"}
            and noun.age == "old"
            and role is not None
            and role[0].cls is None
            and (self.tokens[head].core.rstrip("s") not in ("citizen", "resident", "adult", "person", "patient"))
        )

    def take_head(
        self, person: Person, head: int, found: tuple[Noun, str] | None, mods: list[str], force: bool
    ) -> bool:
        """The head noun's class, number and the attributes it implies; False for a neutral group word that states
        nothing ("a family") unless `force`d (a group a pronoun refers to)."""
        t = self.tokens[head]
        if found is None:
            if not person.states and not force:
                return False
            person.cls, person.head, person.number = None, t.core, "pl" if t.core.endswith("s") else "sg"
            return True
        noun, prefix = found
        if self.booru_tag(head):
            noun = noun._replace(age=None)  # "1girl, solo": the tag says one female character, not a child
        if t.core in SCHOOL_YEARS and self.at_school(head):
            noun = noun._replace(age="young")  # "a high school senior", "a senior in college": a student's year
        stated = person.strength.get("gender", False)  # "a female knight": the adjective says who, the noun what
        for a, v in noun.states().items():  # an age the noun implies, or a held ethnicity, yields to a stated one
            self.absorb(person, a, v, a != "age" and v != HELD and not (a == "gender" and stated), t.text)
        if noun.age == "child" and person.states.get("age") == "young" and not person.in_years:
            person.states["age"] = "child"  # "a young girl" is a child: "young" places her among children; "a
            # 30-year-old girl", "his 30-year-old granddaughter" are adults, whatever the noun
        if noun.number == "pl" and noun.ethnicity is not None and t.core in self.lex.adjectives and (
                self.phrase_start(head)[1].lower() in ONE_DETERMINERS):  # fmt: skip
            noun = noun._replace(number="sg")  # "a Japanese", "an old Chinese": one person ("an Asian people" was sent)
        person.cls, person.number = noun.cls, noun.number
        if self.booru_tag(head):
            person.cls, person.head = g.TAG_CLASS, t.core  # "1girl": a count and a gender, no age (below)
        acronym = len(t.core) > 1 and t.text.isupper() and not self.upper_mode and not t.shouted  # "The CEO" stays "CEO", not "Ceo"
        proper = t.capitalised and head not in self.starts and not self.title_mode and not self.upper_mode
        if person.cls != g.TAG_CLASS:
            person.head = (t.text if acronym or proper else t.core) if noun.cls is None else ""  # "a Land Rover" stays
        if prefix:
            mods.append(prefix.rstrip("-") + "-")
        return True

    def in_her_decade(self, i: int) -> bool:
        """Token i ends "in his/her/their (early|mid|late) <decade>": "in her teens" is her age, not teenagers."""
        k = i - 1
        if (w := self.tok(k)) is not None and w.low in ("early", "mid", "late", "-", "mid-"):
            k -= 2 if (w.text == "-" and (v := self.tok(k - 1)) is not None and v.low in ("early", "mid", "late")) else 1
        owner, before = self.tok(k), self.tok(k - 1)
        out = before is not None and before.low == "of" and (o := self.tok(k - 2)) is not None and o.low == "out"
        return owner is not None and owner.core in ("his", "her", "their") and before is not None and (
            before.low == "in" or out)  # "barely out of her teens"

    def booru_tag(self, head: int) -> bool:
        """ "1girl", "2boys": a number glued to "girl"/"boy", as SD front-ends tag a picture's characters."""
        t, count = self.tokens[head], self.tok(head - 1)
        return (
            t.core in g.TAG_NOUN[("sg", "pl")[t.core.endswith("s")]].values()
            and count is not None
            and (count.kind == "num" and count.end == t.start and count.low.isdigit())
        )

    def at_school(self, head: int) -> bool:
        """The person noun at `head` is said of a school ("high school senior", "a senior in college")."""
        before = {w.core for w in self.tokens[max(0, head - 3) : head]}
        after = {w.core for w in self.tokens[head + 1 : head + 4]}
        return bool(before & SCHOOLS) or (self.tok(head + 1) is not None and self.tokens[head + 1].low in ("in", "at")
                                          and bool(after & SCHOOLS))  # fmt: skip

    def postmodifier(self, person: Person, head: int, held_words: list[str]) -> int:
        """ "a person of color": an "of" phrase that states an attribute; returns the phrase's last token."""
        of, what = self.tok(head + 1), self.tok(head + 2)
        if of is None or what is None or of.low != "of" or f"of {what.core}" not in self.lex.adjectives:
            return head
        adj = self.lex.adjectives[f"of {what.core}"]
        self.absorb(person, adj.attribute, adj.value, adj.strong, what.text)
        if adj.value == HELD:
            held_words.append(f"{of.text} {what.text}")
        return head + 2

    def years_old_at(self, k: int) -> tuple[int, int] | None:
        """(years, index of "old") for "N year(s) old" / "N month(s) old" starting at token k, else None."""
        n = self.tok(k)
        if k > 0 and n is not None and g.two_word_number(self.tokens[k - 1], n) is not None:
            return None  # the "one" of "twenty one years old": the number starts a word earlier
        value = g.number_value(n.text) if n is not None else None
        if n is not None and (second := self.tok(k + 1)) is not None and (pair := g.two_word_number(n, second)):
            value, k = pair, k + 1  # "a twenty one year old man": one number in two words
        unit, old = self.tok(k + 1), self.tok(k + 2)
        if value is not None and unit is not None and unit.low in YO_ABBREVIATIONS and n is not None and n.low.isdigit() and (
                (a := self.tok(k - 1)) is not None and a.low in ("a", "an", "my", "her", "his", "our", "their")):  # fmt: skip
            return value, k + 1  # "a 9yo on a bike", "my 5 yo": "yo" stands for "years old" (round 56: refused)
        if value is None or unit is None or old is None or old.low not in ("old", "olds"):
            return None
        if unit.low not in AGE_UNITS:
            return None
        return (value if unit.low.startswith(("year", "yr")) else 0), k + 2

    def held_in_phrase(self, words: list[str]) -> None:
        self.spans.append((-1, -1, Held(" ".join(words), "proxy")))

    def absorb(self, person: Person, attribute: str, value: str, strong: bool, word: str) -> None:
        person.state(attribute, value, strong, word)

    def owned(self, k: int) -> bool:
        """Token k opens a phrase after a possessive: "his", "her", "my", "their", "the boy's"."""
        prev = self.tok(k - 1)
        return prev is not None and prev.is_word and (prev.core in POSSESSIVE_DETERMINERS or bool(prev.possessive))

    def grown_offspring(self, j: int) -> bool:
        """Token j is "grown"/"adult" before a child or offspring noun ("her adult children", "his adult daughter"):
        offspring who are adults."""
        nxt = self.tok(j + 1)
        return self.tokens[j].core in GROWN and nxt is not None and (h := self.noun(nxt)) is not None and (
            h[0].age == "child" or h[0].cls == "offspring")

    def origin_compound(self, core: str) -> Adjective | None:
        """ "Indian-born", "Nigerian-raised": an origin said with where one was born or raised, the origin itself."""
        head, _, tail = core.rpartition("-")
        said = self.lex.adjectives.get(head) if tail in ("born", "raised", "bred") else None
        return said if said is not None and said.attribute == "ethnicity" else None

    def age_compound(self, core: str) -> bool:
        """A hyphenated word the lexicon does not know, ending in an age or gender word ("not-yet-teenage",
        "forever-young"): it says the attribute, in a way no value of the scale says."""
        tail = self.lex.adjectives.get(core.split("-")[-1]) if "-" in core else None
        return tail is not None and tail.attribute in ("age", "gender") and not self.lex.tags(core)

    def modifier(self, j: int) -> bool:
        """Whether token j can be a pre-modifier inside a person's noun phrase."""
        w = self.tokens[j]
        before = self.tok(j - 1)
        if w.low.isdigit() and before is not None and (before.low in COPULAS or before.low == "like") and (
                (h := self.tok(j + 1)) is None or not h.core.endswith("s")):  # fmt: skip
            return False  # "shes like 23 asian": an age said of her, no count of Asians (round 56: "23" was sent)
        if w.kind == "num" or YEAR_OLD.match(w.low):
            grade = (
                bool(ORDINAL.match(w.low)) and (h := self.tok(j + 1)) is not None and h.core in ("grader", "graders")
            )
            listed = (h := self.tok(j + 1)) is not None and f"{w.low} {h.low}" in self.lex.proxies  # "a 5th grade boy"
            return bool(YEAR_OLD.match(w.low) or SOMETHING.match(w.low) or ish_years(w.low)) or w.low.isdigit() or (
                grade or listed)  # "a 3rd grader", "a 30-ish woman"
        if w.low in YO or w.low in AGE_UNITS:
            return True
        if not w.is_word or w.possessive:
            return False
        core = w.core
        if core in ORDINAL_WORDS and (h := self.tok(j + 1)) is not None and h.core in ("grader", "graders"):
            return True  # "a first grader": the grade is part of the noun
        if core in g.CLOSED or core in g.PRONOUN_GENDER or CONTRACTED_PRONOUN.match(w.low):
            return False  # "my mom shes indian": her pronoun and its verb, no word of a phrase "shes Indian" (round 60:
            # "my father shes Indian person" was sent)
        if core in self.lex.adjectives or self.proxy_compound(core) in self.lex.proxies or core in g.NUMBER_WORDS or (
                ish_years(w.low) is not None) or self.age_compound(core) or self.origin_compound(core) or (
                core.startswith(("early-", "mid-", "late-")) and decade_years(w) is not None):  # fmt: skip
            return True  # "a thirty-ish woman", "a not-yet-teenage girl", "a late-forties man"
        if self.grown_offspring(j):
            return True  # "her adult children"
        if (noun := self.noun(w)) is not None:  # "a young elf princess": a being names the person's kind
            return self.compound_modifier(noun[0], core) or self.role_before_person(j)
        tags = self.lex.tags(core)
        if not tags and "-" in core and not w.capitalised:  # "a silver-streaked beard": a compound WordNet lacks,
            last = core.rsplit("-", 1)[1]  # its last word an adjective or a participle (round 78: "a silver-streaked,"
            return "a" in self.lex.tags(last) or (last.endswith(("ed", "ing")) and "v" in self.lex.tags(last))  # left)
        if not tags:
            return core.isalpha() and not w.capitalised
        if tags == "r" and core.endswith("ly") and (nxt := self.tok(j + 1)) is not None and nxt.is_word and (
                "a" in self.lex.tags(nxt.core) or self.proxy_compound(nxt.core) in self.lex.proxies):  # fmt: skip
            return True  # "a heavily pregnant lady", "a visibly tired man": an adverb of the adjective after it
        return "a" in tags or "n" in tags or (core.endswith(("ing", "ed")) and "v" in tags)

    def mark_neither_nor(self) -> None:
        """ "a woman, neither young nor old, reading": the two ages denied leave the one between them, said of the
        person before as a predicate ("a woman, middle-aged, reading") and varied like one; with no single age
        between them nothing can be varied, so the prompt is refused."""
        scale = self.lex.values.get("age", ())
        for i, t in enumerate(self.tokens[:-3]):
            a, k = self.tokens[i + 1], i + 2
            while (w := self.tok(k)) is not None and w.low in ("anymore", "any", "longer", "yet"):
                k += 1  # "not young anymore but not old either"
            nor, b, end = self.tok(k), self.tok(k + 1), k + 1
            if nor is None or b is None:
                continue
            if t.low == "not" and nor.text in (",", "and", "or", "nor", "but") and b.low == "not" and (
                    k + 2 < len(self.tokens)):  # fmt: skip
                b, end = self.tokens[k + 2], k + 2  # "a woman, not old, not young, walking": both denied, as "neither"
                if (e := self.tok(end + 1)) is not None and e.low == "either":
                    end += 1
            elif t.low != "neither" or nor.low != "nor":
                continue
            if not all(self.free(k) for k in range(i, end + 1)):
                continue
            said = [self.lex.adjectives.get(w.core) for w in (a, b)]
            if not all(x is not None and x.attribute == "age" and x.value in scale for x in said):
                continue
            low, high = sorted(scale.index(x.value) for x in said)
            owner, _ = self.said_of(i)
            if owner is None:
                continue
            if high - low != 2:
                raise self.refuse(t, f"'{self.prompt[t.start : b.end]}' says an age by the ones it denies, and "
                                     "no single age lies between them; say the age itself (\"middle-aged\")")  # fmt: skip
            self.persons[owner].state("age", scale[low + 1], True, a.text)
            self.claim(i, end, Predicate(owner, "age", g.token_case(a.text), False))

    def mark_group_ages(self) -> None:
        """ "a woman and a man, neither of them young": one age word said of several people, whose ages are varied
        apart, can be no one's; it is held back whole (the device keeps it), never sent beside the decoys."""
        for i, t in enumerate(self.tokens[:-3]):
            if t.low not in GROUP_QUANTIFIERS or self.tokens[i + 1].low != "of" or self.tokens[i + 2].low not in (
                    "them", "us", "you"):  # fmt: skip
                continue
            k = i + 3
            while (w := self.tok(k)) is not None and w.low in ("is", "are", "was", "were", "being", "not", "no", "longer",
                                                                "very", "too", "quite", "particularly"):  # fmt: skip
                k += 1
            said = self.tok(k)
            if said is None or (adj := self.lex.adjectives.get(said.core)) is None or adj.attribute != "age":
                continue
            if (more := self.tok(k + 1)) is not None and more.low in ("anymore", "yet"):
                k += 1
            if all(self.free(j) for j in range(i, k + 1)):
                self.claim(i, k, Held(self.prompt[t.start : self.tokens[k].end], "an age said of several people"))

    def mark_denied_ages(self) -> None:
        """ "a man who isn't young anymore", "a woman, no longer young, reading": an age denied as past says the
        next age on the scale ("middle-aged"), which the decoys vary as any predicate ("who is old"); varied as
        written, a decoy read "who isn't old anymore", which no one writes."""
        scale = self.lex.values.get("age", ())
        for i, t in enumerate(self.tokens[:-1]):
            if not self.free(i):
                continue
            if t.low in NEGATED_COPULAS and self.tokens[i + 1].low != "not":
                k, copula = i + 1, NEGATED_COPULAS[t.low]
            elif t.low == "not" or (t.low, self.tokens[i + 1].low) in DENIALS:
                k, copula = i + (1 if t.low == "not" else 2), ""  # "far from young" (round 71: sent as written)
            else:
                continue
            said = self.tok(k)
            adj = self.lex.adjectives.get(said.core) if said is not None and said.is_word else None
            if adj is not None and adj.attribute == "age" and t.low == "not" and self.free(k) and (
                    (owner := self.said_of(i)[0]) is not None and (known := self.persons[owner].states.get("age")) in scale
                    and known != adj.value):  # fmt: skip
                self.claim(i, k, Held(self.prompt[t.start : said.end], "a denied age"))  # "who is not old, maybe
                continue  # twenty-five": the age said agrees with the denial, which goes (round 102: refused, young, old)
            if adj is None or adj.attribute != "age" or adj.value not in scale[1:-1] or not self.free(k):
                # "not little anymore" may be a teenager still; "not old" has no age after it
                continue
            end = k
            while (w := self.tok(end + 1)) is not None and w.low in ("anymore", "any", "longer"):
                end += 1
            if end == k and not any(t.low == first for first, _ in DENIALS):
                continue  # "not old": which age is meant, no word says
            owner, _ = self.said_of(i)
            if owner is None:
                continue
            value = scale[scale.index(adj.value) + 1]
            if (known := self.persons[owner].states.get("age")) in scale and scale.index(known) > scale.index(adj.value):
                value = known  # "A man of ninety-one winters ..., he is no longer young": the age said already, which
                # the denial agrees with (it was refused as both old and middle-aged, round 70)
            self.persons[owner].state("age", value, True, said.text)
            self.hold_bound_after(end)
            if copula:  # "isn't": its verb stays, its negation goes with the denied age
                self.claim(i, i, Held(t.text, "a denied age", copula))
                self.claim(k, end, Predicate(owner, "age", g.token_case(said.text), False))
            else:
                self.claim(i, end, Predicate(owner, "age", g.token_case(said.text), False))

    def hold_bound_after(self, end: int) -> None:
        """"no longer young but not yet old": the bound after a denied age goes with it, held (round 57: a decoy read
        "old but not yet old")."""
        k = end + 1
        words = []
        while (w := self.tok(k)) is not None and w.low in ("but", "and", "not", "yet", "still") and self.free(k):
            words.append(w.low)
            k += 1
        said = self.tok(k)
        adj = self.lex.adjectives.get(said.core) if said is not None and said.is_word and self.free(k) else None
        if "not" in words and adj is not None and adj.attribute == "age":
            self.claim(end + 1, k, Held(self.prompt[self.tokens[end + 1].start : said.end], "a denied age"))

    def mark_descent(self) -> None:
        """ "a woman of Japanese descent", "a man of Filipino origin": the origin is the person's ethnicity, varied in
        place ("of Asian descent", "of African descent") or held where no value names it; it went out as written."""
        for i, t in enumerate(self.tokens[:-2]):
            origin, kind = self.tokens[i + 1], self.tokens[i + 2]
            if t.low != "of" or kind.low not in DESCENT_WORDS or not all(self.free(k) for k in range(i, i + 3)):
                continue
            said = self.lex.adjectives.get(origin.core)
            owner = self.owner_at(i - 1)
            if said is None or said.attribute != "ethnicity" or owner is None:
                continue
            if said.value == HELD:  # "of Mexican heritage": the whole phrase stays on the device
                self.claim(i, i + 2, Held(self.prompt[t.start : kind.end], "ethnicity outside the value space"))
                continue
            self.predicate(owner, said, i + 1, i + 1, i + 1, i + 1, False)

    def field_value(self, i: int) -> bool:
        """Token i is the value of a character sheet's field ("origin: japanese", "ethnicity: asian")."""
        colon, key = self.tok(i - 1), self.tok(i - 2)
        return colon is not None and colon.text == ":" and key is not None and key.low in FIELD_KEYS

    def mark_fields(self) -> None:
        """ "subject: man | age: 70s | origin: japanese": an origin field is the ethnicity of the sheet's one person,
        varied in place ("origin: Asian"); it read as a plural person ("origin: Asian people")."""
        for i, t in enumerate(self.tokens):
            said = self.lex.adjectives.get(t.core) if t.is_word and self.free(i) and self.field_value(i) else None
            if said is None or said.attribute != "ethnicity" or (owner := self.nearest_person(i)) is None:
                continue
            self.predicate(owner, said, i, i, i, i, False)

    def mark_predicates(self) -> None:
        self.mark_fields()
        self.mark_group_ages()
        self.mark_neither_nor()
        self.mark_denied_ages()
        self.mark_descent()
        for i, t in enumerate(self.tokens):
            if not self.free(i) or not t.is_word:
                continue
            nxt = self.tok(i + 1)  # "(man:1.2), (middle eastern:1.1)": a pair the lexicon lists is one word
            pair = f"{t.core} {nxt.core}" if nxt is not None and nxt.is_word and self.free(i + 1) else ""
            last = i + 1 if pair in self.lex.adjectives else i
            word = pair if last > i else t.core
            adj = self.lex.adjectives.get(word) or self.origin_compound(word)  # "The CEO, 45, Indian-born, ..."
            if adj is None:
                continue
            if adj.attribute == "age" and nxt is not None and nxt.low in ("up", "down") and self.free(i + 1):
                self.keep(i, i + 1, "a tag that draws a character older or younger, no age of the scale")
                continue  # "1girl, aged up": written "old up" beside "young up"
            if adj.attribute not in self.lex.values or not adj.strong:
                continue
            # a weight around the word alone ("1girl, (elderly:1.3), smile") stays on the word the decoys write there
            opener, closer = self.weighted_alone(i, last)
            nxt = self.tok(closer + 1)
            said = (c := self.tok(opener - 1)) is not None and c.low in COPULAS and nxt is not None and self.ing(nxt) and (
                "v" in self.lex.tags(nxt.core))  # fmt: skip  # "A man who is old sitting alone at a bar": said of him,
            # the -ing verb is his (the age went out as written beside "A woman who is old sitting ...", round 68)
            said = said or (nxt is not None and (glued_subject(nxt.low) or nxt.low == "n"))
            # "hes black im asian": a clause of its own follows (round 76); "is turkish n shes 55": chat's "and"
            if nxt is not None and nxt.is_word and nxt.core not in g.CLOSED and self.lex.tags(nxt.core) != "r" and not said:
                if adj.attribute == "age" and self.body_after(closer + 1) and not self.animal_subject():
                    # "A wrinkled old face with cloudy eyes": an age on a body part is someone's, whom no noun names
                    # here; held as a proxy is (round 66: "An old face ..." was sent, N = 1). Not a colour ("black
                    # hair", "white face paint": a first version held them)
                    self.claim(opener, closer, Held(self.prompt[self.tokens[opener].start : self.tokens[closer].end],
                                                    "proxy"))  # fmt: skip
                continue  # it modifies a thing ("an old car", "Chinese food"); "isn't young anymore" is said of her
            text = self.prompt[t.start : self.tokens[last].end]
            if closer > opener and (after := weight_group(self.tokens, closer + 1)) is not None and (
                    (owner := self.owner_at(after[1])) is not None and self.used.get(after[0]) == self.used[after[1]]):
                # "(elderly:1.3) (black man:1.2)": a weighted word before a weighted person is that person's, and
                # keeps its weight where the decoys write their value ("(old:1.3) (African man:1.2)")
                self.predicate(owner, adj, i, last, opener, closer, True)
                continue
            owner, j = self.said_of(opener)
            if owner is None and (lk := self.tok(opener - 1)) is not None and lk.low in LOOK_VERBS and self.free(opener - 1) and (
                    (o := self.tok(opener - 2)) is not None and o.low in ("him", "her") and self.free(opener - 2)):  # fmt: skip
                owner, j = self.bind(opener - 2, role="object"), None  # "make him look latino": what he is to look
                # (round 104: "latino" sent in every candidate)
            if owner is None and (owner := self.copula_subject(opener)) is not None:
                j = None  # "i'm old, draw me fishing", "Two women at a cafe. They are old." (sent as written)
            tag = self.lone_tag(opener, closer)
            if owner is None and tag:
                # "1girl, blonde, blue eyes, teenage, school uniform": a tag that is only an age or an origin says
                # it of the one person the tags describe; with two people no one can tell whose it is
                if len(self.persons) > 1:
                    raise DetectionError(
                        f"the tag {text!r} gives an {adj.attribute} but this prompt has {len(self.persons)} people, "
                        f"so it cannot be varied with the right one; write it next to the person it describes"
                    )
                owner = 0 if self.persons else None  # "sunset, beach, old": with no one there it describes the scene
                j = None  # "old, samurai, sword": the prompt's first tag too (it went out as written, N = 10)
                if owner is None and self.one_character():
                    # "solo, male focus, elderly, cane": the tags describe one character no noun names; the age is
                    # theirs, varied in place ("teenage", "young", ...), not sent as written beside nothing to vary
                    owner = self.new_person(Person(cls="person", number="sg", anchor=i, pronoun_only=True,
                                                   in_phrase={adj.attribute}))  # fmt: skip
                    j = None
            if owner is None or (j == opener - 1 and not CONTRACTED_PRONOUN.match(self.tokens[j].low) and (
                    self.tokens[j].low not in GLUED_RELATIVES)):  # fmt: skip  # "a woman who's Korean"
                continue  # "my mom shes indian": the pronoun has its copula glued on (round 60: "shes" was sent)
            if tag and self.persons[owner].cls == g.TAG_CLASS and adj.attribute == "age" and adj.value == "child" and (
                    not self.sexualised()):  # fmt: skip
                # "1girl, teenage, school uniform": a child's age said of a booru character stays on the device (no
                # booru character gets a child decoy); it was refused
                first, end = self._weighted(opener, closer)
                self.claim(first, end, Held(self.prompt[self.tokens[first].start : self.tokens[end].end], "age"))
                continue
            self.predicate(owner, adj, i, last, opener, closer, tag)

    def body_after(self, k: int) -> bool:
        """A body part at token k, or after up to two adjectives from k ("old face", "old wrinkled hands")."""
        for j in range(k, k + 3):
            w = self.tok(j)
            if w is None or not w.is_word or not self.free(j):
                return False
            if self.lex.senses.body_part(w.core):
                return True
            if w.core not in self.lex.adjectives and "a" not in self.lex.tags(w.core):
                return False
        return False

    def sexualised(self) -> bool:
        """The prompt tags a sexualised child ("loli", "shota"): a child's age beside a booru character is refused
        then, as before, rather than held (the device would draw what the tags ask)."""
        return any(t.core in SEXUALISED_CHILD_TAGS for t in self.tokens)

    def one_character(self) -> bool:
        """A booru tag list says it draws one character: "solo", "male focus", "female focus"."""
        lows = [t.low for t in self.tokens]
        return "solo" in lows or any(a in ("male", "female") and b == "focus" for a, b in zip(lows, lows[1:], strict=False))

    def predicate(self, owner: int, adj: Adjective, i: int, last: int, opener: int, closer: int, tag: bool) -> None:
        """Words i..last (inside a weight opener..closer) state `adj` of person `owner`: varied in place, or held
        back with their weight when the value is outside the value space ("(nordic:1.1)", "(middle eastern:1.1)")."""
        if adj.value == HELD:
            if (a := self.tok(opener - 1)) is not None and a.low == "and" and self.free(opener - 1) and (
                    (b := self.tok(opener - 2)) is not None and not self.free(opener - 2) or b is not None and b.is_word):  # fmt: skip
                opener -= 1  # "She is 45 and Mexican" -> "She is 45", not "She is 45 and."
            elif (c := self.tok(opener - 1)) is not None and c.low in COPULAS and self.free(opener - 1) and (
                    (a := self.tok(closer + 1)) is not None and a.low in ("and", "n") and self.free(closer + 1)):  # fmt: skip
                opener, closer = opener - 1, closer + 1  # "she is Mexican and loves music" -> "she loves music"; "my
                # mom is turkish n shes 55" -> "my mom shes 55"
            elif (c := self.tok(opener - 1)) is not None and c.low in COPULAS and self.free(opener - 1) and (
                    (p := self.tok(opener - 2)) is not None and p.low in ("he", "she", "they") and self.free(opener - 2)
                    and opener - 2 > 0) and (
                    (a := self.tok(closer + 1)) is None or a.text in ",.;!?"):  # fmt: skip
                opener -= 2  # "a hansome man in suit, he is arab, for my wedding card": the clause says nothing else
                # ("..., he is, for my wedding card" was sent, round 69)
                if (comma := self.tok(opener - 1)) is not None and comma.text == "," and self.free(opener - 1):
                    opener -= 1
                elif a is not None and a.text in ".!?" and opener in self.starts and self.free(closer + 1):
                    closer += 1  # "my friend. She is arab.": the sentence goes whole, its full stop with it
            elif (start := self.said_by_pronoun(opener)) is not None and (
                    (a := self.tok(closer + 1)) is None or a.text in ",.;!?" or CONTRACTED_PRONOUN.match(a.low)) and (
                    start > 0 or any(t.is_word for t in self.tokens[closer + 1 :])):  # fmt: skip
                # "I am latina, draw me at the beach", "we are both latino": the clause says nothing else, and goes
                # whole, its comma with it ("I am, draw me at the beach" was sent)
                opener = start
                if a is not None and a.text in ",;" and self.free(closer + 1) and (
                        (b := self.tok(opener - 1)) is None or b.text in ".!?"):  # fmt: skip
                    closer += 1
                elif (b := self.tok(opener - 1)) is not None and b.text == "," and self.free(opener - 1) and (
                        a is None or not a.is_word):  # fmt: skip  # "..., im latina hes black": the comma stays
                    opener -= 1
            elif (c := self.tok(opener - 1)) is not None and CONTRACTED_PRONOUN.match(c.low) and self.free(opener - 1):
                # "my mom shes mexican and loves to cook" -> "my mom loves to cook" (red team 63: "my mother shes and
                # loves to cook" was sent); "my mom shes mexican" -> "my mom"
                a = self.tok(closer + 1)
                opener, closer = opener - 1, closer + (a is not None and a.low == "and" and self.free(closer + 1))
            self.claim(opener, closer, Held(self.prompt[self.tokens[opener].start : self.tokens[closer].end],
                                            "ethnicity outside the value space"))  # fmt: skip
            return
        word = self.tokens[i].text
        self.persons[owner].state(adj.attribute, adj.value, True, word)
        self.claim(i, last, Predicate(owner, adj.attribute, g.token_case(word), tag))
        if not tag and "age" not in self.persons[owner].states:
            self.age_after_predicate(owner, closer)

    def said_by_pronoun(self, first: int) -> int | None:
        """The first token of "I am", "i'm", "we are both", "they're", "she is" right before token `first`: a
        pronoun and its copula that open a clause saying what follows of them, else None."""
        j = first - 1
        while j > 0 and self.free(j) and self.tokens[j].low in ("both", "all"):
            j -= 1
        t = self.tok(j)
        if t is None or not self.free(j):
            return None
        if glued_subject(t.low):
            return j
        p = self.tok(j - 1)
        if p is None or not self.free(j - 1) or (t.low, p.low) not in PRONOUN_COPULAS:
            return None
        return j - 1

    def weighted_alone(self, i: int, last: int) -> tuple[int, int]:
        """(opener, closer) of the outermost prompt weight around words i..last and nothing else ("(elderly:1.3)",
        "((arab))"), else (i, last)."""
        opener, closer = i, last
        while (group := weight_group(self.tokens, opener - 1)) is not None and group[:2] == (i, last):
            opener, closer = opener - 1, group[2]
        return opener, closer

    def said_after_and(self, i: int) -> bool:
        """Token i follows "and" after a number or an adjective said after a copula ("She is 45 and Mexican", "he is
        tall and Korean"): it is said of the copula's subject too."""
        a, said, copula = self.tok(i - 1), self.tok(i - 2), self.tok(i - 3)
        if copula is not None and copula.low in HEDGES and said is not None and said.low.isdigit():
            copula = self.tok(i - 4)  # "shes like 80 and korean" (round 87: "and Asian person" was sent)
        return a is not None and a.low == "and" and said is not None and copula is not None and (
            said.low.isdigit() or "a" in self.lex.tags(said.core)) and (
            copula.low in COPULAS or copula.low in SPEAKER_FORMS or bool(CONTRACTED_PRONOUN.match(copula.low)))

    def said_of(self, first: int) -> tuple[int | None, int]:
        """(the person a predicate starting at token `first` is said of, the token before its links): back over "is",
        "not", adverbs and commas to a person's phrase or pronoun, or through "who"/"that" ("a man who isn't young
        anymore")."""
        j = first - 1
        while j >= 0 and self.free(j) and (self.tokens[j].low in PREDICATE_LINKS or self.adverb(j) or (
                self.tokens[j + 1].low == "and" and "a" in self.lex.tags(self.tokens[j].core)) or (
                j == first - 1 and "a" in self.lex.tags(self.tokens[j].core) and self.noun(self.tokens[j]) is None
                and (c := self.tok(j - 1)) is not None and (CONTRACTED_PRONOUN.match(c.low) or c.low in SPEAKER_FORMS
                                                             or c.low in ("is", "was")))):  # fmt: skip
            j -= 1  # "he is tall and Korean": back over what else is said of him; "hes tall korean" (a second person
            # "tall Asian person", round 74)
        owner = self.owner_at(j)
        if owner is None and j >= 1 and self.tokens[j].low in RELATIVE_IS:  # "a dude who's really old" (sent, round 78)
            owner = self.owner_at(j - 1 - (self.tokens[j - 1].text in ",(" and j >= 2))  # "the chef, who is Italian"
        if owner is None and j in self.used and self.spans[self.used[j]][1] == j and isinstance(
                seg := self.spans[self.used[j]][2], AgePhrase | Predicate) and self.tokens[first - 1].text in (",", "and"):  # fmt: skip
            owner = seg.person  # "a man ..., mid-fifties, Mexican, holding": the tag after his age is his; so is
            # "She is 45 and Mexican" (round 60: "Mexican" was read as a second person, "45 and Person")
        return owner, j

    def lone_tag(self, i: int, last: int | None = None) -> bool:
        """Tokens i..last (default i alone) are a whole comma-separated tag after the first ("..., teenage, ...",
        "..., (teenage:1.2), ..."), not words in a phrase."""
        prev, nxt = self.tok(i - 1), self.tok((i if last is None else last) + 1)
        return (prev is None or prev.text == ",") and (nxt is None or nxt.text in (",", ".", ";", ")"))  # "(she's
        # 82, Korean)": the bracket closes the tag (went out as a second phrase, "75, Asian Person")

    def adverb(self, j: int) -> bool:
        tags = self.lex.tags(self.tokens[j].core)
        return tags == "r" or (self.tokens[j].core.endswith("ly") and "r" in tags)


APPOSITIVE_ADVERBS = frozenset("once formerly also now still".split())  # "her mother, once a dancer herself,"
RELATIVE_IS = frozenset({"who", "that"}) | GLUED_RELATIVES  # what opens a relative clause


def group_years(m) -> int | None:
    """The age a reader gives an age group (`AGE_GROUP`): "20-somethings" 25, "over-60s" 70, "under-5s" 3."""
    if m.group(1):
        return int(m.group(1)) * 10 + 5
    if m.group(2):
        return g.DECADES.get(m.group(2)[:-1] + "ies")  # "thirty" -> "thirties" 35
    bound = int(m.group(4))
    return bound + 10 if m.group(3) == "over" else max(1, bound - 2)
