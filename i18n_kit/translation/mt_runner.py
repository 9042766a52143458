"""One machine-translation run: dedupe, budget, batches, deadlines, retries and a circuit breaker.

The run always ends, and how soon is bounded:

- each request runs on a daemon thread joined with ``timeout``: a hung provider costs
  ``timeout`` seconds a request, and an abandoned request never blocks process exit;
- a request is tried ``retries`` times with jittered exponential backoff (0.5 s, 1 s, 2 s,
  ... capped at 8 s, each times 0.5-1.0), on timeouts, 429 and 5xx only;
- after ``failures_before_giving_up`` consecutive failed requests (or one rejected API
  key) the provider is given up on: nothing more is sent, every segment still waiting is
  reported failed with the reason;
- ``run_timeout``, when set, caps the whole run.

Against a provider that never answers, with ``concurrency`` = 2, ``retries`` = 3 and three
failures before giving up, a run takes about 2 x ``timeout`` + one backoff, however many
segments it has (the tests measure it).
"""

from __future__ import annotations

import queue
import random
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from i18n_kit.translation.machine import (
    MachineTranslator,
    MtErrorKind,
    MtRequestError,
    MtSettings,
)

_BACKOFF_FIRST = 0.5
_BACKOFF_CAP = 8.0
# Machine output is untrusted: anything longer than this is treated as garbage.
_LENGTH_FACTOR = 4
_LENGTH_SLACK = 64
_KEPT_CONTROLS = frozenset("\n\t")
# Bidirectional overrides and isolates can make a PO entry display other than it reads.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True, slots=True, kw_only=True)
class MtResult:
    """What machine translation made of one text: a translation, or why there is none."""

    source_text: str
    target_text: str | None
    failure: str | None  # "timeout after 3 tries", "budget exhausted (max_chars = 5000)", ...


@dataclass(frozen=True, slots=True, kw_only=True)
class _Outcome:
    target_text: str | None = None
    failure: str | None = None


class _Breaker:
    """Counts consecutive failed requests; once open, nothing more is sent."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._failures = 0
        self._lock = threading.Lock()
        self.reason: str | None = None

    def record(self, error: MtRequestError | None) -> None:
        with self._lock:
            if error is None:
                self._failures = 0
                return
            self._failures += 1
            if self.reason is not None:
                return
            if error.kind is MtErrorKind.AUTH:
                self.reason = f"provider gave up: {error.message}"
            elif self._failures >= self._limit:
                self.reason = (
                    f"provider gave up after {self._failures} consecutive failures"
                    f" (last: {error.message})"
                )

    def trip(self, reason: str) -> None:
        with self._lock:
            if self.reason is None:
                self.reason = reason


def translate_texts(
    texts: Sequence[str],
    *,
    source_lang: str,
    target_lang: str,
    translator: MachineTranslator,
    settings: MtSettings,
    sleep: Callable[[float], None] = time.sleep,
    jitter: Callable[[], float] = random.random,
) -> list[MtResult]:
    """Translate ``texts``, one result per text in order; failures are results, not raises.

    Each distinct text is sent at most once. Call it once per language pair with every
    text of the run, so the dedupe and the ``max_chars`` budget cover the whole run.

    >>> class Upper:
    ...     name, max_batch = "upper", 10
    ...     def translate_batch(self, texts, *, source_lang, target_lang):
    ...         return [t.upper() for t in texts]
    >>> translate_texts(["hi"], source_lang="en", target_lang="ru", translator=Upper(),
    ...                 settings=MtSettings(provider="upper"))[0].target_text
    'HI'
    """
    started = time.monotonic()
    outcomes: dict[str, _Outcome] = {}
    to_send: list[str] = []
    spent = 0
    over_budget = False
    for text in dict.fromkeys(texts):
        if not text.strip():
            outcomes[text] = _Outcome(target_text=text)
            continue
        budget = settings.max_chars
        if budget is not None and (over_budget or spent + len(text) > budget):
            # Stop at the first text that does not fit, so what gets translated is a
            # predictable prefix of the run rather than whatever short texts fit in.
            over_budget = True
            outcomes[text] = _Outcome(failure=f"budget exhausted (max_chars = {budget})")
            continue
        spent += len(text)
        to_send.append(text)

    size = max(1, min(settings.batch_size, translator.max_batch))
    batches: queue.SimpleQueue[list[str]] = queue.SimpleQueue()
    for start in range(0, len(to_send), size):
        batches.put(to_send[start : start + size])

    breaker = _Breaker(settings.failures_before_giving_up)
    lock = threading.Lock()
    crashes: list[BaseException] = []

    def work() -> None:
        while True:
            try:
                batch = batches.get_nowait()
            except queue.Empty:
                return
            try:
                done = _run_batch(
                    batch, source_lang, target_lang, translator, settings, breaker, sleep, jitter
                )
            except BaseException as exc:  # a bug in a translator: re-raised on the caller's thread
                with lock:
                    crashes.append(exc)
                breaker.trip("run stopped by an internal error")
                return
            with lock:
                outcomes.update(done)

    workers = [
        threading.Thread(target=work, daemon=True, name=f"i18n-kit-mt-{n}")
        for n in range(min(settings.concurrency, max(1, len(to_send))))
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        remaining = None
        if settings.run_timeout is not None:
            remaining = max(0.0, started + settings.run_timeout - time.monotonic())
        worker.join(remaining)
    if any(worker.is_alive() for worker in workers):
        breaker.trip(f"run deadline reached (run_timeout = {settings.run_timeout:g} s)")
    if crashes:
        raise crashes[0]

    with lock:
        finished = dict(outcomes)
    late = breaker.reason or "not sent"
    return [
        MtResult(
            source_text=text,
            target_text=finished[text].target_text if text in finished else None,
            failure=finished[text].failure if text in finished else late,
        )
        for text in texts
    ]


def _run_batch(
    batch: list[str],
    source_lang: str,
    target_lang: str,
    translator: MachineTranslator,
    settings: MtSettings,
    breaker: _Breaker,
    sleep: Callable[[float], None],
    jitter: Callable[[], float],
) -> dict[str, _Outcome]:
    """One batch through its retries; every text of it gets an outcome."""
    for attempt in range(1, settings.retries + 1):
        if breaker.reason is not None:
            return {text: _Outcome(failure=breaker.reason) for text in batch}
        try:
            raw = _call_with_deadline(
                lambda: translator.translate_batch(
                    batch, source_lang=source_lang, target_lang=target_lang
                ),
                settings.timeout,
            )
            if not isinstance(raw, list) or len(raw) != len(batch):
                raise MtRequestError(
                    f"malformed response ({len(batch)} texts sent, not as many came back)",
                    kind=MtErrorKind.MALFORMED,
                )
        except MtRequestError as error:
            breaker.record(error)
            if breaker.reason is not None:
                return {text: _Outcome(failure=breaker.reason) for text in batch}
            if not error.kind.retried:
                return {text: _Outcome(failure=error.message) for text in batch}
            if attempt == settings.retries:
                tries = "try" if attempt == 1 else "tries"
                failure = f"{error.message} after {attempt} {tries}"
                return {text: _Outcome(failure=failure) for text in batch}
            delay = min(_BACKOFF_CAP, _BACKOFF_FIRST * 2 ** (attempt - 1))
            sleep(delay * (0.5 + 0.5 * jitter()))
            continue
        breaker.record(None)
        return {text: _check_output(text, out) for text, out in zip(batch, raw, strict=True)}
    raise AssertionError("unreachable: the last attempt returns")


def _call_with_deadline(call: Callable[[], list[str]], timeout: float) -> object:
    """``call()`` on a daemon thread; a `MtRequestError` timeout if it has not returned in time."""
    box: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            box.append((True, call()))
        except BaseException as exc:  # carried to the caller's thread
            box.append((False, exc))

    thread = threading.Thread(target=run, daemon=True, name="i18n-kit-mt-request")
    thread.start()
    thread.join(timeout)
    if not box:
        raise MtRequestError(f"timeout (no answer within {timeout:g} s)", kind=MtErrorKind.TIMEOUT)
    ok, value = box[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value


def _check_output(source: str, raw: object) -> _Outcome:
    """Machine output is untrusted: text only, no control characters, not absurdly long."""
    if not isinstance(raw, str):
        return _Outcome(failure=f"malformed response (a {type(raw).__name__}, not text)")
    text = "".join(
        ch
        for ch in raw
        if ch in _KEPT_CONTROLS
        or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )
    if not text.strip():
        return _Outcome(failure="malformed response (empty translation)")
    limit = _LENGTH_FACTOR * len(source) + _LENGTH_SLACK
    if len(text) > limit:
        return _Outcome(
            failure=f"malformed response ({len(text)} characters for a {len(source)}-character"
            " source)"
        )
    return _Outcome(target_text=text)
