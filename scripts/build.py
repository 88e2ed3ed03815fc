"""Build everything a reader gets: the site (strict), then the artefacts made from it.

Run as `python scripts/build.py [--site-dir DIR] [--paper a4|letter]`; `make site` calls it.
After the site: the book PDF (site/alignment-explained.pdf), then the offline zip of the site
(site/alignment-explained-offline.zip, which holds the PDF) -- see scripts/book_pdf.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from book_pdf import BookError, build_book, build_offline_zip
from one_shot import exit_without_teardown

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir: Path) -> None:
    """Strict MkDocs build; any warning or hook error stops here with mkdocs' own message."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(mkdocs, cwd=ROOT, env=env, check=False)
    if result.returncode:
        raise SystemExit(result.returncode)


def build_offline_editions(site_dir: Path, paper: str = "a4") -> None:
    """The book PDF, then the zip (in that order, so the zip carries the PDF)."""
    try:
        pdf = build_book(site_dir, paper=paper)
    except BookError as error:
        print(f"build: the PDF was not made ({len(error.problems)} problem(s)):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        raise SystemExit(1) from None
    archive = build_offline_zip(site_dir)
    print(f"build: wrote {pdf.relative_to(site_dir)} and {archive.relative_to(site_dir)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--paper", choices=["a4", "letter"], default="a4", help="PDF paper size")
    args = parser.parse_args(argv)
    site_dir = args.site_dir.resolve()
    build_site(site_dir)
    build_offline_editions(site_dir, args.paper)


if __name__ == "__main__":
    exit_without_teardown(main)
