"""Every internal link of the built site, and every anchor it names, resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def ids_of(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {el["id"] for el in soup.select("[id]")}
    return cache[path]


def target_file(site: Path, page: Path, href: str) -> Path | None:
    path = unquote(urlsplit(href).path)
    if not path:
        return page
    resolved = (page.parent / path).resolve()
    if resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    cache: dict[Path, set[str]] = {}
    broken: list[str] = []
    checked = 0
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("a[href]"):
            href = a["href"]
            if href.startswith(("http://", "https://", "mailto:", "javascript:")):
                continue
            target = target_file(site, page, href)
            checked += 1
            where = f"{page.relative_to(site)} -> {href}"
            if target is None or not target.exists():
                broken.append(f"missing page: {where}")
                continue
            fragment = urlsplit(href).fragment
            if fragment and target.suffix == ".html" and fragment not in ids_of(target, cache):
                broken.append(f"missing anchor: {where}")
    assert checked > 10_000
    assert not broken, f"{len(broken)} broken links, e.g. {broken[:10]}"
