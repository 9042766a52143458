"""i18n-kit.toml: defaults, and one exact error line per bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_kit.config import load_config
from i18n_kit.errors import ConfigError
from i18n_kit.model import Severity

BAD = Path(__file__).parent / "data" / "config" / "bad"
EXPECTED = dict(
    line.split(": ", 1) for line in (BAD / "expected.txt").read_text("utf-8").splitlines()
)


def test_every_bad_case_has_an_expected_line() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in BAD.glob("*.toml"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_config_gives_one_exact_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / "i18n-kit.toml"
    path.write_bytes((BAD / name).read_bytes())
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == EXPECTED[name]


def test_defaults(tmp_path: Path) -> None:
    path = tmp_path / "i18n-kit.toml"
    path.write_text("", encoding="utf-8")
    config = load_config(path)
    assert config.locales == ("en", "ru", "zh")
    assert config.source_language == "en"
    assert config.content_dir == tmp_path.resolve() / "content"
    assert config.threshold_for("ru") == 80.0
    assert config.page_size == 50
    assert config.checks_fail_on is Severity.ERROR
    assert config.checks_severity == {}
    assert config.checks_disabled == ()


def test_per_locale_threshold(tmp_path: Path) -> None:
    path = tmp_path / "i18n-kit.toml"
    path.write_text("[build]\nthreshold = 70\n[build.thresholds]\nzh = 95\n", encoding="utf-8")
    config = load_config(path)
    assert (config.threshold_for("ru"), config.threshold_for("zh")) == (70.0, 95.0)


def test_checks_fail_on_and_severity_overrides(tmp_path: Path) -> None:
    path = tmp_path / "i18n-kit.toml"
    path.write_text(
        '[checks]\nfail_on = "warning"\ndisable = ["length-ratio"]\n'
        'severity = { "zh-punctuation" = "error", "numbers" = "info" }\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.checks_fail_on is Severity.WARNING
    assert config.checks_severity == {"zh-punctuation": Severity.ERROR,
                                       "numbers": Severity.INFO}
    assert config.checks_disabled == ("length-ratio",)


def test_checks_severity_as_a_table_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "i18n-kit.toml"
    path.write_text('[checks.severity]\nru-quotes = "error"\nfuzzy = "warning"\n',
                    encoding="utf-8")
    config = load_config(path)
    assert config.checks_fail_on is Severity.ERROR
    assert config.checks_severity == {"ru-quotes": Severity.ERROR, "fuzzy": Severity.WARNING}
