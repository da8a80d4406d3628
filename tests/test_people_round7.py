"""People, round 7 of issue 11 (random Wikinews articles and the retired first held-out part): a middle initial
between a given name and a surname that is also a common word, mines and fairs named like people, and a name
before a disaster's or a massacre's noun.

Every sentence and name here is invented.
"""

from __future__ import annotations

from search.ingest.enrich.people import find_people


def test_a_surname_that_is_also_a_word_after_a_given_name_and_an_initial_is_a_name():
    found = find_people("The candidate answered questions from staff reporter Thomas K. Saturn last week.")
    assert found.people == ["Thomas K. Saturn"]


def test_a_common_word_after_an_initial_alone_is_no_surname():
    assert find_people("Section B. Saturn rings were visible from the plateau on Monday.").people == []


def test_a_mine_or_a_fair_named_like_a_person_is_no_person():
    found = find_people("Workers at the Tolver Creek Mine struck on Monday. The Harlow Mini Maker Faire opened "
                        "too, and the Dunmore Expo closed. Union leader Ada Quell said pay was low.")
    assert found.people == ["Ada Quell"]


def test_a_name_before_a_disasters_noun_names_the_disaster():
    found = find_people("The 1998 Pellam Ridge disaster and the Ostrow Vale massacre are remembered each May, "
                        "said historian Ivo Danner.")
    assert found.people == ["Ivo Danner"]


def test_a_persons_name_before_a_common_noun_is_still_a_person():
    found = find_people("Governor Alma Reyes visited the flooded mine on Monday. Reyes said help would come.")
    assert found.people == ["Alma Reyes"]


def test_two_words_ending_in_a_word_the_news_writes_in_lower_case_name_no_person():
    found = find_people("Harwick Monthly reported the figures. Tolvane Experience, the tour firm, closed, and "
                        "Brellin Timber handled the launch, said spokeswoman Greta Olsson.")
    assert found.people == ["Greta Olsson"]


def test_a_given_name_or_an_english_surname_keeps_a_person_whose_surname_is_also_a_word():
    found = find_people("Sarah Experience opened the show. Dunleavy Brown, a farmer, said the harvest was poor.")
    assert found.people == ["Sarah Experience", "Dunleavy Brown"]


def test_the_common_words_list_holds_ordinary_words_and_no_names():
    from search.ingest.enrich.name_lexicon import lexicon

    common = lexicon().common_words
    assert {"experience", "monthly"} <= common
    assert common.isdisjoint({"brown", "young", "smith", "john", "mary"})


def test_a_name_ending_a_list_of_three_lone_words_that_are_no_given_names_is_one_more_of_them():
    found = find_people("Engines came from Dolgan, Harlev, Barrow, and Blaenan Festin, said fire chief Ada Quell.")
    assert found.people == ["Ada Quell"]


def test_a_name_after_two_surnames_or_given_names_in_a_list_is_a_person():
    found = find_people("Followers of Voskic, Dravic and Ratan Molev gathered. His sons Anna, Tom, Ben and Jo Dunn "
                        "came too.")
    assert "Ratan Molev" in found.people
    assert "Jo Dunn" in found.people


def test_a_lone_name_a_persons_noun_introduces_is_a_person():
    found = find_people("A second man, a Danish chef named Tomasz, chased him off. Tomasz later told "
                        "reporters he acted without thinking.")
    assert found.people == ["Tomasz"]
    assert found.speakers == ["Tomasz"]


def test_a_lone_name_a_things_or_an_animals_noun_introduces_is_no_person():
    found = find_people("A village called Brellin flooded, and a horse named Quiver drowned.")
    assert found.people == []


def test_a_birth_name_is_no_second_person():
    found = find_people("Born Walter Quinby in Leeds, Walt Brenn began as a singer. Brenn said he loved it. "
                        "Actress Lola Fenn, born Dolores Ann Fennimore, and Ida Croft, née Ida Mellor, sang too.")
    assert found.people == ["Walt Brenn", "Lola Fenn", "Ida Croft"]


def test_parents_a_child_is_born_to_are_people():
    found = find_people("Lola Fenn was born to actress Mae Fennimore in 1931.")
    assert found.people == ["Lola Fenn", "Mae Fennimore"]


def test_the_end_of_a_titles_domain_is_cut_from_the_name_after_it():
    found = find_people("Minister of Science and Higher Education Vadim Orlenko, Minister of Trade Denis Kolbin and "
                        "the Head of the Federal Service for Disaster Relief Ostap Mirkov took part.")
    assert found.people == ["Vadim Orlenko", "Denis Kolbin", "Ostap Mirkov"]


def test_a_three_word_name_that_opens_with_a_given_name_keeps_it():
    found = find_people("Mary Ann Fennick, a nurse, said the ward was full.")
    assert found.people == ["Mary Ann Fennick"]


def test_a_country_alone_or_a_pair_of_countries_is_no_person_after_a_non_honorific():
    found = find_people("A statue of Mother Russia faces the sea. The Russia-China talks began. Mr Quellan, a "
                        "teacher, said so.")
    assert found.people == ["Quellan"]


def test_a_field_of_study_ending_a_titles_domain_is_cut_from_the_name():
    found = find_people("Director of the Institute of Epidemiology and Microbiology Denis Korvin and the head of "
                        "Statistics Pavel Osmin spoke.")
    assert found.people == ["Denis Korvin", "Pavel Osmin"]


def test_a_personified_common_word_or_region_after_a_relatives_noun_is_no_person():
    found = find_people("We must not sell Mother Nature, the Minister said, nor forget our Mother Africa. "
                        "Sister Agnes Moll, a nun, agreed.")
    assert found.people == ["Agnes Moll"]


def test_a_lone_name_after_a_job_title_is_kept_though_it_is_also_a_word():
    found = find_people("The club's striker Quickly scored twice. Coach Horn said Quickly was ready.")
    assert "Horn" in found.people


def test_a_regnal_style_without_its_number_is_the_numbered_one_of_the_article():
    found = find_people("Queen Helena opens new bridge\n\nOn Monday, Vestmark's Queen Helena II opened the bridge "
                        "over the Selva. Mayor Ines Holt said it was a great day.")
    assert found.people == ["Queen Helena II", "Ines Holt"]


def test_a_regnal_style_without_its_number_stays_apart_when_two_numbers_are_named():
    found = find_people("Queen Helena III rebuilt the hall that Queen Helena II had built. Queen Helena chose oak.")
    assert sorted(found.people) == ["Queen Helena", "Queen Helena II", "Queen Helena III"]


def test_a_name_opened_by_a_colour_or_a_descriptive_adjective_is_a_thing():
    found = find_people("Author Mina Corvell wrote the novels Black Falcon and Silver Morrow. In the film Flying "
                        "Lanterns, Super Tovens battle the Green Ormond.")
    assert found.people == ["Mina Corvell"]


def test_a_given_name_before_a_colour_surname_is_still_a_person():
    found = find_people("Judge Gray Tolliver and singer Ada White met Doris Green on Friday.")
    assert found.people == ["Gray Tolliver", "Ada White", "Doris Green"]


def test_a_name_after_a_bodys_staff_or_part_and_of_is_the_bodys():
    found = find_people("The then-manager of Harlow Publicity, Ada Quell, said a unit of Kestrel Finance had "
                        "bought the hall. The chairman of Dunmore Tire agreed.")
    assert found.people == ["Ada Quell"]


def test_a_person_after_a_relatives_noun_and_of_stays_a_person():
    assert find_people("The daughter of Ivo Danner opened the show.").people == ["Ivo Danner"]


def test_another_outlets_reporter_who_is_quoted_speaks():
    found = find_people('After the debate, KTV anchor Ivo Danner described it as "a mess of a night".')
    assert found.speakers == ["Ivo Danner"]


def test_the_pieces_own_reporter_or_a_reporter_opening_a_sentence_is_no_speaker():
    found = find_people('With accredited Wikinews reporter Ada Brook, Olek Vane discussed his plans. "I will run," '
                        'Vane said. Veteran reporter Ines Holt described it as "a long day".')
    assert found.people == ["Ada Brook", "Olek Vane", "Ines Holt"]
    assert found.speakers == ["Olek Vane"]


def test_one_person_spelt_two_ways_is_one_value_under_the_spelling_written_most():
    found = find_people('Governor Andrei Volkan opened the line. "It is done," Andrey Volkan said. Later Andrey '
                        "Volkan left. Envoy Tariq bin Hamad arrived; Tareq bin Hamid's aides and Tariq bin Hamad's "
                        "guards came too.")
    assert found.people == ["Andrey Volkan", "Tariq bin Hamad"]
    assert found.speakers == ["Andrey Volkan"]


def test_names_that_differ_in_vowels_of_given_names_of_two_genders_stay_apart():
    found = find_people("Maria Quell and Mario Quell, her brother, ran the farm.")
    assert found.people == ["Maria Quell", "Mario Quell"]


def test_a_short_given_name_beside_its_long_form_is_the_fullest_one():
    found = find_people('Christopher Lane, the envoy, arrived. "We are ready," Chris Lane said.')
    assert found.people == ["Christopher Lane"]
    assert found.speakers == ["Christopher Lane"]


def test_a_given_name_and_a_longer_one_of_another_gender_or_two_long_forms_stay_apart():
    assert find_people("Daniel Quell and Daniela Quell ran the farm.").people == ["Daniel Quell", "Daniela Quell"]
    assert find_people("Jon Vane, Jonathan Vane and Jonas Vane met.").people == ["Jon Vane", "Jonathan Vane",
                                                                                  "Jonas Vane"]
