""""Did you mean" corrections from the index's own vocabulary of unstemmed words.

Each segment keeps the lowercased words of its titles and bodies with the number of articles
that have each (search/postings.py). A correction is the known word nearest to the typed one
(edit distance 1, else 2, found by walking Whoosh's Levenshtein automata over the sorted
vocabulary), the most common one among equally near words. A correction keeps at least half of
the typed word's letters (at most `len(word) // 2` edits): otherwise a short word, or one in a
script the vocabulary lacks ("石油"), would be "corrected" into any short word ("he"). (Whoosh's
own `ListCorrector` misses words: its skipping lookup only moves forward, so it is not used.)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray
from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton

MAX_DISTANCE = 2


class Vocabulary:
    """The sorted words of an index version and the number of articles that have each."""

    def __init__(self, words: list[str], documents: NDArray[np.int64]) -> None:
        self.words = words
        self.documents = documents

    @classmethod
    def combine(cls, parts: Iterable[tuple[NDArray[np.bytes_], NDArray[np.int32]]]) -> Vocabulary:
        """One vocabulary from per-segment (sorted UTF-8 words, article counts) arrays."""
        parts = [(words, counts) for words, counts in parts if len(words)]
        if not parts:
            return cls([], np.zeros(0, dtype=np.int64))
        distinct, which = np.unique(np.concatenate([w for w, _ in parts]), return_inverse=True)
        documents = np.bincount(which, weights=np.concatenate([c for _, c in parts])).astype(np.int64)
        return cls([w.decode("utf-8") for w in distinct.tolist()], documents)

    def _index(self, word: str) -> int | None:
        i = bisect_left(self.words, word)
        return i if i < len(self.words) and self.words[i] == word else None

    def _first_from(self, word: str) -> str | None:
        """The first known word at or after `word` in sorted order (what the automaton walk asks)."""
        i = bisect_left(self.words, word)
        return self.words[i] if i < len(self.words) else None

    def correct(self, word: str) -> str | None:
        """The nearest, most common known word other than `word` (lowercase) that keeps at least
        half of its letters, or None."""
        for distance in range(1, min(MAX_DISTANCE, len(word) // 2) + 1):
            automaton = levenshtein_automaton(word, distance, 0).to_dfa()
            near: list[str] = [w for w in find_all_matches(automaton, self._first_from) if w != word]
            if near:
                return min(near, key=lambda w: (-int(self.documents[self._index(w)]), w))
        return None
