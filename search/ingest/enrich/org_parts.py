"""Organisation names that hold another organisation or a part of one, and runs of capitalised
words that hold two names (used by `org_runs`).

"Main Operations Directorate of the General Staff" names two organisations, a body and the one it
belongs to; "Management Board of the United Aircraft Corporation" and "Agency for Strategic
Initiatives Supervisory Board" name a board, a part that the facet does not list on its own: it
names the organisation. The words that make a part ("Board", "Supervisory"...) are in
`organisations.toml` (`sub_bodies`, `sub_body_modifiers`).
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_types import Tables, Token, fold

__all__ = [
    "abbreviated_whole", "bodies_of", "has_head", "is_head", "split_names", "sub_body_start", "tail_end",
    "topic_tail_end",
]

_ACRONYM_NEXT = re.compile(r"[ \t]*\(([A-Z][A-Za-z&.]{2,9})\)")


def is_head(words: list[str], j: int, start: int, tables: Tables) -> bool:
    """Whether words[j] is an organisation word here, in a name that starts at `start`."""
    word = words[j]
    if word not in tables.organisation:
        return False
    if word in tables.head_only:
        return j > start and words[j - 1] not in tables.connectors
    if word in tables.head_initial_only:
        return j + 1 < len(words) and words[j + 1] == "of"
    if word in tables.qualified_heads:  # "Transitional Federal Government", not "the Federal Government"
        return j >= start + 2 and words[j - 1] in tables.head_qualifiers \
            and words[j - 2] not in tables.places and words[j - 2] not in tables.cuts
    if word in tables.rooms and j > start and words[j - 1] in tables.organisation:
        return False  # "Security Council Chamber": the council's room
    return True


def sub_body_start(words: list[str], first: int, last: int, tables: Tables) -> int:
    """Where a board of the organisation named before it begins: "Agency for Strategic Initiatives
    Supervisory Board", "UEFA Executive Committee" name the organisation's board, and the facet
    names the organisation. `len(words)` when the name has no such ending."""
    j = last
    if words[j] not in tables.sub_bodies:
        return len(words)
    while j > first and words[j - 1] in tables.sub_body_modifiers:
        j -= 1
    if j == last or j <= first or words[j - 1] in tables.connectors:
        return len(words)
    return j


def bodies_of(text: str, tokens: list[Token], start: int, end: int, tables: Tables) -> list[tuple[int, int]]:
    """The name words[start..end] split where it names a body "of the" organisation it belongs to:
    both are organisations ("Main Operations Directorate | of the | General Staff"), except a board or
    a council of it, which is a part, not an organisation of its own ("Management Board of the United
    Aircraft Corporation" gives the corporation). A known name stays whole ("Council of the European
    Union"), and so does a body of a state ("Ministry of Internal Affairs of the Russian Federation")
    and an office of a title holder ("Office of the President of the General Assembly")."""
    words = [w for w, _, _ in tokens]
    for k in range(start + 1, end - 2):
        if words[k] != "of" or words[k + 1] != "the":
            continue
        if tables.keys.get(fold(text[tokens[start][1] : tokens[end][2]])):
            return [(start, end)]
        body = words[k + 2 : end + 1]
        if len(body) < 2 or " ".join(body) in tables.places or words[k - 1] in tables.roles or body[0] in tables.roles \
                or not any(is_head(words, j, k + 2, tables) for j in range(k + 2, end + 1)) \
                or not any(is_head(words, j, start, tables) for j in range(start, k)):
            continue
        part = words[start:k]
        whole = bodies_of(text, tokens, k + 2, end, tables)
        if all(w in tables.sub_bodies or w in tables.sub_body_modifiers or w in tables.connectors for w in part):
            return whole
        if k - start > 1 and tables.keys.get(fold(text[tokens[k + 2][1] : tokens[end][2]])):
            return [(start, end), *whole]  # a body named whole with its known organisation (both are given)
        return [(start, k - 1), *whole]
    return [(start, end)]


def topic_tail_end(text: str, tokens: list[Token], start: int, end: int, tables: Tables) -> int:
    """Where a name with an "on ..." tail ends when the tail is the topic of the sentence, not part of the
    name: after a known name ("the African Union on Security Council reform": the union's position on
    the reform; "Council on Foreign Relations" is no known name before "on"), and before a tail that ends
    in a people's adjective, which qualifies a noun after the run ("the Border Service on the
    Ukrainian-Polish border"). The name keeps its tail otherwise ("Committee on Economic Affairs")."""
    if " on " not in text[tokens[start][1] : tokens[end][2]]:
        return end
    words = [w for w, _, _ in tokens]
    for k in range(start + 1, end):
        if words[k] != "on":
            continue
        known = tables.keys.get(fold(text[tokens[start][1] : tokens[k - 1][2]]))
        if (known and not tables.keys.get(fold(text[tokens[start][1] : tokens[end][2]]))) \
                or all(p in tables.places and p not in tables.country_nouns for p in words[end].split("-")):
            return k - 1
        break
    return end


def tail_end(words: list[str], last: int, has_modifiers: bool, after_role: bool, tables: Tables) -> int:
    """Index of the last word of the name whose last organisation word is at `last`, taking an
    "of ..." tail: "Ministry of Foreign Affairs", "Brigade de Recherche et d'Intervention",
    "Institut National de Recherche Biomédicale" (one adjective may come first). After a title
    ("Director of the ..."), the run's last two plain words are the title holder's name ("Agency for
    Regional Initiatives Maria Volkova"), whether or not the first name is a common one."""
    n = len(words)
    k = last + 1
    if k + 1 < n and words[k] not in tables.connectors and words[k + 1] in tables.tail_starters \
            and words[k] not in tables.roles and words[k] not in tables.openers and not has_modifiers:
        k += 1  # "Institut National de ..."
    if k >= n or words[k] not in tables.tail_starters:
        return last
    end = last
    j = k
    content: list[str] = []
    while j < n:
        word = words[j]
        if word in tables.roles:
            # A title ends the name ("Ministry of Defence Spokesman ..."), unless it is all the tail
            # names: "Ministry of Justice", "Office of the Prime Minister", "Office of the President
            # of Ukraine" (not "Administration of President Barack Obama"), or an office for
            # something: "Office of the United Nations High Commissioner for Refugees".
            i = j
            while i < n and words[i] in tables.roles:
                i += 1
            if content and not (i < n - 1 and words[i] == "for") or not content and not (
                    i == n or words[i] in tables.tail_starters or (after_role and n - i == 2)):
                break
            content.extend(words[j:i])
            end, j = i - 1, i
            continue
        if word in tables.openers or (word in tables.things and (j == n - 1 or words[j + 1] in tables.tail_connectors)):
            break  # "Group of Eight Summit (in June)" names a meeting; not "Tribunal for the Law of the Sea"
        if content and j == n - 2 and word[:1].isupper() \
                and (after_role or word.lower() in tables.first_names or words[j - 1] in tables.country_nouns) \
                and word not in tables.places and words[j + 1] not in tables.organisation \
                and words[j + 1] not in tables.places and words[j + 1][:1].isupper():
            # "Agency for Strategic Initiatives Svetlana Petrova", "Writers Union of Russia Anna Orlova":
            break  # a person after the name (not "Association of Indonesian Coffee Exporters")
        if word in tables.tail_connectors:
            # "... for Research in Environmental Sciences", "University of Colorado at Boulder" (a
            # campus), not "... in Munich", "... in Ohio" or "... at the Boston University School".
            rest = [w for w in words[j + 1 :] if w not in tables.connectors]
            campus = word == "at" and words[last] == "University" and j + 2 == n
            if (len(rest) < 2 and not campus) or " ".join(rest) in tables.places or rest[0] in tables.places \
                    or any(w in tables.organisation for w in rest):
                break
        elif word not in tables.connectors:
            end = j
            content.append(word)
        j += 1
    return end



def split_names(segment: list[Token], tables: Tables) -> list[list[Token]]:
    """Split a segment at "and" or "&" between two names that each have an organisation word, or at
    "at"/"in" before a second name ("Croatian Language Centre at the National University of Kyiv")."""
    for i, (word, _, _) in enumerate(segment):
        if 0 < i < len(segment) - 1 and (word in ("and", "&") or word in tables.tail_connectors):
            before, after = segment[:i], segment[i + 1 :]
            if after and after[0][0] == "the":
                after = after[1:]
            if word in tables.tail_connectors:
                # "... Coordinator in the Peacebuilding Commission"; not "University of Colorado at
                # Boulder", "Embassy in London" (no second name), "Mission in Haiti and the ... Mission"
                # (a connector before the second name's organisation word), "Co-operation in Europe
                # Parliamentary Assembly" ("in" without "the").
                complete = has_head(before, tables) and _name_start(after, tables) \
                    and (word == "at" or segment[i + 1][0] == "the")
            else:
                # "Johns Hopkins University and Harvard University", "Ministry of Defence and the
                # Army", "AP and NBC News", "High Council of Justice and High Qualification Commission
                # of Judges" (two names, each with its "of" tail), "brothers of Calgary and Acme Trust" (a
                # place, then a name); not "Department of Health and
                # Human Services", nor "Morgan Stanley and Co Inc" (a company's legal suffix).
                complete = before[-1][0] in tables.organisation or segment[i + 1][0] == "the" \
                    or fold(" ".join(w for w, _, _ in before)) in tables.keys \
                    or (_head_with_tail(before, tables) and _head_with_tail(after, tables, first=True)) \
                    or _place_before_and(before, after, tables)
            if complete and has_head(after, tables) and after[0][0] not in tables.suffixes:
                return [before, *split_names(after, tables)]
    return [segment]


def _place_before_and(before: list[Token], after: list[Token], tables: Tables) -> bool:
    """Whether the words before an "and" are a country and those after it begin another name ("the shares in
    the United States and McLeod Young Weir Ltd"), not the rest of a country's name ("Trinidad and Tobago
    Chamber of Commerce", "Antigua and Barbuda") or a name that starts with two places."""
    place = " ".join(w for w, _, _ in before)
    if place not in tables.country_nouns:
        return False  # not "British and Commonwealth Shipping"
    starts = [" ".join(w for w, _, _ in after[:n]) for n in range(1, min(3, len(after)) + 1)]
    # not "Australia and New Zealand Banking Group", "Bosnia and Herzegovina Football Federation"
    return not any(start in tables.places or f"{place} and {start}".lower() in tables.countries for start in starts)


def abbreviated_whole(text: str, segment: list[Token]) -> bool:
    """Whether the article abbreviates the words right after them by the initials of their capitalised
    words, across an "and": "China International Trust and Investment Corporation (CITIC)" is one name,
    though "Trust" could end a name of its own; "Ministry of Defence and Air Force (MDAF)" too."""
    if len(segment) < 4:
        return False
    match = _ACRONYM_NEXT.match(text, segment[-1][2])  # (looked at first: a bracket after a segment is rare)
    if match is None or not any(w in ("and", "&") for w, _, _ in segment):
        return False
    letters = [ch for ch in match.group(1) if ch.isupper()]
    initials = [w[0] for w, _, _ in segment if w[:1].isupper()]
    if len(letters) < 3 or initials[-len(letters) :] != letters:
        return False
    covered = [w for w, _, _ in segment if w[:1].isupper()][-len(letters)]
    first = next(i for i, (w, _, _) in enumerate(segment) if w == covered)
    return any(w in ("and", "&") for w, _, _ in segment[first:])


def _name_start(tokens: list[Token], tables: Tables) -> bool:
    """Whether the words begin a name: an organisation word comes before any connector."""
    for word, _, _ in tokens:
        if word in tables.organisation and word not in tables.qualified_heads:
            return True
        if word in tables.connectors:
            return False
    return False


def _head_with_tail(tokens: list[Token], tables: Tables, first: bool = False) -> bool:
    """Whether an organisation word is followed by an "of"/"for" tail: "Commission of Judges"; with
    `first`, the first organisation word, with no connector before it ("High Qualification Commission
    of ...", not "Regional Authorities of the Council of ...", nor a tail that is only a place, which
    belongs to the whole name: "Ministry of Health and Social Services of Namibia")."""
    for j in range(len(tokens) - 1):
        word = tokens[j][0]
        if word in tables.organisation and word not in tables.qualified_heads:
            if tokens[j + 1][0] in ("of", "for"):
                tail = " ".join(w for w, _, _ in tokens[j + 2 :] if w not in tables.connectors)
                return not first or tail not in tables.places
            if first:
                return False
        elif first and word in tables.connectors:
            return False
    return False


def has_head(tokens: list[Token], tables: Tables) -> bool:
    """Whether any of the words is an organisation word ("Ministry", "Agency", "Party"...); a bare
    "Government" is none ("Heads of State and Government")."""
    words = [w for w, _, _ in tokens]
    return any(word in tables.organisation and (word not in tables.qualified_heads or is_head(words, j, 0, tables))
               for j, word in enumerate(words))
