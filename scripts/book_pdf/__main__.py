"""Command line: `python -m book_pdf --site-dir site [--out FILE] [--paper a4|letter] [--zip]`
(with PYTHONPATH=scripts). Problems are printed one per line, never as a traceback."""

from __future__ import annotations

import gc

gc.disable()  # before the imports below: collecting while WeasyPrint loads frees nothing (gc_pause)

import argparse
import sys
import time
from pathlib import Path

from one_shot import exit_without_teardown

from .pipeline import build_book
from .problems import BookError
from .render import PAPER_SIZES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m book_pdf", description=__doc__)
    parser.add_argument(
        "--site-dir", type=Path, default=Path("site"), help="the built site (default: site)"
    )
    parser.add_argument(
        "--out", type=Path, help="PDF path (default: <site-dir>/alignment-explained.pdf)"
    )
    parser.add_argument("--paper", choices=sorted(PAPER_SIZES), default="a4")
    parser.add_argument("--version", help="version on the cover (default: git describe)")
    parser.add_argument(
        "--stylesheet",
        type=Path,
        action="append",
        default=[],
        help="a CSS file applied after the book's own (repeatable): your own edition",
    )
    parser.add_argument(
        "--untagged", action="store_true", help="no structure tree (quicker; less accessible)"
    )
    parser.add_argument(
        "--uncompressed", action="store_true", help="no stream compression (quicker; larger)"
    )
    parser.add_argument("--zip", action="store_true", help="then also write the offline zip")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        pdf = build_book(
            args.site_dir,
            args.out,
            paper=args.paper,
            version=args.version,
            stylesheets=args.stylesheet,
            tagged=not args.untagged,
            compressed=not args.uncompressed,
        )
    except BookError as error:
        print(
            f"book_pdf: the book was not made ({len(error.problems)} problem(s)):", file=sys.stderr
        )
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"book_pdf: wrote {pdf} in {time.perf_counter() - start:.1f} s")
    if args.zip:
        from .offline_zip import build_offline_zip

        print(f"book_pdf: wrote {build_offline_zip(args.site_dir)}")
    return 0


if __name__ == "__main__":
    exit_without_teardown(main)
