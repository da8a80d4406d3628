"""People, round 10 of issue 11 (random Reuters-21578, Kremlin/Zelenskyy and UN texts): firms named like people after
the noun of one who works there and a preposition ("an analyst at X", "of brokers X"), and names that end in a plural
after a word the news writes in lower case, or in the plural of one ("Desperate Housewives", "X Savings"): a work's,
a firm's or a product's name, no person's.

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_the_firm_of_an_analyst_named_like_a_person_is_no_person():
    found = find_people('"Demand is soft," said Mara Quillon, an analyst at Arthur Pellow in London.\n'
                        "Arthur Pellow cut its forecast, and a dealer with Tobin Weskett agreed. Tobin Weskett sold.")
    assert found.people == ["Mara Quillon"]
    assert found.speakers == ["Mara Quillon"]


def test_a_brokers_house_is_no_person_even_when_named_again():
    found = find_people("Analyst Mara Quillon of brokers Tobin Weskett said margins would fall.\n"
                        "Tobin Weskett expects a loss this year.")
    assert found.people == ["Mara Quillon"]
    assert found.speakers == ["Mara Quillon"]


def test_a_broker_with_no_preposition_before_the_noun_is_a_person():
    found = find_people("Lisbon broker Tobin Weskett said selling would slow next week.")
    assert found.people == ["Tobin Weskett"]
    assert found.speakers == ["Tobin Weskett"]


def test_the_owner_of_a_traders_firm_and_a_name_after_the_firm_are_people():
    found = find_people("Ivo Danner, head trader for Tobin Weskett's fund, agreed to pay a fine.\n"
                        "An analyst for Kestrel Bank Mara Quillon said the fine was small.")
    assert found.people == ["Ivo Danner", "Tobin Weskett", "Mara Quillon"]


def test_a_name_ending_in_a_plural_after_a_common_word_is_a_works():
    found = find_people("Reluctant Shepherds has become the most watched drama, and its writer Ivo Danner said he was "
                        "thrilled. Hungry Tenants, a comedy, came second.")
    assert found.people == ["Ivo Danner"]


def test_a_name_ending_in_the_plural_of_a_common_word_is_a_firms():
    found = find_people("Danmoor Savings said its profit rose.\nOstrow Paints cut prices, Ivo Danner said.")
    assert found.people == ["Ivo Danner"]


def test_given_names_and_surnames_before_a_plural_keep_the_person():
    found = find_people("Rosa Parks and Norman Mills met Ivo Danner on Monday. Glen Tuckers said he was tired.")
    assert found.people == ["Rosa Parks", "Norman Mills", "Ivo Danner", "Glen Tuckers"]


def test_a_bracket_holding_a_title_and_a_given_name_is_read_away():
    found = find_people('"Little was offered when (Prime Minister Kenji) Tarumoto came here," Ann Lee told reporters.')
    assert found.people == ["Kenji Tarumoto", "Ann Lee"]


def test_a_surname_in_brackets_after_a_given_name_completes_it():
    found = find_people("She is survived by her sons, Wyndham and Zachary (Quillon), and a sister.")
    assert "Zachary Quillon" in found.people
    assert "Zachary" not in found.people


def test_brackets_holding_a_place_a_gloss_or_a_nickname_join_no_name():
    found = find_people("Ann Lee, director of Kestrel Bank (Danmoor) Ltd, said trade rose. The office (Cacex) Ivo "
                        "Danner runs was praised, and James (Jim) Quillon agreed.")
    assert "Ann Lee" in found.people and "Ivo Danner" in found.people
    assert not any(name.startswith(("Danmoor", "Cacex", "James Jim")) for name in found.people)


def test_a_word_with_a_capital_after_three_letters_is_a_products_or_a_firms():
    found = find_people("Sales of the GameVault Portable rose, and PlayDeck Mini sold out, Ivo Danner said. "
                        "Brenda FitzGerald and Ann McDonald agreed.")
    assert found.people == ["Ivo Danner", "Brenda FitzGerald", "Ann McDonald"]


def test_a_star_and_a_party_nickname_before_a_name_are_no_part_of_it():
    found = find_people("The soap ended in May.\nStar Ivo Danner said he was sad, and Lib Dem Ann Quillon agreed.")
    assert found.people == ["Ivo Danner", "Ann Quillon"]
    assert found.speakers == ["Ivo Danner", "Ann Quillon"]


def test_an_urdu_honorific_before_a_name_is_dropped():
    found = find_people("The hall was named after her. Mohtarma Ann Quillon said in 1990 that schools come first.")
    assert found.people == ["Ann Quillon"]
