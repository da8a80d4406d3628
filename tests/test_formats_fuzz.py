"""Hostile bytes to the new readers: whatever a saved page, feed, web archive or archive holds,
reading it yields articles, `ReadError`s and `PassedOver` counts, and never raises."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from news_pages import PAGES, page_html, rss2, warc_bytes

from search.ingest.readers import PassedOver, ReadError, read_paths
from search.model import Article

SAMPLES = {".html": page_html(PAGES[0]).encode(), ".rss": rss2().encode(), ".warc": warc_bytes(PAGES[:2], gzip=False),
           ".warc.gz": warc_bytes(PAGES[:2]), ".json": b'{"version": "https://jsonfeed.org/version/1.1", "items": []}'}


def _zip_of(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a/page.html", data)
        archive.writestr("b/feed.rss", data)
    return out.getvalue()


def mangled(sample: bytes) -> st.SearchStrategy[bytes]:
    """The sample cut, spliced with random bytes, or random bytes alone."""
    return st.one_of(
        st.binary(max_size=2000),
        st.tuples(st.integers(0, len(sample)), st.binary(max_size=200), st.integers(0, len(sample))).map(
            lambda t: sample[:t[0]] + t[1] + sample[t[2]:]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_hostile_bytes_never_raise(tmp_path: Path, data: st.DataObject) -> None:
    suffix = data.draw(st.sampled_from([*SAMPLES, ".zip"]))
    content = data.draw(mangled(SAMPLES.get(suffix, SAMPLES[".html"])))
    if suffix == ".zip":
        content = data.draw(st.sampled_from([_zip_of(content), content]))
    path = tmp_path / f"input{suffix}"
    path.write_bytes(content)
    items = list(read_paths([path]))
    assert all(isinstance(item, Article | ReadError | PassedOver) for item in items)
    assert all(isinstance(a.body, str) and a.body.strip() for a in items if isinstance(a, Article))
