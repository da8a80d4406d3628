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

Only English articles (and those whose language is unknown) are stemmed by Porter: another
language's words get its own Snowball stemmer or none, their terms marked so that no analysis
meets another (search/index/languages.py). A word id maps to one term per analysis
(`terms_of_words`), and `analyzer_for` is Whoosh's own analyzer of each (queries, highlighting).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.analysis import STOP_WORDS, Filter, StandardAnalyzer, StemFilter, StemmingAnalyzer, Token
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem as porter_stem

from search.index.arrays import sorted_unique
from search.index.languages import ENGLISH, PLAIN, mark, term_of

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


# Process-wide numbering of the words (lowercased tokens that are kept) met so far, and of their
# terms: a word's term (its stem) depends on the word alone. Ids only grow, so arrays of ids stay
# valid for the process's life; the vocabulary bounds their number.
_word_ids: dict[str, int] = {}
_term_ids: dict[str, int] = {}
WORDS: list[str] = []          # word id -> word
TERMS: list[str] = []          # term id -> term
_WORD_TERM: list[int] = []     # word id -> term id
# The same as arrays, grown as words are numbered (converting the whole list at each look-up cost
# milliseconds once the vocabulary had 100,000 words): word id -> English term id, and per other
# analysis, word id -> term id (-1 until first needed).
_word_term = np.zeros(0, dtype=np.int32)
_WORD_OTHER: dict[str, NDArray[np.int32]] = {}


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
    # (a list converted at once: `np.fromiter` over the chained tuples took a sixth more time)
    ids = np.array(list(chain.from_iterable(map(_chunk_words, text.split()))), dtype=np.int32)
    kept = ids >= 0
    return ids[kept], int(kept.argmax()) if len(ids) else 0


def _english_terms() -> NDArray[np.int32]:
    """`_WORD_TERM` as an array, extended by the words numbered since the last call. (Threads may
    extend it at once: each result is a prefix of the list, which only grows.)"""
    global _word_term
    table, known = _word_term, len(_WORD_TERM)
    if len(table) < known:
        table = _word_term = np.concatenate([table, np.asarray(_WORD_TERM[len(table):known], dtype=np.int32)])
    return table


def terms_of_words(word_ids: NDArray[np.int32], analysis: str = ENGLISH) -> NDArray[np.int32]:
    """The term id of each word id in `analysis` (search/index/languages.py; English stems by default)."""
    if analysis == ENGLISH:
        return _english_terms()[word_ids]
    table = _WORD_OTHER.get(analysis, np.zeros(0, dtype=np.int32))
    if len(table) < len(WORDS):
        table = _WORD_OTHER[analysis] = np.concatenate([table, np.full(len(WORDS) - len(table), -1, dtype=np.int32)])
    found = table[word_ids]
    new = sorted_unique(word_ids[found < 0])
    if len(new):  # a Python step per word never seen in this analysis before
        for word_id in new.tolist():
            table[word_id] = _term_id(term_of(analysis, WORDS[word_id]))
        found = table[word_ids]
    return found


def analyze(text: str, analysis: str = ENGLISH) -> dict[str, list[int]]:
    """Each indexed term -> its positions, ascending, as `analyzer_for(analysis)` makes them
    (by default English stems, as Whoosh's StemmingAnalyzer)."""
    ids, first = indexed_words(text)
    poses: dict[str, list[int]] = {}
    for position, term_id in enumerate(terms_of_words(ids, analysis).tolist(), start=first):
        poses.setdefault(TERMS[term_id], []).append(position)
    return poses


class MarkFilter(Filter):
    """Whoosh filter putting a mark (`languages.mark`) before each token's text."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = self.prefix + token.text
            yield token


@cache
def analyzer_for(analysis: str) -> Any:
    """Whoosh's analyzer of `analysis`: the schema's StemmingAnalyzer for English; for another,
    the same tokens, stop words and sizes, that language's Snowball stemmer (none for `PLAIN`),
    and the analysis's mark. Queries are parsed with these, and highlighting marks an article's
    words with its own."""
    if analysis == ENGLISH:
        return StemmingAnalyzer(maxsize=MAXSIZE)
    steps = StandardAnalyzer(maxsize=MAXSIZE)
    if analysis != PLAIN:
        steps = steps | StemFilter(lang=analysis)
    return steps | MarkFilter(mark(analysis))


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
