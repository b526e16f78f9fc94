"""Every reference, not only every name: how aliases match (case, punctuation, plurals inside a name,
web addresses), senses that hold in some paragraphs only, and curated references by quotation,
checked against their paragraph on every build (no build here: the fast tier, but for the last test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edition.annotate import Matcher, with_references
from edition.errors import InputError
from edition.registry import load_registry
from edition.registry.load import default_case, load_references
from edition.registry.model import Reference

ENTRIES = """
- id: united-states
  name: United States
  kind: state
  aliases: [US, U.S.]
  description: A state; test entry for the rules.
  evidence: a#p1
- id: united-nations
  name: United Nations
  kind: intergovernmental organisation
  aliases: [UN, U.N.]
  description: An organisation; test entry for the rules.
  evidence: a#p1
- id: african-union
  name: African Union
  kind: intergovernmental organisation
  aliases: [AU, A.U.]
  description: An organisation; test entry for the rules.
  evidence: a#p1
- id: british-government
  name: British Government
  kind: government
  description: A government; test entry for the rules.
  evidence: a#p1
- id: mbeki
  name: Thabo Mbeki
  kind: person
  aliases: [Mbeki]
  description: A mediator; test entry for the rules.
  evidence: a#p1
- id: bush
  name: George W. Bush
  kind: person
  aliases: [Bush]
  description: A president; test entry for the rules.
  evidence: a#p1
"""
EVENTS = """
- id: war-on-terror
  name: War on Terror
  kind: war
  description: A campaign; test entry for the rules.
  evidence: a#p1
  date: '2001'
  precision: year
- id: the-holocaust
  name: The Holocaust
  kind: genocide
  description: The genocide of the Jews; test entry for the rules.
  evidence: a#p1
  date: '1941'
  precision: year
- id: stakeholder-conference
  name: Stakeholder conference
  kind: conference
  description: A conference; test entry for the rules.
  evidence: a#p1
  date: '2011'
  precision: year
- id: rwandan-genocide
  name: Rwandan genocide
  kind: genocide
  aliases:
    - text: the genocide
      sources: [a]
      paragraphs: [p13-p16]
  description: The genocide; test entry for the rules.
  evidence: a#p1
  date: '1994'
  precision: year
"""
CONCEPTS = """
- id: genocide
  name: Genocide
  kind: legal term
  aliases: [genocide]
  description: The crime; test entry for the rules.
  evidence: a#p1
- id: article-2-7
  name: Article 2(7)
  kind: legal term
  description: An article of the Charter; test entry for the rules.
  evidence: a#p1
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    folder = tmp_path_factory.mktemp("registry")
    (folder / "actors.yml").write_text(ENTRIES, encoding="utf-8")
    (folder / "events.yml").write_text(EVENTS, encoding="utf-8")
    (folder / "concepts.yml").write_text(CONCEPTS, encoding="utf-8")
    return Matcher(load_registry(folder))


def linked(matcher: Matcher, text: str, anchor: str = "p1", source: str = "a") -> list[tuple[str, str]]:
    return [(m.surface, m.entry_id) for m in matcher.mentions(source, anchor, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("the war on terror began", [("war on terror", "war-on-terror")]),
    ("the british government said", [("british government", "british-government")]),
    ("let us go to the au pair", []),  # an acronym stays exact: "us" and "au" are other words
    ("Bush and the bush", [("Bush", "bush")]),  # one word with a capital stays exact
    ("since the Holocaust", [("the Holocaust", "the-holocaust")]),  # "The" begins a sentence, "the" not
])
def test_a_name_of_two_words_matches_in_lower_case_an_acronym_does_not(matcher: Matcher, text: str,
                                                                      expected: list[tuple[str, str]]) -> None:
    assert linked(matcher, text) == expected


def test_the_case_rule() -> None:
    assert [default_case(a) for a in ("War on Terror", "The Holocaust", "US", "UN Security Council", "Bush",
                                      "the President", "refugees")] == ["any", "exact", "exact", "exact", "exact",
                                                                        "exact", "any"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. should act.", [("U.S.", "united-states")]),
    ("a U.N. mediator", [("U.N.", "united-nations")]),
    ("the A.U.-U.N. hybrid operation", [("A.U.", "african-union"), ("U.N.", "united-nations")]),
    ("under Article 2(7) of the Charter", [("Article 2(7)", "article-2-7")]),
])
def test_an_alias_that_ends_in_punctuation_matches(matcher: Matcher, text: str,
                                                  expected: list[tuple[str, str]]) -> None:
    assert linked(matcher, text) == expected


def test_a_plural_or_possessive_inside_a_name(matcher: Matcher) -> None:
    assert linked(matcher, "the stakeholders' conference in Doha") == [("stakeholders' conference",
                                                                        "stakeholder-conference")]


def test_no_mention_inside_a_web_address(matcher: Matcher) -> None:
    from edition.annotate import outside_addresses

    text = "See http://www.sudantribune.com/Mbeki-says,40123 and Mbeki's reply."
    found = outside_addresses(matcher.mentions("a", "n1", text), text)
    assert [(m.surface, m.start) for m in found] == [("Mbeki", text.rindex("Mbeki"))]


def test_a_sense_that_holds_in_some_paragraphs(matcher: Matcher) -> None:
    assert linked(matcher, "the genocide began", anchor="p14") == [("the genocide", "rwandan-genocide")]
    assert linked(matcher, "the genocide began", anchor="p20") == [("genocide", "genocide")]
    assert linked(matcher, "the genocide began", anchor="p14", source="b") == [("genocide", "genocide")]


def reference(quote: str, entry: str) -> Reference:
    return Reference("a", "p1", quote, entry, Path("registry/references.yml"), 12)


def test_a_curated_reference_marks_its_words_and_keeps_the_names_inside(matcher: Matcher) -> None:
    text = "Then the plane carrying Bush crashed, and the eventual genocide followed."
    found = with_references(matcher.mentions("a", "p1", text),
                            [reference("the plane carrying Bush crashed", "plane-crash"),
                             reference("the eventual genocide", "rwandan-genocide")], text, "a", "p1",
                            {"bush": "actor", "genocide": "concept", "plane-crash": "event",
                             "rwandan-genocide": "event"})
    assert [(m.surface, m.entry_id) for m in found] == [
        ("the plane carrying Bush crashed", "plane-crash"), ("Bush", "bush"),
        ("the eventual genocide", "rwandan-genocide")]  # "genocide" ends its words: read as the event


def test_a_concept_at_the_end_of_a_concepts_words_is_its_object(matcher: Matcher) -> None:
    text = "They failed to halt genocide."
    found = with_references(matcher.mentions("a", "p1", text), [reference("to halt genocide", "prevention")],
                            text, "a", "p1", {"genocide": "concept", "prevention": "concept"})
    assert [(m.surface, m.entry_id) for m in found] == [("to halt genocide", "prevention"), ("genocide", "genocide")]


def test_words_that_refer_to_no_entry_keep_no_mention(matcher: Matcher) -> None:
    text = "See Touval, “The Superpowers and Genocide,” for Bush."
    found = with_references(matcher.mentions("a", "n1", text),
                            [Reference("a", "n1", "The Superpowers and Genocide", None)], text, "a", "n1",
                            {"bush": "actor", "genocide": "concept"})
    assert [(m.surface, m.entry_id) for m in found] == [("Bush", "bush")]


def test_a_quotation_no_longer_in_its_paragraph_names_the_file_and_line(matcher: Matcher) -> None:
    with pytest.raises(InputError) as err:
        with_references([], [reference("the plane was shot down", "plane-crash")], "Nothing of the kind.", "a",
                        "p1")
    assert "registry/references.yml" in str(err.value) and ":12" in str(err.value)
    assert "the plane was shot down" in str(err.value)


def test_a_reference_to_no_entry_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "references.yml"
    path.write_text("a:\n  p1:\n  - {quote: the words, entry: nothing-of-the-kind}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_references(path, {})
    assert "references.yml:3" in str(err.value) and "nothing-of-the-kind" in str(err.value)


@pytest.mark.parametrize(("source_id", "anchor", "words", "entry"), [
    ("kuperman-1996", "p23", "the plane carrying Habyarimana", "assassination-of-juvenal-habyarimana"),
    ("maddox-2015", "p14", "the genocide", "rwandan-genocide"),
    ("kuperman-1996", "p21", "the President", "juvenal-habyarimana"),
    ("darfur-dissertation-2005", "p61", "Darfur", "war-in-darfur"),
    ("maddox-2015", "p20", "the government", "government-of-sudan"),  # "the government", source by source
    ("ismail-jones-prendergast-2011", "p40", "the mediator", "djibril-bassole"),
    ("kuperman-1996", "n27", "genocide of Muslims", "bosnian-genocide"),
    ("kuperman-1996", "p17", "cease-fire", "ceasefire"),  # a concept in lower case
    ("maddox-2015", "p4", "genocide", "genocide"),  # the object of "prevent or halt genocide"
])
def test_the_sources_references_are_marked(site: Path, source_id: str, anchor: str, words: str, entry: str) -> None:
    """In the seeds: an event told, a sense in one section, a title that means one person, a name that
    means the crisis."""
    mentions = json.loads((site / "data" / "mentions.json").read_text(encoding="utf-8"))["mentions"]
    found = [(m["surface"], m["entry"]) for m in mentions if m["source"] == source_id and m["anchor"] == anchor]
    assert any(words in surface and e == entry for surface, e in found), found


@pytest.mark.parametrize(("source_id", "anchor", "words", "entry"), [
    ("kuperman-1996", "n27", "genocide", "rwandan-genocide"),  # Bosnia's, in a note
    ("kuperman-1996", "n27", "government forces", "sudanese-armed-forces"),  # Bosnia's
    ("kuperman-1996", "n1", "Mediation", "mediation"),  # a word in a cited work's title
    ("darfur-dissertation-2005", "p73", "anarchy", "anarchy"),  # "near anarchy" in Sudan
    ("maddox-2015", "abstract", "Rwanda", "rwanda"),  # "the specific cases of Cambodia, Rwanda, and Darfur"
    ("ismail-jones-prendergast-2011", "p10", "Sudanese People's Liberation Movement",
     "sudan-peoples-liberation-movement"),  # its northern sector is meant
])
def test_words_read_otherwise_are_not_linked(site: Path, source_id: str, anchor: str, words: str, entry: str) -> None:
    mentions = json.loads((site / "data" / "mentions.json").read_text(encoding="utf-8"))["mentions"]
    found = [(m["surface"], m["entry"]) for m in mentions
             if m["source"] == source_id and m["anchor"] == anchor and not m["inside"]]  # linked on the page
    assert (words, entry) not in found, found


def test_a_source_revised_under_a_quotation_stops_the_build_and_names_the_line(tmp_path: Path) -> None:
    from support import build_script, copy_project, replace_once

    project = copy_project(tmp_path / "project")
    assert build_script(project).returncode == 0
    replace_once(project / "seeds" / "004_95f8259ffee90718.txt", "the plane carrying Habyarimana",
                 "the aircraft carrying Habyarimana")
    result = build_script(project)
    assert result.returncode == 1
    assert "registry/references.yml:" in result.stderr and "kuperman-1996#p23" in result.stderr
    assert (project / "docs" / "sources" / "kuperman-1996.md").exists()  # the last good build is kept


def test_dates_are_shown_as_people_write_them() -> None:
    from edition.index.dates import as_written
    from edition.registry.model import Entry as E
    from edition.render.registers import dates

    assert as_written("2004-09-09", "day") == "9 September 2004" and as_written("1990", "decade") == "the 1990s"
    assert dates(E("e", "event", "E", "war", "", [], [], date="2003-02", date_end="2005", precision="month")) \
        == "February 2003 – 2005"


def test_a_sentence_does_not_end_at_an_initial() -> None:
    from edition.index import sentence_around

    text = "It was said before. President George W. Bush said so in 2004. Then it ended."
    start, end = sentence_around(text, text.index("Bush"), text.index("Bush") + 4)
    assert text[start:end].strip() == "President George W. Bush said so in 2004."


def test_at_most_three_events_are_never_marked_and_each_says_why(site: Path) -> None:
    entries = json.loads((site / "data" / "entries.json").read_text(encoding="utf-8"))["entries"]
    unmarked = [e for e in entries if e["register"] == "event" and not e["mentions"]]
    assert len(unmarked) <= 3, [e["id"] for e in unmarked]
    assert all(e.get("note") for e in unmarked)


def test_a_reference_holding_names_has_one_link_after_it_and_no_link_nests(site: Path) -> None:
    from support import SOURCE_IDS, page

    for source_id in SOURCE_IDS:
        assert not [a for a in page(site, source_id).select("a") if a.find_parent("a")], source_id
    p23 = page(site, "kuperman-1996").select_one("#p23")
    # "the plane carrying Habyarimana and the president of Burundi crashed", "the plane was shot down by
    # Hutu extremists", "the compromises accepted by Habyarimana": one ↗ each, the names inside linked
    assert len(p23.select("a.m-ref-link")) == 3
    assert [a.get_text() for a in p23.select("a.m-actor")][:2] == ["Habyarimana", "president of Burundi"]


def test_mentions_that_share_a_sentence_are_one_line_with_each_marked() -> None:
    """Maddox ¶13 refers to the assassination twice in one sentence: its entry page shows the sentence
    once, with both references marked, not the same sentence twice."""
    from edition.annotate import Mention
    from edition.index import Occurrence
    from edition.index import occurrence as occurrence_in
    from edition.model import Block
    from edition.render.registers import _kwic_lines
    from edition.urls import Here
    from edition.vocabulary import BlockKind

    text = ("Before. The trigger was the death of the President when his plane was shot down on 6 April, "
            "the tensions that underscored the slaughter that followed had been long in the making. After.")
    block = Block(BlockKind.PARAGRAPH, text, 0, len(text), [], anchor="p13", label="13")
    first, second = "the death of the President", "his plane was shot down on 6 April"

    def occurrence(words: str) -> Occurrence:
        start = text.index(words)
        return occurrence_in(block, Mention("a", "p13", start, start + len(words), words, "plane-crash"))

    lines = _kwic_lines("a", [occurrence(first), occurrence(second)], Here("register/events/x.md"))
    assert len(lines) == 1
    line = lines[0]
    assert (line.before, line.match) == ("The trigger was ", first)
    assert line.more == ((" when ", second),) and line.after.startswith(", the tensions")
