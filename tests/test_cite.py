"""Citations: every source's citations, style by style and form by form, equal a text checked against
the style's manual (tests/cite/golden.yml); a paragraph across a page break cites both pages; the files
for reference managers are read by their parsers as the right kind of item; and a site built without
`site_url` hands out no address on this machine."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import bibtexparser
import pytest
import rispy
import yaml

from support import ROOT, SOURCE_IDS, copy_project, mkdocs_build, page, replace_once

GOLDEN = yaml.safe_load((ROOT / "tests" / "cite" / "golden.yml").read_text(encoding="utf-8"))
STYLES = ["chicago-notes", "chicago-author-date", "apa", "mla", "harvard", "oscola"]
LOOPBACK = re.compile(r"127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0")


def cite_data(site: Path, source_id: str) -> dict:
    return json.loads(page(site, source_id).select_one("#cite-data").string)


def plain(text: str, paragraph: str = "") -> str:
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
    return text.replace("@@L@@", paragraph) if paragraph else text


def forms(style: dict, cite: dict, reference: str, paragraph: str = "") -> dict[str, str]:
    """The forms a student copies: note and short note in a note style, else the in-text citation."""
    out = {"note": plain(cite["first"], paragraph), "short note": plain(cite["subsequent"], paragraph)} \
        if style["notes"] else {"in-text": plain(cite["first"], paragraph)}
    return out | {"reference": plain(reference, paragraph)}


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_every_style_and_form_of_the_original_is_the_checked_text(site: Path, source_id: str) -> None:
    expected = GOLDEN["sources"][source_id]
    styles = {s["key"]: s for s in cite_data(site, source_id)["styles"]}
    assert list(styles) == STYLES
    for key, style in styles.items():
        original = style["original"]
        cite = original["pages"][expected["page"]] if expected["page"] and original["pages"] else original["cite"]
        assert forms(style, cite, original["reference"]) == expected[key], (source_id, key)


@pytest.mark.parametrize("source_id", list(GOLDEN["editions"]))
def test_a_paragraph_cited_from_the_edition_is_the_checked_text(site: Path, source_id: str) -> None:
    expected = GOLDEN["editions"][source_id]
    for style in cite_data(site, source_id)["styles"]:
        edition = style["edition"]
        got = forms(style, edition["paragraph"], edition["reference"], expected["paragraph"])
        assert got == expected[style["key"]], (source_id, style["key"])


@pytest.mark.parametrize("case", GOLDEN["across pages"], ids=lambda c: f"{c['source']}-{c['pages']}")
def test_a_paragraph_across_a_page_break_cites_both_pages(site: Path, case: dict) -> None:
    for style in cite_data(site, case["source"])["styles"]:
        cite = style["original"]["pages"].get(case["pages"])
        assert (plain(cite["first"]) if cite else None) == case[style["key"]], style["key"]


@pytest.mark.parametrize(("source_id", "anchor", "pages"), [
    ("maddox-2015", "p6", "50–51"), ("maddox-2015", "p3", "50"),
    ("kuperman-1996", "p20", "229–230"),  # "permitted[End Page 229] RPF": the marker glued to a word
    ("kuperman-1996", "p35", "233–234"), ("kuperman-1996", "p17", "226–227"),
    ("kuperman-1996", "p12", "224–226"),  # inside a stretch the abridged copy does not divide
])
def test_every_place_a_paragraph_shows_its_pages_gives_them_all(site: Path, source_id: str, anchor: str,
                                                                pages: str) -> None:
    soup = page(site, source_id)
    assert soup.select_one(f"#{anchor}")["data-pages"] == pages
    assert pages in cite_data(site, source_id)["styles"][0]["original"]["pages"]
    label = f"pp. {pages}" if "–" in pages else f"p. {pages}"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"] for d in index["docs"] if d["location"].endswith(f"sources/{source_id}/#{anchor}")]
    assert titles and titles[0].endswith(f"¶ {anchor[1:]} · {label}")


def test_the_styles_name_the_manual_and_edition_they_follow(site: Path) -> None:
    labels = [s["label"] for s in cite_data(site, "maddox-2015")["styles"]]
    assert labels == ["Chicago Manual of Style 18th edition (notes and bibliography)",
                      "Chicago Manual of Style 18th edition (author-date)", "APA Style 7th edition",
                      "MLA Handbook 9th edition (in-text citations)",
                      "Cite Them Right 12th edition (author-date/Harvard)", "OSCOLA 4th edition"]


def test_oscola_gives_no_page_where_the_first_page_is_unknown(site: Path) -> None:
    oscola = cite_data(site, "black-williams-2008")["styles"][-1]
    assert oscola["original"]["pages"] == {} and "first page" in oscola["original"]["no_pages"]
    assert "65(6) Behind the Headlines" in oscola["original"]["reference"]
    apa = cite_data(site, "black-williams-2008")["styles"][2]
    assert plain(apa["original"]["pages"]["13"]["first"]) == "(Black & Williams, 2008, p. 13)"


def read_bib(site: Path, stem: str) -> tuple[str, dict[str, str]]:
    library = bibtexparser.parse_string((site / "data" / "cite" / f"{stem}.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    (entry,) = library.entries
    return entry.entry_type, {k: str(v.value) for k, v in entry.fields_dict.items()}


def read_ris(site: Path, stem: str) -> dict:
    (record,) = rispy.loads((site / "data" / "cite" / f"{stem}.ris").read_text(encoding="utf-8"))
    return record


# BibTeX entry type -> the item type Zotero's and JabRef's importers make of it
READ_AS = {"article": "journal article", "techreport": "report", "misc": "document", "online": "web page"}


def test_bibtex_files_are_read_as_the_right_kind_of_item_with_their_fields(site: Path) -> None:
    kind, maddox = read_bib(site, "maddox-2015")
    assert READ_AS[kind] == "journal article" and maddox["doi"] == "10.5038/1911-9933.9.1.1263"
    assert maddox["pages"] == "48--65" and maddox["journal"].startswith("Genocide Studies")
    kind, black = read_bib(site, "black-williams-2008")
    assert READ_AS[kind] == "journal article"
    assert black["publisher"] == "Canadian International Council" and black["number"] == "6"
    _kind, kuperman = read_bib(site, "kuperman-1996")  # sentence case, a name in braces keeps its capital
    assert kuperman["title"] == "The other lesson of {Rwanda}: Mediators sometimes do more damage than good"
    kind, report = read_bib(site, "ismail-jones-prendergast-2011")
    assert READ_AS[kind] == "report" and report["month"] == "oct" and report["institution"] == "Enough Project"
    kind, thesis = read_bib(site, "darfur-dissertation-2005")  # no degree is known: not @phdthesis
    assert READ_AS[kind] == "document" and thesis["type"] == "Student dissertation"
    assert thesis["year"] == "c. 2005" and thesis["howpublished"] == "UKEssays"
    assert thesis["url"].startswith("https://www.ukessays.com/")
    kind, edition = read_bib(site, "maddox-2015-edition")
    assert READ_AS[kind] == "web page" and edition["type"] == "Reading edition"


def test_ris_files_are_read_as_the_right_kind_of_item_with_their_fields(site: Path) -> None:
    assert read_ris(site, "maddox-2015")["type_of_reference"] == "JOUR"
    report = read_ris(site, "ismail-jones-prendergast-2011")
    assert report["type_of_reference"] == "RPRT" and report["authors"][2] == "Prendergast, John"
    assert report["date"] == "2011/10//" and report["place_published"] == "Washington, DC"
    black = read_ris(site, "black-williams-2008")
    assert black["publisher"] == "Canadian International Council" and black["authors"][0] == "Black, David R."
    thesis = read_ris(site, "darfur-dissertation-2005")
    assert thesis["type_of_reference"] == "THES" and thesis["year"] == "c. 2005"
    assert read_ris(site, "kuperman-1996-edition")["type_of_reference"] == "ELEC"


def test_csl_json_files_hold_one_item_each_the_original_or_the_edition(site: Path) -> None:
    (original,) = json.loads((site / "data" / "cite" / "kuperman-1996.json").read_text(encoding="utf-8"))
    (edition,) = json.loads((site / "data" / "cite" / "kuperman-1996-edition.json").read_text(encoding="utf-8"))
    assert original["type"] == "article-journal" and original["page"] == "221-240"
    assert edition["type"] == "webpage" and edition["genre"] == "Reading edition"


def test_every_paragraph_has_a_cite_control(site: Path) -> None:
    for source_id in SOURCE_IDS:
        soup = page(site, source_id)
        numbered = soup.select("p.para:not(.front):not(.abstract), blockquote.para, aside.para")
        assert numbered and all(p.select_one("button.pcite") for p in numbered)
        assert soup.select_one("button.cite-source")


def test_how_to_cite_page(site: Path) -> None:
    text = (site / "how-to-cite" / "index.html").read_text(encoding="utf-8")
    for words in ("What ¶ 23 means", "Citing the edition itself", "An unattributed source", "para. 3.",
                  "(2015): 50, https://doi.org", "republished it on 3 November 2021", "18th edition"):
        assert words in text, words


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
    assert "citation_abstract_html_url" not in maddox  # no site_url: no address rather than a wrong one
    report = meta_tags(site, "ismail-jones-prendergast-2011")
    assert report["citation_technical_report_institution"] == ["Enough Project"]
    assert len(report["citation_author"]) == 3 and "citation_journal_title" not in report
    thesis = meta_tags(site, "darfur-dissertation-2005")
    assert "citation_dissertation_institution" in thesis and "citation_author" not in thesis
    assert thesis["citation_publication_date"] == ["c. 2005"]  # the circa kept
    assert thesis["citation_fulltext_html_url"][0].startswith("https://www.ukessays.com/")
    assert meta_tags(site, "kuperman-1996")["citation_journal_title"] == ["SAIS Review"]


def test_schema_org_json_ld(site: Path) -> None:
    kinds, data = {}, {}
    for source_id in SOURCE_IDS:
        data[source_id] = json.loads(page(site, source_id).select_one('script[type="application/ld+json"]').string)
        kinds[source_id] = data[source_id]["@type"]
    assert kinds == {"darfur-dissertation-2005": "Thesis", "maddox-2015": "ScholarlyArticle",
                     "ismail-jones-prendergast-2011": "Report", "black-williams-2008": "ScholarlyArticle",
                     "kuperman-1996": "ScholarlyArticle"}
    thesis = data["darfur-dissertation-2005"]
    assert thesis["dateCreated"] == "2005~" and "datePublished" not in thesis  # ISO 8601-2: approximate
    assert data["maddox-2015"]["datePublished"] == "2015"


def test_a_site_built_without_site_url_holds_no_address_on_this_machine(site: Path) -> None:
    found = [f"{path.relative_to(site)}: {m.group()}" for path in site.rglob("*") if path.is_file()
             and path.suffix in (".html", ".xml", ".json", ".bib", ".ris", ".js", ".css", ".txt", ".map")
             for m in [LOOPBACK.search(path.read_text(encoding="utf-8", errors="replace"))] if m]
    assert not found, found[:5]
    assert page(site, "maddox-2015").select_one('link[rel="canonical"]') is None
    assert cite_data(site, "maddox-2015")["url"] is None


def test_site_url_in_mkdocs_yml_is_the_one_address_everything_carries(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "mkdocs.yml", "# site_url: https://example.org/darfur-edition/",
                 "site_url: https://example.org/darfur-edition/")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    built = project / "site"
    url = "https://example.org/darfur-edition/sources/maddox-2015/"
    assert cite_data(built, "maddox-2015")["url"] == url
    assert page(built, "maddox-2015").select_one('link[rel="canonical"]')["href"] == url
    assert meta_tags(built, "maddox-2015")["citation_abstract_html_url"] == [url]
    edition = cite_data(built, "maddox-2015")["styles"][0]["edition"]["reference"]
    assert edition.endswith(f"{url}.</div>")
    _kind, bib = read_bib(built, "maddox-2015-edition")
    assert bib["url"] == url
    assert url in (built / "sitemap.xml").read_text(encoding="utf-8")
