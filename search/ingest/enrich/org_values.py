"""From the names found in an article to its organisation facet values: one value per organisation,
and no events.

- One organisation, one value: "Office of the President" and "Office of the President of Ukraine"
  in one article are the same office, and so are "Embassy of Ukraine" and "Embassy of Ukraine in
  Kenya". A name that another name of the article continues with an "of"/"in" tail or a company's
  legal form ("Hang Seng Bank Ltd") gives way to it (the fullest form, as for people's names), and so do the
  leading words of a company's name with a legal form ("Apple" of "Apple Computer Inc", not of
  its units "Apple Ukraine LLC" or "Apple Securities Inc": `unit_words`), and
  the same name with its country before it ("Puerto Rico Supreme Court", "Supreme Court of
  Puerto Rico").
- Events are not organisations (gold rule 20): a name ending in an event word (`event_heads` of
  `organisations.toml`, "Forum") names a meeting when the article numbers it ("the 3rd
  Russian-Chinese Energy Business Forum", "the Forty-Third Pacific Islands Forum") or when it is an
  "International ... Forum" without an "of"/"for" tail ("St Petersburg International Economic
  Forum") or when something happens "on the sidelines of" it, while "the Greek Energy Forum",
  whose deputy director is quoted, is an organisation. A name of the known-name table is an
  organisation wherever it stands ("Pacific Islands Forum"). A numbered meeting of an organisation
  ("Seventh Congress of the ... Society") is an event too.
- A country's name or demonym before a party's or a ministry's name that the article also gives bare is
  no part of it: "the U.S. Libertarian Party" and "the Libertarian Party", "the Russian Defence Ministry"
  and "the Defence Ministry" are one party and one ministry, under the bare name that the article's other
  mentions (and other articles) use. Other names keep their country, which is often part of the name
  itself ("Swiss National Bank", "Canadian Wheat Board"), or tells two bodies apart ("United States
  Senate" and Puerto Rico's "Senate").
- A newswire's stock ticker used alone is its company's short name: after "International Business Machines
  Corp <IBM>", "IBM" names the same company, and gives way to the full name.
- A country's or a leader's administration ("the Reagan Administration", "the American Administration")
  is the government by another word: a generic body, no value.
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_types import Tables, fold

__all__ = ["facet_values"]

_TAILS = (" of ", " in ")
# A country before these names is a descriptor ("Russian Defence Ministry").
_STATE_HEADS = (" Party", " Ministry", " Department")
_ORDINAL = re.compile(r"(?i:\d+(?:st|nd|rd|th)|(?:[a-z]+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
                      r"|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth))")


def facet_values(names: list[str], text: str, tables: Tables) -> list[str]:
    """`names` (in order of first mention, no duplicates) without events and shorter forms."""
    continued: set[str] = set()  # "office of the president" for "Office of the President of Ukraine"
    for name in names:
        low = name.lower()
        bare, _, last = name.rpartition(" ")
        if bare and last.rstrip(".") in tables.suffixes:
            # "Hang Seng Bank" for "Hang Seng Bank Ltd", and the leading words of a company's name that a wire
            # uses for it after the full name: "Apple" for "Apple Computer Inc", "Great American" for "Great
            # American Corp"; not those of a unit, named for its country or its trade ("Apple" of "Apple
            # Ukraine LLC", "UBS" of "UBS Securities Inc" are the parents).
            words = bare.rstrip(",").split()
            last_unit = max((n for n, word in enumerate(words)
                             if word in tables.unit_words or word.lower() in tables.countries), default=-1)
            continued.update(" ".join(words[:n]).lower() for n in range(last_unit + 1, len(words) + 1) if n)
        for tail in _TAILS:
            at = low.find(tail)
            while at > 0:
                continued.add(low[:at])
                if tail == " of " and low[at + 4 :] in tables.countries:
                    continued.add(f"{low[at + 4 :]} {low[:at]}")  # "Puerto Rico Supreme Court"
                at = low.find(tail, at + 1)
    if "<" in text:
        continued |= _tickers_of_named(names, text)
    bare_names = {name.lower() for name in names} - continued
    values = []
    events: list[list[str]] = []  # forums and congresses found to be meetings
    forums: set[str] = set()  # the others
    for name in names:
        if continued and name.lower() in continued:
            continue
        if _country_prefixed(name, bare_names, tables) or _government(name, tables):
            continue
        words = name.split(" ", 2)
        if len(words) > 2 and words[1] in tables.event_heads and _ORDINAL.fullmatch(words[0]):
            continue  # "Seventh Congress of the ... Society": a numbered meeting of an organisation
        if len(words) > 2 and words[0] in tables.event_heads and words[1] == "of" and _numbered(name, text):
            name = words[2].removeprefix("the ")  # "the 5th Congress of Weavers Union": the union
            if name.lower() in bare_names or " " not in name or not any(w in tables.organisation for w in name.split()):
                continue  # named apart, or no organisation ("the 19th Congress of the Party")
        if name.endswith(tables.event_heads) and name.rsplit(" ", 1)[-1] in tables.event_heads \
                and fold(name) not in tables.keys:
            if _event(name, text, tables):
                events.append(name.split())
                continue
            forums.add(name)
        values.append(name)
    if events and forums:  # "the Halifax Forum" of "the Halifax International Security Forum": the meeting
        values = [v for v in values if v not in forums or not any(_short_form(v.split(), e) for e in events)]
    return values


_TICKER_AFTER = re.compile(r"[ \t]*<([A-Z][A-Z0-9]{0,6})(?:\.[A-Z]{1,2})?>")


def _tickers_of_named(names: list[str], text: str) -> set[str]:
    """The names in capitals (lower case) that are the stock ticker of another name of the article, marked
    right after it ("International Business Machines Corp <IBM>" makes "IBM" the company's short name)."""
    found = set()
    capitals = {name for name in names if name.isupper() and " " not in name}
    for name in names:
        at = text.find(name) if capitals - {name} else -1
        while at >= 0:
            ticker = _TICKER_AFTER.match(text, at + len(name))
            if ticker is not None and ticker.group(1) in capitals and ticker.group(1) != name:
                found.add(ticker.group(1).lower())
            at = text.find(name, at + len(name))
    return found


def _short_form(words: list[str], longer: list[str]) -> bool:
    """Whether `words` are a shorter form of the name `longer`: the same first and last words, and the
    others standing in it in the same order ("Halifax Forum" of "Halifax International Security Forum")."""
    if len(words) >= len(longer) or words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    rest = iter(longer)
    return all(word in rest for word in words)


def _country_prefixed(name: str, lowered: set[str], tables: Tables) -> bool:
    """Whether `name` is a country's name or demonym (up to three words) before another name of the
    article, a party or a ministry: "United States Democratic Party" where "Democratic Party" is named too."""
    if not name.endswith(_STATE_HEADS):
        return False
    words = name.split(" ", 3)
    for size in range(1, min(3, len(words) - 1) + 1):
        if " ".join(words[:size]).lower() in tables.countries:
            bare = name.split(" ", size)[size]
            if bare.lower() in lowered and bare.endswith(_STATE_HEADS):
                return True
    return False


def _numbered(name: str, text: str) -> bool:
    """Whether an ordinal stands right before a mention of `name` in `text` ("the 5th Congress of ...")."""
    at = text.find(name)
    while at >= 0:
        before = text[max(0, at - 20) : at].split()
        if before and _ORDINAL.fullmatch(before[-1]):
            return True
        at = text.find(name, at + 1)
    return False


def _government(name: str, tables: Tables) -> bool:
    """Whether `name` is a country's or a leader's administration, the government by another word (gold
    rule 20): "United States Administration", "Reagan Administration" (not "Farm Credit Administration")."""
    if not name.endswith(" Administration"):
        return False
    head = name[: -len(" Administration")]
    return head.lower() in tables.countries or (" " not in head and head not in tables.organisation)


def _event(name: str, text: str, tables: Tables) -> bool:
    """Whether the forum called `name` is a meeting: numbered, an "International ... Forum", one named by
    the topic of a gathering ("Eastern Economic Forum"), one with its own title in quotation marks after
    it, or one that something happens "on the sidelines of"."""
    words = name.split()
    if _ORDINAL.fullmatch(words[0]) or ("International" in words and "of" not in words and "for" not in words):
        return True
    if len(words) > 1 and words[-1] == "Forum" and words[-2] in tables.event_topics:
        return True
    if re.search(r"\bsidelines of (?:the )?" + re.escape(name), text) \
            or re.search(re.escape(name) + r"[ \t]+[\"“«]", text):
        return True  # beside it, or with its own title after it ('the All-Ukrainian Forum "Safe Community"')
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
