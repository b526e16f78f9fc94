"""A Pagefind index (https://pagefind.app): the browser fetches only the chunks a query needs, so the
first search costs about the same whether the site has five sources or a thousand.

The paragraphs and the entries are given to Pagefind as small pages of their own (the same documents
the lunr index gets), each carrying the address it stands for; every other page (home, registers,
timeline, ...) is indexed from its article as built. Pagefind's own indexer (from PyPI) does the rest."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import ToolError
from ..render.markup import macros
from . import SearchDoc, with_folded

OUTPUT = "pagefind"
RECORDS = "pagefind.html.j2"  # the templates of what Pagefind indexes
MAX_WORDS, MAX_PER_LENGTH = 8, 12  # the name fields n1x1 ... n8x12


def doc_html(doc: SearchDoc) -> str:
    """A document as a small page. An entry's name is its heading and title, and each of its names is
    also a metadata field of its own: `n{words}x{i}`, the i-th name of that many words, weighed by
    meta_weights() in proportion to 1/words, so that the entry whose name or alias the query matches whole
    (UNAMID) ranks above one whose longer name merely contains it (Friends of UNAMID)."""
    return str(macros(RECORDS).record(doc, name_fields(doc.names)))


def meta_weights() -> dict[str, float]:
    """Pagefind's ranking weights for the title and the name fields (the theme hands them to the search
    box): a name of w words weighs 12/w, so a query that matches a name whole outweighs one that
    matches part of a longer name."""
    weights = {"title": 5.0}
    for words in range(1, MAX_WORDS + 1):
        for i in range(1, MAX_PER_LENGTH + 1):
            weights[f"n{words}x{i}"] = round(12 / words, 3)
    return weights


def name_fields(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each name with its field: `n{words}x{i}`, the i-th name of that many words."""
    seen: dict[int, int] = {}
    fields = []
    for name in names:
        words = min(len(name.split()), MAX_WORDS)
        seen[words] = seen.get(words, 0) + 1
        if seen[words] <= MAX_PER_LENGTH:
            fields.append((f"n{words}x{seen[words]}", name))
    return fields


def page_with_folded(text: str) -> str:
    """A built page, with the accent-free forms of its article's words added to the article."""
    end = text.rfind("</article>")
    if end < 0:
        return text
    from bs4 import BeautifulSoup  # only for Pagefind: the usual (lunr) build does not load it

    plain = BeautifulSoup(text[text.find("<article"):end], "html.parser").get_text(" ")
    extra = with_folded(plain)[len(plain):]
    return text[:end] + (str(macros(RECORDS).folded(extra)) if extra else "") + text[end:]


def stage(site: Path, docs: list[SearchDoc], folder: Path) -> int:
    """Write what Pagefind indexes into `folder`; return the number of pages written."""
    for i, doc in enumerate(docs):
        path = folder / "records" / f"{i // 1000}" / f"{i}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc_html(doc), encoding="utf-8")
    made_here = {d.location for d in docs if "#" not in d.location}
    count = len(docs)
    for path in site.rglob("index.html"):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if url in made_here or url.startswith(("assets/", "search/", f"{OUTPUT}/")):
            continue
        out = folder / url / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page_with_folded(path.read_text(encoding="utf-8")), encoding="utf-8")
        count += 1
    return count


def write_index(site: Path, docs: list[SearchDoc]) -> int:
    """Write site/pagefind/; return the number of documents indexed."""
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        count = stage(site, docs, Path(tmp))
        done = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(site / OUTPUT),
             "--root-selector", "article", "--exclude-selectors", ".headerlink", "--force-language", "en",
             "--quiet"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ToolError(f"Pagefind failed to index the site: {done.stderr.strip() or done.stdout.strip()}")
    return count
