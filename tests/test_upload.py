"""Indexing uploaded files from the page (search/app/upload.py): progress over every file, as the
page's progress bar shows it. It is the progress `build_index` reports (`IndexProgress`), summed
over the files."""

import json

from search import IndexProgress
from search.app.upload import Upload, index_uploads, progress_text, save_uploads


def test_progress_over_several_files_ends_with_every_article_and_byte(tmp_path):
    uploads = [Upload(f"wire{n}.jsonl", "\n".join(
        json.dumps({"id": f"u{n}-{i}", "title": f"Report {i}", "text": "Negotiators met in Geneva."})
        for i in range(3)).encode()) for n in range(2)]
    saved = save_uploads(uploads, tmp_path / "uploads")
    seen: list[IndexProgress] = []
    reports = index_uploads(saved, tmp_path / "index", seen.append)
    assert [r.added for r in reports] == [3, 3]
    total = sum(len(u.data) for u in uploads)
    assert {p.bytes_total for p in seen} == {total}
    assert [p.bytes_read for p in seen] == sorted(p.bytes_read for p in seen)  # never goes back
    assert [p.articles for p in seen] == sorted(p.articles for p in seen)
    assert (seen[-1].articles, seen[-1].bytes_read, seen[-1].fraction) == (6, total, 1.0)
    assert any(0 < p.fraction < 1 for p in seen)  # the second file starts half way


def test_progress_text_says_articles_rate_and_time_left():
    assert progress_text(IndexProgress(0, 0, 100, 0.0)) == "Indexed 0 articles"
    assert progress_text(IndexProgress(1, 10, 100, 0.5)) == "Indexed 1 article · 2 articles/s · about 4 s left"
    assert progress_text(IndexProgress(1200, 10, 100, 20.0)) == \
        "Indexed 1,200 articles · 60 articles/s · about 3 min left"
    assert progress_text(IndexProgress(90, 100, 100, 3.0)) == "Indexed 90 articles · 30 articles/s"  # done


def test_fraction_of_bytes_read():
    assert IndexProgress(5, 25, 100, 1.0).fraction == 0.25
    assert IndexProgress(5, 120, 100, 1.0).fraction == 1.0  # never past the end
    assert IndexProgress(0, 0, 0, 0.0).fraction == 1.0  # nothing to read
