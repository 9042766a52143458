"""Captured pages (saved HTML, or text saved from a browser) -> source articles in content/.

`import_page` finds the article on a page and leaves out the site chrome around it
(the rules are in `rules.py`; HTML goes through trafilatura first, `html.py`); it returns
an `ImportedArticle`: the Markdown to write and, line by line, what was kept and what was
dropped and why. `write_articles` writes a run's articles all together or none of them,
and never replaces an existing article unless asked to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from i18n_kit.errors import OutputError, SourceError
from i18n_kit.files import StagedFiles
from i18n_kit.importing.lines import PageLine
from i18n_kit.importing.markdown import make_slug, render_article
from i18n_kit.importing.rules import DATE, OUTSIDE_CONTENT, TITLE, Selection, Verdict, find_article
from i18n_kit.model import SOURCE_LANGUAGES
from i18n_kit.sources import SOURCE_SUFFIXES, decode_utf8

__all__ = ["IMPORT_SUFFIXES", "ImportedArticle", "LineRange", "import_page", "write_articles"]

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)

#: Page files `import_page` reads (compared in lower case).
IMPORT_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".txt")


@dataclass(frozen=True, slots=True, kw_only=True)
class LineRange:
    """Consecutive lines (captured text) or pieces of text (HTML) of the page that were
    kept, or dropped, for one reason; ``first`` and ``last`` are lines of the file."""

    first: int
    last: int
    count: int  # lines with text (blank lines are not counted), or pieces of text
    kept: bool
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedArticle:
    """One page's article, ready to write to ``content/<slug>.md``."""

    origin: str  # the page, as named on the command line
    slug: str
    lang: str
    title: str
    date: dt.date | dt.datetime | None
    url: str | None
    markdown: str
    ranges: tuple[LineRange, ...]
    unit: str  # what `LineRange.count` counts: "line" (captured text) or "piece" (HTML)

    @property
    def kept(self) -> int:
        return sum(part.count for part in self.ranges if part.kept)

    @property
    def dropped(self) -> int:
        return sum(part.count for part in self.ranges if not part.kept)


def import_page(
    path: Path, *, origin: str, lang: str | None = None, slug: str | None = None
) -> ImportedArticle:
    """Find the article on a saved page (``.html``, ``.htm`` or ``.txt``).

    Raises `SourceError` (naming ``origin``) when the file cannot be read or holds no
    article.

    >>> import tempfile; page = Path(tempfile.mkdtemp()) / "page.txt"
    >>> _ = page.write_text("Home\\nSummit ends\\n18.11.2020 17:07\\n\\nLeaders met.\\nPrint\\n")
    >>> article = import_page(page, origin="page.txt")
    >>> article.slug, article.kept, article.dropped, article.unit
    ('summit-ends', 3, 2, 'line')
    """
    if lang is not None and lang not in SOURCE_LANGUAGES:
        raise SourceError(f"unknown lang '{lang}'; expected one of {', '.join(SOURCE_LANGUAGES)}")
    if slug is not None and (not _SLUG.fullmatch(slug) or ".." in slug):
        raise SourceError(
            f"--slug '{slug}' is not a slug; use letters, digits, '.', '_' and '-'"
            " (starting with a letter or a digit)"
        )
    suffix = path.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise SourceError(
            f"cannot import '{path.suffix or path.name}' files; import a page saved as"
            f" {', '.join(IMPORT_SUFFIXES)}",
            path=origin,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read the page: {exc.strerror or exc}", path=origin) from exc
    text = _decode(data, origin=origin, html=suffix != ".txt")
    url: str | None = None
    if suffix == ".txt":
        from i18n_kit.importing.text import read_text_lines

        selection = find_article(read_text_lines(text), origin=origin, lang=lang)
        verdicts: Sequence[Verdict] = selection.verdicts
    else:
        from i18n_kit.importing.html import (
            date_by_title,
            lead_after_title,
            read_html_page,
            title_line_of,
        )

        page = read_html_page(text, origin=origin)
        date, blocks, title_line = page.date, list(page.blocks), 0
        if page.title:
            date = date_by_title(page.pieces, page.title) or date
            title_line = title_line_of(page.pieces, page.title)
            first = min((block.line for block in blocks if block.line >= title_line), default=0)
            if first:
                index = next(i for i, block in enumerate(blocks) if block.line == first)
                blocks[index:index] = lead_after_title(page.pieces, page.title, before=first)
        selection = find_article(
            blocks, origin=origin, title=page.title, date=date, lang=lang, after_line=title_line
        )
        verdicts = _piece_verdicts(page.pieces, selection)
        url = page.url
    if not selection.body:
        raise SourceError("no article found: no article text after the title", path=origin)
    day = selection.date.date() if isinstance(selection.date, dt.datetime) else selection.date
    chosen = slug or make_slug(title=selection.title, url=url, stem=path.stem, date=day)
    markdown = render_article(
        title=selection.title,
        date=selection.date,
        slug=chosen,
        lang=selection.lang,
        url=url,
        body=selection.body,
        origin=origin,
    )
    return ImportedArticle(
        origin=origin,
        slug=chosen,
        lang=selection.lang,
        title=selection.title,
        date=selection.date,
        url=url,
        markdown=markdown,
        ranges=tuple(_ranges(verdicts)),
        unit="line" if suffix == ".txt" else "piece",
    )


def write_articles(
    articles: Sequence[ImportedArticle],
    *,
    root: Path,
    content_dir: Path,
    force: bool = False,
    extra: Sequence[tuple[str, bytes]] = (),
) -> list[str]:
    """Write each article to ``content_dir/<slug>.md``: all of them, or (on an error) none.

    An existing ``<slug>.md`` is replaced only with ``force``; an article of the same slug
    in another format (``<slug>.txt``, ``<slug>.html``) is never replaced. ``extra``
    files (paths relative to ``root``: the aligned catalogs) are written with them.
    Returns the articles' paths relative to ``root``.
    """
    seen: dict[str, str] = {}
    planned: list[tuple[str, bytes]] = []
    for article in articles:
        if article.slug in seen:
            raise SourceError(
                f"gives the slug '{article.slug}' that {seen[article.slug]} gives too;"
                " import it on its own with --slug NAME",
                path=article.origin,
            )
        seen[article.slug] = article.origin
        target = content_dir / f"{article.slug}.md"
        relative = _relative(target, root)
        for suffix in SOURCE_SUFFIXES:
            other = content_dir / f"{article.slug}{suffix}"
            if suffix != ".md" and other.exists():
                raise OutputError(
                    f"an article with the slug '{article.slug}' exists already (imported from"
                    f" {article.origin}); import it under another name with --slug NAME",
                    path=_relative(other, root),
                )
        if target.exists() and not force:
            raise OutputError(
                f"exists already (imported from {article.origin}); nothing was written;"
                " pass --force to replace it, or --slug NAME to import it under another name",
                path=relative,
            )
        planned.append((relative, article.markdown.encode("utf-8")))
    files = StagedFiles(root)
    try:
        for relative, data in (*planned, *extra):
            files.stage(relative, data)
        files.commit()
    except BaseException:
        files.discard()
        raise
    return [relative for relative, _data in planned]


def _decode(data: bytes, *, origin: str, html: bool) -> str:
    """UTF-8; a saved HTML page may also be in the encoding its ``charset`` declares
    (Russian sites still serve windows-1251)."""
    try:
        return decode_utf8(data, origin=origin)
    except SourceError:
        declared = _CHARSET.search(data[:4096]) if html else None
        name = declared.group(1).decode("ascii") if declared else "utf-8"
        if name.lower().replace("_", "-") in ("utf-8", "utf8"):
            raise
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            raise SourceError(
                f"not valid {name}, the encoding the page declares; save it as UTF-8",
                path=origin,
            ) from None


def _piece_verdicts(pieces: Sequence[PageLine], selection: Selection) -> list[Verdict]:
    """An HTML page's own text pieces, each with the verdict of the block it is part of."""
    blocks = [verdict for verdict in selection.verdicts if verdict.line.line]
    title = selection.title.casefold()
    verdicts: list[Verdict] = []
    for piece in pieces:
        found: Verdict | None = None
        for verdict in blocks:
            block = verdict.line
            if block.line <= piece.line <= block.end and piece.text in (
                f"{block.marker} {block.text}"
            ):
                found = verdict
                break
        if found is None:
            reason = TITLE if piece.text.casefold() == title else OUTSIDE_CONTENT
            found = Verdict(line=piece, kept=reason == TITLE, reason=reason)
        verdicts.append(Verdict(line=piece, kept=found.kept, reason=found.reason))
    _mark_date(verdicts, selection)
    return verdicts


def _mark_date(verdicts: list[Verdict], selection: Selection) -> None:
    from i18n_kit.importing.lines import read_date

    for index, verdict in enumerate(verdicts):
        if verdict.reason != TITLE:
            continue
        for near in (index + 1, index - 1):  # as `html.date_by_title` looks for it
            if 0 <= near < len(verdicts):
                line = verdicts[near].line
                if not verdicts[near].kept and read_date(line.text) is not None:
                    verdicts[near] = Verdict(line=line, kept=True, reason=DATE)
                    return
        return


def _ranges(verdicts: Sequence[Verdict]) -> list[LineRange]:
    """Consecutive verdicts with the same outcome and reason, as ranges of file lines.

    HTML pieces are counted one by one: a saved page may have all its text on one line.
    """
    ranges: list[LineRange] = []
    for verdict in verdicts:
        line = verdict.line
        last = ranges[-1] if ranges else None
        if last is not None and (last.kept, last.reason) == (verdict.kept, verdict.reason):
            ranges[-1] = LineRange(
                first=min(last.first, line.line),
                last=max(last.last, line.end),
                count=last.count + 1,
                kept=last.kept,
                reason=last.reason,
            )
        else:
            ranges.append(
                LineRange(
                    first=line.line,
                    last=line.end,
                    count=1,
                    kept=verdict.kept,
                    reason=verdict.reason,
                )
            )
    return ranges


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
