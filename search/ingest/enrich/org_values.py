"""From the names found in an article to its organisation facet values: one value per organisation,
and no events.

- One organisation, one value: "Office of the President" and "Office of the President of Ukraine"
  in one article are the same office, and so are "Embassy of Ukraine" and "Embassy of Ukraine in
  Kenya". A name that another name of the article continues with an "of"/"in" tail gives way to it
  (the fullest form, as for people's names).
- Events are not organisations (gold rule 20): a name ending in an event word (`event_heads` of
  `organisations.toml`, "Forum") names an event where the article also calls it by that word in
  lower case ("during the forum", "your forum will give..."): "the 3rd Russian-Chinese Energy
  Business Forum" is a meeting, while "the Greek Energy Forum", whose deputy director is quoted, is
  an organisation. A name of the known-name table is an organisation wherever it stands.
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_types import Tables, fold

__all__ = ["facet_values"]

_TAILS = (" of ", " in ")


def facet_values(names: list[str], text: str, tables: Tables) -> list[str]:
    """`names` (in order of first mention, no duplicates) without events and shorter forms."""
    lowered = [name.lower() for name in names]
    events: dict[str, bool] = {}
    values = []
    for name, low in zip(names, lowered, strict=True):
        if any(other.startswith(low) and other[len(low) : len(low) + 4] in _TAILS for other in lowered):
            continue
        head = name.rsplit(" ", 1)[-1]
        if head in tables.event_heads and fold(name) not in tables.keys:  # not "World Economic Forum"
            if head not in events:
                events[head] = re.search(rf"\b{re.escape(head.lower())}s?\b", text) is not None
            if events[head]:
                continue
        values.append(name)
    return values
