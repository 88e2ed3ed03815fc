"""A working regex cache for tinyhtml5, WeasyPrint's HTML parser.

Why: tinyhtml5 2.1 caches, per set of stop characters, the regex its tokenizer scans text with,
but stores it under the wrong key (`characters = cache[(characters, opposite)] = regex`
assigns `characters` first), so the cache never hits and every run of text rebuilds the regex:
WeasyPrint's parse of the book spent much of its time there. A dict that builds the missing regex
itself, exactly as tinyhtml5 does, makes the lookup hit every time: the parse does less and its
result is the same (tests/test_pdf.py).

The fix for tinyhtml5 itself is upstream/tinyhtml5-2.1.0-regex-cache.patch. This workaround
applies to exactly the version pinned in requirements.txt (CHECKED_VERSION); a test fails when
the pin moves, so that the next version is checked (and the workaround dropped once fixed).
"""

from __future__ import annotations

import re

import tinyhtml5
import tinyhtml5.inputstream as inputstream

CHECKED_VERSION = "2.1.0"
PATCH = "upstream/tinyhtml5-2.1.0-regex-cache.patch"


class StopCharacterRegexes(dict):
    """(characters, opposite) -> the compiled regex tinyhtml5's chars_until builds for them."""

    def __missing__(self, key: tuple) -> re.Pattern:
        characters, opposite = key
        escaped = "".join(f"\\x{ord(character):02x}" for character in characters)
        regex = self[key] = re.compile(f"[{'' if opposite else '^'}{escaped}]+")
        return regex


def apply() -> bool:
    """Install the cache once; False (tinyhtml5 left as it is) for any other version."""
    if tinyhtml5.__version__ != CHECKED_VERSION:
        return False
    if not isinstance(inputstream.characters_until_regex, StopCharacterRegexes):
        inputstream.characters_until_regex = StopCharacterRegexes()
    return True
