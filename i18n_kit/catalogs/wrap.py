"""Line wrapping of PO strings exactly as GNU gettext 0.21 (msgcat, msgmerge) does it.

gettext's ``write-po.c`` splits a string after each ``\\n``, escapes each portion, and
asks libunistring's ``ulc_width_linebreaks`` (UAX #14 line breaking, with display
widths: CJK counts 2 columns) where to break it so that no line passes the page width.
This module reproduces that, tables included (``wrap_tables.py``, generated from
libunistring 1.0), so i18n-kit writes byte-identical files without GNU gettext
installed. ``tests/catalogs`` compares it with libunistring and with msgcat itself.
"""

from __future__ import annotations

import base64
import codecs
import re
import zlib
from bisect import bisect_right
from collections.abc import Collection
from itertools import accumulate
from typing import Any

from i18n_kit.catalogs.wrap_tables import CLASS_WIDTH, PAIRS

PAGE_WIDTH = 79

# Line-breaking classes (numbering of libunistring 1.0, see wrap_tables.py).
_GL, _BA, _HY, _AL, _HL, _RI, _ZWJ = 1, 3, 5, 20, 28, 29, 30
_BK, _CR, _LF, _CM, _ZW, _SP = 33, 34, 35, 36, 37, 38
_HL_BA = 100  # artificial: Hebrew letter followed by a hyphen or break-after character

_TABLE = zlib.decompress(base64.b64decode("".join(CLASS_WIDTH)))
_PAIR = bytes(int(digit) for digit in "".join(PAIRS))
_DIRECT, _INDIRECT = 1, 2

_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}
# The backslash first, so that the ones the others add are not doubled.
_ESCAPE_ORDER = tuple(sorted(_ESCAPES.items(), key=lambda item: item[0] != "\\"))


def _escape(text: str) -> str:
    """``text`` with C escapes (str.replace per character present: str.translate with a
    dict takes a dict look-up per character, 20 times as long on non-ASCII text)."""
    for char, escape in _ESCAPE_ORDER:
        if char in text:
            text = text.replace(char, escape)
    return text


_ESCAPE_PAIR = re.compile(r"\\.", re.DOTALL)


def _class_code(prop: int) -> str:
    """The ASCII letter standing for a line-breaking class in the class strings below."""
    return chr(65 + prop) if prop < 26 else chr(97 + prop - 26)


# str.translate tables over all code points: the class letter, and the width digit.
_CLASS_MAP = _TABLE.translate(bytes(ord(_class_code(v & 63)) for v in range(256))).decode()
_WIDTH_MAP = _TABLE.translate(bytes(48 + (v >> 6) for v in range(256))).decode()

# Text in one of these single-byte charsets (Russian in windows-1251, Latin-1) is mapped
# through bytes.translate, much faster than str.translate over all code points:
# (codec, width of each byte, class letter of each byte).
_SINGLE_BYTE: list[tuple[Any, bytes, bytes]] = []  # Any: codecs' EncodingMap has no public type
for _codec in ("cp1251", "latin-1"):
    _chars = [bytes([b]).decode(_codec, "replace") for b in range(256)]
    _SINGLE_BYTE.append(
        (
            codecs.charmap_build("".join(_chars).replace("\ufffd", "\ufffe")),
            bytes(_TABLE[ord(ch)] >> 6 for ch in _chars),
            bytes(ord(_CLASS_MAP[ord(ch)]) for ch in _chars),
        )
    )
_LAST_SINGLE_BYTE: tuple[str, tuple[bytes, bytes, bytes] | None] = ("", None)


def _single_byte(text: str) -> tuple[bytes, bytes, bytes] | None:
    """``text`` encoded in the first of _SINGLE_BYTE that has all its characters, with
    that charset's width and class tables; None if none has them all. (The last answer
    is kept: the widths and the line breaks of one string both ask.)"""
    global _LAST_SINGLE_BYTE
    last = _LAST_SINGLE_BYTE
    if last[0] is text:
        return last[1]
    found = None
    for encoding_map, widths, classes in _SINGLE_BYTE:
        try:
            found = codecs.charmap_encode(text, "strict", encoding_map)[0], widths, classes
            break
        except UnicodeEncodeError:
            continue
    _LAST_SINGLE_BYTE = (text, found)
    return found


# Classes that need the rules outside the pair table: the general loop handles them.
_SPECIAL = re.compile(
    "[" + "".join(_class_code(p) for p in (_BK, _CR, _LF, _CM, _ZW, _ZWJ, _RI, _HL)) + "]"
)


def _opportunity_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes over class strings finding break opportunities when no special class
    occurs: forward, the match ends where a break may go; over the reversed string, the
    match starts there."""
    space = _class_code(_SP)
    forward: list[str] = []
    backward: list[str] = []
    by_left: dict[tuple[str, str], list[str]] = {}
    by_right: dict[tuple[str, str], list[str]] = {}
    for a in range(33):
        direct = "".join(_class_code(b) for b in range(33) if _PAIR[a * 33 + b] == _DIRECT)
        spaced = "".join(_class_code(b) for b in range(33) if _PAIR[a * 33 + b] != 3)
        by_left.setdefault((direct, spaced), []).append(_class_code(a))
        direct = "".join(_class_code(b) for b in range(33) if _PAIR[b * 33 + a] == _DIRECT)
        spaced = "".join(_class_code(b) for b in range(33) if _PAIR[b * 33 + a] != 3)
        by_right.setdefault((direct, spaced), []).append(_class_code(a))
    for (direct, spaced), lefts in by_left.items():
        if spaced:
            after = (
                f"(?=[{direct}])|{space}+(?=[{spaced}])" if direct else f"{space}+(?=[{spaced}])"
            )
            forward.append(f"[{''.join(lefts)}](?:{after})")
    for (direct, spaced), rights in by_right.items():
        if spaced:
            look = f"[{direct}]|{space}+[{spaced}]" if direct else f"{space}+[{spaced}]"
            backward.append(f"[{''.join(rights)}](?={look})")
    return re.compile("|".join(forward)), re.compile("|".join(backward))


_FORWARD, _BACKWARD = _opportunity_patterns()


def display_width(text: str) -> int:
    """Columns ``text`` takes as libunistring counts them (CJK 2, combining marks 0).

    >>> display_width("Секретариат"), display_width("上海合作组织")
    (11, 12)
    """
    widths = _widths(text)
    return len(text) if widths is None else sum(widths)


def _widths(text: str) -> bytes | None:
    """The width of each character of ``text``, or None when every one is 1 column."""
    if text.isascii():
        if not _ASCII_ZERO_WIDTH.search(text):
            return None
        return text.encode().translate(_ASCII_WIDTH_BYTES)
    single = _single_byte(text)
    if single is not None:
        encoded, width_table = single[0], single[1]
        values = encoded.translate(width_table)
        return values if values.count(1) != len(values) else None
    digits = text.translate(_WIDTH_MAP)
    if "0" not in digits and "2" not in digits:
        return None
    return digits.encode().translate(_DIGIT_VALUES)


_ASCII_ZERO_WIDTH = re.compile(r"[\x00-\x1f\x7f]")
_ASCII_WIDTH_BYTES = bytes(_TABLE[v] >> 6 if v < 128 else 0 for v in range(256))
_ASCII_CLASS_BYTES = bytes(ord(_CLASS_MAP[v]) if v < 128 else 0 for v in range(256))
_DIGIT_VALUES = bytes(v - 48 if 48 <= v <= 50 else 0 for v in range(256))
_NEEDS_ESCAPE = re.compile(r'[\\"\a\b\f\n\r\t\v]')


def wrap_field(
    keyword: str,
    value: str,
    *,
    prefix: str = "",
    wrap: bool = True,
    page_width: int = PAGE_WIDTH,
    no_break_before: Collection[int] = (),
) -> str:
    """The lines gettext writes for ``keyword "value"``, each ending in a newline.

    ``prefix`` starts every line (``"#~ "`` for obsolete entries, ``"#| "`` for previous
    fields); ``wrap=False`` is the ``no-wrap`` flag; ``no_break_before`` holds indices
    into ``value`` where a break is not allowed (inside format directives).

    >>> print(wrap_field("msgid", "Hello,\\nworld"), end="")
    msgid ""
    "Hello,\\n"
    "world"
    """
    # Lines after the first start after the prefix and the opening quote; the closing
    # quote must fit too.
    width = (page_width if wrap else 2**31 - 1) - 2 - len(prefix)
    first = len(keyword) + 1  # start column of the first line's text, on that scale
    if "\n" not in value[:-1]:
        # One portion: the common case.
        escaped = _escape(value) if _NEEDS_ESCAPE.search(value) else value
        if first + len(escaped) * (1 if escaped.isascii() else 2) <= width:
            return f'{prefix}{keyword} "{escaped}"\n'
        widths = _widths(escaped)
        total = len(escaped) if widths is None else sum(widths)
        if first + total <= width:
            return f'{prefix}{keyword} "{escaped}"\n'
        banned = _prohibited(value, escaped, 0, no_break_before)
        if not _width_linebreaks(escaped, widths, width, first, banned, first_only=True):
            return f'{prefix}{keyword} "{escaped}"\n'
        # It wraps: gettext then starts with an empty string and fills from column 0.
        breaks = _width_linebreaks(escaped, widths, width, 0, banned)
        return f'{prefix}{keyword} ""\n' + _quoted_lines(prefix, escaped, breaks)
    # Several portions, each ending after a \n: an empty first line, then each portion
    # filled from column 0.
    lines = [f'{prefix}{keyword} ""\n']
    offset = 0
    for portion in _portions(value):
        escaped = _escape(portion)
        widths = _widths(escaped)
        fits = (len(escaped) if widths is None else sum(widths)) <= width
        banned = set() if fits else _prohibited(portion, escaped, offset, no_break_before)
        breaks = [] if fits else _width_linebreaks(escaped, widths, width, 0, banned)
        lines.append(_quoted_lines(prefix, escaped, breaks))
        offset += len(portion)
    return "".join(lines)


def _quoted_lines(prefix: str, escaped: str, breaks: list[int]) -> str:
    """``escaped`` cut at ``breaks``, one quoted string a line."""
    lines: list[str] = []
    start = 0
    for cut in breaks:
        lines.append(f'{prefix}"{escaped[start:cut]}"\n')
        start = cut
    lines.append(f'{prefix}"{escaped[start:]}"\n')
    return "".join(lines)


def _portions(value: str) -> list[str]:
    """``value`` cut after each \\n (only \\n: str.splitlines also cuts at \\r and others)."""
    parts = [part + "\n" for part in value.split("\n")]
    parts[-1] = parts[-1][:-1]
    return parts if parts[-1] else parts[:-1]


def _prohibited(
    portion: str, escaped: str, offset: int, no_break_before: Collection[int]
) -> set[int]:
    """Indices into ``escaped`` where gettext's overrides forbid a break."""
    banned: set[int] = set()
    if len(escaped) != len(portion):
        banned.update(m.start() + 1 for m in _ESCAPE_PAIR.finditer(escaped))
        if escaped.endswith("\\n"):
            banned.add(len(escaped) - 2)  # never break just before the final \n
    if no_break_before:
        position = 0
        for index, ch in enumerate(portion, start=offset):
            if index in no_break_before:
                banned.add(position)
            position += 2 if ch in _ESCAPES else 1
    return banned


def _width_linebreaks(
    text: str,
    widths: bytes | None,
    width: int,
    start_column: int,
    banned: set[int],
    *,
    first_only: bool = False,
) -> list[int]:
    """Indices where libunistring's u8_width_linebreaks breaks ``text`` (greedy fill);
    ``widths`` as from ``_widths(text)``; with ``first_only``, only the first break.

    The fill is greedy: a line runs to its last break opportunity that still fits, or
    to its first one when none fits. Without characters of the special classes an
    opportunity depends only on the last non-space class before it and on whether
    spaces come between, so regexes over the class string find them near each line's
    end instead of a loop over every character.
    """
    classes = _classes(text)
    if _SPECIAL.search(classes):
        return _general_width_linebreaks(text, width, start_column, banned, first_only)
    n = len(text)
    prefix: list[int] | None = None
    if widths is not None:
        prefix = list(accumulate(widths, initial=0))  # prefix[k]: width of text[:k]
    reverse = classes[::-1]
    breaks: list[int] = []
    line_start = 0
    budget = width - start_column
    while True:
        if prefix is None:
            last_fit = line_start + budget
        else:
            last_fit = bisect_right(prefix, prefix[line_start] + budget) - 1
        if last_fit >= n:
            return breaks
        cut = -1
        position = n - 1 - last_fit
        while position < n - line_start:
            match = _BACKWARD.search(reverse, position, n - line_start)
            if match is None:
                break
            index = n - 1 - match.start()
            if index > line_start and index not in banned:
                cut = index
                break
            position = match.start() + 1
        if cut < 0:
            for match in _FORWARD.finditer(classes, line_start):
                index = match.end()
                if index > line_start and index not in banned:
                    cut = index
                    break
            else:
                return breaks
        breaks.append(cut)
        if first_only:
            return breaks
        line_start = cut
        budget = width


_LAST_CLASSES = ("", "")


def _classes(text: str) -> str:
    """The line-breaking class letter of each character of ``text`` (the last answer is
    kept: wrap_field asks twice for a string that wraps)."""
    global _LAST_CLASSES
    last = _LAST_CLASSES
    if last[0] is text:
        return last[1]
    if text.isascii():
        classes = text.encode().translate(_ASCII_CLASS_BYTES).decode()
    else:
        single = _single_byte(text)
        if single is not None:
            classes = single[0].translate(single[2]).decode("ascii")
        else:
            classes = text.translate(_CLASS_MAP)
    _LAST_CLASSES = (text, classes)
    return classes


def _general_width_linebreaks(
    text: str, width: int, start_column: int, banned: set[int], first_only: bool = False
) -> list[int]:
    """The same, one character at a time, for text with any class (combining marks,
    joiners, regional indicators, Hebrew, line separators)."""
    table = _TABLE
    breaks: list[int] = []
    last_p = -1
    last_column = start_column
    piece_width = 0
    opportunities = _possible_linebreaks(text)
    for index, ch in enumerate(text):
        kind = opportunities[index]
        if index in banned:
            kind = 0
        if kind and last_p >= 0 and last_column + piece_width > width:
            breaks.append(last_p)
            if first_only:
                return breaks
            last_column = 0
        if kind == 2:  # mandatory: a line separator character; gettext never breaks there
            last_p = -1
            last_column = 0
            piece_width = 0
            continue
        if kind == 1:
            last_p = index
            last_column += piece_width
            piece_width = 0
        piece_width += table[ord(ch)] >> 6
    if last_p >= 0 and last_column + piece_width > width:
        breaks.append(last_p)
    return breaks


def _possible_linebreaks(text: str) -> bytearray:
    """Per character: 1 if a line may break before it, 2 if it is a mandatory break.

    A transcription of libunistring 1.0's u8_possible_linebreaks_loop (UAX #14 with the
    pair table, LB8a, LB9-10, LB21a and LB30a).
    """
    table = _TABLE
    pair = _PAIR
    result = bytearray(len(text))
    prev_prop = _BK  # class of the previous character
    last_prop = _BK  # class of the last character that was not a space
    seen_space = False
    ri_count = 0
    for index, ch in enumerate(text):
        prop = table[ord(ch)] & 63
        if prop == _BK or prop == _LF or prop == _CR:
            result[index] = 2
            prev_prop = prop
            last_prop = _BK
            seen_space = False
        else:
            if prop == _SP:
                seen_space = True
            elif prop == _ZW:
                last_prop = _ZW
                seen_space = False
            elif prop == _CM or prop == _ZWJ:
                if last_prop == _BK:
                    last_prop = _AL
                    seen_space = False
                elif last_prop == _ZW or seen_space:
                    result[index] = 1
                    last_prop = _AL
                    seen_space = False
            else:
                if last_prop == _BK:
                    pass
                elif last_prop == _ZW:
                    result[index] = 1
                elif prev_prop == _ZWJ:
                    pass
                elif last_prop == _RI and prop == _RI:
                    if seen_space or ri_count % 2 == 0:
                        result[index] = 1
                elif prev_prop == _HL_BA:
                    pass
                else:
                    rule = pair[last_prop * 33 + prop]
                    if rule == _DIRECT or (rule == _INDIRECT and seen_space):
                        result[index] = 1
                last_prop = prop
                seen_space = False
            prev_prop = _HL_BA if prev_prop == _HL and (prop == _HY or prop == _BA) else prop
        ri_count = ri_count + 1 if prop == _RI else 0
    return result


# Format directives as gettext's format-python.c and format-c.c parse them (for C,
# without the <PRId64> macros: a directive using them ends the check, as an error would).
_DIRECTIVES = {
    "python": (
        re.compile(
            r"%(?:\((?:[^()]|\([^()]*\))*\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?"
            r"[hlL]?(?P<conversion>.?)",
            re.DOTALL,
        ),
        frozenset("%csradiuoxXeEfFgG"),
    ),
    "c": (
        re.compile(
            r"%(?:\d+\$)?[-+ #0'I]*(?:\*(?:\d+\$)?|\d+)?(?:\.(?:\*(?:\d+\$)?|\d+)?)?"
            r"(?:hh|h|ll|l|L|q|j|z|Z|t)?(?P<conversion>.?)",
            re.DOTALL,
        ),
        frozenset("%diouxXeEfFgGaAcCsSpnm"),
    ),
}
FORMAT_DIRECTIVE_LANGUAGES = frozenset(_DIRECTIVES)


def format_interiors(language: str, value: str) -> frozenset[int]:
    """Indices inside the format directives of ``value`` (not their ``%``), for an
    entry flagged ``<language>-format`` (``c`` or ``python``).

    gettext never breaks a line inside a valid format directive; it checks the
    directives up to the first invalid one.

    >>> sorted(format_interiors("python", "50%% of %(the date)s"))
    [3, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    """
    pattern, conversions = _DIRECTIVES[language]
    inside: set[int] = set()
    position = value.find("%")
    while position >= 0:
        match = pattern.match(value, position)
        conversion = match.group("conversion") if match else ""
        if not conversion or conversion not in conversions:
            break
        inside.update(range(position + 1, match.end()))  # type: ignore[union-attr]
        position = value.find("%", match.end())  # type: ignore[union-attr]
    return frozenset(inside)
