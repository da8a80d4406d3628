"""Round 12's first-answer speed: what a fresh process's first query imports and reads.

A query must not import the building, checking and exporting code (the ingest pipeline and
its format libraries) nor `platformdirs` and `numpy.random`; saved arrays are memory-mapped
without NumPy's per-file work (search/index/mapped_arrays.py) and read the same; a segment's
positions and spelling words are read, and checked, only by the queries that need them, and
damage found then is rebuilt as before; a query without a `field:` is parsed as it was, by a
parser without the date plugin.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from search import build_index, search
from search.engine import parsing
from search.index import integrity, mapped_arrays
from search.index.schema import make_schema

ROOT = Path(__file__).resolve().parent.parent
TOPICS = ["lantern", "orchard", "ferry", "quarry", "glacier", "violin", "tractor", "meadow"]


def fresh_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.strip()


def test_importing_the_package_leaves_building_exporting_and_checking_code_unloaded():
    loaded = json.loads(fresh_python("import sys, json, search; print(json.dumps(sorted(sys.modules)))"))
    for module in ("search.index.build", "search.ingest.readers", "search.engine.export", "search.index.check",
                   "search.index.optimize", "platformdirs", "numpy.random"):
        assert module not in loaded, module


def test_the_lazy_names_are_the_public_api_as_before():
    import inspect

    import search as package
    from search.index import build as build_module

    assert package.build_index is build_index and package.build_index.__wrapped__ is build_module.build_index
    assert list(inspect.signature(package.build_index).parameters)[:2] == ["paths", "index_dir"]
    assert package.ARTICLE_SUFFIXES and callable(package.read_paths) and package.IndexReport.__name__ == "IndexReport"
    assert all(hasattr(package, name) for name in package.__all__)
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        package.no_such_name  # noqa: B018


@pytest.mark.parametrize("array", [
    np.arange(7, dtype=np.int64), np.array([3, 1, 2], dtype=np.uint32), np.array([b"kite", b"a"]),
    np.array(["plum", "fig tree"]), np.array(12), np.zeros(0, dtype=np.int32), np.zeros((0, 4), dtype=np.uint32),
    np.arange(12, dtype=np.int16).reshape(3, 4), np.asfortranarray(np.arange(6).reshape(2, 3)),
    np.array([1.5, -2.0], dtype=">f8"),
])
def test_a_mapped_npy_reads_as_numpy_reads_it_and_is_read_only(tmp_path, array):
    np.save(tmp_path / "a.npy", array)
    mapped, loaded = mapped_arrays.load_npy(tmp_path / "a.npy"), np.load(tmp_path / "a.npy")
    assert mapped.dtype == loaded.dtype and mapped.shape == loaded.shape and np.array_equal(mapped, loaded)
    assert mapped.flags.f_contiguous == loaded.flags.f_contiguous and not mapped.flags.writeable


def test_a_mapped_npz_reads_as_numpy_and_a_damaged_member_is_refused(tmp_path):
    arrays = {"docs": np.arange(40, dtype=np.int32), "values": np.array(["north", "south"]), "rules": np.array(3)}
    with (tmp_path / "t.npz").open("wb") as handle:
        np.savez(handle, **arrays)
    mapped = mapped_arrays.load_npz(tmp_path / "t.npz")
    assert list(mapped) == list(arrays) and all(np.array_equal(mapped[k], v) for k, v in arrays.items())
    data = bytearray((tmp_path / "t.npz").read_bytes())
    data[data.index(np.arange(40, dtype=np.int32).tobytes()) + 8] ^= 0xFF  # one byte of `docs`, size unchanged
    (tmp_path / "t.npz").write_bytes(bytes(data))
    with pytest.raises(zipfile.BadZipFile):
        mapped_arrays.load_npz(tmp_path / "t.npz")


def test_a_compressed_npz_is_left_to_numpy(tmp_path):
    with (tmp_path / "c.npz").open("wb") as handle:
        np.savez_compressed(handle, words=np.array([b"ab", b"cd"]), counts=np.array([2, 5]))
    loaded = mapped_arrays.load_npz(tmp_path / "c.npz")
    assert loaded["words"].tolist() == [b"ab", b"cd"] and loaded["counts"].tolist() == [2, 5]


@pytest.mark.parametrize("text", ["harvest", "rain OR snow", '"night ferry" -delay', "orch* +cider", "glacer~",
                                  "(wind AND sail) NOT motor", "[a TO m]", ">2019", "2019-06-30", "price^2 tin"])
def test_a_query_without_a_field_parses_alike_with_or_without_the_date_plugin(text):
    schema = make_schema()

    def parsed(plain: bool, dates: bool) -> str:
        try:
            return repr(parsing._parser(schema, True, plain, dates=dates).parse(text, normalize=False))
        except Exception as exc:  # Whoosh fails on some syntax (`parse_query` then searches plain words)
            return f"{type(exc).__name__}: {exc}"

    for plain in (False, True):
        assert parsed(plain, dates=True) == parsed(plain, dates=False)


def test_a_date_field_in_the_query_still_gets_the_date_parser():
    parsed = parsing.parse_query("published:2019-06 tractor", make_schema(), lambda facet, value: value)
    assert "DateRange" in repr(parsed.query) and "tractor" in repr(parsed.query)


def write_articles(path: Path, count: int) -> Path:
    lines = []
    for i in range(count):
        a, b = TOPICS[i % len(TOPICS)], TOPICS[(i * 5 + 2) % len(TOPICS)]
        lines.append(json.dumps({"id": f"n{i}", "title": f"A note about the {a} {i}",
                                 "text": f"Villagers spoke of the old {a} beside the {b} all week. "
                                         f"Nobody expected the {b} to close before spring.",
                                 "date": f"2021-{1 + i % 12:02d}-{1 + i % 27:02d}"}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("speed12")
    build_index([write_articles(root / "a.jsonl", 120)], root / "index")
    return root / "index"


def answer(query: str, index_dir: Path) -> str:
    return re.sub(r"elapsed_ms=[0-9.e-]+", "", repr(search(query, index_dir=index_dir)))


@pytest.mark.parametrize(("victim", "needing_query"), [("body.positions.npy", '"old lantern beside"'),
                                                       ("words.npy", "glaciar")])
def test_arrays_read_on_demand_are_checked_then_and_rebuilt_when_damaged(pristine, tmp_path, victim, needing_query):
    index_dir = Path(shutil.copytree(pristine, tmp_path / "index"))
    path = next(index_dir.glob(f"postings/*/{victim}"))
    intact = path.read_bytes()
    middle = len(intact) // 2
    damaged = intact[:middle] + bytes(b ^ 0xFF for b in intact[middle:middle + 64]) + intact[middle + 64:]
    path.write_bytes(damaged)
    integrity.check_side(path.parent)  # the folder's check leaves the on-demand files to their first read
    assert answer("orchard", index_dir) == answer("orchard", pristine)
    assert path.read_bytes() == damaged  # a plain word needed neither positions nor spelling words
    assert answer(needing_query, index_dir) == answer(needing_query, pristine)
    assert path.read_bytes() == intact  # rebuilt and saved again, with its record
    assert integrity.measure(path) == integrity.read_manifest(index_dir)[str(path.relative_to(index_dir))]


def test_whoosh_terms_are_read_only_for_a_question_about_a_facet_or_id_term(pristine, tmp_path):
    from search.index.snapshot import snapshot

    index_dir = Path(shutil.copytree(pristine, tmp_path / "index"))
    plain = search("meadow", index_dir=index_dir)
    leaves = [leaf for leaf, _ in snapshot(index_dir.resolve())._leaves()]
    assert plain.total and all("_whoosh" not in leaf._terms.__dict__ for leaf in leaves)
    some_id = plain.hits[0].id
    assert [h.id for h in search(f'id:"{some_id}"', index_dir=index_dir).hits] == [some_id]
    assert any("_whoosh" in leaf._terms.__dict__ for leaf in leaves)
