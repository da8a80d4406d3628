"""Enrichment: fill an `Article`'s facets (every facet of `search.model.FACETS`), its date and
its theme evidence.

A facet names the extractor that finds it (`Facet.extract`). The built-in extractors are in
`EXTRACTORS`: each returns values for one or more facets, keyed by facet name (people extraction
finds both the speakers and the people), and runs once an article however many facets name it.
An extra facet's own `extract(article)` function runs afterwards, on the article with the
built-in facets filled in.

Each extractor is independent and offline. A failure in one extractor for one article is logged
and leaves its facets empty for that article; it never stops indexing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from search.ingest.enrich.language import article_language, is_english
from search.ingest.enrich.metadata import UNKNOWN_SOURCE, find_date, find_source
from search.ingest.enrich.of_record import with_given
from search.ingest.enrich.organisations import find_organisations
from search.ingest.enrich.people import find_people
from search.ingest.enrich.places import find_places
from search.ingest.enrich.themes import theme_evidence
from search.model import FACETS, Article

log = logging.getLogger(__name__)

__all__ = ["EXTRACTORS", "enrich"]

Found = Mapping[str, Iterable[str]]  # facet name -> values
_T = TypeVar("_T")
_NO_VALUES: Iterable[str] = ()  # what a failed extra facet's extractor leaves


def _safe(name: str, article: Article, extract: Callable[[Article], _T], default: _T) -> _T:
    try:
        return extract(article)
    except Exception:  # one extractor's bug must not stop indexing: log it, leave the facet empty
        log.exception("extractor %r failed on article %s (%s)", name, article.id, article.origin)
        return default


def _source(article: Article) -> Found:
    """The reader's source wins; else one found in the text or url, else "Unknown" (even when
    finding fails: every article has a source to sort by)."""
    found = article.source or _safe("source", article, lambda a: find_source(a.text, a.url), "")
    return {"source": [found or UNKNOWN_SOURCE]}


def _people(article: Article) -> Found:
    """People and speakers found in the text, merged with the speakers the reader gave (its
    speaker/author/byline fields): those come first and are people too (`with_given`)."""
    found, given = find_people(article.text), article.speakers
    return {"speaker": with_given(given, found.speakers), "people": with_given(given, found.people)}


def _places(article: Article) -> Found:
    found = find_places(article.text)
    return {"country": found.countries, "region": found.regions}


def _organisations(article: Article) -> Found:
    return {"organisation": find_organisations(article.text)}


def _themes(article: Article) -> Found:
    """The themes as a mapping theme → the phrases that matched it (`Article.theme_evidence`)."""
    return {"theme": theme_evidence(article.text)}


def _language(article: Article) -> Found:
    language = article_language(article)
    return {"language": [language] if language else []}


def _of_record(article: Article) -> Found:
    """For an article not in English: only the speakers its reader gave (a byline), no people
    found in the text (the rules read English sentences)."""
    return {"speaker": article.speakers, "people": article.speakers}


EXTRACTORS: dict[str, Callable[[Article], Found]] = {
    "language": _language,
    "source": _source,
    "people": _people,
    "places": _places,
    "organisations": _organisations,
    "themes": _themes,
}
# Extractors whose rules and word lists read English (sentence patterns, "said", theme phrases): on
# an article in another language they would find noise, so they are not run (`_of_record` instead).
ENGLISH_ONLY: dict[str, Callable[[Article], Found]] = {"people": _of_record, "organisations": lambda _: {},
                                                        "themes": lambda _: {}}


def enrich(article: Article) -> Article:
    """A copy of `article` with every facet extracted; metadata given by the reader wins. The
    language comes first: the extractors that read English (`ENGLISH_ONLY`) run on English
    articles (or of unknown language) only."""
    found: dict[str, Found] = {"language": _safe("language", article, _language, {})}  # extractor -> found
    english = is_english(next(iter(found["language"].get("language", ())), ""))
    facets: dict[str, list[str]] = {}
    for name, facet in FACETS.items():
        if isinstance(facet.extract, str):
            if facet.extract not in found:
                extract = EXTRACTORS[facet.extract] if english else ENGLISH_ONLY.get(facet.extract,
                                                                                      EXTRACTORS[facet.extract])
                found[facet.extract] = _safe(facet.extract, article, extract, {})
            facets[name] = list(found[facet.extract].get(name, ()))
    evidence = found.get("themes", {}).get("theme", {})
    published = article.published or _safe("date", article, lambda a: find_date(a.text), None)
    enriched = Article(article.id, article.title, article.body, url=article.url, published=published,
                       facets=facets, theme_evidence=dict(evidence) if isinstance(evidence, Mapping) else {},
                       origin=article.origin, metadata=article.metadata)
    for name, facet in FACETS.items():
        if callable(facet.extract):
            enriched.facets[name] = list(_safe(name, enriched, facet.extract, _NO_VALUES))
    return enriched
