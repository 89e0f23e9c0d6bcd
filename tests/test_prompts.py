"""The oblivious transformation: its guarantee as properties, the everyday prompts that broke it as a table."""

from __future__ import annotations

import itertools
import math
import re
import stat
from collections import Counter

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from obclip.prompts import (
    PAPER_AGES,
    AmbiguousPronoun,
    CandidateBudgetExceeded,
    DetectionError,
    GroupStore,
    Lexicon,
    ProxyRefused,
    candidate_set,
    default_lexicon,
    indefinite_article,
    transform,
)
from obclip.prompts.grammar import PRONOUN_GENDER, roman_value
from obclip.prompts.parse import parse
from obclip.prompts.template import Pronoun
from obclip.prompts.tokens import tokenize

LEX = default_lexicon()


# --- checks every accepted group must pass ------------------------------------------------------------
def check_group(prompt: str, group) -> None:
    """Closure, uniform read-back, grammar agreement: what the server must not be able to exploit."""
    expected = set(group.order)
    assert group.cloud_prompt in expected
    assert group.n == math.prod(s.values_count for s in group.slots)
    for c in group.order:
        assert candidate_set(c, list(group.attributes), max(64, group.n)) == expected, c
    for slot in group.slots:  # each varied attribute reads back with every value equally often
        counts = Counter(parse(c, LEX).persons[slot.person].states.get(slot.name) for c in group.order)
        assert set(counts) == set(slot.space) and len(set(counts.values())) == 1, (slot, counts)
    for c in group.order:
        assert_grammatical(c)
    for held in group.held_back:
        assert all(held not in c for c in group.order), held


def assert_grammatical(text: str) -> None:
    tokens = tokenize(text)
    for k, (a, b) in enumerate(zip(tokens, tokens[1:], strict=False)):
        named = a.text in ("A", "An") and k and tokens[k - 1].is_word and tokens[k - 1].text[:1].isupper() and (
            b.text[:1].islower())  # fmt: skip  # "past Hoi An lanterns": a name's word, no article
        if a.core in ("a", "an") and b.is_word and not named:
            word = text[b.start :].split()[0]  # "F1" is one word to the ear, two tokens to the tokenizer
            assert a.core == indefinite_article(word), f"{a.text} {word} in {text!r}"
    template = parse(text, LEX)
    for start, _, seg in template.spans:
        if isinstance(seg, Pronoun):  # every pronoun agrees with the gender of the person it binds to
            person = template.persons[seg.person]
            word = text[start:].split()[0].strip(".,;!?").lower().replace("’", "'")
            word = word if word in PRONOUN_GENDER else re.sub(r"(?:'(?:s|ll|d|ve|re)|s|z)$", "", word)  # "she'll"
            assert PRONOUN_GENDER[word] == person.states["gender"], text
    assert not re.search(r"\b(him|her) (family|face|hair|dog|cat|kitchen|son|daughter)\b", text, re.I) or re.search(
        r"\bher (family|face|hair|dog|cat|kitchen|son|daughter)\b", text, re.I
    ), text  # "him family" is never written


# --- the table of issue #12: each row gives a correct set or a clear refusal ----------------------------
def accepted(prompt: str, attributes: list[str] | None = None, **kw):
    group = transform(prompt, attributes, **kw)
    check_group(prompt, group)
    return group


def held_on_device(prompt: str, held: str):
    """`prompt` is accepted with `held` (or a held span containing it) back on the device and in no candidate."""
    group = accepted(prompt)
    assert any(held in h for h in group.held_back) and not any(held in c for c in group.order), group.order
    return group


def test_her_before_a_noun_in_ly_is_possessive() -> None:
    group = accepted("a woman with her family")
    assert any(c.endswith("his family") for c in group.order) and not any("him family" in c for c in group.order)


@pytest.mark.parametrize(
    ("prompt", "male"),
    [("a mother lifting her up", "lifting him up"), ("the sun makes her happy", "makes him happy"),
     ("a man hugging her tightly", "hugging him tightly"), ("showing her how to cook", "showing him how")],
)  # fmt: skip
def test_her_as_an_object(prompt: str, male: str) -> None:
    group = accepted(prompt)
    assert any(male in c for c in group.order), group.order


def test_case_before_digits_and_standalone_his() -> None:
    group = accepted("a woman in her 70s")
    assert group.n == 6 and not any("him" in c for c in group.order)
    assert {"a man in his seventies", "a woman in her twenties"} <= set(group.order)
    group = accepted("a man; the book is his too")
    assert "a woman; the book is hers too" in group.order


@pytest.mark.parametrize("prompt", ["the ladies' shoes", "the girls' team", "children's choir in white robes"])
def test_plural_possessives(prompt: str) -> None:
    group = accepted(prompt)
    assert group.n > 1
    assert not any(re.search(r"\b\w*[^s\W]' ", c) for c in group.order), group.order  # never "gentlemen' shoes"


def test_all_caps_and_title_case() -> None:
    a, b = accepted("A YOUNG MAN"), accepted("AN OLD MAN")
    assert set(a.order) == set(b.order) and all(c == c.upper() for c in a.order)
    assert "AN OLD WOMAN" in a.order
    title = accepted("An Asian Woman In A Garden")
    assert "A European Man In A Garden" in title.order


@pytest.mark.parametrize("prompt", ["a caucasian male", "a young European", "an elderly Asian", "two black females"])
def test_noun_like_adjectives_are_varied(prompt: str) -> None:
    group = accepted(prompt)
    assert {"ethnicity"} <= {s.name for s in group.slots}
    last = prompt.split()[-1].lower()
    assert not all(last in c.lower() for c in group.order)


@pytest.mark.parametrize("prompt", ["Mrs. Smith in her kitchen", "Hiroshi and his son fishing", "Mr Patel at his desk"])
def test_titles_and_names_are_held_back(prompt: str) -> None:
    group = accepted(prompt)
    name = next(w for w in re.findall(r"[A-Z][a-z]+", prompt) if w not in ("Mrs", "Mr"))
    assert not any(name in c for c in group.order)
    assert not any(re.search(r"\bMrs?\b", c) for c in group.order)
    assert "gender" in {s.name for s in group.slots}


@pytest.mark.parametrize("prompt", ["a little girl with a kite", "a baby girl", "a teenage boy skateboarding"])
def test_modifiers_that_fix_the_age_join_the_slot(prompt: str) -> None:
    group = accepted(prompt)
    assert {"age", "gender"} <= {s.name for s in group.slots}
    assert not any(re.search(r"\b(baby|teenage|senior|grown)\b", c) for c in group.order), group.order
    # a child stays a child, written canonically: "little" with boy or girl, in every child candidate alike
    assert re.search(r"\blittle (boy|girl)s?\b", group.cloud_prompt), group.cloud_prompt
    assert sum("little" in c for c in group.order) == group.n // 4


def test_words_people_rarely_type_never_mark_decoys() -> None:
    for prompt in ("a girl", "a boy and his dog"):
        group = accepted(prompt)
        assert not any(re.search(r"\b(grown|senior)\b", c) for c in group.order)


def test_two_pronouns_of_one_person_leave_the_other_person_free() -> None:
    group = accepted("she and her sister")
    assert {"she and her brother", "he and his sister"} <= set(group.order)


@pytest.mark.parametrize(
    "word",
    ["widow", "stepmother", "granny", "mum", "dads", "grandmas", "chairman", "spokeswoman", "stewardess", "duchess",
     "cowboy", "guy", "lad", "teenager", "toddler", "baby"],
)  # fmt: skip
def test_person_words_are_never_sent_as_written(word: str) -> None:
    group = accepted(f"a photo of the {word} in the park")
    assert group.n > 1 and not all(re.search(rf"\b{word}\b", c) for c in group.order), group.order


@pytest.mark.parametrize(
    "prompt",
    ["Mr Jones reading", "Ms Lee reading", "sir reading", "a Chinese man", "a Black woman", "a white man",
     "a Latina dancer", "a Hispanic family", "an African-American girl", "Asians at a market", "a middle aged man",
     "a 70-year-old man", "an elderly couple", "a portrait of a madam"],
)  # fmt: skip
def test_titles_ethnic_and_age_words_are_varied_or_held(prompt: str) -> None:
    group = accepted(prompt)
    sensitive = [w for w in re.findall(r"[\w'-]+", prompt) if w.lower() not in {"a", "an", "the", "man", "woman",
                 "reading", "family", "girl", "at", "market", "dancer", "portrait", "of", "couple"}]  # fmt: skip
    for w in sensitive:
        assert not all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", c) for c in group.order), (w, group.order)


def test_proxies_stay_on_the_device_or_refuse() -> None:
    group = accepted("a pregnant woman in a sari with a bindi")
    assert not any(re.search(r"pregnant|sari|bindi", c) for c in group.order)
    assert set(group.held_back) and group.cloud_prompt == "a woman"
    with pytest.raises(ProxyRefused, match="pregnant"):
        transform("a pregnant woman", proxies="refuse")
    assert "beard" in " ".join(accepted("a man with a beard and glasses").held_back)


@pytest.mark.parametrize("prompt", ["Isle of Man ferry at dawn", "Lake Léman at sunset", "a snowman in a garden",
                                    "manager's office interior", "human anatomy chart", "an old car"])  # fmt: skip
def test_non_people_are_left_alone(prompt: str) -> None:
    group = transform(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt


def test_a_prompt_is_never_resent_with_fewer_attributes(tmp_path) -> None:
    store = GroupStore(tmp_path)
    first = transform("an old Asian man", store=store)
    assert first.n == 40  # 2 genders x 4 ages (child, young, middle-aged, old) x 5 ethnicities
    second = transform("an old Asian man", ["gender"], store=store)
    assert set(second.order) == set(first.order) and "also protecting age, ethnicity" in second.note
    wider = transform("a young woman", ["gender"], store=GroupStore(tmp_path / "other"))
    assert wider.n == 2
    again = transform("a young woman", store=GroupStore(tmp_path / "other"))
    assert again.n == 8  # protecting more than before reveals nothing new
    for f in (tmp_path / "groups.json", tmp_path / "device.key"):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert "Asian" not in (tmp_path / "groups.json").read_text() and "man" not in (tmp_path / "groups.json").read_text()


def test_budget_refusal_says_what_leaving_attributes_out_means() -> None:
    with pytest.raises(CandidateBudgetExceeded, match="N = 2") as exc:  # 40; 8 with the ethnicity held back, 2 with
        transform("an old asian man", max_candidates=1)  # the age held too
    assert "as written" in str(exc.value)
    assert transform("an old asian man", max_candidates=40).n == 40
    assert transform("an old asian man", max_candidates=30, ages=PAPER_AGES).n == 30  # the paper's scale


@pytest.mark.parametrize(
    "prompt",
    ["A Black father and his white wife pushing a pram", "an old asian man", "a Korean woman and an Indian man talk",
     "Two friends, a Nigerian woman and a Japanese man, laughing at a café"],
)
def test_over_the_budget_an_origin_stays_on_the_device_rather_than_a_refusal(prompt: str) -> None:
    """Over the budget an ethnicity said in a person's own phrase is held back (nothing about it is sent) until N
    fits, instead of refusing the prompt; the set stays closed and the note says so."""
    full = transform(prompt, max_candidates=4096)
    budget = full.n // 5  # one ethnicity slot too many
    group = transform(prompt, max_candidates=budget)
    assert group.n <= budget and re.search(r"ethnicity \(.*\) stays on the device", group.note)
    varied = [s for s in group.slots if s.name == "ethnicity"]
    assert len(varied) == len([s for s in full.slots if s.name == "ethnicity"]) - 1
    for candidate in group.order:  # the set is closed: every candidate gives this very set back
        assert frozenset(transform(candidate, max_candidates=budget).order) == frozenset(group.order)
    canonical = re.compile(r"\b(Caucasian|African|Asian|Indian|European)\b")
    written = re.compile(r"\b(Black|white|Korean|Nigerian|Japanese|asian)\b")
    for candidate in group.order:  # one ethnicity word per varied slot, in canonical wording; the held one is gone
        assert len(canonical.findall(candidate)) == len(varied) and not written.search(candidate), candidate


@pytest.mark.parametrize(
    ("prompt", "match"),
    [("a man, a woman and a boy, she reads while he sleeps", "refer to"),
     ("watching his dance", "which is meant"), ("portrait of Qwertzella", "name")],
)  # fmt: skip
def test_undecidable_prompts_are_refused_with_the_word_named(prompt: str, match: str) -> None:
    with pytest.raises(DetectionError, match=match) as exc:
        transform(prompt)
    assert "\n" not in str(exc.value) and "'" in str(exc.value)


def test_pronoun_refusal_is_an_ambiguous_pronoun() -> None:
    with pytest.raises(AmbiguousPronoun):
        transform("a man, a woman and a boy, she reads while he sleeps")
    assert transform("a man, a woman and a boy, she reads while he sleeps", ["age", "ethnicity"]).n > 1


# --- properties over generated prompts -------------------------------------------------------------------
_NOUNS = ["man", "woman", "lady", "gentleman", "father", "mother", "girl", "boy", "doctor", "nurse", "mum", "granny",
          "widow", "waitress", "guy", "teenager", "queen", "sister", "grandfather", "bride", "king"]  # fmt: skip
_MODS = ["", "young ", "middle-aged ", "old ", "elderly ", "little ", "asian ", "African ", "chinese ", "white ",
         "smiling ", "tall ", "pregnant "]  # fmt: skip
_SCENE = ["in a garden", "on a beach", "at night", "", "wearing glasses", "with a kite"]


@st.composite
def prompts(draw) -> str:
    def person() -> str:
        words = draw(st.sampled_from(_MODS)) + draw(st.sampled_from(_MODS)) + draw(st.sampled_from(_NOUNS))
        return f"{indefinite_article(words)} {words}"

    p1, p2, scene = person(), person(), draw(st.sampled_from(_SCENE))
    poss, subj, obj = draw(st.sampled_from([("her", "she", "her"), ("his", "he", "him")]))
    text = draw(st.sampled_from([
        f"a portrait photo of {p1} {scene}", f"{p1} holding {poss} cat {scene}", f"headshot of {p1}, {subj} is smiling",
        f"{p1} hugging {obj} tightly", f"{p1} and {p2} {scene}", f"{p1.upper()} {scene.upper()}",
        f"{p1} walking {poss} dog while {subj} talks on the phone", f"{p1} in {poss} 40s {scene}",
    ]))  # fmt: skip
    casing = draw(st.sampled_from([str, str.capitalize]))
    return casing(re.sub(r"\s+", " ", text).strip())


@settings(max_examples=100, deadline=None, derandomize=True)  # fixed draws: a steady suite time
@given(prompts())
def test_every_accepted_set_is_closed_uniform_and_grammatical(prompt: str) -> None:
    try:
        group = transform(prompt, max_candidates=900)
    except DetectionError:
        assume(False)  # refused: nothing is sent; hypothesis fails the test if most prompts are refused
    check_group(prompt, group)
    again = transform(prompt, max_candidates=900)
    assert set(again.order) == set(group.order)  # a new request sends the same set


def test_order_is_a_uniform_permutation() -> None:
    """Chi-square test on the real prompt's position over 1,200 transformations (N = 8)."""
    n, draws = 8, 1200
    counts = Counter(transform("a portrait of a young woman").real_index for _ in range(draws))
    chi2 = sum((counts[i] - draws / n) ** 2 / (draws / n) for i in range(n))
    assert chi2 < 24.32, counts  # 99.9th percentile of chi-square with 7 degrees of freedom
    assert set(counts) == set(range(n))


def test_no_attribute_gives_n_one_and_the_prompt_unchanged() -> None:
    group = transform("a photo of a red sneaker")
    assert group.n == 1 and group.order == ("a photo of a red sneaker",) and group.cloud_prompt == group.prompt
    assert "N = 1" in group.server_view()["guarantee"]


def test_empty_prompt_and_unknown_attribute() -> None:
    with pytest.raises(DetectionError, match="empty"):
        transform("   ")
    with pytest.raises(DetectionError, match="unknown attribute"):
        transform("a man", ["religion"])


def test_user_extends_the_lexicon_from_a_file(tmp_path) -> None:
    extra = tmp_path / "lex.json"
    extra.write_text('{"first_names": {"qwertzella": "female"}, "proxies": {"tiara": {"kind": "noun", "reveals": ["gender"]}}}')
    with pytest.raises(DetectionError, match="name"):
        transform("portrait of Qwertzella wearing a tiara")
    lex = Lexicon.from_file(extra)
    group = transform("portrait of Qwertzella wearing a tiara", lexicon=lex)
    assert group.n == 2 and not any("Qwertzella" in c or "tiara" in c for c in group.order)


def test_user_adds_an_attribute_with_its_values(tmp_path) -> None:
    extra = tmp_path / "religion.json"
    extra.write_text('{"values": {"religion": ["christian", "muslim", "buddhist"]}, "canonical": {"religion": '
                     '{"christian": "Christian", "muslim": "Muslim", "buddhist": "Buddhist"}}, "adjectives": {'
                     '"muslim": {"attribute": "religion", "value": "muslim"}, "christian": {"attribute": "religion", '
                     '"value": "christian"}, "buddhist": {"attribute": "religion", "value": "buddhist"}}}')  # fmt: skip
    lex = Lexicon.from_file(extra)
    group = transform("a muslim woman praying", lexicon=lex)
    assert group.n == 6 and "a Buddhist man praying" in group.order
    check_group_with(group, lex)
    assert transform("a muslim woman praying").n == 2  # the shipped lexicon has no religion attribute


def check_group_with(group, lex) -> None:
    for c in group.order:
        assert candidate_set(c, list(group.attributes), 64, lex) == set(group.order)


def test_detector_hook_refuses_uncovered_spans() -> None:
    def detector(prompt: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(r"curly-haired", prompt)]

    with pytest.raises(DetectionError, match="detector flagged"):
        transform("a curly-haired woman", detector=detector)
    assert transform("a woman", detector=detector).n == 2


# --- regressions from the red team (obclip/eval/corpora/adversarial.tsv) -----------------------------
@pytest.mark.parametrize(
    ("prompt", "never"),
    [("Bob fixing his car", "Bob"), ("Will and his dog at the park", "Will"), ("Harry Potter and Hermione", "Harry"),
     ("Queen Elizabeth II waving", "Elizabeth"), ("a girl 👧🏾 dancing", "👧"), ("girl, 6, laughing", ", 6,"),
     ("a man, 42, at his desk", "42"), ("a woman (29) smiling", "29"), ("a man born in 1950", "1950"),
     ("a 40-something woman", "40"), ("a seven year old girl", "seven"), ("a 3 y/o toddler", "y/o"),
     ("a 2-month-old baby", "month"), ("a woman celebrating her 90th", "90th"),
     ("a scientist and his many inventions", "hers many"), ("a Japanese woman", "people woman")],
)  # fmt: skip
def test_red_team_findings_stay_fixed(prompt: str, never: str) -> None:
    group = accepted(prompt)
    assert not any(never in c for c in group.order), group.order


# --- regressions from the second red team (2026-11-26, a corpus kept outside the project) ----------------
@pytest.mark.parametrize(
    ("prompt", "never"),
    [("a man and his only son", "hers only"), ("a girl and her first kiss", "him first"),
     ("grandpa in his rocking chair", "hers rocking"), ("a woman and her downstairs neighbor", "him downstairs"),
     ("a photo of jessica at the beach", "jessica"), ("Maria at the beach", "Maria"), ("a man named Bob", "Bob"),
     ("a woman called maria", "maria"), ("my lola in manila making adobo", "lola"), ("my nani in her garden", "nani"),
     ("a hijab-wearing woman reading", "hijab"), ("a turbaned man", "turban"), ("a dreadlocked man", "dreadlock"),
     ("a woman from Nigeria selling fruit", "Nigeria"), ("a man born in Ghana", "Ghana"),
     ("a thirty-something woman drinking wine", "thirty"), ("a hindu priest at a temple", "hindu"),
     ("a man with a man bun", "bun"), ("a woman in mom jeans", "jeans"), ("gurl with pink hair", "gurl"),
     ("grandparents playing with grandchildren in the garden", "grand")],
)  # fmt: skip
def test_second_red_team_findings_stay_fixed(prompt: str, never: str) -> None:
    group = accepted(prompt)
    assert group.n > 1 and not any(never in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["she'll be there at sunset", "he'd love this view", "shes dancing", "SHE'S HERE"])
def test_contracted_pronouns_are_varied_with_their_verb(prompt: str) -> None:
    group = accepted(prompt)
    rest = prompt.split(maxsplit=1)[1] if " " in prompt else ""
    firsts = {c.split()[0].lower().replace("’", "'") for c in group.order}
    assert group.n == 2 and len(firsts) == 2 and all(c.endswith(rest) for c in group.order), group.order


@pytest.mark.parametrize(
    ("prompt", "word"),
    [("s/he is reading a book", "/"), ("(s)he is reading", ")"), ("man/woman hybrid portrait", "/"),
     ("ask him/her for directions", "/"),
     ("a man, 80s, synthwave", "80s"), ("a woman, fifties, in a garden", "fifties"), ("a man at 3 in the morning", "3"),
     ("a fire mage girl, anime style", "mage")],
)  # fmt: skip
def test_undecidable_alternatives_and_stray_ages_are_refused(prompt: str, word: str) -> None:
    with pytest.raises(DetectionError, match=re.escape(repr(word))):
        transform(prompt)


@pytest.mark.parametrize(
    "prompt",
    ["two women with 3 dogs", "a man with a 35mm camera", "a photo of a woman, 8k, 35mm", "a woman in the 90s",
     "man, 1980s, mullet, neon", "a man, 6'2\", in a trench coat", "Summer sun on a summer day", "a lily pond",
     "New York vs Old York", "a letter from Kenya", "a bachelor party in vegas", "a motherboard close up",
     "young man in a coworking space", "a young-looking old man", "a tired mom at 3am with coffee",
     "a bowl of fruit in the style of Cézanne", "an F1 car", "bowl of ramen", "a photo of Thomas Mann"],
)  # fmt: skip
def test_numbers_places_and_words_that_are_no_person_pass(prompt: str) -> None:
    group = accepted(prompt)
    assert all(w in " ".join(group.order) for w in re.findall(r"\d+|York|Kenya|vegas|lily|Summer", prompt))


@pytest.mark.parametrize(
    ("prompt", "subject", "part"),
    [("a father carrying his daughter on his shoulders", "father", "shoulders"),
     ("a mother holding her son in her arms", "mother", "arms"),
     ("father of the bride dancing with his daughter", "father", "daughter")],
)  # fmt: skip
def test_a_body_part_and_an_of_phrase_bind_to_the_one_who_acts(prompt: str, subject: str, part: str) -> None:
    group = accepted(prompt)
    counterpart = {"father": "mother", "mother": "father"}[subject]
    for c in group.order:  # the pronoun before the body part agrees with the subject in every candidate
        pronoun = c.split(f" {part}")[0].split()[-1] if part != "daughter" else c.split(" dancing with ")[1].split()[0]
        acts = "father" if "father" in c.split()[:2] else "mother"
        assert PRONOUN_GENDER[pronoun] == ("male" if acts == "father" else "female"), c
    assert {subject, counterpart} <= {w for c in group.order for w in c.split()[:2]}
    assert "an F1" in transform("an F1 car", store=None).cloud_prompt  # articles re-agree only where they must


def test_grand_relations_state_an_age_in_every_candidate() -> None:
    group = accepted("a grandmother telling stories to her grandchildren by the fire")
    ages = Counter(c.split(" telling")[0].split()[-2] for c in group.order)  # "an old woman" -> "old"
    assert set(ages) == {"little", "young", "middle-aged", "old"} and len(set(ages.values())) == 1, group.order


def test_edits_of_one_prompt_cannot_be_intersected(tmp_path) -> None:
    store = GroupStore(tmp_path)
    assert transform("an old Japanese woman", ["gender", "age"], store=store).n == 8
    for edit in ("an old Japanese woman.", "AN OLD JAPANESE WOMAN", '"an old Japanese woman"', "An Old Japanese Woman"):
        again = transform(edit, ["gender", "ethnicity"], store=store)
        assert {"gender", "age", "ethnicity"} == set(again.attributes), edit


@pytest.mark.parametrize("prompt", ["a wоman walking", "a Ｂoy on a bike", "a wo\u00adman walking", "une femme et son fils"])
def test_text_the_lexicon_cannot_read_is_refused(prompt: str) -> None:
    with pytest.raises(DetectionError):
        transform(prompt)


@pytest.mark.parametrize("prompt", ["一位年轻的亚洲女性在花园里", "Una mujer mayor asiática sonriendo en un parque",
                                    "Eine junge Frau mit einem Hund im Park", "a sign that says こんにちは"])
def test_other_languages_fail_closed_with_one_line(prompt: str) -> None:
    with pytest.raises(DetectionError, match="English prompts only"):
        transform(prompt)


@pytest.mark.parametrize("prompt", ["A teddy bear in Rio de Janeiro with Dois Irmãos in the background",
                                    "a café con leche on a table", "the Arc de Triomphe at night"])
def test_foreign_names_inside_english_pass(prompt: str) -> None:
    group = transform(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt


@pytest.mark.parametrize(
    ("prompt", "age_word"),
    [("a woman in her mid-30s", "twenties"), ("a man around 40 reading", "around 45"), ("a man over 70 with a cane",
     "over 75"), ("a 30ish woman", "young"), ("She's 80 and still going strong", "75"),
     ("a man who isn't young anymore", "middle-aged"), ("kids under 10 at a party", "under 10")],
)
def test_age_in_other_forms_is_an_age_statement(prompt: str, age_word: str) -> None:
    """Approximate ages, "-ish", "mid-", a contracted "she's 80", a negated predicate: each is the person's age slot,
    so the number or word is never sent as written (the attacker's side of issue #20's age family)."""
    group = accepted(prompt)
    assert "age" in {s.name for s in group.slots}, group.order
    assert age_word in group.cloud_prompt
    assert sum(age_word in c for c in group.order) * 4 <= group.n * 2  # the real value is one of several


@pytest.mark.parametrize("prompt", ["portrait of a woman, (silver hair:1.2), soft light", "(old woman:1.3) on a bench"])
def test_prompt_weights_are_no_ages(prompt: str) -> None:
    group = accepted(prompt)  # was refused: "1.2" read as a stray age
    weights = {m for c in group.order for m in re.findall(r":(\d\.\d)\)", c)}
    assert weights <= set(re.findall(r":(\d\.\d)\)", prompt))  # a weight stays as written or leaves with its words
    assert not any(re.search(r"\bsilver hair\b", c) for c in group.order)


@pytest.mark.parametrize(
    "prompt",
    ["She is a doctor talking to her patient", "Greek statue of a man comforting a cat. The man looks angry.",
     "a young man and his dog. The man is throwing a ball", "The doctor is a woman with glasses"],
)
def test_one_person_is_one_slot_in_every_mention(prompt: str) -> None:
    """A predicate noun ("she is a doctor") and "the" + the noun a person was introduced with ("a man ... the man")
    name that person again: one slot, and every decoy says both mentions with one value (issue #20's first class)."""
    group = accepted(prompt)
    assert len({s.person for s in group.slots}) == 1, group.slots
    for c in group.order:
        words = set(re.findall(r"\b(he|she|his|her|man|woman|boy|girl)\b", c.lower()))
        assert not ({"he", "his", "man", "boy"} & words and {"she", "her", "woman", "girl"} & words), c


def test_a_mention_that_could_name_several_people_is_refused() -> None:
    with pytest.raises(DetectionError, match="several people"):
        transform("a man with a man. The man smiles")


@pytest.mark.parametrize("tone", ["white", "pale", "tan", "olive", "brown", "dark", "ebony"])
def test_skin_tones_are_held_back_whichever_value_they_point_to(tone: str) -> None:
    for prompt in (f"a {tone}-skinned man reading", f"a woman with {tone} skin reading"):
        group = accepted(prompt)
        assert not any(tone in c for c in group.order), (prompt, group.order)
        assert any(tone in h for h in group.held_back)


@pytest.mark.parametrize("prompt", ["a man with kinky hair", "a woman with 4c hair", "portrait of a man, 3b curls"])
def test_hair_textures_are_held_back(prompt: str) -> None:
    group = accepted(prompt)
    assert group.held_back and not any(re.search(r"kinky|4c|3b", c) for c in group.order)


def test_rephrasings_of_one_prompt_share_the_store_record(tmp_path) -> None:
    """Issue #20: "café" for "cafe", "lady" for "woman", an added ", 35mm" were not widened, so a second request
    went out with N = 2 and "young Asian" in clear."""
    store = GroupStore(tmp_path)
    transform("a young Asian woman in a cafe", store=store)
    for edit in ("a young Asian woman in a café", "a young asian lady in a cafe", "a young Asian woman in a cafe, 35mm"):
        again = transform(edit, ["gender"], store=store)
        assert set(again.attributes) == {"gender", "age", "ethnicity"} and again.n > 2, edit
    other = transform("a young Asian woman on a beach", ["gender"], store=store)
    assert other.n == 2  # another prompt is not pinned


@pytest.mark.parametrize("prompt", ["portrait of a woman, shot on sony a7iii", "a man with a Nikon D850",
                                    "a family celebrating Diwali"])
def test_cameras_and_festivals_are_no_people(prompt: str) -> None:
    """Issue #20: "shot on sony a7iii" was refused as a misspelt "son"; a model code names a product. A festival of
    one origin is held back (a proxy since session 12), never read as a person."""
    group = accepted(prompt)
    for word in ("sony a7iii", "Nikon D850"):
        if word in prompt:
            assert all(word in c for c in group.order)
    if "Diwali" in prompt:
        assert any("Diwali" in h for h in group.held_back) and all(c.startswith("a family") for c in group.order)


def test_mentions_account_for_every_slot_and_kept_word() -> None:
    group = accepted("She is a doctor talking to her patient near the Statue of Liberty, a white robot beside her")
    by_person: dict[int, set[str]] = {}
    for m in group.mentions:
        assert group.prompt[m.start : m.end] == m.text
        if m.person is not None:
            by_person.setdefault(m.person, set()).add(m.kind)
    assert {s.person for s in group.slots} <= set(by_person)
    assert by_person[0] == {"pronoun", "person"}  # "She", "a doctor", "her", "her": one referent
    kept = {m.text: m.kind for m in group.mentions if m.person is None}
    assert kept == {"Statue of Liberty": "named thing", "robot": "no person"}


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [("a kids' menu on a diner table", "kids'"), ("women's shoes on display", "women's"),
     ("children's playground in the park", "children's"), ("a mother cat nursing her kittens", "mother"),
     ("a hen and her chicks", "chicks"), ("a Jack Russell terrier chasing a ball", "Jack Russell"),
     ("a dog named Max playing fetch", "Max"), ("a boat called the Lady Grace", "the Lady Grace"),
     ("the Little Mermaid statue in Copenhagen", "Little Mermaid"),
     ("A wombat sits in a chair, sipping a martini that is on his laptop", "his")],
)  # fmt: skip
def test_words_that_only_look_like_people_go_out_as_written_with_a_reason(prompt: str, kept: str) -> None:
    """The attacker's view of a prompt with no person: nothing to hide, so nothing may change, and each
    person-like word carries the reason a reader would give (a kind of menu, the cat's pronoun, a breed)."""
    group = accepted(prompt)
    assert group.order == (prompt,) and not group.held_back
    assert kept in dict(group.kept) and dict(group.kept)[kept]


@pytest.mark.parametrize(
    "prompt",
    ["a woman's hand holding a cup", "old ladies' tea party in a garden", "a woman named Mary",
     "a dog licking her face", "the boy's bicycle", "a Queen Victoria statue", "two chicks at a bar"],
)  # fmt: skip
def test_the_same_shapes_with_a_person_in_them_stay_protected(prompt: str) -> None:
    """A body part, an event with its people, a named person, someone's face, a specific boy: the person is
    there, so the set varies it (or holds the name back)."""
    group = accepted(prompt)
    assert group.n > 1 or group.held_back


@pytest.mark.parametrize("prompt", ["a man aged 45-50", "a woman aged 30 – 35 in a cafe"])
def test_an_age_range_goes_with_its_lower_bound(prompt: str) -> None:
    """The attacker's view: the range's upper bound must not reach the cloud beside a decoy's age."""
    group = accepted(prompt)
    assert group.n == 6 and not any(re.search(r"\d+\s*[-–]\s*\d+", c) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "value"), [("the elderly, wheelchair, nursing home, bingo night", "old"),
                                               ("the Japanese at a tea ceremony", "asian")])  # fmt: skip
def test_an_adjective_that_names_people_is_a_slot(prompt: str, value: str) -> None:
    """The attacker's view: "the elderly" states an age as plainly as "old people" and must not go out as written."""
    group = accepted(prompt)
    assert group.n > 1 and any(s.value == value for s in group.slots) and prompt not in group.order


@pytest.mark.parametrize(
    ("prompt", "value", "written"),
    [("a woman in her golden years", "old", "golden years"), ("a man in his prime, smiling", "young", "prime"),
     ("a man in his old age reading", "old", "old age"), ("a woman, 50 y.o.", "middle-aged", "50"),
     ("a 50 y.o. man with glasses", "middle-aged", "50"), ("a girl, 8 y/o, with a kite", "child", "8"),
     ("a woman, 50 years old, smiling", "middle-aged", "50"), ("a man in his 20s or 30s", "young", "30s"),
     ("a woman in her twenties-thirties", "young", "thirties"), ("my 5 year old playing", "child", "5")],
)  # fmt: skip
def test_life_stages_and_abbreviated_ages_are_the_persons_age(prompt: str, value: str, written: str) -> None:
    """The attacker's view: "in her golden years", "50 y.o." and "20s or 30s" state an age; each becomes the one
    person's age slot (one person: "a woman, 50 years old" is not a woman beside a second, ageless person), so the
    words that state it never reach the cloud beside a decoy of another age."""
    group = accepted(prompt)
    ages = [s for s in group.slots if s.name == "age"]
    assert len(ages) == 1 and ages[0].value == value, group.slots
    assert len({s.person for s in group.slots}) == 1
    assert not any(re.search(rf"\b{re.escape(written)}\b", c) for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["a man in his prime location", "the prime minister in his office"])
def test_a_stage_word_naming_a_thing_is_no_age(prompt: str) -> None:
    group = accepted(prompt)
    assert "age" not in {s.name for s in group.slots} and group.cloud_prompt == prompt


@pytest.mark.parametrize(
    "prompt",
    ["a t-shirt with Carpe Diem written on it", "a mug that says Live Laugh Love",
     "a poster saying Make America Great Again", "Hokusai's version of the Great Wave",
     "Van Gogh's painting of a starry night", "a graffiti image of a green alien wearing a tuxedo",
     "a robot wearing a tuxedo", "a tiger in a tuxedo",
     "A teddy bear wearing a cape is standing in front of Loch Awe with Kilchurn Castle behind him"],
)  # fmt: skip
def test_lettering_makers_and_things_dressed_up_are_no_person(prompt: str) -> None:
    """Words written on a thing, the maker of a work that is not in the picture, a tuxedo on an alien or a robot,
    a teddy bear's "behind him": no person is described, so the prompt goes out as written (N = 1)."""
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt and not group.held_back, (group.cloud_prompt, group.held_back)


@pytest.mark.parametrize(
    ("prompt", "held"),
    [("a cake with Happy Birthday Sarah written on it", "Sarah"), ("a woman and her dog wearing a hijab", "hijab"),
     ("Sarah's painting of a garden", None), ("a woman wearing a tuxedo", "tuxedo")],
)  # fmt: skip
def test_the_same_shapes_about_a_person_still_protect_her(prompt: str, held: str | None) -> None:
    """A gendered first name on a cake, a hijab that may be the woman's, a first name's painting: held or varied."""
    group = accepted(prompt)
    if held is None:
        assert group.n > 1
    else:
        assert any(held in h for h in group.held_back) and held not in group.cloud_prompt


@pytest.mark.parametrize(
    ("prompt", "typo", "word"),
    [("my daugther riding her bike", "daugther", "daughter"), ("a yung man skateboarding", "yung", "young"),
     ("portait of an elderley lady", "elderley", "old"), ("a mann and his dog", "mann", "man"),
     ("a beautiful womn in a red dress", "womn", "woman"), ("an old grandpaw sitting on a bench", "grandpaw", "man")],
)  # fmt: skip
def test_a_dropped_doubled_or_swapped_letter_is_read_as_the_word(prompt: str, typo: str, word: str) -> None:
    """Refusing "my daugther" is refusing an ordinary prompt: the word is read as the one it misses and rendered
    canonically, so the misspelling never reaches the cloud; the note says what was read; the device keeps the
    user's own text. A changed letter ("mage" / "male") stays a refusal (above)."""
    group = accepted(prompt)
    assert group.prompt == prompt and f"'{typo}' as" in group.note
    assert not any(typo.lower() in c.lower().split() for c in group.order), group.order
    assert word in group.cloud_prompt.split() and group.n > 1


@pytest.mark.parametrize("prompt", ["a Black family celebrating Thanksgiving", "an African family at dinner",
                                    "a Japanese couple walking in Kyoto"])  # fmt: skip
def test_an_origin_word_before_a_group_noun_is_the_groups_adjective(prompt: str) -> None:
    """"an African family" is a family, not "an African person family": every decoy reads back alike."""
    group = accepted(prompt)
    assert group.n == 5 and not any("person" in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["the Queen Mary 2 docked in New York", "an Air Force 1 sneaker"])
def test_a_capitalised_name_glued_to_a_number_is_a_thing(prompt: str) -> None:
    """A person's age follows a comma ("Mary, 2"); "Queen Mary 2" is a ship: sent as written, not refused."""
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt


def test_a_childs_age_apart_from_an_adult_word_is_refused_not_made_adult() -> None:
    """The attacker's view of "turns children into adults": "a woman, 2," has no child value, so folding her age to
    young would send an adult; it is refused, and the one-phrase form is a child. A name with its age set off
    ("Mary, 2, on a swing", red team round 33: "Willow, an 8-year-old" and "Emma, 8" were refused) writes the age in
    the name's phrase too: "A little girl, 10, on a swing", every value alike ("A young woman, 25")."""
    with pytest.raises(DetectionError, match="child's age"):
        transform("a woman, 2, on a swing")
    named = accepted("Mary, 2, on a swing")
    assert named.cloud_prompt.startswith("A little girl, 10,") and "Mary" not in " ".join(named.order), named.order
    assert all(re.match(r"An? (little|young|middle-aged|old) (girl|boy|woman|man), \d+,", c) for c in named.order)
    group = accepted("a 2-year-old girl named Mary on a swing")
    assert any(s.name == "age" and s.value == "child" for s in group.slots) and "little" in group.cloud_prompt


@pytest.mark.parametrize("prompt", ["Lady Gaga on stage", "she saw Lady Gaga on stage", "Lady Gaga and a poster"])
def test_a_title_before_an_unknown_name_is_a_named_person(prompt: str) -> None:
    """"Gaga" is no first name, but after a capitalised "Lady" it names her: it never reaches the cloud."""
    group = accepted(prompt)
    assert not any("Gaga" in c for c in group.order), group.order


@pytest.mark.parametrize(
    "prompt",
    ["a Lady Gaga concert poster on a wall", "a Queen Anne chair by a window", "a Dutch Boy paint can",
     "a Jolly Green Giant can of peas", "a Barbie doll in a convertible", "a Spider-Man action figure"],
)  # fmt: skip
def test_a_name_between_an_article_and_a_made_thing_is_its_kind(prompt: str) -> None:
    """A capitalised name in the slot of a brand ("a ... paint can": the article goes with the thing) names a
    kind of thing, not someone in the picture: the prompt goes out as written. Right before a picture noun or a
    person noun it is still someone ("an Emma Stone portrait", "a Sikh taxi driver")."""
    assert transform(prompt).order == (prompt,)
    assert transform("an Emma Stone portrait").n > 1
    assert "Sikh" not in transform("a Sikh taxi driver").cloud_prompt


@pytest.mark.parametrize(
    "prompt",
    ["a theater marquee showing Mean Girls", "a poster of Gone Girl", "a train station sign reading Kings Cross",
     "a copy of Death of a Salesman on a desk", "Ladies' Mile in Manhattan, empty street"],
)  # fmt: skip
def test_capitals_that_hold_a_word_no_person_is_are_a_title(prompt: str) -> None:
    """In a lower-case prompt, capitalised words that hold a person noun and a word that describes no one ("Mean",
    "Gone", "Cross", "Death") name a work or a place. Capitals on words that only describe people ("Old Asian
    Woman"), a title before a name ("Queen Mary") or a character who acts ("Iron Man flying") are people."""
    assert transform(prompt).order == (prompt,)
    for person in ("a photo of Old Asian Woman", "a portrait of Queen Mary", "Wonder Woman flying over a city"):
        assert transform(person).n > 1, person


@pytest.mark.parametrize("prompt", ["a young tennis player", "A female tennis player", "female construction worker"])
def test_attribute_words_stay_before_a_compound_noun(prompt: str) -> None:
    """The canonical attribute word goes before a noun used as a modifier: "a young tennis player", never "a tennis
    young player" (the red team's "A tennis male player"), in every candidate."""
    group = accepted(prompt)
    assert all(re.search(r"\b(tennis|construction) (player|worker)\b", c) for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["St. Mary's Church in the snow", "Saint Peter's Basilica at dawn"])
def test_a_saints_building_is_a_place(prompt: str) -> None:
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt


@settings(max_examples=60, deadline=None)
@given(
    subject=st.sampled_from(["a woman who", "she", "a man, who", "my neighbour, who", "the fisherman who"]),
    verb=st.sampled_from(["is", "looks", "seems", "must be", "appears to be"]),
    approx=st.sampled_from(["", "about ", "around ", "nearly "]),
    years=st.integers(min_value=20, max_value=99),  # an adult's noun with a child's age is refused, rightly
    tail=st.sampled_from(["", " years old", ", tending the roses", " and still going strong"]),
)
def test_an_age_said_by_a_verb_of_being_or_seeming_is_varied(subject: str, verb: str, approx: str, years: int,
                                                             tail: str) -> None:  # fmt: skip
    """ "a woman who looks about 60 tending her roses" went out with N = 2 and "about 60" in clear; "a grandmother
    who is 85 years old" as "an old woman who is old person" (a second person of its own). A number said of a
    person by "is", "looks", "seems", "must be", maybe approximate, maybe "years old", is that person's age: the
    set varies it, the real number is not in every candidate, and no candidate makes it a person."""
    prompt = f"{subject} {verb} {approx}{years}{tail}"
    group = transform(prompt)
    assert "age" in {s.name for s in group.slots} and len({s.person for s in group.slots}) == 1, group.slots
    assert not all(re.search(rf"\b{years}\b", c) for c in group.order), group.order
    assert not any(re.search(r"\b(is|be|looks|seems) (about |around |nearly )?\w+ person\b", c) for c in group.order)


@pytest.mark.parametrize(
    ("prompt", "said"),
    [
        ("a man, {p}-50s, grilling burgers", "50s"),
        ("a woman, {p} 30s, smiling at the camera", "30s"),
        ("a woman ({p} 40s) at her desk", "40s"),
        ("a grandfather, {p}-seventies, on a porch", "seventies"),
    ],
)
@pytest.mark.parametrize("p", ["early", "mid", "late"])
def test_a_decade_set_off_after_a_person_is_her_age(prompt: str, said: str, p: str) -> None:
    """ "a man, mid-50s, grilling burgers" went out with N = 2 and "mid-50s" in clear. A decade with early/mid/late
    set off by commas or brackets after a person is that person's age: varied, the decade never sent."""
    group = transform(prompt.format(p=p))
    assert "age" in {s.name for s in group.slots}
    assert not any(said in c or f"{p}-" in c for c in group.order), group.order
    with pytest.raises(DetectionError):  # without early/mid/late, "80s" may be the decade's style: refused, not guessed
        transform("a man, 80s, synthwave")


@pytest.mark.parametrize(
    ("prompt", "said"),
    [("a kid aged seven in a treehouse", "seven"), ("a man aged twenty five at his desk", "twenty"),
     ("a man born in the 80s playing guitar", "80s"), ("a woman born in the 1950s, portrait", "1950s"),
     ("a first grader with a backpack", None), ("graders on a field trip", None)],
)  # fmt: skip
def test_ages_said_in_other_words_are_varied(prompt: str, said: str | None) -> None:
    """ "a kid aged seven" was refused, "a man born in the 80s" went out with N = 2 and the decade in clear, "a
    first grader" was sent as "a young person" (a child turned adult). Each is an age of its person: varied, the
    words that said it not sent, and a grader is a child."""
    group = transform(prompt)
    assert "age" in {s.name for s in group.slots}
    if said is not None:
        assert not any(said in c for c in group.order), group.order
    else:
        assert group.slots[0].value == "child" and "little" in group.cloud_prompt
    assert transform("a house built in the 80s").order == ("a house built in the 80s",)


@pytest.mark.parametrize(
    "prompt",
    [f.format(s=s) for s in ("high", "middle", "grade", "elementary")
     for f in ("a {s} schooler with a backpack", "two {s} schoolers laughing")]
    + ["a high-schooler reading", "grade-schoolers on a bus", "a middle-schooler at a science fair"],
)  # fmt: skip
def test_a_pupil_of_a_school_stage_is_a_child(prompt: str) -> None:
    """ "a high schooler at prom" went out as written with N = 1: the noun states the age as "teenager" does. It is
    a child's slot, varied, and no candidate names the stage."""
    group = transform(prompt)
    assert [(s.name, s.value) for s in group.slots] == [("age", "child")], group.slots
    assert not any("schooler" in c for c in group.order) and transform(prompt).cloud_prompt.count("little") == 1


@pytest.mark.parametrize("kept", ["reading glasses", "running shoes", "walking boots"])
def test_a_held_proxy_before_an_ing_compound_keeps_its_preposition(kept: str) -> None:
    """ "an elderly woman with a hearing aid and reading glasses" went out as "an old woman reading glasses": the
    held proxy took "with" along, as if nothing were left after it, and "reading" turned into a verb. An -ing word
    before a noun is that noun's modifier, so "with" stays with it."""
    group = transform(f"an elderly woman with a hearing aid and {kept}")
    assert group.held_back and all(f"with {kept}" in c for c in group.order), group.order
    assert "with" not in transform("a man with a beard reading a book").cloud_prompt  # a verb after: "with" goes


def test_a_veil_is_held_like_a_dress() -> None:
    """ "a bride in a white veil ..., her father beside her" had the decoy "a groom in a white veil": the shared
    garment contradicted the varied gender. A veil is held back as a dress is; a veil of mist is no garment."""
    group = transform("a bride in a white veil at the altar, her father beside her")
    assert group.n == 4 and not any("veil" in c for c in group.order)
    assert transform("a veil of mist over a lake").order == ("a veil of mist over a lake",)


@pytest.mark.parametrize("word", ["Pneumonoultramicroscopicsilicovolcanoconiosis", "xenoglossiasis", "cryptobiosis"])
def test_a_greek_noun_ending_in_sis_is_no_sister(word: str) -> None:
    """PartiPrompts' "Pneumonoultramicroscopicsilicovolcanoconiosis" was refused as a word that glues "sis" into an
    unknown word. "-osis", "-iasis", "-ysis" are a Greek noun's ending; "my lilsis" is still a sister, varied."""
    assert transform(word).order == (word,)
    assert transform("my lilsis at the beach").n == 2


@pytest.mark.parametrize(
    ("tag", "phrase"),
    [("1boy", "(old man:1.3)"), ("1boy", "an old man"), ("1girl", "a young woman"), ("1girl", "(middle-aged woman:1.2)")],
)
def test_a_tag_list_names_its_one_character_once(tag: str, phrase: str) -> None:
    """ "1boy, (old man:1.3), beard" had 16 candidates: the tag and the phrase were two people with their own
    genders, so "1girl, (old man:1.3)" was a decoy that contradicts itself. A phrase of the tag's gender in the
    tag list names the tag's character: one slot, tag and phrase agree in every candidate. Two one-character tags
    are held back (`test_cloud_wording`)."""
    group = transform(f"{tag}, {phrase}, detailed face, cinematic lighting")
    assert len({s.person for s in group.slots}) == 1 and group.n == 6, group.slots
    for c in group.order:
        assert c.startswith("1boy") == (" man" in c), c
    assert not any("1girl" in c for c in transform("1boy, 1girl, couple, holding hands, sunset").order)


@pytest.mark.parametrize("p", ["", "early ", "late "])
def test_in_her_teens_is_her_age(p: str) -> None:
    """ "a boy in his early teens" went out as "a little boy in his early little children" (N = 32): "teens"
    after "in his" is the boy's age, not teenagers. One person, whose age is varied."""
    group = transform(f"a boy in his {p}teens reading a comic book")
    assert len({s.person for s in group.slots}) == 1 and "age" in {s.name for s in group.slots}
    assert not any("teens" in c or "children" in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "word", "noun"), [("a tradwife baking bread", "tradwife", "wife"),
                                                      ("a fangirl screaming at a concert", "fangirl", "woman"),
                                                      ("Two fangirls at a concert", "fangirls", "women"),
                                                      ("the gymbros at the gym", "gymbros", "men"),
                                                      ("my lilsis at the beach", "lilsis", "sister")])  # fmt: skip
def test_an_unknown_word_ending_in_a_gendered_person_word_is_that_person(prompt: str, word: str, noun: str) -> None:
    """Red team round 23: "A girlboss CEO in a power suit" went out as written (N=1), and words glued to a
    gendered person word were refused ("a tradwife baking bread"). The last part heads an English compound: an
    unknown word ending in "girl", "bro", "sis", "wife" (or their plurals) is a person of that gender and class,
    varied as a name is; the word itself stays on the device. Before another person noun ("a girlboss CEO") the
    word was a modifier sent as written, and was refused; from session 27 "girlboss" is a listed proxy, held back
    (round 74: refusing the common slang is no answer)."""
    group = accepted(prompt)
    assert group.n == 2 and word in group.held_back, (group.cloud_prompt, group.held_back)
    assert all(word not in c for c in group.order) and any(f" {noun} " in f" {c} " for c in group.order), group.order


def test_an_acronyms_plural_is_no_name() -> None:
    """Red team round 23: "A teenager studying for the SATs with flashcards" was refused ("'SATs' looks like a
    person's name"). Capitals with a plural "s" are an acronym's plural, as capitals alone are an acronym."""
    group = accepted("A teenager studying for the SATs with flashcards")
    assert group.n > 1 and all("SATs" in c for c in group.order), group.order
    assert "Zendaya" in accepted("studying with Zendaya.").held_back  # a capitalised name is still one


@pytest.mark.parametrize(("origin", "scene", "thing"), [("A Vietnamese man", "eating pho at a street stall", "pho"),
                                                        ("An African boy", "playing the djembe at a festival", "djembe"),
                                                        ("A Scottish man", "playing the bagpipes on a hill", "bagpipes"),
                                                        ("An Indian woman", "eating dosa at a table", "dosa"),
                                                        ("An old Mexican woman", "making tamales in her kitchen",
                                                         "tamales")])  # fmt: skip
def test_a_thing_of_one_origin_wordnet_lacks_is_held_beside_a_stated_origin(origin: str, scene: str, thing: str) -> None:
    """Red team round 23: the place was held but its dish, instrument or dance went with every decoy ("An Asian man
    eating pho ...", "A European man playing the bagpipes ..." beside "An African man ..."). WordNet lacks "pho"
    and "djembe" and glosses "bagpipe" with no origin: curated/regional.toml adds them to `regional`, held beside
    a stated origin as WordNet's own are. Where no origin is stated they go as written (anyone may play bagpipes)."""
    group = accepted(f"{origin} {scene}")
    assert all(thing not in c for c in group.order), group.order
    assert thing in accepted(f"A woman {scene}").cloud_prompt


@pytest.mark.parametrize(("prompt", "written"), [("a surfer girl, maybe nineteen, waxing her board", "nineteen"),
                                                 ("a man, around sixty, fishing on a pier", "sixty"),
                                                 ("my brother, eight, in a school play", "eight"),
                                                 ("a Māori man carving wood", "Māori")])  # fmt: skip
def test_an_age_in_words_and_an_accented_origin_are_read_not_sent(prompt: str, written: str) -> None:
    """Red team round 24: "a Brazilian surfer girl, maybe nineteen, ..." and "a man, around sixty, ..." sent the
    age in words with every decoy ("maybe" was no approximating word, and only digits were read after one);
    "my brother, eight, ..." was refused as a stray number; "A Māori teenager" sent "Māori" as written (the
    lexicon has "maori"). A number in words set off by commas, maybe approximated, is the person's age in years,
    as digits are; a lexicon word with a diacritic is read as its plain word."""
    group = accepted(prompt)
    assert all(written not in c for c in group.order) and group.n > 1, group.order


def test_a_lower_case_artist_whose_first_name_is_a_word_is_the_artist() -> None:
    """Red team round 24: "elderly woman, knitting, cozy, by norman rockwell, oil painting" went out as "..., by
    norman a man, ...": "norman" is an adjective too, so the artist's name stopped before "rockwell", which became
    a second person. After "by" in a lower-case prompt, a first name before a surname is the artist's name."""
    group = accepted("elderly woman, knitting, cozy, by norman rockwell, oil painting")
    assert all("by norman rockwell" in c for c in group.order) and group.n == 8, group.order


def test_a_spanish_prompt_is_refused_and_a_foreign_article_opens_no_name() -> None:
    """Red team round 24: "señora mexicana vendiendo elotes en la calle" went out as "A woman vendiendo elotes en
    la a man" ("la" was no function word of another language, so one was counted, and "calle" was read as a
    name), while a German prompt was refused. "la" counts now, each function word once ("la la land" is
    English). A foreign article before a capital ("La Sagrada Familia") opens a place's name, not a person's."""
    with pytest.raises(DetectionError, match="another language"):
        transform("señora mexicana vendiendo elotes en la calle")
    assert transform("la la land poster with a couple dancing").n == 1
    assert transform("a photo of La Sagrada Familia in Barcelona").order == ("a photo of La Sagrada Familia in Barcelona",)


@pytest.mark.parametrize(("prompt", "held"), [("A girl bowing to her grandmother on Seollal morning", "Seollal morning"),
                                              ("a woman lighting lamps on Diwali night", "Diwali night")])  # fmt: skip
def test_the_time_a_held_festival_names_leaves_with_it(prompt: str, held: str) -> None:
    """Red team round 24: "... bowing to her elders on Seollal morning" went out as "... on morning": the festival
    was held and its time noun left behind a bare preposition. The time a festival names ("morning", "night",
    "eve") leaves with it, and the orphaned preposition with them."""
    group = accepted(prompt)
    assert held in group.held_back and all(not c.endswith((" on", " on morning", " on night")) for c in group.order)


@pytest.mark.parametrize(("prompt", "proxy"), [("a lesbian couple walking their dog in Brooklyn", "lesbian"),
                                               ("a gay couple cooking breakfast together", "gay"),
                                               ("A couple celebrating their 50th wedding anniversary with champagne",
                                                "50th")])  # fmt: skip
def test_a_couple_no_word_gives_a_value_is_still_people(prompt: str, proxy: str) -> None:
    """Red team rounds 23 and 25: "a lesbian couple walking their dog" went out as written, and "A couple
    celebrating their 50th wedding anniversary": a couple or a family whose values no word states made no person,
    so no proxy was read. They are people (not "a couple of apples", "a family of ducks"), and what hints at their
    gender or age stays on the device."""
    group = accepted(prompt)
    assert any(proxy in h for h in group.held_back) and all(proxy not in c for c in group.order), (
        group.cloud_prompt, group.held_back)  # fmt: skip  # "celebrating ..." may leave with its object
    assert accepted("a family of ducks crossing a road").held_back == ()


def test_a_family_of_four_a_glued_verb_and_a_river_are_read_as_written() -> None:
    """Red team round 25: "a Vietnamese family of four eating pho" went out as "an Asian family of 10" (the count
    read as an age: "a boy of ten"); "an old manwalking his dog" went out with "old" and "manwalking" in every
    candidate (a space left out); "she runs ... along the Hudson" as "along the man". After a collective "of" and a
    number count its members; a gendered word glued to a verb's -ing form is refused like any glued word; a
    capitalised name after "the" names a river, a ship or a place (not inside quotes: 'Dwayne "The Rock" Johnson')."""
    assert all("family of 10" not in c and "family of 75" not in c for c in accepted("a family of four at the beach").order)
    with pytest.raises(DetectionError, match="manwalking"):
        transform("an old manwalking his dog")
    group = accepted("she runs every morning along the Hudson")
    assert all(c.endswith("along the Hudson") for c in group.order), group.order
    assert any("Rock" in h for h in accepted('Dwayne "The Rock" Johnson lifting weights').held_back)  # the whole name


@pytest.mark.parametrize(("prompt", "ordinal"), [("a kid celebrating his first birthday with a smash cake", "first"),
                                                 ("a woman celebrating her fiftieth birthday", "fiftieth")])  # fmt: skip
def test_a_birthday_in_words_is_an_age(prompt: str, ordinal: str) -> None:
    """Red team round 25: "a kid celebrating his first birthday" sent "first birthday" with every decoy ("an old
    person celebrating his first birthday"): only digits ("1st") were read. An ordinal in words before "birthday"
    is the age it says, rendered by each candidate's value as digits are; with no one named it is a thing's
    ("first birthday party decorations")."""
    group = accepted(prompt)
    assert all(ordinal not in c for c in group.order) and group.n > 2, group.order
    assert accepted("first birthday party decorations").n == 1


@pytest.mark.parametrize(("prompt", "held", "sent"), [
    ("A father carrying his newborn daughter in a baby carrier while hiking", "in a baby carrier", None),
    ("A Mexican mariachi singer in a charro suit on stage", "in a charro suit", None),
    ("An old man in a turban reading the Guru Granth Sahib at a gurdwara", None, "Guru Granth Sahib")])  # fmt: skip
def test_round_26_data_a_carrier_a_charro_suit_and_a_scripture(prompt: str, held: str | None, sent: str | None) -> None:
    """Red team round 26: "his newborn daughter in a baby carrier" sent the carrier beside old decoys; "a Mexican
    mariachi singer in a charro suit" sent the suit with the origin held; "reading the Guru Granth Sahib" went out as
    "reading the Guru Man". A baby carrier says a child as a stroller does (proxies.toml); a charro suit is of an
    origin no value names (regional.toml); the Guru Granth Sahib is a book (non_person_phrases.txt)."""
    group = accepted(prompt)
    if held:
        assert held in group.held_back, group.held_back
    if sent:
        assert all(sent in c for c in group.order), group.order


AGE_WORDS = re.compile(r"\b(?:little|young|middle-aged|old|elderly|older|younger|teenage|mid-twenties|mid-50s|\d+)\b")


@pytest.mark.parametrize(("prompt", "told"), [
    ("a man who is younger than he looks, mid-twenties, prematurely grey", "mid-twenties"),
    ("a man reading a book, 50, smiling", "50"),
    ("an elderly 👵 knitting a scarf by the fireplace", "elderly"),
    ("old_woman, hunchback, cane, village", "old"),
])  # fmt: skip
def test_round_30_an_age_set_off_or_alone_is_varied_not_sent(prompt: str, told: str) -> None:
    """Red team round 30 (all sent as written, N=1 or 2): an age set off after a clause ("..., mid-twenties,") has
    only the one person of its sentence to be said of; "an elderly" whose emoji the cloud never sees is a person;
    a booru tag's underscore ("old_woman") stands for a space. Each is an age slot now: the server sees every value,
    and the words as typed in no candidate (a dog's "a man and his dog, 3, playing" stays the dog's)."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots), group.order
    assert len({w for c in group.order for w in AGE_WORDS.findall(c)}) >= 3, group.order  # values, written apart
    assert not all(re.search(rf"\b{re.escape(told)}\b", c) for c in group.order), group.order
    assert not any(s.name == "age" for s in accepted("a man and his dog, 3, playing").slots)


@pytest.mark.parametrize(("prompt", "held"), [("a not-yet-teenage girl riding a skateboard, she is 12", "not-yet-teenage"),
                                              ("a portrait of a grey-bearded grandpa fixing a bicycle", "grey-bearded")])  # fmt: skip
def test_round_30_a_compound_ending_in_an_age_word_or_a_proxy_is_held(prompt: str, held: str) -> None:
    """Red team round 30: "a not-yet-teenage old man ..., he is 75" and "a grey-bearded little girl" were decoys, the
    compound sent in every candidate. A hyphenated word the lexicon does not know that ends in an age word, or in a
    proxy adjective ("bearded"), says what the word says: it stays on the device."""
    group = accepted(prompt)
    assert held in group.held_back and not any(held in c for c in group.order), group.order
    assert all("well-dressed" in c for c in accepted("a well-dressed woman").order)


@pytest.mark.parametrize(("prompt", "held"), [("a girl and her older brother", "older"),
                                              ("an older brother carrying his younger sister", "younger"),
                                              ("a photo of my little brother playing video games", "little")])  # fmt: skip
def test_round_30_a_siblings_place_in_the_family_is_held_not_varied(prompt: str, held: str) -> None:
    """Red team round 30: "a girl was being chased by her older brother" sent "her old brother" (an age beside the
    little girl); "his little brother" beside "the older one" was varied to "his old brother". Which sibling is
    older is said of two people, not one's age: it stays on the device, whichever way it points. "two little
    sisters" (no owner) are small and keep their age."""
    group = accepted(prompt)
    assert held in group.held_back and not any(re.search(rf"\b{held}\b", c) for c in group.order), group.order
    assert not any(re.search(r"\b(?:old|young|little|middle-aged) (?:brother|sister)", c) for c in group.order)
    assert any(s.name == "age" for s in accepted("two little sisters holding hands").slots)


def test_round_30_neither_the_boy_nor_his_father_names_two_people() -> None:
    """Red team round 30: "neither the boy nor his father noticed the bear" was refused as a negated identity;
    "neither ... nor" before "the"/"his" denies what they did, and both are there. "neither man nor woman" still
    says what someone is not, and is refused."""
    group = accepted("neither the boy nor his father noticed the bear behind them")
    assert len({s.person for s in group.slots}) == 2
    with pytest.raises(DetectionError):
        transform("a person, neither a man nor a woman")


def test_round_30_a_girl_chased_by_her_brother_is_two_people() -> None:
    """Red team round 30: "a girl was being chased by her older brother" needed 128 candidates: WordNet's "chased"
    (one who is pursued) was read as a third person. Past participles far more often than persons are no person
    nouns (neutral_deny.txt)."""
    group = accepted("a girl was being chased by her older brother across the yard")
    assert len({s.person for s in group.slots}) == 2 and group.n <= 32, group.slots


@pytest.mark.parametrize(("prompt", "held"), [
    ("an Indian bride and her groom during the pheras, family members around them", "pheras"),
    ("a farmer in a conical hat planting rice in a paddy", "conical hat"),
    ("photorealistic portrait of a ((beautiful young woman)), ginger hair, irish", "ginger hair"),
])  # fmt: skip
def test_round_30_data_a_rite_a_worn_hat_and_a_hair_colour_are_held(prompt: str, held: str) -> None:
    """Red team round 30: "a European bride and her groom during the pheras", "(beautiful old man), ginger hair,
    African" and "a farmer in a conical hat ... in Vietnam" (no origin stated) were sent: the rite, the hat worn and
    the hair colour each point to one origin (proxies.toml), so they stay on the device as "red hair" does. With no
    one there they are things, sent as written."""
    held_on_device(prompt, held)
    assert accepted("a conical hat on a wooden table").order == ("a conical hat on a wooden table",)


@pytest.mark.parametrize("prompt", ["a Gen Z girl filming a TikTok in her bedroom", "a zoomer girl dancing"])
def test_round_30_a_generation_before_girl_is_an_adults_age(prompt: str) -> None:
    """Red team round 30: "a Gen Z girl" (born 1997-2012) went out as "a little girl": a generation states an age
    as a number does ("a 20-year-old girl" is a young woman), so the noun's child age yields to it."""
    group = accepted(prompt)
    assert group.cloud_prompt.lower().startswith(("a young woman", "young woman")), group.cloud_prompt


@pytest.mark.parametrize(("prompt", "name"), [("Harper sitting at a café with her laptop", "Harper"),
                                              ("Donna smiling at the camera", "Donna"),
                                              ("Malik and his brother playing football", "Malik")])  # fmt: skip
def test_round_30_a_given_name_that_is_also_a_rare_person_noun_is_a_name(prompt: str, name: str) -> None:
    """Red team round 30: "Harper sitting at a café with her laptop" went out as written: "harper" (a harpist) is a
    WordNet person noun, so the name list left it out, as "donna", "victor", "malik". A person noun borne as a given
    name by >= 50,000 people in the names data and used < 3 times as a noun in SemCor is a first name too
    (scripts/build_lexicon.py); "a harper playing" stays a harpist, "hunter" and "doctor" stay nouns."""
    group = accepted(prompt)
    assert name in group.held_back and not any(name in c for c in group.order), group.order
    assert accepted("a harper playing at the court").order == ("a harper playing at the court",)
    assert accepted("Doctor talking to patient in hospital room").n == 1


@pytest.mark.parametrize(("prompt", "told"), [
    ("a boy, no older than ten, selling lemonade on the sidewalk", "ten"),
    ("a woman who is not young anymore but not old either, reading in a cafe", "not old either"),
    ("a man who isn't young anymore", "young anymore"),
])  # fmt: skip
def test_round_31_a_bound_or_a_denied_age_is_the_persons_age(prompt: str, told: str) -> None:
    """Red team round 31: "a middle-aged man, no older than ten" and "a woman who is not old anymore but not old
    either" were decoys: the bound was sent as typed beside every value, and the denied age was varied in its
    negation, which no one writes. A bound ("no older than N") is written with each value's years; an age denied
    as past ("not young anymore") is the next one on the scale, varied as a predicate ("who is middle-aged")."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(told in c for c in group.order), group.order
    assert not any(re.search(r"not (?:old|middle-aged) anymore", c) for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["a b o y riding a bike", "W O M A N in a red dress"])
def test_round_31_a_person_word_spelled_letter_by_letter_is_refused(prompt: str) -> None:
    """Red team round 31: "a b o y riding a bike" went out as written, N=1. Single letters that spell a person word
    are refused, naming the word; "the letters a b c d" and "U S A flag" spell none and are sent."""
    with pytest.raises(DetectionError, match="letter by letter"):
        transform(prompt)
    assert accepted("the letters a b c d on a board").n == 1


@pytest.mark.parametrize(("prompt", "held"), [("a woman, having a hot flash, fanning herself", "hot flash"),
                                              ("a person with a prominent adam's apple", "adam's apple"),
                                              ("an Inuit hunter in a fur parka beside an igloo", "igloo")])  # fmt: skip
def test_round_31_data_a_body_and_a_dwelling_are_held(prompt: str, held: str) -> None:
    """Red team round 31: "a little boy, having a hot flash" (after "menopause" was held), "an adam's apple" beside
    either gender, and "beside an igloo" after "Inuit" was held, were sent (proxies.toml, regional.toml)."""
    held_on_device(prompt, held)


def test_round_31_her_before_a_possessive_is_an_object() -> None:
    """Red team round 31: "He offers her his seat" went out as "He offers the former's his seat" in every candidate:
    "her" before "his" was read as a possessive. A possessive takes a noun, not another possessive."""
    group = accepted("Two people at a bus stop: one is an elderly woman, the other a teenage boy. He offers her his seat.")
    assert all(c.endswith(("offers her his seat.", "offers him her seat.", "offers her her seat.", "offers him his seat."))
               for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "name"), [("Big Mike and his little sister at a barbecue", "Big Mike"),
                                              ("Old Tom and his dog", "Tom")])  # fmt: skip
def test_round_31_a_nickname_before_and_his_is_a_name(prompt: str, name: str) -> None:
    """Red team round 31: "Big Mike and his little sister" kept "Big Mike" as a thing's name while "his" was varied
    ("Big Mike and her brother"). A nickname's adjective and a first name before "and his"/"and her" open a
    person's name, as before an -ing verb ("Wild Rose and her petals" stays a flower)."""
    group = accepted(prompt)
    assert name in group.held_back and not any(name in c for c in group.order), group.order
    assert accepted("Wild Rose and her petals").n == 1


@pytest.mark.parametrize("prompt", ["Cheerful african american family having picnic in park", "Happy Asian woman at home",
                                    "Cheerful African family having picnic in park"])  # fmt: skip
def test_round_31_a_stock_captions_capitals_before_an_origin_are_no_name(prompt: str) -> None:
    """Red team round 31: "Cheerful african american family having picnic in park" was refused, and its decoy
    "Cheerful African family" went out unvaried (read as a family named "Cheerful African", like "the Simpson
    family"); "Happy Asian woman" made "Happy Asian" a person (Happy is a first name). A capitalised adjective
    before an origin and the people it describes opens their phrase: the origin is varied."""
    group = accepted(prompt)
    assert any(s.name == "ethnicity" for s in group.slots) and group.n >= 5, group.order
    assert len({s.person for s in group.slots}) == 1


def test_round_31_an_appositive_that_adds_an_age_to_a_kin_word_is_that_person() -> None:
    """Red team round 31: "her son, a toddler in a yellow raincoat, jumping in puddles" made the toddler a second
    person, varied apart from the son. An appositive set off after a kin or role word, stating only what that word
    does not ("a toddler": an age), is the same person; "a woman, a child, playing" stays a list of two."""
    group = accepted("her son, a toddler in a yellow raincoat, jumping in puddles")
    assert len({s.person for s in group.slots}) == 2  # "her" and the son
    son = [s for s in group.slots if s.name == "age"]
    assert len(son) == 1 and any(s.person == son[0].person and s.name == "gender" for s in group.slots)
    assert len({s.person for s in accepted("a woman, a child, playing").slots}) == 2


@pytest.mark.parametrize("prompt", ["portrait of a person, male:0.8, female:0.2, androgynous, soft light",
                                    "a farmer, age: 60, holding corn", "gender: female, age: 60"])  # fmt: skip
def test_round_31_a_glued_weight_is_no_age_and_an_age_field_is_one(prompt: str) -> None:
    """Red team round 31: "male:0.8" was refused as a stray age (a weight glued to its word, without brackets), and
    "age: 60" as a number next to a person. A fraction after a glued colon is a weight; "age:" before a number is
    the age of the person the field describes, varied ("age: 75")."""
    group = accepted(prompt)
    assert group.n >= 4 and all("0.8" in c for c in group.order if "0.8" in prompt)
    if "age:" in prompt:
        assert any(s.name == "age" for s in group.slots) and not any("age: 60" in c for c in group.order)


@pytest.mark.parametrize("prompt", ["a boomer couple on a cruise ship deck", "Happy senior couple sitting on sofa at home"])
def test_round_31_a_couple_has_no_child_decoy(prompt: str) -> None:
    """Red team round 31: "a little couple on a cruise ship deck", "Happy little couple sitting on sofa" were decoys
    no one writes, so the real one was among the adult ages. A couple is adults, as a wife is: no child value."""
    group = accepted(prompt)
    assert group.n == 3 and not any("little" in c for c in group.order), group.order


def test_round_31_a_plural_appositive_after_two_names_is_held() -> None:
    """Red team round 31: "Summer and Autumn, two sisters, jumping into a lake" went out as "A woman and two sisters"
    (the appositive read as Autumn's, three people in the view). A plural person phrase set off after two people
    joined by "and" says who they are: held on the device, so no decoy reads "A man and a man, two sisters"."""
    group = accepted("Summer and Autumn, two sisters, jumping into a lake")
    assert "two sisters" in group.held_back and len({s.person for s in group.slots}) == 2, group.order
    assert not any("sisters" in c or "brothers" in c for c in group.order)


@pytest.mark.parametrize(("prompt", "told"), [("a woman of Japanese descent arranging flowers", "Japanese"),
                                              ("a man of Filipino origin cooking adobo", "Filipino"),
                                              ("an Indian-born CEO speaking at a conference", "Indian-born"),
                                              ("a toddler boy from Kenya taking his first steps", "Kenya")])  # fmt: skip
def test_round_32_an_origin_said_with_descent_birth_or_from_is_varied_or_held(prompt: str, told: str) -> None:
    """Red team round 32: "of Japanese descent", "of Filipino origin" and "Indian-born" went out as written beside
    every candidate; "from Kenya taking his first steps" made Kenya a person ("a little boy from a person"). The
    origin is the person's ethnicity: varied in place ("of Asian descent", "an Indian CEO") or held with its
    preposition; a place after from/in is no name."""
    group = accepted(prompt)
    assert not any(told in c for c in group.order), group.order
    assert any(s.name == "ethnicity" for s in group.slots) or any(told in h for h in group.held_back)
    assert not any("a person" in c for c in group.order if "Kenya" in prompt)


@pytest.mark.parametrize(("prompt", "told"), [("a teenage boy, fourteen or so, skateboarding", "fourteen"),
                                              ("a guy, 22 at most, holding his diploma", "22")])  # fmt: skip
def test_round_32_a_hedged_age_set_off_is_varied(prompt: str, told: str) -> None:
    """Red team round 32: "fourteen or so", "22 at most" were refused as stray numbers: a hedge after a set-off age
    leaves with it ("a man, 25, holding his diploma")."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(told in c for c in group.order), group.order


def test_round_32_a_parent_of_two_has_two_children_and_a_stetson_is_a_hat() -> None:
    """Red team round 32: "The CEO, 45, ..., mother of two" was refused as a child's age said apart ("of two" read as
    an age), and "a cowboy in a Stetson roping cattle" went out as "a cowboy in a man" (Stetson is a first name too).
    A parent "of two" has two children; a name takes no article ("a Maria Lopez painting" has her surname)."""
    assert accepted("a mother of two reading").n == 2
    assert accepted("a father of three").order == ("a father of three",) or accepted("a father of three").n == 2
    group = accepted("a cowboy in a Stetson roping cattle on a Texas ranch")
    assert all("Stetson" in c for c in group.order) and group.n == 2, group.order


@pytest.mark.parametrize("prompt", ["the Seven Sisters cliffs in England on a sunny day",
                                    "the Three Sisters rock formation in the Blue Mountains, foggy morning"])  # fmt: skip
def test_round_32_a_landmark_named_after_people_is_sent_as_written(prompt: str) -> None:
    """Red team rounds 31-32: "the Seven Sisters cliffs" went out as "the person cliffs", "the Three Sisters rock
    formation" with the decoy "the Three brothers". "the", a capitalised number and capitalised people, then a thing,
    name a landmark; "the Three Sisters smiling" are people."""
    assert accepted(prompt).order == (prompt,)
    assert accepted("the Three Sisters smiling on stage").n == 2


def test_round_32_data_a_kirpan_is_held_with_the_turban() -> None:
    """Red team round 32: "a person in a turban and kirpan" went out as "a person in kirpan" (proxies.toml)."""
    group = accepted("a person in a turban and kirpan serving langar at the Golden Temple")
    assert not any("kirpan" in c or "turban" in c for c in group.order), group.order


def test_round_32_an_origin_tag_after_a_set_off_age_is_the_same_persons() -> None:
    """Red team round 32: "a man who just became a grandfather, mid-fifties, Mexican, holding a newborn" was refused
    (the tag "Mexican" could belong to either of two people): a tag right after a person's set-off age is said of
    that person ("a woman, 30, Korean, reading" varies her origin with her age)."""
    group = accepted("a woman, 30, Korean, reading")
    assert {s.name for s in group.slots} == {"gender", "age", "ethnicity"} and len({s.person for s in group.slots}) == 1
    held = accepted("a man who just became a grandfather, mid-fifties, Mexican, holding a newborn in the hospital hallway")
    assert "Mexican" in held.held_back and not any("Mexican" in c for c in held.order)


@pytest.mark.parametrize("prompt", ["subject: man | age: 70s | origin: japanese | setting: zen garden | style: ukiyo-e",
                                    "gender: female, age: 35, ethnicity: asian"])  # fmt: skip
def test_round_32_a_character_sheets_age_and_origin_fields_are_its_persons(prompt: str) -> None:
    """Red team round 32: "subject: man | age: 70s | origin: japanese" was refused ("70s" a stray number); once read,
    "origin: japanese" became a second, plural person ("origin: Asian people"). A field's decade is the sheet's
    person's age ("age: 75"), an origin field that person's ethnicity ("origin: Asian"), one person in all."""
    group = accepted(prompt)
    assert {s.name for s in group.slots} == {"gender", "age", "ethnicity"} and len({s.person for s in group.slots}) == 1
    assert not any("people" in c or "person" in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["The matriarch's five grown children visiting her", "her adult children at a reunion"])
def test_round_33_grown_children_are_adults(prompt: str) -> None:
    """Red team round 33: "five grown children" went out as "five little friends" (or was refused: "grown" and the
    child noun disagreed), "her adult children" as "her adult little children". Before a child noun, "grown" and
    "adult" say offspring who are adults: the age is theirs, never "little"."""
    group = accepted(prompt)
    assert "little" not in group.cloud_prompt and "adult little" not in " ".join(group.order), group.order
    assert any(s.name == "age" for s in group.slots)


@pytest.mark.parametrize(("prompt", "held"), [("a matronly Korean woman serving tea", "matronly"),
                                              ("a Nigerian woman dancing at an owambe party", "owambe"),
                                              ("a Korean grandmother during kimjang season", "kimjang"),
                                              ("a woman applying blush", "applying blush"),
                                              ("an old lady with a gray bun", "gray bun")])  # fmt: skip
def test_round_33_data_near_kin_of_held_words_are_held(prompt: str, held: str) -> None:
    """Red team round 33: "a matronly European man", "owambe" and "kimjang" beside a stated origin of another value,
    "applying blush" where lipstick is held, "a gray bun" where "gray hair" is (proxies.toml, regional.toml)."""
    held_on_device(prompt, held)


@pytest.mark.parametrize(("prompt", "name"), [("Big Mike the bouncer standing at the door", "Mike"),
                                              ("Old Tom the fisherman", "Tom")])  # fmt: skip
def test_round_33_a_nickname_with_an_epithet_is_a_name(prompt: str, name: str) -> None:
    """Red team round 33: "Big Mike the bouncer" went out N=1 with the name; "Old Tom the fisherman" with "Tom" beside
    the decoy "fisherwoman". A nickname before "the" and a person noun is a name with its epithet."""
    group = accepted(prompt)
    assert not any(name in c for c in group.order), group.order
    assert accepted("Felix the cat").n == 1


@pytest.mark.parametrize("prompt", ["solo, mature female, office lady, glasses, pencil skirt, city background",
                                    "solo, mature female, lady, glasses"])  # fmt: skip
def test_round_33_a_role_tag_or_a_solo_tag_list_names_one_person(prompt: str) -> None:
    """Red team round 33: "solo, mature female, office lady" varied "office lady" as a second person ("solo, young
    man, office lady"), which "solo" (one character) and the role ("office", a kind of worker) rule out. With "solo",
    or with a role word, a bare person tag after one person describes that person ("man, woman, beach" stays two)."""
    group = accepted(prompt)
    assert len({s.person for s in group.slots}) == 1 and group.n == 8, group.order
    assert len({s.person for s in accepted("man, woman, beach").slots}) == 2


@pytest.mark.parametrize(
    ("prompt", "mixed"),
    [("a teenage boy, half Irish half Ghanaian, sitting on a stoop", "half Irish half Ghanaian"),
     ("a half-Korean man reading a newspaper", "half-Korean"),
     ("a woman who is half Japanese, half Brazilian", "half Japanese, half Brazilian"),
     ("a man of mixed Irish and Nigerian descent", "of mixed Irish and Nigerian descent"),
     ("a part-Cherokee grandmother weaving", "part-Cherokee")],
)  # fmt: skip
def test_round_34_a_mixed_origin_is_held_whole(prompt: str, mixed: str) -> None:
    """Red team round 34: "half Irish half Ghanaian" went out as "half European people half person" in every
    candidate, "a half-Korean man" as "an Asian man". A person of two origins, or of a share of one, has no one value
    of the slot: like "biracial", the whole phrase stays on the device ("who is" with it) and no ethnicity is varied;
    a share of a thing is no one's origin."""
    group = held_on_device(prompt, mixed)
    assert "ethnicity" not in {s.name for s in group.slots} and not re.search(r"people|person|who is", group.cloud_prompt)
    for thing in ("half Mexican food on a plate", "a man cutting a cake in half, Japanese style"):
        assert "Mexican" in accepted(thing).cloud_prompt or "Japanese" in accepted(thing).cloud_prompt


def test_round_34_a_grandparents_count_stays_on_the_device() -> None:
    """Red team round 33: "a grandmother of nine" was refused: her decoys are written by age ("a little girl of
    nine"), where "of nine" reads as her age. The count stays on the device; a parent's noun stays a parent's in every
    candidate ("a father of two"), so its count is sent."""
    group = held_on_device("a grandmother of nine baking pies", "of nine")
    assert {s.name for s in group.slots} == {"age", "gender"} and group.n == 8
    assert all(" of two " in c for c in accepted("a mother of two walking").order)


@pytest.mark.parametrize("prompt", ["Willow, 8, reading in a treehouse", "Willow, an 8-year-old, reading in a treehouse",
                                    "Emma, an 8-year-old, reading in a treehouse"])  # fmt: skip
def test_round_34_a_name_with_its_age_set_off_is_a_child(prompt: str) -> None:
    """Red team round 33: "Willow, an 8-year-old" was refused, and "Willow, 8," (a tree too) went out N=1 as written.
    An age between commas after a capitalised word makes it a person's name; "an 8-year-old" apposed to a name is
    the name's phrase ("A little girl reading"), as "a retired firefighter" is."""
    group = accepted(prompt)
    assert "Willow" not in " ".join(group.order) and "Emma" not in " ".join(group.order)
    assert any(s.name == "age" and s.value == "child" for s in group.slots) and group.n == 8, group.order
    assert accepted("Paris, 1920, a street at night").n == 1


def test_round_34_years_young_after_is_an_age() -> None:
    """Red team round 33: "a grandmother who is 82 years young" went out as "a little boy who is 10 years young",
    the decoys keeping "young", and the context check refused it for that word. After "is", "N years young" is the
    age, written "N years old" in every candidate."""
    group = accepted("a grandmother who is 82 years young, dancing at a party")
    assert all("years old" in c and "young," not in c for c in group.order), group.order


def test_round_34_grandkids_are_grandchildren() -> None:
    """Red team round 33: "a little boy with his grandkids" was a decoy of an old man's prompt ("grandkids" was no
    word the lexicon knew, so it went out beside a child owner). They are grandchildren: a possessed child, written
    "little friends" as "his grandchildren" is."""
    for prompt in ("an old man with his grandkids at the park", "a grandma holding her grandbaby"):
        group = accepted(prompt)
        assert not any("grand" in c for c in group.order), group.order


def test_round_34_an_uncle_is_no_child() -> None:
    """Red team round 34: "a young uncle carrying his niece" had the decoys "a little uncle", "a little aunt", which
    mark themselves; uncles, aunts, in-laws and godparents are grown (WordNet senses, `build_senses.ADULT_SYNSETS`)."""
    group = accepted("a young uncle carrying his niece on his shoulders")
    assert not any("little uncle" in c or "little aunt" in c for c in group.order)
    assert any(s.name == "age" and len(s.space) == 3 for s in group.slots)


@pytest.mark.parametrize(("prompt", "held"), [("an Irish girl at a St. Patrick's Day parade", "Patrick"),
                                              ("an old man with a comb-over", "comb-over"),
                                              ("a woman with gray roots showing and reading glasses", "showing")])  # fmt: skip
def test_round_34_proxies_with_their_words(prompt: str, held: str) -> None:
    """Red team round 34: "St Patrick's Day" beside "an Irish girl" (a saint's feast, read as a church's name, kept),
    "a comb-over" beside a child decoy, and "with gray roots showing and reading glasses" sent as "a woman showing
    and reading glasses" (the participle left behind by its proxy)."""
    group = held_on_device(prompt, held)
    if "reading glasses" in prompt:
        assert group.cloud_prompt == "a woman with reading glasses"


def test_round_34_a_booru_aged_up_tag_is_no_age() -> None:
    """Red team round 34: "1girl, aged up" went out as "1girl, old up" beside "young up". "aged up" draws a character
    older than its source, no value of the scale; "an aged man" is still old."""
    assert all("aged up" in c for c in accepted("1girl, aged up, ponytail, hoodie").order)
    assert "old man" in accepted("an aged man").cloud_prompt


def test_round_34_a_pronoun_named_again_by_a_neutral_noun() -> None:
    """Red team round 34: "A teacher and a student ...; he is writing ... while she takes notes." was refused: "she"
    was written "the teacher", which the closure check read back as "the former" (two people of one class). Neutral
    nouns keep their word in every candidate, so "the teacher" binds by its word; gendered ones still by order."""
    group = accepted("A teacher and a student in a classroom; he is writing on the chalkboard while she takes notes.")
    assert all("the teacher takes notes" in c for c in group.order)
    assert "the latter holds" in accepted("a king and a queen, the queen holds a scepter").cloud_prompt


@pytest.mark.parametrize("prompt", ["an elderly Japanese walking in the rain", "a Korean smiling at the camera",
                                    "two Chinese playing cards", "a Japanese dancing"])  # fmt: skip
def test_round_35_an_origin_word_that_names_people_acting_is_a_person(prompt: str) -> None:
    """My probes after round 35: "an elderly Japanese walking" went out N=1, age and origin in clear ("Japanese"
    described "walking" as it does "a Japanese painting"); "an old Chinese selling tea" as "an old Asian people". After
    a determiner or a number, an origin word before an -ing word that ends the phrase is a person doing it, singular
    after "a"; a made thing or an event ("a Japanese painting", "a Yoruba wedding") is still a thing's kind."""
    group = accepted(prompt)
    assert any(s.name == "ethnicity" for s in group.slots) and not re.search(r"Japanese|Korean|Chinese", group.cloud_prompt)
    assert "people" not in group.cloud_prompt or prompt.startswith("two")
    for thing in ("a Japanese painting of a horse", "a Yoruba wedding", "a Japanese carving"):
        assert accepted(thing).n == 1


def test_round_35_an_age_tag_of_a_lone_character_is_varied() -> None:
    """Red team round 35: "solo, male focus, elderly, cane, kimono" went out N=1 with "elderly" in clear ("male focus"
    and "kimono" were held, so no person was left to own the tag). With "solo" or "male/female focus" the tags draw
    one character: a lone age tag is theirs, varied in place ("teenage", "young", ...); with no one, it is the scene's."""
    group = accepted("solo, male focus, elderly, cane, kimono, japanese garden, 8k uhd")
    assert not any("elderly" in c for c in group.order) and {c.split(", ")[1] for c in group.order} == {
        "teenage", "young", "middle-aged", "old"}
    assert accepted("sunset, beach, old").n == 1


def test_round_35_a_title_after_a_subject_pronoun_is_a_verb() -> None:
    """Red team round 35: 'Dear Mom, I miss you.' went out as 'I woman you' beside 'I man you'."""
    for prompt in ('A soldier writes a letter home: "Dear Mom, I miss you."', "we miss our old home"):
        assert all(" miss " in c for c in accepted(prompt).order)
    assert "woman" in accepted("a portrait of a miss").cloud_prompt


def test_round_35_a_tenure_says_an_age() -> None:
    """Red team round 35: "a woman who just retired after 35 years of teaching" held "retired" and sent "a woman who
    just after 35 years of teaching" (the tenure says old, and the clause was broken). A tenure of ten years or more
    of work or a bond is held like "retired", and a held verb takes its relative clause with it."""
    group = held_on_device("a woman who just retired after 35 years of teaching, cleaning out her classroom", "35 years")
    assert group.cloud_prompt == "a woman, cleaning out her classroom"
    held_on_device("a nurse with 30 years of experience checking a chart", "30 years")
    assert accepted("a man with 2 years of experience").n == 2 and accepted("a house with 100 years of history").n == 1


def test_round_35_a_nationality_after_a_value_is_held_not_refused() -> None:
    """Red team round 35: "a white American soccer mom" was refused ("both caucasian and held"). A nationality outside
    the value space after a value word says nothing against it: held back, the value varied. "South African", a held
    pair whose own "African" says no value, is refused as before."""
    for prompt, held in (("a white American soccer mom in a minivan", "American"), ("a Black American woman", "American")):
        group = held_on_device(prompt, held)
        assert any(s.name == "ethnicity" for s in group.slots)
    with pytest.raises(DetectionError):
        transform("South African")


def test_round_35_one_person_named_again_in_one_clause() -> None:
    """Red team round 35: "a widow visiting her late husband's grave with her two sons" was refused: "her" binds by
    position to the husband, so the view writes "the widow's", which the closure check read as a new person (one
    clause). A possessive "the X's" after "an X" names that X again. "her baby, a little boy, is asleep" was two people
    (and over the budget): an appositive that agrees with an owned person and adds a value is that person."""
    group = accepted("a widow visiting her late husband's grave with her two sons")
    assert all(re.search(r"the widow(er)?'s two (sons|daughters)", c) for c in group.order), group.order
    baby = accepted("A young mother pushes a stroller; her baby, a little boy, is asleep inside.")
    assert len({s.person for s in baby.slots}) == 2
    assert len({s.person for s in accepted("a woman, a child, playing").slots}) == 2


def test_round_35_a_relative_clause_names_its_subject() -> None:
    """Red team round 35: "The doctor, who was an older man, explained the results to the young woman" sent "... to
    the former" (the doctor and "an older man" were two people, and "the young woman" named one of them). The
    relative clause's noun is the doctor; the woman, introduced with "the" where the decoys could make her the doctor,
    is refused with what to change."""
    with pytest.raises(DetectionError, match="introduce the new person"):
        transform("The doctor, who was an older man, explained the results to the young woman.")
    group = accepted("The doctor, who was an older man, explained the results to a young woman.")
    assert len({s.person for s in group.slots}) == 2


@pytest.mark.parametrize(("prompt", "held"), [("a freshman in high school nervously walking into the cafeteria",
                                               "in high school"),
                                              ("a man with a deep voice singing opera", "deep voice")])  # fmt: skip
def test_round_35_school_and_voice_are_held(prompt: str, held: str) -> None:
    """Red team round 35: "an old person in high school" and "a woman with a deep voice" were decoys beside the words
    that contradict them ("in college", "a high school senior" and "stubble" were held already)."""
    held_on_device(prompt, held)


def test_round_35_a_person_first_named_with_the_is_named_again_by_order() -> None:
    """Red team round 35: '"I'm not going," said the boy to his mother, crossing his arms.' was refused: "his" binds
    by position to the mother, so the view wrote "the little boy's arms", which a decoy with a father read back as
    either of two males. A person first named with "the" is named again by order ("the former's arms")."""
    group = accepted('"I\'m not going," said the boy to his mother, crossing his arms.')
    assert all("the former's arms" in c for c in group.order), group.order
    assert "The woman orders" in accepted("A woman and her son walk in. She orders while he points").cloud_prompt


def test_round_36_an_origin_in_a_relative_clause_after_a_comma_is_varied() -> None:
    """Red team round 36: "the chef, who is Italian, tossing pizza dough" went out N=1 with "Italian": the predicate
    looked for its owner right before "who", where the comma stood."""
    group = accepted("the chef, who is Italian, tossing pizza dough")
    assert any(s.name == "ethnicity" for s in group.slots) and not any("Italian" in c for c in group.order)


@pytest.mark.parametrize("prompt", ["a Black British teenager walking", "a white Russian man"])
def test_round_36_a_race_word_beside_a_nationality_is_the_value(prompt: str) -> None:
    """Red team round 36: "a Black British teenager" and "a white Russian man" were refused as two values. A race
    word says the value; the nationality beside it says where from, and is written with the value ("a Caucasian
    man"); "a White Russian cocktail" is still a drink."""
    group = accepted(prompt)
    assert any(s.name == "ethnicity" for s in group.slots)
    assert not any("British" in c or "Russian" in c for c in group.order), group.order
    assert accepted("a White Russian cocktail on a bar").n == 1


def test_round_36_booru_multiple_girls_are_no_children() -> None:
    """Red team round 36: "multiple girls, 3girls, beach volleyball" went out as "multiple little girls": the booru
    tag for several characters of one gender says no child's age."""
    group = accepted("multiple girls, 3girls, beach volleyball, sweat")
    assert not any("little" in c for c in group.order) and "age" not in {s.name for s in group.slots}


def test_round_36_a_capitalised_product_name_ending_in_a_person_noun() -> None:
    """Red team round 36: "a boy holding a Game Boy" went out as "a little boy holding a Game little boy" (N=64)."""
    group = accepted("a boy holding a Game Boy in 1995, film photo")
    assert all("a Game Boy" in c for c in group.order) and group.n == 8
    assert {s.name for s in accepted("Happy Asian woman smiling").slots} == {"ethnicity", "gender"}  # an adjective before


def test_round_36_a_proxy_clause_before_and_who_goes_whole() -> None:
    """Red team round 36: "a man who is wearing a turban and who looks tired" went out as "a man who is wearing who
    looks tired" (the turban took the "and" as a list's)."""
    assert accepted("a man who is wearing a turban and who looks tired").cloud_prompt == "a man who looks tired"
    assert accepted("a woman with a hijab and glasses").cloud_prompt == "a woman with glasses"


def test_round_36_an_emoji_in_a_nouns_place_leaves_person() -> None:
    """Red team round 36: "a 👩 cooking in a kitchen 🍳" went out as "a cooking in a kitchen"."""
    assert accepted("a 👩 cooking in a kitchen 🍳").cloud_prompt == "a person cooking in a kitchen 🍳"  # (round 41:
    # an emoji that tells nothing is sent)
    assert accepted("👵🏽 knitting a sweater").cloud_prompt == "A person knitting a sweater"  # round 40: a subject


def test_round_36_a_school_before_a_thing_names_its_kind() -> None:
    """My probe after round 35's fix: "a girl in high school band uniform" was refused, "a girl in college sweatshirt"
    sent as "a little girl sweatshirt": a school before a thing names the thing's kind; the school is held, the
    preposition stays with the thing."""
    assert accepted("a girl in college sweatshirt").cloud_prompt == "a little girl in sweatshirt"
    held_on_device("a girl in high school band uniform", "high school")


@pytest.mark.parametrize("prompt", ["a Japanese greeting card on a desk", "Scandinavian living room, white walls"])
def test_an_ing_compound_after_an_origin_word_is_a_thing(prompt: str) -> None:
    """My probes: "a Japanese greeting card" went out as "an Asian people greeting card", "Scandinavian living room"
    as "European person living room": an -ing word before a noun was read as a verb and its object. WordNet names
    "greeting card" and "living room" as one thing (`Senses.ing_compounds`); "selling tea" is still a verb's."""
    assert accepted(prompt).order == (prompt,)
    assert accepted("an old Chinese selling tea in a market").n == 20


@pytest.mark.parametrize("prompt", ["1girl, maid, cleaning", "a housewife cooking dinner"])
def test_a_marked_counterpart_is_written_with_the_neutral_noun(prompt: str) -> None:
    """Red team round 36: "1girl, maid" had the decoy "1boy, manservant", a word no one writes. Where one gender's form
    of a class is marked ("manservant", "househusband"), every value writes the neutral noun with a gender word."""
    group = accepted(prompt)
    assert not any("manservant" in c or "househusband" in c for c in group.order)
    assert any("female" in c for c in group.order) and any("male " in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "word"), [("a *elderly* man with a cane", "elderly"),
                                              ("**an** _old woman_ in a garden", "old"),
                                              ("a man (who is old) sitting on a bench", "old")])  # fmt: skip
def test_round_37_markdown_and_brackets_do_not_hide_an_age(prompt: str, word: str) -> None:
    """Red team round 37: "a *elderly* man" went out with "*elderly*" in every candidate, "**an** _old woman_" had the
    decoy "**an** _little boy_" (the article agreeing only with the real value), "(who is old)" was sent as written.
    Markdown emphasis is read through, and a relative clause in brackets is said of the person before it."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots), group.order
    assert sum(f" {word} " in f" {c} " or f"*{word}" in c for c in group.order) < len(group.order)
    assert not any(re.search(r"\ban[*_ ]+(little|young|middle)|\ba[*_ ]+old", c) for c in group.order), group.order
    assert accepted("1girl, smile, :*").order[0].endswith(":*")


def test_round_37_two_subjects_share_a_bare_verb() -> None:
    """Red team round 37: "He and his twin sister share a birthday cake" never varied the sister: "sister" was read as
    a kind of "share". After two subjects joined by "and", a bare verb before its object is their verb."""
    group = accepted("He and his twin sister share a birthday cake.")
    assert len({s.person for s in group.slots}) == 2 and any("brother" in c for c in group.order)


def test_round_37_a_headline_subject_is_a_person() -> None:
    """Red team round 37: "Local teen wins regional spelling bee" went out N=1 with "teen" ("teen" described "wins").
    A headline's singular subject before an -s verb and its bare object is a person; tags stay tags."""
    group = accepted("Local teen wins regional spelling bee, poses with trophy")
    assert any(s.name == "age" for s in group.slots) and not any(" teen " in c for c in group.order)
    for tag in ("Indian spices in bowls on a rustic table", "wizard robes, fantasy art", "Teen fashion trends 2024"):
        assert accepted(tag).n == 1


def test_round_37_at_an_age_after_a_person() -> None:
    """Red team round 37: "my dad at 70 still crushing it on the mountain bike" was refused (a number beside a person).
    "at" and 13 to 120 years right after a person is their age, written "75 years old"; a time or a speed is not."""
    group = accepted("my dad at 70 still crushing it on the mountain bike #fitover60")
    assert any(s.name == "age" and s.value == "old" for s in group.slots) and not any("70" in c for c in group.order)
    assert accepted("a woman at 5 pm in a cafe").n == 2 and accepted("a man at 70 mph on a highway").n == 2


def test_round_37_the_second_item_of_a_with_list_may_be_held() -> None:
    """Red team round 37: "an old man with a hearing aid and a walking cane" was refused: the parser held "a hearing
    aid and", the context check could offer only "with a hearing aid", and the cane said old. The item after "and"
    is a span too."""
    from obclip.device.outbound import PrivacyOptions, protect

    group = protect("an old man with a hearing aid and a walking cane", PrivacyOptions())
    assert group.n > 1 and not any("cane" in c for c in group.order)


@pytest.mark.parametrize(("prompt", "held"), [("a Chinese grandmother handing out red envelopes", "red envelopes"),
                                              ("a half Japanese man at a matsuri", "matsuri"),
                                              ("a Mexican family celebrating with sugar skulls", "sugar skulls"),
                                              ("a Filipino OFW mom video-calling her kids", "OFW")])  # fmt: skip
def test_round_38_what_tells_a_stated_origin_is_held(prompt: str, held: str) -> None:
    """Red team round 38: "red envelopes" went out beside "a Chinese grandmother" (40 candidates, the Asian ones
    standing out), "sugar skulls" beside a held "Mexican", "OFW" (an overseas Filipino worker) beside "a Filipino mom";
    a mixed origin ("half Japanese"), held, is still an origin stated: what tells one origin around it is held too."""
    held_on_device(prompt, held)
    assert accepted("a red envelope on a table").n == 1


def test_round_38_giving_birth_is_held_with_its_clause() -> None:
    """Red team round 38: "a man holding his wife's hand while she gives birth" had the decoy "while he gives birth";
    held, the subordinate clause leaves whole ("while she" was sent)."""
    group = held_on_device("a man holding his wife's hand while she gives birth", "gives birth")
    assert group.cloud_prompt == "a man holding his wife's hand"


def test_round_38_a_capitalised_word_named_after_a_person_is_a_name() -> None:
    """Red team round 38: "a boy named Hunter" sent "Hunter" (a common noun too) while "named Grace" was held."""
    held_on_device("a boy named Hunter playing", "Hunter")
    assert accepted("a dog named Hunter").n == 1


@pytest.mark.parametrize(("prompt", "word"), [("a fille in a café in Paris drinking café au lait", "fille"),
                                              ("a homme in a suit reading", "homme")])  # fmt: skip
def test_round_39_a_foreign_person_noun_after_an_english_article_is_a_person(prompt: str, word: str) -> None:
    """Red team round 39: "a fille in a café in Paris" went out N=1 with the French "girl" (a foreign article is refused;
    a foreign noun after "a" was not read). "femme" stays unread: "a femme fatale" is English."""
    group = accepted(prompt)
    assert not any(word in c for c in group.order) and any(s.name == "gender" for s in group.slots)
    assert accepted("a femme fatale in a noir film").n == 1


@pytest.mark.parametrize(("prompt", "name"), [("1girl, hatsune miku, twintails, aqua hair", "hatsune miku"),
                                              ("hatsune miku, 1girl, twintails, concert", "hatsune miku"),
                                              ("1girl, asuka langley, plugsuit", "asuka langley")])  # fmt: skip
def test_round_39_a_character_name_tag_beside_a_count_tag_is_held(prompt: str, name: str) -> None:
    """Red teams 38-39: "1girl, hatsune miku" kept the name beside the decoy "1boy" (the character's gender fixed by
    her name), "hatsune miku, 1girl" and "asuka langley" were refused. In a tag list with a count tag, a tag of
    lower-case words only names are (one a first name) is the character's name, held whole; with no count tag a
    known name is still its person ("george clooney, digital art" -> "A man, ...")."""
    held_on_device(prompt, name)
    assert accepted("george clooney, digital art, trending on artstation").cloud_prompt.startswith("A man")
    assert "cherry blossom" in accepted("samurai, katana, cherry blossom, ukiyo-e style").cloud_prompt


def test_round_40_a_place_whose_name_is_a_common_noun_too_is_held_beside_a_stated_origin() -> None:
    """Red team 39: "a Filipino nurse ... in Manila" sent "in Manila" beside decoys of every origin: WordNet has
    "manila" paper too, so the city was left out of the places. A name that is a common noun in lower case and a
    place capitalised is the place only where written as a name; in lower case it is the thing."""
    held_on_device("a Filipino nurse in scrubs at a hospital in Manila", "in Manila")
    held_on_device("a German man in Berlin", "in Berlin")
    assert "manila folder" in accepted("a Filipino nurse with a manila folder").cloud_prompt
    assert accepted("a man in Manila").cloud_prompt == "a man in Manila"  # no origin stated: nothing to contradict


@pytest.mark.parametrize(("prompt", "sent", "gone"),
                         [("a seasoned firefighter with gray stubble briefing rookies", "firefighter briefing rookies",
                           "gray"),
                          ("a woman with twin braids", "a woman", "twin")])  # fmt: skip
def test_round_40_the_adjectives_of_a_held_noun_leave_with_it(prompt: str, sent: str, gone: str) -> None:
    """Red team 39: "with gray stubble briefing rookies" went out as "with gray briefing rookies" (and "gray ...
    briefing" read as the rookies' modifiers), "a woman with twin braids" as "a woman with twin"."""
    group = accepted(prompt)
    assert sent in group.cloud_prompt and not any(gone in c for c in group.order), group.order


def test_round_40_a_list_number_is_no_age() -> None:
    """Red team 39: "1) an old wizard 2) a young elf princess" was refused, "2" read as the wizard's age; a number
    that closes no bracket, next to another in the count, numbers a list. "a man 30)" still states an age."""
    group = accepted("Characters: 1) an old wizard 2) a young elf princess 3) a dwarf warrior")
    assert all(c.startswith("Characters: 1) ") and " 2) " in c and " 3) a dwarf warrior" in c for c in group.order)
    with pytest.raises(DetectionError):
        transform("a man 30) hi")


@pytest.mark.parametrize(("prompt", "kept"), [("a young vampire hunter", "vampire hunter"),
                                              ("an old angel investor", "angel investor"),
                                              ("an old elf king", "elf king"),
                                              ("an elderly cat lady", "cat lady")])  # fmt: skip
def test_round_40_a_being_or_a_pet_before_a_person_noun_names_the_kind_of_person(prompt: str, kept: str) -> None:
    """Attacking round 40's finds: "a young vampire hunter", "an old angel investor" and "an elderly cat lady"
    went out with N=1 and the age in clear (the being kept as a being, the age with it; the lady read as the cat);
    "an old elf king" split into an old elf and a king. The being names the kind of person, kept as written; the
    age is the person's, varied."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and all(kept.split()[0] in c for c in group.order), group.order
    assert accepted("the raccoon king").n == 1 and accepted("a young elf").n == 1  # no person


def test_round_40_an_age_adjective_opening_a_named_thing_before_a_person_noun_is_the_persons() -> None:
    """"a young bird watcher" went out N=1: WordNet's "young bird" was kept as a thing's name."""
    assert any(s.name == "age" for s in accepted("a young bird watcher").slots)
    assert accepted("a young bird in a nest").n == 1


def test_round_40_a_verb_younger_than_wordnet_is_a_verb() -> None:
    """Red team 40: "A teenager texts her best friend. She sends a selfie" kept "A teenager" in every candidate
    ("teenager texts" read as a kind of texts), so the teen's pronouns varied around a fixed, unvaried person."""
    group = accepted("A teenager texts her best friend. She sends a selfie with her new haircut.")
    assert any(s.name == "age" for s in group.slots) and not all(c.startswith("A teenager") for c in group.order)


def test_round_40_the_object_of_help_or_watch_takes_a_bare_verb() -> None:
    """Red team 40: "a nurse helping an elderly patient walk down a hospital corridor" went out N=1 with "elderly"
    in clear ("patient walk" read as a compound, as "a guard tower"). After "help", "watch", "let", "make", "see"
    or "hear" the object's bare verb follows it."""
    group = accepted("a nurse helping an elderly patient walk down a hospital corridor")
    assert any(s.name == "age" for s in group.slots) and not any("elderly" in c for c in group.order)


@pytest.mark.parametrize("prompt", ["Genghis Khan leading his army across the steppe", "Sitting Bull leading his people",
                                    "a statue of Kublai Khan", "genghis khan on a horse"])  # fmt: skip
def test_round_40_a_person_wordnet_names_in_several_words_is_someone(prompt: str) -> None:
    """Red team 40: "Genghis Khan leading his army" sent the name in clear beside "Genghis Khan leading her army"
    ("Khan" read as a title noun, "Genghis" left); "Sitting Bull" was kept as a thing's name. People WordNet names
    in several words, none a first name or a title, are held as names."""
    group = accepted(prompt)
    name = " ".join(w for w in prompt.split() if w.lower() in ("genghis", "khan", "sitting", "bull", "kublai"))
    assert name in group.held_back and not any(name in c for c in group.order), group.order
    assert accepted("a crazy horse running in a field").n == 1  # in lower case, common words stay words


@pytest.mark.parametrize("prompt", ["a vintage Ford Mustang parked outside a diner at night",
                                    "a man washing his Ford Mustang in the driveway",
                                    "a black Lincoln Continental in the rain"])  # fmt: skip
def test_round_40_a_make_and_model_is_no_person(prompt: str) -> None:
    """Red team 40: "a vintage Ford Mustang" went out as "a vintage a man", "his Ford Mustang" as "his man", "a
    black Lincoln Continental" as "an African man" with ten decoys: a first name and a capitalised common word after
    an article and the words describing a thing, or after "his", name a make and a model."""
    group = accepted(prompt)
    assert group.cloud_prompt == prompt and not any(s.name == "ethnicity" for s in group.slots)


@pytest.mark.parametrize(("prompt", "name"), [("a young Jack Black smiling", "Jack Black"),
                                              ("a smiling Jack Black", "Jack Black"), ("a smiling John", "John")])  # fmt: skip
def test_round_40_words_said_of_a_person_before_a_name_make_it_someones(prompt: str, name: str) -> None:
    """The guard of the make-and-model rule: an age or an -ing verb only people do before the name ("a smiling
    John" went out N=1) makes it a person's, held; "a smiling a man" is never written."""
    group = held_on_device(prompt, name)
    assert not any(" a a " in f" {c} " or "smiling a " in c for c in group.order), group.order


def test_round_40_an_attribute_before_a_possessed_kind_makes_the_possessor_someone() -> None:
    """Red team 40 (follow-up): "a black cat sitting on an old man's hat" went out as "an old person man's hat"
    ("man's hat" kept as WordNet's kind, "old" left to a person of its own). "an old lady's slipper orchid" stays
    the flower: a noun after it makes the phrase a name."""
    group = accepted("a black cat sitting on an old man's hat")
    assert "person man" not in group.cloud_prompt and any(s.name == "gender" for s in group.slots)
    assert accepted("an old lady's slipper orchid in a greenhouse").n == 1


def test_round_40_a_childrens_league_is_held() -> None:
    """Red team 40: "a boy in a little league uniform" had the decoy "an old man in a little league uniform"."""
    group = held_on_device("a boy in a little league uniform holding a baseball bat", "little league")
    assert "a uniform holding a baseball bat" in group.cloud_prompt
    assert "playing baseball" in held_on_device("a boy playing little league baseball", "little league").cloud_prompt


def test_round_40_an_emoji_opening_a_clause_leaves_a_person_and_is_listed() -> None:
    """Red team 40: "👵 baking cookies in a cozy kitchen 🍪" went out as "baking cookies in a cozy kitchen", no one
    in the picture and nothing listed as held back."""
    group = accepted("👵 baking cookies in a cozy kitchen 🍪")
    assert group.cloud_prompt == "A person baking cookies in a cozy kitchen 🍪" and "👵" in group.held_back
    assert accepted("a woman 👩 smiling").cloud_prompt == "a woman smiling"


@pytest.mark.parametrize(("prompt", "held"), [("a Russian girl ice skating wearing an ushanka", "ushanka"),
                                              ("a French woman at a boulangerie", "boulangerie"),
                                              ("a Vietnamese woman eating phở", "phở"),
                                              ("a Chinese family eating dumplings under red lanterns", "red lanterns"),
                                              ("a Turkish man sipping çay in a bazaar", "çay")])  # fmt: skip
def test_round_40_things_of_one_origin_beside_a_stated_origin_are_held(prompt: str, held: str) -> None:
    """Red team 40: an ushanka, a boulangerie, red lanterns and çay went out beside decoys of every origin, and
    "phở" with its accent (plain "pho" was held). Where no origin is stated they are sent as written."""
    held_on_device(prompt, held)
    assert held in accepted(prompt.replace(prompt.split()[1] + " ", "", 1)).cloud_prompt


def test_round_40_a_bare_extra_network_tag_is_one_held_token() -> None:
    """Red team 40: "..., lora:officelady_v2" (no angle brackets) read "Lora" as a woman's name: "a man:officelady_v2"
    was a decoy, and the prompt was refused. The bare tag is one token, held like "<lora:...>"."""
    group = held_on_device("mature female, office lady, glasses, (detailed eyes:1.1), lora:officelady_v2",
                           "lora:officelady_v2")  # fmt: skip
    assert not any(":officelady" in c for c in group.order)
    assert accepted("Lora smiling in a park").cloud_prompt == "A woman smiling in a park"  # a name, still


def test_round_40_a_lady_after_a_noun_naming_her_kind_has_a_man_as_counterpart() -> None:
    """Red teams 39-40: "office lady" had the decoy "office gentleman", which no one writes."""
    group = accepted("an office lady typing at her desk")
    assert sorted(group.order) == ["an office man typing at his desk", "an office woman typing at her desk"]
    assert "gentleman" in " ".join(accepted("a young lady in a garden").order)  # a lady alone keeps her class


def test_round_40_a_hashtag_gluing_a_gendered_word_is_held() -> None:
    """Red team 40: "... his little girl at the pumpkin patch #fallvibes #girldad" was refused for "girldad"."""
    group = held_on_device("Just a dad and his little girl at the pumpkin patch #fallvibes #girldad", "#girldad")
    assert group.cloud_prompt.endswith("#fallvibes")


@pytest.mark.parametrize(("prompt", "held"), [("(masterpiece), 1girl, child, sundress, sunflower field", "child"),
                                              ("1girl, (teen:1.2), ballroom", "(teen:1.2)"),
                                              ("solo, 1boy, teenage, hoodie, city at night", "teenage")])  # fmt: skip
def test_round_40_a_childs_age_beside_a_booru_character_is_held(prompt: str, held: str) -> None:
    """Red team 40: "1girl, child, sundress" was refused (no booru character gets a child decoy). The age tag stays
    on the device and only the count tag's gender is varied; with a tag that sexualises a child it is refused."""
    group = held_on_device(prompt, held)
    assert [s.name for s in group.slots] == ["gender"] and not any("(:" in c for c in group.order), group.order
    with pytest.raises(DetectionError):
        transform("1boy, shota, (child:1.2), playing in the park")


@pytest.mark.parametrize(("prompt", "sent", "negative"),
                         [("Negative prompt: woman, female, girl. Prompt: a knight in armor on horseback",
                           "Prompt: a knight in armor on horseback", "female"),
                          ("a man in a red coat\nNegative prompt: woman, blurry\nSteps: 20", "a man in a red coat",
                           "blurry"),
                          ("negative prompt: ugly; a cute little boy playing", "a cute little boy playing", "ugly")])  # fmt: skip
def test_round_41_a_pasted_negative_prompt_stays_on_the_device(prompt: str, sent: str, negative: str) -> None:
    """Red team 41: "Negative prompt: woman, female, girl. Prompt: a knight" varied the negative prompt's words as
    people ("Negative prompt: woman, female, old man. Prompt: a dame in armor"). What follows the label is held, up
    to a "Prompt:" label, a ";" or the line's end."""
    group = accepted(prompt)
    assert group.cloud_prompt.startswith(sent) and not any(negative in c for c in group.order), group.order
    assert accepted("20 negative prompts: 3 sent whole").n == 1  # no label


@pytest.mark.parametrize(("prompt", "view"), [
    ("{a woman|a man} sitting in a cafe", "a person sitting in a cafe"),
    ("[boy:girl:0.5], portrait, park", "person, portrait, park"),  # prompt editing: a boy drawn as a girl from half-way
    ("a {man|woman} standing in the rain, neon lights", "a person standing in the rain, neon lights"),
    ("a {blonde|brunette|redhead} woman walking in Paris", "a woman walking in Paris"),
])  # fmt: skip
def test_round_41_a_front_ends_random_choice_between_people_is_held(prompt: str, view: str) -> None:
    """Red team 41: "{a woman|a man} sitting in a cafe" had the decoys "{a man|a man}" and "{a woman|a woman}", and
    was refused from then on; rounds 73-75 found the refusal needless (the choice is made by the front-end on the
    device). From session 27 it stays on the device whole; the cloud reads "a person" there, or nothing before a
    noun ("{blonde|brunette|redhead} woman" wrote "{|woman|} woman", round 75)."""
    group = accepted(prompt)
    assert view in group.order and not any("|" in c or ":0.5" in c for c in group.order), group.order
    assert accepted("a {red|blue} car on a street").n == 1


@pytest.mark.parametrize("prompt", ["Excited to start my new role as a nurse. She/her.", "a woman (she/her) painting a mural"])
def test_round_41_the_writers_pronouns_are_held_not_refused(prompt: str) -> None:
    """Red team 41: a LinkedIn post ending "She/her." was refused as genders offered as alternatives."""
    group = accepted(prompt)
    assert not any("she/her" in c.lower() for c in group.order) and not group.cloud_prompt.endswith("..")


def test_round_41_an_adult_offspring_keeps_the_parent_out_of_childhood() -> None:
    """Red team 41: "an old man in a hospital bed with his adult daughter" read "adult" as a second person and had
    the decoy "a little boy in a hospital bed with his adult daughter". "adult" is held; no child parent."""
    group = held_on_device("an old man in a hospital bed with his adult daughter holding his hand", "adult")
    assert not any("little" in c for c in group.order), group.order


def test_round_41_a_businessperson_is_an_adult() -> None:
    """Red team 41: "Smiling businessman in his 40s" had the decoy "Smiling businesswoman in her childhood"."""
    group = accepted("Stock photo: Smiling businessman in his 40s talking on phone in modern office")
    assert not any("childhood" in c for c in group.order) and group.n == 6
    assert any("little" in c for c in accepted("a teenage cashier at a fast food restaurant").order)


def test_round_41_a_portrait_of_a_person_in_title_case_is_no_title() -> None:
    """Red team 41: "Museum label: Portrait of a Young Girl with a Pearl Earring" went out N=1, "Young Girl" in clear
    (read as a work's title). A picture "of" someone shows them; "Girl with a Pearl Earring" alone stays the work."""
    group = accepted("Museum label: Portrait of a Young Girl with a Pearl Earring, oil on canvas, c. 1665")
    assert any(s.name == "age" for s in group.slots) and not any("Young Girl" in c for c in group.order)
    assert accepted("Girl with a Pearl Earring").n == 1


def test_round_41_words_joined_by_hyphens_are_refused() -> None:
    """Red team 41: "a-young-boy-riding-a-bike" went out N=1 as written."""
    with pytest.raises(DetectionError, match="hyphens"):
        transform("a-young-boy-riding-a-bike")
    assert accepted("a jack-in-the-box toy on a state-of-the-art shelf").n == 1


def test_round_41_an_emoji_that_tells_nothing_is_sent() -> None:
    """Red team 41: "a 👩‍🦳 sitting on a bench with a 🐶" went out as "... with a person" (every emoji was held, a
    noun's place left "person"). An emoji is held where its Unicode name reads as a person, an attribute, a proxy or
    a thing of one origin, or it carries a skin tone, a flag or a gender sign; the rest is sent."""
    group = accepted("a 👩‍🦳 sitting on a bench with a 🐶")
    assert group.cloud_prompt == "a person sitting on a bench with a 🐶" and group.held_back == ("👩‍🦳",)
    assert accepted("a man 🇳🇬 and his son").held_back == ("🇳🇬",)
    assert accepted("me 💅 at the salon").held_back == ("💅",)  # nail polish: a proxy


def test_round_41_midjourney_weights_and_an_unknown_name_before_a_persons_verb() -> None:
    """Red team 41: "a handsome man::2 a cityscape::1" was refused ("2" read as an age); "Pelé juggling a football"
    was refused as a name the device could not place: a word no dictionary knows opening the sentence before what
    only a person does is a name, held."""
    assert "::2" in transform("a handsome man::2 a cityscape::1 --chaos 20").cloud_prompt  # (the article check
    # of `accepted` reads "man::2" as one word)
    held_on_device("Pelé juggling a football on a beach", "Pelé")
    assert accepted("Oil-on-canvas painting of a blue night sky").n == 1


@pytest.mark.parametrize(("prompt", "held"), [("a Chinese grandmother shopping in Chinatown", "Chinatown"),
                                              ("a Mexican-American teen in East LA", "East LA"),
                                              ("an Italian chef in Little Italy", "Little Italy")])  # fmt: skip
def test_round_41_a_neighbourhood_named_for_one_origin_is_held_beside_it(prompt: str, held: str) -> None:
    """Red team 41: "in Chinatown" and "East LA" went out beside decoys of every origin (kept as capitalised names)."""
    held_on_device(prompt, held)
    assert "Chinatown" in accepted("a man shopping in Chinatown").cloud_prompt  # no origin stated


def test_round_42_a_count_tag_after_break_is_the_booru_character() -> None:
    """Red team 42: "BREAK 1boy, old man, straw hat" kept "BREAK 1boy" as a product's model ("Porsche 911") and
    had the decoys "BREAK 1boy, young woman", "BREAK 1boy, little girl"."""
    group = accepted("BREAK 1boy, old man, straw hat, summer, BREAK beach, ocean, clouds")
    assert all(("1boy" in c) == (" man," in c) for c in group.order) and group.n == 6, group.order
    assert accepted("Porsche 911 on a road").n == 1


def test_round_42_a_headline_after_a_label_has_its_verb() -> None:
    """Red team 42: "BREAKING: Firefighter rescues toddler from burning apartment" went out as "Firefighter little
    rescues child" ("rescues" read as the toddler's modifier)."""
    group = accepted("BREAKING: Firefighter rescues toddler from burning apartment")
    assert all(" rescues " in c and "little rescues" not in c for c in group.order), group.order
    assert any(s.name == "age" for s in accepted("Update: Local teen wins spelling bee").slots)


def test_round_42_a_gendered_word_naming_a_kind_of_no_thing_is_held() -> None:
    """Red team 42: "Proud dad moment!! my son scored his first goal" had the one decoy "... my daughter scored her
    first goal" beside "dad" in clear ("dad" read as naming a kind of moment). A moment, a life, a power are no
    things: the word stays on the device. A thing's kind is sent ("a dad joke", "a father christmas ornament")."""
    held_on_device("Proud dad moment!! my son scored his first goal today", "dad")
    assert accepted("a dad joke on a mug").cloud_prompt == "a dad joke on a mug"
    assert accepted("a father christmas ornament").cloud_prompt == "a father christmas ornament"


def test_round_42_a_nursing_cover_is_held() -> None:
    """Red team 42: "a woman breastfeeding in public wearing a nursing cover" had the decoy "a man ... nursing cover"."""
    held_on_device("a woman breastfeeding in public wearing a nursing cover", "nursing cover")


def test_round_42_brackets_that_hold_no_alternatives_of_people_are_read() -> None:
    """The guard of round 41's rule: "[Image: a bearded man ...]" was refused as a prompt edit ("Image" and "a
    bearded man" two sides); only two sides that both name people are alternatives."""
    assert accepted("[Image: a bearded man in a flannel shirt chopping firewood outside a cabin]").n == 2


@pytest.mark.parametrize("prompt", ["a womanwith a cat", "a girlwith a red balloon"])
def test_round_43_a_person_word_glued_to_a_preposition_is_refused(prompt: str) -> None:
    """Red team 43: "a womanwith a cat" went out N=1 with the gender in clear (a space left out)."""
    with pytest.raises(DetectionError, match="joins a gendered word"):
        transform(prompt)


def test_round_43_an_attribute_glued_to_its_person_and_plurals_of_known_words() -> None:
    """Red team 43: "an oldman feeding ducks" went out N=1; "Oxford brogues" and "a Bromeliad" were refused for
    "bro" (a known word's plural; a root of three letters opening an unknown word)."""
    group = held_on_device("an oldman feeding ducks", "oldman")
    assert any(s.name == "gender" for s in group.slots)
    assert accepted("a Mary Jane shoe and a pair of Oxford brogues on a shelf").n == 1
    assert accepted("a Bromeliad on a windowsill").n == 1


@pytest.mark.parametrize("prompt", ["une vieille femme walking in Paris", "Ein alter Mann reading a newspaper"])
def test_round_43_another_languages_article_before_its_person_noun_is_refused(prompt: str) -> None:
    """Red team 43: "une vieille femme" went out N=1, "Ein alter Mann" as "Ein alter a person" (the capital "Ein"
    opening the sentence was not read as an article; "femme", "Mann" are no English person nouns)."""
    with pytest.raises(DetectionError, match="another language"):
        transform(prompt)
    assert accepted("La Sagrada Familia at dusk").n == 1 and accepted("a croissant from la boulangerie").n == 1


def test_round_43_a_handle_is_held_and_a_hyphenated_kin_noun_is_read() -> None:
    """Red team 43: "@tiny_tom_88 skateboarding" went out N=1 with "tom" in it; "a grand-mother in a garden" had
    the one decoy "a grand-father" (every candidate a grandparent)."""
    group = held_on_device("@tiny_tom_88 skateboarding down a ramp", "@tiny_tom_88")
    assert group.cloud_prompt == "A person skateboarding down a ramp"
    assert accepted("email me at a@b.com").cloud_prompt == "email me at a@b.com"
    assert accepted("a grand-mother in a garden").n == 8


@pytest.mark.parametrize(("prompt", "held"), [("a schoolgirl in a kindergarten smock finger painting", "kindergarten"),
                                              ("an Irish girl dancing at a feis in Dublin", "feis")])  # fmt: skip
def test_round_43_a_kindergarten_and_a_feis_are_held(prompt: str, held: str) -> None:
    """Red team 43: "a schoolgirl in a kindergarten smock" had the decoy "an old man in a kindergarten smock"; "a
    feis" (an Irish dance competition) went out beside decoys of every origin."""
    held_on_device(prompt, held)


def test_round_44_a_handle_opening_a_clause_is_someone_and_a_hyphen_spelt_attribute_is_refused() -> None:
    """Red team 44: "@jenny_k98 posing with her new puppy" was refused (the held handle left "her" to a person of
    its own, which a decoy's "A person" took); "a teen-age girl" sent "teen-age" in clear beside "a teen-age old
    man". A handle before its verb is a named person; an attribute spelt with a hyphen is refused with its spelling."""
    group = held_on_device("@jenny_k98 posing with her new puppy", "@jenny_k98")
    assert any(s.name == "gender" for s in group.slots) and group.cloud_prompt.startswith("A person posing")
    with pytest.raises(DetectionError, match="'teenage'"):
        transform("a teen-age girl w/ headheadphones on the bus")
    assert accepted("a middle-aged man in an old-fashioned coat").n == 8


def test_round_44_a_prompt_in_mocking_case_is_read_in_lower_case() -> None:
    """Red team 44: "a GiRl WiTh A pUpPy" went out N=1, "GiRl WiTh A" kept as a name of the puppy. Where most words
    flip case inside, capitals say nothing: the prompt is read and sent in lower case. Brand names that flip case
    once ("an iPhone and a MacBook") are no such prompt."""
    group = accepted("a GiRl WiTh A pUpPy")
    assert group.cloud_prompt == "a little girl with a puppy" and group.n == 8
    assert accepted("a woman with her iPhone and iPad").cloud_prompt == "a woman with her iPhone and iPad"


@pytest.mark.parametrize("prompt", ["a Boy And His Grandma At The Park", "a Woman And Her Uncle Baking Bread",
                                    "an Old Man Feeding Pigeons With His Granddaughter", "a Teenage Girl And A Dog",
                                    "Portrait of a Young Man Reading"])
def test_round_45_title_case_after_a_lower_case_article_stays_title_case_in_every_decoy(prompt: str) -> None:
    """Red team 45: "a Girl And Her Grandpa At The Zoo" was refused: its decoys opened "an old woman And Her Old Male
    Friend", no longer in title case, so the capitals after it were read as a name. Title case leaves a short
    article be; the phrase is title case, its decoys are written so, and the article stays as the user wrote it."""
    group = accepted(prompt)
    assert group.n >= 4 and all(re.match(r"(.* )?an? [A-Z]", c) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "kept"), [
    ("a barista pouring latte art, she has a nose ring", "a barista pouring latte art"),
    ("a man at the bar, he has a beard, moody light", "a man at the bar, moody light"),
    ("a woman on a park bench; she is pregnant", "a woman on a park bench"),
    ("Two women sit at a cafe. One of them is pregnant; the other reads.", "Two women sit at a cafe. the other reads."),
    ("a nurse at the desk. She wears a hijab.", "a nurse at the desk."),
])  # fmt: skip
def test_round_45_a_held_predicate_takes_its_clause_subject_along(prompt: str, kept: str) -> None:
    """Red team 45: "..., she has a nose ring" went out as "latte art, she" and "One of them is pregnant; the other"
    as "One of them; the other": the held words ended their clause and left its subject alone. The clause leaves
    whole with the comma, semicolon or full stop that set it off; what stays reads as a sentence."""
    group = accepted(prompt)
    assert group.cloud_prompt.lower() == kept.lower(), group.cloud_prompt
    assert not any(re.search(r"\b(she|he|them)\s*[;,.]?\s*$|\b(she|he|them)\s*;", c, re.IGNORECASE) for c in group.order)


def test_round_45_w_slash_and_ampersand_go_with_a_held_proxy() -> None:
    """Red team 45: "guy w/ beard & glasses @ the library" went out as "man w/ & glasses": "&" is "and" and "w/"
    is "with", and each leaves with the held word it joined, as "with" and "and" do."""
    assert accepted("guy w/ beard & glasses @ the library").cloud_prompt == "man w/ glasses @ the library"
    assert accepted("a guy w/ a beard").cloud_prompt == "a man"
    assert accepted("a woman with a hijab & sunglasses").cloud_prompt == "a woman with sunglasses"


@pytest.mark.parametrize(("prompt", "held"), [
    ("a Peruvian boy reading a comic in Spanish", "Spanish"),
    ("a Kenyan woman telling a story in Swahili", "Swahili"),
    ("an Irish fisherman singing in Gaelic on a boat", "Gaelic"),
    ("a Brazilian nurse writing a note in Portuguese", "Portuguese"),
])  # fmt: skip
def test_round_45_a_language_after_in_is_no_one_and_beside_an_origin_is_held(prompt: str, held: str) -> None:
    """Red team 45: "telling stories in Gaelic" went out beside "a little African boy"; "a book in Spanish" was
    read as the Spanish people and sent as "in European People". After "in" a language WordNet names is a
    language (`Senses.languages`); beside a stated origin it stays on the device, as a place of one origin does."""
    group = held_on_device(prompt, held)
    assert "People" not in group.cloud_prompt and not re.search(r"\bin\s*$", group.cloud_prompt)
    plain = accepted(prompt.replace(prompt.split()[1], "young", 1))  # no origin stated: the language goes as written
    assert held in plain.cloud_prompt, plain.cloud_prompt


@pytest.mark.parametrize(("prompt", "held"), [
    ("an Indian groom on a white horse at his baraat", "baraat"),
    ("a Scottish man playing his bagpipes at dawn", "bagpipes"),
    ("a Korean grandmother making her kimchi", "kimchi"),
])  # fmt: skip
def test_round_45_a_regional_thing_after_a_possessive_leaves_with_it(prompt: str, held: str) -> None:
    """Red team 45: "at his baraat" (an Indian groom's procession) went out beside a European groom; and every
    regional thing after "his" or "her" was refused ("a Scottish man playing his bagpipes"): held alone it left
    "at his", which a decoy reads as someone else. The possessive leaves with the thing, as an article does."""
    group = held_on_device(prompt, held)
    assert not re.search(r"\b(his|her|at)\s*$", group.cloud_prompt), group.cloud_prompt


@pytest.mark.parametrize("saint", ["St. Nicholas", "Saint Andrew", "St Stephen"])
@pytest.mark.parametrize("feast", ["day", "Day", "eve"])
def test_round_45_a_saints_name_before_day_is_a_feast_no_one_stands_in(saint: str, feast: str) -> None:
    """ "a girl on St. Lucia day" went out as "a little girl on a woman day": without "'s" too, a saint's name before
    "day" or "eve" names a feast, and the saint is no one in the picture."""
    group = accepted(f"two kids opening presents on {saint} {feast}")
    assert all(c.endswith(f" {saint} {feast}") for c in group.order), group.order


def test_round_45_a_feast_of_one_origin_is_held_beside_someone() -> None:
    """Red team 45: "a Swedish girl wearing a crown of candles for Saint Lucia day" went out beside decoys of every
    origin ("Saint Lucia" was kept as the island's name). The feast, Swedish, is held as "St. Patrick's Day" is."""
    for prompt in ("a Swedish girl wearing a crown of candles for Saint Lucia day", "a Swedish boy on St. Lucia day"):
        group = accepted(prompt)
        assert not any("Lucia" in c for c in group.order) and any("Lucia" in h for h in group.held_back), group.order


@pytest.mark.parametrize("sea", ["the Caribbean", "the Mediterranean"])
def test_round_45_a_sea_named_by_an_origin_adjective_is_a_place(sea: str) -> None:
    """ "a woman on a beach in the Caribbean" went out as "... in the people": "the" and an origin adjective name
    people ("the French"), but WordNet has "Caribbean" only as a place's name, so it stays one."""
    prompt = f"a woman on a sailboat in {sea}"
    assert all(c.endswith(f" in {sea}") for c in accepted(prompt).order)


@pytest.mark.parametrize(("name", "said"), [("Wonder Woman", "woman"), ("Iron Man", "man"), ("Bat Girl", "girl")])
@pytest.mark.parametrize("rest", ["standing on a rooftop in Gotham", "on a rooftop at night"])
def test_round_45_a_thing_and_a_person_noun_capitalised_name_a_character(name: str, said: str, rest: str) -> None:
    """Red team 45: "Wonder Woman standing on a rooftop in Gotham" went out as written beside "Wonder Man": a
    capitalised thing noun and a capitalised "woman" name a character, as "Spider-Man" does; the name is held and
    the person varied ("A woman" / "A man")."""
    group = held_on_device(f"{name} {rest}", name)
    assert group.n == 2 and any(s.name == "gender" for s in group.slots), group.order


@pytest.mark.parametrize("prompt", ["a Wonder Woman costume on a hanger", "a fan cosplaying as Wonder Woman at a con",
                                    "Burger King at night", 'a letter that says "Dear Mom, I miss you"',
                                    "a Business Woman at her desk"])  # fmt: skip
def test_round_45_a_character_rule_leaves_kinds_costumes_brands_and_greetings(prompt: str) -> None:
    """The other side: a character's name before a thing names its kind, after "as" a costume; a rank ("Burger
    King") and a kin word ("Dear Mom") name a brand and a greeting; after an article the capitals describe."""
    group = accepted(prompt)
    assert group.cloud_prompt == prompt and not group.held_back, group.cloud_prompt


def test_round_45_a_held_object_before_while_takes_its_verb() -> None:
    """Red team 45: "a young mom pushing a stroller while her husband ..." went out as "a young mother pushing while
    her husband": a clause that "while" or "as" ends, ends there, and its verb leaves with its held object."""
    group = held_on_device("a young mom pushing a stroller while her husband carries their son", "pushing a stroller")
    assert group.cloud_prompt.startswith("a young mother while her husband"), group.cloud_prompt


@pytest.mark.parametrize("gown", ["a hospital gown", "cap and gown", "a surgical gown", "a dressing gown"])
@pytest.mark.parametrize("who", ["a man", "an old woman"])
def test_round_45_a_gown_anyone_wears_is_no_proxy(gown: str, who: str) -> None:
    """Red team 45: "a PhD student in cap and gown" went out as "in cap", and "a man in a hospital gown" lost his
    gown: those gowns are worn by anyone; only the woman's dress "gown" names alone says a gender, and is held."""
    prompt = f"{who} in {gown} by the window"
    assert accepted(prompt).cloud_prompt.endswith(f"in {gown} by the window")
    assert "in a gown" not in accepted(f"{who} in a gown by the window").cloud_prompt


@pytest.mark.parametrize("role", ["Captain", "Doctor", "Professor"])
@pytest.mark.parametrize("name", ["Ahab", "Nemo", "Moses"])
def test_round_45_a_known_name_after_a_capitalised_role_is_the_roles(role: str, name: str) -> None:
    """ "Captain Ahab on the deck" went out as "Captain a person on the deck": a name WordNet knows, right after a
    capitalised role noun, names the one the role does (as "Officer Ramirez" and "her grandson Will" do); it is held
    and no second person stands in for it."""
    group = held_on_device(f"{role} {name} on the deck of a ship", name)
    # Ahab and Moses are figures WordNet knows: where they are goes with the name (`obclip.prompts.deeds`)
    scene = "on the deck of a ship"
    assert group.cloud_prompt in (f"{role} {scene}", role) and "person" not in group.cloud_prompt, group.cloud_prompt
    assert (scene in group.cloud_prompt) != (scene in group.held_back)


@pytest.mark.parametrize("name", ["Robert Downey", "Martin Luther King", "Sammy Davis"])
@pytest.mark.parametrize("suffix", ["Jr.", "Sr."])
def test_a_generation_suffix_and_its_full_stop_are_the_names(name: str, suffix: str) -> None:
    """ "Robert Downey Jr. smiling" went out as "A man. smiling": "Jr." and its full stop belong to the name and are
    held with it; the sentence goes on."""
    group = accepted(f"{name} {suffix} smiling at the camera")
    assert all(". smiling" not in c and "Jr" not in c and "Sr" not in c for c in group.order), group.order
    assert any(suffix in h for h in group.held_back)


@pytest.mark.parametrize("age", ["7-year-old", "34-year-old", "70-year-old"])
@pytest.mark.parametrize("words", ["Black woman", "White man", "shy girl"])
def test_round_46_an_age_in_years_before_an_adjective_is_the_persons(age: str, words: str) -> None:
    """Red team 46: "The newly elected mayor, a 34-year-old Black woman" was refused: "a 34-year-old" was read as a
    person of its own, so the decoy "a little child Caucasian man" read as two. Adjectives between an age in years
    and a person noun are that person's; one person, her age varied."""
    group = accepted(f"a {age} {words} reading on a bench")
    assert sum(s.name == "age" for s in group.slots) == 1 and "year-old" not in group.cloud_prompt, group.order


@pytest.mark.parametrize(("prompt", "person"), [("a 3-year-old black dog asleep", False), ("a 12-year-old red wine", False),
                                                ("a 30-year-old model posing on a runway", True),
                                                ("a 25-year-old fan at a concert", True)])  # fmt: skip
def test_round_46_an_age_in_years_is_a_things_or_a_persons_by_its_head(prompt: str, person: bool) -> None:
    """ "a 3-year-old black dog" went out as "a little child black dog"; "a 30-year-old model posing on a runway"
    went out N=1 with her age in clear, read as a thing's age. An age before adjectives and a thing is the thing's;
    a person noun whose usual sense is a thing ("model", "fan") is a person with an age a person has."""
    group = accepted(prompt)
    if person:
        assert any(s.name == "age" for s in group.slots) and "year-old" not in group.cloud_prompt, group.order
    else:
        assert group.order == (prompt,)


@pytest.mark.parametrize("who", ["the woman", "an old man", "the girl"])
@pytest.mark.parametrize("rest", ["counts the money", "counts to ten", "counts the votes at a table"])
def test_round_46_a_verb_spelt_as_a_plural_person_noun_is_the_subjects_verb(who: str, rest: str) -> None:
    """Red team 46: "... a middle-aged man, counts ballots" had the decoy "countesses ballots"; "the woman counts the
    money" was refused. After a singular subject, "counts" is its verb, not the noblemen."""
    prompt = f"{who} {rest}"
    group = accepted(prompt)
    assert all(" counts " in c for c in group.order) and len(group.slots) >= 1, group.order


@pytest.mark.parametrize("prompt", ["a sunflower field with a Turkish Angora cat walking through it",
                                    "the Young Men's Christian Association building at night",
                                    "the Flying Dutchman ghost ship sailing through a storm"])  # fmt: skip
def test_round_46_names_of_a_breed_an_association_and_a_ship_go_as_written(prompt: str) -> None:
    """Red team 46: "a Turkish Angora cat" went out as "a person Angora cat", the YMCA as "the young people Men's
    Christian Association", the Flying Dutchman as "the Flying European male ghost ship"."""
    assert accepted(prompt).order == (prompt,)


@pytest.mark.parametrize(("name", "said"), [("Superman", "man"), ("Batman", "man"), ("He-Man", "man")])
def test_round_46_a_capitalised_compound_of_man_with_no_article_is_a_character(name: str, said: str) -> None:
    """Red team 46: "Wonder Woman and Superman flying over Metropolis" went out as "A woman and Man flying": a
    capitalised compound of "man" with no article is a character's name, held and varied as "A man"."""
    group = held_on_device(f"{name} flying over the city at night", name)
    # a character's deed goes with the name (`obclip.prompts.deeds`)
    assert group.cloud_prompt == f"A {said}" and group.n == 2 and "flying over the city at night" in group.held_back


AGED = [("an elderly", "man"), ("a middle-aged", "woman"), ("an old", "farmer"), ("a young", "nurse")]


@pytest.mark.parametrize(("first", "second", "third"), list(itertools.permutations(AGED, 3))[:8])
def test_round_46_over_the_budget_an_age_adjective_stays_on_the_device(first, second, third) -> None:
    """Red team 46: three or four people with their ages, the commonest scene, were refused over the budget of 64
    (96 to 1,024 candidates). As an origin is, an age said by an adjective of a person whose noun says no age of
    its own is held on the device from the last person back until N fits, and the note names the word; no child is
    written as an adult, and the ages left are still varied."""
    people = [f"{a} {n}" for a, n in (first, second, third)]
    prompt = f"{people[0]}, {people[1]} and {people[2]} at a picnic table"
    group = accepted(prompt)
    assert group.n <= 64 and "stays on the device" in group.note, group.note
    # held from the last person back: the last one's phrase is an article and a noun in every candidate
    assert all(re.search(r"\band an? (man|woman|farmer|nurse) at a picnic table$", c) for c in group.order), group.order
    assert any(s.name == "age" for s in group.slots)


def test_round_46_an_age_a_noun_says_is_never_dropped_over_the_budget() -> None:
    """The other side: "a teenage girl", "a little boy" state a child's age in their nouns; holding "teenage" would
    write "a girl" as "a woman", so such a prompt is refused over the budget, never sent with a child made adult."""
    with pytest.raises(CandidateBudgetExceeded):
        transform("a teenage girl, a little boy and a baby sister at a picnic table")


@pytest.mark.parametrize(("prompt", "held"), [
    ("a pregnant woman doing prenatal yoga on a mat", "prenatal"),
    ("an old man doing a crossword puzzle at the senior center", "senior center"),
    ("girl, gyaru, platform shoes, shibuya, 2000s", "gyaru"),
])  # fmt: skip
def test_round_46_a_second_tell_beside_the_first_is_held_too(prompt: str, held: str) -> None:
    """Red team 46: "pregnant" was held but "prenatal yoga" went out beside "a man doing prenatal yoga"; "at the
    senior center" beside any age; "gyaru" (a young women's fashion) beside "old man, gyaru"."""
    held_on_device(prompt, held)


def test_round_46_a_garments_second_word_is_no_name_and_an_accent_takes_an() -> None:
    """Red team 46: "a Vietnamese grandmother in an áo dài selling phở" went out as "in a áo a person": "dài" before
    "selling" was read as a first name, and "áo" took "a". The second word of a regional thing is no name, and the
    article agrees with the letter under the accent."""
    group = held_on_device("a Vietnamese grandmother in an áo dài selling phở at a street stall", "áo dài")
    assert group.cloud_prompt == "an old Asian woman at a street stall" and len(group.slots) == 3
    assert accepted("a woman in an áo dài selling flowers").cloud_prompt == "a woman in an áo dài selling flowers"


@pytest.mark.parametrize(("prompt", "held"), [
    ("a Chinese woman speaking Mandarin to her son", "Mandarin"),
    ("a Dutch cyclist riding along a canal in Amsterdam", "Amsterdam"),
])  # fmt: skip
def test_round_46_a_language_after_speaking_and_a_dutch_city_are_held_beside_an_origin(prompt: str, held: str) -> None:
    """Red team 46: "speaking Mandarin to her son" went out beside "a European woman": a language WordNet names after
    a verb of speaking is held beside a stated origin, as one after "in" is. The Netherlands' places had no value
    (WordNet derives "Netherlander", a people held, before "Dutch"): a value is read before "held"."""
    held_on_device(prompt, held)


@pytest.mark.parametrize("joined", ["elderly-gentleman", "young-woman", "Asian-man", "old-lady"])
def test_round_47_an_attribute_hyphened_to_a_person_noun_is_refused_with_the_words_apart(joined: str) -> None:
    """Red team 47: "an elderly-gentleman in a tweed-jacket" went out with "elderly-" in clear beside "an
    elderly-lady": a hyphened prefix is kept as written ("ex-wife"), but an attribute is no prefix. Refused, saying
    to write the two words apart; "ex-wife" and "grand-mother" still read."""
    first, _, second = joined.partition("-")
    with pytest.raises(DetectionError, match=f"write '{first} {second}'"):
        transform(f"an {joined} reading the newspaper")
    assert accepted("an ex-wife reading the newspaper").n == 2


def test_round_47_a_capital_an_inside_a_name_keeps_its_letters() -> None:
    """Red team 47: "riding a bicycle past Hoi An lanterns" went out as "past Hoi A lanterns": a capitalised "An"
    between a capitalised word and a lower-case one is part of a name; in title case the article still agrees."""
    assert accepted("a woman riding a bicycle past Hoi An lanterns").cloud_prompt.endswith("past Hoi An lanterns")
    assert all(re.match(r"Portrait Of (An Old|A (Little|Young|Middle-Aged)) ", c) for c in accepted(
        "Portrait Of An Old Man").order)  # fmt: skip


@pytest.mark.parametrize(("prompt", "name"), [("an aerial view of the Queen Mary ship docked at the pier", "Queen Mary")])
def test_round_47_a_titled_name_before_a_thing_after_the_is_held_with_no_one_for_it(prompt: str, name: str) -> None:
    """Red team 47: "the Queen Mary ship" went out as "the queen ship" beside "the king ship": after "the", a
    titled name before a thing noun names the thing; the name is held and no person stands in for it. (Before a
    place, "the Prince Albert pub", the name is kept as written since the twenty-fourth session: no one is
    pictured in a pub named after them.)"""
    group = held_on_device(prompt, name)
    assert group.n == 1 and "queen" not in group.cloud_prompt.lower() and "prince" not in group.cloud_prompt.lower()


@pytest.mark.parametrize("helper", ["a nurse helping", "a father watching", "a coach letting"])
@pytest.mark.parametrize("person", ["a pregnant woman", "a bearded man"])
def test_round_48_a_person_after_help_or_watch_keeps_her_verb_past_a_held_word(helper: str, person: str) -> None:
    """Red team 48: "a nurse helping a pregnant woman walk down the hospital corridor" went out as "a nurse helping a
    walk down ...": past "pregnant" (held, no attribute word) "woman walk" was read as a kind of walk, and the woman
    was held with it. After "help", "watch", "let" the object's bare verb follows whatever words describe her."""
    group = accepted(f"{helper} {person} walk down the hospital corridor")
    noun = person.split()[-1]
    assert all(re.search(r"\b(wo)?m[ae]n walk down", c) for c in group.order) and noun in group.cloud_prompt, group.order


def test_round_48_a_held_object_before_and_a_new_clause_takes_its_clause() -> None:
    """Red team 48: "She is wearing a white tutu and her hair is in a tight bun" went out as "She is wearing her hair
    is in a tight bun": "and" before "her hair is" opens a clause of its own, so the held clause leaves whole, with its
    subject pronoun and the "and"; after a noun phrase the "and" stays ("a woman and her son is laughing")."""
    group = held_on_device("Show a dancer mid-leap. She is wearing a white tutu and her hair is in a tight bun.", "tutu")
    assert group.cloud_prompt == "Show a dancer mid-leap. her hair is in a tight bun.", group.cloud_prompt
    assert accepted("a man with a beard and his dog is barking").cloud_prompt == "a man and his dog is barking"


def test_round_49_an_object_pronoun_after_and_is_not_the_shared_subject() -> None:
    """Red team 49: "A girl sits alone at a desk. Her teacher walks over and hands her a note." bound the second
    "her" to the teacher, a second gender varied apart ("A little girl ... hands him a note"): verbs joined by "and"
    share their subject, and an object pronoun is never its own clause's subject."""
    group = accepted("A girl sits alone at a desk. Her teacher walks over and hands her a note.")
    assert sum(s.name == "gender" for s in group.slots) == 1, group.order
    for c in group.order:
        owner, obj = re.search(r"(Her|His) teacher", c).group(1).lower(), re.search(r"hands (her|him)", c).group(1)
        assert {owner, obj} in ({"her"}, {"his", "him"}), c


@pytest.mark.parametrize("verb", ["sits on the dock", "reads in the garden", "walks to the store"])
def test_round_49_an_appositive_before_a_verb_is_the_same_person(verb: str) -> None:
    """Red team 49: "My grandfather, a retired sailor, sits on the dock. He is mending a fishing net." was two
    people, "He" bound to the sailor and varied apart ("My old female friend, a sailor, ... He is mending")."""
    group = accepted(f"My grandfather, a retired sailor, {verb}. He is mending a fishing net.")
    assert sum(s.name == "gender" for s in group.slots) == 1, group.order
    for c in group.order:
        assert ("female" in c) == ("She is" in c), c


def test_round_49_a_decade_tag_before_what_the_person_does_is_their_age() -> None:
    """Red team 49: "Woman, 60s, gardening in a straw hat, stock photo." was refused while "a woman in her 60s"
    was accepted: a decade set off after a person, before what they do, is their age (varied); before a style
    noun it may be the decade's style, and stays refused."""
    group = accepted("Woman, 60s, gardening in a straw hat, stock photo.")
    assert any(s.name == "age" for s in group.slots) and not any("60s" in c for c in group.order), group.order
    with pytest.raises(DetectionError):
        transform("a man, 80s, synthwave")


def test_round_49_w_slash_goes_with_its_held_object_inside_a_sentence() -> None:
    """Red team 49: "a yung woman w/ red hair drinkin coffe at a cafe" went out as "a young woman w/ drinkin coffe"."""
    group = accepted("a young woman w/ red hair drinking coffee at a cafe")
    assert not any("w/" in c for c in group.order) and all("drinking coffee at a cafe" in c for c in group.order)


@pytest.mark.parametrize(("prompt", "sent"), [
    ("A kindergarten class sitting in a circle while the teacher reads a picture book.",
     "A class sitting in a circle while the teacher reads a picture book."),
    ("a man waiting beside a kindergarten bus", "a man waiting beside a bus")])  # fmt: skip
def test_round_49_a_proxy_before_a_singular_thing_leaves_the_thing_and_its_article(prompt: str, sent: str) -> None:
    """Red team 49: "A kindergarten class sitting in a circle while the teacher reads a picture book." went out as
    "Sitting in a circle while ...": "class" (and "bus") were read as a plural compound head ("afro puffs") and
    held with their article."""
    group = held_on_device(prompt, "kindergarten")
    assert sent in group.order, group.order


@pytest.mark.parametrize(("tags", "glued"), [("1girl, catgirl, cat ears, smiling", "catgirl"),
                                             ("1boy, catboy, tail, forest", "catboy")])  # fmt: skip
def test_round_49_a_glued_person_tag_after_the_count_tag_is_its_character(tags: str, glued: str) -> None:
    """Red team 49: "1girl, catgirl, cat ears, maid outfit, ..." was refused ("a decoy reads differently"): the
    glued "catgirl" was a second person, while the decoy "1boy, man" read as one."""
    group = held_on_device(tags, glued)
    assert group.n == 2 and len({s.person for s in group.slots}) == 1, group.order


@pytest.mark.parametrize("prompt", [
    "Three generations of women from one family posing on a sofa: grandmother, mother and daughter.",
    "two men on a bench: a father and his son"])  # fmt: skip
def test_round_49_a_group_whose_members_a_colon_lists_keeps_no_gender_of_its_own(prompt: str) -> None:
    """Red team 49: "Women from one family ...: grandmother, mother and daughter" varied the group apart from its
    members ("Men from one family ...: little girl, mother and son", 56 of 64 decoys contradicting themselves): the
    group is its members, whose genders are varied; the cloud reads "people"."""
    group = accepted(prompt)
    assert all(re.search(r"\bpeople\b", c, re.I) and not re.search(r"\b(wo)?men\b", c, re.I) for c in group.order), group.order


@pytest.mark.parametrize("place", ["Galway", "Dublin", "Waterford"])
def test_round_48_an_irish_place_beside_a_varied_irish_origin_stays_on_the_device(place: str) -> None:
    """Red team 48: "an Irish man playing the fiddle in a pub in Galway" went out with "in Galway" beside "an
    African man": Ireland's places had no value (WordNet's only people of the republic, "Irelander", is held by
    default), now the island's "Irish" (european); a place of a varied origin's country is held with it."""
    group = accepted(f"an Irish man playing the fiddle in a pub in {place}")
    assert any(s.name == "ethnicity" for s in group.slots) and not any(place in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["A grieving mother places flowers at the memorial for the victims",
                                    "A smiling father hands a gift to his son"])  # fmt: skip
def test_round_50_a_person_nouns_verb_after_a_modifier_is_a_verb(prompt: str) -> None:
    """Red team 50: "A grieving mother places flowers at the memorial" went out as written, N = 1: "mother places"
    was read as a kind of places (after an -ing modifier no article was seen), the mother's gender in clear."""
    group = accepted(prompt)
    assert any(s.name == "gender" for s in group.slots) and group.n > 1, group.order


def test_round_50_a_name_given_with_named_is_the_same_person_when_said_again() -> None:
    """Red team 50: "a boy named Leo builds a treehouse. His father hands him a hammer, and Leo grins." held
    "named Leo" and sent the second "Leo" as written, beside decoys "a little girl builds a treehouse"."""
    group = accepted("a boy named Leo builds a treehouse. His father hands him a hammer, and Leo grins.")
    assert not any("Leo" in c for c in group.order), group.order
    for c in group.order:
        assert ("little girl" in c) == ("the little girl grins" in c), c


@pytest.mark.parametrize(("prompt", "name"), [("Athena goddess of wisdom with her owl, marble statue", "Athena"),
                                              ("Maria teacher of the year holding her award", "Maria")])  # fmt: skip
def test_round_50_a_first_name_right_before_a_person_noun_is_that_persons(prompt: str, name: str) -> None:
    """Red team 50: "Athena goddess of wisdom with her owl" sent "Athena" as written beside the decoy "Athena god of
    wisdom with his owl": a first name opening a phrase before a person noun names that person, and is held."""
    held_on_device(prompt, name)


def test_round_50_a_title_that_with_the_name_is_a_public_figure_goes_with_it() -> None:
    """Red team 50: "Mahatma Gandhi at his spinning wheel, black and white archival photo" went out as "Mahatma,
    black and white archival photo": "Mahatma Gandhi" is one name WordNet knows, held whole with his deed."""
    group = accepted("Mahatma Gandhi at his spinning wheel, black and white archival photo")
    assert not any("Mahatma" in c or "spinning wheel" in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["The man at the counter counts his coins slowly.",
                                    "An election official counts ballots at a polling station"])  # fmt: skip
def test_round_50_counts_after_a_thing_or_a_compound_subject_is_a_verb(prompt: str) -> None:
    """Red team 50: "An election official counts ballots" had the one decoy "An election official countesses
    ballots", so the real candidate was certain: "counts" after a noun (the counter, an election official) that
    an article opens is the verb."""
    assert not any("countess" in c for c in accepted(prompt).order)


def test_round_50_a_decade_tag_between_tags_of_one_person_is_their_age() -> None:
    """Red team 50: "solo, mature female, 40s, office lady, pencil skirt" was refused ("a number next to a person"):
    a decade set off between two tags of one person is that person's age, varied."""
    for prompt in ("solo, mature female, 40s, office lady, glasses, city background, best quality",
                   "woman, 30s, brunette, smiling"):  # (refused until round 50, as a stray age)
        group = accepted(prompt)
        assert any(s.name == "age" for s in group.slots) and not any("0s" in c for c in group.order), group.order


def test_round_51_a_decade_after_a_predicate_tag_is_refused_not_sent() -> None:
    """Red team 51: "fantasy warrior, female, 30s" went out with "30s" as written (N = 2): the tag "female" before
    it is a predicate of the warrior, which the stray-age check did not see as the person it may be said of."""
    group = accepted("fantasy warrior, female, 30s, armor, castle")  # session 22: a character sheet's age, varied
    assert any(s.name == "age" for s in group.slots) and not any("30s" in c for c in group.order), group.order
    with pytest.raises(DetectionError, match="'80s'"):
        transform("a man, 80s, synthwave")  # a decade that may be the style is still refused, not guessed


def test_round_51_her_after_a_preposition_before_last_day_is_possessive() -> None:
    """Red team 51: "A retired woman, 65, on her last day of work" had male decoys "on him last day": "her last day"
    read as an object and a time ("she visits her every Sunday"); after a preposition it is hers."""
    group = accepted("A woman, 65, on her last day of work, coworkers clapping")
    assert not any(" him last" in c for c in group.order) and any(" his last" in c for c in group.order), group.order


def test_round_51_an_ordinal_bday_is_a_birthday() -> None:
    """Red team 51: "80TH BDAY PARTY FOR GRANDPA" sent the age as written beside "little boy" decoys; "bday" is a
    birthday, whose ordinal is the person's age."""
    group = accepted("grandma's 90th bday")
    assert any(s.name == "age" for s in group.slots) and not any("90th" in c for c in group.order), group.order
    shouted = accepted("80TH BDAY PARTY FOR GRANDPA")  # the person after the birthday (once refused)
    assert any(s.name == "age" for s in shouted.slots) and not any("80TH" in c for c in shouted.order), shouted.order


@pytest.mark.parametrize(("prompt", "word"), [
    ("1girl, 1boy, couple, hetero, holding hands, beach sunset, masterpiece", "hetero"),
    ("A Nigerian bride in a gele and aso-oke at her traditional wedding", "aso-oke")])  # fmt: skip
def test_round_51_a_tag_or_cloth_that_says_who_is_held_with_its_kind(prompt: str, word: str) -> None:
    """Red team 51: "hetero" (the booru tag of a man and a woman) was sent once the count tags were held; the Yoruba
    "aso-oke" was sent beside "A European groom" once the gele was held."""
    held_on_device(prompt, word)


@pytest.mark.parametrize(("prompt", "said"), [
    ("OLD MAN FISHING ON A LAKE, golden hour", "OLD"), ("KOREAN GIRL WITH LONG HAIR, 8k, detailed", "KOREAN"),
    ("GRANDMA'S 80TH BDAY PARTY!!! family all around her", "80TH"), ("BEST DAD EVER holding his baby girl", "DAD"),
    ("a beach at dusk, YOUNG WOMAN IN A RED DRESS", "YOUNG")])  # fmt: skip
def test_session_22_a_stretch_in_capitals_is_read_as_words_not_names(prompt: str, said: str) -> None:
    """Session 22: a prompt shouting in part ("OLD MAN FISHING ON A LAKE, golden hour") had its capitals read as a
    name, sent as written with N = 1. Capitals in a stretch of common words mark no name, whatever the rest is; the
    decoys keep the stretch in capitals."""
    group = accepted(prompt)
    assert any(said not in c for c in group.order), group.order  # varied, not sent as written
    words = [w for c in group.order for w in re.findall(r"[A-Za-z][A-Za-z'-]*", c)]
    assert all(w.isupper() or w.islower() for w in words), group.order  # no "Old Man" in a shouted stretch
    assert set(accepted("a man at NASA HQ").order) == {"a man at NASA HQ", "a woman at NASA HQ"}  # acronyms stay


@pytest.mark.parametrize("prompt", ["his first birthday, smash cake", "her 50th birthday",
                                    "celebrating his ninetieth birthday with cake"])
def test_session_22_a_birthday_after_a_pronoun_is_the_pronouns_persons_age(prompt: str) -> None:
    """Session 22: "his first birthday" went out as written (N = 2, a baby's age in clear) and "her 50th birthday"
    was refused as a birthday of no one: the possessive names whose age it is."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots)
    assert len({c.split(" birthday")[0].split()[-1] for c in group.order}) > 1, group.order


def test_session_22_how_long_someone_has_been_married_is_held_a_things_anniversary_is_not() -> None:
    """Session 22: "a couple dancing at their 40th anniversary party" and "my parents' 40th anniversary dinner" went
    out as written (a list named only the 50th), while "a poster for the 50th anniversary of the moon landing" was
    cut to "a poster landing". A person's anniversary bounds their age; a thing's is no one's."""
    for prompt, ordinal in [("a couple dancing at their 40th anniversary party", "40th"),
                            ("my parents' twentieth wedding anniversary dinner", "twentieth"),
                            ("a man and his wife on their 35th anniversary", "35th")]:  # fmt: skip
        held_on_device(prompt, ordinal)
    thing = "a poster for the 50th anniversary of the moon landing"
    assert accepted(thing).order == (thing,)


@pytest.mark.parametrize(("prompt", "said"), [
    ("A Hindu wedding with the bride and groom", "Person"), ("a Korean wedding with the bride", "person wedding"),
    ("my grandmother (she's 82, Korean) making kimchi", "Person")])  # fmt: skip
def test_session_22_an_origin_before_a_wedding_or_in_a_bracket_is_no_second_person(prompt: str, said: str) -> None:
    """Red team 52: "A Hindu wedding with the bride" went out as "A Person wedding" ("a Hindu" read as someone
    wedding the bride), "(she's 82, Korean)" as "(she's 75, Asian Person)": a wedding is an event, and a bracket
    closes a tag as a comma does."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["fantasy warrior, male, 30s, sword", "a nun, female, 60s, temple"])
def test_session_22_a_character_sheets_decade_after_its_gender_tag_is_varied(prompt: str) -> None:
    """Session 22: "NOUN, male, 30s, ..." (a stock character sheet) was refused as a stray number."""
    group = accepted(prompt)
    decade = re.search(r"\d0s", prompt).group()
    assert any(s.name == "age" for s in group.slots) and not any(decade in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [
    ("A mom-to-be in her early thirties holding her belly.", "mom-to-be"),
    ("a mum-to-be, 32, in a park", "mum-to-be"),
    ("Baby shower for a mom-to-be in her early thirties, pink balloons", "mom-to-be")])  # fmt: skip
def test_session_22_a_person_noun_glued_into_a_proxy_owns_the_age_after_it(prompt: str, held: str) -> None:
    """Red team 52: "A mom-to-be in her early thirties" was refused (her age made a second person), "a mum-to-be, 32"
    sent "32" as written, and "Baby shower for a mom-to-be in her early thirties" went out "Baby shower in her
    twenties". The mom-to-be is the person; her age is hers, varied."""
    group = held_on_device(prompt, held)
    assert any(s.name == "age" for s in group.slots)
    assert all(re.search(r"\bperson\b", c) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [("a knight in armor --no woman --ar 16:9", "--no woman"),
                                              ("1girl, dress, park --no adult", "--no adult")])  # fmt: skip
def test_session_22_midjourneys_no_parameter_is_a_negative_prompt(prompt: str, held: str) -> None:
    """Red team 52: "--no adult" told the server the subject was a child; "--no woman" was varied as a person."""
    group = held_on_device(prompt, held)
    assert all(c.endswith(("--ar 16:9", "park")) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [("A centenarian woman blowing out 100 candles.", "100"),
                                              ("A NICU nurse holding a premature baby.", "premature")])  # fmt: skip
def test_session_22_candles_blown_and_a_premature_birth_tell_an_age(prompt: str, held: str) -> None:
    """Red team 52: "blowing out 100 candles" and "a premature baby" went out beside "A little girl blowing out 100
    candles" and "a premature old person"."""
    held_on_device(prompt, held)
    thing = "a chapel lit by 100 candles with a priest"
    assert all("100 candles" in c for c in accepted(thing).order)


def test_session_22_an_object_pronoun_in_an_infinitive_is_the_one_who_asked() -> None:
    """Red team 52: "Sarah asked her boyfriend to take a photo of her" had decoys "A man asked his boyfriend to take
    a photo of her": the infinitive's subject is the boyfriend, so "her" is Sarah, not a third person varied apart."""
    group = accepted("Sarah asked her boyfriend to take a photo of her.")
    for c in group.order:
        asker = "his" if c.startswith("A man") else "her"
        assert c.endswith(f"photo of {'him' if asker == 'his' else 'her'}."), group.order
    assert len(group.order) == 4
    assert len(accepted("a girl trying to hug her").order) > len(accepted("a little girl").order)  # her: another


def test_session_22_a_possessed_nouns_appositive_at_the_sentences_end_is_the_same_person() -> None:
    """Red team 52: "yelling at his employee, a young woman." varied the employee and the young woman apart ("his
    employee, a little girl" beside ... ): an appositive that adds what the possessed noun leaves open is its person."""
    group = accepted("A man in a suit yelling at his employee, a young woman.")
    assert len(group.order) == 12, group.order  # the man's gender, the employee's gender and age: one person
    assert len({s.person for s in group.slots}) == 2, group.slots


@pytest.mark.parametrize(("prompt", "said"), [("old, samurai, sword", "old,"), ("young, woman, red dress", "young,")])
def test_session_22_a_tag_opening_the_prompt_is_said_of_its_one_person(prompt: str, said: str) -> None:
    """Red team 53: "old, samurai, sword" went out with "old" as written beside every decoy (N = 10): the first tag
    of a list describes the one person the tags name, as a later one does."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and any(not c.startswith(said) for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["a group of Black, white and Asian friends laughing",
                                    "A mixed group of friends, Black, white and Asian, laughing at a bar."])
def test_session_22_the_origins_of_a_mixed_group_stay_on_the_device(prompt: str) -> None:
    """Red team 53: "a group of Black, white and Asian friends" went out as written; with the list after the group it
    was refused as one person of two origins. Whose origin is whose no candidate could vary: the list is held."""
    held_on_device(prompt, "Black, white and Asian")
    assert accepted("a black and white photo of a man").held_back == ()  # colours of a thing


@pytest.mark.parametrize(("prompt", "kept"), [("A Russian nesting doll set painted with flowers.", "Russian"),
                                              ("A thirty-something office worker eating noodles at her desk.", "office worker")])  # fmt: skip
def test_session_22_a_compound_after_an_origin_or_an_age_is_read_whole(prompt: str, kept: str) -> None:
    """Red team 53: both were refused: "a Russian nesting" read as someone nesting, "a thirty-something" as a person
    of its own before "office worker". A nesting doll is a thing; the age describes the worker."""
    group = accepted(prompt)
    assert all(kept in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "name"), [("Maria dances salsa every Friday", "Maria"), ("Tom paints a fence", "Tom"),
                                              ("John reads a book in bed", "John"), ("Maria still reads", "Maria")])  # fmt: skip
def test_session_22_a_first_name_that_is_a_common_noun_before_its_verb_is_a_name(prompt: str, name: str) -> None:
    """Red team 53: "Maria still dances salsa" sent "Maria" as written; alone, "Maria dances salsa" and "Tom paints a
    fence" went out N = 1 (lunar maria and a tom cat are nouns, and "dances" read as a kind of dances)."""
    held_on_device(prompt, name)
    assert accepted("Jordan shoes on a shelf").order == ("Jordan shoes on a shelf",)  # a make before a garment


def test_session_22_a_sentences_capital_makes_no_name_of_a_common_noun() -> None:
    """Red team 53: "Boy scouts around a campfire" went out as written, N = 1: WordNet's "Boy Scouts" matched on the
    sentence's own capital. A capital elsewhere in the name, or a word always capitalised ("Chinese checkers"), still
    makes one."""
    group = accepted("Boy scouts around a campfire telling ghost stories.")
    assert len(group.order) > 1 and not any(c.startswith("Boy scouts") for c in group.order if c != group.cloud_prompt)
    assert accepted("Boy Scouts of America logo on a shirt").order == ("Boy Scouts of America logo on a shirt",)


@pytest.mark.parametrize(("prompt", "cue"), [
    ("A kid with light brown skin and kinky curly hair blowing bubbles.", "kinky curly hair"),
    ("a girl with tightly coiled black hair", "tightly coiled black hair"),
    ("A woman with a wheatish complexion and long black hair", "wheatish"), ("A pale woman reading", "pale")])  # fmt: skip
def test_session_22_a_tone_or_texture_with_words_between_is_held_as_alone(prompt: str, cue: str) -> None:
    """Red team 53: "kinky curly hair" and "a wheatish complexion" went out as written ("kinky hair" alone was held);
    "A pale woman" too. A tone or texture is a cue whichever words stand between it and the hair or skin."""
    held_on_device(prompt, cue)
    assert "dark curly hair" in accepted("a man with dark curly hair").cloud_prompt  # a colour, no texture


@pytest.mark.parametrize(("prompt", "said"), [("A woman well past middle age doing yoga in the park.", "middle age"),
                                              ("a man in middle age", "middle age"),
                                              ("a woman of advanced age knitting", "advanced age")])  # fmt: skip
def test_session_22_an_age_said_with_age_is_varied(prompt: str, said: str) -> None:
    """Red team 53: "A woman well past middle age doing yoga" went out as written beside every decoy (N = 2)."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order
    assert accepted("a tree of great age").order == ("a tree of great age",)


def test_session_22_a_reflexive_appositive_is_the_same_person() -> None:
    """Red team 53: "A nurse, herself a mother of three" had the decoy "A nurse, himself a mother of three"."""
    group = accepted("A nurse, herself a mother of three, holding a chart")
    assert all(("herself" in c) == ("mother" in c) for c in group.order) and len(group.order) == 2, group.order


@pytest.mark.parametrize("prompt", ["pls make a pic of a hot girl at the beach lol", "a sexy girl in a bikini posing by the pool",
                                    "two sexy girls dancing"])  # fmt: skip
def test_session_22_no_candidate_is_a_child_in_a_sexual_picture(prompt: str) -> None:
    """Held-out round 54: "a hot girl at the beach" went out as "a hot little girl": the cloud view wrote a sexualised
    child no one asked for. Beside sexual words "girl" is a young adult, and no decoy is a child."""
    group = accepted(prompt)
    assert not any(re.search(r"\blittle\b|\bchild", c) for c in group.order), group.order
    assert "little girl" in accepted("a girl drinking hot chocolate").cloud_prompt  # hot chocolate is no such word


@pytest.mark.parametrize("prompt", ["a sexy little girl", "a sexy schoolgirl", "a nude girl, 8 years old"])
def test_session_22_a_stated_child_in_a_sexual_picture_is_refused(prompt: str) -> None:
    with pytest.raises(DetectionError, match="child"):
        transform(prompt)


@pytest.mark.parametrize(("prompt", "said"), [("a mid-thirties businesswoman on a call", "mid-thirties"),
                                              ("mid-thirties businesswoman on a call", "mid-thirties"),
                                              ("a late-forties man jogging", "late-forties")])  # fmt: skip
def test_session_22_a_spelled_decade_with_its_prefix_before_the_noun_is_varied(prompt: str, said: str) -> None:
    """Held-out round 54: "mid-thirties businesswoman" went out as written beside every decoy ("mid-20s" was read)."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order


def test_session_22_a_peoples_name_in_lower_case_is_a_thing() -> None:
    """Held-out round 54: "a skier ... with her poles" went out "with her European people"."""
    prompt = "A skier in a red jacket poses on a snowy mountain slope with her poles."
    assert all(c.endswith("poles.") for c in accepted(prompt).order)
    assert any(s.name == "ethnicity" for s in accepted("a Pole drinking coffee").slots)


@pytest.mark.parametrize(("prompt", "said"), [("a woman, definitely not over 25, smiling", "not over"),
                                              ("a man, not under 60, reading", "not under")])  # fmt: skip
def test_session_22_a_negated_bound_is_an_age_on_its_side(prompt: str, said: str) -> None:
    """Held-out round 54: "definitely not over 25" went out as written beside every decoy (N = 2)."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["my dad fixing the car. Dad laughs", "Our mom at the stove; Mom tastes the soup"])
def test_session_22_a_relative_called_by_their_kin_word_is_the_one_named_with_my(prompt: str) -> None:
    """Held-out round 54: a relative named with "my" and then called by the kin word alone ("Dad") was a second
    person, varied apart ("my mother fixing the car. Father laughs")."""
    group = accepted(prompt)
    assert len(group.order) == 2, group.order


@pytest.mark.parametrize(("prompt", "said"), [("a guy thirty-ish, tattoos, on a bike", "thirty-ish"),
                                              ("a man 30ish with tattoos", "30ish"),
                                              ("yo gimme a dude like 40ish chillin on a couch", "40ish"),
                                              ("a kid (boy, like 6) playing in mud", "like 6"),
                                              ("a girl, like 8, on a bike", "like 8")])  # fmt: skip
def test_session_23_an_age_said_after_the_person_with_ish_or_like_is_varied(prompt: str, said: str) -> None:
    """Red team 54/55: "a guy thirty-ish", "a dude like 40ish", "(boy, like 6)" went out as written beside every
    decoy: the server read the age."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order
    assert "like 6 feet" in accepted("a man who looks like 6 feet tall").cloud_prompt  # a height, no age


@pytest.mark.parametrize(("prompt", "said"), [("two brothers, one 5 and one 12, building a sandcastle", "one 5"),
                                              ("my kids (one 3, the other 7) at the park", "one 3"),
                                              ("Two women, one in her twenties and one in her sixties, walking", "sixties"),
                                              ("three kids aged 4, 6 and 9 playing", "6 and 9")])  # fmt: skip
def test_session_23_the_ages_of_a_groups_members_never_go_out_as_written(prompt: str, said: str) -> None:
    """Red team 54/55: "two brothers, one 5 and one 12" went out as written beside "two old men" decoys; "aged 4, 6
    and 9" as "aged 75, 6 and 9"; "one in her twenties and one in her sixties" was refused as one person."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order), group.order
    if "brothers" in prompt:  # every member a child: the group is, in its phrase, varied as any age
        assert "little" in group.cloud_prompt and any(s.name == "age" for s in group.slots)


@pytest.mark.parametrize(("prompt", "said"), [("A toddler, about 18 months old, stacking blocks on a rug", "months"),
                                              ("a man holding his daughter, 9 months old", "months"),
                                              ("my son is only 3 days old", "days")])  # fmt: skip
def test_session_23_an_age_in_months_or_days_is_a_small_childs(prompt: str, said: str) -> None:
    """Red team 55: "about 18 months old" went out beside "An old person, about 18 months old"."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order), group.order
    assert "little" in group.cloud_prompt or " 10 " in group.cloud_prompt, group.cloud_prompt
    assert accepted("a puppy, 8 weeks old, on a rug").order == ("a puppy, 8 weeks old, on a rug",)


@pytest.mark.parametrize(("prompt", "said"), [("A girl of 12 or 13 practicing violin", "13"),
                                              ("A woman who is not yet forty, reading in a cafe", "forty"),
                                              ("a man, not yet 30, running", "30")])  # fmt: skip
def test_session_23_a_range_or_a_bound_of_an_age_goes_whole(prompt: str, said: str) -> None:
    """Red team 55: "of 12 or 13" went out as "of 75 or 13" in a decoy; "not yet forty" as written, unvaried."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order


def test_session_23_a_letter_o_for_a_zero_in_an_age_is_refused() -> None:
    """Red team 55: "aged 8o" (80) went out as written, the age unvaried."""
    with pytest.raises(DetectionError, match="'80'"):
        transform("A man, aged 8o, with a cane, waiting for a train")
    assert accepted("turn the dial 2o degrees").order == ("turn the dial 2o degrees",)


@pytest.mark.parametrize(("prompt", "said"), [("someone old laughing, black and white photo", "old"),
                                              ("somebody Asian cooking noodles", "Asian"),
                                              ("a photo of someone elderly", "elderly")])  # fmt: skip
def test_session_23_someone_described_is_a_person_whose_words_are_varied(prompt: str, said: str) -> None:
    """Red team 55: "someone old n wrinkly laughing" went out with N = 1, the age as written."""
    group = accepted(prompt)
    assert len(group.order) > 1 and not all(said in c for c in group.order), group.order
    assert accepted("someone special waiting").order == ("someone special waiting",)


@pytest.mark.parametrize("prompt", ["Young Einstein as a schoolboy in a classroom", "Mozart at the piano",
                                    "young Mozart playing the harpsichord"])  # fmt: skip
def test_session_23_a_figure_known_by_surname_is_held_as_a_name(prompt: str) -> None:
    """Red team 55: "Young Einstein as a schoolboy" went out as written beside "a middle-aged woman" decoys."""
    group = accepted(prompt)
    name = "Einstein" if "Einstein" in prompt else "Mozart"
    assert not any(name in c for c in group.order) and any(name in h for h in group.held_back), group.order
    assert "a person" not in accepted("an Irish man drinking Guinness in a pub").cloud_prompt  # a drink, no one
    assert accepted("Young Frankenstein poster").order == ("Young Frankenstein poster",)


@pytest.mark.parametrize(("prompt", "style"), [("The duchess enters the ballroom. Her Grace nods to the footmen.", "Grace"),
                                               ("The queen stood on the balcony. Her Majesty waved to the crowd.", "Majesty")])  # fmt: skip
def test_session_23_a_style_with_a_possessive_is_the_persons(prompt: str, style: str) -> None:
    """Red team 54/55: "Her Majesty", "Her Grace" were kept as names beside "The king stood on the balcony"."""
    group = accepted(prompt)
    assert len(group.order) >= 2
    assert len(accepted("Her Majesty the Queen").order) == 2  # a style and who bears it: one person
    for c in group.order:
        female = "queen" in c or "duchess" in c
        assert (f"Her {style}" in c) == female and (f"His {style}" in c) != female, c


@pytest.mark.parametrize(("prompt", "cue"), [("natural 4c coily hair on a young woman", "4c"),
                                             ("a girl with type 3b loose curls", "3b"),
                                             ("A man wearing a thobe and ghutra drinking coffee", "ghutra"),
                                             ("A woman with tight coils of natural hair", "tight coils"),
                                             ("Grandpa Joe has fished here for sixty years, and he smiles", "sixty years")])  # fmt: skip
def test_session_23_cues_held_whole(prompt: str, cue: str) -> None:
    """Red team 54/55: "natural 4c coily hair" sent "natural 4c"; "ghutra" (a Gulf men's headdress) was sent beside
    "A woman wearing"; "for sixty years" beside a young decoy."""
    held_on_device(prompt, cue)


def test_session_23_a_pale_listed_adjective_is_held_with_its_comma() -> None:
    """Red team 54: "A pale, freckled redhead boy" sent "pale," ("A pale woman" was held)."""
    group = held_on_device("a pale, thin woman reading", "pale")
    assert group.cloud_prompt.startswith("a thin woman"), group.cloud_prompt
    assert accepted("a pale, cold sky over a woman").cloud_prompt.startswith("a pale, cold sky")


def test_session_23_a_word_known_only_in_its_phrase_is_no_misspelling() -> None:
    """Red team 55: "Jackie Chan doing a kung fu stunt" was refused: "'kung' looks like a misspelt 'king'"."""
    assert accepted("a kung fu master on a hill").order == ("a kung fu master on a hill",)
    with pytest.raises(DetectionError, match="misspelt"):
        transform("a kung and his dog")


def test_session_23_a_titled_brand_with_its_possessive_is_a_thing() -> None:
    """Red team 55: "A vintage Mrs. Butterworth's syrup bottle" went out "A vintage a woman's syrup bottle"."""
    prompt = "A vintage Mrs. Butterworth's syrup bottle on a diner counter"
    assert accepted(prompt).order == (prompt,)
    assert "Smith" not in accepted("Mr. Smith's car in the rain").cloud_prompt  # no article: his, held


@pytest.mark.parametrize("prompt", ["My aunt Theresa, who everyone calls Tess, leans on a fence. Tess is wearing a coat.",
                                    "a boy named Leo builds a treehouse. Leo is wearing his cap.",
                                    "My aunt leans on a fence. The aunt is wearing her coat."])  # fmt: skip
def test_session_23_a_person_named_again_by_another_name_or_noun_is_one_slot(prompt: str) -> None:
    """Red team 55: "My aunt Theresa, who everyone calls Tess, ... Tess is wearing" had decoys "My aunt, who everyone
    calls a man, ... The man is wearing" (two people); "named Leo ... Leo is wearing his cap" and "My aunt ... The
    aunt" were two people too, varied apart."""
    group = accepted(prompt)
    for c in group.order:
        low = c.lower()
        female = "aunt" in low or "girl" in low or "woman" in low
        male = "uncle" in low or "boy" in low or " man" in f" {low}"
        assert female != male, c  # one gender in each candidate: one person
    assert not any("Tess" in c or "Leo" in c for c in group.order)


@pytest.mark.parametrize(("prompt", "said"), [("A young couple, he is Nigerian and she is Swedish, at their wedding", "Swedish"),
                                              ("two friends, one Black and one white, laughing", "Black"),
                                              ("a couple, one Korean and one Mexican, dancing", "Mexican")])  # fmt: skip
def test_session_23_the_origins_of_a_groups_members_are_its_mix_held(prompt: str, said: str) -> None:
    """Red team 55: "A young couple, he is Nigerian and she is Swedish" was refused as one person of two origins;
    "one Korean and one Mexican" went out "one Asian person and one person"."""
    held_on_device(prompt, said)


@pytest.mark.parametrize("prompt", ["Portrait of Genghis Khan", "Portrait of Genghis Khan on horseback in the steppe"])
def test_session_23_a_known_name_in_title_case_is_held(prompt: str) -> None:
    """Red team 55: "Portrait of Genghis Khan on horseback in the steppe" was refused; "Portrait of Genghis Khan" (title
    case: every word capitalised) went out as written, N = 1."""
    held_on_device(prompt, "Genghis")
    assert accepted("A Crazy Horse Running In The Field").order == ("A Crazy Horse Running In The Field",)


def test_session_23_a_thing_named_by_a_hyphenated_word_keeps_its_origin() -> None:
    """Red team 55: "A Japanese maneki-neko cat figurine waving in a restaurant" (no one in it) went out without
    "Japanese": the hyphenated word the lexicon lacks stopped the reading of a thing as the prompt's subject."""
    prompt = "A Japanese maneki-neko cat figurine waving in a restaurant"
    assert accepted(prompt).order == (prompt,)


@pytest.mark.parametrize(("prompt", "said"), [("a woman in her early twentys, reading in a cafe", "twentys"),
                                              ("a man in his late fourties", "fourties"),
                                              ("a woman, definitely not older than 25, reading", "25"),
                                              ("a man aged somewhere between 40 and 50", "between"),
                                              ("shes like 23 and she loves coffee", "23"),
                                              ("pls make pic of my gf shes like 23 asian long hair smiling", "23"),
                                              ("girl 16, anime style", "16"),
                                              ("a woman, 70+", "70"),
                                              ("a woman barely out of her teens, laughing", "teens")])  # fmt: skip
def test_session_23_held_out_ages_are_varied(prompt: str, said: str) -> None:
    """Held-out round 56: each age went out as written beside every decoy (or, "70+", was refused)."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots), group.order
    assert not all(said in c for c in group.order), group.order
    assert accepted("room 16, a woman reading").cloud_prompt == "room 16, a woman reading"  # a room's number


@pytest.mark.parametrize(("prompt", "held"), [("a boy not yet old enough to drive, leaning on his dad's car", "old enough"),
                                              ("a girl too young to vote", "too young"),
                                              ("teenage girl, hoodie, skatepark, negative: adult, old, wrinkles", "adult"),
                                              ("a person with wrinkled, liver-spotted hands holding a cane", "liver-spotted"),
                                              ("a tall person with a prominent Adam's apple in a blue shirt", "Adam's apple"),
                                              ("a pregnant woman cradling her bump in a sunflower field", "bump")])  # fmt: skip
def test_session_23_held_out_cues_are_held(prompt: str, held: str) -> None:
    """Held-out round 56: "not yet old enough to drive" beside "an old man", "negative: adult" beside old decoys,
    "liver-spotted hands" and "a prominent Adam's apple" (kept as a brand) went out as written."""
    held_on_device(prompt, held)
    assert accepted("a house old enough to be a museum").order == ("a house old enough to be a museum",)


def test_session_23_a_9yo_is_a_child() -> None:
    """Held-out round 56: "a 9yo on a bike" was refused (no person to attach the age to)."""
    group = accepted("a 9yo on a bike")
    assert "little" in group.cloud_prompt and any(s.name == "age" for s in group.slots)


def test_session_23_a_band_of_its_members_is_held() -> None:
    """Held-out round 56: "a boy band of four teenage boys" had the decoy "a boy band of four old women"."""
    group = held_on_device("a boy band of four teenage boys singing on stage", "boy band")
    assert group.cloud_prompt.startswith("four"), group.cloud_prompt
    assert accepted("a boy band singing on stage").order == ("a boy band singing on stage",)


@pytest.mark.parametrize(("prompt", "name"), [("Mrs. Tanaka pours tea for her guests.", "Tanaka"),
                                              ("Lil Nas X riding a horse in a pink cowboy hat", "Nas")])  # fmt: skip
def test_session_23_held_out_names_are_held(prompt: str, name: str) -> None:
    """Held-out round 56: "Mrs. Tanaka pours tea" was kept as a brand of pours, "Lil Nas X riding" as a work's name:
    both went out as written."""
    held_on_device(prompt, name)


def test_session_23_a_place_of_several_words_is_no_name() -> None:
    """Held-out round 56: "football fans in Buenos Aires celebrating a goal" went out "in a person celebrating"."""
    prompt = "a crowd of football fans in Buenos Aires celebrating a goal"
    assert accepted(prompt).order == (prompt,)


def test_session_23_a_decoys_ambiguous_pronoun_is_refused_in_the_users_words() -> None:
    """Red team 55/56: "his grandson watches him work" was refused with "a word is unreadable": a decoy's "her work"
    reads two ways. The message quotes the user's own words and says what to write.
    (Session 31: a decoy's "watches her work" reads as her working, so this prompt is accepted; the refusal in the
    user's words is now that of "watching his dance", whose decoy "her dance" reads as "him dance".)"""
    group = accepted("The old man mends his net, and his grandson watches him work.")
    assert any("watches her work" in c for c in group.order) and all("his work" not in c for c in group.order)
    with pytest.raises(DetectionError) as refused:
        transform("The old man mends his net, and his grandson watches his dance.")
    assert "'watches his dance'" in str(refused.value) and "unreadable" not in str(refused.value)
    assert len(accepted("The old man mends his net, and his grandson watches him at work.").order) > 1  # as advised


@pytest.mark.parametrize(("prompt", "said"), [("A boy and a girl, both about eight, sharing an ice cream cone", "eight"),
                                              ("yo bro make a muscly guy 30s, tatted up, at the gym", "30s"),
                                              ("grandpa (80!!!) on a jet ski??? make it epic", "80")])  # fmt: skip
def test_session_23_round_57_ages_are_varied(prompt: str, said: str) -> None:
    """Held-out round 57: "both about eight" went out beside "An old man and a young woman, both about eight"; "guy
    30s" and "grandpa (80!!!)" were refused as stray numbers."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [("a baby swaddled in a blue blanket", "swaddled"),
                                              ("A gentleman who is no longer young but not yet old, reading", "not yet old"),
                                              ("a woman after her AARP meeting", "AARP")])  # fmt: skip
def test_session_23_round_57_age_cues_are_held(prompt: str, held: str) -> None:
    """Held-out round 57: "swaddled" went out beside old decoys, "her AARP meeting" (members are 50 or over) as
    written."""
    held_on_device(prompt, held)


@pytest.mark.parametrize(("prompt", "said"), [("pls make a pic of my bf hes 28 and chinese, at the beach lol", "28"),
                                              ("A woman in her late twenties to early thirties laughing", "thirties"),
                                              ("A woman who just got her pilot's license at sixty-two posing", "sixty-two"),
                                              ("a woman who married at 30, smiling", "30")])  # fmt: skip
def test_session_23_round_57_ages_said_otherwise_are_varied(prompt: str, said: str) -> None:
    """Held-out round 57: "hes 28" was kept as a model's name, "to early thirties" and "at sixty-two" went out as
    written beside every decoy."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order
    assert accepted("a man driving at sixty miles an hour").cloud_prompt == "a man driving at sixty miles an hour"


@pytest.mark.parametrize(("prompt", "view"), [
    ("she retired at sixty and took up painting", "he took up painting"),
    ("my dad retired at 55 years old and now fishes every day", "my mother now fishes every day"),
    ("a man who retired at 62, reading on his porch", "a woman, reading on her porch"),
    ("a woman who retired at 60 and her husband", "a woman and her husband"),
])  # fmt: skip
def test_session_24_a_held_life_event_takes_the_age_it_came_at(prompt: str, view: str) -> None:
    """Round 59: "she retired at sixty" was refused (its decoys read "she at sixty"), "retired at 55 years old" went
    out as "my father at middle-aged person", "a man who retired at 62" as "a man who at 75": the age an event came
    at is the person's, and leaves with the held event; what is left reads as a sentence."""
    group = accepted(prompt)
    assert view in group.order, group.order
    assert not any(w in c for c in group.order for w in ("retired", " at ", "sixty", "55", "62", "60")), group.order


@pytest.mark.parametrize(("prompt", "again"), [
    ("John is a painter. He paints landscapes. John's studio is full of canvases.", "'s studio"),
    ("Maria, a nurse, walks into the hospital. She puts on her scrubs. Maria checks the charts.", " checks the charts"),
    ("Ahmed, a retired firefighter, sits on the porch. Ahmed's dog sleeps.", "'s dog sleeps"),
])  # fmt: skip
def test_session_24_a_name_said_again_is_the_same_person(prompt: str, again: str) -> None:
    """Round 59: "John's studio" went out as written after "John" was varied; a second "Maria" after "Maria, a nurse"
    was a second person varied apart (decoys "A female nurse ... A man checks the charts")."""
    group = accepted(prompt)
    name = prompt.split()[0].rstrip(",")
    assert not any(name in c for c in group.order), group.order
    assert len({s.person for s in group.slots}) == 1, group.slots
    for c in group.order:  # one person: every mention says one gender, and the name's sentence names them again
        said = set(re.findall(r"\b(man|woman|male|female|fireman|firewoman|he|she|his|her)\b", c.lower()))
        assert said <= {"man", "male", "fireman", "he", "his"} or said <= {"woman", "female", "firewoman", "she", "her"}, c
        assert re.search(r"The [a-z ]+" + re.escape(again), c), c


def test_session_24_a_person_noun_spelt_solid_is_a_person() -> None:
    """Round 58: "Two coworkers chatting by the coffee machine. She laughs at his joke." went out with "She" as written
    (N = 2 by "his" alone): "coworkers" was no word, and "She" was read as the coffee machine's. "coworker" is
    WordNet's "co-worker"; the pronouns of two people it cannot tell apart are refused."""
    with pytest.raises(DetectionError, match="this pronoun is"):
        transform("Two coworkers chatting by the coffee machine. She laughs at his joke.")
    group = accepted("my coworker at her desk")
    assert {s.name for s in group.slots} == {"gender"} and any("his desk" in c for c in group.order), group.order
    assert accepted("A dog in a hat. He smiles.").n == 1  # an animal's pronoun stays


@pytest.mark.parametrize("prompt", ["a girl who is 5'2\" trying on dresses", "she is 5'4\"", "a woman who is 5 foot 2",
                                    "a tall man, 6 ft 4, in a suit"])  # fmt: skip
def test_session_24_a_height_is_no_age(prompt: str) -> None:
    """Round 59: "a girl who is 5'2\"" went out as "a little girl who is 10'2\"" and "an old man who is 75'2\""."""
    group = accepted(prompt)
    height = re.search(r"\d+ ?(?:'|ft|foot) ?\d", prompt).group(0)
    assert all(height in c for c in group.order), group.order
    assert "age" not in {s.name for s in group.slots} or "girl" in prompt, group.slots


@pytest.mark.parametrize(("prompt", "meant"), [("a wmn w/ a baby in a stroller", "woman"), ("lttl boy on a bike", "little"),
                                               ("my dghtr at the park", "daughter")])  # fmt: skip
def test_session_24_a_person_word_without_its_vowels_never_reaches_the_cloud(prompt: str, meant: str) -> None:
    """Round 59: "a wmn w/ a baby" went out with "wmn" as written beside every decoy of the baby. It was refused until
    session 32; now shorthand that spells one word is read as that word (round 93: "bby girl" refused), so the cloud
    reads the word in every candidate and never the shorthand."""
    group = accepted(prompt)
    short = prompt.split()[0 if prompt.startswith("lttl") else 1]
    assert f"'{short}' as '{meant}'" in group.note and not any(short in c.split() for c in group.order), group.order
    assert accepted("a cat on a mat").n == 1


def test_session_24_a_prompt_that_is_all_negative_prompt_is_refused_for_that() -> None:
    """Round 58: "negative prompt: blurry, ..., a woman sitting at a cafe" was refused as "the prompt is empty"."""
    with pytest.raises(DetectionError, match="negative prompt that runs to the prompt's end"):
        transform("negative prompt: blurry, lowres, bad anatomy, a woman sitting at a cafe, (film grain:0.8)")
    assert "knight" in accepted("Negative prompt: woman, female. Prompt: a knight in armor").cloud_prompt


@pytest.mark.parametrize("prompt", ["The Mother Teresa bridge in Tirana lit up at night.", "the King George hotel lobby",
                                    "a nun crossing the Prince Albert bridge", "the Prince Albert pub on a rainy night"])  # fmt: skip
def test_session_24_a_place_named_after_someone_keeps_its_name(prompt: str) -> None:
    """Round 58: "The Mother Teresa bridge in Tirana" went out as "The bridge in Tirana": no one is pictured in a
    bridge or a hotel named after them. A statue or a memorial shows them, and stays varied or held."""
    group = accepted(prompt)
    assert all(prompt.split(" the ")[-1].split(" in ")[0].removeprefix("The ") in c for c in group.order), group.order
    assert "Queen Elizabeth" not in accepted("the Queen Elizabeth statue in the park").cloud_prompt


@pytest.mark.parametrize(("prompt", "view"), [
    ("A grandmother stands in her garden. She smiles at the camera. Her grey hair is tied back in a bun. Bees buzz.",
     "smiles at the camera. Bees buzz."),
    ("A young girl runs across a meadow. Her braids bounce as she laughs.", "runs across a meadow."),
    ("A Nigerian man in traditional agbada attire at a wedding celebration.", "man at a wedding celebration."),
])  # fmt: skip
def test_session_24_what_is_left_of_a_held_phrase_reads_as_a_sentence(prompt: str, view: str) -> None:
    """Round 58: a held subject left its verb ("She smiles at the camera. is tied back in a bun.", "Her bounce as she
    laughs."), a held garment its head ("An African man attire at a wedding"). The sentence about the held words
    leaves with them; a garment a proxy names leaves with it."""
    group = accepted(prompt)
    assert all(c.endswith(view) for c in group.order), group.order


def test_session_24_doing_one_thing_since_long_ago_is_held() -> None:
    """Round 59: "a woman who has been knitting since 1955" went out beside every decoy (N = 2, gender only)."""
    held_on_device("a woman who has been knitting since 1955, in her cozy armchair", "since 1955")
    assert accepted("a bakery open since 1955").cloud_prompt == "a bakery open since 1955"


def test_session_24_a_body_part_after_has_is_the_persons() -> None:
    """Round 58: "He has his arm around her" was refused as "her arm ... as a thing, or her doing it" (the decoys'
    "She has her arm around him"), with a hint about work."""
    group = accepted("A young couple sitting on a park bench. He has his arm around her.")
    assert "A young couple sitting on a park bench. She has her arm around him." in group.order, group.order
    with pytest.raises(DetectionError, match="watching his dance"):
        transform("a man watching his dance")  # "her dance" after a verb of seeing is her dancing (session 31)


@pytest.mark.parametrize(("prompt", "meant"), [("a hombre viejo playing chess in the plaza", "old"),
                                               ("a mujer joven reading", "young"), ("a mulher dancing samba", "woman")])  # fmt: skip
def test_session_24_another_languages_attribute_word_is_refused(prompt: str, meant: str) -> None:
    """Round 59: "a hombre viejo" went out as "a man viejo" / "a woman viejo" (the old man's "viejo" beside every
    decoy), "a mujer joven" as "a woman joven"."""
    with pytest.raises(DetectionError, match=f"another language's word for '{meant}'"):
        transform(prompt)
    assert accepted("a vieux port at dusk").n == 1


@pytest.mark.parametrize("prompt", ["a girl in a Girl Scout uniform selling cookies outside a grocery store",
                                    "a boy in a boy scout uniform"])  # fmt: skip
def test_session_24_a_uniform_named_with_a_person_word_is_held(prompt: str) -> None:
    """Round 59: "a Girl Scout uniform" was kept as a kind of uniform beside the decoys "an old man in a Girl Scout
    uniform"; "a boy scout uniform" went out with "boy" as written."""
    group = accepted(prompt)
    assert all("scout" not in c.lower() and " in a uniform" in c for c in group.order), group.order
    assert accepted("girl scout cookies on a table").n == 1


@pytest.mark.parametrize(("prompt", "again"), [
    ("A father carries his sleeping toddler up the stairs. He moves slowly so as not to wake her.", "The father moves"),
    ("A mother holds her baby. She sings to him.", "The mother sings"),
])  # fmt: skip
def test_session_24_a_subject_pronoun_whose_sentence_needs_the_owner_is_the_owner(prompt: str, again: str) -> None:
    """Round 58: "A father carries his sleeping toddler ... He moves slowly so as not to wake her" was refused ("her" is
    female but its person is male): "He" was bound to the toddler, the nearest person, and "her" then to the father.
    The owner of the one whom nothing gives a gender is the subject meant, written as their noun again."""
    group = accepted(prompt)
    assert any(again in c for c in group.order), group.order
    assert all(("The father" in c) or ("The mother" in c) for c in group.order), group.order
    assert accepted("A father carries his toddler. He giggles.").n > 1  # no other pronoun: the nearest, as before


@pytest.mark.parametrize(("prompt", "view"), [("a man who got married at 19", "a woman who got married"),
                                              ("she graduated at 22 and became a nurse", "he graduated and became a nurse")])  # fmt: skip
def test_session_24_an_age_at_an_event_of_no_adults_noun_is_held(prompt: str, view: str) -> None:
    """Round 59's probes: "she graduated at 22", "a man who got married at 19" went out as written beside every
    decoy (N = 2): the age a past event came at stays on the device where no adult's noun lets it be varied."""
    group = accepted(prompt)
    assert view in group.order and not any(" at " in c for c in group.order), group.order
    assert accepted("he arrived at 10").cloud_prompt == "he arrived at 10"  # a time


@pytest.mark.parametrize(("prompt", "view"), [
    ("a man who just retired after 40 years at the steel mill, sitting on his porch",
     "a woman at the steel mill, sitting on her porch"),
    ("a middle-aged woman jogging in the park, her ponytail swinging; the jogger stops to drink water",
     "a middle-aged man jogging in the park; the jogger stops to drink water"),
    ("a woman dancing, her braids flying", "a man dancing"),
    ("a man, his beard blowing in the wind", "a woman"),
])  # fmt: skip
def test_session_24_round_59_what_a_held_word_does_leaves_with_it(prompt: str, view: str) -> None:
    """Round 59: "retired" held left "a man who just after 40 years at the steel mill" (how long he worked there is
    held too: "after 40 years"); "her ponytail" held left "jogging in the park, swinging;": an absolute phrase about
    the held words leaves whole, with its comma."""
    group = accepted(prompt)
    assert view in group.order, group.order


@pytest.mark.parametrize(("prompt", "clear"), [
    ("can you do a pic of my mom shes indian and loves gardening", "Indian"),
    ("pls make a pic of my bf playing guitar hes asian and 25", "25"),
    ("can u draw me and my gf at the beach shes latina", "latina"),
])  # fmt: skip
def test_session_24_round_60_a_pronoun_with_its_copula_glued_on_says_of_its_person(prompt: str, clear: str) -> None:
    """Held-out round 60: "my mom shes indian" went out as "my father shes Indian person" ("shes indian" read as a
    second person, the pronoun as its modifier), "hes asian and 25" with "25" beside every decoy."""
    group = accepted(prompt)
    assert not any(re.search(r"\b(she|he)s\b", c) and "person" in c.lower() for c in group.order), group.order
    assert all(("shes" in c) == any(w in c for w in ("mother", "girlfriend")) for c in group.order if "s " in c), group.order
    if clear != "Indian":
        assert not all(clear in c for c in group.order), group.order
    else:
        assert {s.name for s in group.slots} >= {"gender", "ethnicity"}, group.slots


@pytest.mark.parametrize(("prompt", "said"), [
    ("A little girl hugs her teddy bear. She is about five. The girl is falling asleep on the couch.", "about five"),
    ("Draw Maria at her kitchen table. She is 45 and Mexican. Maria is laughing at a joke.", "Maria"),
    ("Maria at her kitchen table. She is 45 and Korean.", "Korean"),
])  # fmt: skip
def test_session_24_round_60_what_a_later_sentence_says_of_her_is_varied(prompt: str, said: str) -> None:
    """Held-out round 60: "She is about five" went out in all 8 candidates ("An old man ... He is about five");
    "Draw Maria" kept the name in all 32 (read as a title with the request verb), and "45 and Mexican" read
    "Mexican" as a second person ("She is 45 and Person")."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order), group.order
    assert not any("Person" in c or c.rstrip(".").endswith(" and") for c in group.order), group.order
    assert accepted("she is Mexican and loves music").cloud_prompt == "she loves music"


def test_session_24_round_61_signs_for_letters_are_refused_like_digits() -> None:
    """Held-out round 61: "gr@ndma" went out as written, while "w0man" was refused."""
    with pytest.raises(DetectionError, match="'grandma' with digits or signs"):
        transform("a gr@ndma knitting by the fire")
    assert accepted("email me at bob@example.com a man").n == 2


@pytest.mark.parametrize(("prompt", "kept"), [
    ("a person in a Japanese schoolgirl uniform at Tokyo station", "a person in a uniform at Tokyo station"),
    ("a girl at an all-boys boarding school assembly", "at an all-boys boarding school assembly"),
])  # fmt: skip
def test_session_24_round_61_a_thing_named_for_people_is_no_person(prompt: str, kept: str) -> None:
    """Held-out round 61: "a Japanese schoolgirl uniform" went out as "a little Asian girl uniform" (N = 40), "an all-boys
    boarding school" as "a middle-aged all-men boarding school" (N = 64): a uniform of a kind and a school for some
    people name no one there."""
    group = accepted(prompt)
    assert all(c.endswith(kept) for c in group.order), group.order
    assert accepted("an all-women choir singing").n == 2  # a choir is its people


@pytest.mark.parametrize(("prompt", "held"), [
    ("a man who graduated in 1975 looking at his old yearbook", "in 1975"),
    ("a woman who graduated from college in 1972, smiling", "in 1972"),
])  # fmt: skip
def test_session_24_round_62_the_year_of_an_event_and_the_askers_age_are_held(prompt: str, held: str) -> None:
    """Held-out round 62: "graduated in 1975" went out beside every decoy (N = 2; "born in 1950" is varied)."""
    held_on_device(prompt, held)
    assert accepted("a photo of a woman from 1975").cloud_prompt == "a photo of a woman from 1975"


@pytest.mark.parametrize(("prompt", "said"), [
    ("i want a pic of my mom and me at the beach, shes like 45 and im 17", "im 17"),
    ("me and my dad fishing, I'm 30", "I'm 30"),
])  # fmt: skip
def test_session_24_round_62_the_askers_own_age_is_varied(prompt: str, said: str) -> None:
    """Held-out round 62: "im 17" (the asker's own age) went out beside "my father ... hes like 25". It was held back
    from session 24; from session 27 the asker is a person slot of their own and the age is varied with it (round
    73: "im 70, draw me fishing", with no one else named, went out as written)."""
    group = accepted(prompt)
    pronoun = said.rsplit(" ", 1)[0]
    ages = {c.split(pronoun + " ", 1)[1].split()[0].strip(",") for c in group.order}
    assert not any(said in c for c in group.order) and len(ages) == 4, ages


def test_session_24_round_62_a_possessive_before_a_model_code_is_its_owners() -> None:
    """Held-out round 62: "a lil bro playing fortnite on his ps5" kept "his ps5" as a product's name, beside "an old
    woman playing fortnite on his ps5"."""
    group = accepted("yo generate a lil bro playing fortnite on his ps5")
    assert all(("woman" in c or "girl" in c) == c.endswith("on her ps5") for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("a man with almond-shaped eyes and straight black hair wearing a suit",
     "a woman with straight black hair wearing a suit"),
    ("a woman going through menopause talking to her doctor", "a man talking to his doctor"),
    ("The old fisherman pulls his net from the sea. The fisherman's face is wrinkled from the sun.",
     "The young fisherwoman pulls her net from the sea. The fisherwoman's face."),
    ("Mary holding baby Jesus", "A man holding little child"),
])  # fmt: skip
def test_session_24_round_62_what_is_left_of_a_held_word_reads_as_written(prompt: str, view: str) -> None:
    """Held-out round 62: "a man with eyes and straight black hair" (a held shape left its feature), "a woman going
    talking to her doctor" (a verb bound to its held object before the next -ing verb), "The fisherman's face is from
    the sun." (a held predicate left its copula) and "The fisherman's" varied apart from "The old fisherman" (a "the"
    that opens the prompt introduces its person); "the Virgin little holding child" (an -ing word after a name is
    what the person does, no modifier of the next noun)."""
    group = accepted(prompt)
    assert view in group.order, group.order


@pytest.mark.parametrize(("prompt", "said"), [("She is Kenyan and twenty-four, smiling", "twenty-four"),
                                              ("He looks about eight.", "eight")])  # fmt: skip
def test_session_24_round_63_an_age_in_words_after_looks_or_and_is_varied(prompt: str, said: str) -> None:
    """Held-out round 63 (on the session's last code): "She is Kenyan and twenty-four" went out in all 10 candidates,
    "He looks about eight" beside "An old man ... looks about eight"."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order
    assert accepted("he looks about eight feet tall").n == 2


@pytest.mark.parametrize(("prompt", "view"), [
    ("His hands are rough and his beard is grey.", "Her hands are rough."),
    ("my mom shes mexican and loves to cook", "my father loves to cook"),
    ("my mom shes mexican", "my father"),
    ("a woman in a little girl dress", "a man"),
    ("a man wearing a little boy costume", "a woman wearing a costume"),
])  # fmt: skip
def test_session_25_what_a_held_word_leaves_reads_as_written(prompt: str, view: str) -> None:
    """Held-out round 63: "His hands are rough is grey." (the clause a held subject opens after "and" stayed), "my
    mother shes and loves to cook" (an origin outside the value space after a pronoun with its copula glued on left
    the pronoun), "a woman in an old man" ("a little girl dress" read as a second person, its garment held)."""
    group = accepted(prompt)
    assert view in group.order, group.order


@pytest.mark.parametrize("prompt", ["Joe's Diner at night, neon sign", "Tony's Pizza on a rainy street"])
def test_session_25_a_place_named_after_its_owner_pictures_no_one(prompt: str) -> None:
    """Held-out round 63: "Joe's Diner at night" went out as "A man at night" beside "A woman at night"."""
    group = accepted(prompt)
    assert group.order == (prompt,), group.order
    held_on_device("Joe's dog at night", "Joe's")  # a dog of his: the name is a person's, held back


def test_session_25_an_origin_adjective_before_her_modifiers_is_hers() -> None:
    """"a Scandinavian blonde woman skiing" was refused with no word named: "Scandinavian" was read as a noun ("a
    Scandinavian") and "blonde woman" as a second person, whose decoys read differently."""
    group = accepted("a Scandinavian blonde woman skiing")
    assert len(group.slots) == 2 and "a European man skiing" in group.order, group.order
    assert accepted("a Scandinavian selling fish").n == 5  # a noun there: the one person, of one origin


@pytest.mark.parametrize("prompt", ["a mother with her elderly twins", "A mother with her twin babies",
                                    "twin 3-year-olds splashing in a puddle"])
def test_session_25_twins_after_an_age_or_twin_are_people_not_a_verb(prompt: str) -> None:
    """"her elderly twins" kept "twins" as the verb of "the elderly" (sent in clear in both candidates), and "her twin
    babies" kept "babies" as the twin's verb: the twins' and the babies' age went out as written. "twin 3-year-olds"
    (a first version read its decoy "twin little children" with the twins as one person, the prompt as two)."""
    group = accepted(prompt)
    assert sum(s.name == "age" for s in group.slots) == 1, group.order
    assert accepted("the man at the counter counts his coins").n == 2  # a thing before it: still the verb


@pytest.mark.parametrize(("prompt", "decoy"), [
    ("A retired teacher reads the newspaper. His wife brings him tea.",
     "A teacher reads the newspaper. Her husband brings her tea."),
    ("A man sits with his daughter. He brings her tea.", "A woman sits with her son. The woman brings him tea."),
    ("a man giving her flowers", "a woman giving him flowers"),
])  # fmt: skip
def test_session_25_her_between_a_verb_of_giving_and_a_bare_thing_is_given_to(prompt: str, decoy: str) -> None:
    """"His wife brings him tea" was refused with no word named (its decoy "Her husband brings her tea" read "her tea"
    as hers), "a man giving her flowers" as a woman bound to the man."""
    group = accepted(prompt)
    assert decoy in group.order, group.order
    assert "He brings his tea to the table" in accepted("She brings her tea to the table").order  # no one else: hers


@pytest.mark.parametrize("prompt", ["Maria lighting candles with her son", "Priya lighting diyas for Diwali with her mother"])
def test_session_25_a_name_lighting_a_thing_is_a_person_not_a_painters_light(prompt: str) -> None:
    """"Maria lighting candles" kept "Maria" as an artist's lighting ("Rembrandt lighting") and sent the name beside
    "his daughter"; with "diyas" the prompt was refused, naming no word."""
    group = accepted(prompt)
    assert not any(prompt.split()[0] in c for c in group.order), group.order
    assert accepted("portrait of an old man, Rembrandt lighting, oil painting").kept[0][0] == "Rembrandt"


@pytest.mark.parametrize(("prompt", "said"), [
    ("a twelve yo boy playing video games", "twelve"),
    ("a girl of eight summers picking berries", "eight"),
    ("a girl of eight years picking berries", "eight"),
    ("a tall 50yo man", "50"),
])  # fmt: skip
def test_session_25_round_64_an_age_in_words_with_its_unit_is_varied(prompt: str, said: str) -> None:
    """Held-out round 64: "a twelve yo old man" and "an old man of eight summers" were sent (the age in clear beside
    every decoy); "of eight years" was refused; "tall 50yo" was kept as a product's model code."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots) and not any(said in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [
    ("a pair of wrinkled hands holding a cup of tea", "wrinkled"),
    ("a babushka in a headscarf selling sunflower seeds", "in a headscarf"),
    ("a yung black dude with dreads skateboarding", "dreads"),
    ("a Swedish woman with blue eyes", "blue eyes"),
    ("an Inuit hunter in fur clothing next to an igloo", "next to"),
    ("peter pan flying over london at night", "peter pan"),
    ("Little Red Riding Hood meeting the wolf", "Little Red Riding Hood"),
])  # fmt: skip
def test_session_25_round_64_what_names_an_attribute_stays_on_the_device(prompt: str, held: str) -> None:
    """Held-out round 64: "wrinkled hands" went out where the tea made the prompt read as about a plant, "a babushka
    ... selling" as the scarf, "dreads" where "dreadlocks" is held, a light eye colour beside decoys of every origin,
    "next" left by a held "to an igloo", lower-case figures and one written as a title ("Little Red Riding Hood")."""
    group = held_on_device(prompt, held)
    assert not any(c.endswith(" next") for c in group.order), group.order


def test_session_25_round_64_a_borrowed_gendered_adjective_is_refused() -> None:
    """Held-out round 64: "a chica bonita dancing" went out as "an old man bonita dancing" (the feminine in clear)."""
    with pytest.raises(DetectionError, match="bonita"):
        transform("a chica bonita dancing salsa in a club in Havana")
    assert accepted("she dreads mondays").n == 2  # the verb, no hair ("she mondays" was sent)


@pytest.mark.parametrize(("prompt", "view"), [
    ("a woman dressed as a samurai", "a man dressed as a samurai"),
    ("a father and son, both bald, fishing from a boat", "a mother and daughter, fishing from a boat"),
    ("a man with grey temples and reading glasses", "a woman with reading glasses"),
    ("Mona Lisa smiling in a modern cafe", "A man smiling in a modern cafe"),
])  # fmt: skip
def test_session_25_round_65_what_the_cloud_reads_says_nothing_of_the_person(prompt: str, view: str) -> None:
    """Held-out round 65: "a man dressed as a Caucasian woman" (a costume of one origin varied as a second person),
    "a father and son, both, fishing" (the aside left), "grey temples" sent beside no age decoy, "Mona Lisa smiling"
    kept as the painting (a woman sent in clear)."""
    group = accepted(prompt)
    assert view in group.order, group.order
    assert accepted("Mona Lisa reimagined as a cat").n == 1  # the painting


def test_session_25_round_65_slang_for_a_parent_is_a_parent() -> None:
    """Held-out round 65: "a cute lil latina mami cooking tamales" was refused as a misspelt "mama"."""
    group = accepted("a cute lil latina mami cooking tamales")
    assert any(s.name == "gender" for s in group.slots), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("A wrinkled old face with cloudy eyes and a toothless smile", "A face with cloudy eyes and a toothless smile"),
    ("A man with a long gray beard and a bald head", "A woman"),
    ("a woman with wrinkled hands", "a man"),
])  # fmt: skip
def test_session_25_round_66_an_attribute_of_a_body_part_leaves_with_it(prompt: str, view: str) -> None:
    """Held-out round 66: "An old face with cloudy eyes" went out with the age in clear (N = 1: an age on a body part
    is someone's), "A man with a head" (a held "bald" left its head)."""
    group = accepted(prompt)
    assert view in group.order, group.order
    assert accepted("an old car").order == ("an old car",)  # a thing's age
    assert accepted("a bald head").order == ("a head",)  # the head is all there is: it stays


@pytest.mark.parametrize(("prompt", "word"), [("an oma and her enkelin baking plätzchen", "enkelin"),
                                              ("an oldhead uncle grillin at the cookout", "oldhead")])  # fmt: skip
def test_session_25_round_67_borrowed_and_slang_person_words_are_varied(prompt: str, word: str) -> None:
    """Held-out round 67 (on the session's last code): the German granddaughter and the slang for an older person went
    out as written beside every decoy ("a little girl and her enkelin")."""
    group = accepted(prompt)
    assert not any(word in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [
    ("my friend Priya smiling at her graduation", "Priya"),
    ("a man with a pixie cut", "pixie cut"),
    ("A shirtless boy with a sunburn and a buzz cut", "buzz cut"),
    ("portrait of a man aged 83 with a walking cane", "walking cane"),
])  # fmt: skip
def test_session_25_round_67_a_name_after_its_noun_and_gendered_cuts_stay_on_the_device(prompt: str, held: str) -> None:
    """Held-out rounds 66 and 67: "my friend a person smiling at her graduation" (the name read as a second person
    before what only a person does), a pixie cut, a buzz cut and a walking cane beside decoys they contradict."""
    group = held_on_device(prompt, held)
    assert not any("a person" in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("A woman with gray hair in a bun", "A woman with hair in a bun"),
    ("a man with white hair tied back", "a man with hair tied back"),
    ("person with an afro and dark brown skin tying their running shoes", "person tying their running shoes"),
    ("portrait of a man, [bearded:clean-shaven:0.5], studio lighting", "portrait of a man, studio lighting"),
    ("mi abuela cooking tamales in her kitchen", "mi old female friend cooking tamales in her kitchen"),
])  # fmt: skip
def test_session_26_what_a_held_word_leaves_reads_as_written(prompt: str, view: str) -> None:
    """Held-out round 68 and its neighbours: "A woman in a bun" and "a man tied back" (a hair colour held with its hair,
    what is said of the hair left), "person" (an -ing verb after "and dark brown skin" read as that clause's verb),
    "[::0.5]" (a front-end's edit with both sides held), "old mi woman" ("mi" is Spanish "my")."""
    group = accepted(prompt)
    assert view in group.order, group.order
    assert accepted("a woman with gray hair in the park").order[1] in ("a woman in the park", "a man in the park")


@pytest.mark.parametrize(("prompt", "held"), [
    ("an old lady w/ a walker crossing the street", "w/ a walker"),
    ("a man wit a beard", "wit a beard"),
])  # fmt: skip
def test_session_26_chat_spellings_of_with_introduce_a_proxy(prompt: str, held: str) -> None:
    """Held-out round 68: "w/ a walker" went out beside "a young gentleman" (only "with a walker" was read)."""
    held_on_device(prompt, held)


def test_session_26_a_person_word_before_chat_with_is_a_person() -> None:
    """"a grl wit long brown hair" went out as written, N = 1: "grl" was read as naming a kind of wit."""
    group = accepted("a grl wit long brown hair")
    assert group.n > 1 and not any("grl" in c for c in group.order), group.order
    assert all("of wit and charm" in c for c in accepted("a woman of wit and charm").order)  # the noun stays


@pytest.mark.parametrize("prompt", ["Grace walking her dog Max through a snowy park", "a boy and his dog Buddy",
                                    "Mr. and Mrs. Potato Head toys on a shelf, toy photography"])  # fmt: skip
def test_session_26_names_of_animals_and_toys_are_sent_as_written(prompt: str) -> None:
    """Held-out round 68: "walking his dog a woman" (a dog's name read as a person's), "A man and a woman Potato Head
    toys" (a toy's titled name before a plural)."""
    group = accepted(prompt)
    name = "Max" if "Max" in prompt else "Buddy" if "Buddy" in prompt else "Mr. and Mrs. Potato Head"
    assert all(name in c for c in group.order), group.order
    held_on_device("a girl and her friend Max", "Max")  # a person's noun before the name: a person's name


@pytest.mark.parametrize(("prompt", "n"), [
    ("portrait of a grandmother and her granddaughter baking bread, the old woman guiding the girl's hands with hers", 64),
    ("The bride adjusts the groom's tie before they walk down the aisle, soft natural light", 4),
])  # fmt: skip
def test_session_26_round_68_two_people_named_again_in_one_clause(prompt: str, n: int) -> None:
    """Held-out round 68: "the old woman guiding the girl" read the girl as a third person (N = 512, refused over the
    budget); "The bride adjusts the groom's tie" was refused, its decoy "The bride adjusts the bride's tie" read as
    one person."""
    group = accepted(prompt)
    assert group.n == n and len({s.person for s in group.slots}) == 2, group.order


def test_session_26_one_of_a_kin_group_named_again_is_of_that_group() -> None:
    """Held-out round 68: "Two sisters ...; the younger one holds her sister's hand" had the decoy "Two sisters ...
    holds her brother's hand" (the one sister varied apart from the group she is in)."""
    group = accepted("Two sisters in matching kimonos at a temple; the younger one holds her sister's hand")
    assert len(group.slots) == 1 and not any("sisters" in c and "brother" in c for c in group.order), group.order


def test_session_26_a_name_joined_to_a_name_is_a_name_not_a_country() -> None:
    """Held-out round 68: "Taylor and Jordan on a couch" held Taylor and sent "Jordan" (read as the country)."""
    group = accepted("Taylor and Jordan on a couch watching a horror movie, popcorn")
    assert not any("Jordan" in c for c in group.order), group.order
    assert accepted("flights to Egypt and Jordan").order == ("flights to Egypt and Jordan",)  # places stay
    assert all(c.endswith("hiking in Jordan") for c in accepted("Emma and Jordan hiking in Jordan").order)


def test_session_26_a_group_with_its_members_listed_after_a_comma_has_their_genders() -> None:
    """Held-out round 68: "three generations of women, grandmother, mother and daughter" sent the decoy "women, young
    man, father and son" (the group's gender varied apart from its members')."""
    group = accepted("three generations of women, grandmother, mother and daughter, sitting on a porch")
    assert not any(c.startswith(("women", "men")) for c in group.order), group.order


def test_session_26_an_age_after_who_is_before_an_ing_verb_is_said_of_the_person() -> None:
    """Held-out round 68 (refused) and its neighbour: "A man who is old sitting alone at a bar" went out with "old" in
    clear beside "A woman who is old sitting ..." (N = 2: the age read as describing "sitting")."""
    group = accepted("A man who is old sitting alone at a bar")
    assert any(s.name == "age" for s in group.slots) and any("who is young" in c for c in group.order), group.order
    assert accepted("A woman who is no longer young sitting alone at a bar, film noir lighting").n == 6


@pytest.mark.parametrize("prompt", ["koi swimming in a pond", "my golden retriever Charlie wearing a bow tie at a birthday party"])
def test_session_26_animals_and_their_names_are_no_one(prompt: str) -> None:
    """Round 67 left "koi swimming in a pond" read as a lower-case first name ("A person swimming in a pond"); round 69
    found "my golden retriever Charlie ..." refused as a person's name."""
    assert accepted(prompt).order == (prompt,)
    held_on_device("koi and her mom at the beach", "koi")  # with "and her": a person's name


def test_session_26_one_of_a_group_is_the_person_its_pronouns_mean() -> None:
    """Round 69: "A teacher with her students, one of whom is raising his hand" was refused ("his" bound to the
    teacher by position); an object pronoun in that clause still means someone outside it, the teacher."""
    group = accepted("A teacher with her students, one of whom is raising his hand")
    assert group.n == 4 and len({s.person for s in group.slots}) == 2, group.order
    group = accepted("A teacher with her students, one of whom hands her a note")
    assert group.n == 2 and "A teacher with his students, one of whom hands him a note" in group.order, group.order


def test_session_26_his_before_an_age_in_years_is_possessive() -> None:
    """Round 69: "a dad teaching his 5 year old daughter to ride a bike" was refused ("his 5" read as maybe an object
    before a number, as "teaching her 5 tricks" is)."""
    group = accepted("a dad teaching his 5 year old daughter to ride a bike")
    assert not any("5" in c for c in group.order) and len({s.person for s in group.slots}) == 2, group.order


def test_session_26_a_the_phrase_whose_age_clashes_with_the_same_noun_names_the_other() -> None:
    """Round 69: "A young man carries his elderly father ..., the old man's cane in his hand" was refused as one man
    both young and old; the old man is the father, written "the latter" in every candidate."""
    group = accepted("A young man carries his elderly father across a flooded street, the old man's cane in his hand")
    assert all("the latter's cane" in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("pls draw old guy w/ beard fishing", "pls draw old man fishing"),
    ("can you do a cute girl with bubble tea pls", "can you do a cute little girl with bubble tea pls"),
    ("someone with stubble, a square jaw and a hat", "someone with a square jaw and a hat"),
    ("a hunched elderly person with a walker, cardigan and thick glasses in a hallway",
     "a hunched old person with cardigan and thick glasses in a hallway"),
    ("close-up of wrinkled, age-spotted hands holding a teacup", "close-up of hands holding a teacup"),
    ("Golden State Warriors vs Boston Celtics, empty arena", "Golden State Warriors vs Boston Celtics, empty arena"),
])  # fmt: skip
def test_session_26_round_69_what_is_sent_reads_as_written(prompt: str, view: str) -> None:
    """Held-out round 69: "pls little draw boy fishing" (the request's verb read into the person's phrase), "with
    bubble a woman" ("tea pls" read as a full name), "someone, a square jaw" and "a hunched ... person, cardigan"
    (a held first item of a "with" list took its "with"), "age-spotted" sent beside every decoy, "... vs a man" (a
    team's name read as a person's)."""
    group = accepted(prompt)
    assert view in group.order, group.order


@pytest.mark.parametrize(("prompt", "said"), [
    ("a guy who just turned thirty blowing out candles on a cake", "thirty"),
    ("a woman in the prime of life, silver at the temples, laughing", "prime of life"),
])  # fmt: skip
def test_session_26_round_69_an_age_said_otherwise_is_not_sent(prompt: str, said: str) -> None:
    """Held-out round 69: "turned thirty" before an -ing verb and "in the prime of life, silver at the temples" went
    out as written beside every gender decoy (N = 2)."""
    group = accepted(prompt)
    assert not any(said in c or "silver" in c for c in group.order), group.order


def test_session_26_the_younger_of_a_group_is_one_of_it() -> None:
    """Held-out round 69: "Two sisters ..., the older one teaching the younger to surf" sent "teaching the old people
    to surf" ("the younger" read as a group of an age, as "the young" is)."""
    group = accepted("Two sisters on a beach, the older one teaching the younger to surf while their dad films them")
    assert all("teaching the younger to surf" in c for c in group.order), group.order
    assert accepted("the young and the old dancing").n == 16  # groups of an age, still


@pytest.mark.parametrize(("prompt", "view"), [
    ("make me a foto of a hansome man in suit, he is arab, for my wedding card",  # "hansome" held since session 32
     "make me a foto of a man in suit, for my wedding card"),  # (one typo from the proxy "handsome")
    ("kindergarteners at a Lunar New Year parade wearing qipao and lion masks",
     "little children at a parade wearing lion masks"),
    # (the tux is held too since session 32: a thing WordNet says men wear, `Senses.gender_things`)
    ("high school prom, a girl in a sequined dress and her date in a tux", "a little girl and her date"),
    ("a woman with an afro puff laughing on a rooftop", "a woman laughing on a rooftop"),
])  # fmt: skip
def test_session_26_round_69_held_words_take_what_only_they_needed(prompt: str, view: str) -> None:
    """Held-out round 69: "..., he is, for my wedding card" (an origin outside the value space left its clause's
    subject and copula), "at a parade lion masks" (a held first item took its verb from the rest of the list), "a
    young man in his date in a tux" ("and her date" read as another thing worn), "a woman with a puff"."""
    group = accepted(prompt)
    assert view in group.order, group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("Jordan skateboarding past a Jordan sneaker store", "A person skateboarding past a Jordan sneaker store"),
    ("make my dad look like a warrior, hes 55 and bald lmao", "make my father look like a warrior, hes 45 lmao"),
    ("A student in a Catholic girls' school uniform waiting at the bus stop", "A student waiting at the bus stop"),
])  # fmt: skip
def test_session_26_round_70_what_is_sent_reads_as_written(prompt: str, view: str) -> None:
    """Held-out round 70: "past a the person sneaker store" (a make named like the person before it), "in him New
    Mexico studio" ("her" before a place's name read as an object), "hes 75 and lmao" (a held adjective left its
    "and"), "in a Catholic little boys' waiting" (a school's kind read as people once its uniform was held)."""
    group = accepted(prompt)
    assert view in group.order, group.order
    group = accepted("Georgia painting giant flowers in her New Mexico studio, O'Keeffe style")
    assert group.n == 2 and not any("him New Mexico" in c for c in group.order), group.order


def test_session_26_round_70_a_denied_age_agrees_with_the_age_said() -> None:
    """Held-out round 70: "A man of ninety-one winters ..., he is no longer young" was refused as both old and
    middle-aged; the denial agrees with the age already said."""
    group = accepted("A man of ninety-one winters carving wood on his porch, he is no longer young but his hands are steady")
    assert not any("ninety" in c or "young but" in c and "75" in c for c in group.order), group.order
    assert accepted("a woman who is no longer young").cloud_prompt.endswith("middle-aged")  # the next age, alone


def test_session_26_round_70_his_before_a_word_known_only_as_an_adverb_is_possessive() -> None:
    """Held-out round 70: "a smol boi with his doggo" had "with hers doggo" in every female decoy ("doggo" is an
    adverb in WordNet, so "his" was read as standing alone)."""
    group = accepted("plz draw a smol boi with his doggo")
    assert not any("hers" in c for c in group.order) and any("her doggo" in c for c in group.order), group.order


def test_session_26_round_70_a_weak_person_noun_with_skin_is_a_person() -> None:
    """Held-out round 70: "model with deep dark skin" went out as written (a model read as no person, so its skin
    was no one's)."""
    held_on_device("Fashion editorial: model with deep dark skin, red lipstick", "dark skin")
    held_on_device("a model with dark skin", "dark skin")


@pytest.mark.parametrize(("prompt", "view"), [
    ("a man who is far from young but still runs marathons", "a man who is middle-aged but still runs marathons"),
    ("a young-at-heart grandpa doing a kickflip at the skatepark", "an old man doing a kickflip at the skatepark"),
    ("Two people dancing in the rain, one in a red dress and one in a suit",
     "Two people dancing in the rain, one and one in a suit"),
    ("A mother and her daughter baking bread; the daughter is pregnant and her mother rests a hand on her belly",
     "A mother and her daughter baking bread; the daughter and her mother rests a hand on her belly"),
])  # fmt: skip
def test_session_26_round_71_ages_said_otherwise_and_what_held_words_leave(prompt: str, view: str) -> None:
    """Held-out round 71: "far from young" went out as written beside every gender decoy; "young-at-heart" was refused
    as hyphenated words the device cannot read; "one in one in a suit" and "the daughter is and her mother ..." were
    sent (a held garment took the "and" before "one", a held "pregnant" left its copula)."""
    group = accepted(prompt)
    assert view in group.order, group.order


@pytest.mark.parametrize("prompt", ["photo of a man born in 1948 standing proudly beside his restored first car",
                                    "my gf is korean can u make her as elf queen in forest"])  # fmt: skip
def test_session_26_round_71_a_possessive_before_a_participle_or_make_her_as(prompt: str) -> None:
    """Held-out round 71: "beside hers restored first car" in every female decoy ("his" read as standing alone before a
    participle); "make her as elf queen" was refused as maybe "her" of a thing."""
    group = accepted(prompt)
    assert not any("hers" in c for c in group.order) and len({s.person for s in group.slots}) >= 1, group.order
    held_on_device("gimme a hot dude with a manbun surfing", "manbun")  # glued, as "man bun" is held


def test_session_26_round_72_a_decade_set_off_before_a_state_is_the_age() -> None:
    """Held-out round 72: "woman, 40s, tired, waiting at a bus stop" was refused as a stray number (a decade set off
    by commas is someone's age where what follows describes someone: a verb, a noun of them, or now an adjective)."""
    group = accepted("woman, 40s, tired, waiting at a bus stop in the rain")
    assert any(s.name == "age" for s in group.slots) and not any("40s" in c for c in group.order), group.order
    with pytest.raises(DetectionError):
        transform("a man, 80s, neon lights")  # the decade's style may be meant: still refused, not guessed


@pytest.mark.parametrize(("prompt", "decoy"), [
    ("Couple dancing in the rain, she leans back in his arms, cinematic lighting",
     "Couple dancing in the rain, he leans back in the other's arms, cinematic lighting"),
    ("An elderly couple holding hands on a bench. She rests her head on his shoulder.",
     "An old couple holding hands on a bench. He rests his head on the other's shoulder."),
])  # fmt: skip
def test_session_26_the_other_of_a_couple_is_written_the_other(prompt: str, decoy: str) -> None:
    """Held-out rounds 70 and 72: a couple's "she ... his" was refused (the pronouns bound by position to one person
    of two genders). The pronoun of the other gender is "the other" in every candidate, its gender held on the device;
    a prompt with one person named before keeps the rules of position and names."""
    group = accepted(prompt)
    assert decoy in group.order and sum(s.name == "gender" for s in group.slots) == 1, group.order
    with pytest.raises(DetectionError):
        transform("A man waits on a bench. She rests her head on his shoulder.")


# --- session 27: the asker and "they" said of, "draw her fishing", ages in lists, and held-out round 73 -------------
@pytest.mark.parametrize(("prompt", "said"), [
    ("i'm old, draw me fishing", "old"),
    ("we are old, draw us fishing", "old"),
    ("im 70, draw me fishing", "70"),
    ("I am 70 years old, draw me", "70"),
    ("Two women at a cafe. They are old.", "old"),
    ("two men fishing, they are 70", "70"),
    ("a couple on a bench, they are both old", "old"),
    ("make him look 70", "70"),
    ("make me look 70", "70"),
    ("make me look like a 90yo wizard lmao im 23 btw", "23"),
])  # fmt: skip
def test_session_27_an_age_said_of_the_asker_or_of_they_is_varied(prompt: str, said: str) -> None:
    """Round 73 and my probes: an age said after "I am", "im", "we are", "they are" (no gendered pronoun to bind) or
    after "make him look" went out as written (N = 1 for the asker). The one it is said of is a slot, its age varied."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots), group.order
    assert not all(re.search(rf"\b{said}\b", c) for c in group.order), group.order
    assert not any(" person" in c for c in group.order), group.order  # "I am 70 years old" was "I am old person"


@pytest.mark.parametrize(("prompt", "ethnicity"), [
    ("I'm Black, draw me as an astronaut", "African"),
    ("we are Korean, draw us at dinner", "Asian"),
    ("two men fishing, they are Nigerian", "African"),
])  # fmt: skip
def test_session_27_an_origin_said_of_the_asker_or_of_they_is_varied(prompt: str, ethnicity: str) -> None:
    """An origin said of "I", "we" or "they" went out as written, or as a second person ("im Korean and 30" ->
    "im Asian person and 30"). It is varied with the one it is said of, as "she is Korean" is."""
    group = accepted(prompt)
    assert any(s.name == "ethnicity" for s in group.slots) and ethnicity in group.cloud_prompt, group.order
    assert not any("person" in c.lower() for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("I am latina, draw me at the beach", "Draw me at the beach"),
    ("we r both latino, draw us at the beach", "draw us at the beach"),
    ("the walls, they are white", "the walls, they are white"),  # things: "they" with no group before
    ("when I was young I loved kites", "when I was young I loved kites"),  # an age once had
])  # fmt: skip
def test_session_27_what_the_asker_says_outside_the_values_goes_whole(prompt: str, view: str) -> None:
    """"I am latina" (outside the value space) was sent as "I am, draw me ..."; "we r both latino" as "we r both man".
    The clause goes whole where it says nothing else. "They" with no group named before are things."""
    group = accepted(prompt)
    assert group.cloud_prompt == view and group.n == 1, group.order


@pytest.mark.parametrize(("prompt", "male"), [
    ("draw her fishing", "draw him fishing"),
    ("paint her dancing in the rain", "paint him dancing in the rain"),
    ("she's old, draw her fishing", "draw him fishing"),
])  # fmt: skip
def test_session_27_her_after_a_picture_request_before_a_verb_is_the_object(prompt: str, male: str) -> None:
    """"draw her fishing" had the decoy "draw his fishing" (read as her fishing, a thing), which no one writes for a
    man: the server learnt the prompt said "her". After a request to draw, "her" before an -ing verb is the one drawn;
    before a thing's noun it stays hers."""
    group = accepted(prompt)
    assert any(male in c for c in group.order) and not any("his fishing" in c for c in group.order), group.order
    assert any("his painting" in c for c in accepted("draw her painting").order)  # a picture of hers
    assert any("his fishing rod" in c for c in accepted("draw her fishing rod").order)


@pytest.mark.parametrize(("prompt", "view", "held"), [
    ("Two brothers, ages 4 and 7, building a sandcastle.", "Two little brothers, building a sandcastle.",
     "ages 4 and 7"),
    ("my sons are 8 and 10 and love soccer", "my little sons love soccer", "are 8 and 10 and"),
    ("two men fishing. They are 70 and 72. Sunset.", "two old men fishing. Sunset.", "They are 70 and 72."),
])  # fmt: skip
def test_session_27_a_list_of_ages_of_a_group_is_held(prompt: str, view: str, held: str) -> None:
    """Round 73: "ages 4 and 7" was written "ages 10" (the 7 left out), "my sons are 8 and 10" went out with its
    ages; one age each, no age of the group: held, and the group's phrase says the value they share."""
    group = held_on_device(prompt, held)
    assert group.cloud_prompt == view, group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("A person breastfeeding a newborn", "A person with a little child"),
    ("dress her like a princess", "dress her like a princess"),
    ("a sweet ol lady feedin pigeons, soft pastel colors pls", "a sweet old lady feedin pigeons, soft pastel colors pls"),
    ("an ol' man on a porch", "an old man on a porch"),
    ("gen z girlie with pink hair doing a tiktok dance", "young woman with pink hair doing a tiktok dance"),
    ("Two sisters share an umbrella in the rain, each holding her side of it.",
     "Two sisters share an umbrella in the rain, each holding her side of it."),
    ("she turned her back on him", "she turned her back on him"),
])  # fmt: skip
def test_session_27_round_73_words_read_by_what_they_say(prompt: str, view: str) -> None:
    """Round 73 and probes: a held verb before a person left "A person a little child"; "dress" (a request's verb) was
    held as a garment; "ol" (old) and "girlie" were sent as written; "her side of it" and "turned her back" were
    refused as maybe objects."""
    group = accepted(prompt)
    assert view in group.order and group.n > 1, group.order


def test_session_27_round_73_a_figure_doing_something_with_an_object_is_a_person() -> None:
    """Round 73: "A young Albert Einstein writing equations" kept the name as a writing's name (N = 1); "Serena
    Williams serving aces" as a serve's."""
    for prompt, name in [("A young Albert Einstein writing equations on a chalkboard.", "Einstein"),
                         ("Serena Williams serving aces", "Serena")]:  # fmt: skip
        group = accepted(prompt)
        assert group.n > 1 and not any(name in c for c in group.order), group.order
    assert "Madonna and Child" in accepted("a Madonna and Child painting in a chapel").cloud_prompt


def test_session_27_an_attribute_in_a_weight_the_parser_cannot_place_is_refused() -> None:
    """Round 72 (left then): "(an old:1.2) (Nigerian:1.1) chief" sent "old" beside every decoy, the weight opening
    with the article so that no modifier run was read. Refused with the way out; a weight on a thing stays."""
    with pytest.raises(DetectionError, match="inside a prompt weight"):
        transform("(an old:1.2) (Nigerian:1.1) chief")
    assert any(s.name == "age" for s in accepted("an (old:1.2) (Nigerian:1.1) chief").slots)
    assert "(old:1.2) house" in accepted("a woman, (old:1.2) house").cloud_prompt


@pytest.mark.parametrize(("prompt", "said"), [
    ("I am a Nigerian man in my 40s", "in my 40s"),
    ("me and my wife, both in our 70s, dancing", "in our 70s"),
    ("i'm turning 50 next week, draw me with a cake", "turning 50"),
    ("draw us, we are both 65 and retired", "65"),
    ("she is bald and 43", "43"),
    ("i'm bald and 43, draw me as a wizard", "43"),
    ("she is Korean and 30 years old", "30 years old"),
])  # fmt: skip
def test_session_27_the_askers_decade_and_an_age_after_a_held_word(prompt: str, said: str) -> None:
    """My probes after round 73: "in my 40s", "in our 70s", "i'm turning 50", "we are both 65" went out as written;
    "she is bald and 45" sent "she is and 45" beside every decoy (the age unread after a held word); "she is Korean
    and 30 years old" wrote "and young person". Each is varied with the one it is said of."""
    group = accepted(prompt)
    assert any(s.name == "age" for s in group.slots), group.order
    assert not any(said in c for c in group.order) and not any(" person" in c for c in group.order), group.order


def test_session_27_someone_new_of_the_same_kind_is_written_with_a() -> None:
    """Round 73: "The king sits on his throne while the queen whispers in his ear" was refused: a decoy's "the king
    ... the king" names one king twice. Someone new of an earlier person's kind is written "a queen" in every
    candidate; "the queen" after "a king and a queen" still names her again."""
    group = accepted("The king sits on his throne while the queen whispers in his ear.")
    assert "The king sits on his throne while a queen whispers in the former's ear." in group.order, group.order
    assert "the latter holds" in accepted("A king and a queen at dinner; the queen holds a scepter").cloud_prompt


def test_session_27_a_person_taught_something_is_a_person() -> None:
    """Round 73: "A Chinese grandmother teaching her teenage grandson calligraphy" was refused: a decoy's "her old
    female friend calligraphy" read as a kind of calligraphy. After a verb of giving, the person is given to."""
    group = accepted("A Chinese grandmother teaching her teenage grandson calligraphy.")
    assert sum(s.name == "age" for s in group.slots) == 2, group.order
    assert "guard" in dict(accepted("a guard tower").kept)  # a compound still


@pytest.mark.parametrize(("prompt", "said"), [
    ("A toddler boy, maybe 18 months, crawling across a rug.", "18 months"),
    ("Pensioner woman knitting on a bench, age ~70.", "~70"),
    ("ugh just a dude in a suit idk, like 40s, serious face", "40s"),
    ("make her look older like 60ish", "60ish"),
    ("A gentleman of advancing years feeding pigeons in the park.", "advancing years"),
])  # fmt: skip
def test_session_27_round_74_ages_said_otherwise(prompt: str, said: str) -> None:
    """Held-out round 74 (on 81c73a6): each age went out as written beside decoys of every age."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("A person wrapped in a red Maasai shuka herding cattle across the savanna.",
     "A person herding cattle across the savanna."),
    ("A woman with albinism, white hair and very pale skin, standing in a sunflower field.",
     "A woman with albinism, standing in a sunflower field."),
    ("a very pregnant woman", "a woman"),
    ("can u make a girlboss ceo lady walking out of a skyscraper", "can u make a ceo lady walking out of a skyscraper"),
    ("pic of my bf hes tall korean and has glasses, hes at the beach",
     "pic of my boyfriend hes tall Asian and has glasses, hes at the beach"),
])  # fmt: skip
def test_session_27_round_74_what_a_held_word_takes_with_it(prompt: str, view: str) -> None:
    """Round 74: a held garment left "A person wrapped herding cattle", a held "pale skin" left "very,"; "a girlboss ceo
    lady" was refused; "hes tall korean" wrote "tall Asian person" (a second person, whom the second "hes" bound to)."""
    group = accepted(prompt)
    assert view in group.order, group.order
    held_on_device("A girlboss CEO in a power suit", "girlboss")  # was refused


def test_session_27_round_74_the_one_beside_him_is_someone_else() -> None:
    """Round 74: "A man in a wheelchair, himself a veteran, salutes ... while his son stands beside him" bound "him" to
    the son (a place said of the clause's subject) and "a veteran" apart from the man: decoys "her son stands beside
    him". Nothing is placed there, so "him" is the father; the appositive after "himself" is the man."""
    group = accepted("A man in a wheelchair, himself a veteran, salutes the flag while his son stands beside him.")
    assert sum(s.name == "gender" for s in group.slots) == 2, group.order
    assert all(("herself" in c) == ("beside her." in c) for c in group.order), group.order
    assert any(c.endswith("holding her little friend close to her") for c in accepted(
        "a mother holding her baby close to her").order)  # fmt: skip  # something held is placed by its holder


def test_session_27_he_or_she_is_never_the_one_asking() -> None:
    """Probe: "draw me and my son, i'm 40 and he's 10" was refused as one person both middle-aged and a child ("he's"
    bound to the asker, the nearest person before it); "i'm 6 feet tall and 30" sent its age."""
    group = accepted("draw me and my son, i'm 40 and he's 10")
    assert sum(s.name == "age" for s in group.slots) == 2 and not any("40" in c for c in group.order), group.order
    group = accepted("i'm 6 feet tall and 30, draw me hiking")
    assert any(s.name == "age" for s in group.slots) and not any(" 30" in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [
    ("An old man with a long white beard and wrinkled, sun-weathered skin.", "sun-weathered"),
    ("a stooped old man feeding pigeons", "stooped"),
])  # fmt: skip
def test_session_27_round_74_looks_of_the_old_are_held(prompt: str, held: str) -> None:
    """Held-out round 74: sun-weathered skin, a stooped back went out beside decoys of every age. (A cane and reading
    glasses stay: held, a cane after "the old man's" left "the latter" alone, and glasses are anyone's.)"""
    held_on_device(prompt, held)
    assert "weather-beaten barn" in accepted("a weather-beaten barn at sunset").cloud_prompt


def test_session_27_round_74_a_booru_characters_child_age_is_held() -> None:
    """Round 74: "child, 1boy, (7 years old:1.2), backpack" was refused: no booru character gets a child decoy, so a
    child's age said of one in years stays on the device, as a "child" tag after it does; an adult's is varied."""
    held_on_device("1boy, (7 years old:1.2), backpack, first day of school", "(7 years old:1.2)")
    assert any(s.name == "age" for s in accepted("1girl, (30 years old:1.2), office").slots)


@pytest.mark.parametrize(("prompt", "held"), [
    ("me (f, 23) in a hoodie at a concert", "(f, 23)"),
    ("me (28F) on a road trip", "(28F)"),
    ("M32 hiking alone", "M32"),
    ("a toddler aged 18 months stacking wooden blocks", "aged 18 months"),
    ("she tied her hijab and smiled", "tied her hijab and"),
])  # fmt: skip
def test_session_27_round_75_tags_of_oneself_and_infant_ages_are_held(prompt: str, held: str) -> None:
    """Held-out round 75 (on e251721): "me (f, 23)" went out as written (N = 1; "(28F)" was refused), "aged 18 months"
    was written "aged 25 months" beside "aged 45 months"; "he lifted her veil and kissed her" sent "he lifted kissed
    her". Each is held, the tag whole with its brackets, the verb with its held object."""
    held_on_device(prompt, held)


@pytest.mark.parametrize(("prompt", "said"), [
    ("make her look older like 60ish pls", "60ish"),
    ("masterpiece, mature female, 40s, kitchen, apron, smiling, soft light", "40s"),
    ("photo of a woman BREAK african, curly hair BREAK golden hour, bokeh", "african"),
])  # fmt: skip
def test_session_27_round_75_tags_and_chat_around_an_attribute(prompt: str, said: str) -> None:
    """Round 75: "60ish pls" went out as written (a chat word after the age); "mature female, 40s" and a tag after
    "BREAK" (a front-end's chunk break, read as a comma now) were refused."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order) and group.n > 2, group.order
    with pytest.raises(DetectionError):
        transform("old man, 80s, synthwave")  # the first tag's decade may be a style: still refused
    assert "GIVE ME A BREAK" in accepted("GIVE ME A BREAK, a man laughing").cloud_prompt


def test_session_27_a_prompt_held_whole_is_refused_in_its_own_words() -> None:
    """Pool check: "a cane and" was refused as "the prompt is empty" (its decoys' reason) once "cane" was held."""
    with pytest.raises(DetectionError, match="nothing would be left to send"):
        transform("pregnant")


@pytest.mark.parametrize(("prompt", "view"), [
    ("the kid's braids blow in the wind", "the little child's hair blow in the wind"),
    ("her braids swing as she runs", "her hair swing as she runs"),
])  # fmt: skip
def test_session_27_held_braids_that_do_something_leave_hair(prompt: str, view: str) -> None:
    """Round 72 (left then): "the kid's braids blow in the wind" sent "the little child's blow in the wind". A held
    hairdo that is a clause's subject leaves "hair" in its place; "with braids" still goes whole."""
    group = accepted(prompt)
    assert view in group.order, group.order
    assert accepted("a person with long braided cornrows dancing at a festival").cloud_prompt == (
        "a person dancing at a festival")  # fmt: skip


def test_session_27_we_after_me_and_a_group_is_that_group() -> None:
    """Round 75: "me and the girls ... brunch in brooklyn, we're all in our 30s" varied "our" apart from the girls, 24
    of 32 decoys contradicting themselves ("the little boys ..., we're all in our seventies"). "We" are the group
    joined to the asker: one slot."""
    group = accepted("me and the girls brunch in brooklyn, we're all in our 30s")
    assert sum(s.name == "age" for s in group.slots) == 1, group.order
    assert all(("little" in c) == ("childhood" in c) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "said"), [
    ("A retired schoolteacher (b. 1948) reading letters from her former students.", "1948"),
    ("A boy, eleven years of age, flying a kite on a windy hill.", "eleven"),
    ("me and my bf at the beach, hes black im asian", "black"),
])  # fmt: skip
def test_session_27_round_76_ages_and_origins_said_otherwise(prompt: str, said: str) -> None:
    """Held-out round 76 (on 3b8944c): "(b. 1948)" and "hes black" (before "im asian") went out as written, "eleven
    years of age" was refused as a stray number."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order) and group.n > 2, group.order


def test_session_27_round_76_a_held_choice_takes_its_with() -> None:
    """Round 76: "an (old man:1.3) with a [beard:mustache:0.5], cinematic" sent "with a," once the choice was held."""
    group = accepted("photo of an (old man:1.3) with a [beard:mustache:0.5], cinematic lighting, 8k")
    assert not any("with a," in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("A man, six decades old, climbing an indoor rock wall.", "A man, 75 years old, climbing an indoor rock wall."),
    ("A man aged forty-something in a grey suit waiting for a train.",
     "A man aged 45 in a grey suit waiting for a train."),
    ("make da man look more handsome and younger", "make da man look younger"),
    ("A blonde, blue-eyed woman with a deep tan on a beach, portrait.",
     "A woman with a deep tan on a beach, portrait."),
])  # fmt: skip
def test_session_27_round_77_ages_in_other_words_and_what_held_words_leave(prompt: str, view: str) -> None:
    """Held-out round 77 (on 48be218, the session's last rules): "six decades old" went out as written; "aged
    forty-something" wrote "A man old person" (a second person); a held "handsome" left "look more and younger"; "A
    blonde, blue-eyed woman" wrote "A person, woman" (the first adjective of a list read as someone)."""
    group = accepted(prompt)
    assert view in group.order and group.n > 1, group.order


@pytest.mark.parametrize(("prompt", "written"), [
    ("A man and a woman; the former is 30 and the latter is 50.", ("30", "50")),
    ("A boy and his grandfather flying a kite; the boy is 8 and the grandfather is 80.", ("8", "80")),
])  # fmt: skip
def test_session_28_an_age_said_of_the_former_or_the_latter_is_theirs(prompt: str, written: tuple[str, ...]) -> None:
    """Round 77 (and a probe after it): "the former is 30 and the latter is 50" went out as written, the ages not
    varied; "the boy is 8 and the grandfather is 80" was refused (its decoys wrote "the former is 10", which their
    own parse left unbound). "The former" and "the latter" are read before the ages, so the ages are theirs."""
    group = accepted(prompt)
    assert not any(re.search(rf"\b{w}\b", c) for c in group.order for w in written), group.order
    assert sum(s.name == "age" for s in group.slots) == 2, group.order


@pytest.mark.parametrize(("prompt", "number"), [
    ("A man turning 50 blowing out candles shaped like the number 50.", "50"),
    ("a 30-year-old woman holding 30 balloons", "30"),
    ("A centenarian woman blowing out candles on a cake shaped like the number 100", "100"),
])  # fmt: skip
def test_session_28_a_number_that_repeats_an_age_stays_on_the_device(prompt: str, number: str) -> None:
    """Rounds 77 and 78: "candles shaped like the number 50" went out beside "turning 45"; "a cake shaped like the
    number 100" beside "A young woman". A number that repeats a stated age, or any in a birthday scene, is held."""
    group = accepted(prompt)  # (held with "the number" before it since session 32: "shaped like a number")
    assert any(number in h for h in group.held_back) and not any(re.search(rf"\b{number}\b", c) for c in group.order)
    assert any(s.name == "age" for s in group.slots)
    assert "3 puppies" in accepted("a 3-year-old with 3 puppies").cloud_prompt  # a small number is a coincidence


@pytest.mark.parametrize(("prompt", "said"), [
    ("picture of me n my bf at the eiffel tower, were both like 22", "22"),
    ("me and my bf, we're both like 22", "22"),
    ("im like 22, draw me surfing", "22"),
    ("Two boys around ten building a treehouse in an oak", "ten"),
    ("Me at 40, a bald guy with a beard, hiking the Appalachian Trail with my dog", "40"),
    ("a kid who's 8", "8"),
])  # fmt: skip
def test_session_28_round_78_ages_said_casually_are_varied(prompt: str, said: str) -> None:
    """Held-out round 78 (on c71504b): each age went out as written beside every decoy ("Two old women around ten
    ...", "Me at 40" with only the gender varied, "were both like 22")."""
    group = accepted(prompt)
    assert not any(re.search(rf"\b{said}\b", c) for c in group.order), group.order
    assert any(s.name == "age" for s in group.slots), group.order


@pytest.mark.parametrize(("prompt", "word"), [
    ("a dude who's really old", "old"),
    ("show a dude whos like really really old, like 90, smiling", "old"),
    ("a woman who's Korean", "Korean"),
])  # fmt: skip
def test_session_28_a_relative_glued_to_its_copula_says_the_attribute(prompt: str, word: str) -> None:
    """Round 78: "a dude whos like really really old, like 90" sent "old" beside "like 25"; "a dude who's really
    old" sent "old" as written; "a woman who's Korean" read "Korean" as a second person ("who's Asian Person")."""
    group = accepted(prompt)
    assert not all(word in c for c in group.order) and "Person" not in group.cloud_prompt, group.order


def test_session_28_a_comparison_before_a_likeness_goes_with_it() -> None:
    """Round 78: "make her look older, like a grandma" sent "older" beside "like a little boy"."""
    group = accepted("make her look older, like a grandma with gray hair")
    assert not any("older" in c for c in group.order) and any("little" in c for c in group.order), group.order
    assert accepted("make her look older").cloud_prompt == "make her look older"  # no likeness: nothing to contradict


@pytest.mark.parametrize(("prompt", "view"), [
    ("Paris and London glowing at night", "Paris and London glowing at night"),
    ("Tokyo sparkling in the rain", "Tokyo sparkling in the rain"),
    ("A set of Russian nesting dolls lined up on a shelf", "A set of Russian nesting dolls lined up on a shelf"),
    ("A man sipping cardamom coffee in a Dubai majlis", "A man sipping cardamom coffee in a Dubai majlis"),
])  # fmt: skip
def test_session_28_places_and_things_that_look_like_people_stay(prompt: str, view: str) -> None:
    """"Paris and London glowing at night" was refused and "Paris glowing at night" sent "A person glowing" (a place
    name that is a first name, before what only a thing does, WordNet's verb frames); round 78: "Russian nesting
    dolls" went out as "Asian Person nesting dolls", "in a Dubai majlis" as "in a woman"."""
    assert accepted(prompt).cloud_prompt == view
    assert accepted("Sydney standing in the rain").cloud_prompt == "A person standing in the rain"  # a person's verb
    assert accepted("Georgia glowing with pride").cloud_prompt == "A woman glowing with pride"  # a gendered name
    assert accepted("an elderly Asian playing cards in the park").n == 20  # people do play cards (a first fix sent it)


def test_session_28_two_first_names_before_what_people_do_are_two_people() -> None:
    """Round 77: "Dakota and Savannah picking wildflowers" was refused: Dakota read as a place (a decoy "Dakota and
    a man" read it as a name)."""
    group = accepted("Dakota and Savannah picking wildflowers in a field.")
    assert "Dakota" in group.held_back and all("Dakota" not in c for c in group.order), group.order


def test_session_28_a_verb_after_its_subject_is_no_name_and_an_appositive_is_its_person() -> None:
    """Round 78: "The ballerina ties her ribbons" held "ties" as the ballerina's name ("The ballerina her ribbons");
    "her mother, once a dancer herself, watches" read the dancer as a second person, "herself" varied apart ("his
    father, once a dancer herself")."""
    assert accepted("The girl ties her shoes").cloud_prompt == "The little girl ties her shoes"
    group = accepted("The ballerina ties her ribbons; her mother, once a dancer herself, watches from the wings")
    assert group.n == 4 and all(("mother" in c) == ("herself" in c) for c in group.order), group.order
    assert "jayden" in accepted("my son jayden and his dog").held_back  # a name after a kin word still is one


@pytest.mark.parametrize(("prompt", "view"), [
    ("A sixty-something couple dancing the tango in a plaza.", "An old couple dancing the tango in a plaza."),
    ("a sixty-year-old couple dancing", "an old couple dancing"),
    ("A mid-30s mechanic lying under a car", "A young mechanic lying under a car"),
    ("a Late-60s couple dancing", "an old couple dancing"),
    ("a guy like 30 skateboarding in an empty pool", "a man like 25 skateboarding in an empty pool"),
])  # fmt: skip
def test_session_28_round_79_ages_of_couples_in_digits_and_hedged(prompt: str, view: str) -> None:
    """Held-out round 79 (on b9caacd): "A sixty-something couple" was refused (the age read as someone beside the
    couple), "A mid-30s mechanic" refused as a stray number, "a guy like 30 skateboarding" sent as written."""
    group = accepted(prompt)
    assert group.cloud_prompt == view and group.n > 2, group.order
    assert accepted("a car from the mid-80s").cloud_prompt == "a car from the mid-80s"  # no one's decade


def test_session_28_round_79_what_a_held_clause_or_modifier_leaves() -> None:
    """Round 78: "make the guy younger and give him a mustache" sent "... and give him"; "a silver-streaked beard"
    left "a silver-streaked,"; "a warrior queen haha" held "queen haha" as a titled name."""
    assert accepted("make the guy younger and give him a mustache").cloud_prompt == "make the man younger"
    assert accepted("A man with deep brown skin and a silver-streaked beard, studio portrait").cloud_prompt == (
        "A man, studio portrait")  # fmt: skip
    group = accepted("turn my mom into a warrior queen haha")
    assert "turn my father into a warrior king haha" in group.order, group.order
    assert accepted("give him a beard").cloud_prompt == "give him"  # alone, the request still goes


def test_session_28_round_79_pronouns_written_as_nouns_keep_their_role() -> None:
    """Round 79: "whose hands are quicker than his" wrote "quicker than the old fisherman" (his hands, not him);
    "dances with her under paper lanterns" wrote "with the bride's under paper lanterns" (read as her lanterns);
    "Red Chinese lanterns hanging" sent "A person Chinese lanterns" (the colour read as a name)."""
    group = accepted("An old fisherman mends his nets while his wife, whose hands are quicker than his, laughs at him.")
    assert all("fisherman's, laughs" in c or "fisherwoman's, laughs" in c for c in group.order), group.order
    group = accepted("The bride's father, a retired sailor, dances with her under paper lanterns.")
    assert all(re.search(r"with the (bride|groom) under", c) for c in group.order), group.order
    assert accepted("Red Chinese lanterns hanging over a rainy alley").cloud_prompt == (
        "Red Chinese lanterns hanging over a rainy alley")  # fmt: skip
    assert accepted("a woman in her down jacket").order  # a preposition that is a modifier stays hers


@pytest.mark.parametrize(("prompt", "said"), [
    ("A young man, barely 19, leaving home with a single suitcase.", "19"),
    ("A man somewhere between 45 and 50 waiting at the airport gate.", "between"),
])  # fmt: skip
def test_session_28_round_80_hedged_ages_are_varied(prompt: str, said: str) -> None:
    """Held-out round 80 (on b075c1e): "barely 19" and "somewhere between 45 and 50" went out as written beside every
    decoy ("An old man, barely 19")."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order) and any(s.name == "age" for s in group.slots), group.order


@pytest.mark.parametrize("prompt", [
    "Kids in Halloween costumes trick-or-treating on a foggy street.",
    "Women in Paris cafes",
    "The queen sits on her throne while her twin sons play chess at her feet.",
])  # fmt: skip
def test_session_28_round_80_people_at_a_sentence_start_or_by_a_chess_game_are_people(prompt: str) -> None:
    """Round 80: "Kids in Halloween costumes" was kept as a title (the sentence's capital read as a title's; so was
    "Women in Paris cafes"), N = 1; "The queen sits on her throne ... play chess" kept "queen" as a chess piece while
    "her" was varied ("The queen sits on his throne")."""
    group = accepted(prompt)
    assert group.n > 1 and len({c.split()[0] + c.split()[1] for c in group.order}) > 1, group.order
    assert accepted("Mean Girls poster on a wall").n == 1  # a title at a sentence's start still is one
    assert accepted("Girl with a Pearl Earring").n == 1 and accepted("Elder Scrolls").n == 1  # (a first fix read them)
    assert accepted("a chess board with the queen and the king").n == 1  # pieces with no one's pronoun


def test_session_28_round_80_a_compound_after_a_held_proxy_leaves_with_it() -> None:
    """Round 80: "A lanky man with acne scars and a mullet" sent "A lanky man scars and a mullet" (held "with acne")."""
    assert accepted("A lanky man with acne scars and a mullet leaning on a rusty car.").cloud_prompt == (
        "A lanky man with a mullet leaning on a rusty car.")  # fmt: skip


@pytest.mark.parametrize("prompt", [
    "Close-up of a man's face with deep wrinkles, liver spots and white eyebrows.",
    "a white haired man reading",
])  # fmt: skip
def test_session_28_round_81_grey_brows_and_hair_written_apart_are_held(prompt: str) -> None:
    """Held-out round 81 (on a1d4f6a): "white eyebrows" went out beside the held wrinkles, and "we're both white
    haired now" as written: grey brows, and "white haired" written as two words, say the age as "white-haired" does."""
    group = accepted(prompt)
    assert not any("white" in c for c in group.order) and any("white" in h for h in group.held_back), group.order


def test_session_28_round_81_a_quoted_title_after_the_word_for_a_work_is_kept() -> None:
    """Round 81: "A poster for the film "Little Women"" went out as "Little Girls", "Old Men" (a title no one wrote);
    a quoted caption of a photo still describes who is in it."""
    assert accepted('A poster for the film "Little Women" hanging in a cinema lobby.').n == 1
    assert accepted('a photo "my grandma at 90"').n > 1


@pytest.mark.parametrize(("prompt", "place"), [
    ("A woman in a kimono performing a tea ceremony in Kyoto.", "Kyoto"),
    ("A man in a dashiki haggling at a street market in Lagos.", "Lagos"),
    ("a woman with kinky hair in Lagos", "Lagos"),
])  # fmt: skip
def test_session_29_round_81_a_place_of_the_origin_a_held_proxy_tells_is_held_too(prompt: str, place: str) -> None:
    """Held-out round 81 (on a1d4f6a): the kimono was held back as telling an origin while "in Kyoto" went out, so
    the origin stayed told; with no one's origin stated, a place of one origin is held only where a proxy of an
    origin was, and goes as written otherwise."""
    group = accepted(prompt)
    assert not any(place in c for c in group.order) and any(place in h for h in group.held_back), group.order
    assert accepted("A woman in a kimono walking in Paris").cloud_prompt.endswith("in Paris")  # no origin of its own
    assert accepted("A man haggling at a street market in Lagos.").cloud_prompt.endswith("in Lagos.")


@pytest.mark.parametrize(("prompt", "pronoun"), [
    ("A man whose cat is biting him", "him"),
    ("A woman in a yellow raincoat whose dog is pulling her toward the puddles.", "her"),
])  # fmt: skip
def test_session_29_round_81_an_object_pronoun_in_a_whose_clause_is_its_head(prompt: str, pronoun: str) -> None:
    """Round 81: "whose dog is pulling her" bound "her" to someone else (the clause was read as the woman's own), so
    "A man ... pulling her" was a decoy; "whose" opens a clause whose subject is the thing owned."""
    group = accepted(prompt)
    assert group.n == 2, group.order
    assert {(c.startswith("A man"), " him" in c) for c in group.order} == {(True, True), (False, False)}, group.order
    assert accepted("a woman whose son is 8").n > 1  # the age is the son's (was refused as the woman's)


def test_session_29_round_82_a_grad_is_a_person_and_a_spaced_year_old_an_age() -> None:
    """Held-out round 82 (on ac6a768): "A twenty-two year old college grad throwing his cap" went out with the age in
    clear (WordNet's first "grad" is a unit of angle, so the age was read as a thing's)."""
    group = accepted("A twenty-two year old college grad throwing his cap in the air")
    assert not any("twenty-two" in c for c in group.order) and any(s.name == "age" for s in group.slots), group.order
    assert accepted("a grad student").cloud_prompt == "a grad student"


def test_session_29_round_82_a_negative_prompt_label_in_capitals_opens_it_anywhere() -> None:
    """Round 82: "..., soft light Negative prompt: ugly, deformed, man, beard" (no comma before the label) varied "man"
    as a person beside the woman; "20 negative prompts: 3 sent" is still no label."""
    group = accepted("a woman reading in a cafe, soft light Negative prompt: ugly, deformed, man, beard")
    assert all("Negative" not in c for c in group.order), group.order
    assert "negative prompts: 3 sent" in accepted("I wrote 20 negative prompts: 3 sent to a man").cloud_prompt


def test_session_29_a_sentence_left_with_its_pronoun_alone_is_held_whole() -> None:
    """Pool: "an old man with a long white beard. He is wearing a kilt and playing bagpipes." sent "He is." once
    the bagpipes (a thing of the origin the kilt told) were held with their verb."""
    group = accepted("an old man with a long white beard. He is wearing a kilt and playing bagpipes.")
    assert all(c.count(".") == 1 and " is" not in c for c in group.order), group.order


def test_session_29_round_82_a_wide_age_gap_is_held_and_a_narrow_one_sent() -> None:
    """Round 82: "sees herself forty years younger" was refused as a stray age; a gap of forty years says she is no
    child (held, as a tenure is), one of ten says little (sent)."""
    group = accepted("A woman looks into a mirror and sees herself forty years younger; the reflection smiles.")
    assert not any("forty" in c for c in group.order), group.order
    assert "10 years younger" in accepted("a man and his wife, 10 years younger").cloud_prompt


def test_session_29_round_82_an_age_the_picture_should_show_is_varied() -> None:
    """Round 82: "make her look older like 60s with grey hair" sent "like 60s" beside "make him look older"."""
    group = accepted("make her look older like 60s with grey hair")
    assert not any("60" in c for c in group.order) and any(s.name == "age" for s in group.slots), group.order


def test_session_29_round_82_a_mannequin_wears_what_it_wears() -> None:
    """Round 82: "A mannequin in a shop window wearing a wedding dress" held the dress (no person is there)."""
    prompt = "A mannequin in a shop window wearing a wedding dress"
    assert accepted(prompt).cloud_prompt == prompt


@pytest.mark.parametrize(("prompt", "view"), [
    ("make the guy look younger and remove his beard", "make the man look younger"),
    ("Kids in a kindergarten class finger painting while their teacher smiles",
     "Little children in a class finger painting while their teacher smiles"),
])  # fmt: skip
def test_session_29_round_82_what_a_held_proxy_leaves_reads_as_a_sentence(prompt: str, view: str) -> None:
    """Round 82: "and remove his beard" left "and remove"; "in a kindergarten class" left "Little children class"."""
    assert accepted(prompt).cloud_prompt == view


def test_session_29_round_82_a_the_phrase_after_and_opening_a_clause_names_again() -> None:
    """Round 82: "The waitress refills his coffee and he thanks her" was refused: the view writes "he" as "the man"
    there, and "and the man thanks" was read as a second man in the clause of "the man's coffee"."""
    group = accepted("A man sits alone at a diner counter. He orders pie. The waitress refills his coffee and he "
                     "thanks her with a nod.")  # fmt: skip
    assert group.n == 4, group.order
    assert accepted("a woman with the woman").n == 4  # in one clause still two people


def test_session_29_round_82_an_object_pronoun_in_a_reduced_relative_clause_is_outside_it() -> None:
    """Round 82: "He wears the scarf his grandmother knitted for him" bound "him" to someone new (the clause was read
    from "He"), its gender varied apart from Kenji's; the relative clause has its own subject, the grandmother."""
    group = accepted("a man wearing the sweater his wife knitted for him")
    assert group.n == 4 and all((c.startswith("a man")) == c.endswith("him") for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "said"), [
    ("Portrait of a woman in the autumn of her years, silver braid, knitting by the fire", "silver"),
    ("a woman with silver curls reading", "silver"),
    ("a man with white stubble and a cap", "white"),
])  # fmt: skip
def test_session_29_round_82_an_age_colour_of_any_hair_is_held(prompt: str, said: str) -> None:
    """Round 82: "silver braid" went out beside decoys of every age while "silver hair" is held: a colour that says an
    age of hair says it of a braid, curls or stubble too."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order) and any(said in h for h in group.held_back), group.order
    assert accepted("a white bob cat").n == 1  # no one's hair


def test_session_29_round_83_a_hyphenated_name_at_a_sentence_start_is_a_name() -> None:
    """Held-out round 83 (on be7b60e): "Notre-Dame cathedral at dawn, ..." had the decoy "Notre-knight cathedral" (the
    capital "Dame" read as a title, the sentence's capital as no evidence of a name)."""
    assert accepted("Notre-Dame cathedral at dawn, fog rolling over the Seine").n == 1
    assert accepted("an Afro-Latina woman dancing").n > 1


@pytest.mark.parametrize(("prompt", "said"), [
    ("can you draw a boy and girl on a date? they're like college age", "college"),
    ("a woman of retirement age gardening", "retirement"),
])  # fmt: skip
def test_session_29_round_83_an_age_named_by_its_stage_of_life_is_held(prompt: str, said: str) -> None:
    """Round 83: "they're like college age" went out beside decoys of every age (60 of 64 contradicted)."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order) and any(said in h for h in group.held_back), group.order


def test_session_29_round_83_an_age_before_another_tag_is_no_likeness() -> None:
    """Round 83: "make her look older like 50s, brunette, smiling" was refused: "older" was held as the comparison
    of a likeness ("like a grandma") where a decoy's tag after the age read as a person."""
    group = accepted("make her look older like 50s, brunette, smiling")
    assert not any("50" in c for c in group.order) and all("older like" in c for c in group.order), group.order


def test_session_29_a_clause_of_a_glued_subject_goes_whole() -> None:
    """"two women at a cafe, they're both pregnant" sent "they're both" once "pregnant" was held."""
    assert accepted("two women at a cafe, they're both pregnant").cloud_prompt == "two women at a cafe"


def test_session_29_round_83_a_held_predicate_before_a_new_clause_takes_its_subject() -> None:
    """Round 83: "draw my wife shes pregnant and we're at the hospital" sent "draw my wife shes we're at the hospital"."""
    assert accepted("draw my wife shes pregnant and we're at the hospital").cloud_prompt == (
        "draw my wife we're at the hospital")  # fmt: skip
    assert accepted("she is bald and 45").n > 2  # "and" with no clause after it still goes alone


def test_session_29_round_83_youth_after_an_owner_is_a_time_of_life() -> None:
    """Round 83: "the gloves on the wall remind him of his youth" went out as "... of his young friend" ("youth" read as
    a young person); "a man dreaming of his childhood" was refused as a stray age; "in her youth" is her age."""
    assert accepted("an old man remembering his youth").cloud_prompt == "an old man remembering his youth"
    assert accepted("a man dreaming of his childhood").n == 2
    group = accepted("a photo of my grandmother in her youth")
    assert not any("youth" in c for c in group.order) and any(s.name == "age" for s in group.slots), group.order
    assert "young person" in accepted("a youth playing soccer").cloud_prompt


def test_session_29_round_83_the_man_after_a_pronoun_said_to_be_someone_names_him_again() -> None:
    """Round 83: "He was a boxer once. Now the old man sweeps the gym floor" varied "He" and "the old man" apart ("She
    was a boxer once. Now the old man ...")."""
    group = accepted("He was a boxer once. Now the old man sweeps the gym floor.")
    assert all(("He " in c) == (" man " in c or " boy " in c) for c in group.order), group.order


def test_session_29_round_83_members_ages_after_the_groups_clause_are_theirs() -> None:
    """Round 83: "Two women holding hands on a park bench, one in her seventies and one in her twenties" was refused
    (the members' ages read as one woman's); set off after the group's clause they are its members', held back."""
    group = accepted("Two women holding hands on a park bench, one in her seventies and one in her twenties")
    assert not any("seventies" in c for c in group.order) and any("seventies" in h for h in group.held_back)


def test_session_29_rounds_82_83_a_verb_whose_object_is_held_goes_before_where_it_happens() -> None:
    """Rounds 82 and 83: "A bride adjusts her veil in the mirror" sent "A bride adjusts in the mirror"."""
    group = accepted("A bride adjusts her veil in the mirror; behind her, the bride's mother wipes away a tear.")
    assert all(c.split(";")[0] in ("A bride in the mirror", "A groom in the mirror") for c in group.order), group.order


@pytest.mark.parametrize("prompt", [
    "plz make a grandma whos a DJ at a club, shes wearing big headphones",
    "my daughter is turning 30 can u draw her as a princess",
    "A lady in a walled garden. The lady is watering roses, and the gardener beside her is her brother.",
])  # fmt: skip
def test_session_29_round_84_pronouns_follow_the_person_they_name(prompt: str) -> None:
    """Held-out round 84 (on 0182980): "whos a DJ" made the DJ a second person, so "shes" bound to the DJ ("an old man
    whos a DJ ..., shes wearing"); "can u draw her" after "my daughter is turning 30" bound "her" to someone new; "the
    gardener beside her is her brother" bound "her" to the gardener ("his brother")."""
    group = accepted(prompt)
    for c in group.order:
        female = re.search(r"\b(woman|girl|daughter|lady)\b", c) is not None
        assert female == (re.search(r"\b(her|shes)\b", c) is not None), c


@pytest.mark.parametrize("prompt", [
    "Two women holding hands at a pride parade, rainbow flags everywhere",
    "The ocean liner Queen Mary docked at night, her lights reflecting in the water",
])  # fmt: skip
def test_session_29_round_84_a_things_name_and_a_plural_noun_are_kept(prompt: str) -> None:
    """Round 84: "rainbow flags everywhere" sent "a person flags everywhere" (a first name before a verb), "The ocean
    liner Queen Mary" sent "The ocean liner a queen" (the ship's name read as a titled person)."""
    group = accepted(prompt)
    assert all(("rainbow flags" in c) or ("Queen Mary" in c) for c in group.order), group.order
    assert accepted("heather waves at her dog").n > 1  # a name before its verb and object still


def test_session_29_round_84_w_is_chats_with() -> None:
    """Round 84: "a hispanic dude w a mustache selling elotes" sent "a man w selling elotes" ("w" left behind)."""
    assert accepted("draw a hispanic dude w a mustache selling elotes from a cart").cloud_prompt == (
        "draw a man from a cart")  # fmt: skip  # elotes, of the origin held, stay on the device too (session 30)


def test_session_29_round_84_a_possessive_said_again_leaves_with_its_held_thing() -> None:
    """Round 84: "a Nigerian chef tasting her jollof rice; she nods" was refused: the dish was held as a thing of the
    stated origin, "tasting her;" was left and read as an object in the decoys. "she" says the gender "her" said."""
    group = accepted("Close-up of a Nigerian chef tasting her jollof rice; she nods, satisfied with her work.")
    assert not any("jollof" in c or "tasting" in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("A man with sugar skull face paint at a Día de los Muertos parade", "A man at a parade"),
    ("a woman with dark skin tone smiling", "a woman smiling"),
])  # fmt: skip
def test_session_29_round_85_a_noun_a_held_feature_opens_goes_with_it(prompt: str, view: str) -> None:
    """Held-out round 85 (on f73d7a4): "with sugar skull face paint" left "A man paint at a parade" (the feature held,
    the compound's head left); "dark skin tone" left "a woman tone smiling"."""
    assert accepted(prompt).cloud_prompt == view
    group = accepted("A young girl runs across a meadow. Her braids bounce as she laughs.")  # a plural and its verb
    assert all(c.endswith("meadow.") for c in group.order), group.order  # (a first version sent "as she laughs.")


# --- session 30: held-out round 86 (on 6c6c00b) ---------------------------------------------------------------------
@pytest.mark.parametrize("prompt", [
    "two old men, one Jewish and one Arab, playing backgammon in Jerusalem",
    "two women, one Korean and one Japanese, laughing",
    "two men, one Mexican and one Cuban, laughing",
])  # fmt: skip
def test_session_30_round_86_members_of_one_value_or_none_varied_are_a_mix(prompt: str) -> None:
    """Round 86: "one Jewish and one Arab" sent "one and one person"; "one Korean and one Japanese" (one value) sent
    "one Asian person and one Asian people", "one Mexican and one Cuban" (none varied) "one person and one person".
    Who is of which origin stays on the device, as a mixed group's origins do, and so does a place they tell."""
    group = accepted(prompt)
    assert not any(re.search(r"\bone (and|person|\w+ people)\b", c) for c in group.order), group.order
    assert not any(w in c for c in group.order for w in ("Jewish", "Arab", "Korean", "Japanese", "Jerusalem", "Cuban"))


@pytest.mark.parametrize(("prompt", "held"), [
    ("A man in a dishdasha drinking Arabic coffee in a majlis in Dubai", "Dubai"),
    ("A Korean woman listening to Hindi songs", "Hindi"),
    ("A man in a dishdasha drinking Arabic coffee", "Arabic"),
    ("A woman in a kimono pouring matcha at a tea ceremony", "matcha"),
    ("A man wearing a kippah reading the Torah at a synagogue", "synagogue"),
])  # fmt: skip
def test_session_30_round_85_86_what_tells_a_stated_origin_stays_too(prompt: str, held: str) -> None:
    """Held-out rounds 85-86: beside an origin stated or told by a held proxy, "in Dubai" (a city of a country whose
    people no adjective of ours names), "Hindi songs", "Arabic coffee" (a thing's language), "matcha" and "a
    synagogue" (things of one origin WordNet lacks) went out beside decoys of every origin."""
    held_on_device(prompt, held)


@pytest.mark.parametrize(("prompt", "word"), [
    ("a man in Dubai at night", "Dubai"),
    ("a grandmother doing tai chi in the park", "tai chi"),
    ("1girl, solo, red kimono, fox mask, shrine", "fox mask"),
])  # fmt: skip
def test_session_30_places_and_languages_go_as_written_where_no_origin_is_held(prompt: str, word: str) -> None:
    """Dubai with no origin stated goes as written; "tai chi" (a compound) and "fox" (a verb and a name too) are no
    language describing a thing (beside a stated origin "tai chi" is held as a thing of one origin, as "matcha" is)."""
    assert all(word in c for c in accepted(prompt).order)


@pytest.mark.parametrize(("prompt", "thing"), [
    ("a man wearing a turban, kara bracelet on his wrist, street photo", "kara bracelet"),
    ("grandpa, (white beard:1.3), santa hat, BREAK christmas tree, presents", "santa hat"),
    ("a woman painting in her garden at Casa Azul", "Casa Azul"),
])  # fmt: skip
def test_session_30_round_86_a_thing_or_place_is_no_second_person(prompt: str, thing: str) -> None:
    """Round 86: "kara bracelet" and "santa hat" (a first name and what one wears, in lower case) were read as a
    person's first name and surname, "Casa Azul" (a name after "at" a garden) as a person's name: each was sent as
    "a man" / "a woman", a person the user never wrote."""
    group = accepted(prompt)
    assert all(thing in c for c in group.order), group.order
    assert not any(re.search(r"\b(a man|a woman), (a man|a woman)\b|at a (man|woman)\b", c) for c in group.order)
    assert len({m.person for m in group.mentions if m.kind == "person"}) == 1


def test_session_30_round_86_a_person_is_still_at_a_person_after_a_verb() -> None:
    """The place after "at" is read only after a noun: "smiling at Maria" is at her, whose gender is varied."""
    group = accepted("a woman smiling at Maria")
    assert len({m.person for m in group.mentions if m.kind == "person"}) == 2 and group.n == 4, group.order


@pytest.mark.parametrize(("prompt", "held"), [
    ("Gandalf-like wizard smoking a pipe on a hill", "Gandalf-like"),
    ("an Einstein-like old professor at a blackboard", "Einstein-like"),
])  # fmt: skip
def test_session_30_round_86_a_likeness_to_someone_named_is_held(prompt: str, held: str) -> None:
    """Round 86: "Gandalf-like wizard" went out beside "Gandalf-like witch": whom the person is like says who they are.
    A style of a thing stays ("a Rembrandt-style portrait of a man")."""
    held_on_device(prompt, held)
    assert all("Rembrandt-style portrait" in c for c in accepted("a Rembrandt-style portrait of a man").order)


@pytest.mark.parametrize(("prompt", "view"), [
    ("a 25 year old Korean smiling", "a young Asian person smiling"),
    ("an 80 year old Nigerian walking", "an old African person walking"),
    ("a 25 yo Korean hiking", "a young Asian person hiking"),
])  # fmt: skip
def test_session_30_round_86_an_age_in_words_before_an_origin_noun_acting(prompt: str, view: str) -> None:
    """Round 86 ("im a 25 y/o latina" probed it): "a 25 year old Korean smiling" was refused as an age of no one, the
    origin word read as what "smiling" describes (with "a 25-year-old Korean" it was read right)."""
    group = accepted(prompt)
    assert group.cloud_prompt == view and group.n == 20, group.order


@pytest.mark.parametrize(("prompt", "held"), [
    ("an old blonde hiking", "blonde"),
    ("a 25 year old blonde hiking", "blonde"),
    ("a 30 year old redhead reading", "redhead"),
])  # fmt: skip
def test_session_30_a_proxy_that_names_the_person_after_an_age(prompt: str, held: str) -> None:
    """Found beside round 86: "an old blonde hiking" sent "an old hiking" (the age left with no noun, N = 1), "a 25
    year old blonde hiking" and "a 30 year old redhead" were refused as ages of no one. The proxy is held and the
    person is "a person" of each age."""
    group = held_on_device(prompt, held)
    assert group.n == 4 and all(re.match(r"an? (little|young|middle-aged|old) (person|child)\b", c) for c in group.order)


def test_session_30_round_86_an_infants_age_after_an_adverb() -> None:
    """Round 86 (strong): "a newborn, just 3 days old, sleeping" sent "just 3 days old" beside "an old person"."""
    group = held_on_device("a newborn, just 3 days old, sleeping on a knitted blanket", "just 3 days old")
    assert not any("days" in c for c in group.order) and group.n == 4, group.order


def test_session_30_round_86_ages_of_members_set_off_as_a_list() -> None:
    """Round 86: "two sisters, 7 and 9, building a blanket fort" was refused as a number that may be an age."""
    group = held_on_device("two sisters, 7 and 9, building a blanket fort in the living room", "7 and 9")
    assert group.cloud_prompt == "two little sisters, building a blanket fort in the living room", group.order
    assert group.n == 8 and not any(re.search(r"\d", c) for c in group.order)


# --- session 30: held-out round 87 (on bd25a84) ---------------------------------------------------------------------
@pytest.mark.parametrize(("prompt", "view"), [
    ("An Indian bride in a red lehenga waits alone in a hotel corridor",
     "An Indian bride waits alone in a hotel corridor"),
    ("a woman at a Bar Mitzvah dancing the hora, lifted on a chair", "a woman dancing the hora, lifted on a chair"),
    ("Giuseppe the pizzaiolo spinning dough", "A man spinning dough"),
    ("a Thai monk receiving alms at dawn in Chiang Mai", "an Asian monk receiving alms at dawn"),
    ("a dog in John Smith's house", "a dog in a man's house"),
    ("Maria Lopez's garden at dawn", "A woman's garden at dawn"),
])  # fmt: skip
def test_session_30_round_87_no_garbled_view(prompt: str, view: str) -> None:
    """Round 87: "in a waits alone" (a held garment's article left before the bride's verb), "at a dancing the hora"
    (the festival's article left before her verb), "A man the pizzaiolo" (an epithet no dictionary knows), "at dawn
    in a woman" ("Mai" read as a first name in a place's name); beside it, a full name's possessive ("in John a
    person's house", "A woman Lopez's garden")."""
    assert accepted(prompt).cloud_prompt == view


@pytest.mark.parametrize(("prompt", "word"), [
    ("idk like a chill asian guy at a ramen shop late night, neon, kinda lofi", "kinda lofi"),
    ("Jamal and his daughter Aisha building a sandcastle on the beach", "building a sandcastle"),
])  # fmt: skip
def test_session_30_round_87_no_phantom_or_kept_name(prompt: str, word: str) -> None:
    """Round 87: "kinda lofi" was read as a first name and a surname ("neon, a woman"); "Aisha building" as a building's
    name, sent beside "his son" (her name told her gender). The tag stays a tag; the name is held, her deed stays."""
    group = accepted(prompt)
    assert all(word in c for c in group.order), group.order
    assert not any("Aisha" in c for c in group.order) and not any(re.search(r", an? (man|woman)$", c) for c in group.order)


@pytest.mark.parametrize(("prompt", "view"), [
    ("a 16 y/o skater boy doing a kickflip", "a little skater boy doing a kickflip"),
    ("a young farmer boy", "a little farmer boy"),
    ("A Filipina domestic worker on her day off", "A domestic Asian worker on her day off"),
])  # fmt: skip
def test_session_30_round_87_a_role_or_origin_before_a_person_noun_is_one_person(prompt: str, view: str) -> None:
    """Round 87: "a 16 y/o skater boy" sent "a little skater little boy" (two people, the age written twice); "A
    Filipina domestic worker on her day off" sent "An Asian Woman domestic worker on her day off" beside "his"."""
    group = accepted(prompt)
    assert group.cloud_prompt == view
    assert len({m.person for m in group.mentions if m.kind in ("person", "pronoun")}) == 1, group.mentions


@pytest.mark.parametrize(("prompt", "held"), [
    ("teen girl, prob like 15, emo, black lipstick", "15"),
    ("make my son (hes 5, mixed, curly hair) as an astronaut plz", "mixed"),
    ("my son is mixed and loves soccer", "mixed"),
    ("a mixed boy and his dad at the park", "mixed"),
])  # fmt: skip
def test_session_30_round_87_an_attribute_written_as_chat_is_not_sent(prompt: str, held: str) -> None:
    """Round 87 (strong): "prob like 15" went out beside "old woman", "mixed" beside every decoy."""
    group = accepted(prompt)
    assert not any(re.search(rf"\b{held}\b", c) for c in group.order), group.order
    assert "mixed media collage" in accepted("mixed media collage of a woman").cloud_prompt  # no one's origin


@pytest.mark.parametrize(("prompt", "view"), [
    ("pls draw me n my bf at the beach, im latina hes black, sunset vibes",
     "pls draw me n my boyfriend at the beach, hes African, sunset vibes"),
    ("my grandma shes like 80 and korean, cooking", "my old female friend shes like 75 and Asian, cooking"),
])  # fmt: skip
def test_session_30_round_87_a_predicate_in_chat_reads_whole(prompt: str, view: str) -> None:
    """Round 87: "im latina hes black" sent "im hes African" (the held origin left "im" behind), "shes like 80 and
    korean" sent "and Asian person" (read as a second person after the hedged age)."""
    assert accepted(prompt).cloud_prompt == view


@pytest.mark.parametrize("prompt", [
    "A Swedish mother of twins pushes a sled through snow. The mum wears a knitted hat.",
    "Oil painting of a Ghanaian king seated on a stool; the monarch wears gold, and his attendants hold umbrellas.",
])  # fmt: skip
def test_session_30_round_87_another_word_for_the_same_kind_names_again(prompt: str) -> None:
    """Round 87: "The mum" after "A mother" was a second person ("A father ... A mother wears"); "the monarch" after "a
    king" too, and "his attendants" was varied apart from the king ("a European king ... her attendants")."""
    group = accepted(prompt)
    again = next(m for m in group.mentions if m.text.lower() in ("the mum", "the monarch"))
    assert again.person == group.mentions[0].person, group.mentions
    for c in group.order:
        female = re.search(r"\b(mother|queen)\b", c) is not None
        assert female == (re.search(r"\bher\b", c) is not None or ("mother" in c and "father" not in c)), c
    with pytest.raises(DetectionError):
        transform("A king and a queen dance; the monarch smiles.")  # which one is meant would show


def test_session_30_round_86_a_place_no_dictionary_places_beside_a_stated_origin_is_held() -> None:
    """Round 86: "a schoolboy in a turban flying a kite on a rooftop in Amritsar" held the turban and sent "in
    Amritsar", a place no dictionary here knows, which tells the origin held. Beside no origin it goes as written, and
    a place WordNet knows keeps its own rule ("in Paris" beside a kimono: no one's origin there)."""
    held_on_device("a schoolboy in a turban flying a kite on a rooftop in Amritsar", "Amritsar")
    held_on_device("A Japanese woman strolling in Gion at dusk", "Gion")
    assert all("Amritsar" in c for c in accepted("a man flying a kite in Amritsar").order)
    assert accepted("A woman in a kimono walking in Paris").cloud_prompt.endswith("in Paris")


def test_session_30_round_87_members_with_their_own_words_are_a_mix() -> None:
    """Round 87: "three women, one Somali in a hijab, one Irish with red hair, one Peruvian in a bowler hat" sent "one
    European people, one person in a bowler hat" (the members' words between their origins broke the list)."""
    group = accepted("three women, one Somali in a hijab, one Irish with red hair, one Peruvian in a bowler hat, "
                     "laughing on a bench")  # fmt: skip
    assert all(c.endswith("women, laughing on a bench") or c.endswith("men, laughing on a bench") for c in group.order)
    assert not any(re.search(r"\bone\b", c) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("A Brazilian woman dances samba in the street; her feathered headdress catches the light.",
     "A woman in the street."),
    ("A woman walks. Her hijab flutters in the wind.", "A woman walks."),
])  # fmt: skip
def test_session_30_round_87_a_held_proxy_that_is_its_clauses_subject_takes_the_clause(prompt: str, view: str) -> None:
    """Round 87: "her feathered headdress catches the light" held the headdress and sent "; catches the light"."""
    assert accepted(prompt).cloud_prompt == view
    assert accepted("a woman; her braids swing").cloud_prompt == "a woman; her hair swing"  # hair still says it


def test_session_30_round_87_an_unknown_name_before_is_and_what_a_person_does() -> None:
    """Round 87: "Lagos: Chidi is laughing, and his friend Amaka is filming him" was refused (two names no list
    here knows). Before "is" and what only a person does, a word no dictionary knows is someone's name; after a
    person noun, that person's."""
    group = accepted("Two friends on a rooftop: Chidi is laughing, and his friend Amaka is filming him with her phone.")
    assert not any("Chidi" in c or "Amaka" in c for c in group.order) and group.n == 4, group.order
    assert all(": a person is laughing, and " in c for c in group.order), group.order


# --- session 30: held-out round 88 (on 307d49b) ---------------------------------------------------------------------
@pytest.mark.parametrize(("prompt", "held"), [
    ("a girl of twelve from Kenya running barefoot across a dusty schoolyard", "Kenya"),
    ("Aisha from the Gulf, a young Saudi woman, driving a car for the first time", "Gulf"),
    ("my mom is turkish n shes 55 can u draw her as a superhero", "turkish"),
    ("can u make a pic of my nani shes punjabi and like 80 and shes making parathas lol", "80"),
    ("a white American teacher with her Syrian refugee students in a classroom", "Syrian"),
])  # fmt: skip
def test_session_30_round_88_a_stated_attribute_is_not_sent_as_written(prompt: str, held: str) -> None:
    """Round 88 (strong): "from Kenya" after an age ("a girl of twelve"), "from the Gulf", "is turkish n" (chat's
    "and"), "and like 80" after a predicate, "Syrian" before "refugee students" went out in every candidate."""
    group = accepted(prompt)
    assert not any(re.search(rf"\b{held}\b", c) for c in group.order), group.order


def test_session_30_round_88_a_count_before_a_role_and_a_plural_person_noun() -> None:
    """Round 88 (strong): "two Sudanese refugee kids sharing a mango" read "kids" as the refugee's verb: N = 1, the
    origin sent as written."""
    group = accepted("two Sudanese refugee kids sharing a mango in a camp")
    assert group.n > 1 and not any("Sudanese" in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", [
    "need an img of an old asian lady doing tai chi in the park idk make it pretty",
    "can you do a lil chinese boi eating xiaolongbao, kinda cute anime style pls",
    "a thirty-something Swedish dad pushing a stroller through snow",
    "Mei Ling and her grandma Wong making dumplings together",
])  # fmt: skip
def test_session_30_round_88_ordinary_prompts_are_accepted(prompt: str) -> None:
    """Round 88: refused were "tai chi" and "anime style" beside an Asian person (the device's attacker: tai chi is now
    held as a thing of one origin; an art style is no scene of one), "a thirty-something Swedish dad" (two people,
    the age made its own person) and "her grandma Wong making dumplings" (a surname no list here knows)."""
    from obclip.device.outbound import PrivacyOptions, protect

    group = protect(prompt, PrivacyOptions())  # the context check on, as the CLI runs it
    assert group.n > 1


@pytest.mark.parametrize(("prompt", "view"), [
    ("Oil painting: an old Russian babushka feeding pigeons. The woman wears a headscarf; the birds crowd around.",
     "Oil painting: an old European woman feeding pigeons. The old woman; the birds crowd around."),
    ("can u make a pic of my nani shes punjabi and like 80 and shes making parathas lol",
     "can u make a pic of my old female friend shes Indian and like 75 lol"),
])  # fmt: skip
def test_session_30_round_88_no_verb_or_subject_left_alone(prompt: str, view: str) -> None:
    """Round 88: a held object left "The woman wears;", a held dish "and shes lol"."""
    assert accepted(prompt).cloud_prompt == view


def test_session_30_a_role_before_a_person_noun_reads_back_as_one_person() -> None:
    """The audit of realistic-2 (at 53618a0): "a gamer girl" was one person, but its views "a gamer little girl" read
    back as two (the age word between the role and the noun), so the slot's values read back as none."""
    group = accepted("a gamer girl with RGB headphones")
    for c in group.order:
        template = parse(c, LEX)
        assert len(template.persons) == 1 and template.persons[0].states.get("age"), c


@pytest.mark.parametrize(("prompt", "view"), [
    ("teenage girl (around fifteen) skateboarding in an empty pool", "little girl (around 10) skateboarding in an empty pool"),
    ("me (26f, latina) hiking in patagonia??", "me (woman) hiking??"),
])  # fmt: skip
def test_session_30_round_89_an_age_in_brackets(prompt: str, view: str) -> None:
    """Held-out round 89 (on 53618a0): "(around fifteen)" went out beside "old woman" (strong); "(26f, latina)" sent
    "me (, man)"."""
    assert accepted(prompt).cloud_prompt == view


@pytest.mark.parametrize(("prompt", "words"), [
    ("her son watches her work at the pottery wheel", ("son watches her work", "daughter watches her work")),
    ("a woman having her lunch in the park", ("woman having her lunch", "man having his lunch")),
    ("a man who has his work on display", ("man who has his work", "woman who has her work")),
    ("a man watching her play the piano", ("watching her play", "watching him play")),
])  # fmt: skip
def test_session_31_her_after_a_verb_of_seeing_or_having(prompt: str, words: tuple[str, ...]) -> None:
    """Refused as "her work ... as a thing, or her doing it": after "have" a word that is a noun and a verb is a
    thing of hers ("having her lunch"); after a verb of seeing, a word ending its phrase is what she does ("watches
    her work at the wheel": the counterpart is "him work"). Both forms are in the set, read the same way back."""
    group = accepted(prompt)
    for w in words:
        assert any(w in c for c in group.order), (w, group.order)


def test_session_31_his_after_a_verb_of_seeing_is_refused_in_the_users_words() -> None:
    """"watching his dance" has the counterpart "her dance", read as her dancing ("him dance"), so no set is the same
    from every candidate: refused, saying which two readings to choose from, in the user's words."""
    with pytest.raises(DetectionError, match="'watching him dance', or 'watching his own dance'"):
        transform("a boy watching his dance")


def test_session_31_a_private_full_name_at_a_named_place() -> None:
    """"Mohammed Ali Khan, a taxi driver in Karachi": the place is held with the name (a full name at a named place
    ties to a record), and the name, whose span took the comma, was then read as lost: refused."""
    group = accepted("Mohammed Ali Khan, a taxi driver in Karachi, waits for a fare")
    assert {"Mohammed Ali Khan", "in Karachi"} <= set(group.held_back)
    assert all("taxi driver" in c and "Karachi" not in c for c in group.order)


@pytest.mark.parametrize(("prompt", "held"), [
    ("a Nigerian man counting naira notes at a market stall", "naira"),
    ("a Greek grandmother pouring ouzo on the terrace", "ouzo"),
    ("a Japanese woman in front of a pagoda", "pagoda"),
])  # fmt: skip
def test_session_31_money_drinks_and_temples_of_one_origin(prompt: str, held: str) -> None:
    """Round 89's class: a country's money, drink or house of worship beside a stated origin went out beside decoys
    of every origin (WordNet's glosses say whose they are; a word counts where each of its senses is of the kind)."""
    held_on_device(prompt, held)


@pytest.mark.parametrize("prompt", ["a woman sent a letter to a Nigerian friend", "a Korean man holding a penny"])
def test_session_31_words_that_are_also_coins_are_not_things_of_an_origin(prompt: str) -> None:
    """"sent" (an Estonian coin in WordNet, and the past of "send") and "penny" (any coin) tell no one's origin."""
    group = accepted(prompt)
    word = "sent" if "sent" in prompt else "penny"
    assert all(word in c for c in group.order)


@pytest.mark.parametrize(("prompt", "held"), [
    ("a baby asleep in a cradle by the window", "cradle"),
    ("a toddler in a highchair eating peas", "highchair"),
    ("twin baby boys playing in a playpen", "playpen"),
])  # fmt: skip
def test_session_31_things_made_for_babies_tell_an_age(prompt: str, held: str) -> None:
    """Round 89-90's class: a child's scene beside old decoys ("twin old men on a nursery floor"). A thing WordNet
    glosses as made for babies ("cradle: a baby bed with sides and rockers") tells the age as "crib" did."""
    held_on_device(prompt, held)


@pytest.mark.parametrize(("prompt", "view"), [
    ("a toddler crawling on a rug in soft nursery light", "a little child crawling on a rug in soft light"),
    ("a man at a traditional Hindu wedding ceremony", "a man at a traditional wedding ceremony"),
    ("a woman at a lavish Jewish wedding", "a woman at a lavish wedding"),
])  # fmt: skip
def test_session_31_an_adjective_before_a_held_modifier_is_its_heads(prompt: str, view: str) -> None:
    """"in soft nursery light" held "in soft nursery" and sent "on a rug light"; "a traditional Hindu wedding" was
    read as a person ("a traditional Hindu") and sent "a traditional person wedding ceremony"."""
    assert accepted(prompt).cloud_prompt == view


@pytest.mark.parametrize("prompt", ["a plant nursery at dawn", "an old wooden cradle in the attic"])
def test_session_31_a_babys_thing_with_no_one_there_goes_as_written(prompt: str) -> None:
    """With no one in the prompt, a thing made for babies hints at no one (a place that holds people, like a
    harem, is held; a nursery is no such place)."""
    assert accepted(prompt).cloud_prompt == prompt


@pytest.mark.parametrize(("prompt", "said"), [
    ("A thirty something guy working on a laptop in a cafe", "thirty something"),
    ("she is forty something and loves jazz", "forty something"),
    ("she is forty-something and loves jazz", "forty-something"),
])  # fmt: skip
def test_session_31_round_90_an_age_group_in_two_words(prompt: str, said: str) -> None:
    """Held-out round 90 (on 1e0bbc3): "A thirty something guy" went out as written beside every decoy (strong); "she
    is forty-something" sent "she is middle-aged person" (a second person, no article)."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order) and len({c.split()[2] for c in group.order}) > 1, group.order
    assert not any("aged person" in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["forty something dollars on the table", "forty-something dollars on the table"])
def test_session_31_an_age_group_before_a_thing_is_no_one(prompt: str) -> None:
    """"forty-something dollars" names no one (it was refused: read as a person, "forty-something" a decoy's age)."""
    assert accepted(prompt).cloud_prompt == prompt


def test_session_31_twins_of_a_compound_noun_are_one_group() -> None:
    """"twin baby boys" read "twin" as a person of its own: its decoys ("twin little girls") read back as one group,
    so the slot's index did not match (the set was closed, but no read-back could check it)."""
    group = accepted("twin baby boys on a rug")
    assert len(parse(group.cloud_prompt, LEX).persons) == 1


def test_session_31_round_90_a_prompt_opening_on_she_names_her_next_with_the() -> None:
    """Held-out round 90: "She is dancing in the rain. The girl in the yellow raincoat spins" read "She" and "the
    girl" as two people, so half the decoys said "She is dancing ... The old man ...". Bound by structure: the other
    gender's "the" phrase is refused, saying why, in every candidate's stead."""
    group = accepted("She is dancing in the rain. The girl in the yellow raincoat spins.")
    for c in group.order:
        she, rest = c.split(".", 1)
        assert (she.startswith("She") and re.search(r"\b(girl|woman)\b", rest)) or (
            she.startswith("He") and re.search(r"\b(boy|man)\b", rest)), c
    with pytest.raises(AmbiguousPronoun, match="opens on this pronoun"):
        transform("He waits at the station. The woman arrives late.")


@pytest.mark.parametrize("prompt", [
    "A boxer wraps his hands in the locker room. He stares at the mirror. The fighter has a scar above his eyebrow.",
    "A chef tastes the soup. The cook wipes his hands.",
])  # fmt: skip
def test_session_31_round_90_the_kind_a_role_is_of_names_it_again(prompt: str) -> None:
    """Held-out round 90: "The fighter" after "A boxer" was a second person, its "his" varied apart ("A boxer wraps
    her hands ... The fighter has a scar above his eyebrow"). WordNet's hypernyms say a boxer is a fighter."""
    group = accepted(prompt)
    assert group.n == 2
    for c in group.order:  # one person: every pronoun of one gender
        assert not (re.search(r"\b(his|he|He)\b", c) and re.search(r"\b(her|she|She)\b", c)), c


def test_session_31_a_role_word_said_again_is_not_another_persons_kind() -> None:
    """"A boxer spars with a fighter. The fighter wins": the fighter is the one called so, not the boxer."""
    group = accepted("A boxer spars with a fighter. The fighter wins.")
    assert group.cloud_prompt == "A boxer spars with a fighter. The fighter wins."


@pytest.mark.parametrize(("prompt", "view"), [
    ("The widow stands at the graveside in black. Her veil moves in the wind, and she holds a single white rose.",
     "The widow stands at the graveside in black. she holds a single white rose."),
    ("a woman with grey roots showing in her dyed brown hair, candid kitchen photo", "a woman, candid kitchen photo"),
    ("a man in a kippah lighting the menorah for Hanukkah with his family", "a man with his family"),
    ("a man in a keffiyeh drinking mint tea in a Marrakech souk", "a man drinking mint tea"),
])  # fmt: skip
def test_session_31_round_90_what_is_left_reads_as_a_sentence(prompt: str, view: str) -> None:
    """Held-out round 90: "in black., and she holds", "a woman in her dyed brown hair", "a man lighting with his
    family", "drinking mint tea in a" were sent once the telling words were held."""
    assert accepted(prompt).cloud_prompt == view


@pytest.mark.parametrize(("prompt", "held"), [
    ("an old dude wit a long beard lookin like gandalf", "lookin like gandalf"),
    ("a woman who looks like Frida Kahlo", "who looks like Frida Kahlo"),
    ("a man looking like Einstein", "looking like Einstein"),
])  # fmt: skip
def test_session_31_round_90_whom_someone_looks_like_stays_with_the_name(prompt: str, held: str) -> None:
    """Held-out round 90: "lookin like gandalf" sent "an old man lookin like a man" beside "a little girl lookin like
    a man": the name's stand-in varied as a second person. The likeness says who the one described is, and stays."""
    group = held_on_device(prompt, held)
    assert not any(" like " in c for c in group.order)


def test_session_31_round_90_a_hens_chicks_are_birds() -> None:
    """Held-out round 90: "a mother hen leading her chicks" sent "her women" / "her men" ("mother" three words before
    made "chicks" a person, and "leading", a noun too, was read as the head of "hen leading")."""
    assert accepted("a mother hen leading her chicks across a farmyard").n == 1


@pytest.mark.parametrize(("prompt", "held"), [
    ("kids in costumes trick-or-treating on a suburban street", "trick-or-treating"),
    ("two girls playing hopscotch on the sidewalk", "hopscotch"),
])  # fmt: skip
def test_session_31_round_90_childrens_games_tell_an_age(prompt: str, held: str) -> None:
    """Held-out round 90: "kids in costumes trick-or-treating" went out beside "old people in costumes
    trick-or-treating" (strong). WordNet's children's games and customs ("trick or treat: a request by children on
    Halloween") are held where an age is varied, as a crib is."""
    held_on_device(prompt, held)


def test_session_31_round_90_a_lady_doctor_is_a_female_doctor() -> None:
    """Held-out round 90: "a lady doctor" had the decoy "a gentleman doctor", a phrase no one writes (weak). "lady"
    before a role noun says her gender, written as "woman doctor" is: "a female doctor" / "a male doctor"."""
    group = accepted("gimme a pic of a lady doctor,, serious vibes, hospital")
    assert {"female doctor", "male doctor"} <= {w for c in group.order for w in re.findall(r"\w*male doctor", c)}
    assert not any("gentleman" in c or "lady" in c for c in group.order)


def test_session_31_a_nursery_named_only_as_whom_books_are_for_hints_at_no_one() -> None:
    """"board books for toddlers on a nursery shelf": the toddlers are whom the books are for, no one in the
    picture, so a thing made for babies there hints at no one (it was held, N = 1)."""
    prompt = "a stack of board books for toddlers on a nursery shelf"
    assert accepted(prompt).cloud_prompt == prompt


def test_session_31_round_91_a_mustache_after_typed_with_and_a_fish_word() -> None:
    """Held-out round 91 (on af91e02): "a dude w a mullet and a mustache" sent the mustache beside "a woman" (strong):
    "w" was read as a modifier, so the mustache seemed the mullet's, a fish's."""
    held_on_device("a dude w a mullet and a mustache 80s style 🔥", "mustache")


@pytest.mark.parametrize(("prompt", "view"), [
    ("A 60-year-old Indian woman doing yoga. Her grey braid falls over her shoulder as she stretches.",
     "An old Indian woman doing yoga."),
    ("A woman turning 40 today, surrounded by balloons that read '40'", "A woman turning 45 today, surrounded by balloons"),
])  # fmt: skip
def test_session_31_round_91_what_is_left_reads_as_a_sentence(prompt: str, view: str) -> None:
    """Held-out round 91: "Her grey braid falls" was held as a compound ("braid falls") and left "yoga. over her
    shoulder as she stretches."; a number repeating the age inside quotes left "balloons that read ''"."""
    group = accepted(prompt)
    assert view in group.order and all("''" not in c and ". over" not in c for c in group.order)


@pytest.mark.parametrize(("prompt", "name"), [
    ("Olga, a babushka, selling pickles at the market", "Olga"),
    ("Big Mike, the bouncer, standing at the club door", "Big Mike"),
])  # fmt: skip
def test_session_31_round_92_a_name_and_its_appositive_are_one_person(prompt: str, name: str) -> None:
    """Held-out round 92 (on ac5dc5d): "Olga, a babushka" sent "A babushka" (kept as a headscarf, N = 1: female, old
    and Russian in one word); "Big Mike, the bouncer" was kept as a thing's name and sent as written (N = 1)."""
    group = held_on_device(prompt, name)
    assert group.n > 1 and not any("babushka" in c for c in group.order)


@pytest.mark.parametrize(("prompt", "view"), [
    ("a newborn Indian baby girl sleeping in a cradle decorated with marigolds", "a little Indian girl sleeping"),
    ("a Nigerian man dancing at a wedding, guests spraying naira notes on him",
     "an African man dancing at a wedding, guests"),
])  # fmt: skip
def test_session_31_what_a_held_thing_takes_with_it(prompt: str, view: str) -> None:
    """Found by re-reading the 600 prompts of rounds 86-89 on this session's code: "sleeping decorated with
    marigolds" (what is said of a held cradle stayed) and "guests on him" (whom a held deed is done to stayed).
    "sleeping" says how, with "in", and stands alone (session 33)."""
    assert accepted(prompt).cloud_prompt == view


def test_session_31_round_92_a_held_garment_before_and_she() -> None:
    """Held-out round 92: "Maria is wearing a white linen dress and she is barefoot" sent "The woman is wearing she
    is barefoot": "and she is" opens a clause of its own, so the held dress takes its verb, not the "and"."""
    group = accepted("Maria walks her dog along the beach at sunset. Maria is wearing a white linen dress and she is barefoot.")
    assert all("wearing" not in c and re.search(r"\b(she|he) is barefoot", c) for c in group.order), group.order


def test_session_31_round_92_hot_and_an_origin_before_a_person() -> None:
    """Held-out round 92: "a hot latina girl at the beach" was refused ("a word is unreadable"): "latina" between "hot"
    and "girl" hid the sexual reading, so a child decoy was made ("a hot little girl") and refused. The user's own
    attribute words there are skipped as a decoy's are: no child decoy, the prompt is accepted."""
    group = accepted("can u make a pic of a hot latina girl at the beach 🏖️")
    assert not any("little" in c for c in group.order) and "latina" in group.held_back
    with pytest.raises(DetectionError, match="child"):
        transform("a hot little girl at the beach")


@pytest.mark.parametrize(("plain", "written"), [
    ("two women and a man at a bar", "two women and another woman at a bar"),
    ("a man talks to a woman on a bench", "a man talks to another man on a bench"),
    ("a woman, a man and a girl on a swing", "a woman, another woman and a girl on a swing"),
])  # fmt: skip
def test_session_32_another_where_two_people_are_described_alike(plain: str, written: str) -> None:
    """Held-out round 92: "two men and a woman" had the decoy "two women and a woman", which no one writes, so the
    server could strike it. Where a person's phrase says what an earlier one in the sentence says, the article is
    "another", whatever the user wrote; the user's own "another" gives the same set."""
    group = accepted(plain)
    twice = re.compile(r"\b(?:a|an|two) ((?:[\w-]+ )?(?:man|woman|men|women|boy|girl|person|child))\b.*\b(?:a|an) \1\b")
    assert not any(twice.search(c) for c in group.order), group.order
    assert any(" another " in c for c in group.order)
    assert set(accepted(written).order) == set(group.order)


def test_session_32_another_looks_back_within_its_sentence() -> None:
    """A person of the same description in a new sentence is "a" person again: "another" says nothing across a full
    stop, where "the latter" and "the former" already tell people apart."""
    group = accepted("A man sits on a bench. A woman walks past.")
    assert not any("another" in c for c in group.order) and len(group.order) == 4


@pytest.mark.parametrize(("prompt", "held"), [
    ("a woman waiting at the station with her handbag", "handbag"),
    ("a man in a nightgown reading by the fire", "nightgown"),
    ("a woman in a blouse and jeans at her desk", "blouse"),
    ("a man in a tuxedo dancing", "tuxedo"),
])  # fmt: skip
def test_session_32_things_one_gender_wears_or_carries(prompt: str, held: str) -> None:
    """Held-out round 92: "a woman ... her handbag" went out beside "a man ... his handbag". What one wears, carries or
    puts on whose WordNet gloss says one gender does ("especially by women", "worn by women", "for men") is a proxy
    of gender, held on the device (`Senses.gender_things`)."""
    group = held_on_device(prompt, held)
    assert group.n == 2


def test_session_32_a_gendered_thing_with_no_one_there_stays() -> None:
    """With no person in the picture a handbag hints at no one: the prompt goes out as written."""
    group = accepted("a leather handbag and a necklace on a velvet cushion, product photo")
    assert group.n == 1 and group.cloud_prompt == "a leather handbag and a necklace on a velvet cushion, product photo"


@pytest.mark.parametrize("prompt", [
    "my dad grilling burgers at the 4th of july bbq",
    "a woman setting the table on the fifth of may, balloons",
    "a man painting a fence, june 5th",
])  # fmt: skip
def test_session_32_a_month_in_a_date_is_no_name(prompt: str) -> None:
    """Held-out round 93: "at the 4th of july bbq" went out as "at the 4th of a man": "july bbq" was read as a lower-case
    name and surname. A month's name in a date (after "the 4th of", beside a day's number) is the date."""
    group = accepted(prompt)
    month = next(m for m in ("july", "may", "june") if m in re.findall(r"\w+", prompt))
    assert all(month in re.findall(r"\w+", c) for c in group.order) and group.n == 2, group.order


def test_session_32_a_month_that_is_a_name_is_still_held() -> None:
    """Where no date is written the month's name may be a person's: "a girl named june" keeps her name on the device."""
    held_on_device("a girl named june dancing in the rain", "june")


@pytest.mark.parametrize(("prompt", "noun"), [
    ("James and his sister Emily build a sandcastle; James digs and Emily decorates the towers.", ("sister", "brother")),
    ("Tom and his wife Anna at dinner. Anna laughs.", ("wife", "husband")),
    ("my son jayden on a swing. jayden laughs", ("son", "daughter")),
])  # fmt: skip
def test_session_32_a_name_after_a_kin_noun_said_again(prompt: str, noun: tuple[str, str]) -> None:
    """Held-out round 93: in "his sister Emily ... Emily decorates" the second "Emily" was a third person, varied apart
    from "his sister", so half the decoys had a brother called "a woman". The name said again is the kin again, and
    every candidate names one noun for them twice."""
    group = accepted(prompt)
    assert group.n == 4 or group.n == 2
    for c in group.order:
        said = [w for w in re.findall(r"[a-z]+", c.lower()) if w in noun]
        assert len(said) == 2 and said[0] == said[1], c


@pytest.mark.parametrize(("prompt", "held"), [
    ("a pregnent woman eating pickles at midnight", "pregnent"),
    ("a woman in a burqua at the market", "burqua"),
    ("a man in a tuxxedo at the opera", "tuxxedo"),
])  # fmt: skip
def test_session_32_a_proxy_misspelt(prompt: str, held: str) -> None:
    """Held-out round 93: "a pregnent woman" went out as written beside "a pregnent man" (spelt right, "pregnant" is
    held). A word no dictionary knows, one typo from one of the lexicon's proxies (six letters or more), is read as
    that proxy."""
    group = held_on_device(prompt, held)
    assert group.n == 2


def test_session_32_a_misspelling_two_proxies_away_is_not_guessed() -> None:
    """A word one typo from two proxies at once ("beared": "beard" and "bearded") is neither: the device does not pick."""
    assert accepted("a man with a beared").cloud_prompt == "a man with a beared"


@pytest.mark.parametrize("prompt", [
    "A toddler, about 18 months old, taking her first steps.",
    "A toddler, roughly 18 months, taking her first steps.",
])  # fmt: skip
def test_session_32_no_comma_left_before_the_full_stop(prompt: str) -> None:
    """Held-out round 93: with both the age and the first steps held, "A little child, ." read back as "A little
    child,." and the prompt was refused; a comma left before a sentence's end goes."""
    group = accepted(prompt)
    assert all(c.endswith(("child.", "person.")) for c in group.order), group.order


@pytest.mark.parametrize("prompt", [
    "A man and a woman. He is 25 and she is 80.",
    "A man and a woman at a café; she is 80 and he is 25.",
])  # fmt: skip
def test_session_32_ages_of_two_pronouns_of_two_genders(prompt: str) -> None:
    """Held-out round 93 (a couple, "she is 80 and he is 25"): the age after "he is" was given to the person nearest by
    position, the woman, who was then both old and young, and the prompt was refused. A subject pronoun's age goes to
    the person the pronoun pass writes it as: the one earlier person of its gender ("the former")."""
    group = accepted(prompt)
    assert group.n == 36 and all("the former is" in c.lower() for c in group.order), group.order


def test_session_32_an_age_in_roman_numerals() -> None:
    """Held-out round 93: "A man aged XXV, in roman armor" sent "aged XXV" beside every decoy. A Roman numeral in
    capitals after "aged" is the age; "Elizabeth II" stays a name."""
    group = accepted("A man aged XXV, in roman armor, standing guard.")
    assert not any("XXV" in c for c in group.order) and group.n == 6
    assert roman_value("XXV") == 25 and roman_value("xxv") is None and roman_value("MCMXC") == 1990


@pytest.mark.parametrize(("prompt", "read"), [
    ("bby girl sleeping in her crib so cute omg", "'bby' as 'baby'"),
    ("a wmn in a hijab drinkin coffee", "'wmn' as 'woman'"),
    ("old ppl playin cards at the comunity center", "'ppl' as 'people'"),
])  # fmt: skip
def test_session_32_chat_shorthand_read_as_its_word(prompt: str, read: str) -> None:
    """Held-out rounds 93 and 94: "bby girl" and "wmn in a hijab" were refused ("write 'baby'"), and "old ppl" went out
    as written, N = 1 ("old" in clear). Shorthand without vowels that spells one attribute word is read as that word,
    as a misspelling is; "wmn" after "a" is "woman"; "people" joins the words so read."""
    group = accepted(prompt)
    assert read in group.note and group.n > 1, (group.note, group.order)
    with pytest.raises(DetectionError, match="woman' or 'women"):
        transform("wmn in a hijab drinkin coffee")  # no article: one or several, not for the device to pick


@pytest.mark.parametrize(("prompt", "said"), [
    ("A 3-yr-old boy splashing in a puddle in yellow rain boots.", "3-yr-old"),
    ("A toddler of eighteen months stacking wooden blocks on a rug.", "eighteen months"),
    ("A man in his late 30s, early 40s maybe, grilling burgers in the backyard.", "40s"),
])  # fmt: skip
def test_session_32_round_94_ages_sent_as_written(prompt: str, said: str) -> None:
    """Held-out round 94 (strong): "A 3-yr-old middle-aged man", "a middle-aged person of eighteen months" and "a man
    in his seventies, early 40s maybe" were decoys: "yr" was no unit of "-year-old", "of eighteen months" no infant's
    age, and a second guess at a decade was left beside the first. Each is now read or held on the device."""
    group = accepted(prompt)
    assert not any(said in c for c in group.order) and group.n > 2, group.order


@pytest.mark.parametrize("prompt", ["a lady w/ her handbag waitin 4 the subway", "a man waitin 4 the bus"])
def test_session_32_chat_for_and_dropped_g(prompt: str) -> None:
    """Held-out round 94: "a lady w/ her handbag waitin 4 the subway" was refused ("4" read as an age; and "lady
    waitin" as a titled name, "Lady Waitin"). "4 the" is chat's "for the"; "waitin" a verb with its g dropped."""
    group = accepted(prompt)
    assert group.n == 2 and all("waitin 4 the" in c for c in group.order), group.order


def test_session_32_a_named_statues_pronoun() -> None:
    """Held-out round 94 (over): "The Statue of Liberty at sunset with fireworks behind her torch" had the decoy "his
    torch". With no person before it, a pronoun after a named statue or painting is the figure's: kept as written."""
    group = accepted("The Statue of Liberty at sunset with fireworks behind her torch.")
    assert group.n == 1 and group.cloud_prompt == "The Statue of Liberty at sunset with fireworks behind her torch."
    assert accepted("a statue of a woman holding her torch").n == 2  # a statue of someone named by a noun: varied


def test_session_32_two_first_names_before_what_they_do() -> None:
    """Held-out round 95 (strong): "Mohammed and Fatima serving tea in their shop" went out as written, N = 1, the
    names kept as the name of a kind of serving. Two gendered first names joined by "and", then an -ing word, are two
    people doing it; "Tom and Jerry cartoon" stays a title."""
    group = accepted("Mohammed and Fatima serving tea in their shop in Marrakech")
    assert group.n == 4 and not any("Mohammed" in c or "Fatima" in c for c in group.order), group.order
    assert accepted("Tom and Jerry cartoon playing on TV").n == 1


def test_session_32_members_of_a_named_organisation() -> None:
    """Held-out round 95 (strong): "A group of Boy Scouts around a campfire" was kept as the organisation's name, N = 1.
    A plural person noun closing a name, after a count or "a group of", names its members; the organisation's own
    name ("The Boy Scouts of America logo") stays."""
    group = accepted("A group of Boy Scouts around a campfire roasting marshmallows")
    assert group.n > 1 and not any("Boy" in c for c in group.order), group.order
    assert accepted("The Boy Scouts of America logo on a flag").n == 1


@pytest.mark.parametrize(("prompt", "view"), [
    ("The bride laughs as her veil catches the wind; she holds the bouquet", "The bride laughs; she holds the bouquet"),
    ("A centenarian blowing out candles on a cake shaped like the number 100",
     "An old person blowing out candles on a cake shaped like a number"),
    ("A Korean grandmother teaching her American grandson how to make kimchi", "An old woman teaching her little male friend"),
    ("A little prince costume on a four year old at a birthday party", "A costume on a little child at a birthday party"),
])  # fmt: skip
def test_session_32_round_95_garbled_views(prompt: str, view: str) -> None:
    """Held-out round 95 (over): "The bride laughs as catches the wind" (a held subject left its clause), "shaped like
    the number" (a held age left its noun), "teaching her ... how" (a held infinitive left its "how"), and "A middle-aged
    princess costume on an old person" (a costume's kind read as a person). Each view now reads whole."""
    group = accepted(prompt)
    assert view in group.order, group.order


@pytest.mark.parametrize("prompt", [
    "A girl who just turned sweet sixteen at her party in a ballroom",
    "A toddler around two and a half years old stacking wooden blocks",
])  # fmt: skip
def test_session_32_ages_said_as_idioms(prompt: str) -> None:
    """Held-out round 95: "turned sweet sixteen" left "turned sweet" (the number held as an echo) and "two and a half
    years old" was refused as a stray number. Both are read as ages ("turned sixteen", "two years old") and varied."""
    group = accepted(prompt)
    assert group.n > 2 and not any("sweet" in c or "half" in c for c in group.order), group.order


def test_session_32_an_origin_word_before_an_unknown_thing_with_no_one_there() -> None:
    """Held-out round 95 (over): "A Russian matryoshka doll set lined up on a windowsill" held "Russian", with no one
    in the prompt: before a word no dictionary knows and a thing noun, the origin is the thing's style, kept."""
    prompt = "A Russian matryoshka doll set lined up on a windowsill"
    assert accepted(prompt).cloud_prompt == prompt


def test_session_32_hot_before_any_person_noun() -> None:
    """Held-out round 94: "pic of a hot gurl at the beach" was refused ("a word is unreadable"): "gurl" was not among
    the words after "hot" that make a prompt sexual, so a child decoy was made and refused. Any person noun counts."""
    group = accepted("pic of a hot gurl at the beach w sunglasses lol")
    assert not any("little" in c for c in group.order) and group.n == 6, group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("A ship named 'Queen Mary' docked at Long Beach at night.", "A ship named 'Queen Mary' docked at Long Beach at night."),
    ("A lion king posing on a rock at the savannah, his mane blowing in the wind.",
     "A lion king posing on a rock at the savannah, his mane blowing in the wind."),
])  # fmt: skip
def test_session_32_round_96_things_left_alone(prompt: str, view: str) -> None:
    """Held-out round 96 (over): "A ship named 'a king'" and "A lion king ..., her mane" were decoys. A name after a
    thing noun and "named" is the thing's; a body part after a comma, with an animal before and no person, is the
    animal's. Both go out as written, N = 1."""
    group = accepted(prompt)
    assert group.order == (view,)


@pytest.mark.parametrize(("prompt", "view"), [
    ("(((child))), birthday party, balloons, confetti, [blurry background], 35mm",
     "(((little child))), birthday party, balloons, confetti, [blurry background], 35mm"),
    ("An infant in a car seat, pacifier in mouth, dozing during a road trip.",
     "A little child in a car seat, dozing during a road trip."),
])  # fmt: skip
def test_session_32_round_96_views_that_read_whole(prompt: str, view: str) -> None:
    """Held-out round 96 (over): "35mm" in a birthday scene lost its "35" as an echoed age ("mm" was sent), and "pacifier
    in mouth" left ", in mouth,". A number glued to a unit is a measure; a held tag goes whole."""
    assert view in accepted(prompt).order


@pytest.mark.parametrize(("prompt", "held"), [
    ("a model wearing a hijab on the runway", "hijab"),
    ("A model in a sari posing by a lake", "sari"),
    ("a fashion model dressed in a tuxedo", "tuxedo"),
    ("A model with braided cornrows", "cornrows"),
])  # fmt: skip
def test_session_33_a_weak_noun_dressed_is_someone(prompt: str, held: str) -> None:
    """Held-out round 97: "a model wearing a hijab" went out as written (N = 1), "model" read as a thing's model and the
    hijab as no one's. What one wears, or how one's hair is done, makes the wearer someone; the proxy stays on the
    device."""
    held_on_device(prompt, held)


@pytest.mark.parametrize("prompt", ["a robot wearing a tuxedo at a party", "a model of a ship in a bottle"])
def test_session_33_a_machine_dressed_up_stays_a_machine(prompt: str) -> None:
    """A robot in a tuxedo is a machine dressed up (WordNet: an automaton), and a model of a ship wears nothing: both go
    out as written."""
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt and not group.held_back


@pytest.mark.parametrize("prompt", ["sum1 elderly feeding ducks, watercolor", "an elderly feeding ducks by the pond"])
def test_session_33_elderly_said_of_someone_unnamed(prompt: str) -> None:
    """Held-out round 97: "sum1 elderly feeding ducks" went out as written, N = 1: chat's "sum1" is "someone", and "an
    elderly feeding ducks" is one old person, as "an elderly knitting a scarf" already was. Their age is varied."""
    group = accepted(prompt)
    assert group.n == 4 and not any("elderly" in c for c in group.order), group.order
    assert all("feeding ducks" in c for c in group.order)


@pytest.mark.parametrize("prompt", ["an old fishing boat in the harbour", "an old knitting needles set"])
def test_session_33_an_age_word_before_a_thing_named_by_an_ing_word_stays(prompt: str) -> None:
    """WordNet names "fishing boat" and "knitting needle" as things: the age word describes them and nobody is there."""
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt


def test_session_33_a_subject_pronoun_goes_on_with_its_sentence_subject() -> None:
    """Held-out round 97: in "A nurse checks on a patient, then she writes notes on his chart" "she" was bound to the
    patient, the nearer person, and "his" to the nurse, written "the nurse's chart". With no gender said by either
    noun, a subject pronoun after "then" goes on with the sentence's subject; "his", of the other gender, is the one
    other person, the patient, written by noun ("the patient's chart") so that it binds alike in every candidate."""
    group = accepted("A nurse checks on a patient, then she writes notes on his chart")
    said = {re.search(r"then (he|she) writes notes on the patient's chart", c).group(1) for c in group.order}
    assert group.n == 2 and said == {"he", "she"}, group.order


def test_session_33_a_possessive_after_a_subject_gone_on_is_its_own() -> None:
    """"A pilot greets a passenger. Then she takes her seat": "her" goes with "she", the pilot, as both went with the
    passenger before; bound apart, half the decoys read "he takes her seat"."""
    group = accepted("A pilot greets a passenger. Then she takes her seat.")
    assert group.n == 2 and all(re.search(r"Then (she takes her|he takes his) seat", c) for c in group.order), group.order


def test_session_33_a_subject_whose_noun_says_a_gender_leaves_it_to_position() -> None:
    """Where the subject's noun says a gender the reader goes by it: in "A grandfather teaches a child, and she laughs"
    "she" is the child. Bound to the grandfather by the sentence, the prompt was refused (found by a 40-prompt pronoun
    batch before this commit); by position it is accepted, "she" varied with the child in every candidate."""
    group = accepted("A grandfather teaches a child, and she laughs")
    assert group.n > 1 and all(re.search(r"\b(she|he) laughs$", c) for c in group.order), group.order
    assert {re.search(r"\b(she|he) laughs$", c).group(1) for c in group.order} == {"she", "he"}


def test_session_33_a_nearer_person_whose_noun_says_a_gender_still_decides() -> None:
    """Where the nearer person's noun says a gender the reader goes by it: "he" is the man hugged, in every candidate
    the pronoun agrees with the second person's noun."""
    group = accepted("A woman hugs a man and he smiles")
    for c in group.order:
        second, pronoun = re.search(r"hugs (?:a|another) (man|woman) and (he|she) smiles", c).groups()
        assert pronoun == ("he" if second == "man" else "she"), c


def test_session_33_a_reflexive_opening_the_prompt_is_the_phrase_after_it() -> None:
    """Held-out round 96: "Herself a former student of the school, she now teaches there" was two people, "Herself" varied
    apart from "she". The phrase after the reflexive says who she is: one person, one gender."""
    group = accepted("Herself a former student of the school, she now teaches there")
    assert group.n == 2, group.order
    for c in group.order:
        assert c.startswith("Herself") == (" she now" in c), c


@pytest.mark.parametrize(("prompt", "kept", "held"), [
    ("Priya dancing in a colorful lehenga", "dancing", "lehenga"),
    ("A woman walking in a red dress", "walking", "dress"),
])  # fmt: skip
def test_session_33_a_verb_said_with_how_stays(prompt: str, kept: str, held: str) -> None:
    """Held-out round 97: "Priya dancing in a colorful lehenga" went out as "A woman": the held garment took "dancing"
    with it, as a verb whose object is held goes ("a man tying his turban"). "in" and "with" say how, and the verb
    stands alone."""
    group = held_on_device(prompt, held)
    assert all(kept in c for c in group.order), group.order


def test_session_33_a_verb_whose_object_is_held_still_goes_with_it() -> None:
    """The guard: "tying his turban" leaves whole; "a man tying" would be no sentence."""
    group = held_on_device("a man tying his turban", "turban")
    assert not any("tying" in c for c in group.order)


@pytest.mark.parametrize(("prompt", "names"), [
    ("old lady, (grey hair:1.2), smiling, greg rutkowski, alphonse mucha", ("greg rutkowski", "alphonse mucha")),
    ("portrait of a woman, emma watson, studio light", ("emma watson",)),
])  # fmt: skip
def test_session_33_a_name_tag_after_a_person_is_no_one_more(prompt: str, names: tuple[str, ...]) -> None:
    """Held-out round 98: "old lady, ..., greg rutkowski, alphonse mucha" went out as "young lady, smiling, a man, another
    man": each artist's name was a person of its own, written "a man" or "a woman" and varied, people the user never
    asked for. A name tag after a tag that names a person is an artist's style or that person's own name: it stays on
    the device, and no one is added."""
    group = accepted(prompt)
    people = re.compile(r"\b(?:a|another) (?:man|woman|person)\b")
    assert all(n in group.held_back for n in names), group.held_back
    assert not any(people.search(c.split(",", 1)[1]) for c in group.order), group.order
    assert len(group.slots) == len(accepted(prompt.split(",")[0]).slots)


def test_session_33_a_name_tag_first_is_the_person() -> None:
    """The guard: "george clooney, smoking, portrait" names the one person in the picture, read as "A man" and varied."""
    group = accepted("george clooney, smoking, portrait")
    assert group.n == 2 and {c.split(",")[0] for c in group.order} == {"A man", "A woman"}


def test_session_33_a_camera_is_no_one_s_name() -> None:
    """Held-out round 98: "..., studio lighting, canon eos" held "canon eos" as a name and sent "a man" or "a woman" in its
    place, a second person. "canon" is a first name WordNet knows only as a thing's word, and "eos" names no person:
    the camera goes out as written; "bill gates", whose surname is a person's, is still a name."""
    group = accepted("photo of a man, bearded, 40yo, rugged, studio lighting, canon eos")
    assert all(c.endswith("studio lighting, canon eos") for c in group.order), group.order
    assert len({s.person for s in group.slots}) == 1
    held_on_device("bill gates on stage", "bill gates")


@pytest.mark.parametrize(("prompt", "left"), [
    ("A dancer stretches at the barre, her reflection in the mirror, her tutu pink", "in the mirror"),
    ("a man on stage, his tuxedo black", "on stage"),
])  # fmt: skip
def test_session_33_what_is_said_of_a_held_thing_after_a_comma_goes_with_it(prompt: str, left: str) -> None:
    """Held-out round 98: "..., her tutu pink" went out as "..., her pink" beside "..., his pink": the tutu was held and
    what was said of it, with its owner, stayed. The phrase goes whole with its comma."""
    group = accepted(prompt)
    assert all(c.endswith(left) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "nickname"), [
    ("Nana and Pops dancing in the kitchen", "Pops"),
    ("meemaw baking a pie for the family", "meemaw"),
    ("my pop-pop fishing off the dock", "pop-pop"),
])  # fmt: skip
def test_session_33_family_nicknames_are_people(prompt: str, nickname: str) -> None:
    """Held-out round 99 (strong): "Nana and Pops dancing in the kitchen" sent "Pops" in every candidate, a man of a
    parent's or grandparent's age in clear. Family nicknames are variants of their class (curated variants.toml,
    WordNet's "pop" is a father), varied with it."""
    group = accepted(prompt)
    assert group.n > 1 and not any(nickname.lower() in c.lower() for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["a living room with pops of color", "a white room, a pop of colour from the sofa"])
def test_session_33_pops_of_color_are_no_one(prompt: str) -> None:
    """The guard: bursts of colour in a design prompt name no one."""
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt


@pytest.mark.parametrize("prompt", ["a nanny goat and her kids grazing on a hillside", "a cat and her babies in a basket"])
def test_session_33_an_animal_s_young(prompt: str) -> None:
    """Held-out round 99: "a nanny goat and her kids grazing on a hillside" was refused, the kids varied as people (their
    decoys then read back otherwise). Owned by an animal's "her", a person noun with an animal sense in WordNet ("kid": a
    young goat) is that animal's young: the prompt goes out as written."""
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt


def test_session_33_a_person_s_kids_are_still_people() -> None:
    """The guard: after a person, "her kids" are her children, varied."""
    group = accepted("a goat farmer and her kids")
    assert group.n > 1 and not any("kids" in c for c in group.order)


@pytest.mark.parametrize("prompt", ["Queen Elizabeth hospital at night", "King George bridge in fog",
                                    "Saint Mary church at dawn"])
def test_session_33_a_place_named_after_someone_opening_the_prompt(prompt: str) -> None:
    """Found beside round 99's "Queen Mary ship": "Queen Elizabeth hospital at night" went out as "A king hospital at
    night", beside "A queen hospital". A titled name before a place's noun names the place, as after "the" ("the King
    George bridge" was kept): opening the prompt too."""
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt


def test_session_33_a_titled_name_opening_the_prompt_is_still_someone() -> None:
    """The guard: "Queen Elizabeth smiling on a balcony" is a person, her name held and her gender varied."""
    group = held_on_device("Queen Elizabeth smiling on a balcony", "Queen Elizabeth")
    assert group.n == 2


@pytest.mark.parametrize("prompt", ["a middle schooler boy doing homework at the kitchen table",
                                    "a sixth grader girl with a backpack"])
def test_session_33_a_school_stage_before_a_person_noun(prompt: str) -> None:
    """Held-out round 99: "a middle schooler boy" went out as "a middle little boy", "a middle old man": the school
    stage goes with "schooler" ("grader") wherever that word stands, before the head noun too."""
    group = accepted(prompt)
    assert group.n == 8 and not any(re.search(r"\b(middle|sixth) (little|young|old|middle-aged)\b", c) for c in group.order)
    assert not any("schooler" in c or "grader" in c for c in group.order), group.order


def test_session_33_an_ordinal_birthday_said_to_someone() -> None:
    """Found reading round 99's views: "a banner that reads happy 80th birthday grandma" went out as "... happy 80th
    little birthday girl" beside "... 80th old birthday woman": "birthday" was read as her modifier ("birthday girl"),
    so the 80th was no one's age and went out in clear. After an ordinal, "birthday" is the birthday, the person after
    it the one whose years it counts: the ordinal is varied with her age."""
    group = accepted("a banner that reads happy 80th birthday grandma")
    assert group.n > 1 and not any("80th" in c or "birthday girl" in c for c in group.order), group.order
    assert all(re.search(r"happy \d+th birthday (little|young|middle-aged|old) ", c) for c in group.order), group.order


def test_session_33_what_a_cake_says_goes_with_its_verb() -> None:
    """Held-out round 99: "a man at a retirement party with a cake that says 40 years of service" went out as "... with a
    cake that says": what the cake says was held (how long he worked tells his age), and the verb that introduced it
    stayed. Held whole, it takes "that says" with it; a cake that says something sent still says it."""
    group = accepted("a man at a retirement party with a cake that says 40 years of service")
    assert all(c.endswith("with a cake") for c in group.order), group.order
    assert accepted("a cake that says happy birthday, balloons").cloud_prompt == "a cake that says happy birthday, balloons"


@pytest.mark.parametrize(("prompt", "held", "n"), [("a young blonde reading in the park", "blonde", 4),
                                                   ("a young redhead smiling", "redhead", 1)])
def test_session_33_young_describing_a_person_word(prompt: str, held: str, n: int) -> None:
    """Found beside round 99's "a pale redhead": "a young blonde reading in the park" and "a young redhead smiling" went
    out as written, N = 1, age and hair in clear: "young" is also a noun for an animal's young (WordNet), so the prompt
    was read as about an animal and no proxy was held. An attribute adjective before another word describes that word:
    the blonde is a person whose age is varied; "a young redhead" is held whole, as "an old redhead" was."""
    group = held_on_device(prompt, held)
    assert group.n == n and not any("young " + held in c for c in group.order)


def test_session_33_an_age_held_over_the_budget_and_said_again() -> None:
    """Held-out round 100: "A young father holds his newborn daughter while his wife sleeps." failed with a bare KeyError
    ('age'): over the budget "young" was held on the device after "his wife" had been written as the father's noun
    again, which still said his age. The noun again says only what its person still has: accepted, within the budget."""
    group = accepted("A young father holds his newborn daughter while his wife sleeps.")
    assert 1 < group.n <= 64 and "'young'" in group.note and not any("young father" in c for c in group.order)


def test_session_33_a_noun_said_again_before_two_verbs() -> None:
    """Held-out round 100 (strong): "A boy climbs a tree, and later the boy falls and scrapes his knee." kept the second
    "the boy" as "a kind of falls" and sent it beside "A middle-aged woman climbs a tree". A singular noun's -s word
    joined by "and" to another -s verb with its object is his verb: "the boy" is the boy again, varied with him."""
    group = accepted("A boy climbs a tree, and later the boy falls and scrapes his knee.")
    for c in group.order:
        first, again = re.match(r"An? (.+?) climbs a tree, and later the (.+?) falls", c).groups()
        assert first == again, c


def test_session_33_a_gap_between_two_ages_is_no_age() -> None:
    """Held-out round 100 (over): "A man and a woman, she is twenty years older than him, having coffee." read "twenty" as
    her age, and decoys said "he is 75 years older than her". Years before "older"/"younger" are a gap between ages,
    no one's age: sent as written, the genders varied."""
    group = accepted("A man and a woman, she is twenty years older than him, having coffee.")
    assert group.n == 4 and all("twenty years older than" in c for c in group.order), group.order


def test_session_33_capitalised_artist_tags_after_a_person() -> None:
    """Held-out round 100: "((elderly woman)), knitting, ..., Greg Rutkowski, Alphonse Mucha" still sent "a man, a woman"
    for the artists (the rule of c63a539's parent read lower case only). Capitalised, they are held and no one added."""
    group = accepted("((elderly woman)), knitting, cozy, warm lighting, Greg Rutkowski, Alphonse Mucha")
    assert all(c.endswith("warm lighting") for c in group.order), group.order


def test_session_33_a_make_of_two_names_joined_by_an_ampersand() -> None:
    """Held-out round 101 (over): "A Ben & Jerry's ice cream tub melting in the sun" went out as "A Ben & a man's ice
    cream tub", a prompt with no one in it varied. Two capitalised names joined by "&", the second possessive, before a
    thing's noun are a make; before an event or a picture ("Mary & John's wedding") they are still people."""
    prompt = "A Ben & Jerry's ice cream tub melting in the sun"
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt
    held_on_device("Mary & John's wedding in a garden", "Mary")


@pytest.mark.parametrize("prompt", ["make her hug him", "draw her next to him on a bench"])
def test_session_33_two_object_pronouns_in_a_clause_are_two_people(prompt: str) -> None:
    """The guard, from a rule tried and reverted (round 101's "make him a dino bday cake pic w him in it"): an object
    pronoun earlier in a clause read as able to be the later one refused these (his gender against hers); two object
    pronouns in one clause are two people, each varied."""
    assert accepted(prompt).n == 4


@pytest.mark.parametrize(("prompt", "name"), [
    ("emma stone smiling at the camera", "emma stone"),
    ("jack black laughing at a party", "jack black"),
    ("tom cruise smiling at the camera", "tom cruise"),
    ("frank ocean singing on stage", "frank ocean"),
    ("a portrait of kate moss", "kate moss"),
    ("emma stone in a red dress", "emma stone"),
])  # fmt: skip
def test_session_34_a_lower_case_full_name_whose_surname_is_a_word(prompt: str, name: str) -> None:
    """Found before round 102 by a list of lower-case celebrity names: "emma stone smiling", "jack black laughing", "tom
    cruise smiling" went out as written (N = 1), the surname read as a stone, a colour, a cruise and the first name as
    its kind. A given name and the word after it, where a name opens and what follows is what a person does or wears (or
    ends a portrait), are someone's name: held, the person varied."""
    group = held_on_device(prompt, name)
    assert group.n >= 1 and not any(name.split()[1] in c.split() for c in group.order), group.order


@pytest.mark.parametrize("prompt", [
    "rose bush growing in a garden", "summer rain falling on a street", "lily pads floating on a pond",
    "koi fish swimming in a pond", "a daisy chain hanging on a door", "rain, blade runner 2049, neon",
    "max speed racing car driving", "ruby red lips smiling",
])  # fmt: skip
def test_session_34_a_name_that_is_a_plants_or_a_things_word_before_a_noun_stays(prompt: str) -> None:
    """The guard of the rule above: a first name that is also a plant's, a season's or a thing's word before a noun of
    its kind ("rose bush", "lily pads", "koi fish") names that thing; only before a verb whose usual subject is a person
    does the pair name someone. Each goes out as written."""
    group = accepted(prompt)
    assert group.n == 1 and group.cloud_prompt == prompt and not group.held_back, group.order


@pytest.mark.parametrize(("prompt", "name"), [
    ("john baker smiling", "john baker"), ("emma singer on stage", "emma singer"),
    ("a photo of sarah nurse", "sarah nurse"), ("adam driver smiling at the camera", "adam driver"),
    ("stephen king typing a novel by candlelight", "stephen king"),
    ("hermione granger reading in a candlelit library", "hermione granger"),
])  # fmt: skip
def test_session_34_a_lower_case_name_before_a_person_noun_is_held(prompt: str, name: str) -> None:
    """"john baker smiling", "emma singer on stage" went out as written: the name read as a modifier of the person noun
    ("Asian woman"). A given name of one gender where a name opens, before a singular person noun, names someone
    whether the noun is their surname or what they are: the two are held, the person varied. Holding the name alone
    (this commit's first form) sent "king typing a novel" and "granger reading" (a names-only red team, outside the
    project)."""
    group = held_on_device(prompt, name)
    assert group.n == 2 and not any(name.split()[1] in c.split() for c in group.order), group.order


def test_session_34_round_102_the_repeated_noun_before_a_comma_and_a_clause() -> None:
    """Held-out round 102 (strong): "... Moments later the boy falls, and he laughs it off ..." kept the second "the
    boy" as "a kind of falls" and sent it beside "An old woman skateboards down a ramp". An -s word after a singular
    noun, then a comma and a clause going on ("and he"), is that noun's verb: the boy again, varied with him."""
    group = accepted("A teenage boy skateboards down a ramp. Moments later the boy falls, and he laughs it off while "
                     "his friends film him.")  # fmt: skip
    for c in group.order:
        first, again = re.match(r"An? (.+?) skateboards down a ramp\. Moments later the (.+?) falls", c).groups()
        assert first == again, c


@pytest.mark.parametrize("prompt", ["Maria stirs a pot. Later Maria sets the table.",
                                    "Maria, a Mexican grandmother, stirs a pot of mole. Later Maria sets the table."])
def test_session_34_round_102_an_adverb_opening_a_sentence_is_no_part_of_a_name(prompt: str) -> None:
    """Held-out round 102 (strong): "Later Maria sets the table" was kept as a thing's two-word name and sent in every
    candidate. An adverb that opens a sentence is no part of the name after it: Maria is the woman again. With her
    appositive's origin held ("a Mexican grandmother"), the appositive's comma went out too ("An old woman, stirs")."""
    group = accepted(prompt)
    assert not any("Maria" in c or ", stirs" in c for c in group.order), group.order
    assert all("Later the " in c for c in group.order), group.order


def test_session_34_a_nickname_before_a_verb() -> None:
    """"Big Mike fixes cars in his garage" was kept as a thing's name and sent beside "in her garage". A nickname's
    adjective and a first name opening a sentence before a verb in the present are someone's name."""
    group = held_on_device("Big Mike fixes cars in his garage", "Big Mike")
    assert group.n == 2 and not any("Big" in c for c in group.order)


@pytest.mark.parametrize(("prompt", "kept"), [
    ("A newborn in a blanket, its eyes closed", False),
    ("a baby holding a puppy, its tail wagging", True),
    ("a baby elephant walking behind its mother", True),
])  # fmt: skip
def test_session_34_round_102_a_babys_its(prompt: str, kept: bool) -> None:
    """Held-out round 102 (strong): "... and its tiny fingers twitch" went out beside "An old person sleeps": only a baby
    is called "it". Before a body part, after a child, with no animal between, "its" stays on the device ("the" stands
    in); an animal's "its" stays as written."""
    group = accepted(prompt)
    assert all(("its" in c.split()) == kept for c in group.order), group.order


def test_session_34_round_102_a_held_compound_takes_its_article() -> None:
    """Held-out round 102 (over): "A man with grey hair, deep wrinkles and a wooden walking cane" went out as "A man with
    a wooden": a compound an -ing word opens ("walking cane") leaves with its article and adjectives."""
    group = accepted("A man with grey hair, deep wrinkles and a wooden walking cane")
    assert not any("wooden" in c for c in group.order) and all(c.startswith("A ") for c in group.order), group.order


def test_session_34_round_102_who_the_subject_is_is_one_person() -> None:
    """"The man at the counter is an old farmer": what the subject is, after "is", is the subject (round 102's "The guy at
    the bar is a young Irish lad" counted two people and went over the budget); where the two disagree ("The girl in the
    photo is a young woman now") they stay apart."""
    assert accepted("The man at the counter is an old farmer").n == 6
    assert accepted("The girl in the photo is a young woman now").n == 64


def test_session_34_round_102_an_age_in_years_set_off() -> None:
    """Held-out round 102 (refused): "A toddler (2 yrs) stacking wooden blocks" was refused as a number beside a person.
    A number and "yrs" set off after a person are their age: varied, the unit written as it was."""
    group = accepted("A toddler (2 yrs) stacking wooden blocks on the floor")
    assert group.n == 4 and all(re.search(r"\(\d+ yrs\)", c) for c in group.order), group.order


def test_session_34_round_102_a_denial_beside_the_age_it_agrees_with() -> None:
    """Held-out round 102 (refused): "A woman who is not old, maybe twenty-five, walking her dog" was refused as young
    and old. "not old" beside an age it agrees with says nothing more: it stays on the device, the age is varied."""
    group = held_on_device("A woman who is not old, maybe twenty-five, walking her dog in the rain", "not old")
    assert group.n == 6


@pytest.mark.parametrize("prompt", ["She is in her fifties.", "she is in her 50s and loves gardening"])
def test_session_34_a_decade_after_a_subject_pronoun_is_its_own(prompt: str) -> None:
    """"She is in her fifties." had two people, "She" and the one "her" was bound to, and half its 16 candidates read
    "He is in her childhood": with no one named before, the clause's subject pronoun is whose the decade is."""
    group = accepted(prompt)
    assert group.n == 8 and all(re.search(r"\b(she|he) is in (her|his)\b", c, re.I) for c in group.order), group.order
    assert not any(re.search(r"\bhe is in her\b|\bshe is in his\b", c, re.I) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [
    ("A nurse checks on a patient. She is in her fifties and has worked night shifts for thirty years.", "for thirty years"),
    ("She has worked night shifts for thirty years.", "for thirty years"),
    ("a woman, married for fifty years, smiling", "for fifty years"),
])  # fmt: skip
def test_session_34_round_102_years_at_a_life_s_work_said_of_a_pronoun(prompt: str, held: str) -> None:
    """Held-out round 102 (strong): "... She is in her fifties and has worked night shifts for thirty years" went out
    beside "He is in his childhood and has worked night shifts for thirty years". How long someone has done a thing says
    they are no child, also where the clause shares its subject with the one before, where the subject is a pronoun, and
    in a participle set off after the person: it stays on the device."""
    held_on_device(prompt, held)


@pytest.mark.parametrize(("prompt", "held", "view"), [
    ("old lady w a walker crossing the street omg so cute", "w a walker", "crossing the street omg so cute"),
    ("A pensioner queuing at the post office to collect his pension", "to collect his pension",
     "queuing at the post office"),
    ("A woman in a sari rolling out chapati in her kitchen", "rolling out chapati", "kitchen"),
])  # fmt: skip
def test_session_34_round_102_held_words_take_what_reads_only_with_them(prompt: str, held: str, view: str) -> None:
    """Held-out round 102: chat's "w" for "with" kept "w a walker" beside "young lady" (weak); "his pension" held left
    "... to collect" and "chapati" held left "A woman rolling in her kitchen" (over). Chat's "with" reads as "with";
    an infinitive and a verb with its particle leave with the object held, before where it happens."""
    group = held_on_device(prompt, held)
    assert all(c.endswith(view) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "name"), [
    ("90s fashion shoot of kate moss in a slip dress", "kate moss"),
    ("a dog watching megan fox read a book on the couch", "megan fox"),
    ("johnny cash dressed in black playing guitar in a prison yard", "johnny cash"),
    ("jonah hill and channing tatum in police uniforms riding bicycles", "jonah hill"),
    ("ana helps her grandma make tamales", "ana"),
    ("make my bf tyler look like a viking", "tyler"),
])  # fmt: skip
def test_session_34_names_round_a_name_by_where_it_stands(prompt: str, name: str) -> None:
    """A names-only red team (150 prompts, outside the project, on 2b20335: 96 ok / 21 strong / 2 weak / 26 over / 5
    refused) found names sent as written: after "a fashion shoot of", as a verb's object before a bare verb and its
    object ("watching megan fox read a book"), before "dressed", before "and" and another name, before a verb in the
    present and its object ("ana helps her grandma"), and after "my bf" before a bare verb ("tyler look like"). Each is
    someone's name: held."""
    held_on_device(prompt, name)


@pytest.mark.parametrize("prompt", ["Tom's car parked in the driveway", "Emma's birthday cake on a table",
                                    "Sarah's bike leaning on a fence"])
def test_session_34_names_round_a_given_names_possessive_before_a_thing(prompt: str) -> None:
    """"Tom's car parked in the driveway" was kept as a name of the car's kind ("a Barbie doll") and sent. A given
    name's possessive says whose the thing is, someone's or a brand's; either way it is held, no one added."""
    group = held_on_device(prompt, prompt.split()[0])
    assert group.n == 1, group.order


def test_session_34_names_round_a_pronoun_goes_to_the_one_name_of_its_gender() -> None:
    """"emma and liam building a snowman, she laughs as he throws a snowball" was refused: "she", nearest to Liam, made
    him a woman (a pronoun corrects a name's usual gender), and "he" then had no one. Where exactly one other person has
    the pronoun's gender, the pronoun is theirs, written by position ("the former")."""
    group = accepted("emma and liam building a snowman, she laughs as he throws a snowball")
    assert group.n == 4 and all("the former laughs" in c for c in group.order), group.order
    assert accepted("Sam walks in, she smiles").n == 2  # one name: the pronoun still corrects its usual gender


def test_session_34_names_round_a_name_before_a_verb_and_its_object_is_no_brand() -> None:
    """"Emma and Liam build a snowman" held "Liam" as a brand before "build" (a noun too) and sent "A woman and build a
    snowman": a word that is a verb before its object is the name's verb."""
    group = accepted("Emma and Liam build a snowman. She laughs.")
    assert group.n == 4 and all(re.match(r"An? \w+ and (a|another) \w+ build a snowman", c) for c in group.order), group.order


def test_session_34_round_103_a_denied_bound_after_a_copula() -> None:
    """Held-out round 103 (strong): "a guy who is definitely not over 25, skateboarding" sent "not over 25" in every
    candidate, the age not varied (the rule read it only set off by commas). After a copula it is the subject's age,
    under the bound, varied ("around 25"); a thing's age after a copula and a bound ("the bridge is over 70 years old")
    is no one's and goes as written (it was refused)."""
    group = accepted("a guy who is definitely not over 25, skateboarding in an empty parking lot")
    assert group.n == 6 and not any("not over" in c for c in group.order), group.order
    bridge = accepted("the bridge is over 70 years old")
    assert bridge.order == ("the bridge is over 70 years old",)


def test_session_34_round_103_a_held_object_goes_with_its_verb_and_the_and() -> None:
    """Held-out round 103 (over): "The old cowboy has a gray mustache and chews on a piece of straw" went out "The old
    cowboy has chews on ...": a verb whose object is held goes with it and the "and" that joined it to the next verb, as
    "he lifted her veil and kissed her" did; "has a beard and glasses" joins two things he has and keeps "has"."""
    group = accepted("Draw a cowboy leaning on a fence. The old cowboy has a gray mustache and chews on a piece of straw.")
    assert all(re.search(r"The [\w-]+ cow(boy|girl) chews on a piece of straw\.$", c) for c in group.order), group.order
    assert all(c.endswith("has glasses") for c in accepted("a man has a beard and glasses").order)


@pytest.mark.parametrize(("prompt", "held"), [
    ("A Korean baby girl in a hanbok at her doljanchi, surrounded by objects to choose from", "doljanchi"),
    ("A boy with peach fuzz on his upper lip and a few pimples, looking in the mirror", "peach fuzz on his upper lip"),
])  # fmt: skip
def test_session_34_rounds_102_103_listed_cues(prompt: str, held: str) -> None:
    """Held-out rounds 102-103: "doljanchi" (a Korean first birthday) went out beside "An old Caucasian man at his
    doljanchi" (strong), "peach fuzz on his upper lip" beside "An old man" (weak). Both are listed proxies now; where on
    the body a held thing is goes with it, an adjective before the body part included ("his upper lip")."""
    held_on_device(prompt, held)


def test_session_34_round_103_chat_woman() -> None:
    """Held-out round 103 (refused): "wmn in her 20s w/ pink hair at a concert" was refused as a misspelling; chat's
    "wmn" is "woman", varied."""
    group = accepted("wmn in her 20s w/ pink hair at a concert")
    assert group.n == 6 and not any("wmn" in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "name"), [
    ("Maria de Souza at the beach", "Maria de Souza"), ("John de Bruyne", "John de Bruyne"),
])  # fmt: skip
def test_session_34_names_round_a_surname_after_a_particle(prompt: str, name: str) -> None:
    """The names round: "Maria de Souza at the beach" was kept whole as a thing's name ("a Barbie doll": "de" read as
    the kind of thing) and sent. A given name, a lower-case particle and a capitalised surname are someone's name."""
    group = held_on_device(prompt, name)
    assert group.n == 2, group.order


@pytest.mark.parametrize(("prompt", "kept"), [
    ("a painting by Vincent van Gogh", "Vincent van Gogh"),
    ("a pint of Ben & Jerry's ice cream on the counter", "Ben & Jerry's"),
])  # fmt: skip
def test_session_34_names_round_names_of_makers_stay_whole(prompt: str, kept: str) -> None:
    """The names round (over): "a painting by Vincent van Gogh" went out as "by Vincent van a person" (the artist's name
    stopped at the particle), "a pint of Ben & Jerry's ice cream" as "a pint of a man & a woman's" (Ben read first, as a
    name, before the make's rule saw the pair). Both go out as written, each kept with its reason."""
    group = accepted(prompt)
    assert group.order == (prompt,) and kept in {k for k, _ in group.kept}, (group.order, group.kept)


@pytest.mark.parametrize(("prompt", "held", "view"), [
    ("ms kowalski the teacher writing on the chalkboard", "ms kowalski the teacher", "writing on the chalkboard"),
    ("Sen. Elizabeth Warren speaking at a podium", "Elizabeth Warren", "speaking at a podium"),
    ("omg draw mom (linda) as a superhero!!!", "(linda)", "as a superhero!!!"),
])  # fmt: skip
def test_session_34_names_round_titles_and_brackets(prompt: str, held: str, view: str) -> None:
    """The names round (over and weak): "ms kowalski the teacher" went out "A man the teacher" (a titled name takes its
    epithet, as "Mike the plumber" does); "Sen. Elizabeth Warren" as "A person. A woman speaking" (a title's full stop
    ends no sentence); "draw mom (linda)" as "draw father (a woman)" (a name in brackets after a person noun is that
    person's, held whole)."""
    group = held_on_device(prompt, held)
    assert all(c.endswith(view) and ". " not in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "held"), [
    ("Einstein and Tesla playing chess by candlelight", "Einstein"),
    ("can u make elon musk on a horse on mars haha", "elon musk"),
])  # fmt: skip
def test_session_34_names_round_2_people_named_where_a_work_or_nothing_was_read(prompt: str, held: str) -> None:
    """Names round 2 (strong, on 2f38564): "Einstein and Tesla playing chess" was kept as a work's name ("X and Y"),
    "make elon musk on a horse" sent as written (a request's verb opens a name as a sentence's start does). Two people
    WordNet knows, joined by "and" before what someone does, are people; both names are held."""
    held_on_device(prompt, held)


@pytest.mark.parametrize(("prompt", "said"), [
    ("pls make a pic of my grandpa hes like 80 n loves fishing", r"like \d+ n loves"),
    ("need a pic of a teen gurl w braces smiling, like 14 yrs", r"like \d+ yrs"),
])  # fmt: skip
def test_session_34_round_104_an_age_said_like_chat_says_it(prompt: str, said: str) -> None:
    """Held-out round 104 (strong): "hes like 80 n loves fishing" and "smiling, like 14 yrs" went out as written beside
    every decoy: "like" and a number before chat's "n" or before "yrs" are the person's age, varied."""
    group = accepted(prompt)
    ages = {re.search(said, c).group(0) for c in group.order}
    assert len(ages) > 1, group.order


def test_session_34_round_104_what_someone_is_made_to_look() -> None:
    """Held-out round 104 (strong): "make him look latino" sent "latino" in every candidate; what a person is made to
    look is said of them: an origin outside the value space stays on the device."""
    group = held_on_device("yo generate a dude in his 30s chillin w a beer, make him look latino", "latino")
    assert group.n == 6, group.order
