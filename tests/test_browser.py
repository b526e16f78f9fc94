"""In a real browser (Debian's Chromium, driven by Playwright): old links land on the right paragraph,
a link by quoted words finds its paragraph, and the copy-link control copies a permanent link."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def test_a_retired_anchor_redirects_to_its_paragraph(served: str, browser: Browser) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served}/sources/maddox-2015/#p900")
    page.wait_for_function("location.hash === '#p5'")
    assert page.locator("#p5").evaluate("el => el.getBoundingClientRect().top < window.innerHeight")
    assert not errors


def test_a_link_by_quoted_words_finds_the_paragraph(served: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(f"{served}/sources/black-williams-2008/#q=the%20Save%20Darfur%20Coalition%20that")
    found = page.locator(".para.found")
    found.wait_for()
    assert "Save Darfur Coalition" in found.inner_text()


def test_the_paragraph_number_copies_a_permanent_link(served: str, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{served}/sources/kuperman-1996/")
    page.locator("#p12 .pnum").click()
    page.wait_for_function("location.hash === '#p12'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/sources/kuperman-1996/#p12")
    context.close()


def test_marks_can_be_hidden_for_clean_reading(served: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(f"{served}/sources/black-williams-2008/")
    mention = page.locator("a.m").first
    style = "el => getComputedStyle(el).textDecorationLine"
    assert "underline" in mention.evaluate(style)
    page.get_by_role("button", name="Hide marks").click()
    assert "underline" not in mention.evaluate(style)
    page.reload()  # the choice is remembered
    assert "underline" not in page.locator("a.m").first.evaluate(style)
    page.get_by_role("button", name="Show marks").click()
    assert "underline" in page.locator("a.m").first.evaluate(style)


def test_a_mention_leads_to_its_entry_and_back_to_the_paragraph(served: str, browser: Browser) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served}/sources/black-williams-2008/")
    page.locator("a.m", has_text="Hedley Bull").first.click()
    page.wait_for_url("**/register/actors/hedley-bull/")
    assert page.locator("h1").inner_text().startswith("Hedley Bull")
    page.locator(".kwic a.kwic-where").first.click()
    page.wait_for_url("**/sources/black-williams-2008/#p*")
    anchor = page.evaluate("location.hash").lstrip("#")
    target = page.locator(f"[id='{anchor}']")
    assert "Hedley Bull" in target.inner_text()
    assert target.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # highlighted as the target
    assert not errors
