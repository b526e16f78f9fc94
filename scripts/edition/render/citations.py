"""Citations on the pages: the data a page's "Cite" dialog shows, the downloads for reference
managers, and the "How to cite" page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..cite import STYLES, bibtex, ris
from ..cite.processor import PLACEHOLDER
from ..model import Edition
from ..read.site import Site
from ..urls import Here
from .markup import render, trusted


@dataclass
class Citations:
    source_id: str
    url: str  # the canonical address of the source's page
    formatted: dict[str, dict[str, dict[str, str]]]  # style -> item id -> forms
    item: dict[str, Any]
    edition: dict[str, Any]

    def styles(self) -> list[dict[str, str]]:
        out = []
        for key, label, _csl in STYLES:
            original = self.formatted[key][self.item["id"]]
            edition = self.formatted[key][self.edition["id"]]
            out.append({"key": key, "label": label, "bibliography": original["bibliography"],
                        "citation": original["citation"], "citation_page": original["citation_page"],
                        "citation_paragraph": original["citation_paragraph"],
                        "edition_bibliography": edition["bibliography"]})
        return out

    def downloads(self, meta: dict[str, Any]) -> dict[str, str]:
        base = f"data/cite/{self.source_id}"
        return {
            f"{base}.bib": bibtex(meta, self.url),
            f"{base}.ris": ris(meta, self.url),
            f"{base}.json": json.dumps([self.item, self.edition], ensure_ascii=False, indent=1) + "\n",
        }

    def page_data(self, here: Here) -> dict[str, Any]:
        """What the page's Cite dialog shows (read by assets/edition.js)."""
        return {"url": self.url, "placeholder": PLACEHOLDER, "styles": self.styles(),
                "downloads": {fmt: here.to(f"data/cite/{self.source_id}.{ext}")
                              for fmt, ext in (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json"))}}


def how_to_cite_markdown(editions: list[Edition], references: dict[str, Citations], site: Site) -> str:
    example_edition = next((e for e in editions if e.source.id == site.example_source), editions[0])
    example = references[example_edition.source.id]
    block = next((b for b in example_edition.blocks if b.anchor == site.example_anchor), None)
    anchor = block.anchor if block else next(b.anchor for b in example_edition.blocks if b.label)
    chicago = next(s for s in example.styles() if s["key"] == "chicago-notes")
    pinpoint = (chicago["citation_page"].replace(PLACEHOLDER, block.pages[0]) if block and block.pages
                else chicago["citation_paragraph"].replace(PLACEHOLDER, anchor.removeprefix("p")))
    unattributed = next((e for e in editions if not e.source.meta.get("author")), None)
    return render("how-to-cite.md.j2", site=site, label=anchor.removeprefix("p"), link=f"{example.url}#{anchor}",
                  note=trusted(pinpoint),
                  edition=trusted(chicago["edition_bibliography"]),
                  unattributed=unattributed.source.meta["title"] if unattributed else None)
