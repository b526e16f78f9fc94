"""Shared fixtures: a copy of the project built with `mkdocs build`, as a user would, and a browser.
Helpers are in support.py. Each test is marked by what it needs (pytest -m): `browser` (Chromium),
`build` (a site or an edition is built), or `unit` (neither: the fast tier)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edition.workbench import make_corpus
from support import (
    BUILD_DATE,
    CHROMIUM,
    MANY,
    PLAIN_HOST,
    ROOT,
    VERSION,
    copy_project,
    mkdocs_build,
    replace_once,
    serve,
)

BROWSER_FIXTURES = {"browser", "served", "served_pagefind"}
BUILD_FIXTURES = {"built", "site", "many", "project"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test by the fixtures it uses; a test that builds without them is marked in its module."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)
        elif names & BUILD_FIXTURES or item.get_closest_marker("build"):
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)


def fixed_version() -> dict[str, str]:
    """The edition's version and MkDocs' build date fixed (the sitemap's dates), for comparable builds."""
    return dict(os.environ, EDITION_VERSION=VERSION, SOURCE_DATE_EPOCH=BUILD_DATE)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built with `mkdocs build` (the edition's version fixed, so that the site can be compared)."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project, fixed_version())
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def site(built: Path) -> Path:
    return built / "site"



@pytest.fixture(scope="session")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a corpus of MANY sources made from the seeds (as the benchmark makes them)."""
    project = make_corpus(MANY, tmp_path_factory.mktemp("many"))
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")  # committed with the project
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


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
    replace_once(project / "mkdocs.yml", "search: !ENV [EDITION_SEARCH, lunr]", "search: pagefind")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "pagefind" / "pagefind.js").exists()
    yield from serve(project / "site")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # only the browser tests need Playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run the tests with scripts/test.sh, which installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    # a name that is not this machine's to the browser: a page served over
                                    # plain http there is not a secure context (no clipboard API)
                                    f"--host-resolver-rules=MAP {PLAIN_HOST} 127.0.0.1"])
        yield b
        b.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the screenshots the browser tests took, so that CI output shows where to look."""
    shots = sorted((ROOT / "test-results").glob("*.png")) if (ROOT / "test-results").is_dir() else []
    if shots:
        terminalreporter.write_sep("-", "screenshots")
        for shot in shots:
            terminalreporter.write_line(f"{shot.relative_to(ROOT)} ({shot.stat().st_size // 1024} KiB)")
