"""Broken links in a chapter stop the build with the file, line and column, and a likely fix.

MkDocs' own check names only the page; a writer wants the line. Two passes:

- `check_targets` (per page, while its Markdown is read): every relative `[text](target)` and
  `![alt](image)` must name a file of the site, e.g.

      docs/rlhf.md:12:5: link target 'goodheart.md' is not a page or file of the site (did you mean 'goodhart.md'?)

- `check_anchors` (after every page is rendered): `target.md#anchor` and `#anchor` must name a
  heading or other id that exists on that page, e.g.

      docs/rlhf.md:30:9: 'goodhart.md' has no anchor '#overoptimisation' (did you mean '#overoptimization'?)

- `reference_link_problems` (per page): a reference-style link `[text][id]` or `[text][]` whose
  id has no definition `[id]: target` on the page, which Python-Markdown shows as typed, e.g.

      docs/rlhf.md:14:5: no link definition '[rlhf-chap]' on this page, so '[the RLHF chapter][rlhf-chap]' shows as typed; ...

Links in code (fenced, indented, inline) are examples, not links, and are skipped; so are URLs
with a scheme (https:, mailto:) and site-absolute paths.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from mkdocs.structure.pages import Page

from source_text import Diagnostic, code_spans, line_and_column

INLINE_LINK = re.compile(
    r"""(?x)
    [!\[] (?: (?<= ! ) \[ | (?<= \[ ) )            # `![` or `[` (a set first: the engine skips to it)
    (?: [^\[\]\n]++ | \[ [^\[\]\n]* \] )*+ \]        # link text (one level of nested brackets)
    \( [ ]* <? (?P<target> [^)\s>]+ ) >?            # the target
    (?: [ ]+ (?: "[^"\n]*" | '[^'\n]*' ) )? [ ]* \)  # an optional title
    """
)
HAS_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# `[text][id]`, `[text][]` and `![alt][id]`, the brackets side by side (`[a] [b]`, with a space,
# is also read as one, but is as often two bracketed asides, so it is left alone).
REFERENCE_LINK = re.compile(
    r"""(?x)
    (?<! \\ ) (?P<image> ! )? \[
    (?P<text> (?: [^\[\]\n] | \n (?! [ \t]* \n ) | \[ [^\[\]\n]* \] )+ )
    \] \[ (?P<id> [^\[\]]* ) \]
    """
)
# `[id]: target` (Python-Markdown's ReferenceProcessor; `[^1]:` is a footnote).
REFERENCE_DEFINITION = re.compile(r"(?m)^[ \t]*\[(?P<id>[^\[\]^][^\[\]]*|)\]:")
# A citation (`[@key]`, `[see @key, p. 3]`, `[-@key]`): slots, not links, once the hook has
# read it; an e-mail address's @ follows a letter.
CITATION_AT = re.compile(r"(?<![\w.])-?@[\w{]")
TASK_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$")


@dataclass(frozen=True)
class Link:
    """A relative link found in a page's Markdown, with where it is in the source file."""

    source: str  # e.g. docs/rlhf.md
    page_uri: str  # e.g. rlhf.md
    line: int
    column: int
    target: str  # as written
    path: str  # the target file's src_uri, resolved against the page ('' = this page)
    anchor: str  # without '#', '' for none


def find_links(markdown: str, page_uri: str, source: str, line_offset: int = 0) -> Iterator[Link]:
    """Relative links and images outside code, resolved against the page's own location."""
    if "](" not in markdown:  # no inline link or image at all
        return
    hidden: list[tuple[int, int]] | None = None  # code, worked out only if a relative link is found
    for match in INLINE_LINK.finditer(markdown):
        start = match.start()
        target = match.group("target")
        if HAS_SCHEME.match(target) or target.startswith(("/", "//")):
            continue
        if hidden is None:
            hidden = code_spans(markdown)
        if any(a <= start < b for a, b in hidden):
            continue
        path, _, anchor = target.partition("#")
        resolved = (
            posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), unquote(path)))
            if path
            else ""
        )
        line, column = line_and_column(markdown, start)
        yield Link(source, page_uri, line + line_offset, column, target, resolved, unquote(anchor))


def reference_link_problems(markdown: str, source: str, line_offset: int = 0) -> list[Diagnostic]:
    """Reference-style links whose id the page never defines (Python-Markdown then shows the
    brackets as typed). Ids are matched as Python-Markdown does: case-insensitively, a
    definition's id stripped, a link's with its whitespace runs made one space; `[text][]`
    uses the text. Footnotes (`[^1]`), citations, task-list boxes and code are left alone."""
    if "][" not in markdown:
        return []
    code: list[tuple[int, int]] | None = None
    defined: dict[str, str] | None = None
    problems = []
    for found in REFERENCE_LINK.finditer(markdown):
        text, wanted = found.group("text"), found.group("id")
        if (
            text.startswith("^")
            or wanted.startswith("^")
            or CITATION_AT.search(text)
            or CITATION_AT.search(wanted)
            or (
                text in (" ", "x", "X")  # `- [x][id]` would be a task-list box
                and TASK_ITEM.match(
                    markdown, markdown.rfind("\n", 0, found.start()) + 1, found.start()
                )
            )
        ):
            continue
        if code is None:
            code = code_spans(markdown)
            defined = {
                match.group("id").strip().lower(): match.group("id").strip()
                for match in REFERENCE_DEFINITION.finditer(markdown)
                if not any(a <= match.start("id") < b for a, b in code)
            }
        assert defined is not None
        key = re.sub(r"\s+", " ", (wanted or text).lower())
        if key in defined or any(a <= found.start() < b for a, b in code):
            continue
        label = " ".join((wanted or text).split())
        inline = f"{found.group('image') or ''}[{_shorten(text, 40)}](page.md)"
        message = (
            f"no link definition '[{label}]' on this page, so '{_shorten(found.group(), 60)}' "
            f"shows as typed; add a line '[{label}]: page.md' (its target) or write '{inline}'"
        )
        if hint := _closest(key, defined):
            message += f" (did you mean '[{defined[hint]}]'?)"
        line, column = line_and_column(markdown, found.start())
        problems.append(Diagnostic(source, line + line_offset, message, column=column))
    return problems


def _shorten(text: str, length: int) -> str:
    """`text` on one line, cut to `length` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def check_targets(links: Iterable[Link], site_files: set[str]) -> list[Diagnostic]:
    """Every link's file exists among the site's files (pages, assets, generated files)."""
    problems = []
    for link in links:
        if link.path and link.path not in site_files:
            hint = _closest(link.path, site_files)
            message = f"link target '{link.target}' is not a page or file of the site"
            if hint:
                page_dir = posixpath.dirname(link.page_uri) or "."
                message += f" (did you mean '{posixpath.relpath(hint, page_dir)}'?)"
            problems.append(Diagnostic(link.source, link.line, message, column=link.column))
    return problems


def check_anchors(links: Iterable[Link], anchors_of: dict[str, set[str]]) -> list[Diagnostic]:
    """Every `#anchor` exists on its page. `anchors_of` maps a page's src_uri to its ids;
    pages without an entry (not rendered, not Markdown) are not checked."""
    problems = []
    for link in links:
        if not link.anchor:
            continue
        target = link.path or link.page_uri
        ids = anchors_of.get(target)
        if ids is None or link.anchor in ids:
            continue
        where = "this page" if not link.path else f"'{link.target.partition('#')[0]}'"
        message = f"{where} has no anchor '#{link.anchor}'"
        if hint := _closest(link.anchor, ids):
            message += f" (did you mean '#{hint}'?)"
        problems.append(Diagnostic(link.source, link.line, message, column=link.column))
    return problems


def _closest(wanted: str, candidates: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


class LinkChecker:
    """One build's link check: targets per page as it is read, anchors once all are rendered."""

    def __init__(self) -> None:
        self.links: list[Link] = []
        self.pages: dict[str, Page] = {}  # src_uri -> page, for its present_anchor_ids
        self.site_files: set[str] = set()  # every src_uri of the build, set in on_files

    def read_page(
        self, markdown: str, page: Page, source: str, line_offset: int
    ) -> list[Diagnostic]:
        """One page's Markdown, as on_page_markdown receives it: its link targets (anchors wait
        for after_build) and undefined reference links, in line order."""
        links = list(find_links(markdown, page.file.src_uri, source, line_offset))
        self.links.extend(links)
        self.pages[page.file.src_uri] = page
        problems = [
            *check_targets(links, self.site_files),
            *reference_link_problems(markdown, source, line_offset),
        ]
        return sorted(problems, key=lambda problem: (problem.line, problem.column or 0))

    def after_build(self) -> list[Diagnostic]:
        anchors_of = {
            uri: set(anchors)
            for uri, page in self.pages.items()
            if (anchors := page.present_anchor_ids) is not None
        }
        return check_anchors(self.links, anchors_of)
