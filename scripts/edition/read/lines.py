"""Lines of a source as spans over its text (the raw text is never copied or edited)."""

from __future__ import annotations

import re
from dataclasses import dataclass

TERMINAL = re.compile(r"[.!?:…][\"”’')\]]*\d{0,3}$|[\"”’]\d{0,3}$")


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the file
    start: int
    end: int  # exclusive, without the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def content(self) -> tuple[int, int]:
        """Span of the line without surrounding white space."""
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text.rstrip())
        return (self.start + lead, self.start + max(trail, lead))

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Every line of `text` with its offsets; a BOM and CR line ends stay outside the spans."""
    lines = []
    pos = 1 if text.startswith("\ufeff") else 0
    for no, raw in enumerate(text[pos:].split("\n"), start=1):
        body = raw[:-1] if raw.endswith("\r") else raw
        lines.append(Line(no, pos, pos + len(body), body))
        pos += len(raw) + 1
    return lines


def ends_sentence(text: str) -> bool:
    """Does this text end a sentence (allowing a closing quote and a glued note number)?"""
    return bool(TERMINAL.search(text.rstrip()))


def starts_lower(text: str) -> bool:
    s = text.lstrip(" “\"‘'([")
    return bool(s) and (s[0].islower() or s[0].isdigit())


def is_list_item(text: str) -> bool:
    return bool(re.match(r"^\s*(\d{1,2}\.\s|[•·▪◦]\s?|-\s)", text))


def first_word(text: str) -> str:
    parts = text.split()
    return parts[0] if parts else ""
