"""PO/POT files: a strict reader and a writer whose output is byte-identical to GNU msgcat's.

The only module that imports polib: its ``POFile``/``POEntry`` are the catalog model
every other module uses (as ``Catalog`` and ``Entry``). Reading and writing are ours:

- ``format_catalog`` writes what ``msgcat`` (gettext 0.21, width 79) would write for the
  same content, so a file saved by Poedit or run through msgcat/msgmerge comes back
  unchanged, and sync writes nothing when nothing changed. Wrapping is in ``wrap.py``.
- ``parse_catalog`` reads the gettext syntax strictly (polib's own parser accepts an
  unterminated string, drops ``#~|`` lines, ``msgstr[10]``, empty ``#.`` lines and
  attributes a header-less file's first comment to the file) and reports bad input
  as one ``CatalogError`` line: ``a.po:12: unterminated string; ...``.

Three things of the PO text that the polib model cannot hold are kept as msgcat keeps
them: a comment that is one empty ``#`` or ``#.`` line (``ONE_EMPTY_LINE``), a header
field given twice (``RepeatedField``), and the CR of a CRLF file in comment lines (a
comment's text; msgcat writes it back there and writes LF everywhere else).
"""

from __future__ import annotations

import functools
import gc
import re
import shlex
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeAlias

import polib

from i18n_kit.catalogs.po_syntax import parse_entries
from i18n_kit.catalogs.wrap import (
    FORMAT_DIRECTIVE_LANGUAGES,
    PAGE_WIDTH,
    format_interiors,
    wrap_field,
)
from i18n_kit.errors import CatalogError

Catalog: TypeAlias = polib.POFile
Entry: TypeAlias = polib.POEntry

__all__ = [
    "ONE_EMPTY_LINE",
    "Catalog",
    "Entry",
    "RepeatedField",
    "format_catalog",
    "new_catalog",
    "new_entry",
    "parse_catalog",
    "read_catalog",
]

# gettext 0.21's format languages, in the order msgcat writes their flags.
FORMAT_LANGUAGES = (
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp "
    "librep ruby sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl "
    "perl perl-brace php gcc-internal gfc-internal ycp"
).split()
_FORMAT_RANK = {language: rank for rank, language in enumerate(FORMAT_LANGUAGES)}
_FLAG_TOKEN = re.compile(r"range:\s*(\d+)\s*\.\.\s*(\d+)|[^\s,]+")
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


class _OneEmptyLine(str):
    """The text of a comment that is one empty line: ``""``, but true.

    A comment (``tcomment``, ``comment``, a catalog's ``header``) is its lines joined by
    ``\\n``, so ``""`` stands for no comment at all, and a lone ``#`` or ``#.`` line,
    which msgcat keeps, would be lost. The reader gives such a comment this value; it
    compares and hashes as ``""`` and, copied from one entry to another as sync does,
    writes its line again.
    """

    __slots__ = ()

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return "ONE_EMPTY_LINE"


#: A comment of one empty line (``#`` alone above an entry); see ``_OneEmptyLine``.
ONE_EMPTY_LINE: str = _OneEmptyLine()


class RepeatedField(str):
    """A header field's name where the header gives the field again.

    msgcat writes a header as it was read, so ``Language: ru`` followed later by
    ``Language: zh`` stays two lines. ``Catalog.metadata`` is a dict; the reader keys a
    repeated field's later values by a ``RepeatedField``, a string equal only to itself:
    ``metadata["Language"]`` is the first value (the one gettext reads), the later lines
    are written back in their places, and ``header.merge_header`` rewrites only the first.

    >>> catalog = parse_catalog('msgid ""\\nmsgstr "X-A: 1\\\\nX-A: 2\\\\n"\\n', origin="a.po")
    >>> catalog.metadata["X-A"], list(catalog.metadata.values())
    ('1', ['1', '2'])
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    __hash__ = str.__hash__


def new_catalog(*, header: Mapping[str, str]) -> Catalog:
    """An empty catalog whose header fields are ``header``, in that order.

    >>> format_catalog(new_catalog(header={"Language": "ru"}))
    'msgid ""\\nmsgstr "Language: ru\\\\n"\\n'
    """
    catalog = polib.POFile(wrapwidth=PAGE_WIDTH, encoding="utf-8")
    catalog.metadata = dict(header)
    return catalog


def new_entry(
    *,
    msgid: str,
    msgstr: str = "",
    msgctxt: str | None = None,
    msgid_plural: str = "",
    msgstr_plural: Mapping[int, str] | None = None,
    comment: str = "",
    tcomment: str = "",
    occurrences: Iterable[tuple[str, str]] = (),
    flags: Iterable[str] = (),
    previous_msgctxt: str | None = None,
    previous_msgid: str | None = None,
    previous_msgid_plural: str | None = None,
    obsolete: bool = False,
) -> Entry:
    """One catalog entry. ``comment`` holds extracted comments (``#.``), ``tcomment``
    translator comments (``#``), one line each; ``occurrences`` are ``(path, line)``
    pairs with ``line`` ``""`` for none.

    >>> print(format_catalog_entry(new_entry(msgid="SCO", msgstr="ШОС", flags=["fuzzy"])))
    #, fuzzy
    msgid "SCO"
    msgstr "ШОС"
    <BLANKLINE>
    """
    return polib.POEntry(
        msgid=msgid,
        msgstr=msgstr,
        msgctxt=msgctxt,
        msgid_plural=msgid_plural,
        msgstr_plural=dict(msgstr_plural or {}),
        comment=comment,
        tcomment=tcomment,
        occurrences=list(occurrences),
        flags=list(flags),
        previous_msgctxt=previous_msgctxt,
        previous_msgid=previous_msgid,
        previous_msgid_plural=previous_msgid_plural,
        obsolete=obsolete,
    )


# ---------------------------------------------------------------------------- writing


def format_catalog(catalog: Catalog) -> str:
    """The PO text of ``catalog``, exactly as ``msgcat`` writes it.

    Active entries come first, in order, then obsolete ones; an obsolete entry without a
    translation is left out, and so is the ``fuzzy`` flag of an untranslated entry (as
    msgcat does). A catalog with a header and no entries is written as its header
    (``msgcat --force-po``; plain msgcat writes no file then). Raises ValueError for
    two entries with the same context and msgid, which msgcat and msgfmt reject.

    >>> catalog = new_catalog(header={"Language": "zh"})
    >>> catalog.append(new_entry(msgid="Hello", msgstr="你好"))
    >>> print(format_catalog(catalog), end="")
    msgid ""
    msgstr "Language: zh\\n"
    <BLANKLINE>
    msgid "Hello"
    msgstr "你好"
    """
    return "".join(generate_catalog_lines(catalog))


def format_catalog_entry(entry: Entry, *, nplurals: int = 2) -> str:
    """The lines of one entry as msgcat writes them (no separating blank line)."""
    return "".join(_entry_lines(entry, nplurals=nplurals))


def generate_catalog_lines(catalog: Catalog) -> Iterator[str]:
    """Yield the catalog's text in pieces of whole lines (see ``format_catalog``)."""
    nplurals = _nplurals(catalog.metadata)
    seen: dict[tuple[str | None, str], int] = {}
    first = True
    header = _header_entry(catalog)
    if header is not None:
        yield from _entry_lines(header, nplurals=nplurals)
        first = False
    active = [entry for entry in catalog if not entry.obsolete]
    obsolete = [entry for entry in catalog if entry.obsolete]
    for entry in active + obsolete:
        key = (entry.msgctxt, entry.msgid)
        if key in seen or (entry.msgctxt is None and entry.msgid == "" and header is not None):
            raise ValueError(
                f"duplicate entry for msgid {entry.msgid!r} (context {entry.msgctxt!r})"
            )
        seen[key] = 1
        if entry.obsolete and not _first_msgstr(entry):
            continue
        if not first:
            yield "\n"
        first = False
        yield from _entry_lines(entry, nplurals=nplurals)


def _header_entry(catalog: Catalog) -> Entry | None:
    fuzzy = catalog.metadata_is_fuzzy
    if not (catalog.metadata or catalog.header or fuzzy):
        return None
    flags = list(fuzzy) if isinstance(fuzzy, list) else (["fuzzy"] if fuzzy else [])
    msgstr = "".join(f"{key}: {value}\n" for key, value in catalog.metadata.items())
    return polib.POEntry(msgid="", msgstr=msgstr, tcomment=catalog.header, flags=flags)


def _nplurals(metadata: Mapping[str, str]) -> int:
    match = _NPLURALS.search(metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match and 0 < int(match.group(1)) < 100 else 2


def _first_msgstr(entry: Entry) -> str:
    if entry.msgid_plural:
        return str(entry.msgstr_plural.get(0, "")) if entry.msgstr_plural else ""
    return str(entry.msgstr)


def _entry_lines(entry: Entry, *, nplurals: int) -> Iterator[str]:
    if entry.tcomment:  # ONE_EMPTY_LINE is true; str() of it is "", as of any str
        for line in str(entry.tcomment).split("\n"):
            yield f"# {line}\n" if line else "#\n"
    if entry.comment:
        for line in str(entry.comment).split("\n"):
            yield f"#. {line}\n" if line else "#.\n"
    if entry.occurrences:
        yield from _reference_lines(entry.occurrences)
    fuzzy, formats, wrap, flag_line = _flags(entry.flags)
    if fuzzy and _first_msgstr(entry):
        flag_line = ["fuzzy", *flag_line]
    if flag_line:
        yield "#, " + ", ".join(flag_line) + "\n"
    # gettext keeps directives whole for the first format the entry may be in.
    language = ""
    if formats:
        language = min(
            (lang for lang, state in formats.items() if state in ("yes", "possible")),
            key=_FORMAT_RANK.__getitem__,
            default="",
        )

    def field(keyword: str, value: str, prefix: str) -> str:
        if language in FORMAT_DIRECTIVE_LANGUAGES and "%" in value:
            banned = format_interiors(language, value)
            return wrap_field(keyword, value, prefix=prefix, wrap=wrap, no_break_before=banned)
        return _wrapped(keyword, value, prefix, wrap)

    previous = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        yield field("msgctxt", entry.previous_msgctxt, previous)
    if entry.previous_msgid is not None:
        yield field("msgid", entry.previous_msgid, previous)
    if entry.previous_msgid_plural is not None:
        yield field("msgid_plural", entry.previous_msgid_plural, previous)
    prefix = "#~ " if entry.obsolete else ""
    if entry.msgctxt is not None:
        yield field("msgctxt", entry.msgctxt, prefix)
    yield field("msgid", entry.msgid, prefix)
    if entry.msgid_plural:
        yield field("msgid_plural", entry.msgid_plural, prefix)
        forms = entry.msgstr_plural or {index: "" for index in range(nplurals)}
        for index in sorted(forms):
            yield field(f"msgstr[{index}]", forms[index], prefix)
    else:
        yield field("msgstr", entry.msgstr, prefix)


# What wrap_field made, by its arguments: in an archive the same sentence is written in
# the template and every catalog, and a memory fill in many (half the fields of a cold
# sync of 1,000 articles). Bounded, so a long preview session stays small.
@functools.lru_cache(maxsize=200_000)
def _wrapped(keyword: str, value: str, prefix: str, wrap: bool) -> str:
    return wrap_field(keyword, value, prefix=prefix, wrap=wrap)


def _reference_lines(occurrences: Sequence[tuple[str, str]]) -> Iterator[str]:
    # msgcat drops repeated references, strips "./" and writes line numbers as numbers;
    # a reference goes to a new "#:" line when it would pass the page width.
    refs: list[str] = []
    for path, line in occurrences:
        while path.startswith("./"):
            path = path[2:]
        ref = f"{path}:{int(line)}" if str(line).isdigit() else path
        if ref not in refs:
            refs.append(ref)
    out = "#:"
    column = 2  # gettext counts bytes here, not characters
    for ref in refs:
        size = len(ref.encode("utf-8")) + 1
        if column > 2 and column + size > PAGE_WIDTH:
            yield out + "\n"
            out = "#:"
            column = 2
        out += " " + ref
        column += size
    yield out + "\n"


def _flags(flags: Iterable[str]) -> tuple[bool, dict[str, str], bool, list[str]]:
    """Parse flags as gettext does: (fuzzy, format states, wrap, the flags msgcat keeps)."""
    if not flags:
        return False, {}, True, []
    fuzzy = False
    wrap = True
    formats: dict[str, str] = {}
    value_range: tuple[int, int] | None = None
    for match in _FLAG_TOKEN.finditer(" , ".join(flags)):
        token = match.group(0)
        if match.group(1) is not None:
            low, high = int(match.group(1)), int(match.group(2))
            if low <= high:
                value_range = (low, high)
        elif token == "fuzzy":
            fuzzy = True
        elif token in ("wrap", "no-wrap"):
            wrap = token == "wrap"
        elif token.endswith("-format"):
            language = token[: -len("-format")]
            state = "yes"
            for state_prefix in ("possible", "impossible", "no"):
                if language.startswith(state_prefix + "-"):
                    candidate = language[len(state_prefix) + 1 :]
                    if candidate in _FORMAT_RANK:
                        language, state = candidate, state_prefix
                    break
            if language in _FORMAT_RANK:
                formats[language] = state
    kept = [
        ("no-" if formats[language] == "no" else "") + language + "-format"
        for language in sorted(formats, key=_FORMAT_RANK.__getitem__)
        if formats[language] != "impossible"
    ]
    if value_range is not None:
        kept.append(f"range: {value_range[0]}..{value_range[1]}")
    if not wrap:
        kept.append("no-wrap")
    return fuzzy, formats, wrap, kept


# ---------------------------------------------------------------------------- reading


def read_catalog(path: Path, *, origin: str | None = None) -> Catalog:
    """Read a PO/POT file; ``origin`` (default ``str(path)``) names it in errors.

    >>> read_catalog(Path("locales/ru/LC_MESSAGES/messages.po")).metadata["Language"]
    'ru'
    """
    where = str(path) if origin is None else origin
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read the file: {exc.strerror}", path=where) from exc
    return decode_catalog(data, origin=where)


def decode_catalog(data: bytes, *, origin: str) -> Catalog:
    """``read_catalog`` of bytes already read (sync hashes what it read, to tell later
    whether the file on disk is still that one).

    >>> len(decode_catalog(b'msgid "SCO"\\nmsgstr ""\\n', origin="a.po"))
    1
    """
    where = origin
    if data[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"):
        raise CatalogError(
            "this is a compiled MO file, not a PO file; read the .po it was made from",
            path=where,
            line=1,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data)
        if declared is not None and not _is_utf8_name(declared):
            command = shlex.quote(where)
            raise CatalogError(
                f"not UTF-8 (the header declares charset={declared}); convert it with: "
                f"msgconv --to-code=UTF-8 -o {command} {command}",
                path=where,
            ) from exc
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise CatalogError(
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at column {column}); "
            "save the file as UTF-8",
            path=where,
            line=line,
        ) from exc
    return parse_catalog(text, origin=where)


def parse_catalog(text: str, *, origin: str) -> Catalog:
    """Parse PO/POT text strictly; ``origin`` names the text in errors.

    Keeps everything msgcat keeps, the previous msgid of obsolete entries (``#~|``)
    included, so ``format_catalog(parse_catalog(text))`` is msgcat's output for ``text``.

    >>> catalog = parse_catalog('msgid "SCO"\\nmsgstr "ШОС"\\n', origin="a.po")
    >>> [(entry.msgid, entry.msgstr) for entry in catalog]
    [('SCO', 'ШОС')]
    """
    # Reading makes several lists and dicts per entry, and the cyclic garbage collector,
    # run every few hundred new ones, would walk the growing catalog (and whatever else
    # the process holds) again and again: 40 % of the time on 50,000 entries. What is
    # read forms no cycle, so the collector waits until the catalog is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse_catalog(text, origin=origin)
    finally:
        if collecting:
            gc.enable()


def _parse_catalog(text: str, *, origin: str) -> Catalog:
    catalog = polib.POFile(wrapwidth=PAGE_WIDTH, encoding="utf-8")
    header_seen = False
    entries: list[Entry] = []
    new = _new_entry
    for raw in parse_entries(text, origin=origin):
        if raw.msgid == "" and raw.msgctxt is None and not raw.obsolete and not header_seen:
            header_seen = True
            catalog.header = _comment_text(raw.tcomments)
            catalog.metadata = _parse_header(raw.msgstr or "")
            catalog.metadata_is_fuzzy = list(raw.flags)
            _check_charset(catalog.metadata, origin=origin, line=raw.line)
            continue
        previous = raw.previous
        comments, tcomments = raw.comments, raw.tcomments
        entry = new(Entry)
        # What POEntry(msgid=..., ...) sets, without its 15 keyword-argument look-ups
        # (a tenth of the reading time); test_po_details checks that the two agree.
        entry.__dict__ = {
            "msgid": raw.msgid or "",
            "msgstr": raw.msgstr or "",
            "msgid_plural": raw.msgid_plural or "",
            "msgstr_plural": raw.msgstr_plural,
            "msgctxt": raw.msgctxt,
            "obsolete": raw.obsolete,
            "encoding": polib.default_encoding,
            "comment": _comment_text(comments) if comments else "",
            "tcomment": _comment_text(tcomments) if tcomments else "",
            "occurrences": raw.references,
            "flags": raw.flags,
            "previous_msgctxt": previous.get("msgctxt") if previous else None,
            "previous_msgid": previous.get("msgid") if previous else None,
            "previous_msgid_plural": previous.get("msgid_plural") if previous else None,
            "linenum": raw.line,
        }
        entries.append(entry)
    list.extend(catalog, entries)
    return catalog


_new_entry = object.__new__


def _comment_text(lines: list[str]) -> str:
    if len(lines) == 1 and not lines[0]:
        return ONE_EMPTY_LINE
    return "\n".join(lines)


def _parse_header(msgstr: str) -> dict[str, str]:
    # As polib reads a header: "Key: value" lines; a line without a colon continues
    # the previous value. A field given again keeps its later value under its own key.
    metadata: dict[str, str] = {}
    key = None
    for line in msgstr.splitlines():
        name, colon, value = line.partition(":")
        if colon:
            key = RepeatedField(name) if name in metadata else name
            metadata[key] = value.strip()
        elif key is not None:
            metadata[key] += "\n" + line.strip()
    return metadata


# A header line declaring the charset, read from bytes in any ASCII-based encoding.
_DECLARED_CHARSET = re.compile(
    rb'^[ \t]*(?:msgstr[ \t]*)?"Content-Type:[^"\n]*?charset=([^\s;"\\]+)', re.MULTILINE
)


def _declared_charset(data: bytes) -> str | None:
    """The charset a PO file's header declares, or None (no header line found, or the
    placeholder ``CHARSET`` of a fresh template)."""
    match = _DECLARED_CHARSET.search(data)
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    return None if name.upper() == "CHARSET" else name


def _is_utf8_name(charset: str) -> bool:
    return charset.upper() in ("UTF-8", "UTF8", "ASCII", "US-ASCII")


def _check_charset(metadata: Mapping[str, str], *, origin: str, line: int) -> None:
    match = re.search(r"charset=([^\s;]+)", metadata.get("Content-Type", ""))
    if match and match.group(1).upper() not in ("UTF-8", "UTF8", "CHARSET", "ASCII"):
        raise CatalogError(
            f"the header declares charset={match.group(1)}; i18n-kit reads UTF-8 only: "
            "convert the file with msgconv --to-code=UTF-8",
            path=origin,
            line=line,
        )
