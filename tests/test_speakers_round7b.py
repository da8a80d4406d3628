"""Speakers of issue 11's round 7, continued: classes of missed speakers still open after the first round-7 pass
(white space of any width inside an attribution: a hard-wrapped line's break read as a space after a trailing
one). Sentences are our own.
"""

import pytest

from search.ingest.enrich.people import find_people


def speakers(text: str) -> list[str]:
    return sorted(find_people(text).speakers)


# A hard-wrapped statement: most lines break inside a sentence, some after a trailing space.
_WRAPPED = ("Statement by the delegate\n"
            "We have come a long way since the founding of this \n"
            "Organization, and we have no reason to stop now. We \n"
            "thank all the delegations that worked with us over the \n"
            "past year on the reform of the Council and its \n"
            "working methods. As indicated \n"
            "by my colleague from Ruritania, President Alvo Kessen, \n"
            "“Trade matters more than aid”. He is right, and we \n"
            "support the plan that his country put forward in \n"
            "the Committee last spring, with many other members \n"
            "of the Assembly.\n")


def test_a_line_break_after_a_trailing_space_inside_an_attribution():
    assert speakers(_WRAPPED) == ["Alvo Kessen"]


@pytest.mark.parametrize("text, expected", [
    ("Statement\nThe threats voiced  by President Ilia Doran were clear.", ["Ilia Doran"]),  # two spaces
    ("Statement\nThe plan was drawn up by President Ilia Doran last year.", []),  # drawn up: no speech
])
def test_by_after_a_verb_of_saying_with_any_white_space(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Court\nOn Monday Dirk Halloran admitted his guilt in three thefts.",  # a plea: a formal act
    "Race\nThe winner, Tobi Akande, posted a time of two hours and four minutes.",  # a result, not a post
    "Music\nThe presenter Lotte Brandt posted a video about the concert.",  # a post with no words of it
])
def test_admitting_or_posting_a_thing_is_no_speech(text):
    assert speakers(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Court\nDirk Halloran admitted that he had taken the money.", ["Dirk Halloran"]),
    ("Court\nDirk Halloran admitted he was wrong.", ["Dirk Halloran"]),
    ("Music\nLotte Brandt posted on her blog: \"The concert was a triumph.\"", ["Lotte Brandt"]),
])
def test_admitting_or_posting_words_is_speech(text, expected):
    assert speakers(text) == expected


# A hard-wrapped report: a speaker opens a line with a role that the next line closes with a comma.
_WRAPPED_ROLE = ("BANK CHIEF SEES SLOWER GROWTH\n"
                 "    Growth will slow this year as exports fall and the\n"
                 "currency stays strong, economists at several banks\n"
                 "in the capital said on Monday.\n"
                 "    Olaf Brenner, chief economist at the Northern Savings\n"
                 "Bank, said the slowdown would be mild and that the central\n"
                 "bank would keep interest rates where they are for the\n"
                 "rest of the year, unless the currency rose further.\n"
                 "    Exports fell for a third month in a row in April, the\n"
                 "statistics office said last week.\n")


def test_a_role_closed_on_the_next_line_is_no_sign_off():
    assert speakers(_WRAPPED_ROLE) == ["Olaf Brenner"]


def test_a_sign_off_still_names_no_speaker():
    text = "Talks\nThe talks went on late into the night, officials said.\nIda Marsh, Northern News.\n"
    assert speakers(text) == [] and "Ida Marsh" in find_people(text).people


@pytest.mark.parametrize("text, expected", [
    # the sentence's subject, set off by an apposition or a relative clause, speaks the quotation its colon opens
    ("Statement\nNobel laureate Rosa Venn, a survivor who was jailed for years, has been even blunter: “Silence "
     "helps the jailer.”", ["Rosa Venn"]),
    ("Statement\nAnother woman, Ms. Lida Moor, who spent her youth in the ranks of a militia, was able to tell her "
     "former leaders: “Do not enlist more children.”", ["Lida Moor"]),
])
def test_a_subject_set_off_before_a_colon_quotation(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Statement\nPresident Ivo Kral, who was elected last year, was given a medal: “For service”.",  # passive
    "Statement\nWe welcomed Ivo Kral, the new envoy, and read the charter: “All are equal.”",  # an object
])
def test_no_colon_quotation_for_a_passive_subject_or_an_object(text):
    assert speakers(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Statement\nWe welcome Mr. Tarek Osei’s proposal of “Water for all” as the theme of this debate.", ["Tarek Osei"]),
    ("Statement\nSecretary-General Ana Lund visited the islands. We are heartened by the Secretary-General’s "
     "proposal to convene a summit next year.", ["Ana Lund"]),
])
def test_a_persons_proposal_of_for_or_to_something(text, expected):
    assert speakers(text) == expected


def test_a_proposal_with_no_object_or_a_marriage_is_no_speech():
    assert speakers("Wedding\nThey celebrated Tom Rand’s proposal. We must implement Mr. Tom Rand’s plan.") == []
