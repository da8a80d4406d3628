"""Round 13 (Kremlin/Zelenskyy themes): a ceremony's speech is ceremonial, and a pandemic's consequences are the
economy's recovery.

Every text here is written for the test; none is taken from a corpus.
"""

from pathlib import Path

from search.ingest.enrich.themes import default_taxonomy, load_taxonomy, theme_evidence

PANDEMICS = "Pandemics & health security"
TERRORISM = "Terrorism & violent extremism"
TOML = Path(__file__).resolve().parents[1] / "search" / "ingest" / "enrich" / "themes.toml"

# A speech praising security officers whose two late sentences are prevented attacks and extremism: enough for a
# meeting, not for a ceremony.
OFFICERS = ("Comrade officers, dear veterans, I warmly thank you for your service and wish you and your families "
            "good health, happiness and every success in the coming year. "
            "Your profession demands courage, honour and loyalty, and the people of the country know it well. "
            "Many of you have served for decades, and your experience is passed on to the young officers. "
            "The veterans of the service deserve our deep gratitude and respect. "
            "This year you prevented several terrorist attacks. "
            "Your work against extremism must go on. "
            "I wish you every success.")


def test_a_summit_on_overcoming_the_pandemics_consequences_is_about_the_recovery():
    """An announcement of a summit on the economy's recovery from the pandemic: a short text, yet no pandemic."""
    announcement = ("The Prime Minister will attend the regional summit\n"
                    "The leaders will focus on the economic recovery of the region and on efforts to overcome the "
                    "consequences of the coronavirus pandemic. "
                    "They will also talk about trade, investment and tourism.")
    assert PANDEMICS not in theme_evidence(announcement)


def test_a_short_readout_on_fighting_the_pandemic_together_is_still_about_it():
    """The same length, the pandemic fought rather than recovered from: one sentence of a short readout is enough."""
    readout = ("Telephone conversation with the President of Ruritania\n"
               "The presidents agreed to join efforts in fighting the coronavirus pandemic. "
               "They also talked about trade, investment and tourism.")
    assert PANDEMICS in theme_evidence(readout)


def test_a_ceremonys_speech_needs_the_ceremonial_evidence():
    """An awards ceremony's speech that gives prevented attacks two lines praises the decorated: no theme ..."""
    assert TERRORISM not in theme_evidence("Ceremony for presenting state awards\n" + OFFICERS)


def test_the_same_speech_at_a_meeting_is_about_terrorism():
    """... while the same words at a working meeting are about it (the control: the title alone makes the change)."""
    assert TERRORISM in theme_evidence("Meeting with security service officers\n" + OFFICERS)


def test_the_ceremony_words_are_read_from_the_taxonomy(tmp_path: Path):
    """The ceremonial titles are the taxonomy's setting: a taxonomy without the ceremony's words judges the speech
    as a meeting's."""
    words = '"ceremony",\n  "credence", "awards", "decorations"'
    assert words in TOML.read_text("utf-8")
    plain = TOML.read_text("utf-8").replace(words, "", 1)
    path = tmp_path / "themes.toml"
    path.write_text(plain, "utf-8")
    text = "Ceremony for presenting state awards\n" + OFFICERS
    assert TERRORISM in theme_evidence(text, load_taxonomy(path))
    assert TERRORISM not in theme_evidence(text, default_taxonomy())
