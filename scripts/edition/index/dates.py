"""Dated statements in the sources: every date a paragraph states, normalised.

"9 September 2004", "September 9th 2004", "September 2004", "early 2003", "the 1990s",
"2003-04" and a bare year are understood; a day and month without a year ("On April 3")
take the year from the paragraph (or the last one before it) and are marked inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Edition
from ..vocabulary import BlockKind

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
M = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
YEAR = r"((?:1[5-9]|20)\d\d)"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
SEASONS = {"early": "early", "mid": "mid", "late": "late", "spring": "spring", "summer": "summer",
           "autumn": "autumn", "fall": "autumn", "winter": "winter", "the end of": "end",
           "the beginning of": "beginning", "the start of": "beginning", "the middle of": "mid"}
PATTERNS = [
    ("day", re.compile(rf"\b{DAY}(?:\s*[-–]\s*\d{{1,2}})? {M},? {YEAR}\b")),
    ("day", re.compile(rf"\b{M} {DAY},?\s*{YEAR}\b")),
    ("month", re.compile(rf"\b(?:(early|mid|late)[- ])?{M},? (?:of )?{YEAR}\b")),
    ("part", re.compile(rf"\b(early|mid|late|spring|summer|autumn|fall|winter|the end of|the beginning of|"
                        rf"the start of|the middle of)(?:[- ]| of )(?:the )?(?:year )?{YEAR}\b", re.I)),
    ("decade", re.compile(r"\b(?:the )?((?:1[5-9]|20)\d0)s\b")),
    ("range", re.compile(rf"\b{YEAR}\s*[-–]\s*(\d{{2}}|(?:1[5-9]|20)\d\d)\b")),
    ("year", re.compile(rf"(?<![\d,.$£/-]){YEAR}(?![\d%/-]|,\d)")),
    ("noyear", re.compile(rf"\b{DAY}(?:\s*[-–]\s*\d{{1,2}})? {M}\b(?!,? (?:of )?\d)|\b{M} {DAY}\b(?!,? \d{{4}})")),
]
TIMELINE_KINDS = {BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.ITEM, BlockKind.ABSTRACT, BlockKind.ASIDE}


@dataclass(frozen=True)
class DatedStatement:
    source_id: str
    anchor: str
    label: str  # the paragraph's number
    start: int
    end: int
    printed: str  # the date as the source prints it
    sort: str  # ISO-like key: YYYY, YYYY-MM or YYYY-MM-DD
    shown: str  # normalised, for people
    precision: str  # day, month, season, year, decade
    inferred: bool  # the year comes from the context
    sentence: str


def dated_statements(editions: list[Edition]) -> list[DatedStatement]:
    from . import sentence_around

    out: list[DatedStatement] = []
    for edition in editions:
        context_year: int | None = None
        for block in edition.blocks:
            if block.kind not in TIMELINE_KINDS or not block.anchor:
                continue
            for start, end, printed, sort, shown, precision, inferred in find_dates(block.text, context_year):
                s, e = sentence_around(block.text, start, end)
                out.append(DatedStatement(edition.source.id, block.anchor, block.label, start, end, printed, sort,
                                          shown, precision, inferred, block.text[s:e].strip()))
            years = [int(y) for y in re.findall(YEAR, block.text)]
            context_year = years[-1] if years else context_year
    return out


def find_dates(text: str, context_year: int | None) -> list[tuple[int, int, str, str, str, str, bool]]:
    """Dates in `text`, longest form first, no overlaps: (start, end, printed, sort key, shown, precision, inferred)."""
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            date = _normalise(kind, m, text, context_year)
            if date is None:
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), m.group(), *date))
    return sorted(found)


def _normalise(kind: str, m: re.Match[str], text: str, context: int | None) -> tuple[str, str, str, bool] | None:
    g = m.groups()
    if kind == "day":
        day, month, year = (g[0], g[1], g[2]) if g[0].isdigit() else (g[1], g[0], g[2])
        mo = MONTHS.index(month.lower()) + 1
        return f"{year}-{mo:02d}-{int(day):02d}", f"{int(day)} {month.title()} {year}", "day", False
    if kind == "month":
        part, month, year = g
        mo = MONTHS.index(month.lower()) + 1
        shown = f"{part + ' ' if part else ''}{month.title()} {year}"
        return f"{year}-{mo:02d}", shown, "month", False
    if kind == "part":
        part, year = SEASONS[g[0].lower()], g[1]
        return year, f"{part} {year}", "season", False
    if kind == "decade":
        return g[0], f"the {g[0]}s", "decade", False
    if kind == "range":
        first, second = g[0], g[1]
        last = second if len(second) == 4 else first[:2] + second
        if not int(first) < int(last) <= int(first) + 30:
            return None
        return first, f"{first}–{last}", "year", False
    if kind == "year":
        if re.search(r"(Resolution|No\.|Number|Volume|pp?\.|page|S/RES/)\s*$", text[max(0, m.start() - 12):m.start()]):
            return None
        return g[0], g[0], "year", False
    if kind == "noyear":
        earlier = re.findall(YEAR, text[:m.start()])  # the paragraph's own last year before it, else the context
        context = int(earlier[-1]) if earlier else context
        if not context:
            return None
        day, month = (g[0], g[1]) if g[0] else (g[3], g[2])
        mo = MONTHS.index(month.lower()) + 1
        return f"{context}-{mo:02d}-{int(day):02d}", f"{int(day)} {month.title()} [{context}]", "day", True
    return None


def as_written(date: str, precision: str | None = None) -> str:
    """An ISO date as people write it: "2004-09-09" -> "9 September 2004", "2004-09" -> "September
    2004", "1990" with precision "decade" -> "the 1990s"."""
    parts = [int(p) for p in date.split("-")]
    if precision == "decade":
        return f"the {parts[0] // 10 * 10}s"
    month = MONTHS[parts[1] - 1].capitalize() if len(parts) > 1 else ""
    if len(parts) == 3:
        return f"{parts[2]} {month} {parts[0]}"
    return f"{month} {parts[0]}" if month else str(parts[0])
