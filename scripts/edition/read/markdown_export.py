"""Reader for a report exported to light Markdown: one paragraph a line, `- ` lists,
`**run-in heads**`, superscript note markers and an "Endnotes" list.

The export's own markup (`- `, `**`) is structure, not wording: it becomes list
items and bold run-in heads. A blank line in mid-sentence is a former page break.
"""

from __future__ import annotations

import re

from ..model import Layout, RawBlock, Source
from .blocks import block_of, join_cut_paragraphs, looks_like_heading
from .lines import Line, split_lines
from .notes import note_block

BULLET = re.compile(r"^- (?:\*\*(.+?)\*\*)?")
NOTES_HEADING = re.compile(r"^(End ?notes|Notes)$", re.I)


def read(source: Source) -> Layout:
    raw = source.text
    lines = [ln for ln in split_lines(raw) if not ln.blank]
    blocks: list[RawBlock] = []
    in_notes = False
    for line in lines:
        text = line.stripped
        if in_notes and (note := note_block(line)):
            blocks.append(note)
        elif looks_like_heading(text, 100) and not BULLET.match(text):
            in_notes = bool(NOTES_HEADING.match(text))
            blocks.append(block_of("heading", [line], level=2))
        elif BULLET.match(text):
            blocks.append(_item(line))
        else:
            kind = "back" if in_notes or _after_notes(blocks) else "paragraph"
            blocks.append(block_of(kind, [line]))
    blocks = _front_matter(blocks, raw)
    repairs: list = []
    blocks = join_cut_paragraphs(raw, blocks, repairs, "a page break cut this paragraph")
    opts = source.meta.get("edition", {})
    return Layout(blocks=blocks, repairs=repairs, note_style=opts.get("notes", "superscript"),
                  pages_note=opts.get("pages_note", ""))


def _item(line: Line) -> RawBlock:
    start, end = line.content
    m = BULLET.match(line.stripped)
    assert m
    if not m.group(1):
        return RawBlock(kind="item", lines=[(start + 2, end)])
    lead = (start + 4, start + 4 + len(m.group(1)))
    rest = start + m.end()
    while rest < end and line.text[rest - line.start].isspace():
        rest += 1
    spans = [lead] + ([(rest, end)] if rest < end else [])
    return RawBlock(kind="item", lines=spans, strong=lead)


def _after_notes(blocks: list[RawBlock]) -> bool:
    return bool(blocks) and blocks[-1].kind in {"note", "back"}


def _front_matter(blocks: list[RawBlock], raw: str) -> list[RawBlock]:
    """The title block: what comes before the first long paragraph and the heading over it."""
    first = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"
                  and len(raw[b.start:b.end].split()) >= 40), 0)
    if first and blocks[first - 1].kind == "heading":
        first -= 1
    for b in blocks[:first]:
        b.kind = "front"
    return blocks
