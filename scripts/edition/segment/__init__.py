"""Segment: give the repaired blocks their anchors, printed pages and notes,
and gather the apparatus of repairs."""

from __future__ import annotations

import bisect
from pathlib import Path

from ..model import Block, Edition, Layout, PageBreak, Repair, Source
from ..vocabulary import RepairKind
from .anchors import assign, ledger_json, load_ledger, slug

NUMBERED = {"paragraph", "quote", "item", "aside", "back"}


def segment(source: Source, layout: Layout, blocks: list[Block], ledger_dir: Path) -> tuple[Edition, str]:
    """The edition of one source, and the text of its updated anchor ledger."""
    place_pages(blocks, layout.page_breaks)
    numbered = [b for b in blocks if b.kind in NUMBERED]
    ledger = load_ledger(ledger_dir / f"{source.id}.json")
    ids, entries, redirects = assign([b.text for b in numbered], ledger)
    for block, anchor in zip(numbered, ids):
        block.anchor = anchor
        block.label = anchor[1:]
    used: set[str] = set(ids)
    for block in blocks:
        if block.kind == "heading":
            block.anchor = slug(block.text, used)
        elif block.kind == "abstract":
            block.anchor = slug("abstract" + (f"-{block.lang}" if block.lang else ""), used)
            block.label = "Abs."
        elif block.kind == "front":
            block.anchor = slug("front", used)
        elif block.kind == "note":
            block.anchor = _unique(f"n{block.number}" if block.number else "note", used)
            block.label = str(block.number or "")
    edition = Edition(
        source=source, blocks=blocks, page_breaks=layout.page_breaks,
        repairs=apparatus(layout, blocks), redirects=redirects,
        pages_note=layout.pages_note, note_style=layout.note_style,
    )
    return edition, ledger_json(source.id, entries)


def _unique(name: str, used: set[str]) -> str:
    candidate, k = name, 2
    while candidate in used:
        candidate, k = f"{name}-{k}", k + 1
    used.add(candidate)
    return candidate


def place_pages(blocks: list[Block], breaks: list[PageBreak]) -> None:
    """Each page break goes where its page starts; each block learns the pages it is on."""
    if not breaks or not blocks:
        return
    ordered = sorted(blocks, key=lambda b: b.start)
    for brk in sorted(breaks, key=lambda p: p.offset):
        block, pos = _holder(ordered, brk.offset)
        if block is not None and block.kind == "heading":
            # a page that opens with a heading is marked at the text under it (headings carry no markers)
            after = [b for b in ordered if b.start > block.start and b.kind != "heading"]
            block, pos = (after[0], 0) if after else (block, pos)
        if block is not None:
            block.page_starts.append((pos, brk))
    current: PageBreak | None = None
    for block in ordered:
        opens_page = any(pos == 0 for pos, _brk in block.page_starts)
        for pos, brk in block.page_starts:
            if pos == 0:
                current = brk
        on = [current] if current and current.number is not None else []
        on += [brk for pos, brk in block.page_starts if pos > 0 and brk.number is not None]
        current = on[-1] if on else current
        block.pages = _labels(on, opens_page)


def _labels(on: list[PageBreak], opens_page: bool) -> list[str]:
    """The pages a block is on. Where an abridged copy marks a stretch of pages ("224–226") and a block
    runs from it onto the next, the text before the marker ends the stretch's last page and the text
    after it starts the next one: the block is on pp. 226–227, not on 224–229."""
    labels = [b.label for b in on]
    if len(on) > 1:
        if not opens_page:
            labels[0] = str(on[0].last or on[0].number)
        labels[-1] = str(on[-1].number)
    return labels


def _holder(ordered: list[Block], offset: int) -> tuple[Block | None, int]:
    """The block whose text holds this raw offset, else the first block after it. An offset inside the
    block's span that is not in its text (a page marker glued to a word, "permitted[End Page 229] RPF")
    goes to the first character after it."""
    for block in ordered:
        if block.offsets and block.offsets[0] <= offset < block.offsets[-1]:
            return block, bisect.bisect_left(block.offsets, offset)
    following = [b for b in ordered if b.start >= offset]
    return (following[0], 0) if following else (None, 0)


def apparatus(layout: Layout, blocks: list[Block]) -> list[Repair]:
    """Every repair of the source, in text order. Where a line-end hyphen is decided across a break the
    reader joined, the hyphen's repair covers that break and says so: the reader's join is not listed too."""
    found = [r for block in blocks for r, _s, _e in block.repairs]
    hyphens = [(r.start, r.end) for r in found if r.kind == RepairKind.LINE_END_HYPHEN]
    found += [r for r in layout.repairs if not any(s <= r.start and r.end <= e for s, e in hyphens)]
    return sorted(found, key=lambda r: (r.start, r.end))


def block_at(blocks: list[Block], offset: int) -> Block | None:
    """The block a raw offset belongs to (or the next one, for text between blocks)."""
    candidates = [b for b in blocks if b.anchor]
    for b in sorted(candidates, key=lambda b: b.start):
        if offset < b.end or b.start >= offset:
            return b
    return candidates[-1] if candidates else None
