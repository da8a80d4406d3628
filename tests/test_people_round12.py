"""People, round 12 of issue 11 (precision on general news): frames no person stands in (a share figure before a
firm, a tally of seats after a party), demonyms and honorifics of other languages glued before a name, and a given
name and a surname that are both common words ("Bob White").

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_a_firm_after_a_share_figure_is_no_person():
    found = find_people("Holders are 21.5 pct Dunmore Hale, 17.2 pct Alder Brinkley and 9.8 pct Tobin Weskett Corp, "
                        "broker Mara Quillon said.")
    assert found.people == ["Mara Quillon"]


def test_a_firm_after_a_stake_is_no_person():
    found = find_people("Orvane Inc bought a 12 pct stake in Dunmore Hale last year. Dunmore Hale did not comment.")
    assert found.people == []


def test_a_person_whose_surname_names_the_firm_in_the_frame_stays():
    found = find_people("Orvane owns 20 pct of Weskett. Tobin Weskett, founder of the brokerage, said he would stay.")
    assert found.people == ["Tobin Weskett"]
    assert found.speakers == ["Tobin Weskett"]


def test_a_titled_name_after_a_figure_stays_a_person():
    found = find_people("The fund sold 5 pct Dunmore Hale shares, said Mr Dunmore Hale, who owns it.")
    assert found.people == ["Dunmore Hale"]


def test_a_party_before_a_tally_of_seats_is_no_person():
    found = find_people("Results: Unity Front - 212 seats, Cymru Vantor - 4 seats, Alder Brinkley (3 seats). "
                        "Leader Mara Quillon said the result was fair.")
    assert found.people == ["Mara Quillon"]


def test_a_party_that_won_seats_is_no_person():
    found = find_people("Cymru Vantor won 12 seats in the vote, its leader Ann Weskett said.")
    assert found.people == ["Ann Weskett"]


def test_a_candidate_who_won_a_seat_is_a_person():
    found = find_people("Tobin Weskett won a seat in the vote after a long campaign, he said.")
    assert found.people == ["Tobin Weskett"]


def test_a_demonym_before_a_name_is_dropped():
    found = find_people("Croatian Luka Vantor beat Spaniard Tomas Quillon, and Ethiopians Abebe Dunmore and "
                        "Tiru Hale came third and fourth.")
    assert found.people == ["Luka Vantor", "Tomas Quillon", "Abebe Dunmore", "Tiru Hale"]


def test_a_demonym_that_is_also_a_name_is_kept():
    found = find_people("Dane Quillon said the show would return, and Tomas Dane agreed.")
    assert found.people == ["Dane Quillon", "Tomas Dane"]


def test_honorifics_of_other_languages_are_dropped():
    found = find_people("Sayyid Hassan Vantori met Comandante Luis Quillon, and both honoured Mwalimu Joseph Weskett "
                        "and Pandit Ravi Dunmore.")
    assert found.people == ["Hassan Vantori", "Luis Quillon", "Joseph Weskett", "Ravi Dunmore"]


def test_a_given_name_and_a_surname_that_are_both_common_words():
    found = find_people("Union leader Bob White said talks would go on. Jack Black and Bill Price agreed.")
    assert found.people == ["Bob White", "Jack Black", "Bill Price"]
    assert "Bob White" in found.speakers


def test_a_given_name_before_a_place_word_is_no_person():
    found = find_people("Crowds gathered in Grant Park on Sunday, officer Ann Weskett said.")
    assert found.people == ["Ann Weskett"]


def test_a_police_body_named_after_a_title_is_no_person():
    found = find_people("We honour Colonel Jane Roe of the Frontier Constabulary police force, who died in service.")
    assert found.people == ["Jane Roe"]


def test_a_club_named_after_its_city_is_no_person():
    found = find_people("Spartak Moscow beat Dynamo Kyiv 2-1, coach Tobin Weskett said.")
    assert found.people == ["Tobin Weskett"]


def test_a_person_whose_surname_is_a_city_stays():
    found = find_people("Police named the attacker as Sudar Amman. Amman had been released in January.")
    assert found.people == ["Sudar Amman"]


def test_a_thing_called_a_name_at_a_sentences_start_or_after_a_comma():
    found = find_people("A dog named Tobin Weskett won the show. The firm, called Dunmore Hale, went bust. "
                        "A boy named Ivo Danner found it.")
    assert found.people == ["Ivo Danner"]


def test_a_firm_of_partners_is_no_person():
    found = find_people("Lead managers were Dunmore Hale et Cie and Orn Vale, Harrow and Co, said Mara Quillon.")
    assert found.people == ["Mara Quillon"]


def test_a_journalist_and_her_outlet_are_not_a_firm_of_partners():
    found = find_people("Guzel Rinatova, Mir Television and Radio Company. My question is about roads.")
    assert found.people == ["Guzel Rinatova"]


def test_a_photo_credit_glued_to_its_caption_is_no_person():
    found = find_people("Candidates.\n\n\nGloria Vantor RivaImage: Pax Orin Dunmore.\n\n\nGloria Vantor Riva said "
                        "she would run.")
    assert found.people == ["Gloria Vantor Riva"]


def test_one_name_split_by_a_hyphen_or_a_space_is_one_person():
    found = find_people("Lee Dae Hyun met aides. Lee Dae-hyun later said the talks failed, and Lee Dae-hyun left.")
    assert found.people == ["Lee Dae-hyun"]
