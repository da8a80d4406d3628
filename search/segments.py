"""Parallel indexing: worker processes enrich articles and each writes a whole Whoosh segment.

Whoosh spends most of an article's indexing time analysing text and writing postings, in the
process that holds the writer. Here that work moves to worker processes, as Whoosh's own
`MpWriter(multisegment=True)` does, but with "spawn" workers (safe inside a threaded server such
as Streamlit) and with enrichment in the same worker: a worker enriches its chunk of articles,
writes them as one new segment with an unlocked `SegmentWriter`, and returns the segment. The
process holding the index lock deletes replaced articles and commits the new segments together,
so a run killed at any moment leaves the last commit intact (files of uncommitted segments are
removed by Whoosh at the next commit).

This uses `SegmentWriter` internals (`_finalize_segment`, `_merge_segments`, `_commit_toc`),
exactly as `whoosh.multiproc` does; whoosh-reloaded is pinned to 2.7.5 for that reason.
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
from whoosh.writing import SegmentWriter

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


def _exit_with_parent() -> None:
    """Worker initializer: end this worker as soon as the indexing process is gone (`kill -9`)."""
    parent = os.getppid()

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
    writer = Writer(ix, _lk=False, limitmb=SEGMENT_MEMORY_MB, compound=COMPOUND)
    facet_fields, text_postings = [], postings.PostingsBuilder()
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
                             initializer=_exit_with_parent) as pool:
        while items := list(islice(iterator, round_size)):
            jobs = [(str(index_dir), chunk) for chunk in _chunks(items, workers)]
            on_round(list(pool.map(write_segment, jobs)), items)
