"""What a student does, in headless Chromium against the built site served on localhost: cite a
paragraph, browse without errors, and nothing is fetched from outside the site; axe-core finds no
serious or critical accessibility violation. Screenshots go to test-results/."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

from support import ROOT, on_plain_http, screenshot_path

SHOTS = ROOT / "test-results"
SHOTS.mkdir(exist_ok=True)
PAGES = ["/", "/sources/maddox-2015/", "/register/actors/janjaweed/", "/register/actors/", "/timeline/",
         "/register/relations/"]


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


def open_cite(page: Page, address: str, anchor: str, style: str = "apa") -> Locator:
    page.goto(address)
    page.locator(f"#{anchor} .pcite").click()
    dialog = page.locator("dialog.cite-dialog")
    dialog.wait_for()
    dialog.locator(".cite-style-pick").select_option(style)
    return dialog


def form(dialog: Locator, part: int, heading: str) -> Locator:
    """A citation in the dialog: part 0 the original, 1 this edition; heading "In the text", "Note"…"""
    heading_is = dialog.page.get_by_role("heading", name=heading, exact=True)
    return dialog.locator(".cite-part").nth(part).locator(".cite-form", has=heading_is)


def copy(citation: Locator) -> str:
    """Click a citation's Copy, wait until the dialog says it is copied, and read the clipboard."""
    citation.locator(".cite-copy").click()
    status = citation.page.locator(".cite-status")
    status.filter(has_text="Copied to the clipboard.").wait_for()
    return citation.page.evaluate("navigator.clipboard.readText()")


def test_cite_a_paragraph_across_a_page_break_and_copy_it(served: str, browser: Browser) -> None:
    """On localhost (a secure context) Copy uses the clipboard: what lands is the citation, with both pages."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"],
                                  viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    dialog = open_cite(page, f"{served}/sources/maddox-2015/", "p6", "chicago-notes")
    assert dialog.locator("#cite-title").inner_text() == "Cite ¶ 6 (pp. 50–51)"
    labels = dialog.locator(".cite-style-pick option").all_inner_texts()
    assert "Chicago Manual of Style 18th edition (notes and bibliography)" in labels and "OSCOLA 4th edition" in labels
    parts = dialog.locator(".cite-part h3").all_inner_texts()
    assert parts == ["The original publication, pp. 50–51", "This reading edition, ¶ 6"]
    page.screenshot(path=str(screenshot_path("cite-dialog.png")))
    page.keyboard.press("Escape")
    page.locator('label[title="Dark mode"]').click()  # Material's own switch
    page.locator("#p6 .pcite").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.screenshot(path=str(screenshot_path("cite-dialog-dark.png")))
    dialog.locator(".cite-style-pick").select_option("apa")
    assert copy(form(dialog, 0, "In the text")) == "(Maddox, 2015, pp. 50–51)"
    assert copy(form(dialog, 1, "In the text")) == "(Maddox, 2015/2026, para. 6)"
    page.keyboard.press("Escape")
    page.locator(".cite-source").click()  # the style picked is kept
    assert dialog.locator("#cite-title").inner_text() == "Cite this source"
    assert dialog.locator(".cite-style-pick").input_value() == "apa"
    assert "Maddox, K. (2015). “Liberat[ing] mankind" in form(dialog, 0, "Reference list").inner_text()
    assert dialog.locator("a[download]").count() == 6  # BibTeX, RIS, CSL-JSON: of the original, of the edition
    context.close()


def test_copy_over_plain_http_falls_back_to_selecting_the_citation(served: str, browser: Browser) -> None:
    """Over plain http there is no navigator.clipboard: Copy selects the citation and copies it the old way,
    or, where that is refused too, leaves it selected and says how to copy it."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    dialog = open_cite(page, f"{on_plain_http(served)}/sources/kuperman-1996/", "p20", "chicago-notes")
    assert page.evaluate("window.isSecureContext") is False and page.evaluate("navigator.clipboard") is None
    page.evaluate("document.addEventListener('copy', () => { window.copied = String(getSelection()); })")
    note = form(dialog, 0, "Note")
    note.locator(".cite-copy").click()
    assert page.evaluate("window.copied") == note.locator(".cite-text").inner_text()
    assert page.evaluate("window.copied").endswith("SAIS Review 16, no. 1 (1996): 229–30.")
    assert dialog.locator(".cite-status").inner_text() == "Copied to the clipboard."
    page.evaluate("document.execCommand = () => false")  # a browser that refuses to copy
    short = form(dialog, 0, "Short note")
    short.locator(".cite-copy").click()
    assert page.evaluate("String(getSelection())") == "Kuperman, “The Other Lesson of Rwanda,” 229–30."
    assert "press Ctrl+C" in dialog.locator(".cite-status").inner_text()
    context.close()


def test_an_unpaged_source_is_cited_by_the_editions_paragraph(served: str, browser: Browser) -> None:
    page = browser.new_page()
    dialog = open_cite(page, f"{served}/sources/ismail-jones-prendergast-2011/", "p4", "mla")
    assert dialog.locator("#cite-title").inner_text() == "Cite ¶ 4"
    assert "no printed page numbers" in dialog.locator(".cite-part").nth(0).inner_text()
    assert form(dialog, 1, "In the text").locator(".cite-text").inner_text() == "(Ismail et al., par. 4)"
    page.close()


SHOTS_OF = [  # (name, address, what the reader must see on the screen first)
    ("source-page", "/sources/black-williams-2008/#p3", "#p3"),
    ("entry-page", "/register/actors/janjaweed/", "article h1"),
    ("timeline", "/timeline/#y2004", "#y2004"),
    ("event-entry", "/register/events/assassination-of-juvenal-habyarimana/", "article h1"),
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
