"""Pages of the registers: one per entry, one per register (by kind, A–Z), the combined
index and the glossary of abbreviations."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator

from ..index import EntryIndex, Index, Occurrence, sort_key
from ..registry import REGISTER_TITLES, REGISTERS, Entry
from .inline import e, escape_markdown
from .site_pages import short_titles

KIND_ORDER = {"actor": ["person", "state", "government", "intergovernmental organisation", "NGO", "armed group",
                        "political party", "ethnic or social group", "court", "office", "media"]}


def entry_url(entry: Entry, depth: int) -> str:
    """Relative URL of an entry's page from a page `depth` folders deep."""
    return "../" * depth + entry.url


def source_url(source_id: str, depth: int, anchor: str = "") -> str:
    return "../" * depth + f"sources/{source_id}/" + (f"#{anchor}" if anchor else "")


def dates(entry: Entry) -> str:
    if not entry.date:
        return ""
    text = entry.date if not entry.date_end else f"{entry.date} – {entry.date_end}"
    return f"{text} ({entry.precision})" if entry.precision else text


def entry_title(entry: Entry) -> str:
    """The entry's name, with its abbreviation if it has one: "African Union–… in Darfur (UNAMID)"."""
    return entry.name + (f" ({entry.abbreviations[0]})" if entry.abbreviations
                         and entry.abbreviations[0] not in entry.name else "")


def entry_markdown(item: EntryIndex, index: Index, titles: dict[str, str] | None = None) -> str:
    """An entry's page; `titles`, the sources' short titles, once for all entries when given."""
    entry = item.entry
    titles = titles or short_titles(index.editions)
    other_names = [a.text for a in entry.aliases if a.text != entry.name]
    evidence = "; ".join(
        f'<a href="{source_url(s, 3, a)}">{e(titles.get(s, s))}, {e(_label(a))}</a>' for s, a in entry.evidence)
    title = entry_title(entry)
    out = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"description: {json.dumps(entry.description, ensure_ascii=False)}",
        "search:",
        "  exclude: true  # its search document is made from the registry (edition.search)",
        "---",
        "",
        f"# {escape_markdown(title)}",
        "",
        f'<p class="entry-kind"><span class="register-badge r-{entry.register}">{e(entry.register)}</span> '
        f"{e(entry.kind)}" + (f" · {e(dates(entry))}" if entry.date else "") + "</p>",
        "",
        f'<p class="entry-description">{e(entry.description)} <span class="evidence">(Source: {evidence})</span></p>',
        "",
    ]
    if other_names:
        out += [f'<p class="aliases"><strong>Also in the sources as:</strong> '
                f'{", ".join(e(n) for n in other_names)}</p>', ""]
    if entry.note:
        out += [f'<p class="curator-note"><strong>Editor’s note:</strong> {e(entry.note)}</p>', ""]
    out += _counts(item, titles)
    out += _mentions(item, titles)
    together = sorted(item.cooccurring.items(), key=lambda kv: (-kv[1], sort_key(index.registry.entries[kv[0]].name)))
    out += _neighbours("Appears in the same paragraphs as", together[:25], index, show_count=True)
    related = [(r, 0) for r in entry.related]
    out += _neighbours("Related entries", related, index, show_count=False)
    return "\n".join(out) + "\n"


def _label(anchor: str) -> str:
    return f"¶ {anchor[1:]}" if re.match(r"^p\d", anchor) else anchor


def _counts(item: EntryIndex, titles: dict[str, str]) -> list[str]:
    if not item.count:
        return ['<p class="no-mentions">The sources refer to this without a name that can be linked; the paragraph '
                "cited above is where it appears.</p>", ""]
    rows = "".join(f'<tr><td><a href="#in-{sid}">{e(titles.get(sid, sid))}</a></td><td>{len(occ)}</td></tr>'
                   for sid, occ in item.occurrences.items())
    return ["## Mentions {: #mentions }", "",
            f'<table class="mention-counts"><thead><tr><th>Source</th><th>Mentions</th></tr></thead>'
            f"<tbody>{rows}<tr><td><strong>All sources</strong></td><td><strong>{item.count}</strong></td></tr>"
            "</tbody></table>", ""]


MAX_KWIC = 500  # mentions shown with their sentence on one entry's page (the seeds' most is 242)


def _mentions(item: EntryIndex, titles: dict[str, str]) -> list[str]:
    """Every mention with its sentence, source by source, up to MAX_KWIC; past that (hundreds of
    sources) each further source gets one line with its count and a link to its first mention, under
    the same anchor (#in-SOURCE), and the full list is in data/mentions.csv."""
    out, shown, rest = [], 0, []
    for sid, occurrences in item.occurrences.items():
        if shown + len(occurrences) > MAX_KWIC and shown:
            rest.append((sid, occurrences))
            continue
        out += [f"### {escape_markdown(titles.get(sid, sid))} {{: #in-{sid} }}", ""]
        out.append('<ul class="kwic">' + "".join(_kwic(sid, o) for o in occurrences) + "</ul>")
        out.append("")
        shown += len(occurrences)
    if rest:
        out += ["### In other sources {: #in-other-sources }", "",
                f"<p>{sum(len(o) for _, o in rest)} more mentions in {len(rest)} sources; every mention is in "
                '<a href="../../../data/mentions.csv">data/mentions.csv</a>.</p>',
                '<ul class="kwic-more">' + "".join(
                    f'<li id="in-{sid}"><a href="{source_url(sid, 3, occ[0].mention.anchor)}">'
                    f"{e(titles.get(sid, sid))}</a>: {len(occ)}</li>" for sid, occ in rest) + "</ul>", ""]
    return out


def _kwic(source_id: str, o: Occurrence) -> str:
    pages = f' <span class="kwic-pages">p. {e(", ".join(o.pages))}</span>' if o.pages else ""
    return (f'<li><a class="kwic-where" href="{source_url(source_id, 3, o.mention.anchor)}">{e(o.label)}</a>{pages} '
            f'<span class="kwic-text">{e(o.before)}<mark>{e(o.match)}</mark>{e(o.after)}</span></li>')


def _neighbours(title: str, pairs: list[tuple[str, int]], index: Index, show_count: bool) -> list[str]:
    items = []
    for other_id, n in pairs:
        other = index.registry.entries[other_id]
        count = f" <span class=\"count\">({n} ¶)</span>" if show_count else ""
        items.append(f'<li><a href="{entry_url(other, 3)}">{e(other.name)}</a> '
                     f'<span class="kind">{e(other.kind)}</span>{count}</li>')
    if not items:
        return []
    anchor = "together" if show_count else "related"
    return [f"## {title} {{: #{anchor} }}", "", '<ul class="neighbours">' + "".join(items) + "</ul>", ""]


def register_markdown(register: str, index: Index) -> str:
    items = index.by_register(register)
    kinds = defaultdict(list)
    for item in items:
        kinds[item.entry.kind].append(item)
    order = KIND_ORDER.get(register, sorted(kinds))
    out = ["---", f"title: {REGISTER_TITLES[register]}", "---", "", f"# {REGISTER_TITLES[register]}", "",
           f"{len(items)} entries, grouped by kind, A–Z. The number after each is how many times the sources "
           "mention it.", ""]
    for kind in [k for k in order if k in kinds] + [k for k in sorted(kinds) if k not in order]:
        out += [f"## {escape_markdown(kind[0].upper() + kind[1:])} {{: #{_slug(kind)} }}", ""]
        out.append('<ul class="register-list">' + "".join(_line(i, 2) for i in kinds[kind]) + "</ul>")
        out.append("")
    return "\n".join(out)


def _line(item: EntryIndex, depth: int, show_register: bool = False) -> str:
    entry = item.entry
    extra = f' <span class="kind">{e(entry.register)}, {e(entry.kind)}</span>' if show_register else ""
    when = f' <span class="date">{e(dates(entry))}</span>' if entry.date else ""
    return (f'<li><a href="{entry_url(entry, depth)}">{e(entry.name)}</a>{extra}{when} '
            f'<span class="count">{item.count}</span></li>')


def combined_markdown(index: Index) -> str:
    items = sorted(index.entries.values(), key=lambda i: sort_key(i.entry.name))
    letters = defaultdict(list)
    for item in items:
        first = sort_key(item.entry.name)[:1].upper()
        letters[first if first.isalpha() else "0–9"].append(item)
    out = ["---", "title: Index", "---", "", "# Index of actors, events, concepts and places", "",
           f"{len(items)} entries: " + ", ".join(
               f'<a href="../register/{r}s/">{len(index.by_register(r))} {REGISTER_TITLES[r].lower()}</a>'
               for r in REGISTERS) + ". The number after each entry is how many times the sources mention it.", "",
           '<p class="letters">' + " ".join(f'<a href="#letter-{x.lower() if x.isalpha() else "other"}">{x}</a>'
                                            for x in sorted(letters)) + "</p>",
           ""]
    for letter in sorted(letters):
        out += [f"## {letter} {{: #letter-{letter.lower() if letter.isalpha() else 'other'} }}", ""]
        out.append('<ul class="register-list">' + "".join(_line(i, 1, True) for i in letters[letter]) + "</ul>")
        out.append("")
    return "\n".join(out)


def abbreviations_markdown(index: Index, definitions: dict[str, list[tuple[str, str]]]) -> str:
    titles = short_titles(index.editions)
    rows = []
    for item in index.entries.values():
        for abbr in item.entry.abbreviations:
            where = definitions.get(abbr, []) + [d for d in item.entry.defined_at if d not in definitions.get(abbr, [])]
            links = ", ".join(f'<a href="{source_url(s, 2, a)}">{e(titles.get(s, s))} {e(_label(a))}</a>'
                              for s, a in where) or "—"
            rows.append((abbr, f'<tr id="abbr-{_slug(abbr)}"><td><abbr title="{e(item.entry.name)}">{e(abbr)}</abbr>'
                               f'</td><td><a href="{entry_url(item.entry, 2)}">{e(item.entry.name)}</a></td>'
                               f"<td>{links}</td></tr>"))
    rows.sort(key=lambda r: r[0].casefold())
    return "\n".join(["---", "title: Abbreviations", "---", "", "# Abbreviations", "",
                      f"{len(rows)} abbreviations used in the sources, with their expansion and the places where a "
                      "source spells them out.", "",
                      '<table class="abbreviations"><thead><tr><th>Abbreviation</th><th>Stands for</th>'
                      "<th>Defined in the text at</th></tr></thead><tbody>" + "".join(r for _, r in rows) +
                      "</tbody></table>", ""])


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def register_pages(index: Index) -> Iterator[tuple[str, str]]:
    """Each register page as (path, Markdown), one at a time (a thousand sources make big pages)."""
    from ..index import definitions
    from .timeline import timeline_pages

    yield "register/index.md", combined_markdown(index)
    yield "register/abbreviations.md", abbreviations_markdown(index, definitions(index))
    yield from timeline_pages(index)
    for register in REGISTERS:
        yield f"register/{register}s/index.md", register_markdown(register, index)
    titles = short_titles(index.editions)
    for item in index.entries.values():
        yield f"{item.entry.url.rstrip('/')}.md", entry_markdown(item, index, titles)
