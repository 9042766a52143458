"""The numbers check reads what official texts and news write (issue 19): Roman numerals,
spaced Chinese dates, weekdays and relative days, multiplicatives, implicit years.

tests/data/checks/official/numbers.yaml holds correct EN/RU/ZH triples, each checked in all
six directions with every check on, and the wrong translations beside them the check must
still catch. docs/checks.md gives the figures before and after.
"""

from __future__ import annotations

import datetime as dt
import itertools
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from i18n_kit.checks import Issue, Severity, TextPair, check_pair, run_checks
from i18n_kit.checks.glossary import GlossaryChecks
from i18n_kit.checks.registry import CHECKS_BY_ID
from i18n_kit.config import load_config
from i18n_kit.glossary.load import load_glossary

DATA = yaml.safe_load(
    (Path(__file__).parent.parent / "data" / "checks" / "official" / "numbers.yaml")
    .read_text("utf-8")
)
PAIRS: list[dict[str, Any]] = DATA["pairs"]
MISTAKES: list[dict[str, Any]] = DATA["mistakes"]
DIRECTIONS = list(itertools.permutations(("en", "ru", "zh"), 2))


@lru_cache(maxsize=1)
def glossary() -> GlossaryChecks:
    return GlossaryChecks(load_glossary(project_dir=None))


def findings(source: str, target: str, source_lang: str, target_lang: str,
             date: dt.date | None = None) -> list[Issue]:
    pair = TextPair(source_text=source, target_text=target, source_lang=source_lang,
                    target_lang=target_lang, article_date=date)
    return check_pair(pair, glossary=glossary())


def severity(issue: Issue) -> Severity:
    return issue.severity or CHECKS_BY_ID[issue.check].severity


def test_the_suite_is_big_enough() -> None:
    assert len(PAIRS) >= 35 and len(MISTAKES) >= 15
    assert all({"what", "en", "ru", "zh"} <= set(item) for item in PAIRS)


def test_correct_translations_raise_no_error_and_at_most_one_warning_in_35() -> None:
    raised = [
        (source, target, item["what"], issue.check, severity(issue), issue.message)
        for item in PAIRS
        for source, target in DIRECTIONS
        for issue in findings(item[source], item[target], source, target, item.get("date"))
    ]
    assert [found for found in raised if found[4] is Severity.ERROR] == []
    warnings = [found for found in raised if found[4] is not Severity.ERROR]
    assert len(warnings) * 35 <= len(PAIRS) * len(DIRECTIONS), warnings


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m["what"] for m in MISTAKES])
def test_each_wrong_number_is_caught(mistake: dict[str, Any]) -> None:
    issues = [issue for issue in findings(mistake["source"], mistake["target"],
                                          mistake["source_lang"], mistake["target_lang"],
                                          mistake.get("date"))
              if issue.check == "numbers"]
    assert {str(severity(issue)) for issue in issues} == {mistake["severity"]}, issues


def messages(source: str, target: str, source_lang: str, target_lang: str,
             date: dt.date | None = None) -> list[tuple[str, str]]:
    return [(str(severity(issue)), issue.message)
            for issue in findings(source, target, source_lang, target_lang, date)
            if issue.check == "numbers"]


def test_a_wrong_roman_century_names_both_numerals() -> None:
    assert messages("Главы государств отметили вызовы XXI века.",
                    "The leaders noted the challenges of the 20th century.", "ru", "en") == [
        ("error", "«XXI» is missing from the translation"),
        ("error", "«20» is in the translation but not in the source"),
    ]


def test_a_weekday_the_article_date_contradicts_is_a_warning_that_says_why() -> None:
    assert messages("理事会28日在塔什干举行会议。", "The Council met in Tashkent on Thursday.",
                    "zh", "en", dt.date(2025, 3, 28)) == [
        ("warning", "«28日» does not agree with «Thursday» in the translation: 28 March 2025 "
         "is a Friday by the article's date (2025-03-28), not a Thursday"),
    ]


def test_without_the_article_date_a_weekday_is_never_a_finding() -> None:
    assert messages("理事会28日在塔什干举行会议。", "The Council met in Tashkent on Thursday.",
                    "zh", "en") == []
    assert messages("On 5 June, the Council met.", "6月5日，理事会举行会议。", "en", "zh") == []


def test_a_full_date_and_its_weekday_are_checked_without_the_article_date() -> None:
    assert messages("The summit opened on Wednesday.", "峰会于2024年7月4日开幕。",
                    "en", "zh") == [
        ("warning", "«2024年7月4日» does not agree with «Wednesday» in the source: 4 July "
         "2024 is a Thursday, not a Wednesday"),
    ]


def test_a_year_left_out_is_read_as_news_reads_it() -> None:
    # A December article looks back on June and ahead to January; a January article back
    # on December. A year more than that away is not what readers take it for.
    december = dt.date(2025, 12, 20)
    assert messages("The forum was held in June 2025.", "Форум прошёл в июне.", "en", "ru",
                    december) == []
    assert messages("The forum opens on 5 January 2026.", "Форум откроется 5 января.",
                    "en", "ru", december) == []
    assert messages("The forum was held on 28 December 2025.", "论坛于12月28日举行。",
                    "en", "zh", dt.date(2026, 1, 10)) == []
    assert messages("The forum was held in June 2024.", "Форум прошёл в июне.", "en", "ru",
                    december) == [
        ("warning", "«June 2024» does not agree with «июне» in the translation: a date "
         "without a year is read as 2025 or 2026 by the article's date (2025-12-20)"),
    ]


def test_a_weekday_stands_for_a_day_never_for_a_month_alone() -> None:
    assert messages("In June 2025, the forum met on Friday.", "В пятницу форум собрался.",
                    "en", "ru", dt.date(2025, 6, 6)) == [
        ("error", "«2025» is missing from the translation"),
        ("error", "the month «June» (6) is missing from the translation"),
    ]


def test_roman_numerals_in_names_meet_their_translations() -> None:
    assert messages("Elizabeth II and Louis XIV; World War II", "Елизавета II и Людовик "
                    "XIV; Второй мировой войны", "en", "ru") == []
    assert messages("World War II", "第二次世界大战", "en", "zh") == []
    assert messages("HIV, CICA, LLC and the ICC", "ВИЧ, СВМДА, ООО и МУС", "en", "ru") == []


def test_a_roman_numeral_in_a_heading_of_capitals_is_not_required() -> None:
    # XI is Xi Jinping's name in a heading written in capitals, not eleven.
    assert messages("XI JINPING MEETS SCO SECRETARY-GENERAL", "习近平会见上合组织秘书长",
                    "en", "zh") == []


ARTICLE = """\
---
title: RATS Council meets
date: 2025-03-28
---

The RATS Council met in Tashkent on Friday.

The Council will meet again on Thursday.
"""

CATALOG = """\
msgid ""
msgstr ""
"Language: zh\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: content/rats.md
msgid "The RATS Council met in Tashkent on Friday."
msgstr "上合组织地区反恐怖机构理事会28日在塔什干举行会议。"

#: content/rats.md
msgid "The Council will meet again on Thursday."
msgstr "理事会将于28日再次举行会议。"
"""


def test_a_project_check_reads_the_article_date_from_its_front_matter(tmp_path: Path) -> None:
    (tmp_path / "i18n-kit.toml").write_text(
        '[project]\nname = "news"\nsource_language = "en"\nlocales = ["en", "zh"]\n', "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "rats.md").write_text(ARTICLE, "utf-8")
    folder = tmp_path / "locales" / "zh" / "LC_MESSAGES" / "articles"
    folder.mkdir(parents=True)
    (folder / "rats.po").write_text(CATALOG, "utf-8")
    report = run_checks(load_config(tmp_path / "i18n-kit.toml"))
    assert [(f.line, str(f.severity), f.check, f.message) for f in report.findings] == [
        (11, "warning", "numbers", "«28日» does not agree with «Thursday» in the source: "
         "28 March 2025 is a Friday by the article's date (2025-03-28), not a Thursday"),
    ]
