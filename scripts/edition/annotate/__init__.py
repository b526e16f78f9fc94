"""Annotate: find every mention of a registry entry in the repaired text.

Mentions are standoff spans over each block's text (the text itself is never
touched, so anchors cannot move). Matching is by whole words, longest alias
first; where two entries share an alias, the registry's rules (sources,
text before or after) decide, conditional rules before plain ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..model import Edition
from ..registry import Alias, Entry, Registry
from ..registry.model import Reference

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
        self.registers = {e.id: e.register for e in registry.entries.values()}
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
                node[None].sort(key=lambda ea: (not ea[1].scoped, not ea[1].conditional, ea[1].sources is None))

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
            found = self._longest(source_id, text, tokens, i, anchor=anchor)
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
            found = self._longest(source_id, text, tokens, i, exclude=outer.id, stop=last + 1, anchor=anchor)
            if found and found[3].id in outer.related and (found[1], found[2]) != (tokens.start(first),
                                                                                   tokens.end(last)):
                end_index, start, end, entry = found
                out.append(Mention(source_id, anchor, start, end, text[start:end], entry.id, inside=outer.id))
                i = end_index + 1
            else:
                i += 1
        return out

    def _longest(self, source_id: str, text: str, tokens: Tokens, i: int, exclude: str | None = None,
                 stop: int | None = None, anchor: str = "") -> tuple[int, int, int, Entry] | None:
        node, candidates = self.trie, []
        words = tokens.words
        for j in range(i, stop if stop is not None else len(words)):
            word = words[j]
            nxt = node.get(word)
            if nxt is None and len(word) > 3 and word.endswith("s"):
                nxt = node.get(word[:-1])  # a plural, at the end of a name or inside it ("stakeholders' conference")
            if nxt is None:
                break
            node = nxt
            if None in node:
                candidates.append((j, node[None]))
        start = tokens.start(i)
        for j, claims in reversed(candidates):
            end = tokens.end(j)
            if NOT_AFTER.match(text[end:end + 1]):
                continue
            for entry, alias in claims:
                if entry.id != exclude and (fit := self._fits(alias, source_id, anchor, text, start, end)):
                    return j, start, fit, entry
        return None

    def _fits(self, alias: Alias, source_id: str, anchor: str, text: str, start: int, end: int) -> int:
        """Where the mention ends if the alias fits here (0 if not): its punctuation ("U.S.") included."""
        if not alias.applies_in(source_id, anchor):
            return 0
        if alias.tail:
            if not text.startswith(alias.tail, end):
                return 0
            end += len(alias.tail)
        surface = normal(text[start:end])
        if surface != alias.text and not alias.pattern.fullmatch(surface):  # as written, or as the pattern allows
            return 0
        return end if alias.fits(text, start, end) else 0


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


def annotate(edition: Edition, matcher: Matcher, references: list[Reference] | None = None) -> list[Mention]:
    """Every mention in one edition, each block keeping its own: the names the matcher finds (none inside
    a web address) and the registry's curated references to this source."""
    by_anchor: dict[str, list[Reference]] = {}
    for ref in references or []:
        if ref.source_id == edition.source.id:
            by_anchor.setdefault(ref.anchor, []).append(ref)
    anchors = {b.anchor for b in edition.blocks if b.anchor}
    for anchor, refs in by_anchor.items():
        if anchor not in anchors:
            raise InputError(refs[0].file or "registry", f"{edition.source.id} has no paragraph {anchor!r}",
                             refs[0].line)
    found: list[Mention] = []
    for block in edition.blocks:
        if block.kind in ANNOTATED and block.anchor:
            mentions = outside_addresses(matcher.mentions(edition.source.id, block.anchor, block.text), block.text)
            block.mentions = with_references(mentions, by_anchor.get(block.anchor, []), block.text,
                                             edition.source.id, block.anchor, matcher.registers)
            found += block.mentions
    return found


URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")


def outside_addresses(mentions: list[Mention], text: str) -> list[Mention]:
    """A web address is not a mention ("Mbeki" in a sudantribune.com address, "Arab" in a PDF's name)."""
    if "http" not in text and "www." not in text:
        return mentions
    spans = [m.span() for m in URL.finditer(text)]
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]


def with_references(mentions: list[Mention], refs: list[Reference], text: str, source_id: str,
                    anchor: str, registers: dict[str, str] | None = None) -> list[Mention]:
    """The curated references of a paragraph added to its mentions. Each takes the next place its words
    occur. A mention inside its words stays a mention of its own if it is a name (an actor or a place:
    "Habyarimana" in "the plane carrying Habyarimana ... crashed", "Rwanda" in "the 1994 genocide in
    Rwanda"), if it does not end them, or if the words are a concept's (an object: "genocide" in "prevent or
    halt genocide"); an event or concept that ends other words is their head noun, what the curator read
    otherwise ("the eventual genocide" is the event, not the concept; "the mediator" is Bassolé), and is
    dropped, as is a mention of the same entry, or one the reference overlaps without holding. Words that
    refer to no entry (`entry_id` None: a cited work's title) keep no mention at all. `registers`: each
    entry's register."""
    registers = registers or {}
    out = list(mentions)
    curated: list[Mention] = []
    taken: dict[tuple[str, str | None], int] = {}  # words may refer to two entries: each takes them in turn
    for ref in refs:
        start = text.find(ref.quote, taken.get((ref.quote, ref.entry_id), 0))
        if start < 0:
            said = "no longer" if ref.quote not in text else "not as often"
            raise InputError(ref.file or "registry", f"{source_id}#{anchor}: the words {ref.quote!r} are {said} in "
                             "the paragraph", ref.line)
        end = start + len(ref.quote)
        taken[(ref.quote, ref.entry_id)] = end
        if ref.entry_id is None:
            out = [m for m in out if m.end <= start or m.start >= end]
            continue
        concept = registers.get(ref.entry_id) == "concept"
        out = [m for m in out if m.end <= start or m.start >= end
               or (start <= m.start and m.end <= end and m.entry_id != ref.entry_id
                   and (m.end < end or concept or registers.get(m.entry_id) in ("actor", "place"))
                   and (m.start, m.end) != (start, end))]
        curated.append(Mention(source_id, anchor, start, end, text[start:end], ref.entry_id))
    out += curated  # two curated references may overlap: each is the curator's reading
    return sorted(out, key=lambda m: (m.start, -m.end))
