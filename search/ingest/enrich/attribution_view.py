"""The view of an article's attribution that the speech-rule modules read (a protocol).

`attribution.Attribution` holds an article's text, sentences and name mentions and calls the speech-rule modules
(`speech_settings`, `agent_speech`, `subordinate_speech`); they read it back through this protocol, kept in a module
of its own so that none of them imports attribution.py or another rule module only for the type.
"""

from __future__ import annotations

import re
from typing import Protocol

from search.ingest.enrich.names import Mention
from search.ingest.enrich.speech_rules import SpeechRules


class Attribution(Protocol):
    """What the speech rules read of `attribution.Attribution`."""

    text: str
    lines: str
    rules: SpeechRules
    mentions: list[tuple[Mention, str]]
    starts: list[int]
    ends: list[int]
    gender: dict[str, str]

    def quoted(self, pos: int) -> bool: ...
    def sentence_start(self, pos: int) -> int: ...
    def sentence_span(self, pos: int) -> tuple[int, int]: ...
    def sentence_subject(self, at: int) -> list[str]: ...
    def is_subject(self, mention: Mention) -> bool: ...
    def before(self, sentence: int, verb: int) -> list[str]: ...
    def after(self, end: int, sentence: int, gap: re.Pattern[str], set_off: bool = False,
              joined: bool = False) -> list[str]: ...
