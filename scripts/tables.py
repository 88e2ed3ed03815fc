"""Row headers for tables whose top-left cell is empty.

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
FIRST_CELL = re.compile(r"""(?xs)
    (?P<row><tr>\s*)<td(?P<attributes>(?:\s[^>]*)?)>(?P<text>.*?)</td>   # a row's first data cell
""")


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
