"""Themes come from an editable taxonomy file, matched on stems, with evidence for each theme."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.ingest.enrich.text import stem, terms
from search.ingest.enrich.themes import default_taxonomy, load_taxonomy, theme_evidence

REQUIRED = ["Arms control & non-proliferation", "Cyber security", "Defence industry & arms trade",
            "Partnerships & alliances", "Hybrid warfare", "Emerging technologies", "Climate & security",
            "War in Ukraine", "Economic security & supply chains", "Nuclear & missile threats",
            "Maritime & territorial disputes"]


def test_the_packaged_taxonomy_has_the_required_themes():
    names = [theme.name for theme in default_taxonomy().themes]
    assert set(REQUIRED) <= set(names) and len(names) == len(set(names))


def test_word_forms_match_through_stems_and_evidence_names_the_phrases():
    text = "Hackers launched cyber-attacks on banks. Ransomware crippled hospitals; the cyberattack spread."
    evidence = theme_evidence(text)
    assert list(evidence) == ["Cyber security"]
    assert {"cyber attack", "ransomware"} <= set(evidence["Cyber security"])


def test_a_passing_mention_is_not_a_theme():
    text = ("Kipchoge ran the marathon in Vienna in under two hours, a record that athletes had chased for "
            "decades. Fans lined the course. " * 3 + "Organisers said sanctions on doping were strict.")
    assert theme_evidence(text) == {}


# A long report on a food fair; the sentences vary so that the text reads like an article.
FAIR = ["The autumn food fair opened on Saturday with more than two hundred stalls along the river.",
        "Bakers from the northern valleys brought rye loaves, honey cakes and smoked cheese.",
        "Visitors queued for an hour to taste the plum dumplings that won last year's prize.",
        "A brass band played in the square while children decorated pumpkins.",
        "The mayor praised the volunteers who set up the tents before dawn.",
        "Stallholders said sales of apple cider were the best they could remember.",
        "A cookery school ran free classes on pickling cabbage and making noodles by hand.",
        "Local farmers sold pears, walnuts and late tomatoes from the backs of their vans.",
        "The fair closes on Sunday evening with a lantern parade across the old bridge."]


def test_names_alone_never_make_a_theme():
    text = ("President Zelenskyy visited a school in Kyiv. Teachers from Donetsk, Luhansk and Crimea told him "
            "about new textbooks, and pupils in Ukraine showed him a science project. Zelenskyy thanked the "
            "teachers of Ukraine and promised new computers for schools in Kyiv and Donetsk.")
    assert theme_evidence(text) == {}


def test_names_add_to_topical_evidence_but_cannot_carry_a_theme(tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text('threshold = 4\n[[theme]]\nname = "Space"\nphrases = ["rocket", "orbit"]\n'
                    'names = ["Baikonur"]\n', "utf-8")
    taxonomy = load_taxonomy(path)
    assert theme_evidence("The rocket reached orbit.", taxonomy) == {}
    assert theme_evidence("Baikonur. Baikonur. Baikonur. Baikonur. Baikonur.", taxonomy) == {}
    evidence = theme_evidence("From Baikonur the rocket reached orbit, and crowds in Baikonur cheered.", taxonomy)
    assert evidence == {"Space": ["orbit", "rocket", "Baikonur"]}  # topical phrases first, then names


def test_a_long_article_with_one_passing_mention_gets_no_theme():
    passing = "Some stallholders said last spring's earthquake and the floods that followed had kept them away."
    text = " ".join(FAIR * 9 + [passing] + FAIR * 4)
    assert len(text.split()) > 1500
    assert theme_evidence(text) == {}
    focused = " ".join([passing, "The earthquake destroyed their barns, and the floods drowned the orchards.",
                        "Rescuers spent a week clearing the roads."])
    assert list(theme_evidence(focused)) == ["Disasters & emergency response"]  # the same words, at length


def test_a_short_focused_report_gets_its_theme():
    text = ("Earthquake shakes coastal towns. A strong earthquake struck the coast before dawn, and rescuers "
            "searched collapsed houses for survivors. The death toll rose to fourteen as aftershocks continued, "
            "and two hundred families were evacuated to a school.")
    evidence = theme_evidence(text)
    assert list(evidence) == ["Disasters & emergency response"]
    assert evidence["Disasters & emergency response"][0] == "earthquake"


def test_sport_and_business_news_get_no_theme():
    match = ("United fight back to beat City. United came from behind to win 3-2 on Saturday. City's striker "
             "scored early from a counter-attack, but United's defence held firm after the break and their "
             "captain equalised from a penalty. The manager said the campaign was far from over and praised "
             "the fans, who had rallied behind the team. Tickets for the final sold out in an hour.")
    company = ("Shares in a paint maker rallied after it elected a new chairman. The board elected its finance "
               "chief, who said the firm's partnership with a crude-oil refiner would cut costs. Candidates "
               "for the board were approved by votes of shareholders, and the firm said the market collapse "
               "of last year was a disaster it did not expect to repeat. Profits rose in the fourth quarter.")
    assert theme_evidence(match) == {}
    assert theme_evidence(company) == {}


def test_exact_words_keep_loose_stems_apart():
    elected = "The club elected a captain. Members elected a treasurer and elected two stewards for the season."
    elections = ("Voters go to the polls. The elections on Sunday will choose a parliament; the election "
                 "commission printed the ballots and expects high turnout.")
    assert theme_evidence(elected) == {}
    assert list(theme_evidence(elections)) == ["Elections & democracy"]
    assert theme_evidence("The weather was extremely cold, extremely windy and extremely wet all week.") == {}


def test_one_phrase_inside_another_is_one_mention():
    text = "The clinic reopened after the COVID-19 pandemic with new chairs, a bigger waiting room and a cafe."
    assert theme_evidence(text) == {}


def test_war_in_ukraine_needs_its_names_and_replaces_armed_conflict():
    war = ("Heavy shelling hit villages near the front overnight and troops exchanged fire as the ceasefire "
           "collapsed. Separatists launched an offensive, and the army said its troops held their positions.")
    assert "War in Ukraine" not in theme_evidence(war)
    assert "Armed conflict" in theme_evidence(war)
    in_ukraine = war.replace("near the front", "near Donetsk in eastern Ukraine")
    assert "War in Ukraine" in theme_evidence(in_ukraine)
    assert "Armed conflict" not in theme_evidence(in_ukraine)


def test_a_user_can_edit_the_taxonomy(tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text('threshold = 1\n[[theme]]\nname = "Space"\nphrases = ["satellite", "orbit:2"]\n', "utf-8")
    taxonomy = load_taxonomy(path)
    assert list(theme_evidence("The satellite reached orbit.", taxonomy)) == ["Space"]
    assert theme_evidence("Nothing here.", taxonomy) == {}
    path.write_text('[[theme]]\nname = "Space"\nphrases = ["=orbital flight"]\n', "utf-8")
    with pytest.raises(ValueError, match="one word"):
        load_taxonomy(path)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.lists(st.sampled_from(["cyber-attacks", "U.S.", "x_y", "Ünïcode", "\x1c", "\u2028",
                                                         "\xa0", " ", "\n", "war's", "１２３", "e\u0301"]),
                                        max_size=40).map("".join))
def test_stems_are_those_of_the_whole_texts_alphanumeric_runs(text):
    """`terms` memoises stems chunk by chunk; the result is that of the whole text's runs."""
    assert terms(text) == [stem(word) for word in re.findall(r"[^\W_]+", text)]
