"""The timeline: the registry's dated events and every dated statement in the sources, in order."""

from __future__ import annotations

import html
from itertools import groupby

from ..index import Index
from ..index.dates import DatedStatement, dated_statements
from .site_pages import nav_title

WIDTH = 120


def e(text: str) -> str:
    return html.escape(text, quote=True)


def timeline_markdown(index: Index) -> str:
    titles = {ed.source.id: nav_title(ed) for ed in index.editions}
    rows: list[tuple[str, int, str]] = []
    for entry in index.registry.entries.values():
        if entry.register == "event" and entry.date:
            when = entry.date if not entry.date_end else f"{entry.date} – {entry.date_end}"
            rows.append((entry.date, 0, f'<li class="t-event" data-source="registry"><span class="t-date">{e(when)}'
                                        f'</span> <a href="../{entry.url}"><strong>{e(entry.name)}</strong></a> '
                                        f'<span class="kind">event, {e(entry.kind)}</span></li>'))
    for s in dated_statements(index.editions):
        rows.append((s.sort, 1, _statement(s, titles)))
    rows.sort(key=lambda r: (r[0][:4], r[0], r[1]))
    filters = "".join(f'<label><input type="checkbox" checked value="{sid}"> {e(title)}</label> '
                      for sid, title in [("registry", "Registry events"), *titles.items()])
    out = ["---", "title: Timeline", "---", "", "# Timeline", "",
           f"{sum(1 for r in rows if r[1] == 0)} dated events of the registers and {sum(1 for r in rows if r[1])} "
           "dated statements in the sources, in order. Dates are normalised; a year in square brackets is "
           "inferred from the paragraph's context. Each statement links to its paragraph.", "",
           f'<form class="timeline-filter ui" data-search-exclude aria-label="Show sources">{filters}</form>', ""]
    for year, group in groupby(rows, key=lambda r: r[0][:4]):
        out += [f"## {year} {{: #y{year} }}", "", '<ul class="timeline">' + "".join(r[2] for r in group) + "</ul>", ""]
    return "\n".join(out)


def _statement(s: DatedStatement, titles: dict[str, str]) -> str:
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
            f'<a href="../sources/{s.source_id}/#{s.anchor}">{e(where)}</a>: '
            f'<span class="t-text">{e(before)}{mark}{e(after)}</span></li>')
