"""Build the site at two git revisions and list every file that differs: a refactor's proof
that readers get the same bytes.

    .venv/bin/python scripts/compare_builds.py START [HEAD]

Each revision is checked out into a shared clone in a temporary folder (full history, so
"Last updated" comes from git as in a real build; a cold cache, as on a clean clone) and built
strictly with this checkout's Python. Only the book PDF and the offline zip are left out
(`scripts/build.py` makes them from this site; the PDF carries its creation time).

Nothing is ignored: a file is identical byte for byte or it is listed. The build's date is one
of its inputs (MkDocs writes it into sitemap.xml as every page's `lastmod`, and a page without
git history, the generated Further reading, says "Built 5 December 2026"), so a revision's
build is kept under `.cache/compare_builds/<commit>-<UTC date>/` and reused on that day only:
comparing each new commit with the same start builds the start once a day. (Two builds of one
commit on one day were compared when this was written: nothing else varies.)
Exit status 0 when the two sites are identical, 1 when they differ.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "compare_builds"


@dataclass(frozen=True)
class Difference:
    """One path (relative to the site folder) and how it differs."""

    path: str
    how: str  # "differs", "only in <revision>"

    def __str__(self) -> str:
        return f"{self.path}: {self.how}"


def commit_of(revision: str, repo: Path = ROOT) -> str:
    """The full commit id of `revision` (a branch, tag or abbreviated id)."""
    result = subprocess.run(
        ["git", "rev-parse", "--verify", f"{revision}^{{commit}}"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(
            f"compare_builds: '{revision}' is not a commit of {repo}: {result.stderr.strip()}"
        )
    return result.stdout.strip()


def build_revision(commit: str, *, repo: Path = ROOT, cache: Path = CACHE) -> Path:
    """The site built from `commit` (from the cache when it was built before today)."""
    folder = cache / f"{commit}-{datetime.now(UTC).date().isoformat()}"
    site = folder / "site"
    if (folder / "complete").exists():
        return site
    shutil.rmtree(folder, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as tmp:
        checkout = Path(tmp) / "checkout"
        _git(["clone", "--quiet", "--shared", "--no-checkout", str(repo), str(checkout)], repo)
        _git(["checkout", "--quiet", "--detach", commit], checkout)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--site-dir",
            str(site),
        ]
        result = subprocess.run(command, cwd=checkout, env=env, check=False)
        if result.returncode:
            raise SystemExit(
                f"compare_builds: the site at {commit[:12]} does not build "
                f"(exit {result.returncode}; its log is above)"
            )
    (folder / "complete").touch()
    return site


def differences(
    first: Path, second: Path, names: tuple[str, str] = ("first", "second")
) -> list[Difference]:
    """Every file under one folder that is missing from the other or has other bytes."""
    found: list[Difference] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(
            Difference(prefix + name, f"only in {names[0]}") for name in comparison.left_only
        )
        found.extend(
            Difference(prefix + name, f"only in {names[1]}") for name in comparison.right_only
        )
        found.extend(
            Difference(prefix + name, "differs")
            for name in comparison.common_files
            if not filecmp.cmp(first / prefix / name, second / prefix / name, shallow=False)
        )
        found.extend(
            Difference(prefix + name, "not comparable (a file in one, a folder in the other)")
            for name in comparison.common_funny
        )
        for name, sub in sorted(comparison.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(first, second, ignore=[]), "")
    return sorted(found, key=lambda d: d.path)


def _git(arguments: list[str], cwd: Path) -> None:
    subprocess.run(["git", *arguments], cwd=cwd, check=True)


def main(argv: list[str] | None = None, *, repo: Path = ROOT, cache: Path = CACHE) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("start", help="the revision to compare with (a commit, branch or tag)")
    parser.add_argument(
        "head", nargs="?", default="HEAD", help="the revision to check (default HEAD)"
    )
    args = parser.parse_args(argv)
    start, head = commit_of(args.start, repo), commit_of(args.head, repo)
    first, second = (
        build_revision(start, repo=repo, cache=cache),
        build_revision(head, repo=repo, cache=cache),
    )
    found = differences(first, second, names=(args.start, args.head))
    files = sum(1 for path in first.rglob("*") if path.is_file())
    for difference in found:
        print(difference)
    verdict = "identical" if not found else f"{len(found)} path(s) differ"
    print(
        f"compare_builds: {args.start} ({start[:12]}) vs {args.head} ({head[:12]}): "
        f"{files} files, {verdict}"
    )
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
