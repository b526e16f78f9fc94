"""Metadata beside a source: `NAME.yml`, CSL-JSON variable names plus an `edition` block.

The schema is the one source of truth for what a metadata file may say; a
mistake is reported with the file and the line of the offending key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema

from .. import yamlfile
from ..errors import InputError
from ..vocabulary import NoteStyle, Shape

NAME = {
    "type": "object",
    "properties": {"family": {"type": "string"}, "given": {"type": "string"}, "literal": {"type": "string"}},
    "additionalProperties": False,
}

EVIDENCE = {
    "type": "object", "additionalProperties": False, "required": ["fact", "url", "quote"],
    "properties": {"fact": {"type": "string"}, "url": {"type": "string", "pattern": "^https?://"},
                   "quote": {"type": "string", "minLength": 1}},
}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
        "type": {"enum": ["article-journal", "report", "thesis", "book", "chapter", "webpage", "document"]},
        "title": {"type": "string", "minLength": 1},
        "title-short": {"type": "string"},
        "author": {"type": "array", "items": NAME},
        "container-title": {"type": "string"},
        "volume": {"type": ["string", "integer"]},
        "issue": {"type": ["string", "integer"]},
        "page": {"type": "string", "pattern": r"^\d+(-\d+)?$"},
        "issued": {"type": ["string", "integer"], "pattern": r"^(c\. )?\d{4}(-\d{2}(-\d{2})?)?$"},
        "DOI": {"type": "string"},
        "URL": {"type": "string"},
        "publisher": {"type": "string"},
        "publisher-place": {"type": "string"},
        "genre": {"type": "string"},
        "language": {"type": "string"},
        "note": {"type": "string"},
        "archive": {"type": "string"},  # where a reader finds the text: the site or collection that holds it
        "edition": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "shape": {"enum": [s.value for s in Shape]},
                "first_page": {"type": "integer"},
                "running_header": {"type": "string"},
                "notes": {"enum": [s.value for s in NoteStyle]},
                "pages_note": {"type": "string"},
                "description": {"type": "string"},
                # journals paginated by issue: OSCOLA then gives the issue after the volume, "65(6)"
                "paginated_by": {"enum": ["volume", "issue"]},
                "republished": {
                    "type": "object", "additionalProperties": False, "required": ["site", "date", "url"],
                    "properties": {"title": {"type": "string"}, "site": {"type": "string"},
                                   "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                                   "url": {"type": "string", "pattern": "^https://"}},
                },
                # where a fact above comes from: a public record, its address and its words
                "evidence": {"type": "array", "items": EVIDENCE},
            },
        },
    },
}


def load_metadata(path: Path) -> dict[str, Any]:
    """Parse and validate one metadata file; raise InputError naming file and line."""
    try:
        data, node = yamlfile.load(path)
    except InputError as err:
        raise InputError(path, f"metadata {err.message}", err.line) from err
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "metadata must be a mapping of keys to values", 1)
    check(path, data, node, SCHEMA)
    header = data.get("edition", {}).get("running_header")
    if header:
        try:
            re.compile(header)
        except re.error as err:
            raise InputError(path, f"edition.running_header is not a valid pattern: {err}",
                             yamlfile.line_of(node, ["edition", "running_header"])) from err
    return data


def check(path: Path, data: Any, node: Any, schema: dict[str, Any]) -> None:
    """Validate a file's data against its schema; InputError naming the line of the first mistake."""
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        raise InputError(path, describe(err), yamlfile.line_of(node, list(err.path) + unknown_keys(err)[:1]))


def describe(err: jsonschema.ValidationError) -> str:
    where = ".".join(str(p) for p in err.path)
    prefix = f"{where}: " if where else ""
    if err.validator == "additionalProperties":
        return f"{prefix}unknown key(s) {', '.join(unknown_keys(err))}"
    return f"{prefix}{err.message}"


def unknown_keys(err: jsonschema.ValidationError) -> list[str]:
    if err.validator != "additionalProperties":
        return []
    return sorted(set(err.instance) - set(err.schema.get("properties", {})))
