"""Dates in one text, and whether a date's parts that one text leaves out are implied.

News leaves parts of a date to the reader: Chinese writes 28日 for a day of the current
month, English "on Friday" or "yesterday" for a date, Russian «в этом году» for the
article's year, and any of them drops the current year. The numbers check reads the
dates of both texts here and, for a day, month or year one text has and the other does
not, asks whether the other text implies it: its own weekday, relative day or year, or the
article's date (its front matter) fills the gap. Implied and consistent: no finding.
Implied but contradicted by the article's date: a warning that says why. No way to tell
(no article date): no finding, for a weekday cannot be an error on its own.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from babel import Locale

_EN_WEEKDAYS = Locale.parse("en").days["format"]["wide"]
_EN_MONTHS = Locale.parse("en").months["format"]["wide"]


class _Written(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def values(self) -> frozenset[Decimal]: ...
    @property
    def required(self) -> bool: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class _MonthName(Protocol):
    @property
    def month(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Date:
    """A date as one text writes it: any of its parts may be left out."""

    text: str
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # Monday = 0
    relative_day: int | None = None  # today 0, yesterday -1
    relative_year: int | None = None  # this year 0, last year -1
    day_index: int | None = None  # the day's number among the text's numbers
    month_index: int | None = None  # among the text's months
    year_index: int | None = None


_DAY_BEFORE_MONTH = re.compile(r"(?:st|nd|rd|th|-?го|-е)?\s*(?:of\s+)?\Z", re.IGNORECASE)
_SPACES = re.compile(r"\s*\Z")
_YEAR_AFTER = re.compile(r"(?:st|nd|rd|th)?,?\s*\Z")
_ZH_YEAR_BEFORE_MONTH = re.compile(r"\s*年\s*\Z")
_ZH_DAY = re.compile(r"\s*[日号]")
_WEEKDAY_GAP = re.compile(r"[\s,，、(（]*\Z")
_MAX_CANDIDATES = 100  # dates compared per entry, so that no entry costs quadratic time


def _gap(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether the short stretch text[start:end] is all ``pattern`` allows between two
    parts of a date (a long stretch never is)."""
    return 0 <= end - start <= 12 and pattern.match(text[start:end]) is not None


def _is_day(found: tuple[int, _Written], used: set[int]) -> bool:
    index, number = found
    return index not in used and _integer(number, 1, 31) is not None and len(number.text) <= 2


def _integer(number: _Written, low: int, high: int) -> int | None:
    if not number.required or number.start < 0 or len(number.values) != 1:
        return None
    value = next(iter(number.values))
    if value != value.to_integral_value() or not low <= value <= high:
        return None
    return int(value)


def find_dates(
    text: str,
    base: str,
    lang: str,
    numbers: Sequence[_Written],
    months: Sequence[_MonthName],
    numeric_dates: Sequence[tuple[int, int, int]],
    weekday_spans: Sequence[tuple[int, int, int]],
    relative_spans: Sequence[tuple[int, int, str, int]],
) -> tuple[Date, ...]:
    """The dates of one text, from the numbers, months, weekdays and relative words the
    numbers check found in it (``base`` is the text as it scanned it: same offsets)."""
    parts: list[dict[str, int | None]] = []
    used: set[int] = set()
    for day_index, month_index, year_index in numeric_dates:
        used.update((day_index, year_index))
        parts.append({"day_index": day_index, "month_index": month_index,
                      "year_index": year_index})
    numeric = {month for _, month, _ in numeric_dates}
    # Numbers by where they are written: a day or year is the number right next to its
    # month (any other would have that number in between), found by bisection.
    order = sorted((number.start, index) for index, number in enumerate(numbers)
                   if number.start >= 0)
    starts = [start for start, _ in order]

    def before(position: int) -> tuple[int, _Written] | None:
        at = bisect.bisect_left(starts, position) - 1
        if at < 0:
            return None
        index = order[at][1]
        return (index, numbers[index]) if numbers[index].end <= position else None

    def after(position: int) -> tuple[int, _Written] | None:
        at = bisect.bisect_left(starts, position)
        return (order[at][1], numbers[order[at][1]]) if at < len(order) else None

    for month_index, month in enumerate(months):
        if month_index in numeric or month.start < 0:
            continue
        found: dict[str, int | None] = {"month_index": month_index}
        anchor = month.end
        day = after(month.end) if lang in ("zh", "en") else None
        if day is not None and not (
            _is_day(day, used) and _gap(_SPACES, base, month.end, day[1].start)
            and (lang != "zh" or _ZH_DAY.match(base, day[1].end))
        ):
            day = None
        if lang != "zh" and day is None:
            day = before(month.start)
            if day is not None and not (
                _is_day(day, used) and _gap(_DAY_BEFORE_MONTH, base, day[1].end, month.start)
            ):
                day = None
        if day is not None:
            found["day_index"] = day[0]
            used.add(day[0])
            anchor = max(anchor, day[1].end)
        if lang == "zh":
            year = before(month.start)
            fits = year is not None and bool(
                _gap(_ZH_YEAR_BEFORE_MONTH, base, year[1].end, month.start))
        else:
            year = after(anchor)
            fits = year is not None and bool(_gap(_YEAR_AFTER, base, anchor, year[1].start))
        if fits and year is not None and year[0] not in used and _integer(year[1], 1000, 2999):
            found["year_index"] = year[0]
            used.add(year[0])
        parts.append(found)
    for index, number in enumerate(numbers):
        if index in used:
            continue
        if lang == "zh" and _integer(number, 1, 31) and _ZH_DAY.match(base, number.end):
            parts.append({"day_index": index})  # 28日: a day of the article's month
        elif _integer(number, 1900, 2100) and len(number.text) == 4:
            parts.append({"year_index": index})
    dates = sorted((_date(text, numbers, months, found) for found in parts),
                   key=lambda date: date.start)
    date_starts = [date.start for date in dates]
    alone: list[Date] = []
    for start, end, weekday in weekday_spans:
        # The date right before the weekday ("5 June (Friday)") or right after it
        # ("Friday, 5 June") takes it.
        at = bisect.bisect_left(date_starts, start)
        for position in (at - 1, at):
            if not 0 <= position < len(dates):
                continue
            date = dates[position]
            if date.day is not None and date.weekday is None and (
                date.end <= start and _gap(_WEEKDAY_GAP, base, date.end, start)
                or end <= date.start and _gap(_WEEKDAY_GAP, base, end, date.start)
            ):
                last = max(end, date.end)
                if text[last : last + 1] in (")", "）") and any(
                    mark in base[date.end : start] for mark in "(（"
                ):
                    last += 1  # 5 日（星期五）
                dates[position] = Date(
                    text[min(start, date.start) : last],
                    min(start, date.start), last, date.day, date.month,
                    date.year, weekday, day_index=date.day_index,
                    month_index=date.month_index, year_index=date.year_index,
                )
                break
        else:
            alone.append(Date(text[start:end], start, end, weekday=weekday))
    for start, end, unit, offset in relative_spans:
        if unit == "day":
            alone.append(Date(text[start:end], start, end, relative_day=offset))
        else:
            alone.append(Date(text[start:end], start, end, relative_year=offset))
    return tuple(dates + alone)


def _date(
    text: str, numbers: Sequence[_Written], months: Sequence[_MonthName],
    found: dict[str, int | None],
) -> Date:
    day_index, month_index, year_index = (
        found.get("day_index"), found.get("month_index"), found.get("year_index"))
    spans: list[tuple[int, int]] = []
    day = month = year = None
    if day_index is not None:
        day = _integer(numbers[day_index], 1, 31)
        spans.append((numbers[day_index].start, numbers[day_index].end))
    if month_index is not None:
        month = months[month_index].month
        spans.append((months[month_index].start, months[month_index].end))
    if year_index is not None:
        year = _integer(numbers[year_index], 1000, 2999)
        spans.append((numbers[year_index].start, numbers[year_index].end))
    start = min(span[0] for span in spans)
    end = max(span[1] for span in spans)
    closing = _ZH_DAY.match(text, end) if day_index is not None else None
    if closing is not None:
        end = closing.end()  # 28 日
    return Date(text[start:end].strip(), start, end, day, month, year,
                day_index=day_index, month_index=month_index, year_index=year_index)


def reconcile_dates(
    dates: Sequence[Date],
    others: Sequence[Date],
    missing_numbers: set[int],
    missing_months: set[int],
    article_date: dt.date | None,
    other: str,
) -> tuple[set[int], set[int], list[str]]:
    """Parts of ``dates`` missing from the other text that the other text implies:
    (numbers to credit, months to credit, warnings). ``other`` names the other text in
    a warning ("translation" or "source").

    >>> day_28 = [Date("28日", 0, 3, day=28, day_index=0)]
    >>> friday = [Date("Friday", 0, 6, weekday=4)]
    >>> reconcile_dates(day_28, friday, {0}, set(), dt.date(2025, 3, 28), "translation")
    ({0}, set(), [])
    >>> thursday = [Date("Thursday", 0, 8, weekday=3)]
    >>> warnings = reconcile_dates(day_28, thursday, {0}, set(), dt.date(2025, 3, 28),
    ...                            "translation")[2]
    >>> head, _, reason = warnings[0].partition(": ")
    >>> head
    '«28日» does not agree with «Thursday» in the translation'
    >>> reason
    "28 March 2025 is a Friday by the article's date (2025-03-28), not a Thursday"
    >>> reconcile_dates(day_28, thursday, {0}, set(), None, "translation")
    ({0}, set(), [])
    """
    credited_numbers: set[int] = set()
    credited_months: set[int] = set()
    warnings: list[str] = []
    budget = _MAX_CANDIDATES
    for date in dates:
        parts = {
            part for part, index, missing in (
                ("day", date.day_index, missing_numbers),
                ("year", date.year_index, missing_numbers),
                ("month", date.month_index, missing_months),
            ) if index is not None and index in missing
        }
        if not parts:
            continue
        budget -= 1
        if budget < 0:
            break  # not a sentence: hundreds of dates in one entry are left as they are
        verdicts = [(other_date, _fit(date, other_date, parts, article_date))
                    for other_date in others[:_MAX_CANDIDATES]]
        reasons = [(found, verdict) for found, verdict in verdicts if verdict is not None]
        if not reasons:
            continue
        credited_numbers.update(
            index for index in (date.day_index, date.year_index)
            if index is not None and index in missing_numbers
        )
        if date.month_index is not None and date.month_index in missing_months:
            credited_months.add(date.month_index)
        if all(verdict for _, verdict in reasons):
            found, reason = reasons[0]
            warnings.append(
                f"«{date.text}» does not agree with «{found.text}» in the {other}: {reason}"
            )
    return credited_numbers, credited_months, warnings


def _fit(date: Date, other: Date, parts: set[str], article: dt.date | None) -> str | None:
    """None when ``other`` cannot stand for ``date``; "" when it implies the missing
    ``parts`` consistently; otherwise why it contradicts them."""
    for field in ("day", "month", "year", "weekday"):
        mine, theirs = getattr(date, field), getattr(other, field)
        if mine is not None and theirs is not None and mine != theirs:
            return None
    # What the other text gives instead: a day (its own, a weekday or "today") can stand
    # only for a date with a day; a month for a date with that month; "this year" for a year.
    names_day = other.day is not None or other.weekday is not None or (
        other.relative_day is not None)
    with_day = date.day is not None and names_day
    if "day" in parts and not (other.day is None and with_day):
        return None
    if "month" in parts and not (other.month is None and with_day):
        return None
    if "year" in parts and not (other.year is None and (
        other.relative_year is not None or with_day
        or date.month is not None and other.month is not None
    )):
        return None
    day = date.day if date.day is not None else other.day
    month = date.month if date.month is not None else other.month
    year = date.year if date.year is not None else other.year
    weekday = date.weekday if date.weekday is not None else other.weekday
    if article is None:
        if weekday is not None and day and month and year:
            return _weekday_reason(_valid(year, month, day), weekday, None)
        return ""  # nothing tells: never a finding
    if other.relative_day is not None:
        meant = article + dt.timedelta(days=other.relative_day)
        if (day or meant.day, month or meant.month, year or meant.year) != (
            meant.day, meant.month, meant.year
        ):
            return f"it is {_spell(meant)} by the article's date ({article.isoformat()})"
        return ""
    if other.relative_year is not None:
        meant_year = article.year + other.relative_year
        if year is not None and year != meant_year:
            return f"it is {meant_year} by the article's date ({article.isoformat()})"
        return ""
    if "year" in parts and date.year is not None and month is not None:
        plausible = _plausible(day, month, None, article)
        if plausible and date.year not in {found.year for found in plausible}:
            years = " or ".join(str(year) for year in sorted({found.year for found in plausible}))
            return (f"a date without a year is read as {years} by the article's date "
                    f"({article.isoformat()})")
    if "month" in parts and date.day is not None and date.month is not None and (
        weekday is None
    ):
        plausible = _plausible(date.day, None, year, article)
        if plausible and date.month not in {found.month for found in plausible}:
            return (f"day {date.day} without a month is in {_EN_MONTHS[plausible[0].month]} "
                    f"by the article's date ({article.isoformat()})")
    if weekday is not None and day is not None:
        plausible = _plausible(day, month, year, article)
        if plausible and all(found.weekday() != weekday for found in plausible):
            return _weekday_reason(plausible[0], weekday, article)
    return ""


def _weekday_reason(resolved: dt.date | None, weekday: int, article: dt.date | None) -> str:
    if resolved is None or resolved.weekday() == weekday:
        return ""
    by = f" by the article's date ({article.isoformat()})" if article else ""
    return (f"{_spell(resolved)} is a {_EN_WEEKDAYS[resolved.weekday()]}{by}, "
            f"not a {_EN_WEEKDAYS[weekday]}")


def _spell(date: dt.date) -> str:
    return f"{date.day} {_EN_MONTHS[date.month]} {date.year}"


def _valid(year: int | None, month: int | None, day: int) -> dt.date | None:
    try:
        return dt.date(year or 1, month or 1, day)
    except ValueError:
        return None


def _plausible(
    day: int | None, month: int | None, year: int | None, article: dt.date
) -> list[dt.date]:
    """The dates a text can mean by a day, month and year with some left out, nearest the
    article's date first. News looks back further than ahead: a month without a year is
    from 300 days before the article to 180 days after it, a day without a month within
    40 days of it. A month without a day is taken at its 15th."""
    if day is not None and month is not None and year is not None:
        found = _valid(year, month, day)
        return [found] if found is not None else []
    before, after = (300, 180) if month is not None else (40, 40)
    candidates = []
    for candidate_year in [year] if year is not None else range(article.year - 1,
                                                                   article.year + 2):
        for candidate_month in [month] if month is not None else range(1, 13):
            found = _valid(candidate_year, candidate_month, day or 15)
            if found is not None and -before <= (found - article).days <= after:
                candidates.append(found)
    return sorted(candidates, key=lambda found: abs((found - article).days))
