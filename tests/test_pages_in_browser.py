"""Built pages as a reader sees them: opened in a real Chromium (Debian's, via Playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from i18n_kit.config import load_config
from i18n_kit.pipeline import sync
from i18n_kit.project import create_project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sco")
    create_project(root / "sco", example=True)
    sync(load_config(root / "sco" / "i18n-kit.toml"))
    return root / "sco" / "site"


def test_russian_page_reads_as_russian_with_marked_fallbacks(browser: Browser, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "ru" / "rats-council-meeting-tashkent-2024.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "ru"
    nav = page.locator("nav.site-nav").inner_text()
    assert "Государства-члены" in nav and "Партнёры по\u00a0диалогу" in nav
    assert "Member States" not in page.locator("body").inner_text()
    fallback_langs = page.locator(".i18n-fallback").evaluate_all("els => els.map(e => e.lang)")
    assert set(fallback_langs) <= {"en"}
    page.close()


def test_language_switcher_leads_to_the_same_article(browser: Browser, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "en" / "youth-forum-tashkent-2021.html").as_uri())
    page.get_by_role("link", name="中文").click()
    page.wait_for_load_state()
    assert page.url.endswith("/zh/youth-forum-tashkent-2021.html")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert "上海合作组织" in page.locator("header.site-header").inner_text()
    page.close()


def test_index_links_every_article(browser: Browser, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "zh" / "index.html").as_uri())
    hrefs = page.locator("main a[href$='.html']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    articles = sorted(p.name for p in (site / "zh").glob("*.html") if p.name != "index.html")
    assert sorted(set(hrefs)) == articles
    for href in sorted(set(hrefs))[:2]:
        page.goto((site / "zh" / href).as_uri())
        assert page.locator("h1").count() == 1
    page.close()


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's nine articles, four to an index page: three pages per locale."""
    root = tmp_path_factory.mktemp("paged")
    create_project(root / "sco", example=True)
    config = root / "sco" / "i18n-kit.toml"
    text = config.read_text("utf-8").replace("[build]\n", "[build]\npage_size = 4\n")
    config.write_text(text, encoding="utf-8")
    sync(load_config(config))
    return root / "sco" / "site"


@pytest.mark.parametrize(("code", "previous", "following", "second"), [
    ("ru", "Предыдущая страница", "Следующая страница", "Страница 2 из\u00a03"),
    ("zh", "上一页", "下一页", "第2页，共3页"),
    ("en", "Previous page", "Next page", "Page 2 of 3"),
])
def test_index_pages_lead_to_each_other_with_localized_labels(
    browser: Browser, paged_site: Path, code: str, previous: str, following: str, second: str
) -> None:
    page = browser.new_page()
    page.goto((paged_site / code / "index.html").as_uri())
    nav = page.locator("nav.pagination")
    assert nav.locator("a[rel=prev]").count() == 0
    assert page.locator("head link[rel=next]").get_attribute("href") == "index-2.html"
    seen = page.locator(".news-list a").evaluate_all("els => els.map(e => e.href)")
    nav.get_by_role("link", name=following).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{code}/index-2.html")
    assert page.locator("nav.pagination .page-number").inner_text() == second
    assert page.locator("head link[rel=prev]").get_attribute("href") == "index.html"
    seen += page.locator(".news-list a").evaluate_all("els => els.map(e => e.href)")
    page.locator("nav.pagination a[rel=next]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{code}/index-3.html")
    assert page.locator("nav.pagination a[rel=next]").count() == 0
    seen += page.locator(".news-list a").evaluate_all("els => els.map(e => e.href)")
    articles = sorted(p.name for p in (paged_site / code).glob("*.html")
                      if not p.name.startswith("index"))
    assert sorted(href.rsplit("/", 1)[1] for href in seen) == articles  # each once
    page.get_by_role("link", name=previous).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{code}/index-2.html")
    page.close()
