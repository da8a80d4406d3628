"""Themes on general news, round 11: a disaster named as the cause of lost output, an arms embargo among a war's
options and a firm's pipeline division give no theme, while a story about the quake's victims, a statement on the
storms that cost its islands lives and a story about a trade embargo keep theirs. Every article here is invented for
the test (issue 11, round 11, general news)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search.ingest.enrich.themes import default_taxonomy, theme_evidence

DISASTERS = "Disasters & emergency response"
ECONOMIC = "Economic security & supply chains"

# The disaster is the cause of lost output and of a repair bill: an oil and money story.
QUAKE_AS_CAUSE = (
    "Veloria to restart crude exports through new link\n"
    "Veloria will restart crude exports next month through a 30 km link to a neighbouring line, the energy ministry "
    "said on Monday. Exports have been halted since March by an earthquake that broke the main export line. The "
    "ministry said the state oil company was pumping 180,000 barrels per day before the earthquake and expected to "
    "reach 120,000 within weeks of the link opening. Repairs to pumping stations damaged by the earthquake will cost "
    "about 90 mln dlrs, financed by a loan from a regional development bank, officials said. The company will also "
    "borrow crude from two neighbouring producers to meet its export contracts."
)

# The same quake told as a disaster: its toll, the rescue and the relief.
QUAKE_AS_DISASTER = (
    "Earthquake kills dozens in northern Veloria\n"
    "A strong earthquake struck northern Veloria late on Thursday, killing at least 60 people and leaving hundreds "
    "homeless, the civil defence agency said. The quake, of magnitude 6.8, flattened houses in three mountain towns, "
    "and rescuers were digging through the rubble for survivors on Friday. The government declared a state of "
    "emergency in the region and asked for relief aid, while aftershocks kept residents sleeping in the streets."
)

# A statement's paragraph on the storms its islands live with: no toll counted, but the loss of life and the aftermath.
STATEMENT_ON_STORMS = (
    "Statement by Marevia at the General Debate\n"
    "Small island States such as ours brace for the hurricane season every year. Two hurricanes last year caused a "
    "heavy loss of life and set our development back by a decade. The aftermath of each storm absorbs the budget we "
    "had planned for schools and clinics, and the floods that follow leave our fields without a harvest. We ask "
    "partners to help us prepare, so that the next hurricane finds our people ready."
)

# An arms embargo is a war story's weapon measure, beside a naval blockade.
ARMS_EMBARGO = (
    "Analysts weigh options to end the Gulf fighting\n"
    "Western analysts said the powers could press both sides to end the war by threatening an arms embargo against "
    "the side that refused to talk. One former official said a navy could blockade the ports of the aggressor, a "
    "warlike step that risked widening the fighting. Another said an arms embargo would only work if every supplier "
    "joined it, and that a blockade of the shipping lanes would anger neutral states. Both sides continued shelling "
    "each other's positions along the front this week, with heavy losses reported."
)

# A trade embargo on a state's goods is the theme's own subject.
TRADE_EMBARGO = (
    "Union widens trade embargo on Ostrava's goods\n"
    "The union widened its trade embargo on Ostrava on Tuesday, banning imports of its steel and timber and freezing "
    "the assets of two state banks. Officials said the sanctions would stay until Ostrava allowed inspectors back, "
    "and warned of further trade restrictions. Ostrava called the embargo economic coercion and said it would seek "
    "new buyers in Asia."
)


# A gas distributor's division and a mill owner settle who builds the mills' pipelines: their business, no supply issue.
PIPELINE_BUSINESS = (
    "Delta Gas and Norpaper settle dispute over paper mills\n"
    "Delta Gas Inc said it and Norpaper Co agreed a plan to end their dispute over Norpaper's natural gas pipelines "
    "to its two paper mills. Delta's pipeline division now delivers all the natural gas the mills burn. Under the "
    "plan, the division will carry gas to other Norpaper plants, while Norpaper builds its own pipelines to the two "
    "mills, and the subsidiary keeps its gas supplies contract until the new pipeline opens."
)

@pytest.mark.parametrize(("text", "theme"), [(QUAKE_AS_CAUSE, DISASTERS), (ARMS_EMBARGO, ECONOMIC),
                                             (PIPELINE_BUSINESS, "Energy security")],
                         ids=["quake_cause", "arms_embargo", "pipeline_business"])
def test_a_cause_a_weapons_measure_or_a_firms_business_gives_no_theme(text: str, theme: str) -> None:
    assert theme not in theme_evidence(text)


@pytest.mark.parametrize(("text", "theme"), [(QUAKE_AS_DISASTER, DISASTERS), (STATEMENT_ON_STORMS, DISASTERS),
                                             (TRADE_EMBARGO, ECONOMIC)], ids=["quake_toll", "statement_storms",
                                                                              "trade_embargo"])
def test_the_story_itself_keeps_its_theme(text: str, theme: str) -> None:
    assert theme in theme_evidence(text)



def _long_statement() -> str:
    """A statement of about 1,500 words: one paragraph on storms, told without a toll or a rescue, among others."""
    filler = ("Our delegation supports the reform of the Organization and the work of its committees on the agenda "
              "of this session, and we thank the President for the way he has guided our deliberations. ")
    storms = ("Every year our islands brace for the hurricane season. Hurricanes and tropical storms now come more "
              "often and with greater force than our grandparents knew. The floods after each hurricane cover our "
              "coastal roads and ports for weeks. A single hurricane can undo the gains of a decade. ")
    return "Statement by Marevia at the General Debate\n" + filler * 22 + storms + filler * 22


def test_a_long_statement_is_held_to_its_passage_not_to_the_needed_words() -> None:
    """`long_needs_words = false`: the same taxonomy with the needed words asked of long texts too drops the theme."""
    taxonomy = default_taxonomy()
    text = _long_statement()
    assert len(text.split()) > 1200
    assert DISASTERS in theme_evidence(text, taxonomy)
    strict = replace(taxonomy, themes=tuple(replace(theme, long_needs_words=True) for theme in taxonomy.themes))
    assert DISASTERS not in theme_evidence(text, strict)
