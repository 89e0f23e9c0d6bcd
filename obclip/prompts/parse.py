"""Parsing a prompt into a value-free template: person slots, pronouns, age phrases, held-back words.

The template is what every candidate shares. Each *person* (a noun phrase, a name, or someone
known only by pronouns) becomes a slot; the words that state its gender, age or ethnicity are
absorbed into the slot, so the cloud sees one canonical wording per value combination
(`obclip.prompts.render`) instead of the user's own words. What cannot be varied is held back
(left out of the cloud view and restored on the device): names, proxies such as "pregnant",
ethnicities outside the value space. Where a role or a binding cannot be decided the parse
refuses (`DetectionError`), naming the word: nothing is sent.

Words are judged by what they refer to in the sentence, not by their spelling: before any word is
read as a person, named things ("Statue of Liberty"), animals' titles ("the raccoon king") and words
whose usual sense is a thing ("a white robot") are kept as written, each with a reason
(`Template.kept`; `obclip.prompts.things`, `PhrasesMixin.not_a_person`).

The passes (`_Parser.run`, in this order; each claims the tokens it places, and a later pass reads only
tokens still free, so the order is the precedence):
 1. language check: English in plain Latin letters, or refuse (`obclip.prompts.language`);
 2. alternatives ("s/he", "man/woman") are refused; emoji and LoRA tags ("<lora:name:0.8>") are held back;
 3. named things, capitalised names of things and model names are kept (`things`);
 4. proxy phrases that hold a person word ("man bun") are held back; gendered compounds ("woman-owned");
 5. names, titles and artists (`names`): before noun phrases, so "Queen Elizabeth" is one person;
 6. person noun phrases (`phrases`): the head and its modifiers; "she is old" predicates;
 7. age expressions ("in her 70s", "aged 45"), bound to the persons of step 6;
 8. proxies ("pregnant", "beard") and origins ("from Nigeria"), once it is known whether anyone is there;
 9. pronouns, bound by position to the persons found;
10. residue: any attribute word no pass placed (a misspelling, a stray age) is refused.

State the passes share (all on `_Parser`): `tokens`, `starts` (sentence starts), `upper_mode` and
`title_mode` (what capitals mean here), `used` (token -> span) and `spans` (what each claimed run
becomes), `persons` (the referents), `names` (a name's person, for "the" on a repeat), `kept` (words
judged no person, with reasons).

Rules, each decided from the lexicon and syntax rather than the next word's spelling:
- a person noun heads a phrase; its determiner and modifiers to the left belong to it, and
  the attribute words among them move into the slot ("a little girl" -> child, female);
- a gendered pronoun binds to the nearest singular person before it, whatever the genders,
  so every candidate has the same binding; a pronoun that disagrees with that person is
  refused; a pronoun with no person before it is a person of its own ("she and her sister");
- the case of "her" (possessive or object) and "his" (possessive or standalone) follows the
  part of speech of what comes next (`pronoun_role`); ambiguous readings are refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from obclip.prompts import grammar as g
from obclip.prompts.ages import AgesMixin
from obclip.prompts.cues import (
    COLLECTIVES,
    COMPOUND_TAILS,
    FOREIGN_ATTRIBUTE_WORDS,
    GLUED_ROOTS,
    POSSESSIVE_DETERMINERS,
    STAGE_NOUNS,
    TYPO_TARGETS,
    YEAR_OLD,
    deletion_index,
    ing_form,
    is_emoji,
    one_edit,
    plain,
    sexual,
    transposed,
)
from obclip.prompts.language import check_english
from obclip.prompts.lexicon import Lexicon, Noun
from obclip.prompts.names import NamesMixin
from obclip.prompts.phrases import MIXED_GROUP, TAG_CHARACTERS, PhrasesMixin
from obclip.prompts.pronouns import PronounsMixin
from obclip.prompts.proxies import ProxiesMixin
from obclip.prompts.reading import ReadingMixin
from obclip.prompts.template import DetectionError, Held, Misspelt, Person, Phrase, Segment, Template
from obclip.prompts.things import NAMED, RELEASED, ThingsMixin
from obclip.prompts.tokens import Token, sentence_starts, tokenize

# prefixes that make a person of the noun after them whatever their case ("Ex-Wife", "Step-Mother")
PERSON_PREFIXES = frozenset("ex step grand great half foster god".split())
VERB_SUBJECTS = frozenset({"i", "we", "you", "they"})  # a title after one is a verb ("I miss you"), not a person


# --- the parser ------------------------------------------------------------------------------------------
# "w0man", "g1rl", "gr@ndma", "mi$$": a word with digits or signs for letters
LEET = re.compile(r"(?<![\w@$])(?=[A-Za-z0-9@$]*[A-Za-z])(?=[A-Za-z0-9@$]*[\d@$])[A-Za-z0-9@$]{3,}(?![\w@$])")
LEET_LETTERS = str.maketrans("013457@$", "oieasta" + "s")

# the words between the origins of a group's members: "one Korean and one Mexican", "he is Nigerian and she is Swedish"
MEMBER_FILLERS = frozenset("one the other another he she is 's he's she's while but".split())


class _Parser(ThingsMixin, ReadingMixin, NamesMixin, PhrasesMixin, AgesMixin, PronounsMixin, ProxiesMixin):
    """One parse: token state shared by the passes, which live in the mixins by topic."""

    def __init__(self, prompt: str, lex: Lexicon, proxies: str, gender_protected: bool = True) -> None:
        self.prompt, self.lex, self.proxies = prompt, lex, proxies
        self.gender_protected = gender_protected
        self.tokens = shout(tokenize(prompt), lex)
        self.index_of = {t.start: k for k, t in enumerate(self.tokens)}
        self.starts = sentence_starts(self.tokens)
        letters = [c for c in prompt if c.isalpha()]
        self.upper_mode = bool(letters) and not any(c.islower() for c in letters)
        # lower case but for origin words, which the cloud view capitalises ("walking in gion", "an African woman ...")
        self.lower_mode = all(not t.capitalised or getattr(lex.adjectives.get(t.core), "attribute", None) == "ethnicity"
                              for t in self.tokens if t.is_word and t.text != "I")  # fmt: skip
        words = [t for t in self.tokens if t.is_word and len(t.text) > 1 and t.low != "an"]  # "a" and "an" alike:
        # a decoy's article ("Portrait of an Old Woman" for "... of a Young Man") may not change how capitals read
        capitals = [t for t in words if t.capitalised]
        common = [t for t in capitals if set(lex.tags(t.core)) & set("nvar") and plain(t.core) not in lex.first_names]
        self.title_mode = (len(words) >= 3 and len(capitals) >= 0.7 * len(words) and len(common) >= 2
                           and all(t.capitalised for t in words if len(t.text) > 3))  # fmt: skip
        self.used: dict[int, int] = {}  # token index -> span id
        self.spans: list[tuple[int, int, Segment]] = []  # token spans (first, last, segment)
        self.persons: list[Person] = []
        self.names: dict[str, int] = {}
        self.saint_feasts: list[tuple[int, int]] = []  # "St. Patrick's Day": a feast's span, a proxy if anyone is there
        self.kept: list[tuple[int, int, str]] = []  # person-like words judged no person: (first, last, reason)
        self.named_spans: list[tuple[int, int]] = []  # names written as a person's phrase ("taylor swift")
        self.named_why: dict[int, str] = {}  # a named thing's first character -> why it is one (default NAMED)
        # the comma after a held-back name its appositive follows -> (the name's states, its key, whether strong)
        self.apposition: dict[int, tuple[dict[str, str], str, bool]] = {}
        self.apposed_names: dict[str, int] = {}  # a name an appositive says who is ("John, a firefighter"), where
        self.others: set[int] = set()  # the other of a couple, written "the other" (`other_of_pair`)
        self.went_on: dict[int, int] = {}  # subject pronouns bound to their sentence's subject (`subject_going_on`)
        self.names_again: list[int] = []  # and where it is said again, read once that person exists
        self.same_owner: dict[int, int] = {}  # a possessive of a kin noun named again -> the first one's possessive
        self.by_order: set[int] = set()  # heads of "the girl"-like mentions the cloud view writes "the latter"
        self.origin_told = False  # a proxy of an origin was held ("in a kimono"): see `hold_origins_of_things`
        self.askers: set[int] = set()  # persons the one asking is ("I", "me", "we"): no "he" or "she" binds to them
        self.named_after: list[tuple[int, str]] = []  # "a boy named Leo": the "named" token and the name's word

    # helpers
    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and i not in self.used

    def claim(self, first: int, last: int, segment: Segment) -> None:
        for i in range(first, last + 1):
            self.used[i] = len(self.spans)
        self.spans.append((first, last, segment))

    def phrase_case(self, first: int, last: int, named: bool = False) -> str:
        words = [t for t in self.tokens[first : last + 1] if t.is_word]
        if self.upper_mode or (words and all(t.shouted for t in words)):
            return g.UPPER
        if self.title_mode and len(words) > 1 and words[0].low in ("a", "an"):
            words = words[1:]  # "a Girl And Her Grandpa": an article is short, and title case leaves it be; the
            # phrase is in title case, so its decoys ("an Old Woman") keep the prompt in it
        # one capitalised word is title case where the whole prompt is ("Girl Holding A Balloon") or where no
        # sentence start asks for its capital ("a photo of Girl Sitting"), so that it reads back as its decoys'
        # two words do ("Old Man Holding A Balloon", "a photo of Old Woman Sitting")
        if not named and words and (len(words) > 1 or self.title_mode or first not in self.starts) and (
                all(t.capitalised for t in words)):  # fmt: skip
            return g.TITLE
        if named:
            return g.SENTENCE if first in self.starts else g.LOWER
        proper = words and first not in self.starts and getattr(self.lex.adjectives.get(words[0].core), "attribute",
                                                                 None) == "ethnicity"  # fmt: skip
        return g.SENTENCE if words and words[0].capitalised and not proper else g.LOWER  # "her Scottish groom"

    def noun(self, t: Token) -> tuple[Noun, str] | None:
        """The person noun `t` is, with a hyphenated prefix kept ("ex-wife" -> wife, "ex-")."""
        entry = self.lex.nouns.get(t.core)
        if entry is not None and t.core in STAGE_NOUNS and (k := self.index_of.get(t.start, 0)) > 0 and (
                self.tokens[k - 1].core in POSSESSIVE_DETERMINERS or self.tokens[k - 1].possessive):  # fmt: skip
            return None  # "in her youth", "remembering his youth": the time of being young, no young person (round
            # 83: "remind him of his young friend" was sent)
        if entry is not None:
            return entry, ""
        if self.lex.titles.get(t.core) and not t.capitalised and not self.after_verb_marker(t):
            return Noun("person", "sg", self.lex.titles[t.core]), ""  # "a portrait of a madam"; not "hard to miss"
        if "-" in t.core:
            if (joined := self.lex.nouns.get(t.core.replace("-", ""))) is not None:
                return joined, ""  # "a grand-mother": the noun spelt with a hyphen (sent as "grand-" + a varied "mother")
            prefix, _, last = t.core.rpartition("-")
            entry = self.lex.nouns.get(last)
            if entry is not None and t.text.rpartition("-")[2][:1].isupper() and not self.title_mode and not t.shouted and (
                    not self.upper_mode and "n" in self.lex.tags(prefix) and prefix not in self.lex.nouns
                    and prefix not in self.lex.adjectives and prefix not in PERSON_PREFIXES):  # fmt: skip
                return None  # "Spider-Man", "Iron-Man": a thing and a capital "Man" make a character's name
            if entry is not None and t.text[:1].isupper() and t.text.rpartition("-")[2][:1].isupper() and (
                    not self.lex.tags(prefix) and not self.title_mode and not self.upper_mode and not t.shouted):  # fmt: skip
                return None  # "Notre-Dame cathedral at dawn": a word no English dictionary has and a capital "Dame"
                # make a name, at a sentence's start too (round 83: the decoy "Notre-knight cathedral" was sent)
            said = self.lex.adjectives.get(prefix)
            if entry is not None and said is not None and said.attribute in self.lex.values and entry.ethnicity is None:
                return None  # "an elderly-gentleman": an attribute glued on, which the prefix would send as written
            if entry is not None and prefix not in ("year", "years"):
                return entry, t.text[: len(prefix) + 1]
        return None

    def ing(self, t: Token) -> bool:
        """`t` is a verb's -ing form ("walking"), not a word that merely ends so ("king", "ring")."""
        return ing_form(t.core, self.lex)

    def after_verb_marker(self, t: Token) -> bool:
        """`t` follows "to", an auxiliary or a subject pronoun, where a verb stands ("hard to miss", "don't miss",
        "I miss you": it went out as "I woman you")."""
        prev = self.tok(self.index_of.get(t.start, 0) - 1)
        return prev is not None and (prev.core == "to" or prev.core in g.AUXILIARIES or prev.low in VERB_SUBJECTS)

    def refuse(self, t: Token, why: str, exc: type[DetectionError] = DetectionError) -> DetectionError:
        return exc(f"{t.text!r} (character {t.start}): {why}")

    # passes
    def run(self) -> Template:
        check_english(self.prompt, self.tokens, self.lex)
        self.check_digits_for_letters()
        self.check_spelled_out()
        self.keep_heights()
        self.hold_negative_section()
        self.hold_handles()
        self.hold_self_tags()
        self.check_alternatives()
        self.mark_emoji()
        self.mark_named_things()
        self.mark_proxies(person_words_only=True)
        self.mark_gendered_compounds()
        self.mark_names()
        self.mark_figures_in_common_words(lower=True)  # "peter pan flying": no name read it, a figure all the same
        self.mark_glued_people()
        self.hold_count_tags()
        self.hold_mixed_origins()
        self.mark_noun_phrases()
        self.merge_glued_into_tag()
        self.name_again_after_named()
        self.ungender_listed_groups()
        self.mark_ordinal_references()  # before ages: "the former is 30" says the first one's age
        self.mark_age_phrases()
        self.mark_predicates()
        self.mark_proxies()
        self.mark_origins()
        self.hold_orphaned_articles()
        self.mark_pronouns()
        self.hold_a_babys_its()
        self.hold_origins_of_things()
        self.no_child_in_a_sexual_picture()
        self.check_residue()
        order = sorted(range(len(self.spans)), key=lambda k: self.spans[k][0])
        spans = tuple(
            (self.tokens[first].start, self.tokens[last].end, seg) if first >= 0 else (-1, -1, seg)
            for first, last, seg in (self.spans[k] for k in order)
        )
        # a word judged no person that a later phrase took in after all ("Brazilian" in "a Brazilian soccer
        # player") is no kept word: only words still as written count
        kept = list(dict.fromkeys((self.tokens[a].start, self.tokens[b].end, why) for a, b, why in self.kept
                                  if all(self.free(k) for k in range(a, b + 1))))  # a word asked twice counts once
        kept += [(a, b, self.named_why.get(a, NAMED)) for a, b, seg in spans
                 if isinstance(seg, Held) and seg.why == "not a person"]
        spans = tuple(s for s in spans if not (isinstance(s[2], Held) and s[2].why in ("not a person", RELEASED)))
        # persons numbered by where they first appear, so that a candidate parses back to the same numbering
        first_seen = {}
        for start, _, seg in spans:
            pid = getattr(seg, "person", None)
            if pid is not None and start >= 0:
                first_seen.setdefault(pid, start)
        order = sorted(range(len(self.persons)), key=lambda k: (first_seen.get(k, 1 << 30), self.persons[k].anchor))
        new_id = {old: new for new, old in enumerate(order)}
        spans = tuple(
            (a, b, replace(seg, person=new_id[seg.person]) if hasattr(seg, "person") else seg) for a, b, seg in spans
        )
        names = tuple(self.prompt[self.tokens[a].start : self.tokens[b].end] for a, b in sorted(self.named_spans)
                      if all(self.used.get(k) == self.used.get(a) for k in range(a, b + 1)))  # fmt: skip
        return Template(self.prompt, spans, tuple(self.persons[k] for k in order), tuple(sorted(kept)), names)

    def hold_negative_section(self) -> None:
        """ "Negative prompt: woman, female, girl. Prompt: a knight ...", a front-end's pasted settings: what follows
        "Negative prompt:" is what the picture must not show, no one in it. It stays on the device whole, up to a
        "Prompt:" or "positive:" label, a ";", a line's end or the prompt's end (its words were varied as people
        beside the knight). The label opens the prompt, a line or a clause ("20 negative prompts: 3 sent" is none)."""
        i = 0
        while i + 2 < len(self.tokens):
            t, nxt, colon, prev = self.tokens[i], self.tokens[i + 1], self.tokens[i + 2], self.tok(i - 1)
            short = t.low in ("negative", "neg") and nxt.text == ":" and prev is not None and prev.text in ",;|"
            # "..., skatepark, negative: adult, old, wrinkles": a tag list's own short label (round 56: "adult" went out
            # beside the decoys, and "old" was varied as the girl's age)
            if not short and (not (t.low == "negative" and nxt.low == "prompt" and colon.text == ":") or (
                    prev is not None and prev.text not in ",.;|" and "\n" not in self.prompt[prev.end : t.start]
                    and not t.text[0].isupper())):  # fmt: skip
                i += 1  # not "20 negative prompts: 3 sent": the label opens a line, a clause or the prompt, or is
                # written as one ("..., soft light Negative prompt: man, beard", round 82: "man" varied as a person)
                continue
            end = i + 1 if short else i + 2
            while end + 1 < len(self.tokens) and "\n" not in self.prompt[self.tokens[end].end : self.tokens[end + 1].start]:
                w, after = self.tokens[end + 1], self.tok(end + 2)
                if w.text == ";" or (w.low in ("prompt", "positive") and after is not None and after.text == ":"):
                    break  # "... girl. Prompt: a knight", "...; positive: a man", "...; a boy": the prompt goes on
                end += 1
            if i == 0 and end == len(self.tokens) - 1:
                raise self.refuse(t, "opens a negative prompt that runs to the prompt's end, so nothing is left to "
                                  "draw; write the picture first (\"a woman at a cafe. Negative prompt: blurry\") or "
                                  "give the negative prompt apart (`obclip generate --negative`)")  # fmt: skip
            self.claim(i, end, Held(self.prompt[t.start : self.tokens[end].end], "negative prompt"))
            i = end + 1
        self.hold_no_parameter()

    def hold_no_parameter(self) -> None:
        """Midjourney's "--no woman, kids": a negative prompt too ("a knight in armor --no woman" had decoys "--no
        man", "1girl, loli, park --no adult" told the server a child). It stays on the device up to the next "--"
        parameter ("--ar 16:9"), a line's end or the prompt's end."""
        toks = self.tokens

        def dashes(k: int) -> bool:  # "--" written as two hyphens, glued
            return k + 1 < len(toks) and toks[k].text == toks[k + 1].text == "-" and toks[k].end == toks[k + 1].start

        for i in range(len(toks) - 2):
            if not (dashes(i) and toks[i + 2].low == "no" and toks[i + 1].end == toks[i + 2].start) or not all(
                    self.free(k) for k in range(i, i + 3)):  # fmt: skip
                continue
            end = i + 2
            while end + 1 < len(toks) and not dashes(end + 1) and self.free(end + 1) and (
                    "\n" not in self.prompt[toks[end].end : toks[end + 1].start]):  # fmt: skip
                end += 1
            self.claim(i, end, Held(self.prompt[toks[i].start : toks[end].end], "negative prompt"))

    def no_child_in_a_sexual_picture(self) -> None:
        """Beside words that make the picture sexual, no one is a child in any candidate: "girl" or "boy" alone is a
        young adult there ("a hot girl at the beach" went out as "a hot little girl": the cloud view wrote a sexualised
        child the user never asked for), and a child the prompt states ("little", "8 years old", "schoolgirl") is
        refused, nothing sent. `candidates.slot_values` keeps "child" out of the decoys by the same test."""
        if not sexual(self.prompt, self.lex.adjectives.keys(), self.lex.nouns):
            return
        for p in self.persons:
            if p.states.get("age") != "child":
                continue
            if p.said.get("age") not in TAG_CHARACTERS:
                raise DetectionError(f"{p.said.get('age')!r} makes someone a child in a picture this prompt makes "
                                     "sexual; ObCLIP sends nothing of it (a child and sexual words are never sent "
                                     "together)")
            p.states["age"] = "young"

    def hold_mixed_origins(self) -> None:
        """Origins of several people listed together ("a group of Black, white and Asian friends", "A mixed group of
        friends, Black, white and Asian, laughing") say the group's mix, whose is whose no candidate could vary: the
        list stays on the device (it went out as written, or was refused as one person of two origins). Colours of a
        thing ("a black and white photo") are no one's."""
        def origin(k: int) -> str | None:
            w = self.tok(k)
            adj = self.lex.adjectives.get(w.core) if w is not None and w.is_word and self.free(k) else None
            return adj.value if adj is not None and adj.attribute == "ethnicity" and adj.strong else None

        i = 0
        while i < len(self.tokens):
            if (value := origin(i)) is None:
                i += 1
                continue
            end, values = i, {value}
            while True:
                k = self.member_description_end(end + 1, origin)  # "one Somali in a hijab, one Irish with red hair"
                while (w := self.tok(k)) is not None and (w.low in (",", "and", "or", "&") or w.low in MEMBER_FILLERS):
                    k += 1
                if k == end + 1 or origin(k) is None:
                    break
                end, values = k, values | {origin(k)}
            first = i  # "a couple, he is Nigerian and she is Swedish,", "two friends, one Black and one white": who
            while (w := self.tok(first - 1)) is not None and w.low in MEMBER_FILLERS and self.free(first - 1):
                first -= 1  # is which, said member by member, is the group's mix as well (it was refused)
            said = {self.tokens[k].core for k in range(i, end + 1) if origin(k) is not None}
            again = any(t.is_word and t.core in said for t in self.tokens[end + 1 :])  # "the Black one is wearing a cap"
            if first < i and end > i and not again:  # names a member by the origin: which is which is the prompt's
                i = first
                if (tail := self.member_description_end(end + 1, origin)) > end + 1 or (
                        (j := self.last_description_end(end + 1, origin)) > end + 1):  # fmt: skip
                    end = (tail if tail > end + 1 else j) - 1  # "..., one Peruvian in a bowler hat, laughing"
            after, before = self.tok(end + 1), self.tok(i - 1)
            people_after = after is not None and after.is_word and (self.noun(after) is not None or after.core in COLLECTIVES)
            group_before = before is not None and before.text == "," and (after is None or after.text in ",.;") and any(
                self.group_word(k) for k in range(i - 4, i - 1))  # fmt: skip
            # two origins of one value ("one Korean and one Japanese") or none varied ("one Jewish and one Arab") are
            # a mix as well (round 86: "one Asian person and one Asian people", "one and one person" were sent)
            if (len(values) > 1 or len(said) > 1) and (people_after or group_before):
                self.claim(i, end, Held(self.prompt[self.tokens[i].start : self.tokens[end].end], MIXED_GROUP))
            i = end + 1

    def member_description_end(self, k: int, origin: Callable[[int], str | None]) -> int:
        """Past what a member's origin is followed by before the next member ("in a hijab" in "one Somali in a hijab,
        one Irish with red hair"): its own words (`member_words_end`), then a comma and "one"/"the other"/"another";
        else k. Read as the group's mix, the member's words stay on the device with it (round 87: "one European people,
        one person in a bowler hat" was sent)."""
        j = self.member_words_end(k, origin)
        comma, then = self.tok(j), self.tok(j + 1)
        if j > k and comma is not None and comma.text == "," and then is not None and then.low in ("one", "another", "the"):
            return j
        return k

    def last_description_end(self, k: int, origin: Callable[[int], str | None]) -> int:
        """Past the last member's own words before the list's end (a comma or the prompt's end); else k."""
        j = self.member_words_end(k, origin)
        after = self.tok(j)
        return j if j > k and (after is None or after.text in ",;.") else k

    def member_words_end(self, k: int, origin: Callable[[int], str | None]) -> int:
        """The first token from k on, at most five on, that is no word of a member's own description: a free word
        with no person noun, origin or list word, or a thing kept as written ("a bowler hat")."""
        j = k
        while j < k + 5 and (w := self.tok(j)) is not None and w.is_word:
            kept = j in self.used and isinstance(seg := self.spans[self.used[j]][2], Held) and seg.why == "not a person"
            if not (kept or (self.free(j) and origin(j) is None and self.noun(w) is None
                             and w.low not in MEMBER_FILLERS and w.low not in ("and", "or"))):  # fmt: skip
                break
            j += 1
        return j

    def group_word(self, k: int) -> bool:
        """Token k names a group or several people ("group", "friends", "couple")."""
        w = self.tok(k)
        found = self.noun(w) if w is not None and w.is_word else None
        return w is not None and (w.core in COLLECTIVES or (found is not None and found[0].number == "pl"))

    def hold_handles(self) -> None:
        """ "@tiny_tom_88 skateboarding", "shot by @anna.lens": a user's handle names someone, often by a first name
        glued to other words the name reader cannot part; it stays on the device whole (it went out as written)."""
        def joined(k: int) -> bool:  # token k follows k - 1 with nothing or an underscore between
            return self.prompt[self.tokens[k - 1].end : self.tokens[k].start] in ("", "_")

        i = 0
        while i + 1 < len(self.tokens):
            t = self.tokens[i]
            glued = i > 0 and self.tokens[i - 1].end == t.start  # "a@b.com": an address, no handle
            if t.text != "@" or self.tokens[i + 1].start != t.end or self.tokens[i + 1].kind not in ("word", "num") or (
                    not self.free(i) or glued):  # fmt: skip
                i += 1
                continue
            end = i + 1
            while end + 1 < len(self.tokens) and joined(end + 1) and (
                    self.tokens[end + 1].kind in ("word", "num") or self.tokens[end + 1].text in "_.-") and (
                    self.tokens[end + 1].text not in ".-" or (end + 2 < len(self.tokens) and joined(end + 2))):  # fmt: skip
                end += 1  # "tiny_tom_88", "anna.lens": one handle; not the full stop that ends a sentence
            if all(self.free(k) for k in range(i, end + 1)):
                nxt = self.tok(end + 1)  # "@tiny_tom_88 skateboarding": the handle is the clause's subject, someone
                subject = (i == 0 or self.tokens[i - 1].text in ".!?") and nxt is not None and nxt.is_word and (
                    self.ing(nxt))  # fmt: skip  # named, whom "her" after it binds to ("@jenny_k98 posing with her puppy")
                if subject:
                    self.unknown_name_phrase(i, end)
                else:
                    self.claim(i, end, Held(self.prompt[t.start : self.tokens[end].end], "name"))
            i = end + 1

    def mark_emoji(self) -> None:
        """Emoji that can show gender, age or ethnicity (people, skin tones, flags: `telling_emoji`) are held back on
        the device, the rest sent ("with a 🐶"); so is a front-end's extra-network tag ("<lora:name:0.8>")."""
        i = 0
        while i < len(self.tokens):
            if self.tokens[i].kind == "network":
                # "<lora:asian_man_v2:0.7>": a file on the user's machine that no model of ours loads, and whose name
                # may describe the person; it stays on the device like an emoji
                self.claim(i, i, Held(self.tokens[i].text, "a front-end's extra-network tag"))
            if is_emoji(self.tokens[i]):
                j = i
                while j + 1 < len(self.tokens) and is_emoji(self.tokens[j + 1]):
                    j += 1
                if not self.telling_emoji(self.prompt[self.tokens[i].start : self.tokens[j].end]):
                    i = j + 1  # "with a 🐶", "☕", "🎂🎉": an emoji that names no person and nothing of one is sent
                    continue
                prev, nxt = self.tok(i - 1), self.tok(j + 1)
                noun = prev is not None and (prev.core in ("a", "an", "the") or prev.core in POSSESSIVE_DETERMINERS) and (
                    nxt is None or not nxt.is_word or self.ing(nxt))  # fmt: skip  # not "a ☕ coffee", "a 👩‍🦰 woman"
                # "a 👩 cooking in a kitchen": an emoji in a noun's place leaves "person" there ("a cooking" was sent);
                # "👵 baking cookies": one opening a sentence before its -ing verb is its subject ("baking cookies" was
                # sent, a picture with no one in it)
                subject = (prev is None or prev.text in ".!?;") and nxt is not None and nxt.is_word and self.ing(nxt)
                stand_in = "person" if noun else ("a person" if prev is not None and prev.text == ";" else "A person") if (
                    subject) else ""  # fmt: skip
                self.claim(i, j, Held(self.prompt[self.tokens[i].start : self.tokens[j].end], "emoji", stand_in))
                i = j + 1
            else:
                i += 1

    def telling_emoji(self, text: str) -> bool:
        """Whether emoji `text` may tell an attribute: a skin tone, a flag, a gender sign, or a Unicode name with a
        word the lexicon reads as a person, an attribute, a proxy or a thing or place of one origin ("OLDER WOMAN",
        "PERSON WITH HEADSCARF", "BABY BOTTLE", "JAPANESE DOLLS", "SUSHI"). "DOG FACE", "HOT BEVERAGE" tell nothing."""
        words: list[str] = []
        for c in text:
            if 0x1F3FB <= ord(c) <= 0x1F3FF or 0x1F1E6 <= ord(c) <= 0x1F1FF or 0xE0020 <= ord(c) <= 0xE007F or (
                    c in "\u2640\u2642\u26a7"):  # fmt: skip  # skin tones, flags (regional letters, tag letters), ♀ ♂ ⚧
                return True
            words += unicodedata.name(c, "").lower().replace("-", " ").split()
        grams = words + [" ".join(p) for p in zip(words, words[1:], strict=False)]
        tables = (self.lex.nouns, self.lex.adjectives, self.lex.proxies, self.lex.senses.regional, self.lex.senses.places)
        return any(w in table or w.removesuffix("s") in table for w in grams for table in tables)

    def mark_gendered_compounds(self) -> None:
        """"a woman-owned business", "female-led": a person word inside a compound about a thing; held back."""
        for i, t in enumerate(self.tokens):
            if self.free(i) and t.is_word and "-" in t.core:
                head, _, rest = t.core.partition("-")
                entry = self.lex.nouns.get(head) or self.lex.adjectives.get(head)
                if entry is not None and rest.split("-")[0] in COMPOUND_TAILS:
                    self.claim(i, i, Held(t.text, "proxy"))
                    continue
                nxt = self.tok(i + 1)
                pair = [self.lex.nouns.get(part) for part in t.core.split("-")]
                if len(pair) == 2 and all(n is not None and n.gender for n in pair) and nxt is not None and (
                        nxt.is_word and self.lex.nouns.get(nxt.core) is None and "n" in self.lex.tags(nxt.core)):  # fmt: skip
                    # "a father-daughter dance", "mother-son trip": two gendered people naming a kind of thing; its
                    # decoy ("father-son dance") would contradict the people varied beside it
                    self.claim(i, i, Held(t.text, "proxy"))

    def mark_glued_people(self) -> None:
        """"a fangirl screaming", "a gymbro lifting weights", "two catgirls": a word the lexicon does not know that
        ends in a gendered person word (or its plural) is a person of that word's gender (the last part heads an English
        compound). Its gender is varied as a name's is: the word stays on the device and the cloud reads "a woman",
        "a man". Before another person noun it is that noun's modifier ("a girlboss CEO"), which `check_residue`
        refuses; a word that opens with the root ("girlboss") is left to it too. A hashtag that glues one in
        ("#girldad", "#boymom") tags the picture, not a person in it: held whole (it was refused)."""
        for i, t in enumerate(self.tokens):
            if not self.free(i) or not t.is_word:
                continue
            if i > 0 and self.tokens[i - 1].text == "#" and self.tokens[i - 1].end == t.start:
                if self.free(i - 1) and self.glued_person_word(i):  # "#girldad", "#boymom": a tag about the people,
                    self.claim(i - 1, i, Held(self.prompt[self.tokens[i - 1].start : t.end], "proxy"))  # held whole
                continue
            root = self.glued_person_word(i)
            noun = self.lex.nouns.get(root) if root else None
            nxt = self.tok(i + 1)
            low = plain(t.core)
            if noun is None or noun.gender is None or not (low.endswith(root) or low.endswith(root + "s")) or (
                    nxt is not None and nxt.is_word and self.noun(nxt) is not None):  # fmt: skip
                continue
            person = Person(cls=noun.cls, number="sg" if low.endswith(root) else "pl", anchor=i)  # "lilsis": a sister
            person.state("gender", noun.gender, True, t.text)
            person.in_phrase.add("gender")
            self.claim(i, i, Phrase(self.new_person(person), "", (), t.possessive, self.phrase_case(i, i, named=True)))
            self.named_spans.append((i, i))

    def name_again_after_named(self) -> None:
        """ "a boy named Leo builds a treehouse ... and Leo grins": "named Leo" is held, and the name said again later
        is the boy again, written as "the little boy" (it was sent as written, beside a decoy "a little girl"); so is
        a name an appositive said who is ("Maria, a nurse, ... Maria checks": "the female nurse")."""
        for i, key in self.named_after:
            pid = self.owner_at(i - 1)
            if pid is None and self.tokens[i].low in ("call", "calls"):
                pid = self.nearest_person(i)  # "My aunt Theresa, who everyone calls Tess": the aunt
            if pid is None:
                continue
            for j in range(i + 2, len(self.tokens)):
                t = self.tokens[j]
                if t.is_word and plain(t.core) == key and self.free(j) and (t.capitalised or not self.tokens[i + 1].capitalised):
                    self.persons[pid].mentions.append(j)
                    self.claim(j, j, Phrase(pid, "the", (), t.possessive, g.SENTENCE if j in self.starts else g.LOWER))
        for j in self.names_again:
            t = self.tokens[j]
            if (pid := self.names.get(plain(t.core))) is not None and self.free(j):
                self.persons[pid].mentions.append(j)
                self.claim(j, j, Phrase(pid, "the", (), t.possessive, g.SENTENCE if j in self.starts else g.LOWER))

    def ungender_listed_groups(self) -> None:
        """ "Three generations of women from one family posing on a sofa: grandmother, mother and daughter": a group
        whose members a colon then lists is those members, who carry their own genders; varied apart, the group
        gave decoys that contradict them ("Men from one family ...: little girl, mother and son", 56 of 64). Its
        gender stays on the device: the cloud reads "people"."""
        colons = [k for k, t in enumerate(self.tokens) if t.text == ":"]
        for person in self.persons:
            if person.number != "pl" or "gender" not in person.states or person.anchor not in self.used:
                continue
            last = self.spans[self.used[person.anchor]][1]
            colon = next((c for c in colons if c > last), None)
            if (w := self.tok(last + 1)) is not None and w.text == ",":
                members = self.listed_after(last + 2)  # "three generations of women, grandmother, mother and
                # daughter, sitting on a porch" (round 68: "women, young man, father and son")
            elif colon is None or any(self.tokens[k].text in ".;!?" for k in range(last, colon)):
                continue
            else:
                end = next((k for k in range(colon, len(self.tokens)) if self.tokens[k].text in ".;!?"), len(self.tokens))
                members = [p for p in self.persons if p is not person and colon < p.anchor < end]
            if len(members) >= 2 and all("gender" in p.states for p in members):
                for table in (person.states, person.strength, person.said):
                    table.pop("gender", None)
                person.in_phrase.discard("gender")

    def listed_after(self, k: int) -> list[Person]:
        """The singular people listed from token k on, one phrase right after another, parted by "," or "and"."""
        members: list[Person] = []
        while (span := self.used.get(k)) is not None and self.spans[span][0] == k and isinstance(
                seg := self.spans[span][2], Phrase) and self.persons[seg.person].number == "sg":  # fmt: skip
            members.append(self.persons[seg.person])
            k = self.spans[span][1] + 1
            while (w := self.tok(k)) is not None and (w.text == "," or w.low == "and"):
                k += 1
        return members

    def merge_glued_into_tag(self) -> None:
        """ "1girl, catgirl, cat ears": a glued person word set off right after the count tag's one character, of its
        gender, is that character said again, as "1girl, woman" reads (as a second person the decoy "1girl, woman"
        read otherwise, and the prompt was refused)."""
        if len(self.persons) != 2:
            return
        tag = next((k for k, p in enumerate(self.persons) if p.cls == g.TAG_CLASS and p.number == "sg"), None)
        glued = None
        for k, p in enumerate(self.persons):
            if k != tag and p.number == "sg" and (p.anchor, p.anchor) in self.named_spans and p.said.get("gender"):
                glued = k
        if tag is None or glued is None:
            return
        other, person = self.persons[tag], self.persons[glued]
        prev = self.tok(person.anchor - 1)
        if prev is None or prev.text not in (",", "(") or other.anchor > person.anchor or (
                other.states.get("gender") not in (None, person.states.get("gender"))) or set(person.states) != {"gender"}:  # fmt: skip
            return
        other.state("gender", person.states["gender"], True, self.tokens[person.anchor].text)
        other.mentions.append(person.anchor)
        k = self.used[person.anchor]
        a, b, seg = self.spans[k]
        self.spans[k] = (a, b, replace(seg, person=tag, noun=("person", "", "sg", frozenset({"gender"}))))
        self.persons.pop(glued)
        shift = {old: old - (old > glued) for old in range(len(self.persons) + 1)}
        self.spans = [(a, b, replace(seg, person=shift[seg.person]) if hasattr(seg, "person") else seg)
                      for a, b, seg in self.spans]  # fmt: skip
        self.names = {key: shift[pid] for key, pid in self.names.items()}

    def new_person(self, person: Person) -> int:
        self.persons.append(person)
        return len(self.persons) - 1

    def check_alternatives(self) -> None:
        """Refuses gendered words offered as alternatives ("s/he", "(s)he", "man/woman", "him|her"): each
        side would be varied on its own, and decoys such as "she/she" or "s/she" would mark themselves. A front-end's
        choice or edit between people ("{a man|a woman}", "[boy:girl:0.5]") is held back whole instead."""
        pairs = {"{": "}", "[": "]"}
        for i, t in enumerate(self.tokens):
            if t.text not in pairs:
                continue
            close = next((k for k in range(i + 1, len(self.tokens)) if self.tokens[k].text in "{}[]"), None)
            if close is None or self.tokens[close].text != pairs[t.text]:
                continue
            inside = self.tokens[i + 1 : close]
            seps = ("|",) if t.text == "{" else ("|", ":")  # "[boy:girl:0.5]", "[a boy|a girl]": prompt editing
            sides: list[list[Token]] = [[]]
            for w in inside:
                if w.text in seps:
                    sides.append([])
                else:
                    sides[-1].append(w)
            people = [any(w.is_word and (w.core in g.PRONOUN_GENDER or w.core in self.lex.nouns
                                         or w.core in self.lex.adjectives or w.core in self.lex.proxies) for w in side)
                      for side in sides]  # fmt: skip
            if sum(people) < 2 or not all(self.free(k) for k in range(i, close + 1)):
                continue  # not "[Image: a bearded man ...]", "{smiling|frowning}"
            # "{a woman|a man} sitting in a cafe": a front-end's random choice; "[boy:girl:0.5]": one person drawn as
            # another from a step on; "{blonde|brunette|redhead} woman". Each side varied on its own gave "{a man|a
            # man}", so they were refused (rounds 73-75: "the alternation already hides it"). The choice stays on the
            # device whole, where the front-end makes it; the cloud reads a person there, or nothing
            nouns = [w for side in sides for w in side if w.is_word and self.noun(w) is not None]
            article = sides[0][0].text if sides[0] and sides[0][0].low in ("a", "an") else ""
            modifier = (w := self.tok(close + 1)) is not None and w.is_word and self.noun(w) is not None
            stand_in = ("a person" if article else "person") if nouns and not modifier else ""  # "{blonde|brunette} woman"
            if stand_in and article[:1].isupper():
                stand_in = "A person"
            first = i
            if not stand_in and (a := self.tok(i - 1)) is not None and a.low in ("a", "an") and (
                    (w := self.tok(i - 2)) is not None and w.low in ("with", "wearing", "has", "having")):  # fmt: skip
                first = i - 2  # "an (old man:1.3) with a [beard:mustache:0.5], cinematic": "with a," was left (round 76)
            self.claim(first, close, Held(self.prompt[self.tokens[first].start : self.tokens[close].end],
                                          "a front-end's choice between people", stand_in))  # fmt: skip
        for i, t in enumerate(self.tokens):
            if t.text not in ("/", "|", "\\", ")") or t.end - t.start != 1 or not self.free(i):
                continue
            prev, nxt = self.tok(i - 1), self.tok(i + 1)
            if prev is None or nxt is None or not (prev.is_word and nxt.is_word):
                continue
            if prev.end != t.start or nxt.start != t.end:
                continue
            sides = [w.core for w in (prev, nxt)]
            gendered = [w in g.PRONOUN_GENDER or getattr(self.lex.nouns.get(w), "gender", None) is not None
                        for w in sides]  # fmt: skip
            if t.text == "/" and all(w in g.PRONOUN_GENDER for w in sides) and (
                    len({g.PRONOUN_GENDER[w] for w in sides}) == 1) and self.free(i - 1) and self.free(i + 1):  # fmt: skip
                # "She/her.", "(he/him)": the writer's pronouns, said of no one in the picture; they stay on the
                # device (they were refused as alternatives)
                end = i + 1
                if (stop := self.tok(i + 2)) is not None and stop.text in ".;" and (
                        (before := self.tok(i - 2)) is None or before.text in ".!?;"):  # fmt: skip
                    end = i + 2  # a sentence of its own: its full stop leaves with it ("as a nurse.." was sent)
                self.claim(i - 1, end, Held(self.prompt[prev.start : self.tokens[end].end], "proxy"))
                continue
            if all(gendered) or (sides[0] == "s" and sides[1] == "he"):
                raise self.refuse(t, f"'{prev.text}{t.text}{nxt.text}' offers genders as alternatives; write one "
                                  "(or \"they\", \"a person\") so every candidate can say it")  # fmt: skip
    def check_digits_for_letters(self) -> None:
        """ "a w0man in a red dress", "a g1rl": a person word written with digits for letters was split into a
        letter, a number and a word ("w 0 man"), and read as another person; it is refused with the word meant."""
        for m in LEET.finditer(self.prompt):
            word = m.group().lower().translate(LEET_LETTERS)
            if word != m.group().lower() and (word in g.PRONOUN_GENDER or self.lex.nouns.get(word) is not None):
                t = Token(m.group(), m.start(), m.end(), "word")
                raise self.refuse(t, f"writes '{word}' with digits or signs for letters, which the device cannot vary; "
                                  f"write '{word}'")  # fmt: skip
        for i, t in enumerate(self.tokens[:-1]):
            o, before, after = self.tokens[i + 1], self.tok(i - 1), self.tok(i + 2)
            if t.kind == "num" and t.low.isdigit() and int(t.low) <= 12 and o.low == "o" and o.start == t.end and (
                    (before is not None and before.low in ("aged", "age", "is", "turned", "turning", ",", "("))
                    or (after is not None and after.low in ("years", "yrs", "yo"))):  # fmt: skip
                # "a man, aged 8o, with a cane": a letter o for a zero; read as "8" and an "o" the age went out as
                # written beside every decoy (round 55)
                raise self.refuse(t, f"writes '{t.text}0' with the letter o for a zero, which the device cannot read as "
                                  f"an age; write '{t.text}0'")  # fmt: skip

    def check_spelled_out(self) -> None:
        """ "a b o y riding a bike", "W O M A N": a person word written letter by letter (single letters apart) would
        reach the cloud as written; it is refused with the word meant."""
        i = 0
        while i < len(self.tokens):
            j = i
            while j < len(self.tokens) and len(self.tokens[j].text) == 1 and self.tokens[j].text.isalpha() and (
                    j == i or self.tokens[j].start == self.tokens[j - 1].end + 1):  # fmt: skip
                j += 1
            run = self.tokens[i:j]
            for a in range(len(run)):  # "a b o y": the article before it is a letter too
                word = "".join(t.text for t in run[a:]).lower()
                if len(run) - a >= 3 and (word in g.PRONOUN_GENDER or self.lex.nouns.get(word) is not None):
                    t = Token(" ".join(t.text for t in run[a:]), run[a].start, run[-1].end, "word")
                    raise self.refuse(t, f"spells '{word}' letter by letter, which the device cannot vary; "
                                      f"write '{word}'")  # fmt: skip
            i = max(j, i + 1)

    def in_compound(self, i: int) -> bool:
        """Token i is a word WordNet knows only in a phrase with its neighbour ("kung fu"): no misspelling."""
        before, after = self.tok(i - 1), self.tok(i + 1)
        word = self.tokens[i].core
        known = self.lex.senses.bound_phrases
        return (after is not None and f"{word} {after.core}" in known) or (
            before is not None and f"{before.core} {word}" in known)

    def check_residue(self) -> None:
        """Fails closed on attribute words no rule placed (they would reach the cloud as written)."""
        for i, t in enumerate(self.tokens):
            # a free word, or a modifier kept in a person phrase ("an elderley lady"), reaches the cloud as written
            sent = self.free(i) or isinstance(self.spans[self.used[i]][2], Phrase)
            typo = misspelt_person_word(t, self.lex) if sent and not self.title_mode else None
            if typo and self.in_compound(i):
                typo = None  # "a kung fu stunt": read only for a word that looked misspelt
            if sent and t.is_word and (meant := FOREIGN_ATTRIBUTE_WORDS.get(t.core)) is not None and (
                    not self.lex.tags(t.core)) and (self.persons or meant not in ("old", "young")):  # fmt: skip
                # an adjective says an attribute of someone the prompt names; a noun ("a mulher dancing") is someone
                raise self.refuse(t, f"is another language's word for '{meant}', which would reach the cloud as written "
                                  f"(the device varies English words only); write '{meant}' in English (\"an old man\", "
                                  "\"a young woman\")")  # fmt: skip
            if sent and (short := vowelless_person_word(t, self.lex)) is not None:
                error = self.refuse(t, f"looks like '{short}' written without its vowels, which would reach the cloud "
                                    f"as written (the device cannot vary a word it cannot read); write '{short}'")  # fmt: skip
                one = (prev := self.tok(i - 1)) is not None and prev.low in ("a", "an", "one") or any(
                    w.low in ("her", "his", "she", "he", "herself", "himself") for w in self.tokens[i + 1 : i + 5])
                if "' or '" in short and one:  # "wmn in her 20s": her own age (round 103: refused)
                    short = next(w for w in short.split("' or '") if w in self.lex.nouns and self.lex.nouns[w].number == "sg")
                # "bby girl", "my grndma", "a wmn w/ a baby": chat's shorthand for one word is read as it, as a
                # misspelling is (round 93 and 94: refused); "wmn" alone may be "woman" or "women", still refused
                raise Misspelt(str(error), t.start, t.end, short, fixable="' or '" not in short)
            if sent and not self.free(i) and t.is_word and (i, i) not in self.named_spans and (
                    root := self.glued_person_word(i)):  # fmt: skip  # "A girlboss CEO": a modifier sent as written
                raise self.refuse(t, f"joins a gendered word ('{root}') into an unknown word, which would reach the "
                                  "cloud as written; write it apart (\"girl boss\") or leave it out")  # fmt: skip
            if typo:
                error = self.refuse(t, f"looks like a misspelt '{typo}', which would reach the cloud as written "
                                    "(the device cannot vary a word it cannot read); correct the spelling")  # fmt: skip
                # a letter dropped, doubled or swapped ("womn", "mann", "daugther") is read as the word; a letter
                # changed ("mage" / "male") is as often another word, so it stays a refusal
                fixable = "' or '" not in typo and (len(t.core) != len(typo) or _swap(t.core, typo))
                raise Misspelt(str(error), t.start, t.end, typo, fixable=fixable)
            if not self.free(i):
                continue
            if YEAR_OLD.match(t.low):
                raise self.refuse(t, "an age that could not be attached to a person; write it before the person "
                                  "(\"a 70-year-old man\") or leave it out")  # fmt: skip
            if self.age_gender_tag(i):
                raise self.refuse(t, "reads as an age-and-gender tag (\"28F\", \"M32\"), which would reach the cloud "
                                  "as written; describe the person instead (\"a woman in her late twenties\")")  # fmt: skip
            if self.persons and self.stray_age(i):
                raise self.refuse(t, "a number next to a person may state an age; write it as an age before the "
                                  "person (\"a 40-year-old woman\", \"a woman in her 40s\") or leave it out")  # fmt: skip
            if not t.is_word:
                continue
            prev, nxt = self.tok(i - 1), self.tok(i + 1)
            adjective = self.lex.adjectives.get(t.core)
            if adjective is not None and adjective.strong and adjective.attribute in self.lex.values and (
                    (after := self.after_weight(i)) is not None and after in self.used and (nxt is None or not nxt.is_word)
                    and isinstance(self.spans[self.used[after]][2], Phrase)):  # fmt: skip
                # "(an old:1.2) (Nigerian:1.1) chief": a weight that opens with the article is no modifier run, and
                # "old" went out beside every decoy (round 72); "(old car:1.2), a man" weights a thing
                raise self.refuse(t, f"gives an {adjective.attribute} inside a prompt weight that the device could not "
                                  "place with a person, so it would reach the cloud as written; weight the words "
                                  "without the article (\"an (old:1.2) chief\") or weight the whole phrase")  # fmt: skip
            if adjective is not None and prev is not None and prev.low in ("one", "another", "other") and (
                    nxt is None or not nxt.is_word or nxt.core in g.CLOSED):  # fmt: skip
                raise self.refuse(t, f"says the {adjective.attribute} of one of a group without a noun, so it cannot "
                                  "be varied with that person; give each a noun (\"a young man and an old man\")")
            if t.core in self.lex.titles and t.capitalised and self.lex.titles[t.core]:
                raise self.refuse(t, "a title that reveals gender could not be placed; rephrase")
            if t.capitalised and not self.title_mode and self.maybe_name(i):
                raise self.refuse(
                    t,
                    "looks like a person's name, which can reveal gender or ethnicity; replace it with a "
                    'description ("a woman") or add it to a lexicon file (--lexicon)',
                )
            root = self.glued_person_word(i)
            if root:
                raise self.refuse(t, f"joins a gendered word ('{root}') into an unknown word, which would reach the "
                                  "cloud as written; write it apart (\"girl dad\") or leave it out")  # fmt: skip
            joined = t.core.replace("-", "")
            if sent and t.is_word and "-" in t.core and not self.lex.tags(t.core) and (
                    (said := self.lex.adjectives.get(joined)) is not None and said.attribute in self.lex.values):  # fmt: skip
                raise self.refuse(t, f"spells '{joined}' with a hyphen, which the device cannot read and would send as "
                                  f"written; write '{joined}'")  # fmt: skip  # "a teen-age girl"
            parts = t.core.split("-")
            if sent and len(parts) == 2 and not self.lex.tags(t.core) and parts[1] in self.lex.nouns and (
                    self.lex.nouns[parts[1]].ethnicity is None) and (  # "Chinese-Canadian": a mixed origin, read apart
                    (said := self.lex.adjectives.get(parts[0])) is not None and said.attribute in self.lex.values):  # fmt: skip
                first, _, second = t.text.partition("-")
                raise self.refuse(t, f"joins '{first}' to '{second}' with a hyphen, which would reach the cloud as "
                                  f"written; write '{first} {second}'")  # fmt: skip  # "an elderly-gentleman"
            if len(parts) >= 3 and not self.lex.tags(t.core) and any(
                    p in g.PRONOUN_GENDER or p in self.lex.nouns or p in self.lex.adjectives for p in parts):  # fmt: skip
                raise self.refuse(t, "joins words with hyphens into one the device cannot read, which would reach "
                                  "the cloud as written; write the words apart")  # fmt: skip  # "a-young-boy-riding"

    def hold_self_tags(self) -> None:
        """ "me (28F) on a road trip", "me (f, 23) in a hoodie", "(32M)": the tag people write of themselves in posts,
        an age and a gender, stays on the device whole with its brackets (it was refused, or sent as written when a
        comma parted it, round 75: N = 1)."""
        toks = self.tokens
        for i, t in enumerate(toks):
            if not self.free(i):
                continue
            if self.age_gender_tag(i):  # "28F", or "M32": the letter glued after or before
                glued_after = (n := self.tok(i + 1)) is not None and n.start == t.end and n.low in ("m", "f")
                first, last = (i, i + 1) if glued_after else (i - 1, i)
            else:
                parts = [w.low for w in toks[i : i + 3]]
                if len(parts) < 3 or parts[1] != "," or not (
                        (parts[0] in ("m", "f") and parts[2].isdigit() and 13 <= int(parts[2]) <= 99)
                        or (parts[2] in ("m", "f") and parts[0].isdigit() and 13 <= int(parts[0]) <= 99)):  # fmt: skip
                    continue
                first, last = i, i + 2
                if (o := self.tok(first - 1)) is None or o.text != "(" or (c := self.tok(last + 1)) is None or c.text != ")":
                    continue  # "(f, 23)" only in brackets: "m, 30" alone may be anything
            if (o := self.tok(first - 1)) is not None and o.text == "(" and (c := self.tok(last + 1)) is not None and (
                    c.text == ")"):  # fmt: skip
                first, last = first - 1, last + 1
            elif o is not None and o.text == "(" and (c := self.tok(last + 1)) is not None and c.text == "," and (
                    self.free(last + 1)):  # fmt: skip
                last += 1  # "me (26f, latina)": the comma after it goes with it (round 89: "me (, man)" was sent)
            if all(self.free(k) for k in range(first, last + 1)):
                self.claim(first, last, Held(self.prompt[toks[first].start : toks[last].end], "an age and gender tag"))

    def age_gender_tag(self, i: int) -> bool:
        """"28F", "(32M)", "F28": a number glued to a single m/f, as people tag themselves in posts."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        if t.kind != "num" or not t.low.isdigit() or not 13 <= int(t.low) <= 99:
            return False  # "F1" is a race car
        if nxt is None or nxt.start != t.end:
            prev = self.tok(i - 1)
            return prev is not None and prev.end == t.start and prev.low in ("m", "f")
        return nxt.low in ("m", "f")

    def glued_person_word(self, i: int) -> str | None:
        """A gendered word glued into a word the lexicon does not know ("#girldad", "tradwife", "boymom").

        Inside a hashtag any gendered word counts; elsewhere one that ends the word heads it ("tradwife"),
        and one that opens it counts unless the rest is a thing ("motherboard"); "-ing" words have no king."""
        t = self.tokens[i]
        low = plain(t.core)
        if len(low) < 5 or self.lex.tags(t.core) or low in self.lex.first_names or t.core in self.lex.nouns or (
                t.core in self.lex.proxies) or any(
                low.endswith(s) and self.lex.tags(low.removesuffix(s)) for s in ("s", "es")):  # fmt: skip
            return None  # "brogues": a brogue's plural
        parts = low.split("-")
        if len(parts) > 1 and all(self.lex.tags(p) or p in self.lex.nouns for p in parts):
            return None  # "young-looking", "dad-bod" is caught below ("bod" is no known word)
        if i > 0 and self.tokens[i - 1].text == "#":
            return next((r for r in GLUED_ROOTS if r in low.replace("-", "")), None)
        for r in (*GLUED_ROOTS, "man", "men"):
            if low.startswith(r) and len(low) > len(r) + 4 and ing_form(low[len(r):], self.lex):
                return r  # "an old manwalking his dog", "a womanreading": a space left out before the person's verb
            if low.startswith(r) and low[len(r):] in g.PREPOSITIONS | {"and"}:
                return r  # "a womanwith a cat", "a girlwith a red balloon": a space left out before a preposition
        for k in range(3, len(low) - 2):
            said, noun = self.lex.adjectives.get(low[:k]), self.lex.nouns.get(low[k:])
            if said is not None and noun is not None and said.attribute in ("age", "gender", "ethnicity"):
                return low[k:]  # "an oldman feeding ducks", "a younggirl": an attribute glued to its person
        for r in GLUED_ROOTS:
            head = low.endswith(r) or (low.endswith(r + "s") and r != "sis")  # "fangirls", "gymbros"
            if head and not low.endswith("ing") and not (r == "sis" and low.endswith(GREEK_SIS)):
                return r  # the last part heads an English compound: a "tradwife" is a wife
            rest = low[len(r):].lstrip("-") if low.startswith(r) else None
            if rest is not None and (rest in GLUED_ROOTS or rest in self.lex.nouns or (
                    not self.lex.tags(rest) and len(r) > 3)):  # fmt: skip
                return r  # "girlboss"; but a "motherboard" is a board, and "Bromeliad" opens with no "bro"
        return None



# "-osis", "-esis", "-ysis": a Greek noun's ending, not a sister ("pneumonoultramicroscopicsilicovolcanoconiosis")
GREEK_SIS = ("osis", "esis", "asis", "isis", "ysis", "psis")


@cache
def _attribute_words_by_deletion() -> dict[str, tuple[str, ...]]:
    """The common attribute words (`TYPO_TARGETS`) by deletion (`deletion_index`)."""
    return deletion_index(TYPO_TARGETS)


def _swap(a: str, b: str) -> bool:
    """`a` is `b` with two neighbouring letters swapped."""
    diff = [k for k in range(len(a)) if a[k] != b[k]] if len(a) == len(b) else []
    return len(diff) == 2 and diff[1] == diff[0] + 1


@cache
def _attribute_words_without_vowels() -> dict[str, str]:
    """The common attribute words by their consonants ("wmn": woman or women), three letters or more."""
    index: dict[str, set[str]] = {}
    for w in TYPO_TARGETS:
        if len(key := re.sub("[aeiou]", "", w)) >= 3 and key != w:
            index.setdefault(key, set()).add(w)
    return {k: "' or '".join(sorted(v)) for k, v in index.items()}


def vowelless_person_word(t: Token, lex: Lexicon) -> str | None:
    """The attribute word an unknown lower-case word spells without its vowels ("a wmn w/ a baby", "my grndma"):
    texting shorthand the cloud reads as the word (round 59: "wmn" went out as written, N = 1)."""
    low = t.core
    if not t.is_word or not low.islower() or lex.tags(low) or low in lex.nouns or low in lex.first_names:
        return None
    return _attribute_words_without_vowels().get(low)


def misspelt_person_word(t: Token, lex: Lexicon) -> str | None:
    """The attribute word a word the lexicon does not know is one typo away from ("daugther", "womn")."""
    low = t.core
    common_word = bool(set(lex.tags(low)) - ({"p", "P", "N"} if not t.capitalised else set()))
    if not t.is_word or len(low) < 3 or not low.isalpha() or common_word or low in lex.nouns:
        return None
    if len(low) == 3:  # "mna", "byo": a short word is a typo only by two neighbours swapped, so "max" is no "man"
        return next((w for w in sorted(TYPO_TARGETS) if len(w) == 3 and transposed(low, w)), None)
    if (t.capitalised and plain(low) in lex.first_names) or low in lex.adjectives or low in lex.proxies:
        return None  # a capitalised name ("Mann") is a name; "a mann and his dog" is a typo
    index = _attribute_words_by_deletion()
    found = sorted({word for key in {low} | {low[:k] + low[k + 1 :] for k in range(len(low))}
                    for word in index.get(key, ()) if one_edit(low, word)})  # fmt: skip
    said = {word: getattr(lex.nouns.get(word) or lex.adjectives.get(word), "states", dict)() for word in found}
    if len({tuple(sorted(v.items())) for v in said.values()}) > 1:
        return "' or '".join(found)  # "wman": "man" or "woman", one edit each; which one is not for the device to pick
    return found[0] if found else None


def parse(prompt: str, lex: Lexicon, proxies: str = "drop", gender_protected: bool = True) -> Template:
    """The value-free template of `prompt`.

    Args:
        prompt (`str`): the user's prompt.
        lex (`Lexicon`): the attribute lexicon.
        proxies (`str`, defaults to "drop"): "drop" leaves proxy words out of the cloud view (the device
            restores them); "refuse" refuses a prompt that contains one.
        gender_protected (`bool`, defaults to True): with gender unprotected, pronouns stay as written.

    Raises:
        DetectionError: the prompt cannot be made oblivious; the message names the word and suggests a fix.
    """
    if proxies not in ("drop", "refuse"):
        raise DetectionError(f"unknown proxy policy {proxies!r}; choose drop or refuse")
    return _Parser(prompt.lower() if mocking_case(prompt) else prompt, lex, proxies, gender_protected).run()


def mocking_case(prompt: str) -> bool:
    """ "a GiRl WiTh A pUpPy": most words flip case inside, so capitals say nothing and the prompt is read (and sent)
    in lower case ("GiRl WiTh A" was kept as a name of the puppy, the girl sent N=1). Not "an iPhone and a MacBook"."""
    words = re.findall(r"[^\W\d_]{2,}", prompt)
    flipped = [w for w in words if any(a.islower() and b.isupper() for a, b in zip(w, w[1:], strict=False))]
    return len(flipped) >= 2 and len(flipped) >= 0.4 * len(words)


def shout(tokens: tuple[Token, ...], lex: Lexicon) -> tuple[Token, ...]:
    """`tokens` with the words of each stretch in capitals marked `shouted`, where the prompt has lower-case words
    too: a stretch holds two or more common words and no lower-case word ("GRANDMA'S 80TH BDAY PARTY!!! family all
    around her", "KOREAN GIRL WITH LONG HAIR, 8k"), which were read as names and sent as written. Acronyms ("NASA
    HQ", "DSLR") are no common words; a prompt all in capitals is `upper_mode`'s."""
    if not any(c.islower() for t in tokens if t.is_word for c in t.text):
        return tokens
    out, stretch = list(tokens), []
    for k, t in enumerate([*tokens, None]):
        if t is not None and not (t.is_word and any(c.islower() for c in t.text)):
            if t.is_word and t.text.isupper():
                stretch.append(k)
            continue
        common = [j for j in stretch if len(tokens[j].core) > 1 and (
            tokens[j].core in g.CLOSED or set(lex.tags(tokens[j].core)) & set("nvar"))]  # fmt: skip
        if len(common) >= 2:
            for j in stretch:
                out[j] = replace(tokens[j], shouted=True)
        stretch = []
    return tuple(out)
