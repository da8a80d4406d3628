"""Read articles from files: plain text (with optional front matter or sidecar), JSON, JSONL, CSV.

Every reader yields `Article`s and `ReadError`s; a broken file or record is reported with its
file (and line) and never stops the rest from being read.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from search.model import Article, make_id

ARTICLE_SUFFIXES = {".txt", ".text", ".json", ".jsonl", ".ndjson", ".csv"}
SIDECAR_SUFFIX = ".meta.toml"
MAX_ARTICLE_CHARS = 1_000_000  # one article's text; longer records are reported, not indexed
csv.field_size_limit(max(csv.field_size_limit(), 4 * MAX_ARTICLE_CHARS))  # long texts reach our own check

# Field name aliases, matched case-insensitively, for JSON objects and CSV headers.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "newid", "guid", "uuid"),
    "title": ("title", "headline"),
    "body": ("text", "body", "content", "article"),
    "published": ("date", "published", "published_at", "pubdate", "datetime"),
    "url": ("url", "link", "href"),
    "source": ("source", "outlet", "publisher"),
    "speakers": ("speaker", "speakers", "author", "authors", "byline"),
}
_TEXT_ONLY = {key for name in ("title", "body", "url", "source") for key in FIELD_ALIASES[name]}  # never a number
# How the names of a speaker, author or byline field are separated: "By Jane Doe and John Roe, Reuters".
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;|&/\n]|\band\b)\s*")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass(frozen=True)
class ReadError:
    """A file or record that could not be read; `where` is "path" or "path:line"."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def parse_date(value: Any) -> date | None:
    """A `date` from ISO text, a datetime, or a few common news formats; None when unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in ("%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y", "%Y/%m/%d", "%d/%m/%Y", "%B %d, %Y", "%d %B %Y",
                "%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y %H:%M:%S %Z"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


EARLIEST_DATE = date(1800, 1, 1)


def plausible_dates() -> tuple[date, date]:
    """The publication dates accepted from input: 1800-01-01 to the end of next year. A date
    outside (`0001-01-01`, `9999-12-31`: placeholders, typos) would stretch every timeline over
    centuries with no bars in them."""
    return EARLIEST_DATE, date(date.today().year + 1, 12, 31)


def implausible_date(published: date | None) -> str | None:
    """Why `published` is not taken as a publication date, or None when it is plausible (or absent)."""
    earliest, latest = plausible_dates()
    if published is None or earliest <= published <= latest:
        return None
    return (f"date {published.isoformat()} is outside {earliest.isoformat()} … {latest.isoformat()}; "
            f"the article is kept without a date")


def _text_of(key: str, value: Any) -> str:
    """A field's text: a string, or a number for an id or a date; anything else (a list, an
    object, true/false) is an error naming the field, never its Python spelling ("['a', 'b']")."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool) and key not in _TEXT_ONLY:
        return str(value)
    raise ValueError(f"{key} must be a string, got {_json_type(value)}")


def _json_type(value: Any) -> str:
    names = {list: "a list", dict: "an object", bool: "true/false", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _lowered(record: dict[str, Any]) -> dict[str, Any]:
    return {str(k).strip().lower(): v for k, v in record.items() if k is not None}


def _pick(lowered: dict[str, Any], name: str) -> str:
    """The text of the first alias of field `name` that a record (keys lowercased) has."""
    for key in FIELD_ALIASES[name]:
        value = lowered.get(key)
        if value not in (None, ""):
            return _text_of(key, value)
    return ""


def article_from_record(record: dict[str, Any], origin: str) -> Article:
    """Build an `Article` from a mapping with flexible keys; raises ValueError when it has no text
    or a field has the wrong type. An implausible date is left out (`implausible_date` says why)."""
    lowered = _lowered(record)

    def pick(name: str) -> str:
        return _pick(lowered, name)

    title, body = pick("title"), pick("body")
    if not body:
        names = "|".join(FIELD_ALIASES["body"])
        raise ValueError(f"no article text (expected a column or key named {names})")
    if len(body) > MAX_ARTICLE_CHARS:
        raise ValueError(f"article text is {len(body):,} characters, more than the {MAX_ARTICLE_CHARS:,} "
                         f"allowed for one article")
    url = pick("url")
    speakers = list(dict.fromkeys(name for key in FIELD_ALIASES["speakers"] for name in given_names(lowered.get(key))))
    published = parse_date(pick("published"))
    return Article(
        id=make_id(pick("id"), url, title, body),
        title=title,
        body=body,
        source=pick("source"),
        url=url,
        published=None if implausible_date(published) else published,
        origin=origin,
        facets={"speaker": speakers} if speakers else None,  # given; enrichment merges them (`with_given`)
    )


def given_names(value: Any) -> list[str]:
    """The names in a speaker, author or byline field: a list, or text like "By Jane Doe and John Roe,
    Reuters" split at commas, "and", "&", ";" or "|" (with "By" dropped). Agencies and roles are left
    in: enrichment keeps only the parts that are a person's name (see `search.ingest.enrich`)."""
    if value is None or value == "":
        return []
    values = value if isinstance(value, list) else [value]
    return [part for item in values if item not in (None, "")
            for part in _NAME_SEPARATORS.split(_BY.sub("", _text_of("speaker", item))) if part]


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """`key: value` lines between two `---` lines at the top of a text file."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            meta: dict[str, Any] = {}
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                if sep:
                    meta[key.strip().lower()] = value.strip().strip('"')
            return meta, "\n".join(lines[end + 1:])
    return {}, text


def read_text(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    """A plain-text article: first non-empty line is the title, the rest the body."""
    meta, text = _split_front_matter(_decode(data).replace("\r\n", "\n"))
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.is_file():
        meta.update({k.lower(): v if isinstance(v, list) else str(v)  # a list of speakers stays a list
                     for k, v in _read_sidecar(sidecar).items()})
    lines = text.strip().split("\n")
    title = lines[0].strip() if lines else ""
    body = "\n".join(lines[1:]).strip()
    if not title:
        raise ValueError("empty file")
    record = {**meta, "title": meta.get("title", title), "text": body or title}
    yield from _record_or_error(record, str(path))


def _read_sidecar(sidecar: Path) -> dict[str, Any]:
    """A text article's `.meta.toml` sidecar; an unreadable one is an error that names it."""
    try:
        return tomllib.loads(sidecar.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        raise ValueError(f"sidecar {sidecar.name}: {_describe(exc)}") from exc


def read_json(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    """A JSON file: one article object, or a list of them."""
    parsed = json.loads(_decode(data))
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        raise ValueError("no articles (an empty JSON list)")
    for number, record in enumerate(records, 1):
        yield from _record_or_error(record, f"{path}[{number}]" if len(records) > 1 else str(path))


def _lines(data: bytes) -> Iterator[tuple[int, str | None]]:
    """(line number, text) of each line; text is None for a line that is not valid UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield from enumerate(_decode(data).splitlines(), 1)
        return
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), 1):
        try:
            yield number, raw.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError:
            yield number, None


def read_jsonl(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    """A JSON Lines file: one article object per line; a bad line is reported, the rest read."""
    for number, line in _lines(data):
        where = f"{path}:{number}"
        if line is None:
            yield ReadError(where, "not UTF-8 text")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON ({exc.msg}: column {exc.colno})")
            continue
        except (RecursionError, MemoryError) as exc:  # nested too deep / too big: this line only
            yield ReadError(where, _describe(exc))
            continue
        yield from _record_or_error(record, where)


def read_csv(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    """A CSV file with a header row; columns matched case-insensitively (see FIELD_ALIASES)."""
    reader = csv.DictReader(io.StringIO(_decode(data), newline=""))
    headers = {h.strip().lower() for h in reader.fieldnames or [] if h}
    if not headers & set(FIELD_ALIASES["body"]):
        names = "|".join(FIELD_ALIASES["body"])
        raise ValueError(f"CSV has no text column (expected one of {names}; found {sorted(headers)})")
    try:
        for record in reader:
            yield from _record_or_error(record, f"{path}:{reader.line_num}")
    except csv.Error as exc:  # a malformed row ends the file; the rows before it are kept
        yield ReadError(f"{path}:{reader.line_num}", f"malformed CSV ({exc}); the rest of the file was not read")


def _record_or_error(record: Any, where: str) -> Iterator[Article | ReadError]:
    if not isinstance(record, dict):
        yield ReadError(where, f"expected a JSON object, got {type(record).__name__}")
        return
    try:
        article = article_from_record(record, where)
    except (ValueError, RecursionError, MemoryError) as exc:
        yield ReadError(where, _describe(exc))
        return
    if problem := implausible_date(parse_date(_pick(_lowered(record), "published"))):
        yield ReadError(where, problem)  # reported, and the article kept: its text is not lost
    yield article


READERS = {
    ".txt": read_text, ".text": read_text,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv,
}


def article_files(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """The given files, and the article files (by suffix) under the given directories, recursively,
    with a `ReadError` for each folder that cannot be listed and each link that loops or leads nowhere.

    Inside directories, hidden files and folders and files of other types (README.md, images,
    sidecars) are passed over; a file named explicitly is always returned, so an unsupported one
    is reported. Links to folders are followed, each folder read once.
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
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in names:
            child = Path(folder, name)
            if name.startswith(".") or child.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if child.is_file():
                found.append(child)
            elif child.is_symlink():
                problems.append(ReadError(str(child), "symbolic link that loops or leads nowhere"))
    yield from problems
    yield from sorted(found)


def read_file(path: Path) -> Iterator[Article | ReadError]:
    """The articles of one file, or a `ReadError` for each part that cannot be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield ReadError(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                   f"expected one of {', '.join(sorted(ARTICLE_SUFFIXES))}")
        return
    try:
        data = path.read_bytes()
        if not data.strip():
            raise ValueError("empty file")
        yield from reader(path, data)
    except (OSError, UnicodeDecodeError, ValueError, csv.Error, tomllib.TOMLDecodeError, RecursionError,
            MemoryError) as exc:
        yield ReadError(str(path), _describe(exc))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply to read (a JSON or TOML structure thousands of levels deep)"
    if isinstance(exc, MemoryError):
        return "too large to read in the memory available"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 or UTF-16 text (byte {exc.start})"
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON ({exc.msg}: line {exc.lineno} column {exc.colno})"
    return str(exc) or type(exc).__name__


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Articles from files and directories, with a `ReadError` for everything that failed."""
    for path in article_files(paths):
        if isinstance(path, ReadError):
            yield path
            continue
        if not path.exists():
            yield ReadError(str(path), "no such file or directory")
            continue
        yield from read_file(path)
