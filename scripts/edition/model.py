"""Plain data passed between the stages.

The source text is never edited: a `Source` keeps it as read, readers describe
its structure as spans over it, and every change of wording is a `Repair` with
the span it replaces (standoff, as in spaCy's Doc/Span).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .vocabulary import BlockKind, NoteStyle, RepairKind


@dataclass(frozen=True)
class Source:
    id: str
    path: Path
    text: str
    meta: dict[str, Any]
    meta_path: Path | None = None

    @property
    def title(self) -> str:
        return str(self.meta["title"])


@dataclass(frozen=True)
class Repair:
    """One emendation: `original` at raw[start:end] is read as `new`."""

    kind: RepairKind
    start: int
    end: int
    original: str
    new: str
    note: str = ""
    to: int | None = None  # for text that is moved: the raw offset it now follows


@dataclass(frozen=True)
class PageBreak:
    """A printed page begins at raw offset `offset`.

    `last` differs from `number` where the source is abridged and the text that
    follows comes from several pages whose boundaries it does not mark.
    """

    offset: int
    number: int | None
    last: int | None = None

    @property
    def label(self) -> str:
        if self.number is None:
            return ""
        if self.last and self.last != self.number:
            return f"{self.number}–{self.last}"
        return str(self.number)


@dataclass
class RawBlock:
    """A structural unit found by a reader: its lines are raw spans, in order."""

    kind: BlockKind
    lines: list[tuple[int, int]]
    level: int = 0
    lang: str | None = None
    number: int | None = None  # a note's number
    strong: tuple[int, int] | None = None  # raw span set in bold (a run-in head)

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][1]


@dataclass
class Layout:
    """What a reader recovers: blocks, printed pages, and what it set aside."""

    blocks: list[RawBlock]
    page_breaks: list[PageBreak] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    note_style: NoteStyle = NoteStyle.NONE
    pages_note: str = ""


@dataclass(frozen=True)
class NoteRef:
    number: int
    offset: int  # in the block's repaired text, where the marker stands


@dataclass
class Block:
    kind: BlockKind
    text: str
    start: int
    end: int
    offsets: list[int]  # raw offset of each character of text (and one past the end)
    repairs: list[tuple[Repair, int, int]] = field(default_factory=list)
    noterefs: list[NoteRef] = field(default_factory=list)
    level: int = 0
    lang: str | None = None
    number: int | None = None
    strong: tuple[int, int] | None = None  # span of text set in bold
    page_starts: list[tuple[int, PageBreak]] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    anchor: str = ""
    label: str = ""  # the visible paragraph number
    mentions: list[Any] = field(default_factory=list)  # annotate.Mention spans over `text`

    @property
    def page_span(self) -> str:
        """The printed pages this block is on, as one range: "50", "50–51", or "224–229" for a block
        that runs from a stretch of pages marked "224–226" onto one marked "227–229"."""
        return page_span(self.pages)


def page_span(labels: list[str] | tuple[str, ...]) -> str:
    if not labels:
        return ""
    first, last = labels[0].split("–")[0], labels[-1].split("–")[-1]
    return first if first == last else f"{first}–{last}"


def anchor_label(anchor: str) -> str:
    """"¶ 13" for a paragraph's anchor (p13); any other anchor (n27, abstract) as it is."""
    return f"¶ {anchor[1:]}" if re.match(r"^p\d", anchor) else anchor


def pages_label(labels: list[str] | tuple[str, ...]) -> str:
    """"p. 50", "pp. 50–51": the pages as a reader writes them."""
    span = page_span(labels)
    return "" if not span else (f"pp. {span}" if "–" in span else f"p. {span}")


@dataclass
class Edition:
    source: Source
    blocks: list[Block]
    page_breaks: list[PageBreak]
    repairs: list[Repair]
    redirects: dict[str, str]
    pages_note: str = ""
    note_style: NoteStyle = NoteStyle.NONE

    @property
    def notes(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "note"]
