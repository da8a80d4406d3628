"""RSS 2.0, RSS 0.91, Atom and JSON Feed files of the test outlets' stories: one article per item,
with its full content when the feed has it, else its summary; date, author, link, feed title."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest
from news_pages import FEED_PAGES, Page, atom, item_html, json_feed, rss2

from search.ingest.readers import ReadError, read_paths
from search.model import Article


def check_item(article: Article, page: Page, source: str) -> None:
    assert article.title == page.title
    assert article.published == page.published
    assert article.speakers == [page.author]
    assert article.source == source
    assert article.url == page.url
    assert article.body.startswith(page.first_sentence)
    assert article.body.split("\n") == list(page.paragraphs)  # full content, a line per paragraph, no markup


@pytest.mark.parametrize(("name", "text", "source"), [("world.rss", rss2(), "World Desk Wire"),
                                                      ("newsroom.atom", atom(), "Atom Newsroom"),
                                                      ("gazette.json", json_feed(), "JSON Gazette")])
def test_feed_items_are_articles(tmp_path: Path, name: str, text: str, source: str) -> None:
    (tmp_path / name).write_text(text, "utf-8")
    items = list(read_paths([tmp_path / name]))
    assert [i for i in items if not isinstance(i, Article)] == []
    assert len(items) == len(FEED_PAGES)
    for number, (article, page) in enumerate(zip(items, FEED_PAGES, strict=True), 1):
        assert isinstance(article, Article)
        check_item(article, page, source)
        assert article.origin == f"{tmp_path / name}[{number}]"
        assert article.metadata.get("tags", ["news"])[0].casefold() == "news"


def test_rss_without_content_uses_the_summary(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(rss2(full=False), "utf-8")
    articles = [a for a in read_paths([tmp_path]) if isinstance(a, Article)]
    assert [a.body for a in articles] == [p.paragraphs[0] for p in FEED_PAGES]
    assert articles[0].metadata == {"tags": ["News", FEED_PAGES[0].slug], "language": ["en-gb"]}


def test_rss_091_is_read(tmp_path: Path) -> None:
    page = FEED_PAGES[1]
    (tmp_path / "old.rss").write_text(f"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
<link>https://old.example/</link><description>d</description><item><title>{escape(page.title)}</title>
<link>{page.url}</link><description>{escape(page.paragraphs[0])}</description></item></channel></rss>""", "utf-8")
    [article] = list(read_paths([tmp_path / "old.rss"]))
    assert isinstance(article, Article)
    assert (article.title, article.url, article.source, article.body) == (page.title, page.url, "Old Wire",
                                                                          page.paragraphs[0])


def test_item_without_text_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    text = rss2().replace(f"<description>{escape(FEED_PAGES[1].paragraphs[0])}</description>", "")
    text = text.replace(f"<content:encoded><![CDATA[{item_html(FEED_PAGES[1])}]]></content:encoded>", "")
    (tmp_path / "feed.rss").write_text(text, "utf-8")
    items = list(read_paths([tmp_path / "feed.rss"]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.where for e in errors] == [f"{tmp_path / 'feed.rss'}[2]"]
    assert sum(isinstance(i, Article) for i in items) == len(FEED_PAGES) - 1


def test_broken_feeds_are_reported(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url>'
                                          '</urlset>', "utf-8")
    (tmp_path / "cut.rss").write_text(rss2()[:-400], "utf-8")  # ends inside the last item
    bad_json = json.loads(json_feed())
    bad_json["items"][2] = ["not", "an", "item"]
    (tmp_path / "feed.json").write_text(json.dumps(bad_json), "utf-8")
    items = list(read_paths([tmp_path]))
    errors = {Path(e.where).name: e.message for e in items if isinstance(e, ReadError)}
    assert "no feed items" in errors["sitemap.xml"]
    assert "not well-formed" in errors["cut.rss"]
    assert errors["feed.json[3]"] == "a JSON Feed item must be an object"
    by_file = {name: sum(isinstance(a, Article) and Path(a.origin).name.startswith(name) for a in items)
               for name in ("cut.rss", "feed.json")}
    assert by_file["feed.json"] == len(FEED_PAGES) - 1
    assert by_file["cut.rss"] >= len(FEED_PAGES) - 1  # the items before the cut (feedparser may recover the last)


def test_feed_item_html_is_text_without_scripts() -> None:
    from search.ingest.formats.feeds import html_text

    assert html_text("<p>One &amp; two</p><script>alert(1)</script><ul><li>three</li></ul>") == "One & two\nthree"
    assert html_text("plain text, no markup") == "plain text, no markup"


def test_item_date_is_the_day_where_it_was_published(tmp_path: Path) -> None:
    text = rss2(FEED_PAGES[:1]).replace("<pubDate>", "<pubDate>Tue, 05 Mar 2024 00:30:00 +0200<!--").replace(
        "</pubDate>", "--></pubDate>")
    (tmp_path / "late.rss").write_text(text, "utf-8")
    [article] = list(read_paths([tmp_path / "late.rss"]))
    assert isinstance(article, Article)
    assert article.published is not None and article.published.isoformat() == "2024-03-05"  # not 4 March (UTC)
