"""A hyphen at the end of a line: part of the word ("time-consuming"), or only a break?"""

from __future__ import annotations

import re

from .lexicon import Lexicon, zipf

KEEP_PREFIXES = set("non self anti pre post co ex quasi well cross semi neo pan mid sub".split())


def keep_hyphen(left: str, right: str, lexicon: Lexicon) -> tuple[bool, str]:
    """Decide for `left-` at a line end followed by `right`; return the decision and why."""
    lw = re.findall(r"[^\W\d_]+$", left)
    rw = re.findall(r"^[^\W\d_]+", right)
    if not lw or not rw:
        return True, "the hyphen joins a number or a sign"
    lw, rw = lw[0], rw[0]
    if rw[0].isupper():
        return True, "the second part is capitalised"
    if lexicon.hyphenated[f"{lw}-{rw}".lower()]:
        return True, "the source writes it with a hyphen elsewhere"
    if lexicon.solid(lw + rw):
        return False, "the source writes it as one word elsewhere"
    if lw.lower() in KEEP_PREFIXES:
        return True, f"“{lw}-” is a prefix this text hyphenates"
    if zipf(lw + rw) >= 1.5:
        return False, "one word in English"
    return True, "a compound: the joined form is not an English word"
