"""A Python-Markdown extension that passes the edition's HTML blocks through as they are.

The renderer writes each HTML block whole (its tags balanced, every word of a source
escaped) and separates blocks by a blank line. Python-Markdown would parse each block with
its HTML parser only to hand it back unchanged, and MkDocs parses it once more to collect
anchor ids: two thirds of the whole build for the seeds. This preprocessor stores such
blocks in Markdown's stash straight away, so both parsers see a placeholder instead. The
HTML written is the same; internal links and anchors are checked by tests/test_links.py.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
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
            if (not out or not out[-1].strip()) and self._opens_block(line):
                block = [line]
            else:
                out.append(line)
        if block:
            out.append(self.md.htmlStash.store("\n".join(block)))
        return out

    def _opens_block(self, line: str) -> bool:
        tag = BLOCK_TAG.match(line)
        return bool(tag) and self.md.is_block_level(tag.group(1))


class PrerenderedHtml(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(PrerenderedBlocks(md), "edition_prerendered", PRIORITY)
