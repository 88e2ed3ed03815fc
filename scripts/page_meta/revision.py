"""When a page was last revised, and how sure the build can be of it.

mkdocs-git-revision-date-localized-plugin puts each page's last commit into `page.meta`
(`git_revision_date_localized_raw_iso_date` and `..._hash`). Its answer is only as good as the
history it reads, so this module labels it:

- `history`: the page's last commit, from a full history;
- `shallow`: a shallow clone cuts history at its boundary commit, which then looks as if it
  created every file, so the date is an upper bound ("on or before");
- `build`: no git, or no commit for the page (a generated page, a copy without `.git`): the
  plugin falls back to the build date, which says when this copy was built, not revised.

    >>> meta = {"git_revision_date_localized_raw_iso_date": "2026-03-04",
    ...         "git_revision_date_localized_hash": "abc"}
    >>> revision_of(meta, shallow=frozenset(), today=date(2026, 5, 1)).label
    'Last updated 4 March 2026'
    >>> revision_of(meta, shallow=frozenset({"abc"}), today=date(2026, 5, 1)).label
    'Last updated on or before 4 March 2026'
    >>> revision_of({}, shallow=frozenset(), today=date(2026, 5, 1)).label
    'Built 1 May 2026 (revision history not available)'
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

DATE_KEY = "git_revision_date_localized_raw_iso_date"
HASH_KEY = "git_revision_date_localized_hash"
Basis = Literal["history", "shallow", "build"]


@dataclass(frozen=True)
class Revision:
    """A page's revision date and what it rests on."""

    day: date
    basis: Basis

    @property
    def human(self) -> str:
        """'4 March 2026'."""
        return f"{self.day.day} {self.day:%B %Y}"

    @property
    def prefix(self) -> str:
        """The words before the date."""
        return {"history": "Last updated ", "shallow": "Last updated on or before "}.get(
            self.basis, "Built "
        )

    @property
    def label(self) -> str:
        suffix = " (revision history not available)" if self.basis == "build" else ""
        return f"{self.prefix}{self.human}{suffix}"


def revision_of(meta: Mapping[str, Any], *, shallow: frozenset[str], today: date) -> Revision:
    """The page's revision from the plugin's `page.meta` entries (see the module docstring)."""
    commit = str(meta.get(HASH_KEY) or "")
    iso = str(meta.get(DATE_KEY) or "")
    if not commit or not iso:
        return Revision(today, "build")
    day = date.fromisoformat(iso)
    return Revision(day, "shallow" if commit in shallow else "history")


def shallow_boundary(project_dir: Path) -> frozenset[str]:
    """The commits where a shallow clone's history stops (empty for a full clone or no git)."""
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--git-path", "shallow"],
            cwd=project_dir,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return frozenset()
    path = Path(found) if Path(found).is_absolute() else project_dir / found
    if not path.is_file():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text().splitlines() if line.strip())
