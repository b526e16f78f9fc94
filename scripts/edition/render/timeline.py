"""The timeline: the registry's dated events and every dated statement in the sources, in order.

A few sources make one page. Past PAGE_ROWS rows (hundreds of sources), the timeline page
becomes an overview of periods, each period a page of at most PAGE_ROWS rows: whole years
where they fit, a year too big for one page in parts. The overview keeps each year's anchor
(`timeline/#y1994`), linked to the page that holds that year."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import groupby

from ..index import Index
from ..index.dates import DatedStatement, dated_statements
from ..urls import Here, source_path
from ..vocabulary import Register
from .markup import render
from .pictures import Chart, timeline_charts
from .registers import dates
from .site_pages import short_titles
from .views import Choice, PageLink, PeriodLine, TimelineOverview, TimelinePage, TimelineRow

WIDTH = 120  # characters of context either side of a date
PAGE_ROWS = 1500  # rows on one timeline page (about 600 KB)
MAX_DRAWN = 1500  # dated statements the chart draws; past this (hundreds of sources) it draws the events
CHECKBOXES_UP_TO = 12  # sources; past this, the filter is a drop-down list
REGISTRY = "registry"  # the filter's value for the registry's own events
INTRO = ("Dates are normalised; a year in square brackets is inferred from the paragraph's context. "
         "Each statement links to its paragraph.")


@dataclass
class Period:
    """One timeline page: its rows, and its name in the address (`1994`, `1990-1993`, `1994-part-2`)."""
    rows: list[TimelineRow]
    name: str = ""
    continued: bool = False  # starts inside a year begun on the page before

    @property
    def title(self) -> str:
        first, last = self.rows[0].year, self.rows[-1].year
        span = first if first == last else f"{first}–{last}"
        return f"{span} (continued)" if self.continued else span

    @property
    def page(self) -> str:
        return f"timeline/{self.name}.md"


def timeline_pages(index: Index) -> Iterator[tuple[str, str]]:
    """The timeline's pages as (path, Markdown)."""
    titles = short_titles(index.editions)
    dated = dated_statements(index.editions)
    rows = _rows(index, dated, titles)
    events, statements = sum(r.source == REGISTRY for r in rows), sum(r.source != REGISTRY for r in rows)
    counts = f"{events} dated events of the registers and {statements} dated statements in the sources, in order."
    drawn = dated if len(dated) <= MAX_DRAWN else []  # past that, the chart draws the registry's events alone
    charts = timeline_charts([e for e in index.registry.entries.values() if e.register == Register.EVENT],
                             drawn, titles, Here("timeline.md"), left_out=len(dated) - len(drawn))
    if len(rows) <= PAGE_ROWS:
        yield "timeline.md", _page("Timeline", f"{counts} {INTRO}", rows, titles, Here("timeline.md"), charts=charts)
        return
    periods = paginate(rows, PAGE_ROWS)
    yield "timeline.md", _overview(counts, periods, charts)
    for i, period in enumerate(periods):
        before = periods[i - 1] if i else None
        after = periods[i + 1] if i + 1 < len(periods) else None
        here = Here(period.page)
        yield period.page, _page(f"Timeline, {period.title}", INTRO, period.rows, titles, here,
                                 _neighbours(before, after, here))


def paginate(rows: list[TimelineRow], size: int) -> list[Period]:
    """Rows in pages of at most `size`: consecutive whole years together, a bigger year in parts."""
    periods: list[Period] = []
    current: list[TimelineRow] = []
    for _, group in groupby(rows, key=lambda r: r.year):
        year = list(group)
        if current and len(current) + len(year) > size:
            periods.append(Period(current))
            current = []
        if len(year) <= size:
            current += year
            continue
        parts = [year[i:i + size] for i in range(0, len(year), size)]
        periods += [Period(part, continued=k > 0) for k, part in enumerate(parts)]
    if current:
        periods.append(Period(current))
    for period in periods:
        first, last = period.rows[0].year, period.rows[-1].year
        period.name = first if first == last else f"{first}-{last}"
    part = 1
    for period in periods:
        part = part + 1 if period.continued else 1
        if period.continued:
            period.name += f"-part-{part}"
    return periods


def _rows(index: Index, dated: list[DatedStatement], titles: dict[str, str]) -> list[TimelineRow]:
    """Every row in order: the registry's dated events, then on the same date the sources' statements.
    Links are addresses from the site's root; each page makes them relative to itself."""
    rows: list[tuple[TimelineRow, int]] = []
    for entry in index.registry.entries.values():
        if entry.register == Register.EVENT and entry.date:
            when = dates(entry)
            rows.append((TimelineRow(entry.date, REGISTRY, when, entry.url, name=entry.name, kind=entry.kind), 0))
    for s in dated:
        rows.append((_statement(s, titles), 1))
    rows.sort(key=lambda r: (r[0].year, r[0].sort, r[1]))
    return [row for row, _ in rows]


def _page(title: str, intro: str, rows: list[TimelineRow], titles: dict[str, str], here: Here,
          neighbours: list[PageLink] | None = None, charts: list[Chart] | None = None) -> str:
    shown = {r.source for r in rows}
    choices = [Choice(REGISTRY, "Registry events"), *(Choice(s, t) for s, t in titles.items() if s in shown)]
    years = [(year, [replace(r, url=here.to(r.url)) for r in group])
             for year, group in groupby(rows, key=lambda r: r.year)]
    return render("timeline.md.j2", page=TimelinePage(title, intro, choices, len(choices) <= CHECKBOXES_UP_TO + 1,
                                                      years, neighbours or [], charts or []))


def _neighbours(before: Period | None, after: Period | None, here: Here) -> list[PageLink]:
    links = [PageLink(here.to("timeline/"), "All periods")]
    if before:
        links.insert(0, PageLink(here.to(f"timeline/{before.name}/"), f"← {before.title}", "prev"))
    if after:
        links.append(PageLink(here.to(f"timeline/{after.name}/"), f"{after.title} →", "next"))
    return links


def _overview(counts: str, periods: list[Period], charts: list[Chart]) -> str:
    here = Here("timeline.md")
    lines = []
    for period in periods:
        events = sum(r.source == REGISTRY for r in period.rows)
        years = sorted({r.year for r in period.rows})
        url = here.to(f"timeline/{period.name}/")
        lines.append(PeriodLine(url, period.title, len(period.rows) - events, events, period.continued,
                                [(y, f"{url}#y{y}") for y in years]))
    return render("timeline-overview.md.j2", page=TimelineOverview(
        f"{counts} They are on {len(periods)} pages, by period. {INTRO}", lines, charts))


def _statement(s: DatedStatement, titles: dict[str, str]) -> TimelineRow:
    where = f"{titles.get(s.source_id, s.source_id)}, ¶ {s.label}" if s.label else titles.get(s.source_id, s.source_id)
    sentence = s.sentence
    i = sentence.find(s.printed)
    before, after = (sentence[:i], sentence[i + len(s.printed):]) if i >= 0 else (sentence, "")
    if len(before) > WIDTH:
        before = "… " + before[-WIDTH:].split(" ", 1)[-1]
    if len(after) > WIDTH:
        after = after[:WIDTH].rsplit(" ", 1)[0] + " …"
    return TimelineRow(s.sort, s.source_id, s.shown, source_path(s.source_id, s.anchor), where=where,
                       inferred=s.inferred, before=before, match=s.printed if i >= 0 else "", after=after)
