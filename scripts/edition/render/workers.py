"""Pages made on every core. A build's pages are made by makers, each a function of no arguments that
returns some pages as (path, text). The workers are forked once the makers exist: they share everything
the makers read (the editions, the index, the citations), nothing is sent to them but a maker's number,
and each hands back text. A few makers per worker are handed out ahead of the pages written, so that a
thousand sources' pages are not all held at once."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

Pages = list[tuple[str, str]]
Maker = Callable[[], Pages]

AHEAD = 2  # makers handed out per worker before their pages are taken
_MAKERS: list[Maker] | None = None  # what the forked workers read


def made(makers: list[Maker], parallel: bool) -> Iterator[tuple[str, str]]:
    """Every maker's pages, in the makers' order. With `parallel`, on every core (when there are several
    and processes can be forked); the workers start at the call, not at the first page asked for."""
    global _MAKERS
    workers = min(os.cpu_count() or 1, 8)
    if not parallel or workers < 2 or len(makers) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return (page for make in makers for page in make())
    _MAKERS = makers
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        # the first submission forks every worker, each with its own copy of the makers
        pending = deque(pool.submit(_make, i) for i in range(min(len(makers), workers * AHEAD)))
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    finally:
        _MAKERS = None
    return _taken(pool, pending, len(makers))


def _taken(pool: ProcessPoolExecutor, pending: deque[Future[Pages]], total: int) -> Iterator[tuple[str, str]]:
    handed_out = len(pending)
    with pool:
        while pending:
            pages = pending.popleft().result()
            if handed_out < total:
                pending.append(pool.submit(_make, handed_out))
                handed_out += 1
            yield from pages


def _make(number: int) -> Pages:
    assert _MAKERS is not None, "a worker reads the makers it was forked with"
    return _MAKERS[number]()
