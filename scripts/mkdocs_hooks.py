"""A thin MkDocs hook: run the edition build before MkDocs reads docs/, and have
`mkdocs serve` watch the seeds and the registry. All logic lives in scripts/edition,
so the site can move to another renderer that reads mkdocs.yml (e.g. Zensical)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from markdown import Markdown
from mkdocs.exceptions import Abort
from mkdocs.structure.toc import get_toc
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from edition.errors import InputError  # noqa: E402
from edition.pipeline import build, quiet, staging_dir, swap_in  # noqa: E402
from edition.render.prerendered import HeadingsAndBlocks, PrerenderedHtml, heading_ids  # noqa: E402
from edition.render.shells import Shells  # noqa: E402
from edition.search import engine, lunr, pagefind  # noqa: E402

log = logging.getLogger("mkdocs.edition")
LAST: dict[str, Any] = {}  # what one build hands to the next event: command, report, final site


def on_startup(command: str, dirty: bool = False, **_: Any) -> None:
    LAST["command"] = command
    if dirty:  # `mkdocs serve --dirty` is the README's way to serve; its warning must not stop a strict build
        logging.getLogger("mkdocs.commands.build").addFilter(KnownDirtyWarning())


class KnownDirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation stale (the README says so)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def on_config(config: Any, **_: Any) -> Any:
    try:
        LAST["search"] = engine(config["extra"])
    except ValueError as err:
        raise Abort(str(err)) from err
    if LAST["search"] == "pagefind":  # Material's search box and index give way to Pagefind's
        config["plugins"]["material/search"].config.enabled = False
        config["extra"]["pagefind_weights"] = pagefind.meta_weights()
    config["markdown_extensions"].append(PrerenderedHtml())  # the edition's HTML blocks go through as written
    # `mkdocs build` writes to a staging folder and swaps it in at the end, so a killed build
    # leaves the previous site whole (`mkdocs serve` keeps its own temporary folder).
    if LAST.get("command") == "build":
        final = Path(config["site_dir"])
        LAST["final_site"] = final
        config["site_dir"] = str(staging_dir(final))
    return config


def on_pre_build(config: Any, **_: Any) -> None:
    try:
        report = build(ROOT, Path(config["docs_dir"]), config.get("site_url"))
    except InputError as err:
        # Abort before MkDocs cleans site/: the previous site and docs stay as they were.
        raise Abort(f"Edition build failed: {err}") from err
    config["nav"] = report.nav
    if LAST.get("nav") not in (None, report.nav):
        # `serve --dirty` rebuilds only pages whose Markdown is newer than their HTML, but every page
        # shows the navigation: when it changes (a source added, removed or retitled), all are due.
        for markdown in Path(config["docs_dir"]).rglob("*.md"):
            markdown.touch()
    LAST["nav"] = report.nav
    # Keep only the search documents: the editions are let go before MkDocs renders (memory at scale).
    LAST["search_docs"] = report.search_docs
    if report.written or report.removed:
        log.info("edition: %d files written, %d removed", len(report.written), len(report.removed))


def on_files(files: Any, config: Any, **_: Any) -> Any:
    # a progress bar of MkDocs' two passes over the pages (converted, then written); quiet under CI
    pages = len(files.documentation_pages())
    LAST["pages"] = tqdm(total=2 * pages, desc="mkdocs", unit="step", leave=False, disable=quiet())
    # Entry pages, hundreds of them and alike, skip the costly parts of MkDocs' rendering: Markdown over
    # the whole page here, the theme's whole template in on_env (see the two modules).
    # EDITION_FAST_PAGES=off renders every page the usual way (the tests compare the two).
    if fast_pages():
        LAST["headings"] = HeadingsAndBlocks(Markdown(extensions=config["markdown_extensions"],
                                                      extension_configs=config["mdx_configs"]))
        LAST["converted"] = {}
    return files


def fast_pages() -> bool:
    return os.environ.get("EDITION_FAST_PAGES", "on") != "off"


def on_env(env: Any, **_: Any) -> Any:
    if fast_pages():
        LAST["shells"] = Shells(env)
    return env


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    converted = LAST["headings"].convert(markdown) if "headings" in LAST and "title" in page.meta else None
    if converted is None:
        return markdown
    LAST["converted"][page.file.src_uri] = converted
    return ""  # nothing left for MkDocs' Markdown to do: on_page_content puts the page in


def on_page_content(html: str, page: Any, **_: Any) -> str:
    if page.file.src_uri in LAST.get("converted", {}):
        html, tokens = LAST["converted"].pop(page.file.src_uri)
        page.toc = get_toc(tokens)
        page.present_anchor_ids = set(heading_ids(tokens))  # for MkDocs' check of links to anchors
    page.markdown = ""  # converted: nothing later reads it, and for a thousand sources it is hundreds of MB
    if "pages" in LAST:
        LAST["pages"].update(1)
    return html


def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    if "shells" in LAST:
        context["edition_page_html"] = LAST["shells"].page_html(context, page)
    return context


def on_post_page(output: str, page: Any, **_: Any) -> str:
    page.content = ""  # written, and already indexed by the search plugin (on_page_context)
    if "pages" in LAST:
        LAST["pages"].update(1)
    return output


def on_post_build(config: Any, **_: Any) -> None:
    if "pages" in LAST:
        LAST.pop("pages").close()
    if "shells" in LAST:
        log.debug("edition: %d pages put into a shell of the theme", LAST.pop("shells").filled)
    LAST.pop("headings", None)
    if "search_docs" in LAST:
        write = pagefind.write_index if LAST["search"] == "pagefind" else lunr.rewrite_index
        write(Path(config["site_dir"]), LAST.pop("search_docs"))
    if "final_site" in LAST:
        swap_in(Path(config["site_dir"]), LAST["final_site"])


def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    for folder in ("seeds", "registry"):
        server.watch(str(ROOT / folder))
    return server
