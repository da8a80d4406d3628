"""From the names found in an article to its organisation facet values: one value per organisation,
and no events.

- One organisation, one value: "Office of the President" and "Office of the President of Ukraine"
  in one article are the same office, and so are "Embassy of Ukraine" and "Embassy of Ukraine in
  Kenya". A name that another name of the article continues with an "of"/"in" tail gives way to it
  (the fullest form, as for people's names).
- Events are not organisations (gold rule 20): a name ending in an event word (`event_heads` of
  `organisations.toml`, "Forum") names a meeting when the article numbers it ("the 3rd
  Russian-Chinese Energy Business Forum", "the Forty-Third Pacific Islands Forum") or when it is an
  "International ... Forum" without an "of"/"for" tail ("St Petersburg International Economic
  Forum"), while "the Greek Energy Forum", whose deputy director is quoted, is an organisation. A
  name of the known-name table is an organisation wherever it stands ("Pacific Islands Forum").
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_types import Tables, fold

__all__ = ["facet_values"]

_TAILS = (" of ", " in ")
_ORDINAL = re.compile(r"(?i:\d+(?:st|nd|rd|th)|(?:[a-z]+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
                      r"|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth))")


def facet_values(names: list[str], text: str, tables: Tables) -> list[str]:
    """`names` (in order of first mention, no duplicates) without events and shorter forms."""
    lowered = [name.lower() for name in names]
    values = []
    for name, low in zip(names, lowered, strict=True):
        if any(other.startswith(low) and other[len(low) : len(low) + 4] in _TAILS for other in lowered):
            continue
        if name.rsplit(" ", 1)[-1] in tables.event_heads and fold(name) not in tables.keys and _event(name, text):
            continue
        values.append(name)
    return values


def _event(name: str, text: str) -> bool:
    """Whether the forum called `name` is a meeting: numbered, or an "International ... Forum"."""
    words = name.split()
    if _ORDINAL.fullmatch(words[0]) or ("International" in words and "of" not in words and "for" not in words):
        return True
    spelled = r"[-–]".join(map(re.escape, re.split(r"[-–]", name)))  # "Russian-Chinese" = "Russian–Chinese"
    return re.search(rf"\b{_ORDINAL.pattern}\s+{spelled}", text) is not None
