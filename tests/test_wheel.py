"""The built wheel carries the package data: install it in a fresh venv and run the example."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_wheel_installs_and_runs_the_example(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT,
        cwd=tmp_path)
    (wheel,) = dist.glob("i18n_kit-*.whl")
    venv = tmp_path / "venv"
    # System site-packages provide the dependencies (no network here); the venv's own
    # copy of i18n_kit comes first on sys.path.
    run(sys.executable, "-m", "venv", "--system-site-packages", venv, cwd=tmp_path)
    run(venv / "bin" / "pip", "install", "-q", "--no-deps", "--no-index", "--force-reinstall",
        wheel, cwd=tmp_path)
    where = run(venv / "bin" / "python", "-c", "import i18n_kit; print(i18n_kit.__file__)",
                cwd=tmp_path)
    assert where.startswith(str(venv)), where
    run(venv / "bin" / "i18n-kit", "init", "--example", "sco", cwd=tmp_path)
    out = run(venv / "bin" / "i18n-kit", "sync", "--project", "sco", cwd=tmp_path)
    assert out.splitlines()[-1].startswith("9 articles (9 read, ")
    page = (tmp_path / "sco" / "site" / "ru" / "index.html").read_text("utf-8")
    assert "Шанхайская организация сотрудничества" in page
