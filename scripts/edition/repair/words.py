"""Glued words ("affairsis", "UnitedNations", "in1962"): find them and split them.

wordninja finds the most probable split; a split is taken only when every piece
is a word in its own right, and never inside a protected name.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from math import log

import wordninja

from ..vocabulary import RepairKind
from .lexicon import Lexicon, zipf
from .mapped import Edit

TOKEN = re.compile(r"(?<![\w\]\[])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w\[])")
PREFIXES = set("auto non multi inter anti counter post pre sub super trans semi neo pan co re un".split())
TWO_LETTER = set("an as at be by do go he if in is it me my no of on or so to up us we".split())
ACRONYMS = set("US UN AU EU UK".split())
OPENERS = set("""the in his a an as at by for from of on to and but or there their these this that they we
he she when while with all more most many such some other one no not both it its if is was what which
then thus those our her""".split())
FUNCTION = set("the a an of in to is it be this that with at on by from and for or as have been there".split())
UNITS = set("km kg mm cm st nd rd th s".split())


@lru_cache(maxsize=8)
def _model(protected: frozenset[str], usual: frozenset[str] = frozenset()) -> wordninja.LanguageModel:
    """wordninja's English model with the protected names added as common words, and the
    source's usual words made more likely."""
    model = copy.copy(wordninja.DEFAULT_LANGUAGE_MODEL)
    model._wordcost = dict(model._wordcost)
    cost = log(2000 * log(len(model._wordcost)))
    for word in usual:
        if word in model._wordcost:
            model._wordcost[word] = min(model._wordcost[word], log(500 * log(len(model._wordcost))))
    for name in protected:
        for part in re.findall(r"[A-Za-z]+", name):
            model._wordcost[part.lower()] = min(model._wordcost.get(part.lower(), cost), cost)
    model._maxword = max(model._maxword, *(len(w) for w in protected)) if protected else model._maxword
    return model


def _split_after_apostrophe(base: str, lexicon: Lexicon) -> list[str] | None:
    """"Rwanda'sneighbors": "Rwanda's neighbors"; "mediators'specific": "mediators' specific"."""
    for m in (re.match(r"^(.+?['’])([A-Za-z]{3,})$", base), re.match(r"^(.+?['’]s)([A-Za-z]{3,})$", base)):
        if m and zipf(m.group(2)) >= 3.0 and lexicon.known(re.sub(r"['’]s?$", "", m.group(1))):
            return [m.group(1), m.group(2)]
    return None


def glued_word_edits(text: str, lexicon: Lexicon) -> list[Edit]:
    edits = []
    for m in TOKEN.finditer(text):
        if any(e.start <= m.start() < e.end or m.start() <= e.start < m.end() for e in edits):
            continue
        pieces = split_glued(m.group(), lexicon)
        if pieces:
            edits.append(Edit(m.start(), m.end(), " ".join(pieces), RepairKind.GLUED_WORDS,
                              "words run together in the source text"))
    return edits


def split_glued(token: str, lexicon: Lexicon) -> list[str] | None:
    """The words a glued token is made of, or None if it is a word (or cannot be split safely)."""
    possessive = re.search(r"['’]s$", token)
    base = token[: possessive.start()] if possessive else token
    camel = bool(CASE_CHANGE.search(base)) and not lexicon.is_protected(base)
    if len(base) < 4 or base.isupper() or (lexicon.known(base) and not camel and not _two_common_words(base, lexicon)):
        return None
    if re.search(r"['’]", base):
        return _split_after_apostrophe(base, lexicon)
    if not base.isascii():
        return None
    if camel:
        pieces = _split_at_case_changes(base, lexicon)
        if pieces and possessive:
            pieces[-1] += possessive.group()
        return pieces
    pieces = _merge_known(list(_model(lexicon.names, lexicon.usual).split(base)))
    if not 2 <= len(pieces) <= 5 or "".join(pieces) != base:
        return None
    if not all(_acceptable(p, lexicon) for p in pieces):
        return None
    if pieces[0].lower() in PREFIXES and not _at_case_change(pieces):
        return None  # "nonengagement", "autogenocide": a prefixed word, not two words
    if base[0].isupper() and not _at_case_change(pieces) and not _capital_split(pieces, lexicon):
        return None  # "Tobaya" is not "To bay a": a capitalised token splits only after a usual opener
    if possessive:
        pieces[-1] += possessive.group()
    return pieces


def _two_common_words(base: str, lexicon: Lexicon) -> bool:
    """"withthe", "ofthe", "isa": web text makes these look like words; two very common words they are."""
    if lexicon.is_protected(base) or not base.islower() or zipf(base) >= 4.0:
        return False
    pieces = list(_model(lexicon.names, lexicon.usual).split(base))
    return len(pieces) == 2 and all(zipf(p) >= 5.5 for p in pieces) and any(p in FUNCTION for p in pieces)


def _merge_known(pieces: list[str]) -> list[str]:
    """Fewer pieces where two make a common word ("of in justice" is "of injustice")."""
    i = 0
    while i + 1 < len(pieces):
        joined = pieces[i] + pieces[i + 1]
        if pieces[i + 1].islower() and zipf(joined) >= 3.0:
            pieces[i:i + 2] = [joined]
        else:
            i += 1
    return pieces


CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z]{2})(?=[a-z]{3})")


def _split_at_case_changes(base: str, lexicon: Lexicon) -> list[str] | None:
    """"theAfrican", "KhartoumGovernment", "USbegan": split where the case changes, then each part."""
    out: list[str] = []
    for part in CASE_CHANGE.split(base):
        if _acceptable(part, lexicon) or lexicon.known(part):
            out.append(part)
        elif (inner := split_glued(part, lexicon)):
            out.extend(inner)
        else:
            return None
    return out if len(out) >= 2 else None


def _acceptable(piece: str, lexicon: Lexicon) -> bool:
    if lexicon.is_protected(piece) or piece in ACRONYMS or piece in lexicon.names:
        return True
    if len(piece) == 1:
        return piece in {"a", "A", "I"}
    if len(piece) == 2:
        return piece.lower() in TWO_LETTER
    return zipf(piece) >= {3: 3.5, 4: 3.0}.get(len(piece), 2.0)


def _at_case_change(pieces: list[str]) -> bool:
    """Every split falls where a lower-case letter meets a capital ("theAfrican", "KhartoumGovernment")."""
    return all(a[-1].islower() and b[0].isupper() or a.isupper() and b[0].islower() and len(a) >= 2
               for a, b in zip(pieces, pieces[1:]))


def _capital_split(pieces: list[str], lexicon: Lexicon) -> bool:
    rest = pieces[1:]
    if rest == ["a"]:
        return zipf(pieces[0]) >= 4.0  # "Whilea", "Undera"
    rest_common = all(zipf(p) >= 2.5 and (len(p) >= 3 or p.lower() in TWO_LETTER) or p in lexicon.names
                      for p in rest)
    return _opens(pieces[0], lexicon) and rest_common and len(pieces) <= 3


def _opens(word: str, lexicon: Lexicon) -> bool:
    return word.lower() in OPENERS or word in lexicon.names or (zipf(word) >= 2.5 and len(word) >= 4)


DIGIT_GLUE = re.compile(r"(?<![\w.,/-])([A-Za-z]{2,})(\d{4})\b|\b(\d[\d,]*)([A-Za-z]{3,})\b")


def number_glue_edits(text: str, lexicon: Lexicon, taken: set[int]) -> list[Edit]:
    """"in1962" and "7million": a word glued to a number (not "14th", "1990s" or "16km")."""
    edits = []
    for m in DIGIT_GLUE.finditer(text):
        if m.start() in taken:
            continue
        if m.group(1):
            word, number = m.group(1), m.group(2)
            if zipf(word) >= 3.0 and not lexicon.known(word + number):
                edits.append(Edit(m.start(), m.end(), f"{word} {number}", RepairKind.GLUED_WORDS,
                                  "a word run together with a number"))
        else:
            number, word = m.group(3), m.group(4)
            if word.lower() not in UNITS and zipf(word) >= 3.0:
                edits.append(Edit(m.start(), m.end(), f"{number} {word}", RepairKind.GLUED_WORDS,
                                  "a number run together with a word"))
    return edits


PUNCT_GLUE = re.compile(r"\b([A-Za-z]*[a-z]{2})([.?!;:,]|\.\.)([A-Z][a-z]+|[a-z]{2,})\b")
ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Dr|St|Jr|Sr|al|etc|eg|ie|vs|cf)$")


def punctuation_glue_edits(text: str) -> list[Edit]:
    """"Darfur.Whilst", "governed,should": a space lost after punctuation."""
    edits = []
    for m in PUNCT_GLUE.finditer(text):
        if ABBREVIATIONS.search(m.group(1)):
            continue
        edits.append(Edit(m.start(), m.end(), f"{m.group(1)}{m.group(2)} {m.group(3)}", RepairKind.GLUED_WORDS,
                          "a space lost after punctuation"))
    return edits
