#!/usr/bin/env python3
"""Benchmark the build: the five seeds, and synthetic corpora made from them (varied copies), at
several sizes. For each: the median wall time of each stage and of `mkdocs build`, the peak memory,
the number of pages and the size of the search index. Results go to scripts/benchmark-results.json,
from which the site's "Performance" page is made.

Usage: python scripts/benchmark.py [--sizes 5 50 200 1000] [--runs 3] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from edition.pipeline import build
from edition.workbench import ROOT, free_port, make_corpus, mkdocs_serve, wait_for


def peak_child_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def mkdocs_build(project: Path, search: str = "lunr") -> float:
    """Run `mkdocs build` with the given search engine; its wall time."""
    start = time.perf_counter()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EDITION_SEARCH=search)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"mkdocs build failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    return time.perf_counter() - start


def against_alone(project: Path, runs: int) -> dict:
    """`mkdocs build` with the edition (its stages' cache emptied, as in `measure`), the same once more
    with nothing changed (as a writer rebuilds), and `mkdocs build` of the very pages the edition wrote
    with its hook left out (its nav and its Markdown extension given in
    the config instead): what MkDocs and Material take by themselves. The two run in alternation, run for
    run, since a shared machine's speed drifts over minutes: measured apart, they compare its moods."""
    nav = build(project, project / "docs").nav
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    alone, hooks = re.subn(r"^hooks:\n(  - .*\n)+", "", config, flags=re.M)
    extension = "  - edition.render.prerendered:PrerenderedHtml\n"
    alone, extensions = re.subn(r"^markdown_extensions:\n", rf"\g<0>{extension}", alone, flags=re.M)
    if not hooks or not extensions:
        raise SystemExit("mkdocs.yml: no hooks or markdown_extensions section to replace")
    alone += yaml.safe_dump({"nav": nav}, allow_unicode=True)
    (project / "mkdocs-alone.yml").write_text(alone, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project / "scripts"))
    with_edition, again, by_itself = [], [], []
    for _ in range(runs):
        shutil.rmtree(project / "docs", ignore_errors=True)
        shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
        shutil.rmtree(project / ".cache" / "edition", ignore_errors=True)
        with_edition.append(mkdocs_build(project))
        again.append(mkdocs_build(project))  # nothing changed: the stages' cache and docs/ as the first left them
        build(project, project / "docs")  # untimed: the pages on disk, where MkDocs alone reads them
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-alone.yml", "-d",
                               "site-alone"], cwd=project, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"mkdocs build (alone) failed: {done.stderr[-2000:]}")
        by_itself.append(time.perf_counter() - start)
    shutil.rmtree(project / ".cache" / "edition", ignore_errors=True)
    alone = statistics.median(by_itself)
    return {"runs": runs, "with_edition_s": round(statistics.median(with_edition), 2), "alone_s": round(alone, 2),
            "ratio": round(statistics.median(with_edition) / alone, 2),
            "again_s": round(statistics.median(again), 2), "again_ratio": round(statistics.median(again) / alone, 2)}


def search_costs(project: Path) -> list[dict]:
    """The first query's cost with Material's lunr index (as built last), then with Pagefind."""
    costs = [search_cost(project / "site", "lunr")]
    seconds = mkdocs_build(project, "pagefind")
    costs.append(search_cost(project / "site", "pagefind") | {"mkdocs_build_s": round(seconds, 2)})
    return costs


def measure(project: Path, runs: int, with_registry: bool = True) -> dict:
    if not with_registry:
        for f in (project / "registry").glob("*s.yml"):
            f.unlink()
    build(project, project / "docs")  # untimed: formats the citations once (they keep their own cache)
    stage_runs: list[dict[str, float]] = []
    mkdocs_runs: list[float] = []
    edition_runs: list[float] = []
    for _ in range(runs):
        shutil.rmtree(project / "docs", ignore_errors=True)
        shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
        # every run from scratch: no cached stage (the citations keep their own cache, .cache/citations,
        # as a checkout does once its references have been formatted)
        shutil.rmtree(project / ".cache" / "edition", ignore_errors=True)
        start = time.perf_counter()
        seconds = build(project, project / "docs").seconds  # the report itself is let go, as in a real build
        edition_runs.append(time.perf_counter() - start)
        stage_runs.append(seconds)
        shutil.rmtree(project / ".cache" / "edition", ignore_errors=True)
        mkdocs_runs.append(mkdocs_build(project))
    stages = {k: statistics.median(r.get(k, 0.0) for r in stage_runs) for k in stage_runs[0]}
    index = project / "site" / "search" / "search_index.json"
    text_bytes = sum(p.stat().st_size for p in (project / "seeds").glob("*.txt"))
    return {
        "sources": len(list((project / "seeds").glob("*.txt"))),
        "text_mb": round(text_bytes / 2**20, 2),
        "runs": runs,
        "stages_s": {k: round(v, 3) for k, v in stages.items()},
        "edition_build_s": round(statistics.median(edition_runs), 2),
        "mkdocs_build_s": round(statistics.median(mkdocs_runs), 2),
        "annotate_mb_per_s": round(text_bytes / 2**20 / max(stages.get("annotate", 0.0), 1e-6), 1),
        "pages": sum(1 for _ in (project / "site").rglob("index.html")),
        "search_index_mb": round(index.stat().st_size / 2**20, 2) if index.exists() else 0,
        "peak_memory_mb": round(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, peak_child_mb())),
        "pictures": picture_sizes(project / "site"),
    }


SVG = re.compile(r"<svg.*?</svg>", re.S)


def picture_sizes(site: Path) -> dict:
    """The pictures' weight: SVG per entry page (median and largest), on the timeline and relations pages."""
    def svg_kb(path: Path) -> float:
        return sum(len(m) for m in SVG.findall(path.read_text(encoding="utf-8"))) / 1024 if path.exists() else 0.0

    entries = [svg_kb(p) for p in (site / "register").glob("*s/*/index.html")]
    return {"entry_svg_kb_median": round(statistics.median(entries), 1) if entries else 0,
            "entry_svg_kb_max": round(max(entries, default=0), 1),
            "timeline_svg_kb": round(svg_kb(site / "timeline" / "index.html"), 1),
            "relations_svg_kb": round(svg_kb(site / "register" / "relations" / "index.html"), 1)}


SEARCH_QUERY = "Janjaweed"
SEARCH_UI = {  # each engine's search box, and its result links
    "lunr": ("input.md-search__input", ".md-search-result__list .md-search-result__link"),
    "pagefind": ("input.pagefind-ui__search-input", ".pagefind-ui__result-link"),
}


def search_cost(site: Path, engine: str) -> dict:
    """What the first query costs a reader in headless Chromium: the bytes of search files downloaded
    (index, fragments, worker, wasm) and the seconds from opening the home page to the first result."""
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Quiet(*a, directory=str(site)))
    Thread(target=server.serve_forever, daemon=True).start()
    box, links = SEARCH_UI[engine]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        responses: list = []
        page.on("requestfinished", lambda r: responses.append(r))
        start = time.perf_counter()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.locator(box).fill(SEARCH_QUERY)
        page.locator(links).first.wait_for(timeout=300_000)
        seconds = time.perf_counter() - start
        searched = [r for r in responses if re.search(r"/(search|pagefind)/|workers/search", r.url)]
        size = sum(r.sizes()["responseBodySize"] for r in searched)
        browser.close()
    server.shutdown()
    return {"engine": engine, "query": SEARCH_QUERY, "requests": len(searched),
            "downloaded_mb": round(size / 2**20, 2), "first_result_s": round(seconds, 2)}


def edit(path: Path, old: str, new: str) -> None:
    """Replace words once; words no longer there stop the benchmark (an edit that changes nothing would
    wait for a page that never changes)."""
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"{path.name} no longer has {old!r}: update the benchmark's edit")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def serve_latency(project: Path) -> dict:
    """Seconds from saving an edit to `mkdocs serve --dirty` serving the changed page: one registry
    entry's description, then one source's text (the cache is warm, as it is after the first build)."""
    port = free_port()
    server = mkdocs_serve(project, port)

    def shows(path: str, text: str) -> float:
        start = time.perf_counter()
        wait_for(f"http://127.0.0.1:{port}/{path}", text)
        return time.perf_counter() - start

    try:
        shows("", "</html>")  # the first build is done
        time.sleep(3)  # and the rebuild that its own output triggers
        edit(project / "registry" / "actors.yml", "description: Hybrid African Union–United Nations",
             "description: Hybrid (benchmarked) African Union–United Nations")
        entry = shows("register/actors/unamid/", "Hybrid (benchmarked)")
        time.sleep(3)
        # words no curated reference quotes (registry/references.yml would rightly stop the build)
        edit(project / "seeds" / "004_95f8259ffee90718.txt", "shocked and horrified the world",
             "shocked and horrified the benchmarked world")
        source = shows("sources/kuperman-1996/", "benchmarked")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"registry_entry_edit_s": round(entry, 2), "source_edit_s": round(source, 2)}


def machine() -> dict:
    mem = Path("/proc/meminfo").read_text().split("\n")[0] if Path("/proc/meminfo").exists() else ""
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "memory": " ".join(mem.split()[1:]), "processor": platform.processor() or platform.machine()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 200, 1000])
    parser.add_argument("--runs", type=int, default=3, help="runs per size (sizes over 200 run once)")
    parser.add_argument("--search-sizes", type=int, nargs="*", default=[5, 1000],
                        help="sizes at which to measure a first search with each engine")
    parser.add_argument("--output", type=Path, default=ROOT / "scripts" / "benchmark-results.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this process: its row as JSON
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_size(args.one, args.runs, args.one in args.search_sizes)))
        return 0
    results = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "corpora": [],
               "notes": "The citations are formatted by citeproc-js once per corpus, before the timed runs, and kept "
                        "in their own cache (.cache/citations), as a checkout keeps them once its references have "
                        "been formatted, and so are the compiled templates (.cache/templates); the stages' cache "
                        "is emptied before every timed run."}
    for size in args.sizes:
        # each size in a process of its own, so that its peak memory is its own
        done = subprocess.run([sys.executable, __file__, "--one", str(size), "--runs", str(args.runs),
                               "--search-sizes", *map(str, args.search_sizes)], stdout=subprocess.PIPE, text=True,
                              check=False)
        if done.returncode != 0:
            raise SystemExit(f"benchmark of {size} sources failed")
        row = json.loads(done.stdout.strip().splitlines()[-1])
        results["corpora"].append(row)
        print(json.dumps(row), flush=True)
    args.output.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"written to {args.output}")
    return 0


def measure_size(size: int, runs: int, search: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        project = make_corpus(size, Path(tmp))
        row = measure(project, runs if size <= 200 else 1)
        if search:
            row["search"] = search_costs(project)
        if size == 5:
            row["against_alone"] = against_alone(project, max(runs, 5))
            row["serve_after_edit"] = serve_latency(project)
            row["without_annotation"] = measure(project, runs, with_registry=False)
        return row


if __name__ == "__main__":
    sys.exit(main())
