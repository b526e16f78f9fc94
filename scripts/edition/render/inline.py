"""A block's text as HTML: the words escaped, with note references, page starts,
bold run-in heads and marked repairs placed by offset (standoff to inline)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from ..model import Block
from ..vocabulary import REPAIRS, repair_label
from .markup import macros, trusted

MARKED = frozenset(kind for kind, info in REPAIRS.items() if info.marked)


@dataclass
class Point:
    """Something placed between characters: a page start or a note reference."""

    pos: int
    html: Markup


@dataclass(frozen=True)
class Link:
    """Where a mention of an entry leads, and what it says on hover."""

    url: str
    title: str
    register: str
    abbreviation_of: str = ""


def block_html(block: Block, note_ids: dict[int, str], page_anchor: bool = True,
               links: dict[str, Link] | None = None) -> Markup:
    m = macros()
    points = [Point(pos, m.page_break(brk, page_anchor)) for pos, brk in block.page_starts if brk.number is not None]
    seen: dict[int, int] = {}
    for ref in block.noterefs:
        seen[ref.number] = seen.get(ref.number, 0) + 1
        points.append(Point(ref.offset, m.note_ref(ref.number, seen[ref.number], note_ids.get(ref.number))))
    ranges: list[Range] = []
    if block.strong:
        ranges.append(Range(block.strong[0], block.strong[1], element("strong")))
    for repair, start, end in block.repairs:
        if repair.kind in MARKED and end > start:
            label = repair_label(repair.kind)
            ranges.append(Range(start, end, element("repair_mark", label, repair.original, False),
                                element("repair_mark", label, repair.original, True)))
    # mentions last: the outermost element, so a repair mark stays inside its link
    linked = [m for m in block.mentions if not m.inside] if links is not None else []
    # the shortest first: a range wraps the ones before it, so a longer reference is outside the names it holds
    for mention in sorted(linked, key=lambda m: m.end - m.start):
        link = links[mention.entry_id]  # type: ignore[index]
        if any(o is not mention and _holds_or_crosses(mention, o) for o in linked):
            # words that refer to an entry and hold names linked on their own ("the plane carrying
            # Habyarimana ... crashed"), or cross another reference: marked, with one link of their own
            # after them (links do not nest)
            ranges.append(Range(mention.start, mention.end, element("described", link, False),
                                element("described", link, True)))
            continue
        abbreviated = bool(link.abbreviation_of) and mention.surface == mention.surface.upper()
        ranges.append(Range(mention.start, mention.end, element("mention", link, abbreviated)))
    return _weave(block.text, points, ranges)


def _holds_or_crosses(m: Any, o: Any) -> bool:
    holds = m.start <= o.start and o.end <= m.end
    inside = o.start <= m.start and m.end <= o.end
    return holds or (o.start < m.end and m.start < o.end and not inside)


INNER = "\ufdd2"  # a noncharacter: never in a text, and kept as it is by escaping


@lru_cache(maxsize=8192)
def element(macro: str, *args: Hashable) -> tuple[str, str]:
    """The markup a macro of macros.html.j2 puts before and after the text it is given: rendered once for
    each entry, repair or run-in head, then wrapped around every piece of text in a mention of it
    (a thousand sources have millions of mentions)."""
    before, after = str(getattr(macros(), macro)(*args, trusted(INNER))).split(INNER)
    return before, after


@dataclass(frozen=True)
class Range:
    """Characters start:end of the text, put inside an element: the markup before and after it."""

    start: int
    end: int
    wrap: tuple[str, str]
    wrap_continued: tuple[str, str] | None = None  # for a part before the last, where it differs


def _weave(text: str, points: list[Point], ranges: list[Range]) -> Markup:
    cuts = sorted({0, len(text), *(p.pos for p in points), *(r.start for r in ranges), *(r.end for r in ranges)})
    at: dict[int, list[Markup]] = {}
    for p in points:
        at.setdefault(min(p.pos, len(text)), []).append(p.html)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None]):  # type: ignore[operator]
        out.extend(at.get(a, []))
        if b is None:
            break
        piece = str(escape(text[a:b]))
        for r in ranges:
            if r.start <= a and b <= r.end:
                before, after = r.wrap if b == r.end or r.wrap_continued is None else r.wrap_continued
                piece = before + piece + after
        out.append(piece)
    return trusted("".join(out))
