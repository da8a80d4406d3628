"""A cached, read-only view of one index version: searcher, live documents, dates, facet tables.

`snapshot(index_dir)` returns the cached view while the index is unchanged and rebuilds it
exactly when a writer has committed since (Whoosh's `up_to_date`). Its segment readers are
opened with `text_terms.TextArraysCodec`, so Whoosh's own term lookups answer title and body
from the postings arrays this snapshot reads (once per segment), and its facet tables come from
the file saved for the version (`facet_arrays.save_tables`) when there is one. The engine asks
it, not Whoosh's readers, for what needs them: keyword terms' documents, multi-term expansions,
what Whoosh's own matchers find, key terms of a text.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.classify import Bo1Model, Expander
from whoosh.fields import Schema
from whoosh.query import MultiTerm, Query
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.util.times import datetime_to_long

from search.index import facet_arrays, postings
from search.index.facet_arrays import SegmentFacets, load_tables, save_tables, segment_facets
from search.index.facet_table import FacetTable
from search.index.location import open_index
from search.index.person_aliases import canonical_names, person_facets
from search.index.postings import FieldPostings, SegmentPostings, segment_postings
from search.index.schema import FACETS, TEXT_FIELDS, from_stored
from search.index.text_terms import TextArraysCodec
from search.index.vocabulary import Vocabulary
from search.index.whoosh_compat import column_values, field_lengths, open_searcher, per_document_reader, term_docs

NO_DATE = np.iinfo(np.int64).min


@dataclass
class Snapshot:
    """Everything a query needs that depends only on the index version."""

    searcher: Searcher
    index_dir: Path
    live: NDArray[np.bool_]         # per document number: not deleted
    published: NDArray[np.int64]    # per document number (Whoosh's long form), NO_DATE when unknown
    day: NDArray[np.int64]          # days since 1970-01-01 per document number, NO_DATE when unknown
    tables: dict[str, FacetTable] = field(default_factory=dict)
    _segments: list[tuple[SegmentFacets, int]] | None = None
    _lengths: dict[str, NDArray[np.float32]] = field(default_factory=dict)
    _average_lengths: dict[str, float] = field(default_factory=dict)
    # text query -> its (mask, scores), remembered by search/engine/query.py
    text_matches: dict[str, tuple[NDArray[np.bool_], NDArray[np.float64] | None]] = field(default_factory=dict)
    _source_rank: NDArray[np.int64] | None = None
    _postings: dict[str, tuple[SegmentPostings, int]] | None = None  # segment id -> (arrays, first document)
    _vocabulary: Vocabulary | None = None
    _saved_tables: dict[str, FacetTable] | None = None

    @property
    def doc_count(self) -> int:
        """Number of document slots (live and deleted)."""
        return len(self.live)

    def source_rank(self) -> NDArray[np.int64]:
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

    def field_lengths(self, text_field: str) -> NDArray[np.float32]:
        """Per document, the length (in terms) of a text field, as Whoosh stores it for scoring."""
        if text_field not in self._lengths:
            self._lengths[text_field] = np.concatenate(
                [field_lengths(per_document_reader(leaf), text_field) for leaf, _ in self._leaves()]
                or [np.zeros(0, dtype=np.float32)])
        return self._lengths[text_field]

    def average_length(self, text_field: str) -> float:
        """The average length of a text field over all documents (Whoosh's `avg_field_length`)."""
        if text_field not in self._average_lengths:
            self._average_lengths[text_field] = self.searcher.avg_field_length(text_field) or 1.0
        return self._average_lengths[text_field]

    def _leaves(self) -> list[tuple[IndexReader, int]]:
        """Each segment's reader and the document number of its first document."""
        return list(self.searcher.reader().leaf_readers())

    def text_postings(self, text_field: str) -> list[tuple[FieldPostings, int]]:
        """Per segment: the postings of a text field and the segment's first document number."""
        return [(arrays.fields[text_field], offset) for arrays, offset in self._segment_postings().values()]

    def segment_arrays(self, segment_id: str) -> SegmentPostings:
        """One segment's postings arrays (what its reader's terms reader answers from)."""
        return self._segment_postings()[segment_id][0]

    def _segment_postings(self) -> dict[str, tuple[SegmentPostings, int]]:
        if self._postings is None:
            self._postings = {leaf.segment().segment_id(): (segment_postings(self.index_dir, leaf), offset)
                              for leaf, offset in self._leaves()}
        return self._postings

    def has_term(self, term: str) -> bool:
        """Whether any segment has `term` in a text field (deleted documents included)."""
        return any(fp.find(term) is not None for name in TEXT_FIELDS for fp, _ in self.text_postings(name))

    def prefix_terms(self, text_field: str, prefix: str) -> set[str]:
        """The terms of a text field that start with `prefix`, in any segment."""
        key = prefix.encode("utf-8")
        return {term.decode("utf-8") for fp, _ in self.text_postings(text_field)
                for term in fp.terms[slice(*fp.prefix_range(key))].tolist()}

    def vocabulary(self) -> Vocabulary:
        """The unstemmed words of every segment, for spelling corrections (read on first use)."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary.combine((p.words, p.word_docs) for p, _ in self._segment_postings().values())
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
                self._segments = [(segment_facets(self.index_dir, leaf), offset) for leaf, offset in self._leaves()]
            table = FacetTable.combine([(*facets[facet], offset) for facets, offset in self._segments], self.live)
            if FACETS[facet].person:  # one person, one value: computed once per index version
                table = table.merged(canonical_names(table.values, np.diff(table.starts).tolist()))
            self.tables[facet] = table
        return self.tables[facet]

    def stored(self, docnum: int) -> dict[str, Any]:
        """A document's `Article` arguments (`from_stored`), each facet value spelled as the
        facet tables count it (a person's aliases as the person's one value)."""
        stored = from_stored(self.searcher.stored_fields(docnum))
        for name in person_facets():
            aliases = self.table(name).aliases
            stored["facets"][name] = list(dict.fromkeys(aliases.get(v, v) for v in stored["facets"][name]))
        return stored

    def save_tables(self) -> None:
        """Save this index version's facet tables, for the next process to load at once."""
        save_tables(self.index_dir, self.searcher.reader().generation(), {name: self.table(name) for name in FACETS})

    def keyword_docs(self, field_name: str, texts: Collection[str | bytes] = (),
                     per_segment: Sequence[Iterable[str | bytes]] | None = None) -> NDArray[np.bool_]:
        """A mask of the documents (deleted ones included) with any of `texts` in a field whose
        postings Whoosh keeps (facets, id), or with any of each segment's own texts
        (`per_segment[i]`, as `expansions` gives them)."""
        mask = np.zeros(self.doc_count, dtype=bool)
        for i, (leaf, offset) in enumerate(self._leaves()):
            for text in per_segment[i] if per_segment is not None else texts:
                text = text.decode("utf-8") if isinstance(text, bytes) else text
                mask[term_docs(leaf, field_name, text) + offset] = True
        return mask

    def expansions(self, q: MultiTerm) -> list[list[bytes]]:
        """Per segment, the terms a multi-term query (wildcard, fuzzy term, range, variations)
        expands to there: Whoosh's own expansion, which for title and body walks the arrays'
        sorted terms (through the codec)."""
        return [[text for _, text in q.expanded_terms(leaf)] for leaf, _ in self._leaves()]

    def whoosh_docs(self, q: Query) -> NDArray[np.int64]:
        """The document numbers Whoosh's own matchers find for `q`, for the queries the engine
        does not match itself (proximity and other span queries)."""
        return np.fromiter(q.docs(self.searcher), dtype=np.int64)

    def key_terms(self, text_field: str, term_weights: Iterable[tuple[str, float]], n: int) -> list[tuple[str, float]]:
        """The `n` most telling of a text's (term, weight) pairs by Whoosh's Bo1 model (frequent
        in the text, rare in the collection), with their Bo1 weights: what Whoosh's "more like
        this" searches for."""
        expander = Expander(self.searcher.reader(), text_field, model=Bo1Model)
        expander.add(term_weights)
        key_terms: list[tuple[str, float]] = expander.expanded_terms(n, normalize=False)
        return key_terms


def published_key(value: datetime | int | None) -> int | None:
    """A date in Whoosh's long form, as `Snapshot.published` holds dates (numbers pass through)."""
    return int(datetime_to_long(value)) if isinstance(value, datetime) else value


def refresh_caches(index_dir: Path) -> None:
    """After the index changed: save the postings and facet arrays of new segments and the
    version's facet tables, and drop those of segments merged or cleared away, so the next
    process to search starts at once."""
    snap = _open(index_dir)
    with snap.searcher:
        segment_ids = list(snap._segment_postings())  # rebuilt and saved where missing
        snap.save_tables()  # from every segment's facet pairs, rebuilt and saved where missing
        generation = snap.searcher.reader().generation()
        facet_arrays.prune(index_dir, segment_ids, generation)
        postings.prune(index_dir, segment_ids)


def _open(index_dir: Path) -> Snapshot:
    """Open the index's latest version, its segment readers with the postings-arrays codec."""
    opened: list[Snapshot] = []  # the readers ask for arrays only once a query runs, when it exists

    def codec(schema: Schema) -> TextArraysCodec:
        return TextArraysCodec(schema, lambda segment_id: opened[0].segment_arrays(segment_id))

    searcher = open_searcher(open_index(index_dir), codec)
    reader = searcher.reader()
    total = reader.doc_count_all()
    live = np.ones(total, dtype=bool)
    if reader.has_deletions():
        live[[d for d in range(total) if reader.is_deleted(d)]] = False
    published = _published(reader, total)
    opened.append(Snapshot(searcher, index_dir, live, published, _days(published)))
    return opened[0]


def _published(reader: IndexReader, total: int) -> NDArray[np.int64]:
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


def _days(published: NDArray[np.int64]) -> NDArray[np.int64]:
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
        fresh = _open(key)
        _cache[key] = fresh
        if current is not None:
            current.searcher.close()
        return fresh
