"""What a student does, in headless Chromium against the built site served on localhost: cite a
paragraph, browse without errors, and nothing is fetched from outside the site; axe-core finds no
serious or critical accessibility violation. Screenshots go to test-results/."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

if TYPE_CHECKING:
    from playwright.sync_api import Browser

from support import ROOT

SHOTS = ROOT / "test-results"
SHOTS.mkdir(exist_ok=True)
PAGES = ["/", "/sources/maddox-2015/", "/register/actors/janjaweed/", "/register/actors/", "/timeline/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(served: str, browser: Browser, path: str) -> None:
    page = browser.new_page()
    page.goto(f"{served}{path}")
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert not violations, [(v["id"], v["nodes"][0]["html"][:120]) for v in violations]


def test_browsing_makes_no_request_outside_the_site_and_no_script_error(served: str, browser: Browser) -> None:
    page = browser.new_page()
    outside: list[str] = []
    errors: list[str] = []
    host = urlsplit(served).netloc
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).netloc not in (host, "") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in [*PAGES, "/sources/kuperman-1996/", "/register/", "/register/abbreviations/",
                 "/how-to-cite/", "/about/"]:
        page.goto(f"{served}{path}")
        page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Janjaweed", delay=10)
    page.locator(".md-search-result__link").first.wait_for()
    assert not outside, outside[:5]
    assert not errors, errors[:5]


def test_cite_a_paragraph_and_copy_it(served: str, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"],
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{served}/sources/kuperman-1996/")
    page.locator("#p12 .pcite").click()
    dialog = page.locator("dialog.cite-dialog")
    dialog.wait_for()
    assert dialog.locator("#cite-title").inner_text() == "Cite ¶ 12 (p. 224–226)"
    styles = dialog.locator(".cite-style h3").all_inner_texts()
    assert styles == ["Chicago (notes and bibliography)", "Chicago (author-date)", "APA (7th edition)",
                      "MLA (9th edition)", "Harvard (Cite Them Right)", "OSCOLA"]
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "cite-dialog.png"))
    dialog.locator(".cite-style").nth(2).locator(".cite-copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    # the abridged copy does not mark where pp. 224-226 divide, so the citation names the range
    assert copied.startswith("(Kuperman, 1996, p. 224–226)") and copied.endswith("/sources/kuperman-1996/#p12")
    page.keyboard.press("Escape")
    page.locator(".cite-source").click()
    assert dialog.locator("#cite-title").inner_text() == "Cite this source"
    assert "Kuperman, A. J. (1996). The other lesson of Rwanda" in dialog.inner_text()
    assert dialog.locator("a[download]").count() == 3
    context.close()


SHOTS_OF = [  # (name, address, what the reader must see on the screen first)
    ("source-page", "/sources/black-williams-2008/#p3", "#p3"),
    ("entry-page", "/register/actors/janjaweed/", "article h1"),
    ("timeline", "/timeline/#y2004", "#y2004"),
    ("home", "/", "article h1"),
]


@pytest.mark.parametrize(("name", "path", "target"), SHOTS_OF, ids=[s[0] for s in SHOTS_OF])
def test_a_page_opens_with_its_target_on_screen_styled_by_the_theme(served: str, browser: Browser, name: str,
                                                                     path: str, target: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served}{path}")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    box = page.locator(target).first.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, f"{target} is not on the first screen: {box}"
    header = page.locator("header.md-header").bounding_box()
    assert header is not None and header["height"] > 30  # Material's stylesheet is applied
    assert page.locator(".md-sidebar--primary").is_visible()  # the navigation is beside the text
