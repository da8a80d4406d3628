"""Size and checksum records of every index file, and checking the files against them.

A bit flipped or a file cut short by a disk, a copy or a crash must never turn into a wrong
answer. So every file of an index version has a record, `(size, crc32)`, in `<index>/integrity.json`:
Whoosh's segment files and table of contents (written once, never changed) and our derived side
files (`postings/<segment>/*.npy`, `facets/*.npz`, `stories/*.npy`). A writer records the files of the version it
committed (`record`, after the side files are made); a side file saved later (rebuilt by a reader)
has its record replaced at once (`note_saved`), under a lock file, so a record always describes the
file as it was written.

What is checked when:
- opening a version (`check_open`): that each recorded Whoosh file of its segments exists with its
  recorded size, and the checksum of the small ones (at most `OPEN_CHECKSUM_BYTES`): a stat per
  file, about a millisecond per 100 files. A difference raises `IndexCorruptError`.
- loading a side file (`check_side`, once per file and process): its size and checksum (crc32 runs
  at 2 GB/s, but reading a file's pages costs as much again: 70 to 150 ms for the 90 MB of postings
  a first query at 100k articles reads; positions and spelling words are read, and checked, only
  by the queries that need them). A difference makes it unreadable, so it is rebuilt from the
  index and saved again.
- `python -m search check` (`search/index/check.py`): every byte of every file.

A file without a record (an index written before records were kept, or a version committed by a
run killed before it recorded it) is not checked, and `check` lists it.
"""

from __future__ import annotations

import json
import os
import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from search.errors import IndexCorruptError
from search.index.mapped_arrays import map_file

MANIFEST = "integrity.json"
_LOCK = "integrity.lock"
OPEN_CHECKSUM_BYTES = 64 * 1024
SIDE_FOLDERS = ("postings", "facets", "stories")
# files of a postings folder checked when they are read, not with their folder: a query reads
# positions and the spelling vocabulary only when it needs them (search/index/postings.py)
ON_DEMAND = (".positions.npy", "words.npy", "word_docs.npy")


@dataclass(frozen=True)
class Record:
    """What a file was when it was written."""

    size: int
    crc32: int


def checksum(path: Path) -> int:
    """The crc32 of a file's bytes, over a memory map (no copy; zlib releases the GIL meanwhile)."""
    mapped = map_file(path)
    if mapped is None:
        return 0
    with mapped:
        return zlib.crc32(mapped)


def measure(path: Path) -> Record:
    """The record of a file as it is now."""
    return Record(path.stat().st_size, checksum(path))


# manifests read, by path: (the file's inode, size and mtime then, its records); read again when it changes
_manifests: dict[Path, tuple[tuple[int, int, int], dict[str, Record]]] = {}


def read_manifest(index_dir: Path) -> dict[str, Record]:
    """Every recorded file (path relative to the index folder, with `/`) and its record; empty
    when there is no manifest. An unreadable manifest is damage: nothing could be checked."""
    path = index_dir / MANIFEST
    try:
        stat = path.stat()
        key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        cached = _manifests.get(path)
        if cached is None or cached[0] != key:
            raw = json.loads(path.read_text("utf-8"))
            cached = key, {name: Record(int(size), int(crc)) for name, (size, crc) in raw["files"].items()}
            _manifests[path] = cached
        return dict(cached[1])
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        fix = f"`python -m search check --repair --index-dir {index_dir}` records them again"
        raise IndexCorruptError(f"the file records {path} are unreadable ({exc}); {fix}") from exc


def _write_manifest(index_dir: Path, records: dict[str, Record]) -> None:
    partial = index_dir / f"{MANIFEST}.{os.getpid()}.{threading.get_ident()}.tmp"
    body = {"version": 1, "files": {name: [r.size, r.crc32] for name, r in sorted(records.items())}}
    partial.write_text(json.dumps(body, separators=(",", ":")), "utf-8")
    partial.replace(index_dir / MANIFEST)


_thread_lock = threading.Lock()


@contextmanager
def _locked(index_dir: Path) -> Iterator[None]:
    """Exclusive use of the manifest, between threads and processes (flock where there is one)."""
    with _thread_lock, (index_dir / _LOCK).open("a") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: threads only
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def version_files(index_dir: Path, segment_ids: Iterable[str], toc_name: str, tables_name: str,
                  labels_name: str | None = None) -> list[str]:
    """The files of an index version as they are on disk now: its table of contents, each
    segment's Whoosh files and side files, and the version's facet tables (and story labels)."""
    ids = list(segment_ids)
    prefixes = tuple(f"{s}." for s in ids)
    names = [toc_name] + sorted(n for n in os.listdir(index_dir) if n.startswith(prefixes))
    for segment_id in ids:
        folder = index_dir / "postings" / segment_id
        if folder.is_dir():
            names += sorted(f"postings/{segment_id}/{p.name}" for p in folder.iterdir() if p.suffix == ".npy")
        names.append(f"facets/{segment_id}.npz")
        names.append(f"stories/{segment_id}.npy")
    names.append(f"facets/{tables_name}")
    if labels_name:
        names.append(f"stories/{labels_name}")
    return [n for n in names if (index_dir / n).is_file()]


def record(index_dir: Path, files: Iterable[str], toc_name: str) -> None:
    """Record the files of the version just committed: records already kept are kept (a segment
    file never changes; a side file's record is replaced whenever it is saved), the others
    measured now, the table of contents always (a new index in the folder counts its versions
    from 0 again); records of files no longer in the version are dropped."""
    with _locked(index_dir):
        try:
            old = read_manifest(index_dir)
        except IndexCorruptError:
            old = {}
        old.pop(toc_name, None)
        _write_manifest(index_dir, {name: old.get(name) or measure(index_dir / name) for name in files})


def _relative(path: Path) -> tuple[Path, str] | None:
    """(index folder, name in the manifest) of a side file, or None when `path` is none."""
    parent = path.parent
    if parent.name in ("facets", "stories"):
        return parent.parent, f"{parent.name}/{path.name}"
    if parent.parent.name == "postings":
        return parent.parent.parent, f"postings/{parent.name}/{path.name}"
    return None


def note_saved(path: Path) -> None:
    """Replace the records of a side file (or of the files of a side folder) just saved, when
    its index keeps records: the next process then checks the file as it was written."""
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    located = [(where, f) for f in files if (where := _relative(f)) is not None]
    if not located or not (located[0][0][0] / MANIFEST).exists():
        return
    index_dir = located[0][0][0]
    with _locked(index_dir):
        try:
            records = read_manifest(index_dir)
        except IndexCorruptError:
            return
        prefix = f"{located[0][0][1].rsplit('/', 1)[0]}/" if path.is_dir() else None
        if prefix:  # a folder saved anew: its old files' records go
            records = {n: r for n, r in records.items() if not n.startswith(prefix)}
        records.update({name: measure(f) for (_, name), f in located})
        _write_manifest(index_dir, records)


_checked: set[tuple[str, int, int, int]] = set()  # (path, inode, size, mtime) of side files found intact


def check_side(path: Path) -> None:
    """Raise `ValueError` when a side file (or a file of a side folder, but those of `ON_DEMAND`)
    differs from its record: the caller's load treats it as unreadable and rebuilds it. Each file
    is checked once per process."""
    # names, not paths, sorted and filtered: a fresh process's first query checks hundreds of files
    files = [path / name for name in sorted(os.listdir(path)) if not name.endswith(ON_DEMAND)] if path.is_dir() \
        else [path]
    records: dict[str, Record] | None = None
    for file in files:
        located = _relative(file)
        if located is None:
            continue
        stat = os.stat(file)
        key = (str(file), stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if key in _checked:
            continue
        if records is None:
            try:
                records = read_manifest(located[0])
            except IndexCorruptError:
                return
        expected = records.get(located[1])
        if expected is None:
            continue
        if expected.size != stat.st_size or expected.crc32 != checksum(file):
            raise ValueError(f"{file} differs from its record (size {stat.st_size}, recorded {expected.size}): damaged")
        _checked.add(key)


@dataclass(frozen=True)
class Damage:
    """One file of an index that is missing or differs from its record."""

    name: str       # in the index folder
    problem: str    # "missing", "size 10 (recorded 12)", "checksum differs"

    @property
    def segment(self) -> str:
        """The segment the file belongs to ("" for a version-wide file)."""
        if self.name.startswith("postings/"):
            return self.name.split("/")[1]
        base = self.name.rsplit("/", 1)[-1]
        return "" if base.startswith(("_", "tables-", "labels-")) else base.split(".")[0]

    @property
    def derived(self) -> bool:
        """Whether the file is a side file, rebuilt from the index."""
        return self.name.startswith(SIDE_FOLDERS)

    def __str__(self) -> str:
        return f"{self.name}: {self.problem}"


def compare(index_dir: Path, names: Iterable[str], records: dict[str, Record], full: bool) -> list[Damage]:
    """The damage among recorded `names`: missing files, wrong sizes, and wrong checksums (of
    every file with `full`, else of those of at most `OPEN_CHECKSUM_BYTES`)."""
    found = []
    for name in names:
        expected = records.get(name)
        if expected is None:
            continue
        try:
            size = os.stat(index_dir / name).st_size
        except FileNotFoundError:
            found.append(Damage(name, "missing"))
            continue
        if size != expected.size:
            found.append(Damage(name, f"size {size} (recorded {expected.size})"))
        elif (full or size <= OPEN_CHECKSUM_BYTES) and checksum(index_dir / name) != expected.crc32:
            found.append(Damage(name, "checksum differs"))
    return found


def whoosh_names(records: dict[str, Record], segment_ids: Iterable[str], toc_name: str) -> list[str]:
    """The recorded Whoosh files of a version: its table of contents and its segments' files."""
    prefixes = tuple(f"{s}." for s in segment_ids)
    return [toc_name] + sorted(n for n in records if n.startswith(prefixes))


def check_open(index_dir: Path, segment_ids: Iterable[str], toc_name: str) -> None:
    """The check made when a version is opened: recorded Whoosh files present, of their sizes,
    small ones of their checksums; `IndexCorruptError` naming the damage otherwise."""
    records = read_manifest(index_dir)
    if not records:
        return
    damage = compare(index_dir, whoosh_names(records, segment_ids, toc_name), records, full=False)
    if damage:
        raise IndexCorruptError(damage_message(index_dir, damage))


def damage_message(index_dir: Path, damage: list[Damage]) -> str:
    """One line: what is damaged, and what to run."""
    listed = "; ".join(map(str, damage[:3])) + (f"; and {len(damage) - 3} more" if len(damage) > 3 else "")
    return (f"the index at {index_dir} is damaged ({listed}); `python -m search check --index-dir {index_dir}` "
            f"says which articles are affected, and --repair drops what cannot be read")
