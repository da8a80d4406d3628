"""Speakers named by their post (issue 11, round 5): "the Secretary-General noted", "the President told
reporters", "the Secretary-General's call for …" credit the one person named before who holds that post;
two holders, a former holder or none credit nobody. Also reported speech whose speaker is set off after a
description or a role ("the words of a farmer from X, Y, who …", "argued the firm's lawyer, Y."). Sentences
are our own.
"""

import pytest

from search.ingest.enrich.name_resolution import resolve
from search.ingest.enrich.names import find_mentions
from search.ingest.enrich.people import find_people
from search.ingest.enrich.post_holders import holders, post_words
from search.ingest.enrich.sentences import unwrapped, without_page_breaks


def speakers(text: str) -> list[str]:
    return find_people(text).speakers


FILLER = " The weather stayed cold and the harbour froze over again, as it had in every winter of that decade." * 15


@pytest.mark.parametrize("text, speaker", [
    ("Statement\nWe thank Mara Quillon, the Secretary-General, for her work." + FILLER
     + " As the Secretary-General rightly said, peace is the goal.", "Mara Quillon"),
    ("News\nJane Roe, who is the President of Ruritania, arrived on Monday." + FILLER
     + " Later the President told reporters the deal was done.", "Jane Roe"),
    ("News\nPresident of Tolvia Anna Belk opened the fair." + FILLER
     + " The Tolvian President said the fair would return.", "Anna Belk"),
    ("Statement\nWe congratulate Mr. Ivo Petrak on his election as President of the Assembly." + FILLER
     + " As the President noted in his opening address, reform is overdue.", "Ivo Petrak"),
])
def test_a_post_speaking_far_from_the_name_credits_its_one_holder(text, speaker):
    assert speakers(text) == [speaker]


def test_a_possessive_post_credits_its_holder():
    text = "Statement\nBan Ki-soo, the Secretary-General, opened. We heed the Secretary-General's call for restraint."
    assert speakers(text) == ["Ban Ki-soo"]
    assert speakers("Statement\nThe Secretary-General's words were clear. Secretary-General Ban Ki-soo came.") == []


@pytest.mark.parametrize("text", [
    # two people hold the post: no guess
    "Statement\nWe congratulate Mr. Ivo Petrak on his election as President of the Assembly. We thank Lola Mendes,"
    " the President of our Republic, for her trust." + FILLER + " As the President said, reform is overdue.",
    # only a former holder is named
    "Statement\nWe remember Sven Aldor, the former Secretary-General." + FILLER + " The Secretary-General said so.",
    # nobody holds it
    "News\nOla Nilsen, a farmer, planted corn." + FILLER + " The minister said the plan works.",
])
def test_a_post_with_no_single_present_holder_credits_nobody(text):
    assert speakers(text) == []


def test_holders_of_a_post_by_title_apposition_and_election():
    text = ("Foreign Minister John Dorrow met Ann Kio, the foreign minister of Tolvia, and Tom Reed, the then foreign"
            " minister. Mr. Ivo Petrak on his election to the presidency was cheered.")
    found = find_mentions(text)
    mentions = [(m, n) for m, n in zip(found, resolve(found), strict=True) if n]
    assert holders(text, mentions, ("foreign", "minister")) == {"John Dorrow", "Ann Kio"}
    assert holders(text, mentions, ("president",)) == {"Ivo Petrak"}
    assert post_words("the Ruritanian Prime Minister") == ("prime", "minister")


@pytest.mark.parametrize("text, speaker", [
    ("Statement\nI align myself with the statement made by the President of the Union Council, Mr. Hanno van Dulk,"
     " on behalf of the Union.", "Hanno van Dulk"),
    ("Statement\nI remember the words of a young farmer from Tolvia, Mesut Karaly, who saved lives: “We are brothers.”",
     "Mesut Karaly"),
    ("Statement\nTomas Brell, called “the Father of Tolvia” as one of its founders, stated: “Peace needs effort.”",
     "Tomas Brell"),
    ("News\nIt is not for the court to judge motives, argued the government's lawyer, Peter Vane.", "Peter Vane"),
    ("News\nWe heed Lia Moss's call for calm.", "Lia Moss"),
])
def test_reported_speech_with_the_speaker_set_off(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "News\nAccording to the report, Lia Moss, a farmer, was fined.",
    "News\nLia Moss's appeal against the ruling failed.",
    "News\nLia Moss's call with the mayor lasted an hour.",
])
def test_no_speech_where_a_name_only_follows_a_source_or_owns_a_case(text):
    assert speakers(text) == []


WRAPPED = ("Statement by Tolvia\n"
           "We meet again in difficult times. The river has flooded\n"
           "the valley and the harvest is lost. Our farmers have\n"
           "suffered for three years in a row, and our towns have\n"
           "emptied as the young leave for the capital. Yet there\n"
           "is hope. Mesut Karaly, our country's first Prime\n"
           "Minister, said in 1961 that a nation is built by\n"
           "its farmers. Those words still guide us. We ask the\n"
           "Assembly to help us rebuild the dams and the roads of\n"
           "the valley before the next rains come to our land.\n")


def test_a_line_break_inside_a_sentence_of_hard_wrapped_text_is_a_space():
    assert speakers(WRAPPED) == ["Mesut Karaly"]
    flat = unwrapped(WRAPPED)
    assert len(flat) == len(WRAPPED) and flat.startswith("Statement by Tolvia\nWe meet")
    assert "Prime Minister, said" in flat and flat.endswith("land.\n")


def test_a_page_break_of_a_printed_statement_breaks_no_sentence():
    broken = WRAPPED.replace("first Prime\n", "first Prime\n \n \n12 10-51234 \n \n").replace(
        "by Tolvia\n", "by Tolvia\nWe speak for our people, as\n \n \n10-51234 11\n \nwe have for decades.\n")
    assert speakers(broken) == ["Mesut Karaly"]
    flat = without_page_breaks(broken)
    assert len(flat) == len(broken) and "10-51234" not in flat and "first Prime\n  " in flat
    assert without_page_breaks("Summary\n\n2019-2020\n\nNext") == "Summary\n\n2019-2020\n\nNext"  # no symbol


@pytest.mark.parametrize("text, speaker", [
    ("Statement\nWe support the statement made in Geneva on 2 May by the High Representative of the Union,"
     " Catherine Osmund, on the talks.", "Catherine Osmund"),
    ("Statement\nWe welcome the statement of Mr. Bako Obeng, President of Tolvia, to the Assembly.", "Bako Obeng"),
    ("Statement\nI fully subscribe to what was said by the Tolvian President, Mr. Bako Obeng, lately.", "Bako Obeng"),
    ("Statement\nTo quote President Anwar Sadiq’s iconic phrase, “no one can build on misery”.", "Anwar Sadiq"),
    ("Statement\nIt recalls the eloquent words delivered by the Reverend Martin Lutz 53 years ago.", "Martin Lutz"),
    ("Statement\nIn conclusion, I would like to quote another eminent person, Nelson Mandela.", "Nelson Mandela"),
    ("News\nThe party withdrew in response to a statement from her brother, King Maha Vorakan.", "Maha Vorakan"),
])
def test_speech_owned_made_or_quoted(text, speaker):
    assert speakers(text) == [speaker]


def test_a_message_to_someone_is_not_theirs():
    text = "News\nIn his message of greetings to President of Tolvia Cyril Rama, the Russian leader noted ties grow."
    assert speakers(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("Statement\nAs our first Secretary-General — the great sailor, Dag Holm — famously said, “We sail together”.",
     "Dag Holm"),
    ("Statement\nI recall the poetic inquiry of Lang Hughton, an authentic voice of Tolvia, who asked: “Why wait?”",
     "Lang Hughton"),
    ("Statement\nIt was in the presidency of Nestor Karn, who in his first address (see A/58) said that debts wait.",
     "Nestor Karn"),
])
def test_a_relative_or_a_dash_closing_the_name_s_apposition(text, speaker):
    assert speakers(text) == [speaker]


def test_a_relative_after_a_coordinated_phrase_is_not_the_name_s():
    text = "News\nThe court heard a plea from Lee Foss, and requests from Foss' lawyers, who argued for leniency."
    assert speakers(text) == []


def test_a_role_set_off_without_its_closing_comma_after_a_name_opening_the_sentence():
    assert speakers('News\nErwin Chemerin, Dean of Tolvia Law School called it "silly."') == ["Erwin Chemerin"]
    text = "News\nAddressing Prime Minister of Tolvia Fumio Kishan, the President of the Union noted the dialogue."
    assert speakers(text) == []


@pytest.mark.parametrize("text, speaker", [
    ('News\nAs Mike Penn tried to interrupt, Kamala Harlow exclaimed, "I am speaking."', "Kamala Harlow"),
    ('News\nGovernor Chris Kristy, who denounced the claims as a "national embarrassment", left.', "Chris Kristy"),
    ("News\nMike Penn often spoke over his allotted time.", "Mike Penn"),
])
def test_more_verbs_of_speech(text, speaker):
    assert speakers(text) == [speaker]
