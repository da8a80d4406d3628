"""Firms named as the employer of an analyst, or as brokers (organisations.py, source 6).

Newswire quotes market people by their firm, and many firms are named like people: "Mark Ford, an analyst at
James Capel", "analysts with Hoare Govett", "brokers Wood Gundy said", "Smith Barney analyst Jo Reed". No
organisation word marks them, so the runs of `org_runs` miss them and the people finder may take them for
people. The cue is the analyst's or broker's noun right before ("an analyst at", "brokers") or right after
("X analyst") the name. Guards: the name is not a place ("analysts in Tokyo" has no "at"; "an economist at
Cambridge" gives nothing where Cambridge is a place) and, before the noun, has two words or more, none of them
a word the news writes in lower case ("Some analysts", "Wall Street analysts", "Oil analysts"), nor a
people's adjective ("Soviet analysts").
"""

from __future__ import annotations

import re

from search.ingest.enrich.name_lexicon import lexicon
from search.ingest.enrich.org_runs import RUN
from search.ingest.enrich.org_types import Candidate, Tables, known_key

__all__ = ["employers"]

# The nouns, found by literal searches for their stems (most articles have none): stem -> the first letters
# it may follow ("analyst", "Economists", "broker", "Brokerage", "stockbrokers").
_STEMS = {"nalyst": "Aa", "conomist": "Ee", "trategist": "Ss", "roker": "Bb", "roking": "Bb"}
# "an analyst |at Merrill Lynch", "economist |with the Bank of Nova Scotia".
_AT = re.compile(r"s?[ \t]+(?:at|with)[ \t]+(?:the[ \t]+)?(?=[A-Z])")
# "brokers |James Capel said", "brokerage house |Nesbitt Thomson".
_BROKERS = re.compile(r"(?:ers?|erage(?:[ \t]+(?:house|firm))?|ing[ \t]+house)[ \t]+(?=[A-Z])")
# "|Smith Barney| analyst Jo Reed" (searched in the words right before the noun).
_BEFORE = re.compile(rf"({RUN.pattern})[ \t]+$")
_BEFORE_CHARS = 60
_POSSESSIVE = re.compile(r"['’]s?\b")
_MAX_WORDS = 6


def employers(text: str, tables: Tables) -> list[Candidate]:
    """The firms named as an analyst's employer or as brokers in `text`."""
    found = []
    for start, end, broker in _cues(text):
        if broker:
            after = _BROKERS.match(text, end)
        else:
            after = _AT.match(text, end)
            before = _BEFORE.search(text, max(0, start - _BEFORE_CHARS), start)
            if before is not None:
                candidate = _firm(text, before.start(1), before.end(1), tables, before=True)
                found.extend([candidate] if candidate is not None else [])
        run = RUN.match(text, after.end()) if after is not None else None
        if run is not None:
            candidate = _firm(text, run.start(), _partners_end(text, run.end(), tables), tables, before=False)
            found.extend([candidate] if candidate is not None else [])
    return found

def _cues(text: str) -> list[tuple[int, int, bool]]:
    """The analysts' and brokers' nouns of `text`: start, end (a broker's after "brok"), and whether a broker's."""
    cues = []
    for stem, letters in _STEMS.items():
        at = text.find(stem)
        while at > 0:
            start, end, broker = at - 1, at + len(stem), stem[0] == "r"
            if broker and (text.startswith("stock", start - 5) or text.startswith("Stock", start - 5)):
                start -= 5  # "stockbrokers"
            if text[at - 1] in letters and not (start and text[start - 1].isalpha()) \
                    and (broker or not text[end : end + 1].isalpha() or text[end : end + 2] == "s "):
                cues.append((start, at + 3 if broker else end, broker))
            at = text.find(stem, end)
    return sorted(cues)


_COMMA = re.compile(r",[ \t]+(?=[A-Z])")
_MAX_PARTNERS = 4


def _partners_end(text: str, end: int, tables: Tables) -> int:
    """Where a firm named after its partners ends: "Birr, Wilson and Co", "Howard, Weil, Labouisse, Friedrichs,
    Inc" go on past their commas to a last part with "and" or a legal form; "Merrill Lynch, Tom Smith said"
    stops at the comma."""
    at = end
    for _ in range(_MAX_PARTNERS):
        comma = _COMMA.match(text, at)
        part = RUN.match(text, comma.end()) if comma is not None else None
        if part is None:
            return end
        at = part.end()
        last = part.group().split()[-1].rstrip(".")
        if " and " in part.group() or last in tables.suffixes or last in tables.organisation:
            return at
    return end


def _firm(text: str, start: int, end: int, tables: Tables, before: bool) -> Candidate | None:
    """The firm's name at text[start:end] (up to a possessive: "Drexel Burnham Lambert Inc's Houston office"),
    unless it is a place, a people's adjective or, before the noun, a phrase of common words."""
    possessive = _POSSESSIVE.search(text, start, end)
    end = possessive.start() if possessive is not None else end
    name = " ".join(text[start:end].split())
    words = name.split()
    if not words or len(words) > _MAX_WORDS + _MAX_PARTNERS or name in tables.places \
            or name.lower() in tables.countries or any(w in tables.places or w in tables.things for w in words) \
            or words[0] in tables.openers or words[0] in tables.roles or words[0] in tables.numbers or "-based" in name:
        return None  # "Wall Street analysts", "One Republican analyst", "New Orleans-based Howard, Weil ..."
    if before:
        common = lexicon().common_words
        if len(words) < 2 or any(w.lower() in common for w in words if w not in tables.connectors):
            return None
    return Candidate(start, start + len(name), name, known_key(name, tables), 1)
