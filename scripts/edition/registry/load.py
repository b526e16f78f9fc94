"""Load the registry folder and check it: every mistake is reported with its file and line.

Files: `actors.yml`, `events.yml`, `concepts.yml`, `places.yml` (lists of entries) and
`not-entries.yml` (reviewed candidates that are not entries). `protected.yml` is read by
the repair stage.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from .. import yamlfile
from ..errors import InputError
from ..read.metadata import describe, unknown_keys
from ..vocabulary import KINDS, Register
from .model import REGISTERS, Alias, Entry, Reference, Registry, note_pieces

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ALIAS = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {"type": "object", "additionalProperties": False, "required": ["text"], "properties": {
            "text": {"type": "string", "minLength": 1},
            "case": {"enum": ["exact", "any"]},
            "sources": {"type": "array", "items": {"type": "string"}},
            "not_sources": {"type": "array", "items": {"type": "string"}},
            "before": {"type": "string"}, "not_before": {"type": "string"},
            "after": {"type": "string"}, "not_after": {"type": "string"},
            # only in these paragraphs of its sources: "p13-p16", "n27" (a sense that holds in one section)
            "paragraphs": {"type": "array", "items": {"type": "string", "pattern": r"^[a-z]+\d+(-[a-z]+\d+)?$"}},
        }},
    ]
}
ANCHOR_REF = {"type": "string", "pattern": r"^[a-z0-9-]+#[\w-]+$"}


def entry_schema(register: str) -> dict[str, Any]:
    props: dict[str, Any] = {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
        "name": {"type": "string", "minLength": 1},
        "kind": {"enum": list(KINDS[Register(register)])},
        "aliases": {"type": "array", "items": ALIAS},
        "description": {"type": "string", "minLength": 10},
        "evidence": {"oneOf": [ANCHOR_REF, {"type": "array", "items": ANCHOR_REF, "minItems": 1}]},
        "related": {"type": "array", "items": {"type": "string"}},
        "defined_at": {"type": "array", "items": ANCHOR_REF},
        # ids this entry had before two entries were merged: their pages lead here, so links to them hold
        "formerly": {"type": "array", "items": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}},
        "note": {"type": "string"},  # for readers: shown on the entry's page ([[id]] and source#p3 are links)
        "curation": {"type": "string"},  # for curators: how the entry is matched (not shown)
    }
    required = ["id", "name", "kind", "description", "evidence"]
    if register == "event":
        props |= {"date": {"type": "string", "pattern": DATE}, "date_end": {"type": "string", "pattern": DATE},
                  "precision": {"enum": ["day", "month", "year", "decade"]}}
        required += ["date", "precision"]
    return {"type": "object", "additionalProperties": False, "required": required, "properties": props}


def load_registry(folder: Path) -> Registry:
    entries: dict[str, Entry] = {}
    for register in REGISTERS:
        path = folder / f"{register}s.yml"
        if path.exists():
            for entry in _load_file(path, register):
                if entry.id in entries:
                    first = entries[entry.id]
                    raise InputError(path, f"duplicate id {entry.id!r} (first at {first.file}:{first.line})",
                                     entry.line)
                entries[entry.id] = entry
    registry = Registry(entries, _load_not_entries(folder / "not-entries.yml"),
                        load_references(folder / "references.yml", entries))
    check_links(registry)
    check_alias_clashes(registry)
    check_former_ids(registry)
    return registry


def check_former_ids(registry: Registry) -> None:
    """A merged entry's old id leads to the entry it joined: it cannot be an entry's id, or two entries'."""
    seen: dict[str, Entry] = {}
    for entry in registry.entries.values():
        for old in entry.formerly:
            if old in registry.entries or old in seen:
                other = seen.get(old) or registry.entries[old]
                raise InputError(entry.file or "registry", f"entry {entry.id!r}: {old!r} (formerly) is also "
                                 f"{'the id of' if old in registry.entries else 'a former id of'} {other.id!r}",
                                 entry.line)
            seen[old] = entry


def _load_file(path: Path, register: str) -> list[Entry]:
    data, node = yamlfile.load(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(path, "expected a list of entries", 1)
    if not valid(fast_check(register), data):  # jsonschema only to say where and what the mistake is
        report_first_error(path, node, data, register)
    return [_entry(item, register, path, node, i) for i, item in enumerate(data)]


@functools.cache
def fast_check(register: str) -> Callable[[Any], Any]:
    """A register's schema compiled to Python (fastjsonschema): a tenth of jsonschema's time, which
    counts in every build; its messages are terse, so a file that fails is checked again by jsonschema."""
    return fastjsonschema.compile({"type": "array", "items": entry_schema(register)})


@functools.cache
def fast_references() -> Callable[[Any], Any]:
    return fastjsonschema.compile(REFERENCES)


def valid(check: Callable[[Any], Any], data: Any) -> bool:
    try:
        check(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def report_first_error(path: Path, node: Any, data: list[Any], register: str) -> None:
    validator = jsonschema.Draft202012Validator(entry_schema(register))
    for i, item in enumerate(data):
        errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
        if errors:
            err = errors[0]
            if err.validator == "required":
                missing = next(k for k in err.validator_value if k not in item)
                raise InputError(path, f"entry {item.get('id', i + 1)!r}: missing field {missing!r}",
                                 yamlfile.line_of(node, [i]))
            where = [i, *err.path, *unknown_keys(err)[:1]]
            raise InputError(path, f"entry {item.get('id', i + 1)!r}: {describe(err)}", yamlfile.line_of(node, where))
    raise InputError(path, "not a list of entries as the registry's schema describes them", 1)


def _entry(item: dict[str, Any], register: str, path: Path, node: Any, i: int) -> Entry:
    line = yamlfile.line_of(node, [i])
    aliases = [_alias(raw, item["id"], path, yamlfile.line_of(node, [i, "aliases", k]))
               for k, raw in enumerate(item.get("aliases", []))]
    if not any(a.text == item["name"] for a in aliases):  # an alias with rules may stand for the name itself
        aliases.insert(0, _alias(item["name"], None, path, line))
    evidence = item["evidence"] if isinstance(item["evidence"], list) else [item["evidence"]]
    entry = Entry(
        id=item["id"], register=register, name=item["name"], kind=item["kind"], description=item["description"],
        aliases=_unique_aliases(aliases), evidence=[_ref(x) for x in evidence], related=item.get("related", []),
        date=item.get("date"), date_end=item.get("date_end"), precision=item.get("precision"),
        note=item.get("note", ""), defined_at=[_ref(x) for x in item.get("defined_at", [])],
        formerly=item.get("formerly", []), file=path, line=line,
    )
    _check_dates(entry, path, node, i)
    return entry


def _ref(text: str) -> tuple[str, str]:
    source, anchor = text.split("#", 1)
    return source, anchor


def _alias(raw: str | dict[str, Any], entry_id: str | None, path: Path, line: int | None) -> Alias:
    spec = {"text": raw} if isinstance(raw, str) else raw
    text = spec["text"].strip()
    exact = spec.get("case", default_case(text)) == "exact"

    def pattern(key: str, anchor: str) -> re.Pattern[str] | None:
        if key not in spec:
            return None
        try:
            return re.compile(spec[key] + anchor if anchor == "$" else spec[key])
        except re.error as err:
            raise InputError(path, f"alias {text!r}: {key} is not a valid pattern: {err}", line) from err

    return Alias(
        text=text, exact_case=exact,
        sources=frozenset(spec["sources"]) if "sources" in spec else None,
        not_sources=frozenset(spec.get("not_sources", [])),
        before=pattern("before", "$"), not_before=pattern("not_before", "$"),
        after=pattern("after", ""), not_after=pattern("not_after", ""),
        paragraphs=tuple(_paragraph_range(r) for r in spec.get("paragraphs", [])), line=line,
    )


def default_case(alias: str) -> str:
    """Whether an alias matches only as written ("exact") or in any case ("any"). A name of two words or
    more also matches in lower case ("war on terror" for "War on Terror", "the Holocaust" for "The
    Holocaust"); one word with a capital ("Bush", "Chad", "Government"), a name with an acronym in it
    ("US", "AU") and "the" with one word ("the President") match only as written: in lower case they are
    other words ("bush", "us", "au", "the president of Burundi")."""
    words = [w for w in re.findall(r"[^\W_]+", alias)]
    content = [w for w in words if w.casefold() not in ("the", "a", "an")]
    if not any(c.isupper() for c in alias):
        return "any"
    if len(content) < 2 or any(len(w) > 1 and w.isupper() for w in words) or any(c.isdigit() for c in alias):
        return "exact"
    return "any"


def _paragraph_range(text: str) -> tuple[str, int, int]:
    first, _, last = text.partition("-")
    a, b = re.match(r"([a-z]+)(\d+)", first), re.match(r"([a-z]+)(\d+)", last or first)
    return a.group(1), int(a.group(2)), int(b.group(2))  # type: ignore[union-attr]


def _unique_aliases(aliases: list[Alias]) -> list[Alias]:
    seen: set[tuple[str, bool, bool]] = set()
    out = []
    for a in aliases:
        key = (a.text if a.exact_case else a.text.casefold(), a.conditional or a.scoped, a.sources is not None)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _check_dates(entry: Entry, path: Path, node: Any, i: int) -> None:
    for key in ("date", "date_end"):
        value = getattr(entry, key)
        if value and not _valid_date(value):
            raise InputError(path, f"entry {entry.id!r}: {key} {value!r} is not a date",
                             yamlfile.line_of(node, [i, key]))
    if entry.date and entry.date_end and entry.date_end < entry.date:
        raise InputError(path, f"entry {entry.id!r}: date_end is before date", yamlfile.line_of(node, [i, "date_end"]))


def _valid_date(value: str) -> bool:
    import datetime as dt

    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def check_links(registry: Registry) -> None:
    for entry in registry.entries.values():
        linked = [value for kind, value in note_pieces(entry.note) if kind == "entry"]
        for target in [*entry.related, *linked]:
            if target not in registry.entries:
                where = "related entry" if target in entry.related else "the note's link [[...]] to"
                raise InputError(entry.file or "registry", f"entry {entry.id!r}: {where} {target!r} does not exist",
                                 entry.line)


def check_alias_clashes(registry: Registry) -> None:
    """Two entries may share an alias only if a rule decides which one a mention means."""
    by_text: dict[str, list[tuple[Entry, Alias]]] = {}
    for entry in registry.entries.values():
        for alias in entry.aliases:
            by_text.setdefault(alias.text.casefold(), []).append((entry, alias))
    for claims in by_text.values():
        for k, (e1, a1) in enumerate(claims):
            for e2, a2 in claims[k + 1:]:
                if e1.id == e2.id or a1.conditional or a2.conditional or a1.scoped or a2.scoped:
                    continue
                if a1.exact_case and a2.exact_case and a1.text != a2.text:
                    continue
                if a1.sources is not None and a2.sources is not None and not (a1.sources & a2.sources):
                    continue
                if a1.sources is not None and a2.sources is None and a1.sources <= a2.not_sources:
                    continue
                if a2.sources is not None and a1.sources is None and a2.sources <= a1.not_sources:
                    continue
                raise InputError(e2.file or "registry",
                                 f"alias {a2.text!r} of {e2.id!r} is also an alias of {e1.id!r} ({e1.file}:{a1.line}) "
                                 "with no rule (sources, before/after) that decides between them", a2.line)


def check_evidence(registry: Registry, anchors: dict[str, set[str]]) -> None:
    """Every evidence and definition link, and every paragraph a note cites, names a source and a
    paragraph that exist."""
    for entry in registry.entries.values():
        cited = [tuple(value.split("#")) for kind, value in note_pieces(entry.note) if kind == "paragraph"]
        for source_id, anchor in [*entry.evidence, *entry.defined_at, *cited]:
            if source_id not in anchors:
                raise InputError(entry.file or "registry", f"entry {entry.id!r}: no source {source_id!r}", entry.line)
            if anchor not in anchors[source_id]:
                raise InputError(entry.file or "registry",
                                 f"entry {entry.id!r}: source {source_id!r} has no paragraph {anchor!r}", entry.line)


def _load_not_entries(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    data, node = yamlfile.load(path)
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise InputError(path, "expected a mapping of candidate to the reason it is not an entry", 1)
    return {str(k): v for k, v in data.items()}


REFERENCES = {
    "type": "object",
    "additionalProperties": {  # a source
        "type": "object",
        "propertyNames": {"pattern": r"^[\w-]+$"},
        "additionalProperties": {  # a paragraph: its references, in order
            "type": "array",
            # `entry`: the entry the words refer to; or `none`: why they refer to no entry, though an alias
            # would say so (a word in the title of a cited work; "near anarchy" in a country)
            "items": {"type": "object", "additionalProperties": False, "required": ["quote"],
                      "oneOf": [{"required": ["entry"]}, {"required": ["none"]}],
                      "properties": {"quote": {"type": "string", "minLength": 2}, "entry": {"type": "string"},
                                     "none": {"type": "string", "minLength": 3}, "note": {"type": "string"}}},
        },
    },
}


def load_references(path: Path, entries: dict[str, Entry]) -> list[Reference]:
    """`references.yml`: source -> paragraph -> [{quote, entry}]: words that refer to an entry though no
    alias can say so (an event told, not named; a sense that holds in one passage)."""
    if not path.exists():
        return []
    data, node = yamlfile.load(path)
    if data is None:
        return []
    if not valid(fast_references(), data):
        err = sorted(jsonschema.Draft202012Validator(REFERENCES).iter_errors(data), key=lambda e: list(e.path))[0]
        raise InputError(path, describe(err), yamlfile.line_of(node, [*err.path, *unknown_keys(err)[:1]]))
    out = []
    for source_id, paragraphs in data.items():
        for anchor, refs in (paragraphs or {}).items():
            for k, ref in enumerate(refs):
                line = yamlfile.line_of(node, [source_id, anchor, k])
                entry = ref.get("entry")
                if entry is not None and entry not in entries:
                    raise InputError(path, f"{source_id}#{anchor}: no entry {entry!r}", line)
                out.append(Reference(source_id, str(anchor), ref["quote"], entry, path, line))
    return out
