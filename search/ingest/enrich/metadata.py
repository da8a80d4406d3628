"""Source and publication date: from metadata first, else from the article's own text."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

UNKNOWN_SOURCE = "Unknown"

# "Source : Arirang TV, https://…" (a line of its own, anywhere in the text).
_SOURCE_LINE = re.compile(r"^\s*Source\s*:\s*(?P<name>[^,\n]+?)\s*(?:,\s*(?P<url>https?://\S+))?\s*$",
                          re.MULTILINE | re.IGNORECASE)

# A reporter's sign-off on the last line: "Oh Soo-young, Arirang News."
_SIGN_OFF = re.compile(r"^[^\n,]{3,60},\s*(?P<name>(?:[A-Z][\w&'’.-]*\s+){0,3}(?:News|TV|Television|Radio|Times|Post|"
                       r"Herald|Journal|Press|Agency|Network|Broadcasting|Daily|Tribune|Gazette))\.?[”\"]?\s*$")
# A wire dateline crediting the agency: "WASHINGTON (Reuters) - ", "SEOUL, July 3 (Yonhap) — ".
_DATELINE_CREDIT = re.compile(r"^[A-Z][A-Z .'-]{1,40}(?:,[^()\n]{1,30})?\s*\((?P<name>[A-Z][\w ]{1,30}?)\)\s*[-–—]",
                              re.MULTILINE)

# Outlet names for well-known news domains (the bare domain is used for the rest).
OUTLETS = {
    "arirang.com": "Arirang TV",
    "nato.int": "NATO",
    "wikinews.org": "Wikinews",
    "reuters.com": "Reuters",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "apnews.com": "AP",
    "theguardian.com": "The Guardian",
    "nytimes.com": "The New York Times",
    "yna.co.kr": "Yonhap",
    "koreaherald.com": "The Korea Herald",
}

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)).title() + r")\b\.?)"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
]


def domain_of(url: str) -> str:
    """The host of a url without a leading "www." ("" when there is none)."""
    host = urlsplit(url.strip()).hostname or ""
    return host.removeprefix("www.")


def outlet_for(url: str) -> str:
    """The outlet name for a url: a known outlet for its domain, else the domain itself."""
    domain = domain_of(url)
    for known, name in OUTLETS.items():
        if domain == known or domain.endswith("." + known):
            return name
    return domain


def find_source(text: str, url: str = "") -> str:
    """The source: a `Source : X` line, a dateline credit "(Reuters) -", a reporter's sign-off
    ("…, Arirang News."), the url's outlet, else "Unknown" — in that order."""
    match = _SOURCE_LINE.search(text)
    if match:
        return match.group("name").strip()
    match = _DATELINE_CREDIT.search(text[:400])
    if match:
        return match.group("name").strip()
    lines = [line for line in text.strip().splitlines() if line.strip()]
    for line in lines[-3:]:
        match = _SIGN_OFF.match(line.strip())
        if match:
            return match.group("name").strip()
    return outlet_for(url) if url else UNKNOWN_SOURCE


def find_date(text: str) -> date | None:
    """The first explicit calendar date written in `text` ("8 September 2022", "Jan 4, 2019", "2022-09-08")."""
    best: tuple[int, date] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parsed = _to_date(match)
            if parsed:
                if best is None or match.start() < best[0]:
                    best = (match.start(), parsed)
                break
    return best[1] if best else None


def _to_date(match: re.Match[str]) -> date | None:
    month = match.group("month")
    key = month.rstrip(".").lower()
    number = int(month) if month.isdigit() else _MONTHS.get(key, _MONTHS.get(key[:3]))
    try:
        return date(int(match.group("year")), number or 0, int(match.group("day")))
    except (TypeError, ValueError):
        return None
