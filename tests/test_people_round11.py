"""People, round 11 of issue 11 (precision on general news): runs that look like a person's name but whose neighbours
show a thing — an acronym's expansion in brackets, a maker's model, a home town before "man", an employer after a
person's full name and "of", a thing owned after "our"/"its" — and adverbs glued before a name at a quote's start.

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_an_acronyms_expansion_in_brackets_is_no_person():
    found = find_people("Mara Quillon said every member should add a line to the TQ [Tavora Quintane].\n"
                        'Her team runs a KV (Kessel Vantor) group too, she said.')
    assert found.people == ["Mara Quillon"]


def test_a_makers_model_is_no_person():
    found = find_people("The fire began in a 2009 Opel Vantara parked outside, said fire officer Tobin Weskett.\n"
                        "A GM Corvana Estate costs far more here, he added, than a Ford Pellow.")
    assert found.people == ["Tobin Weskett"]


def test_a_make_that_is_a_given_name_does_not_hide_a_person():
    found = find_people("Mercedes Quillon, a singer, said the concert would go ahead.")
    assert found.people == ["Mercedes Quillon"]


def test_a_home_town_before_a_persons_noun_is_no_person():
    found = find_people("Police arrested a 41-year-old Harrowgate man on Sunday, inspector Ann Weskett said.")
    assert found.people == ["Ann Weskett"]


def test_a_lone_name_after_an_age_word_is_still_a_person():
    found = find_people("Fourteen-year-old Zoe, who led the march, said the town must act.")
    assert found.people == ["Zoe"]


def test_the_firm_after_a_persons_name_and_of_is_no_person():
    found = find_people('"Prices will hold," said Maria Quillon of Pellow Vantage.\n'
                        "Bob Harrow at Tobin Weskett expects a cut.")
    assert found.people == ["Maria Quillon", "Bob Harrow"]


def test_a_person_after_a_persons_name_and_of_is_kept_when_named_alone_too():
    found = find_people("Ann Doe of Lara Quillon Associates praised the plan. Lara Quillon said she agreed.")
    assert "Lara Quillon" in found.people


def test_a_thing_after_a_possessive_determiner_is_no_person():
    found = find_people("For more, visit our Front Desk, said Ann Weskett.\n"
                        "The firm said its Harrow Vantage unit would be sold.")
    assert found.people == ["Ann Weskett"]


def test_an_adverb_opening_a_quote_is_not_glued_to_a_name():
    found = find_people('"Obviously Pellow-Vantage staff feel let down," Mara Quillon said.\n'
                        '"Unfortunately Tobin Weskett was away," she added.')
    assert found.people == ["Mara Quillon", "Tobin Weskett"]


def test_places_taken_by_troops_are_no_people():
    found = find_people("Government troops entered Kessa Dorn and Vell Orran yesterday, spokesman Ann Weskett said.")
    assert found.people == ["Ann Weskett"]


def test_the_places_of_a_plural_place_noun_are_no_people():
    found = find_people("A bridge will join the settlements of Vorna Kessa and Dorva, minister Ann Weskett said.")
    assert found.people == ["Ann Weskett"]


def test_words_after_a_particle_that_follows_no_name_are_a_bodys_name():
    found = find_people("The trial was run by the Institut Central de Recherche Vantoise, said Ann Weskett.")
    assert found.people == ["Ann Weskett"]


def test_a_name_with_a_particle_inside_stays_a_person():
    found = find_people("Charles de Vantoise said the trial went well.")
    assert found.people == ["Charles de Vantoise"]


def test_a_surname_spelt_two_ways_with_the_same_given_name_is_one_person():
    found = find_people("Dorin Vasquellari won the final. Later Dorin Vasquelari said he was glad. "
                        "Dorin Vasquellari thanked his coach.")
    assert found.people == ["Dorin Vasquellari"]


def test_given_names_that_differ_keep_two_people_with_one_surname():
    found = find_people("Daniel Vantorre and Daniela Vantorre said they would appeal.")
    assert found.people == ["Daniel Vantorre", "Daniela Vantorre"]


def test_a_lone_surname_one_slip_from_a_full_names_is_that_person():
    found = find_people("Dorin Vasquellari said the vote was fair. Mr. Vasquelari added that he would stay.")
    assert found.people == ["Dorin Vasquellari"]
    assert found.speakers == ["Dorin Vasquellari"]


def test_a_lone_given_name_a_letter_longer_than_one_written_before_is_that_person():
    found = find_people("A Danish chef named Torvald chased the thief. Later a witness said a chef named Thorvald "
                        "had chased him.")
    assert found.people == ["Torvald"]


def test_a_feminine_surname_and_two_letter_changes_name_other_people():
    found = find_people("Dmitri Vantorov spoke first. Mrs. Vantorova smiled. Steve Bannoch and Mr. Barroch left.")
    assert set(found.people) == {"Dmitri Vantorov", "Vantorova", "Steve Bannoch", "Barroch"}


def test_a_titled_person_whose_name_also_names_a_foundation_stays_a_person():
    found = find_people("Singer Jane Vantorre dies at 90\nIn 1987 she founded the Jane Vantorre Trust, "
                        "friends said.")
    assert found.people == ["Jane Vantorre"]


def test_a_name_seen_only_in_a_bodys_name_is_no_person():
    found = find_people("The Jane Vantorre Animal Trust opened a shelter, director Ann Weskett said.")
    assert found.people == ["Ann Weskett"]
