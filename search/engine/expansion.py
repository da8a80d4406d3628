"""The words a wildcard, prefix, fuzzy term or term range stands for, found within a query budget.

Whoosh expands such a term by walking every term of every segment in Python (a regular
expression or a Levenshtein automaton per term, and again over all segments merged for
highlighting): 676 `*xy*` infixes took 53 s on 20k articles. Here each segment's sorted terms of a
field are read once into one newline-joined string (kept while the index version is in use), so
a wildcard is one run of a compiled regular expression over it, written so that it cannot
backtrack badly; a fuzzy term is a Levenshtein distance computed with NumPy for all the terms
that share its prefix at once; a prefix or range is a binary search. The semantics are Whoosh's
(fnmatch globs, Levenshtein distance after a shared prefix of `prefixlength` characters,
inclusive or exclusive bounds), tests/test_matching.py compares the documents found with its own.

A term expands to at most `budget.terms_left()` words, the most frequent ones (the number of
documents, summed over segments); the budget's clock is checked before each segment.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from search.engine.budget import QueryBudget
from search.engine.parsing import nodes
from search.index.languages import unmarked
from search.index.schema import TEXT_FIELDS
from search.index.snapshot import Snapshot

EXPANSIONS_KEPT = 1024  # expanded terms remembered per index version (the page asks again on each rerun)


@dataclass(frozen=True)
class Expansion:
    """The words a multi-term query stands for: per segment, the term numbers (title, body) or
    term texts (other fields) to match, and the words themselves, for highlighting."""

    per_segment: list[NDArray[np.int64]] | list[list[bytes]]
    words: list[str]
    trimmed: bool  # more words matched than were kept


@dataclass
class _Lexicon:
    """One segment's sorted terms of one field, and the same joined by newlines for regexes."""

    terms: Sequence[bytes] | NDArray[np.bytes_]  # sorted (a NumPy bytes array for title and body)
    frequency: NDArray[np.int64]           # documents per term
    _joined: str | None = None
    _starts: NDArray[np.int64] | None = None
    _codes: NDArray[np.uint32] | None = None

    def joined(self) -> tuple[str, NDArray[np.int64]]:
        """All terms as one string, each followed by a newline, and where each term starts in it."""
        if self._joined is None:
            listed = [bytes(t) for t in (self.terms.tolist() if isinstance(self.terms, np.ndarray) else self.terms)]
            joined = (b"\n".join(listed) + b"\n").decode("utf-8", "replace") if listed else ""
            newlines = np.flatnonzero(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32) == 10)
            if len(newlines) != len(listed):  # a term with a newline of its own (a facet value): shown as a space
                joined = "".join(t.decode("utf-8", "replace").replace("\n", " ") + "\n" for t in listed)
                newlines = np.flatnonzero(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32) == 10)
            self._joined, self._starts = joined, np.concatenate([[0], newlines + 1]).astype(np.int64)
        assert self._starts is not None
        return self._joined, self._starts

    def codes(self) -> NDArray[np.uint32]:
        """The joined string's characters as code points (for distances computed with NumPy)."""
        if self._codes is None:
            self._codes = np.frombuffer(self.joined()[0].encode("utf-32-le"), dtype=np.uint32)
        return self._codes


# per index version, keyed by its Whoosh searcher (dropped with it)
_lexicons: weakref.WeakKeyDictionary[object, dict[str, list[_Lexicon]]] = weakref.WeakKeyDictionary()
_expansions: weakref.WeakKeyDictionary[object, OrderedDict[str, Expansion]] = weakref.WeakKeyDictionary()


def _segment_lexicons(snap: Snapshot, field: str) -> list[_Lexicon]:
    """Each segment's lexicon of `field`, read on first use for this index version."""
    cache = _lexicons.setdefault(snap.searcher, {})
    if field not in cache:
        if field in TEXT_FIELDS:
            cache[field] = [_Lexicon(fp.terms, np.diff(fp.starts).astype(np.int64))
                            for fp, _ in snap.text_postings(field)]
        else:
            found = []
            for leaf, _ in snap.searcher.reader().leaf_readers():
                terms = list(leaf.lexicon(field)) if field in leaf.indexed_field_names() else []
                found.append(_Lexicon(terms, np.array([leaf.doc_frequency(field, t) for t in terms], dtype=np.int64)))
            cache[field] = found
    return cache[field]


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A regex that finds, in newline-joined terms, the whole terms matching the fnmatch glob
    `pattern` (`*`, `?`, `[seq]`, `[!seq]`). Each `*` but the last takes the shortest stretch up
    to the next fixed-length piece and gives nothing back (an atomic group), so the work stays
    linear in the length of a term however many stars there are."""
    pieces: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(pattern):
        char, i = pattern[i], i + 1
        if char == "*":
            pieces.append("".join(current))
            current = []
            while i < len(pattern) and pattern[i] == "*":
                i += 1
        elif char == "?":
            current.append(r"[^\n]")
        elif char == "[" and (end := pattern.find("]", i + 1 + (pattern[i:i + 1] == "!"))) > 0:
            inside = pattern[i:end].replace("\\", "\\\\")
            inside = "^" + inside[1:] if inside.startswith("!") else "\\" + inside if inside[0] == "^" else inside
            current.append(r"(?!\n)[" + inside + "]")
            i = end + 1
        else:
            current.append(re.escape(char))
    pieces.append("".join(current))
    if len(pieces) == 1:
        return re.compile("^" + pieces[0] + "$", re.MULTILINE)
    first, *middle, last = pieces
    return re.compile("^" + first + "".join(rf"(?>[^\n]*?{m})" for m in middle) + r"[^\n]*" + last + "$",
                      re.MULTILINE)


def _literal_prefix(pattern: str) -> str:
    """The characters before the first wildcard character (Whoosh's `_find_prefix`, without its
    off-by-one when there is none)."""
    return re.split(r"[*?\[]", pattern, maxsplit=1)[0]


def _prefix_range(lexicon: _Lexicon, prefix: str) -> tuple[int, int]:
    if not prefix:
        return 0, len(lexicon.terms)
    low = prefix.encode("utf-8")
    high = low[:-1] + bytes([low[-1] + 1])  # UTF-8 has no 0xFF byte: no overflow
    return bisect_left(lexicon.terms, low), bisect_left(lexicon.terms, high)


def _levenshtein(codes: NDArray[np.uint32], lengths: NDArray[np.int64], word: str) -> NDArray[np.int64]:
    """The Levenshtein distance to `word` of each candidate (a row of code points, zero-padded,
    and its length), for all candidates at once: the dynamic programme row by row over `word`,
    each row a few array operations; the insertions along a row are a running minimum."""
    steps = np.arange(codes.shape[1] + 1, dtype=np.int64)
    row = np.broadcast_to(steps, (len(codes), len(steps))).copy()
    for i, char in enumerate(word, 1):
        nxt = np.empty_like(row)
        nxt[:, 0] = i
        nxt[:, 1:] = np.minimum(row[:, :-1] + (codes != ord(char)), row[:, 1:] + 1)
        row = np.minimum.accumulate(nxt - steps, axis=1) + steps
    distance: NDArray[np.int64] = row[np.arange(len(codes)), lengths]
    return distance


def _fuzzy(lexicon: _Lexicon, q: nodes.FuzzyTerm) -> NDArray[np.int64]:
    """The terms within `q.maxdist` edits of `q.text` that start with its first `q.prefixlength`
    characters (Whoosh's Levenshtein automaton), among those of a length that could be."""
    prefix = q.text[:q.prefixlength]
    first, last = _prefix_range(lexicon, prefix)
    if first >= last:
        return np.zeros(0, dtype=np.int64)
    _, starts = lexicon.joined()
    skip = len(prefix)
    lengths = np.diff(starts[first:last + 1]) - 1 - skip  # of the part after the prefix
    rest = q.text[skip:]
    near = np.flatnonzero(np.abs(lengths - len(rest)) <= q.maxdist)
    if not len(near):
        return np.zeros(0, dtype=np.int64)
    width = int(lengths[near].max())
    columns = np.arange(width)
    at = starts[first + near][:, None] + skip + columns
    codes = np.where(columns < lengths[near][:, None], lexicon.codes()[np.minimum(at, len(lexicon.codes()) - 1)], 0)
    kept: NDArray[np.int64] = near[_levenshtein(codes, lengths[near], rest) <= q.maxdist] + first
    return kept


def _matches(lexicon: _Lexicon, q: nodes.MultiTerm) -> NDArray[np.int64]:
    """The numbers of the terms of one segment's lexicon that `q` stands for, ascending."""
    if isinstance(q, nodes.Prefix):
        return np.arange(*_prefix_range(lexicon, q.text), dtype=np.int64)
    if isinstance(q, nodes.TermRange):
        low = b"" if q.start is None else str(q.start).encode("utf-8")
        first = bisect_left(lexicon.terms, low)
        if q.startexcl and first < len(lexicon.terms) and bytes(lexicon.terms[first]) == low:
            first += 1
        if q.end is None:
            return np.arange(first, len(lexicon.terms), dtype=np.int64)
        high = str(q.end).encode("utf-8")
        return np.arange(first, (bisect_left if q.endexcl else bisect_right)(lexicon.terms, high), dtype=np.int64)
    if isinstance(q, nodes.FuzzyTerm):
        return _fuzzy(lexicon, q)
    # a wildcard: one regex run over the terms that share its literal prefix
    first, last = _prefix_range(lexicon, _literal_prefix(q.text))
    joined, starts = lexicon.joined()
    end = int(starts[last])  # (a pattern of stars alone also finds the empty "line" there)
    found = [at for m in _glob_regex(q.text).finditer(joined, int(starts[first]), end) if (at := m.start()) < end]
    return np.searchsorted(starts, np.asarray(found, dtype=np.int64), side="right") - 1


def _label(q: nodes.MultiTerm) -> str:
    """The term as the user wrote it, for notices (a plain term without its mark)."""
    if isinstance(q, nodes.FuzzyTerm):
        label = f"{q.text}~{q.maxdist}"
    elif isinstance(q, nodes.Prefix):
        label = f"{q.text}*"
    elif isinstance(q, nodes.TermRange):
        label = f"[{q.start or ''} TO {q.end or ''}]"
    else:
        label = str(getattr(q, "text", q))
    return unmarked(label)


def _texts(lexicon: _Lexicon, ids: NDArray[np.int64]) -> NDArray[np.bytes_]:
    if isinstance(lexicon.terms, np.ndarray):
        return np.asarray(lexicon.terms[ids])
    return np.array([lexicon.terms[int(i)] for i in ids] or [b""], dtype=np.bytes_)[:len(ids)]


def _expand(snap: Snapshot, q: nodes.MultiTerm, limit: int, budget: QueryBudget) -> Expansion | None:
    """The expansion of `q`, keeping its `limit` most frequent words; None if time ran out."""
    lexicons = _segment_lexicons(snap, q.fieldname)
    matched = []
    for lexicon in lexicons:
        if budget.expired():
            return None
        matched.append(_matches(lexicon, q))
    if not lexicons:
        return Expansion([], [], False)
    texts = [_texts(lexicon, ids) for lexicon, ids in zip(lexicons, matched, strict=True)]
    distinct, which = np.unique(np.concatenate(texts), return_inverse=True)
    frequency = np.bincount(which, minlength=len(distinct), weights=np.concatenate(
        [lexicon.frequency[ids] for lexicon, ids in zip(lexicons, matched, strict=True)]))
    kept = distinct[np.argsort(-frequency, kind="stable")[:limit]]
    chosen = [np.isin(segment_texts, kept) for segment_texts in texts]
    words = [bytes(t).decode("utf-8", "replace") for t in kept.tolist()]
    trimmed = len(distinct) > limit
    if q.fieldname in TEXT_FIELDS:
        return Expansion([ids[mask] for ids, mask in zip(matched, chosen, strict=True)], words, trimmed)
    return Expansion([[bytes(t) for t in segment_texts[mask].tolist()] for segment_texts, mask
                      in zip(texts, chosen, strict=True)], words, trimmed)


def expand(snap: Snapshot, q: nodes.MultiTerm, budget: QueryBudget) -> Expansion | None:
    """The words `q` stands for within `budget` (counted against it), or None when the budget
    has none left for it: then the term is left out of the query, and the budget says so."""
    limit = budget.terms_left()
    if limit == 0 or budget.expired():
        budget.leave_out(_label(q))
        return None
    known = _expansions.setdefault(snap.searcher, OrderedDict())
    key = f"{limit} {q!r}"
    expansion = known.pop(key, None) or _expand(snap, q, limit, budget)
    if expansion is None:
        budget.leave_out(_label(q))
        return None
    known[key] = expansion  # most recently used last
    while len(known) > EXPANSIONS_KEPT:
        known.popitem(last=False)
    budget.terms_used += len(expansion.words)
    budget.words[repr(q)] = expansion.words
    if expansion.trimmed:
        budget.trimmed.add(_label(q))
    return expansion
