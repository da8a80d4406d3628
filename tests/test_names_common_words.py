"""Names that are also common words, in a text that writes the word in lower case too (round 13 of issue 11):
a surname kept on evidence in the text ("Mr Fox", a given name before it, a Korean given name after it), things
and bare common words left alone, and the Burmese forms of address "U" and "Daw" and the syllable "San".

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_a_surname_after_a_given_name_stays_although_the_text_writes_it_in_lower_case():
    found = find_people("Nora Bell rang the bell at noon. \"It was loud,\" Bell said.")
    assert found.people == ["Nora Bell"]
    assert found.speakers == ["Nora Bell"]


def test_a_surname_after_a_form_of_address_stays():
    assert find_people("Mr Fox said the fox had escaped from the farm.").people == ["Fox"]
    assert find_people("Dr Wolf warned that a wolf had been seen near the school.").speakers == ["Wolf"]


def test_one_titled_use_makes_the_word_a_name_throughout_the_text():
    found = find_people("We lost the key, Key said on Monday. Later Mr Key apologised to Tomas Key.")
    assert found.people == ["Tomas Key"]
    assert found.speakers == ["Tomas Key"]


def test_a_korean_surname_before_a_hyphenated_given_name_stays():
    found = find_people("Song Min-jae sang a song at the rally. Song Min-jae said he was happy.")
    assert found.people == ["Song Min-jae"]


def test_a_common_word_without_evidence_stays_a_common_word():
    assert find_people("Key workers got a bonus, and the key question is the cost.").people == []
    assert find_people("Miss Universe toured the city; the universe is big, she joked.").people == []


def test_a_given_name_before_a_word_that_is_no_surname_names_a_thing():
    assert find_people("Crowds filled the Victoria Memorial, a memorial to the queen.").people == []
    assert find_people("Floods hit the Jordan Valley and the valley road was shut.").people == []


def test_burmese_forms_of_address_are_titles_before_a_name_of_two_words():
    found = find_people("U Kyaw Zeya told the council that talks would resume.")
    assert found.people == ["Kyaw Zeya"]
    assert find_people("Daw Khin San Mya spoke at the opening.").people == ["Khin San Mya"]


def test_san_inside_a_burmese_name_does_not_cut_it():
    assert find_people("Mya Than San Oo said the vote was fair.").people == ["Mya Than San Oo"]
    assert find_people("Ko Lin San Htay visited San Marcos.").people == ["Ko Lin San Htay"]


def test_a_real_initial_u_is_kept():
    assert find_people("U. Tarin Dorne said the bridge was safe.").people == ["U. Tarin Dorne"]
    assert find_people("Ravi U Menon said the fund would grow.").people == ["Ravi U Menon"]
