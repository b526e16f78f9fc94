"""Entries of the registers, and the rules that say where an alias applies."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..model import anchor_label
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
    paragraphs: tuple[tuple[str, int, int], ...] = ()  # applies only in these paragraphs: (prefix, first, last)
    line: int | None = None

    @cached_property
    def conditional(self) -> bool:
        return any(p is not None for p in (self.before, self.not_before, self.after, self.not_after))

    @cached_property
    def scoped(self) -> bool:
        return bool(self.paragraphs)

    def applies_in(self, source_id: str, anchor: str = "") -> bool:
        if not ((self.sources is None or source_id in self.sources) and source_id not in self.not_sources):
            return False
        return not self.paragraphs or in_paragraphs(anchor, self.paragraphs)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The alias as the text may print it: each word also with a plural "s" and a possessive
        apostrophe ("stakeholders' conference" for "stakeholder conference"), any run of spaces for a
        space, and in any case unless the alias is case-exact."""
        parts = WORDS.split(normal_spaces(self.text))
        regex = []
        for k, part in enumerate(parts):
            if k % 2:  # a word
                regex.append(re.escape(part) + ("(?:s|es)?['’]?" if part[-1:].isalpha() and len(part) > 2 else ""))
            else:
                regex.append(r"\s+".join(re.escape(piece) for piece in part.split(" ")))
        pattern = "".join(regex)
        if pattern.startswith("The"):  # "The Holocaust" is also "the Holocaust" in a sentence
            pattern = "[Tt]he" + pattern[3:]
        return re.compile(pattern, 0 if self.exact_case else re.IGNORECASE)

    @cached_property
    def tail(self) -> str:
        """Punctuation that ends the alias ("U.S.", "Article 2(7)"): the text must have it too."""
        return self.text[len(self.text.rstrip(".)]'’\"”")):]

    def fits(self, text: str, start: int, end: int) -> bool:
        if not self.conditional:
            return True
        head, tail = text[max(0, start - 60):start], text[end:end + 60]
        return ((self.before is None or bool(self.before.search(head)))
                and (self.not_before is None or not self.not_before.search(head))
                and (self.after is None or bool(self.after.match(tail)))
                and (self.not_after is None or not self.not_after.match(tail)))


# in an editor's note, `[[entry-id]]` is a link to an entry, `source-id#p12` a link to a paragraph
NOTE_LINK = re.compile(r"\[\[([a-z0-9][a-z0-9-]*)\]\]"
                       r"|\b([a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{4})#([a-z]+\d+[a-z]?|abstract)\b")


def note_pieces(note: str) -> list[tuple[str, str]]:
    """An editor's note as pieces: ("text", words), ("entry", id) and ("paragraph", "source-id#anchor")."""
    pieces, last = [], 0
    for m in NOTE_LINK.finditer(note):
        pieces.append(("text", note[last:m.start()]))
        entry, source_id, anchor = m.groups()
        pieces.append(("entry", entry) if entry else ("paragraph", f"{source_id}#{anchor}"))
        last = m.end()
    pieces.append(("text", note[last:]))
    return [(kind, value) for kind, value in pieces if value]


def plain_note(note: str, entries: dict[str, Entry], titles: dict[str, str] | None = None) -> str:
    """The note as plain text (for search): an entry by its name, a paragraph by its source's short title
    and its number ("Maddox 2015 ¶ 13")."""
    def plain(kind: str, value: str) -> str:
        if kind == "entry":
            return entries[value].name
        if kind == "paragraph":
            source_id, anchor = value.split("#")
            return f"{(titles or {}).get(source_id, source_id)} {anchor_label(anchor)}"
        return value

    return "".join(plain(kind, value) for kind, value in note_pieces(note))


WORDS = re.compile(r"([^\W_]+)")
PARAGRAPH = re.compile(r"^([a-z]+)(\d+)")


def normal_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


def in_paragraphs(anchor: str, ranges: tuple[tuple[str, int, int], ...]) -> bool:
    m = PARAGRAPH.match(anchor)
    return bool(m) and any(m.group(1) == prefix and first <= int(m.group(2)) <= last for prefix, first, last in ranges)


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
    formerly: list[str] = field(default_factory=list)  # ids of entries merged into this one
    file: Path | None = None
    line: int | None = None

    @property
    def url(self) -> str:
        return entry_path(self.register, self.id)

    @property
    def abbreviations(self) -> list[str]:
        return [a.text for a in self.aliases if re.fullmatch(r"[A-Z][A-Z0-9&/.-]*[A-Z0-9]", a.text)
                and len(a.text) >= 2 and a.text != self.name]


@dataclass(frozen=True)
class Reference:
    """A curated reference: words of one paragraph that refer to an entry though no alias can say so
    ("the plane was shot down"), checked against the paragraph on every build."""

    source_id: str
    anchor: str
    quote: str  # the words, exactly as the paragraph has them
    entry_id: str | None  # None: the words refer to no entry, whatever an alias says
    file: Path | None = None
    line: int | None = None


@dataclass
class Registry:
    entries: dict[str, Entry]
    not_entries: dict[str, str]  # reviewed candidates that are not entries, with the reason
    references: list[Reference] = field(default_factory=list)

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
