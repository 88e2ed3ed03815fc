"""WOFF2 to TrueType with FreeType (C), eight times faster than fontTools (pure Python).

Why: WeasyPrint needs plain TrueType, and fontTools' WOFF2 decoder rebuilds every glyph in
Python (about 80 ms a face; the book loads up to 16 faces on every cold build). FreeType, which
Pango already loads, decodes WOFF2 itself when it was built with Brotli (Debian's is): a face
opened from the WOFF2 bytes hands back each reconstructed table with FT_Load_Sfnt_Table, and
this module writes them out as an ordinary TrueType file.

One FreeType quirk is corrected: the last 'loca' entry (the end of the last glyph) of a rebuilt
face can point past the 'glyf' table, so it is set to the table's length. Any other surprise
(no FreeType, no Brotli, an error, a table that does not add up) returns None and the caller
falls back to fontTools; tests/test_pdf.py checks that both decoders give the same glyphs.
"""
from __future__ import annotations

import struct
from functools import cache

import cffi

_CDEF = """
typedef struct FT_LibraryRec_ *FT_Library;
typedef struct FT_FaceRec_ *FT_Face;
int FT_Init_FreeType(FT_Library *alibrary);
int FT_Done_FreeType(FT_Library library);
int FT_New_Memory_Face(FT_Library library, const unsigned char *file_base, long file_size,
                       long face_index, FT_Face *aface);
int FT_Done_Face(FT_Face face);
int FT_Sfnt_Table_Info(FT_Face face, unsigned int table_index, unsigned long *tag,
                       unsigned long *length);
int FT_Load_Sfnt_Table(FT_Face face, unsigned long tag, long offset, unsigned char *buffer,
                       unsigned long *length);
"""
_LIBRARY_NAMES = ("libfreetype.so.6", "freetype", "libfreetype.6.dylib", "libfreetype-6.dll")


@cache
def _freetype() -> tuple[cffi.FFI, object] | None:
    ffi = cffi.FFI()
    ffi.cdef(_CDEF)
    for name in _LIBRARY_NAMES:
        try:
            return ffi, ffi.dlopen(name)
        except OSError:
            continue
    return None


def woff2_to_truetype(data: bytes) -> bytes | None:
    """The TrueType (or CFF OpenType) file of WOFF2 data, or None if FreeType cannot do it."""
    if data[:4] != b"wOF2" or (loaded := _freetype()) is None:
        return None
    tables = _tables(*loaded, data)
    if not tables or not _fix_loca(tables):
        return None
    return _sfnt(tables)


def _tables(ffi: cffi.FFI, ft, data: bytes) -> dict[bytes, bytes] | None:
    library = ffi.new("FT_Library *")
    if ft.FT_Init_FreeType(library):
        return None
    try:
        face = ffi.new("FT_Face *")
        source = ffi.from_buffer(data)   # must outlive the face
        if ft.FT_New_Memory_Face(library[0], source, len(data), 0, face):
            return None
        try:
            tables: dict[bytes, bytes] = {}
            tag, length = ffi.new("unsigned long *"), ffi.new("unsigned long *")
            index = 0
            while ft.FT_Sfnt_Table_Info(face[0], index, tag, length) == 0:
                size = ffi.new("unsigned long *", length[0])
                buffer = ffi.new("unsigned char[]", max(length[0], 1))
                if ft.FT_Load_Sfnt_Table(face[0], tag[0], 0, buffer, size):
                    return None
                tables[tag[0].to_bytes(4, "big")] = ffi.buffer(buffer, size[0])[:]
                index += 1
            return tables
        finally:
            ft.FT_Done_Face(face[0])
    finally:
        ft.FT_Done_FreeType(library[0])


def _fix_loca(tables: dict[bytes, bytes]) -> bool:
    """Make the last 'loca' offset the end of 'glyf'; False if the table is not sane."""
    if b"glyf" not in tables:
        return b"loca" not in tables
    head, loca, glyf = tables.get(b"head", b""), tables.get(b"loca", b""), tables[b"glyf"]
    if len(head) < 54:
        return False
    long_format = struct.unpack_from(">h", head, 50)[0] == 1
    size, scale = (4, 1) if long_format else (2, 2)
    count = len(loca) // size
    if count < 2 or len(loca) % size:
        return False
    offsets = list(struct.unpack(f">{count}{'I' if long_format else 'H'}", loca))
    offsets[-1] = len(glyf) // scale
    if any(b < a for a, b in zip(offsets, offsets[1:])):
        return False
    tables[b"loca"] = struct.pack(f">{count}{'I' if long_format else 'H'}", *offsets)
    return True


def _sfnt(tables: dict[bytes, bytes]) -> bytes:
    """An sfnt file of these tables: directory, 4-byte aligned tables, checksums."""
    tags = sorted(tables)
    count = len(tags)
    entry_selector = count.bit_length() - 1
    search_range = (1 << entry_selector) * 16
    version = b"\x00\x01\x00\x00" if b"glyf" in tables else b"OTTO"
    header = struct.pack(">4sHHHH", version, count, search_range, entry_selector,
                         count * 16 - search_range)
    offset = 12 + 16 * count
    records, bodies = [], []
    head_offset = None
    for tag in tags:
        data = tables[tag]
        if tag == b"head":
            data = data[:8] + b"\0\0\0\0" + data[12:]   # checkSumAdjustment, set below
            head_offset = offset
        padded = data + b"\0" * (-len(data) % 4)
        records.append(struct.pack(">4sIII", tag, _checksum(padded), offset, len(data)))
        bodies.append(padded)
        offset += len(padded)
    font = bytearray(header + b"".join(records) + b"".join(bodies))
    if head_offset is not None:
        struct.pack_into(">I", font, head_offset + 8, (0xB1B0AFBA - _checksum(font)) & 0xFFFFFFFF)
    return bytes(font)


def _checksum(data: bytes | bytearray) -> int:
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF
