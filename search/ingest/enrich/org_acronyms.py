"""Acronyms an article expands itself (organisations.py, source 3): "the National Disaster Response Force
(NDRF)" names the force at every mention of "NDRF" in that article, and "CITIC (China International Trust and
Investment Corp)" names it at "CITIC". Moved out of organisations.py unchanged."""

from __future__ import annotations

import re

from search.ingest.enrich.org_runs import RUN, has_head
from search.ingest.enrich.org_types import Candidate, Tables, fold

__all__ = ["expanded_acronyms"]

_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.-]{1,9})\s*\)")
# The look-behind (nothing of a word before the capital) after the capital: the search starts at a class, 2× faster.
_ACRONYM_BEFORE = re.compile(r"([A-Z](?<![\w.-][A-Z])[A-Z0-9&]{1,8})[ \t]+\(([^()\n]{4,120})\)")


def expanded_acronyms(
    text: str, candidates: list[Candidate], tables: Tables
) -> tuple[dict[str, str], list[Candidate]]:
    """Long forms the article gives for acronyms: overrides of canonical names, and new candidates.

    "the National Disaster Response Force (NDRF)" -> later mentions of "NDRF" give the long form;
    "the Sustainable Cities Organisation (SCO)" -> mentions of "SCO" give it, not the table's entry.
    """
    overrides: dict[str, str] = {}
    extra: list[Candidate] = []
    defined: dict[str, str] = {}
    if "(" not in text:
        return overrides, extra
    ends = {c.end: c for c in sorted(candidates, key=lambda c: (c.end - c.start, -c.rank)) if c.key or c.rank}
    for match in _ACRONYM_AFTER.finditer(text):
        acronym = match.group(1)
        if sum(ch.isupper() for ch in acronym) < 2:
            continue
        before = match.start()
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        candidate = ends.get(before)
        if candidate is None:
            continue
        long_form = text[candidate.start : candidate.end]  # the article's own spelling
        _define(acronym, long_form, candidate.key, defined, overrides, tables)
    for match in _ACRONYM_BEFORE.finditer(text):
        acronym, inside = match.group(1), match.group(2).strip()
        full = RUN.fullmatch(inside)
        key = tables.keys.get(fold(inside))
        if not full or len(inside.split()) < 2 or not (key or has_head([(w, 0, 0) for w in inside.split()], tables)):
            continue  # "EOL (End Of Life)", "MVP (Most Valuable Player)" are not organisations
        extra.append(Candidate(match.start(1), match.end(), inside, key, 0 if key else 1))
        _define(acronym, inside, key, defined, overrides, tables)
    unknown = {a: long for a, long in defined.items() if tables.keys.get(fold(a)) is None}
    if unknown:
        pattern = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, unknown)) + r")(?![\w-])")
        for match in pattern.finditer(text):
            extra.append(Candidate(match.start(), match.end(), unknown[match.group(1)], None, 1))
    return overrides, extra


def _define(
    acronym: str, long_form: str, key: str | None, defined: dict[str, str], overrides: dict[str, str], tables: Tables
) -> None:
    """Record what `acronym` stands for in this article. A long form of the known table keeps its
    canonical name (one facet value per organisation, however the article spells it), and a known
    acronym then names that organisation; an unknown long form is the article's own organisation,
    named for every mention of the acronym, even one the table knows for another
    ("the Sustainable Cities Organisation (SCO)" is no Shanghai Cooperation Organisation)."""
    defined.setdefault(acronym, long_form)
    acronym_key = tables.keys.get(fold(acronym))
    if acronym_key and acronym_key != key:
        overrides.setdefault(acronym_key, key or long_form)
