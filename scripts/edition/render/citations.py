"""Citations on the pages: the data a page's "Cite" dialog shows, the downloads for reference
managers, and the "How to cite" page."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from ..cite import STYLES, bibtex, ris
from ..cite.processor import PLACEHOLDER
from ..model import Edition

SITE_NAME = "Darfur, Rwanda and the Genocide Convention: A Reading Edition"


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

    def page_data(self) -> str:
        data = {"url": self.url, "placeholder": PLACEHOLDER, "styles": self.styles(),
                "downloads": {fmt: f"../../data/cite/{self.source_id}.{ext}"
                              for fmt, ext in (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json"))}}
        text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        return f'<script type="application/json" id="cite-data">{text}</script>'


def cite_button() -> str:
    return ('<button type="button" class="cite-source md-button ui" data-search-exclude '
            'aria-haspopup="dialog">Cite this source</button>')


def how_to_cite_markdown(editions: list[Edition], references: dict[str, Citations]) -> str:
    maddox = next((e for e in editions if e.source.id == "maddox-2015"), editions[0])
    example = references[maddox.source.id]
    chicago = next(s for s in example.styles() if s["key"] == "chicago-notes")
    sample_note = chicago["citation_page"].replace(PLACEHOLDER, "49")
    sample_edition = chicago["edition_bibliography"]
    unattributed = next((e for e in editions if not e.source.meta.get("author")), None)
    lines = [
        "---", "title: How to cite", "---", "", "# How to cite", "",
        "Every source page has a **Cite this source** button, and every paragraph a **cite** button (❝) beside its "
        "number. They give the reference in six styles (Chicago notes and bibliography, Chicago author-date, APA 7, "
        "MLA 9, Harvard Cite Them Right and OSCOLA), formatted from the official CSL styles by citeproc-js, the "
        "processor Zotero uses, with the printed page when it is known and the paragraph's permanent link. One click "
        "copies a reference. BibTeX, RIS and CSL-JSON files can be downloaded for reference managers, and Zotero's "
        "browser connector files the original publication from any source page.", "",
        "## What ¶ 23 means", "",
        "Paragraphs are numbered in the margin of each reading page. ¶ 23 is the 23rd paragraph (or list item, or "
        "block quotation) of the edition's text of that source; its permanent link ends in `#p23`. Numbers never "
        "move: if a later reading divides a paragraph, the new part is ¶ 23a, and a link to a paragraph that was "
        "merged into another still leads to its words. Headings, the abstract and notes are not numbered: notes "
        "are cited by their own number (`#n5`).", "",
        "## Citing a page or a paragraph", "",
        "Cite the original publication, with its printed page when the edition shows one (the page numbers in the "
        "line, “|p. 49”), and add the paragraph's permanent link so that a reader can find the passage. For "
        "example, in Chicago notes style:", "",
        f'<blockquote class="cite-example">{sample_note} Reading edition, ¶ 3, '
        f"<code>{html.escape(example.url)}#p3</code>.</blockquote>", "",
        "Where the source has no page numbers (the dissertation and the Enough Project report), cite the paragraph "
        "instead: the styles write “para. 23” (APA, Chicago, Harvard), “par. 23” (MLA) or “para 23” (OSCOLA).", "",
        "## Citing the edition itself", "",
        "Cite this edition rather than the original when your argument depends on what the edition did: its "
        "reading of damaged text (each repair is listed in the page's apparatus), its paragraph numbers, or its "
        "registers. Name the edition's version, which is printed on every page. For example:", "",
        f'<blockquote class="cite-example">{sample_edition}</blockquote>', "",
    ]
    if unattributed is not None:
        title = html.escape(unattributed.source.meta["title"])
        lines += [
            "## An unattributed source", "",
            f"The dissertation ({title}) has no known author or original title. Its title here is descriptive and "
            "in square brackets, as the styles require for a supplied title; the reference begins with it, and its "
            "date is approximate (“c. 2005”, “[2005?]”). Say that the work is unattributed rather than inventing an "
            "author, and cite it by paragraph.", "",
        ]
    return "\n".join(lines)
