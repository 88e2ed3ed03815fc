"""What the build checks, checked the build's way without building: the same functions the hook
calls (scripts/hooks.py), on the same inputs, so a page that passes here passes there.

- the glossary: `glossary.configure_hovers` (not UTF-8, a term defined twice, ...), and the
  glossary page's order (`glossary.glossary_order_problems`, which the build does not need);
- references.bib: loaded and checked as the build loads it (bibliography.py, under the site's
  editorial policy in mkdocs.yml), errors and warnings alike (`make site` is strict);
- citations: every page slotted and rendered (`slot_citations`, `render_citations`), which
  reports unknown keys with a did-you-mean and malformed citations, and tells which keys each
  page cites (for the uncited entries of bib_lint.py);
- the nav: every page it names exists, and every page is in it unless mkdocs.yml's
  `not_in_nav` leaves it out (MkDocs' own warnings, unlocated, which stop a strict build);
- links: `LinkChecker`, fed each page's Markdown as on_page_markdown is, then, for anchors,
  each page converted by MkDocs' own `Page.render` (the site's Markdown extensions, its toc
  slugify), which is where the build's heading ids come from: only the theme, the plugins and
  the output are skipped;
- figures and tables named in the text: `figure_refs.check_figure_mentions` (a plain "Figure 2"
  that names one of the page's own figures must be a link, for the book's numbers and pages).
"""

from __future__ import annotations

import difflib
import logging
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import glossary
from citations.bibliography import Bibliography
from citations.further_reading import BIB_URI, FURTHER_READING_URI, SourcePage
from citations.policy import Policy
from citations.render import render_citations, slot_citations
from citations.site import CitationSite
from figure_refs import check_figure_mentions
from links import HAS_SCHEME, LinkChecker
from page_syntax import page_syntax_problems
from snippet_includes import include_problems
from source_text import Diagnostic, ProblemsFound
from text_files import decode_utf8
from unrendered_markdown import unrendered_markdown_problems

from .project import CONFIG_FILE, Project, quiet_mkdocs


@dataclass
class SiteFindings:
    """The problems, and what bib_lint.py needs to know about the site."""

    problems: list[Diagnostic] = field(default_factory=list)
    bibliography: Bibliography | None = None  # as far as it could be read
    policy: Policy | None = None
    cited: list[SourcePage] = field(default_factory=list)


def check_site(project: Project) -> SiteFindings:
    found = SiteFindings()
    config = project.config
    try:
        glossary.configure_hovers(config)
    except ProblemsFound as error:
        found.problems.extend(error.diagnostics)
    except PluginError as error:
        found.problems.append(Diagnostic(CONFIG_FILE, 1, str(error)))
    found.problems.extend(glossary_order(project))
    found.problems.extend(nav_problems(project))
    found.problems.extend(pages_missing_from_nav(project))
    try:
        site = CitationSite.from_config(config)
    except ProblemsFound as error:  # a bad extra.citations setting
        found.problems.extend(error.diagnostics)
        return found
    bibliography = found.bibliography = site.source.bibliography
    found.policy = site.source.policy
    found.problems.extend([*bibliography.diagnostics, *bibliography.warnings])
    styler = site.source.styler
    links = LinkChecker()
    links.site_files = {file.src_uri for file in project.files} | {FURTHER_READING_URI, BIB_URI}
    further_url = FURTHER_READING_URI.replace(".md", ".html")
    with quiet_mkdocs():
        for text in project.pages:
            name = site.source_name(text.file)
            rendered = render_citations(
                slot_citations(text.body, site.math),
                styler,
                source_name=name,
                line_offset=text.line_offset,
                further_reading_url=get_relative_url(further_url, text.file.url),
            )
            found.problems.extend(rendered.diagnostics)
            found.cited.append(
                SourcePage(text.file.src_uri, text.file.url, text.title, tuple(rendered.cited))
            )
            page = Page(text.title, text.file, config)
            found.problems.extend(links.read_page(text.body, page, name, text.line_offset))
            found.problems.extend(page_syntax_problems(text.body, name, text.line_offset))
            found.problems.extend(check_figure_mentions(text.body, name, text.line_offset))
            includes = include_problems(text.body, name, Path(config.docs_dir), text.line_offset)
            found.problems.extend(includes)
            if includes:  # rendering would stop inside pymdownx.snippets, with a traceback
                continue
            page.markdown = rendered.markdown
            page.render(config, project.files)
            found.problems.extend(
                unrendered_markdown_problems(page.content or "", text.file.content_string, name)
            )
    found.problems.extend(links.after_build())
    return found


def glossary_order(project: Project) -> list[Diagnostic]:
    """The glossary page's order (checked here only; the build needs no order)."""
    path = Path(project.config.docs_dir) / glossary.GLOSSARY_URI
    if not path.is_file():
        return []
    text = decode_utf8(path.read_bytes(), project.relative(path), binary_ok=False)
    return (
        glossary.glossary_order_problems(text, project.relative(path))
        if isinstance(text, str)
        else []
    )


def nav_problems(project: Project) -> list[Diagnostic]:
    """Every page `nav:` names exists (MkDocs only warns, which stops `make site`, a strict build)."""
    pages = {file.src_uri for file in project.files.documentation_pages()} | {FURTHER_READING_URI}
    config_text = Path(project.config.config_file_path or CONFIG_FILE).read_text(encoding="utf-8")
    problems = []
    for target in _nav_targets(project.config.nav):
        if HAS_SCHEME.match(target) or target in pages:
            continue
        line = next((n for n, text in enumerate(config_text.splitlines(), 1) if target in text), 1)
        close = difflib.get_close_matches(target, sorted(pages), n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.append(
            Diagnostic(
                CONFIG_FILE, line, f"nav names '{target}', which is not a page in docs/{hint}"
            )
        )
    return problems


def pages_missing_from_nav(project: Project) -> list[Diagnostic]:
    """Every page is in `nav:` (MkDocs warns under `validation: nav: omitted_files: warn`, naming
    no line, and a strict build stops): pages that `not_in_nav` names, and every page of a site
    with no `nav:` at all, are left out on purpose."""
    config = project.config
    if config.nav is None or config.validation.nav.omitted_files < logging.WARNING:
        return []
    listed = {posixpath.normpath(target) for target in _nav_targets(config.nav)}
    return [
        Diagnostic(
            project.name(file),
            1,
            f"the page is not in mkdocs.yml's nav; add it under nav: ('- Title: {file.src_uri}', "
            "README: Add a chapter), or, if it is left out on purpose, list it under "
            "not_in_nav: in mkdocs.yml",
        )
        for file in project.files.documentation_pages()
        if file.inclusion.is_in_nav() and file.src_uri not in listed
    ]


def _nav_targets(item: object) -> list[str]:
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [target for value in item.values() for target in _nav_targets(value)]
    if isinstance(item, list):
        return [target for value in item for target in _nav_targets(value)]
    return []
