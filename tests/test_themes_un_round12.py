"""A long statement that gives a theme a paragraph of its own is about it (`theme_paragraphs`), by the paragraphs the
text itself marks: two cue sentences that open and close a paragraph whose other sentences tell an example in words
no cue list holds are a topic, the same two sentences in two paragraphs about other things are passing mentions, and
so is a paragraph that lists many subjects with the theme one of them."""

from pathlib import Path

from search.ingest.enrich.theme_paragraphs import paragraph_of_sentences
from search.ingest.enrich.theme_text import sentence_starts
from search.ingest.enrich.themes import load_taxonomy, theme_evidence

SETTINGS = """
min_words = 40
min_phrases = 2
min_mentions = 2
passage_sentences = 3
passage_span = 3
long_passage_scale = 2.0
long_passage_span = 3
paragraph_sentences = 2
paragraph_share = 0.4
paragraph_min_sentences = 3
[[theme]]
name = "Hunger"
threshold = 3
phrases = ["famine:2", "drought:1.5", "food aid:1"]
"""
FAMINE = "A famine now threatens the three northern provinces of my country."
EXAMPLE = "In one village I visited, the families had sold their last goats to buy seed."
FIGURE = "Nearly half of the children there weigh less than they did a year ago."
DROUGHT = "We ask our partners to help us through this drought before the rains fail again."
FILLER = ["Our delegation thanks the President of the Assembly for the able way he has guided its work.",
          "We also welcome the new members of the council and wish them well in their term.",
          "The reform of the working methods of the Organization remains a priority for us.",
          "My Government has opened two new schools of medicine in the capital this year."]


def _taxonomy(tmp_path: Path, settings: str = SETTINGS):
    path = tmp_path / "themes.toml"
    path.write_text(settings, "utf-8")
    return load_taxonomy(path)


def _statement(*paragraphs: list[str]) -> str:
    """A titled statement whose paragraphs are separated by blank lines."""
    return "Statement by a delegation\n" + "\n\n".join(" ".join(sentences) for sentences in paragraphs)


def test_two_cue_sentences_of_one_paragraph_of_its_own_make_the_theme(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    text = _statement(FILLER, [FAMINE, EXAMPLE, FIGURE, DROUGHT], FILLER, FILLER)
    assert "Hunger" in theme_evidence(text, taxonomy)
    # the rule off: two cue sentences are no three-sentence passage, and too little for the whole long text
    off = _taxonomy(tmp_path, SETTINGS.replace("paragraph_sentences = 2", "paragraph_sentences = 0"))
    assert "Hunger" not in theme_evidence(text, off)
    # a shorter text (under `long_passage_scale`) is no many-topic statement: it is judged whole, as before
    short = _taxonomy(tmp_path, SETTINGS.replace("long_passage_scale = 2.0", "long_passage_scale = 100.0"))
    assert "Hunger" not in theme_evidence(text, short)


def test_the_same_sentences_in_two_paragraphs_on_other_things_are_passing_mentions(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    text = _statement(FILLER[:2] + [FAMINE] + FILLER[2:], [EXAMPLE, FIGURE], FILLER[:3] + [DROUGHT], FILLER)
    assert "Hunger" not in theme_evidence(text, taxonomy)


def test_a_paragraph_listing_many_subjects_is_not_one_of_its_own(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    text = _statement(FILLER, [FAMINE] + FILLER + [DROUGHT], FILLER)  # two of six sentences: under the share
    assert "Hunger" not in theme_evidence(text, taxonomy)


def test_light_cues_alone_do_not_make_a_paragraph(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    light = "Food aid reached some districts in the spring, and more food aid is on its way by road."
    text = _statement(FILLER, [light, EXAMPLE, light.replace("some", "other")], FILLER)  # no cue of strong weight
    assert "Hunger" not in theme_evidence(text, taxonomy)


def test_records_mark_paragraphs_by_blank_lines_indented_lines_and_long_lines():
    wrapped = ("Statement\nThe first paragraph runs on\nover two lines. It ends here.\n The second one is indented."
               "\n\nA third.")
    assert paragraph_of_sentences(wrapped, sentence_starts(wrapped)) == [0, 1, 1, 2, 3]
    long_line = "x " * 80
    one_a_line = f"Statement\n{long_line}ends. Still the same.\n{long_line}ends too."
    assert paragraph_of_sentences(one_a_line, sentence_starts(one_a_line)) == [0, 1, 1, 2]


def test_two_closing_cue_sentences_after_another_subject_are_a_two_sentence_mention(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    text = _statement(FILLER, FILLER[:2] + [FAMINE, DROUGHT], FILLER)  # half the paragraph, but only its last two lines
    assert "Hunger" not in theme_evidence(text, taxonomy)
    opening = _statement(FILLER, [FAMINE, DROUGHT] + FILLER[:2], FILLER)  # the same two lines opening the paragraph
    assert "Hunger" in theme_evidence(opening, taxonomy)


def test_one_heavy_cue_that_opens_and_closes_a_paragraph_is_enough(tmp_path: Path):
    taxonomy = _taxonomy(tmp_path)
    closing = "We ask the Assembly to act before this famine takes more lives."
    text = _statement(FILLER, [FAMINE, EXAMPLE, FIGURE, closing], FILLER, FILLER)
    assert "Hunger" in theme_evidence(text, taxonomy)
