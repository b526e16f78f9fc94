"""Search finds people and terms the way a person types them: typed into the real search box of the
built site in headless Chromium. Screenshots of pages and results go to test-results/."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import yaml

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

from support import ROOT

QUERIES = yaml.safe_load((ROOT / "tests" / "search" / "queries.yml").read_text(encoding="utf-8"))
SHOTS = ROOT / "test-results"


# the search box and the result links of each engine that mkdocs.yml can choose (extra.search)
BOX = {"lunr": "input.md-search__input", "pagefind": "input.pagefind-ui__search-input"}
LINKS = {"lunr": ".md-search-result__list .md-search-result__link", "pagefind": ".pagefind-ui__result-link"}
ANSWERED = {  # the results on screen are the answer to the query just typed
    "lunr": "q => document.querySelectorAll('.md-search-result__list .md-search-result__link').length > 0"
            " && document.querySelector('input.md-search__input').value === q",
    "pagefind": "q => document.querySelectorAll('.pagefind-ui__result-link').length > 0"
                " && (document.querySelector('.pagefind-ui__message') || {}).textContent"
                ".endsWith(' for ' + q)",
}


def results(page: Page, query: str, engine: str = "lunr") -> list[str]:
    """The result links, in order, after typing `query` into the search box as a person would."""
    box = page.locator(BOX[engine])
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=15)
    links = page.locator(LINKS[engine])
    page.wait_for_function(ANSWERED[engine], arg=query)
    # Each keystroke is answered, and on a slow machine an earlier keystroke's answer can land last but
    # one: the links are read at once (counting them and then reading each races with the list being drawn
    # again), until three readings 300 ms apart agree.
    read = "els => els.slice(0, 8).map(e => e.getAttribute('href') || '')"
    readings = [links.evaluate_all(read)]
    while len(readings) < 40 and not (len(readings) >= 3 and readings[-1] == readings[-2] == readings[-3]):
        page.wait_for_timeout(300)
        readings.append(links.evaluate_all(read))
    return readings[-1]


@pytest.fixture(scope="module", params=["lunr", "pagefind"])
def search_page(request: pytest.FixtureRequest, browser: Browser) -> tuple[Page, str]:
    """The home page of the site built with each search engine, its search box ready."""
    engine = request.param
    served = request.getfixturevalue("served" if engine == "lunr" else "served_pagefind")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served}/")
    page.wait_for_function(f"() => document.querySelector('{BOX[engine]}') !== null")
    return page, engine


def test_at_least_forty_queries() -> None:
    assert len(QUERIES) >= 40


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query_finds_the_right_first_result(search_page: tuple[Page, str], case: dict) -> None:
    page, engine = search_page
    found = results(page, case["query"], engine)
    assert case["first"] in found[0], f"{case['query']!r}: first result {found[0]}"
    if "section" in case:  # the first paragraph listed under the page is the one with the phrase
        section = next(h for h in found if "#" in h and case["first"] in h)
        assert case["section"] in section, f"{case['query']!r}: first paragraph {section}"


@pytest.mark.parametrize("engine", ["lunr", "pagefind"])
def test_a_paragraph_result_opens_at_its_anchor(engine: str, request: pytest.FixtureRequest,
                                                 browser: Browser) -> None:
    served = request.getfixturevalue("served" if engine == "lunr" else "served_pagefind")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served}/")
    results(page, '"rubber stick"', engine)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"search-results-{engine}.png"))
    page.locator(f"{LINKS[engine]}[href*='#p']").first.click()
    page.wait_for_function("location.hash.startsWith('#p')")
    anchor = page.evaluate("location.hash").lstrip("#")
    assert "rubber stick" in page.locator(f"[id='{anchor}']").inner_text()


def test_pagefind_loads_only_what_a_query_needs(served_pagefind: str, browser: Browser) -> None:
    """With Pagefind, one search box (not Material's too), and no whole index downloaded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(f"{served_pagefind}/")
    assert page.locator("input.md-search__input").count() == 0
    results(page, "Janjaweed", "pagefind")
    assert not any("search_index.json" in url for url in fetched)
    assert any("/pagefind/fragment/" in url for url in fetched)
    assert sum("/pagefind/index/" in url for url in fetched) < 5
