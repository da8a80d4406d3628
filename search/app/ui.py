"""Page logic for the Streamlit page (`search.app.page` and the `search.app.views` modules that draw
it), kept free of Streamlit so it can be unit-tested.

* `search.app.state`: the page state and its URL form;
* this module: result cards, statistics, filter chips, facet labels, the index summary;
* `search.app.article_html`: the article view (text with query matches and entities marked);
* `search.app.charts`: the timeline, facet bar chart and co-occurrence heat map (Altair);
* `search.app.upload`: checking, saving and indexing uploaded files;
* `search.app.style`: the page's CSS and its one script (in-page navigation for links).

Only the engine's highlighted fragments (`Hit.snippet`, `Hit.title_html`, `ArticleView.body_html`:
escaped text plus `<mark>`) are inserted as HTML; every other string from an article goes through
`html.escape` (or `md_escape` for Streamlit's Markdown labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from html import escape

from search import FACETS, FacetValue, Hit, IndexStats  # the public API only (the package is loaded first)
from search.app.state import PageState, href
from search.settings import setting

PRODUCT_NAME = "News Search"
TAGLINE = "Full-text search with faceted browsing over your news archive — offline, on this computer."
FACET_SHOWN: int = setting("facet_shown")
SIDEBAR_WIDTH = 330      # px
FACET_SEARCH_MIN = 15    # a facet with more distinct values than this gets its own search box
CARD_TAGS_SHOWN = 5      # values per group on a result card
GROUP_LABELS = {"speaker": "Speakers", "country": "Countries", "theme": "Themes", "region": "Regions",
                "organisation": "Organisations"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#~$|]|&(?=#?[0-9A-Za-z]+;))")  # links, images, styling, entities
# What no escape stops, as Streamlit finds it in the text itself: `:material/…:` icons, and GFM's
# autolinks (`http://…`, `www.…`, `a@b.c`, found in the parsed text). An invisible WORD JOINER
# (U+2060) after each colon and at-sign and inside "www." breaks them; the text shows the same.
WORD_JOINER = "\u2060"
_MD_BREAK = re.compile(r"[:@]|(?<=www)(?=\.)", re.IGNORECASE)


def format_date(value: date | None) -> str:
    """"8 Sep 2022", or "" for an undated article."""
    return f"{value.day} {value:%b %Y}" if value else ""


def md_escape(text: str) -> str:
    """Text made literal for Streamlit's Markdown labels (buttons, checkboxes): no links, no
    styling, no icons, no character references decoded."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _MD_BREAK.sub(lambda m: m.group() + WORD_JOINER, escaped)


def facet_label(fv: FacetValue, facet: str = "") -> str:
    """The checkbox label of a value of `facet`: "Russia (3)", "Russia (excluded)", "French (2)"
    (a value shown by its name: `Facet.shown`).

    No Markdown styling: Streamlit also reads the label out as it is (its aria-label); the page's
    CSS shows excluded values in red.
    """
    shown = md_escape(FACETS[facet].shown(fv.value) if facet in FACETS else fv.value)
    if fv.excluded:
        return f"{shown} (excluded)"
    return f"{shown} ({fv.count:,})"


def facet_values(values: Iterable[FacetValue], selected: Iterable[str],
                 excluded: Iterable[str] = ()) -> list[FacetValue]:
    """The engine's facet values plus any selected or excluded value it did not list (with count 0)."""
    shown = list(values)
    listed = {fv.value for fv in shown}
    shown += [FacetValue(v, 0, True) for v in selected if v not in listed]
    shown += [FacetValue(v, 0, False, True) for v in excluded if v not in listed and v not in selected]
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


def size_text(size: int) -> str:
    """"812 KB", "8.4 MB", "1.2 GB"."""
    units = ["bytes", "KB", "MB", "GB", "TB"]
    value, unit = float(size), 0
    while value >= 1000 and unit < len(units) - 1:
        value, unit = value / 1000, unit + 1
    return f"{value:,.0f} {units[unit]}" if unit < 2 else f"{value:,.1f} {units[unit]}"


def date_range_text(date_from: date | None, date_to: date | None) -> str:
    """"1 Jan 2019 – 31 Mar 2019", "from 1 Jan 2019", "until 31 Mar 2019"."""
    if date_from and date_to:
        return f"{format_date(date_from)} – {format_date(date_to)}"
    if date_from:
        return f"from {format_date(date_from)}"
    return f"until {format_date(date_to)}" if date_to else ""


# --- filter chips -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Chip:
    """One active filter above the results: its button key and label, and the state without it."""

    key: str
    label: str          # Markdown (values escaped)
    excluded: bool
    without: PageState


def chips(state: PageState) -> list[Chip]:
    """The removable chips of every selected and excluded value, match mode and the date range."""
    result = []
    for name, facet in FACETS.items():
        for value in state.filters.get(name, []):
            result.append(Chip(f"chip:in:{name}:{value}",
                               f"{md_escape(facet.label)}: **{md_escape(facet.shown(value))}**",
                               False, state.with_filter(name, value, False)))
        if state.mode(name) == "all" and len(state.filters.get(name, [])) > 1:
            result.append(Chip(f"chip:all:{name}", f"{md_escape(facet.label)}: all must match", False,
                               state.with_mode(name, "any")))
        for value in state.exclude.get(name, []):
            result.append(Chip(f"chip:not:{name}:{value}",
                               f"NOT {md_escape(facet.label)}: ~~{md_escape(facet.shown(value))}~~",
                               True, state.with_exclude(name, value, False)))
    if state.date_from or state.date_to:
        result.append(Chip("chip:dates", f"Published {md_escape(date_range_text(state.date_from, state.date_to))}",
                           False, state.with_dates(None, None)))
    return result


# --- results ------------------------------------------------------------------------------------

def _tags(facet: str, label: str, values: list[str], state: PageState, limit: int = CARD_TAGS_SHOWN) -> str:
    if not values:
        return ""
    chosen = set(state.filters.get(facet, []))
    links = []
    for value in values[:limit]:
        link = href(state.with_filter(facet, value, True))
        on = " ns-tag-on" if value in chosen else ""
        links.append(f'<a class="ns-tag ns-tag-{escape(facet)}{on}" href="{escape(link, quote=True)}" target="_self" '
                     f'title="Show only articles with {escape(value, quote=True)}">{escape(value)}</a>')
    more = f'<span class="ns-more">+{len(values) - limit} more</span>' if len(values) > limit else ""
    return f'<span class="ns-group"><span class="ns-group-label">{escape(label)}</span>{"".join(links)}{more}</span>'


def meta_html(hit: Hit) -> str:
    """"Source · date" line of a card or article (escaped)."""
    parts = [f'<span class="ns-source">{escape(hit.source)}</span>' if hit.source else "",
             f'<span class="ns-date">{escape(format_date(hit.published))}</span>' if hit.published else ""]
    return '<span class="ns-dot">·</span>'.join(p for p in parts if p)


def card_html(hit: Hit, state: PageState) -> str:
    """One result: linked title, source and date, snippet, and its facet values as filter links."""
    link = href(replace(state, article=hit.id))
    title = hit.title_html or escape(hit.id)
    tags = "".join(
        _tags(name, GROUP_LABELS.get(name, facet.label), hit.facets.get(name, []), state)
        for name, facet in FACETS.items() if facet.on_hits  # (see `Facet.on_hits`)
    )
    return (
        '<article class="ns-card">'
        f'<a class="ns-title" href="{escape(link, quote=True)}" target="_self">{title}</a>'
        f'<div class="ns-meta">{meta_html(hit)}</div>'
        f'<p class="ns-snippet">{hit.snippet}</p>'
        + (f'<div class="ns-tags">{tags}</div>' if tags else "")
        + versions_html(hit, state)
        + "</article>"
    )


VERSION_SOURCES_SHOWN = 3


def versions_html(hit: Hit, state: PageState) -> str:
    """"+ 2 versions (Reuters, AP)" under a hit whose story has other versions, which opens
    (a native <details>) to list them, each linking to its article view; "" when it has none."""
    if not hit.duplicates.count:
        return ""
    sources = hit.duplicates.sources
    named = ", ".join(sources[:VERSION_SOURCES_SHOWN]) + (", …" if len(sources) > VERSION_SOURCES_SHOWN else "")
    label = f"+ {count_text(hit.duplicates.count, 'version')}" + (f" ({named})" if named else "")
    items = "".join(
        f'<li><a href="{escape(href(replace(state, article=v.id)), quote=True)}" target="_self">'
        f'{escape(v.title or v.id)}</a> <span class="ns-meta">'
        + '<span class="ns-dot">·</span>'.join(escape(p) for p in (v.source, format_date(v.published) if v.published
                                                                    else "") if p)
        + "</span></li>" for v in hit.duplicates.versions)
    return f'<details class="ns-versions"><summary>{escape(label)}</summary><ul>{items}</ul></details>'


def results_html(hits: Iterable[Hit], state: PageState) -> str:
    """All result cards of a page; titles open the article, tags add a filter, the search kept."""
    return '<div class="ns-results">' + "".join(card_html(hit, state) for hit in hits) + "</div>"


def similar_html(hits: list[Hit], state: PageState) -> str:
    """"Similar articles": titles linking to their article views (the search kept for "back")."""
    if not hits:
        return '<p class="ns-muted">No similar articles found.</p>'
    items = []
    for hit in hits:
        link = href(replace(state, article=hit.id))
        items.append(f'<li><a class="ns-similar-title" href="{escape(link, quote=True)}" target="_self">'
                     f'{escape(hit.title or hit.id)}</a><div class="ns-meta">{meta_html(hit)}</div></li>')
    return '<ul class="ns-similar">' + "".join(items) + "</ul>"


def stats_html(total: int, q: str, elapsed_ms: float, page: int, per_page: int, articles: int | None = None) -> str:
    """"2 articles match “cyber” · 3 ms" (with the range shown when there are several pages);
    "2 stories (5 articles) match" when `articles` (copies collapsed into stories) differs.

    The count sentence is `.ns-count` (the same for the same results), the time `.ns-time`.
    """
    count = f"<strong>{escape(count_text(total))}</strong>"
    if articles is not None and articles != total:
        stories = f"{total:,} {'story' if total == 1 else 'stories'}"
        count = f"<strong>{stories}</strong> ({escape(count_text(articles))})"
    count += f" {'matches' if total == 1 else 'match'} <span class='ns-q'>“{escape(q)}”</span>" if q else ""
    parts = [f'<span class="ns-count">{count}</span>']
    if total > per_page:
        first = (page - 1) * per_page + 1
        parts.append(f'<span class="ns-range">showing {first:,}–{min(total, page * per_page):,}</span>')
    parts.append(f'<span class="ns-time">{escape(elapsed_text(elapsed_ms))}</span>')
    return '<div class="ns-stats">' + '<span class="ns-dot">·</span>'.join(parts) + "</div>"


def index_summary_html(stats: IndexStats) -> str:
    """"297 articles · 3 sources · Jan 2019 – Sep 2022 · updated 22 Nov 2026 · 8.4 MB" ("60 articles
    (20 stories)" when copies make stories)."""
    articles = count_text(stats.articles)
    if stats.stories != stats.articles:
        articles += f" ({stats.stories:,} {'story' if stats.stories == 1 else 'stories'})"
    parts = [articles, count_text(stats.sources, "source")]
    if stats.first_published and stats.last_published:
        parts.append(f"{stats.first_published:%b %Y} – {stats.last_published:%b %Y}")
    parts.append(f"updated {format_date(stats.last_update.date())} {stats.last_update:%H:%M}")
    parts.append(size_text(stats.size_bytes))
    summary = ('<div class="ns-index"><span class="ns-index-label">Index</span>'
               + '<span class="ns-dot">·</span>'.join(escape(p) for p in parts) + "</div>")
    return summary + suggested_facets_html(stats)


def suggested_facets_html(stats: IndexStats) -> str:
    """The metadata fields that would make useful facets, and how to add them (none: "")."""
    if not stats.suggested_facets:
        return ""
    fields = ", ".join(f"<code>{escape(s.field)}</code> ({s.coverage:.0%} of articles, {s.distinct} values)"
                       for s in stats.suggested_facets)
    flags = " ".join(f"--facet {escape(s.field)}" for s in stats.suggested_facets)
    return (f'<div class="ns-suggested">Fields that would make useful facets: {fields}. Add them with '
            f'<code>python -m search index FILES --rebuild {flags}</code></div>')


def export_filename(state: PageState, fmt: str) -> str:
    """"news-search-arms-control.csv" (the query, made file-name safe), "news-search-all.json"."""
    slug = re.sub(r"[^a-z0-9]+", "-", state.q.casefold()).strip("-")[:40] or "all"
    return f"news-search-{slug}.{fmt}"
