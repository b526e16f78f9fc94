"""The registry is checked on every build, and its rules decide the traps of these texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.annotate import Matcher
from edition.errors import InputError
from edition.registry import load_registry
from support import ROOT, build_script, copy_project

TRAPS = """
- id: united-states
  name: United States
  kind: state
  aliases: [US, U.S.]
  description: A state; test entry for the traps.
  evidence: a#p1
- id: soviet-union
  name: Soviet Union
  kind: state
  aliases: [USSR]
  description: A state; test entry for the traps.
  evidence: a#p1
- id: united-nations
  name: United Nations
  kind: intergovernmental organisation
  aliases: [UN]
  description: An organisation; test entry for the traps.
  evidence: a#p1
- id: unamir
  name: United Nations Assistance Mission for Rwanda
  kind: intergovernmental organisation
  aliases: [UNAMIR]
  description: A UN mission; test entry for the traps.
  evidence: a#p1
- id: un-security-council
  name: UN Security Council
  kind: intergovernmental organisation
  aliases: [Security Council]
  description: A UN organ; test entry for the traps.
  evidence: a#p1
- id: au-peace-and-security-council
  name: Peace and Security Council
  kind: intergovernmental organisation
  aliases: [PSC]
  description: An AU organ; test entry for the traps.
  evidence: a#p1
- id: sudan-liberation-army
  name: Sudan Liberation Army
  kind: armed group
  aliases: [SLA]
  description: A rebel movement; test entry for the traps.
  evidence: a#p1
- id: splm
  name: Sudan People's Liberation Movement/Army
  kind: armed group
  aliases: [SPLA, SPLM]
  description: A rebel movement; test entry for the traps.
  evidence: a#p1
- id: government-of-sudan
  name: Government of Sudan
  kind: government
  aliases:
    - Khartoum government
    - text: Khartoum
      not_before: '\\b(in|to|from|at|of|University of) '
    - text: Government
      sources: [a]
  description: The government; test entry for the traps.
  evidence: a#p1
- id: arab
  name: Arabs
  kind: ethnic or social group
  aliases: [Arab]
  description: A group; test entry for the traps.
  evidence: a#p1
- id: arab-league
  name: Arab League
  kind: intergovernmental organisation
  description: An organisation; test entry for the traps.
  evidence: a#p1
- id: omar-al-bashir
  name: Omar al-Bashir
  kind: person
  aliases: [al-Bashir, Bashir]
  description: A president; test entry for the traps.
  evidence: a#p1
"""
PLACES = """
- id: khartoum
  name: Khartoum
  kind: city
  aliases:
    - text: Khartoum
      before: '\\b(in|to|from|at|of|University of) '
  description: A city; test entry for the traps.
  evidence: a#p1
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    folder = tmp_path_factory.mktemp("registry")
    (folder / "actors.yml").write_text(TRAPS)
    (folder / "places.yml").write_text(PLACES)
    return Matcher(load_registry(folder))


def linked(matcher: Matcher, text: str, source: str = "a") -> list[tuple[str, str]]:
    return [(m.surface, m.entry_id) for m in matcher.mentions(source, "p1", text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("the US and the USSR", [("US", "united-states"), ("USSR", "soviet-union")]),
    ("it cost US$ 5 million", []),
    ("the UN sent UNAMIR", [("UN", "united-nations"), ("UNAMIR", "unamir")]),
    ("the AU Peace and Security Council and the Security Council",
     [("Peace and Security Council", "au-peace-and-security-council"), ("Security Council", "un-security-council")]),
    ("the SLA and the SPLA", [("SLA", "sudan-liberation-army"), ("SPLA", "splm")]),
    ("Khartoum refused; talks in Khartoum", [("Khartoum", "government-of-sudan"), ("Khartoum", "khartoum")]),
    ("the Khartoum government", [("Khartoum government", "government-of-sudan")]),
    ("the Arab League and Arab militias", [("Arab League", "arab-league"), ("Arab", "arab")]),
    ("Arabs and al-Bashir's men; Bashir", [("Arabs", "arab"), ("al-Bashir", "omar-al-bashir"),
                                           ("Bashir", "omar-al-bashir")]),
])
def test_traps(matcher: Matcher, text: str, expected: list[tuple[str, str]]) -> None:
    assert linked(matcher, text) == expected


def test_source_rules(matcher: Matcher) -> None:
    assert linked(matcher, "the Government", source="a") == [("Government", "government-of-sudan")]
    assert linked(matcher, "the Government", source="b") == []
    assert linked(matcher, "the government", source="a") == []  # exact case for a capitalised alias


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    return folder


ENTRY = "- id: {id}\n  name: {name}\n  kind: person\n  description: Someone named in a source.\n  evidence: a#p1\n"


@pytest.mark.parametrize(("files", "message"), [
    ({"actors.yml": ENTRY.format(id="x", name="X") + ENTRY.format(id="x", name="Y")},
     "actors.yml:6: duplicate id 'x'"),
    ({"actors.yml": "- id: x\n  name: X\n  kind: person\n  evidence: a#p1\n"},
     "actors.yml:1: entry 'x': missing field"),
    ({"actors.yml": ENTRY.format(id="x", name="X") + "  colour: red\n"}, "actors.yml:6: entry 'x': unknown key"),
    ({"actors.yml": ENTRY.format(id="x", name="X") + "  related: [nobody]\n"},
     "actors.yml:1: entry 'x': related entry 'nobody' does not exist"),
    ({"events.yml": "- id: e\n  name: E\n  kind: war\n  description: A war in a source.\n  evidence: a#p1\n"
                    "  date: '2004-13'\n  precision: month\n"},
     "events.yml:6: entry 'e': date '2004-13' is not a date"),
    ({"actors.yml": ENTRY.format(id="x", name="Sam") + ENTRY.format(id="y", name="Sam")},
     "actors.yml:6: alias 'Sam' of 'y' is also an alias of 'x'"),
    ({"actors.yml": "- id: x\n  name: [unclosed\n"}, "actors.yml:2: does not parse"),
    ({"actors.yml": ENTRY.format(id="x", name="X") + "  note: See [[nobody]].\n"},
     "actors.yml:1: entry 'x': the note's link [[...]] to 'nobody' does not exist"),
    ({"actors.yml": ENTRY.format(id="x", name="X") + "  formerly: [y]\n" + ENTRY.format(id="y", name="Y")},
     "actors.yml:1: entry 'x': 'y' (formerly) is also the id of 'y'"),
])
def test_registry_errors_name_file_and_line(tmp_path: Path, files: dict[str, str], message: str) -> None:
    folder = tmp_path / "registry"
    for name, text in files.items():
        write(folder, name, text)
    with pytest.raises(InputError) as err:
        load_registry(folder)
    assert message in str(err.value)


@pytest.mark.build
def test_evidence_must_name_a_paragraph_that_exists(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    for register in (project / "registry").glob("*s.yml"):
        register.unlink()
    (project / "registry" / "actors.yml").write_text(
        ENTRY.format(id="x", name="Somebody").replace("a#p1", "maddox-2015#p999"))
    result = build_script(project)
    assert result.returncode == 1
    assert "actors.yml:1: entry 'x': source 'maddox-2015' has no paragraph 'p999'" in result.stderr


def test_notes_are_written_for_readers_and_descriptions_name_their_sources() -> None:
    """An editor's note is read on the entry's page: no curator's instructions in it ("-> rwandan-genocide",
    "link those to...", "maddox-2015: ..."). A description says whose claim it is ("Maddox says"), never
    "the author", which on an entry of several sources means nobody in particular."""
    registry = load_registry(ROOT / "registry")
    for entry in registry.entries.values():
        assert not re.search(r"->|\blink(ed)? (those|such|it|them|to)\b|^[a-z-]+-\d{4}:", entry.note), entry.id
        assert not re.search(r"\bthe (authors?|source)\b(?!s)", entry.description, re.I), entry.id


@pytest.mark.build
def test_a_merged_entrys_old_address_leads_to_the_entry_it_joined(site: Path) -> None:
    old = (site / "register" / "events" / "the-holocaust" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../../../register/events/holocaust/"' in old
    assert (site / "register" / "events" / "holocaust" / "index.html").exists()
