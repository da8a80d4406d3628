"""Saved web pages: the article's main text and its metadata, found by trafilatura.

A saved news page is mostly not the article: menus, cookie banners, related links, comments,
footers. trafilatura (maintained, used for web corpora, best or near-best main-text extraction
in published comparisons) finds the main text and reads the metadata a page carries (JSON-LD,
Open Graph, `<meta>` tags, bylines, `<time>`): title, author, publication date, site name and
canonical URL. The same function reads the HTML records of web archives (`warc.py`), with the
archive's target URI and capture date as fallbacks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from search.ingest.records import ReadError, describe, record_or_error
from search.model import Article

MAX_PAGE_BYTES = 20 * 1024 * 1024  # a saved page larger than this is reported, not parsed
# Only the page's own publication date: no guess from the copyright year or the newest date in the text.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def read_html(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    """A saved web page (`.html`, `.htm`): one article."""
    yield from article_from_page(data, str(path))


def article_from_page(data: bytes, where: str, *, url: str = "", fallback_date: str = ""
                      ) -> Iterator[Article | ReadError]:
    """The article of one HTML page, or a `ReadError` saying why there is none. `url` (where the
    page was fetched from) and `fallback_date` (when) are used when the page names neither."""
    if len(data) > MAX_PAGE_BYTES:
        yield ReadError(where, f"page is {len(data) / 1024 / 1024:,.0f} MB, more than the "
                               f"{MAX_PAGE_BYTES // 1024 // 1024} MB read for one page")
        return
    try:
        page = trafilatura.bare_extraction(data, url=url or None, with_metadata=True, include_comments=False,
                                           include_tables=True, date_extraction_params=_DATE_PARAMS)
    except (ValueError, TypeError, LookupError, RecursionError, MemoryError) as exc:  # odd markup, odd charset
        yield ReadError(where, f"the page could not be parsed ({describe(exc)})")
        return
    if page is None or not (page.text or "").strip():
        yield ReadError(where, "no article text found in the page (an index page, a login wall, "
                               "or a page without an article?)")
        return
    title = (page.title or "").strip()
    record = {"title": title, "text": _body(page.text, title), "url": page.url or url,
              "date": page.date or fallback_date, "source": page.sitename or "", "author": page.author or ""}
    yield from record_or_error(record, where, page_metadata(page))


def _body(text: str, title: str) -> str:
    """The main text without the headline repeated as its first line."""
    lines = text.strip().split("\n")
    if title and lines and lines[0].strip().casefold() == title.casefold():
        lines = lines[1:]
    return "\n".join(lines).strip()


def page_metadata(page: Any) -> dict[str, list[str]]:
    """What the page says about the article beyond title, text, date and url: author, section,
    tags, language, site name, canonical URL (kept on the article for facets made from metadata)."""
    fields = {"author": _split(page.author, ";"), "section": list(page.categories or []),
              "tags": [tag for value in page.tags or [] for tag in _split(value, ",")],
              "language": _split(page.language, ""), "site": _split(page.sitename, ""),
              "canonical_url": _split(page.url, "")}
    return {name: values for name, values in fields.items() if values}


def _split(value: str | None, separator: str) -> list[str]:
    if not value:
        return []
    parts = value.split(separator) if separator else [value]
    return [part.strip() for part in parts if part.strip()]
