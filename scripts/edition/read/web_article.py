"""Reader for an article saved from a journal web site: one paragraph a line,
"[End Page N]" markers, numbered notes at the end, and the site's own header
and navigation lines, which are not part of the article.
"""

from __future__ import annotations

import re

from ..model import Layout, PageBreak, RawBlock, Repair, Source
from ..vocabulary import RepairKind
from .blocks import block_of, join_cut_paragraphs, looks_like_heading
from .lines import Line, split_lines
from .notes import note_block

MARKER = re.compile(r"\[End Page (\d+)\]")
FURNITURE = [
    (re.compile(r"^Copyright\s*©.*$"), "the site's copyright header"),
    (re.compile(r"^(\[[^\]]+\])+$"), "the site's navigation line"),
    (re.compile(r"^https?://\S+$"), "the address of the page on the site"),
]
NOTES_HEADING = re.compile(r"^(End ?notes|Notes)$", re.I)


def read(source: Source) -> Layout:
    raw = source.text
    repairs: list[Repair] = []
    breaks: list[PageBreak] = []
    blocks: list[RawBlock] = []
    in_notes = False
    for line in split_lines(raw):
        text = line.stripped
        if line.blank:
            continue
        furniture = next((why for pattern, why in FURNITURE if pattern.match(text)), None)
        if furniture:
            repairs.append(Repair(RepairKind.SITE_FURNITURE, line.start, line.end, line.text, "", furniture))
        elif in_notes and (note := note_block(line)):
            blocks.append(note)
        elif looks_like_heading(text, 100):
            in_notes = bool(NOTES_HEADING.match(text))
            blocks.append(block_of("heading", [line], level=2))
        else:
            blocks.append(_paragraph(line, repairs, breaks))
    blocks = _classify(blocks, raw, source)
    blocks = join_cut_paragraphs(raw, blocks, repairs, "a page break cut this paragraph")
    opts = source.meta.get("edition", {})
    last_page = int(str(source.meta.get("page", "0-0")).split("-")[-1] or 0) or None
    return Layout(blocks=blocks, page_breaks=_number(breaks, blocks, last_page), repairs=repairs,
                  note_style=opts.get("notes", "glued-digits"), pages_note=opts.get("pages_note", ""))


def _paragraph(line: Line, repairs: list[Repair], breaks: list[PageBreak]) -> RawBlock:
    """A paragraph line, less its page markers (each becomes a page break)."""
    start, end = line.content
    spans = []
    pos = start
    for m in MARKER.finditer(line.text):
        m_start, m_end = line.start + m.start(), line.start + m.end()
        cut_end = m_end + 1 if m_end < end and line.text[m.end()] == " " and m.start() > 0 \
            and line.text[m.start() - 1] == " " else m_end
        repairs.append(Repair(RepairKind.PAGE_MARKER, m_start, cut_end, line.text[m.start():cut_end - line.start], "",
                              f"marker of the end of printed page {m.group(1)}, shown in the margin"))
        if m_start > pos:
            spans.append((pos, m_start))
        breaks.append(PageBreak(cut_end, int(m.group(1)) + 1))
        pos = cut_end
    if pos < end:
        spans.append((pos, end))
    return RawBlock(kind="paragraph", lines=_trim(spans, line))


def _trim(spans: list[tuple[int, int]], line: Line) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        piece = line.text[s - line.start:e - line.start]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def _classify(blocks: list[RawBlock], raw: str, source: Source) -> list[RawBlock]:
    """Title block before the first long paragraph; a quotation after a colon; the author's note."""
    first_body = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"
                       and len(raw[b.start:b.end].split()) >= 40), 0)
    for b in blocks[:first_body]:
        b.kind = "front"
    families = [a.get("family", "") for a in source.meta.get("author", []) if a.get("family")]
    out: list[RawBlock] = []
    for b in blocks:
        text = raw[b.start:b.end]
        if b.kind == "paragraph" and out and out[-1].kind == "paragraph" and raw[out[-1].end - 1] == ":":
            b.kind = "quote"
        if b.kind == "paragraph" and any(re.match(rf"^\w[\w. ]* {re.escape(f)} is ", text) for f in families):
            b.kind = "back"
        out.append(b)
    return [b for b in out if b.lines]


def _number(breaks: list[PageBreak], blocks: list[RawBlock], last_page: int | None) -> list[PageBreak]:
    """Page N+1 starts after "[End Page N]"; where the next marker skips pages, say so."""
    if not breaks:
        return []
    first_number = breaks[0].number - 1 if breaks[0].number else None
    start = blocks[0].start if blocks else 0
    out = [PageBreak(start, first_number)]
    for i, b in enumerate(breaks):
        following = breaks[i + 1].number - 1 if i + 1 < len(breaks) and breaks[i + 1].number else last_page
        last = following if following and b.number and following > b.number else None
        out.append(PageBreak(b.offset, b.number, last))
    return out
