"""Plain text (first line the title, optional front matter or `.meta.toml` sidecar), JSON, JSON Lines and CSV."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from search.ingest.formats.feeds import is_json_feed, read_json_feed
from search.ingest.records import FIELD_ALIASES, ReadError, decode, describe, record_or_error
from search.model import Article

SIDECAR_SUFFIX = ".meta.toml"


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
    meta, text = _split_front_matter(decode(data).replace("\r\n", "\n"))
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
    yield from record_or_error(record, str(path))


def _read_sidecar(sidecar: Path) -> dict[str, Any]:
    """A text article's `.meta.toml` sidecar; an unreadable one is an error that names it."""
    try:
        return tomllib.loads(sidecar.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        raise ValueError(f"sidecar {sidecar.name}: {describe(exc)}") from exc


def read_json(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    """A JSON file: one article object, a list of them, or a JSON Feed."""
    parsed = json.loads(decode(data))
    if is_json_feed(parsed):
        yield from read_json_feed(path, parsed)
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        raise ValueError("no articles (an empty JSON list)")
    for number, record in enumerate(records, 1):
        yield from record_or_error(record, f"{path}[{number}]" if len(records) > 1 else str(path))


def _lines(data: bytes) -> Iterator[tuple[int, str | None]]:
    """(line number, text) of each line; text is None for a line that is not valid UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield from enumerate(decode(data).splitlines(), 1)
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
            yield ReadError(where, describe(exc))
            continue
        yield from record_or_error(record, where)


def read_csv(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    """A CSV file with a header row; columns matched case-insensitively (see FIELD_ALIASES)."""
    reader = csv.DictReader(io.StringIO(decode(data), newline=""))
    headers = {h.strip().lower() for h in reader.fieldnames or [] if h}
    if not headers & set(FIELD_ALIASES["body"]):
        names = "|".join(FIELD_ALIASES["body"])
        raise ValueError(f"CSV has no text column (expected one of {names}; found {sorted(headers)})")
    try:
        for record in reader:
            yield from record_or_error(record, f"{path}:{reader.line_num}")
    except csv.Error as exc:  # a malformed row ends the file; the rows before it are kept
        yield ReadError(f"{path}:{reader.line_num}", f"malformed CSV ({exc}); the rest of the file was not read")


