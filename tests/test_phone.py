"""Reading on a phone (390 px wide): the paragraph number and the cite control have a gutter of their
own and never sit on the text, for a paragraph, a list item, a block quotation and a note. Screenshots
go to test-results/."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from support import screenshot_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PHONE = {"width": 390, "height": 844}
# the boxes of an element's margin controls and of its own text (text nodes outside the controls)
BOXES = """el => {
  const controls = [...el.querySelectorAll('.pnum, .pcite, .notenum')];
  const boxes = controls.map(c => c.getBoundingClientRect()).filter(r => r.width && r.height);
  const text = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('.pnum, .pcite, .notenum, .pb')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    text.push(...[...range.getClientRects()].filter(r => r.width && r.height));
  }
  const overlaps = [];
  for (const b of boxes) for (const t of text) {
    const x = Math.min(b.right, t.right) - Math.max(b.left, t.left);
    const y = Math.min(b.bottom, t.bottom) - Math.max(b.top, t.top);
    if (x > 0.5 && y > 0.5) overlaps.push([b.left, b.top, t.left, t.top]);
  }
  return {controls: boxes.length, text: text.length, overlaps,
          inside: boxes.every(b => b.left >= 0 && b.right <= window.innerWidth)};
}"""

CASES = [  # (what, source, element)
    ("paragraph", "maddox-2015", "#p3"),
    ("list item", "black-williams-2008", "#p13"),
    ("block quotation", "kuperman-1996", "#p35"),
    ("note", "kuperman-1996", "#n1"),
]


@pytest.mark.parametrize(("what", "source", "selector"), CASES, ids=[c[0] for c in CASES])
def test_on_a_phone_no_margin_control_sits_on_the_text(served: str, browser: Browser, what: str, source: str,
                                                       selector: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{served}/sources/{source}/")
    element = page.locator(selector)
    element.scroll_into_view_if_needed()
    found = element.evaluate(BOXES)
    element.screenshot(path=screenshot_path(f"phone-{what.replace(' ', '-')}.png"))
    page.close()
    assert found["controls"] >= 1 and found["text"] >= 1, found
    assert found["inside"], f"a control of the {what} is off the screen"
    assert found["overlaps"] == [], f"the {what}'s number or cite control covers its text: {found['overlaps']}"
