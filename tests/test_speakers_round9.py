"""Speakers, issue 11 round 9: public speaking without a verb of saying (UN statements), newswire's inverted
attribution after an abbreviated title, "X agreed." and "X briefed …". Sentences are our own, names invented."""

from __future__ import annotations

import pytest

from search.ingest.enrich.people import find_people


def speakers(text: str) -> set[str]:
    return set(find_people(text).speakers)


@pytest.mark.parametrize(("text", "expected"), [
    # an oral act and its stage credit the clause's subject, anywhere in a text (gold rule 8, public speaking)
    ("At the summit, President Tamar Oduya delivered a speech entitled “Bridges for tomorrow”.", {"Tamar Oduya"}),
    ("Our thanks go to Mr. Felix Arnaud, whose advocacy we witnessed when he presented his report to the Assembly.",
     {"Felix Arnaud"}),
    ("Three years ago, in this very Hall, Colonel Ruslan Petrosov stood before the Assembly and tore up the Charter.",
     {"Ruslan Petrosov"}),
    ("The former minister, Ines Calloway, took the stand on Tuesday and the hearing went on until evening.",
     {"Ines Calloway"}),
    ("Professor Dmitri Alvarenga gave a lecture on water rights at the university.", {"Dmitri Alvarenga"}),
    ("Mayor Hana Lindqvist made a short statement outside city hall before leaving for the airport.",
     {"Hana Lindqvist"}),
])
def test_public_speaking_without_a_verb_of_saying(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    # an initiative, a plan or a courier's delivery is no speech; a speech heard, its speaker unnamed, credits no one
    "The plan that Senator Rosa Quimby presented to the committee was rejected by the majority.",
    "President Tamar Oduya made a proposal to build a canal between the two lakes.",
    "Ambassador Kofi Tenkorang delivered a letter to the foreign ministry on Monday.",
    "The speech was delivered to the Assembly on behalf of the people of Freedonia.",
    # a passive act: the one who took part is not the subject
    "A statement was made to the press after Ines Calloway left the building.",
])
def test_acts_that_are_no_public_speaking(text):
    assert speakers(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # after a quotation, a title abbreviated with a stop before the name ("said Sen. X", AP style)
    ('"We will not fold," said Sen. Marla Duvent, D-Ore., who wrote the measure.', {"Marla Duvent"}),
    ('"This is the wrong fix," said Rep. Owen Tarrant (R-Kan.).', {"Owen Tarrant"}),
    ('"The numbers do not add up," said Lt. Gov. Petra Vasko.', {"Petra Vasko"}),
    ('"The deal is fair," said the U.S. trade envoy, Clement Hargrove.', {"Clement Hargrove"}),
])
def test_inverted_attribution_after_an_abbreviated_title(text, expected):
    assert speakers(text) == expected


def test_a_name_in_the_next_sentence_after_an_inverted_verb_is_not_its_speaker():
    # the sentence ends after "committee": Dr. Lina Osei, in the next sentence, did not say it
    assert speakers('"We will vote on Friday," said the committee. Dr. Lina Osei left early.') == set()


@pytest.mark.parametrize(("text", "expected"), [
    # agreeing with what was just said, the sentence ending there, is a view stated (as "disagreed" is)
    ("Senator Abel Fornby said the bill would fail. The other member of the panel, Greta Solvang, agreed.",
     {"Abel Fornby", "Greta Solvang"}),
    ("Rates will rise before summer, Ridley Bank economist Noor Haddadin agreed.", {"Noor Haddadin"}),
    # agreeing to do something, or on something, is a decision, not a view
    ("After a long meeting, Greta Solvang agreed to sell the farm.", set()),
    ("Abel Fornby and Greta Solvang agreed on a price for the farm.", set()),
])
def test_agreed_closing_its_sentence(text, expected):
    assert speakers(text) == expected


def test_briefed_is_a_verb_of_saying_and_being_briefed_is_not():
    assert speakers("Foreign Minister Arjun Pelleti briefed the envoys on the talks.") == {"Arjun Pelleti"}
    assert speakers("Foreign Minister Arjun Pelleti was briefed on the talks by his staff.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # a party and state in brackets, closed by the abbreviation's stop, ends no sentence before the verb
    ("Senator Wade Orlin (D-Minn.) said on Tuesday that he would vote against the bill.", {"Wade Orlin"}),
    # names joined by "and" speak together, also with capitalised or abbreviated titles before the second name
    ("Sens. Cora Blaine (D-Vt.) and Hugo Fenwick (R-Wash.) said they would file the bill.",
     {"Cora Blaine", "Hugo Fenwick"}),
    ("Rep. Nils Amory, D-Fla., and Rep. Tessa Quill, R-Ohio, said the deal was fair.", {"Nils Amory", "Tessa Quill"}),
    ("Prime Minister Jonas Mbeki and Finance Minister Rhoda Tan have both stressed that spending must fall.",
     {"Jonas Mbeki", "Rhoda Tan"}),
    # not one met with, whose clause ", and" closes: the speaker after it opens a clause of its own
    ("President Ilse Varga met with Managing Director Paolo Renzetti, and Argentine economy minister Juan Sotelo said "
     "the two discussed the debt.", {"Juan Sotelo"}),
    # two states' leaders, each titled by his state, who spoke on the phone: a call between them, not joint speech
    ("Chilean President Rolf Ekman and Peruvian President Dario Pell spoke on the phone on Monday.", {"Dario Pell"}),
])
def test_names_joined_by_and_on_newswire(text, expected):
    assert speakers(text) == expected


def test_an_object_is_not_joined_to_the_speaker():
    # "aides to X and Y" speak, not X (an object of "to"); (Y, whose apposition runs up to the verb, is still taken
    # for the subject: a known limit)
    text = ("Aides to Sens. Mark Tully (Ky.) and Rena Woolf (Calif.), whose seats were at risk, said their bosses "
            "objected.")
    assert "Mark Tully" not in speakers(text)
