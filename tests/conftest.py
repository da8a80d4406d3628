"""Shared fixtures: temporary indexes, a running Streamlit app, and a headless browser.

* `seed_index`: an index built once per test session from `seeds/` (read-only: don't add to it).
* `make_index(*paths)`: build a fresh index from files/folders (e.g. `seeds/` plus a test file).
* `app_server(index_dir, script=app.py)`: start `streamlit run app.py` (or another app script)
  against an index, return its base URL; one server per index and script, killed at the end of
  the session.
* `browser` / `page`: Debian's Chromium driven by Playwright; `page.dialogs` lists every
  JavaScript dialog (alert/confirm/prompt) the page opened.
* `wikinews`: the folder of the shared Wikinews corpus (`../shared/corpora/wikinews`).
* `make_cluster`, `cluster`: real local `searchd` clusters (tests/cluster_fixture.py).

Markers are given by the fixtures a test uses, so no test can forget its own: a test that uses
`app_server`, `browser` or `page` is marked `browser`; one that uses `wikinews` (or reads
`SHARED_CORPORA` and is marked by hand) is marked `corpus`; one that uses a cluster is marked
`cluster`. `pytest -m "not browser"` is the quick loop; `make test` (and CI) runs everything.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest_plugins = ["cluster_fixture"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START_TIMEOUT_S = 45.0
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
BROWSER_FIXTURES = {"app_server", "browser", "page"}
CLUSTER_FIXTURES = {"make_cluster", "cluster"}  # tests/cluster_fixture.py


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests `browser` / `corpus` / `cluster` by the fixtures they use (see the module docstring)."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if "wikinews" in used:
            item.add_marker(pytest.mark.corpus)
        if used & CLUSTER_FIXTURES:
            item.add_marker(pytest.mark.cluster)


@pytest.fixture(scope="session")
def wikinews() -> Path:
    """The shared Wikinews corpus (295 articles, CC BY 2.5; read in place, never copied here)."""
    path = SHARED_CORPORA / "wikinews"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the shared corpora are not beside this checkout")
    return path


@pytest.fixture(scope="session")
def make_index(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """A function building a new index from the given files and folders; returns its directory."""
    from search import build_index

    def make(*paths: str | Path) -> Path:
        index_dir = tmp_path_factory.mktemp("index") / "index"
        report = build_index(list(paths), index_dir)
        assert not report.errors, f"test articles could not be read: {report.errors}"
        return index_dir

    return make


@pytest.fixture(scope="session")
def seed_index(make_index: Callable[..., Path]) -> Path:
    """An index of the articles in `seeds/`, built once per session. Treat it as read-only."""
    return make_index(SEEDS)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """`test-artifacts/` (gitignored): screenshots and logs written during the run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(proc: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer within {SERVER_START_TIMEOUT_S:.0f} s:\n"
                       f"{log_path.read_text(errors='replace')}")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., str]]:
    """A function starting an app script (`app.py` unless given) on a free port against `index_dir`;
    returns "http://127.0.0.1:PORT/"."""
    servers: dict[tuple[str | Path, Path], tuple[subprocess.Popen, str]] = {}
    logs = tmp_path_factory.mktemp("streamlit-logs")

    def start(index_dir: str | Path, script: Path = ROOT / "app.py") -> str:
        location = str(index_dir) if str(index_dir).startswith("sphinx://") else Path(index_dir).resolve()  # a cluster
        key = (location, Path(script).resolve())
        if key in servers:
            return servers[key][1]
        port = free_port()
        env = {**os.environ, "SEARCH_INDEX_DIR": str(key[0]), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
               "PYTHONUNBUFFERED": "1"}
        log_path = logs / f"streamlit-{port}.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(key[1]), "--server.headless", "true",
                 "--server.address", "127.0.0.1", "--server.port", str(port),
                 "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/"
        servers[key] = (proc, url)
        _wait_until_up(proc, url, log_path)
        return url

    yield start
    for proc, _ in servers.values():
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, through Playwright's sync API."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (1280×900) in its own context; `page.dialogs` records JavaScript dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    new_page.set_default_timeout(15_000)
    # Assertions wait as long as actions do: `expect` has its own default of 5 s, too short for a
    # first rerun of the page while the suite's other tests load both cores (seen once in CI).
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    new_page.on("dialog", on_dialog)
    new_page.dialogs = dialogs
    yield new_page
    context.close()
