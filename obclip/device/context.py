"""An attacker on the device, before sending: does the context every candidate shares betray a value?

The candidate set hides which value each person has only if the words all candidates share say nothing
about it. "a newborn baby in an incubator, NICU" varies the baby's age, but "in an incubator, NICU" is
sent with every decoy and tells the server the person is a child; "afrofuturism" tells it the warrior is
African. No word list names all such context, so the device asks a model, as the server could:

- the **shared context** is the words every candidate contains (the person words removed);
- the bundled MiniLM sentence encoder (`obclip.models.text`, offline) scores it against a few short
  scenes of each value of the slot's attribute (its words, then its world: "a baby, a child, kids", "a crib, a
  high chair, diapers"; "indian people, india", "diwali, holi, a hindu temple"), taking each value's nearest
  scene, a softmax over those cosine similarities (temperature `TEMPERATURE`), divided by its mean over the
  shared contexts of the realistic corpus (`data/context_baseline.json`, written by
  `scripts/context_baseline.py`) and renormalised: contextual calibration, so that what the encoder says
  of any ordinary context ("a boy and his dog" leans to "child") does not count, only a context that leans
  further than ordinary ones;
- where one value's calibrated probability passes its attribute's threshold (`THRESHOLDS`), the span that drives it is found by
  occlusion and held back on the device (the device's own steps still use the whole prompt), and the
  prompt is transformed again without it. A span is a comma-separated tag after the first part, or an
  adjunct inside a part that the sentence stands without: a prepositional phrase ("with a baguette",
  "in a daycare", and one that ends where the person's -ing clause begins) or a trailing -ing clause ("playing
  mahjong"); where none brings the value under, a clause's verb alone before its preposition ("hiking" in "hiking
  with her husband") or a part's closing infinitive ("to play go"). Never a word inside a phrase, whose
  removal would break the sentence the decoys are written in, and never a span whose removal changes who
  is varied (checked by transforming the reduced prompt: the same people must come back, each with its slots,
  or with an attribute only the span stated left out, "his" in "on his porch"). Of the spans
  whose removal brings the value under the threshold the shortest is held, else the one that lowers it most;
- after `MAX_SPANS` spans, or when no span can be removed, the prompt is refused with the words to change.

The threshold is high on purpose. Measured on the realistic corpora (docs/privacy.md): holding back from
0.5-0.6 brings the attacker's accuracy to its prior's interval only by sending "an old man" for "an old man
feeding ducks by the pond" and "the couple and their kids" without "at the beach"; what is left below 0.92
is spread over ordinary scenes ("in a wheelchair", "chasing bubbles in the park", "a rocking chair"), not
carried by a few tags. With one description per value the check was blind to a life stage's world: "in a
nursing home playing bingo", "in an incubator", "celebrating diwali" went out beside decoys they contradict;
with scenes it holds them back (28 of the realistic corpora's prompts, was 5), refuses fewer (3, was 4), and
reads more of what stays below the threshold (age on the realistic corpus 0.376 against a prior of 0.256; the
single description read 0.305 of the same sends, which said less about the context than about the attacker).

Age and ethnicity are checked. Gender is not: on this encoder its calibrated scores lean to one value on
any context (measured on the realistic corpus: "male" on 547 of 551 gender slots at 0.5), so a threshold
would hold back ordinary words without telling context apart. The attacker's accuracy per corpus, with a
95% interval against its prior, is measured by `obclip audit --context` (docs/privacy.md).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, reduce
from pathlib import Path

import torch

from obclip.models.text import tokenize
from obclip.options import CONTEXT_CHECKED
from obclip.prompts import CandidateGroup
from obclip.prompts import grammar as g
from obclip.prompts.cues import POSSESSIVE_DETERMINERS, ing_form
from obclip.prompts.lexicon import Lexicon, default_lexicon
from obclip.prompts.template import DetectionError

TEMPERATURE = 0.05
THRESHOLD = 0.92  # a calibrated probability above which the shared context is taken to state the value
# per attribute (`THRESHOLD` where none is set): an origin's scenes are places, festivals and foods, which ordinary
# contexts seldom lean to, so it is read from lower (docs/privacy.md, "Eleventh session")
THRESHOLDS = {"age": THRESHOLD, "ethnicity": 0.8}
MAX_PART_WORDS = 4  # a tag after a comma ("NICU", "afrofuturism") is held back whole only if this short
MAX_ADJUNCT_WORDS = 6  # an adjunct phrase held back inside a part ("on a bicycle", "playing mahjong")
# prepositions that open an adjunct the sentence stands without; "of", "as", "than", "like" bind to the word
# before them ("portrait of", "as a child"), and "to" may be an infinitive's
QUOTES = '"()[]{}'
ADJUNCT_OPENERS = g.PREPOSITIONS - frozenset({"of", "as", "than", "like", "to", "per", "except", "but"})
MAX_SPANS = 3  # a newborn "sleeping", "in a hospital bassinet", "under a heat lamp": three adjuncts say one age
VERB_BOUND = frozenset("into onto out up off through".split())  # "moving into a dorm": the verb's own preposition
NEUTRAL = "a photo"  # what an empty shared context is scored as
BASELINE_PATH = Path(__file__).parent / "data" / "context_baseline.json"
CHECKED = CONTEXT_CHECKED  # one home, torch-free, so the CLI can ask without loading this module
AGE_FRAME = frozenset({"aged", "age", "ages", "year", "years", "year-old", "years-old", "yo", "y/o"})
# Each value is described by a few short scenes of its life stage or its culture, and a context is scored by
# its nearest scene per value: one description per value ("an old, elderly person") missed what an old person's
# world is ("a nursing home", "bingo night"), and the context says that world, not the word "old". The scenes were
# chosen against the realistic corpora's holds and refusals (docs/privacy.md, "Sixth session"): each change moves the
# calibration, and stereotypes refuse ordinary prompts ("knitting" refused "my granny knitting", "a porch" held "on his
# porch", "a skate park" refused "a young man skateboarding"), so none of those is a scene. Nor is an art style: "anime"
# was one, and refused "a lil chinese boi ..., kinda cute anime style pls" (round 88), a style any character is drawn in.
DESCRIPTIONS = {
    "age": {
        "child": ("a baby, a child, kids", "toys, a playground, a kindergarten classroom, a daycare",
                  "a crib, a high chair, diapers, a stroller, a pacifier",
                  "losing a baby tooth, a school bus, cartoons, a sandbox",
                  "a newborn in a hospital incubator, a maternity ward"),
        "young": ("a young adult", "a college campus, a university dorm, a graduation ceremony, prom night",
                  "a first job, a nightclub, a first date, backpacking",
                  "a teenager's bedroom, a high school hallway, a school locker"),
        "middle-aged": ("a middle-aged adult", "an office job, a mortgage, a midlife crisis, a minivan",
                        "a business meeting, parents of teenagers, a suburban home"),
        "old": ("an old, elderly person", "a nursing home, retirement, a pension, social security",
                "a walking cane, a wheelchair, a walker, hearing aids, dentures",
                "grandchildren, bingo night, a rocking chair on a porch",
                "a war veteran, a retirement home, a geriatric ward, a golden wedding anniversary"),
    },
    "ethnicity": {
        "caucasian": ("caucasian, white people", "an american suburb, a country club, a barn dance, a trailer park"),
        "african": ("african, black people, africa", "lagos, nairobi, accra, a village in kenya, a savanna",
                    "jollof rice, afrobeats, kente cloth, a dashiki, afrofuturism"),
        "asian": ("east asian people, asia", "tokyo, seoul, beijing, shanghai, a temple in kyoto",
                  "chopsticks, kimchi, sushi, dim sum, lunar new year, k-pop",
                  "mahjong, tai chi, calligraphy, a tea ceremony, paper lanterns"),
        "indian": ("indian people, india", "mumbai, delhi, a village in rajasthan, the ganges",
                   "diwali, holi, a hindu temple, bollywood, curry, a sari, henna"),
        "european": ("european people, europe", "paris, london, rome, berlin, a village in the alps",
                     "oktoberfest, a cathedral, a castle, a european christmas market"),
    },
}  # fmt: skip


def threshold(attribute: str) -> float:
    """The calibrated probability above which the shared context is taken to state a value of `attribute`."""
    return THRESHOLDS.get(attribute, THRESHOLD)


@dataclass(frozen=True)
class Leak:
    """The shared context points at `value` of `attribute` with calibrated probability `probability`."""

    attribute: str
    value: str
    probability: float
    context: str


def shared_context(group: CandidateGroup) -> str:
    """The words every candidate contains (as often as each contains them), in the order of the set's first
    candidate in sorted order: what the context says to all, a function of the set alone."""
    counts = [Counter(c.lower().split()) for c in group.order]
    left = reduce(lambda a, b: a & b, counts)
    # other people's nouns ("her 3 children") say who else is there, not this one's value; the frame words of
    # an age phrase ("aged" in "aged 45") and bare numbers are how the set writes every value, not scene. Only
    # the set is read (never the real prompt's parse), so the check decides alike whichever candidate is real.
    people = default_lexicon().nouns
    out, before = [], ""
    for word in min(group.order).split():
        bare = word.lower().strip(",.;:!?()")
        if left[word.lower()] > 0:
            left[word.lower()] -= 1
            framed = bare == "old" and before in AGE_FRAME  # "25 years old": the frame, not an old thing
            if bare not in people and bare not in AGE_FRAME and not bare.replace("-", "").isdigit() and not framed:
                out.append(word)
        before = bare
    return " ".join(out)


class ContextAttacker:
    """Zero-shot value prediction from shared context with the bundled MiniLM (loaded once)."""

    def __init__(self, baseline: dict[str, list[float]] | None = None) -> None:
        """`baseline`: mean value probabilities per attribute (the shipped calibration if None; {}: none)."""
        from obclip.models.text import load_minilm

        self.tokenizer, self.encoder = load_minilm()
        self.values = {a: list(d) for a, d in DESCRIPTIONS.items()}
        self.descriptions = {a: self.embed([x for scenes in d.values() for x in scenes]) for a, d in DESCRIPTIONS.items()}
        # which value each scene describes, as an index into `values`
        self.owner = {a: torch.tensor([k for k, scenes in enumerate(d.values()) for _ in scenes])
                      for a, d in DESCRIPTIONS.items()}  # fmt: skip
        if baseline is None:
            baseline = json.loads(BASELINE_PATH.read_text(encoding="utf-8"))
        self.baseline = {a: torch.tensor(baseline.get(a, [1.0] * len(d))) for a, d in DESCRIPTIONS.items()}

    def embed(self, texts: list[str]) -> torch.Tensor:
        device = next(self.encoder.parameters()).device  # shared with the default pair, which may have moved it
        batch = tokenize(self.tokenizer, texts, padding=True, truncation=True, return_tensors="pt").to(device)
        with torch.no_grad():
            hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1).cpu()

    def raw(self, embedded: torch.Tensor, attribute: str) -> torch.Tensor:
        """A softmax over values of each context's cosine to the value's nearest scene."""
        sims, owner = embedded @ self.descriptions[attribute].T, self.owner[attribute]
        nearest = torch.stack([sims[:, owner == k].max(dim=1).values for k in range(len(self.values[attribute]))], 1)
        return torch.softmax(nearest / TEMPERATURE, dim=-1)

    def predict(self, contexts: list[str], attribute: str) -> torch.Tensor:
        """(len(contexts), values) calibrated probabilities of each value of `attribute`."""
        p = self.raw(self.embed([c if c.strip() else NEUTRAL for c in contexts]), attribute) / self.baseline[attribute]
        return p / p.sum(dim=-1, keepdim=True)

    def leak(self, group: CandidateGroup) -> Leak | None:
        """The strongest value the shared context states for a checked attribute, if it passes the threshold."""
        context, best = shared_context(group), None
        for attribute in sorted({s.name for s in group.slots if s.name in CHECKED}):
            p = self.predict([context], attribute)[0]
            over = float(p.max()) - threshold(attribute)
            if over > 0 and (best is None or over > best.probability - threshold(best.attribute)):
                best = Leak(attribute, self.values[attribute][int(p.argmax())], float(p.max()), context)
        return best

    def driver(self, leak: Leak, group: CandidateGroup, again: Callable[[str], CandidateGroup]) -> str | None:
        """The span of `group.prompt` to hold back (occlusion), or None: of `spans_of(group.prompt)` whose
        removal leaves the same people varied, the shortest whose reduced set's shared context falls under
        `THRESHOLD`; where none does, of those and `verbs_of`, then `infinitives_of` too; else the one whose context
        falls lowest."""
        index = self.values[leak.attribute].index(leak.value)
        spans: list[str] = []
        after: list[float] = []
        # the adjuncts first; where none brings the value under, a clause's verb alone too, the scene kept: in "a
        # 25-year-old Latina hiking with her husband" every adjunct names someone, "hiking" drives the leak
        # a span that states the leaking value itself ("shes super old" beside "w a cane") would take the slot away
        # and leave the context that says it in clear (round 98): it never counts as bringing the value under
        stated = {(s.person, s.name) for s in group.slots if s.name == leak.attribute}
        for candidates in (spans_of(group.prompt), verbs_of(group.prompt), infinitives_of(group.prompt),
                           objects_of(group.prompt)):
            found = [(s, r) for s in candidates if s not in spans and (r := _reduced(group, again, s)) is not None
                     and stated <= {(x.person, x.name) for x in r.slots}]  # fmt: skip
            if found:
                spans += [s for s, _ in found]
                after += self.predict([shared_context(r) for _, r in found], leak.attribute)[:, index].tolist()
            under = [(len(s.split()), p, s) for s, p in zip(spans, after, strict=True) if p <= threshold(leak.attribute)]
            if under:
                return min(under)[2]
        return spans[min(range(len(spans)), key=after.__getitem__)] if spans else None

    def weightiest_word(self, leak: Leak) -> str | None:
        """The single word of the shared context whose removal lowers the leak the most: named in a refusal."""
        words = list(dict.fromkeys(w for w in re.findall(r"[\w'-]+", leak.context) if len(w) > 2))
        if not words:
            return None
        index = self.values[leak.attribute].index(leak.value)
        drops = self.predict([_without(leak.context, w) for w in words], leak.attribute)[:, index]
        return words[int(drops.argmin())]


def _without(text: str, span: str) -> str:
    """`text` with the first whole-word occurrence of `span` removed, and the punctuation it leaves tidied."""
    out = re.sub(rf"(?<![\w-]){re.escape(span)}(?![\w-])", "", text, count=1, flags=re.IGNORECASE)
    out = re.sub(r"\s*,\s*(,\s*)+", ", ", out)
    return re.sub(r"\s{2,}", " ", out).strip(" ,")


def spans_of(prompt: str) -> list[str]:
    """What the check may hold back of `prompt`, as written: each comma-separated part after the first of up
    to `MAX_PART_WORDS` words (a tag), and inside any part a trailing adjunct of up to `MAX_ADJUNCT_WORDS`
    words after its first word: from a preposition or a verb's -ing form to the part's end or to the next
    conjunction ("with a baguette", "playing mahjong", "on a park bench and"; an -ing word alone at a part's end,
    "knitting", or before a preposition, "knitting in a rocking chair", too). Only trailing spans: where a
    phrase inside a part ends cannot be told without a parse ("with hands on head"), where a part ends can.
    An -ing word after a determiner or a preposition is a noun's modifier ("the living room", "a nursing
    home"), not a clause; nothing inside quotes or brackets is split."""
    lex = default_lexicon()
    out: list[str] = []
    parts = [p.strip() for p in prompt.split(",")]
    out += [p for p in parts[1:] if p and len(p.split()) <= MAX_PART_WORDS and _whole(p)]
    for part in parts[1:]:  # ", a cane and a flat cap": an item of a list tag too long to hold whole, with its "and"
        items = re.split(r"\s+(?:and|or)\s+", part)
        if len(part.split()) > MAX_PART_WORDS and len(items) > 1 and _whole(part):
            joins = re.findall(r"\s+(and|or)\s+", part)
            out += [f"{item} {joins[k]}" if k < len(joins) else f"{joins[k - 1]} {item}" for k, item in enumerate(items)
                    if len(item.split()) <= MAX_PART_WORDS]  # fmt: skip
    for part in parts:
        words = part.split()
        lows = [w.lower().strip(".;:!?") for w in words]
        for i in range(1, len(words)):
            clause = _opens_clause(lows, i, lex)
            if lows[i] not in ADJUNCT_OPENERS and lows[i] not in g.CHAT_WITH and not clause:
                continue  # chat's "w" and "wit" are "with" ("a lady w a cane")
            # a conjunction ends the adjunct where a new phrase follows it ("on a park bench and a dog"), not
            # inside its object ("eating kimchi and bibimbap at home")
            end = next((j for j in range(i + 1, len(words)) if lows[j] in g.CONJUNCTIONS and (
                j + 1 == len(words) or lows[j + 1] in g.CLOSED or ing_form(lows[j + 1], lex))), len(words))  # fmt: skip
            # an -ing clause of one word may go ("my granny knitting" -> "my granny"); a preposition needs its object
            span = " ".join(words[i:end]).strip(".;:!?")
            if (1 < end - i or (clause and end == len(words))) and end - i <= MAX_ADJUNCT_WORDS and not set(span) & set(QUOTES):
                out.append(span)  # "[[child]] playing with a puppy": never inside quotes or a weight
            if not clause and (stop := next((j for j in range(i + 2, end) if _opens_clause(lows, j, lex)), None)):
                # "in a graduation gown hugging her younger brother": a phrase ends where the clause of what the
                # person does begins (round 79: refused, the one trailing adjunct naming the brother)
                inner = " ".join(words[i:stop]).strip(".;:!?,")
                if stop - i <= MAX_ADJUNCT_WORDS and not set(inner) & set(QUOTES + ";.!?:"):  # within one clause
                    out.append(inner)
            rest = " ".join(words[end:]).strip(".;:!?")  # "with a hearing aid and a walking cane": the item after the
            if end < len(words) and 2 < len(words) - end <= MAX_ADJUNCT_WORDS and not set(rest) & set(QUOTES) and (
                    lows[end] == "and" and lows[end + 1] in g.DETERMINERS):  # fmt: skip
                out.append(rest)  # "and" may go with it ("and a walking cane"), the first item held by the parser
            if clause and end - i > MAX_ADJUNCT_WORDS and lows[i + 1] in ADJUNCT_OPENERS - VERB_BOUND and not (
                    set(words[i]) & set(QUOTES)):  # fmt: skip
                # "knitting in a rocking chair next to a window", a clause too long to hold whole: the -ing word
                # alone, its adjunct then says where the person is ("an old woman in a rocking chair next to a
                # window"); not "moving into ...", "hanging out ...", whose verb the preposition completes
                out.append(words[i].strip(".;:!?"))
    return list(dict.fromkeys(s for s in out if s))


def _opens_clause(lows: list[str], j: int, lex: Lexicon) -> bool:
    """The word at j is a verb's -ing form opening a clause: not after a determiner or a preposition ("the living
    room", "a nursing home") nor after an adjective ("in traditional clothing": a noun there)."""
    return ing_form(lows[j], lex) and lows[j - 1] not in g.DETERMINERS | g.PREPOSITIONS and lex.tags(lows[j - 1]) != "a"


def verbs_of(prompt: str) -> list[str]:
    """The -ing words that open a clause of `prompt` before a preposition ("hiking" in "a woman hiking with her
    husband"), as `spans_of` finds clauses: what may be held back alone when every adjunct names someone, so that
    "a 25-year-old Latina hiking with her husband" goes as "a young woman with her husband", not refused. Not a
    verb before its object ("holding his grandmother's hand"), whose removal would leave the object dangling."""
    lex, out = default_lexicon(), []
    for k, part in enumerate(prompt.split(",")):
        words = part.split()
        lows = [""] + [w.lower().strip(".;:!?") for w in words]  # after a comma a clause may open the part
        out += [words[i].strip(".;:!?") for i in range(0 if k else 1, len(words) - 1) if _opens_clause(lows, i + 1, lex)
                and lows[i + 2] in ADJUNCT_OPENERS - VERB_BOUND and not set(words[i]) & set(QUOTES)]  # fmt: skip
    return list(dict.fromkeys(out))


def infinitives_of(prompt: str) -> list[str]:
    """A part's closing infinitive ("to play go" in "an elderly man teaching a young woman to play go"): what may be
    held back when no adjunct or verb can be, the sentence standing without it (round 80: refused, "teaching" read as
    a child's world though both ages are stated)."""
    lex, out = default_lexicon(), []
    for part in prompt.split(","):
        words = part.split()
        lows = [w.lower().strip(".;:!?") for w in words]
        for i in range(1, len(words) - 1):
            if lows[i] == "to" and "v" in lex.tags(lows[i + 1]) and len(words) - i <= MAX_ADJUNCT_WORDS and not (
                    set(" ".join(words[i:])) & set(QUOTES)):  # fmt: skip
                out.append(" ".join(words[i:]).strip(".;:!?"))
                break
    return list(dict.fromkeys(out))


OWNERS = g.DETERMINERS | POSSESSIVE_DETERMINERS  # what opens a noun phrase: "the", "a", "his", "her"


def objects_of(prompt: str) -> list[str]:
    """A clause's closing object after its verb ("calligraphy" in "an old Korean woman paints calligraphy", "the
    shamisen" in "she plays the shamisen"): what may be held back when no adjunct, verb or infinitive can be, the
    clause standing without it ("an old woman paints"). Round 93: refused, "calligraphy" weighing most, no span to
    hold. The words back from the clause's end that may be a noun phrase's (determiners, "of", nouns, adjectives,
    words no dictionary knows), up to a verb that is no adjective ("retired"); never a person's noun."""
    lex, out = default_lexicon(), []
    for clause in re.split(r"[,.;:!?]", prompt):
        words = clause.split()
        lows = [w.lower() for w in words]
        i, found = len(words), None
        while i > 1 and len(words) - i < MAX_ADJUNCT_WORDS and lows[i - 1] not in lex.nouns and (
                lows[i - 1] in OWNERS or lows[i - 1] == "of" or not lex.tags(lows[i - 1])
                or set(lex.tags(lows[i - 1])) & {"n", "a"}):  # fmt: skip
            i -= 1
            verb = set(lex.tags(lows[i - 1]))
            before = lows[i - 2] if i > 1 else ""
            if "v" in verb and "a" not in verb and lows[i - 1] not in g.CLOSED and lows[i - 1] not in lex.nouns and (
                    lows[i] != "of" and before and not ing_form(lows[i - 1], lex)
                    and before not in OWNERS and before not in g.PREPOSITIONS):  # fmt: skip
                # a subject before the verb ("nursing home" has none); "under a heat lamp": "heat" is a noun there
                found = " ".join(words[i:])  # the farthest back: "a bowl of pho", not "pho" after "bowl"
        if found and not set(clause) & set(QUOTES):
            out.append(found)
    return list(dict.fromkeys(out))


def _whole(tag: str) -> bool:
    """A tag whose quotes and brackets all close inside it ("(nicu:1.2)"), so that leaving it out breaks none."""
    return all(tag.count(o) == tag.count(c) for o, c in ("()", "[]", "{}")) and tag.count('"') % 2 == 0


def _reduced(group: CandidateGroup, again: Callable[[str], CandidateGroup], span: str) -> CandidateGroup | None:
    """The group of `group.prompt` without `span`, if it varies the same people (so the span named no one), each
    with the same attributes or fewer, and the transformation accepts it; else None."""
    text = _without(group.prompt, span)
    if not text.strip() or text == group.prompt:
        return None
    try:
        other = again(text)
    except DetectionError:
        return None
    kept = [(s.person, s.name, s.value) for s in other.slots]
    before = [(s.person, s.name, s.value) for s in group.slots]
    # the same people, each varied as before or with an attribute the span alone stated left out: "on his porch"
    # takes "his", and with it the gender, to the device ("a baby boomer reading the newspaper on his porch" was
    # refused, no span leaving the slots whole)
    same = kept == before or ({p for p, _, _ in kept} == {p for p, _, _ in before} and set(kept) < set(before))
    return other if same else None


@lru_cache(maxsize=1)
def default_attacker() -> ContextAttacker:
    return ContextAttacker()


def guard(
    group: CandidateGroup, again: Callable[[str], CandidateGroup], attacker: ContextAttacker | None = None
) -> CandidateGroup:
    """`group`, or the group of the prompt with the spans that betray a value held back on the device.

    Args:
        group (`CandidateGroup`): the transformed prompt.
        again (`Callable[[str], CandidateGroup]`): transforms a reduced prompt with the same settings.
        attacker (`ContextAttacker`, optional): the default (bundled MiniLM) if None.

    Raises:
        DetectionError: the context still states a value after `MAX_SPANS` spans, or no span can be found.
    """
    attacker = attacker or default_attacker()
    prompt, held, current = group.prompt, [], group
    for _ in range(MAX_SPANS + 1):
        leak = attacker.leak(current)
        if leak is None:
            break
        span = attacker.driver(leak, current, again) if len(held) < MAX_SPANS else None
        if span is None:
            word = attacker.weightiest_word(leak)
            weighs = f", {word!r} weighing most" if word else ""
            already = f" ({', '.join(repr(h) for h in held)} held back already)" if held else ""
            raise DetectionError(
                f"the words this prompt sends with every candidate tell the server the {leak.attribute} is likely "
                f"{leak.value} (a model on this device says {leak.probability:.0%}{weighs}){already}; remove or reword "
                f"them, or pass --no-context-check to send them anyway"
            )
        held.append(span)
        current = again(_without(current.prompt, span))
    if not held:
        return group
    return replace(current, prompt=prompt, held_back=current.held_back + tuple(held),
                   note="; ".join(filter(None, [current.note, f"context held back: {', '.join(held)}"])))  # fmt: skip


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion `hits` / `n`."""
    if n == 0:
        return (0.0, 1.0)
    p, d = hits / n, 1 + z * z / n
    centre, half = (p + z * z / (2 * n)) / d, z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / d
    return (max(0.0, centre - half), min(1.0, centre + half))


def attacker_accuracy(groups: list[CandidateGroup], attacker: ContextAttacker | None = None) -> dict[str, dict]:
    """How often the attacker's best guess from the shared context is the real value, per checked attribute,
    with its 95% interval and the prior (the mean of 1 / the number of values): what the server's best
    text-only guess achieves on what is actually sent."""
    attacker = attacker or default_attacker()
    out: dict[str, dict] = {}
    for attribute in CHECKED:
        slots = [(g, s) for g in groups for s in g.slots if s.name == attribute]
        if not slots:
            continue
        probs = attacker.predict([shared_context(g) for g, _ in slots], attribute)
        values = attacker.values[attribute]
        hits = sum(values[int(p.argmax())] == s.value for p, (_, s) in zip(probs, slots, strict=True))
        prior = sum(1 / len(s.space) for _, s in slots) / len(slots)
        low, high = wilson(hits, len(slots))
        out[attribute] = {"slots": len(slots), "accuracy": hits / len(slots), "ci95": [low, high], "prior": prior,
                          "above_prior": low > prior}  # fmt: skip
    return out
