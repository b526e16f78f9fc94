"""The sources stay exactly as received."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from support import ROOT

SHARED = ROOT.parent / "shared" / "seeds"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recorded() -> dict[str, str]:
    rows = (ROOT / "seeds" / "SHA256SUMS").read_text().split("\n")
    return {name.strip(): digest for digest, name in (r.split(maxsplit=1) for r in rows if r.strip())}


def test_five_sources_match_their_recorded_checksums() -> None:
    sums = recorded()
    assert len(sums) == 5
    for name, digest in sums.items():
        assert sha256(ROOT / "seeds" / name) == digest, f"seeds/{name} has changed"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_sources_are_byte_identical_to_the_shared_seeds() -> None:
    shared = sorted(SHARED.glob("*.txt"))
    assert shared, "no shared seeds"
    for path in shared:
        ours = ROOT / "seeds" / path.name
        assert ours.exists(), f"seeds/{path.name} is missing"
        assert sha256(ours) == sha256(path), f"seeds/{path.name} differs from ../shared/seeds/{path.name}"
