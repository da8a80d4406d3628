"""Country and region extraction (`search.ingest.enrich.places`): what each rule does, on small sentences.

Countries come out as canonical short English names, regions by their own names, both in order of
first mention without duplicates.
"""

from pathlib import Path

import pycountry
import pytest

from search.ingest.enrich.places import Places, canonical_country, country_names, find_countries, find_places

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NATO_RELEASE = SEEDS / "000_c4e87e6c09d14992.txt"
ARIRANG_REPORT = SEEDS / "003_1e7bb49da8be9cef.txt"


# --- The seed articles ------------------------------------------------------------------------


def test_nato_release_countries_and_regions():
    places = find_places(NATO_RELEASE.read_text("utf-8"))
    assert {"South Korea", "North Korea", "China", "Russia", "Japan", "Australia", "New Zealand", "Taiwan"} <= set(
        places.countries
    )
    assert {"Indo-Pacific", "Asia-Pacific", "Korean Peninsula", "South China Sea"} <= set(places.regions)
    # "affect Euro-Atlantic security": an adjective, no region (gold rules 16 and 40).
    assert "Euro-Atlantic" not in places.regions


def test_arirang_report_countries():
    countries = set(find_countries(ARIRANG_REPORT.read_text("utf-8")))
    assert {
        "South Korea", "North Korea", "Russia", "Ukraine", "United States", "China", "Iran",
        "Poland", "Romania", "Estonia", "Latvia", "Lithuania",
    } <= countries


def test_results_are_in_order_of_first_mention_without_duplicates():
    places = find_places("Seoul and Tokyo met. Japan, then South Korea, then Japan again, in the Asia-Pacific.")
    assert places == Places(countries=["South Korea", "Japan"], regions=["Asia-Pacific"])


# --- Longest match: regions and blockers hide the country word inside them -----------------------


def test_south_china_sea_is_a_region_not_china():
    assert find_places("Tensions rose in the South China Sea.") == Places([], ["South China Sea"])


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_kings_college_london_is_not_the_united_kingdom(apostrophe):
    assert find_countries(f"Ramon Pacheco Pardo of King{apostrophe}s College London said so.") == []


@pytest.mark.parametrize(
    "text",
    [
        "She moved to New Mexico.",
        "Sydney is in New South Wales.",
        "He lives in Jersey City.",
        "The Guinea pig escaped.",
        "Storms over the Indian Ocean.",
        "They sold it by Dutch auction.",
        "She brought Turkish delight.",
        "French fries with everything.",
        "He studied at Georgia Tech.",
        "According to the Washington Post, talks stalled.",
    ],
)
def test_blockers_yield_no_country(text):
    assert find_countries(text) == []


def test_korean_peninsula_is_both_koreas_and_a_region():
    assert find_places("Peace on the Korean Peninsula.") == Places(["South Korea", "North Korea"], ["Korean Peninsula"])


def test_baltic_states_are_three_countries_and_a_region():
    places = find_places("The Baltic states want more air defence.")
    assert places == Places(["Estonia", "Latvia", "Lithuania"], ["Baltic states"])


def test_names_match_across_wrapped_lines():
    assert find_countries("a plant in New\nJersey") == []
    assert find_countries("talks with South\nKorea") == ["South Korea"]


# --- Case: capitalisation as in the gazetteer ---------------------------------------------------


def test_turkey_the_bird_is_not_turkey_the_country():
    assert find_countries("We ate turkey and stuffing.") == []
    assert find_countries("Turkey blocked the vote.") == ["Turkey"]


def test_us_only_in_capitals():
    assert find_countries("Let us go; they told us.") == []
    assert find_countries("US troops and U.S. ships.") == ["United States"]


def test_all_caps_headlines_match():
    assert find_countries("JAPAN TRADE SURPLUS WIDENS") == ["Japan"]


def test_whole_words_only():
    assert find_countries("Indiana and Chinatown and Omani.") == ["Oman"]


# --- Aliases ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Talks in Kyiv.", "Ukraine"),
        ("Talks in Kiev.", "Ukraine"),
        ("The DPRK fired a missile.", "North Korea"),
        ("The ROK navy responded.", "South Korea"),
        ("The USA and", "United States"),
        ("Britain voted.", "United Kingdom"),
        ("Great Britain voted.", "United Kingdom"),
        ("The UK voted.", "United Kingdom"),
        ("Burma's junta", "Myanmar"),
        ("Holland won.", "Netherlands"),
        ("The USSR collapsed.", "Soviet Union"),
        ("West Germany exported more.", "Germany"),
        ("Fighting in eastern Congo.", "DR Congo"),
        ("Exports from Côte d’Ivoire.", "Ivory Coast"),
    ],
)
def test_aliases(text, country):
    assert find_countries(text) == [country]


def test_names_written_without_their_accents_are_found():
    assert find_countries("A visit to Curacao.") == find_countries("A visit to Curaçao.") == ["Curaçao"]
    assert find_countries("Rain in Bogota.") == find_countries("Rain in Bogotá.") == ["Colombia"]


# --- Demonyms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("South Korean officials", "South Korea"),
        ("Russian forces", "Russia"),
        ("American voters", "United States"),
        ("British ministers", "United Kingdom"),
        ("Thousands of Ukrainians fled.", "Ukraine"),
        ("Philippine officials", "Philippines"),
    ],
)
def test_demonyms(text, country):
    assert find_countries(text) == [country]


@pytest.mark.parametrize(
    "text",
    [
        "Latin American debt",
        "South American exports",
        "North American car production",
        "African American voters",
        "Native American tribes",
        "African-American voters",
    ],
)
def test_american_inside_a_larger_group_is_not_the_united_states(text):
    assert find_countries(text) == []


def test_korean_alone_is_ambiguous():
    assert find_countries("A Korean pop band.") == []


# --- Capitals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capital", "country"),
    [
        ("Seoul", "South Korea"),
        ("Pyongyang", "North Korea"),
        ("Moscow", "Russia"),
        ("Washington D.C.", "United States"),
        ("Washington, D.C.", "United States"),
        ("Beijing", "China"),
        ("London", "United Kingdom"),
        ("Paris", "France"),
        ("Tokyo", "Japan"),
        ("Bogota", "Colombia"),
    ],
)
def test_capitals(capital, country):
    assert find_countries(f"Officials in {capital} said so.") == [country]


@pytest.mark.parametrize("text", ["Kingston is his name.", "Queen Victoria", "Alexander Hamilton", "Male voters"])
def test_capitals_that_are_mostly_something_else_are_skipped(text):
    assert find_countries(text) == []


# --- Context rules for ambiguous words ----------------------------------------------------------


def test_jordan_the_person_and_the_country():
    assert find_countries("Michael Jordan won six titles.") == []
    assert find_countries("Michael B. Jordan starred in it.") == []
    assert find_countries('"We won," Jordan said.') == []
    assert find_countries("Jordan Peterson spoke.") == []
    assert find_countries("Refugees crossed into Jordan.") == ["Jordan"]
    assert find_countries("In Jordan, prices rose.") == ["Jordan"]
    assert find_countries("Jordan said it would close the border.") == ["Jordan"]


def test_washington_the_person_the_newspaper_the_state_and_the_government():
    assert find_countries("George Washington crossed the Delaware.") == []
    assert find_countries("Denzel Washington starred.") == []
    assert find_countries("The Washington Post reported it.") == []
    assert find_countries("Wildfires in Washington state.") == []
    assert find_countries("Washington imposed new sanctions.") == ["United States"]
    assert find_countries("Relations between Seoul and Washington.") == ["South Korea", "United States"]


def test_georgia_the_us_state_and_the_country():
    assert find_countries("Voters in Atlanta, Georgia lined up.") == []
    assert find_countries("Georgia's governor signed the bill.") == []
    assert find_countries("Senator David Perdue of Georgia.") == []
    assert find_countries("Georgia Gov. Kemp signed it.") == []
    assert find_countries("Rep. Ed Jenkins, a lawmaker from Georgia.") == []
    assert find_countries("Protests in Georgia over the foreign agents law.") == ["Georgia"]
    assert find_countries("Georgia and Armenia met in Tbilisi.") == ["Georgia", "Armenia"]


def test_chad_the_first_name_and_the_country():
    assert find_countries("Chad Johnson caught the pass.") == []
    assert find_countries("Troops withdrew from northern Chad.") == ["Chad"]


# --- Currencies, languages and cooking are not mentions of the country -------------------------


def test_currencies_are_not_countries():
    assert find_countries("It costs 5 mln U.S. dlrs, 3 Australian dollars and US$3.") == []
    assert find_countries("The Japanese yen rose against the Swiss franc.") == []
    assert find_countries("Australian troops arrived.") == ["Australia"]


def test_languages_and_cooking_are_not_countries():
    assert find_countries("The sign was written in French and English.") == []
    assert find_countries("She speaks German fluently.") == []
    assert find_countries("They met at an Irish pub near a Chinese restaurant.") == []
    assert find_countries("A French-language newspaper") == []
    assert find_countries("Ships in French waters") == ["France"]


# --- Benchmark labelling rules (benchmarks/gold/README.md) ----------------------------------------


def test_constituent_countries_of_the_uk_and_antarctica_give_no_country():
    assert find_countries("Floods in Scotland and Wales; an English drummer.") == []
    assert find_countries("Ice shelves of Antarctica") == []
    assert find_countries("Britain and Northern Ireland") == ["United Kingdom"]


def test_a_capital_inside_a_name_does_not_count():
    assert find_countries("She won the London Marathon.") == []
    assert find_countries("Sweden joined the Paris Agreement.") == ["Sweden"]
    assert find_countries("Researchers at University College London said") == []
    assert find_countries("told Agence France-Presse") == []


def test_soviet_era_is_a_time_not_a_state():
    assert find_countries("a Soviet-era nerve agent") == []
    assert find_countries("The Soviet Union collapsed.") == ["Soviet Union"]


def test_regions_come_from_a_closed_list_and_sub_regions_count_as_their_region():
    assert find_places("Gas fields of the Eastern Mediterranean").regions == ["Mediterranean"]
    assert find_places("Tesco's CEO for Central Europe").regions == ["Europe"]
    assert find_places("off the west coast of South America") == Places([], [])
    assert find_places("cases of Middle East Respiratory Syndrome") == Places([], [])
    assert find_places("Strikes on Gaza and the West Bank").regions == ["Gaza Strip", "West Bank"]


def test_a_name_stays_a_name_for_the_rest_of_the_text():
    text = "The attacker, identified as Sudesh Amman, 20, was released. Amman had been jailed."
    assert find_countries(text) == []
    assert find_countries("Leaders met at a summit in Amman.") == ["Jordan"]


# --- canonical_country and country_names -------------------------------------------------------


def test_country_names_lists_every_spelling_of_a_country():
    names = country_names("South Korea")
    assert {"South Korea", "Republic of Korea", "ROK", "South Korean", "South Koreans", "Seoul"} <= set(names)
    assert country_names("Atlantis") == []


@pytest.mark.parametrize("name", ["ROK", "KR", "KOR", "Republic of Korea", "south korea", "South Korea"])
def test_canonical_country_accepts_names_aliases_and_codes(name):
    assert canonical_country(name) == "South Korea"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Türkiye", "Turkey"),
        ("Russian Federation", "Russia"),
        ("Viet Nam", "Vietnam"),
        ("Czechia", "Czech Republic"),
        ("Holy See", "Vatican City"),
        ("Cabo Verde", "Cape Verde"),
        ("Congo, The Democratic Republic of the", "DR Congo"),
        ("Congo-Brazzaville", "Republic of the Congo"),
        ("west-germany", "Germany"),
        ("ussr", "Soviet Union"),
        ("Kosovo", "Kosovo"),
        ("usa", "United States"),
    ],
)
def test_canonical_short_names(name, canonical):
    assert canonical_country(name) == canonical


def test_canonical_country_of_an_unknown_name_is_none():
    assert canonical_country("Atlantis") is None
    assert canonical_country("") is None


def test_every_country_is_found_by_its_canonical_name():
    for country in pycountry.countries:
        if country.alpha_2 == "AQ":  # Antarctica: a continent, see above
            continue
        canonical = canonical_country(country.alpha_2)
        assert find_countries(f"News from {canonical} today.") == [canonical], country.alpha_2


def test_text_without_places():
    assert find_places("The committee met on Tuesday to discuss the budget.") == Places([], [])
