"""GNU libunistring through ctypes: the reference that catalogs/wrap.py reproduces.

msgcat wraps strings with libunistring's ``ulc_width_linebreaks``. This module reads the
line-breaking classes and character widths straight out of the installed library, so
that ``i18n_kit/catalogs/wrap_tables.py`` can be regenerated from it and the tests can
compare wrap.py with the library on any input. It is only used at development and test
time; i18n-kit itself never loads libunistring.

Regenerate the tables (after a libunistring upgrade changes msgcat's output):

    python -m tests.catalogs.libunistring_tables > i18n_kit/catalogs/wrap_tables.py
"""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import struct
import sys
import textwrap
import zlib
from functools import cache

# Line-breaking classes as numbered in libunistring 1.0 (unilbrk/lbrktables.h).
CLASSES = (
    "WJ GL B2 BA BB HY CL CP1 CP2 EX IN NS OP1 OP2 QU IS NU PO PR SY AL H2 H3 ID1 ID2 "
    "JL JV JT HL RI ZWJ EB EM BK CR LF CM ZW SP CB AI SA XX"
).split()
PAIR_CLASSES = 33  # classes 0..32 index the pair table; the others are handled in code
_PROP_SIZE = 0x9B3C  # sizeof (lbrkprop_t) in libunistring 1.0

UC_BREAK_UNDEFINED = 0
UC_BREAK_PROHIBITED = 1
UC_BREAK_POSSIBLE = 2
UC_BREAK_MANDATORY = 3


@cache
def library() -> ctypes.CDLL | None:
    """The installed libunistring, or None when it is not there."""
    name = ctypes.util.find_library("unistring") or "libunistring.so.2"
    try:
        lib = ctypes.CDLL(name)
        ctypes.c_ubyte.in_dll(lib, "libunistring_unilbrkprop")
        lib.u8_width_linebreaks_v2  # noqa: B018 - the symbol msgcat 0.21 calls
    except (OSError, ValueError, AttributeError):
        return None
    lib.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    lib.uc_width.restype = ctypes.c_int
    lib.u8_width_linebreaks_v2.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
    ]
    lib.u8_width_linebreaks_v2.restype = ctypes.c_int
    lib.u8_possible_linebreaks_v2.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_char_p,
        ctypes.c_char_p,
    ]
    return lib


def raw_classes(lib: ctypes.CDLL) -> bytes:
    """The unresolved line-breaking class of every code point (unilbrkprop_lookup)."""
    addr = ctypes.addressof(ctypes.c_ubyte.in_dll(lib, "libunistring_unilbrkprop"))
    raw = ctypes.string_at(addr, _PROP_SIZE)
    level1 = struct.unpack("<15i", raw[:60])
    level2 = struct.unpack("<2048i", raw[60 : 60 + 8192])
    level3 = raw[60 + 8192 :]
    xx = CLASSES.index("XX")
    out = bytearray(0x110000)
    for uc in range(0x110000):
        value = xx
        lookup1 = level1[uc >> 16] if uc >> 16 < 15 else -1
        if lookup1 >= 0:
            lookup2 = level2[lookup1 + ((uc >> 7) & 511)]
            if lookup2 >= 0:
                value = level3[lookup2 + (uc & 127)]
        out[uc] = value
    return bytes(out)


def pair_table(lib: ctypes.CDLL) -> bytes:
    """unilbrk_table[33][33]: 1 direct break, 2 break only after spaces, 3 never."""
    addr = ctypes.addressof(ctypes.c_ubyte.in_dll(lib, "libunistring_unilbrk_table"))
    return ctypes.string_at(addr, PAIR_CLASSES * PAIR_CLASSES)


def widths(lib: ctypes.CDLL) -> bytes:
    """uc_width(uc, "UTF-8") of every code point; control characters (-1) count 0."""
    return bytes(max(lib.uc_width(uc, b"UTF-8"), 0) for uc in range(0x110000))


def resolved_table(lib: ctypes.CDLL) -> bytes:
    """One byte per code point: class (resolved as for UTF-8) | width << 6."""
    resolve = {
        CLASSES.index("AI"): CLASSES.index("AL"),
        CLASSES.index("CB"): CLASSES.index("ID1"),
        CLASSES.index("SA"): CLASSES.index("AL"),
        CLASSES.index("XX"): CLASSES.index("AL"),
    }
    classes = raw_classes(lib)
    width = widths(lib)
    return bytes(resolve.get(c, c) | (w << 6) for c, w in zip(classes, width, strict=True))


def width_linebreaks(
    lib: ctypes.CDLL, text: str, width: int, start_column: int, overrides: bytes | None
) -> list[int]:
    """Character indices where u8_width_linebreaks_v2 puts a line break in ``text``."""
    data = text.encode("utf-8")
    out = ctypes.create_string_buffer(len(data))
    over = None
    if overrides is not None:
        byte_over = bytearray()
        for ch, value in zip(text, overrides, strict=True):
            n = len(ch.encode("utf-8"))
            byte_over += bytes([value]) + bytes([UC_BREAK_PROHIBITED]) * (n - 1)
        over = bytes(byte_over)
    lib.u8_width_linebreaks_v2(data, len(data), width, start_column, 0, over, b"UTF-8", out)
    breaks = []
    offset = 0
    for index, ch in enumerate(text):
        if out.raw[offset] == UC_BREAK_POSSIBLE:
            breaks.append(index)
        offset += len(ch.encode("utf-8"))
    return breaks


def render_module(lib: ctypes.CDLL) -> str:
    """The text of i18n_kit/catalogs/wrap_tables.py."""
    table = base64.b64encode(zlib.compress(resolved_table(lib), 9)).decode("ascii")
    pairs = "".join(str(v) for v in pair_table(lib))
    lines = [
        '"""Unicode tables for wrap.py, generated from GNU libunistring 1.0 (Unicode 14).',
        "",
        "Do not edit: regenerate with",
        "    python -m tests.catalogs.libunistring_tables > i18n_kit/catalogs/wrap_tables.py",
        "",
        "CLASS_WIDTH: zlib+base64 of one byte per code point U+0000..U+10FFFF, the",
        "line-breaking class (resolved for UTF-8: AI, SA, XX -> AL; CB -> ID1) in the low",
        "6 bits and uc_width() (control characters 0) in the high 2 bits.",
        "PAIRS: unilbrk_table[33][33] row by row; 1 = break, 2 = break after spaces only,",
        '3 = no break."""',
        "",
        "CLASS_WIDTH = (",
    ]
    lines += [f'    "{chunk}"' for chunk in textwrap.wrap(table, 90)]
    lines += [")", "", "PAIRS = ("]
    lines += [f'    "{pairs[i : i + 33 * 2]}"' for i in range(0, len(pairs), 33 * 2)]
    lines += [")", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    lib = library()
    if lib is None:
        sys.exit("libunistring 1.0 not found: apt-get install libunistring2")
    sys.stdout.write(render_module(lib))
