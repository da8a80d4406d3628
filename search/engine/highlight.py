"""Safe highlighting: article text is HTML-escaped and only our own `<mark>` tags are added.

Matching uses the index's own analyzer, so "attacks" is marked for the query `attack`. To stay
fast on long articles (Whoosh's highlighter analyses the whole text for every hit) a regular
expression first finds candidate words that share a prefix with a query term; only those are
analysed. Snippets are the ~300-character window holding the most matches.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from functools import lru_cache
from html import escape
from typing import Protocol

from search.settings import setting

SNIPPET_CHARS: int = setting("snippet_chars")
_WORD_TAIL = r"[\w*]*(?:\.?[\w*]+)*"  # the rest of a token as Whoosh's default tokenizer sees it


class Token(Protocol):
    """A token an analyzer yields: its `text` is the indexed form (lowercased, stemmed)."""

    text: str


class Analyzer(Protocol):
    """What highlighting needs of an analyzer (the index's own, a Whoosh `Analyzer`): called on
    a text, it yields that text's tokens."""

    def __call__(self, value: str) -> Iterable[Token]: ...


@lru_cache(maxsize=256)
def _candidates(terms: frozenset[str]) -> re.Pattern[str]:
    prefixes = sorted({t[: max(2, len(t) - 2)] for t in terms if t}, key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"(?<![\w*])(?:{alternation}){_WORD_TAIL}", re.IGNORECASE)


def match_spans(text: str, terms: Collection[str], analyzer: Analyzer) -> list[tuple[int, int]]:
    """Character spans of the words of `text` whose analysed form is one of `terms`."""
    wanted = frozenset(terms)
    if not wanted or not text:
        return []
    spans = []
    for match in _candidates(wanted).finditer(text):
        if any(token.text in wanted for token in analyzer(match.group())):
            spans.append(match.span())
    return spans


def marked_html(text: str, spans: Iterable[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """`text[start:end]` HTML-escaped, with each of the ascending, non-overlapping `spans` that
    lies inside it wrapped in `<mark>`. Snippets, titles and article bodies are marked here, and
    the page uses it too (through the public API) when it rebuilds the article around entities."""
    end = len(text) if end is None else end
    parts, cursor = [], start
    for a, b in spans:
        if start <= a and b <= end:
            parts.append(escape(text[cursor:a], quote=False))
            parts.append("<mark>" + escape(text[a:b], quote=False) + "</mark>")
            cursor = b
    parts.append(escape(text[cursor:end], quote=False))
    return "".join(parts)


def _best_window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """The window of about `size` characters, cut at spaces, that holds the most matches.

    Each candidate window starts a little before a match. `spans` are ascending and do not overlap,
    so both their starts and their ends ascend: the matches inside a window are the run between two
    binary searches. (Counting them one by one was quadratic in the matches: a query such as `*?`,
    marking nearly every word of a long article, took seconds per snippet.)"""
    lead = size // 4
    starts, ends = [x for x, _ in spans], [y for _, y in spans]
    best_start, best_count = 0, -1
    for a in starts:
        start = max(0, a - lead)
        count = max(0, bisect_right(ends, start + size) - bisect_left(starts, start))
        if count > best_count:
            best_start, best_count = start, count
    start = best_start
    if start > 0:
        space = text.find(" ", start, start + lead)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def snippet_html(text: str, terms: Collection[str], analyzer: Analyzer, size: int = SNIPPET_CHARS) -> str:
    """At most ~`size` escaped characters around the best match in `text`, matches in `<mark>`."""
    flat = " ".join(text.split())
    spans = match_spans(flat, terms, analyzer)
    start, end = _best_window(flat, spans, size) if spans else _best_window(flat, [(0, 0)], size)
    body = marked_html(flat, spans, start, end)
    return ("… " if start > 0 else "") + body + (" …" if end < len(flat) else "")


def full_html(text: str, terms: Collection[str], analyzer: Analyzer) -> str:
    """All of `text`, escaped, with every match in `<mark>` (titles, the article view)."""
    return marked_html(text, match_spans(text, terms, analyzer))
