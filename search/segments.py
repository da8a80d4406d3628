"""Parallel indexing: worker processes enrich articles and each writes a whole Whoosh segment.

Whoosh spends most of an article's indexing time analysing text and writing postings, in the
process that holds the writer. Here that work moves to worker processes, as Whoosh's own
`MpWriter(multisegment=True)` does, but with "spawn" workers (safe inside a threaded server such
as Streamlit) and with enrichment in the same worker: a worker enriches its chunk of articles,
analyses each title and body once (`analysis.AnalysedText`), writes them as one new segment with
an unlocked `TextSegmentWriter`, saves the segment's facet and postings arrays beside it, and
returns the segment. The process holding the index lock deletes replaced articles and commits
the new segments together, so a run killed at any moment leaves the last commit intact (files of
uncommitted segments are removed by Whoosh at the next commit).

This uses `SegmentWriter` internals (`_finalize_segment`, `_flush_segment`, `_merge_segments`,
`_commit_toc`, the field writer's `start_term`/`add`/`finish_term`), as `whoosh.multiproc` does;
whoosh-reloaded is pinned to 2.7.5 for that reason, and tests/test_matching.py compares a
worker's segment with Whoosh's own writing of the same articles.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from whoosh import index
from whoosh.codec.base import Segment
from whoosh.reading import SegmentReader
from whoosh.writing import PostingPool, SegmentWriter

from . import facet_cache, postings
from .analysis import AnalysedText
from .article import Article
from .schema import FACETS, TEXT_FIELDS, to_document

SEGMENT_MEMORY_MB = 256
# Whoosh 2.7 copies each part of a compound segment file into memory when it opens it (BytesIO
# over the mmap): at 100k articles, 0.4 s and the index's size in RAM. Plain files are read in place.
COMPOUND = False
TINY_SEGMENT_DOCS = 1_000

# (article, content hash, already indexed?)
Planned = tuple[Article, str, bool]


class Writer(SegmentWriter):
    """Whoosh's `SegmentWriter`, minus a cost: while writing postings, Whoosh 2.7 asks the disk
    whether a field has a length column once per posting (~10 % of indexing time); here once per field."""

    def per_document_reader(self):
        """The per-document reader Whoosh writes postings with, its column check memoised."""
        reader = super().per_document_reader()
        reader.has_column = functools.lru_cache(maxsize=None)(reader.has_column)
        return reader


class _PoolWithoutText(PostingPool):
    """Whoosh's posting pool, minus the text fields' postings (a `TextSegmentWriter` writes those)."""

    def add(self, item):
        """Buffer one (field, term, document, weight, encoded value) posting of a non-text field."""
        if item[0] not in TEXT_FIELDS:
            super().add(item)


class TextSegmentWriter(Writer):
    """A `Writer` for a worker's segment whose text postings come from its `PostingsBuilder`.

    Whoosh buffers every posting of a segment in a pool, sorts the pool and feeds it back one
    posting at a time (about a third of a worker's time, for the title and body words). The
    builder already holds each text term's documents and positions in order, so they are written
    straight to the segment's field writer, term by term, with the same weights, encoded
    positions and field lengths; the pool keeps only the facet and id postings.
    tests/test_matching.py checks the result against Whoosh's own writing, posting by posting.
    """

    def __init__(self, ix, text_postings: postings.PostingsBuilder, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self.text_postings = text_postings
        self.pool = _PoolWithoutText(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        others = list(self.pool.iter_postings())  # the other fields' postings, sorted by field and term
        done = 0
        for name in sorted(TEXT_FIELDS):  # fields in name order, as Whoosh writes (and merges expect)
            before = next((i for i in range(done, len(others)) if others[i][0] >= name), len(others))
            self.fieldwriter.add_postings(self.schema, lengths, others[done:before])
            self._write_text_field(name, lengths)
            done = before
        self.fieldwriter.add_postings(self.schema, lengths, others[done:])
        self.fieldwriter.close()
        lengths.close()

    def _write_text_field(self, name: str, lengths) -> None:
        """Write one text field's postings from the builder: each term's documents in order, with
        Whoosh's weight (frequency × field boost), encoded positions and stored field length."""
        found = self.text_postings.field_terms(name)
        if not found:
            return
        field, fields = self.schema[name], self.fieldwriter
        length = [lengths.doc_field_length(doc, name) for doc in range(self.doc_count())]
        boost, encode = field.format.field_boost, field.format.encode
        fields.start_field(name, field)
        for term in sorted(found):  # code point order is UTF-8 byte order
            fields.start_term(term.encode("utf-8"))
            for doc, positions in zip(*found[term]):
                fields.add(doc, len(positions) * boost, encode(positions), length[doc])
            fields.finish_term()
        fields.finish_field()


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: end this worker as soon as the indexing process `parent` is gone
    (`kill -9`), even when that happened while the worker was still starting."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def write_segment(job: tuple[str, list[Planned]]) -> Segment:
    """Enrich the articles of `job` and write them as one new, uncommitted segment (worker side),
    with its facet cache."""
    from .enrich import enrich  # NLTK is imported by indexing processes only

    index_dir, items = job
    ix = index.open_dir(index_dir)
    text_postings = postings.PostingsBuilder()
    writer = TextSegmentWriter(ix, text_postings, _lk=False, limitmb=SEGMENT_MEMORY_MB, compound=COMPOUND)
    facet_fields = []
    try:
        for docnum, (article, digest, _) in enumerate(items):
            document = to_document(enrich(article), digest)
            texts = {name: AnalysedText(document[name]) for name in TEXT_FIELDS}  # analysed once, used twice
            writer.add_document(**{**document, **texts})
            text_postings.add(docnum, texts)
            facet_fields.append({name: document[name] for name in FACETS if name in document})
        segment = writer._finalize_segment()
    except BaseException:
        writer.cancel()
        raise
    # documents are numbered in the order they were added: their facet pairs and postings are known already
    facet_cache.save(Path(index_dir), segment.segment_id(), facet_cache.from_documents(ix.schema, facet_fields))
    postings.save(Path(index_dir), segment.segment_id(), text_postings.build())
    return segment


def merge_tiny(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
    """Merge policy: fold segments of fewer than `TINY_SEGMENT_DOCS` documents into the new one.

    Whoosh's default policy (MERGE_SMALL) merges half the index at some commits (at 100k
    articles, a single-process merge of minutes, even when adding one file); here the segments
    written by workers are left as they are, and only the tiny ones of small updates are merged.
    """
    tiny = [s for s in segments if s.doc_count_all() < TINY_SEGMENT_DOCS]
    if len(tiny) < 2:
        return segments
    for segment in tiny:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in tiny]


def commit_segments(writer: SegmentWriter, segments: list[Segment], mergetype=merge_tiny) -> None:
    """Commit `writer` (its deletions and merges) together with segments written by workers."""
    final = writer._merge_segments(mergetype, None, None)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final + segments)
    writer._finish()


def _chunks(items: list[Planned], parts: int) -> list[list[Planned]]:
    size = -(-len(items) // parts)
    return [items[i:i + size] for i in range(0, len(items), size)]


def write_rounds(planned: Iterable[Planned], index_dir: Path, workers: int, round_size: int,
                 on_round: Callable[[list[Segment], list[Planned]], None]) -> None:
    """Write `planned` articles in rounds of `round_size`, each split over `workers` processes.

    `on_round(segments, items)` runs in this process after every round, with the round's new
    segments and articles; it deletes replaced articles and commits. Nothing is written while it runs.
    """
    iterator: Iterator[Planned] = iter(planned)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        while items := list(islice(iterator, round_size)):
            jobs = [(str(index_dir), chunk) for chunk in _chunks(items, workers)]
            on_round(list(pool.map(write_segment, jobs)), items)
