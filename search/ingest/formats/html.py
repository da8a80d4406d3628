"""Saved web pages: the article's main text and its metadata, found by trafilatura.

A saved news page is mostly not the article: menus, cookie banners, related links, comments,
footers. trafilatura (maintained, used for web corpora, best or near-best main-text extraction
in published comparisons) finds the main text and reads the metadata a page carries (JSON-LD,
Open Graph, `<meta>` tags, bylines, `<time>`): title, author, publication date, site name and
canonical URL. Layout tables are not read as text (old sites lay pages out with tables; their
cells would run the menu into the article). The same function reads the HTML records of web
archives (`warc.py`), with the archive's target URI and capture date as fallbacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from search.ingest.records import ReadError, describe, record_or_error
from search.model import Article

MAX_PAGE_BYTES = 20 * 1024 * 1024  # a saved page larger than this is reported, not parsed
MIN_BODY_CHARS = 40  # less is a menu or a caption left over, not an article (a one-sentence brief is more)
_BYLINE_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
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
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield ReadError(where, "binary file, not a web page")
        return
    # Imported here: trafilatura takes ~0.1 s to import, which a process that only searches
    # (the page, `python -m search query`) should not pay.
    import trafilatura
    from trafilatura.settings import Document

    try:
        found = trafilatura.bare_extraction(data, url=url or None, with_metadata=True, include_comments=False,
                                            include_tables=False, date_extraction_params=_DATE_PARAMS)
    except (ValueError, TypeError, LookupError, RecursionError, MemoryError) as exc:  # odd markup, odd charset
        yield ReadError(where, f"the page could not be parsed ({describe(exc)})")
        return
    page: dict[str, Any] = found.as_dict() if isinstance(found, Document) else found or {}
    title = _without_site(page.get("title") or "", page.get("sitename") or "")
    body = _body(page.get("text") or "", title, page.get("author") or "")
    if len(body) < MIN_BODY_CHARS:
        yield ReadError(where, "no article text found in the page (an index page, a login wall, "
                               "or a page without an article?)")
        return
    record = {"title": title, "text": body, "url": page.get("url") or url,
              "date": page.get("date") or fallback_date, "source": page.get("sitename") or "",
              "author": page.get("author") or ""}
    yield from record_or_error(record, where, page_metadata(page))


def _without_site(title: str, site: str) -> str:
    """The headline without the site's name before or after it ("Daily Gazette: Storm hits coast",
    "Storm hits coast | Daily Gazette"), as `<title>` tags often carry it."""
    title = title.strip()
    if site:
        name = re.escape(site.strip())
        for pattern in (rf"^{name}\s*[:|\-–—·]\s*(.+)$", rf"^(.+?)\s*[:|\-–—·]\s*{name}$"):
            if match := re.match(pattern, title, re.IGNORECASE):
                return match.group(1).strip()
    return title


def _body(text: str, title: str, author: str) -> str:
    """The main text without the headline or the byline ("By Jane Doe", "Jane Doe") repeated in its
    first lines: the body starts with the article's first sentence."""
    heading = {title.casefold()} | {name.casefold() for name in _split(author, ";")}
    lines = text.strip().split("\n")
    while lines and _BYLINE_BY.sub("", lines[0]).strip().casefold() in heading:
        lines = lines[1:]
    return "\n".join(lines).strip()


def page_metadata(page: dict[str, Any]) -> dict[str, list[str]]:
    """What the page says about the article beyond title, text, date and url: author, section,
    tags, language, site name, canonical URL (kept on the article for facets made from metadata)."""
    fields = {"author": _split(page.get("author"), ";"), "section": list(page.get("categories") or []),
              "tags": [tag for value in page.get("tags") or [] for tag in _split(value, ",")],
              "language": _split(page.get("language"), ""), "site": _split(page.get("sitename"), ""),
              "canonical_url": _split(page.get("url"), "")}
    return {name: values for name, values in fields.items() if values}


def _split(value: str | None, separator: str) -> list[str]:
    if not value:
        return []
    parts = value.split(separator) if separator else [value]
    return [part.strip() for part in parts if part.strip()]
