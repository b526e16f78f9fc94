"""Every word of the source, after the recorded repairs, is on the rendered page, in order,
none dropped or duplicated."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import ROOT, SOURCE_IDS, edition_data, page

BLOCK_TAGS = ["p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside", "section", "div", "td", "th"]
TOKEN = re.compile(r"[^\W\d_]+|\d+")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def apply_repairs(raw: str, repairs: list[dict]) -> str:
    """The source text as the apparatus says the edition reads it (moved text goes where it was moved)."""
    edits = sorted((r for r in repairs if "moved_to" not in r), key=lambda r: (r["start"], r["end"]))
    moves = [r for r in repairs if "moved_to" in r]
    cuts = sorted({0, len(raw), *(m["start"] for m in moves), *(m["end"] for m in moves),
                   *(m["moved_to"] for m in moves)})
    pieces: list[tuple[int, str]] = []  # (raw offset where the piece starts, its text)
    pos = 0
    for r in edits:
        assert r["start"] >= pos, f"repairs overlap at {r['start']}: {r}"
        pieces += _raw_pieces(raw, pos, r["start"], cuts)
        pieces.append((r["start"], r["new"]))
        pos = r["end"]
    pieces += _raw_pieces(raw, pos, len(raw), cuts)
    for m in moves:
        moved = [p for p in pieces if m["start"] <= p[0] < m["end"]]
        rest = [p for p in pieces if not m["start"] <= p[0] < m["end"]]
        at = next((i for i, p in enumerate(rest) if p[0] >= m["moved_to"]), len(rest))  # or to the very end
        pieces = rest[:at] + [(m["moved_to"], " ")] + moved + rest[at:]
    return "".join(text for _, text in pieces)


def _raw_pieces(raw: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, str]]:
    inner = [c for c in cuts if start < c < end]
    bounds = [start, *inner, end]
    return [(a, raw[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]


def page_text(soup: BeautifulSoup) -> str:
    """The text of the reading page: source words only, without the edition's own apparatus and controls."""
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    for el in article.select(".ui, [data-search-exclude], h1, .headerlink, sup.noteref, #edition-data"):
        el.decompose()
    for el in article.find_all(BLOCK_TAGS):
        el.insert_after("\n")  # blocks are apart; inline elements are not (a browser adds no space there)
    return article.get_text("")


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_every_word_appears_in_order(site: Path, source_id: str) -> None:
    data = edition_data(site, source_id)
    raw = (ROOT / data["file"]).read_text(encoding="utf-8")
    expected = tokens(apply_repairs(raw, data["apparatus"]))
    shown = tokens(page_text(page(site, source_id)))
    if shown != expected:
        i = next((k for k, (a, b) in enumerate(zip(shown, expected)) if a != b), min(len(shown), len(expected)))
        pytest.fail(f"{source_id}: the page departs from the source at word {i}:\n"
                    f"  source: {' '.join(expected[max(0, i - 8):i + 8])}\n"
                    f"  page:   {' '.join(shown[max(0, i - 8):i + 8])}\n"
                    f"({len(expected)} words expected, {len(shown)} shown)")


def test_repairs_do_change_the_wording(site: Path) -> None:
    """The check above compares against the repaired text, not the raw one: the repairs are real."""
    data = edition_data(site, "darfur-dissertation-2005")
    raw = (ROOT / data["file"]).read_text(encoding="utf-8")
    assert tokens(apply_repairs(raw, data["apparatus"])) != tokens(raw)
    assert "affairs is" in apply_repairs(raw, data["apparatus"])
