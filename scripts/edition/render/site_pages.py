"""The pages that are not a source: home and "About this edition"; and the data files."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model import Edition
from .bibliography import authors, reference_html, year
from .inline import KIND_LABEL
from .inline import e as escape
from .performance import RESULTS as PERFORMANCE_RESULTS

TEMPLATES = Path(__file__).parent / "templates"
WHY = {
    "glued-words": "a space the extraction lost is restored (“affairsis” reads “affairs is”).",
    "line-end-hyphen": "a word broken at a line end is joined; the hyphen is kept only where it belongs to the word.",
    "note-ref": "a note number run into the text (“Genocide1”) becomes a note reference, linked to its note.",
    "page-break-join": "a paragraph that a page break cut in two is joined again.",
    "detached-note": "a note number printed at the top of the next page is put back after its sentence.",
    "running-header": "the printed page's running header, caught in the middle of a sentence, is removed.",
    "page-marker": "a marker such as “[End Page 222]” is removed from the text and shown as a page number.",
    "site-furniture": "a web site's header or navigation line, not part of the article, is removed.",
    "sidebar": "a boxed text printed in the middle of a sentence is set apart after its paragraph.",
}


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


def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                       autoescape=False)


def summaries(editions: list[Edition]) -> list[dict[str, Any]]:
    out = []
    titles = short_titles(editions)
    for e in editions:
        numbered = [b for b in e.blocks if b.label and b.kind != "note"]
        pages = [b.number for b in e.page_breaks if b.number is not None]
        last = max((b.last or b.number for b in e.page_breaks if b.number is not None), default=None)
        out.append({
            "id": e.source.id,
            "nav_title": titles[e.source.id],
            "reference": reference_html(e.source.meta),
            "description": e.source.meta.get("edition", {}).get("description", ""),
            "blocks": len(numbered),
            "pages": f"{min(pages)}–{last}" if pages else "",
            "repairs": len(e.repairs),
            "counts": Counter(r.kind for r in e.repairs),
            "pages_note": e.pages_note,
        })
    return out


def home_markdown(editions: list[Edition], version: str) -> str:
    return _env().get_template("index.md.j2").render(sources=summaries(editions), version=version)


def all_sources_markdown(editions: list[Edition]) -> str | None:
    """The page the sidebar links to when there are too many sources to list there: every source with
    its reference, by the first letter of its short title; None when the sidebar lists them."""
    if len(editions) <= NAV_SOURCES_MAX:
        return None
    titles = short_titles(editions)
    by_letter: dict[str, list[Edition]] = defaultdict(list)
    for edition in sorted(editions, key=reading_order):
        first = titles[edition.source.id][:1].upper()
        by_letter[first if first.isalpha() else "#"].append(edition)
    out = ["---", "title: All sources", "---", "", "# All sources", "",
           f"The {len(editions)} sources of this edition, by author.", ""]
    for letter, group in by_letter.items():
        items = "".join(f'<li><a href="../sources/{ed.source.id}/">{escape(titles[ed.source.id])}</a> '
                        f'<span class="reference">{reference_html(ed.source.meta)}</span></li>' for ed in group)
        out += [f"## {letter}", "", f'<ul class="all-sources">{items}</ul>', ""]
    return "\n".join(out)


def about_markdown(editions: list[Edition], version: str, entries: list[Any]) -> str:
    kinds = [(k, KIND_LABEL[k], WHY[k]) for k in WHY]
    by_register = Counter(e.register for e in entries)
    registers = {
        "total": len(entries),
        "counts": ", ".join(f"{n} {r}s" for r, n in sorted(by_register.items())),
        "mentions": sum(len(b.mentions) for e in editions for b in e.blocks),
    }
    return _env().get_template("about.md.j2").render(sources=summaries(editions), version=version, kinds=kinds,
                                                     registers=registers)


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
        {titles[e.source.id]: f"sources/{e.source.id}.md"} for e in editions]
    return [
        {"Home": "index.md"},
        {"Sources": sources},
        {"Registers": [{"Index": "register/index.md"}]
         + [{REGISTER_TITLES[r]: f"register/{r}s/index.md"} for r in REGISTERS]
         + [{"Abbreviations": "register/abbreviations.md"}]},
        {"Timeline": "timeline.md"},
        {"How to cite": "how-to-cite.md"},
        {"About this edition": "about.md"},
    ] + ([{"Performance": "performance.md"}] if PERFORMANCE_RESULTS.exists() else [])
