"""Checks on built pages: lang, script of text and chrome, internal links."""

from __future__ import annotations

from pathlib import Path

from i18n_kit.checks.pages import check_pages
from i18n_kit.config import load_config
from i18n_kit.pipeline import sync
from i18n_kit.project import create_project

EN_PAGE = """\
<!DOCTYPE html>
<html>
<body>
<nav><a href="index.html">Главная</a> <a href="../ru/summit.html" lang="ru">Русский</a></nav>
<main id="content">
<div class="article-body"><p>The summit opened. <span lang="ru">Саммит открылся.</span></p>
<p>See <a href="missing.html">this</a>, <a href="index.html#news">news</a>,
<a href="index.html#nowhere">x</a>, <a href="#content">top</a>,
<a href="https://sco.int/">SCO</a> and <a href="../../secret.html">y</a>.</p></div>
</main>
</body>
</html>
"""

RU_PAGE = """\
<!DOCTYPE html>
<html lang="ru">
<body>
<nav aria-label="Language"><a href="summit.html">Home</a></nav>
<main><div class="article-body"><p>Сеть Telegram и COVID-19.</p><p>会议</p></div>
<section class="related"><h2>Похожие новости</h2><a href="summit.html">Summit opened</a></section>
</main>
</body>
</html>
"""


def test_page_findings(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "ru").mkdir()
    (site / "en" / "summit.html").write_text(EN_PAGE, "utf-8")
    (site / "en" / "index.html").write_text('<html lang="en"><h1 id="news">News</h1>', "utf-8")
    (site / "ru" / "summit.html").write_text(RU_PAGE, "utf-8")
    found = [
        (f.path.relative_to(site).as_posix(), f.line, f.locale_code, f.issue.check,
         f.issue.message)
        for f in check_pages(site, ["en", "ru", "zh"])
    ]
    assert found == [
        ("en/summit.html", 2, "en", "page-lang", '<html> has no lang attribute; add lang="en"'),
        ("en/summit.html", 4, "en", "page-script",
         "Cyrillic text «Главная» where the page says the text is English"),
        ("en/summit.html", 7, "en", "page-links", "«missing.html»: no such file in the site"),
        ("en/summit.html", 8, "en", "page-links",
         "«index.html#nowhere»: the page has no id «nowhere»"),
        ("en/summit.html", 9, "en", "page-links",
         "«../../secret.html» points outside the site folder"),
        ("ru/summit.html", 4, "ru", "page-script",
         "Latin text «Language» in the site chrome where the page says the text is Russian"),
        ("ru/summit.html", 4, "ru", "page-script",
         "Latin text «Home» in the site chrome where the page says the text is Russian"),
        ("ru/summit.html", 5, "ru", "page-script",
         "Chinese text «会议» where the page says the text is Russian"),
    ]


def test_the_example_site_is_clean(tmp_path: Path) -> None:
    create_project(tmp_path / "sco", example=True)
    sync(load_config(tmp_path / "sco" / "i18n-kit.toml"))
    assert list(check_pages(tmp_path / "sco" / "site", ["en", "ru", "zh"])) == []


def test_an_untranslated_title_is_not_a_page_error(tmp_path: Path) -> None:
    # The English page of a Russian article with nothing translated: the h1 falls back
    # inside <span lang="ru">, and <title> mirrors it without a way to mark the part.
    root = tmp_path / "news"
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text("", encoding="utf-8")
    (root / "content" / "forum.md").write_text(
        "---\ntitle: Молодёжный форум ШОС\nlang: ru\n---\n\nФорум прошёл в Ташкенте.\n",
        encoding="utf-8",
    )
    sync(load_config(root / "i18n-kit.toml"))
    assert "<title>Молодёжный форум ШОС |" in (root / "site/en/forum.html").read_text("utf-8")
    assert list(check_pages(root / "site", ["en", "ru", "zh"])) == []
