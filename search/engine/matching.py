"""Which documents a parsed query matches and how well, as NumPy arrays, without Whoosh's
per-document matchers.

Whoosh finds and scores matching documents by stepping a tree of matchers one document at a
time, which costs microseconds per document and dominated our queries on common words. Here
title and body terms are read from the memory-mapped postings arrays (search/postings.py) and
facet and id terms a Whoosh block at a time; the boolean structure (And, Or, Not, AndNot,
AndMaybe) is applied with NumPy; each text term adds its BM25F score (Whoosh's default model and
parameters, the same idf and field lengths), and compound queries add up the scores of their
matching parts, as Whoosh does, so the ranking is Whoosh's own (tests/test_matching.py compares
them). Prefix, wildcard and fuzzy terms match the union of their expansions, ranked by the summed
BM25F of the words they expand to (where Whoosh's constant-score path gives other numbers);
exact phrases are found in the arrays' positions; date ranges are read off the cached
`published` column. Only proximity (`"a b"~3`) and other span queries still ask Whoosh which
documents match (its matchers then read the same arrays, through search/index/text_terms.py).
Prefix, wildcard, fuzzy and range terms are expanded by search/engine/expansion.py, within the
search's `QueryBudget` (search/engine/budget.py): a part of the query that the budget does not
reach (out of time, or out of expanded words) is left out, as if it were not written (an And or Or
of the other parts; a Not of nothing excludes nothing), and the budget records it for the
notice. Parts are combined as they are matched, so memory stays a few arrays over the documents
however many parts a query has, and an And stops once nothing can match any more.
Whoosh's postings and expansions are read through the snapshot (search/index/snapshot.py); the
query node types come from the parser (search/engine/parsing.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import cast

import numpy as np
from numpy.typing import NDArray

from search.engine.budget import QueryBudget
from search.engine.expansion import expand
from search.engine.parsing import nodes
from search.index.languages import unmarked
from search.index.postings import FieldPostings, phrase_docs
from search.index.schema import FACETS, TEXT_FIELDS
from search.index.snapshot import NO_DATE, Snapshot, published_key

BM25_B, BM25_K1 = 0.75, 1.2  # whoosh.scoring.BM25F's defaults

Match = tuple[NDArray[np.bool_], NDArray[np.float64]]  # (mask, scores) over document numbers
Select = Callable[[FieldPostings, int], np.ndarray]  # (a segment's postings, its index) -> term ids


def _keyword_terms(snap: Snapshot, field: str, texts: list[str], boost: float,
                   per_segment: list[list[bytes]] | None = None) -> Match:
    """Documents with any of `texts` in a field whose postings Whoosh keeps (facets, id), or
    with any of each segment's own texts (`per_segment`); each scores `boost`. A facet value
    also matches the other spellings its table counts under it (a person's aliases)."""
    if field in FACETS and per_segment is None:
        texts = snap.table(field).spellings(texts)
    mask = snap.keyword_docs(field, texts, per_segment)
    return mask, np.where(mask, boost, 0.0)


def _text_terms(snap: Snapshot, field: str, select: Select, boost: float) -> Match:
    """Documents with any of the terms `select(field postings, segment)` picks in each segment of
    a text field, with the BM25F score of each term they have (Whoosh's formula, idf and lengths)."""
    picked = [(fp, ids, offset) for segment, (fp, offset) in enumerate(snap.text_postings(field))
              if len(ids := np.asarray(select(fp, segment), dtype=np.int64))]
    mask = np.zeros(snap.doc_count, dtype=bool)
    if not picked:
        return mask, np.zeros(snap.doc_count, dtype=np.float64)
    # Whoosh's idf: log(documents / (document frequency + 1)) + 1, frequencies summed over segments
    texts = np.concatenate([fp.terms[ids] for fp, ids, _ in picked])
    counts = np.concatenate([fp.starts[ids + 1] - fp.starts[ids] for fp, ids, _ in picked])
    distinct, which = np.unique(texts, return_inverse=True)
    frequency = np.bincount(which, weights=counts)
    idf = np.array([math.log(snap.doc_count / (n + 1)) + 1 for n in frequency.tolist()])[which]
    docs, weights, idfs, done = [], [], [], 0
    field_boost = snap.searcher.schema[field].format.field_boost
    for fp, ids, offset in picked:
        found, freqs = fp.postings(ids)
        docs.append(found.astype(np.int64) + offset)
        weights.append(freqs * field_boost)
        idfs.append(np.repeat(idf[done:done + len(ids)], counts[done:done + len(ids)]))
        done += len(ids)
    doc, weight, term_idf = np.concatenate(docs), np.concatenate(weights), np.concatenate(idfs)
    norm = BM25_K1 * ((1 - BM25_B) + BM25_B * snap.field_lengths(field)[doc] / snap.average_length(field))
    mask[doc] = True
    scores = np.bincount(doc, weights=boost * term_idf * weight * (BM25_K1 + 1) / (weight + norm),
                         minlength=snap.doc_count)
    return mask, cast("NDArray[np.float64]", scores)  # float64: NumPy's stubs say integer even with weights


def _one_term(text: str) -> Select:
    term = text.encode("utf-8")

    def select(fp: FieldPostings, segment: int) -> np.ndarray:
        found = fp.find(term)
        return np.array([] if found is None else [found])
    return select


def _phrase(snap: Snapshot, q: nodes.Phrase) -> Match:
    """Documents with the words of `q` at consecutive positions, scored by the words' BM25F."""
    mask = np.zeros(snap.doc_count, dtype=bool)
    mask[phrase_docs(snap.text_postings(q.fieldname), [w.encode("utf-8") for w in q.words])] = True
    scores = np.sum([_text_terms(snap, q.fieldname, _one_term(w), q.boost)[1] for w in q.words], axis=0)
    return mask, np.where(mask, scores, 0.0)


def _dates(snap: Snapshot, q: nodes.NumericRange) -> Match:
    low, high = published_key(q.start), published_key(q.end)
    mask = snap.published != NO_DATE
    if low is not None:
        mask &= snap.published > low if q.startexcl else snap.published >= low
    if high is not None:
        mask &= snap.published < high if q.endexcl else snap.published <= high
    return mask, np.zeros(snap.doc_count, dtype=np.float64)


def _combine(snap: Snapshot, q: nodes.CompoundQuery, every: bool, budget: QueryBudget) -> Match | None:
    """And (`every`) or Or of `q`'s parts, matched one after the other: the mask, and the summed
    scores of the parts that match. An And stops at a part that leaves nothing."""
    mask: NDArray[np.bool_] | None = None
    scores = np.zeros(snap.doc_count, dtype=np.float64)
    for sub in q.subqueries:
        if every and mask is not None and not mask.any():
            break
        part = _match(snap, sub, budget)
        if part is None:
            continue
        scores += np.where(part[0], part[1], 0)
        mask = part[0] if mask is None else (mask & part[0] if every else mask | part[0])
    if mask is None:
        return None
    return mask, np.where(mask, scores * q.boost, 0).astype(np.float64)


def _label(q: nodes.Query) -> str:
    """A part of the query as the notice names it: a term's (analysed) text, a phrase in quotes
    (a plain term without its mark)."""
    text = '"' + " ".join(q.words) + '"' if isinstance(q, nodes.Phrase) else str(getattr(q, "text", q))
    text = unmarked(text)
    return text if len(text) <= 40 else text[:39] + "…"


def _multi_term(snap: Snapshot, q: nodes.MultiTerm, budget: QueryBudget) -> Match | None:
    """A prefix, wildcard, fuzzy term or range: the union of the words it expands to."""
    if not isinstance(q, (nodes.Prefix, nodes.Wildcard, nodes.FuzzyTerm, nodes.TermRange)):
        # other kinds (the parser makes none): Whoosh's own expansion
        if q.fieldname in TEXT_FIELDS:
            expanded = snap.expansions(q)
            return _text_terms(snap, q.fieldname, lambda fp, segment: np.array(
                [i for t in expanded[segment] if (i := fp.find(t)) is not None], dtype=np.int64), q.boost)
        return _keyword_terms(snap, q.fieldname, [], q.boost, per_segment=snap.expansions(q))
    expansion = expand(snap, q, budget)
    if expansion is None:
        return None
    if q.fieldname in TEXT_FIELDS:
        chosen = cast("list[NDArray[np.int64]]", expansion.per_segment)
        return _text_terms(snap, q.fieldname, lambda fp, segment: chosen[segment], q.boost)
    return _keyword_terms(snap, q.fieldname, [], q.boost, per_segment=cast("list[list[bytes]]", expansion.per_segment))


def query_match(snap: Snapshot, q: nodes.Query, budget: QueryBudget | None = None) -> Match:
    """The documents `q` matches (deleted ones included: mask them with `snap.live`) and their
    scores, leaving out what `budget` (by default a new one from the settings) does not reach."""
    found = _match(snap, q, budget or QueryBudget())
    if found is None:
        return np.zeros(snap.doc_count, dtype=bool), np.zeros(snap.doc_count, dtype=np.float64)
    return found


def _match(snap: Snapshot, q: nodes.Query, budget: QueryBudget) -> Match | None:
    """`query_match` of one node; None when it is left out."""
    none = np.zeros(snap.doc_count, dtype=np.float64)
    if isinstance(q, nodes.Every):
        return np.ones(snap.doc_count, dtype=bool), none
    if q is nodes.NullQuery:
        return np.zeros(snap.doc_count, dtype=bool), none
    if isinstance(q, nodes.MultiTerm):  # prefix, wildcard, fuzzy, term ranges: the expansion checks the budget
        return _multi_term(snap, q, budget)
    if q.is_leaf() and budget.expired():
        budget.leave_out(_label(q))
        return None
    text_field = getattr(q, "fieldname", None) in TEXT_FIELDS
    if isinstance(q, nodes.Term):
        return _text_terms(snap, q.fieldname, _one_term(q.text), q.boost) if text_field else \
            _keyword_terms(snap, q.fieldname, [q.text], q.boost)
    if isinstance(q, nodes.NumericRange) and q.fieldname == "published":
        return _dates(snap, q)
    if isinstance(q, nodes.Phrase) and text_field and q.slop == 1 and q.words:
        return _phrase(snap, q)
    if isinstance(q, nodes.Not):
        inner = _match(snap, q.query, budget)
        return None if inner is None else (~inner[0], none)
    if isinstance(q, (nodes.AndNot, nodes.AndMaybe)):
        first = _match(snap, q.a, budget)
        if first is None or not first[0].any():
            return first
        second = _match(snap, q.b, budget)
        if second is None:
            return first
        if isinstance(q, nodes.AndNot):
            return first[0] & ~second[0], first[1]
        return first[0], first[1] + np.where(second[0], second[1], 0)
    if isinstance(q, (nodes.And, nodes.Or)) and not isinstance(q, nodes.Ordered) and q.subqueries \
            and getattr(q, "minmatch", 0) <= 1:
        return _combine(snap, q, isinstance(q, nodes.And), budget)
    if budget.expired():
        budget.leave_out(_label(q))
        return None
    # phrases, proximity and the rest: Whoosh decides which documents match; their words score
    mask = np.zeros(snap.doc_count, dtype=bool)
    mask[snap.whoosh_docs(q)] = True
    words = [nodes.Term(q.fieldname, w) for w in q.words] if isinstance(q, nodes.Phrase) else \
        [t for t in q.leaves() if isinstance(t, nodes.Term)]
    word_scores = np.sum([_text_terms(snap, t.fieldname, _one_term(t.text), q.boost)[1] for t in words
                          if t.fieldname in TEXT_FIELDS], axis=0, dtype=np.float64) if words else none
    return mask, np.where(mask, word_scores, 0).astype(np.float64)
