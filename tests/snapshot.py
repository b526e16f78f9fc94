"""A built site as a reader's browser sees it, to compare two builds: each HTML page as the parser
reads it (tags, attributes with their values decoded, text with runs of spaces as one), every other
file byte for byte. Two spellings of one character ("&quot;" or "&#34;") or a line broken elsewhere in
a paragraph make no difference; anything a browser would show or do differently does.

`python tests/snapshot.py SITE > tests/snapshots/seeds-site.json` records a site's digests.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

PRESERVED = {"pre", "script", "style", "textarea"}  # where spaces are content
SPACES = re.compile(r"\s+")


class Canonical(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(f"<{tag} {json.dumps(sorted(attrs, key=lambda a: a[0]))}>")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if not PRESERVED & set(self.open):
            data = SPACES.sub(" ", data)
            if data == " " and self.out and self.out[-1] == " ":
                return
        self.out.append(data)

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def canonical_html(text: str) -> str:
    parser = Canonical()
    parser.feed(text)
    parser.close()
    return "\n".join(parser.out)


# The Performance page shows the benchmark's last figures: measurements, not what the code makes.
MEASURED = ("performance/",)


def digest(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".html":
        data = canonical_html(data.decode("utf-8")).encode("utf-8")
    elif path.name == "search_index.json":
        index = json.loads(data)
        index["docs"] = [d for d in index["docs"] if not d["location"].startswith(MEASURED)]
        data = json.dumps(index, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def site_digests(site: Path) -> dict[str, str]:
    return {rel: digest(p) for p in sorted(site.rglob("*"))
            if p.is_file() and not (rel := p.relative_to(site).as_posix()).startswith(MEASURED)}


def differences(site: Path, recorded: dict[str, str]) -> dict[str, str]:
    """Each file that differs from the recorded digests: "changed", "added" or "removed"."""
    now = site_digests(site)
    out = {path: "changed" for path in now.keys() & recorded.keys() if now[path] != recorded[path]}
    out |= {path: "added" for path in now.keys() - recorded.keys()}
    out |= {path: "removed" for path in recorded.keys() - now.keys()}
    return dict(sorted(out.items()))


if __name__ == "__main__":
    print(json.dumps(site_digests(Path(sys.argv[1])), indent=0, sort_keys=True))
