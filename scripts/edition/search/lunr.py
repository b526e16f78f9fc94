"""Material's lunr index, completed after MkDocs writes it. MkDocs indexes the site's own pages (home,
registers, timeline...); the reading pages and the entries' pages are left out of its index (their
front matter says `search: exclude`) and get their documents here: one per paragraph, one per entry."""

from __future__ import annotations

import json
from html import escape as html_escape
from pathlib import Path
from typing import Any

from . import SearchDoc, fold, with_folded


def escape(text: str) -> str:
    return html_escape(text, quote=False)


def rewrite_index(site: Path, docs: list[SearchDoc]) -> int:
    """Rewrite site/search/search_index.json; return the number of documents."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    ours = {d.location.split("#")[0] for d in docs}
    kept = []
    for doc in index["docs"]:
        if doc["location"].split("#")[0] in ours:
            continue  # left over from a page that `mkdocs serve --dirty` did not rebuild
        if fold(doc["title"]) != doc["title"]:
            doc["tags"] = [fold(doc["title"])]
        doc["text"] = with_folded(doc["text"])
        kept.append(doc)
    index["docs"] = kept + [lunr_doc(d) for d in docs]
    # an entry's aliases (kept as tags) weigh as its name does, not a thousand times more
    index["config"]["fields"]["tags"]["boost"] = index["config"]["fields"]["title"]["boost"]
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return len(index["docs"])


def lunr_doc(doc: SearchDoc) -> dict[str, Any]:
    """A document as Material's index holds it: an entry's names are tags (an alias, or "Bassole"
    for "Bassolé", finds the entry as its name would). Material shows a result's title, text and tags
    as HTML, so each is escaped as Material's own plugin escapes a page's text: a source's words stay
    words, whatever they look like."""
    out: dict[str, Any] = {"location": doc.location, "title": escape(doc.title), "text": escape(doc.text)}
    tags = [name for name in doc.names if not inflected(name, doc.title)]
    if tags:
        out["tags"] = [escape(name) for name in tags]
    if doc.boost is not None:
        out["boost"] = doc.boost
    return out


def inflected(name: str, title: str) -> bool:
    """Another form of the title's one word ("Darfurians" of "Darfuris"): the search adds a wildcard to
    each word typed, so "darfur" would match every such form, each a rare word that weighs heavily, and a
    query of three words ("Darfur Peace Agreement") would find the entry of one word's many forms first.
    Such a form stays in the text ("Also in the sources as"), where it is found as any word is."""
    a, b = name.casefold(), title.casefold()
    return a != b and " " not in a + b and min(len(a), len(b)) >= 6 and a[:6] == b[:6]
