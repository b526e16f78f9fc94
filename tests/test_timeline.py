"""The timeline at any size: one page for a few sources; for many, an overview of periods, each a
page of limited size, with old year links still finding their year, and a source filter that
scales. Sources that share "Author Year" are told apart by a letter, as in author-date styles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

from edition.render.site_pages import short_titles
from edition.render.timeline import PAGE_ROWS, paginate
from edition.render.views import TimelineRow
from support import serve


def rows(*years: tuple[str, int]) -> list[TimelineRow]:
    return [TimelineRow(f"{year}-01-01", "s", year, "sources/s/") for year, n in years for _ in range(n)]


def test_periods_keep_years_whole_and_split_only_a_year_too_big_for_a_page() -> None:
    periods = paginate(rows(("1990", 3), ("1991", 4), ("1994", 11), ("2004", 2)), 5)
    assert [p.name for p in periods] == ["1990", "1991", "1994", "1994-part-2", "1994-part-3", "2004"]
    assert [len(p.rows) for p in periods] == [3, 4, 5, 5, 1, 2]
    assert [p.title for p in periods][2:5] == ["1994", "1994 (continued)", "1994 (continued)"]
    assert [p.name for p in paginate(rows(("1990", 2), ("1991", 2), ("1992", 2)), 5)] == ["1990-1991", "1992"]


def source(id_: str, title: str, family: str | None, year: str) -> SimpleNamespace:
    meta = {"issued": year, **({"author": [{"family": family}]} if family else {})}
    return SimpleNamespace(source=SimpleNamespace(id=id_, title=title, meta=meta))


def test_sources_that_share_author_and_year_get_a_letter_in_order_of_title() -> None:
    editions = [source("m2", "Zeal", "Maddox", "2015"), source("m1", "Apathy", "Maddox", "2015"),
                source("k", "Lessons", "Kuperman", "1996"), source("a1", "B", None, "2005"),
                source("a2", "A", None, "2005")]
    titles = short_titles(editions)  # type: ignore[arg-type]
    assert titles["m1"] == "Maddox 2015a" and titles["m2"] == "Maddox 2015b"
    assert titles["k"] == "Kuperman 1996"
    assert titles["a2"] == "Anonymous (2005a)" and titles["a1"] == "Anonymous (2005b)"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_few_sources_keep_one_timeline_page_with_a_checkbox_per_source(site: Path) -> None:
    page = soup(site / "timeline" / "index.html")
    assert len(page.select(".timeline li")) > 300
    assert len(page.select(".timeline-filter input[type=checkbox]")) == 6  # the registry and 5 sources
    assert not (site / "timeline" / "1994").exists()


def test_many_sources_get_a_timeline_by_period_with_every_row_once(many: Path) -> None:
    overview = soup(many / "timeline" / "index.html")
    periods = overview.select(".timeline-periods > li")
    assert len(periods) >= 2
    stated = sum(int(n) for n in re.findall(r"(\d+) statements", overview.select_one(".timeline-periods").text))
    total = int(re.search(r"(\d+) dated statements", overview.text).group(1))
    assert stated == total > PAGE_ROWS
    seen = 0
    for li in periods:
        href = li.select_one("a")["href"]
        page = soup(many / "timeline" / href / "index.html")
        items = page.select(".timeline li")
        assert 0 < len(items) <= PAGE_ROWS
        seen += sum(1 for i in items if i["data-source"] != "registry")
        for year in li.select("a[id^=y]"):  # an old link to timeline/#y1994 lands on the way to 1994
            target, anchor = year["href"].split("#") if "#" in year["href"] else (year["href"], year["id"])
            assert page.find(id=anchor) is not None and target == href
    assert seen == total


def test_many_sources_filter_the_timeline_from_a_list_with_distinct_names(many: Path) -> None:
    page = soup(next((many / "timeline").glob("*/index.html")))
    options = page.select(".timeline-filter select option")
    names = [o.text for o in options[2:]]
    assert options[0]["value"] == "" and options[1]["value"] == "registry"
    assert len(names) == len(set(names)) > 12 and "Maddox 2015a" in names
    assert not page.select(".timeline-filter input")


@pytest.fixture(scope="module")
def served_many(many: Path) -> Iterator[str]:
    yield from serve(many)


def shown_sources(page: Page) -> set[str]:
    return set(page.eval_on_selector_all(".timeline li:not([hidden])", "els => els.map(e => e.dataset.source)"))


def test_the_timeline_filter_hides_the_sources_left_out(served: str, served_many: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(f"{served}/timeline/")
    assert "maddox-2015" in shown_sources(page)
    page.locator(".timeline-filter input[value='maddox-2015']").uncheck()
    assert "maddox-2015" not in shown_sources(page) and "kuperman-1996" in shown_sources(page)
    page.goto(f"{served_many}/timeline/")
    first_period = page.locator(".timeline-periods a").first.get_attribute("href")
    page.goto(f"{served_many}/timeline/{first_period}")  # waits for the page's scripts, as a click does not
    page.locator(".timeline-filter select").select_option("kuperman-1996")
    assert shown_sources(page) == {"kuperman-1996"}
    page.locator(".timeline-filter select").select_option("")
    assert len(shown_sources(page)) > 12
    page.close()
