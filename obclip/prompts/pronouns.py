"""Pronouns: their case role from the parts of speech around them, and the person they bind to.

Binding never reads a gender (the nearest person before the pronoun; an object pronoun skips its own
clause), so every candidate binds alike; a role the context does not decide is refused.
"""

from __future__ import annotations

from obclip.prompts import grammar as g
from obclip.prompts.cues import (
    BODY_PARTS,
    CLAUSE_WORDS,
    COLLECTIVES,
    CONTRACTED_PRONOUN,
    HONORIFICS,
    ING_EVENTS,
    LOOK_VERBS,
    PICTURE_REQUESTS,
    SPEAKER_COPULAS,
    TIME_WORDS,
    ing_form,
)
from obclip.prompts.lexicon import Lexicon
from obclip.prompts.phrases import ORDINAL_REFERENCE
from obclip.prompts.template import AmbiguousPronoun, Held, Person, Phrase, Pronoun
from obclip.prompts.tokens import Token, weight_group

REQUEST_MODALS = frozenset({"can", "could", "would", "will"})  # "... can u draw her": typed with no stop before it
GET_FORMS = frozenset("get gets got getting gotten".split())  # "getting her first X": one gets one's own firsts
# "having her lunch", "has her work on display": after "have", a word that is a noun and a verb is a thing of hers
# (the causative "had her cook dinner" is rare in prompts; before it a determiner says so, and it is read as one)
HAVE_FORMS = frozenset("have has had having".split())
# Prepositions of place: an object pronoun after one, at the end of its phrase, is where the clause's subject is
# ("a teddy bear ... with a castle behind him"), so it refers to that subject, an animal or a toy included.
LOCATIVE = frozenset("behind beside besides near around above below beneath under underneath inside before".split())


class PronounsMixin:
    """Passes of `obclip.prompts.parse._Parser` that find and bind pronouns (mixed in)."""

    def subject_before(self, i: int) -> int | None:
        """The person a "... is 32" clause is about: the pronoun or phrase that opens the clause."""
        j = self.clause_start(i)
        if j >= 2 and self.tokens[j - 1].low in ("who", "that", "which"):
            k = j - 2 if self.tokens[j - 2].text != "," else j - 3  # "a man, who must be 90,"
            owner = self.owner_at(k)  # "a boy who just turned 5"
            if owner is not None:
                return owner
        for k in range(j, i):
            owner = self.owner_at(k)
            if owner is not None:
                return owner
            t = self.tokens[k]
            if t.is_word and t.core in ("he", "she") and self.free(k):
                return self.subject_pronoun(k)
        return None

    def person_ending_at(self, j: int | None, i: int) -> int | None:
        """The person whose phrase ends at token j ("a boy | of ten"), or for j None the nearest before i."""
        if j is None:
            return self.nearest_person(i)
        if j in self.used:
            first, last, seg = self.spans[self.used[j]]
            if isinstance(seg, Phrase) and last == j:
                return seg.person
        return None

    def next_person(self, i: int) -> int | None:
        after = [(first, seg.person) for first, _, seg in self.spans if isinstance(seg, Phrase) and first > i]
        return min(after)[1] if after else None

    def nearest_person(self, i: int) -> int | None:
        """The person whose phrase ends closest before token i in the same sentence."""
        best = None
        for _, last, seg in self.spans:
            if isinstance(seg, Phrase) and last < i and not any(s in self.starts for s in range(last + 1, i + 1)):
                if best is None or last > best[0]:
                    best = (last, seg.person)
        return best[1] if best else None

    def owner_at(self, j: int) -> int | None:
        """The person whose phrase or pronoun ends at token j."""
        if j < 0:
            return None
        if j in self.used:
            seg = self.spans[self.used[j]][2]
            if isinstance(seg, Phrase | Pronoun) and self.spans[self.used[j]][1] == j:
                return seg.person
            return None
        t = self.tokens[j]
        if t.is_word and (t.core in ("he", "she") or CONTRACTED_PRONOUN.match(t.low)):
            return self.subject_pronoun(j)  # "shes indian": her pronoun, its verb glued on
        return None

    def subject_pronoun(self, j: int) -> int:
        """The person the subject pronoun at token j is, as the pronoun pass will write it: bound by position, or
        the one earlier person of its gender where position names someone of the other (`named_again`). "A man and
        a woman. He is 25 and she is 80." gave both ages to the woman, nearest by position (refused, round 93)."""
        pid, t = self.bind(j, role="subject"), self.tokens[j]
        if t.core in ("he", "she") and (again := self.named_again(pid, t, j)) is not None:
            return again
        return pid

    def copula_subject(self, first: int) -> int | None:
        """The person an ungendered subject pronoun is, where what is said from token `first` on states an attribute
        of them ("I am old", "i'm 70", "we're both Korean", "two women at a cafe. They are old."): "they" the
        nearest group named before it (a couple or a family no noun states made one; with none, things); "I" and "we"
        the one or ones asking (`speaker`; the words went out as written, N = 1, round 73). None if no such pronoun and copula stand right
        before `first` (over "both", "all", "so", "very"); "when I was young" says an age once had, no age now."""
        j = first - 1
        if j > 0 and self.free(j) and "a" in self.lex.tags(self.tokens[j].core) and self.noun(self.tokens[j]) is None:
            j -= 1  # "i'm tall korean": back over another word said of them
        while j > 0 and self.free(j) and self.tokens[j].low in ("both", "all", "so", "very", "really", "quite"):
            j -= 1
        t = self.tok(j)
        if t is None or not self.free(j) or not t.is_word:
            return None
        if t.low in ("am", "are", "were", "r"):  # "we r both latino"
            copula, j = t.low, j - 1
            t = self.tok(j)
            if copula == "were" and (t is None or not t.is_word) and any(
                    w.low in ("me", "my", "i", "myself") for w in self.tokens[:j]):  # fmt: skip
                return self.speaker(j + 1, "pl")  # "me n my bf at the tower, were both like 22": "we're" typed
                # without its apostrophe, with no subject before it (round 78: sent as written)
            if t is None or not self.free(j) or t.low not in ("i", "we", "they") or (t.low == "i") != (copula == "am") or (
                    copula == "were" and t.low != "they"):  # fmt: skip
                return None
            pronoun = t.low
        elif (pronoun := SPEAKER_COPULAS.get(t.low)) is None:
            return None
        if pronoun == "they":  # with no group before, "they" are things ("the walls, they are white")
            before = [k for k, p in enumerate(self.persons) if p.number == "pl" and p.anchor < j]
            group = [k for k in range(j - 1, -1, -1) if self.free(k) and self.tokens[k].core in COLLECTIVES]
            if not before and group:  # "a couple on a bench, they are both old": the couple becomes a person slot
                self.noun_phrase(group[0], None, True, force=True)
                before = [k for k, p in enumerate(self.persons) if p.anchor == group[0]]
            return max(before, key=lambda k: self.persons[k].anchor) if before else None
        return self.speaker(j, "sg" if pronoun == "i" else "pl")

    def speaker(self, j: int, number: str) -> int:
        """The one or ones asking, named by "I", "me" or "we" at token j: a person of their own, made once. "We" after
        "me and the girls" are the girls with the asker: said of "we", an age is the group's."""
        for k, p in enumerate(self.persons):
            if p.anchor == j and p.pronoun_only:
                return k  # "I am 70 and Korean": made a person already
        if number == "pl":
            groups = [k for k, p in enumerate(self.persons) if p.number == "pl" and not p.pronoun_only and p.anchor < j
                      and self.with_asker(k)]  # fmt: skip
            if len(groups) == 1:
                return groups[0]  # "me and the girls brunch in brooklyn, we're all in our 30s" (the girls' age was
                # varied apart from "our": "the little boys ..., we're all in our seventies", round 75)
        self.askers.add(k := self.new_person(Person(cls=None, number=number, pronoun_only=True, anchor=j)))
        return k

    def mark_pronouns(self) -> None:
        if not self.gender_protected:
            return  # pronouns stay as written
        self.mark_ones_of_groups()
        for i, t in enumerate(self.tokens):
            if not self.free(i) or not t.is_word:
                continue
            contracted = CONTRACTED_PRONOUN.match(t.low)
            if t.core not in g.PRONOUN_GENDER and not contracted:
                continue
            # "she's", "he'll", "shes": a subject pronoun with its verb glued on, which every candidate keeps
            if self.refers_to_thing(i):
                self.kept.append((i, i, "it refers to an animal or a thing, not a person"))
                continue  # "A beaver in a tie. He stands ...": the beaver's pronoun, kept as written
            role, suffix = (
                ("subject", t.text[len(contracted.group(1)) :])
                if contracted
                else (pronoun_role(self.tokens, i, self.lex), "")
            )
            pid = self.bind(i, role=role)
            if role == "possessive" and self.given_to(i):
                role = "object"  # "His wife brings him tea" -> "Her husband brings her tea": tea given to her
                pid = self.bind(i, role=role)
            if i in self.same_owner and (first_owner := self.owner_at(self.same_owner[i])) is not None:
                pid = first_owner  # "her aunt ..., her aunt kneads": the owner the first "her aunt" had
            named = None if contracted else self.named_again(pid, t, i)
            if named is not None:
                self.persons[named].mentions.append(i)
                person = self.persons[named]
                said = frozenset(person.in_phrase)
                noun = (person.cls, person.head, person.number, said)
                if self.twin(named) or (named in self.pair_before(i) and not self.introduced(named)):
                    # two people one noun could name alike, or one first named with "the" ("said the boy to his
                    # mother, crossing his arms"), whose noun again reads as either of the two: by their order
                    noun = (None, ORDINAL_REFERENCE[self.pair_before(i).index(named)], "sg", frozenset())
                self.write_as_noun(i, named, role, noun)
                continue
            other = self.other_of_pair(pid, t, i)
            if other is not None:
                # "Couple dancing in the rain, she leans back in his arms": written "the other's" in every candidate
                self.persons[other].mentions.append(i)
                self.write_as_noun(i, other, role, (None, "other", "sg", frozenset()))
                continue
            self.check_agreement(self.persons[pid], t, i)
            self.persons[pid].mentions.append(i)
            self.claim(i, i, Pronoun(pid, role, g.token_case(t.text), suffix))

    def hold_a_babys_its(self) -> None:
        """ "A baby sleeps in a crib ... and its tiny fingers twitch": "its" before a part of the body, after a child
        and with no animal between, is the child's, as a baby is called "it"; written in a decoy ("An old person ...
        its tiny fingers") it says which candidate is real (round 102). It stays on the device, "the" standing in,
        the same in every candidate. An animal's "its" ("a baby elephant ... its mother") is read as before."""
        if not self.gender_protected:
            return
        for i, t in enumerate(self.tokens):
            if t.low != "its" or not self.free(i):
                continue
            k = i + 1
            while (w := self.tok(k)) is not None and w.is_word and "a" in self.lex.tags(w.core) and k - i <= 3:
                k += 1  # "its tiny fingers"
            part = self.tok(k)
            if part is None or not part.is_word or not self.lex.senses.body_part(part.core):
                continue
            last = max(((b, seg.person) for _, b, seg in self.spans if isinstance(seg, Phrase) and b < i), default=None)
            if last is None or self.persons[last[1]].states.get("age") != "child" or any(
                    w.core in self.lex.senses.animals and self.noun(w) is None for w in self.tokens[last[0] + 1 : i]):  # fmt: skip
                continue
            self.claim(i, i, Held(t.text, "age", stand_in=g.apply_case("the", g.token_case(t.text))))

    def write_as_noun(self, i: int, pid: int, role: str, noun: tuple) -> None:
        """The pronoun at token i written in every candidate as "the" and `noun` (its person's noun, "former",
        "other"), possessive where the pronoun was: it binds by noun, not by gender."""
        t = self.tokens[i]
        det = "The" if t.text[:1].isupper() else "the"
        owns = role == "possessive" or (role == "standalone" and t.core in ("his", "hers"))  # "quicker than his":
        # his hands, written "the old fisherman's" (round 79: "quicker than the old fisherman")
        self.claim(i, i, Phrase(pid, det, (), "'s" if owns else "", g.token_case(t.text), noun))

    def other_of_pair(self, pid: int, t: Token, i: int) -> int | None:
        """ "Couple dancing in the rain, she leans back in his arms", "An elderly couple on a bench. She rests her head on
        his shoulder": after a couple named by no one's noun, the first pronoun is one of the two (a person known by
        its pronouns) and a pronoun of the other gender, which position would bind to that one, is the other. It is
        written "the other" ("the other's") in every candidate, and its gender stays on the device: no slot varies
        it, so the decoys ("he leans back in the other's arms") read as the prompt does. Decided by the collective
        and the clash, which every decoy shows alike (the pronoun's gender is never written); a server that knows
        this rule learns that the two differ in gender, not which is which (docs/privacy.md). None otherwise."""
        person = self.persons[pid]
        gender = g.PRONOUN_GENDER.get(t.core)
        if person.pronoun_only and pid in self.others:
            return pid  # the other again ("... his arms, and he smiles")
        known = person.states.get("gender")
        if gender is None or known is None or known == gender or not person.pronoun_only:
            return None
        pair = [k for k in range(person.anchor) if self.tokens[k].core in ("couple", "pair") and self.tokens[k].is_word]
        if not pair or any(p.anchor < person.anchor and not p.pronoun_only and p.number == "sg" for p in self.persons):
            return None  # a single person named before: position and names decide, as elsewhere
        if self.others:
            return min(self.others)  # the other of the one couple, said again
        other = self.new_person(Person(cls=None, pronoun_only=True, anchor=i))
        self.others.add(other)
        return other

    def mark_ones_of_groups(self) -> None:
        """ "A teacher with her students, one of whom is raising his hand": "one of whom", "one of them" or "one of the"
        and a plural person noun, after a group, names one member, a person known by the pronouns that follow (as "She"
        is with no one before it); bound by position to the teacher, "his" was refused (round 69). Not a gender read."""
        for i, t in enumerate(self.tokens):
            of, who = self.tok(i + 1), self.tok(i + 2)
            if t.low != "one" or not self.free(i) or of is None or of.low != "of" or who is None:
                continue
            group = who.low in ("whom", "them") or (who.low == "the" and (h := self.tok(i + 3)) is not None and (
                (found := self.noun(h)) is not None and found[0].number == "pl"))  # fmt: skip
            groups = [p for p in self.persons if p.number == "pl" and p.anchor < i]
            if group and groups and "gender" not in max(groups, key=lambda p: p.anchor).states and any(
                    p.number == "sg" and p.anchor < i for p in self.persons):  # fmt: skip
                # (a group of one gender gives its member that gender: "Two women hug. One of them ... her suitcase"
                # binds to the group, `bind`; with no one single before, so does any member)
                self.new_person(Person(cls=None, pronoun_only=True, anchor=i))

    def given_to(self, i: int) -> bool:
        """ "her" bound as a possessive at token i, between a verb of giving and a bare thing ("brings her tea",
        "giving her flowers"), is the one given to: read as hers, "His wife brings him tea" had a decoy "Her husband
        brings her tea" that read differently (refused), and "a man giving her flowers" was refused as a woman bound
        to the man. So where the thing is plural ("flowers": no article needed either way) or someone named before
        does nothing in the clause (someone to give it to: an object pronoun is never the clause's own subject), it
        is an object; "She brings her tea" with no one else there stays hers. Decided without any gender, so a decoy
        reads as its prompt does."""
        t, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        if t.core != "her" or prev is None or prev.core not in g.GIVING or nxt is None or not nxt.is_word or (
                nxt.core in g.CLOSED or self.noun(nxt) is not None or "n" not in self.lex.tags(nxt.core)) or (
                nxt.possessive or not self.persons):  # fmt: skip
            return False
        after = self.tok(i + 2)
        if after is not None and after.is_word and after.core not in g.PREPOSITIONS and after.core not in g.CONJUNCTIONS:
            return False  # "brings her tea cup", "her very best": a longer phrase, hers more likely
        if nxt.low.endswith("s") and not nxt.low.endswith("ss") and "n" in self.lex.tags(nxt.low.removesuffix("s")):
            return True  # a plural thing: "giving her flowers", "buying her presents"
        clause = self.shared_subject_clause(i)
        return any(p.number == "sg" and p.anchor < i and not any(
            clause <= m < i and not self.possessive_mention(m) and self.acts(m, i) for m in p.mentions)
            for p in self.persons)  # fmt: skip

    def named_again(self, pid: int, t: Token, i: int) -> int | None:
        """Where the person a pronoun binds to by position has the other gender ("A woman and her son walk in.
        She orders while he points": "She" is nearest to the son), the one earlier person of the pronoun's gender
        it must mean, or None. That pronoun is written in every candidate as that person's noun again ("The woman
        orders", "The man orders"), which binds by noun, not by gender, so the set stays closed."""
        gender = g.PRONOUN_GENDER.get(t.core)
        known = self.persons[pid].states.get("gender")
        if gender is not None and known is None and (owner := self.owner_meant(pid, t, i)) is not None:
            return owner
        if gender is None or known is None or known == gender:
            return None
        fits = [k for k, p in enumerate(self.persons) if k != pid and p.number == "sg" and p.anchor < i
                and p.states.get("gender") == gender and not p.pronoun_only]  # fmt: skip
        if not self.persons[pid].strength.get("gender", True) and (len(fits) != 1 or t.core not in ("he", "she")):
            return None  # a name's usual gender the pronoun corrects ("Sam ... she"), unless one other person has
            # the pronoun's and it is a subject: "emma and liam building a snowman, she laughs as he throws" (names
            # round: "she" made Liam a woman, and "he" was refused); an object is never its clause's subject ("Tom's
            # wife surprised her")
        # a stated gender first; else a name's usual one ("Priya and Ahmed cook, he chops onions while she stirs")
        agree = [k for k in fits if self.persons[k].strength.get("gender", True)] or fits
        if not agree:
            return self.unsaid_gender_meant(pid, i)
        if len(agree) != 1:
            return None
        if self.twin(agree[0]) and agree[0] in self.pair_before(i):
            return agree[0]  # "A man and a woman argue. He slams the door": written "The former slams the door"
        if self.twin(
            agree[0]
        ):  # "a man and a woman, he reads while she sleeps": a decoy with two men could not say which one
            raise self.refuse(
                t,
                f"this pronoun can only mean the {gender} person by gender, and gender is what the decoys vary: in "
                "a decoy where two of these people are written with the same noun, the server could not tell which "
                "one it would refer to (pronouns bind to the nearest person before them, never by gender; with two "
                'people the cloud view says "the former" or "the latter", with more it cannot). Tell the people '
                'apart by other words ("the one with the hat"), or give each person their own sentence',
                AmbiguousPronoun,
            )
        return agree[0]

    def owner_meant(self, pid: int, t: Token, i: int) -> int | None:
        """ "A father carries his sleeping toddler. He moves slowly so as not to wake her": "He" is nearest to the
        toddler, whom nothing gives a gender, but "her" later in its sentence must then be the father, whose gender
        is stated as the other one (round 58: refused). The one who owns that person ("his toddler"), of the
        pronoun's gender, is the subject meant; written as their noun again ("The father moves slowly ... her"),
        which binds by noun in every candidate. None unless the sentence needs it so."""
        gender = g.PRONOUN_GENDER[t.core]
        if t.core not in ("he", "she"):
            return None
        k = i + 1
        while (w := self.tok(k)) is not None and k not in self.starts:
            if w.core in ("him", "her", "his") and g.PRONOUN_GENDER[w.core] != gender:
                break
            k += 1
        else:
            return None
        if w is None or k in self.starts:
            return None
        owners = [seg.person for a, b, seg in self.spans if isinstance(seg, Pronoun) and seg.role == "possessive"
                  and self.used.get(b + 1) is not None and isinstance(nxt := self.spans[self.used[b + 1]][2], Phrase)
                  and nxt.person == pid]  # fmt: skip
        if len(owners) != 1 or (owner := self.persons[owners[0]]).states.get("gender") != gender or (
                not owner.strength.get("gender", True) or owner.pronoun_only or self.twin(owners[0])):  # fmt: skip
            return None
        return owners[0]

    def unsaid_gender_meant(self, pid: int, i: int) -> int | None:
        """ "A nurse adjusts the pillow of an old man. She tucks the blanket around him": "She" is nearest to the
        man, whose gender the prompt states as the other one; the one earlier person whose gender nothing states
        (the nurse) is the one it means, and the cloud view writes that person's noun again ("The nurse tucks"),
        which binds by noun in every candidate. The pronoun's gender stays on the device: the nurse's gender is
        then stated nowhere the cloud sees, so no slot varies it. None where no single such person exists, or
        where another person's words would read alike ("a nurse and a doctor" are told apart by their nouns)."""
        unsaid = [k for k, p in enumerate(self.persons) if k != pid and p.number == "sg" and p.anchor < i
                  and "gender" not in p.states and not p.pronoun_only]  # fmt: skip
        if len(unsaid) != 1:
            return None
        meant = self.persons[unsaid[0]]
        if any(k != unsaid[0] and p.number == "sg" and (p.cls, p.head) == (meant.cls, meant.head)
               for k, p in enumerate(self.persons)):  # fmt: skip
            return None  # "a nurse and a nurse": the noun again would not say which
        gender = g.PRONOUN_GENDER.get(self.tokens[i].core)
        k = i + 1
        while (w := self.tok(k)) is not None and not (w.text in ",;:.!?" or w.low in CLAUSE_WORDS):
            if w.core in ("him", "her") and g.PRONOUN_GENDER.get(w.core) != gender and self.tokens[k - 1].low in LOCATIVE:
                return None  # "She tucks the blanket around him": a place said of the noun written for "She"
            k += 1  # would be read as the nurse's own, so the object would change person in the cloud view
        return unsaid[0]

    def twin(self, pid: int) -> bool:
        """Another singular person shares `pid`'s noun class: a decoy may write both with one noun."""
        cls, head = self.persons[pid].cls, self.persons[pid].head
        return any(  # a neutral noun keeps its word in every candidate: "a teacher" and "a student" never read alike
            k != pid and p.cls == cls and (cls is not None or p.head == head) and p.number == "sg" and not p.pronoun_only
            for k, p in enumerate(self.persons)
        )

    def pair_before(self, i: int) -> list[int]:
        """The people "the former" and "the latter" at token i name: the singular people introduced before it
        by a noun, when there are exactly two of them (else none)."""
        pair = sorted((p.anchor, k) for k, p in enumerate(self.persons)
                      if p.number == "sg" and not p.pronoun_only and p.anchor < i)  # fmt: skip
        return [k for _, k in pair] if len(pair) == 2 else []

    def mark_ordinal_references(self) -> None:
        """ "The former slams the door; the latter keeps cooking": with exactly two people before it, "the former"
        and "the latter" (before no noun) name the first and the second, as the cloud view writes a pronoun that
        only gender could bind ("A man and a woman argue. He slams the door")."""
        for i, t in enumerate(self.tokens[1:], start=1):
            prev, nxt = self.tokens[i - 1], self.tok(i + 1)
            if t.low not in ORDINAL_REFERENCE or prev.core != "the" or not self.free(i) or not self.free(i - 1):
                continue
            if nxt is not None and nxt.is_word and (self.noun(nxt) is not None or nxt.capitalised or (
                    set(self.lex.tags(nxt.core)) == {"n"})):  # fmt: skip
                continue  # "the former president", "the former Yugoslavia", "the latter half"
            pair = self.pair_before(i)
            if not pair:
                continue
            pid = pair[ORDINAL_REFERENCE.index(t.low)]
            self.persons[pid].mentions.append(i)
            self.claim(i - 1, i, Phrase(pid, prev.text, (), "'s" if t.possessive else "", g.token_case(t.text),
                                        (None, t.low, "sg", frozenset())))  # fmt: skip

    def refers_to_thing(self, i: int) -> bool:
        """A subject pronoun with no person before it and an animal or a toy before it ("A beaver in a tie.
        He stands ...") refers to that animal: it is no person's pronoun."""
        t = self.tokens[i]
        if any(p.anchor < i for p in self.persons):
            return False
        if self.no_person_before(i) and any(
                self.kept_thing(k) and self.tokens[k].core in self.lex.senses.depiction for k in range(i)):  # fmt: skip
            return True  # "The Statue of Liberty at sunset, fireworks behind her torch": the figure a named statue or
            # painting shows, whose gender the work fixes (round 94: varied, "his torch")
        if t.core not in ("he", "she"):  # "a dog licking her face" may be someone else's face; but "a mother duck
            gender = g.PRONOUN_GENDER.get(t.core)  # with her ducklings": the duck's own words give her gender
            if any(
                a < i
                and self.noun(self.tokens[a]) is not None
                and self.noun(self.tokens[a])[0].gender == gender
                and why.startswith("it names a kind of")
                for a, _, why in self.kept
            ):
                return True
            if any(
                a < i and isinstance(seg, Held) and seg.why == "not a person" and self.creature(b)
                and any((f := self.noun(self.tokens[k])) is not None and f[0].gender == gender for k in range(a, b))
                for a, b, seg in self.spans
            ):  # fmt: skip
                return True  # "a mother hen with her chicks": a named animal whose own words give her gender
            prev, nxt = self.tok(i - 1), self.tok(i + 1)
            if (
                t.core in ("him", "her")
                and prev is not None
                and prev.low in LOCATIVE
                and (nxt is None or not nxt.is_word)
                and self.no_person_before(i)
                and self.animal_subject(before=i)
            ):
                return True  # "a teddy bear ... with a castle behind him": where the bear stands, not someone else
            owned = self.tok(i + 1)  # "a wombat ... on his laptop": an animal's thing; "her face" is someone's
            thing = (
                owned is not None
                and owned.is_word
                and (self.noun(owned) is None or any(a <= i + 1 <= b for a, b, _ in self.kept))
            )  # "her chicks" after a hen
            # "A lion king posing on a rock, his mane blowing": a body part after a comma or "with" is the animal's own
            # (round 96: "her mane" was a decoy); after a verb it may be someone else's ("a dog licking her face")
            own_part = thing and owned.core in self.lex.senses.body and prev is not None and (
                prev.text in ",;" or prev.low in ("and", "with"))  # fmt: skip
            return (
                t.core in ("his", "her")
                and thing
                and (owned.core not in self.lex.senses.body or own_part)
                and (self.no_person_before(i) and self.animal_subject(before=i))
            )
        return self.no_person_before(i) and self.animal_subject(before=i)

    def no_person_before(self, i: int) -> bool:
        """No person noun and no gendered pronoun stands before token i; a person word kept as no person ("A lion
        king": the lion's title) is none."""
        return not any(t.is_word and (t.core in g.PRONOUN_GENDER or self.noun(t) is not None) and not self.kept_thing(k)
                       for k, t in enumerate(self.tokens[:i]))  # fmt: skip

    def bind(self, i: int, plural: bool = False, role: str = "possessive") -> int:
        """The person a pronoun at token i refers to, decided without looking at any gender.

        An object pronoun never refers to a person mentioned in its own clause ("a man hugging her":
        her is someone else); any other pronoun refers to the nearest person before it ("a woman and her
        son, he ..."). With nobody to refer to, the pronoun is a person of its own. "their" refers to
        the nearest group before it.
        """
        t = self.tokens[i]
        for k, p in enumerate(self.persons):
            if p.anchor == i and p.pronoun_only:
                return k  # this pronoun was made a person already, as the subject of "she is a doctor"
        if not plural and role != "object" and (apposed := self.apposed_after(i)) is not None:
            return apposed  # "she, an engineer in her thirties, ...": the appositive after her says who she is
        if plural:  # "their": the nearest group, or one person spoken of as "they" ("a person in their 30s")
            before = [k for k, p in enumerate(self.persons) if p.number == "pl" and p.anchor < i]
            before = before or [k for k, p in enumerate(self.persons) if p.anchor < i]
            if not before:
                group = [k for k in range(i - 1, -1, -1) if self.free(k) and self.tokens[k].core in COLLECTIVES]
                if group:  # "a couple in their 70s": the group becomes a person slot
                    self.noun_phrase(group[0], None, True, force=True)
                    before = [k for k, p in enumerate(self.persons) if p.anchor == group[0]]
            if not before:
                raise self.refuse(t, "'their' with nobody before it; name the people it refers to")
            return max(before, key=lambda k: self.persons[k].anchor)
        before = [k for k, p in enumerate(self.persons) if p.number == "sg" and p.anchor < i and k not in self.askers]
        prev = self.tok(i - 1)  # "draw me and my son, i'm 40 and he's 10": "he" is never the one asking
        two_word = prev is not None and prev.low == "to" and (self.tok(i - 2) or prev).low in ("close", "next")
        placed = self.tok(i - 3 if two_word else i - 2)  # what is placed: "her baby close to her", "his arm around her"
        own_body = placed is not None and placed.core in BODY_PARTS  # one's own arm goes around someone else
        intransitive = placed is not None and placed.is_word and "v" in self.lex.tags(placed.core) and not two_word and (
            self.owner_at(i - 3) is not None or ing_form(placed.core, self.lex)) and not placed.possessive  # fmt: skip
        # "his son stands beside him": nothing is placed, so "him" is someone else (else "beside himself"; round 74: the
        # son was bound to himself, varied apart from the father)
        if role == "object" and before and prev is not None and (prev.low in LOCATIVE or two_word) and not own_body and (
                not intransitive):  # fmt: skip
            # "a mother holding her baby close to her", "a man with a dog beside him": where something is, said of
            # the clause's subject (English says "her", not "herself", after a preposition of place)
            clause = self.clause_start(i)
            doers = [k for k in before if any(clause <= m < i and not self.possessive_mention(m) and self.acts(m, i)
                                              for m in self.persons[k].mentions)]  # fmt: skip
            if doers:
                return min(doers, key=lambda k: min(m for m in self.persons[k].mentions if m >= clause))
        if role == "object":  # not the clause's own subject ("a man hugging her"); its owner may be ("her cat
            clause = self.reduced_relative(self.shared_subject_clause(i), i)  # sleeps beside her": the cat's owner,
            # named only by "her")
            to = next((k for k in range(i - 2, clause, -1) if self.tokens[k].low == "to" and self.free(k) and (
                "v" in self.lex.tags(self.tokens[k + 1].core)) and not self.tokens[k + 1].low.endswith(("s", "ing"))), None)
            named = [k for k in before if any(clause <= m < (to or 0) and not self.possessive_mention(m)
                                              for m in self.persons[k].mentions)]  # fmt: skip
            if to is not None and len(named) > 1:
                # "Sarah asked her boyfriend to take a photo of her": the infinitive's subject is the last one named
                # before "to" (the boyfriend); "her" is the one who asked (as someone else, its gender was varied
                # apart from Sarah's: "A man asked his boyfriend to take a photo of her")
                doer = max(named, key=lambda k: max(m for m in self.persons[k].mentions if m < to))
                before = [k for k in before if k != doer]
                clause = to
            before = [k for k in before if not any(clause <= m < i and not self.possessive_mention(m)
                                                   for m in self.persons[k].mentions)]  # fmt: skip
        if role == "possessive" and len(before) > 1 and prev is not None and prev.low in ("is", "was") and (
                (subject := self.subject_before(i - 1)) is not None and subject in before):  # fmt: skip
            before = [k for k in before if k != subject]  # "the gardener beside her is her brother": no one is their
            # own brother; "her" is someone before (round 84: bound to the gardener, "his brother" was a decoy)
        if role == "possessive" and before and self.body_part_after_preposition(i):
            # "a father carrying his daughter on his shoulders", "a mother holding her son in her arms":
            # a body part after a preposition belongs to the one doing the carrying, the clause's subject
            clause = self.clause_start(i)
            subjects = [k for k in before if any(clause <= m < i for m in self.persons[k].mentions)]
            if subjects:
                return min(subjects, key=lambda k: min(m for m in self.persons[k].mentions if m >= clause))
        if before:
            nearest = max(before, key=lambda k: self.persons[k].anchor)
            if role in ("subject", "possessive") and (went_on := self.subject_going_on(i, nearest)) is not None:
                self.went_on[i] = went_on
                return went_on
            if role == "possessive" and self.went_on and (subject := next(
                    (self.went_on[k] for k in range(self.clause_start(i), i) if k in self.went_on), None)) is not None:  # fmt: skip
                return subject  # "Then she takes her seat": her own, as it was when both bound to the nearer one
            return self.head_of(nearest) if role == "possessive" else nearest
        clause = self.clause_start(i)
        groups = [k for k, p in enumerate(self.persons) if p.number == "pl" and p.anchor < i and "gender" in p.states
                  and not (role == "object" and any(clause <= m < i for m in p.mentions))]  # fmt: skip
        if role == "subject" and (looked := self.looked_like(i)) is not None:
            return self.bind(looked, role="object")  # "make her look like she is 70": one person (she was two)
        if groups and not any(p.number == "sg" and p.anchor < i for p in self.persons):
            # "Two women hug. One of them is crying; the other holds her suitcase": with only a group before it, a
            # singular pronoun is one of its members, of the group's gender in every candidate ("Two men ... his");
            # as a person of its own it was varied apart ("Two women ... his suitcase")
            return max(groups, key=lambda k: self.persons[k].anchor)
        if role != "object" and (named := self.introduced_after(i)) is not None:
            return named
        return self.new_person(Person(cls=None, pronoun_only=True, anchor=i))

    def subject_going_on(self, i: int, nearest: int) -> int | None:
        """ "A nurse checks on a patient, then she writes notes on his chart": a subject or possessive pronoun opening
        a clause after "then", "and", "while" or "as" goes on with its sentence's subject where neither that subject's
        noun nor the nearer person's says a gender, so nothing but position could pick (round 97: "she" was the
        patient, and "his" the nurse's). Where either noun says one ("A woman hugs a man and he smiles", "A
        grandfather teaches a child, and she laughs") the reader goes by it: position, then `named_again`, as before;
        after "so" a consequence is as often the other's ("scolds a student, so he cries"). Whether a noun says a
        gender is alike in every candidate, so the binding is too. None otherwise."""
        k, joined = i - 1, False
        while (w := self.tok(k)) is not None and (w.low in ("then", "and", "while", "as") or w.text == ","):
            joined |= w.is_word
            k -= 1
        near = self.persons[nearest]
        if not joined or k < 0 or "gender" in near.states or near.pronoun_only:
            return None
        start = max((s for s in self.starts if s <= k), default=0)
        if start not in self.used or not isinstance(seg := self.spans[self.used[start]][2], Phrase) or (
                seg.person == nearest or self.persons[seg.person].number != "sg"
                or "gender" in self.persons[seg.person].states):  # fmt: skip
            return None  # a verb after the subject is not asked for: a held one is written "with" in the decoys
        return seg.person

    def introduced_after(self, i: int) -> int | None:
        """"She is dancing in the rain. The girl in the yellow raincoat spins": a prompt that opens on "she"/"he"
        with no one before, and names one person next, with "the", in a later sentence, speaks of that person first
        (round 90: read as two people, half the decoys "She is dancing ... The old man ..."). Decided by structure
        alone, as every binding is: with a "the" phrase of the other gender ("He waits. The woman ...") the one
        person's two genders refuse the prompt, as the decoys would read it so."""
        if any(p.anchor < i for p in self.persons) or any(t.is_word for t in self.tokens[:i]):
            return None
        after = sorted((k for k, p in enumerate(self.persons) if p.anchor > i), key=lambda k: self.persons[k].anchor)
        if not after or self.persons[after[0]].number != "sg" or self.persons[after[0]].pronoun_only:
            return None
        k = after[0]
        first = min(a for a, _, seg in self.spans if isinstance(seg, Phrase) and seg.person == k and a >= 0)
        if first == i + 1 and self.tokens[i].core in ("herself", "himself"):
            return k  # "Herself a former student, she now teaches": the phrase after it says who she is (round 96:
            # "Herself" was someone of its own, varied apart from the student)
        if self.tokens[first].low != "the" or not any(t.text in ".!?;" for t in self.tokens[i + 1 : first]):
            return None
        return k

    def with_asker(self, k: int) -> bool:
        """Person k's phrase is joined to the asker by "and": "me and the girls", "the kids and I"."""
        spans = [(a, b) for a, b, seg in self.spans if isinstance(seg, Phrase) and seg.person == k]
        if not spans:
            return False
        a, b = spans[0]
        before, after = [w.low for w in self.tokens[max(0, a - 2) : a]], [w.low for w in self.tokens[b + 1 : b + 3]]
        return before in (["me", "and"], ["i", "and"]) or after in (["and", "i"], ["and", "me"])

    def looked_like(self, i: int) -> int | None:
        """The object pronoun of "make her look like she ...", "him seem as if he ..." for the subject pronoun at
        token i: the one made to look so is the one said to be so. Else None."""
        k = i - 1
        if (w := self.tok(k)) is not None and w.low == "if" and (a := self.tok(k - 1)) is not None and a.low == "as":
            k -= 2
        elif w is None or w.low != "like":
            return None
        verb, obj = self.tok(k - 1), self.tok(k - 2)
        if verb is None or verb.low not in LOOK_VERBS or obj is None or obj.low not in ("him", "her") or not self.free(k - 2):
            return None
        return k - 2

    def apposed_after(self, i: int) -> int | None:
        """The person a singular noun phrase set off right after the pronoun at token i names ("she, an engineer
        in her thirties, inspecting a bridge"; "He, the oldest of them, ..."): an appositive, the same person."""
        comma, det = self.tok(i + 1), self.tok(i + 2)
        styled = comma is not None and comma.core in HONORIFICS and det is not None and det.low == "the"
        # "Her Majesty the Queen", "His Holiness the Pope": a style and who bears it, one person
        if not styled and (comma is None or comma.text != "," or det is None or det.low not in ("a", "an", "the")):
            return None
        for k, p in enumerate(self.persons):
            if p.number == "sg" and not p.pronoun_only and i + 3 <= p.anchor <= i + 6 and (
                    all(self.tokens[j].is_word for j in range(i + 2, p.anchor + 1))):  # fmt: skip
                return k
        return None

    def acts(self, m: int, i: int) -> bool:
        """The person mentioned at token m does something before token i: a verb follows the mention ("a man
        stands with ... behind him", "a mother holding her baby close to her"). Without one ("the woman next
        to him") the place is said of someone else."""
        end = self.spans[self.used[m]][1] if m in self.used else m
        if self.tokens[m].core in ("his", "her", "their") or self.tokens[end].possessive:
            end += 1  # "his arm around her": what follows the owned word says what happens
        nxt = self.tok(end + 1)
        if nxt is not None and nxt.is_word and "v" in self.lex.tags(nxt.core) and nxt.core not in g.CLOSED:
            return True
        return any(t.is_word and ing_form(t.core, self.lex) for t in self.tokens[end + 1 : i])

    def possessive_mention(self, m: int) -> bool:
        """The mention at token m is a possessive of a thing ("her cat", "the man's dog"): it names an owner, not a
        doer (the owner of a body part is one: "his arm around her")."""
        t = self.tokens[m]
        if m in self.used:
            seg = self.spans[self.used[m]][2]
            owner = (isinstance(seg, Pronoun) and seg.role == "possessive") or (
                isinstance(seg, Phrase) and bool(seg.possessive)
            )
        else:
            owner = t.core in ("his", "her", "their") or t.possessive
        owned = self.tok(self.spans[self.used[m]][1] + 1 if m in self.used else m + 1)
        # "his arm around her": a body part does what its owner does, so the owner is the doer
        return owner and not (owned is not None and owned.core in BODY_PARTS)

    def head_of(self, k: int) -> int:
        """The person an "of" phrase hangs on ("the father of the bride ... his": the father), else k."""
        anchor = self.persons[k].anchor
        if anchor not in self.used:
            return k
        first = self.spans[self.used[anchor]][0]
        if first >= 2 and self.tokens[first - 1].low == "of":
            owner = self.owner_at(first - 2)
            if owner is not None and owner != k:
                return owner
        return k

    def body_part_after_preposition(self, i: int) -> bool:
        """ "on his shoulders", "in her arms", "by his side": preposition, possessive, body part."""
        prev, nxt = self.tok(i - 1), self.tok(i + 1)
        return prev is not None and prev.core in g.PREPOSITIONS and nxt is not None and nxt.core in BODY_PARTS

    def reduced_relative(self, clause: int, i: int) -> int:
        """Where a thing is followed by a person and their past verb before token i ("He wears the scarf | his
        grandmother knitted for him"), the relative clause they open, whose own subject is that person; else
        `clause` (round 82: "for him" was bound past "He" to someone new, its gender varied apart from Kenji's)."""
        for first, last, seg in self.spans:
            if not (isinstance(seg, Phrase) and clause < first and last + 1 < i):
                continue
            verb = self.tokens[last + 1]
            if (k := self.used.get(first - 1)) is not None and isinstance(self.spans[k][2], Pronoun):
                first -= 1  # "his grandmother": the owner opens the phrase
            if self.thing_noun(first - 1) and verb.is_word and verb.core.endswith("ed") and self.free(last + 1) and (
                    "v" in self.lex.tags(verb.core) and self.noun(verb) is None):  # fmt: skip
                return first
        return clause

    def shared_subject_clause(self, i: int) -> int:
        """Where the clause of token i starts, over verbs joined by "and" with one subject ("Her teacher walks over
        and hands her a note": the teacher hands, so "her" is someone else, the girl; bound to the teacher it was
        varied apart, "hands him a note" beside "A little girl")."""
        clause = self.clause_start(i)
        while clause >= 2 and self.tokens[clause - 1].low in ("and", "then") and self.verb_opens(clause):
            clause = self.clause_start(clause - 1)
        return clause

    def verb_opens(self, k: int) -> bool:
        """Token k is a verb with no subject before it in its clause ("and hands her", "and then smiles")."""
        t = self.tokens[k]
        if not t.is_word or t.core in g.CLOSED or k in self.used:
            return False
        tags = self.lex.tags(t.core)
        return ing_form(t.core, self.lex) or ("v" in tags and (t.core.endswith("s") or "n" not in tags))

    def clause_start(self, i: int) -> int:
        j = i - 1
        while j >= 0 and not (self.tokens[j].text in ",;:.!?()" or self.tokens[j].low in CLAUSE_WORDS or (
                self.tokens[j].low in REQUEST_MODALS and (w := self.tok(j + 1)) is not None and w.low in ("u", "you"))):  # fmt: skip
            j -= 1  # "my daughter is turning 30 can u draw her": a request opens a clause of its own (round 84)
        if j >= 2 and self.tokens[j].low == "whom" and self.tokens[j - 1].low == "of" and self.tokens[j - 2].low == "one":
            return j - 2  # "one of whom hands her a note": the relative clause's subject opens it
        return j + 1

    def check_agreement(self, person: Person, t: Token, i: int) -> None:
        if t.core == "their":
            return
        contracted = CONTRACTED_PRONOUN.match(t.low)
        gender = g.PRONOUN_GENDER[contracted.group(1) if contracted else t.core]
        if not self.gender_protected:  # pronouns stay as written: no binding needs to hold in every candidate
            person.states.setdefault("gender", gender)
            return
        known = person.states.get("gender")
        if known is not None and known != gender and not person.strength.get("gender", True):
            person.state("gender", gender, True, t.text)  # the pronoun corrects a name's usual gender
            return
        if known is not None and known != gender and i < person.anchor:
            raise self.refuse(t, f"the prompt opens on this pronoun, with no one before it, and the person named next "
                              f"with \"the\" is {known}: the pronoun is read as that person, so this prompt has no "
                              "closed candidate set; name the pronoun's person first (\"A man waits. The woman "
                              "arrives\")", AmbiguousPronoun)  # fmt: skip
        if known is not None and known != gender:
            raise self.refuse(
                t,
                f"this pronoun is {gender} but the person it must refer to is {known}: candidates bind pronouns "
                "by position (to the nearest person before them; an object pronoun to someone outside its own "
                "clause), never by gender, so this prompt has no closed candidate set. Name the person "
                'again instead of the pronoun (e.g. "the woman sleeps")',
                AmbiguousPronoun,
            )
        person.state("gender", gender, True, t.text)


def pronoun_role(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> str:
    """The case role of the gendered pronoun at token i, from the parts of speech around it.

    Raises:
        AmbiguousPronoun: "her"/"his" whose role the context does not decide ("watching her dance").
    """
    word = tokens[i].core
    fixed = {"he": "subject", "she": "subject", "him": "object", "hers": "standalone", "himself": "reflexive",
             "herself": "reflexive"}  # fmt: skip
    if word in fixed:
        return fixed[word]
    if (weight := weight_group(tokens, i + 1)) is not None:  # "his (grandfather:1.3)": read the words it weights
        return pronoun_role(tokens[: i + 1] + tokens[weight[0] :], i, lex)
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    follows_preposition = prev is not None and prev.core in g.PREPOSITIONS
    if nxt is None or nxt.kind == "punct":
        return "object" if word == "her" else "standalone"
    if nxt.kind == "num":
        unit = tokens[i + 2] if i + 2 < len(tokens) else None
        aged = nxt.low.endswith(("-year-old", "-month-old")) or (
            unit is not None and unit.core in ("year", "years", "yr", "yrs", "yo", "month", "months"))
        if follows_preposition or prev is None or prev.core not in g.DITRANSITIVE or word == "his" or aged:
            return "possessive"  # "teaching his 5 year old daughter to ride a bike" (refused, round 69): "his" is no
            # object, and a number with its unit of age is someone's age
        raise _ambiguous(tokens[i], f"'{tokens[i].text} {nxt.text}' after '{prev.text}'")
    core = nxt.core
    when = tokens[i + 2] if i + 2 < len(tokens) else None
    if word == "her" and core in ("every", "each", "last", "next", "this", "all") and when is not None and (
            when.core.removesuffix("s") in TIME_WORDS) and not follows_preposition:  # fmt: skip
        return "object"  # "she visits her every Sunday": when it happens, not "her every move"; after a preposition it
        # is hers ("on her last day" was written "on him last day" in every male decoy, round 51)
    if word == "her" and core in ("his", "her", "my", "your", "our", "their", "its"):
        return "object"  # "He offers her his seat": a possessive takes a noun, not another one
    if core in g.POSSESSIVE_ONLY or core in g.NUMBER_WORDS or core in lex.nouns:
        return "possessive"
    if core in g.POSSESSIVE_QUANTIFIERS:  # "his many inventions", "her every move"
        if word == "her" and prev is not None and prev.core in g.DITRANSITIVE:
            raise _ambiguous(tokens[i], f"'{prev.text} {tokens[i].text} {nxt.text}'")
        return "possessive"
    if core in g.NOUN_OR_PARTICLE:
        if follows_preposition:
            return "possessive"
        if prev is not None and prev.core in g.MOTION_VERBS and core in ("home", "back", "down", "inside", "outside"):
            return "object"  # "bring her home", "drive him back"
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if after is not None and after.is_word and "n" in lex.tags(after.core) and after.core not in g.CLOSED:
            return "possessive"  # "her left hand"
        if after is not None and after.low == "of":
            return "possessive"  # "each holding her side of it": a particle takes no "of" (refused, round 73)
        if core == "back" and prev is not None and prev.core in ("turn", "turns", "turned", "turning"):
            return "possessive"  # "she turned her back on him": one turns one's own back (was refused)
        raise _ambiguous(tokens[i], f"'{tokens[i].text} {nxt.text}' (a possessive before a noun, or an object "
                         "before a particle)")  # fmt: skip
    return _role_before_word(tokens, i, lex)


# prepositions that are also modifiers of a noun after a possessive ("her down jacket", "her past life"), beside those
# WordNet knows as nouns or verbs ("upstairs", "round", "inside")
PREPOSITIONS_AS_MODIFIERS = frozenset("down up out off over like near past".split())


def _role_before_word(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> str:
    """ "her"/"his" before a word that is no noun for sure: modifiers then a noun ("his only son"), a causative
    or perception verb's object ("make her look"), an adjective before a noun ("her left hand"), a verb or an
    adverb after an object ("saw her leave")."""
    word, nxt = tokens[i].core, tokens[i + 1]
    prev = tokens[i - 1] if i > 0 else None
    core = nxt.core
    closed = core in g.CLOSED
    if word == "her" and core in g.PREPOSITIONS and core not in PREPOSITIONS_AS_MODIFIERS and "i" in lex.tags(core) and not (
            set(lex.tags(core)) & set("nv")):  # fmt: skip  # "her upstairs bedroom", "her round glasses", "her
        # downstairs neighbor": a modifier (a noun's or a verb's word, or no preposition to the tagger)
        return "object"  # "dances with her under paper lanterns": no possessive stands before a preposition (round
        # 79: read as "her under paper", written "the bride's under paper lanterns")
    if (word == "his" or (prev is not None and prev.core in g.PREPOSITIONS)) and "v" in lex.tags(core) and core.endswith("ed") and any(
            t.is_word and "n" in lex.tags(t.core) and t.core not in g.CLOSED and all(
                w.is_word and (w.core.endswith("ed") or set(lex.tags(w.core)) & set("a")) for w in tokens[i + 1 : j])
            for j, t in enumerate(tokens[i + 2 : i + 5], start=i + 2)):  # fmt: skip
        return "possessive"  # "beside his restored first car": "his" is never an object, and no pronoun stands alone
        # before a participle and its noun (round 71: "beside hers restored first car" in every female decoy)
    if (closed or not set(lex.tags(core)) & set("na")) and _noun_after_modifiers(tokens, i + 1, lex):
        # "his only son", "her very first date", "his rocking chair": a closed or verb-like word before a noun
        if word == "his" or (prev is None or prev.core not in g.DITRANSITIVE | g.CAUSATIVE_OR_PERCEPTION):
            return "possessive"
        if prev.core in GET_FORMS and core in ("first", "last", "very"):
            return "possessive"  # "a boy getting his first haircut": "getting her first haircut" is hers too
        raise _ambiguous(tokens[i], f"'{prev.text} {tokens[i].text} {nxt.text}' (her {nxt.text} ... as a thing, "
                         "or an object before it)")  # fmt: skip
    if closed:
        return "object" if word == "her" else "standalone"
    tags = lex.tags(core)
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if word == "her" and ing_form(core, lex) and "v" in tags and (
            after is not None and (after.core in g.DETERMINERS or after.core in ("his", "her", "my", "their"))):  # fmt: skip
        return "object"  # "he runs behind her holding the seat", "Show her walking a dog", "her holding a baby"
        # opening a caption: an object, then what she does to a thing (decoys "behind his holding the seat", "Show
        # his walking a dog", "his holding a baby" read as no sentence)
    if word == "her" and prev is not None and prev.core in PICTURE_REQUESTS and ing_form(core, lex) and (
            after is None or not after.is_word or after.core in g.PREPOSITIONS or after.core in g.CONJUNCTIONS) and (
            core not in ING_EVENTS and core not in lex.senses.depiction | lex.senses.garments | lex.senses.place_heads):  # fmt: skip
        return "object"  # "draw her fishing", "paint her dancing in the rain": the one asked for, doing it (round 73:
        # "draw his fishing" in every male decoy told the server the prompt said "her"); "paint her wedding", "draw
        # her painting" and "her building" name a thing of hers
    if word == "his" and "n" in tags and "v" in tags and prev is not None and prev.core in g.CAUSATIVE_OR_PERCEPTION and (
            prev.core not in HAVE_FORMS | g.CAUSATIVE) and _phrase_ends(tokens[i + 2] if i + 2 < len(tokens) else None, lex):  # fmt: skip
        raise AmbiguousPronoun(
            f"{tokens[i].text!r} (character {tokens[i].start}): '{prev.text} {tokens[i].text} {nxt.text}' has a "
            f"counterpart 'her {nxt.text}' that reads as her doing it, so its decoy would say 'him {nxt.text}' and "
            f"the set would not be the same from every candidate; say which is meant ('{prev.text} him "
            f"{nxt.text}', or '{prev.text} his own {nxt.text}')"
        )  # the other way round ("watches her work" -> "him work") is read once, above
    if "n" in tags and word == "his":
        return "possessive"  # "helping his aging father": "his" is never an object ("help her do" is)
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if after is not None and after.is_word and after.core in lex.nouns and ("a" in tags or ing_form(core, lex)):
        return "possessive"  # "helping her aging mother": a modifier before a person noun, never her doing it
    if "n" in tags:
        if "v" in tags and prev is not None and prev.core in g.CAUSATIVE:
            return "object"  # "make her look", "let her go": a causative takes an object and a bare verb
        if "v" in tags and prev is not None and prev.core in g.CAUSATIVE_OR_PERCEPTION and after is not None and (
                after.core in g.DETERMINERS or after.core in ("his", "her", "my", "their", "your", "our")):  # fmt: skip
            return "object"  # "watching her play the piano": a bare verb with its object, what she does
        if "v" in tags and prev is not None and prev.core in g.CAUSATIVE_OR_PERCEPTION and core in lex.senses.body:
            return "possessive"  # "He has his arm around her", "watching her hand": a part of the body is hers,
            # not something she does (round 58: refused as "her arm ... or her doing it")
        if "v" in tags and prev is not None and prev.core in HAVE_FORMS:
            return "possessive"  # "a woman having her lunch in the park" (refused as "her lunch ... or her doing it")
        if "v" in tags and prev is not None and prev.core in g.CAUSATIVE_OR_PERCEPTION and _phrase_ends(after, lex):
            return "object"  # "her son watches her work at the wheel", "hearing her laugh": seen or heard, it is
            # what she does; the counterpart "him work" (a possessive "watching his dance" is refused, below)
        if "v" in tags and prev is not None and prev.core in g.CAUSATIVE_OR_PERCEPTION:
            raise _ambiguous(tokens[i], f"'{prev.text} {tokens[i].text} {nxt.text}' (her {nxt.text} as a thing, or "
                             f"her doing it)")  # fmt: skip
        return "possessive"
    if "a" in tags or (nxt.core.endswith("ly") and "r" in tags):
        k = i + 1
        while (
            k < len(tokens)
            and tokens[k].is_word
            and (set(lex.tags(tokens[k].core)) & set("ar"))
            and "n" not in lex.tags(tokens[k].core)
        ):
            k += 1
        head = tokens[k] if k < len(tokens) else None
        if head is not None and head.is_word and ("n" in lex.tags(head.core) or head.core in lex.nouns or (
                not lex.tags(head.core) and head.core.isalpha()) or (head.capitalised and "P" in lex.tags(head.core))):  # fmt: skip
            # "in her New Mexico studio": a place's name before the noun is hers too ("in him New Mexico studio" was
            # sent, round 70)
            if head.core not in g.CLOSED:
                return "possessive"  # "his new phone"; "his new smartphone": an unknown word there is a noun too
        return "object" if word == "her" else "standalone"
    if set(tags) == {"r"} and not core.endswith("ly") and (word == "his" or (prev is not None and prev.core in g.PREPOSITIONS)) and (
            after is None or not after.is_word):  # fmt: skip
        return "possessive"  # "a smol boi with his doggo 🐶": a word WordNet knows only as an adverb, ending its phrase
        # after "his", is a thing of his (round 70: "with hers doggo" in every female decoy)
    if "v" in tags or "r" in tags:
        return "object" if word == "her" else "standalone"
    return "possessive"  # an unknown word after her/his is a noun: a brand, a name, a typo ("her iPhone")


def _phrase_ends(t: Token | None, lex: Lexicon) -> bool:
    """The word after "her X" ends X's phrase: the prompt's end, a mark, a preposition, a conjunction or an adverb
    ("watches her work at the wheel", "hear her laugh, then"), as a bare verb's phrase ends."""
    if t is None or not t.is_word:
        return True
    if t.core in g.PREPOSITIONS or t.core in g.CONJUNCTIONS:
        return True
    return set(lex.tags(t.core)) <= set("r") and bool(lex.tags(t.core))


def _noun_after_modifiers(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """A noun within three words of token k, reached only over modifiers ("only", "very first", "rocking")."""
    for j in range(k, min(k + 4, len(tokens))):
        t = tokens[j]
        if not t.is_word or (j == k and t.core in ("on", "in", "at", "by", "with", "from", "to", "for", "of", "as", "like")):
            return False  # "visits her on Friday": a preposition opens a phrase of its own ("on" is an adjective too;
            # "her downstairs neighbor" is hers)
        tags = lex.tags(t.core)
        if (
            j > k
            and ("n" in tags or t.core in lex.nouns)
            and t.core not in g.CLOSED
            and not (ing_form(t.core, lex) and j + 1 < len(tokens) and tokens[j + 1].is_word)
        ):
            return True
        if not ("a" in tags or ing_form(t.core, lex) or (j == k and t.core in g.CLOSED and "r" in tags)):
            return False
    return False


def _ambiguous(t: Token, what: str) -> AmbiguousPronoun:
    return AmbiguousPronoun(
        f"{t.text!r} (character {t.start}): the role of {what} is ambiguous, so its counterpart could be "
        "either 'his' or 'him'; rephrase (e.g. 'her own dance', 'her, dancing')"
    )
