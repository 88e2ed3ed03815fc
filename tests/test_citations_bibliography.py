"""references.bib: loading, the validation rules with their exact messages, LaTeX decoding,
author names and author–year labels."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import citations.diagnostics
import citations.fields
import citations.inheritance
import citations.latex
import citations.names
import citations.reference
import citations.style
import citations.urls
import citations.values
from citations.bibliography import Entry, Policy, load_bibliography, parse_bibliography
from citations.latex import decode
from citations.names import WORD_START_ACCENT, _special_character, parse_names
from citations.style import anchor_id, build_labels

GOOD = """\
@misc{a2016x,
  author = {Amodei, Dario and Olah, Chris and Steinhardt, Jacob},
  title = {Concrete},
  year = {2016},
  kind = {paper},
  annote = {Why.}
}
"""


def entry(key: str = "k", **fields: str | None) -> str:
    """An entry with the required fields; a field given as None is left out."""
    base: dict[str, str | None] = {
        "author": "Doe, Jane",
        "title": "T",
        "year": "2020",
        "kind": "paper",
        "annote": "A.",
    }
    base.update(fields)
    body = ",\n".join(
        f"  {name} = {{{value}}}" for name, value in base.items() if value is not None
    )
    return f"@misc{{{key},\n{body}\n}}\n"


EDITORIAL = Policy(editorial=True)


def messages(text: str, policy: Policy = EDITORIAL) -> list[str]:
    """The build-stopping messages for `text` under this site's editorial policy."""
    return [str(d) for d in parse_bibliography(text, "references.bib", policy).diagnostics]


def test_a_valid_file_has_no_diagnostics() -> None:
    bib = parse_bibliography(GOOD, "references.bib")
    assert bib.diagnostics == ()
    assert list(bib.entries) == ["a2016x"]
    assert bib["a2016x"].line == 1


def test_duplicate_key_names_both_lines() -> None:
    text = GOOD + "\n" * 3 + GOOD.replace("Concrete", "Again")
    assert messages(text) == ["references.bib:11: duplicate key 'a2016x' (first defined at line 1)"]


def test_malformed_block_names_its_line() -> None:
    text = GOOD + "\n@misc{broken,\n  title = {unclosed\n"
    assert messages(text) == [
        "references.bib:9: cannot parse entry 'broken': Unexpectedly reached end of file "
        "(check for an unclosed brace or quote, or a missing comma)"
    ]


def test_missing_comma_after_key() -> None:
    text = "@misc{nocomma\n  title = {x},\n}\n"
    assert messages(text) == [
        "references.bib:1: cannot parse entry 'nocomma': Expected comma after entry key, but found = "
        "(check for an unclosed brace or quote, or a missing comma)"
    ]


def test_duplicate_field() -> None:
    text = entry().replace("  title = {T}", "  title = {T},\n  title = {U}")
    assert messages(text) == ["references.bib:1: entry 'k' has the field 'title' more than once"]


def test_every_problem_of_the_file_is_collected() -> None:
    text = GOOD + "\n" + entry("nokind", kind=None) + entry("badkind", kind="blog")
    assert messages(text) == [
        "references.bib:9: entry 'nokind' has no 'kind' field (allowed values: paper, book, article, video)",
        "references.bib:19: entry 'badkind' has kind 'blog', which is not allowed "
        "(allowed values: paper, book, article, video)",
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": None}, "references.bib:1: entry 'k' has no 'title' field"),
        (
            {"author": None},
            "references.bib:1: entry 'k' has no 'author' field (editor or organization may stand for it)",
        ),
        (
            {"year": None},
            "references.bib:1: entry 'k' has no 'year' field (only kind article or video may omit it; they show 'n.d.')",
        ),
        (
            {"annote": None},
            "references.bib:1: entry 'k' has no 'annote' field (one sentence for Further reading: why read it)",
        ),
        (
            {"url": "javascript:alert(1)"},
            "references.bib:7: entry 'k' has a url with scheme 'javascript:'; only http:// and https:// links are allowed",
        ),
        (
            {"url": "ftp://x.org/a"},
            "references.bib:7: entry 'k' has a url with scheme 'ftp:'; only http:// and https:// links are allowed",
        ),
        (
            {"url": "www.example.org"},
            "references.bib:7: entry 'k' has a url with no scheme; only http:// and https:// links are allowed",
        ),
        (
            {"doi": "javascript:alert(1)"},
            "references.bib:7: entry 'k' has doi 'javascript:alert(1)', which is not a DOI (expected 10.xxxx/... or 10/xxxx)",
        ),
    ],
)
def test_entry_rules(fields: dict, message: str) -> None:
    assert messages(entry(**fields)) == [message]


@pytest.mark.parametrize(
    "fields",
    [
        {"author": None, "editor": "Doe, Jane"},
        {"author": None, "organization": "Alignment Research Center"},
        {"year": None, "kind": "article"},
        {"year": None, "kind": "video"},
        {"doi": "https://doi.org/10.1000/xyz"},
        {"url": "https://example.org/a?b=c"},
        {"kind": "Book"},
    ],
)
def test_allowed_variations(fields: dict) -> None:
    assert messages(entry(**fields)) == []


def test_doi_prefix_is_dropped() -> None:
    bib = parse_bibliography(entry(doi="https://doi.org/10.1000/xyz"), "references.bib")
    assert bib["k"].doi == "10.1000/xyz"


def test_load_caches_by_content_and_reloads_on_change(tmp_path: Path) -> None:
    path = tmp_path / "references.bib"
    path.write_text(GOOD, encoding="utf-8")
    first = load_bibliography(path, "references.bib")
    assert load_bibliography(path, "references.bib") is first
    path.write_text(GOOD.replace("Concrete", "Changed"), encoding="utf-8")
    second = load_bibliography(path, "references.bib")
    assert second is not first and second["a2016x"].text("title") == "Changed"


def test_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    bib = load_bibliography(tmp_path / "references.bib", "references.bib")
    assert [str(d) for d in bib.diagnostics] == [
        "references.bib:1: cannot read the bibliography (No such file or directory)"
    ]


# --- LaTeX ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ('{\\"o}', "ö"),
        ('Sch{\\"o}lkopf', "Schölkopf"),
        ("Man{\\'e}", "Mané"),
        ("Luko\\v{s}i{\\=u}t{\\.e}", "Lukošiūtė"),
        ("pp. 4299--4307", "pp. 4299–4307"),
        ("a---b", "a—b"),
        ("Concrete Problems in {AI} Safety", "Concrete Problems in AI Safety"),
        ("{{Alignment Research Center}}", "Alignment Research Center"),
        ("Science \\& Society", "Science & Society"),
        ("R&D at 100%", "R&D at 100%"),
        ("``Quoted'' and `single'", "“Quoted” and ‘single’"),
        ("a~b", "a\u00a0b"),
        ("  spaced\n   out  ", "spaced out"),
        ('plain <b> & "text"', 'plain <b> & "text"'),
    ],
)
def test_decode(raw: str, text: str) -> None:
    assert decode(raw) == text


def test_plain_strings_are_returned_as_they_are() -> None:
    plain = "Deep Reinforcement Learning from Human Preferences"
    assert decode(plain) is plain


# --- names and labels -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "surnames"),
    [
        ("Russell, Stuart", ["Russell"]),
        ("Stuart Russell", ["Russell"]),
        ("Amodei, Dario and Chris Olah and others", ["Amodei", "Olah", "others"]),
        ("{Alignment Research Center}", ["Alignment Research Center"]),
        ("{Research and Development Corp} and Doe, Jane", ["Research and Development Corp", "Doe"]),
        ("Jan van Merwijk", ["van Merwijk"]),
        ("Langosco di Langosco, Lauro", ["Langosco di Langosco"]),
        ("Man{\\'e}, Dan", ["Mané"]),
        ("Hadfield-Menell, Dylan", ["Hadfield-Menell"]),
        ("Doe, Jane and \\v{S}ebek, Ond\\v{r}ej", ["Doe", "Šebek"]),
        (
            "Jan \\v{S}ebek Novak and Jean de la Fontaine and de Gaulle",
            ["Novak", "de la Fontaine", "Gaulle"],
        ),
        ("Mesut \\\"Ozil and \\'{E}mile Zola", ["Özil", "Zola"]),
    ],
)
def test_surnames(raw: str, surnames: list[str]) -> None:
    assert [name.surname for name in parse_names(raw)] == surnames


CAPITALISED = st.sampled_from(
    [
        "Amodei",
        "Olah",
        "Merwijk",
        '{\\"O}zil',
        '\\"Ozil',
        'M{\\"u}ller',
        "O'Neil",
        "Hadfield-Menell",
        "E.",
        "J.-P.",
        "{van Gogh}",
        "{Smith and Co}",
        "{\\'E}mile",
        "\\v{S}ebek",
        "\\v Sebek",
        "\\'{E}mile",
    ]
)
LOWERCASE = st.sampled_from(["van", "de", "la", "von", "der", "di", "d{\\'e}"])
JUNIOR = st.sampled_from(["Jr.", "III", "Sr."])


@settings(max_examples=500, deadline=None)
@given(
    first=st.lists(CAPITALISED, min_size=1, max_size=3),
    von=st.lists(LOWERCASE, max_size=2),
    last=st.lists(CAPITALISED, min_size=1, max_size=2),
    jr=st.lists(JUNIOR, max_size=1),
)
def test_the_three_bibtex_name_forms_give_one_name(first, von, last, jr) -> None:
    """A name from known parts, written in BibTeX's three forms ("First von Last", "von Last,
    First", "von Last, Jr, First"), has one surname (its von and last parts) and, with commas,
    is shown first-name first (surname first when it leads a reference list's entry); the first
    form splits as bibtexparser splits it."""
    surname = decode(" ".join(von + last))
    written = " ".join(first + von + last)
    plain_form = not jr and (von or len(last) == 1)  # else it would not say where Last starts
    forms = [written] if plain_form else []
    forms.append(", ".join(filter(None, [" ".join(von + last), *jr, " ".join(first)])))
    for raw in forms:
        names = parse_names(f"{raw} and others")
        assert [n.surname for n in names] == [surname, "others"], raw
        assert names[1].is_others
    assert parse_names(forms[-1])[0].display == decode(" ".join(first)) + " " + surname + (
        f", {jr[0]}" if jr else ""
    )
    inverted = f"{surname}, {decode(' '.join(first))}" + (f", {jr[0]}" if jr else "")
    assert all(parse_names(raw)[0].inverted == inverted for raw in forms), forms
    if plain_form:
        assert parse_names(written)[0].display == decode(written)
        library = parse_single_name_into_parts(
            WORD_START_ACCENT.sub(_special_character, written), strict=False
        )
        assert decode(" ".join(library.von + library.last)) == surname


def test_bibtexparser_still_loses_a_command_that_starts_a_name_after_and() -> None:
    """Why names.split_names splits by hand: bibtexparser 2.1.0's split_multiple_persons_names
    drops the backslash command of a name that follows "and". When this fails, a release has
    fixed it: use split_multiple_persons_names in names.py and delete split_names."""
    assert split_multiple_persons_names("Doe, Jane and \\v{S}ebek, Ond\\v{r}ej") == [
        "Doe, Jane",
        "{S}ebek, Ond\\v{r}ej",
    ]


def make(key: str, author: str, year: str | None, title: str = "T", **more: str) -> Entry:
    fields = {"author": author, "title": title, "kind": "paper", **more}
    if year is not None:
        fields["year"] = year
    return Entry(key, "misc", 1, fields)


def test_labels() -> None:
    entries = [
        make("russell", "Russell, Stuart", "2019"),
        make("manheim", "Manheim, David and Garrabrant, Scott", "2018"),
        make("amodei", "Amodei, D. and Olah, C. and Steinhardt, J.", "2016"),
        make("bai", "Bai, Y. and others", "2022"),
        make("arc", "{Alignment Research Center}", None, kind="article"),
        make("ed", "", "2001", editor="Editor, Ed"),
    ]
    entries[-1] = Entry(
        "ed", "book", 1, {"editor": "Editor, Ed", "title": "T", "year": "2001", "kind": "book"}
    )
    labels = build_labels(entries)
    assert {k: v.parenthetical for k, v in labels.items()} == {
        "russell": "Russell, 2019",
        "manheim": "Manheim and Garrabrant, 2018",
        "amodei": "Amodei et al., 2016",
        "bai": "Bai et al., 2022",
        "arc": "Alignment Research Center, n.d.",
        "ed": "Editor, 2001",
    }


def test_same_authors_and_year_get_letters_in_title_order() -> None:
    labels = build_labels(
        [
            make("z", "Amodei, D. and Olah, C. and X, Y.", "2016", "Zebra"),
            make("a", "Amodei, D. and Other, O. and Z, Z.", "2016", "Apple"),
            make("solo", "Amodei, D.", "2016", "Solo"),
        ]
    )
    assert (labels["a"].year, labels["z"].year, labels["solo"].year) == ("2016a", "2016b", "2016")


def test_anchor_ids_are_safe_and_distinct() -> None:
    assert anchor_id("amodei2016concrete") == "amodei2016concrete"
    odd = [anchor_id(k) for k in ["a:b", "a.b", "a/b", "a-b"]]
    assert len(set(odd)) == 4
    assert all(c.isalnum() or c in "-_" for a in odd for c in a)


@pytest.mark.parametrize(
    "module",
    [
        citations.diagnostics,
        citations.style,
        citations.latex,
        citations.names,
        citations.fields,
        citations.urls,
        citations.values,
        citations.inheritance,
        citations.reference,
    ],
)
def test_docstring_examples(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
