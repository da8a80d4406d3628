"""Organisation rules of round 11 (issue 11, newswire recall), on our own sentences: companies marked by the
stock ticker after their name, and names broken over a hard-wrapped line after capitals or a possessive."""

from search.ingest.enrich.organisations import find_organisations


def test_a_name_before_a_ticker_is_a_company_without_an_organisation_word():
    text = ("PUMP MAKERS TALK\nShares of Quillon Fluid Dynamics <QFD.L> rose after\nthe talks, "
            "and Marrowby Hydraulics <MRB> fell, dealers said.\n")
    assert find_organisations(text) == ["Quillon Fluid Dynamics", "Marrowby Hydraulics"]


def test_an_owner_or_a_modifier_before_the_tickered_name_is_no_part_of_it():
    text = ("STAKE SOLD\nThe stake went to Norway's Fjellbrekk Kraft <FJK.OL>, and\n"
            "Ohio-based Tarrow Steel <TRW> bid too.\n")
    assert find_organisations(text) == ["Fjellbrekk Kraft", "Tarrow Steel"]


def test_a_possessive_or_a_group_between_name_and_ticker_is_dropped():
    text = "TALKS\nA merger of Brennock Mills' <BRM> textile arm with\nthe Vellacott group <VEL.AS> was called off.\n"
    assert find_organisations(text) == ["Brennock Mills", "Vellacott"]


def test_a_ticker_after_a_country_or_a_person_gives_nothing():
    text = "BONDS\nThe issue for Portugal <PORT> was priced by John Carrow <JC> yesterday.\n"
    assert find_organisations(text) == []


def test_a_name_in_capitals_broken_before_its_part_noun_is_found():
    text = "CHARGE\nHalvard Corp said examiners of its ZENBANK\nsubsidiary asked for a larger loss reserve.\n"
    assert find_organisations(text) == ["Halvard Corp", "ZENBANK"]


def test_a_name_broken_after_a_plural_possessive_is_one_name():
    text = "LENDING\nThe talks were called by the Dutch Millers'\nAssociation, its secretary said on Monday.\n"
    assert find_organisations(text) == ["Dutch Millers' Association"]


def test_an_italian_name_keeps_its_della():
    text = "RESULTS\nBanca della Riviera Alta <BRA.MI> said profit rose.\n"
    assert find_organisations(text) == ["Banca della Riviera Alta"]


def test_a_ministry_named_in_lower_case_by_its_portfolio():
    text = ("Fishing rights\nThe Danish fisheries ministry rejected the quota, and Chile's trade ministry said "
            "talks would go on. The finance ministry gave no figures.\n")
    assert find_organisations(text) == ["Fisheries Ministry", "Trade Ministry", "Finance Ministry"]


def test_a_ministry_without_a_portfolio_or_after_a_pronoun_gives_nothing():
    text = "Budget\nA ministry spokesman said his ministry had asked the ministry of a neighbour for advice.\n"
    assert find_organisations(text) == []


def test_the_leading_words_of_a_company_name_are_the_same_company():
    text = "NEW PRINTERS\nKestrel Optical Works Inc said it will sell two printers. Kestrel said prices would fall.\n"
    assert find_organisations(text) == ["Kestrel Optical Works Inc"]


def test_a_parent_named_before_a_country_is_not_its_subsidiary():
    text = "Census\nThe ministry will work with Apple and with Apple Norway Ltd on the new census.\n"
    assert find_organisations(text) == ["Apple", "Apple Norway Ltd"]


def test_a_country_before_and_is_no_part_of_the_next_name():
    text = "Placing\nThe shares will be sold in Norway and Brackenfield Securities Ltd will place the rest.\n"
    assert find_organisations(text) == ["Brackenfield Securities Ltd"]


def test_a_name_that_starts_with_two_places_stays_whole():
    text = "Loan\nThe loan was led by Australia and New Zealand Banking Group Ltd, a dealer said.\n"
    assert find_organisations(text) == ["Australia and New Zealand Banking Group Ltd"]


def test_continental_legal_forms_end_a_company_name():
    text = ("Bonds\nThe notes of Vandermeer Beheer N.V. and of Industrie Calcagno SpA are guaranteed by "
            "Grauwacke Capital S.A., its Luxembourg arm.\n")
    assert find_organisations(text) == ["Vandermeer Beheer N.V.", "Industrie Calcagno SpA", "Grauwacke Capital S.A."]


def test_a_parent_named_beside_its_unit_stays():
    text = "Jets\nBoeing Aerospace Co will build the wings, and Boeing said the order was its largest.\n"
    assert find_organisations(text) == ["Boeing Aerospace Co", "Boeing"]
