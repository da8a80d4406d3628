"""Organisation names that hold another organisation or a part of one (used by `org_runs`).

"Main Operations Directorate of the General Staff" names two organisations, a body and the one it
belongs to; "Management Board of the United Aircraft Corporation" and "Agency for Strategic
Initiatives Supervisory Board" name a board, a part that the facet does not list on its own: it
names the organisation. The words that make a part ("Board", "Supervisory"...) are in
`organisations.toml` (`sub_bodies`, `sub_body_modifiers`).
"""

from __future__ import annotations

from search.ingest.enrich.org_types import Tables, Token, fold

__all__ = ["bodies_of", "is_head", "sub_body_start"]


def is_head(words: list[str], j: int, start: int, tables: Tables) -> bool:
    """Whether words[j] is an organisation word here, in a name that starts at `start`."""
    word = words[j]
    if word not in tables.organisation:
        return False
    if word in tables.head_only:
        return j > start and words[j - 1] not in tables.connectors
    if word in tables.head_initial_only:
        return j + 1 < len(words) and words[j + 1] == "of"
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
        if all(w in tables.sub_bodies or w in tables.sub_body_modifiers for w in part):
            return whole
        return [(start, k - 1), *whole]
    return [(start, end)]
