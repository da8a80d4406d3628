"""Organisation extraction (`search.ingest.enrich.organisations`): what each rule does, on small sentences.

`find_organisations(text)` returns named organisations in order of first mention, without
duplicates. Names come from a known-name table (aliases mapped to one canonical name) and from runs
of capitalised words containing an organisation word ("Ministry", "University", "News"...). Curly
apostrophes are normalised to the straight one.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search.ingest.enrich.organisations import find_organisations

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NATO_RELEASE = SEEDS / "000_c4e87e6c09d14992.txt"
ARIRANG_REPORT = SEEDS / "003_1e7bb49da8be9cef.txt"


# --- The seed articles ------------------------------------------------------------------------


def test_nato_release():
    organisations = find_organisations(NATO_RELEASE.read_text("utf-8"))
    assert organisations[:1] == ["NATO"]
    assert "UN Security Council" in organisations
    # "the Deputy Head of NATO's Arms Control, Disarmament and WMD Non-Proliferation Centre":
    # the title and the possessive are not part of the name, the comma list is.
    assert "Arms Control, Disarmament and WMD Non-Proliferation Centre" in organisations


def test_arirang_report():
    organisations = find_organisations(ARIRANG_REPORT.read_text("utf-8"))
    # The article writes "King’s College London"; the apostrophe comes out straight.
    assert {"NATO", "King's College London", "Arirang News", "Ministry of National Defense"} <= set(organisations)
    assert organisations.index("NATO") < organisations.index("King's College London") < organisations.index(
        "Arirang News")
    # People, countries and places of the article are not organisations.
    for not_organisation in ["Ramon Pacheco Pardo", "Yoon Suk Yeol", "South Korea", "Seoul", "Washington D.C."]:
        assert not_organisation not in organisations


# --- Known names: aliases give one canonical name ---------------------------------------------


def test_aliases_give_one_canonical_name():
    text = "The U.N. said it would help. A UN spokesman agreed, and the United Nations sent staff."
    assert find_organisations(text) == ["United Nations"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nato allies met in Brussels.", ["NATO"]),
        ("Officials at the World Health Organisation and the WHO said so.", ["World Health Organization"]),
        ("Democrats and Republicans voted against the bill.", ["Democratic Party", "Republican Party"]),
        ("He reported for the AP before joining Reuters.", ["Associated Press", "Reuters"]),
        ("Hezbollah and Hizbollah are two spellings of one name.", ["Hezbollah"]),
    ],
)
def test_known_names_and_their_aliases(text, expected):
    assert find_organisations(text) == expected


def test_known_names_are_case_sensitive_whole_words():
    assert find_organisations("Who knows? Metal prices rose in Japan.") == []


def test_a_product_is_not_its_maker():
    assert find_organisations("The Boeing 737 crashed after take-off.") == []
    assert find_organisations("Boeing said it would ground the fleet.") == ["Boeing"]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting resumed in the Democratic Republic of the Congo.",
        "The Democratic Rally won the vote in Cyprus.",
        "Fires spread across the Amazon rainforest.",
    ],
)
def test_blocked_and_context_dependent_forms(text):
    assert "Democratic Party" not in find_organisations(text)
    assert "Amazon.com" not in find_organisations(text)


# --- Acronyms the article expands itself ------------------------------------------------------


def test_expanded_acronym_uses_the_long_form():
    text = "The Federal Security Service (FSB) said gas was the cause. The FSB denied any link."
    assert find_organisations(text) == ["Federal Security Service"]


def test_a_known_organisation_keeps_its_canonical_name_however_expanded():
    # One facet value per organisation: the article's expansion or spelling does not make a second one.
    assert find_organisations("ISIS claimed the attack.") == ["ISIS"]
    text = "ISIS (Islamic State of Iraq and Syria) claimed the attack. ISIS fighters fled."
    assert find_organisations(text) == ["ISIS"]
    text = "The Organisation of Islamic Co-operation (OIC) met. The OIC then adjourned."
    assert find_organisations(text) == ["Organisation of Islamic Cooperation"]


def test_an_article_may_give_a_known_acronym_another_meaning():
    text = "The Sustainable Cities Organisation (SCO) met in Lyon. SCO members voted."
    assert find_organisations(text) == ["Sustainable Cities Organisation"]


def test_unknown_acronym_is_resolved_after_its_expansion():
    text = "The National Disaster Response Force (NDRF) was deployed. NDRF teams searched the wreck."
    assert find_organisations(text) == ["National Disaster Response Force"]


def test_parenthesised_non_organisations_are_not_expanded():
    text = "It happened in the Exclusive Economic Zone (EEZ). The EOL (End Of Life) date moved."
    assert find_organisations(text) == []


# --- Runs of capitalised words with an organisation word --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A spokesman for the Ministry of Foreign Affairs said talks would resume.", ["Ministry of Foreign Affairs"]),
        ("The Investigative Committee opened a case.", ["Investigative Committee"]),
        ("According to the Tasnim News Agency, three died.", ["Tasnim News Agency"]),
        ("She studied at King's College London.", ["King's College London"]),
        ("Lipo of Binghamton University said the statues mark water.", ["Binghamton University"]),
        ("The Deputy Director of the National Hurricane Center spoke.", ["National Hurricane Center"]),
        ("Labour Party leader Jeremy Corbyn objected.", ["Labour Party"]),
        ("Russia's Federal Security Service denied it.", ["Federal Security Service"]),
        ("The Institut National de Recherche Biomédicale ran the trial.",
         ["Institut National de Recherche Biomédicale"]),
        ("Staff of the US Embassy in London were told.", ["US Embassy in London"]),
        ("Johns Hopkins University and Harvard University agreed.",
         ["Johns Hopkins University", "Harvard University"]),
        ("The Cooperative Institute for Research in Environmental Sciences funded it.",
         ["Cooperative Institute for Research in Environmental Sciences"]),
    ],
)
def test_organisation_word_runs(text, expected):
    assert find_organisations(text) == expected


def test_name_ends_before_a_date_or_a_place():
    text = "The Ministry of Defence in Moscow said on Monday that the Supreme Court of Kenya on Tuesday agreed."
    assert find_organisations(text) == ["Ministry of Defence", "Supreme Court of Kenya"]


def test_newspaper_keeps_its_the():
    text = "The Aviation Herald reported the crash. It was later confirmed by The Washington Post."
    assert find_organisations(text) == ["The Aviation Herald", "The Washington Post"]


def test_facilities_events_and_places_with_an_organisation_word_are_not_organisations():
    text = ("The crew launched from Kennedy Space Center toward the English Channel. "
            "The Public Service Vehicle Regulations apply. The Soviet Union collapsed.")
    assert find_organisations(text) == []


# --- What is not an organisation --------------------------------------------------------------


def test_people_and_countries_are_not_organisations():
    text = "Jens Stoltenberg met Moon Jae-in in South Korea. Germany, France and the United States agreed."
    assert find_organisations(text) == []


def test_sentence_initial_capitals_are_not_organisations():
    text = ("Ministry officials declined to comment. Police said the Party would meet. "
            "Universities closed. Company shares fell. Four Navy ships docked.")
    assert find_organisations(text) == []


def test_a_bare_organisation_word_is_generic():
    assert find_organisations("The government asked parliament and the Army to act; the Council agreed.") == []


# --- Output form ------------------------------------------------------------------------------


def test_order_of_first_mention_without_duplicates():
    text = "Reuters cited NATO. NATO answered Reuters, then the Labour Party and NATO again."
    assert find_organisations(text) == ["Reuters", "NATO", "Labour Party"]


def test_curly_and_straight_apostrophes_give_one_name():
    text = "She left King’s College London for King's College London."
    assert find_organisations(text) == ["King's College London"]


def test_empty_text():
    assert find_organisations("") == []


# --- Offline and fast -------------------------------------------------------------------------


def test_needs_no_nltk_data(tmp_path):
    """Runs in a fresh interpreter whose NLTK data folder is empty."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    code = (
        "import sys; from search.ingest.enrich.organisations import find_organisations; "
        "print('|'.join(find_organisations(open(sys.argv[1], encoding='utf-8').read())))"
    )
    env = {**os.environ, "NLTK_DATA": str(empty)}
    result = subprocess.run([sys.executable, "-c", code, str(ARIRANG_REPORT)], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert {"NATO", "King's College London", "Arirang News"} <= set(result.stdout.strip().split("|"))


def test_speed_is_linear_and_well_under_a_millisecond_per_thousand_characters():
    text = NATO_RELEASE.read_text("utf-8") + "\n" + ARIRANG_REPORT.read_text("utf-8")
    find_organisations(text)  # warm-up: builds the tables
    big = text * 20
    best = float("inf")
    for _ in range(5):  # the best of five: other work on a busy machine only ever adds time
        start = time.perf_counter()
        find_organisations(big)
        best = min(best, time.perf_counter() - start)
    per_thousand_ms = best / len(big) * 1e6
    # The budget is 0.3 ms per 1,000 characters; measured about 0.15 on the Wikinews sample.
    # The bound is loose so that a loaded test machine does not fail it.
    assert per_thousand_ms < 1.0


# --- Issue 11: names inside longer names, countries, capitals, other senses, short companies ---


@pytest.mark.parametrize(
    "text",
    [
        "Envoys of the Democratic People's Republic of Korea arrived in Geneva on Monday.",
        "The Lao People's Democratic Republic signed the deal.",
        "A delegation from the Russian Federation met the mayor.",
        "Officials from the Republic of Korea visited the port.",
    ],
)
def test_a_country_is_never_an_organisation(text):
    assert find_organisations(text) == []


def test_an_organisation_named_after_a_country_stays():
    text = "The Constitutional Court of the Russian Federation ruled on Friday."
    assert find_organisations(text) == ["Constitutional Court of the Russian Federation"]


@pytest.mark.parametrize(
    "text",
    [
        "WHO WAS THE MYSTERY CALLER?\nNobody knew the voice on the line.",
        "Our reader asks: WHO WAS HERE FIRST, the farmers or the miners?",
    ],
)
def test_an_acronym_among_words_in_capitals_is_no_organisation(text):
    assert find_organisations(text) == []


def test_an_acronym_in_a_sentence_is_the_organisation():
    expected = ["Commonwealth of Independent States", "Shanghai Cooperation Organisation", "BRICS"]
    assert find_organisations("Members of the CIS, SCO and BRICS met.") == expected  # a list, not a heading
    assert find_organisations("Health Alert\nThe WHO said the outbreak was over.") == ["World Health Organization"]
    assert find_organisations("The US FDA approved the drug.") == ["Food and Drug Administration"]


@pytest.mark.parametrize(
    "text",
    [
        "Clinics gave 40,000 doses of the Sputnik V vaccine this week.",
        "The country ordered Sputnik Light for its booster campaign.",
        "Sputnik V was approved in March. Sputnik's protection lasts for months.",
        "A Sputnik vaccine plant opened near the capital.",
    ],
)
def test_sputnik_the_vaccine_is_no_news_agency(text):
    assert "Sputnik" not in find_organisations(text)


def test_sputnik_the_agency_stays():
    assert find_organisations("The story was first reported by Sputnik on Tuesday.") == ["Sputnik"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BT said its profits rose by a tenth.", ["BT"]),
        ("Investors bought shares in GKN after the report.", ["GKN"]),
        ("RBC's shares fell sharply on Monday.", ["RBC"]),
        ("The fund raised its stake in ACME to nine percent.", ["ACME"]),
        ("Analysts praised BT Group for the deal.", ["BT Group"]),
        ("Analysts said Vodafone Group Plc reported results.", ["Vodafone Group Plc"]),
    ],
)
def test_short_company_names_introduced_as_companies(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The US said it would respond.",  # a country
        "The CEO said the plan was sound.",  # an abbreviation
        "Its Dutch unit, a small NV said on Monday.",  # a legal suffix (round 11: "Koolhoven NV" is a name)
        "PROFITS SAID TO RISE AT MINERS\nThe results come on Friday.",  # a heading in capitals
    ],
)
def test_capitals_that_are_no_company(text):
    assert find_organisations(text) == []


def test_a_name_broken_over_two_lines_is_one_name():
    text = ("FILING\nThe company filed a statement with the Securities and\n"
            "Exchange Commission, and its adviser Moody's\nInvestors Service agreed.\n")
    assert find_organisations(text) == ["Securities and Exchange Commission", "Moody's Investors Service"]


def test_the_title_line_is_not_joined_to_the_body():
    # Not "Apple Unveils New Phone Apple Inc": the title's line break stays (and "Apple Inc" is Apple).
    assert find_organisations("Apple Unveils New Phone\nApple Inc said sales rose.") == ["Apple"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank hired Morgan Stanley and Co Inc and First Boston Corp as advisers.",
         ["Morgan Stanley and Co Inc", "First Boston Corp"]),
        ("Standard and Poor's Corp said it cut the ratings.", ["Standard & Poor's"]),
        ("The notes are offered through <Harwick-Lane Mining Co Inc> of Denver.", ["Harwick-Lane Mining Co Inc"]),
    ],
)
def test_company_names_with_legal_suffixes(text, expected):
    assert find_organisations(text) == expected


def test_a_person_after_a_name_with_a_tail_is_not_part_of_it():
    text = "He thanked the Director of the Agency for Regional Initiatives Maria Volkova for the report."
    assert find_organisations(text) == ["Agency for Regional Initiatives"]
    assert find_organisations("She studied at the University of Virginia.") == ["University of Virginia"]


def test_a_possessive_first_word_after_the_stays():
    text = "The Prosecutor's Office of Moldova opened a case."
    assert find_organisations(text) == ["Prosecutor's Office of Moldova"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Duma passed the bill; the State Duma meets again in May.", ["State Duma"]),
        ("He briefed the Main Intelligence Directorate of the General Staff on Monday.",
         ["Main Intelligence Directorate", "General Staff"]),
        ("He met the leader of the Workers' Party of Korea– the country's ruling party.", ["Workers' Party of Korea"]),
    ],
)
def test_where_a_name_ends(text, expected):
    assert find_organisations(text) == expected
