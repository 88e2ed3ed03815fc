"""Tables as Markdown cannot write them: a title (caption), and row headers.

**Titles.** Python-Markdown's tables have no caption. The build takes pandoc's syntax for one:
a paragraph `Table: What the table shows` just before the table becomes its `<caption>`, the
table's accessible name, shown above it (and numbered "Table 3.1" in the book).

**Row headers** for tables whose top-left cell is empty.

A Markdown table cannot mark a row's first cell as its header, yet a table whose corner cell is
empty (`| | 2022 | 2023 |`) reads across: its first column names the rows. Screen readers then
announce a data cell with its row's name only when that name is a `<th scope="row">`, which axe
(td-has-header, one of Lighthouse's audits) checks. So in such tables the build turns each body
row's first cell into one; other tables are left as they are.
"""

from __future__ import annotations

import re

TABLE = re.compile(r"""(?xs)
    <table>\s*<thead>\s*<tr>\s*<th(?:\s[^>]*)?>\s*</th>     # a table whose corner header is empty
    .*?</table>
""")
TITLED = re.compile(r"""(?xs)
    <p>Table:[ \t]*(?P<title>(?:(?!</p>).)+?)\s*</p>\s*     # a "Table: ..." paragraph
    (?P<table><table(?:\s[^>]*)?>)                              # right before a table
""")
FIRST_CELL = re.compile(r"""(?xs)
    (?P<row><tr>\s*)<td(?P<attributes>(?:\s[^>]*)?)>(?P<text>.*?)</td>   # a row's first data cell
""")


def title_tables(html: str) -> str:
    """Each "Table: ..." paragraph right before a table as that table's `<caption>`."""
    if "<p>Table:" not in html:
        return html
    return TITLED.sub(lambda m: f"{m['table']}\n<caption>{m['title']}</caption>", html)


def mark_row_headers(html: str) -> str:
    """Every body row's first cell as `<th scope="row">` in tables with an empty corner cell."""
    if "<table>" not in html:
        return html
    return TABLE.sub(
        lambda table: FIRST_CELL.sub(
            lambda cell: f'{cell["row"]}<th scope="row"{cell["attributes"]}>{cell["text"]}</th>',
            table.group(0),
        ),
        html,
    )
