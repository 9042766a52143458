"""The PO file grammar: text -> entry records, strictly, with the line of every error.

po.py turns the records into polib objects; this module knows only the syntax that
GNU gettext reads (``read-po``): comments ``#``, ``#.``, ``#:``, ``#,``, previous fields
``#|``, obsolete entries ``#~`` (with ``#~|``), keywords with C-escaped strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from i18n_kit.errors import CatalogError

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\s*\[\s*(\d+)\s*\])?(?=[\s\"]|$)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(?:([ntbrfva\\\"])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.?))", re.DOTALL)
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "b": "\b",
    "r": "\r",
    "f": "\f",
    "v": "\v",
    "a": "\a",
    "\\": "\\",
    '"': '"',
}
_FLAG_TOKEN = re.compile(r"range:\s*\d+\s*\.\.\s*\d+|[^\s,]+")
_SPACES = re.compile(r"\s+")
# Keywords as the short way in _Parser.run takes them: (keyword, plural index).
_PLAIN_KEYWORDS: dict[str, tuple[str, str | None]] = {
    "msgid": ("msgid", None),
    "msgstr": ("msgstr", None),
    "msgctxt": ("msgctxt", None),
    "msgid_plural": ("msgid_plural", None),
    **{f"msgstr[{n}]": ("msgstr", str(n)) for n in range(10)},
}


def _plain_string(text: str) -> str | None:
    """The value of ``text`` when it is one C string with no escape but ``\\n`` (and
    only white space after it); None for anything else, which the full reader takes."""
    if text[-1:] != '"':
        text = text.rstrip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        return None
    inner = text[1:-1]
    if '"' in inner:
        return None
    if "\\" in inner:
        # Every backslash starts a \n: then none is escaped, and each \n is a newline.
        if inner.count("\\") != inner.count("\\n"):
            return None
        return inner.replace("\\n", "\n")
    return inner


@dataclass(slots=True)
class RawEntry:
    """One entry as written in the file; ``line`` is the line of its msgid."""

    line: int = 0
    obsolete: bool = False
    tcomments: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    references: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)  # msgctxt / msgid / msgid_plural
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstr: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)


class _Parser:
    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.entries: list[RawEntry] = []
        self.entry = RawEntry()
        self.target: tuple[str, str | int] | None = None  # where continuation strings go
        self.number = 0
        self.first_keyword_line = 0
        self.first_code = ""

    def fail(self, message: str, line: int | None = None) -> CatalogError:
        return CatalogError(message, path=self.origin, line=line or self.number)

    # An entry ends at the first comment or keyword line after its msgstr.
    def boundary(self) -> None:
        entry = self.entry
        if entry.msgstr is not None or entry.msgstr_plural:
            self.entries.append(entry)
            self.entry = RawEntry()
            self.target = None
        elif entry.msgid is not None:
            raise self.fail('msgid without msgstr; add msgstr "" after it', entry.line)

    def comment(self, text: str) -> None:
        self.boundary()
        self.target = None
        kind = text[1:2]
        if kind == ".":
            self.entry.comments.append(_strip_one_space(text[2:]))
        elif kind == ":":
            self.entry.references.extend(_references(text[2:]))
        elif kind in (",", "!"):
            self.entry.flags.extend(_flag_tokens(text[2:]))
        else:
            self.entry.tcomments.append(_strip_one_space(text[1:]))

    def previous(self, body: str, obsolete: bool) -> None:
        self.boundary()
        if obsolete and not self.entry.obsolete and self.entry.msgid is None:
            self.entry.obsolete = True
        if body.startswith('"'):
            if self.target is None or self.target[0] != "previous":
                raise self.fail("a #| string without a keyword before it")
            key = str(self.target[1])
            self.entry.previous[key] += self.strings(body)
            return
        match = _KEYWORD.match(body)
        if match is None or match.group(1) == "msgstr" or match.group(2) is not None:
            raise self.fail(
                f"unknown keyword in a #| line: {body[:40]!r}; expected msgctxt or msgid"
            )
        self.entry.previous[match.group(1)] = self.strings(body[match.end() :].strip())
        self.target = ("previous", match.group(1))

    def keyword_line(self, body: str, obsolete: bool) -> None:
        match = _KEYWORD.match(body)
        if match is None:
            raise self.garbage(body)
        keyword, index = match.group(1), match.group(2)
        self.keyword(keyword, index, self.strings(body[match.end() :].strip()), obsolete)

    def keyword(self, keyword: str, index: str | None, value: str, obsolete: bool) -> None:
        """A keyword with its value: where it goes in the entry, and the order rules."""
        entry = self.entry
        if keyword in ("msgctxt", "msgid"):
            self.boundary()
            entry = self.entry
            if keyword == "msgctxt" and entry.msgctxt is not None:
                raise self.fail("a second msgctxt in one entry")
        elif entry.msgid is None:
            raise self.fail(f"{keyword} without a msgid before it")
        if entry.msgid is None and entry.msgctxt is None:
            entry.obsolete = obsolete
        elif entry.obsolete != obsolete:
            raise self.fail("an entry mixes obsolete (#~) and active lines")
        if keyword == "msgctxt":
            entry.msgctxt = value
        elif keyword == "msgid":
            entry.msgid = value
            entry.line = self.number
        elif keyword == "msgid_plural":
            if entry.msgid_plural is not None or entry.msgstr is not None or entry.msgstr_plural:
                raise self.fail("msgid_plural must follow the msgid directly")
            entry.msgid_plural = value
        elif index is None:
            if entry.msgid_plural is not None:
                raise self.fail(
                    "msgstr in an entry with msgid_plural; use msgstr[0], msgstr[1], ..."
                )
            if entry.msgstr is not None:
                raise self.fail("a second msgstr in one entry")
            entry.msgstr = value
        else:
            if entry.msgid_plural is None:
                raise self.fail(f"msgstr[{index}] in an entry without msgid_plural")
            if int(index) != len(entry.msgstr_plural):
                expected = len(entry.msgstr_plural)
                raise self.fail(
                    f"msgstr[{index}] where msgstr[{expected}] was expected; "
                    "number the plural forms from 0 without gaps"
                )
            entry.msgstr_plural[int(index)] = value
        self.target = (keyword, int(index) if index is not None else "")

    def continuation(self, body: str) -> None:
        if self.target is None or self.target[0] == "previous":
            raise self.fail("a string without a keyword before it")
        keyword, index = self.target
        value = self.strings(body)
        entry = self.entry
        if keyword == "msgstr" and index != "":
            entry.msgstr_plural[int(index)] += value
        else:
            setattr(entry, str(keyword), getattr(entry, str(keyword)) + value)

    def strings(self, text: str) -> str:
        """The value of one or more adjacent C strings making up ``text``."""
        plain = _plain_string(text)
        return plain if plain is not None else self.all_strings(text)

    def all_strings(self, text: str) -> str:
        """``strings`` for any text, escapes and errors included."""
        if not text.startswith('"'):
            raise self.fail(f"expected a string in double quotes, found {text[:40]!r}")
        parts: list[str] = []
        position = 0
        while position < len(text):
            match = _STRING.match(text, position)
            if match is None:
                if text[position] == '"':
                    raise self.fail(f"unterminated string; end it with a double quote: {text[:60]}")
                raise self.fail(f"unexpected text after the string: {text[position:][:40]!r}")
            body = match.group(1)
            parts.append(_unescape(body, self) if "\\" in body else body)
            position = match.end()
            while position < len(text) and text[position] in " \t":
                position += 1
        return "".join(parts)

    def garbage(self, body: str) -> CatalogError:
        shown = repr(body if len(body) <= 40 else body[:37] + "...")
        if not self.entries and self.entry.msgid is None:
            return self.fail(f"not a PO file: expected a # comment or msgid, found {shown}")
        return self.fail(
            f"unexpected text {shown}; expected msgctxt, msgid, msgstr, "
            "a quoted string or a # comment"
        )

    def run(self, text: str) -> list[RawEntry]:
        if text.startswith("\ufeff"):
            text = text[1:]
        # The common lines of a valid file take the short ways below; any other line, and
        # every line that may be an error, goes to ``line``, which knows the whole syntax.
        # Both keep the same state, so they mix freely.
        keywords = _PLAIN_KEYWORDS
        for number, raw in enumerate(text.split("\n"), start=1):
            if not raw:
                continue
            first = raw[0]
            if first == '"':
                value = _plain_string(raw)
                target = self.target
                entry = self.entry
                if value is None or target is None or entry.obsolete:
                    self.number = number
                    self.line(raw)
                    continue
                name, index = target
                if name == "msgstr":
                    if index == "":
                        entry.msgstr += value  # type: ignore[operator]
                    else:
                        entry.msgstr_plural[index] += value  # type: ignore[index]
                elif name == "msgid":
                    entry.msgid += value  # type: ignore[operator]
                elif name == "previous":
                    self.number = number
                    self.line(raw)
                else:
                    setattr(entry, name, getattr(entry, name) + value)
            elif first == "m":
                keyword, _, rest = raw.partition(" ")
                known = keywords.get(keyword)
                value = _plain_string(rest) if known is not None and rest else None
                self.number = number
                if value is None or known is None:
                    self.line(raw)
                else:
                    self.keyword(known[0], known[1], value, False)
            elif first == "#" and raw[1:2] not in ("~", "|"):
                # self.comment(raw), with the boundary test first: a comment ends an
                # entry only after its msgid.
                entry = self.entry
                if entry.msgid is not None:
                    self.number = number
                    self.boundary()
                    entry = self.entry
                self.target = None
                kind = raw[1:2]
                if kind == ".":
                    entry.comments.append(raw[3:] if raw[2:3] == " " else raw[2:])
                elif kind == ":":
                    entry.references.extend(_references(raw[2:]))
                elif kind == "," or kind == "!":
                    entry.flags.extend(_flag_tokens(raw[2:]))
                else:
                    entry.tcomments.append(raw[2:] if kind == " " else raw[1:])
            else:
                self.number = number
                self.line(raw)
        return self.finish(text)

    def finish(self, text: str) -> list[RawEntry]:
        """The entries, once every line of ``text`` is read."""
        self.number = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        entry = self.entry
        if entry.msgid is not None:
            self.boundary()
        elif entry.msgctxt is not None or entry.previous:
            raise self.fail("the file ends in the middle of an entry; add its msgid and msgstr")
        elif entry.tcomments or entry.comments or entry.references or entry.flags:
            pass  # trailing comments belong to no entry; gettext drops them too
        return self.entries

    def line(self, raw: str) -> None:
        """One line of any kind (``self.number`` is its number)."""
        # A CR before the LF stays in a comment's text, as msgcat keeps it there;
        # elsewhere it is white space.
        line = raw.lstrip(" \t")
        if not line or line.isspace():
            return
        if line[0] == "#":
            if line.startswith("#~|"):
                self.previous(line[3:].strip(), True)
            elif line.startswith("#~"):
                body = line[2:].strip()
                if body.startswith('"'):
                    self.obsolete_check()
                    self.continuation(body)
                elif body:
                    self.keyword_line(body, True)
            elif line.startswith("#|"):
                self.previous(line[2:].strip(), False)
            else:
                self.comment(line)
            return
        body = line.rstrip()
        if body[0] == '"':
            if self.entry.obsolete and self.entry.msgid is not None:
                raise self.fail("an entry mixes obsolete (#~) and active lines")
            self.continuation(body)
        else:
            self.keyword_line(body, False)

    def obsolete_check(self) -> None:
        if not self.entry.obsolete and self.entry.msgid is not None:
            raise self.fail("an entry mixes obsolete (#~) and active lines")


def parse_entries(text: str, *, origin: str) -> list[RawEntry]:
    """The entries of a PO text in file order; raises CatalogError on bad syntax and on
    duplicate entries (same msgctxt and msgid, which msgcat and msgfmt reject)."""
    entries = _Parser(origin).run(text)
    seen: dict[tuple[str | None, str | None], int] = {}
    for entry in entries:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise CatalogError(
                f"duplicate msgid {_short(entry.msgid or '')} (first at line {seen[key]}); "
                "msgfmt rejects duplicates: merge the two entries",
                path=origin,
                line=entry.line,
            )
        seen[key] = entry.line
    return entries


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...").replace("'", '"', 2)


def _strip_one_space(text: str) -> str:
    return text[1:] if text.startswith(" ") else text


def _references(text: str) -> list[tuple[str, str]]:
    # gettext separates references by spaces and tabs only: a CR stays in the path.
    if "\t" in text:
        text = text.replace("\t", " ")
    tokens = [token for token in text.split(" ") if token]
    refs: list[tuple[str, str]] = []
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        index += 1
        if token[-1] == ":" and index < count and tokens[index].isdigit():
            token += tokens[index]
            index += 1
        # As the pattern (.+):(\d+) matching the whole token.
        path, colon, line = token.rpartition(":")
        if colon and path and line.isdecimal():
            refs.append((path, line))
        else:
            refs.append((token, ""))
    return refs


def _flag_tokens(text: str) -> list[str]:
    if "range:" not in text:
        return text.replace(",", " ").split()  # str.split's white space is \s's
    tokens = _FLAG_TOKEN.findall(text)
    return [_SPACES.sub(" ", token) for token in tokens]


def _unescape(body: str, parser: _Parser) -> str:
    def replace(match: re.Match[str]) -> str:
        simple, octal, hexa, bad = match.groups()
        if simple is not None:
            return _SIMPLE_ESCAPES[simple]
        if octal is not None:
            return chr(int(octal, 8))
        if hexa is not None:
            return chr(int(hexa, 16) & 0xFF)
        raise parser.fail(
            f"invalid escape sequence \\{bad} in a string; write \\\\ for a backslash"
        )

    return _ESCAPE.sub(replace, body)
