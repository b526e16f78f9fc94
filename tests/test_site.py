"""The built site: its pages, its data files, and nothing fetched from outside it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from support import SOURCE_IDS, edition_data, page


def test_home_lists_every_source_with_its_metadata(site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"].rstrip("/").split("/")[-1] for a in soup.select("article h3 a:not(.headerlink)")}
    assert links == set(SOURCE_IDS)
    text = soup.select_one("article").get_text()
    assert "Kelly Maddox" in text and "Genocide Studies and Prevention" in text and "SAIS Review" in text
    assert "‘Liberat[ing] Mankind" in text  # a quoted title keeps its own quotes, as single ones


def test_every_source_page_names_its_edition_version(site: Path) -> None:
    for source_id in SOURCE_IDS:
        version = page(site, source_id).select_one(".edition-meta .version").get_text()
        assert re.search(r"version \d{4}-\d{2}-\d{2}", version)


def test_about_page_counts_each_sources_repairs_as_its_apparatus_lists_them(site: Path) -> None:
    about = BeautifulSoup((site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    table = next(t for t in about.select("table") if "words run together" in t.get_text())
    kinds = [th.get_text() for th in table.select("thead th")][1:-1]
    rows = {tr.td.a["href"].split("/")[-2]: [int(td.get_text()) for td in tr.select("td")[1:]]
            for tr in table.select("tbody tr")}
    assert sorted(rows) == sorted(SOURCE_IDS)
    labels = dict(zip(kinds, range(len(kinds)), strict=True))
    for source_id, counts in rows.items():
        apparatus = edition_data(site, source_id)["apparatus"]
        assert counts[-1] == len(apparatus), source_id
        assert sum(counts[:-1]) == len(apparatus), source_id
        assert counts[labels["words run together"]] == sum(r["kind"] == "glued-words" for r in apparatus)


def test_data_export(site: Path) -> None:
    sources = json.loads((site / "data" / "sources.json").read_text(encoding="utf-8"))["sources"]
    assert [s["id"] for s in sources] == SOURCE_IDS
    maddox = next(s for s in sources if s["id"] == "maddox-2015")
    assert maddox["url"] == "sources/maddox-2015/" and maddox["metadata"]["DOI"] == "10.5038/1911-9933.9.1.1263"
    assert (site / maddox["url"] / "index.html").exists()
    edition = json.loads((site / maddox["data"]).read_text(encoding="utf-8"))
    block = next(b for b in edition["blocks"] if b["anchor"] == "p1")
    assert block["kind"] == "paragraph" and block["pages"] == ["49"] and block["text"].startswith("The creation")
    assert {"kind", "anchor", "start", "end", "original", "new"} <= set(edition["apparatus"][0])


def test_no_page_loads_anything_from_outside_the_site(site: Path) -> None:
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for el in soup.select("script[src], link[href], img[src], iframe[src], source[src]"):
            url = el.get("src") or el.get("href")
            if el.name == "link" and "canonical" in (el.get("rel") or []):
                continue
            assert not re.match(r"^(https?:)?//", url), f"{html.relative_to(site)} loads {url}"
        for style in soup.select("style"):
            assert "fonts.googleapis" not in style.get_text()
