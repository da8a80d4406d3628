"""The NumPy files kept beside a Whoosh index: saved atomically, loaded or rebuilt, pruned.

The postings arrays (`postings/<segment id>/*.npy`) and the facet arrays (`facets/<segment
id>.npz`, `facets/tables-<generation>.npz`) are caches of what the index itself holds: each can
be rebuilt from the index at any time, so a missing or unreadable one is rebuilt, never an error,
and a read-only index folder only costs the rebuild. Several processes may save the same file at
once (every reader saves what it had to rebuild), so a file is written under a name of its own
(`<name>.<pid>.tmp`) and renamed into place: a reader sees the whole file or none. A saved
file's record (size, checksum: search/index/integrity.py) is replaced with it, and a file that
differs from its record is unreadable, so damage is rebuilt, and saved again for the next process.
"""

from __future__ import annotations

import logging
import os
import shutil
import zipfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from search.index import integrity

log = logging.getLogger(__name__)

T = TypeVar("T")


def remove(path: Path) -> None:
    """Delete a file or folder, as far as possible: what cannot go is only a cache left over."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with suppress(OSError):
            path.unlink()


def save(path: Path, write: Callable[[Path], None]) -> None:
    """Save a file or folder at `path` atomically: `write(partial)` writes it under a temporary
    name beside `path`, which is then renamed to `path`. A failure is logged, not raised (a
    read-only index folder still answers), unless another process saved `path` meanwhile. A
    folder saved over an old one (a damaged one, rebuilt) replaces it: the old one is renamed
    away first (a reader then sees the old folder, none, or the new one) and deleted."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        write(partial)
        if partial.is_dir() and path.is_dir():
            old = path.with_name(f"{path.name}.{os.getpid()}.old.tmp")
            path.replace(old)
            remove(old)
        partial.replace(path)
    except OSError as exc:
        remove(partial)
        if not path.exists():
            log.warning("cannot save %s: %s", path, exc)
        return
    try:
        integrity.note_saved(path)
    except OSError as exc:
        log.warning("cannot record %s: %s", path, exc)


def load(path: Path, read: Callable[[Path], T]) -> T | None:
    """`read(path)`, or None when there is nothing saved at `path` or it is unreadable or
    differs from its record (logged)."""
    if not path.exists():
        return None
    try:
        integrity.check_side(path)
        return read(path)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        log.warning("ignoring the unreadable %s: %s", path, exc)
        return None


def load_or_rebuild(path: Path, read: Callable[[Path], T], rebuild: Callable[[], T],
                    write: Callable[[Path, T], None] | None) -> T:
    """The value saved at `path`; when it is missing or unreadable, `rebuild()` it, save it with
    `write` and read it back, so that what is used is what the next process loads (and memory-
    mapped where `read` maps). `write=None` rebuilds without saving (a value that will not hold
    for later index versions)."""
    saved = load(path, read)
    if saved is not None:
        return saved
    built = rebuild()
    if write is None:
        return built
    save(path, lambda partial: write(partial, built))
    reread = load(path, read)
    return built if reread is None else reread


def prune(folder: Path, keep: Iterable[str]) -> None:
    """Delete every file or folder in `folder` not named in `keep`: the side files of segments
    merged or deleted away, and the partial writes a killed process left behind. (A save in
    progress in another process then fails, logged, and is redone by the next process.)"""
    kept = set(keep)
    for path in folder.iterdir() if folder.is_dir() else []:
        if path.name not in kept:
            remove(path)
