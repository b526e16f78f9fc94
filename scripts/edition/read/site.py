"""The corpus's own words about itself (`seeds/site.yml`): the site's title, the home page's
introduction, the About page's examples and the How to cite page's example. The tool's prose is in
the templates; this is what another corpus changes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import yamlfile
from ..errors import InputError
from .metadata import check

FILE = "site.yml"
TEXT = {"type": "string", "minLength": 1}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "citation_title", "introduction"],
    "properties": {
        "title": TEXT,
        "citation_title": TEXT,
        "introduction": TEXT,
        "linking": TEXT,
        "cite_example": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*#[\w-]+$"},
        "unpaged_sources": TEXT,
        "unattributed_source": TEXT,
    },
}


GENERIC_INTRODUCTION = (
    "This site is a faithful, citable reading edition of {{ sources|length }} texts. Each text is given word for "
    "word as its source has it. Where the copy was damaged by its extraction from print, the damage is repaired "
    "and every repair is listed in the page's apparatus.")


@dataclass(frozen=True)
class Site:
    title: str = "A reading edition"
    citation_title: str = "A Reading Edition"  # the edition's title in a citation of it
    introduction: str = GENERIC_INTRODUCTION  # Markdown
    linking: str = ""  # Markdown
    cite_example: str = ""  # source#anchor
    unpaged_sources: str = ""
    unattributed_source: str = "The source"

    @property
    def example_source(self) -> str:
        return self.cite_example.partition("#")[0]

    @property
    def example_anchor(self) -> str:
        return self.cite_example.partition("#")[2]


def load_site(seeds: Path, warnings: list[str] | None = None) -> Site:
    """Read and check `seeds/site.yml`; InputError with the file and line of a mistake. Without the file,
    the site has a generic title and introduction, and a warning says so."""
    path = seeds / FILE
    if not path.exists():
        if warnings is not None:
            warnings.append(f"{path}: missing; the site's title and introduction are generic (see the README)")
        return Site()
    data, node = yamlfile.load(path)
    if not isinstance(data, dict):
        raise InputError(path, "must be a mapping of keys to values", 1)
    check(path, data, node, SCHEMA)
    return Site(**data)
