"""The whole build: read -> repair -> segment -> render -> write.

Every input is read and checked before the first file is written, so a bad input
leaves the previous output as it was; pages are then written one at a time as they
are made, so that a thousand sources do not have to fit in memory at once.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import functools
import gc
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .annotate import Matcher, annotate
from .cache import Cache, digest
from .cite import csl_item, edition_item, format_references
from .cite.csl import PARAGRAPH, overrides
from .cite.processor import Request
from .errors import InputError
from .index import Index, build_index
from .model import Edition, Source
from .read import load_source, read, slug
from .read.site import Site, load_site
from .registry import Registry, check_evidence, load_registry
from .render.citations import Citations, how_to_cite_markdown, page_cites
from .render.exports import entries_json, mentions_csv, mentions_json
from .render.markup import keep_compiled
from .render.performance import performance_markdown
from .render.registers import register_makers
from .render.site_pages import (
    ALL_SOURCES,
    about_markdown,
    all_sources_markdown,
    edition_json,
    home_markdown,
    short_titles,
    site_nav,
    sources_json,
)
from .render.source_page import mention_links, source_markdown
from .render.workers import Maker, Pages, made
from .repair import repair
from .repair.lexicon import load_protected, zipf
from .search import SearchDoc, search_docs
from .segment import segment
from .urls import Here, published_address, source_page

log = logging.getLogger("edition")
PARALLEL_FROM = 2  # one source alone (an edit under `mkdocs serve`) is quicker without a pool
MANIFEST = ".generated.json"


@dataclass
class Report:
    editions: list[Edition]
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    nav: list[Any] = field(default_factory=list)
    registry: Any = None
    seconds: dict[str, float] = field(default_factory=dict)  # time spent in each stage
    search_docs: list[SearchDoc] = field(default_factory=list)  # for the search engine, after MkDocs
    reused: list[str] = field(default_factory=list)  # sources taken from the cache, unchanged since
    handed: dict[str, str] = field(default_factory=dict)  # pages handed over in memory, not written to docs/


NO_ADDRESS = ("mkdocs.yml sets no site_url (or one on this machine): citations, the edition's references "
              "and its downloads carry no web address; set site_url where the site is published")


def build(root: Path, docs: Path | None = None, site_url: str | None = None,
          hand_over: Callable[[str, str], bool] | None = None) -> Report:
    """Build every source in `root/seeds` into `docs` (default `root/docs`); `site_url` is where the
    site is published (mkdocs.yml's), if it is. The outputs `hand_over` chooses (by path in docs/ and
    text) are not written but handed over in the report (`Report.handed`): MkDocs' hook takes pages so."""
    with fewer_collections():
        return _build(root, docs, site_url, hand_over)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cycle collector, run less often while a build makes its many small objects (few of them
    in cycles), and never over the modules loaded before it: a tenth of the build's time otherwise."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(20_000, 20, 50)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _build(root: Path, docs: Path | None, site_url: str | None,
           hand_over: Callable[[str, str], bool] | None) -> Report:
    site_url = published_address(site_url)
    if site_url is None:
        say_once(NO_ADDRESS)
    root = root.resolve()
    docs = (docs or root / "docs").resolve()
    seeds = root / "seeds"
    warnings: list[str] = []
    clock = Clock(progress=True)
    sources = load_sources(seeds, warnings)
    said = len(warnings)
    site = load_site(seeds, warnings)
    for warning in warnings[said:]:
        log.warning(warning)
    clock.lap("read")
    cache = Cache(root / ".cache" / "edition")
    keep_compiled(root / ".cache" / "templates" if cache.folder else None)  # compiled templates, by their text
    registry = cached_registry(root / "registry", cache)
    protected = load_protected(root / "registry" / "protected.yml") | registry.names()
    clock.lap("registry")
    ledger_dir = seeds / "anchors"
    editions: list[Edition] = []
    ledgers: dict[Path, str] = {}
    edited, reused = edit_all(sources, protected, ledger_dir, cache)
    for edition, ledger, seconds in edited:
        editions.append(edition)
        ledgers[ledger_dir / f"{edition.source.id}.json"] = ledger
        for stage, value in seconds.items():
            clock.add(stage, value)
    clock.last = time.perf_counter()
    check_evidence(registry, {e.source.id: {b.anchor for b in e.blocks if b.anchor} for e in editions})
    matcher = Matcher(registry)
    for edition in editions:
        clock.timed("annotate", annotate, edition, matcher, registry.references)
    index = clock.timed("index", build_index, registry, editions)
    version = edition_version(root)
    titles = " ".join(str(e.source.meta.get("title", "")) for e in editions)
    # citations have a cache of their own: formatted once for a set of references and styles (citeproc-js
    # takes seconds), kept when the stages' cache is emptied
    citations = Cache(root / ".cache" / "citations")
    references = clock.timed("cite", cite_all, editions, version, site_url, registry.proper_names(titles),
                             site.citation_title, citations)
    searched = clock.timed("index", search_docs, editions, index)
    report = Report(editions, warnings=warnings, nav=site_nav(editions, index), registry=registry,
                    seconds=clock.seconds, search_docs=searched, reused=reused)
    # each page is written as soon as it is made, not all held at once (every input was checked above)
    outputs = render(editions, version, index, references, site)
    if hand_over is not None:
        outputs = held_back(outputs, hand_over, report.handed)
    report.written, report.removed = write_outputs(docs, outputs, clock)
    for path, text in ledgers.items():
        write_if_changed(path, text)
    cache.prune()
    citations.prune()
    clock.lap("write")
    clock.close()
    return report


@functools.cache
def say_once(message: str) -> None:
    """Log a message once a process (`mkdocs serve` builds again at each change)."""
    log.info(message)


def edit_one(source: Source, protected: frozenset[str], ledger_dir: Path) -> tuple[Edition, str, dict[str, float]]:
    """Read, repair and segment one source; the stages' times (CPU time of the worker that ran them)."""
    clock = Clock()
    layout = clock.timed("read", read, source)
    blocks = clock.timed("repair", repair, source, layout, protected)
    edition, ledger = clock.timed("segment", segment, source, layout, blocks, ledger_dir)
    for block in edition.blocks:
        block.offsets = []  # a raw offset per character: only segmentation needs them (a third of the memory)
    return edition, ledger, clock.seconds


Edited = tuple[Edition, str, dict[str, float]]


def edit_all(sources: list[Source], protected: frozenset[str], ledger_dir: Path,
             cache: Cache | None = None) -> tuple[list[Edited], list[str]]:
    """Every source: from the cache when nothing it depends on has changed, else read, repaired and
    segmented anew, on every core when there are many (each source is independent of the others).
    Also the ids of the sources taken from the cache."""
    cache = cache or Cache(None)
    protected_digest = digest(*sorted(protected))
    keys = [source_key(s, protected_digest, ledger_dir) for s in sources]
    results: list[Edited | None] = [cache.get(k) for k in keys]
    todo = {i for i, r in enumerate(results) if r is None}
    workers = min(os.cpu_count() or 1, 8)
    progress = tqdm(total=len(todo), desc="sources", unit="src", disable=quiet() or not todo, leave=False)
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        zipf("the")  # load the word frequencies before the workers fork, so that they share one copy
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {i: pool.submit(edit_one, sources[i], protected, ledger_dir) for i in todo}
            for i, future in futures.items():
                results[i] = future.result()
                progress.update()
    else:
        for i in todo:
            results[i] = edit_one(sources[i], protected, ledger_dir)
            progress.update()
    progress.close()
    for i in todo:
        cache.put(keys[i], results[i])
    reused = [s.id for i, s in enumerate(sources) if i not in todo]
    return [r if i in todo else (r[0], r[1], {}) for i, r in enumerate(results) if r is not None], reused


def source_key(source: Source, protected_digest: str, ledger_dir: Path) -> str:
    """Everything reading, repairing and segmenting a source depends on."""
    ledger = ledger_dir / f"{source.id}.json"
    return digest("source", source.id, source.path.name, source.text,
                  json.dumps(source.meta, sort_keys=True, default=str), protected_digest,
                  ledger.read_bytes() if ledger.exists() else b"")


def cached_registry(folder: Path, cache: Cache) -> Registry:
    """The registry, loaded and checked again only when one of its files has changed."""
    files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    key = digest("registry", *(part for f in files for part in (f.name, f.read_bytes())))
    registry = cache.get(key)
    if registry is None:
        registry = load_registry(folder)
        cache.put(key, registry)
    return registry


def quiet() -> bool:
    """No progress bar under CI, or when nobody watches the terminal."""
    return os.environ.get("CI", "").lower() == "true" or not sys.stderr.isatty()


STAGES = ("read", "registry", "repair", "segment", "annotate", "index", "cite", "render", "write")


class Clock:
    """Wall time per stage, for the build's report and the benchmark; with `progress`, a progress bar
    of the stages done (quiet under CI)."""

    def __init__(self, progress: bool = False) -> None:
        self.seconds: dict[str, float] = {}
        self.last = time.perf_counter()
        self.bar = tqdm(total=len(STAGES), desc="edition", unit="stage", leave=False,
                        disable=quiet() or not progress)

    def timed(self, stage: str, fn: Any, *args: Any) -> Any:
        self.bar.set_postfix_str(stage, refresh=True)
        start = time.perf_counter()
        result = fn(*args)
        self.add(stage, time.perf_counter() - start)
        self.last = time.perf_counter()
        return result

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.add(stage, now - self.last)
        self.last = now

    def add(self, stage: str, seconds: float) -> None:
        if stage not in self.seconds and stage in STAGES:
            self.bar.update(1)
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def close(self) -> None:
        self.bar.close()


def load_sources(seeds: Path, warnings: list[str]) -> list[Source]:
    paths = sorted(seeds.glob("*.txt"))
    if not paths:
        raise InputError(seeds, "no sources: put NAME.txt files here")
    sources: list[Source] = []
    used: set[str] = set()
    for path in paths:
        source = load_source(path)
        if source.meta_path is None:
            msg = f"{path}: no metadata file {path.with_suffix('.yml').name}; title taken from the text"
            warnings.append(msg)
            log.warning(msg)
        if source.id in used:
            new_id = f"{source.id}-{slug(path.stem)}"
            msg = f"{path}: id {source.id!r} is taken by another source; this one is {new_id!r}"
            warnings.append(msg)
            log.warning(msg)
            source.meta["id"] = new_id
            source = Source(new_id, source.path, source.text, source.meta, source.meta_path)
        used.add(source.id)
        sources.append(source)
    return sources


def cite_all(editions: list[Edition], version: str, site_url: str | None, proper: frozenset[str],
             edition_title: str, cache: Cache | None = None) -> dict[str, Citations]:
    """References in every style, for each source (with each printed page its paragraphs are on) and
    for its reading edition (with a paragraph)."""
    requests, made = [], []
    for e in editions:
        url = f"{site_url}sources/{e.source.id}/" if site_url else None
        item = csl_item(e.source.meta, proper)
        edition = edition_item(e.source.meta, url, version, edition_title, proper)
        cites = {item["id"]: page_cites(e.blocks),
                 edition["id"]: [{"key": "paragraph", "locator": PARAGRAPH, "label": "paragraph"}]}
        requests.append(Request([item, edition], overrides(e.source.meta, item, edition), cites))
        made.append((e.source, url, item, edition))
    formatted = format_references(requests, cache)
    return {source.id: Citations(source.id, url, formatted, item, edition, source.meta)
            for source, url, item, edition in made}


PARALLEL_PAGES = 300  # entries from which pages are made on every core (forking costs a few tens of ms)


def render(editions: list[Edition], version: str, index: Index, references: dict[str, Citations],
           site: Site) -> Iterator[tuple[str, str]]:
    """Every output file as (path relative to docs/, text), a few at a time; made on every core for a
    corpus of some size (render/workers.py)."""
    return made(page_makers(editions, version, index, references, site), parallel=len(index.entries) >= PARALLEL_PAGES)


def page_makers(editions: list[Edition], version: str, index: Index, references: dict[str, Citations],
                site: Site) -> list[Maker]:
    """The makers of every output file, each source's pages and the registers' in makers of their own."""
    links = mention_links(index.registry, Here(source_page("any")))  # every source page is as deep
    titles = short_titles(editions)

    def site_pages() -> Pages:
        listed = all_sources_markdown(editions)
        return [("index.md", home_markdown(editions, version, site)),
                *([(ALL_SOURCES, listed)] if listed is not None else []),
                ("about.md", about_markdown(editions, version, list(index.registry.entries.values()), site)),
                ("how-to-cite.md", how_to_cite_markdown(editions, references, site)),
                *([("performance.md", performance)] if (performance := performance_markdown()) else [])]

    def data_files() -> Pages:
        return [("data/sources.json", sources_json(editions, version)), ("data/entries.json", entries_json(index)),
                ("data/mentions.json", mentions_json(index)), ("data/mentions.csv", mentions_csv(index))]

    def source_pages(e: Edition) -> Pages:
        cites = references[e.source.id]
        return [(source_page(e.source.id), source_markdown(e, version, titles[e.source.id], links, cites,
                                                           index.registry.entries)),
                (f"data/edition/{e.source.id}.json", edition_json(e, version)), *cites.downloads().items()]

    return [site_pages, data_files, *(functools.partial(source_pages, e) for e in editions), *register_makers(index)]


def edition_version(root: Path) -> str:
    """The date of the edition: EDITION_VERSION, else the last commit's date, else today."""
    if os.environ.get("EDITION_VERSION"):
        return os.environ["EDITION_VERSION"]
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%cs"], capture_output=True,
                             text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out or dt.date.today().isoformat()


def held_back(outputs: Iterable[tuple[str, str]], hold: Callable[[str, str], bool],
              into: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The outputs but those `hold` chooses, which are put `into` the dict instead (by path)."""
    for rel, text in outputs:
        if hold(rel, text):
            into[rel] = text
        else:
            yield rel, text


def write_outputs(docs: Path, outputs: Iterable[tuple[str, str]],
                  clock: Clock | None = None) -> tuple[list[str], list[str]]:
    """Write what changed, each file atomically; remove files an earlier build wrote and this one did not.
    Making the files is timed as the render stage (the writes overlap it), the wait for the last writes
    as the write stage."""
    manifest = docs / MANIFEST
    try:
        before = set(json.loads(manifest.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        before = set()
    made: set[str] = set()
    writes = WriteBehind()
    with writes:
        for rel, text in outputs:
            if clock:
                clock.lap("render")
            made.add(rel)
            writes.submit(rel, write_if_changed, docs / rel, text)
    written = writes.done
    if clock:
        clock.lap("write")
    removed = []
    for rel in sorted(before - made):
        path = docs / rel
        if path.is_file():
            path.unlink()
            removed.append(rel)
    write_if_changed(manifest, json.dumps(sorted(made), indent=0) + "\n")
    return sorted(written), removed


class WriteBehind:
    """Files written by a thread while the next are made: writing waits on the disk, not on Python. A few
    at a time (AHEAD), so that a thousand sources' pages are not all held at once. Leaving the `with`
    block waits for the last writes, and a write that failed raises its error there; `done` lists the
    names of the writes that said they wrote (returned a true value)."""

    AHEAD = 8

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.pending: collections.deque[tuple[str, Future[Any]]] = collections.deque()
        self.done: list[str] = []

    def submit(self, name: str, write: Callable[..., Any], *args: Any) -> None:
        self.pending.append((name, self.pool.submit(write, *args)))
        while len(self.pending) > self.AHEAD:
            self._collect()

    def _collect(self) -> None:
        name, future = self.pending.popleft()
        if future.result():
            self.done.append(name)

    def close(self, failed: bool = False) -> None:
        """Wait for the last writes (a write that failed raises its error here); after a failure, drop them."""
        try:
            while self.pending and not failed:
                self._collect()
        finally:
            self.pool.shutdown(cancel_futures=failed)

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(failed=exc[0] is not None)


def write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False  # unchanged files keep their time stamps, so `mkdocs serve` does not loop
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{hashlib.sha1(data).hexdigest()[:8]}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def staging_dir(final: Path) -> Path:
    """Where a site is written before it replaces `final` (a killed build leaves `final` as it was)."""
    restore_interrupted_swap(final)
    staging = final.with_name(final.name + ".partial")
    if staging.exists():
        shutil.rmtree(staging)
    return staging


def swap_in(staging: Path, final: Path) -> None:
    """Put a finished site in place of the old one by renaming: readers see the old site or the new."""
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    shutil.rmtree(old, ignore_errors=True)


def restore_interrupted_swap(final: Path) -> None:
    old = final.with_name(final.name + ".old")
    if not final.exists() and old.exists():
        os.replace(old, final)  # a build was killed between the two renames
