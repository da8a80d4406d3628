"""Name forms that hide a person from the run rules: an age word before a lone given name, a statement's
title, a peerage after a full name, an honour glued before a name, a surname that is also a function word.
Every sentence here is invented."""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_an_age_word_makes_a_lone_given_name_a_person_and_a_speaker():
    found = find_people("Pupils marched to the town hall on Friday.\n"
                        "Fifteen-year-old Maribel, who led the march, said the park must stay open.")
    assert found.people == ["Maribel"]
    assert found.speakers == ["Maribel"]


def test_an_age_word_in_digits_after_an_article():
    found = find_people("The fire started before dawn. "
                        "The 9-year-old Tobin, who woke his parents, said he smelt smoke.")
    assert found.people == ["Tobin"]
    assert found.speakers == ["Tobin"]


def test_an_age_word_before_a_given_name_of_a_fuller_name_stands_for_the_full_name():
    found = find_people("Tobin Marlowe raised the alarm at the farm.\n"
                        "The 9-year-old Tobin, who woke his parents, said he smelt smoke.")
    assert found.people == ["Tobin Marlowe"]
    assert found.speakers == ["Tobin Marlowe"]


def test_a_lone_capitalised_word_without_an_age_word_is_still_no_person():
    assert find_people("The old Tobin farm burned down, officials said.").people == []


def test_the_author_of_a_statement_named_only_in_a_title_case_title_is_a_person_and_its_speaker():
    found = find_people("Statement by Jane Roe on the Flood Relief Effort\n"
                        "Every family hit by the floods will receive help within a week. We will rebuild.")
    assert found.people == ["Jane Roe"]
    assert found.speakers == ["Jane Roe"]


def test_remarks_and_an_address_by_a_titled_name_in_the_title():
    remarks = find_people("Remarks by Carla Mendez at the Harbour Forum\nThank you all for coming. The port is open.")
    address = find_people("Address by President Tomas Verdin to the Nation\n"
                          "Dear citizens, tonight I speak of our future.")
    assert (remarks.people, remarks.speakers) == (["Carla Mendez"], ["Carla Mendez"])
    assert (address.people, address.speakers) == (["Tomas Verdin"], ["Tomas Verdin"])


def test_title_case_words_of_a_title_not_after_by_are_still_no_person():
    found = find_people("Crowds Cheer At Maple Grove Parade\nThousands of people lined the streets on Sunday.")
    assert found.people == []


def test_a_peers_title_after_a_full_name_is_the_same_person():
    found = find_people("The appeal was heard by Colin Sutherland, Lord Carloway, who said the sentence was too light. "
                        "Lord Carloway added that the case was unusual.")
    assert found.people == ["Colin Sutherland"]
    assert found.speakers == ["Colin Sutherland"]


def test_peers_in_a_list_after_a_full_name_are_people_of_their_own():
    found = find_people("The guests were Ann Whitcombe, Lord Brandish and Lady Fenwick. "
                        "Lord Brandish said it was cold.")
    assert "Ann Whitcombe" in found.people
    assert "Brandish" in found.people
    assert found.speakers == ["Brandish"]


def test_an_honour_glued_before_a_name_is_no_part_of_it():
    found = find_people("The medal went to Bharat Ratna Ravindra Kulkarni, who said he was humbled. "
                        "Padma Shri Anjali Deshmane said the honour was unexpected.")
    assert found.people == ["Ravindra Kulkarni", "Anjali Deshmane"]
    assert found.speakers == ["Ravindra Kulkarni", "Anjali Deshmane"]


def test_an_honour_alone_is_no_person_and_a_laureate_keeps_only_the_name():
    found = find_people("Padma Bhushan awardee Anjali Deshmane met Nobel laureate Tomasz Wielgus, "
                        "who said he was glad.")
    assert found.people == ["Anjali Deshmane", "Tomasz Wielgus"]
    assert found.speakers == ["Tomasz Wielgus"]


def test_a_function_word_after_a_known_first_name_is_a_surname():
    found = find_people("The board met on Tuesday. Martin How said the report was late, and Sarah Little agreed.")
    assert found.people == ["Martin How", "Sarah Little"]
    assert found.speakers == ["Martin How", "Sarah Little"]  # (agreeing that closes a sentence agrees with a view)


def test_a_function_word_opening_a_title_case_title_or_after_an_unknown_name_stays_a_word():
    found = find_people("Why Martin How Left\nThe board met on Tuesday. Later Vexlor How arrived.")
    assert found.people == []


def test_a_later_untitled_mention_of_a_lone_name_made_a_person_by_an_age_word_is_the_same_speaker():
    found = find_people("Pupils marched to the town hall.\nFifteen-year-old Maribel led the march.\n"
                        "\"We want the park to stay,\" Maribel said.")
    assert found.speakers == ["Maribel"]


def test_an_untitled_lone_word_without_any_titled_mention_stays_no_person():
    assert find_people("Pupils marched to the town hall. \"We want the park to stay,\" Maribel said.").people == []
