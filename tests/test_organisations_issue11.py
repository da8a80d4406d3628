"""Organisation extraction, issue 11: names inside longer names, countries, capitals, other senses, short companies,
UN organs, parts of organisations, names introduced by their kind (split from test_organisations.py).

Each case is our own sentence; `find_organisations(text)` returns the named organisations in order of first mention.
"""

import pytest

from search.ingest.enrich.organisations import canonical_organisation, find_organisations

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
