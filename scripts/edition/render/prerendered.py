"""A Python-Markdown extension that passes the edition's HTML blocks through as they are.

The renderer writes each HTML block whole (its tags balanced, every word of a source
escaped) and separates blocks by a blank line. Python-Markdown would parse each block with
its HTML parser only to hand it back unchanged, and MkDocs parses it once more to collect
anchor ids: two thirds of the whole build for the seeds. This preprocessor stores such
blocks in Markdown's stash straight away, so both parsers see a placeholder instead. The
HTML written is the same; internal links and anchors are checked by tests/test_links.py.

A page made of nothing but headings and such blocks (an entry page of a register) need not go
through Markdown at all but for its headings: `HeadingsAndBlocks` converts it that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import nest_toc_tokens
from markdown.preprocessors import Preprocessor

BLOCK_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
# after Markdown's whitespace normalising (30), before MkDocs' anchor collector (21) and html_block (20)
PRIORITY = 25


class PrerenderedBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] = []  # the HTML block being gathered
        for line in lines:
            if block and line.strip():
                block.append(line)
                continue
            if block:
                out.append(self.md.htmlStash.store("\n".join(block)))
                block = []
            if (not out or not out[-1].strip()) and opens_html_block(self.md, line):
                block = [line]
            else:
                out.append(line)
        if block:
            out.append(self.md.htmlStash.store("\n".join(block)))
        return out


def opens_html_block(md: Markdown, line: str) -> bool:
    tag = BLOCK_TAG.match(line)
    return bool(tag) and md.is_block_level(tag.group(1))


class PrerenderedHtml(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(PrerenderedBlocks(md), "edition_prerendered", PRIORITY)


HEADING = re.compile(r"#{1,6} ")


class HeadingsAndBlocks:
    """Converts a page made only of one-line headings and the edition's HTML blocks (an entry page)
    without running Markdown over the whole page. Markdown, with the site's extensions, converts each
    heading on its own, once per build (an entry page's headings are mostly the same few), and the HTML
    blocks go between them as written. The result is the same as the whole page's conversion, ids,
    permalinks and table of contents included, as long as the headings' ids differ (otherwise Markdown
    would have numbered them): that is checked, and tests/test_fast_pages.py compares whole sites.

    `convert` answers None for any other page, which Markdown then converts as usual. Headings with
    a link or HTML in them are left to Markdown too, so that MkDocs checks and rewrites the links."""

    def __init__(self, md: Markdown) -> None:
        self.md = md
        self.headings: dict[str, tuple[str, list[dict]]] = {}  # heading line -> (HTML, its toc token)

    def convert(self, text: str) -> tuple[str, list[dict]] | None:
        if any(c in text for c in "\t\r\x02\x03"):  # what Markdown would normalise first
            return None
        chunks = [c.strip("\n") for c in re.split(r"\n[ \n]*\n", text.strip("\n")) if c.strip()]
        parts, tokens = [], []
        for chunk in chunks:
            if HEADING.match(chunk):
                if "\n" in chunk or "[" in chunk or "<" in chunk:
                    return None
                html, token = self.heading(chunk)
                parts.append(html)
                tokens += [dict(t) for t in token]
            elif opens_html_block(self.md, chunk):
                parts.append(chunk)
            else:
                return None
        ids = [t["id"] for t in tokens]
        if not tokens or len(set(ids)) < len(ids):
            return None
        return "\n".join(parts), nest_toc_tokens(tokens)

    def heading(self, line: str) -> tuple[str, list[dict]]:
        if line not in self.headings:
            self.md.reset()
            html = self.md.convert(line)
            self.headings[line] = html, [{k: v for k, v in t.items() if k != "children"}
                                         for t in self.md.toc_tokens]
        return self.headings[line]


def heading_ids(tokens: list[dict]) -> Iterator[str]:
    """The anchors of the headings in a table of contents (as Markdown's toc extension gives it)."""
    for token in tokens:
        yield token["id"]
        yield from heading_ids(token["children"])
