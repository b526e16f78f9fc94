"""A block's text as HTML: the words escaped, with note references, page starts,
bold run-in heads and marked repairs placed by offset (standoff to inline)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model import Block, PageBreak

MARKUP = re.compile(r"[\\`*_{}\[\]()#+\-.!|~^$%:=<>&\"']")
MARKED = {"glued-words", "line-end-hyphen", "page-break-join", "detached-note"}
KIND_LABEL = {
    "glued-words": "words run together",
    "line-end-hyphen": "hyphen at a line end",
    "note-ref": "note number",
    "page-break-join": "paragraph cut by a page break",
    "detached-note": "note number set apart",
    "running-header": "running header",
    "page-marker": "page marker",
    "site-furniture": "not part of the text",
    "sidebar": "boxed text set apart",
}


def escape(text: str) -> str:
    """Text for a raw HTML block (which Markdown leaves alone)."""
    return html.escape(text, quote=False)


def e(text: str) -> str:
    """Text or an attribute value for HTML (quotes escaped too)."""
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Text for a Markdown line: every character Markdown or its extensions could read as markup."""
    return MARKUP.sub(lambda m: f"&#{ord(m.group())};", text)


@dataclass
class Point:
    """Something placed between characters: a page start or a note reference."""

    pos: int
    html: str


@dataclass(frozen=True)
class Link:
    """Where a mention of an entry leads, and what it says on hover."""

    url: str
    title: str
    register: str
    abbreviation_of: str = ""


def block_html(block: Block, note_ids: dict[int, str], page_anchor: bool = True,
               links: dict[str, Link] | None = None) -> str:
    points = [Point(pos, _page_html(brk, page_anchor)) for pos, brk in block.page_starts
              if brk.number is not None]
    seen: dict[int, int] = {}
    for ref in block.noterefs:
        seen[ref.number] = seen.get(ref.number, 0) + 1
        points.append(Point(ref.offset, _ref_html(ref.number, seen[ref.number], note_ids)))
    ranges: list[tuple[int, int, str, str]] = []
    if block.strong:
        ranges.append((block.strong[0], block.strong[1], "<strong>", "</strong>"))
    for repair, start, end in block.repairs:
        if repair.kind in MARKED and end > start:
            title = html.escape(f"{KIND_LABEL.get(repair.kind, repair.kind)}; the source has “{repair.original}”",
                                quote=True)
            ranges.append((start, end, f'<span class="em" title="{title}">', "</span>"))
    # mentions last: the outermost element, so a repair mark stays inside its link
    for m in block.mentions if links is not None else []:
        if m.inside:
            continue  # a name inside a longer name: the longer one is the link
        link = links[m.entry_id]
        inner = f'<abbr title="{html.escape(link.abbreviation_of, quote=True)}">' if link.abbreviation_of \
            and m.surface == m.surface.upper() else ""
        ranges.append((m.start, m.end, f'<a class="m m-{link.register}" href="{link.url}" '
                       f'title="{html.escape(link.title, quote=True)}">{inner}', ("</abbr>" if inner else "") + "</a>"))
    return _weave(block.text, points, ranges)


def _weave(text: str, points: list[Point], ranges: list[tuple[int, int, str, str]]) -> str:
    cuts = sorted({0, len(text), *(p.pos for p in points), *(r[0] for r in ranges), *(r[1] for r in ranges)})
    at: dict[int, list[str]] = {}
    for p in points:
        at.setdefault(min(p.pos, len(text)), []).append(p.html)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None]):  # type: ignore[operator]
        out.extend(at.get(a, []))
        if b is None:
            break
        covering = [r for r in ranges if r[0] <= a and b <= r[1]]
        piece = escape(text[a:b])
        for r in covering:
            piece = r[2] + piece + r[3]
        out.append(piece)
    return "".join(out)


def _page_html(brk: PageBreak, anchor: bool) -> str:
    ids = [brk.number] + (list(range(brk.number + 1, brk.last + 1)) if brk.last else [])
    extra = "".join(f'<span id="page-{n}"></span>' for n in ids[1:]) if anchor else ""
    ident = f' id="page-{brk.number}"' if anchor else ""
    title = f"Start of printed page {brk.label}" if not brk.last else \
        f"Printed pages {brk.label}: this copy is abridged and does not mark where these pages divide"
    return (f'<a class="pb ui" data-search-exclude{ident} href="#page-{brk.number}" title="{title}" '
            f'aria-label="{title}" data-label="{brk.label}">{brk.label}</a>{extra}')


def _ref_html(number: int, nth: int, note_ids: dict[int, str]) -> str:
    ident = f"r{number}" if nth == 1 else f"r{number}-{nth}"
    if number in note_ids:
        return (f'<sup class="noteref" id="{ident}"><a href="#{note_ids[number]}" '
                f'aria-label="Note {number}">{number}</a></sup>')
    return (f'<sup class="noteref missing" id="{ident}" title="Note {number}: its text is not in this copy '
            f'of the source">{number}</sup>')
