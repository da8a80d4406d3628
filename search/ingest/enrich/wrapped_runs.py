"""Runs of capitalised words across line breaks (`names.py`): hard-wrapped text breaks a name anywhere
("Chancellor of the Exchequer Nigel⏎Lawson", newswire's "Administrator Ann⏎Doe told …"), while lists and tables
put one name or row a line. Kept apart from the name rules so that each module stays readable.
"""

from __future__ import annotations

import re

__all__ = ["unwrapped"]

_WRAP = re.compile(r"[ \t]*\n[ \t\n]*")
_PROSE_AFTER = re.compile(r"(?:['’]s)?,?[ \t]+[a-z]{2,}\b")


def unwrapped(text: str, start: int, run: str) -> list[tuple[int, str]]:
    """A run of capitalised words that crosses line breaks, as the pieces (start, words) to read as
    runs: one run across a break of hard-wrapped text ("Chancellor of the Exchequer Nigel⏎Lawson"),
    but split at a blank line, at a break that ends the first line (a title), and at every break when
    the run began its line, unless the next line goes on unindented in lower case after the run (lists of names
    or table rows, one a line, and indented paragraphs; but "Finance Minister Ann⏎Doe told reporters …" is one
    run)."""
    title_end = text.find("\n")
    at_line_start = not text[text.rfind("\n", 0, start) + 1:start].strip()
    pieces: list[tuple[int, str]] = []
    begin = 0
    for wrap in _WRAP.finditer(run):
        if (at_line_start and (wrap.group()[-1] != "\n" or _name_a_line(text, start + wrap.end(), start + len(run)))
                or wrap.group().count("\n") > 1
                or start + wrap.start() + wrap.group().index("\n") == title_end):
            pieces.append((start + begin, run[begin:wrap.start()]))
            begin = wrap.end()
    pieces.append((start + begin, run[begin:]))
    return pieces


def _name_a_line(text: str, line: int, run_end: int) -> bool:
    """Whether the line that begins at `line` is not hard-wrapped prose going on after the run ending at `run_end`
    in lower case on that line ("Ann⏎Doe told reporters", "Ann⏎Doe, an economist, said"): a list's next name."""
    end = text.find("\n", line)
    return run_end > (len(text) if end < 0 else end) or not _PROSE_AFTER.match(text, run_end)
