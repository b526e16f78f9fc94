"""The pictures: the timeline chart, where an entry is discussed, the entries it appears with, the corpus's
relations and each source's profile. Their geometry says what the data says; each is an image with a
name and a description, its marks links that land on the right anchor; and they are light. Screenshots
of each, light and dark, at 1400 and 390 px, go to test-results/."""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from edition.index.dates import DatedStatement
from edition.registry.model import Entry
from edition.render.markup import macros
from edition.render.pictures.chart import (
    Axis,
    Item,
    When,
    busy_windows,
    interval,
    stretches,
    when_of_event,
    when_of_statement,
)
from edition.render.pictures.figure import Figure
from edition.render.pictures.relations import Graph, Node, ring_layout
from support import ROOT, SOURCE_IDS, page, screenshot_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


def event(date: str, precision: str = "", date_end: str | None = None) -> Entry:
    return Entry("e", "event", "E", "war", "", [], [], date=date, date_end=date_end, precision=precision or None)


def statement(sort: str, precision: str, shown: str = "", inferred: bool = False) -> DatedStatement:
    return DatedStatement("s", "p1", "1", 0, 4, shown or sort, sort, shown or sort, precision, inferred, "")


# --- what the geometry says (no build) -------------------------------------------------------------------

def test_a_date_is_the_interval_it_names() -> None:
    assert interval("2004") == (2004.0, 2005.0)
    start, end = interval("2004-09")
    assert (round(start, 3), round(end, 3)) == (round(2004 + 8 / 12, 3), round(2004 + 9 / 12, 3))
    day = interval("2004-01-01")
    assert day[0] == 2004.0 and 0 < day[1] - day[0] < 0.003


def test_uncertainty_is_drawn_as_known() -> None:
    assert when_of_event(event("2004-09-09", "day")).exact
    month = when_of_event(event("2004-09", "month"))
    assert not month.exact and month.end - month.start < 0.1
    decade = when_of_event(event("1990", "decade"))
    assert (decade.start, decade.end, decade.exact) == (1990, 2000, False)
    period = when_of_event(event("2003-02", "month", "2005"))
    assert period.period and period.end == 2006.0
    inferred = when_of_statement(statement("2004-04-03", "day", inferred=True))
    assert inferred.inferred and not inferred.exact  # a day whose year is inferred is not a known day
    assert when_of_statement(statement("2003", "year", "2003–2005")).end == 2006.0


def item(start: float, end: float | None = None, period: bool = False) -> Item:
    return Item("l", When(start, end or start + 1, False, period), "#", "", False)


def test_the_axis_breaks_where_nothing_happens_and_gives_the_busy_years_room() -> None:
    found = [item(1648), *(item(y) for y in range(1990, 2012) for _ in range(5))]
    parts = stretches(found)
    assert parts == [(1648, 1649), (1990, 2012)]
    axis = Axis(parts, 0, 1000, found)
    assert len(axis.breaks()) == 1
    assert axis.x(1990) - axis.x(1649) < 40  # the quiet centuries take no room
    assert axis.x(2012) - axis.x(1990) > 800
    assert axis.x(1995) < axis.x(1996) < axis.x(2003)


def test_a_long_period_does_not_stretch_the_axis() -> None:
    assert stretches([item(1947, 1992, period=True), item(2004)]) == [(1947, 1948), (1991, 1992), (2004, 2005)]


def test_the_zoomed_charts_are_the_busiest_decades() -> None:
    found = [item(1994)] * 30 + [item(2004)] * 40 + [item(1960)] * 3
    assert busy_windows(found) == [(1994, 1995), (2004, 2005)]
    assert busy_windows([item(2004)] * 5) == []  # too little to zoom into


def test_the_strongest_neighbour_is_at_the_top_and_the_rest_go_clockwise() -> None:
    points = ring_layout(4)
    assert max(points, key=lambda p: p[1]) == points[0]
    assert points[1][0] > 0.4  # the second to the right of the top: clockwise


def test_picture_words_are_text_in_the_browser() -> None:
    hostile = '<img src=x onerror="window.x=1">'
    node = Node(10, 10, "actor", "M0 0", hostile, 20, 14, "start", 20, 40, "../x/", hostile)
    graph = Graph(Figure("f", hostile, hostile, 100, 100), [node], [])
    html = str(macros("pictures.html.j2").graph(graph))
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("img") and soup.select_one("svg[role=img] title").string == hostile


# --- the built pages ---------------------------------------------------------------------------------------

def svgs(soup: BeautifulSoup) -> list:
    return soup.select("figure.pic-figure svg.pic")


def test_every_picture_is_an_image_with_a_name_and_a_description_and_links_beside(site: Path) -> None:
    pages = [site / "timeline" / "index.html", site / "register" / "relations" / "index.html",
             site / "register" / "actors" / "janjaweed" / "index.html", site / "sources" / "maddox-2015" / "index.html"]
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        drawings = svgs(soup)
        assert drawings, path
        for svg in drawings:
            assert svg["role"] == "img" and not svg.select("a")  # an image holds no link
            assert soup.find(id=svg["aria-labelledby"]).get_text() and soup.find(id=svg["aria-describedby"]).get_text()
            layer = svg.find_next_sibling("svg")
            assert layer["role"] == "group" and layer.select("a[href]")


def test_an_entry_with_two_mentions_has_its_strips_and_every_tick_is_a_paragraph(site: Path) -> None:
    soup = BeautifulSoup((site / "register" / "actors" / "janjaweed" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    ticks = soup.select("figure.pic-strips .pic-links a[href*='/sources/']")
    kwic = {a["href"] for a in soup.select("ul.kwic a.kwic-where")}
    assert ticks and {a["href"] for a in ticks} == kwic  # a tick for each paragraph the list names
    for a in ticks:
        source_id, anchor = re.search(r"sources/([^/]+)/#(.+)$", a["href"]).groups()
        assert page(site, source_id).find(id=anchor) is not None, a["href"]


def test_an_entry_page_draws_what_it_lists(site: Path) -> None:
    soup = BeautifulSoup((site / "register" / "actors" / "janjaweed" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    listed = [a["href"] for a in soup.select("#together + ul.neighbours a")][:8]
    drawn = [a["href"] for a in soup.select("figure.pic-graph .pic-links a")][1:]
    assert drawn == listed  # the most shared first, as the list


def test_pictures_are_light(site: Path) -> None:
    sizes = []
    for path in (site / "register").glob("*s/*/index.html"):
        text = path.read_text(encoding="utf-8")
        sizes.append(sum(len(m) for m in re.findall(r"<svg.*?</svg>", text, re.S)))
    assert len(sizes) > 600 and statistics.median(sizes) < 60_000, statistics.median(sizes)


def test_the_timeline_has_a_chart_of_all_years_and_of_its_busiest_decades(site: Path) -> None:
    soup = BeautifulSoup((site / "timeline" / "index.html").read_text(encoding="utf-8"), "html.parser")
    charts = soup.select("figure.pic-chart")
    assert [c["id"] for c in charts][0] == "chart-all" and len(charts) >= 2
    assert [a["href"] for a in soup.select("nav.pic-periods a")] == [f"#{c['id']}" for c in charts]
    marks = charts[0].select(".pic-links a")
    assert len(marks) == len(soup.select("ul.timeline li"))  # every event and statement drawn
    assert soup.select_one(".pic-legend")


def test_each_source_page_has_its_profile(site: Path) -> None:
    for source_id in SOURCE_IDS:
        soup = page(site, source_id)
        bars = soup.select("figure.pic-profile .pic-links a")
        assert bars and all("/register/" in a["href"] for a in bars), source_id
    assert page(site, "maddox-2015").select("#dated-statements .pic-links a[href^='#p']")


def test_the_relations_page_is_in_the_navigation_and_lists_its_lines(site: Path) -> None:
    soup = BeautifulSoup((site / "register" / "relations" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert soup.select_one("figure.pic-graph svg.pic-corpus")
    lines = soup.select("figure.pic-graph path.pic-edge")
    assert len(soup.select("table.pairs tbody tr")) == len(lines)
    assert "Relations" in [a.get_text(strip=True) for a in page(site, "maddox-2015").select("nav a")]


# --- in Chromium --------------------------------------------------------------------------------------------

SHOTS = [("timeline-chart", "/timeline/", "#chart-all"), ("timeline-zoom", "/timeline/", ".pic-chart >> nth=1"),
         ("entry-strips", "/register/actors/government-of-sudan/", ".pic-strips"),
         ("entry-graph", "/register/actors/government-of-sudan/", ".pic-graph"),
         ("relations", "/register/relations/", ".pic-graph"),
         ("source-profile", "/sources/maddox-2015/", ".pic-profile")]


def dark(page: Page) -> None:
    if page.evaluate("document.body.getAttribute('data-md-color-scheme')") != "slate":
        page.locator('label[title="Dark mode"]').click()


@pytest.mark.parametrize("width", [1400, 390])
def test_screenshots_of_each_picture_light_and_dark(served: str, browser: Browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    for scheme in ("light", "dark"):
        for name, path, selector in SHOTS:
            page.goto(f"{served}{path}")
            if scheme == "dark":
                dark(page)
            picture = page.locator(selector).first
            picture.scroll_into_view_if_needed()
            box = picture.bounding_box()
            assert box and box["width"] > 250 and box["height"] > 40, (name, box)
            picture.screenshot(path=str(screenshot_path(f"picture-{name}-{width}-{scheme}.png")))
    context.close()


def test_clicking_a_timeline_mark_and_a_strip_tick_lands_on_its_anchor(served: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{served}/timeline/")
    statement = page.locator("#chart-all .pic-links a[href*='/sources/']").first
    href = statement.get_attribute("href")
    statement.click()
    page.wait_for_url(re.compile(re.escape(href.split("../")[-1]) + "$"))
    anchor = href.split("#")[1]
    assert page.locator(f"[id='{anchor}']").is_visible()
    page.goto(f"{served}/timeline/")
    page.locator("#chart-all .pic-links a[href*='/register/events/']").first.click()
    page.wait_for_url(re.compile(r"/register/events/[^/]+/$"))
    page.goto(f"{served}/register/actors/government-of-sudan/")
    tick = page.locator(".pic-strips .pic-links a[href*='/sources/']").nth(3)
    href = tick.get_attribute("href")
    tick.click()
    page.wait_for_url(re.compile(re.escape(href.split("../")[-1]) + "$"))
    assert page.locator(f"[id='{href.split('#')[1]}']").is_visible()
    page.close()


def test_the_keyboard_reaches_a_pictures_links(served: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{served}/register/actors/government-of-sudan/")
    first = page.locator(".pic-strips .pic-links a").first
    first.focus()
    assert page.evaluate("document.activeElement.closest('.pic-links') !== null")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") != first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#"))
    page.close()


def test_the_relations_filter_hides_a_register(served: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{served}/register/relations/")
    places = page.locator("svg.pic .pic-node[data-register='place']")
    assert places.first.is_visible()
    page.locator(".pic-filter input[value='place']").uncheck()
    assert not places.first.is_visible()
    assert not page.locator(".pic-links a[data-register='place']").first.is_visible()
    page.close()


def test_the_site_styles_the_pictures_for_print(site: Path) -> None:
    css = (ROOT / "docs" / "assets" / "edition.css").read_text(encoding="utf-8")
    assert re.search(r"@media print \{[^}]*\.pic text", css)
