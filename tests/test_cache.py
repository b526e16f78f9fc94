"""A rebuild redoes only what changed: each source's read, repair and segment stages and the loaded
registry are cached, keyed by the content of everything they depend on, and the result is the same
as a build from scratch."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from edition.pipeline import build
from support import copy_project, replace_once


def docs_of(project: Path) -> dict[str, bytes]:
    docs = project / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("cache"))
    # these tests edit sources; the curated references quote them, and would rightly stop the build
    (project / "registry" / "references.yml").unlink()
    first = build(project)
    assert first.reused == []  # nothing cached yet
    return project


def test_an_unchanged_rebuild_takes_every_source_from_the_cache(project: Path) -> None:
    before = docs_of(project)
    again = build(project)
    assert len(again.reused) == 5
    assert "repair" not in again.seconds
    assert again.written == [] and docs_of(project) == before


def test_editing_one_source_redoes_that_source_only(project: Path) -> None:
    seed = project / "seeds" / "004_95f8259ffee90718.txt"  # Kuperman 1996
    page = project / "docs" / "sources" / "kuperman-1996.md"
    assert "cached" not in page.read_text(encoding="utf-8")
    head, tail = seed.read_text(encoding="utf-8").rsplit(" genocide ", 1)  # deep in a paragraph: its anchor stays
    seed.write_text(f"{head} cached genocide {tail}", encoding="utf-8")
    report = build(project)
    assert "kuperman-1996" not in report.reused and len(report.reused) == 4
    assert "cached" in page.read_text(encoding="utf-8")
    assert report.written and all("maddox-2015.md" not in path for path in report.written)


def test_editing_a_registry_description_keeps_the_sources_cached(project: Path) -> None:
    actors = project / "registry" / "actors.yml"
    replace_once(actors, "description: Hybrid African Union–United Nations peacekeeping operation",
                 "description: Hybrid (edited) African Union–United Nations peacekeeping operation")
    report = build(project)
    assert len(report.reused) == 5
    page = (project / "docs" / "register" / "actors" / "unamid.md").read_text(encoding="utf-8")
    assert "Hybrid (edited) African Union" in page


def test_a_damaged_cache_is_rebuilt_not_trusted(project: Path) -> None:
    before = docs_of(project)
    for entry in (project / ".cache" / "edition").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    report = build(project)
    assert report.reused == []
    assert docs_of(project) == before


def test_the_cache_can_be_switched_off(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_CACHE", "off")
    assert build(project).reused == []


def test_entries_no_build_has_used_for_a_day_are_pruned(project: Path) -> None:
    folder = project / ".cache" / "edition"
    two_days_ago = time.time() - 2 * 24 * 3600
    in_use = sorted(folder.rglob("*.pickle"))
    forgotten = folder / "ff" / f"{'f' * 64}.pickle"  # e.g. a source since removed, or older code
    forgotten.parent.mkdir(exist_ok=True)
    forgotten.write_bytes(b"x")
    recent = folder / "fe" / f"{'e' * 64}.pickle"  # unused by this build, but by one an hour ago (an undo)
    recent.parent.mkdir(exist_ok=True)
    recent.write_bytes(b"x")
    for path in [forgotten, *in_use]:
        os.utime(path, (two_days_ago, two_days_ago))
    assert len(build(project).reused) == 5  # the build still finds what it uses, and marks it used
    assert not forgotten.exists() and recent.exists()
    assert len(build(project).reused) == 5  # nothing a build uses was pruned
