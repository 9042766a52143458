"""Sentence splitting in official texts: initials of transliterated and Russian names, case
names with "v." and Chinese closing punctuation (issue 19). Each case gives the exact
segments; the cases that must still split sit beside the ones that must not."""

from __future__ import annotations

import pytest

from i18n_kit.segments.sentences import split_sentences

CASES: list[tuple[str, str, list[str]]] = [
    # Transliterated initials with two letters stay with the name.
    ("en", "President Ts. Elbegdorj of Mongolia attended the summit. The talks ended.",
     ["President Ts. Elbegdorj of Mongolia attended the summit.", "The talks ended."]),
    ("en", "The message of Sh. Mirziyoyev was read out by the Ambassador.",
     ["The message of Sh. Mirziyoyev was read out by the Ambassador."]),
    ("en", "Kh. Battulga, Yu. Ushakov and Zh. Sooronbaev signed the protocol.",
     ["Kh. Battulga, Yu. Ushakov and Zh. Sooronbaev signed the protocol."]),
    ("en", "The prize bears the name of Ch. Aitmatov. It is awarded every two years.",
     ["The prize bears the name of Ch. Aitmatov.", "It is awarded every two years."]),
    # Yu, Ye, Ya and Yo are also Chinese given names: after a family name they end a name.
    ("en", "The briefing was given by spokesperson Wang Yu. Chinese diplomats attended.",
     ["The briefing was given by spokesperson Wang Yu.", "Chinese diplomats attended."]),
    ("en", "Presidential Aide Yu. Ushakov briefed the press.",
     ["Presidential Aide Yu. Ushakov briefed the press."]),
    # ... but "Ch." before a number is a chapter, and a sentence opener after an initial
    # still opens a sentence.
    ("en", "See Ch. 4 of the report. The figures follow.",
     ["See Ch. 4 of the report.", "The figures follow."]),
    ("en", "The speech was given by Mirziyoyev Sh. The delegates applauded.",
     ["The speech was given by Mirziyoyev Sh.", "The delegates applauded."]),
    # Russian single-letter initials, П. and Ч. included (they also abbreviate пункт, часть).
    ("ru", "Здание построил купец П. И. Коробов. Сейчас в нём музей.",
     ["Здание построил купец П. И. Коробов.", "Сейчас в нём музей."]),
    ("ru", "Премию имени Ч. Айтматова вручили в Бишкеке.",
     ["Премию имени Ч. Айтматова вручили в Бишкеке."]),
    ("ru", "С докладом выступили Ж. Т. Бейшеналиев, Ш. Мирзиёев и Э. Рахмон.",
     ["С докладом выступили Ж. Т. Бейшеналиев, Ш. Мирзиёев и Э. Рахмон."]),
    ("ru", "Делегацию возглавил Ы. Б. Токтогулов. Переговоры продлились два часа.",
     ["Делегацию возглавил Ы. Б. Токтогулов.", "Переговоры продлились два часа."]),
    ("ru", "См. п. 5. П. 6 вступает в силу позже. Ч. 2 статьи 4 не применяется.",
     ["См. п. 5.", "П. 6 вступает в силу позже.", "Ч. 2 статьи 4 не применяется."]),
    ("ru", "Слово взял Коробов П. В зале было сто человек.",
     ["Слово взял Коробов П.", "В зале было сто человек."]),
    # "v." between two names is a case name; elsewhere it may end a sentence.
    ("en", "The judgment in Hamdan v. Rumsfeld was cited. The panel agreed.",
     ["The judgment in Hamdan v. Rumsfeld was cited.", "The panel agreed."]),
    ("en", "The form was marked with a v. The clerk signed it.",
     ["The form was marked with a v.", "The clerk signed it."]),
    # A Chinese run of closing punctuation stays with its sentence.
    ("zh", "记者问：“峰会何时举行？”。发言人作了回答。",
     ["记者问：“峰会何时举行？”。", "发言人作了回答。"]),
    ("zh", "他说：“合作是我们的共同选择！”）。会议随后闭幕。",
     ["他说：“合作是我们的共同选择！”）。", "会议随后闭幕。"]),
    ("zh", "峰会何时举行？”发言人说，将在秋季举行。",
     ["峰会何时举行？”", "发言人说，将在秋季举行。"]),
    ("zh", "他推荐了《合作？》一书。读者很多。",
     ["他推荐了《合作？》一书。", "读者很多。"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES,
                         ids=[f"{lang}-{index:02d}" for index, (lang, _, _) in
                              enumerate(CASES, start=1)])
def test_official_text_splits_exactly(lang: str, text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text, lang)] == expected
