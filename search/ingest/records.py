"""Articles from records: the flexible field names every reader shares, dates, bylines, and
`ReadError`, the report of a file or record that could not be read.

A reader of any format turns what it finds into a mapping (`{"title": …, "text": …, "author": …}`)
and hands it to `record_or_error`, so every format gets the same field aliases, checks and limits.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from search.model import Article, field_name, make_id

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
_KNOWN = {key for keys in FIELD_ALIASES.values() for key in keys}
MAX_METADATA_FIELDS = 50   # extra fields kept per record (a wide export keeps its first 50)
MAX_METADATA_VALUES = 100  # values kept per field
_TEXT_ONLY = {key for name in ("title", "body", "url", "source") for key in FIELD_ALIASES[name]}  # never a number
# How the names of a speaker, author or byline field are separated: "By Jane Doe and John Roe, Reuters".
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;|&/\n]|\band\b)\s*")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PassedOver:
    """Parts of a file passed over on purpose, not errors: `count` records of a web archive
    that are no HTML page with status 200 (`what` says which), so the report can say they were seen."""

    where: str
    count: int
    what: str

    def __str__(self) -> str:
        return f"{self.where}: passed over {self.count:,} {self.what}"


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


def article_from_record(record: dict[str, Any], origin: str, metadata: dict[str, list[str]] | None = None) -> Article:
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
        metadata=metadata if metadata is not None else extra_fields(lowered),
    )


def extra_fields(lowered: dict[str, Any]) -> dict[str, list[str]]:
    """What a JSON object or CSV row says beyond the fields an `Article` has (`section`, `tags`,
    `language`, …: field name → values), for facets made from metadata, and its authors as
    `author`. A field's values are its text, number, or list of texts and numbers; objects,
    true/false and empty values are left out, and so are fields and values beyond the limits."""
    kept: dict[str, list[str]] = {}
    for key, value in lowered.items():
        name = field_name(key)
        if key in _KNOWN or not name or len(kept) >= MAX_METADATA_FIELDS:
            continue
        items = value if isinstance(value, list) else [value]
        values = [str(v).strip() for v in items[:MAX_METADATA_VALUES]
                  if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v).strip()]
        if values:
            kept[name] = values
    authors = [name for key in ("author", "authors", "byline") for name in given_names(lowered.get(key))]
    if authors:
        kept["author"] = list(dict.fromkeys(authors))
    return kept


def given_names(value: Any) -> list[str]:
    """The names in a speaker, author or byline field: a list, or text like "By Jane Doe and John Roe,
    Reuters" split at commas, "and", "&", ";" or "|" (with "By" dropped). Agencies and roles are left
    in: enrichment keeps only the parts that are a person's name (see `search.ingest.enrich`)."""
    if value is None or value == "":
        return []
    values = value if isinstance(value, list) else [value]
    return [part for item in values if item not in (None, "")
            for part in _NAME_SEPARATORS.split(_BY.sub("", _text_of("speaker", item))) if part]


def decode(data: bytes) -> str:
    """Text from UTF-8 (with or without a byte order mark) or UTF-16; binary data is an error."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def record_or_error(record: Any, where: str, metadata: dict[str, list[str]] | None = None
                    ) -> Iterator[Article | ReadError]:
    """The article of one record, or the `ReadError` saying why there is none (an implausible date
    is reported and the article kept without it)."""
    if not isinstance(record, dict):
        yield ReadError(where, f"expected a JSON object, got {type(record).__name__}")
        return
    try:
        article = article_from_record(record, where, metadata)
    except (ValueError, RecursionError, MemoryError) as exc:
        yield ReadError(where, describe(exc))
        return
    if problem := implausible_date(parse_date(_pick(_lowered(record), "published"))):
        yield ReadError(where, problem)  # reported, and the article kept: its text is not lost
    yield article


def describe(exc: BaseException) -> str:
    """An exception met while reading, as a sentence for the person who gave the file."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read (a JSON or TOML structure thousands of levels deep)"
    if isinstance(exc, MemoryError):
        return "too large to read in the memory available"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 or UTF-16 text (byte {exc.start})"
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON ({exc.msg}: line {exc.lineno} column {exc.colno})"
    return str(exc) or type(exc).__name__

