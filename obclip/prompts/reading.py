"""Whether a person noun refers to a person here: the reasons a reader would give when it does not.

`ReadingMixin.not_a_person` is asked for every person noun before it may head a person phrase
(`PhrasesMixin.mark_noun_phrases`); each "no" carries its reason into `Template.kept`. The helpers say what
the sentence is about (an animal subject), what a compound heads on, and which noun is made from a verb.
"""

from __future__ import annotations

from obclip.prompts import grammar as g
from obclip.prompts.cues import (
    COLLECTIVES,
    COSTUMED,
    GENDERED_PRONOUNS,
    ING_EVENTS,
    POSSESSIVE_DETERMINERS,
    RANKS,
    STYLE_NOUNS,
    YO,
    plain,
)
from obclip.prompts.lexicon import Noun
from obclip.prompts.phrases import BARE_INFINITIVE_VERBS
from obclip.prompts.template import Held

DESCRIBES = "it describes the"  # the reason an origin word describes the thing after it, not a person
AUDIENCE = "it names whom a thing is made for, and no one is in the picture"  # `ProxiesMixin.anyone` reads it
LANGUAGE = "a language: what someone speaks, not who"  # "speaking Tamil", "speaks French"
SPEAKING = frozenset("speak speaks speaking spoke spoken talking talks sings singing".split())

PET_PEOPLE = frozenset({"person", "parent", "gentleman"})  # "a cat lady", "a dog mom": an animal before them is loved
CHESS = frozenset("chess chessboard pawn pawns rook rooks checkmate".split())  # words that set a prompt on a board
# What a hand makes: a possessive before it names the maker ("a child's drawing"), not someone depicted.
# gatherings whose origin word is their people's ("a Yoruba wedding", "a Sikh funeral"), unlike a place's or a
# dish's ("a French restaurant", "Chinese food")
GATHERINGS = frozenset("wedding weddings ceremony funeral festival feast celebration parade".split())
HANDMADE = frozenset("drawing drawings doodle doodles scribble scribbles sketch sketches handwriting artwork".split())


# the nouns the cloud view writes for a person whose noun it replaces (a name, a class's neutral noun, a child):
# each must read back as a person in every decoy, so none of them names a kind of thing
RENDERED_NOUNS = frozenset({"man", "woman", "person", "boy", "girl", "child"})


SINGULAR_DETERMINERS = frozenset("a an this that every each another".split())
# plural nouns that only look like a verb's -s form: "a baby clothes set", "a girl sports team", "a kid games room"
PLURAL_ONLY = frozenset("clothes sports scouts games goods arms jeans pants shorts glasses toys shoes sales savings news".split())



class ReadingMixin:
    """Passes' questions about a person noun's reading (mixed into `obclip.prompts.parse._Parser`)."""

    def person_reading(self, i: int) -> bool:
        """Whether the person noun at token i refers to a person here; when not, the reason is kept."""
        reason = self.not_a_person(i)
        nxt = self.tok(i + 1)
        body = nxt is not None and self.lex.senses.body_part(nxt.core)
        gathering = nxt is not None and nxt.core in GATHERINGS and any(
            k != i and w.is_word and (self.noun(w) is not None or w.core in g.PRONOUN_GENDER)
            for k, w in enumerate(self.tokens))  # fmt: skip  # "a yoruba wedding, decorations": no one's origin
        if reason and reason.startswith(DESCRIBES) and (body or gathering) and self.tokens[i].core in self.lex.adjectives:
            # "a woman with a Maori face tattoo": an origin word on someone's body tells that person's origin; "a
            # groom at a Yoruba wedding": a gathering's origin is its people's. Either stays on the device like "from
            # Nigeria" (and goes as written where the prompt names no one: `release_origins`)
            self.claim(i, i, Held(self.tokens[i].text, "origin"))
            return False
        if reason and reason.startswith("it names a kind of") and self.kind_of_nothing(i):
            self.claim(i, i, Held(self.tokens[i].text, "proxy"))
            return False
        if reason:
            first = i
            while self.tokens[i].possessive and first > 0 and self.free(first - 1) and (
                    self.tokens[first - 1].core in self.lex.adjectives):
                first -= 1  # "a young girl's diary": the words that describe the possessor go with it
            self.kept.append((first, i, reason))
        return reason is None

    def kind_of_nothing(self, i: int) -> bool:
        """ "Proud dad moment!!", "mom life": with no article, a gendered word naming the kind of no thing, animal or
        garment (a moment, a life) is the writer's or the scene's, and says the gender as plainly as "a dad" would;
        it stays on the device ("a dad joke", "a princess dress", "a mother cat": things and animals whose kind it
        names, are sent)."""
        t, before = self.tokens[i], self.tok(i - 1)
        if t.possessive or (before is not None and (before.core in g.DETERMINERS or before.core in POSSESSIVE_DETERMINERS)):
            return False
        if (found := self.noun(t)) is None or found[0].gender is None:
            return False
        j = i + 1
        while (w := self.tok(j + 1)) is not None and w.is_word and "n" in self.lex.tags(w.core) and w.core not in g.CLOSED:
            j += 1  # "a father christmas ornament": the compound's head, an ornament
        head = self.tokens[j].core
        tables = (self.lex.senses.kind_heads, self.lex.senses.garments, self.lex.senses.animals, self.lex.senses.creatures)
        return not any(k in table for k in (head, head.removesuffix("s")) for table in tables)

    def not_a_person(self, i: int) -> str | None:
        """Why the person noun at token i is no person in this sentence, or None when it is one.

        Each reason is one a reader of the sentence would give: the word's usual sense is not a person and
        nothing here makes it one ("a white robot"); it is a being of story ("an elf"); a chess piece; green;
        an adjective describing the thing after it ("a French restaurant"); the maker of a drawing ("child's
        crayon drawing"); the kind of a thing ("aviator goggles" on a penguin); an animal's title ("the
        raccoon king")."""
        t, nxt, prev = self.tokens[i], self.tok(i + 1), self.tok(i - 1)
        noun = self.noun(t)[0]
        owned = prev is not None and prev.core in POSSESSIVE_DETERMINERS
        if prev is not None and prev.low in SPEAKING and t.core in self.lex.adjectives and not t.possessive and (
                nxt is None or not nxt.is_word or self.noun(nxt) is None):  # fmt: skip
            return LANGUAGE  # "speaking Tamil" ("speaking Japanese people" speaks to them)
        if prev is not None and prev.low in ("in", "into") and t.core in self.lex.senses.languages and not t.possessive and (
                nxt is None or not nxt.is_word or "n" not in self.lex.tags(nxt.core) or nxt.core in g.CLOSED):  # fmt: skip
            return LANGUAGE  # "a book in Spanish" ("European People" was sent), "translated into Hindi"; "in Japanese
            # clothes" describes the clothes
        if self.shape_of(i):
            return "the shape of a thing: no one is there"
        if noun.number == "pl" and not t.capitalised and self.agreeing_verb(i, thing_subject=True):
            return "the verb of the person before it"  # "the woman counts the money" ("countesses" in a decoy)
        if self.capital_thing_before(i):
            return "a name of a thing, a place, a work or an artist"  # "a Game Boy", "a Cover Girl ad": a product
        if t.capitalised and "P" in self.lex.tags(t.core) and noun.number == "pl" and noun.ethnicity and (
                not noun.says_who() and (prev is None or prev.low != "the" or (
                    nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core)))):  # fmt: skip
            return "a place named as a people is"  # "across Kansas wheat fields", "a farmer in Kansas": the state,
            # not the Kansa people ("the Kansas" are the people)
        if self.costume(i):
            return "what someone or something is dressed as: a costume, no one else in the picture"
        if prev is not None and prev.core == "its":
            return "after \"its\" it is an animal's or a thing's"  # "a baby elephant walking behind its mother"
        if t.core in self.lex.senses.animal_first and not self.weak_is_person(i, owned=False) and self.animal_subject(before=i):
            return "in a prompt about animals it is an animal"  # "a hen and her chicks"
        if prev is not None and prev.core in ("her", "his", "their") and t.core in self.lex.senses.animal_senses and (
                self.animal_subject(before=i)):  # fmt: skip
            return "owned by the animal before it, it is that animal's young"  # "a nanny goat and her kids" (round 99:
            # refused, the kids varied as people)
        if self.weak(i) and not self.weak_is_person(i):
            return "its usual sense is not a person, and nothing here makes it one"
        if t.core in self.lex.senses.beings and not owned and (not noun.states() or self.named_being(i)) and not (
                nxt is not None and nxt.is_word and nxt.core not in self.lex.senses.beings and self.noun(nxt) is not None):
            # "a young elf princess", "a vampire hunter": the being names the kind of person the next word is
            return "a being of belief or story"  # "a goddess" still shows a woman; "my angel" is someone
        if t.core in self.lex.senses.chessmen and any(w.core in CHESS for w in self.tokens) and not any(
                w.core in GENDERED_PRONOUNS for w in self.tokens[i + 1 :]):  # fmt: skip
            return "a chess piece"  # not "The queen sits on her throne while her twin sons play chess" (round 80: kept,
            # "her" varied apart beside "The queen")
        if prev is not None and prev.core in self.lex.senses.colours and noun.cls is None:
            return f"no one's skin is {prev.core}"
        if self.adjective_here(i) and not t.possessive and self.thing_noun(i + 1, after_modifier=True) and (
                len(nxt.core) > 1) and (  # fmt: skip  # "korean n shes 55": chat's "and", no letter it describes
                not self.origin_people_acting(i)) and (
                self.thing_head(i + 1) != "verb" and (nxt.core not in self.lex.senses.person_senses
                                                      or nxt.core in self.lex.senses.creatures)):  # fmt: skip
            return f"{DESCRIBES} {nxt.core} after it"  # "a Mongolian eagle hunter": the hunter takes the word; "an
            # Irish sheep farmer": a sheep is an animal first, whatever person it may also name
        if t.core in self.lex.adjectives and not t.possessive and self.named_thing_at(i + 1) and (
                (after := self.tok(self.spans[self.used[i + 1]][1] + 1)) is None or not after.is_word
                or self.noun(after) is None):  # fmt: skip
            return f"{DESCRIBES} {nxt.text} after it"  # "a Russian Blue cat": a breed, no one's origin
        if t.possessive and any(w is not None and w.is_word and w.core in HANDMADE for w in (self.tok(i + 1), self.tok(i + 2))):
            return "it names who made the picture, not who is in it"  # "a woman's silhouette" is her
        if self.possessive_kind(i):
            owner = t.text.rstrip("'’").removesuffix("'s").removesuffix("’s")  # "kids'", "children's"
            j = i + 1
            while self.thing_noun(j + 1, after_modifier=True) and not self.ing(self.tokens[j + 1]):
                j += 1  # "a child's car seat": the kind is of the whole compound (as in `possessive_kind`)
            kind = " ".join(w.core for w in self.tokens[i + 1 : j + 1])
            return f"it names a kind of {kind}, one for {owner}"  # "a kids' menu", "women's shoes"
        if self.audience(i):
            return AUDIENCE
        worn = nxt is not None and nxt.core in self.lex.senses.garments
        if self.names_a_kind(i) and (not noun.states() or self.animal_subject() or worn or self.kind_of_thing(i)):
            return f"it names a kind of {nxt.core}"  # "aviator goggles" on a penguin, "a wizard cat", "a princess costume"
        if self.bare_modifier(i):
            return f"with no article it names a kind of {nxt.core}"  # "wearing aviator goggles"
        if prev is not None and prev.is_word and self.free(i - 1) and prev.core in self.lex.senses.animals and (
                self.noun(prev) is None and prev.core not in self.lex.adjectives and "a" not in self.lex.tags(prev.core)
                and prev.core not in self.lex.proxies and not self.agentive(t.core) and noun.cls not in PET_PEOPLE):
            return f"the {prev.core} is what it is"  # "the raccoon king"; "an eagle hunter" hunts eagles, "a cat
            # lady" and "a dog mom" keep them
        animal = self.tok(i - 2)
        if prev is not None and prev.text == "," and animal is not None and animal.is_word and self.free(i - 2) and (
                animal.core in self.lex.senses.animals and self.noun(animal) is None and not noun.states().keys() - {"gender"}
                and nxt is not None and nxt.low == "of"):  # fmt: skip
            return f"a title said of the {animal.core} before it"  # "a lion, king of the jungle": the lion is the king
        return None

    def shape_of(self, i: int) -> bool:
        """ "orange jello in the shape of a man", "a cloud shaped like a woman", "a cookie in the form of a little
        girl": the person noun names what a thing looks like; nobody is in the picture."""
        k = self.phrase_opening(i, by_tag=False)  # "shaped" and "like" are adjectives too: only attribute words
        words = " ".join(t.low for t in self.tokens[max(0, k - 3) : k + 1])
        # "the shape of a woman in the fog" is someone's outline: only a thing's shape counts
        return words.endswith(("in the shape of", "in the form of", "shaped like", "in the shapes of"))

    def phrase_opening(self, i: int, by_tag: bool = True) -> int:
        """The token before the determiners and adjectives of the person noun at token i ("dressed as | a little old
        lady"); `by_tag`: any adjective WordNet knows, else only attribute words ("old", "French")."""
        k = i - 1
        while k >= 0 and (t := self.tokens[k]).is_word and (
                t.core in g.DETERMINERS or t.core in self.lex.adjectives or (by_tag and "a" in self.lex.tags(t.core))):  # fmt: skip
            k -= 1
        return k

    def costume(self, i: int) -> bool:
        """ "a cat dressed as french emperor napoleon", "a dog disguised as a princess": after "dressed as" in a
        prompt about an animal or a toy, the person noun names a costume; nobody wears it but the animal. So does a
        noun of one origin on anyone ("a woman dressed as a samurai": varied as a second person, a decoy was "a man
        dressed as a Caucasian woman", round 65); "a girl dressed as a princess" is varied as before, both genders."""
        k = self.phrase_opening(i)
        words = [t.core for t in self.tokens[max(0, k - 2) : k + 1] if t.is_word]
        if words[-1:] != ["as"] or not set(words[:-1]) & COSTUMED:
            return False
        found = self.noun(self.tokens[i])
        return self.animal_subject(before=i) or (found is not None and found[0].ethnicity is not None)

    def capital_thing_before(self, i: int) -> bool:
        """ "a boy holding a Game Boy", "Gossip Girl poster": a capitalised person noun right after a capitalised
        common noun that names no person, inside a sentence (not where capitals mark every word), ends a product's or
        a work's name; "a Happy Asian woman" has an adjective before, "Nurse Joy" a person noun. It went out as
        "a Game little boy" beside "a Game old woman"."""
        t, prev = self.tokens[i], self.tok(i - 1)
        if prev is None or not (t.capitalised and prev.capitalised and prev.is_word) or self.title_mode or self.upper_mode:
            return False
        tags = self.lex.tags(prev.core)
        return (i - 1) not in self.starts and "n" in tags and self.noun(prev) is None and (
            prev.core not in self.lex.adjectives and plain(prev.core) not in self.lex.first_names
            and not prev.possessive and "P" not in tags and prev.core not in g.CLOSED
            and prev.core not in g.NUMBER_WORDS)  # fmt: skip  # "the Three Sisters smiling" are people

    def origin_people_acting(self, i: int) -> bool:
        """ "a Japanese dancing", "an elderly Japanese walking", "two Chinese smiling": an origin word that names
        people ("the Japanese"), after a determiner or a number, before an -ing word that ends the phrase and is no
        made thing taking an article ("a Japanese painting", "a Chinese carving"), is a person doing it. Read as
        what the -ing word describes, it went out as written (N=1, the origin in clear)."""
        t, nxt, after = self.tokens[i], self.tok(i + 1), self.tok(i + 2)
        j = i - 1
        while (w := self.tok(j)) is not None:
            if w.is_word and w.core in self.lex.adjectives and w.core not in g.DETERMINERS:
                j -= 1  # "an elderly Japanese"
            elif w.low in YO and (n := self.tok(j - 1)) is not None and (n.kind == "num" or n.core in g.NUMBER_WORDS):
                # "a 25 year old Korean smiling", "a 30 yo Nigerian dancing" (round 86: refused as an age of no one,
                # the origin word read as what "smiling" describes)
                j -= 2
            else:
                break
        det = self.tok(j)
        counted = det is not None and (det.core in g.DETERMINERS or det.kind == "num" or det.core in g.NUMBER_WORDS)
        found = self.noun(t)
        made = nxt is not None and (nxt.core in ING_EVENTS or (
            nxt.core in self.lex.senses.kind_heads and "a" not in self.lex.tags(nxt.core)))  # fmt: skip
        ends = after is None or not after.is_word or after.core in g.CLOSED
        return counted and found is not None and found[0].ethnicity is not None and nxt is not None and (
            self.ing(nxt) and not made and ends)

    def adjective_here(self, i: int) -> bool:
        """The word at token i is an attribute adjective ("French"), or a person noun that is also an adjective
        ("maiden", "senior", "teen", "brunette"): before a thing, either describes the thing ("a maiden voyage", "a
        senior discount", "a teen magazine", "a brunette wig"). Before a picture or a body part the person is
        there ("a newborn photo", "a teenager's hands")."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        if t.core in self.lex.adjectives:
            return True
        senses = self.lex.senses
        return (
            not t.capitalised and "a" in self.lex.tags(t.core) and self.noun(t)[0].states()
            and nxt is not None and not self.ing(nxt) and nxt.core not in senses.depiction and nxt.core not in senses.body
        )  # fmt: skip

    def possessive_kind(self, i: int) -> bool:
        """"a kids' menu", "children's playground", "women's shoes": a plural possessive with no determiner of its
        own (none, or one that belongs to the thing after it: "a" before a plural) names the kind of a thing, not
        someone in the picture. Before a body part or a picture it is someone ("women's hands"), before an event
        or a group the people are there ("old ladies' tea party"), and "the kids' room" or "her sons' bicycles"
        belong to someone. A singular possessive stays a person: "a boy's bicycle" may be his, and the cloud
        view writes every person possessor so ("an old woman's kitchen")."""
        t, nxt = self.tokens[i], self.tok(i + 1)
        if not t.possessive or not self.thing_noun(i + 1, after_modifier=True) or self.noun(t) is None:
            return False
        if self.noun(t)[0].number != "pl":
            return False  # "a boy's bicycle" may be his; and "an old woman's kitchen" is how a decoy writes her
        if nxt.core in self.lex.senses.body or nxt.core in self.lex.senses.depiction:
            return False  # "a woman's hand", "a man's portrait": someone is there
        j = i + 1
        while self.thing_noun(j + 1, after_modifier=True) and not self.ing(self.tokens[j + 1]):
            j += 1
        head, kinds = self.tokens[j].core, self.lex.senses.kind_heads
        kind = any(form in kinds for form in (head, head.removesuffix("s"), head.removesuffix("es")))
        # "children's book style", "a kids' cartoon aesthetic": the style of a kind of thing is of that kind
        styled = j > i + 1 and head in STYLE_NOUNS and nxt.core in kinds
        if not (kind or styled):
            return False  # "old ladies' tea party", "a mother's love": an event or a feeling has its people
        k = i - 1
        while k >= 0 and self.tokens[k].is_word and (self.tokens[k].core in self.lex.adjectives or (
                "a" in self.lex.tags(self.tokens[k].core) and self.tokens[k].core not in g.CLOSED)):  # fmt: skip
            k -= 1  # "a little girl's dress": the adjectives belong to the person, the article to the dress; "a
            # Catholic girls' school uniform" (round 70: "a Catholic little boys' waiting" was sent)
        det = self.tok(k)
        if det is None or not det.is_word or det.core in g.PREPOSITIONS or det.core not in g.DETERMINERS:
            return det is None or not det.is_word or det.core in g.PREPOSITIONS or "v" in self.lex.tags(det.core)
        return det.core in ("a", "an")

    def audience(self, i: int) -> bool:
        """ "a picture book for children", "a bike for kids", "toys for boys and girls": bare plurals after "for" and a
        made thing name whom the thing is made for, in a prompt about that thing with no one else named; nobody is in
        the picture. With someone there ("students at a school for girls") they may say who that is: a person."""
        k = i - 1
        while (w := self.tok(k)) is not None and w.low in ("and", "or", "&") and (
                (other := self.tok(k - 1)) is not None and self.noun(other) is not None and self.noun(other)[0].number == "pl"):  # fmt: skip
            k -= 2  # "for boys and girls": each of them
        prev, thing = self.tok(k), self.tok(k - 1)  # the audience's words run from "for" (token k) to token i
        return (
            prev is not None and prev.low == "for" and self.free(k)
            and thing is not None and thing.is_word and self.noun(thing) is None
            and any(form in self.lex.senses.kind_heads for form in (thing.core, thing.core.removesuffix("s")))
            and self.noun(self.tokens[i])[0].number == "pl" and not self.tokens[i].possessive and (
                self.about_a_thing or not any(  # "a stack of board books for toddlers on a shelf": no one else named
                    (self.noun(w) is not None or w.core in g.PERSONAL_PRONOUNS) and not k <= m <= i
                    for m, w in enumerate(self.tokens) if w.is_word))
        )  # fmt: skip

    def bare_modifier(self, i: int) -> bool:
        """"wearing aviator goggles": a singular noun with no article, after a verb or a preposition, before a
        plural noun, modifies it."""
        t, nxt, prev = self.tokens[i], self.tok(i + 1), self.tok(i - 1)
        bare = prev is not None and prev.is_word and (prev.core in g.PREPOSITIONS or set(self.lex.tags(prev.core)) == {"v"}
                                                      or (self.ing(prev) and "v" in self.lex.tags(prev.core)))
        return bare and not t.possessive and self.noun(t)[0].number == "sg" and nxt is not None and self.free(i + 1) and (
            "n" in self.lex.tags(nxt.core) and nxt.core.endswith("s") and self.noun(nxt) is None) and (
            not self.agreeing_verb(i + 1))  # fmt: skip  # "A grieving mother places flowers": her verb

    def named_being(self, i: int) -> bool:
        """A god or a being followed by its own name, which is no person's first name ("the god Anubis")."""
        nxt = self.tok(i + 1)
        return nxt is not None and nxt.capitalised and plain(nxt.core) not in self.lex.first_names

    def agentive(self, word: str) -> bool:
        """A noun made from a verb by "-er" ("hunter", "rider", "keeper"): the noun before it is its object."""
        stem = word.removesuffix("s")
        return stem.endswith("er") and any("v" in self.lex.tags(v) for v in (stem[:-2], stem[:-1]))

    def kept_thing(self, k: int) -> bool:
        """Token k lies in a name kept as no person ("Statue of Liberty"), or is a person word kept as an animal's title
        ("king" in "A lion king"); not "its owner", someone still, whose pronoun is theirs."""
        return (k in self.used and isinstance(seg := self.spans[self.used[k]][2], Held) and seg.why == "not a person") or (
            any(a <= k <= b for a, b, _ in self.kept) and k > 0 and self.tokens[k - 1].core in self.lex.senses.creatures)

    def animal_subject(self, before: int | None = None) -> bool:
        """The prompt is about an animal, a toy or a dressed-up vegetable: in some sentence, the last such word or
        person noun before the sentence's first verb, past picture words ("a photo of"), is one ("a tiger wearing
        a tuxedo", "a super math wizard cat", "A photo of a van. A smiling sloth wearing a kilt")."""
        creatures = self.lex.senses.creatures
        animate = [t.core in creatures or t.core.removesuffix("s") in creatures for t in self.tokens]
        for k in range(len(self.tokens) - 1):  # "a hen party", "a stag do": a proxy phrase, not an animal
            if " ".join(t.core for t in self.tokens[k : k + 2]) in self.lex.proxies:
                animate[k] = animate[k + 1] = False
        for k, t in enumerate(self.tokens):  # "a redhead sunbathing": a person with red hair before a duck
            if t.core in self.lex.proxies and t.core in self.lex.senses.person_senses:
                animate[k] = False
            if t.core in self.lex.adjectives and (w := self.tok(k + 1)) is not None and w.is_word:
                animate[k] = False  # "a young blonde reading": "young" describes her, no animal's young (round 99
                # material: sent as written, N = 1)
        being, ended = None, False  # per sentence: the last creature or person before its first verb or preposition
        for k, t in enumerate(self.tokens[:before]):
            if k in self.starts:
                if being is not None and animate[being]:
                    return True
                being, ended = None, False
            if ended or not t.is_word or t.core in self.lex.senses.depiction or t.low in ("of", "a", "an", "the"):
                continue
            if animate[k] or (self.noun(t) is not None and t.core not in self.lex.senses.beings and not self.kept_thing(k)) or (
                    being is None and self.lex.senses.body_part(t.core)):  # fmt: skip
                being = k  # "wrinkled hands holding a cup of tea": someone's hands do it, not the tea (a plant in
                # WordNet: the prompt was read as about one, and "wrinkled" sent; round 64)
            elif being == k - 1 and t.core in self.lex.senses.kind_heads and not self.ing(t):  # "hen leading" acts
                being = k  # "by the coffee machine", "a dog bowl": the thing is the compound's head
            elif being is not None and (t.core in g.CLOSED or self.ing(t) or "n" not in self.lex.tags(t.core)):
                ended = True
        return being is not None and animate[being]

    def thing_head(self, j: int) -> str:
        """What the noun phrase from token j heads on: "thing", "person" (a person noun after the nouns: "Mongolian
        eagle hunter") or "verb" (an -ing word with an object: "an old Chinese selling tea"; at the end or before
        "of" it is a noun: "a Chinese painting of a horse")."""
        if self.agreeing_verb(j):
            return "verb"  # "Two men play chess": the men's verb and its object, before any compound is read
        while self.thing_noun(j + 1) and not self.ing(self.tokens[j]) and not self.ing(self.tokens[j + 1]):
            j += 1  # "a Hawaiian shirt hanging on a line": the shirt heads, "hanging" is what it does
        nxt = self.tok(j + 1)
        if nxt is not None and nxt.is_word and self.noun(nxt) is not None and not self.weak(j + 1):
            return "person"
        if self.ing(self.tokens[j]) and self.tokens[j].core not in ING_EVENTS and not (  # "a Korean wedding with ..."
                nxt is None or not nxt.is_word or nxt.low == "of") and (
                f"{self.tokens[j].core} {nxt.core}" not in self.lex.senses.ing_compounds) and not (
                f"{self.tokens[j].core} {nxt.core.removesuffix('s')}" in self.lex.senses.ing_compounds
                and self.tokens[j].core not in self.lex.senses.agents):  # fmt: skip
            # not "a Japanese greeting card", one thing WordNet names; nor "Russian nesting dolls" (round 78: "Asian
            # Person nesting dolls"), whose -ing word no person does; "two Chinese playing cards" are people
            return "verb"
        if self.agreeing_verb(j):
            return "verb"
        return "thing"

    def agreeing_verb(self, j: int, thing_subject: bool = False) -> bool:
        """Token j, right after a singular person noun, is its verb in the third person ("the teenager storms off",
        "the boy eats an apple", "the boy eats half of it"): a verb's -s form followed by what opens a verb's object
        or adjunct (a determiner, a pronoun, a preposition, a particle) or by the clause's end. A plural noun after
        a singular one ("a baby clothes set") is followed by a noun."""
        word, subject, nxt = self.tokens[j], self.tok(j - 1), self.tok(j + 1)
        found = self.noun(subject) if subject is not None else None
        thing = found is None and thing_subject and subject is not None and subject.is_word and "n" in self.lex.tags(
            subject.core) and subject.core not in g.CLOSED and subject.core not in g.NUMBER_WORDS and not (
            subject.core.endswith("s"))  # fmt: skip
        if thing:
            found = (Noun(None, "sg"), "")  # "The man at the counter counts his coins": the counter's verb
        if found is None or subject.possessive or "v" not in self.lex.tags(word.core):
            return False
        if word.core in self.lex.nouns and (subject.core in self.lex.adjectives or (
                not thing and found[0].names_nothing() and self.lex.nouns[word.core].number == "pl"
                and (nxt is None or not nxt.is_word or nxt.core in g.PREPOSITIONS or nxt.core in g.CONJUNCTIONS))):  # fmt: skip
            return False  # "a mother with her elderly twins", "her twin babies": a person noun after an age word, or
            # after a noun that says nothing with no object after it ("An election official counts ballots" has one), is
            # the one they describe (the twins were kept as a verb, "elderly" sent in clear)
        plural = found[0].number == "pl" and subject.core not in self.lex.adjectives and (
            "a" not in self.lex.tags(subject.core))  # fmt: skip  # "Two men play chess", "the kids eat pizza": the
        # plural's bare verb; not "a Japanese garden", "the scots discount sign" (words that describe a thing too)
        if not plural and not word.low.endswith(("s", "ing", "ed")) and nxt is not None and (
                nxt.core in g.DETERMINERS or nxt.core in POSSESSIVE_DETERMINERS) and self.coordinated_subject(j - 1):  # fmt: skip
            return True  # "He and his twin sister share a birthday cake": two subjects' bare verb ("a kind of share")
        if not plural and not (word.low.endswith("s") and not word.low.endswith("ss")):
            return False  # "a princess dress": no -s form
        if plural and (word.low.endswith("s") or word.low.endswith("ing")):
            return False  # "two women's shoes", "men playing": not a bare form
        k = j - 2
        while k >= 0 and self.tokens[k].is_word and self.tokens[k].core not in g.NUMBER_WORDS and (
                self.tokens[k].core not in g.DETERMINERS) and (self.tokens[k].core in self.lex.adjectives or (
                self.ing(self.tokens[k]) or "a" in self.lex.tags(self.tokens[k].core)) or (
                not plural and "n" in self.lex.tags(self.tokens[k].core) and self.noun(self.tokens[k]) is None
                and self.tokens[k].core not in g.CLOSED)):  # fmt: skip  # "An election official counts ballots"
            k -= 1  # "the little boy eats", "A grieving mother places flowers" (was "a kind of places", N=1)
        if not plural and k >= 0 and word.core in self.lex.nouns and self.lex.nouns[word.core].number == "pl" and (
                (self.tokens[k].core in g.NUMBER_WORDS and self.tokens[k].core != "one") or (
                    self.tokens[k].kind == "num" and self.tokens[k].low != "1")):  # fmt: skip
            return False  # "two Sudanese refugee kids sharing a mango": a count before the singular noun makes it a
            # modifier of the plural person noun after it, no subject of a verb "kids" (round 88: kept, N = 1)
        opener = k >= 0 and (self.tokens[k].core in g.DETERMINERS or self.tokens[k].core in POSSESSIVE_DETERMINERS or (
            plural and (self.tokens[k].core in g.NUMBER_WORDS or self.tokens[k].kind == "num")))  # fmt: skip
        if plural and k >= 0 and self.tokens[k].core in SINGULAR_DETERMINERS:
            return False  # "a scots voyage": a singular article takes the compound, not a plural subject
        # "BREAKING: Firefighter rescues toddler", "Update: Local teen wins ...": a headline opens after a label too
        headline = not plural and (k < 0 or self.tokens[k].text == ":" or (
            "a" in self.lex.tags(self.tokens[k].core) and (k == 0 or self.tokens[k - 1].text == ":"))) and (
            subject.core not in self.lex.adjectives and nxt is not None and nxt.is_word and nxt.core not in g.CLOSED
            and set(self.lex.tags(nxt.core)) & set("na") and self.bare_object_of(j) and self.tok(j + 2) is not None
            and self.tokens[j + 2].is_word)  # fmt: skip  # "Local teen wins regional spelling bee": a news headline
        if not opener and not headline or thing and not opener:
            return False  # "Indian spices in bowls", "wizard robes, fantasy art": a tag, no clause with a subject
        return (
            (plural and nxt is not None and nxt.is_word and "n" in self.lex.tags(nxt.core) and self.noun(nxt) is None
             and not self.thing_noun(j + 2))  # "men play chess": a bare object
            or (not plural and nxt is not None and nxt.is_word and self.bare_object_of(j) and (
                set(self.lex.tags(nxt.core)) & set("na") or not self.lex.tags(nxt.core) or self.noun(nxt) is not None))
            # "a woman eats jollof rice", "a girl guides tourists", "a mother hugs old people": a singular subject's -s
            # verb and its bare object
            or nxt is None
            or nxt.text in ".!?;"
            or nxt.low in g.PREPOSITIONS
            or nxt.low in g.VERB_PARTICLES
            or (nxt.core in g.DETERMINERS or nxt.core in g.PERSONAL_PRONOUNS or nxt.core in ("his", "her", "half"))
            or (not plural and nxt.low == "and" and (v := self.tok(j + 2)) is not None and v.is_word
                and v.low.endswith("s") and "v" in self.lex.tags(v.core) and (o := self.tok(j + 3)) is not None
                and (o.core in g.DETERMINERS or o.core in POSSESSIVE_DETERMINERS))  # fmt: skip
            # "later the boy falls and scrapes his knee": two verbs of his (round 100: "a kind of falls", the second
            # "the boy" sent as written beside "A middle-aged woman climbs a tree")
            or (opener and not plural and nxt.text == "," and (c := self.tok(j + 2)) is not None and c.low in (
                "and", "but", "then", "while", "as", "so") and (w := self.tok(j + 3)) is not None and (
                w.core in g.PERSONAL_PRONOUNS or w.core in g.DETERMINERS or w.core in POSSESSIVE_DETERMINERS))  # fmt: skip
            # "Moments later the boy falls, and he laughs it off": a clause goes on after the comma (round 102: "a kind
            # of falls", the second "the boy" sent beside "An old woman skateboards")
        )

    def coordinated_subject(self, head: int) -> bool:
        """The person noun at `head` ends the second of two subjects joined by "and" ("He and his twin sister",
        "a man and his wife"): within four words back an "and" after a subject pronoun, a person noun or a name."""
        for k in range(head - 1, max(-1, head - 5), -1):
            t = self.tokens[k]
            if t.low == "and":
                before = self.tok(k - 1)
                return before is not None and before.is_word and (
                    before.low in ("he", "she", "i", "we", "they") or self.noun(before) is not None or before.capitalised)
            if not t.is_word or not (t.core in g.DETERMINERS or t.core in POSSESSIVE_DETERMINERS
                                     or t.core in self.lex.adjectives or "n" in self.lex.tags(t.core)):  # fmt: skip
                return False
        return False

    def bare_object_of(self, j: int) -> bool:
        """Token j, an -s word after a singular person noun and before a bare noun, is that person's verb ("a boy
        cooks dinner", "a woman eats jollof rice", "the girl plays soccer"): a singular noun cannot head a plural
        compound ("a boy cooks" is no phrase), so the -s word is the verb whose lemma it is, even where it names people
        too ("cooks"). Not where the -s word is a plural noun only ("a baby clothes set")."""
        word = self.tokens[j]
        lemma = word.core.removesuffix("es") if word.core.endswith(("ches", "shes", "sses", "xes")) else word.core[:-1]
        return "v" in self.lex.tags(lemma) and word.core not in PLURAL_ONLY

    def kind_of_thing(self, i: int) -> bool:
        """One person noun before a thing that is no part of a body and heads its phrase: "a viking ship", "a dad
        joke", "a father christmas ornament", "a samurai sword" name the thing's kind, no one stands there. Not a
        plural ("girls night out", "a girls softball team" are the girls'), not before a body part ("a womans
        face" is hers), not an origin that is an adjective too ("a Korean idol" is one)."""
        t, nxt = self.tokens[i], self.tokens[i + 1]
        noun, before = self.noun(t), self.tok(self.phrase_opening(i))
        if "v" in self.lex.tags(nxt.core) and before is not None and before.low in ("and", "or", "nor", "&"):
            return False  # "a woman and a man talk": the verb of the two, not a kind of talk
        if nxt.core in g.IRREGULAR_PAST:
            return False  # "The Lonely Girl sat on the porch": her verb
        if t.core in RENDERED_NOUNS or t.core in self.lex.titles or (noun is not None and noun[0].cls in RANKS):
            # what the cloud view writes for someone whose name it leaves out ("a Tom Hanks mug" -> "a man mug",
            # "a Queen Victoria mug" -> "a queen mug") reads back as someone in every decoy
            return False
        return noun is not None and noun[0].number == "sg" and len(nxt.core) > 2 and t.core not in self.lex.adjectives and (
            not self.lex.senses.body_part(nxt.core))

    def names_a_kind(self, i: int) -> bool:
        """The person noun at token i names a kind of thing with the noun after it ("aviator goggles", "a wizard
        cat", "a brother t-shirt", "maid outfit"): a plain noun follows, which is no person, no group, and not
        itself the subject of a verb ("a woman video calling")."""
        t, nxt, after, prev = self.tokens[i], self.tok(i + 1), self.tok(i + 2), self.tok(i - 1)
        if t.possessive or nxt is None or not self.free(i + 1) or self.ing(nxt) or nxt.core in COLLECTIVES or (
                len(nxt.core) < 2):  # fmt: skip
            return False  # "a child w/ a dog": a letter ("w/" is "with") names no kind
        if nxt.low in g.CHAT_WITH and after is not None and after.is_word:
            return False  # "a grl wit long brown hair": "with" as chat writes it, no kind of wit
        if prev is not None and prev.core in POSSESSIVE_DETERMINERS:
            return False  # "teaching his grandson chess": two objects
        if "v" in self.lex.tags(nxt.core) and (before := self.tok(self.phrase_opening(i))) is not None and (
                before.low in BARE_INFINITIVE_VERBS):  # fmt: skip
            return False  # "a nurse helping a pregnant woman walk": her verb ("a nurse helping a walk" was sent)
        if self.thing_head(i + 1) in ("person", "verb"):
            return False  # "a girl figure skater": the compound heads on a person; "the boy eats an apple": his verb
        if nxt.core in self.lex.senses.depiction and not self.animal_subject():
            return False  # "a baby photo", "a boomer meme": the picture shows the person
        worn = nxt.core in self.lex.senses.garments and t.core not in RENDERED_NOUNS and any(
            self.noun(w) is not None for w in self.tokens[:i] if w.is_word)  # "a girl in a princess dress"
        if (set(self.lex.tags(nxt.core)) & set("ar") and not worn) or self.noun(nxt) is not None:
            return False  # "a ballerina backstage", "a skater old person"; not a garment someone wears
        if not (self.thing_noun(i + 1) or nxt.core in self.lex.senses.creatures):
            return False
        k = i - 1
        while self.free(k) and self.tokens[k].is_word and self.tokens[k].core not in g.DETERMINERS:
            if self.tokens[k].core in self.lex.adjectives and not worn:
                return False  # "a young person clock" is someone: the cloud view writes its people so; "a person in a
                # Japanese schoolgirl uniform" wears a kind of uniform (round 61: "a little Asian girl uniform", N = 40)
            k -= 1
        if nxt.core in self.lex.senses.creatures:
            return True  # "a mother cat nursing her kittens": the cat is what the verb is about
        return not (after is not None and after.is_word and (self.ing(after) or set(self.lex.tags(after.core)) == {"v"}))

