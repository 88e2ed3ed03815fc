"""The site's editorial policy for its bibliography: a setting in mkdocs.yml, not a rule of
BibTeX.

This site asks every entry for two fields of its own, `kind` (the Further reading group) and
`annote` (why read it), and for everything a reference needs to look right. A site that
builds from a .bib file exported from Zotero, BibDesk or JabRef turns that off:

    extra:
      citations:
        editorial_policy: true   # false (the default): any BibTeX/biblatex file builds

With it off, `kind` is inferred from the entry's type and fields (fields.py), an entry without
`annote` has no note, and problems that do not stop a correct rendering (no year, an address
that cannot be a link, ...) are listed as INFO instead of stopping the build (checks.py).
MkDocs accepts no unknown top-level keys, so the setting lives under `extra:`; its values are
checked here, and a bad one is an error naming its line in mkdocs.yml.
"""
from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic

SECTION = "citations"
OPTION = "editorial_policy"


@dataclass(frozen=True, slots=True)
class Policy:
    editorial: bool = False  # kind, annote and the other checks of checks.py are required


def policy_from_extra(extra: Any, config_file: str | None) -> tuple[Policy, list[Diagnostic]]:
    """The policy that `extra:` of mkdocs.yml sets, and what is wrong with the setting."""
    name = Path(config_file).name if config_file else "mkdocs.yml"
    section = extra.get(SECTION) if isinstance(extra, Mapping) else None
    if section is None:
        return Policy(), []

    def problem(message: str, *path: str) -> tuple[Policy, list[Diagnostic]]:
        return Policy(), [Diagnostic(name, _line_of(config_file, ("extra", SECTION, *path)), message)]

    if not isinstance(section, Mapping):
        return problem(f"extra.{SECTION} must be a mapping, e.g. '{OPTION}: true', not {section!r}")
    for key in section:
        if key != OPTION:
            close = difflib.get_close_matches(str(key), [OPTION], n=1, cutoff=0.5)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (the only setting is '{OPTION}')"
            return problem(f"unknown setting extra.{SECTION}.{key}{hint}", str(key))
    value = section.get(OPTION, False)
    if not isinstance(value, bool):
        return problem(f"extra.{SECTION}.{OPTION} must be true or false, not {value!r}", OPTION)
    return Policy(editorial=value), []


def _line_of(config_file: str | None, path: tuple[str, ...]) -> int:
    """The 1-based line of the key at `path` in the YAML file (1 when it cannot be found):
    YAML's node tree keeps positions; MkDocs' loaded config does not."""
    try:
        import yaml

        node = yaml.compose(Path(config_file).read_text(encoding="utf-8"), Loader=yaml.SafeLoader) if config_file else None
    except (OSError, ValueError, yaml.YAMLError):
        return 1
    line = 1
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            break
        for key_node, value_node in node.value:
            if key_node.value == key:
                line, node = key_node.start_mark.line + 1, value_node
                break
        else:
            break
    return line
