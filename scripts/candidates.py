#!/usr/bin/env python3
"""Report names, acronyms and "Long Name (ABBR)" definitions in the sources that are neither
registry entries nor on the reviewed list `registry/not-entries.yml`.

Usage: python scripts/candidates.py [--root DIR] [--suggest] [--drafts FILE]
(exit 1 while any name candidate is unreviewed). --suggest also lists suggested concepts (phrases a source
repeats that general English rarely uses) and events (dated sentences told with "signed", "invaded"...);
--drafts FILE writes them as ready-to-edit entries (registry/drafts/ is never read by the build).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from edition.errors import InputError
from edition.index.candidates import candidates, report
from edition.index.suggestions import drafts, suggestions
from edition.index.suggestions import report as suggestion_report
from edition.pipeline import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--suggest", action="store_true", help="also suggest concepts and events")
    parser.add_argument("--drafts", type=Path, help="write the suggestions as draft entries to this file")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as docs:
            result = build(args.root, Path(docs))
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    found = candidates(result.editions, result.registry)
    print(report(found))
    if args.suggest or args.drafts:
        suggested = suggestions(result.editions, result.registry)
        print(suggestion_report(suggested))
        if args.drafts:
            args.drafts.write_text(drafts(suggested), encoding="utf-8")
            print(f"\n{len(suggested)} draft entries written to {args.drafts}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
