"""Speakers who are the subject of a time clause: "The vote came a day after Senator X said the bill was dead",
"Prices rose after Prime Minister X warned of cuts", "the dispute grew when President X announced tariffs".

Attribution (`attribution.py`) reads a name after a preposition as an object ("a meeting after President X's
speech", "the talks before Y"), and "after"/"before" are prepositions there; but a name right before its own verb of
saying, with only what may stand between a speaker and the verb (`SpeechRules.gap`), is the subject of a clause that
"after", "before", "since", "when", "until" or "once" opens. Only verbs that are speech by themselves count (not the
ones that need a quotation or a clause, `quote_verbs`, nor a participle or "according to"), right after the name
(`_CLOSE`: no passive "after X was told", no apposition, no other verb), and no name inside a quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from search.ingest.enrich.attribution_view import Attribution
from search.ingest.enrich.speech_rules import NAMING

__all__ = ["clause_speakers"]


# The conjunction (searched once over the text), then the first name after it, titles or role words between ("after
# Prime Minister X", "when the Finance Minister X")
# (each word's boundary tested after its first letter, `(?<=\ba)`, not before it: the same matches, but `re` then skips
# to the next candidate letter instead of trying the boundary at every position of the text, a third faster)
_CONJUNCTION = re.compile(r"(?:a(?<=\ba)fter|b(?<=\bb)efore|s(?<=\bs)ince|w(?<=\bw)hen|u(?<=\bu)ntil|o(?<=\bo)nce)\s+")
_REACH = 60  # characters from the conjunction to the name
_VERB_REACH = 80  # characters after a name searched for its verb
# Between the name and its verb: a party or an age in brackets, a few adverbs ("after Senator X (R-Ohio) said", "when X
# publicly announced", "after X last week warned"); no comma (an apposition may close a preposition's object:
# "Standing before Judge X, Y said") and no other verb ("after X upgraded the stock and added it to the list").
_CLOSE = re.compile(r"(?:\s*\([^()\n]{0,30}\))?(?:\s+(?:also|later|had|has|have|first|again|then|publicly|last\s+week"
                    r"|on\s+[A-Z][a-z]+day|[a-z]+ly))*\s+")


def clause_speakers(a: Attribution) -> set[str]:
    """The names that open a time clause as the subject of a verb of saying (see the module docstring)."""
    text, rules, found = a.text, a.rules, set()
    for conjunction in _CONJUNCTION.finditer(text):
        k = bisect_left(a.starts, conjunction.end())
        if k >= len(a.mentions) or a.starts[k] - conjunction.end() > _REACH:
            continue
        mention, name = a.mentions[k]
        words = text[conjunction.end():mention.start].split()  # (only titles and capitalised words between)
        if len(words) > 5 or any(word.islower() and word != "the" and word.lower() not in rules.titles
                                 for word in words) or a.quoted(mention.start) or text.startswith(("'s", "’s"),
                                                                                                  mention.end):
            continue
        verb = rules.verbs.search(text, mention.end, mention.end + _VERB_REACH)
        if verb and verb.group() not in rules.quote_verbs and verb.group() not in rules.participles and (
                verb.group() not in NAMING) and _CLOSE.fullmatch(text, mention.end, verb.start()):
            found.add(name)
    return found
