#!/usr/bin/env python3
"""Report names, acronyms and "Long Name (ABBR)" definitions in the sources that are neither
registry entries nor on the reviewed list `registry/not-entries.yml`.

Usage: python scripts/candidates.py [--root DIR]   (exit 1 while any candidate is unreviewed)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from edition.errors import InputError
from edition.index.candidates import candidates, report
from edition.pipeline import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as docs:
            result = build(args.root, Path(docs))
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    found = candidates(result.editions, result.registry)
    print(report(found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
