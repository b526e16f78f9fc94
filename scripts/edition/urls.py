"""Where pages are, and links between them: the one place that knows the site's addresses.

A page is named by its path in docs/ ("register/actors/un.md"); MkDocs serves it as a folder
("register/actors/un/"). Links are relative, so the site works from any address and offline: up to
the site's root, then down to the target.
"""

from __future__ import annotations

from dataclasses import dataclass


def served_at(page: str) -> str:
    """The folder a page in docs/ is served as: "index.md" -> "", "sources/x.md" -> "sources/x/"."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def source_path(source_id: str, anchor: str = "") -> str:
    return f"sources/{source_id}/" + (f"#{anchor}" if anchor else "")


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def register_path(register: str) -> str:
    return f"register/{register}s/"


def entry_path(register: str, entry_id: str) -> str:
    return f"register/{register}s/{entry_id}/"


@dataclass(frozen=True)
class Here:
    """Links from one page: `Here("register/actors/un.md").to("sources/x/#p3")` is
    "../../../sources/x/#p3"."""

    page: str

    @property
    def root(self) -> str:
        return "../" * served_at(self.page).count("/")

    def to(self, path: str) -> str:
        """A relative link to `path`, a site address from the root ("data/mentions.csv", "sources/x/#p3")."""
        return self.root + path

    def source(self, source_id: str, anchor: str = "") -> str:
        return self.to(source_path(source_id, anchor))
