"""People: look-alikes of names that are no person (second names, characters, works, products, addresses,
holidays, things named after a saint) and relatives named by a first name only (issue 11, round 3).

Every sentence here is our own, not copied from a corpus.
"""

from __future__ import annotations

import pytest

from search.ingest.enrich.people import find_people


def people(text: str) -> list[str]:
    return find_people(text).people


@pytest.mark.parametrize("text, alias", [
    ("Tomas Brandvik, who fought under the ring name Iron Vulture, retired. As Iron Vulture, Brandvik won twice.",
     "Iron Vulture"),
    ("Critics praised Mara Ellstrom, also known as Queen Sorrel, for the role. Queen Sorrel returns next year.",
     "Queen Sorrel"),
    ("The novelist Ruth Okafor wrote under the pen name Delia Marsh; Delia Marsh sold millions.", "Delia Marsh"),
    ("Jed Forbes loved his persona as Mr. Grim Hollow. Grim Hollow was a villain.", "Grim Hollow"),
])
def test_a_second_name_is_no_person_of_its_own_anywhere_in_the_text(text, alias):
    found = people(text)
    assert alias not in found and not any(alias in name for name in found)
    assert len(found) == 1


@pytest.mark.parametrize("text", [
    "She took on the role of Hester Crane in the new production.",
    "He played the title role of Duke Ormond in the revival.",
    "As a child he voiced Penny Lark in the cartoon.",
    "Children will love the sitcom Lara Voss and the Tomb, out on Friday.",
    "The studio's new video game Orin Falk sold a million copies.",
])
def test_roles_voiced_characters_and_works_are_no_people(text):
    assert people(text) == []


def test_the_actor_after_played_by_or_voiced_by_is_a_person():
    found = people("The characters played by Oren Galt were cheered. The fox is voiced by Ilse Varga.")
    assert found == ["Oren Galt", "Ilse Varga"]


@pytest.mark.parametrize("text, person", [
    ("Doctors at Saint Bridget Hospital were ready. Dr. Owen Pike at Saint Bridget said the wards were full.",
     "Owen Pike"),
    ("A restored Lockheed C-47 Silver Swallow crashed; pilot Dana Rooks survived.", "Dana Rooks"),
    ("Detectives met the witness at 12 Rue des Lilas before Inspector Paul Garnier arrived.", "Paul Garnier"),
    ("Parliament returned after its Easter Recess, and Helen Marsh spoke first.", "Helen Marsh"),
])
def test_things_products_addresses_and_breaks_are_no_people(text, person):
    assert people(text) == [person]


def test_a_person_after_the_presidency_of_is_a_person():
    found = people("Historians judged the Presidency of Walter Greaves harshly; Walter Greaves disagreed.")
    assert found == ["Walter Greaves"]


@pytest.mark.parametrize("text, relatives", [
    ("Karl Endres died on Sunday. His widow, Denise, thanked the nurses.", ["Denise"]),
    ("Anna Rusk is survived by her husband Peter and their children Elizabeth and Susan.",
     ["Peter", "Elizabeth", "Susan"]),
    ("Marco Villa leaves his wife, Amanda, and two daughters.", ["Amanda"]),
])
def test_a_relative_named_by_a_known_first_name_is_a_person(text, relatives):
    found = people(text)
    assert found[1:] == relatives


def test_a_given_name_after_a_relative_noun_need_not_be_a_known_first_name():
    assert people("Rita Holm thanked her sons, Zorvex and Quillan, for the flowers.") == ["Rita Holm", "Zorvex",
                                                                                          "Quillan"]


def test_a_place_after_a_relative_noun_is_no_relative():
    assert people("Rita Holm visited her daughter in Canada and her son, Canada's envoy.") == ["Rita Holm"]


def test_a_year_before_a_name_is_no_house_number():
    assert people("In 2019 Jane Corliss won the race.") == ["Jane Corliss"]


def test_a_role_after_a_cast_members_name_is_no_person():
    found = people("The remake stars Hal Brenner as Otto Quill, and Vera Nagy as Lotte Quill in the lead.")
    assert found == ["Hal Brenner", "Vera Nagy"]


def test_a_name_after_as_that_starts_a_clause_is_a_person():
    found = people("The mayor thanked Hal Brenner as Vera Nagy looked on.")
    assert found == ["Hal Brenner", "Vera Nagy"]


def test_a_player_after_the_game_is_a_person():
    assert people("After the game Orin Falk said the team had played well.") == ["Orin Falk"]


@pytest.mark.parametrize("text, person", [
    ("The court heard a character witness Nadia Orlov speak for the accused.", "Nadia Orlov"),
    ("Critics voiced concern over Nadia Orlov's plan.", "Nadia Orlov"),
    ("Reporters asked about the role of Nadia Orlov in the deal.", "Nadia Orlov"),
])
def test_role_and_voice_words_before_a_real_person_reject_no_one(text, person):
    assert people(f"{text} Later {person} met the press.") == [person]
