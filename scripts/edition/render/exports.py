"""Data files of the registers: entries.json, and every mention as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json

from ..index import Index

MENTION_FIELDS = ["source", "anchor", "start", "end", "surface", "entry", "inside"]


def entries_json(index: Index) -> str:
    rows = []
    for item in sorted(index.entries.values(), key=lambda i: i.entry.id):
        e = item.entry
        rows.append({
            "id": e.id, "register": e.register, "kind": e.kind, "name": e.name,
            "aliases": [a.text for a in e.aliases if a.text != e.name],
            "date": e.date, "date_end": e.date_end, "precision": e.precision,
            "description": e.description, "evidence": [f"{s}#{a}" for s, a in e.evidence],
            "related": e.related, "url": e.url, "mentions": item.count, "note": e.note,
        })
    return json.dumps({"entries": rows}, ensure_ascii=False, indent=1) + "\n"


def _mentions(index: Index) -> list[dict[str, object]]:
    return [{"source": m.source_id, "anchor": m.anchor, "start": m.start, "end": m.end, "surface": m.surface,
             "entry": m.entry_id, "inside": m.inside or ""}
            for edition in index.editions for block in edition.blocks for m in block.mentions]


def mentions_json(index: Index) -> str:
    return json.dumps({"fields": MENTION_FIELDS, "mentions": _mentions(index)}, ensure_ascii=False) + "\n"


def mentions_csv(index: Index) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MENTION_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_mentions(index))
    return out.getvalue()
