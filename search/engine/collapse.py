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

from search.index.arrays import sorted_unique
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


def keep_best(snap: Snapshot, mask: NDArray[np.bool_], rank: Rank) -> NDArray[np.bool_]:
    """`mask` with only the first article (in `rank` order) of each story it holds."""
    shared = mask & snap.story_shared()
    if not shared.any():
        return mask
    ordered = rank(shared)
    _, first = np.unique(snap.story_labels()[ordered], return_index=True)
    kept = mask & ~shared
    kept[ordered[first]] = True
    return kept


def story_counts(snap: Snapshot, facet: str, mask: NDArray[np.bool_]) -> NDArray[np.intp]:
    """Per value of a facet, how many stories have it among the articles of `mask`."""
    return count_stories(snap.table(facet), mask, snap.story_labels(), snap.story_pairs(facet))


def count_stories(table: FacetTable, mask: NDArray[np.bool_], labels: NDArray[np.int64],
                  shared_pairs: NDArray[np.bool_]) -> NDArray[np.intp]:
    """`story_counts` over a table, the documents' story labels and, per pair, whether its
    document's story has other versions: the plain count, less the repeats of a value within a
    story (only the shared pairs are looked at, so the usual case costs one more boolean AND)."""
    counted = mask[table.pair_docs]
    counts = np.bincount(table.pair_ords[counted], minlength=len(table.values))
    repeated = counted & shared_pairs
    if not repeated.any():
        return counts
    ords = table.pair_ords[repeated].astype(np.int64)
    keys = sorted_unique(ords * len(labels) + labels[table.pair_docs[repeated]])
    once = np.bincount(keys // len(labels), minlength=len(table.values))
    return counts - np.bincount(ords, minlength=len(table.values)) + once


def once_per_story(snap: Snapshot, docs: NDArray[np.int64], keys: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Per document of `docs`, whether it is the first of its story with its key (its month, …):
    counting the kept documents per key counts the stories with an article under that key, as
    `story_counts` counts them per facet value (only documents of shared stories are looked at)."""
    shared = snap.story_shared()[docs]
    kept = ~shared
    if shared.any():
        at = np.flatnonzero(shared)
        offsets = keys[at] - keys[at].min()
        pairs = snap.story_labels()[docs[at]] * (int(offsets.max()) + 1) + offsets  # (story, key) as one number
        _, first = np.unique(pairs, return_index=True)
        kept[at[first]] = True
    return kept


def live_stories(snap: Snapshot) -> int:
    """How many stories the index's live articles make."""
    return int(sorted_unique(snap.story_labels()[snap.live]).size)


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
    if not snap.story_shared()[docnum]:
        return Duplicates()
    members = story_members(snap, docnum)
    return Duplicates(_versions(snap, members[members != docnum]))


def versions(article_id: str, index_dir: str | Path | None = None) -> list[Version]:
    """Every version of an article's story (near-duplicates in the index), the article itself
    included, oldest first; empty when no article has that id."""
    snap = snapshot(resolve_index_dir(index_dir))
    docnum = snap.searcher.document_number(id=article_id)
    return [] if docnum is None else versions_of(snap, docnum)
