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


def test_a_person_before_and_another_firms_name_is_still_a_person():
    found = find_people("The suit names Martin T. Ostrow and Ostrow Partners, Ada Quell and\nVellon Textiles Inc, "
                        "and Boyd Harrow and Harrow Group Inc.")
    assert found.people == ["Martin T. Ostrow", "Ada Quell", "Boyd Harrow"]


def test_a_person_after_an_english_bodys_name_is_still_a_person():
    found = find_people("The trade envoy of the European Community Tran Van Dinh said talks went on, and Securities "
                        "Commission Ivo Danner agreed.")
    assert found.people == ["Tran Van Dinh", "Ivo Danner"]


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


def test_a_hyphenated_given_name_that_opens_with_a_months_or_the_suns_word_is_a_name():
    found = find_people("Central bank deputy Jan-Hendrik Vellon said the rate would hold. Vellon spoke on Monday.")
    assert found.people == ["Jan-Hendrik Vellon"]


def test_a_given_names_syllable_in_ing_is_no_gerund():
    found = find_people("Study co-author Tak-Sing Wong said the coating works. Wong leads the laboratory.")
    assert found.people == ["Tak-Sing Wong"]


def test_a_hyphenated_gerund_and_a_calendar_compound_stay_no_names():
    found = find_people("Long-Lasting Effects were reported. Record-Breaking Heat hit Sun-Belt towns, said Ada Quell.")
    assert found.people == ["Ada Quell"]


def test_a_name_before_a_stock_symbol_or_in_angle_brackets_is_a_company():
    found = find_people("Harlow Vane <HVAN> and Tolver Kogyo KK <TOLV.T> agreed to buy <Ostler Leasing>, and\n"
                        "Dunmore Quill\n<DQUL ST> said it would bid. Harlow Vane said talks went on, analyst Ada "
                        "Quell said.")
    assert found.people == ["Ada Quell"]


def test_a_person_before_an_address_in_angle_brackets_is_still_a_person():
    found = find_people("Ivo Danner <ivo.danner@example.org> wrote that the plan works.")
    assert found.people == ["Ivo Danner"]


def test_glued_initials_before_a_surname_make_a_name():
    found = find_people("The stock was cheap, director H.P. Vellon said, and chairman Q.R.S. Ostrow agreed.")
    assert found.people == ["H.P. Vellon", "Q.R.S. Ostrow"]


def test_a_places_or_a_firms_letters_are_no_initials():
    found = find_people("U.S. Banks lent more, N.Y. Traders said, and U.K. Traders agreed. Ada Quell of the "
                        "N.Z.\nDollar desk agreed.")
    assert found.people == ["Ada Quell"]
