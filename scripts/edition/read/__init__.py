"""Read: load a source file and its metadata, then recover its structure.

One reader per shape of input (as Pelican has one reader per format). The
shape is named in the metadata or recognised from the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, line_of
from ..model import Layout, Source
from ..vocabulary import Shape
from . import markdown_export, pdf_text, plain, web_article
from .metadata import load_metadata

READERS: dict[Shape, Callable[[Source], Layout]] = {
    Shape.PLAIN: plain.read,
    Shape.PDF_TEXT: pdf_text.read,
    Shape.MARKDOWN_EXPORT: markdown_export.read,
    Shape.WEB_ARTICLE: web_article.read,
}

MAX_BYTES = 20 * 1024 * 1024  # a reading page, not a data dump


def metadata_path(text_path: Path) -> Path:
    return text_path.with_suffix(".yml")


def load_source(path: Path) -> Source:
    """Read `NAME.txt` and `NAME.yml` beside it; raise InputError for unusable input."""
    text = decode(path)
    meta_file = metadata_path(path)
    if meta_file.exists():
        meta = load_metadata(meta_file)
    else:
        meta = {"title": fallback_title(text, path)}
        meta_file = None
    meta.setdefault("id", slug(path.stem))
    meta.setdefault("edition", {})
    meta["edition"].setdefault("shape", detect_shape(text))
    return Source(id=meta["id"], path=path, text=text, meta=meta, meta_path=meta_file)


def decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read source: {err.strerror}") from err
    if len(data) > MAX_BYTES:
        raise InputError(path, f"source is {len(data) // 2**20} MiB; the limit is {MAX_BYTES // 2**20} MiB")
    if b"\x00" in data:
        raise InputError(path, "source is binary (it contains NUL bytes), not text",
                         data.count(b"\n", 0, data.index(b"\x00")) + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(path, f"source is not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
                         line) from err
    if not text.strip("\ufeff \t\r\n"):
        raise InputError(path, "source is empty", 1)
    bad = re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if bad:
        raise InputError(path, f"source contains control character U+{ord(bad.group()):04X}",
                         line_of(text, bad.start()))
    return text


def detect_shape(text: str) -> str:
    """Recognise the shape of a source that has no metadata saying it."""
    if re.search(r"\[End Page \d+\]", text):
        return Shape.WEB_ARTICLE
    lengths = [len(x) for x in text.splitlines() if x.strip()]
    if len(lengths) >= 20:
        lengths.sort()
        median = lengths[len(lengths) // 2]
        p90 = lengths[int(len(lengths) * 0.9)]
        if 40 <= median <= 110 and p90 <= 1.35 * median:
            return Shape.PDF_TEXT
    return Shape.PLAIN


def fallback_title(text: str, path: Path) -> str:
    for raw in text.splitlines():
        line = raw.strip().lstrip("\ufeff")
        if 3 <= len(line) <= 120:
            return line
    return path.stem.replace("_", " ")


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s or "source"


def read(source: Source) -> Layout:
    return READERS[source.meta["edition"]["shape"]](source)
