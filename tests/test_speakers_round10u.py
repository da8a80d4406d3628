"""Speakers, issue 11 round 10 (UN statements' recall): a speech named by a relative clause whose subject is the
speaker, and a post that speaks through a noun ("the words of the Secretary-General", "we join the Secretary-General in
his call for"), credited to the one holder the text names. Sentences are our own, names invented."""

from __future__ import annotations

import pytest

from search.ingest.enrich.people import find_people

_NAMED = "We thank Secretary-General Orvan Delacroix for his devotion to the Organization. "


def speakers(text: str) -> set[str]:
    return set(find_people(text).speakers)


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause opened by the name: an oral verb after a speech noun, or "in his/her <speech>" after the verb
    ("We remain faithful to the words that the Holy Father Pope Anselm pronounced in this Hall.", {"Pope Anselm"}),
    ("My Government pursues the reform agenda that President Tamsin Oduya outlined in her inaugural address.",
     {"Tamsin Oduya"}),
    ("It is the idea of shared citizenship which Chancellor Viktor Halloran evoked in his opening statement.",
     {"Viktor Halloran"}),
    ("Let me recall the speech that Mr. Ludo Saranen delivered to the Assembly in 1974.", {"Ludo Saranen"}),
    # the post in the clause answers to its one named holder, as for "the Secretary-General said"
    (_NAMED + "We face the challenges that the Secretary-General described in his statement.", {"Orvan Delacroix"}),
])
def test_a_speech_named_by_a_relative_clause(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    # no speech named: a plan presented, ideals embodied, a death; the text's own speaker ("I") names nobody
    "We support the plan that President Tamsin Oduya presented in May.",
    "Our youth cherish the ideals that Ludo Saranen embodied throughout his life.",
    "We mourn the day that Viktor Halloran died in his sleep.",
    "I reiterate the call that I made from this rostrum last year.",
    # a pronoun of the other gender than the one the text gives the name
    "We recall the agenda which Ms. Tamsin Oduya set out in his report.",
])
def test_a_relative_clause_that_names_no_speech_of_the_name(text):
    assert speakers(text) == set()


@pytest.mark.parametrize("text", [
    _NAMED + "Freedonia echoes the words of the Secretary-General that the new agenda is universal.",
    _NAMED + "I wish to repeat the call made by the Secretary-General to the donors of the region.",
    _NAMED + "We welcome the Secretary-General's communiqué commending the efforts of the Government.",
    _NAMED + "We support the Secretary-General's appeal to all parties to return to the table.",
    _NAMED + "We join the Secretary-General in his call for an end to the blockade.",
    _NAMED + "Freedonia adds its voice to that of the Secretary-General in urging donors to act quickly.",
])
def test_a_post_that_speaks_through_a_noun_credits_its_named_holder(text):
    assert speakers(text) == {"Orvan Delacroix"}


def test_joining_a_named_person_in_a_call_credits_that_person():
    assert speakers("We join President Tamsin Oduya in calling for a ceasefire in the valley.") == {"Tamsin Oduya"}


@pytest.mark.parametrize("text", [
    # another post (a complement, another state's, a body), the speaker's own president, no holder named
    _NAMED + "We note the statement of the President of the Security Council on the matter.",
    _NAMED + "We welcome the Secretary-General's Special Envoy's appeal to all parties.",
    _NAMED + "We took note of the words of the Government on the matter.",
    "We thank President Anselm Varga for presiding. The call for dialogue is the central message of my President.",
    "We thank President Anselm Varga for presiding. We reject the statement by the Ruritanian President on Crimea.",
    "In the words of the Secretary-General, the world is facing a crisis of confidence.",
    # joined in a place or a task, not a call
    "We joined Tamsin Oduya in Geneva in June for the signing.",
])
def test_no_holder_is_credited_for_other_posts(text):
    assert speakers(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # an appeal or a call made, attention drawn: public speaking without a verb of saying (gold rule 8)
    ("From this rostrum Bishop Anselm Varga made an urgent appeal for the release of the hostages.", {"Anselm Varga"}),
    ("Last year Chancellor Mirela Ost made a call for calm in the capital.", {"Mirela Ost"}),
    ("Archbishop Tomas Rell drew our attention to the danger of a new famine.", {"Tomas Rell"}),
])
def test_an_appeal_made_or_attention_drawn_is_speech(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    # no person made it, or it is no speech (a phone call made, a drawing drawn)
    "The summit chaired by Anselm Varga made an urgent appeal to the donors of the region.",
    "President Anselm Varga made a call to his counterpart on Monday.",
    "The painter Tomas Rell drew a portrait of the queen.",
])
def test_no_appeal_or_attention_of_a_person(text):
    assert speakers(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # a statement delivered for its principal: the one who gave the charge, or whose statement it is (gold rule 32)
    ("His Excellency Mr. Rafael Ostrova, President of the Republic of Freedonia, has given me the honour of delivering "
     "this address to the Assembly.", {"Rafael Ostrova"}),
    ("The President of the Republic, His Excellency Mr. Rafael Ostrova, has asked me to deliver this message to the "
     "Assembly on his behalf.", {"Rafael Ostrova"}),
    ("I am honoured to read the statement of my President, His Excellency Rafael Ostrova, who had to return home.",
     {"Rafael Ostrova"}),
    ("It is an honour for me to deliver the statement of the President of the Republic of Freedonia, His Excellency "
     "Mr. Rafael Ostrova, and to greet the Assembly.", {"Rafael Ostrova"}),
])
def test_a_statement_delivered_for_its_principal(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    # a report asked of someone else, a government's statement, a charge given by "he" (often a style: "His Majesty")
    "The Council asked Secretary-General Ivo Danner to present a report on the matter.",
    "We read the statement of the Government with interest, as did Rafael Ostrova.",
    "We greet Tomas Ostrova. His Majesty could not come; he has delegated me to deliver the national statement.",
])
def test_no_principal_for_other_charges(text):
    assert speakers(text) == set()
