r"""How much the citation hook adds to a build: a synthetic 100-page, 2,000-entry site built with
and without the hook, side by side, alternating, a few times each.

    python scripts/bench_citations.py [--pages 100] [--entries 2000] [--repeat 5] [--limit 1.15]
                                      [--warm-only] [--variant plain|latex|both]

Two bibliographies: `plain`, mostly plain text like this project's own references.bib, and
`latex`, shaped like real exported files, where most entries carry LaTeX: accents in most
names, math, font commands and protective braces in titles, biblatex dates and
`journaltitle`, @string macros joined with `#`, `\url` in `howpublished`. It prints, e.g.

    citations hook overhead (plain), cold: 1.12x (median of 5 rounds' ratios; medians: bare 1.5 s, ...)
    citations hook overhead (plain), warm: 1.05x (median of 5 rounds' ratios; medians: bare 1.5 s, ...)

and exits non-zero when a COLD ratio is above the limit. The ratio is the median of the rounds'
own ratios (a round builds bare, cold and warm one after the other), which load drifting
between rounds on a shared machine does not skew; the ratio of the medians is printed too. A cold build is
one without the hook's disk cache (`.cache/citations/`, see scripts/citations/cache.py): a
first build on a fresh clone, or CI without a restored cache. That is the honest figure, so it
is the one checked. A warm build reuses that cache, like a developer's repeated `make site`.
Bare, cold and warm builds alternate in each round, so machine noise hits all three alike.
The synthetic site is made in a temporary folder; nothing in the project changes.

The times are wall-clock, what a writer waits for. A cold build parses references.bib and
renders every citation in a second process while MkDocs converts pages in the first
(scripts/citations/background.py), so on a machine with two free cores that work is mostly
hidden; on one core, or with the other core busy, the cold ratio is higher. The number of
cores is printed with the result.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOOK = ROOT / "scripts" / "hooks.py"
SURNAMES = [
    "Amodei",
    "Olah",
    "Christiano",
    "Leike",
    "Russell",
    "Man{\\'e}",
    'Sch{\\"o}lkopf',
    "Krakovna",
    "Hubinger",
    "Garrabrant",
    "Manheim",
    "Irving",
    "Bowman",
    "Perez",
    "Ngo",
    "Shah",
    "Skalse",
    "Krueger",
]
GIVEN = ["Dario", "Chris", "Paul", "Jan", "Stuart", "Dan", "Bernhard", "Victoria", "Evan", "Scott"]
WORDS = (
    "reward model proxy objective agent policy oversight feedback learning specification "
    "gaming alignment preference human value training signal measure target"
).split()
KINDS = ["paper", "paper", "paper", "book", "article", "video"]
# Real files: accented names written in LaTeX, titles with math, font commands and braces.
LATEX_SURNAMES = [
    "Man{\\'e}",
    'Sch{\\"o}lkopf',
    'M{\\"u}ller',
    "\\v{S}ebek",
    "Pe{\\~n}a",
    "Fran{\\c{c}}ois",
    "Ko{\\v{c}}isk{\\'y}",
    "{\\O}stergaard",
    "Gonz{\\'a}lez",
    "Br{\\'e}bisson",
    "Dvo\\v{r}{\\'a}k",
    "Stra{\\ss}er",
    "Garriga-Alonso",
    "Krakovna",
    "Hubinger",
    "{van der} Berg",
    "Ng",
]
LATEX_GIVEN = [
    "Ren{\\'e}",
    "Andr{\\'e}s",
    'J{\\"u}rgen',
    "Ond\\v{r}ej",
    "S{\\o}ren",
    'Bj{\\"o}rn',
    "Jos{\\'e}",
    "Adri{\\`a}",
    "Paul",
    "Jan",
    "Victoria",
]
LATEX_TITLE_PARTS = [
    "{\\emph{reward}}",
    "$\\epsilon$-greedy",
    "{\\textsc{Bert}}",
    "a {\\texttt{JAX}} study",
    "``human'' feedback",
    "the {\\'e}tude",
    "{RL} --- {AI}",
    "{GPT}-4",
    "{\\em oversight}",
    "$\\mathcal{O}(n)$ cost",
    'Na{\\"i}ve {Bayes}',
    "{Q}-learning",
    "{\\'E}cole",
    "{\\textit{in vivo}}",
    "{{Reinforcement Learning}}",
    "{\\&} more",
]
LATEX_STRINGS = "@string{neurips = {Advances in Neural Information Processing Systems}}\n@string{proc = {Proceedings of the }}\n"
EXTENSIONS = """\
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.highlight:
      use_pygments: true
  - pymdownx.superfences
"""


def synthetic_bib(entries: int, rng: random.Random, latex_heavy: bool = False) -> str:
    """`entries` plausible BibTeX entries; about one in five uses LaTeX accents or braces
    (`latex_heavy`: nearly all do, as real exported files do)."""
    if latex_heavy:
        return latex_heavy_bib(entries, rng)
    blocks = []
    for n in range(entries):
        authors = " and ".join(
            f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 8))
        )
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize()
        if n % 5 == 0:
            title = "{" + title + "} -- {AI}"
        kind = rng.choice(KINDS)
        year = (
            "" if kind == "video" and n % 3 == 0 else f"  year = {{{rng.randint(1950, 2024)}}},\n"
        )
        blocks.append(
            f"@misc{{key{n:04d},\n  author = {{{authors}}},\n  title = {{{title}}},\n{year}"
            f"  howpublished = {{arXiv preprint}},\n  eprint = {{{2000 + n % 400}.{n:05d}}},\n"
            f"  archiveprefix = {{arXiv}},\n  kind = {{{kind}}},\n"
            f"  annote = {{Why read it: {' '.join(rng.choice(WORDS) for _ in range(14))}.}}\n}}\n"
        )
    return "\n".join(blocks)


def latex_heavy_bib(entries: int, rng: random.Random) -> str:
    """Entries shaped like Zotero, Google Scholar and hand-kept exports: LaTeX in most names
    and titles, biblatex fields, macros and concatenation."""
    blocks = [LATEX_STRINGS]
    for n in range(entries):
        names = [
            f"{rng.choice(LATEX_SURNAMES)}, {rng.choice(LATEX_GIVEN)}"
            for _ in range(rng.randint(1, 8))
        ]
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 8))]
        for _ in range(rng.randint(1, 2)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(LATEX_TITLE_PARTS))
        title = " ".join(words)
        title = "{" + title[0].upper() + title[1:] + "}"
        kind = rng.choice(KINDS)
        shape = n % 4
        if shape == 0:  # Zotero (biblatex)
            venue = f"  journaltitle = {{{{Journal of {rng.choice(WORDS).capitalize()} {{{{Learning}}}}}}}},\n  date = {{{rng.randint(1990, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}}},\n"
            venue += f"  urldate = {{2024-01-0{rng.randint(1, 9)}}},\n  doi = {{10.{1000 + n}/x{n}\\_{n}}},\n"
        elif shape == 1:  # Google Scholar
            venue = f"  booktitle = proc # neurips # {{ {rng.randint(1, 40)}}},\n  year = {{{rng.randint(1990, 2024)}}},\n  pages = {{{n}-{n + 9}}},\n"
        elif shape == 2:  # arXiv
            venue = f"  year = {{{rng.randint(2010, 2024)}}},\n  eprint = {{arXiv:{2000 + n % 400}.{n:05d}v{rng.randint(1, 4)}}},\n"
        else:  # a web page
            venue = f"  year = {{{rng.randint(2010, 2024)}}},\n  howpublished = {{Blog post, \\url{{https://example.org/{n}/a\\_b}}}},\n"
        blocks.append(
            f"@{['article', 'inproceedings', 'misc', 'online'][shape]}{{key{n:04d},\n  author = {{{' and '.join(names)}}},\n"
            f"  title = {{{title}}},\n{venue}  kind = {{{kind}}},\n"
            f"  annote = {{Why read it: {' '.join(rng.choice(WORDS) for _ in range(12))} {{\\'e}}l{{\\`e}}ve.}}\n}}\n"
        )
    return "\n".join(blocks)


def synthetic_page(index: int, entries: int, rng: random.Random) -> str:
    """A chapter-sized page (about 2,500 words): headings, prose with about 35 cited works (a
    real chapter of this site cites 15 to 30), code blocks, admonitions."""

    def key() -> str:
        return f"key{rng.randrange(entries):04d}"

    parts = [f"# Chapter {index}\n"]
    for section in range(6):
        parts.append(f"## Section {section}\n")
        for _ in range(4):
            sentences = []
            for _ in range(6):
                words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))
                citation = rng.choice(
                    [
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        f" [@{key()}]",
                        f" [see @{key()}, p. 3]",
                        f" [@{key()}; @{key()}]",
                        f" as @{key()} argued",
                        f" [-@{key()}]",
                    ]
                )
                sentences.append(f"{words.capitalize()}{citation}.")
            parts.append(" ".join(sentences) + "\n")
        parts.append("```python\nreward = measure(state)  # not @key0001\n```\n")
        parts.append(
            '!!! note "Aside"\n\n    An aside with `inline @code` and mail ann@example.org.\n'
        )
    return "\n".join(parts)


def make_site(folder: Path, pages: int, entries: int, latex_heavy: bool = False) -> None:
    rng = random.Random(20261123)
    docs = folder / "docs"
    docs.mkdir()
    (folder / "references.bib").write_text(
        synthetic_bib(entries, rng, latex_heavy), encoding="utf-8"
    )
    for n in range(pages):
        (docs / ("index.md" if n == 0 else f"page-{n:03d}.md")).write_text(
            synthetic_page(n, entries, rng), encoding="utf-8"
        )
    common = (
        "site_name: Bench\nuse_directory_urls: false\ntheme:\n  name: material\nplugins:\n  - search\n"
        + EXTENSIONS
    )
    (folder / "bare.yml").write_text(common, encoding="utf-8")
    (folder / "hook.yml").write_text(common + f"hooks:\n  - {HOOK}\n", encoding="utf-8")


def timed_build(folder: Path, config: str) -> float:
    # Python's bytecode cache is on (in the temporary folder) even where PYTHONDONTWRITEBYTECODE
    # is set: installed packages ship compiled, so without it the hook's own modules alone would
    # be compiled from source in every build, unlike a developer's repeated builds.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(folder / config),
        "-d",
        str(folder / f"site-{config}"),
    ]
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build with {config} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def measure(variant: str, args: argparse.Namespace) -> dict[str, float]:
    """Bare, cold and warm builds of one synthetic site, alternating; the ratios of the medians."""
    times: dict[str, list[float]] = {"bare": [], "cold": [], "warm": []}
    with tempfile.TemporaryDirectory(prefix=f"bench-citations-{variant}-") as tmp:
        folder = Path(tmp)
        make_site(folder, args.pages, args.entries, latex_heavy=variant == "latex")
        timed_build(folder, "bare.yml")  # warm the file cache and bytecode once, untimed
        timed_build(folder, "hook.yml")
        for _ in range(args.repeat):
            times["bare"].append(timed_build(folder, "bare.yml"))
            if not args.warm_only:
                shutil.rmtree(folder / ".cache", ignore_errors=True)
                times["cold"].append(timed_build(folder, "hook.yml"))
            times["warm"].append(timed_build(folder, "hook.yml"))
    bare = statistics.median(times["bare"])
    ratios = {}
    for kind in ("cold", "warm"):
        if times[kind]:
            hooked = statistics.median(times[kind])
            # each round's own ratio: load that drifts between rounds (a shared machine) cancels out
            ratios[kind] = statistics.median(
                h / b for h, b in zip(times[kind], times["bare"], strict=True)
            )
            print(
                f"citations hook overhead ({variant}), {kind}: {ratios[kind]:.2f}x (median of {args.repeat} rounds' "
                f"ratios; medians: bare {bare:.2f} s, with hook {hooked:.2f} s, {hooked / bare:.2f}x; {args.pages} pages, "
                f"{args.entries} entries, {os.cpu_count()} cores)",
                flush=True,
            )
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--limit", type=float, default=1.15, help="the most a cold build may take, as a ratio"
    )
    parser.add_argument(
        "--warm-only", action="store_true", help="skip cold builds (and the limit check)"
    )
    parser.add_argument(
        "--variant",
        choices=["plain", "latex", "both"],
        default="both",
        help="which bibliography: mostly plain, LaTeX-heavy, or both (default)",
    )
    args = parser.parse_args(argv)
    over = []
    for variant in ["plain", "latex"] if args.variant == "both" else [args.variant]:
        ratios = measure(variant, args)
        if "cold" in ratios and ratios["cold"] > args.limit:
            over.append(variant)
    if over:
        print(f"cold build over the limit of {args.limit:.2f}x: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
