"""Helpers the tests share: copies of the project, builds as a user runs them, a served folder, and
the built pages and data to read. Fixtures are in conftest.py; the benchmark's corpora and server
helpers are in the package (edition.workbench)."""

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

from bs4 import BeautifulSoup

from edition.workbench import ROOT, copy_files

SOURCE_IDS = ["darfur-dissertation-2005", "maddox-2015", "ismail-jones-prendergast-2011",
              "black-williams-2008", "kuperman-1996"]
CHROMIUM = "/usr/bin/chromium"
VERSION = "2026-01-01"  # the edition's version in the tests' builds, so that two builds can be compared
BUILD_DATE = "1767225600"  # SOURCE_DATE_EPOCH for them: 2026-01-01
SCREENSHOTS = ROOT / "test-results"
MANY = 40  # sources in the large corpus: more than the sidebar lists, more than a timeline page holds


def copy_project(dest: Path) -> Path:
    """The project's own files (no build output) copied to `dest`."""
    copy_files(dest, ("seeds", "scripts", "registry", "mkdocs.yml"))
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    return dest


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


def mkdocs_build(project: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "-q"], project, env)


def build_script(project: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "scripts/build.py", "--root", str(project)], project)


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a file, and fail if the text to replace is not there (an edit that changes nothing tests nothing)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page(site: Path, source_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "sources" / source_id / "index.html").read_text(encoding="utf-8"), "html.parser")


def edition_data(site: Path, source_id: str) -> dict:
    return json.loads((site / "data" / "edition" / f"{source_id}.json").read_text(encoding="utf-8"))


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


PLAIN_HOST = "edition.test"  # the browser fixture resolves it to 127.0.0.1


def on_plain_http(address: str) -> str:
    """The same server under a name the browser does not trust as local: plain http, no secure context."""
    return address.replace("127.0.0.1", PLAIN_HOST)


def screenshot_path(name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS / name
