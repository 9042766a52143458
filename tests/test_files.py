"""Atomic writes: whole files, and the permissions a plain open() would give."""

from __future__ import annotations

import os
from pathlib import Path

from i18n_kit import files
from i18n_kit.files import write_file_atomic


def test_new_file_gets_the_umask_mode_and_an_existing_file_keeps_its_mode(
    tmp_path: Path,
) -> None:
    umask = os.umask(0o022)
    try:
        write_file_atomic(tmp_path / "new.po", b"x")
        expected = 0o666 & ~files._UMASK  # the umask the process started with
        assert (tmp_path / "new.po").stat().st_mode & 0o777 == expected
        kept = tmp_path / "kept.po"
        kept.write_bytes(b"old")
        kept.chmod(0o664)
        write_file_atomic(kept, b"new")
        assert (kept.stat().st_mode & 0o777, kept.read_bytes()) == (0o664, b"new")
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    finally:
        os.umask(umask)
