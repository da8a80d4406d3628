"""Source and date when the reader's metadata does not give them."""

from datetime import date

import pytest

from search.ingest.enrich import enrich
from search.ingest.enrich.metadata import find_date, find_source, outlet_for
from search.model import Article


def test_source_line_wins():
    text = "Title\nBody.\nOh Soo-young, Arirang News.\nSource : Arirang TV, https://www.arirang.com/news/view?id=1"
    assert find_source(text) == "Arirang TV"


def test_reporter_sign_off():
    assert find_source("Title\nBody text.\nOh Soo-young, Arirang News.”") == "Arirang News"
    assert find_source("Title\nShe said, Wednesday.") == "Unknown"


def test_dateline_credit():
    assert find_source("WASHINGTON (Reuters) - The Fed held rates.") == "Reuters"
    assert find_source("SEOUL, July 3 (Yonhap) — Talks resumed.") == "Yonhap"


def test_url_domains_map_to_outlets():
    assert outlet_for("https://en.wikinews.org/wiki/X") == "Wikinews"
    assert outlet_for("https://www.example-news.com/a") == "example-news.com"
    assert find_source("No clues here.", "https://www.arirang.com/news") == "Arirang TV"


TODAY = date(2026, 6, 15)
MARCH_3 = date(2021, 3, 3)  # a Wednesday


def head(*lines: str) -> str:
    """A title, the given head lines, and an ordinary body after them."""
    return "\n".join(["Harbour cranes idle as dock strike enters second week", *lines,
                      "Dock workers walked out over pay.", "The port authority said talks would resume."])


@pytest.mark.parametrize("line", [
    "MOSCOW, March 3, 2021 (Reuters) - The central bank kept its key rate unchanged.",
    "PARIS, 3 March 2021 (AFP) - Ministers met to discuss the strike.",
    "SEOUL, March 3, 2021 (Yonhap) — Talks resumed at the port.",
    "GENEVA (3 March 2021) – The council opened its spring session.",
    "ABUJA, Nigeria, March 3, 2021 /PRNewswire/ -- A shipping firm announced new routes.",
    "ROCHESTER, N.Y., March 3, 2021 - A toolmaker said it would split its stock.",
    "SAO PAULO, Wednesday, March 3, 2021 - Coffee growers counted their losses.",
    "Rotterdam, 3 March 2021",
])
def test_datelines_of_agencies(line):
    assert find_date(head(line), TODAY) == MARCH_3


@pytest.mark.parametrize("line", [
    "Wednesday, 3 March 2021",
    "Wednesday, March 3, 2021\xa0",
    "Wed 3rd of March 2021",
    "Published: 10:31 GMT, 3 March 2021",
    "Posted on March 3, 2021 by Jo Bloggs",
    "Updated 3:15 PM EST, Wed March 3, 2021",
    "By Jo Bloggs | March 3, 2021 | 4 min read",
    "Jo Bloggs – 3 March 2021 – Opinion",
    "Date: 2021-03-03",
    "2021-03-03T09:15:00Z",
])
def test_date_lines_in_the_head(line):
    assert find_date(head(line), TODAY) == MARCH_3


def test_date_line_as_first_line_without_title_and_after_blank_lines():
    assert find_date("\n\nWednesday, 3 March 2021\n\n\nDock workers walked out.", TODAY) == MARCH_3
    assert find_date("Title\nBy Jo Bloggs\nReporting from the docks\nPublished 3 March 2021\nText.", TODAY) == MARCH_3


def test_published_wins_over_updated():
    assert find_date(head("Updated 5 March 2021", "Published 3 March 2021"), TODAY) == MARCH_3
    assert find_date(head("Last updated: 5 March 2021"), TODAY) == date(2021, 3, 5)


def test_dateline_without_year_gives_no_date():
    """The year cannot be told from the text alone: a same-day date with a year in the body may be
    a maturity, a weekday fits one year in seven."""
    assert find_date(head("MOSCOW, March 3 (Reuters) - The bank held rates."), TODAY) is None
    assert find_date(head("LONDON, Feb 26 - Notes due February 26, 1999 were sold."), TODAY) is None
    assert find_date(head("Wednesday, March 3"), TODAY) is None
    assert find_date(head("LONDON (AP) — The strike went on."), TODAY) is None


@pytest.mark.parametrize("line", [
    "Born: 27 October 1920",
    "The veteran docker, born on 27 October, 1920, remembered earlier strikes.",
    "27 October 1920 – 3 March 2005",
    "The union, founded 3 March 1921, called the strike.",
    "Closed since 3 March 2021",
])
def test_birth_and_founding_dates_are_not_publication(line):
    assert find_date(head(line), TODAY) is None


def test_fixtures_are_not_publication():
    assert find_date("Dockers v Harbour Rovers\nTuesday, 1 March 2005\nKick-off 19:45\nA preview.", TODAY) is None
    assert find_date(head("Kick-off: Tuesday, 1 March 2005 – Harbour Park"), TODAY) is None
    assert find_date(head("Tuesday, 1 March 1945"), TODAY) is None  # 1 March 1945 was a Thursday


def test_dates_in_sentences_and_below_the_head_are_not_publication():
    assert find_date(head("On 26 November 2020, the leaders will meet in the port city."), TODAY) is None
    assert find_date(head("The study, published on 3 March 2020 in a journal, found little."), TODAY) is None
    body = "Title\nOne.\nTwo.\nThree.\nWednesday, 3 March 2021\nThe treaty was signed on 3 March 1918."
    assert find_date(body, TODAY) is None


def test_ranges_are_not_publication():
    assert find_date(head("3–5 March 2021"), TODAY) is None
    assert find_date(head("3 March 2021 to 5 March 2021"), TODAY) is None
    assert find_date(head("GENEVA, 1 – 3 March 2021 — The session opened."), TODAY) is None


def test_implausible_dates_are_dropped():
    assert find_date(head("3 March 1899"), TODAY) is None  # before 1900
    assert find_date(head("Published 3 March 2031"), TODAY) is None  # after tomorrow
    assert find_date(head("Published 16 June 2026"), TODAY) == date(2026, 6, 16)  # tomorrow (time zones)
    assert find_date(head("Thursday, 3 March 2021"), TODAY) is None  # weekday is not the date's
    assert find_date(head("Date: 2021-02-30"), TODAY) is None  # no such day


def test_no_date():
    assert find_date(head(), TODAY) is None
    assert find_date("", TODAY) is None
    assert find_date(head("A Mayday 5, 2020 call"), TODAY) is None


def test_the_readers_date_wins():
    text = "Wednesday, 3 March 2021\nDock workers walked out over pay."
    given = enrich(Article("a1", "Dock strike", text, published=date(2021, 3, 4)))
    assert given.published == date(2021, 3, 4)
    assert enrich(Article("a2", "Dock strike", text)).published == MARCH_3


def test_a_titles_trailing_date_is_its_subject():
    assert find_date("Remembering the harbour fire – 7 September 1940\nSurvivors met at the quay.", TODAY) is None
    assert find_date("Harbour news\nHarbour news – 3 March 2021\nSurvivors met.", TODAY) == MARCH_3


def test_a_datelines_story_and_prose_neighbours_do_not_cancel_it():
    assert find_date(head("LONDON, March 3, 2021 - Talks due today were postponed until May."), TODAY) == MARCH_3
    assert find_date(head("NEW YORK, March 3, 2021 - Sun Co said it raised prices."), TODAY) == MARCH_3
    prose = ("The court heard Harbour Board v Dockers Union on Monday, and the judges said they would rule "
             "within a month after hearing from both sides and the port authority.")
    assert find_date(head("Wednesday, 3 March 2021", prose), TODAY) == MARCH_3
