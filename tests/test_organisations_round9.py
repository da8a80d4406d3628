"""Organisation rules of round 9 (issue 11), on our own sentences: an "on ..." topic after a name, a mission
named with the place it is sent to, panels, coalitions, theatres and orchestras, governments of their own
("Transitional Federal Government"), and numbered compounds broken at a line's hyphen."""

from search.ingest.enrich.organisations import find_organisations


def test_a_topic_after_a_known_name_is_not_part_of_it():
    text = "Statement\nWe share the view of the European Union on Security Council enlargement."
    assert find_organisations(text) == ["European Union", "Security Council"]


def test_a_topic_ending_in_a_peoples_adjective_is_not_part_of_the_name():
    text = "Border news\nThe Coast Guard Service on the Polish-Lithuanian frontier was doubled."
    assert find_organisations(text) == ["Coast Guard Service"]


def test_a_name_whose_own_tail_starts_with_on_keeps_it():
    text = "Reform\nThe Committee on Fisheries Policy met the Council on Foreign Relations."
    assert find_organisations(text) == ["Committee on Fisheries Policy", "Council on Foreign Relations"]


def test_a_mission_keeps_the_place_it_is_sent_to():
    text = "Peacekeeping\nWe thank the Regional Stabilisation Mission to Tonga and the Joint Mission to the Gambia."
    assert find_organisations(text) == ["Regional Stabilisation Mission to Tonga", "Joint Mission to the Gambia"]


def test_a_mission_to_an_organisation_is_not_extended():
    text = "Diplomacy\nThe Permanent Mission to the United Nations gave a reception."
    assert find_organisations(text) == ["United Nations"]


def test_panels_and_coalitions_are_organisations():
    text = ("Reports\nThe Expert Panel on Coral Reefs reported to the Pacific Climate Coalition, "
            "and the Panel of Elders agreed.")
    assert find_organisations(text) == ["Expert Panel on Coral Reefs", "Pacific Climate Coalition",
                                        "Panel of Elders"]


def test_theatres_and_orchestras_are_organisations():
    text = "Culture\nThe Riverside Drama Theatre and the Northern Youth Orchestra toured with the Tula Philharmonic."
    assert find_organisations(text) == ["Riverside Drama Theatre", "Northern Youth Orchestra", "Tula Philharmonic"]


def test_a_government_with_a_name_of_its_own():
    text = "Talks\nThe Transitional Federal Government met the Kurdistan Regional Government in Rome."
    assert find_organisations(text) == ["Transitional Federal Government", "Kurdistan Regional Government"]


def test_a_plain_government_is_no_organisation():
    text = ("Talks\nThe Federal Government and the Nigerian Federal Government spoke; my Government and the "
            "Assembly of Heads of State and Government of the African Union agreed.")
    body = "Assembly of Heads of State and Government of the African Union"
    assert find_organisations(text) == [body, "African Union"]


def test_a_numbered_compound_broken_at_its_hyphen_is_one_name():
    text = ("Statement of the delegation\nWe welcome the report of the High-level Panel on the Post-\n"
            "2030 Ocean Agenda, which we studied,\nand we thank its members.\n")
    assert find_organisations(text) == ["High-level Panel on the Post-2030 Ocean Agenda"]


def test_a_companys_divisions_named_after_its_possessive_are_organisations():
    text = "Autos\nNorthway Motors Corp's Falcon and Ridgeback divisions extended their rebates."
    assert find_organisations(text) == ["Northway Motors Corp", "Falcon", "Ridgeback"]


def test_a_subsidiary_named_whole_and_its_owner_after_of():
    text = ("Deals\nThe bid was made by Lakeside Mills, a subsidiary of Ardent Foods, while its Pine and Fern "
            "unit stayed out.")
    found = find_organisations(text)
    assert "Ardent Foods" in found and "Pine and Fern" in found


def test_a_part_named_by_a_peoples_adjective_or_a_place_is_no_organisation():
    text = "Deals\nThe firm sold its Canadian subsidiary and its Latin American division; the division of Ruritania."
    assert find_organisations(text) == []


def test_a_treasury_that_acts_or_speaks_is_an_organisation_but_not_its_bonds_or_secretary():
    text = ("Bonds\nThe Treasury said yields fell. Treasury bonds rose, Treasury Secretary Jane Roe said, and "
            "the Ruritanian Treasury will sell bills, a Treasury spokesman added.")
    assert find_organisations(text) == ["Treasury"]
    text = "Bonds\nTreasury bonds rose after the Treasury Secretary spoke about Treasury securities."
    assert find_organisations(text) == []


def test_a_treasury_with_its_country_before_it_keeps_it():
    text = "Bonds\nThe French Treasury will sell bills on Thursday."
    assert find_organisations(text) == ["French Treasury"]


def test_a_plurals_possessive_stays_inside_the_name():
    text = "Banks\nThe Alpine Bankers' Association met the Grain Growers' Union and Jane Roe's Labour Party."
    assert find_organisations(text) == ["Alpine Bankers' Association", "Grain Growers' Union", "Labour Party"]


def test_a_company_ending_in_bros_and_one_named_under_a_mandate_word():
    text = "Deals\nHarlow Bros. said the UN-mandated Coastal Protection Force would buy its boats."
    assert find_organisations(text) == ["Harlow Bros", "United Nations", "Coastal Protection Force"]


def test_the_union_state_is_an_organisation():
    text = "Talks\nThe two presidents discussed the budget of the Union State for next year."
    assert find_organisations(text) == ["Union State"]


def test_congress_by_its_own_name_but_not_a_numbered_meeting_or_a_longer_name():
    text = "Law\nThe bill was sent to Congress last week. Congress voted, and the 12th Party Congress met."
    assert find_organisations(text) == ["Congress"]
    assert find_organisations("Law\nThe Congress of Ruritania met.") == ["Congress of Ruritania"]
    assert find_organisations("Law\nThe 12th Party Congress met in the Congress Hall.") == []


def test_a_bank_named_by_one_compound_word():
    text = ("Banks\nZorabank and the Kreditbank of Austria lent money; Interbank rates rose, and a Non-bank lender "
            "stayed out.")
    assert find_organisations(text) == ["Zorabank", "Kreditbank of Austria"]


def test_the_congress_outside_law_making_is_a_meeting():
    text = "Greetings\nThank you for the initiatives we agreed on at the Congress' first stage in June."
    assert find_organisations(text) == []
    text = "Law\nThe Congress passed the bill, and lawmakers went home."
    assert find_organisations(text) == ["Congress"]
