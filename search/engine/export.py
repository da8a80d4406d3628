"""Export every article of the current results (not just a page) as CSV, JSON or JSON Lines, streamed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from search.engine.query import collapsed, match, ordered_docs
from search.engine.selection import FacetFilter, Selection
from search.errors import check_choice
from search.index.schema import FACETS
from search.model import EXPORT_FORMATS, SORTS, Article

LIST_SEPARATOR = "; "
_BATCH = 200
# A spreadsheet reads a cell beginning with one of these as a formula (or, for tab and carriage
# return, as the start of one): OWASP's list for CSV injection.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """`cell` as a spreadsheet shows it as text: prefixed with a single quote when it begins with
    `=`, `+`, `-`, `@`, tab or carriage return (OWASP's advice against CSV formula injection)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def columns() -> list[str]:
    """The fields of an exported article: each facet under its attribute name (`speakers`), the
    single-valued ones (the source) after the title, the others after the url."""
    return ["id", "title", *(f.attr for f in FACETS.values() if not f.multivalued), "published", "url",
            *(f.attr for f in FACETS.values() if f.multivalued), "body"]


def _records(query: str, selection: Selection, sort: str, index_dir: str | Path | None,
             collapse: bool) -> Iterator[dict[str, Any]]:
    m = match(query, selection, index_dir)
    if collapse:
        m = collapsed(m, sort)
    for docnum, _score in ordered_docs(m, sort, None):
        yield article_record(Article(**m.snap.stored(docnum)))


def article_record(article: Article) -> dict[str, Any]:
    """One exported article: `columns()` in order (the cluster's export writes the same)."""
    record = {"id": article.id, "title": article.title, "url": article.url, "body": article.body,
              "published": article.published.isoformat() if article.published else "",
              **article.facet_attributes()}
    return {name: record[name] for name in columns()}


def _csv(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns())
    writer.writeheader()
    for number, record in enumerate(records, 1):
        writer.writerow({k: spreadsheet_safe(LIST_SEPARATOR.join(v) if isinstance(v, list) else str(v))
                         for k, v in record.items()})
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
           index_dir: str | Path | None = None, collapse: bool = False, **selection: Any) -> Iterator[str]:
    """Stream all matching articles, with every facet field and the full text, as text chunks.

    `format` is csv (list fields joined with "; "), json (one array) or jsonl (one object a line);
    the other arguments are those of `search()`. Files written from this read back in with
    `build_index` (the same ids, titles, texts and metadata). In CSV, a cell that begins with `=`,
    `+`, `-`, `@`, tab or carriage return gets a single quote (`'`) in front, as OWASP advises,
    so that a spreadsheet shows it as text instead of running it as a formula; such a cell reads
    back with the quote. JSON and JSON Lines are written as they are. Every matching article
    is written, copies included; with `collapse`, only the first of each story's (as `search()`
    shows them: docs/stories.md).
    """
    check_choice("export format", format, EXPORT_FORMATS)
    check_choice("sort", sort, SORTS)
    return written(_records(query, Selection.build(filters, **selection), sort, index_dir, collapse), format)


def written(records: Iterator[dict[str, Any]], format: str) -> Iterator[str]:
    """`records` (of `article_record`) as text chunks in `format` (csv, json or jsonl)."""
    return {"csv": _csv, "json": _json, "jsonl": _jsonl}[format](records)
