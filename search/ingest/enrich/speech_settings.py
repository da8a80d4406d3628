"""Speakers placed by the setting of their speech rather than by a verb of saying.

Speakers of record, by the form of the text (the cues of `of_record.py`: transcript turns, addresses, greetings,
calls), and two forms added in issue 11's round 6, each seen across many UN statements and news articles of the
unlabelled corpora:
- a speech of one's own that frames what a named person did: "In his address to the conference, Prince X
  welcomed …", "During her eulogy, X took a shot at …", "X, in his maiden speech, envisioned …", "the agenda
  that President X outlined in his inaugural speech" (the person must open the clause, and be of the
  pronoun's gender when that is known: "Y praised X in his speech" credits no X);
- a speech heard by an audience that names itself: "the Assembly has heard from both Prime Minister X and
  President Y", "we heard President X urge …", "President X, whom we have just heard" (the hearers are the
  speaker's "we"/"I" or a body that sits to hear speeches; not "police have not heard from X", "I heard from
  friends that …": no name right after);
- a statement delivered in another's name: "I have the honour to address the Assembly on behalf of His Majesty
  King X", "on behalf of the President of Y, Mr. X, I congratulate …" (only in a sentence that speaks in the first
  person or of a speech, and X addressed by protocol, so "a lawsuit filed on behalf of X" credits nobody).
It also gathers the speakers of `public_speaking.py` (an oral act), `subordinate_speech.py` (a time clause's subject)
and `agent_speech.py` (round 11: the agent of passive speech, "as was recalled here by President X").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from search.ingest.enrich import speech_rules as speech
from search.ingest.enrich.agent_speech import agent_speakers
from search.ingest.enrich.attribution_view import Attribution
from search.ingest.enrich.of_record import find_cues, names_before
from search.ingest.enrich.public_speaking import public_speakers
from search.ingest.enrich.subordinate_speech import clause_speakers

__all__ = ["settings_of_speech"]

_NOUNS = (r"address|speech|statement|remarks|message|letter|interview|eulogy|lecture|sermon|keynote|briefing"
          r"|testimony|op-ed|tweet|post|intervention")
# "in his address", "during her opening statement", "in his strong speech in May": looked for by `str.find` of
# each opening first (cheaper than a regex that would try every place of the text), then the noun from the pronoun
_OPENINGS = tuple(f"{word} {pronoun} " for word in ("in", "In", "during", "During") for pronoun in ("his", "her"))
_SETTING_AT = re.compile(r"(his|her)\s+(?:[\w-]+\s+){0,3}?(?:" + _NOUNS + r")(?:es|s)?\b")
# Between a clause's subject and the setting: nothing, a comma, or one verb ("X outlined in his speech").
_BEFORE_SETTING = re.compile(r",?\s+(?:[a-z]+\s+)?")
# A setting that opens its sentence ("In his address …, X"): only quotation marks or spaces before it.
_OPENING = re.compile(r"[\s\"“‘']*")
_TITLES_ONLY = re.compile(r"\s*(?:[A-Z][\w.’'-]*\s+)*")
# Role words between an interview verb and the interviewee's name: "interviews 2020 US presidential candidate X"
_ROLE_GAP = re.compile(r"(?:\s+[\w’'.-]+){0,8}?\s+")
_BEHALF = re.compile(r"\b[Oo]n\s+behalf\s+of\b")  # (opening a sentence too: "On behalf of my President, …")
# The sentence speaks: in the first person, or of a speech ("It is an honour to speak on behalf of …")
_SPEAKING = re.compile(r"\b(?:I|me|my|My)\b|\b(?:speak|address|convey|deliver|congratulat|greet)\w*|\b(?:statement"
                       r"|the floor)\b")
# "on behalf of" a leader addressed by protocol, whom the speaker represents (not "on behalf of X, who was killed …")
_PROTOCOL = re.compile(r"(?i:excellency|majesty|highness|president|prime\s+minister|king|queen|emir|sheikh|chancellor"
                       r"|premier|head\s+of\s+state|mr|mrs|ms|madam)\b")
# "… of Y, His Excellency X": a role set off before the name, forms of address between ("on behalf of the people and
# the President of the Bolivarian Republic of Y, Mr. X": up to twelve words)
_ROLE_SET_OFF = re.compile(r"(?:\s+[\w’'.-]+){1,12}?,\s+(?:[A-Z][\w’'.-]*\s+){0,4}")
_REACH = 200  # characters from the setting's start to the comma closing it
# "we have heard from", "the Assembly just heard": hearers that are the audience of a speech, right before "heard"
_HEARERS = re.compile(r"\b(?:[Ww]e|I|[Aa]ssembly|[Cc]ouncil|[Cc]onference|[Cc]ommittee|[Hh]all|[Cc]hamber|[Ss]ummit"
                      r"|delegates|audience|participants)\s+(?:(?:have|has|had|just|also|all|already|recently|today"
                      r"|yesterday|again|once)\s+){0,3}$")
# "President X of Y, whom we have just heard": the one heard named before, set off by a relative pronoun
_WHOM_HEARD = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?\s*,\s+whom\s+(?:we|I)\s+"
                         r"(?:(?:have|has|had|just|also|all|already)\s+){0,3}heard\b")
# "heard from", "heard this morning from", "heard on Monday from"
_FROM = re.compile(r"(?:\s+(?:this\s+[a-z]+|on\s+[A-Z][a-z]+|yesterday|today|earlier|just|also))?\s+from\b")
# Between "heard from" and the name: titles, "both" ("heard from both Prime Minister X and President Y")
_HEARD_GAP = re.compile(r"(?:\s*(?:both|the|[A-Z][\w’'.-]*|of|for)\s+)*")
# "we heard President X urge …": the one heard, then a bare verb of saying
_HEARD_SAY = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:say|speak|urge|call|tell|warn|describe|express|remind|stress|ask"
                        r"|announce|declare|argue|appeal|explain|plead|insist|pledge|promise|recall|reaffirm"
                        r"|acknowledge|emphasi[sz]e|highlight|note|affirm)\b")


def settings_of_speech(attribution: Attribution) -> set[str]:
    """The speakers of `attribution`'s text placed by a setting of speech (see the module docstring)."""
    return (_of_record(attribution) | _speech_in(attribution) | _on_behalf(attribution) | _heard(attribution)
            | public_speakers(attribution)  # "X delivered a speech", "X stood before the Assembly" (anywhere)
            | clause_speakers(attribution)  # "… a day after Senator X said …": a time clause's subject
            | agent_speakers(attribution))  # "as was recalled here by President X", "by X in his speech"


def _of_record(a: Attribution) -> set[str]:
    """Speakers by the form of the text (see `of_record.py`)."""
    cues, found = find_cues(a.lines), set()
    for start, end in cues.labels:  # "President of Russia Vladimir Putin: …": one person named
        label = {n for m, n in a.mentions[bisect_left(a.starts, start):bisect_left(a.starts, end)]
                 if len(m.tokens) > 1 or not a.text[m.end:end].strip()}  # not "Minister of Transport"
        found |= label if len(label) == 1 else set()
    for at in cues.senders:  # "Putin sent greetings … The message reads, in part: …": a subject
        found.update(a.sentence_subject(at))
    for at in cues.deliveries:  # "Zelenskyy delivered the annual address"
        if not a.quoted(at):
            found.update(a.before(a.sentence_start(at), at))
    for end in cues.named_after:  # "Address by the President of Ukraine Volodymyr Zelenskyy"
        named = a.after(end, a.sentence_start(end), speech.TITLES_GAP)
        if named and not a.quoted(end) and not a.text.startswith(
                ("'s", "’s"), a.ends[bisect_left(a.starts, end)]):  # "a statement by Smith's lawyer"
            found.update(named)
    for end in cues.interviewed:  # "Wikinews interviews biologist Jane Doe"
        if not a.quoted(end):
            found.update(a.after(end, a.sentence_start(end), _ROLE_GAP))
    for start, end in cues.conversations:  # "Putin had a telephone conversation with Merkel"
        sentence = a.sentence_start(start)
        if not a.quoted(start) and not speech.AFTER_EVENT.search(a.text, sentence, start):
            found.update(a.before(sentence, start) + a.after(end, sentence, speech.TITLES_GAP))
    title = [(m.end, n) for m, n in a.mentions[:bisect_left(a.starts, cues.title_end)]]
    return found | set(names_before(a.text, cues.title_end, title))


def _speech_in(a: Attribution) -> set[str]:
    found: set[str] = set()
    text = a.text
    if "his " not in text and "her " not in text:
        return found
    for start, setting in _settings(text):
        if a.quoted(start):
            continue
        gender = "m" if setting.group(1) == "his" else "f"
        sentence, sentence_end = a.sentence_span(start)
        k = bisect_left(a.ends, start + 1) - 1  # "X, in his address, …" / "X outlined in his speech"
        if k >= 0 and a.mentions[k][0].start >= sentence and _BEFORE_SETTING.fullmatch(text, a.ends[k], start):
            mention, name = a.mentions[k]
            if a.gender.get(name, gender) == gender and a.is_subject(mention) and not a.quoted(mention.start):
                found.add(name)
                continue
        if not _OPENING.fullmatch(text, sentence, start):
            continue
        comma = text.find(",", setting.end(), min(sentence_end, start + _REACH))
        k = bisect_left(a.starts, comma)  # "In his address to X, Prince Y welcomed …": the name after the comma
        if comma > 0 and k < len(a.mentions) and a.mentions[k][0].start < sentence_end and _TITLES_ONLY.fullmatch(
                text, comma + 1, a.starts[k]) and a.gender.get(a.mentions[k][1], gender) == gender:
            found.add(a.mentions[k][1])
    return found


def _settings(text: str) -> list[tuple[int, re.Match[str]]]:
    """The phrases "in/during his/her … <speech noun>" of `text`: where each starts, and its match from the pronoun."""
    found = []
    for opening in _OPENINGS:
        at = text.find(opening)
        while at >= 0:
            setting = _SETTING_AT.match(text, at + len(opening) - 4)
            if setting and not text[at - 1:at].isalpha():  # (not "within his")
                found.append((at, setting))
            at = text.find(opening, at + len(opening))
    return found


def _on_behalf(a: Attribution) -> set[str]:
    found: set[str] = set()
    if "behalf" not in a.text:
        return found
    for cue in _BEHALF.finditer(a.text):
        end = cue.end()
        sentence, sentence_end = a.sentence_span(end)
        if a.quoted(end) or not _SPEAKING.search(a.text, sentence, sentence_end):
            continue
        named = a.after(end, sentence, speech.TITLES_GAP) or a.after(end, sentence, _ROLE_SET_OFF, True)
        k = bisect_left(a.starts, end)
        if named and (_PROTOCOL.search(a.text, end, a.starts[k]) or _PROTOCOL.fullmatch(a.mentions[k][0].title)):
            found.update(named)
    return found


def _heard(a: Attribution) -> set[str]:
    found: set[str] = set()
    text = a.text
    at = text.find("heard ")  # (each "heard" first: cheaper than a search for the hearers over the whole text)
    while at >= 0:
        if _HEARERS.search(text, max(0, at - 60), at) and not a.quoted(at):
            after_from = _FROM.match(text, at + 5)
            end = after_from.end() if after_from else at + 5
            named = a.after(end, a.sentence_start(end), _HEARD_GAP, joined=True)
            k = bisect_left(a.starts, end)
            if named and (after_from or _HEARD_SAY.match(text, a.ends[k])):
                found.update(named)
        at = text.find("heard ", at + 6)
    at = text.find(", whom ")
    while at >= 0:
        heard = _WHOM_HEARD.match(text, at)
        k = bisect_left(a.ends, at + 1) - 1
        if heard and k >= 0 and _WHOM_HEARD.fullmatch(text, a.ends[k], heard.end()) and not a.quoted(at):
            found.add(a.mentions[k][1])
        at = text.find(", whom ", at + 7)
    return found
