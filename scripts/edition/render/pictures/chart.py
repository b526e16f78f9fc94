"""The timeline as a picture: the registry's events and the sources' dated statements on a time axis.

A long quiet stretch (1648 to 1944) would flatten the years where most happens, so the whole span is
drawn on an axis broken where nothing happens for years, each stretch as wide as its years allow, and
each busy stretch also gets a chart of its own, month by month. A period is a bar, a known day a solid
mark; a month, a part of a year, a year or a decade is a hollow mark with a line over the time it may
be; a year inferred from the context is dotted."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from ...index.dates import DatedStatement, as_written
from ...registry import Entry
from ...urls import Here
from .figure import Figure, short

WIDTH = 1000
LEFT = 170  # the lanes' names
RIGHT = 16
LANE = 26
ROW = 7  # marks that would overlap in a lane go to the next row, up to ROWS
ROWS = 3
TOP = 12
AXIS = 34
MERGE_GAP = 3  # years without anything that do not break the axis
BREAK = 18  # the width of a break
BUSY_MARKS = 25  # a stretch of WINDOW years with this many marks gets a chart of its own
WINDOW = 10
WINDOWS = 2
MAX_SOURCE_LANES = 8  # sources with a lane of their own; the rest share one
# registry events, by kind, in lanes
EVENT_LANES = {
    "Violence": {"war", "conflict", "massacre", "genocide", "invasion", "coup", "assassination", "crisis"},
    "Agreements and talks": {"agreement", "treaty", "conference", "summit"},
    "Decisions and reports": {"resolution", "report", "election", "referendum"},
}
OTHER_EVENTS = "Other events"


@dataclass(frozen=True)
class When:
    """A happening's time as an interval of fractional years, and how well it is known."""

    start: float
    end: float
    exact: bool  # a known day, or a period with known ends
    period: bool = False  # it lasted: drawn as a bar
    inferred: bool = False


@dataclass(frozen=True)
class Item:
    lane: str
    when: When
    url: str
    tip: str
    event: bool  # a registry event (a diamond) or a source's statement (a circle)


@dataclass(frozen=True)
class Mark:
    x: float
    x1: float  # the interval it may lie in (x0 = x1 for a known day)
    x0: float
    y: float
    url: str
    tip: str
    event: bool
    exact: bool
    period: bool
    inferred: bool


@dataclass(frozen=True)
class Lane:
    name: str
    y: float
    height: float
    css: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    figure: Figure
    lanes: list[Lane]
    marks: list[Mark]
    ticks: list[Tick]
    breaks: list[float]  # x of each break in the axis
    axis_y: float
    left: int
    right: int
    anchor: str = ""  # the chart's id on its page, for the period links
    name: str = ""  # "All years", "1990–1996"
    extra: dict[str, str] = field(default_factory=dict)


def when_of_event(entry: Entry) -> When | None:
    if not entry.date:
        return None
    start, end = interval(entry.date)
    if entry.date_end:
        return When(start, interval(entry.date_end)[1], True, period=True)
    precision = entry.precision or ("day" if len(entry.date) == 10 else "month" if len(entry.date) == 7 else "year")
    if precision == "decade":
        decade = int(entry.date[:3]) * 10
        return When(decade, decade + 10, False)
    return When(start, end, precision == "day")


def when_of_statement(s: DatedStatement) -> When:
    start, end = interval(s.sort)
    if s.precision == "decade":
        start, end = float(int(s.sort[:4])), float(int(s.sort[:4]) + 10)
    elif m := re.fullmatch(r"(\d{4})–(\d{4})", s.shown):
        start, end = float(m.group(1)), float(int(m.group(2)) + 1)
    return When(start, end, s.precision == "day" and not s.inferred, inferred=s.inferred)


def interval(date: str) -> tuple[float, float]:
    """"2004" -> the year, "2004-09" the month, "2004-09-09" the day, as fractional years."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return float(year), float(year + 1)
    month = parts[1]
    if len(parts) == 2:
        return year + (month - 1) / 12, year + month / 12
    days = 366 if calendar.isleap(year) else 365
    day_of_year = sum(calendar.monthrange(year, m)[1] for m in range(1, month)) + parts[2] - 1
    return year + day_of_year / days, year + (day_of_year + 1) / days


def event_lane(kind: str) -> str:
    return next((lane for lane, kinds in EVENT_LANES.items() if kind in kinds), OTHER_EVENTS)


def items(events: list[Entry], statements: list[DatedStatement], titles: dict[str, str], here: Here) -> list[Item]:
    """Everything dated, each in its lane: events by kind, statements by source (the sources with most
    statements have a lane each; the rest share one)."""
    out = []
    for e in events:
        if (w := when_of_event(e)) is not None:
            dates = as_written(e.date, e.precision) + (f" – {as_written(e.date_end)}" if e.date_end else "")
            out.append(Item(event_lane(e.kind), w, here.to(e.url), f"{e.name} ({dates})", True))
    by_source: dict[str, int] = {}
    for s in statements:
        by_source[s.source_id] = by_source.get(s.source_id, 0) + 1
    own = set(sorted(by_source, key=lambda k: -by_source[k])[:MAX_SOURCE_LANES])
    for s in statements:
        lane = titles.get(s.source_id, s.source_id) if s.source_id in own else "Other sources"
        where = f"{titles.get(s.source_id, s.source_id)}, ¶ {s.label}" if s.label else titles.get(s.source_id, "")
        out.append(Item(lane, when_of_statement(s), here.source(s.source_id, s.anchor),
                        f"{s.shown}{' (year inferred)' if s.inferred else ''}: {where}", False))
    return out


def stretches(found: list[Item]) -> list[tuple[int, int]]:
    """The years where something happens, as stretches [first, last + 1): gaps of MERGE_GAP years or
    less are kept inside a stretch. A period counts by its first and last years (a war of forty years
    must not stretch the axis over years where nothing else is); its bar crosses the breaks."""
    def years_of(i: Item) -> set[int]:
        first, last = int(i.when.start), int(i.when.end - 1e-9)
        return {first, last} if i.when.period else set(range(first, last + 1))

    years = sorted(set().union(*(years_of(i) for i in found)))
    out: list[list[int]] = []
    for y in years:
        if out and y - out[-1][1] <= MERGE_GAP:
            out[-1][1] = y + 1
        else:
            out.append([y, y + 1])
    return [(a, b) for a, b in out]


class Axis:
    """Years to x: each stretch gets width by its years and by how much happens in it (the square root
    of each), so that a busy decade is not flattened by centuries of a few events; a break between
    stretches."""

    def __init__(self, parts: list[tuple[int, int]], left: float, right: float, found: list[Item]) -> None:
        counts = [sum(1 for i in found if a <= i.when.start < b) for a, b in parts]
        weights = [max(b - a, 2) ** 0.5 * (1 + n) ** 0.5 for (a, b), n in zip(parts, counts, strict=True)]
        room = right - left - BREAK * (len(parts) - 1)
        self.parts: list[tuple[int, int, float, float]] = []
        x = left
        for (a, b), w in zip(parts, weights, strict=True):
            width = room * w / sum(weights)
            self.parts.append((a, b, x, x + width))
            x += width + BREAK

    def x(self, t: float) -> float:
        for a, b, x0, x1 in self.parts:
            if t <= b:
                t = max(t, a)
                return round(x0 + (t - a) / (b - a) * (x1 - x0), 1)
        a, b, x0, x1 = self.parts[-1]
        return x1

    def breaks(self) -> list[float]:
        return [round(x1 + BREAK / 2, 1) for _a, _b, _x0, x1 in self.parts[:-1]]

    def ticks(self) -> list[Tick]:
        out = []
        for a, b, x0, x1 in self.parts:
            step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if (x1 - x0) / ((b - a) / s) >= 38)
            years = [y for y in range(a, b + 1) if (y - a) % step == 0 or y == a]
            out += [Tick(self.x(y), str(y)) for y in years if y < b or y == a]
        return out


def chart(found: list[Item], parts: list[tuple[int, int]], anchor: str, name: str, title: str, desc: str) -> Chart:
    lanes_in_order = [*EVENT_LANES, OTHER_EVENTS]
    sources = [i.lane for i in found if not i.event]
    names = [n for n in lanes_in_order if any(i.lane == n for i in found)] + list(dict.fromkeys(sources))
    axis = Axis(parts, LEFT, WIDTH - RIGHT, found)
    lanes, marks, y = [], [], TOP
    for lane_name in names:
        placed: list[list[float]] = [[] for _ in range(ROWS)]
        lane_marks = []
        for item in sorted((i for i in found if i.lane == lane_name), key=lambda i: i.when.start):
            x0, x1 = axis.x(item.when.start), axis.x(item.when.end)
            x = round((x0 + x1) / 2, 1) if not item.when.period else x0
            row = next((r for r in range(ROWS) if all(abs(x - other) >= 6 for other in placed[r])), ROWS - 1)
            placed[row].append(x)
            lane_marks.append((row, Mark(x, x1, x0, 0, item.url, item.tip, item.event, item.when.exact,
                                         item.when.period, item.when.inferred)))
        rows = max((r for r, _ in lane_marks), default=0) + 1
        height = max(LANE, 12 + ROW * rows)
        marks += [Mark(m.x, m.x1, m.x0, round(y + 9 + ROW * r, 1), m.url, m.tip, m.event, m.exact, m.period,
                       m.inferred) for r, m in lane_marks]
        css = "event" if lane_name in lanes_in_order else "statement"
        lanes.append(Lane(short(lane_name, 24), y, height, css))
        y += height
    figure = Figure(anchor, title, desc, WIDTH, int(y + AXIS))
    return Chart(figure, lanes, marks, axis.ticks(), axis.breaks(), y + 4, LEFT, WIDTH - RIGHT, anchor, name)


def timeline_charts(events: list[Entry], statements: list[DatedStatement], titles: dict[str, str],
                    here: Here, left_out: int = 0) -> list[Chart]:
    """The whole span, then each busy stretch on its own; `left_out`, dated statements not drawn (too
    many: the chart says so)."""
    found = items(events, statements, titles, here)
    if not found:
        return []
    parts = stretches(found)
    first, last = parts[0][0], parts[-1][1] - 1
    n_events = sum(i.event for i in found)
    name = f"All years ({first}–{last})" + (
        f"; the events of the registers only: the sources' {left_out} dated statements are too many to draw, "
        f"and are listed by period below" if left_out else "")
    out = [chart(found, parts, "chart-all", name, f"The timeline, {first} to {last}",
                 f"{n_events} events of the registers (diamonds, in lanes by kind) and {len(found) - n_events} dated "
                 f"statements in the sources (circles, a lane per source), on a time axis from {first} to {last} "
                 f"that breaks where nothing happens for more than {MERGE_GAP} years (the breaks are marked ≈). "
                 f"A bar is a period; a solid mark a known day; a hollow mark with a line, a month, part of a "
                 f"year, a year or a decade; a dotted mark, a year inferred from the context. Each mark links to "
                 f"its entry or its paragraph; the list below gives every one in order.")]
    for a, b in busy_windows(found):
        inside = [i for i in found if a <= i.when.start < b or (i.when.period and i.when.start < b and i.when.end > a)]
        label = f"{a}–{b - 1}"
        out.append(chart(inside, [(a, b)], f"chart-{a}-{b - 1}", label, f"The timeline, {label}",
                         f"The {len(inside)} events and dated statements of {label}, month by month; drawn as "
                         f"in the chart of all years."))
    return out


def busy_windows(found: list[Item]) -> list[tuple[int, int]]:
    """The busiest stretches of WINDOW years (at most WINDOWS, not overlapping, each with BUSY_MARKS
    marks or more), in order: the charts that zoom in."""
    per_year: dict[int, int] = {}
    for i in found:
        if not i.when.period:
            per_year[int(i.when.start)] = per_year.get(int(i.when.start), 0) + 1
    chosen: list[tuple[int, int]] = []
    for _ in range(WINDOWS):
        best = max(((sum(per_year.get(y, 0) for y in range(a, a + WINDOW)), a) for a in per_year
                    if all(a + WINDOW <= c or a >= d for c, d in chosen)), default=(0, 0))
        if best[0] < BUSY_MARKS:
            break
        years = [y for y in range(best[1], best[1] + WINDOW) if per_year.get(y)]
        chosen.append((years[0], years[-1] + 1))
    return sorted(chosen)


def source_chart(statements: list[DatedStatement], source_id: str) -> Chart | None:
    """Where a source's dated statements fall in time: one lane, on an axis broken as the timeline's."""
    found = [Item("Dated statements", when_of_statement(s), f"#{s.anchor}",  # on the source's own page
                  f"{s.shown}{' (year inferred)' if s.inferred else ''}: ¶ {s.label}", False)
             for s in statements if s.source_id == source_id]
    if not found:
        return None
    parts = stretches(found)
    first, last = parts[0][0], parts[-1][1] - 1
    return chart(found, parts, "dated-statements", "", "When its dated statements fall",
                 f"The {len(found)} dates this source states, from {first} to {last}, on a time axis that breaks "
                 f"where it states nothing for more than {MERGE_GAP} years; each mark links to its paragraph.")
