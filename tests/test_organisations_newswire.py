"""Organisation rules of round 8 (issue 11), on our own sentences: names that newswire and hard-wrapped
statements break or hide (acronyms spelling a name across "and", compounds broken at a line's hyphen,
two countries joined by a hyphen)."""

from search.ingest.enrich.organisations import find_organisations

# A title line, then hard-wrapped lines, as the UN statements and wire stories are laid out.
WRAPPED = (
    "Statement of the delegation\n"
    "We thank the members of the Non-\n"
    "Aligned Movement and the Anti-\n"
    "Smuggling Commission of the region for their work,\n"
    "and we welcome the new Canada-\n"
    "Russian Federation accord on fisheries.\n"
)


def test_an_acronym_spelling_a_name_across_and_keeps_it_whole():
    text = ("Harvest news\nThe Northern Farmers Bank and Seed Trading Corporation (NFBSTC) bought wheat. "
            "NFBSTC said prices fell.")
    assert find_organisations(text) == ["Northern Farmers Bank and Seed Trading Corporation"]


def test_two_names_joined_by_and_still_split_without_such_an_acronym():
    text = "Markets\nShares of Acme Holdings and Pacific Cement Corporation (PCC) rose."
    assert find_organisations(text) == ["Acme Holdings", "Pacific Cement Corporation"]


def test_a_compound_broken_at_its_hyphen_over_two_lines_is_one_name():
    found = find_organisations(WRAPPED)
    assert "Non-Aligned Movement" in found
    assert "Anti-Smuggling Commission" in found
    assert "Aligned Movement" not in found and "Smuggling Commission" not in found


def test_two_countries_joined_by_a_hyphen_are_no_organisation():
    assert not any("Russian Federation" in name for name in find_organisations(WRAPPED))


# --- Companies a wire service marks: a name in angle brackets, a headline's name before a ticker -------


def test_a_name_in_angle_brackets_is_a_company():
    text = "Harbour deal\nWillow Foods said it is in talks with <Kestrel> and <Marlow Brothers Ltd>, on terms."
    found = find_organisations(text)
    assert "Kestrel" in found and "Marlow Brothers Ltd" in found


def test_a_ticker_in_brackets_is_no_name_and_a_name_cut_by_a_typo_gives_nothing_of_its_end():
    text = "Loans\nThe lenders are <Harbour Bank of New\n<Haven>, and Kestrel Trust Co <KTC>."
    found = find_organisations(text)
    assert "Haven" not in found and "KTC" not in found


def test_a_headline_name_before_a_ticker_is_the_company_the_body_names():
    text = "R.J. WILLOWBY CO <RJW> RAISES PAYOUT\nR.J. Willowby said its board raised the payout. The board met today."
    assert find_organisations(text) == ["R.J. Willowby Co"]


def test_the_headline_rule_takes_capitalised_body_words_only():
    text = "TALKS ON KESTREL <KES> STALL\nTalks on the merger stalled, a banker said of the talks on Kestrel."
    assert find_organisations(text) == ["Kestrel"]
    # Only in capitals in the body ("GM") or not at all: nothing new.
    assert find_organisations("ZQX <ZQX> SEES LOSS\nShr loss two cts vs profit one ct.") == []


# --- Communities of states; a state's formal name ---------------------------------------------------


def test_a_community_of_states_is_named_and_splits_from_the_name_before_it():
    text = "Regional bodies\nWe work with the Andean Pact and the Community of Coastal Island States on fisheries."
    assert "Community of Coastal Island States" in find_organisations(text)
    text = "Regional bodies\nThe League of Arab States and the Community of Sahel Nations met in May."
    assert find_organisations(text) == ["Arab League", "Community of Sahel Nations"]


def test_a_community_without_of_is_no_organisation_unless_known():
    assert find_organisations("Local news\nThe Business Community welcomed the plan.") == []
    found = find_organisations("Trade\nThe EC cut its farm prices, CARICOM said.")
    assert found == ["European Community", "Caribbean Community"]


def test_a_state_under_its_formal_name_is_no_organisation():
    text = ("Statement\nOur Federation of Saint Kitts and Nevis and the Union of the Comoros spoke for the "
            "Commonwealth of Nations.")
    assert find_organisations(text) == ["Commonwealth of Nations"]


# --- Newswire companies and banks --------------------------------------------------------------------


def test_associates_partners_and_foreign_bank_words_name_companies():
    text = ("Energy\nAn analyst at Lowland Energy Research Associates and a banker at Banque Fermiere de "
            "Provence said the Bundesbank and Ridgeway Realty Partners agreed.")
    found = find_organisations(text)
    for name in ("Lowland Energy Research Associates", "Banque Fermiere de Provence", "Bundesbank",
                 "Ridgeway Realty Partners"):
        assert name in found
    # Alone or first in a run, the words are ordinary: no company.
    assert find_organisations("Deals\nPartners in the deal said Associates would be paid.") == []


def test_a_bracketed_name_broken_over_a_line_is_whole():
    text = "Hotels\nThe hotel group said it and <RQ\nHarbour Partners> of Boston will buy the site."
    assert find_organisations(text) == ["RQ Harbour Partners"]
