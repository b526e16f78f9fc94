"""Repairs checked by reading: each case below was read in the source and its repair confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import SOURCE_IDS, edition_data, page

# (source, what the source has, what the edition must read)
VERIFIED = [
    ("darfur-dissertation-2005", "affairsis", "affairs is"),
    ("darfur-dissertation-2005", "theinternational", "the international"),
    ("darfur-dissertation-2005", "UnitedNations", "United Nations"),
    ("darfur-dissertation-2005", "KhartoumGovernment’s", "Khartoum Government’s"),
    ("darfur-dissertation-2005", "puttheir", "put their"),
    ("darfur-dissertation-2005", "arealist", "a realist"),
    ("darfur-dissertation-2005", "Darfuras", "Darfur as"),
    ("darfur-dissertation-2005", "JackDonnelly", "Jack Donnelly"),
    ("darfur-dissertation-2005", "USbegan", "US began"),
    ("darfur-dissertation-2005", "Statestotally", "States totally"),
    ("darfur-dissertation-2005", "states’rights", "states’ rights"),
    ("darfur-dissertation-2005", "Darfur.Whilst", "Darfur. Whilst"),
    ("darfur-dissertation-2005", "ofinjustice", "of injustice"),
    ("black-williams-2008", "Thewider", "The wider"),
    ("black-williams-2008", "theAfrican", "the African"),
    ("black-williams-2008", "inMarch", "in March"),
    ("black-williams-2008", "howwill", "how will"),
    ("kuperman-1996", "Inits", "In its"),
    ("kuperman-1996", "theInterhamwe", "the Interhamwe"),
    ("kuperman-1996", "Rwanda'sneighbors", "Rwanda's neighbors"),
    ("kuperman-1996", "mediators'specific", "mediators' specific"),
    ("kuperman-1996", "10,000dead", "10,000 dead"),
    ("kuperman-1996", "Undera", "Under a"),
    ("kuperman-1996", "TimesMagazine", "Times Magazine"),
]
NOT_SPLIT = ["Janjaweed", "Habyarimana", "Zaghawa", "UNAMIR", "N'djamena", "N’adjamena", "Darfuris",
             "Parmehutu", "Kaldor", "Walzer", "Bassolé", "Masalit", "solidarist", "realpolitik", "Orend",
             "MacKinnon", "autogenocide", "nonengagement", "MISCA"]


def apparatus(site: Path, source_id: str, kind: str | None = None) -> list[dict]:
    return [r for r in edition_data(site, source_id)["apparatus"] if kind is None or r["kind"] == kind]


@pytest.mark.parametrize(("source_id", "original", "new"), VERIFIED)
def test_verified_glued_words(site: Path, source_id: str, original: str, new: str) -> None:
    pairs = {(r["original"], r["new"]) for r in apparatus(site, source_id, "glued-words")}
    assert (original, new) in pairs


def test_protected_names_are_never_split(site: Path) -> None:
    for source_id in SOURCE_IDS:
        for r in apparatus(site, source_id, "glued-words"):
            for name in NOT_SPLIT:
                assert name.lower() not in r["original"].lower() or name.lower() in r["new"].lower(), r


def test_names_the_issue_lists_stay_whole_on_the_page(site: Path) -> None:
    text = " ".join(page(site, s).select_one("article").get_text() for s in SOURCE_IDS)
    for name in ("Janjaweed", "Habyarimana", "Zaghawa", "UNAMIR", "N’adjamena"):
        assert name in text


def test_line_end_hyphens_are_decided(site: Path) -> None:
    texts = " ".join(b["text"] for b in edition_data(site, "maddox-2015")["blocks"])
    assert "time-consuming" in texts and "Sub-Commission" in texts
    texts = " ".join(b["text"] for b in edition_data(site, "black-williams-2008")["blocks"])
    assert "supranational" in texts and "Thomas-Jensen" in texts and "self-interested" in texts
    notes = {r["note"].split(":")[0] for r in apparatus(site, "black-williams-2008", "line-end-hyphen")}
    assert notes == {"hyphen kept", "hyphen removed"}


def test_note_numbers_glued_to_words_and_punctuation(site: Path) -> None:
    blocks = edition_data(site, "maddox-2015")["blocks"]
    first = next(b for b in blocks if b["text"].startswith("The creation of"))
    assert first["text"].startswith("The creation of the United Nations Convention on the Prevention and "
                                    "Punishment of the Crime of Genocide (Genocide Convention)")
    assert first["notes"][0]["number"] == 1
    assert any("continued into 2015." in b["text"] and {n["number"] for n in b["notes"]} >= {15} for b in blocks)
    kuperman = " ".join(b["text"] for b in edition_data(site, "kuperman-1996")["blocks"])
    assert "leverage--such" in kuperman and "war. In the terminology" in kuperman


def test_numbers_that_are_not_notes_stay(site: Path) -> None:
    kuperman = " ".join(b["text"] for b in edition_data(site, "kuperman-1996")["blocks"])
    assert "(8.3 live births" in kuperman or "(8.3 livebirths" in kuperman
    dissertation = " ".join(b["text"] for b in edition_data(site, "darfur-dissertation-2005")["blocks"])
    assert "16km" in dissertation and "1990s" in dissertation


def test_french_and_addresses_are_left_alone(site: Path) -> None:
    french = next(b for b in edition_data(site, "black-williams-2008")["blocks"] if b["lang"] == "fr")
    assert "l’évoquent" in french["text"] and "éthique" in french["text"]
    notes = " ".join(b["text"] for b in edition_data(site, "ismail-jones-prendergast-2011")["blocks"])
    assert "www.enoughproject.org" in notes and "sudantribune.com" in notes


def test_every_repair_is_listed_on_the_page(site: Path) -> None:
    for source_id in SOURCE_IDS:
        rows = page(site, source_id).select(".apparatus tbody tr")
        assert len(rows) == len(apparatus(site, source_id))


def test_repair_counts(site: Path) -> None:
    """The figures reported in the closing note: a change here is a change in what the edition does."""
    def count(source_id: str, kind: str) -> int:
        return len(apparatus(site, source_id, kind))
    assert count("darfur-dissertation-2005", "glued-words") >= 750
    assert count("kuperman-1996", "glued-words") >= 300
    assert count("maddox-2015", "note-ref") == 156
    assert count("ismail-jones-prendergast-2011", "note-ref") == 14
    assert count("kuperman-1996", "note-ref") == 18
    assert count("kuperman-1996", "page-marker") == 10
    assert count("black-williams-2008", "running-header") == 2
    assert count("ismail-jones-prendergast-2011", "page-break-join") == 3
