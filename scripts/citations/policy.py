"""The site's editorial policy for its bibliography: a setting in mkdocs.yml, not a rule of
BibTeX.

This site asks every entry for two fields of its own, `kind` (the Further reading group) and
`annote` (why read it), and for everything a reference needs to look right. A site that
builds from a .bib file exported from Zotero, BibDesk or JabRef turns that off:

    extra:
      citations:
        editorial_policy: true   # false (the default): any BibTeX/biblatex file builds
        nocite: [miles_channel]  # in Further reading on purpose, though no page cites them

With it off, `kind` is inferred from the entry's type and fields (fields.py), an entry without
`annote` has no note, and problems that do not stop a correct rendering (no year, an address
that cannot be a link, ...) are listed as INFO instead of stopping the build (checks.py).
MkDocs accepts no unknown top-level keys, so the setting lives under `extra:`; its values are
checked here, and a bad one is an error naming its line in mkdocs.yml.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic

SECTION = "citations"
OPTION = "editorial_policy"
NOCITE = "nocite"  # pandoc's name for works listed without being cited
OPTIONS = (OPTION, NOCITE)


@dataclass(frozen=True, slots=True)
class Policy:
    editorial: bool = False  # kind, annote and the other checks of checks.py are required
    # Keys no page needs to cite (`make check` and the build's "not cited" note leave them
    # out). Not part of how the file is read, so not part of the cache key.
    nocite: tuple[str, ...] = field(default=(), repr=False, compare=False)


def policy_from_extra(extra: Any, config_file: str | None) -> tuple[Policy, list[Diagnostic]]:
    """The policy that `extra:` of mkdocs.yml sets, and what is wrong with the setting."""
    name = Path(config_file).name if config_file else "mkdocs.yml"
    section = extra.get(SECTION) if isinstance(extra, Mapping) else None
    if section is None:
        return Policy(), []

    def problem(message: str, *path: str) -> tuple[Policy, list[Diagnostic]]:
        return Policy(), [
            Diagnostic(name, line_of(config_file, ("extra", SECTION, *path)), message)
        ]

    if not isinstance(section, Mapping):
        return problem(f"extra.{SECTION} must be a mapping, e.g. '{OPTION}: true', not {section!r}")
    for key in section:
        if key not in OPTIONS:
            close = difflib.get_close_matches(str(key), OPTIONS, n=1, cutoff=0.5)
            hint = (
                f" (did you mean '{close[0]}'?)"
                if close
                else f" (the settings are '{OPTION}' and '{NOCITE}')"
            )
            return problem(f"unknown setting extra.{SECTION}.{key}{hint}", str(key))
    value = section.get(OPTION, False)
    if not isinstance(value, bool):
        return problem(f"extra.{SECTION}.{OPTION} must be true or false, not {value!r}", OPTION)
    nocite = section.get(NOCITE) or []
    if not isinstance(nocite, list) or not all(isinstance(key, str) for key in nocite):
        return problem(
            f"extra.{SECTION}.{NOCITE} must be a list of keys of references.bib, e.g. [key1, key2], "
            f"not {nocite!r}",
            NOCITE,
        )
    return Policy(editorial=value, nocite=tuple(nocite)), []


def line_of(config_file: str | None, path: tuple[str, ...]) -> int:
    """The 1-based line of the key at `path` in the YAML file (1 when it cannot be found):
    YAML's node tree keeps positions; MkDocs' loaded config does not."""
    try:
        import yaml

        node = (
            yaml.compose(Path(config_file).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
            if config_file
            else None
        )
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
