"""Citations: each style's output for every source equals a reference checked against the style's manual
(tests/cite/expected.json), and the files for reference managers say the same."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support import ROOT, SOURCE_IDS, page

EXPECTED = json.loads((ROOT / "tests" / "cite" / "expected.json").read_text(encoding="utf-8"))
STYLES = ["chicago-notes", "chicago-author-date", "apa", "mla", "harvard", "oscola"]


def cite_data(site: Path, source_id: str) -> dict:
    return json.loads(page(site, source_id).select_one("#cite-data").string)


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_every_style_matches_the_checked_reference(site: Path, source_id: str) -> None:
    styles = {s["key"]: s for s in cite_data(site, source_id)["styles"]}
    assert list(styles) == STYLES
    for key in STYLES:
        for form in ("bibliography", "citation_page", "citation_paragraph"):
            assert styles[key][form] == EXPECTED[source_id][key][form], (source_id, key, form)


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&#38;", "&").replace("&#60;", "<").replace("&#62;", ">")


def test_the_faults_seen_in_citeproc_py_are_not_there(site: Path) -> None:
    styles = {s["key"]: plain(s["bibliography"]) for s in cite_data(site, "maddox-2015")["styles"]}
    assert styles["mla"].startswith("Maddox, Kelly.") and styles["chicago-author-date"].startswith("Maddox, Kelly.")
    for text in styles.values():
        assert "““" not in text and "””" not in text  # a title's own quotes turn single inside quotation marks
    assert "“‘Liberat[ing] Mankind" in styles["chicago-notes"]
    assert "‘“Liberat[ing] mankind" in styles["harvard"]  # British style: single outside, double inside


def test_downloads_for_reference_managers(site: Path) -> None:
    bib = (site / "data" / "cite" / "maddox-2015.bib").read_text(encoding="utf-8")
    assert bib.startswith("@article{maddox-2015,") and "doi = {10.5038/1911-9933.9.1.1263}" in bib
    assert "pages = {48--65}" in bib
    ris = (site / "data" / "cite" / "ismail-jones-prendergast-2011.ris").read_text(encoding="utf-8")
    assert ris.startswith("TY  - RPRT") and "AU  - Prendergast, John" in ris and ris.rstrip().endswith("ER  -")
    csl = json.loads((site / "data" / "cite" / "kuperman-1996.json").read_text(encoding="utf-8"))
    assert csl[0]["type"] == "article-journal" and csl[0]["page"] == "221-240"
    assert csl[1]["type"] == "webpage" and csl[1]["URL"].endswith("/sources/kuperman-1996/")
    links = [a["href"] for a in page(site, "maddox-2015").select("a")]
    assert "../../how-to-cite/" in links


def test_every_paragraph_has_a_cite_control(site: Path) -> None:
    for source_id in SOURCE_IDS:
        soup = page(site, source_id)
        numbered = soup.select("p.para:not(.front):not(.abstract), blockquote.para, aside.para")
        assert numbered and all(p.select_one("button.pcite") for p in numbered)
        assert soup.select_one("button.cite-source")


def test_how_to_cite_page(site: Path) -> None:
    text = (site / "how-to-cite" / "index.html").read_text(encoding="utf-8")
    for words in ("What ¶ 23 means", "Citing the edition itself", "An unattributed source", "para. 23"):
        assert words in text


def meta_tags(site: Path, source_id: str) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for m in page(site, source_id).select('meta[name^="citation_"]'):
        tags.setdefault(m["name"], []).append(m["content"])
    return tags


def test_reference_managers_file_the_original_publication(site: Path) -> None:
    maddox = meta_tags(site, "maddox-2015")
    assert maddox["citation_author"] == ["Maddox, Kelly"]
    assert maddox["citation_journal_title"] == ["Genocide Studies and Prevention: An International Journal"]
    assert (maddox["citation_volume"], maddox["citation_issue"]) == (["9"], ["1"])
    assert (maddox["citation_firstpage"], maddox["citation_lastpage"]) == (["48"], ["65"])
    assert maddox["citation_doi"] == ["10.5038/1911-9933.9.1.1263"]
    assert maddox["citation_publication_date"] == ["2015"]
    assert maddox["citation_abstract_html_url"][0].startswith("http")  # site_url makes it absolute
    report = meta_tags(site, "ismail-jones-prendergast-2011")
    assert report["citation_technical_report_institution"] == ["Enough Project (Center for American Progress)"]
    assert len(report["citation_author"]) == 3 and "citation_journal_title" not in report
    thesis = meta_tags(site, "darfur-dissertation-2005")
    assert "citation_dissertation_institution" in thesis and "citation_author" not in thesis
    assert meta_tags(site, "kuperman-1996")["citation_journal_title"] == ["SAIS Review"]


def test_schema_org_json_ld(site: Path) -> None:
    kinds = {}
    for source_id in SOURCE_IDS:
        data = json.loads(page(site, source_id).select_one('script[type="application/ld+json"]').string)
        kinds[source_id] = data["@type"]
        assert data["url"].endswith(f"/sources/{source_id}/")
    assert kinds == {"darfur-dissertation-2005": "Thesis", "maddox-2015": "ScholarlyArticle",
                     "ismail-jones-prendergast-2011": "Report", "black-williams-2008": "ScholarlyArticle",
                     "kuperman-1996": "ScholarlyArticle"}
    canonical = page(site, "maddox-2015").select_one('link[rel="canonical"]')["href"]
    assert canonical.startswith("http") and canonical.endswith("/sources/maddox-2015/")
