"""TBX import and export: TBX-Basic v3 (ISO 30042:2019, DCA style) written, v3 and TBX 2 read.

Administrative status mapping (TBX-Basic has no "forbidden" value):

    preferred   <-> preferredTerm-admn-sts
    admitted    <-> admittedTerm-admn-sts
    forbidden   <-> deprecatedTerm-admn-sts   (ISO 12620: rejected by an authority)
    deprecated  <-> supersededTerm-admn-sts   (ISO 12620: replaced, still seen in older texts)

Each term's register is ``<termNote type="termType">``: ``fullForm``, ``shortForm`` or
``abbreviation`` (``acronym``, ``initialism`` and ``clippedTerm`` are read too; a term
without one gets its register by the rule the CSV format uses for an untagged form).

The entry's category is ``<descrip type="subjectField">``, its status by year is one
``<note>SCO status 2020: member</note>`` per year, its note a ``<note>``, its sources an
``<admin type="source">``. XML is parsed by defusedxml: no DTD is fetched, and any entity
declaration (the XXE and "billion laughs" attacks) is refused.
"""

from __future__ import annotations

import io
import re
import xml.sax
import xml.sax.handler
import xml.sax.xmlreader
from collections.abc import Callable
from dataclasses import dataclass, field

import defusedxml
import defusedxml.expatreader

from i18n_kit.errors import GlossaryError
from i18n_kit.glossary.model import (
    GLOSSARY_LANGUAGES,
    Category,
    Entry,
    Glossary,
    Register,
    Term,
    TermStatus,
)
from i18n_kit.glossary.registers import (
    NEUTRAL_TERM_TYPES,
    REGISTER_OF_TERM_TYPE,
    TERM_TYPE_OF,
    infer_register,
)
from i18n_kit.glossary.validate import LocatedEntry, check_entries, check_entry

_STATUS_TO_TBX: dict[TermStatus, str] = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.FORBIDDEN: "deprecatedTerm-admn-sts",
    TermStatus.DEPRECATED: "supersededTerm-admn-sts",
}
# What other tools write: TBX 2 normativeAuthorization values without the suffix, the
# legal/regulated/standardized values (accepted forms, not ours to prefer), Weblate's words.
_STATUS_FROM_TBX: dict[str, TermStatus] = {
    **{value: status for status, value in _STATUS_TO_TBX.items()},
    **{value.removesuffix("-admn-sts"): status for status, value in _STATUS_TO_TBX.items()},
    "legalTerm-admn-sts": TermStatus.ADMITTED,
    "regulatedTerm-admn-sts": TermStatus.ADMITTED,
    "standardizedTerm-admn-sts": TermStatus.ADMITTED,
    "legalTerm": TermStatus.ADMITTED,
    "regulatedTerm": TermStatus.ADMITTED,
    "standardizedTerm": TermStatus.ADMITTED,
    "forbidden": TermStatus.FORBIDDEN,
    "obsolete": TermStatus.DEPRECATED,
}
# Builds the error for a problem at a line, naming the entry being read.
_Fail = Callable[[str, int], GlossaryError]
# zh in this glossary is Simplified Chinese in PRC usage; these tags say otherwise.
_NOT_PRC_CHINESE = frozenset({"hant", "tw", "hk", "mo"})
_ENCODING = re.compile(rb"<\?xml[^>]*\bencoding=[\"']([A-Za-z0-9._-]+)[\"']")
_STATUS_NOTE = re.compile(r"SCO status (\d{4}): (\S+)\Z")
_INDENT = "  "


def parse_tbx(data: str | bytes, *, origin: str) -> Glossary:
    """A glossary from TBX (v3 ``<tbx>`` or TBX 2 ``<martif>``); ``origin`` names the file.

    >>> glossary = parse_tbx(write_tbx(Glossary(entries=())), origin="g.tbx")
    >>> len(glossary)
    0
    """
    located = read_tbx_entries(data, origin=origin)
    check_entries(located)
    return Glossary(entries=tuple(item.entry for item in located), origin=origin)


def read_tbx_entries(data: str | bytes, *, origin: str) -> tuple[LocatedEntry, ...]:
    """Each concept entry of a TBX document with its line, checked one by one.

    >>> read_tbx_entries(write_tbx(Glossary(entries=())), origin="g.tbx")
    ()
    """
    if isinstance(data, bytes):
        _check_utf8(data, origin)
    root = _parse_xml(data.encode("utf-8") if isinstance(data, str) else data, origin)
    if root.name not in ("tbx", "martif"):
        raise GlossaryError(
            f"not a TBX file: the root element is <{root.name}>, not <tbx> or <martif>",
            path=origin,
            line=root.line,
        )
    body = root.child("text")
    body = None if body is None else body.child("body")
    if body is None:
        raise GlossaryError("no <text><body> in the TBX file", path=origin, line=root.line)
    located = []
    for node in body.children:
        if node.name in ("conceptEntry", "termEntry"):
            entry = _entry_from_node(node, origin)
            check_entry(entry, path=origin, line=node.line)
            located.append(LocatedEntry(entry=entry, path=origin, line=node.line))
    return tuple(located)


def write_tbx(glossary: Glossary) -> str:
    """The glossary as a TBX-Basic v3 document (two-space indent, ``\\n`` line ends).

    >>> write_tbx(Glossary(entries=())).splitlines()[1]
    '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
        f"{_INDENT}<tbxHeader>",
        f"{_INDENT * 2}<fileDesc>",
        f"{_INDENT * 3}<sourceDesc>",
        f"{_INDENT * 4}<p>i18n-kit glossary</p>",
        f"{_INDENT * 3}</sourceDesc>",
        f"{_INDENT * 2}</fileDesc>",
        f"{_INDENT}</tbxHeader>",
        f"{_INDENT}<text>",
        f"{_INDENT * 2}<body>",
    ]
    for entry in glossary:
        lines.extend(_entry_lines(entry, 3))
    lines += [f"{_INDENT * 2}</body>", f"{_INDENT}</text>", "</tbx>", ""]
    return "\n".join(lines)


def _entry_lines(entry: Entry, depth: int) -> list[str]:
    pad = _INDENT * depth
    lines = [f'{pad}<conceptEntry id="{_escape(entry.id, attribute=True)}">']
    lines.append(f'{pad}{_INDENT}<descrip type="subjectField">{entry.category.value}</descrip>')
    if entry.note:
        lines.append(f"{pad}{_INDENT}<note>{_escape(entry.note)}</note>")
    for year, status in sorted(entry.status_by_year.items()):
        lines.append(f"{pad}{_INDENT}<note>SCO status {year}: {_escape(status)}</note>")
    if entry.source:
        lines.append(f'{pad}{_INDENT}<admin type="source">{_escape(entry.source)}</admin>')
    for lang in GLOSSARY_LANGUAGES:
        terms = list(entry.forms(lang))
        if not terms:
            continue
        lines.append(f'{pad}{_INDENT}<langSec xml:lang="{lang}">')
        for term in terms:
            inner = pad + _INDENT * 3
            lines.append(f"{pad}{_INDENT * 2}<termSec>")
            lines.append(f"{inner}<term>{_escape(term.text)}</term>")
            lines.append(
                f'{inner}<termNote type="administrativeStatus">'
                f"{_STATUS_TO_TBX[term.status]}</termNote>"
            )
            term_type = TERM_TYPE_OF[term.register]
            lines.append(f'{inner}<termNote type="termType">{term_type}</termNote>')
            if term.note:
                lines.append(f"{inner}<note>{_escape(term.note)}</note>")
            lines.append(f"{pad}{_INDENT * 2}</termSec>")
        lines.append(f"{pad}{_INDENT}</langSec>")
    lines.append(f"{pad}</conceptEntry>")
    return lines


def _escape(text: str, *, attribute: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attribute else text


def _entry_from_node(node: _Node, origin: str) -> Entry:
    entry_id = node.attrs.get("id", "").strip()
    if not entry_id:
        raise GlossaryError(f"<{node.name}> without an id", path=origin, line=node.line)

    def fail(problem: str, line: int) -> GlossaryError:
        return GlossaryError(f"entry {entry_id!r}: {problem}", path=origin, line=line)

    category = Category.CONCEPT  # TBX from other tools has no category of ours
    notes: list[str] = []
    sources: list[str] = []
    status_by_year: dict[str, str] = {}
    terms: list[Term] = []
    for child in node.children:
        kind = child.attrs.get("type", "")
        if child.name == "descrip" and kind == "subjectField":
            value = child.text().strip()
            try:
                category = Category(value)
            except ValueError:
                raise fail(
                    f'unknown category {value!r} in <descrip type="subjectField">; '
                    f"use one of {', '.join(c.value for c in Category)}",
                    child.line,
                ) from None
        elif child.name == "note":
            value = child.text().strip()
            status_match = _STATUS_NOTE.match(value)
            if status_match:
                status_by_year[status_match.group(1)] = status_match.group(2)
            elif value:
                notes.append(value)
        elif child.name == "admin" and kind == "source":
            if value := child.text().strip():
                sources.append(value)
        elif child.name in ("langSec", "langSet"):
            terms.extend(_terms_from_lang_node(child, fail))
    return Entry(
        id=entry_id,
        category=category,
        terms=tuple(terms),
        note="\n".join(notes),
        source=" ; ".join(sources),
        status_by_year=status_by_year,
    )


def _terms_from_lang_node(node: _Node, fail: _Fail) -> list[Term]:
    raw_lang = node.attrs.get("xml:lang", node.attrs.get("lang", ""))
    lang = raw_lang.split("-")[0].split("_")[0].lower()
    subtags = set(raw_lang.lower().replace("_", "-").split("-")[1:])
    if lang not in GLOSSARY_LANGUAGES or (lang == "zh" and subtags & _NOT_PRC_CHINESE):
        raise fail(
            f"language {raw_lang!r} is not one of {', '.join(GLOSSARY_LANGUAGES)} "
            "(zh means Simplified Chinese, PRC usage)",
            node.line,
        )
    found: list[tuple[str, TermStatus | None, Register | None, str]] = []
    for holder in node.children:
        if holder.name not in ("termSec", "tig", "ntig"):
            continue
        term_node = holder.find("term")
        if term_node is None:
            raise fail(f"<{holder.name}> without a <term>", holder.line)
        status: TermStatus | None = None
        register: Register | None = None
        for note in holder.find_all("termNote"):
            kind = note.attrs.get("type")
            value = note.text().strip()
            if kind == "termType":
                if value in REGISTER_OF_TERM_TYPE:
                    register = REGISTER_OF_TERM_TYPE[value]
                elif value not in NEUTRAL_TERM_TYPES:
                    raise fail(
                        f"unknown term type {value!r}; for a register use "
                        f"{', '.join(TERM_TYPE_OF.values())}",
                        note.line,
                    )
                continue
            if kind not in ("administrativeStatus", "normativeAuthorization"):
                continue
            if value not in _STATUS_FROM_TBX:
                raise fail(
                    f"unknown administrative status {value!r}; use one of "
                    f"{', '.join(_STATUS_TO_TBX.values())}",
                    note.line,
                )
            status = _STATUS_FROM_TBX[value]
        term_note = "\n".join(
            text for n in holder.children if n.name == "note" and (text := n.text().strip())
        )
        found.append((term_node.text().strip(), status, register, term_note))
    # A term without a status (common in TBX from other tools) is the approved one when it
    # comes first and nothing else in its language is marked preferred.
    has_preferred = any(status is TermStatus.PREFERRED for _, status, _, _ in found)
    statuses: list[TermStatus] = []
    for _, status, _, _ in found:
        if status is None:
            status = TermStatus.ADMITTED if has_preferred else TermStatus.PREFERRED
            has_preferred = True
        statuses.append(status)
    # A term without a term type gets its register as an untagged CSV form would.
    preferred_register = next(
        (
            register or infer_register(text, preferred=True, preferred_register=None)
            for (text, _, register, _), status in zip(found, statuses, strict=True)
            if status is TermStatus.PREFERRED
        ),
        None,
    )
    terms = []
    for (text, _, register, term_note), status in zip(found, statuses, strict=True):
        if register is None:
            register = infer_register(
                text,
                preferred=status is TermStatus.PREFERRED,
                preferred_register=preferred_register,
            )
        terms.append(
            Term(text=text, lang=lang, status=status, register=register, note=term_note)
        )
    return terms


@dataclass(slots=True)
class _Node:
    """A parsed XML element: local name, attributes, content in order, start line."""

    name: str
    attrs: dict[str, str]
    line: int
    content: list[str | _Node] = field(default_factory=list)

    @property
    def children(self) -> list[_Node]:
        return [item for item in self.content if isinstance(item, _Node)]

    def child(self, name: str) -> _Node | None:
        return next((c for c in self.children if c.name == name), None)

    def find(self, name: str) -> _Node | None:
        return next(iter(self.find_all(name)), None)

    def find_all(self, name: str) -> list[_Node]:
        found = []
        for c in self.children:
            if c.name == name:
                found.append(c)
            found.extend(c.find_all(name))
        return found

    def text(self) -> str:
        return "".join(item if isinstance(item, str) else item.text() for item in self.content)


class _TreeBuilder(xml.sax.handler.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[_Node] = []
        self.root: _Node | None = None
        self.locator: xml.sax.xmlreader.Locator | None = None

    def setDocumentLocator(self, locator: xml.sax.xmlreader.Locator) -> None:  # noqa: N802
        self.locator = locator

    def line(self) -> int:
        return (None if self.locator is None else self.locator.getLineNumber()) or 0

    def startElement(self, name: str, attrs: xml.sax.xmlreader.AttributesImpl) -> None:  # noqa: N802
        # Namespaces are not processed: TBX v3 uses a default namespace, TBX 2 none, so
        # local names are what identifies an element in both.
        node = _Node(name=name.rpartition(":")[2], attrs=dict(attrs.items()), line=self.line())
        if self.stack:
            self.stack[-1].content.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name: str) -> None:  # noqa: N802
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].content.append(content)


def _check_utf8(data: bytes, origin: str) -> None:
    # expat would say only "not well-formed (invalid token)"; say what is wrong instead.
    declared = _ENCODING.match(data)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte order mark
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            path=origin,
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from exc


def _parse_xml(data: bytes, origin: str) -> _Node:
    builder = _TreeBuilder()
    # Entity declarations are refused; a DOCTYPE naming an external DTD (TBX 2 files carry
    # one) is allowed but never fetched, because external entities stay switched off.
    parser = defusedxml.expatreader.DefusedExpatParser(forbid_external=False)
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setFeature(xml.sax.handler.feature_external_pes, False)
    parser.setContentHandler(builder)
    try:
        parser.parse(io.BytesIO(data))
    except xml.sax.SAXParseException as exc:
        raise GlossaryError(
            f"malformed TBX: {exc.getMessage()}", path=origin, line=exc.getLineNumber()
        ) from exc
    except defusedxml.EntitiesForbidden as exc:
        raise GlossaryError(
            f"refused TBX: it declares the entity {exc.name!r}; entities are never expanded "
            "(XXE, entity bombs), remove the declaration",
            path=origin,
            line=builder.line() or None,
        ) from exc
    except defusedxml.DefusedXmlException as exc:  # pragma: no cover - other refusals
        raise GlossaryError(
            f"refused TBX: {exc!r}", path=origin, line=builder.line() or None
        ) from exc
    if builder.root is None:  # pragma: no cover - expat reports an empty document first
        raise GlossaryError("malformed TBX: no root element", path=origin, line=1)
    return builder.root
