"""Property-based tests: over random and adversarial source texts the edition never crashes, keeps
every word in order, and renders markup in a source as text."""

from __future__ import annotations

from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_fidelity import apply_repairs, tokens

from edition.cite import STYLES
from edition.model import Source
from edition.read import READERS
from edition.render.citations import Citations
from edition.render.site_pages import edition_json
from edition.render.source_page import source_markdown
from edition.repair import repair
from edition.segment import segment

MARKUP = ["<script>alert(1)</script>", "<!--", "-->", "[x](javascript:alert(1))", "{#id}", "*", "_", "|",
          "---", "!!! note", "{{ x }}", "{% raw %}", "# ", "- ", "1. ", "`", "&amp;", "<b>", "\\", "[^1]", "==", "~~"]
WORDS = st.sampled_from(["Darfur", "genocide", "Janjaweed", "Bassolé", "the", "of", "UN", "US$", "affairsis",
                         "time-", "consuming", "1994", "2015.15", "Genocide1", "¹", "[End Page 12]", "N'djamena",
                         "théorie", "Habyarimana", "Chapter", "Notes", "Abstract:", "»", "—", "…"])
TOKEN = st.one_of(WORDS, st.sampled_from(MARKUP),
                  st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8))
LINE = st.lists(TOKEN, min_size=0, max_size=14).map(" ".join)
TEXT = st.lists(st.one_of(LINE, st.just(""), st.just(" Page start"), st.just("")), min_size=1, max_size=25) \
    .map("\n".join).filter(lambda t: t.strip())


def citations(source_id: str) -> Citations:
    made = {"reference": "", "cites": {"": {"first": ""}, "paragraph": {"first": ""}}}
    formatted = {s.key: {"title": s.key, "class": "in-text", "items": {source_id: made, f"{source_id}-edition": made}}
                 for s in STYLES}
    return Citations(source_id, None, formatted, {"id": source_id}, {"id": f"{source_id}-edition"}, {})


def edition_html(text: str, shape: str, ledgers: Path) -> tuple[str, dict]:
    import json

    meta = {"id": "s", "title": "A source", "edition": {"shape": shape, "notes": "glued-digits"}}
    source = Source("s", Path("s.txt"), text, meta)
    layout = READERS[shape](source)
    blocks = repair(source, layout, frozenset({"Janjaweed"}))
    edition, _ledger = segment(source, layout, blocks, ledgers)
    page = source_markdown(edition, "2026-01-01", "S", {}, citations("s"))
    body = page.split("---", 2)[2]
    html = markdown.markdown(body, extensions=["toc", "attr_list", "admonition", "tables"])
    return html, json.loads(edition_json(edition, "2026-01-01"))


def shown_text(html: str) -> str:
    soup = BeautifulSoup(f"<article>{html}</article>", "html.parser")
    for el in soup.select(".ui, [data-search-exclude], h1, sup.noteref, #edition-data, script#cite-data"):
        el.decompose()
    for el in soup.find_all(["p", "li", "h2", "h3", "h4", "blockquote", "aside", "section", "div", "td"]):
        el.insert_after("\n")
    return soup.get_text("")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, shape=st.sampled_from(sorted(READERS)))
@example(text="genocide\n2015.15\na", shape="markdown-export")  # a box set apart to the very end of the text
@example(text="time-\ngenocide", shape="markdown-export")  # a line-end hyphen where a page break is joined
def test_any_text_builds_keeps_every_word_and_shows_markup_as_text(tmp_path_factory, text: str, shape: str) -> None:
    html, data = edition_html(text, shape, tmp_path_factory.mktemp("ledger"))
    expected = tokens(apply_repairs(text.lstrip("\ufeff"), data["apparatus"]))
    assert tokens(shown_text(html)) == expected
    soup = BeautifulSoup(html, "html.parser")
    # no markup from the source became an element: no script, no link to javascript:, no comment
    assert not soup.select("script:not(#cite-data)")
    assert not [a for a in soup.select("a[href]") if a["href"].startswith("javascript")]
    assert "<!--" not in html.replace("&lt;!--", "")
