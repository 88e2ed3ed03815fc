"""Benchmark: what four typical pages cost a reader, and Lighthouse's scores for them.

    .venv/bin/python scripts/bench_pages.py [--runs 3] [--site-dir DIR]

Builds the site (unless --site-dir names a built one), serves it over loopback with a server
that compresses like a real host (scripts/compressing_server.py: brotli or gzip for text, fonts
and images as they are), and runs the npm `lighthouse` package (pinned in tools/lighthouse/,
installed there by `scripts/setup.sh --bench`) with Debian's Chromium on Home, a chapter, a demo
page and Further reading, desktop and mobile presets. It prints, side by side:

- the first view's requests and bytes by type (HTML, CSS, JS, fonts, images, other), as
  compressed on the wire and as decoded, from Lighthouse's own network record;
- the scores (performance, accessibility, best practices, SEO; median of --runs) and the
  cumulative layout shift, with the audits that kept a category under 100.

Exits 1 when a target is missed: performance >= 98 desktop and >= 90 mobile, accessibility,
best practices and SEO 100, layout shift < 0.02, a chapter's first view <= 250 KB compressed.
Scores come from Lighthouse's simulated throttling, so a loaded machine lowers them a little.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from compressing_server import serving

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
PAGES = {"Home": "index.html", "chapter": "rlhf.html", "demo": "demos/boat-race.html",
         "Further reading": "further-reading.html"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"first-contentful-paint": "FCP ms", "largest-contentful-paint": "LCP ms",
           "total-blocking-time": "TBT ms", "speed-index": "SI ms"}
TYPES = {"Document": "HTML", "Stylesheet": "CSS", "Script": "JS", "Font": "fonts", "Image": "images"}
TYPE_ORDER = ["HTML", "CSS", "JS", "fonts", "images", "other"]
PERFORMANCE_TARGET = {"desktop": 98, "mobile": 90}
CLS_LIMIT = 0.02
CHAPTER_KB_LIMIT = 250


@dataclass
class Run:
    """One Lighthouse run of one page in one form factor."""

    scores: dict[str, int]
    cls: float
    metrics: dict[str, float]
    requests: int
    wire: dict[str, int]      # compressed bytes by type
    decoded: dict[str, int]   # decoded bytes by type
    failing: dict[str, list[str]] = field(default_factory=dict)


def lighthouse(url: str, form_factor: str, out: Path) -> Run:
    """Run the pinned Lighthouse CLI once and read its JSON report."""
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode or not out.is_file():
        raise SystemExit(f"bench_pages: lighthouse failed on {url} ({form_factor}):\n{result.stderr[-2000:]}")
    return read_report(json.loads(out.read_text(encoding="utf-8")))


def read_report(report: dict) -> Run:
    """Scores, layout shift and the network record of one Lighthouse JSON report."""
    categories = report["categories"]
    audits = report["audits"]
    scores = {name: round(100 * (categories[name]["score"] or 0)) for name in CATEGORIES}
    failing = {}
    for name in CATEGORIES[1:]:
        refs = categories[name]["auditRefs"]
        failing[name] = [ref["id"] for ref in refs if ref["weight"] > 0
                         and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1]
    wire: dict[str, int] = defaultdict(int)
    decoded: dict[str, int] = defaultdict(int)
    items = audits["network-requests"]["details"]["items"]
    for item in items:
        kind = TYPES.get(item.get("resourceType", ""), "other")
        wire[kind] += item.get("transferSize") or 0
        decoded[kind] += item.get("resourceSize") or 0
    metrics = {name: audits[name]["numericValue"] for name in METRICS}
    return Run(scores, audits["cumulative-layout-shift"]["numericValue"], metrics, len(items),
               dict(wire), dict(decoded), failing)


def kb(n: float) -> str:
    return f"{n / 1000:.1f}"


def report(results: dict[tuple[str, str], list[Run]]) -> list[str]:
    """Print the side-by-side tables; return the targets missed."""
    missed: list[str] = []
    names = list(PAGES)
    width = 17
    print("\nfirst view (desktop), KB compressed on the wire / decoded:")
    print("  " + "".ljust(9) + "".join(n.rjust(width) for n in names))
    first = {name: results[(name, "desktop")][0] for name in names}
    print("  " + "requests".ljust(9) + "".join(str(first[n].requests).rjust(width) for n in names))
    for kind in [*TYPE_ORDER, "total"]:
        cells = []
        for n in names:
            run = first[n]
            wire = sum(run.wire.values()) if kind == "total" else run.wire.get(kind, 0)
            dec = sum(run.decoded.values()) if kind == "total" else run.decoded.get(kind, 0)
            cells.append(f"{kb(wire)} / {kb(dec)}".rjust(width))
        print("  " + kind.ljust(9) + "".join(cells))
    chapter_kb = sum(first["chapter"].wire.values()) / 1000
    if chapter_kb > CHAPTER_KB_LIMIT:
        missed.append(f"chapter first view {chapter_kb:.0f} KB > {CHAPTER_KB_LIMIT} KB")
    for form in ("desktop", "mobile"):
        runs_of = {n: results[(n, form)] for n in names}
        print(f"\nlighthouse {form} (median of {len(runs_of[names[0]])}):")
        print("  " + "".ljust(15) + "".join(n.rjust(width) for n in names))
        for category in CATEGORIES:
            values = {n: statistics.median(r.scores[category] for r in runs_of[n]) for n in names}
            print("  " + category.ljust(15) + "".join(f"{values[n]:.0f}".rjust(width) for n in names))
            target = PERFORMANCE_TARGET[form] if category == "performance" else 100
            missed += [f"{n} {form} {category} {values[n]:.0f} < {target}" for n in names if values[n] < target]
        for metric, label in METRICS.items():
            values = {n: statistics.median(r.metrics[metric] for r in runs_of[n]) for n in names}
            print("  " + label.ljust(15) + "".join(f"{values[n]:.0f}".rjust(width) for n in names))
        cls = {n: statistics.median(r.cls for r in runs_of[n]) for n in names}
        print("  " + "layout shift".ljust(15) + "".join(f"{cls[n]:.3f}".rjust(width) for n in names))
        missed += [f"{n} {form} layout shift {cls[n]:.3f}" for n in names if cls[n] >= CLS_LIMIT]
        for n in names:
            for category, audits in runs_of[n][0].failing.items():
                if audits:
                    print(f"  {n}, {category} under 100 by: {', '.join(audits)}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and form factor")
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build one)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        raise SystemExit("bench_pages: Lighthouse is not installed; run `scripts/setup.sh --bench` (make bench does)")
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp_name:
        tmp = Path(tmp_name)
        site = args.site_dir
        if site is None:
            site = tmp / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                           cwd=ROOT, env=env, check=True)
        print(f"bench: {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} at the start: Lighthouse's "
              f"simulated timings grow with other work on the machine), Chromium {CHROMIUM}, lighthouse 12.2.3, "
              f"{args.runs} run(s) per page and form factor, pages in turn within each run")
        results: dict[tuple[str, str], list[Run]] = defaultdict(list)
        with serving(site) as base:
            for _ in range(args.runs):
                for form in ("desktop", "mobile"):
                    for name, path in PAGES.items():
                        results[(name, form)].append(lighthouse(f"{base}/{path}", form, tmp / "report.json"))
        missed = report(results)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    if missed:
        print("pages: targets missed: " + "; ".join(missed))
        return 1
    print("pages: every target met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
