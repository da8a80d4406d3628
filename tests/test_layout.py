"""The package layout keeps the data flow visible: imports go one way, with no cycle.

    app, cli  →  public API (search/__init__.py)  →  backend  →  engine  →  index  →  model
                                                          index/build.py  →  ingest  →  model
              backend, cli  →  cluster (lazily)  →  engine, index, index/build.py, ingest

(`search/backend.py` picks the local engine or a cluster for each call; `search/cluster/` is the
cluster's side: its searching, loading and processes.)

Every `import` of a `search` module is read from the source (module level and inside functions
alike: an import hidden in a function is still a dependency), so a change that breaks the
layering fails here with the offending line.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "search"

# The bottom layer: modules every layer may import.
BASE = {"search.model", "search.errors", "search.settings"}

# Which layers each layer may import (besides itself and BASE).
ALLOWED = {
    "base": set(),
    "ingest": set(),
    "index": set(),
    "index.build": {"ingest", "index"},
    "engine": {"index"},
    "api": {"backend", "engine", "index", "index.build", "ingest", "cluster"},
    "backend": {"cluster", "engine", "index", "index.build"},
    # the cluster backend (imported lazily, through the backend boundary) reuses the local pipeline
    "cluster": {"engine", "index", "index.build", "ingest"},
    "cli": {"api", "cluster"},
    "app": {"api"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    if module in BASE:
        return "base"
    if module in ("search", "search.__main__"):
        return "api" if module == "search" else "cli"
    if module == "search.backend":
        return "backend"
    if module == "search.index.build":
        return "index.build"
    part = module.split(".")[1]
    return {"ingest": "ingest", "index": "index", "engine": "engine", "app": "app", "cli": "cli",
            "cluster": "cluster"}[part]


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of a `search` module in the file, relative ones resolved."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "search"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "search":
                continue
            # `from search.index import snapshot` imports the module search.index.snapshot
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((node.lineno, sub if (PACKAGE.parent / (sub.replace(".", "/") + ".py")).exists()
                              or (PACKAGE.parent / sub.replace(".", "/")).is_dir() else target))
    return found


def graph() -> dict[str, list[tuple[int, str]]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_only_the_top_level_modules_sit_in_search_itself():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "backend.py", "cli.py", "errors.py", "model.py", "settings.py"]
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__") == \
        ["app", "cluster", "engine", "index", "ingest"]


def test_imports_flow_one_way():
    wrong = []
    for module, imported in graph().items():
        mine = layer(module)
        for line, target in imported:
            theirs = layer(target)
            if target == module or theirs == mine or theirs == "base" or theirs in ALLOWED[mine]:
                continue
            if mine == "index.build" and theirs == "index":
                continue
            wrong.append(f"{module}:{line} ({mine}) imports {target} ({theirs})")
    assert not wrong, "imports against the data flow:\n" + "\n".join(wrong)


def test_no_import_cycle():
    edges = defaultdict(set)
    for module, imported in graph().items():
        edges[module] |= {target for _, target in imported if target != module}
    done, path, cycles = set(), [], []

    def visit(node: str) -> None:
        if node in path:
            cycles.append(path[path.index(node):] + [node])
            return
        if node in done:
            return
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            visit(nxt)
        path.pop()
        done.add(node)

    for module in sorted(edges):
        visit(module)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_cycle_check_sees_a_cycle(tmp_path, monkeypatch):
    """The checker itself: two modules importing each other are reported."""
    fake = tmp_path / "search"
    (fake / "index").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "index" / "__init__.py").write_text("")
    (fake / "index" / "a.py").write_text("from search.index import b\n")
    (fake / "index" / "b.py").write_text("def f():\n    from search.index.a import x\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    try:
        test_no_import_cycle()
    except AssertionError as exc:
        assert "search.index.a -> search.index.b -> search.index.a" in str(exc)
    else:
        raise AssertionError("the cycle between a and b was not reported")


def test_only_the_index_and_the_query_parser_import_whoosh():
    users = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                   if any(isinstance(n, (ast.Import, ast.ImportFrom)) and
                          (getattr(n, "module", None) or "").split(".")[0] == "whoosh"
                          or isinstance(n, ast.Import) and any(a.name.split(".")[0] == "whoosh" for a in n.names)
                          for n in ast.walk(ast.parse(p.read_text("utf-8")))))
    outside = [u for u in users if not u.startswith("search/index/") and u != "search/engine/parsing.py"]
    assert not outside, f"Whoosh imported outside search/index/: {outside}"
    assert any(u.startswith("search/index/") for u in users)  # the check does see imports


def test_the_python_api_and_cli_work_without_the_web_framework(seed_index):
    """`pip install news-search` (no [app] extra) must give a working API and CLI: nothing outside
    search/app imports streamlit or altair. Run with both made unimportable."""
    code = (
        "import sys; sys.modules['streamlit'] = None; sys.modules['altair'] = None\n"
        "import search, search.cli\n"
        f"res = search.search('nato', index_dir={str(seed_index)!r})\n"
        "assert res.total >= 1, res.total\n"
        f"sys.exit(search.cli.main(['stats', '--index-dir', {str(seed_index)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2" in done.stdout  # the seed index's two articles are reported
