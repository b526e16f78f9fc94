"""Shared fixtures: a copy of the project built with `mkdocs build`, as a user would."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from benchmark import copy_files, make_corpus  # noqa: E402  (the benchmark's corpora are copies of the project too)

SOURCE_IDS = ["darfur-dissertation-2005", "maddox-2015", "ismail-jones-prendergast-2011",
              "black-williams-2008", "kuperman-1996"]


def copy_project(dest: Path) -> Path:
    """The project's own files (no build output) copied to `dest`."""
    copy_files(dest, ("seeds", "scripts", "registry", "mkdocs.yml"))
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    return dest


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "-q"], project)


def build_script(project: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "scripts/build.py", "--root", str(project)], project)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def site(built: Path) -> Path:
    return built / "site"


MANY = 40  # sources: more than the sidebar lists, and more than PAGE_ROWS dated rows for the timeline


@pytest.fixture(scope="session")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a corpus of MANY sources made from the seeds (as the benchmark makes them)."""
    project = make_corpus(MANY, tmp_path_factory.mktemp("many"))
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")  # committed with the project
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def page(site: Path, source_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "sources" / source_id / "index.html").read_text(encoding="utf-8"), "html.parser")


def edition_data(site: Path, source_id: str) -> dict:
    return json.loads((site / "data" / "edition" / f"{source_id}.json").read_text(encoding="utf-8"))


CHROMIUM = "/usr/bin/chromium"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> Iterator[str]:
    """The folder served over HTTP on a free port, as the address of its root (no trailing slash)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose ledger has one retired anchor (p900, merged into p5 in an earlier reading)."""
    project = copy_project(tmp_path_factory.mktemp("browser"))
    ledger_path = project / "seeds" / "anchors" / "maddox-2015.json"
    ledger = json.loads(ledger_path.read_text())
    ledger["anchors"].append({"id": "p900", "words": "an earlier reading", "redirect": "p5"})
    ledger_path.write_text(json.dumps(ledger))
    assert mkdocs_build(project).returncode == 0
    yield from serve(project / "site")


@pytest.fixture(scope="session")
def served_pagefind(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built with Pagefind as its search engine (extra.search: pagefind in mkdocs.yml)."""
    project = copy_project(tmp_path_factory.mktemp("pagefind"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "search: !ENV [EDITION_SEARCH, lunr]", "search: pagefind"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "pagefind" / "pagefind.js").exists()
    yield from serve(project / "site")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Chromium is missing: run the tests with scripts/test.sh, which installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()




def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the screenshots the browser tests took, so that CI output shows where to look."""
    shots = sorted((ROOT / "test-results").glob("*.png")) if (ROOT / "test-results").is_dir() else []
    if shots:
        terminalreporter.write_sep("-", "screenshots")
        for shot in shots:
            terminalreporter.write_line(f"{shot.relative_to(ROOT)} ({shot.stat().st_size // 1024} KiB)")
