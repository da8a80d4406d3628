"""Parallel indexing: worker processes enrich articles and each writes a whole Whoosh segment.

Whoosh spends most of an article's indexing time analysing text and writing postings, in the
process that holds the writer. Here that work moves to worker processes, as Whoosh's own
`MpWriter(multisegment=True)` does, but with "spawn" workers (search/index/rounds.py) and with
enrichment in the same worker: a worker enriches its chunk of articles,
analyses each title and body once (into the segment's postings arrays; Whoosh gets only the
length), writes them as one new segment with an unlocked `Writer` (stored fields, lengths, facet
and id postings), saves the segment's facet and title/body postings arrays and story signatures beside it, and
returns the segment. The process holding the index
lock deletes replaced articles and commits the new segments together, so a run killed at any
moment leaves the last commit intact (files of uncommitted segments are removed by Whoosh at the
next commit).

Whoosh's writer is extended in search/index/whoosh_compat.py (the one module that uses its
internals, as `whoosh.multiproc` does); tests/test_matching.py compares a worker's segment and
arrays with Whoosh's own writing of the same articles. `CurrentWriter` is the one place a writer
is given up when an error interrupts its work.
"""

from __future__ import annotations

import gc
import logging
import shutil
from collections.abc import Callable, Iterable
from functools import partial
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from whoosh.codec.base import Segment
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from search.index import facet_arrays, metadata_facets, postings, stories
from search.index.analysis import MeasuredText
from search.index.location import writable_index
from search.index.rounds import in_rounds, warm_up
from search.index.schema import FACETS, TEXT_FIELDS, to_document
from search.index.whoosh_compat import ExtendedSegmentWriter
from search.model import Article

log = logging.getLogger(__name__)

SEGMENT_MEMORY_MB = 256
# Whoosh 2.7 copies each part of a compound segment file into memory when it opens it (BytesIO
# over the mmap): at 100k articles, 0.4 s and the index's size in RAM. Plain files are read in place.
COMPOUND = False
TINY_SEGMENT_DOCS = 1_000
WRITE_BLOCK = 2_500  # documents analysed, then written, at a time (a worker's chunk: one block)

# (article, content hash, already indexed?)
Planned = tuple[Article, str, bool]
EnrichBatch = Callable[[list[Article]], list[Article]]  # articles -> their enriched copies, in order


class Writer(ExtendedSegmentWriter):
    """Whoosh's `SegmentWriter` for our index: title and body postings are left out (they live in
    the postings arrays, search/index/postings.py, and a text field gives Whoosh only a
    placeholder carrying its length, `schema.AnalysedPositions`); see `ExtendedSegmentWriter`."""

    unposted_fields = TEXT_FIELDS


class CurrentWriter:
    """The writer a piece of work is using, given up if the work ends without committing it.

    `with CurrentWriter(open_writer) as current:` opens a writer (`current.writer`); a long
    build commits it every so many articles and goes on with the next (`current.renew()`).
    Whichever writer is current when the block ends uncommitted (an error, a kill signal) is
    cancelled: its uncommitted work and its lock are given up, as Whoosh's own `with
    ix.writer():` does on an error (Whoosh commits on success; here the work commits itself).
    """

    def __init__(self, open_writer: Callable[[], Writer]) -> None:
        self._open = open_writer
        self.writer = open_writer()

    def renew(self) -> Writer:
        """Open the next writer, once the current one has committed."""
        self.writer = self._open()
        return self.writer

    def __enter__(self) -> CurrentWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.writer.is_closed:
            return
        if exc_type is None:
            self.writer.cancel()
            return
        try:
            self.writer.cancel()
        except Exception as failure:  # the error on its way up matters more than a half-closed writer's
            log.warning("could not cancel the index writer cleanly: %s", failure)


def write_segment(job: tuple[str, list[Planned], EnrichBatch]) -> Segment:
    """Enrich the articles of `job` and write them as one new, uncommitted segment (worker side).

    The enrichment function comes with the job (pickled by reference: the worker imports the
    extractors, and NLTK, itself), so this module needs nothing of `search.ingest`. It enriches
    the whole chunk at once, extractor by extractor (`search.ingest.enrich.enrich_batch`: each
    extractor's tables stay in the CPU caches), before writing it."""
    index_dir, items, enrich_batch = job
    metadata_facets.use_index_facets(Path(index_dir))  # the index's metadata facets are extracted too
    enriched = enrich_batch([article for article, _, _ in items])
    return write_articles(index_dir, zip(enriched, (digest for _, digest, _ in items), strict=True))


def write_articles(index_dir: str, articles: Iterable[tuple[Article, str]]) -> Segment:
    """Write enriched (article, content hash) pairs as one new, uncommitted segment, with its
    facet and postings arrays; commit it with `commit_segments`."""
    ix, _ = writable_index(Path(index_dir))  # as the committing process does (a rebuild over a damaged index)
    text_postings = postings.PostingsBuilder()
    facet_fields: list[dict[str, Any]] = []
    story_texts: list[str] = []
    pairs = iter(articles)
    with CurrentWriter(lambda: Writer(ix, _lk=False, limitmb=SEGMENT_MEMORY_MB, compound=COMPOUND)) as current:
        # Block by block, step by step, as enrichment (`enrich_batch`): a block's analysis, then
        # Whoosh's work on it, each with its memos in the CPU caches (0.42 -> 0.35 ms an article).
        # Documents are numbered in the order they come.
        while block := list(islice(pairs, WRITE_BLOCK)):
            first = len(story_texts)
            documents = [to_document(article, digest) for article, digest in block]
            lengths = [text_postings.add(docnum, {name: document[name] for name in TEXT_FIELDS},
                                         document.get("language"))
                       for docnum, document in enumerate(documents, start=first)]
            for document, length in zip(documents, lengths, strict=True):
                measured = {name: MeasuredText(document[name], length[name]) for name in TEXT_FIELDS}
                current.writer.add_document(**{**document, **measured})
            facet_fields += [{name: document[name] for name in FACETS if name in document} for document in documents]
            story_texts += [stories.story_text(article.title, article.body) for article, _ in block]
        segment = current.writer.write_segment()
    facet_arrays.save(Path(index_dir), segment.segment_id(), facet_arrays.from_documents(ix.schema, facet_fields))
    postings.save(Path(index_dir), segment.segment_id(), text_postings.build())
    stories.save(Path(index_dir), segment.segment_id(), stories.signatures(story_texts))
    return segment


def merge_tiny(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
    """Merge policy: drop fully deleted segments and fold segments of fewer than
    `TINY_SEGMENT_DOCS` documents into the new one.

    Whoosh's default policy (MERGE_SMALL) merges half the index at some commits (at 100k
    articles, a single-process merge of minutes, even when adding one file); here the segments
    written by workers are left as they are, and only the tiny ones of small updates are merged.
    A segment whose every document was deleted (a full update replaces them all) is left out of
    the new version, so the commit deletes its files: Whoosh would keep them forever.
    """
    segments = [s for s in segments if s.deleted_count() < s.doc_count_all()]
    tiny = [s for s in segments if s.doc_count_all() < TINY_SEGMENT_DOCS]
    if len(tiny) < 2:
        return segments
    for segment in tiny:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in tiny]


def commit_segments(writer: ExtendedSegmentWriter, segments: list[Segment],
                    mergetype: Callable[[SegmentWriter, list[Segment]], list[Segment]] = merge_tiny,
                    clean: bool = True) -> None:
    """Commit `writer` (its deletions and merges) together with segments written by workers.

    With `clean=False` the files of segments not in the new commit are left for a later commit
    (workers are still writing theirs), and so are the writers' temporary folders.
    """
    writer.commit_with(segments, mergetype, clean)
    if clean:
        remove_temporary_folders(Path(writer.storage.folder), writer.indexname)


def remove_temporary_folders(index_dir: Path, indexname: str) -> None:
    """Delete the writers' temporary folders (a killed run's too); only while no worker is writing."""
    for folder in index_dir.glob(f"{indexname}*.tmp"):
        shutil.rmtree(folder, ignore_errors=True)


def _write_chunk(index_dir: str, enrich_batch: EnrichBatch, items: list[Planned]) -> Segment:
    _warm(enrich_batch)  # the warm-up task may have gone to the other worker
    return write_segment((index_dir, items, enrich_batch))


def _enrich_one(enrich_batch: EnrichBatch, article: Article) -> Article:
    """One article enriched by a batch enricher (the workers' warm-up enriches one)."""
    return enrich_batch([article])[0]


_warmed = False  # in this worker process


# A worker's collection thresholds (Python's default: 700, 10, 10). Its memos (stems, chunks, word
# ids) grow by thousands of entries a batch, and each young collection traversed the survivors since
# the last: 2.1 % of a worker's CPU at the defaults, 1.2 % at these. Cycles are still collected.
WORKER_GC_THRESHOLDS = (20_000, 20, 20)


def _warm(enrich_batch: EnrichBatch) -> None:
    """A worker's start, once: import the extractors and build their tables (`warm_up`), then
    freeze what exists (`gc.freeze`). Those objects, most of a worker's 200,000 (modules, word
    lists, automata), live as long as the process and hold no garbage, but every collection of
    Python's oldest generation traversed them again: 5 % of a worker's CPU once enrichment went
    step by step (more objects alive at once), 1.5 % frozen. Reference counting still frees them.
    Later collections run less often (`WORKER_GC_THRESHOLDS`)."""
    global _warmed
    if not _warmed:
        warm_up(partial(_enrich_one, enrich_batch))
        gc.collect()
        gc.freeze()
        gc.set_threshold(*WORKER_GC_THRESHOLDS)
        _warmed = True


def write_rounds(planned: Iterable[Planned], index_dir: Path, workers: int, round_size: int,
                 on_round: Callable[[list[Segment], list[Planned]], None], enrich_batch: EnrichBatch) -> None:
    """Enrich (with `enrich_batch`, a module-level function enriching a list of articles) and
    write `planned` articles in rounds of `round_size`, each split over `workers` processes
    (search/index/rounds.py).

    `on_round(segments, items)` runs in this process after every round, with the round's new
    segments and articles; it deletes replaced articles and commits (with `clean=False`: the
    workers are writing the next round meanwhile).
    """
    in_rounds(planned, workers, round_size, partial(_write_chunk, str(index_dir), enrich_batch), on_round,
              partial(_warm, enrich_batch))
