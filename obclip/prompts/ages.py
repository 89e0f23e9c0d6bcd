"""Age expressions bound to a person ("in her 70s", "aged 45", "turning 50") and numbers that may be ages.

An expression becomes an `AgePhrase` rendered from fixed numbers per value; a number next to a person
that no rule places is refused rather than sent ("woman, 30s").
"""

from __future__ import annotations

import re

from obclip.prompts import grammar as g
from obclip.prompts.cues import CURRENT_YEAR, DECADE_NUM, ORDINAL, decade_years
from obclip.prompts.template import AgePhrase, Phrase


class AgesMixin:
    """Passes of `obclip.prompts.parse._Parser` that find ages (mixed in)."""

    def mark_age_phrases(self) -> None:
        toks = self.tokens
        for i, t in enumerate(toks):
            if not self.free(i) or not t.is_word:
                continue
            if t.low == "in" and self.free(i + 1) and (p := self.tok(i + 1)) is not None:
                if p.core in ("his", "her", "their"):
                    j = i + 2
                    if self.free(j) and toks[j].low in ("early", "mid", "mid-", "late"):
                        j += 1
                    decade = self.tok(j)
                    years = decade_years(decade) if decade is not None and self.free(j) else None
                    dash, upper = self.tok(j + 1), self.tok(j + 2)
                    if years is not None and dash is not None and dash.text == "-" and upper is not None:
                        if decade_years(upper) is not None:
                            j += 2  # "in her 20s-30s": the lower bound speaks for the range
                    if years is not None:
                        pid = self.bind(i + 1, plural=p.core == "their")
                        person = self.persons[pid]
                        self.check_agreement(person, p, i + 1)
                        person.state("age", g.age_value(years), True, decade.text)
                        seg = AgePhrase(pid, "decade", self.phrase_case(i, j), g.token_case(p.text), t.text,
                                        plural=p.core == "their")
                        self.claim(i, j, seg)
            elif t.low in ("aged", "age") and (n := self.tok(i + 1)) is not None and n.low.isdigit():
                if self.free(i + 1) and (pid := self.nearest_person(i)) is not None:
                    self.persons[pid].state("age", g.age_value(int(n.low)), True, n.text)
                    self.claim(i, i + 1, AgePhrase(pid, "aged", self.phrase_case(i, i + 1), word=t.text))
        for i, t in enumerate(toks):
            if not self.free(i):
                continue
            if t.low in ("of", "turning", "pushing") and (pid := self.person_ending_at(i - 1 if t.low == "of" else None, i)) is not None:
                j = i + 1
                if self.free(j) and toks[j].low in ("about", "around", "nearly", "almost", "roughly"):
                    j += 1
                years = g.number_value(toks[j].text) if self.free(j) and j < len(toks) else None
                nxt = self.tok(j + 1)
                nxt_tags = self.lex.tags(nxt.core) if nxt is not None else ""
                counted = nxt is not None and nxt.is_word and (self.noun(nxt) is not None or (
                    "n" in nxt_tags and not nxt.core.endswith("ing") and nxt.core not in g.CLOSED))  # "of two children"
                if years is not None and not counted:
                    self.persons[pid].state("age", g.age_value(years), True, toks[j].text)
                    self.claim(i, j, AgePhrase(pid, t.low, g.LOWER, word=t.text))
                continue
            if t.kind == "num" and (m := ORDINAL.match(t.low)) and (b := self.tok(i + 1)) is not None:
                if b.low in ("birthday", "birthdays") and self.free(i + 1):
                    pid = self.nearest_person(i) if self.nearest_person(i) is not None else self.next_person(i)
                    if pid is None:
                        raise self.refuse(t, "a birthday with no person to attach it to; name the person or leave it out")
                    self.persons[pid].state("age", g.age_value(int(m.group(1))), True, t.text)
                    self.claim(i, i, AgePhrase(pid, "ordinal", g.LOWER))
                    continue
        for i, t in enumerate(toks):
            if not (self.free(i) and t.kind == "num"):
                continue
            prev, nxt = self.tok(i - 1), self.tok(i + 1)
            if t.low.isdigit() and prev is not None and prev.low == "in" and (b := self.tok(i - 2)) is not None:
                if b.low == "born" and 1900 <= int(t.low) <= CURRENT_YEAR:  # "a man born in 1950"
                    pid = self.nearest_person(i)
                    if pid is not None:
                        self.persons[pid].state("age", g.age_value(CURRENT_YEAR - int(t.low)), True, t.text)
                        self.claim(i, i, AgePhrase(pid, "born", g.LOWER))
                        continue
            bare = t.low.isdigit() and 0 < int(t.low) <= 120 and prev is not None and (
                (prev.text == "(" and nxt is not None and nxt.text == ")")
                or (prev.text == "," and (nxt is None or nxt.text in ",;.)!?" or (nxt.is_word and nxt.core.endswith("ing"))))
                or prev.low in ("is", "was", "turned", "turns", "'s", "aged"))  # fmt: skip
            if bare:  # "a man, 42,", "a woman (29)", "she is 32", "who just turned 5"
                j = i - 2 if prev.text in ",(" else i - 2
                while j >= 0 and self.free(j) and self.tokens[j].low in ("just", "who", "is", "was", "she", "he"):
                    j -= 1
                owner = self.owner_at(j) if prev.text in ",(" else self.subject_before(i)
                if owner is not None:
                    self.persons[owner].state("age", g.age_value(int(t.low)), True, t.text)
                    self.claim(i, i, AgePhrase(owner, "bare", g.LOWER))
                    continue
            if (m := ORDINAL.match(t.low)) and prev is not None and prev.core in ("his", "her", "their"):
                if nxt is None or not nxt.is_word or nxt.core in g.CLOSED:  # "celebrating her 90th"
                    pid = self.bind(i - 1, plural=prev.core == "their")
                    self.persons[pid].state("age", g.age_value(int(m.group(1))), True, t.text)
                    self.claim(i, i, AgePhrase(pid, "ordinal", g.LOWER))
                    continue
        for i, t in enumerate(toks):
            if self.free(i) and t.kind == "num" and t.low.isdigit():
                y, o = self.tok(i + 1), self.tok(i + 2)
                if y is not None and y.low in ("yo", "y/o") and self.free(i + 1):  # "a girl, 8 yo"
                    pid = self.nearest_person(i)
                    if pid is None:
                        raise self.refuse(t, "an age with no person to attach it to; name the person it describes")
                    self.persons[pid].state("age", g.age_value(int(t.low)), True, t.text)
                    self.claim(i, i + 1, AgePhrase(pid, "years", g.LOWER))
                    continue
                if y is not None and o is not None and y.low in ("years", "year", "yrs", "yr") and o.low == "old":
                    pid = self.nearest_person(i)
                    if pid is None:
                        raise self.refuse(t, "an age with no person to attach it to; name the person it describes")
                    self.persons[pid].state("age", g.age_value(int(t.low)), True, t.text)
                    self.claim(i, i + 2, AgePhrase(pid, "years", g.LOWER))

    def stray_age(self, i: int) -> bool:
        """A number no rule placed that may be a person's age: right after the person ("a woman, 30s",
        "a man at 80", "kids under 10"), after "age"/"aged" ("age: 35", "aged seven"), or a decade
        before a person ("a 90s kid"). "3 dogs", "35mm", "the 90s", "80s fashion" are not ages."""
        t, prev = self.tokens[i], self.tok(i - 1)
        digits = re.fullmatch(r"(\d{1,3})(?:\.\d+)?(?:['’]?s)?(?:-\d{1,3})?", t.low) if t.kind == "num" else None
        number = (digits is not None and int(digits.group(1)) <= 120) or (
            t.is_word and t.core in g.NUMBER_WORDS and t.core not in ("one", "a"))
        after = self.tok(i + 1)
        if not number or (after is not None and (after.text in ("'", "’", '"', "′", "″", "%") or after.low in (
                "am", "pm", "a.m", "p.m", "o'clock", "h", "hrs", "hours", "min", "mins", "minutes", "km", "kg", "mph"))):
            return False  # "6'2\"" is a height, "3am" a time, "2049" and "1980s" are years
        j = i - 1
        while j >= 0 and self.tokens[j].text in (",", ":", "(", "-"):
            j -= 1
        if j >= 0 and self.tokens[j].low in ("age", "aged", "ages"):
            return True
        if j >= 0 and self.tokens[j].low in ("over", "under", "at", "of", "around", "about", "nearly", "almost"):
            j -= 1
        if self.owner_at(j) is not None and (prev is None or prev.low not in ("with", "and")):
            nxt = self.tok(i + 1)
            return nxt is None or not nxt.is_word or nxt.core in ("years", "year", "yrs", "y.o", "yo") or (
                ("n" not in self.lex.tags(nxt.core) or nxt.core in g.CLOSED) and nxt.core not in self.lex.nouns)
        nxt = self.tok(i + 1)
        decade = DECADE_NUM.match(t.low) is not None
        return decade and (prev is None or prev.low not in ("the", "'")) and nxt is not None and (
            self.owner_at(i + 1) is not None or (self.used.get(i + 1) is not None and isinstance(
                self.spans[self.used[i + 1]][2], Phrase)))
