"""Story groups: articles whose text is nearly the same (syndicated copies, light rewrites).

Each article gets a MinHash signature of its title and body's word 3-grams (`signature`):
NUM_HASHES minimums of multiply-shift hashes, in NumPy (no extra dependency: datasketch would
bring SciPy for what is here about 60 lines; measured in docs/stories.md). The signatures of a
segment's documents are saved beside it, `stories/<segment id>.npy` (written by the worker that
writes the segment, nearly free; a segment merged elsewhere is read from its stored texts on
first use). Two articles whose signatures agree on at least SIMILARITY of their hashes (an
estimate of the 3-gram Jaccard similarity) and that are at most MAX_DAYS_APART days apart are
versions of one story. Candidates come from LSH banding (BANDS bands of NUM_HASHES / BANDS
rows: only articles that share a whole band are compared); pairs join into groups, and a group
keeps only the members that are themselves versions of its first article (no chains).

Groups are put together for each index version from the signatures of its live documents
(`story_labels`, a fraction of a second at 100k articles): a new article joins the group of a
version it resembles, and deleting an article (a group's first one, or one that linked two
others) leaves groups that hold for the articles still there. A group's label is its first
document number, so labels need no file of their own and survive merges (they are derived
again for every version).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from whoosh.reading import IndexReader

from search.index import side_files
from search.index.arrays import sorted_unique

CACHE_DIR = "stories"
NUM_HASHES = 64
BANDS = 16            # 16 bands of 4 rows: pairs at Jaccard 0.5 share a band with p ≈ 0.65, at 0.7 p ≈ 0.99
SIMILARITY = 0.5      # share of equal hashes (≈ Jaccard of 3-grams) for two articles to be one story
SHINGLE_WORDS = 3
# Shorter texts get no signature: templated notices ("Qtly div 10 cts vs 10 cts prior / Pay April
# 30") differ from each other in a word or two and are not copies of one story.
MIN_WORDS = 40
# Copies of one story appear within days of each other; a daily or weekly templated report ("Hog
# and cattle slaughter guesstimates", "U.S. to sell 13.2 billion dlrs in bills") repeats its
# wording with new numbers on another day, and is another story. Undated articles are not held to it.
MAX_DAYS_APART = 3
NO_DAY = np.iinfo(np.int64).min  # an undated article's day (as the snapshot keeps days)
EMPTY = np.uint32(0xFFFFFFFF)  # every hash of a text too short for a signature

_WORD = re.compile(r"\w+")
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
                     dtype=np.uint64)


@cache
def _hash_functions() -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """The multipliers and offsets of the hash functions, from a fixed seed (signatures saved by
    one process are compared in another); made when first needed: importing `numpy.random`
    would cost a process that only searches ten milliseconds."""
    rng = np.random.default_rng(20260613)
    return rng.integers(1, 2**63, NUM_HASHES, dtype=np.uint64) | np.uint64(1), \
        rng.integers(0, 2**63, NUM_HASHES, dtype=np.uint64)


def signature(text: str) -> NDArray[np.uint32]:
    """The MinHash signature of a text's lower-cased word 3-grams (all `EMPTY` when it has fewer
    than MIN_WORDS words: such a text is a story of its own)."""
    words = _WORD.findall(text.lower())
    if len(words) < max(MIN_WORDS, SHINGLE_WORDS):
        return np.full(NUM_HASHES, EMPTY, dtype=np.uint32)
    # map(), not a generator: no Python frame per word (a tenth of a signature's time)
    h = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    multipliers, offsets = _hash_functions()
    with np.errstate(over="ignore"):
        shingles = h[:-2] * _MIX[0] ^ h[1:-1] * _MIX[1] ^ h[2:] * _MIX[2]
        hashed = np.multiply(shingles[:, None], multipliers)  # words x hashes: added to in place
        hashed += offsets
    # the shift after the minimum: it keeps order, so it gives the same value with one pass less;
    # a real hash is never EMPTY's value (it is below 2**32 - 1 after the shift but for one in 2**32)
    found: NDArray[np.uint32] = np.minimum(hashed.min(axis=0) >> np.uint64(32), EMPTY - 1).astype(np.uint32)
    return found


def signatures(texts: list[str]) -> NDArray[np.uint32]:
    """One signature per text, as rows."""
    return np.stack([signature(t) for t in texts]) if texts else np.zeros((0, NUM_HASHES), dtype=np.uint32)


def story_text(title: str, body: str) -> str:
    """What a signature is taken of: title and body. A retitled copy differs in a few 3-grams of
    hundreds; two templated items with the same wording (results, notices) differ in the title
    that names their company."""
    return f"{title}\n{body}"


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


LABELS_PREFIX = "labels-"  # labels-<generation>.npz: one index version's story labels
# what the saved labels were made with: other rules make other groups (read as unreadable, made again)
_RULES = f"{NUM_HASHES}/{BANDS}/{SIMILARITY}/{SHINGLE_WORDS}/{MIN_WORDS}/{MAX_DAYS_APART}/seed-check"


def labels_name(generation: int) -> str:
    """The file name of an index version's saved story labels (in the `stories` folder)."""
    return f"{LABELS_PREFIX}{generation}.npz"


def version_labels(index_dir: Path, generation: int, version: list[str],
                   make: Callable[[], NDArray[np.int64]]) -> NDArray[np.int64]:
    """An index version's story labels: saved ones (for this `version`, its
    `facet_arrays.version_key`, and these rules), else `make()`, saved for the next process."""
    def read(path: Path) -> NDArray[np.int64]:
        with np.load(path, allow_pickle=False) as saved:
            if saved["version"].tolist() != version or str(saved["rules"]) != _RULES:
                raise ValueError(f"story labels saved for another index version or other rules: {path}")
            labels: NDArray[np.int64] = saved["labels"]
            return labels

    def write(partial: Path, labels: NDArray[np.int64]) -> None:
        with partial.open("wb") as handle:
            np.savez(handle, labels=labels, version=np.array(version, dtype=str), rules=np.array(_RULES))

    return side_files.load_or_rebuild(index_dir / CACHE_DIR / labels_name(generation), read, make, write)


def prune(index_dir: Path, segment_ids: list[str], generation: int) -> None:
    """Delete the signatures of segments no longer in the index, and other versions' labels."""
    side_files.prune(index_dir / CACHE_DIR, [f"{s}.npy" for s in segment_ids] + [labels_name(generation)])


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
    pairs = np.sort(np.concatenate(found), axis=1).astype(np.int64) if found else np.zeros((0, 2), dtype=np.int64)
    # distinct pairs in (i, j) order, as one number each: `np.unique(axis=0)` sorts rows as
    # records, 25 times slower (0.1 s at 100,000 articles, while the indexing process commits)
    codes = sorted_unique(pairs[:, 0] * len(rows) + pairs[:, 1])
    return np.stack([codes // len(rows), codes % len(rows)], axis=1)


def story_labels(rows: NDArray[np.uint32], live: NDArray[np.bool_],
                 days: NDArray[np.int64] | None = None) -> NDArray[np.int64]:
    """Per document, its story's label: the smallest live document number of its group (its own
    number when it has no other version, is deleted or has no signature). With `days` (per
    document, days since 1970, `NO_DAY` when undated), two dated articles more than
    MAX_DAYS_APART days apart are not paired."""
    labels = np.arange(len(rows), dtype=np.int64)
    usable = np.flatnonzero(live & (rows[:, 0] != EMPTY)) if len(rows) else np.zeros(0, dtype=np.int64)
    if len(usable) < 2:
        return labels
    sub = rows[usable]
    pairs = candidate_pairs(sub)
    if not len(pairs):
        return labels
    keep = (sub[pairs[:, 0]] == sub[pairs[:, 1]]).mean(axis=1) >= SIMILARITY
    pairs = usable[pairs]
    keep &= _close_in_time(days, pairs[:, 0], pairs[:, 1])
    pairs = pairs[keep]
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
            break
    # no chains: a member must itself be a version of its group's first article, and (when dated)
    # within MAX_DAYS_APART of the group's first date, or it stands alone (daily reports, each
    # like the day before's, would otherwise link a month into one story)
    members = np.flatnonzero(labels != np.arange(len(labels)))
    seeds = labels[members]
    keep = (rows[members] == rows[seeds]).mean(axis=1) >= SIMILARITY
    if days is not None:
        first_day = np.full(len(labels), np.iinfo(np.int64).max, dtype=np.int64)
        dated = days != NO_DAY
        np.minimum.at(first_day, labels[dated], days[dated])
        member_days = days[members]
        keep &= (member_days == NO_DAY) | (member_days - first_day[seeds] <= MAX_DAYS_APART)
    alone = members[~keep]
    labels[alone] = alone
    return labels


def _close_in_time(days: NDArray[np.int64] | None, first: NDArray[np.int64],
                   second: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Whether each pair of documents is at most MAX_DAYS_APART days apart (or either is undated)."""
    if days is None:
        return np.ones(len(first), dtype=bool)
    a, b = days[first], days[second]
    close: NDArray[np.bool_] = (a == NO_DAY) | (b == NO_DAY) | (np.abs(a - b) <= MAX_DAYS_APART)
    return close
