"""Term postings of the text fields as NumPy arrays on disk, one folder per segment.

Title and body postings are kept only here, as flat arrays in `<index>/postings/<segment id>/`,
memory-mapped when searching: a term is a binary search in the sorted term array, its postings
one slice, a prefix's expansions one contiguous slice, and a phrase an intersection of
(document, position) keys. Whoosh 2.7 would store each block of postings as a zlib'd pickle
with the positions, slow to write (a third of indexing time) and to read (tens to hundreds of
milliseconds for a common word at 100k articles), so its segments keep only the fields' stored
text and lengths, and search/index/text_terms.py answers Whoosh's own term questions from these arrays.

The worker that writes a segment saves its arrays from the analysis it indexed (nearly free);
a segment written or merged elsewhere, or whose folder was deleted, gets them rebuilt from its
stored text on first use, saved then (`segment_postings`). The arrays hold every document of the
segment, deleted or not. tests/test_matching.py checks them against Whoosh's own postings and answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.reading import IndexReader

from search.index import side_files
from search.index.analysis import TERMS, WORDS, indexed_words, terms_of_words
from search.index.arrays import sorted_unique
from search.index.languages import ENGLISH, PLAIN_MARK, analysis_of
from search.index.mapped_arrays import load_npy
from search.index.schema import TEXT_FIELDS

POSTINGS_DIR = "postings"
_ARRAYS = ("terms", "starts", "docs", "pos_starts", "positions")


def ranges(starts: np.ndarray, ends: np.ndarray) -> NDArray[np.int64]:
    """The concatenation of `arange(s, e)` for each pair of `starts` and `ends`, without a loop."""
    starts, ends = starts.astype(np.int64), ends.astype(np.int64)
    lengths = ends - starts
    before = np.cumsum(lengths) - lengths
    return np.repeat(starts - before, lengths) + np.arange(lengths.sum(), dtype=np.int64)


WordCounts = tuple[NDArray[np.bytes_], NDArray[np.int32]]  # (words, documents per word)


@dataclass(frozen=True)
class FieldPostings:
    """One field's postings in one segment. Term i's postings are `docs[starts[i]:starts[i+1]]`
    (ascending); posting j's positions are `positions[pos_starts[j]:pos_starts[j+1]]`, so its
    frequency is their number (Whoosh's weight is the frequency times the field's boost)."""

    terms: NDArray[np.bytes_]      # sorted UTF-8 terms (fixed-width)
    starts: NDArray[np.int64]      # len(terms) + 1
    docs: NDArray[np.int32]        # segment-local document numbers
    pos_starts: np.ndarray         # uint32 (int64 past 4G positions), len(docs) + 1
    # the positions, or what reads them when first asked for (`positions`): only phrase and
    # proximity queries need a saved segment's, a third of its bytes (`_read`)
    stored_positions: NDArray[np.int32] | Callable[[], NDArray[np.int32]]

    @cached_property
    def positions(self) -> NDArray[np.int32]:
        """Every posting's positions, posting after posting."""
        stored = self.stored_positions
        return stored() if callable(stored) else stored

    def find(self, term: bytes | str) -> int | None:
        """The index of `term`, or None when the segment does not have it."""
        term = term.encode("utf-8") if isinstance(term, str) else term
        if not len(self.terms) or len(term) > self.terms.dtype.itemsize:
            return None
        i = int(np.searchsorted(self.terms, np.array([term]))[0])
        return i if i < len(self.terms) and self.terms[i] == term else None

    def postings(self, term_ids: np.ndarray) -> tuple[NDArray[np.int32], np.ndarray]:
        """(documents, frequencies) of the terms `term_ids` (ascending), term by term."""
        if term_ids[-1] - term_ids[0] + 1 == len(term_ids):  # one term or a prefix: one slice
            first, last = int(self.starts[term_ids[0]]), int(self.starts[term_ids[-1] + 1])
            return self.docs[first:last], np.diff(self.pos_starts[first:last + 1].astype(np.int64))
        index = ranges(self.starts[term_ids], self.starts[term_ids + 1])
        return self.docs[index], self.pos_starts[index + 1].astype(np.int64) - self.pos_starts[index]

    def occurrences(self, term: bytes) -> tuple[NDArray[np.int32], NDArray[np.int32]] | None:
        """(document, position) of every occurrence of `term`, or None when the segment lacks it."""
        i = self.find(term)
        if i is None:
            return None
        first, last = int(self.starts[i]), int(self.starts[i + 1])
        offsets = self.pos_starts[first:last + 1].astype(np.int64)
        positions = self.positions[offsets[0]:offsets[-1]]
        return np.repeat(self.docs[first:last], np.diff(offsets)), positions


def phrase_docs(segments: list[tuple[FieldPostings, int]], words: list[bytes]) -> NDArray[np.int64]:
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
    keys: NDArray[np.int64] | None = None
    for k, (docs, positions) in enumerate(occurrences):
        keep = candidate[docs]
        key = docs[keep] << 32 | (positions[keep].astype(np.int64) - k + len(words))
        keys = key if keys is None else np.intersect1d(keys, key, assume_unique=True)
    assert keys is not None  # `words` is never empty: `max` above would have raised
    return sorted_unique(keys >> 32)


@dataclass(frozen=True)
class SegmentPostings:
    """A segment's text postings per field, and its spelling vocabulary: the unstemmed words of
    its titles and bodies (sorted UTF-8) with the number of documents that have each."""

    fields: dict[str, FieldPostings]
    # (sorted UTF-8 words (fixed-width), documents per word), or what reads them when first
    # asked for: only spelling suggestions need a saved segment's (`_read`)
    stored_vocabulary: WordCounts | Callable[[], WordCounts]
    # the documents whose words are not analysed as English (search/index/languages.py), ascending;
    # saved only when there are any (arrays saved before languages were told apart have none)
    foreign_docs: NDArray[np.int32] = dataclass_field(default_factory=lambda: np.zeros(0, dtype=np.int32))

    @cached_property
    def _vocabulary(self) -> WordCounts:
        stored = self.stored_vocabulary
        return stored() if callable(stored) else stored

    @property
    def words(self) -> NDArray[np.bytes_]:
        """The segment's distinct words, sorted (UTF-8, fixed-width)."""
        return self._vocabulary[0]

    @property
    def word_docs(self) -> NDArray[np.int32]:
        """The number of documents with each of `words`."""
        return self._vocabulary[1]


def _bytes_array(sorted_bytes: list[bytes]) -> NDArray[np.bytes_]:
    """Byte strings as one fixed-width array, as wide as the longest (searchable with searchsorted)."""
    return np.array(sorted_bytes, dtype=f"S{max(map(len, sorted_bytes), default=1)}")


def _sorted_texts(ids: np.ndarray, names: list[str]) -> tuple[NDArray[np.bytes_], NDArray[np.int64]]:
    """The UTF-8 texts of distinct `ids`, sorted, as a fixed-width array, and the rank of each id's text."""
    texts = [names[i].encode("utf-8") for i in ids.tolist()]
    order = sorted(range(len(texts)), key=texts.__getitem__)
    rank = np.empty(len(texts), dtype=np.int64)
    rank[order] = np.arange(len(texts))
    return _bytes_array([texts[i] for i in order]), rank


def _terms_in_order(words_in_order: NDArray[np.int32], counts: NDArray[np.int64],
                    foreign: dict[str, list[int]]) -> np.ndarray:
    """The term id of each word: its English stem's, or in the documents `foreign[analysis]`
    (their indexes, ascending) the term of that analysis."""
    terms = terms_of_words(words_in_order)
    ends = np.cumsum(counts)
    for analysis, documents in foreign.items():
        index = ranges((ends - counts)[documents], ends[documents])
        terms[index] = terms_of_words(words_in_order[index], analysis)
    return terms


def _field_postings(word_ids: list[NDArray[np.int32]], docs: list[int], firsts: list[int],
                    foreign: dict[str, list[int]]) -> FieldPostings:
    """One field's arrays from each document's indexed word ids (documents ascending) and first
    position; the documents `foreign[analysis]` (their indexes) have their words analysed so."""
    counts = np.array([len(ids) for ids in word_ids], dtype=np.int64)
    words_in_order = np.concatenate(word_ids) if word_ids else np.zeros(0, dtype=np.int32)
    doc = np.repeat(np.array(docs, dtype=np.int32), counts)
    before = np.cumsum(counts) - counts  # the token index where each document starts
    position = np.arange(len(doc), dtype=np.int64) - np.repeat(before - np.array(firsts, dtype=np.int64), counts)
    distinct, which = np.unique(_terms_in_order(words_in_order, counts, foreign), return_inverse=True)
    terms, rank = _sorted_texts(distinct, TERMS)
    term = rank[which]
    order = np.argsort(term, kind="stable")  # stable: documents, then positions, stay ascending
    term, doc, position = term[order], doc[order], position[order]
    first = np.flatnonzero(np.r_[True, (term[1:] != term[:-1]) | (doc[1:] != doc[:-1])][:len(term)])  # of each posting
    pos_starts = np.r_[first, len(term)]
    return FieldPostings(
        terms=terms,
        starts=np.searchsorted(term[first], np.arange(len(terms) + 1)).astype(np.int64),
        docs=doc[first],
        pos_starts=pos_starts.astype(np.uint32) if pos_starts[-1] < 2**32 else pos_starts,  # half the bytes
        stored_positions=position.astype(np.int32),
    )


class PostingsBuilder:
    """Collects the text fields of documents numbered 0, 1, … as they are indexed, as word ids
    (`analysis.indexed_words`), and sorts them into arrays at the end."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[list[NDArray[np.int32]], list[int], list[int]]] = {
            name: ([], [], []) for name in TEXT_FIELDS}
        # analysis -> the indexes (in each field's lists) of the documents not analysed as English
        self._foreign: dict[str, list[int]] = {}

    def add(self, docnum: int, texts: dict[str, str], language: str | None = None) -> dict[str, int]:
        """Record one document's text fields, to be analysed as its `language` says
        (search/index/languages.py); returns each field's length (its number of indexed terms,
        the same in every analysis)."""
        analysis = analysis_of(language)
        if analysis != ENGLISH:
            self._foreign.setdefault(analysis, []).append(len(self._fields[TEXT_FIELDS[0]][1]))
        lengths = {}
        for field, text in texts.items():
            ids, first = indexed_words(text)
            word_ids, docs, firsts = self._fields[field]
            word_ids.append(ids)
            docs.append(docnum)
            firsts.append(first)
            lengths[field] = len(ids)
        return lengths

    def build(self) -> SegmentPostings:
        """The arrays of every text field, and the vocabulary: each word with its number of documents."""
        pairs = sorted_unique(np.concatenate([np.repeat(np.array(docs, dtype=np.int64) << 32, [len(i) for i in ids])
                                              | np.concatenate(ids or [np.zeros(0, dtype=np.int32)])
                                              for ids, docs, _ in self._fields.values()]))
        distinct, word_docs = np.unique(pairs & 0xFFFFFFFF, return_counts=True)  # documents per word
        words, rank = _sorted_texts(distinct, WORDS)
        counts = np.empty(len(distinct), dtype=np.int32)
        counts[rank] = word_docs
        foreign = sorted(i for documents in self._foreign.values() for i in documents)
        foreign_docs = np.array(self._fields[TEXT_FIELDS[0]][1], dtype=np.int32)[foreign]
        return SegmentPostings({name: _field_postings(*parts, self._foreign) for name, parts in self._fields.items()},
                               (words, counts), foreign_docs)


def from_stored_text(segment_reader: IndexReader) -> SegmentPostings:
    """A segment's arrays rebuilt from its stored title and body (every document, deleted or not)."""
    builder = PostingsBuilder()
    for docnum in range(segment_reader.doc_count_all()):
        stored = segment_reader.stored_fields(docnum)
        builder.add(docnum, {name: stored.get(name) or "" for name in TEXT_FIELDS}, stored.get("language"))
    return builder.build()


def _folder(index_dir: Path, segment_id: str) -> Path:
    return index_dir / POSTINGS_DIR / segment_id


def _write(folder: Path, postings: SegmentPostings) -> None:
    folder.mkdir(exist_ok=True)
    for name, field in postings.fields.items():
        for array in _ARRAYS:
            np.save(folder / f"{name}.{array}.npy", getattr(field, array))
    np.save(folder / "words.npy", postings.words)
    np.save(folder / "word_docs.npy", postings.word_docs)
    if len(postings.foreign_docs):
        np.save(folder / "foreign_docs.npy", postings.foreign_docs)


def save(index_dir: Path, segment_id: str, postings: SegmentPostings) -> None:
    """Write a segment's arrays (atomically); a read-only index folder is logged, not an error."""
    side_files.save(_folder(index_dir, segment_id), lambda partial: _write(partial, postings))


def _read(folder: Path, rebuilt: Callable[[], SegmentPostings] | None = None) -> SegmentPostings:
    """A segment's saved arrays, memory-mapped. Those a query seldom needs (`integrity.ON_DEMAND`:
    positions, vocabulary) are read, and checked, when first asked for, so a fresh process's
    first query reads and checks a third fewer bytes; one found unreadable then is taken from
    `rebuilt()` (the segment rebuilt and saved again), as `segment_postings` rebuilds the rest."""
    def on_demand(names: tuple[str, ...], pick: Callable[[SegmentPostings], Any]) -> Callable[[], Any]:
        def read() -> Any:
            arrays = [side_files.load(folder / name, load_npy) for name in names]
            if all(array is not None for array in arrays):
                return arrays[0] if len(arrays) == 1 else tuple(arrays)
            if rebuilt is None:
                raise ValueError(f"unreadable postings arrays in {folder}")
            return pick(rebuilt())

        return read

    def positions_of(name: str) -> Callable[[SegmentPostings], Any]:
        return lambda built: built.fields[name].positions

    fields = {name: FieldPostings(**{array: load_npy(folder / f"{name}.{array}.npy") for array in _ARRAYS[:-1]},
                                  stored_positions=on_demand((f"{name}.positions.npy",), positions_of(name)))
              for name in TEXT_FIELDS}
    vocabulary = on_demand(("words.npy", "word_docs.npy"), lambda built: (built.words, built.word_docs))
    foreign = folder / "foreign_docs.npy"
    return SegmentPostings(fields, vocabulary, *([load_npy(foreign)] if foreign.exists() else []))


def load(index_dir: Path, segment_id: str) -> SegmentPostings | None:
    """A segment's saved arrays, memory-mapped, or None when there are none (or they are unreadable)."""
    return side_files.load(_folder(index_dir, segment_id), _read)


def segment_postings(index_dir: Path, segment_reader: IndexReader) -> SegmentPostings:
    """A segment's arrays: the saved ones, else rebuilt from the stored text, saved, and memory-mapped."""
    folder = _folder(index_dir, segment_reader.segment().segment_id())

    @cache
    def rebuilt() -> SegmentPostings:  # for an array read on demand and found unreadable: the segment, saved anew
        built = from_stored_text(segment_reader)
        side_files.save(folder, lambda partial: _write(partial, built))
        return built

    return side_files.load_or_rebuild(folder, lambda path: _read(path, rebuilt),
                                      lambda: from_stored_text(segment_reader), _write)


def prune(index_dir: Path, segment_ids: Iterable[str]) -> None:
    """Delete the saved arrays of segments that are no longer in the index."""
    side_files.prune(index_dir / POSTINGS_DIR, segment_ids)


def marked_terms(fields: Iterable[FieldPostings]) -> NDArray[np.bytes_]:
    """The marked terms (of non-English analyses) of every field and segment given, sorted and unique.

    A query on an index with non-English articles asks, for each word, whether each of its other
    analyses' terms exists. Asking every segment's term array (tens of them after an incremental
    build) is a binary search each: three milliseconds a query at 100k. The marked terms sort
    together (they all start with `PLAIN_MARK`), so they are gathered once per snapshot, and are
    few unless the index holds many non-English articles."""
    low, high = np.array([PLAIN_MARK.encode()]), np.array([chr(ord(PLAIN_MARK) + 1).encode()])
    parts = [fp.terms[int(np.searchsorted(fp.terms, low)[0]):int(np.searchsorted(fp.terms, high)[0])]
             for fp in fields if len(fp.terms)]
    # `sorted_unique`, not `np.unique`: NumPy 2.3+ imports `numpy.ma` for that (40 ms of a fresh process's first query)
    return sorted_unique(np.concatenate(parts)) if parts else np.array([], dtype="S1")


def has_marked_term(terms: NDArray[np.bytes_], term: str) -> bool:
    """Whether the sorted `terms` (from `marked_terms`) hold `term`."""
    encoded = term.encode("utf-8")
    if not len(terms) or len(encoded) > terms.dtype.itemsize:
        return False
    i = int(np.searchsorted(terms, np.array([encoded]))[0])
    return i < len(terms) and terms[i] == encoded
