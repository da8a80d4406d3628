"""People, round 8 of issue 11 (random Reuters-21578 newswire articles and the retired held-out parts): firms named
like people in business news (the first half of a firm's name before "and … Co", also across a hard-wrapped line;
the rest of a name whose head noun comes first, as in French or Italian; a listed company in a market report).

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_the_first_half_of_a_firms_name_before_and_a_company_form_is_no_person():
    found = find_people("The notes were placed by Tolver Harrow and Quill Inc, Dunmore Beck and\nCo and Ostler Vane "
                        "and Rubber Co, said analyst Mara Quillon.")
    assert found.people == ["Mara Quillon"]


def test_a_person_before_and_with_no_company_form_is_still_a_person():
    found = find_people("The award went to Tolver Harrow and Quill Danner, said Mara Quillon.")
    assert found.people == ["Tolver Harrow", "Quill Danner", "Mara Quillon"]


def test_a_name_going_on_after_a_head_noun_of_another_language_is_no_person():
    found = find_people("Lead manager Banque Centrale Ostrava de Lys said the issue was sold. The Cie Financiere "
                        "de Vellon and Regie Nationale des Usines Tarrant also bid, and Cassa di Risparmio di "
                        "Velletri followed, said economist Ivo Danner.")
    assert found.people == ["Ivo Danner"]


def test_a_person_after_a_bodys_possessive_or_a_title_is_still_a_person():
    found = find_people("The Lakeside Rights Fund's Ada Quell said the ruling was wrong. This Week With Ivo Danner "
                        "aired on Sunday.")
    assert found.people == ["Ada Quell", "Ivo Danner"]


def test_a_name_whose_share_price_moves_is_a_listed_company():
    found = find_people("Tolver Mining added 20 to 5.70 and Harlow Vane closed 40 up at 7.40, while Ostler Beck "
                        "was steady at 39.00 and Dunmore Quill put on 10 to 24.30, dealer Ada Quell said.")
    assert found.people == ["Ada Quell"]


def test_a_politician_rising_in_a_poll_is_still_a_person():
    found = find_people("Former minister Ivo Danner rose two points to 18 pct in the latest poll.")
    assert found.people == ["Ivo Danner"]
