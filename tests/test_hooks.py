"""The MkDocs hook's state is one typed object, and what it lets go of is documented and can be kept."""

from __future__ import annotations

import importlib.util
import logging
import sys
import warnings
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from support import ROOT


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("edition_hooks", ROOT / "scripts" / "mkdocs_hooks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as MkDocs loads a hook
    spec.loader.exec_module(module)
    return module


def a_page(dest: Path = Path("/nonexistent/a/index.html"), **meta: Any) -> SimpleNamespace:
    return SimpleNamespace(markdown="# A page", content="<h1>A page</h1>", meta=meta,
                           file=SimpleNamespace(src_uri="a.md", abs_dest_path=str(dest)))


def test_a_converted_page_lets_go_of_its_markdown_and_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EDITION_KEEP_PAGES", raising=False)
    module, page = hooks(), a_page()
    assert module.on_page_content("<h1>A page</h1>", page=page) == "<h1>A page</h1>"
    assert module.on_post_page("<html></html>", page=page) == "<html></html>"
    assert page.markdown == "" and page.content == ""


def test_edition_keep_pages_keeps_them_for_other_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_KEEP_PAGES", "on")
    module, page = hooks(), a_page(search={"exclude": True})
    module.STATE.writer = module.PageWriter()
    assert module.on_page_content("<h1>A page</h1>", page=page) == "<h1>A page</h1>"
    assert module.on_post_page("<html></html>", page=page) == "<html></html>"  # MkDocs writes it
    assert page.markdown == "# A page" and page.content == "<h1>A page</h1>"


def test_a_page_out_of_the_search_is_set_aside_while_materials_search_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EDITION_KEEP_PAGES", raising=False)
    module = hooks()
    hidden, searched = a_page(search={"exclude": True}), a_page()
    assert module.on_page_content("<h1>A page</h1>", page=hidden) == ""  # what Material's search is given
    assert module.on_page_content("<h1>A page</h1>", page=searched) == "<h1>A page</h1>"
    marked = a_page(search={"exclude": True})
    marked.file.src_uri = "b.md"
    html = '<p data-search-exclude="x">b</p>'  # Material removes such attributes: it must see them
    assert module.on_page_content(html, page=marked) == html
    hidden.content = ""
    module.on_page_context({}, page=hidden)
    assert hidden.content == "<h1>A page</h1>"  # back for the theme


def test_the_writer_writes_each_page_and_mkdocs_note_of_it_is_dropped(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EDITION_KEEP_PAGES", raising=False)
    module = hooks()
    module.STATE.writer = writer = module.PageWriter()
    pages = [a_page(tmp_path / f"p{n}" / "index.html") for n in range(20)]
    for n, page in enumerate(pages):
        page.file.src_uri = f"p{n}.md"
        assert module.on_post_page(f"<html>{n} é</html>", page=page) == ""  # MkDocs writes nothing
    drop = module.WrittenByTheHook()
    note = logging.LogRecord("mkdocs.commands.build", logging.INFO, "", 0,
                             "Page skipped: 'p19.md'. Generated empty output.", None, None)
    other = logging.LogRecord("mkdocs.commands.build", logging.INFO, "", 0,
                              "Page skipped: 'elsewhere.md'. Generated empty output.", None, None)
    assert not drop.filter(note) and drop.filter(other)
    writer.close()
    assert [(tmp_path / f"p{n}" / "index.html").read_text(encoding="utf-8") for n in range(20)] == [
        f"<html>{n} é</html>" for n in range(20)]


def test_a_page_the_writer_cannot_write_fails_the_build(tmp_path: Path) -> None:
    module = hooks()
    writer = module.PageWriter()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    writer.write("a.md", b"<html></html>", str(tmp_path / "a-file" / "index.html"))  # a folder that is a file
    with pytest.raises(OSError):
        writer.close()


def test_the_hook_keeps_its_state_in_one_typed_object() -> None:
    module = hooks()
    module.on_startup(command="build")
    assert module.STATE.command == "build" and module.STATE.final_site is None
    assert not [name for name, value in vars(module).items() if isinstance(value, dict) and name.isupper()]


def a_config(site: Path) -> SimpleNamespace:
    return SimpleNamespace(site_dir=str(site), use_directory_urls=True, plugins=SimpleNamespace(_current_plugin=None))


def test_the_editions_pages_reach_mkdocs_in_memory_and_replace_any_copy(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.structure.files import File, Files
    monkeypatch.setenv("EDITION_FAST_PAGES", "off")
    module, config = hooks(), a_config(tmp_path / "site")
    stale = File("sources/x.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    data = File("data/x.json", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    module.STATE.handed = {"sources/x.md": "# X\n", "index.md": "# Home\n"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # MkDocs warns of a file replaced without being removed first
        files = module.on_files(Files([data, stale]), config=config)
    assert [f.src_uri for f in files] == ["index.md", "data/x.json", "sources/x.md"]  # as get_files orders them
    page = files.get_file_from_path("sources/x.md")
    assert page is not stale and page.content_string == "# X\n" and page.abs_dest_path.endswith("x/index.html")
    assert module.STATE.handed == {}  # the files hold them now


def test_under_serve_dirty_a_handed_page_is_made_again_only_when_it_changed(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.structure.files import Files
    monkeypatch.setenv("EDITION_FAST_PAGES", "off")
    module, config = hooks(), a_config(tmp_path / "site")
    module.on_startup(command="serve")

    def due(pages: dict[str, str], nav_changed: bool = False) -> dict[str, bool]:
        module.STATE.handed, module.STATE.nav_changed = dict(pages), nav_changed
        return {f.src_uri: f.is_modified() for f in module.on_files(Files([]), config=config)}

    assert due({"a.md": "A", "b.md": "B"}) == {"a.md": True, "b.md": True}  # the first build
    assert due({"a.md": "A", "b.md": "B2"}) == {"a.md": False, "b.md": True}
    assert due({"a.md": "A", "b.md": "B2"}, nav_changed=True) == {"a.md": True, "b.md": True}


def test_the_themes_templates_are_compiled_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jinja2 import DictLoader, Environment
    monkeypatch.setenv("EDITION_FAST_PAGES", "off")
    module = hooks()
    monkeypatch.setattr(module, "ROOT", tmp_path)
    env = module.on_env(Environment(loader=DictLoader({"main.html": "{{ page }}"})))
    assert env.get_template("main.html").render(page="p") == "p"
    assert list((tmp_path / ".cache" / "templates" / "theme").iterdir())  # compiled, for the next build
    monkeypatch.setenv("EDITION_CACHE", "off")
    assert module.on_env(Environment(loader=DictLoader({}))).bytecode_cache is None


def test_pages_go_to_mkdocs_in_memory_up_to_a_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    module = hooks()
    monkeypatch.setattr(module.InMemory, "BUDGET", 100)
    choose = module.InMemory()
    assert choose("sources/a.md", "x" * 60) and not choose("data/a.json", "{}")  # pages only
    assert not choose("sources/b.md", "x" * 60)  # past the budget: written to docs/, read back by MkDocs
    assert choose("register/c.md", "x" * 40)  # a page that still fits
