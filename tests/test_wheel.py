"""The built wheel carries the package data: install it in a fresh venv and run the example."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# PYTHONPATH (a worktree's checkout) would put another i18n_kit before the wheel's.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False, env=ENV
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_wheel_installs_and_runs_the_example(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT,
        cwd=tmp_path)
    (wheel,) = dist.glob("i18n_kit-*.whl")
    venv = tmp_path / "venv"
    # The dependencies come from wherever this interpreter has them (no network here): a
    # virtual environment's site-packages or the system's. A .pth file lists those folders
    # after the venv's own, so the wheel's i18n_kit comes first; their .pth files (an
    # editable install of the checkout) are not read. --system-site-packages would not
    # do: it sees the base interpreter's packages, not those of the venv running pytest.
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    inner = run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path("
                "'purelib'))", cwd=tmp_path).strip()
    Path(inner, "outer-site-packages.pth").write_text(
        "".join(f"{folder}\n" for folder in outer_site_packages()), encoding="utf-8")
    run(venv / "bin" / "pip", "install", "-q", "--no-deps", "--no-index", "--force-reinstall",
        wheel, cwd=tmp_path)
    where = run(venv / "bin" / "python", "-c", "import i18n_kit; print(i18n_kit.__file__)",
                cwd=tmp_path)
    assert where.startswith(str(venv)), where
    typer_at = run(venv / "bin" / "python", "-c", "import typer; print(typer.__file__)",
                   cwd=tmp_path)
    assert typer_at.startswith(tuple(outer_site_packages())), typer_at
    run(venv / "bin" / "i18n-kit", "init", "--example", "sco", cwd=tmp_path)
    out = run(venv / "bin" / "i18n-kit", "sync", "--project", "sco", cwd=tmp_path)
    assert out.splitlines()[-1].startswith("9 articles (9 read, ")
    page = (tmp_path / "sco" / "site" / "ru" / "index.html").read_text("utf-8")
    assert "Шанхайская организация сотрудничества" in page


def outer_site_packages() -> list[str]:
    """The folders this interpreter imports installed packages from: its venv's or the
    system's site-packages, and the user's when enabled."""
    folders = [*site.getsitepackages(), sysconfig.get_path("purelib"),
               sysconfig.get_path("platlib")]
    if site.ENABLE_USER_SITE:
        folders.append(site.getusersitepackages())
    return list(dict.fromkeys(folder for folder in folders if os.path.isdir(folder)))
