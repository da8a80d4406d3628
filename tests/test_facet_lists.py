"""The junk and duplicate checks of the top-values lists (benchmarks/facet_lists.py), on names we made up
or that are public figures' names, never corpus text: a check that passed everything, or flagged real
names, would make the issue-11 junk share and duplicate counts meaningless."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from facet_lists import TopValues, duplicate_pairs, non_person  # noqa: E402


@pytest.mark.parametrize("value", ["Ursula von der Leyen", "Bashar al-Assad", "George W. Bush", "Ban Ki-moon",
                                   "Queen Elizabeth II", "Recep Tayyip Erdoğan", "Jean-Claude Juncker", "Ned Price",
                                   # long names are names: six words besides the particles
                                   "Amira bint Khalid Al Saud", "Tunku Ahmad bin Haji Abdul Rahman Yusof",
                                   "Juan Carlos de la Vega Ortiz"])
def test_real_names_are_not_junk(value):
    assert non_person(value) is None


@pytest.mark.parametrize("value", ["Geneva Statute", "Verkhovna Rada", "Excellency Maria Lopez", "Aide Ivan Petrov",
                                   "Transport Sergei Ivanov", "Saint Lucia", "Viet Nam", "Powers", "NATO",
                                   "Hurricane Dorian", "Red Cross", "Acme Tool Co", "Russia-South Africa",
                                   "Anna Berg Jonas Lind Maria Holm Erik Dahl"])
def test_non_person_values_are_junk(value):
    assert non_person(value)


def test_duplicate_pairs_find_one_person_under_two_values():
    rules = {frozenset((a, b)): rule for a, b, rule in duplicate_pairs(
        ["Vladimir Putin", "Putin", "Mykhailo Podoliak", "Mykhailo Podolyak", "António Guterres", "Antonio Guterres",
         "George Bush", "George W Bush", "Joe Biden", "Joseph Biden", "Boris Johnson", "Gary Johnson",
         "Bart Quell", "Bartholomew Quell"])}
    assert rules[frozenset(("Vladimir Putin", "Putin"))] == "last name(s) of the other"
    assert rules[frozenset(("Mykhailo Podoliak", "Mykhailo Podolyak"))] == "same after folding"
    assert rules[frozenset(("António Guterres", "Antonio Guterres"))] == "same after folding"
    assert rules[frozenset(("George Bush", "George W Bush"))] == "same first and last name"
    assert rules[frozenset(("Joe Biden", "Joseph Biden"))] == "short form of the first name"
    assert rules[frozenset(("Bart Quell", "Bartholomew Quell"))] == "first name cut short"
    assert frozenset(("Boris Johnson", "Gary Johnson")) not in rules  # two people who share a surname


ARTICLES = [(["Anna Berg", "Geneva Statute"], ["Anna Berg"]), (["Berg", "Lena Holt"], ["Powers"]),
            (["Anna Berg", "Berg"], [])]


def test_report_counts_junk_and_duplicates_as_extracted():
    top = TopValues("made-up corpus", merge_aliases=False)
    for people, speakers in ARTICLES:
        top.add(people, speakers)
    text, summary = top.report()
    assert summary == {"articles": 3, "listed": 6, "junk": 2, "dup_people": 1, "dup_speakers": 0}
    assert "Anna Berg (2)" in text and "Berg (2)" in text and "Geneva Statute (1) **[junk]**" in text


def test_report_counts_one_person_once_as_the_index_does():
    """"Berg" is Anna Berg by the index's alias rules: counted with her, once per article."""
    top = TopValues("made-up corpus")
    for people, speakers in ARTICLES:
        top.add(people, speakers)
    assert top.people == {"Anna Berg": 3, "Geneva Statute": 1, "Lena Holt": 1}
    text, summary = top.report()
    assert summary == {"articles": 3, "listed": 5, "junk": 2, "dup_people": 0, "dup_speakers": 0}
    assert "Anna Berg (3)" in text and "Berg (2)" not in text
