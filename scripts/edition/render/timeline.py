"""The timeline: the registry's dated events and every dated statement in the sources, in order.

A few sources make one page. Past PAGE_ROWS rows (hundreds of sources), the timeline page
becomes an overview of periods, each period a page of at most PAGE_ROWS rows: whole years
where they fit, a year too big for one page in parts. The overview keeps each year's anchor
(`timeline/#y1994`), linked to the page that holds that year."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from ..index import Index
from ..index.dates import DatedStatement, dated_statements
from .inline import e
from .site_pages import short_titles

WIDTH = 120  # characters of context either side of a date
PAGE_ROWS = 1500  # rows on one timeline page (about 600 KB)
CHECKBOXES_UP_TO = 12  # sources; past this, the filter is a drop-down list
REGISTRY = "registry"  # the filter's value for the registry's own events
INTRO = ("Dates are normalised; a year in square brackets is inferred from the paragraph's context. "
         "Each statement links to its paragraph.")


@dataclass(frozen=True)
class Row:
    sort: str  # ISO-like date, for ordering
    source: str  # a source id, or REGISTRY
    html: str  # the list item

    @property
    def year(self) -> str:
        return self.sort[:4]


@dataclass
class Period:
    """One timeline page: its rows, and its name in the address (`1994`, `1990-1993`, `1994-part-2`)."""
    rows: list[Row]
    name: str = ""
    continued: bool = False  # starts inside a year begun on the page before

    @property
    def title(self) -> str:
        first, last = self.rows[0].year, self.rows[-1].year
        span = first if first == last else f"{first}–{last}"
        return f"{span} (continued)" if self.continued else span


def timeline_pages(index: Index) -> Iterator[tuple[str, str]]:
    """The timeline's pages as (path, Markdown)."""
    titles = short_titles(index.editions)
    dated = dated_statements(index.editions)
    rows = _rows(index, dated, titles, "../")
    events, statements = sum(r.source == REGISTRY for r in rows), sum(r.source != REGISTRY for r in rows)
    counts = f"{events} dated events of the registers and {statements} dated statements in the sources, in order."
    if len(rows) <= PAGE_ROWS:
        yield "timeline.md", _page("Timeline", f"{counts} {INTRO}", rows, titles)
        return
    periods = paginate(_rows(index, dated, titles, "../../"), PAGE_ROWS)  # a level deeper: timeline/1994/
    yield "timeline.md", _overview(counts, periods)
    for i, period in enumerate(periods):
        before = periods[i - 1] if i else None
        after = periods[i + 1] if i + 1 < len(periods) else None
        yield f"timeline/{period.name}.md", _page(f"Timeline, {period.title}", INTRO, period.rows, titles,
                                                  _neighbours(before, after))


def paginate(rows: list[Row], size: int) -> list[Period]:
    """Rows in pages of at most `size`: consecutive whole years together, a bigger year in parts."""
    periods: list[Period] = []
    current: list[Row] = []
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


def _rows(index: Index, dated: list[DatedStatement], titles: dict[str, str], root: str) -> list[Row]:
    """Every row in order, its links relative to a page `root` below the site's root."""
    rows: list[tuple[Row, int]] = []
    for entry in index.registry.entries.values():
        if entry.register == "event" and entry.date:
            when = entry.date if not entry.date_end else f"{entry.date} – {entry.date_end}"
            item = (f'<li class="t-event" data-source="{REGISTRY}"><span class="t-date">{e(when)}</span> '
                    f'<a href="{root}{entry.url}"><strong>{e(entry.name)}</strong></a> '
                    f'<span class="kind">event, {e(entry.kind)}</span></li>')
            rows.append((Row(entry.date, REGISTRY, item), 0))
    for s in dated:
        rows.append((Row(s.sort, s.source_id, _statement(s, titles, root)), 1))
    rows.sort(key=lambda r: (r[0].year, r[0].sort, r[1]))
    return [row for row, _ in rows]


def _page(title: str, intro: str, rows: list[Row], titles: dict[str, str], neighbours: str = "") -> str:
    shown = {r.source for r in rows}
    out = ["---", f"title: {title}", "---", "", f"# {title}", "", intro, "",
           _filter([(REGISTRY, "Registry events"), *((s, t) for s, t in titles.items() if s in shown)]), ""]
    if neighbours:
        out += [neighbours, ""]
    for year, group in groupby(rows, key=lambda r: r.year):
        out += [f"## {year} {{: #y{year} }}", "", f'<ul class="timeline">{"".join(r.html for r in group)}</ul>', ""]
    if neighbours:
        out += [neighbours, ""]
    return "\n".join(out)


def _filter(choices: list[tuple[str, str]]) -> str:
    if len(choices) <= CHECKBOXES_UP_TO + 1:
        boxes = "".join(f'<label><input type="checkbox" checked value="{e(value)}"> {e(label)}</label> '
                        for value, label in choices)
        return f'<form class="timeline-filter ui" data-search-exclude aria-label="Show sources">{boxes}</form>'
    options = "".join(f'<option value="{e(value)}">{e(label)}</option>' for value, label in choices)
    return ('<form class="timeline-filter ui" data-search-exclude aria-label="Show sources"><label>Show '
            f'<select><option value="">all sources</option>{options}</select></label></form>')


def _neighbours(before: Period | None, after: Period | None) -> str:
    links = ['<a href="../">All periods</a>']
    if before:
        links.insert(0, f'<a href="../{before.name}/" rel="prev">← {e(before.title)}</a>')
    if after:
        links.append(f'<a href="../{after.name}/" rel="next">{e(after.title)} →</a>')
    return f'<nav class="timeline-pages ui" data-search-exclude aria-label="Timeline pages">{" · ".join(links)}</nav>'


def _overview(counts: str, periods: list[Period]) -> str:
    items = "".join(f"<li>{_period_line(p)}</li>" for p in periods)
    return "\n".join(["---", "title: Timeline", "---", "", "# Timeline", "",
                      f"{counts} They are on {len(periods)} pages, by period. {INTRO}", "",
                      f'<ul class="timeline-periods">{items}</ul>', ""])


def _period_line(period: Period) -> str:
    """A period's link and counts; its years keep their anchors here, so `timeline/#y1994` finds 1994."""
    events = sum(r.source == REGISTRY for r in period.rows)
    counts = f"{len(period.rows) - events} statements, {events} registry events"
    years = sorted({r.year for r in period.rows})
    if period.continued:
        return f'<a href="{period.name}/">{e(period.title)}</a>: {counts}'
    if len(years) == 1:
        return f'<a id="y{years[0]}" href="{period.name}/"><strong>{e(period.title)}</strong></a>: {counts}'
    anchors = " · ".join(f'<a id="y{y}" href="{period.name}/#y{y}">{y}</a>' for y in years)
    return f'<a href="{period.name}/"><strong>{e(period.title)}</strong></a>: {counts}. Years: {anchors}'


def _statement(s: DatedStatement, titles: dict[str, str], root: str) -> str:
    where = f"{titles.get(s.source_id, s.source_id)}, ¶ {s.label}" if s.label else titles.get(s.source_id, s.source_id)
    sentence = s.sentence
    i = sentence.find(s.printed)
    before, after = (sentence[:i], sentence[i + len(s.printed):]) if i >= 0 else (sentence, "")
    if len(before) > WIDTH:
        before = "… " + before[-WIDTH:].split(" ", 1)[-1]
    if len(after) > WIDTH:
        after = after[:WIDTH].rsplit(" ", 1)[0] + " …"
    mark = f"<mark>{e(s.printed)}</mark>" if i >= 0 else ""
    inferred = ' <span class="inferred" title="The year is inferred from the context">(year inferred)</span>' \
        if s.inferred else ""
    return (f'<li data-source="{s.source_id}"><span class="t-date">{e(s.shown)}</span>{inferred} '
            f'<a href="{root}sources/{s.source_id}/#{s.anchor}">{e(where)}</a>: '
            f'<span class="t-text">{e(before)}{mark}{e(after)}</span></li>')
