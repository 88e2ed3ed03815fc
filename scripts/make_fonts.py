"""Regenerate the vendored fonts (docs/assets/fonts/*.woff2) and their stylesheet (fonts.css).

    .venv/bin/python scripts/make_fonts.py [--site-dir BUILT_SITE]

Why: whole font files were the heaviest part of a first view, and the old per-script subsets
(latin, latin-ext) lacked the arrows and Greek letters the text uses, so browsers and the book
fell back to another font for them. Each face now comes in two files:

- the core: Basic Latin plus every character the built site and the book show in that face
  (scripts/site_text.py). It is all a page needs, and the faces a first view uses are preloaded;
- the extension: the rest of a documented safety set (SAFETY: Latin-1, Latin Extended-A,
  General Punctuation, Greek, arrows, common math and shape signs), so that an edit using an
  ordinary character before the fonts are regenerated never falls back. Its unicode-range keeps
  browsers from downloading it unless a page holds such a character.

A shown character that a face lacks stops this script with the fix (replace it in the text, or
pick a face that has it). Kept: kerning, ligatures, marks, locale forms and tabular figures
(the demos' counters); dropped: hinting and the stylistic alternates no page asks for (they
would double the files). Compressed with brotli as woff2. The site loads four faces: the text
face in regular, italic and semibold (bold text is drawn in semibold), and one heading weight.

The sources are registry packages, never a download: Inter from Debian's fonts-inter (the only
packaged Inter with arrows and Greek; fetched with apt-get download, never installed) and Literata from the
npm registry's @fontsource/literata (its latin, latin-ext and greek files, merged). Debian's
fonts-liberation2 (Arial- and Times-compatible metrics) gives the numbers for the metric-matched
fallback faces, so text laid out before a font arrives takes about the same room as after.
fonts.css is written here too.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

import site_text

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "docs" / "assets" / "fonts"
FONTS_CSS = ROOT / "docs" / "assets" / "stylesheets" / "fonts.css"
DEBIAN_INTER = ("fonts-inter", "usr/share/fonts/opentype/inter")
DEBIAN_LIBERATION = ("fonts-liberation2", "usr/share/fonts/truetype/liberation2")
FONTSOURCE_LITERATA = "@fontsource/literata@5.3.0"
LAYOUT_FEATURES = ["kern", "liga", "ccmp", "locl", "mark", "mkmk", "tnum"]

SAFETY: dict[str, tuple[int, int]] = {
    "Basic Latin": (0x0020, 0x007E),
    "Latin-1 Supplement": (0x00A0, 0x00FF),
    "Latin Extended-A": (0x0100, 0x017F),
    "Greek": (0x0370, 0x03FF),
    "General Punctuation": (0x2000, 0x206F),
    "Arrows": (0x2190, 0x21FF),
}
BASIC_LATIN = set(range(0x20, 0x7F))
SAFETY_SIGNS = "€™−×÷±≈≠≤≥∞√∑∏∫∂∆°′″✓✗▲▶▼◀"


@dataclass(frozen=True)
class Face:
    """One vendored face: where it comes from, and the local font its fallback imitates."""

    family: str
    weight: int
    style: str
    role: str  # "body" or "heading" (site_text.ROLES)
    sources: tuple[str, ...]  # Debian font file, or @fontsource file names merged in order
    fallback: str  # Liberation file imitated by the metric-matched fallback face
    fallback_local: tuple[str, ...]  # local() names of fonts with those metrics

    def file_name(self, part: str = "") -> str:
        return f"{self.family.lower()}-{self.weight}-{self.style}{part}.woff2"


SANS = ("Arial", "ArialMT", "Liberation Sans", "LiberationSans", "Helvetica", "Arimo")
SANS_BOLD = (
    "Arial Bold",
    "Arial-BoldMT",
    "Liberation Sans Bold",
    "LiberationSans-Bold",
    "Helvetica Bold",
    "Arimo Bold",
)
SANS_ITALIC = (
    "Arial Italic",
    "Arial-ItalicMT",
    "Liberation Sans Italic",
    "LiberationSans-Italic",
    "Helvetica Oblique",
    "Arimo Italic",
)
SERIF_BOLD = (
    "Times New Roman Bold",
    "TimesNewRomanPS-BoldMT",
    "Liberation Serif Bold",
    "LiberationSerif-Bold",
    "Tinos Bold",
)
FACES = [
    Face(
        "Inter", 400, "normal", "body", ("Inter-Regular.otf",), "LiberationSans-Regular.ttf", SANS
    ),
    Face(
        "Inter",
        400,
        "italic",
        "body",
        ("Inter-Italic.otf",),
        "LiberationSans-Italic.ttf",
        SANS_ITALIC,
    ),
    Face(
        "Inter",
        600,
        "normal",
        "body",
        ("Inter-SemiBold.otf",),
        "LiberationSans-Bold.ttf",
        SANS_BOLD,
    ),
    Face(
        "Literata",
        600,
        "normal",
        "heading",
        (
            "literata-latin-600-normal.woff2",
            "literata-latin-ext-600-normal.woff2",
            "literata-greek-600-normal.woff2",
        ),
        "LiberationSerif-Bold.ttf",
        SERIF_BOLD,
    ),
]


def safety_set() -> set[int]:
    codes = {c for start, end in SAFETY.values() for c in range(start, end + 1)}
    return codes | {ord(c) for c in SAFETY_SIGNS}


def shown_characters(site_dir: Path) -> dict[str, Counter[str]]:
    """What the site and the book show, by role (see scripts/site_text.py)."""
    return site_text.merge(
        site_text.site_characters(site_dir, ROOT / "docs" / "assets" / "javascripts"),
        site_text.figure_characters(site_dir / "assets" / "figures"),
        site_text.book_characters(site_dir, ROOT / "scripts" / "book_pdf" / "book.css"),
    )


def debian_fonts(package: tuple[str, str], into: Path) -> Path:
    """The font folder of a Debian package, fetched with `apt-get download` and unpacked into a
    temporary folder (nothing is installed: the machine's own fonts stay as they are)."""
    name, folder = package
    subprocess.run(
        ["apt-get", "download", "-qq", name], cwd=into, check=True, stderr=subprocess.DEVNULL
    )
    deb = next(into.glob(f"{name}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into / name)], check=True)
    print(f"make_fonts: {deb.name}")
    return into / name / folder


def fontsource_files(spec: str, names: set[str], into: Path) -> dict[str, Path]:
    """The named files of an npm package, fetched with `npm pack` (the registry, nothing else)."""
    subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(into)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tarball = next(into.glob("*.tgz"))
    found = {}
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            name = Path(member.name).name
            content = archive.extractfile(member) if name in names and member.isfile() else None
            if content is not None:
                target = into / name
                target.write_bytes(content.read())
                found[name] = target
    missing = names - found.keys()
    if missing:
        raise SystemExit(f"make_fonts: {spec} has no {', '.join(sorted(missing))}")
    return found


def source_font(face: Face, files: dict[str, Path], work: Path, codes: set[int]) -> TTFont:
    """The face's font for these code points: the first source file that has all of them that
    any source has (merged fonts subset less well: their kerning no longer shrinks with the
    glyph set), else all its sources merged into one."""
    fonts = [TTFont(files[name]) for name in face.sources]
    available = set().union(*(font.getBestCmap() for font in fonts))
    for font in fonts:
        if codes & available <= set(font.getBestCmap()):
            return font
    parts = []
    for name in face.sources:
        font = TTFont(files[name])
        font.flavor = None
        font.recalcTimestamp = False
        path = work / (Path(name).stem + ".ttf")
        font.save(path)
        parts.append(str(path))
    merged = Merger().merge(parts)
    first = TTFont(files[face.sources[0]])["head"]
    merged["head"].created, merged["head"].modified = first.created, first.modified
    merged.recalcTimestamp = False
    out = io.BytesIO()
    merged.save(out)
    out.seek(0)
    return TTFont(out)


def subset_font(font: TTFont, codes: set[int]) -> tuple[set[int], bytes]:
    """The woff2 file of the font's subset for these code points (of those it has), and the code
    points it ends up mapping (the subsetter adds a few: a bracket's mirror image, say)."""
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.desubroutinize = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 16, 17]  # 16, 17: the family without its weight
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)
    font.flavor = "woff2"  # the file's format is the font's, not the subsetter's option
    font.recalcTimestamp = False  # same input, same bytes: no spurious diffs
    out = io.BytesIO()
    font.save(out)
    return set(font.getBestCmap()), out.getvalue()


def unicode_range(codes: set[int]) -> str:
    """The shortest list of U+ ranges covering exactly these code points."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ",".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in ranges)


@dataclass(frozen=True)
class Metrics:
    size_adjust: float
    ascent: float
    descent: float
    line_gap: float


def fallback_metrics(web: TTFont, local: TTFont, text: Counter[str]) -> Metrics:
    """size-adjust makes the local font's average advance over the site's own text equal the
    web font's; the overrides then give it the web font's ascent, descent and line gap."""

    def average_advance(font: TTFont) -> float:
        cmap, hmtx, upm = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        total = weight = 0
        for char, count in text.items():
            glyph = cmap.get(ord(char))
            if glyph is not None and not char.isspace():
                total += count * hmtx[glyph][0] / upm
                weight += count
        return total / weight

    size_adjust = average_advance(web) / average_advance(local)
    os2, upm = web["OS/2"], web["head"].unitsPerEm
    use_typo = bool(os2.fsSelection & (1 << 7))
    ascent = os2.sTypoAscender if use_typo else web["hhea"].ascent
    descent = -os2.sTypoDescender if use_typo else -web["hhea"].descent
    line_gap = os2.sTypoLineGap if use_typo else web["hhea"].lineGap
    scale = upm * size_adjust
    return Metrics(size_adjust, ascent / scale, descent / scale, line_gap / scale)


def font_face_css(face: Face, core: set[int], extension: set[int], metrics: Metrics) -> str:
    """The face's two @font-face rules (core, extension) and its metric-matched fallback."""
    rules = []
    for part, codes in (("", core), ("-ext", extension)):
        if codes:
            rules.append(
                f'@font-face {{\n  font-family: "{face.family}";\n  font-style: {face.style};\n'
                f"  font-weight: {face.weight};\n  font-display: optional;\n"
                f'  src: url("../fonts/{face.file_name(part)}") format("woff2");\n'
                f"  unicode-range: {unicode_range(codes)};\n}}\n"
            )
    local = ", ".join(f'local("{name}")' for name in face.fallback_local)
    rules.append(
        f'@font-face {{\n  font-family: "{face.family} fallback";\n  font-style: {face.style};\n'
        f"  font-weight: {face.weight};\n  src: {local};\n"
        f"  size-adjust: {metrics.size_adjust:.2%};\n  ascent-override: {metrics.ascent:.2%};\n"
        f"  descent-override: {metrics.descent:.2%};\n  line-gap-override: {metrics.line_gap:.2%};\n}}\n"
    )
    return "".join(rules)


CSS_HEADER = """\
/* Generated by scripts/make_fonts.py: do not edit by hand (run it again instead).
   Self-hosted fonts (SIL OFL 1.1): Inter from Debian's fonts-inter, Literata from the npm
   registry's @fontsource/literata, each subset to the safety set and the characters the site
   and the book show, in a core file and an extension file each (docs/assets/fonts/LICENSE-*.txt). font-display: optional with the faces
   a first view needs preloaded (overrides/main.html): text never reflows when a font arrives.
   Each "<family> fallback" face is a local Arial- or Times-metric font scaled to take the same
   room as the web font, used for the moment (or the visit) the web font is not there yet. */
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--site-dir", type=Path, help="a built site to read the text of (default: build one)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="make-fonts-") as tmp_name:
        tmp = Path(tmp_name)
        site = args.site_dir
        if site is None:
            site = tmp / "site"
            subprocess.run(
                [sys.executable, "scripts/build.py", "--site-dir", str(site)], cwd=ROOT, check=True
            )
        shown = shown_characters(site)
        inter, liberation = debian_fonts(DEBIAN_INTER, tmp), debian_fonts(DEBIAN_LIBERATION, tmp)
        names = {n for face in FACES for n in face.sources if n.endswith(".woff2")}
        files = fontsource_files(FONTSOURCE_LITERATA, names, tmp)
        files |= {n: inter / n for face in FACES for n in face.sources if n.endswith(".otf")}
        css, problems, written = [CSS_HEADER], [], []
        for face in FACES:
            font = source_font(face, files, tmp, safety_set())
            cmap = font.getBestCmap()
            used = {ord(c) for c in site_text.visible(shown[face.role])}
            lacking = sorted(used - set(cmap))
            if lacking:
                problems.append(
                    f"{face.family} {face.weight} {face.style} has no glyph for "
                    + " ".join(f"{chr(c)} (U+{c:04X})" for c in lacking)
                )
                continue
            metrics = fallback_metrics(font, TTFont(liberation / face.fallback), shown[face.role])
            core, data = subset_font(
                source_font(face, files, tmp, BASIC_LATIN | used), BASIC_LATIN | used
            )
            written.append((face.file_name(), data))
            extension, data = subset_font(
                source_font(face, files, tmp, safety_set()), safety_set() - core
            )
            written.append((face.file_name("-ext"), data))
            for (name, data), codes in zip(written[-2:], (core, extension), strict=True):
                print(f"make_fonts: {name}: {len(codes)} characters, {len(data) / 1000:.1f} KB")
            css.append(font_face_css(face, core, extension, metrics))
        if problems:
            print(
                "make_fonts: characters the text uses that a face lacks; replace them in the text "
                "(or choose a face that has them):\n  " + "\n  ".join(problems),
                file=sys.stderr,
            )
            return 1
        for old in FONTS.glob("*.woff2"):
            old.unlink()
        for name, data in written:
            (FONTS / name).write_bytes(data)
        FONTS_CSS.write_text("\n".join(css), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
