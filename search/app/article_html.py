"""The article view's HTML: full text with query matches and extracted entities marked, safely.

The engine gives the text as escaped HTML with `<mark>` around query matches. Here it is turned
back into plain text plus mark positions, the article's speakers, people, places (every facet
the article has values for) and theme evidence phrases are found as whole words in the plain
text, and the HTML is rebuilt by escaping every piece of text ourselves: nothing from the
article can ever become markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import urlsplit

from search import FACETS, ArticleView, Hit, marked_html  # the public API only
from search.app.state import PageState, href

_MARK_TAG = re.compile(r"(<mark>|</mark>)")
_GAP = r"[^\S\n]+"  # words of a name may be split by any spaces, never by a line break
MIN_SURNAME_CHARS = 4
THEME = "theme"

# how each kind of entity is named in tooltips and in the legend (facets not listed: their label)
KIND_LABELS = {"speaker": "Speaker", "people": "Person", "country": "Country", "region": "Region",
               THEME: "Theme phrase"}


@dataclass(frozen=True)
class Entity:
    """A span of the plain text to underline: `kind` is a facet name, `title` its tooltip."""

    start: int
    end: int
    kind: str
    title: str


def split_marks(body_html: str) -> tuple[str, list[tuple[int, int]]]:
    """The plain text of the engine's highlighted HTML and the spans its `<mark>` tags covered."""
    text, marks, opened = [], [], None
    position = 0
    for piece in _MARK_TAG.split(body_html):
        if piece == "<mark>":
            opened = position
        elif piece == "</mark>":
            if opened is not None:
                marks.append((opened, position))
            opened = None
        elif piece:
            plain = unescape(piece)
            text.append(plain)
            position += len(plain)
    return "".join(text), marks


def _phrase_pattern(phrase: str) -> str:
    return _GAP.join(re.escape(word) for word in phrase.split())


def _find(text: str, phrases: dict[str, tuple[str, str]], ignore_case: bool) -> list[Entity]:
    """Whole-word, non-overlapping occurrences of `phrases` (longest first) as entities."""
    if not phrases:
        return []
    ordered = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w&#])(?:" + "|".join(_phrase_pattern(p) for p in ordered) + r")(?!\w)",
                         re.IGNORECASE if ignore_case else 0)
    lookup = {" ".join(p.split()).casefold() if ignore_case else " ".join(p.split()): kind
              for p, kind in phrases.items()}
    found = []
    for m in pattern.finditer(text):
        key = " ".join(m.group().split())
        kind_title = lookup.get(key.casefold() if ignore_case else key)
        if kind_title:
            found.append(Entity(m.start(), m.end(), *kind_title))
    return found


def _names(hit: Hit) -> dict[str, tuple[str, str]]:
    """Each name to mark → (facet, tooltip); full names, and the surnames of people when unambiguous."""
    names: dict[str, tuple[str, str]] = {}
    surnames: dict[str, list[tuple[str, str]]] = {}
    for name, facet in FACETS.items():
        if name in (THEME, "source", "language"):  # (a language code is no name in the text)
            continue
        label = KIND_LABELS.get(name, facet.label)
        for value in hit.facets.get(name, []):
            value = " ".join(str(value).split())
            if value and value not in names:
                names[value] = (name, f"{label}: {value}")
                words = value.split()
                if name in ("speaker", "people") and len(words) > 1 and len(words[-1]) >= MIN_SURNAME_CHARS \
                        and words[-1][:1].isupper():
                    surnames.setdefault(words[-1], []).append((name, f"{label}: {value}"))
    for surname, owners in surnames.items():
        people = {title for _, title in owners}
        if len(people) == 1 and surname not in names:
            names[surname] = owners[0]
    return names


def _evidence(view: ArticleView) -> dict[str, tuple[str, str]]:
    phrases: dict[str, tuple[str, str]] = {}
    for theme, found in view.theme_evidence.items():
        for phrase in found:
            phrase = " ".join(str(phrase).split())
            if phrase and phrase.casefold() not in {p.casefold() for p in phrases}:
                phrases[phrase] = (THEME, f"Theme: {theme} (matched “{phrase}”)")
    return phrases


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def find_entities(text: str, view: ArticleView, marks: Sequence[tuple[int, int]] = ()) -> list[Entity]:
    """The entities to underline in `text`: names first, then theme phrases where no name is.

    An entity that would cut a query match in two is left out (the match stays marked).
    """
    names = _find(text, _names(view.hit), ignore_case=False)
    phrases = [e for e in _find(text, _evidence(view), ignore_case=True)
               if not any(_overlaps((e.start, e.end), (n.start, n.end)) for n in names)]
    kept = []
    for entity in sorted(names + phrases, key=lambda e: e.start):
        span = (entity.start, entity.end)
        if any(_overlaps(span, m) and not (entity.start <= m[0] and m[1] <= entity.end) for m in marks):
            continue
        kept.append(entity)
    return kept


def marked_body_html(view: ArticleView) -> str:
    """The article text as escaped HTML: `<mark>` for query matches, `<span class="ns-ent …">` for entities."""
    text, marks = split_marks(view.body_html)
    entities = find_entities(text, view, marks)
    parts, cursor = [], 0
    for entity in entities:
        parts.append(marked_html(text, marks, cursor, entity.start))
        inner = marked_html(text, marks, entity.start, entity.end)
        parts.append(f'<span class="ns-ent ns-ent-{escape(entity.kind)}" title="{escape(entity.title)}">'
                     f'{inner}</span>')
        cursor = entity.end
    parts.append(marked_html(text, marks, cursor))
    return "".join(parts)


def paragraphs_html(body_html: str) -> str:
    """Escaped, marked text as paragraphs: one `<p>` per non-blank line (no mark spans a line break)."""
    lines = [line.strip() for line in body_html.split("\n")]
    return "".join(f"<p>{line}</p>" for line in lines if line)


def legend_html(view: ArticleView, body_html: str) -> str:
    """A key to the marks used in this article's text (only the kinds that occur)."""
    items = []
    if "<mark>" in body_html:
        items.append('<span class="ns-legend-item"><mark>query match</mark></span>')
    for kind in (name for name in FACETS if name != "source"):
        if f'class="ns-ent ns-ent-{kind}"' in body_html:
            label = KIND_LABELS.get(kind, FACETS[kind].label)
            items.append(f'<span class="ns-legend-item"><span class="ns-ent ns-ent-{escape(kind)}">'
                         f'{escape(label.lower())}</span></span>')
    if not items:
        return ""
    return '<div class="ns-legend"><span class="ns-legend-title">In the text</span>' + "".join(items) + "</div>"


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


def article_html(view: ArticleView, back: str, meta: str) -> str:
    """The article view's main column: back link, title, metadata and original link, legend, marked text."""
    hit = view.hit
    original = safe_url(hit.url)
    if original:
        host = urlsplit(original).netloc
        link = (f'<a class="ns-original" href="{escape(original, quote=True)}" target="_blank" '
                f'rel="noopener noreferrer">Read the original on {escape(host)} ↗</a>')
        meta = f'{meta}<span class="ns-dot">·</span>{link}' if meta else link
    body = marked_body_html(view)
    return (
        f'<a class="ns-back" href="{escape(back, quote=True)}" target="_self">← Back to results</a>'
        f'<h1 class="ns-article-title">{hit.title_html or escape(hit.id)}</h1>'
        f'<div class="ns-meta ns-article-meta">{meta}</div>'
        f'{legend_html(view, body)}'
        f'<div class="ns-body">{paragraphs_html(body)}</div>'
    )


def article_facets_html(view: ArticleView) -> str:
    """The article's facets, each value a link to all articles sharing it; themes with their evidence."""
    hit = view.hit
    parts = []
    for facet_name, facet in FACETS.items():
        values = [v for v in hit.facets.get(facet_name, []) if v]
        if not values:
            continue
        items = []
        for value in values:
            link = href(PageState(filters={facet_name: [value]}))
            item = (f'<a class="ns-tag ns-tag-{escape(facet_name)}" href="{escape(link, quote=True)}" '
                    f'target="_self">{escape(facet.shown(value))}</a>')
            evidence = view.theme_evidence.get(value, []) if facet_name == THEME else []
            if evidence:
                quoted = ", ".join(f"“{escape(p)}”" for p in evidence[:6])
                item += f'<div class="ns-evidence">matched {quoted}</div>'
            items.append(f'<li class="ns-with-evidence">{item}</li>' if evidence else f"<li>{item}</li>")
        parts.append(f'<section class="ns-facet"><h4>{escape(facet.label)}</h4><ul>{"".join(items)}</ul></section>')
    notice = english_only_notice(hit)
    if not parts:
        return notice or '<p class="ns-muted">No speakers, places or themes were found in this article.</p>'
    return notice + '<div class="ns-article-facets">' + "".join(parts) + "</div>"


def english_only_notice(hit: Hit) -> str:
    """For an article not in English: that speakers, people, organisations and themes are found in
    English text only (a notice, where otherwise the lists would be empty without a reason)."""
    language = hit.facets.get("language", [""])[0] if hit.facets.get("language") else ""
    if language in ("", "en"):
        return ""
    name = FACETS["language"].shown(language)
    return (f'<p class="ns-muted ns-language-notice">This article is in {escape(name)}. Speakers, people, '
            f'organisations and themes are found in English text only, so none were looked for here '
            f'(an author its source names is kept).</p>')
