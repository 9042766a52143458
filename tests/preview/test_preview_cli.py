"""`i18n-kit preview`: binds 127.0.0.1 by default and warns before exposing the project."""

from __future__ import annotations

from pathlib import Path

import pytest
import uvicorn
from typer.testing import CliRunner

from i18n_kit.cli import app
from i18n_kit.cli.preview import is_loopback
from i18n_kit.config import ProjectConfig


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    calls: list[tuple[str, int]] = []

    def fake_run(asgi: object, *, host: str, port: int, log_level: str) -> None:
        assert callable(asgi)
        calls.append((host, port))

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_default_is_loopback_without_warning(config: ProjectConfig,
                                             served: list[tuple[str, int]]) -> None:
    result = CliRunner().invoke(app, ["preview", "--project", str(config.root)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Preview of sco-newsroom: http://127.0.0.1:8000/  (Ctrl+C stops it)\n"
    assert served == [("127.0.0.1", 8000)]


def test_another_host_is_served_with_a_warning(config: ProjectConfig,
                                               served: list[tuple[str, int]]) -> None:
    result = CliRunner().invoke(
        app, ["preview", "--project", str(config.root), "--host", "0.0.0.0", "--port", "8081"]
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: listening on 0.0.0.0: anyone who can reach this address can read the "
        "project and, from the preview page, edit its catalogs; use 127.0.0.1 unless you "
        "trust that network\n"
    )
    assert served == [("0.0.0.0", 8081)]


def test_missing_project_exits_2(tmp_path: Path, served: list[tuple[str, int]]) -> None:
    result = CliRunner().invoke(app, ["preview", "--project", str(tmp_path)])
    assert result.exit_code == 2 and result.stderr.startswith("error: i18n-kit.toml: no ")
    assert served == []


def test_loopback_hosts() -> None:
    assert [is_loopback(h) for h in ("127.0.0.1", "::1", "[::1]", "localhost", "0.0.0.0",
                                     "192.168.1.5", "example.org")] == [
        True, True, True, True, False, False, False]
