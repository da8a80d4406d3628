"""People and speakers (`search.ingest.enrich.people`): what each rule does, on small sentences.

`people` lists every named person of an article by full name, in order of first appearance;
`speakers` lists those of them who are quoted or speaking. Reporters are people, never speakers;
organisations and unnamed people are neither.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.ingest.enrich.people import People, find_people

ROOT = Path(__file__).resolve().parent.parent
NATO_RELEASE = ROOT / "seeds" / "000_c4e87e6c09d14992.txt"
ARIRANG_REPORT = ROOT / "seeds" / "003_1e7bb49da8be9cef.txt"


def speakers(text: str) -> list[str]:
    return find_people(text).speakers


def people(text: str) -> list[str]:
    return find_people(text).people


# --- The seed articles ------------------------------------------------------------------------


def test_nato_release_speakers():
    assert set(speakers(NATO_RELEASE.read_text("utf-8"))) == {"David van Weel", "Eirini Lemos-Maniati"}


def test_arirang_report_speakers_and_people():
    found = find_people(ARIRANG_REPORT.read_text("utf-8"))
    assert set(found.speakers) == {"Ramon Pacheco Pardo", "Jens Stoltenberg"}
    assert {"Oh Soo-young", "Yoon Suk Yeol", "Ramon Pacheco Pardo", "Jens Stoltenberg"} <= set(found.people)
    assert "Oh Soo-young" not in found.speakers  # the correspondent
    assert not {"Seoul", "King’s College London", "Arirang News", "NATO", "Arirang TV"} & set(found.people)


# --- Attribution: who is speaking -------------------------------------------------------------


def test_name_then_said():
    assert speakers("Angela Merkel said the talks had been useful.") == ["Angela Merkel"]


def test_said_then_name_after_a_quotation():
    assert speakers('"We are ready," said John Smith.') == ["John Smith"]


def test_name_then_says():
    assert speakers("Maria Lopez says the plan works.") == ["Maria Lopez"]


def test_name_then_told():
    assert speakers("Peter Novak told reporters the bridge was safe.") == ["Peter Novak"]


def test_told_credits_the_teller_not_the_listener():
    assert speakers("Peter Novak told Anna Berg the bridge was safe.") == ["Peter Novak"]


def test_an_affiliation_with_a_place_after_a_comma_still_reaches_the_verb():
    text = 'Mara Quellon of the University of Utah, Salt Lake City disagreed with the findings: "They are wrong."'
    assert speakers(text) == ["Mara Quellon"]


def test_according_to_name():
    assert speakers("The toll rose to twelve, according to Anna Berg.") == ["Anna Berg"]
    assert speakers("According to Health Minister Anna Berg, the toll rose to twelve.") == ["Anna Berg"]
    assert speakers('"Sanctions work," according to a tweet on Monday by US Secretary of State Tom Reed.') == [
        "Tom Reed"]  # the source, then who published it


@pytest.mark.parametrize("verb", [
    "stressed", "emphasised", "emphasized", "called on", "added", "expressed", "noted", "warned", "stated",
    "explained", "argued", "announced", "tweeted", "wrote", "insisted", "claimed", "confirmed", "denied", "urged",
])
def test_each_verb_of_saying(verb):
    assert speakers(f"Laura Stone {verb} that the deal was fair.") == ["Laura Stone"]


def test_quotation_then_name_said():
    assert speakers("“It is over,” Tom Reed said.") == ["Tom Reed"]


def test_name_said_colon_then_quotation():
    assert speakers('Tom Reed said: "It is over."') == ["Tom Reed"]


def test_adverbs_and_times_between_name_and_verb():
    assert speakers("Jens Stoltenberg last month expressed concern.") == ["Jens Stoltenberg"]
    assert speakers("Tom Reed on Friday also said it was over.") == ["Tom Reed"]


def test_she_is_the_last_named_woman():
    text = "Mr Tom Reed met Ms Ann Lee on Monday. She said the deal was done."
    assert speakers(text) == ["Ann Lee"]


def test_he_skips_a_named_woman():
    text = "Mr Tom Reed met Ms Ann Lee on Monday. He said the deal was done."
    assert speakers(text) == ["Tom Reed"]


def test_he_with_unknown_gender_is_the_last_named_person():
    text = "Kiran Reed arrived first. Sasha Lee came later. He said the deal was done."
    assert speakers(text) == ["Sasha Lee"]


def test_pronoun_with_a_speech_verb_other_than_said():
    assert speakers("Ms Ann Lee arrived late. She further stressed the risks.") == ["Ann Lee"]


def test_pronoun_skips_a_person_known_to_be_of_the_other_gender():
    # "he" after Kiran Reed's name marks him as a man, so "She" is Sasha Lee.
    text = "Sasha Lee arrived. Kiran Reed said he had lost his bag. She said it was found."
    assert speakers(text) == ["Sasha Lee", "Kiran Reed"]


def test_first_names_tell_the_gender():
    text = "The crash killed Harry Dunn. Police spoke with Anne Sacoolas. She said she had immunity."
    assert speakers(text) == ["Anne Sacoolas"]


def test_pronoun_prefers_the_subject_over_a_later_object():
    text = "Kiran Reed visited Sasha Lee in hospital. He said she was recovering."
    assert speakers(text) == ["Kiran Reed"]


def test_the_title_alone_stands_for_the_last_person_with_that_title():
    text = "Governor Kay Ivey signed the bill on Wednesday. The governor tweeted her reasoning."
    assert speakers(text) == ["Kay Ivey"]


def test_speaking_at_then_name_said():
    assert speakers("Speaking at the summit, Jane Doe said talks would go on.") == ["Jane Doe"]
    assert speakers("Speaking with Arirang News, Jane Doe said talks would go on.") == ["Jane Doe"]


def test_participle_credits_the_subject_not_the_object():
    assert speakers('President Donald Trump congratulated Nancy Pelosi, saying, "Well done."') == ["Donald Trump"]


def test_participle_right_after_its_subject():
    text = 'Steve Scalise called it "Soviet-style", with Ross Spano of Florida calling the process "a coup".'
    assert speakers(text) == ["Steve Scalise", "Ross Spano"]


def test_colon_before_a_quotation_credits_the_clause_subject():
    assert speakers('In his message, Ali Khamenei paid tribute: "He was a stellar example."') == ["Ali Khamenei"]


def test_inverted_verb_after_a_comma_with_only_titles_before_the_name():
    text = "The bomb was left in a market, stated Minister of Information Moammar al-Eryani."
    assert speakers(text) == ["Moammar al-Eryani"]


def test_inverted_verb_after_a_quotation_with_a_long_title():
    text = '"Walter was brilliant," said University of California, San Diego\'s chancellor, Pradeep Khosla.'
    assert speakers(text) == ["Pradeep Khosla"]


def test_relative_clause_between_name_and_verb():
    assert speakers("Terri Collins who sponsored the bill remarked it was unenforceable.") == ["Terri Collins"]


def test_apposition_between_name_and_verb():
    text = ("Ramon Pacheco Pardo, Professor of International Relations at King’s College London, "
            "said talks would go on.")
    assert speakers(text) == ["Ramon Pacheco Pardo"]


def test_name_in_apposition_after_the_role():
    text = "The president of the league, Jamel Msallem, said the ban was wrong."
    assert speakers(text) == ["Jamel Msallem"]


def test_two_names_joined_by_and():
    assert speakers("Tom Reed and Ann Lee said the deal was done.") == ["Tom Reed", "Ann Lee"]


def test_organisations_and_unnamed_people_are_not_speakers():
    text = ("The ministry said the talks failed. NATO said it was ready. A spokesperson said nothing. "
            "Human Rights Watch said the law was unjust.")
    assert speakers(text) == []


def test_name_inside_an_apposition_is_not_the_speaker():
    text = "Howard Rubel, a lawyer representing Emily Spanton, told the BBC the verdict was fair."
    assert speakers(text) == ["Howard Rubel"]


def test_organisation_names_before_a_verb_are_not_speakers():
    text = ("Wrestling promotion World Wonder Ring Stardom announced her death. Officials of the Maidan Wardak "
            "provincial council said it was over. According to Manila Bulletin, the quake was strong.")
    assert find_people(text) == People([], [])


def test_object_of_a_preposition_is_not_the_speaker():
    assert speakers("The head of the firm hired by Tom Reed said it was safe.") == []


def test_passive_and_infinitive_are_not_speech():
    assert speakers("Tom Reed was told to wait. Ann Lee refused to say more.") == []


def test_verbs_inside_a_quotation_are_not_attributed():
    text = 'Tom Reed said: "Ann Lee told me nothing."'
    assert speakers(text) == ["Tom Reed"]
    assert people(text) == ["Tom Reed", "Ann Lee"]


def test_praise_counts_as_speech_only_with_a_quotation():
    assert speakers("Tom Reed praised the rescuers.") == []
    assert speakers('Tom Reed praised the "brave" rescuers.') == ["Tom Reed"]


def test_interview_answers_name_the_speaker():
    text = "((WN)) What got you into chess?\n((Dorsa Derakhshani)) My father taught me."
    assert speakers(text) == ["Dorsa Derakhshani"]


# --- Reporters ---------------------------------------------------------------------------------


def test_correspondent_is_a_person_but_not_a_speaker():
    text = "Our correspondent Oh Soo-young spoke to Ramon Pacheco Pardo. Pacheco Pardo said talks would go on."
    found = find_people(text)
    assert found.people == ["Oh Soo-young", "Ramon Pacheco Pardo"]
    assert found.speakers == ["Ramon Pacheco Pardo"]


def test_sign_off_line_is_a_reporter():
    text = "Tom Reed said the deal was done.\nOh Soo-young, Arirang News."
    found = find_people(text)
    assert found.people == ["Tom Reed", "Oh Soo-young"]
    assert found.speakers == ["Tom Reed"]


# --- Names: merging partial mentions into full names -----------------------------------------


def test_surname_mentions_merge_into_the_full_name():
    text = "Ramon Pacheco Pardo is a professor. Pacheco Pardo said talks would go on."
    assert find_people(text) == People(["Ramon Pacheco Pardo"], ["Ramon Pacheco Pardo"])


def test_honorific_and_particle_merge_into_the_full_name():
    text = "David van Weel spoke first. Mr van Weel said partners matter."
    assert find_people(text) == People(["David van Weel"], ["David van Weel"])


def test_titled_first_word_merges_into_a_later_full_name():
    text = "President Yoon will travel. President Yoon Suk Yeol leaves on Monday. Yoon said he was ready."
    assert find_people(text) == People(["Yoon Suk Yeol"], ["Yoon Suk Yeol"])


def test_spellings_with_and_without_accents_are_one_person():
    text = "Recep Tayyip Erdoğan spoke on Friday. Erdogan said the name would change."
    assert find_people(text) == People(["Recep Tayyip Erdoğan"], ["Recep Tayyip Erdoğan"])


def test_a_lone_word_is_a_person_only_as_surname_or_after_a_title():
    assert people("Stoltenberg arrived.") == []
    assert people("Jens Stoltenberg left. Stoltenberg arrived.") == ["Jens Stoltenberg"]
    assert people("President Yoon arrived.") == ["Yoon"]
    assert people("Pope Francis arrived.") == ["Pope Francis"]


def test_a_place_starting_a_name_does_not_absorb_the_lone_word():
    assert people("Paris Métro trains stopped. Paris mourned.") == []


def test_people_are_in_order_of_first_appearance():
    text = "Ann Lee met Tom Reed. Reed and Lee spoke. Carl Berg watched."
    assert people(text) == ["Ann Lee", "Tom Reed", "Carl Berg"]


# --- Names: what counts as a name -------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("Eirini Lemos-Maniati spoke.", "Eirini Lemos-Maniati"),
    ("Oh Soo-young spoke.", "Oh Soo-young"),
    ("Ursula von der Leyen spoke.", "Ursula von der Leyen"),
    ("Rafael van der Vaart spoke.", "Rafael van der Vaart"),
    ("Luiz Inácio da Silva spoke.", "Luiz Inácio da Silva"),
    ("Mohammed bin Salman spoke.", "Mohammed bin Salman"),
    ("Bashar al-Assad spoke.", "Bashar al-Assad"),
    ("Ahmed Al-Thani spoke.", "Ahmed Al-Thani"),
    ("George W. Bush spoke.", "George W. Bush"),
    ("B Shiva Parvathi spoke.", "B Shiva Parvathi"),
    ("Theresa May spoke.", "Theresa May"),
    ("Park Geun-hye spoke.", "Park Geun-hye"),
])
def test_hyphens_particles_and_initials_stay_in_the_name(text, name):
    assert people(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("NATO Secretary General Jens Stoltenberg spoke.", "Jens Stoltenberg"),
    ("Emergencies Minister Yevgeny Zinichev spoke.", "Yevgeny Zinichev"),
    ("Professor Ann Lee spoke.", "Ann Lee"),
    ("Mr. Tom Reed spoke.", "Tom Reed"),
    ("Dr. Ann Lee spoke.", "Ann Lee"),
    ("Ms Ann Lee spoke.", "Ann Lee"),
    ("The Deputy Head of NATO’s Arms Control Centre, Eirini Lemos-Maniati, spoke.", "Eirini Lemos-Maniati"),
    ("The Mayor of Koszalin Piotr Jedlinski spoke.", "Piotr Jedlinski"),
    ("Senator from Vermont Bernie Sanders spoke.", "Bernie Sanders"),
    ("Businessman Don Blankenship spoke.", "Don Blankenship"),
])
def test_titles_and_roles_are_stripped(text, name):
    assert people(text) == [name]


@pytest.mark.parametrize("text", [
    "The Ministry of Defence and the Security Council met at Seoul National University.",
    "Arirang News and the Federal Security Service reported on it.",
    "On Monday in January the talks began. However, This Week ended.",
    "The Hagia Sophia Museum reopened near Karl Marx Avenue in New York.",
    "Flights to Hong Kong resumed from Sola Airport in Maidan Wardak province.",
    "Wikinews reported that COVID-19 spread.",
    "King’s College London and Arirang TV agreed.",
])
def test_organisations_places_and_common_words_are_not_people(text):
    assert people(text) == []


def test_a_word_used_in_lower_case_is_not_a_name():
    assert people("Emerging Security Challenges grew. Security matters; challenges remain.") == []


# --- Offline ------------------------------------------------------------------------------------


def test_runs_without_any_nltk_data(tmp_path):
    code = (
        "from search.ingest.enrich.people import find_people\n"
        "print(find_people('Tom Reed said: \"NATO is ready.\"').speakers)\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['Tom Reed']"
