"""Zip and tar archives of everything the readers take, read in place: the same articles as the
loose files, member by member, and the guards against bombs and path tricks."""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from news_pages import FEED_PAGES, PAGES, atom, json_feed, page_html, rss2, warc_bytes
from test_formats_pages import check_article

from search import build_index
from search.ingest.formats import archives
from search.ingest.readers import PassedOver, ReadError, origin_file, read_paths
from search.model import Article


def everything() -> dict[str, bytes]:
    """Member name → content: the saved pages, three feeds and a web archive."""
    files = {f"pages/{page.slug}.html": page_html(page).encode() for page in PAGES}
    files |= {"feeds/world.rss": rss2().encode(), "feeds/newsroom.atom": atom().encode(),
              "feeds/gazette.json": json_feed().encode(), "crawl/news.warc.gz": warc_bytes()}
    return files


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def write_tar(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


EXPECTED = len(PAGES) + 3 * len(FEED_PAGES) + len(PAGES)  # pages, feed items, web archive pages


@pytest.mark.parametrize("writer, name", [(write_zip, "news.zip"), (write_tar, "news.tar.gz")])
def test_archive_of_everything_is_read_in_place(tmp_path: Path, writer: object, name: str) -> None:
    path = writer(tmp_path / name, everything())  # type: ignore[operator]
    items = list(read_paths([tmp_path]))
    assert [i for i in items if isinstance(i, ReadError)] == []
    articles = [a for a in items if isinstance(a, Article)]
    assert len(articles) == EXPECTED
    assert all(a.origin.startswith(f"{path}!/") and origin_file(a.origin) == str(path) for a in articles)
    for page in PAGES:
        [saved] = [a for a in articles if a.origin == f"{path}!/pages/{page.slug}.html"]
        check_article(saved, page)
        [captured] = [a for a in articles if a.origin.startswith(f"{path}!/crawl/news.warc.gz[") and a.url == page.url]
        check_article(captured, page)
    by_member = Counter(origin.split("!/")[1].split("[")[0] for origin in (a.origin for a in articles))
    assert by_member["feeds/world.rss"] == by_member["feeds/gazette.json"] == len(FEED_PAGES)
    [passed] = [i for i in items if isinstance(i, PassedOver)]
    assert passed.count == 4 and passed.where == f"{path}!/crawl/news.warc.gz"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # nothing was extracted beside it


def test_guards_against_bombs_and_path_tricks(tmp_path: Path) -> None:
    good = page_html(PAGES[0]).encode()
    path = tmp_path / "tricky.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ok/page.html", good)
        archive.writestr("bomb.txt", b"Title\n" + b"\0" * (3 * 1024 * 1024))  # compresses ~1000 times
        archive.writestr("../outside.html", good)
        absolute = zipfile.ZipInfo("etc/absolute.html")
        absolute.filename = "/etc/absolute.html"  # (ZipInfo drops a leading slash; a hostile archive need not)
        archive.writestr(absolute, good)
        archive.writestr("inner.zip", b"PK\x05\x06" + bytes(18))
        archive.writestr("__MACOSX/ok/._page.html", b"\0\5\26\7")
        archive.writestr(".hidden.html", good)
        archive.writestr("README.md", b"# notes")
    items = list(read_paths([path]))
    errors = {e.where.split("!/")[1]: e.message for e in items if isinstance(e, ReadError)}
    assert set(errors) == {"bomb.txt", "../outside.html", "/etc/absolute.html", "inner.zip"}
    assert "zip bomb" in errors["bomb.txt"]
    assert "outside the archive" in errors["../outside.html"] and "outside" in errors["/etc/absolute.html"]
    assert "archive inside an archive" in errors["inner.zip"]
    assert [a.origin for a in items if isinstance(a, Article)] == [f"{path}!/ok/page.html"]


def test_member_size_and_archive_total_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_MEMBER_BYTES", 4000)
    monkeypatch.setattr(archives, "MAX_RATIO", 2)
    text = b"Headline\n" + b"Plain words of an article body. " * 100  # 3.2 kB each, compresses well
    files = {"big.txt": text * 2} | {f"a{n}.txt": text for n in range(5)}
    items = list(read_paths([write_tar(tmp_path / "t.tar.gz", files)]))
    errors = [e for e in items if isinstance(e, ReadError)]
    assert [e.where.split("!/")[1] for e in errors] == ["big.txt", "a1.txt"]
    assert "MB read from one archive member" in errors[0].message
    assert "archive bomb" in errors[1].message  # more than the limit unpacked: the rest is not read
    assert [a.origin.split("!/")[1] for a in items if isinstance(a, Article)] == ["a0.txt"]


def test_tar_links_and_damaged_archives_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "links.tar"
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("link.html")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(info)
    (tmp_path / "fake.zip").write_bytes(b"this is no zip file at all")
    (tmp_path / "cut.tar.gz").write_bytes(write_tar(tmp_path / "whole.tgz", everything()).read_bytes()[:5000])
    items = list(read_paths([tmp_path / "links.tar", tmp_path / "fake.zip", tmp_path / "cut.tar.gz"]))
    errors = [e for e in items if isinstance(e, ReadError)]
    names = ("links.tar", "fake.zip", "cut.tar.gz")
    assert [origin_file(e.where) for e in errors] == [str(tmp_path / name) for name in names]
    assert "link" in errors[0].message and "zip" in errors[1].message and "damaged" in errors[2].message


def test_index_from_archives_reindex_and_prune(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    files = everything()
    write_zip(folder / "news.zip", files)
    index = tmp_path / "index"
    report = build_index([folder], index)
    assert report.errors == [] and report.added > 0
    assert "passed over 4 web archive records" in report.summary()
    again = build_index([folder], index)
    assert (again.added, again.updated, again.skipped) == (0, 0, report.added + report.skipped)
    del files[f"pages/{PAGES[-1].slug}.html"], files["feeds/gazette.json"]
    write_zip(folder / "news.zip", files)
    pruned = build_index([folder], index, prune=True)
    assert pruned.pruned == len(FEED_PAGES)  # the JSON Feed's items; the page is still in the web archive


def test_archive_with_nothing_to_read_is_reported(tmp_path: Path) -> None:
    write_zip(tmp_path / "photos.zip", {"a.jpg": b"\xff\xd8\xff" + bytes(100), "notes.md": b"# n"})
    write_tar(tmp_path / "empty.tar.gz", {})
    (tmp_path / "empty.warc").write_bytes(b"")
    errors = [i for i in read_paths([tmp_path]) if isinstance(i, ReadError)]
    assert {Path(e.where).name: e.message for e in errors} == {
        "photos.zip": "nothing to read in it: no article files of a supported type",
        "empty.tar.gz": "nothing to read in it: no article files of a supported type",
        "empty.warc": "nothing to read in it: no records of a supported type"}
