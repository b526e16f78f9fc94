"""Spaces lost at punctuation ("1992.Led", "UN,but", "Tutsi(primarily", "acts“that", "government”has",
"Zaghawa –often"): each class of glue is a rule, and each rule has the exceptions that keep what is
right as printed (abbreviations, decimals and thousands, dates such as "4,1993", citations such as
"S/26927" and "Article 2(7)"; web addresses, markup and code are left out by the caller).

A rule finds the point where a space belongs; the edit covers the words on either side of it, so that
the apparatus shows "Tutsi(primarily" read as "Tutsi (primarily".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import RepairKind
from .mapped import Edit

ABBREVIATION = re.compile(r"(?:^|\W)(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|Capt|Rev|al|etc|eg|ie|vs|cf|ed|eds|"
                          r"vol|Vol|no|No|pp|p|ch|fig|Fig|cit|ibid|Ibid|op|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|"
                          r"Jul|Aug|Sep|Sept|Oct|Nov|Dec)$")
# words a dash joins into a compound even where a space stands before it ("Khartoum –led", "Non –intervention")
COMPOUND_AFTER = {"led", "based", "backed", "owned", "run", "sponsored", "funded", "made", "style", "like", "type",
                  "wide", "related", "free", "oriented", "born", "speaking", "controlled", "dominated", "inspired"}
COMPOUND_BEFORE = {"non", "anti", "pro", "post", "pre", "neo", "counter", "inter", "multi", "co", "self", "ex",
                   "semi", "quasi", "sub", "super", "trans", "ultra", "mid"}


@dataclass(frozen=True)
class Gap:
    """A space lost at `pos` (it belongs before text[pos]), of a class of glue."""

    pos: int
    why: str


SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.?!])(?=[A-Z][a-z]+\b|[A-Z]\s|[A-Z]{2,}\b)|(?<=\b\d{4}\.)(?=[A-Z][a-z]+\b)"
                          r"|(?<=[a-z]\.\.)(?=[A-Z][a-z]+\b)")
COMMA = re.compile(r"(?<=[A-Za-z.)\]][,;:])(?=[A-Za-z(])|(?<=[A-Za-z.)][,;])(?=\d{4}\b)")
OPEN_BRACKET = re.compile(r"(?<=[A-Za-z]{2})(?=\((?:[A-Za-z][A-Za-z/.-]{2,}|\d{2,}|[A-Z]{2,}))")
CLOSE_BRACKET = re.compile(r"(?<=\))(?=[A-Za-z]{2})")
OPEN_CURLY = re.compile(r"(?<=[A-Za-z0-9.,;:!?])(?=“[A-Za-z])|(?<=[A-Za-z])(?=‘[A-Za-z][^’]{2,200}’(?![A-Za-z]))")
CLOSE_CURLY = re.compile(r"(?<=[A-Za-z.,;!?]”)(?=[A-Za-z])")
STRAIGHT = re.compile(r'(?<=[A-Za-z0-9.,;:!?])"(?=[A-Za-z0-9/])')
DASH = re.compile(r"(?<=[A-Za-z,;] [–—])(?=[a-z])")


def gaps(text: str) -> list[Gap]:
    found = [Gap(m.start(), "a space lost after the end of a sentence") for m in SENTENCE_END.finditer(text)
             if not ABBREVIATION.search(text[:m.start() - 1])]
    found += [Gap(m.start(), "a space lost after a comma, colon or semicolon") for m in COMMA.finditer(text)
              if not ABBREVIATION.search(text[:m.start() - 1]) or text[m.start() - 1] == ","]
    found += [Gap(m.start(), "a space lost before a bracket") for m in OPEN_BRACKET.finditer(text)]
    found += [Gap(m.start(), "a space lost after a bracket") for m in CLOSE_BRACKET.finditer(text)
              if _bracketed(text, m.start())]
    found += [Gap(m.start(), "a space lost before an opening quotation mark") for m in OPEN_CURLY.finditer(text)]
    found += [Gap(m.start(), "a space lost after a closing quotation mark") for m in CLOSE_CURLY.finditer(text)]
    found += _straight_quotes(text)
    found += [Gap(m.start(), "a space lost after a dash") for m in DASH.finditer(text)
              if not _compound(text, m.start())]
    return sorted({g.pos: g for g in found}.values(), key=lambda g: g.pos)


def _bracketed(text: str, pos: int) -> bool:
    """A closing bracket after words, not "(s)he": its brackets hold two characters or more."""
    opening = text.rfind("(", 0, pos)
    return opening >= 0 and pos - opening - 2 >= 2


def _straight_quotes(text: str) -> list[Gap]:
    """A straight quotation mark between two words opens a quotation where an even number of them
    stands before it (a space belongs before it) and closes one otherwise (a space belongs after it);
    a block whose straight quotation marks do not pair is left alone."""
    if text.count('"') % 2:
        return []
    out = []
    for m in STRAIGHT.finditer(text):
        opens = text.count('"', 0, m.start()) % 2 == 0
        if opens and text[m.start() - 1] not in ".!?":
            out.append(Gap(m.start(), "a space lost before an opening quotation mark"))
        elif not opens:
            out.append(Gap(m.end(), "a space lost after a closing quotation mark"))
    return out


def _compound(text: str, pos: int) -> bool:
    """ "Khartoum –led", "Non –intervention": a hyphenated compound typed with a dash, not a dash."""
    after = re.match(r"[a-z]+", text[pos:])
    before = re.search(r"([A-Za-z]+) [–—]$", text[:pos])
    return bool(after and any(after.group().startswith(w) for w in COMPOUND_AFTER)
                or before and before.group(1).lower() in COMPOUND_BEFORE)


# "anti- interventionist": a space after a prefix's hyphen (not "pre- and post-war", a hyphen held over)
PREFIX_SPACE = re.compile(rf"\b(?i:{'|'.join(sorted(COMPOUND_BEFORE))})- (?!(?:and|or|to|nor)\b)(?=[a-z]{{3,}})")


def prefix_space_edits(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), m.group()[:-1], RepairKind.GLUED_WORDS, "a space after a prefix's hyphen")
            for m in PREFIX_SPACE.finditer(text)]


WORD_BEFORE = re.compile(r"[A-Za-z0-9’'.,;:!?()“”‘\"–—-]*$")
WORD_AFTER = re.compile(r"^[A-Za-z0-9’'()“”‘\"–—-]*")


def punctuation_glue_edits(text: str) -> list[Edit]:
    """An edit for each run of glued words: "Tutsi(primarily" reads "Tutsi (primarily"."""
    edits: list[Edit] = []
    points = gaps(text)
    i = 0
    while i < len(points):
        start = points[i].pos - len(WORD_BEFORE.search(text[:points[i].pos]).group())  # type: ignore[union-attr]
        group = [points[i]]
        while i + 1 < len(points) and " " not in text[group[-1].pos:points[i + 1].pos]:
            i += 1
            group.append(points[i])
        last = group[-1].pos
        end = last + len(WORD_AFTER.match(text[last:]).group())  # type: ignore[union-attr]
        new = "".join(text[a:b] + " " for a, b in zip([start, *(g.pos for g in group)], (g.pos for g in group)))
        edits.append(Edit(start, end, new + text[last:end], RepairKind.GLUED_WORDS, group[0].why))
        i += 1
    return edits
