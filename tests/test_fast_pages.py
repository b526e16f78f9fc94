"""Entry pages skip the costly parts of MkDocs' rendering (scripts/edition/render/prerendered.py and
shells.py), and must come out exactly as MkDocs and Material would make them."""

from __future__ import annotations

import filecmp
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import pytest
from jinja2 import DictLoader, Environment
from mkdocs.structure.toc import get_toc

from edition.render.prerendered import HeadingsAndBlocks, PrerenderedHtml
from edition.render.shells import Shells
from support import copy_project, replace_once, run

EXTENSIONS = ["toc", "attr_list", "tables", PrerenderedHtml()]
CONFIGS = {"toc": {"permalink": "¶", "permalink_title": "Link to this section"}}


def whole(text: str) -> tuple[str, list[dict]]:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    return md.convert(text), md.toc_tokens


ENTRY = """# Abdel Wahid al&#45;Nur

<p class="entry-kind">actor</p>

## Mentions {: #mentions }

<table><tr><td>1</td></tr></table>

### Ismail et al&#46; 2011 {: #in-ismail }

<ul class="kwic"><li><a href="../../x/#p11">¶ 11</a> <mark>Abdel Wahid</mark>
and more</li></ul>

## Appears with {: #together }
"""


def test_an_entry_page_converts_as_markdown_converts_it() -> None:
    fast = HeadingsAndBlocks(markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS))
    assert fast.convert(ENTRY) == whole(ENTRY)
    other = ENTRY.replace("Abdel Wahid al&#45;Nur", "Minni Minnawi")  # headings met before come from memory
    assert fast.convert(other) == whole(other)


@pytest.mark.parametrize("text", [
    "# A\n\n## A\n",  # the same slug twice: Markdown numbers the second
    "# A\n\nSome *words*.\n",  # a paragraph of Markdown
    "# A [link](other.md)\n",  # a link, which MkDocs checks and rewrites
    "# A\n\n<p>x</p>\n\tindented\n",  # a tab, which Markdown expands first
    "<p>no heading</p>\n",
])
def test_other_pages_are_left_to_markdown(text: str) -> None:
    fast = HeadingsAndBlocks(markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS))
    assert fast.convert(text) is None


# A theme in miniature, with Material's page-specific strings where Material prints them.
THEME = {
    "main.html": "{% import 'partials/language.html' as lang with context %}"
                 "<title>{{ page.meta.title }} - Site</title><meta content=\"{{ page.meta.description }}\">"
                 "<link href=\"{{ page.canonical_url }}\"><a href=\"#{{ (page.toc | first).id }}\">skip</a>"
                 "<header>{{ page.title }}</header><nav>{% for p in nav %}<a href=\"{{ p }}\">{{ p }}</a>"
                 "{% endfor %}</nav>{% include 'partials/toc.html' %}<article>{{ page.content }}</article>",
    "partials/toc.html": "<ul>{% for item in (page.toc | first).children %}<li>{{ lang.t('toc') }} "
                         "{{ item.title }}</li>{% endfor %}</ul>",
    "partials/language.html": "{% macro t(key) %}{{ key | upper }}{% endmacro %}",
}


@dataclass
class Page:
    title: str
    content: str
    url: str
    toc: Any
    meta: dict = field(default_factory=dict)
    canonical_url: str | None = None
    parent: Any = None
    previous_page: Any = None
    next_page: Any = None
    is_homepage: bool = False


def entry(title: str, folder: str = "register/actors") -> Page:
    slug = re.sub(r"\W+", "-", title.lower()).strip("-")
    toc = get_toc([{"level": 1, "id": slug, "name": title, "children": [
        {"level": 2, "id": "mentions", "name": "Mentions", "children": []}]}])
    return Page(title, f'<h1 id="{slug}">{title}</h1><p>About {title}.</p>', f"{folder}/{slug}/", toc,
                {"title": title, "description": f"{title}, described."}, f"https://example.org/{folder}/{slug}/")


def through(shells: Shells, env: Environment, page: Page) -> tuple[str | None, str]:
    """The page from its shell (None if the theme is to render it), and as the theme renders it."""
    context = {"nav": ["a/", "b/"], "page": page}
    rendered = env.get_template("main.html").render(context)
    return shells.page_html(context, page), rendered


def test_pages_from_a_shell_are_the_pages_the_theme_renders() -> None:
    env = Environment(loader=DictLoader(THEME))
    shells = Shells(env)
    pages = [entry(t) for t in ("Alpha", "Beta", "Gamma <b>&amp;</b> 'Delta'", "Epsilon")]
    pages.append(entry("Zeta", folder="register/places"))
    results = [through(shells, env, p) for p in pages]
    assert [html is None for html, _ in results] == [True, True, False, False, True]  # shells from the 2nd
    assert all(html == rendered for html, rendered in results if html is not None)


@pytest.mark.parametrize("change, filled", [
    ("{{ page.title }}", {"Gamma", "Delta <i>x</i>"}),  # printed as it is: every page filled
    ("{{ page.title | e }}", {"Gamma"}),  # escaped: only a title without markup is filled
    ("{{ page.title | upper }}", set()),  # changed: no shell at all
    ("{{ page.title[:3] }}", set()),
])
def test_a_shell_is_used_only_where_the_theme_prints_the_strings_as_they_are(change: str, filled: set) -> None:
    theme = dict(THEME, **{"main.html": THEME["main.html"].replace("<header>{{ page.title }}",
                                                                   f"<header>{change}")})
    env = Environment(loader=DictLoader(theme))
    shells = Shells(env)
    pages = [entry(t) for t in ("Alpha", "Beta", "Gamma", "Delta <i>x</i>")]
    results = {p.title: through(shells, env, p) for p in pages}
    assert {t for t, (html, _) in results.items() if html is not None} == filled
    assert all(html == rendered for html, rendered in results.values() if html is not None)


def test_a_value_of_a_pages_own_outside_the_shells_slots_is_never_copied_to_other_pages() -> None:
    """Material prints `page.edit_url` once `edit_uri` is set: the shell made from Beta would give every
    page Beta's edit link, so it must reproduce a second page whole before it is used."""
    theme = dict(THEME, **{"main.html": THEME["main.html"] + '<a class="edit" href="{{ page.url }}edit">Edit</a>'})
    env = Environment(loader=DictLoader(theme))
    shells = Shells(env)
    results = [through(shells, env, entry(t)) for t in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon")]
    assert all(html is None or html == rendered for html, rendered in results)
    assert shells.filled == 0


def built_site(project: Path, fast: bool) -> tuple[Path, str]:
    # the usual way: MkDocs converts, renders, keeps and writes every page itself
    env = dict(os.environ, EDITION_FAST_PAGES="on" if fast else "off", EDITION_KEEP_PAGES="off" if fast else "on",
               CI="true")
    done = run([sys.executable, "-m", "mkdocs", "build", "-v", "-d", f"site-{'fast' if fast else 'usual'}"],
               project, env)
    assert done.returncode == 0, done.stderr[-3000:]
    return project / f"site-{'fast' if fast else 'usual'}", done.stdout + done.stderr


def differing(a: Path, b: Path) -> list[str]:
    names = sorted({p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
                   | {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()})
    return [n for n in names if not ((a / n).exists() and (b / n).exists()
                                     and filecmp.cmp(a / n, b / n, shallow=False))]


@pytest.mark.build
def test_the_seeds_site_is_the_same_built_either_way(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    fast, log = built_site(project, fast=True)
    assert not list((project / "docs").rglob("*.md"))  # the pages went to MkDocs in memory
    usual, _ = built_site(project, fast=False)  # the pages written to docs/, which MkDocs reads
    entries = len(list((project / "docs" / "register").glob("*/*.md"))) - 4  # less the four register indexes
    filled = int(re.search(r"edition: (\d+) pages put into a shell", log).group(1))
    assert filled == entries - 12  # all but the first three of each register (made from, checked against)
    assert differing(fast, usual) == []
    assert "Page skipped" not in log  # MkDocs' note on each page the hook's writer wrote is dropped


@pytest.mark.build
def test_a_theme_that_prints_a_pages_own_value_gets_it_on_every_entry_page(tmp_path: Path) -> None:
    """Material prints `page.edit_url` once `edit_uri` is set (no edit link for the edition's pages: MkDocs
    gives none to generated files, and docs/ is build output, not in the repository); a theme may print
    any value of a page's own. A shell copied from one page must never give it to the others."""
    project = copy_project(tmp_path)
    theme = project / "scripts" / "theme" / "main.html"
    theme.write_text(theme.read_text(encoding="utf-8") + '{% block footer %}{{ super() }}'
                     '<a class="own" href="{{ page.url }}">own</a>{% endblock %}\n', encoding="utf-8")
    config = project / "mkdocs.yml"
    replace_once(config, "    - content.tooltips\n", "    - content.tooltips\n    - content.action.edit\n")
    config.write_text(config.read_text(encoding="utf-8") + "repo_url: https://example.org/repo\n"
                      "edit_uri: edit/main/docs/\n", encoding="utf-8")
    site, _ = built_site(project, fast=True)
    pages = [p for p in sorted((site / "register").glob("*/*/index.html"))
             if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]  # a merged entry's old address
    assert len(pages) > 700
    for page in pages:
        html = page.read_text(encoding="utf-8")
        folder = page.parent.relative_to(site).as_posix()
        assert f'<a class="own" href="{folder}/">own</a>' in html, folder
        assert "/edit/main/docs/" not in html
