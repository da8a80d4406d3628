"""How mentions of a theme are counted: cues that touch within a sentence are one clue, cues that touch
across a sentence's end are two (`themes._matches`)."""

from pathlib import Path

from search.ingest.enrich.themes import load_taxonomy, theme_evidence

# Two mentions in two sentences are needed; either phrase alone is enough weight.
TWO_MENTIONS = """
min_mentions = 2
min_phrases = 1
[[theme]]
name = "Climate"
threshold = 1
phrases = ["climate action:1", "climate change:1"]
"""


def test_cues_touching_across_a_sentence_end_are_two_mentions(tmp_path: Path):
    path = tmp_path / "themes.toml"
    path.write_text(TWO_MENTIONS, "utf-8")
    taxonomy = load_taxonomy(path)
    across = "The ministers met at the summit on climate action. Climate change floods our coasts every year."
    assert theme_evidence(across, taxonomy) == {"Climate": ["climate action", "climate change"]}
    # the same words run together in one sentence are one clue, credited to one phrase
    within = "The ministers met at the summit on climate action climate change and floods, every year."
    assert theme_evidence(within, taxonomy) == {}
