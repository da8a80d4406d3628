"""People named in an article, and which of them are quoted or speaking (the speakers).

The names come from `names.py` (mentions) and `name_resolution.py` (one full name per person); a name
used as part of an organisation's or place's name is no person, nor is one the text writes before a company's
legal form (`firm_names.py`). Who speaks is decided by
`attribution.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from search.ingest.enrich.attribution import Attribution
from search.ingest.enrich.firm_names import firm_names
from search.ingest.enrich.held_office import HELD_TITLE
from search.ingest.enrich.lookalike_cues import captioned_characters
from search.ingest.enrich.name_frames import framed_things
from search.ingest.enrich.name_lexicon import lexicon
from search.ingest.enrich.name_resolution import nickname_aliases, resolve
from search.ingest.enrich.names import Mention, find_mentions
from search.ingest.enrich.speech_rules import cited_lone_names

__all__ = ["People", "find_people"]


@dataclass(frozen=True)
class People:
    """Named people of an article, by full name in order of first appearance."""

    speakers: list[str]  # people quoted or speaking
    people: list[str]  # every named person, speakers included


def find_people(text: str) -> People:
    """Named people in `text` and, among them, the speakers (the rules: `attribution.py`)."""
    mentions = find_mentions(text)
    names = resolve(mentions)
    cited_lone_names(text, mentions, names)  # "As Cicero observed, …": a lone name a person by its cited speech
    if "\"" in text or "“" in text:
        nickname_aliases(text, mentions, names)
    persons = _accepted(text, mentions, names)
    persons -= framed_things(text, ((m.start, m.end, m.title, n, " ".join(m.tokens) == n)  # "a 12 pct stake in X",
                                    for m, n in zip(mentions, names, strict=True) if n in persons))  # "X - 4 seats"
    persons -= firm_names(text, ((m.start, m.end, m.title, n) for m, n in zip(mentions, names, strict=True)
                                 if n in persons), lexicon().first_names)  # "Quorvex Inc said …; Quorvex sold …"
    order: dict[str, int] = {}
    for mention, name in zip(mentions, names, strict=True):
        if name in persons and name not in order:
            order[name] = mention.start
    kept = [(m, n) for m, n in zip(mentions, names, strict=True) if n in persons]
    if not kept:  # no person: no speaker either (speakers are people), and no speech to read (most newswire texts)
        return People([], [])
    reporters = {n for m, n in kept if m.reporter}
    # (a name heading an office speaks for none: "the Reagan administration said" is the administration's word)
    speakers = Attribution(text, [(m, n) for m, n in kept if m.title != HELD_TITLE]).speakers() - reporters
    characters = captioned_characters(text, [(m.start, m.end, m.title, n) for m, n in kept], speakers, lexicon().roles)
    people = sorted((p for p in order if p not in characters), key=order.__getitem__)
    return People([p for p in people if p in speakers], people)


def _accepted(text: str, mentions: list[Mention], names: list[str | None]) -> set[str]:
    """Names never used as part of an organisation or place ("Hagia Sophia Museum") unless a person's title comes
    before one of their own mentions ("actor Jane Roe … the Jane Roe Foundation"), with at least one mention that
    is not doubtful ("in Karol Bagh", "the Grateful Dead": see `Mention.doubtful`)."""
    lex = lexicon()
    regnal = lex.regnal  # "Saint Francis Hospital", "King X" of a character: the titled name is a thing's
    titled = {name for mention, name in zip(mentions, names, strict=True)  # (a person's title: "Ms", "actor"; not
              if (mention.title in lex.gender or mention.title in lex.one_name_jobs)  # a firm's: "sole manager X")
              and mention.title not in regnal and not (mention.organisation or mention.doubtful)
              and name == " ".join(mention.tokens)  # (its own name, not a longer one it was resolved to)
              # (right before the name: not "… chief officer.⏎Acme Vane said")
              and text[max(0, mention.start - 24):mention.start].rstrip().lower().endswith(mention.title)}
    rejected = {name for mention, name in zip(mentions, names, strict=True)  # (a team: "the Kestrels")
                if mention.organisation and (len(mention.core) > 1 and name not in titled or mention.title in regnal)
                or mention.group}
    return {name for mention, name in zip(mentions, names, strict=True)
            if name and name not in rejected and not mention.doubtful}
