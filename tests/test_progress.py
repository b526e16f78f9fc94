"""A long build shows where it is (stages and sources) on a terminal, and stays quiet under CI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

sys.path.insert(0, str(ROOT / "scripts"))
import edition.pipeline as pipeline


def test_progress_bars_on_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)
    pipeline.build(copy_project(tmp_path / "p"))
    shown = capsys.readouterr().err
    assert "edition:" in shown and "stage" in shown  # the stages
    assert "sources:" in shown and "/5" in shown  # the sources, counted


def test_quiet_under_ci(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setenv("CI", "true")
    pipeline.build(copy_project(tmp_path / "p"))
    assert "edition:" not in capsys.readouterr().err
