"""Speakers, round 13 of issue 11 (UN statements' recall): a post set off before its holder's name with a dotted form
of address ("the Secretary-General, Mr. X") or taken up again ("on his re-election as …"), a speech named as a noun
"of" its speaker ("the warning of Professor X that …"), "let me quote X", and a proposal of an act ("X proposed the
creation of …", a call).

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_a_post_set_off_before_a_dotted_address_gives_its_holder():
    found = find_people("We wish the Secretary-General, Mr. Tobin Weskett, every success. The new base will, as the "
                        "Secretary-General said, make the work of the Organization easier.")
    assert found.speakers == ["Tobin Weskett"]


def test_a_post_set_off_before_his_excellency_mr_gives_its_holder():
    found = find_people("I thank the Secretary-General, H.E. Mr. Tobin Weskett, for his work. As the Secretary-General "
                        "noted, the seas are rising.")
    assert found.speakers == ["Tobin Weskett"]


def test_another_post_set_off_before_a_name_gives_no_holder():
    found = find_people("I thank the Minister of Finance, Mr. Tobin Weskett, for his work. As the Secretary-General "
                        "noted, the seas are rising.")
    assert found.speakers == []


def test_a_re_election_to_a_post_gives_its_holder():
    found = find_people("I congratulate Mr. Tobin Weskett on his re-election as Secretary-General. As the "
                        "Secretary-General said, the race is on.")
    assert found.speakers == ["Tobin Weskett"]


def test_the_warning_of_a_named_person_credits_that_person():
    found = find_people("We heed the warning of Professor Mara Quillon that the seas are rising.")
    assert found.speakers == ["Mara Quillon"]


def test_a_saying_of_a_named_person_credits_that_person():
    found = find_people("Peace comes from respect. This saying of Benedek Harlo still guides our foreign policy.")
    assert found.speakers == ["Benedek Harlo"]


def test_the_plea_of_a_named_person_credits_that_person():
    found = find_people("We support the plea of Prime Minister Mara Quillon for a global fund for small islands.")
    assert found.speakers == ["Mara Quillon"]


def test_a_plea_to_a_named_person_credits_nobody():
    found = find_people("The families made a plea to Prime Minister Mara Quillon for a global fund.")
    assert found.speakers == []


def test_let_me_quote_credits_the_one_quoted():
    found = find_people("Let me quote Mara Quillon: “No one is safe until all of us are safe.”")
    assert found.speakers == ["Mara Quillon"]


def test_a_proposal_of_an_act_credits_the_one_who_proposed_it():
    found = find_people("President Tobin Weskett of Ruritania proposed the creation of a regional court of human "
                        "rights.")
    assert found.speakers == ["Tobin Weskett"]


def test_a_proposal_of_a_thing_needs_a_clause():
    found = find_people("Tobin Weskett proposed a budget of ten million for the new year.")
    assert found.speakers == []


def test_a_sage_cited_by_one_name_long_ago_speaks():
    found = find_people("Democracy is noisy. Quillonius wrote centuries ago that a country where all agree is a "
                        "graveyard.")
    assert found.speakers == ["Quillonius"]


def test_a_sage_who_taught_us_speaks():
    found = find_people("There is an old etching of monsters. Harlovar taught us that reason asleep breeds monsters.")
    assert found.speakers == ["Harlovar"]


def test_a_sage_after_a_peoples_epithet_in_an_as_clause_speaks():
    found = find_people("In which world, as the Greek sophist Weskatos put it, is man the measure of all things?")
    assert found.speakers == ["Weskatos"]


def test_a_country_after_a_post_in_an_as_clause_is_no_sage():
    found = find_people("We promote industrial cooperation, as the President of Belarus has said today.")
    assert found.speakers == []
    assert found.people == []


def test_a_lesson_of_history_is_no_sage():
    found = find_people("Experience is a hard teacher. History has taught us that wars erupt quickly.")
    assert found.people == []
