"""People, round 9 of issue 11 (random Reuters-21578, Kremlin/Zelenskyy and UN texts, and the retired held-out parts):
a person named only by the office, government or era they head ("the X administration": gold calls of rounds 7
and 8), who does not speak when the office does.

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_a_surname_heading_an_administration_is_a_person():
    found = find_people("The Tarrant administration is weighing new tariffs on steel, trade officials said.")
    assert found.people == ["Tarrant"]
    assert found.speakers == []


def test_a_capitalised_administration_and_a_sentence_opening_the_name_it_too():
    found = find_people("Officials of the Tarrant Administration met bankers.\nThe Ostrow presidency ended in May.")
    assert found.people == ["Tarrant", "Ostrow"]


def test_the_holder_named_in_full_elsewhere_is_one_person():
    found = find_people("Velma Tarrant took office in May. Critics of the Tarrant administration said it was slow.")
    assert found.people == ["Velma Tarrant"]


def test_the_office_speaking_gives_its_holder_no_speech():
    found = find_people("The Tarrant administration said on Monday it would veto the bill.")
    assert found.people == ["Tarrant"]
    assert found.speakers == []


def test_a_government_takes_only_a_surname_for_its_head():
    found = find_people("Critics of the Hollins government and of the Quellon government met in Danmoor.")
    assert found.people == ["Hollins"]


def test_places_peoples_and_bodies_before_an_office_name_no_person():
    found = find_people("The Japanese government, the Bonn cabinet, the Federal administration and the Texas "
                        "administration all objected, said analyst Mara Quillon.")
    assert found.people == ["Mara Quillon"]


def test_an_office_noun_opening_a_longer_name_names_no_person():
    found = find_people("Bonds of the Tarrant Administration Pension Fund rose, said analyst Mara Quillon.")
    assert found.people == ["Mara Quillon"]


def test_a_name_broken_at_a_hard_wrapped_line_that_opens_a_paragraph_is_one_name():
    found = find_people("FARM AGENCY SEEKS FUNDS\nThe agency said it would ask for more money.\n    The agency's "
                        "Farm Export Service Administrator Orrin\nTavell told Reuters the agency could owe 20 mln "
                        "dlrs.\n")
    assert found.people == ["Orrin Tavell"]


def test_the_first_line_after_a_title_broken_inside_a_name_is_one_name():
    found = find_people("BUDGET SEEN NEUTRAL\nKestria's Finance Minister Orrin\nTavell is expected to announce a "
                        "neutral budget, bankers said.\n")
    assert found.people == ["Orrin Tavell"]


def test_names_one_a_line_and_table_rows_stay_apart():
    found = find_people("BOARD NAMED\nThe board is:\nOrrin Tavell\nMara Quillon\nIvo Danner\n")
    assert found.people == ["Orrin Tavell", "Mara Quillon", "Ivo Danner"]
    rows = find_people("ACME CORP RESULTS\nShr 12 cts vs 10 cts\n    Net 1,200 vs 1,000\n    Six Mths\n    Shr loss "
                       "20 cts vs profit 11 cts\n")
    assert rows.people == []


def test_an_indented_paragraph_after_a_name_ends_it():
    found = find_people("BOARD CHANGE\nThe company named Ivo Danner chairman to replace acting chairman\nOrrin "
                        "Tavell\n     Danner was formerly a vice president, the company said.\n")
    assert "Orrin Tavell Danner" not in found.people
    assert "Orrin Tavell" in found.people


def test_a_titled_full_name_whose_surname_is_also_a_countrys_alias_is_a_person():
    found = find_people("Exchange Chairman Maurice Mann said volume rose, and Finance Minister Richard Hu agreed.")
    assert found.people == ["Maurice Mann", "Richard Hu"]


def test_a_possessive_before_an_office_names_its_holder_too():
    found = find_people("Critics of Tarrant's administration met. After the fall of the Al-Varesh's regime, "
                        "Japan's government and Britain's cabinet met.")
    assert found.people == ["Tarrant", "Al-Varesh"]


def test_capitalised_terms_with_two_words_the_news_writes_in_lower_case_name_no_person():
    found = find_people("Kestria's Gross Domestic Product rose and the Centrally Planned Economies lagged, said "
                        "economist Mara Quillon.")
    assert found.people == ["Mara Quillon"]
