"""Pause Python's cyclic garbage collector while a build makes many objects that live on.

Parsing 2,000 BibTeX entries, rendering thousands of citations, reading the book's pages and
laying it out in WeasyPrint all allocate hundreds of thousands of small objects (entries, Jinja
frames, parse trees, styles, boxes) that are either kept until the end or freed by reference
counting. CPython's collector starts every ~700 allocations and re-scans that growing heap,
which cost each of those steps about a tenth of its time, yet finds almost nothing to free.
The few real cycles wait for the collector's next run after the pause. The previous state is
restored, so pauses nest safely. Used by scripts/citations/ and scripts/book_pdf/.

A one-shot command (the book's) goes further: see exit_without_teardown.
"""
from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with cyclic collection off, restoring the previous state after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def exit_without_teardown(main: Callable[[], int | None]) -> None:
    """Run a command's main with the collector off, then end the process at once.

    For a process whose one job is to write a file: collecting and freeing the hundreds of
    thousands of boxes, styles and glyph runs of a laid-out book at exit takes time and
    frees nothing anyone needs (the file is written and closed by then). mypy exits
    the same way for the same reason. An exception still ends the process the usual way.
    """
    gc.disable()
    code = main() or 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
