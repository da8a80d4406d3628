"""Organisation rules of round 10 (issue 11), on our own sentences: the GATT as a body (not the treaty), and a
body named whole with the known organisation it belongs to."""

from search.ingest.enrich.organisations import find_organisations


def test_the_gatt_is_the_body_that_meets():
    text = "Trade talks\nMinisters told a session of the General Agreement on Tariffs and Trade that farm aid must end."
    assert find_organisations(text) == ["General Agreement on Tariffs and Trade"]


def test_the_gatt_acronym_names_the_same_body():
    text = "Farm trade\nThe next GATT round will open in the autumn, diplomats in Geneva said."
    assert find_organisations(text) == ["General Agreement on Tariffs and Trade"]


def test_the_gatt_as_a_treaty_is_no_organisation():
    text = "Levy\nThe planned levy on oilseeds breaks the importers' obligations under the GATT, he wrote."
    assert find_organisations(text) == []
    text = "Levy\nThe planned levy breaks article 24 of the General Agreement on Tariffs and Trade, he wrote."
    assert find_organisations(text) == []


def test_a_body_of_a_known_organisation_is_named_whole_beside_it():
    text = "Ministers\nOur envoy chairs the Standing Committee of Ministers of the Council of Europe this year."
    assert find_organisations(text) == ["Standing Committee of Ministers of the Council of Europe", "Council of Europe"]


def test_a_one_word_office_of_an_organisation_stays_apart():
    text = "Refugees\nWe back the Office of the United Nations High Commissioner for Refugees in its appeal."
    assert find_organisations(text) == ["Office of the United Nations High Commissioner for Refugees"]
    text = "Session\nShe took over the Presidency of the General Assembly in June."
    assert find_organisations(text) == ["General Assembly"]


def test_a_company_named_only_in_a_headline_before_its_ticker():
    text = "BRAMBLE HOLLOW FOODS INC <BHF> 2ND QTR NET\nShr 12 cts vs nine cts\n    Net 1,200,000 vs 900,000\n"
    assert find_organisations(text) == ["Bramble Hollow Foods Inc"]


def test_a_headline_company_keeps_initials_and_short_names_in_capitals():
    text = "QRX INDUSTRIES (HOLDINGS) LTD <QRX.L> YEAR\nShr 4p vs 3p\n"
    assert find_organisations(text) == ["QRX Industries (Holdings) Ltd"]
    text = "J.K. LIQUID AIR AND OAK CO <JKL> SETS PAYOUT\nQtly div 10 cts vs 10 cts prior\n"
    assert find_organisations(text) == ["J.K. Liquid Air and Oak Co"]


def test_a_headline_verb_or_a_name_without_a_legal_form_gives_nothing():
    assert find_organisations("REGULATOR FINES TOLLAND INC <TLD>\nThe regulator said the fine was 2 mln dlrs.\n") == []
    assert find_organisations("COURT CHARGES TOLLAND INC <TLD>\nFine 2 mln dlrs\n") == []
    assert find_organisations("MARLOWE GAS <MGS> 1ST QTR NET\nShr 5 cts vs 4 cts\n") == []


def test_the_bodys_spelling_wins_over_the_headlines_capitals():
    text = "DELTRONIX CORP <DTX> SETS DIVIDEND\nDeltronix Corp said its board set a quarterly dividend.\n"
    assert find_organisations(text) == ["Deltronix Corp"]
    text = "QUORVEX CORP <QVX> SETS DIVIDEND\nQUORVEX Corp said its board set a quarterly dividend.\n"
    assert find_organisations(text) == ["QUORVEX Corp"]


def test_the_federal_reserve_board_is_the_fed():
    text = "Rates\nThe U.S. Federal Reserve Board left rates unchanged, and the Fed chairman said little."
    assert find_organisations(text) == ["Federal Reserve"]


def test_a_ticker_used_alone_is_its_companys_short_name():
    text = ("Chips\nGlobal Wafer Devices Corp <GWD> said sales rose. Analysts said GWD would gain share.\n"
            "Shares of GWD rose 2 dlrs.")
    assert find_organisations(text) == ["Global Wafer Devices Corp"]


def test_a_name_in_capitals_that_is_no_ticker_here_stays():
    text = "Chips\nGlobal Wafer Devices Corp <GWDC> said sales rose.\nShares of GWD rose 2 dlrs."
    assert find_organisations(text) == ["Global Wafer Devices Corp", "GWD"]


def test_a_firm_named_like_a_person_by_its_analyst_or_as_brokers():
    text = "Shares\nThe rally will last, said Ann Reed, an analyst at Pollard Vane. Brokers Hattie Crane said so too."
    assert find_organisations(text) == ["Pollard Vane", "Hattie Crane"]
    assert find_organisations("Shares\nKestrel Moss analyst Bo Lind expects more.") == ["Kestrel Moss"]


def test_a_firm_named_after_its_partners_runs_past_its_commas():
    text = "Shares\nIt will rise, said Jo Hale, analyst with Tolland, Greer and Co. He expects more."
    assert find_organisations(text) == ["Tolland, Greer and Co"]
    text = "Shares\nIt will rise, said an analyst at Pollard Vane, Jo Hale, who expects more."
    assert find_organisations(text) == ["Pollard Vane"]


def test_places_and_common_words_before_analysts_are_no_firm():
    text = "Shares\nWall Street analysts and Some analysts and Soviet analysts and an analyst at London agreed."
    assert find_organisations(text) == []


def test_a_company_of_a_place_named_with_its_legal_form_stays_whole():
    text = "Sales\nTorvald Marine Sales of America Inc said March sales rose, and Gorse Tools of Canada Ltd agreed."
    assert find_organisations(text) == ["Torvald Marine Sales of America Inc", "Gorse Tools of Canada Ltd"]
    assert find_organisations("Drugs\nBrantwell Ltd of Canada said it would sell.") == ["Brantwell Ltd"]
