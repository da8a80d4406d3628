"""Enrichment: fill an `Article`'s facets (source, date, speakers, people, countries, regions,
organisations, themes).

Each extractor is independent and offline. A failure in one extractor for one article is logged
and leaves that facet empty for that article; it never stops indexing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from search.model import Article
from search.ingest.enrich.metadata import find_date, find_source
from search.ingest.enrich.organisations import find_organisations
from search.ingest.enrich.people import find_people
from search.ingest.enrich.places import find_places
from search.ingest.enrich.themes import theme_evidence

log = logging.getLogger(__name__)

__all__ = ["enrich"]


def _safe(name: str, article: Article, extract: Callable[[], object], default: object) -> object:
    try:
        return extract()
    except Exception:  # one extractor's bug must not stop indexing: log it, leave the facet empty
        log.exception("extractor %r failed on article %s (%s)", name, article.id, article.origin)
        return default


def enrich(article: Article) -> Article:
    """A copy of `article` with every facet extracted; metadata given by the reader wins."""
    text = article.text
    people = _safe("people", article, lambda: find_people(text), None)
    places = _safe("places", article, lambda: find_places(text), None)
    organisations = _safe("organisations", article, lambda: find_organisations(text), [])
    evidence = _safe("themes", article, lambda: theme_evidence(text), {})
    source = article.source or _safe("source", article, lambda: find_source(text, article.url), "")
    published = article.published or _safe("date", article, lambda: find_date(text), None)
    return replace(
        article,
        source=source or "Unknown",
        published=published,
        speakers=list(people.speakers) if people else [],
        people=list(people.people) if people else [],
        countries=list(places.countries) if places else [],
        regions=list(places.regions) if places else [],
        organisations=list(organisations),
        themes=list(evidence),
        theme_evidence=dict(evidence),
    )
