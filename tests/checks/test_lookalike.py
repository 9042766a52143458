"""The lookalike check: mixed-script words in sources, reported once at the source line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from i18n_kit.checks import TextPair, check_pair
from i18n_kit.checks.lookalike import find_mixed_words
from i18n_kit.cli import app

# (text, article language, [(word as written, the spelling to use), ...])
MUST_CATCH = [
    ("The forum was broadcast live by CСTV and CGTN.", "en", [("CСTV", "CCTV")]),  # С
    ("The Secretary-General met the Ambassador of Кazakhstan.", "en",
     [("Кazakhstan", "Kazakhstan")]),
    ("Стороны обсудили ситуацию в Кaзахстане.", "ru", [("Кaзахстане", "Казахстане")]),  # a
    ("Заседание Совета министров прошло в Ташкентe.", "ru", [("Ташкентe", "Ташкенте")]),  # e
    ("Саммит ШOC прошёл в Астане.", "ru", [("ШOC", "ШОС")]),  # O, C: Ш has no Latin twin
    ("The SCO Secretariat in Веijing hosted the event.", "en", [("Веijing", "Beijing")]),
    ("Генеральный секретарь выступил на форуме «Рoссия — Китай».", "ru",
     [("Рoссия", "Россия")]),
    ("上海合作组织秘书处接受了CСTV的采访。", "zh", [("CСTV", "CCTV")]),
    ("The mission visited Tajikistan and Uzbekistаn in May.", "en",
     [("Uzbekistаn", "Uzbekistan")]),  # Cyrillic а near the end
    # Most letters decide: three Cyrillic of four make ТАСС, three Latin of four TASS.
    ("ТAСС reported the talks; TАSS repeated it.", "en",
     [("ТAСС", "ТАСС"), ("TАSS", "TASS")]),
]

# Correct text that mixes scripts between words, or joins them with digits, hyphens,
# apostrophes or symbols: nothing to report.
MUST_PASS = [
    ("Учения «Мирная миссия» пройдут в рамках ШОС-2025.", "ru"),
    ("Меры против COVID-19 обсудили министры здравоохранения.", "ru"),
    ("Компания Microsoft и агентство Xinhua подписали соглашение.", "ru"),
    ("Президент процитировал слова «We are stronger together».", "ru"),
    ("Мощность станции — 10 МВт·ч, расход — 5 м³/ч, скорость 90 км/ч.", "ru"),
    ("Выбросы CO₂, NOx и SO₂ снизились; вода H₂O очищена.", "ru"),
    ("В параде участвовали Су-35, Ил-76МД, Ту-214ON и Boeing 737 MAX.", "ru"),
    ("Рассылка SMS-сообщений и Wi-Fi-сеть в пресс-центре работали бесперебойно.", "ru"),
    ("Владельцы iPhone'ов и Android-смартфонов получили уведомления.", "ru"),
    ("Адрес сайта https://rus.sectsco.org/news/Кa, почта info@sco.int.", "ru"),
    ("Код `CсTV` в Markdown не проверяется, как и [ссылка](https://x.org/aб).", "ru"),
    ("The forum in Tashkent (Ташкент) was covered by TASS (ТАСС) and Xinhua.", "en"),
    ("XXI век, II Форум, пункт IV.", "ru"),
    ("Модели МС-21-300 и SSJ100 представлены на авиасалоне.", "ru"),
    ("中国中央电视台（CCTV）与俄罗斯塔斯社（ТАСС）报道了会议。", "zh"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), MUST_CATCH)
def test_lookalike_catches_a_mixed_word_and_gives_one_spelling(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.word, m.fixed) for m in find_mixed_words(text, lang)] == expected


@pytest.mark.parametrize(("text", "lang"), MUST_PASS)
def test_lookalike_leaves_correct_mixed_text_alone(text: str, lang: str) -> None:
    assert list(find_mixed_words(text, lang)) == []


def test_message_names_the_stray_letters_and_the_spelling() -> None:
    (found,) = find_mixed_words("Shown on CСTV.", "en")
    assert found.message == (
        "«CСTV» mixes Latin and Cyrillic letters (Cyrillic: С); write «CCTV» in Latin letters"
    )
    (neither,) = find_mixed_words("Код ЖQ.", "ru")
    assert neither.message == "«ЖQ» mixes Latin and Cyrillic letters; retype it in one script"


def test_a_translation_that_copies_the_source_word_is_not_flagged_again() -> None:
    copied = TextPair(source_text="Shown on CСTV.", target_text="在CСTV播出。",
                      source_lang="en", target_lang="zh")
    assert check_pair(copied) == []
    introduced = TextPair(source_text="Shown on CCTV.", target_text="在CСTV播出。",
                          source_lang="en", target_lang="zh")
    assert [issue.check for issue in check_pair(introduced)] == ["mixed-script", "foreign-script"]


CONFIG = """\
[project]
name = "newsroom"
source_language = "en"
locales = ["en", "ru", "zh"]
"""

ARTICLE = """\
---
title: Forum on CСTV
date: 2021-06-15
slug: forum
---

The SCO forum opened in Beijing on 15 June 2021.
The forum was broadcast live by CСTV and CGTN.

```
CСTV stays as it is in code.
```
"""


def _check(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "--project", str(project), *args])
    return result.exit_code, result.stdout


def test_check_reports_the_word_once_at_the_source_line_not_on_pages(tmp_path: Path) -> None:
    (tmp_path / "i18n-kit.toml").write_text(CONFIG, "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "forum.md").write_text(ARTICLE, "utf-8")
    sync = CliRunner().invoke(app, ["sync", "--project", str(tmp_path)])
    assert sync.exit_code == 0, sync.output
    page = (tmp_path / "site" / "en" / "forum.html").read_text("utf-8")
    assert page.count("CСTV") == 4  # <title>, <h1>, the paragraph and the code block
    code, out = _check(tmp_path)
    assert code == 0  # a warning: CI fails on it only with --fail-on warning
    assert out.splitlines() == [
        "content/forum.md",
        "  2: warning [lookalike] «CСTV» mixes Latin and Cyrillic letters (Cyrillic: С);"
        " write «CCTV» in Latin letters",
        "  8: warning [lookalike] «CСTV» mixes Latin and Cyrillic letters (Cyrillic: С);"
        " write «CCTV» in Latin letters",
        "0 errors, 2 warnings, 0 info in 2 catalogs (0 entries checked, 0 fuzzy skipped)"
        " and 6 pages",
    ]
    assert _check(tmp_path, "--fail-on", "warning")[0] == 1
    code, out = _check(tmp_path, "--format", "json")
    assert json.loads(out)[1] == {
        "check": "lookalike", "severity": "warning", "file": "content/forum.md", "line": 8,
        "locale": "en", "msgid": "",
        "message": "«CСTV» mixes Latin and Cyrillic letters (Cyrillic: С); write «CCTV» in"
        " Latin letters",
        "reference": "content/forum.md",
    }


def test_disabling_the_lookalike_check_silences_look_alike_letters(tmp_path: Path) -> None:
    (tmp_path / "i18n-kit.toml").write_text(
        CONFIG + '\n[checks]\ndisable = ["lookalike"]\n', "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "forum.md").write_text(ARTICLE, "utf-8")
    CliRunner().invoke(app, ["sync", "--project", str(tmp_path)])
    code, out = _check(tmp_path)
    assert code == 0
    assert out.splitlines()[-1].startswith("0 errors, 0 warnings, 0 info")
