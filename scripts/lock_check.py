"""Checks that requirements.lock is in step with requirements.txt: every direct requirement is
pinned in the lock at the same version, and the lock holds no direct requirement that was
removed. scripts/setup.sh runs it before installing from the lock, so a pin changed without
`make lock` stops setup with the fix instead of installing the old version quietly.

Standard library only: it runs before the virtual environment has any package in it.
Usage: python3 scripts/lock_check.py [REQUIREMENTS [LOCK]]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A requirement line of requirements.txt: an exact pin, optionally with a trailing comment.
PIN = re.compile(
    r"""(?x)
    ^ (?P<name> [A-Za-z0-9] [A-Za-z0-9._-]* )
      \s* == \s* (?P<version> [^\s;#]+ )
      \s* (?: \# .* )? $
    """
)
# The start of a package in the lock (uv's and pip-compile's layout): "name==version \", or
# "name[extras]==version \" where a locked package asks for the extras (`make lock` keeps them,
# --no-strip-extras: pip's hash-checking mode refused a dependency's "fonttools[woff]>=4.59.2"
# that the lock's plain "fonttools==4.68.0" did not pin, once a newer fonttools could be found).
LOCKED = re.compile(
    r"""(?x)
    ^ (?P<name> [A-Za-z0-9] [A-Za-z0-9._-]* ) (?: \[ [^\]]* \] )? == (?P<version> [^\s;\\]+ )
    """
)
# uv's and pip-compile's note under a package that the input file asks for by name.
DIRECT = re.compile(r"(?x) ^ \s+ \# \s+ (?: via \s+ )? -r \s+ (?P<file> \S+ ) \s* $")


@dataclass(frozen=True)
class Problem:
    """One way the two files disagree, at the line to fix."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def normalize(name: str) -> str:
    """The package name as PyPI compares names (PEP 503): case, '-', '_' and '.' do not count."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_requirements(path: Path) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """The pins of a requirements file (normalized name -> (version, line)), and its lines that
    are not an exact pin (the lock could not keep such a line's promise)."""
    pins: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        if match is None:
            problems.append(
                Problem(
                    path.name,
                    number,
                    f"'{line}' is not an exact pin; write it "
                    "as name==version, then run `make lock`",
                )
            )
            continue
        name = normalize(match["name"])
        if name in pins:
            problems.append(
                Problem(
                    path.name,
                    number,
                    f"{name} is pinned again (first at line {pins[name][1]}); keep one pin",
                )
            )
            continue
        pins[name] = (match["version"], number)
    return pins, problems


def read_lock(path: Path, requirements_name: str) -> dict[str, tuple[str, int, bool]]:
    """The packages of a lock file: normalized name -> (version, line, whether the lock says
    the requirements file asks for it directly)."""
    locked: dict[str, tuple[str, int, bool]] = {}
    current: str | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if (match := LOCKED.match(line)) is not None:
            current = normalize(match["name"])
            locked[current] = (match["version"], number, False)
        elif (
            current is not None
            and (direct := DIRECT.match(line)) is not None
            and Path(direct["file"]).name == requirements_name
        ):
            version, start, _ = locked[current]
            locked[current] = (version, start, True)
    return locked


def check(requirements: Path, lock: Path) -> list[Problem]:
    """Every disagreement between the requirements file and its lock, in file order."""
    if not lock.is_file():
        return [Problem(requirements.name, 1, f"{lock.name} does not exist; run `make lock`")]
    pins, problems = read_requirements(requirements)
    locked = read_lock(lock, requirements.name)
    for name, (version, line) in pins.items():
        if name not in locked:
            problems.append(
                Problem(
                    requirements.name,
                    line,
                    f"{name}=={version} is not in {lock.name}; run `make lock`",
                )
            )
        elif locked[name][0] != version:
            problems.append(
                Problem(
                    requirements.name,
                    line,
                    f"{name}=={version} is pinned at "
                    f"{locked[name][0]} in {lock.name} (line {locked[name][1]}); "
                    "run `make lock`",
                )
            )
    for name, (version, line, direct) in locked.items():
        if direct and name not in pins:
            problems.append(
                Problem(
                    lock.name,
                    line,
                    f"{name}=={version} is no longer in {requirements.name}; run `make lock`",
                )
            )
    return sorted(problems, key=lambda problem: (problem.path != requirements.name, problem.line))


def main(argv: list[str]) -> int:
    """Prints each problem as file:line: message; exit status 1 when there is any."""
    requirements = Path(argv[0]) if argv else ROOT / "requirements.txt"
    lock = Path(argv[1]) if len(argv) > 1 else requirements.with_suffix(".lock")
    problems = check(requirements, lock)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
