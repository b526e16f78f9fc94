"""BibTeX and RIS records (bibtexparser and rispy write them) of a CSL-JSON item: the original
publication, or this reading edition of it."""

from __future__ import annotations

import re
from typing import Any

import bibtexparser
import rispy
from bibtexparser import model
from bibtexparser.middlewares import MonthAbbreviationMiddleware
from rispy.writer import RisWriter

from .csl import UNCASED

# the types a reference manager reads as what the item is, claiming nothing more: a student
# dissertation of unknown degree is @misc (not @phdthesis); this edition is a web page (@online)
BIBTEX_TYPES = {"article-journal": "article", "report": "techreport", "webpage": "online"}
RIS_TYPES = {"article-journal": "JOUR", "report": "RPRT", "thesis": "THES", "webpage": "ELEC"}


def _names(item: dict[str, Any]) -> list[str]:
    return [", ".join(x for x in (a.get("family"), a.get("given")) if x) or a.get("literal", "")
            for a in item.get("author", [])]


def _date(item: dict[str, Any]) -> tuple[str, str]:
    """Year and month; an approximate year ("c. 2005") is given as the year with its circa kept."""
    issued = item.get("issued", {})
    if "literal" in issued:
        return issued["literal"], ""
    parts = issued.get("date-parts", [[]])[0]
    year = str(parts[0]) if parts else ""
    return (f"c. {year}" if issued.get("circa") else year), (str(parts[1]) if len(parts) > 1 else "")


def bibtex_title(item: dict[str, Any]) -> str:
    """The title in sentence case with its capitals that must stay in braces ("{Darfur}’s challenge to
    international society"): a BibTeX style that lowers a title's case keeps them."""
    title = UNCASED.sub(lambda m: "{" + m.group(1) + "}", item["title"])
    words = re.split(r"(\s+)", title)
    out = []
    depth = 0
    for i, word in enumerate(words):
        guarded = depth > 0 or word.startswith("{")
        depth += word.count("{") - word.count("}")
        letters = word.lstrip("“\"‘'(")
        if i > 0 and not guarded and any(c.isupper() for c in letters[1:] + letters[:1]) and not _after_colon(words, i):
            lead = word[: len(word) - len(letters)]
            core = re.match(r"^([\w.\-&]+)(.*)$", letters)
            word = f"{lead}{{{core.group(1)}}}{core.group(2)}" if core else word
        out.append(word)
    return "".join(out)


def _after_colon(words: list[str], i: int) -> bool:
    previous = next((w for w in reversed(words[:i]) if w.strip()), "")
    return previous.endswith(":")


def bibtex(item: dict[str, Any], note: str = "") -> str:
    kind = item.get("type", "")
    year, month = _date(item)
    fields = {
        "author": " and ".join(_names(item)),
        "title": bibtex_title(item),
        "journal": item.get("container-title", "") if kind == "article-journal" else "",
        "organization": item.get("container-title", "") if kind == "webpage" else "",
        "institution": item.get("publisher", "") if kind == "report" else "",
        "publisher": item.get("publisher", "") if kind != "report" else "",
        "address": item.get("publisher-place", ""),
        "type": item.get("genre", "") if kind in ("thesis", "webpage") else "",
        "howpublished": item.get("archive", ""),
        "volume": str(item.get("volume", "")),
        "number": str(item.get("issue", "")),
        "pages": str(item.get("page", "")).replace("-", "--"),
        "year": year,
        "month": month,
        "doi": item.get("DOI", ""),
        "url": item.get("URL", ""),
        "note": note,
    }
    entry = model.Entry(BIBTEX_TYPES.get(kind, "misc"), item["id"],
                        [model.Field(k, v) for k, v in fields.items() if v])
    library = bibtexparser.Library()
    library.add(entry)
    return bibtexparser.write_string(library, prepend_middleware=[MonthAbbreviationMiddleware()])


class _Writer(RisWriter):
    def set_header(self, count: int) -> str:  # RIS needs no record number
        return ""


def ris(item: dict[str, Any], note: str = "") -> str:
    first, _, last = str(item.get("page", "")).partition("-")
    year, month = _date(item)
    record = {
        "type_of_reference": RIS_TYPES.get(item.get("type", ""), "GEN"),
        "authors": _names(item),
        "primary_title": UNCASED.sub(r"\1", item["title"]),
        "secondary_title": item.get("container-title", ""),
        "publisher": item.get("publisher", "") or item.get("archive", ""),
        "place_published": item.get("publisher-place", ""),
        "type_of_work": item.get("genre", ""),
        "volume": str(item.get("volume", "")),
        "number": str(item.get("issue", "")),
        "start_page": first,
        "end_page": last,
        "year": year,
        "date": f"{year}/{int(month):02d}//" if month and year.isdigit() else "",
        "doi": item.get("DOI", ""),
        "urls": [item["URL"]] if item.get("URL") else [],
        "notes": [note] if note else [],
    }
    return rispy.dumps([{k: v for k, v in record.items() if v}], implementation=_Writer).lstrip()
