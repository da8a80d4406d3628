"""Themes that a long statement to an assembly develops over a paragraph in general diplomatic words
(`themes.toml` vocabulary, round 9): power handed over after a vote, a state's "nuclear issue", a war
whose end is asked as a "cessation of violence", hydrocarbons explored in contested waters. A passing
sentence in the same speech still gives no theme."""

from test_themes_official import _speech

from search.ingest.enrich.themes import theme_evidence


def test_a_vote_held_and_power_handed_over_is_about_elections():
    text = _speech(
        "Last month my country held national elections for the presidency and the parliament.",
        "The outgoing head of state conceded defeat the same evening and handed over power a week later.",
        "The new cabinet was sworn in before the judges of the constitutional court.")
    assert "Elections & democracy" in theme_evidence(text)


def test_a_minister_sworn_in_once_is_no_election():
    text = _speech("I was sworn in as foreign minister only a few days before this session opened.")
    assert "Elections & democracy" not in theme_evidence(text)


def test_the_nuclear_issue_of_a_state_is_a_nuclear_threat():
    text = _speech(
        "The nuclear issue of our northern neighbour remains the gravest threat to the region.",
        "Its nuclear and missile development defies every resolution of the Council.",
        "We will never accept a neighbour armed with nuclear weapons and call for talks without delay.")
    assert "Nuclear & missile threats" in theme_evidence(text)


def test_a_war_whose_end_is_asked_as_a_cessation_of_violence_is_armed_conflict():
    text = _speech(
        "The civil war in the valley has driven half a million people from their homes.",
        "Government forces keep shelling the towns along the river.",
        "We call on all parties to agree a cessation of violence and to let aid convoys through.")
    assert "Armed conflict" in theme_evidence(text)


def test_hydrocarbons_explored_in_shared_waters_are_energy_security():
    text = _speech(
        "The discovery of hydrocarbon resources off our coast has changed the outlook of the whole basin.",
        "Hydrocarbon exploration in shared waters needs agreed maritime boundaries among the coastal states.",
        "Security of supply for our neighbours can come from these fields, if they are developed together.")
    assert "Energy security" in theme_evidence(text)


def test_a_single_mention_of_hydrocarbons_is_no_theme():
    text = _speech("Our exports, once dominated by hydrocarbons, now include services and tourism.")
    assert "Energy security" not in theme_evidence(text)


def test_a_regime_turning_its_weapons_against_its_own_people_is_armed_conflict():
    text = _speech(
        "The situation in the northern republic has become a humanitarian crisis without end.",
        "Its government bombs its cities and uses heavy weapons against its own people.",
        "Thousands have died, and the civil war threatens to spread to every neighbouring state.")
    assert "Armed conflict" in theme_evidence(text)


def test_one_humanitarian_crisis_in_a_list_of_challenges_is_no_war():
    text = _speech("Debt, unemployment and the humanitarian crisis in refugee camps weigh on our budgets.")
    assert "Armed conflict" not in theme_evidence(text)


def test_clearing_the_ordnance_a_past_war_left_is_arms_control():
    text = _speech(
        "Decades after the bombing stopped, unexploded ordnance still kills farmers in our fields.",
        "Our teams clear the contaminated areas village by village, with the help of our partners.",
        "We chair the meeting of the parties to the convention on cluster munitions this year.")
    assert "Arms control & non-proliferation" in theme_evidence(text)


def test_gains_lost_to_weather_related_phenomena_beside_a_hurricane_are_a_disaster():
    text = _speech(
        "We stress our exposure to natural disasters and ask for faster regional response mechanisms.",
        "Almost every year our growth is wiped away by weather-related phenomena in a single season.",
        "Our northern coast is still rebuilding after the hurricane that struck it two years ago.")
    assert "Disasters & emergency response" in theme_evidence(text)


def test_a_vote_praised_by_observers_beside_the_elected_government_is_about_elections():
    text = _speech(
        "Our people look forward to choosing a new parliament in the spring.",
        "The last vote was judged free and transparent by international observers from three continents.",
        "The elected government has since reformed the independent electoral body that ran it.")
    assert "Elections & democracy" in theme_evidence(text)
