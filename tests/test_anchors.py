"""Anchors: every paragraph has one, they depend only on the text, and a published one never dies."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from edition.segment.anchors import Entry, assign
from support import SOURCE_IDS, build_script, copy_project, edition_data, page, replace_once


def anchor_sets(docs: Path) -> dict[str, list[str]]:
    out = {}
    for source_id in SOURCE_IDS:
        data = json.loads((docs / "data" / "edition" / f"{source_id}.json").read_text(encoding="utf-8"))
        out[source_id] = [b["anchor"] for b in data["blocks"]]
    return out


def test_every_paragraph_has_a_number_and_a_link(site: Path) -> None:
    for source_id in SOURCE_IDS:
        paras = page(site, source_id).select("p.para:not(.front), blockquote.para, aside.para")
        assert paras
        for p in paras:
            link = p.select_one("a.pnum")
            assert link is not None and link["href"] == f"#{p['id']}", p.get("id")


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_every_heading_has_a_unique_id_that_the_contents_link_to(site: Path, source_id: str) -> None:
    soup = page(site, source_id)
    ids = [h.get("id") for h in soup.select("article h2, article h3")]
    assert ids and all(ids) and len(set(ids)) == len(ids)
    contents = {a["href"].split("#")[-1] for a in soup.select("nav.md-nav--secondary a.md-nav__link")}
    assert set(ids) <= contents, set(ids) - contents


@pytest.mark.build
def test_anchors_do_not_move_when_something_else_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    assert build_script(project).returncode == 0
    before = anchor_sets(project / "docs")
    # change the styling, the curated word list and another field of the metadata
    (project / "docs" / "assets" / "edition.css").write_text("p { color: red }\n")
    protected = project / "registry" / "protected.yml"
    protected.write_text(protected.read_text() + "  - Zzyzx\n")
    meta = project / "seeds" / "001_88472379e416911e.yml"
    replace_once(meta, "description: How state", "description: Why state")
    shutil.rmtree(project / "docs" / "data")
    assert build_script(project).returncode == 0
    assert anchor_sets(project / "docs") == before


def test_the_committed_ledger_matches_the_edition(site: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    for source_id in SOURCE_IDS:
        ledger = json.loads((root / "seeds" / "anchors" / f"{source_id}.json").read_text(encoding="utf-8"))
        live = [e["id"] for e in ledger["anchors"] if "redirect" not in e]
        shown = [b["anchor"] for b in edition_data(site, source_id)["blocks"] if re.match(r"^p\d", b["anchor"])]
        assert live == shown, f"{source_id}: run scripts/build.py and commit seeds/anchors"


def test_a_split_paragraph_keeps_its_id_and_the_new_part_gets_a_letter() -> None:
    ids, ledger, _ = assign(["Alpha one two", "Beta three four five six", "Gamma five six"], [])
    assert ids == ["p1", "p2", "p3"]
    ids, ledger, redirects = assign(["Alpha one two", "Beta three four", "five six", "Gamma five six"], ledger)
    assert ids == ["p1", "p2", "p2a", "p3"] and not redirects


def test_a_merged_paragraph_redirects_to_the_one_holding_its_words() -> None:
    ledger = [Entry("p1", "alpha one two"), Entry("p2", "beta three four"), Entry("p3", "gamma five six")]
    ids, ledger, redirects = assign(["Alpha one two. Beta three four.", "Gamma five six"], ledger)
    assert ids == ["p1", "p3"]
    assert redirects == {"p2": "p1"}
    assert {e.id for e in ledger} == {"p1", "p2", "p3"}  # the retired id stays in the ledger
    ids, _, redirects = assign(["Alpha one two. Beta three four.", "Gamma five six"], ledger)
    assert redirects == {"p2": "p1"}  # and keeps redirecting in later builds


@pytest.mark.build
def test_a_rebuilt_source_keeps_old_anchors_working(tmp_path: Path) -> None:
    """End to end: a better reading splits a paragraph of 003; old links still land on their text."""
    project = copy_project(tmp_path / "p")
    (project / "registry" / "references.yml").unlink()  # they quote the paragraph this revision divides
    assert build_script(project).returncode == 0
    edition = project / "docs/data/edition/black-williams-2008.json"
    old = {b["anchor"]: b["text"] for b in json.loads(edition.read_text())["blocks"]}
    # a source revision that breaks a paragraph at a sentence end (the file is a copy in tmp_path)
    replace_once(project / "seeds" / "003_5e02b3f6fb38ab57.txt", "changes in world politics.\nCompared with",
                 "changes in world politics.\n\nCompared with")
    assert build_script(project).returncode == 0
    data = json.loads(edition.read_text())
    now = {b["anchor"]: b["text"] for b in data["blocks"]}
    added = sorted(set(now) - set(old))
    assert len(now) == len(old) + 1 and len(added) == 1 and re.fullmatch(r"p\d+a", added[0]), added
    assert now[added[0]].startswith("Compared with the international responses")  # the new part got a letter
    assert now[added[0][:-1]].endswith("changes in world politics.")  # the first part kept its number
    for anchor, text in old.items():
        if not re.match(r"^p\d", anchor):
            continue
        target = anchor if anchor in now else data["redirects"][anchor]
        assert now[target][:30] == text[:30] or text[:30] in now[target], anchor


@pytest.mark.build
def test_a_second_build_changes_nothing(tmp_path: Path) -> None:
    """Output depends only on the inputs: rebuilding writes no file (and `mkdocs serve` does not loop)."""
    project = copy_project(tmp_path / "p")
    assert build_script(project).returncode == 0
    again = build_script(project)
    assert again.returncode == 0 and "0 files written" in again.stdout, again.stdout
