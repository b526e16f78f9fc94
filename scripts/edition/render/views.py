"""View models: what each kind of page says, apart from how it looks.

The page modules (source_page, registers, timeline, site_pages, citations) build these from the
editions and the index; the templates in `templates/` (one per kind of page, with the shared macros
in `macros.html.j2`) lay them out. Text here is plain text, escaped by the templates; a field typed
`Markup` holds markup the edition made itself (a paragraph's woven text, a formatted citation).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, ClassVar

from markupsafe import Markup

from .pictures import Chart, Graph, Profile, Strips


@dataclass(frozen=True)
class Reference:
    """A source's bibliographic line."""

    authors: str
    title: str
    year: str
    container: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    published: str = ""  # genre, publisher, place and date, where there is no container
    doi: str = ""
    url: str = ""  # where the original can be read
    site: str = ""  # the website that holds it


@dataclass(frozen=True)
class SourceSummary:
    """A source as the home, About and All sources pages list it."""

    id: str
    nav_title: str
    reference: Reference
    description: str
    blocks: int  # numbered paragraphs
    pages: str  # the printed pages, "49–61"
    repairs: int
    counts: Counter[str]  # repairs by kind
    pages_note: str


# The reading page of a source -------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    part: ClassVar[str] = "heading"
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Paragraph:
    """A numbered block: a paragraph, list item, quotation, boxed text or abstract."""

    part: ClassVar[str] = "paragraph"
    tag: str  # the HTML element
    css: str  # its classes
    anchor: str
    label: str  # the paragraph's number, shown in the margin ("" for none)
    html: Markup  # the text, woven with its notes, page starts, repairs and mentions
    lang: str | None = None
    pages: str = ""  # the printed pages it is on, "50–51"


@dataclass(frozen=True)
class Abstract:
    part: ClassVar[str] = "abstract"
    label: str  # "Abstract", "Résumé"
    lang: str | None
    paragraph: Paragraph


@dataclass(frozen=True)
class Note:
    part: ClassVar[str] = "note"
    anchor: str
    label: str
    number: int | None
    html: Markup
    referenced: bool  # whether the text refers to it


@dataclass(frozen=True)
class ApparatusRow:
    number: int
    anchor: str  # the paragraph the repair is in ("" if none)
    where: str  # what the link to it says
    kind: str
    original: str
    new: str
    note: str


@dataclass
class SourcePage:
    source_id: str
    nav_title: str
    title: str
    description: str
    highwire: list[list[str]]
    jsonld: str
    reference: Reference
    note: str
    pages_note: str
    version: str
    about_url: str
    how_to_cite_url: str
    cite_data: dict[str, Any]
    body: list[Heading | Abstract | Paragraph | Note]
    missing_notes: int  # how many notes the text refers to that the copy lacks (when it has none)
    repairs: list[ApparatusRow]
    repair_summary: str
    redirects: str  # JSON: retired anchors and where they lead
    profile: Profile | None = None  # the entries it discusses most
    when: Chart | None = None  # where its dated statements fall in time


# The registers ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EntryLink:
    """An entry in a list: its name and page, what it is, and how often the sources mention it."""

    url: str
    name: str
    kind: str
    count: int = 0  # mentions, or (entries that appear together) paragraphs shared
    register: str = ""  # shown only where registers are mixed (the combined index)
    dates: str = ""


@dataclass(frozen=True)
class Kwic:
    """A mention in its sentence."""

    url: str
    label: str
    pages: str  # "p. 50", "pp. 50–51"
    before: str
    match: str
    after: str
    more: tuple[tuple[str, str], ...] = ()  # further mentions in the same sentence: (the words between, the mention)


@dataclass(frozen=True)
class SourceMentions:
    source_id: str
    title: str
    lines: list[Kwic]


@dataclass(frozen=True)
class MentionCount:
    source_id: str
    title: str
    count: int
    url: str = ""  # its first mention, where the mentions are not listed


@dataclass(frozen=True)
class Evidence:
    url: str
    text: str


@dataclass(frozen=True)
class NotePiece:
    """A piece of an editor's note: its words, and where they lead if they are a link (an entry, a
    paragraph)."""

    text: str
    url: str = ""


@dataclass
class EntryPage:
    title: str
    description: str
    register: str
    kind: str
    dates: str
    evidence: list[Evidence]
    other_names: list[str]
    note: list[NotePiece]
    count: int
    counts: list[MentionCount]
    mentions: list[SourceMentions]
    more: list[MentionCount]  # sources past the page's limit: a count and a link each
    more_mentions: int
    mentions_csv: str
    together: list[EntryLink]  # with the paragraphs shared as their count
    related: list[EntryLink]
    where: Strips | None = None  # where it is discussed: a strip per source (two or more mentions)
    graph: Graph | None = None  # the entries it shares most paragraphs with
    legend: Markup | None = None  # what the graph's marks mean (the same on every entry page: drawn once)


@dataclass(frozen=True)
class KindGroup:
    title: str
    anchor: str
    entries: list[EntryLink]


@dataclass
class RegisterPage:
    title: str
    count: int
    kinds: list[KindGroup]


@dataclass(frozen=True)
class RegisterCount:
    url: str
    count: int
    title: str


@dataclass
class CombinedIndexPage:
    count: int
    registers: list[RegisterCount]
    letters: list[KindGroup]


@dataclass(frozen=True)
class Abbreviation:
    abbreviation: str
    anchor: str
    name: str
    url: str
    defined_at: list[Evidence]


@dataclass
class AbbreviationsPage:
    rows: list[Abbreviation]


# The timeline -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineRow:
    sort: str  # ISO-like date, for ordering
    source: str  # a source id, or "registry"
    date: str  # as shown
    url: str
    where: str = ""  # a statement: its source and paragraph
    name: str = ""  # a registry event: its name and kind
    kind: str = ""
    inferred: bool = False
    before: str = ""
    match: str = ""
    after: str = ""

    @property
    def year(self) -> str:
        return self.sort[:4]


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class PageLink:
    url: str
    text: str
    rel: str = ""


@dataclass
class TimelinePage:
    title: str
    intro: str
    choices: list[Choice]
    checkboxes: bool  # a checkbox per source, or (many sources) a drop-down list
    years: list[tuple[str, list[TimelineRow]]]
    neighbours: list[PageLink] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)  # the timeline drawn: all years, then each busy stretch


@dataclass(frozen=True)
class PeriodLine:
    url: str
    title: str
    statements: int
    events: int
    continued: bool
    years: list[tuple[str, str]]  # (year, link) where the period spans several


@dataclass
class TimelineOverview:
    intro: str
    periods: list[PeriodLine]
    charts: list[Chart] = field(default_factory=list)


@dataclass(frozen=True)
class RelationsPage:
    intro: str
    registers: list[tuple[str, str]]  # the filter: value, title
    graph: Graph
    pairs: list[tuple[EntryLink, EntryLink, int]]  # the graph's lines, most paragraphs first
