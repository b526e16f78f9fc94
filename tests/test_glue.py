"""The rules for the last classes of extraction damage, each with what it must repair and what it must
keep as printed (no build: the fast tier). The whole sources are measured in test_damage.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.model import Source
from edition.read import READERS
from edition.repair import LITERAL, repair
from edition.repair.lexicon import Lexicon
from edition.repair.punctuation import prefix_space_edits, punctuation_glue_edits
from edition.repair.words import number_glue_edits, split_glued
from edition.vocabulary import Shape


def apply(text: str) -> str:
    literal = [m.span() for m in LITERAL.finditer(text)]
    edits = [e for e in punctuation_glue_edits(text) + prefix_space_edits(text)
             if not any(s <= e.start < t for s, t in literal)]
    edits += number_glue_edits(text, Lexicon(text, frozenset()), set())
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:e.start] + e.new + text[e.end:]
    return text


@pytest.mark.parametrize(("text", "reading"), [
    # a sentence end glued to a capital
    ("in July 1992.Led by Tanzania", "in July 1992. Led by Tanzania"),
    ("its own troops.US funding", "its own troops. US funding"),
    ("signals emerged.A member", "signals emerged. A member"),
    # a comma, colon or bracket glued to a word
    ("of the UN,but still", "of the UN, but still"),
    ("Washington DC,June 1993", "Washington DC, June 1993"),
    ("during the 1990s,the use", "during the 1990s, the use"),
    ("was dominated:MRND (the", "was dominated: MRND (the"),
    ("the minority Tutsi(primarily cattle", "the minority Tutsi (primarily cattle"),
    ("(Party of Emancipation),based among", "(Party of Emancipation), based among"),
    ("et al.,Area Handbook", "et al., Area Handbook"),
    ("Institute of Peace,1992);", "Institute of Peace, 1992);"),
    # an opening quotation mark or dash glued to the word before, a closing one to the word after
    ("dealing with acts“that shock", "dealing with acts “that shock"),
    ("Slim concludes:“this was", "Slim concludes: “this was"),
    ("are the government”has been", "are the government” has been"),
    ("self-determination or‘arduous struggle’ is", "self-determination or ‘arduous struggle’ is"),
    ('Donnette L. Wille,"Some Conceptual Issues," in', 'Donnette L. Wille, "Some Conceptual Issues," in'),
    ('"a scrap of paper."Rwanda\'s relatively', '"a scrap of paper." Rwanda\'s relatively'),
    ("Masalit and Zaghawa –often in", "Masalit and Zaghawa – often in"),
    ("the anti- interventionist view", "the anti-interventionist view"),
    # a date or an ordinal run together
    ("Spokesman, March9, 1993.", "Spokesman, March 9, 1993."),
    ("report for Feb10-19 2004", "report for Feb 10-19 2004"),
    ("at the14th Annual", "at the 14th Annual"),
    ("expenses from 1992to 1993", "expenses from 1992 to 1993"),
])
def test_a_class_of_glue_is_repaired(text: str, reading: str) -> None:
    assert apply(text) == reading


@pytest.mark.parametrize("text", [
    "U.S. officials met", "e.g. the mediators", "i.e. Darfur", "8.3 per cent", "on August 4,1993, the",
    "document S/26927, December", "Article 2(7) of the Charter", "resolution S/RES/872 (1993) of",
    "No. 5 of", "Khartoum –led military activity", "Non –intervention theory", "(s)he said", "the militia(s)",
    "see http://www.un.org/News,Press:Releases.html", "at 10:30 a.m.", "10,000 dead", "a Ph.D. thesis",
    "pre- and post-war", "Watson, p.55.", "Mr.Smith", "Rights, pp.13-14.", "<IMG SRC=x ONERROR=window.x=1>",
    "window.x=7;alert(1)", '"a quote," she said,"and', "A.U.-U.N. hybrid", "Darfur—the war",
])
def test_what_is_right_as_printed_is_kept(text: str) -> None:
    assert apply(text) == text


LEXICON = Lexicon("Peter Wallward said. The N’adjamena talks. ceasefires", frozenset({"Wallward"}))


@pytest.mark.parametrize(("token", "pieces"), [
    ("ofthe", ["of", "the"]), ("isa", ["is", "a"]), ("toa", ["to", "a"]), ("ona", ["on", "a"]),
    ("asa", ["as", "a"]), ("betaken", ["be", "taken"]), ("anddemobilise", ["and", "demobilise"]),
    ("andad", ["and", "ad"]), ("otherhand", ["other", "hand"]), ("N’adjamenatalks", ["N’adjamena", "talks"]),
    ("maintainingceasefires", ["maintaining", "ceasefires"]), ("policycarrued", ["policy", "carrued"]),
    ("politicalmobilisation", ["political", "mobilisation"]),
])
def test_a_function_word_or_a_word_run_together_is_split(token: str, pieces: list[str]) -> None:
    assert split_glued(token, LEXICON) == pieces


@pytest.mark.parametrize("token", ["bean", "fora", "within", "wherein", "whereby", "thereof", "satin", "muffin",
                                   "However", "Therefore", "Wallward", "amoral", "android", "often", "tonight"])
def test_a_word_is_not_split(token: str) -> None:
    assert split_glued(token, LEXICON) is None


@pytest.mark.parametrize("markup", ["<img src=x onerror=window.x=2>", "<IMG SRC=x ONERROR=window.x=1>",
                                    "<details open ontoggle=window.x=5>", "javascript:window.x=17",
                                    "&lt;img src=x onerror=window.x=12&gt;"])
def test_markup_and_code_are_not_prose_to_segment(markup: str, tmp_path: Path) -> None:
    """"onerror" was once read as "on error": text that looks like markup or code stays as the source has it."""
    text = f"A heading\n\nThe paragraph says {markup} and then more words follow.\n"
    source = Source("s", tmp_path / "s.txt", text, {"id": "s", "title": "S", "edition": {"shape": "plain"}})
    blocks = repair(source, READERS[Shape.PLAIN](source), frozenset())
    assert any(markup in b.text for b in blocks), [b.text for b in blocks]
    assert not any(r.original and r.original in markup for b in blocks for r, _s, _e in b.repairs)
