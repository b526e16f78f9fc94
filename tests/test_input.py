"""Bad input gets a clear error naming the file and line, a non-zero exit, and the previous output intact;
odd but valid input (markup in a source, no metadata) builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import build_script, copy_project, mkdocs_build, replace_once


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def only_source(project: Path, name: str, data: bytes, meta: str | None = None) -> Path:
    """Replace the seeds with one source (and optional metadata)."""
    for p in (project / "seeds").glob("*"):
        if p.is_file():
            p.unlink()
    shutil.rmtree(project / "seeds" / "anchors", ignore_errors=True)
    for register in (project / "registry").glob("*s.yml"):
        register.unlink()  # the registry's evidence names the five sources, which are gone
    path = project / "seeds" / name
    path.write_bytes(data)
    if meta is not None:
        path.with_suffix(".yml").write_text(meta, encoding="utf-8")
    return path


BAD_SOURCES = [
    ("latin1.txt", "First line.\nSecond line with caf\xe9.\n".encode("latin-1"), ":2: source is not UTF-8"),
    ("empty.txt", b"  \n\n", ":1: source is empty"),
    ("binary.txt", b"GIF89a\x00\x01\x02", ":1: source is binary"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_SOURCES)
def test_a_bad_source_fails_clearly_and_keeps_the_site(project: Path, name: str, data: bytes, message: str) -> None:
    assert mkdocs_build(project).returncode == 0
    before_docs, before_site = snapshot(project / "docs"), snapshot(project / "site")
    (project / "seeds" / name).write_bytes(data)
    for command in (build_script, mkdocs_build):
        result = command(project)
        assert result.returncode != 0
        assert f"seeds/{name}{message}" in result.stdout + result.stderr, result.stderr
    assert snapshot(project / "docs") == before_docs
    assert snapshot(project / "site") == before_site


BAD_METADATA = [
    ("title: [unclosed\n", ":1: metadata does not parse"),
    ("title: A title\nauthor:\n  - family: X\n    nickname: Y\n", ":4: author.0: unknown key(s) nickname"),
    ("title: A title\nissued: last year\n", ":2: issued:"),
    ("id: Bad Id\ntitle: T\n", ":1: id:"),
]


@pytest.mark.parametrize(("meta", "message"), BAD_METADATA)
def test_bad_metadata_names_file_and_line(project: Path, meta: str, message: str) -> None:
    only_source(project, "a.txt", b"Some text of a source.\n", meta)
    result = build_script(project)
    assert result.returncode == 1
    assert f"seeds/a.yml{message}" in result.stderr, result.stderr


def test_a_source_without_metadata_builds_with_a_warning(project: Path) -> None:
    only_source(project, "my_notes.txt", b"On Darfur\n\nThe first paragraph of a new source.\n")
    result = build_script(project)
    assert result.returncode == 0, result.stderr
    assert "no metadata file my_notes.yml" in result.stderr
    md = (project / "docs" / "sources" / "my-notes.md").read_text(encoding="utf-8")
    assert "# On Darfur" in md


def test_windows_line_endings_and_a_bom_read_as_text(project: Path) -> None:
    only_source(project, "win.txt", "\ufeffA heading\r\n\r\nA paragraph, with words.\r\n".encode(), "title: Win\n")
    assert build_script(project).returncode == 0
    md = (project / "docs" / "sources" / "win.md").read_text(encoding="utf-8")
    assert "\r" not in md and "\ufeff" not in md and "A paragraph, with words." in md


MARKUP = """Markup test

<script>alert("x")</script> and *stars* and _under_ and [a link](http://example.com) and {#id} and | a | b |

# not a heading

<!-- not a comment --> and {{ not jinja }} and !!! note and `code` and &amp; and \\*escaped\\*
"""


def test_markup_in_a_source_renders_as_text(project: Path) -> None:
    only_source(project, "markup.txt", MARKUP.encode(), "title: Markup <b>test</b> *x*\n")
    assert mkdocs_build(project).returncode == 0
    soup = BeautifulSoup((project / "site" / "sources" / "markup" / "index.html").read_text(), "html.parser")
    article = soup.select_one("article")
    text = article.get_text()
    for literal in ('<script>alert("x")</script>', "*stars*", "_under_", "[a link](http://example.com)", "{#id}",
                    "| a | b |", "# not a heading", "<!-- not a comment -->", "{{ not jinja }}", "!!! note",
                    "`code`", "&amp;", "\\*escaped\\*"):
        assert literal in text, literal
    paras = article.select(".para")
    assert not [el for p in paras for el in p.select("script, em, table, code, a[href='http://example.com']")]
    assert soup.select_one("h1").get_text().rstrip("¶") == "Markup <b>test</b> *x*"
    assert article.find(id="id") is None


def test_a_killed_build_leaves_the_previous_site_whole(project: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    assert mkdocs_build(project).returncode == 0
    before = snapshot(project / "site")
    meta = project / "seeds" / "004_95f8259ffee90718.yml"
    replace_once(meta, "description: How the mediators", "description: Changed, how the")
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while not (project / "site.partial" / "register").exists() and time.time() < deadline:
        time.sleep(0.05)  # wait until MkDocs is writing pages (the registers' are most of them)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert snapshot(project / "site") == before  # the old site, whole
    assert mkdocs_build(project).returncode == 0  # and the next build finishes the job
    assert "Changed, how the" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert not (project / "site.partial").exists() and not (project / "site.old").exists()


def test_a_source_too_large_to_read_is_refused(project: Path) -> None:
    (project / "seeds" / "huge.txt").write_bytes(b"A line of a very long source text.\n" * 1_500_000)
    result = build_script(project)
    assert result.returncode == 1
    assert "seeds/huge.txt: source is 50 MiB; the limit is 20 MiB" in result.stderr


def test_two_sources_with_the_same_id_get_distinct_stable_addresses(project: Path) -> None:
    only_source(project, "first.txt", b"One text.\n", "id: same\ntitle: Same title\n")
    (project / "seeds" / "second.txt").write_bytes(b"Another text.\n")
    (project / "seeds" / "second.yml").write_text("id: same\ntitle: Same title\n")
    result = build_script(project)
    assert result.returncode == 0 and "id 'same' is taken" in result.stderr
    pages = sorted(p.name for p in (project / "docs" / "sources").glob("*.md"))
    assert pages == ["same-second.md", "same.md"]
    assert build_script(project).returncode == 0  # the same addresses again
    assert sorted(p.name for p in (project / "docs" / "sources").glob("*.md")) == pages
