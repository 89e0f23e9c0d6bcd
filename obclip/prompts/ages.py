"""Age expressions bound to a person ("in her 70s", "aged 45", "turning 50") and numbers that may be ages.

An expression becomes an `AgePhrase` rendered from fixed numbers per value; a number next to a person
that no rule places is refused rather than sent ("woman, 30s").
"""

from __future__ import annotations

import re

from obclip.prompts import grammar as g
from obclip.prompts.cues import (
    AGE_ADVERBS,
    AGE_COMPARATIVES,
    APPROXIMATE,
    BEING_VERBS,
    COLLECTIVES,
    CONTRACTED_PRONOUN,
    COPULAS,
    CURRENT_YEAR,
    DECADE_NUM,
    HEDGES,
    LOOK_VERBS,
    ORDINAL,
    POSSESSIVE_DETERMINERS,
    SPEAKER_FORMS,
    YEAR_OLD,
    YO_ABBREVIATIONS,
    age_in_years,
    decade_years,
    ish_years,
)
from obclip.prompts.template import AgePhrase, Held, Phrase, Predicate
from obclip.prompts.tokens import Token, weight_group

# a parent "of two" has two children; "a girl of two" is two years old
PARENTS = frozenset({"parent", "stepparent", "foster-parent", "grandparent", "great-grandparent", "godparent"})
# after a number, a time or a measure, no age: "3am", "at 5 pm", "at 70 mph"
TIME_UNITS = frozenset("am pm a.m p.m o'clock h hrs hours min mins minutes km kg mph kph".split())
YEARS_WORDS = frozenset({"years", "year", "yrs", "yr"})  # "82 years young", "70 yrs old"
CLAUSE_JOINERS = frozenset({"n", "and", "but"})  # after "like 80": what is said next of them ("hes like 80 n loves ...")
INFANT_UNITS = frozenset("months month weeks week days day mos mo".split())  # "18 months old": a small child
# words after a number that hedge it as an age: "fourteen or so", "22 at most", "at least 60" reads before it
AGE_HEDGES = frozenset({("or", "so"), ("at", "most"), ("at", "least"), ("or", "thereabouts"), ("give", "or")})

# Stages of life said with a possessive, as a reader dates them: "in her golden years" is an old woman, "in his
# prime" a man of about 35, "in her youth" a young woman. Each is an age statement of its person, rendered like a
# decade ("in her seventies"), so its decoys carry their own ages instead of sharing this one.
LIFE_STAGES: dict[tuple[str, ...], int] = {
    ("golden", "years"): 75, ("twilight", "years"): 80, ("later", "years"): 75, ("old", "age"): 75,
    ("declining", "years"): 80, ("prime",): 35, ("middle", "age"): 50, ("middle", "years"): 50, ("youth",): 20,
}  # fmt: skip


# "in the twilight of his life", "in the prime of her life": a stage said of a life, dated as a reader dates it
STAGES_OF_LIFE = {"twilight": 80, "autumn": 70, "winter": 82, "evening": 78, "prime": 35, "spring": 20, "dawn": 18,
                  "summer": 30}  # fmt: skip


# what an age is counted in after "of" ("a girl of eight summers"): years, and the seasons poems count them in
LIFE_YEARS = frozenset("years year summers winters springs".split())


class AgesMixin:
    """Passes of `obclip.prompts.parse._Parser` that find ages (mixed in)."""

    def mark_age_phrases(self) -> None:
        """Age expressions, each bound to its person. Four sweeps, in this order because each later one
        reads what the earlier ones left free: phrases opened by a word ("in her 70s", "aged 45"); "of 8",
        "turning 50" and birthdays; bare numbers ("a man, 42,", "born in 1950", "her 90th"); "8 yo" and
        "70 years old"."""
        for i, t in enumerate(self.tokens):
            if self.free(i) and t.low == "one":
                self.members_ages(i)  # before "in her twenties" is read as one person's
        for i, t in enumerate(self.tokens):
            if self.free(i) and t.is_word:
                self.decade_phrase(i) or self.aged_number(i)
        for i in range(len(self.tokens)):
            if self.free(i):
                self.certain_age(i) or self.age_noun(i) or self.age_after_word(i) or self.birthday(i) or (
                    self.anniversary(i) or self.candles(i) or self.between_ages(i) or self.stage_of_life(i)
                    or self.appositive_decade(i) or self.members_ages(i) or self.old_enough(i) or self.both_aged(i))  # fmt: skip
        for i, t in enumerate(self.tokens):
            if self.free(i) and t.kind == "num":
                self.born_in(i) or self.not_yet(i) or self.asker_at(i) or self.bare_age(i) or (
                    self.possessive_ordinal(i) or self.approximate_age(i))  # fmt: skip
            elif self.free(i) and t.is_word and years_written(t) is not None:
                self.not_yet(i) or self.bare_age(i) or self.approximate_age(i)  # "Aiko is eight.", "a man, around
                # sixty, fishing", "a woman, thirty-ish, working"
        for i, t in enumerate(self.tokens):
            if self.free(i) and t.kind == "num" and t.low.isdigit():
                self.years_old(i, int(t.low))
            elif self.free(i) and t.is_word and (years := g.number_value(t.low)) is not None:
                self.years_old(i, years)  # "a girl, about ten years old": sent as written beside an old decoy
        self.hold_echoed_ages()
        self.hold_comparisons_before_likeness()
        self.hold_second_guesses()

    def hold_second_guesses(self) -> None:
        """ "A man in his late 30s, early 40s maybe, grilling": a second decade right after a person's age, set off by
        a comma, is the same person's age guessed again; it stays on the device (round 94: sent beside "a man in his
        seventies"). With a hedge after it ("maybe", "or so") that goes too."""
        for _, last, seg in list(self.spans):
            if not isinstance(seg, AgePhrase) or (c := self.tok(last + 1)) is None or c.text != "," or not self.free(last + 1):
                continue
            k = last + 2
            if (w := self.tok(k)) is not None and w.low in ("early", "mid", "late") and self.free(k):
                k += 1
            if (d := self.tok(k)) is None or not self.free(k) or decade_years(d) is None or k == last + 2 and not (
                    d.kind == "num" or d.low.startswith(("early-", "mid-", "late-"))):  # fmt: skip
                continue  # "in her 40s, thirties-style": only a decade said as one ("40s", "early 40s", "mid-forties")
            end = k
            if (h := self.tok(k + 1)) is not None and self.free(k + 1) and (h.low in RANGE_HEDGES or h.low == "perhaps"):
                end = k + 1
            elif (h := self.tok(k + 1)) is not None and (o := self.tok(k + 2)) is not None and (h.low, o.low) in AGE_HEDGES:
                end = k + 2
            self.claim(last + 1, end, Held(self.prompt[c.start : self.tokens[end].end], "age"))

    def hold_comparisons_before_likeness(self) -> None:
        """ "make her look older, like a grandma": "older" goes with the likeness after it, whose age the decoys vary
        ("make him look older, like a little boy" was sent, round 78). The comparison stays on the device; the
        likeness says the same in every candidate's own words."""
        for i, t in enumerate(self.tokens):
            if t.low not in AGE_COMPARATIVES or not self.free(i) or (v := self.tok(i - 1)) is None or (
                    v.low not in LOOK_VERBS):  # fmt: skip
                continue
            k = i + 1 + ((c := self.tok(i + 1)) is not None and c.text == "," and self.free(i + 1))
            like = self.tok(k)
            if like is None or like.low != "like" or not self.free(k) or (person := self.next_person(k)) is None or (
                    self.persons[person].anchor > k + 3) or not all(
                    w.is_word for w in self.tokens[k + 1 : self.persons[person].anchor]):  # fmt: skip
                continue  # "like a grandma", "like an old man"; not "like 50s, brunette": an age, then another tag
            self.claim(i, k - 1, Held(self.prompt[t.start : self.tokens[k - 1].end], "a comparison the likeness after it states"))

    def hold_echoed_ages(self) -> None:
        """A number elsewhere that repeats an age a person is said to have ("A man turning 50 blowing out candles
        shaped like the number 50", "a 30-year-old woman holding 30 balloons") tells the age the candidates vary:
        it went out beside "turning 45". It stays on the device. Numbers under `ECHO_FROM` are left: "a 3-year-old
        with 3 puppies" is a coincidence a reader would not take for an age."""
        stated = {n for p in self.persons if (said := p.said.get("age")) and (n := said_years(said)) is not None}
        # in a birthday scene any such number may be the years ("A centenarian woman blowing out candles on a cake
        # shaped like the number 100": sent beside "A young woman", round 78)
        birthday = any("age" in p.states for p in self.persons) and any(
            w.low.startswith(BIRTHDAY_CUES) for w in self.tokens)  # fmt: skip
        for i, t in enumerate(self.tokens):
            if not self.free(i):
                continue
            years = int(t.low) if t.kind == "num" and t.low.isdigit() else g.number_value(t.low) if t.is_word else None
            unit = (u := self.tok(i + 1)) is not None and u.is_word and u.start == t.end  # "35mm", "50cc": a measure
            if years is not None and ECHO_FROM <= years <= 120 and (years in stated or birthday) and not unit:
                first, last = i, i
                quote = (a := self.tok(i - 1)) is not None and (b := self.tok(i + 1)) is not None and (
                    a.text in QUOTE_MARKS and b.text in QUOTE_MARKS and self.free(i - 1) and self.free(i + 1))  # fmt: skip
                if quote:  # "balloons that read '40'": what the balloons say goes whole (round 91: "read ''" was sent)
                    first, last = i - 1, i + 1
                    if (v := self.tok(first - 1)) is not None and v.low in WRITTEN_VERBS and self.free(first - 1):
                        first -= 1
                        if (r := self.tok(first - 1)) is not None and r.low in ("that", "which") and self.free(first - 1):
                            first -= 1
                stand_in = ""
                if not quote and (n := self.tok(i - 1)) is not None and n.low == "number" and self.free(i - 1):
                    first, stand_in = i - 1 - ((d := self.tok(i - 2)) is not None and d.low == "the" and self.free(i - 2)), "a number"
                    # "a cake shaped like the number 100" -> "shaped like a number" (round 95: "like the number" was left)
                text = self.prompt[self.tokens[first].start : self.tokens[last].end]
                self.claim(first, last, Held(text, "a number that repeats a person's age, which tells it", stand_in))

    def age_of(self, pid: int, years: int, word: str, first: int, last: int, seg: AgePhrase) -> bool:
        """Person `pid` is `years` old, said by tokens first..last: the state, and the segment that writes it."""
        person = self.persons[pid]
        if person.cls == g.TAG_CLASS and g.age_value(years) == "child" and not self.sexualised():
            # "1boy, (7 years old:1.2), backpack, first day of school": no booru character gets a child decoy
            # (docs/privacy.md), so a child's age said of one stays on the device, as a "child" tag does (round 74:
            # refused)
            first, last = self._weighted(first, last)
            self.claim(first, last, Held(self.prompt[self.tokens[first].start : self.tokens[last].end], "age"))
            return True
        person.state("age", g.age_value(years), True, word)
        if person.named and person.cls == "person" and seg.kind == "bare":
            person.in_phrase.add("age")  # "Emma, 8, building a sandcastle": "A little girl, 10, ..." (a name's "a woman"
            # beside a child's age could not be varied: refused); every value writes its age in the phrase too
        self.claim(first, last, seg)
        return True

    def pronoun_subject_before(self, i: int) -> int | None:
        """ "She is in her fifties": with no one named before, the subject pronoun of the clause is whose the age is
        ("her" was bound as a second person, and half the decoys read "He is in her childhood")."""
        if any(p.anchor < i for p in self.persons):
            return None
        for k in range(self.clause_start(i), i):
            if self.tokens[k].is_word and self.tokens[k].core in ("he", "she") and self.free(k):
                return self.subject_pronoun(k)
        return None

    def decade_phrase(self, i: int) -> bool:
        """"in her 70s", "in his early twenties", "in their 20s-30s" (the lower bound speaks for the range)."""
        if self.out_of_teens(i):
            return True
        t, p = self.tokens[i], self.tok(i + 1)
        if t.low != "in" or p is None or not self.free(i + 1) or p.core not in ("his", "her", "their", "my", "our"):
            return False
        j = i + 2
        weight = weight_group(self.tokens, j) if self.free(j) else None
        if weight is not None:  # "in her (mid-40s:1.2)": the weight goes with the decade the decoys write
            j = weight[0]
        if self.free(j) and self.tokens[j].low in ("early", "mid", "mid-", "late"):
            j += 1
            if self.free(j) and self.tokens[j].text == "-":
                j += 1  # "in her mid-30s"
        decade = self.tok(j)
        years = decade_years(decade) if decade is not None and self.free(j) else None
        if years is None and j == i + 2:
            return self.life_stage(i, j)
        if years is None or (weight is not None and j != weight[1]):
            return False
        dash, upper = self.tok(j + 1), self.tok(j + 2)
        hedged = upper is not None and upper.low in ("early", "mid", "late") and self.free(j + 2)
        if hedged:
            upper = self.tok(j + 3)  # "in her late twenties to early thirties" (round 57: the upper bound was sent)
        if dash is not None and dash.low in ("-", "–", "or", "to") and upper is not None and self.free(j + 2 + hedged) \
                and decade_years(upper) is not None:  # fmt: skip
            j += 2 + hedged  # "in his 20s-30s", "in his 20s or 30s": the lower bound speaks for the range
        if weight is not None:
            j = weight[2]
        if p.core in ("my", "our"):  # "I am a Nigerian man in my 40s", "me and my wife, both in our 70s" (sent)
            pid = self.asker_before(i) if p.core == "my" else None
            pid = self.speaker(i + 1, "sg" if p.core == "my" else "pl") if pid is None else pid
        else:
            pid = self.pronoun_subject_before(i) if p.core in ("his", "her") else None
            pid = self.bind(i + 1, plural=p.core == "their") if pid is None else pid
            self.check_agreement(self.persons[pid], p, i + 1)
        seg = AgePhrase(pid, "decade", self.phrase_case(i, j), g.token_case(p.text), t.text, plural=p.core == "their",
                        pronoun=p.text if p.core in ("my", "our") else "")  # fmt: skip
        return self.age_of(pid, years, decade.text, i, j, seg)

    def asker_before(self, i: int) -> int | None:
        """The person whose phrase ends right before token i and who is the asker ("I am a man | in my 40s", "i'm a
        nurse"): their phrase follows "I am" or "i'm"; else None."""
        if (owner := self.owner_at(i - 1)) is None:
            return None
        first = min(a for a, _, seg in self.spans if isinstance(seg, Phrase) and seg.person == owner)
        k = first - 1
        said = (w := self.tok(k)) is not None and (w.low in ("i'm", "im") or (
            w.low == "am" and (v := self.tok(k - 1)) is not None and v.low == "i"))  # fmt: skip
        return owner if said else None

    def out_of_teens(self, i: int) -> bool:
        """"barely out of her teens": twenty or so, written "in her twenties" (round 56: "teens" was read as people,
        "barely out of her little friends")."""
        words = [t.core for t in self.tokens[i : i + 4]]
        if len(words) < 4 or words[:2] != ["out", "of"] or words[2] not in ("his", "her", "their") or (
                words[3] != "teens" or not all(self.free(k) for k in range(i, i + 4))):  # fmt: skip
            return False
        p = self.tokens[i + 2]
        pid = self.bind(i + 2, plural=p.core == "their")
        self.check_agreement(self.persons[pid], p, i + 2)
        seg = AgePhrase(pid, "decade", g.LOWER, g.token_case(p.text), "in", plural=p.core == "their")
        return self.age_of(pid, 20, self.tokens[i + 3].text, i, i + 3, seg)

    def life_stage(self, i: int, j: int) -> bool:
        """"in her golden years", "in his prime", "in their youth" (`LIFE_STAGES`): tokens i ("in"), i+1 (the
        possessive), j.. the stage."""
        for words, years in LIFE_STAGES.items():
            last, after = j + len(words) - 1, self.tok(j + len(words))
            if after is not None and after.is_word and after.core not in g.CLOSED and not self.ing(after):
                continue  # "in his prime location": the words name a thing, not a stage of life
            if all(self.free(k) and (t := self.tok(k)) is not None and t.low == w for k, w in enumerate(words, j)):
                p = self.tokens[i + 1]
                pid = self.bind(i + 1, plural=p.core == "their")
                self.check_agreement(self.persons[pid], p, i + 1)
                seg = AgePhrase(pid, "decade", self.phrase_case(i, last), g.token_case(p.text), self.tokens[i].text,
                                plural=p.core == "their")  # fmt: skip
                return self.age_of(pid, years, self.tokens[j].text, i, last, seg)
        return False

    def stage_of_life(self, i: int) -> bool:
        """"in the twilight of his life", "in the prime of her years": an age statement of the possessive's person."""
        words = [self.tok(k) for k in range(i, i + 6)]
        if any(w is None or not self.free(i + k) for k, w in enumerate(words)):
            return False
        t, the, stage, of, poss, life = words
        if not (t.low == "in" and the.low == "the" and stage.low in STAGES_OF_LIFE and of.low == "of"
                and poss.core in ("his", "her", "their") and life.low in ("life", "years", "days")):
            return False
        pid = self.bind(i + 4, plural=poss.core == "their")
        self.check_agreement(self.persons[pid], poss, i + 4)
        seg = AgePhrase(pid, "decade", g.LOWER, g.token_case(poss.text), t.text, plural=poss.core == "their")
        return self.age_of(pid, STAGES_OF_LIFE[stage.low], stage.text, i, i + 5, seg)

    def certain_age(self, i: int) -> bool:
        """"a woman of a certain age": said of someone no longer young, read as middle-aged."""
        words = [self.tok(k) for k in range(i, i + 4)]
        if any(w is None or not self.free(i + k) for k, w in enumerate(words)):
            return False
        if [w.low for w in words] != ["of", "a", "certain", "age"] or (pid := self.owner_at(i - 1)) is None:
            return False
        return self.age_of(pid, 50, words[2].text, i, i + 3, AgePhrase(pid, "of", g.LOWER, word="of"))

    def age_noun(self, i: int) -> bool:
        """"a woman well past middle age", "a man in old age", "a woman of advanced age": an age said with "age" and
        no possessive (round 53: sent as written beside every decoy), written "of" and the years ("of 45")."""
        first = i
        if self.tokens[i].low in ("well", "long", "far") and (w := self.tok(i + 1)) is not None and w.low in ("past", "beyond"):
            i += 1  # "well past middle age"
        words = [self.tok(k) for k in range(i, i + 4)]
        if words[0] is None or words[0].low not in ("in", "of", "past", "beyond", "into"):
            return False
        k = i + 1 + (words[1] is not None and words[1].low in ("a", "an"))  # "of an advanced age"
        stage, age = self.tok(k), self.tok(k + 1)
        if stage is None or age is None or age.low != "age" or stage.low not in AGE_NOUN_YEARS:
            return False
        if not all(self.free(m) for m in range(first, k + 2)) or (pid := self.owner_at(first - 1)) is None:
            return False
        years = AGE_NOUN_YEARS[stage.low]
        if words[0].low in ("past", "beyond"):
            years += 20  # past middle age is old
        return self.age_of(pid, years, stage.text, first, k + 1, AgePhrase(pid, "of", g.LOWER, word="of"))

    def aged_number(self, i: int) -> bool:
        """"aged 45", "age 30", "aged 45-50" (the lower bound speaks for the range, which is written away) after
        a person."""
        t = self.tokens[i]
        j = i + 2 if (w := self.tok(i + 1)) is not None and w.low in ("between", "~", *APPROXIMATE) and self.free(i + 1) \
            else i + 1  # fmt: skip  # "aged between 55 and 60", "aged about 40", "age ~70" (round 74: sent)
        if (w := self.tok(i + 1)) is not None and w.low == "somewhere" and (b := self.tok(i + 2)) is not None and (
                b.low == "between" and self.free(i + 1) and self.free(i + 2)):  # fmt: skip
            j = i + 3  # "aged somewhere between 40 and 50" (round 56: sent as written)
        word = t.text
        if t.low == "age" and (colon := self.tok(i + 1)) is not None and colon.text == ":" and self.free(i + 1):
            j, word = i + 2, self.prompt[t.start : colon.end]  # "a woman, age: 35": a character sheet's field
        n = self.tok(j)
        if t.low not in ("aged", "age", "ages") or n is None or not self.free(j):
            return False
        spelled = n.is_word and n.low != "one" and (v := g.number_value(n.low) or g.roman_value(n.text)) is not None and (
            0 < v <= 120)  # fmt: skip  # "a man aged XXV, in roman armor" (round 93: sent as written)
        if word.endswith(":") and (decade := decade_years(n)) is not None and not n.low.isdigit():
            pid = self.nearest_person(i)  # "subject: man | age: 70s": a character sheet's decade
            return pid is not None and self.age_of(pid, decade, n.text, i, j,
                                                   AgePhrase(pid, "aged", self.phrase_case(i, j), word=word))  # fmt: skip
        said = self.lex.adjectives.get(n.core) if n.is_word and "-" in n.core else None
        if said is not None and said.attribute == "age" and said.value in g.AGE_YEARS and (
                pid := self.nearest_person(i)) is not None:  # fmt: skip
            # "A man aged forty-something in a grey suit" (read as a second person, "A man old person", round 77)
            return self.age_of(pid, int(g.AGE_YEARS[said.value]), n.text, i, j,
                               AgePhrase(pid, "aged", self.phrase_case(i, j), word=word))  # fmt: skip
        if not n.low.isdigit() and not spelled:  # "a kid aged seven": said in words
            return False
        pid = self.nearest_person(i)
        if pid is None:
            return False
        if n.low.isdigit() and (u := self.tok(j + 1)) is not None and u.low in INFANT_UNITS and self.free(j + 1):
            # "a toddler aged 18 months stacking blocks": a small child's age, held as "18 months old" is (round 75:
            # written "aged 25 months" beside "a middle-aged person aged 45 months")
            person = self.persons[pid]
            person.state("age", "child", True, n.text)
            person.in_phrase.add("age")
            self.claim(i, j + 1, Held(self.prompt[t.start : u.end], "an infant's age"))
            return True
        if (listed := self.number_list(j)) is not None and self.persons[pid].number == "pl":
            return self.hold_member_ages(pid, i, *listed)  # "Two brothers, ages 4 and 7, building a sandcastle" (was
            # written "ages 10", the 7 left out)
        if spelled:  # "aged twenty five": the tens and the units, both written away
            units = self.tok(j + 1)
            u = g.number_value(units.low) if units is not None and units.is_word and self.free(j + 1) else None
            tens = u is not None and v % 10 == 0 and v >= 20 and 0 < u < 10
            last = j + 1 if tens else j
            return self.age_of(pid, v + (u if tens else 0), n.text, i, last,
                               AgePhrase(pid, "aged", self.phrase_case(i, last), word=word))  # fmt: skip
        last = self.range_end(j)
        return self.age_of(pid, self.range_years(j, last), n.text, i, last,
                           AgePhrase(pid, "aged", self.phrase_case(i, last), word=word))  # fmt: skip

    def number_list(self, i: int) -> tuple[int, list[int]] | None:
        """(last token, ages) of a list of two or more ages from token i: "4 and 7", "3, 5 and 9", "5 & 8"; else
        None."""
        ages, k = [], i
        while (n := self.tok(k)) is not None and n.low.isdigit() and self.free(k) and 0 < int(n.low) <= 120:
            ages.append(int(n.low))
            a, b = self.tok(k + 1), self.tok(k + 2)
            if a is not None and a.text == "," and b is not None and b.low in ("and", "&"):
                k += 1  # "3, 5, and 9"
                a, b = b, self.tok(k + 2)
            if a is None or a.low not in ("and", "&", ",") or not self.free(k + 1) or b is None or not b.low.isdigit():
                break
            k += 2
        return (k, ages) if len(ages) > 1 else None

    def listed_off(self, i: int) -> bool:
        """A list of ages from token i ends where a set-off phrase does: "two sisters, 7 and 9, building a fort",
        "my sons (8 and 10)"."""
        listed = self.number_list(i)
        after = self.tok(listed[0] + 1) if listed is not None else None
        return listed is not None and (after is None or after.text in ",;.)!?" or (after.is_word and self.ing(after)))

    def hold_member_ages(self, owner: int, first: int, last: int, ages: list[int]) -> bool:
        """Tokens first..last give the ages of the members of group `owner`, one each: held back (the device keeps
        them); where every one is of one age value, the group says it in its phrase ("two little brothers"),
        varied as any age."""
        values = {g.age_value(years) for years in ages}
        person = self.persons[owner]
        if len(values) == 1 and "age" not in person.states and not person.pronoun_only:  # "we are 8 and 10": no phrase
            person.state("age", values.pop(), True, str(ages[0]))
            person.in_phrase.add("age")
        self.claim(first, last, Held(self.prompt[self.tokens[first].start : self.tokens[last].end], "ages of a group's members"))
        return True

    def members_ages(self, i: int) -> bool:
        """"two brothers, one 5 and one 12,", "my kids (one 3, the other 7)": the ages of a group's members, set off
        after it. They are held back (the device keeps them); where every one is of one age value, the group says
        it in its phrase ("two little brothers"), varied as any age, so no decoy reads "two old men, one 5 and
        one 12" (round 54: sent as written beside every decoy)."""
        prev = self.tok(i - 1)
        if self.tokens[i].low != "one" or prev is None or prev.text not in ",(" or not self.free(i - 1):
            return False
        owner = self.owner_at(i - 2)
        if owner is None:  # "Two women holding hands on a park bench, one in her seventies and one in her twenties":
            groups = {p for p in range(len(self.persons)) if self.persons[p].number == "pl" and self.persons[p].anchor < i
                      and not any(s in self.starts for s in range(self.persons[p].anchor + 1, i))}  # fmt: skip
            owner = groups.pop() if len(groups) == 1 else None  # the one group of the sentence (round 83: refused)
        if owner is None or self.persons[owner].number != "pl":
            return False
        ages: list[int] = []
        j, last = i, None
        while (w := self.tok(j)) is not None and self.free(j):
            if w.low in MEMBER_WORDS:
                j += 1
                continue
            years, end = years_written(w), j
            if years is None and (decade := self.member_decade(j)) is not None:
                years, end = decade  # "one in her twenties and one in her sixties"
            if years is None or not 0 < years <= 120:
                break
            ages.append(years)
            last = j = end
            j += 1
            if (y := self.tok(j)) is not None and y.low in YEARS_WORDS and self.free(j):
                last = j = j + 1 + ((o := self.tok(j + 1)) is not None and o.low == "old")  # "one 5 years old"
            c, n = self.tok(j), self.tok(j + 1)
            if c is not None and c.text == "," and n is not None and n.low in MEMBER_WORDS:
                j += 1  # "one 5, one 8 and one 12": the list goes on; a comma before anything else closes it
            elif c is None or c.low not in MEMBER_WORDS:
                break
        if len(ages) < 2 or last is None:
            return False
        return self.hold_member_ages(owner, i, last, ages)

    def both_aged(self, i: int) -> bool:
        """"A boy and a girl, both about eight, sharing an ice cream cone": one age said of each of the people named
        before it in the sentence. Held back (the device keeps it); each says its value in its phrase, varied apart
        as any age (round 57: sent as written beside "An old man and a young woman, both about eight")."""
        t, prev = self.tokens[i], self.tok(i - 1)
        if t.low not in ("both", "all") or prev is None or prev.text != "," or not self.free(i - 1):
            return False
        j = i + 1
        if (w := self.tok(j)) is not None and (w.low in APPROXIMATE or w.low == "aged") and self.free(j):
            j += 1
        n = self.tok(j)
        years = years_written(n) if n is not None and self.free(j) else None
        after = self.tok(j + 1)
        if years is None or not 0 < years <= 120 or (after is not None and after.is_word and not self.ing(after)):
            return False
        sentence = max(k for k in self.starts if k <= i)
        named = [k for k, p in enumerate(self.persons) if sentence <= p.anchor < i and not p.pronoun_only]
        if len(named) < 2 or any("age" in self.persons[k].states and self.persons[k].states["age"] != g.age_value(years)
                                 for k in named):  # fmt: skip
            return False
        for k in named:
            self.persons[k].state("age", g.age_value(years), True, n.text)
            self.persons[k].in_phrase.add("age")
        self.claim(i - 1, j, Held(self.prompt[prev.start : n.end], "an age said of several people"))
        return True

    def old_enough(self, i: int) -> bool:
        """"a boy not yet old enough to drive", "old enough to vote", "too young to drink": an age said by what the
        law lets one do. Held back (the device keeps it) where someone is in the prompt: sent, it contradicted every
        decoy but the real one ("an old man not yet old enough to drive", round 56)."""
        nxt, to, verb = self.tok(i + 1), self.tok(i + 2), self.tok(i + 3)
        pair = (self.tokens[i].low, nxt.low if nxt is not None else "")
        if not self.persons or pair not in (("old", "enough"), ("too", "young"), ("too", "old")) or to is None or (
                to.low != "to" or verb is None or not verb.is_word or "v" not in self.lex.tags(verb.core)):  # fmt: skip
            return False
        first, k = i, i + 3
        while (w := self.tok(first - 1)) is not None and w.low in ("not", "yet", "still", "barely", "just") and (
                self.free(first - 1)):  # fmt: skip
            first -= 1
        while (w := self.tok(k + 1)) is not None and w.is_word and w.low not in g.CONJUNCTIONS and self.free(k + 1):
            k += 1  # "old enough to remember the moon landing": what the verb takes goes with it, to the clause's end
        if not all(self.free(m) for m in range(first, k + 1)):
            return False
        self.claim(first, k, Held(self.prompt[self.tokens[first].start : self.tokens[k].end], "an age said by what one may do"))
        return True

    def member_decade(self, j: int) -> tuple[int, int] | None:
        """(years, last token) of "in her twenties", "in his early 30s" from token j, said of one of a group."""
        words = [self.tok(k) for k in range(j, j + 5)]
        if words[0] is None or words[0].low != "in" or words[1] is None or words[1].core not in ("his", "her", "their"):
            return None
        k = j + 2
        if (w := self.tok(k)) is not None and w.low in ("early", "mid", "mid-", "late"):
            k += 2 if (d := self.tok(k + 1)) is not None and d.text == "-" else 1
        decade = self.tok(k)
        years = decade_years(decade) if decade is not None else None
        if years is None or not all(self.free(m) for m in range(j, k + 1)):
            return None
        return years, k

    def age_list_end(self, j: int) -> int:
        """The last number of a list of ages opened at token j, "4, 6 and 9", "4, 6, and 9", "3, 5, 7" (three or
        more, said of a group); j itself where no such list opens."""
        k, count = j, 1
        while True:
            m = k + 1
            if (c := self.tok(m)) is not None and c.text == ",":
                m += 1
            if (a := self.tok(m)) is not None and a.low in ("and", "&"):
                m += 1
            n = self.tok(m)
            if m == k + 1 or n is None or not n.low.isdigit() or not 0 < int(n.low) <= 120 or not all(
                    self.free(x) for x in range(k + 1, m + 1)):  # fmt: skip
                break
            k, count = m, count + 1
        return k if count >= 3 else j

    def range_years(self, j: int, last: int) -> int:
        """The age a range from token j to `last` states: its middle ("aged 35-45" is 40, a middle-aged man);
        a single number is itself; a list, the middle of its least and greatest ("aged 4, 6 and 9" is 6)."""
        if last > j + 2 and (listed := [int(t.low) for t in self.tokens[j : last + 1] if t.low.isdigit()]):
            return (min(listed) + max(listed)) // 2
        low = years_written(self.tokens[j]) or g.number_value(self.tokens[j].text) or 0  # "fiftyish" is 50
        upper = self.tok(j + 2) if last >= j + 2 else None
        high = g.number_value(upper.text) if upper is not None else None
        return (low + high) // 2 if high is not None and high > low else low

    def range_end(self, j: int) -> int:
        """The last token of an age range opened by the number at token j ("55-60", "55 to 60", "30 and 40",
        "60 or 65", then "years old" if said): the range is written away, so no bound reaches the cloud as
        written (`range_years` gives its middle)."""
        listed = self.age_list_end(j)
        if listed > j:
            return listed  # "three kids aged 4, 6 and 9": the list goes as the range does (a decoy read "aged 75, 6
            # and 9")
        dash, upper = self.tok(j + 1), self.tok(j + 2)
        low, high = g.number_value(self.tokens[j].text), g.number_value(upper.text) if upper is not None else None
        if dash is not None and dash.low in ("-", "–", "to", "and", "or") and upper is not None and self.free(j + 2) \
                and self.free(j + 1) and high is not None and low is not None and high > low:  # fmt: skip
            j += 2  # a range goes up: "8 and one aged 15" is no range
        y, o = self.tok(j + 1), self.tok(j + 2)
        if y is not None and o is not None and y.low in ("years", "year", "yrs") and o.low == "old" and self.free(j + 2):
            j += 2
        return j

    def age_after_word(self, i: int) -> bool:
        """"a boy of ten", "turning 50", "pushing about 60", "my dad at 70 still biking" (written "75 years old");
        not "a mother of two children", "a man at 5 pm"."""
        t = self.tokens[i]
        if t.low not in ("of", "turning", "pushing", "at"):
            return False
        if t.low == "at" and self.age_event(i - 1):
            return False  # "she retired at sixty": the age leaves with the event it dates (`age_at_event`)
        pid = self.person_ending_at(i - 1 if t.low in ("of", "at") else None, i)
        if pid is None and t.low in ("turning", "pushing"):
            pid = self.copula_subject(i)  # "i'm turning 50 next week, draw me with a cake" (sent as written)
        if pid is None and t.low == "at":
            return self.at_age_in_words(i)
        if pid is None:
            return False
        j = i + 1
        if t.low == "at" and not self.age_at(j):
            return False  # "a man at 5 pm", "a woman at 3": a time; "my dad at 70 still biking" is his age
        if self.free(j) and self.tokens[j].low in ("about", "around", "nearly", "almost", "roughly"):
            j += 1
        years = g.number_value(self.tokens[j].text) if self.free(j) and j < len(self.tokens) else None
        nxt = self.tok(j + 1)
        tags = self.lex.tags(nxt.core) if nxt is not None else ""
        counted = nxt is not None and nxt.is_word and (self.noun(nxt) is not None or (
            "n" in tags and not self.ing(nxt) and nxt.core not in g.CLOSED))  # "of two children"
        found = self.noun(head) if t.low == "of" and (head := self.tok(i - 1)) is not None else None
        group = t.low == "of" and head is not None and (head.core in COLLECTIVES or found is not None and (
            found[0].cls in PARENTS or (found[0].age not in (None, "child") and years is not None and years < 18)))
        # "a family of four", "a mother of two", "a grandmother of nine": how many, not an age (no grandmother is 9)
        if group and years is not None:
            if found is not None and found[0].age is not None:
                # a grandparent's noun is written as an age noun, after which "of nine" reads as an age ("a little
                # girl of nine"): the count stays on the device
                self.claim(i, j, Held(self.prompt[t.start : self.tokens[j].end], "how many people the person has; "
                                      "after a decoy's noun it would read as an age"))
                return True
            self.keep(i, j, "how many people the person has or the group counts")
            return True
        if years is not None and t.low == "of" and nxt is not None and nxt.low in LIFE_YEARS and not group and (
                self.free(j + 1)):  # fmt: skip
            # "a girl of eight years", "a girl of eight summers": her age with its unit (round 64: sent beside "an
            # old man of eight summers"; "of eight years" was refused)
            return self.age_of(pid, years, self.tokens[j].text, i, j + 1, AgePhrase(pid, t.low, g.LOWER, word=t.text))
        if years is None or counted or group:
            return True  # the word is taken: no other sweep reads it as an age
        last = self.range_end(j)  # "a girl of 12 or 13": the range goes whole (round 55: a decoy read "of 75 or 13")
        return self.age_of(pid, self.range_years(j, last), self.tokens[j].text, i, last,
                           AgePhrase(pid, t.low, g.LOWER, word=t.text))  # fmt: skip

    def at_age_in_words(self, i: int) -> bool:
        """"A woman who just got her pilot's license at sixty-two": "at" and an age in words of tens (no time or
        count is written so), said of the clause's subject (round 57: sent as written beside every decoy)."""
        n, nxt = self.tok(i + 1), self.tok(i + 2)
        years = g.number_value(n.low) if n is not None and (n.is_word or n.low.isdigit()) and self.free(i + 1) else None
        if years is None or not 13 <= years <= 120 or (nxt is not None and (nxt.text in (":", ".", "%") and (
                self.tok(i + 3) is not None) or nxt.low in TIME_UNITS or (nxt.is_word and "n" in self.lex.tags(nxt.core)
                and not self.ing(nxt)))):  # fmt: skip
            return False  # "at eight" is a time; "at sixty miles an hour" a speed; the decoys write digits ("at 75")
        event = i >= 1 and self.free(i - 1) and self.past_verb(i - 1)  # "married at 19", "she graduated at 22"
        if years < 20 and not event:
            return False
        pid = self.subject_before(i)
        if pid is None:
            return False
        if years >= 20 and any(w.lower() in self.lex.senses.adult for w in self.persons[pid].said.values()):
            return self.age_of(pid, years, n.text, i, i + 1, AgePhrase(pid, "about", g.LOWER, word="at"))
        if not event:
            return False  # an adult's noun only is varied: a child's decoy writes "at 10", which is as often a time
        # "she graduated at 22", "a man who got married at 19": the age at an event of someone whose noun is no
        # adult's, or under 20, stays on the device (round 59: sent beside every decoy, N = 2)
        self.claim(i, i + 1, Held(self.prompt[self.tokens[i].start : n.end], "an age at an event of the person's life"))
        return True

    def age_at(self, j: int) -> bool:
        """Token j, after "at" right after a person, is their age: a number of years 13 to 120 in digits, not a time
        ("at 5 pm", "at 10:30"), a count ("at 70 mph") or a place number."""
        n, nxt = self.tok(j), self.tok(j + 1)
        if n is None or n.kind != "num" or not n.low.isdigit() or not 13 <= int(n.low) <= 120 or not self.free(j):
            return False
        return nxt is None or not (nxt.text in (":", ".", "%") or nxt.low in TIME_UNITS or (
            nxt.is_word and "n" in self.lex.tags(nxt.core) and nxt.core not in g.CLOSED))

    def keep_heights(self) -> None:
        """A height ("5'2\"", "6′1", "6 ft 4", "5 foot 2 inches") is a measure, never an age: kept as written (round
        58: "a girl who is 5'2\"" went out as "a little girl who is 10'2\"" and "an old man who is 75'2\"")."""
        for i, t in enumerate(self.tokens):
            if t.kind != "num" or not t.low.isdigit() or not 3 <= int(t.low) <= 8 or not self.free(i):
                continue
            mark, inches = self.tok(i + 1), self.tok(i + 2)
            if mark is not None and mark.text in ("'", "′", "’") and mark.start == t.end:
                last = i + 1
            elif mark is not None and mark.low in ("ft", "foot", "feet"):
                last = i + 1
            else:
                continue
            if inches is not None and inches.low.isdigit() and int(inches.low) < 12 and self.free(i + 2):
                last = i + 2
                unit = self.tok(i + 3)
                if unit is not None and (unit.text in ('"', "″", "''") and unit.start == inches.end or unit.low in (
                        "inch", "inches")):  # fmt: skip
                    last = i + 3
            elif mark.text in ("'", "′", "’") and (inches is None or inches.is_word):
                continue  # "the 80's", "a 5' tall cutout" aside, a foot mark alone may close a quote
            if all(self.free(k) for k in range(i, last + 1)):
                self.keep(i, last, "a height, not an age")

    def birthday(self, i: int) -> bool:
        """"her 40th birthday", "a 5th birthday party" (the person before, else the one after)."""
        t, b = self.tokens[i], self.tok(i + 1)
        m = ORDINAL.match(t.low) if t.kind == "num" else None
        years = int(m.group(1)) if m is not None else spelled_ordinal(t.low) if t.is_word else None
        if years is None or b is None or b.low not in ("birthday", "birthdays", "bday", "bdays", "b-day") or not self.free(i + 1):
            return False  # "his first birthday", "her fiftieth birthday": in words as in digits; "80TH BDAY" (was sent)
        pid = self.nearest_person(i) if self.nearest_person(i) is not None else self.next_person(i)
        if pid is None and (prev := self.tok(i - 1)) is not None and prev.core in ("his", "her", "their"):
            pid = self.bind(i - 1, plural=prev.core == "their")  # "his first birthday, smash cake": the pronoun's
            # person is the one whose age it is (was sent as written; "her 50th birthday" refused)
        if pid is None and m is None:
            return False  # "first birthday party decorations": in words, a birthday of no one named is a thing's
        if pid is None:
            raise self.refuse(t, "a birthday with no person to attach it to; name the person or leave it out")
        return self.age_of(pid, years, t.text, i, i, AgePhrase(pid, "ordinal", g.UPPER if t.text.isupper() else g.LOWER))

    def anniversary(self, i: int) -> bool:
        """How long a person has been married, which bounds their age from below: "their 60th wedding anniversary",
        "my parents' 40th anniversary dinner" (were sent as written) are held back. An anniversary of a thing ("the
        50th anniversary of the moon landing") is no one's age and stays."""
        t = self.tokens[i]
        m = ORDINAL.match(t.low) if t.kind == "num" else None
        years = int(m.group(1)) if m is not None else spelled_ordinal(t.low) if t.is_word else None
        j = i + 1 if (w := self.tok(i + 1)) is not None and w.low == "wedding" else i
        if years is None or (a := self.tok(j + 1)) is None or a.low not in ("anniversary", "anniversaries"):
            return False
        owner = self.tok(i - 1)
        if owner is None or not (owner.core in ("his", "her", "their", "my", "our") or (
                owner.possessive and self.noun(owner) is not None)):  # fmt: skip
            return False
        self.claim(i, i, Held(t.text, "how long the person has been married, which tells their age"))
        return True

    def candles(self, i: int) -> bool:
        """A count of candles where a cake or a birthday is blown out is the years of whoever blows them: "A
        centenarian woman blowing out 100 candles" went out with the count beside "A little girl blowing out 100
        candles". The count stays on the device."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        years = int(t.low) if t.kind == "num" and t.low.isdigit() else g.number_value(t.low) if t.is_word else None
        if years is None or years < 2 or nxt is None or nxt.low not in ("candles", "candle") or not self.persons:
            return False
        if not any(w.low.startswith(("blow", "blew", "cake", "birthday", "bday")) for w in self.tokens):
            return False  # "a chapel lit by 100 candles": a count of lights
        self.claim(i, i, Held(t.text, "how many candles someone blows out, which tells their age"))
        return True

    def born_in(self, i: int) -> bool:
        """"a man born in 1950": an age against `CURRENT_YEAR`."""
        t, prev, b = self.tokens[i], self.tok(i - 1), self.tok(i - 2)
        decade = re.fullmatch(r"(19|20)?(\d)0['’]?s", t.low)
        if decade is not None and prev is not None and prev.low == "the" and b is not None and b.low == "in" and (
                (c := self.tok(i - 3)) is not None and c.low == "born" and self.free(i - 1)):  # fmt: skip
            # "a man born in the 80s", "born in the 1990s": the decade's middle year, "the" written away with it
            century = decade.group(1) or ("20" if decade.group(2) in "01" else "19")
            year = int(f"{century}{decade.group(2)}5")
            if year <= CURRENT_YEAR and (pid := self.nearest_person(i)) is not None:
                return self.age_of(pid, CURRENT_YEAR - year, t.text, i - 1, i, AgePhrase(pid, "born", g.LOWER))
            return False
        if t.low.isdigit() and prev is not None and prev.text == "." and b is not None and b.low == "b" and (
                (o := self.tok(i - 3)) is not None and o.text == "(" and 1900 <= int(t.low) <= CURRENT_YEAR) and (
                self.free(i - 1) and self.free(i - 2) and (pid := self.nearest_person(i - 3)) is not None):  # fmt: skip
            # (the abbreviation's dot is no sentence's end)
            # "A retired schoolteacher (b. 1948) reading": a birth year as a biography writes it (sent, round 76)
            return self.age_of(pid, CURRENT_YEAR - int(t.low), t.text, i, i, AgePhrase(pid, "born", g.LOWER))
        if not t.low.isdigit() or prev is None or prev.low != "in" or b is None or b.low != "born":
            return False
        if not 1900 <= int(t.low) <= CURRENT_YEAR or (pid := self.nearest_person(i)) is None:
            return False
        return self.age_of(pid, CURRENT_YEAR - int(t.low), t.text, i, i, AgePhrase(pid, "born", g.LOWER))

    def asker_at(self, i: int) -> bool:
        """ "Me at 40, a bald guy with a beard, hiking", "me at 25 in Tokyo": the asker at an age, the number written
        in place ("Me at 75"). It is the age of the person set off right after it, who is the asker described, or of
        the asker alone (round 78: "Me at 40" went out as written, only the gender varied)."""
        t, at, me = self.tokens[i], self.tok(i - 1), self.tok(i - 2)
        years = int(t.low) if t.low.isdigit() else None
        if years is None or not 0 < years <= 120 or at is None or at.low != "at" or me is None or (
                me.low not in ("me", "myself")) or not self.free(i - 1) or not self.free(i - 2):  # fmt: skip
            return False
        if (nxt := self.tok(i + 1)) is not None and nxt.is_word and not self.ing(nxt) and nxt.low not in ("in", "on", "at",
                                                                                                     "with", "and"):
            return False  # "me at 40 degrees", "me at 7 am": a measure
        # ", a bald guy": the phrase right after the comma is the asker described
        set_off = nxt is not None and nxt.text == "," and (i + 2) in self.used and self.spans[self.used[i + 2]][0] == i + 2
        described = self.next_person(i) if set_off else None
        owner = described if described is not None else self.speaker(i - 2, "sg")
        return self.age_of(owner, years, t.text, i, i, AgePhrase(owner, "bare", g.LOWER))

    def bare_age(self, i: int) -> bool:
        """A number standing alone as an age: "a man, 42,", "a woman (29)", "she is 32", "who just turned 5";
        in words after "is"/"turned" ("Aiko is eight.", "he is seventy but ...")."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        if nxt is not None and nxt.low in INFANT_UNITS and (o := self.tok(i + 2)) is not None and o.low == "old" and (
                self.free(i + 1) and self.free(i + 2)):  # fmt: skip
            return self.infant_age(i)  # "she is 6 weeks old": in weeks, a small child's age
        if nxt is not None and nxt.low in INFANT_UNITS and t.low.isdigit() and self.free(i + 1) and (
                (o := self.tok(i + 2)) is None or o.text in ",;.)") and (
                (b := self.tok(i - 1 - (prev is not None and prev.low in APPROXIMATE))) is not None and b.text in ",("):  # fmt: skip
            return self.infant_age(i, i + 1)  # "A toddler boy, maybe 18 months, crawling" (sent as written, round 74)
        if prev is not None and prev.low == "of" and nxt is not None and nxt.low in INFANT_UNITS and self.free(i - 1) and (
                self.free(i + 1) and (t.low.isdigit() or g.number_value(t.low)) and (pid := self.owner_at(i - 2)) is not None):  # fmt: skip
            # "A toddler of eighteen months stacking blocks": held as "aged 18 months" is (round 94: sent beside "a
            # middle-aged person of eighteen months")
            self.persons[pid].state("age", "child", True, t.text)
            self.persons[pid].in_phrase.add("age")
            self.claim(i - 1, i + 1, Held(self.prompt[prev.start : nxt.end], "an infant's age"))
            return True
        if nxt is not None and nxt.low in ("years", "yrs") and (gap := self.tok(i + 2)) is not None and (
                gap.low in AGE_COMPARATIVES):  # fmt: skip
            return False  # "she is twenty years older than him": a gap between two ages, no age (round 100: read as
            # hers, the decoys "he is 75 years older than her")
        link = self.tok(i - 2) if prev is not None and prev.low in ("both", "all") and self.free(i - 1) else prev
        asker = link is not None and link.low in SPEAKER_FORMS  # "im 70", "we are both 65" (sent as written)
        copula = prev is not None and (prev.low in COPULAS or asker)
        approx = prev is not None and prev.low in APPROXIMATE and self.free(i - 1) and (
            (c := self.tok(i - 2)) is not None and c.low in BEING_VERBS)  # "She is about five" (round 60: sent as
        # written), "He looks about eight" (round 63)
        spelled = years_written(t) if t.is_word and (copula or approx) else None  # "she is eight", "she is thirty-ish"
        if spelled is not None and 0 < spelled <= 120 and (nxt is None or not nxt.is_word or nxt.low in (
                "and", "but", "years", "now", "today", "last", "this", "yesterday") or (
                (self.ing(nxt) or nxt.low in g.PREPOSITIONS) and prev.low in ("turned", "turns"))):  # fmt: skip
            # "Aiko is eight.", "she is seventy and ...": said in words; "a guy who just turned thirty blowing out
            # candles" (round 69: "thirty" went out beside every decoy)
            owner = self.subject_before(i) if not asker else self.copula_subject(i)  # "im seventy"
            if owner is not None and approx:  # written "about 10", as "about ten years old" is
                return self.age_of(owner, spelled, t.text, i - 1, i, AgePhrase(owner, prev.low, g.LOWER, word=prev.text))
            if owner is not None:
                return self.age_of(owner, spelled, t.text, i, i, AgePhrase(owner, "bare", g.LOWER))

        value = years_written(t)
        last = i
        if nxt is not None and (hedge := self.tok(i + 2)) is not None and (nxt.low, hedge.low) in AGE_HEDGES and (
                self.free(i + 1) and self.free(i + 2)):  # fmt: skip
            last, nxt = i + 2, self.tok(i + 3)  # "a teenage boy, fourteen or so,", "a guy, 22 at most,"
        elif nxt is not None and nxt.text == "+" and nxt.start == t.end and self.free(i + 1) and t.low.isdigit():
            last, nxt = i + 1, self.tok(i + 2)  # "a woman, 70+": at least that, written as the age (was refused)
        while nxt is not None and prev is not None and prev.text == "(" and nxt.text and set(nxt.text) <= set("!?") and (
                self.free(last + 1)):  # fmt: skip
            last, nxt = last + 1, self.tok(last + 2)  # "grandpa (80!!!) on a jet ski": the cries go with the age
        if nxt is not None and nxt.low in YEARS_WORDS and self.free(i + 1) and prev is not None and prev.text in ",(" and (
                (u := self.tok(i + 2)) is not None and u.text in ",;.)!?"):  # fmt: skip
            nxt = u  # "A toddler (2 yrs) stacking blocks", "a woman, 30 yrs, reading": the unit stays as written beside
            # the number (round 102: refused as a number next to a person)
        set_off = prev is not None and (  # "a girl, 19, waxing her board", "my brother, eight, in a play"
            (prev.text == "(" and nxt is not None and nxt.text == ")")
            or (prev.text == "," and (nxt is None or nxt.text in ",;.)!?" or (nxt.is_word and self.ing(nxt))))
            or (prev.text in ",(" and self.listed_off(i)))  # "two sisters, 7 and 9, building a fort" (round 86: refused)
        bare = value is not None and 0 < value <= 120 and prev is not None and (
            set_off or ((t.low.isdigit() or ish_years(t.low) is not None)
                        and (prev.low in COPULAS or prev.low == "aged" or asker)))
        if not bare and t.low.isdigit() and value is not None and 0 < value <= 120 and i >= 1 and (
                (owner := self.owner_at(i - 1)) is not None and (found := self.noun(self.tokens[i - 1])) is not None
                and found[0].cls == "person" and found[0].states()) and (
                nxt is None or nxt.text in ",;" or (nxt.text == "." and self.tok(i + 2) is None)):  # fmt: skip
            # "girl 16, anime style", "old man 80.": a number right after a noun that says who ("player 23" is a
            # shirt), then a tag's end, is their age (round 56: "little girl 16" went out beside "old man 16")
            return self.age_of(owner, value, t.text, i, last, AgePhrase(owner, "bare", g.LOWER))
        if not bare and ish_years(t.low) is not None and (owner := self.owner_at(i - 1)) is not None and (
                nxt is None or not nxt.is_word or nxt.low in ("with", "and", "in", "at", "on") or self.ing(nxt)):
            # "a guy thirty-ish, tattoos", "a man 40ish with a beard": an "-ish" number right after a person says
            # their age as an apposition does (it went out as written beside every gender decoy)
            return self.age_of(owner, value or ish_years(t.low) or 0, t.text, i, last, AgePhrase(owner, "ish", g.LOWER))
        if not bare and t.low.isdigit() and value is not None and 0 < value <= 120 and (
                owner := self.age_after_and(i)) is not None:  # fmt: skip
            return self.age_of(owner, value, t.text, i, i, AgePhrase(owner, "bare", g.LOWER))
        if not bare:
            return self.said_age(i)
        j = i - 2
        while j >= 0 and self.free(j) and self.tokens[j].low in ("just", "who", "is", "was", "she", "he"):
            j -= 1
        owner = self.copula_subject(i) if asker else None  # "im 70, draw me fishing", "they are
        # 70" (sent as written); "... a 90yo wizard lmao im 23 btw": "im" says whose age it is, not the clause's first
        owner = owner if owner is not None else self.owner_at(j) if prev.text in ",(" else self.subject_before(i)
        if owner is None and CONTRACTED_PRONOUN.match(prev.low) and self.free(i - 1):
            owner = self.bind(i - 1, role="subject")  # "hes 80 and still fishing"
        if owner is None and set_off:
            owner = self.sole_person_before(i)  # "a man reading a book, 50, smiling": no one else it can be
        if owner is None:
            return False
        if (listed := self.number_list(i)) is not None and self.persons[owner].number == "pl":
            k, ages = listed
            first = i - 1 if prev.low in SPEAKER_FORMS or prev.low in COPULAS else i
            if first < i and (a := self.tok(k + 1)) is not None and a.low == "and" and self.free(k + 1):
                k += 1  # "my sons are 8 and 10 and love soccer" -> "my sons love soccer"
            elif (start := self.said_by_pronoun(i)) is not None and start > 0 and (
                    (a := self.tok(k + 1)) is None or a.text in ".;!?"):  # fmt: skip
                first = start - ((c := self.tok(start - 1)) is not None and c.text == "," and self.free(start - 1))
                k += a is not None and start in self.starts and self.free(k + 1)  # the sentence goes whole
                # "two men fishing, they are 70 and 72" -> "two old men fishing", not "..., they"
            # "my sons are 8 and 10", "we are 8 and 10": each one's age (the first was varied, the others went out as
            # written)
            return self.hold_member_ages(owner, first, k, ages)
        if last == i and nxt is not None and (o := self.tok(i + 2)) is not None and nxt.low in YEARS_WORDS and (
                o.low in ("old", "young") and self.free(i + 1) and self.free(i + 2)):  # fmt: skip
            # "she is 82 years young": the phrase writes "75 years old" (a decoy's "10 years young" is no child's)
            return self.age_of(owner, value, t.text, i, i + 2, AgePhrase(owner, "years", g.LOWER))
        return self.age_of(owner, value, t.text, i, last, AgePhrase(owner, "bare", g.LOWER))

    def age_after_and(self, i: int, ends: bool = True) -> int | None:
        """The person a number at token i is the age of, where it follows "and" after one word said of them by a
        copula: "she is bald and 45", "i'm bald and 45" (the word held back as a proxy, the number went out as
        written); `age_after_predicate` reads it after a varied word. Else None."""
        a, said, k = self.tok(i - 1), self.tok(i - 2), i - 3
        while k > i - 6 and (w := self.tok(k)) is not None and w.kind in ("word", "num") and not (
                w.low in COPULAS or w.low in SPEAKER_FORMS or CONTRACTED_PRONOUN.match(w.low)):  # fmt: skip
            k -= 1  # "i'm 6 feet tall and 30": back over what else is said to the copula
        copula = self.tok(k)
        if a is None or a.low != "and" or not self.free(i - 1) or said is None or not said.is_word or copula is None or (
                ends and (nxt := self.tok(i + 1)) is not None and nxt.is_word and nxt.low not in ("and", "but")):  # fmt: skip
            return None
        if copula.low in SPEAKER_FORMS:
            return self.copula_subject(k + 1)
        if CONTRACTED_PRONOUN.match(copula.low) and self.free(k):
            return self.bind(k, role="subject")
        return self.subject_before(k) if copula.low in COPULAS else None

    def age_after_predicate(self, owner: int, last: int) -> None:
        """"hes asian and 25", "she is Korean and 30": a number after "and" that ends what is said of someone is
        their age (round 60: "25" went out beside every decoy)."""
        a, n, nxt = self.tok(last + 1), self.tok(last + 2), self.tok(last + 3)
        years = (int(n.low) if n.low.isdigit() else years_written(n)) if n is not None else None
        if a is None or a.low != "and" or years is None or not 0 < years <= 120 or not (
                self.free(last + 1) and self.free(last + 2)) or (nxt is not None and nxt.is_word and nxt.low not in (
                "and", "but")) or (nxt is not None and not nxt.is_word and nxt.text not in ",.;!?)"):  # fmt: skip
            return  # "She is Kenyan and twenty-four" in words too (round 63: sent in all 10 candidates)
        self.age_of(owner, years, n.text, last + 2, last + 2, AgePhrase(owner, "bare", g.LOWER))

    def appositive_decade(self, i: int) -> bool:
        """"a man, mid-50s, grilling", "a woman, early 30s, smiling", "a man (60s)": a decade with early/mid/late, or
        in brackets, set off right after a person is that person's age, written as a number in the decade."""
        first, j = i, i
        if self.tokens[i].low in ("like", "~", *APPROXIMATE) and (d := self.tok(i + 1)) is not None and (
                decade_years(d) is not None or d.low in ("early", "mid", "late")):  # fmt: skip
            j = i = i + 1  # "a dude in a suit idk, like 40s, serious face" (sent as written, round 74): the hedge goes
            # with the age it hedges
        if self.tokens[i].low in ("early", "mid", "late"):
            j = i + 2 if (d := self.tok(i + 1)) is not None and d.text == "-" else i + 1
        decade = self.tok(j)
        if decade is None or not all(self.free(k) for k in range(first, j + 1)) or decade_years(decade) is None:
            return False
        before, after = self.tok(first - 1), self.tok(j + 1)
        if first < j and (pid := self.looks_aged_like(first)) is not None:  # "make her look older like 60s"
            return self.age_of(pid, decade_years(decade) or 0, decade.text, first, j,
                               AgePhrase(pid, "about", g.LOWER, word="like"))  # fmt: skip
        if before is not None and before.is_word and first == j and (pid := self.owner_at(first - 1)) is not None and (
                (found := self.noun(before)) is not None and found[0].cls == "person" and found[0].states()) and (
                after is None or after.text in ",;"):  # fmt: skip
            # "a muscly guy 30s, tatted up": a decade right after a noun that says who, then a tag's end, is their
            # age, as "girl 16," is (round 57: refused as a stray number)
            return self.age_of(pid, decade_years(decade) or 0, decade.text, first, j, AgePhrase(pid, "bare", g.LOWER))
        if before is None or before.text not in (",", "(") or (after is not None and after.text not in ",;.)!?"):
            return False
        then = self.tok(j + 2)
        part = []  # the next comma part: "mature female, 40s, office lady": a tag of the same person follows
        for k in range(j + 2, len(self.tokens)):
            if self.tokens[k].text in ",;.":
                break
            part.append(self.tokens[k])
        doing = after is not None and after.text == "," and then is not None and (self.ing(then) or any(
            w.is_word and (n := self.noun(w)) is not None and n[0].number == "sg" for w in part) or (
            then.is_word and "a" in (tags := self.lex.tags(then.core)) and "n" not in tags and then.core not in g.CLOSED))  # fmt: skip
        # "woman, 40s, tired, waiting at a bus stop": an adjective of someone's state next (round 72: refused)
        sheet = (tag := self.tok(first - 2)) is not None and tag.low in ("male", "female") and (
            (c := self.tok(first - 3)) is not None and c.text == ",")  # fmt: skip
        if not sheet and (k := self.used.get(first - 2)) is not None and isinstance(self.spans[k][2], Phrase) and (
                self.spans[k][1] == first - 2 and not self.spans[k][2].det and (
                    (c := self.tok(self.spans[k][0] - 1)) is not None and c.text == ",")):  # fmt: skip
            sheet = True  # "masterpiece, mature female, 40s, kitchen": a later tag that is a person, then their age
            # (refused, round 75); a first one may be followed by a decade's style ("old man, 80s, synthwave")
        # "fantasy warrior, male, 30s, sword": a character sheet's tags, gender then age, of one person (was refused)
        if first == j and before.text != "(" and not decade.low.startswith(("early-", "mid-", "late-")) and not (
                doing or sheet):  # fmt: skip
            return False  # "a man, 80s, synthwave" may be the decade's style: refused as a stray age, not guessed;
            # "Woman, 60s, gardening in a straw hat" says what she does next, a stock caption's age (was refused)
        pid = self.owner_at(first - 2)
        if pid is None and (decade.low.startswith(("early", "mid", "late")) or first != j or sheet):
            pid = self.sole_person_before(first)  # "a man who is younger than he looks, mid-twenties"
        if pid is None:
            return False
        return self.age_of(pid, decade_years(decade), decade.text, first, j, AgePhrase(pid, "bare", g.LOWER))

    def sole_person_before(self, i: int) -> int | None:
        """The one person named in token i's sentence before it, when there is exactly one and no one else has
        been named before in the prompt: what a set-off age there can only be said of."""
        before = self.tok(i - 2)
        if before is not None and before.is_word and (before.core in self.lex.senses.animals or (
                before.core.removesuffix("s") in self.lex.senses.animals)):  # fmt: skip
            return None  # "a man and his dog, 3, playing": the dog's age
        sentence = max(k for k in self.starts if k <= i)
        named = {k for k, p in enumerate(self.persons) if p.anchor < i and not p.pronoun_only}
        if len(named) != 1:
            return None
        pid = next(iter(named))
        p = self.persons[pid]
        return pid if p.number == "sg" and p.anchor >= sentence else None

    def said_age(self, i: int) -> bool:
        """A number said of a clause's person by a verb of being or seeming, maybe approximate: "a woman who looks
        about 60", "she is about 60 and ...", "a man, who must be 90,", "he seems around 70": an age statement of
        that person (the approximating word stays as written). Not a quantity: "looks 80 percent done"."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        years = int(t.low) if t.low.isdigit() else ish_years(t.low) if t.kind == "num" else None
        if years is None or not 0 < years <= 120:
            return False
        k = i - 1
        if (a := self.tok(k)) is not None and (a.low in APPROXIMATE or a.low == "like") and self.free(k):
            k -= 1  # "he's about 60", "(he's like 60)": after a being verb "like" approximates too
            while (w := self.tok(k)) is not None and (w.low in AGE_COMPARATIVES or w.text == ",") and self.free(k):
                k -= 1  # "make her look older like 60ish" (sent as written, round 74)
            speaker = k
            while (w := self.tok(speaker)) is not None and w.low in ("both", "all") and self.free(speaker):
                speaker -= 1
            if (w := self.tok(speaker)) is not None and w.low in SPEAKER_FORMS and self.free(speaker) and (
                    owner := self.copula_subject(speaker + 1)) is not None:  # fmt: skip
                # "im like 22", "we're both like 22", "were both around 22" (round 78: sent as written)
                return self.age_of(owner, years, t.text, i, i, AgePhrase(owner, "bare" if t.low.isdigit() else "ish",
                                                                         g.LOWER))  # fmt: skip
        verb = self.tok(k)
        if verb is None or verb.low not in BEING_VERBS or not self.free(k) or (k == i - 1 and verb.low in COPULAS):
            return False  # a copula right before the number is `bare_age`'s
        if nxt is not None and nxt.is_word and not self.ing(nxt) and nxt.low not in ("and", "but", "or", "now", "today") \
                and nxt.core not in self.lex.adjectives and nxt.low not in g.CHAT_WORDS:  # fmt: skip  # "shes like 23
            # asian long hair": her words; "make her look older like 60ish pls" (round 75)
            return False  # "looks 80 percent done", "is about 60 years old" (`years_old` reads that)
        owner = self.subject_before(k + 1 if CONTRACTED_PRONOUN.match(verb.low) else k)  # "he's like 60": he says it
        if owner is None and CONTRACTED_PRONOUN.match(verb.low) and self.free(k):
            owner = self.bind(k, role="subject")  # "shes like 23": typed without its apostrophe (round 56: sent)
        if owner is None and verb.low in LOOK_VERBS and (o := self.tok(k - 1)) is not None and (
                o.low in ("him", "her", "me", "us") and self.free(k - 1)):  # fmt: skip
            # "make him look 70", "make me look 70": the one made to look so (sent as written)
            owner = self.bind(k - 1, role="object") if o.low in ("him", "her") else self.speaker(k - 1, (
                "sg" if o.low == "me" else "pl"))  # fmt: skip
        if owner is None:
            return False
        kind = "bare" if t.low.isdigit() else "ish"
        return self.age_of(owner, years, t.text, i, i, AgePhrase(owner, kind, g.LOWER))

    def approximate_age(self, i: int) -> bool:
        """"a man around 40", "a woman over 70", "kids under 10": a person, a bound word, a number that is no
        quantity ("a man with over 40 books" counts books)."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        value = years_written(t)
        bound = self.age_bound(i)  # "no older than ten", "younger than 5": said as a bound, written as one
        if bound is not None and value is not None and 0 < value <= 120:
            return self.bounded_age(i, bound)
        # "a kid (boy, like 6)", "a dude like 40ish": "like" approximates an age set off after a person, or an "-ish"
        # one right after them (round 55: both sent as written); "looks like 6 feet" is no age
        looked = self.looks_aged_like(i - 1) if prev is not None and prev.low == "like" else None
        hedged = prev is not None and prev.low == "like" and (h := self.tok(i - 2)) is not None and (
            h.low in HEDGES and h.low != "like" and self.free(i - 2) and (c := self.tok(i - 3)) is not None and c.text in ",(")
        # "teen girl, prob like 15, emo": a hedge before "like" (round 87: sent as written beside every decoy)
        joined = self.age_after_and(i - 1, ends=False) if prev is not None and prev.low == "like" else None
        said_and = joined is not None and t.low.isdigit()  # "shes punjabi and like 80": a hedged age joined to what
        # is said of her (round 88: sent as written)
        like = prev is not None and prev.low == "like" and self.free(i - 1) and (w := self.tok(i - 2)) is not None and (
            w.text in ",(" or hedged or said_and or looked is not None or (
                ish_years(t.low) is not None and self.owner_at(i - 2) is not None) or (
                t.low.isdigit() and self.owner_at(i - 2) is not None and (nxt is None or not nxt.is_word or self.ing(nxt)
                                                                           or nxt.low in CLAUSE_JOINERS)))
        # ("a guy like 30 skateboarding": right after him, before what he does, his age; round 79 sent it as written)
        if value is None or not 0 < value <= 120 or prev is None or (prev.low not in APPROXIMATE and not like):
            return False
        if like:
            nxt2 = self.tok(i + 1)
            ends = nxt2 is None or not nxt2.is_word or self.ing(nxt2) or ish_years(t.low) is not None or (
                nxt2.low in CLAUSE_JOINERS or nxt2.low in YEARS_WORDS) or (  # "hes like 80 n loves fishing",
                # "smiling, like 14 yrs" (round 104: sent as written beside every decoy)
                looked is not None and "n" not in self.lex.tags(nxt2.core))  # fmt: skip  # "... like 30 in a photo"
            start = i - 2 if hedged else i - 1
            ends = ends or said_and
            pid = (looked if looked is not None else joined if said_and else self.owner_set_off(start)) if ends else None
            if pid is None and ends and (c := self.tok(start - 1)) is not None and CONTRACTED_PRONOUN.match(c.low) and (
                    self.free(start - 1)):  # fmt: skip
                pid = self.bind(start - 1, role="subject")  # "my grandpa hes like 80 n loves fishing" (round 104)
            if pid is not None and ish_years(t.low) is not None:  # "like 45-ish": the "-ish" kept, so it reads back
                return self.age_of(pid, value, t.text, i, i, AgePhrase(pid, "ish", g.LOWER))
            return pid is not None and self.age_of(pid, value, t.text, start, i,
                                                   AgePhrase(pid, "about", g.LOWER, word="like"))  # fmt: skip
        after_person = self.owner_at(i - 2) is not None and (nxt is None or not nxt.is_word or self.ing(nxt))
        if not t.low.isdigit() and (self.tok(i - 2) is None or self.tokens[i - 2].text not in ",(") and not (
                (ish_years(t.low) or 0) > 12) and not after_person:  # fmt: skip
            # ("Two boys around ten building a treehouse": right after the people, before what they do, their age;
            # it went out beside "Two old women", round 78)
            return False  # in words only set off by commas or brackets ("a man, around sixty, fishing", "teenage girl
            # (around fifteen)", round 89: sent as written); not "about ten dogs";
            # "-ish" says an age ("a woman around thirty-ish"), or a time up to 12 ("arriving around eight-ish")
        if not self.free(i - 1) or (nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core)
                                    and nxt.core not in ("years", "year", "yrs") and not self.ing(nxt)):  # fmt: skip
            return False
        first = i - 1
        while (w := self.tok(first - 1)) is not None and w.low in NEGATING and self.free(first - 1):
            first -= 1  # "a woman, definitely not over 25, smiling": went out as written beside every decoy
        negated = any(self.tokens[k].low in ("not", "no", "never") for k in range(first, i - 1))
        if negated and prev.low not in ("over", "under"):
            return False  # "not about 40" says nothing one can vary
        pid = self.owner_set_off(first)
        if pid is None and (c := self.tok(first - 1)) is not None and c.low in COPULAS and self.free(first - 1):
            pid = self.subject_before(first)  # "a guy who is definitely not over 25" (round 103: sent as written)
        if pid is None:
            return False
        last = self.range_end(i)
        years = self.range_years(i, last)
        if negated:  # not over 25 is under it; written "around" the years on its side
            years = years - 5 if prev.low == "over" else years + 5
            return self.age_of(pid, years, t.text, first, last, AgePhrase(pid, "around", g.LOWER, word="around"))
        return self.age_of(pid, years, t.text, i - 1, last, AgePhrase(pid, prev.low, g.LOWER, word=prev.text))

    def not_yet(self, i: int) -> bool:
        """"a woman who is not yet forty", "a man, not yet 30,": under that age, written "around" the years below it
        ("who is around 35"), as "not over 25" is (round 55: sent as written, the age not varied)."""
        no, yet = self.tok(i - 2), self.tok(i - 1)
        years = years_written(self.tokens[i])
        if no is None or yet is None or (no.low, yet.low) != ("not", "yet") or years is None or not 5 < years <= 120 or (
                not self.free(i - 2) or not self.free(i - 1)):  # fmt: skip
            return False
        verb = self.tok(i - 3)
        pid = self.subject_before(i) if verb is not None and verb.low in COPULAS else self.owner_set_off(i - 2)
        if pid is None:
            return False
        return self.age_of(pid, years - 5, self.tokens[i].text, i - 2, i, AgePhrase(pid, "around", g.LOWER, word="around"))

    def looks_aged_like(self, k: int) -> int | None:
        """The person of "make her look older like 60", "he looks younger like 30" where token k is the "like": the
        age the picture gives them, varied as theirs (round 82: "like 60s" went out beside "make him look older")."""
        like, comparative, verb = self.tok(k), self.tok(k - 1), self.tok(k - 2)
        if like is None or like.low != "like" or comparative is None or comparative.low not in AGE_COMPARATIVES or (
                verb is None or verb.low not in LOOK_VERBS or not all(self.free(m) for m in range(k - 2, k + 1))):  # fmt: skip
            return None
        if (o := self.tok(k - 3)) is not None and o.low in ("him", "her") and self.free(k - 3):
            return self.bind(k - 3, role="object")  # pronouns are read after ages: bound here, once
        return self.owner_at(k - 3)

    def owner_set_off(self, first: int) -> int | None:
        """The person an age phrase starting at token `first` is said of: the one whose phrase ends right before it
        ("a man around 70"), back over commas and brackets ("a man, around 70, reading"), or, where it is set off,
        the nearest person ("a man in a cardigan, around 70,")."""
        j = first - 1
        while (c := self.tok(j)) is not None and c.text in (",", "(") and self.free(j):
            j -= 1
        pid = self.owner_at(j)
        if pid is None and j < first - 1:
            pid = self.nearest_person(first)
        return pid

    def age_bound(self, i: int) -> int | None:
        """The first token of "(no|not) older|younger than" right before token i, or None."""
        than, comparative = self.tok(i - 1), self.tok(i - 2)
        if than is None or than.low != "than" or comparative is None or comparative.low not in AGE_COMPARATIVES:
            return None
        first = i - 3 if (n := self.tok(i - 3)) is not None and n.low in ("no", "not") else i - 2
        while (w := self.tok(first - 1)) is not None and w.low in NEGATING and self.free(first - 1):
            first -= 1  # "a woman, definitely not older than 25": the hedge goes with the bound (round 56: sent)
        return first if all(self.free(k) for k in range(first, i)) else None

    def bounded_age(self, i: int, first: int) -> bool:
        """ "a boy, no older than ten, selling lemonade": the bound is the person's age (sent as "no older than 10"
        in the real candidate, "no older than 75" in an old one), never the words as typed beside every value."""
        pid = self.owner_set_off(first)
        if pid is None:
            return False
        word = self.prompt[self.tokens[first].start : self.tokens[i - 1].end]
        return self.age_of(pid, years_written(self.tokens[i]) or 0, self.tokens[i].text, first, i,
                           AgePhrase(pid, "about", g.LOWER, word=word))  # fmt: skip

    def between_ages(self, i: int) -> bool:
        """"a woman between 30 and 40 years old", "a man, between 50 and 60,": a range after a person."""
        t, n = self.tokens[i], self.tok(i + 1)
        if t.low != "between" or n is None or not n.low.isdigit() or not 0 < int(n.low) <= 120 or not self.free(i + 1):
            return False
        first = i
        while (c := self.tok(first - 1)) is not None and c.low in RANGE_HEDGES and self.free(first - 1):
            first -= 1  # "a man somewhere between 45 and 50": the hedge goes with the range (sent as written, round 80)
        j = first - 1
        while (c := self.tok(j)) is not None and c.text in (",", "(") and self.free(j):
            j -= 1
        pid, last = self.owner_at(j), self.range_end(i + 1)
        if pid is None or last == i + 1:
            return False  # "between 3 and 4 pm" has no person before it; a lone number is no range
        return self.age_of(pid, self.range_years(i + 1, last), n.text, first, last, AgePhrase(pid, "aged", g.LOWER,
                                                                                            word="aged"))  # fmt: skip

    def possessive_ordinal(self, i: int) -> bool:
        """"celebrating her 90th": an ordinal after a possessive, with no noun after it."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        m = ORDINAL.match(t.low)
        if m is None or prev is None or prev.core not in ("his", "her", "their"):
            return False
        if nxt is not None and nxt.is_word and nxt.core not in g.CLOSED:
            return False
        pid = self.bind(i - 1, plural=prev.core == "their")
        return self.age_of(pid, int(m.group(1)), t.text, i, i, AgePhrase(pid, "ordinal", g.UPPER if t.text.isupper() else g.LOWER))

    def years_old(self, i: int, years: int) -> bool:
        """"a girl, 8 yo", "70 years old", "ten years old" after a person."""
        t, y, o = self.tokens[i], self.tok(i + 1), self.tok(i + 2)
        if y is not None and y.low in YO_ABBREVIATIONS and self.free(i + 1):
            last = i + 1
        elif y is not None and o is not None and y.low in YEARS_WORDS and o.low in ("old", "young"):
            last = i + 2  # "82 years young": an age said with a smile, written "75 years old"
        elif y is not None and o is not None and y.low in ("decades", "decade") and o.low == "old" and years < 13:
            last, years = i + 2, years * 10  # "A man, six decades old, climbing" (sent as written, round 77)
        elif y is not None and o is not None and y.low in YEARS_WORDS and o.low == "of" and (
                (a := self.tok(i + 3)) is not None and a.low == "age" and self.free(i + 3)):  # fmt: skip
            last = i + 3  # "A boy, eleven years of age, flying a kite" (refused as a stray number, round 76)
        elif y is not None and o is not None and y.low in INFANT_UNITS and o.low == "old" and self.free(i + 2):
            return self.infant_age(i)
        else:
            return False
        if self.dated_by_event(i):
            return False  # "retired at 55 years old": the age leaves with the event it dates (`age_at_event`)
        pid = self.nearest_person(i)
        if pid is None:
            pid = self.subject_before(i)  # "she looks about 70 years old"
        if pid is None and (v := self.tok(i - 1)) is not None and v.low in SPEAKER_FORMS:
            pid = self.copula_subject(i)  # "I am 70 years old, draw me" (was "I am old person")
        if pid is None:
            pid = self.age_after_and(i, ends=False)  # "she is Korean and 30 years old" (was "and young person")
        if pid is None and (not t.low.isdigit() or (not self.persons and (v := self.tok(i - 1)) is not None and (
                v.low in BEING_VERBS or v.low in AGE_ADVERBS or v.low == "and" or (
                    v.low in APPROXIMATE and (b := self.tok(i - 2)) is not None and b.low in BEING_VERBS)))):  # fmt: skip
            return False  # "the house is ten years old": a word number with no one to be that age; "the bridge is
            # not yet 10 years old", "the bridge is over 70 years old" in a prompt that names no one ("25 year old" alone
            # is someone, refused)
        if pid is None:
            raise self.refuse(t, "an age with no person to attach it to; name the person it describes")
        prev = self.tok(i - 1)
        if not t.low.isdigit() and prev is not None and prev.low in APPROXIMATE and self.free(i - 1):
            # "about ten years old", written as "about 10 years old" is ("about 10"), so that a decoy reads back alike
            return self.age_of(pid, years, t.text, i - 1, last, AgePhrase(pid, prev.low, g.LOWER, word=prev.text))
        return self.age_of(pid, years, t.text, i, last, AgePhrase(pid, "years", g.LOWER))

    def infant_age(self, i: int, last: int | None = None) -> bool:
        """"A toddler, about 18 months old", "a baby, six weeks old": an age in months, weeks or days is a small
        child's. Held back (the device keeps it; written in years it would be ten), the child said in the person's
        phrase ("A little child, stacking blocks"), varied as any age (round 55: sent beside "An old person")."""
        first, last = i, i + 2 if last is None else last
        if (a := self.tok(i - 1)) is not None and a.low in APPROXIMATE and self.free(i - 1):
            first = i - 1  # "about 18 months old"
        prev, k = self.tok(first - 1), first - 1
        while (w := self.tok(k)) is not None and w.low in AGE_ADVERBS and self.free(k):
            k -= 1
        if (verb := self.tok(k)) is not None and verb.low in COPULAS and (pid := self.subject_before(k)) is not None:
            # "my son is only 3 days old": written in years ("is only 10 years old"), as the copula needs a predicate
            return self.age_of(pid, 0, self.tokens[i].text, i, last, AgePhrase(pid, "years", g.LOWER))
        pid = self.nearest_person(first) if prev is not None and prev.text in ",(" else self.owner_at(first - 1)
        if pid is None and k < first - 1 and (c := self.tok(k)) is not None and c.text in ",(":
            pid, first = self.nearest_person(k + 1), k + 1  # "a newborn, just 3 days old,": the adverb goes with it
            # (round 86: sent beside "an old person")
        if pid is None:
            return False  # "a puppy, 8 weeks old", "the cheese is 18 months old"
        person = self.persons[pid]
        person.state("age", "child", True, self.tokens[i].text)
        person.in_phrase.add("age")
        self.claim(first, last, Held(self.prompt[self.tokens[first].start : self.tokens[last].end], "an infant's age"))
        return True

    def stray_age(self, i: int) -> bool:
        """A number no rule placed that may be a person's age: right after the person ("a woman, 30s",
        "a man at 80", "kids under 10"), after "age"/"aged" ("age: 35", "aged seven"), or a decade
        before a person ("a 90s kid"). "3 dogs", "35mm", "the 90s", "80s fashion" are not ages."""
        t, prev = self.tokens[i], self.tok(i - 1)
        digits = re.fullmatch(r"(\d{1,3})(?:\.\d+)?(?:['’]?s)?(?:-\d{1,3})?", t.low) if t.kind == "num" else None
        number = (digits is not None and int(digits.group(1)) <= 120) or (
            t.is_word and t.core in g.NUMBER_WORDS and t.core not in ("one", "a")) or (
            t.is_word and decade_years(t) is not None)  # "a woman, fifties,": as ", 50s," is
        after = self.tok(i + 1)
        if not number or (after is not None and (after.text in ("'", "’", '"', "′", "″", "%") or after.low in TIME_UNITS)):
            return False  # "6'2\"" is a height, "3am" a time, "2049" and "1980s" are years
        if after is not None and after.low in ("years", "yrs") and (gap := self.tok(i + 2)) is not None and (
                gap.low in AGE_COMPARATIVES):  # fmt: skip
            return False  # "a man and his wife, 10 years younger": a gap between ages, no age (a wide one is held)
        if prev is not None and prev.text == ":" and after is not None and after.text == ")":
            return False  # "(old woman:1.3)": a front-end's prompt weight, on the words it wraps
        if self.list_number(i):
            return False  # "1) an old wizard 2) a young elf": a list's numbers
        if t.low in ("2", "4") and after is not None and (after.core in g.DETERMINERS or after.core in POSSESSIVE_DETERMINERS) and (
                prev is not None and prev.is_word):  # fmt: skip
            return False  # "waitin 4 the subway", "going 2 her place": chat's "for" and "to" (round 94: refused)
        if t.is_word and prev is not None and prev.core in POSSESSIVE_DETERMINERS and (
                (p := self.tok(i - 2)) is None or p.low != "in"):  # fmt: skip
            return False  # "a man dreaming of his childhood": a time of life looked back on, no age he is
        if prev is not None and prev.text == ":" and i >= 2 and self.tokens[i - 2].text == ":" and (
                self.tokens[i - 2].end == prev.start and prev.end == t.start):  # fmt: skip
            return False  # "a handsome man::2 a cityscape::1": a Midjourney weight on the words before it
        if prev is not None and prev.text == ":" and prev.start == self.tokens[i - 2].end and "." in t.low and (
                float(t.low.rstrip("s")) < 10):  # fmt: skip
            return False  # "male:0.8, female:0.2": a weight glued to its word, no parentheses (no age has a fraction)
        j = i - 1
        while j >= 0 and self.tokens[j].text in (",", ":", "(", "-"):
            j -= 1
        if j >= 0 and self.tokens[j].low in ("age", "aged", "ages"):
            return True
        if j >= 0 and self.tokens[j].low in ("over", "under", "at", "of", "around", "about", "nearly", "almost"):
            j -= 1
        said = self.spans[self.used[j]] if j in self.used else None  # "warrior, female, 30s": a predicate tag's person
        predicate = said is not None and isinstance(said[2], Predicate) and said[1] == j
        if (self.owner_at(j) is not None or predicate) and (prev is None or prev.low not in ("with", "and")):
            nxt = self.tok(i + 1)
            if nxt is not None and g.two_word_number(t, nxt) is not None:
                nxt = self.tok(i + 2)  # "a man twenty one years old": one number in two words
            return nxt is None or not nxt.is_word or nxt.core in ("years", "year", "yrs", "y.o", "yo") or (
                ("n" not in self.lex.tags(nxt.core) or nxt.core in g.CLOSED) and nxt.core not in self.lex.nouns)
        nxt = self.tok(i + 1)
        decade = DECADE_NUM.match(t.low) is not None
        return decade and (prev is None or prev.low not in ("the", "'")) and nxt is not None and (
            self.owner_at(i + 1) is not None or (self.used.get(i + 1) is not None and isinstance(
                self.spans[self.used[i + 1]][2], Phrase)))

    def list_number(self, i: int) -> bool:
        """Token i numbers an item of a list ("1) an old wizard 2) a young elf"): a number that closes no bracket,
        next to one before or after it in the count ("a man 30)" is no list)."""

        markers, depth = {}, 0  # token -> the number of each "N)" outside brackets, read in one pass
        for k, t in enumerate(self.tokens):
            after = self.tok(k + 1)
            if depth == 0 and t.kind == "num" and t.low.isdigit() and after is not None and after.text == ")":
                markers[k] = int(t.low)
            depth += (t.text == "(") - (t.text == ")" and depth > 0)
        n = markers.get(i)
        return n is not None and any(m in (n - 1, n + 1) for k, m in markers.items() if k != i)


# ordinals that are no cardinal with "th": the rest drop "th" ("fourth"), or "ieth" for "y" ("fiftieth")
ORDINAL_CARDINALS = {"first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight",
                     "ninth": "nine", "twelfth": "twelve"}  # fmt: skip


def spelled_ordinal(word: str) -> int | None:
    """ "first" -> 1, "fiftieth" -> 50, "twenty-first" -> 21 (the cardinal `grammar.number_value` reads), up to
    "ninety-ninth"; else None."""
    tens, dash, last = word.rpartition("-")
    if last in ORDINAL_CARDINALS:
        cardinal = ORDINAL_CARDINALS[last]
    elif last.endswith(("ieth", "th")):
        cardinal = last[:-4] + "y" if last.endswith("ieth") else last[:-2]
    else:
        return None
    value = g.number_value(f"{tens}{dash}{cardinal}")
    return value if value is not None and 0 < value < 100 else None


def years_written(t: Token) -> int | None:
    """The number a token writes in digits or in words ("19", "nineteen", "thirty-ish"), never "one" (a pronoun as
    often)."""
    if t.low.isdigit():
        return int(t.low)
    spelled = g.number_value(t.low) if t.is_word and t.low != "one" else None
    return spelled if spelled is not None else ish_years(t.low)


RANGE_HEDGES = frozenset("somewhere anywhere roughly probably maybe".split())  # before "between 45 and 50"
ECHO_FROM = 10  # a number repeating an age is held from here (`hold_echoed_ages`)
QUOTE_MARKS = "'\"‘’“”"
WRITTEN_VERBS = frozenset("read reads reading say says saying spell spells spelling".split())  # what a sign says
BIRTHDAY_CUES = ("birthday", "bday", "cake", "candle", "balloon", "turning", "turns", "turned")  # a scene of years


def said_years(said: str) -> int | None:
    """The years an age as written states in a number ("50", "25-year-old", "fifty-year-old", "30yo"), else None
    ("old", "in her 70s" names a decade, not a number another word could repeat)."""
    low = said.lower()
    if (m := YEAR_OLD.match(low)) is not None:  # "25-year-old", "fifty-year-old" (a month-old's says no years)
        return age_in_years(m.group(1), m.group(2)) or None
    digits = re.match(r"(\d+)(?:[\s-]*(?:year|yr|yo|y/o|years)\b|$)", low)  # "50", "30yo", "8 yo"
    return int(digits.group(1)) if digits is not None else g.number_value(low)


# the words between the ages of a group's members: "one 5 and one 12", "one 3, the other 7", "one 4, another 6"
MEMBER_WORDS = frozenset("one the other another and".split())
# "a man in old age", "a woman well past middle age", "of advanced age": the years a reader gives the stage
AGE_NOUN_YEARS = {"old": 75, "advanced": 75, "middle": 45, "ripe": 80}
NEGATING = frozenset("not no never definitely definately certainly surely clearly".split())  # before "over 25": its side flips
