"""Texts to align, read from files: plain text, Markdown, or a captured HTML page.

Each becomes paragraphs of sentences, cut by the project's own sentence splitter
(``segments``), so a sentence is what a catalog would make an entry of:

- ``.html``/``.htm``: the article on the captured page, found as ``i18n-kit import``
  finds it (the site's chrome left out), then read as its Markdown;
- ``.md``/``.markdown``: an article (front matter optional); each translatable block
  (title, headings, paragraphs, list items, ...) is a paragraph;
- anything else: plain UTF-8 text whose paragraphs are separated by blank lines.

The language is the one given, else the text's script (Han: zh, Cyrillic: ru,
Latin: en). A text of no sentence, or in another language than the one given, is
refused with one line naming the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from i18n_kit.align.features import detect_language
from i18n_kit.errors import SourceError
from i18n_kit.model import SOURCE_LANGUAGES, Article
from i18n_kit.segments import normalize_space, segment_article, split_sentences
from i18n_kit.sources import decode_utf8, parse_article

__all__ = ["AlignText", "article_paragraphs", "read_align_text"]

_BLANK = re.compile(r"\n[ \t\u00a0\u3000]*\n")
_NAMES = {"en": "English", "ru": "Russian", "zh": "Chinese"}


@dataclass(frozen=True, slots=True)
class AlignText:
    """A text as the aligner takes it."""

    origin: str
    lang: str
    paragraphs: tuple[tuple[str, ...], ...]

    @property
    def sentences(self) -> int:
        return sum(len(paragraph) for paragraph in self.paragraphs)


def read_align_text(
    path: Path, *, origin: str, lang: str | None = None, captured: bool = False
) -> AlignText:
    """Read ``path`` as a text to align (see the module's doc); with ``captured``, a
    ``.txt`` file is a page saved from a browser, read as ``import`` reads it."""
    if lang is not None and lang not in SOURCE_LANGUAGES:
        raise SourceError(
            f"unknown language '{lang}'; expected one of {', '.join(SOURCE_LANGUAGES)}"
        )
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or (captured and suffix == ".txt"):
        from i18n_kit.importing import import_page

        # The page's own script first: a page in another language than the one given
        # is refused as such, not as a page with no article in that language.
        imported = import_page(path, origin=origin)
        found = _check_language(imported.markdown, origin=origin, lang=lang)
        article = parse_article(
            imported.markdown, origin=origin, suffix=".md", default_lang=found
        )
        return _checked(AlignText(origin, found, article_paragraphs(article)))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path=origin) from exc
    text = decode_utf8(data, origin=origin)
    found = _check_language(text, origin=origin, lang=lang)
    if suffix in (".md", ".markdown"):
        article = parse_article(text, origin=origin, suffix=".md", default_lang=found)
        return _checked(AlignText(origin, found, article_paragraphs(article)))
    paragraphs: list[tuple[str, ...]] = []
    for part in _BLANK.split(text.replace("\r\n", "\n")):
        clean = normalize_space(part)
        if clean:
            sentences = tuple(
                normalize_space(clean[start:end]) for start, end in split_sentences(clean, found)
            )
            paragraphs.append(tuple(s for s in sentences if s))
    return _checked(AlignText(origin, found, tuple(p for p in paragraphs if p)))


def article_paragraphs(article: Article) -> tuple[tuple[str, ...], ...]:
    """An article's segments, block by block (the catalog's msgids, in order)."""
    paragraphs: dict[int, list[str]] = {}
    for segment in segment_article(article):
        paragraphs.setdefault(segment.block, []).append(segment.text)
    return tuple(tuple(texts) for _block, texts in sorted(paragraphs.items()))


def _check_language(text: str, *, origin: str, lang: str | None) -> str:
    found = detect_language(text)
    if found is None:
        raise SourceError("no text to align: it has no letters", path=origin)
    if lang is not None and found != lang:
        raise SourceError(
            f"is in {_NAMES.get(found, found)} ({found}), not {_NAMES.get(lang, lang)}"
            f" ({lang}) as given; is it the right file?",
            path=origin,
        )
    return found


def _checked(text: AlignText) -> AlignText:
    if not text.sentences:
        raise SourceError("no text to align: no sentence in it", path=text.origin)
    return text
