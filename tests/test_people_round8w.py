"""People, round 8 continued (general news): a rank and a lone name before a vessel's, a building's or a place's
noun name the thing, not a person; a name that is also a building's word ("Hall", "Park") ends a person's name
after a personal title.

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_a_rank_and_a_lone_name_before_a_vessels_or_a_buildings_noun_name_a_thing():
    found = find_people("Nine cases were found aboard the Sergeant Wexley supply vessel, and the crew went to a "
                        "Colonel Brisk hospital, said Mara Quillon.")
    assert found.people == ["Mara Quillon"]


def test_a_rank_and_a_lone_name_before_a_verb_or_a_possessive_stay_a_person():
    found = find_people("Sergeant Wexley said the vessel was safe. Colonel Brisk's ship docked, and Colonel "
                        "Brisk supporters cheered.")
    assert found.people == ["Wexley", "Brisk"]


def test_a_building_word_after_a_personal_title_and_a_name_is_a_surname():
    found = find_people("Judge Orwin Hall QC sentenced them. Reverend Tamsin Park and Mr Oleg Hall spoke.")
    assert found.people == ["Orwin Hall", "Tamsin Park", "Oleg Hall"]


def test_a_building_word_after_a_regnal_title_or_before_more_words_stays_a_things():
    found = find_people("The concert was at Queen Imelda Hall, near Vellon Park and King Oswin Park.")
    assert found.people == []


def test_a_name_inside_a_quoted_title_that_goes_on_after_it_is_no_person():
    found = find_people("He wrote songs such as \"Pale Moon\", \"Uncle Jem's Band\" and \"Mister Vane Goes North\", "
                        "said Tom Orrin.")
    assert found.people == ["Tom Orrin"]


def test_a_quoted_name_alone_or_opening_quoted_speech_stays_a_person():
    found = find_people("\"Jem Vallory is right,\" said Tom Orrin, who called Ada Quell \"a friend\".")
    assert found.people == ["Jem Vallory", "Tom Orrin", "Ada Quell"]


def test_father_and_son_with_two_generation_suffixes_are_two_people():
    found = find_people("CHAIRMAN NAMED\nVellon Inc said vice chairman Ada Vane Jr., 40, was named chairman, "
                        "succeeding his father Ada Vane\nSr., 67. Vane said the board agreed, and Ivo Danner III met "
                        "Ivo Danner II.")
    assert found.people == ["Ada Vane Jr.", "Ada Vane Sr.", "Ivo Danner III", "Ivo Danner II"]


def test_one_generation_suffix_is_the_same_person_as_the_name_without_it():
    found = find_people("Ada Vane Jr. opened the store. Ada Vane said sales rose, and Vane smiled.")
    assert found.people == ["Ada Vane Jr."]


def test_a_name_ending_a_list_of_places_after_a_common_place_is_a_place():
    found = find_people("Marchers set off at the pier, Vellon Point, and Oswin Tarr early on, said Tom Vane.")
    assert found.people == ["Tom Vane"]


def test_a_name_after_a_common_place_and_and_alone_stays_a_person():
    found = find_people("They met at the station and Oswin Tarr arrived.")
    assert found.people == ["Oswin Tarr"]


def test_a_name_after_a_things_noun_and_called_is_the_things():
    found = find_people("Bones were found at a cave site called Vell Orin and in a missile program named Pale "
                        "Harrow, said Tom Vane.")
    assert found.people == ["Tom Vane"]


def test_a_name_after_a_persons_noun_and_called_stays_a_person():
    found = find_people("He met a man named Ivo Danner and a chef called Oswin Tarr.")
    assert found.people == ["Ivo Danner", "Oswin Tarr"]
