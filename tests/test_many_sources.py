"""A reading list longer than a sidebar can show: past NAV_SOURCES_MAX sources the sidebar links to one
page listing them all, instead of every page carrying a link to every source."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from edition.render.site_pages import NAV_SOURCES_MAX
from support import MANY, SOURCE_IDS


def sidebar_links(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")]


def test_the_seeds_sidebar_lists_each_source(site: Path) -> None:
    links = sidebar_links(site / "index.html")
    assert all(f"sources/{source_id}/" in links for source_id in SOURCE_IDS)
    assert not (site / "all-sources").exists()


def test_past_the_limit_the_sidebar_links_to_a_page_listing_every_source(many: Path) -> None:
    assert MANY > NAV_SOURCES_MAX
    links = sidebar_links(many / "index.html")
    assert "all-sources/" in links
    assert not [link for link in links if link.startswith("sources/")]
    listing = BeautifulSoup((many / "all-sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    listed = [a["href"] for a in listing.select("ul.all-sources > li > a")]
    pages = {p.parent.name for p in (many / "sources").glob("*/index.html")}
    assert len(listed) == len(set(listed)) == len(pages) == MANY
    assert {href.removeprefix("../sources/").rstrip("/") for href in listed} == pages
    assert [h2.get_text(strip=True).rstrip("¶") for h2 in listing.select("h2")] == sorted(
        {h2.get_text(strip=True).rstrip("¶") for h2 in listing.select("h2")})  # by letter, in order
