"""UN statements' themes, round 11: praise of peacekeeping is no war, a paragraph of its own in a long
statement is no aside (`long_min_relative`), and the diplomatic wording of elections, climate talks and
statehood (themes.toml)."""


from taxonomy_settings import taxonomy_with

from search.ingest.enrich.themes import theme_evidence

FILLER = ["The Assembly meets this autumn with a long agenda before it.",
          "We congratulate the President on taking the chair and wish him a fruitful session.",
          "Our small nation has always placed its trust in the Charter and in the rule of law.",
          "The coming year will test the resolve of every delegation in this Hall."]


def _statement(*paragraphs: list[str]) -> str:
    return "Statement at the General Debate\n" + " ".join(s for p in paragraphs for s in p)


PEACEKEEPING = [
    "Our soldiers and police officers have served in peacekeeping missions on three continents.",
    "We are proud that our peacekeepers are known for their discipline and their care for local people.",
    "Peacekeeping remains one of the most visible achievements of the Organization.",
    "Post-conflict peacebuilding and conflict prevention deserve more predictable funding.",
    "We support the peaceful settlement of disputes, as the Charter requires of every Member.",
]


def test_praise_of_peacekeeping_is_not_an_armed_conflict():
    assert "Armed conflict" not in theme_evidence(_statement(FILLER, PEACEKEEPING, FILLER))


def test_a_war_described_beside_peacekeeping_still_is_one():
    war = ["In the east of the continent rebels shelled two towns last month and the fighting displaced thousands.",
           "The armed groups refuse a ceasefire, and civilians flee the clashes every week.",
           "Our peacekeepers there are caught between the warring factions."]
    assert "Armed conflict" in theme_evidence(_statement(FILLER, PEACEKEEPING, war, FILLER))


# A long statement: climate change in many paragraphs, and one paragraph of three sentences on the
# registration of voters and the reform of the electoral system.
CLIMATE = [
    "Climate change is the greatest threat our islands have ever faced.",
    "Sea-level rise already swallows our coasts and salts our wells.",
    "We ask the largest emitters to cut their greenhouse gas emissions without delay.",
    "Climate finance promised years ago has still not reached the most vulnerable.",
    "Global warming must be held well below two degrees if our atolls are to survive.",
    "Adaptation and mitigation must be funded alike.",
]
ELECTORAL = [
    "At home, Parliament is debating a bill to give our electoral commission more power over the national polls.",
    "We are building a new system of voter registration so that every citizen can take part.",
    "We thank the partners who support our electoral reform programme.",
]


def test_a_paragraph_of_its_own_in_a_long_statement_is_no_aside(tmp_path):
    text = _statement(FILLER * 10, CLIMATE * 3, FILLER * 8, ELECTORAL, FILLER * 8)  # over 1,200 words
    assert "Climate & security" in theme_evidence(text)
    assert "Elections & democracy" in theme_evidence(text)
    # under the short texts' share the same paragraph would be an aside of the climate speech
    strict = taxonomy_with(tmp_path, long_min_relative=0.2)
    assert "Elections & democracy" not in theme_evidence(text, strict)


def test_a_climate_treaty_and_its_sceptics_make_a_climate_paragraph():
    paragraph = ["Our development must also secure a binding climate treaty.",
                 "Scientists keep warning about global warming.",
                 "Yet the climate sceptics still hold back the talks.",
                 "We will attend the climate summit next spring with proposals of our own."]
    assert "Climate & security" in theme_evidence(_statement(FILLER * 5, paragraph, FILLER * 5))


def test_statehood_argued_in_a_paragraph_is_a_territorial_question():
    paragraph = ["The Palestinian people have waited too long for justice.",
                 "We support a sovereign Palestinian State with East Jerusalem as its capital.",
                 "The establishment of settlements must stop, for it makes a settlement impossible.",
                 "Two States living side by side in peace remains the only way forward."]
    assert "Maritime & territorial disputes" in theme_evidence(_statement(FILLER * 5, paragraph, FILLER * 5))
