"""Each entry check on its own: exact messages for what it flags, silence for what it must not."""

from __future__ import annotations

import pytest

from i18n_kit.checks import TextPair, check_pair
from i18n_kit.checks.numbers import extract_numbers
from i18n_kit.checks.punctuation import final_marks


def messages(source: str, target: str, source_lang: str = "en", target_lang: str = "ru",
             ) -> list[str]:
    pair = TextPair(source_text=source, target_text=target, source_lang=source_lang,
                    target_lang=target_lang)
    return [f"{issue.check}: {issue.message}" for issue in check_pair(pair)]


FLAGGED = [
    ("In 2019, 60% voted.", "В 2018 году проголосовали 60 %.", "en", "ru", [
        "numbers: «2019» is missing from the translation",
        "numbers: «2018» is in the translation but not in the source",
    ]),
    ("On 10 November 2020.", "2020年10月10日。", "en", "zh", [
        "numbers: the month «November» (11) is missing from the translation",
        "numbers: the month «10月» (10) is in the translation but not in the source",
    ]),
    ("About 3.5 billion people.", "约3.5亿人。", "en", "zh", [
        "numbers: «3.5 billion» is missing from the translation",
        "numbers: «3.5亿» is in the translation but not in the source",
    ]),
    ("The **SCO** met.", "**ШОС собралась.", "en", "ru", [
        "markup: bold (**…**): 1 in the source, 0 in the translation; «**» is left unpaired",
    ]),
    ("Run `sync` now.", "Запустите `синк` сейчас.", "en", "ru", [
        "markup: the code span `sync` is missing from the translation",
        "markup: the code span `синк` is not in the source",
    ]),
    ("See [site](https://sco.int).", "См. [сайт](https://sco.in).", "en", "ru", [
        "urls: «https://sco.int» is missing from the translation",
        "urls: «https://sco.in» is not in the source",
    ]),
    ("%(num)d comments", "%(n)d комментариев", "en", "ru", [
        "placeholders: the placeholder %(num)d is missing from the translation",
        "placeholders: the placeholder %(n)d is not in the source",
    ]),
    ("It opened.", "会议开幕", "en", "zh", [
        "final-punctuation: the source ends with a full stop; end the translation with «。»",
    ]),
    ("Is it open?", "Он открыт.", "en", "ru", [
        "final-punctuation: the translation ends with a full stop, the source with a question "
        "mark («?»)",
    ]),
    ("Summit opens", "Саммит открылся.", "en", "ru", [
        "final-punctuation: the translation ends with a full stop; the source has no final mark",
    ]),
    ('"Yes," he said.', '"Да", – сказал он.', "en", "ru", [
        'ru-quotes: straight quotes «"» in a Russian translation; use «…» (and „…“ inside)',
    ]),
    ("He said: yes.", "他说:是的。", "en", "zh", [
        "zh-punctuation: ASCII «:» next to Chinese characters («说:是»); use «：»",
    ]),
    ("The SCO (founded 2001) met.", "上合组织(成立于2001年)举行会议。", "en", "zh", [
        "zh-punctuation: ASCII «(» next to Chinese characters («(成立于2001年)»); use «（»",
    ]),
    ("The SCO met.", "上合组织 举行会议。", "en", "zh", [
        "zh-spaces: a space between Chinese characters («织 举»)",
    ]),
    ("The summit opened.", "The summit opened.", "en", "ru", [
        "untranslated: the translation is the source text, untranslated",
    ]),
    ("Саммит открылся в Ташкенте.", "The summit opened in Ташкенте.", "ru", "en", [
        "foreign-script: Cyrillic text in the translation: «Ташкенте»",
    ]),
    ("峰会在塔什干开幕。", "Саммит открылся в 塔什干.", "zh", "ru", [
        "foreign-script: Chinese text in the translation: «塔什干»",
    ]),
    ("The delegates visited Samarkand.", "代表们参观了Samarkand古城。", "en", "zh", [
        "zh-latin: Latin words in the Chinese translation: «Samarkand»",
    ]),
    ("Kazakhstan", "Кaзахстан", "en", "ru", [
        "mixed-script: «Кaзахстан» mixes Latin and Cyrillic letters (Latin: a)",
    ]),
    ("Yes, he said.", " Да ,  сказал он. ", "en", "ru", [
        "whitespace: leading whitespace",
        "whitespace: trailing whitespace",
        "whitespace: two spaces in a row",
        "whitespace: a space before «,»",
    ]),
    ("It opened in the city.", "Он открылся в в городе.", "en", "ru", [
        "doubled-word: «в в»: a word written twice",
    ]),
    ("The leaders adopted the Dushanbe Declaration and eight other documents.", "Лидеры.",
     "en", "ru", [
        "length-ratio: the translation is 7 characters for 62 in the source: 0.11 times, "
        "where 1.05 is usual",
     ]),
]


@pytest.mark.parametrize(("source", "target", "source_lang", "target_lang", "expected"),
                         FLAGGED, ids=[case[4][0].split(":")[0] + f"-{i}"
                                       for i, case in enumerate(FLAGGED)])
def test_flags_with_exact_message(
    source: str, target: str, source_lang: str, target_lang: str, expected: list[str]
) -> None:
    assert messages(source, target, source_lang, target_lang) == expected


CLEAN = [
    ("On 16-17 September 2021.", "16–17 сентября 2021 года.", "en", "ru"),
    ("On 16-17 September 2021.", "2021年9月16日至17日。", "en", "zh"),
    ("60% of 1,200 delegates.", "60 % из 1 200 делегатов.", "en", "ru"),
    ("Growth of 1.5 percent.", "Рост на 1,5 процента.", "en", "ru"),
    ("$2 billion was invested.", "投资了20亿美元。", "en", "zh"),
    ("The 20th meeting.", "第二十次会议。", "en", "zh"),
    ("Twenty years ago.", "20 лет назад.", "en", "ru"),
    ("COVID-19 and G20.", "新冠肺炎疫情和二十国集团。", "en", "zh"),
    ("Open at 9:00.", "Открыто с 9.00.", "en", "ru"),
    ("Open at 3 p.m.", "15:00开放。", "en", "zh"),
    ("In May 2023.", "2023年5月。", "en", "zh"),
    ("В мае 2023 года.", "In May 2023.", "ru", "en"),
    ("The **SCO** [site](https://sco.int) and `code`.",
     "`code` и [сайт](https://sco.int) **ШОС**.", "en", "ru"),
    ('He said: "We agree."', "Он сказал: «Мы согласны».", "en", "ru"),
    ('He said: "We agree!"', "他说：“我们同意！”", "en", "zh"),
    ("We declare the following.", "声明如下：", "en", "zh"),
    ("Wait...", "Подождите…", "en", "ru"),
    ("Write to press@sco.int.", "请致函press@sco.int。", "en", "zh"),
    ("The 5G network and mRNA vaccines.", "5G网络和mRNA疫苗。", "en", "zh"),
    ("SCO", "SCO", "en", "zh"),
    ("2019-2020", "2019-2020", "en", "ru"),
    ("Bora Bora is an island.", "Бора Бора – остров.", "en", "ru"),
]


@pytest.mark.parametrize(("source", "target", "source_lang", "target_lang"), CLEAN)
def test_leaves_good_translations_alone(
    source: str, target: str, source_lang: str, target_lang: str
) -> None:
    assert messages(source, target, source_lang, target_lang) == []


def test_numbers_read_locale_forms() -> None:
    found = extract_numbers("1 200,5 тыс. и 10.11.2020", "ru")
    assert [(n.text, sorted(n.values)) for n in found.numbers if n.required] == [
        ("10", [10]), ("2020", [2020]), ("1 200,5 тыс.", [1200500]),
    ]
    assert [m.month for m in found.months] == [11]


def test_final_marks_look_through_closing_quotes_and_markup() -> None:
    assert final_marks("«Да».") == {"stop"}
    assert final_marks("**Да?**") == {"question"}
    assert final_marks("等等……") == {"ellipsis"}
    assert final_marks("Title") == frozenset()


def test_disabled_checks_are_not_run() -> None:
    pair = TextPair(source_text="In 2019.", target_text="В 2018", source_lang="en",
                    target_lang="ru")
    assert [i.check for i in check_pair(pair, disabled=["numbers"])] == ["final-punctuation"]
