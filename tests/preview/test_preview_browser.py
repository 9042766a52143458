"""The preview in a real Chromium (Debian's, driven by Playwright) against a live server."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page

from i18n_kit.catalogs.po import read_catalog
from i18n_kit.config import ProjectConfig
from i18n_kit.preview import create_app, entry_key
from tests.preview.conftest import (
    SLUG,
    ZH_SLUG,
    active_entries,
    catalog_path,
    edit_on_disk,
    find_entry,
    status_of,
)

SAVE_URL = "/_preview/api/save"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(config: ProjectConfig) -> Iterator[str]:
    """The real app, served by uvicorn on 127.0.0.1 in a thread, as `i18n-kit preview` does."""
    port = _free_port()
    live = uvicorn.Server(
        uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning",
                       lifespan="off")
    )
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not live.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    live.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(5000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def _open_editor(page: Page, source_text: str) -> None:
    segments = page.locator(".article .i18n-seg")
    index = segments.evaluate_all(
        "(els, text) => els.findIndex(e => e.dataset.source === text)", source_text
    )
    assert index >= 0, source_text
    segment = segments.nth(index)
    segment.click()
    page.locator("#i18n-editor[open]").wait_for()


def _message(page: Page) -> str:
    message = page.locator('#i18n-editor [data-field="message"]')
    page.wait_for_function(
        "() => ['ok', 'conflict', 'error'].includes("
        "document.querySelector('#i18n-editor [data-field=\"message\"]').dataset.kind)"
    )
    return message.inner_text()


def test_index_lists_every_page_and_leads_to_it(
    page: Page, server: str, config: ProjectConfig, tmp_path: Path
) -> None:
    page.goto(server + "/")
    page.screenshot(path=str(tmp_path / "preview-index.png"), full_page=True)
    rows = page.locator("table.i18n-index tbody tr")
    links = page.locator("table.i18n-index tbody td a")
    assert links.count() == rows.count() * len(config.locales) == 9 * 3
    cell = page.locator(f'tr[data-slug="{SLUG}"] td[data-locale="ru"]')
    assert cell.locator('[data-status="fuzzy"]').inner_text() == "2"
    cell.locator("a").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/ru/{SLUG}.html"
    assert page.evaluate("document.documentElement.lang") == "ru"
    page.screenshot(path=str(tmp_path / "preview-page.png"), full_page=True)
    assert (tmp_path / "preview-index.png").stat().st_size > 0
    assert (tmp_path / "preview-page.png").stat().st_size > 0


def test_language_switcher_keeps_the_article(page: Page, server: str) -> None:
    page.goto(f"{server}/ru/{SLUG}.html")
    page.locator("nav.language-switcher").get_by_role("link", name="中文").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/zh/{SLUG}.html"
    assert "上海合作组织" in page.locator("header.site-header").inner_text()
    page.locator("nav.language-switcher").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/en/{SLUG}.html"
    assert page.locator(".i18n-seg").count() == 0  # the original: read-only
    assert "cannot be edited here" in page.locator("#i18n-preview").inner_text()


def test_overlay_shows_the_catalog_status_of_every_segment(
    page: Page, server: str, config: ProjectConfig
) -> None:
    page.goto(f"{server}/zh/{ZH_SLUG}.html")
    path = catalog_path(config, "zh", ZH_SLUG)
    entries = {e.msgid: e for e in active_entries(read_catalog(path))}
    shown = page.locator(".article .i18n-seg").evaluate_all(
        "els => els.map(e => [e.dataset.source, e.dataset.status, e.dataset.route,"
        " getComputedStyle(e).backgroundColor])"
    )
    assert len(shown) >= len(entries)
    colours = {"translated": "rgb(230, 244, 231)", "fuzzy": "rgb(255, 241, 204)",
               "untranslated": "rgb(253, 227, 227)"}
    for source, status, _route, background in shown:
        assert status == status_of(entries.get(source)), source
        assert background == colours[status]
    assert {status for _, status, _, _ in shown} == set(colours)
    legend = page.locator(".i18n-legend").inner_text()
    assert "已翻译" in legend and "未翻译" in legend

    fuzzy = page.locator('.article .i18n-seg[data-status="fuzzy"]').first
    fuzzy.hover()
    tooltip = page.locator("#i18n-tooltip")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert (fuzzy.get_attribute("data-source") or "?") in text
    assert "路径: tm-fuzzy" in text and "原因: 81% match >= 75%" in text

    page.locator('[data-action="overlay"]').uncheck()
    assert page.evaluate("document.body.classList.contains('i18n-overlay')") is False
    assert fuzzy.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"

    page.locator('[data-action="side-by-side"]').check()
    rows = page.locator("table.i18n-sbs tbody tr")
    assert rows.count() > 5
    assert page.locator(".article-body").is_hidden()
    first = rows.first.locator("td").nth(0).inner_text()
    assert first == "RATS Council holds its regular meeting in Tashkent"
    page.locator('[data-action="side-by-side"]').uncheck()
    assert page.locator("table.i18n-sbs").count() == 0


def test_editing_and_approving_writes_the_po(page: Page, server: str,
                                             config: ProjectConfig) -> None:
    path = catalog_path(config, "ru")
    entry = find_entry(path, fuzzy=True)
    page.goto(f"{server}/ru/{SLUG}.html")
    _open_editor(page, entry.msgid)
    assert page.locator('#i18n-editor [data-field="source"]').inner_text() == entry.msgid
    textarea = page.locator("#i18n-editor textarea")
    assert textarea.input_value() == entry.msgstr
    textarea.fill("Лидеры подвели итоги двадцати лет совместной работы.")
    page.locator('#i18n-editor [data-action="approve"]').click()
    assert _message(page) == "Сохранено."
    saved = next(e for e in read_catalog(path) if e.msgid == entry.msgid)
    assert saved.msgstr == "Лидеры подвели итоги двадцати лет совместной работы."
    assert not saved.fuzzy
    segment = page.locator(".article .i18n-seg").filter(
        has_text="Лидеры подвели итоги двадцати лет совместной работы."
    )
    assert segment.get_attribute("data-status") == "translated"
    assert page.locator('.i18n-legend [data-status="fuzzy"] .i18n-count').inner_text() == "1"


def test_concurrent_changes_merge_or_are_refused(page: Page, server: str,
                                                 config: ProjectConfig) -> None:
    path = catalog_path(config, "zh", ZH_SLUG)
    first, second = find_entry(path, empty=True), find_entry(path, empty=True, skip=1)
    page.goto(f"{server}/zh/{ZH_SLUG}.html")
    edit_on_disk(path, first.msgid, "第一句，由Poedit保存。")  # behind the page's back
    _open_editor(page, second.msgid)
    page.locator("#i18n-editor textarea").fill("第二句。")
    page.locator('#i18n-editor [data-action="save"]').click()
    assert _message(page) == "已保存。目录文件中还有其他改动，均已保留。"
    targets = {e.msgid: e.msgstr for e in read_catalog(path)}
    assert (targets[first.msgid], targets[second.msgid]) == ("第一句，由Poedit保存。", "第二句。")

    edit_on_disk(path, second.msgid, "第二句，别人改过。")  # the same entry, behind the page
    on_disk = path.read_bytes()
    page.locator("#i18n-editor textarea").fill("第二句，我又改了。")
    page.locator('#i18n-editor [data-action="approve"]').click()
    assert _message(page).startswith("未保存：页面加载后，此句已在文件中被修改。")
    conflict = page.locator('#i18n-editor [data-field="conflict"]')
    assert conflict.is_visible()
    assert conflict.locator('[data-field="theirs"]').inner_text() == "第二句，别人改过。"
    assert conflict.locator('[data-field="yours"]').inner_text() == "第二句，我又改了。"
    assert path.read_bytes() == on_disk


def test_markup_in_a_translation_shows_as_text(page: Page, server: str,
                                               config: ProjectConfig) -> None:
    path = catalog_path(config, "zh", ZH_SLUG)
    entry = find_entry(path, empty=True)
    attack = '<img src=x onerror="window.__xss = 1">'
    page.goto(f"{server}/zh/{ZH_SLUG}.html")
    _open_editor(page, entry.msgid)
    page.locator("#i18n-editor textarea").fill(attack)
    page.locator('#i18n-editor [data-action="approve"]').click()
    assert _message(page) == "已保存。"
    page.reload()
    assert page.locator('img[src="x"]').count() == 0
    assert page.evaluate("window.__xss") is None
    assert attack in page.locator(".article-body").inner_text()
    _open_editor(page, entry.msgid)
    assert page.locator("#i18n-editor textarea").input_value() == attack


def test_forged_posts_are_refused(page: Page, server: str, config: ProjectConfig) -> None:
    path = catalog_path(config, "ru")
    before = path.read_bytes()
    entry = find_entry(path, fuzzy=True)
    page.goto(f"{server}/ru/{SLUG}.html")
    token = page.locator('meta[name="i18n-preview-token"]').get_attribute("content")
    assert token
    body = json.dumps({
        "slug": SLUG, "locale": "ru", "key": entry_key(entry.msgid),
        "base_text": entry.msgstr, "base_status": "fuzzy", "target_text": "Взлом.",
        "approve": True,
    })
    no_token = page.request.post(server + SAVE_URL, data=body, headers={
        "Content-Type": "application/json", "Origin": server})
    assert no_token.status == 403
    assert no_token.json() == {"error": "refused: missing or wrong session token; reload the page"}
    wrong_origin = page.request.post(server + SAVE_URL, data=body, headers={
        "Content-Type": "application/json", "Origin": "http://evil.example",
        "X-Preview-Token": token})
    assert wrong_origin.status == 403
    # Another origin (localhost is not 127.0.0.1 to a browser) posting as a form would.
    page.goto(server.replace("127.0.0.1", "localhost") + "/")
    status = page.evaluate(
        """async ([url, body]) => {
            try {
                const r = await fetch(url, {method: "POST", mode: "no-cors", body: body,
                                            headers: {"Content-Type": "text/plain"}});
                return r.type;
            } catch (e) { return "blocked"; }
        }""",
        [server + SAVE_URL, body],
    )
    assert status in ("opaque", "blocked")
    assert path.read_bytes() == before


def _attack(body: dict[str, object]) -> str:
    """Script that reads a preview page's session token and approves an edit with it."""
    return (
        "document.documentElement.setAttribute('data-ran', '1');"
        f"fetch('/ru/{SLUG}.html').then(r => r.text()).then(html => {{"
        "  const token = html.match(/i18n-preview-token\" content=\"([^\"]+)\"/)[1];"
        "  window.top.document.documentElement.setAttribute('data-token', token);"
        "  return fetch('/_preview/api/save', {method: 'POST', headers: {"
        "    'Content-Type': 'application/json', 'X-Preview-Token': token},"
        f"    body: JSON.stringify({json.dumps(body)})}});"
        "}).then(r => document.documentElement.setAttribute('data-status', r.status))"
        ".catch(e => document.documentElement.setAttribute('data-error', String(e)));"
    )


def _forged_approval(config: ProjectConfig) -> dict[str, object]:
    path = catalog_path(config, "ru")
    entry = find_entry(path, fuzzy=True)
    return {
        "slug": SLUG, "locale": "ru", "key": entry_key(entry.msgid), "base_text": entry.msgstr,
        "base_status": "fuzzy", "target_text": "Подделка.", "approve": True,
    }


def test_a_script_in_an_svg_under_content_cannot_reach_the_token_or_the_api(
    page: Page, server: str, config: ProjectConfig
) -> None:
    svg = config.content_dir / "images" / "chart.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        f"<script>{_attack(_forged_approval(config))}</script>"
        '<rect width="10" height="10" fill="teal"/></svg>',
        encoding="utf-8",
    )
    catalog = catalog_path(config, "ru").read_bytes()
    response = page.goto(f"{server}/ru/images/chart.svg")
    assert response is not None and response.status == 200
    assert response.headers["content-security-policy"].startswith("sandbox; default-src 'none'")
    page.wait_for_timeout(1500)  # time enough for the fetches the script would make
    # Playwright's evaluate runs beside the page's CSP: it reads what the script did.
    marks = page.evaluate(
        "[...document.documentElement.attributes].map(a => a.name)"
        ".filter(n => n.startsWith('data-'))"
    )
    assert marks == []
    assert catalog_path(config, "ru").read_bytes() == catalog


def test_a_script_among_the_content_assets_does_not_run_in_a_page(
    page: Page, server: str, config: ProjectConfig
) -> None:
    # Raw HTML in an article is copied into its page: it may name a file under content/,
    # which the page's script-src must not allow (it would run with the page's token).
    (config.content_dir / "images" / "tracker.js").write_text(
        _attack(_forged_approval(config)), encoding="utf-8")
    source = config.content_dir / f"{SLUG}.md"
    source.write_text(
        source.read_text("utf-8") + '\n<script src="images/tracker.js"></script>\n', "utf-8")
    catalog = catalog_path(config, "ru").read_bytes()
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{server}/ru/{SLUG}.html")
    assert page.locator('script[src="images/tracker.js"]').count() == 1
    page.wait_for_timeout(1500)
    assert page.evaluate("document.documentElement.getAttribute('data-ran')") is None
    assert page.evaluate("document.documentElement.getAttribute('data-token')") is None
    assert catalog_path(config, "ru").read_bytes() == catalog
    assert any("tracker.js" in violation for violation in violations)
    # The preview's own script still runs: segments can be opened for editing.
    assert page.locator(".article .i18n-seg").count() > 0
    assert page.evaluate("document.body.classList.contains('i18n-overlay')") is True
