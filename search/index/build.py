"""Changing an index: `build_index` (add, update, skip, prune, rebuild) and `delete_articles`."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from whoosh import index
from whoosh.codec.base import Segment
from whoosh.index import FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.writing import CLEAR

from search.errors import IndexBusyError, IndexCorruptError
from search.index import integrity, metadata_facets
from search.index.location import SEEDS_DIR, default_index_dir, has_index, open_index, resolve_index_dir, writable_index
from search.index.schema import make_schema, to_document
from search.index.snapshot import refresh_caches
from search.index.writers import COMPOUND, CurrentWriter, Planned, Writer, commit_segments, merge_tiny, write_rounds
from search.ingest.readers import PassedOver, ReadError, article_files, origin_file, read_paths
from search.model import Article
from search.settings import setting

log = logging.getLogger(__name__)

WRITE_TIMEOUT_S: float = setting("write_lock_timeout_s")
WRITER_MEMORY_MB = 512
COMMIT_EVERY: int = setting("commit_every")
PARALLEL_MIN_ARTICLES: int = setting("parallel_min_articles")


@dataclass
class IndexReport:
    """What `build_index` did: article counts and one `ReadError` per file or record it could not read."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[ReadError] = field(default_factory=list)
    pruned: int = 0
    notice: str = ""  # what the build did not do and why (a rebuild that read no article)
    passed_over: list[PassedOver] = field(default_factory=list)  # web archive records that are no pages

    def summary(self) -> str:
        """A one-line summary, e.g. "added 2, updated 0, skipped 0, errors 1"."""
        text = f"added {self.added}, updated {self.updated}, skipped {self.skipped}, errors {len(self.errors)}"
        passed = sum(p.count for p in self.passed_over)
        return (text + (f", pruned {self.pruned}" if self.pruned else "")
                + (f", passed over {passed} web archive records that are no pages" if passed else "")
                + (f". {self.notice}" if self.notice else ""))


def _open_or_create(path: Path, rebuild: bool) -> tuple[FileIndex, str]:
    """The index to write to, and why the one there could not be opened ("" when it could); a new one where
    there is none. One that cannot be opened (damaged, or of another schema) is an error, except
    for a rebuild, which is asked to start over: the new index is then written over it as its next
    version (`index_over`), so its files stay exactly as they were until that version is
    committed, and a rebuild that reads no article, or stops half-way, loses nothing."""
    if has_index(path):
        ix, unreadable = writable_index(path)
        if unreadable and not rebuild:
            raise unreadable
        return ix, str(unreadable or "").partition("; ")[0]  # what was wrong, without the advice that follows
    if path.exists() and any(p.name != metadata_facets.SETTINGS_FILE for p in path.iterdir()):
        raise IndexCorruptError(f"refusing to create an index in {path}: the directory is not empty "
                                f"and holds no index")
    path.mkdir(parents=True, exist_ok=True)
    metadata_facets.use_index_facets(path)  # the new index's fields: its declared facets, no other index's
    return index.create_in(str(path), make_schema()), ""


def _writer(ix: FileIndex, path: Path) -> Writer:
    try:
        return Writer(ix, timeout=WRITE_TIMEOUT_S, limitmb=WRITER_MEMORY_MB, compound=COMPOUND)
    except LockError as exc:
        raise IndexBusyError(f"another process is writing to the index at {path} and did not finish within "
                             f"{WRITE_TIMEOUT_S:.0f} s; try again when it has finished") from exc


def ensure_default_index() -> Path:
    """The default index folder (`default_index_dir`), built from `seeds/` if it holds no index
    yet: what the public API and the page use when no index is named. Reading never builds."""
    path = default_index_dir()
    if not has_index(path):
        log.info("building the default index in %s from %s", path, SEEDS_DIR)
        build_index([SEEDS_DIR], path)
    return path


@dataclass(frozen=True)
class IndexProgress:
    """Progress of `build_index`, passed to its `progress` callback after each article."""

    articles: int       # read so far (added, updated or skipped)
    bytes_read: int     # of the input files finished so far
    bytes_total: int    # of all input files
    elapsed_s: float

    @property
    def fraction(self) -> float:
        """The share of the input bytes read, from 0 to 1 (1 when there is nothing to read)."""
        return min(1.0, self.bytes_read / self.bytes_total) if self.bytes_total else 1.0

    @property
    def rate(self) -> float:
        """Articles per second so far."""
        return self.articles / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        """Seconds left, estimated from the bytes read; None until there is something to go on."""
        if not self.bytes_read or self.elapsed_s <= 0:
            return None
        return self.elapsed_s * (self.bytes_total - self.bytes_read) / self.bytes_read


class InputRun:
    """The reading side of one build, local or on a cluster: the files under `paths`, the progress
    by bytes read (`tick` tells `progress`), and the articles read, each id once (a repeated id
    is counted as skipped: the first one wins); unreadable files and records and passed-over web
    archive records go to `report`."""

    def __init__(self, paths: Iterable[str | Path], report: IndexReport,
                 progress: Callable[[IndexProgress], None] | None) -> None:
        self.paths = [Path(p) for p in paths]
        self.report = report
        self.progress = progress
        found = list(article_files(self.paths))
        self.files = [f for f in found if isinstance(f, Path)]
        report.errors.extend(f for f in found if isinstance(f, ReadError))  # unreadable folders, link loops
        self.sizes = {str(f): f.stat().st_size if f.is_file() else 0 for f in self.files}
        self.total_bytes = sum(self.sizes.values())
        self.started = time.perf_counter()
        self.done_bytes = 0
        self.seen_ids: set[str] = set()
        self._finished_files: set[str] = set()
        self._streamed: dict[str, int] = {}  # bytes read so far of the files whose reader tells (archives)

    def tick(self) -> None:
        """Tell `progress` how far the build is."""
        _report(self.progress, self.report, self.done_bytes, self.total_bytes, self.started)

    def _read_to(self, file: Path, position: int) -> None:
        key = str(file)
        now = min(position, self.sizes.get(key, 0))
        self.done_bytes += now - self._streamed.get(key, 0)
        self._streamed[key] = now
        self.tick()

    def articles(self) -> Iterator[tuple[Article, str]]:
        """Every article read whose id was not read before in this run, with its content hash."""
        for item in read_paths(self.files, self._read_to):
            where = item.where if isinstance(item, ReadError | PassedOver) else item.origin
            source_file = origin_file(where)
            if source_file not in self._finished_files:
                self._finished_files.add(source_file)
                if source_file not in self._streamed:  # a file read whole: counted once its first article is read
                    self.done_bytes += self.sizes.get(source_file, 0)
            if isinstance(item, ReadError):
                self.report.errors.append(item)
                continue
            if isinstance(item, PassedOver):
                self.report.passed_over.append(item)
                continue
            if item.id in self.seen_ids:
                self.report.skipped += 1  # the same id twice in this run: the first one wins
                continue
            self.seen_ids.add(item.id)
            yield item, item.content_hash()


def build_index(
    paths: Iterable[str | Path],
    index_dir: str | Path | None = None,
    *,
    rebuild: bool = False,
    prune: bool = False,
    workers: int = 1,
    commit_every: int = COMMIT_EVERY,
    progress: Callable[[IndexProgress], None] | None = None,
    facets: Iterable[str | metadata_facets.MetadataFacet] = (),
    facet_separator: str = "",
) -> IndexReport:
    """Read, enrich and index every article under `paths`; re-indexing the same files adds nothing twice.

    An article whose id is indexed with the same content is skipped; with changed content it is
    replaced (updated). Files and records that cannot be read are listed in `errors`.
    `rebuild` replaces the whole index in one commit at the end (until then the old one stays
    searchable). `prune` deletes indexed articles that were read from under `paths` but are no
    longer there. `workers > 1` enriches and writes in that many processes (from `PARALLEL_MIN_ARTICLES`
    articles on). Work is committed every `commit_every` articles, so an interrupted run keeps what it
    committed and a rerun finishes it.

    `facets` names metadata fields (`Article.metadata`: extra JSON/CSV columns, a page's section,
    a feed's categories) to make facets of, split at `facet_separator` when given (a CSV cell
    "war; trade"); they are recorded in `<index>/facets.toml`, so later builds, `search()` and the
    page keep them (docs/metadata-facets.md). A facet added to an index that has articles already
    needs `rebuild=True` (its field is new to the index).
    """
    path = Path(index_dir) if index_dir is not None else default_index_dir()
    if facets:
        new = {spec.name for spec in metadata_facets.as_specs(facets)} - {
            spec.name for spec in metadata_facets.read_settings(path)}
        if new and has_index(path) and not rebuild:
            raise ValueError(f"the index in {path} has no field for the new facets {', '.join(sorted(new))}: "
                             f"add them with a rebuild (--rebuild, `build_index(..., rebuild=True)`)")
        metadata_facets.declare(path, facets, facet_separator)
    ix, unreadable = _open_or_create(path, rebuild)
    report = IndexReport()
    run = InputRun(paths, report, progress)

    def planned() -> Iterator[Planned]:
        for item, digest in run.articles():
            indexed = None if rebuild else searcher.document_number(id=item.id)
            if indexed is not None and searcher.stored_fields(indexed).get("content_hash") == digest:
                report.skipped += 1
                run.tick()
                continue
            yield item, digest, indexed is not None

    with CurrentWriter(lambda: _writer(ix, path)) as current, ix.searcher() as searcher:
        items = planned()
        first = list(islice(items, PARALLEL_MIN_ARTICLES))
        tick = run.tick
        if workers > 1 and len(first) == PARALLEL_MIN_ARTICLES:
            segments = _write_in_workers(chain(first, items), current, path, report, workers, commit_every, rebuild,
                                         tick)
        else:
            _write_here(chain(first, items), current, report, commit_every, rebuild, tick)
            segments = []
        if rebuild and not report.added + report.updated:
            # Nothing to replace the old index with: committing would empty it.
            _discard(current.writer, ix)
            report.notice = (f"No article could be read, so the index in {path} was not rebuilt "
                             f"and is unchanged" + (" (still unreadable)" if unreadable else ""))
            log.warning("%s", report.notice)
            return report
        if prune:
            report.pruned = _prune(current.writer, searcher, run)
        commit_segments(current.writer, segments, mergetype=CLEAR if rebuild else merge_tiny)
    if rebuild:
        _drop_unreadable_records(path)
    refresh_caches(path)
    if unreadable:
        report.notice = f"The rebuilt index replaced one that could not be read: {unreadable}"
        log.warning("%s", report.notice)
    return report


def _drop_unreadable_records(path: Path) -> None:
    """After a rebuild's commit: delete file records that cannot be read. They describe none of the
    rebuilt version's files (all new), and recording it (`refresh_caches`) starts the records anew."""
    try:
        integrity.read_manifest(path)
    except IndexCorruptError:
        (path / integrity.MANIFEST).unlink()


def _discard(writer: Writer, ix: FileIndex) -> None:
    """Give up a writer that wrote nothing, with the files its new segment had opened, so the
    index folder is left exactly as it was (a later commit would clean them up anyway)."""
    writer.cancel()
    prefix = writer.newsegment.make_filename(".")
    for name in ix.storage.list():
        if name.startswith(prefix):
            ix.storage.delete_file(name)


def _write_here(planned: Iterable[Planned], current: CurrentWriter, report: IndexReport, commit_every: int,
                rebuild: bool, tick: Callable[[], None]) -> None:
    """Enrich and write in this process (small inputs, or `workers=1`), leaving the last writer open."""
    from search.ingest.enrich import enrich  # imported here: NLTK takes ~1 s to import and searching never needs it

    pending = 0
    for article, digest, existed in planned:
        current.writer.update_document(**to_document(enrich(article), digest))
        report.updated += existed
        report.added += not existed
        pending += 1
        tick()
        if pending >= commit_every and not rebuild:
            current.writer.commit(mergetype=merge_tiny)
            current.renew()
            pending = 0


def _write_in_workers(planned: Iterable[Planned], current: CurrentWriter, path: Path, report: IndexReport,
                      workers: int, commit_every: int, rebuild: bool, tick: Callable[[], None]) -> list[Segment]:
    """Enrich and write segments in `workers` processes, committing each round.

    Returns the segments not committed yet (the last writer stays open): with `rebuild`, those of
    every round, to be committed at the end with `CLEAR`, so the old index stays searchable until then.
    """
    kept: list[Segment] = []

    def on_round(segments: list[Segment], items: list[Planned]) -> None:
        for article, _, existed in items:
            if existed:
                current.writer.delete_by_term("id", article.id)
            report.updated += existed
            report.added += not existed
        if rebuild:
            kept.extend(segments)
        else:
            commit_segments(current.writer, segments, clean=False)  # workers are writing the next round
            current.renew()
        tick()

    write_rounds(planned, path, workers, commit_every, on_round, _enrich_batch)
    return kept


def _enrich_batch(articles: list[Article]) -> list[Article]:
    """`search.ingest.enrich.enrich_batch`, imported where it runs: in the workers. The indexing
    process only reads, hands out and commits; importing the extractors (and NLTK) cost it 0.6 s
    of CPU at the start of every parallel build, while both workers were starting on the same cores."""
    from search.ingest.enrich import enrich_batch  # imported here: see above

    return enrich_batch(articles)


def _report(progress: Callable[[IndexProgress], None] | None, report: IndexReport, done: int, total: int,
            started: float) -> None:
    if progress:
        progress(IndexProgress(report.added + report.updated + report.skipped, done, total,
                               time.perf_counter() - started))


def _prune(writer: Writer, searcher: Searcher, run: InputRun) -> int:
    """Delete articles read from under the run's paths earlier whose id was not read this time."""
    gone = gone_test(run)
    pruned = 0
    for fields in searcher.all_stored_fields():
        if gone(fields["id"], fields.get("origin", "")):
            writer.delete_by_term("id", fields["id"])
            pruned += 1
    return pruned


def gone_test(run: InputRun) -> Callable[[str, str], bool]:
    """`gone(article_id, origin)`: whether an indexed article was read from under `run.paths`
    earlier and its id was not read this time (what `prune` deletes). An article of a file or
    folder that failed to read is kept: it may still be there."""
    roots = [str(p.resolve()) for p in run.paths]
    failed = [str(Path(origin_file(error.where)).resolve()) for error in run.report.errors]

    def gone(article_id: str, origin: str) -> bool:
        if not origin or article_id in run.seen_ids:
            return False
        path = str(Path(origin_file(origin)).resolve())
        return _under(path, roots) and not _under(path, failed)

    return gone


def _under(path: str, folders: list[str]) -> bool:
    """Whether `path` is one of `folders` or inside one of them."""
    return any(path == folder or path.startswith(folder + os.sep) for folder in folders)


def delete_articles(ids: Iterable[str], index_dir: str | Path | None = None) -> int:
    """Delete the articles with these ids; returns how many were in the index."""
    path = resolve_index_dir(index_dir)
    ix = open_index(path)
    with CurrentWriter(lambda: _writer(ix, path)) as current:
        deleted = int(sum(current.writer.delete_by_term("id", article_id) for article_id in ids))
        current.writer.commit(mergetype=merge_tiny)
    refresh_caches(path)
    return deleted
