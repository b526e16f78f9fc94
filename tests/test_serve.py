"""`mkdocs serve --dirty`, as the README runs it: a source added while it serves appears in the
navigation of every page, not only of the pages whose own Markdown changed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, timeout: float = 240) -> str:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page = response.read().decode("utf-8")
                if text in page:
                    return page
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s")


def test_a_source_added_under_serve_is_in_every_pages_navigation(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/performance/", "Kuperman 1996")
        time.sleep(3)  # the first build settles
        seed = project / "seeds" / "004_95f8259ffee90718.txt"
        shutil.copy(seed, project / "seeds" / "006_second_copy.txt")
        meta = seed.with_suffix(".yml").read_text(encoding="utf-8").replace("id: kuperman-1996", "id: kuperman-copy")
        (project / "seeds" / "006_second_copy.yml").write_text(meta, encoding="utf-8")
        wait_for(f"{base}/sources/kuperman-copy/", "</html>")
        # the Performance page's Markdown did not change; its navigation must still list the new source
        page = wait_for(f"{base}/performance/", "Kuperman 1996b", timeout=60)
        assert "Kuperman 1996a" in page and "sources/kuperman-copy/" in page
    finally:
        server.terminate()
        server.wait(timeout=30)

