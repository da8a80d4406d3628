"""Turn the user's query text into a Whoosh query, never raising on bad syntax.

The full Whoosh syntax works (AND/OR/NOT, `-word`, "phrases", `"a b"~5`, `field:value`, `cyber*`,
`stoltenburg~`, `published:[2022-01-01 TO 2022-12-31]`, `word^2`). Facet values in `field:value`
are matched case-insensitively against the indexed values. Text the parser cannot make sense of
is searched as plain words instead, and the result carries a short notice saying so.

Only English articles are stemmed as English; another language's words are stemmed by its own
Snowball stemmer or kept as written, each analysis with terms of its own (search/index/languages.py).
When the index holds such articles (`Analyses`), `parse_query` parses the text twice, with the
index's English analyzer and with the plain one: the two trees have the same shape (the analyzers
differ only in the terms they make), and each text leaf of the result is an Or of its English form
and its form in each other analysis of the index (made from the plain one's words, as that
analysis's Whoosh analyzer would make them), where that form is a term of the index (prefix,
wildcard, fuzzy terms and ranges: always). An index of English articles only gets the query it
always got.

This is the engine's one door to Whoosh: its public query parser, and the query node types it
produces (`nodes`: `nodes.Term`, `nodes.And`, `nodes.Prefix`, ...), which the rest of the engine
takes from here. Everything else Whoosh does is behind `search.index`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from whoosh import query as nodes
from whoosh.fields import Schema
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, MultifieldParser, PlusMinusPlugin
from whoosh.qparser.dateparse import DateParserPlugin

from search.index.analysis import analyzer_for
from search.index.languages import PLAIN, from_plain, mark
from search.index.schema import FACETS, TEXT_FIELDS
from search.settings import setting

__all__ = ["MAX_FUZZY_EDITS", "MAX_QUERY_CHARS", "Analyses", "ParsedQuery", "compact_dates", "nodes", "normalise",
           "normalized", "parse_query", "plain_words_query"]

MAX_QUERY_CHARS: int = setting("max_query_chars")
MAX_FUZZY_EDITS: int = setting("max_fuzzy_edits")
_WORD = re.compile(r"[^\W_]+")
# `published:` followed by a [range], a {range}, a <, > comparison or one value
_DATE_CLAUSE = re.compile(r"(published:\s*)(\[[^\]]*[\]}]|\{[^}]*[\]}]|[<>]=?\S+|\S+)")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


@dataclass(frozen=True)
class ParsedQuery:
    """The Whoosh query (None: match everything) and a notice when the text was not used as written."""

    query: nodes.Query | None
    notice: str | None = None


@dataclass(frozen=True)
class Analyses:
    """What parsing needs of an index not all of whose articles are English: the analyses other
    than English that made its terms (search/index/languages.py), and whether a term is in it."""

    others: tuple[str, ...]
    known: Callable[[str], bool]


_parsers: dict[tuple[int, bool, bool, bool], tuple[Schema, MultifieldParser]] = {}


def _plain_schema(schema: Schema) -> Schema:
    """`schema` with its text fields analysed into plain terms."""
    plain = Schema()
    for name, field in schema.items():
        if name in TEXT_FIELDS:
            field = copy.copy(field)
            field.analyzer = analyzer_for(PLAIN)
        plain.add(name, field)
    return plain


def _parser(schema: Schema, syntax: bool, plain: bool = False, dates: bool = True) -> MultifieldParser:
    """A parser for `schema` (`plain`: making plain terms of text), built once (building one and
    its plugins costs more than most parses). Without `dates` it has no date parser: a query
    with no `field:` has no date to parse (the plugin reads only dates of a named date field),
    and building one compiles a hundred regexes, a tenth of a fresh process's first query."""
    key = (id(schema), syntax, plain, dates)
    cached = _parsers.get(key)
    if cached is not None and cached[0] is schema:  # the entry holds the schema, so its id stays unique
        return cached[1]
    if len(_parsers) > 8:
        _parsers.clear()
    parser = MultifieldParser(list(TEXT_FIELDS), _plain_schema(schema) if plain else schema)
    if syntax:
        # "-" and "+" are operators only at the start of a word: "cyber-security" is one word
        parser.add_plugins([FuzzyTermPlugin(), GtLtPlugin(), PlusMinusPlugin(r"(?<![^\s(])\+", r"(?<![^\s(])-"),
                            *([DateParserPlugin()] if dates else [])])
    _parsers[key] = (schema, parser)
    return parser


def _in_analysis(plain: nodes.Query, analysis: str) -> nodes.Query:
    """A text leaf of the plain tree with its words as `analysis` makes them."""
    leaf: Any = copy.copy(plain)
    if isinstance(leaf, nodes.Phrase):
        leaf.words = [from_plain(analysis, word) for word in leaf.words]
    elif isinstance(leaf, nodes.TermRange):
        leaf.start = None if leaf.start is None else from_plain(analysis, leaf.start)
        leaf.end = None if leaf.end is None else from_plain(analysis, leaf.end)
    else:
        leaf.text = from_plain(analysis, str(leaf.text))
        if isinstance(leaf, nodes.FuzzyTerm):  # the same prefix of the word must be shared, after the mark
            leaf.prefixlength += len(mark(analysis))
    result: nodes.Query = leaf
    return result


def _can_match(leaf: nodes.Query, known: Callable[[str], bool]) -> bool:
    if isinstance(leaf, nodes.MultiTerm):
        return True  # its expansion decides
    if isinstance(leaf, nodes.Phrase):
        return all(known(word) for word in leaf.words)
    return isinstance(leaf, nodes.Term) and known(str(leaf.text))


def _merged(english: nodes.Query, plain: nodes.Query, analyses: Analyses) -> nodes.Query:
    """`english` with each text leaf made an Or of it and its forms in the other analyses (from
    its twin in `plain`, the same query parsed into plain terms) that can match."""
    if type(english) is not type(plain):  # (the trees have the same shape; this is only a guard)
        return english
    if not english.is_leaf():
        twins = iter(list(plain.children()))
        return english.apply(lambda child: _merged(child, next(twins), analyses))
    if getattr(english, "fieldname", None) not in TEXT_FIELDS or repr(english) == repr(plain):
        return english
    forms = [english, *(form for a in analyses.others if _can_match(form := _in_analysis(plain, a), analyses.known))]
    return nodes.Or(forms) if len(forms) > 1 else english


def _parsed(schema: Schema, syntax: bool, text: str, analyses: Analyses | None) -> nodes.Query:
    """`text` parsed (not normalized), with the other analyses' terms beside the English ones."""
    dates = ":" in text
    english = _parser(schema, syntax, dates=dates).parse(text, normalize=False)
    if analyses is None or not analyses.others:
        return english
    return _merged(english, _parser(schema, syntax, plain=True, dates=dates).parse(text, normalize=False), analyses)


def plain_words_query(text: str, schema: Schema, analyses: Analyses | None = None) -> nodes.Query | None:
    """All the words of `text` (AND), each in title or body, with no syntax at all (`analyses`: as
    `parse_query`)."""
    words = _WORD.findall(text)[:64]
    if not words:
        return None
    # lower case: "AND", "OR", "NOT" typed as words are words here, not operators
    parsed = normalized(_parsed(schema, False, " ".join(w.lower() for w in words), analyses))
    return None if parsed is nodes.NullQuery else parsed


def compact_dates(text: str) -> str:
    """Write ISO dates after `published:` as Whoosh's date parser reads them ("2019-06-30" ->
    "20190630", "2019-06" -> "201906"); it would take "2019-06-30" for the whole of 2019."""
    def compact(clause: re.Match[str]) -> str:
        return clause.group(1) + _ISO_DATE.sub(lambda d: "".join(g for g in d.groups() if g), clause.group(2))

    return _DATE_CLAUSE.sub(compact, text)


def normalise(q: nodes.Query, lookup: Callable[[str, str], str | None]) -> nodes.Query:
    """Rewrite `facet:value` terms to the indexed spelling of the value (case-insensitive), and cap
    fuzzy terms at `MAX_FUZZY_EDITS` (a larger distance matches nearly everything, slowly)."""

    def fix(node: nodes.Query) -> nodes.Query:
        if isinstance(node, nodes.FuzzyTerm) and node.maxdist > MAX_FUZZY_EDITS:
            return nodes.FuzzyTerm(node.fieldname, node.text, boost=node.boost, maxdist=MAX_FUZZY_EDITS,
                                prefixlength=node.prefixlength)
        if isinstance(node, nodes.Term) and node.fieldname in FACETS:
            value = lookup(node.fieldname, str(node.text))
            return nodes.Term(node.fieldname, value, boost=node.boost) if value else node
        if isinstance(node, nodes.Phrase) and node.fieldname in FACETS:
            value = lookup(node.fieldname, " ".join(node.words))
            return nodes.Term(node.fieldname, value or " ".join(node.words), boost=node.boost)
        return node.apply(fix)

    return fix(q)


def normalized(q: nodes.Query) -> nodes.Query:
    """Whoosh's `normalize()` (nested And/Or flattened, empty parts dropped, duplicates removed,
    ranges merged, a lone part unwrapped), in time linear in the size of the query.

    Whoosh removes duplicates with a set of queries, and its hash of `Or(title:w, body:w)` (what
    every plain word becomes) XORs the word away, so all words collide and a 1,000-word query
    took seconds to normalize; here duplicates are found by their repr. Parts are normalized here
    first, so Whoosh's own `normalize` is only called on leaves and on what has no parts left to
    normalize."""
    if isinstance(q, (nodes.And, nodes.Or)) and not isinstance(q, nodes.Ordered):
        return _normalized_compound(q)
    if isinstance(q, nodes.Not):
        inner = normalized(q.query)
        return inner if inner is nodes.NullQuery else nodes.Not(inner, boost=q.boost)
    if isinstance(q, (nodes.AndNot, nodes.AndMaybe, nodes.Require)):
        a, b = normalized(q.a), normalized(q.b)
        if a is nodes.NullQuery or (b is nodes.NullQuery and isinstance(q, nodes.Require)):
            return nodes.NullQuery
        return a if b is nodes.NullQuery else type(q)(a, b)
    return q.normalize()


def _normalized_compound(q: nodes.CompoundQuery) -> nodes.Query:
    """Whoosh's `CompoundQuery.normalize`, step by step, with duplicates found by repr."""
    parts: list[nodes.Query] = []
    for sub in (normalized(s) for s in q.subqueries):
        if isinstance(sub, type(q)):
            parts += [p.with_boost(p.boost * sub.boost) for p in sub.subqueries]
        else:
            parts.append(sub)
    if all(p is nodes.NullQuery for p in parts):
        return nodes.NullQuery
    if any(isinstance(p, nodes.Every) and p.fieldname is None for p in parts):
        return nodes.Every()
    every_fields: set[str | None] = set()
    i = 0
    while i < len(parts):  # Whoosh's merging of overlapping ranges and of parts under a field's Every
        part = parts[i]
        if part.field() in every_fields:
            parts.pop(i)
            continue
        if isinstance(part, (nodes.TermRange, nodes.NumericRange)):
            j = i + 1
            while j < len(parts):
                if part.overlaps(parts[j]):
                    part = part.merge(parts.pop(j), intersect=q.intersect_merge)
                else:
                    j += 1
            part = parts[i] = part.normalize()
        if isinstance(part, nodes.Every):
            every_fields.add(part.fieldname)
        i += 1
    unique: dict[str, nodes.Query] = {}
    for p in parts:
        if p is not nodes.NullQuery and (isinstance(p, nodes.Every) or p.field() not in every_fields):
            unique.setdefault(repr(p), p)
    kept = list(unique.values())
    if not kept:
        return nodes.NullQuery
    if len(kept) == 1:
        boost = getattr(kept[0], "boost", 1.0)
        return kept[0] if q.boost == 1.0 and boost == 1.0 else kept[0].with_boost(boost * q.boost)
    result = type(q)(kept, boost=q.boost)
    if isinstance(q, nodes.Or) and isinstance(result, nodes.Or):
        result.minmatch, result.scale = q.minmatch, q.scale
    return result


def parse_query(text: str, schema: Schema, lookup: Callable[[str, str], str | None],
                analyses: Analyses | None = None) -> ParsedQuery:
    """Parse `text`; fall back to plain words (with a notice) when the syntax cannot be used.

    `analyses` is given when the index holds articles not analysed as English: each query word
    then also searches its form in each of their analyses."""
    text = text.replace("\x00", " ").strip()
    notice = None
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notice = f"The query was cut to its first {MAX_QUERY_CHARS} characters."
    if not text:
        return ParsedQuery(None, notice)
    try:
        parsed = normalized(_parsed(schema, True, compact_dates(text), analyses))
    except Exception:  # Whoosh raises assorted errors on odd syntax; plain words always work
        parsed = None
    if parsed is None or parsed is nodes.NullQuery:
        fallback = plain_words_query(text, schema, analyses)
        if fallback is None:
            return ParsedQuery(None, "The query has no searchable words; showing all articles.")
        return ParsedQuery(fallback, "The query syntax could not be used; searched for the words instead.")
    return ParsedQuery(normalized(normalise(parsed, lookup)), notice)
