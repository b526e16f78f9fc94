"""Candidate entries: names, acronyms and "Long Name (ABBR)" definitions in the sources
that no registry entry covers and the reviewed "not an entry" list does not explain."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Edition
from ..registry import Registry
from ..repair.lexicon import zipf
from ..vocabulary import BlockKind

ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z](?:[-/][A-Z0-9]+)*\b")
NAME = re.compile(r"\b[A-Z][\w.-]*[a-z][\w-]*(?:\s+(?:(?:of|for|de|du|al|el)\s+)*"
                  r"[A-Z][\w.-]*[a-z][\w-]*)*")
TITLES = set("President Prime Minister Secretary General Foreign Special Envoy Chief Ambassador Joint Former Deputy "
             "Representative Commander Major Spokesman Director Chairman Chairperson Prince King Mr Dr Sir The".split())
MONTHS = set("January February March April May June July August September October November December".split())
DEFINITION = re.compile(r"([A-Z][\w’'-]*(?:\s+(?:of|the|and|for|on|in|[A-Z][\w’'-]*))+)\s+\(([A-Z][A-Za-z0-9/-]+)\)")
SKIP_KINDS = {BlockKind.FRONT, BlockKind.HEADING}
LITERAL = re.compile(r"https?://\S+|www\.\S+|\S+\.(?:pdf|html?|org|com)\b|\S+-\S+-\S+-\S+")
NUMERALS = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)$")


@dataclass
class Candidate:
    text: str
    kind: str  # acronym | name | definition
    places: list[tuple[str, str]] = field(default_factory=list)


def candidates(editions: list[Edition], registry: Registry) -> list[Candidate]:
    """Unreviewed candidates, most frequent first."""
    found: dict[tuple[str, str], Candidate] = {}
    reviewed = {k.casefold() for k in registry.not_entries}
    for edition in editions:
        for block in edition.blocks:
            if block.kind in SKIP_KINDS or not block.anchor:
                continue
            covered = [(m.start, m.end) for m in block.mentions]
            literal = [m.span() for m in LITERAL.finditer(block.text)]
            for kind, start, _end, text in _spans(block.text):
                words = [(w.start() + start, w.end() + start) for w in re.finditer(r"[A-Z]\w*", text)
                         if w.group() not in TITLES and w.group() not in MONTHS]
                if any(s <= start < e for s, e in literal):
                    continue
                if all(any(s <= a and b <= e for s, e in covered) for a, b in words) or text.casefold() in reviewed:
                    continue  # every capitalised word of it is inside a mention, or it was reviewed
                cand = found.setdefault((kind, text), Candidate(text, kind))
                cand.places.append((edition.source.id, block.anchor))
    return sorted(found.values(), key=lambda c: (-len(c.places), c.text))


def _spans(text: str) -> list[tuple[str, int, int, str]]:
    out = []
    for m in ACRONYM.finditer(text):
        if text[m.end():m.end() + 1] == "$":
            continue  # "US$": a currency
        if not NUMERALS.match(m.group()) and len(m.group()) >= 2:
            out.append(("acronym", m.start(), m.end(), m.group()))
    for m in DEFINITION.finditer(text):
        out.append(("definition", m.start(), m.end(), f"{m.group(1)} ({m.group(2)})"))
    for m in NAME.finditer(text):
        words = m.group().split()
        start = m.start()
        if len(words) == 1 and (words[0] in MONTHS or zipf(words[0].lower()) >= 3.5):
            continue  # a month, or a common word with a capital
        if _sentence_start(text, start) and len(words) == 1 and zipf(words[0]) >= 3.0:
            continue  # an ordinary word that begins a sentence
        if len(words) == 1 and zipf(words[0].lower()) >= 4.5 and not words[0][1:].islower():
            continue
        name = m.group().rstrip(".’'")
        if _sentence_start(text, start) and words and zipf(words[0]) >= 4.0 and len(words) > 1:
            start += len(words[0]) + 1
            name = name.split(None, 1)[1]
        out.append(("name", start, start + len(name), name))
    return out


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?:;”\"" or before.endswith("--")


def report(cands: list[Candidate]) -> str:
    by_kind = defaultdict(list)
    for c in cands:
        by_kind[c.kind].append(c)
    lines = [f"{len(cands)} unreviewed candidates"]
    for kind, items in sorted(by_kind.items()):
        lines.append(f"\n## {kind} ({len(items)})")
        for c in items:
            where = ", ".join(f"{s}#{a}" for s, a in c.places[:3])
            lines.append(f"- {c.text!r} ×{len(c.places)}: {where}")
    return "\n".join(lines)
