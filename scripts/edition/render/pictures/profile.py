"""A source's profile: the entries it discusses most, register by register, as bars linking to them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...model import Edition
from ...registry import REGISTER_TITLES, Entry
from ...urls import Here
from ...vocabulary import Register
from .figure import Figure, mark, short

TOP = 5  # entries a register shows
PANEL_W = 490
PANEL_GAP = 20
LABEL = 180
BAR_MAX = 250
ROW = 19
HEAD = 22


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    label: str
    url: str
    count: int
    register: str
    shape: str
    tip: str


@dataclass(frozen=True)
class Panel:
    x: float
    y: float
    title: str
    register: str


@dataclass(frozen=True)
class Profile:
    figure: Figure
    panels: list[Panel]
    bars: list[Bar]


def source_profile(edition: Edition, entries: dict[str, Entry], here: Here) -> Profile | None:
    counts = Counter(m.entry_id for b in edition.blocks for m in b.mentions if not m.inside)
    if not counts:
        return None
    panels, bars = [], []
    height = HEAD + ROW * TOP + 10
    for i, register in enumerate(Register):
        top = sorted((e for e in counts if entries[e].register == register), key=lambda e: (-counts[e], e))[:TOP]
        x0, y0 = (i % 2) * (PANEL_W + PANEL_GAP), (i // 2) * height
        panels.append(Panel(x0, y0, REGISTER_TITLES[register], register))
        heaviest = max((counts[e] for e in top), default=1)
        for k, eid in enumerate(top):
            entry = entries[eid]
            y = y0 + HEAD + ROW * k + ROW / 2
            bars.append(Bar(x0 + LABEL, y, round(max(2.0, BAR_MAX * counts[eid] / heaviest), 1), short(entry.name, 27),
                            here.to(entry.url), counts[eid], register, mark(register, x0 + 8, y, 5),
                            f"{entry.name}: {counts[eid]} mentions in this source"))
    title = edition.source.meta.get("title", edition.source.id)
    desc = ("The entries this source mentions most, five of each register (actors, events, concepts, places), "
            "each bar as long as its mentions here, each linking to its entry.")
    return Profile(Figure("profile", f"What {short(str(title), 60)} discusses most", desc, 2 * PANEL_W + PANEL_GAP,
                          2 * height), panels, bars)
