"""`check_index`: every byte of an index against its records, every segment read through, and
`--repair`: rebuild what is derived, drop what cannot be read, and say which articles that lost.

A database people trust with their data says exactly what is damaged and what a repair will
cost before doing it, and repairs by losing as little as possible: here the side files are
caches of the index (rebuilt, nothing lost); a damaged Whoosh segment is unreadable data, so a
repair drops that segment from a new version (the rest of the index answers again) and lists
the articles it held, with the files they were read from, for `python -m search index` to
restore them. Without `--repair` nothing is changed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.codec.base import Segment
from whoosh.index import FileIndex, LockError
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from search.errors import IndexBusyError, IndexCorruptError
from search.index import integrity, stories
from search.index.facet_arrays import tables_name
from search.index.location import open_index
from search.index.side_files import remove
from search.index.snapshot import refresh_caches
from search.index.whoosh_compat import latest_version, toc_file_name
from search.index.writers import COMPOUND, CurrentWriter, Writer
from search.settings import setting

log = logging.getLogger(__name__)

WRITE_TIMEOUT_S: float = setting("write_lock_timeout_s")
LISTED_IDS = 20  # lost article ids and origins named in the report's lines (all are in `LostArticles`)


@dataclass(frozen=True)
class LostArticles:
    """The articles of one damaged segment: lost when a repair drops it."""

    segment: str
    count: int                 # live articles in the segment
    ids: list[str]             # as far as they could be read (stored fields, else the id terms)
    origins: list[str]         # where each was read from ("file", "file:line", "file[n]"), where known


@dataclass
class CheckReport:
    """What `check_index` found and, with `repair`, did."""

    index_dir: Path
    files_checked: int = 0
    bytes_checked: int = 0
    damaged: list[integrity.Damage] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)   # segment -> the error reading it
    unrecorded: list[str] = field(default_factory=list)
    lost: list[LostArticles] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the index is intact (or was repaired)."""
        return bool(self.repaired) or not (self.damaged or self.unreadable)

    def lines(self) -> list[str]:
        """The report as lines of text."""
        out = [f"checked {self.files_checked} files ({self.bytes_checked / 1e6:.1f} MB) in {self.index_dir}"]
        out += [f"damaged: {d}" + ("" if not d.derived else " (derived: rebuilt by --repair)") for d in self.damaged]
        out += [f"unreadable segment {s}: {error}" for s, error in self.unreadable.items()]
        for lost in self.lost:
            shown = ", ".join(lost.ids[:LISTED_IDS]) + (" …" if len(lost.ids) > LISTED_IDS else "")
            out.append(f"segment {lost.segment} holds {lost.count} articles that cannot be read reliably: {shown}")
            if lost.origins:
                places = ", ".join(lost.origins[:LISTED_IDS]) + (" …" if len(lost.origins) > LISTED_IDS else "")
                out.append(f"  read from: {places} (index these files again to restore them)")
        if self.unrecorded:
            out.append(f"{len(self.unrecorded)} files have no record (checked by reading them; --repair records them)")
        out += [f"repaired: {r}" for r in self.repaired]
        if not (self.damaged or self.unreadable):
            out.append("no damage found")
        elif not self.repaired:
            out.append("run again with --repair to rebuild derived files and drop unreadable segments")
        return out


def _read_through(reader: SegmentReader) -> None:
    """Read every stored document and every posting of the segment (raises on damage)."""
    for _ in reader.all_stored_fields():
        pass
    for fieldname, text in reader.all_terms():
        for _ in reader.postings(fieldname, text).all_ids():
            pass


def _lost(ix: FileIndex, segment: Segment) -> LostArticles:
    """The live articles of a segment, as far as they can be read."""
    ids: list[str] = []
    origins: dict[str, None] = {}
    count = segment.doc_count_all() - segment.deleted_count()
    try:
        reader = SegmentReader(ix.storage, ix.schema, segment)
    except Exception:  # nothing of it opens: only the count is known
        return LostArticles(segment.segment_id(), count, [], [])
    try:
        try:
            for docnum, stored in reader.iter_docs():
                ids.append(stored.get("id", f"#{docnum}"))
                if stored.get("origin"):
                    origins[stored["origin"]] = None
        except Exception:  # stored fields damaged: the ids from the id field's terms
            ids = _terms_or_none(reader, "id")
    finally:
        reader.close()
    return LostArticles(segment.segment_id(), count, ids, list(origins))


def _terms_or_none(reader: SegmentReader, fieldname: str) -> list[str]:
    """A field's terms in a segment, or none when they cannot be read either."""
    try:
        return [t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(fieldname)]
    except Exception:
        return []


def _drop_segments(ix: FileIndex, path: Path, dropped: set[str]) -> None:
    """Commit a version without the `dropped` segments (their files go with the commit)."""
    def without(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
        return [s for s in segments if s.segment_id() not in dropped]

    try:
        opened = Writer(ix, timeout=WRITE_TIMEOUT_S, compound=COMPOUND)
    except LockError as exc:
        raise IndexBusyError(f"another process is writing to the index at {path}; try again when it has finished") \
            from exc
    with CurrentWriter(lambda: opened) as current:
        current.writer.commit(mergetype=without)


def check_index(index_dir: str | Path, repair: bool = False) -> CheckReport:
    """Check every file of the index's latest version against its record (size and checksum)
    and read every segment through; with `repair`, rebuild damaged derived files, drop damaged
    segments (listing their articles in `lost`) and record files that had no record."""
    path = Path(index_dir)
    ix = open_index(path)
    report = CheckReport(path)
    try:
        generation, listed = latest_version(ix)
    except Exception as exc:
        raise IndexCorruptError(f"the index's table of contents at {path} is unreadable ({exc}): "
                                f"rebuild the index (`python -m search index … --rebuild`)") from exc
    segments = {s.segment_id(): s for s in listed}
    segment_ids = list(segments)
    try:
        records = integrity.read_manifest(path)
    except IndexCorruptError as exc:
        if not repair:
            raise
        report.repaired.append(f"file records were unreadable ({exc.__cause__}): recorded again")
        (path / integrity.MANIFEST).unlink()
        records = {}
    present = integrity.version_files(path, segment_ids, toc_file_name(generation), tables_name(generation),
                                      stories.labels_name(generation))
    side = [n for n in records if n.startswith(integrity.SIDE_FOLDERS)
            and any(f"/{s}" in n for s in segment_ids + [tables_name(generation), stories.labels_name(generation)])]
    names = integrity.whoosh_names(records, segment_ids, toc_file_name(generation)) + side
    report.damaged = integrity.compare(path, names, records, full=True)
    report.unrecorded = [n for n in present if n not in records]
    report.files_checked = len(set(names) | set(present))
    report.bytes_checked = sum((path / n).stat().st_size for n in set(names) | set(present) if (path / n).is_file())
    damaged_segments = {d.segment for d in report.damaged if not d.derived and d.segment}
    for segment_id in segment_ids:
        try:
            reader = SegmentReader(ix.storage, ix.schema, segments[segment_id])
            try:
                _read_through(reader)
            finally:
                reader.close()
        except Exception as exc:
            report.unreadable[segment_id] = f"{type(exc).__name__}: {exc}"
    damaged_segments |= set(report.unreadable)
    report.lost = [_lost(ix, segments[s]) for s in sorted(damaged_segments)]
    if repair and (report.damaged or report.unreadable or report.unrecorded or report.repaired):
        _repair(ix, path, report, damaged_segments)
    return report


def _repair(ix: FileIndex, path: Path, report: CheckReport, damaged_segments: set[str]) -> None:
    if damaged_segments:
        _drop_segments(ix, path, damaged_segments)
        lost = sum(lost.count for lost in report.lost)
        report.repaired.append(f"dropped {len(damaged_segments)} unreadable segments ({lost} articles)")
    derived = [d for d in report.damaged if d.derived and d.segment not in damaged_segments]
    for damage in derived:
        target = path / damage.name
        remove(target.parent if damage.name.startswith("postings/") else target)
    refresh_caches(path)  # rebuilds what is missing, saves it and records every file of the version
    if derived:
        report.repaired.append(f"rebuilt {len(derived)} derived files")
    if report.unrecorded:
        report.repaired.append(f"recorded {len(report.unrecorded)} files")
