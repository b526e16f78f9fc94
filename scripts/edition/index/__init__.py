"""Index: gather, for every entry, its mentions in every source (with the sentence around
each), its counts, and the entries it shares paragraphs with."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..annotate import Mention
from ..model import Block, Edition
from ..registry import Entry, Registry

# a sentence ends at . ! or ? before a capital, but not after an initial ("George W. Bush", "U.S. forces")
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])")
KWIC_WIDTH = 110


@dataclass(frozen=True)
class Occurrence:
    mention: Mention
    before: str  # the sentence around the mention, in three parts
    match: str
    after: str
    label: str  # the paragraph's visible number, or the heading / note it is in
    pages: tuple[str, ...]


@dataclass
class EntryIndex:
    entry: Entry
    occurrences: dict[str, list[Occurrence]] = field(default_factory=dict)  # by source id, in text order
    cooccurring: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.occurrences.values())


@dataclass
class Index:
    registry: Registry
    editions: list[Edition]
    entries: dict[str, EntryIndex]

    def by_register(self, register: str) -> list[EntryIndex]:
        found = [e for e in self.entries.values() if e.entry.register == register]
        return sorted(found, key=lambda e: sort_key(e.entry.name))


def sort_key(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"^(the|al-|el-)\s*", "", plain, flags=re.I)
    return plain.casefold().lstrip("“‘\"'([")


def build_index(registry: Registry, editions: list[Edition]) -> Index:
    entries = {eid: EntryIndex(e) for eid, e in registry.entries.items()}
    for edition in editions:
        for block in edition.blocks:
            ids = sorted({m.entry_id for m in block.mentions})
            for m in block.mentions:
                entries[m.entry_id].occurrences.setdefault(edition.source.id, []).append(occurrence(block, m))
            for a in ids:
                entries[a].cooccurring.update(b for b in ids if b != a)
    return Index(registry, editions, entries)


def occurrence(block: Block, m: Mention) -> Occurrence:
    start, end = sentence_around(block.text, m.start, m.end)
    before, after = block.text[start:m.start], block.text[m.end:end]
    if len(before) > KWIC_WIDTH:
        before = "… " + before[-KWIC_WIDTH:].split(" ", 1)[-1]
    if len(after) > KWIC_WIDTH:
        after = after[:KWIC_WIDTH].rsplit(" ", 1)[0] + " …"
    label = f"¶ {block.label}" if block.label and block.kind != "note" else (
        f"note {block.label}" if block.kind == "note" else block.text[:40])
    return Occurrence(m, before, m.surface, after, label, tuple(block.pages))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    s = max(b for b in bounds if b <= start)
    e = min((b for b in bounds if b >= end), default=len(text))
    return s, e


DEFINITION = re.compile(r"\(([A-Z][A-Za-z0-9&/.-]*[A-Z0-9])\)")


def definitions(index: Index) -> dict[str, list[tuple[str, str]]]:
    """Where a source spells out an abbreviation: "Long Name (ABBR)"."""
    expansions: dict[str, list[str]] = {}
    for entry in index.registry.entries.values():
        for abbr in entry.abbreviations:
            expansions.setdefault(abbr, []).extend(
                a.text.casefold() for a in entry.aliases if a.text not in entry.abbreviations and len(a.text) > 6)
    found: dict[str, list[tuple[str, str]]] = {}
    for edition in index.editions:
        for block in edition.blocks:
            for m in DEFINITION.finditer(block.text):
                abbr = m.group(1)
                before = block.text[max(0, m.start() - 120):m.start()].casefold()
                if any(x in before for x in expansions.get(abbr, [])) and block.anchor:
                    where = (edition.source.id, block.anchor)
                    if where not in found.setdefault(abbr, []):
                        found[abbr].append(where)
    return found
