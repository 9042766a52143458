"""Forked workers (i18n_kit/parallel.py) read articles and render pages of large runs:
the files are byte for byte what one process makes, and a worker's error is the same
one line with nothing written."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from i18n_kit import parallel
from i18n_kit.sync import stage
from tests.cli.conftest import CONFIG, run, snapshot

ARTICLES = 80  # above map_forked's min_items (64): every pass is forked


def write_project(root: Path, *, articles: int = ARTICLES) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    for number in range(articles):
        (root / "content" / f"news-{number:03d}.md").write_text(
            f"---\ntitle: SCO news {number}\ndate: 2021-03-{number % 28 + 1:02d}\n---\n\n"
            f"The SCO Secretariat held meeting number {number}. Delegations of eight "
            "member states took part.\n\n- Item one.\n- Item two.\n",
            encoding="utf-8",
        )
    return root


def fails_in_one_line(project: Path, line: str) -> None:
    """A sync of ``project`` ends with exit 2 and ``line`` alone, and writes nothing."""
    before = snapshot(project)
    result = run("sync", "--project", str(project))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [line]
    assert snapshot(project) == before


def contents(root: Path) -> dict[str, bytes]:
    return {path: data for path, (_, data) in snapshot(root).items()}


def test_forked_sync_writes_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[str] = []
    pool_run = parallel._Pool.run

    def counting_run(pool: parallel._Pool, messages: Sequence[object],
                     **how: Sequence[int] | None) -> Iterator[list[object]]:
        pools.append(pool.task)
        return pool_run(pool, messages, **how)

    monkeypatch.setattr(parallel._Pool, "run", counting_run)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    two = write_project(tmp_path / "two")
    assert run("sync", "--project", str(two)).exit_code == 0
    forked = ["reading articles", "writing catalogs", "writing catalogs", "making pages"]
    assert pools == forked  # catalogs: merged, then routed here, then finished
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    one = write_project(tmp_path / "one")
    assert run("sync", "--project", str(one)).exit_code == 0
    assert pools == forked
    assert contents(two) == contents(one)
    # every article, and the news index in two pages of 50
    assert len([p for p in contents(one) if p.startswith("site/ru/")]) == ARTICLES + 2


def test_a_worker_error_is_one_line_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    project = write_project(tmp_path / "news")
    (project / "content" / "news-050.md").write_bytes(b"---\ntitle: Bad\n---\n\nBad \xff.\n")
    fails_in_one_line(project, "error: content/news-050.md:5: not valid UTF-8 (byte 0xff at "
                               "column 5); save the file as UTF-8")


def test_a_bad_catalog_met_while_the_batch_before_is_routed_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two batches: the second is merged by its workers while the first is routed, and
    # the error its merge meets reaches the user as itself, nothing written.
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(stage, "ROUTE_BATCH", 70)
    project = write_project(tmp_path / "news", articles=140)
    catalog = project / "locales/ru/LC_MESSAGES/articles/news-100.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    fails_in_one_line(project, 'error: locales/ru/LC_MESSAGES/articles/news-100.po:2: '
                               'unterminated string; end it with a double quote: "b')


def _kept_pid(size: int, items: Sequence[int]) -> list[tuple[tuple[int, int], str]]:
    return [((os.getpid(), item), "x" * size) for item in items]  # more than a pipe holds


def _with_payload(size: int, kept: tuple[int, int], payload: str) -> tuple[int, int, int]:
    return kept[0], os.getpid(), kept[1] + len(payload) - size


def test_forked_workers_finish_each_item_where_it_began_with_big_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Answers and payloads of 1 MB each, 16 times the pipe: the parent sends a worker's
    # payloads while that worker answers, and neither waits on the other forever.
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    size = 1 << 20
    items = list(range(40))
    with parallel.ForkedWorkers(_kept_pid, _with_payload, size, items,
                                min_items=2, chunksize=3) as workers:
        answers = workers.first()
        assert [len(answer) for answer in answers] == [size] * len(items)
        results = list(workers.second(["y" * (size + item) for item in items]))
    assert [item for _, _, item in results] == [2 * item for item in items]
    assert all(began == finished for began, finished, _ in results)
    assert len({began for began, _, _ in results}) == 2  # both workers, neither this one
    assert os.getpid() not in {began for began, _, _ in results}


def test_errors_with_keyword_arguments_survive_the_trip_between_processes() -> None:
    from i18n_kit.preview.edits import EditConflict
    from i18n_kit.translation.machine import MtErrorKind, MtRequestError

    conflict = pickle.loads(pickle.dumps(
        EditConflict("changed on disk", path="locales/ru/a.po", theirs=None, yours="Да")))
    assert (type(conflict), str(conflict), conflict.yours) == (
        EditConflict, "locales/ru/a.po: changed on disk", "Да")
    failed = pickle.loads(pickle.dumps(
        MtRequestError("timed out", kind=MtErrorKind.TIMEOUT, status=None)))
    assert (str(failed), failed.kind) == ("timed out", MtErrorKind.TIMEOUT)


@pytest.mark.parametrize("staged", [1, 40])
def test_sigterm_in_the_middle_of_a_sync_leaves_no_staged_file(
    tmp_path: Path, staged: int
) -> None:
    # A cancelled CI job: SIGTERM arrives while catalogs are being staged (as the first
    # temporary file appears, when the signal lands inside mkstemp, or later). The run
    # ends with 143 and removes what it staged; the project is as it was.
    project = write_project(tmp_path / "news", articles=600)
    before = snapshot(project)
    process = subprocess.Popen(
        [sys.executable, "-c", "from i18n_kit.cli import main; main()", "sync", "--no-mt",
         "--project", str(project)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while len(list(project.glob("locales/**/.*.tmp"))) < staged:
        assert process.poll() is None, "the sync ended before it staged a file"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 128 + signal.SIGTERM
    assert snapshot(project) == before
    assert not (project / "locales").exists()


def test_a_signal_while_waiting_for_a_background_step_lets_it_end_first() -> None:
    # A cancelled run stops while the parent waits for the thread that drives the next
    # batch's workers: the exception goes on only once that thread is done with them.
    done: list[bool] = []

    def slow() -> int:
        time.sleep(0.3)
        done.append(True)
        return 1

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        task = parallel.Background(slow)
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(KeyboardInterrupt):
            task.result()
        assert done == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
