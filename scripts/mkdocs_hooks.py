"""A thin MkDocs hook: run the edition build before MkDocs reads docs/, and have
`mkdocs serve` watch the seeds and the registry. All logic lives in scripts/edition,
so the site can move to another renderer that reads mkdocs.yml (e.g. Zensical).

MkDocs runs hooks after every plugin, event by event. Some of these events take over work MkDocs would
do for each page, for speed and for memory at a thousand sources:
- `on_files` adds the edition's pages as generated files, handed over in memory, not written to docs/
  and read back (EDITION_FAST_PAGES=off writes them);
- `on_page_content` empties `page.markdown` once the page is converted;
- a page left out of the search index has its content set aside from `on_page_content` to the hook's
  `on_page_context` (Material's search would only scan it), and `on_post_page` empties `page.content`
  once the page is made;
- `on_post_page` hands the page to a thread that writes it while MkDocs makes the next pages (MkDocs
  writes nothing for a page whose output is empty), and `on_post_build` waits for the last writes.
A plugin that reads `page.markdown`, `page.content` or the written pages later than MkDocs itself would
(an RSS feed, social cards, a PDF export) gets "" or no file yet: set EDITION_KEEP_PAGES=on for such a
plugin, and MkDocs keeps and writes every page as usual.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from markdown import Markdown
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.toc import get_toc
from tqdm import tqdm

from edition.errors import InputError, ToolError
from edition.pipeline import WriteBehind, build, quiet, staging_dir, swap_in
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
    handed: dict[str, str] = field(default_factory=dict)  # the edition's pages, by path, until on_files
    nav_changed: bool = False  # since the last build (under `serve`)
    page_hashes: dict[str, int] = field(default_factory=dict)  # the last build's pages (under `serve`)
    progress: Any = None  # the progress bar of MkDocs' passes over the pages
    headings: HeadingsAndBlocks | None = None  # the fast conversion of entry pages
    set_aside: dict[str, str] = field(default_factory=dict)  # by page: its content, while Material's search runs
    shells: Shells | None = None  # the fast rendering of entry pages into the theme
    writer: PageWriter | None = None  # writes the pages MkDocs makes


STATE = HookState()

log = logging.getLogger("mkdocs.edition")


def on_startup(command: str, dirty: bool = False, **_: Any) -> None:
    STATE.command = command
    if dirty:  # `mkdocs serve --dirty` is the README's way to serve; its warning must not stop a strict build
        logging.getLogger("mkdocs.commands.build").addFilter(KnownDirtyWarning())
    logging.getLogger("mkdocs.commands.build").addFilter(WrittenByTheHook())


class KnownDirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation stale (the README says so)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


class WrittenByTheHook(logging.Filter):
    """Drops MkDocs' note that a page "generated empty output" when the hook's writer wrote it."""

    def filter(self, record: logging.LogRecord) -> bool:
        writer = STATE.writer
        return writer is None or record.getMessage() != f"Page skipped: '{writer.last}'. Generated empty output."


class PageWriter(WriteBehind):
    """MkDocs' pages, written while it makes the next ones."""

    def __init__(self) -> None:
        super().__init__()
        self.last = ""  # the page just handed over, which MkDocs notes as skipped

    def write(self, uri: str, data: bytes, path: str) -> None:
        self.last = uri
        self.submit(uri, write_page, data, path)


def write_page(data: bytes, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


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
    # The pages go to MkDocs in memory (on_files), not through docs/: writing and reading back some
    # 750 files is a good part of a build. EDITION_FAST_PAGES=off writes them, and MkDocs reads them.
    hand_over = InMemory() if switched_on("EDITION_FAST_PAGES") else None
    try:
        report = build(ROOT, Path(config["docs_dir"]), config.get("site_url"), hand_over)
    except (InputError, ToolError) as err:
        # Abort before MkDocs cleans site/: the previous site and docs stay as they were.
        raise Abort(f"Edition build failed: {err}") from err
    config["nav"] = report.nav
    STATE.handed = report.handed
    STATE.nav_changed = STATE.nav not in (None, report.nav)
    if STATE.nav_changed:
        # `serve --dirty` rebuilds only pages whose Markdown is newer than their HTML, but every page
        # shows the navigation: when it changes (a source added, removed or retitled), all are due.
        for markdown in Path(config["docs_dir"]).rglob("*.md"):
            markdown.touch()
    STATE.nav = report.nav
    # Keep only the search documents: the editions are let go before MkDocs renders (memory at scale).
    STATE.search_docs = report.search_docs
    if report.written or report.removed:
        log.info("edition: %d files written, %d removed", len(report.written), len(report.removed))


class InMemory:
    """Which of the edition's outputs go to MkDocs in memory: its Markdown pages, up to a budget. The seeds'
    pages are some 15 MB; a thousand sources' are some 300 MB, which past the budget are written to docs/
    and read back, as MkDocs reads any page, so that they are not all held at once."""

    BUDGET = 40_000_000  # characters

    def __init__(self) -> None:
        self.left = self.BUDGET

    def __call__(self, path: str, text: str) -> bool:
        if not path.endswith(".md") or len(text) > self.left:
            return False
        self.left -= len(text)
        return True


class HandedPage(File):
    """A page the edition handed over in memory (`File.generated`). Under `serve --dirty`, MkDocs makes
    it again only when its text or the navigation changed (a generated file is otherwise always due)."""

    modified = True

    def is_modified(self) -> bool:
        return self.modified


def on_files(files: Any, config: Any, **_: Any) -> Any:
    hashes = {}
    for uri, text in STATE.handed.items():
        if (copy := files.get_file_from_path(uri)) is not None:
            files.remove(copy)  # left in docs/ by an older build, or by scripts/build.py: this one is newer
        page = HandedPage.generated(config, uri, content=text)
        if STATE.command == "serve":
            hashes[uri] = hash(text)
            page.modified = STATE.nav_changed or STATE.page_hashes.get(uri) != hashes[uri]
        files.append(page)
    if STATE.handed:
        files = Files(sorted(files, key=file_sort_key))  # where get_files would have put them: the same site
    STATE.handed, STATE.page_hashes = {}, hashes
    # a progress bar of MkDocs' two passes over the pages (converted, then written); quiet under CI
    pages = len(files.documentation_pages())
    STATE.progress = tqdm(total=2 * pages, desc="mkdocs", unit="step", leave=False, disable=quiet())
    # Entry pages, hundreds of them and alike, skip the costly parts of MkDocs' rendering: Markdown over
    # the whole page here, the theme's whole template in on_env (see the two modules).
    # EDITION_FAST_PAGES=off renders every page the usual way (the tests compare the two).
    if switched_on("EDITION_FAST_PAGES"):
        STATE.headings = HeadingsAndBlocks(Markdown(extensions=config["markdown_extensions"],
                                                    extension_configs=config["mdx_configs"]))
    STATE.set_aside = {}
    STATE.writer = None if keep_pages() else PageWriter()
    return files


def switched_on(variable: str, default: str = "on") -> bool:
    return os.environ.get(variable, default) != "off"


def keep_pages() -> bool:
    return switched_on("EDITION_KEEP_PAGES", "off")


def on_env(env: Any, **_: Any) -> Any:
    # the theme's templates (Material's fifty) compiled once and kept, as the edition keeps its own: each is
    # keyed by its text, so an upgraded or overridden template is compiled again
    if not env.bytecode_cache and switched_on("EDITION_CACHE"):
        folder = ROOT / ".cache" / "templates" / "theme"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    if switched_on("EDITION_FAST_PAGES"):
        STATE.shells = Shells(env)
    return env


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if isinstance(page.file, HandedPage):
        page.file.content_string = ""  # read: the page holds its Markdown now
    converted = STATE.headings.convert(markdown) if STATE.headings and "title" in page.meta else None
    if converted is None:
        return markdown
    # MkDocs' next step, `page.render`, would build a Markdown converter for this page only to convert "":
    # the page is rendered here instead (the attribute is removed again in on_page_content)
    page.render = functools.partial(put_in, page, *converted)
    return ""


def put_in(page: Any, html: str, tokens: list[dict[str, Any]], *_: Any) -> None:
    """What MkDocs' `Page.render` sets, from the hook's own conversion."""
    page.content = html
    page.toc = get_toc(tokens)
    page.present_anchor_ids = set(heading_ids(tokens))  # for MkDocs' check of links to anchors


def on_page_content(html: str, page: Any, **_: Any) -> str:
    page.__dict__.pop("render", None)
    if not keep_pages():
        page.markdown = ""  # converted; for a thousand sources it is hundreds of MB (see the docstring)
        if (page.meta.get("search") or {}).get("exclude") and "data-search-" not in html:
            # Material's search skips the page, yet scans its content for attributes it has none of
            STATE.set_aside[page.file.src_uri] = html
            html = ""
    _step()
    return html


def on_page_context(context: Any, page: Any, **_: Any) -> Any:
    if page.file.src_uri in STATE.set_aside:
        page.content = STATE.set_aside.pop(page.file.src_uri)
    if STATE.shells:
        context["edition_page_html"] = STATE.shells.page_html(context, page)
    return context


def on_post_page(output: str, page: Any, **_: Any) -> str:
    _step()
    if keep_pages():
        return output
    page.content = ""  # made, and already indexed by the search plugin (on_page_context)
    if STATE.writer is None or not output.strip():
        return output
    STATE.writer.write(page.file.src_uri, output.encode("utf-8", errors="xmlcharrefreplace"),
                       page.file.abs_dest_path)
    return ""  # MkDocs writes no page whose output is empty: the writer does


def _step() -> None:
    if STATE.progress is not None:
        STATE.progress.update(1)


def on_post_build(config: Any, **_: Any) -> None:
    if STATE.writer is not None:
        writer, STATE.writer = STATE.writer, None
        writer.close()
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


def on_build_error(**_: Any) -> None:
    if STATE.writer is not None:  # the staged site is not swapped in: what is not written yet need not be
        STATE.writer.close(failed=True)
        STATE.writer = None


def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    for folder in ("seeds", "registry"):
        server.watch(str(ROOT / folder))
    return server
