"""`mkdocs serve --dirty`, as the README runs it: a source added while it serves appears in the
navigation of every page, not only of the pages whose own Markdown changed."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from edition.workbench import free_port, mkdocs_serve, wait_for
from support import copy_project, replace_once


@pytest.mark.build
def test_a_source_added_under_serve_is_in_every_pages_navigation(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    port = free_port()
    server = mkdocs_serve(project, port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/performance/", "Kuperman 1996")
        time.sleep(3)  # the first build settles
        seed = project / "seeds" / "004_95f8259ffee90718.txt"
        shutil.copy(seed, project / "seeds" / "006_second_copy.txt")
        shutil.copy(seed.with_suffix(".yml"), project / "seeds" / "006_second_copy.yml")
        replace_once(project / "seeds" / "006_second_copy.yml", "id: kuperman-1996", "id: kuperman-copy")
        wait_for(f"{base}/sources/kuperman-copy/", "</html>")
        # the Performance page's Markdown did not change; its navigation must still list the new source
        page = wait_for(f"{base}/performance/", "Kuperman 1996b", timeout=60)
        assert "Kuperman 1996a" in page and "sources/kuperman-copy/" in page
    finally:
        server.terminate()
        server.wait(timeout=30)

