"""Reading speed of saved web pages and web archives: articles/s and peak memory.

    python benchmarks/bench_formats.py                 # 5,000 pages: a folder of .html, and one .warc.gz
    python benchmarks/bench_formats.py --pages 1000    # another size
    python benchmarks/bench_formats.py --smoke         # 60 pages: keeps the script working (CI)

The pages are Reuters-21578 articles (../shared/corpora) laid out as news sites lay them out:
menus, a cookie banner, Open Graph / JSON-LD metadata, a byline, related links, comments and a
footer (three layouts, in turn). The web archive holds every page as an HTML response, with a
request record before it and an image response after every tenth page (passed over). Each
measurement runs in a process of its own, so its peak memory (max RSS) is its own; "after
imports" is that process's peak before it reads anything, so the difference is what reading
costs. Reading only: enrichment and indexing are measured by bench_search.py.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

from corpora import reuters_records

LAYOUTS = ("open_graph", "json_ld", "plain")


def page_html(number: int, record: dict) -> tuple[str, str]:
    """(url, page) of one Reuters record laid out as the `number`-th page of a made-up site."""
    site = f"Wire Site {number % 23}"
    url = f"https://site{number % 23}.example/news/{record['newid']}"
    title, body = escape(record.get("title") or f"Report {number}"), record["body"]
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip()) or \
        f"<p>{escape(body)}</p>"
    layout = LAYOUTS[number % len(LAYOUTS)]
    head = {"open_graph": f'<meta property="og:site_name" content="{site}"><meta name="author" content="Staff '
                          f'Writer {number % 7}"><meta property="article:published_time" content="1987-03-0'
                          f'{1 + number % 9}">',
            "json_ld": '<script type="application/ld+json">' + json.dumps(
                {"@type": "NewsArticle", "headline": record.get("title") or "", "datePublished": "1987-03-02",
                 "author": {"@type": "Person", "name": f"Staff Writer {number % 7}"},
                 "publisher": {"@type": "Organization", "name": site}}) + "</script>",
            "plain": ""}[layout]
    menu = "".join(f'<li><a href="/{w}">{w}</a></li>' for w in ("world", "business", "markets", "sport", "opinion"))
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>{head}'
            f'<link rel="canonical" href="{url}"></head><body><header><nav><ul>{menu}</ul></nav></header>'
            f'<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>'
            f'<main><article><h1>{title}</h1><p class="byline">By Staff Writer {number % 7}</p>{paragraphs}'
            f'</article></main><aside><h3>Related</h3><ul><li><a href="/r1">Markets close higher</a></li>'
            f'<li><a href="/r2">Oil prices steady</a></li></ul></aside><section class="comments"><p>First!</p>'
            f'</section><footer>© 1987 {site}. All rights reserved.</footer></body></html>')
    return url, page


def write_inputs(pages: int, folder: Path) -> tuple[Path, Path]:
    """A folder of `pages` .html files and a .warc.gz of the same pages (plus images, passed over)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html_dir = folder / "pages"
    html_dir.mkdir(parents=True)
    warc = folder / "crawl.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, record in enumerate(reuters_records(pages)):
            url, page = page_html(number, record)
            (html_dir / f"{number:05d}.html").write_text(page, "utf-8")
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=(
                StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "x")], is_http_request=True))))
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page.encode()),
                                                          http_headers=StatusAndHeaders(
                                                              "200 OK", [("Content-Type", "text/html")],
                                                              protocol="HTTP/1.1")))
            if number % 10 == 9:
                writer.write_record(writer.create_warc_record(
                    f"{url}/photo.jpg", "response", payload=io.BytesIO(b"\xff\xd8\xff" + bytes(30_000)),
                    http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")))
    return html_dir, warc


def measure(path: Path) -> dict:
    """Read `path` with the readers; articles, errors, seconds and peak memory (MB) of this process."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from search.ingest.readers import PassedOver, ReadError, read_paths

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    counts = {"articles": 0, "errors": 0, "passed_over": 0}
    for item in read_paths([path]):
        if isinstance(item, ReadError):
            counts["errors"] += 1
        elif isinstance(item, PassedOver):
            counts["passed_over"] += item.count
        else:
            counts["articles"] += 1
    seconds = time.perf_counter() - started
    return {**counts, "seconds": round(seconds, 2), "articles_per_s": round(counts["articles"] / seconds, 1),
            "peak_mb_after_imports": round(before), "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF)
                                                                     .ru_maxrss / 1024)}


def in_own_process(path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--smoke", action="store_true", help="60 pages")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # (the child process)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    pages = 60 if args.smoke else args.pages
    with tempfile.TemporaryDirectory() as work:
        html_dir, warc = write_inputs(pages, Path(work))
        size_mb = sum(f.stat().st_size for f in html_dir.iterdir()) / 1024 / 1024
        print(f"{pages:,} pages: {size_mb:,.1f} MB of HTML; web archive {warc.stat().st_size / 1024 / 1024:,.1f} MB "
              f"(gzip)\n")
        print("| input | articles | errors | passed over | seconds | articles/s | peak MB (after imports) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, path in (("folder of .html", html_dir), (".warc.gz", warc)):
            r = in_own_process(path)
            print(f"| {name} | {r['articles']:,} | {r['errors']:,} | {r['passed_over']:,} | {r['seconds']:,} | "
                  f"{r['articles_per_s']:,} | {r['peak_mb']:,} ({r['peak_mb_after_imports']:,}) |")


if __name__ == "__main__":
    main()
