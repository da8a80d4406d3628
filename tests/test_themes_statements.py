"""Themes that a long statement to an assembly develops over a paragraph, in the phrasings of
diplomatic speech (`themes.toml` vocabulary, round 7): terrorism spoken of as one word in several
sentences, the treaty on the trade in conventional arms, trade opened or restricted by states, and the
status of a territory. A passing sentence in the same speech still gives no theme."""

from test_themes_official import _speech

from search.ingest.enrich.themes import theme_evidence


def test_a_paragraph_that_only_says_terrorism_is_about_terrorism():
    text = _speech(
        "Terrorism, by whomever it is committed, strikes at the values this Organization was founded on.",
        "Our delegation condemns terrorism in all its forms and stands with the families of its victims.",
        "We have passed laws against the financing of terrorism and trained our border police.",
        "No grievance can ever justify terrorism, and we will keep working with our neighbours to defeat it.")
    assert "Terrorism & violent extremism" in theme_evidence(text)


def test_terrorism_named_once_in_a_list_of_challenges_is_no_theme():
    text = _speech("Poverty, disease, terrorism and climate change are among the challenges we all share.")
    assert "Terrorism & violent extremism" not in theme_evidence(text)


def test_a_paragraph_on_the_arms_trade_treaty_is_arms_control():
    text = _speech(
        "The illicit trade in small arms smuggled across our coast has made our towns more violent.",
        "Small island states do not make weapons, yet light weapons flow to our gangs every month.",
        "We therefore welcome the Arms Trade Treaty and call on every producer of conventional arms to join it.",
        "Our parliament will ratify the treaty before the end of the year.")
    assert "Arms control & non-proliferation" in theme_evidence(text)


def test_security_assurances_beside_disarmament_are_arms_control():
    text = _speech(
        "Our country gave up the nuclear arms it inherited, and it stands by that choice.",
        "States that renounced such weapons deserve security assurances in a binding instrument.",
        "We call on all states to pursue disarmament and to strengthen the non-proliferation regime.")
    assert "Arms control & non-proliferation" in theme_evidence(text)


def test_a_paragraph_against_restrictions_on_trade_is_economic_security():
    text = _speech(
        "Since the crisis, large economies have introduced hundreds of trade-restrictive measures.",
        "The Doha Round has stalled for a decade, and small traders like us pay the price.",
        "We urge all members to liberalise trade and to resist every trade-distorting subsidy.")
    assert "Economic security & supply chains" in theme_evidence(text)


def test_the_status_of_a_territory_is_a_territorial_dispute():
    text = _speech(
        "Our southern province remains the subject of a unilateral declaration of independence that we do not accept.",
        "We thank the states that respect our borders and the resolutions of the Council.",
        "Any secession imposed without our consent would endanger the stability of the whole region.",
        "The people of the territory have a right to self-determination only within the framework of law.")
    assert "Maritime & territorial disputes" in theme_evidence(text)


def test_a_reunified_country_in_a_history_lesson_is_no_dispute():
    text = _speech("Our two states became one again through peaceful reunification thirty years ago.")
    assert "Maritime & territorial disputes" not in theme_evidence(text)


def test_a_paragraph_on_the_hiv_epidemic_is_about_health_security():
    text = _speech(
        "One adult in six in our country lives with HIV, and the virus still kills thousands every year.",
        "Treatment is now free in every clinic, and infections among newborns have fallen by half.",
        "We ask our partners to keep funding the fight against HIV until no child is born with it.")
    assert "Pandemics & health security" in theme_evidence(text)


def test_a_statement_that_demonstrates_commitment_is_no_demonstration():
    text = _speech(
        "Our presence here demonstrates our commitment to the Organization.",
        "Demonstrating our goodwill, we opened our ports to the relief convoys, and one farmers' protest against"
        " the price of seed was settled by talks.",
        "The new law demonstrates that reform is possible, and it demonstrates our resolve.")
    assert "Protests & civil unrest" not in theme_evidence(text)


def test_people_taking_to_the_streets_in_an_uprising_are_protests():
    text = _speech(
        "This spring hundreds of thousands took to the streets of the capital to demand free elections.",
        "The popular uprising was met with tear gas and live ammunition.",
        "We condemn the killing of peaceful demonstrators and call for the release of all who were detained.")
    assert "Protests & civil unrest" in theme_evidence(text)


def test_a_new_constitution_after_autocracy_is_democracy_but_the_councils_democratization_is_not():
    own = _speech(
        "Two years ago our people chose to move from autocracy to a government accountable to them.",
        "A new constitution now limits the president to two terms and guarantees an independent judiciary.",
        "The process of democratization is irreversible, and our institutions grow stronger each year.")
    assert "Elections & democracy" in theme_evidence(own)
    council = _speech("We call for the democratization of the Security Council and of international relations.",
                      "Its working methods must become more transparent, and its membership must grow.")
    assert "Elections & democracy" not in theme_evidence(council)


def test_tropical_storms_that_struck_the_country_are_a_disaster():
    text = _speech(
        "In June a tropical storm struck our southern coast and left forty thousand people without shelter.",
        "We had not recovered when a second tropical storm flooded the capital's poorest districts.",
        "Our plans now follow the Sendai Framework, and every village has an evacuation route.")
    assert "Disasters & emergency response" in theme_evidence(text)
