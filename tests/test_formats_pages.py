"""Saved web pages of eleven outlets (`tests/news_pages.py`), and web archives built from them:
per file, the title, date, author, site, URL, a body that starts with the article's first
sentence and carries no menu, banner, related links, newsletter box, comments or footer."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from news_pages import BOILERPLATE, PAGES, Page, open_graph, page_html, warc_bytes, write_pages

from search.ingest.readers import PassedOver, ReadError, read_paths
from search.model import Article


def check_article(article: Article, page: Page, *, source: str | None = None) -> None:
    assert article.title == page.title
    assert article.published == page.published
    assert article.speakers == [page.author]
    assert article.source == (page.site if source is None else source)
    assert article.url == page.url
    assert article.body.startswith(page.first_sentence), article.body[:120]
    assert page.paragraphs[-1] in article.body  # the whole article, not its first paragraph only
    for text in BOILERPLATE:
        assert text not in article.body and text not in article.title


@pytest.fixture(scope="module")
def pages_read(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Page], list[object]]:
    folder = tmp_path_factory.mktemp("pages")
    return write_pages(folder), list(read_paths([folder]))


def test_every_saved_page_is_one_article(pages_read: tuple[dict[str, Page], list[object]]) -> None:
    pages, items = pages_read
    assert [item for item in items if not isinstance(item, Article)] == []
    assert sorted(Path(a.origin).name for a in items if isinstance(a, Article)) == sorted(pages)
    assert len({page.site for page in pages.values()}) >= 10


@pytest.mark.parametrize("saved", PAGES, ids=[p.slug for p in PAGES])  # ("page" is the browser fixture)
def test_page_fields_and_clean_body(pages_read: tuple[dict[str, Page], list[object]], saved: Page) -> None:
    article = next(a for a in pages_read[1] if isinstance(a, Article) and a.origin.endswith(f"/{saved.slug}.html"))
    check_article(article, saved)
    assert article.id == saved.url  # the canonical URL: the same page saved twice is one article
    assert article.metadata["canonical_url"] == [saved.url]
    assert article.metadata["site"] == [saved.site]


def test_page_without_article_text_is_reported(tmp_path: Path) -> None:
    (tmp_path / "menu.html").write_text("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a>"
                                        "</nav></body></html>", "utf-8")
    (tmp_path / "empty.htm").write_bytes(b"")
    (tmp_path / "photo.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))  # a JPEG, misnamed
    write_pages(tmp_path / "ok")
    items = list(read_paths([tmp_path]))
    errors = {Path(e.where).name: e.message for e in items if isinstance(e, ReadError)}
    assert errors == {"menu.html": "no article text found in the page (an index page, a login wall, or a page "
                                   "without an article?)", "empty.htm": "empty file",
                      "photo.html": "binary file, not a web page"}
    assert sum(isinstance(a, Article) for a in items) == len(PAGES)  # the rest is read


def test_page_in_another_encoding_is_decoded(tmp_path: Path) -> None:
    page = Page("fr", "Le Courrier du Lac", "https://courrier.example/2024/fete", "La fête du lac attire des milliers "
                "de visiteurs", "Élodie Marchand", PAGES[0].published, (
                    "La fête du lac a attiré des milliers de visiteurs samedi, malgré une météo capricieuse. "
                    "Les organisateurs se réjouissent d'une édition réussie.",
                    "Des concerts gratuits ont été donnés sur la plage jusqu'à minuit, et les restaurants du "
                    "port étaient complets dès le début de la soirée.",
                    "La mairie prévoit déjà une édition plus longue l'année prochaine."))
    html = open_graph(page).replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    (tmp_path / "fete.html").write_bytes(html.encode("iso-8859-1"))
    [article] = list(read_paths([tmp_path]))
    assert isinstance(article, Article)
    assert article.title == page.title and article.speakers == ["Élodie Marchand"]
    assert article.body.startswith("La fête du lac a attiré")


def _warc_articles(items: list[object]) -> dict[str, Article]:
    return {a.url: a for a in items if isinstance(a, Article)}


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_web_archive_reads_html_responses_and_counts_the_rest(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(warc_bytes(gzip=gzipped))
    items = list(read_paths([path]))
    assert [i for i in items if isinstance(i, ReadError)] == []
    articles = _warc_articles(items)
    assert sorted(articles) == sorted(p.url for p in PAGES)
    for page in PAGES:
        check_article(articles[page.url], page)
        assert articles[page.url].origin.startswith(f"{path}[")
    [passed] = [i for i in items if isinstance(i, PassedOver)]
    assert passed.count == 4  # an image, a stylesheet, a 404, a redirect; requests are no documents
    assert "1 with status 404" in passed.what and "2 not HTML" in passed.what and "1 with status 301" in passed.what


def test_web_archive_page_without_url_or_date_takes_the_records(tmp_path: Path) -> None:
    page = PAGES[2]
    bare = Page(page.slug, page.site, "https://valleychronicle.example/captured", page.title, page.author,
                page.published, page.paragraphs)
    html = (page_html(bare).replace(f'<link rel="canonical" href="{bare.url}">', "")
            .replace('datetime="2022-06-20T10:12:00+00:00"', "").replace("June 20, 2022", ""))
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with (tmp_path / "one.warc").open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        record = writer.create_warc_record(bare.url, "response", payload=__import__("io").BytesIO(html.encode()),
                                           http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                                         protocol="HTTP/1.1"),
                                           warc_headers_dict={"WARC-Date": "2021-09-30T12:00:00Z"})
        writer.write_record(record)
    [article] = [a for a in read_paths([tmp_path / "one.warc"]) if isinstance(a, Article)]
    assert article.url == bare.url and article.id == bare.url
    assert article.published is not None and article.published.isoformat() == "2021-09-30"


def test_damaged_web_archive_keeps_the_pages_before_the_damage(tmp_path: Path) -> None:
    damaged = warc_bytes(PAGES[:5], gzip=False) + b"garbage where a record should start\r\n\r\n" + bytes(200)
    (tmp_path / "cut.warc").write_bytes(damaged + warc_bytes(PAGES[5:], gzip=False))
    items = list(read_paths([tmp_path / "cut.warc"]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and "damaged web archive" in errors[0].message
    assert set(_warc_articles(items)) == {p.url for p in PAGES[:5]}


def test_truncated_web_archive_keeps_the_whole_pages_and_reports_the_cut_one(tmp_path: Path) -> None:
    data = warc_bytes(gzip=True)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2])
    items = list(read_paths([tmp_path / "cut.warc.gz"]))
    articles = _warc_articles(items)
    assert 0 < len(articles) < len(PAGES)
    [error] = [i for i in items if isinstance(i, ReadError)]
    assert "cut short" in error.message  # the page the archive ends in: reported, not read as half a page
    for page in PAGES:
        if page.url in articles:
            check_article(articles[page.url], page)


def test_file_that_is_no_web_archive_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.warc.gz").write_bytes(gzip.compress(b"just some notes, no WARC\n" * 20))
    [error] = [i for i in read_paths([tmp_path / "notes.warc.gz"]) if isinstance(i, ReadError)]
    assert error.where.startswith(str(tmp_path / "notes.warc.gz"))


def test_saved_page_assets_folder_is_passed_over(tmp_path: Path) -> None:
    write_pages(tmp_path)
    assets = tmp_path / f"{PAGES[0].slug}_files"  # what "Save page as… complete" writes beside the page
    assets.mkdir()
    (assets / "ad-frame.html").write_text("<html><body><p>Buy now! Limited offer!</p></body></html>", "utf-8")
    (assets / "app.js").write_text("var x = 1;", "utf-8")
    other = tmp_path / "archive"  # a folder that is no page's assets is read
    other.mkdir()
    (other / "note.txt").write_text("A note\nKept in a folder of its own, read like any other.", "utf-8")
    items = list(read_paths([tmp_path]))
    assert [i for i in items if not isinstance(i, Article)] == []
    assert sorted(Path(a.origin).name for a in items if isinstance(a, Article)) == sorted(
        [f"{p.slug}.html" for p in PAGES] + ["note.txt"])
