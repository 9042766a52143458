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
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from i18n_kit.files import hash_bytes, read_bytes_if_exists

JOURNAL = "journal.json"
JOURNAL_FORMAT = 1
#: tempfile.mkstemp's names as files.py asks for them: "." + name + "." + 8 random + ".tmp"
STRAY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def write_journal(
    path: Path, root: Path, moves: Sequence[tuple[str, str, bool, str | None]]
) -> None:
    """Record ``moves`` (output relative to ``root``, temporary file's name beside it,
    whether to check the output first, the hash it must still have) durably in ``path``."""
    data = json.dumps({"format": JOURNAL_FORMAT, "moves": list(moves)},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.writing")
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def recover(root: Path, path: Path) -> int:
    """Finish the moves of a journal left by a killed run; the number of files moved."""
    try:
        data = json.loads(path.read_bytes())
        moves = [(str(a), str(b), bool(c), None if d is None else str(d))
                 for a, b, c, d in data["moves"]]
    except FileNotFoundError:
        return 0
    except (OSError, ValueError, KeyError, TypeError):
        moves = []  # unreadable: the strays are removed instead, and the sync converges
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
                if STRAY.match(name) or name == f".{JOURNAL}.writing":
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, name))
                        removed += 1
    return removed
