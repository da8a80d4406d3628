"""People, round 5 (issue 11): things, animals, events and characters named like people, and two name forms.

Every sentence here is our own, not copied from a corpus.
"""

from __future__ import annotations

import pytest

from search.ingest.enrich.lookalike_cues import caption_line, fiction_dense
from search.ingest.enrich.people import find_people
from search.ingest.enrich.person_names import shared_surname


def people(text: str) -> list[str]:
    return find_people(text).people


@pytest.mark.parametrize("text, thing", [
    ("The auction raised money for Paw Haven, a non-profit rescue organization in Dunmore.", "Paw Haven"),
    ("Marigold Fizz, a dragon, led the parade.", "Marigold Fizz"),
    ("Visitors met Sir Bramble, the museum's mascot, at the door.", "Bramble"),
    ("The twelfth Velvet Solstice, an annual event for costume makers, opened on Friday.", "Velvet Solstice"),
])
def test_a_name_set_off_by_a_kind_of_thing_animal_or_event_is_no_person(text, thing):
    assert not any(thing in name for name in people(text))


@pytest.mark.parametrize("text, person", [
    ("Orla Dunphy, a company director, said the deal was done.", "Orla Dunphy"),
    ("Kenji Moreau, a member of the club, won the race.", "Kenji Moreau"),
    ("Talia Brook, a 45-year-old dog lover, adopted three.", "Talia Brook"),
    ("Ruben Osei, a Kremlin insider, spoke to us.", "Ruben Osei"),
    ("The board elected Ivo K. Brandstetter, a business\nconsultant, to be president.", "Ivo K. Brandstetter"),
])
def test_an_appositive_about_a_person_keeps_the_person(text, person):
    assert people(text) == [person]


def test_a_name_known_within_a_group_as_another_is_a_second_name():
    text = ('Guests Orla and Kenji Brannock, known within the community as "Sunny and Drift Badger", ran a class. '
            "Kenji Brannock said it went well.")
    found = people(text)
    assert "Drift Badger" not in found and "Kenji Brannock" in found


def test_characters_named_in_a_pair_after_the_cue_are_no_people():
    text = "She hoped to voice the characters Sailor Quill and Sailor Fennick. Dara Holt, her agent, agreed."
    assert people(text) == ["Dara Holt"]


def test_a_run_after_a_negative_contraction_is_a_title():
    text = "The couple sell suits under the name Don't Pet Badgers. Won't Stop Lena Marsh is their next film."
    assert people(text) == []


def test_a_ship_named_after_a_person_is_no_mention_of_the_person():
    text = ("The charity renamed its vessel, MV Tamsin Orr, after the girl. Tamsin Orr drowned in 2016. "
            "The ship was previously MV Professor Edgar Lindqvist.")
    assert people(text) == ["Tamsin Orr"]


def test_the_last_place_of_a_list_after_in_is_no_person():
    text = "Branches stayed open in Sao Paulo and Vila Serena, Joana Prates said."
    assert people(text) == ["Joana Prates"]


def test_a_lowercase_d_apostrophe_particle_is_part_of_the_surname():
    text = "He served under President Armand Valcourt d'Estienne. Valcourt d'Estienne retired in 1981."
    assert people(text) == ["Armand Valcourt d'Estienne"]


def test_two_given_names_before_one_surname_are_two_people():
    assert people("The victims were Susan and Edward Brandle of Dover.") == ["Susan Brandle", "Edward Brandle"]


def test_a_surname_before_and_then_the_full_name_is_no_pair_of_given_names() -> None:
    """ "Morgan and Nancy Morgan": the first word is the husband's surname, so no "Morgan Morgan"."""
    text = "Morgan and Nancy Morgan waved from the car."
    assert shared_surname(text, len("Morgan"), "Morgan", {"morgan", "nancy"}) == ""
    assert shared_surname("Joanne and Edward Corr waved.", len("Joanne"), "Joanne", {"joanne", "edward"}) == "Corr"
    assert people("The shop John and Paul Smith Ltd was sold.") == []  # a firm, no pair of people


_GALLERY = """Fans flock to Maple Comic Con

Thousands of fans of comics, anime and film came to the convention in costume. Cosplay contests, film panels and
comic artists filled the halls; many cosplayers dressed as characters from their favourite anime, comics and films.
Comic artist Wren Halloway said the convention keeps growing.


Wren Halloway signs comics


Captain Ferro


Misty Vale and Doctor Quasar


Cosplayer Juno Ashby


Ivo Sterling as Lord Grimsby
"""


def test_a_caption_only_name_in_a_text_about_fiction_is_a_character():
    found = people(_GALLERY)
    assert "Wren Halloway" in found and "Juno Ashby" in found and "Ivo Sterling" in found
    assert not {"Misty Vale", "Ferro", "Captain Ferro", "Quasar", "Doctor Quasar", "Lord Grimsby"} & set(found)


def test_caption_names_stay_people_when_the_text_is_not_about_fiction():
    text = """Council votes on the new bridge

The council approved the bridge on Tuesday after a long debate about its cost and the traffic on the old road.
Mayor Ines Calder called it a good day for the town.


Misty Vale and Tobias Renn
"""
    assert not fiction_dense(text)
    assert {"Misty Vale", "Tobias Renn"} <= set(people(text))


def test_a_caption_is_a_short_line_between_blank_lines():
    text = "Title line\n\nA long paragraph with a name, Ada Lin, in it and many more words after it here.\n\nAda Lin\n"
    assert not caption_line(text, text.index("Ada"))
    assert caption_line(text, text.rindex("Ada"))
    assert not caption_line(text, 0)


@pytest.mark.parametrize("text, person", [
    ("The economist Ravindra Sen won the prize. Sen said poverty was a choice.", "Ravindra Sen"),
    ("Kavita Sen, a teacher, told reporters the school was shut.", "Kavita Sen"),
    ("Sen. Lloyd Farrow said the bill was useful.", "Lloyd Farrow"),
    ("Sen Lloyd Farrow said the bill was useful.", "Lloyd Farrow"),
])
def test_sen_is_a_surname_after_a_given_name_and_a_title_before_one(text, person):
    assert find_people(text).people == [person]
    assert find_people(text).speakers == [person]


def test_every_name_of_a_list_after_a_character_cue_is_a_character():
    text = "Fans came dressed as characters such as Zorin Vale, Mira Quell and Tobin Ash. Dana Holt said it was fun."
    assert people(text) == ["Dana Holt"]
    assert people("The film stars Ann Lee, Tom Hart and Bo Quill.") == ["Ann Lee", "Tom Hart", "Bo Quill"]


def test_a_lone_name_after_a_job_only_people_have_is_a_person():
    found = find_people("Cosplay model and professional singer Zorvana attended. Zorvana said it was fun.")
    assert found.people == ["Zorvana"] and found.speakers == ["Zorvana"]
    assert people("The striker Quillo scored twice.") == ["Quillo"]
    # a full name cut at a common word leaves no person of one name behind
    assert people("The rapper Kanye Rivers campaigned; rivers flooded.") == []
