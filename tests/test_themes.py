"""Themes come from an editable taxonomy file, matched on stems, with evidence for each theme."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.ingest.enrich.text import stem, terms
from search.ingest.enrich.theme_text import sentence_starts
from search.ingest.enrich.themes import default_taxonomy, load_taxonomy, theme_evidence

REQUIRED = ["Arms control & non-proliferation", "Cyber security", "Defence industry & arms trade",
            "Partnerships & alliances", "Hybrid warfare", "Emerging technologies", "Climate & security",
            "War in Ukraine", "Economic security & supply chains", "Nuclear & missile threats",
            "Maritime & territorial disputes"]


def test_the_packaged_taxonomy_has_the_required_themes():
    names = [theme.name for theme in default_taxonomy().themes]
    assert set(REQUIRED) <= set(names) and len(names) == len(set(names))


def test_word_forms_match_through_stems_and_evidence_names_the_phrases():
    text = "Hackers launched cyber-attacks on banks. Ransomware crippled hospitals; the cyberattack spread."
    evidence = theme_evidence(text)
    assert list(evidence) == ["Cyber security"]
    assert {"cyber attack", "ransomware"} <= set(evidence["Cyber security"])


def test_a_passing_mention_is_not_a_theme():
    text = ("Kipchoge ran the marathon in Vienna in under two hours, a record that athletes had chased for "
            "decades. Fans lined the course. " * 3 + "Organisers said sanctions on doping were strict.")
    assert theme_evidence(text) == {}


# A long report on a food fair; the sentences vary so that the text reads like an article.
FAIR = ["The autumn food fair opened on Saturday with more than two hundred stalls along the river.",
        "Bakers from the northern valleys brought rye loaves, honey cakes and smoked cheese.",
        "Visitors queued for an hour to taste the plum dumplings that won last year's prize.",
        "A brass band played in the square while children decorated pumpkins.",
        "The mayor praised the volunteers who set up the tents before dawn.",
        "Stallholders said sales of apple cider were the best they could remember.",
        "A cookery school ran free classes on pickling cabbage and making noodles by hand.",
        "Local farmers sold pears, walnuts and late tomatoes from the backs of their vans.",
        "The fair closes on Sunday evening with a lantern parade across the old bridge."]


def test_names_alone_never_make_a_theme():
    text = ("President Zelenskyy visited a school in Kyiv. Teachers from Donetsk, Luhansk and Crimea told him "
            "about new textbooks, and pupils in Ukraine showed him a science project. Zelenskyy thanked the "
            "teachers of Ukraine and promised new computers for schools in Kyiv and Donetsk.")
    assert theme_evidence(text) == {}


def test_names_add_to_topical_evidence_but_cannot_carry_a_theme(tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text('threshold = 4\n[[theme]]\nname = "Space"\nphrases = ["rocket", "orbit"]\n'
                    'names = ["Baikonur"]\n', "utf-8")
    taxonomy = load_taxonomy(path)
    assert theme_evidence("The rocket reached orbit.", taxonomy) == {}
    assert theme_evidence("Baikonur. Baikonur. Baikonur. Baikonur. Baikonur.", taxonomy) == {}
    evidence = theme_evidence("From Baikonur the rocket reached orbit, and crowds in Baikonur cheered.", taxonomy)
    assert evidence == {"Space": ["orbit", "rocket", "Baikonur"]}  # topical phrases first, then names


def test_a_long_article_with_one_passing_mention_gets_no_theme():
    passing = "Some stallholders said last spring's earthquake and the floods that followed had kept them away."
    text = " ".join(FAIR * 9 + [passing] + FAIR * 4)
    assert len(text.split()) > 1500
    assert theme_evidence(text) == {}
    focused = " ".join([passing, "The earthquake destroyed their barns, and the floods drowned the orchards.",
                        "Rescuers spent a week clearing the roads."])
    assert list(theme_evidence(focused)) == ["Disasters & emergency response"]  # the same words, at length


def test_a_short_focused_report_gets_its_theme():
    text = ("Earthquake shakes coastal towns. A strong earthquake struck the coast before dawn, and rescuers "
            "searched collapsed houses for survivors. The death toll rose to fourteen as aftershocks continued, "
            "and two hundred families were evacuated to a school.")
    evidence = theme_evidence(text)
    assert list(evidence) == ["Disasters & emergency response"]
    assert evidence["Disasters & emergency response"][0] == "earthquake"


def test_sport_and_business_news_get_no_theme():
    match = ("United fight back to beat City. United came from behind to win 3-2 on Saturday. City's striker "
             "scored early from a counter-attack, but United's defence held firm after the break and their "
             "captain equalised from a penalty. The manager said the campaign was far from over and praised "
             "the fans, who had rallied behind the team. Tickets for the final sold out in an hour.")
    company = ("Shares in a paint maker rallied after it elected a new chairman. The board elected its finance "
               "chief, who said the firm's partnership with a crude-oil refiner would cut costs. Candidates "
               "for the board were approved by votes of shareholders, and the firm said the market collapse "
               "of last year was a disaster it did not expect to repeat. Profits rose in the fourth quarter.")
    assert theme_evidence(match) == {}
    assert theme_evidence(company) == {}


def test_exact_words_keep_loose_stems_apart():
    elected = "The club elected a captain. Members elected a treasurer and elected two stewards for the season."
    elections = ("Voters go to the polls. The elections on Sunday will choose a parliament; the election "
                 "commission printed the ballots and expects high turnout.")
    assert theme_evidence(elected) == {}
    assert list(theme_evidence(elections)) == ["Elections & democracy"]
    assert theme_evidence("The weather was extremely cold, extremely windy and extremely wet all week.") == {}


def test_one_phrase_inside_another_is_one_mention():
    text = "The clinic reopened after the COVID-19 pandemic with new chairs, a bigger waiting room and a cafe."
    assert theme_evidence(text) == {}


def test_war_in_ukraine_needs_its_names_and_replaces_armed_conflict():
    war = ("Heavy shelling hit villages near the front overnight and troops exchanged fire as the ceasefire "
           "collapsed. Separatists launched an offensive, and the army said its troops held their positions.")
    assert "War in Ukraine" not in theme_evidence(war)
    assert "Armed conflict" in theme_evidence(war)
    in_ukraine = war.replace("near the front", "near Donetsk in eastern Ukraine")
    assert "War in Ukraine" in theme_evidence(in_ukraine)
    assert "Armed conflict" not in theme_evidence(in_ukraine)


def test_a_user_can_edit_the_taxonomy(tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text('threshold = 1\n[[theme]]\nname = "Space"\nphrases = ["satellite", "orbit:2"]\n', "utf-8")
    taxonomy = load_taxonomy(path)
    assert list(theme_evidence("The satellite reached orbit.", taxonomy)) == ["Space"]
    assert theme_evidence("Nothing here.", taxonomy) == {}
    path.write_text('[[theme]]\nname = "Space"\nphrases = ["=orbital flight"]\n', "utf-8")
    with pytest.raises(ValueError, match="one word"):
        load_taxonomy(path)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.lists(st.sampled_from(["cyber-attacks", "U.S.", "x_y", "Ünïcode", "\x1c", "\u2028",
                                                         "\xa0", " ", "\n", "war's", "１２３", "e\u0301"]),
                                        max_size=40).map("".join))
def test_stems_are_those_of_the_whole_texts_alphanumeric_runs(text):
    """`terms` memoises stems chunk by chunk; the result is that of the whole text's runs."""
    assert terms(text) == [stem(word) for word in re.findall(r"[^\W_]+", text)]


def test_a_covid_call_from_kyiv_is_not_about_the_war():
    """Names of the place and its people are context: a call about vaccines is about the pandemic."""
    call = ("President Zelenskyy held a phone call with the health minister on the pandemic. They discussed the "
            "supply of vaccines to hospitals in Ukraine, including Donetsk region, where vaccination is slow. "
            "Zelenskyy asked for more mobile teams so that older people in villages of the Donetsk region can "
            "be vaccinated before winter, and the minister reported that new infections fell for a third week. "
            "The President of Ukraine thanked doctors in Kyiv and Donetsk for their work.")
    evidence = theme_evidence(call)
    assert "War in Ukraine" not in evidence and "Armed conflict" not in evidence
    assert "Pandemics & health security" in evidence


# Neutral sentences of a long speech: the speaker's country, its schools and its budget.
SPEECH = ["Our nation has built new schools in every province over the past decade.",
          "We have opened our universities to students from many regions.",
          "The government has balanced its budget for the third year running.",
          "Our farmers now sell more fruit and grain abroad than ever before.",
          "We are proud of the women and men who serve in our public hospitals.",
          "Young people in our towns are starting small businesses with new loans.",
          "The new railway has cut the journey from the capital to the coast by half.",
          "We have planted forests along the rivers to keep the soil in place.",
          "Every village now has clean water and a school within walking distance.",
          "We thank the Assembly for its attention and its many kind words to us."]
CONFLICT = ["Fighting between armed groups in the north has driven thousands of families from their homes.",
            "Civilians there still live in fear.",
            "We urge all sides to return to peace talks without delay."]


def test_a_long_speech_is_about_a_theme_it_gives_a_paragraph_not_one_it_scatters():
    paragraph = " ".join(SPEECH * 6 + CONFLICT + SPEECH * 6)
    scattered = " ".join(SPEECH * 4 + CONFLICT[:1] + SPEECH * 4 + CONFLICT[1:2] + SPEECH * 4 + CONFLICT[2:])
    assert len(paragraph.split()) > 1400
    assert list(theme_evidence(paragraph)) == ["Armed conflict"]
    assert theme_evidence(scattered) == {}  # the same three sentences, each on its own, are passing mentions


def test_a_paragraph_of_a_hard_wrapped_record_is_still_one_passage():
    """UN records wrap lines inside sentences; only stops (and blank lines) end a sentence."""
    paragraph = " ".join(SPEECH * 6 + CONFLICT + SPEECH * 6)
    words = paragraph.split()
    wrapped = "\n".join(" ".join(words[i:i + 7]) for i in range(0, len(words), 7))
    assert list(theme_evidence(wrapped)) == ["Armed conflict"]


def test_sentences_end_at_stops_not_after_abbreviations_or_initials():
    text = "Title line\n\nMr. Smith met the U.S. envoy. He agreed. J. Doe left!\nReally? Yes"
    stems, starts = terms(text), sentence_starts(text)
    assert [" ".join(stems[a:b]) for a, b in zip(starts, starts[1:] + [len(stems)], strict=True) if a < b] == [
        "titl line", "mr smith met the u s envoy", "he agre", "j doe left", "realli", "yes"]


def test_company_names_and_loose_stems_are_not_a_conflict():
    oil = ("Shell profits fall. Shell said its profits fell in the fourth quarter as crude prices slid. Shell "
           "shares closed lower, and Shell Oil cut its dividend; analysts said Shell would sell refineries.")
    bidding = ("Studios in bidding war for film library. A bidding war broke out between two studios, and the "
               "warring bidders raised their offers twice over the weekend, a banker said.")
    helpline = ("The city opened a helpline for victims of domestic violence. Counsellors answer calls day and "
                "night, and the council said it would combat violence against women with new shelters.")
    for text in (oil, bidding, helpline):
        assert "Armed conflict" not in theme_evidence(text), text


def test_entertainment_news_about_a_war_film_is_not_about_war():
    premiere = ("War epic opens the festival. The director's war film, shot in the desert over two summers, "
                "opened the festival to a standing ovation. Its battle scenes drew long applause, and the lead "
                "actor said the fighting on set was over who got the last sandwich. Critics praised the score.")
    assert theme_evidence(premiere) == {}


def test_one_sentence_of_a_readout_is_a_passing_mention_but_a_one_sentence_report_is_judged_whole():
    readout = ("The two presidents held a telephone conversation. They discussed trade between their countries "
               "and the opening of a new consulate. They also touched on energy security, the gas pipeline and "
               "the energy crisis in Europe. The presidents agreed to meet at the spring fair and exchanged "
               "greetings ahead of the national holiday. Both leaders praised the work of their ministers.")
    assert "Energy security" not in theme_evidence(readout)
    spread = readout.replace("Both leaders praised the work of their ministers.",
                             "Both leaders said gas supply to their region must not be used as a weapon.")
    assert "Energy security" in theme_evidence(spread)
    brief = "Rescuers pulled survivors from the rubble after the earthquake killed twelve people"
    assert list(theme_evidence(brief)) == ["Disasters & emergency response"]


def test_loose_stems_of_official_language_are_not_territorial_evidence():
    """"annex" of a resolution and the "occupants" of a car share stems with "annexation" and
    "occupation"; only the exact words are evidence of a territorial dispute."""
    text = ("The ministers adopted the declaration (resolution 71/3, annex) on road safety. "
            "All four occupants of the van were unhurt. The annexes list the signatories. "
            "The occupants thanked the driver who stopped to help.")
    assert "Maritime & territorial disputes" not in theme_evidence(text)
    claim = ("Our island nation asks the court to rule on the territorial claim our neighbour keeps pressing. "
             "The annexation of the reef by force would break the law of the sea. "
             "We will defend our access to the sea by peaceful means.")
    assert "Maritime & territorial disputes" in theme_evidence(claim)


def test_the_world_wars_and_the_cold_war_are_history_not_a_war_being_fought():
    text = ("Civilians who lived through the Second World War met the veterans of another world war. "
            "The Cold War then divided the continent for decades. "
            "Since the end of the Cold War, trade between the two blocs has grown tenfold. "
            "The First World War memorial was restored last spring.")
    assert "Armed conflict" not in theme_evidence(text)


def test_a_readout_on_the_security_situation_around_ukraine_is_about_the_war():
    text = ("The President of Ukraine spoke by phone with the Chancellor. "
            "He described the security situation in Donbas in detail. "
            "The two leaders agreed that peace in Donbas and respect for Ukraine's territorial integrity come first. "
            "They also discussed trade and the next summit.")
    assert "War in Ukraine" in theme_evidence(text)
    elsewhere = ("The minister described the security situation in the capital after the storm. "
                 "Police patrols were doubled and schools reopened.")
    assert "War in Ukraine" not in theme_evidence(elsewhere)


def test_massacres_of_civilians_are_evidence_of_armed_conflict():
    text = ("We condemn the massacres of civilians in the besieged province. "
            "Villages burned for a month while the world watched. "
            "Atrocities on both sides must be investigated.")
    assert "Armed conflict" in theme_evidence(text)


def test_a_title_line_is_a_sentence_of_its_own():
    """A report whose title and lead name the theme is about it, even when the rest gives details
    without the theme's words; the title line is not glued to the first sentence of the body."""
    report = ("Earthquake hits mountain towns\nAn earthquake shook three mountain towns before dawn on Monday. "
              "The mayor visited the market in the afternoon. Shops on the main street reopened by evening.")
    stems, starts = terms(report), sentence_starts(report)
    assert " ".join(stems[starts[0]:starts[1]]) == "earthquak hit mountain town"
    assert list(theme_evidence(report)) == ["Disasters & emergency response"]
    wrapped = "The minister opened the bridge\nover the river. Cars crossed it at noon.\nTraffic was light."
    assert sentence_starts(wrapped) == [0, 5, 8, 13]  # a title ends at its line; later wrapped lines do not


def test_official_language_of_a_border_occupation_is_territorial_evidence():
    text = " ".join(SPEECH * 5 + [
        "Ten years after the boundary commission gave its final ruling, our neighbour still refuses the "
        "demarcation of the border.",
        "Its troops remain in illegal occupation of our sovereign territory.",
        "We ask the Council to end this occupation without delay."] + SPEECH * 5)
    assert len(text.split()) > 1000
    assert "Maritime & territorial disputes" in theme_evidence(text)
    fishery = ("The agency delimited the fishing grounds last year. Boats may fish there from May. "
               "Catches of cod rose, and the fishermen's union welcomed the rules.")
    assert "Maritime & territorial disputes" not in theme_evidence(fishery)


def test_business_hostility_and_aggressive_pricing_are_not_armed_conflict():
    text = ("Board rejects hostile takeover bid. The board rejected the hostile takeover bid for the brewer on "
            "Monday, calling the offer an act of aggressive opportunism. The bidder said it would keep up its "
            "aggressive pricing, and that a trade war between the two firms' home countries was unlikely.")
    assert "Armed conflict" not in theme_evidence(text)
    invasion = ("Troops cross the border. The invasion began at dawn, and the use of force against the "
                "capital drew condemnation. Aggression of this kind must not go unanswered, the envoy said.")
    assert "Armed conflict" in theme_evidence(invasion)


def test_a_paragraph_on_climate_adaptation_in_a_long_speech_is_about_climate():
    text = " ".join(SPEECH * 5 + [
        "Our glaciers are melting faster every year, and the rivers they feed are running dry.",
        "We need climate finance for adaptation and mitigation, not more promises.",
        "Every new school and bridge we build must be climate-resilient."] + SPEECH * 5)
    assert "Climate & security" in theme_evidence(text)


def test_context_words_are_not_a_second_mention():
    """Weak words ("partners", "cooperation") add to evidence but cannot be the second mention a
    theme needs: a greeting that uses the diplomatic formula once is not about an alliance."""
    greeting = ("Greetings to a school book fair\nThe message reads: \"Our strategic partnership now reaches "
                "classrooms too. Pupils from both countries read the same novels this year. I wish the partners "
                "and guests of the fair every success.\"")
    assert theme_evidence(greeting) == {}
    talks = greeting.replace("Pupils from both countries read the same novels this year.",
                             "Our defence cooperation will grow next year.")
    assert list(theme_evidence(talks)) == ["Partnerships & alliances"]


def test_disarmament_language_is_arms_control():
    text = " ".join(SPEECH * 4 + [
        "We welcome the new treaty on the reduction of nuclear weapons between the two largest powers.",
        "Our goal remains a world without nuclear weapons.",
        "Nuclear disarmament must go on without delay."] + SPEECH * 4)
    assert "Arms control & non-proliferation" in theme_evidence(text)


def test_a_readout_on_the_donbas_conflict_zone_is_about_the_war_and_a_summit_alone_is_no_alliance():
    call = ("Telephone conversation with the President of France\nThe leaders discussed the coronavirus and trade. "
            "They regretted the lack of progress in settling the conflict in Ukraine and the situation around "
            "Donbass. The President said that drones had been used in the conflict zone again. They agreed to "
            "speak again soon.")
    assert "War in Ukraine" in theme_evidence(call)
    summit = ("Economic summit opens\nLeaders opened the summit on trade and tourism. The summit will adopt a "
              "declaration on digital trade, and the next summit will be held in the spring.")
    assert "Partnerships & alliances" not in theme_evidence(summit)


def test_groups_that_are_only_terrorist_are_topical_and_defence_firms_are_the_arms_trade():
    withdrawal = ("Troops to leave the border region\nThe government said its troops would leave the border "
                  "region by spring. Officials warned that ISIS cells were regrouping in the desert. Local "
                  "commanders said ISIS had attacked two villages, and terrorists still held a bridge. "
                  "Farmers hope to return to their fields.")
    assert "Terrorism & violent extremism" in theme_evidence(withdrawal)
    deal = ("State company buys a defence firm\nA state-owned holding bought the defence firm on Tuesday. The "
            "defence group makes ammunition and armoured vehicles, and the buyer said it would keep its staff.")
    assert "Defence industry & arms trade" in theme_evidence(deal)


def test_official_language_of_conflicts_and_climate_in_long_speeches():
    conflict = " ".join(SPEECH * 5 + [
        "In the east of the country a rebellion has left two million internally displaced people.",
        "We call for the cessation of hostilities and the protection of civilians.",
        "The factions must demobilize and sign a peace settlement."] + SPEECH * 5)
    assert "Armed conflict" in theme_evidence(conflict)
    climate = " ".join(SPEECH * 5 + [
        "For low-lying islands like ours, every tenth of a degree of global temperature matters.",
        "The largest emitters must lead on mitigation, under common but differentiated responsibilities.",
        "Deforestation and desertification make it worse."] + SPEECH * 5)
    assert "Climate & security" in theme_evidence(climate)


def test_the_names_of_a_conflicts_peace_process_are_topical():
    call = ("Telephone conversation with the Chancellor\nThe two leaders discussed gas prices and a new railway. "
            "They spoke about the stalled settlement in Ukraine and the implementation of the Minsk agreements. "
            "A meeting in the Normandy format could follow. They exchanged New Year greetings.")
    assert "War in Ukraine" in theme_evidence(call)


def test_business_partnerships_are_not_alliances_but_a_readout_on_security_cooperation_is():
    fund = ("Partners to dissolve the property partnership\nThe general partners said the limited partnership "
            "would be dissolved. The partnership owns offices in three cities, and partners will get cash. "
            "The partnership said units would stop trading on Friday.")
    assert theme_evidence(fund) == {}
    call = ("The President spoke with the Secretary of State\nThey discussed enhancing security cooperation to "
            "deter threats on the border. The President thanked the allies for their support. They agreed on "
            "closer defence cooperation next year.")
    assert "Partnerships & alliances" in theme_evidence(call)
