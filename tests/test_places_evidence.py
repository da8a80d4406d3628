"""A country needs evidence that the text is about it or located in it (issue 11, deliverable 3).

A name that merely contains a country word is no such evidence: agreements, programmes and meetings
named after where they were signed or held, languages and cuisines named after a nationality,
territories whose names contain a country's name, and acronyms spelled like a country. Every
sentence here is written for the test.
"""

import pytest

from search.ingest.enrich.places import find_countries, find_places


@pytest.mark.parametrize(
    "text",
    [
        "Delegates reaffirmed the Paris Agreement on climate.",
        "Small islands still rely on the Barbados Programme of Action.",
        "Few members have ratified the Rome Statute so far.",
        "Both sides must honour the Minsk agreements, the minister said.",
        "The Mauritius Strategy for island states was reviewed.",
        "They cited the Addis Ababa Action Agenda on financing.",
        "The Nauru Agreement governs tuna fishing.",
        "Debt relief was agreed by the Paris Club of creditors.",
        "She recalled the Treaty of Lisbon.",
        "The Budapest Memorandum gave security assurances.",
        "Trade ministers revived the Doha Round.",
        "Leaders met at the NATO Summit in Bucharest last year.",
        "The Copenhagen Climate Change Conference ended without a deal.",
    ],
)
def test_a_place_naming_an_agreement_programme_or_meeting_is_not_evidence(text):
    assert find_countries(text) == []


def test_the_country_still_counts_where_the_text_names_it_elsewhere():
    text = "Barbados hosted the talks. The Barbados Programme of Action was cited."
    assert find_countries(text) == ["Barbados"]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("The Egypt-Israel Treaty of 1979 still holds.", ["Egypt", "Israel"]),  # parties, not a venue
        ("The Syria Support Group met again.", ["Syria"]),  # a body about the country
        ("the Global Political Agreement in Zimbabwe", ["Zimbabwe"]),
        ("Paris hosted the ministers; the agreement was signed later.", ["France"]),
        ("Japan and China Sign Agreement", ["Japan", "China"]),  # a title-case headline
    ],
)
def test_a_party_or_subject_of_an_agreement_is_still_the_country(text, countries):
    assert find_countries(text) == countries


@pytest.mark.parametrize(
    "text",
    [
        "Her aunt will teach German at the village school.",
        "He speaks Japanese and Spanish.",
        "Lessons are offered in English, Japanese and Spanish.",
        "The centre runs Japanese, Spanish and Dutch classes.",
        "The new bistro mixes Italian and Greek cuisine.",
        "He taught himself Portuguese.",
        "The report was translated into Ukrainian.",
        "She is a native Polish speaker.",
    ],
)
def test_a_nationality_adjective_used_as_a_language_or_cuisine_is_not_evidence(text):
    assert find_countries(text) == []


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("He studied Chinese history at university.", ["China"]),
        ("Funds invested in Chinese and Polish firms.", ["China", "Poland"]),
        ("Rising exports of Colombian, Brazilian and Mexican coffee.", ["Colombia", "Brazil", "Mexico"]),
        ("She speaks Japanese and works for a Japanese bank.", ["Japan"]),
    ],
)
def test_a_nationality_adjective_before_a_thing_is_still_the_country(text, countries):
    assert find_countries(text) == countries


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("The cruise stopped in the Turks and Caicos on Friday.", ["Turks and Caicos Islands"]),
        ("Seals breed on South Georgia each summer.", ["South Georgia and the South Sandwich Islands"]),
        ("Turks and Kurds live in the region.", ["Turkey"]),
        ("Georgia and Armenia signed a deal.", ["Georgia", "Armenia"]),
    ],
)
def test_a_territory_wins_over_a_country_name_it_contains(text, countries):
    assert find_countries(text) == countries


def test_a_country_name_in_capitals_inside_mixed_case_text_is_an_acronym():
    assert find_countries("Ministers of the GUAM Organization met in Baku.") == ["Azerbaijan"]
    assert find_countries("The GUAM member states signed a statement.") == []
    assert find_countries("Tourism to Guam rose.") == ["Guam"]
    assert find_countries("TYPHOON HITS GUAM\nThe storm arrived overnight.") == ["Guam"]
    assert find_countries("The USSR collapsed in 1991.") == ["Soviet Union"]  # an alias in capitals stays


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv invited ministers to join the Crimea Platform.",
        "Leaders met at the East Asia Summit on Friday.",
        "The Black Sea Fleet left port.",
        "Observers sat on the Arctic Council.",
        "Support for Ukraine's Euro-Atlantic integration is firm.",
        "Both sides praised transatlantic relations.",
    ],
)
def test_a_region_in_a_name_or_as_an_adjective_is_no_region(text):
    assert find_places(text).regions == []


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Prices rose in Crimea.", "Crimea"),
        ("Ships entered the Black Sea at dawn.", "Black Sea"),
        ("Threats to the Euro-Atlantic area grew.", "Euro-Atlantic"),
        ("REPORT\nTension in the Middle \nEast rose, officials said, \nand the talks stalled.", "Middle East"),
    ],
)
def test_a_region_named_as_a_place_stays(text, region):
    assert find_places(text).regions == [region]
