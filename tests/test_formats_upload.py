"""Adding pages, feeds, web archives and archives from the page (search/app/upload.py), and the
progress by bytes inside one large file."""

from __future__ import annotations

import zipfile
from pathlib import Path

from news_pages import PAGES, atom, page_html, warc_bytes

from search import IndexProgress, build_index
from search.app.upload import Upload, check_uploads, index_uploads, report_html, safe_name, save_uploads, where_in_file


def test_every_readable_type_is_accepted_and_others_named() -> None:
    names = ["page.html", "old.HTM", "feed.rss", "feed.atom", "feed.xml", "crawl.warc", "crawl.warc.gz",
             "all.zip", "all.tar.gz", "all.tgz", "a.txt", "b.jsonl", "c.csv", "d.json"]
    assert check_uploads([(name, 100) for name in names[:20]]) == []
    problems = check_uploads([("notes.gz", 10), ("scan.pdf", 10)])
    assert len(problems) == 2 and "“notes.gz” is not a supported file type" in problems[0]
    assert "warc.gz" in problems[0] and "tar.gz" in problems[0]


def test_saved_names_keep_their_whole_ending() -> None:
    taken: set[str] = set()
    assert [safe_name(n, taken) for n in ("news.tar.gz", "news.tar.gz", "../crawl.warc.gz", "a b.html")] == [
        "news.tar.gz", "news-2.tar.gz", "crawl.warc.gz", "a b.html"]


def test_where_in_an_archive_is_said_in_words(tmp_path: Path) -> None:
    path = tmp_path / "all.zip"
    assert where_in_file(f"{path}!/pages/a.html", path) == "pages/a.html"
    assert where_in_file(f"{path}!/feeds/world.rss[3]", path) == "feeds/world.rss, record 3"
    assert where_in_file(f"{path}!/rows.jsonl:7", path) == "rows.jsonl, line 7"
    assert where_in_file(f"{path}[4]", path) == "record 4"
    assert where_in_file(str(path), path) == ""


def test_uploaded_archive_and_web_archive_are_indexed_and_reported(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pages/one.html", page_html(PAGES[0]))
        archive.writestr("pages/menu.html", "<html><body><nav>Home World Sport</nav></body></html>")
        archive.writestr("feed.atom", atom())
    uploads = [Upload("bundle.zip", bundle.read_bytes()), Upload("crawl.warc.gz", warc_bytes(PAGES[5:]))]
    saved = save_uploads(uploads, tmp_path / "uploads" / "now")
    reports = index_uploads(saved, tmp_path / "index")
    zipped, crawl = reports
    assert (zipped.added, [where for where, _ in zipped.errors]) == (1 + 4, ["pages/menu.html"])
    assert crawl.ok and crawl.added == len(PAGES) - 5
    assert crawl.notes == ["passed over 4 records that are no HTML page with status 200 (2 not HTML, "
                           "1 with status 404, 1 with status 301)"]
    html = report_html(reports)
    assert "<ul class=ns-notes><li>passed over 4 records" in html
    assert "<strong>pages/menu.html</strong>: no article text" in html


def test_progress_moves_by_bytes_inside_one_web_archive(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(warc_bytes(PAGES * 6, gzip=False))  # one large file, 66 pages (11 distinct)
    seen: list[IndexProgress] = []
    report = build_index([crawl], tmp_path / "index", progress=seen.append)
    assert report.added == len(PAGES) and report.skipped == 5 * len(PAGES)
    read = [p.bytes_read for p in seen]
    assert read == sorted(read) and read[-1] == crawl.stat().st_size == seen[-1].bytes_total
    inside = {b for b in read if 0 < b < crawl.stat().st_size}
    assert len(inside) > 10  # moving as the archive is read (in blocks), not one jump at the first article
