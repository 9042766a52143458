"""Word lists the sentence splitter consults: abbreviations and common sentence openers.

Entries are written as they appear before the final period, inner periods kept
("e.g", "т.е", "U.S"). An all-lowercase entry also matches its capitalised form
("См." opening a sentence); an entry with a capital matches only as written, so "No."
(number) is an abbreviation and "no." is a word.
"""

from __future__ import annotations

# Titles before a person's name. After "a.m." or "p.m." a title opens a new sentence
# ("... at 6 p.m. Dr. Lee spoke"), where a place or a time zone would not ("10 a.m. Moscow").
TITLES: frozenset[str] = frozenset(
    """
    Mr Mrs Ms Mmes Messrs Dr Prof Gen Col Lt Maj Capt Cmdr Adm Sgt Sen Rep Gov Pres Hon Rev Fr
    Amb
    """.split()
)

# Never end a sentence: a title before a name, a word before a number or an example.
NEVER_FINAL: frozenset[str] = TITLES | frozenset(
    """
    Sec Supt Insp Dept Univ Assn Mt Ft
    e.g i.e cf vs viz approx ca
    т.е т.к т.н т.ч т.о
    см ср ст стст им проф акад доц ул пл просп пер наб пос дер обл р-н кв корп
    напр англ рус кит франц нем лат греч тов гр гос ген зам зав
    св ген-л ген-м ген-п г-н г-жа ред изд вып
    """.split()
)

# Stand before a number ("No. 5", "Art. 6", "p. 12", "Rs. 5,000"); before a capital they
# may end a sentence ("The answer was No. The talks ended"). "N°" and "№" are told by
# their sign, not by this list (see sentences.py).
NUMBER_PREFIX: frozenset[str] = frozenset(
    """
    No Nos Art Arts Fig Figs Vol Vols Ch Chap Sect Para Paras para p pp nn nr
    Rs Rp Tk
    п пп ч чч рис табл стр гл ок
    """.split()
)

# End a sentence only when the next word is a common sentence opener ("U.S. President"
# continues, "the U.S. The talks" does not); before a number they never end one.
AMBIGUOUS: frozenset[str] = frozenset(
    """
    U.S U.N U.K E.U U.S.A U.A.E P.R.C U.S.S.R
    a.m p.m A.M P.M St Ave Blvd Rd Inc Ltd Co Corp Jr Sr Bros
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    янв фев февр мар апр июн июл авг сен сент окт нояб дек
    """.split()
)

# Russian settlement types before a place name ("пгт. Брагино", "с. Ивановка", "д. Липки",
# "ст. Каменская"): never the end of a sentence. Matched as written, lowercase only, so
# a capital initial ("Иванов С. В тот день") is still an initial.
SETTLEMENTS: frozenset[str] = frozenset(
    """
    пгт с д дер пос ст мкр мкрн р.п х
    """.split()
)

# Initials of transliterated names written with two letters (Ts. Elbegdorj, Sh. Mirziyoyev,
# Kh. Battulga, Yu. Ushakov, Zh. Sooronbaev, Ch. Aitmatov; Russian «Дж. Байден»): before a
# capital they are initials, as single letters are. "Ch" before a number is still a chapter.
TWO_LETTER_INITIALS: frozenset[str] = frozenset(
    """
    Ts Sh Kh Yu Zh Ch Ya Yo Ye Dzh Shch Tj Dj Дж
    """.split()
)

# Words that commonly open a sentence; after an ambiguous abbreviation or an initial
# they tell a sentence end from a name ("Norov V. The" vs "Vladimir V. Putin").
STARTERS: frozenset[str] = frozenset(
    """
    The A An This That These Those It Its He She We They I You His Her Their Our My
    In On At As But And Or So Yet Nor However Meanwhile Moreover Furthermore Also According
    There Here After Before During When While If Although Though Since Because Both All
    Some Many Most Several Each Every Other Another Such For With From By To Of Under Over
    Today Yesterday Tomorrow Earlier Later Then Now Last Next Following Speaking Addressing
    What Why How Who Where Which Is Are Was Were Do Does Did Can Could Will Would Should
    Let Please Not One Two Three Among Between Within Without Upon Against Despite Unlike
    Thus Therefore Hence Still Instead Indeed Finally First Second Third Besides Overall
    В Во На С Со По К Ко О Об Обо У Из За Для При После До Перед Между Через Без Под Над
    Это Этот Эта Эти Тот Та Те Он Она Оно Они Мы Я Вы Его Её Ее Их Наш Наша Наши
    Однако Но И А Также Кроме Так Как Все Всего Не Ни Там Здесь Сегодня Вчера Завтра Ранее
    Позже Затем Далее Тогда Когда Если Хотя Поскольку Согласно Среди Помимо Вместе
    Напомним Отметим Стоит Следует Что Кто Где Почему Зачем Какой Каждый Многие Несколько
    Впрочем Итак Поэтому Таким Кстати Прежде Во-первых Во-вторых Наконец Особо Особое
    """.split()
)

_LOWER_ONLY: frozenset[str] = frozenset(
    entry for entry in NEVER_FINAL | NUMBER_PREFIX | AMBIGUOUS if entry == entry.lower()
)


def _with_capitals(entries: frozenset[str]) -> frozenset[str]:
    # Capitalised at a sentence start ("См."), never shouted: "CA" is not "ca". One set
    # lookup per question: the splitter asks these for every period.
    capitalised = {
        entry[:1].upper() + entry[1:] for entry in entries if entry in _LOWER_ONLY
    }
    return entries | frozenset(capitalised)


_NEVER_FINAL = _with_capitals(NEVER_FINAL)
_NUMBER_PREFIX = _with_capitals(NUMBER_PREFIX)
_AMBIGUOUS = _with_capitals(AMBIGUOUS)


def is_never_final(token: str) -> bool:
    """True for an abbreviation that never ends a sentence.

    >>> is_never_final("Mr"), is_never_final("См"), is_never_final("no")
    (True, True, False)
    """
    return token in _NEVER_FINAL


def is_ambiguous(token: str) -> bool:
    """True for an abbreviation that ends a sentence only before a common opener.

    >>> is_ambiguous("U.S"), is_ambiguous("etc")
    (True, False)
    """
    return token in _AMBIGUOUS


def is_number_prefix(token: str) -> bool:
    """True for an abbreviation written before a number.

    >>> is_number_prefix("No"), is_number_prefix("Art"), is_number_prefix("no")
    (True, True, False)
    """
    return token in _NUMBER_PREFIX


def is_settlement(token: str) -> bool:
    """True for a Russian settlement type written before a place name, as written.

    >>> is_settlement("пгт"), is_settlement("с"), is_settlement("С")
    (True, True, False)
    """
    return token in SETTLEMENTS


def is_two_letter_initial(token: str) -> bool:
    """True for an initial of a transliterated name written with more than one letter.

    >>> is_two_letter_initial("Ts"), is_two_letter_initial("Дж"), is_two_letter_initial("St")
    (True, True, False)
    """
    return token in TWO_LETTER_INITIALS


def is_title(word: str) -> bool:
    """True for a title written before a person's name.

    >>> is_title("Dr"), is_title("Moscow")
    (True, False)
    """
    return word in TITLES
