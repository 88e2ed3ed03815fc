"""scripts/tables.py: row headers where a table's corner cell is empty, nowhere else."""

from tables import mark_row_headers

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
