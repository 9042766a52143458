"""The MT run (dedupe, budget, batches, retries, breaker, untrusted output) over a scripted fake."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

import pytest

from i18n_kit.translation.machine import MtErrorKind, MtRequestError, MtSettings
from i18n_kit.translation.mt_runner import MtResult, translate_texts


class Scripted:
    """A translator whose n-th request does what ``script(n, texts)`` says."""

    name = "scripted"

    def __init__(
        self, script: Callable[[int, Sequence[str]], list[str]] | None = None, max_batch: int = 25
    ) -> None:
        self.max_batch = max_batch
        self.calls: list[list[str]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()
        self._script = script or (lambda n, texts: [f"<{t}>" for t in texts])

    def translate_batch(
        self, texts: Sequence[str], *, source_lang: str, target_lang: str
    ) -> list[str]:
        with self._lock:
            self.calls.append(list(texts))
            number = len(self.calls)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            return self._script(number, texts)
        finally:
            with self._lock:
                self.in_flight -= 1


def run(
    texts: Sequence[str],
    translator: Scripted,
    sleeps: list[float] | None = None,
    **settings: object,
) -> list[MtResult]:
    config = MtSettings(provider="scripted", **settings)  # type: ignore[arg-type]
    return translate_texts(
        texts, source_lang="en", target_lang="ru", translator=translator, settings=config,
        sleep=(sleeps.append if sleeps is not None else lambda _: None), jitter=lambda: 1.0,
    )


def fail(kind: MtErrorKind, status: int | None = None) -> MtRequestError:
    shown = "" if status is None else f" (HTTP {status})"
    return MtRequestError(f"{kind}{shown}", kind=kind, status=status)


def test_each_distinct_text_is_sent_once_and_results_keep_input_order() -> None:
    fake = Scripted()
    results = run(["a", "b", "a", " ", "c", "b"], fake, batch_size=2)
    assert [r.target_text for r in results] == ["<a>", "<b>", "<a>", " ", "<c>", "<b>"]
    assert [r.failure for r in results] == [None] * 6
    assert sorted(map(tuple, fake.calls)) == [("a", "b"), ("c",)]


def test_batches_follow_the_smaller_of_setting_and_provider_limit() -> None:
    fake = Scripted(max_batch=1)
    run(["a", "b", "c"], fake, batch_size=25, concurrency=1)
    assert fake.calls == [["a"], ["b"], ["c"]]


def test_no_more_requests_in_flight_than_the_concurrency() -> None:
    def slow(n: int, texts: Sequence[str]) -> list[str]:
        time.sleep(0.02)
        return list(texts)

    fake = Scripted(slow, max_batch=1)
    run([f"t{i}" for i in range(12)], fake, concurrency=3)
    assert fake.most_in_flight == 3
    assert len(fake.calls) == 12


def test_texts_past_the_budget_are_not_sent() -> None:
    fake = Scripted()
    results = run(["aaaa", "bbbb", "cc", "d"], fake, max_chars=9)
    assert [r.failure for r in results] == [
        None, None, "budget exhausted (max_chars = 9)", "budget exhausted (max_chars = 9)",
    ]
    assert fake.calls == [["aaaa", "bbbb"]]


def test_rate_limits_and_server_errors_are_retried_with_growing_jittered_backoff() -> None:
    def flaky(n: int, texts: Sequence[str]) -> list[str]:
        if n == 1:
            raise fail(MtErrorKind.RATE_LIMITED, 429)
        if n == 2:
            raise fail(MtErrorKind.SERVER, 503)
        return ["ok"]

    sleeps: list[float] = []
    results = run(["a"], Scripted(flaky), sleeps, retries=3)
    assert results == [MtResult(source_text="a", target_text="ok", failure=None)]
    assert sleeps == [0.5, 1.0]


def test_retries_end_with_the_last_reason() -> None:
    def down(n: int, texts: Sequence[str]) -> list[str]:
        raise fail(MtErrorKind.SERVER, 500)

    fake = Scripted(down)
    results = run(["a"], fake, retries=2, failures_before_giving_up=5)
    assert results[0].failure == "server (HTTP 500) after 2 tries"
    assert len(fake.calls) == 2


def test_client_errors_are_not_retried() -> None:
    def bad(n: int, texts: Sequence[str]) -> list[str]:
        raise fail(MtErrorKind.CLIENT, 400)

    fake = Scripted(bad, max_batch=1)
    results = run(["a", "b"], fake, concurrency=1, failures_before_giving_up=5)
    assert [r.failure for r in results] == ["client (HTTP 400)", "client (HTTP 400)"]
    assert fake.calls == [["a"], ["b"]]


def test_a_rejected_key_stops_the_run_at_once() -> None:
    def auth(n: int, texts: Sequence[str]) -> list[str]:
        raise fail(MtErrorKind.AUTH, 403)

    fake = Scripted(auth, max_batch=1)
    results = run(["a", "b", "c"], fake, concurrency=1)
    assert {r.failure for r in results} == {"provider gave up: auth (HTTP 403)"}
    assert fake.calls == [["a"]]


def test_consecutive_failures_open_the_breaker_for_the_rest() -> None:
    def down(n: int, texts: Sequence[str]) -> list[str]:
        raise fail(MtErrorKind.TIMEOUT)

    fake = Scripted(down, max_batch=1)
    results = run([f"t{i}" for i in range(10)], fake, concurrency=1, retries=2,
                  failures_before_giving_up=3)
    reason = "provider gave up after 3 consecutive failures (last: timeout)"
    assert results[0].failure == "timeout after 2 tries"
    assert {r.failure for r in results[1:]} == {reason}
    assert fake.calls == [["t0"], ["t0"], ["t1"]]


def test_a_success_resets_the_failure_count() -> None:
    def every_other(n: int, texts: Sequence[str]) -> list[str]:
        if n % 2:
            raise fail(MtErrorKind.SERVER, 502)
        return ["ok"]

    results = run([f"t{i}" for i in range(4)], Scripted(every_other, max_batch=1),
                  concurrency=1, failures_before_giving_up=2)
    assert [r.target_text for r in results] == ["ok"] * 4


def test_a_hung_call_times_out_and_the_run_ends() -> None:
    never = threading.Event()

    def hang(n: int, texts: Sequence[str]) -> list[str]:
        never.wait()
        return []

    started = time.monotonic()
    results = run([f"t{i}" for i in range(50)], Scripted(hang, max_batch=1), timeout=0.1,
                  concurrency=2, retries=3, failures_before_giving_up=3)
    took = time.monotonic() - started
    never.set()
    assert took < 1.0
    assert {r.failure for r in results} == {
        "provider gave up after 3 consecutive failures (last: timeout (no answer within 0.1 s))"
    }


def test_the_run_timeout_caps_the_whole_run() -> None:
    def slow(n: int, texts: Sequence[str]) -> list[str]:
        time.sleep(0.05)
        return list(texts)

    started = time.monotonic()
    results = run([f"t{i}" for i in range(100)], Scripted(slow, max_batch=1), concurrency=1,
                  run_timeout=0.2)
    assert time.monotonic() - started < 0.5
    failures = [r.failure for r in results if r.failure]
    assert 80 <= len(failures) < 100
    assert set(failures) == {"run deadline reached (run_timeout = 0.2 s)"}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, MtResult(source_text="abc", target_text=None,
                        failure="malformed response (a NoneType, not text)")),
        ("", MtResult(source_text="abc", target_text=None,
                      failure="malformed response (empty translation)")),
        ("x" * 77, MtResult(source_text="abc", target_text=None,
                            failure="malformed response (77 characters for a 3-character source)")),
        ("a\x00b\u202ec\x1b[31m\td\n", MtResult(source_text="abc", target_text="abc[31m\td\n",
                                                failure=None)),
    ],
)
def test_machine_output_is_untrusted(answer: object, expected: MtResult) -> None:
    assert run(["abc"], Scripted(lambda n, texts: [answer])) == [expected]  # type: ignore[list-item]


def test_a_wrong_number_of_answers_is_malformed() -> None:
    results = run(["a", "b"], Scripted(lambda n, texts: ["only one"]), failures_before_giving_up=9)
    assert {r.failure for r in results} == {
        "malformed response (2 texts sent, not as many came back)"
    }


def test_a_bug_in_a_translator_is_raised_not_swallowed() -> None:
    def broken(n: int, texts: Sequence[str]) -> list[str]:
        raise ZeroDivisionError("bug")

    with pytest.raises(ZeroDivisionError):
        run(["a"], Scripted(broken))
