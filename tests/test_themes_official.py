"""Themes in the language of official texts: diplomatic speech names occupation, democracy and
emissions in its own words, while releases name the pandemic, civilians and wars on social ills in
passing (`themes.toml`: vocabulary only, the same rules)."""

from search.ingest.enrich.themes import theme_evidence

# Filler of a long statement to an assembly: about no theme at all.
ASSEMBLY = [
    "We congratulate the President on her election and thank her predecessor for a productive session.",
    "Our small country joined this Organization four decades ago and has served on many of its committees.",
    "The agenda before us is long, and our delegation will speak on several of its items in the committees.",
    "Education remains the first priority of our Government, and enrolment has doubled in ten years.",
    "We have built new roads to the interior and connected every district capital to the electricity grid.",
    "Our farmers have formed cooperatives that now export fruit and coffee to three continents.",
    "Tourism brings visitors to our beaches and mountains in every season of the year.",
    "We thank the agencies of the Organization for their help with our statistics office.",
]


def _speech(*paragraph: str) -> str:
    return " ".join(ASSEMBLY * 4 + list(paragraph) + ASSEMBLY * 4)


def test_the_pandemic_as_the_time_or_cause_of_something_else_is_not_the_theme():
    airline = ("Meeting with the head of the national airline. The President asked how the airline was doing. "
               "Passenger numbers are still below pre-pandemic levels, the chief executive said. "
               "Domestic routes recovered first, and trade fell because of the pandemic only briefly. "
               "Despite the pandemic, the company ordered twelve new aircraft and hired four hundred pilots. "
               "During the pandemic it also rebuilt its booking system. Fares will rise by two percent.")
    assert "Pandemics & health security" not in theme_evidence(airline)
    briefing = ("Conference call on the epidemic. The number of infections rose for the third week. "
                "Vaccination points will open on weekends, the health minister said. "
                "Hospitals received more oxygen, and the pandemic is expected to peak next month.")
    assert "Pandemics & health security" in theme_evidence(briefing)


def test_civilian_products_of_a_defence_plant_are_not_civilians_in_a_war():
    plant = ("Meeting on the defence industry. The plants must raise the output of civilian products, the "
             "President said. Civilian goods already make up a quarter of sales. The armed forces will receive "
             "new aircraft, and troops will train on them next year. The defence companies must cut costs.")
    assert "Armed conflict" not in theme_evidence(plant)
    attack = ("Shelling hits a market. Civilians were killed when shells struck the market at noon. "
              "The civilian population fled the town as the fighting moved closer.")
    assert "Armed conflict" in theme_evidence(attack)


def test_occupied_territories_in_a_long_statement_are_a_territorial_dispute():
    text = _speech(
        "For twenty years a fifth of our land has remained under occupation by our neighbour's forces.",
        "The Council has demanded the withdrawal of forces from all occupied territories, to no avail.",
        "The acquisition of territory by force is inadmissible, and the occupied territories must be returned.")
    assert len(text.split()) > 1000
    assert "Maritime & territorial disputes" in theme_evidence(text)


def test_an_occupation_that_is_the_war_in_ukraine_is_that_war_alone():
    text = ("Meeting on the occupied peninsula. The President discussed the de-occupation of Crimea with the "
            "platform's experts. Russian aggression and the occupation of Crimea continue, he said. "
            "The occupied territories of Ukraine must return, and the international community supports "
            "Ukraine's sovereignty and territorial integrity. Human rights in the occupied territories are "
            "violated every day, and the war in Donbas goes on.")
    evidence = theme_evidence(text)
    assert "War in Ukraine" in evidence and "Maritime & territorial disputes" not in evidence


def test_greenhouse_gases_and_negotiating_words_of_climate_policy_count():
    text = _speech(
        "Our islands emit almost no greenhouse gases, yet the sea-level rise will swallow our coast first.",
        "The major economies must reduce emissions and raise their nationally determined contributions.",
        "Warming must stay well below two degrees above pre-industrial levels, or our people will have to leave.")
    assert "Climate & security" in theme_evidence(text)


def test_a_paragraph_on_promoting_democracy_is_about_democracy_but_an_obituary_is_not():
    text = _speech(
        "Twenty years ago our country began its democratic transformation after decades of one-party rule.",
        "The consolidation of democracy took longer than we hoped, and our democratic institutions are still young.",
        "We will keep promoting democracy in our region, because democratic institutions need patient care.",
        "Our forum for the development of democracy meets every December in the capital.")
    assert "Elections & democracy" in theme_evidence(text)
    obituary = ("Former mayor dies at 91. The former mayor, who led the city for two terms, died on Sunday. "
                "He was a lifelong campaigner for democracy and won an award for it in 1999. "
                "His family said he died peacefully at home. The funeral will be held on Friday.")
    assert "Elections & democracy" not in theme_evidence(obituary)


def test_a_war_on_poverty_is_no_war_but_a_brutal_war_is():
    poverty = _speech(
        "On the day I took office I declared an all-out war on poverty.",
        "The war against poverty is fought in schools, clinics and markets.",
        "We are winning that war, one village at a time.")
    assert "Armed conflict" not in theme_evidence(poverty)
    war = _speech(
        "Our people lived through a brutal war that lasted three decades and took a hundred thousand lives.",
        "After years of war, the former rebel groups have laid down their arms and joined the parliament.",
        "The war-torn provinces of the north are being rebuilt, and the refugees are coming home.")
    assert "Armed conflict" in theme_evidence(war)


def test_hostility_between_neighbours_is_not_hostilities_and_unexploded_ordnance_is_arms_control():
    feud = ("Old rivals meet. The two mayors ended years of hostility at a dinner on Friday. "
            "Their hostility began over a football match, and the hostility of their fans was famous.")
    assert "Armed conflict" not in theme_evidence(feud)
    ordnance = _speech(
        "Half a century after the bombing, unexploded ordnance still kills farmers in a third of our provinces.",
        "Mine action teams have cleared four thousand hectares this year, and demining must go faster.",
        "We call on every State to join the convention banning cluster munitions.")
    assert "Arms control & non-proliferation" in theme_evidence(ordnance)


def test_household_tariffs_for_gas_and_electricity_are_prices_not_trade_measures():
    prices = ("Heating season under control. The government froze gas tariffs for households until spring. "
              "Electricity tariffs will rise by three percent, and utility tariffs for pensioners stay the same. "
              "Water tariffs are set by the cities. Prices rose in Europe as supply chains were slow to recover.")
    assert "Economic security & supply chains" not in theme_evidence(prices)
    trade = ("Steel tariffs raised. The country raised tariffs on imported steel to 25 percent. "
             "Its neighbour answered with tariffs on cars, and exporters fear a trade war.")
    assert "Economic security & supply chains" in theme_evidence(trade)


def test_the_kremlin_named_beside_another_countrys_occupied_land_is_not_the_war_in_ukraine():
    text = _speech(
        "Two of our regions have been under occupation since the aggression of that summer.",
        "The ceasefire holds only on paper.",
        "The occupied territories are closed to monitors, and the military build-up across the line goes on.",
        "Our plan for de-occupation offers the displaced a safe return and the troops a way home.",
        "The Kremlin still refuses the withdrawal of forces from our sovereign territory.")
    evidence = theme_evidence(text)
    assert "War in Ukraine" not in evidence and "Maritime & territorial disputes" in evidence


def test_a_cue_shortly_after_despite_amidst_or_caused_is_a_circumstance():
    trade = ("Talks with the visiting prime minister. Trade between the two countries grew by a fifth despite the "
             "global coronavirus pandemic. The losses caused by the COVID-19 pandemic were made up within a year. "
             "Amidst the pandemic, the two airlines doubled their flights. The leaders signed a treaty "
             "on double taxation and agreed to open a consulate in the port city.")
    assert "Pandemics & health security" not in theme_evidence(trade)
    briefing = trade + (" The ministers also discussed the pandemic at length. Infections are rising again in "
                        "both countries, and the pandemic has filled the hospitals of the north. The two governments "
                        "will share vaccines and coordinate vaccination campaigns.")
    evidence = theme_evidence(briefing)["Pandemics & health security"]
    assert "pandemic" in evidence and len(evidence) == len(set(evidence))


def test_a_cue_before_a_verb_of_consequence_or_in_the_circumstances_of_it_is_context():
    """The pandemic as the cause of something else ("has led to", "contributed to") or as its
    circumstances ("amid the hard circumstances of the pandemic", "the pre-COVID year") is context."""
    talks = ("Meeting with the visiting foreign minister. The minister said that COVID-19 is contributing to the "
             "strain on his country's budget. We are sending medicines and vaccines to your hospitals, the President "
             "replied. Regrettably, the pandemic has led to a pause in the work of our joint commission on fisheries. "
             "The two sides agreed to reopen the commission in spring and to build a new harbour.")
    assert "Pandemics & health security" not in theme_evidence(talks)
    economy = ("Meeting on the economy. Employment has returned to the level of the pre-COVID year. The budget "
               "will have to be balanced amid the hard circumstances of the pandemic and the spread of a new "
               "coronavirus variant, the minister said. Wages grew by four percent and the harvest was a record.")
    assert "Pandemics & health security" not in theme_evidence(economy)
    outbreak = ("Meeting with the health minister. The pandemic has led to the deaths of four thousand people in "
                "the region this autumn, the minister said. Infections doubled in a week, and the hospitals are "
                "full. Vaccination points will open on weekends, and a quarantine was imposed on two towns.")
    assert "Pandemics & health security" in theme_evidence(outbreak)


def test_a_strategic_partnership_is_an_alliance_only_with_a_security_part_named_beside_it():
    trade = ("Talks with the President of a neighbouring republic. The presidents praised the relations of strategic "
             "partnership and allied interaction between the two countries. Bilateral trade grew by a third, and "
             "the two governments will open a joint university and a bilateral investment fund. The leaders also "
             "reaffirmed their strategic partnership in culture and tourism.")
    assert "Partnerships & alliances" not in theme_evidence(trade)
    defence = trade.replace("culture and tourism", "defence, with joint military exercises next summer")
    assert "Partnerships & alliances" in theme_evidence(defence)


def test_supporting_ukraines_european_aspirations_is_not_support_in_the_war():
    meeting = ("The President of Ukraine met the Prime Minister of a Nordic country. He informed his guest about the "
               "security situation in the east. The President thanked the Prime Minister for supporting Ukraine's "
               "European aspirations and for supporting Ukraine's Euro-Atlantic course. The two leaders discussed "
               "trade in grain and machinery and agreed to open a new consulate.")
    assert "War in Ukraine" not in theme_evidence(meeting)
    war = meeting.replace("for supporting Ukraine's European aspirations", "for continuing to support Ukraine "
                          "against the Russian aggression in Donbas")
    assert "War in Ukraine" in theme_evidence(war)


def test_a_country_joining_euro_atlantic_structures_is_no_security_part_of_its_own():
    course = ("The Deputy Head of the Office met the adviser of a Baltic president. They discussed bilateral "
              "cooperation in the context of the country's European and Euro-Atlantic integration. The adviser "
              "praised the pace of reforms. Special attention was paid to Euro-Atlantic integration and to the "
              "next summit of the Eastern Partnership. The two sides agreed on a programme of visits for the spring.")
    assert "Partnerships & alliances" not in theme_evidence(course)
    defence = course.replace("The adviser praised the pace of reforms.",
                             "The adviser praised the bilateral defence cooperation and the joint naval exercises.")
    assert "Partnerships & alliances" in theme_evidence(defence)
