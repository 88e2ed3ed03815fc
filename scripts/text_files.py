"""A writer's text file as text, or a message that says where it is not UTF-8.

MkDocs reads pages as UTF-8 (a byte-order mark allowed) and raises a bare UnicodeDecodeError
otherwise; the hook reads every page before MkDocs does (and docs/glossary.md before any page),
so it reports the file, line and column of the first bad byte instead:

    docs/glossary.md:12:8: not UTF-8 text (byte 0xe9); save the file as UTF-8
"""

from __future__ import annotations

from source_text import Diagnostic


def decode_utf8(data: bytes, display_name: str, *, binary_ok: bool = True) -> str | Diagnostic:
    """`data` decoded as MkDocs decodes a page, or where and why it cannot be. With
    `binary_ok=False`, a NUL byte (a binary file saved under a text name) is a problem too."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return Diagnostic(
            display_name,
            line,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8",
            column,
        )
    if not binary_ok and "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return Diagnostic(
            display_name,
            line,
            "contains NUL bytes, so it is not a text file (a binary file saved under this name?)",
        )
    return text
