"""The "Performance" page: the benchmark's last figures (scripts/benchmark-results.json)."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[2] / "benchmark-results.json"  # written by scripts/benchmark.py
STAGES = ["read", "registry", "repair", "segment", "annotate", "index", "cite", "render", "write"]


def performance_markdown(results_file: Path = RESULTS) -> str | None:
    if not results_file.exists():
        return None
    data = json.loads(results_file.read_text(encoding="utf-8"))
    m = data["machine"]
    out = ["---", "title: Performance", "---", "", "# Performance", "",
           f"Measured on {data['date']} with `python scripts/benchmark.py`: {m['cpus']} cores, {m['memory']} of "
           f"memory, {m['processor']}, Python {m['python']} ({m['platform']}). Corpora beyond the five seeds are "
           "varied copies of them (paragraphs dropped and reordered, words swapped). Times are medians of the runs "
           "shown, in seconds; each build starts from empty output." + (f" {data['notes']}" if data.get("notes")
                                                                         else ""), "",
           "## Builds", "",
           "| Sources | Text (MB) | Runs | Edition build (s) | `mkdocs build` (s) | Pages | Search index (MB) | "
           "Peak memory (MB) | Annotation (MB/s) |",
           "|" + "---:|" * 9]
    for row in data["corpora"]:
        out.append(f"| {row['sources']} | {row['text_mb']} | {row['runs']} | {row['edition_build_s']} | "
                   f"{row['mkdocs_build_s']} | {row['pages']} | {row['search_index_mb']} | {row['peak_memory_mb']} | "
                   f"{row['annotate_mb_per_s']} |")
    out += ["", "## Time per stage of the edition build (s)", "",
            "Stages that run per source on both cores (read, repair, segment) show the time summed over the "
            "workers.", "",
            "| Sources | " + " | ".join(STAGES) + " |", "|" + "---:|" * (len(STAGES) + 1)]
    for row in data["corpora"]:
        out.append(f"| {row['sources']} | " + " | ".join(f"{row['stages_s'].get(s, 0):.2f}" for s in STAGES) + " |")
    out += _growth(data) + _seeds(data)
    return "\n".join(out + _serve(data) + _search(data)) + "\n"


def _growth(data: dict) -> list[str]:
    """Whether build time grows linearly: the largest corpus against the one a fifth of its size."""
    rows = {r["sources"]: r for r in data["corpora"]}
    big = max(rows, default=0)
    small = rows.get(big // 5)
    if not small:
        return []
    ratio = rows[big]["mkdocs_build_s"] / small["mkdocs_build_s"]
    return ["", f"{big} sources take {ratio:.2f} times as long to build as {big // 5} (the goal: at most 5.5, "
            "for growth in proportion to the sources); the slowest annotation is "
            f"{min(r['annotate_mb_per_s'] for r in rows.values())} MB/s (the goal: at least 5)."]


def _seeds(data: dict) -> list[str]:
    """The seeds' whole build against the goal (at most twice `mkdocs build` with no annotation), and
    against MkDocs and Material rendering the same pages by themselves."""
    seeds = next((r for r in data["corpora"] if r.get("without_annotation")), None)
    if not seeds:
        return []
    base = seeds["without_annotation"]
    out = ["", "## The seeds against a build without annotation", "",
           f"Without the registers (no annotation, so no mentions, registers or entry pages: {base['pages']} pages) "
           f"`mkdocs build` of the seeds takes {base['mkdocs_build_s']} s. With them ({seeds['pages']} pages) it "
           f"takes {seeds['mkdocs_build_s']} s, {seeds['mkdocs_build_s'] / base['mkdocs_build_s']:.2f} times that "
           "(the goal: at most 2)."]
    if seeds.get("mkdocs_alone_s"):
        out += ["", f"`mkdocs build` of the same {seeds['pages']} pages with the edition's hook left out takes "
                f"{seeds['mkdocs_alone_s']} s: MkDocs and Material by themselves, converting the Markdown the edition "
                "wrote and rendering Material's template for every page. The whole build, the edition's stages "
                f"included, takes {seeds['mkdocs_build_s'] / seeds['mkdocs_alone_s']:.2f} times that, because the "
                "entry pages skip most of that work: Markdown converts only their headings, and each is put into a "
                "copy of Material's page rendered once per register (`scripts/edition/render/shells.py`)."]
    return out


def _serve(data: dict) -> list[str]:
    row = next((r["serve_after_edit"] for r in data["corpora"] if r.get("serve_after_edit")), None)
    if not row:
        return []
    return ["", "## Editing under `mkdocs serve --dirty`", "",
            "Seconds from saving an edit to the server serving the changed page, for the seeds, with the cache "
            f"warm: one registry entry's description, {row['registry_entry_edit_s']} s; one source's text, "
            f"{row['source_edit_s']} s."]


def _search(data: dict) -> list[str]:
    rows = [(r["sources"], s) for r in data["corpora"] for s in r.get("search", [])]
    if not rows:
        return []
    out = ["", "## Search: the first query", "",
           "Opening the home page in headless Chromium and typing a query, with each engine `extra.search` in "
           "`mkdocs.yml` can choose: the search files downloaded (index, chunks, worker) and the time from "
           "opening the page to the first result shown.", "",
           "| Sources | Engine | Query | Requests | Downloaded (MB) | First result (s) |",
           "|---:|---|---|---:|---:|---:|"]
    for sources, s in rows:
        out.append(f"| {sources} | {s['engine']} | {s['query']} | {s['requests']} | {s['downloaded_mb']} | "
                   f"{s['first_result_s']} |")
    return out
