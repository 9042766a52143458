"""Machine-translation providers: the one adapter over deep-translator (and the requests it uses).

Every deep_translator (and requests) exception is caught here and re-raised as
`MtRequestError` with a kind the runner (`mt_runner`) acts on: ``timeout``,
``rate-limited`` and ``server`` are retried, ``client``, ``malformed`` and ``auth`` are not.

Deadlines. deep-translator calls ``requests.get/post`` with no ``timeout``, so a server
that accepts the connection and never answers hangs the caller forever. Two layers:

1. Here: deep_translator's provider modules see a stand-in for the ``requests`` module
   that adds ``timeout=`` to each call made while a `DeepTranslator` request is running
   on the current thread (a thread-local; any other caller is passed through untouched),
   and remembers the HTTP status, so a 429 or a 503 is classified by its status rather
   than by deep-translator's lossy exception messages. A hung socket is then closed by
   requests itself and no thread lingers.
2. In the runner: every request runs on a daemon thread joined with the same timeout, so
   what requests' per-read timeout does not bound (a server dribbling one byte a
   second, a DNS lookup, a provider class that talks to the network in its constructor)
   still cannot hold the run, and cannot block process exit.

Why not only one: the thread alone leaves hung sockets and threads behind until the
process exits; the injected timeout alone bounds each socket read, not the request, and
depends on deep-translator keeping ``import requests`` (a test holds that line).

API keys are read from the environment variable ``api_key_env`` names and live only
inside the deep-translator object: `DeepTranslator.__repr__` names the variable, errors
never quote a third-party message (deep-translator's AuthorizationException and requests'
URL errors contain the key), a chained cause is scrubbed of it, and a logging filter
removes it from urllib3's debug lines (which show the query string, where deep-translator
puts keys and texts).
"""

from __future__ import annotations

import enum
import logging
import sys
import threading
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import deep_translator  # type: ignore[import-untyped]
import deep_translator.exceptions as dt_errors  # type: ignore[import-untyped]
import requests

from i18n_kit.errors import ConfigError, I18nKitError


@dataclass(frozen=True, slots=True, kw_only=True)
class MtSettings:
    """The ``[mt]`` table of i18n-kit.toml."""

    provider: str
    url: str | None = None  # base URL: a self-hosted LibreTranslate, or a proxy / test server
    api_key_env: str | None = None  # name of the environment variable holding the key
    timeout: float = 10.0  # seconds per request
    max_chars: int | None = None  # characters sent per run; None: no budget
    batch_size: int = 25  # texts per request where the provider takes several
    concurrency: int = 2  # requests in flight at once
    retries: int = 3  # attempts per request, the first included
    failures_before_giving_up: int = 3  # consecutive failed requests that end the run
    run_timeout: float | None = None  # seconds for the whole run; None: bounded by the above


class MtErrorKind(enum.StrEnum):
    """Why one request failed; decides whether it is retried."""

    TIMEOUT = "timeout"
    RATE_LIMITED = "rate-limited"
    SERVER = "server"  # 5xx, or the connection failed
    CLIENT = "client"  # 4xx other than 429: the request itself is wrong
    AUTH = "auth"  # 401/403: the key is wrong, every further request would fail too
    MALFORMED = "malformed"  # the answer is not what the provider's API promises

    @property
    def retried(self) -> bool:
        return self in (MtErrorKind.TIMEOUT, MtErrorKind.RATE_LIMITED, MtErrorKind.SERVER)


class MtRequestError(I18nKitError):
    """One machine-translation request failed (never carries the API key)."""

    def __init__(self, message: str, *, kind: MtErrorKind, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


class MtConfigError(ConfigError):
    """The ``[mt]`` settings cannot work: unknown provider, missing key, bad URL."""


class MachineTranslator(Protocol):
    """One provider; `translate_batch` is one request (``max_batch`` texts at most)."""

    @property
    def name(self) -> str: ...

    @property
    def max_batch(self) -> int: ...

    def translate_batch(
        self, texts: Sequence[str], *, source_lang: str, target_lang: str
    ) -> list[str]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class _Provider:
    cls_name: str
    needs_key: bool
    # deep-translator's codes where they differ from ours (en, ru, zh)
    codes: Mapping[str, str]
    # how `MtSettings.url` becomes deep-translator's base URL ("{url}" is the setting)
    url_template: str


PROVIDERS: Mapping[str, _Provider] = {
    "libre": _Provider(
        cls_name="LibreTranslator", needs_key=False, codes={}, url_template="{url}/"
    ),
    "deepl": _Provider(
        cls_name="DeeplTranslator", needs_key=True, codes={}, url_template="{url}/"
    ),
    "google": _Provider(
        cls_name="GoogleTranslator", needs_key=False, codes={"zh": "zh-CN"}, url_template="{url}"
    ),
    "microsoft": _Provider(
        cls_name="MicrosoftTranslator", needs_key=True, codes={}, url_template="{url}"
    ),
    "mymemory": _Provider(
        cls_name="MyMemoryTranslator",
        needs_key=False,
        codes={"en": "en-GB", "ru": "ru-RU", "zh": "zh-CN"},
        url_template="{url}",
    ),
    "yandex": _Provider(
        cls_name="YandexTranslator",
        needs_key=True,
        codes={"zh": "zh-CN"},
        url_template="{url}/{{version}}/tr.json/{{endpoint}}",
    ),
}


# Providers deep-translator calls without any key (LibreTranslate's is optional).
_KEYLESS = frozenset({"google", "mymemory"})


# --- the requests stand-in ---------------------------------------------------------------


class _CallState(threading.local):
    timeout: float | None = None
    status: int | None = None


_CALL = _CallState()


class _DeadlineRequests(types.ModuleType):
    """``requests`` as deep_translator's provider modules see it: with a timeout injected."""

    def __init__(self) -> None:
        super().__init__("requests")

    def __getattr__(self, name: str) -> object:
        return getattr(requests, name)

    def get(self, url: str, **kwargs: object) -> requests.Response:
        return self._send("GET", url, kwargs)

    def post(self, url: str, **kwargs: object) -> requests.Response:
        return self._send("POST", url, kwargs)

    def _send(self, method: str, url: str, kwargs: dict[str, object]) -> requests.Response:
        if _CALL.timeout is not None:
            kwargs["timeout"] = _CALL.timeout
        response = requests.request(method, url, **kwargs)  # type: ignore[arg-type]
        _CALL.status = response.status_code
        return response


def _install_deadline_requests() -> None:
    stand_in = _DeadlineRequests()
    for provider in PROVIDERS.values():
        module = sys.modules[getattr(deep_translator, provider.cls_name).__module__]
        current = getattr(module, "requests", None)
        if current is not requests and not isinstance(current, _DeadlineRequests):
            raise RuntimeError(f"{module.__name__} no longer imports requests as a module")
        setattr(module, "requests", stand_in)  # noqa: B010 (module attribute, by name on purpose)


_install_deadline_requests()


# --- secrets -----------------------------------------------------------------------------

_REDACTED = "<redacted>"
_SECRETS: set[str] = set()
_SECRETS_LOCK = threading.Lock()


def _redact(text: str) -> str:
    with _SECRETS_LOCK:
        secrets = sorted(_SECRETS, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, _REDACTED)
    return text


class _RedactSecrets(logging.Filter):
    """Keeps API keys out of urllib3's debug lines, which print request URLs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _SECRETS:
            record.msg = _redact(record.getMessage())
            record.args = None
        return True


def _register_secret(secret: str) -> None:
    with _SECRETS_LOCK:
        _SECRETS.add(secret)
    for logger_name in ("urllib3.connectionpool", "urllib3.util.retry", "requests"):
        logger = logging.getLogger(logger_name)
        if not any(isinstance(f, _RedactSecrets) for f in logger.filters):
            logger.addFilter(_RedactSecrets())


def _scrub(exc: BaseException) -> None:
    """Remove API keys from an exception chain's messages before it is chained as a cause."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.args = tuple(_redact(str(arg)) for arg in current.args)
        if isinstance(current, dt_errors.BaseError):
            current.message = _redact(str(current.message))
            current.val = _redact(str(current.val))
        current = current.__cause__ or current.__context__


# --- exception mapping -------------------------------------------------------------------

# Checked in order, first match wins; a test fails when a deep_translator or requests
# exception class has no row. Status codes, where the response got that far, win over this.
_EXCEPTION_KINDS: tuple[tuple[type[BaseException], MtErrorKind], ...] = (
    (requests.exceptions.Timeout, MtErrorKind.TIMEOUT),
    (requests.exceptions.JSONDecodeError, MtErrorKind.MALFORMED),
    (requests.exceptions.InvalidJSONError, MtErrorKind.MALFORMED),
    (requests.exceptions.ContentDecodingError, MtErrorKind.MALFORMED),
    (requests.exceptions.ChunkedEncodingError, MtErrorKind.SERVER),
    (requests.exceptions.ConnectionError, MtErrorKind.SERVER),
    (requests.exceptions.RetryError, MtErrorKind.SERVER),
    (requests.exceptions.TooManyRedirects, MtErrorKind.CLIENT),
    (requests.exceptions.URLRequired, MtErrorKind.CLIENT),
    (requests.exceptions.MissingSchema, MtErrorKind.CLIENT),
    (requests.exceptions.InvalidSchema, MtErrorKind.CLIENT),
    (requests.exceptions.InvalidURL, MtErrorKind.CLIENT),
    (requests.exceptions.InvalidHeader, MtErrorKind.CLIENT),
    (requests.exceptions.StreamConsumedError, MtErrorKind.CLIENT),
    (requests.exceptions.UnrewindableBodyError, MtErrorKind.CLIENT),
    (requests.exceptions.HTTPError, MtErrorKind.SERVER),
    (requests.exceptions.RequestException, MtErrorKind.SERVER),
    (dt_errors.TooManyRequests, MtErrorKind.RATE_LIMITED),
    (dt_errors.AuthorizationException, MtErrorKind.AUTH),
    (dt_errors.ApiKeyException, MtErrorKind.AUTH),
    (dt_errors.ServerException, MtErrorKind.SERVER),
    (dt_errors.RequestError, MtErrorKind.SERVER),
    (dt_errors.TranslationNotFound, MtErrorKind.MALFORMED),
    (dt_errors.ElementNotFoundInGetRequest, MtErrorKind.MALFORMED),
    (dt_errors.NotValidPayload, MtErrorKind.CLIENT),
    (dt_errors.NotValidLength, MtErrorKind.CLIENT),
    (dt_errors.LanguageNotSupportedException, MtErrorKind.CLIENT),
    (dt_errors.InvalidSourceOrTargetLanguage, MtErrorKind.CLIENT),
    (dt_errors.MicrosoftAPIerror, MtErrorKind.CLIENT),
    (dt_errors.BaiduAPIerror, MtErrorKind.CLIENT),
    (dt_errors.BaseError, MtErrorKind.CLIENT),
    # deep-translator indexes the JSON it got without checking its shape
    (KeyError, MtErrorKind.MALFORMED),
    (IndexError, MtErrorKind.MALFORMED),
    (TypeError, MtErrorKind.MALFORMED),
    (AttributeError, MtErrorKind.MALFORMED),
    (ValueError, MtErrorKind.MALFORMED),
)

_MESSAGES: Mapping[MtErrorKind, str] = {
    MtErrorKind.TIMEOUT: "timeout",
    MtErrorKind.RATE_LIMITED: "rate-limited",
    MtErrorKind.SERVER: "server error",
    MtErrorKind.CLIENT: "request rejected",
    MtErrorKind.AUTH: "API key rejected",
    MtErrorKind.MALFORMED: "malformed response",
}


def classify_exception(exc: BaseException, status: int | None = None) -> MtErrorKind | None:
    """The kind of a third-party failure, or None when it is not one we know.

    >>> classify_exception(requests.exceptions.ReadTimeout())
    <MtErrorKind.TIMEOUT: 'timeout'>
    """
    if status is not None and not 200 <= status < 300:
        if status == 429:
            return MtErrorKind.RATE_LIMITED
        if status in (401, 403):
            return MtErrorKind.AUTH
        if status >= 500:
            return MtErrorKind.SERVER
        return MtErrorKind.CLIENT
    for cls, kind in _EXCEPTION_KINDS:
        if isinstance(exc, cls):
            return kind
    return None


def _request_error(exc: Exception, status: int | None) -> MtRequestError:
    kind = classify_exception(exc, status)
    if kind is None:
        raise exc
    shown = "" if status is None or 200 <= status < 300 else f" (HTTP {status})"
    detail = f" ({type(exc).__name__})" if kind is MtErrorKind.MALFORMED else ""
    _scrub(exc)
    return MtRequestError(_MESSAGES[kind] + shown + detail, kind=kind, status=status)


# --- the adapter -------------------------------------------------------------------------


class DeepTranslator:
    """A deep-translator provider class behind `MachineTranslator`, one text per request.

    deep-translator 1.11.4 sends one text per HTTP request for every provider (its
    ``translate_batch`` is a loop), so ``max_batch`` is 1 and concurrency comes from the
    runner's parallel requests.
    """

    max_batch = 1

    def __init__(
        self,
        *,
        name: str,
        url: str | None,
        api_key: str | None,
        timeout: float,
        api_key_env: str | None = None,
        origin: str = "i18n-kit.toml",
    ) -> None:
        self.name = name
        self._origin = origin
        self._provider = PROVIDERS[name]
        self._url = url
        self._api_key = api_key
        self._api_key_env = api_key_env
        self._timeout = timeout
        # deep-translator objects keep the text being translated in instance state
        # (Google's and MyMemory's ``_url_params``), so one is never used by two threads
        # at once: each request takes an idle one for its language pair, or makes one.
        self._idle: dict[tuple[str, str], list[object]] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        key = "none" if self._api_key is None else f"from ${self._api_key_env or '?'}"
        return f"DeepTranslator(name={self.name!r}, url={self._url!r}, api_key=<{key}>)"

    def translate_batch(
        self, texts: Sequence[str], *, source_lang: str, target_lang: str
    ) -> list[str]:
        """Translate ``texts`` (one per request) or raise `MtRequestError`.

        >>> DeepTranslator(name="libre", url="http://127.0.0.1:9/", api_key=None,
        ...                timeout=1).translate_batch([], source_lang="en", target_lang="ru")
        []
        """
        return [self._translate_one(text, source_lang, target_lang) for text in texts]

    def _translate_one(self, text: str, source_lang: str, target_lang: str) -> str:
        _CALL.timeout = self._timeout
        _CALL.status = None
        try:
            engine = self._take_engine(source_lang, target_lang)
            raw: object = engine.translate(text)  # type: ignore[attr-defined]
            self._idle_engine(source_lang, target_lang, engine)
        except I18nKitError:
            raise
        except Exception as exc:
            raise _request_error(exc, _CALL.status) from exc
        finally:
            _CALL.timeout = None
        # Yandex's API answers {"text": ["..."]} and deep-translator passes the list on.
        if isinstance(raw, list) and len(raw) == 1:
            raw = raw[0]
        if not isinstance(raw, str):
            raise MtRequestError(
                f"malformed response (a {type(raw).__name__}, not text)",
                kind=MtErrorKind.MALFORMED,
            )
        return raw

    def _idle_engine(self, source_lang: str, target_lang: str, engine: object) -> None:
        with self._lock:
            self._idle.setdefault((source_lang, target_lang), []).append(engine)

    def _take_engine(self, source_lang: str, target_lang: str) -> object:
        """An idle deep-translator object for one language pair, or a new one."""
        with self._lock:
            idle = self._idle.get((source_lang, target_lang))
            if idle:
                return idle.pop()
        codes = self._provider.codes
        cls = getattr(deep_translator, self._provider.cls_name)
        kwargs: dict[str, object] = {
            "source": codes.get(source_lang, source_lang),
            "target": codes.get(target_lang, target_lang),
        }
        if self.name == "libre":
            # LibreTranslator refuses to start without a key, but a self-hosted server
            # usually needs none: start it with a stand-in and unset it (then none is sent).
            kwargs["api_key"] = self._api_key or "-"
            kwargs["custom_url"] = self._base_url()
        elif self._provider.needs_key:
            kwargs["api_key"] = self._api_key
        try:
            engine = cls(**kwargs)
        except (dt_errors.LanguageNotSupportedException,
                dt_errors.InvalidSourceOrTargetLanguage) as exc:
            raise MtConfigError(
                f"mt.provider: {self.name} (through deep-translator) cannot translate"
                f" {source_lang} to {target_lang}; choose another provider",
                path=self._origin,
            ) from exc
        if self.name == "yandex":
            # deep-translator checks Yandex codes against Google's list ("zh-CN"), but
            # Yandex's API itself wants "zh".
            engine._source, engine._target = source_lang, target_lang
        if self.name == "libre" and self._api_key is None:
            engine.api_key = None
        elif self._url is not None:
            engine._base_url = self._base_url()  # deep-translator has no parameter for it
        return engine

    def _base_url(self) -> str | None:
        if self._url is None:
            return None
        return self._provider.url_template.format(url=self._url.rstrip("/"))


def create_translator(
    settings: MtSettings, environ: Mapping[str, str], *, origin: str = "i18n-kit.toml"
) -> MachineTranslator:
    """The provider ``settings`` names, with its API key read from ``environ``.

    >>> create_translator(MtSettings(provider="libre", url="http://127.0.0.1:5000/"), {})
    DeepTranslator(name='libre', url='http://127.0.0.1:5000/', api_key=<none>)
    """
    provider = PROVIDERS.get(settings.provider)
    if provider is None:
        known = ", ".join(sorted(PROVIDERS))
        raise MtConfigError(
            f"mt.provider: unknown machine-translation provider {settings.provider!r};"
            f" use one of {known}",
            path=origin,
        )
    if settings.url is not None and not settings.url.startswith(("http://", "https://")):
        raise MtConfigError(
            f"mt.url: {settings.url!r} is not an http:// or https:// URL", path=origin
        )
    if settings.timeout <= 0:
        raise MtConfigError(f"mt.timeout: {settings.timeout} is not a positive number of"
                            " seconds", path=origin)
    if settings.concurrency < 1 or settings.batch_size < 1 or settings.retries < 1:
        raise MtConfigError(
            "mt.concurrency, mt.batch_size and mt.retries must be at least 1", path=origin
        )
    api_key: str | None = None
    if settings.api_key_env is not None and settings.provider in _KEYLESS:
        raise MtConfigError(
            f"mt.api_key_env: the {settings.provider} provider takes no API key"
            " (deep-translator sends none); remove api_key_env",
            path=origin,
        )
    if settings.api_key_env is not None:
        api_key = environ.get(settings.api_key_env) or None
        if api_key is None:
            raise MtConfigError(
                f"mt.api_key_env: the environment variable {settings.api_key_env} is not set;"
                f" export {settings.api_key_env} with the {settings.provider} API key",
                path=origin,
            )
        _register_secret(api_key)
    elif provider.needs_key:
        raise MtConfigError(
            f"mt.api_key_env: the {settings.provider} provider needs an API key; name the"
            " environment variable that holds it, e.g. api_key_env ="
            f" \"{settings.provider.upper()}_API_KEY\"",
            path=origin,
        )
    return DeepTranslator(
        name=settings.provider,
        url=settings.url,
        api_key=api_key,
        timeout=settings.timeout,
        api_key_env=settings.api_key_env,
        origin=origin,
    )
