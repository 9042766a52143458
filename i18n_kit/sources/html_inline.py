"""Inline HTML -> inline Markdown: one block's tree of inline tags and its writer.

The block-level reader (html.py) builds an `Inline` per block and calls `write_inline`.

Tags: ``<strong>``/``<b>`` -> ``**…**``, ``<em>``/``<i>`` -> ``*…*``, ``<a href title>``
-> ``[text](href "title")``, ``<code>``/``<kbd>``/``<samp>``/``<tt>`` -> a code span,
``<img>`` -> ``![alt](src "title")``, ``<br>`` -> a hard break (``\\`` and a newline);
other tags are dropped and their text kept. Entities are decoded, whitespace runs collapse
to one space as a browser does (no-break spaces are kept), and the characters that would
otherwise be read as inline Markdown are escaped with a backslash: ``\\ ` * [ ]`` always,
``_`` unless inside a word, ``<`` before a letter, ``/``, ``!`` or ``?``, ``&`` before an
entity name. Texts are inline Markdown, rendered one block at a time, so a text that
starts with ``#`` or ``1.`` needs no escape.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from i18n_kit.sources.markdown import visible_text

_STRONG = frozenset({"strong", "b"})
_EMPHASIS = frozenset({"em", "i"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})

_COLLAPSE = re.compile(r"[ \t\n\r\f]+")
# Emphasis is first written with these noncharacters, then turned into `**`/`*` only
# where CommonMark will read it as emphasis (see `_place_delimiters`).
_OPEN = {"strong": "\ufdd0", "em": "\ufdd2"}
_CLOSE = {"strong": "\ufdd1", "em": "\ufdd3"}
_DELIMITER = {"\ufdd0": "**", "\ufdd1": "**", "\ufdd2": "*", "\ufdd3": "*"}
_SENTINELS = re.compile("[\ufdd0-\ufdd5]")
# Code spans are written as their text between these two, and fenced once their
# neighbours are known: `a` right before `b` would make one run of two backticks.
_CODE_SPANS = re.compile("\ufdd4([^\ufdd5]*)\ufdd5")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TAG_START = re.compile(r"[A-Za-z/!?]")
_EDGE = re.compile(r"^(?:[ \u00a0]|\\\n)*|(?:[ \u00a0]|\\\n)*$")
_BREAK = re.compile(r"(?:(?<! ) +)?\\\n *")  # spaces before it: from the first one only


@dataclass(slots=True)
class Span:
    kind: str  # "root", "strong", "em", "code", "link", "plain"
    tag: str = ""
    href: str | None = None
    title: str = ""
    children: list[Node] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str
    title: str


@dataclass(frozen=True, slots=True)
class Break:
    pass


Node = str | Span | Image | Break


@dataclass(slots=True)
class Inline:
    """The inline content of the block being read: a small tree and its open spans."""

    line: int
    root: Span = field(default_factory=lambda: Span("root"))
    open: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.open.append(self.root)

    def add(self, node: Node) -> None:
        self.open[-1].children.append(node)

    def open_span(self, tag: str, attributes: dict[str, str]) -> None:
        if tag in _STRONG:
            span = Span("strong", tag)
        elif tag in _EMPHASIS:
            span = Span("em", tag)
        elif tag in _CODE:
            span = Span("code", tag)
        elif (
            tag == "a"
            and "href" in attributes
            and not any(outer.kind == "link" for outer in self.open)
        ):
            span = Span("link", tag, href=attributes["href"], title=attributes.get("title", ""))
        else:
            span = Span("plain", tag)
        self.open[-1].children.append(span)
        self.open.append(span)

    def close_span(self, tag: str) -> None:
        """Close the innermost open span of `tag` and those inside it; no such span: nothing."""
        for index in range(len(self.open) - 1, 0, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break


class _Writer:
    """Turns an inline tree into inline Markdown, collapsing whitespace as a browser does."""

    def __init__(self, *, emphasis: bool = True) -> None:
        self.at_space = True  # the output so far ends where a collapsible space is dropped
        # Emphasis kinds open around the node being written; both when emphasis is off.
        self.inside: set[str] = set() if emphasis else {"strong", "em"}

    def write_block(self, root: Span) -> str:
        text = _BREAK.sub("\\\n", self.write(root.children))
        while True:
            stripped = text.strip(" ").removeprefix("\\\n").removesuffix("\\\n")
            if stripped == text:
                text = _CODE_SPANS.sub(_fence, text.replace("\ufdd5\ufdd4", ""))
                return _place_delimiters(text)
            text = stripped

    def write(self, nodes: list[Node]) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, str):
                out.append(_escape(self.collapse(node)))
            elif isinstance(node, Break):
                out.append("\\\n")
                self.at_space = True
            elif isinstance(node, Image):
                out.append(_image(node))
                self.at_space = False
            elif node.kind == "code":
                code = self.collapse(read_plain_text(node))
                out.append(f"\ufdd4{code}\ufdd5" if code.strip(" ") else code)
            elif node.kind in ("strong", "em") and node.kind not in self.inside:
                # <b> inside <b> adds nothing, and `****` would be read as text.
                self.inside.add(node.kind)
                inner = self.write(node.children)
                self.inside.discard(node.kind)
                out.append(_wrap(inner, _OPEN[node.kind], _CLOSE[node.kind]))
            elif node.kind == "link" and node.href is not None:
                suffix = f"]({_destination(node.href)}{_link_title(node.title)})"
                out.append(_wrap(self.write(node.children), "[", suffix))
            else:
                out.append(self.write(node.children))
        return "".join(out)

    def collapse(self, text: str) -> str:
        text = _COLLAPSE.sub(" ", _SENTINELS.sub("", text))
        if self.at_space:
            text = text.removeprefix(" ")
        if text:
            self.at_space = text.endswith(" ")
        return text


def write_inline(root: Span) -> str:
    """The inline Markdown of a block; without bold and italics if they would show as `*`.

    `_place_delimiters` covers the usual cases; runs of nested and adjacent emphasis
    can still defeat CommonMark's delimiter rules, so the result is checked by reading
    it back, and the text wins over its formatting.
    """
    text = _Writer().write_block(root)
    if "*" not in text:
        return text
    plain = _Writer(emphasis=False).write_block(root)
    return text if visible_text(text) == visible_text(plain) else plain


def _place_delimiters(text: str) -> str:
    """Write each emphasis as `**`/`*` where CommonMark reads it so, else drop it.

    A delimiter run opens only when "left-flanking" and closes only when
    "right-flanking" (CommonMark 6.2): `word**(x)**` is literal asterisks. Such an
    emphasis is dropped, so the page shows the text unchanged, only not bold. Where one
    emphasis ends right where the next begins (`*a**b*`), the two become one.
    """
    partner: dict[int, int] = {}
    opened: list[int] = []
    for index, char in enumerate(text):
        if char in ("\ufdd0", "\ufdd2"):
            opened.append(index)
        elif char in ("\ufdd1", "\ufdd3"):
            start = opened.pop()
            partner[start], partner[index] = index, start
    kept = {
        index
        for index, other in partner.items()
        if index < other
        and _flanks(text, index, opening=True)
        and _flanks(text, other, opening=False)
    }
    kept |= {partner[index] for index in kept}
    for run in re.finditer("[\ufdd0-\ufdd3]{2,}", text):
        closers = [i for i in range(run.start(), run.end()) if i in kept and i > partner[i]]
        for opener in (i for i in range(run.start(), run.end()) if i in kept and i < partner[i]):
            closer = max((c for c in closers if c < opener and c in kept), default=None)
            if closer is None:
                continue
            if _DELIMITER[text[closer]] == _DELIMITER[text[opener]]:
                kept -= {opener, closer}
            else:
                kept -= {opener, partner[opener]}
    return "".join(
        (_DELIMITER[char] if index in kept else "") if char in _DELIMITER else char
        for index, char in enumerate(text)
    )


def _flanks(text: str, index: int, *, opening: bool) -> bool:
    before = _neighbour(text, index, -1)
    after = _neighbour(text, index, 1)
    inner, outer = (after, before) if opening else (before, after)
    if _is_space(inner):
        return False
    return not _is_punctuation(inner) or _is_space(outer) or _is_punctuation(outer)


def _neighbour(text: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(text):
        if text[index] not in _DELIMITER:
            return text[index]
        index += step
    return " "  # the start and the end of a text count as whitespace


def _is_space(char: str) -> bool:
    return char in "\t\n\v\f\r" or unicodedata.category(char) == "Zs"


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith(("P", "S"))


def _wrap(inner: str, opening: str, closing: str) -> str:
    # Emphasis cannot open before or close after a space, so spaces (and line breaks)
    # at the edges move outside the delimiters; the page looks the same.
    lead = _EDGE.match(inner)
    lead_text = lead.group(0) if lead else ""
    core = inner[len(lead_text) :]
    trail_match = re.search(r"(?:[ \u00a0]|\\\n)*$", core)
    trail = trail_match.group(0) if trail_match else ""
    core = core[: len(core) - len(trail)]
    if not core:
        return lead_text + trail
    return f"{lead_text}{opening}{core}{closing}{trail}"


def _escape(text: str) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        if char in "\\`*[]":
            out.append("\\" + char)
        elif char == "_":
            before = text[index - 1] if index > 0 else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        elif char == "<" and (index + 1 == len(text) or _TAG_START.match(text, index + 1)):
            out.append("\\<")
        elif char == "&" and _ENTITY.match(text, index):
            out.append("\\&")
        else:
            out.append(char)
    return "".join(out)


def read_plain_text(span: Span) -> str:
    """The text of a span as a reader sees it: image alts kept, line breaks as spaces."""
    parts: list[str] = []
    for child in span.children:
        if isinstance(child, str):
            parts.append(child)
        elif isinstance(child, Image):
            parts.append(child.alt)
        elif isinstance(child, Break):
            parts.append(" ")
        else:
            parts.append(read_plain_text(child))
    return "".join(parts)


def _fence(match: re.Match[str]) -> str:
    text = match.group(1)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    # CommonMark strips one space at each end when both are there, and a backtick at an
    # edge would merge with the fence: pad with a space in both cases.
    padded = text[0] == "`" or text[-1] == "`" or (text[0] == " " and text[-1] == " ")
    pad = " " if padded else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _image(image: Image) -> str:
    alt = _escape(_COLLAPSE.sub(" ", image.alt).strip(" "))
    return f"![{alt}]({_destination(image.src)}{_link_title(image.title)})"


def _destination(url: str) -> str:
    url = url.strip()
    url = _ENTITY.sub(lambda match: "\\" + match.group(0), url)
    if url and not re.search(r"[\s<>]", url) and url.count("(") == url.count(")"):
        return url
    return "<" + url.replace("<", "\\<").replace(">", "\\>") + ">"


def _link_title(title: str) -> str:
    title = _COLLAPSE.sub(" ", title).strip(" ")
    if not title:
        return ""
    return ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'


def find_lone_image(root: Span) -> str:
    """The `src` of the image that is a block's only content (blank text aside), else ""."""
    content = [
        child for child in root.children if not (isinstance(child, str) and not child.strip())
    ]
    if len(content) == 1 and isinstance(content[0], Image):
        return content[0].src
    return ""
