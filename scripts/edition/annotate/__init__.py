"""Annotate: find every mention of a registry entry in the repaired text.

Mentions are standoff spans over each block's text (the text itself is never
touched, so anchors cannot move). Matching is by whole words, longest alias
first; where two entries share an alias, the registry's rules (sources,
text before or after) decide, conditional rules before plain ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Edition
from ..registry import Alias, Entry, Registry

TOKEN = re.compile(r"[^\W_]+")
NOT_AFTER = re.compile(r"^[$€£]")  # "US$" is a currency, not the United States
ANNOTATED = {"paragraph", "quote", "item", "abstract", "aside", "back", "note", "heading"}


@dataclass(frozen=True)
class Mention:
    source_id: str
    anchor: str
    start: int  # offsets in the block's repaired text
    end: int
    surface: str
    entry_id: str
    inside: str | None = None  # the entry whose longer name contains this one (not linked on the page)


def normal(text: str) -> str:
    if "’" not in text and "‘" not in text and "  " not in text and "\n" not in text and "\t" not in text:
        return text.strip()  # the usual case, without a regular expression
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


class Matcher:
    """Aliases in a trie of lower-case words; candidates are checked against case and rules."""

    def __init__(self, registry: Registry) -> None:
        self.trie: dict = {}
        self.wanted: dict[str, str] = {}  # each alias in the form mentions are compared with
        for entry in registry.entries.values():
            for alias in entry.aliases:
                words = [w.casefold() for w in TOKEN.findall(alias.text)]
                if not words:
                    continue
                node = self.trie
                for w in words:
                    node = node.setdefault(w, {})
                node.setdefault(None, []).append((entry, alias))
        for node in _nodes(self.trie):
            if None in node:
                node[None].sort(key=lambda ea: (not ea[1].conditional, ea[1].sources is None))

    def mentions(self, source_id: str, anchor: str, text: str) -> list[Mention]:
        tokens = Tokens(text)
        words = tokens.words
        root = self.trie
        out: list[Mention] = []
        i, n = 0, len(words)
        while i < n:
            word = words[i]
            node = root.get(word)
            if node is None:
                if not (word[-1] == "s" and word[:-1] in root):
                    i += 1  # most words begin no alias: skip them without a call
                    continue
            elif None not in node and not (i + 1 < n and _continues(node, words[i + 1])):
                i += 1  # the first word of longer names only ("the", "united"), not followed by the second
                continue
            found = self._longest(source_id, text, tokens, i)
            if found:
                end_index, start, end, entry = found
                out.append(Mention(source_id, anchor, start, end, text[start:end], entry.id))
                if end_index > i:  # a one-word name holds no shorter one
                    out += self._nested(source_id, anchor, text, tokens, i, end_index, entry)
                i = end_index + 1
            else:
                i += 1
        return out

    def _nested(self, source_id: str, anchor: str, text: str, tokens: Tokens,
                first: int, last: int, outer: Entry) -> list[Mention]:
        """Names of related entries inside a longer name ("NATO" in "NATO intervention in Bosnia")."""
        out = []
        i = first
        while i <= last:
            found = self._longest(source_id, text, tokens, i, exclude=outer.id, stop=last + 1)
            if found and found[3].id in outer.related and (found[1], found[2]) != (tokens.start(first),
                                                                                   tokens.end(last)):
                end_index, start, end, entry = found
                out.append(Mention(source_id, anchor, start, end, text[start:end], entry.id, inside=outer.id))
                i = end_index + 1
            else:
                i += 1
        return out

    def _longest(self, source_id: str, text: str, tokens: Tokens, i: int, exclude: str | None = None,
                 stop: int | None = None) -> tuple[int, int, int, Entry] | None:
        node, candidates = self.trie, []
        words = tokens.words
        for j in range(i, stop if stop is not None else len(words)):
            word = words[j]
            nxt = node.get(word)
            plural = None
            if nxt is None and len(word) > 3 and word.endswith("s"):
                plural = node.get(word[:-1])
                if plural is not None and None in plural:
                    candidates.append((j, plural[None], True))
            if nxt is None:
                break
            node = nxt
            if None in node:
                candidates.append((j, node[None], False))
        start = tokens.start(i)
        for j, claims, is_plural in reversed(candidates):
            end = tokens.end(j)
            if NOT_AFTER.match(text[end:end + 1]):
                continue
            for entry, alias in claims:
                if entry.id != exclude and self._fits(alias, source_id, text, start, end, is_plural):
                    return j, start, end, entry
        return None

    def _fits(self, alias: Alias, source_id: str, text: str, start: int, end: int, plural: bool) -> bool:
        if not alias.applies_in(source_id):
            return False
        surface = normal(text[start:end - 1] if plural else text[start:end])
        wanted = self.wanted.get(alias.text)
        if wanted is None:
            wanted = self.wanted[alias.text] = normal(alias.text)
        same = surface == wanted if alias.exact_case else surface.casefold() == wanted.casefold()
        return same and alias.fits(text, start, end)


def _continues(node: dict, word: str) -> bool:
    """Whether a name in the trie can go on with this word (or its singular)."""
    return word in node or (word[-1] == "s" and word[:-1] in node)


class Tokens:
    """The words of a text, lower-cased, with their spans looked up only for the few words that matter."""

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        source = lowered if len(lowered) == len(text) else text  # a letter whose lower case is longer
        self.matches = list(TOKEN.finditer(source))
        self.words = [m.group() for m in self.matches] if source is text else TOKEN.findall(lowered)
        if source is text:
            self.words = [w.casefold() for w in self.words]

    def __len__(self) -> int:
        return len(self.words)

    def start(self, i: int) -> int:
        return self.matches[i].start()

    def end(self, i: int) -> int:
        return self.matches[i].end()


def _nodes(trie: dict) -> list[dict]:
    out, stack = [], [trie]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(v for k, v in node.items() if k is not None)
    return out


def annotate(edition: Edition, matcher: Matcher) -> list[Mention]:
    """Every mention in one edition; each block keeps its own."""
    found: list[Mention] = []
    for block in edition.blocks:
        if block.kind in ANNOTATED and block.anchor:
            block.mentions = matcher.mentions(edition.source.id, block.anchor, block.text)
            found += block.mentions
    return found
