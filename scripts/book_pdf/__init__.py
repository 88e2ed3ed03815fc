"""The offline editions of the site: one book-quality PDF, and a zip of the site that works
opened from a folder.

    from book_pdf import build_book, build_offline_zip
    build_book(site_dir)          # -> site_dir/alignment-explained.pdf
    build_offline_zip(site_dir)   # -> site_dir/alignment-explained-offline.zip (holds the PDF)

Call them in that order, after the strict MkDocs build. Both raise BookError (a list of
problems, each naming its file) when the site cannot make a book.
"""
from __future__ import annotations

from .offline_zip import ZIP_NAME, build_offline_zip
from .pipeline import PDF_NAME, book_html, build_book
from .problems import BookError, Problem

__all__ = ["PDF_NAME", "ZIP_NAME", "BookError", "Problem", "book_html", "build_book", "build_offline_zip"]
