"""Term postings of the text fields as NumPy arrays on disk, one folder per segment.

Whoosh 2.7 stores each block of postings as a zlib'd pickle that also holds the positions, so
reading the postings of a common word or of a prefix's hundreds of expansions costs tens to
hundreds of milliseconds at 100k articles, and phrases step Whoosh's span matchers document by
document. A segment never changes once written, so its `title` and `body` postings are also
kept as flat arrays in `<index>/postings/<segment id>/` and memory-mapped: a term is a binary
search in the sorted term array, its postings one slice, a prefix's expansions one contiguous
slice, and a phrase an intersection of (document, position) keys.

The worker that writes a segment saves its arrays from the analysis it indexed (nearly free);
a segment written or merged elsewhere is read from its Whoosh postings on first use and saved
then (`segment_postings`). The arrays hold every document of the segment, deleted or not.
tests/test_matching.py checks both ways of making them against Whoosh's own postings and answers.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.reading import IndexReader

from .analysis import terms_of, words
from .schema import TEXT_FIELDS

log = logging.getLogger(__name__)

POSTINGS_DIR = "postings"
_ARRAYS = ("terms", "starts", "docs", "pos_starts", "positions")


def ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The concatenation of `arange(s, e)` for each pair of `starts` and `ends`, without a loop."""
    starts, ends = starts.astype(np.int64), ends.astype(np.int64)
    lengths = ends - starts
    before = np.cumsum(lengths) - lengths
    return np.repeat(starts - before, lengths) + np.arange(lengths.sum(), dtype=np.int64)


@dataclass(frozen=True)
class FieldPostings:
    """One field's postings in one segment. Term i's postings are `docs[starts[i]:starts[i+1]]`
    (ascending); posting j's positions are `positions[pos_starts[j]:pos_starts[j+1]]`, so its
    frequency is their number (Whoosh's weight is the frequency times the field's boost)."""

    terms: np.ndarray       # sorted UTF-8 terms (fixed-width bytes)
    starts: np.ndarray      # int64, len(terms) + 1
    docs: np.ndarray        # int32 segment-local document numbers
    pos_starts: np.ndarray  # uint32 (int64 past 4G positions), len(docs) + 1
    positions: np.ndarray   # int32

    def find(self, term: bytes | str) -> int | None:
        """The index of `term`, or None when the segment does not have it."""
        term = term.encode("utf-8") if isinstance(term, str) else term
        if not len(self.terms) or len(term) > self.terms.dtype.itemsize:
            return None
        i = int(np.searchsorted(self.terms, np.array([term]))[0])
        return i if i < len(self.terms) and self.terms[i] == term else None

    def prefix_range(self, prefix: bytes) -> tuple[int, int]:
        """The indexes [lo, hi) of the terms that start with `prefix`."""
        if not prefix:
            return 0, len(self.terms)
        if len(prefix) > self.terms.dtype.itemsize:
            return 0, 0
        upper = prefix[:-1] + bytes([prefix[-1] + 1])  # UTF-8 has no 0xFF byte: no overflow
        lo, hi = np.searchsorted(self.terms, np.array([prefix, upper]))
        return int(lo), int(hi)

    def postings(self, term_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(documents, frequencies) of the terms `term_ids` (ascending), term by term."""
        if term_ids[-1] - term_ids[0] + 1 == len(term_ids):  # one term or a prefix: one slice
            first, last = int(self.starts[term_ids[0]]), int(self.starts[term_ids[-1] + 1])
            return self.docs[first:last], np.diff(self.pos_starts[first:last + 1].astype(np.int64))
        index = ranges(self.starts[term_ids], self.starts[term_ids + 1])
        return self.docs[index], self.pos_starts[index + 1].astype(np.int64) - self.pos_starts[index]

    def occurrences(self, term: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """(document, position) of every occurrence of `term`, or None when the segment lacks it."""
        i = self.find(term)
        if i is None:
            return None
        first, last = int(self.starts[i]), int(self.starts[i + 1])
        offsets = self.pos_starts[first:last + 1].astype(np.int64)
        positions = self.positions[offsets[0]:offsets[-1]]
        return np.repeat(self.docs[first:last], np.diff(offsets)), positions


def phrase_docs(segments: list[tuple[FieldPostings, int]], words: list[bytes]) -> np.ndarray:
    """The documents (numbered from each segment's offset) where `words` occur at consecutive
    positions, found once over all segments: only documents with every word are looked at, each
    occurrence of word k at position p is keyed (document, p - k), and a phrase starts where
    every word has the same key."""
    occurrences = []
    for word in words:
        found = [(o[0].astype(np.int64) + offset, o[1]) for field, offset in segments
                 if (o := field.occurrences(word)) is not None]
        if not found:
            return np.zeros(0, dtype=np.int64)
        occurrences.append((np.concatenate([d for d, _ in found]), np.concatenate([p for _, p in found])))
    candidate = np.ones(max(int(docs[-1]) for docs, _ in occurrences) + 1, dtype=bool)
    for docs, _ in occurrences:
        present = np.zeros_like(candidate)
        present[docs] = True
        candidate &= present
    keys = None
    for k, (docs, positions) in enumerate(occurrences):
        keep = candidate[docs]
        key = docs[keep] << 32 | (positions[keep].astype(np.int64) - k + len(words))
        keys = key if keys is None else np.intersect1d(keys, key, assume_unique=True)
    return np.unique(keys >> 32)


@dataclass(frozen=True)
class SegmentPostings:
    """A segment's text postings per field, and its spelling vocabulary: the unstemmed words of
    its titles and bodies (sorted UTF-8) with the number of documents that have each."""

    fields: dict[str, FieldPostings]
    words: np.ndarray
    word_docs: np.ndarray


def _bytes_array(sorted_bytes: list[bytes]) -> np.ndarray:
    """Byte strings as one fixed-width array, as wide as the longest (searchable with searchsorted)."""
    return np.array(sorted_bytes, dtype=f"S{max(map(len, sorted_bytes), default=1)}")


def _vocabulary(counts: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
    words = sorted(w.encode("utf-8") for w in counts)
    return _bytes_array(words), np.array([counts[w.decode("utf-8")] for w in words], dtype=np.int32)


def _build(found: dict[bytes, tuple[list[int], list[list[int]]]]) -> FieldPostings:
    """Arrays from term -> (documents ascending, positions of each)."""
    terms = sorted(found)
    counts = [len(found[t][0]) for t in terms]
    docs = [d for t in terms for d in found[t][0]]
    per_posting = [p for t in terms for p in found[t][1]]
    lengths = np.fromiter((len(p) for p in per_posting), dtype=np.int64, count=len(per_posting))
    pos_starts = np.concatenate([[0], np.cumsum(lengths)])
    return FieldPostings(
        terms=_bytes_array(terms),
        starts=np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]),
        docs=np.array(docs, dtype=np.int32),
        pos_starts=pos_starts.astype(np.uint32) if pos_starts[-1] < 2**32 else pos_starts,  # half the bytes
        positions=np.fromiter((p for ps in per_posting for p in ps), dtype=np.int32, count=int(lengths.sum())),
    )


class PostingsBuilder:
    """Collects the analysed text fields of documents numbered 0, 1, … as they are indexed."""

    def __init__(self) -> None:
        self._found: dict[str, dict[str, tuple[list[int], list[list[int]]]]] = {
            name: defaultdict(lambda: ([], [])) for name in TEXT_FIELDS}
        self._words: Counter[str] = Counter()

    def add(self, docnum: int, texts: dict[str, str]) -> None:
        """Record one document's text fields, analysed as Whoosh indexes them (see `analysis`)."""
        for field, text in texts.items():
            found = self._found[field]
            for term, positions in terms_of(text).items():
                docs, poses = found[term]
                docs.append(docnum)
                poses.append(positions)
        self._words.update(set().union(*map(words, texts.values())))

    def field_terms(self, field: str) -> dict[str, tuple[list[int], list[list[int]]]]:
        """Each term of `field` so far -> (its documents in order, the positions in each)."""
        return self._found[field]

    def build(self) -> SegmentPostings:
        """The arrays of every text field and the vocabulary."""
        return SegmentPostings({name: _build({t.encode("utf-8"): v for t, v in found.items()})
                                for name, found in self._found.items()}, *_vocabulary(self._words))


def from_reader(segment_reader: IndexReader) -> SegmentPostings:
    """A segment's text postings read from Whoosh, and its vocabulary from the stored text
    (every document, deleted or not)."""
    result = {}
    for name in TEXT_FIELDS:
        found: dict[bytes, tuple[list[int], list[list[int]]]] = {}
        for term in segment_reader.lexicon(name):
            matcher = segment_reader.postings(name, term)
            matcher = getattr(matcher, "child", matcher)  # unwrap the deletion filter
            docs, poses = found.setdefault(term, ([], []))
            while matcher.is_active():
                docs.append(matcher.id())
                poses.append(list(matcher.value_as("positions")))
                matcher.next()
        result[name] = _build(found)
    vocabulary: Counter[str] = Counter()
    for docnum in range(segment_reader.doc_count_all()):
        stored = segment_reader.stored_fields(docnum)
        vocabulary.update(set().union(*(words(stored.get(name) or "") for name in TEXT_FIELDS)))
    return SegmentPostings(result, *_vocabulary(vocabulary))


def _folder(index_dir: Path, segment_id: str) -> Path:
    return index_dir / POSTINGS_DIR / segment_id


def save(index_dir: Path, segment_id: str, postings: SegmentPostings) -> None:
    """Write a segment's arrays (atomically); a read-only index folder is logged, not an error."""
    folder = _folder(index_dir, segment_id)
    partial = folder.with_name(f"{segment_id}.{os.getpid()}.tmp")
    try:
        partial.mkdir(parents=True, exist_ok=True)
        for name, field in postings.fields.items():
            for array in _ARRAYS:
                np.save(partial / f"{name}.{array}.npy", getattr(field, array))
        np.save(partial / "words.npy", postings.words)
        np.save(partial / "word_docs.npy", postings.word_docs)
        partial.replace(folder)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if not folder.is_dir():
            log.warning("cannot save the postings of segment %s in %s: %s", segment_id, index_dir, exc)


def _mapped(path: Path) -> np.ndarray:
    """A saved array, memory-mapped, as a plain ndarray view (indexing an `np.memmap` costs
    Python-level wrapping on every slice)."""
    return np.asarray(np.load(path, mmap_mode="r"))


def load(index_dir: Path, segment_id: str) -> SegmentPostings | None:
    """A segment's saved arrays, memory-mapped, or None when there are none (or they are unreadable)."""
    folder = _folder(index_dir, segment_id)
    if not folder.is_dir():
        return None
    try:
        return SegmentPostings(
            {name: FieldPostings(*(_mapped(folder / f"{name}.{array}.npy") for array in _ARRAYS)) for name in TEXT_FIELDS},
            _mapped(folder / "words.npy"), _mapped(folder / "word_docs.npy"))
    except (OSError, ValueError) as exc:
        log.warning("ignoring the unreadable postings in %s: %s", folder, exc)
        return None


def segment_postings(index_dir: Path, segment_reader: IndexReader) -> SegmentPostings:
    """A segment's arrays: the saved ones, else read from Whoosh, saved, and memory-mapped."""
    segment_id = segment_reader.segment().segment_id()
    saved = load(index_dir, segment_id)
    if saved is not None:
        return saved
    built = from_reader(segment_reader)
    save(index_dir, segment_id, built)
    return load(index_dir, segment_id) or built


def prune(index_dir: Path, segment_ids: Iterable[str]) -> None:
    """Delete the saved arrays of segments that are no longer in the index."""
    keep = set(segment_ids)
    folder = index_dir / POSTINGS_DIR
    for path in folder.iterdir() if folder.is_dir() else []:
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
