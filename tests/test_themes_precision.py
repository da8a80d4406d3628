"""Themes a release only touches (round 9 of issue 11): a long, many-topic meeting that names its security part in one
line among many on trade and culture is no alliance (gold rules 27 and 41, relative to length)."""

from search.ingest.enrich.themes import theme_evidence

# Talk of a long meeting about trade, transport and culture: about no theme.
RELATIONS = [
    "The two presidents praised the comprehensive strategic partnership between their countries.",
    "Bilateral trade grew by a fifth last year and reached eleven billion dollars.",
    "A new railway bridge across the border river will open to freight trains in the spring.",
    "The governments agreed to open two more branches of the national university in the capital.",
    "Farmers of both countries will take part in an agricultural fair in the autumn.",
    "The leaders thanked the intergovernmental commission for its work on customs procedures.",
    "A festival of films from both countries will travel to six cities next year.",
    "The airlines of the two countries will add four weekly flights between the capitals.",
]


def _meeting(*lines: str) -> str:
    body = RELATIONS * 6 + list(lines) + RELATIONS * 6
    return "Talks with the President of a neighbouring republic\n" + " ".join(body)


def test_a_long_meeting_that_names_defence_in_one_line_is_no_alliance():
    one_line = _meeting("Our armies also hold joint military exercises every summer.")
    assert len(one_line.split()) > 1200  # asks twice a short text's evidence (themes.toml: needs_words_scale)
    assert "Partnerships & alliances" not in theme_evidence(one_line)
    two_lines = _meeting("Our armies also hold joint military exercises every summer.",
                         "The defence ministers signed a plan of military cooperation for the next three years.")
    assert "Partnerships & alliances" in theme_evidence(two_lines)


def test_a_short_readout_may_name_its_security_part_once():
    readout = ("Telephone conversation with the President of a Baltic republic\nThe presidents discussed the strategic "
               "partnership of their countries. They agreed to deepen security cooperation and to hold joint "
               "military exercises next year.")
    assert "Partnerships & alliances" in theme_evidence(readout)


def test_an_alliance_as_the_other_side_is_no_partnership():
    """Round 10's NATO call: security guarantees asked against an alliance's eastward advance, or its provocative
    drills near a border, are what the call is about an adversary, not cooperation with it."""
    against = ("Telephone conversation with the Prime Minister of a northern country\nThe leaders exchanged views on "
               "the situation in the region. The President stressed the need for legal security guarantees ruling "
               "out the alliance's further eastward advance. He also pointed to the provocative naval drills of the "
               "alliance and its members near the border. The two leaders agreed to talk again soon.")
    assert "Partnerships & alliances" not in theme_evidence(against)
    together = against.replace("ruling out the alliance's further eastward advance", "for his country as a member "
                               "of the alliance").replace("the provocative naval drills", "the joint naval drills")
    assert "Partnerships & alliances" in theme_evidence(together)


def test_bilateral_ties_and_guarantees_asked_of_an_alliance_are_context_not_an_alliance():
    """"Bilateral" qualifies any relation (trade, visits) and "security guarantees" are as often asked of an alliance as
    given by one: context of a partnership (like "cooperation"), not a mention of one."""
    call = ("Telephone conversation with the Chancellor of a central European country\nBoth sides expressed interest "
            "in developing bilateral ties in trade and culture. The President commented on the draft treaty on "
            "security guarantees sent to the alliance and its members last week. The leaders discussed the gas "
            "market. They agreed to continue exchanging views on bilateral issues.")
    assert "Partnerships & alliances" not in theme_evidence(call)
    defence = call.replace("in trade and culture", "in defence, with joint military exercises in the spring")
    assert "Partnerships & alliances" in theme_evidence(defence)
