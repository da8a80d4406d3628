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

from search.ingest.enrich.organisations import canonical_organisation, find_organisations

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


# --- Issue 11: UN organs, parts of organisations, titles and names around them ----------------


def test_a_bare_un_organ_is_the_uns_where_the_text_names_the_un():
    text = ("The United Nations marked its anniversary. The Security Council met at noon, "
            "and the General Assembly adopted two texts. The UN Security Council then adjourned.")
    assert find_organisations(text) == ["United Nations", "UN Security Council", "UN General Assembly"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No UN in the text: the body as written.
        ("The Security Council met on Friday to discuss border security.", ["Security Council"]),
        # A state's own council, even in a text that mentions the UN.
        ("Secretary of the Security Council Ivan Petrov briefed the President on the UN talks.",
         ["Security Council", "United Nations"]),
        ("Russia's Security Council met; the UN was not discussed.", ["Security Council", "United Nations"]),
        ("The UN envoy met the Security Council of Ukraine.", ["United Nations", "Security Council of Ukraine"]),
    ],
)
def test_a_states_own_council_stays_as_written(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("EU", "", "European Union"),
        ("E.U.", "", "European Union"),
        ("Group of 20", "", "G20"),
        ("U.S. Congress", "", "United States Congress"),
        ("Organization of Islamic Co-operation", "", "Organisation of Islamic Cooperation"),
        ("Tahrir al-Sham", "", "Hayat Tahrir al-Sham"),
        ("Security Council", "Delegates at the United Nations spoke.", "UN Security Council"),
        ("Security Council", "The council met in the capital.", "Security Council"),
        ("Harbour  Rowing Club", "", "Harbour Rowing Club"),  # unknown: itself, white space normalised
    ],
)
def test_canonical_organisation_maps_every_form_to_the_facet_value(name, text, expected):
    assert canonical_organisation(name, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body of an organisation with a name of its own: both.
        ("The Institute of Marine Biology of the Polish Academy of Sciences ran the survey.",
         ["Institute of Marine Biology", "Polish Academy of Sciences"]),
        # A board or council of an organisation: the organisation.
        ("She chairs the Supervisory Board of the Northern Shipping Company.", ["Northern Shipping Company"]),
        ("The Council of the International Coffee Organization met.", ["International Coffee Organization"]),
        ("The Agency for Rural Innovation Supervisory Board approved the budget.", ["Agency for Rural Innovation"]),
        # A known name and a state's body stay whole.
        ("The Council of the European Union adopted it.", ["Council of the European Union"]),
        ("The Ministry of Internal Affairs of the Russian Federation said so.",
         ["Ministry of Internal Affairs of the Russian Federation"]),
    ],
)
def test_parts_and_bodies_of_organisations(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a title, the run's last two plain words are the holder's name, common first name or not.
        ("He thanked Director of the Institute for Coastal Studies Pyotr Zolin.", ["Institute for Coastal Studies"]),
        ("Deputy Commander-in-Chief of the Naval Forces for Logistics Yury Tamkov spoke.",
         ["Naval Forces for Logistics"]),
        ("First Deputy Chief of the Border Directorate of the General Staff Oleg Varin and others came.",
         ["Border Directorate", "General Staff"]),
        # ... but not where the text then abbreviates the name.
        ("He met President of the Union of Coastal Rowing Associations (UCRA) Ivo Stern.",
         ["Union of Coastal Rowing Associations"]),
        # A title that is all the tail names is part of the name.
        ("The Ministry of Justice registered the group.", ["Ministry of Justice"]),
        ("Head of the Office of the President Petro Marchenko spoke.", ["Office of the President"]),
        ("The Cabinet of the Prime Minister of Greece replied.", ["Cabinet of the Prime Minister of Greece"]),
        ("The Administration of President Joan Smith said no.", []),
        ("Reform strengthened the Office of the President of the General Assembly.",
         ["Office of the President of the General Assembly"]),
    ],
)
def test_titles_and_names_around_an_organisation(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our Embassy in Lisbon helped the families.", []),  # whose embassy is not named
        ("The Brazilian Embassy in Lisbon helped.", ["Brazilian Embassy in Lisbon"]),
        ("The Kremlin said the talks were useful.", []),  # the seat of a government, not an organisation
        ("The order went to Volga Machine Works and Sever JSC on Monday.", ["Volga Machine Works", "Sever JSC"]),
        ("A treaty between Japan and the Russian Federation on Fisheries Cooperation was signed.", []),
    ],
)
def test_what_names_an_organisation(text, expected):
    assert find_organisations(text) == expected


def test_a_name_wrapped_after_a_trailing_space_is_one_name():
    text = ("STATEMENT\nMembers of the Intergovernmental \nAuthority on Development met in the \n"
            "capital with the Open Working Group on Sustainable \nDevelopment Goals.\n")
    assert find_organisations(text) == ["Intergovernmental Authority on Development",
                                        "Open Working Group on Sustainable Development Goals"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Time is short, the envoy said. He later told Time magazine the same.", ["Time"]),
        ("The Lord's Resistance Army raided two villages.", ["Lord's Resistance Army"]),
        ("The Joint Envoy of the United Nations and the League of Arab States for Yemen spoke.",
         ["United Nations", "Arab League"]),
        ("The Office of the United Nations High Commissioner for Refugees helped.",
         ["Office of the United Nations High Commissioner for Refugees"]),
        ("Leaders gathered for the Group of Eight Summit in June.", ["G8"]),
        ("Settlements in the West Bank grew.", []),
        ("REPORT\nFighting in the eastern Democratic \nRepublic of the Congo spread, \nofficials said.", []),
        ("Parties to the United Nations Framework Convention on Climate Change met.", []),
        ("The International Tribunal for the Law of the Sea ruled.", ["International Tribunal for the Law of the Sea"]),
        ("Scientists at the University of Nevada at Reno agreed.", ["University of Nevada at Reno"]),
    ],
)
def test_names_in_longer_texts_of_other_kinds(text, expected):
    assert find_organisations(text) == expected


# --- Issue 11: names introduced by their kind ("the daily newspaper X", "X, a German chain") ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The weekly newspaper Dunaj Hirado printed the letter.", ["Dunaj Hirado"]),
        ("He left the opposition party Green Harbour in May.", ["Green Harbour"]),
        ("Police shut a website known as \"Night Owl Forum\" last year.", ["Night Owl Forum"]),
        ("The charity Sea Rescue North on Sunday said ten boats left.", ["Sea Rescue North"]),
        ("Stores went to Korbel, a Czech supermarket chain.", ["Korbel"]),
        ("Reports came from Vesna, an independent human rights centre, on Friday.", ["Vesna"]),
        ("The news agency Orla and Kowalski both said so.", ["Orla"]),  # two names, not one
        ("Lazard Freres and Co, a French bank, advised.", ["Lazard Freres and Co"]),
    ],
)
def test_a_name_introduced_by_its_kind_is_an_organisation(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "John Marsh, a company director, resigned.",  # a person described, the phrase goes on
        "Jane Roe, a lawyer for the firm, said so.",
        "The company Chairman Paul Stone spoke.",  # a title
        "The company Peter Hale founded went public.",  # a common given name
        "He was given a daily Aspirin.",
        "Tourists visited Portugal, a popular destination for the company.",
    ],
)
def test_people_and_places_by_a_kind_noun_are_no_organisation(text):
    assert find_organisations(text) == []


def test_a_name_before_a_legal_form_after_a_comma_is_a_company():
    assert find_organisations("The shop belongs to Blue Meadow Trading, Inc. since May.") == [
        "Blue Meadow Trading, Inc"]
    assert find_organisations("In Lisbon, Co. was written on the door.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chief of Staff of the Presidential Executive Office Ivan Orlov attended.", ["Presidential Executive Office"]),
        ("Troops of the African Union Mission in Somalia withdrew.", ["African Union Mission in Somalia"]),
        ("The Executive Committee met; the Advisory Group did not.", []),  # a body of whom is not said
    ],
)
def test_offices_missions_and_bare_boards(text, expected):
    assert find_organisations(text) == expected


def test_a_parliament_known_by_its_own_name():
    assert find_organisations("The Verkhovna Rada passed the law; the Rada sits again in May.") == ["Verkhovna Rada"]
    assert find_organisations("Officers of the SBU detained two men.") == ["Security Service of Ukraine"]


# --- Official releases (issue 11, second pass): state bodies, two names in one run, events ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regional organisations and state bodies known by an acronym or a possessive form.
        ("Leaders of the CIS and the EAEU met in Minsk.", ["Commonwealth of Independent States",
                                                           "Eurasian Economic Union"]),
        ("The Prosecutor General's Office opened a case.", ["Prosecutor General's Office"]),
        ("Envoys joined the Crimea Platform last week.", ["Crimea Platform"]),
        ("He heads the Specialised Anti-Fraud Prosecutor's Office in the capital.",
         ["Specialised Anti-Fraud Prosecutor's Office"]),
    ],
)
def test_official_bodies_of_releases(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "at" or "in the" before a second name: two organisations, not one.
        ("They opened a Kestrel Language Centre at the Northfield State University last spring.",
         ["Kestrel Language Centre", "Northfield State University"]),
        ("She is the Youth Coordinator in the Peacebuilding Commission this year.", ["Peacebuilding Commission"]),
        # "and" between two names, each with its own "of" tail.
        ("The Supreme Council of Judges and Higher Qualification Commission of Notaries will meet.",
         ["Supreme Council of Judges", "Higher Qualification Commission of Notaries"]),
        # ... but a place tail belongs to the whole name, and a campus or a country is no second name.
        ("Officials of the Ministry of Health and Social Services of Namibia came.",
         ["Ministry of Health and Social Services of Namibia"]),
        ("She studied at the University of Northfield at Easton for a year.", ["University of Northfield at Easton"]),
        ("the Stabilization Mission in Haiti and the Assistance Mission in Mali reported.",
         ["Stabilization Mission in Haiti", "Assistance Mission in Mali"]),
    ],
)
def test_two_names_in_one_run(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title holder's name glued after a known name, or after "... and <Word>" of a long name.
        ("The Secretary General of the Council of Europe Jane Marlow spoke first.", ["Council of Europe"]),
        ("Head of the Federal Service for the Supervision of Waterways and Harbours – Chief Inspector Anna Smith "
         "took part.", ["Federal Service for the Supervision of Waterways and Harbours"]),
        # An embassy's whole name: "of <country> in <country>".
        ("The show was organised with the support of the Embassy of Canada in Peru.", ["Embassy of Canada in Peru"]),
    ],
)
def test_name_ends_where_the_organisation_does(text, expected):
    assert find_organisations(text) == expected


def test_one_value_for_one_office():
    text = ("The Deputy Head of the Office of the President of Ruritania met envoys. "
            "The Office of the President said the talks went well.")
    assert find_organisations(text) == ["Office of the President of Ruritania"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Numbered and "International ..." forums are meetings, not organisations.
        ("Greetings to the 5th Baltic Timber Business Forum. The Baltic Timber Business Forum brings buyers.", []),
        ("Delegates came to the Northern International Economic Forum in May.", []),
        # A forum named by the topic of a gathering is a meeting too; a known one is an organisation.
        ("He spoke at the Lakeside Investment Forum and the Nordic Youth Forum.", []),
        ("Davos hosts the World Economic Forum.", ["World Economic Forum"]),
        # A forum with its own title after it, or the short form of a meeting, is a meeting.
        ('He spoke at the All-Ruritanian Forum "Safe Towns" in May.', []),
        ("At the Lakeside Forum, the Lakeside International Safety Forum in June, he spoke.", []),
        ("The Second Lakeside Education Forum opened today.", []),
        # A forum whose officials speak is an organisation; so is a forum of the known table.
        ("Jan Novak, director of the Alpine Energy Forum, said prices would rise.", ["Alpine Energy Forum"]),
        ("Leaders at the Pacific Islands Forum discussed fisheries.", ["Pacific Islands Forum"]),
    ],
)
def test_forums_that_are_events(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of the Acme Widgets company rose.", ["Acme Widgets"]),
        # "daily"/"weekly" name a newspaper, unless they say how often.
        ("The business daily Tarnow Kurier said so.", ["Tarnow Kurier"]),
        ("He took a daily Melatonex and booked three weekly Varna flights.", []),
        ("He co-founded the Brightwater charity in 2004.", ["Brightwater"]),
        # Not a generic word, a nationality, a unit, nor a kind noun that also names gatherings.
        ("It invested through the State company instead.", []),
        ("Soldiers of the Chilean-Peruvian company of engineers built the bridge.", []),
        ("Soldiers of the Chilean-Peruvian company built the bridge.", []),
        ("The Christmas party and the Olympic movement were mentioned.", []),
    ],
)
def test_name_before_its_kind(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A person's name after an "of <country>" tail is not part of the name; a demonym's noun is.
        ("The stage was designed by Chairman of the Painters' Union of Norway Lars Holm.",
         ["Painters' Union of Norway"]),
        ("He met the head of the Weavers Association of Portugal Ana Sousa.", ["Weavers Association of Portugal"]),
        ("The Federation of Peruvian Coffee Growers met in Lima.", ["Federation of Peruvian Coffee Growers"]),
        # A board of directors is a part of the organisation: the facet names the organisation.
        ("The Board of Directors of the Lakeland Chamber of Commerce met on Friday.", ["Lakeland Chamber of Commerce"]),
        # A chamber is an organisation, except the room of another one, or a bare "Lower Chamber".
        ("The Baltic Chamber of Shipping backed the plan.", ["Baltic Chamber of Shipping"]),
        ("Delegates gathered in the Security Council Chamber in New York.", ["Security Council"]),
        ("The bill went to the Lower Chamber on Monday.", []),
        # A numbered congress is a meeting of the organisation, not an organisation.
        ("Greetings to the Fourth Congress of the Union of Beekeepers.", ["Union of Beekeepers"]),
        ("The 12th Farmers Congress opened today.", []),
        ("The Pan Andean Congress won the vote.", ["Pan Andean Congress"]),
        # A dash glued to the last word ends the name; a forum something happens beside is a meeting.
        ("The fifteenth– a branch of Lakeside State University– is underway.", ["Lakeside State University"]),
        ("They met on the sidelines of the Nordic Timber Forum in Oslo.", []),
        # An acronym or a known name joined by "and" to the next name is a name of its own.
        ("It was shown live by KTV and Channel Nine.", []),
        ("Delegates of the United Nations and League of Arab States met.", ["United Nations", "Arab League"]),
        ("Shares of American Cable and Telegraph rose.", ["American Cable and Telegraph"]),
        # "The" after a bullet starts a sentence: one value for the ministry, named once in full.
        ("Results:\n• The Ministry of Culture of Estonia drafted a plan;\n• the Ministry of Culture approved it.",
         ["Ministry of Culture of Estonia"]),
    ],
)
def test_people_boards_rooms_and_meetings_around_names(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Co" ends a company's name after another word, as business news writes it.
        ("Marlowe Pipe Line Co said it raised its tariffs.", ["Marlowe Pipe Line Co"]),
        ("Output at Greybrook Tool Cos fell, and Co-operation talks went on.", ["Greybrook Tool Cos"]),
        # A known company with its legal form is the known company; one value per company.
        ("Boeing Co said it won an order. Boeing shares rose.", ["Boeing"]),
        ("Coca-Cola Co. said sales rose.", ["Coca-Cola"]),
        # A company's name may start with a word of a title: its legal form shows it is one name.
        ("Senior Harbour Group PLC and Dean Pickles Co raised prices.",
         ["Senior Harbour Group PLC", "Dean Pickles Co"]),
        # A legal form that ends a name leaves the place after it out; "Corp of ..." may be a name.
        ("Quellmark Ltd of Canada gained. Rotary Dynamics Corp of America fell.",
         ["Quellmark Ltd", "Rotary Dynamics Corp of America"]),
        # The body's spelling, not the headline's capitals.
        ("BRAUNFELD AG RAISES DIVIDEND\nBraunfeld AG said it would pay more.", ["Braunfeld AG"]),
        # A name also given with its legal form gives way to it.
        ("Ostrava Harbour Bank Ltd said profits rose. Ostrava Harbour Bank will pay a dividend.",
         ["Ostrava Harbour Bank Ltd"]),
    ],
)
def test_companies_with_legal_forms(text, expected):
    assert find_organisations(text) == expected


def test_canonical_name_of_a_known_company_with_its_legal_form():
    assert canonical_organisation("Boeing Co") == "Boeing"
    assert canonical_organisation("Quillmark Co") == "Quillmark Co"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country before a party's or ministry's name the article also gives bare is a descriptor.
        ("The U.S. Harvest Party picked Ann Lee. The Harvest Party has run since 1990.", ["Harvest Party"]),
        ("The Moldovan Defence Ministry said so, and the Defence Ministry added more.", ["Defence Ministry"]),
        # Otherwise the country stays: it is part of the name, or tells two bodies apart.
        ("The Swiss National Bank and the National Bank of Ruritania met.",
         ["Swiss National Bank", "National Bank of Ruritania"]),
        ("The United States Senate voted. In San Marco the Senate voted too.", ["United States Senate", "Senate"]),
        # The same body named with its country before it and after it: one value, the fuller one.
        ("The Moldova Supreme Court ruled. The Supreme Court of Moldova said so.", ["Supreme Court of Moldova"]),
    ],
)
def test_a_country_before_a_name(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The Middle East Quartet, not a band's quartet.
        ("We support the work of the Quartet on a settlement.", ["Quartet"]),
        ("The Quartet road map remains the basis.", ["Quartet"]),
        ("The Brightwater Quartet played Haydn.", []),
        # Another spelling of the known group's long form is the group.
        ("Attacks by the Islamic State in Iraq and Sham go on.", ["ISIS"]),
        # The person, not the news company, where the article names him in full.
        ("Michael Bloomberg left the race. Bloomberg won one territory.", []),
        ("Bloomberg reported the deal first.", ["Bloomberg"]),
    ],
)
def test_well_known_bodies_and_their_other_senses(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country's or a leader's administration is the government by another word.
        ("The American Administration and the Halvorsen Administration disagreed.", []),
        ("The Farm Credit Administration lent more.", ["Farm Credit Administration"]),
        # "Stores" ends a retailer's name after another word.
        ("Sales at Pellham Discount Department Stores rose.", ["Pellham Discount Department Stores"]),
        # A numbered congress of an organisation gives the organisation.
        ("Greetings to the 7th Congress of Rural Beekeepers Youth Organisation.",
         ["Rural Beekeepers Youth Organisation"]),
        ("Delegates came to the 19th Congress of the Party.", []),
    ],
)
def test_administrations_stores_and_congresses(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A possessive ends an "of" tail: the university and its institute are two names.
        ("According to the University of Dunmore's Institute for Tide Studies, seas rose.",
         ["University of Dunmore", "Institute for Tide Studies"]),
        ("I assure the Assembly of Norway's support.", []),
        # A middle initial stays inside a name called after a person.
        ("The prize is paid by the Edwin Q. Harrowgate Trust.", ["Edwin Q. Harrowgate Trust"]),
    ],
)
def test_possessives_and_initials_inside_names(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country's highest court is a named body, as the Senate is; a court named by its level is generic.
        ("The Supreme Court ruled that the law stands.", ["Supreme Court"]),
        ("The High Court ruled that the law stands.", []),
        # Named in full once, the bare name is the same court.
        ("The Supreme Court of Moldova ruled. The Supreme Court later said so.", ["Supreme Court of Moldova"]),
    ],
)
def test_supreme_court(text, expected):
    assert find_organisations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Widely read outlets with no organisation word; the journal "Nature" only where it is one.
        ("The study, published in Nature, was praised; she told National Geographic more.",
         ["Nature", "National Geographic"]),
        ("Nature is resilient, said the ranger. Mother Nature won.", []),
        ("An investigation by PolitiFact found no such claim.", ["PolitiFact"]),
    ],
)
def test_outlets_without_organisation_words(text, expected):
    assert find_organisations(text) == expected
