"""Speakers who speak in public without a verb of saying (gold rule 8: public speaking is speech).

Diplomatic statements and news name someone who spoke without saying what: "President X delivered a speech
entitled …", "when he presented his report to the General Assembly", "X stood before the Assembly and tore up the
Charter", "the witness took the stand". Each credits the clause's subject, resolved as for "said" (a name, a role
set off after it, "he"/"she", or a post whose one holder is named: `attribution.Attribution.before`). Only forms
that name an oral act and its stage count: "made a statement", "gave an interview", "stood at the rostrum"; not
"made a proposal" or "presented a plan" (an initiative is no speech), nor "delivered a message" (a courier may).
Unlike the speakers of record (`of_record.py`, first lines only: who speaks in THIS text), these count anywhere in a
text, as the labelling rules credit a speech someone made elsewhere.

A speech named by a relative clause credits the clause's subject too (round 10): "the words that the Holy Father Pope X
pronounced here", "the reform agenda that President X outlined in his inaugural speech", "the notion which President X
evoked in her opening statement", "the challenges that the Secretary-General described in his statement" (a post,
resolved to its one named holder as for "said"). The clause must open with the name (titles only before it) and its
verb must be an oral one after a speech noun ("the call that X made"), or be followed by "in his/her <speech>"; not
"the plan that X presented" nor "the ideals that X embodied" (no speech named), nor "the call that I made" (the
speaker of the text, whom the record names).
"""

from __future__ import annotations

import re
from typing import Protocol

from search.ingest.enrich.of_record import alternation
from search.ingest.enrich.proxy_speech import proxy_speakers

__all__ = ["public_speakers"]


class _Attribution(Protocol):
    """What these rules read of `attribution.Attribution`."""

    text: str

    def quoted(self, pos: int) -> bool: ...
    def sentence_start(self, pos: int) -> int: ...
    def before(self, sentence: int, verb: int) -> list[str]: ...
    def after(self, end: int, sentence: int, gap: re.Pattern[str], set_off: bool = False,
              joined: bool = False) -> list[str]: ...

    gender: dict[str, str]


# An oral act and its stage, right after its subject (matched at each opening verb, `_VERBS`): "delivered a keynote
# speech", "gave an interview", "made the opening remarks", "made that point" (round 11; not "made a point of"
# doing, an idiom, nor "made the decisive point" in a game), "presented his report", "stood before the General
# Assembly", "stood at this rostrum", "took the floor", "took the stand" (a witness), "made an urgent appeal", "made a
# call for", "drew our attention to" (a warning given, round 10). Not passive (`before` finds no
# subject after "was"), not "the speech he gave" (the verb must open the phrase).
_ORAL_ACT = re.compile(
    r"(?:(?:delivered|delivers|gave|gives|made|makes)\s+(?:an?|the|his|her|their|this|that)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:address|speech|remarks|statement|lecture|keynote|sermon|eulogy|toast|interview|appeal|plea"
    r"|call\s+for)"
    r"|(?:made|makes)\s+(?:that|this|the\s+same|a\s+similar|the\s+following|a\s+valid|an\s+important)\s+point"
    r"|present(?:ed|s)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:report|findings|statement|testimony)"
    r"|(?:stood|stands)\s+(?:before|at|behind)\s+(?:the|this)\s+(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:rostrum|podium|lectern|tribune|Assembly|microphones?)"
    r"|(?:took|takes)\s+the\s+(?:floor|podium|rostrum|stand)"
    r"|(?:drew|draws|drawn)\s+(?:our|the|the\s+world[’']s|the\s+international\s+community[’']s)\s+attention)(?:es|s)?\b")
# The opening verbs, a trie searched once ("made ", "gave ", …: cheaper than searching the whole text for
# `_ORAL_ACT`, which is matched only where one of them stands)
_VERBS = re.compile(alternation({"delivered ", "delivers ", "gave ", "gives ", "made ", "makes ", "presented ",
                                 "presents ", "stood ", "stands ", "took ", "takes ", "drew ", "draws ", "drawn "}))


# A relative clause opened by a name (titles before it) after "that"/"which", with its verb right after the name.
_CLAUSE_SUBJECT = r"(?:(?:the|our|my)\s+)?(?:[A-Z][\w.’'-]*\s+){1,6}(?:[a-z]+ly\s+)?(?:(?:has|had|just)\s+)?"
# "the words that X pronounced", "the call that X made": a speech noun before " that "/" which " (each relative found
# by `str.find`, the noun by `str.endswith`: cheaper than a search for the nouns), then its subject (group 1) and an
# oral verb
_SPOKEN_NOUNS = ("words", "statement", "speech", "message", "remarks", "appeal", "call", "warning", "address")
_SPOKEN = re.compile(r"(?=(?:(?:the|our|my)\s+)?[A-Z])(" + _CLAUSE_SUBJECT + r")(?:made|delivered|gave|pronounced|spoke"
                     r"|uttered|wrote|sent|issued|voiced|expressed)\b")
# "the agenda that X outlined in his inaugural speech": any antecedent, the speech named after the verb; looked for
# back from each "in his"/"in her" that names a speech
_IN_SPEECH = re.compile(r"(?<![\w-])in\s+(?:his|her)\s+(?:[\w-]+\s+){0,3}?(?:address|speech|statement|remarks"
                        r"|message|interview|lecture)s?\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which)\s+(?=(?:(?:the|our|my)\s+)?[A-Z])(" + _CLAUSE_SUBJECT
                              + r")[a-z]+ed\s+$")
_RELATIVE_REACH = 120  # characters from "that"/"which" to "in his"


def public_speakers(a: _Attribution) -> set[str]:
    """The subjects of the oral acts (`_ORAL_ACT`) of `a`'s text outside quotations, and of the relative clauses
    that name a speech (`_SPOKEN`, `_IN_SPEECH`)."""
    text, found = a.text, set()
    for verb in _VERBS.finditer(text):
        at = verb.start()
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and _ORAL_ACT.match(
                text, at) and not a.quoted(at):
            found.update(a.before(a.sentence_start(at), at))
    for relative in (" that ", " which "):  # "the words that X pronounced"
        at = text.find(relative)
        while at >= 0:
            noun = next((n for n in _SPOKEN_NOUNS if text.endswith(n, 0, at)), "") if text.endswith(
                _SPOKEN_NOUNS, 0, at) else ""
            spoken = _SPOKEN.match(text, at + len(relative)) if noun else None
            if spoken and not text[at - len(noun) - 1:at - len(noun)].isalnum() and not a.quoted(at):
                found.update(a.before(spoken.start(1), spoken.end(1)))
            at = text.find(relative, at + len(relative))
    for opening in ("in his", "in her"):  # "the agenda that X outlined in his inaugural speech"
        at = text.find(opening)
        while at >= 0:
            clause = _RELATIVE_BEFORE.search(text, max(0, at - _RELATIVE_REACH), at) if _IN_SPEECH.match(
                text, at) else None
            if clause and not a.quoted(at):
                wanted = "m" if opening == "in his" else "f"  # (the pronoun's gender, if the name's is known)
                found.update(name for name in a.before(clause.start(1), clause.end(1))
                             if a.gender.get(name, wanted) == wanted)
            at = text.find(opening, at + len(opening))
    return found | proxy_speakers(a)  # a statement delivered for its principal: "has asked me to deliver"
