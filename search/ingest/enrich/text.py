"""Offline text primitives shared by the extractors: abbreviations, accent folding, stems.

Only NLTK parts that need no downloaded data are used: the Snowball stemmer (a test runs the
whole pipeline with `NLTK_DATA` pointing at an empty folder).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain

from nltk.stem.snowball import SnowballStemmer

# Abbreviations after which a period does not end a sentence (lower case, no final period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt gov sen rep rev hon pres
    u.s u.k u.n e.u u.s.a d.c no vol fig approx est inc ltd corp co bros dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    a.m p.m e.g i.e etc vs al
    """.split()
)

_stemmer = SnowballStemmer("english")


def strip_accents(text: str) -> str:
    """`text` without its accents and other combining marks ("Erdoğan" → "Erdogan", "São" → "Sao"),
    so that a name written without them is still found."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball (English) stem of a word, lower-cased."""
    return _stemmer.stem(word.lower())


_TERM = re.compile(r"[^\W_]+")  # stdlib `re`: several times faster here than NLTK's `regex`-based tokenizer
CHUNK_CACHE_SIZE = 250_000  # about 55 MB when full; emptied and refilled 2.5 times as often at 100k: 1 % more time


class _ChunkStems(dict[str, tuple[str, ...]]):
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
