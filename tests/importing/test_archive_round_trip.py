"""The issue's round trip: a folder of captured page triples -> import -> sync publishes
three languages with the aligned translations -> check finds nothing the alignment
caused -> the memory serves a new article."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_kit.catalogs.po import read_catalog
from tests.align.pages import write_pages
from tests.cli.conftest import run

CONFIG = '[project]\nname = "news"\nsource_language = "en"\nlocales = ["en", "ru", "zh"]\n'
NEW = """\
---
title: SCO Secretary-General meets the Ambassador of Kazakhstan
date: 2026-06-02
slug: new
---

The parties exchanged views on regional and international issues of mutual interest.
The talks were held in a friendly and constructive atmosphere. The sides agreed to
continue consultations.

The next forum will be held in Bishkek in 2027. The Ambassador presented a new
programme of cultural exchanges.
"""


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "news"
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    write_pages(tmp_path / "pages")
    monkeypatch.chdir(tmp_path)
    return root


def test_an_archive_comes_in_and_serves_new_articles(archive: Path) -> None:
    imported = run("import", "pages", "--project", "news")
    assert imported.exit_code == 0, imported.stderr
    assert sum(1 for line in imported.stdout.splitlines() if line.startswith("imported ")) == 2
    assert "not paired" not in imported.stdout

    synced = run("sync", "--project", "news")
    assert synced.exit_code == 0, synced.stderr
    for lang, sentence in (
        ("ru", "Переговоры прошли в дружественной и конструктивной атмосфере."),
        ("zh", "会谈在友好和建设性的气氛中进行。"),
    ):
        page = (archive / "site" / lang / "sco-secretary-general-meets-the-ambassador-of-"
                "pakistan.html").read_text(encoding="utf-8")
        assert sentence in page.replace("\u00a0", " ").replace("\u202f", " ")

    check = run("check", "--project", "news")
    assert check.exit_code == 0, check.stdout
    assert check.stdout.splitlines()[-1].startswith("0 errors, 0 warnings")

    (archive / "content" / "new.md").write_text(NEW, encoding="utf-8")
    assert run("sync", "--project", "news").exit_code == 0
    routes: dict[str, int] = {}
    for entry in read_catalog(archive / "locales/ru/LC_MESSAGES/articles/new.po"):
        route = next(
            (line.split()[1] for line in entry.comment.splitlines()
             if line.startswith("route: ")), "none",
        )
        routes[route] = routes.get(route, 0) + 1
    # 5 of the new article's 6 segments come from the aligned archive: 4 word for word,
    # the title as a fuzzy match (…of Pakistan) for review; one sentence is new
    assert routes == {"tm": 4, "tm-fuzzy": 1, "human": 1}
