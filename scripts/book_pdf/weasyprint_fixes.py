"""A workaround for a WeasyPrint line-breaking bug that leaves one word alone on a line.

The bug (WeasyPrint 70.0): a run of text that ends with a space right before an inline element
(a citation, a link, an <em>) is measured *with* that trailing space, while Pango, which breaks
the line, ignores it. When the run fits only without its space, WeasyPrint concludes the run
cannot fit, and its fallback puts just the run's first word on the line:

    ...the goal is shared. One influential
    research
    agenda defines the problem as ... (Leike et al., 2018)

With `hyphens: auto` the same fallback hyphenates instead: it splits the first long word of the
run, wherever it is, so that the line ends early and its spaces open wide:

    What   is   lost   here   is   certainty   about   which   goal   the   model   ab-
    sorbed. The chapter The four core difficulties (Chapter 6) treats this ...

The fix retries such a run (one whose first line came out as a single word, or ended inside a
word: the bug's marks, checked first because retrying costs a second layout) without its
trailing spaces: if that fits, the whole run stays on the line (the space disappears at the
line end, as it should) and the inline element that follows moves to the next line, which
WeasyPrint already handles. tests/test_pdf.py has the failing cases.

The same fix inside WeasyPrint is upstream/weasyprint-70.0-trailing-space-break.patch. This
workaround wraps the one function WeasyPrint's inline layout calls to break a line, and applies
to exactly the version pinned in requirements.txt (CHECKED_VERSION); a test fails when the pin
moves, so that the next version is checked (and the workaround dropped once fixed).
"""

from __future__ import annotations

import weasyprint
import weasyprint.layout.inline as inline_layout

CHECKED_VERSION = "70.0"
PATCH = "upstream/weasyprint-70.0-trailing-space-break.patch"
_original_split_first_line = inline_layout.split_first_line


def split_first_line_ignoring_trailing_space(
    text, style, context, max_width, justification_spacing, is_line_start=True, minimum=False
):
    result = _original_split_first_line(
        text, style, context, max_width, justification_spacing, is_line_start, minimum
    )
    stripped = text.rstrip(" ")
    if result[2] is None or max_width is None or not stripped or stripped == text:
        return result
    if not _has_the_bugs_mark(text, result[1], result[2]):
        return result
    without_space = _original_split_first_line(
        stripped, style, context, max_width, justification_spacing, is_line_start, minimum
    )
    if without_space[2] is not None:
        return result  # a genuine break inside the run
    return _original_split_first_line(
        text, style, context, None, justification_spacing, is_line_start, minimum
    )


def _has_the_bugs_mark(text: str, length: int, resume_index: int) -> bool:
    """Whether a run's first line, `length` bytes of it kept and the next line starting at
    `resume_index`, is what the bug's fallback makes: one word alone, or a line ending inside a
    word (a break at a space leaves the space out of the line: length < resume_index; a
    hyphenated one ends where the next line starts). A genuine break inside a word passes the
    retry's check too, as its run does not fit even without its trailing space."""
    if length == resume_index:
        return True
    return " " not in text.encode()[:resume_index].decode(errors="ignore").strip()


def apply() -> bool:
    """Install the workaround once; False (WeasyPrint left as it is) for any other version."""
    if weasyprint.__version__ != CHECKED_VERSION:
        return False
    inline_layout.split_first_line = split_first_line_ignoring_trailing_space
    return True
