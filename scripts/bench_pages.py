"""Benchmark: what four typical pages cost a reader, and Lighthouse's scores for them.

    .venv/bin/python scripts/bench_pages.py [--runs 3] [--site-dir DIR] [--against DIR]
        [--forms mobile] [--pages Home,chapter]

Builds the site (unless --site-dir names a built one), serves it over loopback with a server
that compresses like a real host (scripts/compressing_server.py: brotli or gzip for text, fonts
and images as they are), and runs the npm `lighthouse` package (pinned in tools/lighthouse/,
installed there by `scripts/setup.sh --bench`) with Debian's Chromium on Home, a chapter, a demo
page and Further reading, desktop and mobile presets. It prints, side by side:

- the first view's requests and bytes by type (HTML, CSS, JS, fonts, images, other), as
  compressed on the wire and as decoded, from Lighthouse's own network record;
- the scores (performance, accessibility, best practices, SEO; median of --runs, with the
  lowest and highest performance score) and the cumulative layout shift, with the audits that
  kept a category under 100, and the first paint Chromium itself observed (see below).

`--against DIR` measures a second built site (say, a build of main) in the same loop, page by
page and run by run, and prints its tables too: a before/after comparison on a shared, busy
machine means something only when both sides ran side by side.

Lighthouse's simulated (Lantern) FCP and LCP count every request that finished, and every script
that ran, before the first paint Chromium observed. With Lighthouse 12.2.3's default flags
(RenderDocument disabled) Debian's Chromium 156 often holds that first paint for one to two
seconds after the page has loaded, so a page's whole first view (search index included) lands in
its simulated LCP in some runs and not in others: the "observed first paint" row shows which.

Exits 1 when a target is missed: performance >= 98 desktop and >= 90 mobile, accessibility,
best practices and SEO 100, layout shift < 0.02, a chapter's first view <= 250 KB compressed.
Scores come from Lighthouse's simulated throttling, so a loaded machine lowers them a little.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from chromium import CHROMIUM
from compressing_server import serving

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "Home": "index.html",
    "chapter": "rlhf.html",
    "demo": "demos/boat-race.html",
    "Further reading": "further-reading.html",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "first-contentful-paint": "FCP ms",
    "largest-contentful-paint": "LCP ms",
    "total-blocking-time": "TBT ms",
    "speed-index": "SI ms",
}
TYPES = {
    "Document": "HTML",
    "Stylesheet": "CSS",
    "Script": "JS",
    "Font": "fonts",
    "Image": "images",
}
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
    observed_paint: float  # the first paint Chromium observed, ms after navigation start
    requests: int
    wire: dict[str, int]  # compressed bytes by type
    decoded: dict[str, int]  # decoded bytes by type
    failing: dict[str, list[str]] = field(default_factory=dict)


def lighthouse(url: str, form_factor: str, out: Path) -> Run:
    """Run the pinned Lighthouse CLI once and read its JSON report."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, check=False, env=env, capture_output=True, text=True)
    if result.returncode or not out.is_file():
        raise SystemExit(
            f"bench_pages: lighthouse failed on {url} ({form_factor}):\n{result.stderr[-2000:]}"
        )
    return read_report(json.loads(out.read_text(encoding="utf-8")))


def read_report(report: dict) -> Run:
    """Scores, layout shift and the network record of one Lighthouse JSON report."""
    categories = report["categories"]
    audits = report["audits"]
    scores = {name: round(100 * (categories[name]["score"] or 0)) for name in CATEGORIES}
    failing = {}
    for name in CATEGORIES[1:]:
        refs = categories[name]["auditRefs"]
        failing[name] = [
            ref["id"]
            for ref in refs
            if ref["weight"] > 0
            and audits[ref["id"]].get("score") is not None
            and audits[ref["id"]]["score"] < 1
        ]
    wire: dict[str, int] = defaultdict(int)
    decoded: dict[str, int] = defaultdict(int)
    items = audits["network-requests"]["details"]["items"]
    for item in items:
        kind = TYPES.get(item.get("resourceType", ""), "other")
        wire[kind] += item.get("transferSize") or 0
        decoded[kind] += item.get("resourceSize") or 0
    metrics = {name: audits[name]["numericValue"] for name in METRICS}
    observed = audits["metrics"]["details"]["items"][0].get("observedFirstPaint") or 0.0
    return Run(
        scores,
        audits["cumulative-layout-shift"]["numericValue"],
        metrics,
        observed,
        len(items),
        dict(wire),
        dict(decoded),
        failing,
    )


def kb(n: float) -> str:
    return f"{n / 1000:.1f}"


def report(results: dict[tuple[str, str], list[Run]], title: str = "") -> list[str]:
    """Print the side-by-side tables; return the targets missed."""
    missed: list[str] = []
    names = [name for name in PAGES if any(key[0] == name for key in results)]
    width = 17
    if title:
        print(f"\n==== {title}")
    forms = [form for form in ("desktop", "mobile") if (names[0], form) in results]
    print(f"\nfirst view ({forms[0]}), KB compressed on the wire / decoded:")
    print("  " + "".ljust(9) + "".join(n.rjust(width) for n in names))
    first = {name: results[(name, forms[0])][0] for name in names}
    print("  " + "requests".ljust(9) + "".join(str(first[n].requests).rjust(width) for n in names))
    for kind in [*TYPE_ORDER, "total"]:
        cells = []
        for n in names:
            run = first[n]
            wire = sum(run.wire.values()) if kind == "total" else run.wire.get(kind, 0)
            dec = sum(run.decoded.values()) if kind == "total" else run.decoded.get(kind, 0)
            cells.append(f"{kb(wire)} / {kb(dec)}".rjust(width))
        print("  " + kind.ljust(9) + "".join(cells))
    chapter_kb = sum(first["chapter"].wire.values()) / 1000 if "chapter" in first else 0
    if chapter_kb > CHAPTER_KB_LIMIT:
        missed.append(f"chapter first view {chapter_kb:.0f} KB > {CHAPTER_KB_LIMIT} KB")
    for form in forms:
        runs_of = {n: results[(n, form)] for n in names}
        print(f"\nlighthouse {form} (median of {len(runs_of[names[0]])}):")
        print("  " + "".ljust(15) + "".join(n.rjust(width) for n in names))
        for category in CATEGORIES:
            values = {n: statistics.median(r.scores[category] for r in runs_of[n]) for n in names}
            print(
                "  " + category.ljust(15) + "".join(f"{values[n]:.0f}".rjust(width) for n in names)
            )
            if category == "performance":
                spread = {
                    n: f"{min(r.scores[category] for r in runs_of[n])}-{max(r.scores[category] for r in runs_of[n])}"
                    for n in names
                }
                print(
                    "  "
                    + "  lowest-highest".ljust(15)
                    + "".join(spread[n].rjust(width) for n in names)
                )
            target = PERFORMANCE_TARGET[form] if category == "performance" else 100
            missed += [
                f"{n} {form} {category} {values[n]:.0f} < {target}"
                for n in names
                if values[n] < target
            ]
        for metric, label in METRICS.items():
            values = {n: statistics.median(r.metrics[metric] for r in runs_of[n]) for n in names}
            print("  " + label.ljust(15) + "".join(f"{values[n]:.0f}".rjust(width) for n in names))
        paint = {n: statistics.median(r.observed_paint for r in runs_of[n]) for n in names}
        print(
            "  "
            + "observed paint".ljust(15)
            + "".join(f"{paint[n]:.0f}".rjust(width) for n in names)
        )
        cls = {n: statistics.median(r.cls for r in runs_of[n]) for n in names}
        print(
            "  " + "layout shift".ljust(15) + "".join(f"{cls[n]:.3f}".rjust(width) for n in names)
        )
        missed += [f"{n} {form} layout shift {cls[n]:.3f}" for n in names if cls[n] >= CLS_LIMIT]
        for n in names:
            for category, audits in runs_of[n][0].failing.items():
                if audits:
                    print(f"  {n}, {category} under 100 by: {', '.join(audits)}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="Lighthouse runs per page and form factor"
    )
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build one)")
    parser.add_argument(
        "--forms",
        default="desktop,mobile",
        help="form factors to measure, comma-separated (default: desktop,mobile)",
    )
    parser.add_argument(
        "--pages",
        default=",".join(PAGES),
        help=f"pages to measure, comma-separated (default: {','.join(PAGES)})",
    )
    parser.add_argument(
        "--against", type=Path, help="a second built site to measure side by side (before/after)"
    )
    args = parser.parse_args(argv)
    forms = [form.strip() for form in args.forms.split(",") if form.strip()]
    if not forms or set(forms) - {"desktop", "mobile"}:
        raise SystemExit(f"bench_pages: --forms {args.forms!r}: name desktop, mobile or both")
    pages = {
        name.strip(): PAGES.get(name.strip(), "") for name in args.pages.split(",") if name.strip()
    }
    if not pages or not all(pages.values()):
        raise SystemExit(f"bench_pages: --pages {args.pages!r}: name some of {', '.join(PAGES)}")
    if args.against and not (args.against / "index.html").is_file():
        raise SystemExit(
            f"bench_pages: --against {args.against} is not a built site (no index.html)"
        )
    if not LIGHTHOUSE.is_file():
        raise SystemExit(
            "bench_pages: Lighthouse is not installed; run `scripts/setup.sh --bench` (make bench does)"
        )
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp_name:
        tmp = Path(tmp_name)
        site = args.site_dir
        if site is None:
            site = tmp / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "build",
                    "--strict",
                    "-q",
                    "--site-dir",
                    str(site),
                ],
                cwd=ROOT,
                env=env,
                check=True,
            )
        print(
            f"bench: {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} at the start: Lighthouse's "
            f"simulated timings grow with other work on the machine), Chromium {CHROMIUM}, lighthouse 12.2.3, "
            f"{args.runs} run(s) per page and form factor, pages in turn within each run"
        )
        sites = {"this site": site, **({"against": args.against} if args.against else {})}
        results: dict[str, dict[tuple[str, str], list[Run]]] = {
            label: defaultdict(list) for label in sites
        }
        with contextlib.ExitStack() as stack:
            bases = {
                label: stack.enter_context(serving(directory, warmed=True))
                for label, directory in sites.items()
            }
            for _ in range(args.runs):
                for form in forms:
                    for name, path in pages.items():
                        for label, base in bases.items():
                            results[label][(name, form)].append(
                                lighthouse(f"{base}/{path}", form, tmp / "report.json")
                            )
        if args.against:
            report(results["against"], f"against: {args.against}")
        missed = report(results["this site"], f"this site: {site}" if args.against else "")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    if missed:
        print("pages: targets missed: " + "; ".join(missed))
        return 1
    print("pages: every target met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
