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
        following = re.match(r"\s+(\S+)", text[m.end():])
        pieces = split_glued(m.group(), lexicon, following.group(1) if following else "")
        if pieces and _in_a_name(text, m.start(), pieces, lexicon):
            continue  # "Peter Wallward": a capitalised word after a capitalised word is a name, not two words
        if pieces:
            edits.append(Edit(m.start(), m.end(), " ".join(pieces), RepairKind.GLUED_WORDS,
                              "words run together in the source text"))
    return edits


ARTICLES = ("the", "a", "an")
ARTICLE_HEADS = set("of in to on is as at by for from with and be that into was".split())
HEADS = ("and", "be", "of", "the", "to")  # function words that glue to the word after ("anddemobilise")
TAILS = ("in", "on", "of", "to", "and", "the")  # and to the word before ("workin")
REAL_WORDS = {"bean", "fora"}  # a head glued to an article that is a word itself


def function_word_split(token: str, lexicon: Lexicon, next_word: str = "") -> list[str] | None:
    """A function word run together with its neighbour, a class of its own since web text makes some of
    these look like words ("ofthe", "isa", "toa" have word frequencies): "ofthe", "drag ona", "betaken",
    "anddemobilise", "workin", "otherhand", "N’adjamenatalks"."""
    if lexicon.is_protected(token):
        return None
    if token.islower():
        for article in ARTICLES:
            head = token[:-len(article)]
            if token.endswith(article) and head in ARTICLE_HEADS and token not in REAL_WORDS:
                return [head, article]
        if zipf(token) >= 3.5:
            return None  # a common word: none of the rules below splits it
        for head in HEADS:
            rest = token[len(head):]
            if token.startswith(head) and rest and zipf(token) < 1.5 and lexicon.solid(token) < 2 and (
                    len(rest) >= 4 and zipf(rest) >= 1.0 or zipf(rest) >= 4.5):
                return [head, rest]
        for tail in TAILS:  # only before a name ("workin Darfur"), since "wherein the" is a word
            word = token[:-len(tail)]
            if (token.endswith(tail) and len(word) >= 3 and zipf(token) < 3.5 and zipf(word) >= 5.0
                    and next_word[:1].isupper()):
                return [word, tail]
        return _two_words(token, lexicon)
    return _name_and_word(token, lexicon)


def _two_words(token: str, lexicon: Lexicon) -> list[str] | None:
    """"otherhand": two very common words, rare run together."""
    if zipf(token) >= 2.0 or lexicon.solid(token) >= 2 or not token.isalpha():
        return None
    cuts = [i for i in range(2, len(token) - 1) if zipf(token[:i]) >= 5.0 and zipf(token[i:]) >= 5.0]
    return [token[:cuts[0]], token[cuts[0]:]] if len(cuts) == 1 else None


def _word_and_misspelling(token: str, lexicon: Lexicon) -> list[str] | None:
    """"policycarrued": a common word run together with a word the author misspelt ("carrued", one letter
    from "carried"); only where the whole is unknown and no other split is found."""
    if len(token) < 10 or zipf(token) > 0 or lexicon.solid(token) >= 2 or not token.isalpha():
        return None
    for cut in range(len(token) - 5, 4, -1):
        word, rest = token[:cut], token[cut:]
        if zipf(word) >= 4.5 and zipf(rest) == 0 and _one_letter_from_a_word(rest):
            return [word, rest]
    return None


def _one_letter_from_a_word(word: str) -> bool:
    return any(zipf(word[:i] + c + word[i + 1:]) >= 4.0 for i in range(len(word))
               for c in "abcdefghijklmnopqrstuvwxyz" if c != word[i])


def _name_and_word(token: str, lexicon: Lexicon) -> list[str] | None:
    """"N’adjamenatalks": a name the source writes on its own, run together with a common word."""
    if not token[:1].isupper() or lexicon.counts[token] >= 2 or zipf(token) >= 1.0:
        return None
    for cut in range(len(token) - 3, 2, -1):
        name, word = token[:cut], token[cut:]
        if (word.islower() and zipf(word) >= 3.5 and lexicon.counts[name] >= 1 and name[-1].isalpha()
                and zipf(name) < 3.0):
            return [name, word]
    return None


def _in_a_name(text: str, start: int, pieces: list[str], lexicon: Lexicon) -> bool:
    """"Peter Wallward": a capitalised token after a capitalised word, whose first piece is neither a name
    of the registry nor one the source writes on its own, is a name ("United Statestotally" is not: the
    source writes "States"; nor "Abu Salihprovince": Salih is a registry name)."""
    return (pieces[0][:1].isupper() and not _at_case_change(pieces) and pieces[0] not in lexicon.names
            and lexicon.counts[pieces[0]] == 0 and bool(re.search(r"\b[A-Z][a-z]+\s+$", text[max(0, start - 40):start]))
            )


def split_glued(token: str, lexicon: Lexicon, next_word: str = "") -> list[str] | None:
    """The words a glued token is made of, or None if it is a word (or cannot be split safely). Decided
    once per token (and whether a name follows it) in a source: most tokens are words met many times."""
    key = (token, next_word[:1].isupper())
    if key not in lexicon.splits:
        found = _split_glued(token, lexicon, next_word)
        lexicon.splits[key] = tuple(found) if found else None
    found = lexicon.splits[key]
    return list(found) if found else None


def _split_glued(token: str, lexicon: Lexicon, next_word: str) -> list[str] | None:
    if (pieces := function_word_split(token, lexicon, next_word)) is not None and "".join(pieces) == token:
        return pieces
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
    pieces = _merge_known(list(_model(lexicon.names, lexicon.usual).split(base)), lexicon)
    if not 2 <= len(pieces) <= 5 or "".join(pieces) != base or not all(_acceptable(p, lexicon) for p in pieces):
        return _word_and_misspelling(base, lexicon) if base.islower() else None
    if pieces[0].lower() in PREFIXES and not _at_case_change(pieces):
        return None  # "nonengagement", "autogenocide": a prefixed word, not two words
    if base[0].isupper() and not _at_case_change(pieces) and not _capital_split(pieces, lexicon):
        return None  # "Tobaya" is not "To bay a": a capitalised token splits only after a usual opener
    if possessive:
        pieces[-1] += possessive.group()
    return pieces


def _two_common_words(base: str, lexicon: Lexicon) -> bool:
    """"withthe", "ofthe", "isa": web text makes these look like words; two very common words they are."""
    if lexicon.is_protected(base) or not base.islower() or zipf(base) >= 3.0 or base in REAL_WORDS:
        return False
    pieces = list(_model(lexicon.names, lexicon.usual).split(base))
    return len(pieces) == 2 and all(zipf(p) >= 5.5 for p in pieces) and any(p in FUNCTION for p in pieces)


def _merge_known(pieces: list[str], lexicon: Lexicon | None = None) -> list[str]:
    """Fewer pieces where two to four make a word: a common one ("of in justice" is "of injustice"),
    or one the source writes ("mobil is ation" is "mobilisation", "ceasefire s" is "ceasefires")."""
    i = 0
    while i + 1 < len(pieces):
        for n in (4, 3, 2):
            run = pieces[i:i + n]
            joined = "".join(run)
            known = zipf(joined) >= (3.0 if n == 2 else 2.5) or lexicon is not None and lexicon.solid(joined) >= 1
            if len(run) == n < len(pieces) and all(p.islower() for p in run[1:]) and known:
                pieces[i:i + n] = [joined]
                break
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
    if len(piece) >= 5 and lexicon.solid(piece) >= 1:
        return True  # a word the source writes on its own ("ceasefires")
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
MONTH = ("January|February|March|April|May|June|July|August|September|October|November|December"
         "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# "March9", "Feb10-19", "the14th", "1992to": a date or an ordinal run together with its word
DATE_GLUE = re.compile(rf"\b({MONTH})(\d{{1,2}})\b|\b(the|of|in|on|by)(\d{{1,3}}(?:st|nd|rd|th))\b"
                       r"|\b(\d{4})(to|in|on|at|of|by|and)\b")


def number_glue_edits(text: str, lexicon: Lexicon, taken: set[int]) -> list[Edit]:
    """"in1962" and "7million": a word glued to a number (not "14th", "1990s" or "16km")."""
    edits = [Edit(m.start(), m.end(), " ".join(g for g in m.groups() if g), RepairKind.GLUED_WORDS,
                  "a date or an ordinal run together with a word") for m in DATE_GLUE.finditer(text)
             if m.start() not in taken]
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
