"""`make test` runs pytest on every core (`-n auto --dist loadgroup`) with all the Chromium tests
in one xdist group, so that one worker runs them one after the other while the others take the
rest: two Chromiums at once on two cores made timing-sensitive browser tests fail. These tests
check both halves of that: conftest.py puts every browser test in the group, and
the pinned pytest and pytest-xdist really keep a group on one worker (pytest 9.2.0 silently
breaks it: pytest-dev/pytest-xdist#1386, hence pytest 9.1.1 in requirements.txt)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import conftest

GROUPED = """\
import pytest

pytestmark = pytest.mark.xdist_group("chromium")


@pytest.mark.parametrize("i", range(6))
def test_grouped(i):
    pass
"""

LOOSE = """\
import pytest


@pytest.mark.parametrize("i", range(12))
def test_loose(i):
    pass
"""


def test_a_group_stays_on_one_worker_with_the_pinned_pytest_and_xdist(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_grouped_a.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "test_grouped_b.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "test_loose.py").write_text(LOOSE, encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "2",
            "--dist",
            "loadgroup",
            "-v",
            "-p",
            "no:cacheprovider",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    workers = {
        match["worker"]
        for match in re.finditer(
            r"\[(?P<worker>gw\d+)\][^\n]*PASSED test_grouped_\w\.py::", run.stdout
        )
    }
    passed = len(re.findall(r"PASSED test_grouped_\w\.py::", run.stdout))
    assert passed == 12, run.stdout
    assert len(workers) == 1, (
        f"the 12 tests of one xdist group ran on {sorted(workers)}: this pytest and pytest-xdist "
        "do not keep a group together (pytest-dev/pytest-xdist#1386, pytest >= 9.2 with xdist "
        "3.8), so `make test` would run two Chromiums at once; keep pytest at 9.1.1 or move to an "
        "xdist release that fixes it\n" + run.stdout
    )


class _Item:
    """Just what conftest's collection hook reads and writes on a pytest item."""

    def __init__(self, *marks: str, fixtures: tuple[str, ...] = ()) -> None:
        self.fixturenames = fixtures
        self.marks = [getattr(pytest.mark, name) for name in marks]

    def get_closest_marker(self, name: str):
        return next((mark for mark in self.marks if mark.name == name), None)

    def add_marker(self, mark) -> None:
        self.marks.append(mark)


@pytest.mark.parametrize(
    ("marks", "grouped"),
    [(("browser",), True), (("live_preview",), False), (("pdf",), False), ((), False)],
)
def test_every_chromium_test_joins_the_one_group(marks: tuple[str, ...], grouped: bool) -> None:
    item = _Item(*marks)
    conftest.pytest_collection_modifyitems([item])  # type: ignore[list-item]
    group = item.get_closest_marker("xdist_group")
    assert (group is not None and group.args == ("chromium",)) is grouped
