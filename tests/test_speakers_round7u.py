"""Speakers of issue 11's round 7, UN draw "7u": a sage or author cited by one name in a comparative "as" clause
("As Cicero observed, …") is a person and a speaker, though no full name or title makes the lone word one.
Sentences and names are our own.
"""

import pytest

from search.ingest.enrich.people import find_people

_OPENING = "Statement by the delegation\nWe meet again in a year of trials for the Organization. "


@pytest.mark.parametrize("cited, expected", [
    ("As Varostel observed, we are born to live together and to help one another.", ["Varostel"]),
    ("As the great Quenmarro once said, it is experience that teaches us to value peace.", ["Quenmarro"]),
    ("As Ildrevi said, “The river will reach the sea before we give up our struggle.”", ["Ildrevi"]),
    ("As the poet Ostravian wisely put it, no harbour is safe for ever.", ["Ostravian"]),
])
def test_a_lone_name_cited_as_speaking_in_an_as_clause(cited, expected):
    found = find_people(_OPENING + cited)
    assert sorted(found.speakers) == expected
    assert sorted(found.people) == expected


@pytest.mark.parametrize("cited", [
    "As KORVAN said on Monday, the plant will close.",  # an acronym: an agency, not a person
    "As the Pope said last year, a wall is not a solution.",  # a post, no name
    "Varostel observed the vote from the gallery as the clock struck nine.",  # no "as" clause citing it
    "As Varostel grew, the harbour was rebuilt.",  # no verb of saying
])
def test_no_lone_name_without_the_cited_speech(cited):
    assert find_people(_OPENING + cited).speakers == []
