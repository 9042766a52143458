"""Running GNU gettext's msgcat and msgfmt in tests: the reference the writer is held to."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

INSTALL_HINT = "GNU gettext is needed for this test: apt-get install gettext"


def require(tool: str) -> str:
    """The path of ``tool`` (msgcat, msgfmt); fails the test when gettext is missing."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is not on PATH. {INSTALL_HINT}")
    return path


def msgcat(path: Path) -> str:
    """What ``msgcat`` (default width 79) writes for the PO file at ``path``.

    ``--force-po`` only matters for a catalog with a header and no entries, which msgcat
    would otherwise not write at all; format_catalog writes its header.
    """
    result = subprocess.run(
        [require("msgcat"), "--force-po", str(path)],
        capture_output=True,
        check=False,
        env=_c_locale(),
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8")


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    """``msgfmt -c`` (--check-format --check-header --check-domain) on ``path``."""
    return subprocess.run(
        [require("msgfmt"), "-c", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env=_c_locale(),
    )


def _c_locale() -> dict[str, str]:
    # msgcat's output does not depend on the locale, but its messages do.
    import os

    return {**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": ""}
