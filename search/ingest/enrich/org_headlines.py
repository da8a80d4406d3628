"""A company named only in a newswire headline, in capitals before its stock ticker (organisations.py, source 4).

"GENERAL MILLS INC <GIS> 3RD QTR NET" over a table of figures names the company once, in capitals;
`org_kinds.marked_companies` takes the body's spelling when the body names it, and this module gives the
headline's name when it does not, with the capitals undone ("General Mills Inc", "IDB Communications Group
Inc", "Stop and Shop Cos Inc"). Only a name that starts the headline and ends in a company's legal form
or company word right before the ticker ("... INC <GIS>", "... BANCORP <X>"), over a body that reports
nothing ("said"): a table of figures. A story names its company in the body (a headline's verb, "REGULATOR
FINES ACME INC <ACM>", would be taken in), and a bare name without a form ("ATLANTA GAS <AGLT>") gives nothing.
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_types import Candidate, Tables, known_key

__all__ = ["headline_company"]

# Words that end a company's name before its ticker, besides the legal suffixes of the tables ("Inc", "Co").
_COMPANY_ENDINGS = frozenset(["Cos", "Corporation", "Company", "Group", "Industries", "Holdings", "Bancorp",
                              "Bancorporation", "Bancshares", "AG", "SA", "NV", "LP", "Plc", "PLC"])
# Short English words of companies' names, written as words ("LIQUID AIR CORP" is "Liquid Air Corp"); other
# words of three letters or fewer stay in capitals ("NCR", "GTI", "IDB").
_SHORT_WORDS = frozenset(["AIR", "OIL", "GAS", "NEW", "ONE", "BAY", "SUN", "CAR", "SEA", "BIG", "TOP", "ART", "LAB",
                          "RED", "BIO", "GEN", "FAR", "OLD", "WAY", "ICE", "TEN", "TWO", "OAK", "END", "KEY", "SKY"])
# Headline words that are no part of a name: a verb or a preposition of the headline ("FTC CHARGES KRAFT INC").
_HEADLINE_WORDS = frozenset(["TO", "SAYS", "SAID", "SETS", "BUYS", "SELLS", "CHARGES", "ACQUIRES", "ACQUIRE", "BUY",
                             "SELL", "UNIT", "UNITS", "SEES", "PLANS", "GETS", "WINS", "AGREES", "CUTS", "RAISES",
                             "FILES", "NAMES", "BIDS", "BID", "SUES", "IN", "AT", "ON", "BY", "VS", "WITH", "FROM"])
_CONNECTORS = frozenset(["OF", "AND", "THE", "FOR", "DE", "DU", "DES", "LA", "LE", "DI", "DEL", "VAN", "VON"])
_MAX_WORDS = 6
_REPORTED = re.compile(r"\b(?:said|says)\b")  # a story, not a table of figures under the headline
_TICKER = re.compile(r"[ \t]<[A-Z][A-Z0-9.]{0,7}>")


def headline_company(text: str, tables: Tables) -> Candidate | None:
    """The company a headline in capitals names before its ticker, in ordinary case, when its words start
    the headline and end in a legal form; None otherwise (the caller has already looked for it in the body)."""
    title_end = text.find("\n")
    ticker = _TICKER.search(text, 0, title_end) if title_end > 0 else None
    if ticker is None:
        return None
    written = text[: ticker.start()]
    if written.startswith(("CORRECTED-", "CORRECTION-")):
        written = " " * written.index("-") + " " + written[written.index("-") + 1 :]  # the notice is no part of it
    words = written.split()
    if not 1 < len(words) <= _MAX_WORDS or not written.isupper() or words[0] in _CONNECTORS or "/" in written \
            or any(w in _HEADLINE_WORDS for w in words):
        return None
    body = text[title_end:]
    if _written_in(body, words[0]):
        return None  # the body writes it in capitals too ("CIGNA Corp said"): its own spelling is found there
    if _REPORTED.search(body):
        return None  # a story that does not name its headline's company: the headline may hold a verb
    last = _word_case(words[-1])
    if last not in tables.suffixes and last.rstrip(".") not in tables.suffixes and last not in _COMPANY_ENDINGS:
        return None
    name = " ".join(w.lower() if w in _CONNECTORS and i else _word_case(w) for i, w in enumerate(words))
    if name.lower() in tables.countries or words[0] in tables.roles:
        return None
    start = len(written) - len(written.lstrip())
    return Candidate(start, start + len(written.strip()), name, known_key(name, tables), 1)


def _written_in(body: str, word: str) -> bool:
    """Whether `word` stands in `body` as a whole word, as written (a literal search, no pattern per word)."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and (body[at - 1].isalnum() or body[at - 1] == "-")) \
                and not (end < len(body) and (body[end].isalnum() or body[end] == "-")):
            return True
        at = body.find(word, end)
    return False


def _word_case(word: str) -> str:
    """A word of a headline in capitals as a name writes it: "MILLS" -> "Mills", "K-TRON" -> "K-Tron",
    "ALBERTSON'S" -> "Albertson's", "(HOLDINGS)" -> "(Holdings)"; short non-words and initials stay in
    capitals ("NCR", "I.M.S.", "AG"), and so does a word without a vowel ("CSX")."""
    bare = word.strip("()")
    if "." in bare or "&" in bare or (len(bare) <= 3 and bare not in _SHORT_WORDS) \
            or not any(v in bare for v in "AEIOUY"):
        if bare.upper() in ("CO", "INC", "LTD", "COS"):
            return word.capitalize()
        return word
    return "-".join(part[:1] + part[1:].lower() if part[:1] != "(" else part[:2] + part[2:].lower()
                    for part in word.split("-"))
