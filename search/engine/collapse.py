"""Collapsing near-duplicates: one hit per story, counts by story, and a story's versions.

A story is a group of near-identical articles (search/index/stories.py); the snapshot gives
each document its story's label. Collapsing keeps, of each story's matching articles, the one
that comes first in the result order (the best-scoring, or the newest, …), so a wire story
under ten outlets is one hit with "+ 9 versions". Counts by story count a story once for a
facet value when any of its counted articles has that value: selecting "Reuters" still finds
the story whose Reuters version is not its best hit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from search.index.facet_table import FacetTable
from search.index.location import resolve_index_dir
from search.index.snapshot import Snapshot, snapshot

# the documents of a mask in result order
Rank = Callable[[NDArray[np.bool_]], NDArray[np.int64]]


@dataclass(frozen=True)
class Version:
    """One article of a story, as the page lists it under a hit."""

    id: str
    title: str
    source: str
    published: date | None
    url: str


@dataclass(frozen=True)
class Duplicates:
    """A hit's other versions (its story's other articles in the index), oldest first: how
    many, their sources (each once) and their article ids."""

    versions: list[Version] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many other versions the story has."""
        return len(self.versions)

    @property
    def sources(self) -> list[str]:
        """The other versions' sources, each once, in the versions' order."""
        return list(dict.fromkeys(v.source for v in self.versions if v.source))

    @property
    def ids(self) -> list[str]:
        """The other versions' article ids."""
        return [v.id for v in self.versions]


NO_DUPLICATES = Duplicates()


def _shared(docs: NDArray[np.int64], labels: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Which of `docs` share their story with another of `docs`."""
    per_story = np.bincount(labels[docs], minlength=len(labels))
    return per_story[labels[docs]] > 1


def keep_best(mask: NDArray[np.bool_], labels: NDArray[np.int64], rank: Rank) -> NDArray[np.bool_]:
    """`mask` with only the first article (in `rank` order) of each story it holds."""
    docs = np.flatnonzero(mask)
    shared = docs[_shared(docs, labels)]
    if not len(shared):
        return mask
    only_shared = np.zeros_like(mask)
    only_shared[shared] = True
    ordered = rank(only_shared)
    _, first = np.unique(labels[ordered], return_index=True)
    kept = mask.copy()
    kept[shared] = False
    kept[ordered[first]] = True
    return kept


def story_counts(table: FacetTable, mask: NDArray[np.bool_], labels: NDArray[np.int64]) -> NDArray[np.intp]:
    """Per value of a facet, how many stories have it among the articles of `mask`: the plain
    count, less the repeats of a value within a story (only stories with several matching
    articles are looked at, so the usual case costs one more bincount)."""
    counted = mask[table.pair_docs]
    counts = np.bincount(table.pair_ords[counted], minlength=len(table.values))
    docs = np.flatnonzero(mask)
    in_shared = np.zeros_like(mask)
    in_shared[docs[_shared(docs, labels)]] = True
    repeated = counted & in_shared[table.pair_docs]
    if not repeated.any():
        return counts
    ords = table.pair_ords[repeated].astype(np.int64)
    keys = np.unique(ords * len(labels) + labels[table.pair_docs[repeated]])
    once = np.bincount(keys // len(labels), minlength=len(table.values))
    return counts - np.bincount(ords, minlength=len(table.values)) + once


def story_members(snap: Snapshot, docnum: int) -> NDArray[np.int64]:
    """The live documents of `docnum`'s story, itself included, oldest first (undated last)."""
    labels = snap.story_labels()
    members = np.flatnonzero((labels == labels[docnum]) & snap.live)
    dates = snap.published[members]
    return members[np.lexsort((members, dates == np.iinfo(np.int64).min, dates))]


def versions_of(snap: Snapshot, docnum: int) -> list[Version]:
    """Every version of `docnum`'s story, itself included, oldest first."""
    return _versions(snap, story_members(snap, docnum))


def _versions(snap: Snapshot, members: NDArray[np.int64]) -> list[Version]:
    found = []
    for member in members:
        stored = snap.stored(int(member))
        found.append(Version(stored["id"], stored["title"], (stored["facets"].get("source") or [""])[0],
                             stored["published"], stored["url"]))
    return found


def duplicates_of(snap: Snapshot, docnum: int) -> Duplicates:
    """`docnum`'s other versions."""
    members = story_members(snap, docnum)
    if len(members) < 2:
        return Duplicates()
    return Duplicates(_versions(snap, members[members != docnum]))


def versions(article_id: str, index_dir: str | Path | None = None) -> list[Version]:
    """Every version of an article's story (near-duplicates in the index), the article itself
    included, oldest first; empty when no article has that id."""
    snap = snapshot(resolve_index_dir(index_dir))
    docnum = snap.searcher.document_number(id=article_id)
    return [] if docnum is None else versions_of(snap, docnum)
