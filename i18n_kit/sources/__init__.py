"""Stage 1: source files (Markdown, HTML fragments, plain text) -> Article.

`read_article` reads the bytes (strict UTF-8, a byte-order mark is dropped) and
dispatches on the suffix; `parse_article` and the per-format ``parse_*`` functions take
text that is already in memory. Every error is a `SourceError` naming the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from i18n_kit.errors import SourceError
from i18n_kit.model import Article

if TYPE_CHECKING:
    from i18n_kit.sources.html import parse_html
    from i18n_kit.sources.markdown import parse_markdown
    from i18n_kit.sources.text import parse_text

__all__ = [
    "MAX_SOURCE_BYTES",
    "SOURCE_SUFFIXES",
    "decode_article",
    "read_source_bytes",
    "parse_article",
    "parse_html",
    "parse_markdown",
    "parse_text",
    "read_article",
]

#: File suffixes `read_article` understands (compared in lower case).
SOURCE_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".html", ".htm", ".txt")
#: The largest source file read: a news article is tens of kilobytes; past this, an
#: absurd file (a megabyte of brackets) is refused at once instead of parsed for minutes.
MAX_SOURCE_BYTES = 256 * 1024


def read_article(path: Path, *, root: Path, default_lang: str) -> Article:
    """Read one source file; ``Article.path`` is ``path`` relative to ``root``, POSIX style.

    >>> project = Path("examples/sco-newsroom")
    >>> article = read_article(project / "content/sco-day-culture-festival-2019.html",
    ...                        root=project, default_lang="en")
    >>> article.path, article.slug, article.lang
    ('content/sco-day-culture-festival-2019.html', 'sco-day-culture-festival-2019', 'ru')
    """
    origin = _relative_posix(path, root)
    data = read_source_bytes(path, origin=origin)
    return decode_article(data, origin=origin, suffix=path.suffix, default_lang=default_lang)


def read_source_bytes(path: Path, *, origin: str) -> bytes:
    """A source file's bytes, or a ``SourceError`` saying why they cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(
            f"cannot read the file: {exc.strerror or exc}; check that it exists and is readable",
            path=origin,
        ) from exc


def decode_article(data: bytes, *, origin: str, suffix: str, default_lang: str) -> Article:
    """``read_article`` of bytes already read (sync hashes exactly what it parsed).

    >>> decode_article(b"Title\\n\\nText.", origin="content/a.txt", suffix=".txt",
    ...                default_lang="ru").title
    'Title'
    """
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(
            f"the file has {len(data):,} bytes; an article may have at most"
            f" {MAX_SOURCE_BYTES:,}: split it into several articles",
            path=origin,
        )
    text = decode_utf8(data, origin=origin)
    return parse_article(text, origin=origin, suffix=suffix, default_lang=default_lang)


def parse_article(text: str, *, origin: str, suffix: str, default_lang: str) -> Article:
    """Parse an article's text by its file suffix (``.md``, ``.html``, ``.txt``, ...).

    >>> parse_article("Title\\n\\nText.", origin="content/a.txt", suffix=".txt",
    ...               default_lang="ru").lang
    'ru'
    """
    kind = suffix.lower()
    # Each parser is imported when a file of its kind is read (a sync with nothing to
    # read imports none).
    if kind in (".md", ".markdown"):
        from i18n_kit.sources.markdown import parse_markdown

        return parse_markdown(text, origin=origin, default_lang=default_lang)
    if kind in (".html", ".htm"):
        from i18n_kit.sources.html import parse_html

        return parse_html(text, origin=origin, default_lang=default_lang)
    if kind == ".txt":
        from i18n_kit.sources.text import parse_text

        return parse_text(text, origin=origin, default_lang=default_lang)
    raise SourceError(
        f"unsupported file type '{suffix}'; name the file with one of {', '.join(SOURCE_SUFFIXES)}",
        path=origin,
    )


def decode_utf8(data: bytes, *, origin: str) -> str:
    """Decode strictly as UTF-8; a bad byte is reported by line and column.

    >>> try:
    ...     decode_utf8(b"ok\\n\\xffno", origin="a.md")
    ... except SourceError as error:
    ...     print(error)
    a.md:2: not valid UTF-8 (byte 0xff at column 1); save the file as UTF-8
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        prefix = data[line_start : exc.start].decode("utf-8").removeprefix("\ufeff")
        raise SourceError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {len(prefix) + 1});"
            " save the file as UTF-8",
            path=origin,
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from None
    return text.removeprefix("\ufeff")


def _relative_posix(path: Path, root: Path) -> str:
    for candidate, base in ((path, root), (path.resolve(), root.resolve())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def __getattr__(name: str) -> Any:
    parsers = {"parse_html": "html", "parse_markdown": "markdown", "parse_text": "text"}
    if name in parsers:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{parsers[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
