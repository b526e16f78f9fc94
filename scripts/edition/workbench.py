"""Copies of the project, synthetic corpora made from the seeds, and a served site: the workbench that
the benchmark (scripts/benchmark.py) and the tests (tests/support.py) share."""

from __future__ import annotations

import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project: seeds/, registry/, scripts/, mkdocs.yml
PROJECT_FILES = ("scripts", "registry", "mkdocs.yml")


def variant(text: str, k: int) -> str:
    """A varied copy of a seed: paragraphs dropped and reordered within their section, words swapped."""
    rng = random.Random(k)
    paragraphs = text.split("\n\n")
    kept = [p for p in paragraphs if rng.random() > 0.15 or len(paragraphs) < 8]
    for _ in range(max(1, len(kept) // 10)):
        i, j = rng.randrange(len(kept)), rng.randrange(len(kept))
        kept[i], kept[j] = kept[j], kept[i]
    words = re.findall(r"[A-Za-z]{5,}", text)
    out = "\n\n".join(kept)
    for _ in range(20):
        a, b = rng.choice(words), rng.choice(words)
        out = out.replace(f" {a} ", f" {b} ", 1)
    return out


def copy_files(dest: Path, names: tuple[str, ...] = PROJECT_FILES) -> Path:
    """The project's own files and folders of these names (no caches) copied to `dest`."""
    for name in names:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def make_corpus(size: int, dest: Path) -> Path:
    """A project with `size` sources: the five seeds, then varied copies of them."""
    copy_files(dest)
    seeds = dest / "seeds"
    seeds.mkdir()
    originals = sorted((ROOT / "seeds").glob("*.txt"))
    shutil.copy2(ROOT / "seeds" / "site.yml", seeds / "site.yml")
    for path in originals:
        shutil.copy2(path, seeds / path.name)
        shutil.copy2(path.with_suffix(".yml"), seeds / path.with_suffix(".yml").name)
    for k in range(size - len(originals)):
        seed = originals[k % len(originals)]
        stem = f"{seed.stem}_v{k:04d}"
        (seeds / f"{stem}.txt").write_text(variant(seed.read_text(encoding="utf-8"), k), encoding="utf-8")
        meta = seed.with_suffix(".yml").read_text(encoding="utf-8")
        meta = re.sub(r"^id: (.+)$", rf"id: \1-v{k:04d}", meta, flags=re.M)
        meta = re.sub(r'^title: "(.*)"$', rf'title: "\1 (variant {k})"', meta, flags=re.M)
        (seeds / f"{stem}.yml").write_text(meta, encoding="utf-8")
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, timeout: float = 300) -> str:
    """The page at `url` once it contains `text` (polled; an error if it does not within `timeout` s)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page = response.read().decode("utf-8")
                if text in page:
                    return page
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def mkdocs_serve(project: Path, port: int) -> subprocess.Popen:
    """`mkdocs serve --dirty` of the project, as the README runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
