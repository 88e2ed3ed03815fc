"""The offline editions of the site: one book-quality PDF, and a zip of the site that works
opened from a folder.

    from book_pdf import build_book, build_offline_zip
    build_book(site_dir)          # -> site_dir/alignment-explained.pdf
    build_offline_zip(site_dir)   # -> site_dir/alignment-explained-offline.zip (holds the PDF)

Call them in that order, after the strict MkDocs build. Both raise BookError (a list of
problems, each naming its file) when the site cannot make a book.

The names are imported on first use (PEP 562), so that `python -m book_pdf` can pause the
garbage collector before WeasyPrint's imports (see __main__) and skip the zip's modules unless
it makes the zip.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "ZIP_NAME": "offline_zip",
    "build_offline_zip": "offline_zip",
    "PDF_NAME": "pipeline",
    "book_html": "pipeline",
    "build_book": "pipeline",
    "BookError": "problems",
    "Problem": "problems",
}

__all__ = [
    "PDF_NAME",
    "ZIP_NAME",
    "BookError",
    "Problem",
    "book_html",
    "build_book",
    "build_offline_zip",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value
