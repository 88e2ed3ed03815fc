"""scripts/tables.py: row headers where a table's corner cell is empty, nowhere else; titles;
and the marks that set wide tables as cards on a phone."""

import re

from tables import mark_row_headers, stack_on_phones, title_tables

CORNER = (
    "<table>\n<thead>\n<tr>\n<th></th>\n<th>2022</th>\n</tr>\n</thead>\n<tbody>\n"
    "<tr>\n<td>Form</td>\n<td>16 <em>principles</em></td>\n</tr>\n"
    '<tr>\n<td style="text-align: left;">Rules</td>\n<td>None</td>\n</tr>\n</tbody>\n</table>'
)


def test_first_cells_become_row_headers_under_an_empty_corner():
    out = mark_row_headers(CORNER)
    assert '<th scope="row">Form</th>\n<td>16 <em>principles</em></td>' in out
    assert '<th scope="row" style="text-align: left;">Rules</th>\n<td>None</td>' in out
    assert out.count("<td>") == 2


def test_other_tables_are_left_alone():
    plain = CORNER.replace("<th></th>", "<th>Variant</th>")
    assert mark_row_headers(plain) == plain
    assert mark_row_headers("<p>no table</p>") == "<p>no table</p>"


def test_a_table_paragraph_before_a_table_becomes_its_caption():
    html = "<p>Before.</p>\n<p>Table: What <em>each</em> variant does</p>\n" + CORNER
    out = title_tables(mark_row_headers(html))
    assert out.startswith(
        "<p>Before.</p>\n<table>\n<caption>What <em>each</em> variant does</caption>"
    )
    assert "Table:" not in out and '<th scope="row">Form</th>' in out


def test_a_table_paragraph_not_right_before_a_table_stays_text():
    for html in (
        "<p>Table: alone</p>",
        "<p>Table: far</p>\n<p>between</p>\n" + CORNER,
        "<p>See Table: 3.</p>" + CORNER,
    ):
        assert title_tables(html) == html


WIDE = (
    "<table>\n<caption>Cases</caption>\n<thead>\n<tr>\n<th>Case</th>\n"
    '<th style="text-align: left;">What <em>was</em> &quot;meant&quot;</th>\n<th>Source</th>\n'
    "</tr>\n</thead>\n<tbody>\n"
    '<tr>\n<th scope="row">Boat</th>\n<td>Finish</td>\n<td>(<a href="#c">Clark</a>)</td>\n</tr>\n'
    "<tr>\n<td>Arm</td>\n<td>Grasp</td>\n<td>Amodei</td>\n</tr>\n</tbody>\n</table>"
)


def test_tables_of_three_columns_or_more_are_marked_to_stack_on_a_phone():
    out = stack_on_phones(WIDE)
    assert out.startswith("<table data-stack>\n<caption>Cases</caption>")
    # every body cell carries its column's name, as plain text, quotes escaped
    labels = re.findall(r'<t[dh] role="(\w+)" data-label="([^"]*)"', out)
    assert labels == [
        ("rowheader", "Case"),
        ("cell", "What was &quot;meant&quot;"),
        ("cell", "Source"),
        ("rowheader", "Case"),
        ("cell", "What was &quot;meant&quot;"),
        ("cell", "Source"),
    ]
    assert out.count('<tr role="row">') == 3 and out.count('role="columnheader"') == 3
    assert '<th role="columnheader" style="text-align: left;">' in out
    assert '<thead role="rowgroup">' in out and '<tbody role="rowgroup">' in out
    # the cells' own content and attributes are kept
    assert 'data-label="Case" scope="row">Boat</th>' in out
    # each row's first cell is its header (the card's title), a data cell before
    assert '<th role="rowheader" data-label="Case" scope="row">Arm</th>' in out
    assert out.count("<td") == 4
    assert '<td role="cell" data-label="Source">(<a href="#c">Clark</a>)</td>' in out


def test_narrow_tables_and_pages_without_tables_are_left_alone():
    assert stack_on_phones(CORNER) == CORNER  # two columns
    assert stack_on_phones("<p>no table</p>") == "<p>no table</p>"
    two_tables = CORNER + "\n" + WIDE
    out = stack_on_phones(two_tables)
    assert out.startswith(CORNER) and out.count("data-stack") == 1


def test_an_id_on_the_table_paragraph_goes_to_the_table_so_text_can_link_to_it():
    html = '<p id="table-cases">Table: Cases</p>\n' + CORNER.replace("Rules", "Rules<br>")
    out = stack_on_phones(title_tables(mark_row_headers(html)))
    assert out.startswith('<table id="table-cases">\n<caption>Cases</caption>')
    assert 'id="table-cases"' not in out.split("<caption>", 1)[1]
    wide = '<p id="t">Table: Wide</p>\n' + WIDE.replace("<caption>Cases</caption>\n", "")
    stacked = stack_on_phones(title_tables(wide))
    assert stacked.startswith('<table id="t" data-stack>\n<caption>Wide</caption>'), stacked[:80]


def test_a_table_a_script_fills_in_stays_a_table():
    """The boat race's runs table has a header and no rows until the page trains an agent; the
    build cannot label cells it never sees, so it is not set as cards (they had no names)."""
    empty = (
        '<table id="br-runs">\n<thead>\n<tr>\n<th>Seed</th>\n<th>Score</th>\n<th>Race</th>\n'
        "</tr>\n</thead>\n<tbody>\n</tbody>\n</table>"
    )
    assert stack_on_phones(empty) == empty
