"""The templates' environment, and the one place where text is trusted as markup.

Every page is a Jinja template (`templates/`) filled from a view model (`views.py`). Autoescape is
on for every template, so a source's words, metadata and registry text are escaped wherever they go;
markup made here (a Markdown-escaped heading, the JSON of the front matter, a citation processor's
HTML, a macro's output handed on to another template) is marked safe only by `trusted`, below.
tests/test_templates.py checks that no other module or template marks anything safe.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"
MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|~^$%:=<>&\"']")


def trusted(html: str) -> Markup:
    """Markup that the edition made itself, from escaped parts or by a trusted processor: the only
    place where a string is marked safe."""
    return Markup(html)


def markdown_text(text: str) -> Markup:
    """Text for a Markdown line (a heading): every character that Markdown or its extensions could
    read as markup, HTML's included, becomes a character reference."""
    return trusted(MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", str(text)))


def front_matter_value(value: Any) -> Markup:
    """A value for the YAML front matter: JSON, which YAML reads as it is."""
    return trusted(json.dumps(value, ensure_ascii=False))


def theme_text(text: str) -> str:
    """Text that MkDocs hands to the theme as HTML (a page's title and description, a navigation title):
    the theme prints these as they are, in elements and attributes alike, so they are escaped here."""
    return html.escape(str(text), quote=True)


def in_script(json_text: str) -> str:
    """JSON inside a <script> element: no text in it can close the element or open a comment there."""
    return json_text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


def script_json(value: Any) -> Markup:
    """A value as JSON inside a <script> element."""
    return trusted(in_script(json.dumps(value, ensure_ascii=False)))


def keep_compiled(folder: Path | None) -> None:
    """Keep the templates compiled in `folder` from one build to the next (each is keyed by its text, so
    an edited template is compiled again); None: compile them in every build."""
    environment().bytecode_cache = FileSystemBytecodeCache(str(folder)) if folder else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(md=markdown_text, yaml=front_matter_value, script_json=script_json, theme=theme_text)
    return env


def template(name: str) -> Template:
    return environment().get_template(name)


def render(name: str, **context: Any) -> str:
    return template(name).render(**context)


def prose(text: str, **context: Any) -> Markup:
    """The corpus's own Markdown (seeds/site.yml), with the page's figures put in: trusted as the
    templates are, since it is the project's text, not a source's."""
    return trusted(environment().from_string(text).render(**context))


@cache
def macros(name: str = "macros.html.j2") -> Any:
    """The macros of a template (by default the pages' shared ones, `macros.html.j2`), to call from
    Python where text is woven with its spans (render/inline.py) or a search record is made; each
    returns Markup."""
    return template(name).module
