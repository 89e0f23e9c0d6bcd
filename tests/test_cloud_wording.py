"""How the cloud view writes people and what is held back, from the attacker's and the reader's side.

Found by a black-box red team (round 11): an age given as a tag of its own ("1girl, blonde, teenage") reached
the server as written; a role tag
after a person ("old man, fisherman") was a second person varied apart; held-back objects left "pushing in",
"with watching" and "in an at" behind.
"""

from __future__ import annotations

import re

import pytest

from obclip.prompts import transform
from obclip.prompts.lexicon import default_lexicon
from obclip.prompts.parse import parse
from obclip.prompts.template import DetectionError


def _closed(prompt: str) -> tuple[str, ...]:
    """The candidates of `prompt`, after checking that every one of them yields the same set."""
    group = transform(prompt)
    for candidate in group.order:
        assert set(transform(candidate).order) == set(group.order), candidate
    return group.order


@pytest.mark.parametrize(
    ("tags", "word"),
    [("masterpiece, 1boy, solo, silver hair, {w}, kimono, ink wash painting", "elderly"),
     ("a woman, long red hair, freckles, {w}, portrait", "elderly"),
     ("photo of a girl, blonde, blue eyes, {w}, cherry blossoms", "teenage"),
     ("an old man, fishing boat, {w}, rain", "asian")],
)  # fmt: skip
def test_an_age_or_origin_that_is_a_tag_of_its_own_is_the_one_persons(tags: str, word: str) -> None:
    """ "1boy, solo, silver hair, elderly, kimono" went out with "elderly" as written and only gender varied: a
    tag that is only an age or an origin says it of the one person the tags describe, so it is varied with them."""
    prompt = tags.format(w=word)
    group = transform(prompt)
    assert not all(f", {word}," in c for c in group.order), group.order  # in every candidate it would tell
    assert {"age", "ethnicity"} & {s.name for s in group.slots}
    order = _closed(prompt)
    common = set.intersection(*(set(c.split(", ")) for c in order))
    assert len({tag for c in order for tag in c.split(", ")} - common) > 1  # the tags that differ between candidates


def test_a_lone_age_tag_with_two_people_is_refused_and_with_none_is_scenery() -> None:
    with pytest.raises(DetectionError, match="tag 'elderly'"):
        transform("a man, a woman, beach, elderly, sunset")
    assert transform("ruins, moss, old, fog").order == ("ruins, moss, old, fog",)


@pytest.mark.parametrize(
    ("prompt", "role"),
    [("(old man:1.3), weathered face, fisherman, rain, dramatic lighting", "fisher"),
     ("old woman, witch, dark forest, fog", "witch"), ("young woman, queen, throne room, gold", "queen")],
)  # fmt: skip
def test_a_role_tag_after_one_person_describes_that_person(prompt: str, role: str) -> None:
    """ "(old man:1.3), ..., fisherman" was two people varied apart, with decoys such as "(little boy:1.3), ...,
    fisherwoman" that contradict themselves: a bare role tag after one person describes that person."""
    assert len(parse(prompt, default_lexicon(), "drop").persons) == 1
    order = _closed(prompt)
    for candidate in order:  # both mentions carry one gender
        male = any(w in candidate for w in (" man", "fisherman", "wizard", "king"))
        female = any(w in candidate for w in (" woman", "fisherwoman", "witch", "queen"))
        assert male != female, candidate


def test_people_named_only_by_who_they_are_stay_two_and_a_clashing_role_is_refused() -> None:
    assert len(parse("man, woman, beach, sunset", default_lexicon(), "drop").persons) == 2
    assert transform("man, woman, beach, sunset").n == 4
    with pytest.raises(DetectionError, match="describe the person before it or someone else"):
        transform("old man, fisherwoman, harbour")


@pytest.mark.parametrize(
    ("prompt", "view"),
    [("a young dad pushing a stroller in the park", "a young father in the park"),
     ("a man with a receding hairline and a beer belly watching the game", "a man watching the game"),
     ("an old woman in a kente cloth dress at a market", "an old woman at a market"),
     ("a woman with a hijab reading a book", "a woman reading a book")],
)  # fmt: skip
def test_what_a_held_object_leaves_behind_reads_as_a_sentence(prompt: str, view: str) -> None:
    """Held-back objects left "pushing in the park", "with watching the game" and "in an at a market": the verb
    whose object is held goes with it before a place, an article whose noun is held goes, and then a preposition
    left with no object."""
    assert transform(prompt).cloud_prompt == view


def test_a_held_item_that_took_the_and_leaves_with_for_the_next() -> None:
    assert transform("a woman with a hearing aid and reading glasses").cloud_prompt == "a woman with reading glasses"


def test_one_capitalised_word_in_a_title_cased_prompt_is_title_case() -> None:
    """A one-word phrase in a title-cased prompt or mid-sentence ("Boy Holding A Balloon", "a photo of Girl
    Sitting") was read in sentence case and went out as "Little boy Holding A Balloon" beside decoys in title
    case ("Old Man Holding ..."); its case is the prompt's."""
    assert "Little Boy Holding A Balloon" in _closed("Boy Holding A Balloon")
    assert "a photo of Little Girl Sitting" in _closed("a photo of Girl Sitting")


@pytest.mark.parametrize(
    ("prompt", "character"),
    [("a man dressed as santa claus ringing a bell outside a store", "santa claus"),
     ("a woman dressed as wonder woman at a convention", "wonder woman"),
     ("a kid disguised as Darth Vader for halloween", "Darth Vader"),
     ("a man dressed as batman at a party", "batman")],
)  # fmt: skip
def test_a_character_someone_is_dressed_as_is_a_costume(prompt: str, character: str) -> None:
    """ "a man dressed as santa claus ringing a bell" went out as "a man dressed as a woman a man ringing a bell":
    each word of the character's name read as a person. After "dressed as" with no article, a name is the
    character worn as a costume; the wearer is varied, the costume goes as written in every candidate."""
    group = transform(prompt)
    assert group.n > 1 and all(f" as {character} " in c for c in group.order), group.order
    assert any(text == character for text, _ in group.kept), group.kept
    assert transform("a man dressed as a woman on stage").n > 1  # with an article it says how someone looks


@pytest.mark.parametrize("place", ["gion", "montmartre", "trastevere"])
def test_an_unknown_word_after_in_is_a_place_in_a_lower_case_prompt(place: str) -> None:
    """ "a geisha ... walking in gion" had the decoy "walking in a man": a word that is no English word, after
    "in", names where someone walks, in lower case as "in Gion" does; a garment after "in" stays a garment."""
    group = transform(f"an old woman with a cane walking in {place} at dusk")
    assert all(f"in {place} at dusk" in c for c in group.order), group.order
    assert "in agbada" in transform("a nigerian groom in agbada at a wedding").held_back


@pytest.mark.parametrize(
    ("prompt", "title"),
    [("a poster for the movie the godfather, minimalist redesign", "the godfather"),
     ("a first edition of the book little women on a library shelf", "little women"),
     ("a vinyl of the song old man spinning on a turntable", "old man")],
)  # fmt: skip
def test_a_title_after_the_word_for_its_work_is_kept_in_any_case(prompt: str, title: str) -> None:
    """ "a poster for the movie the godfather" had the decoy "the godmother", "the book little women" went out as
    "little girls": after "the movie", "the book", "the song" an article or a person's words open the work's title."""
    assert transform(prompt).order == (prompt,)
    assert not any(text == "star" and "title" in why for text, why in transform("the movie star waving").kept)
    assert transform("an old man reading the book, smiling").n > 1


def test_an_article_before_a_relative_takes_a_compound_not_a_name() -> None:
    """ "a dad joke written on a chalkboard" held "joke" as the dad's name ("uncle bob" is one)."""
    assert "joke" not in transform("a dad joke written on a chalkboard").held_back
    assert transform("uncle bob at the grill").held_back == ("bob",)


@pytest.mark.parametrize("gathering", ["a yoruba wedding", "a Sikh funeral", "a Hindu festival"])
def test_a_gatherings_origin_is_its_peoples(gathering: str) -> None:
    """ "a nigerian groom ... at a yoruba wedding" went out with "yoruba" beside decoys such as "an Indian groom":
    the origin of a gathering someone is at is theirs, so it stays on the device; with no one named it describes
    the gathering and goes as written, as "a man at a French restaurant" keeps "French"."""
    group = transform(f"an old man with a cane at {gathering}")
    origin = gathering.split()[1]
    assert origin in group.held_back and not any(origin in c for c in group.order), group.order
    assert transform("a yoruba wedding, decorations, drums").order == ("a yoruba wedding, decorations, drums",)
    assert all("French" in c for c in transform("a man eating at a French restaurant").order)


@pytest.mark.parametrize("prompt", ["a nun teaching children in a courtyard", "a philosopher teaching young students",
                                    "a dog chasing kids on a lawn"])  # fmt: skip
def test_an_ing_verb_after_someone_is_their_verb_not_the_objects_modifier(prompt: str) -> None:
    """ "a nun teaching children" went out as "a nun little teaching children": the -ing word after a person or a
    noun was read as a modifier of the children, and the age word went before it."""
    verb = prompt.split()[2]
    for candidate in _closed(prompt):
        words = candidate.split()
        assert words[words.index(verb) - 1] in ("nun", "monk", "philosopher", "dog"), candidate
    assert any(c.startswith("smiling little") for c in transform("smiling kids on a beach").order)


@pytest.mark.parametrize("typo", ["wman", "wmen"])
def test_a_typo_one_edit_from_two_person_words_is_refused_not_guessed(typo: str) -> None:
    """ "a wman in a red dress" went out as "a man ...": "wman" is one edit from "man" and from "woman", and
    the device picked the first, so the real candidate's gender was a guess. It is refused, naming both; a typo
    one edit from one person word only ("womn") is still read as that word."""
    with pytest.raises(DetectionError, match="' or '"):
        transform(f"a {typo} in a red coat walking in the rain")
    assert "woman" in transform("a womn in a red coat").cloud_prompt


@pytest.mark.parametrize("prompt", ["a baby boomer reading the newspaper", "two baby boomers on a cruise ship"])
def test_a_baby_boomer_is_one_generation_not_a_baby(prompt: str) -> None:
    """ "a baby boomer" was refused as "both child and old": "baby" before "boomer" names the generation."""
    group = transform(prompt)
    assert [(s.name, s.value) for s in group.slots] == [("age", "old")]
    assert not any("baby" in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["a boy getting his first haircut at a barber", "a girl getting her first braces"])
def test_getting_ones_first_thing_is_a_possessive(prompt: str) -> None:
    """ "a boy getting his first haircut" was refused: its decoy "... getting her first haircut" read "her" as
    maybe an object ("get her a haircut"). After a form of "get", "her first X" is hers; after "gave" it stays
    ambiguous and refused ("she gave her first prize")."""
    assert transform(prompt).n > 1
    with pytest.raises(DetectionError, match="ambiguous"):
        transform("she gave her first prize to him")


@pytest.mark.parametrize("place", ["the North Pole", "the South Pole"])
def test_a_compass_word_before_a_word_that_is_seldom_a_person_names_a_place(place: str) -> None:
    """ "Mrs. Claus baking cookies in the North Pole" went out as "... in the person": "Pole" read as someone
    from Poland. After a compass word, a noun whose usual sense is no person names a place; a demonym there is
    still someone's origin ("a South African man")."""
    assert all(f"at {place}" in c for c in transform(f"an old woman baking cookies at {place}").order)
    assert "South African" in transform("a South African man").held_back


@pytest.mark.parametrize(
    ("prompt", "view"),
    [("a king and a queen on their thrones, the queen holds a scepter",
      "a king and a queen on their thrones, the latter holds a scepter"),
     ("A man and a woman argue in a kitchen. The man leaves.", "A man and a woman argue in a kitchen. The former leaves.")],
)  # fmt: skip
def test_one_of_two_people_of_a_class_named_again_is_the_former_or_the_latter(prompt: str, view: str) -> None:
    """ "a king and queen ..., the queen holds a scepter" was refused: its decoy with two queens could not say which
    one "the queen" is. Named again by its noun, one of two people of one class is written "the former" / "the
    latter", which binds by order in every candidate; one person named again keeps its noun."""
    assert transform(prompt).cloud_prompt == view
    _closed(prompt)
    assert transform("a woman and her dog. The woman smiles.").cloud_prompt == "a woman and her dog. The woman smiles."


@pytest.mark.parametrize(
    ("prompt", "name", "gender"),
    [("barack obama giving a speech", "obama", "male"), ("portrait of emma watson", "watson", "female"),
     ("tom hanks smiling", "hanks", "male"), ("serena williams playing tennis", "williams", "female"),
     ("john smith with a dog", "smith", "male")],
)  # fmt: skip
def test_a_lower_case_full_name_is_one_person_held_back_whole(prompt: str, name: str, gender: str) -> None:
    """Round 13 probes: "barack obama giving a speech" went out as "A man obama giving a speech" (the surname
    naming him), "emma watson" as two people ("a woman a man"), "tom hanks smiling" as written. In a prompt
    written in lower case the words must say what capitals say elsewhere: a first name and its surname."""
    assert len(parse(prompt, default_lexicon(), "drop").persons) == 1
    group = transform(prompt)
    words = prompt.split()
    first = words[words.index(name) - 1]
    assert not any(name in c.split() or first in c.split() for c in group.order), group.order
    assert [s.name for s in group.slots] == ["gender"] and group.slots[0].value == gender
    _closed(prompt)


@pytest.mark.parametrize(
    "prompt", ["john deere tractor in a field", "mary jane shoes on a shelf", "a painting in the style of van gogh"]
)
def test_a_first_name_before_a_thing_or_in_a_surname_stays_as_written(prompt: str) -> None:
    """A first name and the word after it name a thing's maker or kind ("john deere tractor"), and "van" opens a
    surname: no person, sent as written."""
    assert transform(prompt).order == (prompt,)


def test_a_rare_first_name_as_whom_a_picture_shows_is_a_name() -> None:
    """ "a photo of mike at the park" went out as written: "mike" is a microphone only rarely."""
    group = transform("a photo of mike at the park")
    assert set(group.order) == {"a photo of a man at the park", "a photo of a woman at the park"}


@pytest.mark.parametrize(
    ("prompt", "artists"),
    [("portrait of a woman, trending on artstation, by greg rutkowski and alphonse mucha", ["greg rutkowski", "alphonse mucha"]),
     ("portrait of a woman, artstation, greg rutkowski, alphonse mucha", ["greg rutkowski", "alphonse mucha"]),
     ("a knight in armor, castle, oil painting, Greg Rutkowski", ["Greg Rutkowski"])],
)  # fmt: skip
def test_the_artists_a_prompt_lists_are_no_people_in_the_picture(prompt: str, artists: list[str]) -> None:
    """ "..., by greg rutkowski and alphonse mucha" went out as "... by greg rutkowski and a man", and bare
    artist tags after the medium as "..., a man, a man": people added to the picture, and N doubled for each."""
    group = transform(prompt)
    assert [s.name for s in group.slots] == ["gender"]  # the woman's or the knight's, no one else's
    assert all(all(a in c for a in artists) for c in group.order), group.order
    assert [t for t, _ in group.kept if t in artists] == artists


def test_a_bare_name_before_any_medium_or_art_site_is_still_the_person_shown() -> None:
    """Only after a medium, an art site or an artist is a bare full name an artist: first, it is whom the
    prompt shows."""
    group = transform("george clooney, digital art, trending on artstation")
    assert all("clooney" not in c for c in group.order) and [s.name for s in group.slots] == ["gender"]


@pytest.mark.parametrize("prompt", ["Santa Claus delivering presents on a rooftop", "santa claus with reindeer"])
def test_santa_is_a_man_in_the_real_candidate(prompt: str) -> None:
    """ "Santa Claus delivering presents" went out as "A woman delivering presents": the name data lists Santa as a
    woman's name, so the real candidate, from which the device finishes the image, had the wrong gender."""
    group = transform(prompt)
    assert [(s.name, s.value) for s in group.slots] == [("gender", "male")]
    assert group.order[group.real_index].split()[:2] == ["A", "man"]


@pytest.mark.parametrize(
    ("prompt", "title"),
    [("LITTLE WOMEN BOOK COVER, VINTAGE", "LITTLE WOMEN"), ("the golden girls tv show logo, retro 80s", "golden girls"),
     ("the Elder Scrolls game cover art", "Elder Scrolls"), ("the little mermaid dvd cover", "little mermaid")],
)  # fmt: skip
def test_a_title_before_its_work_and_what_is_made_of_it_is_kept(prompt: str, title: str) -> None:
    """Round 12: "LITTLE WOMEN BOOK COVER" went out as "LITTLE GIRLS BOOK COVER" beside "OLD MEN BOOK COVER",
    and "the Elder Scrolls game cover" as "the old person Scrolls game cover": a title no one wrote."""
    group = transform(prompt)
    assert group.order == (prompt,) and not group.slots
    assert any(title in kept for kept, _ in group.kept)


@pytest.mark.parametrize("prompt", ["an old man reading a movie poster", "a woman holding a book cover"])
def test_a_person_before_a_verb_and_a_work_is_still_a_person(prompt: str) -> None:
    """The title runs back only to a verb: the reader of a poster is in the picture."""
    assert {"gender"} <= {s.name for s in transform(prompt).slots}


@pytest.mark.parametrize(
    ("prompt", "event"),
    [("a girl who just lost her first tooth", "tooth"), ("a boy in 5th grade raising his hand in class", "grade"),
     ("a man going through a midlife crisis, buying a red sports car", "crisis"),
     ("a girl with menstrual cramps lying in bed", "menstrual"), ("a woman at her baby shower, holding her belly", "shower"),
     ("a woman celebrating her 50th anniversary with her husband", "50th")],
)  # fmt: skip
def test_a_life_event_that_says_an_age_or_a_sex_stays_on_the_device(prompt: str, event: str) -> None:
    """Round 12: "a girl who just lost her first tooth" was sent beside "a middle-aged man who just lost his first
    tooth", "a man going through a midlife crisis" told an age no word varied, "menstrual cramps" sat beside a man:
    the event says the life stage or the sex, so it is held back with the words that only it completes."""
    group = transform(prompt)
    assert not any(event in c for c in group.order), group.order
    assert not any(c.split()[-1] in ("lost", "going", "through", "at", "who", "just") for c in group.order), group.order
    _closed(prompt)


def test_a_comma_after_a_held_clause_stays_where_it_parts_tags() -> None:
    """ "dancing at their 50th anniversary, black and white photo" went out as "dancing at black and white photo"."""
    order = transform("a husband and wife dancing at their 50th anniversary, black and white photo").order
    assert all(c.endswith("anniversary, black and white photo") and "50th" not in c for c in order), order


@pytest.mark.parametrize(("prompt", "phrase"), [("a bar mitzvah boy reading", "mitzvah"), ("a 5th grade boy at his desk", "grade")])
def test_a_listed_phrase_before_the_person_noun_is_held_as_one_word_is(prompt: str, phrase: str) -> None:
    """Round 12: "a bar mitzvah boy" went out with decoys "a young bar mitzvah woman", and "a 5th grade boy" as
    "a 5th little grade boy": a proxy of several words before the noun is held back whole, as "a hijab girl" is."""
    group = transform(prompt)
    assert not any(phrase in c for c in group.order) and any(phrase in h for h in group.held_back)
    _closed(prompt)


@pytest.mark.parametrize("prompt", ["louis vuitton bag on a table", "calvin klein billboard in times square",
                                    "jimmy choo heels on a shelf"])
def test_a_lower_case_maker_before_its_thing_is_no_person(prompt: str) -> None:
    """ "louis vuitton bag" went out as "A man vuitton bag": a first name and a surname before a thing are its make."""
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize("prompt", ["a high school senior in a cap and gown", "a college freshman moving into a dorm",
                                    "selfie of a college girl at a music festival, glitter on her face"])
def test_a_school_before_a_student_is_held_not_refused(prompt: str) -> None:
    """Round 12: the context check refused these ordinary prompts: "college" and "high school" state a student's
    age from inside the person's phrase, where the check cannot hold a word. Right before a person noun they are
    proxies of the age (held back); before anything else a place ("a college campus" stays)."""
    from obclip.device.outbound import PrivacyOptions, protect

    group = protect(prompt, PrivacyOptions())
    assert "age" in {s.name for s in group.slots}
    assert not any("college" in c or "school" in c for c in group.order), group.order
    assert transform("a college campus in autumn").order == ("a college campus in autumn",)


@pytest.mark.parametrize(("prompt", "owner"), [("a close-up of a woman's hijab", "woman"),
                                               ("a dad at his daughter's prom", "daughter")])
def test_a_possessive_before_a_held_proxy_that_ends_the_clause_is_dropped(prompt: str, owner: str) -> None:
    """ "a close-up of a woman's hijab" went out as "a close-up of a woman's", owning nothing."""
    for candidate in transform(prompt).order:
        assert not candidate.endswith("'s"), candidate
    assert all("s' hanging" in c for c in transform("my sisters' wedding dresses hanging in a row").order)


def test_a_lower_case_name_with_a_middle_name_and_one_joined_to_a_name_are_held() -> None:
    """ "ruth bader ginsburg in her robe" went out as "A woman ginsburg ..."; "a couple, emily and josh" as "a
    woman and josh" ("josh" is a verb too, but a first name joined to a name held just before it is a name)."""
    assert all("ginsburg" not in c for c in transform("ruth bader ginsburg in her robe").order)
    group = transform("a couple, emily and josh, on their wedding day")
    assert all("josh" not in c for c in group.order) and [s.name for s in group.slots] == ["gender", "gender"]
    assert transform("kim kardashian selfie").order[0].endswith("selfie")  # a middle name must be a first name


@pytest.mark.parametrize(
    ("prompt", "word", "attribute"),
    [("ultra realistic photo of a (middle aged:1.3) black man in a suit, 85mm", "middle aged", "age"),
     ("a (young:1.2) woman in a garden", "young", "age"),
     ("photo of an (old:1.3) (asian:1.2) man", "old", "age"),
     ("photo of an (old:1.3) (asian:1.2) man", "asian", "ethnicity"),
     ("a young (asian:1.2) woman, portrait", "young", "age"),
     ("a ((old)) man reading", "old", "age"),
     ("[elderly] woman knitting", "elderly", "age"),
     ("portrait of a man, (elderly:1.3), wrinkles", "elderly", "age"),
     ("1girl, (young:1.2), smile", "young", "age"),
     ("(1woman:1.1), (mature:1.2), business suit, office", "mature", "age")],
)  # fmt: skip
def test_a_prompt_weight_around_an_attribute_word_does_not_let_it_out(prompt: str, word: str, attribute: str) -> None:
    """Red team round 14b: "a (middle aged:1.3) black man" and "(elderly:1.5) latina woman" went out with the age as
    written and not varied, "an (old:1.3) (asian:1.2) man" as "an (old:1.3) (Asian person:1.2) man" (a second
    person). A front-end's weight ("(word:1.2)", "(word)", "[word]", nested) wraps words of the phrase after it, or
    a tag of its own: the attribute in it is the person's and is varied like one written without a weight."""
    group = transform(prompt)
    assert attribute in {s.name for s in group.slots}, group.order
    values = {c.lower().replace("-", " ").count(word) for c in group.order}
    assert values != {1}, group.order  # the user's word is not in every candidate
    _closed(prompt)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [("a (beautiful:1.2) woman in a garden", "(beautiful:1.2)"), ("a (beautiful old:1.2) woman", "(beautiful:1.2)"),
     ("an (elderly:1.4) woman (knitting:1.2)", "(knitting:1.2)"), ("a (cute:1.2) cat in a basket", "(cute:1.2)")],
)  # fmt: skip
def test_a_prompt_weight_on_other_words_stays_on_them(prompt: str, kept: str) -> None:
    """What a weight wraps besides an attribute reaches the cloud with its weight, in every candidate."""
    assert all(kept in c for c in transform(prompt).order)


def test_an_origin_outside_the_values_in_a_weight_leaves_with_its_weight() -> None:
    """ "(middle eastern:1.2) man, keffiyeh, souk" went out with "(middle eastern:1.2)" as written."""
    group = transform("(middle eastern:1.2) man, keffiyeh, souk, spices")
    assert not any("eastern" in c.lower() or ":1.2" in c for c in group.order), group.order
    assert any("middle eastern" in h.lower() for h in group.held_back)


@pytest.mark.parametrize(
    ("prompt", "name"),
    [("bob dylan playing harmonica in greenwich village 1963", "dylan"),
     ("young bill gates sitting on a desk in the 1980s", "gates"),
     ("elon musk standing in front of a rocket", "musk"),
     ("portrait of keanu reeves, rain, neon", "reeves"),
     ("a poster of bob marley", "marley"),
     ("faith reading a bible on a park bench", "faith"),
     ("april planting tulips in her garden", "april"),
     ("summer and her dog at the beach at sunset", "summer"),
     ("my buddy rob fixing his truck in the driveway", "rob")],
)  # fmt: skip
def test_a_lower_case_name_the_sentence_makes_a_person_is_held(prompt: str, name: str) -> None:
    """Red team round 14b: these went out with the name as written (a first name that is also a verb, "bob",
    "bill"; a surname that is a common noun after a first name that is no word, "musk"; a first name that is a
    word, "faith", "summer", before what only a person does or has). The cloud sees a person, never the name."""
    group = transform(prompt)
    assert not any(name in c.lower().split() for c in group.order), group.order
    assert "gender" in {s.name for s in group.slots}
    _closed(prompt)


@pytest.mark.parametrize(
    "prompt",
    ["summer reading list on a wooden desk", "jade carving on a shelf in a museum", "dawn breaking over the mountains",
     "summer painting of a meadow", "rose blooming in a garden", "a queen anne chair in a parlor",
     "the queen mary ship docked in long beach", "surprised pikachu face",
     "kid on bike no helmet sunny day", "hope floating in the air, abstract art", "amber glowing in the sunlight"],
)  # fmt: skip
def test_a_word_that_is_also_a_name_stays_a_word_where_no_person_is_meant(prompt: str) -> None:
    """The same rules leave words alone where the sentence does not make a person of them: a time, a stone or a
    flower before what a thing does ("dawn breaking"), an -ing that is a thing ("reading list", "painting of"),
    a name after a title or an adjective that makes it a thing's ("queen anne chair", "surprised pikachu face")."""
    group = transform(prompt)
    assert group.order == (prompt,) or all(c.split()[-2:] == prompt.split()[-2:] for c in group.order)
    assert not any(w in c for c in group.order for w in ("a woman", "a man", "A woman", "A man", "a person", "A person"))


@pytest.mark.parametrize(
    ("prompt", "tag"),
    [("<lora:add_detail:0.8>, a woman in a park", "<lora:add_detail:0.8>"),
     ("photo of a man, <lora:asian_man_v2:0.7>, city", "<lora:asian_man_v2:0.7>"),
     ("masterpiece, 1girl, <lyco:nordic_style:0.6>, fjord", "<lyco:nordic_style:0.6>"),
     ("an old woman <lora:lora:0.5>", "<lora:lora:0.5>")],
)  # fmt: skip
def test_a_lora_tag_stays_on_the_device_whole(prompt: str, tag: str) -> None:
    """Red team round 14b: "<lora:add_detail:0.8>" went out as "<a woman:add_detail:0.8>" (the tag's "lora" read as
    a first name) and "<lora:asian_man_v2:0.7>" as a second person. An extra-network tag is one token, names a file
    on the user's machine that no model of ours loads, and may describe the person: it is held back whole."""
    group = transform(prompt)
    assert tag in group.held_back
    assert not any("<" in c or "lora" in c or "asian" in c.lower() or "nordic" in c for c in group.order), group.order
    assert len(group.slots) == len({s.name for s in group.slots})  # one person
    _closed(prompt)


@pytest.mark.parametrize(
    ("prompt", "name"),
    [("queen elizabeth ii waving from the balcony at buckingham palace", "elizabeth"),
     ("prince harry and meghan walking hand in hand", "harry"), ("a portrait of lady gaga", "gaga"),
     ("sir elton john at the piano", "elton"), ("princess diana in a white dress", "diana")],
)  # fmt: skip
def test_a_lower_case_title_before_a_name_is_read_as_a_capital_one_is(prompt: str, name: str) -> None:
    """Red team round 14b: "queen elizabeth ii" went out as written with the decoy "king elizabeth ii", "prince
    harry" with "princess harry", "lady gaga" with "gentleman gaga", "sir elton john" as "man a man". In lower case a
    title or a rank before a name is one person, as "Queen Elizabeth II" is: the name stays on the device."""
    group = transform(prompt)
    assert not any(name in c.lower() for c in group.order), group.order
    assert "gender" in {s.name for s in group.slots}
    assert any(m.kind == "person" and name in m.text.lower() for m in group.mentions)  # a person, not a held word
    _closed(prompt)


@pytest.mark.parametrize(
    "prompt",
    ["a queen anne chair in a parlor", "the queen mary ship docked in long beach", "princess leia action figure on a shelf",
     "a dr pepper can covered in ice", "the emperor's new clothes storybook cover", "the king and queen seated on their thrones",
     "a chess board with the white queen captured"],
)  # fmt: skip
def test_a_lower_case_rank_before_a_thing_or_a_verb_opens_no_name(prompt: str) -> None:
    """Where the word after a rank names a kind of thing, is a common word or a verb, no name is read there."""
    words = set(prompt.split()) - {"queen", "king", "princess", "emperor's", "dr"}
    for c in transform(prompt).order:
        assert words <= set(c.split()) | {"a", "the", "an"}, c


@pytest.mark.parametrize(
    ("prompt", "word"),
    [("a transgender woman smiling", "transgender"), ("(transgender woman:1.2), makeup, mirror selfie", "transgender"),
     ("a trans man at the gym", "trans"), ("a nonbinary person with short hair", "nonbinary")],
)  # fmt: skip
def test_a_gender_identity_said_of_a_person_stays_on_the_device(prompt: str, word: str) -> None:
    """Red team round 14b: "(transgender woman:1.2)" went out as written, with the decoy "(transgender man:1.2)":
    every candidate told the cloud the person is transgender. Said of a person, it is held back like "pregnant"."""
    group = transform(prompt)
    assert word in group.held_back
    assert not any(word in c.lower().split() or f"({word}" in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["a red trans am parked on the street", "low trans fats label on a box"])
def test_trans_before_a_thing_stays(prompt: str) -> None:
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize(
    "prompt",
    ["martha stewart branded cookware", "a gordon ramsay branded knife set", "a tommy hilfiger shirt",
     "calvin klein billboard in times square"],
)  # fmt: skip
def test_a_name_a_thing_is_made_under_is_sent_as_written(prompt: str) -> None:
    """Red team round 14b: "martha stewart branded cookware" went out as "a martha a man branded cookware", "a
    tommy hilfiger shirt" was refused as a misspelt "mommy". A full name before the thing made under it, or before
    "branded", names a make; no one is in the picture, and the prompt goes out as written."""
    group = transform(prompt)
    assert group.order == (prompt,) and not group.slots
    assert any(" " in text for text, _ in group.kept)  # the name is kept whole, with a reason


def test_a_beard_after_an_adjective_that_is_also_a_name_stays_a_proxy() -> None:
    group = transform("an old man with a long grey beard and green eyes")
    assert not any("beard" in c or "grey" in c for c in group.order), group.order


@pytest.mark.parametrize(
    ("prompt", "held"),
    [("portrait of an (old man:1.2), [wrinkles], dramatic light", "[wrinkles]"),
     ("a young Asian woman, ((freckles)), soft lighting, artstation", "((freckles))")],
)  # fmt: skip
def test_a_held_proxy_leaves_with_any_weight_around_it(prompt: str, held: str) -> None:
    """Red team round 14: "[wrinkles]" left "[]" in the cloud view, and "((freckles))" was refused. The weight
    around a held word leaves with it, whatever its brackets."""
    group = transform(prompt)
    assert held in group.held_back
    assert not any("[]" in c or "()" in c or "freckles" in c or "wrinkles" in c for c in group.order), group.order
    _closed(prompt)


@pytest.mark.parametrize(
    ("prompt", "name"),
    [("Serena Williams serving at Wimbledon, sports photography", "Serena"),
     ("Roger Federer swinging his racket", "Federer")],
)  # fmt: skip
def test_a_name_before_what_it_does_is_someone_not_a_brand(prompt: str, name: str) -> None:
    """The realistic corpus's audit listed "Serena Williams serving at Wimbledon" as sent as written with the reason
    "it names the serving after it": an -ing word before a preposition or an object is what the one named does."""
    group = transform(prompt)
    assert not any(name in c for c in group.order) and "gender" in {s.name for s in group.slots}


def test_a_picture_noun_in_ing_after_a_title_stays_the_works() -> None:
    assert all("Madonna" in c or "Child" in c for c in _safe_order("a Madonna and Child painting in a chapel"))


def _safe_order(prompt: str) -> tuple[str, ...]:
    try:
        return transform(prompt).order
    except DetectionError:
        return (prompt,)  # refused: nothing reaches the cloud, which is not the failure this test looks for


@pytest.mark.parametrize(
    ("prompt", "name"),
    [("hope walking her dog in the rain", "hope"), ("river and his brother skipping stones", "river"),
     ("rose cooking dinner for her family", "rose"), ("a photo of oprah winfrey laughing", "oprah"),
     ("will ferrell running through a field", "ferrell")],
)  # fmt: skip
def test_a_name_the_sentence_makes_someone_is_held_whatever_its_word(prompt: str, name: str) -> None:
    """My probes after round 14b: a first name of either gender that is a word, before "and his" or an -ing verb
    with "her"/"his" after it ("river and his brother", "hope walking her dog"); a flower's name doing what
    only a person does for "her" family; two words no dictionary knows before what a person does ("oprah
    winfrey laughing", held as "a person"); "will" before a surname. All went out with the name as written."""
    group = transform(prompt)
    assert not any(name in c.lower().split() for c in group.order), group.order
    _closed(prompt)


@pytest.mark.parametrize(
    "prompt",
    ["rain falling on her, neon city", "a volcano with lava pouring down its slopes", "winter driving tips infographic",
     "a baby shower cake with blue frosting", "destiny calling, epic fantasy poster",
     "shiba inu running in a park", "we will rock you poster"],
)  # fmt: skip
def test_a_word_that_is_a_name_of_either_gender_stays_a_word_without_a_person_to_be(prompt: str) -> None:
    assert not any("person" in c or "woman" in c for c in transform(prompt).order)


@pytest.mark.parametrize("prompt", ["heather covering the scottish hills", "iris opening in the morning light",
                                    "ivy covering an old brick wall"])  # fmt: skip
def test_a_plant_doing_what_plants_do_is_no_one(prompt: str) -> None:
    """My probes: "heather covering the scottish hills" went out as "A woman covering ..." ('heather' is a first
    name). A plant's name before an -ing verb a thing can do (not only a person: `Senses.agents`) stays a plant."""
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [("a gay man and his husband", None), ("a gay couple with their little son", None),
     ("a gay old time at the fair", "gay"), ("gay pride parade with rainbow flags", "gay")],
)  # fmt: skip
def test_gay_said_of_a_person_stays_on_the_device(prompt: str, kept: str | None) -> None:
    """The adversarial-2 corpus labels "gay" in "a gay couple" as telling the gender of the two: said of a person
    or a couple it is held back like "lesbian"; elsewhere ("a gay old time", a parade) it says nothing of anyone."""
    group = transform(prompt)
    if kept is None:
        assert "gay" in group.held_back and not any("gay" in c for c in group.order), group.order
    else:
        assert all(kept in c for c in group.order)


@pytest.mark.parametrize("prompt", ["portrait of an (old man:1.4), snowy mountain", "a ((young)) woman reading",
                                    "an [elderly] man on a bench", "a (little girl:1.2) with a kite"])  # fmt: skip
def test_an_article_agrees_with_the_word_inside_a_weight(prompt: str) -> None:
    """Red team round 15: "portrait of an (old man:1.4)" had decoys "an (little girl:1.4)", "an (young man:1.4)":
    only the real value's article was right, so the grammatical candidates gave the real one away."""
    from obclip.prompts.grammar import indefinite_article

    for candidate in _closed(prompt):
        for article, word in re.findall(r"\b(a|an) [(\[]+([\w-]+)", candidate, flags=re.IGNORECASE):
            assert article.lower() == indefinite_article(word), candidate


def test_his_before_a_weighted_noun_stays_a_possessive() -> None:
    """Red team round 15: "(boy:1.3) and his (grandfather:1.3)" had decoys "(old woman:1.3) and hers (...)": the
    bracket after "his" was read as the end of a clause."""
    order = _closed("(boy:1.3) and his (grandfather:1.3) flying a kite")
    assert not any("hers" in c for c in order) and any(" her (" in c for c in order), order


@pytest.mark.parametrize(("prompt", "word"), [("(elderly:1.3) (black man:1.2) fishing on a pier", "elderly"),
                                              ("(old:1.3) (woman:1.2) reading a book", "old")])  # fmt: skip
def test_a_weighted_age_before_a_weighted_person_is_that_persons(prompt: str, word: str) -> None:
    """Red team round 15: "(elderly:1.3) (black man:1.2) fishing" went out with "(elderly:1.3)" in every candidate and
    only ethnicity and gender varied. The weighted word is the next person's age, varied with its weight kept."""
    group = transform(prompt)
    assert "age" in {s.name for s in group.slots}
    assert not all(f"({word}:1.3)" in c for c in group.order), group.order
    assert all(re.match(r"\((young|middle-aged|old|little):1\.3\) \(", c) for c in group.order), group.order
    _closed(prompt)


@pytest.mark.parametrize("prompt", ["(man:1.2), (middle eastern:1.1), portrait", "a man, middle eastern, portrait",
                                    "(handsome man:1.2), 25 years old, (middle eastern:1.1), beard, portrait"])  # fmt: skip
def test_a_two_word_origin_as_a_tag_of_its_own_stays_on_the_device(prompt: str) -> None:
    """Red team round 15: "(middle eastern:1.1)" as a tag of its own went out as written ("(middle eastern:1.1) man" was
    held): a pair the lexicon lists is read as one word wherever a single word would be."""
    group = transform(prompt)
    assert not any("eastern" in c.lower() for c in group.order), group.order
    assert any("middle eastern" in h for h in group.held_back)


@pytest.mark.parametrize("prompt", ["1girl, solo, (young:1.4), looking at viewer", "1boy, old, smiling at the viewer"])
def test_the_viewer_an_sd_prompt_looks_at_is_no_one_in_the_picture(prompt: str) -> None:
    """Red team round 15: "1girl, solo, (young:1.4), looking at viewer" was refused as "2 people": the viewer is whoever
    looks at the picture, so the age tag is the one character's."""
    group = transform(prompt)
    assert "age" in {s.name for s in group.slots} and any(why.startswith("the one who looks") for _, why in group.kept)
    _closed(prompt)


@pytest.mark.parametrize("prompt", ["1girl, (swedish:1.2), standing in a wheat field", "a woman, black, smiling",
                                    "1girl, caucasian, long hair"])  # fmt: skip
def test_an_origin_tag_after_one_person_is_varied_as_hers(prompt: str) -> None:
    """Red team round 15: "1girl, (swedish:1.2)" was refused ("a decoy reads differently"): its decoy "1boy, Caucasian"
    read "Caucasian" as a second person's noun. A lone origin tag after one person is said of that person, whether
    the word is also a noun or not, so every decoy reads back the same."""
    group = transform(prompt)
    assert "ethnicity" in {s.name for s in group.slots}
    assert not any("person" in c for c in group.order), group.order
    _closed(prompt)


@pytest.mark.parametrize(("prompt", "held"), [("1boy, 1girl, (indian:1.25) wedding, (lehenga:1.2), (sherwani:1.2)", "sherwani"),
                                              ("a person in a barong tagalog at a wedding", "tagalog"),
                                              ("a woman with a mom bun", "mom bun"), ("a guy with a dad bod", "dad bod")])  # fmt: skip
def test_garments_and_looks_of_one_gender_or_origin_stay_on_the_device(prompt: str, held: str) -> None:
    """Red team round 15: "(lehenga:1.2)" was held and the groom's "(sherwani:1.2)" sent; "barong" was held and
    "tagalog" left ("a person in a tagalog"); "a mom bun" went out as "a mother bun" beside "a father bun"."""
    group = transform(prompt)
    assert not any(held in c for c in group.order), group.order
    assert any(held in h for h in group.held_back)


@pytest.mark.parametrize(("prompt", "word"), [("a viking ship at sea", "viking"), ("a woman in viking armor", "viking"),
                                              ("a dad joke written on a chalkboard", "dad joke"),
                                              ("a samurai sword on a stand", "samurai"),
                                              ("a father christmas ornament hanging on a tree", "father")])  # fmt: skip
def test_one_person_noun_before_a_thing_names_its_kind(prompt: str, word: str) -> None:
    """Red team round 15: "viking armor" went out as "European person armor" beside "African person armor", "a viking
    ship" as "a European person ship". A person noun before a thing that heads its phrase names the thing's kind."""
    group = transform(prompt)
    assert all(word in c for c in group.order) and any(t == word for t, _ in group.kept), group.order


@pytest.mark.parametrize("prompt", ["a womans face in the mirror", "girls night out, cocktails", "a Korean idol on stage",
                                    "a woman and a man talk", "a Queen Victoria mug", "a Tom Hanks mug"])  # fmt: skip
def test_a_person_noun_before_a_noun_stays_someone_where_it_is_one(prompt: str) -> None:
    """The limits of the rule above: a body part is someone's ("a womans face"), a plural names who is there ("girls
    night out"), an origin that is an adjective describes ("a Korean idol"), a verb after a pair is theirs ("a man
    talk"), and a title or a name is someone whose noun the view writes ("a queen mug" must read back as her)."""
    group = transform(prompt)
    assert group.n > 1, group.order
    _closed(prompt)


@pytest.mark.parametrize(("prompt", "name"), [("mr. rogers putting on a cardigan", "rogers"),
                                              ("dr. fauci testifying before congress", "fauci"),
                                              ("mrs. smith baking a pie", "smith"), ("mr. bean driving a mini", "bean")])  # fmt: skip
def test_a_lower_case_title_with_its_full_stop_opens_a_name(prompt: str, name: str) -> None:
    """Red team round 15: "dr. fauci testifying" went out as written, "mr. rogers" as "man. a man", "mrs. smith" as
    "woman. smith": the full stop after a lower-case title ended the name. After it, the next word is a surname."""
    group = transform(prompt)
    assert not any(name in c or "." in c for c in group.order), group.order
    assert group.cloud_prompt.split()[0] == "A"


@pytest.mark.parametrize("prompt", ["a woman in her (mid-40s:1.2) jogging", "a man in his ((70s)) reading",
                                    "(man:1.1) in his (60s:1.2), reading"])  # fmt: skip
def test_a_weighted_decade_is_the_persons_age(prompt: str) -> None:
    """My probes: "a woman in her (mid-40s:1.2) jogging" went out with "(mid-40s:1.2)" in every candidate, beside
    "a man in him ...": a weight around a decade was no weight group (it ended on a number) and "her" before it
    read as an object."""
    group = transform(prompt)
    assert "age" in {s.name for s in group.slots} and not any("0s" in c or " him " in c for c in group.order)
    _closed(prompt)


@pytest.mark.parametrize("prompt", ["a woman, neither young nor old, reading", "he is neither old nor young"])
def test_neither_young_nor_old_is_an_age_varied_with_the_person(prompt: str) -> None:
    """Issue #20 names "neither young nor old" as an age statement: it went out as written beside gender decoys only.
    The two ages denied leave the one between them, varied as a predicate; with none between, it is refused."""
    group = transform(prompt)
    assert "age" in {s.name for s in group.slots} and not any("neither" in c for c in group.order)
    assert "middle-aged" in group.cloud_prompt
    _closed(prompt)
    with pytest.raises(DetectionError, match="no single age lies between"):
        transform("a man, neither young nor middle-aged, smiling")


def test_a_booru_tag_with_a_childs_age_is_refused_with_what_to_write() -> None:
    """Red team round 15 read "a child's age is given apart from a word that reads as an adult's" for "1girl, (teen:1.2)"
    as no reason at all. No booru tag gets a child decoy (docs/privacy.md); the message now says so and what to write.
    Since round 40 such a tag is held ("1girl, (teen:1.2)" -> "1girl"), unless a tag sexualises the child."""
    with pytest.raises(DetectionError, match="booru tag .*a teenage girl"):
        transform("1girl, shota, (teen:1.2), ballroom")


@pytest.mark.parametrize(("prompt", "held"), [("an asian man with monolid eyes", "monolid"),
                                              ("a woman with gray roots", "gray roots")])  # fmt: skip
def test_an_eye_shape_and_greying_roots_stay_on_the_device(prompt: str, held: str) -> None:
    """My probes: "an asian man with monolid eyes" went out beside "an African man with monolid eyes"."""
    group = transform(prompt)
    assert not any(held in c for c in group.order) and any(held in h for h in group.held_back)


@pytest.mark.parametrize("prompt", ["(asian woman:1.2), (black man:1.2), wedding",
                                    "(asian woman:1.2) BREAK (black man:1.2) BREAK wedding photo"])  # fmt: skip
def test_two_weighted_people_of_different_origins_are_two_people(prompt: str) -> None:
    """My probes: "(asian woman:1.2), (black man:1.2), wedding" was refused ("the tag 'black man' may describe the person
    before it"): a gendered plain noun names someone new, whatever origin it is given, as "man, woman, beach" does."""
    group = transform(prompt, max_candidates=200)
    assert len({s.person for s in group.slots}) == 2 and group.n == 100
    _closed(prompt)


@pytest.mark.parametrize(("prompt", "view"), [("three generations of women cooking together", "women cooking together"),
                                              ("a woman in a sari of red silk", "a woman"),
                                              ("a woman with a beard of bees, surreal portrait", "a woman, surreal portrait")])  # fmt: skip
def test_a_held_word_takes_its_of_phrase_with_it(prompt: str, view: str) -> None:
    """My probes: "three generations of women cooking together" went out as "of women cooking together", and "a woman
    with a beard of bees" as "a woman of bees": what a held word's "of" introduces leaves with it, or before a person
    the "of" alone, so the cloud view reads as a sentence."""
    assert transform(prompt).cloud_prompt == view


@pytest.mark.parametrize("prompt", ["sky playing guitar on a rooftop", "river reading a book", "sky playing the piano"])
def test_a_name_of_either_gender_before_what_a_person_does_to_something_is_someone(prompt: str) -> None:
    """Red team round 15: "sky playing guitar" went out as written; only a gendered first name counted before an agent's
    verb. A name of either gender counts where the verb takes an object, and the person is written "a person"."""
    group = transform(prompt)
    assert not any(prompt.split()[0] in c.lower().split() for c in group.order), group.order
    assert group.cloud_prompt.startswith("A person")


@pytest.mark.parametrize("prompt", ["winter driving tips infographic", "sky diving over the desert", "blue frosting on a cake",
                                    "storm chasing tornadoes", "jade carving on a shelf"])  # fmt: skip
def test_a_word_of_either_gender_stays_a_word_before_a_compound_or_no_object(prompt: str) -> None:
    assert transform(prompt).order == (prompt,)


def test_a_maid_outfit_worn_by_someone_stays_on_the_device() -> None:
    """The realistic corpus labels "maid outfit" as telling the gender: "1girl, maid outfit" went out beside "1boy,
    maid outfit" (found by the audit after the kinds-of-things rule kept "maid" as the outfit's kind)."""
    group = transform("1girl, silver hair, red eyes, maid outfit, holding tray, indoors")
    assert not any("maid" in c for c in group.order) and any("maid outfit" in h for h in group.held_back)
    assert transform("a cat in a maid outfit").order == ("a cat in a maid outfit",)


def test_an_age_in_two_number_words_is_one_age() -> None:
    """My probes: "a twenty one year old man at a bar" went out as "a twenty little boy at a bar": "one year old" was
    read as the age and "twenty" sent as written. "twenty one" is one number; after the person it is refused like
    "a man sixty years old" (a number said apart that no rule places)."""
    group = transform("a twenty one year old man at a bar")
    assert group.cloud_prompt == "a young man at a bar" and not any("twenty" in c for c in group.order)
    with pytest.raises(DetectionError, match="may state an age"):
        transform("a man twenty one years old")


def test_a_decade_plus_is_an_age() -> None:
    """My probes: "a 50-plus woman doing yoga" went out as written, the age in every candidate."""
    group = transform("a 50-plus woman doing yoga")
    assert "age" in {s.name for s in group.slots} and not any("50" in c for c in group.order)
    _closed("a 50-plus woman doing yoga")


@pytest.mark.parametrize(("prompt", "held"), [("a woman in her third trimester holding her belly", "trimester"),
                                              ("a man collecting his pension at the post office", "pension"),
                                              ("a man in his twenties at a frat party", "frat party")])  # fmt: skip
def test_a_pregnancys_stage_a_pension_and_a_frat_party_stay_on_the_device(prompt: str, held: str) -> None:
    """Red team round 16: "a man in his third trimester holding his belly", "pension letter on the table" after a held
    "newly retired", "a woman in her seventies at a frat party" were decoys the shared words contradicted."""
    group = transform(prompt)
    assert not any(held in c for c in group.order) and any(held in h for h in group.held_back)


@pytest.mark.parametrize("prompt", ["sgt. johnson saluting the flag", "lt. dan in a wheelchair"])
def test_a_short_rank_before_a_surname_is_a_title(prompt: str) -> None:
    """Red team round 16: "sgt. johnson saluting the flag" went out as "sgt. A man saluting the flag"."""
    group = transform(prompt)
    assert group.cloud_prompt.startswith("A ") and not any(w in c.lower() for c in group.order for w in ("sgt", "lt."))


@pytest.mark.parametrize(
    ("prompt", "name"),
    [("Will Smith eating spaghetti", "Smith"), ("Bill Gates giving a lecture", "Gates"),
     ("Mark Twain reading on a porch", "Twain")],
)  # fmt: skip
def test_a_first_name_that_is_also_a_word_before_a_known_surname_is_someone(prompt: str, name: str) -> None:
    """My probes (twelfth session): "Will Smith eating spaghetti" went out as written, kept as "a name of a thing":
    "will" and "bill" are words too, and "smith" a common noun. WordNet knows Smith and Gates as people; a first name
    before such a word, or before what only a person does ("reading"), names the person, as "Emma Stone" does."""
    group = transform(prompt)
    assert not any(name in c for c in group.order), group.order
    assert "gender" in {s.name for s in group.slots}
    _closed(prompt)


@pytest.mark.parametrize("prompt", ["Victoria Falls at sunset", "Jordan River at dawn", "Jack Daniels bottle on a bar",
                                    "a Frank Lloyd Wright house in the woods", "Grace Church in the snow"])  # fmt: skip
def test_a_first_name_in_a_name_of_a_place_or_a_thing_stays_as_written(prompt: str) -> None:
    assert transform(prompt).order == (prompt,)


@pytest.mark.parametrize(
    ("prompt", "tags"),
    [("1girl, 1boy, couple holding hands, BREAK, (indian woman:1.1) in a sari, BREAK, (white man:1.1) in a suit",
      ("1girl", "1boy")),
     ("2boys, (old man:1.3), (young boy:1.1), fishing on a pier, sunset", ("2boys",)),
     ("2girls, (asian woman:1.2), (black woman:1.2), sitting on a bench", ("2girls",)),
     ("1girl, 2boys, (woman:1.2), (man:1.1), (man:1.1), bar, night", ("1girl", "2boys"))],
)  # fmt: skip
def test_count_tags_beside_the_peoples_own_nouns_stay_on_the_device(prompt: str, tags: tuple[str, ...]) -> None:
    """Red team round 16: "1girl, 1boy, ..., (indian woman:1.1), ..., (white man:1.1)" varied the tags apart from
    the nouns, so decoys read "1boy, 1boy, ..., (woman:1.1), ..., (woman:1.1)" and only 6 of 16 were consistent;
    "2boys, (old man:1.3), (young boy:1.1)" was refused at N = 128. The tags count the people the nouns name: they are
    held back, and every candidate's nouns agree with themselves."""
    group = transform(prompt)
    assert not any(re.search(r"\d(girl|boy)", c) for c in group.order), group.order
    assert all(any(t in h for h in group.held_back) for t in tags)
    assert {s.name for s in group.slots} >= {"gender"}
    _closed(prompt)


def test_one_count_tag_that_is_the_person_is_still_varied() -> None:
    group = transform("1girl, solo, (old woman:1.2), knitting")
    assert re.search(r"\d(girl|boy)", group.cloud_prompt) and not group.held_back
    assert any(re.search(r"\dboy", c) for c in group.order) and any(re.search(r"\dgirl", c) for c in group.order)


@pytest.mark.parametrize("prompt", ["1boy, 1girl, holding hands, beach", "1girl, 1boy, couple, holding hands, sunset"])
def test_two_one_character_tags_are_held_not_varied_apart(prompt: str) -> None:
    """Red team round 35: varied apart, "1girl, 1boy" had the decoys "1boy, 1boy" and "1girl, 1girl", which no one
    writes ("2boys"), so the mixed pair was the real one. Both tags stay on the device; no tag reaches the cloud."""
    group = transform(prompt)
    assert not any(re.search(r"\d(girl|boy)", c) for c in group.order), group.order
    assert {"1girl,", "1boy,"} <= set(group.held_back)


@pytest.mark.parametrize(
    "prompt",
    ["a snowman with a carrot nose, children's book style", "a picture book for children, watercolor",
     "a bike for kids in a shop window", "toys for boys and girls in a bin"],
)  # fmt: skip
def test_whom_a_thing_is_made_for_is_no_one_in_the_picture(prompt: str) -> None:
    """Red team round 16: "children's book style" went out as "little children's book style", with decoys "old
    people's book style"; "a picture book for children" as "for little children". The children are whom the book is
    for: sent as written, each with a reason."""
    group = transform(prompt)
    assert group.order == (prompt,) and group.kept
    assert all("for" in why or "kind" in why for _, why in group.kept), group.kept


@pytest.mark.parametrize("prompt", ["students at a school for girls", "a party for kids in a garden",
                                    "old ladies' tea party"])  # fmt: skip
def test_people_a_place_or_an_event_is_for_may_be_in_the_picture(prompt: str) -> None:
    """The limit of the rule above: where people are at a place or an event, they are varied as people."""
    group = transform(prompt)
    assert group.n > 1 and {s.name for s in group.slots} and not any("for" in why for _, why in group.kept)


@pytest.mark.parametrize(
    ("prompt", "held"),
    [("a black woman celebrating juneteenth with her family, barbecue, flags", "juneteenth"),
     ("an irish man drinking guinness on st patrick's day", "patrick"),
     ("a mexican woman making tamales for dia de los muertos, marigolds", "muertos"),
     ("an old man lighting the menorah for hanukkah", "hanukkah"),
     ("a man praying at eid in a mosque courtyard", "eid"),
     ("a toddler taking his first steps in the living room, proud parents", "first steps"),
     ("a fourth grader presenting her science fair project", "science fair")],
)  # fmt: skip
def test_a_festival_of_one_origin_or_a_childs_milestone_stays_on_the_device(prompt: str, held: str) -> None:
    """Red team round 16: "an Asian man celebrating juneteenth", "an African man drinking guinness on st patrick's day",
    "an old person taking his first steps" were decoys the shared words contradicted; the context check read them under
    its thresholds. A festival, a rite or a holiday of one origin or faith, and a child's milestone, are proxies (data
    in proxies.toml) held back as a kimono or a prom is."""
    group = transform(prompt)
    assert not any(held in c.lower() for c in group.order), group.order
    assert any(held in h.lower() for h in group.held_back)


def test_a_festival_with_no_one_there_is_sent_and_its_verb_keeps_its_subject() -> None:
    """No one to hide: "a diwali lamp on a windowsill" is sent as written. "the Patel family celebrating Diwali" held
    "the family celebrating Diwali" whole once Diwali was a proxy (past the -ing verb to its subject),
    and the empty view was refused; the verb's subject stays."""
    assert transform("a diwali lamp on a windowsill").order == ("a diwali lamp on a windowsill",)
    group = transform("a family celebrating kwanzaa at home, candles")
    assert group.cloud_prompt.startswith("a family") and group.held_back == ("celebrating kwanzaa",)
    assert transform("the Patel family celebrating Diwali").cloud_prompt.startswith("the family")


def test_a_garment_after_a_held_occasion_is_the_wearers() -> None:
    """My probes: "a woman dancing at oktoberfest in a dirndl" sent the dirndl (it was read as worn by "oktoberfest",
    a word kept as no person); with the festival held it was refused, as the decoys then parsed otherwise."""
    group = transform("a woman dancing at oktoberfest in a dirndl")
    assert not any("dirndl" in c for c in group.order) and any("dirndl" in h for h in group.held_back)
    _closed("a woman dancing at oktoberfest in a dirndl")


def test_an_origin_held_over_the_budget_is_listed_with_what_stays_on_the_device() -> None:
    """Red team round 16: "a black man and a white woman on their wedding day" went out as "an African man and a
    woman", and "white" was named nowhere (the note said one person's ethnicity stayed). The note names the words; the
    held-back list does not, as another person's value may be written with the same word ("an Asian man and his
    African wife": "African" is a decoy's value for him)."""
    group = transform("a black man and a white woman on their wedding day, he is holding her hand")
    assert "'white'" in group.note and "stays on the device" in group.note
    assert not any("white" in c.lower() for c in group.order)
    assert transform("a black man and a woman on their wedding day").note == ""


@pytest.mark.parametrize(
    ("prompt", "view"),
    [("an old man with a long white beard. He is wearing a kilt and smiling.", "He is smiling."),
     ("a woman wearing a hijab and smiling", "a woman smiling"),
     ("a woman wearing a hijab and sunglasses", "a woman wearing sunglasses"),
     ("an old Korean woman in a hanbok and her teenage grandson", "an old woman and her little male friend")],
)  # fmt: skip
def test_a_held_garment_between_two_verbs_or_before_a_person_leaves_a_sentence(prompt: str, view: str) -> None:
    """Red team round 16: "He is wearing a kilt and playing bagpipes." went out as "He is wearing playing bagpipes.";
    my probes: "an old woman in a hanbok and her teenage grandson" as "an old woman in her little boy" (the "and" was
    read as joining garments: a person only counted two words after it)."""
    assert view in transform(prompt).cloud_prompt


@pytest.mark.parametrize(
    ("prompt", "names"),
    [("grace and river playing in the backyard with their dog", ("grace", "river")),
     ("summer and autumn, two sisters, running through a field of sunflowers", ("summer", "autumn")),
     ("aunt may baking a pie in her kitchen, cozy lighting", ("may",)),
     ("uncle will at the barbecue", ("will",))],
)  # fmt: skip
def test_names_that_are_words_joined_or_after_kin_are_names(prompt: str, names: tuple[str, ...]) -> None:
    """Red team round 16: "grace and river playing in the backyard" went out as written (N = 1), "summer and autumn,
    two sisters" and "aunt may baking a pie" with the names in every candidate ("uncle may baking a pie"). Two word-names
    joined before what only people do, or before an appositive that counts people, are names; so is "may" or "will"
    after a kin word where no bare verb makes it a modal."""
    group = transform(prompt)
    assert not any(re.search(rf"\b{n}\b", c) for c in group.order for n in names), group.order
    _closed(prompt)


@pytest.mark.parametrize("prompt", ["aunt may bake a pie", "uncle will fix the car", "salt and pepper shakers on a table",
                                    "rain and snow falling on a city", "summer and winter coats on a rack"])  # fmt: skip
def test_a_modal_after_kin_and_joined_words_stay_words(prompt: str) -> None:
    group = transform(prompt)
    assert all(w in group.cloud_prompt for w in prompt.split() if w in ("may", "will", "salt", "rain", "summer", "winter"))


@pytest.mark.parametrize(
    ("prompt", "view", "held"),
    [("1girl, ((arab)), desert", "1girl, desert", "((arab))"),
     ("a woman, ((japanese)), kimono", "a woman, ((Asian))", "kimono"),
     ("1girl, ((elderly)), smile", "1girl, ((old)), smile", None)],
)  # fmt: skip
def test_a_lone_tag_in_nested_emphasis_is_the_tagged_persons(prompt: str, view: str, held: str | None) -> None:
    """Red team round 16: "((arab))" went out as "((person))", a second person in every candidate; my probes: "a
    woman, ((japanese)), kimono" as "a woman, ((Asian people))". Nested emphasis around a lone tag is read as one
    weight, as "(swedish:1.2)" was."""
    group = transform(prompt)
    assert group.cloud_prompt == view and (held is None or held in group.held_back)
    assert not any("person" in c or "people" in c for c in group.order)


@pytest.mark.parametrize("prompt", ["(korean man:1.2), kpop idol, stage lights", "a bollywood actress dancing in the rain",
                                    "a woman watching a k-drama on her couch"])  # fmt: skip
def test_one_countrys_popular_culture_said_of_a_person_stays_on_the_device(prompt: str) -> None:
    """Red team round 16: "(korean man:1.2), kpop idol" went out beside "(African woman:1.2), kpop idol" (the context
    check held "stage lights" instead)."""
    group = transform(prompt)
    assert not any(w in c.lower() for c in group.order for w in ("kpop", "bollywood", "k-drama"))
    assert transform("kpop album covers on a shelf").order == ("kpop album covers on a shelf",)


@pytest.mark.parametrize("prompt", ["a woman's husband kissing her forehead", "the man's daughter holding his hand"])
def test_an_owner_named_twice_in_one_clause_is_one_person(prompt: str) -> None:
    """My probes (twelfth session): both were refused as not closed. "her" after "husband" is written "the woman's"
    (the nearest person is a man), and the decoy "a man's wife kissing the man's forehead" read a second man, as
    "the" within one clause names someone new. Two possessives of one noun name one owner."""
    order = _closed(prompt)
    assert len(order) == 4


@pytest.mark.parametrize(("prompt", "name"), [("madame curie in her lab", "curie"), ("frau weber baking bread", "weber"),
                                              ("tanaka-san bowing at the office door", "tanaka"),
                                              ("Yuki-chan and Kenji-kun playing tag", "Yuki")])  # fmt: skip
def test_a_surname_after_a_title_and_a_name_with_an_honorific_are_held(prompt: str, name: str) -> None:
    """My probes: "madame curie in her lab" went out as "woman curie in her lab" (a surname WordNet also knows as a
    unit was not read as one after a title); "tanaka-san bowing" as written, N = 1, the suffix saying where the name is
    from."""
    group = transform(prompt)
    assert not any(name in c for c in group.order) and not any("-san" in c or "-chan" in c for c in group.order)
    assert transform("a hello kitty-chan sticker").order == ("a hello kitty-chan sticker",)


@pytest.mark.parametrize(("prompt", "name"), [("portrait of taylor swift on stage, 4k", "taylor swift"),
                                              ("Will Smith eating spaghetti", "Will Smith"),
                                              ("madame curie in her lab", "madame curie")])  # fmt: skip
def test_a_name_written_as_a_persons_phrase_is_listed_as_held_back(prompt: str, name: str) -> None:
    """Red team round 16: "portrait of taylor swift" went out as "portrait of a person", and the name was in no list
    of what stays on the device."""
    group = transform(prompt)
    assert name in group.held_back and not any(name.lower() in c.lower() for c in group.order)


def test_a_first_name_said_again_is_never_sent() -> None:
    """My probes: "John and Mary at the beach. John waves." went out with "John waves." in every candidate: the second
    "John" was read as a kind of waves. A first name read as someone's names that person again; with two people
    before, which one a decoy's "the man" means would show, so the prompt is refused rather than sent."""
    with pytest.raises(DetectionError):
        transform("John and Mary at the beach. John waves.")
    group = transform("John is fishing. John smiles.")
    assert not any("John" in c for c in group.order) and group.cloud_prompt == "A man is fishing. The man smiles."
    assert "dawn" in transform("dawn walking her dog at dawn on the beach").cloud_prompt


@pytest.mark.parametrize(("prompt", "name"), [("portrait of Faith Hill singing on a stage, by Greg Rutkowski", "Faith"),
                                              ("Charlotte Church singing in a welsh cathedral", "Church"),
                                              ("Usain Bolt sprinting past a cheetah, photorealistic", "Bolt"),
                                              ("a candid photo of Sting walking his dog in a park", "Sting")])  # fmt: skip
def test_a_capitalised_name_before_what_a_person_does_is_someone(prompt: str, name: str) -> None:
    """Red team round 17: "Faith Hill singing", "Charlotte Church singing", "Usain Bolt sprinting" went out as names of
    things (a hill, a church, a bolt), N = 1; "a candid photo of Sting walking his dog" with "Sting" in every candidate.
    Before an agent's verb (or an -ing verb and "his"/"her" after one capitalised word) the name is someone's."""
    group = transform(prompt)
    assert not any(name in c for c in group.order), group.order
    assert any(name in h for h in group.held_back)


@pytest.mark.parametrize("prompt", ["Grace Church in the snow", "Mount Fuji reflecting in a lake",
                                    "New York skyline glowing at night", "Mr. Johnson teaching math to his class"])
def test_places_and_titled_names_are_read_as_before(prompt: str) -> None:
    group = transform(prompt)
    assert group.n <= 2 and "a person" not in group.cloud_prompt


@pytest.mark.parametrize(
    ("prompt", "view"),
    [("multiple girls, 4girls, idol group, stage, spotlight", "multiple women, idol group, stage, spotlight"),
     ("woman selling kente cloth at a market in accra", "woman at a market"),  # Accra: the kente told the origin
     ("a family eating mooncakes under the full moon", "a family under the full moon"),
     ("a toddler taking her first steps toward her mother", "a little child toward her mother"),
     ("two men in thobes drinking arabic coffee in a majlis", "two men drinking coffee"),
     ("a figure in a long flowing dress walking away", "a figure walking away")],
)  # fmt: skip
def test_red_team_17_views_read_as_sentences_and_agree_with_themselves(prompt: str, view: str) -> None:
    """Red team round 17: "multiple girls, 4girls" varied the tag apart from the plural (decoy "multiple boys,
    4girls"); "woman cloth at a market", "a little child taking toward her mother" (a held object left its verb or
    its compound's head); "thobes" was read as a place and sent; "a family eating mooncakes" held the family too."""
    assert transform(prompt).cloud_prompt == view


@pytest.mark.parametrize(
    ("prompt", "held"),
    [("a man wearing a turban serving langar at a gurdwara", "langar"),
     ("boy wearing a kippah reading torah at his bar mitzvah", "torah"),
     ("(an elderly japanese woman:1.4), tea ceremony, tatami, soft light", "tatami"),
     ("1girl, shrine maiden, miko, (hakama:1.1), torii gate", "miko"),
     ("a freshman at college carrying a box into a dorm room", "at college"),
     ("a sikh man in a turban serving langar at the golden temple", "golden temple")],
)  # fmt: skip
def test_red_team_17_customs_and_a_students_place_stay_on_the_device(prompt: str, held: str) -> None:
    """Red team round 17: the garment was held and the custom sent ("a man serving langar at a gurdwara", "little boy
    reading torah", "tea ceremony, tatami" beside "(a middle-aged African man:1.4)", "1boy, ..., miko"); "a little child
    at college" beside a held "dorm room"."""
    group = transform(prompt)
    assert not any(held in c.lower() for c in group.order), group.order
    assert any(held in h.lower() for h in group.held_back)


def test_a_songs_title_after_its_record_is_no_one() -> None:
    """Red team round 17: "a vinyl record of the girl from ipanema" went out as "the little girl from ipanema", with
    decoys "the old man from ipanema"."""
    prompt = "a vinyl record of the girl from ipanema spinning on a turntable"
    assert transform(prompt).order == (prompt,)
    assert transform("men doing the haka before a rugby match").cloud_prompt == "men before a rugby match"


@pytest.mark.parametrize(("prompt", "name"), [("oil painting of George W. Bush clearing brush on his ranch", "George W. Bush"),
                                              ("John F. Kennedy waving from a car", "John F. Kennedy")])  # fmt: skip
def test_a_middle_initial_is_part_of_the_name(prompt: str, name: str) -> None:
    """Red team round 17: "George W. Bush" went out as "a man W. A person", the initial sent and two people varied
    apart for one man; "John F. Kennedy" as "John F. A person"."""
    group = transform(prompt)
    assert name in group.held_back and len(group.slots) == 1
    assert not any(w in c for c in group.order for w in (" W.", "F.", "John", "Bush"))


@pytest.mark.parametrize("prompt", ["a stack of board books for toddlers on a nursery shelf",
                                    "a lion, king of the jungle, resting under an acacia tree",
                                    "my dog, prince of the house, sleeping"])  # fmt: skip
def test_an_audience_with_no_one_else_and_an_animals_title_are_no_one(prompt: str) -> None:
    """Red team round 17: "board books for toddlers" had decoys "board books for old people" (the rule for whom a
    thing is made asked for a prompt about one thing; a stack of them is one too, and no one else is named); "a
    lion, king of the jungle" was refused (a title after an animal and a comma is the animal's)."""
    group = transform(prompt)
    assert group.order == (prompt,) and group.kept
    assert transform("a man, king of the castle").n > 1


@pytest.mark.parametrize(
    ("prompt", "view"),
    [("a mother braiding her daughter's hair before school, the girl is crying",
      "a mother braiding her daughter's hair before school, the latter is crying"),
     ("a boy and his grandfather fishing; the old man tells him a story",
      "a little boy and his old male friend fishing; the latter tells him a story"),
     ("a girl and her mother at the beach. The woman waves.", "a little girl and her mother at the beach. The latter waves."),
     ("a woman and her son. The boy cries.", "a woman and her son. The latter cries.")],
)  # fmt: skip
def test_a_mention_whose_words_fit_one_of_two_people_is_the_former_or_the_latter(prompt: str, view: str) -> None:
    """Red team round 17: "a mother braiding her daughter's hair, the girl is crying" was refused ("the girl could
    name again any of the people before it"), though a mother is no girl. Of two people, the one the mention's words
    fit (and the other's contradict) is meant; the view writes it by order, so the choice, made from the real
    values, is the same words in every candidate and the set stays closed."""
    group = transform(prompt)
    assert group.cloud_prompt == view
    _closed(prompt)
    # both fit: a reader cannot tell either, and the prompt is still refused
    with pytest.raises(DetectionError, match="could name again"):
        transform("a waitress brings a cake to an old woman. The lady smiles.")


def test_a_verb_ending_in_s_before_a_particle_is_the_persons_verb() -> None:
    """Red team round 18: "the teenager storms off" kept "teenager" as no one ("it describes the storms after it"),
    sending a child's noun beside an old decoy."""
    group = transform("a father and his teenage son arguing, the teenager storms off")
    assert not group.kept and not any("teenager" in c for c in group.order)
    assert transform("a teenager storms off").n > 1


@pytest.mark.parametrize(
    ("prompt", "place"),
    [("an African man at a wedding in Accra", "Accra"),
     ("an old Russian woman selling pickles at a street market in Moscow", "Moscow"),
     ("an Italian nonna rolling fresh pasta in her kitchen in Naples", "Naples"),
     ("teenage boys and a Pakistani man playing cricket on a dusty street in karachi", "karachi"),
     ("a French woman in a Moscow street market", "Moscow"),
     ("a Mexican man in Guadalajara", "Guadalajara"),
     ("a little Asian boy eating dumplings in Beijing", "Beijing")],  # China: by its people, no adjective
)  # fmt: skip
def test_a_place_of_one_origin_beside_a_stated_origin_stays_on_the_device(prompt: str, place: str) -> None:
    """Red teams 17 and 18: "an African man at a wedding in Accra" went out with decoys "a European man at a wedding
    in Accra"; the context model scores a lone city weakly ("in naples" read as Indian). Where WordNet puts the
    place (its part holonyms up to a country whose adjective our lexicon gives a value) decides, and the place is
    held wherever someone's origin is stated; a place in a country of an origin never varied goes with a held one."""
    group = _closed_group(prompt)
    assert not any(place in c for c in group.order)
    assert any(place in h for h in group.held_back)


def _closed_group(prompt: str):  # noqa: ANN202
    _closed(prompt)
    return transform(prompt)


@pytest.mark.parametrize(("prompt", "place"), [("a man in Accra", "Accra"), ("an Asian man in Atlanta", "Atlanta"),
                                               ("a woman walking in Naples at dusk", "Naples")])  # fmt: skip
def test_a_place_goes_as_written_where_no_origin_it_could_contradict_is_stated(prompt: str, place: str) -> None:
    """Only the gender is varied (or the place's country is of an origin never varied): nothing the decoys vary is
    contradicted, and the place stays in the view."""
    assert all(place in c for c in transform(prompt).order)


@pytest.mark.parametrize(
    ("prompt", "phrase"),
    [("an Indian man eating Indian food", "Indian food"), ("a Korean woman in a Korean restaurant", "Korean restaurant"),
     ("an Indian man speaking Tamil on the phone", "Tamil")],
)  # fmt: skip
def test_an_origin_of_a_thing_or_a_language_beside_a_stated_origin_is_held(prompt: str, phrase: str) -> None:
    """Red team 18: "speaking Tamil" went out as "speaking Indian Person" (a language read as a people); "Indian food"
    was sent beside decoys "an African man eating Indian food". A thing's origin or a language beside someone whose
    origin is varied is held; without one ("a woman eating Chinese food", "a woman speaking Japanese") it is sent."""
    group = _closed_group(prompt)
    assert phrase.split()[0] in group.held_back and all(phrase not in c for c in group.order)
    assert all("Chinese food" in c for c in transform("a woman eating Chinese food").order)
    assert all("speaking Japanese" in c for c in transform("a woman speaking Japanese").order)
    assert all("black and white" in c for c in transform("an African man, smoky bar, black and white photo").order)


def test_a_listed_garment_with_a_word_read_as_a_typo_is_the_garment() -> None:
    """Red team 18: "in an ao dai" went out as "in an ao a person" ("dai" read as a typo of a person word)."""
    group = transform("a young Vietnamese woman in an ao dai riding a bicycle")
    assert "in an ao dai" in group.held_back and not any("ao" in c.split() for c in group.order)


@pytest.mark.parametrize(
    "prompt",
    ["John and his brother are fixing the roof. John holds the ladder while his brother climbs up.",
     "a girl and her aunt baking bread, her aunt kneads the dough"],
)  # fmt: skip
def test_the_same_possessive_and_kin_noun_again_is_the_same_person(prompt: str) -> None:
    """Red teams 17 and 18: the second "his brother" was a second brother, varied apart, so a decoy read "A man and
    his sister ... while his brother climbs up" and only the real candidate agreed with itself. The same possessive
    word and noun in a later clause name the person named so before, with the same owner."""
    group = transform(prompt)
    people = {s.person for s in group.slots}
    assert len(people) == 2, group.slots
    for candidate in _closed(prompt):
        kin = re.findall(r"(?:his|her) (brother|sister|aunt|uncle)", candidate)
        assert len(kin) == 2 and kin[0] == kin[1], candidate


def test_an_origin_before_a_noun_with_a_person_sense_describes_that_person() -> None:
    """Red team 18: "a korean idol boy" went out as "an Asian person little idol boy" (the origin read as a person,
    the idol kept, the boy a second person), "a korean idol" as "an Asian person idol"."""
    assert transform("a korean idol on stage").cloud_prompt == "an Asian idol on stage"
    group = transform("a korean idol boy, pastel hair")
    assert len({s.person for s in group.slots}) == 1 and "person" not in group.cloud_prompt


def test_a_title_before_a_things_name_is_part_of_the_brand() -> None:
    """Red team 18: "a Mr. Potato Head toy on a shelf" went out as "a man Potato Head toy", with a decoy "a woman
    Potato Head toy": the title was read as someone once its name was a thing's. Someone titled stays someone."""
    prompt = "a Mr. Potato Head toy on a shelf"
    assert transform(prompt).order == (prompt,)
    assert "Mr. Bean" in transform("Mr. Bean waving").held_back


@pytest.mark.parametrize("prompt", ["a girl in a princess dress", "elegant woman in a 1920s flapper dress, art deco"])
def test_a_person_noun_naming_the_kind_of_a_worn_garment_is_no_second_person(prompt: str) -> None:
    """Red team 18: "a woman in a 1920s flapper dress" went out as "a woman in a 1920s young woman" (the flapper a
    second person, the dress held), "a girl in a princess dress" as "a little girl in a princess"; "dress" is also an
    adjective, which ruled out its kind. The garment with its kind stays on the device as one phrase."""
    group = _closed_group(prompt)
    assert len({s.person for s in group.slots}) == 1
    assert any("dress" in h for h in group.held_back) and not any("dress" in c for c in group.order)


@pytest.mark.parametrize("prompt", ["twin sisters, about ten years old, playing hopscotch on the sidewalk",
                                    "a girl, about ten years old, reading", "twin sisters, ten years old, playing"])  # fmt: skip
def test_an_age_in_words_after_a_person_is_that_persons_age(prompt: str) -> None:
    """Red team 18: "twin sisters, about ten years old" went out as written (N=2), and "a girl, about ten years old"
    beside "an old man, about ten years old": only digits were read as "N years old". A number word is too, written
    as its digits so that every decoy reads back alike; with no one to be that age it stays a thing's."""
    group = _closed_group(prompt)
    assert "age" in {s.name for s in group.slots}
    assert not any("ten years" in c for c in group.order)
    assert transform("the house is ten years old").order == ("the house is ten years old",)


@pytest.mark.parametrize(
    ("prompt", "held"),
    [("a Native American elder in a feathered headdress at a powwow", "powwow"),
     ("an Ethiopian priest holding a cross during Timkat celebrations", "Timkat"),
     ("a Korean family eating kimchi jjigae around a low table", "kimchi"),
     ("(old man:1.3), wrinkled face, fisherman, weathered skin, dramatic lighting", "weathered skin")],
)  # fmt: skip
def test_red_team_18_rites_dishes_and_an_old_skin_stay_on_the_device(prompt: str, held: str) -> None:
    """Red team 18: "an old person at a powwow" (the origin held, the rite sent), "an Asian priestess ... during
    Timkat celebrations", "a Korean family eating kimchi jjigae" refused by the context check, "(little girl:1.3),
    ..., weathered skin" beside "(old man:1.3)". Data in proxies.toml; with no one there they are sent."""
    group = transform(prompt)
    assert any(held in h for h in group.held_back) and not any(held in c for c in group.order)
    assert transform("a jar of kimchi on a shelf").order == ("a jar of kimchi on a shelf",)


GRANDCHILDREN = [("grandson", "male"), ("granddaughter", "female"), ("great-granddaughter", "female")]


@pytest.mark.parametrize(("kin", "child"), GRANDCHILDREN)
@pytest.mark.parametrize("elder", ["grandmother", "grandfather", "great-grandmother"])
def test_a_grandchild_stays_a_child_in_the_cloud_view(elder: str, kin: str, child: str) -> None:
    """ "an old man teaching his grandson to fish" went out as "... his young man ...": a child made an adult, who
    reads as a partner. A grandchild is drawn as a child (WordNet's grandchild joins the child senses), so the
    view says "his little male friend" (a possessed person is written as a friend: "his little boy" beside the
    decoy "a little girl with her little girl" marked the real one); the decoys vary the age over every value."""
    group = transform(f"a {elder} teaching {'his' if 'father' in elder else 'her'} {kin} to fish")
    assert f"little {child} friend" in group.cloud_prompt, group.cloud_prompt
    assert {"little", "old"} <= {w for c in group.order for w in c.split()}, group.order


OWNED_BY_AGE = re.compile(r"\b(?:his|her|their|my|'s)\s+(?:little|young|middle-aged|old)\s+(?:person|people|man|men|woman|women|boy|girl|child|children)\b", re.IGNORECASE)


@pytest.mark.parametrize("prompt", [
    "a woman breastfeeding her baby on a park bench",  # red team round 29: "her little child" beside "his old person"
    "a boy with his grandmother",  # round 30: "a little boy with his old woman", "a little girl with her little girl"
    "my grandpa reading the newspaper",
    "two dads and their toddler at the zoo",
    "the old man's granddaughter waving",
])  # fmt: skip
def test_a_person_owned_by_someone_and_known_by_age_is_a_friend_in_every_candidate(prompt: str) -> None:
    """The attacker reads each decoy as English: "a man with his middle-aged person" says nothing, "his old woman"
    is slang for a wife and "a little boy with his little boy" cannot be, so only the real candidate read well. A
    person after a possessive, known by age alone or by a kin word that is only age and gender, is written as a
    friend of the slot's age (and gender): "her little friend", "his old female friend", which any owner may have."""
    group = transform(prompt)
    ages = {s.name for s in group.slots}
    assert "age" in ages and len(group.order) >= 4
    for candidate in group.order:
        assert not OWNED_BY_AGE.search(candidate), candidate
        assert " friend" in candidate.lower(), candidate


@pytest.mark.parametrize("prompt", ["a mother holding her little friend close to her",
                                    "a father and his little female friend walk in"])  # fmt: skip
def test_a_friend_before_an_adjective_or_a_plural_verb_is_a_person(prompt: str) -> None:
    """The decoys above re-read: "friend close to her" was read as a compound ("a friend close", as "a guard
    tower"), and "his friend walk in" too, though two subjects joined by "and" take the base form; the friend went
    unvaried ("a mother holding her baby close to her" was refused, its decoys read differently)."""
    group = transform(prompt)
    assert any(s.name == "age" for s in group.slots) and any(s.name == "gender" and s.person == 0 for s in group.slots)
    assert transform("a guard tower on the hill").order == ("a guard tower on the hill",)


@pytest.mark.parametrize(("years", "noun", "view"), [("30-year-old", "girl", "a young woman"),
                                                     ("18yo", "girl", "a young woman"),
                                                     ("7-year-old", "girl", "a little girl"),
                                                     ("25 year old", "granddaughter", "a young woman")])  # fmt: skip
def test_an_age_in_years_decides_between_a_child_and_an_adult(years: str, noun: str, view: str) -> None:
    """ "a 30-year-old girl" went out as "a little girl": "young" beside a child's noun was taken for a child's
    age, as "a young girl" is. An age said in years is the age: 18 or more is an adult, whatever the noun."""
    assert transform(f"a {years} {noun} dancing").cloud_prompt == f"{view} dancing"


@pytest.mark.parametrize("proxy", ["redhead", "cheerleader"])
@pytest.mark.parametrize("rest", ["with freckles reading by the fire", "in a green dress"])
def test_a_proxy_noun_that_names_the_person_is_the_person_who_wears_what_follows(proxy: str, rest: str) -> None:
    """ "A redhead with freckles and pale skin reading by the fire" went out as "Reading by the fire." (the person
    held away whole), and "a redhead in a green dress" was refused: a proxy noun that names a person, after an
    article and before "with"/"in", is that person ("a person"), and what it wears or has is read as hers."""
    group = transform(f"a {proxy} {rest}")
    assert group.cloud_prompt.startswith("a person") and proxy in group.held_back, group.cloud_prompt
    assert all(proxy not in c for c in group.order)


@pytest.mark.parametrize(("prompt", "thing"), [("A Scottish man in a kilt on a misty hill", "kilt"),
                                               ("a Japanese chef making sushi at a counter", "sushi"),
                                               ("an old Russian woman selling pirozhki", "pirozhki"),
                                               ("an Indian woman frying samosas for a party", "samosas"),
                                               ("a Mexican woman making tortillas", "tortillas")])  # fmt: skip
def test_a_thing_of_one_origin_beside_a_stated_origin_stays_on_the_device(prompt: str, thing: str) -> None:
    """Red teams 20 and 21: "A Scottish man in a kilt playing the bagpipes" and "A Russian grandmother selling
    pirozhki" went out beside decoys of every origin. A dish, garment, instrument, dance, festival or dwelling
    whose WordNet gloss or region names one origin (`Senses.regional`) is held where someone's origin is stated;
    one of an origin never varied (a tortilla: Mexico) only beside an origin held back."""
    group = _closed_group(prompt)
    assert not any(thing in c for c in group.order), group.order


@pytest.mark.parametrize("prompt", ["a man playing the sitar on a rooftop", "an Asian woman eating a tortilla",
                                    "a plate of sushi on a wooden table"])  # fmt: skip
def test_a_thing_of_one_origin_goes_as_written_where_it_contradicts_no_stated_origin(prompt: str) -> None:
    """The guards: with no origin stated, or one of a thing's origin never varied beside a varied one, the thing
    says nothing the decoys contradict; it stays in every candidate."""
    (word,) = {"sitar", "tortilla", "sushi"} & set(prompt.split())
    assert all(word in c for c in transform(prompt).order)


@pytest.mark.parametrize("tag", ["pinup girl, 1950s style, red lipstick, retro poster art",
                                 "goth girl, black lipstick, fishnet, choker, moody",
                                 "cyberpunk hacker girl, pink hair, glowing tattoos, neon city background",
                                 "anime boy, glasses, library, soft light"])  # fmt: skip
def test_a_bare_girl_tag_in_a_tag_list_is_a_character_not_a_child(tag: str) -> None:
    """Red team 21: "pinup girl, 1950s style, polka dot dress, red lipstick" went out as "pinup little girl, ...":
    an adult made a child, in a sexualised context. A bare "girl" or "boy" tag in a list of tags names a drawn
    character, as "1girl" does, and takes no child value; the guards below keep a child where one is said."""
    group = transform(tag)
    assert not any("little" in c for c in group.order), group.order
    assert "little girl" in transform("a girl flying a kite, beach, sunset").cloud_prompt
    assert "little girl" in transform("girl, 8 years old, playing in the snow, film").cloud_prompt
    assert "little girl" in transform("young girl, blonde pigtails, farm, sunflowers").cloud_prompt
    assert "little girl" in transform("a mother and girl, park, sunset").cloud_prompt


@pytest.mark.parametrize(("prompt", "left"), [
    ("A Russian man walking through snowy Moscow.", "A European man walking."),
    ("An Egyptian tour guide standing in front of the pyramids of Giza.", "in front of the pyramids.")])  # fmt: skip
def test_a_held_place_takes_its_adjective_and_its_of_with_it(prompt: str, left: str) -> None:
    """Red team 22: "walking through snowy Moscow" went out as "walking through snowy.", "the pyramids of Giza" as
    "the pyramids of.": a held place leaves no word that only led to it."""
    assert transform(prompt).cloud_prompt.endswith(left)
