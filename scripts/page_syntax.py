"""Markdown that Python-Markdown quietly shows as text: located errors instead of a wrong page.

Run by the build (hooks.on_page_markdown) and by `make check` (check/site_checks.py), on the
Markdown body MkDocs hands the hook:

- **tables** (`table_problems`): Python-Markdown's `tables` reads a table only at the start of a
  block, so a table right below a line of text (`Methods compared:`, a `Table:` title, a list
  item) is a paragraph of pipes; and a separator row whose cells do not match the header row's
  (`|---|---|` under three headers) is no table at all. Both are decided by the extension's own
  `TableProcessor.test`, so the check and the page agree. (The GFM rules of the Markdown lint
  let a table interrupt a paragraph, so the lint cannot see this.)
- **front matter** (`front_matter_problems`): MkDocs reads the `---` block at the top of a page
  as YAML and, when that fails, silently keeps it as page content (a rule, then a heading or a
  paragraph). PyYAML's error mark gives the line.
"""

from __future__ import annotations

import functools
import re
from xml.etree.ElementTree import Element

import markdown
import yaml
from markdown.extensions.tables import TableProcessor
from mkdocs.utils.meta import YAML_RE, SafeLoader

from source_text import FENCE_OPEN, Diagnostic, code_block_spans

# A row of only pipes, dashes, colons and spaces, with at least one pipe and one dash.
SEPARATOR_ROW = re.compile(r"(?m)^[ \t]*(?=[^\n]*\|)(?=[^\n]*-)[|:\- \t]+$")
# Lines after which a table still starts a block of its own (Python-Markdown splits there):
# a heading, a rule or setext underline, HTML, a link or abbreviation definition.
OWN_BLOCK_AFTER = re.compile(
    r"""(?x) [ ]* (?:
        \#{1,6} (?: [ \t] | $ )
      | (?: (?: -[ ]* ){3,} | (?: \*[ ]* ){3,} | (?: _[ ]* ){3,} | =+ [ ]* ) $
      | <
      | \[ [^\]^] [^\]]* \]: | \*\[ [^\]]+ \]:
    )"""
)
CODE_SPAN_IN_ROW = re.compile(r"(`+).*?\1")  # a pipe inside it is no cell border
# A container whose indented body starts right below its first line.
CONTAINER_OPENER = re.compile(r"[ ]*(?:!!!|\?\?\?\+?|===!?)[ ]")


@functools.cache
def _table_processor() -> TableProcessor:
    """Python-Markdown's own test of whether a block is a table (it keeps the header's borders
    and separator on itself: one build reads one page at a time)."""
    processor = markdown.Markdown(extensions=["tables"]).parser.blockprocessors["table"]
    assert isinstance(processor, TableProcessor)
    return processor


def table_problems(body: str, source: str, line_offset: int = 0) -> list[Diagnostic]:
    """Tables that come out as text: not after a blank line, or a separator row whose number
    of cells differs from the header row's. Code (fenced, indented) is left alone."""
    if "|" not in body or "-" not in body:
        return []
    candidates = list(SEPARATOR_ROW.finditer(body))
    if not candidates:
        return []
    lines = body.split("\n")
    code = _code_lines(body)
    processor = _table_processor()
    problems: list[Diagnostic] = []
    for found in candidates:
        index = body.count("\n", 0, found.start())  # the separator row
        if index == 0 or index in code or index - 1 in code:
            continue
        header, separator = lines[index - 1], lines[index]
        if not header.strip() or "|" not in header:
            continue
        line = line_offset + index + 1  # of the separator, in the file
        if not processor.test(Element("div"), f"{header.strip(' ')}\n{separator.strip(' ')}"):
            columns = len(_cells(header))
            if columns > 1 or header.strip().startswith("|"):
                cells = len(_cells(separator))
                problems.append(
                    Diagnostic(
                        source,
                        line,
                        f"the table's separator row has {cells} cell{'s' if cells != 1 else ''} "
                        f"and its header row {columns}, so there is no table (it shows as text "
                        f"with pipes); write one '---' per column: |{'---|' * columns}",
                    )
                )
            continue
        if index < 2 or not lines[index - 2].strip():
            continue
        above = lines[index - 2]
        fence_end = FENCE_OPEN.match(above) is not None and index - 2 in code
        if (index - 2 in code and not fence_end) or OWN_BLOCK_AFTER.match(above):
            continue
        if CONTAINER_OPENER.match(above):
            continue  # `!!! note`, `=== "Tab"`, `??? note`: its first line is a block of its own
        title = above.strip().startswith("Table:")
        what = "its 'Table:' title" if title else f"line {line - 2}"
        problems.append(
            Diagnostic(
                source,
                line - 1,
                f"this table follows {what} with no blank line between, so it shows as text "
                "with pipes; add a blank line before the table",
            )
        )
    return problems


def _cells(row: str) -> list[str]:
    """A row's cells: split at its pipes, not escaped ones or those in code, its outer pipes
    (the borders) dropped. (The extension's own splitter is private; this is only for the
    message's count, the verdict is the extension's public `test`.)"""
    row = CODE_SPAN_IN_ROW.sub(lambda code: "x" * len(code.group()), row.strip())
    row = row.removeprefix("|")
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return re.split(r"(?<!\\)\|", row)


def _code_lines(body: str) -> set[int]:
    """Indexes of the lines inside code blocks, fences included."""
    lines: set[int] = set()
    for start, end in code_block_spans(body):
        first = body.count("\n", 0, start)
        lines.update(range(first, first + body.count("\n", start, max(start, end - 1)) + 1))
    return lines


# The first line of a page that opens front matter, and a `key:` line of YAML.
OPENING = re.compile(r"---[ \t]*\n")
YAML_KEY = re.compile(r"[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")


def front_matter_problems(body: str, source: str, line_offset: int = 0) -> list[Diagnostic]:
    """Front matter MkDocs could not read, which it leaves on the page as text. `body` is the
    page as MkDocs hands it to the hook: front matter it read is gone (then `line_offset`, the
    lines it took, is not 0), so a `---` block at the top of an unshortened page, with a
    `key:` line in it, is front matter it could not read."""
    if line_offset or not OPENING.match(body):
        return []  # front matter MkDocs did read (a block below it is no front matter), or none
    block = YAML_RE.match(body)
    if block is None:
        first = next((line for line in body.split("\n")[1:] if line.strip()), "")
        if YAML_KEY.match(first):
            return [
                Diagnostic(
                    source,
                    1,
                    "the front matter is never closed, so the page shows it as text; end it "
                    "with a line '---' below its last setting",
                )
            ]
        return []
    text = block.group(1)
    if not any(YAML_KEY.match(line) for line in text.split("\n")):
        return []  # a rule, text, a rule: no settings meant
    try:
        data = yaml.load(text, SafeLoader)  # MkDocs' own loader (a safe one)
    except yaml.MarkedYAMLError as error:
        # An unclosed bracket or quote is reported where the stream ends: name where it opened.
        mark = error.context_mark or error.problem_mark
        where = (
            f" ({error.context} that starts at column {error.context_mark.column + 1})"
            if error.context and error.context_mark
            else ""
        )
        problem = error.problem or str(error).split("\n", 1)[0]
        return [
            Diagnostic(
                source,
                2 + (mark.line if mark else 0),
                f"the front matter is not valid YAML: {problem}{where}; the page shows it as "
                "text until it is fixed (close the bracket or quote, or put the value in quotes)",
            )
        ]
    except yaml.YAMLError as error:
        return [
            Diagnostic(
                source,
                2,
                f"the front matter is not valid YAML: {error}; the page shows it as text",
            )
        ]
    if isinstance(data, dict):
        return []  # read (cannot happen with line_offset 0: MkDocs would have taken it)
    return [
        Diagnostic(
            source,
            2,
            "the front matter is not a list of 'key: value' settings "
            f"(YAML reads it as {type(data).__name__}), so the page shows it as text; "
            "write e.g. 'description: One sentence.'",
        )
    ]


def page_syntax_problems(body: str, source: str, line_offset: int = 0) -> list[Diagnostic]:
    """Every check of this module on one page's body (`line_offset`: front-matter lines)."""
    return [
        *front_matter_problems(body, source, line_offset),
        *table_problems(body, source, line_offset),
    ]
