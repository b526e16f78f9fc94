"""The "Performance" page: the benchmark's last figures (scripts/benchmark-results.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .markup import render

RESULTS = Path(__file__).resolve().parents[2] / "benchmark-results.json"  # written by scripts/benchmark.py
STAGES = ["read", "registry", "repair", "segment", "annotate", "index", "cite", "render", "write"]


def performance_markdown(results_file: Path = RESULTS) -> str | None:
    if not results_file.exists():
        return None
    data = json.loads(results_file.read_text(encoding="utf-8"))
    return render("performance.md.j2", data=data, stages=STAGES, growth=_growth(data),
                  seeds=next((r for r in data["corpora"] if r.get("without_annotation")), None),
                  serve=next((r["serve_after_edit"] for r in data["corpora"] if r.get("serve_after_edit")), None),
                  searches=[(r["sources"], s) for r in data["corpora"] for s in r.get("search", [])])


def _growth(data: dict[str, Any]) -> dict[str, Any] | None:
    """Whether build time grows linearly: the largest corpus against the one a fifth of its size."""
    rows = {r["sources"]: r for r in data["corpora"]}
    big = max(rows, default=0)
    small = rows.get(big // 5)
    if not small:
        return None
    return {"big": big, "small": big // 5, "ratio": rows[big]["mkdocs_build_s"] / small["mkdocs_build_s"],
            "slowest": min(r["annotate_mb_per_s"] for r in rows.values())}
