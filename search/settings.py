"""Every user-facing knob in one table: its name, its default and what it does.

Like Datasette's `SETTINGS`, this table is the single place a default is written down: it is
kept as data in `settings.toml` beside this module (by topic) and loaded here into `SETTINGS`. The
engine's signatures (`search(per_page=...)`, `facet_values(limit=...)`), the page, the command
line's options and `--help`, `python -m search settings` and the "Settings" table in README.md all
read it, so a default changed here changes everywhere at once (a test keeps the README in step).

Internal tuning constants (cache sizes, writer memory) stay in their modules: they are not
choices a user makes, and each is written in one place already.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One knob: `default` is an int or float; `None` means "decided at run time" (see `help`)."""

    name: str
    default: int | float | None
    help: str
    topic: str = ""

    @property
    def shown(self) -> str:
        """The default as written in `--help` and the README."""
        return "auto" if self.default is None else str(self.default)

    @property
    def help_with_default(self) -> str:
        """The help of a command-line option set by this knob."""
        return f"{self.help} (default: {self.shown})"


def _load() -> tuple[Setting, ...]:
    """The table in settings.toml beside this module: one TOML table a topic, one line a setting."""
    table = tomllib.loads(resources.files(__package__).joinpath("settings.toml").read_text("utf-8"))
    return tuple(Setting(name, None if row["default"] == "auto" else row["default"], row["help"], topic)
                 for topic, rows in table.items() for name, row in rows.items())


SETTINGS: tuple[Setting, ...] = _load()

_BY_NAME = {s.name: s for s in SETTINGS}


def lookup(name: str) -> Setting:
    """The setting called `name`; a misspelt name fails when its module is imported, not later."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no setting {name!r}; see search/settings.py") from None


def setting(name: str) -> Any:
    """The default of setting `name` (an int or float, or `None` for "auto", as the table says)."""
    return lookup(name).default


def text_table() -> str:
    """The table as aligned text, one setting a line (`python -m search settings`)."""
    name_width = max(len(s.name) for s in SETTINGS)
    default_width = max(len("default"), *(len(s.shown) for s in SETTINGS))
    rows = [("setting", "default", "what it sets"), *((s.name, s.shown, f"{s.topic}: {s.help}") for s in SETTINGS)]
    return "\n".join(f"{name:<{name_width}}  {default:>{default_width}}  {text}" for name, default, text in rows)


def markdown_table() -> str:
    """The table in Markdown (`python -m search settings --markdown`, and README.md's "Settings")."""
    rows = [f"| {s.topic} | `{s.name}` | {s.shown} | {s.help} |" for s in SETTINGS]
    return "\n".join(["| topic | setting | default | what it sets |", "|---|---|---|---|", *rows])
