"""What counts as a word: English word frequencies (wordfreq), the source's own
usage, and the curated list of names that must never be split."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

from ..errors import InputError

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    return zipf_frequency(word.lower().replace("’", "'"), "en")


class Lexicon:
    """Words of one source plus the protected names."""

    def __init__(self, text: str, protected: frozenset[str]) -> None:
        # a hyphen at a line end is the question, not evidence: leave such words out of the counts
        flat = re.sub(r"\S*-[ \t]*\r?\n\s*\S*", " ", text)
        self.counts = Counter(WORD.findall(flat))
        self.lower_counts = Counter(w.lower() for w in self.counts.elements())
        self.hyphenated = Counter(m.lower() for m in re.findall(r"\b[^\W\d_]+-[^\W\d_]+\b", flat))
        self.protected = protected
        self.protected_lower = frozenset(w.lower() for w in protected)
        repeated = {w for w, n in self.counts.items() if n >= 2 and w[:1].isupper() and not _camel(w)}
        self.names = frozenset(protected | repeated)  # words the segmentation model must know
        # the source's own vocabulary makes its words likelier splits ("arealist": "a realist", not "area list")
        self.usual = frozenset(w.lower() for w, n in self.lower_counts.items() if n >= 3 and len(w) >= 4)
        self.splits: dict[tuple[str, bool], tuple[str, ...] | None] = {}  # split_glued's decisions

    def is_protected(self, word: str) -> bool:
        return word.lower() in self.protected_lower

    def known(self, word: str) -> bool:
        """A word that stands as it is: protected, common English, or a name the source repeats."""
        base = re.sub(r"['’]s$", "", word)
        if self.is_protected(base) or zipf(base) >= 1.5:
            return True
        return base[:1].isupper() and not _camel(base) and self.counts[base] >= 2

    def solid(self, word: str) -> int:
        """How often the source writes `word` solid (as one word, without a hyphen)."""
        return self.lower_counts[word.lower()]


def _camel(word: str) -> bool:
    return bool(re.search(r"[a-z][A-Z]", word))


def load_protected(path: Path) -> frozenset[str]:
    """The curated names that word segmentation must leave whole."""
    if not path.exists():
        return frozenset()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError(path, f"does not parse: {getattr(err, 'problem', err)}",
                         mark.line + 1 if mark else None) from err
    words = data.get("words") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise InputError(path, "expected a key `words` with a list of words", 1)
    return frozenset(words)
