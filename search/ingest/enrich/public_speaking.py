"""Speakers who speak in public without a verb of saying (gold rule 8: public speaking is speech).

Diplomatic statements and news name someone who spoke without saying what: "President X delivered a speech
entitled …", "when he presented his report to the General Assembly", "X stood before the Assembly and tore up the
Charter", "the witness took the stand". Each credits the clause's subject, resolved as for "said" (a name, a role
set off after it, "he"/"she", or a post whose one holder is named: `attribution.Attribution.before`). Only forms
that name an oral act and its stage count: "made a statement", "gave an interview", "stood at the rostrum"; not
"made a proposal" or "presented a plan" (an initiative is no speech), nor "delivered a message" (a courier may).
Unlike the speakers of record (`of_record.py`, first lines only: who speaks in THIS text), these count anywhere in a
text, as the labelling rules credit a speech someone made elsewhere.
"""

from __future__ import annotations

import re
from typing import Protocol

from search.ingest.enrich.of_record import alternation

__all__ = ["public_speakers"]


class _Attribution(Protocol):
    """What these rules read of `attribution.Attribution`."""

    text: str

    def quoted(self, pos: int) -> bool: ...
    def sentence_start(self, pos: int) -> int: ...
    def before(self, sentence: int, verb: int) -> list[str]: ...


# An oral act and its stage, right after its subject (matched at each opening verb, `_VERBS`): "delivered a keynote
# speech", "gave an interview", "made the opening remarks", "presented his report", "stood before the General
# Assembly", "stood at this rostrum", "took the floor", "took the stand" (a witness). Not passive (`before` finds no
# subject after "was"), not "the speech he gave" (the verb must open the phrase).
_ORAL_ACT = re.compile(
    r"(?:(?:delivered|delivers|gave|gives|made|makes)\s+(?:an?|the|his|her|their|this|that)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:address|speech|remarks|statement|lecture|keynote|sermon|eulogy|toast|interview)"
    r"|present(?:ed|s)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:report|findings|statement|testimony)"
    r"|(?:stood|stands)\s+(?:before|at|behind)\s+(?:the|this)\s+(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:rostrum|podium|lectern|tribune|Assembly|microphones?)"
    r"|(?:took|takes)\s+the\s+(?:floor|podium|rostrum|stand))(?:es|s)?\b")
# The opening verbs, a trie searched once ("made ", "gave ", …: cheaper than searching the whole text for
# `_ORAL_ACT`, which is matched only where one of them stands)
_VERBS = re.compile(alternation({"delivered ", "delivers ", "gave ", "gives ", "made ", "makes ", "presented ",
                                 "presents ", "stood ", "stands ", "took ", "takes "}))


def public_speakers(a: _Attribution) -> set[str]:
    """The subjects of the oral acts (`_ORAL_ACT`) of `a`'s text outside quotations."""
    text, found = a.text, set()
    for verb in _VERBS.finditer(text):
        at = verb.start()
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and _ORAL_ACT.match(
                text, at) and not a.quoted(at):
            found.update(a.before(a.sentence_start(at), at))
    return found
