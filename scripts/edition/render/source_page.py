"""The reading page of one source, as Markdown with raw HTML blocks.

Source text only ever appears escaped inside HTML blocks (which Markdown
leaves alone) or, in headings, with every markup character as an entity:
whatever a source contains renders as text.
"""

from __future__ import annotations

import html
import json
from collections import Counter

from ..model import Block, Edition, Repair
from ..registry import Registry
from ..segment import block_at
from .bibliography import reference_html
from .citations import Citations, cite_button
from .inline import KIND_LABEL, Link, block_html, escape, escape_markdown
from .metadata import highwire, jsonld

WRAP = {
    "paragraph": ("p", "para"),
    "item": ("p", "para item"),
    "abstract": ("p", "para abstract"),
    "back": ("p", "para back"),
    "front": ("p", "para front"),
    "quote": ("blockquote", "para quote"),
    "aside": ("aside", "para sidebar"),
}


def mention_links(registry: Registry) -> dict[str, Link]:
    """Where each entry's mentions on a reading page lead."""
    return {e.id: Link(url=f"../../{e.url}", title=f"{e.name} ({e.kind})", register=e.register,
                       abbreviation_of=e.name if e.abbreviations else "")
            for e in registry.entries.values()}


def source_markdown(edition: Edition, version: str, nav_title: str, links: dict[str, Link],
                    cites: Citations) -> str:
    src = edition.source
    notes = {b.number: b.anchor for b in edition.notes if b.number is not None}
    out = [
        "---",
        f"title: {json.dumps(nav_title, ensure_ascii=False)}",
        f"description: {json.dumps(src.meta.get('edition', {}).get('description', src.title), ensure_ascii=False)}",
        f"highwire: {json.dumps(highwire(src.meta, cites.url), ensure_ascii=False)}",
        f"jsonld: {json.dumps(jsonld(src.meta, cites.url, version), ensure_ascii=False)}",
        "search:",
        "  exclude: true  # searched by paragraph: its documents are made from the edition (edition.search)",
        "---",
        "",
        f"# {escape_markdown(src.title)}",
        "",
        _header(edition, version),
        "",
        cites.page_data(),
        "",
    ]
    body = edition.blocks
    referenced = Counter(r.number for b in edition.blocks for r in b.noterefs)
    i = 0
    while i < len(body):
        block = body[i]
        if block.kind == "abstract":
            group = [b for b in body[i:] if b.kind == "abstract"]
            group = group[: next((k for k, b in enumerate(body[i:]) if b.kind != "abstract"), len(group))]
            out += _abstracts(group, notes, links)
            i += len(group)
            continue
        if block.kind == "heading":
            out += [f"{'#' * min(block.level, 4)} {escape_markdown(block.text)} {{: #{block.anchor} }}", ""]
        elif block.kind == "note":
            out += [_note(block, referenced, links), ""]
        else:
            out += [_block(block, notes, links), ""]
        i += 1
    out += _notes(edition)
    out += _apparatus(edition)
    out += [_data_element(edition), ""]
    return "\n".join(out)


def _header(edition: Edition, version: str) -> str:
    src = edition.source
    parts = ['<div class="edition-meta ui" data-search-exclude>',
             f'<p class="reference">{reference_html(src.meta)}</p>']
    if src.meta.get("note"):
        parts.append(f'<p class="source-note">{escape(src.meta["note"])}</p>')
    if edition.pages_note:
        parts.append(f'<p class="pages-note">{escape(edition.pages_note)}</p>')
    parts.append(f'<p class="version">Reading edition, version {escape(version)}. Paragraph numbers (¶) are in the '
                 f'margin and printed page numbers in the line (“|p. 49”); each links to itself. '
                 f'<a href="#apparatus">Apparatus of repairs</a> · <a href="../../about/">About this edition</a> · '
                 f'<a href="../../how-to-cite/">How to cite</a></p>')
    parts.append(f'<p class="cite-line">{cite_button()}</p>')
    parts.append("</div>")
    return "".join(parts)


def _abstracts(blocks: list[Block], notes: dict[int, str], links: dict[str, Link]) -> list[str]:
    out = []
    for b in blocks:
        label = "Résumé" if b.lang == "fr" else "Abstract"
        lang = f' lang="{b.lang}"' if b.lang else ""
        out += [f'<section class="abstract-box"{lang} aria-label="{label}"><p class="abstract-label ui" '
                f'data-search-exclude>{label}</p>{_block(b, notes, links)}</section>', ""]
    return out


def _block(block: Block, notes: dict[int, str], links: dict[str, Link]) -> str:
    tag, cls = WRAP.get(block.kind, ("p", "para"))
    lang = f' lang="{block.lang}"' if block.lang else ""
    pages = f' data-pages="{html.escape(",".join(block.pages))}"' if block.pages else ""
    pnum = (f'<a class="pnum ui" data-search-exclude href="#{block.anchor}" '
            f'title="Paragraph {block.label}: click to copy its link">{block.label}</a>'
            f'<button type="button" class="pcite ui" data-search-exclude aria-haspopup="dialog" '
            f'aria-label="Cite paragraph {block.label}" title="Cite ¶ {block.label}">❝</button>') if block.label else ""
    inner = pnum + block_html(block, notes, links=links)
    if tag == "p":
        return f'<p class="{cls}" id="{block.anchor}"{lang}{pages}>{inner}</p>'
    return f'<{tag} class="{cls}" id="{block.anchor}"{lang}{pages}><p>{inner}</p></{tag}>'


def _note(note: Block, referenced: Counter[int], links: dict[str, Link]) -> str:
    back = (f' <a class="backref ui" data-search-exclude href="#r{note.number}" '
            f'aria-label="Back to the reference to note {note.number}">↩</a>'
            if referenced[note.number] else
            ' <span class="unreferenced ui" data-search-exclude>(no reference to this note in this '
            'copy of the text)</span>')
    label = f'<span class="notenum">{note.label}.</span> '
    return f'<p class="note" id="{note.anchor}">{label}{block_html(note, {}, links=links)}{back}</p>'


def _notes(edition: Edition) -> list[str]:
    """Where the text refers to notes the source lacks, say so where the notes would be."""
    referenced = Counter(r.number for b in edition.blocks for r in b.noterefs)
    if edition.notes or not referenced:
        return []
    return ["## Notes {: #notes data-search-exclude }", "",
            f'<p class="ui missing-notes">The text refers to {len(referenced)} notes, but their text is not in '
            'this copy of the source. The references are kept, and marked, where the text has them.</p>', ""]


def _apparatus(edition: Edition) -> list[str]:
    counts = Counter(r.kind for r in edition.repairs)
    summary = ", ".join(f"{n} {KIND_LABEL.get(k, k)}" for k, n in counts.most_common()) or "none"
    rows = [_row(edition, i, r) for i, r in enumerate(edition.repairs, start=1)]
    return [
        "## Apparatus {: #apparatus data-search-exclude }",
        "",
        f'<div class="apparatus ui" data-search-exclude><p>Every change this edition makes to the wording of the '
        f'source, in text order: {len(edition.repairs)} in all ({summary}). Line breaks inside a paragraph are '
        f'not listed.</p><details><summary>Show all {len(edition.repairs)} repairs</summary>'
        '<table><thead><tr><th>#</th><th>Where</th><th>Kind</th><th>Source has</th><th>Edition reads</th>'
        '<th>Why</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></details></div>",
        "",
    ]


def _row(edition: Edition, i: int, r: Repair) -> str:
    block = block_at(edition.blocks, r.start)
    where = f'<a href="#{block.anchor}">¶ {block.label or block.anchor}</a>' if block else ""
    shown = lambda s: f"<code>{escape(_visible(s))}</code>" if s else "<em>(nothing)</em>"
    return (f'<tr id="rep-{i}"><td>{i}</td><td>{where}</td><td>{escape(KIND_LABEL.get(r.kind, r.kind))}</td>'
            f"<td>{shown(r.original)}</td><td>{shown(r.new)}</td><td>{escape(r.note)}</td></tr>")


def _visible(text: str) -> str:
    s = text.replace("\r", "").replace("\n", "⏎")
    return s if len(s) <= 160 else s[:150] + " … " + s[-8:]


def _data_element(edition: Edition) -> str:
    data = html.escape(json.dumps(edition.redirects, sort_keys=True), quote=True)
    return f'<div id="edition-data" hidden data-source="{edition.source.id}" data-redirects="{data}"></div>'
