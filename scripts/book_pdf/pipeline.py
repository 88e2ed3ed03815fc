"""The book from a built site, step by step: nav -> chapters -> links -> citations -> numbers,
demo addresses, web links' addresses, index -> HTML -> typographer's quotes, short endings
tied, addresses broken before hyphens -> PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from gc_pause import gc_paused

from . import htmltree as ht
from .address_breaks import break_addresses_before_hyphens
from .assemble import assemble_book
from .bibliography import collect_entries, entry_homes, point_citations
from .book_index import build_index, page_numbers_for_cited_in, work_authors
from .chapter import link_chapters, read_chapter, unwrap_print_neutral
from .htmltree import Element
from .live_demos import caption_live_demos
from .metadata import read_book_info
from .named_examples import read_examples
from .nav import read_home, read_nav
from .numbering import mark_cross_references, number_chapters, number_figures_and_tables
from .problems import BookError, Problem
from .provenance import read_provenance
from .render import PAPER_SIZES, PrintSettings, render_pdf
from .typography import educate_quotes, tie_short_endings
from .web_addresses import print_web_addresses

PDF_NAME = "alignment-explained.pdf"


def book_document(
    site_dir: Path, *, version: str | None = None, date: dt.date | None = None
) -> Element:
    """The whole book as one HTML tree (what render_pdf prints); BookError lists problems."""
    site_dir = Path(site_dir).resolve()
    problems: list[Problem] = []
    home = read_home(site_dir)  # first: it says clearly when site_dir is not a built site
    nav = read_nav(site_dir, home)
    info = read_book_info(site_dir, version=version, date=date, home=home)
    provenance = read_provenance(site_dir, problems)
    chapters = [c for page in nav if (c := read_chapter(site_dir, page, problems))]
    examples = read_examples(site_dir, problems)
    known_keys = {key for c in chapters for key in c.references}
    link_chapters(chapters, site_dir, info.site_url, known_keys, problems)
    if problems:
        raise BookError(problems)
    homes = entry_homes(chapters)
    point_citations(chapters, homes)
    number_chapters(chapters)
    figure_labels: dict[str, str] = {}
    for chapter in chapters:
        figure_labels.update(number_figures_and_tables(chapter))
        caption_live_demos(chapter, info.site_url)
        print_web_addresses(chapter.section)
    index = build_index(chapters, work_authors(site_dir), examples, problems)
    if problems:
        raise BookError(problems)
    page_numbers_for_cited_in(chapters)
    mark_cross_references(chapters, figure_labels)
    for chapter in chapters:
        unwrap_print_neutral(chapter)
    book = assemble_book(
        info, chapters, collect_entries(chapters, homes), index, provenance, pdf_name=PDF_NAME
    )
    educate_quotes(book)
    tie_short_endings(book)
    break_addresses_before_hyphens(book)
    return book


def book_html(site_dir: Path, *, version: str | None = None, date: dt.date | None = None) -> str:
    """The same book written out as HTML text (to read or keep; the PDF is made from the tree)."""
    return "<!doctype html>\n" + ht.to_html(book_document(site_dir, version=version, date=date))


def build_book(
    site_dir: Path,
    out: Path | None = None,
    *,
    paper: str = "a4",
    version: str | None = None,
    date: dt.date | None = None,
    stylesheets: Sequence[Path] = (),
    tagged: bool = True,
    compressed: bool = True,
) -> Path:
    """Write the book PDF (default: <site_dir>/alignment-explained.pdf) and return its path.

    paper is "a4" or "letter"; version defaults to `git describe`, date to today; stylesheets
    (CSS files) apply after the book's own; tagged and compressed: see PrintSettings.
    """
    site_dir = Path(site_dir).resolve()
    problems = [
        Problem("--stylesheet", f"no such file: {path}")
        for path in stylesheets
        if not Path(path).is_file()
    ]
    if paper not in PAPER_SIZES:
        problems.append(
            Problem("--paper", f"unknown paper '{paper}': use one of {', '.join(PAPER_SIZES)}")
        )
    if problems:
        raise BookError(problems)
    settings = PrintSettings(
        paper, tuple(Path(p).resolve() for p in stylesheets), tagged, compressed
    )
    out = Path(out) if out else site_dir / PDF_NAME
    with gc_paused():
        document = book_document(site_dir, version=version, date=date)
        out.parent.mkdir(parents=True, exist_ok=True)
        render_pdf(document, site_dir, out, settings)
    return out
