"""Where pages are, and links between them: the one place that knows the site's addresses.

A page is named by its path in docs/ ("register/actors/un.md"); MkDocs serves it as a folder
("register/actors/un/"). Links are relative, so the site works from any address and offline: up to
the site's root, then down to the target.
"""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import ip_address
from urllib.parse import urlsplit

LOOPBACK_NAMES = {"localhost", "0.0.0.0"}


def published_address(site_url: str | None) -> str | None:
    """The address the site is published at (mkdocs.yml's `site_url`, ending in "/"), or None: none is
    set, or it is this machine's own (`mkdocs serve` sets 127.0.0.1), which no reader can follow."""
    if not site_url:
        return None
    host = urlsplit(site_url).hostname or ""
    try:
        loopback = ip_address(host).is_loopback or ip_address(host).is_unspecified
    except ValueError:
        loopback = host in LOOPBACK_NAMES or host.endswith(".localhost")
    return None if loopback else site_url.rstrip("/") + "/"


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
