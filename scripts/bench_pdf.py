"""Benchmark: our book PDF (scripts/book_pdf) against the mkdocs-to-pdf plugin, same site,
same machine, measured side by side.

    .venv/bin/python scripts/bench_pdf.py [--runs 3] [--m2p-venv /tmp/m2p-venv]

Prints e.g. `pdf: ours 5.9 s vs mkdocs-to-pdf 14.1 s (ratio 0.42, limit 0.5)` and exits 1 when
the ratio is over the limit. Times are CPU seconds (user + system) of the child processes, not
wall-clock: other work on a shared machine then barely moves the ratio. Ours is timed as a whole process (`python -m book_pdf` on the built
site, interpreter start and imports included) with an empty font cache every run, so it is the
cold, worst case. mkdocs-to-pdf's time is its `mkdocs build` minus a plain `mkdocs build` in the
same venv (it renders inside the build). mkdocs-to-pdf is never a project requirement: it lives
in its own venv, which this script creates from PyPI with pip when it is missing.

On a shared machine single rounds swing by 10-20% (other work slows both tools, not always
equally): each round prints its own ratio, and more --runs steady the medians.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["docs", "scripts", "overrides", "includes", "references.bib", "mkdocs.yml"]
SITE_PINS = ("mkdocs==", "mkdocs-material==", "pymdown-extensions==", "bibtexparser==", "pylatexenc==")
LIMIT = 0.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--m2p-venv", type=Path, default=Path(tempfile.gettempdir()) / "m2p-venv")
    parser.add_argument("--project", type=Path, default=ROOT, help="sources to build (default: this checkout)")
    parser.add_argument("--warm-font-cache", action="store_true",
                        help="keep book_pdf's font cache between runs (as repeated builds do)")
    args = parser.parse_args(argv)
    m2p = ensure_mkdocs_to_pdf(args.m2p_venv)
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp_name:
        tmp = Path(tmp_name)
        project = copy_project(args.project.resolve(), tmp / "project")
        site = tmp / "site"
        run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], project)
        ours, theirs, ours_wall, theirs_wall = [], [], [], []
        for round_ in range(args.runs):
            cache = tmp / ("font-cache" if args.warm_font_cache else f"font-cache-{round_}")
            ours.append(time_ours(site, tmp / f"ours-{round_}.pdf", cache))
            with_pdf = timed([str(m2p), "build", "-f", "mkdocs-m2p.yml", "--site-dir", str(tmp / "m2p-site")], project)
            plain = timed([str(m2p), "build", "--site-dir", str(tmp / "m2p-plain")], project)
            theirs.append(with_pdf - plain)
            ours_wall.append(WALL[-3])
            theirs_wall.append(WALL[-2] - WALL[-1])
            print(f"  round {round_ + 1}: ours {ours[-1]:.1f} s, mkdocs-to-pdf {with_pdf:.1f} - {plain:.1f} s "
                  f"(plain build) = {theirs[-1]:.1f} s, ratio {ours[-1] / theirs[-1]:.2f}")
    ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
    ratio = ours_s / theirs_s
    wall_ratio = statistics.median(ours_wall) / statistics.median(theirs_wall)
    print(f"  wall-clock medians: ours {statistics.median(ours_wall):.1f} s vs mkdocs-to-pdf "
          f"{statistics.median(theirs_wall):.1f} s (ratio {wall_ratio:.2f})")
    cache = "warm" if args.warm_font_cache else "cold"
    print(f"pdf: ours {ours_s:.1f} s vs mkdocs-to-pdf {theirs_s:.1f} s (ratio {ratio:.2f}, limit {LIMIT}; "
          f"CPU seconds, medians of {args.runs}, {cache} font cache)")
    return 0 if ratio <= LIMIT else 1


def ensure_mkdocs_to_pdf(venv: Path) -> Path:
    """The venv's mkdocs, with mkdocs-to-pdf and the site's own pins; created when missing."""
    mkdocs = venv / "bin" / "mkdocs"
    python = venv / "bin" / "python"
    if mkdocs.exists() and subprocess.run([str(python), "-c", "import mkdocs_to_pdf"],
                                          capture_output=True).returncode == 0:
        return mkdocs
    pins = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
            if line.strip().startswith(SITE_PINS)]
    print(f"bench: installing mkdocs-to-pdf into {venv} (pip, from PyPI) with {' '.join(pins)}")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *pins, "mkdocs-to-pdf"], check=True)
    except subprocess.CalledProcessError as error:
        sys.exit(f"bench: could not install mkdocs-to-pdf ({error}); do it by hand:\n"
                 f"  python3 -m venv {venv} && {python} -m pip install {' '.join(pins)} mkdocs-to-pdf")
    return mkdocs


def copy_project(source_root: Path, dest: Path) -> Path:
    """A throwaway copy of the sources, plus a config that adds the to-pdf plugin (the real
    tree is never written to)."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = source_root / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    if "\nplugins:\n" not in config:
        sys.exit("bench: mkdocs.yml has no top-level 'plugins:' list to add to-pdf to")
    plugin = "\nplugins:\n  - to-pdf:\n      output_path: alignment-explained-m2p.pdf\n"
    (dest / "mkdocs-m2p.yml").write_text(config.replace("\nplugins:\n", plugin, 1), encoding="utf-8")
    return dest


def time_ours(site: Path, out: Path, font_cache: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "BOOK_PDF_CACHE": str(font_cache)}
    return timed([sys.executable, "-m", "book_pdf", "--site-dir", str(site), "--out", str(out)], ROOT, env)


WALL: list[float] = []   # wall-clock seconds of every timed command, in order, for the report


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) the command's processes used; wall-clock goes to WALL."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run(command, cwd, env)
    WALL.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    env = {**(env or os.environ), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


if __name__ == "__main__":
    sys.exit(main())
