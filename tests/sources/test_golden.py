"""Golden pairs: every tests/data/sources/<case>.<md|html|txt> reads to <case>.expected.json.

Regenerate with ``python -m tests.sources.make_expected`` and review the diff by eye.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_kit.errors import SourceError
from tests.sources.article_json import BAD, dump_article, golden_cases, read_case

CASES = golden_cases()
EXPECTED_ERRORS = dict(
    line.split(": ", 1) for line in (BAD / "expected.txt").read_text("utf-8").splitlines()
)


def test_there_are_enough_cases_of_each_format() -> None:
    suffixes = [case.suffix for case in CASES]
    assert (suffixes.count(".md"), suffixes.count(".html"), suffixes.count(".txt")) >= (6, 4, 3)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_source_reads_to_its_golden_article(case: Path, tmp_path: Path) -> None:
    expected = case.with_name(case.stem + ".expected.json").read_text("utf-8")
    assert dump_article(read_case(case, tmp_path)) == expected


def test_every_bad_case_has_an_expected_line() -> None:
    assert sorted(EXPECTED_ERRORS) == sorted(
        p.name for p in BAD.iterdir() if p.name != "expected.txt"
    )


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_bad_source_gives_one_exact_line(name: str, tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_case(BAD / name, tmp_path)
    assert str(caught.value) == EXPECTED_ERRORS[name]
    assert "\n" not in str(caught.value)
