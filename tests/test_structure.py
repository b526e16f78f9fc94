"""Each reader recovers its source's structure: headings, notes, lists, quotations, pages."""

from __future__ import annotations

from pathlib import Path

from support import edition_data, page


def headings(site: Path, source_id: str) -> list[str]:
    return [b["text"] for b in edition_data(site, source_id)["blocks"] if b["kind"] == "heading"]


def blocks(site: Path, source_id: str, kind: str) -> list[dict]:
    return [b for b in edition_data(site, source_id)["blocks"] if b["kind"] == kind]


def test_headings_are_found_in_every_shape(site: Path) -> None:
    assert headings(site, "darfur-dissertation-2005") == [
        "Chapter Three – The crisis in Darfur", "Government and Janjaweed Cooperation",
        "Government and Militia forces attack civilians", "The International Response",
        "Chapter Four – Darfur in the context of theoretical perspectives on humanitarian intervention",
        "Chapter Five – Conclusion"]
    assert headings(site, "maddox-2015") == [
        "Pawns on a Chessboard: Cambodia", "A New World Order?: Rwanda", "“Never Again,” Again: Darfur",
        "Conclusion"]
    assert headings(site, "black-williams-2008") == [
        "Introduction", "International Society and ‘Good International Citizenship’", "Responses to Darfur",
        "Who is to Lead?", "A Responsibility to Protect?", "The International Criminal Court: Harbinger of Change?",
        "Conclusion"]
    assert headings(site, "ismail-jones-prendergast-2011")[:3] == [
        "Introduction", "Time for a national process", "Hammering out the details on Darfur"]
    assert headings(site, "kuperman-1996")[-2:] == ["Conclusions", "Notes"]


def test_chapter_headings_rank_above_section_headings(site: Path) -> None:
    soup = page(site, "darfur-dissertation-2005")
    assert any(h.get_text().startswith("Chapter Three") for h in soup.select("article h2"))
    assert any(h.get_text().startswith("Government and Janjaweed") for h in soup.select("article h3"))


def test_note_references_link_both_ways(site: Path) -> None:
    for source_id, count in (("ismail-jones-prendergast-2011", 14), ("kuperman-1996", 35)):
        soup = page(site, source_id)
        notes = soup.select("p.note")
        assert len(notes) == count
        for ref in soup.select("sup.noteref a"):
            target = ref["href"].lstrip("#")
            note = soup.find(id=target)
            assert note is not None and "note" in note["class"]
            number = target[1:]
            back = note.select_one("a.backref")
            assert back is not None and back["href"] == f"#r{number}"
            assert soup.find(id=f"r{number}") is not None


def test_glued_note_numbers_become_references_in_order(site: Path) -> None:
    refs = [n["number"] for b in edition_data(site, "maddox-2015")["blocks"] for n in b["notes"]]
    assert refs == list(range(1, 157))
    soup = page(site, "maddox-2015")
    missing = soup.select("sup.noteref.missing")
    assert len(missing) == 156 and not soup.select("sup.noteref a")
    assert "not in this copy" in soup.select_one(".missing-notes").get_text()


def test_abridged_notes_say_they_are_not_referenced(site: Path) -> None:
    soup = page(site, "kuperman-1996")
    unreferenced = [p["id"] for p in soup.select("p.note") if p.select_one(".unreferenced")]
    assert "n12" in unreferenced and "n1" not in unreferenced
    assert len(unreferenced) == 35 - 18


def test_lists_and_run_in_heads(site: Path) -> None:
    assert len(blocks(site, "black-williams-2008", "item")) == 10
    assert [b["text"][:2] for b in blocks(site, "darfur-dissertation-2005", "item")][:3] == ["1.", "2.", "3."]
    soup = page(site, "ismail-jones-prendergast-2011")
    leads = ["".join(s.get_text() for s in p.select("strong")) for p in soup.select("p.item") if p.select("strong")]
    assert leads[:2] == ["Gravitas.", "Creativity."] and len(leads) == 16


def test_block_quotations(site: Path) -> None:
    quotes = [b["text"] for b in blocks(site, "black-williams-2008", "quote")]
    assert len(quotes) == 2
    assert quotes[0].startswith("As is usually the case") and quotes[0].endswith("activist sphere.")
    assert quotes[1].startswith("It is fine for the Court")
    assert blocks(site, "kuperman-1996", "quote")[0]["text"].startswith("I did not think")


def test_french_abstract_is_marked_french(site: Path) -> None:
    soup = page(site, "black-williams-2008")
    french = soup.select('[lang="fr"]')
    assert french and "La tragédie humaine" in french[0].get_text()
    assert soup.select_one("#abstract") is not None


def test_sidebar_is_set_apart_and_the_sentence_it_cut_is_whole(site: Path) -> None:
    paras = edition_data(site, "black-williams-2008")["blocks"]
    cut = next(b for b in paras if b["text"].startswith("Yet it would be a mistake"))
    assert "continuities and changes in international society. Compared with" in cut["text"]
    aside = paras[paras.index(cut) + 1]
    assert aside["kind"] == "aside" and aside["text"].startswith("In April 2008, an international conference")


def test_paragraph_cut_by_a_page_break_is_joined(site: Path) -> None:
    texts = [b["text"] for b in edition_data(site, "ismail-jones-prendergast-2011")["blocks"]]
    assert any("This process, which would include a constitutional conference" in t for t in texts)
    assert not any(t.startswith("would include") for t in texts)


def test_title_block_and_back_matter_are_kept_apart_from_the_text(site: Path) -> None:
    assert [b["text"] for b in blocks(site, "kuperman-1996", "front")][1].startswith("The Other Lesson")
    assert blocks(site, "kuperman-1996", "back")[0]["text"].startswith("Alan Kuperman is")
    assert blocks(site, "ismail-jones-prendergast-2011", "back")[0]["text"].startswith("Enough is a project")
    assert blocks(site, "maddox-2015", "abstract")[0]["text"].startswith("Abstract: Since it came")
