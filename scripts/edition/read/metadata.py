"""Metadata beside a source: `NAME.yml`, CSL-JSON variable names plus an `edition` block.

The schema is the one source of truth for what a metadata file may say; a
mistake is reported with the file and the line of the offending key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..errors import InputError

NAME = {
    "type": "object",
    "properties": {"family": {"type": "string"}, "given": {"type": "string"}, "literal": {"type": "string"}},
    "additionalProperties": False,
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
        "edition": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "shape": {"enum": ["plain", "pdf-text", "markdown-export", "web-article"]},
                "first_page": {"type": "integer"},
                "running_header": {"type": "string"},
                "notes": {"enum": ["none", "glued-digits", "superscript"]},
                "pages_note": {"type": "string"},
                "description": {"type": "string"},
            },
        },
    },
}


def load_metadata(path: Path) -> dict[str, Any]:
    """Parse and validate one metadata file; raise InputError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(path, f"metadata is not UTF-8 ({err.reason})") from err
    except OSError as err:
        raise InputError(path, f"cannot read metadata: {err.strerror}") from err
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        # where the broken construct began is more use than where the parser gave up
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise InputError(path, f"metadata does not parse: {getattr(err, 'problem', err)}", line) from err
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "metadata must be a mapping of keys to values", 1)
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        where = list(err.path) + _unknown_keys(err)[:1]
        raise InputError(path, _describe(err), _line_of_path(node, where))
    header = data.get("edition", {}).get("running_header")
    if header:
        try:
            re.compile(header)
        except re.error as err:
            raise InputError(path, f"edition.running_header is not a valid pattern: {err}",
                             _line_of_path(node, ["edition", "running_header"])) from err
    return data


def _describe(err: jsonschema.ValidationError) -> str:
    where = ".".join(str(p) for p in err.path) or "metadata"
    if err.validator == "additionalProperties":
        return f"{where}: unknown key(s) {', '.join(_unknown_keys(err))}"
    return f"{where}: {err.message}"


def _unknown_keys(err: jsonschema.ValidationError) -> list[str]:
    if err.validator != "additionalProperties":
        return []
    return sorted(set(err.instance) - set(err.schema.get("properties", {})))


def _line_of_path(node: yaml.Node | None, path: list[Any]) -> int | None:
    """Line (1-based) of the YAML key or item at `path`, or of the nearest parent found."""
    line = node.start_mark.line + 1 if node else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            pairs = [(k, v) for k, v in node.value if k.value == str(key)]
            if not pairs:
                return line
            line = pairs[0][0].start_mark.line + 1
            node = pairs[0][1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line
