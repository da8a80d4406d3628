"""Speakers, issue 11 round 11 (UN statements' recall): the agent of passive speech ("as was recalled here by X", "by X
in his speech"), speech named by a noun ("the announcement by X", "words expressed … by X"), "states that", a sage
cited by one name, "to paraphrase", "made that point", a statement quoted whole, regnal numbers and styles, and the
"Alhaji" honorific. Sentences are our own, names invented."""

from __future__ import annotations

import pytest

from search.ingest.enrich.of_record import with_given
from search.ingest.enrich.people import find_people
from search.ingest.enrich.sentences import quote_spans


def speakers(text: str) -> set[str]:
    return set(find_people(text).speakers)


@pytest.mark.parametrize(("text", "expected"), [
    # passive speech with a setting between the verb and "by"; "by X in his/her <speech>"
    ("Hunger, as was recalled at the opening of this session by the President of Ruritania, Marisa Vandelli, is a "
     "political failure.", {"Marisa Vandelli"}),
    ("The point was stressed yesterday by Minister Kofi Mensah-Bonsu.", {"Kofi Mensah-Bonsu"}),
    ("A vision that was most eloquently articulated in this Hall by Prime Minister Ravi Anand Kapoor.",
     {"Ravi Anand Kapoor"}),
    ("The criteria were laid down by President Carlos Mendoza Ruiz in his strong speech in May.",
     {"Carlos Mendoza Ruiz"}),
    # speech named by a noun and its author after "by"
    ("We welcome the announcement by President Carlos Mendoza Ruiz of his decision to send doctors.",
     {"Carlos Mendoza Ruiz"}),
    ("These are words expressed here in 2003 by President Tomasz Wierzbicki.", {"Tomasz Wierzbicki"}),
    # "states that", with an adverb or a parenthesis between
    ("The economist Ravi Shankar Menon rightly states that hunger is a political failure.", {"Ravi Shankar Menon"}),
    ("Our friend Jorge Almeida Pinto — who is present today — states that reform is urgent.", {"Jorge Almeida Pinto"}),
    # a sage cited by one name: an adverb of citing, or a writer set off after the name
    ("In his chronicle, Xenodoros famously concluded that the strong do what they can.", {"Xenodoros"}),
    ("Ilmarinos, the Finnish poet of the sixteenth century, wrote that the world is made of change.", {"Ilmarinos"}),
    # "to paraphrase" someone described before the name, "the late" and a title after the comma
    ("To paraphrase my brother, the late Prince Faisal bin Omar Al Rashid, we are not warmongers.",
     {"Faisal bin Omar Al Rashid"}),
    # an oral act: a point made
    ("Michael Norley, the late national hero of Ruritania, made that point in this very forum.", {"Michael Norley"}),
    # a greeting from a head of state whose styles include "Alhaji": the name, not the honorific
    ("I bring greetings from His Excellency Sheikh Professor Alhaji Dr. Musa Kanteh Jallow, President of the "
     "Republic, who has directed me to read his statement.", {"Musa Kanteh Jallow"}),
])
def test_round11_speech_is_credited(text: str, expected: set[str]) -> None:
    assert speakers("Statement\n" + text) == expected


@pytest.mark.parametrize("text", [
    "The attack was carried out in May by Abu Karim Haddad.",  # a deed, no speech
    "He was elected in 2010 by Parliament and sworn in by Judge Helen Marsh.",
    "The plan was presented in Geneva by Professor Lena Okafor, who chaired the panel.",
    "Progress was noted in the review, and during the visit to the capital by Ms. Lena Okafor.",  # another clause
    "The book was written in 1990 by Lena Okafor in her spare time.",  # no speech named after the agent
    "Moscow once said that the talks would resume.",  # a place, not a sage
    "Michael Norley made a point of visiting every village.",  # an idiom
    "The striker Michael Norley made the decisive point in the final set.",  # a game's point
])
def test_round11_no_speech_is_credited(text: str) -> None:
    assert speakers("Report\n" + text) == set()


def test_regnal_numbers_past_ten_stay_with_the_name() -> None:
    people = find_people("Statement\nWe recall the visits of Pope Benedict XVI and of Pope John XXIII.").people
    assert people == ["Pope Benedict XVI", "Pope John XXIII"]


@pytest.mark.parametrize(("given", "name"), [
    ("King Abdullah II Bin Al Hussein", "King Abdullah II Bin Al Hussein"),  # a regnal name with its number
    ("His Majesty King Mswati III", "King Mswati III"),
    ("King Don Felipe VI", "King Felipe VI"),  # the Spanish style goes, the regnal one stays
    ("Sheikh Tamim bin Hamad Al-Thani", "Tamim bin Hamad Al-Thani"),  # no number: the honorific goes (rule 2)
    ("Mr. Don Pramudwinai", "Don Pramudwinai"),  # "Don" as a given name, no regnal style before it
    ("Alhaji Ernest Bai Koroma", "Ernest Bai Koroma"),
])
def test_speaker_of_record_keeps_a_numbered_regnal_style(given: str, name: str) -> None:
    assert with_given([given], []) == [name]


def test_a_statement_quoted_whole_is_read_for_the_speech_it_reports() -> None:
    paragraph = ("“We remember the year when Prime Minister Anton Reyes said that the debt was not ours alone. "
                 + "Our people carried that burden for a generation and paid it back in full. " * 6)
    text = f"Statement\nThe President has asked me to read out his statement, as follows.\n{paragraph}\n"
    assert "Anton Reyes" in speakers(text)


def test_a_short_quotation_left_open_is_still_a_quotation() -> None:
    text = "Report\n“We will not sign, the minister said of the deal.\nTalks go on."
    assert quote_spans(text) == [(7, text.index("\n", 7) + 1)]
