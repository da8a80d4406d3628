"""Names that the text also writes as a company's name with its legal form: a firm, not a person.

Business news names a company in full once ("Quorvex Inc said its board …", "Pellorin Data Systems Corp",
"Dean Vessick Dorlan Inc") and then by its short name ("Quorvex sold its unit", "Pellorin's former
president"). The short name is a capitalised run without a title, so `names.py` reads it as
a person's name, and the full name's mention (part of an organisation's name) does not stop it: a one-word name
inside an organisation's name is often a person's ("the Reagan administration"), and two-word firm names look
like a given name and a surname ("Vessick Dorlan"). The cue no person's name gives is a
legal form after the run: a name that, somewhere in the text, is followed by at most two more capitalised words
and then a form ("Inc", "Corp", "Ltd", "and Co", "Brothers") names the firm, and a firm named after its
founders names no person (the gold rules, round 10). A name with its own person cue stays: a title on one of its
mentions ("Mr Quorvex") or a known given name before its last word ("Michael Dorvak" beside "Michael Dorvak Co").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

__all__ = ["firm_names"]

_MAX_BETWEEN = 2  # capitalised words between the name and the form: "Pellorin Data Systems Corp"
_MAX_RUN = 6  # words of the capitalised run read before a form
_LOOK_BACK = 80  # characters read before a form for its run
# "he" or "she" (or "his", "her", "him") later in the sentence of a mention: a person's cue no firm takes.
_PRONOUN_AFTER = re.compile(r"[^.!?\n]{0,60}?\b(?:he|she|his|her|him)\b")


@cache
def _forms() -> re.Pattern[str]:
    """A legal form as a whole word: the list `legal_forms` of the `[companies]` table of `people.toml`."""
    data = tomllib.loads(resources.files(__package__).joinpath("people.toml").read_text("utf-8"))
    forms = "|".join(sorted((re.escape(form) for form in data["companies"]["legal_forms"]), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])")


def _run_before(text: str, at: int) -> list[str]:
    """The capitalised words right before offset `at` (an "and" or "&" before the form skipped), nearest last;
    a word ending in a comma or full stop ends the run ("Acme, Beta Inc": only "Beta")."""
    words = text[max(0, at - _LOOK_BACK):at].split()
    if words and words[-1] in ("and", "&"):
        words.pop()
    run: list[str] = []
    for word in reversed(words[-_MAX_RUN:]):
        word = word.strip("()")  # "Tavrin Oskel (Holdings) Ltd"
        if not word[:1].isupper() or word[-1] in ",.;:":
            break
        run.append(word)
    return run[::-1]


def firm_names(text: str, mentions: Iterable[tuple[int, int, str, str]], given_names: Mapping[str, str]) -> set[str]:
    """The names of `mentions` ((start, end, title, name) of each kept mention) that the text writes before a
    company's legal form (see the module's docstring), except those with a person's cue: a title right before one
    of their mentions on its own line (not a headline's last word: "…NAMES CHAIRMAN⏎Quorvex Inc"), "he" or "she"
    after one in its sentence ("Lara Quillon said she agreed"), or a known given name (`given_names`) before
    their last word."""
    firms: set[str] = set()
    for found in _forms().finditer(text):
        words = _run_before(text, found.start())
        for start in range(len(words)):
            for end in range(max(start + 1, len(words) - _MAX_BETWEEN), len(words) + 1):
                firms.add(" ".join(words[start:end]))
    if not firms:
        return set()
    mentions = [m for m in mentions if m[3] in firms]
    cued = {name for start, end, title, name in mentions
            if title and text[max(0, start - 24):start].rstrip(" ").lower().endswith(title)
            or _PRONOUN_AFTER.match(text, end)}
    return {name for _, _, _, name in mentions if name not in cued
            and not any(word.lower() in given_names for word in name.split()[:-1])}
