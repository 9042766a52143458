"""TMX 1.4b files <-> MemoryUnit: read_tmx (through defusedxml), write_tmx, plan_tmx_import.

Reading: every ``<tu>`` in ``<body>`` gives one unit from its source ``<tuv>`` (the
header's ``srclang``; ``*all*`` means every language is a source) to each other
``<tuv>``. A ``<seg>``'s text is its character data and that of ``<hi>``; the native
codes inside ``<bpt>``, ``<ept>``, ``<ph>``, ``<it>`` and ``<ut>`` and ``<sub>``
flows are left out. Language codes are read as BCP 47 and kept in the project's form
(``ru-RU`` -> ``ru_RU``); with ``locales`` (the project's codes) given, they are mapped
onto those (exact, else the same language: ``ru-RU`` -> ``ru``) and other languages are
ignored. The source language must occur in some ``<tu>``, and so must at least one other
language (one of ``locales``), else the file is refused: ``no <tuv xml:lang="ru"> in any
<tu>; the file has en``.

The parser is defusedxml's: entity declarations (billion laughs) and external
references are refused; a DOCTYPE naming ``tmx14.dtd`` is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import fromstring

from i18n_kit import __version__
from i18n_kit.errors import MemoryStoreError
from i18n_kit.files import hash_bytes
from i18n_kit.translation.memory_store import (
    FileChange,
    FileKind,
    FileRecord,
    MemoryUnit,
    normalize_text,
)

__all__ = ["plan_tmx_import", "read_tmx", "write_tmx"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TEXT_CHILDREN = frozenset({"hi"})
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FIX = "fix the file or export it again from the tool that made it"


def read_tmx(path: Path, *, origin: str, locales: Sequence[str] | None = None) -> list[MemoryUnit]:
    """The translation units of a TMX file, ``origin`` naming it in units and errors.

    >>> units = read_tmx(Path("tests/data/translation/legacy.tmx"), origin="tm/legacy.tmx",
    ...                  locales=["en", "ru", "zh"])
    >>> units[0].target_text
    'Генеральный секретарь ШОС встретился с Послом Казахстана.'
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MemoryStoreError(f"cannot read the file: {exc.strerror}", path=origin) from exc
    return parse_tmx(data, origin=origin, locales=locales)


def parse_tmx(
    data: bytes, *, origin: str, locales: Sequence[str] | None = None
) -> list[MemoryUnit]:
    """As ``read_tmx``, from the file's bytes.

    >>> parse_tmx(b'<tmx version="1.4"><header srclang="en"/><body><tu>'
    ...           b'<tuv xml:lang="en"><seg>SCO</seg></tuv><tuv xml:lang="ru-RU"><seg>SCO!</seg>'
    ...           b'</tuv></tu></body></tmx>', origin="a.tmx", locales=["en", "ru"])[0].target_lang
    'ru'
    """
    root = _parse_xml(data, origin=origin)
    if root.tag != "tmx":
        raise MemoryStoreError(
            f"not a TMX file: the root element is <{root.tag}>, not <tmx>; {_FIX}", path=origin
        )
    header = root.find("header")
    body = root.find("body")
    if header is None or body is None:
        missing = "<header>" if header is None else "<body>"
        raise MemoryStoreError(f"not a TMX file: no {missing} in <tmx>; {_FIX}", path=origin)
    srclang = header.get("srclang", "").strip()
    if not srclang:
        raise MemoryStoreError(
            '<header> has no srclang; add srclang="en" (the source language) or "*all*"',
            path=origin,
        )
    wanted = None if locales is None else list(locales)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for tu in body.iter("tu"):
        row: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            code = _project_code((tuv.get(_XML_LANG) or tuv.get("lang") or "").strip(), wanted)
            seg = tuv.find("seg")
            if code is None or seg is None or code in row:
                continue
            seen.add(code)
            text = normalize_text(_seg_text(seg))
            if text:
                row[code] = text
        rows.append(row)
    source = None if srclang == "*all*" else _project_code(srclang, wanted)
    if srclang != "*all*" and (source is None or source not in seen):
        raise MemoryStoreError(_missing(srclang, seen), path=origin)
    if not seen - {source}:
        others = [code for code in wanted or () if code != source]
        shown = others[0] if others else "a language other than " + srclang
        raise MemoryStoreError(_missing(shown, seen), path=origin)
    units: list[MemoryUnit] = []
    for row in rows:
        sources = list(row) if source is None else [source] if source in row else []
        for source_lang in sources:
            for target_lang, target_text in row.items():
                if target_lang == source_lang:
                    continue
                units.append(
                    MemoryUnit(
                        source_lang=source_lang,
                        target_lang=target_lang,
                        source_text=row[source_lang],
                        target_text=target_text,
                        origin=origin,
                    )
                )
    return units


def write_tmx(units: Iterable[MemoryUnit], *, source_lang: str) -> str:
    """TMX 1.4b text of the units whose source language is ``source_lang``: one ``<tu>``
    per source text, one ``<tuv>`` per target language (a second translation into the
    same language starts another ``<tu>``).

    >>> print(write_tmx([MemoryUnit(source_lang="en", target_lang="ru", source_text="SCO",
    ...       target_text="ШОС", origin="a.po")], source_lang="en").splitlines()[4])
        <tu><tuv xml:lang="en"><seg>SCO</seg></tuv><tuv xml:lang="ru"><seg>ШОС</seg></tuv></tu>
    """
    groups: list[tuple[str, dict[str, str]]] = []
    open_group: dict[str, int] = {}
    for unit in units:
        if unit.source_lang != source_lang:
            continue
        position = open_group.get(unit.source_text)
        if position is None or unit.target_lang in groups[position][1]:
            open_group[unit.source_text] = len(groups)
            groups.append((unit.source_text, {}))
            position = len(groups) - 1
        groups[position][1][unit.target_lang] = unit.target_text
    from xml.sax.saxutils import quoteattr  # it imports urllib.request: only to write

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="i18n-kit" creationtoolversion={quoteattr(__version__)}'
        f' datatype="plaintext" segtype="sentence" adminlang="en"'
        f" srclang={quoteattr(_bcp47(source_lang))} o-tmf=\"i18n-kit\"/>",
        "  <body>",
    ]
    for source_text, targets in groups:
        tuvs = [_tuv(source_lang, source_text)] + [
            _tuv(code, text) for code, text in targets.items()
        ]
        lines.append("    <tu>" + "".join(tuvs) + "</tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


def plan_tmx_import(
    path: Path, *, origin: str, locales: Sequence[str] | None, known: FileRecord | None
) -> FileChange | None:
    """The change that (re)indexes a TMX file, or None when its content is unchanged."""
    try:
        stat = path.stat()
        if known is not None and (known.mtime_ns, known.size) == (stat.st_mtime_ns, stat.st_size):
            return None
        data = path.read_bytes()
    except OSError as exc:
        raise MemoryStoreError(f"cannot read the file: {exc.strerror}", path=origin) from exc
    record = FileRecord(
        kind=FileKind.TMX, mtime_ns=stat.st_mtime_ns, size=stat.st_size, hash=hash_bytes(data)
    )
    if known is not None and known.hash == record.hash and known.kind is FileKind.TMX:
        return FileChange(origin=origin, record=record, units=None)
    units = parse_tmx(data, origin=origin, locales=locales)
    return FileChange(origin=origin, record=record, units=units)


# ---------------------------------------------------------------------------- helpers


def _parse_xml(data: bytes, *, origin: str) -> Element:
    try:
        root: Element = fromstring(data)
    except ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        raise MemoryStoreError(
            f"not XML: {reason} at column {column + 1}; {_FIX}", path=origin, line=line
        ) from exc
    except EntitiesForbidden as exc:
        raise MemoryStoreError(
            f"refused: the file declares the XML entity {exc.name!r}; a TMX file needs none "
            "(entities can expand without bound): remove the declaration",
            path=origin,
        ) from exc
    except DefusedXmlException as exc:
        raise MemoryStoreError(
            "refused: the file refers to an external resource; a TMX file must be "
            "self-contained",
            path=origin,
        ) from exc
    return root


def _missing(code: str, seen: set[str]) -> str:
    have = ", ".join(sorted(seen)) or "no language"
    return f'no <tuv xml:lang="{code}"> in any <tu>; the file has {have}'


def _seg_text(element: Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag in _TEXT_CHILDREN:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _project_code(raw: str, wanted: Sequence[str] | None) -> str | None:
    """``ru-RU`` -> ``ru_RU``; with ``wanted``, the wanted code it names, or None."""
    if not raw:
        return None
    subtags = re.split(r"[-_]", raw)
    parts = [subtags[0].lower()]
    for subtag in subtags[1:]:
        parts.append(subtag.title() if len(subtag) == 4 else subtag.upper())
    code = "_".join(parts)
    if wanted is None:
        return code
    for candidate in wanted:
        if candidate.lower() == code.lower():
            return candidate
    same_language = [c for c in wanted if re.split(r"[-_]", c)[0].lower() == parts[0]]
    return same_language[0] if len(same_language) == 1 else None


def _bcp47(code: str) -> str:
    return code.replace("_", "-")


def _tuv(code: str, text: str) -> str:
    from xml.sax.saxutils import escape

    # XML 1.0 cannot carry these control characters at all; a segment never needs them.
    clean = _NOT_XML_CHARS.sub("", text)
    return f'<tuv xml:lang="{escape(_bcp47(code))}"><seg>{escape(clean)}</seg></tuv>'
