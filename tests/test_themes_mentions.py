"""How mentions of a theme are counted: cues that touch within a sentence are one clue, cues that touch
across a sentence's end are two (`themes._matches`)."""

from pathlib import Path

from test_themes_official import _speech

from search.ingest.enrich.themes import load_taxonomy, theme_evidence

# Two mentions in two sentences are needed; either phrase alone is enough weight.
TWO_MENTIONS = """
min_mentions = 2
min_phrases = 1
[[theme]]
name = "Climate"
threshold = 1
phrases = ["climate action:1", "climate change:1"]
"""


def test_cues_touching_across_a_sentence_end_are_two_mentions(tmp_path: Path):
    path = tmp_path / "themes.toml"
    path.write_text(TWO_MENTIONS, "utf-8")
    taxonomy = load_taxonomy(path)
    across = "The ministers met at the summit on climate action. Climate change floods our coasts every year."
    assert theme_evidence(across, taxonomy) == {"Climate": ["climate action", "climate change"]}
    # the same words run together in one sentence are one clue, credited to one phrase
    within = "The ministers met at the summit on climate action climate change and floods, every year."
    assert theme_evidence(within, taxonomy) == {}


# A statement on a war between two invented states, that names Ukraine once among other concerns.
OTHER_WAR = [
    "Our neighbour's armed aggression against the northern provinces has now lasted two years.",
    "Its troops shelled our towns again this month, and the escalation has driven thousands from their homes.",
    "The aggression must end, the troops must withdraw, and the ceasefire signed in the spring must hold.",
    "We thank the mediators who keep the ceasefire talks alive despite the shelling of the border villages.",
]


def test_aggression_beside_a_single_ukraine_is_another_war():
    once = _speech(*OTHER_WAR, "We also stand with Ukraine and with every State whose borders are threatened.")
    themes = theme_evidence(once)
    assert "War in Ukraine" not in themes
    assert "Armed conflict" in themes  # no longer removed by a war it does not describe
    # the same words with Ukraine named in two sentences are that war
    twice = _speech(*OTHER_WAR, "We also stand with Ukraine and with every State whose borders are threatened.",
                    "The people of Ukraine deserve the same peace that we ask for ourselves.")
    assert "War in Ukraine" in theme_evidence(twice)


# "Specific" replaces "General" (`unless`); a long text needs twice a theme's threshold in all, or a passage.
REPLACING = """
min_words = 20
min_phrases = 1
min_mentions = 2
passage_sentences = 2
passage_span = 3
[[theme]]
name = "General"
threshold = 2
unless = ["Specific"]
phrases = ["fighting:2"]
[[theme]]
name = "Specific"
threshold = 3
phrases = ["siege:2"]
"""
FIGHTING = "Fighting went on in the hills near the river all week."
FARM = "The farmers in the valley brought in the harvest before the rains came to the plain."
SIEGE = "The siege of the old port town entered its second month."
BOTH = "Fighting around the besieged port went on as the siege entered its second month."


def test_a_theme_made_by_one_passage_does_not_replace_another(tmp_path: Path):
    path = tmp_path / "themes.toml"
    path.write_text(REPLACING, "utf-8")
    taxonomy = load_taxonomy(path)
    passage = " ".join([FIGHTING, FARM, FIGHTING, FARM, FIGHTING, SIEGE, SIEGE, FARM])
    assert set(theme_evidence(passage, taxonomy)) == {"General", "Specific"}
    # the replacing theme made by the whole text replaces the other when the other's cues stand in its sentences
    whole = " ".join([BOTH, FARM, BOTH, SIEGE, BOTH, SIEGE, SIEGE, FARM])
    assert set(theme_evidence(whole, taxonomy)) == {"Specific"}


def test_a_replaced_theme_stays_when_its_own_sentences_are_enough(tmp_path: Path):
    """A speech on one war that gives other wars sentences of their own is about those too."""
    path = tmp_path / "themes.toml"
    path.write_text(REPLACING, "utf-8")
    taxonomy = load_taxonomy(path)
    apart = " ".join([BOTH, SIEGE, BOTH, SIEGE, FIGHTING, FIGHTING, FARM, FIGHTING])
    assert set(theme_evidence(apart, taxonomy)) == {"General", "Specific"}
    # one sentence of fighting apart from the siege is a passing mention: the siege replaces it
    once = " ".join([BOTH, SIEGE, BOTH, SIEGE, FARM, FIGHTING, FARM, FARM])
    assert set(theme_evidence(once, taxonomy)) == {"Specific"}


# "Climate" borrows "Storms": a storm cue near a climate sentence is climate context, weighing 0.45.
BORROWING = """
min_words = 20
min_phrases = 1
min_mentions = 2
mention_weight = 0.5
context_share = 0.5
borrow_reach = 1
borrow_weight = 0.45
[[theme]]
name = "Climate"
threshold = 2
borrows = ["Storms"]
phrases = ["warming:1"]
[[theme]]
name = "Storms"
threshold = 9
phrases = ["cyclone:2", "downpour:1.5"]
"""
WARMING = "The warming of the ocean is now measured every season."
CYCLONE = "Last spring a cyclone tore the roofs off the fishing villages."
DOWNPOUR = "A downpour then washed away the coastal road."
QUIET = "The school year began on time in every district."


def test_a_theme_borrows_the_cues_of_another_near_its_own(tmp_path: Path):
    path = tmp_path / "themes.toml"
    path.write_text(BORROWING, "utf-8")
    taxonomy = load_taxonomy(path)
    near = " ".join([WARMING, CYCLONE, WARMING, DOWNPOUR])
    evidence = theme_evidence(near, taxonomy)
    assert set(evidence) == {"Climate"} and {"cyclone", "downpour"} <= set(evidence["Climate"])
    # the same storms far from the warming sentences are not its context, and alone they are no theme
    far = " ".join([WARMING, QUIET, QUIET, CYCLONE, QUIET, QUIET, WARMING, QUIET, QUIET, DOWNPOUR])
    assert theme_evidence(far, taxonomy) == {}
    # nor does a theme borrow without full cues of its own
    assert theme_evidence(" ".join([CYCLONE, DOWNPOUR, CYCLONE, DOWNPOUR]), taxonomy) == {}
