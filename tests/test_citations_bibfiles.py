""".bib files shaped like the exports of Zotero (Better BibTeX), BibDesk, JabRef, Google Scholar
and arXiv, and like a hand-kept file (tests/fixtures/bib/, written for these tests): each reads
without errors and renders as its golden file says (tests/golden/bibliography/, regenerate
with UPDATE_GOLDEN=1 and review the diff), and each builds as a real site without the
editorial policy (--strict where the file gives no warning)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citations.bibliography import load_bibliography
from citations.render import Styler, template_environment

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "bib"
GOLDEN = Path(__file__).parent / "golden" / "bibliography"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.bib"))
CITABLE_KEY = re.compile(r"(?x) ^ [A-Za-z0-9_] (?: [A-Za-z0-9_] | [:./-] (?= [A-Za-z0-9_] ) )* $")


def rendered(name: str) -> str:
    """Every message, then every entry: key, kind, label and its reference with links."""
    bibliography = load_bibliography(FIXTURES / f"{name}.bib", f"{name}.bib")
    lines = [f"ERROR {d}" for d in bibliography.diagnostics]
    lines += [f"WARNING {d}" for d in bibliography.warnings] + [
        f"INFO {d}" for d in bibliography.notes
    ]
    styler = Styler(bibliography, template_environment())
    for key, entry in bibliography.entries.items():
        lines.append(f"{key} [{entry.kind}] ({styler.labels[key].parenthetical})")
        lines.append(f"  {styler.reference_html(key)}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", NAMES)
def test_real_world_shapes_render_as_golden(name: str) -> None:
    actual = rendered(name)
    expected = GOLDEN / f"{name}.txt"
    if UPDATE or not expected.exists():
        GOLDEN.mkdir(exist_ok=True)
        expected.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected.name} did not exist; written now, review it and rerun")
    assert actual == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_real_world_shapes_have_no_errors(name: str) -> None:
    assert load_bibliography(FIXTURES / f"{name}.bib", "x.bib").diagnostics == ()


def test_the_fixtures_cover_every_tool() -> None:
    assert set(NAMES) >= {
        "arxiv",
        "bibdesk",
        "google-scholar",
        "hand-written",
        "jabref",
        "zotero-better-bibtex",
    }


MKDOCS_YML = f"""\
site_name: Fixture
use_directory_urls: false
theme:
  name: material
nav:
  - Home: index.md
  - Further reading: further-reading.md
hooks:
  - {ROOT / "scripts" / "hooks.py"}
"""


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, Path, list[str]]]:
    """A tiny site per fixture, citing every key the citation syntax can write, built at once."""
    running = {}
    for name in NAMES:
        root = tmp_path_factory.mktemp(name)
        text = (FIXTURES / f"{name}.bib").read_bytes()
        keys = list(load_bibliography(FIXTURES / f"{name}.bib", "x.bib").entries)
        (root / "references.bib").write_bytes(text)
        (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
        (root / "docs").mkdir()
        cited = [key for key in keys if CITABLE_KEY.match(key)]
        (root / "docs" / "index.md").write_text(
            "# Home\n\n" + " ".join(f"[@{k}]" for k in cited) + "\n", encoding="utf-8"
        )
        flags = [] if "WARNING" in rendered(name) else ["--strict"]
        command = [sys.executable, "-m", "mkdocs", "build", *flags, "-d", str(root / "site")]
        process = subprocess.Popen(
            command,
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        running[name] = (process, root, keys)
    results = {}
    for name, (process, root, keys) in running.items():
        output, _ = process.communicate(timeout=300)
        results[name] = (process.returncode, output, root, keys)
    return results


@pytest.mark.parametrize("name", NAMES)
def test_real_world_shapes_build_a_site(builds, name: str) -> None:
    code, output, root, keys = builds[name]
    assert code == 0, output
    assert "Traceback" not in output
    further = (root / "site" / "further-reading.html").read_text(encoding="utf-8")
    assert further.count('class="further-reading__entry"') == len(keys)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert home.count('<li class="citation-reference"') == sum(
        1 for key in keys if CITABLE_KEY.match(key)
    )
    # no LaTeX left over
    assert "\\" not in re.sub(r"<script.*?</script>", "", further, flags=re.DOTALL)


def test_a_warning_is_logged_by_the_build(builds) -> None:
    code, output, _root, _keys = builds["hand-written"]
    assert code == 0
    assert (
        "WARNING -  citations: references.bib:59: entry 'unknowntype' has the entry type @blogpost, "
        "which neither BibTeX nor biblatex knows (it is shown like @misc)"
    ) in output


# --- the published copy: the file without what only means something on its owner's machine ---------


def fields_by_key(content: bytes) -> dict[str, dict[str, str]]:
    """Every entry's fields as the build reads them (xdata too)."""
    from citations.bibfile import read_blocks, text_of

    text, errors, _warnings = text_of(content, "x.bib")
    assert errors == []
    found = read_blocks(text, "x.bib")
    return {e.key: e.fields for e in [*found.entries, *found.xdata.values()]}


@pytest.mark.parametrize("name", NAMES)
def test_the_published_copy_has_every_entry_without_its_private_fields(name: str) -> None:
    from citations.published import is_private, published_copy

    content = (FIXTURES / f"{name}.bib").read_bytes()
    copy = published_copy(content, "x.bib")
    assert copy.warnings == []
    expected = {
        key: {field: value for field, value in fields.items() if not is_private(field)}
        for key, fields in fields_by_key(content).items()
    }
    assert fields_by_key(copy.content) == expected
    # what was removed is whole lines, or a last field with the comma before it
    kept = copy.content.decode("utf-8").splitlines()
    assert all(
        line in content.decode("utf-8").splitlines() or line.endswith(("}}", "}")) for line in kept
    )


def test_the_published_copy_leaves_out_paths_dates_and_user_names() -> None:
    from citations.published import published_copy

    zotero = published_copy((FIXTURES / "zotero-better-bibtex.bib").read_bytes(), "x.bib")
    assert b"/Users/jane" not in zotero.content and b"file =" not in zotero.content
    bibdesk = published_copy((FIXTURES / "bibdesk.bib").read_bytes(), "x.bib").content
    for private in (b"date-added", b"date-modified", b"bdsk-url-1", b"modifiedby", b"Jane Doe"):
        assert private not in bibdesk
    assert b"\tyear = {2000}}\n" in bibdesk  # the last field's comma went with bdsk-url-1
    jabref = published_copy((FIXTURES / "jabref.bib").read_bytes(), "x.bib").content
    assert b"owner" not in jabref and b"timestamp" not in jabref
    assert b"@Comment{jabref-meta: grouping:" in jabref


@pytest.mark.parametrize(
    ("content", "published"),
    [
        (  # CRLF line ends, a field on one line with others, a last field
            b"@misc{k,\r\n  title = {T}, file = {/home/j/k.pdf}, year = {2024},\r\n"
            b"  bdsk-file-1 = {YnBsaXN0MDDUAQIDBAUGBwpYJHZlcnNpb24=}\r\n}\r\n",
            b"@misc{k,\r\n  title = {T}, year = {2024}\r\n}\r\n",
        ),
        (  # Latin-1 with a BOM-less header comment from BibDesk; a multi-line private value
            "%% Created for Jane Doe at 2024-01-10\n@misc{k,\n  title = {Caf\xe9},\n"
            "  file = {:a.pdf:PDF;\n    :b.pdf:PDF},\n  year = {2024}\n}\n".encode("latin-1"),
            "@misc{k,\n  title = {Caf\xe9},\n  year = {2024}\n}\n".encode("latin-1"),
        ),
        (  # a UTF-8 BOM, names in any case, JabRef's local folder
            b"\xef\xbb\xbf@misc{k,\n  FILE = {x},\n  Date-Added = {y},\n  title = {T}\n}\n\n"
            b"@Comment{jabref-meta: fileDirectory-jane-laptop:/Users/jane/papers;}\n",
            b"\xef\xbb\xbf@misc{k,\n  title = {T}\n}\n\n",
        ),
    ],
)
def test_the_published_copy_keeps_encoding_and_line_ends(content: bytes, published: bytes) -> None:
    from citations.published import published_copy

    assert published_copy(content, "x.bib") == (published, [])


def test_a_file_without_private_fields_is_published_as_it_is() -> None:
    from citations.published import published_copy

    content = (ROOT / "references.bib").read_bytes()
    assert published_copy(content, "references.bib").content is content


def test_the_published_copy_module_examples() -> None:
    import doctest

    import citations.published

    result = doctest.testmod(citations.published)
    assert result.attempted > 0 and result.failed == 0


PUBLIC_FIELD = st.tuples(
    st.sampled_from(["title", "year", "note", "url", "author"]),
    st.sampled_from(["{T}", "{A, B and C, D}", '"quoted {x}"', "2024", "{two\n    lines}", "jan"]),
)
PRIVATE_FIELD = st.tuples(
    st.sampled_from(["file", "File", "date-added", "bdsk-url-1", "bdsk-file-2", "owner"]),
    st.sampled_from(["{/Users/jane/a.pdf}", "{2024-01-10 09:00:00 +0100}", "{x\n  y}", '"z"']),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(PUBLIC_FIELD | PRIVATE_FIELD, max_size=6).map(
            lambda fields: list({name.lower(): (name, value) for name, value in fields}.values())
        ),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from([",\n  ", ", ", ",\n\t", " ,\n  "]),
    st.sampled_from(["\n}", "}", ",\n}", " }"]),
    st.sampled_from(["\n", "\r\n"]),
)
def test_any_layout_of_private_fields_is_cut_out_and_nothing_else(
    entries: list[list[tuple[str, str]]], separator: str, closing: str, line_end: str
) -> None:
    """Whatever the layout (one line, one field a line, a last field with or without a comma,
    values over several lines), the copy reads as the file does, less the private fields."""
    from citations.published import is_private, published_copy

    text = "".join(
        f"@misc{{k{n},\n  "
        + separator.join(f"{name} = {value}" for name, value in fields)
        + (closing if fields else "}")
        + "\n\n"
        for n, fields in enumerate(entries)
    )
    content = text.replace("\n", line_end).encode()
    copy = published_copy(content, "x.bib")
    assert copy.warnings == []
    assert fields_by_key(copy.content) == {
        key: {name: value for name, value in fields.items() if not is_private(name)}
        for key, fields in fields_by_key(content).items()
    }
    assert (b"\r\n" in copy.content) == (line_end == "\r\n")


@pytest.mark.parametrize("name", ["bibdesk", "zotero-better-bibtex"])
def test_the_site_publishes_the_copy_and_leaves_the_source_alone(builds, name: str) -> None:
    from citations.published import published_copy

    code, output, root, _keys = builds[name]
    assert code == 0, output
    source = (FIXTURES / f"{name}.bib").read_bytes()
    assert (root / "references.bib").read_bytes() == source
    published = (root / "site" / "references.bib").read_bytes()
    assert published == published_copy(source, "references.bib").content != source
    assert b"date-added" not in published and b"/Users/jane" not in published
