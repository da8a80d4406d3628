"""Themes that UN statements develop over a paragraph in words of their own (round 9): a state claimed for a people
within borders to be agreed ("a two-State solution", "statehood", "secure and recognized borders"), a country that
supplies energy through a corridor or whose power plants fall short, and the abductions a terrorist group carries
out. A passing sentence in the same speech still gives no theme."""

from test_themes_official import _speech

from search.ingest.enrich.themes import theme_evidence


def test_a_paragraph_on_a_state_claimed_within_recognized_borders_is_a_territorial_dispute():
    text = _speech(
        "We recognized the State of Palestine three years ago and urge others to follow.",
        "A two-State solution remains the only way for both peoples to live in peace.",
        "Each must live within secure and recognized borders, agreed at the negotiating table.",
        "Their long wait for statehood cannot be made to last another generation.")
    assert "Maritime & territorial disputes" in theme_evidence(text)


def test_one_sentence_for_a_two_state_solution_is_no_dispute():
    text = _speech("We also support a two-State solution and a just peace in the Middle East.")
    assert "Maritime & territorial disputes" not in theme_evidence(text)


def test_a_supplier_of_energy_opening_a_gas_corridor_is_energy_security():
    text = _speech(
        "Our country has become a reliable supplier of energy to its neighbours and to markets further west.",
        "This spring we opened the first section of a new gas corridor across the mountains.",
        "Its pipelines will carry gas supplies to consumers who until now depended on a single source.")
    assert "Energy security" in theme_evidence(text)


def test_power_generation_falling_short_is_energy_security():
    text = _speech(
        "Like our neighbours, we rely on hydropower generation for nearly all our electricity.",
        "Two dry seasons have cut power generation at the great dam by half.",
        "The resulting energy crisis has closed mines and factories and left towns dark for hours each day.")
    assert "Energy security" in theme_evidence(text)


def test_one_mention_of_power_generation_is_no_theme():
    text = _speech("Our investment plan covers roads, ports, power generation and rural schools.")
    assert "Energy security" not in theme_evidence(text)


def test_abductions_by_a_terrorist_group_are_about_terrorism():
    text = _speech(
        "The desert border region suffers the growing threat of terrorism.",
        "Last month the abduction of four aid workers near the border showed its reach.",
        "Such groups finance themselves through kidnapping and smuggling across the region.")
    assert "Terrorism & violent extremism" in theme_evidence(text)


def test_a_kidnapping_in_a_crime_report_is_no_terrorism():
    text = ("Police free a kidnapped shopkeeper\nA shopkeeper held for two days was freed unharmed on Sunday. "
            "Three men were charged with kidnapping and demanded a ransom of ten thousand dollars from his family. "
            "The trial opens next month.")
    assert "Terrorism & violent extremism" not in theme_evidence(text)
