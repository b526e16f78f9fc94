"""YAML files read with their line numbers, so that every error can name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: ten times faster


def load(path: Path) -> tuple[Any, yaml.Node | None]:
    """The data of a YAML file and its node tree (for line numbers); InputError if it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(path, f"is not UTF-8 ({err.reason})") from err
    except OSError as err:
        raise InputError(path, f"cannot be read: {err.strerror}") from err
    loader = Loader(text)  # a safe loader (C or Python)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None  # from the same parse
    except yaml.YAMLError as err:
        # where the broken construct began is more use than where the parser gave up
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        raise InputError(path, f"does not parse: {getattr(err, 'problem', err)}",
                         mark.line + 1 if mark else None) from err
    finally:
        loader.dispose()
    return data, node


def line_of(node: yaml.Node | None, path: list[Any]) -> int | None:
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
