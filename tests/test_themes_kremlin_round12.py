"""Round 12 (Kremlin/Zelenskyy themes): anniversaries of votes, and sanctions asked for in the sentences on a war.

Every text here is written for the test; none is taken from a corpus.
"""

from search.ingest.enrich.themes import theme_evidence

ELECTIONS = "Elections & democracy"
ECONOMIC = "Economic security & supply chains"
WAR = "War in Ukraine"


def test_the_anniversary_of_an_election_victory_is_history_not_a_vote():
    """A call on the 25th anniversary of a leader's first election remembers a vote; the news holds none."""
    call = ("Telephone conversation with the former President of Ruritania\n"
            "The President warmly congratulated the former President of Ruritania on the 25th anniversary of his "
            "victory in the first general election for President of the republic. "
            "The President earlier sent him a letter.")
    assert ELECTIONS not in theme_evidence(call)


def test_a_general_election_held_this_week_is_still_a_vote():
    """The same words without an anniversary: a vote of the news."""
    report = ("Ruritania votes\n"
              "Voters in Ruritania went to the polls on Sunday in a general election for president. "
              "Turnout was high, and the electoral commission will publish results on Monday.")
    assert ELECTIONS in theme_evidence(report)


def test_sanctions_pressure_asked_for_in_the_sentences_on_the_war_is_the_wars():
    """A readout about the war that asks to keep sanctions on the aggressor in those sentences: only the war."""
    readout = ("President spoke with the President of Ruritania\n"
               "The President informed his counterpart about the security situation in Donbas and the "
               "concentration of Russian troops near the border. "
               "He stressed the need to keep the pressure of sanctions on Russia until the restoration of Ukraine's "
               "sovereignty and territorial integrity. "
               "Only united sanctions of all partners can make the aggressor stop, the President said. "
               "The leaders agreed to coordinate their positions before the summit. "
               "They also discussed a visit of the Ruritanian prime minister next year.")
    themes = theme_evidence(readout)
    assert WAR in themes and ECONOMIC not in themes


def test_sentences_of_their_own_on_sanctions_keep_the_theme_beside_the_war():
    """Sanctions told in sentences of their own (banks cut off, exports banned) are economic security too."""
    statement = ("New sanctions package\n"
                 "The ministers agreed a new package of sanctions in response to Russian aggression against Ukraine. "
                 "The sanctions cut five large banks off the international payment system. "
                 "Exports of machine tools and microchips are banned under the new sanctions. "
                 "The sanctions also freeze the assets of forty officials and businessmen. "
                 "The war in Donbas has killed thousands since 2014, the ministers said.")
    themes = theme_evidence(statement)
    assert WAR in themes and ECONOMIC in themes
