"""Note numbers glued to words ("Genocide1", "indefinitely.”3") and superscript markers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .mapped import Edit

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER = re.compile(f"[{SUPERSCRIPT}]+")
GLUED = re.compile(r"(?<=[^\W\d_]|[.,;:!?”\"’)\]])(\d{1,3})(?=\s|$|--|—|[A-Z“\"(])")
YEAR_BEFORE = re.compile(r"(1[6-9]|20)\d\d[.,]$")


@dataclass
class NoteNumbers:
    """Which note numbers may be read as references in a source."""

    known: set[int] = field(default_factory=set)  # numbers of the notes the source has
    last: int = 0  # the last reference read, for sources whose notes are missing

    def accept(self, n: int) -> bool:
        if self.known:
            return n in self.known
        if self.last < n <= self.last + 2:  # allow one number the text lost
            self.last = n
            return True
        return False


def superscript_edits(text: str) -> list[tuple[Edit, int]]:
    out = []
    for m in SUPER.finditer(text):
        n = int(m.group().translate(str.maketrans(SUPERSCRIPT, "0123456789")))
        out.append((Edit(m.start(), m.end(), "", "note-ref", f"superscript note marker {n}"), n))
    return out


def glued_edits(text: str, numbers: NoteNumbers) -> list[tuple[Edit, int]]:
    out = []
    for m in GLUED.finditer(text):
        before = text[max(0, m.start() - 5):m.start()]
        if before[-1:] in ".," and before[-2:-1].isdigit() and not YEAR_BEFORE.search(before):
            continue  # a decimal ("8.3") or a figure, not a note
        n = int(m.group(1))
        if numbers.accept(n):
            out.append((Edit(m.start(), m.end(), "", "note-ref", f"note number {n} run into the text"), n))
    return out
