"""Frames of a sentence in which a capitalised run names a firm or a party, never a person.

Market reports and election results write names in frames no person stands in: a share figure comes before a
firm ("a 12 pct stake in Dunmore Hale", "19.1 pct Alder Foods, 17.2 pct Brinkley Mills") and a tally of seats
after a party ("Cymru Unida - 4 seats", "Partido Verde (3 seats)", "Volt Alba won 12 seats"). Such runs look like
two-word names (neither word is a common word) and so pass every rule of `names.py`; the frame is the one cue the
text gives. A name written with a title anywhere in the text ("Mr Dunmore Hale") stays a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["framed_things"]

# A share figure right before the run: "12 pct", "40%", "30 per cent", "a 5 pct stake in", "a stake in",
# "51 pct of". (Not "interest in" alone: "an interest in Picasso".)
_FIGURE_BEFORE = re.compile(
    r"(?:\d\s*(?:pct|%|per\s?cent)(?:\s+(?:stake|interest|holding|share|shareholding)\s+in|\s+of)?"
    r"|\b(?:stake|holding|shareholding)s?\s+in)\s+$", re.IGNORECASE)
# A tally of seats right after the run: "- 4 seats", ": 12 seats", "(3 seats)", "won 12 seats" (a plural: a
# candidate wins "a seat").
_SEATS_AFTER = re.compile(
    r"(?:\s*[-–—:,]\s*|\s*\(\s*|\s+(?:won|wins|took|takes|holds|held|gained|gains|kept|keeps)\s+)"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty(?:-\w+)?)\s+seats\b", re.IGNORECASE)
_WINDOW = 40  # characters on either side of a mention that the frames read
_CUES = ("pct", "%", "per cent", "percent", "stake", "holding", "seats")


def framed_things(text: str, mentions: Iterable[tuple[int, int, str, str, bool]]) -> set[str]:
    """The names (of (start, end, title, name, written whole) mentions) that a share figure precedes or a tally of
    seats follows in at least one mention written whole, and that no mention gives a title."""
    if not any(cue in text for cue in _CUES):  # (most texts: no figure, no tally)
        return set()
    framed: set[str] = set()
    titled: set[str] = set()
    for start, end, title, name, whole in mentions:
        if title:
            titled.add(name)
        elif whole and (_FIGURE_BEFORE.search(text, max(0, start - _WINDOW), start)
                        or _SEATS_AFTER.match(text, end, end + _WINDOW)):
            framed.add(name)
    return framed - titled
