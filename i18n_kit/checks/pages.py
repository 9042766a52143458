"""Checks on built pages: the declared language, text in the wrong script, broken links."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from i18n_kit.checks.registry import Issue
from i18n_kit.checks.text import CJK_CHARS, CYRILLIC_CHARS, primary_language
from i18n_kit.checks.untranslated import is_abbreviation
from i18n_kit.output.ui import html_lang

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_VERBATIM = frozenset({"script", "style", "code", "pre", "kbd", "samp"})
_CHROME_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "data-too-long")
_LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "img": "src",
                    "script": "src", "source": "src", "iframe": "src"}
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:|^//")
# Letters a language's text must not contain, per language.
_FOREIGN = {
    "en": (re.compile(f"[{CYRILLIC_CHARS}]+"), "Cyrillic"),
    "ru": (re.compile(f"[{CJK_CHARS}]+"), "Chinese"),
    "zh": (re.compile(f"[{CYRILLIC_CHARS}]+"), "Cyrillic"),
}
_CJK_IN_EN = re.compile(f"[{CJK_CHARS}]+")
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]+")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "zh": "Chinese"}


@dataclass(slots=True)
class _Element:
    tag: str
    lang: str  # primary language in effect ("" unknown)
    content: bool  # article text (body, title, listed titles), not site chrome
    listing: bool  # inside a list of article links
    verbatim: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class PageIssue:
    """An issue on a page, with its line."""

    issue: Issue
    line: int | None


@dataclass(slots=True, kw_only=True)
class PageScan:
    """What one page declares and contains: lang, ids, links, script issues."""

    html_lang: str | None = None
    html_line: int | None = None
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)  # (url, line)
    issues: list[PageIssue] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self, scan: PageScan, default_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = scan
        # A page without lang is judged as its locale folder says (and page-lang fires).
        self.stack: list[_Element] = [_Element("", default_lang, False, False, False)]
        self.reported: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        parent = self.stack[-1]
        if tag == "html":
            self.scan.html_lang = values.get("lang")
            self.scan.html_line = line
        lang = primary_language(values["lang"]) if values.get("lang") else parent.lang
        classes = values.get("class", "").split()
        listing = parent.listing or bool({"related", "news-list"} & set(classes))
        content = (
            parent.content or tag in ("h1", "title") or "article-body" in classes
            or (tag == "a" and listing)
        )
        # <title> mirrors the h1 (checked, with its fallback span's lang) plus the site
        # name (checked in the header); one element cannot mark a fallback part's lang.
        verbatim = parent.verbatim or tag in _VERBATIM or tag == "title"
        element = _Element(tag, lang, content, listing, verbatim)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.scan.ids.add(values[name])
        target = _LINK_ATTRIBUTES.get(tag)
        if target and values.get(target) is not None:
            self.scan.links.append((values[target], line))
        for name in _CHROME_ATTRIBUTES:
            if values.get(name):
                self._check_text(values[name], element, line, chrome=not content)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        element = self.stack[-1]
        if element.verbatim or not data.strip():
            return
        self._check_text(data, element, self.getpos()[0], chrome=not element.content)

    def _check_text(self, text: str, element: _Element, line: int, *, chrome: bool) -> None:
        lang = element.lang
        problems: list[tuple[int, str]] = []
        foreign = _FOREIGN.get(lang)
        if foreign is not None:
            # Cyrillic inside a Latin word («CСTV») is a look-alike letter: reported once
            # at the source by the lookalike check, not on every page.
            match = next((found for found in foreign[0].finditer(text)
                          if not _touches_latin(text, found)), None)
            if match is not None:
                problems.append((match.start(), f"{foreign[1]} text «{_around(text, match)}»"))
        if lang == "en":
            match = _CJK_IN_EN.search(text)
            if match is not None:
                problems.append((match.start(), f"Chinese text «{_around(text, match)}»"))
        if chrome and lang in ("ru", "zh"):
            words = [w for w in _LATIN_WORD_RE.finditer(text) if not is_abbreviation(w.group())]
            if words:
                problems.append((words[0].start(), f"Latin text «{_around(text, words[0])}» "
                                 "in the site chrome"))
        for offset, what in problems:
            if what in self.reported:
                continue
            self.reported.add(what)
            name = _LANGUAGE_NAMES.get(lang, lang)
            self.scan.issues.append(
                PageIssue(
                    issue=Issue(check="page-script", message=f"{what} where the page says "
                                f"the text is {name}"),
                    line=line + text.count("\n", 0, offset),
                )
            )


def _touches_latin(text: str, match: re.Match[str]) -> bool:
    before = text[match.start() - 1 : match.start()]
    after = text[match.end() : match.end() + 1]
    return bool(_LATIN_LETTER.match(before) or _LATIN_LETTER.match(after))


def _around(text: str, match: re.Match[str]) -> str:
    """The matched words and their neighbours, on one line, at most 40 characters."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    snippet = text[start : end if end >= 0 else len(text)].strip()
    return snippet if len(snippet) <= 40 else snippet[:39] + "…"


def scan_page(html: str, *, default_lang: str = "") -> PageScan:
    """Read one page: its lang, ids, links and text in the wrong script.

    >>> scan = scan_page('<html lang="en"><body><p>Главная</p><a href="x.html#top">x</a>')
    >>> scan.html_lang, scan.links, [i.issue.message for i in scan.issues]
    ('en', [('x.html#top', 1)], ['Cyrillic text «Главная» where the page says the text is English'])
    """
    scan = PageScan()
    parser = _PageParser(scan, default_lang)
    parser.feed(html)
    parser.close()
    return scan


@dataclass(frozen=True, slots=True, kw_only=True)
class PageFinding:
    """An issue on one page file."""

    path: Path
    locale_code: str
    line: int | None
    issue: Issue


def find_pages(site_dir: Path) -> list[Path]:
    """Every built page under ``site_dir`` (none when it does not exist), sorted."""
    return sorted(site_dir.rglob("*.html")) if site_dir.is_dir() else []


def check_pages(site_dir: Path, locale_codes: Sequence[str]) -> Iterator[PageFinding]:
    """Every ``*.html`` under ``site_dir``: lang (pages under a locale folder), script,
    links and #fragments. Pages outside a locale folder get the link checks only.

    >>> list(check_pages(Path("/nonexistent"), ["en"]))
    []
    """
    pages = find_pages(site_dir)
    scans: dict[Path, PageScan] = {}
    locales: dict[Path, str] = {}
    for path in pages:
        parts = path.relative_to(site_dir).parts
        locales[path] = parts[0] if len(parts) > 1 and parts[0] in locale_codes else ""
        scans[path.resolve()] = scan_page(path.read_text(encoding="utf-8", errors="replace"),
                                          default_lang=primary_language(locales[path]))
    for path in pages:
        scan = scans[path.resolve()]
        locale = locales[path]
        if locale:
            yield from _lang_findings(path, locale, scan)
            for page_issue in scan.issues:
                yield PageFinding(path=path, locale_code=locale, line=page_issue.line,
                                  issue=page_issue.issue)
        for url, line in scan.links:
            message = _broken_link(url, path, site_dir, scans)
            if message is not None:
                yield PageFinding(path=path, locale_code=locale, line=line,
                                  issue=Issue(check="page-links", message=message))


def _lang_findings(path: Path, locale: str, scan: PageScan) -> Iterator[PageFinding]:
    expected = html_lang(locale)
    if scan.html_lang is None:
        message = f'<html> has no lang attribute; add lang="{expected}"'
    elif scan.html_lang.replace("_", "-").lower() != expected.lower():
        message = f'<html lang="{scan.html_lang}"> on a page in {locale}; expected "{expected}"'
    else:
        return
    yield PageFinding(path=path, locale_code=locale, line=scan.html_line or 1,
                      issue=Issue(check="page-lang", message=message))


def _broken_link(
    url: str, page: Path, site_dir: Path, scans: dict[Path, PageScan]
) -> str | None:
    url = url.strip()
    if not url or _SCHEME_RE.match(url):
        return None
    location, _, fragment = url.partition("#")
    location = location.partition("?")[0]
    if location:
        if location.startswith("/"):
            target = (site_dir / unquote(location.lstrip("/"))).resolve()
        else:
            target = (page.parent / unquote(location)).resolve()
        if location.endswith("/") or target.is_dir():
            target = target / "index.html"
    else:
        target = page.resolve()
    if not target.is_relative_to(site_dir.resolve()):
        return f"«{url}» points outside the site folder"
    if not target.is_file():
        return f"«{url}»: no such file in the site"
    if fragment and target.suffix == ".html":
        scan = scans.get(target)
        if scan is None:
            scan = scans[target] = scan_page(target.read_text(encoding="utf-8", errors="replace"))
        if unquote(fragment) not in scan.ids:
            return f"«{url}»: the page has no id «{unquote(fragment)}»"
    return None
