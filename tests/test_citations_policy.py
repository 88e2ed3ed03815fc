"""The site's editorial policy for references.bib as a setting (extra.citations.editorial_policy
in mkdocs.yml): reading and checking the setting, what changes with it off (kind inferred, no
note without annote, INFO instead of errors), and one message for a problem many entries share."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from citations.bibliography import Policy, parse_bibliography
from citations.further_reading import SourcePage, further_reading_page
from citations.policy import policy_from_extra
from citations.render import Styler, fill_late_slots, template_environment

ROOT = Path(__file__).resolve().parent.parent
ENV = template_environment()


def entry(key: str, entry_type: str = "misc", **fields: str) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def config_file(tmp_path: Path, extra: str) -> str:
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        f"site_name: X\nedit_uri: !ENV [EDIT_URI, 'x']\nextra:\n{extra}", encoding="utf-8"
    )
    return str(path)


@pytest.mark.parametrize(
    ("extra", "policy"),
    [
        (None, Policy(editorial=False)),
        ({}, Policy(editorial=False)),
        ({"citations": {}}, Policy(editorial=False)),
        ({"citations": {"editorial_policy": True}}, Policy(editorial=True)),
        ({"citations": {"editorial_policy": False}}, Policy(editorial=False)),
    ],
)
def test_the_setting(extra, policy) -> None:
    assert policy_from_extra(extra, None) == (policy, [])


@pytest.mark.parametrize(
    ("yaml", "extra", "message"),
    [
        (
            "  citations:\n    editorial_policy: yes please\n",
            {"citations": {"editorial_policy": "yes please"}},
            "mkdocs.yml:5: extra.citations.editorial_policy must be true or false, not 'yes please'",
        ),
        (
            "  polyfills: []\n  citations:\n    editorial_polcy: true\n",
            {"polyfills": [], "citations": {"editorial_polcy": True}},
            "mkdocs.yml:6: unknown setting extra.citations.editorial_polcy (did you mean 'editorial_policy'?)",
        ),
        (
            "  citations: true\n",
            {"citations": True},
            "mkdocs.yml:4: extra.citations must be a mapping, e.g. 'editorial_policy: true', not True",
        ),
    ],
)
def test_a_bad_setting_is_an_error_naming_its_line(
    tmp_path: Path, yaml: str, extra: dict, message: str
) -> None:
    _, problems = policy_from_extra(extra, config_file(tmp_path, yaml))
    assert [str(p) for p in problems] == [message]


def test_the_project_sets_its_policy() -> None:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert policy_from_extra(config.extra, config.config_file_path) == (Policy(editorial=True), [])


LOOSE = (
    entry("paper", "article", author="A, B", title="A paper", journal="J", year="2001")
    + entry("book", "book", author="A, B", title="A book", publisher="P", year="2002")
    + entry("page", "online", author="A, B", title="A page", url="https://example.org")
    + entry(
        "preprint",
        "misc",
        author="A, B",
        title="A preprint",
        eprint="2001.00001",
        archiveprefix="arXiv",
        year="2003",
    )
    + entry("talk", "misc", author="A, B", title="A talk", url="https://www.youtube.com/watch?v=x")
    + entry("movie", "video", author="A, B", title="A film", year="2004")
    + entry(
        "given",
        "article",
        author="A, B",
        title="Said",
        journal="J",
        year="2005",
        kind="book",
        annote="Why.",
    )
)


def test_without_the_policy_kind_is_inferred_and_annote_is_optional() -> None:
    bibliography = parse_bibliography(LOOSE, "references.bib", Policy(editorial=False))
    assert (bibliography.diagnostics, bibliography.warnings, bibliography.notes) == ((), (), ())
    assert {key: entry.kind for key, entry in bibliography.entries.items()} == {
        "paper": "paper",
        "book": "book",
        "page": "article",
        "preprint": "paper",
        "talk": "video",
        "movie": "video",
        "given": "book",
    }
    markdown, slots = further_reading_page(
        Styler(bibliography, ENV), [SourcePage("x.md", "x.html", "X", ("paper",))]
    )
    page = fill_late_slots(markdown, slots)
    assert page.count('class="further-reading__annote"') == 1 and "Why." in page
    # grouped by the page that cites a work (the rest last), each group's kinds counted
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == [
        "## X",
        "## Also worth reading",
    ]
    assert "6 works: 2 videos, 1 article, 2 books, 1 paper" in markdown


THOUSANDS = "".join(entry(f"k{n}", author="A, B", title=f"T{n}", year="2000") for n in range(6000))
ANNOTE = "has no 'annote' field (one sentence for Further reading: why read it)"
KIND = "has no 'kind' field (allowed values: paper, book, article, video)"


@pytest.mark.parametrize(
    ("text", "first", "rest"),
    [
        (
            LOOSE,
            "paper",
            "5 more entries: 'book' (line 7), 'page' (line 13), 'preprint' (line 18) and 2 others",
        ),
        (
            THOUSANDS,
            "k0",
            "5,999 more entries: 'k1' (line 6), 'k2' (line 11), 'k3' (line 16) and 5,996 others",
        ),
    ],
    ids=["the-loose-file", "6000-entries"],
)
def test_with_the_policy_a_shared_problem_is_one_message(text: str, first: str, rest: str) -> None:
    bibliography = parse_bibliography(text, "references.bib", Policy(editorial=True))
    assert [str(d) for d in bibliography.diagnostics] == [
        f"references.bib:1: entry '{first}' {rule}; the same in {rest}" for rule in (ANNOTE, KIND)
    ]


def test_without_the_policy_what_renders_with_less_is_info() -> None:
    text = entry("a", url="javascript:x") + entry("b", author="A", title="T", doi="not-a-doi")
    bibliography = parse_bibliography(text, "references.bib", Policy(editorial=False))
    assert bibliography.diagnostics == ()
    assert [str(d) for d in bibliography.notes] == [
        "references.bib:1: entry 'a' has no 'author' field (editor or organization may stand for it)",
        "references.bib:1: entry 'a' has no 'title' field",
        "references.bib:2: entry 'a' has a url with scheme 'javascript:'; only http:// and https:// links are allowed",
        "references.bib:7: entry 'b' has doi 'not-a-doi', which is not a DOI (expected 10.xxxx/... or 10/xxxx)",
    ]


MKDOCS_YML = f"""\
site_name: Policy
use_directory_urls: false
theme:
  name: material
hooks:
  - {ROOT / "scripts" / "hooks.py"}
"""


def build(root: Path, yml: str, bib: str, *flags: str) -> tuple[int, str]:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n\n[@paper] and [@book].\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(yml, encoding="utf-8")
    (root / "references.bib").write_text(bib, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "-d", str(root / "site")],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def test_builds_follow_the_setting(tmp_path: Path) -> None:
    code, output = build(tmp_path / "loose", MKDOCS_YML, LOOSE, "--strict")
    assert code == 0, output
    code, output = build(
        tmp_path / "strict",
        MKDOCS_YML + "extra:\n  citations:\n    editorial_policy: true\n",
        LOOSE,
    )
    assert code != 0 and "Traceback" not in output
    assert "references.bib:1: entry 'paper' has no 'kind' field" in output


def test_a_bad_setting_stops_the_build_with_its_line(tmp_path: Path) -> None:
    code, output = build(
        tmp_path, MKDOCS_YML + "extra:\n  citations:\n    editorial_policy: maybe\n", LOOSE
    )
    assert code != 0 and "Traceback" not in output
    assert (
        "mkdocs.yml:9: extra.citations.editorial_policy must be true or false, not 'maybe'"
        in output
    )
