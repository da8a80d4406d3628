"""Page logic for the Streamlit app (`app.py`), kept free of Streamlit so it can be unit-tested.

Two concerns live here:

* the page state (query, filters, sort, page, open article) and its URL form, so that every
  search can be bookmarked, shared and reloaded;
* the HTML of result cards and of the article view. Only the engine's highlighted fragments
  (`Hit.snippet`, `Hit.title_html`, `ArticleView.body_html`: escaped text plus `<mark>`) are
  inserted as HTML; every other string from an article goes through `html.escape`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from html import escape
from urllib.parse import urlencode, urlsplit

from . import FACETS, ArticleView, FacetValue, Hit  # the public API only (the package is loaded first)

PRODUCT_NAME = "News Search"
TAGLINE = "Full-text search with faceted browsing over your news archive — offline, on this computer."
SORT_LABELS = {"relevance": "Most relevant", "newest": "Newest first", "oldest": "Oldest first"}
PER_PAGE = 10
FACET_SHOWN = 8          # facet values listed before "Show all"
CARD_TAGS_SHOWN = 5      # values per group (speakers, countries, themes) on a result card
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#~:$|])")  # what could make links, images, styling, icons


@dataclass(frozen=True)
class PageState:
    """Everything the page shows, as stored in the URL."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    sort: str = "relevance"
    article: str | None = None

    def with_filter(self, facet: str, value: str, selected: bool) -> PageState:
        """This state with `value` added to or removed from `facet`, back on page 1."""
        values = [v for v in self.filters.get(facet, []) if v != value]
        if selected:
            values.append(value)
        filters = {name: list(vals) for name, vals in self.filters.items() if name != facet and vals}
        if values:
            filters[facet] = values
        return replace(self, filters=_ordered(filters), page=1, article=None)

    def results(self) -> PageState:
        """The results page this state belongs to (no article open)."""
        return replace(self, article=None)


def _ordered(filters: Mapping[str, list[str]]) -> dict[str, list[str]]:
    return {name: list(filters[name]) for name in FACETS if filters.get(name)}


def _last(values: list[str]) -> str:
    return values[-1] if values else ""


def state_from_params(get_all: Callable[[str], list[str]]) -> PageState:
    """Read the page state from URL parameters (`get_all(name)` lists a parameter's values).

    Anything malformed falls back to its default: a bad page number means page 1, an unknown
    sort means relevance. Filters are one parameter per facet, repeated for several values.
    """
    filters: dict[str, list[str]] = {}
    for name in FACETS:
        values = list(dict.fromkeys(v.strip() for v in get_all(name) if v and v.strip()))
        if values:
            filters[name] = values
    try:
        page = max(1, int(_last(get_all("page")).strip() or 1))
    except ValueError:
        page = 1
    sort = _last(get_all("sort")).strip()
    article = _last(get_all("article")).strip() or None
    return PageState(
        q=_last(get_all("q")).strip(),
        filters=filters,
        page=min(page, 100_000),
        sort=sort if sort in SORT_LABELS else "relevance",
        article=article,
    )


def state_to_params(state: PageState) -> dict[str, str | list[str]]:
    """The URL parameters of a state, defaults left out, in a stable order."""
    params: dict[str, str | list[str]] = {}
    if state.q:
        params["q"] = state.q
    for name, values in _ordered(state.filters).items():
        params[name] = list(values)
    if state.sort != "relevance":
        params["sort"] = state.sort
    if state.page > 1:
        params["page"] = str(state.page)
    if state.article:
        params["article"] = state.article
    return params


def href(state: PageState) -> str:
    """A relative link ("?q=…&country=…") that opens this state; "?" alone for the start page."""
    return "?" + urlencode(state_to_params(state), doseq=True)


def safe_url(url: str | None) -> str | None:
    """`url` if it is an absolute http(s) address (safe to link to), else None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\r\n\t "):
        return None
    return url


def format_date(value: date | None) -> str:
    """"8 Sep 2022", or "" for an undated article."""
    return f"{value.day} {value:%b %Y}" if value else ""


def md_escape(text: str) -> str:
    """Text made literal for Streamlit's Markdown labels (buttons, checkboxes): no links, no styling."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def facet_label(fv: FacetValue) -> str:
    """The checkbox label of a facet value, e.g. "Russia (3)" (Markdown-escaped value)."""
    return f"{md_escape(fv.value)} ({fv.count})"


def facet_values(values: Iterable[FacetValue], selected: Iterable[str]) -> list[FacetValue]:
    """The engine's facet values plus any selected value it did not list (with count 0)."""
    shown = list(values)
    listed = {fv.value for fv in shown}
    shown += [FacetValue(v, 0, True) for v in selected if v not in listed]
    return shown


def count_text(total: int, noun: str = "article") -> str:
    """"1 article", "2 articles", "1,024 articles"."""
    return f"{total:,} {noun}{'' if total == 1 else 's'}"


def elapsed_text(ms: float) -> str:
    """Search time for humans: "< 1 ms", "12 ms", "1.4 s"."""
    if ms < 1:
        return "< 1 ms"
    if ms < 1000:
        return f"{ms:.0f} ms"
    return f"{ms / 1000:.1f} s"


def _tags(kind: str, label: str, values: list[str], limit: int = CARD_TAGS_SHOWN) -> str:
    if not values:
        return ""
    chips = "".join(f'<span class="ns-tag ns-tag-{kind}">{escape(v)}</span>' for v in values[:limit])
    more = f'<span class="ns-more">+{len(values) - limit} more</span>' if len(values) > limit else ""
    return f'<span class="ns-group"><span class="ns-group-label">{escape(label)}</span>{chips}{more}</span>'


def meta_html(hit: Hit) -> str:
    """"Source · date" line of a card or article (escaped)."""
    parts = [f'<span class="ns-source">{escape(hit.source)}</span>' if hit.source else "",
             f'<span class="ns-date">{escape(format_date(hit.published))}</span>' if hit.published else ""]
    return '<span class="ns-dot">·</span>'.join(p for p in parts if p)


def card_html(hit: Hit, link: str) -> str:
    """One result: linked highlighted title, source and date, snippet, speakers/countries/themes."""
    title = hit.title_html or escape(hit.id)
    tags = "".join([
        _tags("speaker", "Speakers", hit.speakers),
        _tags("country", "Countries", hit.countries),
        _tags("theme", "Themes", hit.themes),
    ])
    return (
        '<article class="ns-card">'
        f'<a class="ns-title" href="{escape(link, quote=True)}" target="_self">{title}</a>'
        f'<div class="ns-meta">{meta_html(hit)}</div>'
        f'<p class="ns-snippet">{hit.snippet}</p>'
        + (f'<div class="ns-tags">{tags}</div>' if tags else "")
        + "</article>"
    )


def results_html(hits: Iterable[Hit], state: PageState) -> str:
    """All result cards of a page; each title links to its article with the search kept."""
    cards = [card_html(hit, href(replace(state, article=hit.id))) for hit in hits]
    return '<div class="ns-results">' + "".join(cards) + "</div>"


def paragraphs_html(body_html: str) -> str:
    """Escaped, highlighted text as paragraphs: one `<p>` per non-blank line.

    `<mark>` never spans a line break (it wraps single words), so splitting on newlines is safe.
    """
    lines = [line.strip() for line in body_html.split("\n")]
    return "".join(f"<p>{line}</p>" for line in lines if line)


def article_html(view: ArticleView, back: str) -> str:
    """The article view's main column: back link, title, metadata, original link and full text."""
    hit = view.hit
    original = safe_url(hit.url)
    meta = meta_html(hit)
    if original:
        host = urlsplit(original).netloc
        link = (f'<a class="ns-original" href="{escape(original, quote=True)}" target="_blank" '
                f'rel="noopener noreferrer">Read the original on {escape(host)} ↗</a>')
        meta = f'{meta}<span class="ns-dot">·</span>{link}' if meta else link
    return (
        f'<a class="ns-back" href="{escape(back, quote=True)}" target="_self">← Back to results</a>'
        f'<h1 class="ns-article-title">{hit.title_html or escape(hit.id)}</h1>'
        f'<div class="ns-meta ns-article-meta">{meta}</div>'
        f'<div class="ns-body">{paragraphs_html(view.body_html)}</div>'
    )


def article_facets_html(view: ArticleView, state: PageState) -> str:
    """The article's facets, each value a link to the articles sharing it; themes with evidence."""
    hit = view.hit
    groups = [("source", "Source", [hit.source] if hit.source else []),
              ("speaker", "Speakers", hit.speakers), ("people", "People mentioned", hit.people),
              ("country", "Countries", hit.countries), ("region", "Regions", hit.regions),
              ("theme", "Themes", hit.themes)]
    parts = []
    for facet, label, values in groups:
        if not values:
            continue
        items = []
        for value in values:
            link = href(PageState(filters={facet: [value]}))
            item = f'<a class="ns-tag ns-tag-{facet}" href="{escape(link, quote=True)}" target="_self">{escape(value)}</a>'
            evidence = view.theme_evidence.get(value, []) if facet == "theme" else []
            if evidence:
                quoted = ", ".join(f"“{escape(p)}”" for p in evidence[:6])
                item += f'<div class="ns-evidence">matched {quoted}</div>'
            items.append(f'<li class="ns-with-evidence">{item}</li>' if evidence else f"<li>{item}</li>")
        parts.append(f'<section class="ns-facet"><h4>{escape(label)}</h4><ul>{"".join(items)}</ul></section>')
    if not parts:
        return '<p class="ns-muted">No speakers, places or themes were found in this article.</p>'
    return '<div class="ns-article-facets">' + "".join(parts) + "</div>"


def stats_html(total: int, q: str, elapsed_ms: float, page: int, per_page: int) -> str:
    """"2 articles match “cyber” · 3 ms" (with the range shown when there are several pages)."""
    text = f"<strong>{escape(count_text(total))}</strong>"
    text += f" {'matches' if total == 1 else 'match'} <span class='ns-q'>“{escape(q)}”</span>" if q else ""
    if total > per_page:
        first = (page - 1) * per_page + 1
        text += f'<span class="ns-dot">·</span>showing {first:,}–{min(total, page * per_page):,}'
    return f'<div class="ns-stats">{text}<span class="ns-dot">·</span><span class="ns-time">{escape(elapsed_text(elapsed_ms))}</span></div>'


CSS = """
<style>
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 3.6rem; }
.stAppDeployButton, [data-testid="stAppDeployButton"] { display: none; }
.ns-header h1 { font-size: 2.1rem; font-weight: 700; margin: 0; padding: 0; letter-spacing: -0.01em; }
.ns-header p { margin: .25rem 0 0; opacity: .72; font-size: 1rem; }
mark { background: rgba(255, 204, 0, .38); color: inherit; padding: 0 .12em; border-radius: 3px; }
.ns-stats { font-size: .95rem; opacity: .85; }
.ns-stats .ns-q { font-weight: 600; }
.ns-dot { margin: 0 .45em; opacity: .55; }
.ns-time { opacity: .75; }
.ns-results { margin-top: .25rem; }
.ns-card { padding: 1rem 0 1.05rem; border-bottom: 1px solid rgba(128, 128, 128, .22); }
.ns-card:last-child { border-bottom: none; }
.ns-title { display: inline-block; font-size: 1.16rem; font-weight: 600; line-height: 1.35;
  color: #2563c9 !important; text-decoration: none; overflow-wrap: anywhere; }
.ns-title:hover { text-decoration: underline; }
.ns-meta { font-size: .86rem; opacity: .7; margin: .2rem 0 .4rem; }
.ns-source { font-weight: 600; }
.ns-snippet { margin: 0 0 .5rem !important; line-height: 1.6; font-size: .97rem; overflow-wrap: anywhere; }
.ns-tags { display: flex; flex-wrap: wrap; gap: .35rem 1rem; font-size: .78rem; }
.ns-group { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .3rem; }
.ns-group-label { text-transform: uppercase; letter-spacing: .05em; font-size: .68rem; opacity: .6; font-weight: 600; }
.ns-tag { display: inline-block; padding: .08rem .55rem; border-radius: 999px; line-height: 1.5;
  background: rgba(128, 128, 128, .14); color: inherit !important; text-decoration: none !important; }
.ns-tag-speaker { background: rgba(37, 99, 201, .13); }
.ns-tag-people { background: rgba(111, 66, 193, .13); }
.ns-tag-country, .ns-tag-region { background: rgba(30, 140, 80, .14); }
.ns-tag-theme { background: rgba(214, 120, 20, .16); }
a.ns-tag:hover { filter: brightness(.93); }
.ns-more { opacity: .6; }
.ns-empty { padding: 2.5rem 1rem; text-align: center; border: 1px dashed rgba(128, 128, 128, .4); border-radius: .6rem; margin: 1rem 0; }
.ns-empty h3 { margin: 0 0 .35rem; padding: 0; font-size: 1.25rem; }
.ns-empty p { margin: 0; opacity: .7; }
.ns-pageinfo { text-align: center; opacity: .75; font-size: .92rem; }
.ns-back { font-size: .92rem; text-decoration: none; color: #2563c9 !important; }
.ns-back:hover { text-decoration: underline; }
.ns-article-title { font-size: 1.85rem !important; line-height: 1.25 !important; margin: .8rem 0 .4rem !important;
  padding: 0 !important; font-weight: 700 !important; overflow-wrap: anywhere; }
.ns-article-meta { font-size: .92rem; margin-bottom: 1.1rem; }
.ns-body p { font-size: 1.06rem; line-height: 1.72; margin: 0 0 1rem; max-width: 42rem; overflow-wrap: anywhere; }
.ns-article-facets h4 { font-size: .75rem !important; text-transform: uppercase; letter-spacing: .06em;
  opacity: .65; margin: 1rem 0 .35rem !important; padding: 0 !important; }
.ns-article-facets ul { list-style: none; padding: 0 !important; margin: 0; display: flex; flex-wrap: wrap; gap: .35rem; }
.ns-article-facets li { margin: 0 !important; padding: 0; font-size: .86rem; }
.ns-article-facets li.ns-with-evidence { flex-basis: 100%; }
.ns-evidence { font-size: .78rem; opacity: .7; margin: .15rem 0 .2rem .4rem; }
.ns-muted { opacity: .7; font-size: .9rem; }
[data-testid="stSidebar"] [data-testid="stCheckbox"] label p { font-size: .9rem; }
.st-key-suggestion button p { color: #2563c9; font-size: 1rem; }
.st-key-suggestion button:hover p { text-decoration: underline; }
</style>
"""
