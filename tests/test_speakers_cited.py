"""Speakers cited inside a text (issue 11, round 3): speech quoted or reported inside a statement or an
article counts as anywhere (gold rule 8), by general patterns of reported speech. Sentences are our own.
"""

import pytest

from search.ingest.enrich.people import find_people


def speakers(text: str) -> list[str]:
    return find_people(text).speakers


def test_a_surname_that_is_also_a_word_speaks_alone_after_its_full_name():
    text = "Council vote\n\nMayor Ellen Rose opened the session. Rose said the budget was balanced."
    assert speakers(text) == ["Ellen Rose"]
    text = "Council vote\n\nPeter Green won the vote. Green repeatedly called the audit a \"farce\"."
    assert speakers(text) == ["Peter Green"]


def test_a_word_that_only_looks_like_a_surname_of_nobody_named_is_no_person():
    assert find_people("Market day\n\nRose petals fell. Bell towers rang as the crowd said goodbye.").people == []


def test_a_month_is_not_taken_for_the_surname_of_a_full_name():
    text = "Harbour plans\n\nNora May chaired the board. In May, the plan was said to be ready."
    assert find_people(text).people == ["Nora May"]
    assert speakers(text) == []


@pytest.mark.parametrize("text", [
    "Statement\nFreedom needs institutions. As Ilse Varga put it, a vote alone is not a democracy.",
    "Statement\nIt matters, as the late President Tomas Ekwueme once put it, for every child.",
    "Statement\nAs Ilse Varga described it in her memoirs, the island was a fortress of paper.",
])
def test_as_x_put_it_speaks_without_quotation_marks(text):
    assert len(speakers(text)) == 1


def test_a_quote_verb_outside_an_as_clause_still_needs_a_quotation():
    assert speakers("Report\nIlse Varga put it on the shelf before the guests arrived.") == []


def test_greetings_and_wishes_from_a_named_sender_with_words_between():
    text = ("Statement\nI have the honour to convey greetings and best wishes for peace and prosperity from "
            "His Excellency Mr. Odran Velasquez, President of Marenland.")
    assert speakers(text) == ["Odran Velasquez"]


def test_greetings_sent_to_a_person_credit_nobody():
    assert speakers("Statement\nThe council sent its greetings to President Odran Velasquez from the capital.") == []


def test_the_person_thanked_for_a_statement_made_it():
    text = ("Statement\nAllow me to congratulate my friend Ama Kwarteng, President of the Republic of Solvania, "
            "for her excellent statement.")
    assert speakers(text) == ["Ama Kwarteng"]


def test_thanks_for_a_statement_of_the_other_gender_or_for_work_credit_nobody():
    assert speakers("Statement\nI thank Ms. Ama Kwarteng for his statement on the budget.") == []
    assert speakers("Statement\nI thank Mr. Odran Velasquez for his tireless work as chair.") == []


def test_a_quotation_after_a_colon_introduced_by_a_name_and_its_role():
    text = ("Statement\nI quote the closing remarks at the opening of the new session of parliament\n"
            "by Mr. Odran Velasquez, President of the\nRepublic of Marenland:\n"
            "“Our first duty is to defend the sovereignty of our\nnation against every attack.”\n"
            "We share that view.\nOur delegation supports\nthe proposal.\nIt is timely\nand it is\nfair to all.\n"
            "We thank\nthe chair.\n")
    assert speakers(text) == ["Odran Velasquez"]


def test_a_tribute_to_a_name_before_a_colon_credits_nobody():
    assert speakers("Statement\nWe pay tribute to Odran Velasquez: “A friend of peace and of his people.”") == []


def test_recommended_reports_speech():
    text = "News\nThe paper reported Mira Osei, the acting Prime Minister, recommended the troops withdraw."
    assert speakers(text) == ["Mira Osei"]


@pytest.mark.parametrize("text", [
    "News\nMayor Lena Dorsey spoke on Monday. Dorsey's statement called the decision \"reckless\".",
    "News\nIn Lena Dorsey's letter, the council was blamed for the delay.",
    "Statement\nAnders Holm's famous words remain true: peace is a daily task.",
])
def test_a_persons_own_statement_letter_or_words(text):
    assert len(speakers(text)) == 1


def test_an_office_or_a_call_of_a_person_is_not_their_speech():
    assert speakers("News\nLena Dorsey's office said the council had failed. Lena Dorsey's call with Tom Lee "
                    "lasted an hour.") == []


def test_a_surname_that_is_also_a_word_shared_by_two_full_names_stays_unresolved():
    text = ("Family feud\n\nPeter Rose and his niece Anna Rose met on Monday. Rose said the meeting was short.")
    assert speakers(text) == []


def test_a_negated_verb_of_saying_reports_no_speech():
    text = ("Debate night\n\nThe debate was moderated by Susan Green. Green was criticised for not asking "
            "follow-up questions.")
    assert speakers(text) == []
    assert speakers("Debate night\n\nSusan Green never commented on the debate.") == []


def test_speaking_as_a_participle_credits_the_subject_but_not_inside_a_compound():
    text = "News\nJohn Hale resigned. Hale gave his own account, also speaking online: \"I offered to resign.\""
    assert speakers(text) == ["John Hale"]
    assert speakers("News\nJane Roe visited English-speaking countries and so-called \"safe\" zones.") == []
    assert speakers("News\nJane Roe was known for meeting people and speaking Arabic in the markets.") == []


def test_addressing_an_audience_is_public_speaking_but_addressing_an_issue_is_not():
    text = ("Statement\nThe President of Solvania, Ama Kwarteng, appeared in this Hall last week, addressing the "
            "Ocean Summit.")
    assert speakers(text) == ["Ama Kwarteng"]
    assert speakers("News\nJane Roe addressed the nation on Monday.") == ["Jane Roe"]
    assert speakers("News\nJane Roe addressed the issue of housing. Tom Lee, addressing the needs of the nation, "
                    "built roads.") == []


def test_a_statement_or_letter_from_or_by_a_person_is_their_speech():
    assert speakers("News\nA statement from Jane Roe said the plan was rushed.") == ["Jane Roe"]
    assert speakers("Statement\nWe welcome the statement by President Ama Kwarteng that her country is ready.") == [
        "Ama Kwarteng"]


def test_a_statement_from_a_persons_office_or_a_place_is_not_their_speech():
    assert speakers("News\nA statement from Jane Roe's office said the plan was rushed.") == []
    assert speakers("News\nThe message from Moscow was clear to Jane Roe.") == []


@pytest.mark.parametrize("text, expected", [  # issue 11, round 6: forms seen in unlabelled UN statements and news
    ("Storm\nThe mayor of Port Lenn, Dora Achebe, advised residents of her city to stay indoors.", ["Dora Achebe"]),
    ("Statement\nUnite the many against the few, as the late Chairman Olu Barantes used to say.", ["Olu Barantes"]),
    ("Statement\nAs Pope Clement XV stressed, the search for truth leads to respect.", ["Pope Clement XV"]),
    ("Statement\nLet us not lose heart, for Saint Odile of Varna once said: “Peace begins at home.”", ["Saint Odile"]),
    ("Statement\n“Read history”, Arthur Penwick, the famous Ruritanian Prime Minister once said, “it holds the "
     "answers.”", ["Arthur Penwick"]),
])
def test_reported_speech_in_forms_found_on_unlabelled_text(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Court\nThe judge wanted Mira Holt to say more.",  # an infinitive, not a habit of saying
    "Prize\nThe award went to the team, for Mira Holt.",  # "for" with no verb of saying after the name
    "Finance\nMira Holt was advised to sell the shares.",  # passive: she was advised
])
def test_no_speaker_from_an_infinitive_a_bare_for_or_a_passive(text):
    assert speakers(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Attack\nThe radio also cited Ilan Marek, head of the port police, as saying two men were held.", ["Ilan Marek"]),
    ("Oil\nThe paper quoted Vexo president Carla Dunne as saying she was optimistic.", ["Carla Dunne"]),
    ("Wrestling\n\"Numb,\" writes Tom Arlo's longtime partner Ben Kovac on Instagram.", ["Ben Kovac"]),
])
def test_the_one_quoted_as_saying_or_writing_after_an_owner_speaks(text, expected):
    assert speakers(text) == expected


def test_quoted_as_saying_credits_no_one_a_source_is_close_to():
    assert speakers("Deal\nThe agency quoted a source close to Ann Bellow as saying the deal was off.") == []


@pytest.mark.parametrize("text, expected", [
    ("Statement\nValter Gisco declared, inter alia, that the islands are one nation.", ["Valter Gisco"]),
    ("Statement\nPresident Anna Oduya was right when she declared at the summit last week that each of us must "
     "lead.", ["Anna Oduya"]),
    ("Statement\nMany heard the words of Secretary-General Pan Ki-won and President Barack Orlo on climate.",
     ["Barack Orlo", "Pan Ki-won"]),
])
def test_a_that_clause_after_a_setting_and_names_joined_after_a_naming_cue(text, expected):
    assert sorted(speakers(text)) == expected


def test_a_quote_verb_with_an_object_before_that_is_no_speech():
    assert speakers("Plan\nMayor Anna Kellet welcomed the plan that the council adopted.") == []
