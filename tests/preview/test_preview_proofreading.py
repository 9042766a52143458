"""The preview lists the source article's proofreading findings on every page of it."""

from __future__ import annotations

import warnings
from pathlib import Path

from typer.testing import CliRunner

from i18n_kit.cli import app
from i18n_kit.config import load_config
from i18n_kit.preview import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "Using `httpx` with")
    from starlette.testclient import TestClient

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
The member states noted the commn approach.
"""

FINDINGS = (
    "<li>content/coordinators.md:7: warning [source-doubled-word] «of the of the»: a phrase"
    " written twice</li><li>content/coordinators.md:8: warning [source-spelling] «commn» is"
    " not in the en dictionary; did you mean «common»?</li>"
)


def _client(tmp_path: Path, config: str = CONFIG) -> TestClient:
    (tmp_path / "i18n-kit.toml").write_text(config, "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "coordinators.md").write_text(ARTICLE, "utf-8")
    assert CliRunner().invoke(app, ["sync", "--project", str(tmp_path)]).exit_code == 0
    project = load_config(tmp_path / "i18n-kit.toml")
    return TestClient(create_app(project, token="t", allowed_hosts={"testserver"}))


def test_every_page_of_the_article_lists_the_source_findings(tmp_path: Path) -> None:
    client = _client(tmp_path)
    for locale in ("en", "ru", "zh"):
        page = client.get(f"/{locale}/coordinators.html")
        assert page.status_code == 200
        assert FINDINGS in page.text, locale
    ru = client.get("/ru/coordinators.html").text
    assert '<p class="i18n-label">Вычитка оригинала</p>' in ru


def test_a_disabled_check_is_not_listed_and_severity_follows_the_project(
        tmp_path: Path) -> None:
    client = _client(tmp_path, CONFIG + '\n[checks]\ndisable = ["source-doubled-word"]\n'
                     'severity = { "source-spelling" = "error" }\n')
    page = client.get("/en/coordinators.html").text
    assert "source-doubled-word" not in page
    assert ("<li>content/coordinators.md:8: error [source-spelling] «commn» is not in the en"
            " dictionary; did you mean «common»?</li>") in page
