"""Proxies: words that hint at an attribute but cannot be varied ("pregnant", "hijab-wearing", "from Nigeria").

They are held back on the device with the words that introduce them (`--proxies drop`), or refused
(`--proxies refuse`). The proxy list is data (`data/people.json`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from obclip.prompts import grammar as g
from obclip.prompts.cues import (
    AFTER_NAME,
    AGE_COMPARATIVES,
    COLLECTIVES,
    CONTRACTED_PRONOUN,
    COPULAS,
    ING_EVENTS,
    INTENSIFIERS,
    INTRODUCERS,
    LOOK_VERBS,
    ORDINAL_WORDS,
    POSSESSIVE_DETERMINERS,
    SPEAKER_FORMS,
    TIME_NOUNS,
    YEAR_OLD,
    deletion_index,
    glued_subject,
    hair_type_head,
    listed_singular,
    one_edit,
    plain,
    proxy_message,
)
from obclip.prompts.lexicon import HELD, Noun
from obclip.prompts.names import PLACE_KEPT
from obclip.prompts.phrases import MIXED_GROUP, MIXED_ORIGIN
from obclip.prompts.reading import AUDIENCE, DESCRIBES, LANGUAGE, SPEAKING
from obclip.prompts.template import AgePhrase, Held, Person, Phrase, Pronoun, ProxyRefused
from obclip.prompts.things import RELEASED, THING_ADJECTIVES
from obclip.prompts.tokens import Token, weight_group

AGENT = re.compile(r"(er|or|ist|ian|ee|ess)s?$")  # a word the lexicon lacks that may name a person ("influencer")
SUBJECT_PRONOUNS = frozenset("i you he she we they".split())
# the first words of prepositions of two or three words ("next to", "close to", "in front of", "because of")
PREPOSITION_HEADS = frozenset("next close ahead because instead out front top".split())
PARTICLES = frozenset(["up"])  # "dresses up"; not "braces on her teeth", "a woman dress in red": telegraphic "with"
# prepositions of where or when, after a verb's object: "pushing a stroller | in central park"
SAYING_VERBS = frozenset("says say said reads read reading saying".split())  # what a sign, a card or a cake says
VERB_BOUND = frozenset("through into".split())  # "going through", "getting into": the verb says nothing without them
SUBORDINATORS = frozenset("as while when because until before after since".split())  # "as he takes ..."
CLAUSE_SUBJECTS = frozenset("he she they i we you".split())  # a clause's subject, left alone by a held predicate
ADJUNCT_PREPOSITIONS = frozenset(
    "in on at near under beside behind outside inside during toward towards along across before after with".split()
)  # not "through": it needs its verb; "lighting the menorah with his father" -> "with his father"
PLACE_PREPOSITIONS = frozenset("in at from near around outside inside across through".split())  # "in Accra"
FEATURE_NOUNS = frozenset("hair curls locks braids skin complexion eyes eye face features nose lips cheekbones".split())  # what a texture or tone word describes


TENURE = "how long the person has worked or been married: an age"
TENURE_YEARS = 10  # "after 35 years of teaching": no child has; "2 years of college" says little
TENURE_NOUNS = frozenset("experience service marriage career work practice friendship partnership retirement sobriety "
                         "parenthood motherhood fatherhood widowhood teaching nursing farming".split())
# words for clothes in general, which a proxy before them names the kind of ("agbada attire", "Gulf garb")
CLOTHING_WORDS = frozenset("attire clothing clothes garb garment garments outfit outfits apparel regalia wear".split())
EVENT_YEAR_LAST = 2010  # "graduated in 1975", "married in 2010": an event sixteen years ago or more
SINCE_YEARS = (1900, 1995)  # "knitting since 1955": thirty years or more of one thing, as "for 35 years" says
TENURE_OPENERS = frozenset({"after", "with", "over", "celebrating", "for"})
SHOWING = frozenset({"showing", "visible", "exposed", "peeking", "poking"})  # "with gray roots showing": of the proxy
SKIN = frozenset({"skin", "complexion"})
HAIR_AND_SKIN = SKIN | frozenset({"hair", "curls", "locks", "coils"})
# hair by its growth or its style: what a colour that says an age of hair ("grey hair") says it of too
HAIR_GROWTH = frozenset("""curls locks ringlets braid braids plait plaits ponytail ponytails pigtails bun buns bob updo
    chignon topknot beard beards stubble mustache moustache goatee sideburns whiskers""".split())


AGE_GAP_YEARS = 20  # "sees herself forty years younger": a gap this wide says she is no child
GIVING_VERBS = frozenset("give gives giving gave add adds adding added".split())  # "give him a beard"

CLAUSE_JOINERS = frozenset("as while whilst when because until and but".split())  # what opens a clause mid-sentence
_PROXY_TYPOS: dict[int, tuple[dict, dict[str, tuple[str, ...]]]] = {}  # a lexicon's one-word proxies by deletion


class ProxiesMixin:
    """Passes of `obclip.prompts.parse._Parser` that hold back proxies (mixed in)."""

    def mark_proxies(self, person_words_only: bool = False) -> None:
        """Proxy words and phrases, held back (or refused). With `person_words_only`, only phrases that
        hold a person word ("man bun", "mom jeans", "bachelor party"), before person phrases are found."""
        toks = self.tokens
        if not person_words_only and not self.anyone():
            if self.about_a_thing:  # said in the parser's account, as the audit and `obclip candidates` show it
                self.kept += [
                    (i, i, "the prompt is about a thing and names no one: it hints at no one here")
                    for i, t in enumerate(toks)
                    if t.is_word and t.core in self.lex.proxies and self.free(i)
                ]
                self.release_origins()
            return  # "a tiger wearing a tuxedo": with nobody in the prompt a proxy hints at nobody
        nobody = person_words_only and self.about_a_thing  # "boyfriend jeans folded on a chair": a kind of jeans
        if not person_words_only:
            self.mark_hair_types()
            self.hold_tenures()
            self.hold_worn_namesakes()
            for first, last, seg in list(self.spans):
                if isinstance(seg, Held) and seg.why == "not a person" and plain(seg.text.lower()) in self.lex.proxies and (
                        not any((n := self.lex.nouns.get(plain(w))) is not None and n.says_who()
                                for w in seg.text.lower().split()) or self.members_after(last)):  # fmt: skip
                    # "a man praying during Ramadan", "a man eating haggis on Burns Night": a festival kept as no
                    # person's name is still a proxy of the origin of whoever is there ("a boy band", kept as a band
                    # by its person word, is not released, unless its members are named: "a boy band of four teenage
                    # boys" had the decoy "a boy band of four old women", round 56)
                    self.release_named(first)
        for i, t in enumerate(toks):
            # a number opens a phrase too ("360 waves"): only as the first word of a listed multiword proxy
            if not self.free(i) or not (t.is_word or (t.kind == "num" and t.low in self.lex.proxy_starts)):
                continue
            key, last, kind = "", i, ""
            starts = self.lex.proxy_starts
            other = self.lex.counterpart(t.core)  # "girlfriend jeans" opens as "boyfriend jeans" does
            lengths = starts.get(t.low) or starts.get(t.core) or starts.get(other or "", ())  # the phrases it opens
            glued = "-" in t.core and t.core.split("-")[0] in self.lex.nouns and t.core in self.lex.proxies
            # "A mom-to-be in her early thirties": a person noun glued into a proxy is its person before ages are
            # read (else "her" made a second person, and the prompt was refused)
            for n in (4, 3, 2, 1) if not person_words_only or glued else (4, 3, 2):  # the longest phrase first
                if n > 1 and n not in lengths or n == 1 and not t.is_word:
                    continue
                if i + n <= len(toks) and all(self.free(k) and (toks[k].is_word or k == i) for k in range(i, i + n)):
                    # inside a phrase a possessive is part of it ("crow's feet"); the last word's is the owner's
                    words = " ".join(toks[k].low if k < i + n - 1 else toks[k].core for k in range(i, i + n))
                    if person_words_only and not glued and not any(
                        toks[k].core in self.lex.nouns or (toks[k].core.isalpha() and not self.lex.tags(toks[k].core))
                        for k in range(i, i + n)
                    ):  # "ao dai": "dai" reads as a typo
                        continue
                    if n == 1 and words not in self.lex.proxies and (
                            (one := listed_singular(words, self.lex.proxies)) is not None
                            and self.lex.proxies[one].kind == "noun"):  # fmt: skip
                        words = one  # "two women in hijabs", "in saris": the plural of a listed garment
                    elif n == 1 and words not in self.lex.proxies and (typo := self.misspelt_proxy(t.core)) is not None:
                        words = typo  # "a pregnent woman": the proxy, as the device reads it (round 93: sent as written)
                    elif n == 1 and words not in self.lex.proxies:
                        words = self.proxy_compound(words)
                        kind = "adj"  # "turban-clad", "hijabed" describe a person as an adjective does
                    elif n > 1 and words not in self.lex.proxies:
                        words = self.counterpart_phrase(words)  # "girlfriend jeans" as "boyfriend jeans" is
                        if words not in self.lex.proxies and words.endswith("s"):
                            words = words[:-1]  # "in school uniforms": the plural of a listed phrase
                    if words in self.lex.proxies:
                        key, last = words, i + n - 1
                        kind = kind or self.lex.proxies[words].kind
                        break
            slashed = t.low == "w" and (slash := self.tok(i + 1)) is not None and slash.text == "/" and self.free(i + 1)
            if not key and (slashed or (t.low in g.CHAT_WITH and (a := self.tok(i + 1)) is not None and a.is_word)):
                skip = 1 if slashed else 0  # "an old lady w/ a walker" (round 68), "old lady w a walker" (round 102):
                for n in (4, 3, 2):  # chat's "with", sent as written
                    rest = range(i + 1 + skip, i + n + skip)
                    if i + n - 1 + skip < len(toks) and all(self.free(k) and toks[k].is_word for k in rest):
                        words = " ".join(["with"] + [toks[k].low if k < i + n - 1 + skip else toks[k].core for k in rest])
                        if words in self.lex.proxies:
                            key, last, kind = words, i + n - 1 + skip, self.lex.proxies[words].kind
                            break
            if not key:
                continue
            if kind == "noun" and last == i and self.verb_after_subject(i):
                continue  # "a woman dresses her son", "a man braces himself": the clause's verb, not a garment
            if nobody:
                self.keep(i, last, f"it names a kind of {toks[last].core}, and no one is in the prompt")
                continue
            if kind == "attr" and ((w := self.tok(self.listed_head(last + 1))) is None or not w.is_word or (
                    self.noun(w) is None and w.core not in COLLECTIVES) or (  # "a gay couple": the two are men
                    (b := self.tok(i - 1)) is not None and b.is_word and self.noun(b) is not None)):  # fmt: skip
                continue  # "ginger tea", "a curvy road", "a man expecting guests": it says nothing of a person there
            if self.proxies == "refuse":
                raise self.refuse(t, proxy_message(self.lex.proxies[key].reveals), ProxyRefused)
            prev, nxt = self.tok(i - 1), self.tok(last + 1)
            nominal = (
                prev is not None
                and prev.core in ("a", "an", "the")
                and self.free(i - 1)
                and (nxt is None or not nxt.is_word or nxt.core in g.CLOSED or (self.ing(nxt) and nxt.core not in ING_EVENTS))
                and not (nxt is not None and nxt.text == "," and (w := self.tok(self.listed_head(last + 1))) is not None
                         and w.is_word and self.noun(w) is not None)
            )  # "a blonde dancing"; not "A Hindu wedding with the bride" (went out "A Person wedding"), nor "A blonde,
            # blue-eyed woman" (a list of her modifiers: "A person, woman" was sent, rounds 76-77)
            # a noun proxy that names a person ("redhead", "cheerleader") is the person where it is a clause's subject
            # and acts: "a redhead sunbathing"; not "a baby in a stroller", "a mother pushing a stroller with ..."
            opens = (w := self.tok(i - 2)) is None or not w.is_word or w.low in ("and", "of")
            acts = nxt is not None and nxt.is_word and (self.ing(nxt) or nxt.core in AFTER_NAME - {"and", "with"})
            names_one = t.core in self.lex.senses.person_senses or t.core.split("-")[0] in self.lex.nouns  # "mom-to-be"
            described = nxt is not None and nxt.core in ("with", "in", "wearing") and prev is not None and (
                prev.core in ("a", "an", "the"))  # "A redhead with freckles ... reading", "a redhead in a green dress"
            person_noun = kind == "noun" and last == i and names_one and (glued or opens and (acts or described))
            nominal = nominal or (
                person_noun and prev is not None and prev.core in ("a", "an", "the") and self.free(i - 1)
            )
            described_one = kind == "adj" and not nominal and prev is not None and self.free(i - 1) and (
                nxt is None or not nxt.is_word or nxt.core in g.CLOSED or (self.ing(nxt) and nxt.core not in ING_EVENTS)) and (
                (start := self.phrase_start(i))[1] != "" and start[0] < i - 1)  # fmt: skip
            if described_one:  # "an old blonde hiking", "a 25 year old blonde": a person, whose words before it are
                self.noun_phrase(i, (Noun("person", "sg"), ""), False)  # read as a person noun's (round 86: "an old
                self.held_in_phrase([self.prompt[t.start : toks[last].end]])  # hiking" was sent)
                continue
            if (kind == "adj" or person_noun) and nominal:  # "a blonde in a convertible": a person
                pid = self.new_person(Person(cls="person", anchor=i))
                self.claim(
                    i - 1, last, Phrase(pid, prev.text, (), toks[last].possessive, self.phrase_case(i - 1, last))
                )
                self.held_in_phrase([self.prompt[t.start : toks[last].end]])
                continue
            start = i
            if kind == "noun" and last > i and t.low in g.PREPOSITIONS and self.thing_noun(last + 1) and (
                    not self.ing(toks[last + 1])):  # fmt: skip
                start = i + 1  # "a girl in high school band uniform": the school names the uniform's kind; the
                # preposition stays with the uniform ("in college" held left "a girl sweatshirt")
            named_last = last
            first, last = self.weighted(*self.proxy_extent(start, last, "attr" if start > i else kind))
            first, last = self.subject_clause(first, last, named_last)
            if (w := self.tok(first - 1)) is not None and w.is_word and self.free(first - 1) and (
                    self.lex.tags(w.core) == "r" or w.core in INTENSIFIERS):  # fmt: skip
                first -= 1  # "white hair and very pale skin": the adverb goes with the word it grades ("very," was left)
            if (c := self.tok(first - 1)) is not None and (c.low in COPULAS or c.low in SPEAKER_FORMS or (
                    c.low in LOOK_VERBS) or CONTRACTED_PRONOUN.match(c.low)) and (
                    a := self.tok(last + 1)) is not None and a.low == "and" and (
                    self.free(last + 1) and self.tok(last + 2) is not None):  # fmt: skip
                last += 1  # "she is bald and 45" -> "she is 45": the "and" goes with what it joined ("she is and 45"
                # read differently from its decoys, and the age went out as written)
                then = self.tokens[last + 1]
                if (glued_subject(then.low) or then.low in CLAUSE_SUBJECTS) and glued_subject(c.low) and self.free(first - 1):
                    first -= 1  # "draw my wife shes pregnant and we're at the hospital" -> "draw my wife we're at the
                    # hospital": a new clause follows, so its subject goes too (round 83: "shes we're" was sent)
            if toks[first].low in ("in", "into") and (w := self.tok(first - 1)) is not None and w.is_word and (
                    self.free(first - 1) and (w.core == "clad" or (w.core.endswith("ed") and "v" in self.lex.tags(w.core)))):  # fmt: skip
                first -= 1  # "A person wrapped in a red Maasai shuka herding cattle": the garment's verb goes with it
                # ("A person wrapped herding cattle" was sent, round 74)
            if kind == "attr" and (c := self.tok(last + 1)) is not None and c.text == "," and self.free(last + 1) and (
                    self.listed_head(last + 1) > last + 2):  # fmt: skip
                first, last = i, last + 1  # "a pale, thin woman" -> "a thin woman": the comma goes with it
            elif kind == "attr" and first == i and i > 0 and toks[i - 1].text == "," and self.free(i - 1) and (
                    (b := self.tok(i - 2)) is not None and b.is_word and "a" in self.lex.tags(b.core)):  # fmt: skip
                first = i - 1  # "a tall, pale man" -> "a tall man"
            of, who = self.tok(last + 1), self.tok(last + 2)
            if of is not None and of.low == "of" and self.free(last + 1) and who is not None and (
                    (who.is_word and self.noun(who) is not None) or (
                        (k := self.used.get(last + 2)) is not None and isinstance(self.spans[k][2], Phrase))):  # fmt: skip
                last += 1  # "three generations of women cooking": "women cooking" is left, not "of women cooking";
                # "a boy band of four teenage boys": "four little boys singing"
            elif of is not None and of.low == "of" and self.free(last + 1) and kind == "noun":
                k = last + 2
                while k < last + 5 and (w := self.tok(k)) is not None and w.is_word and (
                        w.core in g.DETERMINERS or ("a" in self.lex.tags(w.core) and not self.thing_noun(k))):  # fmt: skip
                    k += 1  # "of the finest silk", "of red silk"
                if all(self.free(m) for m in range(last + 1, k + 1)) and self.thing_noun(k):
                    last = k  # "a kimono of silk on a woman": its stuff goes with it, not "of silk on a woman"
            p, n, e, b = self.tok(last + 1), self.tok(last + 2), self.tok(last + 3), self.tok(first - 1)
            if kind == "noun" and b is not None and b.text == "," and p is not None and p.low in g.PREPOSITIONS and (
                    n is not None and n.is_word and "n" in self.lex.tags(n.core) and n.core not in g.CLOSED
                    and self.free(last + 1) and self.free(last + 2) and (e is None or e.text in ",.;")):  # fmt: skip
                last += 2  # "An infant in a car seat, pacifier in mouth, dozing": the tag whole (round 96: ", in mouth,")
            if self.worn_by_no_person(first):
                continue  # "a green alien wearing a tuxedo", "a tiger in a tuxedo": it hints at nobody
            obj = self.tok(last + 1)
            verb = first == last and self.ing(toks[first]) and obj is not None and (self.free(last + 1) or (
                (k := self.used.get(last + 1)) is not None and isinstance(self.spans[k][2], Phrase))) and (
                obj.core in POSSESSIVE_DETERMINERS or obj.core in g.DETERMINERS)  # fmt: skip
            # "a mother breastfeeding her baby": a held verb before its object leaves "with" in its place, so the
            # cloud view reads "a mother with her baby", not "a mother her baby"; so after a held verb before a
            # person's phrase ("A person breastfeeding a newborn" sent "A person a little child")
            stand_in = "with" if verb else ""
            hairdos = self.lex.senses.hairdos
            if kind == "noun" and (toks[last].core in hairdos or listed_singular(toks[last].core, hairdos)) and (
                    v := self.tok(last + 1)) is not None and (
                    v.is_word and self.free(last + 1) and "v" in self.lex.tags(v.core) and v.core not in g.CLOSED
                    and self.noun(v) is None and (o := toks[first] if first < i else self.tok(i - 1)) is not None
                    and (o.possessive or o.core in POSSESSIVE_DETERMINERS or o.low == "whose")):  # fmt: skip
                self.claim(i, last, Held(self.prompt[toks[i].start : toks[last].end], "proxy", "hair"))
                self.unown(i, last)  # "the kid's braids blow in the wind", "her braids swing": what they do is said
                continue  # of their hair ("the little child's blow in the wind" was sent, round 72)
            head = self.tok(last + 1)
            lead = first + 1 if toks[first].low in g.PREPOSITIONS and first + 1 < last else first
            owner = self.owner_at(first - 1) if first > 0 else None
            persons_verb = owner is not None and self.persons[owner].number == "sg" and self.verb_s_form(head)
            # "An Indian bride in a red lehenga waits alone": "waits" is the bride's verb, no noun the proxy
            # names a kind of (round 87: "in a waits" was sent)
            if kind == "noun" and lead < last and toks[lead].core in ("a", "an") and head is not None and (
                    toks[last].is_word and toks[last].core not in g.CLOSED) and not persons_verb and (
                    head.is_word and self.free(last + 1) and "n" in self.lex.tags(head.core) and self.noun(head) is None
                    and not self.ing(head) and head.core not in g.CLOSED):  # fmt: skip
                # "A kindergarten class sitting in a circle": the article is the class's, and stays, agreeing with it
                # ("Class sitting in a circle" was sent)
                article = g.indefinite_article(toks[last + 1].core)
                stand_in = article.capitalize() if toks[first].text[:1].isupper() else article
                if lead > first:  # "Kids in a kindergarten class finger painting" -> "in a class" (round 82: "Little
                    stand_in = f"{toks[first].text} {article}"  # children class finger painting" was sent)
            self.claim(first, last, Held(self.prompt[toks[first].start : toks[last].end], "proxy", stand_in))
            self.unown(first, last)
            self.origin_told |= "ethnicity" in self.lex.proxies[key].reveals
        if not person_words_only:
            for first, last in self.saint_feasts if self.persons else ():  # beside someone the prompt names
                self.release_named(first)
                if all(self.free(k) for k in range(first, last + 1)):
                    self.claim(first, last, Held(self.prompt[toks[first].start : toks[last].end], "proxy"))
            self.hold_orphaned_prepositions()

    def own_age_at(self, i: int) -> int | None:
        """The last token of "im 17", "I'm like 30", "I am about 40" opened at token i (the one asking, their age),
        else None."""
        t = self.tokens[i]
        k = i + 2 if t.low == "i" and (a := self.tok(i + 1)) is not None and a.low == "am" else i + 1
        if k == i + 1 and t.low not in ("im", "i'm", "i’m"):
            return None
        if (w := self.tok(k)) is not None and w.low in ("like", "about", "around", "almost", "nearly", "only", "just"):
            k += 1
        n, after = self.tok(k), self.tok(k + 1)
        if n is None or not n.low.isdigit() or not 0 < int(n.low) <= 120 or not all(self.free(m) for m in range(i, k + 1)):
            return None
        return k if after is None or not after.is_word or after.low in ("and", "but", "so") else None

    def past_event_before(self, i: int) -> bool:
        """A verb in the past ("graduated", "married", "met") stands within three words before token i, in its
        clause: "graduated from college in 1972"."""
        for k in range(i - 1, max(i - 4, -1), -1):
            w = self.tokens[k]
            if not w.is_word or w.low in ("and", "but", "while", "who", "that"):
                return False
            if self.past_verb(k):
                return True
        return False

    def hold_worn_namesakes(self) -> None:
        """ "a girl in a Girl Scout uniform", "a boy in a boy scout uniform": a garment named with a person word that
        says an age (and a gender) says it of whoever wears it, and is held back as a proxy with its garment (round 59:
        kept as a kind of uniform beside the decoys "an old man in a Girl Scout uniform"). "girl scout cookies on a
        table", with no one to wear anything, stays."""
        if not self.persons:
            return
        named = [(a, b) for a, b, seg in self.spans if isinstance(seg, Held) and seg.why == "not a person" and a >= 0]
        kinds = [(a - 1 if a > 0 and self.free(a - 1) and self.noun(self.tokens[a - 1]) is not None else a, b)
                 for a, b, why in self.kept if why.startswith("it names a kind of")]  # fmt: skip
        kinds = [(a, b) for a, b in kinds if all(self.free(k) for k in range(a, b + 1))]
        # "a boy in a boy scout uniform": "scout" kept as the uniform's kind, "boy" before it free
        for first, last in named + kinds:
            garment = self.tok(last + 1)
            if garment is None or not (garment.is_word and self.free(last + 1) and garment.core in self.lex.senses.garments):
                continue
            said = [n for k in range(first, last + 1) if (n := self.lex.nouns.get(self.tokens[k].core)) is not None]
            if not any("age" in n.states() for n in said) or self.worn_by_no_person(first):
                continue  # a group's uniform says its members' age and gender; "a princess costume" anyone may wear
            self.release_named(first)
            a, b = self.proxy_extent(first, last, "attr")  # "in a uniform" stays, as for "a little league uniform"
            self.claim(a, b, Held(self.prompt[self.tokens[a].start : self.tokens[b].end], "proxy"))
            self.unown(a, b)

    def doer_before(self, i: int) -> int | None:
        """The subject of the clause of token i, or, where the clause opens on a verb after "and"/"then" ("... and has
        worked night shifts for thirty years"), of the clause before, whose subject it shares; or the person a
        participle set off after them is said of ("a woman, married for fifty years,")."""
        if (found := self.subject_before(i)) is not None:
            return found
        clause = self.clause_start(i)
        if clause >= 1 and self.tokens[clause - 1].low in ("and", "then") and (v := self.tok(clause)) is not None and (
                v.is_word and (v.core in g.AUXILIARIES or "v" in self.lex.tags(v.core)) and self.noun(v) is None):  # fmt: skip
            return self.subject_before(clause - 1)
        if clause >= 2 and self.tokens[clause - 1].text == "," and (v := self.tok(clause)) is not None and (
                v.is_word and v.low.endswith("ed") and "v" in self.lex.tags(v.core)):  # fmt: skip
            return self.owner_at(clause - 2)  # "a woman, married for fifty years, smiling": said of her
        return None

    def hold_tenures(self) -> None:
        """ "after 35 years of teaching", "with 30 years of experience", "celebrating 50 years of marriage": a span of
        a life's work or bond that long says the person's age (no child has taught for 35 years) as "retired" does,
        and is held back likewise where someone is in the prompt; sent with every decoy, it contradicted a child's."""
        if not self.persons and not any(t.core in ("he", "she") for t in self.tokens):
            return  # "She has worked night shifts for thirty years": a pronoun is someone too (round 102)
        for i, t in enumerate(self.tokens):
            if t.low == "since" and (year := self.tok(i + 1)) is not None and year.kind == "num" and (
                    SINCE_YEARS[0] <= (int(year.low) if year.low.isdigit() else 0) <= SINCE_YEARS[1]) and (
                    self.free(i) and self.free(i + 1) and self.subject_before(i) is not None) and (
                    (after := self.tok(i + 2)) is None or not after.is_word or after.core in g.CONJUNCTIONS):  # fmt: skip
                # "a woman who has been knitting since 1955, in her armchair": doing one thing since then is no
                # child's, nor a young person's (round 59: sent beside every decoy); "a shop open since 1955" has no
                # person doing it
                self.claim(i, i + 1, Held(self.prompt[t.start : year.end], TENURE))
                continue
            if (said := self.own_age_at(i)) is not None:
                first = i - 1 if (a := self.tok(i - 1)) is not None and a.low == "and" and self.free(i - 1) else i
                # "my mom and me at the beach, shes like 45 and im 17": the one asking says their own age, which is
                # no decoy's (round 62: "im 17" went out beside "my father ... hes like 25")
                self.claim(first, said, Held(self.prompt[self.tokens[first].start : self.tokens[said].end], TENURE))
                continue
            if t.low == "in" and (year := self.tok(i + 1)) is not None and year.kind == "num" and (
                    SINCE_YEARS[0] <= (int(year.low) if year.low.isdigit() else 0) <= EVENT_YEAR_LAST) and (
                    self.free(i) and self.free(i + 1) and self.past_event_before(i)) and (
                    self.subject_before(i) is not None):  # fmt: skip
                # "a man who graduated in 1975", "married in 1968": the year of an event of one's life bounds one's
                # age as a birth year does (round 62: sent beside every decoy); "a photo from 1975" has no event
                self.claim(i, i + 1, Held(self.prompt[t.start : year.end], TENURE))
                continue
            years = g.number_value(t.text) if self.free(i) else None
            unit, of = self.tok(i + 1), self.tok(i + 2)
            if years is None or years < TENURE_YEARS or unit is None or unit.low not in ("years", "decades"):
                continue
            prev, after = self.tok(i - 1), self.tok(i + 2)
            if after is not None and after.low in AGE_COMPARATIVES and years >= AGE_GAP_YEARS and self.free(i + 1) and (
                    self.free(i + 2) and ((than := self.tok(i + 3)) is None or than.low != "than")):  # fmt: skip
                # "A woman ... sees herself forty years younger": so far from her own age she is no child, nor young
                # (round 82: refused as a stray age); a smaller gap ("10 years younger") or one from someone else's
                # age ("30 years younger than her sister") is sent
                self.claim(i, i + 2, Held(self.prompt[t.start : after.end], TENURE))
                continue
            if prev is not None and prev.low == "for" and unit is not None and unit.low in ("years", "decades") and (
                    years is not None and years >= TENURE_YEARS and self.free(i - 1) and self.free(i + 1)) and (
                    after is None or not after.is_word or after.core in g.CONJUNCTIONS) and (
                    self.doer_before(i - 1) is not None):  # fmt: skip
                # "Grandpa Joe has done this for sixty years, and ...", "she has taught here for 30 years": a person
                # doing one thing that long is no child (round 55: sent beside a decoy "young fisherman"); "She is in
                # her fifties and has worked night shifts for thirty years" (round 102: sent beside "in his childhood")
                self.claim(i - 1, i + 1, Held(self.prompt[prev.start : unit.end], TENURE))
                continue
            if prev is not None and prev.low == "after" and self.free(i - 1) and self.free(i + 1) and (
                    after is not None and after.low in ("at", "with", "on") and self.subject_before(i - 1) is not None):  # fmt: skip
                # "a man who just retired after 40 years at the steel mill": how long he worked there (round 59:
                # "retired" held left "a man who just after 40 years at the steel mill"); where he worked stays
                self.claim(i - 1, i + 1, Held(self.prompt[prev.start : unit.end], TENURE))
                continue
            if of is None or of.low not in ("of", "in", "as") or not self.free(i + 1) or not self.free(i + 2):
                continue
            j = i + 3
            while (w := self.tok(j)) is not None and w.is_word and self.free(j) and (
                    w.core in g.DETERMINERS or w.core in POSSESSIVE_DETERMINERS or "a" in self.lex.tags(w.core)) and (
                    w.core not in TENURE_NOUNS and not self.ing(w)):  # fmt: skip
                j += 1
            work = self.tok(j)
            if work is None or not self.free(j) or not (work.core in TENURE_NOUNS or self.ing(work)):
                continue
            first = i - 1 if (p := self.tok(i - 1)) is not None and p.low in TENURE_OPENERS and self.free(i - 1) else i
            self.claim(first, j, Held(self.prompt[self.tokens[first].start : work.end], TENURE))

    def unown(self, first: int, last: int) -> None:
        """A person's possessive right before a held proxy that ends its clause owns nothing in the cloud view ("a
        woman's | hijab", "his daughter's | prom"): the phrase is written without it ("a close-up of a woman", "at
        his daughter"), in every candidate alike, rather than "a woman's" with nothing after it. Not where the
        clause goes on ("my sisters' wedding dresses hanging in a row": the sisters are not hanging)."""
        k = self.used.get(first - 1) if first > 0 else None
        after = self.tok(last + 1)
        if k is None or (after is not None and (after.is_word or after.text not in ",.;:!?")):
            return
        a, b, seg = self.spans[k]
        if isinstance(seg, Phrase) and seg.possessive and b == first - 1:
            self.spans[k] = (a, b, replace(seg, possessive=""))

    def members_after(self, last: int) -> bool:
        """The kept thing ending at token `last` is followed by "of" and the people it is made of ("a boy band of four
        teenage boys")."""
        of = self.tok(last + 1)
        return of is not None and of.low == "of" and (k := self.used.get(last + 2)) is not None and (
            isinstance(self.spans[k][2], Phrase))

    def listed_head(self, k: int) -> int:
        """The word a list of adjectives from token k describes: k itself, or past ", thin", ", freckled redhead"
        ("a pale, thin woman": "pale" describes the woman as "a pale woman" does; it was sent)."""
        j = k
        while j < k + 6 and (t := self.tok(j)) is not None and t.text == "," and (w := self.tok(j + 1)) is not None:
            j += 1
            while j < k + 6 and (w := self.tok(j)) is not None and w.is_word and self.noun(w) is None and (
                    "a" in self.lex.tags(w.core) or w.core in self.lex.proxies or "-" in w.core):  # fmt: skip
                j += 1
        return j

    def release_origins(self) -> None:
        """Origin words held before a word the lexicon lacks ("a Mexican cantina interior") go out as written
        where the prompt is about a thing and names no one: they give a thing's style, and no one is there."""
        for k, (first, last, seg) in enumerate(self.spans):
            if first >= 0 and isinstance(seg, Held) and seg.why == "origin":
                for m in range(first, last + 1):
                    del self.used[m]
                self.spans[k] = (-1, -1, Held("", RELEASED))
                self.kept.append((first, last, "the prompt is about a thing and names no one: a thing's style"))

    def hold_origins_of_things(self) -> None:
        """Where someone's origin is stated (varied or held), what tells an origin of the place or the things
        around them stays on the device too: sent beside decoys of every origin, it points to one. A place WordNet
        puts in a country of one origin ("at a wedding in Accra" beside "a European man", "in Naples", "a Moscow
        street market"), an origin word that describes a thing ("eating Indian food", "in a Korean restaurant"), a
        language ("speaking Tamil"). Decided by reference (`Senses.places`, built from WordNet's part holonyms and
        our origin adjectives), not by a list of cities. Where no one's origin is stated they go as written
        ("a man in Accra" varies only the gender, and says nothing the decoys contradict). A place in a country of
        an origin never varied ("Atlanta", "Guadalajara") goes only beside an origin held back ("a Mexican man")."""
        if not any("ethnicity" in p.states for p in self.persons) and not self.mixed_origin() and not self.origin_told:
            return
        for first, _last, why in list(self.kept):
            word = self.tokens[first]
            said = self.lex.adjectives.get(word.core)
            if (why.startswith(DESCRIBES) or why == LANGUAGE) and said is not None and said.attribute == "ethnicity" and (
                    self.free(first)):  # fmt: skip
                self.claim(first, first, Held(word.text, "origin"))  # "Indian food" -> "food"
        for i, t in enumerate(self.tokens):
            prev, nxt = self.tok(i - 1), self.tok(i + 1)
            if t.is_word and self.free(i) and t.core in self.lex.senses.languages and prev is not None and (
                    prev.low in SPEAKING or prev.low in ("in", "into")) and (
                    nxt is None or not nxt.is_word or "n" not in self.lex.tags(nxt.core) or nxt.core in g.CLOSED):  # fmt: skip
                self.claim(i, i, Held(t.text, "origin"))  # "speaking Mandarin to her son" beside "a European woman"
            elif t.is_word and self.free(i) and t.core in self.lex.senses.languages and self.noun(t) is None and (
                    nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core) and nxt.core not in g.CLOSED
                    and self.noun(nxt) is None and self.free(i + 1) and not self.ing(nxt)
                    and not set(self.lex.tags(t.core)) - {"n", "a", "N"}
                    and f"{t.core} {nxt.core}" not in self.lex.senses.compounds
                    and f"{t.core} {nxt.core}" not in self.lex.senses.regional):  # fmt: skip
                self.claim(i, i, Held(t.text, "origin"))  # "listening to Hindi songs", "drinking Arabic coffee": the
                # thing's language is its people's, as "Indian food" is theirs; not a word that is a verb or a name
                # too ("a fox mask"), nor one of a compound ("tai chi")
        for first, last, seg in list(self.spans):
            if not (first >= 0 and isinstance(seg, Held) and seg.why == "not a person"):
                continue
            said = self.lex.adjectives.get(self.tokens[first].core)
            # "Indian food", "Korean barbecue"; not "black and white photo", "black beans"
            origin = said is not None and said.attribute == "ethnicity" and self.tokens[first].core not in THING_ADJECTIVES
            regional = " ".join(plain(self.tokens[m].low) for m in range(first, last + 1)) in self.lex.senses.regional
            if self.named_why.get(self.tokens[first].start) == PLACE_KEPT and not origin and not any(
                    "P" in self.lex.tags(self.tokens[m].core) for m in range(first, last + 1)):  # fmt: skip
                self.release_named(first)  # "a schoolboy in a turban ... on a rooftop in Amritsar", "a Japanese woman
                # strolling in Gion": a place no dictionary here places may be of the origin stated, which it would
                # tell beside decoys of every origin (round 86: sent); one WordNet knows as a place is read below
                # ("Atlanta", a city of an origin never varied), or goes as written ("Paris": no one's origin there)
                prev = self.tok(first - 1)
                start = first - 1 if prev is not None and prev.low in PLACE_PREPOSITIONS and self.free(first - 1) else first
                self.claim(start, last, Held(self.prompt[self.tokens[start].start : self.tokens[last].end], "place"))
                continue
            if origin or regional or any(self.place_at(m, named=True) is not None for m in range(first, last + 1)):
                self.release_named(first)  # "Accra", "Moscow street" kept as names: the place is read below ("in
                # Chinatown", a thing of one origin, by `hold_regional_things`)
                if origin:
                    self.claim(first, first, Held(self.tokens[first].text, "origin"))
        i = 0
        while i < len(self.tokens):
            found = self.place_at(i)
            if found is None:
                i += 1
                continue
            first, last = i, found
            prev, after = self.tok(first - 1), self.tok(last + 1)
            modifies = (
                after is not None
                and after.is_word
                and "n" in self.lex.tags(after.core)
                and not (self.ing(after) or after.core in g.CLOSED)
            )  # "a Moscow street market"; not "in Kyoto performing ..."
            if not modifies and prev is not None and self.free(first - 1) and prev.is_word and (
                    "a" in self.lex.tags(prev.core)) and prev.core not in g.CLOSED and (
                    (before := self.tok(first - 2)) is not None and before.low in PLACE_PREPOSITIONS):  # fmt: skip
                first -= 1  # "walking through snowy Moscow" -> "walking", not "walking through snowy"
                prev = before
            if not modifies and prev is not None and self.free(first - 1) and (
                    prev.low in PLACE_PREPOSITIONS or prev.low == "of"):  # fmt: skip
                first -= 1  # "at a wedding in Accra" -> "at a wedding"; "a Moscow street market" keeps its market;
                # "the pyramids of Giza" -> "the pyramids"
            self.claim(first, last, Held(self.prompt[self.tokens[first].start : self.tokens[last].end], "place"))
            i = last + 1
        self.hold_regional_things()

    def origin_held(self) -> bool:
        """Someone's origin stays on the device: stated and held ("a Mexican man"), mixed ("half Japanese"), or told
        by a proxy held back ("a woman in a kimono"). Then a place or thing of an origin never varied goes too."""
        return any(p.states.get("ethnicity") == HELD for p in self.persons) or self.mixed_origin() or self.origin_told

    def mixed_origin(self) -> bool:
        """A mixed origin was held ("half Japanese"): an origin is stated, though no value is varied, so what tells
        one origin around the person stays on the device too ("a half Japanese man at a matsuri")."""
        return any(first >= 0 and isinstance(seg, Held) and seg.why in (MIXED_ORIGIN, MIXED_GROUP)
                   for first, _, seg in self.spans)  # fmt: skip  # "one Jewish and one Arab, ... in Jerusalem"

    def hold_regional_things(self) -> None:
        """ "A Scottish man in a kilt", "a Japanese chef making sushi", "a Russian grandmother selling pirozhki": a
        thing WordNet's gloss or region gives one origin (`Senses.regional`: dishes, garments, instruments, dances,
        festivals, dwellings) stays on the device beside a stated origin, held with the words that introduce it,
        as a proxy is; one of an origin never varied ("a burrito", Mexico) only beside an origin held back."""
        held_origin = self.origin_held()
        i = 0
        while i < len(self.tokens):
            last = None
            for n in (3, 2, 1):
                words = self.tokens[i : i + n]
                if len(words) < n or not all(w.is_word and self.free(i + k) for k, w in enumerate(words)):
                    continue
                key = " ".join(w.low for w in words[:-1]) + (" " if n > 1 else "") + words[-1].core
                regional = self.lex.senses.regional
                value = regional.get(key) or regional.get(listed_singular(key, regional) or "") or regional.get(
                    plain(key))  # fmt: skip  # "samosas", "kilts"; "phở" is "pho"
                if value is not None and (value != HELD or held_origin):
                    last = i + n - 1
                    break
            if last is None:
                i += 1
                continue
            self.release_owner(i)
            first, last = self.weighted(*self.proxy_extent(i, last, "noun"))
            if (s := self.tok(first - 1)) is not None and glued_subject(s.low) and (
                    (a := self.tok(first - 2)) is not None and a.low in ("and", "n") and self.free(first - 2)) and (
                    self.free(first - 1) or self.said_again(first - 1)):  # fmt: skip
                self.release_pronoun(first - 1)
                first -= 2  # "... and like 80 and shes making parathas lol": the clause whole (round 88: "and shes
                # lol" was sent); "shes" said her gender before
            if (p := self.tok(last + 1)) is not None and p.low in ("on", "at", "to", "for") and self.free(last + 1) and (
                    (o := self.tok(last + 2)) is not None and o.low in ("him", "her", "them") and (
                        self.free(last + 2) or self.said_again(last + 2) or self.named_elsewhere(last + 2))) and (
                    (e := self.tok(last + 3)) is None or not e.is_word):  # fmt: skip
                if not self.free(last + 2):
                    self.release_pronoun(last + 2)
                last += 2  # "guests spraying naira notes on him": whom it is done to goes with it ("guests on him")
            self.claim(first, last, Held(self.prompt[self.tokens[first].start : self.tokens[last].end], "origin"))
            self.unown(first, last)
            i = last + 1
        self.hold_orphaned_articles()  # "in a Marrakech souk": the article, then "in" (round 90: "in a" was sent)

    def said_again(self, k: int) -> bool:
        """Token k is a one-word pronoun of someone another pronoun of whom stands elsewhere."""
        j = self.used.get(k)
        seg = self.spans[j][2] if j is not None else None
        return isinstance(seg, Pronoun) and self.spans[j][0] == self.spans[j][1] == k and any(
            isinstance(other, Pronoun) and other.person == seg.person and a != k for a, _, other in self.spans)  # fmt: skip

    def named_elsewhere(self, k: int) -> bool:
        """Token k is a one-word pronoun of someone a phrase names too ("a Nigerian man ..., guests ... on him")."""
        j = self.used.get(k)
        seg = self.spans[j][2] if j is not None else None
        return isinstance(seg, Pronoun) and any(
            isinstance(s, Phrase) and s.person == seg.person for _, _, s in self.spans)  # fmt: skip

    def release_pronoun(self, k: int) -> None:
        """Frees the one-word pronoun at token k, if any, for a hold that takes it."""
        j = self.used.get(k)
        if j is not None and isinstance(self.spans[j][2], Pronoun):
            del self.used[k]
            self.spans[j] = (-1, -1, Held("", RELEASED))

    def release_owner(self, i: int) -> None:
        """A possessive pronoun right before a regional thing at token i ("at his baraat", "playing his bagpipes")
        leaves with it, as an article does: read before the thing was held, it was left behind alone ("at his"),
        which a decoy reads as an object pronoun ("at her" -> someone else), and the set was refused."""
        k = self.used.get(i - 1) if i > 0 else None
        if k is None:
            return
        first, last, seg = self.spans[k]
        # "a Nigerian chef tasting her jollof rice; she nods": "she" says the gender "her" said (round 84: "tasting
        # her;" was left, read as an object in the decoys, and the prompt was refused)
        if isinstance(seg, Pronoun) and seg.role == "possessive" and first == last == i - 1 and (
                "gender" in self.persons[seg.person].in_phrase or self.said_again(i - 1)):  # fmt: skip  # "a piper
            # playing his bagpipes": his gender is said by "his" alone, which must stay
            self.release_pronoun(i - 1)

    def place_at(self, i: int, named: bool = False) -> int | None:
        """The last token of a place name of one origin starting at token i (at most three words, free, or with
        `named` inside a name kept as a thing's), written as a name: capitalised, or in a prompt in lower case
        after a preposition ("in karachi"); a name that is a common noun too only capitalised inside a sentence
        ("in Manila", "in Berlin"; not "a manila envelope")."""
        t, prev = self.tokens[i], self.tok(i - 1)
        if not t.is_word or not (t.capitalised or (prev is not None and prev.low in PLACE_PREPOSITIONS)):
            return None
        for n in (3, 2, 1):
            words = self.tokens[i : i + n]
            if len(words) < n or not all(w.is_word and (named or self.free(i + k)) for k, w in enumerate(words)):
                continue
            key = " ".join(plain(w.core) for w in words)
            value = self.lex.senses.places.get(key)
            if value is None and all(w.capitalised for w in words) and i not in self.starts and not (
                    self.title_mode or self.upper_mode):  # fmt: skip
                value = self.lex.senses.named_places.get(key)  # "in Manila", not "a manila envelope"
            if value is not None and (value != HELD or self.origin_held()):
                return i + n - 1  # a place of an origin held back ("in Guadalajara") only beside one held back
        return None

    def hold_orphaned_prepositions(self) -> None:
        """A preposition whose whole object was held back goes with it ("reading the Torah at a bar mitzvah" ->
        "reading the Torah", not "... at"; "with red hair and freckles" -> nothing left after "with")."""
        for i, t in enumerate(self.tokens):
            if not (self.free(i) and t.is_word and (t.low in g.PREPOSITIONS or t.low in INTRODUCERS)):
                continue
            j = self.past_held(i + 1)
            after = self.tok(j)
            nxt = self.tok(j + 1)
            modifier = nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core) and nxt.core not in g.CLOSED
            # "with a hearing aid and reading glasses": the held item took the "and", so "reading glasses" is the
            # next object of "with", which stays; "with a receding hairline and a beer belly watching football":
            # every object was held, and "watching" is what the person does
            coordinated = j > i + 1 and self.tokens[j - 1].low in ("and", "or", ",")
            ends = after is None or not after.is_word or after.core in g.CONJUNCTIONS or after.core in g.PREPOSITIONS \
                or (self.ing(after) and not (modifier and coordinated))  # fmt: skip
            if j > i + 1 and ends:
                first = i
                if (w := self.tok(i - 1)) is not None and w.low in PREPOSITION_HEADS and self.free(i - 1):
                    first = i - 1  # "next to an igloo": the whole preposition (round 64: "... clothing next" was sent)
                    if w.low in ("front", "top") and (v := self.tok(i - 2)) is not None and v.low in ("in", "on") and (
                            self.free(i - 2)):  # fmt: skip
                        first = i - 2  # "in front of", "on top of"
                elif t.low == "to" and (w := self.tok(i - 1)) is not None and w.low in ("how", "what", "where", "when") and (
                        self.free(i - 1)):  # fmt: skip
                    first = i - 1  # "teaching her grandson how to make kimchi" -> "teaching her grandson" (round 95:
                    # "how" was left)
                self.claim(first, i, Held(self.prompt[self.tokens[first].start : t.end], "proxy"))
        self.hold_orphaned_verbs()
        self.hold_orphaned_sayings()

    def hold_orphaned_sayings(self) -> None:
        """What a sign or a cake says, held whole, takes the verb that introduced it: "a cake that says 40 years of
        service" -> "a cake" (round 99: "a cake that says" was sent); "a banner reading" likewise."""
        for i, t in enumerate(self.tokens):
            if not (self.free(i) and t.is_word and t.low in SAYING_VERBS) or (
                    (o := self.tok(i + 1)) is not None and o.low in g.PREPOSITIONS):  # fmt: skip
                continue  # "reading from the Torah" reads: its object is where from, and "reading" stands
            j = i + 1
            while j < len(self.tokens) and j in self.used and isinstance(seg := self.spans[self.used[j]][2], Held) and (
                    seg.why not in ("not a person", RELEASED)):  # fmt: skip  # a kept title is sent ("reading Kings Cross")
                j = self.spans[self.used[j]][1] + 1
            after = self.tok(j)
            if j == i + 1 or not (after is None or after.text in ",.;!?"):
                continue
            first = i - 1 if (r := self.tok(i - 1)) is not None and r.low in ("that", "which") and self.free(i - 1) else i
            self.claim(first, i, Held(self.prompt[self.tokens[first].start : t.end], "proxy"))

    def hold_orphaned_verbs(self) -> None:
        """A verb whose every object was held back at its clause's end goes with them ("a girl holding | a red
        envelope | during | Lunar New Year" -> "a girl", not "a little girl holding"); "dancing at the quinceañera"
        keeps "dancing", which stands alone before its preposition."""
        for i, t in enumerate(self.tokens):
            j = self.past_held(i + 1)
            after = self.tok(j)
            subject = self.used.get(i - 1)  # a person's phrase ends before it (read without binding a pronoun)
            finite = self.verb_s_form(t) and subject is not None and isinstance(
                self.spans[subject][2], Phrase) and self.spans[subject][1] == i - 1 and (
                after is not None and after.text in ";.")  # fmt: skip  # "The woman wears a headscarf; the birds
            # crowd": her verb, its object held, leaves with it (round 88: "The woman wears;" was sent)
            adjunct = after is not None and after.low in ADJUNCT_PREPOSITIONS and self.free(j) and self.ing(t) and (
                self.tokens[i + 1].core in g.DETERMINERS or self.tokens[i + 1].core in POSSESSIVE_DETERMINERS)  # fmt: skip
            # "a man lighting the menorah for Hanukkah with his family" -> "a man with his family", as "pushing a
            # stroller in central park" leaves with its object (round 90: "a man lighting with his family" was sent)
            if self.free(i) and t.is_word and (self.ing(t) or finite) and "v" in self.lex.tags(t.core) and j > i + 1 and (
                    after is None or not after.is_word or adjunct) and (b := self.tok(i - 1)) is not None and b.is_word and (
                    self.tokens[i + 1].low not in g.PREPOSITIONS and self.tokens[i + 1].low not in PREPOSITION_HEADS
                    and self.tokens[i + 1].text != ","):  # fmt: skip  # "in fur clothing next to an igloo"
                # "dancing at the quinceañera" stands; so does "a woman dancing, her braids flying"
                self.claim(i, i, Held(t.text, "proxy"))

    def past_held(self, j: int) -> int:
        """The first token from j on that no held proxy, name or origin covers."""
        while j < len(self.tokens) and j in self.used and isinstance(self.spans[self.used[j]][2], Held) and (
                self.spans[self.used[j]][2].why in ("proxy", "name", "origin", "place")):  # fmt: skip  # "in a Marrakech souk"
            j = self.spans[self.used[j]][1] + 1
        return j

    def hold_orphaned_articles(self) -> None:
        """An article whose whole noun phrase was held back goes with it, and then a preposition left with no
        object ("in a kente cloth dress at a market": "kente" is held as an origin, "cloth dress" as a proxy; the
        cloud view read "in an at a market")."""
        for i, t in enumerate(self.tokens):
            if not (self.free(i) and t.is_word and t.low in ("a", "an", "the")):
                continue
            j = self.past_held(i + 1)
            after = self.tok(j)
            ends = after is None or not after.is_word or after.core in g.CONJUNCTIONS or after.core in g.PREPOSITIONS \
                or (j > i + 1 and self.ing(after) and "v" in self.lex.tags(after.core)  # "a GUY with a BEARD eating":
                    and getattr(self.spans[self.used[j - 1]][2], "why", "") == "proxy"
                    and not (self.tokens[j - 1].capitalised and not self.tokens[j - 1].text.isupper()))  # fmt: skip
            # what he does ("an Eid gathering": the article is the gathering's, and stays)
            if j > i + 1 and ends:
                self.claim(i, i, Held(t.text, "proxy"))
        self.hold_orphaned_prepositions()
        self.hold_emptied_choices()

    def hold_emptied_choices(self) -> None:
        """A front-end's choice or edit ("[bearded:clean-shaven:0.5]", "{bearded|clean-shaven}") whose every word
        was held goes whole, brackets, separators and step with its words ("[::0.5]" was sent, round 68)."""
        for i, t in enumerate(self.tokens):
            close = {"[": "]", "{": "}"}.get(t.text)
            end = next((k for k in range(i + 1, len(self.tokens)) if self.tokens[k].text in "[]{}"), None)
            if close is None or end is None or self.tokens[end].text != close or not self.free(i):
                continue
            inside = range(i + 1, end)
            if not any(self.tokens[k].text in "|:" for k in inside) or any(
                    self.free(k) and self.tokens[k].is_word for k in inside):  # fmt: skip
                continue
            held = {self.used[k] for k in inside if not self.free(k)}
            if not held or any(not isinstance(self.spans[h][2], Held) or self.spans[h][2].why != "proxy"
                               or not i < self.spans[h][0] <= self.spans[h][1] < end for h in held):  # fmt: skip
                continue
            for h in held:
                for m in range(self.spans[h][0], self.spans[h][1] + 1):
                    del self.used[m]
                self.spans[h] = (-1, -1, Held("", RELEASED))
            self.claim(i, end, Held(self.prompt[t.start : self.tokens[end].end], "proxy"))

    def worn_by_no_person(self, first: int) -> bool:
        """Whether the proxy phrase starting at token `first` with its introducer ("wearing a tuxedo", "in a
        hijab") follows a noun the parser judged no person here ("robot", "alien", kept with a reason) or an
        animal: then it describes that thing, whatever the rest of the prompt holds."""
        intro, owner = self.tok(first), self.tok(first - 1)
        if intro is None or owner is None or intro.low not in INTRODUCERS or not owner.is_word:
            return False
        if not self.free(first - 1) and getattr(self.spans[self.used[first - 1]][2], "why", "") == "proxy":
            return False  # "dancing at oktoberfest in a dirndl": a held occasion wears nothing; the dancer does
        if not self.free(first - 1) and isinstance(self.spans[self.used[first - 1]][2], Phrase):
            return False  # "a redhead in a green dress": the proxy noun was made the person who wears it
        kept = any(a <= first - 1 <= b for a, b, _ in self.kept)
        creatures = self.lex.senses.creatures
        if not (kept or owner.core in creatures or owner.core.removesuffix("s") in creatures):
            return False
        j = first - 2  # past the owner's determiner and modifiers: "a woman and her dog wearing a hijab" may be both
        while (
            j >= 0
            and self.tokens[j].is_word
            and self.tokens[j].low != "w"  # typed "with", no modifier
            and (
                self.tokens[j].core in g.DETERMINERS
                or self.tokens[j].core in POSSESSIVE_DETERMINERS
                or self.modifier(j)
            )
        ):
            j -= 1  # fmt: skip
        return j < 0 or self.tokens[j].low not in ("and", "or", "&", ",", "with", "w")  # "a dude w a mullet and a
        # mustache": typed "with" (round 91: "mustache" read as the mullet's, a fish's, and sent beside "a woman")

    def mark_hair_types(self) -> None:
        """ "4c hair", "type 3b curls": a hair-type code says its texture as "kinky hair" does; held back alike."""
        toks = self.tokens
        for i in range(len(toks) - 2):
            num, letter = toks[i], toks[i + 1]
            if num.kind != "num" or num.low not in "1234" or letter.start != num.end or letter.low not in "abc":
                continue
            # "4c hair", and "4c coily hair", "3b loose curls" (round 54: "natural 4c coily hair" sent "natural 4c")
            head = hair_type_head(toks, i + 2)
            if head is not None and self.free(i) and (k := self.used.get(head)) is not None and self.spans[k][0] > i:
                self.release_proxy(head)  # "coily hair", held already (its word has no sense), goes with its type
            if head is not None and all(self.free(k) for k in range(i, head + 1)):
                if self.proxies == "refuse":
                    raise self.refuse(num, proxy_message(("ethnicity",)), ProxyRefused)
                first, last = self.weighted(*self.proxy_extent(i, head, "noun"))
                self.claim(first, last, Held(self.prompt[toks[first].start : toks[last].end], "proxy"))
        for i, t in enumerate(toks[:-1]):
            head, colour = toks[i + 1], self.lex.proxies.get(f"{t.core} hair")
            if colour is not None and "age" in colour.reveals and head.core in HAIR_GROWTH and (
                    t.is_word and self.free(i) and self.free(i + 1)):  # fmt: skip
                # "a silver braid", "a grey ponytail", "white stubble": the colour says the age as "silver hair" does
                # (round 82: "in the autumn of her years, silver braid" sent the braid beside every decoy)
                if self.proxies == "refuse":
                    raise self.refuse(t, proxy_message(colour.reveals), ProxyRefused)
                first, last = self.weighted(*self.proxy_extent(i, i + 1, "noun"))
                self.claim(first, last, Held(self.prompt[toks[first].start : toks[last].end], "proxy"))
        for i, t in enumerate(toks):
            # "kinky curly hair", "dark olive-toned skin": a listed texture or tone with a word or two between it and
            # the hair or skin says the same (round 53: "kinky curly hair" was sent while "kinky hair" was held)
            two = (w := self.tok(i + 1)) is not None and w.is_word and f"{t.core} {w.core} hair" in self.lex.proxies
            if not t.is_word or not self.free(i) or not self.free(i + two):
                continue
            cue = f"{t.core} {w.core}" if two else t.core  # "tightly coiled black hair"
            for k in (i + 2 + two, i + 3 + two):
                head = self.tok(k)
                if head is None or head.core not in HAIR_AND_SKIN or not all(
                        self.free(m) and toks[m].is_word and "a" in self.lex.tags(toks[m].core) and toks[m].core not in g.CLOSED
                        for m in range(i + 1 + two, k)):  # fmt: skip
                    continue
                proxy = self.lex.proxies.get(f"{cue} {'skin' if head.core in SKIN else 'hair'}")
                if proxy is None or "ethnicity" not in proxy.reveals:
                    continue  # "dark curly hair": a colour, no texture ("dark skin" is a tone, of skin only)
                if self.proxies == "refuse":
                    raise self.refuse(t, proxy_message(("ethnicity",)), ProxyRefused)
                first, last = self.weighted(*self.proxy_extent(i, k, "noun"))
                self.claim(first, last, Held(self.prompt[toks[first].start : toks[last].end], "proxy"))
                self.origin_told = True
                break

    def anyone(self) -> bool:
        """Whether a proxy may hint at a person: yes, unless the prompt's only beings are animals or toys
        ("a tiger wearing a tuxedo"). A prompt with no subject at all ("applying lipstick") has a person."""
        if self.persons:
            return True
        if any(why == AUDIENCE for _, _, why in self.kept):
            return False  # "board books for toddlers on a nursery shelf": those named are no one in the picture
        for i, t in enumerate(self.tokens):
            if (
                t.is_word
                and (t.core in g.PRONOUN_GENDER or CONTRACTED_PRONOUN.match(t.low))
                and not self.refers_to_thing(i)
            ):
                return True
        if any(t.is_word and t.core in ("couple", "couples", "family", "families") and self.free(i) and (
                (w := self.tok(i + 1)) is None or w.low != "of") for i, t in enumerate(self.tokens)):  # fmt: skip
            return True  # "a lesbian couple walking their dog": people no word gives a value are still people (not
            # "a couple of apples", "a family of ducks")
        return not self.animal_subject() and not self.proxy_subject() and not self.about_a_thing

    def counterpart_phrase(self, words: str) -> str:
        """A listed proxy phrase in the other gender's words, if `words` is one with a person word swapped
        ("girlfriend jeans" -> "boyfriend jeans"): a decoy writes the other gender, and must be read alike."""
        parts = words.split()
        for k, word in enumerate(parts):
            other = self.lex.counterpart(word)
            if other is not None and (swapped := " ".join(parts[:k] + [other] + parts[k + 1 :])) in self.lex.proxies:
                return swapped
        return words

    @cached_property
    def about_a_thing(self) -> bool:
        """`thing_subject()`, read once per parse (both proxy passes and `anyone` ask; it reads only the tokens)."""
        return self.thing_subject()

    def thing_subject(self) -> bool:
        """The prompt's first clause is about a made thing that something is said of ("a Mexican sombrero hanging
        on a wall", "a pair of boyfriend jeans folded on a chair", "a bra on a chair in a messy bedroom") and no
        one else is named: a proxy there hints at whoever owns it at most, and the picture has no one to hide.
        Its head is the last noun before the first verb, -ing word or preposition, past picture words ("a
        photo of") and measure words ("a pair of"); a body part or a feature ("a pregnant belly", "a long grey
        beard") is someone's, and a subjectless clause ("applying lipstick") has a person."""
        said, head, skip, listed = False, None, -1, False
        for k, t in enumerate(self.tokens):
            if k <= skip:
                continue
            nxt = self.tok(k + 1)
            if nxt is not None and nxt.is_word and self.counterpart_phrase(f"{t.low} {nxt.core}") in self.lex.proxies:
                head, skip = k + 1, k + 1  # "boyfriend jeans", "mom jeans": a listed phrase names the thing
                continue
            prev = self.tok(k - 1)
            if self.ing(t) and prev is not None and (prev.core in g.DETERMINERS or k - 1 == skip or (
                    head is not None and k - 1 == head and "a" in self.lex.tags(prev.core))):  # fmt: skip
                head = k  # "a (white) wedding dress": an -ing word after a determiner or an adjective names a kind
                continue
            if not t.is_word:
                if head is not None and t.text in ",;.!?":
                    break
                continue
            if head is None and (t.core in self.lex.senses.depiction or t.low in ("of", "pair", "set") or (
                    t.core in g.DETERMINERS or t.core in POSSESSIVE_DETERMINERS)):  # fmt: skip
                continue
            if head is not None and (t.core in g.PREPOSITIONS or self.ing(t) or t.core in g.AUXILIARIES or (
                    "v" in self.lex.tags(t.core) and t.low.endswith("ed"))):  # fmt: skip
                if t.low in INTRODUCERS and not self.holds_things(head):
                    return False  # "a figure in a burqa", "a figure wearing a dress": what wears it is someone
                said = True
                break
            if head is not None and t.low in ("and", "or"):
                head = None  # "a tuxedo and a wedding dress on hangers": the next thing's phrase
                continue
            if t.core in g.CLOSED or self.ing(t) or (self.noun(t) is not None and t.core not in self.lex.adjectives):
                return False
            if set(self.lex.tags(t.core)) & set("anP") or t.core in self.lex.proxies or t.core in self.lex.adjectives:
                head, listed = k, listed or t.core in self.lex.proxies
                continue
            if not self.lex.tags(t.core) and t.low.replace("-", "").isalpha() and not t.capitalised and (
                    not AGENT.search(t.low)):  # fmt: skip
                head = k  # "a Mexican cantina interior", "a Japanese maneki-neko cat figurine": a word the lexicon
                # lacks, not an agent's ("-er"), a thing
                continue
            return False
        if head is None or not (said or not listed):
            return False  # "hijab, soft light", "stubble and a flannel shirt": what someone wears or has, listed
            # without a verb; "a Mexican cantina interior, empty" is a scene
        word = self.tokens[head].core
        senses = self.lex.senses
        if senses.body_part(word) or word in FEATURE_NOUNS or (
                word in senses.person_senses):  # fmt: skip
            return False  # "a redhead smiling", "a pregnant belly": someone is there
        # a thing; where the proxy itself is the head it must be a made thing, not a place that holds people ("a
        # harem in a palace" is its women as much as its rooms)
        made = {word, word.removesuffix("s")} & (senses.kind_heads | senses.garments | senses.baby_things)
        return bool(made) and not (  # "a nursery at dawn", "an empty crib": no one to hide there
            word in self.lex.proxies and word in senses.place_heads and word not in senses.garments | senses.baby_things
        )

    def holds_things(self, head: int) -> bool:
        """What follows "with"/"in"/"wearing" after the noun at `head` is what that thing holds, not what someone
        wears: the noun is a listed proxy ("a wedding dress with lace") or a room or place that is no picture ("a
        nursery room with a crib"); after "a figure", "a silhouette", "a mannequin" it dresses someone."""
        word = self.tokens[head].core
        senses = self.lex.senses
        return word in self.lex.proxies or (word in senses.place_heads and word not in senses.depiction)

    def proxy_subject(self) -> bool:
        """The whole prompt is one listed thing-proxy with its modifiers ("a Japanese silk kimono", "a photo of a
        wedding dress"): it shows the thing and no one else; holding it back would leave nothing to send. (Beside a
        scene, "a bra hanging on a chair in a messy bedroom", it tells of whoever lives there, and is held.)"""
        for i, t in enumerate(self.tokens):
            if not t.is_word:
                return False
            if t.core in g.DETERMINERS or t.low == "of" or t.core in self.lex.senses.depiction:
                continue
            nxt = self.tok(i + 1)
            for key in ((f"{t.core} {nxt.core}",) if nxt is not None and nxt.is_word else ()) + (t.core,):
                if key in self.lex.proxies:  # a made thing ("skirt"), not a person, a group or an event ("hen party")
                    head, end = key.split()[-1], i + len(key.split())
                    alone = all(not w.is_word for w in self.tokens[end:])
                    return (
                        alone
                        and self.lex.proxies[key].kind == "noun"
                        and head in self.lex.senses.kind_heads
                        and (head not in self.lex.senses.person_senses)
                    )
            if set(self.lex.tags(t.core)) & set("an") and nxt is not None and nxt.is_word and t.core not in g.CLOSED and (
                    not self.ing(t)):  # fmt: skip
                continue  # "a red skirt", "a Japanese silk kimono": the modifiers before its noun
            return False
        return False

    def mark_origins(self) -> None:
        """Where a person comes from ("a woman from Nigeria", "a man born in Ghana") states an ethnicity
        as a demonym does; it stays on the device like a proxy (refused under --proxies refuse)."""
        for i, t in enumerate(self.tokens):
            j = i + 1
            if t.low == "born" and self.tok(i + 1) is not None and self.tokens[i + 1].low == "in":
                j = i + 2
            elif t.low not in ("from", "of") or (t.low == "of" and self.tok(i - 1) is not None
                                                  and self.tokens[i - 1].low != "native"):  # fmt: skip
                continue
            k = i - 1 - (t.low == "of")
            while k >= 0 and self.tokens[k].text == ",":
                k -= 1
            said_of = k in self.used and self.spans[self.used[k]][1] == k and isinstance(
                self.spans[self.used[k]][2], AgePhrase)  # fmt: skip  # "a girl of twelve from Kenya": after her age
            if self.owner_at(k) is None and not said_of:
                continue  # "a letter from Kenya": not a person's origin
            if t.low == "from" and (d := self.tok(j)) is not None and d.low == "the" and (
                    (c := self.tok(j + 1)) is not None and c.capitalised and self.free(j)):  # fmt: skip
                j += 1  # "Aisha from the Gulf", "a nurse from the Philippines" (round 88: sent as written)
            self.release_named(j)  # "a woman from Mexico City": a named place is still where she is from
            # "Elsa from Frozen": after a name the capitals say the work a character is from, which names her as
            # well as her name does, whatever else the words mean
            named = t.low == "from" and any(a <= k <= b for a, b in self.named_spans) and not self.title_mode
            end = j
            while self.free(end) and self.tokens[end].is_word and (
                    (self.tokens[end].capitalised and (not self.lex.tags(self.tokens[end].core) or (
                        (end > j or named) and not self.upper_mode)))
                    or "P" in self.lex.tags(self.tokens[end].core)):  # fmt: skip
                end += 1
            if end == j or not all(self.free(m) for m in range(i, end)):
                continue
            if self.proxies == "refuse":
                raise self.refuse(t, proxy_message(("ethnicity",)), ProxyRefused)
            first = i - (t.low == "of") if t.low == "of" else i
            self.claim(first, end - 1, Held(self.prompt[self.tokens[first].start : self.tokens[end - 1].end], "proxy"))

    def weighted(self, first: int, last: int) -> tuple[int, int]:
        """The extent with a front-end's weight around it ("(silver hair:1.2)"), which leaves with its words, and
        with the article and the word that introduce the weighted phrase ("in a (red dress:1.2)" -> nothing left
        of "in a")."""
        start, end = self._weighted(first, last)
        after = self.tok(end + 1)
        if start < first and (after is None or not after.is_word):  # "a (dark skin:1.3) woman": her article stays
            while (d := self.tok(start - 1)) is not None and self.free(start - 1) and d.is_word and (
                    d.core in g.DETERMINERS or d.core in POSSESSIVE_DETERMINERS):  # fmt: skip
                start -= 1
            if (d := self.tok(start - 1)) is not None and self.free(start - 1) and d.low in INTRODUCERS:
                start -= 1
        return start, end

    def _weighted(self, first: int, last: int) -> tuple[int, int]:
        """(opener, closer) of the outermost prompt weight around exactly tokens first..last ("(silver hair:1.2)",
        "[wrinkles]", "((freckles))"), else (first, last)."""
        extent = (first, last)
        for opener in range(first - 1, max(-1, first - 4), -1):
            group = weight_group(self.tokens, opener)
            if group is not None and group[:2] == (first, last) and all(self.free(k) for k in (opener, group[2])):
                extent = (opener, group[2])
        return extent

    def verb_after_subject(self, i: int) -> bool:
        """The noun proxy at token i is the verb of a clause whose subject is a person ("a girl dresses up", "she
        braids her daughter's hair", "a man braces himself"): a verb's form right after a person noun or a subject
        pronoun, before an object (a determiner, a possessive, a pronoun) or a particle."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        if "v" in self.lex.tags(t.core) and nxt is not None and nxt.low in ("him", "her", "them", "me", "us") and (
                prev is None or not prev.is_word or prev.low in ("to", "please", "pls", "plz", "and", "then")):  # fmt: skip
            return True  # "dress her like a princess", "pls dress him as a pirate": a request's verb and its object
            # ("dress" was held as a garment, round 72)
        if "v" not in self.lex.tags(t.core) or prev is None or nxt is None or not (prev.is_word and nxt.is_word):
            return False
        if prev.low in SUBJECT_PRONOUNS:
            return True  # "she dreads mondays": no noun follows a subject pronoun, so it is the verb
        subject = self.noun(prev) is not None and not prev.possessive
        after = nxt.core in g.DETERMINERS or nxt.core in g.PERSONAL_PRONOUNS or nxt.core in PARTICLES or (
            nxt.core in POSSESSIVE_DETERMINERS)  # fmt: skip
        return subject and after

    def misspelt_proxy(self, low: str) -> str | None:
        """The one-word proxy a word no dictionary knows is one typo away from ("pregnent", "burqua", "tuxxedo"), or
        None. Six letters or more, and one proxy only: a shorter word is as often another word mistyped."""
        if len(low) < 6 or not low.isalpha() or self.lex.tags(low) or low in self.lex.nouns or (
                plain(low) in self.lex.first_names or low in self.lex.adjectives):  # fmt: skip
            return None
        proxies = self.lex.proxies
        held, index = _PROXY_TYPOS.get(id(proxies), (None, {}))
        if held is not proxies:  # (the table itself is kept with its index, so its id is never another's)
            index = deletion_index(w for w in proxies if len(w) >= 5 and w.isalpha())
            _PROXY_TYPOS[id(proxies)] = (proxies, index)
        found = {w for key in {low} | {low[:k] + low[k + 1 :] for k in range(len(low))}
                 for w in index.get(key, ()) if one_edit(low, w)}  # fmt: skip
        return found.pop() if len(found) == 1 else None

    def proxy_compound(self, word: str) -> str:
        """The proxy a compound is built on ("hijab-wearing", "turban-clad", "turbaned", "pregnant-looking"),
        or `word` itself. A compound describes its person as the proxy does, so it is held back likewise."""
        if word in self.lex.proxies:
            return word
        head, tail = word.split("-")[0], word.split("-")[-1]
        if "-" in word and head in self.lex.proxies:
            return head
        if "-" in word and tail in self.lex.proxies and self.lex.proxies[tail].kind == "adj":
            return tail  # "grey-bearded", "heavily-pregnant": the proxy with a word of how
        if "v" in self.lex.tags(word):
            return word  # "dressed", "skirted", "braided": a verb's participle, not "wearing a dress"
        for stem in (word[:-2], word[:-2] + "e", word[:-3], word[:-2] + "s") if word.endswith("ed") else ():
            if stem in self.lex.proxies and self.lex.proxies[stem].kind == "noun":
                return stem  # "turbaned", "hijabed"
        return self.misspelt_proxy(word) or word

    def release_proxy(self, j: int) -> int | None:
        """Frees the held proxy that token j ends, for a wider proxy that takes it in; its first token, or None."""
        k = self.used.get(j)
        if k is None or not isinstance(self.spans[k][2], Held) or self.spans[k][2].why not in ("proxy", "origin") or (
                self.spans[k][1] != j):  # fmt: skip
            return None
        first = self.spans[k][0]
        for m in range(first, j + 1):
            del self.used[m]
        self.spans[k] = (-1, -1, Held("", RELEASED))
        return first

    def proxy_extent(self, first: int, last: int, kind: str) -> tuple[int, int]:
        """The words to leave out with a proxy: its determiner and modifiers, the word that introduces it, what
        measures it ("seven months pregnant"), the noun it makes a compound with ("afro puffs"), where on the
        body it is ("mehndi on her hands") and, where it ends its clause, the verb it was the object of ("a man
        tying his turban", "her hair is in pigtails"), so that what is left reads as a sentence."""
        dated = self.age_at_event(last) > last  # "who retired at 60 and her husband": the event ends its clause
        first, last = self.proxy_phrase(first, last, kind)
        if kind == "noun" and (p := self.tok(last + 1)) is not None and p.is_word and p.low.endswith("ed") and (
                "v" in self.lex.tags(p.core) and self.free(last + 1)) and (
                (w := self.tok(last + 2)) is not None and w.low in ("with", "in", "by") and self.free(last + 2)):  # fmt: skip
            k = last + 2  # "in a cradle decorated with marigolds": what is said of the held thing goes with it
            while (w := self.tok(k + 1)) is not None and w.is_word and self.free(k + 1) and w.low not in g.CONJUNCTIONS:
                k += 1  # (round 92 material: "sleeping decorated with marigolds" was sent)
            last = k
        nxt = self.tok(last + 1)
        own = first if self.tokens[first].core in POSSESSIVE_DETERMINERS or self.tokens[first].core in ("a", "an") else first - 1
        joined = last if self.tokens[last].low == "and" else last + 1  # the list reader may have taken the "and"
        if (a := self.tok(joined)) is not None and a.low == "and" and (then := self.tok(joined + 1)) is not None and (
                then.is_word and "v" in self.lex.tags(then.core)) and (
                (o := self.tok(own)) is not None and (o.core in POSSESSIVE_DETERMINERS or o.core in ("a", "an"))) and (
                (verb := self.tok(own - 1)) is not None and verb.is_word and (
                    "v" in self.lex.tags(verb.core) or verb.low in ("has", "had")) and self.free(own - 1)) and any(  # fmt: skip
                verb.low.endswith(e) and then.low.endswith(e) and not then.low.endswith("ss") for e in ("ed", "s")) and (
                verb.low != "is") and (then.low.endswith("ed") or (  # "has a beard and glasses": two things he has
                    (w := self.tok(joined + 2)) is not None and w.is_word and (w.low in g.PREPOSITIONS or w.core in g.DETERMINERS
                                                                              or w.core in POSSESSIVE_DETERMINERS))):  # fmt: skip
            return own - 1, joined  # "he lifted her veil and kissed her" -> "he kissed her": the verb whose object
            # is held goes with it, and the "and" that joined it ("he lifted kissed her" was sent, round 75); "The old
            # cowboy has a gray mustache and chews on a piece of straw" (round 103: "has chews" was sent)
        if (both := self.tok(first - 1)) is not None and both.low in ("both", "all") and self.free(first - 1) and (
                (c := self.tok(first - 2)) is not None and c.text == "," and self.free(first - 2)) and (
                (after := self.tok(last + 1)) is None or after.text in ",;."):  # fmt: skip
            return first - 2, last  # "a father and son, both bald, fishing": the aside goes whole (round 65: "both,")
        bound = (v := self.tok(first - 2)) is not None and (p := self.tok(first - 1)) is not None and (
            p.low in VERB_BOUND and self.ing(v) and self.free(first - 1) and self.free(first - 2))
        # "a woman going through menopause talking to her doctor": a verb bound to its preposition, whose object is
        # held, ends before the next -ing verb ("a woman going talking" was sent, round 62)
        nxt = self.tok(last + 1)
        if nxt is not None and nxt.low in SHOWING and self.free(last + 1) and self.tokens[first].low == "with":
            last += 1  # "with gray roots showing and reading glasses": "showing" goes with what it shows, not
            nxt = self.tok(last + 1)  # "a woman showing and reading glasses"
            if nxt is not None and nxt.low in ("in", "through", "under", "beneath") and self.free(last + 1):
                k = last + 2  # "with grey roots showing in her dyed brown hair": where they show goes too (round 90:
                while (w := self.tok(k)) is not None and w.is_word and self.free(k) and w.core not in g.CONJUNCTIONS and (
                        w.core not in g.PREPOSITIONS and not self.ing(w)):  # fmt: skip  # "a woman in her dyed hair")
                    k += 1
                if k > last + 2:
                    last, nxt = k - 1, self.tok(k)
            if nxt is not None and nxt.low == "and" and self.free(last + 1):
                first, last = first + 1, last + 1  # "with" stays for the rest of its list ("with reading glasses")
                nxt = self.tok(last + 1)
        # "a young mom pushing a stroller in central park": the clause goes on only with where it happens, so the
        # verb whose object is held leaves too ("a young mother in central park", not "... pushing in central park")
        adjunct = nxt is not None and nxt.is_word and nxt.low in ADJUNCT_PREPOSITIONS and self.free(last + 1) and (
            self.tokens[first].core in g.DETERMINERS or self.tokens[first].core in POSSESSIVE_DETERMINERS or (
                (v := self.tok(first - 2)) is not None and (p := self.tok(first - 1)) is not None and self.ing(v)
                and p.low in g.VERB_PARTICLES and self.free(first - 1) and self.free(first - 2)))
        # "rolling out chapati in her kitchen": a bare object after a verb's own particle, before where it happens
        # (round 102: "A woman rolling in her kitchen" was sent)
        tenure = nxt is not None and last + 1 in self.used and isinstance(
            (seg := self.spans[self.used[last + 1]][2]), Held) and seg.why == TENURE  # "retired after 35 years of ..."
        clause = nxt is not None and nxt.low == "and" and (w := self.tok(last + 2)) is not None and (
            w.low in ("who", "that", "which"))  # "who is wearing a turban and who looks tired": its clause ends
        subordinate = nxt is not None and nxt.low in SUBORDINATORS and self.free(last + 1) and (
            self.tokens[first].core in g.DETERMINERS or self.tokens[first].core in POSSESSIVE_DETERMINERS)
        # "a young mom pushing a stroller while her husband ...": the clause ends there ("pushing while" was sent)
        next_clause = nxt is not None and nxt.low == "and" and self.free(last + 1) and self.opens_clause(last + 2)
        # "She is wearing a white tutu and her hair is in a tight bun": "and" opens a clause of its own, so this one
        # ends at the held words ("She is wearing her hair is in ..." was sent)
        participle = bound and nxt is not None and self.ing(nxt) and "v" in self.lex.tags(nxt.core) and self.free(last + 1)
        if nxt is None or (not nxt.is_word and nxt.text in ",.;:!?") or self.tokens[last].text == "," or adjunct or (
                tenure or clause or subordinate or next_clause or dated or participle):  # fmt: skip
            prep, verb = self.tok(first - 1), self.tok(first - 2)
            if prep is not None and verb is not None and prep.low in g.PREPOSITIONS and self.ing(verb) and (
                    self.free(first - 1) and self.free(first - 2) and "v" in self.lex.tags(verb.core)
                    and (self.tokens[first].core not in g.DETERMINERS or prep.low in VERB_BOUND)):  # fmt: skip
                # "a woman going through menopause": "a woman going" would be sent; a bare noun there is the
                # verb's own object ("dancing at the quinceañera" leaves "dancing", which stands alone), but "going
                # through a midlife crisis" leaves "going": `VERB_BOUND` prepositions go with their verb
                first -= 2
                if self.tokens[last].text == "," and last > first:
                    last -= 1  # "a woman going through menopause, editorial photo": the comma still parts the tags
            if (verb := self.tok(first - 1)) is not None and (to := self.tok(first - 2)) is not None and to.low == "to" and (
                    self.bare_verb(verb) and self.free(first - 1) and self.free(first - 2)
                    and (self.tokens[first].core in POSSESSIVE_DETERMINERS or self.tokens[first].core in g.DETERMINERS)):  # fmt: skip
                first -= 2  # "queuing at the post office to collect his pension": the infinitive goes with its object
                # (round 102: "... to collect" was sent)
            while (
                (verb := self.tok(first - 1)) is not None
                and self.free(first - 1)
                and verb.is_word
                and (verb.low in g.AUXILIARIES - {"not"} or (self.ing(verb) and "v" in self.lex.tags(verb.core)
                                                             and self.tokens[first].low not in ("in", "with")))
            ):
                first -= 1  # "a man tying" and "her hair is" would be sent without their object; "dancing in a
                # lehenga" and "walking with a cane" say how, so "dancing" stands alone (round 97: it went too)
            if adjunct and (verb := self.tok(first - 1)) is not None and self.free(first - 1) and verb.is_word and (
                    verb.core.endswith("s") and "v" in self.lex.tags(verb.core) and self.noun(verb) is None
                    and verb.core not in g.CLOSED and (k := self.used.get(first - 2)) is not None
                    and isinstance(self.spans[k][2], Phrase)):  # fmt: skip  # not "She in the market"
                first -= 1  # "A bride adjusts her veil in the mirror" -> "A bride in the mirror": the verb whose
                # object is held goes with it before where it happens (rounds 82-83: "A bride adjusts in the mirror")
            if (pron := self.tok(first - 1)) is not None and pron.low in ("him", "her", "me", "them") and (
                    (verb := self.tok(first - 2)) is not None and verb.low in GIVING_VERBS) and (
                    (a := self.tok(first - 3)) is not None and a.low == "and") and all(
                    self.free(k) for k in range(first - 3, first)):  # fmt: skip
                first -= 3  # "... and give him a mustache": the clause goes whole, its verb and whom it gives to with
                # what it gives (round 78: "and give him" was sent); alone, "give him a beard" still sends "give him"
            elif (verb := self.tok(first - 1)) is not None and (a := self.tok(first - 2)) is not None and (
                    a.low == "and" and self.bare_verb(verb) and self.free(first - 1) and self.free(first - 2)
                    and (self.tokens[first].core in POSSESSIVE_DETERMINERS or self.tokens[first].core in g.DETERMINERS)):  # fmt: skip
                first -= 2  # "make the guy look younger and remove his beard": the request's last clause goes whole
                # (round 82: "and remove" was sent)
            if (rel := self.tok(first - 1)) is not None and rel.low in ("who", "that") and self.free(first - 1) and (
                    self.tokens[first].low in g.AUXILIARIES):  # fmt: skip
                first -= 1  # "a woman who is wearing an elegant dress": the relative clause goes whole
            elif (opener := self.relative_verb(first)) is not None:
                first = opener  # "a girl who just lost her first tooth": "who just lost" would be sent
            elif (first == last or dated) and (opener := self.relative_verb(first + 1)) is not None:
                first = opener  # "a woman who just retired": the proxy is the clause's verb ("who just" was sent)
            verb, subject, opener = self.tok(first - 1), self.tok(first - 2), self.tok(first - 3)
            if verb is not None and subject is not None and opener is not None and opener.low in SUBORDINATORS and (
                    subject.low in ("he", "she", "they", "i", "we") and verb.is_word and "v" in self.lex.tags(verb.core)
                    and all(self.free(k) for k in range(first - 3, first))):  # fmt: skip
                first -= 3  # "holding her son's hand as he takes his first steps": "as he takes" would be sent
            subject, opener = self.tok(first - 1), self.tok(first - 2)
            if subject is not None and opener is not None and opener.low in SUBORDINATORS and (
                    subject.low in ("he", "she", "they") and self.free(first - 1) and self.free(first - 2)
                    and "v" in self.lex.tags(self.tokens[first].core)):  # fmt: skip
                first -= 2  # "while she gives birth": the proxy is the clause's verb ("while she" was sent)
            owner, feature = self.tok(first - 2), self.tok(first - 1)
            if owner is not None and feature is not None and owner.low == "whose" and feature.core in FEATURE_NOUNS and (
                    self.free(first - 2) and self.free(first - 1) and first < last):  # fmt: skip
                first -= 2  # "a girl whose hair is in cornrows": the relative clause has nothing left to say
            if clause:
                last += 1  # "a man who is wearing a turban and who looks tired" -> "a man who looks tired"
            first, last = self.clause_subject(first, last)
        elif (end := self.held_subject_sentence(first, last)) is not None:
            last = end
        elif self.tokens[first].low in ("and", "but") and self.verb_at(last + 1) and not self.ing(self.tokens[last + 1]) and (
                end := self.clause_end_from(last + 1)) is not None:  # fmt: skip
            # (an -ing verb after the held words is the person's: "with an afro and dark brown skin tying their
            # running shoes" sent "person", round 68)
            last = end  # "His hands are rough and his beard is grey.": the clause the held subject opens goes with it
            # (red team 63: "His hands are rough is grey." was sent)
        elif (c := self.tok(first - 1)) is not None and c.low in ("is", "are", "was", "were") and self.free(first - 1) and (
                nxt is not None and nxt.low in ("from", "with", "by") and (end := self.clause_end_from(last + 1))):  # fmt: skip
            first, last = first - 1, end  # "The fisherman's face is wrinkled from the sun." -> "The fisherman's face."
            # (round 62: "... face is from the sun." was sent)
        elif (comma := self.tok(first - 1)) is not None and comma.text == "," and self.free(first - 1) and (
                nxt is not None and self.ing(nxt) and (end := self.clause_end_from(last + 1)) is not None):  # fmt: skip
            first, last = first - 1, end  # "jogging in the park, her ponytail swinging; ...", "a man, his beard blowing
            # in the wind": the phrase says what the held words do, and leaves with them and its comma (round 59:
            # "..., swinging;" was sent)
        elif (own := self.tok(first - 1)) is not None and own.core in POSSESSIVE_DETERMINERS and (
                (comma := self.tok(first - 2)) is not None and comma.text == "," and self.free(first - 1)
                and self.free(first - 2) and nxt is not None and nxt.is_word
                and (end := self.clause_end_from(last + 1)) is not None and all(
                    self.tokens[k].low == "and" or set(self.lex.tags(self.tokens[k].core)) & set("ar")
                    for k in range(last + 1, end + 1))):  # fmt: skip  # words that describe, not "her tutu, ribbons"
            first, last = first - 2, end  # "..., her tutu pink": what is said of the held thing leaves with it, its
            # owner and its comma (round 98: ", her pink" was sent)
        return first, last

    def clause_end_from(self, k: int) -> int | None:
        """The last token from k on before a comma, a stop or the prompt's end, if every one is free; else None."""
        end = k
        while (w := self.tok(end + 1)) is not None and (w.is_word or w.text not in ",.;:!?"):
            end += 1
        return end if all(self.free(m) for m in range(k, end + 1)) else None

    def verb_at(self, k: int) -> bool:
        """A free verb or auxiliary at token k: the held words before it are its subject."""
        verb = self.tok(k)
        return verb is not None and verb.is_word and self.free(k) and (verb.low in g.AUXILIARIES or (
            "v" in self.lex.tags(verb.core) and self.noun(verb) is None and verb.core not in g.CLOSED))  # fmt: skip

    def held_subject_sentence(self, first: int, last: int) -> int | None:
        """Where the held words are the subject of a sentence after the first ("... She smiles. Her grey hair is tied
        back in a bun. Bees buzz."), the end of that sentence with its full stop: what it says is said of them, and
        its verb alone was sent ("She smiles. is tied back in a bun.", "Her bounce as she laughs.", round 58). None
        where the sentence is the whole prompt, or holds a person or a thing already read."""
        if first not in self.starts or not self.verb_at(last + 1):
            return None
        end = last + 1
        while self.tok(end + 1) is not None and end + 1 not in self.starts:
            if self.tokens[end + 1].text == "," and (a := self.tok(end + 2)) is not None and a.low == "and" and (
                    (s := self.tok(end + 3)) is not None and s.low in CLAUSE_SUBJECTS):  # fmt: skip
                return end + 2  # "Her veil moves in the wind, and she holds a rose": the next clause is hers, and
                # stays, without the ", and" that joined it (round 90: "in black., and she holds" was sent)
            end += 1
        if not all(self.free(k) for k in range(last + 1, end + 1)) or self.tokens[end].text not in ".!?;" or (
                first == 0 and end == len(self.tokens) - 1):  # fmt: skip
            return None  # a sentence that is the whole prompt is the prompt, and stays
        return end

    def clause_subject(self, first: int, last: int) -> tuple[int, int]:
        """Where the held words end their clause and only its subject pronoun and verb would stay ("..., she has a
        nose ring", "; she is pregnant", ". One of them is pregnant;"): the clause leaves whole, with the comma or
        semicolon that opened it, or after a full stop the semicolon that closes it ("latte art, she" and "One of
        them;" were sent). Else (`first`, `last`); a clause that opens the prompt is the prompt, and stays."""
        k, verbs, absorbed = first - 1, 0, []
        while (w := self.tok(k)) is not None and (
                (span := self.held_proxy_ending_at(k)) is not None or w.is_word and self.free(k) and (
                    w.low not in CLAUSE_SUBJECTS and verbs < 2 and (w.low in g.AUXILIARIES or "v" in self.lex.tags(w.core)
                                                                    or w.low in ("both", "all")))):  # fmt: skip
            if span is not None:  # "He is wearing a kilt and playing bagpipes.": a proxy held before in the clause
                absorbed.append(span)
                k = self.spans[span][0] - 1
                continue
            k, verbs = k - 1, verbs + 1
        words = [w.low for w in self.tokens[max(k - 2, 0) : k + 1]]
        pronoun = self.named_again_pronoun(k)
        glued = self.tok(k) is not None and glued_subject(self.tokens[k].low) and self.free(k)  # "they're like college
        # age", "she's pregnant"
        if self.tok(k) is not None and (self.tokens[k].low in CLAUSE_SUBJECTS or glued) and (
                self.free(k) or pronoun is not None):  # fmt: skip
            start = k
        elif words == ["one", "of", "them"] and all(self.free(j) for j in range(k - 2, k + 1)):
            start = k - 2
        else:
            return first, last
        boundary, after = self.tok(start - 1), self.tok(last + 1)
        and_clause = after is not None and after.low == "and" and self.free(last + 1) and self.opens_clause(last + 2)
        if boundary is None or boundary.is_word or boundary.text not in ",;.!?:" or not self.free(start - 1) or (
                after is not None and not and_clause and (after.is_word or after.text not in ",;.!?:")):  # fmt: skip
            return first, last  # "one of them pushes a stroller while the other ...": the clause goes on
        for span in absorbed + ([pronoun] if pronoun is not None else []):
            # "an old man ... He is wearing a kilt and playing bagpipes.": the bagpipes, held once pronouns were
            # bound, take the clause with the kilt held before and "He" ("He is." was sent)
            a, b, _ = self.spans[span]
            for m in range(a, b + 1):
                del self.used[m]
            self.spans[span] = (-1, -1, Held("", RELEASED))
        if and_clause:
            return start, last + 1  # "She is wearing a white tutu and her hair is in a tight bun" -> "her hair is ..."
        if boundary.text in ",;" and (after is None or after.text != ";"):
            return start - 1, last  # "a man at the bar, he has a beard" -> "a man at the bar"
        if after is not None and after.text in ";.!?" and self.free(last + 1):
            return start, last + 1  # "Two women sit. One of them is pregnant; the other ..." -> "Two women sit. the
            # other"; "a man at the bar. He has a beard." -> "a man at the bar."
        return start, last

    def bare_verb(self, t: Token) -> bool:
        """Token t is a verb in its plain form, as a request writes one ("remove", "add", "make")."""
        return t.is_word and "v" in self.lex.tags(t.core) and t.core not in g.CLOSED and not self.ing(t) and (
            not t.core.endswith(("ed", "s")) or t.core.endswith("ss"))  # fmt: skip

    def held_proxy_ending_at(self, k: int) -> int | None:
        """The span of a proxy held back that ends at token k, or None."""
        if (span := self.used.get(k)) is None:
            return None
        _, last, seg = self.spans[span]
        return span if last == k and isinstance(seg, Held) and seg.why == "proxy" else None

    def named_again_pronoun(self, k: int) -> int | None:
        """The span of a subject pronoun at token k whose person another phrase names ("an old man. He ..."): it may
        leave with a clause held back whole, the person still said by that phrase; else None."""
        if (span := self.used.get(k)) is None:
            return None
        first, last, seg = self.spans[span]
        if not (isinstance(seg, Pronoun) and seg.role == "subject" and first == last == k):
            return None
        named = any(isinstance(other, Phrase) and other.person == seg.person for _, _, other in self.spans)
        return span if named else None

    def opens_clause(self, j: int) -> bool:
        """Tokens from j open a clause of their own: an owner or "the", a word, an auxiliary ("her hair is", "the groom
        is"), as after the "and" of "She is wearing a white tutu and her hair is in a tight bun"."""
        owner, noun, verb = self.tok(j), self.tok(j + 1), self.tok(j + 2)
        if owner is not None and owner.low in CLAUSE_SUBJECTS and noun is not None and (
                noun.low in g.AUXILIARIES or self.verb_s_form(noun)):  # fmt: skip
            return True  # "... a white linen dress and she is barefoot" (round 92: "is wearing she is" was sent)
        return owner is not None and (owner.core in POSSESSIVE_DETERMINERS or owner.low == "the") and (
            noun is not None and noun.is_word and verb is not None and (verb.low in g.AUXILIARIES or (
                verb.low.endswith("s") and "v" in self.lex.tags(verb.core) and self.noun(verb) is None
                and not verb.possessive)))  # fmt: skip  # "and her mother rests a hand on her belly" (round 71)

    def describes_held(self, j: int) -> bool:
        """Token j is an adjective of a held noun's phrase that opens after a determiner or an introducer ("with
        gray stubble", "with twin braids", "her long braids"): it leaves with the noun ("with gray briefing rookies"
        and "a woman with twin" were sent)."""
        k = j
        while (w := self.tok(k)) is not None and w.is_word and self.free(k) and not w.possessive and (
                "a" in self.lex.tags(w.core) and w.core not in g.CLOSED and w.core not in g.PRONOUN_GENDER):  # fmt: skip
            k -= 1
        opener = self.tok(k)
        return k < j and opener is not None and self.free(k) and (
            opener.low in INTRODUCERS or opener.core in g.DETERMINERS or opener.core in POSSESSIVE_DETERMINERS)

    def relative_verb(self, first: int) -> int | None:
        """Where a relative clause opens whose verb's object starts at token `first` ("who just lost | her first
        tooth", "that wore | a sari"): its "who" or "that", before adverbs and one verb; else None."""
        k = first - 1
        verb = self.tok(k)
        if verb is None or not verb.is_word or not self.free(k) or verb.low in g.AUXILIARIES:
            return None
        if "v" not in self.lex.tags(verb.core) or self.ing(verb):
            return None  # between "who" and an object a verb ("lost") is read as one, whatever else it may be
        k -= 1
        while (w := self.tok(k)) is not None and w.is_word and self.free(k) and "r" in (tags := self.lex.tags(w.core)) and (
                "n" not in tags):  # fmt: skip
            k -= 1  # "just", "recently"
        rel = self.tok(k)
        return k if rel is not None and rel.low in ("who", "that") and self.free(k) else None

    def age_event(self, k: int) -> bool:
        """Token k is a free word the lexicon holds back as a proxy of age ("retired", "graduated")."""
        w = self.tok(k)
        return w is not None and k >= 0 and w.is_word and self.free(k) and (
            (entry := self.lex.proxies.get(w.core)) is not None and "age" in entry.reveals)

    def dated_by_event(self, i: int) -> bool:
        """Token i follows the "at" of a held life event ("retired at | 55 years old"): `age_at_event` holds it."""
        return i >= 2 and self.tokens[i - 1].low == "at" and self.age_event(i - 2)

    def past_verb(self, k: int) -> bool:
        """Token k is a verb in the past: "graduated", "married", "met"."""
        w = self.tokens[k]
        return w.is_word and "v" in self.lex.tags(w.core) and (w.low.endswith("ed") or w.core in g.IRREGULAR_PAST)

    def age_at_event(self, last: int) -> int:
        """The end of a held life event with the age it came at: "she retired at sixty", "retired at 55 years old"
        (the age is the person's and leaves with the event: "she at sixty" was read back as an age no decoy could
        vary, and the prompt refused). A time ("retired at 5 pm") stays."""
        at, n = self.tok(last + 1), self.tok(last + 2)
        if at is None or at.low != "at" or n is None or not self.free(last + 1) or not self.age_event(last):
            return last
        if YEAR_OLD.match(n.low) is not None and self.free(last + 2):
            return last + 2  # "retired at 55-years-old"
        if (spelled := self.years_old_at(last + 2)) is not None and all(self.free(k) for k in range(last + 2, spelled[1] + 1)):
            return spelled[1]  # "retired at 55 years old"
        years = g.number_value(n.low) if n.is_word and self.free(last + 2) else None
        if not (self.age_at(last + 2) or (years is not None and 13 <= years <= 120 and (
                (nxt := self.tok(last + 3)) is None or not nxt.is_word or "n" not in self.lex.tags(nxt.core)))):
            return last
        return last + 2

    def had(self, first: int) -> bool:
        """The words from token `first` are what someone has: "with" (or "has") before them, past an article."""
        j = first - 1
        if (w := self.tok(j)) is not None and (w.core in g.DETERMINERS or w.core in POSSESSIVE_DETERMINERS):
            j -= 1
        if (w := self.tok(j)) is not None and w.low == "and" and j > 0 and not self.free(j):
            return True  # "with a long gray beard and a bald head": the "and" went with the held beard
        if w is not None and w.text == "/" and (v := self.tok(j - 1)) is not None and v.low == "w":
            return True  # "an old lady w/ a walker": "w/" is "with" (round 68: sent as written)
        return w is not None and (w.low in ("with", "w/", "has", "have", "had") or w.low in g.CHAT_WITH)

    def hair_described(self, k: int) -> bool:
        """Token k begins what is said of the hair before it: how it is worn ("in a bun", "into a ponytail";
        `Senses.hairdos`) or a past participle ("tied back", "pulled into a bun", "cut short")."""
        w = self.tok(k)
        if w is None or not w.is_word or not self.free(k):
            return False
        if w.low in ("in", "into"):
            j = k + 1
            while (d := self.tok(j)) is not None and d.is_word and (d.core in g.DETERMINERS or "a" in self.lex.tags(d.core)) and (
                    d.core not in self.lex.senses.hairdos):  # fmt: skip
                j += 1  # "in a tight bun", "in two long braids"
            return (d := self.tok(j)) is not None and d.core in self.lex.senses.hairdos
        return "v" in self.lex.tags(w.core) and (w.low.endswith("ed") or w.low in g.IRREGULAR_PAST) and (
            self.noun(w) is None)

    def listed_on(self, k: int) -> bool:
        """From token k a list of things goes on to its "and": words no person noun, verb's -ing or clause opener,
        up to an "and" before any other punctuation ("a square jaw and an Adam's apple", "cardigan and thick glasses")."""
        for j in range(k, min(k + 6, len(self.tokens))):
            w = self.tokens[j]
            if w.low == "and":
                return j > k
            if not w.is_word or not self.free(j) or self.noun(w) is not None or self.ing(w) or w.low in ("who", "that"):
                return False
        return False

    def verb_s_form(self, w: Token | None) -> bool:
        """`w` may be a verb's third-person -s form ("waits", "wears", "catches"; not "class", "dress")."""
        return w is not None and w.is_word and w.low.endswith("s") and not w.low.endswith("ss") and (
            "v" in self.lex.tags(w.core))  # fmt: skip

    def subject_clause(self, first: int, last: int, named_last: int) -> tuple[int, int]:
        """Where the held proxy first..last is its clause's subject ("; her feathered headdress catches the light",
        "Her hijab flutters in the wind"), the clause whole, with the ";" that opened it: what it does is said of the
        held thing and goes with it (round 87: "; catches the light" was sent). Else (first, last)."""
        # the extent may have taken the verb already ("Her hijab flutters")
        verb = last if last > named_last and self.verb_s_form(self.tok(last)) else last + 1
        opener = self.tok(first - 1)
        joined = opener is not None and opener.low in CLAUSE_JOINERS and self.free(first - 1)  # "as her veil catches
        # the wind": the subordinate clause whole, with its "as" (round 95: "The bride laughs as catches the wind")
        if not (opener is None or opener.text in ";.!?" or joined) or not self.verb_s_form(self.tok(verb)) or not (
                verb == last or self.free(verb)) or not (
                self.tokens[first].core in POSSESSIVE_DETERMINERS or self.tokens[first].core == "the"):  # fmt: skip
            return first, last
        end = verb
        while (w := self.tok(end + 1)) is not None and w.text not in ";.!?," and (self.free(end + 1) or (
                isinstance(seg := self.spans[self.used[end + 1]][2], Held) and seg.why == "not a person")):  # fmt: skip
            end += 1
        if (w := self.tok(end + 1)) is not None and w.text == "," and (a := self.tok(end + 2)) is not None and (
                a.low == "and"):  # fmt: skip
            return first, end + 2  # "...; her headdress catches the light, and she spins" -> "...; she spins": the
            # next clause stays, without the ", and" that joined it (round 90: "in black., and she holds" was sent)
        if opener is not None and (opener.text == ";" or joined) and self.free(first - 1):
            first -= 1  # "in the street; her headdress catches the light." -> "in the street."
        elif (stop := self.tok(end + 1)) is not None and stop.text in ".!?" and self.free(end + 1):
            end += 1  # "A woman walks. Her hijab flutters in the wind." -> "A woman walks.": the sentence whole
        return first, end

    def proxy_phrase(self, first: int, last: int, kind: str) -> tuple[int, int]:
        """The proxy with what makes it a phrase (see `proxy_extent`)."""
        nxt = self.tok(last + 1)
        if kind == "adj" and nxt is not None and self.lex.senses.body_part(nxt.core) and self.hair_described(last + 2):
            return first, last  # "with gray hair in a bun", "white hair tied back": the hair stays for what is said of
            # it, its colour leaves ("A woman in a bun" and "a man tied back" were sent)
        if kind == "noun" and first < last and self.lex.senses.body_part(self.tokens[last].core) and (
                self.hair_described(last + 1)):  # fmt: skip
            return first, last - 1  # the same for a proxy that names the hair ("gray hair", "white hair")
        if nxt is not None and self.free(last + 1) and (nxt.core in FEATURE_NOUNS or kind == "adj" and self.had(first) and (
                self.lex.senses.body_part(nxt.core))):  # fmt: skip
            last, kind = last + 1, "noun"  # "with natural afro hair": the hair the word describes leaves with it; so
            # does a body part ("with a bald head", "with wrinkled hands": "with a head" was sent, round 66)
        if (w := self.tok(last + 1)) is not None and w.is_word and self.free(last + 1) and self.thing_noun(last + 1) and (
                not self.ing(w) and self.tokens[last].core in FEATURE_NOUNS and not self.tokens[last].core.endswith("s")):  # fmt: skip
            last += 1  # "with sugar skull face paint", "dark skin tone": the feature heads no phrase, the noun after it
            # does (round 85: "A man paint at a parade" was sent); not "Her braids bounce", a plural and its verb
        num, unit = self.tok(first - 2), self.tok(first - 1)
        if (
            num is not None
            and unit is not None
            and (num.kind == "num" or g.number_value(num.low) is not None)
            and (unit.core in ("months", "weeks", "month", "week") and self.free(first - 2) and self.free(first - 1))
        ):
            first -= 2  # "seven months pregnant": the measure of the proxy leaves with it
        elif (
            (num := self.tok(first - 1)) is not None
            and self.tokens[first].core in ("months", "weeks")
            and (num.kind == "num" or g.number_value(num.low) is not None)
            and self.free(first - 1)
        ):
            first -= 1  # "8 months along": the number of a measuring proxy
        if (dated := self.age_at_event(last)) > last:
            last = dated
            k = last + 2
            while (w := self.tok(k)) is not None and w.is_word and "r" in (tags := self.lex.tags(w.core)) and "v" not in tags:
                k += 1  # "and now fishes"
            if (a := self.tok(last + 1)) is not None and a.low == "and" and self.free(last + 1) and (
                    (v := self.tok(k)) is not None and v.is_word and "v" in self.lex.tags(v.core)
                    and self.noun(v) is None):  # fmt: skip
                last += 1  # "she retired at sixty and took up painting" -> "she took up painting"
        while (adverb := self.tok(first - 1)) is not None and self.free(first - 1) and adverb.is_word and (
                adverb.low.endswith("ly") and "r" in self.lex.tags(adverb.core)):  # fmt: skip
            first -= 1  # "a heavily pregnant lady": the adverb says how, and goes with what it says it of
        if (
            kind != "noun"
            and (comma := self.tok(first - 1)) is not None
            and comma.text == ","
            and (self.free(first - 1) and (self.tok(last + 1) is None or not self.tok(last + 1).is_word))
        ):
            first -= 1  # "a woman, 8 months along": the comma that opened it leaves with it
        if kind != "noun":
            a, after = self.tok(first - 1), self.tok(last + 1)
            if a is not None and a.low in ("and", "or", "&") and self.free(first - 1) and (
                    after is None or not after.is_word or after.core in g.CHAT_WORDS or after.core in g.CONJUNCTIONS):  # fmt: skip
                return first - 1, last  # "hes 55 and bald lmao": the "and" that joined it ("hes 75 and lmao" was sent,
                # round 70)
            comma, then = self.tok(last + 1), self.tok(last + 2)
            if comma is not None and comma.text == "," and self.free(last + 1) and then is not None and then.is_word and (
                    ("a" in self.lex.tags(then.core) and "n" not in self.lex.tags(then.core)) or then.core in self.lex.proxies
                    or "-" in then.core) and self.noun(then) is None:  # fmt: skip
                last += 1  # "wrinkled, age-spotted hands": the comma between two words of one noun leaves with the
                # first ("close-up, hands" was sent once "of" left too, round 69)
            return first, last
        after, later = self.tok(last + 1), self.tok(last + 2)
        plural = after is not None and after.low.endswith("s") and (  # "puffs", not "class" or "bus": a singular stays
            "n" in self.lex.tags(after.low[:-1]) or after.low.endswith("es") and "n" in self.lex.tags(after.low[:-2]))
        if after is not None and self.free(last + 1) and after.is_word and plural and (
                "n" in self.lex.tags(after.core) and self.noun(after) is None and after.core not in g.CLOSED
                and after.core not in AFTER_NAME) and (  # "a redhead walks to work": a verb
                later is None or not later.is_word or self.ing(later) or later.core in g.PREPOSITIONS
                or later.core in ("and", "or")) and not (  # fmt: skip
                self.verb_s_form(after) and not self.tokens[last].low.endswith("s") and any(
                    w.core in POSSESSIVE_DETERMINERS or w.core == "the" for w in self.tokens[max(0, first - 2) : first + 1])):  # fmt: skip
            # ("Her grey braid falls over her shoulder": her braid's verb, no compound; round 91 held "falls")
            last += 1  # "afro puffs blowing bubbles": the compound's head leaves with the proxy that opens it; so do
            # "acne scars and a mullet" ("A lanky man scars and a mullet" was sent, round 80)
        elif after is not None and self.free(last + 1) and after.is_word and after.core in CLOTHING_WORDS:
            last += 1  # "in traditional agbada attire": the word for clothes it is a kind of (round 58: "An African man
            # attire at a wedding" was sent); a garment of its own stays ("in a little league uniform": "in a uniform")
        elif after is not None and self.free(last + 1) and after.core in TIME_NOUNS and (
                self.tokens[last].core not in self.lex.senses.garments) and (  # "in a kilt day after day"
                later is None or not later.is_word or later.low not in ("after", "by", "to")):  # fmt: skip
            last += 1  # "on Seollal morning", "on Diwali night": the time the festival names leaves with it ("on
            # morning" was sent); its preposition, orphaned, is held by `hold_orphaned_prepositions`
        body = [self.tok(k) for k in range(last + 1, last + 5)]
        described = body[2] is not None and body[3] is not None and "a" in self.lex.tags(body[2].core) and (
            self.lex.senses.body_part(body[3].core))  # "on his upper lip"
        if all(w is not None and w.is_word for w in body[:3]) and body[0].low in ("on", "in", "across", "around") and (
                body[1].core in POSSESSIVE_DETERMINERS or body[1].core == "the") and (
                self.lex.senses.body_part(body[2].core) or described
        ) and all(self.free(k) for k in range(last + 1, last + 4 + described)):  # fmt: skip
            last += 3 + described  # "with mehndi on her hands", "peach fuzz on his upper lip": where it is on the body
            # leaves with it
        start_word = first
        j = first - 1
        if (start := self.release_proxy(j)) is not None:
            first, j = start, start - 1  # "long braided cornrows", "a Maasai shuka": what is held before joins it
        kinds = {k for a, b, why in self.kept if why.startswith("it names a kind of") for k in range(a, b + 1)}
        compound = (
            (w := self.tok(last + 1)) is not None
            and w.is_word
            and self.free(last + 1)
            and (
                "n" in self.lex.tags(w.core)
                and w.core not in g.CLOSED
                and (not self.ing(w) or (self.tokens[last].capitalised and (d := self.tok(first - 1)) is not None
                                         and d.core in g.DETERMINERS and not self.verb_with_object(last + 1)))
                # (round 87: "a woman at a Bar Mitzvah dancing the hora" sent "at a dancing the hora")
                and self.noun(w) is None
                and not w.low.endswith("s")
                and not (self.tokens[last].low.endswith("s") and "v" in self.lex.tags(w.core))
            )
        )  # "a sorority house party": the article is the house party's; "an Eid gathering": an article before a
        # capitalised name and an -ing noun is the gathering's ("a kimono hanging on the wall": the kimono hangs)
        kept = {k for a, b, _ in self.kept for k in range(a, b + 1)}

        def someone(k: int) -> bool:  # "a woman expecting twins": a gendered person never leaves with a proxy
            found = self.noun(self.tokens[k])  # ("a baby stroller", "a babushka headscarf" name kinds)
            return found is not None and found[0].gender is not None and k not in kept

        def verb(k: int) -> bool:  # "a family celebrating diwali": the clause's verb, after its subject (not "a long
            # flowing dress", "a wedding veil", where the -ing word describes the thing)
            subject = self.tok(k - 1)
            return self.ing(self.tokens[k]) and "v" in self.lex.tags(self.tokens[k].core) and subject is not None and (
                subject.is_word and "n" in self.lex.tags(subject.core) and "a" not in self.lex.tags(subject.core)
                and subject.core not in g.DETERMINERS and subject.core not in POSSESSIVE_DETERMINERS)  # fmt: skip

        # "a wooden walking cane": a compound that an -ing word opens and a noun heads takes its article and words
        headed = last > start_word and not self.ing(self.tokens[last]) and "n" in self.lex.tags(self.tokens[last].core)
        while self.free(j) and self.tokens[j].is_word and not someone(j) and not (
                compound and (self.tokens[j].core in g.DETERMINERS or self.tokens[j].core in POSSESSIVE_DETERMINERS
                              or verb(j))  # "playing little league baseball": the verb's object is the baseball
        ) and not (
                self.ing(self.tokens[start_word]) and not headed and self.tokens[j].core not in g.DETERMINERS
                and self.tokens[j].core not in POSSESSIVE_DETERMINERS  # "kids in costumes trick-or-treating": a
        ) and not (  # fmt: skip  # verb's -ing form after its subject's words takes none of them ("in Halloween" was sent)
                compound and j == first - 1 and "a" in self.lex.tags(self.tokens[j].core) and "n" not in self.lex.tags(
                    self.tokens[j].core) and j not in kinds  # fmt: skip
        ) and (  # "her retirement party": "her" is the party's, and stays
            self.tokens[j].core in g.DETERMINERS or self.tokens[j].core in POSSESSIVE_DETERMINERS
            or (self.modifier(j) and self.tokens[j].core not in g.CLOSED)
            or j in kinds  # "a princess dress": the word naming the dress's kind leaves with it
            or self.describes_held(j)  # "with gray stubble", "with twin braids"
            or self.tokens[j].core in ORDINAL_WORDS  # "her first grey hair": the ordinal counts the hairs
        ):  # fmt: skip
            first = j
            if self.tokens[j].core in g.DETERMINERS or self.tokens[j].core in POSSESSIVE_DETERMINERS or verb(j):
                break  # "her first day at school" leaves with its "her"; "applying makeup" with its verb, not the subject
            j -= 1
        nxt, prev = self.tok(last + 1), self.tok(first - 1)
        k = last + 2
        while k < last + 5 and (w := self.tok(k)) is not None and w.is_word and self.noun(w) is None and (
                w.core in g.DETERMINERS or w.core in POSSESSIVE_DETERMINERS or w.core in self.lex.adjectives):  # fmt: skip
            k += 1  # "in a hanbok and her teenage grandson": past the next phrase's article and attribute words
        joins_person = (w := self.tok(k)) is not None and w.is_word and self.noun(w) is not None or (
            (o := self.tok(last + 2)) is not None and o.low in ("her", "his", "their", "one", "another", "the")
            and self.tokens[first].low != "with" and (p := self.tok(first - 1)) is not None and p.low in ("in", "wearing")
            and (o.low != "the" or ((x := self.tok(last + 3)) is not None and x.low in ("other", "one"))))  # fmt: skip
        # "one in a red dress and one in a suit" ("one in one in a suit" was sent, round 71)
        # "a girl in a sequined dress and her date in a tux": what "her" owns joins the girl, not her dress ("a young
        # man in his date in a tux" was sent, round 69)
        # "in a hijab and a man in a turban": "and" joins people; "wearing a turban and who looks tired" a clause
        joins_clause = (w := self.tok(last + 2)) is not None and w.low in ("who", "that", "which", "whose") or (
            self.opens_clause(last + 2))  # fmt: skip  # "... and her hair is in a bun": `proxy_extent` ends this one there
        if nxt is not None and self.free(last + 1) and nxt.low in ("and", "or", "&") and not joins_person and (
                not joins_clause):  # fmt: skip
            if self.tokens[first].low in INTRODUCERS and first == start_word:
                return first + 1, last + 1  # "with a walker and an oxygen tube" -> "with an oxygen tube"
            then = self.tok(last + 2)
            if first == start_word - 1 and (self.tokens[first].low in INTRODUCERS or verb(first)) and (
                    then is not None and not self.ing(then)):  # fmt: skip
                return start_word, last + 1  # "wearing qipao and lion masks" -> "wearing lion masks" ("at a parade
                # lion masks" was sent, round 69)
            if then is not None and self.ing(then) and prev is not None and self.free(first - 1) and self.ing(prev) and (
                    "v" in self.lex.tags(prev.core)):  # fmt: skip
                return first - 1, last + 1  # "wearing a kilt and playing bagpipes" -> "playing bagpipes": two verbs
            return first, last + 1  # "a hijab and glasses" -> "glasses"
        if nxt is not None and nxt.text == "," and self.free(last + 1) and not joins_person and self.listed_on(last + 2):
            # "with stubble, a square jaw and ...", "with a walker, cardigan and thick glasses": "with" stays for the
            # rest of its list ("someone, a square jaw" was sent, round 69)
            if self.tokens[first].low == "with" and first == start_word:
                return first + 1, last + 1
            if prev is not None and prev.low == "with" and self.free(first - 1):
                return first, last + 1
        if prev is not None and self.free(first - 1) and prev.low in ("and", "or", "&"):
            return first - 1, last
        if prev is not None and prev.text == "/" and (w := self.tok(first - 2)) is not None and w.low == "w" and (
                self.free(first - 1) and self.free(first - 2)):  # fmt: skip
            return first - 2, last  # "a guy w/ a beard" -> "a guy" ("w/" is "with"), "w/ red hair drinkin coffe" too
        if prev is not None and self.free(first - 1) and prev.low in INTRODUCERS:
            return first - 1, last  # "a man with a beard" -> "a man"
        if nxt is not None and self.free(last + 1) and nxt.text == "," and (prev is None or not prev.is_word):
            return first, last + 1  # one item of a comma list; "dancing at their 50th anniversary, black and white
            # photo": a comma after words of the clause ends the clause, and stays
        return first, last
