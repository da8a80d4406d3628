"""Archives of article files (`.zip`, `.tar`, `.tar.gz`/`.tgz`, `.tar.bz2`, `.tar.xz`), read in place.

Each member of a supported type is read from memory, never extracted to disk, by the reader of
its type; its articles' origin is `archive!/member` (`origin_file` maps it back to the archive).
As in a folder, hidden members and members of other types are passed over.

Guards, each reported with the member's name: a member larger than `MAX_MEMBER_BYTES` (read up to
that size only, whatever the archive claims), a zip member compressed more than `MAX_RATIO`
times (a zip bomb), more than `MAX_TOTAL_BYTES` in all or more than `MAX_MEMBERS` members (the
rest is not read), absolute or `..` member names and links (skipped: the name would say the
article comes from outside the archive), and archives inside archives (not opened: bombs nest;
a web archive inside one is read).
"""

from __future__ import annotations

import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from search.ingest.records import PassedOver, ReadError, describe
from search.model import Article

MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_MEMBERS = 200_000
MAX_RATIO = 200  # real text compresses 3–10 times; bombs thousands of times
MEMBER_SEPARATOR = "!/"
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
_ARCHIVE_ORIGIN = re.compile(r"^(.*?(?:" + "|".join(re.escape(s) for s in ARCHIVE_SUFFIXES) + "))"
                             + re.escape(MEMBER_SEPARATOR), re.IGNORECASE)

Item = Article | ReadError | PassedOver
ReadMember = Callable[[Path], Callable[[Path, bytes], Iterator[Item]] | str | None]


def archive_of(origin: str) -> str | None:
    """The archive an origin ("news.zip!/pages/a.html:3") lies in, or None when not in an archive."""
    match = _ARCHIVE_ORIGIN.match(origin)
    return match.group(1) if match else None


def read_zip(path: Path, position: Callable[[int], None], reader_for: ReadMember) -> Iterator[Item]:
    """The articles of a zip archive's members. `reader_for(member path)` gives the member's
    reader, a message when it cannot be read, or None when it is of no supported type;
    `position(bytes)` is told where in the archive each member ends."""
    position(0)
    with zipfile.ZipFile(path) as archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > MAX_MEMBERS:
            raise ValueError(f"{len(members):,} members, more than the {MAX_MEMBERS:,} read from one archive")
        total = 0
        for info in members:
            position(info.header_offset)
            where = Path(f"{path}{MEMBER_SEPARATOR}{info.filename}")
            reader = _member_reader(path, info.filename, reader_for)
            if not callable(reader):
                yield from reader
                continue
            if problem := _size_problem(info.file_size, info.compress_size):
                yield ReadError(str(where), problem)
                continue
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                yield ReadError(str(where), _too_much())
                return
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_MEMBER_BYTES + 1)  # the size a zip declares may lie
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, zlib.error, NotImplementedError) as exc:
                yield ReadError(str(where), f"member cannot be read ({describe(exc)})")  # damaged, encrypted
                continue
            yield from _read_member(reader, where, data)


def read_tar(path: Path, position: Callable[[int], None], reader_for: ReadMember) -> Iterator[Item]:
    """The articles of a tar archive's members (compressed or not), read in one pass."""
    budget = max(MAX_RATIO * path.stat().st_size, MAX_MEMBER_BYTES)
    total, count = 0, 0
    with path.open("rb") as raw, tarfile.open(fileobj=raw, mode="r:*") as archive:
        where = path
        position(0)
        try:
            for info in archive:
                position(raw.tell())
                count += 1
                if count > MAX_MEMBERS:
                    yield ReadError(str(path), f"more than {MAX_MEMBERS:,} members; the rest was not read")
                    return
                if info.isdir():
                    continue
                where = Path(f"{path}{MEMBER_SEPARATOR}{info.name}")
                reader = _member_reader(path, info.name, reader_for)
                if not callable(reader):
                    yield from reader
                    continue
                if not info.isfile():
                    yield ReadError(str(where), "a link or special file inside the archive; skipped")
                    continue
                if info.size > MAX_MEMBER_BYTES:
                    yield ReadError(str(where), _too_large(info.size))
                    continue
                total += info.size
                if total > min(MAX_TOTAL_BYTES, budget):
                    yield ReadError(str(where), _too_much())
                    return
                member = archive.extractfile(info)
                yield from _read_member(reader, where, member.read(MAX_MEMBER_BYTES + 1) if member else b"")
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            yield ReadError(str(where), f"damaged archive ({describe(exc)}); the rest was not read")


def _too_much() -> str:
    return (f"the archive holds more than {MAX_TOTAL_BYTES / 1024 ** 3:,.0f} GB of files, or unpacks to more than "
            f"{MAX_RATIO} times its size (an archive bomb?); the rest was not read")


def _too_large(size: int) -> str:
    return (f"member is {size / 1024 / 1024:,.1f} MB, more than the {MAX_MEMBER_BYTES / 1024 / 1024:,.1f} MB "
            f"read from one archive member")


def _size_problem(size: int, compressed: int) -> str:
    if size > MAX_MEMBER_BYTES:
        return _too_large(size)
    if size > 1024 * 1024 and size > MAX_RATIO * max(compressed, 1):
        return (f"member is compressed {size / max(compressed, 1):,.0f} times (more than {MAX_RATIO}: "
                f"a zip bomb?); skipped")
    return ""


def _member_reader(archive: Path, name: str, reader_for: ReadMember
                   ) -> Callable[[Path, bytes], Iterator[Item]] | list[Item]:
    """The member's reader, or what to yield instead: nothing (a member of no supported type,
    hidden), or the error that says why it is skipped (naming the member as the archive has it)."""
    where = f"{archive}{MEMBER_SEPARATOR}{name}"
    pure = PurePosixPath(name.replace("\\", "/"))
    if any(part.startswith(".") and part not in (".", "..") for part in pure.parts) or "__MACOSX" in pure.parts:
        return []  # hidden files, macOS resource forks
    reader = reader_for(Path(where))
    if reader is None:
        return []
    if pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", name):
        return [ReadError(where, "member name points outside the archive (absolute or ..); skipped")]
    if isinstance(reader, str):
        return [ReadError(where, reader)]
    return reader


def _read_member(reader: Callable[[Path, bytes], Iterator[Item]], where: Path, data: bytes) -> Iterator[Item]:
    if len(data) > MAX_MEMBER_BYTES:
        yield ReadError(str(where), _too_large(len(data)))
    elif not data.strip():
        yield ReadError(str(where), "empty file")
    else:
        yield from reader(where, data)  # (the reader reports its own errors: see `readers.reader_for`)
