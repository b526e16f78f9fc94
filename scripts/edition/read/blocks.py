"""Helpers shared by the readers: turning groups of lines into blocks, and common tests."""

from __future__ import annotations

import re

from ..model import RawBlock, Repair
from ..vocabulary import RepairKind
from .lines import Line, ends_sentence

FRENCH = set("le la les des du et est que qui pour une dans au aux sur pas ce cette qu’ils d’un".split())


def block_of(kind: str, lines: list[Line], **extra: object) -> RawBlock:
    return RawBlock(kind=kind, lines=[ln.content for ln in lines], **extra)  # type: ignore[arg-type]


def language(text: str) -> str | None:
    words = re.findall(r"[a-zà-ÿ’']+", text.lower())
    if len(words) >= 20 and sum(w in FRENCH for w in words) / len(words) > 0.12:
        return "fr"
    return None


MINOR = set("a an and as at but by for from in into is of on or the to with that".split())


def looks_like_heading(text: str, width: int, title_case: bool = False) -> bool:
    """A short line with no closing punctuation; with `title_case`, its main words capitalised."""
    s = text.strip()
    if not s or len(s) > max(0.8 * width, 60) or re.match(r"^(\d{1,2}\.|[•·▪◦-])\s", s):
        return False
    if re.search(r"[.,;:]$", s) or not (s[0].isupper() or s[0] in "“\"‘'"):
        return False
    words = re.findall(r"[^\W\d_][\w’'-]*", s)
    if not words or len(words) > 14 or words[-1].lower() in MINOR:
        return False
    if title_case:
        main = [w for w in words if w.lower() not in MINOR]
        return sum(w[0].isupper() for w in main) >= 0.6 * len(main)
    return True


def join_repair(raw: str, a: RawBlock, b: RawBlock, kind: str, note: str, new: str = " ") -> Repair:
    """Record that the break between two blocks is not a paragraph break of the source."""
    start = end = a.end
    while end < b.start and raw[end].isspace():
        end += 1
    return Repair(kind, start, end, raw[start:end], new, note)


def merge(a: RawBlock, b: RawBlock) -> RawBlock:
    return RawBlock(kind=a.kind, lines=a.lines + b.lines, level=a.level, lang=a.lang)


def cut_by_break(raw: str, a: RawBlock, b: RawBlock) -> bool:
    """Does `b` carry on the sentence that `a` leaves open (a break in mid-sentence)?"""
    if a.kind not in {"paragraph", "quote", "item", "abstract"} or b.kind not in {"paragraph", "quote"}:
        return False
    last = raw[a.lines[-1][0]:a.lines[-1][1]]
    first = raw[b.lines[0][0]:b.lines[0][1]].lstrip("“\"‘'(")
    return not ends_sentence(last) and bool(first) and first[0].islower()


def join_cut_paragraphs(raw: str, blocks: list[RawBlock], repairs: list[Repair], note: str) -> list[RawBlock]:
    """Join paragraphs that a page break cut in two; set apart a block that interrupts one."""
    out: list[RawBlock] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        while i + 1 < len(blocks):
            nxt = blocks[i + 1]
            if cut_by_break(raw, block, nxt):
                repairs.append(join_repair(raw, block, nxt, RepairKind.PAGE_BREAK_JOIN, note))
                block = merge(block, nxt)
                i += 1
                continue
            third = blocks[i + 2] if i + 2 < len(blocks) else None
            if third is not None and nxt.kind == "paragraph" and cut_by_break(raw, block, third) \
                    and ends_sentence(raw[nxt.lines[-1][0]:nxt.lines[-1][1]]):
                # a boxed sidebar printed in the middle of a sentence: keep it, after the paragraph
                repairs.append(Repair(RepairKind.SIDEBAR, nxt.start, nxt.end, raw[nxt.start:nxt.end], "",
                                      "boxed text that interrupts a sentence, set apart after the paragraph",
                                      to=third.end))
                repairs.append(join_repair(raw, block, third, RepairKind.PAGE_BREAK_JOIN, note))
                aside = RawBlock(kind="aside", lines=nxt.lines)
                block = merge(block, third)
                out.append(block)
                out.append(aside)
                i += 3
                block = None  # type: ignore[assignment]
                break
            break
        if block is not None:
            out.append(block)
            i += 1
    return out
