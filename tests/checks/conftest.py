"""A content project with catalogs (and optionally built pages) in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFIG = """\
[project]
name = "newsroom"
source_language = "en"
locales = ["en", "ru", "zh"]
"""

RU_PO = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: content/summit.md
msgid "The summit opened on 10 November 2020."
msgstr "Саммит открылся 10 ноября 2021 года."

# i18n-kit: ignore numbers
#: content/summit.md
msgid "In 2019 the SCO had 8 members."
msgstr "Тогда в ШОС было восемь членов."

# i18n-kit: ignore nmbers
#: content/summit.md
msgid "The talks lasted two hours."
msgstr "Переговоры продолжались 3 часа."

#, fuzzy
#: content/summit.md
msgid "The participants adopted a resolution."
msgstr "Участники приняли резолюцию 2."

#: content/summit.md
msgid "President Mirziev spoke."
msgstr "Президент Мирзиёев выступил."

#: content/summit.md
msgid "Untranslated entries are not checked."
msgstr ""

#~ msgid "Obsolete 1."
#~ msgstr "Устаревшее 2."
"""

ZH_PO = """\
msgid ""
msgstr ""
"Language: zh\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: content/summit.md
msgid "The summit opened on 10 November 2020."
msgstr "峰会于2020年11月10日开幕,各国领导人出席"

#: content/summit.md
msgid "President Mirziev spoke."
msgstr "米尔济约耶夫总统发表讲话。"
"""

SUMMIT = """\
---
title: Summit
---

The summit opened on 10 November 2020.

President Mirziev spoke.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "i18n-kit.toml").write_text(CONFIG, "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "summit.md").write_text(SUMMIT, "utf-8")
    for code, text in (("ru", RU_PO), ("zh", ZH_PO)):
        folder = tmp_path / "locales" / code / "LC_MESSAGES" / "articles"
        folder.mkdir(parents=True)
        (folder / "summit.po").write_text(text, "utf-8")
    return tmp_path
