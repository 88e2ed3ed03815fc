"""The citation pass over the whole site as one plain computation: load references.bib, render
every page's citations, make the Further reading page, find the entries no page cites.

Its inputs are read in `on_files` and its result is first needed once MkDocs has converted
every page (site.py), so a cold build runs it in a second process meanwhile (background.py).
It is a pure function of its inputs: run here or there, the site comes out the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from gc_pause import gc_paused
from source_text import lines_above
from text_files import decode_utf8

from .background import Publish
from .diagnostics import Diagnostic
from .further_reading import (
    FURTHER_READING_URI,
    SourcePage,
    further_reading_page,
    nav_titles,
    uncited_keys,
)
from .slots import RenderedPage
from .syntax import NO_MATH, MathSyntax

if TYPE_CHECKING:
    from .cache import BibliographySource

FIRST_HEADING = re.compile(r"(?m)^\#[ \t]+(?P<title>.+?)[ \t#]*$")


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page's inputs to the pass; its result is cached under `result_key`."""

    src_uri: str
    url: str
    title: str
    markdown: str  # the body on_page_markdown will receive
    source_name: str  # docs/rlhf.md, for messages
    line_offset: int  # front-matter lines above the body
    further_url: str  # Further reading, relative to this page
    result_key: str
    nav_index: int = 0  # place in the nav (pages outside it come after, by path)
    math: MathSyntax = NO_MATH  # what arithmatex reads as math (never scanned for citations)


@dataclass
class SitePass:
    """What the pass found. The bibliography itself is not part of it: the pass stored it in
    the disk cache (cache.py), which is cheaper to read back, if ever needed, than to send."""

    pages: dict[str, RenderedPage]  # by PageJob.result_key
    sources: list[SourcePage]
    # Markdown and list slots; None if the .bib is bad
    further_reading: tuple[str, list[str]] | None
    uncited: list[str]
    problems: tuple[Diagnostic, ...] = ()  # of references.bib
    fresh: bool = True  # False when it all came from the cache
    # references.bib's warnings, notes
    notices: tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]] = (
        (),
        (),
    )


@dataclass(frozen=True, slots=True)
class SourceText:
    """A documentation page before MkDocs reads it: its title and Markdown body (front matter
    removed, exactly as `on_page_markdown` will receive it)."""

    file: File
    title: str
    body: str
    line_offset: int  # front-matter lines above the body
    nav_index: int  # place in the nav (pages outside it: the nav's length)


def read_sources(
    files: Iterable[File], nav: object, name: Callable[[File], str]
) -> tuple[list[SourceText], list[Diagnostic]]:
    """Every Markdown page except Further reading, in the order of `files` (the order MkDocs
    reads them in), with its title taken the way MkDocs will (nav title, else front-matter
    `title`, else the first `# ` heading); and, located by `name(file)`, the pages that are not
    UTF-8 text."""
    titles = nav_titles(nav)
    order = {uri: index for index, uri in enumerate(titles)}
    pages = []
    problems = []
    for file in files:
        if not file.src_uri.endswith(".md") or file.src_uri == FURTHER_READING_URI:
            continue
        try:
            source = file.content_string
        except ValueError:  # not UTF-8: say where
            found = decode_utf8(Path(file.abs_src_path or "").read_bytes(), name(file))
            if isinstance(found, Diagnostic):
                problems.append(found)
                continue
            source = found
        body, meta = get_data(source)
        heading = FIRST_HEADING.search(body)
        title = (
            titles.get(file.src_uri)
            or str(meta.get("title") or "")
            or (heading.group("title").strip() if heading else PurePosixPath(file.src_uri).stem)
        )
        pages.append(
            SourceText(
                file, title, body, lines_above(source, body), order.get(file.src_uri, len(order))
            )
        )
    return pages, problems


def run_pass(
    source: BibliographySource,
    jobs: Sequence[PageJob],
    known: Mapping[str, RenderedPage],
    publish: Publish,
    *,
    further_url: str,
    bib_url: str,
) -> SitePass:
    """Slot every page that `known` (cached results) lacks, publishing where its slots go for
    on_page_markdown at once; then load the bibliography, render those pages' citations, make
    Further reading and the uncited list."""
    # Here: a build whose results are all cached needs neither.
    from .render import render_citations, slot_citations

    with gc_paused():
        slotted = {}
        for job in jobs:
            if job.result_key not in known:
                slotted[job.result_key] = slot_citations(job.markdown, job.math)
                publish(job.result_key, slotted[job.result_key].edits)
        bibliography = source.bibliography
        if bibliography.diagnostics:
            return SitePass(
                {},
                [],
                None,
                [],
                tuple(bibliography.diagnostics),
                notices=(bibliography.warnings, bibliography.notes),
            )
        styler = source.styler
        pages = {
            job.result_key: known.get(job.result_key)
            or render_citations(
                slotted[job.result_key],
                styler,
                source_name=job.source_name,
                line_offset=job.line_offset,
                further_reading_url=job.further_url,
            )
            for job in jobs
        }
        sources = source_pages(jobs, pages)
        further = further_reading_page(styler, sources, page_url=further_url, bib_url=bib_url)
        return SitePass(
            pages,
            sources,
            further,
            uncited_keys(styler, sources),
            notices=(bibliography.warnings, bibliography.notes),
        )


def source_pages(jobs: Sequence[PageJob], pages: Mapping[str, RenderedPage]) -> list[SourcePage]:
    """Each page with the keys it cites, in nav order, for Further reading's "Cited in" links."""
    ordered = sorted(jobs, key=lambda job: (job.nav_index, job.src_uri))
    return [
        SourcePage(job.src_uri, job.url, job.title, tuple(pages[job.result_key].cited))
        for job in ordered
    ]
