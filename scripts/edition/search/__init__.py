"""Search, fitted to this corpus, for either of the two engines `extra.search` in mkdocs.yml selects.

Both engines get the same documents: one per paragraph of a source (so that a result opens at the
paragraph's anchor) and one per register entry (its name, every alias, its description), with the
accent-free form of every accented word added (neither engine folds "Bassolé" to "Bassole").

- lunr (`lunr.py`): Material's own search. One JSON index that the browser loads whole.
- pagefind (`pagefind.py`): an index in chunks; the browser fetches only those a query needs.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..index import EntryIndex, Index
from ..model import Edition, pages_label
from ..registry import Entry
from ..registry.model import plain_note
from ..render.registers import entry_title
from ..render.site_pages import short_titles
from ..vocabulary import BlockKind

ENGINES = ("lunr", "pagefind")
SEARCHED = frozenset(BlockKind)  # every kind of block is searched


@dataclass(frozen=True)
class SearchDoc:
    location: str  # the page, or page#anchor, relative to the site root
    title: str
    text: str
    names: tuple[str, ...] = ()  # searched as strongly as the title: an entry's name and aliases
    boost: float | None = None  # how much the document outranks others that match as well


def engine(extra: dict[str, Any]) -> str:
    name = str(extra.get("search", "lunr"))
    if name not in ENGINES:
        raise ValueError(f"mkdocs.yml: extra.search must be one of {', '.join(ENGINES)}, not {name!r}")
    return name


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


JOINED = re.compile(r"\b[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)+\b")  # "N'Djamena", not a possessive "Powell's"


def unapostrophed(word: str) -> str:
    return word.replace("'", "").replace("’", "")


def with_folded(text: str) -> str:
    """The text, followed by the accent-free forms of its accented words and the joined forms of names
    with an apostrophe inside ("Ndjamena" for "N'Djamena": the search splits words at apostrophes)."""
    joined = sorted({unapostrophed(w) for w in JOINED.findall(text)}) if ("'" in text or "’" in text) else []
    if text.isascii() and not joined:  # most paragraphs: nothing to add
        return text
    accented = sorted({w for w in re.findall(r"[^\W\d_]+", text) if not w.isascii() and fold(w) != w})
    extra = [fold(w) for w in accented] + [fold(w) for w in joined]
    return text + (" " + " ".join(extra) if extra else "")


def paragraph_docs(edition: Edition, title: str) -> list[SearchDoc]:
    """The source's own document and one per paragraph or note; `title` is its short title."""
    base = f"sources/{edition.source.id}/"
    docs = [SearchDoc(base, f"{title}: {edition.source.title}",
                      with_folded(edition.source.meta.get("edition", {}).get("description", "")))]
    for block in edition.blocks:
        if block.kind not in SEARCHED or not block.anchor:
            continue
        where = f"¶ {block.label}" if block.label and block.kind != "note" else (
            f"note {block.label}" if block.kind == "note" else block.text[:60])
        pages = f" · {pages_label(block.pages)}" if block.pages else ""
        docs.append(SearchDoc(f"{base}#{block.anchor}", f"{title}, {where}{pages}", with_folded(block.text)))
    return docs


def entry_names(entry: Any) -> tuple[str, ...]:
    """An entry's name and aliases, with and without accents."""
    names: list[str] = []
    for name in (entry.name, *(a.text for a in entry.aliases)):
        joined = JOINED.sub(lambda m: unapostrophed(m.group()), name)  # "Ndjamena"
        for form in (name, fold(name), fold(joined)):
            if form not in names:
                names.append(form)
    return tuple(names)


def search_boost(mentions: int) -> float:
    """Entries rank above passages, and an entry the sources name often above one they name once."""
    return round(2.5 + 0.15 * math.log2(1 + mentions), 2)


def entry_doc(item: EntryIndex, entries: dict[str, Entry], titles: dict[str, str] | None = None) -> SearchDoc:
    """An entry's page as one document: what it is, its description, its other names and the note."""
    entry = item.entry
    others = [a.text for a in entry.aliases if a.text != entry.name]
    text = " ".join(filter(None, [
        f"{entry.register} {entry.kind}", entry.description,
        f"Also in the sources as: {', '.join(others)}" if others else "",
        f"Editor’s note: {plain_note(entry.note, entries, titles)}" if entry.note else ""]))
    return SearchDoc(entry.url, entry_title(entry), with_folded(text), entry_names(entry), search_boost(named(item)))


def named(item: EntryIndex) -> int:
    """Mentions of an entry by one of its names: what ranks it in search (a curated description, "the plane
    was shot down", does not make an event outrank the person it is named after)."""
    names = {n.casefold() for n in (item.entry.name, *(a.text for a in item.entry.aliases))}
    return sum(1 for found in item.occurrences.values() for o in found
               if any(n in o.mention.surface.casefold() for n in names))


def search_docs(editions: list[Edition], index: Index) -> list[SearchDoc]:
    """Every document that both engines get: the paragraphs, then the entries."""
    titles = short_titles(editions)
    docs = [d for e in editions for d in paragraph_docs(e, titles[e.source.id])]
    return docs + [entry_doc(item, index.registry.entries, titles) for item in index.entries.values()]
