"""Speakers on newswire (issue 11, round 10): the forms of attribution US political news is written in, one short
invented passage each (our own sentences, invented names), and the newswire layouts round 10 fixed: a hard-wrapped
apposition that goes on over a line break, an apposition whose closing comma is left out after a firm's symbol or
acronym, and a quotation that goes on over paragraphs."""

from __future__ import annotations

import pytest

from search.ingest.enrich.people import find_people


def speakers(text: str) -> set[str]:
    return set(find_people(text).speakers)


# Hard-wrapped text (as newswire is sent): paragraphs indented, lines broken inside sentences.
def wrapped(*paragraphs: str) -> str:
    """A headline, then `paragraphs` broken into lines of at most 60 characters, each paragraph indented."""
    lines = ["SENATE PANEL DELAYS VOTE ON FARM BILL"]
    for paragraph in paragraphs:
        line = "   "
        for word in paragraph.split():
            if len(line) + len(word) + 1 > 60:
                lines.append(line)
                line = ""
            line = f"{line} {word}" if line else word
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("Senator Dana Whitlow said on Tuesday that the highway bill would pass before the August recess.",
     {"Dana Whitlow"}),
    ('"We are going to fight this in every district," said Rep. Carl Benning, a Democrat from Ohio.',
     {"Carl Benning"}),
    ("The vote on the farm bill was delayed until next week, according to Governor Lila Marsh of Kansas.",
     {"Lila Marsh"}),
    ("House Speaker Gordon Pell told reporters at the Capitol that a deal on the budget was close.", {"Gordon Pell"}),
    ("Representative Ana Cruz, who chairs the House Oversight panel and has led the inquiry for a year, said the "
     "documents raised new questions.", {"Ana Cruz"}),
    ("Mayor Ruth Okafor said the city would sue. She added that the state had ignored its letters. Council member "
     "Leon Price noted that the suit could take years, and Treasurer Ivy Dunne warned that the city could not afford "
     "it.", {"Ruth Okafor", "Leon Price", "Ivy Dunne"}),
    ("Attorney General Paul Strand argued that the law was unconstitutional. Governor Nina Hale insisted it would "
     "survive in court, and Senator Omar Reyes acknowledged that the outcome was uncertain.",
     {"Paul Strand", "Nina Hale", "Omar Reyes"}),
    ("Senator Clara Voss wrote in a letter to the Pentagon that the contract should be reviewed.", {"Clara Voss"}),
    ("In a statement, Representative Hugo Lind said he would not seek re-election next year.", {"Hugo Lind"}),
    ('Asked whether she would run for president, Senator Dana Whitlow said: "Not this year."', {"Dana Whitlow"}),
    ('In an interview on Sunday, Senator Dana Whitlow was asked about the tariffs. "They are a tax on families," she '
     "replied.", {"Dana Whitlow"}),
    ("Secretary of State Laura Penn was quoted as saying that the talks had stalled.", {"Laura Penn"}),
    ('Senator Dana Whitlow arrived late to the hearing on Thursday.\n    "We have the votes, and the White House knows '
     'it," she said.', {"Dana Whitlow"}),
    ("Senator Dana Whitlow of Iowa met farmers in Ames on Friday. The senator said the ethanol mandate must stay.",
     {"Dana Whitlow"}),
    ('"Nobody in this building wants a shutdown," said Jim Harlan, the Senate majority leader.', {"Jim Harlan"}),
    ("Former Vice President Walt Bremer told CNN that the party had lost its way.", {"Walt Bremer"}),
    # a spokesman speaks (only when named), not the one he speaks for
    ("Tom Verity, a spokesman for Senator Ray Holt, said the senator would vote against the nominee.",
     {"Tom Verity"}),
    ("Governor Pia Stone's spokeswoman, Amy Rudd, said the session would start in June.", {"Amy Rudd"}),
    # a quotation going on over a paragraph: a name inside it does not speak
    ('"This bill is a disgrace," Senator Mark Fell said.\n    "It hands the insurers everything. Even Senator Bo Ames '
     'could not defend it last year."\n    The measure goes to a vote on Friday.', {"Mark Fell"}),
])
def test_forms_of_attribution(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "A spokesman for Senator Ray Holt said the senator would vote against the nominee.",
    "Governor Pia Stone's office said on Monday that the special session would start in June.",
    "Senator Ray Holt declined to comment on the report. Representative Jo Kern did not respond to a request for "
    "comment.",
    "The bill, named after the late Senator Ed Kroll, would raise the minimum wage. President Sam Ortega is expected "
    "to sign it.",
    "Aides to Senator Ray Holt said he would vote no.",
    "Senator Dana Whitlow will speak at the convention on Thursday night.",
])
def test_no_speech_of_ones_own(text):
    assert speakers(text) == set()


def test_a_hard_wrapped_apposition_is_no_sign_off():
    # the role's line breaks before the firm's name ends: the name opens a sentence that goes on, no byline
    text = ("FARM LENDERS SEE ANOTHER HARD YEAR\n"
            "Farm lenders in the plains states face another hard\n"
            "year as land prices keep falling, bankers said.\n"
            "    Oswin Tarrant, chairman of the Plains Cooperative Farm\n"
            "Credit Bank said the system would need fresh capital by\n"
            "the middle of the year to keep lending to its members.\n"
            "    Land prices fell again in the spring, and loans to\n"
            "grain farmers made up most of the losses of the banks in\n"
            "the region, the bank's figures showed.\n")
    assert speakers(text) == {"Oswin Tarrant"}


@pytest.mark.parametrize(("text", "expected"), [
    # the closing comma of the apposition left out after a stock symbol, an acronym in brackets, or two titles
    ("Ilse Varga, chairman of Northfield Grain Corp <NFG> told Reuters that exports would fall.", {"Ilse Varga"}),
    ("Ilse Varga, chairman of Northfield Grain Bank NV (NGB) said the bank would cut its rate.", {"Ilse Varga"}),
    ("Ilse Varga, president and chief executive officer of Northfield Grain said exports would fall.", {"Ilse Varga"}),
])
def test_an_apposition_left_unclosed_after_a_firms_symbol(text, expected):
    assert speakers(text) == expected


def test_a_quotation_going_on_over_paragraphs_leaves_the_next_attribution_outside_it():
    # news style leaves the first paragraph's quotation unclosed and opens the next with a quotation mark again
    text = ("REFINERS URGED TO CUT CRUDE RUNS THIS SPRING\n"
            "Refiners must cut their crude runs this spring if\n"
            "gasoline stocks are to fall by the summer, industry\n"
            "officials said at a meeting on Tuesday.\n"
            '    "Refiners must cut runs," said Orla Benning, vice\n'
            'president of refining at Westgate Oil Inc. "If they hold\n'
            "runs near twelve million barrels a day, stocks will fall\n"
            "by the summer.\n"
            '    "If not, the industry will have a tough year."\n'
            '    "Margins are thin and will stay thin," said Ruth\n'
            "Calder, an analyst with Harlow Securities in New York.\n"
            '    "Stocks are too high," she added.\n')
    assert speakers(text) == {"Orla Benning", "Ruth Calder"}



@pytest.mark.parametrize(("text", "expected"), [
    # a time clause's subject speaks: "after" / "when" / "until" open a clause, not a prepositional object
    ("The vote came a day after President Sam Ortega said the tariffs would stay.", {"Sam Ortega"}),
    ("Bond prices rose after Prime Minister Poul Hansen warned of deeper cuts.", {"Poul Hansen"}),
    ("The dispute grew when Sen. Jo Kern (R-Ohio) announced a filibuster.", {"Jo Kern"}),
    # not a passive, an apposition closing the object of a preposition, or another verb before the verb of saying
    ("The talks began after Sam Ortega was told of the plan.", set()),
    ("Standing before Judge Edmund Vane, Carl Dobbs said he was sorry.", {"Carl Dobbs"}),
    ("Shares rose after analyst Rita Moll upgraded the stock and added it to her list.", set()),
])
def test_a_time_clauses_subject_speaks(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a quoted question or exclamation goes on in its attribution: no new sentence before "asked X"
    ('"Where did the money go?" asked Senator Bo Ames.', {"Bo Ames"}),
    ('"We will not back down!" shouted Representative Tia Roux at the rally.', {"Tia Roux"}),
    ('"Is this fair to farmers?" said Governor Nina Hale. Nobody answered.', {"Nina Hale"}),
])
def test_an_inverted_verb_after_a_quoted_question(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a stance signalled or restated is speech when it says what
    ("President Sam Ortega repeated his claim that the election was rigged.", {"Sam Ortega"}),
    ("Senator Kay Dorn renewed her call for a ban on stock trading by members of Congress.", {"Kay Dorn"}),
    ("Senator Omar Reyes signaled on Monday that he could support the compromise.", {"Omar Reyes"}),
    ("Senator Omar Reyes signalled he would vote for the bill.", {"Omar Reyes"}),
    # not a feat repeated or a signal without a message
    ("The champion repeated the feat a year later. Coach Jo Kern repeated the drill twice.", set()),
    ("Coach Jo Kern signalled to the bench.", set()),
])
def test_a_stance_signalled_or_restated(text, expected):
    assert speakers(text) == expected
