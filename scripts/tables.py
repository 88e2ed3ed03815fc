"""Tables as Markdown cannot write them: a title (caption), and row headers.

**Titles.** Python-Markdown's tables have no caption. The build takes pandoc's syntax for one:
a paragraph `Table: What the table shows` just before the table becomes its `<caption>`, the
table's accessible name, shown above it (and numbered "Table 3.1" in the book). An id given to
that paragraph (`{ #table-cases }` on the line after it) goes to the table, so the text can link
to it: "the [table of cases](#table-cases)", which the book prints with the table's number and
page.

**Row headers** for tables whose top-left cell is empty.

**Cards on a phone** for tables of three columns or more (see `stack_on_phones`).

A Markdown table cannot mark a row's first cell as its header, yet a table whose corner cell is
empty (`| | 2022 | 2023 |`) reads across: its first column names the rows. Screen readers then
announce a data cell with its row's name only when that name is a `<th scope="row">`, which axe
(td-has-header, one of Lighthouse's audits) checks. So in such tables the build turns each body
row's first cell into one; other tables are left as they are.
"""

from __future__ import annotations

import html as html_text
import itertools
import re

TABLE = re.compile(r"""(?xs)
    <table>\s*<thead>\s*<tr>\s*<th(?:\s[^>]*)?>\s*</th>     # a table whose corner header is empty
    .*?</table>
""")
TITLED = re.compile(r"""(?xs)
    <p(?:\s+id="(?P<id>[^"]+)")?>Table:[ \t]*(?P<title>(?:(?!</p>).)+?)\s*</p>\s*   # "Table: ..."
    <table(?P<attributes>(?:\s[^>]*)?)>                         # right before a table
""")
FIRST_CELL = re.compile(r"""(?xs)
    (?P<row><tr>\s*)<td(?P<attributes>(?:\s[^>]*)?)>(?P<text>.*?)</td>   # a row's first data cell
""")


def title_tables(html: str) -> str:
    """Each "Table: ..." paragraph right before a table as that table's `<caption>`, its id the
    table's."""
    if ">Table:" not in html:
        return html

    def titled(m: re.Match[str]) -> str:
        identity = f' id="{m["id"]}"' if m["id"] else ""
        return f"<table{identity}{m['attributes']}>\n<caption>{m['title']}</caption>"

    return TITLED.sub(titled, html)


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


STACK_FROM_COLUMNS = 3  # narrower tables stay tables on a phone
STACK = "data-stack"  # extra.css: below 600 px, each row a card, each cell labelled
ANY_TABLE = re.compile(r"(?s)<table(?P<attributes>(?:\s[^>]*)?)>(?P<inside>.*?)</table>")
HEADER_ROW = re.compile(r"(?s)<thead>\s*<tr>(?P<cells>.*?)</tr>\s*</thead>")
HEADER_CELL = re.compile(r"(?s)<th(?:\s[^>]*)?>(?P<text>.*?)</th>")
BODY = re.compile(r"(?s)<tbody>(?P<rows>.*?)</tbody>")
ROW = re.compile(r"(?s)<tr>(?P<cells>.*?)</tr>")
CELL_TAG = re.compile(r"<(?P<tag>td|th)(?=[\s>])(?P<attributes>[^>]*)>")
TAG = re.compile(r"<[^>]+>")
LEADING_CELL = re.compile(r"(?s)^(?P<space>\s*)<td(?P<attributes>(?:\s[^>]*)?)>(?P<text>.*?)</td>")


def stack_on_phones(html: str) -> str:
    """Mark tables of three columns or more to be set as cards on a phone: each body cell gets
    its column's name (`data-label`, which extra.css prints before it), the first cell of a row
    is the card's title and the row's header (`<th scope="row">`), and its rows and cells keep their semantics through explicit roles (the
    roles they have anyway, written out: some browsers drop a table's semantics along with its
    table display, and screen readers should still read the cards as a table). The <table> itself
    keeps its implicit role: written out, it would also claim the caption's content, such as a
    glossary term's tooltip, as rows it lacks (axe: aria-required-children).

    Why: a five-column table squeezed into a 390 px screen set one or two words a line and ran
    to 1,200 px; as cards, each row reads as a short list of named values."""
    if "<table" not in html:
        return html
    return ANY_TABLE.sub(_stacked, html)


def _stacked(table: re.Match[str]) -> str:
    inside = table["inside"]
    header = HEADER_ROW.search(inside)
    names = (
        [_plain(cell["text"]) for cell in HEADER_CELL.finditer(header["cells"])] if header else []
    )
    body = BODY.search(inside)
    # A table with no rows yet is filled in by the page's script (the boat race's runs), whose
    # cells the build cannot label: it stays a table.
    if len(names) < STACK_FROM_COLUMNS or body is None or not ROW.search(body["rows"]):
        return table.group(0)
    rows = ROW.sub(
        lambda row: '<tr role="row">' + _labelled(_titled(row["cells"]), names) + "</tr>",
        body["rows"],
    )
    head = HEADER_ROW.sub(
        lambda row: (
            '<thead role="rowgroup">\n<tr role="row">'
            + CELL_TAG.sub(
                lambda cell: f'<th role="columnheader"{cell["attributes"]}>', row["cells"]
            )
            + "</tr>\n</thead>"
        ),
        inside[: body.start()],
    )
    return (
        f'<table{table["attributes"]} {STACK}>{head}<tbody role="rowgroup">{rows}</tbody>'
        f"{inside[body.end() :]}</table>"
    )


def _titled(cells: str) -> str:
    """A body row's cells, the first (the card's title) as the row's header, `<th scope="row">`:
    moving down a column, a screen reader names the row ("Not given" is nobody's without the
    person's name). Already a header, it is left as it is."""
    return LEADING_CELL.sub(
        lambda cell: f'{cell["space"]}<th scope="row"{cell["attributes"]}>{cell["text"]}</th>',
        cells,
        count=1,
    )


def _labelled(cells: str, names: list[str]) -> str:
    """A body row's cells, each with its column's name and role."""
    column = itertools.count()

    def label(cell: re.Match[str]) -> str:
        index = next(column)
        name = names[index] if index < len(names) else ""
        role = "rowheader" if cell["tag"] == "th" else "cell"
        attributes = f' role="{role}" data-label="{html_text.escape(name, quote=True)}"'
        return f"<{cell['tag']}{attributes}{cell['attributes']}>"

    return CELL_TAG.sub(label, cells)


def _plain(cell_html: str) -> str:
    """A header cell's text, as a reader sees it."""
    return " ".join(html_text.unescape(TAG.sub("", cell_html)).split())
