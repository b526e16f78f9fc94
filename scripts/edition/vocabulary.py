"""The edition's vocabularies, each written once: kinds of block, input shapes, note styles,
kinds of repair and registers with their kinds. Schemas, readers, renderers and templates take
their lists from here (a `StrEnum` compares equal to its string, so data files keep plain strings)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"  # a list item
    QUOTE = "quote"  # a block quotation
    ABSTRACT = "abstract"
    FRONT = "front"  # title block: title, authors, affiliations
    NOTE = "note"
    BACK = "back"  # after the text: acknowledgements, references, biographies
    ASIDE = "aside"  # a boxed text set apart from the running text


class Shape(StrEnum):
    """The shape of an input file; one reader each (`read/`)."""

    PLAIN = "plain"
    PDF_TEXT = "pdf-text"
    MARKDOWN_EXPORT = "markdown-export"
    WEB_ARTICLE = "web-article"


class NoteStyle(StrEnum):
    """How the text marks its note references."""

    NONE = "none"
    GLUED_DIGITS = "glued-digits"  # "Genocide1"
    SUPERSCRIPT = "superscript"  # "^1^" or a superscript digit


class RepairKind(StrEnum):
    GLUED_WORDS = "glued-words"
    LINE_END_HYPHEN = "line-end-hyphen"
    NOTE_REF = "note-ref"
    PAGE_BREAK_JOIN = "page-break-join"
    DETACHED_NOTE = "detached-note"
    RUNNING_HEADER = "running-header"
    PAGE_MARKER = "page-marker"
    SITE_FURNITURE = "site-furniture"
    SIDEBAR = "sidebar"


@dataclass(frozen=True)
class RepairInfo:
    label: str  # what the apparatus calls it
    why: str  # what it does, for the About page
    marked: bool  # whether the reading text marks the repaired words


REPAIRS: dict[RepairKind, RepairInfo] = {
    RepairKind.GLUED_WORDS: RepairInfo(
        "words run together", "a space the extraction lost is restored (“affairsis” reads “affairs is”).", True),
    RepairKind.LINE_END_HYPHEN: RepairInfo(
        "hyphen at a line end",
        "a word broken at a line end is joined; the hyphen is kept only where it belongs to the word.", True),
    RepairKind.NOTE_REF: RepairInfo(
        "note number",
        "a note number run into the text (“Genocide1”) becomes a note reference, linked to its note.", False),
    RepairKind.PAGE_BREAK_JOIN: RepairInfo(
        "paragraph cut by a page break", "a paragraph that a page break cut in two is joined again.", True),
    RepairKind.DETACHED_NOTE: RepairInfo(
        "note number set apart",
        "a note number printed at the top of the next page is put back after its sentence.", True),
    RepairKind.RUNNING_HEADER: RepairInfo(
        "running header",
        "the printed page's running header, caught in the middle of a sentence, is removed.", False),
    RepairKind.PAGE_MARKER: RepairInfo(
        "page marker", "a marker such as “[End Page 222]” is removed from the text and shown as a page number.",
        False),
    RepairKind.SITE_FURNITURE: RepairInfo(
        "not part of the text", "a web site's header or navigation line, not part of the article, is removed.",
        False),
    RepairKind.SIDEBAR: RepairInfo(
        "boxed text set apart", "a boxed text printed in the middle of a sentence is set apart after its paragraph.",
        False),
}
JOINS = frozenset({RepairKind.PAGE_BREAK_JOIN, RepairKind.DETACHED_NOTE})  # reader repairs: how two lines meet


def repair_label(kind: str) -> str:
    return REPAIRS[kind].label if kind in REPAIRS else kind  # type: ignore[index]


class Register(StrEnum):
    ACTOR = "actor"
    EVENT = "event"
    CONCEPT = "concept"
    PLACE = "place"


REGISTER_TITLES: dict[Register, str] = {r: r.value.capitalize() + "s" for r in Register}  # "Actors"


# The kinds of entry in each register, in the order the register pages list them.
KINDS: dict[Register, tuple[str, ...]] = {
    Register.ACTOR: ("person", "state", "government", "intergovernmental organisation", "NGO", "armed group",
                     "political party", "ethnic or social group", "court", "office", "media"),
    Register.EVENT: ("genocide", "massacre", "war", "conflict", "invasion", "agreement", "treaty", "resolution",
                     "conference", "summit", "report", "election", "referendum", "coup", "assassination", "crisis",
                     "other"),
    Register.CONCEPT: ("theory", "school", "norm", "legal term", "analytic concept", "doctrine", "principle"),
    Register.PLACE: ("region", "city", "town", "village", "camp", "river", "wadi", "mountain", "province", "area"),
}
# Registers whose pages group kinds in the order above; the others list their kinds A–Z.
ORDERED_KINDS = frozenset({Register.ACTOR})
