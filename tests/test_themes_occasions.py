"""Themes and the kind of release: a readout's list of topics names each topic once, and a message of greetings,
congratulations or condolences praises and remembers (`themes.toml`: `list_words`, `ceremony_words`)."""

import dataclasses

from search.ingest.enrich.themes import default_taxonomy, theme_evidence


def test_one_item_of_a_list_of_topics_is_not_what_a_readout_is_about():
    readout = ("The President spoke by phone with the Prime Minister of a Baltic state. The leaders discussed "
               "trade in timber, defence cooperation, student exchanges and a new ferry line. The Prime Minister "
               "also raised issues of bilateral cooperation, military cooperation, tourism and culture. They agreed "
               "to meet in spring.")
    assert "Partnerships & alliances" not in theme_evidence(readout)
    without_lists = dataclasses.replace(default_taxonomy(), list_words=frozenset())
    assert "Partnerships & alliances" in theme_evidence(readout, without_lists)  # the lists alone made it
    paragraph = ("The President spoke by phone with the Prime Minister of a Baltic state. The leaders agreed to "
                 "deepen defence cooperation between the two armies. The Prime Minister said military cooperation "
                 "would include joint exercises on the coast next summer. They agreed to meet in spring.")
    assert "Partnerships & alliances" in theme_evidence(paragraph)


def test_a_cue_before_the_first_comma_of_a_sentence_is_no_list_item():
    readout = ("The Chancellor called the President. During the talks about the war in Ukraine, the President said "
               "the ceasefire in Donbas was broken daily, which worried both sides, and asked for new talks. The "
               "Chancellor noted the shelling of villages near the contact line in Donbas.")
    without_lists = dataclasses.replace(default_taxonomy(), list_words=frozenset())
    assert "War in Ukraine" in theme_evidence(readout)
    assert theme_evidence(readout) == theme_evidence(readout, without_lists)


def test_a_message_of_greetings_needs_more_than_its_setting():
    greeting = ("Greetings on City Day\nThe President sent a message of greetings to the residents of the old river "
                "port. The message reads, in part: \"Dear friends, I warmly congratulate you on the birthday of "
                "your city. For three hundred years it has welcomed merchants, sailors and craftsmen from many "
                "lands, and its fairs and theatres are known far beyond the region. Its schools and libraries have "
                "raised generations of teachers, engineers and doctors who have served the whole country with "
                "honour. A century ago, the town survived a civil war and a siege. Enemy "
                "troops marched through its streets. Your grandparents rebuilt the bridges and the cathedral. Today "
                "the port sends grain across the world, and the new university opens its doors to students.\"")
    assert theme_evidence(greeting) == {}
    as_news = greeting.replace("Greetings on City Day", "Visit to the river port", 1)
    assert "Armed conflict" in theme_evidence(as_news)  # the same words outside a message of greetings
    condolences = ("Condolences to the President of an island republic\nThe President sent a message of condolences "
                   "over the deaths caused by a typhoon. The typhoon destroyed thousands of homes, and floods cut off "
                   "whole provinces. Rescue teams are still searching for the missing after the natural disaster.")
    assert "Disasters & emergency response" in theme_evidence(condolences)


def test_the_armies_of_a_war_long_past_are_history():
    museum = ("Visit to the new war museum\nThe President opened a museum in a northern town. Soviet troops held the "
              "river line here for a whole winter. In spring the Soviet offensive pushed the front far to the west. "
              "The museum shows letters, uniforms and maps, and schoolchildren will come on excursions.")
    assert "Armed conflict" not in theme_evidence(museum)
    today = museum.replace("Soviet troops", "Government troops").replace("the Soviet offensive", "a rebel offensive")
    assert "Armed conflict" in theme_evidence(today)
