"""Citation metadata for a source's page: Highwire Press tags (read by Zotero's page capture)
and schema.org JSON-LD, both describing the original publication."""

from __future__ import annotations

import json
from typing import Any

from .markup import in_script

UNKNOWN_INSTITUTION = "[Institution unknown]"


def highwire(meta: dict[str, Any], url: str | None) -> list[list[str]]:
    tags = [["citation_title", meta["title"]]]
    for a in meta.get("author", []):
        tags.append(["citation_author", ", ".join(x for x in (a.get("family"), a.get("given")) if x)])
    if meta.get("issued"):
        # an approximate date keeps its "c." (a reference manager keeps it as written; "2005" would be a claim)
        tags.append(["citation_publication_date", str(meta["issued"]).replace("-", "/")])
    kind = meta.get("type")
    if kind == "article-journal":
        tags.append(["citation_journal_title", meta.get("container-title", "")])
    elif kind == "report":
        tags.append(["citation_technical_report_institution", meta.get("publisher", "")])
    elif kind == "thesis":
        tags.append(["citation_dissertation_institution", meta.get("publisher", UNKNOWN_INSTITUTION)])
    for key, name in (("volume", "citation_volume"), ("issue", "citation_issue"), ("DOI", "citation_doi"),
                      ("publisher", "citation_publisher"), ("language", "citation_language")):
        if meta.get(key) and not (key == "publisher" and kind == "report"):
            tags.append([name, str(meta[key])])
    if meta.get("page"):
        first, _, last = str(meta["page"]).partition("-")
        tags.append(["citation_firstpage", first])
        if last:
            tags.append(["citation_lastpage", last])
    tags.append(["citation_abstract_html_url", url or ""])
    tags.append(["citation_fulltext_html_url", meta.get("URL", "")])  # where the original can be read
    return [t for t in tags if t[1]]


SCHEMA_TYPES = {"article-journal": "ScholarlyArticle", "report": "Report", "thesis": "Thesis"}


def jsonld(meta: dict[str, Any], url: str | None, version: str) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(meta.get("type", ""), "CreativeWork"),
        "name": meta["title"],
        "headline": meta["title"],
        "url": url,
        "inLanguage": meta.get("language", "en"),
        "author": [{"@type": "Person", "givenName": a.get("given"), "familyName": a.get("family"),
                    "name": " ".join(x for x in (a.get("given"), a.get("family")) if x)}
                   for a in meta.get("author", [])],
    }
    issued = str(meta.get("issued", ""))
    if issued.startswith("c. "):
        data["dateCreated"] = issued.removeprefix("c. ") + "~"  # ISO 8601-2: an approximate year
    else:
        data["datePublished"] = issued
    if meta.get("URL"):
        data["sameAs"] = meta["URL"]
    if meta.get("page"):
        first, _, last = str(meta["page"]).partition("-")
        data |= {"pagination": str(meta["page"]).replace("-", "–"), "pageStart": first, "pageEnd": last or first}
    if meta.get("DOI"):
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": meta["DOI"]}
        data["sameAs"] = f"https://doi.org/{meta['DOI']}"
    if meta.get("container-title"):
        periodical = {"@type": "Periodical", "name": meta["container-title"]}
        volume = {"@type": "PublicationVolume", "volumeNumber": str(meta.get("volume", "")), "isPartOf": periodical}
        data["isPartOf"] = {"@type": "PublicationIssue", "issueNumber": str(meta.get("issue", "")),
                            "isPartOf": volume} if meta.get("issue") else volume
    if meta.get("publisher"):
        data["publisher"] = {"@type": "Organization", "name": meta["publisher"]}
    if not meta.get("author"):
        data["creditText"] = "Author unknown"
    data["version"] = version
    return in_script(json.dumps({k: v for k, v in data.items() if v not in ("", [], None)}, ensure_ascii=False))
