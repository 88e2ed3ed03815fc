"""MkDocs hooks for Alignment Explained: pandoc-style citations from references.bib, and page
metadata for sharing and trust.

Thin by design: each hook delegates to scripts/citations/ or scripts/page_meta/ (their package
docstrings are the spec).

    on_config         find references.bib (and the cache of its parsed form); extra_css and
                      extra_javascript become one file each (scripts/asset_bundle.py)
    on_files          the asset bundles are added; figures get their dark palette (scripts/figures.py);
                      add further-reading.md and references.bib (generated); start the site's
                      citation pass (parse the .bib, render every citation) in a second process
    on_nav            the chapters' and appendices' numbers, as the book gives them
                      (scripts/chapter_numbers.py)
    on_page_markdown  check links, tables, figure mentions and includes (scripts/snippet_includes.py);
                      citations → slots, and a References section
    on_page_content   stop on Markdown that an HTML element left unrendered (scripts/
                      unrendered_markdown.py); glossary hovers: first use per section, none in headings or links; an
                      id on each glossary term; headings' ¶ hidden from screen readers
                      (scripts/headerlinks.py); the summary boxes' titles as headings, and
                      "Key takeaways" in the contents (scripts/summary_boxes.py);
                      images get their intrinsic size, and a figure with an x-narrow.svg
                      a <picture> for phones (scripts/figures.py); an id on each numbered
                      figure, its caption's "Figure N." a link to it (scripts/figure_permalinks.py);
                      row headers in tables with an empty corner cell (scripts/tables.py);
                      Who's who's "Appears in" links named with their chapter (scripts/
                      appears_in.py); a
                      "Next" link before the References (scripts/next_page.py), or on the
                      last chapter the end of the guide (scripts/end_of_guide.py); a numbered
                      page's reading time (scripts/reading_time.py); page metadata
                      (description, figure)
    on_page_context   (after the search plugin has indexed the page) the citations' late-slot
                      markers back into its content; page metadata for the templates (meta
                      tags, last updated, cite box), the chapter's number and reading time
    on_env            (every page converted) stop on a bad .bib or unknown keys, listing them all;
                      slots → citations as plain text (what the search plugin indexes)
    on_post_page      glossary tooltips (each ending in a link to its glossary entry); → full
                      citations with tooltips, References and Further reading lists; a folded
                      "On this page" list for screens without the contents sidebar
                      (scripts/page_contents.py)
    on_serve          watch references.bib and the theme's custom_dir (overrides/) for live reload
    on_post_build     one search entry per glossary term (scripts/glossary_search.py); log
                      (INFO) the entries no page cites; save the cache; social-card images
    on_build_error    stop the citation pass if it still runs; show an error `serve` would hide
                      as a repeat

State is rebuilt in on_config because `mkdocs serve` does not re-import this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import appears_in
import asset_bundle
import chapter_numbers
import end_of_guide
import figure_permalinks
import figure_refs
import figures
import glossary
import glossary_search
import headerlinks
import next_page
import page_contents
import page_syntax
import reading_time
import repeated_errors
import snippet_includes
import summary_boxes
import tables
import unrendered_markdown
from citations.site import CitationSite
from links import LinkChecker
from page_meta import PageMeta
from source_text import fail

_site: CitationSite | None = None
_links = LinkChecker()
_meta: PageMeta | None = None
_bundles: list[asset_bundle.Bundle] = []
_glossary_entries: dict[str, str] = {}  # hover text -> its term's id on the glossary page
_glossary_url: str | None = None  # the glossary page's URL, if the site has one
_chapter_numbers: dict[str, chapter_numbers.PartNumber] = {}  # src_uri -> "Chapter N", as the book
_reading_minutes: dict[str, int] = {}  # src_uri -> "N-minute read", for numbered pages
_page_titles: dict[str, str] = {}  # page URL -> its title in the nav (Who's who's "Appears in")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _links, _meta, _bundles, _glossary_entries  # noqa: PLW0603 - MkDocs hooks are module functions: a build's state lives here
    _site = None
    _bundles = asset_bundle.bundle_assets(config)
    _links = LinkChecker()
    _meta = PageMeta.from_config(config)
    _site = CitationSite.from_config(config)
    glossary.configure_hovers(config)
    _glossary_entries = glossary.tooltip_entries(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files = asset_bundle.add_bundles(files, config, _bundles)
    figures.serve_dark_figures(files, Path(config.config_file_path).parent / ".cache" / "figures")
    files = _current().add_files(files, config)
    _links.site_files = {f.src_uri for f in files}
    global _glossary_url  # noqa: PLW0603 - see on_config
    glossary_file = files.get_file_from_path(glossary.GLOSSARY_URI)
    _glossary_url = glossary_file.url if glossary_file else None
    return files


def on_nav(nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
    global _chapter_numbers, _reading_minutes, _page_titles  # noqa: PLW0603 - see on_config
    _chapter_numbers = chapter_numbers.chapter_numbers(nav)
    _page_titles = {page.file.url: page.title for page in nav.pages if page.title}
    _reading_minutes = {}
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _current()
    where = site.locate(page.file, markdown)
    fail(  # every problem of the page at once, in line order
        sorted(
            [
                *_links.read_page(markdown, page, *where),
                *page_syntax.page_syntax_problems(markdown, *where),
                *figure_refs.check_figure_mentions(markdown, *where),
                *snippet_includes.include_problems(
                    markdown, where.name, Path(config.docs_dir), where.line_offset
                ),
            ],
            key=lambda problem: (problem.line, problem.column or 0),
        )
    )
    markdown = site.page_markdown(markdown, page, where)
    # After every located check: joining a wrapped term's lines moves the lines below it.
    return glossary.join_wrapped_terms(
        markdown, config.mdx_configs.get("abbr", {}).get("glossary", {})
    )


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    fail(
        unrendered_markdown.unrendered_markdown_problems(
            html, page.file.content_string, _current().source_name(page.file)
        )
    )
    # The title in the nav ("Specification gaming") and the heading over the page
    # ("Specification gaming and reward hacking"): the page explains what either names.
    heading = next((item.title for item in page.toc.items if item.level == 1), "")
    named = glossary.terms_named_by(
        f"{page.title or ''} / {heading}", config.mdx_configs.get("abbr", {}).get("glossary", {})
    )
    html = glossary_search.anchor_terms(
        glossary.tidy_hovers(html, page.file.src_uri, named), page.file.src_uri
    )
    html = headerlinks.quiet_permalinks(html)
    html = summary_boxes.summary_boxes_as_headings(html)
    summary_boxes.list_takeaways(page.toc, html)
    html = figures.size_images(html, page, files)
    html = figures.serve_narrow_variants(html, page, files)
    html = figure_permalinks.link_figures(html)
    html = tables.stack_on_phones(tables.title_tables(tables.mark_row_headers(html)))
    html = appears_in.name_appearances(html, page.url, _page_titles)
    if page.file.src_uri in _chapter_numbers:
        _reading_minutes[page.file.src_uri] = reading_time.reading_minutes(html)
    html = end_of_guide.add_end_of_guide(html, page, config)
    if not end_of_guide.is_end_of_guide(page):  # the card leads on instead
        html = next_page.add_next_link(html, page)
    if _meta:
        _meta.read_page(html, page)
    return html


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    _current().page_context(page)
    context["page_info"] = _meta.context(page) if _meta else None
    context["chapter_number"] = _chapter_numbers.get(page.file.src_uri)
    context["reading_minutes"] = _reading_minutes.get(page.file.src_uri)
    return context


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    _current().fill_pages()
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Glossary tooltips first, while the page is still much shorter: the citations' HTML
    # (escaped text and links) holds no glossary term.
    entries, url = (
        (_glossary_entries, get_relative_url(_glossary_url, page.url))
        if _glossary_url
        else ({}, "")
    )
    output = _current().post_page(glossary.hover_tips(output, entries, url), page)
    return page_contents.add_contents_list(output, page.toc)


def on_serve(server: Any, *, config: MkDocsConfig, builder: Any) -> None:
    server.watch(str(_current().bib_path))
    if config.theme.custom_dir:
        server.watch(config.theme.custom_dir)


def on_post_build(*, config: MkDocsConfig) -> None:
    # after the search plugin has written its index, before the offline plugin copies it
    glossary_search.rewrite_search_index(Path(config.site_dir))
    fail(_links.after_build())
    _current().finish()
    if _meta:
        fail(_meta.after_build())


def on_build_error(*, error: Exception) -> None:
    if _site is not None:
        _site.abandon()
    repeated_errors.show_if_repeated(error)


def _current() -> CitationSite:
    assert _site is not None, "on_config has not run"
    return _site
