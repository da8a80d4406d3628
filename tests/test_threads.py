"""Searches from several threads at once (the page serves each session in a thread): reading
stored fields from one snapshot must not interleave (Whoosh keeps them in one shared file and
reads with seek-then-read, so unlocked concurrent reads once gave `zlib.error` at 100k)."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

from search import build_index, search
from search.index.snapshot import snapshot

WORDS = ("harbour council budget river school bridge railway farmers market hospital election storm "
         "museum festival factory workers tunnel airport library drought vaccine court mayor").split()


def test_stored_fields_read_from_many_threads_at_once_are_each_documents_own(tmp_path: Path) -> None:
    rng = random.Random(5)
    rows = [{"id": f"t{i}", "title": f"Report number {i}", "source": "Test Wire", "date": "2024-05-01",
             "text": f"Report number {i}. " + " ".join(rng.choice(WORDS) for _ in range(400 + i % 300)) + "."}
            for i in range(600)]
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    index_dir = tmp_path / "index"
    build_index([source], index_dir)
    snap = snapshot(index_dir)
    errors: list[BaseException] = []
    wrong: list[tuple[int, str]] = []
    start = threading.Barrier(8)

    def read(seed: int) -> None:
        order = random.Random(seed)
        start.wait()
        try:
            for _ in range(1500):
                docnum = order.randrange(snap.doc_count)
                fields = snap.stored_fields(docnum)
                if not fields["body"].startswith(f"Report number {fields['id'][1:]}."):
                    wrong.append((docnum, fields["id"]))
        except Exception as exc:  # noqa: BLE001 - what a thread hit is the finding
            errors.append(exc)

    threads = [threading.Thread(target=read, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors and not wrong, (errors[:3], wrong[:3])
    assert search("harbour", index_dir=index_dir).total > 0
