"""Which lines of a captured page are the article: rules a person can check by eye.

1. **The header.** The article starts with its title followed by a date line
   (`lines.read_date`), or with a date line followed by its title (a line that does not
   end like a sentence, followed by the article's first sentence). The entries of a
   list of other articles look the same (a title, a date), so a run of two or more
   such pairs in a row -- or of lines that end in a date -- is a list, not a header.
   Of the remaining title-and-date pairs, the one followed by the most text in its
   title's script is the article's; with an HTML page the extractor's title names it.
   Everything before the title is site chrome (menus, clocks, "Member States:").
2. **The end of the article.** The article ends before the next list of other articles
   and before a footer: the first line with ``©`` next to a year (``© 2021``,
   ``2005-2021 ©``) or ``Copyright``, or else the first ``©`` line that no paragraph of
   the article follows (a line of at least 100 characters, Chinese ones counting double,
   that ends like a sentence). It also ends at its last line that ends like a sentence:
   what comes after that ("Add Comment", "Print", "Share") is widgets.
3. **Inside the article**, a clock widget's line, a photo credit (a line with ``©``) and
   a line in another script than the article (Russian site chrome on an English page)
   are dropped.

The article's language is its title's script (Latin: en, Cyrillic: ru, Han: zh) unless
the caller names it. Every line gets a `Verdict`, so the importer can say what it kept
and what it dropped, and why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from i18n_kit.errors import SourceError
from i18n_kit.importing.lines import (
    LANG_SCRIPTS,
    PageLine,
    count_scripts,
    ends_sentence,
    ends_with_date,
    in_other_script,
    is_clock,
    main_script,
    read_date,
    script_of,
)

TITLE = "title"
DATE = "date"
ARTICLE = "article"
BEFORE_TITLE = "before the title"
OTHER_ARTICLES = "list of other articles"
FOOTER = "footer"
AFTER_ARTICLE = "after the article"
AFTER_LAST_SENTENCE = "after the article's last sentence"
CLOCK = "clock"
CREDIT = "credit line (©)"
OUTSIDE_CONTENT = "outside the main content"


def other_script_reason(script: str) -> str:
    return f"in another script than the article ({script})"


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """What the importer did with one page line, and why."""

    line: PageLine
    kept: bool
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Selection:
    """The article found on a page: its header, its body lines, a verdict for every line."""

    title: str
    date: dt.date | dt.datetime | None
    lang: str
    body: tuple[PageLine, ...]
    verdicts: tuple[Verdict, ...]


_SPACES = re.compile(r"[\s\u00a0]+")
_PARAGRAPH_WIDTH = 100
_FOOTER = re.compile(r"©[ \u00a0]*(?:19|20)\d\d|(?:19|20)\d\d[ \u00a0]*©|copyright", re.IGNORECASE)


def find_article(
    lines: Sequence[PageLine],
    *,
    origin: str,
    title: str | None = None,
    date: dt.date | dt.datetime | None = None,
    lang: str | None = None,
    after_line: int = 0,
) -> Selection:
    """Find the article among a page's lines (see the module docstring for the rules).

    ``title`` and ``date`` come from an HTML page's metadata; captured text has neither
    and must carry a title followed by a date line. ``after_line``: the file line an HTML
    page shows its title on, when the extractor left the title out; lines above it are
    "before the title" too.

    >>> page = ["Home", "12:36Abu Dhabi", "Summit ends", "18.11.2020 17:07",
    ...         "The leaders met.", "Add Comment"]
    >>> found = find_article([PageLine(text=t, line=n) for n, t in enumerate(page, 1)],
    ...                      origin="page.txt")
    >>> found.title, found.date, found.lang, [line.text for line in found.body]
    ('Summit ends', datetime.datetime(2020, 11, 18, 17, 7), 'en', ['The leaders met.'])
    >>> [(v.line.line, v.reason) for v in found.verdicts if not v.kept]
    [(1, 'before the title'), (2, 'before the title'), (6, "after the article's last sentence")]
    """
    listed = _other_article_lines(lines)
    header = _find_header(lines, listed, title=title, origin=origin)
    reasons: dict[int, str] = {}
    if header is None:
        start = 0
        while start < len(lines) and 0 < lines[start].line < after_line:
            reasons[start] = BEFORE_TITLE
            start += 1
    else:
        title_index, date_index = header
        title = lines[title_index].text.strip()
        for index in range(title_index):
            reasons[index] = BEFORE_TITLE
        reasons[title_index] = TITLE
        if date_index is not None:
            reasons[date_index] = DATE
            date = read_date(lines[date_index].text) or date
        start = max(title_index, date_index if date_index is not None else 0) + 1
    assert title is not None
    script = LANG_SCRIPTS[lang] if lang else _script_of_title(title, origin=origin)
    end = _span_end(lines, listed, start, script)
    footer = False
    for index in range(end, len(lines)):
        footer = footer or "©" in lines[index].text
        if index in listed:
            reasons[index] = OTHER_ARTICLES
        else:
            reasons[index] = FOOTER if footer else AFTER_ARTICLE
    candidates: list[int] = []
    for index in range(start, end):
        text = lines[index].text
        if is_clock(text):
            reasons[index] = CLOCK
        elif "©" in text:
            reasons[index] = CREDIT
        elif in_other_script(text, script):
            reasons[index] = other_script_reason(main_script(text))
        else:
            candidates.append(index)
    ending = [index for index in candidates if ends_sentence(lines[index].text)]
    if not ending:
        raise SourceError(
            "no article found: no line of text that ends like a sentence follows the title"
            f" {_quote(title)}; is this an article page?",
            path=origin,
        )
    for index in candidates:
        reasons[index] = ARTICLE
    for index in range(ending[-1] + 1, end):
        reasons[index] = AFTER_LAST_SENTENCE
    lang_code = lang or next(code for code, name in LANG_SCRIPTS.items() if name == script)
    verdicts = tuple(
        Verdict(line=line, kept=reasons[index] in (TITLE, DATE, ARTICLE), reason=reasons[index])
        for index, line in enumerate(lines)
    )
    body = tuple(lines[index] for index in candidates if reasons[index] == ARTICLE)
    return Selection(title=title, date=date, lang=lang_code, body=body, verdicts=verdicts)


def _other_article_lines(lines: Sequence[PageLine]) -> set[int]:
    """Indexes of lines in lists of other articles: runs of two or more title-and-date
    pairs, or of two or more lines ending in a date."""
    listed: set[int] = set()
    index = 0
    while index < len(lines):
        run = index
        while (
            run + 1 < len(lines)
            and _is_title(lines[run].text)
            and read_date(lines[run + 1].text) is not None
        ):
            run += 2
        if run - index >= 4:
            listed.update(range(index, run))
            index = run
            continue
        run = index
        while run < len(lines) and ends_with_date(lines[run].text):
            run += 1
        if run - index >= 2:
            listed.update(range(index, run))
            index = run
            continue
        index += 1
    return listed


def _find_header(
    lines: Sequence[PageLine], listed: set[int], *, title: str | None, origin: str
) -> tuple[int, int | None] | None:
    """(title index, date index or None); None when an HTML page's title is not in the text."""
    if title is not None:
        wanted = _normal(title)
        for index, line in enumerate(lines):
            if _normal(line.text) == wanted and index not in listed:
                following = index + 1
                if following < len(lines) and read_date(lines[following].text):
                    return index, following
                if index and read_date(lines[index - 1].text):  # the date above the title
                    return index, index - 1
                return index, None
        return None
    pairs: list[tuple[int, int]] = []  # (title, date)
    for index in range(len(lines) - 1):
        if index in listed or read_date(lines[index + 1].text) is None:
            continue
        if _date_above_title(lines, listed, index + 1):
            pairs.append((index + 2, index + 1))
        elif _is_title(lines[index].text):
            pairs.append((index, index + 1))
    if not pairs:
        raise SourceError(
            "no article found: no title followed by a date line (such as '18.11.2020 17:07'"
            " or '2020-11-18'); is this an article page?",
            path=origin,
        )

    def weight(pair: tuple[int, int]) -> int:
        title_index, date_index = pair
        script = main_script(lines[title_index].text)
        start = max(title_index, date_index) + 1
        end = _span_end(lines, listed, start, script)
        return sum(count_scripts(lines[i].text)[script] for i in range(start, end))

    return max(pairs, key=weight)  # max keeps the first of equals


def _date_above_title(lines: Sequence[PageLine], listed: set[int], date_index: int) -> bool:
    """A page that prints the date above the title: the date line is followed by a line
    that could be a title and does not end like a sentence, and that by the article's
    first sentence; the line before the date is then site chrome, not the title."""
    title_index, first = date_index + 1, date_index + 2
    return (
        first < len(lines)
        and title_index not in listed
        and _is_title(lines[title_index].text)
        and not ends_sentence(lines[title_index].text)
        and ends_sentence(lines[first].text)
        and read_date(lines[first].text) is None
    )


def _span_end(lines: Sequence[PageLine], listed: set[int], start: int, script: str) -> int:
    """Where the article's part of the page ends: at the next list of other articles, or
    at a footer's first © line (a © line that a paragraph follows is a photo credit)."""
    end = next((index for index in range(start, len(lines)) if index in listed), len(lines))
    for index in range(start, end):
        if _FOOTER.search(lines[index].text):
            return index
    footer = end
    for index in range(end - 1, start - 1, -1):
        line = lines[index].text
        if _is_paragraph(line, script):
            break
        if "©" in line:
            footer = index
    return footer


def _is_paragraph(text: str, script: str) -> bool:
    width = sum(2 if script_of(char) == "Han" else 1 for char in text)
    return width >= _PARAGRAPH_WIDTH and ends_sentence(text) and not in_other_script(text, script)


def _is_title(text: str) -> bool:
    return bool(main_script(text)) and read_date(text) is None and not is_clock(text)


def _script_of_title(title: str, *, origin: str) -> str:
    script = main_script(title)
    if not script:
        raise SourceError(
            f"cannot tell the article's language from its title {_quote(title)};"
            " pass --lang en, ru or zh",
            path=origin,
        )
    return script


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _quote(text: str) -> str:
    shown = text if len(text) <= 60 else text[:57] + "..."
    return f"'{shown}'"
