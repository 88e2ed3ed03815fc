"""scripts/compare_builds.py: it finds every differing file, and builds real revisions."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from compare_builds import Difference, differences, main


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def test_identical_trees_have_no_difference(tmp_path: Path) -> None:
    files = {"index.html": b"<p>x</p>", "a/b/c.js": b"1", "sitemap.xml": b"<urlset/>"}
    assert differences(_tree(tmp_path / "one", files), _tree(tmp_path / "two", files)) == []


def test_every_kind_of_difference_is_listed_with_its_path(tmp_path: Path) -> None:
    one = _tree(
        tmp_path / "one",
        {
            "same.html": b"x",
            "a/b/changed.css": b"body{}",
            "gone.html": b"y",
            "a/same-size.txt": b"abc",
            "clash": b"file",
        },
    )
    two = _tree(
        tmp_path / "two",
        {
            "same.html": b"x",
            "a/b/changed.css": b"body{ }",
            "new/page.html": b"z",
            "a/same-size.txt": b"abd",
            "clash/inside": b"folder",
        },
    )
    assert differences(one, two, names=("start", "head")) == [
        Difference("a/b/changed.css", "differs"),
        # same size and (likely) same mtime: bytes compared
        Difference("a/same-size.txt", "differs"),
        Difference("clash", "not comparable (a file in one, a folder in the other)"),
        Difference("gone.html", "only in start"),
        Difference("new", "only in head"),
    ]


def _git(repo: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def test_two_revisions_of_a_real_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A minimal MkDocs project in git: a commit that changes only the source's whitespace in a
    way Markdown ignores builds the same site; one that changes a word does not."""
    # MkDocs' own theme writes the build time into every page unless this is set (Material,
    # the site's theme, does not write it at all).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    repo = _tree(
        tmp_path / "repo",
        {
            "mkdocs.yml": b"site_name: T\nuse_directory_urls: false\nplugins: []\n",
            "docs/index.md": b"# Home\n\nSome words.\n",
        },
    )
    _git(repo, "init", "--quiet")
    _git(repo, "add", ".")
    _git(repo, "commit", "--quiet", "-m", "start")
    start = _git(repo, "rev-parse", "HEAD")
    (repo / "docs/index.md").write_text("# Home\n\nSome words.\n\n\n")
    _git(repo, "commit", "--quiet", "-am", "blank lines")
    same = _git(repo, "rev-parse", "HEAD")
    (repo / "docs/index.md").write_text("# Home\n\nOther words.\n")
    _git(repo, "commit", "--quiet", "-am", "a word")
    cache = tmp_path / "cache"

    assert main([start, same], repo=repo, cache=cache) == 0
    assert "identical" in capsys.readouterr().out
    assert main([start, "HEAD"], repo=repo, cache=cache) == 1
    out = capsys.readouterr().out
    assert "index.html: differs" in out.splitlines()
    assert out.endswith("1 path(s) differ\n")
    assert [path.name for path in cache.glob(f"{start}-*/complete")] == [
        "complete"
    ]  # the start is built once
