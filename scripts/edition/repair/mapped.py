"""Text with a map back to the raw source, and edits that keep the map."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Repair


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] by `new` (offsets in the current text)."""

    start: int
    end: int
    new: str
    kind: str
    note: str = ""


@dataclass(frozen=True)
class MappedText:
    text: str
    offsets: tuple[int, ...]  # raw offset of each character, plus one past the end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end > start:
            return self.offsets[start], self.offsets[end - 1] + 1
        return self.offsets[start], self.offsets[start]

    def apply(self, raw: str, edits: list[Edit]) -> tuple[MappedText, list[tuple[Repair, int, int]]]:
        """Apply non-overlapping edits; return the new text and each repair with its new span."""
        pieces: list[str] = []
        offsets: list[int] = []
        done: list[tuple[Repair, int, int]] = []
        pos = 0
        length = 0
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            if edit.start < pos:
                continue  # overlaps an earlier edit: the first one wins
            pieces.append(self.text[pos:edit.start])
            offsets.extend(self.offsets[pos:edit.start])
            length += edit.start - pos
            r_start, r_end = self.raw_span(edit.start, edit.end)
            repair = Repair(edit.kind, r_start, r_end, raw[r_start:r_end], edit.new, edit.note)
            pieces.append(edit.new)
            offsets.extend([r_start] * len(edit.new))
            done.append((repair, length, length + len(edit.new)))
            length += len(edit.new)
            pos = edit.end
        pieces.append(self.text[pos:])
        offsets.extend(self.offsets[pos:])
        return MappedText("".join(pieces), tuple(offsets)), done


def shift(repairs: list[tuple[Repair, int, int]], edits_done: list[tuple[Repair, int, int]],
          new: MappedText) -> list[tuple[Repair, int, int]]:
    """Carry spans of earlier repairs into the coordinates of `new` (by their raw offsets)."""
    out = []
    for repair, _s, _e in repairs:
        start = position(new, repair.start)
        end = max(start, position(new, repair.end)) if repair.end > repair.start else start
        out.append((repair, start, end))
    return out + edits_done


def position(text: MappedText, raw_offset: int) -> int:
    """First position in `text` whose raw offset is at or after `raw_offset`."""
    return min(bisect.bisect_left(text.offsets, raw_offset), len(text.text))
