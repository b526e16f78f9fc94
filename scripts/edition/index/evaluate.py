"""Precision and recall of the linker against paragraphs annotated by hand (tests/gold/*.yml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import Edition


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_neg)

    def add(self, other: Score) -> None:
        self.true_pos += other.true_pos
        self.false_pos += other.false_pos
        self.false_neg += other.false_neg
        self.errors += other.errors


def key(surface: str) -> str:
    return re.sub(r"\s+", " ", surface.replace("’", "'")).strip().casefold()


def score_paragraph(gold: list[tuple[str, str]], found: list[tuple[str, str]], where: str) -> Score:
    """Mentions match when surface and entry agree, in order of occurrence."""
    score = Score()
    remaining = list(gold)
    for surface, entry in found:
        # the same entry, and one span holds the other ("John Danforth" in "US Permanent Representative John Danforth")
        match = next((g for g in remaining if g[1] == entry and _overlaps(surface, g[0])), None)
        if match:
            remaining.remove(match)
            score.true_pos += 1
        else:
            score.false_pos += 1
            score.errors.append(f"{where}: linked {surface!r} to {entry}")
    for surface, entry in remaining:
        score.false_neg += 1
        score.errors.append(f"{where}: missed {surface!r} ({entry})")
    return score


def _overlaps(a: str, b: str) -> bool:
    return key(a) in key(b) or key(b) in key(a)


def evaluate(editions: list[Edition], gold_dir: Path) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for edition in editions:
        path = gold_dir / f"{edition.source.id}.yml"
        if not path.exists():
            continue
        blocks = {b.anchor: b for b in edition.blocks}
        total = Score()
        for para in yaml.safe_load(path.read_text(encoding="utf-8")):
            block = blocks[para["anchor"]]
            gold = [(m["surface"], m["entry"]) for m in para.get("mentions") or []]
            found = [(m.surface, m.entry_id) for m in block.mentions if not m.inside]
            total.add(score_paragraph(gold, found, f"{edition.source.id}#{para['anchor']}"))
        scores[edition.source.id] = total
    return scores
