"""Speakers and people, issue 11 round 10b (UN statements' recall): people never found as people (a name shaped like
an adverb, a name ending in a common word after a diplomat's noun, a lone name cited after an epithet that opens its
sentence), "the address of President X", and a second "by" that singles one sender out ("statements made by
officials, in particular by President X"). Sentences are our own, names invented."""

from __future__ import annotations

import pytest

from search.ingest.enrich.people import find_people


def found(text: str) -> tuple[set[str], set[str]]:
    result = find_people("Statement by Ruritania\n" + text)  # (a title line: "Address of X" there names its speaker)
    return set(result.people), set(result.speakers)


@pytest.mark.parametrize(("text", "person"), [
    # a surname ending in "-ily" that is no adverb the news writes ("Heavily", "Primarily" stay words)
    ("I recall the words of a young baker from Mali, Sekou Dandily, who hid his customers: “We are one family.”",
     "Sekou Dandily"),
    ("The painter Vasily Orlovsky lived in this house.", "Vasily Orlovsky"),
    # a name whose last word is a common word, introduced as a diplomat's
    ("The Norwegian diplomat, Halvard Lie, said at the first session: “Peace is our purpose.”", "Halvard Lie"),
])
def test_a_person_whose_name_looks_like_a_word(text, person):
    assert person in found(text)[0]


def test_a_city_named_after_a_saint_is_no_person():
    people, speakers = found("The principles presented at the Kazan and Saint Petersburg summits were rejected. "
                             "Saint Teresa once said that love heals.")
    assert "Saint Petersburg" not in people | speakers
    assert "Saint Teresa" in people


def test_an_adverb_of_a_word_stays_no_name():
    people, _ = found("Heavily indebted countries need relief. Primarily, Corin Vale said, debt must be cut.")
    assert people == {"Corin Vale"}


@pytest.mark.parametrize(("text", "speaker"), [
    # a lone name cited after an epithet that opens its sentence, as after "As the great X said"
    ("After all, no order is built in a day. The great Varnholt once said: “Man must learn his limits.”", "Varnholt"),
    ("As the great Varnholt once said, experience teaches us.", "Varnholt"),
    # the address of a titled person, as "the statement of President X"
    ("We applaud the proposals outlined in the address of President Oduya to the Assembly.", "Oduya"),
    # a second "by" that singles one sender out of the first's
    ("We welcome the statements made by senior Ruritanian officials, in particular by President Tamsin Oduya, here.",
     "Tamsin Oduya"),
    ("Recent statements by Lars Kettering, in which he eased his stance, calmed the markets.", "Lars Kettering"),
])
def test_a_speech_cited_or_named(text, speaker):
    assert speaker in found(text)[1]


@pytest.mark.parametrize("text", [
    # a postal address, a lone capitalised word after "The great" that no verb of saying follows
    "Police checked the address of Corin Vale in Leeds.",
    "The great Varnholt stood on the hill. Corin Vale was there.",
    # a second "by" after no speech: attacks carried out by groups, in particular by one man
    "The attacks carried out by many groups, in particular by Corin Vale, continue.",
    # a second "by" after a speech that singles out no sender (a place, not "in particular", between)
    "The statements made by the ministers in Geneva were welcomed by Corin Vale.",
])
def test_no_speech(text):
    assert found(text)[1] == set()
