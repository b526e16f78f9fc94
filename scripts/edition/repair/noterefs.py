"""Note numbers glued to words ("Genocide1", "indefinitely.”3") and superscript markers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vocabulary import RepairKind
from .mapped import Edit

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER = re.compile(f"[{SUPERSCRIPT}]+")
GLUED = re.compile(r"(?<=[^\W\d_]|[.,;:!?”\"’)\]])(\d{1,3})(?=\s|$|--|—|[A-Z“\"(])")
SPACED = re.compile(r"(?<=[.”\"]) (\d{1,3})(?= [A-Z])")
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
        out.append((Edit(m.start(), m.end(), "", RepairKind.NOTE_REF, f"superscript note marker {n}"), n))
    return out


def glued_edits(text: str, numbers: NoteNumbers) -> list[tuple[Edit, int]]:
    """Note numbers run into the text; where the notes are lost, only the next number in sequence
    may also stand after a figure ("Decision 25.67") or apart after a sentence ("worse. 141 Despite")."""
    candidates = [(m, False) for m in GLUED.finditer(text)]
    if not numbers.known:
        candidates += [(m, True) for m in SPACED.finditer(text)]
    out = []
    for m, spaced in sorted(candidates, key=lambda c: c[0].start()):
        n = int(m.group(1))
        before = text[max(0, m.start() - 5):m.start()]
        figure = before[-1:] in ".," and before[-2:-1].isdigit() and not YEAR_BEFORE.search(before)
        if (spaced or figure) and (numbers.known or n != numbers.last + 1):
            continue  # a decimal ("8.3") or a figure, not a note
        if numbers.accept(n):
            # "war.10In the": the number took the place of a space, which comes back
            gap = "" if spaced or m.end() >= len(text) or not text[m.end()].isalpha() else " "
            out.append((Edit(m.start(), m.end(), gap, RepairKind.NOTE_REF, f"note number {n} run into the text"), n))
    return out
