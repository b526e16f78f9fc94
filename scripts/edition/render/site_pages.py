"""The pages that are not a source: home and "About this edition"; and the data files."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from ..model import Edition
from ..read.site import Site
from ..urls import Here, source_page
from ..vocabulary import REPAIRS, BlockKind
from .bibliography import authors, reference, year
from .markup import prose, render, theme_text
from .performance import RESULTS as PERFORMANCE_RESULTS
from .views import SourceSummary

# Past this many sources the sidebar links to one page listing them all instead of listing each: every
# page carries the sidebar, and a thousand links in it would be most of each page's weight (and make the
# build grow with the square of the sources).
NAV_SOURCES_MAX = 30
ALL_SOURCES = "all-sources.md"


def short_titles(editions: list[Edition]) -> dict[str, str]:
    """Each source's short title by id: "Author Year", as in author-date citations. Sources that
    would share one get a letter after the year, in order of title ("Maddox 2015a", "Maddox 2015b")."""
    shared: dict[str, list[Edition]] = defaultdict(list)
    for edition in editions:
        shared[nav_title(edition)].append(edition)
    titles: dict[str, str] = {}
    for title, group in shared.items():
        if len(group) == 1:
            titles[group[0].source.id] = title
            continue
        group.sort(key=reading_order)
        for n, edition in enumerate(group):
            titles[edition.source.id] = _with_letter(title, _letters(n))
    return titles


def reading_order(edition: Edition) -> tuple[str, str, str]:
    """Sources by short title; those that share one in the order of their letters (by title, then id)."""
    return nav_title(edition).casefold(), edition.source.title.casefold(), edition.source.id


def _letters(n: int) -> str:
    """a, b, ... z, aa, ab, ...: the n-th (from 0) letter suffix."""
    return (_letters(n // 26 - 1) if n >= 26 else "") + chr(ord("a") + n % 26)


def _with_letter(title: str, letter: str) -> str:
    return f"{title[:-1]}{letter})" if title.endswith(")") else f"{title}{letter}"


def nav_title(edition: Edition) -> str:
    """"Author Year" for one source; use short_titles() for a set (it tells apart those that share one)."""
    meta = edition.source.meta
    if not meta.get("author"):
        return f"Anonymous ({year(meta)})".replace("(c. ", "(c. ")
    families = [a.get("family") or a.get("literal", "") for a in meta["author"]]
    who = families[0] if len(families) == 1 else (
        " and ".join(families) if len(families) == 2 else f"{families[0]} et al.")
    return f"{who} {year(meta)}"


def summaries(editions: list[Edition]) -> list[SourceSummary]:
    titles = short_titles(editions)
    out = []
    for e in editions:
        pages = [b.number for b in e.page_breaks if b.number is not None]
        last = max((b.last or b.number for b in e.page_breaks if b.number is not None), default=None)
        out.append(SourceSummary(
            id=e.source.id, nav_title=titles[e.source.id], reference=reference(e.source.meta),
            description=e.source.meta.get("edition", {}).get("description", ""),
            blocks=sum(1 for b in e.blocks if b.label and b.kind != BlockKind.NOTE),
            pages=f"{min(pages)}–{last}" if pages else "", repairs=len(e.repairs),
            counts=Counter(r.kind for r in e.repairs), pages_note=e.pages_note))
    return out


def home_markdown(editions: list[Edition], version: str, site: Site) -> str:
    sources = summaries(editions)
    return render("home.md.j2", site=site, sources=sources, version=version,
                  introduction=prose(site.introduction, sources=sources))


def all_sources_markdown(editions: list[Edition]) -> str | None:
    """The page the sidebar links to when there are too many sources to list there: every source with
    its reference, by the first letter of its short title; None when the sidebar lists them."""
    if len(editions) <= NAV_SOURCES_MAX:
        return None
    here = Here(ALL_SOURCES)
    by_title = {s.id: s for s in summaries(editions)}
    by_letter: dict[str, list[tuple[str, SourceSummary]]] = defaultdict(list)
    for edition in sorted(editions, key=reading_order):
        summary = by_title[edition.source.id]
        first = summary.nav_title[:1].upper()
        by_letter[first if first.isalpha() else "#"].append((here.source(summary.id), summary))
    return render("all-sources.md.j2", count=len(editions), letters=list(by_letter.items()))


def about_markdown(editions: list[Edition], version: str, entries: list[Any], site: Site) -> str:
    by_register = Counter(e.register for e in entries)
    registers = {
        "total": len(entries),
        "counts": ", ".join(f"{n} {r}s" for r, n in sorted(by_register.items())),
        "mentions": sum(len(b.mentions) for e in editions for b in e.blocks),
    }
    sources = summaries(editions)
    return render("about.md.j2", sources=sources, version=version, kinds=REPAIRS, registers=registers,
                  linking=prose(site.linking, sources=sources, registers=registers))


def sources_json(editions: list[Edition], version: str) -> str:
    rows = []
    for e in editions:
        meta = {k: v for k, v in e.source.meta.items() if k != "edition"}
        rows.append({
            "id": e.source.id,
            "file": f"seeds/{e.source.path.name}",
            "url": f"sources/{e.source.id}/",
            "data": f"data/edition/{e.source.id}.json",
            "metadata": meta,
            "author_line": authors(e.source.meta),
        })
    return json.dumps({"version": version, "sources": rows}, ensure_ascii=False, indent=1) + "\n"


def edition_json(e: Edition, version: str) -> str:
    from ..segment import block_at

    blocks = [{
        "anchor": b.anchor,
        "label": b.label,
        "kind": b.kind,
        "pages": b.pages,
        "lang": b.lang,
        "text": b.text,
        "notes": [{"number": r.number, "offset": r.offset} for r in b.noterefs],
        "source_span": [b.start, b.end],
    } for b in e.blocks]
    apparatus = []
    for r in e.repairs:
        where = block_at(e.blocks, r.start)
        apparatus.append({"kind": r.kind, "anchor": where.anchor if where else None, "start": r.start,
                          "end": r.end, "original": r.original, "new": r.new, "note": r.note}
                         | ({"moved_to": r.to} if r.to is not None else {}))
    data = {"id": e.source.id, "version": version, "file": f"seeds/{e.source.path.name}", "blocks": blocks,
            "apparatus": apparatus, "redirects": e.redirects}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def site_nav(editions: list[Edition], index: Any) -> list[Any]:
    """The navigation: sources by author, then the registers (entry pages are reached from them)."""
    from ..registry import REGISTER_TITLES, REGISTERS

    titles = short_titles(editions)
    sources = ALL_SOURCES if len(editions) > NAV_SOURCES_MAX else [
        {theme_text(titles[e.source.id]): source_page(e.source.id)} for e in editions]
    return [
        {"Home": "index.md"},
        {"Sources": sources},
        {"Registers": [{"Index": "register/index.md"}]
         + [{REGISTER_TITLES[r]: f"register/{r}s/index.md"} for r in REGISTERS]
         + [{"Abbreviations": "register/abbreviations.md"}, {"Relations": "register/relations.md"}]},
        {"Timeline": "timeline.md"},
        {"How to cite": "how-to-cite.md"},
        {"About this edition": "about.md"},
    ] + ([{"Performance": "performance.md"}] if PERFORMANCE_RESULTS.exists() else [])
