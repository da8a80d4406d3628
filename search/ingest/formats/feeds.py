"""News feeds: RSS 0.9x/1.0/2.0 and Atom (by feedparser), and JSON Feed (plain JSON, read here).

One article per item: its full content when the feed carries it, else its summary (HTML turned
into text), its date, author(s), link and categories. The feed's title is the source.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from search.ingest.records import ReadError, parse_date, record_or_error
from search.model import Article

JSON_FEED_VERSION = "https://jsonfeed.org/version/"


def read_feed(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    """An RSS or Atom file (`.rss`, `.atom`, `.xml`): one article per item."""
    import feedparser  # here, not at the top: a process that only searches does not pay its import

    # feedparser's "not well-formed" flags that lose nothing: the charset was declared wrongly, or
    # the file was served as another type.
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never takes it for a URL or a path
    problem = parsed.get("bozo_exception")
    if not parsed.entries:
        reason = f" ({problem})" if problem else ""
        raise ValueError(f"no feed items found: not an RSS or Atom feed{reason}")
    if problem and not isinstance(problem, harmless):
        yield ReadError(str(path), f"the feed is not well-formed ({problem}); the {len(parsed.entries)} "
                                   f"items that could be read were kept")
    feed = parsed.feed
    for number, entry in enumerate(parsed.entries, 1):
        content = entry.get("content") or []
        html = (content[0].get("value") if content else entry.get("summary")) or ""
        record = {"id": entry.get("id") or "", "title": html_text(entry.get("title") or ""), "text": html_text(html),
                  "url": entry.get("link") or "", "date": _feed_date(entry), "source": feed.get("title") or "",
                  "author": _feed_authors(entry)}
        metadata = {"tags": [tag["term"] for tag in entry.get("tags", []) if tag.get("term")],
                    "language": [feed["language"]] if feed.get("language") else []}
        yield from record_or_error(record, f"{path}[{number}]", {k: v for k, v in metadata.items() if v})


def _feed_date(entry: Any) -> str:
    """The item's date as written ("Tue, 05 Mar 2024 00:30:00 +0200" is 5 March where it was
    published), else as feedparser understood it (in UTC: it reads more spellings)."""
    written = dict.get(entry, "published") or dict.get(entry, "updated") or ""
    if parse_date(written):
        return str(written)
    # (plain dict lookups: feedparser's own maps a missing `updated_parsed` to `published_parsed`, with a warning)
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    return date(*parsed[:3]).isoformat() if parsed else ""


def _feed_authors(entry: Any) -> list[str]:
    """The item's authors' names ("jane@example.com (Jane Doe)" gives "Jane Doe")."""
    names = [author.get("name", "") for author in entry.get("authors", [])]
    return [name for name in names if name] or ([entry["author"]] if entry.get("author") else [])


def is_json_feed(parsed: Any) -> bool:
    """Whether a parsed JSON document is a JSON Feed (https://jsonfeed.org/version/1.1)."""
    return isinstance(parsed, dict) and str(parsed.get("version", "")).startswith(JSON_FEED_VERSION)


def read_json_feed(path: Path, feed: dict[str, Any]) -> Iterator[Article | ReadError]:
    """A JSON Feed (1.0 or 1.1): one article per item."""
    items = feed.get("items")
    if not isinstance(items, list) or not items:
        raise ValueError("JSON Feed without items")
    source = feed.get("title", "") if isinstance(feed.get("title"), str) else ""
    for number, item in enumerate(items, 1):
        where = f"{path}[{number}]"
        if not isinstance(item, dict):
            yield ReadError(where, "a JSON Feed item must be an object")
            continue
        text = (html_text(item["content_html"]) if isinstance(item.get("content_html"), str)
                else item.get("content_text") or item.get("summary") or "")
        authors = item.get("authors") or feed.get("authors") or [item.get("author") or feed.get("author") or {}]
        names = [a.get("name", "") for a in authors if isinstance(a, dict) and a.get("name")]
        tags = [tag for tag in item.get("tags") or [] if isinstance(tag, str)]
        record = {"id": item.get("id", ""), "title": item.get("title", ""), "text": text,
                  "url": item.get("url") or item.get("external_url") or "",
                  "date": item.get("date_published") or item.get("date_modified") or "", "source": source,
                  "author": names}
        metadata = {"tags": tags, "language": [feed["language"]] if isinstance(feed.get("language"), str) else []}
        yield from record_or_error(record, where, {k: v for k, v in metadata.items() if v})


_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "pre", "ul", "ol", "table", "figure", "figcaption", "hr"}
_SKIPPED = {"script", "style", "template"}


class _TextOf(HTMLParser):
    """The text of an HTML fragment, a line per paragraph (block element), scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skipping += tag in _SKIPPED
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.skipping -= tag in _SKIPPED and self.skipping > 0
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    """Plain text of an item's HTML content or summary (plain text passes through unchanged)."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
