"""Export every article of the current results (not just a page) as CSV, JSON or JSON Lines, streamed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from search.engine.query import SORTS, match, ordered_docs
from search.index.schema import FACETS, from_stored
from search.engine.selection import FacetFilter, Selection

FORMATS = ("csv", "json", "jsonl")
COLUMNS = ["id", "title", "source", "published", "url", *(f.attr for f in FACETS.values() if f.multivalued), "body"]
LIST_SEPARATOR = "; "
_BATCH = 200


def _records(query: str, selection: Selection, sort: str, index_dir: str | Path | None) -> Iterator[dict[str, Any]]:
    m = match(query, selection, index_dir)
    for docnum, _score in ordered_docs(m, sort, None):
        stored = from_stored(m.snap.searcher.stored_fields(docnum))
        stored["published"] = stored["published"].isoformat() if stored["published"] else ""
        yield {column: stored[column] for column in COLUMNS}


def _csv(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for number, record in enumerate(records, 1):
        writer.writerow({k: LIST_SEPARATOR.join(v) if isinstance(v, list) else v for k, v in record.items()})
        if number % _BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _json(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for number, record in enumerate(records):
        yield ("," if number else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"


def _jsonl(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def export(query: str = "", filters: FacetFilter | None = None, *, format: str = "csv", sort: str = "newest",
           index_dir: str | Path | None = None, **selection: Any) -> Iterator[str]:
    """Stream all matching articles, with every facet field and the full text, as text chunks.

    `format` is csv (list fields joined with "; "), json (one array) or jsonl (one object a line);
    the other arguments are those of `search()`. Files written from this read back in with
    `build_index` (the same ids, titles, texts and metadata).
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; valid formats are: {', '.join(FORMATS)}")
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; valid sorts are: {', '.join(SORTS)}")
    records = _records(query, Selection.build(filters, **selection), sort, index_dir)
    return {"csv": _csv, "json": _json, "jsonl": _jsonl}[format](records)
