"""What real .bib files contain, item by item (issue 12, "Read what real files contain"): each
with a small fixture, the exact rendering or the exact message. The files in
tests/fixtures/bib/ combine them the way exporting tools do (test_citations_bibfiles.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from citations.bibliography import Policy, load_bibliography, parse_bibliography
from citations.latex import decode
from citations.render import Styler, template_environment

EDITORIAL = Policy(editorial=True)
MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
ENV = template_environment()
ROOT = Path(__file__).resolve().parent.parent


def parsed(text: str, policy: Policy = Policy()):
    return parse_bibliography(text, "references.bib", policy)


def errors(text: str, policy: Policy = Policy()) -> list[str]:
    return [str(d) for d in parsed(text, policy).diagnostics]


def reference(text: str, key: str = "k", *, links: bool = True) -> str:
    """The formatted reference of `key` (HTML), from a file that must have no errors."""
    bibliography = parsed(text)
    assert bibliography.diagnostics == ()
    return str(Styler(bibliography, ENV).reference_html(key, links=links))


def entry(key: str = "k", entry_type: str = "misc", **fields: str) -> str:
    body = ",\n".join(f"  {name} = {value}" for name, value in fields.items())
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


# --- LaTeX ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Adri{\\`a} Garriga-Alonso", "Adrià Garriga-Alonso"),
        ("Syst{\\`e}me et id{\\'e}es", "Système et idées"),
        ("`Syst{\\`e}me' by Adri{\\`a}", "‘Système’ by Adrià"),
        ("``Double'' and Adri\\`a", "“Double” and Adrià"),
        ("A \\texttt{JAX} library", "A JAX library"),
        ("\\mbox{GPT-4} and \\textsc{Bert}", "GPT-4 and Bert"),
        ("\\emph{Really} {\\em so}", "Really so"),
        ("Typeset in {\\TeX} and \\LaTeX{} with \\BibTeX", "Typeset in TeX and LaTeX with BibTeX"),
        ("Self\\hyphen{}supervised", "Self-supervised"),
        ("{\\noopsort{b}}Zebra", "Zebra"),
        ("See \\href{https://example.org}{the post}", "See the post"),
        ("At \\url{https://example.org/a}", "At https://example.org/a"),
        ("$\\alpha$-divergence of {$x^2$}", "α-divergence of x^2"),
    ],
)
def test_latex_keeps_or_renders_the_text(raw: str, text: str) -> None:
    assert decode(raw) == text


def test_a_grave_accent_does_not_undo_the_others_on_the_page() -> None:
    html = reference(
        entry(
            author="{Garriga-Alonso, Adri{\\`a}}", title="{Syst{\\`e}me et id{\\'e}es}", year="2024"
        )
    )
    assert "Adrià" in html and "Système et idées" in html


# --- addresses --------------------------------------------------------------------------------------


def test_url_commands_are_links_with_escapes_undone() -> None:
    html = reference(entry(title="{T}", url="{\\url{https://example.org/a\\_b\\%20c}}"))
    assert (
        '<a class="citation-ref__link" href="https://example.org/a_b%20c">example.org/a_b%20c</a>'
        in html
    )


def test_two_addresses_in_a_url_field_are_two_links() -> None:
    html = reference(entry(title="{T}", url="{https://a.example.org/x https://b.example.org/y}"))
    assert html.count("<a ") == 2
    assert 'href="https://a.example.org/x"' in html and 'href="https://b.example.org/y"' in html


def test_href_in_howpublished_is_an_inline_link_and_in_a_tooltip_plain_text() -> None:
    text = entry(
        title="{T}", howpublished="{Blog post, \\href{https://example.org/p\\_1}{Example Blog}}"
    )
    assert reference(text).endswith(
        'Blog post, <a class="citation-ref__link" href="https://example.org/p_1">Example Blog</a>.'
    )
    assert reference(text, links=False).endswith("Blog post, Example Blog.")


def test_addresses_in_a_note_become_links_without_the_note_text() -> None:
    html = reference(
        entry(
            title="{T}",
            note="{Archived at \\url{https://web.example.org/x}; see also \\href{https://b.example.org}{B}}",
        )
    )
    assert "Archived" not in html
    assert html.endswith(
        '<a class="citation-ref__link" href="https://web.example.org/x">web.example.org/x</a> '
        '<a class="citation-ref__link" href="https://b.example.org">B</a>'
    )


def test_href_in_a_title_does_not_crash() -> None:
    assert "Read the post" in reference(
        entry(title="{Read \\href{https://x.example.org}{the post}}")
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"howpublished": "{\\href{javascript:alert(1)}{x}}"},
            "references.bib:4: entry 'k' has an address in 'howpublished' with scheme 'javascript:'; "
            "only http:// and https:// links are allowed",
        ),
        (
            {"note": "{\\url{ftp://files.example.org/a}}"},
            "references.bib:4: entry 'k' has an address in 'note' with scheme 'ftp:'; only http:// and https:// links are allowed",
        ),
        (
            {"url": "{https://ok.example.org javascript:alert(1)}"},
            "references.bib:4: entry 'k' has a url with scheme 'javascript:'; only http:// and https:// links are allowed",
        ),
    ],
)
def test_addresses_that_cannot_be_links(fields: dict, message: str) -> None:
    text = entry(title="{T}", year="2020", **fields)
    assert errors(text, EDITORIAL)[-1] == message
    html = reference(text)  # without the policy: rendered, never as a link
    assert 'href="javascript' not in html and 'href="ftp' not in html


# --- @string macros and # ---------------------------------------------------------------------------


def test_string_macros_and_concatenation() -> None:
    text = '@string{conf = "NeurIPS"}\n@STRING{pre = {Proc. of }}\n' + entry(
        entry_type="inproceedings",
        title="{T}",
        booktitle='pre # conf # " 2020"',
        month="jan",
        year="2020",
    )
    bibliography = parsed(text)
    assert bibliography.diagnostics == ()
    assert bibliography["k"].text("booktitle") == "Proc. of NeurIPS 2020"
    assert bibliography["k"].text("month") == "January"


def test_an_undefined_macro_is_a_located_error_not_text() -> None:
    text = entry(title="{T}", journal="jmlr")
    assert errors(text) == [
        "references.bib:3: entry 'k' uses 'jmlr' in its 'journal' value, which no @string defines "
        "(define it above with @string{jmlr = {...}}, or put the text in braces)"
    ]


def test_a_macro_defined_further_down_is_named() -> None:
    text = entry(title="{T}", journal="{J. of } # jmlr") + "\n@string{jmlr = {ML}}\n"
    assert errors(text) == [
        "references.bib:3: entry 'k' uses the @string macro 'jmlr' in its 'journal' value before line 6 defines it "
        "(move the @string up)"
    ]


def test_a_macro_in_an_at_string_is_checked_too() -> None:
    assert errors("@string{a = b # {x}}\n") == [
        "references.bib:1: @string 'a' uses 'b' in its value, which no @string defines "
        "(define it above with @string{b = {...}}, or put the text in braces)"
    ]


# --- a missing comma --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            "  year = {2023}\n  force = True,\n",
            "references.bib:4: entry 'k' has a comma missing after its 'year' value (before 'force =')",
        ),
        (
            "  volume = {131}\n  number = {3410},\n",
            "references.bib:4: entry 'k' has a comma missing after its 'volume' value (before 'number =')",
        ),
        (
            '  publisher = "Viking"\n  address = "New York",\n',
            "references.bib:4: entry 'k' has a comma missing after its 'publisher' value (before 'address =')",
        ),
        (
            "  year = 2023\n  kind = {paper},\n",
            "references.bib:4: entry 'k' has a comma missing after its 'year' value (before 'kind =')",
        ),
        (
            "  title = {Multi\n    line}\n  note = {x},\n",
            "references.bib:5: entry 'k' has a comma missing after its 'title' value (before 'note =')",
        ),
    ],
)
def test_a_missing_comma_names_its_line(fields: str, message: str) -> None:
    text = (
        "@misc{k,\n  author = {A, B},\n  title = {T},\n"
        + fields.replace("  title = {T},\n", "")
        + "}\n"
    )
    if "title = {Multi" in fields:
        text = "@misc{k,\n  author = {A, B},\n  year = {2020},\n" + fields + "}\n"
    assert errors(text, EDITORIAL) == [message]


def test_text_after_a_value_is_an_error() -> None:
    assert errors(entry(title="{T} extra")) == [
        "references.bib:2: entry 'k' has 'extra' after its 'title' value (join parts with #, or put the whole value in braces)"
    ]


VALUE_PIECES = [
    "{",
    "}",
    "\\{",
    "\\}",
    "\\",
    '"',
    "#",
    " ",
    "\n",
    "a",
    "B",
    "1",
    "jan",
    "m",
    "=",
    "x = ",
    ",",
]


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(VALUE_PIECES), max_size=14).map("".join),
    st.sampled_from(["{", '"', ""]),
)
def test_a_value_reads_the_same_by_its_quick_roads_as_by_the_scan(body: str, opening: str) -> None:
    """Values shaped like `{…}`, `"…"` or neither, with braces nested, escaped or unbalanced:
    whatever road evaluate takes, the value or the problem is what the full scan gives."""
    from citations.values import _scan, evaluate

    closing = {"{": "}", '"': '"'}.get(opening, "")
    raw = opening + body + closing
    macros = {"m": "M"}
    assert evaluate(raw, macros, {}, "its 'title' value") == _scan(
        raw, macros, {}, "its 'title' value"
    )


def test_a_value_nested_deeper_than_the_quick_road_is_read_by_the_scan() -> None:
    from citations.values import evaluate

    assert evaluate("{" * 20 + "x" + "}" * 20, {}).value == "{" * 19 + "x" + "}" * 19


# --- crossref and xdata -----------------------------------------------------------------------------

PROCEEDINGS = entry(
    "proc",
    "proceedings",
    title="{Proceedings of X}",
    year="2021",
    publisher="{P}",
    editor="{Ed, E.}",
)


def test_crossref_fills_missing_fields_with_biblatex_renamings() -> None:
    text = PROCEEDINGS + entry(
        "k", "inproceedings", author="{A, B}", title="{Paper}", crossref="{proc}", pages="{1-9}"
    )
    bibliography = parsed(text)
    assert bibliography.diagnostics == ()
    child = bibliography["k"]
    assert (child.text("title"), child.text("booktitle"), child.year, child.text("publisher")) == (
        "Paper",
        "Proceedings of X",
        "2021",
        "P",
    )
    assert reference(text).endswith("Paper</span>. Proceedings of X, 1–9.")


def test_crossref_is_found_ignoring_case_and_child_fields_win() -> None:
    text = PROCEEDINGS + entry(
        "k", "inproceedings", author="{A}", title="{T}", crossref="{PROC}", year="1999"
    )
    assert parsed(text)["k"].year == "1999"
    assert parsed(text)["k"].text("booktitle") == "Proceedings of X"


def test_xdata_lends_its_fields_and_is_not_a_reference() -> None:
    text = entry("shared", "xdata", booktitle="{Shared Venue}", date="{2019-05}") + entry(
        "k", "inproceedings", author="{A}", title="{T}", xdata="{shared}"
    )
    bibliography = parsed(text)
    assert list(bibliography.entries) == ["k"]
    assert (bibliography["k"].text("booktitle"), bibliography["k"].year) == ("Shared Venue", "2019")


def test_a_missing_parent_is_reported() -> None:
    text = entry("k", "inproceedings", author="{A}", title="{T}", year="2020", crossref="{nowhere}")
    assert (
        errors(text, EDITORIAL)[-1]
        == "references.bib:5: entry 'k' has crossref 'nowhere', but no entry has that key"
    )
    assert [str(d) for d in parsed(text).notes] == [
        "references.bib:5: entry 'k' has crossref 'nowhere', but no entry has that key"
    ]


def test_a_crossref_cycle_is_reported_not_followed_forever() -> None:
    text = entry("a", author="{A}", title="{T}", crossref="{b}") + entry(
        "b", author="{A}", title="{U}", crossref="{a}"
    )
    assert [str(d) for d in parsed(text).notes] == [
        "references.bib:9: entry 'b' has crossref 'a', which leads back to itself"
    ]


# --- biblatex fields and types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "year"),
    [
        ("2019", "2019"),
        ("2019-03", "2019"),
        ("2019-03-01", "2019"),
        ("2019/2021", "2019–2021"),
        ("2019-03-01/2019-06-30", "2019"),
        ("2019/", "2019–"),
        ("2019~", "2019"),
    ],
)
def test_biblatex_date(date: str, year: str) -> None:
    assert parsed(entry(author="{A}", title="{T}", date=f"{{{date}}}"))["k"].year == year


def test_a_date_that_is_not_one_is_reported() -> None:
    text = entry(author="{A}", title="{T}", date="{March 2019}")
    assert (
        "references.bib:4: entry 'k' has date 'March 2019', which is not a date like 2019, 2019-03-01 or 2019/2020"
        in errors(text, EDITORIAL)
    )


@pytest.mark.parametrize("date", ["2019-02-29", "2019-13", "2019-00-10", "2019-04-31/2019-06"])
@pytest.mark.parametrize("with_year", [True, False])
def test_a_date_the_calendar_lacks_is_reported_beside_a_year_too(
    date: str, with_year: bool
) -> None:
    """A day or month of `date` is printed, so a wrong one is an error whether or not a `year`
    field gives the label its year (it was checked only without one, when nothing printed it)."""
    year = {"year": "{2019}"} if with_year else {}
    text = entry(author="{A}", title="{T}", **year, date=f"{{{date}}}")
    assert (
        f"entry 'k' has date '{date}', which is not a date like 2019, 2019-03-01 or 2019/2020"
        in "\n".join(errors(text, EDITORIAL))
    )


@pytest.mark.parametrize(
    ("date", "printed"),
    [
        ("2026-08-26", "26 August 2026"),
        ("2026-08-06", "6 August 2026"),
        ("2026-08", "August 2026"),
        ("2024-02-29", "29 February 2024"),
        (" 2026-01-01 ", "1 January 2026"),
        ("2026", ""),
        ("2026~", ""),
        ("2026-08~", ""),
        ("2026-08-26?", ""),
        ("2026/2027", ""),
        ("2026-08-26/2026-08-28", ""),
        ("2023-02-29", ""),
        ("2026-13", ""),
        ("26 August 2026", ""),
        ("", ""),
    ],
)
def test_a_date_to_the_day_or_month_is_printed_in_words(date: str, printed: str) -> None:
    from citations.reference import printed_date

    assert printed_date(date) == printed


@settings(max_examples=500, deadline=None)
@given(st.dates(), st.booleans())
def test_any_calendar_date_prints_as_day_month_year(day: dt.date, to_the_day: bool) -> None:
    from citations.fields import exact_date, is_calendar_date, year_from_date
    from citations.reference import printed_date

    iso = day.isoformat() if to_the_day else day.isoformat()[:7]
    month = MONTH_NAMES.split()[day.month - 1]
    assert is_calendar_date(iso) and year_from_date(iso) == f"{day.year:04d}"
    assert exact_date(iso) == (day.year, day.month, day.day if to_the_day else None)
    assert printed_date(iso) == (
        f"{day.day} {month} {day.year}" if to_the_day else f"{month} {day.year}"
    )


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789-/~?%. ", max_size=24))
def test_a_printed_date_is_a_calendar_date_or_nothing(text: str) -> None:
    """Whatever a `date` field holds, printing it never fails, and prints only what the
    calendar has, which the validation accepts."""
    from citations.fields import exact_date, is_calendar_date
    from citations.reference import printed_date

    printed = printed_date(text)
    parts = exact_date(text)
    assert (printed == "") == (parts is None)
    if parts is not None:
        year, month, day = parts
        dt.date(max(year, 1), month, day or 1)  # raises if the calendar lacks it
        assert is_calendar_date(text)


def test_biblatex_fields_render() -> None:
    text = (
        entry(
            "k",
            "article",
            author="{A, B}",
            title="{T}",
            date="{2020}",
            journaltitle="{J. Things}",
            volume="{3}",
            issue="{2}",
            pages="{5--9}",
            urldate="{2024-01-05}",
            url="{https://example.org}",
        )
        + entry(
            "b",
            "book",
            author="{A, B}",
            title="{Volume Two}",
            maintitle="{The Series}",
            location="{Oxford}",
            publisher="{OUP}",
            date="{2001}",
        )
        + entry(
            "p",
            "online",
            author="{A, B}",
            title="{P}",
            eprint="{2001.00001}",
            eprinttype="{arxiv}",
            date="{2020}",
        )
    )
    assert reference(text, "k").endswith(
        'J. Things 3(2), 5–9. <a class="citation-ref__link" href="https://example.org">'
        "example.org</a> (accessed 5 January 2024)"
    )
    assert reference(text, "b").endswith("Volume Two</span>. The Series.")
    assert reference(text, "p").endswith(
        'arXiv. <a class="citation-ref__link" href="https://arxiv.org/abs/2001.00001">arXiv:2001.00001</a>'
    )


@pytest.mark.parametrize(
    "entry_type",
    [
        "online",
        "report",
        "thesis",
        "mvbook",
        "software",
        "dataset",
        "inreference",
        "phdthesis",
        "techreport",
        "conference",
        "electronic",
        "www",
    ],
)
def test_biblatex_and_bibtex_types_are_known(entry_type: str) -> None:
    assert (
        parsed(entry(entry_type=entry_type, author="{A}", title="{T}", year="2000")).warnings == ()
    )


def test_an_unknown_type_is_a_warning_with_its_line() -> None:
    bibliography = parsed(
        "\n\n" + entry(entry_type="blogpost", author="{A}", title="{T}", year="2000")
    )
    assert [str(d) for d in bibliography.warnings] == [
        "references.bib:3: entry 'k' has the entry type @blogpost, which neither BibTeX nor biblatex knows (it is shown like @misc)"
    ]
    assert "k" in bibliography and bibliography.diagnostics == ()


# --- DOIs and arXiv ids -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doi", "link"),
    [
        (
            "10/fvn296",
            '<a class="citation-ref__link" href="https://doi.org/10/fvn296">doi:10/fvn296</a>',
        ),
        (
            "https://doi.org/10.1000/xyz",
            '<a class="citation-ref__link" href="https://doi.org/10.1000/xyz">doi:10.1000/xyz</a>',
        ),
        (
            "http://dx.doi.org/10.1000/xyz",
            '<a class="citation-ref__link" href="https://doi.org/10.1000/xyz">doi:10.1000/xyz</a>',
        ),
        (
            "doi:10.1000/a\\_b",
            '<a class="citation-ref__link" href="https://doi.org/10.1000/a_b">doi:10.1000/a_b</a>',
        ),
    ],
)
def test_doi_shapes(doi: str, link: str) -> None:
    text = entry(author="{A}", title="{T}", year="2000", doi=f"{{{doi}}}")
    assert errors(text, EDITORIAL) == [] or "annote" in errors(text, EDITORIAL)[0]
    assert reference(text).endswith(link)


@pytest.mark.parametrize(
    ("fields", "arxiv"),
    [
        ({"eprint": "{arXiv:1606.06565}"}, "1606.06565"),
        ({"eprint": "{1606.06565v2}", "archiveprefix": "{arXiv}"}, "1606.06565v2"),
        ({"eprint": "{ARXIV: 1606.06565v3}"}, "1606.06565v3"),
        ({"eprint": "{hep-th/9901001}", "eprinttype": "{arxiv}"}, "hep-th/9901001"),
        ({"eprint": "{12345}", "eprinttype": "{pubmed}"}, ""),
    ],
)
def test_arxiv_ids(fields: dict, arxiv: str) -> None:
    assert parsed(entry(author="{A}", title="{T}", **fields))["k"].arxiv_id == arxiv


def test_an_arxiv_url_is_not_linked_twice_whatever_its_version() -> None:
    html = reference(
        entry(
            author="{A}",
            title="{T}",
            eprint="{arXiv:1606.06565v2}",
            url="{http://arxiv.org/abs/1606.06565}",
        )
    )
    assert html.count("<a ") == 1


# --- names ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "shown", "label"),
    [
        ("{King, Jr., Martin Luther}", "King, Martin Luther, Jr. (1963)", "King, 1963"),
        ("{Doe, Jane,}", "Doe, Jane (1963)", "Doe, 1963"),
        (
            "{{Google DeepMind} and Doe, Jane}",
            "Google DeepMind and Jane Doe (1963)",
            "Google DeepMind and Doe, 1963",
        ),
        ("{Doe, Jane and others}", "Doe, Jane, et al. (1963)", "Doe et al., 1963"),
        (
            "{{Research and Development, Inc.}}",
            "Research and Development, Inc. (1963)",
            "Research and Development, Inc., 1963",
        ),
    ],
)
def test_names(author: str, shown: str, label: str) -> None:
    text = entry(author=author, title="{T}", year="1963")
    assert reference(text).startswith(shown)
    assert Styler(parsed(text), ENV).labels["k"].parenthetical == label


@pytest.mark.parametrize(
    ("author", "shown"),
    [
        ("{Amodei, Dario and Chris Olah}", "Amodei, Dario, and Chris Olah (1963)"),
        (
            "{Dario Amodei and Chris Olah and Jacob Steinhardt}",
            "Amodei, Dario, Chris Olah, and Jacob Steinhardt (1963)",
        ),
        ("{OpenAI and Jane Doe}", "OpenAI and Jane Doe (1963)"),
        ("{OpenAI and Jane Doe and John Roe}", "OpenAI, Jane Doe, and John Roe (1963)"),
        (
            " and ".join(f"Author{n} Surname{n}" for n in range(6)).join("{}"),
            "Surname0, Author0, Author1 Surname1, Author2 Surname2, Author3 Surname3, Author4"
            " Surname4, and Author5 Surname5 (1963)",
        ),
        (
            " and ".join(f"Author{n} Surname{n}" for n in range(7)).join("{}"),
            "Surname0, Author0, Author1 Surname1, Author2 Surname2, et al. (1963)",
        ),
        (
            "{Doe, Jane and John Roe and others}",
            "Doe, Jane, John Roe, et al. (1963)",
        ),
    ],
)
def test_a_reference_lists_its_first_author_surname_first(author: str, shown: str) -> None:
    """As author-date styles do: the list is sorted by that surname, and the reader looking up
    "(Amodei et al., 2016)" scans for it. The comma before "and" keeps "Amodei, Dario and Chris
    Olah" from reading as three people; an organisation, not inverted, needs none."""
    assert reference(entry(author=author, title="{T}", year="1963")).startswith(shown)


def test_no_doubled_full_stop() -> None:
    text = entry("k", "book", author="{A}", title="{Why?}", year="2000", publisher="{Wiley, Inc.}")
    assert reference(text).endswith('<span class="citation-ref__title">Why?</span> Wiley, Inc.')


# --- keys -------------------------------------------------------------------------------------------


def test_keys_differing_only_in_case_are_duplicates() -> None:
    text = entry("Smith2020", author="{A}", title="{T}") + entry(
        "smith2020", author="{A}", title="{U}"
    )
    assert errors(text) == [
        "references.bib:5: duplicate key 'smith2020' (first defined at line 1 as 'Smith2020'; "
        "BibTeX ignores the case of keys)"
    ]


def test_a_key_with_odd_characters_loads_and_is_matched_exactly() -> None:
    text = entry("weird", author="{A}", title="{Plain}") + entry(
        "weird*key", author="{B}", title="{Odd}"
    )
    bibliography = parsed(text)
    assert list(bibliography.entries) == ["weird", "weird*key"]
    assert bibliography["weird*key"].text("title") == "Odd"
    assert "weird*" not in bibliography and "Weird*Key" not in bibliography


def test_field_names_are_compared_ignoring_case() -> None:
    assert errors(entry(title="{T}", Title="{U}")) == [
        "references.bib:1: entry 'k' has the field 'title' more than once"
    ]


# --- blocks that are not references -----------------------------------------------------------------


def test_blocks_that_are_not_references_are_ignored() -> None:
    text = (
        """% Encoding: UTF-8
%% Created with BibDesk

@preamble{ "\\newcommand{\\noopsort}[1]{}" }

@bibdesk_info{document_info,
  date-modified = {2024-01-10}}

Some words between entries, as BibTeX allows.
"""
        + entry(author="{A}", title="{T}", year="2000")
        + """
@Comment{jabref-meta: databaseType:bibtex;}
@Comment{jabref-meta: grouping:
0 AllEntriesGroup:;
1 StaticGroup:G\\;0\\;1\\;\\;\\;\\;;
}
"""
    )
    bibliography = parsed(text)
    assert list(bibliography.entries) == ["k"] and bibliography["k"].line == 10
    assert (bibliography.diagnostics, bibliography.warnings, bibliography.notes) == ((), (), ())


# --- encodings and line ends ------------------------------------------------------------------------

BROKEN_THIRD_ENTRY = (
    entry("a", author="{A}", title="{T}")
    + entry("b", author="{A}", title="{T}")
    + "@misc{c,\n  title = {x}\n  year = {1}\n}\n"
)


def load_bytes(tmp_path: Path, content: bytes):
    path = tmp_path / "references.bib"
    path.write_bytes(content)
    return load_bibliography(path, "references.bib")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode(),
        lambda t: b"\xef\xbb\xbf" + t.encode(),
        lambda t: t.replace("\n", "\r\n").encode(),
        lambda t: t.replace("\n", "\r").encode(),
    ],
    ids=["lf", "bom", "crlf", "cr"],
)
def test_line_numbers_whatever_the_line_ends(tmp_path: Path, encode) -> None:
    bibliography = load_bytes(tmp_path, encode(BROKEN_THIRD_ENTRY))
    assert [str(d) for d in bibliography.diagnostics] == [
        "references.bib:10: entry 'c' has a comma missing after its 'title' value (before 'year =')"
    ]
    assert bibliography.warnings == ()


def test_a_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    text = "\n" + entry(author="{Sch\u00f6lkopf, Bernhard}", title="{Syst\u00e8me}", year="2000")
    bibliography = load_bytes(tmp_path, text.encode("latin-1"))
    assert bibliography.diagnostics == ()
    assert [str(d) for d in bibliography.warnings] == [
        "references.bib:3: the file is not UTF-8 (byte 0xF6 on this line); read it as Windows-1252 (Latin-1): "
        "save it as UTF-8 to be sure every character is right"
    ]
    assert bibliography["k"].authors[0].surname == "Schölkopf"


@pytest.mark.parametrize(
    "content", ["@misc{k, title = {T}}".encode("utf-16"), b"@misc{k,\n\x00\x01\x02}"]
)
def test_utf16_or_binary_is_a_located_error(tmp_path: Path, content: bytes) -> None:
    bibliography = load_bytes(tmp_path, content)
    assert len(bibliography.diagnostics) == 1
    assert str(bibliography.diagnostics[0]).endswith(
        "the file is not text in UTF-8 (it has NUL bytes: is it UTF-16, or not a .bib file?); save it as UTF-8"
    )


# --- pages and deep braces --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pages", "shown"),
    [
        ("{1-10}", "1–10"),
        ("{1--10}", "1–10"),
        ("{1 - 10}", "1–10"),
        ("{S1-S10}", "S1–S10"),
        ("{xi-xv}", "xi–xv"),
        ("{e1002}", "e1002"),
        ("{123-125, 130-132}", "123–125, 130–132"),
    ],
)
def test_page_ranges_get_an_en_dash(pages: str, shown: str) -> None:
    assert reference(
        entry("k", "article", author="{A}", title="{T}", journal="{J}", pages=pages)
    ).endswith(f"J, {shown}.")


def test_deeply_nested_braces_are_a_located_error() -> None:
    text = entry(author="{A}", title="{" * 5000 + "x" + "}" * 5000)
    assert errors(text) == [
        "references.bib:3: entry 'k' nests braces more than 64 levels deep in its 'title' value "
        "(remove the extra braces)"
    ]
    assert "x" in decode("{" * 5000 + "$x$" + "}" * 5000)  # decoding on its own never raises either


# --- the project's own file, read by another BibTeX reader -------------------------------------------


def test_references_bib_is_valid_for_pybtex() -> None:
    from pybtex.database import parse_file

    ours = load_bibliography(ROOT / "references.bib", "references.bib", EDITORIAL)
    theirs = parse_file(str(ROOT / "references.bib"), bib_format="bibtex")
    assert ours.diagnostics == ()
    assert sorted(theirs.entries.keys()) == sorted(ours.entries)


def test_pybtex_rejects_an_at_sign_in_a_comment_as_bibtex_does() -> None:
    """What the test above guards against (a comment line about `@misc/@online` in the header)."""
    from pybtex.database import parse_string
    from pybtex.scanner import PybtexSyntaxError

    with pytest.raises(PybtexSyntaxError):
        parse_string(
            "% Venue of @misc/@online entries\n" + entry(author="{A}", title="{T}"), "bibtex"
        )


# --- whatever the file holds: located messages, never an exception ------------------------------------

BIB_TOKENS = [
    "@misc{",
    "@article(",
    "@string{",
    "@STRING{",
    "@comment{",
    "@preamble{",
    "@xdata{",
    "@bibdesk_info{",
    "@proceedings{",
    "@inproceedings{",
    "k",
    "K",
    "p",
    "weird*key",
    ",",
    ", ",
    "=",
    " = ",
    "{",
    "}",
    "{{",
    "}}",
    '"',
    "#",
    " # ",
    "\n",
    "\r\n",
    "\r",
    "  ",
    "title",
    "author",
    "editor",
    "year",
    "date",
    "crossref",
    "xdata",
    "url",
    "doi",
    "eprint",
    "howpublished",
    "note",
    "pages",
    "kind",
    "annote",
    "month",
    "jan",
    "10/abc",
    "10.1000/x",
    "https://a.org/x",
    "javascript:x",
    "\\url{",
    "\\href{",
    "$",
    "$x$",
    "\\'",
    '\\"',
    "\\`",
    "\\v",
    " and ",
    "others",
    "Doe, Jane",
    "Jr.",
    "{\\TeX}",
    "\\emph{",
    "-",
    "--",
    "2019/2020",
    "%",
    "@",
    "é",
    "\\",
    "\x00",
    "\\noopsort{",
    "arXiv:",
    "v2",
]


TEXT = st.lists(st.sampled_from(BIB_TOKENS) | st.text(max_size=3), max_size=12).map("".join)
FIELD_NAMES = [
    "title",
    "author",
    "editor",
    "year",
    "date",
    "crossref",
    "xdata",
    "url",
    "doi",
    "eprint",
    "archiveprefix",
    "howpublished",
    "note",
    "pages",
    "kind",
    "annote",
    "journal",
    "booktitle",
    "publisher",
    "organization",
]
VALUE = st.one_of(
    TEXT.map(lambda t: "{" + t + "}"),
    TEXT.map(lambda t: '"' + t + '"'),
    st.sampled_from(["2019", "jan", "mac"]),
    st.lists(TEXT.map(lambda t: "{" + t + "}"), min_size=2, max_size=3).map(" # ".join),
)
FIELD = st.tuples(st.sampled_from(FIELD_NAMES), VALUE).map(lambda f: f"  {f[0]} = {f[1]}")
ENTRY = st.builds(
    lambda kind, key, fields: f"@{kind}{{{key},\n" + ",\n".join(fields) + "\n}\n",
    st.sampled_from(
        [
            "misc",
            "article",
            "book",
            "proceedings",
            "inproceedings",
            "online",
            "xdata",
            "string",
            "blogpost",
        ]
    ),
    st.sampled_from(["a", "b", "B", "weird*key", "p"]),
    st.lists(FIELD, max_size=8),
)
BIB_TEXT = st.lists(ENTRY | TEXT, max_size=6).map("".join)


@settings(max_examples=200, deadline=None)
@given(BIB_TEXT, st.booleans())
# Found by this property: a macro missing its argument (pylatexenc's %(2)s raised KeyError).
@example("@misc{a,\n  title = {\\href{}}\n}\n", False)
@example("@misc{a,\n  title = {\\href{x}}, note = {\\texttt}\n}\n", True)
def test_no_input_makes_the_bibliography_raise(text: str, editorial: bool) -> None:
    from citations.further_reading import SourcePage, further_reading_page

    bibliography = parse_bibliography(text, "references.bib", Policy(editorial=editorial))
    last_line = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) + 1
    for diagnostic in (*bibliography.diagnostics, *bibliography.warnings, *bibliography.notes):
        assert diagnostic.file == "references.bib" and 1 <= diagnostic.line <= last_line, diagnostic
        assert diagnostic.message
    styler = Styler(bibliography, ENV)
    styler.prepare_all()
    for key in bibliography.entries:
        styler.reference_html(key, links=False)
    further_reading_page(styler, [SourcePage("x.md", "x.html", "X", tuple(bibliography.entries))])


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=200)
    | st.lists(st.sampled_from(BIB_TOKENS), max_size=30).map(
        lambda t: "".join(t).encode("latin-1", "replace")
    )
)
def test_no_bytes_make_loading_raise(tmp_path_factory, content: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "references.bib"
    path.write_bytes(content)
    bibliography = load_bibliography(path, "references.bib")
    for diagnostic in (*bibliography.diagnostics, *bibliography.warnings, *bibliography.notes):
        assert diagnostic.line >= 1 and diagnostic.message


# --- mistakes that used to render silently wrong: each a located error with its fix ----------------


def full_entry(key: str = "k", **changed: str | None) -> str:
    """An entry the editorial policy accepts (author on line 2, title 3, year 4, url 5, kind 6,
    annote 7), with some fields changed; None leaves one out."""
    fields = {
        "author": "{Doe, Jane}",
        "title": "{T}",
        "year": "{2024}",
        "url": "{https://example.org}",
        "kind": "{paper}",
        "annote": "{Why read it.}",
        **changed,
    }
    return entry(key, **{name: value for name, value in fields.items() if value is not None})


TOO_MANY_COMMAS = (
    "has a name with 5 commas in 'author' ('Doe, Jane, Roe, Richard, Poe, Edgar'); separate "
    "authors with ' and ' (a name has at most two commas: 'von Last, Jr, First')"
)


@pytest.mark.parametrize(
    ("author", "problems"),
    [
        ("{Doe, Jane, Roe, Richard, Poe, Edgar}", [TOO_MANY_COMMAS]),
        (
            "{Doe, Jane; Roe, Richard}",
            [
                "has ';' between names in 'author' ('Doe, Jane; Roe, Richard'); separate "
                "authors with ' and '"
            ],
        ),
        (
            "{Doe, Jane and and Roe, Richard and}",
            [
                "has an empty name in 'author' (a doubled 'and' after 'Doe, Jane'); remove the "
                "extra 'and'",
                "has an empty name in 'author' (an 'and' at the end); remove the last 'and'",
            ],
        ),
        (
            "{and Doe, Jane}",
            ["has an empty name in 'author' (an 'and' at the start); remove the first 'and'"],
        ),
        (
            "{Jane Doe & Richard Roe}",
            [
                "has '&' between names in 'author' ('Jane Doe & Richard Roe'); separate authors "
                "with ' and ' (an organisation's '&' goes inside braces: {Procter \\& Gamble})"
            ],
        ),
    ],
)
@pytest.mark.parametrize("policy", [Policy(), EDITORIAL], ids=["any-file", "editorial"])
def test_a_malformed_author_list_is_a_located_error(
    author: str, problems: list[str], policy: Policy
) -> None:
    """It used to render "Roe Richard Poe Edgar Doe, Jane", "Richard Doe, Jane; Roe", "Doe and
    and Roe" or "(Roe, 2024)" without a word. BibTeX: "Too many commas in name"."""
    assert errors(full_entry(author=author), policy) == [
        f"references.bib:2: entry 'k' {problem}" for problem in problems
    ]


def test_a_malformed_name_is_located_on_its_line_of_the_value_and_in_editor_too() -> None:
    text = full_entry(author="{Doe, Jane and\n    Roe, Richard, Poe, Edgar, Jr}") + entry(
        "e", "book", editor="{Ed, A.; Ed, B.}", title="{T}", year="2024"
    )
    assert errors(text) == [
        "references.bib:3: entry 'k' has a name with 4 commas in 'author' ('Roe, Richard, Poe, "
        "Edgar, Jr'); separate authors with ' and ' (a name has at most two commas: 'von Last, "
        "Jr, First')",
        "references.bib:11: entry 'e' has ';' between names in 'editor' ('Ed, A.; Ed, B.'); "
        "separate authors with ' and '",
    ]


@pytest.mark.parametrize(
    ("author", "count"),
    [
        ("{{Alignment Research Center}}", 1),
        ("{OpenAI}", 1),
        ("{{Procter \\& Gamble} and Doe, Jane}", 2),
        ("{Procter {\\&} Gamble}", 1),
        ("{Procter \\& Gamble}", 1),
        ("{{Research and Development, Inc.} and {Smith; Jones LLP}}", 2),
        ("{von Neumann, Jr, John and King, Jr., Martin Luther,}", 2),
        ("{Doe, Jane and\n    Roe, Richard and others}", 3),
        ("{Jane Doe AND Richard Roe}", 2),
        ('{Sch{\\"o}lkopf, Bernhard and \\v{S}ebek, Ond{\\v{r}}ej}', 2),
        ("{Anderson, Ann and Andrews, Andy}", 2),
    ],
)
def test_valid_author_lists_are_no_problem(author: str, count: int) -> None:
    bibliography = parsed(full_entry(author=author), EDITORIAL)
    assert (bibliography.diagnostics, bibliography.warnings) == ((), ())
    assert len(bibliography["k"].authors) == count


NAME_WORD = st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True).filter(lambda w: w.lower() != "and")
PERSON = st.one_of(
    st.builds("{} {}".format, NAME_WORD, NAME_WORD),
    st.builds("{}, {}".format, NAME_WORD, NAME_WORD),
    st.builds("{}, {},".format, NAME_WORD, NAME_WORD),  # a trailing comma adds nothing
    st.builds(
        "{} {}, {}".format, st.sampled_from(["van", "von", "de", "van der"]), NAME_WORD, NAME_WORD
    ),
    st.builds(
        "{}, {}, {}".format, NAME_WORD, st.sampled_from(["Jr", "Jr.", "Sr.", "III"]), NAME_WORD
    ),
    # an organisation: braces protect and, commas, semicolons and ampersands
    st.lists(NAME_WORD | st.sampled_from(["and", "\\&", "&", ",", ";", "{AI}"]), min_size=1)
    .map(" ".join)
    .map("{{{}}}".format),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(PERSON, min_size=1, max_size=6),
    st.lists(st.sampled_from([" and ", "  and\n    ", " AND ", "\tand "]), min_size=5, max_size=5),
    st.booleans(),
)
def test_valid_names_joined_with_and_are_one_author_each_without_a_problem(
    names: list[str], separators: list[str], others: bool
) -> None:
    written = names[0] + "".join(map("".join, zip(separators, names[1:], strict=False)))
    written += " and others" if others else ""
    bibliography = parsed(full_entry(author="{" + written + "}"), EDITORIAL)
    assert (bibliography.diagnostics, bibliography.warnings) == ((), ())
    assert len(bibliography["k"].authors) == len(names) + others


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.builds("{}, {}".format, NAME_WORD, NAME_WORD), min_size=2, max_size=5),
    st.sampled_from([", ", "; ", " & ", ";", " ; "]),
)
def test_names_joined_without_and_are_an_error_on_the_author_line(
    names: list[str], joiner: str
) -> None:
    found = errors(full_entry(author="{" + joiner.join(names) + "}"))
    assert found and all(
        message.startswith("references.bib:2: entry 'k' has ") and "in 'author'" in message
        for message in found
    ), found


AUTHOR_FIRST = "@misc{k,\n  author = {Doe, Jane},\n"
REST = "  url = {https://example.org},\n  kind = {paper},\n  annote = {Why.}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            AUTHOR_FIRST
            + "  title = {T},\n  % TODO: check the year\n  year = {2024},\n"
            + REST
            + "\n}",
            "references.bib:4: a '%' comment inside entry 'k' hides the field 'year' that "
            "follows it (line 5); BibTeX has no comments inside entries: remove the line",
        ),
        (
            AUTHOR_FIRST + "  title = {T}, % TODO: check\n  year = {2024},\n" + REST + "\n}",
            "references.bib:3: a '%' comment inside entry 'k' hides the field 'year' that "
            "follows it (line 4); BibTeX has no comments inside entries: remove the comment",
        ),
        (
            AUTHOR_FIRST
            + "  title = {T},\n  % old: year = {2023},\n  year = {2024},\n"
            + REST
            + "\n}",
            "references.bib:4: a '%' comment inside entry 'k' is read as a field ('% old: year "
            "= ...'); BibTeX has no comments inside entries: remove the line",
        ),
        (
            AUTHOR_FIRST + "  title = {T},\n  year = {2024},\n" + REST + ",\n  % done\n}",
            "references.bib:8: a '%' comment inside entry 'k'; BibTeX has no comments inside "
            "entries: remove the line",
        ),
        (
            AUTHOR_FIRST + "  title = {T},\n  year = {2024},\n" + REST + "\n  % done\n}",
            "references.bib:8: entry 'k' has a '%' comment after its 'annote' value; BibTeX has "
            "no comments inside entries: remove the comment",
        ),
    ],
)
def test_a_comment_inside_an_entry_is_named_not_the_field_it_hides(text: str, message: str) -> None:
    """bibtexparser reads `% TODO ...\\n  year` as one field name: the entry used to have "no
    'year' field"."""
    assert errors(text + "\n", EDITORIAL) == [message]


def test_the_field_a_comment_hid_is_read() -> None:
    text = full_entry(title="{T},\n  % TODO: check\n  year = {2024}", year=None)
    bibliography = parsed(text)
    assert bibliography["k"].year == "2024"
    assert bibliography["k"].field_lines["year"] == 5


EXTRA_BRACE = full_entry(title="{Toward {{Causal Representation Learning}}}}")


def test_an_extra_closing_brace_is_named_instead_of_the_fields_it_cuts_off() -> None:
    """It used to say that the entry has no author, no kind and no annote."""
    assert errors(EXTRA_BRACE + full_entry("next"), EDITORIAL) == [
        "references.bib:3: an extra '}' closes entry 'k' before its fields 'year', 'url', "
        "'kind' and 'annote' (line 4); remove it"
    ]


def test_an_extra_closing_brace_in_bibdesk_layout_and_with_many_fields() -> None:
    text = (
        "@article{Ng:2000aa,\n\tauthor = {Ng, Andrew Y.},\n\ttitle = {Algorithms}}},\n"
        "\tjournal = {J},\n\tpages = {1-2},\n\tpublisher = {P},\n\tvolume = {1},\n"
        "\tnumber = {2},\n\tyear = {2000}}\n"
    )
    assert errors(text) == [
        "references.bib:3: 2 extra '}' close entry 'Ng:2000aa' before its fields 'journal', "
        "'pages', 'publisher', 'volume', 'number' and 1 more (line 4); remove them"
    ]


def test_fields_after_a_blank_line_may_also_lack_their_entry_line() -> None:
    text = full_entry("a") + "\n  title = {Orphan},\n  year = {2020}\n}\n"
    assert errors(text, EDITORIAL) == [
        "references.bib:10: the fields 'title' and 'year' stand outside any entry, after entry "
        "'a' ends (line 8): remove an extra '}' that closes that entry early, or add the missing "
        "'@type{key,' line above them"
    ]


def test_text_between_entries_that_is_no_field_is_still_ignored() -> None:
    text = (
        full_entry("a")
        + "\nAn entry commented out by dropping its @, as BibTeX users do:\n"
        + "misc{old,\n  title = {x} = y\n}\n% year = {2020}\n\n"
        + full_entry("b")
    )
    assert errors(text, EDITORIAL) == []


def test_make_check_reports_no_follow_on_problems_of_a_cut_off_entry() -> None:
    from check.bib_lint import lint_bibliography

    bibliography = parsed(EXTRA_BRACE, EDITORIAL)
    assert [d.message for d in lint_bibliography(bibliography, [], EDITORIAL, "mkdocs.yml")] == [
        "entry 'k' is cited on no page; cite it where it supports a claim, remove it, or list it "
        "under extra.citations.nocite in mkdocs.yml to keep it in Further reading only"
    ]


MISSPELT_TITLE = full_entry(title=None, titel="{T}")


def test_a_misspelt_required_field_is_named_where_the_field_is_missed() -> None:
    assert errors(MISSPELT_TITLE, EDITORIAL) == [
        "references.bib:1: entry 'k' has no 'title' field; it has 'titel' (line 7): did you "
        "mean 'title'?"
    ]
    bibliography = parsed(MISSPELT_TITLE)
    assert [str(d) for d in bibliography.notes] == [
        "references.bib:1: entry 'k' has no 'title' field; it has 'titel' (line 7): did you "
        "mean 'title'?"
    ]
    assert [str(d) for d in bibliography.warnings] == [
        "references.bib:7: entry 'k' has the field 'titel', which neither BibTeX nor biblatex "
        "knows (its value is ignored): did you mean 'title'?"
    ]


def test_a_misspelt_field_is_an_error_under_the_policy_and_a_warning_without() -> None:
    """`archivePrefx` used to lose the arXiv id without a word."""
    text = full_entry(url=None, eprint="{1606.06565}", archivePrefx="{arXiv}")
    message = (
        "references.bib:8: entry 'k' has the field 'archivePrefx', which neither BibTeX nor "
        "biblatex knows (its value is ignored): did you mean 'archiveprefix'?"
    )
    assert errors(text, EDITORIAL) == [message]
    bibliography = parsed(text)
    assert bibliography.diagnostics == () and [str(d) for d in bibliography.warnings] == [message]


def test_unknown_fields_that_are_no_near_miss_are_ignored() -> None:
    text = full_entry(
        researchgate="{x}",
        fjournal="{Full Journal}",
        **{"bdsk-url-2": "{https://example.org/2}", "comment-jane": "{x}", "x-custom": "{y}"},
        isbn13="{978-0-00-000000-0}",
        langid="{english}",
    )
    bibliography = parsed(text, EDITORIAL)
    assert (bibliography.diagnostics, bibliography.warnings) == ((), ())


def test_a_near_miss_of_a_field_the_entry_has_is_left_alone() -> None:
    bibliography = parsed(full_entry(notes="{kept for myself}"), EDITORIAL)
    assert [str(d) for d in bibliography.diagnostics] == [
        "references.bib:8: entry 'k' has the field 'notes', which neither BibTeX nor biblatex "
        "knows (its value is ignored): did you mean 'note'?"
    ]
    bibliography = parsed(full_entry(notes="{kept for myself}", note="{N}"), EDITORIAL)
    assert bibliography.diagnostics == ()


def test_a_year_with_a_letter_is_rejected() -> None:
    """`2024a` used to print next to the site's own 2024a and 2024b."""
    message = (
        "references.bib:4: entry 'k' has year '2024a'; write year = {2024}: the site adds the "
        "letters itself (2024a, 2024b) where one author has several works in a year"
    )
    assert errors(full_entry(year="{2024a}"), EDITORIAL) == [message]
    assert [str(d) for d in parsed(full_entry(year="{2024a}")).warnings] == [message]
    for year in ("{2024}", "2024", "{forthcoming}", "{2019--2020}"):
        assert parsed(full_entry(year=year), EDITORIAL).diagnostics == ()
