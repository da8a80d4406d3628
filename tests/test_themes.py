"""Themes come from an editable taxonomy file, matched on stems, with evidence for each theme."""

import re

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


def test_a_user_can_edit_the_taxonomy(tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text('threshold = 1\n[[theme]]\nname = "Space"\nphrases = ["satellite", "orbit:2"]\n', "utf-8")
    taxonomy = load_taxonomy(path)
    assert list(theme_evidence("The satellite reached orbit.", taxonomy)) == ["Space"]
    assert theme_evidence("Nothing here.", taxonomy) == {}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.lists(st.sampled_from(["cyber-attacks", "U.S.", "x_y", "Ünïcode", "\x1c", "\u2028",
                                                         "\xa0", " ", "\n", "war's", "１２３", "e\u0301"]),
                                        max_size=40).map("".join))
def test_stems_are_those_of_the_whole_texts_alphanumeric_runs(text):
    """`terms` memoises stems chunk by chunk; the result is that of the whole text's runs."""
    assert terms(text) == [stem(word) for word in re.findall(r"[^\W_]+", text)]
