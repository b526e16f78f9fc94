"""Reader for text extracted from a PDF: hard-wrapped lines, page starts, running headers.

A line that begins with exactly one space, or follows three or more blank
lines, or follows a running header, starts a printed page. Paragraph breaks
are blank lines, or a short line that ends a sentence.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ..model import Layout, PageBreak, RawBlock, Repair, Source
from ..vocabulary import RepairKind
from .blocks import block_of, join_cut_paragraphs, join_repair, language, looks_like_heading, merge
from .lines import Line, ends_sentence, first_word, split_lines

ITEM = re.compile(r"^(\d{1,2})\.\s")


@dataclass
class Item:
    line: Line
    gap: int  # blank lines before it
    page_start: bool
    header_numbers: list[int] = field(default_factory=list)


def read(source: Source) -> Layout:
    raw = source.text
    opts = source.meta.get("edition", {})
    header = re.compile(opts["running_header"]) if opts.get("running_header") else None
    repairs: list[Repair] = []
    items = _items(split_lines(raw), header, repairs, raw)
    if not items:
        return Layout(blocks=[], repairs=repairs)
    lengths = [len(it.line.stripped) for it in items]
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    median = statistics.median(lengths)
    groups = _group(items, width)
    blocks = _classify(raw, groups, width, median)
    blocks = _rejoin_detached_notes(raw, blocks, repairs)
    blocks = join_cut_paragraphs(raw, blocks, repairs, "a page break cut this paragraph")
    return Layout(
        blocks=blocks,
        page_breaks=_number_pages(items, opts.get("first_page")),
        repairs=repairs,
        note_style=opts.get("notes", "none"),
        pages_note=opts.get("pages_note", ""),
    )


def _items(lines: list[Line], header: re.Pattern[str] | None, repairs: list[Repair], raw: str) -> list[Item]:
    items: list[Item] = []
    blanks = 0
    header_numbers: list[int] = []
    for line in lines:
        if line.blank:
            blanks += 1
            continue
        if header and header.fullmatch(line.stripped):
            repairs.append(Repair(RepairKind.RUNNING_HEADER, line.start, line.end, line.text, "",
                                  "running header of the printed page"))
            match = header.fullmatch(line.stripped)
            header_numbers += [int(g) for g in match.groups() if g and g.strip().isdigit()] if match else []
            blanks = 0
            continue
        page_start = (line.text.startswith(" ") and not line.text.startswith("  ")) or blanks >= 3 \
            or bool(header_numbers)
        quiet = blanks >= 3 or bool(header_numbers)  # blank lines around a page break say nothing
        items.append(Item(line, 0 if quiet else blanks, page_start, header_numbers))
        blanks = 0
        header_numbers = []
    return items


def _group(items: list[Item], width: int) -> list[list[Item]]:
    """Lines into paragraphs: a blank line, a list item, or a short sentence end breaks."""
    groups: list[list[Item]] = []
    for item in items:
        if groups and not _breaks(groups[-1], item, width):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _breaks(group: list[Item], item: Item, width: int) -> bool:
    prev = group[-1].line.stripped
    text = item.line.stripped
    if item.gap:
        return True
    short = len(prev) + 1 + len(first_word(text)) < width - 3
    if text[:1].islower() and not (item.page_start and short and ends_sentence(prev)):
        return False  # no paragraph starts in lower case (but text boxed off may end just before one)
    if ITEM.match(text) or ITEM.match(group[0].line.stripped) and ITEM.match(text):
        return True
    if len(group) == 1 and looks_like_heading(prev, width, title_case=True) and text[:1].isupper():
        return True  # a heading stands on its own line
    if ends_sentence(prev) and len(text) < 0.6 * width and looks_like_heading(text, width, title_case=True):
        return True
    return short and ends_sentence(prev)


def _classify(raw: str, groups: list[list[Item]], width: int, median: float) -> list[RawBlock]:
    """Front matter, abstract(s), then the body's headings, items, quotations and paragraphs."""
    blocks: list[RawBlock] = []
    texts = [" ".join(it.line.stripped for it in g) for g in groups]
    labelled = next((i for i, t in enumerate(texts[:12]) if t.lower().startswith("abstract")), None)
    if labelled is not None:
        body_from = labelled + 1
        blocks += [block_of("front", [it.line for it in g]) for g in groups[:labelled]]
        blocks.append(block_of("abstract", [it.line for it in groups[labelled]], lang=language(texts[labelled])))
    else:
        # unlabelled abstracts: the paragraphs before an early first heading
        first_heading = next((i for i, g in enumerate(groups[:5])
                              if len(g) == 1 and looks_like_heading(texts[i], width, title_case=True)), 0)
        body_from = first_heading
        blocks += [block_of("abstract", [it.line for it in g], lang=language(t))
                   for g, t in zip(groups[:first_heading], texts[:first_heading])]
    for group, text in zip(groups[body_from:], texts[body_from:]):
        lines = [it.line for it in group]
        if len(lines) == 1 and looks_like_heading(text, width, title_case=True) and _after_paragraph_end(blocks, raw):
            blocks.append(block_of("heading", lines, level=2))
        elif ITEM.match(text):
            blocks.append(block_of("item", lines))
        elif blocks and len(lines) >= 2 and raw[blocks[-1].end - 1] == ":" \
                and max(len(ln.stripped) for ln in lines[:-1]) < median:
            blocks.append(block_of("quote", lines))
        elif blocks and blocks[-1].kind == "quote" and _continues_quote(raw, blocks[-1], lines, median):
            blocks[-1] = merge(blocks[-1], block_of("quote", lines))
        else:
            blocks.append(block_of("paragraph", lines))
    return blocks


def _after_paragraph_end(blocks: list[RawBlock], raw: str) -> bool:
    if not blocks:
        return True
    last = raw[blocks[-1].lines[-1][0]:blocks[-1].lines[-1][1]]
    return blocks[-1].kind == "heading" or ends_sentence(last)


def _continues_quote(raw: str, quote: RawBlock, lines: list[Line], median: float) -> bool:
    last = raw[quote.lines[-1][0]:quote.lines[-1][1]]
    return not ends_sentence(last) and max(len(ln.stripped) for ln in lines) < median


def _rejoin_detached_notes(raw: str, blocks: list[RawBlock], repairs: list[Repair]) -> list[RawBlock]:
    """A note number left alone at the start of a paragraph belongs to the sentence before it."""
    out: list[RawBlock] = []
    for block in blocks:
        first = raw[block.lines[0][0]:block.lines[0][1]]
        if out and block.kind == "paragraph" and re.match(r"^\d{1,3} [A-Z]", first) \
                and out[-1].kind == "paragraph" and ends_sentence(raw[out[-1].end - 2:out[-1].end]):
            repairs.append(join_repair(raw, out[-1], block, RepairKind.DETACHED_NOTE,
                                       "a note number printed at the top of the next page", new=""))
            out[-1] = merge(out[-1], block)
        else:
            out.append(block)
    return out


def _number_pages(items: list[Item], first_page: int | None) -> list[PageBreak]:
    starts = [it for it in items if it.page_start]
    offsets = [it.line.content[0] for it in starts]
    if not items[0].page_start:
        offsets.insert(0, items[0].line.content[0])
        starts.insert(0, items[0])
    known = [(i, max(it.header_numbers)) for i, it in enumerate(starts) if it.header_numbers]
    if known:
        index, number = known[0]
        base = number - index
    elif first_page is not None:
        base = first_page
    else:
        return [PageBreak(off, None) for off in offsets]
    return [PageBreak(off, base + i) for i, off in enumerate(offsets)]
