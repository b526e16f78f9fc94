"""One error type for bad input: it always names the file and, where known, the line."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A source, metadata or record file that the build cannot use."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {message}")


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


class ToolError(Exception):
    """A program the build runs (Node.js with citeproc-js, Pagefind) is missing or failed: not a fault
    of the input. The message names the program and what to do."""
