"""Includes (pymdownx.snippets, `--8<-- "page.md:section"`) checked before Markdown runs.

Why: a section that is not marked in its page, or a page that does not exist, stops the build
inside the extension with a traceback that names neither the page that includes it nor the line
(Alignment in six minutes includes every chapter's summary box; renaming a marker
in a chapter did exactly that). Run by the build (hooks.on_page_markdown) and by `make check`
(check/site_checks.py), each problem with the including page's line and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from source_text import Diagnostic

# One include on a line of its own: --8<-- "file" or --8<-- "file:section" (the block form and
# line ranges are not used on this site, and are left to the extension).
INCLUDE = re.compile(
    r'(?m)^[ \t]*-{1,}8<-{1,}[ \t]+"(?P<path>[^":]+)(?::(?P<section>[a-z][-_0-9a-z]*))?"[ \t]*$'
)
SECTION_MARK = r"-{{1,}}8<-{{1,}}[ \t]+\[[ \t]*{kind}[ \t]*:[ \t]*{name}[ \t]*\]"


def include_problems(
    body: str, source: str, docs_dir: Path, line_offset: int = 0
) -> list[Diagnostic]:
    """Each include whose page is not in docs/, or whose section is not marked there. Code blocks
    are read too: the extension includes before Markdown knows what is code."""
    problems: list[Diagnostic] = []
    for found in INCLUDE.finditer(body):
        line = body.count("\n", 0, found.start()) + 1 + line_offset
        path, section = found.group("path"), found.group("section")
        target = docs_dir / path
        if not target.is_file():
            problems.append(
                Diagnostic(
                    source,
                    line,
                    f"the included page '{path}' is not in {docs_dir.name}/; "
                    "write its path from there, as links do",
                )
            )
            continue
        if section is None:
            continue
        text = target.read_text(encoding="utf-8")
        missing = [
            kind
            for kind in ("start", "end")
            if not re.search(SECTION_MARK.format(kind=kind, name=re.escape(section)), text)
        ]
        if missing:
            problems.append(
                Diagnostic(
                    source,
                    line,
                    f"section '{section}' is not marked in {docs_dir.name}/{path} (no "
                    f"{' and no '.join(f'[{kind}:{section}]' for kind in missing)}); put "
                    f"<!-- --8<-- [start:{section}] --> on a line before it and "
                    f"<!-- --8<-- [end:{section}] --> on a line after it, in {path}",
                )
            )
    return problems
