"""A government's bodies named by their generic names (for `organisations`): "Congress", "the Treasury" and "the
finance ministry".

Runs of capitalised words find "Congress of Deputies" or "Her Majesty's Treasury", which carry an organisation word
or a qualifier; these two are often written bare on newswire, and bare they are also a party's congress, a meeting,
or a kind of bond ("Treasury bonds"). So each is taken only where the text uses it as the body: the legislature
after a preposition or "the" in a text about law-making, a treasury where it acts or speaks. Both were labelled as
written in the gold sets (benchmarks/gold/README.md, rounds 8-9). A wire also names a ministry in lower case by its
portfolio ("the French foreign ministry said"): that is the ministry as capitals write it ("Foreign Ministry").
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_types import Candidate, Tables

__all__ = ["acting_treasury", "bare_congress", "portfolio_ministries"]

# "passed by Congress", "the Congress voted": the legislature by its own name (not "Congress of the ...", "the
# 19th Party Congress", "National Congress": those are runs, or meetings).
_BEFORE_CONGRESS = re.compile(r"(?:\b(?:[Tt]he|by|in|of|to|from|and|with|for|that|before|on)|[.!?])[ \t]+$")
_AFTER_CONGRESS = re.compile(r"[\w-]|[ \t]+(?:(?:of|on|for)\b|[A-Z])")
_LEGISLATURE = re.compile(r"\b(?:Senate|House|[Cc]ongressional|[Cc]ongress(?:wo)?m[ae]n|[Ll]awmakers?|[Ll]egislat\w+|"
                         r"bills?|Representatives|Republicans?|Democrats?)\b")


def bare_congress(text: str) -> list[Candidate]:
    """ "Congress" by itself: a legislature ("sent to Congress"); after "the" only in a text about law-making,
    where it is not a party's congress, a meeting ("at the Congress' previous stages")."""
    found = []
    law_making: bool | None = None
    at = text.find("Congress")
    while at >= 0:
        before = _BEFORE_CONGRESS.search(text, max(0, at - 8), at)
        if before is not None and not _AFTER_CONGRESS.match(text, at + len("Congress")):
            after_the = before.group().lower().startswith("the")
            if after_the and law_making is None:
                law_making = _LEGISLATURE.search(text) is not None
            if not after_the or law_making:
                found.append(Candidate(at, at + len("Congress"), "Congress", None, 1))
        at = text.find("Congress", at + 1)
    return found


# "the Treasury said", "a Treasury spokesman", "the French Treasury will": a government's treasury that
# acts or speaks (labelled as written, gold README round 8); not "Treasury bonds", "Treasury Secretary".
_ACTING = re.compile(r"[ \t]+(?:said|says|announced|added|estimated|reported|expects?|plans?|will|would|has|had|is|"
                     r"was|also|spokes\w+|officials?)\b")
_WORD_BEFORE = re.compile(r"(?<![\w.-])([A-Z][\w.]*)[ \t]+$")


def acting_treasury(text: str, tables: Tables) -> list[Candidate]:
    """A treasury named by its generic name where it acts or speaks: "Treasury", or with the place before
    it ("French Treasury", "U.S. Treasury"). Another capitalised word before it makes it a longer name
    that the runs look at ("Her Majesty's Treasury")."""
    found = []
    at = text.find("Treasury ")
    while at >= 0:
        end = at + len("Treasury")
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in ".-")) and _ACTING.match(text, end):
            word = _WORD_BEFORE.search(text, max(0, at - 30), at)
            if word is None or word.group(1) in tables.openers:
                found.append(Candidate(at, end, "Treasury", None, 1))
            elif word.group(1) in tables.places:
                found.append(Candidate(word.start(1), end, text[word.start(1) : end], None, 1))
        at = text.find("Treasury ", at + 1)
    return found


# "the finance ministry", "The French foreign ministry", "Japan's trade ministry": the word before the portfolio.
_BEFORE_PORTFOLIO = re.compile(r"(?:\b[Tt]he|(?<![\w.-])([A-Z][\w.]*?)(?:['’]s)?)[ \t]+$")


def portfolio_ministries(text: str, tables: Tables) -> list[Candidate]:
    """Ministries named in lower case by their portfolio after "the", a people's adjective or a country's
    possessive ("the finance ministry", "the French foreign ministry", "Japan's trade ministry"), as capitals
    write them ("Finance Ministry"); not "a ministry" or "his ministry", nor "the ministry" alone."""
    found = []
    at = text.find(" ministry")
    while at >= 0:
        start = text.rfind(" ", max(0, at - 20), at) + 1
        portfolio = text[start:at]
        if start and portfolio in tables.portfolios and not text[at + 9 : at + 10].isalnum():
            before = _BEFORE_PORTFOLIO.search(text, max(0, start - 30), start)
            if before is not None and (before.group(1) is None or before.group(1).lower() in tables.countries):
                found.append(Candidate(start, at + 9, f"{portfolio.capitalize()} Ministry", None, 1))
        at = text.find(" ministry", at + 1)
    return found
