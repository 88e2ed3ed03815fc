"""Import WeasyPrint without running the C compiler to look for its libraries (Linux).

Why: WeasyPrint loads Pango, HarfBuzz, fontconfig and GObject by trying several spellings of
each name, Windows and macOS ones first (e.g. "libgobject-2.0-0" before "gobject-2.0"). cffi
hands every spelling that does not load to ctypes.util.find_library, which on Linux asks
ldconfig's cache and then, for a name that is not there, runs gcc and then ld to search for it:
about 20 ms of subprocesses per wrong spelling, 0.2 s per import, 3% of the book's whole build.
During that one import, find_library asks ldconfig's cache and the folders of LD_LIBRARY_PATH
only (the places a program finds its libraries at run time). Should a library be missing from
both, the import is simply made again with the usual search, so nothing that worked before
fails now; WeasyPrint's own error message then appears only if that fails too.
"""
from __future__ import annotations

import contextlib
import ctypes.util
import functools
import io
import os
import sys
from pathlib import Path


def import_weasyprint() -> None:
    """Import weasyprint (once per process; later imports are free) the quick way when possible."""
    if "weasyprint" in sys.modules or not quick_lookup_available():
        import weasyprint  # noqa: F401
        return
    usual = ctypes.util.find_library
    ctypes.util.find_library = find_library_at_run_time_places
    try:
        with contextlib.redirect_stdout(io.StringIO()):   # WeasyPrint prints a banner on failure
            import weasyprint  # noqa: F401
    except OSError:
        ctypes.util.find_library = usual
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = usual


def quick_lookup_available() -> bool:
    return sys.platform.startswith("linux") and hasattr(ctypes.util, "_findSoname_ldconfig")


@functools.cache
def find_library_at_run_time_places(name: str) -> str | None:
    """ctypes.util.find_library without its compiler fallbacks: ldconfig's cache (ctypes' own
    first step), then LD_LIBRARY_PATH."""
    soname = ctypes.util._findSoname_ldconfig(name)  # type: ignore[attr-defined]
    if soname:
        return soname
    for folder in filter(None, os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep)):
        matches = sorted(Path(folder).glob(f"lib{name}.so*"))
        if matches:
            return str(matches[0])
    return None
