"""The programs the build runs (Node.js with citeproc-js, Pagefind): when one is missing, fails or hangs,
the build stops with a message that names it and what to do; their results are cached under everything
they depend on, in the project's cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from edition.cache import Cache
from edition.cite import processor
from edition.errors import ToolError
from edition.search import pagefind
from support import copy_project, run


def test_without_node_the_build_names_it_and_the_command_that_installs_it(monkeypatch: pytest.MonkeyPatch,
                                                                          tmp_path: Path) -> None:
    monkeypatch.setattr(processor.sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(processor.shutil, "which", lambda name: None)
    with pytest.raises(ToolError, match=r"Node\.js is missing: run `\.venv/bin/pip install -r requirements\.txt`"):
        processor.node()


def test_a_citeproc_timeout_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def hang(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired("node", processor.TIMEOUT)

    monkeypatch.setattr(processor.subprocess, "run", hang)
    with pytest.raises(ToolError, match="citeproc-js did not finish formatting the references within 600 s"):
        processor.run_citeproc("{}")


def test_a_pagefind_failure_is_a_tool_error_not_a_type_error(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    monkeypatch.setattr(pagefind.subprocess, "run",
                        lambda args, **kw: subprocess.CompletedProcess(args, 1, "", "no pages found"))
    with pytest.raises(ToolError, match="Pagefind failed to index the site: no pages found"):
        pagefind.write_index(tmp_path, [])


def test_the_citation_cache_is_keyed_by_the_style_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    style = tmp_path / "style.csl"
    style.write_text("<style>one</style>", encoding="utf-8")
    monkeypatch.setattr(processor, "style_path", lambda name: style)
    calls: list[str] = []

    def formatted(payload: str) -> dict:
        calls.append(payload)
        ids = [item["id"] for item in json.loads(payload)["items"]]
        return {"apa": {"title": "APA", "class": "in-text", "items": {i: {"reference": i} for i in ids}}}

    monkeypatch.setattr(processor, "run_citeproc", formatted)
    cache = Cache(tmp_path / "cache")
    one, two = (processor.Request([{"id": name, "type": "book", "title": name.upper()}]) for name in ("a", "b"))
    assert processor.format_references([one, two], cache)["apa"]["items"] == {"a": {"reference": "a"},
                                                                             "b": {"reference": "b"}}
    processor.format_references([one, two], cache)
    assert len(calls) == 1  # the second time from the cache
    changed = processor.Request([{"id": "b", "type": "book", "title": "B, changed"}])
    processor.format_references([one, changed], cache)
    assert len(calls) == 2 and [i["id"] for i in json.loads(calls[-1])["items"]] == ["b"]  # only what changed
    style.write_text("<style>two</style>", encoding="utf-8")
    processor.format_references([one, changed], cache)
    assert len(calls) == 3  # a changed style is formatted again, not served stale


@pytest.mark.build
def test_edition_cache_off_switches_the_cache_off_and_writes_no_folder_named_off(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "EDITION_CACHE": "off", "CI": "true"}
    done = run([sys.executable, "scripts/build.py", "--root", str(project)], project, env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (project / "off").exists() and not (project / ".cache").exists()
