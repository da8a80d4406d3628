"""A cached, read-only view of one index version: searcher, live documents, dates, facet tables.

`snapshot(index_dir)` returns the cached view while the index is unchanged and rebuilds it
exactly when a writer has committed since (Whoosh's `up_to_date`). Its segment readers are
opened with `text_terms.TextArraysCodec`, so Whoosh's own term lookups answer title and body
from the postings arrays this snapshot reads (once per segment), and its facet tables come from
the file saved for the version (`facet_arrays.save_tables`), saved when there is none (or it
was saved for another version with the same generation number). The engine asks
it, not Whoosh's readers, for what needs them: keyword terms' documents, multi-term expansions,
what Whoosh's own matchers find, key terms of a text.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Collection, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.classify import Bo1Model, Expander
from whoosh.fields import Schema
from whoosh.query import MultiTerm, Query
from whoosh.reading import IndexReader, ReaderClosed
from whoosh.searching import Searcher
from whoosh.util.times import datetime_to_long

from search.errors import IndexCorruptError, IndexNotFoundError
from search.index import facet_arrays, integrity, postings, stories
from search.index.facet_arrays import SegmentFacets, load_tables, save_tables, segment_facets
from search.index.facet_table import FacetTable
from search.index.languages import PLAIN_MARK
from search.index.location import open_index
from search.index.person_aliases import canonical_names, person_facets
from search.index.postings import FieldPostings, SegmentPostings, has_marked_term, marked_terms, segment_postings
from search.index.schema import FACETS, TEXT_FIELDS, from_stored
from search.index.text_terms import TextArraysCodec
from search.index.vocabulary import Vocabulary
from search.index.whoosh_compat import (
    column_values,
    field_lengths,
    latest_version,
    open_searcher,
    per_document_reader,
    term_docs,
    toc_file_name,
)

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
    folder_identity: tuple[int, int] = (0, 0)  # (st_dev, st_ino) of the index folder when opened
    _segments: list[tuple[SegmentFacets, int]] | None = None
    _lengths: dict[str, NDArray[np.float32]] = field(default_factory=dict)
    _average_lengths: dict[str, float] = field(default_factory=dict)
    # text query -> its (mask, scores), remembered by search/engine/query.py
    text_matches: dict[str, tuple[NDArray[np.bool_], NDArray[np.float64] | None]] = field(default_factory=dict)
    _source_rank: NDArray[np.int64] | None = None
    _postings: dict[str, tuple[SegmentPostings, int]] | None = None  # segment id -> (arrays, first document)
    _vocabulary: Vocabulary | None = None
    _foreign: NDArray[np.bool_] | None = None
    _marked_terms: NDArray[np.bytes_] | None = None
    _saved_tables: dict[str, FacetTable] | None = None
    _stories: NDArray[np.int64] | None = None
    _story_shared: NDArray[np.bool_] | None = None
    _story_pairs: dict[str, NDArray[np.bool_]] = field(default_factory=dict)
    # held while reading stored fields: Whoosh reads them from one shared file (seek, then read), so
    # searches in several threads at once read each other's bytes (zlib.error) without it
    _stored_lock: threading.Lock = field(default_factory=threading.Lock)

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
        """`segment_leaves` of this version's reader."""
        return segment_leaves(self.searcher.reader())

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

    def foreign_docs(self) -> NDArray[np.bool_]:
        """Per document: whether its words are analysed in another way than English (as its
        segment's postings were built: search/index/languages.py)."""
        if self._foreign is None:
            self._foreign = np.zeros(self.doc_count, dtype=bool)
            for arrays, offset in self._segment_postings().values():
                self._foreign[arrays.foreign_docs.astype(np.int64) + offset] = True
        return self._foreign

    def has_term(self, term: str) -> bool:
        """Whether any segment has `term` in a text field (deleted documents included)."""
        if term.startswith(PLAIN_MARK):  # a non-English term: one look-up among all of them
            if self._marked_terms is None:
                self._marked_terms = marked_terms(fp for name in TEXT_FIELDS for fp, _ in self.text_postings(name))
            return has_marked_term(self._marked_terms, term)
        return any(fp.find(term) is not None for name in TEXT_FIELDS for fp, _ in self.text_postings(name))

    def vocabulary(self) -> Vocabulary:
        """The unstemmed words of every segment, for spelling corrections (read on first use)."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary.combine((p.words, p.word_docs) for p, _ in self._segment_postings().values())
        return self._vocabulary

    def table(self, facet: str) -> FacetTable:
        """The facet table of `facet`: from the file saved for this index version; when there is
        none (or it is damaged), every facet's table is put together from the segments' pairs
        and saved, so the next process loads them at once."""
        if self._saved_tables is None:
            generation, version = self.searcher.reader().generation(), self._version_key()
            self._saved_tables = load_tables(self.index_dir, generation, version)
            self.tables.update(self._saved_tables)
            if not self._saved_tables:
                self.tables.update({name: self._combined(name) for name in FACETS})
                save_tables(self.index_dir, generation, version, self.tables)
        if facet not in self.tables:  # a facet registered after the tables were saved
            self.tables[facet] = self._combined(facet)
        return self.tables[facet]

    def story_labels(self) -> NDArray[np.int64]:
        """Per document, its story's label (search/index/stories.py): the first live document
        of its group of near-duplicates, its own number when it has none."""
        if self._stories is None:
            def make() -> NDArray[np.int64]:
                rows = [stories.segment_signatures(self.index_dir, leaf) for leaf, _ in self._leaves()]
                signatures = np.concatenate(rows) if rows else np.zeros((0, stories.NUM_HASHES), dtype=np.uint32)
                return stories.story_labels(signatures, self.live, self.day)

            self._stories = stories.version_labels(self.index_dir, self.searcher.reader().generation(),
                                                   self._version_key(), make)
        return self._stories

    def story_shared(self) -> NDArray[np.bool_]:
        """Per document, whether its story has other versions (the only documents collapsing
        and counting by story need to look at)."""
        if self._story_shared is None:
            labels = self.story_labels()
            member = labels != np.arange(len(labels))
            shared = member.copy()
            shared[labels[member]] = True
            self._story_shared = shared
        return self._story_shared

    def story_pairs(self, facet: str) -> NDArray[np.bool_]:
        """Per pair of a facet's table, whether its document's story has other versions."""
        if facet not in self._story_pairs:
            self._story_pairs[facet] = self.story_shared()[self.table(facet).pair_docs]
        return self._story_pairs[facet]

    def _version_key(self) -> list[str]:
        """`facet_arrays.version_key` of this version: the saved tables are read only for it."""
        return facet_arrays.version_key(leaf.segment() for leaf, _ in self._leaves())

    def _combined(self, facet: str) -> FacetTable:
        """A facet's table put together from every segment's pairs (live documents only)."""
        if self._segments is None:
            self._segments = [(segment_facets(self.index_dir, leaf), offset) for leaf, offset in self._leaves()]
        table = FacetTable.combine([(*facets[facet], offset) for facets, offset in self._segments], self.live)
        if FACETS[facet].person:  # one person, one value: computed once per index version
            table = table.merged(canonical_names(table.values, np.diff(table.starts).tolist()))
        return table

    def stored_fields(self, docnum: int) -> dict[str, Any]:
        """A document's stored fields as Whoosh keeps them, read under the snapshot's lock: every
        reader of stored fields goes through here, since unlocked reads from threads interleave."""
        with self._stored_lock:
            return dict(self.searcher.stored_fields(docnum))

    def stored(self, docnum: int) -> dict[str, Any]:
        """A document's `Article` arguments (`from_stored`), each facet value spelled as the
        facet tables count it (a person's aliases as the person's one value)."""
        stored = from_stored(self.stored_fields(docnum))
        for name in person_facets():
            aliases = self.table(name).aliases
            stored["facets"][name] = list(dict.fromkeys(aliases.get(v, v) for v in stored["facets"][name]))
        return stored

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
    """After the index changed: save the postings, facet arrays and story signatures of new
    segments and the version's facet tables, drop those of segments merged or cleared away, and record every file
    of the version (`integrity.record`), so the next process to search starts at once and checks
    what it opens."""
    snap = _open(index_dir)
    with snap.searcher:
        segment_ids = list(snap._segment_postings())  # rebuilt and saved where missing
        snap.table("source")  # the version's tables: from every segment's pairs, saved, where missing
        snap.story_labels()  # the version's story labels, from signatures (merged segments': from their texts)
        generation = snap.searcher.reader().generation()
        facet_arrays.prune(index_dir, segment_ids, generation)
        postings.prune(index_dir, segment_ids)
        stories.prune(index_dir, segment_ids, generation)
        toc = toc_file_name(generation)
        integrity.record(index_dir, integrity.version_files(index_dir, segment_ids, toc,
                                                            facet_arrays.tables_name(generation),
                                                            stories.labels_name(generation)), toc)


def _open(index_dir: Path) -> Snapshot:
    """Open the index's latest version, its segment readers with the postings-arrays codec,
    after checking its files against their records (`integrity.check_open`). The searcher closes
    when the snapshot is no longer used by anyone (a thread may still be answering a query on a
    snapshot that a newer version replaced in the cache)."""
    opened: list[weakref.ref[Snapshot]] = []  # the readers ask for arrays only once a query runs, when it exists

    def codec(schema: Schema) -> TextArraysCodec:
        def arrays(segment_id: str) -> SegmentPostings:
            snap = opened[0]()
            assert snap is not None  # a reader of a snapshot is used only through it
            return snap.segment_arrays(segment_id)

        return TextArraysCodec(schema, arrays)

    identity = _identity(index_dir)
    ix = open_index(index_dir)
    try:
        searcher = open_searcher(ix, codec)
    except Exception as exc:  # a segment file vanished (Whoosh retried), cannot be read, or is damaged: Whoosh
        # raises anything from OSError to UnpicklingError on a cut-short file, depending on where it was cut
        _check_files(index_dir, None)
        raise IndexCorruptError(f"cannot open the index at {index_dir}: {exc}; "
                                f"`python -m search check --index-dir {index_dir}` finds the damage") from exc
    try:
        _check_files(index_dir, searcher)
        reader = searcher.reader()
        total = reader.doc_count_all()
        live = np.ones(total, dtype=bool)
        if reader.has_deletions():
            live[[d for d in range(total) if reader.is_deleted(d)]] = False
        published = _published(reader, total)
    except BaseException:
        searcher.close()
        raise
    snap = Snapshot(searcher, index_dir, live, published, _days(published), folder_identity=identity)
    opened.append(weakref.ref(snap))
    weakref.finalize(snap, _close, searcher)
    return snap


def _close(searcher: Searcher) -> None:
    """Close a snapshot's searcher, unless its user closed it already (`with snap.searcher:`)."""
    with suppress(ReaderClosed):
        searcher.close()


def segment_leaves(reader: IndexReader) -> list[tuple[IndexReader, int]]:
    """Each segment's reader and the document number of its first document; none for an index
    with no segment yet, whose reader is Whoosh's `EmptyReader`, a leaf without a segment."""
    return [(leaf, offset) for leaf, offset in reader.leaf_readers() if leaf.segment() is not None]


def _check_files(index_dir: Path, searcher: Searcher | None) -> None:
    """`integrity.check_open` for the version `searcher` reads (None: the latest, when it could
    not be opened: every recorded segment of its table of contents)."""
    if searcher is not None:
        reader = searcher.reader()
        segment_ids = [leaf.segment().segment_id() for leaf, _ in segment_leaves(reader)]
        integrity.check_open(index_dir, segment_ids, toc_file_name(reader.generation()))
        return
    try:
        generation, segments = latest_version(open_index(index_dir))
    except Exception:  # the table of contents itself: reported by the caller
        return
    integrity.check_open(index_dir, [s.segment_id() for s in segments], toc_file_name(generation))


def _identity(index_dir: Path) -> tuple[int, int]:
    """The index folder's (device, inode): another folder at the same path is another index."""
    try:
        stat = os.stat(index_dir)
    except FileNotFoundError:
        raise IndexNotFoundError(f"no index at {index_dir}: the folder does not exist "
                                 f"(was it deleted or moved while in use?)") from None
    return stat.st_dev, stat.st_ino


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
    """The current snapshot of the index in `index_dir`: reused while the index is unchanged,
    reopened when a writer has committed since or the folder was replaced by another (a new
    `folder_identity`); `IndexNotFoundError` once the folder is gone, never the old view. A
    replaced snapshot is not closed here: a query on it in another thread finishes, and its
    files close when its last user lets go of it."""
    key = index_dir.resolve()
    with _lock:
        current = _cache.get(key)
        try:
            identity = _identity(key)
        except IndexNotFoundError:
            _cache.pop(key, None)
            raise
        if current is not None and current.folder_identity == identity and current.searcher.up_to_date():
            return current
        _cache.pop(key, None)
        fresh = _open(key)
        _cache[key] = fresh
        return fresh
