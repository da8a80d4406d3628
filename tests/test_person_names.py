"""A person value is a person's name: not a treaty, body, country, firm or plural noun that looks like
one, and without the titles, styles and job words written before it (`names.py`, `person_names.py`).

Every sentence here is made up for the test.
"""

import pytest

from search.ingest.enrich.people import find_people
from search.ingest.enrich.person_names import not_a_person, plural_of_seen


def people(text: str) -> list[str]:
    return find_people(text).people


@pytest.mark.parametrize("text, thing", [
    # agreements, conferences, plans and formats: their head noun ends the name
    ("Delegates praised the Lisbon Statute and the court it created.", "Lisbon Statute"),
    ("The Harare Consensus sets out the continent's common position.", "Harare Consensus"),
    ("Signatories of the Geneva Memorandum met again.", "Geneva Memorandum"),
    ("Ministers met under the Weimar Triangle and the Crimea Platform on Monday.", "Weimar Triangle"),
    ("Ministers met under the Weimar Triangle and the Crimea Platform on Monday.", "Crimea Platform"),
    ("The Baltic Stream pipeline was delayed again.", "Baltic Stream"),
    ("Talks in the Cancun Round stalled over farm subsidies.", "Cancun Round"),
    ("The Samoa Strategy guides small island states.", "Samoa Strategy"),
    ("Leaders spoke at the Plenary Meeting on Tuesday.", "Plenary Meeting"),
    # parliaments
    ("The Verkhovna Rada passed the bill on Tuesday.", "Verkhovna Rada"),
    ("Deputies of the State Duma voted for the law.", "State Duma"),
    # companies: "Co", "and Co"
    ("Shares of Pennfield Motor Co rose two pct.", "Pennfield Motor Co"),
    ("The bonds were placed by Hartley Winthrop and Co last week.", "Hartley Winthrop"),
])
def test_institutional_heads_are_not_people(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, thing", [
    ("The delegation of Saint Lucia spoke after the delegation of Viet Nam.", "Saint Lucia"),
    ("The delegation of Saint Lucia spoke after the delegation of Viet Nam.", "Viet Nam"),
    ("Figures from Statistics Canada showed a rise in prices.", "Statistics Canada"),
    ("The plan, Vision Burundi, is our road map.", "Vision Burundi"),
])
def test_countries_and_names_ending_in_a_country_are_not_people(text, thing):
    assert thing not in people(text)


def test_a_first_name_before_a_country_word_keeps_the_person():
    assert people("Michael Jordan said the game was close.") == ["Michael Jordan"]


def test_known_organisations_are_not_people():
    assert people("Analysts at Goldman Sachs and gunmen of Boko Haram were both in the news.") == []


@pytest.mark.parametrize("text, thing", [
    ("All nuclear Powers must give assurances; no power is above the law.", "Powers"),
    ("Soldiers known as the Blue Helmets keep the peace.", "Blue Helmets"),
    ("We agreed the Accelerated Modalities, the modality chosen last year.", "Accelerated Modalities"),
    ("Distinguished Delegates, I thank you for this delegate's welcome.", "Distinguished Delegates"),
])
def test_plural_nouns_are_not_people(text, thing):
    assert thing not in people(text)


def test_plural_of_seen_needs_the_singular_in_lower_case():
    assert plural_of_seen("Powers", {"power"})
    assert plural_of_seen("Modalities", {"modality"})
    assert not plural_of_seen("Sanders", {"power"})
    assert not plural_of_seen("Davis", {"davi"})  # "-is" is not a plural ending


def test_a_known_first_name_keeps_a_surname_that_is_also_a_plural():
    assert not_a_person(("Matthew", "Banks"), {"matthew"}, {"bank"}) is False
    assert not_a_person(("Central", "Banks"), {"matthew"}, {"bank"}) is True


@pytest.mark.parametrize("text, thing", [
    ("Storm Ciara and Hurricane Odile caused floods.", "Ciara"),
    ("Storm Ciara and Hurricane Odile caused floods.", "Odile"),
    ("Storm Ciara and Hurricane Odile caused floods.", "Hurricane Odile"),
    ("Fans of Real Sevilla cheered.", "Real Sevilla"),
    ("The Lib Dems won two seats.", "Lib Dems"),
    ("Clinics offered the Sputnik Light vaccine.", "Sputnik Light"),
    ('The poem begins "Rise, Oh Portugal, rise."', "Oh Portugal"),
    ("Economists met at Bretton Woods in 1944.", "Bretton Woods"),
])
def test_storms_clubs_parties_vaccines_and_places_are_not_people(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, name", [
    ("Present were the Special Representative for Climate, Ecology and Transport Sergei Orlov and others.",
     "Sergei Orlov"),
    ("He met the Chancellor of the Exchequer Nigel Hartley on Friday.", "Nigel Hartley"),
    ("Presidential Aide Maxim Orlov attended.", "Maxim Orlov"),
    ("We welcome Her Excellency María Elena Duarte Garcés to the chair.", "María Elena Duarte Garcés"),
    ("His Holiness Pope Francis sent a message.", "Pope Francis"),
    ("Comrade Kim Jong Un inspected the plant.", "Kim Jong Un"),
    ("His Majesty King Harald opened the session.", "King Harald"),
    ("The Economic Adviser Anna Petrova spoke first.", "Anna Petrova"),
])
def test_titles_and_styles_before_a_name_are_stripped(text, name):
    assert people(text) == [name]


def test_job_titles_alone_are_not_people():
    assert people("The Economic Adviser and the Distinguished Delegates spoke.") == []


def test_headline_verb_is_not_part_of_the_name():
    text = "Hillary Clinton Speaks At Campaign Rally\nHillary Clinton spoke to supporters in Ohio on Friday."
    assert people(text) == ["Hillary Clinton"]


def test_headline_surname_ending_in_s_stays():
    text = "Bernie Sanders Wins\nBernie Sanders won the vote, Sanders said."
    assert people(text) == ["Bernie Sanders"]


def test_dates_after_a_capitalised_word_are_not_names():
    assert people("Dividend 10 cts Pay April 15 Record March 30") == []


def test_page_furniture_glued_to_a_name_is_dropped():
    text = "President Alexander Lukin Lukin AlexanderPresident of Belarus: Good afternoon."
    assert "Alexander Lukin Lukin" not in people(text)
    assert not [name for name in people(text) if "AlexanderPresident" in name]


def test_a_name_broken_by_a_line_wrap_is_one_name():
    text = "Budget talks\nThe talks were led by the Chancellor of the Exchequer Nigel\nHartley, who arrived on Monday."
    assert people(text) == ["Nigel Hartley"]


def test_names_listed_one_a_line_stay_apart():
    text = "Present at the meeting:\nSergei Orlov\nAnna Petrova\nThey spoke about trade."
    assert people(text) == ["Sergei Orlov", "Anna Petrova"]


def test_a_title_line_does_not_run_into_the_first_line_of_the_body():
    text = "Trade Talks Resume In Vienna\nAnna Petrova said the talks would resume."
    assert people(text) == ["Anna Petrova"]


def test_an_adjective_before_a_plural_is_no_rank():
    assert people("Wars were started by the major Powers of the day.") == []


def test_a_possessive_title_is_no_title():
    assert people("No debates or Prime Minister's Questions can take place.") == []


@pytest.mark.parametrize("text", [
    "Users met on Internet Relay Chat (IRC) to talk.",
    "The Severely Indebted Poor Countries Initiative was extended; other countries joined.",
    "The Agricultural Stabilization and Conservation Service paid farmers.",
    "A Utah Jazz player tested positive.",
    "Shares of Echo Investment and of Nordwind Kft fell.",
    "Dividend 10 cts Pay May One Record April One",
])
def test_spelt_out_names_of_things_are_not_people(text):
    assert people(text) == []


def test_a_surname_that_is_also_a_country_stays_after_a_first_name():
    assert people("Michael Jordan met Chad Smith.") == ["Michael Jordan", "Chad Smith"]


@pytest.mark.parametrize("text, thing", [
    # bodies, groupings and mechanisms: their head noun ends the name
    ("The Intergovernmental Panel on Ocean Warming issued its report.", "Intergovernmental Panel"),
    ("Members of the Andean Development Community met in Quito.", "Andean Development Community"),
    ("The Congressional Rural Caucus wrote to the secretary.", "Rural Caucus"),
    ("Troops of the Joint Hybrid Operation patrolled the camps.", "Joint Hybrid Operation"),
    ("The Technology Transfer Mechanism was launched in June.", "Technology Transfer Mechanism"),
    ("He heads the Main Signals Directorate.", "Main Signals Directorate"),
    ("Island states adopted the Apia Pathway for their development.", "Apia Pathway"),
])
def test_bodies_and_mechanisms_are_not_people(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, thing", [
    # business head nouns end a firm's name
    ("Shares of Halvorsen Smelting rose after Dunmore Holding bid for it.", "Halvorsen Smelting"),
    ("Shares of Halvorsen Smelting rose after Dunmore Holding bid for it.", "Dunmore Holding"),
    ("Kestrel Aerospace and Brightwater Laboratories agreed to merge.", "Kestrel Aerospace"),
    ("Kestrel Aerospace and Brightwater Laboratories agreed to merge.", "Brightwater Laboratories"),
    ("Output at Corvin Mining fell, while Lakeland Petroleum gained.", "Corvin Mining"),
])
def test_firms_named_by_their_trade_are_not_people(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, thing", [
    # the words after a head noun that opens a name are that name's: a bank, a fund, a subcommittee
    ("The loan was arranged by Caisse Centrale de Credit Mutuel and Westfaelische Landesbank.",
     "Centrale de Credit Mutuel"),
    ("Shares of Banque Populaire du Nord fell.", "Populaire du Nord"),
    ("The bill went to the Senate Appropriations Subcommittee on Monday.", "Appropriations Subcommittee"),
])
def test_the_rest_of_a_name_opened_by_a_head_noun_is_no_person(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, thing", [
    # a name right after "the" (not "of the"): a band, a team, a thing
    ("Fans of the Crimson Foxes cheered as the Harbor Gulls lost again.", "Crimson Foxes"),
    ("Fans of the Crimson Foxes cheered as the Harbor Gulls lost again.", "Harbor Gulls"),
    ("The Velvet Lanterns played their last concert on Friday.", "Velvet Lanterns"),
    ("Crowds gathered at the Iron Gate, a relic of the old city wall.", "Iron Gate"),
    # a name that qualifies a role noun after it: "<band> drummer", "<team> striker"
    ("Guests included Silver Hollow drummer Tomas Ferro.", "Silver Hollow"),
    ("Tickets for the game were sold out, Lakeside Herons striker Omar Ruiz said.", "Lakeside Herons"),
])
def test_bands_teams_and_things_named_like_people_are_not_people(text, thing):
    found = people(text)
    assert thing not in found
    assert all(name in found for name in ("Tomas Ferro", "Omar Ruiz") if name in text)


@pytest.mark.parametrize("text, person", [
    # "of the" before a title's domain, a possessive, and a name used also alone: still people
    ("He met the President of the Republic of Ruritania Ivan Petrov.", "Ivan Petrov"),
    ("Talks went on, said Chancellor of the Exchequer Alan Wexley.", "Alan Wexley"),
    ("Prices rose, said the institute's Mara Quillon.", "Mara Quillon"),
    ("Donald Lerner said he would run. Critics of the Donald Lerner era disagreed.", "Donald Lerner"),
    ("Secretary of State Gordon Vale arrived.", "Gordon Vale"),  # "State": a title's domain, not a head noun
    ("Acme Tools Inc said it named Rita Okafor chief operating officer.", "Rita Okafor"),
    # a title's domain that names a body goes on to the person: "Directorate of the General Staff X"
    ("Also present was Head of the Signals Directorate of the General Staff Oleg Varin.", "Oleg Varin"),
])
def test_people_after_the_of_a_title_or_a_possessive_stay(text, person):
    assert person in people(text)


def test_religious_honorifics_are_dropped_and_a_name_word_inside_a_name_stays():
    assert people("The sayings of the Prophet Yunus were quoted.") == ["Yunus"]
    assert people("We welcome the election of Mr. Abdi Sheikh Farah as President.") == ["Abdi Sheikh Farah"]
    assert people("Sheikh Amina Rahman said the vote was fair.") == ["Amina Rahman"]  # first: an honorific


@pytest.mark.parametrize("text, person", [
    # the words of a title's domain before the name are not the name
    ("Also present was President of Velora Alexei Sorokin.", "Alexei Sorokin"),
    ("Also present was President of Velora Marka Alexei Sorokin.", "Alexei Sorokin"),
    ("Also present was Ambassador of New Zealand Marama Rose Hetaraka.", "Marama Rose Hetaraka"),
    ("Trade went up, the Minister of Energy and Mines Harjono said today.", "Harjono"),
])
def test_a_title_s_domain_before_the_name_is_dropped(text, person):
    assert people(text) == [person]


def test_a_person_listed_after_a_regnal_numeral_keeps_the_first_name():
    assert people("Guests included King Harald IV and Gerrit Voskuijlen.") == ["King Harald IV", "Gerrit Voskuijlen"]


def test_a_month_before_a_day_in_words_is_a_date_not_a_name():
    assert people("ACME SETS QUARTERLY\nQtly div 12 cts vs 10 cts\n    Pay May one\n    Record April three\n") == []
    assert people("April Dunmore said the meeting was short.") == ["April Dunmore"]


@pytest.mark.parametrize("text, person", [
    ("Guests included Darren Holt Jr., Nina Vale and others. Holt said he was sad.", "Darren Holt Jr."),
    ("The minister asked Queen Margrethe II for her consent.", "Queen Margrethe II"),
    ("His Majesty King Omar VI of Freedonia said the plan was good.", "King Omar VI"),  # VI: no country here
])
def test_a_suffix_or_regnal_numeral_after_a_name_stays(text, person):
    assert person in people(text)
    assert len(people(text)) == len(set(people(text)))  # "Holt" is the same person, not another value


@pytest.mark.parametrize("text, thing", [
    ("The statues dot the island of Vara Tolu, far from the coast.", "Vara Tolu"),
    ("Troops reached the town of Kafr Dimna on Sunday.", "Kafr Dimna"),
    ("Shoppers at Tesco Sklepy saw prices fall.", "Tesco Sklepy"),  # a known firm's branch
])
def test_places_after_a_place_noun_and_branches_of_known_firms_are_not_people(text, thing):
    assert thing not in people(text)


def test_a_first_name_spelt_like_a_known_acronym_is_a_name():
    assert people("Ira Stepman said the merger was off.") == ["Ira Stepman"]  # not the IRA


@pytest.mark.parametrize("text, thing", [
    # the second part of an organisation's name, after "and"
    ("Mara Quill of the Halden School of Marine and Coastal Geology led the survey.", "Coastal Geology"),
    ("The Dunmore Society for Botany and Applied Mycology met in Leeds.", "Applied Mycology"),
    # a town followed by its country or state
    ("The road between Ostrava and Villa Paloma, Mexico, was closed.", "Villa Paloma"),
    ("Cedar Hollow, Nebraska is a quiet town of farmers.", "Cedar Hollow"),
    # a whole quotation: the title of a work or an event
    ('He wrote songs such as "Velvet Dawn" for the group.', "Velvet Dawn"),
    # the class noun before or after the name: a troupe, a channel
    ("Dance troupe Silver Lanterns performed twice on Saturday.", "Silver Lanterns"),
    ("Fans of Night Owls television queued for hours.", "Night Owls"),
])
def test_names_that_qualify_things_or_places_are_not_people(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, person", [
    ("The Bank of Arden and Mark Tolley agreed on the rate.", "Mark Tolley"),  # a first name after "and"
    ("Maria Novak, Poland, won the final in 2:10.", "Maria Novak"),  # a known first name before a country
])
def test_people_beside_those_patterns_stay(text, person):
    assert person in people(text)


@pytest.mark.parametrize("text, person", [
    # a country between a title's "of" and the name is the title's domain
    ("The former president of France Luc Armand died on Sunday.", "Luc Armand"),
    ("The longtime leader of Zimbabwe Tendai Moyo was buried today.", "Tendai Moyo"),
    # a hyphenated job word before the name
    ("Singer-songwriter Tomas Brandl has died aged 78.", "Tomas Brandl"),
])
def test_domains_and_job_words_are_not_part_of_the_name(text, person):
    assert people(text) == [person]


@pytest.mark.parametrize("text, thing", [
    # head nouns of peoples as bodies, of townships and of firms' business
    ("Oswen Tribe leaders voted on Monday to sue.", "Oswen Tribe"),
    ("Vantor Analytics polled 900 voters last week.", "Vantor Analytics"),
    ("Dr Alan Pike of Calder Research said the virus spreads fast.", "Calder Research"),
    # place-name prefixes of other languages
    ("Punta Lirio is a quiet beach near the port.", "Punta Lirio"),
])
def test_bodies_firms_and_places_by_their_head_word(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, expected", [
    ("Whistleblower Edward Marsh spoke at the hearing.", ["Edward Marsh"]),  # a job noun, then a first name
    ("The former governor of Nebraska Sarah Lund died on Sunday.", ["Sarah Lund"]),  # a state as the domain
    ("Christopher Walter Brandl was hurt in the crash.", ["Christopher Walter Brandl"]),
])
def test_words_glued_before_a_name(text, expected):
    assert people(text) == expected


def test_an_age_is_no_part_of_a_name():
    assert not [name for name in people("Fifteen-year-old Robert was hurt in the crash.") if "old" in name]


@pytest.mark.parametrize("text, expected", [
    # a page's caption glued after the name ("Olek Brandt Brandt OlekCEO of …"): the name before it
    ("Talks\nFund CEO Olek Brandt Brandt OlekCEO of the Fund took part in the talks.", ["Olek Brandt"]),
    ("Talks\nPresident Maria Novak Novak Maria spoke first.", ["Maria Novak"]),
    # a name whose words repeat is still a name
    ("Talks\nThe cabinet of Ahmad Ahmad met on Monday.", ["Ahmad Ahmad"]),
    ("Talks\nPresident Tendai Moyo Ndlovu Moyo opened the session.", ["Tendai Moyo Ndlovu Moyo"]),
])
def test_repeated_words(text, expected):
    assert people(text) == expected


def test_a_transcript_turn_after_a_caption_is_a_speaker():
    text = ("Meeting with Olek Brandt\nFund CEO Olek Brandt Brandt OlekCEO of the Fund reported to the President."
            "\nVladimir Putin: What about the bridge?\nOlek Brandt: It opens in May.")
    assert set(find_people(text).speakers) == {"Olek Brandt", "Vladimir Putin"}


def test_words_that_all_have_the_arabic_article_are_no_person():
    text = "Prayers\nPilgrims walked to Al-Haram Al-Sharif on Friday, where Ahmad Al-Masri spoke."
    assert people(text) == ["Ahmad Al-Masri"]


@pytest.mark.parametrize("text, thing", [
    ("Rates of female circumcision fell. Campaigners fight Female Genital Mutilation in the region.",
     "Genital Mutilation"),
    ("A large dish. Astronomers used the Atacama Large Millimetre Array to see the disc.", "Millimetre Array"),
    ("Speed is high. Users of High Performance Computing centres waited.", "Performance Computing"),
])
def test_the_rest_of_a_things_name_after_a_common_word(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, person", [
    ("Health spending rose. The Minister of Health Olek Brandt gave a briefing.", "Olek Brandt"),  # a title's domain
    ("Health spending rose. And Olek Brandt gave a briefing.", "Olek Brandt"),  # a sentence's opening word
])
def test_a_name_after_a_common_word_of_a_title_or_an_opening(text, person):
    assert person in people(text)


@pytest.mark.parametrize("text, expected", [
    ("Greetings\nOlek Brandt sent greetings on Harvest Day, the national holiday.", ["Olek Brandt"]),
    ("Film\nThe actor Doris Day sang in the film.", ["Doris Day"]),
])
def test_days_named_like_holidays(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, thing", [
    ("Audio tours run at the Colosseum and Weiss Gallery in Vienna.", "Weiss Gallery"),
    ("He was awarded the Order of Olek Vasko in 1990.", "Olek Vasko"),
])
def test_galleries_and_orders(text, thing):
    assert thing not in people(text)


@pytest.mark.parametrize("text, expected", [
    ("In 2008, then-governor of Nebraska Sarah Lund was chosen as the nominee.", ["Sarah Lund"]),
    ("Chess\nGrandmaster Dorsa Ferani won the final round.", ["Dorsa Ferani"]),
    ("Prayer\nElder Nelson Whitby said a prayer before the herd was released.", ["Nelson Whitby"]),
])
def test_more_titles(text, expected):
    assert people(text) == expected
