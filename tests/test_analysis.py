"""`search.analysis` gives exactly what Whoosh's StemmingAnalyzer indexes: same terms, same positions."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import TEXT

from search.index.analysis import MAXSIZE, MeasuredText, analyze, length_of
from search.index.postings import PostingsBuilder
from search.index.schema import make_schema
from search.ingest.readers import read_paths
from search.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

STEMMING = StemmingAnalyzer(maxsize=MAXSIZE)  # as the schema's: tokens over 64 letters are no terms
FIELD = TEXT(analyzer=StemmingAnalyzer(maxsize=MAXSIZE), stored=True)  # plain Whoosh: Positions format


def whoosh_analyze(text: str) -> dict[str, list[int]]:
    """What `whoosh.formats.Positions.word_values` collects for `text`."""
    poses: dict[str, list[int]] = defaultdict(list)
    for token in STEMMING(text, positions=True, mode="index"):
        poses[token.text].append(token.pos)
    return dict(poses)


def whoosh_indexed(text: str) -> dict[str, list[int]]:
    """The terms and decoded positions a plain Whoosh TEXT field writes to the index."""
    return {term.decode("utf-8"): FIELD.format.decode_positions(value) for term, _, _, value in FIELD.index(text)}


def whoosh_words(text: str) -> set[str]:
    """StemmingAnalyzer with its morphological (stemming) filter skipped."""
    return {token.text for token in STEMMING(text, no_morph=True)}


def words(text: str) -> set[str]:
    """The spelling vocabulary our postings builder saves for a document with this text."""
    builder = PostingsBuilder()
    builder.add(0, {"title": "", "body": text})
    return {word.decode("utf-8") for word in builder.build().words.tolist()}


def articles(path: Path) -> list[Article]:
    found = list(read_paths([path]))
    assert found and all(isinstance(a, Article) for a in found), found
    return found


def test_examples_show_the_subtleties():
    # Stopped words before the first kept word count; after it they leave no gap (renumber=True).
    assert analyze("The cat is on the mat") == {"cat": [1], "mat": [2]}
    assert analyze("a A an") == {} and analyze("") == {} and analyze(" \n ") == {}
    # Dots join tokens; Porter turns "u.s" into "u."; "İ" lowercases to two characters, so it is kept.
    assert analyze("U.S. 3.5 a..b İ") == {"u.": [0], "3.5": [1], "i\u0307": [2]}
    # Whoosh's Porter stemmer keeps the doubled consonant: "running" -> "runn", but "runs" -> "run".
    assert analyze("running runs ran") == {"runn": [0], "run": [1], "ran": [2]}
    assert words("The Running U.S. x İ") == {"running", "u.s", "i\u0307"}


@pytest.mark.parametrize("mode", ["index", "query", ""])
def test_mode_changes_nothing(mode):
    text = "Officials said 3.5 U.S. dollars weren't running-mates' fees."
    assert {t.text: t.pos for t in STEMMING(text, positions=True, mode=mode)} == {
        t.text: t.pos for t in STEMMING(text, positions=True, mode="index")}


def test_seed_articles():
    texts = [x for a in articles(SEEDS) for x in (a.title, a.body)]
    assert len(texts) == 4
    for text in texts:
        assert analyze(text) == whoosh_analyze(text) == whoosh_indexed(text)
        assert words(text) == whoosh_words(text)


def test_wikinews_articles(wikinews):
    found = articles(wikinews)
    assert len(found) == 295
    for article in found:
        for text in (article.title, article.body):
            expected = whoosh_analyze(text)
            assert analyze(text) == expected, article.url
            assert words(text) == whoosh_words(text), article.url
        assert whoosh_indexed(article.body) == expected


def test_measured_text_carries_its_length():
    text = MeasuredText("Officials said the U.S. officials", 4)
    assert text == "Officials said the U.S. officials" and isinstance(text, str)
    assert length_of(text) == 4 == length_of(str(text)) == sum(map(len, whoosh_analyze(text).values()))
    assert length_of("the officials") == 1 and length_of("") == 0


@pytest.mark.parametrize("name", ["title", "body"])
def test_schema_fields_give_whoosh_the_length_whoosh_computes(name):
    """Title and body postings live in our arrays: a field gives Whoosh one placeholder posting
    whose frequency is the field length Whoosh's own TEXT field would record."""
    field = make_schema()[name]
    boost = field.format.field_boost
    plain = TEXT(analyzer=StemmingAnalyzer(maxsize=MAXSIZE), stored=True, field_boost=boost)
    for text in [a.title + "\n" + a.body for a in articles(SEEDS)] + ["", "the a", "İ x running U.S. 3.5"]:
        length = sum(freq for _, freq, _, _ in plain.index(text))
        expected = [(b"", length, length * boost, b"")] if length else []
        assert list(field.index(text)) == expected
        assert list(field.index(MeasuredText(text, length))) == expected


def test_standard_analyzer_is_stemming_analyzer_without_stemmer():
    standard, stemming = StandardAnalyzer(maxsize=MAXSIZE).items, STEMMING.items
    assert len(stemming) == len(standard) + 1 and standard == stemming[:-1]
    assert getattr(stemming[-1], "is_morph", False)
    assert (standard[-1].max, stemming[-2].max) == (MAXSIZE, MAXSIZE)  # StopFilter.__eq__ ignores maxsize
    text = "The U.S. said THE running 3.5 İ x don't-stop-me " + "y" * 64 + " " + "z" * 65
    assert {t.text for t in StandardAnalyzer(maxsize=MAXSIZE)(text)} == whoosh_words(text) == words(text)
    assert "y" * 64 in words(text) and "z" * 65 not in words(text)


PIECES = [
    "U.S.", "3.5", "e.g.", "a.b.c", "..", ".", "...x", "x.", "1,000", "don't", "it’s", "co-op", "-",
    "_", "__init__", "*", "**", "wild*card", "The", "THE", "a", "I", "us", "US", "tbd", "İ", "İstanbul",
    "ΟΔΟΣ", "ΑΣ'Β", "Straße", "ǅemal", "ﬁnance", "café", "e\u0301", "naïve", "Москва", "北京市", "東京",
    "שָׁלוֹם", "مرحبا", "\u200f", "\u202e", "٣٤٥", "²", "½", "Ⅻ", "１２３", "running", "ponies", "relational",
    "yelled", "sky", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀", "x" * 3000, "ab" * 700 + "ing", " ", "\n", "\t", "\xa0", "\u3000",
    "\u2028", "\x1c", "\u200b", "\u0085", ",", ";", "(", ")", "\"", "'",
    "y" * 63 + "ing", "y" * 64, "y" * 65, "İ" * 32, "İ" * 33, "ﬁ" * 33,  # about MAXSIZE, before and after lowercasing
]


texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_identity_on_random_text(text):
    assert analyze(text) == whoosh_analyze(text)
    assert words(text) == whoosh_words(text)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_identity_with_what_the_field_indexes(text):
    assert analyze(text) == whoosh_indexed(text)
