"""The citation feature for one build: what the thin hook functions in scripts/hooks.py call.

The bibliography is kept off the build's critical path. MkDocs converts every page before it
writes any, and a page's Markdown needs only slots where its citations go, not the bibliography.
So a build goes:

    on_files          read every page; start the site pass (site_pass.py: load references.bib,
                      render all citations, Further reading) in a second process, unless every
                      result is cached (background.py); add the downloadable references.bib,
                      without its private fields (published.py: Zotero's `file`, BibDesk's
                      `date-added`, ...)
    on_page_markdown  citations → slots; Further reading (converted last) waits for the pass
    on_env            every page is converted: wait for the pass, report a bad references.bib or
                      unknown keys for the whole site at once, and put each citation's plain text
                      into its page's content, which the search plugin indexes next
    on_page_context   (after the search plugin's) the content gets its late-slot markers back
    on_post_page      the full citations with tooltips and the lists go into the finished page
    on_post_build     report uncited entries; save the results cache

A fresh `CitationSite` is made in `on_config` on every (re)build, so `mkdocs serve` never keeps
stale state; parsed and rendered results are reused by content hash (cache.py).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from gc_pause import gc_paused
from source_text import front_matter_lines

from .background import Background
from .cache import BibliographySource, ResultCache
from .diagnostics import Diagnostic, fail
from .further_reading import BIB_URI, FURTHER_READING_URI, SourcePage
from .policy import policy_from_extra
from .published import MAY_BE_PRIVATE, Published, published_copy
from .site_pass import PageJob, SitePass, read_sources, run_pass, source_pages
from .slots import LateSlots, RenderedPage, fill_late_slots, fill_slots, without_markers
from .syntax import MathSyntax, apply_edits, arithmatex_math
from .templates import (
    CITATION_TEMPLATE,
    FURTHER_READING_GROUP_TEMPLATE,
    FURTHER_READING_TEMPLATE,
    REFERENCES_TEMPLATE,
    theme_environment,
)

if TYPE_CHECKING:  # render.py is imported where a page is rendered here: a warm build never is
    from .render import SlottedPage, Styler

BIB_FILE_NAME = "references.bib"  # next to mkdocs.yml
RESULT_TEMPLATES = [
    CITATION_TEMPLATE,
    REFERENCES_TEMPLATE,
    FURTHER_READING_TEMPLATE,
    FURTHER_READING_GROUP_TEMPLATE,
]

log = get_plugin_logger("citations")


class PageSource(NamedTuple):
    """A page as the writer knows it: `docs/rlhf.md`, and the front-matter lines MkDocs removed."""

    name: str
    line_offset: int


@dataclass
class PageState:
    """A page between on_page_markdown and on_env: its slots (`slotted` when they were made
    here, not by the pass), and their HTML once known."""

    page: Page
    job: PageJob
    slotted: SlottedPage | None
    rendered: RenderedPage | None


@dataclass
class CitationSite:
    """One build's citation state: the bibliography, the site pass, and each page's slots."""

    bib_path: Path
    project_dir: Path
    source: BibliographySource
    results: ResultCache
    # what pymdownx.arithmatex (if configured) reads as math
    math: MathSyntax = field(default_factory=MathSyntax)
    further_url: str = FURTHER_READING_URI.replace(".md", ".html")
    jobs: dict[str, PageJob] = field(default_factory=dict)
    states: dict[str, PageState] = field(default_factory=dict)
    late_slots: dict[str, LateSlots | list[str]] = field(default_factory=dict)
    marked: dict[str, str] = field(default_factory=dict)  # page content with its late-slot markers
    outcome: Background[SitePass] | None = None
    _taken: bool = False

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> CitationSite:
        project_dir = Path(config.config_file_path or ".").resolve().parent
        bib_path = project_dir / BIB_FILE_NAME
        env = theme_environment(config)
        policy, problems = policy_from_extra(config.extra, config.config_file_path)
        fail(problems)
        source = BibliographySource(bib_path, BIB_FILE_NAME, env, project_dir, policy)
        arithmatex = "pymdownx.arithmatex" in config.markdown_extensions
        math = arithmatex_math(
            config.mdx_configs.get("pymdownx.arithmatex", {}) if arithmatex else None
        )
        return cls(
            bib_path,
            project_dir,
            source,
            ResultCache(project_dir, source.key, env, RESULT_TEMPLATES),
            math,
        )

    @property
    def styler(self) -> Styler:
        return self.source.styler

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add Further reading (its Markdown comes from the pass) and the downloadable .bib, read
        every page, and start the site pass."""
        for uri in (FURTHER_READING_URI, BIB_URI):
            if existing := files.get_file_from_path(uri):
                files.remove(existing)
        reading = File.generated(config, FURTHER_READING_URI, content="")
        self.further_url = reading.url
        files.append(reading)
        files.append(File.generated(config, BIB_URI, content=self._published_bib()))
        texts, unreadable = read_sources(files.documentation_pages(), config.nav, self.source_name)
        fail(unreadable)
        for text in texts:
            where = PageSource(self.source_name(text.file), text.line_offset)
            job = self._job(text.file, text.body, where, text.title, text.nav_index)
            self.jobs[job.src_uri] = job
        self.outcome = self._start_pass(list(self.jobs.values()))
        return files

    def _published_bib(self) -> bytes:
        """references.bib as the site publishes it: without its private fields (published.py),
        from the results cache when this version of the file was published before."""
        content = self.source.content
        if not MAY_BE_PRIVATE.search(content):
            return content  # nothing to leave out: the file as it is, never parsed here
        key = self.results.key("published-bib")
        found = self.results.get(key)
        if not isinstance(found, Published):
            found = published_copy(content, BIB_FILE_NAME)
            self.results.put(key, found)
        for warning in found.warnings:
            log.warning(str(warning))
        return found.content

    def locate(self, file: File, body: str) -> PageSource:
        """How messages name a page and by how many lines its body is shifted (front matter);
        known from on_files unless a plugin changed the page since. Shared with the link check."""
        job = self.jobs.get(file.src_uri)
        if job is not None and job.markdown == body:
            return PageSource(job.source_name, job.line_offset)
        return PageSource(self.source_name(file), front_matter_lines(file, body))

    def page_markdown(self, markdown: str, page: Page, where: PageSource) -> str:
        """Citations → slots plus a References heading; the HTML for them comes in `fill_pages`."""
        if page.file.src_uri == FURTHER_READING_URI:
            further = self._pass().further_reading
            if further is None:
                return markdown  # references.bib is bad: fill_pages reports it
            self.late_slots[FURTHER_READING_URI] = further[1]
            return further[0]
        planned = self.jobs.get(page.file.src_uri)
        job = (
            planned
            if planned is not None and planned.markdown == markdown
            else self._job(page.file, markdown, where)
        )
        rendered = self.results.get(job.result_key)
        if isinstance(rendered, RenderedPage):
            self.states[job.src_uri] = PageState(page, job, None, rendered)
            return rendered.markdown
        if job is planned and self.outcome is not None:
            edits = self.outcome.early(job.result_key)  # from the pass, when it runs apart
            if isinstance(edits, tuple):
                self.states[job.src_uri] = PageState(page, job, None, None)
                return apply_edits(markdown, edits)
        from .render import slot_citations

        slotted = slot_citations(markdown, self.math)
        self.states[job.src_uri] = PageState(page, job, slotted, None)
        return slotted.markdown

    def fill_pages(self) -> None:
        """Once every page is converted: stop on any problem in the site, else put each
        citation's plain text into its page's content (for the search index)."""
        outcome = self._pass()
        for level, told in zip(("warning", "info"), outcome.notices, strict=True):
            for notice in told:
                getattr(log, level)(str(notice))
        fail(outcome.problems)
        problems: list[Diagnostic] = []
        for state in self.states.values():
            if state.rendered is None:
                state.rendered = outcome.pages.get(state.job.result_key) or self._render_here(state)
            problems.extend(state.rendered.diagnostics)
        fail(problems)
        for uri, state in self.states.items():
            assert state.rendered is not None and state.page.content is not None
            marked = fill_slots(state.page.content, state.rendered.slots, state.rendered.word)
            state.page.content = without_markers(marked, state.rendered.word)
            if state.page.content != marked:
                self.marked[uri] = marked
            self.late_slots[uri] = state.rendered.late_slots
        self.states.clear()

    def page_context(self, page: Page) -> None:
        """The search plugin has indexed the page: give its content the late-slot markers back
        for the template, so `post_page` finds where the full citations go."""
        if (marked := self.marked.pop(page.file.src_uri, None)) is not None:
            page.content = marked

    def post_page(self, output: str, page: Page) -> str:
        """Tooltips, References and Further reading lists go into the finished page only (render.py)."""
        return fill_late_slots(output, self.late_slots.pop(page.file.src_uri, []))

    def finish(self) -> None:
        """After a successful build: report uncited entries, save what the results cache
        lacks, and wait for the second process to finish writing its part."""
        unused = [key for key in self._pass().uncited if key not in self.source.policy.nocite]
        if unused:
            log.info(
                "%d %s entr%s not cited on any page (listed in Further reading only): %s",
                len(unused),
                BIB_FILE_NAME,
                "y is" if len(unused) == 1 else "ies are",
                ", ".join(unused),
            )
        self.results.prune()
        if self.outcome is not None:
            self.outcome.close()

    def abandon(self) -> None:
        """The build failed: stop the pass if it still runs."""
        if self.outcome is not None:
            self.outcome.cancel()

    def source_name(self, file: File) -> str:
        """How messages name a page: its path from the project folder, e.g. docs/rlhf.md."""
        if file.abs_src_path:
            return Path(os.path.relpath(file.abs_src_path, self.project_dir)).as_posix()
        return file.src_uri

    def _job(
        self, file: File, markdown: str, where: PageSource, title: str = "", nav_index: int = 0
    ) -> PageJob:
        further_url = get_relative_url(self.further_url, file.url)
        key = self.results.key(
            "page",
            where.name,
            str(where.line_offset),
            further_url,
            repr(self.math.patterns),
            markdown,
        )
        return PageJob(
            file.src_uri,
            file.url,
            title,
            markdown,
            where.name,
            where.line_offset,
            further_url,
            key,
            nav_index,
            self.math,
        )

    def _start_pass(self, jobs: list[PageJob]) -> Background[SitePass]:
        """The pass's result from the cache when every part of it is there, else started."""
        known = {
            job.result_key: found
            for job in jobs
            if isinstance(found := self.results.get(job.result_key), RenderedPage)
        }
        if len(known) == len(jobs):
            sources = source_pages(jobs, known)
            further = self.results.get(self._further_key(sources))
            uncited = self.results.get(self._uncited_key(sources))
            notices = self.results.get(self.results.key("bibliography-notices"))
            if further is not None and uncited is not None and notices is not None:
                # The cache returns objects; these are what _save stored under these keys.
                return Background.finished(
                    SitePass(
                        known,
                        sources,
                        cast("tuple[str, list[str]] | None", further),
                        cast("list[str]", uncited),
                        fresh=False,
                        notices=cast(
                            "tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]", notices
                        ),
                    )
                )
        return Background(
            functools.partial(
                run_pass, self.source, jobs, known, further_url=self.further_url, bib_url=BIB_URI
            ),
            then=self._save,
        )

    def _pass(self) -> SitePass:
        """The pass's result (waiting for it the first time)."""
        assert self.outcome is not None, "on_files has not run"
        outcome = self.outcome.result()
        self._take(outcome, saved=True)  # unless `_save` took it here already (no second process)
        return outcome

    def _save(self, outcome: SitePass) -> None:
        """Run by whichever process made the pass, right after: write the parsed bibliography
        and the pass's results to the disk cache (in the second process, off the critical path)."""
        self.source.save()
        self._take(outcome, saved=False)
        self.results.prune()

    def _take(self, outcome: SitePass, *, saved: bool) -> None:
        """The pass's new results into the results cache (once)."""
        if self._taken:
            return
        self._taken = True
        if outcome.fresh and outcome.further_reading is not None:
            for key, rendered in outcome.pages.items():
                if not rendered.diagnostics:
                    self.results.put(key, rendered, saved=saved)
            self.results.put(
                self._further_key(outcome.sources), outcome.further_reading, saved=saved
            )
            self.results.put(self._uncited_key(outcome.sources), outcome.uncited, saved=saved)
            self.results.put(self.results.key("bibliography-notices"), outcome.notices, saved=saved)

    def _render_here(self, state: PageState) -> RenderedPage:
        """A page the pass did not see in this form (another plugin changed its Markdown)."""
        from .render import render_citations, slot_citations

        job = state.job
        slotted = state.slotted or slot_citations(job.markdown, job.math)
        with gc_paused():
            rendered = render_citations(
                slotted,
                self.styler,
                source_name=job.source_name,
                line_offset=job.line_offset,
                further_reading_url=job.further_url,
            )
        if not rendered.diagnostics:
            self.results.put(job.result_key, rendered)
        return rendered

    def _further_key(self, sources: list[SourcePage]) -> str:
        return self.results.key(
            "further-reading",
            self.further_url,
            repr([(p.src_uri, p.url, p.title, p.keys) for p in sources]),
        )

    def _uncited_key(self, sources: list[SourcePage]) -> str:
        return self.results.key("uncited", repr([p.keys for p in sources]))
