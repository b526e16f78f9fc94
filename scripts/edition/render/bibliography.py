"""A plain bibliographic line for the header of a page (the citation styles are in cite/)."""

from __future__ import annotations

from typing import Any

from .views import Reference


def authors(meta: dict[str, Any]) -> str:
    names = [" ".join(x for x in (a.get("given"), a.get("family")) if x) or a.get("literal", "")
             for a in meta.get("author", [])]
    if not names:
        return "Author unknown"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def nested_quotes(title: str) -> str:
    """A title inside quotation marks turns its own double quotes into single ones."""
    return title.translate(str.maketrans({"“": "‘", "”": "’", '"': "'"}))


def year(meta: dict[str, Any]) -> str:
    return str(meta.get("issued", "n.d.")).split("-")[0]


def reference(meta: dict[str, Any]) -> Reference:
    """The parts of a source's bibliographic line (laid out by the `reference` macro)."""
    if meta.get("container-title"):
        return Reference(authors(meta), nested_quotes(meta["title"]), year(meta), container=meta["container-title"],
                         volume=str(meta.get("volume") or ""), issue=str(meta.get("issue") or ""),
                         pages=str(meta.get("page") or "").replace("-", "–"), doi=meta.get("DOI", ""))
    published = ", ".join(str(meta[k]) for k in ("genre", "publisher", "publisher-place") if meta.get(k))
    return Reference(authors(meta), nested_quotes(meta["title"]), year(meta),
                     published=", ".join(x for x in (published, _date(meta)) if x), doi=meta.get("DOI", ""),
                     url=meta.get("URL", ""), site=meta.get("archive", ""))


def _date(meta: dict[str, Any]) -> str:
    issued = str(meta.get("issued", "n.d."))
    months = "January February March April May June July August September October November December".split()
    if len(issued) == 7 and issued[4] == "-":
        return f"{months[int(issued[5:]) - 1]} {issued[:4]}"
    return issued
