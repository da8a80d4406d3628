"""Round 13 (UN themes): disarmament is arms control, not a nuclear threat; "free and fair" trade is no vote.

Every text here is written for the test; none is taken from a corpus.
"""

from search.ingest.enrich.themes import theme_evidence

ARMS = "Arms control & non-proliferation"
NUCLEAR = "Nuclear & missile threats"
ELECTIONS = "Elections & democracy"


def test_a_disarmament_passage_is_arms_control_and_no_nuclear_threat():
    """Nuclear disarmament and a zone free of the weapons, asked for with no threat named: arms control only."""
    statement = ("Statement by Ruritania at the General Debate\n"
                 "My delegation congratulates the President on his election and thanks his predecessor. "
                 "Our country has built new schools, clinics and roads in every province over the past year, and "
                 "our farmers have doubled their harvests with the help of our development partners. "
                 "We will present our national report on the development goals next month in this Hall. "
                 "Nuclear disarmament remains the first priority of my delegation. "
                 "We urge every State to pursue nuclear disarmament in good faith and without delay. "
                 "My country also supports a nuclear-weapon-free zone in our region and the early entry into force "
                 "of the test ban treaty.")
    themes = theme_evidence(statement)
    assert ARMS in themes
    assert NUCLEAR not in themes


def test_a_programme_and_missile_tests_beside_disarmament_are_still_a_threat():
    """The same call beside a neighbour's weapons programme and its launches: a nuclear threat too."""
    statement = ("Statement by Ruritania at the General Debate\n"
                 "The nuclear programme of our neighbour and its repeated ballistic missile tests endanger the whole "
                 "region. "
                 "Each new missile launch over our waters brings a war closer. "
                 "We therefore call for nuclear disarmament and for a nuclear-weapon-free zone in our region.")
    assert NUCLEAR in theme_evidence(statement)


def test_free_and_fair_trade_is_a_trade_policy_not_a_vote():
    """A government's "free and fair trade", twice beside parliament and a line on how voters see it: no election."""
    report = ("Ruritania seeks new trade rules\n"
              "The government of Ruritania said free and fair trade is the best tool against poverty. "
              "It will ask parliament to back free and fair trade rules at the next ministerial meeting. "
              "Polls show that most voters back the plan.")
    assert ELECTIONS not in theme_evidence(report)


def test_a_free_and_fair_election_is_still_a_vote():
    """The same words before a vote: the election is what the text is about."""
    report = ("Ruritania votes in October\n"
              "The government and the opposition agreed that the presidential election must be free and fair. "
              "International observers will watch the polling stations, and parliament approved the budget of the "
              "electoral commission.")
    assert ELECTIONS in theme_evidence(report)
