"""The vocabulary of the import rules: a page line, and what a line looks like (a date,
a clock, the end of a sentence, a script).

A captured page is a list of `PageLine`s in page order (blank lines left out). The rules
in `rules.py` decide which of them are the article; this module only answers questions
about one line at a time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from i18n_kit.model import BlockKind

#: The script each article language is written in.
LANG_SCRIPTS: dict[str, str] = {"en": "Latin", "ru": "Cyrillic", "zh": "Han"}


@dataclass(frozen=True, slots=True, kw_only=True)
class PageLine:
    """One non-empty line (captured text) or text block (HTML) of a page.

    ``line`` is the 1-based line in the page's file; ``last_line`` the line it ends on
    (an HTML block may span lines). ``marker`` is a list item's marker as written
    (``•``, ``—``, ``• —``, ``1.``), empty for other kinds. ``markdown`` is the text with
    the HTML block's links and emphasis as inline Markdown, empty when it has none.
    """

    text: str
    line: int
    last_line: int = 0
    kind: BlockKind = BlockKind.PARAGRAPH
    marker: str = ""
    markdown: str = ""  # an HTML block's inline Markdown (links, emphasis); "" when none

    @property
    def end(self) -> int:
        return max(self.line, self.last_line)


_TIME = r"(?:[ \u00a0,]+(?:в[ \u00a0]+)?(\d{1,2}):(\d{2})(?::\d{2})?)?"
_MONTHS_EN = (
    "january february march april may june july august september october november december"
).split()
_MONTHS_RU = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
_MONTHS = {name: number for number, name in enumerate(_MONTHS_EN, 1)}
_MONTHS |= {name: number for number, name in enumerate(_MONTHS_RU.split(), 1)}
_MONTH_NAMES = "|".join(_MONTHS)
_DATE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})" + _TIME), "dmy"),
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|)" + _TIME), "ymd"),
    (re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日" + _TIME), "ymd"),
    (
        re.compile(
            rf"(\d{{1,2}})[ \u00a0]+({_MONTH_NAMES})[ \u00a0]+(\d{{4}})"
            r"(?:[ \u00a0]*г(?:\.|ода))?" + _TIME,
            re.IGNORECASE,
        ),
        "d-name-y",
    ),
    (
        re.compile(rf"({_MONTH_NAMES})[ \u00a0]+(\d{{1,2}}),?[ \u00a0]+(\d{{4}})" + _TIME,
                   re.IGNORECASE),
        "name-d-y",
    ),
)
# A short label before the date ("Published:", "发布时间："), a short tail after it
# ("来源：新华网", "| Views: 120").
_LABEL = re.compile(r"[^\d\n]{1,20}?[:：][ \u00a0]*")
_MAX_TAIL = 40
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)）」』】\]]*)$")
_CLOCK = re.compile(
    r"\d{1,2}:\d{2}[ \u00a0]*[^\W\d][^\d:]{0,30}|[^\W\d][^\d:]{0,12}[ \u00a0]*\d{1,2}:\d{2}"
)


def read_date(text: str) -> dt.date | dt.datetime | None:
    """The date (and time) a header line gives, or None when the line is not a date line.

    A date line is a date in one of the forms news sites print (``18.11.2020 17:07``,
    ``2020-11-18``, ``2020年11月18日``, ``18 November 2020``, ``18 ноября 2020 г.``),
    optionally after a short label ending in a colon and before a short tail.

    >>> read_date("18.11.2020 17:07"), read_date("2021-06-08 10:05 来源：示例新闻网")
    (datetime.datetime(2020, 11, 18, 17, 7), datetime.datetime(2021, 6, 8, 10, 5))
    >>> read_date("On 18.11.2020 the leaders met.") is None
    True
    """
    text = text.strip(" \u00a0\t")
    label = _LABEL.match(text)
    if label is not None and not text[: label.end()].strip().rstrip(":：").isdigit():
        text = text[label.end() :]
    for pattern, form in _DATE_FORMS:
        match = pattern.match(text)
        if match is None:
            continue
        tail = text[match.end() :]
        if tail and (len(tail) > _MAX_TAIL or not tail[0].isspace()):
            continue
        return _make_date(match.groups(), form)
    return None


def ends_with_date(text: str) -> bool:
    """True for a line that ends in a date, as an entry of a list of other articles does
    ("Experts met in Tashkent20.04.2021 09:10").

    >>> ends_with_date("Experts met in Tashkent20.04.2021 09:10"), ends_with_date("Met.")
    (True, False)
    """
    stripped = text.rstrip(" \u00a0")
    for pattern, _form in _DATE_FORMS:
        for match in pattern.finditer(stripped):
            if match.end() == len(stripped) and match.start() > 0:
                return True
    return False


def _make_date(groups: tuple[str | None, ...], form: str) -> dt.date | dt.datetime | None:
    first, second, third, hour, minute = groups
    assert first is not None and second is not None and third is not None
    if form == "dmy":
        day, month, year = int(first), int(second), int(third)
    elif form == "ymd":
        year, month, day = int(first), int(second), int(third)
    elif form == "d-name-y":
        day, month, year = int(first), _MONTHS[second.lower()], int(third)
    else:
        month, day, year = _MONTHS[first.lower()], int(second), int(third)
    try:
        if hour is None or minute is None:
            return dt.date(year, month, day)
        return dt.datetime(year, month, day, int(hour), int(minute))
    except ValueError:
        return None


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence: ``. ! ? …`` (or their Chinese forms),
    perhaps followed by closing quotes or brackets.

    >>> ends_sentence("He said: «We agree.»"), ends_sentence("Leave a comment")
    (True, False)
    """
    return _SENTENCE_END.search(text.rstrip(" \u00a0")) is not None


def is_clock(text: str) -> bool:
    """True for a clock widget's line: a time and a place name, nothing else.

    >>> is_clock("12:36Abu Dhabi"), is_clock("北京时间 16:20"), is_clock("At 12:36 we met.")
    (True, True, False)
    """
    return _CLOCK.fullmatch(text.strip(" \u00a0")) is not None


def count_scripts(text: str) -> dict[str, int]:
    """Letters of each script (Latin, Cyrillic, Han) in ``text``.

    >>> count_scripts("SCO ШОС 上合组织")
    {'Latin': 3, 'Cyrillic': 3, 'Han': 4}
    """
    counts = {"Latin": 0, "Cyrillic": 0, "Han": 0}
    for char in text:
        script = script_of(char)
        if script:
            counts[script] += 1
    return counts


def script_of(char: str) -> str:
    """The script of one letter ("Latin", "Cyrillic", "Han"), "" for anything else."""
    code = ord(char)
    if code < 0x80:
        return "Latin" if char.isalpha() else ""
    if 0x400 <= code <= 0x52F:
        return "Cyrillic"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "Han"
    if code <= 0x24F and char.isalpha():
        return "Latin"
    return ""


def main_script(text: str) -> str:
    """The script most of the letters of ``text`` are in ("" when it has none).

    >>> main_script("Партнеры по диалогу:"), main_script("12:36")
    ('Cyrillic', '')
    """
    counts = count_scripts(text)
    script, letters = max(counts.items(), key=lambda item: item[1])
    return script if letters else ""


def in_other_script(text: str, script: str) -> bool:
    """True when most letters of the line are in a script other than ``script`` and at
    most a fifth are in ``script`` (a Chinese line with "SCO" in it stays Chinese).

    >>> in_other_script("Сообщите об ошибке", "Latin"), in_other_script("上合组织（SCO）", "Han")
    (True, False)
    """
    counts = count_scripts(text)
    letters = sum(counts.values())
    if not letters:
        return False
    return counts[script] * 5 <= letters and main_script(text) != script
