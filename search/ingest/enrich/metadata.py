"""Source and publication date: from metadata first, else from the article's own text."""

from __future__ import annotations

import re
from datetime import date, timedelta
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


# ---------------------------------------------------------------- the publication date in the text
# An article's text mentions many dates, and almost all are dates of events: a kick-off, a birth, a
# meeting "on 26 November 2021", a bond "due 2002". Taking one for the publication date puts the
# article in the wrong place on the timeline, which is worse than no date. So only two places are
# read, and only in the head of the text (its first HEAD_LINES non-empty lines: the title and the
# three lines after it, each read over its first LINE_CHARS characters):
#  * a dateline opening a line: "MOSCOW, March 3 (Reuters) -", "ROCHESTER, N.Y., Feb 26 -",
#    "GENEVA (3 March 2021) –", "ABUJA, Nigeria, March 3, 2021 /PRNewswire/ --", "Geneva, 3 March 2021";
#  * a date line: a line that is only a date, with at most a weekday, a time, a byline and a marker
#    ("Published:", "Posted on", "Updated", "Date:"), or such a part of a short line between
#    separators: "Monday, 3 March 2021", "Published: 10:31 GMT, 3 March 2021",
#    "By Jo Bloggs | March 3, 2021 | 4 min read".
#    On the first line (usually the title) only a whole date line or a dateline counts. A date
#    marked "Updated"/"Modified" is taken only when the head has no other.
# A date inside a sentence, even in the first lines, is never taken (on the DEV articles of the
# four corpora, such dates in the head's lines were 0 right and 25 wrong). A found date is dropped when it
# is implausible (before EARLIEST_YEAR, after tomorrow, a weekday that is not the date's), part of a
# range ("3–5 March 2021"), on a line that says it is something else (born, died, founded, since,
# kick-off, …), or next to a fixture line. A date without a year ("SEOUL, July 3 (Yonhap) -") gives
# no date: nothing in the text alone settles the year soundly. A weekday fits one year in seven;
# the years a text mentions include forecasts and past results; the same day written with a year
# elsewhere was, in the one case among 9,505 Reuters articles, a bond's maturity ("due March 31, 1999").
HEAD_LINES = 4
LINE_CHARS = 300
SHORT_LINE = 120  # a line this short may hold its date between separators ("Jo Bloggs – 3 March 2021")
EARLIEST_YEAR = 1900

_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTHS = {**{name: number for number, name in enumerate(_MONTH_NAMES, 1)},
           **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)}, "sept": 9}
_WEEKDAY_NAMES = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAYS = {**{name: number for number, name in enumerate(_WEEKDAY_NAMES)},
             **{name[:3]: number for number, name in enumerate(_WEEKDAY_NAMES)}, "tues": 1, "thur": 3, "thurs": 3}


def _words(names: dict[str, int]) -> str:
    return "(?i:" + "|".join(sorted(names, key=len, reverse=True)) + r")\b\.?"


_MON, _WD = _words(_MONTHS), _words(_WEEKDAYS)
# "Friday, 4 January 2019", "Fri 4th of Jan. 2019", "January 4, 2019", "Feb 26" (no year), "2019-01-04T09:15Z".
_DATE = re.compile(  # (one word boundary and a first-letter check up front: the scan is 3x faster)
    rf"\b(?=[0-9JFMASONDTWjfmasondtw])(?:(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MON})|(?P<m2>{_MON})\s*(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\b)(?:(?:,\s*|\s+)(?P<y>\d{{4}})\b)?"
    r"|(?P<y3>\d{4})[-/](?P<m3>\d{2})[-/](?P<d3>\d{2})"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b)")
_TIME = (r"(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?i:[ap]\.?m\.?)?|\d{1,2}\s*(?i:[ap]\.?m\.?))"
         r"(?:\s*\(?(?:[A-Z]{2,5}|UTC\s*[+-]\s*\d{1,2})\)?)?")
_SEPARATORS = "|•·–—"
_UPDATE_MARKER = r"updated|last updated|modified|last modified"
_MARKER = (rf"(?P<marker>(?i:first published|published|posted|{_UPDATE_MARKER}|"
           r"publication date|date|dated|released|issued))")
# What may stand before a date on a date line, and after it.
_LEAD = re.compile(rf"\s*(?:(?i:by)\s+[A-Z][^,{_SEPARATORS}\d\n]{{0,60}}?\s*[,{_SEPARATORS}-]?\s*)?"
                   rf"(?:{_MARKER}\s*(?:(?i:on|at)\s+)?:?\s*)?(?:(?i:at\s+)?{_TIME}\s*[,{_SEPARATORS}-]?\s*)?")
_TAIL = re.compile(rf"\s*(?:,?\s*(?:(?i:at)\s+)?{_TIME})?\s*"
                   rf"(?:$|[{_SEPARATORS}]|--?\s|(?i:by)\s|(?i:{_UPDATE_MARKER})\b)")
_PARTS = re.compile(rf"[{_SEPARATORS}]|\s-\s")
# A dateline: a place (with up to three qualifiers: "ROCHESTER, N.Y.,") before the date; a credit
# ("(Reuters)", "/PRNewswire/") and a dash, or the line's end, after it.
_PLACE_LEAD = re.compile(r"\s*(?P<place>[A-ZÀ-Þ][\w.'’-]*(?:[ /-][A-ZÀ-Þ][\w.'’-]*){0,3})"
                         r"(?:\s*,\s*[A-ZÀ-Þ][\w.'’]*(?:\s[A-ZÀ-Þ][\w.'’]*){0,2}){0,3}\s*(?:[,(]|(?<=\.))\s*")
_DATELINE_TAIL = re.compile(r"\s*\)?\s*(?:\(\s*[A-Za-z][\w .&-]{0,30}\)|/\s*[A-Za-z][\w .&-]{0,30}/)?"
                            r"\s*(?:--|[-–—:]|$)")
_NOT_PLACES = {"yesterday", "today", "tomorrow", "on", "and", "but", "also", "however", "meanwhile", "then", "last",
               "next", "this", "that", "until", "since", "from", "by", "as", "in", "at"}
# A range: "3–5 March 2021", "from 3 March", "3 March 2021 – 5 March 2021", "March 3 to April 1".
_RANGE_BEFORE = re.compile(r"(?:\d\s*(?:st|nd|rd|th)?\s*(?:[-–—]|to|and)\s*"
                           r"|\b(?i:from|between|to|until|till|through|and)\s+)$")
_RANGE_AFTER = re.compile(rf"\s*(?:[-–—]|--|\b(?:to|until|till|through|and)\b)\s*(?:{_WD},?\s+)?"
                          rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:{_MON}|\d{{4}}\b)|{_MON}\s*\d{{1,2}}\b|\d{{4}}\b)")
# A line that says its date is something else than publication.
_NOT_PUBLICATION = re.compile(r"(?i)\b(?:born|died|dies|death|founded|established|since|until|till|kick[- ]?off|"
                              r"fixtures?|matchday|venue|referee|attendance|aged?|birthday|anniversary|deadline|due)\b")
# A neighbouring line that makes a lone date a fixture's ("Arsenal v Chelsea", "Kick-off 19:45"); a
# long line with "v" is prose (a court case "Roe v Wade" in a sentence), a fixture line is short.
_FIXTURE = re.compile(r"(?i:\b(?:kick[- ]?off|fixtures?|matchday|venue|referee)\b)"
                      r"|^.{0,60}?[A-Z]\w*\s+v(?:s\.?)?\s+[A-Z].{0,40}$")


def find_date(text: str, today: date | None = None) -> date | None:
    """The publication date written in the head of `text` (a dateline or a date line, see above),
    or None when there is none that can be trusted; `today` (default: the real today) bounds it."""
    lines = _head(text)
    latest = (today or date.today()) + timedelta(days=1)
    updated: date | None = None
    for number, line in enumerate(lines):
        for match in _DATE.finditer(line):
            kind = _where(line, match, first=number == 0)
            if kind is None or not _fits(lines, number, match, kind == "dateline"):
                continue
            found = _to_date(match)
            if found is None or not date(EARLIEST_YEAR, 1, 1) <= found <= latest:
                continue
            if kind != "updated":
                return found
            updated = updated or found
    return updated


def _head(text: str) -> list[str]:
    """The first HEAD_LINES non-empty lines, each cut to LINE_CHARS."""
    head: list[str] = []
    for line in text.lstrip().split("\n", 3 * HEAD_LINES):  # (blank lines between the head lines are common)
        if line.strip():
            head.append(line[:LINE_CHARS])
            if len(head) == HEAD_LINES:
                break
    return head


def _where(line: str, match: re.Match[str], first: bool) -> str | None:
    """ "dateline", "dated" (a date line), "updated" (a date line marked as an update), or None (in
    a sentence). On the first line, usually the title, only a whole date line or a dateline counts:
    a title's trailing date ("Remembering the Blitz – 7 September 1940") is what it is about."""
    before, after = line[:match.start()], line[match.end():]
    place = _PLACE_LEAD.fullmatch(before)
    if place and place.group("place").lower() not in _NOT_PLACES and _DATELINE_TAIL.match(after):
        return "dateline"
    if not _TAIL.match(after):
        return None
    lead = _LEAD.fullmatch(before)
    if lead is None and not first and len(line.strip()) <= SHORT_LINE:  # a part between separators
        lead = _LEAD.fullmatch(_PARTS.split(before)[-1])
    if lead is None:
        return None
    marker = (lead.group("marker") or "").lower()
    return "updated" if marker and re.fullmatch(_UPDATE_MARKER, marker) else "dated"


def _fits(lines: list[str], number: int, match: re.Match[str], dateline: bool) -> bool:
    """False for a date in a range, on a line saying it is not a publication, or beside a fixture line."""
    line = lines[number]
    if _RANGE_BEFORE.search(line[:match.start()]) or (not dateline and _RANGE_AFTER.match(line, match.end())):
        return False
    if _NOT_PUBLICATION.search(line[:match.start()] if dateline else line):  # (a dateline's story follows it)
        return False
    return not any(_FIXTURE.search(lines[i]) for i in (number - 1, number + 1) if 0 <= i < len(lines))


def _to_date(match: re.Match[str]) -> date | None:
    """The calendar date of a match; None when it has no year, is impossible, or its weekday is not the date's."""
    if match.group("y3"):
        return _calendar(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
    month = _MONTHS[(match.group("m1") or match.group("m2")).rstrip(".").lower()]
    day = int(match.group("d1") or match.group("d2"))
    found = _calendar(int(match.group("y")), month, day) if match.group("y") else None
    weekday = match.group("wd")
    if found and weekday and _WEEKDAYS[weekday.rstrip(".").lower()] != found.weekday():
        return None
    return found


def _calendar(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
