"""Repair: undo extraction damage inside each block, recording every change.

Lines are joined (a line-end hyphen is kept or dropped, and the choice
recorded), note numbers become note references, and glued words are split.
The raw text is untouched: each block's text carries a map back to it.
"""

from __future__ import annotations

import re

from ..model import Block, Layout, NoteRef, RawBlock, Repair, Source
from ..vocabulary import JOINS, BlockKind, NoteStyle, RepairKind
from .hyphens import keep_hyphen
from .lexicon import Lexicon
from .mapped import Edit, MappedText, position, shift
from .noterefs import NoteNumbers, glued_edits, superscript_edits
from .punctuation import prefix_space_edits, punctuation_glue_edits
from .words import glued_word_edits, number_glue_edits

# Text that is not English prose to segment: web and e-mail addresses, file names, markup (a tag with
# its attributes, an entity) and code ("onerror=alert(1)"): left as the source has it.
LITERAL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|</?[A-Za-z!][^<>]{0,400}>|&#?\w+;"
                     r"|javascript:\S+|\S*[=<>{}]\S*|\S+\.(?:pdf|html?|org|com)\b")
NO_NOTE_REFS = {BlockKind.NOTE, BlockKind.FRONT, BlockKind.HEADING}


def repair(source: Source, layout: Layout, protected: frozenset[str]) -> list[Block]:
    lexicon = Lexicon(source.text, protected)
    numbers = NoteNumbers(known={b.number for b in layout.blocks if b.kind == BlockKind.NOTE and b.number})
    joins = {r.start: r.new for r in layout.repairs if r.kind in JOINS}
    return [repair_block(source.text, rb, lexicon, numbers, layout.note_style, joins) for rb in layout.blocks]


def repair_block(raw: str, rb: RawBlock, lexicon: Lexicon, numbers: NoteNumbers, note_style: NoteStyle,
                 joins: dict[int, str]) -> Block:
    mapped, repairs = join_lines(raw, rb, lexicon, joins)
    text = mapped.text
    literal = [m.span() for m in LITERAL.finditer(text)]
    notes: list[tuple[Edit, int]] = []
    if rb.kind not in NO_NOTE_REFS:
        if note_style == NoteStyle.SUPERSCRIPT:
            notes = superscript_edits(text)
        elif note_style == NoteStyle.GLUED_DIGITS:
            notes = glued_edits(text, numbers)
    taken = {e.start for e, _ in notes} | {e.end for e, _ in notes}
    edits = [e for e, _ in notes]
    if rb.lang is None:  # the segmentation model is English
        edits += [e for e in glued_word_edits(text, lexicon) if not _inside(e, literal)]
    edits += [e for e in number_glue_edits(text, lexicon, taken) if not _inside(e, literal)]
    edits += [e for e in prefix_space_edits(text) if not _inside(e, literal)]
    edits += [e for e in punctuation_glue_edits(text) if not _inside(e, literal)
              and not any(n.start < e.end and e.start < n.end for n, _ in notes)]
    edits = _without_overlaps(edits)
    new, done = mapped.apply(raw, edits)
    noterefs = _noterefs(done, notes)
    block = Block(
        kind=rb.kind, text=new.text, start=rb.start, end=rb.end, offsets=list(new.offsets),
        repairs=shift(repairs, done, new), noterefs=noterefs,
        level=rb.level, lang=rb.lang, number=rb.number,
    )
    if rb.strong:
        block.strong = (position(new, rb.strong[0]), position(new, rb.strong[1]))
    return block


def join_lines(raw: str, rb: RawBlock, lexicon: Lexicon,
               joins: dict[int, str]) -> tuple[MappedText, list[tuple[Repair, int, int]]]:
    """The block's lines as one line of text; a line-end hyphen is decided and recorded."""
    pieces: list[str] = []
    offsets: list[int] = []
    repairs: list[tuple[Repair, int, int]] = []
    length = 0
    for i, (start, end) in enumerate(rb.lines):
        piece = raw[start:end]
        nxt = rb.lines[i + 1] if i + 1 < len(rb.lines) else None
        hyphen = nxt is not None and re.search(r"[^\W\d_]-$", piece) and not piece.endswith("--") \
            and "\n" in raw[end:nxt[0]]
        if hyphen and nxt is not None:
            keep, why = keep_hyphen(piece[:-1], raw[nxt[0]:nxt[1]], lexicon)
            body = piece if keep else piece[:-1]
            pieces.append(body)
            offsets.extend(range(start, start + len(body)))
            length += len(body)
            new = "-" if keep else ""
            across = " (the lines meet across a page break)" if end in joins else ""
            repair = Repair(RepairKind.LINE_END_HYPHEN, end - 1, nxt[0], raw[end - 1:nxt[0]], new,
                            ("hyphen kept: " if keep else "hyphen removed: ") + why + across)
            repairs.append((repair, length - len(new), length))
            continue
        pieces.append(piece)
        offsets.extend(range(start, end))
        length += len(piece)
        if nxt is not None:
            sep = joins.get(end, " ")
            pieces.append(sep)
            offsets.extend([end] * len(sep))
            length += len(sep)
    offsets.append(rb.end)
    return MappedText("".join(pieces), tuple(offsets)), repairs


def _inside(edit: Edit, spans: list[tuple[int, int]]) -> bool:
    return any(s <= edit.start < e for s, e in spans)


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if not out or e.start >= out[-1].end:
            out.append(e)
    return out


def _noterefs(done: list[tuple[Repair, int, int]], notes: list[tuple[Edit, int]]) -> list[NoteRef]:
    numbers = [n for _, n in sorted(notes, key=lambda x: x[0].start)]
    placed = [start for repair, start, _ in done if repair.kind == RepairKind.NOTE_REF]
    return [NoteRef(n, pos) for n, pos in zip(numbers, placed)]
