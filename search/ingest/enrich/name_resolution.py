"""Which full name each person-name mention of an article stands for ("Stoltenberg" → "Jens
Stoltenberg", "President Yoon" → "Yoon Suk Yeol"), and what its honorific or first name tells of
the person's gender. `names.py` finds the mentions; this module relates them within one article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from search.ingest.enrich.held_office import HELD_TITLE
from search.ingest.enrich.name_lexicon import FLEXIBLE, lexicon
from search.ingest.enrich.names import Mention
from search.ingest.enrich.person_names import AGE_TITLE, NAMED_TITLE
from search.ingest.enrich.text import strip_accents

__all__ = ["gender_of", "nickname_aliases", "resolve"]


def gender_of(mention: Mention) -> str:
    """ "m" or "f" when the mention's honorific ("Mr", "Ms") or, for a full name, its first name
    ("Jacinda") tells; else ""."""
    lex = lexicon()
    by_title = lex.gender.get(mention.title, "")
    if by_title or len(mention.core) < 2:
        return by_title
    return lex.first_names.get(mention.core[0], "")


def resolve(mentions: list[Mention]) -> list[str | None]:
    """The full name each mention refers to, or None when it is not (known to be) a person.

    Names of two or more words stand for themselves unless they are part of a longer name in the
    article ("Pacheco Pardo" → "Ramon Pacheco Pardo", "Elijah Cummings" → "Elijah Eugene Cummings").
    A single word is a person only when it comes after an honorific ("President Yoon") or is a word
    other than the first of such a full name ("Stoltenberg", "Vázquez" of "Wanda Vázquez Garced");
    it stands for the first word ("Yoon" → "Yoon Suk Yeol") only when some mention of it is titled,
    so that "Paris" is never taken for "Paris Métro"; a given name after a relative noun ("his widow,
    Denise") is a person too. Among several full names, the one last seen wins, except for a name that
    is also a word ("Trump", "Rose"): alone and untitled, it is a person only as the last word of exactly
    one full name. A full name written without accents stands for its accented spelling in the article.
    """
    lex = lexicon()
    mentions = _generations(mentions)
    titled: set[tuple[str, ...]] = set()
    kin: set[tuple[str, ...]] = set()  # a relative's given name ("his cousin, Zaidan … Zaidan said") stands for a
    for m in mentions:  # full name it opens too, but not for a second name ("children Brodie and Ann", "Brodie Vane")
        if m.title and len(m.core) == 1:
            if m.title in lex.gender or m.title in (AGE_TITLE, NAMED_TITLE, HELD_TITLE):
                titled.add(m.core)
            elif _relative(m.title, m.core[0]):
                kin.add(m.core)
    kin -= titled
    full: dict[tuple[str, ...], Mention] = {}  # core → first mention of each full name
    for m in mentions:
        if len(m.core) >= 2 and m.core not in full:
            full[m.core] = m
    by_word: dict[str, list[tuple[str, ...]]] = {}
    for core in full:
        for word in set(core):
            by_word.setdefault(word, []).append(core)
    positions: dict[tuple[str, ...], list[int]] = {}
    for m in mentions:
        if m.core in full:
            positions.setdefault(m.core, []).append(m.start)
    container = {core: _container(core, by_word, positions, full[core].start, True) for core in full}
    container.update(_accented(full))
    peers = {m.core: mentions[k - 1].core for k, m in enumerate(mentions)  # "Colin Sutherland, Lord Carloway"
             if m.peerage and k and mentions[k - 1].core in full and m.start - mentions[k - 1].end <= len(m.title) + 4}

    def canonical(core: tuple[str, ...]) -> str:
        while container[core] != core:  # containers are strictly longer: this ends
            core = container[core]
        return " ".join(full[core].tokens)

    names: list[str | None] = []
    by_title: dict[tuple[str, ...], str] = {}  # a lone word → the person a titled mention of it names
    untitled: list[int] = []  # lone words, untitled, no person by themselves: maybe one a titled mention named
    regnal: list[int] = []  # lone names after a regnal title ("Queen Elizabeth", "Queen Elizabeth II")
    for m in mentions:
        if not m.core:
            names.append(None)
        elif m.core in peers:
            names.append(canonical(peers[m.core]))
        elif m.core in full:
            names.append(canonical(m.core))
        elif len(m.core) == 1 and not m.title and lex.kinds.get(m.tokens[0].lower()) == FLEXIBLE and sum(
                full_core[-1] == m.core[0] for full_core in full) != 1:
            names.append(None)  # "Trump" after "Donald Trump" and "Mary Trump": a name that is also a word, unsure
        else:
            core = _container(m.core, by_word, positions, m.start, m.core in titled or m.core in kin)
            if core != m.core and m.core in kin and full[core].organisation:
                core = _container(m.core, by_word, positions, m.start, False)
            if core != m.core:
                names.append(canonical(core))
            elif m.title in lex.regnal:
                names.append(name := " ".join((m.title.capitalize(), *m.tokens)))  # "Pope Francis", "Queen Elizabeth"
                by_title.setdefault(m.core, name)
                regnal.append(len(names) - 1)
            elif (m.title in lex.gender or m.title in (AGE_TITLE, NAMED_TITLE, HELD_TITLE)  # "President Yoon",
                  or m.title in lex.one_name_jobs or m.title and _relative(m.title, m.core[0])):  # "his wife, Amanda",
                names.append(name := " ".join(m.tokens))  # "12-year-old Zoe", "the singer Zorvana", "the X cabinet"
                by_title.setdefault(m.core, name)
            else:
                if len(m.core) == 1 and not m.title:
                    untitled.append(len(names))
                names.append(None)
    if regnal:
        _numbered_style(mentions, regnal, names, by_title)
    for k in untitled if by_title else ():  # the same person: "Fourteen-year-old Zoe … Zoe said"
        names[k] = by_title.get(mentions[k].core)
    _spelling_variants(names, lex.first_names)
    return names


_GENERATION = re.compile(r"(?:Jr|Sr|II|III|IV)\.?")


def _generations(mentions: list[Mention]) -> list[Mention]:
    """The mentions, with the generation's suffix kept in the core of a full name that the article writes with two
    different ones ("Ada Vane Jr." and "Ada Vane Sr.", "Ivo Danner II" and "Ivo Danner III": father and son, two
    people), except for the one it writes first, which the name without a suffix and the surname alone stand for
    too (the article's subject, most often); the suffix joins the surname's word, so that no other name contains
    the suffixed one. One suffix alone is the same person as the name without it ("Ada Vane Jr. … Ada Vane")."""
    suffixes: dict[tuple[str, ...], list[str]] = {}
    for m in mentions:
        if len(m.core) >= 2 and len(m.tokens) > len(m.core) and _GENERATION.fullmatch(m.tokens[-1]):
            seen = suffixes.setdefault(m.core, [])
            if (suffix := m.tokens[-1].rstrip(".")) not in seen:
                seen.append(suffix)
    if all(len(seen) < 2 for seen in suffixes.values()):  # (most articles: no suffix, or one per name)
        return mentions
    kept = []
    for m in mentions:
        seen = suffixes.get(m.core, [])
        suffix = m.tokens[-1].rstrip(".") if len(seen) >= 2 and len(m.tokens) > len(m.core) else seen[0] if seen else ""
        if suffix and suffix != seen[0] and _GENERATION.fullmatch(suffix):
            m = replace(m, core=(*m.core[:-1], f"{m.core[-1]} {suffix.casefold()}"))
        kept.append(m)
    return kept


_VOWELS = re.compile(r"[aeiouy'’-]")


def _consonants(name: str) -> tuple[str, ...]:
    """The consonants of each word of a name, folded ("Usama bin Ladin", "Osama bin Laden" → "sm bn ldn")."""
    return tuple(_VOWELS.sub("", word) for word in strip_accents(name.casefold()).split())


def _spelling_variants(names: list[str | None], first_names: dict[str, str]) -> None:
    """Name one person spelt two ways in an article by the spelling written most often (the first on a tie): full
    names of as many words that differ only in vowels, with a word in common ("Sergei Sobyanin" / "Sergey Sobyanin",
    "Hamza bin Laden" / "Hamza bin Ladin"), but not first names of two genders ("Maria Quell" / "Mario Quell");
    names whose words are only split otherwise by a hyphen or a space ("Kim Jong-un" / "Kim Jong Un"); and a short
    given name by its long form beside it, the fullest (gold rule: "Chris Lane" is "Christopher Lane"). Changes
    `names`."""
    counts: dict[str, int] = {}
    for name in names:
        if name and " " in name:
            counts[name] = counts.get(name, 0) + 1
    _lone_slips(names, counts)
    if len(counts) < 2:
        return
    spelling: dict[tuple[str, ...], str] = {}
    aliases: dict[str, str] = {}
    for name in sorted(counts, key=lambda name: -counts[name]):  # (stable: the first seen first on a tie)
        key = _consonants(name)
        if "" in key or (kept := spelling.setdefault(key, name)) == name:
            continue
        words, other = name.casefold().split(), kept.casefold().split()
        genders = {first_names.get(words[0], ""), first_names.get(other[0], "")} - {""}
        if len(genders) < 2 and any(a == b for a, b in zip(words, other, strict=True)):
            aliases[name] = kept
    joined: dict[str, str] = {}  # the same letters split otherwise: "Kim Jong-un" / "Kim Jong Un", "Jean Marc Roe"
    for name in sorted(counts, key=lambda name: -counts[name]):
        if (kept := joined.setdefault(name.casefold().replace("-", "").replace(" ", ""), name)) != name:
            aliases.setdefault(name, kept)
    _surname_typos(counts, aliases)
    by_surname: dict[str, list[str]] = {}  # a short given name beside its long form: "Chris Lane", "Christopher Lane"
    for name in counts:
        by_surname.setdefault(name.partition(" ")[2], []).append(name.partition(" ")[0])
    for rest, given in by_surname.items():
        for short in given if len(given) > 1 else ():
            longer = [long for long in given if len(long) > len(short) >= 3 and long.startswith(short) and len(
                {first_names.get(short.casefold(), ""), first_names.get(long.casefold(), "")} - {""}) < 2]
            if len(longer) == 1:
                aliases.setdefault(f"{short} {rest}", aliases.get(f"{longer[0]} {rest}", f"{longer[0]} {rest}"))
    if aliases:
        names[:] = [aliases.get(name, name) if name else name for name in names]


def _surname_typos(counts: dict[str, int], aliases: dict[str, str]) -> None:
    """Add to `aliases` full names that repeat another's given names and differ from it only by a slip of one or two
    letters in a long surname ("Borna Derakhshani" / "Borna Deraskhsani", "Abdulla Al Marzouki" / "Al Marzooqi"):
    one person (gold rule 5), under the spelling written most often (the first on a tie). Two people sharing given
    names and a surname so alike are rare in one article; given names that differ are never merged so (siblings,
    spouses: "Daniel Vane" / "Daniela Vane")."""
    by_given: dict[str, list[str]] = {}
    for name in sorted(counts, key=lambda name: -counts[name]):
        if name in aliases:
            continue
        given, _, surname = name.rpartition(" ")
        kept = by_given.setdefault(given.casefold(), [])
        if twin := next((other for other in kept if _slip(other.rpartition(" ")[2], surname)), None):
            aliases[name] = twin
        else:
            kept.append(name)


def _lone_slips(names: list[str | None], counts: dict[str, int]) -> None:
    """Name a one-word name that is a slip (one edit) of the surname of a full name of the article, or a letter more
    or less than a one-word name written before it, by that name ("Brent Beesely … Beesley said", "a chef named
    Łukasz … named Luckasz"; not "Mr Dornan and Mr Dorman", maybe two men, nor "Ms Medvedeva" beside "Dmitry
    Medvedev", nor "Barron" beside "Steve Bannon"). Changes `names`."""
    lone = list(dict.fromkeys(name for name in names if name and " " not in name))
    if not lone or len(lone) + len(counts) < 2:
        return
    aliases: dict[str, str] = {}
    for k, name in enumerate(lone):
        twin = next((full for full in counts if _slip(surname := full.rpartition(" ")[2], name, 1)
                     and not _inflected(surname, name)), None) or next((
            aliases.get(other, other) for other in lone[:k]
            if len(other) != len(name) and _slip(other, name, 1) and not _inflected(other, name)), None)
        if twin:
            aliases[name] = twin
    if aliases:
        names[:] = [aliases.get(name, name) if name else name for name in names]


def _inflected(one: str, other: str) -> bool:
    """Whether two surnames differ only in their last letters, as a surname's feminine or plural does ("Medvedev" /
    "Medvedeva", "Kowalski" / "Kowalska"): a wife, a daughter, a family, not a slip."""
    shorter = min(len(one), len(other))
    return one[:shorter - 1].casefold() == other[:shorter - 1].casefold()


# Letters that do not decompose into a base letter and an accent: "Łukasz" is slipped to "Lukasz", not "Xukasz".
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i"})


def _slip(one: str, other: str, most: int = 2) -> bool:
    """Whether two surnames of six letters or more, with the same first letter, are at most `most` edits apart (a
    letter added, dropped or changed, or two neighbours swapped: "Slutsky" / "Slutksy" is one edit)."""
    one, other = (strip_accents(word.casefold()).translate(_PLAIN_LETTERS) for word in (one, other))
    if min(len(one), len(other)) < 6 or one[0] != other[0] or abs(len(one) - len(other)) > most or one == other:
        return False
    before: list[int] = []
    previous = list(range(len(other) + 1))
    for i, letter in enumerate(one, 1):
        current = [i]
        for j, mate in enumerate(other, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != mate))
            if i > 1 and j > 1 and letter == other[j - 2] and one[i - 2] == mate:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > most:
            return False
        before, previous = previous, current
    return previous[-1] <= most


def _numbered_style(mentions: list[Mention], regnal: list[int], names: list[str | None],
                    by_title: dict[tuple[str, ...], str]) -> None:
    """Name a regnal style without its number by the numbered one of the article when there is exactly one:
    "Queen Elizabeth" in a headline beside "Queen Elizabeth II" is one queen, under her fuller style (not when
    "King Olaf V" and "King Olaf II" are both named). Changes `names` and `by_title`."""
    styles: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for k in regnal:
        styles.setdefault((mentions[k].title, mentions[k].core), set()).add(names[k] or "")
    for k in regnal:
        m, short = mentions[k], names[k] or ""
        longer = [style for style in styles[m.title, m.core] if style.startswith(short + " ")]
        if len(longer) == 1 and len(m.tokens) == 1:
            names[k] = longer[0]
            if by_title.get(m.core) == short:
                by_title[m.core] = longer[0]


_QUOTED = re.compile(r"[\"“]([A-Z][\w.’'-]*)[\"”]")


def nickname_aliases(text: str, mentions: list[Mention], names: list[str | None]) -> None:
    """Read a name made of a quoted nickname and the surname as the full name around the nickname: 'Robert "Bobby"
    Lane' gives "Robert Lane", so "Bobby Lane" elsewhere is Robert Lane too (gold rule 4). Changes `names`."""
    aliases: dict[tuple[str, ...], str] = {}
    for m, name in zip(mentions, names, strict=True):
        if name and len(m.core) >= 2 and (quoted := _QUOTED.search(text, m.start, m.end)):
            aliases.setdefault((quoted.group(1).casefold(), *m.core[1:]), name)
    if aliases:
        names[:] = [aliases.get(m.core, name) if name else name for m, name in zip(mentions, names, strict=True)]


def _accented(full: dict[tuple[str, ...], Mention]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each full name written without the accents of another in the article → that one: "Wieslaw Zielinski" in a
    title is "Wiesław Zieliński" of the text (the spelling with the most accented letters wins; gold rule 5)."""
    if " ".join(map(" ".join, full)).isascii():
        return {}  # (most articles)
    spelt = [core for core in full if not " ".join(core).isascii()]
    best: dict[tuple[str, ...], tuple[str, ...]] = {}
    for core in sorted(spelt, key=lambda core: -sum(not char.isascii() for word in core for char in word)):
        best.setdefault(_plain(core), core)
    return {core: target for core in full if (target := best.get(_plain(core), core)) != core}


# Letters with no decomposition into a base letter and a mark: "Łukasz", "Søren", "Đorđe".
_BARRED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H"})


def _plain(core: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(strip_accents(word).translate(_BARRED) for word in core)


def _relative(title: str, word: str) -> bool:
    """Whether a relative noun before a lone given name makes it a person: "his widow, Denise", "sons Paul
    and Zorvex"; a friend, colleague or partner only before a known first name (a firm's "partner Goldman")."""
    lex = lexicon()
    noun = "child" if title in ("children", "kids") else title.removesuffix("s")
    return noun in lex.relatives and (noun not in ("friend", "colleague", "partner") or word in lex.first_names)


def _container(core: tuple[str, ...], by_word: dict[str, list[tuple[str, ...]]],
               positions: dict[tuple[str, ...], list[int]], at: int, anywhere: bool) -> tuple[str, ...]:
    """The full name that `core` shortens (see `resolve`), the one last seen before `at` among
    several; or `core` itself."""
    best, best_key = core, (-1, 0, 0)
    for candidate in by_word.get(core[-1], ()):
        if len(candidate) <= len(core) or not _shortens(core, candidate, anywhere):
            continue
        seen = positions[candidate]
        k = bisect_left(seen, at)
        key = (1 if k else 0, seen[k - 1] if k else -seen[0], len(candidate))
        if key > best_key:
            best, best_key = candidate, key
    return best


def _shortens(part: tuple[str, ...], name: tuple[str, ...], anywhere: bool) -> bool:
    """Whether `part` is a shorter form of `name`: consecutive words of it, or its first and last."""
    n = len(part)
    if n == 1:
        return part[0] in name[0 if anywhere else 1:]
    if part[0] == name[0] and part[-1] == name[-1]:
        return True
    return any(name[k:k + n] == part for k in range(len(name) - n + 1))
