"""Paragraphs UN statements develop in words of their own (round 10). An Israel–Palestine paragraph on the settlements
built on occupied land, the final status left to negotiate, the territories named as occupied and the lines of June
1967 is about the status of a territory (`Maritime & territorial disputes`, the gold README's statehood call); one such
sentence in a long speech, settlements of claims and a conflict's "settlement" are not. Trade agreements that remove
tariffs, over a paragraph, are `Economic security & supply chains` (rule 25); one agreement named is not."""

from test_themes_official import _speech

from search.ingest.enrich.themes import theme_evidence

TERRITORY = "Maritime & territorial disputes"


def test_a_paragraph_on_settlements_and_final_status_is_a_territorial_dispute():
    text = _speech(
        "The negotiations on the final status issues have not moved for two years.",
        "Meanwhile settlement activities continue unabated on the hills around the old city.",
        "We call on the occupation authorities to halt the expansion of settlements at once.",
        "Only then can a State be built on the lines of June 1967, as the resolutions of this body foresee.")
    assert TERRITORY in theme_evidence(text)


def test_occupied_arab_lands_and_illegal_settlements_are_a_territorial_dispute():
    text = _speech(
        "Our region will know no peace while the occupied Arab territories remain under a foreign army.",
        "Illegal settlements are being built on the occupied Palestinian territory every month.",
        "A two-State settlement is still possible, but the time left for it is short.")
    assert TERRITORY in theme_evidence(text)


def test_one_line_on_settlement_construction_is_no_dispute():
    text = _speech("We also regret the continued settlement construction and hope the talks will resume.")
    assert TERRITORY not in theme_evidence(text)


def test_a_settlement_of_disputes_or_of_debts_is_no_territorial_dispute():
    text = _speech(
        "We believe in the peaceful settlement of disputes between States through dialogue.",
        "Our government reached a settlement with its creditors on the final terms of the debt.",
        "The settlement of accounts with the fund was completed last year.")
    assert TERRITORY not in theme_evidence(text)


def test_the_1967_boundaries_and_the_palestinian_territories_over_a_paragraph_are_a_territorial_dispute():
    text = _speech(
        "Talks should resume on the basis of the 1967 boundaries, with swaps the two sides agree.",
        "Every month new settlements rise in the Palestinian territories, and the land left for a State shrinks.",
        "The occupation of Palestinian land cannot be the basis of any lasting peace.")
    assert TERRITORY in theme_evidence(text)


def test_settlements_of_claims_or_of_a_conflict_are_no_territorial_dispute():
    text = ("Regulator settles pricing claims\nThe regulator reached proposed settlements with five oil producers."
            " The settlements would resolve disputes over possible pricing violations at two wells."
            " In agreeing to the settlements, the producers admitted no violations."
            " The ministers also discussed the Middle East agenda and efforts toward a Palestinian-Israeli settlement.")
    assert TERRITORY not in theme_evidence(text)


def test_a_paragraph_on_trade_agreements_that_remove_tariffs_is_economic_security():
    text = _speech(
        "Over five years we have signed trade agreements with eleven partners across three continents.",
        "Each of those trade agreements removes the tariff on our fruit and textiles within a decade.",
        "Free trade, not walls, is how a small economy like ours grows.")
    assert "Economic security & supply chains" in theme_evidence(text)


def test_one_trade_agreement_in_a_speech_is_no_theme():
    text = _speech("Our new trade agreement with a neighbour was signed in the spring.")
    assert "Economic security & supply chains" not in theme_evidence(text)
