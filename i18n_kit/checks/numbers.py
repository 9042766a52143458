"""The numbers check: figures, dates and months preserved, compared by value per locale."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel import Locale

from i18n_kit.checks.dates import Date, find_dates, reconcile_dates
from i18n_kit.checks.numerals import (
    multiple_values,
    multiplicative_words,
    relative_dates,
    roman_numerals,
    weekdays,
)
from i18n_kit.checks.registry import Issue, Severity, TextPair
from i18n_kit.checks.text import mask_verbatim

# How it works. Each text yields numbers, each with the set of values it may stand for
# (60 -> {60}; "1.5 billion" -> {1500000000}; "15亿" -> {1500000000}), and
# months (November, ноября, 11月 -> 11). Numbers written in digits are *required*: each
# must meet a number of the other text sharing a value. Numbers written as words
# (twenty, двадцать, 二十, first) only *offer* values, because words are often idioms.
# Roman numerals of two letters or more (XXI, ХХ) are required too; multiplicatives
# (doubled, вдвое, 一倍) offer theirs (numerals.py). Days, months and years are then
# grouped into dates with the text's weekdays and relative words, so that a part one
# text leaves out can be credited when the other implies it (dates.py).
# Everything is precompiled here; a check is a few regex scans per entry.

_LETTER = "A-Za-z\u00c0-\u024f\u0400-\u04ff"
_DIGITS = r"\d+(?:[,\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)?"
_NUMBER_RE = re.compile(rf"(?<![{_LETTER}\d.,])(?:[{_LETTER}]+[-\u2010\u2011])?{_DIGITS}")
_CODE_PREFIX_RE = re.compile(rf"[{_LETTER}]+[-\u2010\u2011]")
_AFTER_RE = re.compile(rf"(?:st|nd|rd|th|s|bn|tn|m|k)?(?![{_LETTER}\d])|[-\u2010\u2011][{_LETTER}]")
_TIME_RE = re.compile(
    r"(?<![\d.:,])(\d{1,2})([:.])(\d{2})(?![\d:]|[.,]\d)(\s*[ap]\.?\s?m\b\.?)?", re.IGNORECASE
)
_MERIDIEM_RE = re.compile(r"(?<![\d.:,])(\d{1,2})\s?([ap])\.?m\b\.?", re.IGNORECASE)
_NUMERIC_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")

_SCALES: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (
        (r"\s*thousand\b", 3), (r"\s*(?:million|mln)\b", 6),
        (r"\s*(?:billion|bn)\b", 9), (r"\s*(?:trillion|tn)\b", 12),
    ),
    "ru": (
        (r"\s*тыс(?:\.|яч[а-яё]*)", 3), (r"\s*(?:млн\.?|миллион[а-яё]*)", 6),
        (r"\s*(?:млрд\.?|миллиард[а-яё]*)", 9), (r"\s*(?:трлн\.?|триллион[а-яё]*)", 12),
    ),
    "zh": ((r"\s*万亿", 12), (r"\s*亿", 8), (r"\s*万", 4), (r"\s*千", 3)),
}
_SCALE_RES = {
    lang: tuple((re.compile(pattern, re.IGNORECASE), power) for pattern, power in scales)
    for lang, scales in _SCALES.items()
}

_EN_WORDS: dict[str, int] = {}
for _value, _words in enumerate(
    (
        "zero", "one first once", "two second twice", "three third", "four fourth",
        "five fifth", "six sixth", "seven seventh", "eight eighth", "nine ninth",
        "ten tenth", "eleven eleventh", "twelve twelfth dozen", "thirteen thirteenth",
        "fourteen fourteenth", "fifteen fifteenth", "sixteen sixteenth",
        "seventeen seventeenth", "eighteen eighteenth", "nineteen nineteenth",
    )
):
    _EN_WORDS.update(dict.fromkeys(_words.split(), _value))
for _value, _words in zip(
    range(20, 100, 10),
    ("twenty twentieth", "thirty thirtieth", "forty fortieth", "fifty fiftieth",
     "sixty sixtieth", "seventy seventieth", "eighty eightieth", "ninety ninetieth"),
    strict=True,
):
    _EN_WORDS.update(dict.fromkeys(_words.split(), _value))
_EN_WORDS.update(hundred=100, hundredth=100, thousand=1000, thousandth=1000, million=10**6,
                 billion=10**9, trillion=10**12)
_EN_WORD_RE = re.compile(
    r"\b(?:" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_EN_RUN_RE = re.compile(
    rf"{_EN_WORD_RE.pattern}(?:(?:\s+and\s+|[\s\-\u2010\u2011]+){_EN_WORD_RE.pattern})*",
    re.IGNORECASE,
)

# Russian numerals by stem (every case and the ordinals share it); longest first.
_RU_STEMS: dict[str, int] = {
    "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
    "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18,
    "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сорок": 40, "пятьдесят": 50,
    "пятидесят": 50, "шестьдесят": 60, "шестидесят": 60, "семьдесят": 70,
    "семидесят": 70, "восемьдесят": 80, "восьмидесят": 80, "девяност": 90,
    "двест": 200, "двухсот": 200, "трист": 300, "трехсот": 300, "трёхсот": 300,
    "тысяч": 1000, "миллион": 10**6, "миллиард": 10**9,
    "один": 1, "одн": 1, "перв": 1, "два": 2, "две": 2, "двух": 2, "двум": 2, "втор": 2,
    "три": 3, "трех": 3, "трёх": 3, "трем": 3, "трём": 3, "трет": 3, "четыр": 4,
    "четвер": 4, "пят": 5, "шест": 6, "семь": 7, "семи": 7, "седьм": 7, "восем": 8,
    "восьм": 8, "девят": 9, "десят": 10, "сто": 100, "ста": 100, "сот": 100,
}
_RU_WORD = (
    r"(?<![а-яё])(?:" + "|".join(sorted(_RU_STEMS, key=len, reverse=True)) + r")[а-яё]*"
)
_RU_RUN_RE = re.compile(rf"{_RU_WORD}(?:[\s\-\u2010\u2011]+{_RU_WORD})*", re.IGNORECASE)
_RU_STEM_RE = re.compile(
    r"(?:" + "|".join(sorted(_RU_STEMS, key=len, reverse=True)) + ")", re.IGNORECASE
)

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "亿": 10**8}
_ZH_NUMERAL_RE = re.compile("[零〇一二两三四五六七八九十百千万亿]+")


def _month_patterns() -> dict[str, re.Pattern[str]]:
    """Month names per language from Babel's CLDR data (built once, at import)."""
    patterns: dict[str, re.Pattern[str]] = {}
    for lang in ("en", "ru"):
        locale = Locale.parse(lang)
        forms: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    forms[name.lower()] = number
        if lang == "ru":
            # CLDR has the genitive (ноября) and nominative (ноябрь); the other cases
            # share their stem: в ноябре, к ноябрю, ноябрём.
            for number, name in locale.months["format"]["wide"].items():
                alone = locale.months["stand-alone"]["wide"][number]
                stem = name[: next((i for i, (a, b) in enumerate(zip(name, alone, strict=False))
                                    if a != b), min(len(name), len(alone)))]
                for ending in ("е", "у", "ю", "ом", "ем", "ём"):
                    forms.setdefault(stem + ending, number)
        alternatives = "|".join(
            re.escape(form) for form in sorted(forms, key=len, reverse=True) if len(form) > 2
        )
        flags = re.IGNORECASE if lang == "ru" else 0
        if lang == "en":
            # English month names are capitalised; lower case "march" or "may" are verbs.
            alternatives = "|".join(
                re.escape(form.capitalize())
                for form in sorted(forms, key=len, reverse=True) if len(form) > 2
            )
        patterns[lang] = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", flags)
        _MONTH_NUMBERS[lang] = forms
    # Chinese dates are sometimes typed with spaces: 6 月 5 日.
    patterns["zh"] = re.compile(r"(?<![\d０-９])(\d{1,2}|十[一二]?|[一二三四五六七八九])\s?月")
    return patterns


_MONTH_NUMBERS: dict[str, dict[str, int]] = {}
_MONTH_RES = _month_patterns()


@dataclass(frozen=True, slots=True)
class _Number:
    text: str  # as written
    values: frozenset[Decimal]
    required: bool  # written in digits: must be matched in the other text
    start: int = -1  # where it is written (-1: not known)
    end: int = -1


@dataclass(frozen=True, slots=True)
class _Month:
    text: str
    month: int
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class ExtractedNumbers:
    """The numbers, months, dates and weekdays of one text."""

    numbers: tuple[_Number, ...]
    months: tuple[_Month, ...]
    dates: tuple[Date, ...] = ()
    weekdays: tuple[tuple[str, int], ...] = ()  # (as written, Monday = 0)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_RE = re.compile("[０-９]")


def extract_numbers(text: str, lang: str) -> ExtractedNumbers:
    """Numbers (with the values each may stand for), months, dates and weekdays in ``text``.

    >>> found = extract_numbers("On 10 November 2020, 1.5 billion", "en")
    >>> [(n.text, sorted(map(int, n.values))) for n in found.numbers if n.required]
    [('10', [10]), ('2020', [2020]), ('1.5 billion', [1500000000])]
    >>> [m.month for m in found.months]
    [11]
    >>> [(d.day, d.month, d.year) for d in found.dates]
    [(10, 11, 2020)]
    """
    base = mask_verbatim(text)
    if _FULLWIDTH_RE.search(base):
        base = base.translate(_FULLWIDTH_DIGITS)
    masked = base
    numbers: list[_Number] = []
    months: list[_Month] = []
    chars = list(masked)
    numeric_dates: list[tuple[int, int, int]] = []  # (day, month, year) indices

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    for match in _NUMERIC_DATE_RE.finditer(masked):
        day, month, year = match.groups()
        if 1 <= int(month) <= 12:
            numeric_dates.append((len(numbers), len(months), len(numbers) + 1))
            numbers.append(_Number(day, frozenset({Decimal(int(day))}), True, *match.span(1)))
            months.append(_Month(match.group(), int(month), *match.span(2)))
            numbers.append(_Number(year, frozenset({Decimal(year)}), True, *match.span(3)))
            blank(*match.span())
    masked = "".join(chars)
    month_re = _MONTH_RES.get(lang)
    if month_re is not None:
        for match in month_re.finditer(masked):
            month = _month_value(match, lang, masked)
            if month is not None:
                months.append(_Month(match.group(), month, *match.span()))
                blank(*match.span())
    weekday_spans = list(weekdays(masked, lang))
    relative_spans = list(relative_dates(masked, lang))
    for start, end in [span[:2] for span in weekday_spans] + [span[:2] for span in
                                                               relative_spans]:
        blank(start, end)
    masked = "".join(chars)
    for match in _TIME_RE.finditer(masked):
        hour, separator, minute, meridiem = match.groups()
        # 10.30 is a time only in Russian; elsewhere it is a decimal number.
        if int(hour) > 24 or int(minute) > 59 or (separator == "." and lang != "ru"):
            continue
        hours = {Decimal(int(hour))}
        if meridiem and meridiem.strip().lower().startswith("p") and int(hour) < 12:
            hours.add(Decimal(int(hour) + 12))
        numbers.append(_Number(hour, frozenset(hours), True))
        if int(minute):
            numbers.append(_Number(minute, frozenset({Decimal(int(minute))}), True))
        blank(*match.span())
    masked = "".join(chars)
    for match in _MERIDIEM_RE.finditer(masked):
        hour = int(match.group(1))
        hours = {Decimal(hour)}
        if match.group(2).lower() == "p" and hour < 12:
            hours.add(Decimal(hour + 12))
        numbers.append(_Number(match.group(1), frozenset(hours), True))
        blank(*match.span())
    masked = "".join(chars)
    numbers.extend(_digit_numbers(masked, lang))
    for roman in roman_numerals(masked, lang):
        numbers.append(_Number(text[roman.start:roman.end], frozenset({Decimal(roman.value)}),
                               roman.required, roman.start, roman.end))
        blank(roman.start, roman.end)
    masked = "".join(chars)
    for start, end, values in multiplicative_words(masked, lang):
        numbers.append(_Number(text[start:end], values, False, start, end))
    numbers.extend(_word_numbers(masked, lang))
    dates = find_dates(text, base, lang, numbers, months, numeric_dates,
                       weekday_spans, relative_spans)
    return ExtractedNumbers(
        numbers=tuple(numbers), months=tuple(months), dates=dates,
        weekdays=tuple((text[start:end], day) for start, end, day in weekday_spans),
    )


def _month_value(match: re.Match[str], lang: str, text: str) -> int | None:
    if lang == "zh":
        written = match.group(1)
        value = int(written) if written.isdigit() else _parse_zh(written)
        return value if 1 <= value <= 12 else None
    name = match.group()
    if lang == "en" and name == "May":
        # "May" is also a verb: count it only next to a day or a year.
        near = text[max(0, match.start() - 4) : match.end() + 6]
        if not re.search(r"\d", near):
            return None
    return _MONTH_NUMBERS[lang].get(name.lower())


def _digit_numbers(text: str, lang: str) -> Iterator[_Number]:
    scales = _SCALE_RES.get(lang, ())
    for match in _NUMBER_RE.finditer(text):
        written = match.group()
        prefix = _CODE_PREFIX_RE.match(written)
        after = _AFTER_RE.match(text, match.end())
        if prefix is not None or after is None:
            continue  # a code: COVID-19, G20, Су-35, 5G
        value = _parse_digits(written, lang)
        if value is None:
            continue
        end = match.end()
        for pattern, power in scales:
            scale = pattern.match(text, match.end())
            if scale is not None:
                # Only the scaled value: 3.5 billion is not 3.5亿 (350 million).
                value *= Decimal(10) ** power
                written = text[match.start() : scale.end()].strip()
                end = scale.end()
                break
        values = multiple_values(value, lang, text, end) or frozenset({value})
        yield _Number(written, values, True, match.start(), match.end())


def _parse_digits(written: str, lang: str) -> Decimal | None:
    compact = re.sub(r"[\u00a0\u202f ]", "", written)
    if lang == "ru":
        if compact.count(",") == 1 and "." not in compact:
            compact = compact.replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", compact):
            compact = compact.replace(".", "")
    compact = re.sub(r",(?=\d{3}(?:\D|$))", "", compact).replace(",", ".")
    try:
        return Decimal(compact)
    except InvalidOperation:
        return None


def _word_numbers(text: str, lang: str) -> Iterator[_Number]:
    if lang == "en":
        for run in _EN_RUN_RE.finditer(text):
            words = [w.lower() for w in _EN_WORD_RE.findall(run.group())]
            yield from _word_run(run.group(), [_EN_WORDS[w] for w in words], text, run, lang)
    elif lang == "ru":
        for run in _RU_RUN_RE.finditer(text):
            stems = [_RU_STEM_RE.match(word) for word in re.split(r"[\s\-\u2010\u2011]+",
                                                                   run.group())]
            values = [_RU_STEMS[s.group().lower()] for s in stems if s is not None]
            yield from _word_run(run.group(), values, text, run, lang)
    elif lang == "zh":
        for match in _ZH_NUMERAL_RE.finditer(text):
            value = Decimal(_parse_zh(match.group()))
            offered = frozenset({value}) | multiple_values(value, lang, text, match.end())
            yield _Number(match.group(), offered, False, *match.span())


def _word_run(
    written: str, values: list[int], text: str, run: re.Match[str], lang: str
) -> Iterator[_Number]:
    total = current = 0
    for value in values:
        if value == 100:
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    offered = {Decimal(v) for v in values} | {Decimal(total + current)}
    offered |= multiple_values(Decimal(total + current), lang, text, run.end())
    yield _Number(written, frozenset(offered), False, *run.span())


def _parse_zh(text: str) -> int:
    """Value of a Chinese numeral: 二十 -> 20, 二〇二〇 -> 2020, 一亿五千万 -> 150000000."""
    if len(text) > 1 and all(char in _ZH_DIGITS for char in text):
        return int("".join(str(_ZH_DIGITS[char]) for char in text))
    total = section = number = 0
    for char in text:
        if char in _ZH_DIGITS:
            number = _ZH_DIGITS[char]
        elif char in _ZH_UNITS:
            section += (number or 1) * _ZH_UNITS[char]
            number = 0
        else:
            section += number
            if section == 0:
                total = (total or 1) * _ZH_BIG[char]
            else:
                total += section * _ZH_BIG[char]
            section = number = 0
    return total + section + number


def check_numbers(pair: TextPair) -> Iterator[Issue]:
    """Numbers or months of one text missing from the other.

    A day, month or year one text leaves out is not missing when the other implies it
    (see ``dates``): 28日 for "on Friday", "this year" for 2025, 6月5日 for "5 June 2025".
    When the article's date contradicts what is implied, that is a warning, not an error.

    >>> [i.message for i in check_numbers(TextPair(source_text="In 2019, 60% voted.",
    ...     target_text="В 2018 году проголосовали 60 %.", source_lang="en", target_lang="ru"))]
    ['«2019» is missing from the translation', '«2018» is in the translation but not in the source']
    """
    source = extract_numbers(pair.source_text, pair.source_lang)
    target = extract_numbers(pair.target_text, pair.target_lang)
    article = pair.article_date
    if isinstance(article, dt.datetime):
        article = article.date()
    # A number is met when a number of the other text shares one of its values.
    source_values = frozenset().union(*(number.values for number in source.numbers))
    target_values = frozenset().union(*(number.values for number in target.numbers))
    missing = {i for i, number in enumerate(source.numbers)
               if number.required and not number.values & target_values}
    extra = {i for i, number in enumerate(target.numbers)
             if number.required and not number.values & source_values}
    target_months = {m.month for m in target.months}
    source_months = {m.month for m in source.months}
    missing_months = {i for i, m in enumerate(source.months) if m.month not in target_months}
    extra_months = {i for i, m in enumerate(target.months) if m.month not in source_months}
    warnings: list[str] = []
    if missing or extra or missing_months or extra_months:
        for mine, theirs, numbers, months, other in (
            (source, target, missing, missing_months, "translation"),
            (target, source, extra, extra_months, "source"),
        ):
            credited, credited_months, found = reconcile_dates(
                mine.dates, theirs.dates, numbers, months, article, other)
            numbers -= credited
            months -= credited_months
            warnings.extend(found)
    reported: set[str] = set()
    for index, number in enumerate(source.numbers):
        if index in missing and number.text not in reported:
            reported.add(number.text)
            yield Issue(check="numbers", message=f"«{number.text}» is missing from the translation")
    for index, number in enumerate(target.numbers):
        if index in extra and number.text not in reported:
            reported.add(number.text)
            yield Issue(
                check="numbers",
                message=f"«{number.text}» is in the translation but not in the source",
            )
    reported_months: set[int] = set()
    for index, month in enumerate(source.months):
        if index in missing_months and month.month not in reported_months:
            reported_months.add(month.month)
            yield Issue(
                check="numbers",
                message=f"the month «{month.text}» ({month.month}) is missing from the "
                "translation",
            )
    reported_months = set()
    for index, month in enumerate(target.months):
        if index in extra_months and month.month not in reported_months:
            reported_months.add(month.month)
            yield Issue(
                check="numbers",
                message=f"the month «{month.text}» ({month.month}) is in the translation "
                "but not in the source",
            )
    for message in warnings:
        yield Issue(check="numbers", message=message, severity=Severity.WARNING)
    yield from _weekday_issues(source, target)


def _weekday_issues(source: ExtractedNumbers, target: ExtractedNumbers) -> Iterator[Issue]:
    """Both texts name weekdays and one names a day the other does not: a warning (the
    texts may be right and the dates elsewhere, so never an error)."""
    if not source.weekdays or not target.weekdays:
        return
    source_days = {day for _, day in source.weekdays}
    target_days = {day for _, day in target.weekdays}
    for written, day in source.weekdays:
        if day not in target_days:
            target_days.add(day)
            yield Issue(check="numbers", severity=Severity.WARNING,
                        message=f"the weekday «{written}» is missing from the translation")
    for written, day in target.weekdays:
        if day not in source_days:
            source_days.add(day)
            yield Issue(check="numbers", severity=Severity.WARNING,
                        message=f"the weekday «{written}» is in the translation but not in "
                        "the source")

