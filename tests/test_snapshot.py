"""The seeds' site, compared with its recorded snapshot (tests/snapshots/seeds-site.json): every page
as a browser reads it, every other file byte for byte. A change of code that should not change what
readers get (moving the HTML into templates, a faster build) must leave it the same; a change that
should is listed in INTENDED with its reason until the snapshot is recorded again:

    python tests/snapshot.py SITE > tests/snapshots/seeds-site.json

(SITE built as the `built` fixture builds it: EDITION_VERSION and SOURCE_DATE_EPOCH from support.py.)

History: the snapshot was first recorded from the site as it was before the pages were made from
templates (issue 11). Against it the templates changed three files, each intended: the How to cite
example's page (p. 50, read from the edition; it was written as 49), the search index (that page's
text; the paragraphs' and entries' words escaped as HTML) and the stylesheet (the phone layout); and
the escaping of descriptions handed to the theme mended 17 entry pages' meta descriptions. It was
recorded again after the repairs of the last extraction damage (issue 14), which change the text of
three sources and so their pages, data, mentions and the entries that quote them (148 files).
Then again when a repair's words cut by a link came to carry one mark, not one per part (three source
pages and the stylesheet). Then after the citations were redone (issue 13): no page carries a canonical
link to 127.0.0.1 any more (every page), the pages a paragraph is on are given as a range with "pp."
(KWIC lines, search titles), the reference lines of two sources, the Cite data, the reference-manager
files (now also of the edition) and How to cite; the theme's source maps are no longer copied. Then
when the pictures came (issue 15): every page's navigation gains "Relations" (a new page), entry pages
their strips and graph, source pages their profile, the timeline its charts, and the stylesheet and script.
Then when references came to be marked, not only names (issue 12): the curated references and the new
rules of the matcher change the source pages, the mentions, the entry pages that list them, the search
index and the About page; then dates as people write them (entry pages, registers, timeline) and
entries.json's notes. Then with the concepts and events found by reading each source, the new concepts,
the merged entries (their old addresses now lead to the kept ones), the descriptions that fit every
source and the notes written for readers, with links (issue 12): source pages, entry and register pages,
mentions, entries.json and the search index. Then when an entry's mentions that share a sentence came to
be one line of its page, each marked (87 entry pages).
"""

from __future__ import annotations

import json
from pathlib import Path

from snapshot import differences, site_digests
from support import ROOT

SNAPSHOT = ROOT / "tests" / "snapshots" / "seeds-site.json"
INTENDED: dict[str, str] = {}  # path: why it differs from the snapshot, until the snapshot is recorded again


def test_the_seeds_site_is_the_snapshot_but_for_the_intended_changes(site: Path) -> None:
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    found = differences(site, recorded)
    unexpected = {path: how for path, how in found.items() if path not in INTENDED}
    assert not unexpected, f"{len(unexpected)} files differ from the snapshot: {unexpected}"
    assert len(site_digests(site)) > 800  # the whole site was compared


def test_the_snapshot_tells_a_changed_page_from_a_respelled_one(tmp_path: Path) -> None:
    page = tmp_path / "page" / "index.html"
    page.parent.mkdir()
    page.write_text('<p title="a &quot;b&quot;">It&#x27;s\n  here</p>', encoding="utf-8")
    recorded = site_digests(tmp_path)
    page.write_text('<p title="a &#34;b&#34;">It\'s here</p>', encoding="utf-8")
    assert differences(tmp_path, recorded) == {}
    page.write_text('<p title="a &#34;b&#34;">It\'s <b>here</b></p>', encoding="utf-8")
    assert differences(tmp_path, recorded) == {"page/index.html": "changed"}
    page.write_text('<p title="a "b"">It\'s here</p>', encoding="utf-8")  # a broken attribute
    assert differences(tmp_path, recorded) == {"page/index.html": "changed"}
