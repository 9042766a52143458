"""One contract, every provider supported offline, over real HTTP to a server on 127.0.0.1.

Covered here through deep-translator's own provider classes, their base URL pointed at the
local server: libre, deepl, google, mymemory, yandex. Not covered offline: microsoft
(deep-translator's constructor fetches the language list from a fixed Microsoft URL).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from i18n_kit.translation.machine import MtSettings, create_translator
from i18n_kit.translation.mt_runner import MtResult, translate_texts
from tests.translation.libre_server import Mode, Server, fake_translation, run_server


@dataclass(frozen=True)
class Case:
    provider: str
    path: str  # where the test server serves this provider's API
    keyed: bool


CASES = [
    Case("libre", "", keyed=True),  # the key is optional for LibreTranslate
    Case("deepl", "/deepl/v2", keyed=True),
    Case("google", "/google/m", keyed=False),
    Case("mymemory", "/mymemory/get", keyed=False),
    Case("yandex", "/yandex", keyed=True),
]
KEY = "contract-key"


@pytest.fixture(params=CASES, ids=[c.provider for c in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    value: Case = request.param
    return value


def translate(
    server: Server, case: Case, texts: list[str], *, target: str = "ru", key: str = KEY,
    **settings: object,
) -> list[MtResult]:
    config = MtSettings(
        provider=case.provider, url=server.url + case.path,
        api_key_env="MT_KEY" if case.keyed else None, **settings,  # type: ignore[arg-type]
    )
    translator = create_translator(config, {"MT_KEY": key})
    return translate_texts(texts, source_lang="en", target_lang=target, translator=translator,
                           settings=config, sleep=lambda _: None)


def ok(text: str, target: str = "ru") -> MtResult:
    return MtResult(source_text=text, target_text=fake_translation(text, target), failure=None)


def test_translates_each_distinct_text_once(case: Case) -> None:
    texts = ["The [1] summit opened.", "Delegations arrived.", "The [1] summit opened."]
    with run_server(Mode(api_key=KEY if case.keyed else None)) as server:
        results = translate(server, case, texts)
        assert results == [ok(texts[0]), ok(texts[1]), ok(texts[0])]
        assert sorted(server.texts) == sorted(texts[:2])


def test_chinese_target(case: Case) -> None:
    with run_server() as server:
        assert translate(server, case, ["Astana"], target="zh") == [ok("Astana", "zh")]


def test_a_slow_answer_within_the_timeout_is_kept(case: Case) -> None:
    with run_server(Mode(delay=0.2)) as server:
        assert translate(server, case, ["Slow"], timeout=2.0) == [ok("Slow")]


def test_429_is_retried(case: Case) -> None:
    with run_server(Mode(fail_status=429, fail_first=2)) as server:
        assert translate(server, case, ["Busy"], retries=3) == [ok("Busy")]
        assert len(server.requests) == 3


def test_500_is_retried_then_reported(case: Case) -> None:
    with run_server(Mode(fail_status=500)) as server:
        results = translate(server, case, ["Down"], retries=2, failures_before_giving_up=5)
        assert len(server.requests) == 2
    assert results[0].failure == "server error (HTTP 500) after 2 tries"


def test_400_is_not_retried(case: Case) -> None:
    with run_server(Mode(fail_status=400)) as server:
        results = translate(server, case, ["Bad"], retries=3)
        assert len(server.requests) == 1
    assert results[0].failure == "request rejected (HTTP 400)"


# google answers an HTML page, not JSON: see test_google_page_without_a_translation
@pytest.mark.parametrize("case", [c for c in CASES if c.provider != "google"],
                         ids=lambda c: c.provider)
def test_malformed_json_is_a_failure(case: Case) -> None:
    with run_server(Mode(malformed=True)) as server:
        results = translate(server, case, ["Garbled"], retries=3)
        assert len(server.requests) == 1
    assert results[0].failure == "malformed response (JSONDecodeError)"


def test_an_absurd_answer_is_a_failure(case: Case) -> None:
    with run_server(Mode(reply="spam" * 100)) as server:
        results = translate(server, case, ["Short"])
    assert results[0].failure == "malformed response (400 characters for a 5-character source)"


def test_a_hung_server_ends_in_bounded_time(case: Case) -> None:
    with run_server(Mode(hang=True)) as server:
        started = time.monotonic()
        results = translate(server, case, [f"Segment {n}" for n in range(20)], timeout=0.3)
        took = time.monotonic() - started
        # 2 rounds of 2 parallel requests, then the breaker: nothing else is sent
        assert len(server.requests) == 4
    assert took < 1.5
    assert {r.failure for r in results} == {
        "provider gave up after 3 consecutive failures (last: timeout)"
    } or {r.failure for r in results} == {
        "provider gave up after 3 consecutive failures (last: timeout (no answer within 0.3 s))"
    }


@pytest.mark.parametrize("case", [c for c in CASES if c.keyed], ids=lambda c: c.provider)
def test_a_wrong_key_gives_up_at_once(case: Case) -> None:
    with run_server(Mode(api_key="another")) as server:
        results = translate(server, case, ["a", "b", "c"], concurrency=1)
        assert len(server.requests) == 1
    assert {r.failure for r in results} == {"provider gave up: API key rejected (HTTP 403)"}


def test_google_page_without_a_translation() -> None:
    with run_server(Mode(malformed=True)) as server:
        results = translate(server, CASES[2], ["Garbled"])
    assert results[0].failure == "malformed response (TranslationNotFound)"


def test_a_sync_against_a_hung_provider_with_timeout_2() -> None:
    """The issue's figure: how long 20 segments take against a provider that never answers."""
    with run_server(Mode(hang=True)) as server:
        config = MtSettings(provider="libre", url=server.url, timeout=2.0)
        translator = create_translator(config, {})
        started = time.monotonic()
        results = translate_texts(
            [f"Segment {n}" for n in range(20)], source_lang="en", target_lang="ru",
            translator=translator, settings=config,
        )
        took = time.monotonic() - started
    print(f"\n20 segments, hung provider, timeout = 2 s: {took:.2f} s")
    assert all(r.failure for r in results)
    assert 4.0 <= took < 5.5  # 2 x timeout + one backoff of 0.25-0.5 s
