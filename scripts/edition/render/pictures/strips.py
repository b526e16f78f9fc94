"""Where an entry is discussed: one strip per source, as long as the source, with a tick at each
paragraph that mentions the entry; each tick links to its paragraph."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...index import EntryIndex
from ...model import Edition
from ...urls import Here
from .figure import Figure, short

WIDTH = 640
LEFT = 170  # the sources' names
RIGHT = 10
ROW = 24
TOP = 10
MAX_ROWS = 12  # sources drawn; past this (hundreds of sources) the most mentioning ones, and a note


@dataclass(frozen=True)
class Tick:
    x: float
    url: str
    label: str  # what a pointer shows: "Maddox 2015, ¶ 23: 2 mentions"


@dataclass(frozen=True)
class StripRow:
    y: float
    title: str
    url: str  # the source's mentions on this page
    ticks: list[Tick]

    @property
    def marks(self) -> str:
        """Every tick of the row as one SVG path (the links over them are one per tick)."""
        return "".join(f"M{t.x - 2.5:.1f} {self.y - 8:.1f}h5v16h-5z" for t in self.ticks)


@dataclass(frozen=True)
class Strips:
    figure: Figure
    rows: list[StripRow]
    left: int
    right: int
    more: int  # sources with mentions that are not drawn


def positions(editions: list[Edition]) -> dict[str, dict[str, float]]:
    """Where each paragraph (or note) sits in its source, from 0 (the start) to 1 (the end), by the
    length of the text before its middle: a strip is as long as its source."""
    out: dict[str, dict[str, float]] = {}
    for edition in editions:
        blocks = [b for b in edition.blocks if b.anchor]
        total = sum(len(b.text) for b in blocks) or 1
        seen = 0
        where: dict[str, float] = {}
        for b in blocks:
            where[b.anchor] = (seen + len(b.text) / 2) / total
            seen += len(b.text)
        out[edition.source.id] = where
    return out


def discussed(item: EntryIndex, where: dict[str, dict[str, float]], titles: dict[str, str],
              here: Here) -> Strips | None:
    """The strips of an entry with two or more mentions."""
    if item.count < 2:
        return None
    sources = sorted(item.occurrences, key=lambda s: -len(item.occurrences[s]))[:MAX_ROWS]
    order = [s for s in item.occurrences if s in sources]  # in the sources' order
    span = WIDTH - LEFT - RIGHT
    rows = []
    for i, sid in enumerate(order):
        title = titles.get(sid, sid)
        counts = Counter(o.mention.anchor for o in item.occurrences[sid])
        labels = {o.mention.anchor: o.label for o in item.occurrences[sid]}
        ticks = [Tick(round(LEFT + where[sid].get(anchor, 0) * span, 1), here.source(sid, anchor),
                      f"{title}, {labels[anchor]}: {n} mention{'s' if n > 1 else ''}")
                 for anchor, n in counts.items()]
        rows.append(StripRow(TOP + ROW * i + ROW / 2, short(title, 24), f"#in-{sid}", ticks))
    paragraphs = sum(len(r.ticks) for r in rows)
    name = item.entry.name
    desc = (f"Where {name} is mentioned: one line per source, from its beginning (left) to its end (right), "
            f"with a mark at each of the {paragraphs} paragraphs that mention it. Each mark links to its "
            f"paragraph; the list of mentions below gives the same, with each sentence.")
    figure = Figure(f"where-{item.entry.id}", f"Where {short(name, 60)} is discussed", desc, WIDTH,
                    TOP * 2 + ROW * len(rows))
    return Strips(figure, rows, LEFT, WIDTH - RIGHT, len(item.occurrences) - len(rows))
