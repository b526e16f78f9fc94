"""Text from a source is hostile everywhere it goes. Known filter-evasion payloads are put into a
source's text and notes, into every field of its metadata and into a registry entry; the site is built
with each search engine, and in Chromium no payload runs: not on any page, not in the Cite dialog, not
in a search result. Screenshots of a search for a payload's word go to test-results/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from support import copy_project, mkdocs_build, replace_once, screenshot_path, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Each payload, if it ran, would set window.x (to its number).
PAYLOADS = [
    "<IMG SRC=x ONERROR=window.x=1>",
    '<img src=x onerror="window.x=2">',
    "<svg onload=window.x=3>",
    "<svg/onload=window.x=4>",
    "<details open ontoggle=window.x=5>",
    '<iframe srcdoc="<script>parent.x=6</script>">',
    '<a href="javascript:window.x=7">click</a>',
    "<ScRiPt>window.x=8</sCrIpT>",
    '"><img src=x onerror=window.x=9>',
    "'><svg onload=window.x=10>",
    "</script><script>window.x=11</script>",
    "&lt;img src=x onerror=window.x=12&gt;",
    "&#60;img src=x onerror=window.x=13&#62;",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.x=14>",
    "<body onpageshow=window.x=15>",
    "<input autofocus onfocus=window.x=16>",
    "javascript:window.x=17",
    "{{ 7*7 }} {% raw %} ${window.x=18}",
]
WORD = "zyxwvut"  # a word of the hostile paragraph, to search for
ALL = " ".join(PAYLOADS)
SOURCE = "\n\n".join([
    f"Hostile {WORD} source",
    *(f"Paragraph {i} of the {WORD} test: {p} and the text goes on." for i, p in enumerate(PAYLOADS, 1)),
    f"A last paragraph with every payload: {ALL}",
]) + "\n"
META = {
    "id": "hostile-payloads", "type": "article-journal", "title": f"Hostile {WORD} {ALL}",
    "author": [{"family": f"Family {PAYLOADS[0]}", "given": PAYLOADS[1]}, {"literal": PAYLOADS[2]}],
    "container-title": f"Journal {PAYLOADS[3]}", "volume": PAYLOADS[4], "issue": PAYLOADS[5], "issued": "2001",
    "publisher": PAYLOADS[6], "publisher-place": PAYLOADS[7], "genre": PAYLOADS[8], "note": ALL,
    "DOI": PAYLOADS[9], "URL": PAYLOADS[16],
    "edition": {"description": f"Described {ALL}", "pages_note": ALL},
}
ENTRY = f"""
- id: hostile-entry
  name: {json.dumps(f"Zyxwvut Entry {PAYLOADS[0]}")}
  kind: person
  aliases:
  - Zyxwvut
  description: {json.dumps(f"An entry {ALL}")}
  evidence: hostile-payloads#p1
  note: {json.dumps(f"A note {ALL}")}
"""
PAGES = ["/", "/sources/hostile-payloads/", "/register/actors/hostile-entry/", "/register/actors/", "/register/",
         "/timeline/", "/about/", "/how-to-cite/", "/register/abbreviations/"]


def hostile_project(dest: Path, engine: str) -> Path:
    project = copy_project(dest)
    (project / "seeds" / "999_hostile.txt").write_text(SOURCE, encoding="utf-8")
    (project / "seeds" / "999_hostile.yml").write_text(json.dumps(META, ensure_ascii=False), encoding="utf-8")
    with (project / "registry" / "actors.yml").open("a", encoding="utf-8") as actors:
        actors.write(ENTRY)
    if engine == "pagefind":
        replace_once(project / "mkdocs.yml", "search: !ENV [EDITION_SEARCH, lunr]", "search: pagefind")
    return project


@pytest.fixture(scope="module", params=["lunr", "pagefind"])
def hostile(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    project = hostile_project(tmp_path_factory.mktemp(f"hostile-{request.param}"), request.param)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    for url in serve(project / "site"):
        yield url, request.param


def watched(browser: Browser) -> tuple[Page, list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    ran: list[str] = []
    page.on("dialog", lambda d: (ran.append(f"dialog {d.message}"), d.dismiss()))
    return page, ran


def assert_nothing_ran(page: Page, ran: list[str], where: str) -> None:
    page.wait_for_timeout(300)  # an onerror or ontoggle fires after the page is parsed
    x = page.evaluate("window.x")
    assert x is None and not ran, f"{where}: payload {x} ran {ran}"


@pytest.mark.browser
def test_no_payload_runs_on_any_page_or_in_the_cite_dialog(hostile: tuple[str, str], browser: Browser) -> None:
    url, _engine = hostile
    page, ran = watched(browser)
    for path in PAGES:
        page.goto(f"{url}{path}")
        assert_nothing_ran(page, ran, path)
    page.goto(f"{url}/sources/hostile-payloads/")
    assert f"Hostile {WORD} <IMG SRC=x ONERROR=window.x=1>" in page.locator("article h1").inner_text()
    assert PAYLOADS[5] in page.locator("#p6").inner_text()  # the words as the source has them
    page.locator(".cite-source").click()
    assert_nothing_ran(page, ran, "the source's Cite dialog")
    page.keyboard.press("Escape")
    page.locator("#p2 .pcite").click()
    assert_nothing_ran(page, ran, "a paragraph's Cite dialog")
    page.close()


@pytest.mark.browser
def test_a_search_for_a_payloads_words_shows_them_as_text(hostile: tuple[str, str], browser: Browser) -> None:
    url, engine = hostile
    page, ran = watched(browser)
    page.goto(f"{url}/")
    if engine == "lunr":
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially(WORD, delay=20)
        results = page.locator(".md-search-result__list")
        page.locator(".md-search-result__link").first.wait_for()
        page.locator(".md-search-result__more summary").first.click(timeout=2000) if page.locator(
            ".md-search-result__more summary").count() else None
    else:
        page.locator("input.pagefind-ui__search-input").fill(WORD)
        results = page.locator(".pagefind-ui__results")
        page.locator(".pagefind-ui__result-link").first.wait_for()
    page.wait_for_timeout(500)
    if engine == "pagefind":  # an entry's name fields rank it; they are not shown as tags ("N1x1: ...")
        tags = page.locator(".pagefind-ui__result-tags")
        assert tags.count() >= 1 and not any(tags.nth(i).is_visible() for i in range(tags.count()))
    page.screenshot(path=screenshot_path(f"search-payload-{engine}.png"))
    assert_nothing_ran(page, ran, f"{engine} search results")
    planted = results.locator("img, svg, iframe, details, script, math, input, body").evaluate_all(
        "els => els.filter(e => !e.closest('.md-search-result__icon, .md-search-result__more')).map(e => e.outerHTML)")
    assert planted == [], planted
    shown = results.inner_text()
    assert "onerror" in shown.lower() or "onload" in shown.lower() or "<" in shown, shown[:500]
    page.close()
