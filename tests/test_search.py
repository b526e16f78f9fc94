"""Search finds people and terms the way a person types them: typed into the real search box of the
built site in headless Chromium. Screenshots of pages and results go to test-results/."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import Browser, Page

from conftest import ROOT

QUERIES = yaml.safe_load((ROOT / "tests" / "search" / "queries.yml").read_text(encoding="utf-8"))
SHOTS = ROOT / "test-results"


def results(page: Page, query: str) -> list[str]:
    """The result links, in order, after typing `query` into the search box as a person would."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=15)
    links = page.locator(".md-search-result__list .md-search-result__link")
    page.wait_for_function(
        "q => [...document.querySelectorAll('.md-search-result__list .md-search-result__link')]"
        ".length > 0 && document.querySelector('input.md-search__input').value === q", arg=query)
    page.wait_for_timeout(300)  # the worker answers each keystroke; let the last answer land
    return [links.nth(i).get_attribute("href") or "" for i in range(min(links.count(), 8))]


def first_result(page: Page, query: str) -> str:
    return results(page, query)[0]


@pytest.fixture(scope="module")
def search_page(served: str, browser: Browser) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served}/")
    page.wait_for_function("() => document.querySelector('input.md-search__input') !== null")
    return page


def test_at_least_forty_queries() -> None:
    assert len(QUERIES) >= 40


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query_finds_the_right_first_result(search_page: Page, case: dict) -> None:
    found = results(search_page, case["query"])
    assert case["first"] in found[0], f"{case['query']!r}: first result {found[0]}"
    if "section" in case:  # the first paragraph listed under the page is the one with the phrase
        section = next(h for h in found if "#" in h and case["first"] in h)
        assert case["section"] in section, f"{case['query']!r}: first paragraph {section}"


def test_a_paragraph_result_opens_at_its_anchor(served: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served}/")
    results(page, '"rubber stick"')
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "search-results.png"))
    page.locator(".md-search-result__list .md-search-result__link[href*='#p']").first.click()
    page.wait_for_function("location.hash.startsWith('#p')")
    anchor = page.evaluate("location.hash").lstrip("#")
    assert "rubber stick" in page.locator(f"[id='{anchor}']").inner_text()
