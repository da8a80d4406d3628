# ruff: noqa: E501  (the pages are HTML as sites write it: long lines inside the markup strings)
"""Saved news pages of eleven made-up outlets, each marked up the way a different kind of news
site does it (Open Graph, JSON-LD, microdata, WordPress, Dublin Core, Parse.ly, AMP, an old
table layout, …), with the menus, cookie banners, related links, newsletter boxes, comments and
footers real pages carry. Written for these tests (no page was fetched from anywhere).

Each `Page` knows what a reader must find in it: title, date, author, site, URL, the article's
first sentence, and boilerplate text that must not reach the body. `write_pages(folder)` saves
them as `.html` files; `warc_bytes()` and `feed_*()` build the other inputs from the same pages.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

NAV = "Home World Business Sport Culture Opinion Subscribe Sign in"
COOKIES = "We use cookies to personalise content and ads. By clicking Accept all you agree to our cookie policy."
RELATED = "Related stories you may have missed this week"
NEWSLETTER = "Sign up for our morning briefing newsletter"
FOOTER = "All rights reserved. Terms of use. Privacy policy."
COMMENT = "Great article, totally agree with every word!!!"
BOILERPLATE = (NAV, COOKIES, RELATED, NEWSLETTER, FOOTER, COMMENT)


@dataclass(frozen=True)
class Page:
    slug: str
    site: str
    url: str
    title: str
    author: str
    published: date
    paragraphs: tuple[str, ...]

    @property
    def first_sentence(self) -> str:
        return self.paragraphs[0].split(". ")[0]


def _paras(page: Page) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in page.paragraphs)


def _chrome_top(page: Page) -> str:
    links = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in NAV.split(" ")[:6])
    return (f'<header><div class="logo"><a href="/">{escape(page.site)}</a></div><nav class="main-nav"><ul>{links}'
            f'</ul><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></nav></header>'
            f'<div id="cookie-banner" class="cookie-consent"><p>{COOKIES}</p><button>Accept all</button></div>')


def _chrome_bottom() -> str:
    return (f'<aside class="related"><h3>{RELATED}</h3><ul><li><a href="/x/1">Council approves the new budget '
            f'plan</a></li><li><a href="/x/2">Ten things to do this weekend</a></li></ul></aside>'
            f'<div class="newsletter"><h4>{NEWSLETTER}</h4><form><input type="email"><button>Go</button></form></div>'
            f'<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>{COMMENT}</p>'
            f'</div></section><footer class="site-footer"><p>© {escape("2024")} {FOOTER}</p></footer>')


def open_graph(page: Page) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(page.title)} | {escape(page.site)}</title>
<meta property="og:title" content="{escape(page.title)}"><meta property="og:site_name" content="{escape(page.site)}">
<meta property="og:url" content="{page.url}"><link rel="canonical" href="{page.url}">
<meta name="author" content="{escape(page.author)}">
<meta property="article:published_time" content="{page.published.isoformat()}T08:30:00Z"></head>
<body>{_chrome_top(page)}<main><article><h1>{escape(page.title)}</h1><p class="byline">By {escape(page.author)}</p>
{_paras(page)}</article></main>{_chrome_bottom()}</body></html>"""


def json_ld(page: Page) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": page.title,
            "datePublished": f"{page.published.isoformat()}T06:00:00+01:00", "mainEntityOfPage": page.url,
            "author": {"@type": "Person", "name": page.author},
            "publisher": {"@type": "Organization", "name": page.site}}
    return f"""<html><head><title>{escape(page.title)} - {escape(page.site)}</title>
<script type="application/ld+json">{json.dumps(data)}</script><link rel="canonical" href="{page.url}"></head>
<body>{_chrome_top(page)}<div class="container"><div class="story"><h1 class="story-headline">{escape(page.title)}</h1>
<div class="story-meta"><span class="author-name">{escape(page.author)}</span></div>
<div class="story-body">{_paras(page)}</div></div></div>{_chrome_bottom()}</body></html>"""


def wordpress(page: Page) -> str:
    return f"""<html lang="en-GB"><head><title>{escape(page.title)} &#8211; {escape(page.site)}</title>
<meta property="og:site_name" content="{escape(page.site)}"><link rel="canonical" href="{page.url}"></head>
<body class="post-template-default single single-post">{_chrome_top(page)}
<div id="primary" class="content-area"><article id="post-4411" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{escape(page.title)}</h1><div class="entry-meta">
<span class="posted-on">Posted on <time class="entry-date published" datetime="{page.published.isoformat()}T10:12:00+00:00">
{page.published.strftime("%B %d, %Y")}</time></span> <span class="byline">by <span class="author vcard">
<a class="url fn n" href="/author/x" rel="author">{escape(page.author)}</a></span></span></div></header>
<div class="entry-content">{_paras(page)}</div></article></div>{_chrome_bottom()}</body></html>"""


def microdata(page: Page) -> str:
    return f"""<html><head><title>{escape(page.title)}</title><meta property="og:site_name" content="{escape(page.site)}">
<link rel="canonical" href="{page.url}"></head><body>{_chrome_top(page)}
<div itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">{escape(page.title)}</h1>
<p>By <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">{escape(page.author)}</span>
</span> · <time itemprop="datePublished" datetime="{page.published.isoformat()}">{page.published.isoformat()}</time></p>
<div itemprop="articleBody">{_paras(page)}</div></div>{_chrome_bottom()}</body></html>"""


def old_tables(page: Page) -> str:
    return f"""<html><head><title>{escape(page.site)}: {escape(page.title)}</title>
<meta name="byl" content="By {escape(page.author)}"><meta name="author" content="{escape(page.author)}">
<meta name="date" content="{page.published.isoformat()}"><meta name="og:site_name" content="{escape(page.site)}">
<meta property="og:site_name" content="{escape(page.site)}"><link rel="canonical" href="{page.url}"></head>
<body><table width="100%"><tr><td class="menu">{_chrome_top(page)}</td></tr><tr><td class="content">
<h1>{escape(page.title)}</h1><div id="article-text">{_paras(page)}</div></td><td class="sidebar">
<h3>Most read</h3><ol><li><a href="/m1">Weather warning for the weekend</a></li><li><a href="/m2">Local team wins cup
</a></li></ol></td></tr></table>{_chrome_bottom()}</body></html>"""


def dublin_core(page: Page) -> str:
    return f"""<html><head><title>{escape(page.title)}</title><meta name="DC.title" content="{escape(page.title)}">
<meta name="DC.creator" content="{escape(page.author)}"><meta name="DC.date" content="{page.published.isoformat()}">
<meta name="DC.publisher" content="{escape(page.site)}"><meta property="og:site_name" content="{escape(page.site)}">
<meta property="og:url" content="{page.url}"></head>
<body>{_chrome_top(page)}<div id="content"><div class="article"><h2 class="title">{escape(page.title)}</h2>
{_paras(page)}</div></div>{_chrome_bottom()}</body></html>"""


def parsely(page: Page) -> str:
    return f"""<html><head><title>{escape(page.title)} | {escape(page.site)}</title>
<meta name="parsely-title" content="{escape(page.title)}"><meta name="parsely-author" content="{escape(page.author)}">
<meta name="parsely-pub-date" content="{page.published.isoformat()}T14:00:00Z"><meta name="parsely-link" content="{page.url}">
<meta property="og:site_name" content="{escape(page.site)}"><link rel="canonical" href="{page.url}"></head>
<body>{_chrome_top(page)}<main id="main"><div class="article-header"><h1>{escape(page.title)}</h1></div>
<div class="article-content">{_paras(page)}</div></main>{_chrome_bottom()}</body></html>"""


def amp(page: Page) -> str:
    data = {"@context": "http://schema.org", "@type": "ReportageNewsArticle", "headline": page.title,
            "datePublished": page.published.isoformat(), "author": [{"@type": "Person", "name": page.author}],
            "publisher": {"@type": "NewsMediaOrganization", "name": page.site}, "url": page.url}
    return f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><title>{escape(page.title)}</title>
<link rel="canonical" href="{page.url}"><script type="application/ld+json">{json.dumps(data)}</script>
<style amp-custom>body{{font-family:serif}}</style></head><body>{_chrome_top(page)}<amp-sidebar id="sb" layout="nodisplay">
<ul><li>World</li><li>Politics</li></ul></amp-sidebar><article class="amp-article"><header><h1>{escape(page.title)}</h1>
<address>{escape(page.author)}</address></header><section class="body">{_paras(page)}</section></article>
{_chrome_bottom()}</body></html>"""


def twitter_cards(page: Page) -> str:
    return f"""<html><head><title>{escape(page.title)}</title><meta name="twitter:title" content="{escape(page.title)}">
<meta name="twitter:site" content="@x"><meta property="og:site_name" content="{escape(page.site)}">
<meta property="og:url" content="{page.url}"><meta property="article:author" content="{escape(page.author)}">
<meta property="article:published_time" content="{page.published.isoformat()}"><meta name="author" content="{escape(page.author)}">
</head><body>{_chrome_top(page)}<div class="main"><div class="post"><h1>{escape(page.title)}</h1>
<div class="post-body">{_paras(page)}</div></div></div>{_chrome_bottom()}</body></html>"""


def bootstrap(page: Page) -> str:
    return f"""<html><head><title>{escape(page.title)} — {escape(page.site)}</title>
<meta property="og:site_name" content="{escape(page.site)}"><link rel="canonical" href="{page.url}">
<meta itemprop="datePublished" content="{page.published.isoformat()}"><meta name="author" content="{escape(page.author)}">
</head><body>{_chrome_top(page)}<div class="row"><div class="col-md-8"><h1 class="headline">{escape(page.title)}</h1>
<div class="text">{_paras(page)}</div></div><div class="col-md-4"><div class="widget"><h4>Trending now</h4><ul>
<li><a href="/t">Celebrity wedding photos</a></li></ul></div></div></div>{_chrome_bottom()}</body></html>"""


TEMPLATES = {f.__name__: f for f in (open_graph, json_ld, wordpress, microdata, old_tables, dublin_core, parsely, amp,
                                     twitter_cards, bootstrap)}

PAGES = (
    Page("harbour", "Coastal Herald", "https://coastalherald.example/news/2024/03/harbour-storm",
         "Storm floods harbour towns along the north coast", "Maria Lindqvist", date(2024, 3, 5), (
             "A powerful storm flooded three harbour towns along the north coast on Tuesday night, forcing "
             "hundreds of residents to leave their homes. Water reached the first floor of buildings near the quay.",
             "Emergency crews worked until dawn to pump water from the streets, and the regional council opened "
             "two school halls as shelters for families who could not return.",
             "The weather service said gusts reached 130 kilometres an hour, the strongest it has recorded in the "
             "area since records began, and warned of more rain on Thursday.",
             "Fishermen said several boats had broken their moorings and sunk inside the harbour walls.")),
    Page("chips", "Tech Ledger", "https://techledger.example/2023/11/chip-plant",
         "Chipmaker picks river valley for its new factory", "Daniel Okafor", date(2023, 11, 14), (
             "A large semiconductor maker will build its next factory in a river valley town, the company announced "
             "on Monday. The plant is expected to employ about two thousand people when it opens.",
             "Local officials had competed for the project for more than a year, offering land and cheaper "
             "electricity to win it over rival sites.",
             "Construction should start next spring, and the first wafers are planned to leave the line within "
             "three years, according to the company's chief operating officer.",
             "Environmental groups asked for a full review of the plant's water use before permits are granted.")),
    Page("library", "Valley Chronicle", "https://valleychronicle.example/2022/06/20/library-reopens",
         "City library reopens after two years of repairs", "Sofia Marquez", date(2022, 6, 20), (
             "The central city library reopened its doors on Saturday after two years of repairs to its roof and "
             "reading rooms. Hundreds of visitors queued before the building opened at nine.",
             "The restoration cost more than the council had planned, because workers found rotten beams under "
             "the old slate tiles and had to replace most of them.",
             "Librarians said the children's section had doubled in size and now includes a small theatre for "
             "story readings on weekends.",
             "The mayor thanked the volunteers who kept a temporary lending service running in a shop nearby.")),
    Page("vaccine", "Health Wire Daily", "https://healthwire.example/articles/vaccine-trial-results",
         "Malaria vaccine trial shows strong protection in children", "Amara Nwosu", date(2024, 1, 9), (
             "A new malaria vaccine protected three out of four young children in a large trial, researchers reported "
             "on Tuesday. The results were published in a medical journal after two years of follow-up.",
             "The trial enrolled more than four thousand children in areas where the disease is common, and "
             "compared the vaccine with a rabies shot given to a control group.",
             "Side effects were mild, the authors wrote, mostly fever and soreness at the injection site lasting "
             "a day or two.",
             "Health ministries in several countries have asked for doses before the next rainy season.")),
    Page("rail", "The Northern Post", "https://northernpost.example/transport/rail-strike-ends",
         "Rail workers end strike after pay deal", "Thomas Becker", date(2023, 8, 2), (
             "Rail workers ended a nine-day strike on Wednesday after their union accepted a new pay offer from "
             "the national operator. Trains are expected to run normally by the weekend.",
             "The agreement raises wages by six percent this year and four percent next year, and adds a "
             "bonus for staff who work night shifts.",
             "Commuters had faced long queues for buses during the strike, and some businesses said they lost a "
             "third of their usual customers.",
             "The transport minister said the deal was fair and urged both sides to rebuild trust.")),
    Page("election", "Capital Observer", "https://capitalobserver.example/politics/2024/05/12/mayor-race",
         "Former teacher wins mayoral race by narrow margin", "Helen Achterberg", date(2024, 5, 12), (
             "A former secondary school teacher won the city's mayoral election on Sunday by fewer than nine hundred "
             "votes. She promised to make public transport cheaper in her first year.",
             "Turnout was the highest in two decades, election officials said, with long lines at polling stations "
             "in the eastern districts.",
             "Her opponent conceded late in the evening and called for calm after a bitter campaign.",
             "The new mayor will take office at the beginning of June.")),
    Page("wheat", "Farm & Market Journal", "https://farmmarket.example/markets/wheat-prices-fall",
         "Wheat prices fall as harvest forecasts improve", "Lucas Ferreira", date(2023, 7, 18), (
             "Wheat prices fell to their lowest level in eight months on Tuesday as forecasts for the summer "
             "harvest improved across the main growing regions. Traders said rain in June had helped the crop.",
             "Futures for September delivery dropped four percent in early trading before recovering slightly "
             "in the afternoon.",
             "Bakers welcomed the fall, but farmers warned that fertiliser and fuel costs remain high.",
             "Analysts expect prices to stay low unless dry weather returns before the harvest.")),
    Page("museum", "Arts Review Online", "https://artsreview.example/2022/10/museum-returns-statues",
         "Museum returns ancient statues to their home country", "Claire Dubois", date(2022, 10, 3), (
             "A national museum returned six ancient bronze statues to their country of origin on Monday, ending a "
             "dispute that lasted more than thirty years. The statues were taken during a colonial expedition.",
             "Curators packed the figures in custom crates, and a team of conservators travelled with them on the "
             "flight.",
             "The receiving museum will show the statues in a new gallery opening next spring.",
             "Historians said the return could encourage other museums to review their collections.")),
    Page("quake", "Pacific Dispatch", "https://pacificdispatch.example/world/2023/02/quake-island",
         "Earthquake shakes island chain, no tsunami expected", "Kenji Watanabe", date(2023, 2, 27), (
             "A strong earthquake shook an island chain early on Monday, damaging roads and cutting power in "
             "several villages. Seismologists said the quake struck at a depth of forty kilometres.",
             "Authorities said no tsunami was expected, but asked residents near the shore to stay alert for "
             "aftershocks during the day.",
             "Two people were slightly injured by falling objects, according to the local hospital.",
             "Engineers began inspecting bridges and the main port before ferries resumed service.")),
    Page("football", "Matchday Times", "https://matchdaytimes.example/football/cup-final-report",
         "Late goal gives underdogs first cup title", "Rafael Costa", date(2024, 4, 21), (
             "A header in the last minute of extra time gave the underdogs their first cup title on Saturday, "
             "in front of a sold-out stadium. The winning goal came from a nineteen-year-old substitute.",
             "The favourites had dominated the first half and hit the post twice before the break.",
             "Thousands of fans celebrated in the streets of the small town until the early hours.",
             "The club's coach said the victory belonged to the volunteers who had kept the team alive.")),
    Page("solar", "Energy Brief", "https://energybrief.example/2024/02/solar-record",
         "Solar power sets a new winter record", "Ingrid Solberg", date(2024, 2, 11), (
             "Solar panels produced a record share of the country's electricity for a winter month in January, "
             "the grid operator said on Sunday. Clear skies and new installations drove the rise.",
             "Rooftop systems on homes and warehouses accounted for almost half of the new capacity added last year.",
             "The operator said batteries were increasingly used to shift solar power into the evening peak.",
             "Coal plants ran fewer hours than in any previous January.")),
)
# Each page gets a template; the eleventh repeats the first kind with another site and text.
PAGE_TEMPLATES = dict(zip([p.slug for p in PAGES], list(TEMPLATES) + ["open_graph"], strict=True))


def page_html(page: Page) -> str:
    return TEMPLATES[PAGE_TEMPLATES[page.slug]](page)


def write_pages(folder: Path) -> dict[str, Page]:
    """Save every page as `<slug>.html` in `folder`; returns file name → page."""
    folder.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        (folder / f"{page.slug}.html").write_text(page_html(page), "utf-8")
    return {f"{page.slug}.html": page for page in PAGES}


def warc_bytes(pages: tuple[Page, ...] = PAGES, gzip: bool = True) -> bytes:
    """A web archive of `pages` (HTML responses with status 200), with a request record before each,
    an image, a stylesheet, a 404 and a redirect among them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)

    def response(uri: str, status: str, content_type: str, body: bytes) -> None:
        request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                            http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "x")],
                                                                          is_http_request=True))
        writer.write_record(request)
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))

    for number, page in enumerate(pages):
        response(page.url, "200 OK", "text/html; charset=utf-8", page_html(page).encode("utf-8"))
        if number == 1:
            response("https://techledger.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
            response("https://techledger.example/missing", "404 Not Found", "text/html", b"<h1>Not found</h1>")
        if number == 2:
            response("https://valleychronicle.example/style.css", "200 OK", "text/css", b"body{color:red}")
            response("https://valleychronicle.example/old", "301 Moved Permanently", "text/html", b"")
    return out.getvalue()


FEED_PAGES = PAGES[:4]


def item_html(page: Page) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in page.paragraphs)


def _moment(page: Page) -> datetime:
    return datetime(page.published.year, page.published.month, page.published.day, 9, 30, tzinfo=UTC)


def rss2(pages: tuple[Page, ...] = FEED_PAGES, full: bool = True) -> str:
    items = "".join(
        f"""<item><title>{escape(p.title)}</title><link>{p.url}</link><guid isPermaLink="true">{p.url}</guid>
<pubDate>{format_datetime(_moment(p))}</pubDate><dc:creator>{escape(p.author)}</dc:creator>
<category>News</category><category>{escape(p.slug)}</category>
<description>{escape(p.paragraphs[0])}</description>"""
        + (f"<content:encoded><![CDATA[{item_html(p)}]]></content:encoded>" if full else "") + "</item>"
        for p in pages)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World Desk Wire</title><link>https://worlddesk.example/</link><language>en-gb</language>
<description>Top stories</description>{items}</channel></rss>"""


def atom(pages: tuple[Page, ...] = FEED_PAGES) -> str:
    entries = "".join(
        f"""<entry><title>{escape(p.title)}</title><link rel="alternate" href="{p.url}"/><id>tag:atom.example,2024:{p.slug}</id>
<published>{_moment(p).isoformat()}</published><updated>{_moment(p).isoformat()}</updated>
<author><name>{escape(p.author)}</name></author><summary>{escape(p.paragraphs[0])}</summary>
<content type="html">{escape(item_html(p))}</content></entry>""" for p in pages)
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Newsroom</title><id>tag:atom.example,2024:feed</id><updated>2024-06-01T00:00:00Z</updated>{entries}</feed>"""


def json_feed(pages: tuple[Page, ...] = FEED_PAGES) -> str:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON Gazette", "language": "en",
                       "items": [{"id": p.slug, "url": p.url, "title": p.title, "content_html": item_html(p),
                                  "date_published": _moment(p).isoformat(), "authors": [{"name": p.author}],
                                  "tags": ["news", p.slug]} for p in pages]})
