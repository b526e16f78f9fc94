"""Printed pages: an anchor at every page start, the number shown, each paragraph knows its pages."""

from __future__ import annotations

from pathlib import Path

from support import edition_data, page


def pages_of(site: Path, source_id: str, starts: str) -> list[str]:
    return next(b["pages"] for b in edition_data(site, source_id)["blocks"] if b["text"].startswith(starts))


def test_maddox_runs_from_page_48_to_61(site: Path) -> None:
    soup = page(site, "maddox-2015")
    ids = [a["id"] for a in soup.select("a.pb")]
    assert ids == [f"page-{n}" for n in range(48, 62)]
    assert pages_of(site, "maddox-2015", "The creation of the United Nations") == ["49"]
    # page 51 begins in mid-sentence ("… this \n by attempting to increase its influence")
    assert pages_of(site, "maddox-2015", "The position of the major powers") == ["50", "51"]


def test_black_williams_pages_follow_the_running_header(site: Path) -> None:
    assert pages_of(site, "black-williams-2008", "Even the UN Security Council, comprising") == ["13", "14"]
    soup = page(site, "black-williams-2008")
    marker = soup.find(id="page-14")
    assert "reactive" in marker.find_parent("p").get_text()
    assert "BTH VOL" not in " ".join(p.get_text() for p in soup.select(".para"))
    assert "BTH VOL" in soup.select_one("#apparatus ~ .apparatus").get_text()  # removed, and recorded


def test_kuperman_pages_from_markers_with_gaps_shown(site: Path) -> None:
    soup = page(site, "kuperman-1996")
    labels = [a.get_text() for a in soup.select("a.pb")]
    assert labels[:4] == ["221", "222", "223", "224–226"]
    assert "238–240" in labels
    for n in (224, 225, 226):  # a citation of any page of the gap lands on its stretch of text
        assert soup.find(id=f"page-{n}") is not None
    assert "[End Page" not in " ".join(p.get_text() for p in soup.select(".para, .note"))
    gap = soup.find(id="page-224")
    assert "abridged" in gap["title"]


def test_sources_without_printed_pages_show_none(site: Path) -> None:
    assert not page(site, "darfur-dissertation-2005").select("a.pb")
    assert not page(site, "ismail-jones-prendergast-2011").select("a.pb")
