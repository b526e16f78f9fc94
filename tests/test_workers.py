"""Pages made on every core (edition/render/workers.py) are the pages made in one process, in the same
order, and the workers are never handed every maker at once (a thousand sources' pages held)."""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path

import pytest

from edition.render import workers


def pages(n: int, folder: Path | None = None) -> list[tuple[str, str]]:
    if folder is not None:
        (folder / f"{n}.made").write_text("", encoding="utf-8")
    return [(f"page-{n}-{k}.md", f"text {n} {k} é") for k in range(3)]


def test_made_on_every_core_as_in_one_process() -> None:
    makers = [functools.partial(pages, n) for n in range(30)]
    assert list(workers.made(makers, parallel=True)) == list(workers.made(makers, parallel=False))
    assert len(list(workers.made(makers, parallel=False))) == 90


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: made in this process")
def test_the_workers_are_handed_a_few_makers_ahead_of_the_pages_taken(tmp_path: Path) -> None:
    makers = [functools.partial(pages, n, tmp_path) for n in range(60)]
    taken = workers.made(makers, parallel=True)
    time.sleep(1.0)  # the workers make what they were handed
    ahead = min(os.cpu_count() or 1, 8) * workers.AHEAD
    assert 0 < len(list(tmp_path.glob("*.made"))) <= ahead
    assert len(list(taken)) == 180 and len(list(tmp_path.glob("*.made"))) == 60


def broken() -> list[tuple[str, str]]:
    raise ValueError("a maker failed")


def test_a_maker_that_fails_fails_the_build() -> None:
    makers = [functools.partial(pages, 1), broken, functools.partial(pages, 2)]
    with pytest.raises(ValueError, match="a maker failed"):
        list(workers.made(makers, parallel=True))
