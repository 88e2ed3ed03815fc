"""`make check` (scripts/check/): one problem of each kind planted in a copy of the real project,
each read back as its exact `file:line: message`, all of them from one run; the real project
passes; and the pieces the check shares with the build (glossary, nocite) behave the same there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPIED = [
    "mkdocs.yml",
    "references.bib",
    "codespell-words.txt",
    ".pymarkdown.yml",
    "pyproject.toml",
    "README.md",
    "CONTRIBUTING.md",
    "docs",
    "overrides",
]

PLANTED_PAGE = """\
# Planted problems

Text that cites a work not in the bibliography [@planted2020know].

#### Skipped levels

A line with a trailing space.\x20

Teh spelling mistake is here, and we optimise the house spelling.

A [broken link](goodheart.md) and a [missing anchor](#planted-sectoin).

## Planted section

```text
a fence that is never closed
"""

PLANTED_GLOSSARY = """\
# Glossary

<!-- no-hover: Reward hacking -->

## A–C

Alignment
:   Getting a system to pursue what people intend.

Alignment
:   The same term again.

Corrigibility
:   Accepting correction.

Capability
:   What a system can do.

Zebra
:   A term under the wrong letter.

  Related terms: zebra crossing
"""


def entry(
    key: str, title: str, *extra: str, url: str | None = "https://example.org/planted"
) -> str:
    fields = [
        "  author = {Planted, Paula}",
        f"  title = {{{title}}}",
        "  year = {2020}"
        if "2020" in key
        else f"  year = {{{key[7:11] if key[7:11].isdigit() else '2026'}}}",
        *(f"  {line}" for line in extra),
    ]
    if url:
        fields.append(f"  url = {{{url}}}")
    fields += ["  kind = {paper}", "  annote = {Planted by tests/test_check.py.}"]
    return "@misc{" + key + ",\n" + ",\n".join(fields) + "\n}\n"


PLANTED_ENTRIES = [
    entry("planted2020known", "Known but Uncited"),
    entry("planted2021unfindable", "Nowhere to Be Found", url=None),
    entry(
        "planted2022arxiv",
        "A Malformed Preprint",
        "eprint = {1606.6565}",
        "archiveprefix = {arXiv}",
    ),
    entry("planted2023doi", "A Malformed DOI", "doi = {10.1000}"),
    entry("planted2024title", "Twins", url="https://example.org/twin-a"),
    entry("planted2024twin", "Twins", url="https://example.org/twin-b"),
    entry("planted2025doia", "First with the DOI", "doi = {10.5555/planted.1}"),
    entry("planted2025doib", "Second with the DOI", "doi = {10.5555/planted.1}"),
    entry("refkeys2026", "Keys"),
]
NOCITED = [
    key
    for key in (e.split("{", 1)[1].split(",", 1)[0] for e in PLANTED_ENTRIES)
    if key != "planted2020known"
]


def copy_project(target: Path) -> Path:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    (target / "scripts").symlink_to(ROOT / "scripts")
    return target


def run_python(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python <args>` with the project's scripts importable and nothing else of the caller's
    environment, its output captured."""
    return subprocess.run(
        [sys.executable, *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={
            "PYTHONPATH": str(ROOT / "scripts"),
            "PATH": "/usr/bin:/bin",
            "NO_MKDOCS_2_WARNING": "1",
        },
    )


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return run_python(["-m", "check", "--root", str(root)], ROOT)


def test_the_real_project_passes() -> None:
    result = run_check(ROOT)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
    assert result.stderr.strip() == "make check: no problems"


@pytest.fixture(scope="module")
def planted(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, int, subprocess.CompletedProcess[str]]:
    root = copy_project(tmp_path_factory.mktemp("planted"))
    (root / "docs" / "planted.md").write_text(PLANTED_PAGE, encoding="utf-8")
    (root / "docs" / "glossary.md").write_text(PLANTED_GLOSSARY, encoding="utf-8")
    bib = (root / "references.bib").read_text(encoding="utf-8")
    first_line = bib.count("\n") + 2  # after one blank line
    (root / "references.bib").write_text(bib + "\n" + "\n".join(PLANTED_ENTRIES), encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    nocite: [" in config and "\n  - Glossary: glossary.md\n" in config
    config = config.replace("    nocite: [", f"    nocite: [{', '.join(NOCITED)}, ")
    config = config.replace(
        "\n  - Glossary: glossary.md\n", "\n  - Glossary: glossary.md\n  - Missing: glosary.md\n"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root, first_line, run_check(root)


def test_every_planted_problem_is_reported_with_its_place_and_fix(planted) -> None:
    root, bib, result = planted
    line = [bib]
    for text in PLANTED_ENTRIES[:-1]:
        line.append(line[-1] + text.count("\n") + 1)
    arxiv_line, doi_line = line[2] + 4, line[3] + 4
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    nav_line = config.index("  - Missing: glosary.md") + 1
    expected = [
        "docs/glossary.md:3: no-hover names 'Reward hacking', which is not a term of the glossary; correct the name or remove it from the comment",
        "docs/glossary.md:10: term 'Alignment' is defined twice (first at line 7); merge the two entries or rename one",
        "docs/glossary.md:13: term 'Corrigibility' is out of alphabetical order; move it below 'Capability' (line 16), to its place",
        "docs/glossary.md:19: term 'Zebra' is under '## A–C'; move it to the section of its first letter",
        "docs/glossary.md:22: a malformed 'Related terms:' line; write '    Related terms: a, b' (indented four spaces, on one line)",
        (
            "docs/planted.md:1: the page is not in mkdocs.yml's nav; add it under nav: ('- Title: planted.md', "
            "README: Add a chapter), or, if it is left out on purpose, list it under not_in_nav: in mkdocs.yml"
        ),
        "docs/planted.md:3:49: unknown citation key 'planted2020know' (did you mean 'planted2020known'?)",
        (
            "docs/planted.md:5:1: Heading levels should only increment by one level at a time [Expected: h2; Actual: h4]; "
            "make it one level below the heading above it (MD001 heading-increment)"
        ),
        "docs/planted.md:7:30: Trailing spaces [Expected: 0; Actual: 1]; delete the spaces at the end of the line (MD009 no-trailing-spaces)",
        "docs/planted.md:9: 'Teh' is misspelt: write 'The'; if the word is right, add it in lower case to codespell-words.txt",
        "docs/planted.md:9:38: 'optimise' is not the site's spelling: write 'optimize' (one spelling per word across the pages)",
        "docs/planted.md:11:3: link target 'goodheart.md' is not a page or file of the site (did you mean 'goodhart.md'?)",
        "docs/planted.md:11:37: this page has no anchor '#planted-sectoin' (did you mean '#planted-section'?)",
        "docs/planted.md:15:1: Code fence is never closed; close it with the same fence (``` or ~~~) on a line of its own (AE100 unclosed-fence)",
        f"mkdocs.yml:{nav_line}: nav names 'glosary.md', which is not a page in docs/ (did you mean 'glossary.md'?)",
        (
            f"references.bib:{line[0]}: entry 'planted2020known' is cited on no page; cite it where it supports a claim, remove it, "
            "or list it under extra.citations.nocite in mkdocs.yml to keep it in Further reading only"
        ),
        (
            f"references.bib:{line[1]}: entry 'planted2021unfindable' has no doi, eprint, url or isbn (nor journal, volume and pages); "
            "add one, so that a reader can check the source"
        ),
        (
            f"references.bib:{arxiv_line}: entry 'planted2022arxiv' has eprint '1606.6565', which is not an arXiv id "
            "(expected e.g. 1606.06565, 1606.06565v2 or hep-th/9901001)"
        ),
        f"references.bib:{doi_line}: entry 'planted2023doi' has doi '10.1000', which is not a DOI (expected 10.xxxx/... or 10/xxxx)",
        (
            f"references.bib:{line[5]}: entry 'planted2024twin' has the same title and year as 'planted2024title' (line {line[4]}); "
            "keep one entry for the work and cite that key"
        ),
        (
            f"references.bib:{line[7]}: entry 'planted2025doib' has the same doi as 'planted2025doia' (line {line[6]}); "
            "keep one entry for the work and cite that key"
        ),
        (
            f"references.bib:{line[8]}: key 'refkeys2026' does not follow the convention authorYEARword, lower case "
            "(e.g. 'planted2026keys'); rename it here and where it is cited"
        ),
    ]
    assert result.stdout.splitlines() == expected, result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stderr.strip() == f"make check: {len(expected)} problems"


def test_the_check_never_writes_into_the_project(planted) -> None:
    root, _, _ = planted
    assert (root / "docs" / "planted.md").read_text(encoding="utf-8") == PLANTED_PAGE
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("1606.06565", True),
        ("1606.06565v2", True),
        ("0704.0001", True),
        ("1412.6980", True),
        ("hep-th/9901001", True),
        ("math.GT/0309136v1", True),
        ("1606.6565", False),
        ("1412.69800", False),
        ("0703.0001", False),
        ("1613.00001", False),
        ("arXiv:1606.06565", False),
        ("1606.06565v0", False),
        ("hep-th/99010", False),
    ],
)
def test_arxiv_ids(text: str, valid: bool) -> None:
    from check.bib_lint import is_arxiv_id

    assert is_arxiv_id(text) is valid


def test_the_build_stops_on_the_glossary_problems_the_check_reports(tmp_path: Path) -> None:
    """One implementation: `glossary.configure_hovers` (the hook) raises what make check prints."""
    from mkdocs.config.defaults import MkDocsConfig

    import glossary
    from source_text import ProblemsFound

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "glossary.md").write_text(PLANTED_GLOSSARY, encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict(
        {"site_name": "t", "docs_dir": str(tmp_path / "docs"), "markdown_extensions": ["abbr"]}
    )
    assert not config.validate()[0]
    with pytest.raises(ProblemsFound) as stopped:
        glossary.configure_hovers(config)
    assert [str(d) for d in stopped.value.diagnostics] == [
        "docs/glossary.md:3: no-hover names 'Reward hacking', which is not a term of the glossary; correct the name or remove it from the comment",
        "docs/glossary.md:10: term 'Alignment' is defined twice (first at line 7); merge the two entries or rename one",
        "docs/glossary.md:22: a malformed 'Related terms:' line; write '    Related terms: a, b' (indented four spaces, on one line)",
    ]


@pytest.mark.parametrize(
    ("section", "nocite", "message"),
    [
        ({"nocite": ["a", "b"]}, ("a", "b"), None),
        ({"editorial_policy": True}, (), None),
        (
            {"nocite": "a"},
            (),
            "mkdocs.yml:1: extra.citations.nocite must be a list of keys of references.bib, e.g. [key1, key2], not 'a'",
        ),
        (
            {"nocite": [1]},
            (),
            "mkdocs.yml:1: extra.citations.nocite must be a list of keys of references.bib, e.g. [key1, key2], not [1]",
        ),
        (
            {"nocit": []},
            (),
            "mkdocs.yml:1: unknown setting extra.citations.nocit (did you mean 'nocite'?)",
        ),
    ],
)
def test_nocite_setting(section: dict, nocite: tuple[str, ...], message: str | None) -> None:
    from citations.policy import Policy, policy_from_extra

    policy, problems = policy_from_extra({"citations": section}, None)
    assert policy.nocite == nocite
    assert [str(p) for p in problems] == ([message] if message else [])
    assert hash(policy) == hash(Policy(editorial=policy.editorial))  # not part of the cache key


# --- contributor tooling: workflows, pre-commit -------------------------------------------------

BIN = Path(sys.executable).parent


def test_workflows_are_valid_github_actions_workflows() -> None:
    """Validated against SchemaStore's GitHub workflow schema, which check-jsonschema vendors
    (actionlint itself does not install from the registries without downloading a binary)."""
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["deploy.yml", "test.yml"]
    result = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, workflows),
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_schema_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step:\n      - run: make test\n"
    )
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(bad)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "'step' was unexpected" in result.stdout


def test_workflows_run_the_readme_commands() -> None:
    import yaml

    test = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8"))
    assert set(test[True]) == {"push", "pull_request"}  # YAML 1.1 reads the key `on` as True
    assert [step["run"] for step in test["jobs"]["test"]["steps"] if step.get("run") == "make test"]
    deploy = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    )
    assert deploy[True]["push"]["branches"] == ["main"]
    build = deploy["jobs"]["build"]["steps"]
    assert any(step.get("run") == "make site" for step in build)
    used = [
        step["uses"].split("@")[0]
        for job in deploy["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    assert used == [
        "actions/checkout",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert (
        next(step for step in build if "upload-pages-artifact" in step.get("uses", ""))["with"][
            "path"
        ]
        == "site"
    )


def test_pre_commit_hooks_are_local_and_use_the_venv_tools() -> None:
    import shlex

    import yaml

    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    assert {hook["language"] for hook in hooks} == {"unsupported"}  # pre-commit 4's `system`
    for hook in hooks:
        words = shlex.split(hook["entry"])
        tool = next(word for word in words if word.startswith(".venv/bin/"))
        assert (ROOT / tool).is_file() or (BIN / Path(tool).name).is_file(), hook["id"]


def test_the_markdown_lint_hook_reports_an_unclosed_fence(tmp_path: Path) -> None:
    import shlex

    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = next(h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "markdown-lint")
    page = tmp_path / "page.md"
    page.write_text("# Page\n\n```text\nnever closed\n", encoding="utf-8")
    command = [
        str(BIN / Path(w).name) if w.startswith(".venv/bin/") else w
        for w in shlex.split(hook["entry"])
    ]
    result = subprocess.run(
        [*command, str(page)], check=False, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert f"{page}:3:1: AE100: Code fence is never closed (unclosed-fence)" in result.stdout


def test_the_build_leaves_nocite_entries_out_of_its_not_cited_note(tmp_path: Path) -> None:
    """The same setting in a real `mkdocs build` (the tiny site of test_citations_build.py, whose
    one uncited entry is miles_channel)."""
    from test_citations_build import make_site, start_build

    root = make_site(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "extra:\n  citations:\n    nocite: [miles_channel]\n",
        encoding="utf-8",
    )
    output, _ = (build := start_build(root, "--strict")).communicate(timeout=300)
    assert build.returncode == 0, output
    assert "not cited on any page" not in output


# --- pages left out of the nav, and Markdown that shows as text (page_syntax.py) -----------


def _tiny_project(root: Path, extra_config: str = "", pages: dict[str, str] | None = None):
    """The tiny site of test_citations_build.py with the real site's `validation:` block."""
    from check.project import load_project
    from test_citations_build import PAGES, make_site
    from test_links import mkdocs_validation_block

    make_site(root, {**PAGES, **(pages or {})})
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + mkdocs_validation_block() + extra_config,
        encoding="utf-8",
    )
    project, problems = load_project(root)
    assert project is not None and problems == []
    return project


def test_a_page_missing_from_the_nav_is_named_with_the_fix(tmp_path: Path) -> None:
    from check.site_checks import check_site, pages_missing_from_nav

    page = {"interpretability.md": "# Interpretability\n\nText.\n"}
    project = _tiny_project(tmp_path, pages=page)
    expected = (
        "docs/interpretability.md:1: the page is not in mkdocs.yml's nav; add it under nav: "
        "('- Title: interpretability.md', README: Add a chapter), or, if it is left out on "
        "purpose, list it under not_in_nav: in mkdocs.yml"
    )
    assert [str(p) for p in pages_missing_from_nav(project)] == [expected]
    assert expected in [str(p) for p in check_site(project).problems]


@pytest.mark.parametrize(
    "extra_config",
    [
        "not_in_nav: |\n  /interpretability.md\n",  # left out on purpose
        "exclude_docs: |\n  interpretability.md\n",  # not part of the site at all
    ],
)
def test_pages_left_out_of_the_nav_on_purpose_pass(tmp_path: Path, extra_config: str) -> None:
    from check.site_checks import pages_missing_from_nav

    page = {"interpretability.md": "# Interpretability\n\nText.\n"}
    assert pages_missing_from_nav(_tiny_project(tmp_path, extra_config, page)) == []


def test_pages_missing_from_the_nav_are_left_alone_where_mkdocs_only_informs(
    tmp_path: Path,
) -> None:
    """Without `omitted_files: warn` (MkDocs' default is info), a strict build passes too."""
    from check.project import load_project
    from check.site_checks import pages_missing_from_nav
    from test_citations_build import PAGES, make_site

    make_site(tmp_path, {**PAGES, "interpretability.md": "# Interpretability\n"})
    project, _ = load_project(tmp_path)
    assert project is not None and pages_missing_from_nav(project) == []


CHAPTER_WITH_TABLES = """\
# Methods

## How they compare

Methods compared:
| Method | Scale |
|---|---|
| RLHF | large |

Table: Oversight methods
| Method | Scale | Year |
|---|---|---|
| Debate | small | 2018 |

| Method | Scale | Year |
|---|---|
| Debate | small | 2018 |
"""


def test_tables_that_show_as_text_are_located() -> None:
    from page_syntax import table_problems
    from test_glossary import site_html

    assert "<table>" not in site_html(CHAPTER_WITH_TABLES)  # what a reader would see: pipes
    assert [str(p) for p in table_problems(CHAPTER_WITH_TABLES, "docs/x.md", 3)] == [
        "docs/x.md:9: this table follows line 8 with no blank line between, so it shows as text with pipes; add a blank line before the table",
        "docs/x.md:14: this table follows its 'Table:' title with no blank line between, so it shows as text with pipes; add a blank line before the table",
        "docs/x.md:19: the table's separator row has 2 cells and its header row 3, so there is no table (it shows as text with pipes); write one '---' per column: |---|---|---|",
    ]


TABLE = "| Method | Scale |\n|---|---|\n| RLHF | large |\n"


@pytest.mark.parametrize(
    "above",
    [
        "Methods compared:",
        "Table: Methods compared",
        "- a list item",
        "1. a list item",
        "> a quotation",
        "[^1]: A footnote.",
        "{ .wide }",
        "```text\ncode\n```",
        "| Another | table |\n|---|---|\n| ends | here |",
        "Term\n:   Definition.",
        "## Methods",
        "Methods\n-------",
        "***",
        "[rlhf]: rlhf.md",
        "*[RLHF]: Reinforcement learning from human feedback",
        "<!-- a comment -->",
        "<div markdown>",
        "    indented code",
        "!!! note",
        '=== "Tab"',
        "",
    ],
)
@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_table_is_reported_exactly_when_it_shows_as_text(above: str, blank: str) -> None:
    """Whatever stands above a table: a problem if and only if the site's Markdown makes no
    table of it."""
    from page_syntax import table_problems
    from test_glossary import site_html

    page = f"# Page\n\n{above}\n{blank}{TABLE}"
    rendered = site_html(page).count("<table>") > (1 if above.startswith("| Another") else 0)
    assert rendered == (table_problems(page, "docs/x.md") == []), site_html(page)


@pytest.mark.parametrize(
    "page",
    [
        "Pipes in code: `| a | b |`\n`|---|---|`\n",
        "Methods:\n\n```text\n| a | b |\n|---|---|\n```\n",
        "Methods:\n\n    | a | b | c |\n    |---|---|\n",
        "!!! note\n\n    Methods:\n\n    | a | b |\n    |:--|--:|\n",
        "| `a|b` | c |\n| --- | --- |\n",
        "a | b\n--|--\n1 | 2\n",
        "| Single |\n|---|\n| column |\n",
    ],
)
def test_tables_that_render_and_pipes_in_code_pass(page: str) -> None:
    from page_syntax import table_problems

    assert table_problems(page, "docs/x.md") == []


def test_front_matter_that_is_not_yaml_is_located() -> None:
    from mkdocs.utils.meta import get_data

    from page_syntax import front_matter_problems
    from test_glossary import site_html

    source = "---\ndescription: [unclosed\n---\n\n# Interpretability\n\nText.\n"
    body, meta = get_data(source)
    assert (body, meta) == (source, {})  # MkDocs keeps it as page content:
    assert "<hr />" in site_html(body)  # a rule, then a heading "description: [unclosed"
    assert [str(p) for p in front_matter_problems(body, "docs/x.md")] == [
        "docs/x.md:2: the front matter is not valid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts at column 14); the page shows it as text "
        "until it is fixed (close the bracket or quote, or put the value in quotes)"
    ]
    body = "---\ntitle: Interpretability\n description: Why: because\n---\n# T\n"
    assert [p.line for p in front_matter_problems(body, "docs/x.md")] == [3]
    body = "---\ndescription: Never closed.\n\n# Interpretability\n"
    assert [str(p) for p in front_matter_problems(body, "docs/x.md")] == [
        "docs/x.md:1: the front matter is never closed, so the page shows it as text; end it "
        "with a line '---' below its last setting"
    ]


@pytest.mark.parametrize(
    "source",
    [
        "---\ndescription: 'Quoted: with a colon [and brackets].'\nsearch:\n  boost: 2\n---\n# T\n",
        "---\ntitle: T\n...\n# T\n",
        "# T\n\n---\n\nA rule above, not front matter: [x\n\n---\n",
        "---\n\nA page that starts with a rule.\n\n---\n\nText.\n",
        "---\ndescription: Read.\n---\n---\nstray: [\n---\n",  # a block below read front matter
    ],
)
def test_front_matter_that_mkdocs_reads_and_rules_pass(source: str) -> None:
    from mkdocs.utils.meta import get_data

    from page_syntax import front_matter_problems
    from source_text import lines_above

    body, _ = get_data(source)
    assert front_matter_problems(body, "docs/x.md", lines_above(source, body)) == []


def test_keys_exported_by_reference_managers_pass_when_they_name_author_and_year():
    """A contributor's Zotero or BibDesk file keeps its keys: the convention is for keys a
    reader can tell apart, which `Lanham:2023aa` and `amodeiConcreteProblems2016` are; a key
    that names neither author nor year still gets a suggestion."""
    from check.bib_lint import bad_keys
    from citations.bibliography import parse_bibliography

    text = "\n".join(
        f"@misc{{{key},\n  author = {{{author}}},\n  title = {{{title}}},\n  year = {{{year}}},\n"
        "  url = {https://example.org}\n}\n"
        for key, author, title, year in [
            ("Lanham:2023aa", "Lanham, Tamera and Chen, Anna", "Measuring Faithfulness", 2023),
            ("amodeiConcreteProblems2016", "Amodei, Dario", "Concrete Problems in AI Safety", 2016),
            ("Schmidhuber:2010", 'J{\\"u}rgen Schmidhuber', "Formal Theory of Creativity", 2010),
            ("ref12", "Krakovna, Victoria", "Specification Gaming", 2020),
            ("amodei2015concrete", "Amodei, Dario", "Concrete Problems Again", 2016),
        ]
    )
    bibliography = parse_bibliography(text, "references.bib")
    assert not bibliography.diagnostics, bibliography.diagnostics
    problems = [problem.message for problem in bad_keys(bibliography.entries.values())]
    assert len(problems) == 2, problems
    assert problems[0].startswith("key 'ref12' does not follow the convention authorYEARword")
    assert "e.g. 'krakovna2020specification'" in problems[0]
    assert problems[1].startswith(
        "key 'amodei2015concrete' says 2015, but the entry's year is 2016"
    )
