"""`enrich_batch` (what the indexing workers use: each extractor over a whole chunk before the
next) gives exactly what `enrich` gives article by article, including where an extractor fails
for one article, for an article in another language, and for an extra facet."""

from __future__ import annotations

from datetime import date

import pytest

from search.ingest.enrich import EXTRACTORS, enrich, enrich_batch
from search.model import FACETS, Article, Facet

ARTICLES = [
    Article(id="a", title="Harbour strike ends",
            body="Dockworkers in Lisbon returned to work on Tuesday. \"We have a deal,\" said union leader "
                 "Marta Sousa of the National Dockworkers Union, adding that Portugal's ports would reopen."),
    Article(id="b", title="Grain prices",
            body="Wheat futures rose in Chicago after the Agriculture Department cut its forecast for Canada.",
            published=date(2021, 3, 4)),
    Article(id="c", title="Le conseil municipal",
            body="Le conseil municipal de Lyon a voté mardi un budget en hausse pour les écoles de la ville."),
    Article(id="d", title="", body=""),
    Article(id="e", title="Talks in Geneva",
            body="Ministers from Japan and Brazil met in Geneva to discuss trade, officials said on Friday."),
]


def test_a_batch_is_enriched_as_article_by_article():
    enriched = enrich_batch(ARTICLES)
    assert enriched == [enrich(a) for a in ARTICLES]
    assert enriched[0].countries and enriched[4].countries  # something was found to compare
    assert enrich_batch([]) == []


def test_a_failing_extractor_empties_its_facets_for_that_article_only(monkeypatch):
    places = EXTRACTORS["places"]

    def failing(article):
        if article.id == "e":
            raise RuntimeError("broken on purpose")
        return places(article)

    monkeypatch.setitem(EXTRACTORS, "places", failing)
    enriched = enrich_batch(ARTICLES)
    assert enriched == [enrich(a) for a in ARTICLES]
    assert enriched[4].countries == [] and enriched[0].countries


def test_an_extra_facet_reads_the_built_in_ones_in_a_batch(monkeypatch):
    monkeypatch.setitem(FACETS, "initials", Facet("initials", "Initials",
                                                  extract=lambda a: sorted({c[0] for c in a.countries})))
    enriched = enrich_batch(ARTICLES)
    assert enriched == [enrich(a) for a in ARTICLES]
    assert enriched[4].facets["initials"] == sorted({c[0] for c in enriched[4].countries}) != []


@pytest.mark.parametrize("size", [1, 2, 5])
def test_the_batch_size_changes_nothing(size):
    expected = [enrich(a) for a in ARTICLES]
    assert [e for i in range(0, len(ARTICLES), size) for e in enrich_batch(ARTICLES[i:i + size])] == expected
