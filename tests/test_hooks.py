"""The MkDocs hook's state is one typed object, and what it lets go of is documented and can be kept."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType, SimpleNamespace

import pytest

from support import ROOT


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("edition_hooks", ROOT / "scripts" / "mkdocs_hooks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as MkDocs loads a hook
    spec.loader.exec_module(module)
    return module


def a_page() -> SimpleNamespace:
    return SimpleNamespace(markdown="# A page", content="<h1>A page</h1>", file=SimpleNamespace(src_uri="a.md"))


def test_a_converted_page_lets_go_of_its_markdown_and_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EDITION_KEEP_PAGES", raising=False)
    module, page = hooks(), a_page()
    assert module.on_page_content("<h1>A page</h1>", page=page) == "<h1>A page</h1>"
    assert module.on_post_page("<html></html>", page=page) == "<html></html>"
    assert page.markdown == "" and page.content == ""


def test_edition_keep_pages_keeps_them_for_other_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_KEEP_PAGES", "on")
    module, page = hooks(), a_page()
    module.on_page_content("<h1>A page</h1>", page=page)
    module.on_post_page("<html></html>", page=page)
    assert page.markdown == "# A page" and page.content == "<h1>A page</h1>"


def test_the_hook_keeps_its_state_in_one_typed_object() -> None:
    module = hooks()
    module.on_startup(command="build")
    assert module.STATE.command == "build" and module.STATE.final_site is None
    assert not [name for name, value in vars(module).items() if isinstance(value, dict) and name.isupper()]
