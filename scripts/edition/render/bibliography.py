"""A plain bibliographic line for the header of a page (full citation styles come later)."""

from __future__ import annotations

from typing import Any

from .inline import escape


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


def reference_html(meta: dict[str, Any]) -> str:
    parts = [escape(authors(meta)), f"“{escape(nested_quotes(meta['title']))}”"]
    container = meta.get("container-title")
    if container:
        vol = f" {escape(str(meta['volume']))}" if meta.get("volume") else ""
        iss = f", no. {escape(str(meta['issue']))}" if meta.get("issue") else ""
        parts.append(f"<em>{escape(container)}</em>{vol}{iss} ({escape(year(meta))})"
                     + (f": {escape(meta['page'].replace('-', '–'))}" if meta.get("page") else ""))
    else:
        pub = ", ".join(escape(str(meta[k])) for k in ("genre", "publisher", "publisher-place") if meta.get(k))
        parts.append(", ".join(x for x in (pub, escape(_date(meta))) if x))
    text = ", ".join(parts) + "."
    if meta.get("DOI"):
        doi = escape(meta["DOI"])
        text += f' doi:<a href="https://doi.org/{doi}" rel="external">{doi}</a>.'
    return text


def _date(meta: dict[str, Any]) -> str:
    issued = str(meta.get("issued", "n.d."))
    months = "January February March April May June July August September October November December".split()
    if len(issued) == 7 and issued[4] == "-":
        return f"{months[int(issued[5:]) - 1]} {issued[:4]}"
    return issued
