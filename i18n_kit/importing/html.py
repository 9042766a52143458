"""Saved HTML pages -> page lines: the only module that imports trafilatura (and lxml).

trafilatura finds the main content and the page's metadata (title, date, canonical
address); `rules.find_article` then applies the same rules as to captured text, which
take out what trafilatura leaves in on table-layout pages (clocks, polls, "Other news",
footers). It runs offline: `bare_extraction` parses the text it is given and never
fetches anything.

To say which lines of the file were kept and dropped, the page's own text is read too
(every text node with its source line, `read_page_pieces`) and lined up with the kept
blocks: a piece inside a kept block is kept, every other piece was dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.etree
import lxml.html
import trafilatura

from i18n_kit.errors import SourceError
from i18n_kit.importing.lines import PageLine, ends_sentence, read_date
from i18n_kit.importing.text import split_marker
from i18n_kit.model import BlockKind

_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_LEAD_WORDS = 6  # a lead is a sentence, not a caption ("Photo: press service.")
_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "select"}
# Elements whose text is a fallback for what the browser cannot play or show.
_MEDIA = ("video", "audio", "object", "embed")
_MEDIA_TAG = re.compile(r"<(?:video|audio|object|embed)\b", re.IGNORECASE)
_STRONG_RENDS = frozenset({"#b", "#strong"})
_EMPHASIS_RENDS = frozenset({"#i", "#em"})


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlPage:
    """What trafilatura found on a page, as page lines, and the page's own text pieces."""

    title: str | None
    date: dt.date | dt.datetime | None
    url: str | None
    blocks: tuple[PageLine, ...]  # the main content, in order
    pieces: tuple[PageLine, ...]  # every text node of the page, with its source line


def read_html_page(text: str, *, origin: str) -> HtmlPage:
    """Extract a saved page's main content and metadata with trafilatura.

    >>> page = read_html_page("<html><head><title>Leaders meet</title>"
    ...     '<link rel="canonical" href="https://example.org/a"></head><body><article>'
    ...     "<h1>Leaders meet</h1><p>The leaders met in Minsk.</p></article></body></html>",
    ...     origin="page.html")
    >>> page.title, page.url
    ('Leaders meet', 'https://example.org/a')
    """
    if not text.strip():
        raise SourceError("no article found: the file is empty", path=origin)
    page = _without_media(text)
    document = _extract(page, origin=origin)
    url = _clean(document.url) or _saved_from(text)
    blocks = list(_walk(document.body, url))
    title = _clean(document.title)
    if len(blocks) == 1 and title and len(blocks[0].text) > len(title) + 20 and (
        blocks[0].text.startswith(title)
    ):
        # trafilatura fell back to the page's bare text (it does so on some short Chinese
        # articles): title, date and paragraphs in one block. Its precise mode finds the
        # paragraphs.
        precise = list(_walk(_extract(page, origin=origin, precise=True).body, url))
        if len(precise) > 1:
            blocks = precise
    pieces = read_page_pieces(text)
    return HtmlPage(
        title=_clean(document.title) or None,
        date=_read_iso_date(document.date),
        url=url,
        blocks=tuple(_place(blocks, pieces)),
        pieces=tuple(pieces),
    )


def _extract(text: str, *, origin: str, precise: bool = False) -> trafilatura.settings.Document:
    try:
        document = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=True,
            include_formatting=True,
            favor_precision=precise,
        )
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise SourceError(f"cannot read the HTML: {exc}", path=origin) from exc
    if document is None or isinstance(document, dict) or document.body is None:
        raise SourceError(
            "no article found: the page has no main text; is this an article page?", path=origin
        )
    return document


def _without_media(text: str) -> str:
    """The page without its ``<video>``, ``<audio>``, ``<object>`` and ``<embed>``
    elements: the text inside them is what a browser shows when it cannot play them
    ("Your browser does not support the video tag"), not the article's. The page's
    pieces are still read from the page as saved, so the report counts that text as
    dropped."""
    if not _MEDIA_TAG.search(text):
        return text
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.LxmlError):
        return text
    for element in list(root.iter(*_MEDIA)):
        element.drop_tree()
    return str(lxml.html.tostring(root, encoding="unicode"))


def read_page_pieces(text: str) -> list[PageLine]:
    """Every piece of text a reader of the page sees, with the line it starts on.

    >>> [(p.line, p.text) for p in read_page_pieces("<p>One <b>two</b></p>\\n<p>three</p>")]
    [(1, 'One'), (1, 'two'), (2, 'three')]
    """
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.LxmlError):
        return []
    pieces: list[PageLine] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or _skipped(element):
            continue
        if element.text and element.text.strip():
            pieces.append(PageLine(text=_clean(element.text), line=element.sourceline or 0))
        for child in element:
            tail = child.tail
            if tail and tail.strip() and not _skipped(element):
                line = child.sourceline or element.sourceline or 0
                pieces.append(PageLine(text=_clean(tail), line=line))
    return pieces


def date_by_title(pieces: tuple[PageLine, ...], title: str) -> dt.date | dt.datetime | None:
    """The date line right after the page's title (or else right before it), which has
    the time the metadata lacks."""
    for index in _title_indexes(pieces, title):
        for near in (index + 1, index - 1):
            if 0 <= near < len(pieces):
                found = read_date(pieces[near].text)
                if found is not None:
                    return found
    return None


def lead_after_title(pieces: tuple[PageLine, ...], title: str, before: int) -> list[PageLine]:
    """Sentences between the title and the line ``before`` (the first line the extractor
    kept): the article's lead, which extractors often leave out with the title.

    >>> pieces = (PageLine(text="Summit ends", line=5), PageLine(text="Economy", line=6),
    ...           PageLine(text="The leaders of eight states met online today.", line=7))
    >>> [line.text for line in lead_after_title(pieces, "Summit ends", before=9)]
    ['The leaders of eight states met online today.']
    """
    indexes = _title_indexes(pieces, title)
    if not indexes:
        return []
    lead: list[PageLine] = []
    for piece in pieces[indexes[0] + 1 :]:
        if piece.line >= before:
            break
        words = len(piece.text.split()) if " " in piece.text else len(piece.text) // 2
        if ends_sentence(piece.text) and words >= _LEAD_WORDS and read_date(piece.text) is None:
            lead.append(piece)
    return lead


def title_line_of(pieces: tuple[PageLine, ...], title: str) -> int:
    """The line the page shows its title on (its first heading-like piece), 0 if nowhere."""
    indexes = _title_indexes(pieces, title)
    return pieces[indexes[0]].line if indexes else 0


def _title_indexes(pieces: tuple[PageLine, ...], title: str) -> list[int]:
    wanted = _clean(title).casefold()
    return [index for index, piece in enumerate(pieces) if piece.text.casefold() == wanted]


def _skipped(element: lxml.html.HtmlElement) -> bool:
    return any(
        isinstance(node.tag, str) and node.tag.lower() in _SKIP
        for node in (element, *element.iterancestors())
    )


def _walk(element: lxml.etree._Element, url: str | None) -> Iterator[PageLine]:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("p", "head"):
            text = _inline_text(child)
            if not text:
                continue
            markdown = _inline_markdown(child, text, url)
            if tag == "head":
                yield PageLine(text=text, line=0, kind=BlockKind.HEADING, markdown=markdown)
                continue
            marker, rest = split_marker(text)
            kind = BlockKind.LIST_ITEM if marker else BlockKind.PARAGRAPH
            # A bullet typed into the text is taken off the plain text only.
            yield PageLine(
                text=rest, line=0, kind=kind, marker=marker, markdown="" if marker else markdown
            )
        elif tag == "list":
            numbered = child.get("rend", "") == "ol"
            for number, item in enumerate((i for i in child if i.tag == "item"), 1):
                text = _inline_text(item)
                if text:
                    marker = f"{number}." if numbered else "-"
                    yield PageLine(
                        text=text, line=0, kind=BlockKind.LIST_ITEM, marker=marker,
                        markdown=_inline_markdown(item, text, url),
                    )
        elif tag == "quote":
            inner = list(_walk(child, url)) or [
                PageLine(
                    text=_inline_text(child), line=0,
                    markdown=_inline_markdown(child, _inline_text(child), url),
                )
            ]
            for line in inner:
                if line.text:
                    yield PageLine(
                        text=line.text, line=0, kind=BlockKind.QUOTE, markdown=line.markdown
                    )
        else:
            yield from _walk(child, url)


def _inline_text(element: lxml.etree._Element) -> str:
    return _clean("".join(element.itertext()))


def _inline_markdown(element: lxml.etree._Element, text: str, url: str | None) -> str:
    """The block's links and emphasis as inline Markdown (the same writer as the HTML
    source reader's); "" when it has none, or when the Markdown would not read back as
    exactly ``text``."""
    if not any(
        isinstance(node.tag, str) and node.tag in ("ref", "hi") for node in element.iter()
    ):
        return ""
    from i18n_kit.sources.html_inline import Span, write_inline
    from i18n_kit.sources.markdown import visible_text

    def convert(node: lxml.etree._Element, span: Span) -> None:
        if node.text:
            span.children.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            inner: Span
            if tag == "hi" and child.get("rend", "") in _STRONG_RENDS:
                inner = Span("strong", "b")
            elif tag == "hi" and child.get("rend", "") in _EMPHASIS_RENDS:
                inner = Span("em", "i")
            elif tag == "ref" and child.get("target"):
                target = str(child.get("target"))
                inner = Span("link", "a", href=urljoin(url, target) if url else target)
            else:
                inner = Span("plain", tag)
            if tag == "lb":
                span.children.append(" ")
            else:
                span.children.append(inner)
                convert(child, inner)
            if child.tail:
                span.children.append(child.tail)

    root = Span("root")
    convert(element, root)
    markdown = write_inline(root)
    if "\\\n" in markdown or _clean(visible_text(markdown)) != text:
        return ""
    return markdown


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _read_iso_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _saved_from(text: str) -> str | None:
    match = _SAVED_FROM.search(text[:2000])
    return match.group(1) if match else None


def _place(blocks: list[PageLine], pieces: list[PageLine]) -> Iterator[PageLine]:
    """Give each block the source lines of the pieces it is made of, in page order: the
    first run of consecutive pieces that spells the block out, or failing that the first
    piece inside it (a short piece of chrome, a tag "SCO", may be inside a block too)."""
    position = 0
    for block in blocks:
        wanted = _SPACE.sub(" ", f"{block.marker} {block.text}".strip())
        bare = wanted.replace(" ", "")
        found: tuple[int, int] | None = None  # (first piece, end)
        for index in range(position, len(pieces)):
            if not pieces[index].text or pieces[index].text not in wanted:
                continue
            end = index + 1
            while end < len(pieces) and pieces[end].text in wanted:
                end += 1
            spelled = "".join(piece.text for piece in pieces[index:end]).replace(" ", "")
            if bare.endswith(spelled) and len(spelled) * 2 >= len(bare):
                found = (index, end)
                break
            if found is None:
                found = (index, end)
        if found is None:
            yield PageLine(
                text=block.text, line=0, kind=block.kind, marker=block.marker,
                markdown=block.markdown,
            )
            continue
        first, end = found
        position = end
        yield PageLine(
            text=block.text,
            line=pieces[first].line,
            last_line=pieces[end - 1].line,
            kind=block.kind,
            marker=block.marker,
            markdown=block.markdown,
        )
