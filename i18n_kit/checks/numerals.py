"""What news writes for a number besides digits: Roman numerals, multiplicatives, weekdays
and days or years named relative to the article's date. The numbers check reads these.

Each reader scans one text and yields spans with what they stand for; none raises and none
guesses a value it cannot read (an unreadable form yields nothing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale

# -- Roman numerals --------------------------------------------------------------------

# Russian texts type Х with the Cyrillic letter (ХХ заседание) and sometimes І; Unicode has
# its own Roman numeral characters (Ⅻ). Only I, V, X and L are read: C, D and M are too
# often letters of abbreviations (CD, DC, MD, CV), and no century or meeting needs them.
_ROMAN_LETTERS = "IVXLХІⅠⅤⅩⅬⅡⅢⅣⅥⅦⅧⅨⅪⅫ"
_TO_LATIN = str.maketrans({"Х": "X", "І": "I", "Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV",
                           "Ⅴ": "V", "Ⅵ": "VI", "Ⅶ": "VII", "Ⅷ": "VIII", "Ⅸ": "IX",
                           "Ⅹ": "X", "Ⅺ": "XI", "Ⅻ": "XII", "Ⅼ": "L"})
_ROMAN_RE = re.compile(
    rf"(?<![\w\u2010\u2011-])[{_ROMAN_LETTERS}]+(?=(?:[-\u2010\u2011][а-яё]{{1,3}})?(?![\w]))"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
# Words after (or before) a single-letter numeral that make it a number: "V Форум",
# "Part I", "XX век". Longer numerals (XX, XXIV) are read without them.
_ROMAN_CONTEXT_AFTER = re.compile(
    r"\s+(?:century|centuries|meeting|session|summit|forum|congress|convocation|conference"
    r"|round|stage|phase|plenary|festival|games|век|веке|века|столети|заседан|сесси|саммит"
    r"|форум|съезд|созыв|конференц|пленум|тур|этап|фестивал|игр|совещан)",
    re.IGNORECASE,
)
_ROMAN_CONTEXT_BEFORE = re.compile(
    r"(?:Part|Chapter|Section|Annex|Phase|Stage|Round|Volume|Article|часть|глава|раздел"
    r"|приложение|этап|фаза|том|статья)\s+\Z",
    re.IGNORECASE,
)
_CAPS_WORD = re.compile(r"[A-ZА-ЯЁ]{3,}")
_LOWER = re.compile(r"[a-zа-яё]")


def _roman_value(latin: str) -> int | None:
    """The value of a canonical Roman numeral (XXIV -> 24); None for IIII, IC, VX."""
    if not latin or any(letter not in _ROMAN_VALUES for letter in latin):
        return None
    total = 0
    for index, letter in enumerate(latin):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[latin[index + 1]] if index + 1 < len(latin) else 0
        total += -value if value < following else value
    return total if total > 0 and _to_roman(total) == latin else None


def _to_roman(value: int) -> str:
    parts = []
    for number, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                            (1, "I")):
        count, value = divmod(value, number)
        parts.append(letters * count)
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Roman:
    """A Roman numeral read in a text."""

    start: int
    end: int
    value: int
    required: bool  # read with confidence: it must be met in the other text


def roman_numerals(text: str, lang: str = "ru") -> Iterator[Roman]:
    """Roman numerals from I to LXXXIX, in Latin or Cyrillic letters.

    Two letters or more are a number (XXI века, ХХ заседание, II. Results); a single
    letter only next to a word that counts things (V Форум, Part I; in English a
    counting word after it must be capitalised: the V Forum, not "I round up"), so the
    pronoun "I" and the initial "V." are not numbers. In a line of capitals (a heading:
    XI JINPING MEETS ...) a numeral is only offered, never required.

    >>> [(r.value, r.required) for r in roman_numerals("XXI века, ХХ заседание, V Форум, I")]
    [(21, True), (20, True), (5, True)]
    >>> [r.value for r in roman_numerals("I round up; Phase I; the V Forum", "en")]
    [1, 5]
    """
    for match in _ROMAN_RE.finditer(text):
        latin = match.group().translate(_TO_LATIN)
        value = _roman_value(latin)
        if value is None:
            continue
        required = len(latin) > 1
        if not required:
            after = _ROMAN_CONTEXT_AFTER.match(text, match.end())
            if after is not None and lang == "en" and not after.group().lstrip()[:1].isupper():
                after = None
            required = bool(
                after
                or _ROMAN_CONTEXT_BEFORE.search(text[max(0, match.start() - 20) : match.start()])
            )
            if not required:
                continue
        around = text[max(0, match.start() - 30) : match.end() + 30]
        if _CAPS_WORD.search(around) and not _LOWER.search(around):
            required = False  # a heading in capitals: the numeral may be a name (XI)
        yield Roman(match.start(), match.end(), value, required)


# -- multiplicatives --------------------------------------------------------------------

_EN_MULTIPLES = {"doubl": 2, "twofold": 2, "two-fold": 2, "tripl": 3, "threefold": 3,
                 "three-fold": 3, "quadrupl": 4, "fourfold": 4, "four-fold": 4,
                 "fivefold": 5, "five-fold": 5, "tenfold": 10, "ten-fold": 10}
_EN_MULTIPLE_RE = re.compile(
    r"\b(?:doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)"
    r"|(?:two|three|four|five|ten)-?fold)\b",
    re.IGNORECASE,
)
_RU_MULTIPLE_RE = re.compile(
    r"(?<![а-яё])(?:(?P<two>вдвое|удво(?:ил|ен|ени|ит|я|ени)[а-яё]*|двукратн[а-яё]*)"
    r"|(?P<three>втрое|утро(?:ил|ен|ени|ит|я)[а-яё]*|тр[её]хкратн[а-яё]*)"
    r"|(?P<four>вчетверо|учетвер[а-яё]*|четыр[её]хкратн[а-яё]*))(?![а-яё])",
    re.IGNORECASE,
)
_ZH_FAN_RE = re.compile(r"翻(?:了)?(?P<count>一|两|二|三|四)?番")
_ZH_FAN = {None: 1, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4}
# After a number: "2 times", "в 2 раза", "2倍", "3-fold"; "2成" is 20 per cent.
_TIMES_AFTER = {
    "en": re.compile(r"\s*(?:times\b|-?fold\b)", re.IGNORECASE),
    "ru": re.compile(r"\s*раз(?:а|ов)?(?![а-яё])", re.IGNORECASE),
    "zh": re.compile(r"\s*倍"),
}
_ZH_TENTHS = re.compile(r"\s*成(?![员为功立果就熟本])")


def multiple_values(value: Decimal, lang: str, text: str, end: int) -> frozenset[Decimal]:
    """More values a number stands for when a multiplicative word follows it at ``end``:
    Chinese 增长一倍 ("grew by one times") is "doubled", so N倍 also offers N+1; 三成 is
    30 %. Empty when nothing follows. (A growth in per cent is not offered for a multiple:
    "doubled" would then meet any stray 100.)

    >>> sorted(map(int, multiple_values(Decimal(2), "ru", "в 2 раза", 4)))
    [2]
    >>> sorted(map(int, multiple_values(Decimal(1), "zh", "增长一倍", 3)))
    [1, 2]
    """
    pattern = _TIMES_AFTER.get(lang)
    if pattern is not None and pattern.match(text, end):
        return frozenset({value, value + 1} if lang == "zh" else {value})
    if lang == "zh" and _ZH_TENTHS.match(text, end) and value < 10:
        return frozenset({value, value * 10})
    return frozenset()


# Words one of which a text must hold for a reader to be worth running (a cheap test that
# spares long entries the full scan).
_HINTS: dict[str, dict[str, tuple[str, ...]]] = {
    "multiple": {"en": ("doubl", "tripl", "quadrupl", "fold"),
                 "ru": ("вдвое", "втрое", "вчетверо", "удво", "утро", "учетвер", "кратн"),
                 "zh": ("番",)},
    "weekday": {"en": ("day",),
                "ru": ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот",
                       "воскресень"),
                "zh": ("星期", "周", "礼拜")},
    "relative": {"en": ("today", "yesterday", "tomorrow", " year"),
                 "ru": ("сегодня", "вчера", "завтра", " году", " года", "г."),
                 "zh": ("今", "昨", "明", "前", "后", "去年", "本年")},
}


def _hinted(kind: str, text: str, lang: str) -> bool:
    hints = _HINTS[kind].get(lang, ())
    lowered = text.lower() if lang != "zh" else text
    return any(hint in lowered for hint in hints)


def multiplicative_words(text: str, lang: str) -> Iterator[tuple[int, int, frozenset[Decimal]]]:
    """(start, end, values) of words that multiply: doubled, вдвое, 翻一番 (= 2), tripled
    (= 3), 翻两番 (= 4).

    >>> [sorted(map(int, v)) for _, _, v in multiplicative_words("more than doubled", "en")]
    [[2]]
    >>> [sorted(map(int, v)) for _, _, v in multiplicative_words("翻两番", "zh")]
    [[4]]
    """
    found: list[tuple[int, int, int]] = []
    if not _hinted("multiple", text, lang):
        return
    if lang == "en":
        for match in _EN_MULTIPLE_RE.finditer(text):
            word = match.group().lower()
            key = next(k for k in _EN_MULTIPLES if word.startswith(k))
            found.append((match.start(), match.end(), _EN_MULTIPLES[key]))
    elif lang == "ru":
        for match in _RU_MULTIPLE_RE.finditer(text):
            factor = 2 if match["two"] else 3 if match["three"] else 4
            found.append((match.start(), match.end(), factor))
    elif lang == "zh":
        for match in _ZH_FAN_RE.finditer(text):
            found.append((match.start(), match.end(), 2 ** _ZH_FAN[match["count"]]))
    for start, end, factor in found:
        yield start, end, frozenset({Decimal(factor)})


# -- weekdays and relative dates ------------------------------------------------------


def _weekday_patterns() -> dict[str, re.Pattern[str]]:
    """Weekday names from Babel's CLDR data: English wide names (Friday), Russian wide
    names in every case (пятница, в пятницу), Chinese wide and abbreviated (星期五, 周五)."""
    patterns: dict[str, re.Pattern[str]] = {}
    english = Locale.parse("en").days["format"]["wide"]
    patterns["en"] = re.compile(
        r"(?<![\w])(?:" + "|".join(f"(?P<d{n}>{name}s?)" for n, name in english.items())
        + r")(?![\w])"
    )
    russian = Locale.parse("ru").days["format"]["wide"]
    alternatives = []
    for number, name in russian.items():
        stem = name.rstrip("аеяьо") if name[-1] in "аеяьо" else name
        if stem == "сред":
            # «среда» is also "the environment": only "в среду", "со среды", "Среда, 5 июня".
            form = r"(?:(?<=в\s)|(?<=на\s)|(?<=по\s))среду|(?<=со\s)среды|(?<=до\s)среды"
            form += r"|Среда(?=,)"
        else:
            form = stem + r"(?:а|у|ы|е|ой|ом|ю|я|ем|и|ам|ах|ами)?"
        alternatives.append(f"(?P<d{number}>{form})")
    patterns["ru"] = re.compile(
        r"(?<![а-яёА-ЯЁ])(?:" + "|".join(alternatives) + r")(?![а-яё])", re.IGNORECASE
    )
    chinese: dict[int, list[str]] = {}
    for width in ("wide", "abbreviated"):
        for number, name in Locale.parse("zh").days["format"][width].items():
            chinese.setdefault(number, []).append(re.escape(name))
    # Everyday forms CLDR does not list: 星期天 for Sunday, 礼拜一 ... 礼拜天.
    chinese[6].extend(["星期天", "礼拜天"])
    for number, name in Locale.parse("zh").days["format"]["wide"].items():
        chinese[number].append(re.escape(name.replace("星期", "礼拜")))
    zh_alternatives = "|".join(
        f"(?P<d{number}>{'|'.join(names)})" for number, names in chinese.items()
    )
    # 周一 is also "week one" in 一周一次 ("once a week"): not before a counter.
    patterns["zh"] = re.compile(rf"(?:{zh_alternatives})(?![次个年岁期周末边围])")
    return patterns


_WEEKDAY_RES = _weekday_patterns()


def weekdays(text: str, lang: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, weekday) of the weekdays named in ``text``; Monday is 0.

    >>> [w for _, _, w in weekdays("В пятницу, 5 июня, и во вторник", "ru")]
    [4, 1]
    >>> [w for _, _, w in weekdays("6 月 5 日（星期五）；每周一次", "zh")]
    [4]
    """
    pattern = _WEEKDAY_RES.get(lang)
    if pattern is None or not _hinted("weekday", text, lang):
        return
    for match in pattern.finditer(text):
        number = next(int(name[1:]) for name, value in match.groupdict().items() if value)
        yield match.start(), match.end(), number


_RELATIVE: dict[str, tuple[tuple[str, str, int], ...]] = {
    "en": (
        (r"\btoday\b", "day", 0), (r"\byesterday\b", "day", -1), (r"\btomorrow\b", "day", 1),
        (r"\bthis year\b", "year", 0), (r"\blast year\b", "year", -1),
        (r"\bnext year\b", "year", 1),
    ),
    "ru": (
        (r"(?<![а-яё])сегодня(?![а-яё])", "day", 0), (r"(?<![а-яё])вчера(?![а-яё])", "day", -1),
        (r"(?<![а-яё])завтра(?![а-яё])", "day", 1),
        (r"(?<![а-яё])позавчера(?![а-яё])", "day", -2),
        (r"(?<![а-яё])послезавтра(?![а-яё])", "day", 2),
        (r"(?<![а-яё])(?:в\s+(?:этом|текущем|нынешнем)\s+году|(?:этого|текущего|нынешнего"
         r"|сего)\s+года)(?![а-яё])|(?<![а-яё])[тс]\.\s?г\.", "year", 0),
        (r"(?<![а-яё])(?:в\s+(?:прошлом|минувшем)\s+году|(?:прошлого|минувшего)\s+года)"
         r"(?![а-яё])|(?<![а-яё])п\.\s?г\.", "year", -1),
        (r"(?<![а-яё])(?:в\s+(?:следующем|будущем)\s+году|(?:следующего|будущего)\s+года)"
         r"(?![а-яё])", "year", 1),
    ),
    "zh": (
        (r"今天|今日", "day", 0), (r"昨天|昨日", "day", -1), (r"明天|明日", "day", 1),
        (r"前天", "day", -2), (r"后天", "day", 2),
        (r"今年|本年", "year", 0), (r"去年", "year", -1), (r"明年", "year", 1),
        (r"前年", "year", -2),
    ),
}
# One pattern per language (one scan of the text), each alternative a named group.
_RELATIVE_RES = {
    lang: re.compile("|".join(f"(?P<r{index}>{pattern})"
                              for index, (pattern, _, _) in enumerate(entries)),
                     re.IGNORECASE)
    for lang, entries in _RELATIVE.items()
}


def relative_dates(text: str, lang: str) -> Iterator[tuple[int, int, str, int]]:
    """(start, end, unit, offset) of days and years named relative to the article's date:
    yesterday -> ("day", -1), в этом году -> ("year", 0), 去年 -> ("year", -1).

    >>> [(u, o) for _, _, u, o in relative_dates("Вчера, как и в прошлом году", "ru")]
    [('day', -1), ('year', -1)]
    >>> [(u, o) for _, _, u, o in relative_dates("до 1 мая т. г.", "ru")]
    [('year', 0)]
    """
    pattern = _RELATIVE_RES.get(lang)
    if pattern is None or not _hinted("relative", text, lang):
        return
    entries = _RELATIVE[lang]
    for match in pattern.finditer(text):
        index = int(next(name for name, value in match.groupdict().items() if value)[1:])
        yield match.start(), match.end(), entries[index][1], entries[index][2]
