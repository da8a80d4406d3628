"""Read articles from files and folders: pick the reader by the file name's ending, walk folders,
and report every file, record or member that cannot be read.

Every reader yields `Article`s and `ReadError`s (and a web archive a `PassedOver` count of the
records that are not pages); a broken file or record is reported with its file (and line, record
number or archive member) and never stops the rest from being read. The formats themselves are in
`search.ingest.formats`; the record fields every format shares in `search.ingest.records`.
"""

from __future__ import annotations

import csv
import os
import re
import tarfile
import tomllib
import zipfile
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from search.ingest.formats.archives import ARCHIVE_SUFFIXES, archive_of, read_tar, read_zip
from search.ingest.formats.feeds import read_feed
from search.ingest.formats.html import read_html
from search.ingest.formats.plain import read_csv, read_json, read_jsonl, read_text
from search.ingest.formats.warc import read_warc, read_warc_member
from search.ingest.records import (  # noqa: F401  (re-exported: the readers' public names)
    PassedOver,
    ReadError,
    article_from_record,
    describe,
    given_names,
    implausible_date,
    parse_date,
    plausible_dates,
)
from search.model import Article

Item = Article | ReadError | PassedOver
BytesReader = Callable[[Path, bytes], Iterator[Item]]
# How far into a file its reader is, in bytes: called by the readers that stream a large file
# (web archives, archives of files) as they go, so a progress bar can move inside one file.
Position = Callable[[Path, int], None]

# Readers of a file's bytes (also of an archive's members), by the file name's ending.
READERS: dict[str, BytesReader] = {
    ".txt": read_text, ".text": read_text,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".rss": read_feed, ".atom": read_feed, ".xml": read_feed,
}
# Inside an archive, a web archive member is read from memory (members are at most `MAX_MEMBER_BYTES`).
MEMBER_READERS: dict[str, BytesReader] = {**READERS, ".warc": read_warc_member, ".warc.gz": read_warc_member}


def file_type(path: Path | str) -> str:
    """The supported ending of a file name (".warc.gz", ".html"), lowercased, or "" when none."""
    name = str(path).lower()
    return next((suffix for suffix in _LONGEST_FIRST if name.endswith(suffix)), "")


def origin_file(origin: str) -> str:
    """The file an article or error comes from, from its origin: "path", "path:line", "path[n]",
    or "archive.zip!/member…" (the archive)."""
    if archive := archive_of(origin):
        return archive
    base = re.sub(r"\[\d+\]$", "", origin)
    head, sep, tail = base.rpartition(":")
    return head if sep and tail.isdigit() else base


def reader_for(path: Path) -> BytesReader | str | None:
    """How to read an archive member named `path`: its reader (errors reported, never raised), a
    message when it is an archive itself (not opened: bombs nest), or None when of no supported type."""
    suffix = file_type(path)
    if suffix in ARCHIVE_SUFFIXES:
        return "an archive inside an archive is not opened; add it on its own"
    reader = MEMBER_READERS.get(suffix)
    return partial(_read_bytes, reader) if reader else None


def _read_bytes(reader: BytesReader, path: Path, data: bytes) -> Iterator[Item]:
    try:
        yield from reader(path, data)
    except _READ_ERRORS as exc:
        yield ReadError(str(path), describe(exc))


_READ_ERRORS = (OSError, UnicodeDecodeError, ValueError, csv.Error, tomllib.TOMLDecodeError, RecursionError,
                MemoryError, EOFError)

# Readers that stream a file from disk (web archives, archives of files), telling how far they are.
STREAM_READERS: dict[str, Callable[[Path, Callable[[int], None]], Iterator[Item]]] = {
    ".warc": read_warc, ".warc.gz": read_warc,
    **{suffix: partial(read_tar, reader_for=reader_for) for suffix in ARCHIVE_SUFFIXES if suffix != ".zip"},
    ".zip": partial(read_zip, reader_for=reader_for),
}
ARTICLE_SUFFIXES = set(READERS) | set(STREAM_READERS)
_LONGEST_FIRST = sorted(ARTICLE_SUFFIXES, key=len, reverse=True)


def article_files(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """The given files, and the article files (by suffix) under the given directories, recursively,
    with a `ReadError` for each folder that cannot be listed and each link that loops or leads nowhere.

    Inside directories, hidden files and folders, files of other types (README.md, images,
    sidecars) and the `NAME_files` folder a browser saves beside `NAME.html` are passed over; a
    file named explicitly is always returned, so an unsupported one is reported. Links to folders
    are followed, each folder read once.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _folder_files(path)
        else:
            yield path


def _folder_files(root: Path) -> Iterator[Path | ReadError]:
    """The article files under `root` (sorted), after the problems met on the way."""
    found: list[Path] = []
    problems: list[ReadError] = []
    seen: dict[tuple[int, int], str] = {}

    def unreadable(exc: OSError) -> None:
        problems.append(ReadError(str(exc.filename or root), f"folder cannot be read ({exc.strerror or exc}); "
                                                             f"its files were not indexed"))

    for folder, folders, names in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            status = os.stat(folder)
        except OSError as exc:
            unreadable(exc)
            folders.clear()
            continue
        identity = (status.st_dev, status.st_ino)
        if identity in seen:
            problems.append(ReadError(folder, f"symbolic link loop or second link: the folder {seen[identity]} "
                                              f"was read already, so this one was skipped"))
            folders.clear()
            continue
        seen[identity] = folder
        pages = {Path(name).stem for name in names if file_type(name) in (".html", ".htm")}
        folders[:] = sorted(name for name in folders if not name.startswith(".")
                            and not (name.endswith("_files") and name[:-6] in pages))  # a saved page's images, ads
        for name in names:
            child = Path(folder, name)
            if name.startswith(".") or not file_type(name):
                continue
            if child.is_file():
                found.append(child)
            elif child.is_symlink():
                problems.append(ReadError(str(child), "symbolic link that loops or leads nowhere"))
    yield from problems
    yield from sorted(found)


def read_file(path: Path, position: Position | None = None) -> Iterator[Item]:
    """The articles of one file, or a `ReadError` for each part that cannot be read. A reader
    that streams a large file tells `position(path, bytes read so far)` as it goes."""
    suffix = file_type(path)
    if suffix in STREAM_READERS:
        yield from _streamed(path, STREAM_READERS[suffix], partial(position, path) if position else _nowhere)
        return
    reader = READERS.get(suffix)
    if reader is None:
        yield ReadError(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                   f"expected one of {', '.join(sorted(ARTICLE_SUFFIXES))}")
        return
    try:
        data = path.read_bytes()
        if not data.strip():
            raise ValueError("empty file")
    except _READ_ERRORS as exc:
        yield ReadError(str(path), describe(exc))
        return
    yield from _read_bytes(reader, path, data)


def _streamed(path: Path, reader: Callable[[Path, Callable[[int], None]], Iterator[Item]],
              position: Callable[[int], None]) -> Iterator[Item]:
    """A streamed file's items; an archive or web archive with nothing of a supported type in it
    is reported, not passed over in silence."""
    found = 0
    try:
        for item in reader(path, position):
            found += 1
            yield item
    except (*_READ_ERRORS, zipfile.BadZipFile, tarfile.TarError) as exc:
        yield ReadError(str(path), describe(exc))
        return
    if not found:
        what = "records" if "warc" in file_type(path) else "article files"
        yield ReadError(str(path), f"nothing to read in it: no {what} of a supported type")


def _nowhere(position: int) -> None:
    """Where a position goes when nobody asked for it."""


def read_paths(paths: Iterable[str | Path], position: Position | None = None) -> Iterator[Item]:
    """Articles from files and directories, with a `ReadError` for everything that failed (and a
    `PassedOver` count for the records of a web archive that are not pages); `position` as in `read_file`."""
    for path in article_files(paths):
        if isinstance(path, ReadError):
            yield path
            continue
        if not path.exists():
            yield ReadError(str(path), "no such file or directory")
            continue
        yield from read_file(path, position)
