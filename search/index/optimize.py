"""`optimize`: merge an index's segments into one, reclaiming the space of deleted articles.

Every update adds segments, and a replaced article stays in its old segment, marked deleted,
until that segment is merged (or, when all of it is deleted, dropped at a commit: `merge_tiny`).
Merging everything into one segment copies the live articles only, so the index is as small and
as quick to open as a fresh build. It runs as one writer (another writer waits, as for any
update); readers keep the version they opened, whose files stay readable after the commit
deletes them (POSIX), so the index answers throughout.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from whoosh.codec.base import Segment
from whoosh.index import LockError
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from search.errors import IndexBusyError
from search.index.location import open_index
from search.index.snapshot import refresh_caches
from search.index.whoosh_compat import latest_version
from search.index.writers import COMPOUND, CurrentWriter, Writer
from search.settings import setting

WRITE_TIMEOUT_S: float = setting("write_lock_timeout_s")
MERGE_MEMORY_MB = 512


@dataclass(frozen=True)
class OptimizeProgress:
    """Progress of `optimize`, passed to its callback after each step."""

    step: str          # "merging" (a segment copied into the new one) or "arrays" (the search arrays)
    done: int          # segments merged so far
    total: int         # segments to merge
    elapsed_s: float


@dataclass(frozen=True)
class OptimizeReport:
    """What `optimize` did: segments and bytes before and after."""

    segments_before: int
    segments_after: int
    bytes_before: int
    bytes_after: int


def folder_bytes(index_dir: Path) -> int:
    """The size of every file under an index folder."""
    return sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())


def optimize(index_dir: str | Path, progress: Callable[[OptimizeProgress], None] | None = None) -> OptimizeReport:
    """Merge every segment of the index into one (live articles only), then rebuild its
    search arrays; the index stays searchable throughout."""
    path = Path(index_dir)
    ix = open_index(path)
    started = time.perf_counter()
    before = folder_bytes(path)
    counted: list[int] = []

    def tell(step: str, done: int, total: int) -> None:
        if progress:
            progress(OptimizeProgress(step, done, total, time.perf_counter() - started))

    def merge_all(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
        counted.append(len(segments))
        live = [s for s in segments if s.deleted_count() < s.doc_count_all()]
        for done, segment in enumerate(live, 1):
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)  # copies the live documents only
            reader.close()
            tell("merging", done, len(live))
        return []

    try:
        opened = Writer(ix, timeout=WRITE_TIMEOUT_S, limitmb=MERGE_MEMORY_MB, compound=COMPOUND)
    except LockError as exc:
        raise IndexBusyError(f"another process is writing to the index at {path} and did not finish within "
                             f"{WRITE_TIMEOUT_S:.0f} s; try again when it has finished") from exc
    with CurrentWriter(lambda: opened) as current:
        current.writer.commit(mergetype=merge_all)
    tell("arrays", counted[0], counted[0])
    refresh_caches(path)
    return OptimizeReport(counted[0], len(latest_version(open_index(path))[1]), before, folder_bytes(path))
