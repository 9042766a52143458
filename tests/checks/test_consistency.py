"""Consistency across a project: one source translated two ways, one translation for two
sources, fuzzy entries apart; one finding per group naming every place.

Two suites (tests/data/checks/consistency/): planted inconsistencies, each found as
exactly one finding of its check, and consistent repeats (with only the differences the
other checks accept) left alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from i18n_kit.checks.consistency import CHECK_IDS, check_locale, normalize
from i18n_kit.checks.registry import Located
from i18n_kit.cli import app
from i18n_kit.config import load_config

DATA = Path(__file__).parent.parent / "data" / "checks" / "consistency"
INCONSISTENT: list[dict[str, Any]] = yaml.safe_load(
    (DATA / "inconsistent.yaml").read_text("utf-8"))
CONSISTENT: list[dict[str, Any]] = yaml.safe_load((DATA / "consistent.yaml").read_text("utf-8"))

CONFIG = """\
[project]
name = "newsroom"
source_language = "en"
locales = ["en", "ru", "zh"]
"""


def _po(locale: str, entries: list[list[str]], slug: str) -> str:
    out = [f'msgid ""\nmsgstr ""\n"Language: {locale}\\n"\n'
           '"Content-Type: text/plain; charset=UTF-8\\n"\n']
    for source, target, *flags in entries:
        comment = "# i18n-kit: ignore inconsistent-translation\n" if "ignored" in flags else ""
        fuzzy = "#, fuzzy\n" if "fuzzy" in flags else ""
        msgid, msgstr = (json.dumps(text, ensure_ascii=False) for text in (source, target))
        out.append(f"{comment}#: content/{slug}.md\n{fuzzy}msgid {msgid}\nmsgstr {msgstr}\n")
    return "\n".join(out)


def _write(root: Path, locale: str, slug: str, entries: list[list[str]]) -> None:
    folder = root / "locales" / locale / "LC_MESSAGES" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.po").write_text(_po(locale, entries, slug), "utf-8")


def _findings(tmp_path: Path, group: dict[str, Any]) -> list[Located]:
    (tmp_path / "i18n-kit.toml").write_text(CONFIG, "utf-8")
    for index, entry in enumerate(group["entries"]):
        _write(tmp_path, group["locale"], f"a{index}", [entry])
    config = load_config(tmp_path / "i18n-kit.toml")
    folder = tmp_path / "locales" / group["locale"] / "LC_MESSAGES" / "articles"
    return list(check_locale(config, group["locale"], sorted(folder.glob("*.po")), CHECK_IDS))


def test_the_suites_are_as_large_as_promised() -> None:
    checks = [group["check"] for group in INCONSISTENT]
    assert (checks.count("inconsistent-translation"), checks.count("inconsistent-source"),
            checks.count("inconsistent-draft"), len(CONSISTENT)) == (12, 8, 2, 11)


@pytest.mark.parametrize("group", INCONSISTENT, ids=lambda g: g["entries"][0][0][:40])
def test_a_planted_inconsistency_is_one_finding(tmp_path: Path, group: dict[str, Any]) -> None:
    assert [found.issue.check for found in _findings(tmp_path, group)] == [group["check"]]


@pytest.mark.parametrize("group", CONSISTENT, ids=lambda g: g["entries"][0][0][:40])
def test_consistent_repeats_are_left_alone(tmp_path: Path, group: dict[str, Any]) -> None:
    assert _findings(tmp_path, group) == []


def test_a_finding_names_every_variant_and_place_at_the_stray_one(tmp_path: Path) -> None:
    (found,) = _findings(tmp_path, INCONSISTENT[0])
    assert (found.file, found.line, found.locale) == (
        "locales/ru/LC_MESSAGES/articles/a2.po", 7, "ru")
    assert found.issue.message == (
        "translated 2 ways: «Встреча прошла в дружественной и конструктивной атмосфере.» in "
        "locales/ru/LC_MESSAGES/articles/a0.po:7, locales/ru/LC_MESSAGES/articles/a1.po:7; "
        "«Встреча состоялась в дружеской и конструктивной обстановке.» in "
        "locales/ru/LC_MESSAGES/articles/a2.po:7"
    )


def test_normalize_takes_out_what_the_checks_accept() -> None:
    assert normalize("Он  сказал: «Всё\u00a0так»;") == normalize('Он сказал: "Все так".')
    assert normalize("2019–2020") == normalize("2019-2020")
    assert normalize("Встреча прошла.") != normalize("Встреча прошла!")


MEETING = "The meeting was held in a friendly atmosphere."
RECEIVED = "The Secretary-General received the Ambassador of {}."
ARTICLES = {
    "visit-india": [[MEETING, "Встреча прошла в дружественной атмосфере."],
                    [RECEIVED.format("India"), "Генеральный секретарь принял посла Индии."]],
    "visit-iran": [[MEETING, "Встреча прошла в дружественной атмосфере."],
                   [RECEIVED.format("Iran"), "Генеральный секретарь принял посла Индии."]],
    "visit-laos": [[MEETING, "Встреча прошла в дружеской обстановке."]],
    "visit-nepal": [[MEETING, "Встреча прошла в теплой атмосфере.", "fuzzy"]],
}


def test_check_prints_one_line_per_group(tmp_path: Path) -> None:
    (tmp_path / "i18n-kit.toml").write_text(CONFIG, "utf-8")
    (tmp_path / "content").mkdir()
    for slug, entries in ARTICLES.items():
        _write(tmp_path, "ru", slug, entries)
    result = CliRunner().invoke(app, ["check", "--project", str(tmp_path)])
    assert result.exit_code == 0, result.output
    ru = "locales/ru/LC_MESSAGES/articles/"
    assert result.output.splitlines() == [
        f"{ru}visit-iran.po",
        "  11: warning [glossary-term-missing] «Иран» (Iran) is missing from the translation",
        "      content/visit-iran.md: The Secretary-General received the Ambassador of Iran.",
        "  11: warning [inconsistent-source] «Генеральный секретарь принял посла Индии.»"
        " translates 2 different sources: «The Secretary-General received the Ambassador"
        f" of India.» in {ru}visit-india.po:11; «The Secretary-General received the"
        f" Ambassador of Iran.» in {ru}visit-iran.po:11",
        "      content/visit-iran.md: The Secretary-General received the Ambassador of Iran.",
        f"{ru}visit-laos.po",
        "  7: warning [inconsistent-translation] translated 2 ways: «Встреча прошла в"
        f" дружественной атмосфере.» in {ru}visit-india.po:7, {ru}visit-iran.po:7;"
        f" «Встреча прошла в дружеской обстановке.» in {ru}visit-laos.po:7",
        "      content/visit-laos.md: The meeting was held in a friendly atmosphere.",
        f"{ru}visit-nepal.po",
        "  info [fuzzy] 1 fuzzy entry not checked: not published until a translator clears"
        " the flag",
        "  8: info [inconsistent-draft] a fuzzy translation differs: fuzzy «Встреча прошла"
        f" в теплой атмосфере.» in {ru}visit-nepal.po:8; approved «Встреча прошла в"
        f" дружественной атмосфере.» in {ru}visit-india.po:7, {ru}visit-iran.po:7;"
        f" «Встреча прошла в дружеской обстановке.» in {ru}visit-laos.po:7",
        "      content/visit-nepal.md: The meeting was held in a friendly atmosphere.",
        "0 errors, 3 warnings, 2 info in 4 catalogs (5 entries checked, 1 fuzzy skipped)",
    ]
    failing = CliRunner().invoke(app, ["check", "--project", str(tmp_path),
                                       "--fail-on", "warning"])
    assert failing.exit_code == 1


def test_the_scale_benchmark_runs_and_finds_its_planted_variants(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.consistency_scale", "--articles", "20",
         "--folder", str(tmp_path / "archive")],
        cwd=Path(__file__).parents[2], capture_output=True, text=True, check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = [line.split(" in ")[0] for line in done.stdout.splitlines()]
    assert lines == ["wrote 20 articles", "consistency: 2 findings", "proofreading: 0 findings"]
