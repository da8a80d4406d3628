"""Source and date when the reader's metadata does not give them."""

from datetime import date

from search.ingest.enrich.metadata import find_date, find_source, outlet_for


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


def test_first_explicit_date():
    assert find_date("on Thursday (8 September 2022), and 9 September 2022") == date(2022, 9, 8)
    assert find_date("Friday, January 4, 2019") == date(2019, 1, 4)
    assert find_date("Sept. 3, 2020") == date(2020, 9, 3)
    assert find_date("a Mayday 5, 2020 call") is None
    assert find_date("filed 2021-02-30, then 2020-01-02") == date(2020, 1, 2)  # impossible dates skipped
