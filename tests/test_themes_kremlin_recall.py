"""Themes in the words officials use in readouts, addresses and transcripts for a war, an arms programme, a
drone, energy at home and missiles in a region (`themes.toml`: vocabulary only, the same rules). Each test
pairs the official phrasing with a text in which the same or a near word is about something else."""

from search.ingest.enrich.themes import theme_evidence


def test_a_readout_on_the_crisis_and_the_contact_line_is_the_war():
    readout = ("Telephone call with the Chancellor. The leaders discussed the intra-Ukrainian crisis and the stalled "
               "talks on a settlement. The President voiced concern over the growing tension on the contact line "
               "and called on Kiev to honour its commitments.")
    assert "War in Ukraine" in theme_evidence(readout)
    other = ("Meeting with the Prime Minister of Ukraine. The two sides discussed grain exports, a new rail link and "
             "the contact line of the customs service, which now answers calls from traders around the clock.")
    assert "War in Ukraine" not in theme_evidence(other)


def test_an_occupied_peninsula_and_the_southeast_are_the_war():
    text = ("The President spoke to foreign journalists in Kyiv. The occupied Crimea has become a military "
            "base, he said. People in the southeast of Ukraine need the world's attention, and prisoners must be "
            "exchanged before the holidays.")
    assert "War in Ukraine" in theme_evidence(text)


def test_an_armament_programme_and_new_submarines_are_the_defence_industry():
    ceremony = ("Ceremony at the shipyard. Two new submarines joined the fleet today, the President said. The "
                "submarines were built under the state armament programme, and the yard will lay down four more "
                "submarines next year. The navy will also receive new weapons and equipment for its coastal units.")
    assert "Defence industry & arms trade" in theme_evidence(ceremony)
    tourism = ("A museum opens in an old harbour. Visitors can walk through two retired submarines and a "
               "lighthouse. The city hopes the museum will draw tourists in the summer season.")
    assert "Defence industry & arms trade" not in theme_evidence(tourism)


def test_a_combat_drone_used_by_the_army_is_an_emerging_technology():
    text = ("The President answered questions from reporters. The army used an unmanned aerial vehicle only to "
            "defend its positions, he said. Our military will keep using unmanned aerial vehicles within the "
            "agreements, and the government sees no breach in that.")
    assert "Emerging technologies" in theme_evidence(text)
    delivery = ("A courier firm tests parcels by air. Its unmanned aerial vehicle carried a parcel across the river, "
                "and customers rated the trial well.")
    assert "Emerging technologies" not in theme_evidence(delivery)


def test_power_outages_and_the_heating_season_at_home_are_energy_security():
    text = ("The President gave an interview on the winter. Some businessmen threaten the government with power "
            "outages in several regions, he said, but there will be none. The power generation companies have "
            "agreed on supplies, and the heating season will be stable and calm.")
    assert "Energy security" in theme_evidence(text)
    maintenance = ("A downtown power outage. Offices lost electricity for an hour after a cable failed during "
                   "routine maintenance, the utility said. Lifts stopped and shops closed early.")
    assert "Energy security" not in theme_evidence(maintenance)


def test_intermediate_and_short_range_missiles_are_arms_control():
    text = ("Address to the regional summit. Since the treaty on medium-range weapons ended, the region faces new "
            "risks, the President said. Our country has declared a moratorium on the deployment of intermediate "
            "and short-range missiles and asks others to join it.")
    assert "Arms control & non-proliferation" in theme_evidence(text)


def test_security_assistance_between_states_is_a_partnership_and_a_mission_name_is_not():
    text = ("Meeting with the defence attaché. The two sides discussed security assistance for the coming year and "
            "joint drills in the spring. The deputy head thanked the partners for the security assistance already "
            "given.")
    assert "Partnerships & alliances" in theme_evidence(text)
    mission = ("Statement to the assembly. Our soldiers served in the International Security Assistance Force for "
               "a decade. Our farmers export fruit to three continents. Our schools have doubled their enrolment.")
    assert "Partnerships & alliances" not in theme_evidence(mission)
