"""Golden catalogs: each tests/data/catalogs/golden/<case>.po, written by format_catalog,
is exactly <case>.expected.po, which is what GNU msgcat writes for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_kit.catalogs.po import format_catalog, new_catalog, new_entry, parse_catalog, read_catalog
from tests.catalogs.gettext_tools import msgcat, msgfmt_check

GOLDEN = Path(__file__).parent.parent / "data" / "catalogs" / "golden"
CASES = sorted(p for p in GOLDEN.glob("*.po") if not p.name.endswith(".expected.po"))


def expected(case: Path) -> str:
    return case.with_suffix(".expected.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_format_catalog_writes_the_golden_text(case: Path) -> None:
    assert format_catalog(read_catalog(case)) == expected(case)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_the_golden_text_is_what_msgcat_writes(case: Path) -> None:
    assert msgcat(case) == expected(case)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_the_golden_text_is_a_fixed_point(case: Path, tmp_path: Path) -> None:
    text = expected(case)
    assert format_catalog(parse_catalog(text, origin=case.name)) == text
    (tmp_path / case.name).write_text(text, encoding="utf-8")
    assert msgfmt_check(tmp_path / case.name).returncode == 0


def test_a_catalog_built_in_code_is_written_as_msgcat_does() -> None:
    catalog = new_catalog(
        header={
            "Project-Id-Version": "sco-newsroom",
            "Language": "zh",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
    )
    catalog.append(
        new_entry(
            msgid="The SCO Secretary-General held a press conference on the results of the "
            "SCO summit.",
            msgstr="上海合作组织秘书长就上海合作组织峰会成果举行新闻发布会，并回答了记者的提问。秘书长表示，峰会成果丰硕。",
            comment="route: mt (no TM match >= 75%)\nterms: SCO = 上海合作组织",
            occurrences=[("content/summit.md", "")],
            flags=["fuzzy"],
            previous_msgid="The SCO Secretary-General held a press conference.",
        )
    )
    catalog.append(new_entry(msgid="News", msgctxt="menu", msgstr="新闻"))
    catalog.append(new_entry(msgid="Old", msgstr="旧", obsolete=True, previous_msgid="Older"))
    assert format_catalog(catalog) == (
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: sco-newsroom\\n"\n'
        '"Language: zh\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=1; plural=0;\\n"\n'
        "\n"
        "#. route: mt (no TM match >= 75%)\n"
        "#. terms: SCO = 上海合作组织\n"
        "#: content/summit.md\n"
        "#, fuzzy\n"
        '#| msgid "The SCO Secretary-General held a press conference."\n'
        'msgid ""\n'
        '"The SCO Secretary-General held a press conference on the results of the SCO "\n'
        '"summit."\n'
        'msgstr ""\n'
        '"上海合作组织秘书长就上海合作组织峰会成果举行新闻发布会，并回答了记者的提问。"\n'
        '"秘书长表示，峰会成果丰硕。"\n'
        "\n"
        'msgctxt "menu"\n'
        'msgid "News"\n'
        'msgstr "新闻"\n'
        "\n"
        '#~| msgid "Older"\n'
        '#~ msgid "Old"\n'
        '#~ msgstr "旧"\n'
    )


def test_an_empty_catalog_is_empty_text() -> None:
    assert format_catalog(new_catalog(header={})) == ""
