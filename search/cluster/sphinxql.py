"""The query language → SphinxQL: a parsed query becomes a MATCH() text and attribute filters.

The query is parsed by the local engine's own parser (search/engine/parsing.py), so its words
are analysed exactly as the local index analyses them (lowercased, stop words dropped, Porter
stems: the terms the cluster's `title`/`body` fields hold, search/cluster/schema.py), and the
same syntax means the same thing. The tree is then written in Sphinx's extended query syntax:

| parsed (Whoosh node)                 | SphinxQL                                               |
|--------------------------------------|--------------------------------------------------------|
| a word in title or body              | `(@(title,body) term)`; `title:` → `(@title term)`     |
| And / Or / AndMaybe                  | `(a b)` / `(a | b)` / `(a MAYBE b)`                    |
| Not / AndNot inside an And           | `a -b`                                                 |
| phrase `"a b"`                       | `"a b"`                                                |
| proximity `"a b"~N` (ordered)        | `("a b" | "a * b" | …)`: each gap of 1..N words         |
| prefix `cyb*`, wildcard `cyb?r`      | `cyb*`, `cyb?r`                                        |
| `facet:value`                        | `(@facet_terms TOKEN)`: the value's token (schema.py)  |
| a date range `published:[a TO b]`    | a filter on `published_day`                            |

A date range is no word on a cluster but an attribute, so it is a filter: a date range in the
query's top-level AND (what people write: `cyber published:>2022`) is exact. Where Sphinx 2.2
cannot express a part as the local engine means it, the part is left out
(or approximated) and `notices` says so: fuzzy terms are searched as written, boosts are
ignored, a date range inside OR/NOT, a leading wildcard. Sphinx runs no lone NOT: a query of
exclusions only, or `a OR NOT b`, starts from a token every document holds (`§all`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from search.cluster.schema import EVERY_DOCUMENT_TOKEN, facet_token
from search.engine.parsing import ParsedQuery, nodes
from search.index.schema import FACETS, TEXT_FIELDS

_SPECIAL = re.compile(r"""([\\()|\-!@~"&/^$=<>'*?%])""")  # Sphinx's query operators, escaped in words


def escape_word(term: str) -> str:
    """A term as a MATCH() word: every character Sphinx's query syntax reads as an operator escaped."""
    return _SPECIAL.sub(r"\\\1", term)


EVERY_DOCUMENT = f"(@facet_terms {EVERY_DOCUMENT_TOKEN})"
# Whoosh's proximity `"a b c"~N` is ordered: each word 1..N positions after the one before
# (SpanNear2(ordered=True, mindist=1)); Sphinx's `"…"~N` is not. The exact form is one phrase per
# combination of gaps, `*` standing for one word: N ** (words - 1) phrases, up to this many;
# beyond, Sphinx's own unordered proximity, and the notice says so.
MAX_PROXIMITY_PHRASES = 64


@dataclass
class Translation:
    """A query as the cluster runs it: the MATCH() text (None: no text part, every document) and
    the attribute filters its facet terms and date ranges make, plus what could not be kept."""

    match: str | None = None
    date_ranges: list[tuple[date | None, date | None]] = field(default_factory=list)  # inclusive days
    prefixes: set[str] = field(default_factory=set)  # text prefixes / wildcards, for highlighting
    terms: set[str] = field(default_factory=set)     # text terms, for highlighting
    notices: list[str] = field(default_factory=list)
    nothing: bool = False  # the query can match no document

    def notice(self) -> str | None:
        """The notices as one sentence each, or None."""
        return " ".join(dict.fromkeys(self.notices)) or None


class _Writer:
    """Writes one query tree, collecting filters, highlight terms and notices into a `Translation`."""

    def __init__(self, result: Translation, word: Callable[[str], str]) -> None:
        self.result = result
        self.word = word

    def leave_out(self, what: str) -> None:
        self.result.notices.append(f"{what} cannot be searched on the cluster as on a local index and was "
                                   f"left out of the query.")

    def top(self, q: nodes.Query) -> str | None:
        """The MATCH text of the whole query; facet and date parts of its top-level AND become filters."""
        parts = list(q.subqueries) if isinstance(q, nodes.And) else [q]
        positive, negative = [], []
        for part in parts:
            if self.as_filter(part, negated=False):
                continue
            if isinstance(part, nodes.Not):
                if self.as_filter(part.query, negated=True):
                    continue
                text = self.text(part.query)
                if text is not None:
                    negative.append(text)
                continue
            if isinstance(part, nodes.AndNot):
                first = self.top(part.a)
                if not self.as_filter(part.b, negated=True):
                    second = self.text(part.b)
                    if second is not None:
                        negative.append(second)
                if first is not None:
                    positive.append(first)
                continue
            text = self.text(part)
            if text is not None:
                positive.append(text)
        if not positive and negative:
            positive.append(EVERY_DOCUMENT)  # Sphinx runs no lone NOT: every document, less the excluded ones
        if not positive:
            return None
        return " ".join(positive + [f"-{n}" for n in negative]) if len(positive) + len(negative) > 1 else positive[0]

    def as_filter(self, q: nodes.Query, negated: bool) -> bool:
        """Record a date range as a filter; whether `q` was one."""
        if isinstance(q, nodes.NumericRange) and getattr(q, "fieldname", None) == "published":
            low, high = _day_bounds(q)
            if negated:
                self.leave_out("An excluded date range")
            else:
                self.result.date_ranges.append((low, high))
            return True
        return False

    def boost(self, q: nodes.Query) -> None:
        if getattr(q, "boost", 1.0) != 1.0:
            self.result.notices.append("Term boosts (^) do not change the ranking on the cluster.")

    def text(self, q: nodes.Query) -> str | None:
        """The MATCH text of a part (None: left out, with a notice)."""
        self.boost(q)
        name = getattr(q, "fieldname", None)
        if q is nodes.NullQuery:
            self.result.nothing = True
            return None
        if isinstance(q, nodes.Or) and _same_word_in_text_fields(q):
            return self.leaf(q.subqueries[0], fields=sorted({s.fieldname for s in q.subqueries}))
        if isinstance(q, (nodes.And, nodes.Or)):
            texts = [t for t in (self.compound_part(s) for s in q.subqueries) if t is not None]
            if not texts:
                return None
            joiner = " " if isinstance(q, nodes.And) else " | "
            return "(" + joiner.join(texts) + ")" if len(texts) > 1 else texts[0]
        if isinstance(q, nodes.AndNot):
            first, second = self.text(q.a), self.text(q.b)
            return first if first is None or second is None else f"({first} -{second})"
        if isinstance(q, nodes.AndMaybe):
            first, second = self.text(q.a), self.text(q.b)
            return first if first is None or second is None else f"({first} MAYBE {second})"
        if isinstance(q, nodes.Require):
            first, second = self.text(q.a), self.text(q.b)
            return first if first is None or second is None else f"({first} {second})"
        if name in FACETS and isinstance(q, nodes.Term):
            return f"(@facet_terms {escape_word(facet_token(name, str(q.text)))})"
        if name == "published":
            self.leave_out(f"The date condition “{_label(q)}” inside OR or NOT")
            return None
        if name in TEXT_FIELDS:
            return self.leaf(q, fields=[name])
        self.leave_out(f"“{_label(q)}”")
        return None

    def compound_part(self, q: nodes.Query) -> str | None:
        if isinstance(q, nodes.Not):  # `a OR NOT b`: every document without b
            excluded = self.text(q.query)
            return None if excluded is None else f"({EVERY_DOCUMENT} -{excluded})"
        return self.text(q)

    def leaf(self, q: nodes.Query, fields: list[str]) -> str | None:
        """A word, phrase, prefix or wildcard limited to `fields`."""
        scope = "@" + fields[0] if len(fields) == 1 else "@(" + ",".join(fields) + ")"
        if isinstance(q, nodes.FuzzyTerm):
            self.result.notices.append(f"Fuzzy terms (~) are not supported on the cluster: “{q.text}” was "
                                       f"searched as written.")
            self.result.terms.add(str(q.text))
            return f"({scope} {self.word(str(q.text))})"
        if isinstance(q, nodes.Term):
            self.result.terms.add(str(q.text))
            return f"({scope} {self.word(str(q.text))})"
        if isinstance(q, nodes.Phrase):
            if not q.words:
                return None
            self.result.terms.update(q.words)
            words = [self.word(w) for w in q.words]
            if q.slop <= 1 or len(words) == 1:
                return f'({scope} "{" ".join(words)}")'
            if q.slop ** (len(words) - 1) <= MAX_PROXIMITY_PHRASES:
                phrases = ['"' + words[0] + "".join(" *" * g + " " + w for g, w in zip(gaps, words[1:], strict=True))
                           + '"' for gaps in itertools.product(range(q.slop), repeat=len(words) - 1)]
                return f"({scope} ({' | '.join(phrases)}))"
            self.result.notices.append(f"On the cluster “{' '.join(q.words)}”~{q.slop} also finds the words in "
                                       f"another order (the local index only in the order written).")
            return f'({scope} "{" ".join(words)}"~{q.slop})'
        if isinstance(q, nodes.Prefix):
            self.result.prefixes.add(str(q.text))
            return f"({scope} {self.word(str(q.text))}*)"
        if isinstance(q, nodes.Wildcard):
            pattern = str(q.text)
            if pattern[:1] in ("*", "?"):
                self.leave_out(f"The wildcard “{pattern}” (starting with a wildcard)")
                return None
            self.result.prefixes.add(pattern)
            return f"({scope} {''.join(c if c in '*?' else self.word(c) for c in pattern)})"
        self.leave_out(f"“{_label(q)}”")
        return None


def _leaf_key(q: nodes.Query) -> tuple[object, ...] | None:
    """What a text leaf searches for, whatever its field (None: no text leaf)."""
    if getattr(q, "fieldname", None) not in TEXT_FIELDS or getattr(q, "boost", 1.0) != 1.0:
        return None
    if isinstance(q, nodes.Phrase):
        return type(q), tuple(q.words), q.slop
    if isinstance(q, (nodes.Term, nodes.MultiTerm)):
        return type(q), getattr(q, "text", None), getattr(q, "maxdist", None)
    return None


def _same_word_in_text_fields(q: nodes.Or) -> bool:
    """Whether `q` is one word, phrase or prefix in several text fields (what a plain word parses to)."""
    keys = {_leaf_key(p) for p in q.subqueries}
    return len(q.subqueries) > 1 and q.boost == 1.0 and len(keys) == 1 and None not in keys


def _label(q: nodes.Query) -> str:
    text = " ".join(q.words) if isinstance(q, nodes.Phrase) else str(getattr(q, "text", q))
    return text if len(text) <= 40 else text[:39] + "…"


def _day_bounds(q: nodes.NumericRange) -> tuple[date | None, date | None]:
    """The inclusive first and last day of a date range (articles are dated by day, at midnight)."""
    start, end = getattr(q, "startdate", None), getattr(q, "enddate", None)
    low = high = None
    if isinstance(start, datetime):
        low = start.date()
        if q.startexcl or start.time() != datetime.min.time():
            low += timedelta(days=1)
    if isinstance(end, datetime):
        high = end.date()
        if q.endexcl and end.time() == datetime.min.time():
            high -= timedelta(days=1)
    return low, high


def translate(parsed: ParsedQuery, word: Callable[[str], str] = escape_word) -> Translation:
    """`parsed` (search/engine/parsing.py's result) as a MATCH() text and filters; `word` writes
    one analysed term as a MATCH word."""
    result = Translation()
    if parsed.notice:
        result.notices.append(parsed.notice)
    if parsed.query is not None and not isinstance(parsed.query, nodes.Every):
        result.match = _Writer(result, word).top(parsed.query)
    return result
