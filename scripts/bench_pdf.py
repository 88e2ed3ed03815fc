"""Benchmark: our book PDF (scripts/book_pdf) against the mkdocs-to-pdf plugin, same site,
same machine, measured side by side.

    .venv/bin/python scripts/bench_pdf.py [--runs 5] [--m2p-venv /tmp/m2p-venv] [--trades]

Prints e.g. `pdf: ours 7.1 s vs mkdocs-to-pdf 16.0 s (ratio 0.44, limit 0.5)` and exits 1 when
the ratio is over the limit. Times are CPU seconds (user + system) of each process (from its
own rusage), not wall-clock. Ours is timed as a whole process (`python -m book_pdf` on the
built site, interpreter start and imports included) with an empty font cache every run, so it
is the cold, worst case. mkdocs-to-pdf's time is its `mkdocs build` minus a plain `mkdocs
build` in the same venv (it renders inside the build). mkdocs-to-pdf is never a project
requirement: it lives in its own venv, which this script creates from PyPI with pip when it is
missing.

A shared machine slows everything by 10-40% for seconds at a time, so timings made one after
the other can catch one tool in a slow spell and the other not. With two or more cores each
round therefore runs the two side by side, at the same time: ours twice and the plain build on
one core while mkdocs-to-pdf builds once on the other (about the same length), so both live
through the same spells. Each round prints its own ratio; the verdict is their median.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["docs", "scripts", "overrides", "includes", "references.bib", "mkdocs.yml"]
LIMIT = 0.6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--m2p-venv", type=Path, default=Path(tempfile.gettempdir()) / "m2p-venv")
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="sources to build (default: this checkout)"
    )
    parser.add_argument(
        "--warm-font-cache",
        action="store_true",
        help="keep book_pdf's font cache between runs (as repeated builds do)",
    )
    parser.add_argument(
        "--trades",
        action="store_true",
        help="then measure what each costly layout choice of the book costs (TRADES)",
    )
    args = parser.parse_args(argv)
    m2p = ensure_mkdocs_to_pdf(args.m2p_venv)
    together = (os.cpu_count() or 1) >= 2
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp_name:
        tmp = Path(tmp_name)
        # Two copies, so that builds running at the same time never share the hook's caches;
        # both are built once first, so every timed build starts from the same warm caches.
        project = copy_project(args.project.resolve(), tmp / "project")
        project_pdf = copy_project(args.project.resolve(), tmp / "project-pdf")
        site = tmp / "site"
        run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], project)
        run([str(m2p), "build", "--site-dir", str(tmp / "m2p-warm-up")], project_pdf)
        print(
            f"bench: {os.cpu_count()} cores; each round runs the two tools "
            + (
                "at the same time (ours twice, beside mkdocs-to-pdf once)"
                if together
                else "one after the other"
            )
        )
        bench = Bench(m2p, site, project, project_pdf, tmp, args.warm_font_cache)
        rounds: list[Round] = []
        for index in range(args.runs):
            rounds.append(bench.round(together))
            print(
                f"  round {index + 1}: ours {rounds[-1].ours.cpu:.1f} s, mkdocs-to-pdf "
                f"{rounds[-1].with_pdf.cpu:.1f} - {rounds[-1].plain.cpu:.1f} s (plain build) = "
                f"{rounds[-1].theirs.cpu:.1f} s, ratio {rounds[-1].ratio:.2f}"
            )
        ours_s = statistics.median(r.ours.cpu for r in rounds)
        theirs_s = statistics.median(r.theirs.cpu for r in rounds)
        if args.trades:
            measure_trades(bench, ours_s, theirs_s, max(2, args.runs))
    ratio = statistics.median(r.ratio for r in rounds)
    wall_ratio = statistics.median(r.ours.wall / r.theirs.wall for r in rounds)
    print(f"  wall-clock: median ratio {wall_ratio:.2f}")
    cache = "warm" if args.warm_font_cache else "cold"
    print(
        f"pdf: ours {ours_s:.1f} s vs mkdocs-to-pdf {theirs_s:.1f} s (ratio {ratio:.2f}, limit {LIMIT}; "
        f"CPU seconds, median of {args.runs} rounds' ratios, {cache} font cache)"
    )
    return 0 if ratio <= LIMIT else 1


# The book's layout choices that cost build time, each with what giving it up looks like: a
# stylesheet of one's own after book.css, or book_pdf's own switches (python -m book_pdf -h).
TRADES: dict[str, tuple[str, list[str]]] = {
    "justified text": ("html { text-align: left; }", []),
    "hyphenation": ("html { hyphens: manual; }", []),
    "running heads": ("@page { @top-left { content: none; border: none; } }", []),
    "tagged PDF (accessibility)": ("", ["--untagged"]),
    "compressed streams (file size)": ("", ["--uncompressed"]),
}


def measure_trades(bench: Bench, ours_s: float, theirs_s: float, pairs: int) -> None:
    """For each trade, and for all of them at once: the book with and without it, in
    alternation (the same machine state for both), its cost as the median difference, and the
    ratio the rounds above would have had without it."""
    print(f"trades: what each layout choice costs (median of {pairs} pairs, CPU seconds)")
    everything: tuple[str, list[str]] = (
        "\n".join(css for css, _ in TRADES.values() if css),
        [flag for _, flags in TRADES.values() for flag in flags],
    )
    for name, (css, flags) in [*TRADES.items(), ("all of the above", everything)]:
        sheet = bench.tmp / "trade.css"
        sheet.write_text(css, encoding="utf-8")
        extra = [*(["--stylesheet", str(sheet)] if css else []), *flags]
        costs = []
        for _ in range(pairs):
            with_it = time_ours(bench.site, bench.tmp / "ours.pdf", bench.fresh_font_cache())
            without = time_ours(
                bench.site, bench.tmp / "trade.pdf", bench.fresh_font_cache(), extra
            )
            costs.append(with_it.cpu - without.cpu)
        cost = statistics.median(costs)
        print(
            f"  {name}: {cost:+.2f} s; without it, ratio {(ours_s - cost) / theirs_s:.2f}"
            f" (pairs: {', '.join(f'{c:+.2f}' for c in costs)})"
        )


@dataclass(frozen=True)
class Bench:
    """Where one benchmark's tools, sites and caches are."""

    m2p: Path  # mkdocs, in the venv that has mkdocs-to-pdf
    site: Path  # our built site, which the book is made from
    project: Path  # sources for our timing's companion, the plain build
    project_pdf: Path  # a second copy for the build with mkdocs-to-pdf
    tmp: Path
    warm_font_cache: bool

    def round(self, together: bool) -> Round:
        """One round: with `together`, ours (twice) and the plain build in one thread while
        mkdocs-to-pdf builds in another, so the two tools run at the same time."""
        if not together:
            return Round(*self.ours_then_plain(), self.with_pdf())
        with ThreadPoolExecutor(max_workers=2) as pool:
            mine, theirs = pool.submit(self.ours_then_plain), pool.submit(self.with_pdf)
            return Round(*mine.result(), theirs.result())

    def ours_then_plain(self) -> tuple[list[Timing], Timing]:
        first = time_ours(self.site, self.tmp / "ours.pdf", self.fresh_font_cache())
        plain = timed(
            [str(self.m2p), "build", "--site-dir", str(self.tmp / "m2p-plain")], self.project
        )
        second = time_ours(self.site, self.tmp / "ours.pdf", self.fresh_font_cache())
        return [first, second], plain

    def with_pdf(self) -> Timing:
        return timed(
            [
                str(self.m2p),
                "build",
                "-f",
                "mkdocs-m2p.yml",
                "--site-dir",
                str(self.tmp / "m2p-site"),
            ],
            self.project_pdf,
        )

    def fresh_font_cache(self) -> Path:
        """An empty font cache (or the shared one, with --warm-font-cache)."""
        if self.warm_font_cache:
            return self.tmp / "font-cache"
        return Path(tempfile.mkdtemp(prefix="font-cache-", dir=self.tmp))


@dataclass(frozen=True)
class Timing:
    cpu: float  # user + system seconds of the process and the children it waited for
    wall: float


@dataclass(frozen=True)
class Round:
    ours_runs: list[Timing]
    plain: Timing
    with_pdf: Timing

    @property
    def ours(self) -> Timing:
        return Timing(
            statistics.mean(t.cpu for t in self.ours_runs),
            statistics.mean(t.wall for t in self.ours_runs),
        )

    @property
    def theirs(self) -> Timing:
        """mkdocs-to-pdf renders inside the build: its time is the build minus a plain build."""
        return Timing(self.with_pdf.cpu - self.plain.cpu, self.with_pdf.wall - self.plain.wall)

    @property
    def ratio(self) -> float:
        return self.ours.cpu / self.theirs.cpu


def ensure_mkdocs_to_pdf(venv: Path) -> Path:
    """The venv's mkdocs, with mkdocs-to-pdf and the project's pins; created, or brought up to
    date when the pins change."""
    mkdocs = venv / "bin" / "mkdocs"
    python = venv / "bin" / "python"
    pins = site_pins()
    stamp = venv / ".site-pins"
    if (
        mkdocs.exists()
        and stamp.is_file()
        and stamp.read_text() == "\n".join(pins)
        and subprocess.run(
            [str(python), "-c", "import mkdocs_to_pdf"], capture_output=True, check=False
        ).returncode
        == 0
    ):
        return mkdocs
    print(f"bench: installing mkdocs-to-pdf into {venv} (pip, from PyPI) with the site's pins")
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *pins, "mkdocs-to-pdf"], check=True
        )
    except subprocess.CalledProcessError as error:
        sys.exit(
            f"bench: could not install mkdocs-to-pdf ({error}); do it by hand:\n"
            f"  python3 -m venv {venv} && {python} -m pip install {' '.join(pins)} mkdocs-to-pdf"
        )
    stamp.write_text("\n".join(pins))
    return mkdocs


def site_pins() -> list[str]:
    """Every pin of requirements.txt (the site's plugins and WeasyPrint 70 included, so that
    both tools render with the same WeasyPrint)."""
    return [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


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
    (dest / "mkdocs-m2p.yml").write_text(
        config.replace("\nplugins:\n", plugin, 1), encoding="utf-8"
    )
    return dest


def time_ours(site: Path, out: Path, font_cache: Path, extra: list[str] | None = None) -> Timing:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "BOOK_PDF_CACHE": str(font_cache)}
    command = [sys.executable, "-m", "book_pdf", "--site-dir", str(site), "--out", str(out)]
    return timed([*command, *(extra or [])], ROOT, env)


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Timing:
    """CPU seconds of this one command (its own rusage from wait4, so that two commands running
    at the same time are told apart), and its wall-clock seconds."""
    env = {**(env or os.environ), "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if process.returncode:
            log.seek(0)
            sys.exit(
                f"bench: {' '.join(command)} failed:\n{log.read()[-4000:].decode(errors='replace')}"
            )
    return Timing(usage.ru_utime + usage.ru_stime, wall)


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    env = {**(env or os.environ), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        sys.exit(
            f"bench: {' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )


if __name__ == "__main__":
    sys.exit(main())
