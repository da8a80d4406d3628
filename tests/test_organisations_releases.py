"""Organisation extraction on official releases and newswire (issue 11, second pass): state bodies, two names in
one run, events, legal forms, other senses of well-known bodies (split from test_organisations.py).

Each case is our own sentence; `find_organisations(text)` returns the named organisations in order of first mention.
"""

import pytest

from search.ingest.enrich.organisations import canonical_organisation, find_organisations

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
