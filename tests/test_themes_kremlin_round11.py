"""Round 11 (Kremlin/Zelenskyy themes): short readouts, and official wording of pacts, climate policy and gas supply.

Every text here is written for the test; none is taken from a corpus.
"""

from search.ingest.enrich.themes import theme_evidence

HEALTH = "Pandemics & health security"


def test_a_readout_of_a_title_and_three_lines_is_about_what_one_of_them_says():
    """In a readout of a title and three sentences, one sentence is a third of what it says (rule 41, relative to
    length): the leaders agreeing to fight the pandemic together is a topic of the call."""
    readout = ("Telephone conversation with the President of Ruritania\n"
               "The President had a telephone conversation with the President of Ruritania. "
               "The presidents agreed to join efforts in fighting the coronavirus pandemic. "
               "They also discussed trade and agreed to stay in contact.")
    assert HEALTH in theme_evidence(readout)


def test_one_sentence_of_a_longer_readout_is_still_a_passing_mention():
    """Six sentences or more: one sentence on the pandemic is an aside, as before."""
    readout = ("Telephone conversation with the President of Ruritania\n"
               "The President had a telephone conversation with the President of Ruritania. "
               "The presidents agreed to join efforts in fighting the coronavirus pandemic. "
               "They discussed trade and the construction of a new bridge across the river. "
               "The leaders noted the growth of tourism between the two countries. "
               "Cultural exchanges will continue next year with a festival of folk music. "
               "They agreed to stay in contact.")
    assert HEALTH not in theme_evidence(readout)


def test_a_short_text_whose_cue_stands_in_its_title_only_has_no_theme():
    """A headline's word (a ticker, a table's name) is no topic yet, however short the text under it."""
    brief = ("ACME HOLDINGS <WMD> QUARTERLY RESULTS\n"
             "Net profit was four mln dlrs against three mln. "
             "Revenue rose by eight pct. The company said results would improve.")
    assert theme_evidence(brief) == {}


def test_a_short_text_that_names_the_pandemic_as_the_time_of_something_else_is_not_about_it():
    """A sentence on the theme as the circumstance of something else does not make a short text's topic."""
    brief = ("Meeting on the harbour. The new harbour will be opened amid the pandemic and the spread of a new "
             "coronavirus variant. Its builders worked through the winter. The minister thanked them.")
    assert HEALTH not in theme_evidence(brief)


def test_a_security_pact_between_two_states_is_an_alliance():
    """A mutual defence pact and bilateral defence agreements are partnerships between states."""
    report = ("Two island states sign a pact\n"
              "The prime ministers of two island states signed a mutual defence pact on Monday. "
              "Under the security pact each side will come to the other's aid if it is attacked. "
              "The defence agreements also provide for the exchange of officers and a joint coast guard.")
    assert "Partnerships & alliances" in theme_evidence(report)


def test_a_paragraph_on_greenhouse_emissions_and_the_energy_transition_is_about_climate():
    """Climate policy as officials name it: emissions to cut, an energy transition, clean energy."""
    speech = ("Address to the forum\n"
              "Colleagues, our economies must cut greenhouse emissions faster than we promised. "
              "The energy transition will need investment in clean energy on a scale never seen before. "
              "We propose a fund to help the poorest countries through the green transition. "
              "Our ministers will present the details tomorrow.")
    assert "Climate & security" in theme_evidence(speech)


def test_deliveries_of_natural_gas_are_energy_supply():
    """Gas delivered to a country under a contract, the heat of its households at stake, is energy security."""
    readout = ("Telephone conversation with the Prime Minister of Ruritania\n"
               "The leaders discussed deliveries of natural gas to Ruritania this winter. "
               "Supplies of natural gas under the current contract will continue without interruption. "
               "The sides noted that this secures heating for households and industry.")
    assert "Energy security" in theme_evidence(readout)


def test_a_tariff_in_a_sentence_on_households_is_a_regulated_price_not_a_trade_measure():
    """Tariffs for the gas, power and heating of households are prices, however often a report names them."""
    report = ("Government keeps prices in check\n"
              "The government said the tariff on gas distribution paid by households will not rise this winter. "
              "An increase in the tariff on electricity transmission will not reach households either. "
              "The heating tariff of the city's utilities was frozen until spring. "
              "Fuel prices rose across the region this year as supply chains failed to keep up with demand.")
    assert "Economic security & supply chains" not in theme_evidence(report)


def test_a_states_space_industry_and_launch_site_are_strategic_technology():
    """A state's space programme (its space industry, a launch site, a carrier rocket) is an emerging technology."""
    release = ("Delegation visits the launch site\n"
               "The national space agency presented the government's plans for the space industry. "
               "Construction of a spaceport for a new carrier rocket began on the coast this week. "
               "The state will fund the launch vehicle's first flights, the minister said.")
    assert "Emerging technologies" in theme_evidence(release)
