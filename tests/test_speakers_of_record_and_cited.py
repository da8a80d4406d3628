"""Speakers of record (`of_record.py`: transcripts, addresses, greetings, interviews) and speech cited inside a
speech (split from test_people.py): what each rule does, on our own small sentences.
"""

import pytest

from search.ingest.enrich.of_record import with_given
from search.ingest.enrich.people import find_people


def speakers(text: str) -> list[str]:
    return find_people(text).speakers


def people(text: str) -> list[str]:
    return find_people(text).people


# --- Speakers of record (`of_record.py`): transcripts, addresses, greetings, interviews -----------


@pytest.mark.parametrize("text, expected", [
    # transcript turns, with and without titles, on their own lines or run together
    ("Talks in the capital\nPresident of Freedonia Maria Novak: Good afternoon, colleagues. Olek Brandt: "
     "Thank you, Madam President.", {"Maria Novak", "Olek Brandt"}),
    ("Opening of the plant\nDeputy Prime Minister – Minister of Industry Ivan Petrenko: We are ready.\n"
     "Maria Novak: Go ahead, please!", {"Ivan Petrenko", "Maria Novak"}),
    ("Board meeting\nThe board met on Friday.\n\nPeter Lang:\nWelcome, everyone.", {"Peter Lang"}),
    # a turn label glued to the text before it (a lost line break)
    ("Meeting on drones\nAlso invited were heads of defence enterprises President of Freedonia Maria Novak: "
     "Good afternoon, colleagues.", {"Maria Novak"}),
    # greetings: the sender named before the message is the speaker, not its addressee
    ("Greetings to the Chess Union\nMaria Novak sent greetings to chess coach Olek Brandt on his birthday.\n\n"
     'The message reads, in part: "Your pupils have grown."', {"Maria Novak"}),
    # addresses named in the title, or delivered
    ("Address by President of Freedonia Maria Novak on Independence Day\nDear compatriots! Maria Novak "
     "thanked the veterans.", {"Maria Novak"}),
    ("Maria Novak's address to the Parliament\nDear deputies, Maria Novak began, the year was hard.",
     {"Maria Novak"}),
    ("Freedonia budget\nMaria Novak delivered the annual address to Parliament on Tuesday.", {"Maria Novak"}),
    ("Rally in the capital\nMaria Novak addressed the nation on Sunday evening.", {"Maria Novak"}),
    # interviews in question-and-answer form: the interviewee, when named
    ("Olek Brandt in an interview for the Daily Planet: we will win\nQuestion: Mr Brandt, how are you?\n"
     "Answer: Fine.", {"Olek Brandt"}),
    ("Interview with Olek Brandt\nQ: Will the plan work?\nA: Yes, I am sure.", {"Olek Brandt"}),
    # a conversation read out: both parties speak
    ("Phone call\nMaria Novak had a telephone conversation with President of Freedonia Olek Brandt.\n"
     "The leaders discussed trade.", {"Maria Novak", "Olek Brandt"}),
])
def test_speakers_of_record(text, expected):
    assert set(speakers(text)) == expected


@pytest.mark.parametrize("text", [
    # a name in the clause a pronoun closes is talked about, not speaking
    "Crisis talks\nMany diplomats are convinced that Freedonian President Maria Novak is primarily "
    "responsible for the crisis, he said.",
    "Crisis talks\nConvinced that President Maria Novak is primarily responsible, he called for sanctions.",
    # labels that are not one person's turn
    "Gifts\nThe museum sent a vase to the President of Freedonia Maria Novak: a gift for her birthday.",
    "Sport\nScore at half time: Rovers 2, United 1. Meeting with Olek Brandt: the talks went well.",
    "Putin Meets With Lukashenko: Talks Focus On Gas\nThe two leaders met at a lake.",
    # a call that only dates another event: what was said in it is not reported
    "Troops leave\nThe announcement was made after Maria Novak had a phone conversation with President Olek Brandt.",
    # a statement by someone's lawyer or office is theirs
    "Troops leave\nAccording to a statement released by Olek Brandt's office, the troops will stay.",
    "Budget\nThe finance ministry published a statement by Olek Brandt's lawyer on Monday.",
    # "addressed" an issue, not an audience; a proposal made long ago, deep in the text (an initiative is no speech;
    # a speech delivered long ago is: public_speaking.py, as the labelling calls of rounds 6-8 credit one)
    "Budget\nMaria Novak addressed the shortfall in the pension fund on Monday.",
    "History\n" + "The assembly met again this autumn to weigh the reforms of the decade. " * 6
    + "Olek Brandt made a proposal here in 1990.",
])
def test_people_talked_about_are_not_speakers(text):
    assert speakers(text) == []


def test_a_pronoun_after_a_complement_clause_is_the_main_subject():
    text = ("Olek Brandt met reporters on Monday. He is convinced that President Maria Novak is primarily "
            "responsible for the crisis, he said.")
    assert speakers(text) == ["Olek Brandt"]
    text = "Olek Brandt said that Maria Novak was to blame. He added that talks would go on."
    assert speakers(text) == ["Olek Brandt"]


def test_a_pronoun_after_a_clause_of_time_may_be_its_subject():
    text = "Memories\nWhen Olek Brandt became mayor in 1990, he said the city would be rebuilt."
    assert speakers(text) == ["Olek Brandt"]


@pytest.mark.parametrize("text, expected", [
    ("Gas deal\nThe threats voiced by President Olek Brandt did not stop the deal.", ["Olek Brandt"]),
    ("Gas deal\nThe new offer announced by Maria Novak on Monday was welcomed.", ["Maria Novak"]),
    ("Gas deal\nMaria Novak demands written guarantees from the neighbours.", ["Maria Novak"]),
])
def test_speech_in_the_passive_names_its_speaker_after_by(text, expected):
    assert speakers(text) == expected


# --- Speech cited inside a speech: quotations of other people are speech too (gold rule 8) -------


@pytest.mark.parametrize("text, expected", [
    # "in the words of X", like "according to X"
    ("Peace\nIn the words of Olek Brandt, a border is a promise kept by both sides.", ["Olek Brandt"]),
    ('Peace\nLet me recall the wise words of Olek Brandt: "Walls fall, bridges stay."', ["Olek Brandt"]),
    ('Peace\nTo quote the poet Maria Novak, "nothing is lost".', ["Maria Novak"]),
    # a verb that needs a quotation, with a "that" clause instead
    ("Peace\nIn her address, President Maria Novak declared that the courts will stay free.", ["Maria Novak"]),
    ("Peace\nOlek Brandt asserted the right of every port to trade.", ["Olek Brandt"]),
    # a title after its domain is no preposition's object: "House of Commons Speaker X commented"
    ('Vote\nHouse of Delegates Speaker Olek Brandt commented — unusually — "This is not normal."', ["Olek Brandt"]),
    # "in" and a verb between the name and the verb
    ('Vote\nChair Maria Novak in opening the session said, "We start today."', ["Maria Novak"]),
    # a relative clause: the name before ", who said" speaks, even as an object ("the words of X, who …")
    ('Peace\nWe recall the words of the late mayor Olek Brandt, who once said, "Bridges outlast walls."',
     ["Olek Brandt"]),
    ('Peace\nIt was our first president, Maria Novak, who wisely said: "Nobody eats promises."', ["Maria Novak"]),
    ('Law\nThe bill was drafted by Olek Brandt who said on the floor, "It ends decades of work."', ["Olek Brandt"]),
    # "as X put it" with a quotation
    ('Peace\nAs Maria Novak put it: "Nobody eats promises."', ["Maria Novak"]),
    ('Peace\nAs Maria Novak put it — "nobody eats promises".', ["Maria Novak"]),
    # "reminded"
    ("Peace\nOur chairman, Olek Brandt, reminded us last year that debts come due.", ["Olek Brandt"]),
    # a quotation introduced by a name and a colon after "from"
    ('Peace\nI want to share a letter from my neighbour Olek Brandt: "We only want a quiet street."',
     ["Olek Brandt"]),
    # a second verb joined by "and" to a sentence that a name opens
    ('Peace\nMaria Novak stood before the old harbour in 1990 and said "This port belongs to all."',
     ["Maria Novak"]),
    ("Peace\nFor her part, Maria Novak thanked the volunteers and said the town owed them much.",
     ["Maria Novak"]),
])
def test_cited_speech(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    'Tribute\nThe mayor paid tribute to Olek Brandt: "He built this port."',  # a colon after "to X"
    'Tribute\nThe minister criticised Olek Brandt: "He has no plan."',  # the object of a verb
    "Court\nPolice arrested Olek Brandt and said he would be charged.",  # "and said": the police said
    "Court\nThe ministry thanked Olek Brandt and said the plan was ready.",
    "Court\nThe governor declared a state of emergency and Olek Brandt praised the police.",
    # a place after "in" does not join a name to a later verb
    "Court\nCrowds gathered around the statue of Olek Brandt in Brandt Park, and the mayor vowed to act.",
    # a person named after a line break of hard-wrapped text does not open the sentence
    "Envoys\nThe country welcomed the new envoy, succeeding\nMr. Brandt, and stressed its will to help.",
    # a passive first verb: "was elected … and admitted to"
    "Honours\nOlek Brandt was elected to the society in 1981 and admitted to the academy in 1992.",
])
def test_not_cited_speech(text):
    assert speakers(text) == []


def test_and_said_after_a_comma_is_another_clause():
    text = "Visit\nWhen President Olek Brandt was walking out, I met him at the door and told him the news."
    assert speakers(text) == []


@pytest.mark.parametrize("wrap", [False, True])
def test_hard_wrapped_text_keeps_a_sentence_across_line_breaks(wrap):
    lines = ["Statement by the delegation at the debate"] + [
        f"We thank the members of the committee for their work number {k}, and" for k in range(10)] + [
        "we recall, in the words of the late", "Olek Brandt, that peace is a daily task."]
    text = lines[0] + "\n" + ("\n" if wrap else " ").join(lines[1:])
    assert speakers(text) == ["Olek Brandt"]


def test_a_title_ending_in_a_thing_noun_does_not_swallow_the_first_name_of_the_text():
    text = ("Greetings to the participants of the Harbour Cities conference\nOlek Brandt sent greetings to the "
            'participants.\nThe message reads, in part: "I wish you fruitful work."')
    found = find_people(text)
    assert found.people == ["Olek Brandt"] and found.speakers == ["Olek Brandt"]


@pytest.mark.parametrize("text, expected", [
    # a readout's joint statement: the people the meeting or the call names together
    ("Talks\nPresident Olek Brandt met with Prime Minister Maria Novak in Vienna. The leaders agreed on the need "
     "to keep working together.", ["Olek Brandt", "Maria Novak"]),
    ("Talks\nOlek Brandt met Maria Novak in Vienna. Trade was discussed. The interlocutors noted the growth of "
     "trade.", ["Olek Brandt", "Maria Novak"]),
    # one person a sentence: nobody is named together
    ("Talks\nOlek Brandt visited the port. Maria Novak opened a school. The two leaders said nothing about it.", []),
])
def test_joint_statements_of_a_readout(text, expected):
    assert speakers(text) == expected


def test_the_president_said_prefers_the_titled_subject_over_a_titled_object():
    text = ("Call\nPresident Olek Brandt visited the port ahead of the planned talks between President Maria Novak "
            "and President Tomas Vlk. The President said the talks were useful.")
    assert speakers(text) == ["Olek Brandt"]


def test_a_long_turn_label_with_a_caption_glued_to_it():
    text = ("Meeting\nVladimir Putin: Welcome!\nPresident of the Republic of Arden Olek Brandt Brandt OlekPresident "
            "of the Republic of Arden(retranslated): Thank you for the invitation.")
    assert set(speakers(text)) == {"Vladimir Putin", "Olek Brandt"}


@pytest.mark.parametrize("value, expected", [
    # a speaker field names a person: kept as written once forms of address and titles are dropped
    ("His Excellency Mr. Jan Peter Vandeberg", "Jan Peter Vandeberg"),
    ("Ms. Olga Baron", "Olga Baron"),  # a surname that is also a title
    ("Mr. Elmar Rasul oglu Tagiyev", "Elmar Rasul oglu Tagiyev"),  # particles stay
    ("Lieutenant-General Salif Kone", "Salif Kone"),
    ("Dato’ Sri Aziz bin Osman", "Aziz bin Osman"),
    ("Carlos Mendes Junior", "Carlos Mendes Junior"),
    ("Mr. Samiu ‘Akilisi Fale", "Samiu ‘Akilisi Fale"),
    ("His Serene Highness Prince Olek II", "Prince Olek II"),  # a regnal style before a lone name stays
    ("Willem-Olek", "Willem-Olek"),
    # no person
    ("Staff Writer", None),
    ("Harbour Press", None),
    ("Reuters", None),
])
def test_given_speaker_values(value, expected):
    assert with_given([value], []) == ([expected] if expected else [])


@pytest.mark.parametrize("text", [
    'Beetles are back. Lead author Hanna Weiler, a Ph.D. candidate at the University of Graz, said, "They thrive."',
    "Beetles are back. Hanna Weiler, an M.Sc. student, said the beetles thrive.",
])
def test_a_dotted_abbreviation_inside_an_apposition_does_not_end_the_sentence(text):
    assert find_people(text).speakers == ["Hanna Weiler"]


def test_coordinated_speakers_with_a_title_before_the_second_name():
    text = "The race turned after fellow runner Oskar Brandl and former mayor Lena Vogt announced their support."
    assert set(find_people(text).speakers) == {"Oskar Brandl", "Lena Vogt"}
    assert find_people("Oskar Brandl met the family and later Lena Vogt said it would fail.").speakers == ["Lena Vogt"]


def test_photo_credits_are_no_people_unless_the_person_is_also_mentioned():
    assert find_people("A stall at the fair. Image: Tobias Renner.\n\nA banner. Photo by Tobias Renner.").people == []
    kept = find_people("The photos were taken by Tobias Renner on Sunday.\n\nA banner. Image: Tobias Renner.")
    assert kept.people == ["Tobias Renner"]


def test_a_quantifier_opening_a_sentence_is_no_part_of_a_name():
    assert "Numerous Robotics Teams" not in find_people("Numerous Robotics Teams from the region were there.").people


def test_a_pronoun_after_an_office_named_without_a_name_is_nobody_named():
    text = ("We thank Ambassador Karl Moser for his work. When the President of the Council opened the session, "
            "he remarked that times were hard.")
    assert find_people(text).speakers == []
    named = "Karl Moser, the President of the Council, opened the session. He remarked that times were hard."
    assert find_people(named).speakers == ["Karl Moser"]


@pytest.mark.parametrize("text, expected", [
    ("I leave you with the words of Anna Maria “Annie” Lindqvist, who sang: “Stay”.", "Anna Maria Lindqvist"),
    ('Drummer Peter Karl "Piet" de Graaf said the tour was over.', "Peter Karl de Graaf"),
    ("In the words of the late Walter Owen Briggs, Jr., “we must act”.", "Walter Owen Briggs Jr."),
])
def test_a_quoted_nickname_or_a_comma_before_a_suffix_stays_inside_the_name(text, expected):
    assert find_people(text).speakers == [expected]


def test_nordic_surnames_in_ist_are_no_job_nouns():
    assert find_people("Anna Maria Lindqvist said the vote was fair.").speakers == ["Anna Maria Lindqvist"]
    assert find_people("Violinist Karl Berg played.").people == ["Karl Berg"]


def test_a_lone_name_after_a_noun_only_people_are_is_a_person():
    text = "Long ago, the philosopher Zenodor spoke a plain truth when he said that all states decay."
    assert find_people(text).speakers == ["Zenodor"]
    assert find_people("Long ago, the city Zenodor was founded.").people == []


def test_according_to_a_role_then_its_name_set_off_by_commas():
    assert find_people("According to the city mayor, Ann Polk, during the night, police searched it.").speakers == [
        "Ann Polk"]
    assert find_people("According to the spokesman, Ann Polk was arrested on Monday.").speakers == []


def test_a_holiday_named_after_a_person_with_a_suffix_is_no_person():
    assert find_people("He fought for Walter Owen Briggs Jr. Day to become a holiday.").people == []


@pytest.mark.parametrize("text", [
    "Fans asked Dunmore about his alias of insult comedian Roy Fumble.",
    "Many fans came dressed as Garth Vellum or as the character Lira Quen.",
    "The crowd cheered a girl cosplaying as Lira Quen.",
])
def test_characters_costumes_and_aliases_are_no_people(text):
    assert find_people(text).people == []


def test_a_real_person_beside_characters_stays():
    assert find_people("Fans asked about the characters, and actor Tom Vane said he loved them.").people == ["Tom Vane"]


def test_i_quote_a_role_and_its_name():
    text = "For us in Ruritania — and I quote the President of the Republic, Mr. Tomas Varga — “only the young can.”"
    assert find_people(text).speakers == ["Tomas Varga"]


@pytest.mark.parametrize("text", [
    "Statement by Ruritania\nI convey the warm greetings of President Tomas Varga to the Assembly.",
    "Statement by Ruritania\nI bring you the very best wishes from His Excellency Mr. Tomas Varga, our President.",
    ("Statement by Ruritania\nPresident Tomas Varga regrets that he cannot attend. He has, however, instructed me, "
     "as his Minister, to deliver this message: “I congratulate the President on his election.”"),
])
def test_a_head_of_state_whose_greetings_or_message_a_minister_delivers_is_a_speaker(text):
    assert find_people(text).speakers == ["Tomas Varga"]


def test_an_opening_he_is_no_speaker_of_a_colon_quotation_after_a_name():
    assert find_people("Tomas Varga arrived. He met Ann Polk, who said: “Go.”").speakers == ["Ann Polk"]
