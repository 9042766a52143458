"""``i18n-kit --version``: the installed version, one line, exit 0, as fast as ``--help``."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import i18n_kit
from i18n_kit.cli import package_version

ROOT = Path(__file__).resolve().parents[2]

# The console script's own entry point, in a fresh interpreter; on the way out (main()
# runs the exit handlers before it ends the process) it lists on stderr the i18n_kit
# modules and the heavy libraries the command imported (not markdown_it: rich, which
# typer's help is drawn with, imports it itself).
PROBE = """
import atexit, sys
HEAVY = ("polib", "jinja2", "psycopg", "rapidfuzz", "lxml", "pymorphy3", "numpy", "starlette",
         "deep_translator", "trafilatura", "rjieba", "babel")
atexit.register(lambda: sys.stderr.write(" ".join(sorted(
    name for name in sys.modules
    if name.startswith("i18n_kit.") or name.split(".")[0] in HEAVY)) + "\\n"))
from i18n_kit.cli import main
sys.argv = ["i18n-kit", *sys.argv[1:]]
main()
"""


def _project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, check=False, cwd=ROOT, timeout=60)


def test_version_prints_the_name_and_version_and_exits_0() -> None:
    done = _run("--version")
    assert (done.returncode, done.stdout) == (0, f"i18n-kit {_project_version()}\n")


def test_the_package_and_its_metadata_agree_on_the_version() -> None:
    assert i18n_kit.__version__ == _project_version()


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_no_command(option: str) -> None:
    done = _run(option)
    assert done.returncode == 0
    assert done.stderr.split() == ["i18n_kit.cli"]


def test_version_from_a_source_tree_never_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    monkeypatch.setattr(i18n_kit, "__version__", "9.8.7")
    assert package_version() == "9.8.7"
