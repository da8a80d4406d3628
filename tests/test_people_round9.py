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
