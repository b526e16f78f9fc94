"""Shared fixtures: a copy of the project built with `mkdocs build`, as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SOURCE_IDS = ["darfur-dissertation-2005", "maddox-2015", "ismail-jones-prendergast-2011",
              "black-williams-2008", "kuperman-1996"]


def copy_project(dest: Path) -> Path:
    """The project's own files (no build output) copied to `dest`."""
    for name in ("seeds", "scripts", "registry", "mkdocs.yml"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
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


def page(site: Path, source_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "sources" / source_id / "index.html").read_text(encoding="utf-8"), "html.parser")


def edition_data(site: Path, source_id: str) -> dict:
    return json.loads((site / "data" / "edition" / f"{source_id}.json").read_text(encoding="utf-8"))
