"""A cached, read-only view of one index version: searcher, live documents, dates, facet tables.

`snapshot(index_dir)` returns the cached view while the index is unchanged and rebuilds it
exactly when a writer has committed since (Whoosh's `up_to_date`). Its segment readers answer
title/body term questions from the postings arrays (`text_terms.install`), and its facet tables
come from the file saved for the version (`facet_arrays.save_tables`) when there is one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from search.index import facet_arrays
from search.index import postings
from search.index.facet_arrays import SegmentFacets, load_tables, save_tables, segment_facets
from search.index.facet_table import FacetTable
from search.index.postings import FieldPostings, SegmentPostings, segment_postings
from search.index.schema import FACETS, TEXT_FIELDS
from search.index.vocabulary import Vocabulary
from search.index.location import open_index
from search.index.text_terms import column_values, install, segment_lengths

NO_DATE = np.iinfo(np.int64).min


@dataclass
class Snapshot:
    """Everything a query needs that depends only on the index version."""

    searcher: Searcher
    index_dir: Path
    live: np.ndarray        # bool per document number: not deleted
    published: np.ndarray   # int64 per document number (Whoosh's long form), NO_DATE when unknown
    day: np.ndarray         # int64 days since 1970-01-01 per document number, NO_DATE when unknown
    tables: dict[str, FacetTable] = field(default_factory=dict)
    _segments: list[tuple[SegmentFacets, int]] | None = None
    _lengths: dict[str, np.ndarray] = field(default_factory=dict)
    _average_lengths: dict[str, float] = field(default_factory=dict)
    text_matches: dict[str, tuple[np.ndarray, np.ndarray | None]] = field(default_factory=dict)  # see query.py
    _source_rank: np.ndarray | None = None
    _postings: list[tuple[SegmentPostings, IndexReader, int]] | None = None
    _vocabulary: Vocabulary | None = None
    _saved_tables: dict[str, FacetTable] | None = None

    @property
    def doc_count(self) -> int:
        """Number of document slots (live and deleted)."""
        return len(self.live)

    def source_rank(self) -> np.ndarray:
        """Per document, the rank of its source name in case-insensitive order (for sorting)."""
        if self._source_rank is None:
            table = self.table("source")
            order = sorted(range(len(table.values)), key=lambda o: table.values[o].casefold())
            rank_of = np.empty(len(order), dtype=np.int64)
            rank_of[order] = np.arange(len(order))
            ranks = np.full(self.doc_count, len(order), dtype=np.int64)
            ranks[table.pair_docs] = rank_of[table.pair_ords]
            self._source_rank = ranks
        return self._source_rank

    def field_lengths(self, text_field: str) -> np.ndarray:
        """Per document, the length (in terms) of a text field, as Whoosh stores it for scoring."""
        if text_field not in self._lengths:
            self._lengths[text_field] = np.concatenate(
                [segment_lengths(leaf, text_field) for leaf, _ in self.searcher.reader().leaf_readers()]
                or [np.zeros(0, dtype=np.float32)])
        return self._lengths[text_field]

    def average_length(self, text_field: str) -> float:
        """The average length of a text field over all documents (Whoosh's `avg_field_length`)."""
        if text_field not in self._average_lengths:
            self._average_lengths[text_field] = self.searcher.avg_field_length(text_field) or 1.0
        return self._average_lengths[text_field]

    def text_postings(self, text_field: str) -> list[tuple[FieldPostings, IndexReader, int]]:
        """Per segment: the postings of a text field, the segment's reader and its first document number."""
        return [(arrays.fields[text_field], leaf, offset) for arrays, leaf, offset in self._segment_postings()]

    def _segment_postings(self) -> list[tuple[SegmentPostings, IndexReader, int]]:
        if self._postings is None:
            self._postings = [(segment_postings(self.index_dir, leaf), leaf, offset)
                              for leaf, offset in self.searcher.reader().leaf_readers()]
        return self._postings

    def has_term(self, term: str) -> bool:
        """Whether any segment has `term` in a text field (deleted documents included)."""
        return any(fp.find(term) is not None for field in TEXT_FIELDS for fp, _, _ in self.text_postings(field))

    def prefix_terms(self, text_field: str, prefix: str) -> set[str]:
        """The terms of a text field that start with `prefix`, in any segment."""
        key = prefix.encode("utf-8")
        return {term.decode("utf-8") for fp, _, _ in self.text_postings(text_field)
                for term in fp.terms[slice(*fp.prefix_range(key))].tolist()}

    def vocabulary(self) -> Vocabulary:
        """The unstemmed words of every segment, for spelling corrections (read on first use)."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary.combine((p.words, p.word_docs) for p, _, _ in self._segment_postings())
        return self._vocabulary

    def table(self, facet: str) -> FacetTable:
        """The facet table of `facet`: the saved one of this index version, else put together
        from the segments' pairs (on first use)."""
        if facet not in self.tables:
            if self._saved_tables is None:
                self._saved_tables = load_tables(self.index_dir, self.searcher.reader().generation())
            if facet in self._saved_tables:
                self.tables[facet] = self._saved_tables[facet]
                return self.tables[facet]
            if self._segments is None:
                self._segments = [(segment_facets(self.index_dir, leaf), offset)
                                  for leaf, offset in self.searcher.reader().leaf_readers()]
            self.tables[facet] = FacetTable.combine([(*facets[facet], offset) for facets, offset in self._segments],
                                                    self.live)
        return self.tables[facet]


    def save_tables(self) -> None:
        """Save this index version's facet tables, for the next process to load at once."""
        save_tables(self.index_dir, self.searcher.reader().generation(), {name: self.table(name) for name in FACETS})


def refresh_caches(index_dir: Path) -> None:
    """After the index changed: save the postings and facet arrays of new segments and the
    version's facet tables, and drop those of segments merged or cleared away, so the next
    process to search starts at once."""
    with open_index(index_dir).searcher() as searcher:
        snap = _load(searcher, index_dir)
        snap._segment_postings()  # rebuilt and saved where missing
        snap.save_tables()  # from every segment's facet pairs, rebuilt and saved where missing
        reader = searcher.reader()
        segment_ids = [leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()]
        facet_arrays.prune(index_dir, segment_ids, reader.generation())
        postings.prune(index_dir, segment_ids)


def _load(searcher: Searcher, index_dir: Path) -> Snapshot:
    reader = searcher.reader()
    total = reader.doc_count_all()
    live = np.ones(total, dtype=bool)
    if reader.has_deletions():
        live[[d for d in range(total) if reader.is_deleted(d)]] = False
    published = _published(reader, total)
    snap = Snapshot(searcher, index_dir, live, published, _days(published))
    for i, (leaf, _) in enumerate(reader.leaf_readers()):
        install(leaf, lambda i=i: snap._segment_postings()[i][0])  # Whoosh's own term lookups read the arrays
    return snap


def _published(reader: IndexReader, total: int) -> np.ndarray:
    """Whoosh's long form of each document's date (NO_DATE when it has none), segment by segment.

    A segment where no article has a date has no `published` column, and Whoosh's multi-segment
    column reader silently leaves such segments out (its values would no longer line up with
    document numbers), so each segment's column is read into its own slice.
    """
    published = np.full(total, NO_DATE, dtype=np.int64)
    for leaf, offset in reader.leaf_readers():
        count = leaf.doc_count_all()
        if not count or not leaf.has_column("published"):
            continue
        raw = column_values(leaf.column_reader("published", translate=False), count)
        missing = raw == np.iinfo(np.uint64).max  # Whoosh's default for a document without a date
        published[offset:offset + count] = np.where(missing, NO_DATE, raw.astype(np.int64))
    return published


_MICROSECONDS_PER_DAY = 86_400 * 10**6
_DAY_ONE = np.datetime64("0001-01-01", "D").astype(np.int64)  # Whoosh counts from datetime.min


def _days(published: np.ndarray) -> np.ndarray:
    days = published // _MICROSECONDS_PER_DAY + _DAY_ONE
    return np.where(published == NO_DATE, NO_DATE, days)


_cache: dict[Path, Snapshot] = {}
_lock = threading.Lock()


def snapshot(index_dir: Path) -> Snapshot:
    """The current snapshot of the index in `index_dir` (reused until the index changes)."""
    key = index_dir.resolve()
    with _lock:
        current = _cache.get(key)
        if current is not None and current.searcher.up_to_date():
            return current
        searcher = open_index(key).searcher()
        fresh = _load(searcher, key)
        _cache[key] = fresh
        if current is not None:
            current.searcher.close()
        return fresh
