"""Pages come from templates: escaping on by default, markup trusted in one place, links made by one
helper, and each vocabulary written once. No build and no browser: the fast tier."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.model import Block, NoteRef, PageBreak, Repair
from edition.read.metadata import SCHEMA as METADATA_SCHEMA
from edition.registry.load import entry_schema
from edition.render.inline import Link, block_html
from edition.render.markup import TEMPLATES, macros, render
from edition.render.views import (
    EntryLink,
    EntryPage,
    Evidence,
    Kwic,
    MentionCount,
    NotePiece,
    SourceMentions,
)
from edition.urls import Here, served_at
from edition.vocabulary import KINDS, REPAIRS, BlockKind, NoteStyle, Register, RepairKind, Shape
from support import ROOT

EDITION = ROOT / "scripts" / "edition"
PAYLOAD = """<img src=x onerror="window.x=1">'&"</p><script>alert(1)</script>"""
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?=[\s>/]|$)")


def string_literals(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_python_writes_at_most_15_html_tags() -> None:
    """The pages' HTML is in templates; the few tags left in Python are for reading HTML (the theme's
    page, a built page), for citeproc's markup of a title, and for the shells' probe."""
    found = [f"{p.relative_to(EDITION)}:{line} {tag}" for p in sorted(EDITION.rglob("*.py"))
             for line, text in string_literals(p) for tag in TAG.findall(text)]
    assert len(found) <= 15, "\n".join(found)


def test_markup_is_marked_safe_in_one_place() -> None:
    """Only render/markup.py's `trusted` makes a Markup of a string (shells.plain only compares text)."""
    calls = []
    for path in sorted(EDITION.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Markup":
                calls.append(path.relative_to(EDITION).as_posix())
    assert calls == ["render/markup.py", "render/shells.py"], calls


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.j2")))
def test_no_template_turns_escaping_off(template: str) -> None:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    assert not re.search(r"\|\s*safe\b|autoescape\s+false|Markup", text)


def hostile_entry() -> EntryPage:
    link = EntryLink("../x/", PAYLOAD, PAYLOAD, 3, PAYLOAD, PAYLOAD)
    kwic = Kwic("../s/#p1", PAYLOAD, (PAYLOAD,), PAYLOAD, PAYLOAD, PAYLOAD)
    count = MentionCount("s", PAYLOAD, 1, "../s/#p1")
    return EntryPage(PAYLOAD, PAYLOAD, "actor", PAYLOAD, PAYLOAD, [Evidence("../s/#p1", PAYLOAD)], [PAYLOAD],
                     [NotePiece(PAYLOAD), NotePiece(PAYLOAD, "../y/")], 1, [count],
                     [SourceMentions("s", PAYLOAD, [kwic])], [count], 1, "../data.csv", [link], [link])


def test_an_entry_page_shows_hostile_registry_text_as_text() -> None:
    page = render("entry.md.j2", page=hostile_entry())
    body = page.split("---", 2)[2]
    assert "<img" not in body and "<script" not in body and "</p><" not in body.replace("</p>\n", "")
    assert body.count("&lt;img src=x onerror=") >= 10
    # the theme prints a page's title and description as HTML: they are handed to it escaped
    assert page.splitlines()[1] == ('title: "&lt;img src=x onerror=&quot;window.x=1&quot;&gt;&#x27;&amp;&quot;'
                                    '&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')


def block(text: str, kind: BlockKind = BlockKind.PARAGRAPH, **extra: object) -> Block:
    return Block(kind=kind, text=text, start=0, end=len(text), offsets=[], anchor="p1", label="1", **extra)


@pytest.mark.parametrize("kind", list(BlockKind))
def test_every_kind_of_block_renders_its_element_with_the_text_escaped(kind: BlockKind) -> None:
    from edition.render.source_page import _paragraph

    html = str(macros().paragraph(_paragraph(block(PAYLOAD, kind), {}, {})))
    soup = BeautifulSoup(html, "html.parser")
    element = soup.find(id="p1")
    assert element is not None and element.name in {"p", "blockquote", "aside"}
    assert element.get_text().endswith(PAYLOAD)  # every character, as text
    assert soup.find("img") is None and soup.find("script") is None


def test_a_woven_block_places_notes_pages_repairs_and_mentions() -> None:
    text = "The Security Council met in Kigali"
    b = block(text, noterefs=[NoteRef(3, len(text))], page_starts=[(4, PageBreak(0, 5, 7))],
              repairs=[(Repair(RepairKind.GLUED_WORDS, 0, 3, "inKigali", "in Kigali"), 25, 34)])
    b.mentions = [type("M", (), dict(start=4, end=20, entry_id="unsc", inside=None, surface="Security Council"))()]
    links = {"unsc": Link("../../register/actors/unsc/", "UN Security Council (intergovernmental organisation)",
                          Register.ACTOR)}
    soup = BeautifulSoup(str(block_html(b, {3: "n3"}, links=links)), "html.parser")
    assert soup.get_text() == "The 5–7Security Council met in Kigali3"
    assert [s["id"] for s in soup.select("[id^=page-]")] == ["page-5", "page-6", "page-7"]
    assert soup.find("a", class_="m")["href"] == "../../register/actors/unsc/"
    assert soup.find("span", class_="em")["title"] == "words run together; the source has “inKigali”"
    assert soup.find("sup", id="r3").a["href"] == "#n3"


@pytest.mark.parametrize(("page", "target", "link"), [
    ("index.md", "sources/x/#p3", "sources/x/#p3"),
    ("about.md", "sources/x/", "../sources/x/"),
    ("sources/x.md", "about/", "../../about/"),
    ("register/index.md", "register/actors/", "../register/actors/"),
    ("register/actors/index.md", "register/actors/un/", "../../register/actors/un/"),
    ("register/actors/un.md", "data/mentions.csv", "../../../data/mentions.csv"),
    ("timeline/1994.md", "timeline/1995/", "../../timeline/1995/"),
])
def test_one_helper_makes_every_relative_link(page: str, target: str, link: str) -> None:
    assert Here(page).to(target) == link


@pytest.mark.parametrize(("page", "folder"), [("index.md", ""), ("sources/x.md", "sources/x/"),
                                              ("register/index.md", "register/"), ("timeline.md", "timeline/")])
def test_a_page_is_served_as_a_folder(page: str, folder: str) -> None:
    assert served_at(page) == folder


def test_no_link_is_counted_by_hand() -> None:
    """Relative links come from urls.Here: no "../" written into the renderers or templates."""
    written = [f"{p.name}:{line}" for p in sorted((EDITION / "render").glob("*.py"))
               for line, text in string_literals(p) if "../" in text]
    written += [p.name for p in TEMPLATES.glob("*.j2") if "../" in p.read_text(encoding="utf-8")]
    assert written == []


def test_each_vocabulary_is_written_once_and_the_schemas_take_it() -> None:
    edition_keys = METADATA_SCHEMA["properties"]["edition"]["properties"]
    assert edition_keys["shape"]["enum"] == [s.value for s in Shape]
    assert edition_keys["notes"]["enum"] == [s.value for s in NoteStyle]
    for register in Register:
        assert entry_schema(register)["properties"]["kind"]["enum"] == list(KINDS[register])
    assert set(REPAIRS) == set(RepairKind)
    from edition.read import READERS

    assert set(READERS) == set(Shape)


def test_repair_kinds_are_named_from_the_vocabulary_only() -> None:
    kinds = {k.value for k in RepairKind}
    literal = [f"{p.relative_to(EDITION)}:{line}" for p in EDITION.rglob("*.py") if p.name != "vocabulary.py"
               for line, text in string_literals(p) if text in kinds]
    assert literal == [], f"repair kinds written as strings outside vocabulary.py: {literal}"


@pytest.mark.parametrize(("text", "message"), [
    ("title: A\ncitation_title: A\nintroduction: Hello\ncolour: red\n", "site.yml:4: unknown key(s) colour"),
    ("title: A\ncitation_title: A\nintroduction: Hello\ncite_example: no anchor\n", "site.yml:4: cite_example:"),
    ("title: A\ncitation_title: [A, B]\nintroduction: Hello\n", "site.yml:2: citation_title:"),
])
def test_the_sites_own_words_are_checked_with_file_and_line(tmp_path: Path, text: str | None, message: str) -> None:
    from edition.errors import InputError
    from edition.read.site import load_site

    if text is not None:
        (tmp_path / "site.yml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_site(tmp_path)
    assert message in str(err.value)


def test_without_site_yml_the_site_is_generic_and_says_so(tmp_path: Path) -> None:
    from edition.read.site import load_site

    warnings: list[str] = []
    site = load_site(tmp_path, warnings)
    assert site.title == "A reading edition" and "site.yml: missing" in warnings[0]


def test_the_corpus_prose_comes_from_site_yml_not_from_code() -> None:
    from edition.read.site import load_site
    from edition.render.site_pages import home_markdown

    site = load_site(ROOT / "seeds")
    assert "Darfur" not in "".join(text for p in EDITION.rglob("*.py") for _, text in string_literals(p))
    home = home_markdown([], "2026-01-01", site)
    assert home.startswith("---\ntitle: Home\n---\n\n# Darfur, Rwanda and the Genocide Convention&#58; a reading")
    assert "reading edition of 0 texts on the crisis in Darfur" in home


def test_tests_that_edit_a_file_check_that_the_edit_changed_it() -> None:
    """An edit by str.replace that finds nothing tests nothing: tests edit files with support.replace_once."""
    tests = ROOT / "tests"
    found = [f"{p.name}:{n}" for p in sorted(tests.glob("*.py")) if p.name != "support.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"write_text\(.*read_text\([^)]*\)\s*\.replace\(", line)
             or re.search(r"write_text\([^)]*\.replace\($", line)]
    assert found == []


def test_repaired_words_cut_by_a_link_carry_one_mark() -> None:
    """"troops.US" read as "troops. US", where "US" is a link: the repair is drawn in two parts, and only
    the last shows the mark (a ring after each part read as stray characters)."""
    b = block("its own troops. US funding", repairs=[(Repair(RepairKind.GLUED_WORDS, 0, 9, "troops.US",
                                                              "troops. US"), 8, 18)])
    b.mentions = [type("M", (), dict(start=16, end=18, entry_id="us", inside=None, surface="US"))()]
    links = {"us": Link("../../register/actors/us/", "United States (state)", Register.ACTOR)}
    soup = BeautifulSoup(str(block_html(b, {}, links=links)), "html.parser")
    marks = soup.select("span.em")
    assert len(marks) == 2 and [m.get("class") for m in marks] == [["em", "cont"], ["em"]]
    assert soup.get_text() == "its own troops. US funding"
