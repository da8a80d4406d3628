"""A statement delivered for someone else: its principal speaks (gold rule 32, and the round 6 and 9 calls).

UN statements are often read by a minister for a head of state who could not come, and say so in their own words:
"His Excellency Mr. X, President of Y, has given me the honour of delivering this address", "The President, Mr. X,
has asked me to deliver this message on his behalf", "X … instructed me to read out the following message", "I am
honoured to read the statement of my President, His Excellency X", "to deliver the statement of the President of Y,
His Excellency Mr. X". The one who gave the charge (the clause's subject, resolved as for "said": a name, a role set
off after it, a post's one holder; not "he", often a king named only by a style, "His Majesty") or the one whose
statement it is (the name set off after "of my President, …") is a speaker. Only a charge given to the speaker ("me")
to deliver, read, present or convey a statement, address, message or speech counts; "the Council asked the
Secretary-General to present a report" and "the statement of the Government" credit no one.
"""

from __future__ import annotations

import re
from typing import Protocol

__all__ = ["proxy_speakers"]


class _Attribution(Protocol):
    """What these rules read of `attribution.Attribution`."""

    text: str

    def quoted(self, pos: int) -> bool: ...
    def sentence_start(self, pos: int) -> int: ...
    def before(self, sentence: int, verb: int) -> list[str]: ...
    def after(self, end: int, sentence: int, gap: re.Pattern[str], set_off: bool = False,
              joined: bool = False) -> list[str]: ...


_SPEECH = r"(?:[a-z]+\s+)?(?:statement|address|message|speech)"
# "has given me the honour of delivering this address", "asked me to deliver this message", "instructed me to read out
# the following message", "has delegated me to represent him and deliver the national statement": the charge's verb
# (group 1) after its subject
_CHARGE = re.compile(r"\b(given|asked|directed|instructed|entrusted|mandated|requested|charged|delegated)\s+me\s+"
                     r"(?:the\s+(?:honour|privilege)\s+of\s+|to\s+|with\s+)(?:[a-z]+\s+){0,4}?(?:deliver|delivering"
                     r"|read|reading|present|presenting|convey|conveying)\s+(?:out\s+)?(?:his|her|the|this|a)\s+"
                     + _SPEECH + r"\b")
# "the statement of my President, His Excellency X": the statement read or delivered, then its owner's post set off
# before the name; looked for from each of the nouns in a text that addresses someone by protocol or owns the post
_OF_POST_NOUNS = ("statement", "address", "message", "speech")
_OF_OWNER = re.compile(r"\s+of(?=\s+(?:my|our|the)\s)")
_DELIVERED = re.compile(r"\b(?:deliver|read|present|convey)(?:ing)?\s+(?:out\s+)?(?:the|this)\s+(?:[a-z]+\s+)?$")
# "he has delegated me": a pronoun is left alone (the one it stands for is often named only by a style, "His Majesty",
# while the last name before it is another's)
_PRONOUN_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:(?:has|had|also|kindly)\s+)*$")
_POST_SET_OFF = re.compile(r"\s+(?:my|our|the)(?:\s+[\w’'.-]+){1,10}?,\s+(?:[A-Z][\w’'.-]*\s+){0,4}")


def proxy_speakers(a: _Attribution) -> set[str]:
    """The principals of the statements delivered for them in `a`'s text (see the module docstring)."""
    text, found = a.text, set[str]()
    if " me " in text:
        for charge in _CHARGE.finditer(text):
            sentence = a.sentence_start(charge.start())
            if not a.quoted(charge.start()) and not _PRONOUN_BEFORE.search(text, sentence, charge.start()):
                found.update(a.before(sentence, charge.start(1)))
    for noun in _OF_POST_NOUNS if "Excellency" in text or " of my " in text or " of our " in text else ():
        at = text.find(noun)
        while at >= 0:
            of = _OF_OWNER.match(text, at + len(noun))
            if of and _DELIVERED.search(text, max(0, at - 40), at) and not a.quoted(at):
                found.update(a.after(of.end(), a.sentence_start(of.end()), _POST_SET_OFF, set_off=True))
            at = text.find(noun, at + len(noun))
    return found
