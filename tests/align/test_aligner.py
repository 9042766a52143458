"""The aligner on texts a reader can check by eye: merges, splits, drops, confidence."""

from __future__ import annotations

from functools import cache

import pytest

from i18n_kit.align import (
    MIN_AGREEMENT,
    PUBLISH_CONFIDENCE,
    align_paragraphs,
    detect_language,
)
from i18n_kit.align.dp import best_path, diagonal_band
from i18n_kit.glossary.load import load_glossary
from i18n_kit.glossary.match import TermIndex

EN = [
    [
        "On 15 June 2021, the SCO Secretariat hosted a reception.",
        "The Secretary-General thanked the hosts for their warm hospitality.",
        "The guests were acquainted with the history of the Organisation.",
    ],
    [
        "The talks were held in a friendly and constructive atmosphere.",
        "The sides agreed to continue consultations.",
        "The next meeting will be held in Tashkent in 2024.",
    ],
]
# The Russian merges the first paragraph's last two sentences, drops "The sides agreed
# ..." and has a sentence of its own at the end.
RU = [
    [
        "15 июня 2021 года в Секретариате ШОС состоялся приём.",
        "Генеральный секретарь поблагодарил принимающую сторону за тёплое гостеприимство;"
        " гостей ознакомили с историей Организации.",
    ],
    [
        "Переговоры прошли в дружественной и конструктивной атмосфере.",
        "Следующее заседание состоится в Ташкенте в 2024 году.",
        "Фотографии размещены на сайте ШОС.",
    ],
]


@cache
def terms() -> TermIndex:
    return TermIndex(load_glossary(project_dir=None))


def test_merges_drops_and_additions_are_linked_as_they_are() -> None:
    result = align_paragraphs(EN, RU, source_lang="en", target_lang="ru", glossary=terms())
    assert [(link.source, link.target) for link in result.links] == [
        ((0,), (0,)),
        ((1, 2), (1,)),
        ((3,), (2,)),
        ((4,), ()),
        ((5,), (3,)),
        ((), (4,)),
    ]
    confident = [link.confidence >= PUBLISH_CONFIDENCE for link in result.links]
    assert confident[0] and confident[2] and confident[4]


def test_the_other_direction_splits() -> None:
    result = align_paragraphs(RU, EN, source_lang="ru", target_lang="en", glossary=terms())
    assert ((1,), (1, 2)) in [(link.source, link.target) for link in result.links]


def test_chinese_without_spaces() -> None:
    zh = [
        ["2021年6月15日，上海合作组织秘书处举行招待会。", "秘书长感谢东道方的热情款待。"],
        ["会谈在友好和建设性的气氛中进行。", "下一次会议将于2024年在塔什干举行。"],
    ]
    en = [EN[0][:2], [EN[1][0], EN[1][2]]]
    result = align_paragraphs(en, zh, source_lang="en", target_lang="zh", glossary=terms())
    assert [(link.source, link.target) for link in result.links] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))
    ]
    assert min(link.confidence for link in result.links) >= PUBLISH_CONFIDENCE


def test_a_different_text_gets_low_confidence() -> None:
    other = [["Выставка будет открыта до 30 апреля.", "Форум собрал 250 делегатов из 18 стран."],
             ["Конкурс привлёк много молодёжи.", "Саммит в Душанбе прошёл 16–17 сентября."]]
    result = align_paragraphs(EN, other, source_lang="en", target_lang="ru", glossary=terms())
    assert result.agreement < MIN_AGREEMENT
    same = align_paragraphs(EN, RU, source_lang="en", target_lang="ru", glossary=terms())
    assert same.agreement > 0.8


def test_an_empty_side_leaves_every_sentence_unpaired() -> None:
    result = align_paragraphs(EN, [], source_lang="en", target_lang="ru")
    assert [link.kind for link in result.links] == ["1-0"] * 6
    assert result.mean_confidence == 0.0


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Секретариат ШОС (SCO)", "ru"), ("上海合作组织秘书处 SCO", "zh"),
     ("The SCO Secretariat, Пекин", "en"), ("2024 — 15", None)],
)
def test_language_by_script(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_the_band_keeps_the_work_linear() -> None:
    """Cells priced grow with the text, not with its square."""
    priced: list[int] = []

    def cost(i: int, j: int, di: int, dj: int) -> float:
        priced.append(1)
        return 0.0 if (di, dj) == (1, 1) else 1.0

    sizes = []
    for n in (1000, 4000):
        priced.clear()
        path = best_path(n, n + 10, cost, diagonal_band(n, n + 10, 6))
        assert sum(step[2] for step in path) == n and sum(step[3] for step in path) == n + 10
        sizes.append(len(priced))
    assert sizes[1] < 4.2 * sizes[0]
    assert sizes[1] < 4000 * 13 * 5


def test_the_band_always_lets_a_path_through() -> None:
    for n, m in ((1, 30), (30, 1), (0, 5), (5, 0), (0, 0), (3, 40)):
        path = best_path(n, m, lambda i, j, di, dj: float(di + dj), diagonal_band(n, m, 1))
        assert (sum(s[2] for s in path), sum(s[3] for s in path)) == (n, m)


# A translation that joins two sentences with a semicolon, and a stored page that lacks
# the second sentence's source: the merged sentence's first half fits the source, the
# second half says something the source does not say.
HALF_SOURCE = [
    [
        "The exhibition of national crafts opened at the Secretariat.",
        "The visitors praised the quality of the carpets and ceramics.",
    ]
]
HALF_TARGET = [
    [
        "В Секретариате открылась выставка национальных ремёсел; её посетили"
        " студенты университета.",
        "Посетители высоко оценили качество ковров и керамики.",
    ]
]


def test_a_sentence_linked_with_half_of_a_merged_translation_is_flagged() -> None:
    result = align_paragraphs(
        HALF_SOURCE, HALF_TARGET, source_lang="en", target_lang="ru", glossary=terms()
    )
    first = result.links[0]
    assert (first.source, first.target) == ((0,), (0,))
    assert first.confidence < PUBLISH_CONFIDENCE


@pytest.mark.parametrize(
    ("source", "target", "langs"),
    [
        (  # the translation merges the two sentences: one 2-1 link, published
            [["The exhibition of national crafts opened at the Secretariat.",
              "Students of the university visited it."]],
            [["В Секретариате открылась выставка национальных ремёсел; её посетили"
              " студенты университета."]],
            ("en", "ru"),
        ),
        (  # both texts join the same two clauses: one 1-1 link, published
            [["The exhibition of national crafts opened at the Secretariat; students of"
              " the university visited it."]],
            [["秘书处举办民族手工艺展览；大学学生参观了展览。"]],
            ("en", "zh"),
        ),
    ],
)
def test_a_merged_sentence_whose_every_clause_is_translated_is_published(
    source: list[list[str]], target: list[list[str]], langs: tuple[str, str]
) -> None:
    result = align_paragraphs(
        source, target, source_lang=langs[0], target_lang=langs[1], glossary=terms()
    )
    assert [(link.source, link.target) for link in result.links] == [
        (tuple(range(len(source[0]))), (0,))
    ]
    assert result.links[0].confidence >= PUBLISH_CONFIDENCE
