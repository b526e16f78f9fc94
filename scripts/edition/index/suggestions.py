"""Suggested concepts and events for a curator: what the names-only candidate report cannot see.

Concepts: lower-case phrases of one to three words that a source uses again and again and general English
rarely does ("conflict resolution", "spoilers"), where no mention marks them. Events: sentences that
hold a date and an action that events are told with ("signed", "invaded", "shot down", "massacre") and
no marked event. Each comes with its evidence; `drafts` turns them into ready-to-edit entries, which the
build never reads (registry/drafts/): a curator reviews each one before it becomes an entry."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Edition
from ..registry import Registry
from ..repair.lexicon import zipf
from . import sentence_around
from .candidates import LITERAL, SKIP_KINDS

WORD = re.compile(r"\b[a-z][a-z-]*[a-z]\b")
STOP = set("""a an the of to in on at by for from with and or but not no nor as is are was were be been being has
have had do does did this that these those it its their his her our your which who whom whose what when where
why how than then so such also only very more most less least many much some any all each other another same
into over under after before about between against during without within upon would could should may might must
can will shall one two three first second new own well even still yet however thus there here they them we
he she i you""".split())
MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b(?:({MONTH})\s+(?:\d{{1,2}},?\s+)?)?(1[89]\d\d|20\d\d)\b")  # month, year
ACTION = re.compile(r"\b(signed|signing|invaded|invasion|shot down|massacred?s?|killings?|resolution|summit|"
                    r"agreement|accords?|cease-?fire|coup|attack(?:ed|s)?|elections?|referendum|deployed|"
                    r"deployment|withdr[ae]w|withdrawal|adopted|established|launched|visit(?:ed)?|"
                    r"conference|talks|declared|indicted|arrested)\b", re.I)
MIN_USES = 3  # a concept candidate is a phrase used at least this often in one source
KEYNESS = 2.0  # and this much more often there than in general English (difference of Zipf values)


@dataclass
class Suggestion:
    register: str  # concept | event
    text: str  # the phrase, or the dated words of the sentence
    places: list[tuple[str, str]] = field(default_factory=list)  # (source id, anchor)
    uses: list[str] = field(default_factory=list)  # the sentences
    date: str = ""  # an event's date as the sentence gives it (ISO: 1993, 1993-08)


def suggestions(editions: list[Edition], registry: Registry) -> list[Suggestion]:
    reviewed = {k.casefold() for k in registry.not_entries}
    events = {e.id for e in registry.entries.values() if e.register == "event"}
    return [s for s in concept_suggestions(editions) + event_suggestions(editions, events)
            if s.text.casefold() not in reviewed]


def concept_suggestions(editions: list[Edition]) -> list[Suggestion]:
    found: dict[str, Suggestion] = {}
    for edition in editions:
        counts: Counter[str] = Counter()
        where: dict[str, list[tuple[str, str, str]]] = {}
        for block in _blocks(edition):
            covered = [(m.start, m.end) for m in block.mentions] + [m.span() for m in LITERAL.finditer(block.text)]
            words = list(WORD.finditer(block.text))
            for n in (1, 2, 3):
                for k in range(len(words) - n + 1):
                    run = words[k:k + n]
                    if any(run[j + 1].start() - run[j].end() != 1 for j in range(n - 1)):
                        continue  # words of one phrase are one space apart
                    phrase = " ".join(w.group() for w in run)
                    if run[0].group() in STOP or run[-1].group() in STOP:
                        continue
                    if any(s <= run[0].start() and run[-1].end() <= e for s, e in covered):
                        continue
                    counts[phrase] += 1
                    start, end = sentence_around(block.text, run[0].start(), run[-1].end())
                    where.setdefault(phrase, []).append((block.anchor, block.text[start:end].strip(), ""))
        words_in_source = sum(len(WORD.findall(b.text)) for b in _blocks(edition)) or 1
        for phrase, count in counts.items():
            if count >= MIN_USES and keyness(phrase, count / words_in_source) >= KEYNESS:
                s = found.setdefault(phrase, Suggestion("concept", phrase))
                for anchor, sentence, _ in where[phrase]:
                    s.places.append((edition.source.id, anchor))
                    s.uses.append(sentence)
    # a phrase inside a longer suggested one with as many uses is the longer one's
    kept = [s for s in found.values()
            if not any(s is not o and s.text in o.text and len(o.places) >= len(s.places) for o in found.values())]
    return sorted(kept, key=lambda s: (-len(s.places), s.text))


NOT_A_TERM = re.compile(r"(al|ly|ed|ing|ive|ous|ize|ise|ate|ic)$")  # an adjective, adverb or verb, alone


def keyness(phrase: str, share: float) -> float:
    """How much more often a source uses the phrase than general English does (Zipf scale: log10 of uses
    per billion words); a single word only if it can be a noun, and in its singular too ("continuities"
    is as common as "continuity")."""
    general = zipf(phrase)
    if " " not in phrase:
        if NOT_A_TERM.search(phrase.removesuffix("s")):
            return 0.0
        singular = re.sub(r"ies$", "y", phrase) if phrase.endswith("ies") else phrase.removesuffix("s")
        general = max(general, zipf(singular))
    return math.log10(share * 1e9) - general


def event_suggestions(editions: list[Edition], event_ids: set[str]) -> list[Suggestion]:
    out = []
    for edition in editions:
        for block in _blocks(edition):
            events = [(m.start, m.end) for m in block.mentions if m.entry_id in event_ids]
            for date in DATE.finditer(block.text):
                start, end = sentence_around(block.text, date.start(), date.end())
                sentence = block.text[start:end]
                action = ACTION.search(sentence)
                if not action or any(s < end and start < e for s, e in events):
                    continue
                month_name, year = date.groups()
                month = f"-{_month(month_name)}" if month_name else ""
                out.append(Suggestion("event", f"{action.group()} ({date.group()})",
                                      [(edition.source.id, block.anchor)], [sentence.strip()],
                                      f"{year}{month}"))
    return out


def _month(name: str) -> str:
    return f"{MONTH.split('|').index(name) + 1:02d}"


def _blocks(edition: Edition) -> list:
    return [b for b in edition.blocks if b.anchor and b.kind not in SKIP_KINDS]


def report(found: list[Suggestion], limit: int = 40) -> str:
    lines = []
    for register in ("concept", "event"):
        items = [s for s in found if s.register == register]
        lines.append(f"\n## suggested {register}s ({len(items)}; not entries, not reviewed)")
        for s in items[:limit]:
            where = ", ".join(f"{sid}#{a}" for sid, a in s.places[:3])
            lines.append(f"- {s.text!r} ×{len(s.places)}: {where}")
        if len(items) > limit:
            lines.append(f"- ... {len(items) - limit} more (--drafts writes them all)")
    return "\n".join(lines)


DRAFTS_HEADER = """# Draft entries from scripts/candidates.py --drafts: NOT read by the build. Review each one: keep it
# (move it into its register's file, with a kind, a description the evidence supports, and aliases),
# or add its words to not-entries.yml with the reason.
"""


def drafts(found: list[Suggestion]) -> str:
    """Ready-to-edit entries, one per suggestion, each with its evidence and the sentences it rests on."""
    import yaml

    from ..read import slug

    items = []
    for s in found:
        item: dict[str, object] = {
            "id": slug(s.text) if s.register == "concept" else f"todo-{slug(s.text)}",
            "name": s.text[:1].upper() + s.text[1:] if s.register == "concept" else "TODO: the event's name",
            "register": s.register, "kind": "TODO", "description": "TODO: one sentence that the evidence supports",
            "evidence": [f"{sid}#{anchor}" for sid, anchor in s.places[:3]], "uses": s.uses[:3]}
        if s.register == "event":
            item |= {"date": s.date, "precision": "month" if "-" in s.date else "year"}
        items.append(item)
    return DRAFTS_HEADER + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=110)
