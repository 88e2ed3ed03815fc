"""`mkdocs serve` (the README's live preview) really rebuilds when a chapter, references.bib or a
template under overrides/ changes, and says what is wrong every time a broken references.bib is
saved: a copy of the project is served on a free port, edited, and fetched again."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.live_preview

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "references.bib", "docs", "overrides", "scripts"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, predicate, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = _fetch(url)
            if predicate(last):
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show the change within {timeout} s")


@pytest.fixture
def served(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    port = _free_port()
    # As `make serve` does: the preview at the server's root, not under site_url's path.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield project, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_editing_a_chapter_and_the_bibliography_rebuilds(served):
    project, url = served
    page = f"{url}/rlhf.html"
    before = _wait_for(page, lambda html: "Christiano et al., 2017" in html)

    chapter = project / "docs" / "rlhf.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8") + "\n\nA freshly added sentence.\n", encoding="utf-8"
    )
    _wait_for(page, lambda html: "A freshly added sentence." in html)

    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8")
    start = text.index("@inproceedings{christiano2017deep")
    year_at = text.index("year", start)
    line_end = text.index("\n", year_at)
    bib.write_text(text[:year_at] + "year = {2031}," + text[line_end:], encoding="utf-8")
    after = _wait_for(page, lambda html: "Christiano et al., 2031" in html)
    assert "Christiano et al., 2017" in before and "Christiano et al., 2017" not in after


def test_editing_a_template_under_overrides_rebuilds(served):
    project, url = served
    page = f"{url}/rlhf.html"
    _wait_for(page, lambda html: "citation__link" in html)
    main = project / "overrides" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8").replace(
            "{{ super() }}", '{{ super() }}\n  <meta name="x-live-edit" content="1">', 1
        ),
        encoding="utf-8",
    )
    _wait_for(page, lambda html: 'name="x-live-edit"' in html)
    citation = project / "overrides" / "partials" / "citations" / "citation.html"
    citation.write_text(
        citation.read_text(encoding="utf-8").replace(
            '<span class="citation">', '<span class="citation" data-edited>', 1
        ),
        encoding="utf-8",
    )
    _wait_for(page, lambda html: '<span class="citation" data-edited>' in html)


def _log_count(project: Path, text: str) -> int:
    return (project.parent / "serve.log").read_text(encoding="utf-8").count(text)


def _wait_for_log(project: Path, text: str, count: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _log_count(project, text) >= count:
            return
        time.sleep(0.5)
    raise AssertionError(f"the serve log did not show {text!r} {count} times within {timeout} s")


def test_every_broken_save_of_the_bibliography_says_what_is_wrong(served):
    project, url = served
    _wait_for(f"{url}/rlhf.html", lambda html: "citation__link" in html)
    bib = project / "references.bib"
    good = bib.read_text(encoding="utf-8")
    broken = good + "\n@misc{broken,\n  title = {unclosed\n"
    line = broken.count("\n", 0, broken.index("@misc{broken")) + 1
    message = f"references.bib:{line}: cannot parse entry 'broken'"
    for save in (1, 2, 3):
        bib.write_text(broken, encoding="utf-8")
        _wait_for_log(project, "Aborted with a BuildError!", save)
        time.sleep(1)  # the located message is logged just before the abort line
        assert _log_count(project, message) == save, (project.parent / "serve.log").read_text(
            encoding="utf-8"
        )
    bib.write_text(good, encoding="utf-8")
    _wait_for_log(project, "Documentation built in", 2)
