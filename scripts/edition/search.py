"""The search index, fitted to this corpus.

MkDocs' search index has one document per page section. After MkDocs writes it, this module
replaces a reading page's sections by one document per paragraph (so that a result opens at
the paragraph's anchor), keeps only the main document of an entry's page (whose text carries
the entry's description and every alias, so that an alias finds the entry), and adds the
accent-free form of every word that has an accent (lunr cannot fold "Bassolé" to "Bassole").
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from .model import Edition
from .render.site_pages import nav_title

SEARCHED = {"paragraph", "quote", "item", "abstract", "aside", "back", "note", "heading", "front"}


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def with_folded(text: str) -> str:
    """The text, followed by the accent-free forms of its accented words."""
    accented = sorted({w for w in re.findall(r"[^\W\d_]+", text) if fold(w) != w})
    return text + (" " + " ".join(fold(w) for w in accented) if accented else "")


def paragraph_docs(edition: Edition) -> list[dict[str, Any]]:
    base = f"sources/{edition.source.id}/"
    title = nav_title(edition)
    docs = [{"location": base, "title": f"{title}: {edition.source.title}",
             "text": with_folded(edition.source.meta.get("edition", {}).get("description", ""))}]
    for block in edition.blocks:
        if block.kind not in SEARCHED or not block.anchor:
            continue
        where = f"¶ {block.label}" if block.label and block.kind != "note" else (
            f"note {block.label}" if block.kind == "note" else block.text[:60])
        pages = f" · p. {', '.join(block.pages)}" if block.pages else ""
        docs.append({"location": f"{base}#{block.anchor}", "title": f"{title}, {where}{pages}",
                     "text": with_folded(block.text)})
    return docs


def entry_tags(entries: dict[str, Any]) -> dict[str, list[str]]:
    """For each entry page: its name and aliases, with and without accents (searched as strongly as a title,
    so that the entry whose own name is the query comes before entries that merely contain it)."""
    out = {}
    for entry in entries.values():
        names = [entry.name, *(a.text for a in entry.aliases)]
        tags: list[str] = []
        for name in names:
            for form in (name, fold(name)):
                if form not in tags:
                    tags.append(form)
        out[entry.url] = tags
    return out


def rewrite_index(site: Path, editions: list[Edition], entries: dict[str, Any] | None = None) -> int:
    """Rewrite site/search/search_index.json; return the number of documents."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    sources = {f"sources/{e.source.id}/" for e in editions}
    tags = entry_tags(entries or {})
    docs = []
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        if page in sources:
            continue  # replaced by one document per paragraph
        if page.startswith("register/") and "#" in doc["location"] and page.count("/") >= 3:
            continue  # an entry's mentions and neighbours: the page itself is the result
        if tags.get(page):
            doc["tags"] = tags[page]  # an alias, or "Bassole" for "Bassolé", finds the entry as its name would
        elif fold(doc["title"]) != doc["title"]:
            doc["tags"] = [fold(doc["title"])]
        doc["text"] = with_folded(doc["text"])
        docs.append(doc)
    for edition in editions:
        docs += paragraph_docs(edition)
    index["docs"] = docs
    # an entry's aliases (kept as tags) weigh as its name does, not a thousand times more
    index["config"]["fields"]["tags"]["boost"] = index["config"]["fields"]["title"]["boost"]
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return len(docs)
