"""The deep-translator adapter: configuration errors, exception mapping, API keys kept secret."""

from __future__ import annotations

import inspect
import logging
import sys
import traceback

import deep_translator  # type: ignore[import-untyped]
import deep_translator.exceptions as dt_errors  # type: ignore[import-untyped]
import pytest
import requests

from i18n_kit.translation import machine
from i18n_kit.translation.machine import (
    PROVIDERS,
    MtConfigError,
    MtErrorKind,
    MtRequestError,
    MtSettings,
    classify_exception,
    create_translator,
)
from tests.translation.libre_server import Mode, run_server

KEY = "sk-live-0123456789abcdef"


def error_of(settings: MtSettings, environ: dict[str, str]) -> str:
    with pytest.raises(MtConfigError) as caught:
        create_translator(settings, environ)
    return str(caught.value)


def test_an_unknown_provider_names_the_known_ones() -> None:
    assert error_of(MtSettings(provider="bing"), {}) == (
        "i18n-kit.toml: mt.provider: unknown machine-translation provider 'bing';"
        " use one of deepl, google, libre, microsoft, mymemory, yandex"
    )


def test_a_missing_key_names_the_variable() -> None:
    assert error_of(MtSettings(provider="deepl", api_key_env="DEEPL_KEY"), {"OTHER": KEY}) == (
        "i18n-kit.toml: mt.api_key_env: the environment variable DEEPL_KEY is not set;"
        " export DEEPL_KEY with the deepl API key"
    )


def test_a_keyed_provider_needs_api_key_env() -> None:
    assert error_of(MtSettings(provider="yandex"), {}) == (
        "i18n-kit.toml: mt.api_key_env: the yandex provider needs an API key; name the"
        ' environment variable that holds it, e.g. api_key_env = "YANDEX_API_KEY"'
    )


def test_a_keyless_provider_refuses_a_key() -> None:
    assert error_of(MtSettings(provider="google", api_key_env="K"), {"K": KEY}) == (
        "i18n-kit.toml: mt.api_key_env: the google provider takes no API key"
        " (deep-translator sends none); remove api_key_env"
    )


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (MtSettings(provider="libre", url="127.0.0.1:5000"),
         "mt.url: '127.0.0.1:5000' is not an http:// or https:// URL"),
        (MtSettings(provider="libre", timeout=0),
         "mt.timeout: 0 is not a positive number of seconds"),
        (MtSettings(provider="libre", concurrency=0),
         "mt.concurrency, mt.batch_size and mt.retries must be at least 1"),
    ],
)
def test_bad_settings(settings: MtSettings, message: str) -> None:
    assert error_of(settings, {}) == f"i18n-kit.toml: {message}"


def test_the_key_is_not_in_the_repr() -> None:
    translator = create_translator(
        MtSettings(provider="deepl", url="http://127.0.0.1:9/v2", api_key_env="DEEPL_KEY"),
        {"DEEPL_KEY": KEY},
    )
    assert repr(translator) == (
        "DeepTranslator(name='deepl', url='http://127.0.0.1:9/v2', api_key=<from $DEEPL_KEY>)"
    )


@pytest.mark.parametrize(("provider", "path"), [("libre", ""), ("deepl", "/deepl/v2"),
                                                ("yandex", "/yandex")])
def test_a_rejected_key_leaks_nowhere(
    provider: str, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with run_server(Mode(api_key="the-right-key")) as server:
        translator = create_translator(
            MtSettings(provider=provider, url=server.url + path, api_key_env="K"), {"K": KEY}
        )
        with pytest.raises(MtRequestError) as caught:
            translator.translate_batch(["Hello"], source_lang="en", target_lang="ru")
    error = caught.value
    assert (error.kind, error.status, str(error)) == (
        MtErrorKind.AUTH, 403, "API key rejected (HTTP 403)"
    )
    shown = "".join(traceback.format_exception(error)) + caplog.text + repr(error.__cause__)
    assert "127.0.0.1" in caplog.text  # urllib3 did log the request
    assert KEY not in shown
    assert error.__cause__ is not None  # chained, as the style asks, once scrubbed


def test_every_third_party_exception_is_mapped() -> None:
    classes = [
        cls
        for module in (dt_errors, requests.exceptions)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, Exception) and not issubclass(cls, Warning)
        and cls.__module__ == module.__name__
    ]
    assert len(classes) > 30
    unmapped = [cls.__name__ for cls in classes if classify_exception(cls.__new__(cls)) is None]
    assert unmapped == []


@pytest.mark.parametrize(
    ("status", "kind"),
    [(429, MtErrorKind.RATE_LIMITED), (503, MtErrorKind.SERVER), (401, MtErrorKind.AUTH),
     (413, MtErrorKind.CLIENT), (200, MtErrorKind.MALFORMED)],
)
def test_the_http_status_decides_over_the_exception(status: int, kind: MtErrorKind) -> None:
    assert classify_exception(KeyError("translatedText"), status) is kind


def test_an_unknown_exception_is_not_swallowed() -> None:
    assert classify_exception(ZeroDivisionError()) is None


def test_an_unsupported_language_is_a_config_error() -> None:
    translator = create_translator(MtSettings(provider="libre", url="http://127.0.0.1:9"), {})
    with pytest.raises(MtConfigError) as caught:
        translator.translate_batch(["Hello"], source_lang="en", target_lang="tlh")
    assert str(caught.value) == (
        "i18n-kit.toml: mt.provider: libre (through deep-translator) cannot translate en to"
        " tlh; choose another provider"
    )


def test_every_provider_module_sees_the_deadline_requests() -> None:
    for provider in PROVIDERS.values():
        module = sys.modules[getattr(deep_translator, provider.cls_name).__module__]
        assert isinstance(module.requests, machine._DeadlineRequests), module.__name__


def test_the_injected_timeout_ends_a_hung_request_on_its_own_thread() -> None:
    with run_server(Mode(hang=True)) as server:
        translator = create_translator(
            MtSettings(provider="libre", url=server.url, timeout=0.3), {}
        )
        with pytest.raises(MtRequestError) as caught:
            translator.translate_batch(["Hello"], source_lang="en", target_lang="ru")
    assert (caught.value.kind, str(caught.value)) == (MtErrorKind.TIMEOUT, "timeout")
