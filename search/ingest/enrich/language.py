"""An article's language: the one its source gives (`Article.metadata["language"]`: a JSON/CSV
column, an HTML page's `lang`, a feed's language), else detected from its text by py3langid.

py3langid (a maintained fork of langid.py, BSD, offline: its model ships inside the package) is
a naive Bayes classifier over byte n-grams. What is done here, and why:

* restricted to the languages with an ISO 639-1 code (the facet's values are those codes), less
  the constructed ones (Volapük, Ido, Interlingua, Interlingue): news is not written in them, and
  terse all-capitals wire copy was sometimes taken for Volapük;
* the text is lowercased: wire copy in capitals ("U.S. TRADE DEFICIT WIDENS") otherwise reads as
  another language about one time in fifty (Danish, Slovene); lowercased, none of 2,000
  Reuters-21578 articles is;
* only the first `SAMPLE_CHARS` characters are read: enough for a news text, and the cost grows
  with the length (0.25 ms an article at 300 characters, 0.4 ms at 600, on the project's machine);
* a text that is plainly English is taken as English without the model: among its first words
  (at least `MIN_WORDS`), English function words ("the", "of", "and", "said", …: the classic
  evidence of language identification) make at least `MIN_FUNCTION_SHARE` and one of them is a
  word no other language writes so (`ENGLISH_ANCHORS`: "the", "and", "said", "with", …; not
  "in", "is", "was", "to", "for", "at", which Dutch, German or Danish also write). 78 % of the
  Reuters-21578 articles pass (72 % with "the" as the only anchor; wire copy in figures and
  abbreviations does not), 80 % of Wikinews, 98 % of Kremlin and 99.9 % of UN texts, and the
  model agreed on every one of them (20,718 articles); no French, German, Spanish, Dutch,
  Danish, Swedish or Russian sentence of the tests comes near. The model's tables (28 MB), read
  at random rows, also slow the other extractors by evicting their data from the CPU caches:
  each article that skips the model saves more than the model's own time.

The model (28 MB) is loaded on the first detection in a process (about a second), not on import.
"""

from __future__ import annotations

import re
import threading
from collections import Counter

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from search.model import Article

ENGLISH = "en"
SAMPLE_CHARS = 300
ENGLISH_FUNCTION_WORDS = frozenset("the of and to in is that for was with said it by from has have are were this at be "
                                   "which".split())
# Function words that are a word of English only (as written in lower case): one of them must be
# among the first words. ("the" alone, before: wire copy like "X Corp, a unit of Y, said it is ..."
# went to the model for want of it.)
ENGLISH_ANCHORS = frozenset("the and said with which were this from".split())
MIN_WORDS = 8
MIN_FUNCTION_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")
CONSTRUCTED = frozenset({"vo", "io", "ia", "ie"})
_GIVEN = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$")  # "en", "en-GB", "pt_BR", "zh-Hant-TW"

WALK_MEMO_SIZE = 50_000  # (state, word) entries, about 10 MB when full; emptied when full


class _Identifier(LanguageIdentifier):
    """py3langid's identifier with its one vector-matrix product done without BLAS, and its walk
    of the n-gram automaton remembered word by word.

    py3langid scores a text as `log1p(counts) @ table[features]`, a product of a few hundred
    rows: NumPy hands it to OpenBLAS, whose threads (one per core) then compete with the other
    indexing worker for the 2 cores and spin while waiting. In the indexing workers that made
    detection cost 0.6 ms an article instead of 0.1 ms; summed row by row here, it costs what
    it does in one process. (py3langid's `_sparse_score`, same arguments, same result.)

    py3langid finds the features by walking a 38 MB automaton byte by byte in Python: a few
    random reads of memory a byte, mostly cache misses. Which states and features a word (with
    the space after it) goes through depends only on the state it starts in, so `_walk` remembers
    that per (state, word): the texts that reach the model are mostly wire copy in figures and
    abbreviations, whose words recur ("net", "vs", "cts", "mln"). The features come out in the
    same order as py3langid's walk, so the counts and the scores are the same to the bit."""

    def _raw_score(self, text: bytes) -> np.ndarray:
        visits = _walk(self, text)
        if visits is None:
            return super()._raw_score(b"")  # py3langid's score of a text without features
        return self._sparse_score(visits, self.nb_ptc)

    def _sparse_score(self, visits: dict[int, int], table: np.ndarray) -> np.ndarray:
        idx = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
        weights = np.log1p(np.fromiter(visits.values(), dtype=np.float32, count=len(visits)))
        rows = table[idx].astype(np.float32)
        rows *= weights[:, None]
        return rows.sum(axis=0) + self.nb_pc


_walks: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}  # (state, word) -> (state after, features)


def _walk(identifier: LanguageIdentifier, text: bytes) -> Counter[int] | None:
    """py3langid's `visit_counts` (feature -> count, in order of first visit; None for none),
    walking each word of `text` with the space after it once per start state (`_walks`)."""
    nextmove, rowbase, output = identifier.tk_nextmove, identifier._rowbase, identifier.tk_output
    state, features = 0, list[int]()
    words = text.split(b" ")
    for i, word in enumerate(words):
        key = (state, word + b" " if i < len(words) - 1 else word)
        walked = _walks.get(key)
        if walked is None:
            walk_state, found = state, list[int]()
            for byte in key[1]:
                walk_state = nextmove[rowbase[walk_state] + byte]
                if output[walk_state] >= 0:
                    found.append(output[walk_state])
            if len(_walks) >= WALK_MEMO_SIZE:
                _walks.clear()
            walked = _walks[key] = (walk_state, tuple(found))
        state = walked[0]
        features.extend(walked[1])
    return Counter(features) if features else None


_identifier: LanguageIdentifier | None = None
_lock = threading.Lock()


def _loaded() -> LanguageIdentifier:
    global _identifier
    with _lock:
        if _identifier is None:
            identifier = _Identifier.from_model_file(MODEL_FILE)
            identifier.set_languages([code for code in identifier.labels
                                      if len(code) == 2 and code not in CONSTRUCTED])
            # set_languages leaves strided column views; contiguous copies make classify ~1.7× faster
            identifier.nb_ptc = np.ascontiguousarray(identifier.nb_ptc)
            identifier.nb_pc = np.ascontiguousarray(identifier.nb_pc)
            _identifier = identifier
    return _identifier


def given_language(values: list[str]) -> str:
    """The ISO 639-1 code of a language the source names ("en-GB" → "en"), or "" for none or a
    value that is no such code (then the language is detected)."""
    for value in values:
        found = _GIVEN.match(value.strip().lower())
        if found:
            return found.group(1)
    return ""


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in; "" for a text without letters."""
    sample = text[:SAMPLE_CHARS].lower()
    words = _WORD.findall(sample)
    if not words:
        return ""
    if plainly_english(words):
        return ENGLISH
    return str(_loaded().classify(sample)[0])


def plainly_english(words: list[str]) -> bool:
    """Whether lowercased `words` are plainly English: enough of them, English function words
    among them at `MIN_FUNCTION_SHARE` or more, one of `ENGLISH_ANCHORS` among them."""
    if len(words) < MIN_WORDS or ENGLISH_ANCHORS.isdisjoint(words):
        return False
    return sum(word in ENGLISH_FUNCTION_WORDS for word in words) >= MIN_FUNCTION_SHARE * len(words)


def article_language(article: Article) -> str:
    """The article's language: given by its source, else detected."""
    return given_language(article.metadata.get("language", [])) or detect_language(article.text)


def is_english(language: str) -> bool:
    """Whether the English-only extractors (people, organisations, themes) apply: English, or unknown."""
    return language in (ENGLISH, "")
