"""Story groups: articles whose text is nearly the same (syndicated copies, light rewrites).

Each article gets a MinHash signature of its body's word 3-grams (`signature`): NUM_HASHES
minimums of multiply-shift hashes, in NumPy (no extra dependency: datasketch would bring SciPy
for what is here about 60 lines; measured in docs/stories.md). The signatures of a segment's
documents are saved beside it, `stories/<segment id>.npy` (written by the worker that writes
the segment, nearly free; a segment merged elsewhere is read from its stored bodies on first
use). Two articles whose signatures agree on at least SIMILARITY of their hashes (an estimate
of the 3-gram Jaccard similarity) are versions of one story; a story is a connected group of
such pairs, found with LSH banding (BANDS bands of NUM_HASHES / BANDS rows: only articles that
share a whole band are compared).

Groups are put together for each index version from the signatures of its live documents
(`story_labels`, about a tenth of a second at 100k articles): a new article joins the group of
any version it resembles, and deleting an article (a group's first one, or one that linked
two others) leaves groups that hold for the articles still there. A group's label is its first
document number, so labels need no file of their own and survive merges (they are derived
again for every version).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from whoosh.reading import IndexReader

from search.index import side_files

CACHE_DIR = "stories"
NUM_HASHES = 64
BANDS = 16            # 16 bands of 4 rows: pairs at Jaccard 0.5 share a band with p ≈ 0.65, at 0.7 p ≈ 0.99
SIMILARITY = 0.5      # share of equal hashes (≈ Jaccard of 3-grams) for two articles to be one story
SHINGLE_WORDS = 3
EMPTY = np.uint32(0xFFFFFFFF)  # every hash of a text with fewer than SHINGLE_WORDS words: no signature

_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20260613)  # fixed: signatures saved by one process are compared in another
_MULTIPLIERS = _rng.integers(1, 2**63, NUM_HASHES, dtype=np.uint64) | np.uint64(1)
_OFFSETS = _rng.integers(0, 2**63, NUM_HASHES, dtype=np.uint64)
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
                     dtype=np.uint64)


def signature(text: str) -> NDArray[np.uint32]:
    """The MinHash signature of a text's lower-cased word 3-grams (all `EMPTY` when it has fewer
    than three words: such a text is a story of its own)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return np.full(NUM_HASHES, EMPTY, dtype=np.uint32)
    h = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    with np.errstate(over="ignore"):
        shingles = h[:-2] * _MIX[0] ^ h[1:-1] * _MIX[1] ^ h[2:] * _MIX[2]
        hashed = (shingles[:, None] * _MULTIPLIERS + _OFFSETS) >> np.uint64(32)
    # a real hash is never EMPTY's value (it is below 2**32 - 1 after the shift but for one in 2**32)
    found: NDArray[np.uint32] = np.minimum(hashed.min(axis=0), EMPTY - 1).astype(np.uint32)
    return found


def signatures(texts: list[str]) -> NDArray[np.uint32]:
    """One signature per text, as rows."""
    return np.stack([signature(t) for t in texts]) if texts else np.zeros((0, NUM_HASHES), dtype=np.uint32)


def story_text(title: str, body: str) -> str:
    """What a signature is taken of: the body (outlets retitle a wire story), else the title."""
    return body if body.strip() else title


def _path(index_dir: Path, segment_id: str) -> Path:
    return index_dir / CACHE_DIR / f"{segment_id}.npy"


def _write(partial: Path, rows: NDArray[np.uint32]) -> None:
    with partial.open("wb") as handle:  # a handle: given a path, `save` would add ".npy" to it
        np.save(handle, rows)


def _read(path: Path) -> NDArray[np.uint32]:
    rows: NDArray[np.uint32] = np.load(path, allow_pickle=False)
    if rows.dtype != np.uint32 or rows.ndim != 2 or rows.shape[1] != NUM_HASHES:
        raise ValueError(f"not a signature table: {path}")
    return rows


def save(index_dir: Path, segment_id: str, rows: NDArray[np.uint32]) -> None:
    """Save a segment's signatures (one row per document, in document order), atomically."""
    side_files.save(_path(index_dir, segment_id), lambda partial: _write(partial, rows))


def segment_signatures(index_dir: Path, leaf: IndexReader) -> NDArray[np.uint32]:
    """A segment's signatures: saved ones, else taken from its stored titles and bodies (deleted
    documents too: a segment's rows never change) and saved."""
    count = leaf.doc_count_all()

    def rebuild() -> NDArray[np.uint32]:
        stored = (leaf.stored_fields(d) for d in range(count))
        return signatures([story_text(s.get("title", ""), s.get("body", "")) for s in stored])

    rows = side_files.load_or_rebuild(_path(index_dir, leaf.segment().segment_id()), _read, rebuild, _write)
    if len(rows) != count:  # saved for another segment of the same name: taken again, not saved
        return rebuild()
    return rows


def prune(index_dir: Path, segment_ids: list[str]) -> None:
    """Delete the signatures of segments no longer in the index."""
    side_files.prune(index_dir / CACHE_DIR, [f"{s}.npy" for s in segment_ids])


def candidate_pairs(rows: NDArray[np.uint32]) -> NDArray[np.int64]:
    """(i, j) row pairs that share a whole band of their signatures: neighbours in each band's
    sorted order (a band shared by k rows gives k - 1 pairs, not k²/2, so a common text is cheap)."""
    width = NUM_HASHES // BANDS
    found = []
    for band in range(BANDS):
        with np.errstate(over="ignore"):
            keys = (rows[:, band * width:(band + 1) * width].astype(np.uint64) * _BAND_MIX[:width]).sum(axis=1)
        order = np.argsort(keys, kind="stable")
        same = np.flatnonzero(keys[order][1:] == keys[order][:-1])
        found.append(np.stack([order[same], order[same + 1]], axis=1))
    pairs = np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.sort(pairs, axis=1), axis=0).astype(np.int64)


def story_labels(rows: NDArray[np.uint32], live: NDArray[np.bool_]) -> NDArray[np.int64]:
    """Per document, its story's label: the smallest live document number of its group (its own
    number when it has no other version, is deleted or has no signature)."""
    labels = np.arange(len(rows), dtype=np.int64)
    usable = np.flatnonzero(live & (rows[:, 0] != EMPTY)) if len(rows) else np.zeros(0, dtype=np.int64)
    if len(usable) < 2:
        return labels
    sub = rows[usable]
    pairs = candidate_pairs(sub)
    if not len(pairs):
        return labels
    agree = (sub[pairs[:, 0]] == sub[pairs[:, 1]]).mean(axis=1)
    pairs = usable[pairs[agree >= SIMILARITY]]
    if not len(pairs):
        return labels
    left, right = pairs[:, 0], pairs[:, 1]
    while True:  # the smallest number spreads along pairs, then jumps along labels, until it settles
        low = np.minimum(labels[left], labels[right])
        before = labels.copy()
        np.minimum.at(labels, left, low)
        np.minimum.at(labels, right, low)
        labels = labels[labels]
        if np.array_equal(labels, before):
            return labels
