"""Per-segment facet arrays, kept on disk beside the index so a fresh process counts at once.

Reading every facet value's postings from a 100k-article index takes seconds; a Whoosh segment
never changes once written (deletions are kept apart), so its (document, value) pairs are saved
once, in `<index>/facets/<segment id>.npz`, and a new process only loads them (milliseconds).
The worker that writes a segment saves its pairs from the articles it indexed (nearly free); a
segment written or merged elsewhere is read from its postings on first use and saved then.
The arrays hold every document of the segment, deleted or not: callers drop deleted ones.
After each change of the index, the tables put together from all segments (live documents
only) are saved too, as `tables-<generation>.npz`: one file for a fresh process to load. A
generation number alone does not name one version (an index re-created in its folder counts
from 0 again; a folder copied over another), so the file also records the version it was made
for, its segments and their deletions (`version_key`), and is read only for that version.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.codec.base import Segment
from whoosh.fields import Schema
from whoosh.reading import IndexReader

from search.index import side_files
from search.index.facet_table import FacetTable
from search.index.mapped_arrays import load_npz
from search.index.person_aliases import RULES_VERSION
from search.index.schema import FACETS

CACHE_DIR = "facets"
TABLES_PREFIX = "tables-"  # tables-<index generation>.npz: one version's combined tables
VERSION_KEY = "version"   # in a tables file: the `version_key` of the version it was made for

# (values, segment-local document of each pair, value ordinal of each pair)
FacetPairs = tuple[list[str], NDArray[np.int32], NDArray[np.int32]]
SegmentFacets = dict[str, FacetPairs]  # facet -> its pairs


def _pairs(values: list[str], docs: list[int], ords: list[int]) -> FacetPairs:
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
        values: list[str] = []
        docs: list[int] = []
        ords: list[int] = []
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


def _write_npz(partial: Path, arrays: dict[str, Any]) -> None:
    with partial.open("wb") as handle:  # a handle: given a path, `savez` would add ".npz" to it
        np.savez(handle, **arrays)


def _write_segment(partial: Path, facets: SegmentFacets) -> None:
    arrays = {}
    for name, (values, docs, ords) in facets.items():
        arrays[f"{name}.values"] = np.array(values, dtype=str)
        arrays[f"{name}.docs"], arrays[f"{name}.ords"] = docs, ords
    _write_npz(partial, arrays)


def save(index_dir: Path, segment_id: str, facets: SegmentFacets) -> None:
    """Write a segment's pairs (atomically); a read-only index folder is logged, not an error."""
    side_files.save(_path(index_dir, segment_id), lambda partial: _write_segment(partial, facets))


def tables_name(generation: int) -> str:
    """The file name of an index version's saved facet tables (in the `facets` folder)."""
    return f"{TABLES_PREFIX}{generation}.npz"


def _tables_path(index_dir: Path, generation: int) -> Path:
    return index_dir / CACHE_DIR / tables_name(generation)


def version_key(segments: Iterable[Segment]) -> list[str]:
    """What an index version's tables depend on: its segments, in order, each with its numbers
    of documents and of deleted ones."""
    return [f"{s.segment_id()}:{s.doc_count_all()}:{s.deleted_count()}" for s in segments]


def save_tables(index_dir: Path, generation: int, version: list[str], tables: dict[str, FacetTable]) -> None:
    """Save one index version's facet tables, put together from its segments' pairs (live
    documents only), so a fresh process loads one file instead of combining every segment's;
    `version` (its `version_key`) is saved with them."""
    arrays = {"alias_rules": np.array(RULES_VERSION), VERSION_KEY: np.array(version, dtype=str)}
    for name, table in tables.items():
        values = np.array(table.values, dtype=str)
        variants = np.array(list(table.aliases), dtype=str)
        if values.tolist() != table.values or variants.tolist() != list(table.aliases):
            return  # NumPy drops trailing NUL characters: combine instead
        arrays[f"{name}.values"], arrays[f"{name}.docs"] = values, table.pair_docs
        arrays[f"{name}.ords"], arrays[f"{name}.starts"] = table.pair_ords, table.starts
        arrays[f"{name}.aliases"] = variants  # each with the ordinal of the value it is counted under
        arrays[f"{name}.alias_ords"] = np.array([table.ordinals[v] for v in table.aliases.values()], dtype=np.int32)
    side_files.save(_tables_path(index_dir, generation), lambda partial: _write_npz(partial, arrays))


def _read_tables(path: Path, version: list[str]) -> dict[str, FacetTable]:
    saved = load_npz(path)
    if int(saved["alias_rules"]) != RULES_VERSION:  # a KeyError too when saved without aliases
        raise ValueError(f"facet tables saved with other person alias rules: {path}")
    # a KeyError too when saved before versions were kept
    if saved[VERSION_KEY].tolist() != version:
        raise ValueError(f"facet tables saved for another index version with the same generation number: {path}")
    tables = {}
    for name in FACETS:
        if f"{name}.values" not in saved:
            continue  # a facet the index had no field for then (`_read_segment`): made by `Snapshot.table`
        values = saved[f"{name}.values"].tolist()
        # tables saved before aliases were kept have no `.aliases`: a KeyError, so rebuilt
        aliases = {v: values[o] for v, o in zip(saved[f"{name}.aliases"].tolist(),
                                                 saved[f"{name}.alias_ords"].tolist(), strict=True)}
        tables[name] = FacetTable(values, {v: i for i, v in enumerate(values)}, saved[f"{name}.docs"],
                                  saved[f"{name}.ords"], saved[f"{name}.starts"], aliases)
    return tables


def load_tables(index_dir: Path, generation: int, version: list[str]) -> dict[str, FacetTable]:
    """The saved facet tables of an index version (empty when there are none, they are
    unreadable, or they were saved for another version: `version` is its `version_key`)."""
    return side_files.load(_tables_path(index_dir, generation), lambda path: _read_tables(path, version)) or {}


def _read_segment(path: Path) -> SegmentFacets:
    """A segment's saved pairs. A facet the file lacks had no field in the index when the segment
    was written (its file holds every facet the writer knew, and the schema is made of those):
    the segment has no values for it. That is how the segments of an index written before a
    facet's field existed (`schema.ADDED_FIELDS`) read."""
    saved = load_npz(path)
    return {name: (saved[f"{name}.values"].tolist(), saved[f"{name}.docs"], saved[f"{name}.ords"])
            if f"{name}.values" in saved else _pairs([], [], []) for name in FACETS}


def load(index_dir: Path, segment_id: str) -> SegmentFacets | None:
    """A segment's saved pairs, or None when there are none (or they are unreadable)."""
    return side_files.load(_path(index_dir, segment_id), _read_segment)


def segment_facets(index_dir: Path, segment_reader: IndexReader) -> SegmentFacets:
    """A segment's pairs: saved ones, else read from postings (and saved when nothing is deleted:
    with deletions the pairs are incomplete for later versions of the index)."""
    return side_files.load_or_rebuild(_path(index_dir, segment_reader.segment().segment_id()), _read_segment,
                                      lambda: from_reader(segment_reader),
                                      None if segment_reader.has_deletions() else _write_segment)


def prune(index_dir: Path, segment_ids: Iterable[str], generation: int) -> None:
    """Delete the saved pairs of segments that are no longer in the index, and the tables of
    other index versions."""
    side_files.prune(index_dir / CACHE_DIR,
                     [f"{s}.npz" for s in segment_ids] + [_tables_path(index_dir, generation).name])
