"""People, round 6 of issue 11 (random Wikinews articles and the retired held-out parts): a sports job before
a name, Arabic names linked by "bin"/"Al" whose parts are also common words, a relative's lone given name that
is the first word of a full name, a full name written with and without its accents, places at the end of a list
after "at" or at one end of a journey, and a team's plural name after "the".

Every sentence and name here is invented.
"""

from __future__ import annotations

import pytest

from search.ingest.enrich.people import find_people


def test_a_name_after_a_sports_job_is_a_person():
    found = find_people("Former hockey player Ostrik Vanmeer died on Monday. Vanmeer was 58.")
    assert found.people == ["Ostrik Vanmeer"]


def test_a_word_after_bin_or_al_between_names_is_a_name_though_it_is_also_a_word():
    found = find_people("On Monday, Harun bin Said, the emir of the island, opened the port. "
                        "His nephew, Tariq bin Nasser Al Said, attended. Harun bin Said spoke briefly.")
    assert "Harun bin Said" in found.people
    assert "Tariq bin Nasser Al Said" in found.people
    assert "Harun" not in found.people


def test_a_common_word_before_bin_and_a_name_opens_the_name():
    assert "Said bin Omar" in find_people("He overthrew his father, Said bin Omar, in 1969.").people


def test_bin_alone_does_not_make_a_common_word_a_name():
    assert find_people("The staff said bin collections will resume on Monday.").people == []


def test_a_relatives_lone_given_name_stands_for_the_full_name_it_opens():
    found = find_people("Relatives acknowledged his cousin, Zaidan, as heir. Zaidan bin Yusuf Al Harthi took "
                        "the oath on Friday, and Zaidan said he would keep the old policies.")
    assert found.people == ["Zaidan bin Yusuf Al Harthi"]
    assert found.speakers == ["Zaidan bin Yusuf Al Harthi"]


def test_a_full_name_without_its_accents_is_the_same_person_as_with_them():
    found = find_people("Party leader Wiesław Zieliński promises lower taxes\n"
                        "On Sunday, Wiesław Zieliński said the plan was ready. Wieslaw Zielinski spoke for an hour.")
    assert found.people == ["Wiesław Zieliński"]
    assert found.speakers == ["Wiesław Zieliński"]


def test_accent_variants_of_two_different_names_stay_apart():
    found = find_people("Anna Nowak met Piotr Kowalski and Józef Kowalczyk in Warsaw.")
    assert found.people == ["Anna Nowak", "Piotr Kowalski", "Józef Kowalczyk"]


@pytest.mark.parametrize("text, place", [
    ("Divers searched sites at Amberfield, Coldharbour, and Tova el-Marsa for the wreck.", "Tova el-Marsa"),
    ("The plane was flying from Jakarta to Teluk Pandan when it fell into the sea.", "Teluk Pandan"),
    ("The ferry sailed from Teluk Pandan to Jakarta twice a week.", "Teluk Pandan"),
])
def test_a_place_at_the_end_of_a_list_after_at_or_at_one_end_of_a_journey_is_no_person(text, place):
    assert place not in find_people(text).people


def test_a_letter_from_one_person_to_another_names_two_people():
    found = find_people("A letter from Orla Brennan to Mattias Lund was read aloud in court.")
    assert found.people == ["Orla Brennan", "Mattias Lund"]


def test_a_teams_plural_name_after_the_makes_its_full_name_no_person():
    found = find_people("Dario Pell was drafted by the Riverton Kestrels in 2001. The next season the Kestrels "
                        "traded him to the Port Alden Marlins, and Pell stayed with the Marlins for ten years.")
    assert found.people == ["Dario Pell"]


def test_a_plural_surname_before_a_noun_after_the_is_still_the_person():
    found = find_people("Senator Lorna Havens spoke in Ohio. Aides said the Havens campaign raised more money.")
    assert found.people == ["Lorna Havens"]


def test_a_name_that_opens_a_run_of_common_words_up_to_an_organisation_word_is_a_places():
    found = find_people("The helicopter flew Mayor Tilda Brenner to Walden Roke National Military Medical Center "
                        "on Friday. Brenner said she felt well.")
    assert found.people == ["Tilda Brenner"]


def test_a_titled_name_before_a_mosques_name_is_still_the_person():
    found = find_people("Sultan Harun bin Said died on Friday. Prayers were held at the Sultan Harun Grand Mosque.")
    assert found.people == ["Harun bin Said"]


def test_a_name_before_a_qualified_things_noun_is_the_things():
    assert find_people("He owns the King Quillot vape store in town.").people == []


def test_a_name_before_a_verb_and_a_things_noun_is_still_a_person():
    assert find_people("Coach Arlo Penner said team members would rest.").people == ["Arlo Penner"]


def test_a_full_name_after_to_that_follows_an_organisations_name_is_a_person():
    found = find_people("In 2016 Rowan Tillet lost the caucuses in the Kestrel Islands to Maria Delgrave by ten.")
    assert found.people == ["Rowan Tillet", "Maria Delgrave"]


@pytest.mark.parametrize("place", ["Ferrow Hill", "Oxley Lane", "Dunmore Creek"])
def test_a_place_word_that_is_also_a_surname_after_no_given_name_is_no_person(place):
    assert find_people(f"The fire spread to {place} on Friday, and residents were told to leave.").people == []


@pytest.mark.parametrize("person", ["Damian Hill", "Nadia Lane"])
def test_the_same_word_after_a_given_name_is_a_person(person):
    assert find_people(f"The fire spread on Friday, and {person} was told to leave.").people == [person]


def test_a_name_made_of_a_quoted_nickname_and_the_surname_is_the_full_name():
    found = find_people("Officer Tane Rauhihi shot\nSergeant Matiaho \"Tane\" Rauhihi, 54, was shot on Friday. "
                        "Rauhihi was due to retire.")
    assert found.people == ["Matiaho Rauhihi"]


def test_a_relatives_given_name_keeps_its_own_value_beside_a_ring_name():
    found = find_people("Owen Marsh wrestled under the ring name Brodie Vane. He is survived by his wife Ella, "
                        "and children Brodie and Nolan.")
    assert "Brodie" in found.people and "Brodie Vane" not in found.people


@pytest.mark.parametrize("text", [
    "Children from Tinker Clubs showed their robots.",
    "Advisory Working Groups met on Monday.",
    "Delegates from Quality Roads and Coastal Heritage Sites spoke.",
])
def test_the_plural_of_an_organisations_or_things_noun_ends_no_persons_name(text):
    assert find_people(text).people == []


def test_a_given_name_before_such_a_plural_is_still_a_person():
    assert find_people("The campaign honoured Rosa Parks on Monday.").people == ["Rosa Parks"]


def test_never_or_neither_opening_a_sentence_is_no_given_name():
    found = find_people("Ulla Brandt ran for governor. Neither Brandt nor her rival spoke. Never Again was her slogan.")
    assert found.people == ["Ulla Brandt"]


def test_a_name_word_that_is_also_a_word_before_a_particle_and_a_surname_opens_the_name():
    found = find_people("Mayor de Vries ends campaign\nOn Friday, Bill de Vries ended his campaign. De Vries said "
                        "he would stay mayor.")
    assert found.people == ["Bill de Vries"]
    assert found.speakers == ["Bill de Vries"]


def test_a_name_set_off_as_a_character_of_a_named_publisher_is_no_person():
    found = find_people("Her favourite costume this year was Velvet Moth, a Quasar Comics character. "
                        "Dora Kelling said she sewed it herself.")
    assert "Velvet Moth" not in found.people
    assert "Dora Kelling" in found.people


def test_a_name_set_off_as_a_person_of_a_named_firm_stays_a_person():
    found = find_people("The deal was signed by Arvid Tollens, a Borvik Motors director, on Monday.")
    assert found.people == ["Arvid Tollens"]


def test_a_capitalised_subject_after_a_name_and_the_is_no_appositive():
    found = find_people("At the request of Prime Minister Osric Daley, the Queen dissolved parliament for "
                        "two weeks.")
    assert "Osric Daley" in found.people


def test_a_title_with_a_subtitle_in_running_text_is_no_person():
    found = find_people("Props maker Wendel Okafor, whose credits include Silver Lancer: The Return, showed "
                        "his replicas. She acted in Silver Lancer: Origins before that.")
    assert found.people == ["Wendel Okafor"]


def test_a_transcript_turn_with_a_colon_stays_a_person():
    found = find_people("Meeting with the governor\n\nPresident Nadia Korlova: Good afternoon, colleagues.\n\n"
                        "Governor Pavel Ustin: Thank you.")
    assert "Nadia Korlova" in found.people and "Pavel Ustin" in found.people


def test_a_name_a_participle_opens_is_no_person():
    found = find_people("Guided Futures, along with two unions, announced a lawsuit on Monday. The suit was "
                        "welcomed by Lena Marsh, who chairs the Certified Auditors network.")
    assert found.people == ["Lena Marsh"]


def test_a_given_name_that_ends_like_a_participle_stays_a_name():
    found = find_people("Ahmed Varisi and Fred Collum met on Monday. Varisi said the talks went well.")
    assert found.people == ["Ahmed Varisi", "Fred Collum"]


def test_shaheed_before_a_name_is_a_style_not_part_of_the_name():
    found = find_people("We honour the memory of Shaheed Rana Kalhor, who gave her life for democracy.")
    assert found.people == ["Rana Kalhor"]


def test_a_name_a_country_or_state_opens_is_no_person():
    found = find_people("Dorn Halvik works at the Nevada Ridge Range. Officials of Kenya Pelican said "
                        "output rose, Dorn Halvik added.")
    assert found.people == ["Dorn Halvik"]


def test_a_place_that_is_also_a_given_name_still_opens_a_persons_name():
    found = find_people("Georgia Wrenfield and Virginia Molt opened the gallery on Monday.")
    assert found.people == ["Georgia Wrenfield", "Virginia Molt"]


def test_world_and_parish_end_a_places_name_after_a_persons_name():
    found = find_people("The family was driving to Hal Bremmer World when the storm reached Orrin Tate Parish. "
                        "Lina Voss, a nurse, said the roads were closed.")
    assert found.people == ["Lina Voss"]


def test_a_name_with_an_events_marks_is_no_person():
    found = find_people("Crowds came to the third annual Pellow Harvest on Saturday. Quill Marrow 2021 drew "
                        "fewer visitors, said Odette Brine, who runs both.")
    assert found.people == ["Odette Brine"]


def test_names_in_parentheses_after_a_persons_name_are_her_works():
    found = find_people("Comic artist Perla Vint (Moth Girl, Tin Harbour) said she started young.")
    assert found.people == ["Perla Vint"]


def test_a_persons_name_in_parentheses_after_a_word_is_still_a_person():
    found = find_people("The chairman of the board (Tobin Acreth) resigned on Monday, the company said.")
    assert "Tobin Acreth" in found.people


def test_a_name_after_the_indefinite_article_is_a_make_or_a_movement():
    found = find_people("The plane, a Kestrel Sierra, crashed near the field. A Save Our Dunes rally followed. "
                        "Pilot Marten Oloff survived.")
    assert found.people == ["Marten Oloff"]
