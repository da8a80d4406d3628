"""Per-segment facet arrays, kept on disk beside the index so a fresh process counts at once.

Reading every facet value's postings from a 100k-article index takes seconds; a Whoosh segment
never changes once written (deletions are kept apart), so its (document, value) pairs are saved
once, in `<index>/facets/<segment id>.npz`, and a new process only loads them (milliseconds).
The worker that writes a segment saves its pairs from the articles it indexed (nearly free); a
segment written or merged elsewhere is read from its postings on first use and saved then.
The arrays hold every document of the segment, deleted or not: callers drop deleted ones.
After each change of the index, the tables put together from all segments (live documents
only) are saved too, as `tables-<generation>.npz`: one file for a fresh process to load.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.fields import Schema
from whoosh.reading import IndexReader

from search.index.facet_table import FacetTable
from search.index.schema import FACETS

log = logging.getLogger(__name__)

CACHE_DIR = "facets"
TABLES_PREFIX = "tables-"  # tables-<index generation>.npz: one version's combined tables

# facet -> (values, segment-local document of each pair, value ordinal of each pair)
SegmentFacets = dict[str, tuple[list[str], np.ndarray, np.ndarray]]


def _pairs(values: list[str], docs: list[int], ords: list[int]) -> tuple[list[str], np.ndarray, np.ndarray]:
    return values, np.array(docs, dtype=np.int32), np.array(ords, dtype=np.int32)


def from_documents(schema: Schema, documents: Iterable[dict[str, Any]]) -> SegmentFacets:
    """The facet pairs of documents numbered 0, 1, … in order, analysed exactly as Whoosh indexes them."""
    found: dict[str, tuple[dict[str, int], list[int], list[int]]] = {name: ({}, [], []) for name in FACETS}
    for docnum, document in enumerate(documents):
        for name in FACETS:
            if name not in document:
                continue
            field = schema[name]
            ordinals, docs, ords = found[name]
            for btext, *_ in field.index(document[name]):
                value = field.from_bytes(btext)
                docs.append(docnum)
                ords.append(ordinals.setdefault(value, len(ordinals)))
    return {name: _pairs(list(ordinals), docs, ords) for name, (ordinals, docs, ords) in found.items()}


def from_reader(segment_reader: IndexReader) -> SegmentFacets:
    """The facet pairs of one segment, read from its postings (live documents only)."""
    result: SegmentFacets = {}
    for name in FACETS:
        values, docs, ords = [], [], []
        for value in segment_reader.field_terms(name):
            ids = list(segment_reader.postings(name, value).all_ids())
            if ids:
                docs += ids
                ords += [len(values)] * len(ids)
                values.append(value)
        result[name] = _pairs(values, docs, ords)
    return result


def _path(index_dir: Path, segment_id: str) -> Path:
    return index_dir / CACHE_DIR / f"{segment_id}.npz"


def save(index_dir: Path, segment_id: str, facets: SegmentFacets) -> None:
    """Write a segment's pairs (atomically); a read-only index folder is logged, not an error."""
    arrays = {}
    for name, (values, docs, ords) in facets.items():
        arrays[f"{name}.values"] = np.array(values, dtype=str)
        arrays[f"{name}.docs"], arrays[f"{name}.ords"] = docs, ords
    _save(_path(index_dir, segment_id), arrays)


def _save(path: Path, arrays: dict[str, np.ndarray]) -> None:
    try:
        path.parent.mkdir(exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            np.savez(handle, **arrays)
        partial.replace(path)
    except OSError as exc:
        log.warning("cannot save the facet cache %s: %s", path, exc)


def _tables_path(index_dir: Path, generation: int) -> Path:
    return index_dir / CACHE_DIR / f"{TABLES_PREFIX}{generation}.npz"


def save_tables(index_dir: Path, generation: int, tables: dict[str, FacetTable]) -> None:
    """Save one index version's facet tables, put together from its segments' pairs (live
    documents only), so a fresh process loads one file instead of combining every segment's."""
    arrays = {}
    for name, table in tables.items():
        values = np.array(table.values, dtype=str)
        if values.tolist() != table.values:  # NumPy drops trailing NUL characters: combine instead
            return
        arrays[f"{name}.values"], arrays[f"{name}.docs"] = values, table.pair_docs
        arrays[f"{name}.ords"], arrays[f"{name}.starts"] = table.pair_ords, table.starts
    _save(_tables_path(index_dir, generation), arrays)


def load_tables(index_dir: Path, generation: int) -> dict[str, FacetTable]:
    """The saved facet tables of an index version (empty when there are none or they are unreadable)."""
    path = _tables_path(index_dir, generation)
    try:
        with np.load(path, allow_pickle=False) as saved:
            tables = {}
            for name in FACETS:
                values = saved[f"{name}.values"].tolist()
                tables[name] = FacetTable(values, dict(zip(values, range(len(values)))), saved[f"{name}.docs"],
                                          saved[f"{name}.ords"], saved[f"{name}.starts"])
            return tables
    except FileNotFoundError:
        return {}
    except (OSError, KeyError, ValueError) as exc:
        log.warning("ignoring the unreadable facet tables %s: %s", path, exc)
        return {}


def load(index_dir: Path, segment_id: str) -> SegmentFacets | None:
    """A segment's saved pairs, or None when there are none (or they are unreadable)."""
    path = _path(index_dir, segment_id)
    try:
        with np.load(path, allow_pickle=False) as saved:
            return {name: (saved[f"{name}.values"].tolist(), saved[f"{name}.docs"], saved[f"{name}.ords"])
                    for name in FACETS}
    except FileNotFoundError:
        return None
    except (OSError, KeyError, ValueError) as exc:
        log.warning("ignoring the unreadable facet cache %s: %s", path, exc)
        return None


def segment_facets(index_dir: Path, segment_reader: IndexReader) -> SegmentFacets:
    """A segment's pairs: saved ones, else read from postings (and saved when nothing is deleted)."""
    segment_id = segment_reader.segment().segment_id()
    cached = load(index_dir, segment_id)
    if cached is not None:
        return cached
    facets = from_reader(segment_reader)
    if not segment_reader.has_deletions():  # with deletions the pairs are incomplete for later versions
        save(index_dir, segment_id, facets)
    return facets


def prune(index_dir: Path, segment_ids: Iterable[str], generation: int) -> None:
    """Delete the saved pairs of segments that are no longer in the index, and the tables of
    other index versions."""
    keep = {f"{s}.npz" for s in segment_ids} | {_tables_path(index_dir, generation).name}
    folder = index_dir / CACHE_DIR
    for path in folder.glob("*.npz*") if folder.is_dir() else []:
        if path.name not in keep and not path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)
