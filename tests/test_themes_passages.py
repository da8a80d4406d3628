"""A long, many-topic text's passage may spread over more sentences than a short text's (`theme_passages`): a speech
breaks a paragraph with an example or an aside, so three sentences that tell a theme in three distinct cues a few
sentences apart are still one passage; the same word said three times in passing, or a spread in a short text, is
not."""

from pathlib import Path

from search.ingest.enrich.themes import load_taxonomy, theme_evidence

SETTINGS = """
min_words = 40
min_phrases = 2
min_mentions = 2
passage_sentences = 3
passage_span = 3
long_passage_scale = 2.0
long_passage_phrases = 3
long_passage_span = 10
[[theme]]
name = "Hunger"
threshold = 3
phrases = ["drought:1", "failed harvest:1", "famine:1"]
"""
FILLER = "Our delegation thanks the President of the Assembly for the able way he has guided its work."
OTHER = "We also welcome the new members of the council and wish them well in their term."
DROUGHT = "A long drought has dried the wells of the northern provinces."
HARVEST = "A second failed harvest has left the villages without grain for the winter."
FAMINE = "Without help from our neighbours, famine will follow before the spring."


def _taxonomy(tmp_path: Path, settings: str = SETTINGS):
    path = tmp_path / "themes.toml"
    path.write_text(settings, "utf-8")
    return load_taxonomy(path)


def test_a_theme_told_in_three_cues_a_few_sentences_apart_in_a_long_speech_is_one_passage(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    text = " ".join([FILLER, DROUGHT, FILLER, OTHER, HARVEST, FILLER, OTHER, FAMINE] + [FILLER, OTHER] * 3)
    assert "Hunger" in theme_evidence(text, taxonomy)
    # without the spread passage (a text never long enough for it) the same sentences are three separate mentions
    never = _taxonomy(tmp_path, SETTINGS.replace("long_passage_scale = 2.0", "long_passage_scale = 100.0"))
    assert "Hunger" not in theme_evidence(text, never)


def test_one_cue_said_in_passing_three_times_is_no_spread_passage(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    again = DROUGHT.replace("northern", "southern")
    text = " ".join([FILLER, DROUGHT, FILLER, OTHER, again, FILLER, OTHER, DROUGHT + " " + HARVEST.replace(
        "failed harvest", "poor yield")] + [FILLER, OTHER] * 3)
    assert "Hunger" not in theme_evidence(text, taxonomy)


def test_a_short_text_keeps_the_short_span(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    text = " ".join([DROUGHT, FILLER, OTHER, HARVEST, FILLER, OTHER, FAMINE])
    assert "Hunger" not in theme_evidence(text, taxonomy)


def test_a_spread_passage_is_a_paragraph_and_its_aside_not_a_chapter(tmp_path: Path):
    gap = [FILLER, OTHER, FILLER, OTHER]
    text = " ".join([FILLER, DROUGHT] + gap + [HARVEST] + gap + [FAMINE] + [FILLER, OTHER] * 18)
    assert "Hunger" not in theme_evidence(text, _taxonomy(tmp_path))  # three cues over eleven sentences
    wider = _taxonomy(tmp_path, SETTINGS.replace("long_passage_span = 10", "long_passage_span = 12"))
    assert "Hunger" in theme_evidence(text, wider)


def test_a_taxonomy_without_passage_spans_asks_for_no_passage(tmp_path: Path):
    # themes.toml is edited by hand: a file that leaves a span out still gives themes, only without that passage
    together = " ".join([FILLER, DROUGHT, HARVEST, FAMINE, FILLER] + [FILLER, OTHER] * 18)
    assert "Hunger" in theme_evidence(together, _taxonomy(tmp_path))
    assert "Hunger" not in theme_evidence(together, _taxonomy(tmp_path, SETTINGS.replace("passage_span = 3\n", "")))
    spread = " ".join([FILLER, DROUGHT, FILLER, OTHER, HARVEST, FILLER, OTHER, FAMINE] + [FILLER, OTHER] * 3)
    assert "Hunger" in theme_evidence(spread, _taxonomy(tmp_path))
    unset = _taxonomy(tmp_path, SETTINGS.replace("long_passage_span = 10\n", ""))
    assert "Hunger" not in theme_evidence(spread, unset)
