"""Speakers of issue 11's round 7: classes of missed speakers seen in the random round-7 draw and the retired parts
(a point made by or a proposal of a leader named after a role, one's own post that speaks, a statement delivered
on behalf of a leader after a long role, one heard from a podium, a quote verb followed by a clause with a pronoun
subject, a quoted or subtitled organisation between a name and its verb, an apology from a defendant, a post on
social media, disagreement). Sentences are our own.
"""

import pytest

from search.ingest.enrich.people import find_people


def speakers(text: str) -> list[str]:
    return sorted(find_people(text).speakers)


@pytest.mark.parametrize("text, expected", [
    # a point made by a leader named after a role, a reference after the name
    ("Statement\nThat was a point forcefully made by the President of Ruritania, Alma Corvell (see A/1/PV.2).",
     ["Alma Corvell"]),
    ("Statement\nWe support the proposal of President Tomas Ebbe that the Assembly meet in other cities.",
     ["Tomas Ebbe"]),
    # one's own post that speaks: the one holder named before
    ("Statement\nWe mourn Prime Minister Haile Dagne, who led us for years. As our late Prime Minister often "
     "emphasized, deeds matter more than words.", ["Haile Dagne"]),
    ("Statement\nOn behalf of President Ilse Varto I greet the Assembly. As my President often says, partnerships "
     "decide everything.", ["Ilse Varto"]),
])
def test_a_point_a_proposal_and_ones_own_post(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    # two presidents named before: "our President" is not guessed between them
    "Statement\nToday President Ana Kiro and President Bela Tomb signed an accord. As our President stated last "
    "year, peace is a journey.",
    "Match\nThe striker made a point by scoring twice, said nobody in particular.",  # a point scored, no speech
    "Plan\nWe discussed the proposal of the committee for a new road.",  # no person owns it
])
def test_no_speaker_from_an_unsettled_post_or_a_point_scored(text):
    assert speakers(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Statement\nAt the outset, on behalf of the people and the President of the Republic of the Northern Isles, "
     "Mr. Joao Pereira Lima, I would like to convey our congratulations.", ["Joao Pereira Lima"]),
    ("Statement\nWith President Arno Kessel of Ruritania, whom we have just heard, we chaired the commission.",
     ["Arno Kessel"]),
])
def test_a_leader_on_whose_behalf_one_speaks_and_one_the_assembly_heard(text, expected):
    assert speakers(text) == expected


def test_one_whom_we_met_is_not_heard():
    assert speakers("Visit\nWe thanked Mayor Ivo Sand of Ruritania, whom we met yesterday, for the visit.") == []


@pytest.mark.parametrize("text, expected", [
    ("Health\nEarly on Friday Governor Mara Lind reported she had tested positive for the virus.", ["Mara Lind"]),
    ("Health\nOn Monday, President Ivan Dorsk declared Ruritanians would be paid while at home.", ["Ivan Dorsk"]),
    ("Vote\nSenator Ada Brill and others in the Green Party warned the delay was a risk.", ["Ada Brill"]),
    ("Health\nThe senator, Paul Okoro, took to social media, posting on Twitter, \"We will get through this.\"",
     ["Paul Okoro"]),
    ("Abuse\nCalling it \"too little\", Jana Wolna of \"Speak Up\", a support charity, told Reuters the apology "
     "came late.", ["Jana Wolna"]),
    ("Science\nCo-author Tim Rao of the Centre for Ocean Studies: Research and Training (COS-RT) said the bloom "
     "was huge.", ["Tim Rao"]),
    ("Court\nThe hearing included testimony from witnesses and an apology from Derek Vane, who wept.",
     ["Derek Vane"]),
    ("Drugs\nClinic manager Lena Frost, of a local charity, disagreed with the link between payments and overdoses.",
     ["Lena Frost"]),
])
def test_reported_clauses_posts_quoted_organisations_and_apologies(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Health\nGovernor Mara Lind reported the figures to the council.",  # an object, no clause: no speech
    "Health\nGovernor Mara Lind praised Doctor Ivo Sand, who had worked all night.",  # praise, no clause
    "Jobs\nA job posting by Acme listed the post; Carl Benn applied.",  # a noun, not a participle
])
def test_a_reported_object_and_a_posting_noun_are_no_speech(text):
    assert speakers(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Statement\nI recall the proposals made by President Amon Kadu at the summit to pool food reserves.",
     ["Amon Kadu"]),
    ("Statement\nThe reference made by the President of Ruritania, Mr. Olek Varga, to the old plan is no answer.",
     ["Olek Varga"]),
    ("Statement\nWe urge a study of the findings in the report by Mr. Hans Brodin, the Special Rapporteur.",
     ["Hans Brodin"]),
    ("Statement\nIn his novel's epigraph he quoted the poet Edwin Marr: “No island stands alone.”", ["Edwin Marr"]),
    ("Arms\nLeader Pavel Orlov proposed on Saturday that the talks be split in two.", ["Pavel Orlov"]),
    ("Statement\nA common front is needed, as President Ivo Maran proposed from this rostrum last year.",
     ["Ivo Maran"]),
])
def test_proposals_references_reports_and_quoted_authors(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Budget\nPresident Ada Lorne proposed a budget of four billion dollars.",  # a proposal with no words of it
    "Court\nThe judge wrote for the majority; Ann Pike agreed to pay.",  # "wrote for": a writer's work
])
def test_a_bare_proposal_and_writing_for_are_no_speech(text):
    assert speakers(text) == []
