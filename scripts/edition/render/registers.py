"""Pages of the registers: one per entry, one per register (by kind, A–Z), the combined index and
the glossary of abbreviations. Each is a view model (views.py) laid out by its template."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from markupsafe import Markup

from ..index import EntryIndex, Index, Occurrence, sort_key
from ..index.dates import as_written
from ..model import anchor_label, pages_label
from ..registry import REGISTER_TITLES, REGISTERS, Entry
from ..registry.model import note_pieces
from ..urls import Here, entry_path, register_path
from ..vocabulary import KINDS, ORDERED_KINDS, Register
from .markup import macros, render
from .pictures import corpus, discussed, neighbourhood, positions
from .site_pages import short_titles
from .views import (
    Abbreviation,
    AbbreviationsPage,
    CombinedIndexPage,
    EntryLink,
    EntryPage,
    Evidence,
    KindGroup,
    Kwic,
    MentionCount,
    NotePiece,
    RegisterCount,
    RegisterPage,
    RelationsPage,
    SourceMentions,
)
from .workers import Maker

RELATIONS = "register/relations.md"
MAX_KWIC = 500  # mentions shown with their sentence on one entry's page (the seeds' most is 242)
MAX_TOGETHER = 25  # entries listed as appearing in the same paragraphs


def dates(entry: Entry) -> str:
    """An event's dates as people write them: "9 September 2004", "February 2003 – 2005", "the 1990s"."""
    if not entry.date:
        return ""
    first = as_written(entry.date, entry.precision)
    return first if not entry.date_end else f"{first} – {as_written(entry.date_end)}"


def entry_title(entry: Entry) -> str:
    """The entry's name, with its abbreviation if it has one: "African Union–… in Darfur (UNAMID)"."""
    return entry.name + (f" ({entry.abbreviations[0]})" if entry.abbreviations
                         and entry.abbreviations[0] not in entry.name else "")


def entry_page(entry: Entry) -> str:
    return f"{entry.url.rstrip('/')}.md"


def entry_markdown(item: EntryIndex, index: Index, titles: dict[str, str] | None = None,
                   where: dict[str, dict[str, float]] | None = None) -> str:
    """An entry's page; `titles` (the sources' short titles) and `where` (each paragraph's place in its
    source), once for all entries when given."""
    return render("entry.md.j2", page=entry_view(item, index, titles or short_titles(index.editions),
                                                 where or positions(index.editions)))


def entry_view(item: EntryIndex, index: Index, titles: dict[str, str], where: dict[str, dict[str, float]]) -> EntryPage:
    entry = item.entry
    here = Here(entry_page(entry))
    entries = index.registry.entries
    together = sorted(item.cooccurring.items(), key=lambda kv: (-kv[1], sort_key(entries[kv[0]].name)))
    shown, more = _kwic_sources(item, titles, here)
    return EntryPage(
        title=entry_title(entry), description=entry.description, register=entry.register, kind=entry.kind,
        dates=dates(entry),
        evidence=[Evidence(here.source(s, a), f"{titles.get(s, s)}, {anchor_label(a)}") for s, a in entry.evidence],
        other_names=[a.text for a in entry.aliases if a.text != entry.name],
        note=note_view(entry.note, entries, titles, here), count=item.count,
        counts=[MentionCount(sid, titles.get(sid, sid), len(occ)) for sid, occ in item.occurrences.items()],
        mentions=shown, more=more, more_mentions=sum(m.count for m in more),
        mentions_csv=here.to("data/mentions.csv"),
        together=[_link(entries[other], here, count=n) for other, n in together[:MAX_TOGETHER]],
        related=[_link(entries[other], here) for other in entry.related],
        where=discussed(item, where, titles, here), graph=neighbourhood(item, index, here, together),
        legend=register_legend(),
    )


def note_view(note: str, entries: dict[str, Entry], titles: dict[str, str], here: Here) -> list[NotePiece]:
    """An editor's note with its links: an entry by its name, a paragraph by its source and number."""
    out = []
    for kind, value in note_pieces(note):
        if kind == "entry":
            out.append(NotePiece(entries[value].name, here.to(entries[value].url)))
        elif kind == "paragraph":
            source_id, anchor = value.split("#")
            text = f"{titles.get(source_id, source_id)} {anchor_label(anchor)}"
            out.append(NotePiece(text, here.source(source_id, anchor)))
        else:
            out.append(NotePiece(value))
    return out


@functools.cache
def register_legend() -> Markup:
    return macros("pictures.html.j2").register_legend()


def _link(entry: Entry, here: Here, count: int = 0, register: bool = False) -> EntryLink:
    return EntryLink(here.to(entry.url), entry.name, entry.kind, count, entry.register if register else "",
                     dates(entry))


def _kwic_sources(item: EntryIndex, titles: dict[str, str],
                  here: Here) -> tuple[list[SourceMentions], list[MentionCount]]:
    """Every mention with its sentence, source by source, up to MAX_KWIC; past that (hundreds of
    sources) each further source gets one line with its count and a link to its first mention, under
    the same anchor (#in-SOURCE), and the full list is in data/mentions.csv."""
    shown: list[SourceMentions] = []
    more: list[MentionCount] = []
    count = 0
    for sid, occurrences in item.occurrences.items():
        title = titles.get(sid, sid)
        if count + len(occurrences) > MAX_KWIC and count:
            more.append(MentionCount(sid, title, len(occurrences), here.source(sid, occurrences[0].mention.anchor)))
            continue
        shown.append(SourceMentions(sid, title, _kwic_lines(sid, occurrences, here)))
        count += len(occurrences)
    return shown, more


def _kwic_lines(source_id: str, occurrences: list[Occurrence], here: Here) -> list[Kwic]:
    """A line per sentence: mentions of the entry that share a sentence ("the death of Rwandan President
    Juvénal Habyarimana when his plane was shot down") are marked in one line, not shown twice."""
    lines: list[Kwic] = []
    last: Occurrence | None = None
    for o in occurrences:
        between = _between(last, o) if last and lines else None
        if between is None:
            lines.append(_kwic(source_id, o, here))
        else:
            lines[-1] = replace(lines[-1], more=(*lines[-1].more, (between, o.match)), after=o.after)
        last = o
    return lines


def _between(last: Occurrence, o: Occurrence) -> str | None:
    """The words between two mentions when the second is in the first one's line (its sentence, as far
    as the line shows it), else None."""
    gap = o.mention.start - last.mention.end
    shown = last.after.removesuffix(" …")
    if o.mention.anchor != last.mention.anchor or gap < 0 or shown[gap:gap + len(o.match)] != o.match:
        return None
    return shown[:gap]


def _kwic(source_id: str, o: Occurrence, here: Here) -> Kwic:
    return Kwic(here.source(source_id, o.mention.anchor), o.label, pages_label(o.pages), o.before, o.match, o.after)


def register_markdown(register: str, index: Index) -> str:
    here = Here(f"{register_path(register)}index.md")
    kinds: dict[str, list[EntryLink]] = defaultdict(list)
    items = index.by_register(register)
    for item in items:
        kinds[item.entry.kind].append(_link(item.entry, here, item.count))
    order = list(KINDS[Register(register)]) if register in ORDERED_KINDS else sorted(kinds)
    groups = [KindGroup(kind[0].upper() + kind[1:], _slug(kind), kinds[kind])
              for kind in [k for k in order if k in kinds] + [k for k in sorted(kinds) if k not in order]]
    return render("register.md.j2", page=RegisterPage(REGISTER_TITLES[register], len(items), groups))


def combined_markdown(index: Index) -> str:
    here = Here("register/index.md")
    items = sorted(index.entries.values(), key=lambda i: sort_key(i.entry.name))
    letters: dict[str, list[EntryLink]] = defaultdict(list)
    for item in items:
        first = sort_key(item.entry.name)[:1].upper()
        letters[first if first.isalpha() else "0–9"].append(_link(item.entry, here, item.count, register=True))
    groups = [KindGroup(x, x.lower() if x.isalpha() else "other", letters[x]) for x in sorted(letters)]
    registers = [RegisterCount(here.to(register_path(r)), len(index.by_register(r)), REGISTER_TITLES[r].lower())
                 for r in REGISTERS]
    return render("combined-index.md.j2", page=CombinedIndexPage(len(items), registers, groups))


def abbreviations_markdown(index: Index, definitions: dict[str, list[tuple[str, str]]]) -> str:
    here = Here("register/abbreviations.md")
    titles = short_titles(index.editions)
    rows = []
    for item in index.entries.values():
        for abbr in item.entry.abbreviations:
            where = definitions.get(abbr, []) + [d for d in item.entry.defined_at if d not in definitions.get(abbr, [])]
            defined = [Evidence(here.source(s, a), f"{titles.get(s, s)} {anchor_label(a)}") for s, a in where]
            rows.append(Abbreviation(abbr, _slug(abbr), item.entry.name, here.to(item.entry.url), defined))
    rows.sort(key=lambda r: r.abbreviation.casefold())
    return render("abbreviations.md.j2", page=AbbreviationsPage(rows))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def register_makers(index: Index) -> list[Maker]:
    """The makers of the register pages (render/workers.py): the combined index, the relations, the
    abbreviations, the timeline, each register, and the entries' pages fifty at a time."""
    from ..index import definitions
    from .timeline import timeline_pages

    titles = short_titles(index.editions)
    where = positions(index.editions)
    ids = list(index.entries)
    return [
        lambda: [("register/index.md", combined_markdown(index))],
        lambda: [(RELATIONS, relations_markdown(index))],
        lambda: [("register/abbreviations.md", abbreviations_markdown(index, definitions(index)))],
        lambda: list(timeline_pages(index)),
        lambda: [(f"{register_path(r)}index.md", register_markdown(r, index)) for r in REGISTERS],
        *(functools.partial(_entry_pages, index, titles, where, ids[k:k + ENTRIES_A_MAKER])
          for k in range(0, len(ids), ENTRIES_A_MAKER)),
        lambda: list(former_pages(index)),
    ]


def former_pages(index: Index) -> Iterator[tuple[str, str]]:
    """A page at each merged entry's old address that leads to the entry it joined (a link or a citation
    of the old address still arrives). MkDocs copies it as it is."""
    for item in index.entries.values():
        for old in item.entry.formerly:
            folder = entry_path(item.entry.register, old)
            yield f"{folder}index.html", render("former.html.j2", entry_name=item.entry.name,
                                                url=Here(f"{folder}index.md").to(item.entry.url))


ENTRIES_A_MAKER = 50  # entry pages made together (each takes about half a millisecond)


def _entry_pages(index: Index, titles: dict[str, str], where: dict[str, dict[str, float]],
                 ids: list[str]) -> list[tuple[str, str]]:
    return [(entry_page(index.entries[i].entry), entry_markdown(index.entries[i], index, titles, where)) for i in ids]


def relations_markdown(index: Index) -> str:
    """The corpus's relation graph, with its lines as a table."""
    here = Here(RELATIONS)
    graph = corpus(index, here)
    entries = index.registry.entries
    intro = (f"{graph.figure.desc} Untick a register to hide its entries. Every entry's own page has the same "
             f"picture for that entry, with all the entries it appears with listed.")
    return render("relations.md.j2", page=RelationsPage(
        intro, [(r.value, REGISTER_TITLES[r]) for r in Register], graph,
        [(_link(entries[a], here, register=True), _link(entries[b], here, register=True), n)
         for a, b, n in graph.pairs]))
