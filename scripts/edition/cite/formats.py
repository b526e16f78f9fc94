"""BibTeX and RIS records of the original publication (bibtexparser and rispy write them)."""

from __future__ import annotations

from typing import Any

import bibtexparser
import rispy
from bibtexparser import model
from rispy.writer import RisWriter

BIBTEX_TYPES = {"article-journal": "article", "report": "techreport", "thesis": "phdthesis"}
RIS_TYPES = {"article-journal": "JOUR", "report": "RPRT", "thesis": "THES"}


def _names(meta: dict[str, Any]) -> list[str]:
    return [", ".join(x for x in (a.get("family"), a.get("given")) if x) or a.get("literal", "")
            for a in meta.get("author", [])]


def _year(meta: dict[str, Any]) -> str:
    return str(meta.get("issued", "")).removeprefix("c. ").split("-")[0]


def bibtex(meta: dict[str, Any], url: str) -> str:
    fields = {
        "author": " and ".join(_names(meta)),
        "title": "{" + meta["title"] + "}",
        "journal": meta.get("container-title", "") if meta.get("type") == "article-journal" else "",
        "institution": meta.get("publisher", "") if meta.get("type") == "report" else "",
        "address": meta.get("publisher-place", ""),
        "type": meta.get("genre", "") if meta.get("type") == "thesis" else "",
        "volume": str(meta.get("volume", "")),
        "number": str(meta.get("issue", "")),
        "pages": str(meta.get("page", "")).replace("-", "--"),
        "year": _year(meta),
        "doi": meta.get("DOI", ""),
        "url": url,
        "note": meta.get("note", ""),
    }
    entry = model.Entry(BIBTEX_TYPES.get(meta.get("type", ""), "misc"), meta["id"],
                        [model.Field(k, v) for k, v in fields.items() if v])
    library = bibtexparser.Library()
    library.add(entry)
    return bibtexparser.write_string(library)


class _Writer(RisWriter):
    def set_header(self, count: int) -> str:  # RIS needs no record number
        return ""


def ris(meta: dict[str, Any], url: str) -> str:
    first, _, last = str(meta.get("page", "")).partition("-")
    record = {
        "type_of_reference": RIS_TYPES.get(meta.get("type", ""), "GEN"),
        "authors": _names(meta),
        "primary_title": meta["title"],
        "secondary_title": meta.get("container-title", ""),
        "publisher": meta.get("publisher", ""),
        "place_published": meta.get("publisher-place", ""),
        "volume": str(meta.get("volume", "")),
        "number": str(meta.get("issue", "")),
        "start_page": first,
        "end_page": last,
        "year": _year(meta),
        "doi": meta.get("DOI", ""),
        "urls": [url],
        "notes": [meta["note"]] if meta.get("note") else [],
    }
    return rispy.dumps([{k: v for k, v in record.items() if v}], implementation=_Writer).lstrip()
