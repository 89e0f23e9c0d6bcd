"""Who a word refers to: one person named twice stays one slot, a name's appositive is that name, a first name
after a picture's "of" is a person and a place stays a place, a word that merely ends in "-ing" is no verb.

Each test builds its prompts from parts (not from an issue's examples) and checks a property every candidate
must have: it parses back to the same number of people, it never carries the name, a place or an object is
sent as written.
"""

from __future__ import annotations

import itertools

import pytest

from obclip.prompts import transform
from obclip.prompts.lexicon import default_lexicon
from obclip.prompts.parse import parse
from obclip.prompts.template import AmbiguousPronoun, DetectionError

LEX = default_lexicon()

ROLES = [("businessman", "man"), ("waitress", "woman"), ("policeman", "guy"), ("actress", "lady"),
         ("fisherman", "old man"), ("schoolgirl", "kid")]  # fmt: skip
CLAUSES = ["checks the time; the {noun} is late", "sits by the window. The {noun} looks tired",
           "waits at the bus stop, and the {noun} reads a book"]  # fmt: skip


def _people(text: str) -> int:
    return len(parse(text, LEX).persons)


@pytest.mark.parametrize(("role", "noun", "clause"), [(r, n, c) for (r, n), c in itertools.product(ROLES, CLAUSES)])
def test_a_second_mention_by_a_general_noun_is_the_same_person(role: str, noun: str, clause: str) -> None:
    """ "A waitress ...; the woman ...": one slot, so every candidate gives both mentions one value and reads as
    one person (a decoy with two values would show itself)."""
    prompt = f"A {role} " + clause.format(noun=noun)
    group = transform(prompt)
    assert _people(prompt) == 1 and {s.person for s in group.slots} == {0}
    for candidate in group.order:
        assert _people(candidate) == 1, candidate


def test_a_general_noun_that_could_be_someone_new_is_refused_not_split() -> None:
    """Whether "the man" is the person before or someone new depends on a value the decoys change: refused,
    with the words named, rather than sent as candidates that read differently. Of two people before it, the one
    its words fit is meant, and the view writes "the latter" in every candidate (tests/test_cloud_wording.py)."""
    with pytest.raises(Exception, match="the man") as info:
        transform("A woman waits at the station; the man arrives late")
    assert "\n" not in str(info.value)
    group = transform("A mother and a father wait; the man checks his phone")
    assert group.cloud_prompt == "A mother and a father wait; the latter checks his phone"


@pytest.mark.parametrize(
    "prompt",
    [
        "a woman with the man",
        "the young and the old",
        "a girl and the boy next door",
        "A man and a woman. The man smiles",
    ],
)
def test_two_people_in_one_clause_stay_two(prompt: str) -> None:
    """ "the" names someone again only across a clause boundary; within one clause it is someone else."""
    try:
        group = transform(prompt)
    except Exception as exc:  # the last prompt: which "the man" is meant would show in the decoys
        assert "several" in str(exc) and prompt.endswith("smiles")
        return
    assert len({s.person for s in group.slots}) == 2


NAMES = ["John", "Peter", "Maria", "Aisha", "Hiroshi", "Victoria"]
APPOSITIVES = ["a retired firefighter", "a young nurse", "an old fisherman", "a tall doctor"]


@pytest.mark.parametrize(("name", "appositive"), list(itertools.product(NAMES, APPOSITIVES)))
def test_a_name_and_its_appositive_are_one_person_and_the_name_stays_home(name: str, appositive: str) -> None:
    prompt = f"{name}, {appositive}, sits on the porch with a dog"
    group = transform(prompt)
    assert name in group.held_back
    assert {s.person for s in group.slots} == {0} and any(s.name == "gender" for s in group.slots)
    for candidate in group.order:
        assert name not in candidate and _people(candidate) == 1 and candidate[0].isupper(), candidate


@pytest.mark.parametrize("name", ["John", "Victoria", "Peter", "Jordan", "Georgia"])
@pytest.mark.parametrize("picture", ["a photo of", "an oil portrait of", "a pencil sketch of"])
def test_a_first_name_in_a_picture_is_never_sent(name: str, picture: str) -> None:
    """A first name that is also a place ("Victoria", "Georgia") shown in a picture: either a person slot or
    held back; the cloud never reads the name."""
    group = transform(f"{picture} {name} smiling")
    assert all(name not in c for c in group.order)


@pytest.mark.parametrize("text", ["a map of Georgia", "a tram in Victoria at dusk", "a photo of Paris at night",
                                  "a street in Jordan", "Victoria, the capital of British Columbia, at dusk"])  # fmt: skip
def test_a_place_stays_a_place(text: str) -> None:
    group = transform(text)
    assert group.n == 1 and group.order[0] == text


@pytest.mark.parametrize(
    "text",
    [
        "a chess board with the white king toppled by a black queen",
        "the white swing in the garden",
        "the old string quartet on stage",
        "the black wing of a crow",
        "a red ring on the white cushion",
    ],
)
def test_a_word_that_only_ends_in_ing_is_no_verb(text: str) -> None:
    """ "the white king": "white" before a noun describes it; "king", "swing", "wing" are no -ing verbs."""
    group = transform(text)
    assert group.n == 1 and group.order[0] == text


@pytest.mark.parametrize(("origin", "word"), list(itertools.product(["Georgian", "Japanese", "Indian", "Korean"],
                                                               ["townhouse", "teapotz", "katana", "thali"])))  # fmt: skip
def test_an_origin_before_a_word_the_lexicon_does_not_know_stays_home(origin: str, word: str) -> None:
    """A style of a thing or someone's origin: either way the cloud does not get it, and no person is made up."""
    group = transform(f"a {origin} {word} on a wooden table")
    assert group.n == 1 and origin not in group.order[0] and origin in group.held_back


@pytest.mark.parametrize(("subject", "verb"), list(itertools.product(
    ["a mother", "a father", "an old man", "a young woman"],
    ["holding {pos} baby close to", "carrying a puppy behind", "sits with a lamp beside"])))  # fmt: skip
def test_a_place_pronoun_after_a_verb_is_the_subjects(subject: str, verb: str) -> None:
    """ "a mother holding her baby close to her": where something is, said of the one doing it; every candidate's
    last pronoun agrees with its subject."""
    female = "woman" in subject or "mother" in subject
    text = f"{subject} {verb.format(pos='her' if female else 'his')} {'her' if female else 'him'}"
    group = transform(text)
    for candidate in group.order:
        said_female = any(w in candidate.split()[:3] for w in ("woman", "mother", "girl"))
        assert candidate.endswith("her" if said_female else "him"), candidate


def test_an_object_pronoun_is_someone_else_without_a_verb_or_with_ones_own_arm() -> None:
    for text in ("the woman next to him", "a man wrapping his arm around her", "a man hugging her"):
        assert len({s.person for s in transform(text).slots}) == 2, text


@pytest.mark.parametrize("adjective", ["old", "young", "elderly"])
def test_an_age_word_before_a_name_is_the_persons_age(adjective: str) -> None:
    group = transform(f"a photo of {adjective} Jessica smiling")
    assert {s.name for s in group.slots} >= {"age", "gender"}
    assert all(adjective not in c.split() or c.count(adjective) == 1 for c in group.order)
    assert all(any(w in c.split() for w in ("woman", "man", "boy", "girl", "child", "person")) for c in group.order)


@pytest.mark.parametrize(
    "template",
    [
        "a woman aged {a} to {b} walking in the rain",
        "a man aged between {a} and {b}",
        "a woman, around {a}, reading",
        "a man in a grey cardigan, around {a}, by the fire",
        "a woman between {a} and {b} years old",
        "a man aged {a}-{b}",
    ],
)
@pytest.mark.parametrize(("low", "high"), [(22, 27), (41, 48), (72, 79)])  # no bound is a canonical age (25, 45, 75)
def test_an_age_range_or_an_approximate_age_is_varied_whole(template: str, low: int, high: int) -> None:
    """Neither bound of a range reaches the cloud as written: the range is one age statement of its person,
    rendered from the value, so every candidate carries an age of its own."""
    prompt = template.format(a=low, b=high)
    group = transform(prompt)
    assert any(s.name == "age" for s in group.slots)
    for candidate in group.order:
        assert str(high) not in candidate.split() and f"{high}-" not in candidate
    assert len({tuple(w for w in c.split() if w.strip(",").isdigit()) for c in group.order}) == len(
        next(s for s in group.slots if s.name == "age").space
    )


@pytest.mark.parametrize(("cohort", "age"), [("Gen Z", "young"), ("Gen X", "middle-aged"), ("boomer", "old"),
                                             ("millennial", "young")])  # fmt: skip
@pytest.mark.parametrize("noun", ["man", "woman", "couple"])
def test_a_generation_is_an_age(cohort: str, age: str, noun: str) -> None:
    group = transform(f"a {cohort} {noun} on a cruise ship deck")
    assert cohort.split()[-1] not in " ".join(group.order)
    assert next(s for s in group.slots if s.name == "age").value == age


@pytest.mark.parametrize(
    "prompt",
    [
        "A man in a grey suit reading the Torah at a bar mitzvah",
        "a woman with a hijab and a niqab, smiling",
        "a man with red hair and freckles hiking",
        "a woman laughing with natural afro hair",
        "A girl with kinky curls",
    ],
)
def test_a_preposition_whose_object_was_held_back_goes_with_it(prompt: str) -> None:
    """No candidate ends on, or runs a dangling preposition into, a gap where a held-back word was."""
    group = transform(prompt)
    assert group.held_back
    for candidate in group.order:
        words = candidate.replace(",", " ,").split()
        for k, w in enumerate(words):
            if w.lower() in ("at", "with", "in", "on"):
                assert k + 1 < len(words) and words[k + 1] != "," and words[k + 1].lower() not in ("and", "or"), (
                    candidate
                )
        assert not any(candidate.endswith(f" {p}") for p in ("at", "with", "in", "hair")), candidate


@pytest.mark.parametrize(
    "first, second", [("Mary", "John"), ("John", "Mary"), ("Peter", "Victoria"), ("Aisha", "Omar")]
)
@pytest.mark.parametrize("rest", ["at the beach", "hiking in the Alps", "on a bench, laughing"])
def test_two_first_names_are_two_people_and_neither_is_sent(first: str, second: str, rest: str) -> None:
    """A gendered first name that WordNet also knows as a place or a thing ("john") is a name where a name stands."""
    group = transform(f"{first} and {second} {rest}")
    assert len({s.person for s in group.slots}) == 2
    assert not any(first in c or second in c for c in group.order)


@pytest.mark.parametrize(("group_word", "age"), [("20-somethings", "young"), ("thirtysomethings", "young"),
                                                 ("50-somethings", "middle-aged"), ("old folks", "old")])  # fmt: skip
def test_people_named_by_their_age_group_are_an_age_slot(group_word: str, age: str) -> None:
    group = transform(f"{group_word} dancing at a rooftop bar")
    slot = next(s for s in group.slots if s.name == "age")
    assert slot.value == age and group.n == len(slot.space) * (2 if any(x.name == "gender" for x in group.slots) else 1)
    assert "something" not in " ".join(group.order)  # the group word is written from the value
    assert transform("a 40-something man dancing").n == 8  # before a person noun it is that person's age


@pytest.mark.parametrize(
    "prompt",
    [
        "Priya, a 28-year-old engineer, presents her design",
        "Mr. Thompson, the retired history teacher, in his study",
        "Ana, the night-shift nurse, checks a chart",
        "Kenji, a software engineer, at his desk",
    ],
)
def test_an_appositive_of_any_shape_names_the_name(prompt: str) -> None:
    group = transform(prompt)
    assert len({s.person for s in group.slots}) == 1
    assert all(_people(c) == 1 for c in group.order)


@pytest.mark.parametrize(("written", "kept"), [("reviews an X-ray", "an X-ray"), ("next to an SUV", "an SUV"),
                                               ("at an HBCU homecoming", "an HBCU"), ("near a NASA rocket", "a NASA")])  # fmt: skip
def test_the_users_article_before_letters_is_kept(written: str, kept: str) -> None:
    """Articles re-agree only before words the cloud view rewrote; before letters read aloud they stay as written."""
    assert all(kept in c for c in transform(f"an old man {written}").order)


def test_an_acronym_head_keeps_its_capitals() -> None:
    assert all("CEO" in c for c in transform("The CEO stands at the podium. He adjusts his tie").order)


@pytest.mark.parametrize(("written", "value"), [("aged 35-45", "middle-aged"), ("aged 20 to 30", "young"),
                                                ("ages 5 and 12", "child"), ("around 60 to 80", "old")])  # fmt: skip
def test_a_range_states_its_middle(written: str, value: str) -> None:
    group = transform(f"two brothers, {written}, playing video games" if "ages" in written else f"a man {written}")
    assert next(s for s in group.slots if s.name == "age").value == value


@pytest.mark.parametrize("role", ["software engineer", "partner at a law firm", "analyst", "vice president"])
def test_senior_before_a_role_is_a_rank_not_an_age(role: str) -> None:
    group = transform(f"a senior {role} at her desk")
    assert "age" not in {s.name for s in group.slots} and all("senior" in c for c in group.order)
    assert next(s for s in transform("a senior citizen reading").slots if s.name == "age").value == "old"


@pytest.mark.parametrize(("idiom", "value"), [("in the twilight of his life", "old"), ("in the prime of his life", "young"),
                                              ("of a certain age", "middle-aged")])  # fmt: skip
def test_a_stage_of_life_is_an_age(idiom: str, value: str) -> None:
    group = transform(f"a man {idiom} by the fire")
    assert next(s for s in group.slots if s.name == "age").value == value
    assert all(idiom not in c for c in group.order)


def test_an_age_said_of_one_of_a_group_without_a_noun_is_refused_not_sent() -> None:
    with pytest.raises(Exception, match="give each a noun"):
        transform("two men, one young and one old, sharing lunch")


@pytest.mark.parametrize("garment", ["princess costume", "cowboy hat", "queen costume"])
def test_a_person_noun_naming_a_garment_is_no_person(garment: str) -> None:
    group = transform(f"a little girl in a {garment} at a party")
    assert all(garment in c for c in group.order) and {s.person for s in group.slots} == {0}


@pytest.mark.parametrize("text", ["a student wearing a Howard University sweatshirt", "the Victoria College library"])
def test_a_first_name_before_an_institution_names_it(text: str) -> None:
    assert transform(text).order == (text,)


def test_an_origin_said_after_is_a_predicate_and_hair_codes_are_held() -> None:
    assert all(
        c.split()[-1] in ("Caucasian", "African", "Asian", "Indian", "European")
        for c in transform("she is Korean").order
    )  # "she is Asian", never "she is Asian person"
    group = transform("a Black woman with natural 4c hair in a studio")
    assert "with natural 4c hair" in group.held_back and all("4c" not in c for c in group.order)
    assert "Middle Eastern" in transform("a Middle Eastern woman with dark eyes, portrait").held_back


def test_third_round_of_the_black_box_red_team() -> None:
    """Each from a class the third round found: a verb with its object is no name, "and" before another person
    is no list of held words, a range goes up, a name after "named" is no named thing, a first name before a
    place noun names the place."""
    assert all(
        "cross the street" in c for c in transform("A policeman helping an elderly woman cross the street").order
    )
    assert transform("A woman in a hijab and a man in a turban chatting").cloud_prompt.startswith("A woman and a man")
    group = transform("Two brothers, one aged 8 and one aged 15, playing soccer")
    assert all(c.count("aged") == 2 for c in group.order)
    assert "Kenji" not in " ".join(transform("A boy named Kenji flies a paper plane").order)
    assert transform("Victoria station at rush hour").order == ("Victoria station at rush hour",)


@pytest.mark.parametrize("text", ["A rusty Land Rover parked at a reservoir", "an old Ford Mustang in a barn"])
def test_a_make_after_an_article_is_no_name(text: str) -> None:
    """A name takes no article: "a rusty Land Rover" is a car ("A rusty a person" before)."""
    assert transform(text).order == (text,)


@pytest.mark.parametrize("famous", ["Einstein", "Lincoln", "Gandhi"])
def test_a_famous_name_a_picture_shows_is_never_sent(famous: str) -> None:
    assert all(famous not in c for c in transform(f"a portrait of {famous} at a desk").order)


PEOPLES = ["cajun", "pashtun", "creole", "texan", "bavarian", "tahitian", "sherpa", "glaswegian", "tajik", "roman"]


@pytest.mark.parametrize(("people", "role"), list(itertools.product(PEOPLES, ["fisherman", "grandmother", "soldier"])))
def test_a_people_wordnet_knows_is_an_origin_and_stays_home(people: str, role: str) -> None:
    """A people outside the curated demonyms ("a Cajun fisherman", "a Pashtun grandmother") says where someone is
    from as "Japanese" does: the word never reaches the cloud, whatever the case it is written in."""
    for written in (people, people.capitalize()):
        group = transform(f"a {written} {role} at the market")
        assert all(people not in c.lower().split() for c in group.order), group.order
        assert written in group.held_back


@pytest.mark.parametrize("origin", ["Italian", "Roman", "Bavarian", "Japanese", "Texan"])
@pytest.mark.parametrize("place", ["Alps", "Colosseum", "Riviera Hotel", "Gardens"])
def test_an_origin_before_a_named_place_with_nobody_there_is_sent_as_written(origin: str, place: str) -> None:
    """ "the Italian Alps": the word says which named place, and no person is in the prompt to describe."""
    prompt = f"the {origin} {place} at sunset"
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("origin", ["Korean", "Nigerian", "Cajun", "Brazilian"])
@pytest.mark.parametrize(("named", "person"), [("boy band", "member"), ("Super Eagles", "player"), ("Arsenal", "fan")])
def test_an_origin_before_a_named_team_and_its_member_is_the_members(origin: str, named: str, person: str) -> None:
    """ "a Korean boy band member": the band's name sits between the origin and the person it describes; the
    origin is the member's and stays home (refusing is allowed, sending it is not)."""
    try:
        group = transform(f"portrait of a {origin} {named} {person}")
    except Exception:  # noqa: BLE001 - a refusal sends nothing, which is safe
        return
    assert all(origin.lower() not in c.lower().split() for c in group.order), group.order


@pytest.mark.parametrize(("cue", "rest"), [("360 waves", ""), ("crow's feet", " around the eyes"),
                                           ("salt and pepper hair", "")])  # fmt: skip
def test_a_listed_proxy_opened_by_a_number_or_holding_a_possessive_is_held(cue: str, rest: str) -> None:
    """A proxy phrase is matched as written, its number ("360 waves") and inner possessive ("crow's feet") too."""
    group = transform(f"a portrait of a person with {cue}{rest}")
    assert all(cue not in c for c in group.order) and any(cue in h for h in group.held_back)


def test_an_accented_word_is_known_by_its_plain_spelling() -> None:
    """ "a French café": "café" is the noun "cafe", so "French" describes a place and no one is there."""
    assert transform("a French café at night").order == ("a French café at night",)


@pytest.mark.parametrize("name", ["Big Boy", "Burger King", "Three Wise Men", "Jolly Green Giant", "Little Women"])
@pytest.mark.parametrize("thing", ["burger", "crown", "paperback", "figurines", "tin", "statue", "wrapper"])
def test_a_name_before_a_thing_noun_is_its_brand_or_title_and_is_sent(name: str, thing: str) -> None:
    """A capitalised name that opens with neither a given name nor a title, before a thing noun, names that thing
    ("a Big Boy burger", "the Burger King crown"): nobody is in the prompt, so nothing is changed. (A person noun
    before a name is a title: "Lady Gaga", "Mother Goose", "Baby Ruth" stay someone's names.)"""
    prompt = f"a {name} {thing} on a wooden table"
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("work", ["film", "novel", "song", "album"])
@pytest.mark.parametrize("title", ["Little Women", "Billie Jean", "Emma", "The Old Man and the Sea"])
def test_a_title_after_its_work_is_sent_as_written(work: str, title: str) -> None:
    """ "a poster for the film Little Women": after "the film" the capitalised words are its title."""
    prompt = f"a poster for the {work} {title} on a wall"
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("opener", ["Lake", "Mount", "Fort", "San"])
@pytest.mark.parametrize("name", ["Louise", "Victoria", "Jose", "George"])
def test_a_place_named_after_someone_is_a_place(opener: str, name: str) -> None:
    """ "Lake Louise", "San Jose": a place head or a saint's prefix before a given name makes a place."""
    prompt = f"{opener} {name} at sunrise with a red canoe"
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("phrase", ["Baby's breath", "Chinese checkers"])
def test_a_wordnet_name_holding_a_possessive_or_a_game_is_a_thing(phrase: str) -> None:
    prompt = f"{phrase} on a coffee table"
    assert transform(prompt).order == (prompt,)


def test_a_given_name_or_title_before_a_thing_is_still_someone() -> None:
    """ "a Tom Hanks poster", "a Queen Victoria mug": a name that opens with a given name or a title is a person's
    name before any noun; the person is varied, the name never sent."""
    for prompt, name in (("a Tom Hanks poster on a wall", "Hanks"), ("a Queen Victoria mug", "Victoria")):
        assert all(name not in c for c in transform(prompt).order)


@pytest.mark.parametrize("noun", ["redhead", "cheerleader", "lumberjack"])
@pytest.mark.parametrize("verb", ["sunbathing on a beach", "smiling at the camera", "walks to work"])
def test_a_proxy_noun_that_is_the_subject_leaves_a_person_behind(noun: str, verb: str) -> None:
    """ "a redhead sunbathing": the word that names the person is held back, the person stays the subject ("a person
    sunbathing"); a redhead is not read as the duck of that name."""
    group = transform(f"a {noun} {verb}")
    assert noun in " ".join(group.held_back)
    for candidate in group.order:
        assert candidate.split()[:2] == ["a", "person"] and noun not in candidate, candidate


@pytest.mark.parametrize("thing", ["stroller", "pacifier"])
def test_a_proxy_noun_after_a_preposition_or_a_verb_is_a_thing(thing: str) -> None:
    """ "a baby in a stroller", "a mother pushing a stroller": the proxy leaves, and never becomes "a person"."""
    for prompt in (f"a baby in a {thing}", f"a mother pushing a {thing} with her baby"):
        for candidate in transform(prompt).order:
            assert "a person" not in candidate and thing not in candidate, candidate


@pytest.mark.parametrize(("person", "proxy"), [("woman", "who is seven months pregnant"), ("girl", "with afro puffs"),
                                               ("bride", "with mehndi on her hands"),
                                               ("person", "with long braided cornrows")])  # fmt: skip
@pytest.mark.parametrize("rest", ["dancing at a festival", "smiling, golden hour"])
def test_what_is_left_after_a_proxy_reads_as_a_sentence(person: str, proxy: str, rest: str) -> None:
    """The proxy leaves with what measures it, the head of its compound, where on the body it is and the proxy
    before it, so no candidate keeps a stray word of it ("a woman who is seven months doing yoga")."""
    group = transform(f"a {person} {proxy} {rest}")
    held = set(proxy.split()) - {"who", "is", "with", "her", "on"}
    for candidate in group.order:
        words = candidate.replace(",", " ").split()
        assert not held & set(words), candidate
        assert candidate.endswith(rest.split(",")[-1]) and words[-len(rest.split()) - 1] not in ("with", "on", "who"), (
            candidate
        )


@pytest.mark.parametrize("character", ["Cinderella", "cinderella", "Athena", "Napoleon", "napoleon", "Krishna"])
@pytest.mark.parametrize("rest", ["at the ball", "on a white horse", "playing the flute"])
def test_a_character_asked_for_by_one_name_is_someone_in_any_case(character: str, rest: str) -> None:
    """A character people ask for by one name is a person, not the place or the pastry WordNet also knows: at the
    start of a prompt, before a preposition or an -ing verb, the name never reaches the cloud."""
    group = transform(f"{character} {rest}")
    assert len(group.order) >= 2 and all(character.lower() not in c.lower() for c in group.order), group.order


@pytest.mark.parametrize("place", ["Tokyo", "Brooklyn", "Lagos", "texas"])
@pytest.mark.parametrize("person", ["girl", "salaryman", "rancher"])
def test_a_place_before_a_person_noun_is_where_they_are_from(place: str, person: str) -> None:
    """ "a Brooklyn girl", "a Lagos rancher": the place says where the person is from; it stays on the device."""
    group = transform(f"a {place} {person} at work")
    assert place in group.held_back and all(place not in c for c in group.order)


@pytest.mark.parametrize("surname", ["Patel", "Nguyen", "Smith", "Okafor"])
def test_a_surname_before_family_is_held(surname: str) -> None:
    """ "the Nguyen family": the surname can tell an ethnicity; "the family" is what the cloud needs."""
    group = transform(f"the {surname} family at dinner")
    assert group.order == ("the family at dinner",) and surname in group.held_back


@pytest.mark.parametrize("proxy", ["expecting twins", "expecting a baby", "in a hijab"])
def test_a_proxy_never_takes_the_person_it_describes(proxy: str) -> None:
    """ "a woman expecting twins": the proxy leaves, the woman stays (once the whole prompt left as a proxy)."""
    group = transform(f"a woman {proxy}")
    assert sorted(group.order) == ["a man", "a woman"]


def test_an_introducer_stays_for_the_next_item_when_its_first_item_is_held() -> None:
    """ "with a walker and an oxygen tube": the walker leaves, "with an oxygen tube" stays a phrase."""
    for candidate in transform("A woman with a walker and an oxygen tube, smiling").order:
        assert "with an oxygen tube" in candidate and "walker" not in candidate, candidate


@pytest.mark.parametrize(("group_word", "age"), [("over-60s", "old"), ("over-70s", "old"), ("under-5s", "child")])
def test_an_over_or_under_age_group_is_one_word_and_an_age(group_word: str, age: str) -> None:
    """ "a group of over-60s": the hyphened group is one token (it was three) and states the people's age."""
    group = transform(f"a group of {group_word} at a cafe")
    assert any(s.name == "age" and s.value == age for s in group.slots) and all(
        group_word not in c for c in group.order
    )


@pytest.mark.parametrize("person", ["baby", "boomer", "toddler"])
@pytest.mark.parametrize("picture", ["photo", "meme", "portrait"])
def test_an_age_word_before_a_picture_is_who_it_shows(person: str, picture: str) -> None:
    """ "a baby photo", "ok boomer meme": the picture shows the person (unlike "a baby stroller")."""
    group = transform(f"a {person} {picture} on the fridge")
    assert any(s.name == "age" for s in group.slots) and all(person not in c.split() for c in group.order)


@pytest.mark.parametrize(("name", "rest"), [("Joan of Arc", "in armor"), ("Gandalf the Grey", "leaning on a staff"),
                                            ("Sherlock Holmes", "smoking a pipe"), ("Francis of Assisi", "with birds")])  # fmt: skip
def test_a_name_with_its_epithet_is_one_name_and_never_sent(name: str, rest: str) -> None:
    """ "Joan of Arc", "Gandalf the Grey": the epithet belongs to the name; no part of it reaches the cloud and
    the name is one person ("A person of Arc", "A man the person" were sent)."""
    group = transform(f"{name} {rest}")
    assert len({s.person for s in group.slots} | {0}) == 1
    for candidate in group.order:
        assert not any(part in candidate for part in name.split() if part[0].isupper()), candidate


@pytest.mark.parametrize(("school", "noun"), [("a high school", "senior"), ("a college", "senior"),
                                              ("a high school", "junior")])  # fmt: skip
def test_a_school_year_is_a_students_age_and_the_school_stays_whole(school: str, noun: str) -> None:
    """ "a high school senior" is a young student: the age is young (not "old"), and "high school" stays one
    compound ("a high old school person" was sent): now held back whole, as it states the student's age."""
    group = transform(f"{school} {noun} throwing a cap")
    assert any(s.name == "age" and s.value == "young" for s in group.slots)
    assert school.split(" ", 1)[1] in group.held_back
    for candidate in group.order:
        assert "school" not in candidate and "college" not in candidate, candidate


@pytest.mark.parametrize("grade", ["sixth", "3rd", "first"])
def test_a_grade_before_grader_is_part_of_the_noun(grade: str) -> None:
    for candidate in transform(f"a {grade} grader reading a book").order:
        assert grade not in candidate.split(), candidate


@pytest.mark.parametrize("link", ["looks", "doesn't look", "seems", "does not look"])
def test_an_origin_after_a_linking_verb_is_a_predicate_and_varied(link: str) -> None:
    """ "a woman who doesn't look Asian": the origin is said of her, varied in every candidate; it never becomes
    a person noun ("who doesn't Asian look person")."""
    group = transform(f"a woman who {link} Asian, posing")
    assert any(s.name == "ethnicity" for s in group.slots) and len(group.order) >= 5
    assert all(f" {link} " in c and "person" not in c for c in group.order)


@pytest.mark.parametrize("role", ["Officer", "Nurse", "Chef", "Detective"])
@pytest.mark.parametrize("surname", ["Ramirez", "Okafor", "Nakashima", "Kowalczyk"])
def test_a_role_before_a_surname_keeps_the_role_and_holds_the_surname(role: str, surname: str) -> None:
    """ "Officer Ramirez directing traffic" was refused over a surname no list knows; the surname is the person's
    (it can tell an ethnicity) and stays home, the role stays the person."""
    group = transform(f"{role} {surname} directing traffic")
    assert surname in " ".join(group.held_back)
    assert all(surname not in c and c.startswith(role) for c in group.order)


@pytest.mark.parametrize("title", ["Señora", "Mrs", "Madam"])
@pytest.mark.parametrize("surname", ["Gutiérrez", "Doubtfire", "Nakamura"])
def test_a_gendered_title_and_surname_leave_a_person_doing_the_verb(title: str, surname: str) -> None:
    """ "Señora Gutiérrez selling tamales" went out as "Selling tamales": the name stays home, the person stays."""
    group = transform(f"{title} {surname} selling tamales at dawn")
    assert sorted(group.order) == ["A man selling tamales at dawn", "A woman selling tamales at dawn"]


@pytest.mark.parametrize("prompt", ["a John Deere tractor in a cornfield", "a bottle of Jim Beam on a porch railing",
                                    "Chinese lanterns hanging over a street", "a Hawaiian shirt hanging on a line",
                                    "the Jefferson Memorial reflected in the water"])  # fmt: skip
def test_names_of_makers_contents_plurals_and_memorials_are_things(prompt: str) -> None:
    """Round 5's overreach: a maker's full name before a made thing, the name of what a bottle holds, a WordNet
    name in the plural, a garment that "hangs", a memorial named after someone: nobody is there, nothing changes."""
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("prompt", ["Priyanka and Raj at a wedding", "Ray Charles at the piano", "a Tom Hanks poster",
                                    "a photo of Emma Watson", "Mary Smith walks her dog"])  # fmt: skip
def test_people_named_before_a_preposition_a_picture_or_a_verb_stay_people(prompt: str) -> None:
    group = transform(prompt)
    assert len(group.order) >= 2 and not any(w in c for c in group.order for w in prompt.split() if w[0].isupper())


@pytest.mark.parametrize("people", ["Navajo", "Hopi", "Comanche", "Zapotec"])
def test_native_peoples_are_origins(people: str) -> None:
    """Peoples WordNet files under Amerindian (first the people's language for some): origins, held."""
    group = transform(f"a {people} weaver at her loom")
    assert people in group.held_back and all(people not in c for c in group.order)


@pytest.mark.parametrize("prompt", ["a trip to Omaha", "downtown Ottawa at night", "a Winnebago parked at a campsite",
                                    "a Jeep Cherokee parked outside", "a Japanese silk kimono"])  # fmt: skip
def test_a_people_that_is_also_a_place_or_a_vehicle_stays_that_and_a_lone_garment_is_sent(prompt: str) -> None:
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("word", ["octogenarian", "nonagenarian", "fogey", "curmudgeon"])
def test_an_old_persons_word_before_a_role_is_an_age_not_a_rank(word: str) -> None:
    """ "an octogenarian swimmer": only "senior"/"junior"/"elder" name a rank ("a senior engineer"); the others
    state the swimmer's age, varied."""
    group = transform(f"an {word} swimmer diving into a pool" if word[0] in "aeiou" else f"a {word} swimmer diving")
    assert any(s.name == "age" for s in group.slots) and all(word not in c for c in group.order)


@pytest.mark.parametrize(("subject", "number"), [("She", "eight"), ("He", "seventy"), ("She", "forty-five")])
def test_an_age_said_in_words_after_is_is_varied(subject: str, number: str) -> None:
    """ "She is eight and ...": the age in words is the subject's, varied like "she is 8"; never sent as written."""
    group = transform(f"{subject} is {number} and loves {'her' if subject == 'She' else 'his'} garden")
    assert any(s.name == "age" for s in group.slots) and all(number not in c for c in group.order)


@pytest.mark.parametrize(("first", "second", "she", "he"), [("a woman", "her son", "She orders tea", "he points"),
                                                           ("Maria", "her husband", "she bakes", "he sweeps"),
                                                           ("a mother", "her boy", "She laughs", "he runs")])  # fmt: skip
def test_a_pronoun_of_the_other_gender_than_its_nearest_person_is_written_as_its_persons_noun(
    first: str, second: str, she: str, he: str
) -> None:
    """ "A woman and her son walk in. She orders tea while he points": "She" is nearest to the son, but can only
    mean the woman; every candidate writes it as her noun again ("The woman orders", "The man orders"), which a
    decoy binds by noun, so the set is closed (it was refused). The other pronoun binds by position as before."""
    group = transform(f"{first} and {second} walk in. {she} while {he}.")
    assert len(group.order) >= 4
    for candidate in group.order:
        assert " she " not in f" {candidate.split('.')[1].lower()} ".split(" while ")[0], candidate
        assert candidate.split(". ")[1].lower().startswith("the "), candidate


def test_a_pronoun_that_only_gender_tells_apart_among_three_people_of_one_noun_is_refused() -> None:
    """ "a man, a woman and a boy, she reads while he sleeps": a decoy with two women could not say which one "she"
    is, and with three people "the former" names none."""
    with pytest.raises(AmbiguousPronoun, match="refer to"):
        transform("a man, a woman and a boy, she reads while he sleeps")


@pytest.mark.parametrize("adverb", ["heavily", "visibly", "newly"])
def test_an_adverb_of_a_held_proxy_leaves_with_it(adverb: str) -> None:
    """ "a heavily pregnant lady" was sent as "a heavily lady": the adverb goes with the word it modifies."""
    for candidate in transform(f"a {adverb} pregnant lady waiting at the bus stop").order:
        assert adverb not in candidate and "pregnant" not in candidate, candidate


def test_a_person_proxy_noun_with_a_hyphen_leaves_a_person() -> None:
    """ "a mom-to-be cradling her belly" was sent as "cradling her belly"."""
    for candidate in transform("a mom-to-be cradling her belly in a field").order:
        assert candidate.startswith("a person cradling"), candidate


@pytest.mark.parametrize("verb", ["sitting in a high chair", "sun bathing on a towel", "feeding the ducks"])
def test_a_person_noun_before_its_verb_is_no_named_activity(verb: str) -> None:
    """WordNet's acts ("baby sitting", "sun bathing") are no names here: "a baby sitting in a high chair" is a
    baby, varied (it went out as written while acts counted as named things)."""
    group = transform(f"a baby {verb}")
    assert any(s.name == "age" for s in group.slots), group.order


@pytest.mark.parametrize(("word", "gender"), [("babcia", "female"), ("ojisan", "male"), ("bambina", "female"),
                                              ("ajumma", "female"), ("dziadek", "male")])  # fmt: skip
def test_a_family_or_address_word_of_another_language_is_a_person(word: str, gender: str) -> None:
    """ "a Polish babcia", "an ojisan drinking sake": the word names a person's gender and age (and, by its
    language, an origin); the cloud sees the English canonical noun instead."""
    group = transform(f"an {word} at the market" if word[0] in "aeiou" else f"a {word} at the market")
    assert any(s.name == "gender" and s.value == gender for s in group.slots)
    assert all(word not in c for c in group.order)


@pytest.mark.parametrize("name", ["Drake", "Emma", "Jack"])
@pytest.mark.parametrize("picture", ["meme", "poster", "portrait"])
def test_a_given_name_before_a_picture_is_held_even_when_it_is_a_word(name: str, picture: str) -> None:
    """ "Drake meme": a gendered given name right before a picture is whom it shows, even when the name is also a
    word ("drake", "jack"); it stays on the device (it went out as written)."""
    for candidate in transform(f"{name} {picture} on a wall").order:
        assert name not in candidate, candidate


@pytest.mark.parametrize(("word", "person", "thing"), [("ginger", "lad", "tea"), ("curvy", "woman", "road"),
                                                       ("expecting", "mother", "delivery")])  # fmt: skip
def test_an_attributive_proxy_counts_only_before_a_person_noun(word: str, person: str, thing: str) -> None:
    """ "a ginger lad" is red-haired, "ginger tea" is tea; "a man expecting guests" expects them: the word is held
    only right before a person noun it describes."""
    assert word in transform(f"a {word} {person} at the market").held_back
    prompt = f"a man with {word} {thing} at the market" if word != "expecting" else "a man expecting guests"
    assert all(word in c for c in transform(prompt).order)


@pytest.mark.parametrize("joined", ["rockstar", "filmstar", "stuntman", "tourguide"])
def test_a_two_word_person_noun_written_as_one_is_a_person(joined: str) -> None:
    """ "an aging rockstar": WordNet knows "rock star"; the joined spelling is that person noun, so "aging" is the
    person's age (it went out as written)."""
    group = transform(f"an aging {joined} on stage")
    assert any(s.name == "age" for s in group.slots) and all("aging" not in c for c in group.order)


@pytest.mark.parametrize("sibling", ["sister", "sis", "brother"])
def test_big_before_a_sibling_is_held_as_a_relative_age(sibling: str) -> None:
    """ "my big sis": "big" says which sibling is older, an age the values do not write; it stays home."""
    for candidate in transform(f"my big {sibling} graduating").order:
        assert "big" not in candidate, candidate


@pytest.mark.parametrize("title", ["Queen", "King", "Prince", "Duke", "Lady"])
@pytest.mark.parametrize("head", ["Street", "Road", "Bridge", "Park"])
def test_a_place_named_after_a_titled_person_is_sent_as_written(title: str, head: str) -> None:
    """ "Queen Street", "Duke Bridge": a gendered title before a place noun names the place; no one is in it.
    An honorific before a surname that is also a place noun stays a person ("Professor Park")."""
    prompt = f"a street sign for {title} {head} in Toronto"
    assert transform(prompt).order == (prompt,)
    assert all("Park" not in c for c in transform("Professor Park giving a lecture").order)


@pytest.mark.parametrize("person", ["Old Man", "Young Woman", "Little Prince", "Lonely Girl"])
def test_a_title_in_title_case_that_holds_a_person_is_a_work(person: str) -> None:
    """ "the cover of The Old Man and the Sea", "The Girl with a Pearl Earring hanging in a museum": a title
    opened by a capital "The" mid-sentence, or whose capitals run on past a small word into a thing, names a
    work; its decoys would be titles no one wrote. The same words as a sentence's subject are a person."""
    for prompt in (f"the cover of The {person} and the Sea", f"The {person} with a Pearl Earring hanging in a museum",
                   f"a poster of The {person} on a wall"):  # fmt: skip
        assert transform(prompt).order == (prompt,), prompt
    story = transform(f"The {person} sat on the porch. The sun set over the hills.")
    assert story.n > 1 and not all(person in c for c in story.order)


@pytest.mark.parametrize("thing", ["a Mexican sombrero", "a bra", "a pair of boyfriend jeans", "girlfriend jeans",
                                   "a white wedding dress", "a tuxedo and a wedding dress", "an Amish quilt"])  # fmt: skip
@pytest.mark.parametrize("rest", ["hanging on a wall", "folded on a chair in a messy bedroom", "on a hanger"])
def test_a_proxy_thing_that_is_the_prompts_subject_is_sent_as_written(thing: str, rest: str) -> None:
    """A made thing that the prompt is about, with no one named, hints at no one in the picture: it is sent
    as written, not held back leaving "hanging on a wall"."""
    prompt = f"{thing} {rest}"
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("garment", ["a burqa", "a long flowing dress", "a hijab"])
def test_what_wears_a_proxy_is_someone(garment: str) -> None:
    """ "a figure in a burqa": the thing-subject rule does not apply to what wears the proxy; it is held back."""
    group = transform(f"a figure in {garment} at a market")
    assert all(garment.split()[-1] not in c for c in group.order) and group.held_back


@pytest.mark.parametrize("rest", ["on a wooden table", "hanging on a hook", "in a shop window"])
def test_a_possessive_compound_reads_alike_in_either_gender(rest: str) -> None:
    """WordNet names "a woman's hat" and not "a man's hat": a name that opens with a gendered person's word
    counts as one in the other gender's word too, so the prompt is not refused for a decoy that reads
    otherwise."""
    for owner in ("man", "woman"):
        prompt = f"a {owner}'s hat {rest}"
        assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("tag", ["1girl", "1boy", "2girls", "3boys"])
@pytest.mark.parametrize("rest", ["solo, smile, cherry blossoms", "(masterpiece:1.2), holding sword", "sunset, beach"])
def test_a_booru_tag_varies_the_gender_and_states_no_age(tag: str, rest: str) -> None:
    """ "1girl" is one female character of an SD front-end's tags, not a child: every candidate writes a glued
    tag of the same count (no "little", no "1 girl"), the set varies only the gender, and it reads back alike."""
    import re

    prompt = f"{tag}, {rest}" if not rest.startswith("(") else f"{rest}, {tag}"
    group = transform(prompt)
    count = tag[0]
    assert group.n == 2 and all(re.search(rf"\b{count}(girl|boy)s?\b", c) for c in group.order), group.order
    assert not any("little" in c or f"{count} " in c for c in group.order)
    for candidate in group.order:
        assert set(transform(candidate).order) == set(group.order)


def test_a_count_apart_from_its_noun_is_no_tag() -> None:
    """ "2 girls" written apart is an ordinary phrase: a girl is a child, as everywhere else."""
    assert all("little" in c for c in transform("2 girls on a swing").order if "girls" in c or "boys" in c)


@pytest.mark.parametrize(("first", "second"), [("a man", "a woman"), ("the princess", "the prince"),
                                               ("a lady", "a gentleman"), ("the boy", "the girl")])  # fmt: skip
@pytest.mark.parametrize("clauses", ["{p1} slams the door; {p2} keeps cooking", "{p1} reads while {p2} sleeps",
                                     "{p1} holds {poss2} hand"])  # fmt: skip
def test_a_pronoun_only_gender_binds_between_two_people_of_one_noun_names_them_by_order(
    first: str, second: str, clauses: str
) -> None:
    """ "A man and a woman argue. He slams the door; she keeps cooking" was refused: "He" is not the nearest person,
    and a decoy with two men could not say which one it is. The cloud view writes such a pronoun "the former" /
    "the latter" (the first and the second person named), which binds by order in every decoy, so the set is
    closed and each candidate reads back to it."""
    male = first.split()[-1] in ("man", "prince", "gentleman", "boy")
    p1, p2, poss2 = ("He", "she", "her") if male else ("She", "he", "his")
    prompt = f"{first.capitalize()} and {second} argue. " + clauses.format(p1=p1, p2=p2, poss2=poss2) + "."
    group = transform(prompt)
    assert group.n >= 4 and all(" former" in c or " latter" in c for c in group.order), group.order
    for candidate in sorted(group.order)[:4]:  # transform itself reads every candidate back; four more, to see it
        assert set(transform(candidate).order) == set(group.order), candidate


@pytest.mark.parametrize("verb", ["tying", "adjusting", "is wearing", "has"])
@pytest.mark.parametrize("owner", ["a man", "an old woman", "a woman who"])
def test_a_verb_whose_object_is_held_back_at_the_clause_end_goes_with_it(verb: str, owner: str) -> None:
    """ "a man tying his turban" was sent as "a man tying": where the held object ends its clause, the verb (and
    a relative pronoun that only opened it) leaves with it, so every candidate ends on a whole phrase."""
    obj = "a turban" if verb != "adjusting" else "her hijab"
    prompt = f"a portrait of {owner} {verb} {obj}"
    if owner.endswith("who") and not verb.startswith(("is", "has")):
        prompt = prompt.replace(" who", "")
    for candidate in transform(prompt).order:
        last = candidate.split()[-1]
        assert last not in ("tying", "adjusting", "is", "wearing", "has", "who"), candidate


@pytest.mark.parametrize("noun", ["guard", "pilot", "farmer", "teacher"])
@pytest.mark.parametrize("head", ["tower", "desk", "market"])
def test_a_neutral_person_noun_before_a_compounds_head_is_no_person(noun: str, head: str) -> None:
    """ "the old guard tower on a hill" was varied as "the little guard tower": a person noun that states nothing
    itself, before a common noun in its base form and then a preposition, modifies that noun; "old" is the
    tower's. The same noun before a verb and its object ("The guard lit his pipe") stays a person."""
    prompt = f"the old {noun} {head} on a hill"
    assert transform(prompt).order == (prompt,)
    assert transform(f"The old {noun} lit his pipe.").n > 1


@pytest.mark.parametrize("opener", ["Mount St.", "Mt. St.", "Mount St"])
def test_an_abbreviated_saint_inside_a_place_name_is_the_place(opener: str) -> None:
    """ "Mount St. Helens erupting" was refused: the abbreviation's full stop cut the name, so "Helens" looked
    like a person's name."""
    prompt = f"a hike up {opener} Helens at dawn"
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("name", ["Old Lady", "Little Girl", "Young Man", "Grandma"])
@pytest.mark.parametrize("head", ["Lane", "Road", "Market"])
def test_a_capitalised_name_that_ends_on_a_place_noun_is_the_place(name: str, head: str) -> None:
    """ "a sign for Old Lady Lane" was varied as "a sign for an old lady": a capitalised run that ends on a place
    noun names the place, whoever it is named after; an honorific before a surname that is also a place noun
    stays a person ("Doctor Lane", "Professor Park")."""
    prompt = f"a sign for {name} {head} at dawn"
    assert transform(prompt).order == (prompt,)
    assert all("Lane" not in c for c in transform("Doctor Lane smiling at the camera").order)


def test_a_definite_possessive_is_someones_not_wordnets_kind() -> None:
    """ "A man and his daughter build a snowman. He laughs when she puts his hat on it." was refused: its cloud
    view says "the man's hat" for "his hat", and a decoy's "the woman's hat" read as WordNet's kind of hat. After
    "the" or a possessive, a singular person's possessive is someone's in every gender; "a woman's hat" and "the
    ladies' room" stay kinds."""
    group = transform("A man and his daughter build a snowman. He laughs when she puts his hat on it.")
    assert group.n == 4 and all(c.count("'s hat") == 1 for c in group.order)
    assert transform("the man's hat on a table").n == transform("the woman's hat on a table").n == 2
    assert transform("a woman's hat on a table").n == 1 and transform("the ladies' room sign").n == 1


@pytest.mark.parametrize(
    "prompt",
    ["not a man but a woman standing in the snow", "a person, neither man nor woman, dancing",
     "a woman, not asian, standing in the rain"],
)  # fmt: skip
def test_a_denied_person_word_is_refused_not_varied(prompt: str) -> None:
    """ "not a man but a woman" was sent with the decoy "not a man but a man", which contradicts itself: a person
    word after "not"/"neither"/"nor" says which value is not the person's, and no decoy can vary it alike."""
    with pytest.raises(DetectionError, match="negation"):
        transform(prompt)
    assert transform("nothing but a man on a bench").n > 1  # "nothing" denies no person word


@pytest.mark.parametrize(("typo", "word"), [("mna", "man"), ("byo", "boy"), ("litle", "little")])
def test_short_typos_of_person_words_are_read(typo: str, word: str) -> None:
    """ "an old mna waiting for the train" went out as written (N=1, "old" in clear): a three-letter word is read
    as a person word when two neighbouring letters are exchanged, only then ("koi", "bbq", "mic" are not "kid",
    "boy", "man": those differ in two places without an exchange)."""
    group = transform(f"an old {typo} waiting for the train" if word != "little" else "a litle boy with a dog")
    assert group.n > 1 and typo not in group.cloud_prompt and typo in group.note
    for other in ("a koi pond in a garden", "a bbq grill on a deck", "an open mic night poster"):
        assert transform(other).order == (other,), other


def test_a_gendered_pattern_compound_is_held_back() -> None:
    """ "a man with male-pattern baldness" sent "male-pattern" with the decoy "a woman with ...": the compound
    states the gender as "woman-owned" does, and is held back alike."""
    group = transform("a man with male-pattern baldness")
    assert group.n == 2 and all("male" not in c for c in group.order) and "male-pattern" in group.held_back


@pytest.mark.parametrize(
    "prompt",
    ["a man eating haggis on Burns Night", "a man praying in a mosque during Ramadan",
     "a young man celebrating Diwali with sparklers", "a child celebrating chinese new year with red envelopes"],
)  # fmt: skip
def test_a_festival_is_no_persons_name(prompt: str) -> None:
    """ "on Burns Night" and "during Ramadan" became "on a man", "during a man"; "celebrating Diwali" was refused as
    a name: after "during"/"celebrating" a capitalised common noun or unknown word is a festival, a named run that
    ends on "Night"/"Day" is one, and "chinese new year" is a date, not an origin. The people around still vary.
    Since session 12 a festival of one origin or faith is a proxy, held back on the device with a person there: in no
    candidate is it a person, and no word of it is varied."""
    group = transform(prompt)
    assert group.n > 1
    for festival in ("Burns Night", "Ramadan", "Diwali", "chinese new year"):
        if festival in prompt:
            assert any(festival in h for h in group.held_back), group.held_back
            assert not any(w in c for c in group.order for w in festival.split()), group.order
            assert not any(c.count(" man") + c.count("woman") > 1 for c in group.order), group.order


@pytest.mark.parametrize(
    ("prompt", "cloud", "held"),
    [("a mother breastfeeding her baby", "a mother with her little friend", "breastfeeding"),
     ("a woman going through menopause", "a woman", "going through menopause"),
     ("a woman celebrating her retirement party", "a woman celebrating her party", "retirement"),
     ("a woman at her sweet sixteen party", "a woman at her party", "sweet sixteen")],
)  # fmt: skip
def test_what_a_held_proxy_leaves_reads_as_a_sentence(prompt: str, cloud: str, held: str) -> None:
    """Round 8 found held proxies that broke the sentence every candidate is written in: "a mother her little
    child" (a held verb before its object: "with" stands in), "a woman going" (a verb and its preposition leave
    with a bare object), "a woman celebrating party" (a possessive before a compound is the head's, and stays)."""
    group = transform(prompt)
    assert group.cloud_prompt == cloud and held in group.held_back
    assert transform("my aunt dancing at the quinceañera").cloud_prompt == "my aunt dancing"  # it stands alone


@pytest.mark.parametrize(
    "prompt",
    ["An old man feeds pigeons. Later he goes home to his wife.", "an old woman's husband reading",
     "a young woman with her son at the park"],
)  # fmt: skip
def test_who_has_a_spouse_or_a_son_has_no_child_decoy(prompt: str) -> None:
    """ "A little boy feeds pigeons. Later he goes home to his husband." was a decoy: a child with a spouse or a
    son marks itself. A person whose possessive stands before kin only an adult has takes no child value; the
    rule reads the segments every candidate shares, so the set stays closed."""
    group = transform(prompt)
    owner_age = next(s for s in group.slots if s.person == 0 and s.name == "age")
    assert "child" not in owner_age.space and len(owner_age.space) == 3
    assert all(sorted(transform(c).order) == sorted(group.order) for c in group.order)
    son = next(s for s in transform("a man holding his little son's hand").slots if s.name == "age")
    assert "child" in son.space  # the son may be a child


@pytest.mark.parametrize(
    "prompt",
    ["a Wendy's drive-through at night", "a bottle of Jack Daniel's on a bar", "a jar of Uncle Ben's rice",
     "a bottle of Mrs. Butterworth's syrup", "a bag of Trader Joe's coffee beans", "an old Singer sewing machine",
     "a mother hen with her chicks"],
)  # fmt: skip
def test_brands_and_animals_with_person_words_go_out_as_written(prompt: str) -> None:
    """ "a Wendy's drive-through" was "a man's drive-through"; "a jar of Uncle Ben's rice" an aunt's; "an old
    Singer sewing machine" had a little boy's decoy; "a mother hen with her chicks" had "his chicks". A possessive
    name after an article (which goes with the thing) or as what a container holds is a brand; adjectives before
    a capitalised ungendered noun before a made thing describe the thing; a named animal's own words bind her
    pronoun. Someone's possessive stays someone's."""
    assert transform(prompt).order == (prompt,)
    assert transform("a photo of Sarah's dog").n == 2 and transform("a plate of Grandma's cookies").n > 1


def test_an_origin_word_on_someones_body_is_held_back() -> None:
    """ "a woman with a Maori face tattoo" sent "Maori" with every decoy, kept as a word that "describes the face":
    on someone's body an origin word tells that person's origin; it is held back. On a thing it stays ("a French
    restaurant", "an African face mask on a wall": no one is there)."""
    group = transform("a woman with a Maori face tattoo")
    assert "Maori" in group.held_back and all("Maori" not in c for c in group.order) and group.n == 2
    for thing in ("a French restaurant at night", "an African face mask on a wall"):
        assert transform(thing).order == (thing,)


@pytest.mark.parametrize("prompt", ["a womans hand holding a pen", "a beautiful womans face", "a old mans hands"])
def test_a_possessive_typed_without_its_apostrophe_keeps_it(prompt: str) -> None:
    """ "a womans hand" went out as "a man hand" / "a woman hand": the possessive typed without an apostrophe is
    written with one in every candidate; "the mans in the field" (no noun after it) is a man."""
    group = transform(prompt)
    assert group.n > 1 and all("'s " in c for c in group.order), group.order
    assert all("'s" not in c for c in transform("the mans in the field").order)


@pytest.mark.parametrize(
    "prompt",
    ["a Mr. Clean bottle next to a sink", "a can of Mr. Pibb on a desk", "a DVD of Mrs. Doubtfire in a bin",
     "a cinema marquee showing No Country for Old Men",
     "a gallery wall with Girl with a Pearl Earring hanging on it, empty room"],
)  # fmt: skip
def test_titled_brands_and_titles_that_run_past_small_words_are_things(prompt: str) -> None:
    """ "a Mr. Clean bottle" was "a man bottle"; "a can of Mr. Pibb" "a can of a man"; "No Country for Old Men" had
    "Little Boys" in it; "Girl with a Pearl Earring hanging" was a little girl. A titled name in a brand's slot or
    in a container is a brand; capitals that run past a small word into a word no person is are a title, even
    before a verb. A titled name elsewhere is someone ("Mr. Smith waving", "Lady Gaga on stage")."""
    assert transform(prompt).order == (prompt,)
    for person in ("Mr. Smith waving at the camera", "Lady Gaga on stage", "a photo of Old Woman Sitting"):
        assert transform(person).n > 1, person


def test_an_ordinal_before_a_held_proxy_leaves_with_it() -> None:
    """ "a woman with her first grey hair" was refused: "grey hair" was held and "her first" left behind, which
    reads as a pronoun of another role in the decoy ("his first"). The ordinal counts the hairs and leaves with
    them, and the phrase with its possessive."""
    group = transform("a woman with her first grey hair")
    assert group.n == 2 and "with her first grey hair" in group.held_back


def test_a_name_joined_to_a_person_is_one_and_to_a_place_is_a_place() -> None:
    """ "Chad vs virgin meme" sent "Chad" (a country and a man's name) unvaried beside a varied person; "Paris and
    London at night" was "A person and London": a name joined by "and"/"vs" to a person is a person, to a
    capitalised place a place."""
    assert all("Chad" not in c for c in transform("Chad vs virgin meme but with wizards").order)
    for places in ("Paris and London at night", "Chad vs Niger football match"):
        assert transform(places).order == (places,)
    assert transform("Chad and his dog").n == 2


@pytest.mark.parametrize(
    "prompt",
    ["a woman reading Little Women in a hammock", "a Happy Meal box from McDonald's",
     "King's Cross station platform at night", "Bachelor's Walk in Dublin at night", "a card for Mother's Day"],
)  # fmt: skip
def test_round_nine_names_go_out_as_written(prompt: str) -> None:
    """Held-out round 9: "reading Little Women" became "little reading girls" (the title read as people, "reading"
    as their modifier); "from McDonald's" "from a person's"; "King's Cross station" "A king station". Two capitals
    after "reading"/"watching" are a work; a possessive name after "at"/"from" with nothing after it is a shop; a
    capitalised person noun's possessive before a capitalised noun is a place's or a day's name. The woman still
    varies; "a king's crown" is still a king's."""
    group = transform(prompt)
    named = [w for w in ("Little Women", "McDonald's", "King's Cross", "Bachelor's Walk", "Mother's Day") if w in prompt]
    assert all(named[0] in c for c in group.order), group.order
    assert transform("a king's crown on a pillow").n == 2


def test_a_place_after_in_and_a_weighted_proxy_leave_a_sentence() -> None:
    """ "a geisha walking in Gion at dusk" had "walking in a man"; "a (beautiful woman:1.3) in a (red dress:1.2),
    cinematic lighting" sent "in a,"; "a woman going through menopause, editorial photo" sent "going through
    editorial photo"."""
    geisha = transform("a geisha walking in Gion at dusk")  # a place no dictionary here places, beside an origin
    assert "in Gion" in geisha.held_back and all(c.endswith("walking at dusk") for c in geisha.order)  # (session 30)
    weighted = transform("a (beautiful woman:1.3) in a (red dress:1.2), cinematic lighting")
    assert weighted.cloud_prompt == "a (beautiful woman:1.3), cinematic lighting"
    assert transform("a woman going through menopause, editorial photo").cloud_prompt == "a woman, editorial photo"
    assert transform("a (dark skin:1.3) woman, gold hoop earrings").cloud_prompt.startswith("a woman")


def test_a_kind_named_by_two_gendered_people_and_a_plural_proxy_are_held() -> None:
    """Round 9: "a father and daughter at a father-daughter dance" had the decoy "a father and son at a
    father-daughter dance" (and "father-son dance" beside a daughter); "kids in school uniforms" had "old people in
    school uniforms": the compound of two gendered people is held back, and a listed proxy phrase in the plural
    is the phrase."""
    dance = transform("a father and daughter at a father-daughter dance")
    assert "father-daughter" in dance.held_back and all("-" not in c for c in dance.order)
    kids = transform("kids in school uniforms waiting for the bus")
    assert "in school uniforms" in kids.held_back and all("uniform" not in c for c in kids.order)


@pytest.mark.parametrize(
    "prompt",
    ["Mr. Clean bottle next to a mop, product photo", "Barbie doll in a pink convertible"],
)  # fmt: skip
def test_a_brand_that_opens_a_prompt_without_an_article(prompt: str) -> None:
    """ "Mr. Clean bottle next to a mop" (round 9) dropped its article and went out as "A man bottle"; "Barbie doll in
    a pink convertible" was refused. A name that opens the prompt right before a made thing is its brand; before
    an -ing word it is someone doing something ("Sir Ian reading poetry", "Taylor Swift playing guitar"). A given
    name's possessive there ("Wendy's drive-thru sign", and as often "Tom's car", "Emma's birthday cake", which went
    out with the name) is held, no one added: a brand's name lost is the price of never sending a person's."""
    assert transform(prompt).order == (prompt,)
    wendys = transform("Wendy's drive-thru sign glowing at night")
    assert wendys.order == ("Drive-thru sign glowing at night",) and wendys.held_back == ("Wendy's",)
    for person in ("Sir Ian reading poetry in a library", "Mr. Thompson grading papers"):
        assert transform(person).n > 1, person


NOUN_ADJECTIVES = sorted(
    w for w, n in LEX.nouns.items() if "a" in LEX.tags(w) and n.states() and w not in LEX.adjectives and " " not in w
)


@pytest.mark.parametrize("word", NOUN_ADJECTIVES)
def test_a_person_noun_that_is_also_an_adjective_describes_the_thing_after_it(word: str) -> None:
    """ "a maiden voyage" went out as "a young woman voyage" and "a senior discount sign" as "an old person discount
    sign": a person noun that is also an adjective (WordNet), before a thing, describes the thing. Before an -ing
    word or a picture the person is there, and is varied."""
    assert len(NOUN_ADJECTIVES) >= 15  # the lexicon's nouns that are adjectives too: maiden, senior, teen, ...
    for thing in (f"a {word} voyage of a sailing ship", f"the {word} discount sign at a cinema"):
        assert transform(thing).n == 1 and transform(thing).cloud_prompt.split()[1] == word, thing
    for someone in (f"a {word} walking a dog", f"a {word} photo"):
        assert transform(someone).n > 1, someone


@pytest.mark.parametrize("verb", ["dressed as", "dressed up as", "disguised as"])
@pytest.mark.parametrize("animal", ["a cat", "a corgi", "a teddy bear"])
def test_what_an_animal_is_dressed_as_is_a_costume(animal: str, verb: str) -> None:
    """ "a cat dressed as french emperor napoleon" went out as "a cat as European emperor napoleon" with N = 10:
    no one is in that picture but the cat. Whatever person word the costume names, the prompt is sent as written;
    a person beside the animal is still varied."""
    for costume in ("a princess", "an old lady", "french emperor napoleon", "a little boy"):
        prompt = f"{animal} {verb} {costume} holding a piece of cheese"
        assert transform(prompt).order == (prompt,), prompt
    assert transform(f"{animal} {verb} a princess next to a little girl").n > 1
    assert transform(f"a boy {verb} a pirate").n > 1  # a person in a costume is still that person


@pytest.mark.parametrize("noun", ["man", "woman", "old lady", "teenage boy"])
def test_dressed_is_a_verb_not_a_dress(noun: str) -> None:
    """ "a man dressed in black" went out as "a man in black", "dressed" held back as if it were "a dress" (one
    letter from the listed typo "dres"): a verb's participle is no garment. A dress worn is still held back."""
    for prompt in (f"a {noun} dressed in black", f"a well dressed {noun} at a gala"):
        group = transform(prompt)
        assert group.n > 1 and not group.held_back and all("dressed" in c for c in group.order), group.order
    assert transform(f"a {noun} in a red dress").held_back


VERB_PROXIES = sorted(w for w, p in LEX.proxies.items() if p.kind == "noun" and w.endswith("s") and "v" in LEX.tags(w))


@pytest.mark.parametrize("verb", VERB_PROXIES)
def test_a_proxy_noun_used_as_the_verb_of_a_person_stays(verb: str) -> None:
    """ "a woman dresses her son for school" went out as "a woman her son for school", "she braids her daughter's
    hair" as "she her daughter's hair": a noun proxy that is a verb's form, right after its person subject and
    before the object, is the clause's verb. Before a preposition it is still the thing ("a girl braces on her
    teeth": telegraphic for "with braces"), held back."""
    assert len(VERB_PROXIES) >= 4  # dresses, braids, braces, skirts, ...
    for prompt in (f"a woman {verb} her son for school", f"he {verb} the little girl"):
        group = transform(prompt)
        assert not group.held_back and all(f" {verb} " in c for c in group.order), group.order
    assert transform(f"a girl {verb} on her teeth").held_back


@pytest.mark.parametrize("maker", ["Michelangelo", "Rodin", "Botticelli", "Vermeer"])
@pytest.mark.parametrize("title", ["David", "The Thinker", "Portrait of a Young Man", "Lady with an Ermine"])
def test_a_title_after_a_famous_makers_possessive_is_a_work(maker: str, title: str) -> None:
    """ "Michelangelo's David in Florence" went out as "A man in Florence": after a famous maker's possessive (a
    person the dictionary knows by name) a capitalised title names the work, not a sitter; where it stands ("in
    Florence") is no part of the title. Someone the maker had ("Picasso's wife") is still someone."""
    prompt = f"{maker}'s {title} in Florence, museum photo"
    group = transform(prompt)
    assert group.order == (prompt,)
    assert any(text.startswith(f"{maker}'s") for text, _ in group.kept), group.kept  # kept as written, with a reason
    assert transform(f"{maker}'s wife in a garden").n > 1


@pytest.mark.parametrize(
    "prompt",
    ["a Dr Pepper can on ice", "a Dr Pepper can, condensation", "a Ben & Jerry's pint on a counter",
     "a Marks & Spencer's bag on a chair", "an empty Ben & Jerry's ice cream truck"],
)  # fmt: skip
def test_brands_with_a_title_or_two_names_go_as_written(prompt: str) -> None:
    """ "a Dr Pepper can on ice" went out as "a person can on ice" ("can" read as the modal) and "a Ben & Jerry's
    pint" as "a man & a man's pint": a can followed by a preposition or nothing is the noun, and two capitalised
    names joined by "&" with a possessive before a thing are a firm's name."""
    assert transform(prompt).order == (prompt,)
    assert transform("Tom & Mary's wedding photo").n > 1  # a picture of a couple: people


@pytest.mark.parametrize("thing", ["orange jello", "a cloud", "a birthday cake", "a topiary hedge"])
@pytest.mark.parametrize("shape", ["in the shape of", "shaped like", "in the form of"])
@pytest.mark.parametrize("person", ["a man", "an old woman", "a little girl"])
def test_a_thing_in_the_shape_of_a_person_has_no_one_in_it(thing: str, shape: str, person: str) -> None:
    """PartiPrompts' "orange jello in the shape of a man" went out with N = 2: the noun names a thing's shape. Sent
    as written; "the shape of a woman in the fog" is someone's outline and is varied."""
    prompt = f"{thing} {shape} {person}"
    assert transform(prompt).order == (prompt,)
    assert transform("the shape of a woman in the fog").n > 1


@pytest.mark.parametrize(
    ("prompt", "name"),
    [("a boy in his Spider-Man suit", "Spider-Man"), ("a kid in his Spider-Man costume at a party", "Spider-Man"),
     ("a girl playing with her Barbie doll", "Barbie")],
)  # fmt: skip
def test_a_name_between_a_possessive_and_a_made_thing_names_the_thing(prompt: str, name: str) -> None:
    """ "Peter Parker in his Spider-Man suit" went out as "A man in his man suit": after "his" as after "a", a
    name in a made thing's slot names its kind; it goes as written in every candidate."""
    group = transform(prompt)
    assert group.n > 1 and all(f" {name} " in c for c in group.order), group.order


@pytest.mark.parametrize(
    "prompt",
    ["The Three Wise Men following a star", "a baby shower cake with blue frosting",
     "a gentleman's club interior, leather chairs, no people", "a baby shower with pink balloons"],
)  # fmt: skip
def test_named_groups_venues_and_events_go_as_written(prompt: str) -> None:
    """ "The Three Wise Men" went out as "The Three a person", "a baby shower cake" as "a little child shower
    cake", "a gentleman's club" with the decoy "a lady's club": names of a group of figures, of an event and of a
    venue, not people in the picture (non_person_phrases)."""
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("thing", ["a sea urchin", "a box elder", "a water boatman", "a telephone pole", "a gingerbread man"])
@pytest.mark.parametrize("frame", ["a close-up photo of {} on a wooden table", "{}, macro shot, soft light"])
def test_a_noun_and_a_person_noun_that_name_one_thing_are_that_thing(thing: str, frame: str) -> None:
    """ "a sea urchin" went out with the decoys "a sea old person", "a sea young person": WordNet names a thing by
    the two words together (an animal, a tree, a cookie), and a noun before the person noun cannot describe a
    person, so nothing here is someone; it goes as written."""
    prompt = frame.format(thing)
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize(("prompt", "slot"), [("a poor boy begging on a street corner", "gender"),
                                              ("a Native American elder telling stories", "age")])  # fmt: skip
def test_an_adjective_before_a_person_noun_stays_the_persons_description(prompt: str, slot: str) -> None:
    """The other side of the rule above: "poor boy" is a sandwich and "American elder" a shrub in WordNet, but an
    adjective there describes the person the noun names, so both are people, varied."""
    group = transform(prompt)
    assert group.n > 1 and slot in {s.name for s in group.slots}, group.order


POSSESSORS = ["Sarah", "Tom", "David", "Priya", "Grace", "Will", "Alex", "kenji"]
RELATIVES = ["husband", "wife", "daughter", "son", "mother", "brother", "sister", "dad"]


@pytest.mark.parametrize(("name", "relative"), list(zip(POSSESSORS, RELATIVES, strict=True)))
@pytest.mark.parametrize("rest", ["reading a book", "surprised her with flowers", "at the beach with a dog"])
def test_a_first_name_owning_a_relative_is_held_in_every_candidate(name: str, relative: str, rest: str) -> None:
    """ "Sarah's husband surprised her with flowers" went out as written (N=4, her name in every candidate): a first
    name with "'s" before a person noun was read as a modifier of that noun, as "Asian" is in "Asian woman". It is
    a person of its own, and its name stays on the device in every candidate."""
    prompt = f"{name}'s {relative} {rest}"
    group = transform(prompt)
    assert group.n > 1 and f"{name}'s" in group.held_back, (group.cloud_prompt, group.held_back)
    assert all(name.lower() not in c.lower() for c in group.order), group.order
    assert all(_people(c) == _people(group.cloud_prompt) for c in group.order), group.order


def test_a_possessive_name_before_a_thing_stays_held_and_a_persons_kind_stays_a_modifier() -> None:
    """The guards of the rule above: a name's possessive before an animal was held already, and an origin before a
    person noun ("Asian woman") is still that person's attribute, never a second person."""
    assert "Sarah's" in transform("Sarah's cat sleeping on a rug").held_back
    group = transform("an Asian woman's husband reading a book")
    assert _people(group.cloud_prompt) == 2 and "ethnicity" in {s.name for s in group.slots}


@pytest.mark.parametrize("saint", ["St. Mary's", "St Paul's", "Saint Peter's", "St. Patrick's"])
@pytest.mark.parametrize("place", ["hospital at night", "cathedral in the snow", "Day parade, confetti"])
def test_a_saints_name_with_an_apostrophe_names_a_place_or_a_feast(saint: str, place: str) -> None:
    """ "St. Mary's hospital at night" was refused and "St Paul's cathedral" went out as "A person Paul's cathedral":
    "St" was read as a first name. A saint's name with "'s" names a church, a school or a feast: no one is in it."""
    prompt = f"{saint} {place}"
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize(("saint", "rest"), [("St. George", "slaying the dragon"),
                                             ("Saint Francis", "with birds on his shoulders"),
                                             ("St. Teresa of Calcutta", "praying in a chapel")])  # fmt: skip
def test_a_saint_is_one_person_whose_name_stays_on_the_device(saint: str, rest: str) -> None:
    """ "St. George slaying the dragon" went out as "A person. a man slaying the dragon": two people, a title and a
    name. The saint's title, name and epithet are one name, held back, and the saint one person."""
    group = transform(f"a painting of {saint} {rest}")
    assert saint in group.held_back and _people(group.cloud_prompt) == 1
    assert all(saint.split()[-1] not in c for c in group.order), group.order


@pytest.mark.parametrize("street", ["Main St", "Elm St.", "Oak St"])
def test_a_street_abbreviation_after_its_name_is_no_one(street: str) -> None:
    """ "a cafe on Elm St with a barista" went out as "a cafe on Elm a person with a barista": "St" after a
    capitalised word is the street's."""
    prompt = f"a cafe on {street} with a barista"
    assert transform(prompt).order == (prompt,)
    assert "Saint Bernard" in transform("a Saint Bernard puppy in the snow").order[0]  # a breed after an article


@pytest.mark.parametrize(("role", "other", "pronoun", "rest"), [
    ("nurse", "an old man", "She", "hands him a cup"), ("doctor", "a little boy", "She", "smiles at him"),
    ("teacher", "a girl", "He", "points at her drawing"), ("chef", "a woman", "He", "pours her some wine")])  # fmt: skip
def test_a_pronoun_only_a_genderless_earlier_person_fits_names_that_person_again(
        role: str, other: str, pronoun: str, rest: str) -> None:  # fmt: skip
    """ "A nurse adjusts the pillow of an old man. She tucks ..." was refused: "She" binds by position to the man,
    whose gender is the other one. The one earlier person whose gender nothing states is meant, and the view writes
    that person's noun again ("The nurse hands him a cup") in every candidate: one binding, whatever the decoy's
    genders. The pronoun's gender stays on the device (no candidate says the nurse's gender)."""
    prompt = f"A {role} helps {other}. {pronoun} {rest}."
    group = transform(prompt)
    assert group.cloud_prompt == f"A {role} helps {other}. The {role} {rest}." or (
        group.cloud_prompt.split(". ", 1)[1] == f"The {role} {rest}."), group.cloud_prompt
    assert all(f". The {role} " in c for c in group.order)
    for c in group.order:  # the other person's own pronoun follows that person's gender in every candidate
        first, second = c.split(". ", 1)
        male_pronoun = bool({"him", "his"} & set(second.rstrip(".").split()))
        assert (" man" in first or " boy" in first) == male_pronoun, c


def test_a_pronoun_placed_beside_the_renamed_person_is_still_refused() -> None:
    """The guard: "She tucks the blanket around him" would put "him" beside "the nurse" written for "She", where a
    place word is read as the subject's own ("holding her baby close to her"); refused, never sent misread. Two
    people no noun tells apart stay refused too."""
    with pytest.raises(DetectionError):
        transform("A nurse adjusts the pillow of an old man. She tucks the blanket around him.")
    with pytest.raises(DetectionError):
        transform("A man reads a book. She walks in.")


@pytest.mark.parametrize("kind", ["koi pond at dawn", "japanese garden, koi pond, ukiyo-e style", "koi fish, ink"])
def test_an_unknown_word_before_an_animal_or_a_place_names_its_kind(kind: str) -> None:
    """ "koi pond at dawn" went out as "A person at dawn": "koi" is in the names list and no WordNet word, and a
    noun after such a name was read as a surname ("elon musk"). An animal or a place's noun is what it names."""
    assert transform(kind).order == (kind,)
    assert "keanu reeves" in transform("keanu reeves in a suit").held_back  # a surname still is one


@pytest.mark.parametrize("thing", ["a shiny Mercedes parked outside a hotel", "a red Porsche and a man",
                                   "grandpa fishing, shot on arri alexa", "a woman laughing, shot on leica m6"])  # fmt: skip
def test_a_make_after_an_article_or_a_camera_after_shot_on_is_no_one(thing: str) -> None:
    """ "a shiny Mercedes parked" went out as "a shiny a woman parked", "shot on arri alexa" as "shot on arri a
    woman": a first name after an article and its modifiers is a make (no article takes a person's name), and the
    words after "shot on" up to the tag's end are the camera. The words go as written in every candidate."""
    group = transform(thing)
    word = thing.split()[2] if thing.startswith("a ") else thing.split()[-1]
    assert all(word in c for c in group.order), group.order
    assert group.held_back == ()
    assert "Maria Lopez" in transform("a young Maria Lopez smiling").held_back  # her surname says she is someone


@pytest.mark.parametrize(("prompt", "garment"), [("two women in hijabs laughing at a market stall", "hijabs"),
                                                 ("three girls in hanboks", "hanboks"), ("women in saris dancing", "saris")])  # fmt: skip
def test_a_listed_garment_in_the_plural_is_held_as_in_the_singular(prompt: str, garment: str) -> None:
    """ "two women in hijabs" went out as written beside the decoy "two men in hijabs": a listed proxy was matched in
    its singular only, and "in hanboks" read as a place."""
    group = transform(prompt)
    assert group.n > 1 and all(garment not in c for c in group.order), group.order
    assert "brass" in transform("steampunk inventor, goggles, brass machinery").order[0]  # no plural of "bras"


@pytest.mark.parametrize(("prompt", "word"), [("1boy, male focus, black hair, hoodie", "male"),
                                              ("A Desi aunty in a salwar kameez haggling at the market.", "kameez"),
                                              ("Two Chinese-Canadian sisters cheering at a hockey game.", "Chinese")])  # fmt: skip
def test_a_gender_tag_a_two_word_garment_and_a_capitalised_origin_after_a_count_are_not_sent(prompt: str,
                                                                                            word: str) -> None:  # fmt: skip
    """ "1boy, male focus" had the decoy "1girl, male focus"; "a salwar kameez" held "salwar" and sent "kameez"
    beside an Indian decoy and a Caucasian one; "Two Chinese-Canadian sisters" was read as a title ("Two
    Chinese-Canadian") and sent in every candidate. None of these words reaches the cloud."""
    group = transform(prompt)
    assert group.n > 1 and all(word not in c for c in group.order), group.order
    assert transform("a Madonna and Child painting in a chapel").n == 1  # a kind of painting, no one in it


@pytest.mark.parametrize(("pair", "again", "relative"), [("A mother and daughter", "The daughter is", "her mom"),
                                                         ("A father and his son", "The boy is", "his dad"),
                                                         ("A grandson and his aunt", "The grandson is", "his aunt")])  # fmt: skip
def test_a_relative_named_again_after_someone_elses_possessive_is_the_same_person(pair: str, again: str,
                                                                                 relative: str) -> None:  # fmt: skip
    """ "A mother and daughter walk on the beach. The daughter is taller than her mom" varied "her mom" as a third
    person: a decoy read "A mother and son ... The son is taller than his father". A kinship noun after the
    possessive of the clause's other person names the one earlier person of that kinship again: two people, and
    every candidate names the relative in the second sentence with the noun the first sentence gives it."""
    prompt = f"{pair} walk on the beach. {again} taller than {relative}."
    group = transform(prompt)
    assert _people(prompt) == 2, group.cloud_prompt
    for c in group.order:
        first, second = c.split(". ", 1)
        assert second.rstrip(".").split()[-1] in first.split(), c


def test_whose_relative_a_clause_does_not_say_stays_someone_new() -> None:
    """The guard: "A mother with her baby; her mother watches" says nothing in the clause about whose mother it is
    (the baby's, or the mother's own): three people, as before."""
    assert _people("A mother with her baby; her mother watches.") == 3


@pytest.mark.parametrize(("owner", "pronoun", "relative"), [("An adult son", "his", "father"), ("A woman", "her", "mother"),
                                                            ("A boy", "his", "grandfather")])  # fmt: skip
def test_a_possessive_before_a_modifier_and_a_person_noun_is_a_possessive(owner: str, pronoun: str,
                                                                          relative: str) -> None:  # fmt: skip
    """ "An adult son helping his aging father up the stairs" was refused: after "helping" (help someone do), "his"
    was read as an object and written "him" in every male decoy ("A son helping him old father"). "his" is never
    an object, and a possessive before an -ing word or an adjective and a person noun is that person's owner."""
    group = transform(f"{owner} helping {pronoun} aging {relative} up the stairs.")
    assert all(" him " not in c and (" his " in c or " her " in c) for c in group.order), group.order


@pytest.mark.parametrize(("group", "verb"), [("Two men", "play chess"), ("the kids", "eat pizza"),
                                             ("three girls", "ride bikes")])  # fmt: skip
def test_a_plural_persons_bare_verb_is_its_verb_not_a_compound(group: str, verb: str) -> None:
    """ "two men play chess" went out as written (N=1: the men kept as "a kind of play"): after a count or a
    determiner, a plural person noun before a bare verb and its object is the verb's subject, varied as any
    person is. Not an origin's word: "a Japanese garden" names no one."""
    group_ = transform(f"{group} {verb} on the porch")
    assert group_.n > 1 and group_.slots, group_.cloud_prompt
    assert transform("a Japanese garden with a koi pond").n == 1


def test_a_singular_pronoun_after_only_a_group_is_one_of_its_members() -> None:
    """ "Two women hug. One of them is crying; the other holds her suitcase" had decoys "Two men ... her suitcase":
    "her" was a person of its own. With only a group before it, it is one of the group, of its gender."""
    group = transform("Two women hug at the airport. One of them is crying; the other holds her suitcase.")
    for c in group.order:
        assert ("women" in c) == (" her " in c), c


def test_a_pronoun_only_a_names_usual_gender_fits_is_that_name() -> None:
    """ "Priya and Ahmed cooking dinner together, he chops onions while she stirs the pot" was refused: "she" binds
    by position to Ahmed. The one earlier person whose name's usual gender fits is meant, written "the former"."""
    group = transform("Priya and Ahmed cooking dinner together, he chops onions while she stirs the pot.")
    assert "the former stirs" in group.cloud_prompt and all("the former stirs" in c for c in group.order)


@pytest.mark.parametrize(("subject", "verb", "obj"), [("A boy", "cooks", "dinner for his family"),
                                                      ("A woman", "eats", "jollof rice in Lagos"),
                                                      ("A man", "guards", "treasure"), ("The girl", "cooks", "pasta"),
                                                      ("A mother", "hugs", "children")])  # fmt: skip
def test_a_singular_persons_s_verb_before_a_bare_object_is_its_verb(subject: str, verb: str, obj: str) -> None:
    """Red team round 23: "The boy cooks dinner for his family" went out with "boy" as written (only "his" varied):
    "boy cooks" was read as one compound ("cooks" are people) and "cooks" kept as "a kind of dinner"; "A woman eats
    jollof rice" went out N=1. A singular noun heads no plural compound, so the -s word whose lemma is a verb is the
    person's verb, and the bare noun after it its object; the person is varied, and the object is no modifier of
    anyone ("A mother hugs children" had read "A mother little hugs children")."""
    noun = subject.split()[1]
    group = transform(f"{subject} {verb} {obj}")
    assert group.n > 1 and any(s.person == 0 for s in group.slots), group.cloud_prompt
    assert all(f" {verb} " in c for c in group.order), group.order
    assert any(noun not in c.split() for c in group.order), group.order  # the subject itself is varied


@pytest.mark.parametrize("compound", ["a baby clothes set", "a kid games room"])
def test_a_plural_noun_only_after_a_person_noun_stays_a_compound(compound: str) -> None:
    """The guard of the verb reading: a plural that is no verb's -s form ("clothes", "games") after a person noun
    still names a kind of thing; it is not read as the person's verb, so nothing of the compound is reordered."""
    group = transform(f"{compound} on a shelf")
    assert all(c.endswith(compound.split()[-2] + " " + compound.split()[-1] + " on a shelf") for c in group.order), group.order


def test_a_lone_gender_tag_and_a_lone_lower_case_name_after_a_person_are_that_person() -> None:
    """Red team round 23: "portrait of a samurai, (male:1.1), armor, katana, ..." went out as "portrait of an Asian
    man, (man:1.1), armor, a woman, ...": the weighted "male" tag was a second person and "katana" (a given name
    too) a third, a female one, so a sword became a woman. A lone gender tag agreeing with the one person named
    is said of that person (as "1girl, caucasian" is); a lower-case first name alone in a tag list after a person
    is that person's name or a thing, held on the device, never another person."""
    group = transform("portrait of a samurai, (male:1.1), armor, katana, dramatic lighting")
    assert len({s.person for s in group.slots}) == 1 and "katana" in group.held_back, group.slots
    assert all("woman" not in c or "(female:1.1)" in c for c in group.order), group.order
    assert all(" a man," not in c and " a woman," not in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "work"), [("Elsa from Frozen creating an ice palace", "from Frozen"),
                                              ("Hermione from Harry Potter reading", "from Harry Potter"),
                                              ("Woody from Toy Story waving", "from Toy Story")])  # fmt: skip
def test_the_work_a_named_character_is_from_stays_with_the_name(prompt: str, work: str) -> None:
    """Red team round 23: "Elsa from Frozen creating an ice palace" went out as "A woman from Frozen creating ...":
    the name was held but the film, which names her as well, went with every decoy ("A man from Frozen"); "from
    Harry Potter" had made Harry a second person ("A woman from a man reading"). After a name, "from" and the
    capitalised words after it say the work the character is from; they stay on the device with the name."""
    group = transform(prompt)
    assert work in group.held_back and group.n == 2, (group.cloud_prompt, group.held_back)
    assert all(work.split()[-1] not in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["chibi, 1girl, twin tails, pink hair, magical girl, star wand",
                                    "1boy, spiky hair, magical boy, sword"])  # fmt: skip
def test_a_bare_girl_tag_after_a_booru_character_is_that_character(prompt: str) -> None:
    """Red team round 23: "chibi, 1girl, ..., magical girl, star wand" was refused ("a booru tag ... is never given
    a child's age"): the genre's "magical girl" was read as a child's age said of the 1girl. After a booru
    character, a bare tag on "girl" or "boy" says what kind of character it is: the same person, its gender
    varied with the booru tag, no age."""
    group = transform(prompt)
    assert group.n == 2 and [s.name for s in group.slots] == ["gender"], group.slots
    for c in group.order:
        assert ("1girl" in c) == ("magical woman" in c or "magical girl" in c), c


def test_her_after_a_preposition_before_a_verb_with_an_object_is_an_object() -> None:
    """Red team round 24: "A father teaches his daughter to ride a bike; he runs behind her holding the seat." had
    decoys "... runs behind his holding the seat": "her" was read as a possessive before "holding", so only the
    son decoys broke their grammar and the server could rule them out. After a preposition, "her" before an -ing
    verb that takes an object is the preposition's object; every decoy reads as a sentence."""
    group = transform("A father teaches his daughter to ride a bike; he runs behind her holding the seat.")
    assert group.n == 4 and not any("behind his" in c for c in group.order), group.order
    assert transform("a girl asleep in her sleeping bag").n > 1  # a noun after the -ing word: still hers


@pytest.mark.parametrize("prompt", ["Portrait of Abraham Lincoln reading by candlelight",
                                    "Portrait of Napoleon crossing the Alps"])  # fmt: skip
def test_a_picture_of_a_capitalised_name_shows_that_person(prompt: str) -> None:
    """Red team round 24: "Portrait of Abraham Lincoln reading by candlelight" went out as written (N=1): the
    capitalised run was kept as a work's title. A picture noun and "of" before capitals say whom the picture
    shows; the capitals after "of" are read on their own, and a name among them is someone, held and varied."""
    group = transform(prompt)
    assert group.n == 2 and all("Lincoln" not in c and "Napoleon" not in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "kept"), [("a tornado ripping across Kansas wheat fields", "Kansas"),
                                              ("a farmer in Kansas at dawn", "Kansas"),
                                              ("an Irish sheep farmer leaning on his crook", "sheep farmer")])  # fmt: skip
def test_a_place_named_as_a_people_and_an_animal_after_an_origin_are_not_people(prompt: str, kept: str) -> None:
    """Red team round 24: "a tornado ripping across Kansas wheat fields" went out as "... across People wheat
    fields" (WordNet's "Kansas" is also the Kansa people), and "an Irish sheep farmer" as "a European people sheep
    farmer" ("sheep" has a person sense, so "Irish" was read as the people before it). A capitalised place that
    is also a people's plural is the place (not after "the" alone); an origin before an animal's noun describes
    the phrase it opens."""
    group = transform(prompt)
    assert all(kept in c and "people" not in c.lower() for c in group.order), group.order


def test_a_letter_after_a_person_noun_names_no_kind() -> None:
    """Red team round 24: "smol bean child w/ a big ol dog" went out N=1: "child w" was read as a kind of "w" (a
    letter, here the "w/" of "with"). A one-letter word names no kind of thing, so the child is varied."""
    group = transform("a child w/ a dog in the park")
    assert group.n > 1 and any("child" not in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["score_9, score_8_up, 1girl, cowboy shot, smiling",
                                    "cowboy shot of a woman in a bar"])  # fmt: skip
def test_a_cowboy_shot_is_a_framing_tag(prompt: str) -> None:
    """Red team round 25: "score_9, score_8_up, 1girl, cowboy shot, ..." (a common front-end prompt) was refused:
    "cowboy" was read as a second person, and the "1boy" decoy read it as the character again. A whole tag
    "cowboy shot" (or "cowboy shot of ...") is how much of the body the picture shows; "a cowboy shot in a western"
    is still a man who was shot."""
    group = transform(prompt)
    assert group.n == 2 and all("cowboy shot" in c for c in group.order), group.order
    assert transform("a cowboy shot in a western").n == 2


def test_round_26_an_age_before_a_compound_and_her_before_a_verb_with_an_object() -> None:
    """Red team round 26: "A 70-year-old marathon runner crossing the finish line" was refused (the number was a
    person of its own before "marathon runner"; a decoy read it as the runner's); "Show her walking a dog" had the
    decoy "Show his walking a dog" (only the real one a sentence). An age in years before a compound that ends in
    a person noun describes that person; "her" before an -ing verb whose object follows is an object anywhere, not
    only after a preposition."""
    group = transform("A 70-year-old marathon runner crossing the finish line")
    assert len({s.person for s in group.slots}) == 1 and group.n > 1, group.slots
    group = transform("Show her walking a dog in the park.")
    assert set(group.order) == {"Show her walking a dog in the park.", "Show him walking a dog in the park."}


@pytest.mark.parametrize(("prompt", "nickname"), [("Big Mike grilling burgers at a backyard barbecue", "Big Mike"),
                                                  ("Big Tony fixing a car in his garage", "Big Tony")])  # fmt: skip
def test_a_nickname_opening_the_prompt_is_the_persons_name(prompt: str, nickname: str) -> None:
    """Red team round 26: "Big Mike grilling burgers" went out N=1 (kept as "a name of a thing": "mike" is a
    microphone too), and "Big Tony fixing a car" as "Big a man fixing a car". An adjective that is no attribute word
    before a first name, opening the prompt and before what the person does, is a nickname: the whole name is held
    and the person varied ("Big Ben at night" stays a clock)."""
    group = transform(prompt)
    assert group.n == 2 and nickname in group.held_back and all("Big" not in c for c in group.order), group.order
    assert transform("Big Ben chiming at noon").n == 1


@pytest.mark.parametrize(("prompt", "nickname"), [("Fat Tony eating pasta at the bar", "Fat Tony"),
                                                  ("Sweet Mike grilling burgers", "Sweet Mike")])  # fmt: skip
def test_a_nickname_of_an_adjective_that_is_a_noun_too(prompt: str, nickname: str) -> None:
    """"Fat Tony eating pasta" went out as "Fat a man eating pasta" (the decoys "Fat a woman"), and "Sweet Mike
    grilling" N=1: "fat" and "sweet" are nouns too, which closed the nickname rule to them."""
    group = transform(prompt)
    assert group.n == 2 and nickname in group.held_back, (group.order, group.held_back)
    assert all(nickname.split()[0] not in c for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "age"), [("Old Tom fishing on the lake", "old"),
                                             ("Young Tom walking his dog", "young"),
                                             ("Little Mike fishing at dawn", "child")])  # fmt: skip
def test_an_age_word_before_a_first_name_is_the_persons_age(prompt: str, age: str) -> None:
    """Session 16: "Old Tom fishing on the lake", "Young Tom ..." and "Little Mike fishing" went out N=1 with the
    man's name (kept as "a name of a thing"). The age word of a nickname says the person's age: the name is held,
    gender and age varied, the real view says that age. A flower's name is not a person ("Wild Rose growing")."""
    group = transform(prompt)
    assert {s.name for s in group.slots} == {"gender", "age"} and group.n == 8, group.slots
    assert {s.value for s in group.slots if s.name == "age"} == {age}
    assert all(w not in c for c in group.order for w in ("Tom", "Mike")), group.order
    assert transform("Wild Rose growing by the fence").n == 1


@pytest.mark.parametrize("prompt", ["her holding a baby in the kitchen", "a kitchen, her holding a baby",
                                    "Her holding the trophy, confetti"])  # fmt: skip
def test_her_opening_a_caption_before_a_verb_with_an_object_is_an_object(prompt: str) -> None:
    """Session 16: "her holding a baby" opening a prompt had the decoy "his holding a baby" (no sentence, the real
    one a caption): "her" before an -ing verb and its object is the object of an unsaid "a photo of", as after any
    word. Every candidate writes the person as an object: her / him."""
    group = transform(prompt)
    words = [set(c.lower().replace(",", " ").split()) for c in group.order]
    assert all(w & {"her", "him"} and "his" not in w for w in words), group.order
    assert {frozenset(w & {"her", "him"}) for w in words} == {frozenset({"her"}), frozenset({"him"})}


@pytest.mark.parametrize(("prompt", "word"), [("a woman, thirty-ish, working on her laptop", "thirty-ish"),
                                              ("a fortyish man reading the paper", "fortyish"),
                                              ("a 30-ish woman at a bus stop", "30-ish"),
                                              ("she is thirty-ish and happy", "thirty-ish"),
                                              ("a woman around thirty-ish with a bike", "thirty-ish"),
                                              ("a woman—elderly—sitting by the window", "elderly"),
                                              ("a man – 70 – fishing off a pier", "70")])  # fmt: skip
def test_round_27_an_age_with_ish_or_set_off_by_dashes_is_varied(prompt: str, word: str) -> None:
    """Red team round 27: "a woman, thirty-ish, working" and "a woman—elderly—sitting" went out N=2 with the age
    as written (an "-ish" number in words was no number; a dash that sets a phrase off was no comma). Either
    is an age statement of the person: varied, never sent as written."""
    group = transform(prompt)
    assert "age" in {s.name for s in group.slots} and all(word not in c for c in group.order), group.order
    assert transform("a man arriving around eight-ish").n == 2  # a time, not an age
    assert "1990–2000" in transform("a man, 1990–2000 style").order[0]  # a range of years keeps its dash


def test_round_27_his_before_an_adjective_and_an_unknown_noun_is_possessive() -> None:
    """Red team round 27: "shows her grandfather how to use his new smartphone" had decoys "how to use hers new
    smartphone" (only in decoys: the grandfather's gender certain). "smartphone" is no word of the dictionary;
    after "his new" an unknown word is a noun, as after "his" alone ("her iPhone")."""
    group = transform("a teenage girl shows her grandfather how to use his new smartphone; he squints at the screen")
    assert group.n > 1 and not any("hers" in c for c in group.order), [c for c in group.order if "hers" in c][:2]
    assert any("her new smartphone" in c for c in group.order) and any("his new smartphone" in c for c in group.order)


@pytest.mark.parametrize(("prompt", "name"), [("Bob the builder wearing a hard hat at a construction site", "Bob the builder"),
                                              ("Mike the plumber fixing a sink", "Mike the plumber"),
                                              ("I met Anna the waitress at the diner", "Anna the waitress")])  # fmt: skip
def test_round_27_a_first_name_and_the_persons_kind_are_one_name(prompt: str, name: str) -> None:
    """Red team round 27: "Bob the builder wearing a hard hat" went out N=1 ("Bob" read as no name before "the"),
    and "Mike the plumber fixing a sink" as "A man the plumber fixing a sink". A first name and "the" with a kind
    of person is one name, held whole as "Gandalf the Grey" is; an animal's name stays ("Felix the cat")."""
    group = transform(prompt)
    assert group.n == 2 and name in group.held_back and all(name not in c for c in group.order), group.order
    assert all(" the " + name.split()[-1] not in c for c in group.order), group.order
    assert transform("Felix the cat sleeping on a roof").n == 1


def test_round_27_a_french_little_boy_is_a_child_varied() -> None:
    """Red team round 27: "a madame and her petit garçon at a café" sent "petit garçon" (French for "little boy")
    as written beside a varied mother. "garçon" and a few such words from other languages are person words with
    their gender and age, "petit" a child's adjective as "little" is."""
    group = transform("a madame and her petit garçon at a café in Montmartre")
    assert not any("garçon" in c or "petit" in c for c in group.order), group.order
    assert {(s.person, s.name) for s in group.slots} >= {(1, "gender"), (1, "age")}, group.slots
    assert "child" in {s.value for s in group.slots if s.name == "age"}


@pytest.mark.parametrize("said", ["neither of them young", "both of them old", "none of them young"])
def test_round_27_an_age_said_of_several_people_is_held_back(said: str) -> None:
    """Red team round 27: "a woman and a man, neither of them young, sitting on a bench" sent the age as written
    beside candidates that vary each one's gender: one age word said of several people can be no one's varied
    value; it is held back whole."""
    group = transform(f"a woman and a man, {said}, sitting on a bench")
    assert said in group.held_back and all(said.split()[-1] not in c for c in group.order), group.order


def test_round_27_a_festival_before_an_ing_noun_leaves_the_noun_and_its_article() -> None:
    """Red team round 27: "a girl with henna on her hands at an Eid gathering" went out as "a little girl
    gathering": "an Eid" was held with its article, and "at", orphaned before an -ing word, with it. An article
    before a capitalised name and an -ing noun is the noun's: only the festival is held ("at a gathering")."""
    group = transform("a man at an Eid gathering")
    assert group.held_back == ("Eid",) and set(group.order) == {"a man at a gathering", "a woman at a gathering"}


def test_round_27_a_title_after_the_that_names_a_work_is_kept() -> None:
    """Red team round 27: "the Girl with a Pearl Earring painting hanging in a museum, no people" sent "the little
    girl with a Pearl Earring painting": a run of capitals after "the" was never read as a title. After "the" it
    is one where it runs past a small word and names a work (before "painting", after "a print of"); "the Old
    Woman with a Blue Hat smiling" is still a person."""
    assert transform("the Girl with a Pearl Earring painting hanging in a museum, no people").n == 1
    assert transform("a print of the Old Man and the Sea").n == 1
    assert transform("the Old Woman with a Blue Hat smiling").n == 8


@pytest.mark.parametrize(("prompt", "pronoun", "possessive"), [
    ("she, an engineer in her thirties, inspecting a bridge", "she,", "her"),
    ("A man waves. She, a nurse in her fifties, smiles.", "She,", "her")])  # fmt: skip
def test_round_27_an_appositive_after_a_pronoun_is_the_same_person(prompt: str, pronoun: str, possessive: str) -> None:
    """Red team round 27: "she, an engineer in her thirties" had decoys "she, an engineer in his forties": the
    pronoun and the noun phrase set off after it were two people, varied apart. The appositive says who the
    pronoun is: one person, whose pronoun and possessive agree in every candidate."""
    group = transform(prompt)
    for c in group.order:
        words = c.replace(".", " ").split()
        assert (pronoun in words) == (possessive in words), c


def test_round_27_a_noun_after_be_is_what_its_subject_is() -> None:
    """Red team round 27: "a woman who used to be a ballerina" had the decoy "a woman who used to be a ballerino":
    a noun after "be" or "become" says what its subject is, one person varied together."""
    group = transform("a woman who used to be a ballerina teaching a class of boys")
    assert all(c.startswith("a man") == ("ballerino" in c) for c in group.order), group.order


@pytest.mark.parametrize(("prompt", "view"), [
    ("a boy wearing a kippah lighting the menorah with his father", "a little boy with his father"),
    ("a mother holding her son's hand as he takes his first steps", "a mother holding her son's hand")])  # fmt: skip
def test_round_27_a_verb_whose_object_is_held_leaves_with_it(prompt: str, view: str) -> None:
    """Red team round 27: "... lighting the menorah with his father" went out as "a little boy lighting with his
    father", and "... as he takes his first steps" as "... as he takes": the held object left its verb behind.
    Before "with" as before "in", and in a clause opened by "as"/"while" with its subject pronoun, the verb and
    what opens its clause leave with the object."""
    group = transform(prompt)
    assert group.cloud_prompt == view, group.cloud_prompt


def test_round_27_puberty_is_held_as_a_life_stage() -> None:
    """Red team round 27: "an adolescent girl going through puberty" had the decoy "an old woman going through
    puberty" (the scene says the age): puberty is a life stage, held back as menopause is."""
    group = transform("an adolescent girl going through puberty, looking in the mirror nervously")
    assert group.n > 1 and not any("puberty" in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["Someone turning 80 with a big cake", "somebody aged 80 with a cake",
                                    "someone in their 80s dancing"])  # fmt: skip
def test_someone_with_an_age_is_a_person_whose_age_is_varied(prompt: str) -> None:
    """Session 16: "Someone turning 80 with a big cake" went out N=1 with the age as written ("someone" was no
    person noun). It is one, of no gender: its age is varied; "someone else" is not a name ("Else")."""
    group = transform(prompt)
    assert {s.name for s in group.slots} == {"age"} and all("80" not in c for c in group.order), group.order
    assert transform("someone else holding an umbrella").held_back == ()


@pytest.mark.parametrize(("prompt", "view"), [("a 3-year-old dog on a couch", "a 3-year-old dog on a couch"),
                                              ("a 5-year-old car in a driveway", "a 5-year-old car in a driveway"),
                                              ("a 40-year-old whiskey bottle", "a 40-year-old whiskey bottle"),
                                              ("a 3-year-old birthday party in the garden", "a birthday party in the garden")])  # fmt: skip
def test_an_age_in_years_before_a_thing_is_the_things_or_held(prompt: str, view: str) -> None:
    """Session 16: "a 3-year-old dog on a couch" went out as "a little child dog", and "a 5-year-old car", "a
    40-year-old whiskey bottle", "a 3-year-old birthday party" were refused: an age in years before a noun that is
    no person is that thing's age, sent as written; before someone's event (a birthday, a party) it is the age of
    someone the prompt names no other way, held back. "a 3-year-old playing" is still a child."""
    group = transform(prompt)
    assert group.n == 1 and group.cloud_prompt == view, group.cloud_prompt
    assert transform("a 3-year-old playing in the sand").n > 1


@pytest.mark.parametrize(("prompt", "said"), [("a guy in his 20s, maybe 30ish, playing guitar on a rooftop", "30ish"),
                                              ("she is 30ish", "30ish"),
                                              ("a man (he's like 60) mowing the lawn lol", "60")])  # fmt: skip
def test_round_28_30ish_and_like_60_are_ages(prompt: str, said: str) -> None:
    """Red team round 28: "a guy in his 20s, maybe 30ish" had the decoy "a man in his seventies, maybe 30ish" (the
    "-ish" number was split off and kept), and "a man (he's like 60)" went out with the age as written. "30ish" is
    one number token; after a being verb "like" approximates as "about" does."""
    group = transform(prompt)
    assert "age" in {s.name for s in group.slots} and all(said not in c for c in group.order), group.order
    assert transform("she's like 90 percent done").n == 2  # a quantity


def test_round_28_a_name_before_lighting_a_thing_is_a_person() -> None:
    """Red team round 28: "Priya lighting a candle on her balcony" went out with the name ("X lighting" read as
    an artist's light, as "Rembrandt lighting"); before an object "lighting" is what she does."""
    group = transform("Priya lighting a candle on her balcony")
    assert "Priya" in group.held_back and all("Priya" not in c for c in group.order)
    assert transform("Rembrandt lighting, portrait of a man").held_back == ()


@pytest.mark.parametrize(("prompt", "word"), [("a w0man in a red dress, photorealistic, 4k", "woman"),
                                              ("a b0y and his dog", "boy"), ("a m4n on a bike", "man")])  # fmt: skip
def test_round_28_a_person_word_written_with_digits_is_refused(prompt: str, word: str) -> None:
    """Red team round 28: "a w0man in a red dress" went out as "a w 0 man" (a man, the real one plain to see in
    "w 0 man"). A word that reads as a person word with its digits as letters is refused, naming the word."""
    with pytest.raises(DetectionError, match=f"write '{word}'"):
        transform(prompt)
    assert transform("1girl, solo, smile, shot on sony a7iii, 500px").n == 2  # a count tag, a camera


@pytest.mark.parametrize("prompt", ["la abuela cooking paella in the kitchen",
                                    "ein alter Mann reading a newspaper in Berlin", "le chef in his kitchen"])  # fmt: skip
def test_round_28_an_article_of_another_language_before_a_person_is_refused(prompt: str) -> None:
    """Red team round 28: "la abuela cooking paella" went out as "old la woman" (the feminine "la" in every
    candidate), "ein alter Mann" as "ein alter a person" (N=1, the masculine "alter" sent): one function word of
    another language was under the language check's count. A lower-case article of a language with grammatical
    gender before a person word says the gender no candidate can vary: refused as another language."""
    with pytest.raises(DetectionError, match="another language"):
        transform(prompt)
    assert transform("la Sagrada Familia at sunset, a man").n == 2
    assert transform("a chef making crème de la crème").n == 1


def test_round_28_not_old_not_young_is_the_age_between() -> None:
    """Red team round 28: "a woman, not old, not young, walking her dog" had decoys "not young, not young": two
    denied ages were two predicates varied alike. Denied together, as "neither ... nor", they say the age
    between them."""
    group = transform("a woman, not old, not young, walking her dog")
    assert group.cloud_prompt == "a woman, middle-aged, walking her dog", group.cloud_prompt
    assert all(c.count("not ") == 0 for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["she visits him every day", "she hugs him every Friday", "she visits him on Friday",
                                    "the old woman's son visits her every Sunday with flowers"])  # fmt: skip
def test_round_28_her_before_when_it_happens_is_an_object(prompt: str) -> None:
    """Red team round 28: "the old woman's son visits her every Sunday" went out as "visits the former's every
    person" ("Sunday" read as a name), and "she visits him every day" / "on Friday" were refused (in the decoy
    "he visits her every day" the "her" read as "her every move", "her on Friday" as "her very first"). A day
    after "every"/"on" is no name; "her" before when something happens, or before a preposition, is an object."""
    group = transform(prompt)
    assert group.n > 1 and not any("person" in c or "former" in c for c in group.order), group.order


def test_round_28_a_perception_verbs_object_before_a_verb_and_its_object() -> None:
    """Red team round 28: "a woman watching him play the piano" was refused (in the decoy "watching her play the
    piano" the "her play" could be her theatre play). A bare verb followed by its own object says what she does:
    "her" is an object. (Session 31: so is a bare verb ending its phrase, "watching her dance", the counterpart "him
    dance"; "watching his dance" is refused, its decoy "her dance" being read that way.)"""
    assert transform("a woman watching him play the piano").n == 4
    assert any("watching him dance" in c for c in transform("a man watching her dance").order)
    with pytest.raises(DetectionError):
        transform("a woman watching his dance")


def test_round_28_an_article_left_before_what_the_person_does_leaves_with_the_held_proxy() -> None:
    """Red team round 28: "a GUY with a BEARD eating PIZZA" went out as "a man with an eating PIZZA": "BEARD" was held
    and its article and preposition stayed before "eating". Before what the person does they leave too."""
    group = transform("a GUY with a BEARD eating PIZZA")
    assert all(" with " not in c and " an eating" not in c for c in group.order), group.order


def test_round_28_an_appositive_after_a_person_names_the_same_person() -> None:
    """Red team round 28: "a man, a retired firefighter, washing his old red truck" had decoys "a woman, a
    firefighter, washing his old red truck": the appositive was a second person, its "his" bound to it. A noun
    phrase that states nothing, set off by commas before what the person does, says who the one before is."""
    group = transform("a man, a retired firefighter, washing his old red truck")
    assert set(group.order) == {"a man, a firefighter, washing his old red truck",
                                "a woman, a firefighter, washing her old red truck"}, group.order  # fmt: skip
    assert transform("a woman, a nurse, a child, playing").n == 8  # a list of people stays one


@pytest.mark.parametrize("name", ["Dwayne 'The Rock' Johnson", 'Dwayne "The Rock" Johnson', "Earvin 'Magic' Johnson"])
def test_round_28_a_quoted_nickname_inside_a_name_is_the_names(name: str) -> None:
    """Red team round 28: "Dwayne 'The Rock' Johnson lifting weights" went out as "A man 'The man' a man lifting
    weights" (three people, six of eight candidates mixing genders). A quoted nickname between a first name and a
    surname is part of the one name, held whole."""
    group = transform(f"{name} lifting weights in a gym")
    assert group.n == 2 and name in group.held_back, (group.order, group.held_back)


def test_round_29_a_cub_scout_bishounen_and_a_german_frau() -> None:
    """Red team round 29: "a boy in a cub scout uniform" had the decoy "an old woman in a cub scout uniform", "1boy,
    bishounen" the decoy "1girl, bishounen" (a tag for a beautiful young man), and "eine alte Frau füttert Enten" went
    out as "eine alte a woman ..." (a title of address after a German article). The first two are proxies, held;
    the third is another language."""
    assert not any("cub scout" in c for c in transform("a boy in a cub scout uniform selling cookies").order)
    assert not any("bishounen" in c for c in transform("solo, 1boy, bishounen, armor, fantasy, castle").order)
    with pytest.raises(DetectionError, match="another language"):
        transform("eine alte Frau füttert Enten am See")
