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
