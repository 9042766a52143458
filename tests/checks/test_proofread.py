"""Source proofreading: misspelt common words and doubled words, once at the source line.

Two suites (tests/data/checks/proofread/): planted typos each found exactly, and
correct sentences (names, transliterations, abbreviations, Chinese reduplication) left
alone. The spelling check needs Hunspell's dictionaries: these tests fail, not skip,
when they are missing (install hunspell-en-gb hunspell-en-us hunspell-ru libenchant-2-2).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from i18n_kit.checks import hunspell
from i18n_kit.checks.proofread import (
    find_doubled,
    find_misspellings,
    proofread_article,
    read_word_list,
    user_words,
)
from i18n_kit.cli import app
from i18n_kit.glossary.load import load_glossary
from i18n_kit.resources import shipped_path
from i18n_kit.sources import read_article

DATA = Path(__file__).parent.parent / "data" / "checks" / "proofread"
TYPOS: list[dict[str, Any]] = yaml.safe_load((DATA / "typos.yaml").read_text("utf-8"))
CLEAN: list[dict[str, Any]] = yaml.safe_load((DATA / "clean.yaml").read_text("utf-8"))
WORDS = user_words(load_glossary(project_dir=None),
                   read_word_list(shipped_path("glossary") / "words.txt", "words.txt"))


def _found(lang: str, text: str) -> tuple[list[str], list[str]]:
    spelling = find_misspellings(text, lang, WORDS) if lang != "zh" else []
    return spelling, find_doubled(text, lang)


def test_the_dictionaries_are_hunspells_and_installed() -> None:
    # Fails loudly on a machine without them: the check would otherwise pass anything.
    for lang in ("en", "ru"):
        speller = hunspell.speller(lang)
        assert speller.known("cooperation" if lang == "en" else "сотрудничество")
        assert not speller.known("cooperaton" if lang == "en" else "сотрудничесво")


def test_the_suites_are_as_large_as_promised() -> None:
    spelling = sum(len(item.get("spelling", [])) for item in TYPOS)
    doubled = sum(len(item.get("doubled", [])) for item in TYPOS)
    assert (spelling, doubled, len(CLEAN)) == (31, 15, 33)


@pytest.mark.parametrize("item", TYPOS, ids=lambda item: item["text"][:40])
def test_a_planted_typo_is_found_exactly(item: dict[str, Any]) -> None:
    assert _found(item["lang"], item["text"]) == (
        item.get("spelling", []), item.get("doubled", []))


@pytest.mark.parametrize("item", CLEAN, ids=lambda item: item["text"][:40])
def test_a_correct_sentence_is_left_alone(item: dict[str, Any]) -> None:
    assert _found(item["lang"], item["text"]) == ([], [])


def test_the_issues_real_typos() -> None:
    assert find_misspellings("to achieve commn goals", "en", WORDS) == ["commn -> common"]
    assert find_doubled("Chair of the of the Council of Heads of Government", "en") == [
        "of the of the"]


def test_a_missing_dictionary_names_the_package_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(hunspell.DICTIONARIES, "xx", ("xx_XX",))
    monkeypatch.setitem(hunspell.PACKAGES, "xx_XX", "hunspell-xx")
    with pytest.raises(hunspell.SpellingUnavailable) as caught:
        hunspell.speller("xx")
    assert str(caught.value) == (
        "source-spelling needs Hunspell's xx_XX dictionary (hunspell-xx); install it "
        "(Debian: apt-get install libenchant-2-2 hunspell-xx) or switch the check off "
        '([checks] disable = ["source-spelling"])'
    )


CONFIG = """\
[project]
name = "newsroom"
source_language = "en"
locales = ["en", "ru", "zh"]
"""

ARTICLE = """\
---
title: Council of National Coordinators
date: 2026-03-02
slug: coordinators
---

The Chair of the of the Council of National Coordinators opened the meeting.
Dastan Jumabekov noted the commn approach of the member states.

Kurmanbek Sadyrov welcomed the delegations to the khokimiyat.
"""


def _project(tmp_path: Path, config: str = CONFIG) -> Path:
    (tmp_path / "i18n-kit.toml").write_text(config, "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "coordinators.md").write_text(ARTICLE, "utf-8")
    sync = CliRunner().invoke(app, ["sync", "--project", str(tmp_path)])
    assert sync.exit_code == 0, sync.output
    return tmp_path


def _check(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "--project", str(project), *args])
    return result.exit_code, result.output


def test_check_reports_source_typos_once_at_the_source_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    code, out = _check(project, "--project", str(project))
    assert code == 0  # warnings: CI fails on them only with --fail-on warning
    assert out.splitlines() == [
        "content/coordinators.md",
        "  7: warning [source-doubled-word] «of the of the»: a phrase written twice",
        "  8: warning [source-spelling] «commn» is not in the en dictionary; did you mean"
        " «common»?",
        # the title is the glossary's term, filled fuzzy (its ru form is unverified)
        "locales/ru/LC_MESSAGES/articles/coordinators.po",
        "  info [fuzzy] 1 fuzzy entry not checked: not published until a translator clears"
        " the flag",
        "locales/zh/LC_MESSAGES/articles/coordinators.po",
        "  info [fuzzy] 1 fuzzy entry not checked: not published until a translator clears"
        " the flag",
        "0 errors, 2 warnings, 2 info in 2 catalogs (0 entries checked, 2 fuzzy skipped)"
        " and 6 pages",
    ]
    assert _check(project, "--fail-on", "warning")[0] == 1
    findings = json.loads(_check(project, "--format", "json")[1])
    assert findings[1] == {
        "check": "source-spelling", "severity": "warning", "file": "content/coordinators.md",
        "line": 8, "locale": "en", "msgid": "",
        "message": "«commn» is not in the en dictionary; did you mean «common»?",
        "reference": "content/coordinators.md",
    }


def test_the_projects_word_list_and_glossary_are_the_user_dictionary(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "glossary").mkdir()
    (project / "glossary" / "words.txt").write_text("# our words\ncommn\n", "utf-8")
    code, out = _check(project)
    assert [line for line in out.splitlines() if "source-spelling" in line] == []


def test_switched_off_and_made_errors_like_any_check(tmp_path: Path) -> None:
    project = _project(tmp_path, CONFIG + """
[checks]
disable = ["source-doubled-word"]
severity = { "source-spelling" = "error" }
""")
    code, out = _check(project)
    assert code == 1
    lines = out.splitlines()
    assert lines[1] == (
        "  8: error [source-spelling] «commn» is not in the en dictionary; did you mean"
        " «common»?"
    )
    assert lines[-1] == (
        "1 error, 0 warnings, 2 info in 2 catalogs (0 entries checked, 2 fuzzy skipped)"
        " and 6 pages"
    )


def test_a_word_list_that_is_not_utf8_is_one_error_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "glossary").mkdir()
    (project / "glossary" / "words.txt").write_bytes(b"dombra\nkomuz \xff\n")
    code, out = _check(project)
    assert code == 2
    assert out.splitlines() == ["error: glossary/words.txt:2: not UTF-8 text"]


def test_check_stops_with_one_line_when_a_dictionary_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    monkeypatch.setitem(hunspell.DICTIONARIES, "en", ("xx_XX",))
    monkeypatch.setitem(hunspell.PACKAGES, "xx_XX", "hunspell-xx")
    hunspell.speller.cache_clear()
    try:
        code, out = _check(project)
    finally:
        hunspell.speller.cache_clear()
    assert code == 2
    assert out.splitlines() == [
        "error: source-spelling needs Hunspell's xx_XX dictionary (hunspell-xx); install it "
        "(Debian: apt-get install libenchant-2-2 hunspell-xx) or switch the check off "
        '([checks] disable = ["source-spelling"])'
    ]


def test_pathological_text_costs_linear_time(tmp_path: Path) -> None:
    # A passage of unknown words (another language, pasted junk) is corrected only up to
    # a budget per article; long repeats are scanned once.
    words = [f"qz{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}xk" for i in range(5000)]
    junk = "\n\n".join(" ".join(words[at:at + 500]) for at in range(0, 5000, 500))
    article = tmp_path / "content" / "junk.md"
    article.parent.mkdir()
    article.write_text(f"---\ntitle: Junk\ndate: 2026-01-01\n---\n\n{junk}\n", "utf-8")
    parsed = read_article(article, root=tmp_path, default_lang="en")
    started = time.monotonic()
    found = list(proofread_article(parsed, article.read_text("utf-8").splitlines(), WORDS))
    assert found == []
    assert find_doubled("a " * 100_000, "en")[:1] == ["a a"]
    assert len(find_doubled("的会议" * 50_000, "zh")) == 25_000
    assert time.monotonic() - started < 30
