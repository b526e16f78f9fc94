"""Reader for plain text with one paragraph a line (a web page saved as text).

Short lines between blank lines are headings ("Chapter …" ones a level above
the rest); numbered and bulleted lines are list items; a line that does not
end its sentence runs on into a next line that starts in lower case.
"""

from __future__ import annotations

import re

from ..model import Layout, RawBlock, Source
from .blocks import block_of, join_cut_paragraphs, looks_like_heading
from .lines import Line, ends_sentence, is_list_item, split_lines, starts_lower


def units(lines: list[Line]) -> list[tuple[list[Line], int]]:
    """Groups of lines that make one unit, each with the number of blank lines before it."""
    out: list[tuple[list[Line], int]] = []
    blanks = 0
    for line in lines:
        if line.blank:
            blanks += 1
            continue
        if out and not blanks and not is_list_item(line.text) \
                and not ends_sentence(out[-1][0][-1].text) and starts_lower(line.text):
            out[-1][0].append(line)
        else:
            out.append(([line], blanks))
        blanks = 0
    return out


def read(source: Source) -> Layout:
    raw = source.text
    groups = units(split_lines(raw))
    width = 150
    chapters = any(re.match(r"^(Chapter|Part)\b", g[0][0].stripped) for g in groups)
    blocks: list[RawBlock] = []
    for i, (lines, blanks) in enumerate(groups):
        text = lines[0].stripped
        nxt_blank = i + 1 >= len(groups) or groups[i + 1][1] > 0
        if len(lines) == 1 and (blanks or i == 0) and nxt_blank and looks_like_heading(text, width):
            level = 2 if not chapters or re.match(r"^(Chapter|Part)\b", text) else 3
            blocks.append(block_of("heading", lines, level=level))
        elif is_list_item(text):
            blocks.append(block_of("item", lines))
        else:
            blocks.append(block_of("paragraph", lines))
    repairs: list = []
    blocks = join_cut_paragraphs(raw, blocks, repairs, "a line break cut this paragraph")
    opts = source.meta.get("edition", {})
    return Layout(blocks=blocks, repairs=repairs, note_style=opts.get("notes", "none"),
                  pages_note=opts.get("pages_note", ""))
