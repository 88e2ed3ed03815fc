"""Pause Python's cyclic garbage collector while a build makes many objects that live on.

Parsing 2,000 BibTeX entries, rendering thousands of citations, reading the book's pages and
laying it out in WeasyPrint all allocate hundreds of thousands of small objects (entries, Jinja
frames, parse trees, styles, boxes) that are either kept until the end or freed by reference
counting. CPython's collector starts every ~700 allocations and re-scans that growing heap,
which costs each of those steps time yet finds almost nothing to free. The few real cycles
wait for the collector's next run after the pause. The previous state is restored, so pauses
nest safely. Used by scripts/citations/ and scripts/book_pdf/.

A command that ends once its files are written goes further: see one_shot.py.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
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
