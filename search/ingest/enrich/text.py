"""Offline text primitives shared by the extractors: sentences, word spans, stems.

Only NLTK parts that need no downloaded data are used (DEVELOPERS.md): a Punkt sentence
splitter built from our own abbreviation list, a `RegexpTokenizer`, the Snowball stemmer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# Abbreviations after which a period does not end a sentence (lower case, no final period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt gov sen rep rev hon pres
    u.s u.k u.n e.u u.s.a d.c no vol fig approx est inc ltd corp co bros dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    a.m p.m e.g i.e etc vs al
    """.split()
)

_WORD_PATTERN = r"\w+(?:[-'’.]\w+)*"


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_word_tokenizer = RegexpTokenizer(_WORD_PATTERN)
_stemmer = SnowballStemmer("english")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in `text` (newlines always end a sentence)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            spans.extend((start + a, start + b) for a, b in _sentence_tokenizer().span_tokenize(line))
        start += len(line) + 1
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of `text`, in order."""
    return [text[a:b] for a, b in sentence_spans(text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words in `text` (letters/digits, inner hyphens and apostrophes kept)."""
    return list(_word_tokenizer.span_tokenize(text))


def words(text: str) -> list[str]:
    """The words of `text`, in order."""
    return _word_tokenizer.tokenize(text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball (English) stem of a word, lower-cased."""
    return _stemmer.stem(word.lower())


_TERM = re.compile(r"[^\W_]+")  # stdlib `re`: several times faster here than NLTK's `regex`-based tokenizer
CHUNK_CACHE_SIZE = 100_000


class _ChunkStems(dict):
    """Whitespace-separated chunk -> the stems of its alphanumeric runs; emptied when full.
    (Runs never span whitespace, so stemming chunk by chunk gives the whole text's stems.)"""

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if len(self) >= CHUNK_CACHE_SIZE:
            self.clear()
        stems = self[chunk] = tuple(map(stem, _TERM.findall(chunk)))
        return stems


_chunk_stems = _ChunkStems().__getitem__


def terms(text: str) -> list[str]:
    """Stems of the alphanumeric runs in `text` ("cyber-attacks" → "cyber", "attack")."""
    return list(chain.from_iterable(map(_chunk_stems, text.split())))
