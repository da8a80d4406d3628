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
  Forum") or when something happens "on the sidelines of" it, while "the Greek Energy Forum",
  whose deputy director is quoted, is an organisation. A name of the known-name table is an
  organisation wherever it stands ("Pacific Islands Forum"). A numbered meeting of an organisation
  ("Seventh Congress of the ... Society") is an event too.
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
    continued = set()  # "office of the president" for "Office of the President of Ukraine"
    for name in names:
        low = name.lower()
        for tail in _TAILS:
            at = low.find(tail)
            while at > 0:
                continued.add(low[:at])
                at = low.find(tail, at + 1)
    values = []
    for name in names:
        if continued and name.lower() in continued:
            continue
        words = name.split(" ", 2)
        if len(words) > 2 and words[1] in tables.event_heads and _ORDINAL.fullmatch(words[0]):
            continue  # "Seventh Congress of the ... Society": a numbered meeting of an organisation
        if name.endswith(tables.event_heads) and name.rsplit(" ", 1)[-1] in tables.event_heads \
                and fold(name) not in tables.keys and _event(name, text):
            continue
        values.append(name)
    return values


def _event(name: str, text: str) -> bool:
    """Whether the forum called `name` is a meeting: numbered, an "International ... Forum", or one
    that something happens "on the sidelines of"."""
    words = name.split()
    if _ORDINAL.fullmatch(words[0]) or ("International" in words and "of" not in words and "for" not in words):
        return True
    if re.search(r"\bsidelines of (?:the )?" + re.escape(name), text):
        return True
    dashed = name.replace("–", "-")  # "Russian-Chinese" = "Russian–Chinese"
    key = dashed.rsplit("-", 1)[-1]  # a part without dashes, found as written
    at = text.find(key)
    while at >= 0:
        start = at + len(key) - len(name)
        if start > 0 and text[start:at].replace("–", "-") == dashed[: len(dashed) - len(key)]:
            before = text[max(0, start - 30) : start].split()
            if before and _ORDINAL.fullmatch(before[-1]):
                return True
        at = text.find(key, at + 1)
    return False
