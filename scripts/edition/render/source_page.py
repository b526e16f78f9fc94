"""The reading page of one source: its view model (views.SourcePage), laid out by
templates/source.md.j2.

Source text only ever appears escaped inside HTML blocks (which Markdown leaves alone) or, in
headings, with every markup character as an entity: whatever a source contains renders as text.
"""

from __future__ import annotations

import json
from collections import Counter

from ..index.dates import dated_statements
from ..model import Block, Edition, Repair
from ..registry import Entry, Registry
from ..segment import block_at
from ..urls import Here, source_page
from ..vocabulary import BlockKind, repair_label
from .bibliography import reference
from .citations import Citations
from .inline import Link, block_html
from .markup import render
from .metadata import highwire, jsonld
from .pictures import source_chart, source_profile
from .views import Abstract, ApparatusRow, Heading, Note, Paragraph, SourcePage

WRAP = {
    BlockKind.PARAGRAPH: ("p", "para"),
    BlockKind.ITEM: ("p", "para item"),
    BlockKind.ABSTRACT: ("p", "para abstract"),
    BlockKind.BACK: ("p", "para back"),
    BlockKind.FRONT: ("p", "para front"),
    BlockKind.QUOTE: ("blockquote", "para quote"),
    BlockKind.ASIDE: ("aside", "para sidebar"),
}


def mention_links(registry: Registry, here: Here) -> dict[str, Link]:
    """Where each entry's mentions on a page lead."""
    return {e.id: Link(url=here.to(e.url), title=f"{e.name} ({e.kind})", register=e.register,
                       abbreviation_of=e.name if e.abbreviations else "")
            for e in registry.entries.values()}


def source_markdown(edition: Edition, version: str, nav_title: str, links: dict[str, Link],
                    cites: Citations, entries: dict[str, Entry] | None = None) -> str:
    """A source's reading page; with the registry's `entries`, its profile too."""
    return render("source.md.j2", page=source_view(edition, version, nav_title, links, cites, entries))


def source_view(edition: Edition, version: str, nav_title: str, links: dict[str, Link],
                cites: Citations, entries: dict[str, Entry] | None = None) -> SourcePage:
    src = edition.source
    here = Here(source_page(src.id))
    profile = source_profile(edition, entries, here) if entries else None
    when = source_chart(dated_statements([edition]), src.id) if entries else None
    referenced = Counter(r.number for b in edition.blocks for r in b.noterefs)
    counts = Counter(r.kind for r in edition.repairs)
    return SourcePage(
        source_id=src.id, nav_title=nav_title, title=src.title,
        description=src.meta.get("edition", {}).get("description", src.title),
        highwire=highwire(src.meta, cites.url), jsonld=jsonld(src.meta, cites.url, version),
        reference=reference(src.meta), note=src.meta.get("note", ""), pages_note=edition.pages_note,
        version=version, about_url=here.to("about/"), how_to_cite_url=here.to("how-to-cite/"),
        cite_data=cites.page_data(here),
        body=_body(edition, links, referenced),
        missing_notes=len(referenced) if not edition.notes else 0,
        repairs=[_row(edition, i, r) for i, r in enumerate(edition.repairs, start=1)],
        repair_summary=", ".join(f"{n} {repair_label(k)}" for k, n in counts.most_common()) or "none",
        redirects=json.dumps(edition.redirects, sort_keys=True),
        profile=profile, when=when,
    )


def _body(edition: Edition, links: dict[str, Link],
          referenced: Counter[int]) -> list[Heading | Abstract | Paragraph | Note]:
    notes = {b.number: b.anchor for b in edition.notes if b.number is not None}
    out: list[Heading | Abstract | Paragraph | Note] = []
    for block in edition.blocks:
        if block.kind == BlockKind.ABSTRACT:
            label = "Résumé" if block.lang == "fr" else "Abstract"
            out.append(Abstract(label, block.lang, _paragraph(block, notes, links)))
        elif block.kind == BlockKind.HEADING:
            out.append(Heading(min(block.level, 4), block.text, block.anchor))
        elif block.kind == BlockKind.NOTE:
            out.append(Note(block.anchor, block.label, block.number, block_html(block, {}, links=links),
                            bool(referenced[block.number])))
        else:
            out.append(_paragraph(block, notes, links))
    return out


def _paragraph(block: Block, notes: dict[int | None, str], links: dict[str, Link]) -> Paragraph:
    tag, css = WRAP.get(block.kind, ("p", "para"))
    return Paragraph(tag, css, block.anchor, block.label, block_html(block, notes, links=links), block.lang,
                     block.page_span)


def _row(edition: Edition, i: int, r: Repair) -> ApparatusRow:
    block = block_at(edition.blocks, r.start)
    return ApparatusRow(i, block.anchor if block else "", (block.label or block.anchor) if block else "",
                        repair_label(r.kind), _visible(r.original), _visible(r.new), r.note)


def _visible(text: str) -> str:
    s = text.replace("\r", "").replace("\n", "⏎")
    return s if len(s) <= 160 else s[:150] + " … " + s[-8:]
