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
