"""Build everything a reader gets: the site (strict), then the artefacts made from it.

Run as `python scripts/build.py [--site-dir DIR]`; `make site` calls it.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir: Path) -> None:
    """Strict MkDocs build; any warning or hook error stops here with mkdocs' own message."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(mkdocs, cwd=ROOT, env=env)
    if result.returncode:
        raise SystemExit(result.returncode)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    build_site(args.site_dir.resolve())


if __name__ == "__main__":
    main()
