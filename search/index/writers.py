"""Parallel indexing: worker processes enrich articles and each writes a whole Whoosh segment.

Whoosh spends most of an article's indexing time analysing text and writing postings, in the
process that holds the writer. Here that work moves to worker processes, as Whoosh's own
`MpWriter(multisegment=True)` does, but with "spawn" workers (safe inside a threaded server such
as Streamlit) and with enrichment in the same worker: a worker enriches its chunk of articles,
analyses each title and body once (into the segment's postings arrays; Whoosh gets only the
length), writes them as one new segment with an unlocked `Writer` (stored fields, lengths, facet
and id postings), saves the segment's facet and title/body postings arrays beside it, and
returns the segment. The process holding the index
lock deletes replaced articles and commits the new segments together, so a run killed at any
moment leaves the last commit intact (files of uncommitted segments are removed by Whoosh at the
next commit).

This uses `SegmentWriter` internals (`_finalize_segment`, `_merge_segments`, `_commit_toc`,
`_finish`, `pool`, `_tempstorage`) and `TOC`, as `whoosh.multiproc` does; whoosh-reloaded is pinned to 2.7.5 for that reason, and
tests/test_matching.py compares a worker's segment and arrays with Whoosh's own writing of the
same articles.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from whoosh import index
from whoosh.codec.base import Segment
from whoosh.index import TOC
from whoosh.reading import SegmentReader
from whoosh.util import random_name
from whoosh.writing import PostingPool, SegmentWriter

from search.index import facet_arrays
from search.index import postings
from search.index.analysis import MeasuredText
from search.model import Article
from search.index.schema import FACETS, TEXT_FIELDS, to_document

SEGMENT_MEMORY_MB = 256
# Whoosh 2.7 copies each part of a compound segment file into memory when it opens it (BytesIO
# over the mmap): at 100k articles, 0.4 s and the index's size in RAM. Plain files are read in place.
COMPOUND = False
TINY_SEGMENT_DOCS = 1_000

# (article, content hash, already indexed?)
Planned = tuple[Article, str, bool]


class _PoolWithoutText(PostingPool):
    """Whoosh's posting pool, minus the text fields' postings: those live in the postings
    arrays (search/postings.py), and a text field gives Whoosh only a placeholder carrying its
    length (`schema.AnalysedPositions`)."""

    def add(self, item):
        """Buffer one (field, term, document, weight, encoded value) posting of a non-text field."""
        if item[0] not in TEXT_FIELDS:
            super().add(item)


class Writer(SegmentWriter):
    """Whoosh's `SegmentWriter` for our index: title and body postings are left out (see
    `_PoolWithoutText`), and one cost is gone: while writing postings, Whoosh 2.7 asks the disk
    whether a field has a length column once per posting; here once per field."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        # Whoosh's temporary folder (<index>/MAIN.tmp) is shared by every writer, and a writer's
        # `_finish` deletes it with all it holds, while workers may still be writing there: the
        # posting pool gets a folder of its own (see also `remove_temporary_folders`).
        self._tempstorage = self.storage.temp_storage(f"{self.indexname}.{random_name()}.tmp")
        self.pool = _PoolWithoutText(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))

    def per_document_reader(self):
        """The per-document reader Whoosh writes postings with, its column check memoised."""
        reader = super().per_document_reader()
        reader.has_column = functools.lru_cache(maxsize=None)(reader.has_column)
        return reader


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: end this worker as soon as the indexing process `parent` is gone
    (`kill -9`), even when that happened while the worker was still starting."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _warm_up() -> None:
    """Worker task run first: start the process, import the extractors and build their word lists
    (about a second), while the indexing process reads the first round."""
    from search.ingest.enrich import enrich

    enrich(Article(id="warm-up", title="Warm up", body="Officials in Paris said on Monday that it was ready."))


def write_segment(job: tuple[str, list[Planned]]) -> Segment:
    """Enrich the articles of `job` and write them as one new, uncommitted segment (worker side)."""
    from search.ingest.enrich import enrich  # NLTK is imported by indexing processes only

    index_dir, items = job
    return write_articles(index_dir, ((enrich(article), digest) for article, digest, _ in items))


def write_articles(index_dir: str, articles: Iterable[tuple[Article, str]]) -> Segment:
    """Write enriched (article, content hash) pairs as one new, uncommitted segment, with its
    facet and postings arrays; commit it with `commit_segments`."""
    ix = index.open_dir(index_dir)
    text_postings = postings.PostingsBuilder()
    writer = Writer(ix, _lk=False, limitmb=SEGMENT_MEMORY_MB, compound=COMPOUND)
    facet_fields = []
    try:
        for docnum, (article, digest) in enumerate(articles):
            document = to_document(article, digest)
            lengths = text_postings.add(docnum, {name: document[name] for name in TEXT_FIELDS})
            measured = {name: MeasuredText(document[name], lengths[name]) for name in TEXT_FIELDS}
            writer.add_document(**{**document, **measured})
            facet_fields.append({name: document[name] for name in FACETS if name in document})
        segment = writer._finalize_segment()
        writer._tempstorage.destroy()
    except BaseException:
        writer.cancel()
        raise
    # documents are numbered in the order they were added: their facet pairs and postings are known already
    facet_arrays.save(Path(index_dir), segment.segment_id(), facet_arrays.from_documents(ix.schema, facet_fields))
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


def commit_segments(writer: SegmentWriter, segments: list[Segment], mergetype=merge_tiny,
                    clean: bool = True) -> None:
    """Commit `writer` (its deletions and merges) together with segments written by workers.

    Whoosh deletes every file of a segment not in the new TOC at each commit; with `clean=False`
    that is left to a later commit, so segments that workers are still writing survive.
    """
    final = writer._merge_segments(mergetype, None, None)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    if clean:
        writer._commit_toc(final + segments)
    else:
        TOC(writer.schema, final + segments, writer.generation).write(writer.storage, writer.indexname)
    writer._finish()
    if clean:
        remove_temporary_folders(Path(writer.storage.folder), writer.indexname)


def remove_temporary_folders(index_dir: Path, indexname: str) -> None:
    """Delete the writers' temporary folders (a killed run's too); only while no worker is writing."""
    for folder in index_dir.glob(f"{indexname}*.tmp"):
        shutil.rmtree(folder, ignore_errors=True)


def _chunks(items: list[Planned], parts: int) -> list[list[Planned]]:
    size = max(1, -(-len(items) // parts))
    return [items[i:i + size] for i in range(0, len(items), size)]


def write_rounds(planned: Iterable[Planned], index_dir: Path, workers: int, round_size: int,
                 on_round: Callable[[list[Segment], list[Planned]], None]) -> None:
    """Write `planned` articles in rounds of `round_size`, each split over `workers` processes.

    `on_round(segments, items)` runs in this process after every round, with the round's new
    segments and articles; it deletes replaced articles and commits (with `clean=False`: the
    workers are writing the next round meanwhile). Rounds overlap: the next round is read and
    queued before the current one is waited for, so workers never wait for reading or committing.
    """
    iterator: Iterator[Planned] = iter(planned)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        for _ in range(workers):
            pool.submit(_warm_up)
        running: tuple[list[Future], list[Planned]] | None = None
        while True:
            items = list(islice(iterator, round_size))
            queued = [pool.submit(write_segment, (str(index_dir), chunk)) for chunk in _chunks(items, workers)]
            if running:
                on_round([future.result() for future in running[0]], running[1])
            if not items:
                return
            running = (queued, items)
