"""What one search may spend: CPU time and the words its wildcard, prefix and fuzzy terms expand to.

A query under the length cap can still ask for minutes of work: hundreds of `*xy*` infixes or
`word~2` terms, each a scan of the vocabulary and a union of postings. Every search gets a
`QueryBudget`; the matcher asks it before each part of the query (and the term expansion before
each segment), and what is not reached within it is left out of the query, as if not written,
so the answer comes from what was computed and `notice()` says what was cut. Time is the CPU
time of the thread running the search (`time.thread_time`), so a busy machine or other users'
searches in the same process do not cut a query short, and a query never holds a lock while it
runs (tests/test_query_budget.py checks that a simple search answers while a costly one runs).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from search.settings import setting

QUERY_CPU_SECONDS: float = setting("query_cpu_seconds")
MAX_TERMS_PER_PATTERN: int = setting("max_terms_per_pattern")
MAX_TERMS_PER_QUERY: int = setting("max_terms_per_query")


@dataclass
class QueryBudget:
    """The CPU seconds and expanded words one search may still spend, and what it had to cut."""

    cpu_seconds: float = QUERY_CPU_SECONDS
    terms_per_pattern: int = MAX_TERMS_PER_PATTERN
    terms_per_query: int = MAX_TERMS_PER_QUERY
    started: float = field(default_factory=time.thread_time)
    terms_used: int = 0
    left_out: set[str] = field(default_factory=set)   # parts of the query not searched
    trimmed: set[str] = field(default_factory=set)    # patterns searched for their most frequent words only
    timed_out: bool = False
    words: dict[str, list[str]] = field(default_factory=dict)  # repr of each expanded term -> its words

    def sharing_clock(self) -> QueryBudget:
        """A budget with this one's clock and limits, and nothing spent or cut yet: for a second
        query within the same search (the "did you mean" count, highlighting)."""
        return QueryBudget(self.cpu_seconds, self.terms_per_pattern, self.terms_per_query, self.started)

    def expired(self) -> bool:
        """Whether the time is spent (remembered: a search cut for time stays cut)."""
        if not self.timed_out and time.thread_time() - self.started > self.cpu_seconds:
            self.timed_out = True
        return self.timed_out

    def terms_left(self) -> int:
        """How many words the next pattern may expand to."""
        return max(0, min(self.terms_per_pattern, self.terms_per_query - self.terms_used))

    def leave_out(self, what: str) -> None:
        """Record a part of the query (its text) that was not searched."""
        self.left_out.add(what)

    @property
    def cut(self) -> bool:
        """Whether the answer differs from the one an unbounded search would give."""
        return bool(self.left_out or self.trimmed)

    def notice(self) -> str | None:
        """What was cut, in a sentence or two for the user (None when nothing was)."""
        parts = []
        if self.left_out:
            why = f"its time budget ({self.cpu_seconds:g} s of CPU) ran out" if self.timed_out else \
                f"its wildcard, prefix and fuzzy terms may expand to {self.terms_per_query} words in all"
            parts.append(f"Only part of the query was searched: {why}, so {len(self.left_out)} of its terms "
                         f"were left out ({_examples(self.left_out)}).")
        if self.trimmed:
            parts.append(f"{len(self.trimmed)} wildcard, prefix or fuzzy terms ({_examples(self.trimmed)}) match "
                         f"more words than a query may search; only the most frequent ones were searched.")
        return " ".join(parts) or None


def _examples(texts: set[str], shown: int = 3) -> str:
    listed = ", ".join(sorted(texts)[:shown])
    return listed + (", …" if len(texts) > shown else "")
