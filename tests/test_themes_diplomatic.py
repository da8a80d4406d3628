"""Themes that a statement to an assembly develops over a paragraph in words of its own (`themes.toml`
vocabulary, round 8): an embargo as resolutions name it, climate negotiations named by their subject,
decolonisation, a state's dependence on imported fuel, a drought or famine that strikes, a war described
by its parties, leaders chosen by vote, the illicit arms trade and the uprisings of a region. Sentences
are our own; a passing sentence in the same speech still gives no theme."""

from test_themes_official import _speech

from search.ingest.enrich.themes import theme_evidence


def test_a_paragraph_against_an_embargo_on_a_neighbour_is_economic_security():
    text = _speech(
        "We again call for an end to the economic, commercial and financial embargo imposed on our neighbour.",
        "Its extraterritorial reach punishes banks and shipping firms of third countries, ours among them.",
        "The lifting of the embargo would let the whole region trade as one market.")
    assert "Economic security & supply chains" in theme_evidence(text)


def test_one_sentence_against_an_embargo_is_no_theme():
    text = _speech("We also support the lifting of the embargo that the Assembly has condemned for many years.")
    assert "Economic security & supply chains" not in theme_evidence(text)


def test_climate_negotiations_named_by_their_subject_are_climate():
    text = _speech(
        "The climate talks this December must not end like the last round.",
        "Our islands need a binding climate agreement that every emitter signs.",
        "We have cut our use of fossil fuels by a third and ask the large economies for the same climate action.")
    assert "Climate & security" in theme_evidence(text)


def test_a_territory_awaiting_decolonisation_is_a_territorial_question():
    text = _speech(
        "Decolonization remains unfinished business of this Organization.",
        "Two non-self-governing territories of our region still wait for a vote on their status.",
        "We urge the administering Power to cooperate with the committee and to respect the people's wishes.")
    assert "Maritime & territorial disputes" in theme_evidence(text)


def test_sovereignty_over_natural_resources_is_no_territorial_dispute():
    text = _speech(
        "Every state has permanent sovereignty over its natural resources.",
        "We manage our forests and our fisheries for the next generation.",
        "Sovereignty over natural resources must go together with responsibility for them.")
    assert "Maritime & territorial disputes" not in theme_evidence(text)


def test_an_island_state_that_imports_its_fuel_is_about_energy_security():
    text = _speech(
        "Our electricity still comes from imported fossil fuels that cost a fifth of our budget.",
        "Every rise in the price of oil shuts schools and clinics, and energy shortages follow each storm.",
        "Geothermal power would end our dependence on fuel imports within five years.")
    assert "Energy security" in theme_evidence(text)


def test_a_drought_and_famine_that_strike_are_a_disaster():
    text = _speech(
        "This year a severe drought destroyed the harvest in our three northern provinces.",
        "Famine now threatens two hundred thousand people, and the wells have run dry.",
        "We thank the agencies that flew in grain, but the worst drought in decades is not over.")
    assert "Disasters & emergency response" in theme_evidence(text)


def test_a_war_described_by_its_parties_is_armed_conflict():
    text = _speech(
        "The military conflict in our neighbour has entered its third year.",
        "The armed opposition holds the north and the government the coast.",
        "We call on the parties to the conflict to return to the peace negotiations they left in spring.")
    assert "Armed conflict" in theme_evidence(text)


def test_leaders_chosen_by_vote_are_elections_and_democracy():
    text = _speech(
        "For the first time a democratically elected president has handed office to another.",
        "The peaceful transfer of power followed a vote that observers called credible.",
        "Our multiparty parliament now counts seven parties.")
    assert "Elections & democracy" in theme_evidence(text)


def test_the_illicit_arms_trade_described_is_arms_control():
    text = _speech(
        "Arms trafficking across our borders feeds the gangs of our cities.",
        "Most firearms seized by our police were made abroad and came in by sea.",
        "We call on producers to stop the trafficking in arms through tighter export licences.")
    assert "Arms control & non-proliferation" in theme_evidence(text)


def test_a_regions_political_awakening_is_about_protests():
    text = _speech(
        "The Arab Spring showed what young people want from their governments.",
        "Popular movements in several capitals ended regimes that had ruled for decades.",
        "We support that political awakening and call on every government to listen to its streets.")
    assert "Protests & civil unrest" in theme_evidence(text)


def test_a_paragraph_on_the_aids_epidemic_is_about_health_security():
    text = _speech(
        "The AIDS epidemic still takes more young lives in our region than any other illness.",
        "We have halved new infections by testing every pregnant mother.",
        "With our partners we aim for the first AIDS-free generation by the end of the decade.")
    assert "Pandemics & health security" in theme_evidence(text)


def test_repression_of_demonstrators_is_about_protests_but_a_commemoration_of_repressions_is_not():
    crackdown = _speech(
        "The regime answered peaceful demonstrators with live fire.",
        "We condemn this repression and the arrest of thousands of students.",
        "If the repression continues, we will ask the Council to act.")
    assert "Protests & civil unrest" in theme_evidence(crackdown)
    memorial = _speech(
        "Today we remember the victims of political repression of the last century.",
        "Their names are read aloud in the square every autumn.",
        "The archives of political repression are now open to their families.")
    assert "Protests & civil unrest" not in theme_evidence(memorial)


def test_coalition_forces_against_rebels_are_armed_conflict():
    text = _speech(
        "Coalition forces have helped the legitimate government hold the capital.",
        "The rebels still shell the port and kill civilians who try to flee.",
        "We call for a ceasefire and for talks under the envoy of the Secretary-General.")
    assert "Armed conflict" in theme_evidence(text)


def test_an_unconstitutional_change_of_government_under_a_democratic_charter_is_democracy():
    text = _speech(
        "Our region has rejected every unconstitutional change of government since the charter was signed.",
        "The Democratic Charter obliges each member to hand power back to civilians within a year.",
        "We therefore ask the transitional authorities in our neighbour to honour the Democratic Charter they signed.")
    assert "Elections & democracy" in theme_evidence(text)


def test_coastal_erosion_beside_climate_change_is_climate():
    text = _speech(
        "Climate change is no longer a forecast for our low islands.",
        "Coastal erosion has already moved two villages inland, and coral bleaching has emptied our reefs.",
        "We ask the emitters to keep the promises they made in the last round of negotiations.")
    assert "Climate & security" in theme_evidence(text)


def test_an_island_held_by_another_state_is_a_territorial_dispute():
    text = _speech(
        "For fifty years a former colonial power has kept one of our islands, and so our decolonization is unfinished.",
        "Our territorial integrity will not be complete until that island returns to our sovereignty.",
        "We have offered talks on the territorial dispute and, failing them, the judgement of the Court.")
    assert "Maritime & territorial disputes" in theme_evidence(text)


def test_territorial_integrity_named_once_among_principles_is_no_dispute():
    text = _speech("We uphold the sovereignty, territorial integrity and political independence of every state.")
    assert "Maritime & territorial disputes" not in theme_evidence(text)
