"""The seed page (../shared/seed/ beside the repository; its README keeps it out of the
repository's tests data) imports to a clean article that syncs with no page-script finding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import run

SEED = Path(__file__).parents[2].parent / "shared" / "seed" / "000_5ebd3e9147405e68.txt"
CONFIG = '[project]\nname = "news"\nsource_language = "en"\nlocales = ["en", "ru", "zh"]\n'
SLUG = "sco-secretary-generals-press-conference-on-the-results-of"


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not SEED.is_file():
        pytest.fail(f"the seed page is missing: expected it at {SEED}")
    root = tmp_path / "news"
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "seed.txt")
    monkeypatch.chdir(tmp_path)
    return root


def test_seed_page_imports_without_its_chrome(seed: Path) -> None:
    result = run("import", "seed.txt", "--project", "news")

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"imported seed.txt as content/{SLUG}.md (en): kept 230 lines, dropped 42 lines\n"
        "  1-12      dropped  before the title (9 lines)\n"
        "  13        kept     title\n"
        "  14        kept     date\n"
        "  16-411    kept     article (228 lines)\n"
        "  414-417   dropped  after the article's last sentence (3 lines)\n"
        "  421-440   dropped  list of other articles (20 lines)\n"
        "  441-452   dropped  after the article (10 lines)\n"
    )
    text = (seed / "content" / f"{SLUG}.md").read_text("utf-8")
    assert text.startswith(
        "---\n"
        "title: SCO Secretary-General's press conference on the results of the SCO Summit\n"
        "date: 2020-11-18 17:07\n"
        f"slug: {SLUG}\n"
        "lang: en\n"
        "---\n\n"
        "On 16 November 2020, the SCO Secretariat hosted a press conference by\u00a0SCO"
    )
    assert text.endswith("Secretariats of\u00a0ESCAP, WHO and EAEC.\n")
    for chrome in ("12:36Abu Dhabi", "Add Comment", "Leave a comment", "Партнеры",
                   "Make Infoshos", "Model SCO winners", "орфографической"):
        assert chrome not in text
    assert not any("\u0400" <= char <= "\u04ff" for char in text)


def test_seed_article_syncs_with_no_page_script_finding(seed: Path) -> None:
    assert run("import", "seed.txt", "--project", "news").exit_code == 0

    synced = run("sync", "--project", "news")
    checked = run("check", "--project", "news")

    assert synced.exit_code == 0, synced.output
    assert "1 articles (1 read, 235 segments)" in synced.stdout
    assert checked.exit_code == 0, checked.output
    assert "page-script" not in checked.stdout
    assert checked.stdout.startswith("0 errors, 0 warnings"), checked.stdout
