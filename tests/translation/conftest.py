"""A throwaway PostgreSQL cluster for the memory tests, and the memory fixture over both backends.

The cluster runs as the ``postgres`` OS user when the tests run as root (initdb refuses
root), in a temporary folder, on a free loopback port with trust authentication; it is
stopped at the end of the session. Missing server binaries fail the tests: run
``bash .ci/postgres.sh``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import psycopg
import pytest

from i18n_kit.translation.memory import TranslationMemory, open_memory

_databases = count(1)


def _server_bin(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        pytest.fail(
            f"PostgreSQL's {name} is not installed: run `bash .ci/postgres.sh` "
            "(the memory's PostgreSQL backend is tested against a real server)"
        )
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of the cluster's maintenance database (``postgres``)."""
    initdb, pg_ctl = _server_bin("initdb"), _server_bin("pg_ctl")
    prefix: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="i18n-kit-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("no `postgres` OS user to run the server as: run `bash .ci/postgres.sh`")
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    port = _free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = folder / "server.log"
            extra = log.read_text() if log.exists() else ""
            pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}{extra}")

    run(initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
        "--locale=C.UTF-8", "--no-sync")
    run(pg_ctl, "-D", str(data), "-l", str(folder / "server.log"), "-w", "-o",
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A new, empty database on the session's cluster."""
    name = f"tm_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}".encode())
    return postgres_server.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(params=["sqlite", "postgres"])
def memory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TranslationMemory]:
    """The memory under test, once per backend."""
    url = None if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    opened = open_memory(url=url, state_dir=tmp_path / ".i18n-kit")
    yield opened
    opened.close()
