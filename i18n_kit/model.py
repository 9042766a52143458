"""Frozen value types that flow through the pipeline: Article, Block, Segment."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

_T = TypeVar("_T")

#: Languages an article may be written in (the segmenter has rules for these).
SOURCE_LANGUAGES: tuple[str, ...] = ("en", "ru", "zh")


class BlockKind(enum.StrEnum):
    """What a block is on the page; decides the HTML element it becomes."""

    TITLE = "title"  # front-matter title
    SUMMARY = "summary"  # front-matter summary (lead)
    HEADING = "heading"  # level in Block.level (1-6)
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"  # marker in Block.marker, nesting depth in Block.level
    QUOTE = "quote"  # a paragraph inside a block quotation
    TABLE_CELL = "table-cell"  # Block.row / Block.column / Block.header
    CODE = "code"  # fenced or indented code: never translated
    RULE = "rule"  # thematic break (---); no text
    HTML = "html"  # raw HTML block in Markdown: copied, never translated


class Markup(enum.StrEnum):
    """How Block.text is to be read when the page is rendered."""

    MARKDOWN = "markdown"  # inline CommonMark: **bold**, *em*, [text](url), `code`, ![alt](src)
    PLAIN = "plain"  # plain text: every character is literal


class Severity(enum.StrEnum):
    """How bad a check's finding is. ``check`` fails (exit code 1) on findings at or above
    the project's ``[checks] fail_on`` (``--fail-on``): errors by default."""

    ERROR = "error"  # the published page is wrong: a number, a link, a term, untranslated text
    WARNING = "warning"  # very likely wrong; a person should look
    INFO = "info"  # for the record: nothing to fix now

    def at_least(self, other: Severity) -> bool:
        """True when this severity is ``other`` or worse.

        >>> Severity.ERROR.at_least(Severity.WARNING), Severity.INFO.at_least(Severity.WARNING)
        (True, False)
        """
        return _SEVERITY_RANK[self] >= _SEVERITY_RANK[other]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def pickled_as_tuple(cls: type[_T]) -> type[_T]:
    """Give a frozen slotted dataclass a pickled state that is its field values in order.

    Workers send parsed articles back to the sync by pickle (parallel.py): at 10,000
    articles half a million blocks and segments, and the state methods `dataclass` makes
    look the fields up again for every object. Unpickling 100,000 segments took 0.30 s
    with them, 0.155 s with these.

    >>> import pickle
    >>> pickle.loads(pickle.dumps(Block(kind=BlockKind.PARAGRAPH, text="Hi", line=3)))
    Block(kind=<BlockKind.PARAGRAPH: 'paragraph'>, text='Hi', translatable=True, \
markup=<Markup.MARKDOWN: 'markdown'>, level=0, marker='', group=0, row=0, column=0, \
header=False, info='', line=3)
    """
    names = tuple(item.name for item in fields(cls))  # type: ignore[arg-type]
    # each slot's own setter (a frozen class's __setattr__ refuses): half the time of
    # object.__setattr__ by name
    setters = tuple(getattr(cls, name).__set__ for name in names)

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in names])

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for setter, value in zip(setters, state):  # noqa: B905 -- made by __getstate__
            setter(self, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 -- on the class, not typed
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls


@pickled_as_tuple
@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One block of an article, in source order.

    ``text`` is the block's inline content exactly as in the source (for Markdown
    sources: the inline Markdown, hard line breaks as ``\\n``; for HTML sources the
    reader converts inline tags to the same Markdown syntax). List markers, heading
    ``#`` signs and quote ``>`` prefixes are never part of ``text``.
    """

    kind: BlockKind
    text: str
    translatable: bool = True
    markup: Markup = Markup.MARKDOWN
    level: int = 0  # heading level; list nesting depth (0 = top level)
    marker: str = ""  # list marker as written: "-", "*", "•", "—", "• —", "1.", "3)"
    group: int = 0  # consecutive blocks sharing a group form one list / table / quotation
    row: int = 0  # table cell row (0 = header row when header is True)
    column: int = 0
    header: bool = False  # table header cell
    info: str = ""  # code block info string (language), image src, ...
    line: int = 0  # 1-based line in the source file, for error messages only


@pickled_as_tuple
@dataclass(frozen=True, slots=True, kw_only=True)
class SourceWarning:
    """Source text a reader sees that is read in a way its writer may not expect (an
    indented paragraph read as text, a raw HTML block copied untranslated). ``sync``
    prints it as ``path:line: message``."""

    path: str  # project-relative POSIX path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@pickled_as_tuple
@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A source article: front matter plus blocks (title and summary are blocks too)."""

    slug: str
    lang: str  # source language code, one of SOURCE_LANGUAGES
    path: str  # project-relative POSIX path, e.g. "content/summit.md"
    date: dt.date | dt.datetime | None = None
    meta: Mapping[str, str] = field(default_factory=dict)  # other front-matter keys, as text
    blocks: tuple[Block, ...] = ()
    slug_line: int | None = None  # the line of the front matter's `slug:`, if it has one
    warnings: tuple[SourceWarning, ...] = ()  # see sources/unseen.py

    @property
    def title(self) -> str:
        for block in self.blocks:
            if block.kind is BlockKind.TITLE:
                return block.text
        return self.slug


@pickled_as_tuple
@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """One sentence of one block: the unit translators see as a msgid.

    ``text`` is normalised (see ``segments.normalize_space``); ``raw`` is the exact
    source slice ``block.text[start:end]``.
    """

    text: str
    raw: str
    block: int  # index into Article.blocks
    index: int  # position within the block
    start: int
    end: int
    origin: str  # "content/summit.md:12": file and line, for messages (never in PO references)


class Route(enum.StrEnum):
    """Where an untranslated segment goes (DESIGN.md, "Routing")."""

    TM = "tm"  # exact translation-memory match: translated
    TM_FUZZY = "tm-fuzzy"  # close memory match: fuzzy, the matched source as previous msgid
    TERM = "term"  # the segment is wholly a glossary term: translated from the glossary
    COPY = "copy"  # nothing to translate (numbers, URLs, codes): copied
    HUMAN = "human"  # people translate it (policy, or MT failed / not configured)
    MT = "mt"  # machine translation: fuzzy


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteDecision:
    """The route of one segment, why, and what it fills in (if anything yet)."""

    route: Route
    reason: str  # human-readable, written as "#. route: <route> (<reason>)"
    target_text: str | None = None  # None: left empty (human) or still to come (mt)
    fuzzy: bool = False
    previous_source: str | None = None  # tm-fuzzy: the memory's source, shown as #| msgid
    notes: tuple[str, ...] = ()  # further extracted comments, e.g. "tm: 87% from tm/legacy.tmx"
