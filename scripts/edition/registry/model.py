"""Entries of the registers, and the rules that say where an alias applies."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..urls import entry_path
from ..vocabulary import REGISTER_TITLES, Register

REGISTERS = tuple(Register)
__all__ = ["REGISTERS", "REGISTER_TITLES"]


@dataclass(frozen=True)
class Alias:
    """A form under which an entry appears, and where that form means this entry."""

    text: str
    exact_case: bool
    sources: frozenset[str] | None = None  # applies only in these sources
    not_sources: frozenset[str] = frozenset()
    before: re.Pattern[str] | None = None  # must match the text just before the mention
    not_before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None  # must match the text just after
    not_after: re.Pattern[str] | None = None
    line: int | None = None

    @cached_property
    def conditional(self) -> bool:
        return any(p is not None for p in (self.before, self.not_before, self.after, self.not_after))

    def applies_in(self, source_id: str) -> bool:
        return (self.sources is None or source_id in self.sources) and source_id not in self.not_sources

    def fits(self, text: str, start: int, end: int) -> bool:
        if not self.conditional:
            return True
        head, tail = text[max(0, start - 60):start], text[end:end + 60]
        return ((self.before is None or bool(self.before.search(head)))
                and (self.not_before is None or not self.not_before.search(head))
                and (self.after is None or bool(self.after.match(tail)))
                and (self.not_after is None or not self.not_after.match(tail)))


@dataclass
class Entry:
    id: str
    register: str
    name: str
    kind: str
    description: str
    aliases: list[Alias]
    evidence: list[tuple[str, str]]  # (source id, paragraph anchor)
    related: list[str] = field(default_factory=list)
    date: str | None = None
    date_end: str | None = None
    precision: str | None = None
    defined_at: list[tuple[str, str]] = field(default_factory=list)  # where the text defines an abbreviation
    note: str = ""  # the curator's note: unclear sources, facts from outside them
    file: Path | None = None
    line: int | None = None

    @property
    def url(self) -> str:
        return entry_path(self.register, self.id)

    @property
    def abbreviations(self) -> list[str]:
        return [a.text for a in self.aliases if re.fullmatch(r"[A-Z][A-Z0-9&/.-]*[A-Z0-9]", a.text)
                and len(a.text) >= 2 and a.text != self.name]


@dataclass
class Registry:
    entries: dict[str, Entry]
    not_entries: dict[str, str]  # reviewed candidates that are not entries, with the reason

    def proper_names(self, within: str) -> frozenset[str]:
        """Names written with capitals (people, states, organisations, places, named events and norms)
        that occur in `within` (word frequencies, needed for some, take a while to load)."""
        from ..repair.lexicon import zipf

        found = set()
        for entry in self.entries.values():
            if entry.register == "concept":
                continue
            if any(c.isupper() for c in entry.name) and entry.name in within:
                found.add(entry.name)
            for text in (a.text for a in entry.aliases):  # but not a generic alias ("Government", "Council")
                if any(c.isupper() for c in text) and len(text) > 2 and text in within and text not in found:
                    if " " in text or zipf(text.lower()) < 3.5:
                        found.add(text)
        return frozenset(found)

    def names(self) -> frozenset[str]:
        """Every name and alias word, for word segmentation to leave whole."""
        words: set[str] = set()
        for entry in self.entries.values():
            for text in [entry.name, *(a.text for a in entry.aliases)]:
                words.update(w for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text) if len(w) >= 4)
        return frozenset(words)
