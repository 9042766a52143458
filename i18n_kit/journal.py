"""What a run killed mid-way leaves, and how the next one finishes or removes it.

A sync stages every changed output under a temporary name beside it
(``.<name>.<random>.tmp``) and, once all are staged, writes the journal
(``.i18n-kit/journal.json``: each output and its temporary file) before it renames any of
them into place, and removes the journal after the last rename. So after a kill:

- no journal: the run died before renaming anything; every output is as before, and its
  temporary files are debris (``remove_strays``);
- a journal: the run died while renaming; ``recover`` renames the rest, so the outputs
  are all the new ones (a catalog a translator saved since the kill is kept, not
  replaced: the sync that follows merges it).

Either way the sync that follows then brings every output up to date as any sync does.
The temporary-name rule, the journal's format and the commit that writes it belong to
``files.py``, below this module.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from i18n_kit.files import (
    JOURNAL,
    hash_bytes,
    is_temp_name,
    read_bytes_if_exists,
    read_journal,
    write_journal,
)

__all__ = ["JOURNAL", "recover", "remove_strays", "write_journal"]


def recover(root: Path, path: Path) -> int:
    """Finish the moves of a journal left by a killed run; the number of files moved."""
    moves = read_journal(path)
    if moves is None:
        return 0
    # an unreadable journal lists no moves: the strays are removed instead, and the
    # sync converges
    moved = 0
    for relative, temp_name, verify, digest in moves:
        final = root / relative
        temp = final.parent / temp_name
        if not temp.exists():
            continue
        current = read_bytes_if_exists(final)
        if verify and (None if current is None else hash_bytes(current)) != digest:
            # A save since the kill (a translator's): it is kept; the sync re-merges it.
            with contextlib.suppress(OSError):
                temp.unlink()
            continue
        with contextlib.suppress(OSError):
            os.replace(temp, final)
            moved += 1
    with contextlib.suppress(OSError):
        path.unlink()
    return moved


def remove_strays(folders: Iterable[Path]) -> int:
    """Remove every temporary file a killed run left under ``folders``; how many."""
    removed = 0
    for top in folders:
        for folder, subfolders, names in os.walk(top):
            subfolders[:] = [name for name in subfolders
                             if not os.path.islink(os.path.join(folder, name))]
            for name in names:
                if is_temp_name(name):
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, name))
                        removed += 1
    return removed
