"""A content-keyed cache of stage results, so that a rebuild redoes only what changed.

A result is stored under the hash of everything it depends on: its inputs' bytes, its settings and
the code of this package. A change to any of them makes a new key, so a stored result is never
stale; it is simply not asked for again, and once no build has used it for UNUSED_FOR it is
removed (each build prunes). Results are pickles in `<project>/.cache/edition/`. Delete that folder
to empty the cache, or set EDITION_CACHE=off to build without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
UNUSED_FOR = 24 * 3600  # seconds an entry is kept after a build last used it: an undo under `serve` finds it


@cache
def code_digest() -> str:
    """The hash of this package's code: a new version of any stage is a new key for every result."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256(code_digest().encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class Cache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = None if os.environ.get("EDITION_CACHE", "").lower() == "off" else folder
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        if path is None or not path.exists():
            self.misses += 1
            return None
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1  # a damaged or outdated entry is rebuilt, never trusted
            return None
        self.hits += 1
        os.utime(path)  # used now: its age is the time since a build last used it
        return value

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)  # a reader sees a whole entry or none

    def prune(self) -> int:
        """Remove the entries, and the leftovers of killed writes, that no build has used for UNUSED_FOR."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        cutoff = time.time() - UNUSED_FOR
        old = [p for pattern in ("*/*.pickle", "*/.*.tmp") for p in self.folder.glob(pattern)
               if p.stat().st_mtime < cutoff]
        for path in old:
            path.unlink(missing_ok=True)
        return len(old)

    def _path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / key[:2] / f"{key}.pickle"
