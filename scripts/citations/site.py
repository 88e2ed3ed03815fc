"""The citation feature for one build: what the thin hook functions in scripts/hooks.py call.

A fresh `CitationSite` is made in `on_config` on every (re)build, so `mkdocs serve` never keeps
stale state; only the parsed and formatted bibliography is reused, keyed on a hash of the
file's content (in memory across `serve` rebuilds, on disk across builds: see cache.py).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .cache import BibliographySource, ResultCache
from .diagnostics import fail
from .gc_pause import gc_paused
from .further_reading import (
    BIB_URI,
    FURTHER_READING_URI,
    SourcePage,
    further_reading_page,
    scan_sources,
    uncited_keys,
)
from .further_reading import GROUP_TEMPLATE as FR_GROUP_TEMPLATE
from .further_reading import TEMPLATE as FR_TEMPLATE
from .render import (
    CITATION_TEMPLATE,
    REFERENCES_TEMPLATE,
    TEMPLATE_DIR,
    LateSlots,
    Styler,
    fill_late_slots,
    fill_slots,
    render_page,
)
from .syntax import cited_keys

BIB_FILE_NAME = "references.bib"  # next to mkdocs.yml
RESULT_TEMPLATES = [CITATION_TEMPLATE, REFERENCES_TEMPLATE, FR_TEMPLATE, FR_GROUP_TEMPLATE]
T = TypeVar("T")

log = get_plugin_logger("citations")


class PageSource(NamedTuple):
    """A page as the writer knows it: `docs/rlhf.md`, and the front-matter lines MkDocs removed."""

    name: str
    line_offset: int


@dataclass
class CitationSite:
    """One build's citation state: the bibliography, every page's citations, and the HTML
    waiting to be filled into each page's slots."""

    bib_path: Path
    project_dir: Path
    source: BibliographySource
    pages: list[SourcePage] = field(default_factory=list)
    slots: dict[str, list[str]] = field(default_factory=dict)
    late_slots: dict[str, LateSlots | list[str]] = field(default_factory=dict)
    results: ResultCache | None = None

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> CitationSite:
        """Load and check references.bib; a bad file stops the build with every problem listed."""
        project_dir = Path(config.config_file_path or ".").resolve().parent
        bib_path = project_dir / BIB_FILE_NAME
        env = theme_environment(config)
        with gc_paused():
            source = BibliographySource(bib_path, BIB_FILE_NAME, env, project_dir)
        fail(source.diagnostics)
        results = ResultCache(project_dir, source.key, env, RESULT_TEMPLATES)
        return cls(bib_path, project_dir, source, results=results)

    @property
    def styler(self) -> Styler:
        return self.source.styler

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Scan every page's citations, then add Further reading and the downloadable .bib."""
        self.pages = scan_sources(
            files.documentation_pages(), config.nav,
            keys_of=lambda body: self._cached(("keys", body), lambda: tuple(cited_keys(body))),
        )
        for uri in (FURTHER_READING_URI, BIB_URI):
            if existing := files.get_file_from_path(uri):
                files.remove(existing)
        reading = File.generated(config, FURTHER_READING_URI, content="")
        reading.content_string, self.late_slots[FURTHER_READING_URI] = self._cached(
            ("further-reading", reading.url, repr([(p.src_uri, p.url, p.title, p.keys) for p in self.pages])),
            lambda: further_reading_page(self.styler, self.pages, page_url=reading.url, bib_url=BIB_URI),
        )
        files.append(reading)
        files.append(File.generated(config, BIB_URI, content=self.source.content))
        return files

    def locate(self, file: File, body: str) -> PageSource:
        """How messages name a page and by how many lines its body is shifted (front matter).
        Worked out once per page (it re-reads the source file) and shared with the link check."""
        return PageSource(self.source_name(file), front_matter_lines(file, body))

    def page_markdown(self, markdown: str, page: Page, files: Files, where: PageSource) -> str:
        """Citations → slots, plus the References section; unknown keys stop the build."""
        if page.file.src_uri == FURTHER_READING_URI:
            return markdown
        further = files.get_file_from_path(FURTHER_READING_URI)
        source_name, line_offset = where
        further_url = get_relative_url(further.url, page.file.url) if further else FURTHER_READING_URI
        result = self._cached(
            ("page", source_name, str(line_offset), further_url, markdown),
            lambda: render_page(markdown, self.styler, source_name=source_name, line_offset=line_offset,
                                further_reading_url=further_url),
        )
        fail(result.diagnostics)
        self.slots[page.file.src_uri] = result.slots
        self.late_slots[page.file.src_uri] = result.late_slots
        return result.markdown

    def page_content(self, html: str, page: Page) -> str:
        """Citations go into the content the search plugin indexes."""
        return fill_slots(html, self.slots.pop(page.file.src_uri, []))

    def post_page(self, output: str, page: Page) -> str:
        """Tooltips, References and Further reading lists go into the finished page only (render.py)."""
        return fill_late_slots(output, self.late_slots.pop(page.file.src_uri, []))

    def _cached(self, inputs: tuple[str, ...], compute: Callable[[], T]) -> T:
        """`compute()`, or its stored result for the same inputs (see cache.ResultCache)."""
        if self.results is None:
            return compute()
        key = self.results.key(*inputs)
        found = self.results.get(key)
        if found is not None:
            return found  # type: ignore[return-value]
        with gc_paused():
            value = compute()
        if not getattr(value, "diagnostics", None):
            self.results.put(key, value)
        return value

    def finish(self) -> None:
        """After a successful build: report uncited entries, drop unused cached results."""
        self.report_uncited()
        if self.results is not None:
            self.results.prune()

    def report_uncited(self) -> None:
        unused = self._cached(
            ("uncited", repr([p.keys for p in self.pages])), lambda: uncited_keys(self.styler, self.pages))
        if unused:
            log.info(
                f"{len(unused)} {BIB_FILE_NAME} entr{'y is' if len(unused) == 1 else 'ies are'} "
                f"not cited on any page (listed in Further reading only): {', '.join(unused)}"
            )

    def source_name(self, file: File) -> str:
        """How messages name a page: its path from the project folder, e.g. docs/rlhf.md."""
        if file.abs_src_path:
            return Path(os.path.relpath(file.abs_src_path, self.project_dir)).as_posix()
        return file.src_uri


def theme_environment(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's templates (so a site's overrides/ wins) with this project's partials as a
    fallback (a site without them still builds), autoescape switched on."""
    env = config.theme.get_env()
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.FileSystemLoader(str(TEMPLATE_DIR))])
    env.autoescape = True
    return env


def front_matter_lines(file: File, body: str) -> int:
    """How many lines MkDocs stripped from the top of the source (YAML front matter)."""
    try:
        source = file.content_string
    except (OSError, ValueError):
        return 0
    if not source.endswith(body) or not body:
        return 0
    return source.count("\n", 0, len(source) - len(body))
