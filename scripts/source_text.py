"""A page's source as its writer sees it, and problems located in it: the helpers the link
check, the glossary and the citations share (none of them imports another for these).

- `Diagnostic`: a problem at `file:line[:column]`, kept as a value until the build reports it,
  so one build lists every problem; `fail()` turns them into one `ProblemsFound`, which MkDocs
  prints as a clean message (no traceback) in normal and strict builds.
- `line_and_column`, `lines_above`, `front_matter_lines`: where an offset of a page's body is
  in the file (MkDocs hands hooks the body without its YAML front matter).
- `code_spans`: what is code (fenced, indented, inline), i.e. an example and not prose.

    >>> str(Diagnostic("docs/rlhf.md", 42, "unknown citation key 'x'", column=17))
    "docs/rlhf.md:42:17: unknown citation key 'x'"
    >>> str(Diagnostic("references.bib", 88, "unclosed brace"))
    'references.bib:88: unclosed brace'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.structure.files import File


@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    """One problem at `file:line[:column]` (1-based, in the source file the writer edits)."""

    file: str
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = (
            f"{self.file}:{self.line}"
            if self.column is None
            else f"{self.file}:{self.line}:{self.column}"
        )
        return f"{where}: {self.message}"


class ProblemsFound(PluginError):  # noqa: N818 - names what a build found, not a fault of the code
    """The build stops here; the message lists every diagnostic, one per line."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def fail(diagnostics: Iterable[Diagnostic]) -> None:
    """Raise one `ProblemsFound` for all of `diagnostics`, or do nothing when there are none."""
    found = list(diagnostics)
    if found:
        raise ProblemsFound(found)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of character `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def lines_above(source: str, body: str) -> int:
    """How many lines of `source` come before `body`, its end (0 when it is not its end)."""
    if not source.endswith(body) or not body:
        return 0
    return source.count("\n", 0, len(source) - len(body))


def front_matter_lines(file: File, body: str) -> int:
    """How many lines MkDocs stripped from the top of the source (YAML front matter)."""
    try:
        source = file.content_string
    except (OSError, ValueError):
        return 0
    return lines_above(source, body)


# --- code: examples, not prose --------------------------------------------------------------------

# Lines that open containers whose content is indented (admonitions, details, tabs, list items).
CONTAINER_START = re.compile(
    r"""(?x)
    ^ (?P<indent> [ ]* )
    (?: (?: !!! | \?\?\?\+? | ===!? ) [ ]        # admonition, details, tab
      | [-*+] [ ]+                                # bullet list item
      | \d{1,9} [.)] [ ]+                         # ordered list item
    )
    """
)

FENCE_OPEN = re.compile(r"(?x) ^ (?P<indent> [ \t]* ) (?P<fence> `{3,} | ~{3,} )")


# An inline code span: a run of backticks, text not crossing a blank line, the same run again.
# It starts with the literal backtick (not a lookbehind), which lets the regex engine jump from
# backtick to backtick; `(?<![`\\]`)` checks the character before it.
CODE_SPAN = (
    r"(?P<ticks> ` (?<![`\\]`) `* ) (?!`) (?: (?! \n [ \t]* \n ) . )*? (?<!`) (?P=ticks) (?!`)"
)
INLINE_CODE = re.compile(CODE_SPAN, re.VERBOSE | re.DOTALL)


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of every code block and every inline code span outside them: what is an
    example, not prose (citations, links and glossary terms skip it)."""
    spans = code_block_spans(markdown)
    inline: list[tuple[int, int]] = []
    position = 0
    for start, end in [*spans, (len(markdown), len(markdown))]:
        inline.extend(m.span() for m in INLINE_CODE.finditer(markdown, position, start))
        position = end
    return sorted(spans + inline)


def code_block_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) offsets of fenced and indented code blocks, whole lines.

    Indentation is judged against the enclosing container (admonition, list item, tab), whose
    content Python-Markdown indents by four spaces: text indented four spaces inside `!!! note`
    is prose, eight spaces is code.
    """
    spans: list[tuple[int, int]] = []
    containers: list[int] = []  # content indent of each open container
    fence: tuple[str, int] | None = None  # (fence char, length) while inside a fenced block
    code_indent: int | None = None  # while inside an indented code block
    block_start = 0
    previous_blank = True
    offset = 0
    for line in markdown.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        stripped = line.strip()
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        if fence is not None:
            char, length = fence
            if stripped.startswith(char * length) and not stripped.strip(char):
                spans.append((block_start, offset))
                fence = None
            continue
        if not stripped:
            previous_blank = True
            continue
        if code_indent is not None:
            if indent >= code_indent:
                continue
            spans.append((block_start, line_start))
            code_indent = None
        if previous_blank:
            while containers and containers[-1] > indent:
                containers.pop()
            base = containers[-1] if containers else 0
            if indent - base >= 4:
                code_indent, block_start = base + 4, line_start
                previous_blank = False
                continue
        previous_blank = False
        opening = FENCE_OPEN.match(line)
        if opening:
            fence_text = opening.group("fence")
            fence, block_start = (fence_text[0], len(fence_text)), line_start
            if fence_text[0] == "`" and "`" in line[opening.end() :]:
                fence = None  # "```code```" on one line is inline code, not a fence
            continue
        container = CONTAINER_START.match(expanded)
        if container:
            marker_indent = len(container.group("indent"))
            while containers and containers[-1] > marker_indent:
                containers.pop()
            containers.append(marker_indent + 4)
    if fence is not None or code_indent is not None:
        spans.append((block_start, len(markdown)))
    return _merge_trailing_blank_lines(markdown, spans)


def _merge_trailing_blank_lines(
    markdown: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Indented blocks end at the next prose line; keep spans ordered and non-overlapping."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
