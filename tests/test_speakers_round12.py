"""Speakers, issue 11 round 12 (UN statements' recall): forms of address and place words in a given speaker of record,
a post resolved by its complement ("the President of Ruritania noted") or owned ("our President stated", never the
Assembly's elected President), "On behalf of …" opening a sentence, requests and warnings as speech, a sage cited with
a quotation, "taught us that", and lists of three speakers. Sentences are our own, names invented."""

from __future__ import annotations

import pytest

from search.ingest.enrich.of_record import with_given
from search.ingest.enrich.people import find_people


def speakers(text: str) -> set[str]:
    return set(find_people(text).speakers)


@pytest.mark.parametrize(("given", "name"), [
    ("Lyonpo Tashi Wangmo", "Tashi Wangmo"),  # Bhutan's minister's style
    ("Mr. Lyonpo Tashi Wangmo", "Tashi Wangmo"),  # a style after "Mr." goes too
    ("Dasho Karma Ura Tenzin", "Karma Ura Tenzin"),
    ("Prince Haji Abdul Rahim Karim", "Abdul Rahim Karim"),  # the pilgrim's honorific after a prince's title
    ("Dato' Sri Ahmad bin Haji Yusof", "Ahmad bin Haji Yusof"),  # "Haji" inside a father's name stays
    ("Sokha Lake", "Sokha Lake"),  # a surname that is a place word: still a person
    ("Mr. Baron Tevita Lomu", "Baron Tevita Lomu"),  # after "Mr." a rank word is a given name
    ("Baron Tevita Lomu", "Baron Tevita Lomu"),  # a rank before a given name and a surname is a given name
    ("Sir Tevita Lomu", "Tevita Lomu"),  # (a title that is no given name still goes)
])
def test_speaker_of_record_drops_styles_and_keeps_place_word_surnames(given: str, name: str) -> None:
    assert with_given([given], []) == [name]


@pytest.mark.parametrize("given", ["Associated Press", "Staff Writer", "Kremlin Press Service"])
def test_a_given_value_that_names_no_person_is_still_dropped(given: str) -> None:
    assert with_given([given], []) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a post with its complement: the one person given that post with the same complement, joined to the name
    ("We convey the regards of the President of Ruritania, Boris Valdemar, to all delegations. Speaking at the summit, "
     "the President of Ruritania noted that water is life.", {"Boris Valdemar"}),
    ("We admire President Boris Valdemar of Ruritania. Later the President of Ruritania stressed that water is life.",
     {"Boris Valdemar"}),
    ("We thank His Excellency the President of the Republic of Ruritania, Mr. Boris Valdemar, for his work. The "
     "President of the Republic stressed that water is life.", {"Boris Valdemar"}),
])
def test_a_post_with_a_complement_credits_its_holder(text: str, expected: set[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    # the name is the object of another clause, not the post's holder
    "In his message to President of Ruritania Boris Valdemar, the President of Freedonia emphasised that ties are "
    "strong.",
    # a former holder holds nothing now
    "We thank former President of Ruritania Boris Valdemar. The President of Ruritania stressed that water is life.",
    # two holders with that complement: no guess
    "President Anna Holm of Ruritania met President Boris Valdemar of Ruritania. The President of Ruritania stressed "
    "that water is life.",
])
def test_a_post_with_a_complement_credits_nobody_it_does_not_name(text: str) -> None:
    assert speakers(text) == set()


@pytest.mark.parametrize("text", [
    "We welcome Ms. Anna Berg on her election as President of the General Assembly. Our President, Boris Valdemar, has "
    "worked hard. As our President stated last year, water is life.",
    "We welcome Mr. Carl Holm on his election as President of the Assembly. President Boris Valdemar of Ruritania "
    "visited us. My President has repeatedly stressed that water is life.",
])
def test_our_president_is_not_the_assemblys_elected_president(text: str) -> None:
    assert speakers(text) == {"Boris Valdemar"}


@pytest.mark.parametrize(("text", "expected"), [
    ("On behalf of my President, His Excellency Mr. Boris Valdemar, I congratulate you on your election.",
     {"Boris Valdemar"}),
    ("In response to requests from President Anna Holm, we have hosted the talks.", {"Anna Holm"}),
    ("We share Secretary-General Carl Lindqvist's warning that time is running out.", {"Carl Lindqvist"}),
    ("President Boris Valdemar has communicated to the Secretary-General our intention to graduate.",
     {"Boris Valdemar"}),
    ("Long ago, Heraclitus observed that “no man ever steps in the same river twice”.", {"Heraclitus"}),
    ("The great reformer Jonas Albrecht taught us that freedom is indivisible.", {"Jonas Albrecht"}),
    ("The sage Hillel was once asked about the law. He said, “Do not do to others what you hate.”", {"Hillel"}),
    ("Anna Berg, Carl Holm and Jonas Lind have said that the deal is dead.", {"Anna Berg", "Carl Holm", "Jonas Lind"}),
])
def test_round_12_forms_of_reported_speech(text: str, expected: set[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Long ago, the Council of Europe warned that “such acts must be punished”.",  # a body's name, not a sage
    "Long ago, Norway noted that “the river is ours”.",  # a country
    "On behalf of the people of Ruritania, I thank all delegations.",  # no person named
    "History has taught us that peace is fragile.",
])
def test_round_12_forms_credit_no_one_who_is_not_a_person(text: str) -> None:
    assert speakers(text) == set()
