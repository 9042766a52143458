"""The crash-and-race suite's shared project, random source and count table.

The counts of every trial are printed at the end of the run like a benchmark's figures
(``I18N_KIT_TRIALS=N`` multiplies the trials; ``I18N_KIT_SEED`` replays a run)."""

from __future__ import annotations

import os
import random
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import project  # noqa: F401  (the two-article project of the CLI tests)
from tests.reliability.harness import Fixture, make_fixture

SEED = int(os.environ.get("I18N_KIT_SEED", random.randrange(1_000_000)))
SCALE = int(os.environ.get("I18N_KIT_TRIALS", "1"))
COUNTS: dict[str, Counter[str]] = {}


@pytest.fixture(scope="session")
def edited() -> Iterator[Fixture]:
    """A synced project of 70 articles with every source then edited (half retitled).

    In memory (/dev/shm) where there is one: the trials kill processes, not machines, and
    what a killed process leaves is the same there, while the fsync of each replaced
    file costs most of a run on a shared disk."""
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(prefix="i18n-kit-reliability-",
                                     dir=shm if shm.is_dir() else None) as work:
        yield make_fixture(Path(work))


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    return random.Random(f"{SEED}-{request.node.name}")


def record(name: str, counts: Counter[str]) -> Counter[str]:
    COUNTS.setdefault(name, Counter()).update(counts)
    return counts


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not COUNTS:
        return
    terminalreporter.section(f"crash and race trials (I18N_KIT_SEED={SEED})")
    for name, counts in COUNTS.items():
        shown = ", ".join(f"{key} {value}" for key, value in counts.items()
                          if key not in ("trials", "told of the killed run"))
        terminalreporter.write_line(f"{name:<34} {counts['trials']:>3} trials: {shown}")


