"""The anchor scheme, and the ledger that keeps every published anchor alive.

A paragraph's id is `p` + its number in the first edition that published it.
When a later reading splits, merges or adds paragraphs, paragraphs that are
still there keep their ids; a new paragraph takes the id before it plus a
letter (`p23a`); an id whose paragraph is gone redirects to the paragraph that
now holds its first words. The ledger (`seeds/anchors/<source>.json`) is
committed, so ids depend only on the source text and its history, never on
the registers, the code's order or the styling.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

FINGERPRINT_WORDS = 8


def words_of(text: str, n: int = FINGERPRINT_WORDS) -> str:
    return " ".join(re.findall(r"\w+", text.lower())[:n])


@dataclass
class Entry:
    id: str
    words: str
    redirect: str | None = None


def load_ledger(path: Path) -> list[Entry]:
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Entry(e["id"], e["words"], e.get("redirect")) for e in data["anchors"]]
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        line = getattr(err, "lineno", None)
        raise InputError(path, f"anchor ledger does not parse: {err}", line) from err


def ledger_json(source_id: str, entries: list[Entry]) -> str:
    rows = [{"id": e.id, "words": e.words} | ({"redirect": e.redirect} if e.redirect else {}) for e in entries]
    return json.dumps({"source": source_id, "anchors": rows}, ensure_ascii=False, indent=1) + "\n"


def assign(texts: list[str], ledger: list[Entry]) -> tuple[list[str], list[Entry], dict[str, str]]:
    """Ids for paragraphs with these texts; the updated ledger; redirects from retired ids."""
    prints = [words_of(t) for t in texts]
    if not ledger:
        ids = [f"p{i}" for i in range(1, len(texts) + 1)]
        return ids, [Entry(i, w) for i, w in zip(ids, prints)], {}
    live = [e for e in ledger if not e.redirect]
    ids: list[str | None] = [None] * len(texts)
    matcher = difflib.SequenceMatcher(a=[e.words for e in live], b=prints, autojunk=False)
    matched_live: set[str] = set()
    pairs = [(block.a + k, block.b + k) for block in matcher.get_matching_blocks() for k in range(block.size)]
    pairs = _match_gaps(pairs, [e.words for e in live], prints)
    for a, b in pairs:
        ids[b] = live[a].id
        matched_live.add(live[a].id)
    taken = {e.id for e in ledger}
    out_ids = _fill_new(ids, taken)
    entries = list(ledger)
    known = {e.id for e in entries}
    for i, w in zip(out_ids, prints):
        if i not in known:
            entries.append(Entry(i, w))
    redirects = {}
    for e in entries:
        if e.redirect:
            redirects[e.id] = _final(e.redirect, entries, out_ids)
        elif e.id not in matched_live and e.id not in out_ids:
            target = _holder(e.words, texts, out_ids) or _neighbour(e, ledger, out_ids)
            e.redirect = target
            redirects[e.id] = target
    return out_ids, entries, redirects


def _match_gaps(pairs: list[tuple[int, int]], old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Between exact matches, pair paragraphs whose first words agree (one begins the other)."""
    out = list(pairs)
    bounds = [(-1, -1), *sorted(pairs), (len(old), len(new))]
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:]):
        j = b0 + 1
        for i in range(a0 + 1, a1):
            for k in range(j, b1):
                if _same_start(old[i], new[k]):
                    out.append((i, k))
                    j = k + 1
                    break
    return sorted(out)


def _same_start(a: str, b: str) -> bool:
    """One paragraph's first words begin the other's, spaces aside: a repair that splits or joins words
    at a paragraph's start ("However" read as "How ever", or back) keeps its id."""
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) >= 3 and long[: len(short)] == short:
        return True
    solid_a, solid_b = a.replace(" ", ""), b.replace(" ", "")
    n = min(len(solid_a), len(solid_b))
    return n >= 20 and solid_a[:n] == solid_b[:n]


def _fill_new(ids: list[str | None], taken: set[str]) -> list[str]:
    out: list[str] = []
    prev = "p0"
    for i in ids:
        if i is None:
            letter = "a"
            while f"{prev}{letter}" in taken:
                letter = chr(ord(letter) + 1)
            i = f"{prev}{letter}"
            taken.add(i)
        else:
            prev = i
        out.append(i)
    return out


def _holder(words: str, texts: list[str], ids: list[str]) -> str | None:
    """The paragraph that now contains a retired paragraph's first words."""
    needle = words_of(words, 6)
    for text, i in zip(texts, ids):
        if needle and needle in " ".join(re.findall(r"\w+", text.lower())):
            return i
    return None


def _neighbour(entry: Entry, ledger: list[Entry], ids: list[str]) -> str:
    order = [e.id for e in ledger]
    before = order[: order.index(entry.id)]
    for prev in reversed(before):
        if prev in ids:
            return prev
    return ids[0] if ids else "top"


def _final(target: str, entries: list[Entry], ids: list[str]) -> str:
    seen = set()
    by_id = {e.id: e for e in entries}
    while target not in ids and target in by_id and by_id[target].redirect and target not in seen:
        seen.add(target)
        target = by_id[target].redirect or target
    return target


def slug(text: str, used: set[str]) -> str:
    base = re.sub(r"[\W_]+", "-", text.lower()).strip("-")[:60] or "section"  # no "_": Markdown reads it as emphasis
    base = "s-" + base if re.match(r"^(p\d|n\d|r\d|page-)", base) else base
    candidate, k = base, 2
    while candidate in used:
        candidate, k = f"{base}-{k}", k + 1
    used.add(candidate)
    return candidate
