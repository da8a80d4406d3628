"""Speakers named as the agent ("by X") of speech reported in the passive, where something stands between the verb
and "by", or whose speech is named after them (issue 11, round 11).

Statements cite what others said in the passive voice: "as was recalled at the opening of this session by the
President of Y, Mrs. X", "the point was stressed yesterday by Minister X", "a vision most eloquently articulated in
the Assembly by Prime Minister X"; or name the speech after its author: "the criteria laid down by President X in his
speech in May", "the principles set out by X in her statement". Attribution (`attribution.py`) reads "voiced by X"
only with "by" right after the verb, and a name after "by" is otherwise an object, not a speaker. Here:
- a verb of saying after "was"/"were"/"been"/"is"/"are" or a comparative "as", then a setting of place or time ("at
  …", "in …", "during …", "here", "yesterday", …) right before "by" (`_PASSIVE`): the name right after "by" (titles
  between, or a role set off before it: "by the President of Y, Mrs. X,") spoke. Only verbs of saying: never the
  actor of a deed ("the attack carried out in May by X", "elected in 2010 by"), nor the agent of another clause
  after a comma in the setting ("as noted in the review, and during the visit by X");
- "by X in his/her <speech noun>": X spoke (of the pronoun's gender when X's is known), whatever the verb before
  ("laid down", "outlined", "set out": what the speech did); not "written by X in her spare time".
Each " by " is found with `str.find` and only the text before or after it is matched, as a full search of every
text for the passive would cost more than these few places.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from search.ingest.enrich.attribution_view import Attribution
from search.ingest.enrich.speech_rules import TITLES_GAP

__all__ = ["agent_speakers"]


_REACH = 160  # characters before " by " searched for the passive verb and its setting
# The passive (or "as …") verb of saying, then a setting that ends right before " by ".
_PASSIVE = re.compile(
    r"\b(?:was|were|been|is|are|[Aa]s)\s+(?:(?:most|so|very|more|quite)\s+)?(?:[a-z]+ly\s+)?(?:said|stated|recalled|noted|stressed|emphasi[sz]ed"
    r"|underlined|underscored|highlighted|mentioned|expressed|voiced|declared|proclaimed|affirmed|reaffirmed|observed"
    r"|remarked|reiterated|announced|articulated|echoed|pointed\s+out|put\s+it|warned|recognized|recognised)"
    r"\s+(?:at|in|during|on|here|there|yesterday|earlier|today|last|this|before|from)\b[^,.;:!?“”\"\n]{0,120}$")
# After the agent's name: the speech it made ("…, in his address to the Assembly"), a comma allowed before it.
_OWN_SPEECH = re.compile(r"\s*,?\s+in\s+(his|her)\s+(?:[\w-]+\s+){0,3}?(?:address|speech|statement|remarks|message"
                         r"|letter|lecture|interview)(?:es|s)?\b")


def agent_speakers(a: Attribution) -> set[str]:
    """The agents of passive speech and the authors of a speech named after them (see the module docstring)."""
    text, found = a.text, set[str]()
    at = text.find(" by ")
    while at >= 0:
        end = at + 3  # (after "by": the gaps begin with the space)
        if not a.quoted(at):
            sentence = a.sentence_start(at)
            if _PASSIVE.search(text, max(sentence, at - _REACH), at):
                found.update(a.after(end, sentence, TITLES_GAP) or a.after(end, sentence, a.rules.role_apposition,
                                                                            True))
            found.update(_speech_after(a, end, sentence))
        at = text.find(" by ", end)
    return found


def _speech_after(a: Attribution, end: int, sentence: int) -> list[str]:
    """ "by X in his speech": X, when only titles stand between "by" and the name and the pronoun fits X."""
    k = bisect_left(a.starts, end)
    if k >= len(a.mentions):
        return []
    mention, name = a.mentions[k]
    speech = _OWN_SPEECH.match(a.text, mention.end)
    if not speech or a.sentence_start(mention.start) != sentence or not TITLES_GAP.fullmatch(
            a.text, end, mention.start):
        return []
    wanted = "m" if speech.group(1) == "his" else "f"
    return [name] if a.gender.get(name, wanted) == wanted else []
