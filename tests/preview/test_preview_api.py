"""The preview's HTTP API through Starlette's TestClient: pages, saving, and refusals."""

from __future__ import annotations

import json
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

from i18n_kit.catalogs.po import read_catalog
from i18n_kit.config import ProjectConfig
from i18n_kit.pipeline import find_sources, prepare_article
from i18n_kit.preview import MAX_BODY_BYTES, TOKEN_HEADER, create_app, entry_key
from i18n_kit.translation.memory import open_memory
from tests.preview.conftest import (
    SLUG,
    TOKEN,
    ZH_SLUG,
    active_entries,
    catalog_path,
    edit_on_disk,
    entry_blocks,
    find_entry,
    status_of,
)

with warnings.catch_warnings():
    # Starlette 1.x asks for httpx2 in its TestClient; with httpx it works the same.
    warnings.filterwarnings("ignore", "Using `httpx` with")
    from starlette.testclient import TestClient

ORIGIN = "http://testserver"
HEADERS = {TOKEN_HEADER: TOKEN, "Origin": ORIGIN, "Content-Type": "application/json"}


@pytest.fixture
def client(config: ProjectConfig) -> TestClient:
    client = TestClient(create_app(config, token=TOKEN, allowed_hosts={"testserver"}))
    client.config = config  # type: ignore[attr-defined]
    return client


class _Segments(HTMLParser):
    """Every preview segment span's attributes, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "span" and values.get("class") == "i18n-seg":
            self.found.append(values)


def segments_of(html: str) -> list[dict[str, str]]:
    parser = _Segments()
    parser.feed(html)
    return parser.found


def edit_body(path: Path, source_text: str, target_text: str, *, approve: bool,
              locale: str = "ru", slug: str = SLUG) -> dict[str, object]:
    entry = next(e for e in active_entries(read_catalog(path)) if e.msgid == source_text)
    return {
        "slug": slug, "locale": locale, "key": entry_key(source_text),
        "base_text": entry.msgstr, "base_status": status_of(entry),
        "target_text": target_text, "approve": approve,
    }


def test_index_lists_every_article_in_every_locale(client: TestClient,
                                                   config: ProjectConfig) -> None:
    response = client.get("/")
    assert response.status_code == 200
    slugs = {prepare_article(config, s, write_catalogs=False).article.slug
             for s in find_sources(config)}
    links = set(re.findall(r'<a href="(/(?:en|ru|zh)/[^"]+\.html)">', response.text))
    assert links == {f"/{code}/{slug}.html" for slug in slugs for code in config.locales}
    # Counts against the PO: the Russian Dushanbe catalog has two fuzzy entries.
    row = response.text.split(f'<tr data-slug="{SLUG}">')[1].split("</tr>")[0]
    ru = row.split('<td data-locale="ru">')[1].split("</td>")[0]
    entries = active_entries(read_catalog(catalog_path(config, "ru")))
    fuzzy = sum(status_of(e) == "fuzzy" for e in entries)
    assert fuzzy == 2
    assert f'<span data-status="fuzzy" title="Fuzzy: needs review">{fuzzy}</span>' in ru
    assert "Русский" in client.get("/?lang=ru").text.split("<thead>")[1]
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_page_marks_every_segment_with_its_catalog_status(client: TestClient,
                                                          config: ProjectConfig) -> None:
    for code, slug in (("ru", SLUG), ("zh", ZH_SLUG)):
        html = client.get(f"/{code}/{slug}.html").text
        path = catalog_path(config, code, slug)
        entries = {e.msgid: e for e in active_entries(read_catalog(path))}
        segments = segments_of(html)
        assert segments
        for segment in segments:
            entry = entries.get(segment["data-source"])
            assert segment["data-status"] == status_of(entry), segment["data-source"]
            assert segment["data-key"] == entry_key(segment["data-source"])
            assert segment["data-target"] == ("" if entry is None else entry.msgstr)
        assert {s["data-status"] for s in segments} >= {"translated"}
    zh = segments_of(client.get(f"/zh/{ZH_SLUG}.html").text)
    assert {s["data-status"] for s in zh} == {"translated", "fuzzy", "untranslated"}
    human = [s for s in zh if s["data-route"] == "human"]
    assert human and human[0]["data-reason"] == (
        "no TM match >= 75%; no MT provider configured")
    termed = [s for s in zh if s["data-terms"]]
    assert termed and " = " in termed[0]["data-terms"]


def test_source_language_page_is_read_only(client: TestClient) -> None:
    html = client.get(f"/en/{SLUG}.html").text
    assert segments_of(html) == []
    assert 'data-editable="false"' in html
    assert "it has no catalog and cannot be edited here." in html
    response = client.post("/_preview/api/save", headers=HEADERS, json={
        "slug": SLUG, "locale": "en", "key": "x", "base_text": "", "base_status": "translated",
        "target_text": "x", "approve": True,
    })
    assert response.status_code == 400
    assert response.json() == {"error": (
        f"locales/en/LC_MESSAGES/articles/{SLUG}.po: en is the source language of '{SLUG}': "
        "its page has no catalog and is read-only; edit the source article instead"
    )}


def test_built_page_chrome_and_language_switcher_keep_the_article(client: TestClient) -> None:
    html = client.get(f"/ru/{SLUG}.html").text
    assert f'<a href="../zh/{SLUG}.html" hreflang="zh-Hans" lang="zh-Hans">中文</a>' in html
    assert "Государства-члены" in html and "Предпросмотр для редакторов" in html
    assert client.get("/zh/index.html").status_code == 200
    image = client.get("/ru/images/business-council-meeting.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/ru/no-such-article.html", "no article 'no-such-article' in this project"),
        (f"/fr/{SLUG}.html", "no locale 'fr' in this project (en, ru, zh)"),
        ("/ru/%2e%2e/%2e%2e/i18n-kit.toml", "no file '../../i18n-kit.toml' in this project's "
         "content folder"),
        ("/ru/..%2f..%2fi18n-kit.toml", "no file '../../i18n-kit.toml' in this project's "
         "content folder"),
        (f"/ru/{SLUG}.md", f"no file '{SLUG}.md' in this project's content folder"),
        ("/_preview/static/app.py", "no preview file 'app.py'"),
        ("/_preview/static/..%2fapp.py", "no locale '_preview' in this project (en, ru, zh)"),
    ],
)
def test_requests_outside_the_project_are_refused(client: TestClient, url: str,
                                                  message: str) -> None:
    response = client.get(url)
    assert (response.status_code, response.text) == (404, message)


def test_unknown_host_is_refused(config: ProjectConfig) -> None:
    client = TestClient(create_app(config, token=TOKEN), base_url="http://evil.example:8000")
    response = client.get("/")
    assert response.status_code == 403
    assert response.text == (
        "refused: Host 'evil.example:8000' is not this preview; open it at "
        "http://127.0.0.1:<port>/"
    )


def test_approve_rewrites_only_that_entry_and_fills_the_memory(client: TestClient,
                                                                config: ProjectConfig) -> None:
    path = catalog_path(config, "ru")
    before = path.read_text(encoding="utf-8")
    entry = find_entry(path, fuzzy=True)
    body = edit_body(path, entry.msgid, "Лидеры подвели итоги двадцати лет работы.", approve=True)
    response = client.post("/_preview/api/save", headers=HEADERS, json=body)
    assert response.status_code == 200, response.text
    reply = response.json()
    assert (reply["status"], reply["changed"], reply["merged"], reply["memory"]) == (
        "translated", True, False, "added")
    after = path.read_text(encoding="utf-8")
    old_blocks, new_blocks = entry_blocks(before), entry_blocks(after)
    assert len(old_blocks) == len(new_blocks)
    changed = [i for i, (a, b) in enumerate(zip(old_blocks, new_blocks, strict=True)) if a != b]
    assert len(changed) == 1
    assert new_blocks[changed[0]] == (
        "#: content/heads-of-state-council-dushanbe-2021.md\n"
        'msgid ""\n'
        '"The leaders looked back on two decades of joint work and agreed on the "\n'
        '"priorities for the years ahead."\n'
        'msgstr "Лидеры подвели итоги двадцати лет работы."'
    )
    saved = next(e for e in read_catalog(path) if e.msgid == entry.msgid)
    assert not saved.fuzzy and saved.previous_msgid is None
    memory = open_memory(url=None, state_dir=config.state_dir)
    try:
        match = memory.lookup_exact(entry.msgid, source_lang="en", target_lang="ru")
    finally:
        memory.close()
    assert match is not None and match.target_text == "Лидеры подвели итоги двадцати лет работы."


def test_save_without_approving_keeps_fuzzy(client: TestClient, config: ProjectConfig) -> None:
    path = catalog_path(config, "ru")
    entry = find_entry(path, fuzzy=True)
    body = edit_body(path, entry.msgid, "Правка без утверждения.", approve=False)
    response = client.post("/_preview/api/save", headers=HEADERS, json=body)
    assert (response.status_code, response.json()["status"], response.json()["memory"]) == (
        200, "fuzzy", "skipped")
    saved = next(e for e in read_catalog(path) if e.msgid == entry.msgid)
    assert saved.fuzzy and saved.msgstr == "Правка без утверждения."


def test_save_merges_with_a_change_to_another_entry(client: TestClient,
                                                   config: ProjectConfig) -> None:
    path = catalog_path(config, "zh", ZH_SLUG)
    first, second = find_entry(path, empty=True), find_entry(path, empty=True, skip=1)
    page = client.get(f"/zh/{ZH_SLUG}.html").text
    digest = re.search(r'data-digest="([0-9a-f]+)"', page)
    assert digest is not None
    body = edit_body(path, second.msgid, "第二句。", approve=True, locale="zh", slug=ZH_SLUG)
    edit_on_disk(path, first.msgid, "第一句（Poedit）。")  # behind the page's back
    body["base_digest"] = digest.group(1)
    response = client.post("/_preview/api/save", headers=HEADERS, json=body)
    assert (response.status_code, response.json()["merged"]) == (200, True)
    targets = {e.msgid: e.msgstr for e in read_catalog(path)}
    assert (targets[first.msgid], targets[second.msgid]) == ("第一句（Poedit）。", "第二句。")


def test_save_of_an_entry_changed_on_disk_is_refused_with_both_versions(
    client: TestClient, config: ProjectConfig
) -> None:
    path = catalog_path(config, "zh", ZH_SLUG)
    entry = find_entry(path, empty=True)
    body = edit_body(path, entry.msgid, "我的译文。", approve=True, locale="zh", slug=ZH_SLUG)
    edit_on_disk(path, entry.msgid, "别人的译文。")
    on_disk = path.read_bytes()
    response = client.post("/_preview/api/save", headers=HEADERS, json=body)
    assert response.status_code == 409
    assert response.json() == {
        "error": f"locales/zh/LC_MESSAGES/articles/{ZH_SLUG}.po: this sentence was changed on "
        "disk since the page was loaded; nothing was saved: compare both versions, then "
        "reload the page and edit again",
        "theirs": {"target_text": "别人的译文。", "status": "translated"},
        "yours": "我的译文。",
    }
    assert path.read_bytes() == on_disk


def test_a_catalog_saved_elsewhere_shows_on_the_next_load(client: TestClient,
                                                          config: ProjectConfig) -> None:
    path = catalog_path(config, "zh", ZH_SLUG)
    entry = find_entry(path, empty=True)
    assert "由Poedit保存" not in client.get(f"/zh/{ZH_SLUG}.html").text
    edit_on_disk(path, entry.msgid, "由Poedit保存。")
    segments = segments_of(client.get(f"/zh/{ZH_SLUG}.html").text)
    saved = [s for s in segments if s["data-source"] == entry.msgid]
    assert saved and saved[0]["data-status"] == "translated"
    assert saved[0]["data-target"] == "由Poedit保存。"


def test_translations_are_escaped(client: TestClient, config: ProjectConfig) -> None:
    path = catalog_path(config, "zh", ZH_SLUG)
    entry = find_entry(path, empty=True)
    attack = '<img src=x onerror="alert(1)"> & "quoted"'
    body = edit_body(path, entry.msgid, attack, approve=True, locale="zh", slug=ZH_SLUG)
    assert client.post("/_preview/api/save", headers=HEADERS, json=body).status_code == 200
    html = client.get(f"/zh/{ZH_SLUG}.html").text
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; &#34;quoted&#34;" in html or (
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quoted&quot;" in html)


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"Origin": ORIGIN, "Content-Type": "application/json"},
         "refused: missing or wrong session token; reload the page"),
        ({TOKEN_HEADER: "guess", "Origin": ORIGIN, "Content-Type": "application/json"},
         "refused: missing or wrong session token; reload the page"),
        ({TOKEN_HEADER: TOKEN, "Origin": "http://evil.example", "Content-Type": "application/json"},
         "refused: Origin 'http://evil.example' is not this preview (http://testserver)"),
        ({TOKEN_HEADER: TOKEN, "Content-Type": "application/json"},
         "refused: no Origin header; save from the preview page"),
    ],
)
def test_forged_saves_are_refused_and_change_nothing(
    client: TestClient, config: ProjectConfig, headers: dict[str, str], message: str
) -> None:
    path = catalog_path(config, "ru")
    before = path.read_bytes()
    entry = find_entry(path, fuzzy=True)
    body = edit_body(path, entry.msgid, "Взлом.", approve=True)
    response = client.post("/_preview/api/save", headers=headers, content=json.dumps(body))
    assert (response.status_code, response.json()) == (403, {"error": message})
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "content_type", "status", "message"),
    [
        (b"x" * (MAX_BODY_BYTES + 1), "application/json", 413,
         "request body over 65536 bytes; an edit is one sentence"),
        (b"{}", "text/plain", 415, "send the edit as Content-Type: application/json"),
        (b"{not json", "application/json", 400, "bad request: the body is not JSON"),
        (b'{"slug": "x"}', "application/json", 400,
         "bad request: expected a JSON object with slug, locale, key, base_text, base_status, "
         "target_text, approve"),
    ],
)
def test_bad_bodies_are_refused(client: TestClient, content: bytes, content_type: str,
                                status: int, message: str) -> None:
    headers = {**HEADERS, "Content-Type": content_type}
    response = client.post("/_preview/api/save", headers=headers, content=content)
    assert (response.status_code, response.json()) == (status, {"error": message})


def test_approving_an_empty_translation_is_refused(client: TestClient,
                                                   config: ProjectConfig) -> None:
    path = catalog_path(config, "zh", ZH_SLUG)
    entry = find_entry(path, empty=True)
    body = edit_body(path, entry.msgid, "  ", approve=True, locale="zh", slug=ZH_SLUG)
    response = client.post("/_preview/api/save", headers=HEADERS, json=body)
    assert (response.status_code, response.json()) == (400, {"error": (
        f"locales/zh/LC_MESSAGES/articles/{ZH_SLUG}.po: an empty translation cannot be approved; "
        "write one first")})


def test_a_sentence_gone_from_the_catalog_is_a_conflict(client: TestClient,
                                                        config: ProjectConfig) -> None:
    body = {"slug": SLUG, "locale": "ru", "key": "0000000000000000", "base_text": "",
            "base_status": "untranslated", "target_text": "Текст", "approve": False}
    response = client.post("/_preview/api/save", headers=HEADERS, json=body)
    assert response.status_code == 409
    assert response.json()["theirs"] is None and response.json()["yours"] == "Текст"
    assert "this sentence is no longer in the catalog" in response.json()["error"]


LONG = "a" * 5000


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/ru/images/a%00b.png", 400, "bad request: a control character in the path"),
        ("/ru/%0a.png", 404, "Not Found"),  # no route matches a newline
        (f"/ru/{'b' * 300}.png", 404,
         f"no file '{'b' * 200}' in this project's content folder"),
        (f"/ru/images/{LONG}", 404, f"no file '{'images/' + 'a' * 193}' in this project's "
         "content folder"),
        ("/ru/" + "a/" * 600 + "x.png", 404,
         f"no file '{('a/' * 100)}' in this project's content folder"),
        (f"/ru/{LONG}.html", 404, f"no article '{'a' * 200}' in this project"),
        ("/ru/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd", 404,
         "no file '../../../etc/passwd' in this project's content folder"),
        ("/ru/images/%2e%2e/%2e%2e/i18n-kit.toml", 404,
         "no file 'images/../../i18n-kit.toml' in this project's content folder"),
        ("/ru/..%5c..%5ci18n-kit.toml", 404,
         "no file '..\\\\..\\\\i18n-kit.toml' in this project's content folder"),
        ("/ru/%ff%fe.png", 404, "no file '\ufffd\ufffd.png' in this project's content folder"),
        ("/_preview/static/%00", 404, "no preview file '\\x00'"),
    ],
)
def test_bad_urls_are_answered_with_one_line(client: TestClient, url: str, status: int,
                                             message: str) -> None:
    response = client.get(url)  # the TestClient raises on any exception in the app
    assert (response.status_code, response.text) == (status, message)
    assert "default-src" in response.headers["content-security-policy"]


def _every_kind_of_response(client: TestClient) -> dict[str, object]:
    return {
        "index": client.get("/"),
        "page": client.get(f"/ru/{SLUG}.html"),
        "site index": client.get("/ru/index.html"),
        "script": client.get("/_preview/static/preview.js"),
        "style": client.get("/_preview/static/preview.css"),
        "not found": client.get("/ru/no-such.html"),
        "no route": client.get("/a/b/c/d.html/"),
        "wrong method": client.post("/"),
        "refused save": client.post("/_preview/api/save", json={}),
        "bad save": client.post("/_preview/api/save", content=b"[", headers=HEADERS),
    }


def test_every_response_carries_a_content_security_policy(client: TestClient) -> None:
    page_policy = (
        "default-src 'self'; script-src http://testserver/_preview/static/preview.js "
        "'unsafe-hashes' 'sha256-"
    )
    for what, response in _every_kind_of_response(client).items():
        headers = response.headers  # type: ignore[attr-defined]
        assert headers["content-security-policy"].startswith(page_policy), what
        assert headers["x-content-type-options"] == "nosniff", what
    refused = TestClient(create_app(_config_of(client), token=TOKEN), base_url="http://evil.example:8000").get("/")
    assert refused.status_code == 403
    assert "script-src http://evil.example:8000/" in refused.headers["content-security-policy"]


def _config_of(client: TestClient) -> ProjectConfig:
    return client.config  # type: ignore[attr-defined,no-any-return]


def test_content_assets_are_sandboxed_documents_without_script(
    client: TestClient, config: ProjectConfig
) -> None:
    (config.content_dir / "images" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "utf-8")
    for url in ("/ru/images/chart.svg", "/zh/images/business-council-meeting.png"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["content-security-policy"] == (
            "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            "font-src data:; frame-ancestors 'self'"
        )
        assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/ru/images/chart.svg").headers["content-type"] == "image/svg+xml"


def test_a_save_from_a_sandboxed_document_is_refused(client: TestClient,
                                                     config: ProjectConfig) -> None:
    # What a script in a sandboxed asset would send, had it the token: Origin "null".
    path = catalog_path(config, "ru")
    before = path.read_bytes()
    entry = find_entry(path, fuzzy=True)
    body = edit_body(path, entry.msgid, "Подделка.", approve=True)
    response = client.post("/_preview/api/save", json=body,
                           headers={**HEADERS, "Origin": "null"})
    assert (response.status_code, response.json()) == (
        403, {"error": "refused: Origin 'null' is not this preview (http://testserver)"})
    assert path.read_bytes() == before
