"""Notes sections at the end of a source: a heading, then one note a line."""

from __future__ import annotations

import re

from ..model import RawBlock
from .lines import Line

NOTE = re.compile(r"^(?:-\s+)?(\d{1,3})(?:\.\s*|\s+)(?=\S)")


def note_block(line: Line) -> RawBlock | None:
    """`1.See …`, `1. See …` or `- 1 See …` as note 1; None if the line is not a note."""
    m = NOTE.match(line.stripped)
    if not m:
        return None
    lead = len(line.text) - len(line.text.lstrip())
    start = line.start + lead + m.end()
    return RawBlock(kind="note", lines=[(start, line.content[1])], number=int(m.group(1)))
