"""A fast, exact re-implementation of what Whoosh's `StemmingAnalyzer()` indexes.

Whoosh analyses text as a generator of `Token` objects through RegexTokenizer |
LowercaseFilter | StopFilter | StemFilter, at microseconds a token. Here a text is split on
whitespace and each chunk's tokens are looked up in a memo of word ids (`indexed_words`): the
indexed words of a text come out as one NumPy array, which the postings builder sorts into
postings without a Python step per word, and each word id maps to its term (stem). `analyze`
(terms and positions) and the spelling vocabulary (`WORDS`, the unstemmed words) are read from
the same ids. All that defines the result is imported from Whoosh (token pattern, stop list,
Porter stemmer, StopFilter's sizes), and tests/test_analysis.py checks identity with Whoosh on real articles and
random Unicode text. (Whoosh's `mode` changes nothing here.)

Only English articles (and those whose language is unknown) are stemmed: Porter's English rules
would conflate unrelated words of other languages (German "Messe" and "Messing", French "nation"
and "national"). A word of any other article is indexed as its *plain term*: the lowercased word
behind `PLAIN_MARK` ("=messe"), so it can never meet an English stem ("mess"), and a query word
is searched as its stem or its plain term (search/engine/parsing.py; docs/metadata-facets.md).
`PlainAnalyzer` is Whoosh's own analysis that makes plain terms (queries, highlighting).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.analysis import STOP_WORDS, Filter, StandardAnalyzer, Token
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem as porter_stem

# Whoosh's token pattern ([\w\*]+(\.?[\w\*]+)*, re.UNICODE) with its group made non-capturing
# for `findall`. Tokens never contain whitespace, so tokenizing each whitespace-separated chunk
# gives the same tokens as tokenizing the whole text.
_TOKEN = re.compile(default_pattern.pattern.replace("(", "(?:"), default_pattern.flags)
assert _TOKEN.groups == 0
_findall = _TOKEN.findall

STOPS: frozenset[str] = frozenset(STOP_WORDS)
MINSIZE = 2  # StopFilter's default minsize, applied to the *lowercased* word
# StopFilter's maxsize, which the schema gives its StemmingAnalyzer (`StemmingAnalyzer(maxsize=…)`):
# a longer token (a 5 MB "word", a base64 blob) is dropped as a stop word is, so no term, spelling
# word or side array ever grows with the input (the text stays stored, found by its other words).
MAXSIZE = 64
CACHE_SIZE = 100_000
CACHE_CHUNK_CHARS = 1_000
# The mark before a plain (unstemmed) term: no token holds it (tokens are [\w*] and dots), and
# Sphinx's own mark of exact word forms is the same.
PLAIN_MARK = "="
ENGLISH_STEMMED = frozenset({"en", ""})  # the languages stemmed as English ("": not detected)


def stems_english(language: str | None) -> bool:
    """Whether an article in `language` (an ISO 639-1 code, the language facet's value) has its
    words stemmed as English; any other language's words are indexed as plain terms."""
    return (language or "") in ENGLISH_STEMMED


# Process-wide numbering of the words (lowercased tokens that are kept) met so far, and of their
# terms: a word's term (its stem) depends on the word alone. Ids only grow, so arrays of ids stay
# valid for the process's life; the vocabulary bounds their number.
_word_ids: dict[str, int] = {}
_term_ids: dict[str, int] = {}
WORDS: list[str] = []          # word id -> word
TERMS: list[str] = []          # term id -> term
_WORD_TERM: list[int] = []     # word id -> term id
_WORD_PLAIN: list[int] = []    # word id -> the term id of its plain term (-1 until first needed)


def _term_id(term: str) -> int:
    """The id of a term, numbering it when new."""
    term_id = _term_ids.setdefault(term, len(TERMS))
    if term_id == len(TERMS):
        TERMS.append(term)
    return term_id


def _number(word: str) -> int:
    """The id of a kept word, numbering it (and its term) when new."""
    found = _word_ids.get(word)
    if found is None:
        term_id = _term_id(porter_stem(word))
        found = _word_ids[word] = len(WORDS)
        WORDS.append(word)
        _WORD_TERM.append(term_id)
        _WORD_PLAIN.append(-1)
    return found


class _ChunkCache(dict[str, tuple[int, ...]]):
    """Whitespace-separated chunk -> the word id of each of its tokens (-1 where StopFilter
    drops it: a stop word, under 2 or over 64 letters once lowercased, as "İ" is not); emptied when full.
    A chunk longer than any kept word could be is not remembered (it would hold its memory)."""

    def __missing__(self, chunk: str) -> tuple[int, ...]:
        if len(self) >= CACHE_SIZE:
            self.clear()
        ids = tuple(-1 if not MINSIZE <= len(word := token.lower()) <= MAXSIZE or word in STOPS else _number(word)
                    for token in _findall(chunk))
        if len(chunk) <= CACHE_CHUNK_CHARS:
            self[chunk] = ids
        return ids


_chunk_words = _ChunkCache().__getitem__


def indexed_words(text: str) -> tuple[NDArray[np.int32], int]:
    """The ids of the words of `text` that are indexed, in order, and the position of the first.

    As StopFilter(renumber=True) does, the first kept word keeps its token number (dropped
    words before it count) and each later kept word takes the next number.
    """
    ids = np.fromiter(chain.from_iterable(map(_chunk_words, text.split())), dtype=np.int32)
    kept = ids >= 0
    return ids[kept], int(kept.argmax()) if len(ids) else 0


def terms_of_words(word_ids: NDArray[np.int32], stemmed: bool = True) -> NDArray[np.int32]:
    """The term id of each word id: its English stem's, or (not `stemmed`) its plain term's."""
    if stemmed:
        return np.asarray(_WORD_TERM, dtype=np.int32)[word_ids]
    found = np.asarray(_WORD_PLAIN, dtype=np.int32)[word_ids]
    new = np.unique(word_ids[found < 0])
    if len(new):  # a Python step per word never seen in a plain article before
        for word_id in new.tolist():
            _WORD_PLAIN[word_id] = _term_id(PLAIN_MARK + WORDS[word_id])
        found = np.asarray(_WORD_PLAIN, dtype=np.int32)[word_ids]
    return found


def analyze(text: str, stemmed: bool = True) -> dict[str, list[int]]:
    """Each indexed term -> its positions, ascending: stemmed, as Whoosh's StemmingAnalyzer makes
    them, or (not `stemmed`) plain terms, as `PlainAnalyzer` makes them."""
    ids, first = indexed_words(text)
    poses: dict[str, list[int]] = {}
    for position, term_id in enumerate(terms_of_words(ids, stemmed).tolist(), start=first):
        poses.setdefault(TERMS[term_id], []).append(position)
    return poses


class PlainMarkFilter(Filter):
    """Whoosh filter putting `PLAIN_MARK` before each token's text (it makes plain terms)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = PLAIN_MARK + token.text
            yield token


def PlainAnalyzer() -> Any:  # noqa: N802  # named as Whoosh's analyzers, which are functions too
    """Whoosh's analysis of a non-English article's words: StemmingAnalyzer's without the stemmer
    (same tokens, stop words and sizes), each term marked as plain. Queries are parsed with it
    too, and highlighting marks a non-English article's words with it."""
    return StandardAnalyzer(maxsize=MAXSIZE) | PlainMarkFilter()


class MeasuredText(str):
    """A text carrying its field length (its number of indexed terms), so Whoosh need not analyse it."""

    length: int

    def __new__(cls, text: str, length: int) -> MeasuredText:
        self = super().__new__(cls, text)
        self.length = length
        return self


def length_of(text: str) -> int:
    """The number of terms Whoosh indexes for `text` (its field length)."""
    return text.length if isinstance(text, MeasuredText) else len(indexed_words(text)[0])
