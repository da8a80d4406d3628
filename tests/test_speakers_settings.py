"""Speakers placed by the setting of their speech (issue 11, round 6; `speech_settings.py`): a speech of one's
own that frames what a named person did, a statement delivered on behalf of a leader, a speech its audience heard
(round 6b), and speech by one named after a possessive ("by his son X", "Tom Hollis' lawyer X"). Sentences are our own.
"""

import pytest

from search.ingest.enrich.people import find_people


def speakers(text: str) -> list[str]:
    return find_people(text).speakers


@pytest.mark.parametrize("text, expected", [
    ("Statement\nWater matters. In his address to the forum on oceans, President Tavo Meriden welcomed the plan.",
     ["Tavo Meriden"]),
    ("Campaign\nThe convention ended. During her keynote, Senator Lira Okonjo took a swipe at the governor.",
     ["Lira Okonjo"]),
    ("Statement\nDecades ago, the founder of our nation, Ramon Ekwe, in his maiden speech before this body, "
     "envisioned a world of equals.", ["Ramon Ekwe"]),
])
def test_a_speech_of_ones_own_frames_what_the_person_did(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Rally\nGovernor Anton Bria attacked Peter Salo in his speech on Monday.",  # the object is not the speaker
    "Rally\nIn his speech, he praised the volunteers. Ms. Dana Wiel arrived later.",  # no name after the comma
    "Visit\nIn her letter of invitation, which arrived on Monday, the hosts named Karl Denz as a guest.",
])
def test_a_speech_setting_credits_no_object_and_no_name_out_of_place(text):
    assert "Peter Salo" not in speakers(text)
    assert "Karl Denz" not in speakers(text)
    assert "Dana Wiel" not in speakers(text)


@pytest.mark.parametrize("text, expected", [
    ("Statement\nIt is an honour for me to address the Assembly on behalf of His Majesty King Tebo II, Head of State.",
     "King Tebo II"),
    ("Statement\nIt is a great honour to speak on behalf of the President of the Republic of Veloria, His Excellency "
     "Marco Ilunga Sefu, in this Hall.", "Marco Ilunga Sefu"),
    ("Statement\nAt the outset, on behalf of President Anika Roos Telve, I congratulate you on your election.",
     "Anika Roos Telve"),
])
def test_a_statement_on_behalf_of_a_leader_credits_the_leader(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize("text", [
    "Court\nThe firm filed a lawsuit on behalf of Mr. Jonas Pell in the district court.",  # no speech
    "Statement\nI speak on behalf of Tomas Wendt, a teacher who was killed in the attack.",  # no leader represented
])
def test_on_behalf_of_credits_nobody_outside_a_speech_or_without_a_leader(text):
    assert speakers(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Statement\nThis week the Assembly has heard from both Prime Minister Oren Talmi and President Rami Kassab.",
     ["Oren Talmi", "Rami Kassab"]),
    ("Statement\nOn Monday we heard President Ilse Varda urge restraint, and we agree with her.", ["Ilse Varda"]),
    ("Statement\nAs we heard this morning from President Ilse Varda, the poorest have acted first.", ["Ilse Varda"]),
])
def test_a_speech_the_audience_heard_credits_the_one_heard(text, expected):
    assert sorted(speakers(text)) == expected


@pytest.mark.parametrize("text", [
    "Search\nPolice said they have not heard from Marek Lind since Friday.",  # hearers who are no audience
    "Search\nWe heard Marek Lind had left the city.",  # heard of, not heard speaking
])
def test_hearing_of_someone_credits_nobody(text):
    assert "Marek Lind" not in speakers(text)


@pytest.mark.parametrize("text, speaker, owner", [
    ("Deal\n\"It was signed,\" said Tom Hollis' lawyer Mary Pell.", "Mary Pell", "Tom Hollis"),
    ("Deal\nAccording to Tom Hollis' lawyer, the deal was signed on Monday.", None, "Tom Hollis"),
])
def test_a_name_owning_what_follows_by_an_apostrophe_alone_is_no_speaker(text, speaker, owner):
    found = speakers(text)
    assert owner not in found
    assert speaker is None or speaker in found


@pytest.mark.parametrize("text, expected", [
    ("Obituary\nThe poet Ivo Ranke died on Monday. His death was announced by his son Paul Ranke via Twitter.",
     ["Paul Ranke"]),
    ("Court\nThe ruling was confirmed by her long-time lawyer Dora Fenn on Friday.", ["Dora Fenn"]),
])
def test_speech_by_a_relative_or_aide_named_after_the_possessive_credits_that_person(text, expected):
    assert speakers(text) == expected


def test_an_act_by_a_relative_is_no_speech():
    assert speakers("Obituary\nThe poet was raised by his aunt Vera Ranke in Lyon.") == []


@pytest.mark.parametrize("text, expected", [
    ("Tide pools hold surprises: Wikinews interviews marine biologist Orla Feeney\nThe reef survey ended in May. "
     "The team counted crabs along the shore.", ["Orla Feeney"]),
    ("The Courier interviews 2024 Green Party mayoral candidate Tomas Reyl\nVoters go to the polls on Sunday.",
     ["Tomas Reyl"]),
    ("Storm season\nLast week the station interviewed harbour master Ines Volk about the new sea wall.", ["Ines Volk"]),
])
def test_an_interview_as_a_verb_makes_the_interviewee_speak(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Suspect questioned\nThe suspect was interviewed by detective Hal Brenn on Tuesday. The case continues.",
    'Ratings\nThe host said "she interviews Mara Quill next week," and left the studio.',
])
def test_the_interviewer_and_a_quoted_interview_credit_nobody_new(text):
    assert "Hal Brenn" not in speakers(text) and "Mara Quill" not in speakers(text)
