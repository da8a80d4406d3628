"""Themes of long, many-topic texts: an aside beside the text's main theme and context words that
pile up with length are not themes (`min_relative`, `context_share` in themes.toml)."""


from taxonomy_settings import taxonomy_with

from search.ingest.enrich.themes import theme_evidence

# A long speech on disarmament, with a short passage on floods at the end.
DISARMAMENT = [
    "Our delegation has come to speak about disarmament and about little else this year.",
    "The nuclear-weapon States must honour their disarmament obligations under the treaty.",
    "We call for a world without nuclear weapons and for a ban on the testing of warheads.",
    "Arms control has stalled while new arsenals are built on every continent.",
    "Non-proliferation cannot last if the largest arsenals never shrink.",
    "Chemical weapons were used again last spring, and those responsible must be named.",
    "The review conference must agree on verification of fissile material stocks.",
    "Our region declared itself free of weapons of mass destruction two decades ago.",
    "We urge every State to sign the treaty banning anti-personnel mines.",
    "Disarmament education should reach schools and universities alike.",
]
FLOODS = [
    "Last month floods swept through three of our provinces.",
    "Rescuers worked for days to reach villages cut off by the flooding.",
    "We thank the neighbours who sent boats and helicopters after the disaster.",
]
FILLER = ["The Assembly meets in a year of many anniversaries for the Organization.",
          "We congratulate the President on his election and thank his predecessor for his work."]


def test_a_passage_far_weaker_than_the_main_theme_is_an_aside(tmp_path):
    text = "Statement to the General Assembly\n" + " ".join(FILLER * 6 + DISARMAMENT * 2 + FILLER * 6 + FLOODS)
    themes = theme_evidence(text)
    assert "Arms control & non-proliferation" in themes  # the strongest theme is never an aside
    assert "Disasters & emergency response" not in themes
    # the same passage is a theme when nothing stronger stands beside it ...
    assert "Disasters & emergency response" in theme_evidence(text, taxonomy_with(tmp_path, min_relative=0))
    # ... and in a speech whose main theme it is not dwarfed by
    alone = "Statement to the General Assembly\n" + " ".join(FILLER * 12 + FLOODS)
    assert "Disasters & emergency response" in theme_evidence(alone)


# A long transcript of a business forum: partners and cooperation in every other sentence, two
# asides on a military alliance.
FORUM = [
    "Our partners from forty countries have come to the forum this year.",
    "Cooperation between our regions and your companies keeps growing.",
    "We thank our partners for their trust and for their investment.",
    "The summit of business leaders will discuss cooperation in farming and in software.",
    "Trade with our partners rose by a fifth over the year.",
    "Cooperation on tourism has resumed now that flights are back.",
    "Let me turn to the new port and the railway to the coast.",
    "Investors asked about taxes, and the minister will answer them in detail.",
]
ALLIANCE_ASIDE = ["One guest asked whether the alliance to our west worries us for our security: it does not."]


def test_context_words_piling_up_in_a_long_transcript_are_no_theme(tmp_path):
    sentences = FORUM * 8 + ALLIANCE_ASIDE + FORUM * 8 + ALLIANCE_ASIDE + FORUM * 2
    text = "Plenary session of the investment forum\n" + " ".join(sentences)
    assert "Partnerships & alliances" not in theme_evidence(text)
    # without the limit on context words, they alone would make the theme
    unlimited = taxonomy_with(tmp_path, context_share=1000)
    assert "Partnerships & alliances" in theme_evidence(text, unlimited)
