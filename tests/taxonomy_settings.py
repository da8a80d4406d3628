"""The packaged theme taxonomy with some of its top-level settings changed, for tests that show what a setting does."""

from pathlib import Path

from search.ingest.enrich.themes import Taxonomy, load_taxonomy

PACKAGED = Path(__file__).resolve().parents[1] / "search" / "ingest" / "enrich" / "themes.toml"


def taxonomy_with(tmp_path: Path, **settings: float) -> Taxonomy:
    """The packaged taxonomy with `settings` (top-level keys of themes.toml) set to other values."""
    text = PACKAGED.read_text("utf-8")
    for key, value in settings.items():
        start = text.index(f"\n{key} = ") + 1
        end = text.index("\n", start)
        text = text[:start] + f"{key} = {value}" + text[end:]
    path = tmp_path / "themes.toml"
    path.write_text(text, "utf-8")
    return load_taxonomy(path)
