"""Markdown lint of the chapters with pymarkdownlnt, through its Python API, with the rules of
the project's `.pymarkdown.yml` (fitted to Material's syntax: admonitions, `???`, content tabs,
attr_list, the site's HTML blocks) and the project's own rule for an unclosed code fence.

Each failure becomes `file:line:column: what is wrong; the fix (rule id and name)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from source_text import Diagnostic

CONFIG_FILE = ".pymarkdown.yml"
PLUGIN = Path(__file__).with_name("unclosed_fence.py")

# How to fix what the rules most often find (the rule's own description says what is wrong).
FIXES: dict[str, str] = {
    "md001": "make it one level below the heading above it",
    "md003": "write headings with '#' marks, not underlines",
    "md009": "delete the spaces at the end of the line",
    "md010": "replace the tab with spaces",
    "md012": "delete the extra blank line",
    "md018": "put a space after the '#' marks",
    "md019": "put one space after the '#' marks",
    "md022": "put one blank line above and below the heading",
    "md023": "start the heading at the beginning of the line",
    "md024": "give the heading a different text",
    "md025": "keep one '# Title' per page; make the others '##'",
    "md031": "put a blank line before and after the fence",
    "md032": "put a blank line before and after the list",
    "md033": "use Markdown, or one of the elements .pymarkdown.yml allows",
    "md034": "put the address in a link: [text](https://...)",
    "md037": "remove the spaces inside the emphasis markers",
    "md038": "remove the spaces inside the backticks",
    "md039": "remove the spaces inside the link's brackets",
    "md040": "name the language after the opening fence (```text if none)",
    "md041": "start the page with '# Title' (after any front matter)",
    "md042": "give the link a target",
    "md045": "describe the image in its brackets: ![what it shows](...)",
    "md047": "end the file with one newline",
    "ae100": "close it with the same fence (``` or ~~~) on a line of its own",
}


def lint_markdown(root: Path, paths: Iterable[Path]) -> list[Diagnostic]:
    from pymarkdown.api import PyMarkdownApi, PyMarkdownApiException

    api = PyMarkdownApi().add_plugin_path(str(PLUGIN))
    if (root / CONFIG_FILE).is_file():
        api.configuration_file_path(str(root / CONFIG_FILE))
    problems: list[Diagnostic] = []
    for path in paths:
        name = path.relative_to(root).as_posix()
        try:
            result = api.scan_path(str(path))
        except PyMarkdownApiException as error:
            problems.append(Diagnostic(name, 1, f"the Markdown linter stopped: {error}"))
            continue
        for failure in result.scan_failures:
            rule = failure.rule_id.lower()
            extra = (
                f" {failure.extra_error_information.strip()}"
                if failure.extra_error_information
                else ""
            )
            fix = f"; {FIXES[rule]}" if rule in FIXES else ""
            name_of_rule = failure.rule_name.split(",")[0]
            problems.append(
                Diagnostic(
                    name,
                    failure.line_number,
                    f"{failure.rule_description.rstrip('.')}{extra}{fix} "
                    f"({failure.rule_id} {name_of_rule})",
                    failure.column_number,
                )
            )
        problems.extend(
            Diagnostic(name, pragma.line_number, pragma.pragma_error)
            for pragma in result.pragma_errors
        )
    return problems
