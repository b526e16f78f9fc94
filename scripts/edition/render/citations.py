"""Citations on the pages: the data a page's "Cite" dialog shows, the downloads for reference
managers, and the "How to cite" page."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..cite import STYLES, bibtex, ris
from ..cite.csl import NOTE_NUMBER, PARAGRAPH, locator, page_pinpoints
from ..model import Block, Edition
from ..read.site import Site
from ..urls import Here
from .markup import render, trusted

FORMATS = (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json"))


@dataclass
class Citations:
    source_id: str
    url: str | None  # the canonical address of the source's page (None where the site has no address)
    formatted: dict[str, Any]  # style -> {"title", "class", "items": item id -> forms}; see cite/processor.py
    item: dict[str, Any]  # the original publication (CSL-JSON)
    edition: dict[str, Any]  # this reading edition of it (CSL-JSON)
    meta: dict[str, Any]

    def styles(self) -> list[dict[str, Any]]:
        """For each style: the manual it follows, and the original's and the edition's forms: the
        reference entry, the citation with no locator, with each printed page, with a paragraph."""
        out = []
        for style in STYLES:
            made = self.formatted[style.key]
            original = made["items"][self.item["id"]]
            edition = made["items"][self.edition["id"]]
            why = page_pinpoints(self.meta, style.key)
            out.append({
                "key": style.key, "label": made["title"], "notes": made["class"] == "note",
                "original": {"reference": original["reference"], "cite": original["cites"][""],
                             "pages": {} if why else {k: v for k, v in original["cites"].items() if k},
                             "no_pages": why},
                "edition": {"reference": edition["reference"], "cite": edition["cites"][""],
                            "paragraph": edition["cites"]["paragraph"]},
            })
        return out

    def downloads(self) -> dict[str, str]:
        note = str(self.meta.get("note", ""))
        out = {}
        for item, stem, said in ((self.item, self.source_id, note), (self.edition, f"{self.source_id}-edition", "")):
            base = f"data/cite/{stem}"
            out |= {f"{base}.bib": bibtex(item, said), f"{base}.ris": ris(item, said),
                    f"{base}.json": json.dumps([item], ensure_ascii=False, indent=1) + "\n"}
        return out

    def page_data(self, here: Here) -> dict[str, Any]:
        """What the page's Cite dialog shows (read by assets/edition.js)."""
        return {"url": self.url, "placeholder": PARAGRAPH, "note_number": NOTE_NUMBER, "styles": self.styles(),
                "downloads": {which: {fmt: here.to(f"data/cite/{stem}.{ext}") for fmt, ext in FORMATS}
                              for which, stem in (("original", self.source_id),
                                                  ("edition", f"{self.source_id}-edition"))}}


def page_cites(blocks: list[Block]) -> list[dict[str, str]]:
    """The page locators a source's paragraphs need, each formatted by the processor ("pp. 50–51")."""
    spans = dict.fromkeys(b.page_span for b in blocks if b.label and b.pages)
    return [{"key": span, "locator": locator([span]), "label": "page"} for span in spans]


def how_to_cite_markdown(editions: list[Edition], references: dict[str, Citations], site: Site) -> str:
    example_edition = next((e for e in editions if e.source.id == site.example_source), editions[0])
    example = references[example_edition.source.id]
    block = next((b for b in example_edition.blocks if b.anchor == site.example_anchor), None)
    block = block or next(b for b in example_edition.blocks if b.label)
    chicago = next(s for s in example.styles() if s["key"] == "chicago-notes")
    original = chicago["original"]
    note = original["pages"][block.page_span]["first"] if block.page_span in original["pages"] \
        else original["cite"]["first"]
    para = chicago["edition"]["paragraph"]["first"].replace(PARAGRAPH, block.label)
    unattributed = next((e for e in editions if not e.source.meta.get("author")), None)
    return render("how-to-cite.md.j2", site=site, label=block.label,
                  link=f"{example.url}#{block.anchor}" if example.url else "",
                  pages=block.page_span, note=trusted(note), edition_note=trusted(para),
                  edition=trusted(chicago["edition"]["reference"]),
                  unattributed=unattributed.source.meta["title"] if unattributed else None,
                  republished=_republished(unattributed.source.meta) if unattributed else None)


def _republished(meta: dict[str, Any]) -> dict[str, str] | None:
    record = meta.get("edition", {}).get("republished")
    if not record:
        return None
    when = dt.date.fromisoformat(record["date"])
    return record | {"when": f"{when.day} {when:%B %Y}"}
