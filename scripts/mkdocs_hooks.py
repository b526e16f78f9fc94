"""A thin MkDocs hook: run the edition build before MkDocs reads docs/, and have
`mkdocs serve` watch the seeds and the registry. All logic lives in scripts/edition,
so the site can move to another renderer that reads mkdocs.yml (e.g. Zensical).

MkDocs runs hooks after every plugin, event by event. Two of these events let go of what a page no
longer needs, for memory at a thousand sources: `on_page_content` empties `page.markdown` once the page
is converted, and `on_post_page` empties `page.content` once the page is written. A plugin that reads
either later than that (in `on_page_context`, `on_post_page` or `on_post_build`: an RSS feed, social
cards, a PDF export) gets "": set EDITION_KEEP_PAGES=on for such a plugin, and both are kept. Material's
search plugin reads the content in `on_page_context`, before it is emptied.
"""

from __future__ import annotations

import gc
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Markdown
from mkdocs.exceptions import Abort
from mkdocs.structure.toc import get_toc
from tqdm import tqdm

from edition.errors import InputError, ToolError
from edition.pipeline import build, quiet, staging_dir, swap_in
from edition.render.prerendered import HeadingsAndBlocks, PrerenderedHtml, heading_ids
from edition.render.shells import Shells
from edition.search import SearchDoc, engine, lunr, pagefind

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class HookState:
    """What one event hands to the next, for one build (and, under `serve`, to the next build)."""

    command: str = ""  # "build", "serve" or "gh-deploy"
    search: str = "lunr"  # the search engine (extra.search)
    final_site: Path | None = None  # where `mkdocs build` swaps its staged site in
    nav: list[Any] | None = None  # the last build's navigation, to see when it changes
    search_docs: list[SearchDoc] | None = None  # the edition's documents, for the search index
    progress: Any = None  # the progress bar of MkDocs' passes over the pages
    headings: HeadingsAndBlocks | None = None  # the fast conversion of entry pages
    converted: dict[str, tuple[str, list[dict[str, Any]]]] = field(default_factory=dict)  # by page: HTML, toc
    shells: Shells | None = None  # the fast rendering of entry pages into the theme


STATE = HookState()

log = logging.getLogger("mkdocs.edition")


def on_startup(command: str, dirty: bool = False, **_: Any) -> None:
    STATE.command = command
    if dirty:  # `mkdocs serve --dirty` is the README's way to serve; its warning must not stop a strict build
        logging.getLogger("mkdocs.commands.build").addFilter(KnownDirtyWarning())


class KnownDirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation stale (the README says so)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def on_config(config: Any, **_: Any) -> Any:
    try:
        STATE.search = engine(config["extra"])
    except ValueError as err:
        raise Abort(str(err)) from err
    if STATE.search == "pagefind":  # Material's search box and index give way to Pagefind's
        config["plugins"]["material/search"].config.enabled = False
        config["extra"]["pagefind_weights"] = pagefind.meta_weights()
    config["markdown_extensions"].append(PrerenderedHtml())  # the edition's HTML blocks go through as written
    # `mkdocs build` writes to a staging folder and swaps it in at the end, so a killed build
    # leaves the previous site whole (`mkdocs serve` keeps its own temporary folder).
    if STATE.command == "build":
        STATE.final_site = Path(config["site_dir"])
        config["site_dir"] = str(staging_dir(STATE.final_site))
    return config


def on_pre_build(config: Any, **_: Any) -> None:
    try:
        report = build(ROOT, Path(config["docs_dir"]), config.get("site_url"))
    except (InputError, ToolError) as err:
        # Abort before MkDocs cleans site/: the previous site and docs stay as they were.
        raise Abort(f"Edition build failed: {err}") from err
    config["nav"] = report.nav
    if STATE.nav not in (None, report.nav):
        # `serve --dirty` rebuilds only pages whose Markdown is newer than their HTML, but every page
        # shows the navigation: when it changes (a source added, removed or retitled), all are due.
        for markdown in Path(config["docs_dir"]).rglob("*.md"):
            markdown.touch()
    STATE.nav = report.nav
    # Keep only the search documents: the editions are let go before MkDocs renders (memory at scale).
    STATE.search_docs = report.search_docs
    if report.written or report.removed:
        log.info("edition: %d files written, %d removed", len(report.written), len(report.removed))


def on_files(files: Any, config: Any, **_: Any) -> Any:
    # a progress bar of MkDocs' two passes over the pages (converted, then written); quiet under CI
    pages = len(files.documentation_pages())
    STATE.progress = tqdm(total=2 * pages, desc="mkdocs", unit="step", leave=False, disable=quiet())
    # Entry pages, hundreds of them and alike, skip the costly parts of MkDocs' rendering: Markdown over
    # the whole page here, the theme's whole template in on_env (see the two modules).
    # EDITION_FAST_PAGES=off renders every page the usual way (the tests compare the two).
    if switched_on("EDITION_FAST_PAGES"):
        STATE.headings = HeadingsAndBlocks(Markdown(extensions=config["markdown_extensions"],
                                                    extension_configs=config["mdx_configs"]))
        STATE.converted = {}
    return files


def switched_on(variable: str, default: str = "on") -> bool:
    return os.environ.get(variable, default) != "off"


def on_env(env: Any, **_: Any) -> Any:
    if switched_on("EDITION_FAST_PAGES"):
        STATE.shells = Shells(env)
    return env


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    converted = STATE.headings.convert(markdown) if STATE.headings and "title" in page.meta else None
    if converted is None:
        return markdown
    STATE.converted[page.file.src_uri] = converted
    return ""  # nothing left for MkDocs' Markdown to do: on_page_content puts the page in


def on_page_content(html: str, page: Any, **_: Any) -> str:
    if page.file.src_uri in STATE.converted:
        html, tokens = STATE.converted.pop(page.file.src_uri)
        page.toc = get_toc(tokens)
        page.present_anchor_ids = set(heading_ids(tokens))  # for MkDocs' check of links to anchors
    if not switched_on("EDITION_KEEP_PAGES", "off"):
        page.markdown = ""  # converted; for a thousand sources it is hundreds of MB (see the docstring)
    _step()
    return html


def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    if STATE.shells:
        context["edition_page_html"] = STATE.shells.page_html(context, page)
    return context


def on_post_page(output: str, page: Any, **_: Any) -> str:
    if not switched_on("EDITION_KEEP_PAGES", "off"):
        page.content = ""  # written, and already indexed by the search plugin (on_page_context)
    _step()
    return output


def _step() -> None:
    if STATE.progress is not None:
        STATE.progress.update(1)


def on_post_build(config: Any, **_: Any) -> None:
    if STATE.progress is not None:
        STATE.progress.close()
        STATE.progress = None
    if STATE.shells:
        log.debug("edition: %d pages put into a shell of the theme", STATE.shells.filled)
        STATE.shells = None
    STATE.headings = None
    if STATE.search_docs is not None:
        write = pagefind.write_index if STATE.search == "pagefind" else lunr.rewrite_index
        try:
            write(Path(config["site_dir"]), STATE.search_docs)
        except ToolError as err:
            raise Abort(f"Search index failed: {err}") from err  # the staged site is not swapped in
        finally:
            STATE.search_docs = None
    drop_source_maps(Path(config["site_dir"]))
    if STATE.final_site is not None:
        swap_in(Path(config["site_dir"]), STATE.final_site)
    if STATE.command != "serve":
        # the build is over and the process ends: Python's last collection would walk every object
        # MkDocs and the edition made (a tenth of a small build) only for the system to free them all
        gc.freeze()


def drop_source_maps(site: Path) -> None:
    """The theme's source maps are for its developers: no page loads them, they are a third of the
    theme's weight, and a comment in them names this machine's address (127.0.0.1)."""
    for path in site.glob("assets/**/*.map"):
        path.unlink()


def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    for folder in ("seeds", "registry"):
        server.watch(str(ROOT / folder))
    return server
