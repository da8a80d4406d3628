"""Web archives (`.warc`, `.warc.gz`, e.g. a crawl or Common Crawl's news crawl), streamed by warcio.

Every HTML response with status 200 becomes an article through the same path as a saved page
(`html.py`), with the record's target URI and capture date when the page names no URL or date.
Other responses (images, scripts, redirects, 404s) are counted and passed over, not reported as
errors; requests, metadata and warcinfo records are not pages and are not counted.

Memory stays bounded whatever the archive's size: records are read one at a time from the
stream, and at most `MAX_PAGE_BYTES` of a record's content (decompressed) is read.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from search.ingest.formats.html import MAX_PAGE_BYTES, article_from_page
from search.ingest.records import PassedOver, ReadError, describe
from search.model import Article

_PAGES = {"response", "resource", "revisit"}  # records that hold (or point to) a captured document
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, position: Callable[[int], None]) -> Iterator[Article | ReadError | PassedOver]:
    """The articles of a web archive file's HTML pages, streamed from disk; `position(bytes read)`
    is told after each record."""
    with path.open("rb") as stream:
        position(0)
        yield from read_warc_stream(stream, path, lambda: position(stream.tell()))
        position(stream.tell())


def read_warc_member(path: Path, data: bytes) -> Iterator[Article | ReadError | PassedOver]:
    """The articles of a web archive inside a zip or tar archive (read into memory: members are small)."""
    yield from read_warc_stream(io.BytesIO(data), path)


def read_warc_stream(stream: BinaryIO, path: Path, after_record: Callable[[], None] = lambda: None
                     ) -> Iterator[Article | ReadError | PassedOver]:
    """The articles of a web archive's HTML pages; where the archive is damaged, the pages before
    the damage are kept and the rest is reported as not read."""
    passed: Counter[str] = Counter()
    number = 0
    for number, page in enumerate(_pages(stream, after_record), 1):
        if isinstance(page, Exception):
            yield ReadError(f"{path}[{number}]", f"damaged web archive ({describe(page)}); "
                                                 f"the records from here on were not read")
            break
        if page is None:
            continue
        record, data = page
        why_not = _not_a_page(record)
        if why_not:
            passed[why_not] += 1
            continue
        headers = record.rec_headers
        uri = headers.get_header("WARC-Target-URI") or ""
        if len(data) <= MAX_PAGE_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
            yield ReadError(f"{path}[{number}]", f"the record of {uri} is cut short (the archive ends "
                                                 f"inside it); not read")
            continue
        yield from article_from_page(data, f"{path}[{number}]", url=uri,
                                     fallback_date=(headers.get_header("WARC-Date") or "")[:10])
    if passed:
        reasons = ", ".join(f"{count:,} {why}" for why, count in passed.most_common())
        yield PassedOver(str(path), sum(passed.values()), f"records that are no HTML page with status 200 ({reasons})")


def _pages(stream: BinaryIO, after_record: Callable[[], None]
           ) -> Iterator[tuple[ArcWarcRecord, bytes] | None | Exception]:
    """Each record in turn: a captured document with (at most `MAX_PAGE_BYTES` of) its content,
    None for a record that holds no document, or, last, the error that stopped the reading. warcio
    meets a damaged archive with all sorts of exceptions (a missing header is an AttributeError),
    so every one raised while parsing is caught here, where nothing but warcio runs."""
    records = ArchiveIterator(stream, check_digests=False)
    while True:
        try:
            record = next(records)
            after_record()
            if record.rec_type not in _PAGES or _not_a_page(record):
                yield (record, b"") if record.rec_type in _PAGES else None
                continue
            yield record, record.content_stream().read(MAX_PAGE_BYTES + 1)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001  (see above: reported as a damaged archive)
            yield exc
            return


def _not_a_page(record: ArcWarcRecord) -> str:
    """Why a captured document is not read as an article ("" when it is an HTML page with status 200)."""
    if record.rec_type == "revisit":
        return "revisits (the same page captured again)"
    http = record.http_headers
    status = http.get_statuscode() if http is not None else "200"
    if status != "200":
        return f"with status {status}"
    content_type = (http.get_header("Content-Type") if http is not None
                    else record.rec_headers.get_header("Content-Type")) or ""
    return "" if content_type.split(";")[0].strip().lower() in _HTML_TYPES else "not HTML"
