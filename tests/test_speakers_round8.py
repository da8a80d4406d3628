"""Speakers of issue 11's round 8 (newswire and UN statements): one who speaks for another ("a spokesman for X", "an
aide to X") is the speaker, not the principal; names with their appositions joined by "and" speak together; a role
set off after a name with its closing comma left out may have lower-case words in its "of" phrase. Sentences and
names are our own.
"""

import pytest

from search.ingest.enrich.people import find_people

_OPENING = "Farm bill talks resume\nThe committee met on Tuesday to discuss the farm bill. "


@pytest.mark.parametrize("sentence", [
    "A spokesman for Senator Harlan Quist said the vote would be delayed.",
    "A spokeswoman for Harlan Quist said the vote would be delayed.",
    "An aide to Harlan Quist told reporters the vote would be delayed.",
    "A lawyer for Harlan Quist said his client would appeal.",
])
def test_the_principal_of_a_spokesman_is_no_speaker(sentence):
    found = find_people(_OPENING + sentence)
    assert found.speakers == []
    assert found.people == ["Harlan Quist"]


@pytest.mark.parametrize("sentence, expected", [
    # an agent named speaks for the principal: the agent, not the principal
    ("Dora Vell, an aide to Senator Harlan Quist, said the vote would be delayed.", ["Dora Vell"]),
    # a title whose domain follows "of" is still a title: the one holding it speaks
    ("Minister of Justice Harlan Quist also spoke about the bill.", ["Harlan Quist"]),
    ("Secretary for Trade Harlan Quist said the vote would be delayed.", ["Harlan Quist"]),
])
def test_titles_with_a_preposition_still_name_the_speaker(sentence, expected):
    assert find_people(_OPENING + sentence).speakers == expected


def test_names_with_appositions_joined_by_and_speak_together():
    sentence = ("Harlan Quist, chairman of the House panel, and Dora Vell, chairwoman of the Senate panel, said "
                "they would merge their hearings.")
    assert sorted(find_people(_OPENING + sentence).speakers) == ["Dora Vell", "Harlan Quist"]


def test_a_list_of_people_met_is_not_made_speakers_by_a_later_verb():
    sentence = "The governor met Harlan Quist, the mayor, on Monday. The talks said little about prices."
    assert find_people(_OPENING + sentence).speakers == []


@pytest.mark.parametrize("sentence", [
    "Harlan Quist, professor of economics at Varnholt University told the hearing the cost could be high.",
    "Harlan Quist, president of the growers association Agrovell said the talks had failed.",
])
def test_a_role_left_open_before_the_verb(sentence):
    assert find_people(_OPENING + sentence).speakers == ["Harlan Quist"]


def test_a_role_left_open_needs_a_name_at_its_end():
    # ("president of the company" then a verb: a run-on the rule leaves alone; the comma-less role must end in a name)
    sentence = "Addressing Harlan Quist, president of the company said the plant would close."
    assert find_people(_OPENING + sentence).speakers == []


@pytest.mark.parametrize("sentence", [
    "Harlan Quist admitted the new levy was a factor in the defeat.",  # a clause with a noun phrase for subject
    "Harlan Quist agreed the central bank will keep rates steady.",
    "Harlan Quist has accused the growers of stalling the talks.",  # an accusation made
    "Harlan Quist accused Dora Vell of intransigence.",
    "Harlan Quist threatened to take the dispute to the courts.",  # a threat made
])
def test_newswire_forms_of_reported_speech(sentence):
    assert find_people(_OPENING + sentence).speakers == ["Harlan Quist"]


@pytest.mark.parametrize("sentence", [
    "Harlan Quist is also accused of perjury and of bribing a clerk.",  # a passive: no accusation made by him
    "Harlan Quist praised the team that has won the cup.",  # no clause: a relative after the object
    "Harlan Quist welcomed the growers to the hall.",  # no quotation, no clause
])
def test_no_speech_in_passives_or_objects(sentence):
    assert find_people(_OPENING + sentence).speakers == []


@pytest.mark.parametrize("sentence", [
    'Sen. Harlan Quist (R-Ohio) met the growers. "We are ready," the senator told reporters.',
    "Gov. Harlan Quist vetoed the measure. The governor said the bill was flawed.",
    "Rep. Harlan Quist opposed the plan. The congressman said it would cost too much.",
])
def test_an_abbreviated_title_names_the_post_that_speaks_later(sentence):
    assert find_people(_OPENING + sentence).speakers == ["Harlan Quist"]


def test_an_abbreviated_title_of_another_post_names_no_holder():
    sentence = "Gov. Harlan Quist vetoed the measure. The senator said the bill was flawed."
    assert find_people(_OPENING + sentence).speakers == []


@pytest.mark.parametrize("sentence", [
    "Attorney General Harlan Quist arrived on Monday. The attorney general said the inquiry would go on.",
    "Prime Minister Harlan Quist arrived on Monday. The prime minister told reporters the talks would go on.",
    "President Harlan Quist arrived in the capital. That is what the Ruritanian President said.",
])
def test_a_post_in_lower_case_speaks_for_its_holder(sentence):
    assert find_people(_OPENING + sentence).speakers == ["Harlan Quist"]


@pytest.mark.parametrize("sentence", [
    # another post that shares the last word: the economy minister is not the prime minister
    "Minister of Economy Harlan Quist failed to buy the kits, and the Prime Minister apologised to the country.",
    "Former President Harlan Quist arrived in the capital. The president said the economy was strong.",
])
def test_a_post_does_not_speak_for_the_holder_of_another(sentence):
    assert find_people(_OPENING + sentence).speakers == []
