"""Pages put into a once-rendered copy of the theme's page (a shell), instead of each rendering the
theme's whole template.

Material's template takes about 2 ms a page: the header, the navigation of every source and register,
the footer and the scripts. For the pages outside the navigation in one folder (an entry page of a
register), all of that is the same but six strings: the title, the description, the canonical address,
the first heading's anchor (the skip link), the table of contents and the contents. The template is
rendered once with a marker in place of each, and every further page is that shell with its own strings
put in, its table of contents rendered by the theme's own partial.

Three checks keep the pages as the theme makes them. A shell is made from a folder's second page, whose
full rendering it must reproduce, and is used only once it reproduces the third page as well (a value of
a page's own outside the six strings, such as an edit link, would differ); a page whose strings hold markup
is filled only if the theme was found to print those strings as they are (a render with such strings is
compared too); and the tests compare whole sites built both ways (tests/test_fast_pages.py). Anything else
is rendered by the theme as usual.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, TableOfContents

TEMPLATE = "main.html"
TOC_PARTIAL = "partials/toc.html"
LANGUAGE = "partials/language.html"  # the theme's translations, which the partial calls `lang`
MARK = "\ufdd0{}\ufdd1"  # noncharacters: never in a page, and kept as they are by escaping and striptags
SLOTS = ("title", "description", "canonical", "skip", "content", "toc")
# strings with markup, spaces to collapse and quotes, to learn whether the theme prints them as they are
PROBE = {"title": "Probe <b>&amp;</b>  “x” 'y' \"z\"", "description": "Probe <i>&lt;</i>  'y' \"z\""}


@dataclass
class Shell:
    parts: list[str]  # literal text and slot names, alternately (a slot name at every odd index)
    as_written: bool  # whether the theme prints the title and description as they are, markup and all

    def fill(self, values: dict[str, str]) -> str:
        return "".join(values[p] if i % 2 else p for i, p in enumerate(self.parts))


class Shells:
    """The shells of one build, made as pages come, one per folder and kind of page."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.template = env.get_template(TEMPLATE)
        self.toc = env.get_template(TOC_PARTIAL)
        self.shells: dict[Hashable, Shell | None] = {}
        self.seen: Counter[Hashable] = Counter()
        self.checked: set[Hashable] = set()  # shells that reproduced a second page
        self.lang: Any = None  # the translations module, the same for every page
        self.filled = 0

    def page_html(self, context: dict[str, Any], page: Any) -> str | None:
        """The page's HTML from its folder's shell, or None: the theme renders it as usual."""
        key = shell_key(page)
        if key is None:
            return None
        self.seen[key] += 1
        if self.seen[key] == 1:  # a page alone in its kind is not worth a shell
            return None
        values = self.values(context, page)
        if key not in self.shells:
            self.shells[key] = self.make(context, page, values)
            return None  # rendered in full for the check, and once more by MkDocs: the same
        shell = self.shells[key]
        if shell is None or not (shell.as_written or all(plain(values[k]) for k in PROBE)):
            return None
        if key not in self.checked:
            # A page's value outside the six slots (an edit link once edit_uri is set, the page's address
            # for a feedback widget) would be copied from the page the shell was made from to every page:
            # the shell must also reproduce a second page, whole, or it is not used.
            self.checked.add(key)
            rendered = self.render(context, page)
            if shell.fill(values) != rendered:
                self.shells[key] = None
            return rendered
        self.filled += 1
        return shell.fill(values)

    def values(self, context: dict[str, Any], page: Any) -> dict[str, str]:
        return {"title": page.title, "description": page.meta["description"], "canonical": page.canonical_url or "",
                "skip": page.toc.items[0].id, "content": page.content, "toc": self.toc_html(context, page)}

    def toc_html(self, context: dict[str, Any], page: Any) -> str:
        if self.lang is None:
            self.lang = self.env.get_template(LANGUAGE).make_module(dict(context, page=page))
        return self.toc.render(dict(context, page=page, lang=self.lang))

    def make(self, context: dict[str, Any], page: Any, values: dict[str, str]) -> Shell | None:
        markers = {k: MARK.format(k) for k in SLOTS}
        if "<h1" in page.content:  # the theme adds a title when the contents have none
            markers["content"] = f"<h1>{markers['content']}</h1>"
        stand_in = with_values(page, markers)
        rendered = self.render(context, stand_in)
        markers["toc"] = self.toc_html(context, stand_in)
        parts = split_at(rendered, markers)
        if parts is None:
            return None
        shell = Shell(parts, as_written=False)
        if shell.fill(values) != self.render(context, page):
            return None
        probe = dict(values, **PROBE)
        probe_page = with_values(page, probe)
        probe["toc"] = self.toc_html(context, probe_page)
        shell.as_written = shell.fill(probe) == self.render(context, probe_page)
        return shell

    def render(self, context: dict[str, Any], page: Any) -> str:
        return self.template.render(dict(context, page=page))


def shell_key(page: Any) -> Hashable | None:
    """Pages with the same key differ only in the six strings; None for a page the shells leave alone:
    one in the navigation (its place is marked there), the home page, or one without a title, a
    description or a first heading to skip to."""
    meta = page.meta
    if (page.parent is not None or page.previous_page is not None or page.next_page is not None
            or page.is_homepage or not page.toc.items or page.content is None
            or not isinstance(meta.get("title"), str) or meta["title"] != page.title
            or not isinstance(meta.get("description"), str)):
        return None
    folder = page.url.rsplit("/", 2)[0] if page.url.endswith("/") else page.url.rsplit("/", 1)[0]
    rest = repr(sorted((k, v) for k, v in meta.items() if k not in ("title", "description")))
    return folder, rest, "<h1" in page.content, page.canonical_url is None, page.toc.items[0].level


def with_values(page: Any, values: dict[str, str]) -> Any:
    """A copy of the page that shows the given strings."""
    stand_in = copy.copy(page)
    stand_in.meta = dict(page.meta, title=values["title"], description=values["description"])
    stand_in.title = values["title"]
    stand_in.content = values["content"]
    stand_in.canonical_url = values["canonical"] if page.canonical_url is not None else None
    first = page.toc.items[0]
    stand_in.toc = TableOfContents([AnchorLink(first.title, values["skip"], first.level)])
    return stand_in


def split_at(rendered: str, markers: dict[str, str]) -> list[str] | None:
    """The rendered stand-in cut at its markers; None if a marker was changed on its way (escaped,
    cut short) or the table of contents or the contents are not there exactly once."""
    names = {v: k for k, v in markers.items()}
    pattern = re.compile("|".join(re.escape(m) for m in sorted(names, key=len, reverse=True)))
    parts: list[str] = []
    last = 0
    for m in pattern.finditer(rendered):
        parts += [rendered[last:m.start()], names[m.group()]]
        last = m.end()
    parts.append(rendered[last:])
    found = Counter(parts[1::2])
    if any("\ufdd0" in p for p in parts[0::2]) or found["toc"] != 1 or found["content"] != 1:
        return None
    return parts


def plain(text: str) -> bool:
    """Whether the text reads the same escaped, unescaped or stripped of tags."""
    return not any(c in text for c in "<>&\"'") and Markup(text).striptags() == text
