"""People, round 13 of issue 11 (precision on general news): a name the text also writes before a company's legal
form is the firm's short name ("Quorvex Inc … Quorvex said"), and a name set off by "a firm" with a participle
after it ("Doval Nexa, a firm specialising in …") is no person.

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.firm_names import firm_names
from search.ingest.enrich.people import find_people


def _mentions(text: str, names: list[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, title, name) of each name's first occurrence in `text`, untitled."""
    return [(text.index(name), text.index(name) + len(name), "", name) for name in names]


def test_a_firms_short_name_is_no_person():
    found = find_people("QUORVEX NAMES NEW CHAIRMAN\nQuorvex Inc said its board elected Tobin Weskett chairman.\n"
                        "On March 3, Quorvex said, it sold its unit to Alder Foods.")
    assert found.people == ["Tobin Weskett"]
    assert found.speakers == []


def test_a_firm_named_with_words_between_the_name_and_the_form_is_no_person():
    text = "Pellorin Data Systems Corp named Mara Quillon president. Pellorin said sales rose."
    assert firm_names(text, _mentions(text, ["Pellorin", "Mara Quillon"]), {}) == {"Pellorin"}


def test_three_words_between_the_name_and_the_form_are_too_many():
    text = "Pellorin Data Network Systems Corp named Mara Quillon president."
    assert firm_names(text, _mentions(text, ["Pellorin"]), {}) == set()


def test_a_two_word_firm_name_inside_a_longer_one_is_no_person():
    text = "Shares were sold through Dean Vessick Dorlan Inc. Vessick Dorlan expects demand."
    assert firm_names(text, _mentions(text, ["Vessick Dorlan"]), {}) == {"Vessick Dorlan"}


def test_a_form_in_brackets_still_names_the_firm():
    found = find_people("Tavrin Oskel (Holdings) Ltd expects strong results.\nTavrin Oskel also reported gains, "
                        "chairman Joren Malsby said.")
    assert found.people == ["Joren Malsby"]


def test_a_name_with_a_known_given_name_is_no_firm_name():
    text = "Shares went to Dean Vessick Dorlan Inc. Dean Vessick said he would buy more."
    assert firm_names(text, _mentions(text, ["Dean Vessick"]), {"dean": "m"}) == set()
    assert firm_names(text, _mentions(text, ["Dean Vessick"]), {}) == {"Dean Vessick"}


def test_a_titled_person_stays_beside_a_firm_of_that_name():
    found = find_people("Mr Quorvex said Quorvex Inc would not sell. Mr Quorvex owns half of it.")
    assert found.people == ["Quorvex"]


def test_a_title_on_the_headline_line_does_not_keep_the_firm():
    found = find_people("BOARD REMOVES CHAIRMAN\nQuorvex Inc said Tobin Weskett left. Quorvex said sales rose.")
    assert found.people == ["Tobin Weskett"]


def test_a_comma_ends_the_run_before_a_form():
    # "Alder Brinkley, Vessick Inc": only Vessick is the firm's name; the person before the comma stays
    text = "Shares went to Alder Brinkley, Vessick Inc and others."
    assert firm_names(text, _mentions(text, ["Alder Brinkley", "Vessick"]), {}) == {"Vessick"}


def test_a_name_with_no_form_after_it_anywhere_is_kept():
    text = "Orvane Corp hired Tobin Weskett. Weskett Tobin spoke."
    assert firm_names(text, _mentions(text, ["Tobin Weskett"]), {}) == set()


def test_a_firm_set_off_by_a_participle_is_no_person():
    found = find_people("Jaro Mintell of Doval Nexa, a firm specialising in radio beacons, told us the signal "
                        "can fail. Mintell said more tests are due.")
    assert found.people == ["Jaro Mintell"]


def test_a_person_set_off_by_a_job_and_a_participle_stays():
    found = find_people("Jaro Mintell, a lawyer specialising in shipping, said the claim would fail.")
    assert found.people == ["Jaro Mintell"]


def test_a_pronoun_after_a_mention_keeps_the_person():
    text = "Ann Doe of Tavrin Oskel Associates praised it. Tavrin Oskel said she agreed."
    start = text.rindex("Tavrin Oskel")
    assert firm_names(text, [(start, start + 12, "", "Tavrin Oskel")], {}) == set()
    unsaid = "Ann Doe of Tavrin Oskel Associates praised it. Tavrin Oskel agreed."
    start = unsaid.rindex("Tavrin Oskel")
    assert firm_names(unsaid, [(start, start + 12, "", "Tavrin Oskel")], {}) == {"Tavrin Oskel"}
