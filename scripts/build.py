#!/usr/bin/env python3
"""Build the reading edition: read seeds/, write the Markdown pages and data into docs/.

Usage: python scripts/build.py [--root DIR] [--docs DIR]

MkDocs is not needed for this step; `mkdocs build` and `mkdocs serve` call it
through scripts/mkdocs_hooks.py.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from edition.errors import InputError, ToolError
from edition.pipeline import build


def site_url(root: Path) -> str | None:
    """mkdocs.yml's `site_url`: the one place that says where the site is published."""
    with (root / "mkdocs.yml").open(encoding="utf-8") as f:
        return yaml_load(f).get("site_url")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="project folder (with seeds/ and registry/)")
    parser.add_argument("--docs", type=Path, default=None, help="output folder (default ROOT/docs)")
    parser.add_argument("--timings", action="store_true", help="print the time each stage took")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.INFO)
    try:
        report = build(args.root, args.docs, site_url(args.root))
    except (InputError, ToolError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    blocks = sum(len(e.blocks) for e in report.editions)
    repairs = sum(len(e.repairs) for e in report.editions)
    mentions = sum(len(b.mentions) for e in report.editions for b in e.blocks)
    print(f"built {len(report.editions)} sources: {blocks} blocks, {repairs} repairs, {mentions} mentions; "
          f"{len(report.written)} files written, {len(report.removed)} removed")
    if args.timings:
        total = sum(report.seconds.values())
        print("stage times: " + ", ".join(f"{k} {v:.3f} s" for k, v in report.seconds.items())
              + f"; total {total:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
