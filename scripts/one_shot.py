"""Run a command whose one job is to write files, and end its process as soon as it is done.

The book build (`scripts/build.py`, `python -m book_pdf`) leaves hundreds of thousands of
laid-out boxes, styles and glyph runs behind; collecting and freeing them at exit frees nothing
anyone needs (every file is written and closed by then), so the process ends at once instead,
as mypy's does for the same reason. `scripts/bench_pdf.py` measures the book build this way.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable


def exit_without_teardown(main: Callable[[], int | None]) -> None:
    """Run `main` with the cyclic collector off, flush stdout and stderr, then end the process
    with main's exit code. An exception still ends the process the usual way."""
    gc.disable()
    code = main() or 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
