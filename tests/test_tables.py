"""scripts/tables.py: row headers where a table's corner cell is empty, nowhere else."""

from tables import mark_row_headers, title_tables

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
