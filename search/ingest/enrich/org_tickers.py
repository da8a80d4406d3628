"""Companies marked by their stock ticker in a newswire's body (organisations.py, source 7).

A wire writes a listed company's ticker in angle brackets right after its name: "Fiat SpA <FIAT.MI>",
"Atlantic Richfield <ARC>", "Citicorp <CCI.N>", "Chrysler Corp's <C>", "the Pacific Telesis group
<PAC.N>". The ticker says that the capitalised words before it name a company, whether or not they hold
an organisation word ("Advanced Micro Devices", "Daihatsu Motor") -- most such names have none, and no
table lists them all. The headline's ticker is `org_kinds.marked_companies`'s (the headline is in capitals);
this module reads the body's.

The name is the run of capitalised words that ends right before the ticker (an owner's possessive and a
lower-case "group" after it are no part of it), trimmed of words that open a sentence or a title ("The",
"Shares of", "Chairman"), under the guards of `org_kinds.name_candidate` (one to five words, not a country,
a place or a given name). A name that the other sources find longer or the known-name table knows wins
where they overlap ("Exxon Corp" is ExxonMobil).
"""

from __future__ import annotations

import re

from search.ingest.enrich.name_lexicon import lexicon
from search.ingest.enrich.org_kinds import name_candidate
from search.ingest.enrich.org_runs import HYPHEN_MODIFIER, run_around
from search.ingest.enrich.org_types import Candidate, Tables

__all__ = ["ticker_companies"]

# "<FIAT.MI>", "<T.N.>", "<CCI.N>": capitals, digits and dots only (a bracketed name has small letters).
_TICKER = re.compile(r"[ \t\n]<[A-Z][A-Z0-9.]{0,9}>")
# What may stand between the name and its ticker: an owner's possessive, a lower-case "group".
_BETWEEN = re.compile(r"(?:(?<=s)['’]|['’]s|[ \t]+group)$")
# Words after which the name starts afresh: an owner's possessive ("Japan's Fujitsu Ltd"), a modifier
# ("Californian-based Intel Corp", "French-controlled Schlumberger Ltd").
_OWNER = re.compile(rf"\S*(?:['’]s?|{HYPHEN_MODIFIER.pattern})")
_WORD = re.compile(r"\S+")


def ticker_companies(text: str, tables: Tables) -> list[Candidate]:
    """The companies named right before a stock ticker in the body of `text` (after its first line)."""
    found = []
    at = text.find("<", max(text.find("\n"), 1))
    while at > 0:  # found by `str.find`: a pattern that starts with a class of characters scans every one
        ticker = _TICKER.match(text, at - 1)
        at = text.find("<", at + 1)
        if ticker is None:
            continue
        end = ticker.start()
        between = _BETWEEN.search(text, max(0, end - 8), end)
        if between is not None:
            end = between.start()
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        run = run_around(text, start, end) if start < end and text[start].isupper() else None
        if run is None or run.end() < end:
            continue
        begin = _name_start(text, run.start(), end, tables)
        candidate = name_candidate(text, begin, end, tables)
        if candidate is not None and candidate.end == end:
            found.append(candidate)
    return found


def _name_start(text: str, start: int, end: int, tables: Tables) -> int:
    """Where the company's name starts in the run text[start:end]: after the last owner's possessive,
    modifier or capitalised "And", and after the words that open a sentence or a title and their connector
    ("The", "Shares of", "Losses for", "Chairman") -- not an organisation word ("Bank of America NT and SA
    <BAC.N>")."""
    words = [(m.group(), m.start()) for m in _WORD.finditer(text, start, end)]
    for i in range(len(words) - 1, 0, -1):
        if _OWNER.fullmatch(words[i - 1][0]) or words[i - 1][0] == "And":  # "of the U.S. And N.V. Philips <PGLO.AS>"
            words = words[i:]
            break
    common = lexicon().common_words
    while len(words) > 1:
        word = words[0][0]
        opening = word in tables.openers or word in tables.roles or word in tables.connectors
        if not opening and word not in tables.organisation and words[1][0] in tables.connectors:
            opening = word.lower() in common  # "Shares of", "Losses for"
        if not opening:
            break
        words = words[1:]
    return words[0][1]
