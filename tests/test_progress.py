"""A long build shows where it is (stages and sources) on a terminal, and stays quiet under CI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import edition.pipeline as pipeline
from support import copy_project


@pytest.mark.build
def test_progress_bars_on_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)
    pipeline.build(copy_project(tmp_path / "p"))
    shown = capsys.readouterr().err
    assert "edition:" in shown and "stage" in shown  # the stages
    assert "sources:" in shown and "/5" in shown  # the sources, counted


@pytest.mark.build
def test_quiet_under_ci(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setenv("CI", "true")
    pipeline.build(copy_project(tmp_path / "p"))
    assert "edition:" not in capsys.readouterr().err
