"""The NumPy side files beside an index: atomic save, load-or-rebuild, prune (search/index/side_files.py),
and the layout the postings and facet arrays keep on disk."""

import logging

import numpy as np
from whoosh import index as whoosh_index

from search.index import facet_arrays, postings, side_files
from search.index.schema import FACETS


def write_array(path, value):
    with path.open("wb") as handle:
        np.save(handle, np.array(value))


def read_array(path):
    return int(np.load(path))


def test_save_renames_a_whole_file_into_place_and_leaves_no_partial(tmp_path):
    side_files.save(tmp_path / "cache" / "a.npy", lambda partial: write_array(partial, 7))
    assert read_array(tmp_path / "cache" / "a.npy") == 7
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["a.npy"]


def test_a_failed_save_is_logged_and_its_partial_removed(tmp_path, caplog):
    def half_written(partial):
        partial.mkdir()
        (partial / "first.npy").write_bytes(b"x")
        raise OSError("disk full")

    (tmp_path / "cache").mkdir()
    with caplog.at_level(logging.WARNING):
        side_files.save(tmp_path / "cache" / "segment", half_written)
    assert not any((tmp_path / "cache").iterdir())
    assert "cannot save" in caplog.text and "disk full" in caplog.text


def test_a_folder_that_cannot_hold_side_files_is_logged_not_raised(tmp_path, caplog):
    (tmp_path / "cache").write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING):
        side_files.save(tmp_path / "cache" / "a.npy", lambda partial: write_array(partial, 1))
        value = side_files.load_or_rebuild(tmp_path / "cache" / "a.npy", read_array, lambda: 5,
                                           lambda partial, v: write_array(partial, v))
    assert value == 5 and caplog.text.count("cannot save") == 2


def test_missing_or_unreadable_files_are_rebuilt_saved_and_read_back(tmp_path, caplog):
    path = tmp_path / "a.npy"
    rebuilt = []

    def rebuild():
        rebuilt.append(1)
        return 3

    def write(partial, value):
        write_array(partial, value)

    assert side_files.load(path, read_array) is None
    assert side_files.load_or_rebuild(path, read_array, rebuild, write) == 3 and read_array(path) == 3
    assert side_files.load_or_rebuild(path, read_array, rebuild, write) == 3 and len(rebuilt) == 1  # loaded
    path.write_bytes(b"not numpy")
    with caplog.at_level(logging.WARNING):
        assert side_files.load(path, read_array) is None
        assert side_files.load_or_rebuild(path, read_array, rebuild, write) == 3
    assert "unreadable" in caplog.text and read_array(path) == 3 and len(rebuilt) == 2


def test_a_value_not_to_keep_is_rebuilt_without_saving(tmp_path):
    assert side_files.load_or_rebuild(tmp_path / "a.npy", read_array, lambda: 4, None) == 4
    assert not (tmp_path / "a.npy").exists()


def test_prune_keeps_only_the_named_entries_and_drops_leftover_partials(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    for name in ("kept.npz", "gone.npz", "kept.npz.123.tmp"):
        (folder / name).write_bytes(b"x")
    for name in ("kept-folder", "gone-folder", "gone-folder.123.tmp"):
        (folder / name).mkdir()
        (folder / name / "words.npy").write_bytes(b"x")
    side_files.prune(folder, ["kept.npz", "kept-folder"])
    assert sorted(p.name for p in folder.iterdir()) == ["kept-folder", "kept.npz"]
    side_files.prune(tmp_path / "absent", [])  # nothing saved yet: nothing to do


def test_the_index_keeps_its_side_files_in_the_same_layout(seed_index):
    index_dir = seed_index
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        segments = {leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()}
        generation = reader.generation()
        version = facet_arrays.version_key(leaf.segment() for leaf, _ in reader.leaf_readers())
    assert {p.name for p in (index_dir / postings.POSTINGS_DIR).iterdir()} == segments
    for segment in segments:
        assert {p.name for p in (index_dir / postings.POSTINGS_DIR / segment).iterdir()} == \
            {f"{field}.{array}.npy" for field in ("title", "body")
             for array in ("terms", "starts", "docs", "pos_starts", "positions")} | {"words.npy", "word_docs.npy"}
        assert postings.load(index_dir, segment) is not None and facet_arrays.load(index_dir, segment) is not None
    assert {p.name for p in (index_dir / facet_arrays.CACHE_DIR).iterdir()} == \
        {f"{segment}.npz" for segment in segments} | {f"tables-{generation}.npz"}
    assert facet_arrays.load_tables(index_dir, generation, version).keys() == FACETS.keys()
