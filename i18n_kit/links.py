"""Listing the project's input folders (content/, locales/, glossary/, tm/) so that nothing
outside the project is ever read through a symbolic link.

A link whose target is inside the project folder is followed, as if the file or folder
were there (a shared images folder, one article under two names). A link that leads out
of the project (``content/env.png -> /proc/self/environ``), one that points nowhere, and a
link loop are refused with one line naming the link: a sync stops before it reads
anything, so nothing from outside is ever copied into catalogs or published in site/.
"""

from __future__ import annotations

import os
from pathlib import Path

from i18n_kit.errors import SourceError


def list_files(root: Path, top: Path, *, hidden: bool = False) -> list[str]:
    """Project-relative POSIX paths of the files under ``top`` (a folder of the project
    ``root``), sorted; hidden files and folders are left out unless ``hidden``. A missing
    ``top`` has no files. Raises ``SourceError`` for a link that leaves the project,
    points nowhere or loops."""
    project = Path(os.path.realpath(root))
    prefix = top.relative_to(root).as_posix() if top.is_relative_to(root) else top.as_posix()
    if not os.path.lexists(top):
        return []
    real_top = _resolve(top, prefix, project)
    if not os.path.isdir(real_top):
        return []
    found: list[str] = []
    # each folder to list with the real paths of it and the folders it was reached
    # through: a link back to any of them (or to a folder holding one) is a loop
    folders: list[tuple[str, str, tuple[str, ...]]] = [(str(top), prefix, (real_top,))]
    while folders:
        folder, shown, chain = folders.pop()
        with os.scandir(folder) as entries:
            for item in entries:
                if item.name.startswith(".") and not hidden:
                    continue
                name = f"{shown}/{item.name}"
                if item.is_symlink():
                    real = _resolve(Path(item.path), name, project)
                    if not os.path.isdir(real):
                        found.append(name)
                    elif any(seen == real or seen.startswith(real + os.sep) for seen in chain):
                        raise SourceError(
                            "a symbolic link loop (it leads back to a folder that holds "
                            "it); remove the link", path=name)
                    else:
                        folders.append((item.path, name, (*chain, real)))
                elif item.is_dir(follow_symlinks=False):
                    real = os.path.join(chain[-1], item.name)
                    folders.append((item.path, name, (*chain, real)))
                elif item.is_file(follow_symlinks=False):
                    found.append(name)
    return sorted(found)


def check_folder(root: Path, top: Path | None) -> None:
    """Refuse a link under ``top`` that leaves the project, points nowhere or loops (see
    ``list_files``); hidden files included."""
    if top is not None:
        list_files(root, top, hidden=True)


def _resolve(path: Path, shown: str, project: Path) -> str:
    """Where the link at ``path`` (or a folder reached through links) really is; refuses
    a target outside ``project``, a missing one and a loop."""
    try:
        real = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        raise SourceError(
            f"a symbolic link to {os.readlink(path) if os.path.islink(path) else path!s}, "
            "which does not exist; remove the link or restore its target", path=shown
        ) from None
    except OSError as exc:  # ELOOP
        raise SourceError("a symbolic link loop; remove the link", path=shown) from exc
    if not Path(real).is_relative_to(project):
        target = os.readlink(path) if os.path.islink(path) else real
        raise SourceError(
            f"a symbolic link to {target}, outside the project; i18n-kit reads only files "
            "inside the project folder: copy the file in instead", path=shown)
    return real

