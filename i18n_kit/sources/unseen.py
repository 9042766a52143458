"""Source text a reader sees but no segment would carry: how readers tell it, and the warning.

A reader that drops or freezes visible text says so with a `SourceWarning` (printed by
``sync`` as ``file:line: message``), so nothing goes untranslated without anyone knowing:

- an indented block in Markdown (four spaces or a tab: CommonMark code) that reads as
  prose is translated as plain text, since pasted text is the usual cause; one that reads
  as code stays code. Either way the warning asks for the unambiguous spelling: no
  indentation for text, a fence (```) for code. A fenced block is code, silently.
- a raw HTML block in Markdown with text a reader sees is copied untranslated;
- text inside ``<svg>`` or ``<math>`` in an HTML source is dropped from the page.

"Reads as prose": at least three words, letters making most of what is not space, and
none of the signs that code has and prose has not (``{ } = < > ` $ \\ |``, a name glued to
``(``, a line opening with ``#``, ``//``, ``/*``, ``--``, ``>>>`` or ``$ ``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_WORD = re.compile(r"[^\W\d_]{2,}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CODE_SIGNS = re.compile(r"[{}=<>`$\\|]|\w\(|^[ \t]*(?:#|//|/\*|--|>>>|\$ )", re.M)
_EXCERPT = 40
_INVISIBLE = frozenset({"script", "style", "template", "head", "noscript"})

INDENTED_TEXT = (
    "indented block read as text and translated (Markdown would make it code): {excerpt};"
    " remove the indentation, or fence code with ```"
)
INDENTED_CODE = (
    "indented block kept as code and not translated: {excerpt}; if it is text, remove the"
    " indentation; if it is code, fence it with ```"
)
RAW_HTML = (
    "raw HTML with text readers see is copied untranslated into every language: {excerpt};"
    " write the text in Markdown"
)
DROPPED_ELEMENT = (
    "text inside <{tag}> is not translated and not on the built page: {excerpt};"
    " give it in a <p> or <figcaption>"
)


def looks_like_prose(text: str) -> bool:
    """Whether an indented block reads as sentences rather than code.

    >>> looks_like_prose("    The ministers met in Tashkent; talks went on.")
    True
    >>> looks_like_prose("i18n-kit sync --check\\nexit = main()")
    False
    """
    if _CODE_SIGNS.search(text):
        return False
    visible = sum(1 for char in text if not char.isspace())
    letters = sum(1 for char in text if char.isalpha())
    words = len(_WORD.findall(text)) + len(_CJK.findall(text)) // 2
    return words >= 3 and letters >= 0.6 * visible


def visible_html_text(html: str) -> str:
    """The text a browser shows of an HTML fragment (comments, scripts and styles left out),
    whitespace collapsed.

    >>> visible_html_text('<div><!-- note --><b>Forum</b> opens</div><script>x</script>')
    'Forum opens'
    """
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    return " ".join("".join(reader.parts).split())


def excerpt(text: str) -> str:
    """The start of a text, quoted for a warning.

    >>> excerpt("Short text")
    "'Short text'"
    """
    flat = " ".join(text.split())
    if len(flat) > _EXCERPT:
        flat = flat[: _EXCERPT - 1].rstrip() + "…"
    return f"'{flat}'"


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)
